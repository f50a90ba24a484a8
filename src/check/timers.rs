//! Time limits: long enough to read the line and the answers; silence that costs something.

use super::Checker;
use crate::diagnostic::Code;
use crate::engine::{Place, Prepared};
use crate::scenario::Scenario;

/// Reading speed assumed for a time limit, in words a minute.
pub const READING_WORDS_PER_MINUTE: u32 = 230;
/// Seconds a time limit leaves beyond reading the line and the answers.
pub const SECONDS_TO_ANSWER: u32 = 3;

/// The seconds it takes to read a text at [`READING_WORDS_PER_MINUTE`].
fn reading_seconds(words: usize) -> f64 {
    words as f64 * 60.0 / f64::from(READING_WORDS_PER_MINUTE)
}

/// Time limits: long enough to read the line and every answer; silence that costs something.
pub(super) fn check(scenario: &Scenario, c: &mut Checker) {
    let words = |text: &str| text.split_whitespace().count();
    for (id, node) in scenario.nodes.iter() {
        let Some(timer) = &node.timer else {
            continue;
        };
        let line = node
            .say
            .iter()
            .chain(node.say_if.iter().flat_map(|s| &s.say))
            .map(|line| words(line))
            .max()
            .unwrap_or(0);
        let answers: usize = node.choices.iter().map(|c| words(&c.text)).sum();
        let needed = reading_seconds(line + answers) + f64::from(SECONDS_TO_ANSWER);
        if f64::from(timer.seconds) < needed {
            c.warning(
                Code::TimerTooShort,
                &format!("nodes.{id}.timer.seconds"),
                format!(
                    "{} seconds to read {} words and answer; it takes about {:.0}",
                    timer.seconds,
                    line + answers,
                    needed.ceil()
                ),
                format!(
                    "give at least {:.0} seconds ({READING_WORDS_PER_MINUTE} words a minute plus {SECONDS_TO_ANSWER} s), or shorten the texts",
                    needed.ceil()
                ),
            );
        }
    }
}

/// Silences that lose nothing: where letting the timer run out still leaves the best score
/// within reach, a trainee can wait out every timer.
pub(super) fn free_silences(prepared: &Prepared, c: &mut Checker) {
    let book = &prepared.book;
    for n in prepared.analysis.free_silences(&book.scenario.weights) {
        let id = book.id_of(Place::Node(n)).to_owned();
        c.warning(
            Code::FreeSilence,
            &format!("nodes.{id}.timer.silence"),
            format!("letting the timer run out at `{id}` costs nothing: the best score is still within reach"),
            "silence has consequences on the phone: take points, or lower patience so that it shows",
        );
    }
}
