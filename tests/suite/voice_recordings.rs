//! An actor's recording of a line: the line's voice is that file, wherever the line is
//! looked up (the voices of the scenario, what a call asks the speakers for), and it is
//! never rendered nor stale.

use std::path::{Path, PathBuf};

use frontline::engine::{Mode, Prepared, Session};
use frontline::scenario::parse_str;
use frontline::voice::{Delivery, file_name, requests, survey};

use crate::support::{fixture_text, project, temp_dir};

/// The recorded call in a folder of its own, with the recording of its opening line only.
fn recorded_call(name: &str) -> (PathBuf, std::sync::Arc<Prepared>) {
    let dir = temp_dir(name);
    let path = dir.join("voice-recorded.ron");
    std::fs::write(&path, fixture_text("voice-recorded.ron")).expect("the scenario copies");
    std::fs::create_dir_all(dir.join("recordings")).expect("the recordings folder");
    std::fs::copy(
        project("tests/fixtures/voice.ogg"),
        dir.join("recordings/hello.ogg"),
    )
    .expect("the recording copies");
    let scenario = parse_str(&path, &fixture_text("voice-recorded.ron")).expect("it parses");
    (path, Prepared::new(scenario).expect("it plays"))
}

#[test]
fn a_recorded_line_is_voiced_by_its_recording_and_the_others_by_rendered_files() {
    let (path, prepared) = recorded_call("voice-recorded-survey");
    let found = survey(&prepared, &path);
    let voiced: Vec<(&str, Delivery, &Path, bool, bool)> = found
        .voiced
        .iter()
        .map(|v| {
            let line = &v.line;
            (
                line.text.as_str(),
                line.delivery,
                v.file.as_path(),
                v.recorded,
                v.found,
            )
        })
        .collect();
    let fine = PathBuf::from("voices/voice-recorded").join(file_name(
        "Fine.",
        "en-female",
        Delivery::Angry,
    ));
    assert_eq!(
        voiced,
        vec![
            (
                "Hello, it's Ann.",
                Delivery::Calm,
                Path::new("recordings/hello.ogg"),
                true,
                true
            ),
            (
                "Thanks.",
                Delivery::Calm,
                Path::new("recordings/thanks.ogg"),
                true,
                false
            ),
            ("Fine.", Delivery::Angry, fine.as_path(), false, false),
        ]
    );
    assert_eq!(found.stale, Vec::<PathBuf>::new());
}

#[test]
fn a_call_asks_the_speakers_for_the_recording_of_a_recorded_line() {
    let (path, prepared) = recorded_call("voice-recorded-request");
    let session = Session::new(prepared, 0, Mode::Coach);
    let asked: Vec<(usize, PathBuf, Delivery, String)> = requests(&session, &path, 0, 1)
        .into_iter()
        .map(|(i, r)| (i, r.file, r.delivery, r.text))
        .collect();
    assert_eq!(
        asked,
        vec![(
            0,
            PathBuf::from("recordings/hello.ogg"),
            Delivery::Calm,
            "Hello, it's Ann.".to_owned()
        )]
    );
}
