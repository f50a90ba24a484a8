//! The Windows build under Wine (issue #17): `frontline.exe`, placed in a folder with its assets
//! and library as the zip lays them out, gives the same output as the Linux build for `check`,
//! `list`, `play --auto expert` and `export --csv` (paths aside, `\` for `/`), and keeps its
//! records in the user's AppData.
//!
//! The `.exe` is the release build of `scripts/package.sh`
//! (`target-windows/x86_64-pc-windows-gnu/release/frontline.exe`), or the one named by
//! `FRONTLINE_WINDOWS_EXE` (`.ci/run` builds it in a cached folder of its own).
//! Without it or without `wine` each test says so on the terminal and passes, except under CI
//! (`CI` set: `.ci/run` builds the `.exe`) or when `FRONTLINE_WINDOWS_EXE` is given (a run that
//! asked for the Windows build), where a missing one fails.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use crate::support::{Placed, frontline, placed, project, stderr, stdout, temp_dir};

/// The Windows program and the Wine prefix it runs in, or why the Wine tests cannot run.
fn windows() -> Option<&'static (PathBuf, PathBuf)> {
    static FOUND: OnceLock<Result<(PathBuf, PathBuf), String>> = OnceLock::new();
    let found = FOUND.get_or_init(|| {
        let exe = std::env::var_os("FRONTLINE_WINDOWS_EXE")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                project("target-windows/x86_64-pc-windows-gnu/release/frontline.exe")
            });
        if !exe.is_file() {
            return Err(format!(
                "no Windows build at {} (scripts/package.sh builds it)",
                exe.display()
            ));
        }
        // Beside the program, so kept with its target folder: the first run makes the prefix
        // (tens of seconds), the next test runs reuse it.
        let prefix = exe.with_file_name("wine-prefix");
        match wine(&prefix).args(["cmd", "/c", "ver"]).output() {
            Ok(output) if output.status.success() => {}
            Ok(output) => return Err(format!("wine does not start: {}", stderr(&output))),
            Err(e) => return Err(format!("no wine (apt-get install wine): {e}")),
        }
        provide_process_prng(&prefix)?;
        Ok((exe, prefix))
    });
    match found {
        Ok(found) => Some(found),
        Err(why)
            if std::env::var_os("CI").is_some()
                || std::env::var_os("FRONTLINE_WINDOWS_EXE").is_some() =>
        {
            panic!("the Wine tests cannot run: {why}")
        }
        Err(why) => {
            // Past the test harness' capture, so a skip is never silent.
            let _ = writeln!(std::io::stderr(), "skipped, a Wine test: {why}");
            None
        }
    }
}

/// Wine 8 (Debian 12) lacks `bcryptprimitives.dll`, which every Rust program for Windows 10 and
/// later imports: the prefix gets the stand-in of `tests/wine/`, built with MinGW-w64.
fn provide_process_prng(prefix: &Path) -> Result<(), String> {
    let dll = prefix.join("drive_c/windows/system32/bcryptprimitives.dll");
    if dll.is_file() {
        return Ok(());
    }
    let built = Command::new("x86_64-w64-mingw32-gcc")
        .args(["-O2", "-shared", "-o"])
        .arg(&dll)
        .arg(project("tests/wine/bcryptprimitives.c"))
        .arg("-lbcrypt")
        .output()
        .map_err(|e| format!("no MinGW-w64 (apt-get install gcc-mingw-w64-x86-64): {e}"))?;
    match built.status.success() {
        true => Ok(()),
        false => Err(format!(
            "the bcryptprimitives.dll stand-in does not build: {}",
            stderr(&built)
        )),
    }
}

/// Wine in `prefix`, quiet, with no window and no folder named by the environment, started in
/// the project folder.
fn wine(prefix: &Path) -> Command {
    let mut command = Command::new("wine");
    command
        .env("WINEPREFIX", prefix)
        .env("WINEDEBUG", "-all")
        // No offer to install Mono or Gecko into a fresh prefix.
        .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
        .env_remove("DISPLAY")
        .env_remove("FRONTLINE_ASSETS")
        .env_remove("FRONTLINE_SCENARIOS")
        .current_dir(project(""));
    command
}

