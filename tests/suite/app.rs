//! The app driven headlessly: real plugins, no window, no GPU, no sound; keys in, screens and scores out.

use std::path::{Path, PathBuf};

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use frontline::app::{Call, Catalog, Debrief, Options, Screen, Stage, headless};
use frontline::engine::{Answer, Mode, Phase, Session};

use super::support::project;

/// Most updates a test waits for something to happen.
const CAP: usize = 2_000;

/// A library folder holding a copy of the documented example.
fn example_library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::copy(project("docs/example.ron"), dir.path().join("example.ron"))
        .expect("the example copies");
    dir
}

fn app_on(library: &Path, seed: u64) -> App {
    let mut app = headless(Options {
        libraries: vec![library.to_path_buf()],
        assets: Some(project("assets")),
        seed: Some(seed),
    });
    app.update();
    app
}

/// Steps the app until `done` holds, at most [`CAP`] updates.
fn step_until(app: &mut App, what: &str, done: impl Fn(&World) -> bool) {
    for _ in 0..CAP {
        if done(app.world()) {
            return;
        }
        app.update();
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    panic!("after {CAP} updates: {what}");
}

fn key(app: &mut App, code: KeyCode, logical: Key) {
    for state in [ButtonState::Pressed, ButtonState::Released] {
        app.world_mut().write_message(KeyboardInput {
            key_code: code,
            logical_key: logical.clone(),
            state,
            text: None,
            repeat: false,
            window: Entity::PLACEHOLDER,
        });
        app.update();
    }
}

fn press(app: &mut App, code: KeyCode) {
    let logical = match code {
        KeyCode::Enter => Key::Enter,
        KeyCode::Escape => Key::Escape,
        KeyCode::Space => Key::Space,
        _ => Key::Unidentified(bevy::input::keyboard::NativeKey::Unidentified),
    };
    key(app, code, logical);
}

fn digit(n: usize) -> KeyCode {
    [
        KeyCode::Digit1,
        KeyCode::Digit2,
        KeyCode::Digit3,
        KeyCode::Digit4,
        KeyCode::Digit5,
    ][n - 1]
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn call_session(app: &App) -> Session {
    app.world().resource::<Call>().session().clone()
}

fn library_loaded(world: &World) -> bool {
    world
        .get_resource::<Catalog>()
        .is_some_and(|c| c.cards.iter().any(|card| card.playable.is_some()))
}

/// Plays the example by keys alone, choosing what `choose` says at each decision,
/// and checks it against a core session fed the same answers.
fn play_by_keys(seed: u64, choose: impl Fn(&Session) -> Option<Answer>) -> (App, Session) {
    let library = example_library();
    let mut app = app_on(library.path(), seed);
    step_until(&mut app, "the library loads the example", library_loaded);
    assert_eq!(screen(&app), Screen::Library);

    press(&mut app, KeyCode::Enter);
    step_until(&mut app, "Enter on the card opens the call", |w| {
        *w.resource::<State<Screen>>().get() == Screen::Call
    });
    assert_eq!(app.world().resource::<Call>().stage(), Stage::Ringing);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.world().resource::<Call>().stage(), Stage::Talking);

    let prepared = call_session(&app).prepared().clone();
    let mut core = Session::new(prepared, seed, Mode::Coach);
    for _ in 0..50 {
        // Space lets the customer finish speaking at once.
        press(&mut app, KeyCode::Space);
        let call = app.world().resource::<Call>();
        assert!(call.is_ready(), "Space reveals the whole transcript");
        assert_eq!(call.session().transcript(), core.transcript());
        if core.phase() == Phase::Ended {
            break;
        }
        let Some(Answer::Pick(n)) = choose(&core) else {
            panic!("the scripted answers are picks");
        };
        core.answer(Answer::Pick(n))
            .expect("the core takes the answer");
        press(&mut app, digit(n));
    }
    assert_eq!(core.phase(), Phase::Ended, "the call reaches its end");
    assert_eq!(
        screen(&app),
        Screen::Call,
        "the call waits on its last screen"
    );
    press(&mut app, KeyCode::Enter);
    step_until(&mut app, "Enter opens the debrief", |w| {
        *w.resource::<State<Screen>>().get() == Screen::Debrief
    });
    drop(library);
    (app, core)
}

#[test]
fn a_call_played_by_keys_matches_the_core_transcript_and_scores() {
    let (app, core) = play_by_keys(7, Session::expert_answer);
    let debrief = app.world().resource::<Debrief>();
    assert_eq!(debrief.session.transcript(), core.transcript());
    // The app also records how long each decision took; the rest is the core's.
    let untimed: Vec<_> = debrief
        .session
        .decisions()
        .iter()
        .cloned()
        .map(|mut d| {
            assert!(d.elapsed_ms.is_some(), "the app times every decision");
            d.elapsed_ms = None;
            d
        })
        .collect();
    assert_eq!(untimed, core.decisions());
    assert_eq!(
        debrief.result(),
        core.result().expect("the core call ended")
    );
    assert!(debrief.result().passed, "the expert path passes");
}

#[test]
fn the_worst_answers_by_keys_score_like_the_core() {
    let (app, core) = play_by_keys(11, Session::worst_answer);
    let debrief = app.world().resource::<Debrief>();
    assert_eq!(debrief.session.transcript(), core.transcript());
    assert_eq!(
        debrief.result(),
        core.result().expect("the core call ended")
    );
    assert!(!debrief.result().passed, "the worst path fails");
}

#[test]
fn the_transcript_on_screen_shows_every_line_of_the_session() {
    let (mut app, core) = play_by_keys(3, Session::expert_answer);
    // The call screen is gone; replay the same variant and read its lines.
    press(&mut app, KeyCode::KeyV);
    step_until(&mut app, "V replays the same variant", |w| {
        *w.resource::<State<Screen>>().get() == Screen::Call
    });
    assert_eq!(call_session(&app).seed(), core.seed());
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Space);
    let mut lines: Vec<(usize, String)> = app
        .world_mut()
        .query::<(&frontline::app::Line, &Text)>()
        .iter(app.world())
        .map(|(line, text)| (line.0, text.0.clone()))
        .collect();
    lines.sort();
    assert_eq!(lines.len(), 1, "the customer's first line is on screen");
    let first = match &core.transcript()[0] {
        frontline::engine::Entry::Customer { text, .. } => text.clone(),
        other => panic!("the call opens with the customer, not {other:?}"),
    };
    assert!(
        lines[0].1.contains(&first),
        "{:?} shows {first:?}",
        lines[0].1
    );
}

