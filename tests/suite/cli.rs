//! The `frontline` command line as scripts use it: exit codes, JSON, and errors on stderr.

use serde_json::Value;

use crate::support::{frontline, project, stderr, stdout, temp_dir};

fn json(args: &[&str]) -> (Value, i32) {
    let output = frontline(args);
    let value = serde_json::from_str(&stdout(&output))
        .unwrap_or_else(|e| panic!("JSON from {args:?}: {e}\n{}", stdout(&output)));
    (value, output.status.code().unwrap_or(-1))
}

#[test]
fn checking_the_documented_example_finds_no_error_and_exits_zero() {
    let (value, code) = json(&["check", "docs/example.ron", "--format", "json"]);
    assert_eq!(code, 0);
    assert_eq!(value["files"], 1);
    assert_eq!(value["errors"], 0);
    assert!(
        value["diagnostics"]
            .as_array()
            .is_some_and(|all| all.iter().all(|d| d["severity"] == "warning")),
        "{value:#}"
    );
    assert_eq!(value["expert_longest"]["decisions"], 5);
}

#[test]
fn checking_a_broken_file_exits_one_with_positioned_diagnostics() {
    let dir = temp_dir("cli-broken");
    let text =
        std::fs::read_to_string(crate::support::project("docs/example.ron")).expect("example");
    std::fs::write(
        dir.join("typo.ron"),
        text.replacen("outcome: Resolved", "outcome: Resolvd", 1),
    )
    .expect("write");
    let (value, code) = json(&[
        "check",
        dir.to_str().expect("utf-8 path"),
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        (value["errors"].as_u64(), value["warnings"].as_u64()),
        (Some(1), Some(0))
    );
    let d = &value["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["code"], "unknown-variant");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(155), Some(22))
    );
    assert!(d["path"].as_str().is_some_and(|p| p.ends_with("typo.ron")));
    assert!(
        d["hint"]
            .as_str()
            .is_some_and(|h| h.starts_with("did you mean `Resolved`?"))
    );
}

#[test]
fn the_text_report_shows_the_file_position_and_a_snippet() {
    let dir = temp_dir("cli-snippet");
    std::fs::write(
        dir.join("bad.ron"),
        "Scenario(\n    id: \"x\",\n    titel: \"X\",\n)\n",
    )
    .expect("write");
    let output = frontline(&["check", dir.join("bad.ron").to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("error[unknown-field]: unknown field `titel` in `Scenario`"),
        "{text}"
    );
    assert!(text.contains("bad.ron:3:5"), "{text}");
    assert!(text.contains("3 │     titel: \"X\","), "{text}");
    assert!(text.contains("did you mean `title`?"), "{text}");
}

#[test]
fn hostile_files_are_errors_with_exit_one_never_a_crash() {
    let dir = temp_dir("cli-hostile");
    std::fs::write(dir.join("empty.ron"), "").expect("write");
    std::fs::write(dir.join("binary.ron"), [0u8, 159, 146, 150, 255, 0, 1]).expect("write");
    std::fs::write(dir.join("deep.ron"), "(".repeat(100_000)).expect("write");
    let (value, code) = json(&["check", dir.to_str().expect("utf-8"), "--format", "json"]);
    assert_eq!(code, 1);
    let mut codes: Vec<&str> = value["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    codes.sort_unstable();
    assert_eq!(codes, vec!["not-utf8", "syntax", "syntax"]);
}

#[test]
fn a_path_that_does_not_exist_is_bad_usage() {
    let output = frontline(&["check", "no/such/folder"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no such file or folder"));
}

#[test]
fn an_unknown_option_is_bad_usage_with_exit_two() {
    assert_eq!(frontline(&["check", "--colour"]).status.code(), Some(2));
    assert_eq!(frontline(&["play"]).status.code(), Some(2));
}

#[test]
fn data_dir_works_before_or_after_the_subcommand_and_the_later_one_wins() {
    let help = frontline(&["--help"]);
    assert!(
        stdout(&help).contains("--data-dir <DIR>"),
        "{}",
        stdout(&help)
    );
    let first = temp_dir("cli-data-dir-first");
    let second = temp_dir("cli-data-dir-second");
    let (first, second) = (
        first.to_str().expect("a UTF-8 temp folder"),
        second.to_str().expect("a UTF-8 temp folder"),
    );
    let example = project("docs/example.ron");
    let example = example.to_str().expect("a UTF-8 path");
    let before = frontline(&[
        "--data-dir",
        first,
        "play",
        example,
        "--auto",
        "expert",
        "--seed",
        "1",
    ]);
    assert_eq!(before.status.code(), Some(0), "{}", stderr(&before));
    let after = frontline(&[
        "play",
        example,
        "--auto",
        "worst",
        "--seed",
        "2",
        "--data-dir",
        second,
    ]);
    assert_eq!(after.status.code(), Some(0), "{}", stderr(&after));
    let count = |args: &[&str]| {
        let history = frontline(args);
        assert_eq!(history.status.code(), Some(0), "{}", stderr(&history));
        stdout(&history)
            .lines()
            .filter(|l| l.contains("coach"))
            .count()
    };
    assert_eq!(count(&["--data-dir", first, "history"]), 1);
    assert_eq!(count(&["history", "--data-dir", second]), 1);
    // Given twice, the one after the subcommand is the one used.
    assert_eq!(
        count(&["--data-dir", first, "history", "--data-dir", second]),
        1
    );
    let both = frontline(&[
        "--data-dir",
        second,
        "play",
        example,
        "--auto",
        "expert",
        "--seed",
        "3",
        "--data-dir",
        first,
    ]);
    assert_eq!(both.status.code(), Some(0), "{}", stderr(&both));
    assert_eq!(count(&["history", "--data-dir", first]), 2);
    assert_eq!(count(&["history", "--data-dir", second]), 1);
}

#[test]
fn every_command_has_help() {
    for command in ["check", "list", "play", "analyze", "graph", "match"] {
        let output = frontline(&[command, "--help"]);
        assert_eq!(output.status.code(), Some(0), "{command}");
        assert!(stdout(&output).contains("Usage: frontline"), "{command}");
    }
}

#[test]
fn playing_the_expert_path_as_json_reports_a_pass_with_full_scores() {
    let (value, code) = json(&[
        "play",
        "docs/example.ron",
        "--seed",
        "7",
        "--auto",
        "expert",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    assert_eq!(value["scenario"], "example-late-bill");
    assert_eq!(value["seed"], 7);
    assert_eq!(value["outcome"], "Resolved");
    assert_eq!(value["passed"], true);
    assert_eq!(value["choices"], serde_json::json!([3, 2, 1, 2, 2]));
    assert_eq!(
        value["scores"],
        serde_json::json!({"empathy": 100.0, "accuracy": 100.0, "resolution": 100.0, "overall": 100.0})
    );
    assert_eq!(
        value["transcript"][0],
        serde_json::json!({"kind": "customer", "text": "Hello... I've just opened my bill and it's more than double. I don't understand.", "cue": "sigh"})
    );
}

#[test]
fn scripted_choices_that_run_out_abandon_the_call() {
    let (value, code) = json(&[
        "play",
        "docs/example.ron",
        "--seed",
        "7",
        "--choices",
        "3,2",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        (value["outcome"].as_str(), value["passed"].as_bool()),
        (Some("Abandoned"), Some(false))
    );
    assert_eq!(value["choices"], serde_json::json!([3, 2]));
}

#[test]
fn a_scripted_choice_out_of_range_is_bad_usage_naming_the_step() {
    let output = frontline(&[
        "play",
        "docs/example.ron",
        "--seed",
        "7",
        "--choices",
        "3,9",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("step 2: 9 is not a choice here (choose 1 to 2)"),
        "{}",
        stderr(&output)
    );
    let output = frontline(&["play", "docs/example.ron", "--choices", "3,x"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn random_play_with_one_seed_gives_byte_identical_output() {
    let run = || {
        stdout(&frontline(&[
            "play",
            "docs/example.ron",
            "--seed",
            "99",
            "--auto",
            "random",
            "--format",
            "json",
        ]))
    };
    assert_eq!(run(), run());
}

#[test]
fn analyze_reports_bounds_the_expert_path_and_endings() {
    let (value, code) = json(&["analyze", "docs/example.ron", "--format", "json"]);
    assert_eq!(code, 0);
    assert_eq!(value["id"], "example-late-bill");
    assert_eq!(
        (value["nodes"].as_u64(), value["endings"].as_u64()),
        (Some(4), Some(3))
    );
    assert_eq!(value["decisions_on_expert_path"], 4);
    assert_eq!(
        value["dimensions"],
        serde_json::json!({
            "empathy": {"min": 0, "max": 3},
            "accuracy": {"min": -3, "max": 8},
            "resolution": {"min": 0, "max": 7},
        })
    );
    assert_eq!(value["expert_ending"], "resolved");
    assert_eq!(value["expert_passes"], true);
}

#[test]
fn graph_exports_graphviz_and_mermaid_with_every_node_and_ending() {
    let dot = stdout(&frontline(&["graph", "docs/example.ron"]));
    assert!(dot.starts_with("digraph \"example-late-bill\" {"));
    for id in [
        "opening",
        "verify",
        "explain",
        "plan",
        "resolved",
        "unresolved",
        "hung-up",
    ] {
        assert!(dot.contains(&format!("\"{id}\" [")), "{id} in\n{dot}");
    }
    assert!(dot.contains("\"opening\" -> \"verify\""));
    assert!(dot.trim_end().ends_with('}'));
    let mermaid = stdout(&frontline(&[
        "graph",
        "docs/example.ron",
        "--format",
        "mermaid",
    ]));
    assert!(mermaid.starts_with("flowchart LR\n"));
    assert!(mermaid.contains("n0 -->|\"1 E2 A1 R0\"| n1"), "{mermaid}");
    assert!(mermaid.contains("linkStyle"));
}

#[test]
fn playing_a_scenario_that_does_not_exist_lists_the_ids() {
    let output = frontline(&["play", "no-such-call", "--auto", "expert"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no scenario `no-such-call`"));
}
