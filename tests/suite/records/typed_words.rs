//! A call answered in the trainee's own words keeps the words with each decision: in the
//! store, in `history`, in the CSV of decisions and as the response of its xAPI statements;
//! and it replays to the same call.

use serde_json::Value;

use super::harness::{json_of, path, play};
use crate::support::{frontline, stderr, temp_dir};

/// The example answered in words (seed 7): a paraphrase, a silence, then more paraphrases.
const REPLIES: &str = "I can hear you're worried, let's go through it together. What's your customer number?\n\
                       \n\
                       thanks mrs rossi, can u confirm ur date of birth\n\
                       I'll send you a breakdown of the bill showing the winter months and the new price\n\
                       i can offer 3 monthly instalments of 70,80 with no fees\n\
                       bill plan, instalments agreed\n";

#[test]
fn the_words_typed_are_kept_listed_exported_as_the_response_and_the_call_replays() {
    let dir = temp_dir("records-typed-words");
    let replies = dir.join("replies.txt");
    std::fs::write(&replies, REPLIES).expect("the replies are written");
    play(&dir, &["--seed", "7", "--replies", path(&replies)]);

    let history = json_of(&["history", "--data-dir", path(&dir), "--format", "json"]);
    let decisions = history[0]["decisions"].as_array().expect("decisions");
    let typed: Vec<Option<&str>> = decisions
        .iter()
        .map(|d| d["typed"]["words"].as_str())
        .collect();
    assert_eq!(
        typed,
        [
            Some(
                "I can hear you're worried, let's go through it together. What's your customer number?"
            ),
            None,
            Some("thanks mrs rossi, can u confirm ur date of birth"),
            Some(
                "I'll send you a breakdown of the bill showing the winter months and the new price"
            ),
            Some("i can offer 3 monthly instalments of 70,80 with no fees"),
            Some("bill plan, instalments agreed"),
        ]
    );
    assert_eq!(decisions[0]["typed"]["taken"], "understood");
    assert_eq!(decisions[0]["typed"]["confident"], true);

    let replay = json_of(&["replay", "1", "--data-dir", path(&dir), "--format", "json"]);
    assert_eq!(replay["matches_record"], true);

    let csv = dir.join("decisions.csv");
    let output = frontline(&[
        "export",
        "--csv",
        path(&csv),
        "--decisions",
        "--data-dir",
        path(&dir),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(&csv).expect("exported");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().expect("a header").clone();
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(
        rows[2].get(column("typed")),
        Some("thanks mrs rossi, can u confirm ur date of birth")
    );
    assert_eq!(rows[2].get(column("match")), Some("understood"));
    assert!(
        rows[2]
            .get(column("match_score"))
            .is_some_and(|s| s.parse::<f64>().is_ok_and(|s| s > 0.5 && s <= 1.0)),
        "{:?}",
        rows[2]
    );
    assert_eq!(
        rows[1].get(column("typed")),
        Some(""),
        "a silence has no words"
    );

    let file = dir.join("statements.json");
    let output = frontline(&["export", "--xapi", path(&file), "--data-dir", path(&dir)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let statements: Vec<Value> =
        serde_json::from_slice(&std::fs::read(&file).expect("exported")).expect("JSON");
    let typed = &statements[2];
    assert_eq!(
        typed["result"]["response"],
        "thanks mrs rossi, can u confirm ur date of birth"
    );
    assert_eq!(
        typed["object"]["definition"]["interactionType"],
        "long-fill-in"
    );
    let extensions = typed["result"]["extensions"]
        .as_object()
        .expect("extensions");
    let matched = extensions
        .iter()
        .find(|(k, _)| k.ends_with("/match"))
        .map(|(_, v)| v)
        .expect("what the matcher made of the words");
    assert_eq!(matched["taken"], "understood");
    assert!(
        extensions.keys().any(|k| k.ends_with("/choice")),
        "the answer taken, by its choice's id"
    );
    let silence = &statements[1];
    assert_eq!(silence["object"]["definition"]["interactionType"], "choice");
    assert_eq!(silence["result"]["response"], "");
}
