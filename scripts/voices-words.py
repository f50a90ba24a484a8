#!/usr/bin/env python3
"""Spells out the figures of an Italian line for Festival, whose Italian voices misread them
(`624,30` as "fece in 124,30"): `scripts/voices-words.py it < line`. Other languages pass
through unchanged (Festival's English reads figures well)."""
import re
import sys

UNITS = ("zero uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici "
         "quattordici quindici sedici diciassette diciotto diciannove").split()
TENS = "_ _ venti trenta quaranta cinquanta sessanta settanta ottanta novanta".split()


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
    # Written apart ("seicento ventiquattro"): Festival's diphones say a long compound badly.
    return f"{words} {tail}" if words else tail


def italian(n):
    if n < 1000:
        return below_thousand(n)
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        head = "mille" if thousands == 1 else below_thousand(thousands) + "mila"
        return head + (" " + below_thousand(rest) if rest else "")
    millions, rest = divmod(n, 1_000_000)
    head = "un milione" if millions == 1 else italian(millions) + " milioni"
    return head + (" " + italian(rest) if rest else "")


def figure(match):
    whole, cents = match.group(1).replace(".", ""), match.group(2)
    if len(whole) > 9:
        return " ".join(UNITS[int(d)] for d in whole)
    words = italian(int(whole))
    if cents and int(cents):
        words += " e " + italian(int(cents))
    return words


def main():
    language = (sys.argv[1] if len(sys.argv) > 1 else "it").split("-")[0]
    text = sys.stdin.read()
    if language == "it":
        # 1.234,56 and 624,30 and 10: thousands with dots, cents after a comma.
        text = re.sub(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?(?!\d)", figure, text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
