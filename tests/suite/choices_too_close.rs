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
