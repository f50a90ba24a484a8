//! `frontline export --csv`: one row per call or per decision, safe to open in a spreadsheet.

use std::path::Path;

use frontline::library::content_hash;
use serde_json::Value;

use super::harness::{EXAMPLE, json_of, path, play};
use crate::support::{frontline, project, stderr, stdout, temp_dir};

/// A CSV file's rows, header first, after its byte-order mark.
fn csv_rows(file: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(file).expect("the CSV file exists");
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("the CSV starts with a UTF-8 byte-order mark");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body);
    reader
        .records()
        .map(|r| r.expect("a CSV row").iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn csv_export_has_one_row_per_call_or_decision_with_formulas_neutralised() {
    let dir = temp_dir("records-csv");
    let evil = "=HYPERLINK(\"http://evil.example\",\"x\")";
    play(
        &dir,
        &["--seed", "7", "--auto", "expert", "--trainee", evil],
    );
    play(
        &dir,
        &[
            "--seed",
            "8",
            "--choices",
            "1,t",
            "--trainee",
            "@Bo",
            "--mode",
            "exam",
        ],
    );
    let history = json_of(&["history", "--data-dir", path(&dir), "--format", "json"]);
    let calls = dir.join("calls.csv");
    let output = frontline(&["export", "--csv", path(&calls), "--data-dir", path(&dir)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), format!("{}: 2 calls\n", calls.display()));

    let field = |id: usize, name: &str| -> String {
        let row = &history[2 - id];
        match &row[name] {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    };
    let seconds = |id: usize| {
        let row = &history[2 - id];
        let ms = row["ended_ms"].as_i64().expect("ms") - row["started_ms"].as_i64().expect("ms");
        (ms as f64 / 1000.0).to_string()
    };
    let hash = content_hash(&std::fs::read(project(EXAMPLE)).expect("reads"));
    let row = |cells: &[&str]| {
        cells
            .iter()
            .map(|c| (*c).to_owned())
            .collect::<Vec<String>>()
    };
    assert_eq!(
        csv_rows(&calls),
        vec![
            row(&[
                "record",
                "uid",
                "trainee",
                "scenario",
                "title",
                "version",
                "hash",
                "seed",
                "mode",
                "started",
                "ended",
                "seconds",
                "outcome",
                "ending",
                "empathy",
                "accuracy",
                "resolution",
                "overall",
                "pass_mark",
                "passed",
                "abandoned",
                "decisions",
                "timeouts",
                "compliance_breaks",
                "choices"
            ]),
            row(&[
                "1",
                &field(1, "uid"),
                &format!("'{evil}"),
                "example-late-bill",
                "A bill that came late",
                "1.0",
                &hash,
                "7",
                "coach",
                &field(1, "started"),
                &field(1, "ended"),
                &seconds(1),
                "Resolved",
                "resolved",
                "100",
                "100",
                "100",
                "100",
                "70",
                "yes",
                "no",
                "5",
                "0",
                "",
                "3,2,1,2,2"
            ]),
            row(&[
                "2",
                &field(2, "uid"),
                "'@Bo",
                "example-late-bill",
                "A bill that came late",
                "1.0",
                &hash,
                "8",
                "exam",
                &field(2, "started"),
                &field(2, "ended"),
                &seconds(2),
                "HungUp",
                "hung-up",
                "0",
                "0",
                "0",
                "0",
                "70",
                "no",
                "no",
                "2",
                "1",
                "",
                "1,t"
            ]),
        ]
    );

    let decisions = dir.join("decisions.csv");
    let output = frontline(&[
        "export",
        "--csv",
        path(&decisions),
        "--decisions",
        "--data-dir",
        path(&dir),
    ]);
    assert_eq!(
        stdout(&output),
        format!("{}: 7 decisions\n", decisions.display())
    );
    let rows = csv_rows(&decisions);
    assert_eq!(rows.len(), 1 + 5 + 2);
    assert_eq!(
        rows[0],
        row(&[
            "record",
            "uid",
            "trainee",
            "scenario",
            "step",
            "node",
            "wrap_up",
            "prompt",
            "answer",
            "timed_out",
            "text",
            "empathy",
            "accuracy",
            "resolution",
            "elapsed_ms",
            "typed",
            "match_score",
            "match"
        ])
    );
    let step = &history[0]["decisions"][1];
    assert_eq!(
        rows[7],
        row(&[
            "2",
            &field(2, "uid"),
            "'@Bo",
            "example-late-bill",
            "2",
            "verify",
            "no",
            step["prompt"].as_str().expect("a prompt"),
            "",
            "yes",
            "(silence)",
            "0",
            "0",
            "0",
            "",
            "",
            "",
            ""
        ])
    );
}
