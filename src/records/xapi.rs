//! xAPI 1.0.3 statements of recorded calls, for learning record stores and LMSs.
//!
//! Each decision is an `answered` statement about a choice interaction (a fill-in for a
//! reply typed in the trainee's own words), with the expert's answer and whether the
//! trainee gave it; each call ends
//! with one `passed`, `failed` or (abandoned) `terminated` statement about the scenario,
//! with the scores. Statement ids are UUIDs (version 5) of the call's UUID and the step,
//! so exporting a call again gives the same ids and a record store keeps it once.

use serde_json::{Value, json};
use uuid::Uuid;

use super::{Record, RecordedDecision, iso_duration, rfc3339};

/// The IRI under which activities, extensions and trainee accounts are named when no other
/// is given. `.invalid` is reserved: a training center gives its own with `--xapi-base`.
pub const DEFAULT_BASE: &str = "https://frontline.invalid/xapi";

/// One xAPI statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Its id, a UUID, stable for a call and step.
    pub id: String,
    /// The statement as JSON, `id` included.
    pub json: Value,
}

const ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
const PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
const FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";
const TERMINATED: &str = "http://adlnet.gov/expapi/verbs/terminated";
const INTERACTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
const SIMULATION: &str = "http://adlnet.gov/expapi/activities/simulation";

/// The statements of some recorded calls, in order, as one JSON array: what an export file
/// holds and a learning record store takes.
pub fn statements_json(records: &[Record], base: &str) -> serde_json::Value {
    records
        .iter()
        .flat_map(|record| statements(record, base))
        .map(|statement| statement.json)
        .collect()
}

/// The statements of one recorded call: one per decision, then one for the call.
/// `base` is the IRI that activities, extensions and accounts are named under.
pub fn statements(record: &Record, base: &str) -> Vec<Statement> {
    let base = base.trim_end_matches('/');
    let call = &record.call;
    let language = if call.scenario.language.is_empty() {
        "und"
    } else {
        call.scenario.language.as_str()
    };
    let extension = |name: &str| format!("{base}/extensions/{name}");
    let scenario_iri = format!("{base}/scenarios/{}", segment(&call.scenario.id));
    let actor = actor(&call.trainee, base);
    let parent = json!({ "parent": [{ "objectType": "Activity", "id": scenario_iri }] });

    let mut statements = Vec::with_capacity(call.decisions.len() + 1);
    let mut moment = call.started_ms;
    let mut wrap_ups = 0;
    for decision in &call.decisions {
        moment = (moment + decision.elapsed_ms.map_or(0, |ms| ms as i64)).min(call.ended_ms);
        // The activity is the place in the scenario, named the same in every call.
        let (place, name) = if decision.wrap_up {
            wrap_ups += 1;
            (
                format!("wrap-up/{wrap_ups}"),
                format!("{} — wrap-up {wrap_ups}", call.scenario.title),
            )
        } else {
            (
                format!("nodes/{}", segment(&decision.node)),
                format!("{} — {}", call.scenario.title, decision.node),
            )
        };
        let id = statement_id(&call.uid, &decision.step.to_string());
        let mut result = json!({
            "response": response(decision),
            "score": { "raw": decision.points.empathy + decision.points.accuracy + decision.points.resolution },
            "extensions": {
                extension("points"): {
                    "empathy": decision.points.empathy,
                    "accuracy": decision.points.accuracy,
                    "resolution": decision.points.resolution,
                },
                extension("timed-out"): decision.timed_out(),
            },
        });
        if let Some(ms) = decision.elapsed_ms {
            result["duration"] = json!(iso_duration(ms as i64));
        }
        // The answer taken, by its choice's id, whatever the interaction's response is.
        if !decision.timed_out() {
            result["extensions"][extension("choice")] = json!(choice_id(&decision.text));
        }
        let mut definition = json!({
            "name": { language: name },
            "description": { language: decision.prompt },
            "type": INTERACTION,
            "interactionType": "choice",
            "choices": decision.options.iter().map(|text| json!({
                "id": choice_id(text),
                "description": { language: text },
            })).collect::<Vec<_>>(),
        });
        // A reply typed in the trainee's own words is a fill-in: its words are the
        // response, and what the matcher made of them goes beside the answer taken.
        if let Some(typed) = &decision.typed {
            definition["interactionType"] = json!("long-fill-in");
            if let Some(definition) = definition.as_object_mut() {
                definition.remove("choices");
            }
            result["response"] = json!(typed.words);
            result["extensions"][extension("match")] = json!({
                "score": (f64::from(typed.score) * 1000.0).round() / 1000.0,
                "confident": typed.confident,
                "taken": typed.taken.name(),
            });
        }
        let mut json = json!({
            "id": id,
            "actor": actor,
            "verb": { "id": ANSWERED, "display": { "en-US": "answered" } },
            "object": {
                "objectType": "Activity",
                "id": format!("{scenario_iri}/{place}"),
                "definition": definition,
            },
            "result": result,
            "context": {
                "registration": call.uid,
                "contextActivities": parent,
                "extensions": { extension("step"): decision.step },
            },
            "timestamp": rfc3339(moment),
        });
        // The expert's answer by its choice's id (empty: let the timer run out), and whether
        // the trainee gave it: what the trainer's view counts misses by. A choice says it
        // the standard way too, as its correct response.
        if let (Some(expert), Some(missed)) = (&decision.expert, decision.missed()) {
            let correct = if expert.is_empty() {
                String::new()
            } else {
                choice_id(expert)
            };
            if decision.typed.is_none() {
                json["object"]["definition"]["correctResponsesPattern"] = json!([correct]);
            }
            json["result"]["extensions"][extension("expert")] = json!(correct);
            json["result"]["success"] = json!(!missed);
        }
        // A typed reply's statement has no choices to find the answer taken in: its text.
        if decision.typed.is_some() && !decision.timed_out() {
            json["result"]["extensions"][extension("answer")] = json!(decision.text);
        }
        statements.push(Statement { id, json });
    }

    let (verb, display) = match (call.abandoned, call.passed) {
        (true, _) => (TERMINATED, "terminated"),
        (false, true) => (PASSED, "passed"),
        (false, false) => (FAILED, "failed"),
    };
    let id = statement_id(&call.uid, "call");
    let json = json!({
        "id": id,
        "actor": actor,
        "verb": { "id": verb, "display": { "en-US": display } },
        "object": {
            "objectType": "Activity",
            "id": scenario_iri,
            "definition": {
                "name": { language: call.scenario.title },
                "type": SIMULATION,
            },
        },
        "result": {
            "score": {
                "scaled": call.scores.overall / 100.0,
                "raw": call.scores.overall,
                "min": 0,
                "max": 100,
            },
            "success": call.passed,
            "completion": !call.abandoned,
            "duration": iso_duration(call.duration_ms()),
            "extensions": {
                extension("empathy"): call.scores.empathy,
                extension("accuracy"): call.scores.accuracy,
                extension("resolution"): call.scores.resolution,
                extension("outcome"): call.outcome,
                extension("ending"): call.ending,
                extension("compliance-breaks"): call.breaks,
            },
        },
        "context": {
            "registration": call.uid,
            "extensions": {
                // Text: a u64 seed does not fit the numbers every JSON reader keeps exactly.
                extension("seed"): call.seed.to_string(),
                extension("mode"): call.mode.name(),
                extension("scenario-version"): call.scenario.version,
                extension("scenario-hash"): call.scenario.hash,
            },
        },
        "timestamp": rfc3339(call.ended_ms),
    });
    statements.push(Statement { id, json });
    statements
}

