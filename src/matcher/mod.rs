//! The own-words matcher: ranks the choices of a node by how close a typed reply is to each,
//! in meaning (a multilingual sentence encoder, offline) and in the words used (figures,
//! negation, shared words), and says whether it is sure.
//!
//! ```no_run
//! # use frontline::matcher::Matcher;
//! let matcher = Matcher::load_default()?;
//! let choices = ["Three instalments of € 162.20", "Six instalments of € 81.10"];
//! let ranking = matcher.rank(&choices.map(|t| (t, &[][..])), "3 rate da 162,20");
//! assert_eq!(ranking.ranked[0].index, 0);
//! # Ok::<(), frontline::matcher::MatcherError>(())
//! ```

mod encoder;
mod lexical;
mod reply;
mod tokenizer;

use std::path::{Path, PathBuf};

use encoder::Encoder;
pub use encoder::ModelError;
use lexical::Words;
pub use reply::{MOST_CHARS, Reply, Showing};

use crate::engine::Offer;
use crate::scenario::Choice;

/// Where the model lives inside the assets folder.
pub const MODEL_FILE: &str = "matcher/use-m3-latin.bin";

/// How much the share of the reply's words found in a choice adds to its score.
const OVERLAP_WEIGHT: f32 = 0.2;
/// How much the figures add (all found) or take away (all missing).
const FIGURES_WEIGHT: f32 = 0.25;
/// What each negation clash (a shared word negated on one side only) takes away.
const NEGATION_WEIGHT: f32 = 0.1;
/// At most this many clashes count.
const NEGATION_CLASHES_COUNTED: usize = 2;
/// The best choice must score at least this much for the matcher to be sure …
const CONFIDENT_SCORE: f32 = 0.5;
/// … and lead the second by at least this much.
const CONFIDENT_MARGIN: f32 = 0.1;
/// When the matcher is not sure, the answers within this much of the best are the closest
/// (two at least, three at most).
const CLOSEST_SPREAD: f32 = 0.15;
/// Two choices of a node whose meanings are at least this close cannot be told apart.
const TOO_CLOSE_SIMILARITY: f32 = 0.9;

/// Why the matcher cannot start.
#[derive(Debug, thiserror::Error)]
pub enum MatcherError {
    /// The model file cannot be read.
    #[error("cannot read the matcher model {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The model file is not a valid model.
    #[error("the matcher model {} is unusable: {source}", path.display())]
    Model {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        source: ModelError,
    },
    /// No assets folder was found (`FRONTLINE_ASSETS` unset, none beside the program).
    #[error(
        "no assets folder found for the matcher model (set FRONTLINE_ASSETS to the folder holding {MODEL_FILE})"
    )]
    NoAssets,
}

/// The matcher, loaded once and used for every reply.
#[derive(Debug)]
pub struct Matcher {
    encoder: Encoder,
}

/// How a reply ranks the choices of a node.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// Whether the best choice is clearly the one meant: strong enough and well ahead of the
    /// second. When not, the trainee should pick among the closest.
    pub confident: bool,
    /// Every choice, best first (ties in the order written).
    pub ranked: Vec<Ranked>,
}

impl Ranking {
    /// The answers to offer when the matcher is not sure: the best and those within
    /// 0.15 of it, two at least and three at most (fewer only when there are fewer).
    pub fn closest(&self) -> &[Ranked] {
        let best = self.ranked.first().map_or(0.0, |r| r.score);
        let near = self
            .ranked
            .iter()
            .take(3)
            .take_while(|r| r.score >= best - CLOSEST_SPREAD)
            .count();
        &self.ranked[..near.max(2).min(self.ranked.len())]
    }
}

/// One choice in a ranking.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    /// The choice's position in the node, 0-based, in the order written.
    pub index: usize,
    /// How well the reply matches it, 0 to 1.
    pub score: f32,
}

/// Two choices of a node too close in meaning for the matcher to tell apart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TooClose {
    /// The first choice's index.
    pub first: usize,
    /// The second choice's index (after the first).
    pub second: usize,
    /// How close their meanings are, 0 to 1.
    pub similarity: f32,
}

/// A node's choices with their meanings and words computed ([`Matcher::prepare`]).
#[derive(Debug, Clone)]
pub struct PreparedChoices {
    /// Per choice, the meaning of its text and of each example.
    meanings: Vec<Vec<Vec<f32>>>,
    words: Vec<Words>,
}

/// A node's choice as the matcher reads it: its text and its examples.
pub type ChoiceWords<'a> = (&'a str, &'a [String]);

impl Matcher {
    /// Loads the model file at `path`.
    pub fn load(path: &Path) -> Result<Matcher, MatcherError> {
        let bytes = std::fs::read(path).map_err(|source| MatcherError::Read {
            path: path.to_owned(),
            source,
        })?;
        let encoder = Encoder::read(bytes).map_err(|source| MatcherError::Model {
            path: path.to_owned(),
            source,
        })?;
        Ok(Matcher { encoder })
    }

