//! The harness every app test shares: the headless app on a library of its own, keys pressed,
//! updates stepped until something holds, and what is on screen and in the records read back.

use std::path::{Path, PathBuf};

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use frontline::app::{
    Catalog, CurrentCall, Look, Notice, Options, Screen, headless, recorded_name,
};
use frontline::engine::{Answer, Decision, Mode, Phase, Session, Stage};
use frontline::records::{self, Filter, Record, ScenarioRef, Store};

use crate::support::project;

/// Most updates a test waits for something to happen.
pub const CAP: usize = 2_000;

/// A library folder holding a copy of one scenario file of the project.
pub fn library_of(file: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let name = Path::new(file).file_name().expect("a file name");
    std::fs::copy(project(file), dir.path().join(name)).expect("the scenario copies");
    dir
}

/// A library folder holding a copy of the documented example.
pub fn example_library() -> tempfile::TempDir {
    library_of("docs/example.ron")
}

/// Every text on screen, in spawn order.
pub fn texts(app: &mut App) -> Vec<String> {
    let world = app.world_mut();
    world
        .query::<&Text>()
        .iter(world)
        .map(|t| t.0.clone())
        .collect()
}

/// A temporary folder kept as long as the app that uses it.
#[derive(Resource)]
pub struct Scratch {
    _folder: tempfile::TempDir,
}

/// The app on a library, recording in a folder of its own.
pub fn app_on(library: &Path, seed: u64) -> App {
    let records = tempfile::tempdir().expect("a temporary folder");
    let mut app = app_recording_in(library, records.path(), seed);
    app.insert_resource(Scratch { _folder: records });
    app
}

/// The app on a library, recording in `records`.
pub fn app_recording_in(library: &Path, records: &Path, seed: u64) -> App {
    let mut app = headless(Options {
        libraries: vec![library.to_path_buf()],
        assets: Some(project("assets")),
        seed: Some(seed),
        data_dir: Some(records.to_path_buf()),
    });
    // English until the settings say otherwise, whatever the language of the machine running
    // the tests (the interface's default is the system's).
    app.world_mut().resource_mut::<Look>().words = &frontline::words::ENGLISH;
    app.update();
    app
}

/// Steps the app until it shows `screen`, at most [`CAP`] updates.
pub fn step_until_on(app: &mut App, what: &str, screen: Screen) {
    step_until(app, what, |w| {
        *w.resource::<State<Screen>>().get() == screen
    });
}

