#!/usr/bin/env python3
"""Spells out the figures and codes of a customer's line the way a customer says them, for
the speech engines, which misread them (Festival's Italian said `624,30` as "fece in
124,30"; Kokoro read `LU-3098847` as "three million ninety-eight thousand ..."):

    scripts/voices-words.py LANGUAGE < line

- a code (letters and figures together, `LU-3098847`, `BLLMRC71C12F205K`, `BW-2207-391`)
  is read out sign by sign, letters by their names, figures one by one, a short pause
  between its parts (so a word in capitals with figures is a code: write `COVID-19` as the
  customer says it, "Covid-19", for it to be said as a word);
- a telephone number (groups of figures apart, `333 904 1127`, `4 8 1 9 0 2`) is read
  figure by figure, a pause between groups;
- a date written `30/10/1981` is said as a date ("the 30th of October 1981", "trenta ottobre
  millenovecentottantuno");
- in Italian an amount or a number is said in words (`624,30 euro` is "seicentoventiquattro
  euro e trenta", `0,219` is "zero virgola duecentodiciannove"); English amounts are said
  "145 euros 60" (espeak-ng, which makes Kokoro's phonemes, reads English figures well).

Other languages pass through unchanged.
"""
import re
import sys

UNITS = ("zero uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici "
         "quattordici quindici sedici diciassette diciotto diciannove").split()
TENS = "_ _ venti trenta quaranta cinquanta sessanta settanta ottanta novanta".split()
DIGITS = {
    "it": UNITS[:10],
    "en": "zero one two three four five six seven eight nine".split(),
}
# Letters by their names, as a customer spells them on the phone.
LETTERS = {
    "it": dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (
        "a bi ci di e effe gi acca i ilunga cappa elle emme enne o pi cu erre esse ti u vu "
        "doppiavu ics ipsilon zeta").split())),
    "en": dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (
        "ay bee see dee ee eff gee aitch eye jay kay el em en oh pee cue ar ess tee you vee "
        "doubleyou ex why zed").split())),
}
MONTHS = {
    "it": ("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
           "novembre dicembre").split(),
    "en": ("January February March April May June July August September October November "
           "December").split(),
}
DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
# A code: capitals and figures, with at least one of each, maybe joined by hyphens.
CODE = re.compile(r"\b(?=[A-Z0-9-]*[A-Z])(?=[A-Z0-9-]*[0-9])[A-Z0-9]+(?:-[A-Z0-9]+)*\b")
# A telephone number: three or more groups of figures apart, the first three long at least
# (`333 904 1127`), or four or more single figures apart (`4 8 1 9 0 2`).
PHONE = re.compile(r"(?<![\d,.])(?:\d{3,}(?: \d{2,}){2,}|\d(?: \d){3,})(?!\d|[,.]\d)")


def below_thousand(n):
    hundreds, rest = divmod(n, 100)
    words = ""
    if hundreds:
        words = "cento" if hundreds == 1 else UNITS[hundreds] + "cento"
    if rest == 0:
        return words or "zero"
    if rest < 20:
        tail = UNITS[rest]
    else:
        tens, unit = divmod(rest, 10)
        tail = TENS[tens]
        if unit in (1, 8):
            tail = tail[:-1]  # ventuno, ventotto
        if unit:
            tail += UNITS[unit]
    if words.endswith("cento") and tail.startswith("ott"):
        words = words[:-1]  # centottanta
    return words + tail


def italian(n):
    """The number in Italian words, as one word below a million (`seicentoventiquattro`),
    with the accent of a compound's last three (`ventitré`)."""
    words = plain_italian(n)
    return words[:-3] + "tré" if words.endswith("tre") and words != "tre" else words


def plain_italian(n):
    if n < 1000:
        return below_thousand(n)
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        head = "mille" if thousands == 1 else below_thousand(thousands) + "mila"
        return head + (below_thousand(rest) if rest else "")
    millions, rest = divmod(n, 1_000_000)
    head = "un milione" if millions == 1 else plain_italian(millions) + " milioni"
    return head + (" " + plain_italian(rest) if rest else "")


def spell(text, language):
    """A code sign by sign: letters by name, figures one by one, a pause between parts."""
    parts = []
    for part in re.findall(r"[A-Z]+|[0-9]+", text):
        if part.isdigit():
            parts.append(" ".join(DIGITS[language][int(d)] for d in part))
        else:
            # A long run of letters in threes, as it is read out (`BLL MRC`).
            for i in range(0, len(part), 3):
                parts.append(" ".join(LETTERS[language][c] for c in part[i:i + 3]))
    return ", ".join(parts)


def date(match, language):
    """`30/10/1981` as it is said: "the 30th of October 1981", "30 ottobre 1981" (the
    figures then said in words like any other)."""
    day, month, year = (int(g) for g in match.groups())
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return match.group(0)
    name = MONTHS[language][month - 1]
    if language == "it":
        return f"{'primo' if day == 1 else day} {name} {year}"
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"the {day}{suffix} of {name} {year}"


def phone(text, language):
    groups = text.split()
    if all(len(group) == 1 for group in groups):
        return " ".join(DIGITS[language][int(d)] for d in groups)
    return ", ".join(" ".join(DIGITS[language][int(d)] for d in group) for group in text.split())


def italian_figure(match):
    whole, decimals = match.group(1).replace(".", ""), match.group(2)
    money = match.group(3)
    if len(whole) > 9:
        return " ".join(UNITS[int(d)] for d in whole) + (money or "")
    words = italian(int(whole))
    if decimals is None or not int(decimals):
        return words + (money or "")
    if money and len(decimals) == 2:
        # 624,30 euro: "seicentoventiquattro euro e trenta".
        return f"{words}{money} e {italian(int(decimals))}"
    # 0,219: "zero virgola duecentodiciannove" (a price per kilowatt-hour, as it is read).
    return f"{words} virgola {italian(int(decimals))}{money or ''}"


def speak(text, language):
    if language not in DIGITS:
        return text
    text = DATE.sub(lambda m: date(m, language), text)
    text = CODE.sub(lambda m: spell(m.group(0), language), text)
    text = PHONE.sub(lambda m: phone(m.group(0), language), text)
    if language == "it":
        # 1.234,56 and 624,30 and 10: thousands with dots, decimals after a comma.
        text = re.sub(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,3}))?(?!\d)( euro\b)?", italian_figure, text)
    else:
        text = re.sub(r"(\d+)\.(\d\d) euros\b", r"\1 euros \2", text)
    return text


def main():
    language = (sys.argv[1] if len(sys.argv) > 1 else "it").split("-")[0]
    sys.stdout.write(speak(sys.stdin.read(), language))


if __name__ == "__main__":
    main()
