//! `frontline check` and actors' recordings: a recording names a line its node or ending
//! says, and a file in the scenario's folder; each problem is an error at the recording.

use std::path::Path;

use frontline::diagnostic::{Code, Severity};
use frontline::library::load_file;
use frontline::scenario::AssetRoots;

use crate::support::{fixture_text, project, temp_dir};

fn recording_diagnostics(path: &Path) -> Vec<(Severity, Code, usize, usize, String)> {
    load_file(path, &AssetRoots::default())
        .diagnostics
        .iter()
        .filter(|d| {
            matches!(
                d.code,
                Code::UnknownLine | Code::MissingAudio | Code::UnsafePath
            )
        })
        .map(|d| (d.severity, d.code, d.line, d.column, d.message.clone()))
        .collect()
}

/// The recorded call, edited by `edit`, in a folder of its own with both recordings there.
fn recorded_call(name: &str, edit: impl Fn(String) -> String) -> std::path::PathBuf {
    let dir = temp_dir(name);
    std::fs::create_dir_all(dir.join("recordings")).expect("the recordings folder");
    for file in ["hello.ogg", "thanks.ogg"] {
        std::fs::copy(
            project("tests/fixtures/voice.ogg"),
            dir.join("recordings").join(file),
        )
        .expect("the recording copies");
    }
    let path = dir.join("voice-recorded.ron");
    std::fs::write(&path, edit(fixture_text("voice-recorded.ron"))).expect("the scenario writes");
    path
}

#[test]
fn recordings_of_lines_the_call_says_in_the_scenario_s_folder_are_clean() {
    assert_eq!(
        recording_diagnostics(&recorded_call("recording-clean", |t| t)),
        vec![]
    );
}

#[test]
fn a_missing_recording_is_an_error_at_its_entry() {
    let path = recorded_call("recording-missing", |t| t);
    std::fs::remove_file(path.with_file_name("recordings").join("thanks.ogg")).expect("removed");
    assert_eq!(
        recording_diagnostics(&path),
        vec![(
            Severity::Error,
            Code::MissingAudio,
            24,
            26,
            "recording `recordings/thanks.ogg` not found".to_owned()
        )]
    );
}

#[test]
fn a_recording_of_a_line_that_was_edited_is_an_error_at_its_entry() {
    let path = recorded_call("recording-edited", |t| {
        t.replace(
            "say: [\"(sighs) Hello, it's Ann.\"]",
            "say: [\"(sighs) Hello, Ann here.\"]",
        )
    });
    assert_eq!(
        recording_diagnostics(&path),
        vec![(
            Severity::Error,
            Code::UnknownLine,
            11,
            26,
            "`nodes.start` says no line `(sighs) Hello, it's Ann.`".to_owned()
        )]
    );
}

#[test]
fn a_recording_outside_the_scenario_s_folder_is_an_error_at_its_entry() {
    let path = recorded_call("recording-outside", |t| {
        t.replace("\"recordings/thanks.ogg\"", "\"../recordings/thanks.ogg\"")
    });
    assert_eq!(
        recording_diagnostics(&path),
        vec![(
            Severity::Error,
            Code::UnsafePath,
            24,
            26,
            "recording `../recordings/thanks.ogg` leaves the scenario's folder".to_owned()
        )]
    );
}
