//! Helpers shared by the integration tests: paths and running the `frontline` binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use frontline::diagnostic::Diagnostic;
use frontline::engine::Prepared;
use frontline::library::load_bytes;
use frontline::scenario::AssetRoots;
use std::sync::Arc;

/// The project root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A path under the project root.
pub fn project(path: &str) -> PathBuf {
    root().join(path)
}

/// Runs the `frontline` binary with arguments, from the project root. The calls it plays
/// are recorded in a folder of this test run, never in the user's own records.
pub fn frontline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontline"))
        .env("FRONTLINE_LANGUAGE", "en")
        .args(args)
        .env(
            "FRONTLINE_DATA_DIR",
            std::env::temp_dir().join(format!("frontline-test-{}-records", std::process::id())),
        )
        .current_dir(root())
        .output()
        .expect("the frontline binary runs")
}

/// `frontline` with the interface in `language` (`FRONTLINE_LANGUAGE`), from the project.
pub fn frontline_in(language: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontline"))
        .env("FRONTLINE_LANGUAGE", language)
        .args(args)
        .current_dir(root())
        .output()
        .expect("the frontline binary runs")
}

/// Stdout as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Stderr as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh empty folder under the system's temp folder, unique to this test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("frontline-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder can be made");
    dir
}

/// The matcher with the shipped model, loaded once for the whole test run.
pub fn matcher() -> &'static frontline::matcher::Matcher {
    static MATCHER: std::sync::OnceLock<frontline::matcher::Matcher> = std::sync::OnceLock::new();
    MATCHER.get_or_init(|| {
        frontline::matcher::Matcher::load(&project("assets/matcher/use-m3-latin.bin"))
            .expect("the shipped matcher model loads")
    })
}

/// The diagnostics of a scenario given as text, as `frontline check` reports them for `name`.
pub fn diagnose_text(name: &str, text: &str) -> Vec<Diagnostic> {
    load_bytes(Path::new(name), text.as_bytes(), &AssetRoots::default()).diagnostics
}

/// A fixture of `tests/fixtures/`, loaded, checked and prepared; panics if it does not play.
pub fn fixture(name: &str) -> Arc<Prepared> {
    let path = project(&format!("tests/fixtures/{name}"));
    let bytes = std::fs::read(&path).expect("the fixture reads");
    let entry = load_bytes(&path, &bytes, &AssetRoots::default());
    assert_eq!(entry.diagnostics, vec![], "{name} checks clean");
    entry.prepared.expect("the fixture plays")
}

/// The text of a fixture of `tests/fixtures/`.
pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(project(&format!("tests/fixtures/{name}"))).expect("the fixture reads")
}

/// A built program placed alone in a fresh folder, with links to the project's folders beside
/// it: a one-folder install. The folder goes when this does, so its hard link does not keep an
/// old build of the program on disk once `target/` has a new one.
pub struct Placed {
    /// The fresh folder.
    pub folder: PathBuf,
    /// The program in it.
    pub program: PathBuf,
}

impl Drop for Placed {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// A built program placed alone in a fresh folder as `file_name`, with links to the project's
/// folders named in `beside` next to it: a one-folder install. Hard-linked where it can be, so
/// the program's own path is in the folder (a symbolic link would lead back to `target/`).
#[cfg(unix)]
pub fn placed(built: &Path, file_name: &str, folder: &str, beside: &[&str]) -> Placed {
    let folder = temp_dir(folder);
    let program = folder.join(file_name);
    if std::fs::hard_link(built, &program).is_err() {
        std::fs::copy(built, &program).expect("the program can be copied");
    }
    for name in beside {
        std::os::unix::fs::symlink(project(name), folder.join(name)).expect("a link can be made");
    }
    Placed { folder, program }
}

/// Every entry of a words table, by its path (`interface.statuses.to_do`), as text.
pub fn table_entries(words: &frontline::words::Words) -> Vec<(String, String)> {
    fn walk(at: &str, value: &serde_json::Value, out: &mut Vec<(String, String)>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    let path = if at.is_empty() {
                        key.clone()
                    } else {
                        format!("{at}.{key}")
                    };
                    walk(&path, value, out);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(&format!("{at}[{i}]"), item, out);
                }
            }
            serde_json::Value::String(text) => out.push((at.to_owned(), text.clone())),
            other => out.push((at.to_owned(), other.to_string())),
        }
    }
    let mut out = Vec::new();
    walk(
        "",
        &serde_json::to_value(words).expect("a table serialises"),
        &mut out,
    );
    out
}
