//! The lines a call can speak: every `say`, `say_if` and closing line, filled in for each
//! variant, stage directions taken out, once for each delivery the call's mood allows there.

use frontline::engine::Prepared;
use frontline::scenario::parse_str;
use frontline::voice::{Delivery, Line, lines};

use crate::support::{fixture_text, project};

fn line(field: &str, variant: &str, text: &str, delivery: Delivery) -> Line {
    Line {
        field: field.to_owned(),
        variant: Some(variant.to_owned()),
        text: text.to_owned(),
        delivery,
        recording: None,
    }
}

/// The voice tests' call, prepared (it need not check clean: only its lines matter here).
fn voices() -> std::sync::Arc<Prepared> {
    let path = project("tests/fixtures/voices.ron");
    let scenario = parse_str(&path, &fixture_text("voices.ron")).expect("the fixture parses");
    Prepared::new(scenario).expect("the fixture plays")
}

#[test]
fn every_line_is_listed_per_variant_with_the_delivery_of_each_mood_it_can_be_spoken_in() {
    use Delivery::*;
    assert_eq!(
        lines(&voices()),
        vec![
            // In tears at the start; the note is not spoken.
            line("nodes.start.say[0]", "ann", "Hello, it's Ann.", Distressed),
            line("nodes.start.say[1]", "ann", "Hello.", Distressed),
            // Calmed down, the bill is plain; angered, only the say_if is heard, angrily.
            line("nodes.bill.say[0]", "ann", "The bill is € 10.", Calm),
            line("nodes.bill.say_if[0].say[0]", "ann", "Just tell me.", Angry),
            line("endings.done.say", "ann", "Thanks.", Calm),
            line("endings.done.say_if[0].say", "ann", "Fine.", Angry),
            // The second variant lists only what its values change.
            line("nodes.start.say[0]", "bea", "Hello, it's Bea.", Distressed),
            line("nodes.bill.say[0]", "bea", "The bill is € 20.", Calm),
        ]
    );
}
