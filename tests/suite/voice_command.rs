//! `frontline voice`: the JSON contract, rendering what is missing with an external renderer,
//! one file re-rendered after one line is edited, the stale file reported and pruned, an
//! actor's recording listed as its line's voice and never rendered.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{frontline, project, stderr, stdout, temp_dir};

/// A renderer that speaks nothing: it logs each call and writes the words as the "voice".
fn fake_renderer(dir: &Path) -> PathBuf {
    let script = dir.join("render.sh");
    let log = dir.join("renders.log");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho \"$1 $2 $3\" >> '{}'\ncat > \"$4\"\n",
            log.display()
        ),
    )
    .expect("the renderer writes");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
            .expect("the renderer can run");
    }
    script
}

fn renders(dir: &Path) -> Vec<String> {
    std::fs::read_to_string(dir.join("renders.log"))
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}

fn voice(args: &[&str]) -> Value {
    let output = frontline(&[&["voice", "--format", "json"], args].concat());
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).expect("voice --format json prints JSON")
}

fn files(list: &Value) -> Vec<String> {
    let mut files: Vec<String> = list
        .as_array()
        .expect("a list")
        .iter()
        .map(|f| f.as_str().expect("a path").to_owned())
        .collect();
    files.sort();
    files
}

#[test]
fn rendering_fills_every_missing_voice_and_editing_one_line_renders_exactly_one_file_again() {
    let dir = temp_dir("voice-render");
    let library = dir.join("library");
    std::fs::create_dir_all(&library).expect("the library folder");
    let scenario = library.join("voices.ron");
    let text = std::fs::read_to_string(project("tests/fixtures/voices.ron")).expect("the fixture");
    std::fs::write(&scenario, &text).expect("the scenario writes");
    let renderer = fake_renderer(&dir);
    let path = library.to_str().expect("a UTF-8 path");
    let renderer = renderer.to_str().expect("a UTF-8 path");

    let before = voice(&[path]);
    assert_eq!(before["lines"], 8);
    assert_eq!(before["voiced"], 0);
    assert_eq!(files(&before["missing"]).len(), 8);
    assert_eq!(before["stale"], Value::Array(vec![]));
    let first = &before["voices"][0];
    assert_eq!(first["scenario"], "voices");
    assert_eq!(first["language"], "en");
    assert_eq!(first["text"], "Hello, it's Ann.");
    assert_eq!(first["mood"], "distressed");
    let file = first["file"].as_str().expect("a file");
    assert!(
        file.starts_with(&format!("{path}/voices/voices/")) && file.ends_with(".ogg"),
        "{file}"
    );

    let rendered = voice(&["--render", "--renderer", renderer, path]);
    assert_eq!(rendered["voiced"], 8);
    assert_eq!(rendered["missing"], Value::Array(vec![]));
    assert_eq!(renders(&dir).len(), 8, "each file once");
    assert!(renders(&dir).contains(&"en-female distressed en".to_owned()));
    assert_eq!(
        std::fs::read_to_string(file).expect("the voice is there"),
        "Hello, it's Ann.",
        "the renderer got the words without the stage direction"
    );

    // One line edited: one file to render, and the old one is stale until pruned.
    std::fs::write(&scenario, text.replace("\"Hello.\"", "\"Hello there.\"")).expect("edited");
    let old: Vec<String> = rendered["voices"]
        .as_array()
        .expect("the voices")
        .iter()
        .map(|v| v["file"].as_str().unwrap_or_default().to_owned())
        .collect();
    let again = voice(&["--render", "--renderer", renderer, path]);
    assert_eq!(renders(&dir).len(), 9, "exactly one more file rendered");
    assert_eq!(renders(&dir)[8], "en-female distressed en");
    let stale = files(&again["stale"]);
    assert_eq!(stale.len(), 1);
    assert!(
        old.contains(&stale[0]),
        "the stale file is the edited line's old voice"
    );
    let pruned = voice(&["--prune", path]);
    assert_eq!(pruned["stale"], Value::Array(vec![]));
    assert_eq!(pruned["voiced"], 8);
    assert!(!Path::new(&stale[0]).exists());
}

