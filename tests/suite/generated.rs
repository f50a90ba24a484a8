//! The synthetic libraries the benchmarks use check clean, and the analysis, which merges
//! states that differ only in what no rule reads any more, agrees with a plain exploration
//! of every full state on them and on the shipped library.

#[path = "../../examples/support/synthetic.rs"]
mod synthetic;

use std::collections::HashMap;
use std::sync::Arc;

use frontline::engine::{Move, Place, Prepared, State};
use frontline::library::Library;
use frontline::scenario::{Dimension, Points};

use crate::support::{frontline, project, stdout, temp_dir};

/// Generated calls in the test library (the benchmarks use 1,000).
const CALLS: usize = 20;

#[test]
fn a_generated_library_and_its_very_large_call_pass_frontline_check_with_no_errors() {
    let dir = temp_dir("generated-check");
    let written = synthetic::write_library(&dir, CALLS, 7).expect("the library is written");
    let output = frontline(&["check", dir.to_str().expect("a UTF-8 path")]);
    assert!(output.status.success(), "{}", stdout(&output));
    // Generated calls are not written to resist guessing, so `guessable` may be warned of;
    // nothing else is.
    let text = stdout(&output);
    assert!(
        text.contains(&format!("{} files checked: 0 errors, ", CALLS + 1)),
        "{text}"
    );
    let warnings: Vec<&str> = text.lines().filter(|l| l.starts_with("warning[")).collect();
    assert!(
        warnings.iter().all(|l| l.starts_with("warning[guessable]")),
        "{warnings:#?}"
    );
    let large = Library::load(
        &[written.large.parent().expect("a folder").to_owned()],
        None,
    )
    .expect("the large call loads");
    let prepared = large.entries[0]
        .prepared
        .as_ref()
        .expect("the large call plays");
    assert!(prepared.scenario().nodes.len() >= 300);
    assert!(prepared.book.flags.len() >= 8);
    assert!(!prepared.analysis.truncated);
}

#[test]
fn the_same_seed_writes_the_same_library() {
    let first = temp_dir("generated-seed-a");
    let second = temp_dir("generated-seed-b");
    let a = synthetic::write_library(&first, 3, 11).expect("written");
    let b = synthetic::write_library(&second, 3, 11).expect("written");
    let read = |path: &std::path::Path| std::fs::read(path).expect("readable");
    assert_eq!(read(&a.large), read(&b.large));
    for entry in std::fs::read_dir(&a.library).expect("a folder") {
        let path = entry.expect("an entry").path();
        let twin = b.library.join(path.file_name().expect("a name"));
        assert_eq!(read(&path), read(&twin), "{}", path.display());
    }
}

#[test]
fn the_analysis_agrees_with_exploring_every_full_state_on_shipped_and_generated_calls() {
    let dir = temp_dir("generated-oracle");
    let written = synthetic::write_library(&dir, CALLS, 3).expect("the library is written");
    let library =
        Library::load(&[project("scenarios"), written.library], None).expect("the libraries load");
    let mut compared = 0;
    for entry in &library.entries {
        let prepared = entry.prepared.as_ref().expect("every call plays");
        compared += agree_with_full_exploration(prepared);
    }
    assert!(compared > 10_000, "only {compared} full states compared");
}

/// Best and worst totals from a full state, worked out without merging any state.
#[derive(Debug, Clone, Copy)]
struct Full {
    best: [i64; 3],
    worst: [i64; 3],
    best_weighted: i64,
    worst_weighted: i64,
    clean_weighted: Option<i64>,
    expert: Option<Move>,
    worst_move: Option<Move>,
}

/// Explores every full state of a call (the calls compared have no loops), checks the
/// analysis' answers in each, and returns how many states were compared.
fn agree_with_full_exploration(prepared: &Arc<Prepared>) -> usize {
    let mut memo = HashMap::new();
    let start = prepared.book.initial();
    let full = value(prepared, start, &mut memo, 0).expect("every call can end");
    let analysis = &prepared.analysis;
    let dims = |points: Points| Dimension::ALL.map(|d| i64::from(points.get(d)));
    let id = &prepared.scenario().id;
    assert_eq!(dims(analysis.max_points()), full.best, "{id}: max points");
    assert_eq!(dims(analysis.min_points()), full.worst, "{id}: min points");
    assert_eq!(
        analysis.expert_weighted(),
        full.clean_weighted.unwrap_or(full.best_weighted),
        "{id}: expert total"
    );
    assert_eq!(
        analysis.worst_weighted(),
        full.worst_weighted,
        "{id}: worst total"
    );
    for (state, full) in &memo {
        let full = full.expect("every state can end");
        assert_eq!(
            analysis.expert_move(state),
            full.expert,
            "{id}: expert at {state:?}"
        );
        assert_eq!(
            analysis.worst_move(state),
            full.worst_move,
            "{id}: worst at {state:?}"
        );
    }
    memo.len()
}

fn value(
    prepared: &Prepared,
    state: State,
    memo: &mut HashMap<State, Option<Full>>,
    depth: usize,
) -> Option<Full> {
    assert!(depth < 500, "a loop in {}", prepared.scenario().id);
    if let Some(known) = memo.get(&state) {
        return *known;
    }
    let book = &prepared.book;
    let weights = book.scenario.weights;
    let dims = |points: Points| Dimension::ALL.map(|d| i64::from(points.get(d)));
    let result = if let Place::Ending(_) = state.place {
        let bounds = book.wrap_up_bounds(&state);
        Some(Full {
            best: dims(bounds.best),
            worst: dims(bounds.worst),
            best_weighted: bounds.best.weighted(&weights),
            worst_weighted: bounds.worst.weighted(&weights),
            clean_weighted: state.compliant.then(|| bounds.best.weighted(&weights)),
            expert: None,
            worst_move: None,
        })
    } else {
        let mut result: Option<Full> = None;
        for mv in book.moves(&state) {
            let step = book.apply(&state, mv).expect("an offered move applies");
            let Some(next) = value(prepared, step.state, memo, depth + 1) else {
                continue;
            };
            let gained = dims(step.points);
            let weighted = step.points.weighted(&weights);
            let here = Full {
                best: std::array::from_fn(|d| gained[d] + next.best[d]),
                worst: std::array::from_fn(|d| gained[d] + next.worst[d]),
                best_weighted: weighted + next.best_weighted,
                worst_weighted: weighted + next.worst_weighted,
                clean_weighted: next.clean_weighted.map(|c| c + weighted),
                expert: Some(mv),
                worst_move: Some(mv),
            };
            result = Some(match result {
                None => here,
                Some(so_far) => {
                    let key = |f: &Full| {
                        (
                            f.clean_weighted.is_some(),
                            f.clean_weighted.unwrap_or(f.best_weighted),
                        )
                    };
                    Full {
                        best: std::array::from_fn(|d| so_far.best[d].max(here.best[d])),
                        worst: std::array::from_fn(|d| so_far.worst[d].min(here.worst[d])),
                        best_weighted: so_far.best_weighted.max(here.best_weighted),
                        worst_weighted: so_far.worst_weighted.min(here.worst_weighted),
                        clean_weighted: so_far.clean_weighted.max(here.clean_weighted),
                        expert: if key(&here) > key(&so_far) {
                            here.expert
                        } else {
                            so_far.expert
                        },
                        worst_move: if here.worst_weighted < so_far.worst_weighted {
                            here.worst_move
                        } else {
                            so_far.worst_move
                        },
                    }
                }
            });
        }
        result
    };
    memo.insert(state, result);
    result
}
