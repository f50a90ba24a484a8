//! The app driven headlessly: real plugins, no window, no GPU, no sound; keys in, screens and scores out.

use std::path::{Path, PathBuf};

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use frontline::app::{
    Call, Catalog, Debrief, Notice, Options, Pace, Progress, Records, Screen, Stage, Standings,
    Volumes, headless, recorded_name,
};
use frontline::engine::{Answer, Mode, Phase, Session};
use frontline::library::content_hash;
use frontline::records::{self, Filter, Record, ScenarioRef, Store};
use frontline::words::ENGLISH;

use super::support::project;

/// Most updates a test waits for something to happen.
const CAP: usize = 2_000;

/// A library folder holding a copy of one scenario file of the project.
fn library_of(file: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let name = Path::new(file).file_name().expect("a file name");
    std::fs::copy(project(file), dir.path().join(name)).expect("the scenario copies");
    dir
}

/// A library folder holding a copy of the documented example.
fn example_library() -> tempfile::TempDir {
    library_of("docs/example.ron")
}

/// Every text on screen, in spawn order.
fn texts(app: &mut App) -> Vec<String> {
    let world = app.world_mut();
    world
        .query::<&Text>()
        .iter(world)
        .map(|t| t.0.clone())
        .collect()
}

/// A temporary folder kept as long as the app that uses it.
#[derive(Resource)]
struct Scratch {
    _folder: tempfile::TempDir,
}

/// The app on a library, recording in a folder of its own.
fn app_on(library: &Path, seed: u64) -> App {
    let records = tempfile::tempdir().expect("a temporary folder");
    let mut app = app_recording_in(library, records.path(), seed);
    app.insert_resource(Scratch { _folder: records });
    app
}

