#!/usr/bin/env python3
"""Intelligibility of the rendered voices: a sample of lines per language, rendered, heard
back by an offline recogniser (Whisper base, faster-whisper), scored as word error rate.

    scripts/voices-setup.sh --measure          # once: the recogniser in .voices-venv
    .voices-venv/bin/python scripts/voices-wer.py [--per-language 45] [--engine kokoro|festival|espeak]
        [--voices target/voices.json] [--files] [--language it] [--save heard.json]

The lines come from `frontline voice --format json` (run it first into --voices). With
--files the library's own rendered files are heard (what ships); without it each sampled
line is rendered afresh into a temporary folder with scripts/voices-render.sh and the
engine asked for (FRONTLINE_VOICE_ENGINE), so engines can be compared on the same lines.
The sample is drawn with a fixed seed, in equal parts from each delivery (calm, distressed,
angry) as far as the library has them; --language keeps one language's part of the same
sample. Prints the WER per language and delivery, with figures, amounts and codes compared
as said (`392,10 €` and "392 euro e 10" are one word, see `words`), also with the figures
compared as written (three errors there) and without the words that hold a digit, and the
seconds of rendering per second of speech; --save writes every line and what was heard to
a JSON file.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from importlib import import_module
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def number_words(language):
    """Every number a line may say in words, below 3,000, to its figures (`quarantasei`: 46)."""
    if language == "it":
        speller = import_module("voices-words")
        spelt = {speller.plain_italian(n): str(n) for n in range(3000)}
        return spelt | {speller.italian(n): str(n) for n in range(3000)}
    units = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
             "fourteen fifteen sixteen seventeen eighteen nineteen").split()
    tens = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
    spelt = {w: str(n) for n, w in enumerate(units)}
    for t in range(2, 10):
        spelt[tens[t]] = str(10 * t)
        for u in range(1, 10):
            spelt[f"{tens[t]}-{units[u]}"] = str(10 * t + u)
    return spelt


NUMBER_WORDS = {}


def words(text, language, as_written=False):
    """Both sides as they are compared: lower-case words without punctuation, written the
    same whatever the way the words were put on paper.

    - a number said in words is its figures (`quarantasei` and `46` are one word);
    - a figure is one word however it is grouped (`486,60`, `486.60`; `0, 219`);
    - an amount is one word whichever way it is said: `58,30 €`, "58 e 30 euro",
      "58 euro e 30", "145 euros 60";
    - a code or a telephone number, figures and capitals apart or together (`ER-2010-39540`,
      "R 2, 0, 1, 0", `333 904 1127`), is one word; `€` is "euro", `%` "per cento".

    `as_written` compares the figures as they are written (the measure of earlier runs):
    only `486,60` and `486.60` are one word, and "58 e 30 euro" against `58,30 €` is three
    errors.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("€", " euros " if language == "en" else " euro ")
    text = text.replace("£", " pounds ")
    text = text.replace("%", " percent " if language == "en" else " per cento ")
    if as_written:
        text = re.sub(r"(\d)[.,](\d)", r"\1\2", text)
    else:
        text = said_alike(text, language)
    text = unicodedata.normalize("NFC", text.lower())
    text = re.sub(r"[^\w\s']", " ", text)
    text = text.replace("'", " ")
    return text.split()


def said_alike(text, language):
    """Figures, amounts and codes written one way, however the recogniser or the line wrote them."""
    spelt = NUMBER_WORDS.setdefault(language, number_words(language))
    speller = import_module("voices-words")
    if language in speller.MONTHS:
        # A date as it is said: `30/10/1981` is "the 30th of October 1981".
        text = speller.DATE.sub(lambda m: speller.date(m, language), text)
        text = re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"\b(euros?|pounds) +(\d[\d.,]*\d|\d)", r"\2 \1", text)  # € 145.60: 145.60 euros
    text = re.sub(r"[\w-]+", lambda m: spelt.get(m.group(0).lower(), m.group(0)), text)
    # Amounts: the cents after "e" / "and" / "virgola" / "point", or after the currency.
    text = re.sub(r"\b(\d+),? (euros?|pounds?),? (?:e |and )?(\d\d)\b", r"\1\3 \2", text)
    text = re.sub(r"\b(\d+) (?:e|ed|and|virgola|point) (\d+)\b", r"\1\2", text)
    # Codes and numbers: runs of capitals and figures with a figure in them, whatever is
    # between their parts (spaces, commas, hyphens, slashes, a dot within), not across the
    # end of a sentence.
    sign = r"[A-Z0-9]+"
    text = re.sub(rf"\b{sign}(?:(?:[\s,\-/]|\.(?!\s))+{sign})*\b",
                  lambda m: re.sub(r"[\s,.\-/]", "", m.group(0)) if re.search(r"\d", m.group(0)) else m.group(0),
                  text)
    return text


