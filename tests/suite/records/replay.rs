//! `frontline replay` plays a recorded call again: the same transcript and scores, or why not.

use frontline::library::content_hash;
use serde_json::{Value, json};

use super::harness::{EXAMPLE, example_file, json_of, path, play};
use crate::support::{frontline, project, stderr, stdout, temp_dir};

#[test]
fn replay_of_each_recorded_call_gives_the_transcript_and_scores_play_gave() {
    let dir = temp_dir("records-replay");
    let calls: [&[&str]; 4] = [
        &["--seed", "7", "--auto", "expert", "--trainee", "Ana"],
        &["--seed", "8", "--choices", "1,t,2", "--trainee", "Ana"],
        &[
            "--seed",
            "9",
            "--auto",
            "worst",
            "--mode",
            "exam",
            "--trainee",
            "Bo",
        ],
        &["--seed", "10", "--auto", "random", "--trainee", "Bo"],
    ];
    for (i, args) in calls.iter().enumerate() {
        // Each call is played twice, as text then as JSON: records 1 and 2, 3 and 4...
        let record = 2 * i + 1;
        let id = record.to_string();
        let text = stdout(&play(&dir, args));
        let mut with_json = args.to_vec();
        with_json.extend(["--format", "json"]);
        // The same call again (same seed and answers) as JSON: record id + 1.
        let played: Value = serde_json::from_slice(&play(&dir, &with_json).stdout).expect("JSON");

        let replayed = frontline(&["replay", &id, "--data-dir", path(&dir)]);
        assert_eq!(replayed.status.code(), Some(0), "{}", stderr(&replayed));
        let replayed = stdout(&replayed);
        let (header, rest) = replayed.split_once('\n').expect("a header line");
        assert!(
            header.starts_with(&format!("Call {id} — {}, ", args[args.len() - 1]))
                && header.ends_with(&format!(" UTC, from {}", example_file().display())),
            "{header}"
        );
        assert_eq!(
            rest,
            format!("{text}The replay's scores are the recorded ones.\n")
        );

        let value = json_of(&["replay", &id, "--data-dir", path(&dir), "--format", "json"]);
        assert_eq!(value["replay"], played);
        assert_eq!(
            (
                value["record"].clone(),
                value["scenario_changed"].clone(),
                value["matches_record"].clone()
            ),
            (json!(record), json!(false), json!(true))
        );
        assert_eq!(value["recorded_scores"], played["scores"]);
    }
}

#[test]
fn replay_of_a_changed_scenario_says_so_and_replays_only_while_the_answers_still_fit() {
    let dir = temp_dir("records-changed");
    let file = dir.join("example.ron");
    let original = std::fs::read_to_string(project(EXAMPLE)).expect("reads the example");
    std::fs::write(&file, &original).expect("copies the example");
    // The expert's first two answers, then the call is left.
    let output = frontline(&[
        "play",
        path(&file),
        "--seed",
        "7",
        "--choices",
        "3,2",
        "--data-dir",
        path(&dir),
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let played: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let file = file.canonicalize().expect("exists");
    let note = |now: &str| {
        format!(
            "NOTE: the scenario file {} has changed since this call was recorded (SHA-256 {} then, {} now); the recorded answers still fit it.",
            file.display(),
            &content_hash(original.as_bytes())[..12],
            &content_hash(now.as_bytes())[..12]
        )
    };

    // Only the coaching changed: the same call, the same scores.
    let reworded = original.replace(
        "Completes verification with a second factor.",
        "Verified with a second factor.",
    );
    assert_ne!(reworded, original);
    std::fs::write(&file, &reworded).expect("edits");
    let replayed = frontline(&["replay", "1", "--data-dir", path(&dir)]);
    assert_eq!(replayed.status.code(), Some(0), "{}", stderr(&replayed));
    let text = stdout(&replayed);
    assert_eq!(text.lines().nth(1), Some(note(&reworded).as_str()));
    assert!(
        text.contains(
            "\n   coach: Verified with a second factor. (empathy +0, accuracy +2, resolution +0)\n"
        ),
        "{text}"
    );
    assert!(
        text.ends_with("The replay's scores are the recorded ones.\n"),
        "{text}"
    );
    let value = json_of(&["replay", "1", "--data-dir", path(&dir), "--format", "json"]);
    assert_eq!(
        (
            value["scenario_changed"].clone(),
            value["matches_record"].clone()
        ),
        (json!(true), json!(true))
    );

    // The points of an answer changed: it replays, and says the scores differ from the record.
    let repointed = reworded.replace(
        "sets: [\"verified\"],\n                    points: (accuracy: 2),",
        "sets: [\"verified\"],\n                    points: (accuracy: 1),",
    );
    assert_ne!(repointed, reworded);
    std::fs::write(&file, &repointed).expect("edits");
    let replayed = frontline(&["replay", "1", "--data-dir", path(&dir)]);
    assert_eq!(replayed.status.code(), Some(0), "{}", stderr(&replayed));
    let text = stdout(&replayed);
    assert_eq!(text.lines().nth(1), Some(note(&repointed).as_str()));
    let score = |name: &str| played["scores"][name].as_f64().expect("a score");
    assert!(
        text.ends_with(&format!(
            "The replay's scores differ from the recorded ones: Empathy {}%  Accuracy {}%  Resolution {}%  Overall {}%  — ABANDONED\n",
            score("empathy"),
            score("accuracy"),
            score("resolution"),
            score("overall")
        )),
        "{text}"
    );
    let value = json_of(&["replay", "1", "--data-dir", path(&dir), "--format", "json"]);
    assert_eq!(
        (
            value["scenario_changed"].clone(),
            value["matches_record"].clone()
        ),
        (json!(true), json!(false))
    );

    // A choice the call took is now something else: no replay, and why.
    let rewritten = repointed.replace(
        "Thank you, Mrs Rossi. And to confirm, your date of birth?",
        "Thank you. Your date of birth?",
    );
    std::fs::write(&file, &rewritten).expect("edits");
    let refused = frontline(&["replay", "1", "--data-dir", path(&dir)]);
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(stdout(&refused), "");
    assert_eq!(
        stderr(&refused),
        format!(
            "error: the scenario file {} has changed since call 1 was recorded, and the recorded answers no longer fit it: step 2: the recorded answer was “Thank you, Mrs Rossi. And to confirm, your date of birth?”, the same number now picks “Thank you. Your date of birth?”\n",
            file.display()
        )
    );
}

#[test]
fn replay_of_a_record_that_does_not_exist_is_a_usage_error_naming_the_store() {
    let dir = temp_dir("records-missing");
    let output = frontline(&["replay", "42", "--data-dir", path(&dir)]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        format!(
            "error: no call 42 in the records at {} (`frontline history` lists them)\n",
            dir.join("records.sqlite3").display()
        )
    );
}
