//! Call records: `play` records, `history` lists, `replay` plays again, `export` writes CSV
//! and xAPI and sends to a learning record store; the store survives a killed writer and
//! opens an older schema.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant, UNIX_EPOCH};

use frontline::engine::{Mode, Prepared, Session};
use frontline::library::{Library, content_hash};
use frontline::records::{Call, Filter, SCHEMA_VERSION, ScenarioRef, Store, rfc3339};
use serde_json::{Value, json};

use super::support::{frontline, project, stderr, stdout, temp_dir};

const EXAMPLE: &str = "docs/example.ron";

/// `frontline play` of the example into a data folder.
fn play(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["play", EXAMPLE, "--data-dir", path(dir)];
    all.extend_from_slice(args);
    let output = frontline(&all);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    output
}

fn path(dir: &Path) -> &str {
    dir.to_str().expect("temp folders have UTF-8 names")
}

/// A command on a data folder, as JSON.
fn json_of(args: &[&str]) -> Value {
    let output = frontline(args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    serde_json::from_slice(&output.stdout).expect("the output is JSON")
}

fn example_file() -> PathBuf {
    project(EXAMPLE)
        .canonicalize()
        .expect("docs/example.ron exists")
}

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
    let s = &played[2]["scores"];
    assert_eq!(
        without_times,
        vec![
            "   ID  ENDED (UTC)       TRAINEE        SCENARIO                   MODE   OUTCOME              EMP    ACC    RES    ALL  RESULT".to_owned(),
            format!(
                "    3    Ana            example-late-bill          exam   {:<17} {:>6.1} {:>6.1} {:>6.1} {:>6.1}  {worst}",
                played[2]["outcome"].as_str().expect("an outcome"),
                s["empathy"].as_f64().expect("a score"),
                s["accuracy"].as_f64().expect("a score"),
                s["resolution"].as_f64().expect("a score"),
                s["overall"].as_f64().expect("a score"),
            ),
            "    2    Bo             example-late-bill          coach  Abandoned            0.0    0.0    0.0    0.0  abandoned".to_owned(),
            "    1    Ana            example-late-bill          coach  Resolved           100.0  100.0  100.0  100.0  passed".to_owned(),
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

#[test]
fn a_call_that_cannot_be_recorded_is_still_played_with_a_warning() {
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
    assert!(
        stderr(&output).starts_with(&format!(
            "warning: the call was not recorded: cannot open the call records at {}: cannot create the folder: ",
            blocker.display()
        )),
        "{}",
        stderr(&output)
    );
}

/// Reads a child's output as it comes, giving everything read so far after each piece.
fn collect(mut from: impl Read + Send + 'static) -> std::sync::mpsc::Receiver<String> {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut piece = [0; 4096];
        while let Ok(read @ 1..) = from.read(&mut piece) {
            all.extend_from_slice(&piece[..read]);
            if sender
                .send(String::from_utf8_lossy(&all).into_owned())
                .is_err()
            {
                break;
            }
        }
    });
    receiver
}

/// Waits until the output read so far holds `prompts` answer prompts.
fn wait_for_prompts(output: &std::sync::mpsc::Receiver<String>, prompts: usize) -> String {
    loop {
        let text = output
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|e| panic!("no prompt {prompts} from `frontline play`: {e}"));
        if text.matches("\n> ").count() >= prompts {
            return text;
        }
    }
}

