//! Every line a call can speak, in every variant, with each delivery it can be heard in.
//!
//! Which `say_if` speaks, and the mood it is spoken in, depend on the way the call went. The
//! analysis merges states whose mood no rule reads any more (its projection), which keeps it
//! small but loses the mood a line is heard in; so the lines are found on the call's states
//! projected by [`Projection::of_voices`] (which keeps, besides what the rules read, what the
//! `say_if` conditions and the delivery read), walked with the one rule of the call
//! ([`Playbook::successors`]) and the one rule of which lines speak
//! ([`Playbook::line_source`], [`Playbook::closing_source`]).

use std::collections::{BTreeSet, HashSet};

use super::{Delivery, spoken};
use crate::engine::analysis::{MAX_STATES, Projection};
use crate::engine::{Place, Playbook, Prepared};
use crate::scenario::Scenario;

/// Where a spoken line is written, and the delivery it can be heard in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Said {
    /// A node's `say` (`None`) or one of its `say_if` lines.
    Node(usize, Option<usize>, Delivery),
    /// An ending's `say` (`None`) or one of its `say_if` lines.
    Ending(usize, Option<usize>, Delivery),
}

/// One line to voice: where it is written, its words, its delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The field it is written in, as diagnostics name it (`nodes.verify.say_if[0].say[1]`).
    pub field: String,
    /// The variant whose values fill it in, by name; `None` without variants.
    pub variant: Option<String>,
    /// The words spoken: filled in, stage directions taken out ([`spoken`]).
    pub text: String,
    /// How it is spoken.
    pub delivery: Delivery,
    /// The actor's recording that speaks it instead ([`Scenario::recording`]), as written.
    pub recording: Option<String>,
}

/// Every line the customer can speak in a prepared scenario, filled in for each variant
/// (once when the variants do not change it), once for each delivery it can be heard in;
/// lines that are only stage directions are left out. Variant after variant, in the order
/// of the file.
pub fn lines(prepared: &Prepared) -> Vec<Line> {
    let said = said(&prepared.book);
    let scenario = prepared.scenario();
    let variants: Vec<(Option<String>, &Scenario)> = if scenario.variants.is_empty() {
        vec![(None, scenario)]
    } else {
        scenario
            .variants
            .iter()
            .enumerate()
            .map(|(i, (name, _))| (Some(name.clone()), prepared.variant(Some(i))))
            .collect()
    };
    let mut found = Vec::new();
    // A line the variants do not change is listed once, with the first variant.
    let mut seen = HashSet::new();
    for (variant, filled) in &variants {
        for &place in &said {
            for (field, line, delivery) in written(filled, place) {
                let text = spoken(line).text;
                if !text.is_empty() && seen.insert((field.clone(), text.clone(), delivery)) {
                    found.push(Line {
                        field,
                        variant: variant.clone(),
                        text,
                        delivery,
                        recording: filled.recording(line).map(str::to_owned),
                    });
                }
            }
        }
    }
    found
}

/// The lines a place speaks, with their field paths.
fn written(scenario: &Scenario, said: Said) -> Vec<(String, &str, Delivery)> {
    match said {
        Said::Node(n, alternative, delivery) => {
            let Some((id, node)) = scenario.nodes.at(n) else {
                return Vec::new();
            };
            let (prefix, lines) = match alternative {
                None => (format!("nodes.{id}.say"), &node.say),
                Some(i) => match node.say_if.get(i) {
                    Some(alternative) => (format!("nodes.{id}.say_if[{i}].say"), &alternative.say),
                    None => return Vec::new(),
                },
            };
            lines
                .iter()
                .enumerate()
                .map(|(j, line)| (format!("{prefix}[{j}]"), line.as_str(), delivery))
                .collect()
        }
        Said::Ending(e, alternative, delivery) => {
            let Some((id, ending)) = scenario.endings.at(e) else {
                return Vec::new();
            };
            match alternative {
                None => vec![(format!("endings.{id}.say"), ending.say.as_str(), delivery)],
                Some(i) => ending
                    .say_if
                    .get(i)
                    .map(|alt| {
                        (
                            format!("endings.{id}.say_if[{i}].say"),
                            alt.say.as_str(),
                            delivery,
                        )
                    })
                    .into_iter()
                    .collect(),
            }
        }
    }
}

/// Every place that speaks, with each delivery, over the states the call can really be in.
fn said(book: &Playbook) -> BTreeSet<Said> {
    // Only what can still change the words or their delivery is kept of each state.
    let projection = Projection::of_voices(book);
    let mut said = BTreeSet::new();
    let first = projection.relevant(&book.initial());
    let mut seen = HashSet::from([first.key()]);
    let mut stack = vec![first];
    while let Some(state) = stack.pop() {
        let delivery = Delivery::of(&state.mood);
        said.insert(match state.place {
            Place::Node(n) => Said::Node(n, book.line_source(n, &state), delivery),
            Place::Ending(e) => Said::Ending(e, book.closing_source(e, &state), delivery),
        });
        for (_, next, _) in book.successors(&state) {
            let next = projection.relevant(&next);
            if seen.len() < MAX_STATES && seen.insert(next.key()) {
                stack.push(next);
            }
        }
    }
    said
}
