//! The shipped library: it checks clean, and every call in it plays as a trainee would meet it.

use std::collections::BTreeSet;
use std::sync::Arc;

use frontline::engine::Report;
use frontline::engine::naive::{giveaways, play_naive};
use frontline::engine::{Mode, Phase, Prepared, Strategy, autoplay};
use frontline::library::Library;
use frontline::scenario::Outcome;

use crate::support::project;

fn shipped() -> Vec<Arc<Prepared>> {
    let library =
        Library::load(&[project("scenarios")], Some(project("assets"))).expect("the library loads");
    // Clean means no warning either: no naive player passes, every timer leaves time to read,
    // no silence is free, every placeholder is defined.
    let problems: Vec<String> = library.diagnostics().map(|d| d.one_line()).collect();
    assert_eq!(
        problems,
        Vec::<String>::new(),
        "the shipped library checks clean"
    );
    library
        .entries
        .iter()
        .filter_map(|e| e.prepared.clone())
        .collect()
}

#[test]
fn the_library_has_at_least_eighteen_calls_nine_of_them_in_italian() {
    let scenarios = shipped();
    assert!(scenarios.len() >= 18, "{} scenarios", scenarios.len());
    let italian = scenarios
        .iter()
        .filter(|p| p.scenario().language == "it")
        .count();
    let english = scenarios
        .iter()
        .filter(|p| p.scenario().language == "en")
        .count();
    assert!(
        italian >= 9 && english >= 4,
        "{english} English, {italian} Italian"
    );
}

#[test]
fn no_naive_player_passes_any_shipped_call_on_any_variant_or_seed() {
    for prepared in shipped() {
        let passing: Vec<_> = play_naive(&prepared)
            .into_iter()
            .filter(|result| result.passed)
            .collect();
        assert!(
            passing.is_empty(),
            "{}: {passing:?}",
            prepared.scenario().id
        );
    }
}

#[test]
fn the_expert_answer_is_the_longest_in_at_most_forty_percent_of_the_librarys_decisions() {
    let (decisions, longest) = shipped()
        .iter()
        .map(giveaways)
        .fold((0, 0), |(d, l), g| (d + g.decisions, l + g.longest.len()));
    assert!(
        longest * 100 <= decisions * 40,
        "the expert answer is the longest in {longest} of {decisions} decisions"
    );
}

#[test]
fn every_call_has_three_decisions_whose_answers_lead_to_different_nodes() {
    for prepared in shipped() {
        let scenario = prepared.scenario();
        let branching = scenario
            .nodes
            .iter()
            .filter(|(_, node)| {
                // Letting the timer run out is an answer too.
                let silence = node.timer.as_ref().map(|t| &t.silence);
                let nodes: BTreeSet<&str> = node
                    .choices
                    .iter()
                    .chain(silence)
                    .map(|c| c.next.as_str())
                    .filter(|next| scenario.nodes.contains(next))
                    .collect();
                nodes.len() >= 2
            })
            .count();
        assert!(
            branching >= 3,
            "{}: {branching} branching decisions",
            scenario.id
        );
    }
}

#[test]
fn at_least_six_calls_change_their_facts_with_the_seed() {
    let with_variants = shipped()
        .iter()
        .filter(|p| p.scenario().variants.len() >= 2)
        .count();
    assert!(with_variants >= 6, "{with_variants} calls with variants");
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