#[cfg(unix)]
#[test]
fn an_interactive_call_broken_off_with_ctrl_c_is_recorded_as_abandoned() {
    let dir = temp_dir("records-interrupted");
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(["play", EXAMPLE, "--seed", "7", "--trainee", "Ana"])
        .args(["--data-dir", path(&dir)])
        .current_dir(project(""))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("frontline play starts");
    let mut stdin = child.stdin.take().expect("a stdin");
    let output = collect(child.stdout.take().expect("a stdout"));
    wait_for_prompts(&output, 1);
    // The expert's first answer, then Ctrl-C at the second decision, stdin still open.
    stdin.write_all(b"3\n").expect("answers");
    wait_for_prompts(&output, 2);
    let interrupt = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(interrupt.success());
    let ended = child.wait_with_output().expect("frontline play ends");
    drop(stdin);
    assert_eq!(ended.status.code(), Some(130), "{}", stderr(&ended));
    assert_eq!(
        stderr(&ended),
        "\ninterrupted: the call is recorded as abandoned\nrecorded as call 1 (frontline replay 1)\n"
    );
    let history = json_of(&["history", "--data-dir", path(&dir), "--format", "json"]);
    let recorded = &history[0];
    assert_eq!(
        (
            history.as_array().map(Vec::len),
            recorded["trainee"].clone(),
            recorded["outcome"].clone(),
            recorded["abandoned"].clone(),
            recorded["choices"].clone(),
            recorded["result"].clone(),
        ),
        (
            Some(1),
            json!("Ana"),
            json!("Abandoned"),
            json!(true),
            json!("3"),
            json!("abandoned")
        )
    );
}

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
            "The replay's scores differ from the recorded ones: Empathy {}%  Accuracy {}%  Resolution {}%  Overall {}%  — FAILED\n",
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
            "elapsed_ms"
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
            "",
            "0",
            "0",
            "0",
            ""
        ])
    );
}

#[test]
fn xapi_export_carries_every_required_field_and_the_same_ids_every_time() {
    let dir = temp_dir("records-xapi");
    play(
        &dir,
        &[
            "--seed",
            "7",
            "--auto",
            "expert",
            "--trainee",
            "ana@example.com",
        ],
    );
    play(&dir, &["--seed", "9", "--auto", "worst", "--trainee", "Bo"]);
    play(
        &dir,
        &["--seed", "8", "--choices", "3,t", "--trainee", "Bo"],
    );
    let first = dir.join("first.json");
    let second = dir.join("second.json");
    for file in [&first, &second] {
        let output = frontline(&["export", "--xapi", path(file), "--data-dir", path(&dir)]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    }
    assert_eq!(
        std::fs::read(&first).expect("exported"),
        std::fs::read(&second).expect("exported")
    );
    let statements: Vec<Value> =
        serde_json::from_slice(&std::fs::read(&first).expect("exported")).expect("JSON");
    let history = json_of(&["history", "--data-dir", path(&dir), "--format", "json"]);
    let decisions: usize = history
        .as_array()
        .expect("an array")
        .iter()
        .map(|r| r["decisions"].as_array().expect("decisions").len())
        .sum();
    assert_eq!(statements.len(), decisions + 3);

    let mut ids: Vec<&str> = statements
        .iter()
        .map(|s| s["id"].as_str().expect("an id"))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), statements.len(), "statement ids are unique");

    let base = "https://frontline.invalid/xapi";
    let scenario = format!("{base}/scenarios/example-late-bill");
    for statement in &statements {
        let id = statement["id"].as_str().expect("an id");
        assert_eq!(
            uuid::Uuid::parse_str(id).map(|u| u.get_version_num()),
            Ok(5),
            "{id}"
        );
        assert_eq!(statement["actor"]["objectType"], "Agent");
        assert!(
            statement["timestamp"]
                .as_str()
                .expect("a timestamp")
                .ends_with('Z')
        );
        let registration = statement["context"]["registration"]
            .as_str()
            .expect("a registration");
        assert!(
            uuid::Uuid::parse_str(registration).is_ok(),
            "{registration}"
        );
        let verb = statement["verb"]["id"].as_str().expect("a verb");
        let object = &statement["object"];
        assert_eq!(object["objectType"], "Activity");
        if verb == "http://adlnet.gov/expapi/verbs/answered" {
            let definition = &object["definition"];
            assert_eq!(
                definition["type"],
                "http://adlnet.gov/expapi/activities/cmi.interaction"
            );
            assert_eq!(definition["interactionType"], "choice");
            let choices: Vec<&str> = definition["choices"]
                .as_array()
                .expect("choices")
                .iter()
                .map(|c| c["id"].as_str().expect("a choice id"))
                .collect();
            let response = statement["result"]["response"]
                .as_str()
                .expect("a response");
            let timed_out = statement["result"]["extensions"]
                [format!("{base}/extensions/timed-out")]
            .as_bool()
            .expect("timed-out");
            assert!(if timed_out {
                response.is_empty()
            } else {
                choices.contains(&response)
            });
            assert!(statement["result"]["score"]["raw"].is_i64());
            assert_eq!(
                statement["context"]["contextActivities"]["parent"][0]["id"],
                scenario.as_str()
            );
        } else {
            assert_eq!(object["id"], scenario.as_str());
        }
    }

    // The call statements, in the order the calls were played.
    let finals: Vec<Value> = statements
        .iter()
        .filter(|s| s["verb"]["id"] != "http://adlnet.gov/expapi/verbs/answered")
        .map(|s| {
            json!([
                s["actor"],
                s["verb"],
                s["result"]["score"]["scaled"],
                s["result"]["success"],
                s["result"]["completion"],
                s["result"]["extensions"][format!("{base}/extensions/empathy")],
                s["result"]["extensions"][format!("{base}/extensions/outcome")],
            ])
        })
        .collect();
    let bo = json!({ "objectType": "Agent", "name": "Bo", "account": { "homePage": base, "name": "Bo" } });
    let worst = &history[1];
    assert_eq!(
        finals,
        vec![
            json!([
                { "objectType": "Agent", "name": "ana@example.com", "mbox": "mailto:ana@example.com" },
                { "id": "http://adlnet.gov/expapi/verbs/passed", "display": { "en-US": "passed" } },
                1.0, true, true, 100.0, "Resolved",
            ]),
            json!([
                bo,
                { "id": "http://adlnet.gov/expapi/verbs/failed", "display": { "en-US": "failed" } },
                worst["scores"]["overall"].as_f64().expect("a score") / 100.0, false, true,
                worst["scores"]["empathy"], worst["outcome"],
            ]),
            json!([
                bo,
                { "id": "http://adlnet.gov/expapi/verbs/terminated", "display": { "en-US": "terminated" } },
                history[0]["scores"]["overall"].as_f64().expect("a score") / 100.0, false, false,
                history[0]["scores"]["empathy"], "Abandoned",
            ]),
        ]
    );
    let last = statements.last().expect("statements");
    let duration = last["result"]["duration"].as_str().expect("a duration");
    assert!(
        duration.starts_with("PT") && duration.ends_with('S'),
        "{duration}"
    );
}

