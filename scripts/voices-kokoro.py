#!/usr/bin/env python3
"""Kokoro-82M (Apache-2.0, int8 ONNX) for scripts/voices-render.sh: speaks the phrases on
standard input, one a line, into DIR/1.wav, DIR/2.wav, ... (24 kHz mono, silence trimmed).

    .voices-venv/bin/python scripts/voices-kokoro.py VOICE LANGUAGE DIR < phrases
    .voices-venv/bin/python scripts/voices-kokoro.py --serve &

VOICE is a Kokoro voice (`if_sara`, `im_nicola`, `af_heart`, ...), LANGUAGE the scenario's
(`it`, `en`, `en-GB`, ...). Phonemes come from espeak-ng (as Kokoro's own pipelines do for
these languages), the model and the voices from .voices-venv/kokoro (scripts/voices-setup.sh
puts them there). Each phrase is kept in .voices-venv/kokoro/cache under a hash of what made
it, so a line heard in three deliveries is synthesised once. `--serve` holds the model for
many renders (a whole library: it saves loading it for every line); without a server the
model is loaded here.
"""
import hashlib
import json
import os
import re
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import wave
from pathlib import Path

HOME = Path(__file__).resolve().parent.parent / ".voices-venv" / "kokoro"
MODEL = HOME / "kokoro-v1.0.int8.onnx"
SOCKET = HOME / "serve.sock"
CACHE = HOME / "cache"
RATE = 24000
# Part of every cached phrase's name: a change to the phonemes or the model renames them.
VERSION = "kokoro-v1.0-int8+espeak-ng-1"
MAX_TOKENS = 500

# Kokoro-82M's phoneme vocabulary (its config.json, Apache-2.0): symbol -> token id.
VOCAB = {
    ';': 1, ':': 2, ',': 3, '.': 4, '!': 5, '?': 6, '—': 9, '…': 10, '"': 11, '(': 12, ')': 13,
    '“': 14, '”': 15, ' ': 16, '̃': 17, 'ʣ': 18, 'ʥ': 19, 'ʦ': 20, 'ʨ': 21, 'ᵝ': 22, 'ꭧ': 23,
    'A': 24, 'I': 25, 'O': 31, 'Q': 33, 'S': 35, 'T': 36, 'W': 39, 'Y': 41, 'ᵊ': 42, 'a': 43,
    'b': 44, 'c': 45, 'd': 46, 'e': 47, 'f': 48, 'h': 50, 'i': 51, 'j': 52, 'k': 53, 'l': 54,
    'm': 55, 'n': 56, 'o': 57, 'p': 58, 'q': 59, 'r': 60, 's': 61, 't': 62, 'u': 63, 'v': 64,
    'w': 65, 'x': 66, 'y': 67, 'z': 68, 'ɑ': 69, 'ɐ': 70, 'ɒ': 71, 'æ': 72, 'β': 75, 'ɔ': 76,
    'ɕ': 77, 'ç': 78, 'ɖ': 80, 'ð': 81, 'ʤ': 82, 'ə': 83, 'ɚ': 85, 'ɛ': 86, 'ɜ': 87, 'ɟ': 90,
    'ɡ': 92, 'ɥ': 99, 'ɨ': 101, 'ɪ': 102, 'ʝ': 103, 'ɯ': 110, 'ɰ': 111, 'ŋ': 112, 'ɳ': 113,
    'ɲ': 114, 'ɴ': 115, 'ø': 116, 'ɸ': 118, 'θ': 119, 'œ': 120, 'ɹ': 123, 'ɾ': 125, 'ɻ': 126,
    'ʁ': 128, 'ɽ': 129, 'ʂ': 130, 'ʃ': 131, 'ʈ': 132, 'ʧ': 133, 'ʊ': 135, 'ʋ': 136, 'ʌ': 138,
    'ɣ': 139, 'ɤ': 140, 'χ': 142, 'ʎ': 143, 'ʒ': 147, 'ʔ': 148, 'ˈ': 156, 'ˌ': 157, 'ː': 158,
    'ʰ': 162, 'ʲ': 164, '↓': 169, '→': 171, '↗': 172, '↘': 173, 'ᵻ': 177,
}

# Kokoro's Italian was trained on espeak-ng phonemes with affricates and diphthongs as one
# symbol each (espeak writes them tied with ^).
TIED = {"a^ɪ": "I", "a^ʊ": "W", "d^z": "ʣ", "d^ʒ": "ʤ", "e^ɪ": "A", "o^ʊ": "O", "ə^ʊ": "Q",
        "s^s": "S", "t^s": "ʦ", "t^ʃ": "ʧ", "ɔ^ɪ": "Y"}
PUNCTUATION = re.compile(r"([;:,.!?—…]+)")


def espeak(text, language):
    """espeak-ng's IPA for words without punctuation, on one line."""
    english = language.split("-")[0] == "en"
    voice = ("en-gb" if language.lower() in ("en-gb", "en_gb") else "en-us") if english else language.split("-")[0]
    args = ["espeak-ng", "-q", "--ipa", "-v", voice]
    if not english:
        args.insert(3, "--tie=^")
    out = subprocess.run(args, input=text.encode(), capture_output=True, check=True).stdout.decode()
    return " ".join(out.split())


