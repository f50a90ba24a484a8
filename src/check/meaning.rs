//! Choices too close in meaning: when a trainee answers in their own words, the matcher must
//! be able to tell apart the choices a call offers together, or the reply's score is a coin
//! toss.

use std::collections::BTreeSet;
use std::path::Path;

use super::Checker;
use crate::diagnostic::{Code, Diagnostic};
use crate::engine::{Place, Prepared};
use crate::matcher::Matcher;

/// The `choices-too-close` warnings of a scenario: pairs of choices offered together in some
/// reachable state of the call (choices of one node shown only in different states may say
/// the same), as the first variant fills them in; each on the pair's second choice, naming
/// both.
pub fn choices_too_close(
    matcher: &Matcher,
    prepared: &Prepared,
    source: &str,
    path: &Path,
) -> Vec<Diagnostic> {
    // (node, first, second): every pair of choices some state offers together.
    let mut together: BTreeSet<(usize, usize, usize)> = BTreeSet::new();
    for state in prepared.analysis.states() {
        if let Place::Node(n) = state.place {
            let offered = prepared.book.offered(state);
            for (i, &first) in offered.iter().enumerate() {
                together.extend(offered[i + 1..].iter().map(|&second| (n, first, second)));
            }
        }
    }
    let nodes: BTreeSet<usize> = together.iter().map(|&(n, _, _)| n).collect();
    let scenario = prepared.variant(Some(0));
    let mut checker = Checker::new(path, source);
    for n in nodes {
        let Some((id, node)) = scenario.nodes.at(n) else {
            continue;
        };
        let pairs = matcher.too_close(&node.choices);
        for pair in pairs
            .into_iter()
            .filter(|p| together.contains(&(n, p.first, p.second)))
        {
            let (first, second) = (&node.choices[pair.first], &node.choices[pair.second]);
            checker.warning(
                Code::ChoicesTooClose,
                &format!("nodes.{id}.choices[{}].text", pair.second),
                format!(
                    "choices {} and {} of node `{id}` are offered together and mean almost the \
                     same ({:.0}% alike): “{}” and “{}”; a reply in the trainee's own words \
                     cannot tell them apart",
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
