//! `frontline export --lrs` into a real learning record store: every statement comes back
//! as it was sent, read page after page as the store's `more` leads.

use std::process::Command;

use frontline::records::DEFAULT_BASE;
use serde_json::Value;

use super::real_lrs::{AUTH, RealLrs};
use super::{assert_holds, play_calls, recorded};
use crate::support::{stderr, stdout, temp_dir};

#[test]
fn every_statement_sent_comes_back_as_sent_across_pages() {
    let Some(lrs) = RealLrs::start("round-trip") else {
        return;
    };
    let dir = temp_dir("centre-round-trip");
    // 20 calls of 6 statements: 120, more than the store's page of 100.
    let calls: Vec<(&str, &str, u64)> = (0..20)
        .map(|seed| (["Ana", "Bruno"][seed as usize % 2], "expert", seed))
        .collect();
    play_calls(&dir, &calls);
    let output = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .env("FRONTLINE_LANGUAGE", "en")
        .args(["export", "--lrs", &lrs.url, "--data-dir"])
        .arg(&dir)
        .env("FRONTLINE_LRS_AUTH", AUTH)
        .output()
        .expect("frontline runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!("{}statements: 120 statements sent, 0 waiting\n", lrs.url)
    );

    let (_store, records) = recorded(&dir);
    let sent: Vec<Value> = frontline::records::statements_json(&records, DEFAULT_BASE)
        .as_array()
        .expect("an array")
        .clone();
    let back = lrs.statements();
    assert_eq!(back.len(), 120);
    assert_holds(back, sent);
}
