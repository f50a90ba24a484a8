//! Sending xAPI statements to a learning record store, keeping what it did not take, and
//! reading statements back from it.
//!
//! Statements go through an outbox in the record store: queued once each (by statement
//! id, per store address), sent in batches, marked sent only when the store accepted
//! them. What could not be sent stays queued and goes first the next time. Statement ids
//! are stable, so a store that already holds one (a send whose answer was lost) says so
//! with 409 Conflict or 204 No Content, and that counts as delivered.

use std::time::Duration;

use base64::Engine;
use serde_json::Value;

use super::{Record, RecordError, Store, statements};

/// The environment variable holding `user:password` for the store's Basic authentication.
pub const AUTH_VARIABLE: &str = "FRONTLINE_LRS_AUTH";

/// Statements per request.
const BATCH: usize = 50;

/// How long one request may take.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Pages read at most by one [`read`]: a store whose `more` never ends is not followed forever.
const MAX_PAGES: usize = 10_000;

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
    /// Statements the store accepted now (or said it already held).
    pub sent: usize,
    /// Statements still waiting, to go next time.
    pub kept: usize,
    /// Why sending stopped early.
    pub problem: Option<String>,
}

/// The statements resource of one store, with the credentials to use it.
struct Resource {
    endpoint: String,
    agent: ureq::Agent,
    authorization: Option<String>,
}

impl Resource {
    fn new(url: &str, auth: Option<&str>, timeout: Duration) -> Resource {
        Resource {
            endpoint: statements_endpoint(url),
            agent: ureq::Agent::config_builder()
                .http_status_as_error(false)
                .timeout_global(Some(timeout))
                .build()
                .into(),
            authorization: auth.map(|auth| {
                format!(
                    "Basic {}",
                    base64::engine::general_purpose::STANDARD.encode(auth)
                )
            }),
        }
    }

    /// Sends a request with the xAPI headers; gives the status and the body, or why there
    /// is no answer.
    fn exchange(
        &self,
        method: &str,
        url: &str,
        body: Option<&str>,
    ) -> Result<(u16, String), String> {
        let request = ureq::http::Request::builder()
            .method(method)
            .uri(url)
            .header("X-Experience-API-Version", "1.0.3");
        let request = match &self.authorization {
            Some(authorization) => request.header("Authorization", authorization),
            None => request,
        };
        let answer = match body {
            Some(body) => request
                .header("Content-Type", "application/json")
                .body(body.to_owned())
                .map_err(|e| e.to_string())
                .and_then(|request| self.agent.run(request).map_err(|e| e.to_string())),
            None => request
                .body(())
                .map_err(|e| e.to_string())
                .and_then(|request| self.agent.run(request).map_err(|e| e.to_string())),
        };
        let mut response = answer.map_err(|error| {
            format!(
                "cannot reach the learning record store at {}: {error}",
                self.endpoint
            )
        })?;
        let status = response.status().as_u16();
        let text = response.body_mut().read_to_string().map_err(|error| {
            format!(
                "the answer of the learning record store at {} was cut off: {error}",
                self.endpoint
            )
        })?;
        Ok((status, text))
    }

    /// What to tell of an answer that is not a success.
    fn refusal(&self, status: u16, said: &str) -> String {
        let reason = ureq::http::StatusCode::from_u16(status)
            .ok()
            .and_then(|code| code.canonical_reason())
            .unwrap_or("");
        let hint = match status {
            401 | 403 => format!(" (check {AUTH_VARIABLE}=user:password)"),
            _ => String::new(),
        };
        let said: String = said.chars().take(300).collect();
        format!(
            "the learning record store at {} answered {status} {reason}{hint}: {}",
            self.endpoint,
            said.trim()
        )
    }

    /// Posts statements in one request. A store that already holds one of them refuses the
    /// whole batch (409), so then each goes on its own.
    fn deliver(&self, chunk: &[(String, String)]) -> Result<(), String> {
        let body = format!(
            "[{}]",
            chunk
                .iter()
                .map(|(_, json)| json.as_str())
                .collect::<Vec<_>>()
                .join(",")
        );
        match self.exchange("POST", &self.endpoint, Some(&body))? {
            (200..=299, _) => Ok(()),
            (409, _) => chunk
                .iter()
                .try_for_each(|statement| self.deliver_one(statement)),
            (status, said) => Err(self.refusal(status, &said)),
        }
    }

