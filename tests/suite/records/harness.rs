//! What the records tests share: the example scenario, `frontline play` into a data folder,
//! a command's JSON, and a call of the example made without the command line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

use frontline::engine::{Mode, Prepared, Session};
use frontline::library::Library;
use frontline::records::{CallRecord, ScenarioRef};
use serde_json::Value;

use crate::support::{frontline, project, stderr};

/// The documented example, from the project folder.
pub(super) const EXAMPLE: &str = "docs/example.ron";

/// `frontline play` of the example into a data folder.
pub(super) fn play(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["play", EXAMPLE, "--data-dir", path(dir)];
    all.extend_from_slice(args);
    let output = frontline(&all);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    output
}

/// A folder as a command-line argument.
pub(super) fn path(dir: &Path) -> &str {
    dir.to_str().expect("temp folders have UTF-8 names")
}

/// A command on a data folder, as JSON.
pub(super) fn json_of(args: &[&str]) -> Value {
    let output = frontline(args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    serde_json::from_slice(&output.stdout).expect("the output is JSON")
}

/// docs/example.ron, absolute, as calls record it.
pub(super) fn example_file() -> PathBuf {
    project(EXAMPLE)
        .canonicalize()
        .expect("docs/example.ron exists")
}

/// The example, prepared, and how a call of it is referred to.
pub(super) fn example() -> (Arc<Prepared>, ScenarioRef) {
    let file = example_file();
    let library = Library::load(std::slice::from_ref(&file), None).expect("the example loads");
    let entry = &library.entries[0];
    let prepared = entry.prepared.clone().expect("the example is playable");
    let scenario = ScenarioRef::new(prepared.scenario(), &entry.path, &entry.hash);
    (prepared, scenario)
}

/// A call of the example for a seed, made without the command line: the expert's answers,
/// but even seeds leave after two.
pub(super) fn call_for(seed: u64, prepared: &Arc<Prepared>, scenario: &ScenarioRef) -> CallRecord {
    let mut session = Session::new(Arc::clone(prepared), seed, Mode::Coach);
    while let Some(answer) = session.expert_answer() {
        if seed.is_multiple_of(2) && session.decisions().len() == 2 {
            break;
        }
        session
            .answer_timed(answer, Some(seed * 10))
            .expect("the expert's answer fits");
    }
    session.abandon();
    let at = UNIX_EPOCH + Duration::from_secs(1_700_000_000 + seed);
    CallRecord::of(
        &session,
        "writer",
        scenario.clone(),
        at,
        at + Duration::from_secs(60),
    )
}

/// `frontline export` with the LRS password in the environment.
pub(super) fn export_to(url: &str, dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontline"))
        .env("FRONTLINE_LANGUAGE", "en")
        .args(["export", "--lrs", url, "--data-dir", path(dir)])
        .env("FRONTLINE_LRS_AUTH", "trainer:s3cret")
        .output()
        .expect("the frontline binary runs")
}
