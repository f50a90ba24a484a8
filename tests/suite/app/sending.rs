//! The app sends each call to the learning record store configured beside the records, in
//! the background, and the progress screen says what is waiting.

use std::path::Path;
use std::time::Duration;

use bevy::prelude::*;
use frontline::app::{Screen, Sending};
use frontline::engine::Session;
use frontline::records::DEFAULT_BASE;

use super::harness::*;
use crate::centre::assert_holds;
use crate::centre::real_lrs::{AUTH, RealLrs, free_port};

/// Steps the app until its sending is done, waiting for the thread that sends.
fn until_sent(app: &mut App) -> Sending {
    for _ in 0..600 {
        app.update();
        let sending = app.world().resource::<Sending>().clone();
        if !sending.busy && app.world().resource::<State<Screen>>().get() != &Screen::Call {
            return sending;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the sending did not end");
}

/// Plays the example by the expert's answers in an app whose records name `url` as the
/// learning record store, and gives what the sending says after the call.
fn play_with_store(records: &Path, url: &str) -> (App, Sending) {
    let settings = serde_json::json!({ "url": url, "auth": AUTH });
    std::fs::write(records.join("lrs.json"), settings.to_string()).expect("writes");
    let library = example_library();
    let mut app = app_recording_in(library.path(), records, 7);
    let started = until_sent(&mut app);
    assert_eq!(
        (started.waiting, started.problem),
        (0, None),
        "nothing to send yet"
    );
    play_in(&mut app, Session::expert_answer, drop);
    let sending = until_sent(&mut app);
    drop(library);
    (app, sending)
}

/// The progress screen's text about the sending.
fn progress_line(app: &mut App) -> String {
    escape_to(app, Screen::Library);
    press(app, KeyCode::KeyP);
    step_until_on(app, "P opens the progress screen", Screen::Progress);
    app.update();
    texts(app)
        .into_iter()
        .find(|t| t.contains("learning record store"))
        .unwrap_or_default()
}

#[test]
fn each_call_goes_to_the_configured_store_in_the_background() {
    let Some(lrs) = RealLrs::start("app-sending") else {
        return;
    };
    let records = tempfile::tempdir().expect("a temporary folder");
    let (mut app, sending) = play_with_store(records.path(), &lrs.url);
    assert_eq!((sending.waiting, sending.problem.clone()), (0, None));
    let stored = stored(&app);
    let sent = frontline::records::statements_json(&stored, DEFAULT_BASE);
    assert_holds(lrs.statements(), sent.as_array().expect("an array").clone());
    assert_eq!(
        progress_line(&mut app),
        format!(
            "Every call is sent to the learning record store at {}statements.",
            lrs.url
        )
    );
}

#[test]
fn the_progress_screen_says_what_waits_for_a_store_that_is_down() {
    let records = tempfile::tempdir().expect("a temporary folder");
    let url = format!("http://127.0.0.1:{}/xAPI/", free_port());
    let (mut app, sending) = play_with_store(records.path(), &url);
    let statements = 1 + stored(&app)[0].call.decisions.len();
    assert_eq!(sending.waiting, statements);
    let line = progress_line(&mut app);
    let start = format!(
        "{statements} statements wait for the learning record store at {url}statements: cannot reach the learning record store at {url}statements: "
    );
    assert!(line.starts_with(&start), "{line}");
    assert!(
        line.ends_with("; they are sent after the next call."),
        "{line}"
    );
}
