//! `frontline play --replies FILE`: a call answered in the trainee's own words plays exactly
//! as the same choices picked by number.

use serde_json::{Value, json};

use super::support::{frontline, stderr, stdout, temp_dir};

/// Plays the documented example with seed 7, answered by `replies` (written to a file), as JSON.
fn play_typed(name: &str, replies: &str) -> Value {
    let file = temp_dir(name).join("replies.txt");
    std::fs::write(&file, replies).expect("the replies can be written");
    let file = file.to_str().expect("a UTF-8 path");
    play(&[
        "play",
        "docs/example.ron",
        "--seed",
        "7",
        "--replies",
        file,
        "--format",
        "json",
    ])
}

fn play(args: &[&str]) -> Value {
    let output = frontline(args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).expect("JSON on stdout")
}

#[test]
fn typed_replies_play_the_call_the_matched_choices_would_with_the_same_transcript_and_scores() {
    let typed = play_typed(
        "typed-replies",
        "I can hear you're worried, let's go through it together. What's your customer number?\n\
         \n\
         thanks mrs rossi, can u confirm ur date of birth\n\
         I'll send you a breakdown of the bill showing the winter months and the new price\n\
         i can offer 3 monthly instalments of 70,80 with no fees\n\
         bill plan, instalments agreed\n",
    );
    let picked: Vec<&str> = typed["decisions"]
        .as_array()
        .expect("decisions")
        .iter()
        .map(|d| d["text"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        picked,
        [
            "I can hear this has worried you. Let's look at it together — may I have your customer number?",
            "",
            "Thank you, Mrs Rossi. And to confirm, your date of birth?",
            "Send a breakdown of the bill: the winter months and the new unit price.",
            "Offer three monthly instalments of € 70.80, no fees.",
            "BILL-PLAN — bill explained, instalments agreed",
        ]
    );
    let numbers: Vec<String> = typed["choices"]
        .as_array()
        .expect("choices")
        .iter()
        .map(|c| c.to_string().trim_matches('"').to_owned())
        .collect();
    let by_number = play(&[
        "play",
        "docs/example.ron",
        "--seed",
        "7",
        "--choices",
        &numbers.join(","),
        "--format",
        "json",
    ]);
    // The same call, but for the replies and the words kept with each decision.
    let mut without_replies = typed.clone();
    without_replies
        .as_object_mut()
        .expect("an object")
        .remove("replies");
    let kept: Vec<Value> = without_replies["decisions"]
        .as_array_mut()
        .expect("decisions")
        .iter_mut()
        .map(|d| {
            d.as_object_mut()
                .and_then(|d| d.remove("typed"))
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(without_replies, by_number);
    let words: Vec<&str> = kept
        .iter()
        .map(|t| t["words"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        words,
        [
            "I can hear you're worried, let's go through it together. What's your customer number?",
            "",
            "thanks mrs rossi, can u confirm ur date of birth",
            "I'll send you a breakdown of the bill showing the winter months and the new price",
            "i can offer 3 monthly instalments of 70,80 with no fees",
            "bill plan, instalments agreed",
        ],
        "each decision keeps the words typed for it (none for the silence)"
    );
    assert_eq!(typed["outcome"], "Resolved");
}

#[test]
fn the_json_of_a_typed_call_shows_each_reply_and_what_it_was_matched_to() {
    let value = play_typed(
        "typed-replies-json",
        "may i have your customer number, i can hear you are worried\n\nthanks, and your date of birth please?\n",
    );
    let replies = value["replies"].as_array().expect("replies");
    let shown: Vec<(u64, &str, &str)> = replies
        .iter()
        .map(|r| {
            (
                r["step"].as_u64().unwrap(),
                r["reply"].as_str().unwrap(),
                r["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            (
                1,
                "may i have your customer number, i can hear you are worried",
                "I can hear this has worried you. Let's look at it together — may I have your customer number?"
            ),
            (2, "", ""),
            (
                3,
                "thanks, and your date of birth please?",
                "Thank you, Mrs Rossi. And to confirm, your date of birth?"
            ),
        ]
    );
    assert_eq!(replies[0]["number"], typed_number(&value, 0));
    assert_eq!(
        (
            replies[1]["number"].clone(),
            replies[1]["confident"].clone()
        ),
        (json!(null), json!(false))
    );
    assert!(
        replies[2]["score"].as_f64().is_some_and(|s| s > 0.5),
        "{}",
        replies[2]
    );
    assert_eq!(value["outcome"], "Abandoned");
}

/// The number picked at decision `i`, as `--choices` takes it.
fn typed_number(value: &Value, i: usize) -> Value {
    value["choices"][i].clone()
}

#[test]
fn an_empty_reply_where_no_timer_runs_is_bad_usage_naming_the_line() {
    let dir = temp_dir("typed-replies-silence");
    let file = dir.join("replies.txt");
    std::fs::write(&file, "\n").expect("written");
    let output = frontline(&[
        "play",
        "docs/example.ron",
        "--seed",
        "7",
        "--replies",
        file.to_str().expect("a UTF-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("replies.txt:1:"),
        "{}",
        stderr(&output)
    );
}
