//! The call's language on screen: an Italian call reads Italian from the ringing phone to the
//! debrief, a silence included.

use bevy::prelude::*;
use frontline::app::{CurrentCall, Pace, Screen};
use frontline::engine::{Answer, Phase, Session};

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

#[test]
fn an_italian_call_that_times_out_shows_no_english_word() {
    let library = library_of("scenarios/it/bolletta-lacrime-it.ron");
    let mut app = app_on(library.path(), 5);
    answer_the_first_call(&mut app);
    let mut screens = Vec::new();
    let mut timed_out = false;
    for _ in 0..50 {
        press(&mut app, KeyCode::Space);
        screens.push(texts(&mut app).join("\n"));
        let session = call_session(&app);
        if session.phase() == Phase::Ended {
            break;
        }
        if !timed_out && session.time_limit().is_some() {
            // The first timed decision: the trainee says nothing until the timer runs out.
            let decided = session.decisions().len();
            app.world_mut().insert_resource(Pace(1_000.0));
            step_until(&mut app, "the timer runs out", |w| {
                w.resource::<CurrentCall>().session().decisions().len() > decided
            });
            app.world_mut().insert_resource(Pace(1.0));
            timed_out = true;
            continue;
        }
        let Some(Answer::Pick(n)) = session.expert_answer() else {
            panic!("the expert picks");
        };
        press(&mut app, digit(n));
    }
    assert!(timed_out, "the call has a timer to let run out");
    let session = call_session(&app);
    assert!(
        session
            .decisions()
            .iter()
            .any(|d| d.answer == Answer::Silence),
        "a silence is recorded"
    );
    press(&mut app, KeyCode::Enter);
    step_until_on(&mut app, "Enter opens the debrief", Screen::Debrief);
    app.update();
    screens.push(texts(&mut app).join("\n"));
    let all = screens.join("\n");
    let debrief = screens.last().expect("the debrief was read");
    assert!(
        debrief.contains("Tu: (silenzio)  ("),
        "the debrief names the silence in Italian:\n{debrief}"
    );
    for english in ENGLISH_LABELS.iter().chain(&["silence", "said nothing"]) {
        assert!(
            !all.contains(english),
            "English {english:?} on screen:\n{all}"
        );
    }
}