    /// Loads the model shipped in the assets folder ([`crate::paths::assets_dir`]).
    pub fn load_default() -> Result<Matcher, MatcherError> {
        let assets = crate::paths::assets_dir().ok_or(MatcherError::NoAssets)?;
        Matcher::load(&assets.join(MODEL_FILE))
    }

    /// Ranks a node's choices (text and examples of each, in the order written) for `reply`.
    pub fn rank(&self, choices: &[ChoiceWords], reply: &str) -> Ranking {
        self.rank_prepared(&self.prepare(choices), reply)
    }

    /// A node's choices made ready for [`Matcher::rank_prepared`]: the app prepares a node
    /// once, while the customer speaks, and then only the reply is encoded.
    pub fn prepare(&self, choices: &[ChoiceWords]) -> PreparedChoices {
        // Every text of the node through the encoder at once, then split back per choice.
        let texts: Vec<Vec<&str>> = choices.iter().map(variants).collect();
        let mut vectors = self
            .encoder
            .embed_all(&texts.iter().flatten().copied().collect::<Vec<_>>())
            .into_iter();
        PreparedChoices {
            meanings: texts
                .iter()
                .map(|t| vectors.by_ref().take(t.len()).collect())
                .collect(),
            words: texts.into_iter().map(Words::of).collect(),
        }
    }

    /// Ranks prepared choices for `reply`.
    pub fn rank_prepared(&self, choices: &PreparedChoices, reply: &str) -> Ranking {
        let PreparedChoices { meanings, words } = choices;
        let reply_meaning = self.encoder.embed(reply);
        let evidence = lexical::evidence(&Words::of([reply]), words);
        let mut ranked: Vec<Ranked> = meanings
            .iter()
            .zip(&evidence)
            .enumerate()
            .map(|(index, (variants, evidence))| {
                let meaning = variants
                    .iter()
                    .map(|v| cosine(v, &reply_meaning))
                    .fold(f32::MIN, f32::max);
                let clashes = evidence.negation_clashes.min(NEGATION_CLASHES_COUNTED) as f32;
                let score =
                    meaning + OVERLAP_WEIGHT * evidence.overlap + FIGURES_WEIGHT * evidence.figures
                        - NEGATION_WEIGHT * clashes;
                Ranked {
                    index,
                    score: score.clamp(0.0, 1.0),
                }
            })
            .collect();
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
        let confident = match ranked.as_slice() {
            [] => false,
            [only] => only.score >= CONFIDENT_SCORE,
            [best, second, ..] => {
                best.score >= CONFIDENT_SCORE && best.score - second.score >= CONFIDENT_MARGIN
            }
        };
        Ranking { confident, ranked }
    }

    /// The answers of a decision as shown ([`crate::engine::Session::offers`]) made ready
    /// for [`Matcher::rank_prepared`]; rankings index them in the order shown.
    pub fn prepare_offers(&self, offers: &[Offer]) -> PreparedChoices {
        let words: Vec<ChoiceWords> = offers
            .iter()
            .map(|o| (o.text.as_str(), o.examples.as_slice()))
            .collect();
        self.prepare(&words)
    }

    /// Ranks a node's [`Choice`]s (all of them, as written) for `reply`.
    pub fn rank_choices(&self, choices: &[Choice], reply: &str) -> Ranking {
        let words: Vec<ChoiceWords> = choices
            .iter()
            .map(|c| (c.text.as_str(), c.examples.as_slice()))
            .collect();
        self.rank(&words, reply)
    }

    /// The pairs of `choices` too close in meaning to tell apart (their texts' meanings at least
    /// 0.9 alike and no figure to separate them), for the checker's `choices-too-close`.
    pub fn too_close(&self, choices: &[Choice]) -> Vec<TooClose> {
        let texts: Vec<&str> = choices.iter().map(|c| c.text.as_str()).collect();
        let meanings = self.encoder.embed_all(&texts);
        let figures: Vec<Vec<f64>> = choices
            .iter()
            .map(|c| lexical::figures_of(&c.text))
            .collect();
        let mut pairs = Vec::new();
        for first in 0..choices.len() {
            for second in first + 1..choices.len() {
                let similarity = cosine(&meanings[first], &meanings[second]).clamp(0.0, 1.0);
                if similarity >= TOO_CLOSE_SIMILARITY && figures[first] == figures[second] {
                    pairs.push(TooClose {
                        first,
                        second,
                        similarity,
                    });
                }
            }
        }
        pairs
    }

    /// The sentence vector of `text` (unit length), for tools that compare texts themselves.
    pub fn meaning(&self, text: &str) -> Vec<f32> {
        self.encoder.embed(text)
    }
}

/// A choice's text, then its examples.
fn variants<'a>((text, examples): &ChoiceWords<'a>) -> Vec<&'a str> {
    std::iter::once(*text)
        .chain(examples.iter().map(String::as_str))
        .collect()
}

/// The cosine of two unit vectors.
fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}
