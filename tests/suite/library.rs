//! The shipped library: it checks clean, and every call in it plays as a trainee would meet it.

use std::collections::BTreeSet;
use std::sync::Arc;

use frontline::engine::Report;
use frontline::engine::{Mode, Phase, Prepared, Strategy, autoplay};
use frontline::library::Library;
use frontline::scenario::Outcome;

use crate::support::project;

fn shipped() -> Vec<Arc<Prepared>> {
    let library =
        Library::load(&[project("scenarios")], Some(project("assets"))).expect("the library loads");
    let problems: Vec<String> = library
        .diagnostics()
        .filter(|d| d.is_error())
        .map(|d| d.one_line())
        .collect();
    assert_eq!(
        problems,
        Vec::<String>::new(),
        "the shipped library checks without errors"
    );
    library
        .entries
        .iter()
        .filter_map(|e| e.prepared.clone())
        .collect()
}

#[test]
fn the_library_has_at_least_twelve_calls_in_english_and_italian() {
    let scenarios = shipped();
    assert!(scenarios.len() >= 12, "{} scenarios", scenarios.len());
    let italian = scenarios
        .iter()
        .filter(|p| p.scenario().language == "it")
        .count();
    let english = scenarios
        .iter()
        .filter(|p| p.scenario().language == "en")
        .count();
    assert!(
        italian >= 4 && english >= 4,
        "{english} English, {italian} Italian"
    );
}

#[test]
fn every_shipped_call_is_a_real_branching_call() {
    for prepared in shipped() {
        let scenario = prepared.scenario();
        let report = Report::new(&prepared);
        let id = &scenario.id;
        assert!(
            report.decisions_on_expert_path >= 8,
            "{id}: {} decisions on the expert path",
            report.decisions_on_expert_path
        );
        let outcomes: BTreeSet<Outcome> = prepared
            .analysis
            .endings_reached()
            .iter()
            .filter_map(|&e| scenario.endings.at(e).map(|(_, ending)| ending.outcome))
            .collect();
        assert!(outcomes.len() >= 3, "{id}: outcomes {outcomes:?}");
        assert!(
            scenario.nodes.iter().any(|(_, n)| n.timer.is_some()),
            "{id}: a timed decision"
        );
        assert!(
            scenario.nodes.iter().any(|(_, n)| n.say.len() > 1),
            "{id}: line variants"
        );
        assert!(
            scenario.nodes.iter().any(|(_, n)| !n.say_if.is_empty()),
            "{id}: lines that change with the mood"
        );
        assert!(scenario.account.len() >= 3, "{id}: account facts");
        assert!(
            !scenario.rules.compliance.is_empty(),
            "{id}: compliance rules"
        );
    }
}

#[test]
fn the_expert_path_scores_one_hundred_and_passes_for_every_seed() {
    for prepared in shipped() {
        for seed in 0..50 {
            let session = autoplay(&prepared, seed, Mode::Exam, Strategy::Expert);
            let result = session.result().expect("ended");
            assert_eq!(
                result.scores.overall,
                100.0,
                "{} seed {seed}",
                prepared.scenario().id
            );
            assert!(result.passed, "{} seed {seed}", prepared.scenario().id);
        }
    }
}

#[test]
fn the_worst_path_fails_for_every_seed() {
    for prepared in shipped() {
        for seed in 0..50 {
            let result = autoplay(&prepared, seed, Mode::Exam, Strategy::Worst)
                .result()
                .expect("ended");
            assert!(
                !result.passed,
                "{} seed {seed}: {result:?}",
                prepared.scenario().id
            );
        }
    }
}

#[test]
fn thousands_of_random_calls_all_reach_an_ending() {
    for prepared in shipped() {
        for seed in 0..2_000 {
            let session = autoplay(&prepared, seed, Mode::Coach, Strategy::Random);
            assert_eq!(session.phase(), Phase::Ended);
            assert!(
                !session.is_abandoned(),
                "{} seed {seed} never reached an ending",
                prepared.scenario().id
            );
            let points = session.score().points;
            let (min, max) = (
                prepared.analysis.min_points(),
                prepared.analysis.max_points(),
            );
            assert!(
                (min.empathy..=max.empathy).contains(&points.empathy)
                    && (min.accuracy..=max.accuracy).contains(&points.accuracy)
                    && (min.resolution..=max.resolution).contains(&points.resolution),
                "{} seed {seed}: {points:?} outside {min:?}..{max:?}",
                prepared.scenario().id
            );
        }
    }
}

#[test]
fn the_documented_example_is_valid_and_passes_on_its_expert_path() {
    let library = Library::load(&[project("docs/example.ron")], None).expect("loads");
    let entry = &library.entries[0];
    assert!(
        !entry.diagnostics.iter().any(|d| d.is_error()),
        "{:#?}",
        entry.diagnostics
    );
    let prepared = entry.prepared.clone().expect("playable");
    assert!(
        autoplay(&prepared, 1, Mode::Exam, Strategy::Expert)
            .result()
            .is_some_and(|r| r.passed)
    );
}
