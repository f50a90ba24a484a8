//! `frontline team` on a fixture of calls from several trainees: the same view in JSON and
//! CSV from the local records and from the learning record store they were sent to.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

use frontline::engine::{Mode, Session};
use frontline::library::Library;
use frontline::records::{CallRecord, ScenarioRef, Store};
use serde_json::{Value, json};

use super::real_lrs::{AUTH, RealLrs};
use crate::support::{project, stderr, stdout, temp_dir};

/// 2026-03-01T09:00:00Z.
const MARCH_FIRST: u64 = 1_772_355_600;

/// Records calls of the example: per call the trainee, the day in March, and the answers
/// (`e` the expert's, `w` the worst, the expert's once they run out); the N-th decision
/// takes N.25 seconds.
pub(super) fn fixture(dir: &Path, calls: &[(&str, u64, &str)]) {
    let file = project("docs/example.ron");
    let library = Library::load(std::slice::from_ref(&file), None).expect("the example loads");
    let entry = &library.entries[0];
    let prepared = entry.prepared.clone().expect("the example is playable");
    let scenario = ScenarioRef::new(prepared.scenario(), &entry.path, &entry.hash);
    let mut store = Store::open(dir).expect("the records open");
    for (seed, (trainee, day, plan)) in calls.iter().enumerate() {
        let mut session = Session::new(Arc::clone(&prepared), seed as u64, Mode::Coach);
        let mut plan = plan.chars();
        let mut step = 0;
        loop {
            let answer = match plan.next() {
                Some('w') => session.worst_answer(),
                _ => session.expert_answer(),
            };
            let Some(answer) = answer else { break };
            step += 1;
            session
                .answer_timed(answer, Some(step * 1000 + 250))
                .expect("the answer fits");
        }
        let at = UNIX_EPOCH + Duration::from_secs(MARCH_FIRST + (day - 1) * 86_400);
        let call = CallRecord::of(
            &session,
            trainee,
            scenario.clone(),
            at,
            at + Duration::from_secs(90),
        );
        store.save(&call).expect("the call is recorded");
    }
}

fn team(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontline"))
        .env("FRONTLINE_LANGUAGE", "en")
        .arg("team")
        .args(args)
        .env("FRONTLINE_LRS_AUTH", AUTH)
        .env_remove("FRONTLINE_LRS")
        .output()
        .expect("frontline runs")
}

/// `frontline export --lrs URL` of the records in `dir`, which must succeed.
fn export_to(url: &str, dir: &str) {
    let sent = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .env("FRONTLINE_LANGUAGE", "en")
        .args(["export", "--lrs", url, "--data-dir", dir])
        .env("FRONTLINE_LRS_AUTH", AUTH)
        .output()
        .expect("frontline runs");
    assert_eq!(sent.status.code(), Some(0), "{}", stderr(&sent));
}

