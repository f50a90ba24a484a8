//! What the trainee's words say beside their meaning: the words shared with a choice (typos
//! and missing accents forgiven), the figures (a figure of the reply that a choice does not
//! have counts against it) and negation ("non le posso promettere" is not "le prometto").

use std::collections::HashSet;

/// Negation cues, English and Italian (after folding: lower case, no accents, "n't" → "not").
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "cannot", "cant", "dont", "didnt", "doesnt", "isnt", "wont", "nothing",
    "nobody", "none", "without", "non", "mai", "nessun", "nessuno", "nessuna", "niente", "nulla",
    "neanche", "nemmeno", "senza",
];

/// Numbers written as words. "One" and "uno/una" are left out: they are mostly pronouns and
/// articles.
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("due", 2.0),
    ("tre", 3.0),
    ("quattro", 4.0),
    ("cinque", 5.0),
    ("sei", 6.0),
    ("sette", 7.0),
    ("otto", 8.0),
    ("nove", 9.0),
    ("dieci", 10.0),
    ("undici", 11.0),
    ("dodici", 12.0),
    ("venti", 20.0),
    ("trenta", 30.0),
    ("cinquanta", 50.0),
    ("cento", 100.0),
];

/// How many tokens after a negation cue it still reaches.
const NEGATION_REACH: usize = 3;

/// The words of a text as the lexical features see them.
#[derive(Debug, Clone, Default)]
pub(super) struct Words {
    /// Content words (three letters or more, no cue, no number word).
    words: Vec<String>,
    /// Every figure, in digits or in words.
    figures: Vec<f64>,
    /// The figures written in digits: only those count against a choice that lacks them.
    digits: Vec<f64>,
    /// Stems of the content words that a negation cue governs.
    negated: HashSet<String>,
}

impl Words {
    /// The words of `texts` together (a choice's text and its examples).
    pub(super) fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Words {
        let mut all = Words::default();
        for text in texts {
            let tokens = tokens(text);
            let mut last_cue: Option<usize> = None;
            for (k, token) in tokens.iter().enumerate() {
                if token.starts_with(|c: char| c.is_ascii_digit()) {
                    if let Some(value) = figure(token) {
                        all.figures.push(value);
                        all.digits.push(value);
                    }
                } else if NEGATIONS.contains(&token.as_str()) {
                    last_cue = Some(k);
                } else if let Some(&(_, value)) = NUMBER_WORDS.iter().find(|(w, _)| w == token) {
                    all.figures.push(value);
                } else if token.chars().count() >= 3 {
                    if last_cue.is_some_and(|cue| k - cue <= NEGATION_REACH) {
                        all.negated.insert(stem(token));
                    }
                    all.words.push(token.clone());
                }
            }
        }
        all.words.sort();
        all.words.dedup();
        all
    }

    fn has_word_like(&self, word: &str) -> bool {
        self.words.iter().any(|w| close(word, w))
    }

    fn has_figure(&self, value: f64) -> bool {
        self.figures.iter().any(|&f| (f - value).abs() < 1e-9)
    }
}

/// The lexical evidence for one choice.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Evidence {
    /// The share of the reply's words (weighted by how rare they are among the node's choices)
    /// that the choice has: 0 to 1.
    pub overlap: f32,
    /// The reply's figures found in the choice minus those missing, weighted likewise: -1 to 1.
    pub figures: f32,
    /// Words shared with the choice but negated in one and not the other.
    pub negation_clashes: usize,
}

/// The lexical evidence of `reply` for each of `choices` (the words of a node's choices).
pub(super) fn evidence(reply: &Words, choices: &[Words]) -> Vec<Evidence> {
    let rarity = |count: usize| (1.0 + choices.len() as f64 / (1.0 + count as f64)).ln();
    let word_weights: Vec<f64> = reply
        .words
        .iter()
        .map(|w| rarity(choices.iter().filter(|c| c.has_word_like(w)).count()))
        .collect();
    let mut figures = reply.figures.clone();
    figures.sort_by(f64::total_cmp);
    figures.dedup();
    let figure_weights: Vec<f64> = figures
        .iter()
        .map(|&f| rarity(choices.iter().filter(|c| c.has_figure(f)).count()))
        .collect();
    choices
        .iter()
        .map(|choice| {
            let (mut hit, mut total) = (0.0, 0.0);
            let mut clashes = 0;
            for (word, weight) in reply.words.iter().zip(&word_weights) {
                total += weight;
                let matched: Vec<&String> =
                    choice.words.iter().filter(|w| close(word, w)).collect();
                if matched.is_empty() {
                    continue;
                }
                hit += weight;
                let negated_here = reply.negated.contains(&stem(word));
                let negated_there = matched.iter().any(|w| choice.negated.contains(&stem(w)));
                clashes += usize::from(negated_here != negated_there);
            }
            let (mut score, mut weights) = (0.0, 0.0);
            for (&value, weight) in figures.iter().zip(&figure_weights) {
                weights += weight;
                if choice.has_figure(value) {
                    score += weight;
                } else if reply.digits.iter().any(|&d| (d - value).abs() < 1e-9) {
                    score -= weight;
                }
            }
            Evidence {
                overlap: if total > 0.0 {
                    (hit / total) as f32
                } else {
                    0.0
                },
                figures: if weights > 0.0 {
                    (score / weights) as f32
                } else {
                    0.0
                },
                negation_clashes: clashes,
            }
        })
        .collect()
}

/// Lower case, accents removed, "n't" as " not", split into runs of letters and figures
/// (digits with inner `.` or `,`).
fn tokens(text: &str) -> Vec<String> {
    let folded: String = text
        .chars()
        .flat_map(char::to_lowercase)
        .map(unaccent)
        .collect();
    let folded = folded.replace("n't", " not").replace("n\u{2019}t", " not");
    let chars: Vec<char> = folded.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_ascii_lowercase() {
            while i < chars.len() && chars[i].is_ascii_lowercase() {
                i += 1;
            }
        } else if c.is_ascii_digit() {
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], '.' | ',')
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                i += 1;
            }
        } else {
            i += 1;
            continue;
        }
        out.push(chars[start..i].iter().collect());
    }
    out
}

/// The value of a figure token: `162,20` and `162.20` are 162.2; `12.000` and `1,000` group
/// thousands.
fn figure(token: &str) -> Option<f64> {
    let groups: Vec<&str> = token.split(['.', ',']).collect();
    let thousands =
        groups.len() > 1 && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3);
    if thousands {
        return groups.concat().parse().ok();
    }
    match groups.as_slice() {
        [whole] => whole.parse().ok(),
        [whole, fraction] => format!("{whole}.{fraction}").parse().ok(),
        _ => None,
    }
}

/// The letter without its accent, for the Latin letters English and Italian use.
fn unaccent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

/// A crude stem, enough to tie "rata" to "rate" and "promise" to "promised".
fn stem(word: &str) -> String {
    word.chars().take(5).collect()
}

/// Whether two words are the same word: equal, sharing their first five letters, or one typo
/// apart (both four letters or more).
fn close(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la >= 5 && lb >= 5 && stem(a) == stem(b) {
        return true;
    }
    la >= 4 && lb >= 4 && la.abs_diff(lb) <= 1 && edit_distance(a, b) <= 1
}

/// Levenshtein distance.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// The figures of `text`, sorted, each once.
pub(super) fn figures_of(text: &str) -> Vec<f64> {
    let mut figures = Words::of([text]).figures;
    figures.sort_by(f64::total_cmp);
    figures.dedup();
    figures
}
