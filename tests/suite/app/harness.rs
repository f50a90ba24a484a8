//! The harness every app test shares: the headless app on a library of its own, keys pressed,
//! updates stepped until something holds, and what is on screen and in the records read back.

use std::path::{Path, PathBuf};

use accesskit::{Live, Role};
use bevy::a11y::AccessibilityNode;
use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use frontline::app::{
    Action, Catalog, CurrentCall, Look, Notice, Options, Replying, Request, Screen, Trainee,
    Understanding, headless, recorded_name,
};
use frontline::engine::{Answer, Decision, Mode, Phase, Session, Stage};
use frontline::records::{self, Filter, Record, ScenarioRef, Store};

use crate::support::project;

/// Most updates a test waits for something to happen…
pub const CAP: usize = 2_000;

/// … and at least this long: loading a library runs on the asset threads, which a loaded
/// machine (the whole suite on two cores) can hold back for seconds.
const PATIENCE: std::time::Duration = std::time::Duration::from_secs(30);

/// A library folder holding a copy of one scenario file of the project.
pub fn library_of(file: &str) -> tempfile::TempDir {
    library_of_all(&[file])
}

/// A library folder holding a copy of each of these scenario files of the project.
pub fn library_of_all(files: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for file in files {
        let name = Path::new(file).file_name().expect("a file name");
        std::fs::copy(project(file), dir.path().join(name)).expect("the scenario copies");
    }
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

/// Steps the app until it shows `screen` (as [`step_until`] waits).
pub fn step_until_on(app: &mut App, what: &str, screen: Screen) {
    step_until(app, what, |w| {
        *w.resource::<State<Screen>>().get() == screen
    });
}

/// Opens the trainer's screen with G and waits until the team's calls are read and drawn.
pub fn open_team(app: &mut App) {
    press(app, KeyCode::KeyG);
    step_until_on(app, "G opens the trainer's screen", Screen::Trainer);
    step_until(app, "the team's calls are read", |w| {
        w.resource::<frontline::app::TeamView>().shown.is_some()
    });
    app.update();
}

/// Steps the app until `done` holds, at most [`CAP`] updates or [`PATIENCE`], whichever is
/// longer.
pub fn step_until(app: &mut App, what: &str, done: impl Fn(&World) -> bool) {
    let start = std::time::Instant::now();
    let mut updates = 0;
    while !done(app.world()) {
        if updates >= CAP && start.elapsed() >= PATIENCE {
            panic!("after {updates} updates in {:?}: {what}", start.elapsed());
        }
        app.update();
        updates += 1;
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
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

/// One node of the accessibility tree, as a screen reader meets it.
#[derive(Debug, Clone, PartialEq)]
pub struct Spoken {
    /// The entity it stands for.
    pub entity: Entity,
    pub role: Role,
    /// What it is called: its label, else the texts that label it, else a label's words.
    pub name: String,
    /// What it holds (a label's words, a field's text).
    pub value: Option<String>,
    /// `Some` on an option of a list: whether it is under the cursor.
    pub selected: Option<bool>,
    /// Whether it is read out as it appears or changes: its own setting, else its container's.
    pub live: Live,
    /// Its language, where it is not the interface's.
    pub language: Option<String>,
    /// How far a scrolling list is scrolled, and how far it scrolls.
    pub scroll: Option<(f64, f64)>,
}

/// The screen's accessibility tree in reading order: each top node and then what it holds,
/// depth first, without the plain containers that screen readers leave out, nor what is
/// hidden.
pub fn spoken(app: &mut App) -> Vec<Spoken> {
    let world = app.world_mut();
    let mut described = world.query::<(Entity, &AccessibilityNode)>();
    let nodes: std::collections::HashMap<Entity, accesskit::Node> = described
        .iter(world)
        .map(|(entity, node)| (entity, node.0.clone()))
        .collect();
    let mut roots: Vec<Entity> = nodes
        .keys()
        .copied()
        .filter(|e| {
            world
                .get::<ChildOf>(*e)
                .is_none_or(|parent| !nodes.contains_key(&parent.parent()))
        })
        .collect();
    roots.sort();
    let by_id = |id: &accesskit::NodeId| Entity::try_from_bits(id.0).and_then(|e| nodes.get(&e));
    let mut walked = Vec::new();
    let mut stack: Vec<(Entity, Live)> = roots.into_iter().rev().map(|e| (e, Live::Off)).collect();
    while let Some((entity, around)) = stack.pop() {
        let node = &nodes[&entity];
        // What is not on screen is not read, nor anything in it.
        if node.is_hidden() {
            continue;
        }
        let live = node.live().unwrap_or(around);
        if node.role() != Role::GenericContainer {
            let labelled: Vec<&str> = node
                .labelled_by()
                .iter()
                .filter_map(by_id)
                .filter_map(|n| n.label().or(n.value()))
                .collect();
            let name = node
                .label()
                .map(str::to_owned)
                .or_else(|| (!labelled.is_empty()).then(|| labelled.join(" ")))
                .or_else(|| {
                    (node.role() == Role::Label)
                        .then(|| node.value().map(str::to_owned))
                        .flatten()
                })
                .unwrap_or_default();
            walked.push(Spoken {
                entity,
                role: node.role(),
                name,
                value: node.value().map(str::to_owned),
                selected: node.is_selected(),
                live,
                language: node.language().map(str::to_owned),
                scroll: node.scroll_y().zip(node.scroll_y_max()),
            });
        }
        if let Some(children) = world.get::<Children>(entity) {
            for child in children.iter().rev() {
                if nodes.contains_key(&child) {
                    stack.push((child, live));
                }
            }
        }
    }
    walked
}

/// The nodes of the tree with this role, in reading order.
pub fn with_role(tree: &[Spoken], role: Role) -> Vec<Spoken> {
    tree.iter().filter(|n| n.role == role).cloned().collect()
}

/// The entity the screen reader's focus is on, if any.
pub fn focused(app: &App) -> Option<Entity> {
    app.world()
        .resource::<bevy::input_focus::InputFocus>()
        .get()
}

/// Every clickable widget on screen and the request it sends, in spawn order.
pub fn widgets(app: &mut App) -> Vec<(Entity, Request)> {
    let world = app.world_mut();
    world
        .query::<(Entity, &Action)>()
        .iter(world)
        .map(|(entity, action)| (entity, action.0.clone()))
        .collect()
}

/// The clickable widget that sends `request`.
pub fn widget_sending(app: &mut App, request: &Request) -> Entity {
    widgets(app)
        .into_iter()
        .find(|(_, sent)| sent == request)
        .map(|(entity, _)| entity)
        .unwrap_or_else(|| panic!("no widget sends {request:?}"))
}

/// The words an entity shows: its texts and those under it, in reading order.
pub fn words_shown(app: &mut App, entity: Entity) -> Vec<String> {
    let world = app.world_mut();
    let mut shown = Vec::new();
    let mut stack = vec![entity];
    while let Some(e) = stack.pop() {
        if let Some(text) = world.get::<Text>(e) {
            shown.push(text.0.trim().to_owned());
        }
        if let Some(children) = world.get::<Children>(e) {
            stack.extend(children.iter().rev());
        }
    }
    shown
}

/// A screen reader's click on an entity, as AccessKit sends it.
pub fn click_for_screen_reader(app: &mut App, entity: Entity) {
    app.world_mut()
        .write_message(bevy::a11y::ActionRequest(accesskit::ActionRequest {
            action: accesskit::Action::Click,
            target_tree: accesskit::TreeId::ROOT,
            target_node: accesskit::NodeId(entity.to_bits()),
            data: None,
        }));
    app.update();
}

/// Types `text` into the app, key by key.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let (code, logical) = match c {
            ' ' => (KeyCode::Space, Key::Space),
            c => (KeyCode::KeyA, Key::Character(c.to_string().as_str().into())),
        };
        key(app, code, logical);
    }
}

/// The app on the example with own words chosen on the library, the matcher loaded, and the
/// first call answered (its library folder goes with it).
pub fn own_words_call(seed: u64) -> (App, tempfile::TempDir) {
    let library = example_library();
    let mut app = app_on(library.path(), seed);
    step_until(&mut app, "the library loads", library_loaded);
    press(&mut app, KeyCode::KeyO);
    // The matcher loads on a thread of its own: wait for it by the clock, not by updates.
    let started = std::time::Instant::now();
    while app.world().resource::<Understanding>().matcher().is_none() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(120),
            "choosing own words loads the matcher"
        );
        app.update();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(
        app.world().resource::<Trainee>().replying,
        Replying::OwnWords
    );
    press(&mut app, KeyCode::Enter);
    step_until_on(&mut app, "Enter on the card opens the call", Screen::Call);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        stage(&app),
        Stage::Choosing,
        "the first line is said at once"
    );
    (app, library)
}
