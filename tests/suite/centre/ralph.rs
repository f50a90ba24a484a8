//! Ralph, a second real learning record store: it refuses a wrong password, then holds
//! every statement as sent, and gives the same team view as the local records.

use std::process::{Command, Output};

use frontline::records::DEFAULT_BASE;
use serde_json::Value;

use super::real_lrs::{AUTH, RealLrs};
use super::team::{CALLS, expected, fixture};
use super::{assert_holds, recorded};
use crate::support::{stderr, stdout, temp_dir};

fn frontline_with(auth: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontline"))
        .env("FRONTLINE_LANGUAGE", "en")
        .args(args)
        .env("FRONTLINE_LRS_AUTH", auth)
        .env_remove("FRONTLINE_LRS")
        .output()
        .expect("frontline runs")
}

#[test]
fn ralph_refuses_a_wrong_password_then_holds_the_calls_and_gives_the_same_team_view() {
    let Some(ralph) = RealLrs::ralph("ralph") else {
        return;
    };
    let dir = temp_dir("centre-ralph");
    fixture(&dir, CALLS);
    let dir_arg = dir.to_str().expect("a UTF-8 temp folder");
    let (_store, records) = recorded(&dir);
    let sent: Vec<Value> = frontline::records::statements_json(&records, DEFAULT_BASE)
        .as_array()
        .expect("an array")
        .clone();
    let count = sent.len();
    let export = ["export", "--lrs", &ralph.url, "--data-dir", dir_arg];

    let refused = frontline_with("trainer:wrong", &export);
    assert_eq!(refused.status.code(), Some(1));
    let endpoint = format!("{}statements", ralph.url);
    assert_eq!(
        stdout(&refused),
        format!("{endpoint}: 0 statements sent, {count} waiting\n")
    );
    assert!(
        stderr(&refused).starts_with(&format!(
            "error: the learning record store at {endpoint} answered 401 Unauthorized (check FRONTLINE_LRS_AUTH=user:password): "
        )),
        "{}",
        stderr(&refused)
    );

    let taken = frontline_with(AUTH, &export);
    assert_eq!(taken.status.code(), Some(0), "{}", stderr(&taken));
    assert_eq!(
        stdout(&taken),
        format!("{endpoint}: {count} statements sent, 0 waiting\n")
    );
    assert_holds(ralph.statements(), sent);

    let view = frontline_with(AUTH, &["team", "--lrs", &ralph.url, "--format", "json"]);
    assert_eq!(view.status.code(), Some(0), "{}", stderr(&view));
    let view: Value = serde_json::from_slice(&view.stdout).expect("JSON");
    assert_eq!(view, expected());
}
