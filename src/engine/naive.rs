//! Naive players: trainees who game a call by a surface cue instead of skill.
//!
//! Each sees only what the screen shows at a decision — the customer's line, the
//! answers in the order shown, whether a timer runs — and never the points. A call
//! that one of them passes can be won by guessing, so the checker plays all of them
//! (`guessable`). Adding a player is adding one function and one line to
//! [`NAIVE_PLAYERS`].

use std::sync::Arc;

use serde::Serialize;

use super::Prepared;
use super::autoplay::{Strategy, autoplay, play_out_watching};
use super::session::{Answer, Mode, Offer, Session};

/// What the trainee sees at a decision.
#[derive(Debug, Clone, Copy)]
pub struct Seen<'a> {
    /// What the customer just said, or the wrap-up question.
    pub prompt: &'a str,
    /// The answers, in the order shown.
    pub offers: &'a [Offer],
    /// Whether a timer runs, so that silence is possible.
    pub timed: bool,
}

/// A player who picks by what is on screen.
#[derive(Debug)]
pub struct NaivePlayer {
    /// Its name, as `frontline analyze` and `guessable` show it.
    pub name: &'static str,
    /// What it plays by, in a trainer's words.
    pub cue: &'static str,
    /// Whether its pick depends on the order the answers are shown in (which the seed
    /// shuffles), so that it must be played on several seeds.
    pub ordered: bool,
    /// Its answer to a decision; `None` when there is nothing to answer.
    pub pick: fn(&Seen) -> Option<Answer>,
}

/// Players are the same when they have the same name (names are unique in [`NAIVE_PLAYERS`]).
impl PartialEq for NaivePlayer {
    fn eq(&self, other: &NaivePlayer) -> bool {
        self.name == other.name
    }
}

impl Eq for NaivePlayer {}

/// Every naive player the checker knows.
pub const NAIVE_PLAYERS: &[NaivePlayer] = &[
    NaivePlayer {
        name: "longest",
        ordered: false,
        cue: "always the longest answer",
        pick: longest,
    },
    NaivePlayer {
        name: "shortest",
        ordered: false,
        cue: "always the shortest answer",
        pick: shortest,
    },
    NaivePlayer {
        name: "most-figures",
        ordered: false,
        cue: "always the answer with the most figures",
        pick: most_figures,
    },
    NaivePlayer {
        name: "warmest",
        ordered: false,
        cue: "always the answer with the most words of sympathy",
        pick: warmest,
    },
    NaivePlayer {
        name: "first",
        ordered: true,
        cue: "always the first answer shown",
        pick: first,
    },
    NaivePlayer {
        name: "last",
        ordered: true,
        cue: "always the last answer shown",
        pick: last,
    },
    NaivePlayer {
        name: "action",
        ordered: false,
        cue: "always an action (offer, escalate, send) when there is one, else the longest",
        pick: action,
    },
    NaivePlayer {
        name: "silent",
        ordered: true,
        cue: "lets every timer run out, else the first answer shown",
        pick: silent,
    },
];

/// Seeds each ordered player is played on, per variant: with four answers a node, enough for
/// a call a lucky order lets through to show it, without playing the call a hundred times.
const ORDERED_SEEDS: usize = 6;

/// How one naive player did on a call, over every variant and the seeds played.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NaiveResult {
    /// The player's name.
    pub player: &'static str,
    /// Its best overall score, 0–100 (or the score of the first call it passed).
    pub overall: f64,
    /// Whether it passed on some variant and seed.
    pub passed: bool,
    /// A seed on which it scored `overall` (and passed, when it passed).
    pub seed: u64,
}

/// Plays every naive player on every variant of a call (ordered ones on several seeds).
pub fn play_naive(prepared: &Arc<Prepared>) -> Vec<NaiveResult> {
    let scenario = prepared.scenario();
    let variants = scenario.variants.len().max(1);
    NAIVE_PLAYERS
        .iter()
        .map(|player| {
            let rounds = if player.ordered && scenario.shuffle_choices {
                ORDERED_SEEDS
            } else {
                1
            };
            let seeds = (0..variants).flat_map(|v| scenario.seeds_of_variant(v).take(rounds));
            let mut best = NaiveResult {
                player: player.name,
                overall: 0.0,
                passed: false,
                seed: 0,
            };
            for (i, seed) in seeds.enumerate() {
                let result = autoplay(prepared, seed, Mode::Exam, Strategy::Naive(player)).score();
                let better = (result.passed, result.scores.overall) > (best.passed, best.overall);
                if i == 0 || better {
                    best = NaiveResult {
                        player: player.name,
                        overall: result.scores.overall,
                        passed: result.passed,
                        seed,
                    };
                }
                // One pass is enough to call the call guessable.
                if best.passed {
                    break;
                }
            }
            best
        })
        .collect()
}

/// The expert's decisions whose right answer a surface cue gives away.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Giveaways {
    /// Expert decisions with two answers or more (wrap-up included).
    pub decisions: usize,
    /// The nodes (`wrap-up` for the wrap-up) where the expert answer is the longest.
    pub longest: Vec<String>,
    /// The nodes where the expert answer has the most figures (and some figure).
    pub most_figures: Vec<String>,
}

