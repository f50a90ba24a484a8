//! The training centre: statements sent to real learning record stores (Learning Locker's
//! statements service, and Ralph) and read back, through every fault a network and a store
//! can make; the team view and assignments on top. One file per behaviour, sharing
//! [`real_lrs`] (the store and a faulty proxy) and the calls made here.

mod assignments;
mod lrs_faults;
mod lrs_round_trip;
mod ralph;
pub(crate) mod real_lrs;
mod team;

use std::path::Path;

use frontline::records::{Filter, Record, Store};
use serde_json::Value;

use crate::support::{frontline, stderr};

/// Plays the documented example into a data folder: `--auto PLAYER` for each trainee and seed.
pub(crate) fn play_calls(dir: &Path, calls: &[(&str, &str, u64)]) {
    for (trainee, player, seed) in calls {
        let output = frontline(&[
            "play",
            "docs/example.ron",
            "--data-dir",
            dir.to_str().expect("a UTF-8 temp folder"),
            "--trainee",
            trainee,
            "--auto",
            player,
            "--seed",
            &seed.to_string(),
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    }
}

/// The calls recorded in a data folder, oldest first, with the store they are in.
pub(crate) fn recorded(dir: &Path) -> (Store, Vec<Record>) {
    let store = Store::open(dir).expect("the records open");
    let mut records = store.history(&Filter::default()).expect("the records read");
    records.reverse();
    (store, records)
}

/// A JSON value with every number as a float: JSON does not tell `100` from `100.0`.
fn numbers_as_floats(value: Value) -> Value {
    match value {
        Value::Number(n) => n.as_f64().map_or(Value::Number(n), Value::from),
        Value::Array(items) => items.into_iter().map(numbers_as_floats).collect(),
        Value::Object(fields) => fields
            .into_iter()
            .map(|(k, v)| (k, numbers_as_floats(v)))
            .collect(),
        other => other,
    }
}

/// Asserts that a store holds exactly these statements, each once, whatever the order.
pub(crate) fn assert_holds(held: Vec<Value>, expected: Vec<Value>) {
    let order = |statements: Vec<Value>| {
        let mut statements: Vec<Value> = statements.into_iter().map(numbers_as_floats).collect();
        statements.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
        statements
    };
    let (held, expected) = (order(held), order(expected));
    let ids = |statements: &[Value]| -> Vec<String> {
        statements.iter().map(|s| s["id"].to_string()).collect()
    };
    assert_eq!(ids(&held), ids(&expected), "the statement ids");
    for (held, expected) in held.iter().zip(&expected) {
        assert!(
            held == expected,
            "the store holds\n{held:#}\nwhere Frontline sent\n{expected:#}"
        );
    }
}
