//! `frontline export --xapi`: xAPI statements with every required field and stable ids.

use serde_json::{Value, json};

use super::harness::{json_of, path, play};
use crate::support::{frontline, stderr, temp_dir};

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
