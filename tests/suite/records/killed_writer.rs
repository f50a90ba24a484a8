//! A writer killed at any moment leaves every earlier record whole.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use frontline::records::{Filter, Store};

use super::harness::{call_for, example};
use crate::support::temp_dir;

/// The environment variable that makes the writer test a child of the kill test.
const WRITER_DIR: &str = "FRONTLINE_KILL_TEST_DIR";

#[test]
#[ignore = "the writer half of the kill test, run by it as a child process"]
fn writer_records_calls_until_it_is_killed() {
    let dir = std::env::var_os(WRITER_DIR).expect("the kill test sets FRONTLINE_KILL_TEST_DIR");
    let mut store = Store::open(Path::new(&dir)).expect("the store opens");
    let (prepared, scenario) = example();
    let mut seed = store
        .history(&Filter::default())
        .expect("the history reads")
        .len() as u64;
    loop {
        store
            .save(&call_for(seed, &prepared, &scenario))
            .expect("the call is saved");
        seed += 1;
    }
}

#[test]
fn a_writer_killed_mid_write_leaves_a_readable_store_with_every_record_whole() {
    let dir = temp_dir("records-kill");
    let (prepared, scenario) = example();
    let mut killed_at = Vec::new();
    for round in 1..=4u64 {
        let mut writer = Command::new(std::env::current_exe().expect("the test binary"))
            .args([
                "--ignored",
                "--exact",
                "records::killed_writer::writer_records_calls_until_it_is_killed",
            ])
            .env(WRITER_DIR, &dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the writer starts");
        // Let it write a while (a different while each round), then SIGKILL it.
        let wanted = killed_at.last().copied().unwrap_or(0) + 25 * round as usize;
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            let written = Store::open(&dir)
                .and_then(|s| s.history(&Filter::default()))
                .map(|h| h.len())
                .unwrap_or(0);
            if written >= wanted || Instant::now() > deadline {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(3 * round));
        writer.kill().expect("the writer is killed");
        let status = writer.wait().expect("the writer is gone");
        assert_eq!(
            status.code(),
            None,
            "the writer died of the signal, not on its own"
        );

        let store = Store::open(&dir).expect("the store opens after the kill");
        let check: String = rusqlite::Connection::open(store.path())
            .and_then(|c| c.query_row("PRAGMA integrity_check", [], |row| row.get(0)))
            .expect("the integrity check runs");
        assert_eq!(check, "ok");
        let mut records = store
            .history(&Filter::default())
            .expect("every record reads whole");
        records.reverse();
        assert!(
            records.len() >= wanted,
            "round {round}: {} records",
            records.len()
        );
        for (i, record) in records.iter().enumerate() {
            let mut expected = call_for(i as u64, &prepared, &scenario);
            expected.uid.clone_from(&record.call.uid);
            assert_eq!(record.id, i as i64 + 1);
            assert_eq!(record.call, expected, "record {}", record.id);
        }
        killed_at.push(records.len());
    }
    assert!(killed_at.windows(2).all(|w| w[0] < w[1]), "{killed_at:?}");
}