def phonemes(phrase, language):
    """The phrase as Kokoro's phonemes: each run of words through espeak-ng, its punctuation
    kept (Kokoro reads it as intonation and pauses)."""
    spoken = ""
    for part in PUNCTUATION.split(phrase):
        if PUNCTUATION.fullmatch(part):
            spoken = spoken.rstrip() + part + " "
        elif part.strip():
            spoken += espeak(part, language) + " "
    spoken = spoken.strip()
    if language.split("-")[0] == "en":
        # As kokoro-js maps espeak-ng's English to Kokoro's.
        for old, new in (("ʲ", "j"), ("r", "ɹ"), ("x", "k"), ("ɬ", "l")):
            spoken = spoken.replace(old, new)
    for old, new in TIED.items():
        spoken = spoken.replace(old, new)
    return spoken.replace("^", "")


class Kokoro:
    """The model, loaded once; `speak` is safe from several threads."""

    def __init__(self):
        import onnxruntime

        # One thread a model run: `frontline voice --render` runs one render a core.
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(MODEL), sess_options=options,
                                                    providers=["CPUExecutionProvider"])
        self.styles = {}
        self.lock = threading.Lock()

    def style(self, voice):
        import numpy

        with self.lock:
            if voice not in self.styles:
                path = HOME / "voices" / f"{voice}.bin"
                if not path.is_file():
                    raise ValueError(f"no Kokoro voice `{voice}` in {path.parent}")
                self.styles[voice] = numpy.fromfile(path, dtype=numpy.float32).reshape(-1, 1, 256)
            return self.styles[voice]

    def speak(self, phrase, voice, language):
        """16-bit samples of the phrase, silence trimmed (from the cache when said before)."""
        key = hashlib.sha256("\0".join([VERSION, voice, language, phrase]).encode()).hexdigest()
        cached = CACHE / key[:2] / f"{key}.pcm"
        if cached.is_file():
            return cached.read_bytes()
        import numpy

        style = self.style(voice)
        pcm = []
        for chunk in chunks(phonemes(phrase, language)):
            tokens = [VOCAB[c] for c in chunk if c in VOCAB]
            if not tokens:
                continue
            audio = self.session.run(None, {
                "tokens": numpy.array([[0, *tokens, 0]], dtype=numpy.int64),
                "style": style[min(len(tokens), len(style) - 1)],
                "speed": numpy.array([1.0], dtype=numpy.float32),
            })[0].ravel()
            loud = numpy.nonzero(numpy.abs(audio) > 0.01)[0]
            if len(loud):
                pad = int(0.03 * RATE)
                audio = audio[max(0, loud[0] - pad):loud[-1] + pad]
            pcm.append((numpy.clip(audio, -1, 1) * 32767).astype("<i2").tobytes())
        data = b"".join(pcm)
        if not data:
            raise ValueError(f"Kokoro said nothing for {phrase!r}")
        cached.parent.mkdir(parents=True, exist_ok=True)
        part = cached.with_suffix(f".{os.getpid()}.{threading.get_ident()}.part")
        part.write_bytes(data)
        part.replace(cached)
        return data


def chunks(spoken):
    """Pieces of at most MAX_TOKENS symbols, cut between words (a phrase is rarely that long)."""
    out, current = [], ""
    for word in spoken.split(" "):
        if current and len(current) + len(word) + 1 > MAX_TOKENS:
            out.append(current)
            current = ""
        current = f"{current} {word}" if current else word
    return out + [current[:MAX_TOKENS]] if current else out


def write(directory, voice, language, phrases, kokoro):
    for n, phrase in enumerate(phrases, start=1):
        with wave.open(str(Path(directory) / f"{n}.wav"), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(kokoro.speak(phrase, voice, language))


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        try:
            job = json.loads(self.rfile.readline())
            write(job["dir"], job["voice"], job["language"], job["phrases"], self.server.kokoro)
            answer = {"ok": True}
        except Exception as e:  # the client reports it and fails its one line
            answer = {"error": f"{type(e).__name__}: {e}"}
        self.wfile.write(json.dumps(answer).encode() + b"\n")


def serve():
    """Speaks for every client that connects, each on its own thread, with one model."""

    class Server(socketserver.ThreadingUnixStreamServer):
        daemon_threads = True

    # Stopped with kill, it still takes its socket away.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    SOCKET.unlink(missing_ok=True)
    with Server(str(SOCKET), Handler) as server:
        server.kokoro = Kokoro()
        print(f"Kokoro serving on {SOCKET}", file=sys.stderr)
        try:
            server.serve_forever()
        finally:
            SOCKET.unlink(missing_ok=True)


def ask_server(job):
    """The server's answer, or None when no server is running."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.connect(str(SOCKET))
            s.sendall(json.dumps(job).encode() + b"\n")
            return json.loads(s.makefile().readline())
    except (FileNotFoundError, ConnectionRefusedError):
        return None


def main():
    if sys.argv[1:2] == ["--serve"]:
        serve()
        return
    if len(sys.argv) != 4:
        sys.exit(f"usage: {sys.argv[0]} VOICE LANGUAGE DIR < phrases   (or --serve)")
    voice, language, directory = sys.argv[1:]
    phrases = [p.strip() for p in sys.stdin.read().splitlines() if p.strip()]
    job = {"voice": voice, "language": language, "dir": str(Path(directory).resolve()), "phrases": phrases}
    answer = ask_server(job)
    if answer is None:
        if not MODEL.is_file():
            sys.exit(f"no Kokoro model at {MODEL}: run scripts/voices-setup.sh")
        write(directory, voice, language, phrases, Kokoro())
    elif "error" in answer:
        sys.exit(f"Kokoro: {answer['error']}")


if __name__ == "__main__":
    main()