#[test]
fn escape_asks_before_abandoning_a_call_and_goes_back_to_the_library() {
    let library = example_library();
    let mut app = app_on(library.path(), 5);
    step_until(&mut app, "the library loads", library_loaded);
    press(&mut app, KeyCode::Enter);
    step_until(&mut app, "the call opens", |w| {
        *w.resource::<State<Screen>>().get() == Screen::Call
    });
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Escape);
    assert_eq!(app.world().resource::<Call>().stage(), Stage::Confirming);
    press(&mut app, KeyCode::KeyN);
    assert_eq!(app.world().resource::<Call>().stage(), Stage::Talking);
    press(&mut app, KeyCode::Escape);
    press(&mut app, KeyCode::KeyY);
    step_until(&mut app, "leaving goes back to the library", |w| {
        *w.resource::<State<Screen>>().get() == Screen::Library
    });
    assert!(app.world().resource::<Call>().session().is_abandoned());
}

#[test]
fn a_broken_file_is_a_card_with_its_diagnostics_not_hidden() {
    let library = example_library();
    std::fs::write(library.path().join("broken.ron"), "Scenario(id: \"x\",").expect("writes");
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
    assert!(!broken[0].diagnostics().is_empty());
    let path: PathBuf = broken[0].entry.path.clone();
    assert!(path.ends_with("broken.ron"), "{}", path.display());
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
