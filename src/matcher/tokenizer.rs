//! The sentence encoder's tokenizer: SentencePiece's `nmt_nfkc` normaliser and its unigram
//! segmentation (Viterbi), ported from the pure-Python port that ships with the model.

use std::collections::HashMap;

/// Hash maps keyed by short strings, looked up for every character of a reply.
type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// The piece id of an unknown character.
const UNK: u32 = 0;
/// The piece id that opens every sentence.
const BOS: u32 = 1;
/// The piece id that closes every sentence.
const EOS: u32 = 2;
/// SentencePiece's word marker, which replaces spaces.
const SPACE: &str = "\u{2581}";

/// Turns a reply into the vocabulary ids the encoder reads.
#[derive(Debug)]
pub(super) struct Tokenizer {
    /// Every piece and its id.
    pieces: FastMap<Box<str>, u32>,
    scores: Vec<f32>,
    unknown_score: f32,
    /// The longest piece, in characters.
    longest: usize,
    /// Normaliser rules: a byte string and what it becomes.
    rules: FastMap<Box<[u8]>, Box<[u8]>>,
    longest_rule: usize,
}

impl Tokenizer {
    /// A tokenizer over `pieces` (with their scores) and the normaliser's `rules`.
    pub(super) fn new(
        pieces: Vec<(String, f32)>,
        unknown_score: f32,
        rules: Vec<(Vec<u8>, Vec<u8>)>,
    ) -> Self {
        let mut map: FastMap<Box<str>, u32> =
            FastMap::with_capacity_and_hasher(pieces.len(), Default::default());
        let mut scores = Vec::with_capacity(pieces.len());
        let mut longest = 0;
        for (id, (piece, score)) in (0u32..).zip(pieces) {
            scores.push(score);
            longest = longest.max(piece.chars().count());
            map.insert(piece.into_boxed_str(), id);
        }
        let longest_rule = rules.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        let rules = rules
            .into_iter()
            .map(|(k, v)| (k.into_boxed_slice(), v.into_boxed_slice()))
            .collect();
        Tokenizer {
            pieces: map,
            scores,
            unknown_score,
            longest,
            rules,
            longest_rule,
        }
    }

    /// The ids of `text`, between the sentence's opening and closing ids.
    pub(super) fn encode(&self, text: &str) -> Vec<u32> {
        let normalized = self.normalize(text);
        let mut ids = vec![BOS];
        if normalized.is_empty() {
            ids.push(UNK);
        } else {
            ids.extend(self.segment(&normalized));
        }
        ids.push(EOS);
        ids
    }

    /// The replacement of the longest rule matching `raw` at `pos`, or the character there.
    fn normalize_prefix<'a>(&'a self, raw: &'a [u8], pos: usize) -> (&'a [u8], usize) {
        let longest = self.longest_rule.min(raw.len() - pos);
        for len in (1..=longest).rev() {
            if let Some(replacement) = self.rules.get(&raw[pos..pos + len]) {
                return (replacement, len);
            }
        }
        let len = utf8_len(raw, pos);
        (&raw[pos..pos + len], len)
    }

    /// SentencePiece's normal form: rules applied, runs of spaces collapsed, a word marker
    /// before every word.
    fn normalize(&self, text: &str) -> String {
        let raw = text.as_bytes();
        let mut pos = 0;
        while pos < raw.len() {
            let (piece, consumed) = self.normalize_prefix(raw, pos);
            if piece != b" " {
                break;
            }
            pos += consumed;
        }
        if pos >= raw.len() {
            return String::new();
        }
        let mut out: Vec<u8> = SPACE.as_bytes().to_vec();
        let mut after_space = true;
        while pos < raw.len() {
            let (mut piece, consumed) = self.normalize_prefix(raw, pos);
            pos += consumed;
            if after_space {
                while let [b' ', rest @ ..] = piece {
                    piece = rest;
                }
            }
            if let Some(&last) = piece.last() {
                for &byte in piece {
                    if byte == b' ' {
                        out.extend_from_slice(SPACE.as_bytes());
                    } else {
                        out.push(byte);
                    }
                }
                after_space = last == b' ';
            }
        }
        while out.ends_with(SPACE.as_bytes()) {
            out.truncate(out.len() - SPACE.len());
        }
        // Rules map valid UTF-8 to valid UTF-8 and other bytes pass through whole characters.
        String::from_utf8_lossy(&out).into_owned()
    }

    /// The most probable segmentation into pieces (SentencePiece's unigram Viterbi, with its
    /// tie-breaking: the earliest-starting piece wins a tie).
    fn segment(&self, normalized: &str) -> Vec<u32> {
        let offsets: Vec<usize> = normalized
            .char_indices()
            .map(|(i, _)| i)
            .chain([normalized.len()])
            .collect();
        let chars = offsets.len() - 1;
        // Sums in f64, as the reference does, so ties break the same way.
        let mut best = vec![f64::MIN; chars + 1];
        best[0] = 0.0;
        let mut start_of = vec![0usize; chars + 1];
        let mut piece_of = vec![UNK; chars + 1];
        for i in 0..chars {
            let base = best[i];
            let mut single = false;
            for j in i + 1..=(i + self.longest).min(chars) {
                let Some(&id) = self.pieces.get(&normalized[offsets[i]..offsets[j]]) else {
                    continue;
                };
                let score = base + f64::from(self.scores[id as usize]);
                if score > best[j] {
                    best[j] = score;
                    start_of[j] = i;
                    piece_of[j] = id;
                }
                single |= j == i + 1;
            }
            if !single {
                let score = base + f64::from(self.unknown_score);
                if score > best[i + 1] {
                    best[i + 1] = score;
                    start_of[i + 1] = i;
                    piece_of[i + 1] = UNK;
                }
            }
        }
        let mut ids = Vec::new();
        let mut end = chars;
        while end > 0 {
            ids.push(piece_of[end]);
            end = start_of[end];
        }
        ids.reverse();
        ids
    }
}

/// The length of the UTF-8 character at `pos`, 1 for a byte that starts none.
fn utf8_len(raw: &[u8], pos: usize) -> usize {
    let len = match raw[pos] {
        b if b < 0x80 => 1,
        b if b >> 5 == 0x6 => 2,
        b if b >> 4 == 0xE => 3,
        b if b >> 3 == 0x1E => 4,
        _ => 1,
    };
    let complete = raw
        .get(pos + 1..pos + len)
        .is_some_and(|rest| rest.iter().all(|b| b & 0xC0 == 0x80));
    if complete { len } else { 1 }
}
