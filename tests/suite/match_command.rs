//! `frontline match SCENARIO NODE REPLY`: the contract trainers and tests rely on.

use serde_json::Value;

use super::support::{frontline, stderr, stdout};

#[test]
fn match_as_json_ranks_every_choice_of_the_node_best_first_with_scores_from_0_to_1() {
    let output = frontline(&[
        "match",
        "docs/example.ron",
        "plan",
        "i can split it in 3 monthly instalments of 70,80 with no fees",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value: Value = serde_json::from_str(&stdout(&output)).expect("JSON on stdout");
    assert_eq!(value["scenario"], "example-late-bill");
    assert_eq!(value["node"], "plan");
    assert_eq!(
        value["reply"],
        "i can split it in 3 monthly instalments of 70,80 with no fees"
    );
    assert_eq!(value["confident"], true);
    let ranked = value["ranked"].as_array().expect("ranked is a list");
    let order: Vec<(u64, &str)> = ranked
        .iter()
        .map(|r| (r["index"].as_u64().unwrap(), r["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        order,
        [
            (0, "Offer three monthly instalments of € 70.80, no fees."),
            (1, "You'll have to pay by the due date, I'm afraid."),
        ]
    );
    let scores: Vec<f64> = ranked
        .iter()
        .map(|r| r["score"].as_f64().unwrap())
        .collect();
    assert!(scores[0] > scores[1], "{scores:?}");
    assert!(scores.iter().all(|s| (0.0..=1.0).contains(s)), "{scores:?}");
}

#[test]
fn match_names_an_unknown_node_and_exits_with_bad_usage() {
    let output = frontline(&["match", "docs/example.ron", "nowhere", "hello"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("no node `nowhere`"), "{message}");
    assert!(
        message.contains("opening, verify, explain, plan"),
        "{message}"
    );
}

#[test]
fn match_as_text_shows_the_reply_and_each_choice_with_its_score_and_index() {
    let output = frontline(&[
        "match",
        "docs/example.ron",
        "plan",
        "you have to pay by the due date",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with("“you have to pay by the due date” — "),
        "{text}"
    );
    assert!(
        lines[1].ends_with("[1] You'll have to pay by the due date, I'm afraid."),
        "{text}"
    );
    assert!(
        lines[2].ends_with("[0] Offer three monthly instalments of € 70.80, no fees."),
        "{text}"
    );
}

#[test]
fn match_fills_the_first_variants_names_and_figures_into_the_choices() {
    let ranked = |reply: &str| {
        let output = frontline(&[
            "match",
            "tests/fixtures/variants.ron",
            "plan",
            reply,
            "--format",
            "json",
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let value: Value = serde_json::from_str(&stdout(&output)).expect("JSON on stdout");
        (
            value["ranked"][0]["index"].clone(),
            value["ranked"][0]["text"].clone(),
        )
    };
    assert_eq!(
        ranked("three instalments of 100"),
        (
            serde_json::json!(1),
            serde_json::json!("Three instalments of € 100.00.")
        )
    );
    assert_eq!(ranked("3 instalments of 150 euro").0, serde_json::json!(2));
}
