//! A call played against a records file that cannot be opened is kept aside, the file left
//! as it is, and the next command that opens a readable store records it.

use super::harness::{EXAMPLE, json_of, path};
use crate::support::{frontline, stderr, stdout, temp_dir};

#[test]
fn a_call_played_against_a_corrupt_store_is_kept_aside_and_recorded_by_the_next_command() {
    let dir = temp_dir("records-corrupt");
    let store = dir.join("records.sqlite3");
    let corrupt = "not a database, just text ".repeat(100);
    std::fs::write(&store, &corrupt).expect("writes");
    let played = frontline(&[
        "play",
        EXAMPLE,
        "--seed",
        "7",
        "--auto",
        "expert",
        "--trainee",
        "Ana",
        "--data-dir",
        path(&dir),
    ]);
    assert_eq!(played.status.code(), Some(0), "{}", stderr(&played));
    assert!(
        stdout(&played).contains("Overall 100%  — PASSED"),
        "{}",
        stdout(&played)
    );
    let kept = dir.join("unsaved-calls.json");
    assert_eq!(
        stderr(&played),
        format!(
            "warning: the call was not recorded: cannot open the call records at {}: the file is not a Frontline record store (not an SQLite database)\n\
             the call is kept in {} and will be recorded by the next command that can open the records\n",
            store.display(),
            kept.display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(&store).expect("the store's file is still there"),
        corrupt,
        "the store's file is never touched"
    );
    let waiting: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&kept).expect("the call is kept")).expect("JSON");
    assert_eq!(
        (waiting[0]["trainee"].as_str(), waiting[0]["seed"].as_u64()),
        (Some("Ana"), Some(7))
    );

    // A second call waits beside the first; a command that still cannot open the store
    // leaves both where they are.
    let second = frontline(&[
        "play",
        EXAMPLE,
        "--seed",
        "8",
        "--choices",
        "1",
        "--trainee",
        "Bo",
        "--data-dir",
        path(&dir),
    ]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    let history = frontline(&["history", "--data-dir", path(&dir)]);
    assert_eq!(history.status.code(), Some(1));
    assert!(kept.exists());

    // The trainer moves the broken file away: the next command records both, once.
    std::fs::rename(&store, dir.join("broken.sqlite3")).expect("moves");
    let history = frontline(&["history", "--data-dir", path(&dir), "--format", "json"]);
    assert_eq!(history.status.code(), Some(0), "{}", stderr(&history));
    assert_eq!(
        stderr(&history),
        "2 calls kept aside while the records could not be written are now recorded\n"
    );
    assert!(!kept.exists(), "the spool is emptied once written");
    let rows: serde_json::Value = serde_json::from_slice(&history.stdout).expect("JSON");
    let listed: Vec<(Option<&str>, Option<u64>, Option<&str>)> = rows
        .as_array()
        .expect("a list")
        .iter()
        .map(|row| {
            (
                row["trainee"].as_str(),
                row["seed"].as_u64(),
                row["result"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        vec![
            (Some("Bo"), Some(8), Some("abandoned")),
            (Some("Ana"), Some(7), Some("passed"))
        ]
    );
    assert_eq!(
        json_of(&["history", "--data-dir", path(&dir), "--format", "json"]),
        rows,
        "written once"
    );
}

#[test]
fn a_call_whose_records_folder_cannot_be_made_is_played_and_kept_in_the_temporary_folder() {
    let dir = temp_dir("records-unwritable");
    let blocker = dir.join("a-file");
    std::fs::write(&blocker, "not a folder").expect("writes");
    let output = frontline(&[
        "play",
        EXAMPLE,
        "--seed",
        "7",
        "--auto",
        "expert",
        "--data-dir",
        path(&blocker),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout(&output).contains("Overall 100%  — PASSED"),
        "{}",
        stdout(&output)
    );
    let said = stderr(&output);
    let (warning, kept) = said.split_once('\n').expect("two lines");
    assert!(
        warning.starts_with(&format!(
            "warning: the call was not recorded: cannot open the call records at {}: cannot create the folder: ",
            blocker.display()
        )),
        "{said}"
    );
    let file = kept
        .strip_prefix("the call is kept in ")
        .and_then(|rest| {
            rest.strip_suffix(
                " and will be recorded by the next command that can open the records\n",
            )
        })
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| panic!("where the call is kept: {said}"));
    assert_eq!(file.parent(), Some(std::env::temp_dir().as_path()));
    let waiting: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).expect("the call is kept")).expect("JSON");
    assert_eq!(waiting[0]["seed"].as_u64(), Some(7));

    // Once the folder can be made, the next command records the call.
    std::fs::remove_file(&blocker).expect("removes");
    let history = json_of(&["history", "--data-dir", path(&blocker), "--format", "json"]);
    assert_eq!(history[0]["seed"].as_u64(), Some(7));
    assert!(!file.exists(), "the call kept aside is written once");
}
