//! A history written by the first schema opens upgraded, listed, replayed and exported.

use frontline::records::{Filter, SCHEMA_VERSION, Store, rfc3339};
use serde_json::json;

use super::harness::{call_for, example, export_to, json_of, path, play};
use crate::support::{stdout, temp_dir};

/// The first schema, as Frontline wrote it: a test fixture that must never change.
const SCHEMA_V1: &str = "
    CREATE TABLE calls (
        id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, trainee TEXT NOT NULL,
        scenario TEXT NOT NULL, title TEXT NOT NULL, version TEXT NOT NULL,
        language TEXT NOT NULL, hash TEXT NOT NULL, path TEXT NOT NULL, seed INTEGER NOT NULL,
        mode TEXT NOT NULL, outcome TEXT NOT NULL, ending TEXT, empathy REAL NOT NULL,
        accuracy REAL NOT NULL, resolution REAL NOT NULL, overall REAL NOT NULL,
        pass_mark INTEGER NOT NULL, passed INTEGER NOT NULL, abandoned INTEGER NOT NULL,
        decisions INTEGER NOT NULL, started_ms INTEGER NOT NULL, ended_ms INTEGER NOT NULL
    );
    CREATE TABLE decisions (
        call INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE, step INTEGER NOT NULL,
        node TEXT NOT NULL, prompt TEXT NOT NULL, options TEXT NOT NULL, answer INTEGER,
        text TEXT NOT NULL, empathy INTEGER NOT NULL, accuracy INTEGER NOT NULL,
        resolution INTEGER NOT NULL, wrap_up INTEGER NOT NULL, elapsed_ms INTEGER,
        PRIMARY KEY (call, step)
    );
    CREATE TABLE breaks (
        call INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE, step INTEGER NOT NULL,
        rule TEXT NOT NULL, text TEXT NOT NULL
    );
    PRAGMA user_version = 1;";

#[test]
fn a_version_1_history_opens_upgraded_with_its_calls_listed_replayed_and_exported() {
    let dir = temp_dir("records-v1");
    let (prepared, scenario) = example();
    let call = call_for(7, &prepared, &scenario);
    {
        let old = rusqlite::Connection::open(dir.join("records.sqlite3")).expect("creates");
        old.execute_batch(SCHEMA_V1).expect("the v1 schema");
        old.execute(
            "INSERT INTO calls VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'coach', ?10, ?11, \
             ?12, ?13, ?14, ?15, 70, ?16, 0, ?17, ?18, ?19)",
            rusqlite::params![
                call.uid,
                call.trainee,
                scenario.id,
                scenario.title,
                scenario.version,
                scenario.language,
                scenario.hash,
                scenario.path,
                call.seed as i64,
                call.outcome,
                call.ending,
                call.scores.empathy,
                call.scores.accuracy,
                call.scores.resolution,
                call.scores.overall,
                call.passed,
                call.decisions.len() as i64,
                call.started_ms,
                call.ended_ms,
            ],
        )
        .expect("a v1 call");
        for d in &call.decisions {
            let answer = match d.answer {
                frontline::engine::Answer::Pick(n) => Some(n as i64),
                frontline::engine::Answer::Silence => None,
            };
            old.execute(
                "INSERT INTO decisions VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                rusqlite::params![
                    d.step as i64,
                    d.node,
                    d.prompt,
                    serde_json::to_string(&d.options).expect("JSON"),
                    answer,
                    d.text,
                    d.points.empathy,
                    d.points.accuracy,
                    d.points.resolution,
                    d.wrap_up,
                    d.elapsed_ms.map(|ms| ms as i64),
                ],
            )
            .expect("a v1 decision");
        }
    }

    let history = json_of(&["history", "--data-dir", path(&dir), "--format", "json"]);
    assert_eq!(
        json!([
            history[0]["id"],
            history[0]["uid"],
            history[0]["outcome"],
            history[0]["scores"],
            history[0]["choices"],
            history[0]["started"]
        ]),
        json!([
            1,
            call.uid,
            "Resolved",
            call.scores,
            call.choices(),
            rfc3339(call.started_ms)
        ])
    );
    let replay = json_of(&["replay", "1", "--data-dir", path(&dir), "--format", "json"]);
    assert_eq!(
        (
            replay["matches_record"].clone(),
            replay["scenario_changed"].clone()
        ),
        (json!(true), json!(false))
    );
    let store = Store::open(&dir).expect("opens");
    assert_eq!(store.schema_version().expect("reads"), SCHEMA_VERSION);
    assert_eq!(SCHEMA_VERSION, 4);
    // Version 2's outbox works on the old call: it is queued and, with no store up, kept.
    let output = export_to("http://127.0.0.1:9/xapi", &dir);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        format!(
            "http://127.0.0.1:9/xapi/statements: 0 statements sent, {} waiting\n",
            call.decisions.len() + 1
        )
    );
    // And the newer Frontline's calls are recorded beside it.
    play(&dir, &["--seed", "7", "--auto", "expert"]);
    assert_eq!(
        store
            .history(&Filter::default())
            .expect("reads")
            .iter()
            .map(|r| r.id)
            .collect::<Vec<_>>(),
        vec![2, 1]
    );
}
