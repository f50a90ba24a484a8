//! The terminal speaks the scenario's language: an Italian call, played and replayed with
//! `frontline`, shows no English label, in text or in JSON (whose keys and codes stay).

use serde_json::Value;

use crate::support::{frontline, stderr, stdout, temp_dir};

const ITALIAN: &str = "scenarios/it/cliente-aggressivo-it.ron";

/// Every word of the English labels the terminal used to print around a call, lowercase:
/// none of them may show in an Italian call's text (nor is any of them Italian; "call" is left
/// out, Italian says "call center" too).
const ENGLISH_LABELS: &[&str] = &[
    "customer",
    "you",
    "coach",
    "action",
    "silence",
    "seconds",
    "passed",
    "rule",
    "broken",
    "hangs",
    "ended",
    "abandoned",
    "wrap",
    "outcome",
    "empathy",
    "accuracy",
    "resolution",
    "overall",
    "failed",
    "not",
    "pass",
    "mark",
    "step",
    "chose",
    "expert",
    "answer",
    "replay",
    "recorded",
    "seed",
    "mode",
    "the",
];

/// The English label words in `text`, in order.
fn english_in(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .filter(|word| ENGLISH_LABELS.contains(&word.as_str()))
        .collect()
}

/// `frontline play` of the Italian scenario, seed 1, coach mode, into `dir`.
fn play(dir: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["play", ITALIAN, "--seed", "1", "--data-dir", dir];
    args.extend_from_slice(extra);
    frontline(&args)
}

/// The expert's answers up to the first timed decision, then a timeout there: the
/// `--choices` of an Italian call that times out.
fn choices_that_time_out(dir: &str) -> String {
    let expert = play(dir, &["--auto", "expert", "--format", "json"]);
    let expert: Value = serde_json::from_slice(&expert.stdout).expect("JSON");
    let picks: Vec<String> = expert["choices"]
        .as_array()
        .expect("choices")
        .iter()
        .map(Value::to_string)
        .collect();
    (0..picks.len())
        .map(|n| [&picks[..n], &["t".to_owned()]].concat().join(","))
        .find(|choices| play(dir, &["--choices", choices]).status.success())
        .expect("a decision of the scenario has a timer")
}

/// The text a scenario's author or the engine wrote in a played call's JSON (not its keys
/// or codes): prompts, offers, answers, the expert's, feedback, the transcript's lines.
fn free_text(report: &Value) -> Vec<String> {
    let strings = |value: &Value, keys: &[&str]| -> Vec<String> {
        keys.iter()
            .flat_map(|key| match &value[key] {
                Value::String(text) => vec![text.clone()],
                Value::Array(items) => items
                    .iter()
                    .filter_map(|item| item.as_str().map(str::to_owned))
                    .collect(),
                _ => Vec::new(),
            })
            .collect()
    };
    let each = |list: &str, keys: &[&str]| -> Vec<String> {
        report[list]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|item| strings(item, keys))
            .collect()
    };
    [
        each(
            "decisions",
            &["prompt", "options", "text", "expert", "feedback"],
        ),
        each("transcript", &["text", "ask", "answer"]),
        each("broken", &["text"]),
    ]
    .concat()
}

#[test]
fn an_italian_call_that_times_out_shows_no_english_word_in_text_or_json() {
    let dir = temp_dir("terminal-italian");
    let dir = dir.to_str().expect("a UTF-8 temp folder");
    let choices = choices_that_time_out(dir);

    let text = play(dir, &["--choices", &choices]);
    assert_eq!(text.status.code(), Some(0), "{}", stderr(&text));
    let text = stdout(&text);
    let silence = text
        .lines()
        .find(|line| line.starts_with("TU: (silenzio — sono passati "))
        .unwrap_or_else(|| panic!("no silence in\n{text}"));
    assert!(silence.ends_with(" secondi)"), "{silence}");
    assert!(text.contains("Esito: "), "{text}");
    // The command that replays the call is a command: its flags stay as they are.
    let (said, command) = text
        .rsplit_once("Per rigiocarla: frontline play")
        .expect("the command that replays the call");
    assert_eq!(
        command.trim_end(),
        format!(" cliente-aggressivo-it --seed 1 --choices {choices}")
    );
    assert_eq!(english_in(said), Vec::<String>::new(), "{said}");

    let json = play(dir, &["--choices", &choices, "--format", "json"]);
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    let report: Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let timed_out = report["decisions"]
        .as_array()
        .and_then(|decisions| decisions.iter().find(|d| d["answer"] == "silence"))
        .expect("the decision let run out");
    assert_eq!(timed_out["text"], "", "a silence is recorded with no text");
    let written = free_text(&report).join("\n");
    assert_eq!(english_in(&written), Vec::<String>::new(), "{written}");
    // Keys and codes are the scripting contract: they stay English.
    assert_eq!(report["mode"], "coach");
    assert!(report["outcome"].is_string());
}

#[test]
fn replaying_an_italian_call_labels_it_in_italian() {
    let dir = temp_dir("terminal-italian-replay");
    let dir = dir.to_str().expect("a UTF-8 temp folder");
    let choices = choices_that_time_out(dir);
    let played = play(dir, &["--choices", &choices]);
    let recorded = stderr(&played);
    let id = recorded
        .strip_prefix("recorded as call ")
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("the record's number: {recorded}"));
    let replayed = frontline(&["replay", id, "--data-dir", dir]);
    assert_eq!(replayed.status.code(), Some(0), "{}", stderr(&replayed));
    let replayed = stdout(&replayed);
    let (header, rest) = replayed.split_once('\n').expect("a header");
    assert!(header.starts_with(&format!("Chiamata {id} — ")), "{header}");
    assert!(
        rest.ends_with("La chiamata rigiocata ha i punteggi registrati.\n"),
        "{rest}"
    );
    let (said, _) = rest
        .rsplit_once("Per rigiocarla: frontline play")
        .expect("the command that replays the call");
    // The header names the file played, whose path is not a label.
    assert_eq!(english_in(said), Vec::<String>::new(), "{said}");
}

#[test]
fn an_italian_call_played_at_the_keyboard_prompts_in_italian() {
    use std::io::Write;
    use std::process::{Command, Stdio};

    let dir = temp_dir("terminal-italian-keyboard");
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .env("FRONTLINE_LANGUAGE", "en")
        .args(["play", ITALIAN, "--seed", "1", "--data-dir"])
        .arg(&dir)
        .current_dir(crate::support::root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("frontline play starts");
    // Something that is not a number, then `q` to leave the call.
    child
        .stdin
        .take()
        .expect("a stdin")
        .write_all(b"forse\nq\n")
        .expect("answers");
    let ended = child.wait_with_output().expect("frontline play ends");
    assert_eq!(ended.status.code(), Some(0), "{}", stderr(&ended));
    let text = stdout(&ended);
    for said in [
        "(variante 1 · caso bellini, modalità guidata; scrivi un numero, `q` per lasciare la chiamata)",
        "  scrivi il numero di una risposta\n",
        "— chiamata abbandonata —",
        "Esito: abbandonata",
    ] {
        assert!(text.contains(said), "no {said:?} in\n{text}");
    }
    let (said, _) = text
        .rsplit_once("Per rigiocarla: frontline play")
        .expect("the command that replays the call");
    assert_eq!(english_in(said), Vec::<String>::new(), "{said}");
}
