//! Where Frontline finds its built-in scenario library and assets, wherever it is started from,
//! and where it keeps the call records.
//!
//! Looked up in order: an environment variable, the working directory, beside
//! the executable (and the source tree above `target/`), then the source tree
//! it was built from.

use std::path::{Path, PathBuf};

/// The folder of built-in scenarios (`FRONTLINE_SCENARIOS` overrides).
pub fn scenarios_dir() -> Option<PathBuf> {
    find("FRONTLINE_SCENARIOS", "scenarios")
}

/// The assets folder: font, sounds (`FRONTLINE_ASSETS` overrides).
pub fn assets_dir() -> Option<PathBuf> {
    find("FRONTLINE_ASSETS", "assets")
}

fn find(variable: &str, name: &str) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(variable).map(PathBuf::from) {
        return Some(dir);
    }
    let mut candidates = vec![PathBuf::from(name)];
    if let Some(exe_dir) = std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(Path::to_path_buf))
    {
        // target/release/frontline → the project root is two folders up.
        candidates.extend(exe_dir.ancestors().take(4).map(|a| a.join(name)));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join(name));
    candidates.into_iter().find(|c| c.is_dir())
}

/// The folder of the trainee's call records (and the app's settings): the one given
/// (`--data-dir`), else `FRONTLINE_DATA_DIR`, else the platform's data folder for Frontline,
/// e.g. `~/.local/share/frontline` on Linux. `None` on a system with no home folder.
pub fn records_dir(given: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = given {
        return Some(dir.to_owned());
    }
    if let Some(dir) = std::env::var_os("FRONTLINE_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "Frontline").map(|dirs| dirs.data_dir().to_owned())
}