/// One HTTP request as the test server saw it.
struct Request {
    head: String,
    body: Vec<Value>,
}

/// A learning record store on 127.0.0.1 that answers one request per status given, then
/// stops, handing back what it received.
fn fake_lrs(statuses: Vec<u16>) -> (String, std::thread::JoinHandle<Vec<Request>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binds a local port");
    let url = format!(
        "http://{}/xapi/",
        listener.local_addr().expect("an address")
    );
    let server = std::thread::spawn(move || {
        let mut seen = Vec::new();
        for status in statuses {
            let (mut stream, _) = listener.accept().expect("a request comes");
            let mut bytes = Vec::new();
            let mut buffer = [0u8; 65536];
            let (head, body) = loop {
                let n = stream.read(&mut buffer).expect("reads the request");
                assert!(n > 0, "the request ended early");
                bytes.extend_from_slice(&buffer[..n]);
                let Some(end) = bytes.windows(4).position(|w| w == b"\r\n\r\n") else {
                    continue;
                };
                let head = String::from_utf8_lossy(&bytes[..end]).into_owned();
                let length: usize = head
                    .lines()
                    .find_map(|l| {
                        l.to_ascii_lowercase()
                            .strip_prefix("content-length:")
                            .map(|v| v.trim().to_owned())
                    })
                    .and_then(|v| v.parse().ok())
                    .expect("a Content-Length");
                if bytes.len() >= end + 4 + length {
                    break (head, bytes[end + 4..end + 4 + length].to_vec());
                }
            };
            let body: Vec<Value> = serde_json::from_slice(&body).expect("the body is a JSON array");
            let ids: Vec<&str> = body
                .iter()
                .map(|s| s["id"].as_str().expect("an id"))
                .collect();
            let reply = if status == 200 {
                serde_json::to_string(&ids).expect("JSON")
            } else {
                "{\"error\": \"try later\"}".to_owned()
            };
            let response = format!(
                "HTTP/1.1 {status} Whatever\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{reply}",
                reply.len()
            );
            stream.write_all(response.as_bytes()).expect("answers");
            seen.push(Request { head, body });
        }
        seen
    });
    (url, server)
}

