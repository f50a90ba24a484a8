//! `frontline assignments`: assignment files checked with positions, each trainee's
//! status (to do, passed, failed, overdue) and the completion per assignment.

use std::path::Path;

use std::collections::BTreeMap;

use frontline::centre::load_file;
use serde_json::{Value, json};

use super::team::{CALLS, fixture};
use crate::support::{frontline, project, stderr, stdout, temp_dir};

/// A folder of assignments for the trainees of [`CALLS`], and one for Dario, who played nothing.
fn folder(dir: &Path) {
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).expect("writes");
    write("groups.ron", r#"{"march": ["Bruno", "Chiara"]}"#);
    write(
        "1-bills.ron",
        r#"// The first week.
Assignment(
    name: "Week 1: bills",
    trainees: ["Ana", "Dario"],
    group: "march",
    calls: ["example-late-bill"],
    due: "2099-12-31",
)
"#,
    );
    write(
        "2-exam.ron",
        r#"(name: "Bills, exam", trainees: ["Ana"], calls: ["example-late-bill"], mode: Exam, due: "2026-03-04")"#,
    );
    write(
        "3-high.ron",
        r#"(name: "Bills at 90", trainees: ["Ana", "Bruno"], calls: ["example-late-bill"], due: "2026-03-02", pass: 90)"#,
    );
    write(
        "4-typo.ron",
        "(\n    name: \"Typo\",\n    trainess: [\"Ana\"],\n)\n",
    );
    write(
        "5-unknown.ron",
        "(\n    name: \"Unknown\",\n    group: \"april\",\n    calls: [\"example-late-bil\"],\n    due: \"15/03/2026\",\n)\n",
    );
}

fn assignments(records: &Path, folder: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "assignments",
        "--assignments",
        folder.to_str().expect("UTF-8"),
        "--library",
        "docs/example.ron",
        "--data-dir",
        records.to_str().expect("UTF-8"),
    ];
    args.extend_from_slice(extra);
    frontline(&args)
}

#[test]
fn each_trainee_has_a_status_per_assignment_and_broken_files_are_named_with_positions() {
    let records = temp_dir("centre-assigned-records");
    fixture(&records, CALLS);
    let dir = temp_dir("centre-assignments");
    folder(&dir);
    let output = assignments(&records, &dir, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "\
Week 1: bills — due 2099-12-31, example-late-bill: 1 passed, 2 failed, 1 to do
  Ana     passed
  Dario   to do
  Bruno   failed
  Chiara  failed
Bills, exam — due 2026-03-04, example-late-bill: 1 overdue
  Ana  overdue
Bills at 90 — due 2026-03-02, example-late-bill: 1 passed, 1 overdue
  Ana    passed
  Bruno  overdue
"
    );
    let d = dir.display();
    assert_eq!(
        stderr(&output),
        format!(
            "\
{d}/4-typo.ron:3:5: error[unknown-field]: unknown field `trainess` in `Assignment` (hint: did you mean `trainees`? allowed fields: `name`, `trainees`, `group`, `calls`, `mode`, `due`, `pass`)
{d}/5-unknown.ron:3:12: error[unknown-group]: no group `april` in groups.ron (hint: the groups are march)
{d}/5-unknown.ron:4:13: error[unknown-scenario]: no scenario `example-late-bil` in the library (hint: did you mean `example-late-bill`?)
{d}/5-unknown.ron:5:10: error[bad-date]: `15/03/2026` is not a day (hint: write the due day as year-month-day: `due: \"2026-03-15\"`)
error: 2 assignment files in {d} cannot be used
"
        )
    );
}

#[test]
fn a_trainee_sees_only_their_assignments_as_json() {
    let records = temp_dir("centre-assigned-mine");
    fixture(&records, CALLS);
    let dir = temp_dir("centre-assignments-mine");
    folder(&dir);
    std::fs::remove_file(dir.join("4-typo.ron")).expect("removes");
    std::fs::remove_file(dir.join("5-unknown.ron")).expect("removes");
    let output = assignments(&records, &dir, &["--trainee", "Bruno", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let view: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let names: Vec<&str> = view["assignments"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|a| a["name"].as_str().expect("a name"))
        .collect();
    assert_eq!(names, ["Week 1: bills", "Bills at 90"]);
    assert_eq!(
        view["assignments"][1]["trainees"],
        json!([{ "trainee": "Bruno", "status": "overdue" }])
    );
    assert_eq!(
        view["assignments"][0]["completion"],
        json!({ "passed": 0, "failed": 1, "to_do": 0, "overdue": 0 })
    );
    assert_eq!(view["diagnostics"], json!([]));
}

#[test]
fn the_documented_assignment_is_read_without_a_problem() {
    let page = std::fs::read_to_string(project("docs/records.md")).expect("the page reads");
    let start = page
        .find("```ron\nAssignment(")
        .expect("the page shows an assignment")
        + 7;
    let end = start + page[start..].find("```").expect("the block ends");
    let dir = temp_dir("centre-documented-assignment");
    let file = dir.join("week-1.ron");
    std::fs::write(&file, &page[start..end]).expect("writes");
    let groups = BTreeMap::from([("march".to_owned(), vec!["Bruno".to_owned()])]);
    let (found, diagnostics) = load_file(&file, &["example-late-bill".to_owned()], &groups);
    assert_eq!(diagnostics, []);
    let found = found.expect("the assignment reads");
    assert_eq!(found.trainees, ["Ana", "Bruno"]);
    assert_eq!(
        found.due_ms, 1_773_619_199_999,
        "the end of 2026-03-15, UTC"
    );
}

#[test]
fn a_missing_assignments_folder_is_bad_usage_that_names_it() {
    let records = temp_dir("centre-assigned-nowhere");
    let nowhere = records.join("no-such-folder");
    let output = assignments(&records, &nowhere, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        format!(
            "error: no assignments folder at {}: give --assignments DIR, the folder of the assignment files\n",
            nowhere.display()
        )
    );
}