/// The app on a library, recording in `records`.
fn app_recording_in(library: &Path, records: &Path, seed: u64) -> App {
    let mut app = headless(Options {
        libraries: vec![library.to_path_buf()],
        assets: Some(project("assets")),
        seed: Some(seed),
        data_dir: Some(records.to_path_buf()),
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

/// Plays the only scenario of a library by keys alone, choosing what `choose` says at
/// each decision, and checks it against a core session fed the same answers. `seen`
/// gets every text on screen at each step, from the ringing phone to the debrief.
fn play_by_keys(
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
fn play_in(
    app: &mut App,
    choose: impl Fn(&Session) -> Option<Answer>,
    mut seen: impl FnMut(Vec<String>),
) -> Session {
    step_until(app, "the library loads the scenario", library_loaded);
    assert_eq!(screen(app), Screen::Library);

    press(app, KeyCode::Enter);
    step_until(app, "Enter on the card opens the call", |w| {
        *w.resource::<State<Screen>>().get() == Screen::Call
    });
    assert_eq!(app.world().resource::<Call>().stage(), Stage::Ringing);
    seen(texts(app));
    press(app, KeyCode::Enter);
    assert_eq!(app.world().resource::<Call>().stage(), Stage::Talking);

    let played = call_session(app);
    let mut core = Session::new(played.prepared().clone(), played.seed(), Mode::Coach);
    for _ in 0..50 {
        // Space lets the customer finish speaking at once.
        press(app, KeyCode::Space);
        seen(texts(app));
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
        press(app, digit(n));
    }
    assert_eq!(core.phase(), Phase::Ended, "the call reaches its end");
    assert_eq!(
        screen(app),
        Screen::Call,
        "the call waits on its last screen"
    );
    press(app, KeyCode::Enter);
    step_until(app, "Enter opens the debrief", |w| {
        *w.resource::<State<Screen>>().get() == Screen::Debrief
    });
    app.update();
    seen(texts(app));
    core
}

#[test]
fn a_call_played_by_keys_matches_the_core_transcript_and_scores() {
    let (app, core) = play_by_keys(example_library(), 7, Session::expert_answer, drop);
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
    let (mut app, core) = play_by_keys(example_library(), 3, Session::expert_answer, drop);
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
fn keys_one_to_three_on_the_library_turn_the_voice_effects_and_room_down_a_step_then_back_to_full()
{
    let library = example_library();
    let mut app = app_on(library.path(), 1);
    step_until(&mut app, "the library loads", library_loaded);
    let shown = |app: &mut App| -> Vec<String> {
        texts(app)
            .into_iter()
            .filter(|t| t.ends_with("% (1)") || t.ends_with("% (2)") || t.ends_with("% (3)"))
            .collect()
    };
    assert_eq!(
        shown(&mut app),
        ["Voice 100% (1)", "Effects 100% (2)", "Room 100% (3)"]
    );
    press(&mut app, KeyCode::Digit1);
    for _ in 0..2 {
        press(&mut app, KeyCode::Digit2);
    }
    for _ in 0..5 {
        press(&mut app, KeyCode::Digit3);
    }
    app.update();
    assert_eq!(app.world().resource::<Volumes>().0, [3, 2, 4]);
    assert_eq!(
        shown(&mut app),
        ["Voice 75% (1)", "Effects 50% (2)", "Room 100% (3)"],
        "a quarter down at a time; after off comes full again"
    );

    // The next start of the app, on the same records folder, keeps them.
    let mut again = app_recording_in(library.path(), &records_folder(&app), 1);
    step_until(&mut again, "the library loads", library_loaded);
    assert_eq!(again.world().resource::<Volumes>().0, [3, 2, 4]);
    assert_eq!(
        shown(&mut again),
        ["Voice 75% (1)", "Effects 50% (2)", "Room 100% (3)"]
    );
}

#[test]
fn a_broken_or_out_of_range_settings_file_gives_the_default_or_the_nearest_volumes() {
    let library = example_library();
    let records = tempfile::tempdir().expect("a temporary folder");
    let settings = records.path().join("settings.json");
    for (text, volumes) in [
        (r#"{"volumes": [9, 0, 2]}"#, [4, 0, 2]),
        (r#"{"volumes": [1, "loud"]}"#, [4, 4, 4]),
        ("not json at all", [4, 4, 4]),
        ("{}", [4, 4, 4]),
    ] {
        std::fs::write(&settings, text).expect("writes");
        let app = app_recording_in(library.path(), records.path(), 1);
        assert_eq!(app.world().resource::<Volumes>().0, volumes, "{text}");
    }
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
fn an_italian_call_reads_italian_from_the_ringing_phone_to_the_debrief() {
    let library = library_of("scenarios/it/bolletta-lacrime-it.ron");
    let mut screens = Vec::new();
    let (_app, _core) = play_by_keys(library, 5, Session::expert_answer, |texts| {
        screens.push(texts.join("\n"))
    });
    let all = screens.join("\n");
    for italian in [
        "Chiamata in arrivo",
        "CLIENTE",
        "SCHEDA CLIENTE",
        "Tu: ",
        "Tutor: ",
        "LA TUA RISPOSTA",
        "Debriefing — ",
        "Empatia",
        "Accuratezza",
        "Risoluzione",
        "Totale",
        "CRONOLOGIA",
        "Riprova, nuova variante (R)",
        "pazienza",
    ] {
        assert!(all.contains(italian), "no {italian:?} on screen:\n{all}");
    }
    for english in [
        "Incoming call",
        "CUSTOMER",
        "ACCOUNT",
        "You: ",
        "Coach: ",
        "YOUR ANSWER",
        "Debrief — ",
        "Empathy",
        "Accuracy",
        "Resolution",
        "Overall",
        "TIMELINE",
        "Feedback: ",
        "Expert: ",
        "Retry",
        "Hang up",
        "patience",
        "seed",
    ] {
        assert!(
            !all.contains(english),
            "English {english:?} on screen:\n{all}"
        );
    }
}

#[test]
fn a_timer_left_to_run_out_answers_silence_and_records_the_whole_limit() {
    let library = example_library();
    let mut app = app_on(library.path(), 9);
    step_until(&mut app, "the library loads", library_loaded);
    press(&mut app, KeyCode::Enter);
    step_until(&mut app, "the call opens", |w| {
        *w.resource::<State<Screen>>().get() == Screen::Call
    });
    press(&mut app, KeyCode::Enter);
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
        w.resource::<Call>().session().decisions().len() == 2
    });
    core.answer(Answer::Silence)
        .expect("the core takes the silence");
    let session = call_session(&app);
    assert_eq!(session.transcript(), core.transcript());
    assert_eq!(session.decisions()[1].elapsed_ms, Some(20_000));
}

/// Writes the library's example anew and has the asset server reload it, as the
/// file watcher of the `dev` build does on every save.
fn save_and_reload(app: &mut App, library: &Path, text: &str) {
    std::fs::write(library.join("example.ron"), text).expect("the example is saved");
    app.world()
        .resource::<AssetServer>()
        .reload("library0://example.ron");
}

fn the_card(app: &App) -> frontline::app::Card {
    app.world().resource::<Catalog>().cards[0].clone()
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
    step_until(&mut app, "the last good version plays", |w| {
        *w.resource::<State<Screen>>().get() == Screen::Call
    });
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

/// The records folder the app writes to.
fn records_folder(app: &App) -> PathBuf {
    app.world()
        .resource::<Options>()
        .data_dir
        .clone()
        .expect("the tests give a records folder")
}

/// Every call in the app's records folder, newest first, read with the core's store.
fn stored(app: &App) -> Vec<Record> {
    Store::open(&records_folder(app))
        .expect("the records open")
        .history(&Filter::default())
        .expect("the records list")
}

fn notice(app: &App) -> String {
    app.world().resource::<Notice>().0.clone()
}

/// Leaves the debrief or the progress screen with Esc, for the screen it goes back to.
fn escape_to(app: &mut App, to: Screen) {
    press(app, KeyCode::Escape);
    step_until(app, "Esc goes back", |w| {
        *w.resource::<State<Screen>>().get() == to
    });
    app.update();
}

/// Types a name on the library (N, the letters, Enter).
fn type_name(app: &mut App, name: &str) {
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
fn a_call_left_while_the_phone_rings_is_recorded_as_abandoned() {
    let library = example_library();
    let mut app = app_on(library.path(), 5);
    step_until(&mut app, "the library loads", library_loaded);
    press(&mut app, KeyCode::Enter);
    step_until(&mut app, "the call opens", |w| {
        *w.resource::<State<Screen>>().get() == Screen::Call
    });
    press(&mut app, KeyCode::Escape);
    step_until(&mut app, "leaving goes back to the library", |w| {
        *w.resource::<State<Screen>>().get() == Screen::Library
    });
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
    step_until(&mut app, "P opens the progress screen", |w| {
        *w.resource::<State<Screen>>().get() == Screen::Progress
    });
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
    step_until(&mut app, "Enter reopens the debrief", |w| {
        *w.resource::<State<Screen>>().get() == Screen::Debrief
    });
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
fn e_on_the_debrief_exports_its_call_as_csv_and_xapi_beside_the_records() {
    let (mut app, core) = play_by_keys(example_library(), 7, Session::expert_answer, drop);
    assert!(
        texts(&mut app).iter().any(|t| t == "Export (E)"),
        "the debrief offers it"
    );
    press(&mut app, KeyCode::KeyE);
    app.update();
    let record = stored(&app).remove(0);
    let folder = records_folder(&app)
        .join("exports")
        .join(format!("call-{}-example-late-bill", record.id));
    assert_eq!(
        notice(&app),
        format!(
            "Exported to {}: calls.csv and decisions.csv (open them in a spreadsheet) and xapi.json (for a learning record store).",
            folder.display()
        )
    );
    let read = |file: &str| std::fs::read_to_string(folder.join(file)).expect("exported");
    let calls = read("calls.csv");
    assert_eq!(calls.lines().count(), 2, "a header and the call: {calls}");
    assert!(calls.contains(&record.call.uid));
    let decisions = read("decisions.csv");
    assert_eq!(decisions.lines().count(), 1 + core.decisions().len());
    let statements: serde_json::Value = serde_json::from_str(&read("xapi.json")).expect("JSON");
    assert_eq!(
        statements.as_array().map(Vec::len),
        Some(core.decisions().len() + 1),
        "one statement per decision and one for the call"
    );
    escape_to(&mut app, Screen::Library);
    assert_eq!(notice(&app), "", "the note was the debrief's");
}

/// A call of the example as the app would record it, with the scenario file said to be
/// `path` with `hash`, ended at `ended` seconds.
fn recorded_call(path: &Path, id: &str, hash: &str, ended: u64) -> records::CallRecord {
    let library = frontline::library::Library::load(&[project("docs/example.ron")], None)
        .expect("the example loads");
    let entry = &library.entries[0];
    let prepared = entry.prepared.clone().expect("the example plays");
    let mut session = Session::new(prepared, 7, Mode::Exam);
    while let Some(answer) = session.expert_answer() {
        session.answer(answer).expect("the expert's answer fits");
    }
    let mut scenario = ScenarioRef::new(session.prepared().scenario(), path, hash);
    scenario.id = id.to_owned();
    let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(ended);
    records::CallRecord::of(&session, &recorded_name(""), scenario, at, at)
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
    step_until(&mut app, "P opens the progress screen", |w| {
        *w.resource::<State<Screen>>().get() == Screen::Progress
    });
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
    step_until(&mut app, "Enter reopens the debrief", |w| {
        *w.resource::<State<Screen>>().get() == Screen::Debrief
    });
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
        step_until(&mut app, "P opens the progress screen", |w| {
            *w.resource::<State<Screen>>().get() == Screen::Progress
        });
        // The recorded call is the oldest.
        for _ in 1..calls {
            press(&mut app, KeyCode::ArrowDown);
        }
        press(&mut app, KeyCode::Enter);
        step_until(&mut app, "Enter reopens the debrief", |w| {
            *w.resource::<State<Screen>>().get() == Screen::Debrief
        });
        assert_eq!(app.world().resource::<Debrief>().path, file);
        press(&mut app, key);
        step_until(&mut app, "the key starts the call again", |w| {
            *w.resource::<State<Screen>>().get() == Screen::Call
        });
        let call = app.world().resource::<Call>();
        assert_eq!(call.path(), file, "{key:?}");
        assert_eq!(call.session().prepared().scenario().id, "example-late-bill");
        if key == KeyCode::KeyV {
            assert_eq!(call.session().seed(), recorded.seed);
        }
        press(&mut app, KeyCode::Escape);
        step_until(&mut app, "Esc while ringing leaves", |w| {
            *w.resource::<State<Screen>>().get() == Screen::Library
        });
        app.update();
        let saved = stored(&app);
        assert_eq!(saved.len(), calls, "{key:?}");
        assert_eq!(saved[0].call.scenario.file(), file);
        assert_eq!(saved[0].call.scenario.hash, hash);
    }
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
    step_until(&mut app, "the call opens", |w| {
        *w.resource::<State<Screen>>().get() == Screen::Call
    });
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

#[test]
fn closing_the_app_in_the_middle_of_a_call_records_it_as_abandoned_once() {
    let library = example_library();
    let mut app = app_on(library.path(), 7);
    step_until(&mut app, "the library loads", library_loaded);
    press(&mut app, KeyCode::Enter);
    step_until(&mut app, "the call opens", |w| {
        *w.resource::<State<Screen>>().get() == Screen::Call
    });
    press(&mut app, KeyCode::Enter);
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
