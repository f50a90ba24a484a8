//! `frontline export --lrs`: statements a learning record store does not take are sent next time.

use std::io::{Read, Write};
use std::net::TcpListener;

use serde_json::Value;

use super::harness::{export_to, path, play};
use crate::support::{frontline, stderr, stdout, temp_dir};

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