/// `frontline export` with the LRS password in the environment.
fn export_to(url: &str, dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(["export", "--lrs", url, "--data-dir", path(dir)])
        .env("FRONTLINE_LRS_AUTH", "trainer:s3cret")
        .output()
        .expect("the frontline binary runs")
}

#[test]
fn statements_the_lrs_does_not_take_are_kept_and_sent_on_the_next_export() {
    let dir = temp_dir("records-lrs");
    // 12 expert calls of 6 statements: 72, two requests of at most 50.
    for seed in 0..12 {
        play(&dir, &["--seed", &seed.to_string(), "--auto", "expert"]);
    }
    let file = dir.join("all.json");
    frontline(&["export", "--xapi", path(&file), "--data-dir", path(&dir)]);
    let all: Vec<Value> =
        serde_json::from_slice(&std::fs::read(&file).expect("exported")).expect("JSON");
    assert_eq!(all.len(), 72);

    // The store takes the first batch, is down for the second, then takes it.
    let (url, server) = fake_lrs(vec![200, 503, 200]);
    let endpoint = format!("{url}statements");
    let output = export_to(&url, &dir);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        format!("{endpoint}: 50 statements sent, 22 waiting\n")
    );
    assert_eq!(
        stderr(&output),
        format!(
            "error: the learning record store at {endpoint} answered 503 Service Unavailable: {{\"error\": \"try later\"}}\n22 statements are kept in {} and will be sent next time\n",
            dir.join("records.sqlite3").display()
        )
    );
    let output = export_to(&url, &dir);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!("{endpoint}: 22 statements sent, 0 waiting\n")
    );
    let requests = server.join().expect("the server ran");

    assert_eq!(
        requests.iter().map(|r| r.body.len()).collect::<Vec<_>>(),
        vec![50, 22, 22]
    );
    for request in &requests {
        let head = request.head.to_ascii_lowercase();
        assert!(
            head.starts_with("post /xapi/statements http/1.1\r\n"),
            "{head}"
        );
        assert!(
            head.contains("\r\nx-experience-api-version: 1.0.3"),
            "{head}"
        );
        assert!(
            head.contains("\r\nauthorization: basic dhjhaw5lcjpzm2nyzxq="),
            "{head}"
        );
        assert!(
            head.contains("\r\ncontent-type: application/json"),
            "{head}"
        );
    }
    assert_eq!(requests[1].body, requests[2].body);
    let accepted: Vec<&Value> = requests[0].body.iter().chain(&requests[2].body).collect();
    assert_eq!(accepted, all.iter().collect::<Vec<_>>());

    // Nothing is left, so nothing is sent: the server is gone and the export still succeeds.
    let output = export_to(&url, &dir);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!("{endpoint}: 0 statements sent, 0 waiting\n")
    );
}

/// The environment variable that makes the writer test a child of the kill test.
const WRITER_DIR: &str = "FRONTLINE_KILL_TEST_DIR";

/// The example, prepared, and how a call of it is referred to.
fn example() -> (Arc<Prepared>, ScenarioRef) {
    let file = example_file();
    let library = Library::load(std::slice::from_ref(&file), None).expect("the example loads");
    let entry = &library.entries[0];
    let prepared = entry.prepared.clone().expect("the example is playable");
    let scenario = ScenarioRef::new(prepared.scenario(), &entry.path, &entry.hash);
    (prepared, scenario)
}

/// The call the writer plays for a seed: the expert's answers, but even seeds leave after two.
fn call_for(seed: u64, prepared: &Arc<Prepared>, scenario: &ScenarioRef) -> Call {
    let mut session = Session::new(Arc::clone(prepared), seed, Mode::Coach);
    while let Some(answer) = session.expert_answer() {
        if seed.is_multiple_of(2) && session.decisions().len() == 2 {
            break;
        }
        session
            .answer_timed(answer, Some(seed * 10))
            .expect("the expert's answer fits");
    }
    session.abandon();
    let at = UNIX_EPOCH + Duration::from_secs(1_700_000_000 + seed);
    Call::of(
        &session,
        "writer",
        scenario.clone(),
        at,
        at + Duration::from_secs(60),
    )
}

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
                "records::writer_records_calls_until_it_is_killed",
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
    assert_eq!(SCHEMA_VERSION, 2);
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
