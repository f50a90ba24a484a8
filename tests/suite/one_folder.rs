//! One folder: the program finds its assets and built-in library beside itself wherever it is
//! started, and says where it looked when they are not there (issue #17).

use std::path::Path;
use std::process::{Command, Output};

use crate::support::{Placed, frontline, placed, project, stderr, stdout, temp_dir};

/// The test build of `frontline` in a fresh folder, with the project's folders in `beside`.
fn program_alone(name: &str, beside: &[&str]) -> Placed {
    placed(
        Path::new(env!("CARGO_BIN_EXE_frontline")),
        "frontline",
        name,
        beside,
    )
}

/// Runs the placed program from `working_dir`, with no folder named by the environment.
fn run(program: &Path, working_dir: &Path, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .env_remove("FRONTLINE_ASSETS")
        .env_remove("FRONTLINE_SCENARIOS")
        .env("FRONTLINE_DATA_DIR", working_dir.join("records"))
        .current_dir(working_dir)
        .output()
        .expect("the placed program runs")
}

#[test]
fn a_program_without_its_assets_says_every_folder_it_looked_in() {
    let Placed { folder, program } = &program_alone("no-assets", &[]);
    // Started in the project folder, whose `assets` and `scenarios` must not be taken instead.
    let output = run(
        program,
        &project(""),
        &["match", "docs/example.ron", "plan", "3 rate da 70,80"],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let share = folder.parent().unwrap().join("share/frontline/assets");
    assert_eq!(
        stderr(&output),
        format!(
            "error: cannot load the matcher model matcher/use-m3-latin.bin: no assets folder found: \
             FRONTLINE_ASSETS is unset, and there is none at {}, {}; set FRONTLINE_ASSETS, or put \
             the `assets` folder beside the program\n",
            folder.join("assets").display(),
            share.display()
        )
    );

    let output = run(program, &project(""), &["list"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).starts_with(&format!(
            "error: no scenario library given, and no scenarios folder found: FRONTLINE_SCENARIOS \
             is unset, and there is none at {}, ",
            folder.join("scenarios").display()
        )),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_program_with_its_folders_beside_it_finds_them_from_anywhere() {
    let Placed { program, .. } = &program_alone("one-folder", &["assets", "scenarios"]);
    let elsewhere = temp_dir("one-folder-elsewhere");

    let listed = run(program, &elsewhere, &["list"]);
    assert_eq!(listed.status.code(), Some(0), "{}", stderr(&listed));
    assert_eq!(stdout(&listed), stdout(&frontline(&["list", "scenarios"])));

    let example = project("docs/example.ron");
    let matched = run(
        program,
        &elsewhere,
        &[
            "match",
            example.to_str().unwrap(),
            "plan",
            "3 rate da 70,80",
        ],
    );
    assert_eq!(matched.status.code(), Some(0), "{}", stderr(&matched));
    let from_project = frontline(&["match", "docs/example.ron", "plan", "3 rate da 70,80"]);
    assert_eq!(stdout(&matched), stdout(&from_project));
}