/// Walks the expert's call (first variant) and notes where its answer is the longest or the
/// one with the most figures.
pub fn giveaways(prepared: &Arc<Prepared>) -> Giveaways {
    let seed = prepared.variant_seeds().first().copied().unwrap_or(0);
    let mut session = Session::new(Arc::clone(prepared), seed, Mode::Exam);
    let mut found = Giveaways::default();
    play_out_watching(&mut session, Strategy::Expert, |session, answer| {
        let offers = session.offers();
        let expert = match answer {
            Answer::Pick(number) => offers.iter().find(|o| o.number == number),
            Answer::Silence => None,
        };
        if let Some(expert) = expert.filter(|_| offers.len() >= 2) {
            let node = session.decision_id().to_owned();
            found.decisions += 1;
            let length = |o: &Offer| o.text.chars().count();
            if offers.iter().all(|o| length(o) <= length(expert)) {
                found.longest.push(node.clone());
            }
            let most = figures(&expert.text);
            if most > 0 && offers.iter().all(|o| figures(&o.text) <= most) {
                found.most_figures.push(node);
            }
        }
    });
    found
}

/// The answer that scores highest by `measure`; ties go to the one the scenario writes first,
/// so the pick does not depend on the order shown.
fn best_by(seen: &Seen, measure: impl Fn(&Offer) -> i64) -> Option<Answer> {
    seen.offers
        .iter()
        .min_by_key(|offer| (-measure(offer), offer.written))
        .map(|offer| Answer::Pick(offer.number))
}

fn longest(seen: &Seen) -> Option<Answer> {
    best_by(seen, |offer| offer.text.chars().count() as i64)
}

fn shortest(seen: &Seen) -> Option<Answer> {
    best_by(seen, |offer| -(offer.text.chars().count() as i64))
}

fn most_figures(seen: &Seen) -> Option<Answer> {
    best_by(seen, |offer| figures(&offer.text) as i64)
}

fn warmest(seen: &Seen) -> Option<Answer> {
    best_by(seen, |offer| warmth(&offer.text) as i64)
}

fn first(seen: &Seen) -> Option<Answer> {
    seen.offers.first().map(|offer| Answer::Pick(offer.number))
}

fn last(seen: &Seen) -> Option<Answer> {
    seen.offers.last().map(|offer| Answer::Pick(offer.number))
}

fn action(seen: &Seen) -> Option<Answer> {
    best_by(seen, |offer| {
        i64::from(offer.action) * 1_000_000 + offer.text.chars().count() as i64
    })
}

fn silent(seen: &Seen) -> Option<Answer> {
    if seen.timed {
        Some(Answer::Silence)
    } else {
        first(seen)
    }
}

/// How many figures a text holds: runs of digits (`486,60` is one) and numbers in words.
pub fn figures(text: &str) -> usize {
    let mut count = 0;
    let mut in_number = false;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let joins = (c == ',' || c == '.')
            && in_number
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() {
            if !in_number {
                count += 1;
            }
            in_number = true;
        } else if !joins {
            in_number = false;
        }
    }
    count
        + words(text)
            .filter(|word| NUMBER_WORDS.contains(&word.as_str()))
            .count()
}

/// How many words and phrases of sympathy a text holds, in English and Italian.
pub fn warmth(text: &str) -> usize {
    let folded: String = format!(" {} ", words(text).collect::<Vec<_>>().join(" "));
    WARM_PHRASES
        .iter()
        .map(|phrase| folded.matches(&format!(" {phrase}")).count())
        .sum()
}

/// The words of a text, lower case, accents and apostrophes folded.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| word.chars().map(fold).collect())
}

/// A letter lower-cased with its accent removed (`È` → `e`).
fn fold(c: char) -> char {
    match c.to_lowercase().next().unwrap_or(c) {
        'à' | 'á' | 'â' | 'ä' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        lower => lower,
    }
}

/// Numbers written as words, as they appear in answers ("three instalments", "tre rate").
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "fifteen",
    "twenty", "thirty", "hundred", "thousand", "due", "tre", "quattro", "cinque", "sei", "sette",
    "otto", "nove", "dieci", "dodici", "quindici", "venti", "trenta", "cento", "mille",
];

/// Beginnings of words and phrases of sympathy (matched at a word start, folded), English and Italian.
const WARM_PHRASES: &[&str] = &[
    "understand",
    "sorry",
    "apologi",
    "i hear you",
    "must be",
    "difficult",
    "worr",
    "take your time",
    "i m here",
    "of course",
    "completely",
    "absolutely",
    "reassur",
    "don t worry",
    "capisco",
    "comprendo",
    "dispiace",
    "scus",
    "immagino",
    "si figuri",
    "non si preoccupi",
    "tranquill",
    "con calma",
    "sono qui",
    "ha ragione",
    "certo",
    "assolutamente",
    "difficile",
    "rassicur",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_count_each_amount_once_and_numbers_in_words() {
        assert_eq!(figures("486,60 € by 16 January"), 2);
        assert_eq!(figures("tre rate da 162,20 €"), 2);
        assert_eq!(figures("No figures here."), 0);
    }

    #[test]
    fn warmth_counts_sympathy_in_both_languages_without_accents_or_case() {
        assert_eq!(warmth("I'm so sorry, I understand."), 2);
        assert_eq!(warmth("Capisco, MI DISPIACE davvero."), 2);
        assert_eq!(warmth("Your number, please."), 0);
    }
}