/// `frontline.exe` alone in a fresh folder with the assets and the library beside it.
fn one_folder(exe: &Path, name: &str) -> Placed {
    placed(exe, "frontline.exe", name, &["assets", "scenarios"])
}

/// Runs the placed `frontline.exe` from the project folder, its records in `records`.
fn run(exe: &Path, records: &Path, args: &[&str]) -> Output {
    let (_, prefix) = windows().expect("checked by the caller");
    wine(prefix)
        .arg(exe)
        .args(args)
        .env("FRONTLINE_DATA_DIR", records)
        .output()
        .expect("wine runs")
}

/// Output with Windows' path separators read as Linux ones.
fn paths_aside(text: &str) -> String {
    text.replace('\\', "/")
}

#[test]
fn check_list_and_an_expert_call_print_the_same_on_windows_as_on_linux() {
    let Some((exe, _)) = windows() else { return };
    let Placed { program: exe, .. } = &one_folder(exe, "wine-same");
    let records = temp_dir("wine-same-records");
    for (windows_args, linux_args) in [
        (vec!["check", "scenarios\\"], vec!["check", "scenarios/"]),
        (vec!["list"], vec!["list", "scenarios"]),
        (
            vec!["play", "bill-tears-en", "--seed", "7", "--auto", "expert"],
            vec!["play", "bill-tears-en", "--seed", "7", "--auto", "expert"],
        ),
    ] {
        let on_windows = run(exe, &records, &windows_args);
        let on_linux = frontline(&linux_args);
        assert_eq!(
            on_windows.status.code(),
            on_linux.status.code(),
            "{windows_args:?}: {}",
            stderr(&on_windows)
        );
        assert_eq!(
            paths_aside(&stdout(&on_windows)),
            stdout(&on_linux),
            "{windows_args:?}"
        );
    }
}

#[test]
fn the_windows_export_of_recorded_calls_is_the_linux_one() {
    let Some((exe, _)) = windows() else { return };
    let Placed { program: exe, .. } = &one_folder(exe, "wine-export");
    let records = temp_dir("wine-export-records");
    let records_arg = records.to_str().unwrap();
    for seed in ["3", "11"] {
        let played = frontline(&[
            "play",
            "disdetta-it",
            "--seed",
            seed,
            "--auto",
            "expert",
            "--data-dir",
            records_arg,
        ]);
        assert!(played.status.success(), "{}", stderr(&played));
    }
    let csv = |name: &str| records.join(name);
    // A Linux path, which Windows reads on Wine's drive Z: (the whole file system).
    let exported = run(
        exe,
        &records,
        &["export", "--csv", csv("windows.csv").to_str().unwrap()],
    );
    assert!(exported.status.success(), "{}", stderr(&exported));
    let exported = frontline(&[
        "export",
        "--csv",
        csv("linux.csv").to_str().unwrap(),
        "--data-dir",
        records_arg,
    ]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    assert_eq!(
        paths_aside(&std::fs::read_to_string(csv("windows.csv")).unwrap()),
        std::fs::read_to_string(csv("linux.csv")).unwrap()
    );
}

#[test]
fn on_windows_the_records_are_kept_in_the_users_appdata() {
    let Some((exe, prefix)) = windows() else {
        return;
    };
    let Placed { program: exe, .. } = &one_folder(exe, "wine-appdata");
    let appdata_records = prefix
        .join("drive_c/users")
        .join(std::env::var("USER").unwrap_or_else(|_| "root".to_owned()))
        .join("AppData/Roaming/Frontline/data/records.sqlite3");
    let output = wine(prefix)
        .arg(exe)
        .args(["play", "bill-tears-en", "--seed", "7", "--auto", "expert"])
        .env_remove("FRONTLINE_DATA_DIR")
        .output()
        .expect("wine runs");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        appdata_records.is_file(),
        "no records at {}",
        appdata_records.display()
    );
}
