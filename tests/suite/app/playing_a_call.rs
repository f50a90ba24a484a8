//! A call played by keys: the same transcript, decisions and scores as the core, every line on
//! screen, a timer left to run out.

use bevy::prelude::*;
use frontline::app::{CurrentCall, Debrief, Pace};
use frontline::engine::{Answer, Entry, Mode, Phase, Session};
use frontline::words::ENGLISH;

use super::harness::*;

#[test]
fn a_call_played_by_keys_matches_the_core_transcript_and_scores() {
    let (app, core) = play_by_keys(example_library(), 7, Session::expert_answer, drop);
    let debrief = app.world().resource::<Debrief>();
    assert_eq!(debrief.session.transcript(), core.transcript());
    // The app also records how long each decision took; the rest is the core's.
    assert_eq!(untimed(debrief.session.decisions()), core.decisions());
    assert_eq!(
        debrief.result(),
        core.result().expect("the core call ended")
    );
    assert!(debrief.result().passed, "the expert path passes");
}

#[test]
fn the_worst_answers_by_keys_score_like_the_core_and_the_debrief_shows_the_experts_scores() {
    let (mut app, core) = play_by_keys(example_library(), 11, Session::worst_answer, drop);
    let debrief = app.world().resource::<Debrief>();
    assert_eq!(debrief.session.transcript(), core.transcript());
    assert_eq!(
        debrief.result(),
        core.result().expect("the core call ended")
    );
    assert!(!debrief.result().passed, "the worst path fails");
    let expert = frontline::engine::autoplay(
        core.prepared(),
        11,
        frontline::engine::Mode::Exam,
        frontline::engine::Strategy::Expert,
    )
    .score()
    .scores;
    let score = |value: f64| ENGLISH.score(value);
    let line = format!(
        "The expert's call of this variant: empathy {} · accuracy {} · resolution {} · overall {}",
        score(expert.empathy),
        score(expert.accuracy),
        score(expert.resolution),
        score(expert.overall)
    );
    assert!(
        texts(&mut app).contains(&line),
        "no {line:?} on the debrief"
    );
}

#[test]
fn the_transcript_on_screen_shows_every_line_of_the_session() {
    let library = example_library();
    let mut app = app_on(library.path(), 3);
    answer_the_first_call(&mut app);
    loop {
        press(&mut app, KeyCode::Space);
        let session = call_session(&app);
        if session.phase() == Phase::Ended {
            break;
        }
        let Some(Answer::Pick(n)) = session.expert_answer() else {
            panic!("the expert picks");
        };
        press(&mut app, digit(n));
    }
    app.update();
    let session = call_session(&app);
    let mut lines: Vec<(usize, String)> = app
        .world_mut()
        .query::<(&frontline::app::Line, &Text)>()
        .iter(app.world())
        .map(|(line, text)| (line.0, text.0.clone()))
        .collect();
    lines.sort();
    let indices: Vec<usize> = lines.iter().map(|(i, _)| *i).collect();
    let entries = session.transcript();
    assert_eq!(
        indices,
        (0..entries.len()).collect::<Vec<_>>(),
        "one line per entry, in order"
    );
    for ((_, shown), entry) in lines.iter().zip(entries) {
        let says = match entry {
            Entry::Customer { text, cue } => {
                let cue = cue.as_ref().map(|c| format!(" [{c}]")).unwrap_or_default();
                shown == &format!("Marta Rossi:{cue} {text}")
            }
            Entry::Agent { text, action, .. } => {
                let who = if *action { "You ▶" } else { "You:" };
                shown == &format!("{who} {text}")
            }
            Entry::Feedback { text, .. } => shown.starts_with(&format!("    Coach: {text} (")),
            Entry::End { text, .. } => {
                shown == &format!("Marta Rossi: {text}  — call ended: resolved")
            }
            Entry::WrapUp { ask, answer } => shown == &format!("Wrap-up · {ask}: {answer}"),
            other => panic!("the expert's call has no {other:?}"),
        };
        assert!(says, "{entry:?} is shown as {shown:?}");
    }
}

#[test]
fn a_timer_left_to_run_out_answers_silence_and_records_the_whole_limit() {
    let library = example_library();
    let mut app = app_on(library.path(), 9);
    answer_the_first_call(&mut app);
    press(&mut app, KeyCode::Space);
    let prepared = call_session(&app).prepared().clone();
    let mut core = Session::new(prepared, 9, Mode::Coach);
    let Some(Answer::Pick(n)) = core.expert_answer() else {
        panic!("the example opens with a choice");
    };
    core.answer(Answer::Pick(n))
        .expect("the core takes the pick");
    press(&mut app, digit(n));
    assert_eq!(core.time_limit(), Some(20), "the second decision is timed");
    // A fast clock drains the 20 s timer in a few frames of wall time.
    app.world_mut().insert_resource(Pace(1_000.0));
    press(&mut app, KeyCode::Space);
    step_until(&mut app, "the timer runs out", |w| {
        w.resource::<CurrentCall>().session().decisions().len() == 2
    });
    core.answer(Answer::Silence)
        .expect("the core takes the silence");
    let session = call_session(&app);
    assert_eq!(session.transcript(), core.transcript());
    assert_eq!(session.decisions()[1].elapsed_ms, Some(20_000));
}

#[test]
fn a_call_with_variants_shows_the_drawn_variant_never_its_placeholders() {
    let library = library_of("scenarios/it/bolletta-lacrime-it.ron");
    let mut screens = Vec::new();
    let (_app, core) = play_by_keys(library, 1, Session::expert_answer, |texts| {
        screens.push(texts.join("\n"))
    });
    assert!(core.variant().is_some(), "the scenario has variants");
    let customer = &core.scenario().customer.name;
    assert!(!customer.contains('{'), "{customer}");
    let all = screens.join("\n");
    assert!(
        all.contains(&format!("{customer}:")),
        "the drawn customer {customer:?} speaks on screen:\n{all}"
    );
    assert!(!all.contains('{'), "a placeholder on screen:\n{all}");
}
