//! Attempts from the xAPI statements Frontline sends (see `records::statements`): the
//! closing statement of each call and its `answered` statements, grouped by registration.

use std::collections::BTreeMap;

use serde_json::Value;

use super::{Attempt, Decided, wrap_up_place};
use crate::engine::Scores;
use crate::records::{parse_iso_duration, parse_rfc3339};

/// What the statements of a store give.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FromStatements {
    /// The calls whose closing statement is there, ordered by when they ended.
    pub attempts: Vec<Attempt>,
    /// Calls left out, each with why: a closing statement missing (not sent yet) or a
    /// statement that is not as Frontline writes them.
    pub left_out: Vec<String>,
}

/// A call's statements as they come.
#[derive(Default)]
struct Call<'a> {
    closing: Option<&'a Value>,
    answered: Vec<&'a Value>,
}

/// The attempts in a store's statements: those about activities under `base` (the IRI the
/// statements were sent with); any other statement is someone else's and not looked at.
pub fn from_statements(statements: &[Value], base: &str) -> FromStatements {
    let scenarios = format!("{}/scenarios/", base.trim_end_matches('/'));
    let mut calls: BTreeMap<&str, Call> = BTreeMap::new();
    for statement in statements {
        let Some(object) = statement["object"]["id"].as_str() else {
            continue;
        };
        let Some(rest) = object.strip_prefix(&scenarios) else {
            continue;
        };
        let Some(registration) = statement["context"]["registration"].as_str() else {
            continue;
        };
        let call = calls.entry(registration).or_default();
        if rest.contains('/') {
            call.answered.push(statement);
        } else {
            call.closing = Some(statement);
        }
    }
    let mut found = FromStatements::default();
    for (registration, call) in calls {
        let Some(closing) = call.closing else {
            found.left_out.push(format!(
                "call {registration}: its closing statement is not in the store (yet)"
            ));
            continue;
        };
        match attempt(registration, closing, &call.answered, &scenarios, base) {
            Ok(attempt) => found.attempts.push(attempt),
            Err(why) => found.left_out.push(format!("call {registration}: {why}")),
        }
    }
    found
        .attempts
        .sort_by(|a, b| (a.ended_ms, &a.uid).cmp(&(b.ended_ms, &b.uid)));
    found
}

/// One call from its closing and `answered` statements.
fn attempt(
    registration: &str,
    closing: &Value,
    answered: &[&Value],
    scenarios: &str,
    base: &str,
) -> Result<Attempt, String> {
    let id = closing["id"].as_str().unwrap_or("?");
    let object = closing["object"]["id"].as_str().unwrap_or_default();
    let scenario = decode(&object[scenarios.len()..]);
    let result = &closing["result"];
    let extension = |name: &str| result["extensions"][format!("{base}/extensions/{name}")].as_f64();
    let missing = |what: &str| format!("statement {id} has no {what}");
    let scores = Scores {
        empathy: extension("empathy").ok_or_else(|| missing("empathy score"))?,
        accuracy: extension("accuracy").ok_or_else(|| missing("accuracy score"))?,
        resolution: extension("resolution").ok_or_else(|| missing("resolution score"))?,
        overall: result["score"]["raw"]
            .as_f64()
            .ok_or_else(|| missing("score"))?,
    };
    let broken = result["extensions"][format!("{base}/extensions/compliance-breaks")]
        .as_array()
        .map(|breaks| {
            breaks
                .iter()
                .filter_map(|b| b["rule"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let ended_ms = closing["timestamp"]
        .as_str()
        .and_then(parse_rfc3339)
        .ok_or_else(|| missing("readable timestamp"))?;

    let mut steps = answered
        .iter()
        .map(|statement| decision(statement, object, base))
        .collect::<Result<Vec<_>, _>>()?;
    steps.sort_by_key(|(step, _)| *step);
    Ok(Attempt {
        uid: registration.to_owned(),
        trainee: trainee(&closing["actor"]).ok_or_else(|| missing("trainee"))?,
        scenario,
        mode: closing["context"]["extensions"][format!("{base}/extensions/mode")]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        // A reply typed in the trainee's own words is a fill-in interaction.
        own_words: answered.iter().any(|statement| {
            statement["object"]["definition"]["interactionType"] == "long-fill-in"
        }),
        ended_ms,
        scores,
        passed: result["success"]
            .as_bool()
            .ok_or_else(|| missing("success"))?,
        broken,
        decisions: steps.into_iter().map(|(_, decided)| decided).collect(),
    })
}

/// One decision and its step, from its `answered` statement.
fn decision(statement: &Value, scenario: &str, base: &str) -> Result<(u64, Decided), String> {
    let id = statement["id"].as_str().unwrap_or("?");
    let missing = |what: &str| format!("statement {id} has no {what}");
    let object = statement["object"]["id"].as_str().unwrap_or_default();
    let rest = object
        .strip_prefix(scenario)
        .and_then(|rest| rest.strip_prefix('/'))
        .ok_or_else(|| format!("statement {id} is about {object}, not a place in {scenario}"))?;
    let place = match rest.split_once('/') {
        Some(("nodes", node)) => decode(node),
        Some(("wrap-up", n)) => wrap_up_place(n.parse().map_err(|_| missing("wrap-up number"))?),
        _ => return Err(format!("statement {id} is about an unknown place {object}")),
    };
    let step = statement["context"]["extensions"][format!("{base}/extensions/step")]
        .as_u64()
        .ok_or_else(|| missing("step"))?;
    let definition = &statement["object"]["definition"];
    let result = &statement["result"];
    let extension = |name: &str| &result["extensions"][format!("{base}/extensions/{name}")];
    // The answer taken, by its choice's id: said beside a typed reply's words, and as the
    // response of a choice; empty when the timer ran out.
    let chosen = if extension("timed-out").as_bool() == Some(true) {
        ""
    } else {
        extension("choice")
            .as_str()
            .or_else(|| result["response"].as_str())
            .ok_or_else(|| missing("response"))?
    };
    let answer = if chosen.is_empty() {
        String::new()
    } else {
        definition["choices"]
            .as_array()
            .and_then(|choices| choices.iter().find(|c| c["id"].as_str() == Some(chosen)))
            .and_then(|choice| choice["description"].as_object())
            .and_then(|texts| texts.values().next())
            .and_then(Value::as_str)
            .or_else(|| extension("answer").as_str())
            .ok_or_else(|| {
                format!("statement {id} answers {chosen}, which is not one of its choices")
            })?
            .to_owned()
    };
    let missed = extension("expert").as_str().map(|expert| expert != chosen);
    let centis = statement["result"]["duration"]
        .as_str()
        .and_then(parse_iso_duration)
        .map(|ms| (ms / 10).max(0) as u64);
    Ok((
        step,
        Decided {
            place,
            answer,
            missed,
            centis,
        },
    ))
}

/// The trainee's name: the agent's name, else the account's, else the mailbox.
fn trainee(actor: &Value) -> Option<String> {
    actor["name"]
        .as_str()
        .or_else(|| actor["account"]["name"].as_str())
        .or_else(|| {
            actor["mbox"]
                .as_str()
                .map(|m| m.trim_start_matches("mailto:"))
        })
        .map(str::to_owned)
}

/// An IRI path segment with its `%XX` escapes undone.
fn decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| segment.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn escaped_segments_read_back_as_written() {
        assert_eq!(decode("a%20b%2Fc%3F%C3%A9"), "a b/c?é");
        assert_eq!(decode("late-bill_2.0~x"), "late-bill_2.0~x");
        assert_eq!(decode("100%"), "100%");
    }
}
