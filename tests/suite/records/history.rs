//! `frontline play` records every call and `history` lists them, newest first.

use frontline::engine::Verdict;
use frontline::scenario::Outcome;
use frontline::words::ENGLISH;
use serde_json::{Value, json};

use super::harness::{json_of, path, play};
use crate::support::{frontline, stderr, stdout, temp_dir};

#[test]
fn play_records_every_call_and_history_lists_them_newest_first_with_scores() {
    let dir = temp_dir("records-history");
    let played: Vec<Value> = [
        [
            "--seed",
            "7",
            "--auto",
            "expert",
            "--trainee",
            "Ana",
            "--mode",
            "coach",
        ],
        [
            "--seed",
            "8",
            "--choices",
            "1,2",
            "--trainee",
            "Bo",
            "--mode",
            "coach",
        ],
        [
            "--seed",
            "9",
            "--auto",
            "worst",
            "--trainee",
            "Ana",
            "--mode",
            "exam",
        ],
    ]
    .iter()
    .map(|args| {
        let mut args = args.to_vec();
        args.extend(["--format", "json"]);
        serde_json::from_slice(&play(&dir, &args).stdout).expect("play prints JSON")
    })
    .collect();
    assert_eq!(
        (played[0]["outcome"].clone(), played[1]["outcome"].clone()),
        (json!("Resolved"), json!("Abandoned"))
    );

    let rows = json_of(&["history", "--data-dir", path(&dir), "--format", "json"]);
    let summary = |row: &Value| {
        json!([
            row["id"],
            row["trainee"],
            row["seed"],
            row["mode"],
            row["outcome"],
            row["scores"],
            row["passed"],
            row["abandoned"],
            row["choices"],
            row["result"]
        ])
    };
    let expected = |id: i64, trainee: &str, play: &Value, result: &str| {
        let choices: Vec<String> = play["choices"]
            .as_array()
            .expect("choices")
            .iter()
            .map(|c| c.to_string().trim_matches('"').to_owned())
            .collect();
        json!([
            id,
            trainee,
            play["seed"],
            play["mode"],
            play["outcome"],
            play["scores"],
            play["passed"],
            result == "abandoned",
            choices.join(","),
            result
        ])
    };
    let worst = if played[2]["passed"] == json!(true) {
        "passed"
    } else {
        "failed"
    };
    assert_eq!(
        rows.as_array()
            .expect("an array")
            .iter()
            .map(summary)
            .collect::<Vec<_>>(),
        vec![
            expected(3, "Ana", &played[2], worst),
            expected(2, "Bo", &played[1], "abandoned"),
            expected(1, "Ana", &played[0], "passed"),
        ]
    );
    assert_eq!(
        rows[2]["scores"],
        json!({ "empathy": 100.0, "accuracy": 100.0, "resolution": 100.0, "overall": 100.0 })
    );

    let ana = json_of(&[
        "history",
        "--data-dir",
        path(&dir),
        "--trainee",
        "Ana",
        "--format",
        "json",
    ]);
    let ids: Vec<&Value> = ana
        .as_array()
        .expect("an array")
        .iter()
        .map(|r| &r["id"])
        .collect();
    assert_eq!(ids, vec![&json!(3), &json!(1)]);
    let none = json_of(&[
        "history",
        "--data-dir",
        path(&dir),
        "--scenario",
        "other",
        "--format",
        "json",
    ]);
    assert_eq!(none, json!([]));

    // Text: the times differ run to run; everything else is fixed.
    let text = stdout(&frontline(&["history", "--data-dir", path(&dir)]));
    let without_times: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, line)| {
            if i == 0 || !line.starts_with(' ') {
                line.to_owned()
            } else {
                format!("{}{}", &line[..7], &line[23..])
            }
        })
        .collect();
    // Outcomes, scores and results in the table's words: English, as its headings.
    let words = &ENGLISH;
    let s = &played[2]["scores"];
    let score = |name: &str| words.score(s[name].as_f64().expect("a score"));
    let outcome: Outcome = played[2]["outcome"]
        .as_str()
        .and_then(|code| code.parse().ok())
        .expect("an outcome");
    assert_eq!(
        without_times,
        vec![
            "   ID  ENDED (UTC)       TRAINEE        SCENARIO                   MODE     OUTCOME                 EMP    ACC    RES    ALL  RESULT".to_owned(),
            format!(
                "    3    Ana            example-late-bill          exam     {:<20} {:>6} {:>6} {:>6} {:>6}  {}",
                words.outcome(outcome),
                score("empathy"),
                score("accuracy"),
                score("resolution"),
                score("overall"),
                words.verdict(if worst == "passed" { Verdict::Passed } else { Verdict::Failed }),
            ),
            "    2    Bo             example-late-bill          coach    abandoned                0%     0%     0%     0%  ABANDONED".to_owned(),
            "    1    Ana            example-late-bill          coach    resolved               100%   100%   100%   100%  PASSED".to_owned(),
            "3 calls".to_owned(),
        ]
    );
}

#[test]
fn play_says_on_stderr_which_record_it_wrote_and_keeps_stdout_the_same_for_the_same_call() {
    let dir = temp_dir("records-stderr");
    let first = play(&dir, &["--seed", "3", "--auto", "random"]);
    let second = play(&dir, &["--seed", "3", "--auto", "random"]);
    assert_eq!(stdout(&first), stdout(&second));
    assert_eq!(
        (stderr(&first), stderr(&second)),
        (
            "recorded as call 1 (frontline replay 1)\n".to_owned(),
            "recorded as call 2 (frontline replay 2)\n".to_owned()
        )
    );
}
