//! The library's cards: broken files shown with their diagnostics, saves picked up, the trainee's
//! name and scores.

use bevy::input::keyboard::Key;
use bevy::prelude::*;
use frontline::app::{Catalog, Screen, Standings};
use frontline::engine::Session;
use frontline::words::ENGLISH;

use super::harness::*;
use crate::support::project;

#[test]
fn a_broken_file_is_a_card_with_its_diagnostics_not_hidden() {
    let library = example_library();
    let file = library.path().join("broken.ron");
    std::fs::write(&file, "Scenario(id: \"x\",").expect("writes");
    let mut app = app_on(library.path(), 1);
    step_until(&mut app, "both files load", |w| {
        w.resource::<Catalog>().cards.len() == 2
    });
    let catalog = app.world().resource::<Catalog>();
    let broken: Vec<_> = catalog
        .cards
        .iter()
        .filter(|c| c.playable.is_none())
        .collect();
    assert_eq!(broken.len(), 1);
    let card = broken[0].clone();
    assert_eq!(card.entry.path, file);
    // The same diagnostics as `frontline check` gives for the file, with their positions.
    let checked = frontline::library::Library::load(std::slice::from_ref(&file), None)
        .expect("the file is read");
    assert_eq!(
        card.diagnostics(),
        checked.entries[0].diagnostics.as_slice()
    );
    let first = &card.diagnostics()[0];
    assert!(first.is_error(), "{first:?}");
    assert_eq!((first.path.as_path(), first.line), (file.as_path(), 1));
    app.update();
    let on_screen = texts(&mut app).join("\n");
    assert!(
        on_screen.contains(&first.one_line()),
        "{} not on the card:\n{on_screen}",
        first.one_line()
    );
}

#[test]
fn a_saved_scenario_updates_its_card_and_a_broken_save_keeps_the_last_good_version_playable() {
    let library = example_library();
    let mut app = app_on(library.path(), 1);
    step_until(&mut app, "the library loads", library_loaded);
    let original = std::fs::read_to_string(project("docs/example.ron")).expect("reads");
    let retitled = original.replacen("A bill that came late", "A bill that came very late", 1);

    save_and_reload(&mut app, library.path(), &retitled);
    step_until(&mut app, "the card takes the new title", |w| {
        w.resource::<Catalog>().cards[0].title() == "A bill that came very late"
    });
    app.update();
    assert!(texts(&mut app).contains(&"A bill that came very late".to_owned()));

    save_and_reload(&mut app, library.path(), &retitled[..retitled.len() / 2]);
    step_until(&mut app, "the broken save reaches the card", |w| {
        w.resource::<Catalog>().cards[0].entry.is_broken()
    });
    let card = the_card(&app);
    assert!(card.is_stale(), "the last good version stays playable");
    assert_eq!(card.title(), "A bill that came very late");
    app.update();
    let on_screen = texts(&mut app).join("\n");
    assert!(
        on_screen.contains("The last save has errors — playing the last good version"),
        "{on_screen}"
    );
    let error = card.diagnostics()[0].one_line();
    assert!(on_screen.contains(&error), "{error} not in\n{on_screen}");

    press(&mut app, KeyCode::Enter);
    step_until_on(&mut app, "the last good version plays", Screen::Call);
    let session = call_session(&app);
    assert_eq!(
        session.prepared().scenario().title,
        "A bill that came very late"
    );
}

/// Only with the file watcher: `cargo test --features dev`.
#[cfg(feature = "dev")]
#[test]
fn with_the_dev_build_saving_a_scenario_updates_its_card_by_itself() {
    let library = example_library();
    let mut app = app_on(library.path(), 1);
    step_until(&mut app, "the library loads", library_loaded);
    let original = std::fs::read_to_string(project("docs/example.ron")).expect("reads");
    // The watcher must be running before the save it is to see.
    std::thread::sleep(std::time::Duration::from_millis(500));
    std::fs::write(
        library.path().join("example.ron"),
        original.replacen("A bill that came late", "Saved in an editor", 1),
    )
    .expect("the example is saved");
    step_until(&mut app, "the watcher reloads the card", |w| {
        w.resource::<Catalog>().cards[0].title() == "Saved in an editor"
    });
}

#[test]
fn the_trainee_types_a_name_with_accents_on_the_library() {
    let library = example_library();
    let mut app = app_on(library.path(), 1);
    press(&mut app, KeyCode::KeyN);
    for c in ["N", "i", "c", "c", "o", "l", "ò"] {
        key(&mut app, KeyCode::KeyA, Key::Character(c.into()));
    }
    press(&mut app, KeyCode::Enter);
    let trainee = app.world().resource::<frontline::app::Trainee>();
    assert_eq!(trainee.name, "Niccolò");
    assert!(!trainee.editing);
}

#[test]
fn the_library_card_shows_the_best_and_last_score_of_the_trainee_named() {
    let library = example_library();
    let mut app = app_on(library.path(), 7);
    type_name(&mut app, "Ana");
    play_in(&mut app, Session::expert_answer, drop);
    escape_to(&mut app, Screen::Library);
    let line = |app: &mut App| {
        texts(app)
            .into_iter()
            .find(|t| t.starts_with("Best ") || t == "Not played yet")
            .expect("the card shows the trainee's scores")
    };
    assert_eq!(line(&mut app), "Best 100% (passed) · last 100% (passed)");
    let standing = app.world().resource::<Standings>().0["example-late-bill"].clone();
    let best = standing.best.expect("a best call");
    assert_eq!(best.call.scores.overall, 100.0);

    let worst = play_in(&mut app, Session::worst_answer, drop);
    escape_to(&mut app, Screen::Library);
    let last = worst.result().expect("the call ended").scores.overall;
    assert_eq!(
        line(&mut app),
        format!(
            "Best 100% (passed) · last {} (not passed)",
            ENGLISH.score(last)
        )
    );

    type_name(&mut app, "Bo");
    assert_eq!(line(&mut app), "Not played yet", "Bo has not played it");
    assert!(app.world().resource::<Standings>().0.is_empty());
    type_name(&mut app, "Ana");
    assert_eq!(
        line(&mut app),
        format!(
            "Best 100% (passed) · last {} (not passed)",
            ENGLISH.score(last)
        )
    );
}
