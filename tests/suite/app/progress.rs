//! The progress screen: the trainee's calls listed, and a past call reopened as a debrief, retried
//! and replayed.

use std::path::Path;

use bevy::prelude::*;
use frontline::app::{Catalog, CurrentCall, Debrief, Progress, Screen, recorded_name};
use frontline::engine::Session;
use frontline::library::content_hash;
use frontline::records::Store;

use super::harness::*;

#[test]
fn the_progress_screen_lists_the_call_and_reopens_its_debrief_with_the_same_scores() {
    let (mut app, core) = play_by_keys(example_library(), 7, Session::expert_answer, drop);
    let played = app.world().resource::<Debrief>().session.clone();
    escape_to(&mut app, Screen::Library);
    assert!(
        texts(&mut app).iter().any(|t| t == "Progress (P)"),
        "the library shows the key"
    );
    press(&mut app, KeyCode::KeyP);
    step_until_on(&mut app, "P opens the progress screen", Screen::Progress);
    app.update();
    let progress = app.world().resource::<Progress>();
    assert_eq!(progress.records().len(), 1);
    let record = progress.records()[0].clone();
    assert_eq!(record.call.scores, core.score().scores);
    assert_eq!(screen(&app), Screen::Progress);
    let on_screen = texts(&mut app);
    for shown in [
        &format!("Progress — {}", recorded_name("")),
        "A bill that came late",
        "coach",
        "resolved",
        "100%",
        "PASSED",
        "EMPATHY",
        "ACCURACY",
        "RESOLUTION",
        "OVERALL",
    ] {
        assert!(
            on_screen.iter().any(|t| t == shown),
            "no {shown:?} on screen: {on_screen:?}"
        );
    }

    press(&mut app, KeyCode::Enter);
    step_until_on(&mut app, "Enter reopens the debrief", Screen::Debrief);
    let debrief = app.world().resource::<Debrief>();
    assert_eq!(debrief.back, Screen::Progress);
    assert_eq!(
        debrief.result(),
        core.result().expect("the core call ended")
    );
    assert_eq!(debrief.session.decisions(), played.decisions());
    assert_eq!(debrief.session.transcript(), played.transcript());
    app.update();
    assert!(texts(&mut app).iter().any(|t| t == "Progress (Esc)"));
    assert_eq!(
        notice(&app),
        "",
        "the scenario is the one played: nothing to say"
    );

    escape_to(&mut app, Screen::Progress);
    assert_eq!(stored(&app).len(), 1, "reopening a call records nothing");
    escape_to(&mut app, Screen::Library);
}

#[test]
fn reopening_a_call_whose_scenario_changed_or_went_missing_says_so_on_screen() {
    let library = example_library();
    let file = library.path().join("example.ron");
    let records = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open(records.path()).expect("the records open");
    let changed = recorded_call(&file, "example-late-bill", &"0".repeat(64), 1_700_000_000);
    store.save(&changed).expect("saves");
    let gone = Path::new("/nonexistent/gone.ron");
    store
        .save(&recorded_call(gone, "gone-scenario", "1", 1_700_000_100))
        .expect("saves");
    drop(store);

    let mut app = app_recording_in(library.path(), records.path(), 1);
    step_until(&mut app, "the library loads", library_loaded);
    press(&mut app, KeyCode::KeyP);
    step_until_on(&mut app, "P opens the progress screen", Screen::Progress);
    let listed: Vec<String> = app
        .world()
        .resource::<Progress>()
        .records()
        .iter()
        .map(|r| r.call.scenario.id.clone())
        .collect();
    assert_eq!(
        listed,
        ["gone-scenario", "example-late-bill"],
        "newest first"
    );

    // The newest: its file is gone and the library has no such scenario.
    press(&mut app, KeyCode::Enter);
    app.update();
    assert_eq!(screen(&app), Screen::Progress, "nothing to reopen");
    let said = notice(&app);
    assert!(
        said.contains("cannot be reopened")
            && said.contains("/nonexistent/gone.ron is missing or no longer holds `gone-scenario`"),
        "{said}"
    );
    assert!(texts(&mut app).contains(&said), "the notice is on screen");

    // The other: its file has changed since (another hash), and the answers still fit.
    press(&mut app, KeyCode::ArrowDown);
    press(&mut app, KeyCode::Enter);
    step_until_on(&mut app, "Enter reopens the debrief", Screen::Debrief);
    app.update();
    let said = notice(&app);
    assert!(
        said.contains(&format!(
            "{} has changed since this call was recorded (SHA-256 000000000000 then,",
            file.display()
        )) && said.contains("The recorded answers still fit it; the scores are the recorded ones."),
        "{said}"
    );
    let debrief = app.world().resource::<Debrief>();
    assert_eq!(debrief.result().scores, changed.scores);
    escape_to(&mut app, Screen::Progress);
    assert_eq!(notice(&app), "", "the note was the debrief's");
    assert_eq!(
        app.world()
            .resource::<Progress>()
            .selected()
            .map(|r| r.call.scenario.id.as_str()),
        Some("example-late-bill"),
        "back on the call reopened"
    );
}

#[test]
fn a_call_reopened_from_a_file_outside_the_library_can_be_retried_and_replayed() {
    let library = library_of("scenarios/en/bill-tears-en.ron");
    let elsewhere = example_library();
    let file = elsewhere.path().join("example.ron");
    let hash = content_hash(&std::fs::read(&file).expect("the example reads"));
    let records = tempfile::tempdir().expect("a temporary folder");
    let recorded = recorded_call(&file, "example-late-bill", &hash, 1_700_000_000);
    Store::open(records.path())
        .expect("the records open")
        .save(&recorded)
        .expect("saves");

    let mut app = app_recording_in(library.path(), records.path(), 1);
    step_until(&mut app, "the library loads", library_loaded);
    assert!(
        app.world().resource::<Catalog>().card(&file).is_none(),
        "the file is not in the library"
    );
    // R plays a new variant of the file the call was reopened from, V the same one; each
    // call, left at once, is recorded against that file and its hash.
    for (key, calls) in [(KeyCode::KeyR, 2), (KeyCode::KeyV, 3)] {
        press(&mut app, KeyCode::KeyP);
        step_until_on(&mut app, "P opens the progress screen", Screen::Progress);
        // The recorded call is the oldest.
        for _ in 1..calls {
            press(&mut app, KeyCode::ArrowDown);
        }
        press(&mut app, KeyCode::Enter);
        step_until_on(&mut app, "Enter reopens the debrief", Screen::Debrief);
        assert_eq!(app.world().resource::<Debrief>().path, file);
        press(&mut app, key);
        step_until_on(&mut app, "the key starts the call again", Screen::Call);
        let call = app.world().resource::<CurrentCall>();
        assert_eq!(call.path(), file, "{key:?}");
        assert_eq!(call.session().prepared().scenario().id, "example-late-bill");
        if key == KeyCode::KeyV {
            assert_eq!(call.session().seed(), recorded.seed);
        }
        press(&mut app, KeyCode::Escape);
        step_until_on(&mut app, "Esc while ringing leaves", Screen::Library);
        app.update();
        let saved = stored(&app);
        assert_eq!(saved.len(), calls, "{key:?}");
        assert_eq!(saved[0].call.scenario.file(), file);
        assert_eq!(saved[0].call.scenario.hash, hash);
    }
}