fn team_ok(args: &[&str]) -> String {
    let output = team(args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    stdout(&output)
}

pub(super) const CALLS: &[(&str, u64, &str)] = &[
    ("Ana", 1, "eeeee"),
    ("Bruno", 2, "ewew"),
    ("Ana", 3, "weee"),
    ("Bruno", 4, "w"),
    ("Chiara", 5, "wwwww"),
];

#[test]
fn the_team_view_is_the_same_from_the_records_and_from_the_store() {
    let dir = temp_dir("centre-team");
    fixture(&dir, CALLS);
    let dir_arg = dir.to_str().expect("a UTF-8 temp folder");
    let json: Value = serde_json::from_str(&team_ok(&["--data-dir", dir_arg, "--format", "json"]))
        .expect("the view is JSON");
    assert_eq!(json, expected());
    let csv = team_ok(&["--data-dir", dir_arg, "--format", "csv"]);
    assert_eq!(csv, EXPECTED_CSV);

    let Some(lrs) = RealLrs::start("team") else {
        return;
    };
    export_to(&lrs.url, dir_arg);
    let from_lrs: Value =
        serde_json::from_str(&team_ok(&["--lrs", &lrs.url, "--format", "json"])).expect("JSON");
    assert_eq!(from_lrs, expected());
    assert_eq!(
        team_ok(&["--lrs", &lrs.url, "--format", "csv"]),
        EXPECTED_CSV
    );
    assert_eq!(
        team_ok(&["--lrs", &lrs.url]),
        team_ok(&["--data-dir", dir_arg])
    );

    // The store configured once, in the environment or in lrs.json beside the records.
    let elsewhere = temp_dir("centre-team-configured");
    let configured = |command: &mut Command| -> Value {
        let output = command
            .args(["team", "--format", "json"])
            .env("FRONTLINE_DATA_DIR", &elsewhere)
            .output()
            .expect("frontline runs");
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        serde_json::from_slice(&output.stdout).expect("JSON")
    };
    let by_environment = configured(
        Command::new(env!("CARGO_BIN_EXE_frontline"))
            .env("FRONTLINE_LANGUAGE", "en")
            .env("FRONTLINE_LRS", &lrs.url)
            .env("FRONTLINE_LRS_AUTH", AUTH),
    );
    assert_eq!(by_environment, expected());
    std::fs::write(
        elsewhere.join("lrs.json"),
        json!({ "url": lrs.url, "auth": AUTH }).to_string(),
    )
    .expect("writes");
    let by_file = configured(
        Command::new(env!("CARGO_BIN_EXE_frontline"))
            .env("FRONTLINE_LANGUAGE", "en")
            .env_remove("FRONTLINE_LRS")
            .env_remove("FRONTLINE_LRS_AUTH"),
    );
    assert_eq!(by_file, expected());
}

/// The view of [`CALLS`]: misses worst first, scores 0–100.
pub(super) fn expected() -> Value {
    let trainee = |name: &str, calls: u64, passed: u64, best: f64, last: f64, weakest: &str| json!({ "trainee": name, "calls": calls, "passed": passed, "best": best, "last": last, "weakest": weakest });
    let miss = |node: &str, missed: u64, most_chosen: &str, seconds: f64| json!({ "node": node, "attempts": 5, "missed": missed, "most_chosen": most_chosen, "seconds": seconds });
    json!({
        "trainees": [
            trainee("Ana", 2, 1, 100.0, 72.2, "empathy"),
            trainee("Bruno", 2, 0, 72.2, 72.2, "accuracy"),
            trainee("Chiara", 1, 0, 0.0, 0.0, "empathy"),
        ],
        "scenarios": [{
            "id": "example-late-bill",
            "attempts": 5,
            "pass_rate": 20.0,
            "average": 51.1,
            "misses": [
                miss("opening", 3, "Your bill is € 212.40 and it's due on 15 March.", 1.3),
                miss("verify", 2, "Thanks, that's enough, I can see your account.", 2.3),
                miss("wrap-up 1", 2, "NO-CONTACT — call dropped", 4.9),
            ],
            "broken_rules": [{ "rule": "verify-first", "count": 3 }],
        }],
    })
}

const EXPECTED_CSV: &str = "\
scenario,node,attempts,missed,most_chosen,seconds
example-late-bill,opening,5,3,Your bill is € 212.40 and it's due on 15 March.,1.3
example-late-bill,verify,5,2,\"Thanks, that's enough, I can see your account.\",2.3
example-late-bill,wrap-up 1,5,2,NO-CONTACT — call dropped,4.9
";

#[test]
fn the_team_view_covers_only_the_calls_since_a_day_and_of_a_scenario() {
    let dir = temp_dir("centre-team-since");
    fixture(&dir, CALLS);
    let dir_arg = dir.to_str().expect("a UTF-8 temp folder");
    let since = team_ok(&[
        "--data-dir",
        dir_arg,
        "--since",
        "2026-03-03",
        "--format",
        "csv",
    ]);
    assert_eq!(
        since,
        "\
scenario,node,attempts,missed,most_chosen,seconds
example-late-bill,opening,3,3,Your bill is € 212.40 and it's due on 15 March.,1.3
example-late-bill,verify,3,1,\"Thanks, that's enough, I can see your account.\",2.3
example-late-bill,wrap-up 1,3,1,NO-CONTACT — call dropped,4.9
"
    );
    let other = team_ok(&[
        "--data-dir",
        dir_arg,
        "--scenario",
        "no-such-call",
        "--format",
        "json",
    ]);
    assert_eq!(
        serde_json::from_str::<Value>(&other).expect("JSON"),
        json!({ "trainees": [], "scenarios": [] })
    );
    let bad = team(&["--data-dir", dir_arg, "--since", "2026-3-03"]);
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(
        stderr(&bad),
        "error: --since 2026-3-03: give a day as 2026-03-01 or a moment as 2026-03-01T09:00:00Z\n"
    );
}

#[test]
fn calls_answered_in_own_words_give_the_same_view_from_the_records_and_the_store() {
    let Some(lrs) = RealLrs::start("team-typed") else {
        return;
    };
    let dir = temp_dir("centre-team-typed");
    fixture(&dir, CALLS);
    let dir_arg = dir.to_str().expect("a UTF-8 temp folder");
    let replies = dir.join("replies.txt");
    // The second reply is left empty: the timer runs out.
    std::fs::write(
        &replies,
        "Your bill is 212,40 and it's due on the 15th of March\n\
         \n\
         I'll send you a breakdown of the bill showing the winter months and the new price\n\
         i can offer 3 monthly instalments of 70,80 with no fees\n\
         bill plan, instalments agreed\n",
    )
    .expect("writes");
    let played = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .env("FRONTLINE_LANGUAGE", "en")
        .args([
            "play",
            "docs/example.ron",
            "--seed",
            "7",
            "--trainee",
            "Dario",
        ])
        .arg("--replies")
        .arg(&replies)
        .args(["--data-dir", dir_arg])
        .current_dir(project(""))
        .output()
        .expect("frontline runs");
    assert_eq!(played.status.code(), Some(0), "{}", stderr(&played));
    export_to(&lrs.url, dir_arg);

    let local: Value =
        serde_json::from_str(&team_ok(&["--data-dir", dir_arg, "--format", "json"])).expect("JSON");
    let remote: Value =
        serde_json::from_str(&team_ok(&["--lrs", &lrs.url, "--format", "json"])).expect("JSON");
    assert_eq!(remote, local);
    assert_eq!(local["trainees"][3]["trainee"], "Dario");
    let opening = &local["scenarios"][0]["misses"][0];
    assert_eq!(
        (
            &opening["node"],
            &opening["missed"],
            &opening["most_chosen"]
        ),
        (
            &json!("opening"),
            &json!(4),
            &json!("Your bill is € 212.40 and it's due on 15 March.")
        ),
        "Dario's typed reply meant the opening's wrong answer"
    );
}
