//! The trainee's assignments on top of the library, from the folder beside it: each with
//! where the trainee stands, from their own calls.

use bevy::prelude::*;
use frontline::app::{Assignments, Mine, TeamView};
use frontline::centre::Status;
use frontline::records::Store;

use super::harness::*;
use crate::support::project;

/// A folder holding `lib/` (the example) and `assignments/` (two assignments for Ana).
fn centre_folder() -> tempfile::TempDir {
    let root = tempfile::tempdir().expect("a temporary folder");
    let lib = root.path().join("lib");
    let assignments = root.path().join("assignments");
    std::fs::create_dir(&lib).expect("a library folder");
    std::fs::create_dir(&assignments).expect("an assignments folder");
    std::fs::copy(project("docs/example.ron"), lib.join("example.ron")).expect("copied");
    std::fs::write(
        assignments.join("week-1.ron"),
        r#"Assignment(name: "Week 1: bills", trainees: ["Ana"], calls: ["example-late-bill"], mode: Exam, due: "2099-12-31")"#,
    )
    .expect("written");
    std::fs::write(
        assignments.join("old.ron"),
        r#"Assignment(name: "Old one", trainees: ["Ana", "Bo"], calls: ["example-late-bill"], due: "2020-01-31", pass: 101)"#,
    )
    .expect("written");
    root
}

fn mine(app: &App) -> Vec<(String, Status)> {
    app.world()
        .resource::<Assignments>()
        .mine
        .iter()
        .map(|Mine { name, status, .. }| (name.clone(), *status))
        .collect()
}

#[test]
fn the_library_shows_the_trainees_assignments_with_where_they_stand() {
    let root = centre_folder();
    let lib = root.path().join("lib");
    let records = tempfile::tempdir().expect("a temporary folder");
    let mut app = app_recording_in(&lib, records.path(), 7);
    step_until(&mut app, "the library loads", library_loaded);
    assert!(
        mine(&app).is_empty(),
        "nothing is assigned to the default trainee"
    );
    // The second file asks for a pass over 100: it is left out, and the library says so.
    assert!(
        notice(&app).contains("problems in the assignments of"),
        "{}",
        notice(&app)
    );

    type_name(&mut app, "Ana");
    step_until(&mut app, "Ana's assignments show", |w| {
        !w.resource::<Assignments>().mine.is_empty()
    });
    assert_eq!(mine(&app), [("Week 1: bills".to_owned(), Status::ToDo)]);
    app.update();
    let shown = texts(&mut app);
    assert!(shown.iter().any(|t| t == "ASSIGNED TO Ana"), "{shown:?}");
    assert!(
        shown
            .iter()
            .any(|t| t == "Week 1: bills — to do · due December 31, 2099 · example-late-bill"),
        "{shown:?}"
    );
    drop(app);

    Store::open(records.path())
        .expect("the store opens")
        .save(&example_call("Ana", true, std::time::SystemTime::now()))
        .expect("the call is saved");
    let mut app = app_recording_in(&lib, records.path(), 7);
    step_until(&mut app, "the library loads", library_loaded);
    type_name(&mut app, "Ana");
    step_until(&mut app, "Ana's assignments show", |w| {
        !w.resource::<Assignments>().mine.is_empty()
    });
    assert_eq!(mine(&app), [("Week 1: bills".to_owned(), Status::Passed)]);

    // The trainer's screen tells each assignment's completion over the team.
    open_team(&mut app);
    assert_eq!(
        app.world().resource::<TeamView>().completion,
        [("Week 1: bills".to_owned(), [1, 0, 0, 0])],
        "Ana passed: 1 passed, 0 failed, 0 to do, 0 overdue"
    );
    app.update();
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t == "Week 1: bills: 1 passed · 0 failed · 0 to do · 0 overdue")
    );
}