#[test]
fn an_actor_s_recording_is_listed_as_its_line_s_voice_and_never_rendered() {
    let dir = temp_dir("voice-recorded-command");
    let library = dir.join("library");
    std::fs::create_dir_all(library.join("recordings")).expect("the library folder");
    std::fs::copy(
        project("tests/fixtures/voice-recorded.ron"),
        library.join("voice-recorded.ron"),
    )
    .expect("the scenario copies");
    for file in ["hello.ogg", "thanks.ogg"] {
        std::fs::copy(
            project("tests/fixtures/voice.ogg"),
            library.join("recordings").join(file),
        )
        .expect("the recording copies");
    }
    let renderer = fake_renderer(&dir);
    let path = library.to_str().expect("a UTF-8 path");
    let rendered = voice(&[
        "--render",
        "--renderer",
        renderer.to_str().expect("UTF-8"),
        path,
    ]);
    assert_eq!(
        renders(&dir),
        vec!["en-female angry en"],
        "only the line nobody recorded"
    );
    assert_eq!(rendered["lines"], 3);
    assert_eq!(rendered["voiced"], 3);
    assert_eq!(rendered["missing"], Value::Array(vec![]));
    assert_eq!(rendered["stale"], Value::Array(vec![]));
    assert_eq!(
        files(&rendered["recorded"]),
        vec![
            format!("{path}/recordings/hello.ogg"),
            format!("{path}/recordings/thanks.ogg")
        ]
    );
    let hello = &rendered["voices"][0];
    assert_eq!(hello["text"], "Hello, it's Ann.");
    assert_eq!(hello["file"], format!("{path}/recordings/hello.ogg"));
    assert_eq!(hello["recorded"], true);
    assert_eq!(rendered["voices"][2]["recorded"], false);
}

#[test]
fn a_renderer_that_fails_leaves_no_file_behind_and_exits_one_naming_the_line() {
    let dir = temp_dir("voice-render-fails");
    let library = dir.join("library");
    std::fs::create_dir_all(&library).expect("the library folder");
    std::fs::copy(
        project("tests/fixtures/voices.ron"),
        library.join("voices.ron"),
    )
    .expect("the scenario copies");
    let output = frontline(&[
        "voice",
        "--render",
        "--renderer",
        "/bin/false",
        library.to_str().expect("a UTF-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("8 of 8 voices could not be rendered"),
        "{}",
        stderr(&output)
    );
    let folder = library.join("voices/voices");
    let left = std::fs::read_dir(&folder).map_or(0, |entries| entries.count());
    assert_eq!(left, 0, "no half-written file in {}", folder.display());
}

#[test]
fn the_shipped_renderer_writes_a_mono_eight_kilohertz_ogg_file_with_each_installed_engine() {
    let on_path = |tool: &str| {
        std::process::Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let kokoro = project(".voices-venv/kokoro/kokoro-v1.0.int8.onnx").is_file();
    let engines = [
        ("festival", on_path("festival")),
        ("kokoro", kokoro && on_path("espeak-ng")),
    ];
    if !on_path("sox") || !on_path("soxi") {
        eprintln!("skipped: sox is not installed (scripts/voices-setup.sh)");
        return;
    }
    for (engine, installed) in engines {
        if !installed {
            eprintln!("skipped {engine}: not installed (scripts/voices-setup.sh)");
            continue;
        }
        let dir = temp_dir(&format!("voice-shipped-renderer-{engine}"));
        let out = dir.join("line.ogg");
        let mut child = std::process::Command::new(project("scripts/voices-render.sh"))
            .args(["it-female", "distressed", "it"])
            .arg(&out)
            .env("FRONTLINE_VOICE_ENGINE", engine)
            .stdin(std::process::Stdio::piped())
            .spawn()
            .expect("the renderer runs");
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all("Non so come pagare, mi scusi.".as_bytes())
            .expect("the words go in");
        assert!(child.wait().expect("it ends").success(), "{engine}");
        let bytes = std::fs::read(&out).expect("the file is there");
        assert_eq!(&bytes[..4], b"OggS", "{engine}");
        let info = |flag: &str| {
            let o = std::process::Command::new("soxi")
                .args([flag])
                .arg(&out)
                .output()
                .expect("soxi runs");
            String::from_utf8_lossy(&o.stdout).trim().to_owned()
        };
        assert_eq!(info("-c"), "1", "{engine}");
        assert_eq!(info("-r"), "8000", "{engine}");
        let seconds: f32 = info("-D").parse().expect("a duration");
        assert!(seconds > 1.0, "{engine}: {seconds} s");
    }
}