def without_digits(words):
    """The words without those that hold a digit (figures, codes)."""
    return [w for w in words if not any(c.isdigit() for c in w)]


def wer(reference, hypothesis):
    """Word error rate: edits (substitutions, deletions, insertions) over the reference's words."""
    r, h = reference, hypothesis
    row = list(range(len(h) + 1))
    for i in range(1, len(r) + 1):
        prev, row[0] = row[0], i
        for j in range(1, len(h) + 1):
            cur = min(row[j] + 1, row[j - 1] + 1, prev + (r[i - 1] != h[j - 1]))
            prev, row[j] = row[j], cur
    return row[len(h)], len(r)


def sample(voices, per_language, seed):
    rng = random.Random(seed)
    chosen = []
    for language in sorted({v["language"].split("-")[0] for v in voices}):
        pool = [v for v in voices if v["language"].split("-")[0] == language]
        by_mood = {}
        for v in pool:
            by_mood.setdefault(v["mood"], []).append(v)
        moods = sorted(by_mood)
        picked = []
        for i in range(per_language):
            bucket = by_mood[moods[i % len(moods)]]
            rest = [v for v in bucket if v not in picked]
            if not rest:
                rest = [v for v in pool if v not in picked]
            picked.append(rng.choice(rest))
        chosen += [(language, v) for v in picked]
    return chosen


def duration(path):
    out = subprocess.run(["soxi", "-D", str(path)], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voices", default="target/voices.json")
    parser.add_argument("--per-language", type=int, default=45)
    parser.add_argument("--engine", default="kokoro")
    parser.add_argument("--files", action="store_true", help="hear the library's own files")
    parser.add_argument("--model", default=os.environ.get("FRONTLINE_WHISPER", ".voices-venv/whisper-base"))
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--language", help="only this language's part of the sample")
    parser.add_argument("--save", help="a JSON file for every line and what was heard")
    args = parser.parse_args()
    from faster_whisper import WhisperModel

    voices = json.loads(Path(args.voices).read_text())["voices"]
    chosen = [(language, v) for language, v in sample(voices, args.per_language, args.seed)
              if args.language in (None, language)]
    model = WhisperModel(args.model, device="cpu", compute_type="int8", cpu_threads=2)
    totals = {}
    heard_lines = []
    render_seconds = speech_seconds = 0.0
    env = dict(os.environ, FRONTLINE_VOICE_ENGINE=args.engine)
    with tempfile.TemporaryDirectory() as tmp:
        for n, (language, v) in enumerate(chosen):
            if args.files:
                audio = Path(v["file"])
            else:
                audio = Path(tmp) / f"{n}.ogg"
                start = time.monotonic()
                subprocess.run(
                    [str(HERE / "voices-render.sh"), v["voice"], v["mood"], v["language"], str(audio)],
                    input=v["text"].encode(), env=env, check=True,
                )
                render_seconds += time.monotonic() - start
            speech_seconds += duration(audio)
            segments, _ = model.transcribe(str(audio), language=language, beam_size=5)
            heard = " ".join(s.text.strip() for s in segments)
            reference, hypothesis = words(v["text"], language), words(heard, language)
            errors, count = wer(reference, hypothesis)
            plain = wer(*(without_digits(w) for w in (reference, hypothesis)))
            written = wer(words(v["text"], language, True), words(heard, language, True))
            for key in [(language, "all"), (language, v["mood"])]:
                e, c, k, pe, pc, we, wc = totals.get(key, (0,) * 7)
                totals[key] = (e + errors, c + count, k + 1, pe + plain[0], pc + plain[1],
                               we + written[0], wc + written[1])
            heard_lines.append({"language": language, "mood": v["mood"], "text": v["text"],
                                "heard": heard, "errors": errors, "words": count})
            print(f"{language} {v['mood']:<10} {errors:>2}/{count:<3} {v['text']!r} -> {heard!r}", file=sys.stderr)
    print(f"engine: {'the shipped files' if args.files else args.engine}")
    for (language, mood), (e, c, k, pe, pc, we, wc) in sorted(totals.items()):
        print(f"{language} {mood:<10} lines {k:>3}  words {c:>4}  WER {100 * e / max(c, 1):5.1f}%"
              f"  figures as written {100 * we / max(wc, 1):5.1f}%"
              f"  without figures and codes {100 * pe / max(pc, 1):5.1f}%")
    if args.save:
        Path(args.save).write_text(json.dumps(heard_lines, ensure_ascii=False, indent=1))
    if render_seconds:
        print(f"rendering: {render_seconds:.1f} s for {speech_seconds:.1f} s of speech "
              f"({render_seconds / speech_seconds:.2f} s a second of speech, one core)")


if __name__ == "__main__":
    main()