/// Steps the app until `done` holds, at most [`CAP`] updates.
pub fn step_until(app: &mut App, what: &str, done: impl Fn(&World) -> bool) {
    for _ in 0..CAP {
        if done(app.world()) {
            return;
        }
        app.update();
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    panic!("after {CAP} updates: {what}");
}

pub fn key(app: &mut App, code: KeyCode, logical: Key) {
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

pub fn press(app: &mut App, code: KeyCode) {
    let logical = match code {
        KeyCode::Enter => Key::Enter,
        KeyCode::Escape => Key::Escape,
        KeyCode::Space => Key::Space,
        _ => Key::Unidentified(bevy::input::keyboard::NativeKey::Unidentified),
    };
    key(app, code, logical);
}

pub fn digit(n: usize) -> KeyCode {
    [
        KeyCode::Digit1,
        KeyCode::Digit2,
        KeyCode::Digit3,
        KeyCode::Digit4,
        KeyCode::Digit5,
    ][n - 1]
}

/// Lets the customer finish speaking at once (Space), if they are still speaking: once every
/// line is said by itself, Space would mean something else.
pub fn skip_speech(app: &mut App) {
    if stage(app) == Stage::Speaking {
        press(app, KeyCode::Space);
    }
}

/// The decisions of a call played in the app, each checked to be timed, without their times:
/// the rest is what the core records for the same answers.
pub fn untimed(decisions: &[Decision]) -> Vec<Decision> {
    decisions
        .iter()
        .cloned()
        .map(|mut d| {
            assert!(d.elapsed_ms.is_some(), "the app times every decision");
            d.elapsed_ms = None;
            d
        })
        .collect()
}

pub fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

pub fn stage(app: &App) -> Stage {
    app.world().resource::<CurrentCall>().flow().stage()
}

pub fn call_session(app: &App) -> Session {
    app.world().resource::<CurrentCall>().session().clone()
}

pub fn library_loaded(world: &World) -> bool {
    world
        .get_resource::<Catalog>()
        .is_some_and(|c| c.cards.iter().any(|card| card.playable.is_some()))
}

/// Starts a call on the card under the library's cursor, once the library has loaded, and
/// answers the phone.
pub fn answer_the_first_call(app: &mut App) {
    step_until(app, "the library loads", library_loaded);
    press(app, KeyCode::Enter);
    step_until_on(app, "the call opens", Screen::Call);
    press(app, KeyCode::Enter);
}

/// Plays the only scenario of a library by keys alone, choosing what `choose` says at
/// each decision, and checks it against a core session fed the same answers. `seen`
/// gets every text on screen at each step, from the ringing phone to the debrief.
pub fn play_by_keys(
    library: tempfile::TempDir,
    seed: u64,
    choose: impl Fn(&Session) -> Option<Answer>,
    seen: impl FnMut(Vec<String>),
) -> (App, Session) {
    let mut app = app_on(library.path(), seed);
    let core = play_in(&mut app, choose, seen);
    assert_eq!(
        core.seed(),
        seed,
        "the first call has the seed of the options"
    );
    drop(library);
    (app, core)
}

/// Plays the scenario under the library's cursor in a running app, as [`play_by_keys`]
/// does, and gives the core session it was checked against.
pub fn play_in(
    app: &mut App,
    choose: impl Fn(&Session) -> Option<Answer>,
    mut seen: impl FnMut(Vec<String>),
) -> Session {
    step_until(app, "the library loads the scenario", library_loaded);
    assert_eq!(screen(app), Screen::Library);

    press(app, KeyCode::Enter);
    step_until_on(app, "Enter on the card opens the call", Screen::Call);
    assert_eq!(stage(app), Stage::Ringing);
    seen(texts(app));
    press(app, KeyCode::Enter);
    assert_eq!(
        stage(app),
        Stage::Choosing,
        "Enter answers: the customer's first line is said at once"
    );

    let played = call_session(app);
    let mut core = Session::new(played.prepared().clone(), played.seed(), Mode::Coach);
    for _ in 0..50 {
        skip_speech(app);
        seen(texts(app));
        let call = app.world().resource::<CurrentCall>();
        assert_eq!(
            call.flow().shown(),
            call.session().transcript().len(),
            "Space reveals the whole transcript"
        );
        assert_eq!(call.session().transcript(), core.transcript());
        if core.phase() == Phase::Ended {
            break;
        }
        let Some(Answer::Pick(n)) = choose(&core) else {
            panic!("the scripted answers are picks");
        };
        core.answer(Answer::Pick(n))
            .expect("the core takes the answer");
        press(app, digit(n));
    }
    assert_eq!(core.phase(), Phase::Ended, "the call reaches its end");
    assert_eq!(
        screen(app),
        Screen::Call,
        "the call waits on its last screen"
    );
    press(app, KeyCode::Enter);
    step_until_on(app, "Enter opens the debrief", Screen::Debrief);
    app.update();
    seen(texts(app));
    core
}

/// Writes the library's example anew and has the asset server reload it, as the
/// file watcher of the `dev` build does on every save.
pub fn save_and_reload(app: &mut App, library: &Path, text: &str) {
    std::fs::write(library.join("example.ron"), text).expect("the example is saved");
    app.world()
        .resource::<AssetServer>()
        .reload("library0://example.ron");
}

pub fn the_card(app: &App) -> frontline::app::Card {
    app.world().resource::<Catalog>().cards[0].clone()
}

/// The records folder the app writes to.
pub fn records_folder(app: &App) -> PathBuf {
    app.world()
        .resource::<Options>()
        .data_dir
        .clone()
        .expect("the tests give a records folder")
}

/// Every call in the app's records folder, newest first, read with the core's store.
pub fn stored(app: &App) -> Vec<Record> {
    Store::open(&records_folder(app))
        .expect("the records open")
        .history(&Filter::default())
        .expect("the records list")
}

pub fn notice(app: &App) -> String {
    app.world().resource::<Notice>().0.clone()
}

/// Leaves the debrief or the progress screen with Esc, for the screen it goes back to.
pub fn escape_to(app: &mut App, to: Screen) {
    press(app, KeyCode::Escape);
    step_until_on(app, "Esc goes back", to);
    app.update();
}

/// Types a name on the library (N, the letters, Enter).
pub fn type_name(app: &mut App, name: &str) {
    press(app, KeyCode::KeyN);
    for _ in 0..40 {
        key(app, KeyCode::Backspace, Key::Backspace);
    }
    for c in name.chars() {
        key(
            app,
            KeyCode::KeyA,
            Key::Character(c.to_string().as_str().into()),
        );
    }
    press(app, KeyCode::Enter);
    app.update();
}

/// A call of the example as the app would record it, with the scenario file said to be
/// `path` with `hash`, ended at `ended` seconds.
pub fn recorded_call(path: &Path, id: &str, hash: &str, ended: u64) -> records::CallRecord {
    let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(ended);
    let mut call = example_call(&recorded_name(""), true, at);
    let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
    call.scenario.path = path.to_string_lossy().into_owned();
    call.scenario.hash = hash.to_owned();
    call.scenario.id = id.to_owned();
    call
}

/// An exam call of the example (seed 7) by `trainee`, answered by the expert or with the
/// worst answers, ended `at`.
pub fn example_call(trainee: &str, expert: bool, at: std::time::SystemTime) -> records::CallRecord {
    let library = frontline::library::Library::load(&[project("docs/example.ron")], None)
        .expect("the example loads");
    let entry = &library.entries[0];
    let prepared = entry.prepared.clone().expect("the example plays");
    let mut session = Session::new(prepared, 7, Mode::Exam);
    loop {
        let answer = if expert {
            session.expert_answer()
        } else {
            session.worst_answer()
        };
        let Some(answer) = answer else { break };
        session.answer(answer).expect("the answer fits");
    }
    let scenario = ScenarioRef::new(session.prepared().scenario(), &entry.path, &entry.hash);
    records::CallRecord::of(&session, trainee, scenario, at, at)
}
