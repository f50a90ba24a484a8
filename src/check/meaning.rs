//! Choices too close in meaning: when a trainee answers in their own words, the matcher must
//! be able to tell a node's choices apart, or the reply's score is a coin toss.

use std::path::Path;

use super::Checker;
use crate::diagnostic::{Code, Diagnostic};
use crate::matcher::Matcher;
use crate::scenario::Scenario;

/// The `choices-too-close` warnings of a scenario (its choices as the first variant fills
/// them in), each on the second choice of the pair and naming both.
pub fn choices_too_close(
    matcher: &Matcher,
    scenario: &Scenario,
    source: &str,
    path: &Path,
) -> Vec<Diagnostic> {
    let mut checker = Checker {
        path,
        source,
        map: None,
        out: Vec::new(),
    };
    for (id, node) in scenario.nodes.iter() {
        for pair in matcher.too_close(&node.choices) {
            let (first, second) = (&node.choices[pair.first], &node.choices[pair.second]);
            checker.warning(
                Code::ChoicesTooClose,
                &format!("nodes.{id}.choices[{}].text", pair.second),
                format!(
                    "choices {} and {} of node `{id}` mean almost the same ({:.0}% alike): \
                     “{}” and “{}”; a reply in the trainee's own words cannot tell them apart",
                    pair.first + 1,
                    pair.second + 1,
                    pair.similarity * 100.0,
                    first.text,
                    second.text
                ),
                "make the difference explicit in the words (a figure, a name, what is promised), \
                 or merge the two choices",
            );
        }
    }
    checker.out
}
