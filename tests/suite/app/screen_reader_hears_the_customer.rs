//! The screen reader is told, unasked, what the customer and the coach say as it appears, and
//! when the decision's time is running out.

use accesskit::{Live, Role};
use bevy::prelude::*;
use frontline::app::{CurrentCall, Pace, RUNNING_OUT};
use frontline::engine::{Answer, Entry, Stage};

use super::harness::*;

/// The transcript's lines as the tree has them: (name, live, language).
fn lines(app: &mut App) -> Vec<(String, Live, Option<String>)> {
    let world = app.world_mut();
    let entities: Vec<Entity> = world
        .query_filtered::<Entity, With<frontline::app::Line>>()
        .iter(world)
        .collect();
    spoken(app)
        .into_iter()
        .filter(|n| entities.contains(&n.entity))
        .map(|n| (n.name, n.live, n.language))
        .collect()
}

#[test]
fn each_new_line_of_the_customer_is_announced_in_the_calls_language_and_the_trainees_own_is_not() {
    let mut app = app_on(example_library().path(), 7);
    answer_the_first_call(&mut app);
    skip_speech(&mut app);
    app.update();
    let session = call_session(&app);
    let language = Some(session.scenario().language.clone());
    let customer = &session.scenario().customer.name;
    let Some(Entry::Customer { text, .. }) = session.transcript().first() else {
        panic!("the call opens on the customer");
    };
    let first = lines(&mut app);
    assert_eq!(first.len(), 1, "{first:?}");
    assert!(first[0].0.starts_with(customer.as_str()) && first[0].0.ends_with(text.as_str()));
    assert_eq!((first[0].1, &first[0].2), (Live::Polite, &language));

    let Some(Answer::Pick(n)) = session.expert_answer() else {
        panic!("the expert picks");
    };
    press(&mut app, digit(n));
    skip_speech(&mut app);
    app.update();
    let session = call_session(&app);
    let after = lines(&mut app);
    assert_eq!(after.len(), session.transcript().len());
    for ((name, live, _), entry) in after.iter().zip(session.transcript()) {
        let expected = match entry {
            Entry::Agent { .. } => Live::Off,
            Entry::Customer { .. } | Entry::Feedback { .. } => Live::Polite,
            other => panic!("the example's first answer brings no {other:?}"),
        };
        assert_eq!(*live, expected, "{name:?}");
    }
    assert!(
        session
            .transcript()
            .iter()
            .skip(1)
            .any(|e| matches!(e, Entry::Customer { .. })),
        "the customer answers back: {after:?}"
    );
}

#[test]
fn the_timer_says_its_seconds_and_interrupts_when_they_are_running_out() {
    let mut app = app_on(example_library().path(), 7);
    answer_the_first_call(&mut app);
    skip_speech(&mut app);
    let Some(Answer::Pick(n)) = call_session(&app).expert_answer() else {
        panic!("the expert picks");
    };
    press(&mut app, digit(n));
    skip_speech(&mut app);
    step_until(&mut app, "the second decision's timer runs", |w| {
        w.resource::<CurrentCall>().flow().seconds_left().is_some()
    });
    app.update();
    let timer = |app: &mut App| {
        let timers = with_role(&spoken(app), Role::Timer);
        assert_eq!(timers.len(), 1, "{timers:#?}");
        (timers[0].name.clone(), timers[0].live)
    };
    let left = |app: &App| {
        app.world()
            .resource::<CurrentCall>()
            .flow()
            .seconds_left()
            .expect("the timer runs")
    };
    let (said, live) = timer(&mut app);
    assert_eq!(said, format!("{} s left", left(&app).ceil()));
    assert_eq!(live, Live::Off, "a timer with time to spare keeps quiet");
    assert!(
        texts(&mut app).contains(&said),
        "the seconds left are on screen too, in words"
    );

    // Hurry the clock to the last seconds.
    app.insert_resource(Pace(10.0));
    step_until(&mut app, "the time runs out", |w| {
        let flow = w.resource::<CurrentCall>().flow();
        flow.stage() == Stage::Choosing
            && flow.seconds_left().is_some_and(|s| s <= RUNNING_OUT - 1.0)
    });
    app.insert_resource(Pace(0.0));
    app.update();
    let (said, live) = timer(&mut app);
    assert_eq!(said, format!("{} s left", left(&app).ceil()));
    assert_eq!(live, Live::Assertive);
}
