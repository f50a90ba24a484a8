//! What the analysis finds on the states a call can really be in: unreachable parts, dead
//! ends, endless loops, loops that pay, the expert failing, silences that cost nothing, naive
//! players passing.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::Checker;
use super::timers::free_silences;
use crate::diagnostic::{Code, Diagnostic};
use crate::engine::naive::{NAIVE_PLAYERS, NaiveResult, giveaways, play_naive};
use crate::engine::{Move, Place, Prepared, expert_call};

/// The checks on the explored states.
pub(super) fn check(prepared: &Arc<Prepared>, c: &mut Checker) {
    let book = &prepared.book;
    let analysis = &prepared.analysis;
    let scenario = &book.scenario;
    if analysis.truncated {
        c.error(
            Code::TooManyStates,
            "nodes",
            format!(
                "the call has more than {} reachable states; the check stopped there",
                crate::engine::analysis::MAX_STATES
            ),
            "fewer flags or coarser mood changes keep a call checkable",
        );
        return;
    }
    let reached = analysis.nodes_reached();
    for (n, (id, _)) in scenario.nodes.iter().enumerate() {
        if reached.binary_search(&n).is_err() {
            c.warning(
                Code::UnreachableNode,
                &format!("nodes.{id}"),
                format!("node `{id}` is never reached"),
                "point a choice's `next` at it, or check the conditions that lead here",
            );
        }
    }
    let endings = analysis.endings_reached();
    for (e, (id, _)) in scenario.endings.iter().enumerate() {
        if endings.binary_search(&e).is_err() {
            c.warning(
                Code::UnreachableEnding,
                &format!("endings.{id}"),
                format!("ending `{id}` is never reached"),
                "point a choice's `next` (or the hang-up rule) at it, or remove it",
            );
        }
    }
    let mut dead = BTreeMap::new();
    let mut endless = BTreeMap::new();
    for (s, state) in analysis.states().iter().enumerate() {
        let Place::Node(n) = state.place else {
            continue;
        };
        if analysis.moves_from(s).next().is_none() {
            dead.entry(n).or_insert(*state);
        } else if !analysis.can_end(s) {
            endless.entry(n).or_insert(*state);
        }
    }
    for (n, state) in dead {
        let id = book.id_of(Place::Node(n)).to_owned();
        let flags = book.flag_names(state.flags);
        c.error(
            Code::DeadEnd,
            &format!("nodes.{id}"),
            format!(
                "dead end at `{id}`: no choice is available when {}",
                if flags.is_empty() {
                    "no flag is set".to_owned()
                } else {
                    format!("the flags are [{}]", flags.join(", "))
                }
            ),
            "add a choice without conditions, or a timer",
        );
    }
    for (n, _) in endless {
        let id = book.id_of(Place::Node(n)).to_owned();
        c.error(
            Code::EndlessLoop,
            &format!("nodes.{id}"),
            format!("from `{id}` the call can go round forever and never reach an ending"),
            "give the loop a choice that leads on to an ending",
        );
    }
    let mut scoring = BTreeSet::new();
    for (s, mv) in analysis.scoring_loop_moves() {
        if let Place::Node(n) = analysis.states()[s].place {
            scoring.insert((n, mv));
        }
    }
    for (n, mv) in scoring {
        let id = book.id_of(Place::Node(n)).to_owned();
        let field = match mv {
            Move::Choose(i) => format!("nodes.{id}.choices[{i}].points"),
            Move::Silence => format!("nodes.{id}.timer.silence.points"),
        };
        c.warning(
            Code::ScoringLoop,
            &field,
            format!(
                "a choice at `{id}` earns points inside a loop, so it can be taken again and again"
            ),
            "give points on the way out of the loop instead",
        );
    }
    let mut missing_answers = BTreeSet::new();
    for state in analysis.states() {
        if let Place::Ending(e) = state.place {
            for (q, best) in book.wrap_up_bounds(state).best_answers.iter().enumerate() {
                if best.is_none() {
                    missing_answers.insert((q, e));
                }
            }
        }
    }
    for (q, e) in missing_answers {
        let ending = book.id_of(Place::Ending(e)).to_owned();
        c.warning(
            Code::NoCorrectAnswer,
            &format!("wrap_up[{q}]"),
            format!("no answer is correct after ending `{ending}`"),
            "add the ending to the right answer's `correct_if.endings`",
        );
    }
    if c.out.iter().any(Diagnostic::is_error) {
        return;
    }
    if !analysis.has_clean_path() {
        c.error(
            Code::ExpertFails,
            "rules.compliance",
            "every way through the call breaks a compliance rule, so nobody can pass".to_owned(),
            "check the `unless` flags of the rules",
        );
        return;
    }
    let result = expert_call(prepared);
    if !result.passed {
        c.error(
            Code::ExpertFails,
            "pass_mark",
            format!(
                "the expert path scores {} overall and does not pass (pass mark {})",
                result.scores.overall, scenario.pass_mark
            ),
            "lower the pass mark or check the expert path with `frontline analyze`",
        );
        return;
    }
    free_silences(prepared, c);
    guessable(prepared, c);
}

/// Warns for every naive player that passes the call, with where the expert answer gives
/// itself away by its length or its figures.
fn guessable(prepared: &Arc<Prepared>, c: &mut Checker) {
    let passing: Vec<NaiveResult> = play_naive(prepared)
        .into_iter()
        .filter(|result| result.passed)
        .collect();
    if passing.is_empty() {
        return;
    }
    let found = giveaways(prepared);
    let listed = |nodes: &[String]| {
        let mut unique: Vec<&str> = nodes.iter().map(String::as_str).collect();
        unique.dedup();
        unique.join(", ")
    };
    let mut hint = String::new();
    if !found.longest.is_empty() {
        hint.push_str(&format!(
            "the expert answer is the longest at {} of {} decisions ({}); ",
            found.longest.len(),
            found.decisions,
            listed(&found.longest)
        ));
    }
    if !found.most_figures.is_empty() {
        hint.push_str(&format!(
            "it has the most figures at {} ({}); ",
            found.most_figures.len(),
            listed(&found.most_figures)
        ));
    }
    hint.push_str(
        "make right answers short and plain and wrong ones long and plausible, with figures too",
    );
    for result in passing {
        let cue = NAIVE_PLAYERS
            .iter()
            .find(|p| p.name == result.player)
            .map_or("", |p| p.cue);
        c.warning(
            Code::Guessable,
            "nodes",
            format!(
                "the naive player `{}` ({cue}) passes with {}% overall (seed {})",
                result.player, result.overall, result.seed
            ),
            hint.clone(),
        );
    }
}
