//! Leaving a call before it ends: from the ringing phone, after a confirm, or by closing the app;
//! each is recorded as abandoned.

use bevy::prelude::*;
use frontline::app::{CurrentCall, Screen, recorded_name};
use frontline::engine::{Answer, Stage};
use frontline::library::content_hash;

use super::harness::*;

#[test]
fn escape_asks_before_abandoning_a_call_and_goes_back_to_the_library() {
    let library = example_library();
    let mut app = app_on(library.path(), 5);
    answer_the_first_call(&mut app);
    press(&mut app, KeyCode::Escape);
    assert_eq!(stage(&app), Stage::Confirming);
    press(&mut app, KeyCode::KeyN);
    assert_eq!(stage(&app), Stage::Choosing, "N stays on the call");
    press(&mut app, KeyCode::Escape);
    press(&mut app, KeyCode::KeyY);
    step_until_on(
        &mut app,
        "leaving goes back to the library",
        Screen::Library,
    );
    assert!(
        app.world()
            .resource::<CurrentCall>()
            .session()
            .is_abandoned()
    );
}

#[test]
fn a_call_left_while_the_phone_rings_is_recorded_as_abandoned() {
    let library = example_library();
    let mut app = app_on(library.path(), 5);
    step_until(&mut app, "the library loads", library_loaded);
    press(&mut app, KeyCode::Enter);
    step_until_on(&mut app, "the call opens", Screen::Call);
    press(&mut app, KeyCode::Escape);
    step_until_on(
        &mut app,
        "leaving goes back to the library",
        Screen::Library,
    );
    let records = stored(&app);
    assert_eq!(records.len(), 1);
    let call = &records[0].call;
    assert_eq!(
        (call.abandoned, call.outcome.as_str(), call.decisions.len()),
        (true, "Abandoned", 0)
    );
    assert_eq!(
        call.trainee,
        recorded_name(""),
        "no name typed: the login name"
    );
}

#[test]
fn closing_the_app_in_the_middle_of_a_call_records_it_as_abandoned_once() {
    let library = example_library();
    let mut app = app_on(library.path(), 7);
    answer_the_first_call(&mut app);
    press(&mut app, KeyCode::Space);
    let Some(Answer::Pick(n)) = call_session(&app).expert_answer() else {
        panic!("the example opens with a choice");
    };
    press(&mut app, digit(n));
    for _ in 0..2 {
        app.world_mut().write_message(AppExit::Success);
        app.update();
    }
    let records = stored(&app);
    assert_eq!(records.len(), 1, "recorded once");
    let call = &records[0].call;
    assert_eq!(
        (call.abandoned, call.outcome.as_str(), call.decisions.len()),
        (true, "Abandoned", 1)
    );
    assert_eq!(call.scenario.id, "example-late-bill");
    assert_eq!(
        call.scenario.hash,
        content_hash(&std::fs::read(library.path().join("example.ron")).expect("reads"))
    );
}
