//! Sending xAPI statements to a learning record store, keeping what it did not take.
//!
//! Statements go through an outbox in the record store: queued once each (by statement
//! id, per store address), sent in batches, marked sent only when the store accepted
//! them. What could not be sent stays queued and goes first the next time.

use std::time::Duration;

use base64::Engine;

use super::{Record, RecordError, Store, statements};

/// The environment variable holding `user:password` for the store's Basic authentication.
pub const AUTH_VARIABLE: &str = "FRONTLINE_LRS_AUTH";

/// Statements per request.
const BATCH: usize = 50;

/// How long one request may take.
const TIMEOUT: Duration = Duration::from_secs(30);

/// The statements resource of a learning record store, from its xAPI endpoint
/// (`https://lrs.example/xapi/` → `https://lrs.example/xapi/statements`) or from the
/// statements resource itself.
pub fn statements_endpoint(url: &str) -> String {
    let trimmed = url.trim_end_matches('/');
    if trimmed.ends_with("/statements") {
        trimmed.to_owned()
    } else {
        format!("{trimmed}/statements")
    }
}

/// What a sending did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    /// Statements of these records queued for the first time.
    pub queued: usize,
    /// Statements the store accepted now.
    pub sent: usize,
    /// Statements still waiting, to go next time.
    pub kept: usize,
    /// Why sending stopped early.
    pub problem: Option<String>,
}

/// Queues the statements of `records` for the learning record store at `url` (each once,
/// whatever was queued or sent before), then sends every statement still waiting for it.
/// `base` names activities and accounts (see [`super::statements`]); `auth` is
/// `user:password` for Basic authentication.
pub fn send(
    store: &mut Store,
    records: &[Record],
    url: &str,
    base: &str,
    auth: Option<&str>,
) -> Result<Delivery, RecordError> {
    let endpoint = statements_endpoint(url);
    let batch: Vec<_> = records
        .iter()
        .flat_map(|record| {
            statements(record, base)
                .into_iter()
                .map(move |statement| (record.id, statement))
        })
        .collect();
    let queued = store.queue(&endpoint, &batch)?;
    let waiting = store.unsent(&endpoint)?;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(TIMEOUT))
        .build()
        .into();
    let authorization = auth.map(|auth| {
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(auth)
        )
    });
    let mut sent = 0;
    let mut problem = None;
    for chunk in waiting.chunks(BATCH) {
        let body = format!(
            "[{}]",
            chunk
                .iter()
                .map(|(_, json)| json.as_str())
                .collect::<Vec<_>>()
                .join(",")
        );
        let mut request = agent
            .post(&endpoint)
            .header("X-Experience-API-Version", "1.0.3")
            .header("Content-Type", "application/json");
        if let Some(authorization) = &authorization {
            request = request.header("Authorization", authorization);
        }
        match request.send(body.as_str()) {
            Ok(response) if response.status().is_success() => {
                let ids: Vec<String> = chunk.iter().map(|(id, _)| id.clone()).collect();
                store.mark_sent(&endpoint, &ids)?;
                sent += chunk.len();
            }
            Ok(mut response) => {
                let status = response.status();
                let said: String = response
                    .body_mut()
                    .read_to_string()
                    .unwrap_or_default()
                    .chars()
                    .take(300)
                    .collect();
                let hint = match status.as_u16() {
                    401 | 403 => format!(" (check {AUTH_VARIABLE}=user:password)"),
                    _ => String::new(),
                };
                problem = Some(format!(
                    "the learning record store at {endpoint} answered {status}{hint}: {}",
                    said.trim()
                ));
                break;
            }
            Err(error) => {
                problem = Some(format!(
                    "cannot reach the learning record store at {endpoint}: {error}"
                ));
                break;
            }
        }
    }
    Ok(Delivery {
        queued,
        sent,
        kept: waiting.len() - sent,
        problem,
    })
}