/// The trainee as an xAPI agent: by mailbox when the name is an e-mail address, otherwise
/// as an account named under `base`.
fn actor(trainee: &str, base: &str) -> Value {
    let is_mail = trainee.contains('@') && !trainee.contains(char::is_whitespace);
    if is_mail {
        json!({ "objectType": "Agent", "name": trainee, "mbox": format!("mailto:{trainee}") })
    } else {
        json!({
            "objectType": "Agent",
            "name": trainee,
            "account": { "homePage": base, "name": trainee },
        })
    }
}

/// The id of a choice: from its text, so the same choice has the same id in every call
/// whatever order it was shown in.
fn choice_id(text: &str) -> String {
    let hash = crate::library::content_hash(text.as_bytes());
    format!("c{}", &hash[..12])
}

/// The response of a choice interaction: the chosen choice's id, empty after a timeout.
fn response(decision: &RecordedDecision) -> String {
    if decision.timed_out() {
        String::new()
    } else {
        choice_id(&decision.text)
    }
}

/// A statement id that is the same every time a call is exported.
fn statement_id(call_uid: &str, part: &str) -> String {
    let namespace = Uuid::new_v5(
        &Uuid::NAMESPACE_URL,
        b"https://frontline.invalid/xapi/statements",
    );
    Uuid::new_v5(&namespace, format!("{call_uid}/{part}").as_bytes())
        .hyphenated()
        .to_string()
}

/// Text made safe as one segment of an IRI path.
fn segment(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iri_segments_escape_everything_but_unreserved_characters() {
        assert_eq!(segment("late-bill_2.0~x"), "late-bill_2.0~x");
        assert_eq!(segment("a b/c?é"), "a%20b%2Fc%3F%C3%A9");
    }

    #[test]
    fn statement_ids_depend_only_on_the_call_and_the_step() {
        let first = statement_id("5f0c1a52-9d8e-4c1b-a7d4-1a2b3c4d5e6f", "3");
        assert_eq!(
            first,
            statement_id("5f0c1a52-9d8e-4c1b-a7d4-1a2b3c4d5e6f", "3")
        );
        assert_ne!(
            first,
            statement_id("5f0c1a52-9d8e-4c1b-a7d4-1a2b3c4d5e6f", "4")
        );
        let parsed = Uuid::parse_str(&first).map(|u| u.get_version_num());
        assert_eq!(parsed, Ok(5));
    }

    #[test]
    fn an_email_address_is_a_mailbox_and_any_other_name_an_account() {
        assert_eq!(
            actor("ana@example.com", DEFAULT_BASE),
            json!({ "objectType": "Agent", "name": "ana@example.com", "mbox": "mailto:ana@example.com" })
        );
        assert_eq!(
            actor("Ana Lima", DEFAULT_BASE),
            json!({
                "objectType": "Agent",
                "name": "Ana Lima",
                "account": { "homePage": DEFAULT_BASE, "name": "Ana Lima" },
            })
        );
    }
}