    /// Puts one statement under its id: 204 when stored or already held as it is, 409 when
    /// held with other content (a copy from an older Frontline): delivered either way.
    fn deliver_one(&self, (id, json): &(String, String)) -> Result<(), String> {
        let url = format!("{}?statementId={id}", self.endpoint);
        match self.exchange("PUT", &url, Some(json))? {
            (200..=299 | 409, _) => Ok(()),
            (status, said) => Err(self.refusal(status, &said)),
        }
    }

    /// The address of the next page: a store's `more` is a path on its host, or an address.
    fn next_page(&self, more: &str) -> String {
        if more.contains("://") {
            return more.to_owned();
        }
        let after_scheme = self.endpoint.find("://").map_or(0, |i| i + 3);
        let host_end = self.endpoint[after_scheme..]
            .find('/')
            .map_or(self.endpoint.len(), |i| after_scheme + i);
        format!(
            "{}/{}",
            &self.endpoint[..host_end],
            more.trim_start_matches('/')
        )
    }
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
    send_within(store, records, url, base, auth, TIMEOUT)
}

/// [`send`], with each request given at most `timeout`.
pub fn send_within(
    store: &mut Store,
    records: &[Record],
    url: &str,
    base: &str,
    auth: Option<&str>,
    timeout: Duration,
) -> Result<Delivery, RecordError> {
    let resource = Resource::new(url, auth, timeout);
    let batch: Vec<_> = records
        .iter()
        .flat_map(|record| {
            statements(record, base)
                .into_iter()
                .map(move |statement| (record.id, statement))
        })
        .collect();
    let queued = store.queue(&resource.endpoint, &batch)?;
    let waiting = store.unsent(&resource.endpoint)?;
    let mut sent = 0;
    let mut problem = None;
    for chunk in waiting.chunks(BATCH) {
        match resource.deliver(chunk) {
            Ok(()) => {
                let ids: Vec<String> = chunk.iter().map(|(id, _)| id.clone()).collect();
                store.mark_sent(&resource.endpoint, &ids)?;
                sent += chunk.len();
            }
            Err(why) => {
                problem = Some(why);
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

/// Every statement the learning record store at `url` holds (stored at or after `since`,
/// an RFC 3339 timestamp, when given), page after page as its `more` links lead; `auth`
/// is `user:password`. The error says which store and why.
pub fn read(url: &str, auth: Option<&str>, since: Option<&str>) -> Result<Vec<Value>, String> {
    let resource = Resource::new(url, auth, TIMEOUT);
    let mut page = match since {
        Some(since) => format!("{}?since={since}", resource.endpoint),
        None => resource.endpoint.clone(),
    };
    let mut all = Vec::new();
    for _ in 0..MAX_PAGES {
        let said = match resource.exchange("GET", &page, None)? {
            (200, said) => said,
            (status, said) => return Err(resource.refusal(status, &said)),
        };
        let mut result: Value = serde_json::from_str(&said).map_err(|error| {
            format!(
                "the learning record store at {} answered what is not a statement result: {error}",
                resource.endpoint
            )
        })?;
        let Some(statements) = result.get_mut("statements").and_then(Value::as_array_mut) else {
            return Err(format!(
                "the learning record store at {} answered a result without `statements`",
                resource.endpoint
            ));
        };
        all.append(statements);
        match result.get("more").and_then(Value::as_str) {
            Some(more) if !more.is_empty() => page = resource.next_page(more),
            _ => return Ok(all),
        }
    }
    Err(format!(
        "the learning record store at {} gave more than {MAX_PAGES} pages of statements",
        resource.endpoint
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_more_link_is_a_path_on_the_stores_host_or_an_address() {
        let resource = Resource::new("http://127.0.0.1:8080/xAPI/", None, TIMEOUT);
        assert_eq!(
            resource.next_page("/xAPI/statements?cursor=7"),
            "http://127.0.0.1:8080/xAPI/statements?cursor=7"
        );
        assert_eq!(
            resource.next_page("https://other.example/s?c=1"),
            "https://other.example/s?c=1"
        );
    }
}
