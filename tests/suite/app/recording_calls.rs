//! Every call recorded: with the core's scores, and kept (in memory, then in a file put aside)
//! while the records cannot be written.

use bevy::prelude::*;
use frontline::app::{Records, Screen};
use frontline::engine::{Answer, Mode, Session};
use frontline::library::content_hash;

use super::harness::*;

#[test]
fn a_call_played_to_its_debrief_is_recorded_with_the_scores_of_the_core() {
    let library = example_library();
    let hash = content_hash(&std::fs::read(library.path().join("example.ron")).expect("reads"));
    let mut app = app_on(library.path(), 7);
    type_name(&mut app, "Ana Lima");
    let core = play_in(&mut app, Session::expert_answer, drop);
    let records = stored(&app);
    assert_eq!(records.len(), 1, "one call, one record");
    let call = &records[0].call;
    let result = core.result().expect("the core call ended");
    assert_eq!(
        (
            call.trainee.as_str(),
            call.scenario.id.as_str(),
            call.scenario.hash.as_str(),
            call.seed,
            call.mode,
        ),
        (
            "Ana Lima",
            "example-late-bill",
            hash.as_str(),
            7,
            Mode::Coach
        )
    );
    assert_eq!(
        (
            call.scores,
            call.passed,
            call.outcome.as_str(),
            call.abandoned
        ),
        (result.scores, result.passed, result.outcome.name(), false)
    );
    assert_eq!(call.breaks, result.broken);
    let answers: Vec<(Answer, &str)> = call
        .decisions
        .iter()
        .map(|d| (d.answer, d.text.as_str()))
        .collect();
    let core_answers: Vec<(Answer, &str)> = core
        .decisions()
        .iter()
        .map(|d| (d.answer, d.text.as_str()))
        .collect();
    assert_eq!(answers, core_answers);
    assert!(call.decisions.iter().all(|d| d.elapsed_ms.is_some()));
    assert!(call.started_ms <= call.ended_ms);
    assert_eq!(notice(&app), "", "the records work: nothing to say");
}

#[test]
fn an_unwritable_records_folder_shows_a_notice_keeps_the_call_and_saves_it_once_it_works() {
    let library = example_library();
    let scratch = tempfile::tempdir().expect("a temporary folder");
    // A file where the records folder should be: no one, root included, can write there.
    let blocked = scratch.path().join("records");
    std::fs::write(&blocked, "not a folder").expect("writes");
    let mut app = app_recording_in(library.path(), &blocked, 7);
    let opening = format!("Cannot open the call records at {}", blocked.display());
    let said = notice(&app);
    assert!(
        said.starts_with(&format!("{opening}: cannot create the folder: "))
            && said.ends_with(" Calls played meanwhile are kept until they can be written."),
        "{said}"
    );

    let core = play_in(&mut app, Session::expert_answer, drop);
    let records = app.world().resource::<Records>();
    assert_eq!(records.unsaved().len(), 1, "the call is kept");
    assert_eq!(records.unsaved()[0].scores, core.score().scores);
    let said = notice(&app);
    assert!(
        said.starts_with(&format!("{opening}: cannot create the folder: "))
            && said.ends_with(
                "The last call is not saved yet: it is kept until the records can be written (closing Frontline puts it aside for the next start)."
            ),
        "{said}"
    );
    assert!(
        texts(&mut app).contains(&said),
        "the notice is on the debrief"
    );

    // The folder becomes writable: the next read of the records writes the call first.
    std::fs::remove_file(&blocked).expect("removes");
    escape_to(&mut app, Screen::Library);
    assert!(app.world().resource::<Records>().unsaved().is_empty());
    assert_eq!(notice(&app), "");
    let records = stored(&app);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].call.scores, core.score().scores);
}

#[test]
fn calls_unsaved_when_the_app_closes_are_put_aside_and_written_once_on_the_next_start() {
    let library = example_library();
    let scratch = tempfile::tempdir().expect("a temporary folder");
    let blocked = scratch.path().join("records");
    std::fs::write(&blocked, "not a folder").expect("writes");
    let mut app = app_recording_in(library.path(), &blocked, 7);
    let finished = play_in(&mut app, Session::expert_answer, drop);
    escape_to(&mut app, Screen::Library);
    // A second call, left in the middle by closing the app.
    press(&mut app, KeyCode::Enter);
    step_until_on(&mut app, "the call opens", Screen::Call);
    for _ in 0..2 {
        app.world_mut().write_message(AppExit::Success);
        app.update();
    }
    assert_eq!(app.world().resource::<Records>().unsaved().len(), 2);
    drop(app);

    // Still blocked: the next start keeps them (and puts them aside again when it closes).
    let mut app = app_recording_in(library.path(), &blocked, 7);
    assert_eq!(app.world().resource::<Records>().unsaved().len(), 2);
    app.world_mut().write_message(AppExit::Success);
    app.update();
    drop(app);

    // They wait in the temporary folder, in a file named after the records folder.
    let spool = std::env::temp_dir().join(format!(
        "frontline-unsaved-{}.json",
        &content_hash(blocked.as_os_str().as_encoded_bytes())[..16]
    ));
    let aside = std::fs::read(&spool).expect("the calls are put aside");

    // The folder works again: the start after writes both, oldest first, and only once,
    // even when a run stopped after writing them but before removing the file.
    std::fs::remove_file(&blocked).expect("removes");
    for start in 0..2 {
        let app = app_recording_in(library.path(), &blocked, 7);
        assert!(
            !spool.exists(),
            "the file put aside is removed once written"
        );
        if start == 0 {
            std::fs::write(&spool, &aside).expect("the file is back, as after a crash");
        }
        assert!(app.world().resource::<Records>().unsaved().is_empty());
        assert_eq!(notice(&app), "");
        let records = stored(&app);
        assert_eq!(records.len(), 2, "each call once");
        assert_eq!(records[1].call.scores, finished.score().scores);
        assert!(!records[1].call.abandoned);
        assert!(records[0].call.abandoned);
    }
}
