//! Where Frontline finds its built-in scenario library and assets, wherever it is started from,
//! and where it keeps the call records.
//!
//! Looked up in order: an environment variable, then beside the executable (the one folder of
//! the Windows zip), then `../share/frontline` from it (the Linux package: `/usr/bin/frontline`
//! and `/usr/share/frontline`), then, for a program built by cargo (`target/release/frontline`,
//! `target/debug/deps/…`), the project folder holding its `target` folder. Neither the working
//! directory nor the source tree the program was built from is looked in: the same program finds
//! the same folders wherever it is started, and a copied program does not fall back on a
//! checkout.

use std::path::{Path, PathBuf};

/// A folder Frontline needs and did not find, with every place it looked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "no {name} folder found: {variable} is unset, and there is none at {}; set {variable}, or put the `{name}` folder beside the program",
    looked.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
)]
pub struct NotFound {
    /// The folder's name (`assets`, `scenarios`).
    pub name: &'static str,
    /// The environment variable that would name it.
    pub variable: &'static str,
    /// Every folder looked in, in order.
    pub looked: Vec<PathBuf>,
}

/// The folder of built-in scenarios (`FRONTLINE_SCENARIOS` overrides).
pub fn scenarios_dir() -> Result<PathBuf, NotFound> {
    find("FRONTLINE_SCENARIOS", "scenarios")
}

/// The assets folder: font, sounds, the matcher's model (`FRONTLINE_ASSETS` overrides).
pub fn assets_dir() -> Result<PathBuf, NotFound> {
    find("FRONTLINE_ASSETS", "assets")
}

fn find(variable: &'static str, name: &'static str) -> Result<PathBuf, NotFound> {
    if let Some(dir) = std::env::var_os(variable).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    let looked: Vec<PathBuf> = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| candidates(dir, name)))
        .unwrap_or_default();
    match looked.iter().find(|c| c.is_dir()) {
        Some(found) => Ok(found.clone()),
        None => Err(NotFound {
            name,
            variable,
            looked,
        }),
    }
}

/// Where a program in `exe_dir` looks for the folder `name`, in order.
fn candidates(exe_dir: &Path, name: &str) -> Vec<PathBuf> {
    let mut candidates = vec![exe_dir.join(name)];
    if let Some(prefix) = exe_dir.parent() {
        candidates.push(prefix.join("share").join("frontline").join(name));
    }
    // Cargo's layout: target/PROFILE/frontline, target/PROFILE/deps/…, target/TRIPLE/PROFILE/….
    let cargo_project = exe_dir
        .ancestors()
        .skip(1)
        .take(2)
        .find(|a| {
            a.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("target"))
        })
        .and_then(Path::parent);
    candidates.extend(cargo_project.map(|project| project.join(name)));
    candidates
}

/// The folder of the trainee's call records (and the app's settings): the one given
/// (`--data-dir`), else `FRONTLINE_DATA_DIR`, else the platform's data folder for Frontline,
/// e.g. `~/.local/share/frontline` on Linux and `%APPDATA%\Frontline\data` on Windows. `None`
/// on a system with no home folder.
pub fn records_dir(given: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = given {
        return Some(dir.to_owned());
    }
    if let Some(dir) = std::env::var_os("FRONTLINE_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "Frontline").map(|dirs| dirs.data_dir().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_looks_beside_itself_then_in_share_then_in_its_cargo_project() {
        let looked = |exe_dir: &str| {
            candidates(Path::new(exe_dir), "assets")
                .into_iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            looked("/usr/bin"),
            ["/usr/bin/assets", "/usr/share/frontline/assets"]
        );
        assert_eq!(
            looked("/home/t/frontline/target/release"),
            [
                "/home/t/frontline/target/release/assets",
                "/home/t/frontline/target/share/frontline/assets",
                "/home/t/frontline/assets"
            ]
        );
        assert_eq!(
            looked("/p/target-windows/x86_64-pc-windows-gnu/release")[2],
            "/p/assets"
        );
        assert_eq!(looked("/p/target/debug/deps")[2], "/p/assets");
        // A program copied three folders below a `target` is not taken for a cargo build.
        assert_eq!(looked("/p/target/tmp/copy/x").len(), 2);
    }
}
