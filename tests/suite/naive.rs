//! Naive players: a call won by a surface cue (the longest answer, the most figures, the
//! warmest words, a position) is reported as guessable; a call written to resist is not.

use frontline::diagnostic::{Code, Severity};
use frontline::engine::naive::{NAIVE_PLAYERS, play_naive};

use crate::support::{diagnose_text, fixture_text, frontline, stdout};

fn passing(name: &str) -> Vec<&'static str> {
    let text = fixture_text(name);
    let entry = frontline::library::load_bytes(
        std::path::Path::new(name),
        text.as_bytes(),
        &frontline::scenario::AssetRoots::default(),
    );
    let prepared = entry.prepared.expect("plays");
    play_naive(&prepared)
        .into_iter()
        .filter(|result| result.passed)
        .map(|result| result.player)
        .collect()
}

#[test]
fn on_a_call_built_to_be_guessable_the_cue_players_pass_and_the_positional_ones_fail() {
    assert_eq!(
        passing("guessable.ron"),
        vec!["longest", "most-figures", "warmest", "action"]
    );
}

#[test]
fn on_a_call_built_to_resist_no_naive_player_passes() {
    assert_eq!(passing("resistant.ron"), Vec::<&str>::new());
}

#[test]
fn check_warns_guessable_naming_each_player_that_passes_and_where_the_answer_gives_itself_away() {
    let diagnostics = diagnose_text("guessable.ron", &fixture_text("guessable.ron"));
    let guessable: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.code == Code::Guessable)
        .collect();
    assert_eq!(guessable.len(), 4, "{diagnostics:#?}");
    assert_eq!(diagnostics.len(), 4, "nothing else: {diagnostics:#?}");
    assert!(guessable.iter().all(|d| d.severity == Severity::Warning));
    assert_eq!(
        guessable[0].message,
        "the naive player `longest` (always the longest answer) passes with 100% overall (seed 0)"
    );
    assert!(
        guessable[0].hint.starts_with(
            "the expert answer is the longest at 3 of 3 decisions (one, two, three); "
        ),
        "{}",
        guessable[0].hint
    );
    assert_eq!((guessable[0].line, guessable[0].column), (7, 12));
}

#[test]
fn a_call_built_to_resist_checks_clean() {
    assert_eq!(
        diagnose_text("resistant.ron", &fixture_text("resistant.ron")),
        vec![]
    );
}

#[test]
fn analyze_json_lists_every_naive_player_with_its_score_and_verdict() {
    let output = frontline(&[
        "analyze",
        "tests/fixtures/guessable.ron",
        "--format",
        "json",
    ]);
    assert!(output.status.success(), "{output:?}");
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("json");
    let naive = report["naive"].as_array().expect("a list");
    let names: Vec<&str> = naive.iter().filter_map(|n| n["player"].as_str()).collect();
    let known: Vec<&str> = NAIVE_PLAYERS.iter().map(|p| p.name).collect();
    assert_eq!(names, known);
    assert_eq!(naive[0]["overall"], 100.0);
    assert_eq!(naive[0]["passed"], true);
    assert_eq!(naive[1]["player"], "shortest");
    assert_eq!(naive[1]["passed"], false);
    assert_eq!(report["giveaways"]["decisions"], 3);
    assert_eq!(report["shares"]["empathy"], 33.3);
}

#[test]
fn check_of_a_library_says_how_often_the_expert_answer_is_the_longest() {
    let output = frontline(&[
        "check",
        "tests/fixtures/guessable.ron",
        "tests/fixtures/resistant.ron",
    ]);
    assert!(output.status.success(), "{output:?}");
    assert!(
        stdout(&output)
            .contains("the expert answer is the longest in 3 of 7 expert decisions (42.9%)\n"),
        "{}",
        stdout(&output)
    );
}
