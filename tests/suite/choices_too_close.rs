//! The matcher names the pairs of a node's choices too close in meaning to tell apart (the
//! checker's `choices-too-close`), and no others.

use frontline::matcher::TooClose;
use frontline::scenario::Choice;

use super::support::matcher;

fn choices(texts: &[&str]) -> Vec<Choice> {
    texts
        .iter()
        .map(|text| ron::from_str(&format!("(text: {text:?}, next: \"end\")")).expect("a choice"))
        .collect()
}

#[test]
fn two_choices_saying_the_same_thing_are_named_as_too_close() {
    let node = choices(&[
        "Is there anything else I can help you with today?",
        "I'm sorry, I can't help you with that.",
        "Is there anything else I can help you with today?",
    ]);
    let pairs = matcher().too_close(&node);
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    let TooClose {
        first,
        second,
        similarity,
    } = pairs[0];
    assert_eq!((first, second), (0, 2));
    assert!(similarity > 0.99, "{similarity}");
}

#[test]
fn choices_on_one_topic_that_differ_in_tone_or_figures_are_not_too_close() {
    let node = choices(&[
        "Posso rateizzarla in 3 rate mensili da 162,20 € senza interessi.",
        "Gliela divido in 6 rate mensili da 81,10 €, così pesa meno.",
        "Signora, si calmi, altrimenti non riesco ad aiutarla.",
        "Signora, non si deve scusare: la guardiamo insieme con calma.",
    ]);
    assert_eq!(matcher().too_close(&node), []);
}

/// The `choices-too-close` diagnostics of `frontline check --meaning` on `paths`, as JSON.
fn too_close_of(paths: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["check", "--meaning", "--format", "json"];
    args.extend_from_slice(paths);
    let output = super::support::frontline(&args);
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("check --format json gives JSON");
    report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "choices-too-close")
        .cloned()
        .collect()
}

#[test]
fn check_with_meaning_warns_on_the_second_of_two_choices_offered_together_naming_both() {
    let found = too_close_of(&["tests/fixtures/too-close.ron"]);
    assert_eq!(found.len(), 1, "{found:#?}");
    let warning = &found[0];
    assert_eq!(
        (
            warning["severity"].as_str(),
            warning["line"].as_u64(),
            warning["column"].as_u64(),
            warning["field"].as_str()
        ),
        (
            Some("warning"),
            Some(15),
            Some(24),
            Some("nodes.offer.choices[2].text")
        )
    );
    let message = warning["message"].as_str().expect("a message");
    assert!(
        message.starts_with("choices 1 and 3 of node `offer` are offered together")
            && message.contains("“We can split it into three monthly instalments, with no fees.”")
            && message.contains("“We can split it into three monthly instalments with no fees.”"),
        "{message}"
    );
}

#[test]
fn the_same_words_never_offered_together_and_the_shipped_library_raise_no_warning() {
    // The fixture's `close` offers its twin choices in different states only (checked
    // above: its one warning is at `offer`); the shipped library likewise.
    assert_eq!(
        too_close_of(&["scenarios"]),
        Vec::<serde_json::Value>::new()
    );
}
