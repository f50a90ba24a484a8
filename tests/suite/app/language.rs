//! The call's language on screen: an Italian call reads Italian from the ringing phone to the
//! debrief.

use bevy::prelude::*;
use frontline::engine::Session;

use super::harness::*;

/// The English words of the call and debrief screens that an Italian call must not show.
const ENGLISH_LABELS: [&str; 18] = [
    "Incoming call",
    "CUSTOMER",
    "ACCOUNT",
    "You: ",
    "Coach: ",
    "YOUR ANSWER",
    "Debrief — ",
    "Empathy",
    "Accuracy",
    "Resolution",
    "Overall",
    "TIMELINE",
    "Feedback: ",
    "Expert: ",
    "Retry",
    "Hang up",
    "patience",
    "seed",
];

#[test]
fn an_italian_call_reads_italian_from_the_ringing_phone_to_the_debrief() {
    let library = library_of("scenarios/it/bolletta-lacrime-it.ron");
    let mut screens = Vec::new();
    let (_app, _core) = play_by_keys(library, 5, Session::expert_answer, |texts| {
        screens.push(texts.join("\n"))
    });
    let all = screens.join("\n");
    for italian in [
        "Chiamata in arrivo",
        "CLIENTE",
        "SCHEDA CLIENTE",
        "Tu: ",
        "Tutor: ",
        "LA TUA RISPOSTA",
        "Debriefing — ",
        "Empatia",
        "Accuratezza",
        "Risoluzione",
        "Totale",
        "CRONOLOGIA",
        "Riprova, nuova variante (R)",
        "pazienza",
    ] {
        assert!(all.contains(italian), "no {italian:?} on screen:\n{all}");
    }
    for english in ENGLISH_LABELS {
        assert!(
            !all.contains(english),
            "English {english:?} on screen:\n{all}"
        );
    }
}
