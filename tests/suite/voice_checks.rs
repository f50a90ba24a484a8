//! `frontline check` and the voices: a line without its file and a file without its line are
//! warnings at their places, once a scenario has a voices folder; a voice nobody renders is an
//! error.

use std::path::Path;

use frontline::diagnostic::{Code, Diagnostic, Severity};
use frontline::library::load_file;
use frontline::scenario::AssetRoots;
use frontline::voice::{Delivery, file_name};

use crate::support::{project, temp_dir};

fn voice_diagnostics(path: &Path) -> Vec<(Severity, Code, usize, usize, String)> {
    let entry = load_file(path, &AssetRoots::default());
    entry
        .diagnostics
        .iter()
        .filter(|d| {
            matches!(
                d.code,
                Code::VoiceMissing | Code::VoiceStale | Code::UnknownVoice
            )
        })
        .map(|d: &Diagnostic| (d.severity, d.code, d.line, d.column, d.message.clone()))
        .collect()
}

#[test]
fn without_a_voices_folder_a_scenario_has_no_voice_warnings() {
    let dir = temp_dir("voice-check-none");
    let path = dir.join("voices.ron");
    std::fs::copy(project("tests/fixtures/voices.ron"), &path).expect("copies");
    assert_eq!(voice_diagnostics(&path), vec![]);
}

#[test]
fn a_missing_voice_is_a_warning_at_its_line_and_a_stale_file_one_on_the_file() {
    let dir = temp_dir("voice-check");
    let path = dir.join("voices.ron");
    std::fs::copy(project("tests/fixtures/voices.ron"), &path).expect("copies");
    let folder = dir.join("voices/voices");
    std::fs::create_dir_all(&folder).expect("the voices folder");
    // Every voice but the angry closing line's, and one file no line names.
    for (text, delivery) in [
        ("Hello, it's Ann.", Delivery::Distressed),
        ("Hello.", Delivery::Distressed),
        ("The bill is € 10.", Delivery::Calm),
        ("Just tell me.", Delivery::Angry),
        ("Thanks.", Delivery::Calm),
        ("Hello, it's Bea.", Delivery::Distressed),
        ("The bill is € 20.", Delivery::Calm),
    ] {
        std::fs::write(folder.join(file_name(text, "en-female", delivery)), "ogg").expect("writes");
    }
    std::fs::write(folder.join("0000000000000000.ogg"), "old").expect("writes");
    let fine = file_name("Fine.", "en-female", Delivery::Angry);
    assert_eq!(
        voice_diagnostics(&path),
        vec![
            (
                Severity::Warning,
                Code::VoiceMissing,
                33,
                59,
                format!(
                    "this line in variant `ann` has no angry voice: voices/voices/{fine} is missing"
                )
            ),
            (
                Severity::Warning,
                Code::VoiceStale,
                0,
                0,
                format!(
                    "{} is the voice of no line of this scenario",
                    folder.join("0000000000000000.ogg").display()
                )
            ),
        ]
    );
}

#[test]
fn a_voice_the_renderer_does_not_know_is_an_error_at_the_customer_s_voice() {
    let dir = temp_dir("voice-check-unknown");
    let path = dir.join("voices.ron");
    let text = std::fs::read_to_string(project("tests/fixtures/voices.ron")).expect("reads");
    std::fs::write(
        &path,
        text.replace(
            "customer: (name: \"{name}\",",
            "customer: (name: \"{name}\", voice: \"robot\",",
        ),
    )
    .expect("writes");
    assert_eq!(
        voice_diagnostics(&path),
        vec![(
            Severity::Error,
            Code::UnknownVoice,
            7,
            39,
            "`robot` is not a voice Frontline renders".to_owned()
        )]
    );
}
