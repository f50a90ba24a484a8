//! A learning record store that is down, refuses, fails, answers slowly or loses the
//! connection: nothing is lost and nothing is stored twice, and what waits goes next time.

use std::time::Duration;

use frontline::records::{DEFAULT_BASE, Delivery, Record, Store, send_within};
use serde_json::Value;

use super::real_lrs::{AUTH, Fault, Proxy, RealLrs, free_port};
use super::{assert_holds, play_calls, recorded};
use crate::support::temp_dir;

/// Twelve calls of six statements, 72: two requests of at most 50.
fn twelve_calls(test: &str) -> (Store, Vec<Record>, Vec<Value>) {
    let dir = temp_dir(test);
    let calls: Vec<(&str, &str, u64)> = (0..12)
        .map(|seed| {
            (
                ["Ana", "Bruno", "Chiara"][seed as usize % 3],
                "expert",
                seed,
            )
        })
        .collect();
    play_calls(&dir, &calls);
    let (store, records) = recorded(&dir);
    let statements = frontline::records::statements_json(&records, DEFAULT_BASE)
        .as_array()
        .expect("an array")
        .clone();
    (store, records, statements)
}

/// Sends, giving each request up to `timeout`.
fn send_in(store: &mut Store, records: &[Record], url: &str, timeout: Duration) -> Delivery {
    send_within(store, records, url, DEFAULT_BASE, Some(AUTH), timeout)
        .expect("the records are readable")
}

/// Sends, giving each request time enough on a busy machine.
fn send(store: &mut Store, records: &[Record], url: &str) -> Delivery {
    send_in(store, records, url, Duration::from_secs(30))
}

/// The first request breaks; the next sending delivers everything, and the store holds
/// each statement once, as sent. Gives the problem the first sending met.
fn breaks_then_delivers(test: &str, fault: Fault) -> String {
    let Some(lrs) = RealLrs::start(test) else {
        return String::new();
    };
    let (mut store, records, statements) = twelve_calls(test);
    let proxy = Proxy::before(&lrs.url);
    proxy.break_next(&[fault]);
    // A slow store is one slower than the sender waits.
    let first = match fault {
        Fault::Slow(_) => send_in(&mut store, &records, &proxy.url, Duration::from_secs(1)),
        _ => send(&mut store, &records, &proxy.url),
    };
    assert_eq!(
        (first.queued, first.sent, first.kept),
        (72, 0, 72),
        "{first:?}"
    );
    if let Fault::Slow(wait) = fault {
        // The store takes the slow request after the sender gave up on it.
        std::thread::sleep(wait + Duration::from_millis(500));
    }
    let again = send(&mut store, &records, &proxy.url);
    assert_eq!(
        again,
        Delivery {
            queued: 0,
            sent: 72,
            kept: 0,
            problem: None
        }
    );
    assert_holds(lrs.statements(), statements);
    let seen = proxy.seen();
    assert_eq!(seen.len(), 3, "{seen:?}");
    assert!(
        seen.iter()
            .all(|line| line.starts_with("POST /xAPI/statements ")),
        "{seen:?}"
    );
    first
        .problem
        .expect("the first sending says what went wrong")
}

#[test]
fn statements_sent_to_a_store_that_is_down_go_when_it_is_up() {
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}/xAPI/");
    let (mut store, records, statements) = twelve_calls("centre-down");
    let first = send(&mut store, &records, &url);
    assert_eq!((first.sent, first.kept), (0, 72));
    let problem = first.problem.expect("a problem");
    assert!(
        problem.starts_with(&format!(
            "cannot reach the learning record store at {url}statements: "
        )),
        "{problem}"
    );
    let Some(lrs) = RealLrs::start_on(port, "down") else {
        return;
    };
    let again = send(&mut store, &records, &url);
    assert_eq!((again.sent, again.kept, again.problem), (72, 0, None));
    assert_holds(lrs.statements(), statements);
}

#[test]
fn statements_a_store_refuses_with_401_wait_and_the_trainer_is_told_to_check_the_password() {
    let problem = breaks_then_delivers("refused", Fault::Answer(401));
    if !problem.is_empty() {
        assert!(
            problem.ends_with(
                "statements answered 401 Unauthorized (check FRONTLINE_LRS_AUTH=user:password): {\"message\":\"broken by the test proxy\"}"
            ),
            "{problem}"
        );
    }
}

#[test]
fn statements_a_store_fails_with_500_wait_for_the_next_sending() {
    let problem = breaks_then_delivers("failing", Fault::Answer(500));
    if !problem.is_empty() {
        assert!(
            problem.contains("statements answered 500 Internal Server Error: "),
            "{problem}"
        );
    }
}

#[test]
fn statements_a_slow_store_takes_after_the_sender_gave_up_are_not_stored_twice() {
    let problem = breaks_then_delivers("slow", Fault::Slow(Duration::from_secs(3)));
    if !problem.is_empty() {
        assert!(
            problem.starts_with("cannot reach the learning record store at "),
            "{problem}"
        );
    }
}

#[test]
fn statements_stored_before_the_connection_was_cut_are_not_stored_twice() {
    let problem = breaks_then_delivers("cut-after", Fault::CutAfterStore);
    if !problem.is_empty() {
        assert!(problem.contains("learning record store at "), "{problem}");
    }
}

#[test]
fn statements_whose_request_was_cut_halfway_go_on_the_next_sending() {
    let problem = breaks_then_delivers("cut-mid", Fault::CutMidRequest);
    if !problem.is_empty() {
        assert!(
            problem.starts_with("cannot reach the learning record store at "),
            "{problem}"
        );
    }
}

#[test]
fn a_statement_the_store_already_holds_otherwise_counts_as_delivered() {
    let Some(lrs) = RealLrs::start("conflict") else {
        return;
    };
    let (mut store, records, statements) = twelve_calls("centre-conflict");
    // An older copy of the third statement, under the same id, with other content.
    let mut older = statements[2].clone();
    older["result"]["score"]["raw"] = Value::from(-1);
    let id = older["id"].as_str().expect("an id").to_owned();
    let put = ureq::put(&format!("{}statements?statementId={id}", lrs.url))
        .header("X-Experience-API-Version", "1.0.3")
        .header("Content-Type", "application/json")
        .send(older.to_string())
        .expect("the store takes it");
    assert_eq!(put.status().as_u16(), 204);

    let delivery = send(&mut store, &records, &lrs.url);
    assert_eq!(
        (delivery.sent, delivery.kept, delivery.problem),
        (72, 0, None)
    );
    let mut expected = statements;
    expected[2] = older;
    assert_holds(lrs.statements(), expected);
}
