//! A real learning record store for the tests: Learning Locker's statements service
//! (`xapi-statements` from npm, installed by `scripts/lrs-setup.sh`), run with node on
//! 127.0.0.1 with its in-memory models, one store per test; and a small proxy in front
//! of it that breaks chosen requests the way networks and servers do.
//!
//! Ralph (`ralph-malph` from PyPI, [`RealLrs::ralph`]) is a second store.
//!
//! Where node, Python or the packages are missing, a store says so on stderr and the test
//! does nothing; under CI (`CI` set) or with `FRONTLINE_REQUIRE_LRS` set it fails.

use std::collections::VecDeque;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::temp_dir;

/// Where `scripts/lrs-setup.sh` installs the stores.
fn cache() -> PathBuf {
    std::env::var_os("FRONTLINE_LRS_CACHE")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache/frontline-lrs"))
        })
        .unwrap_or_else(|| PathBuf::from(".cache/frontline-lrs"))
}

/// The statements service, as `scripts/lrs-setup.sh` installs it.
fn server_script() -> PathBuf {
    cache().join("xapi-statements/node_modules/xapi-statements/dist/server.js")
}

/// Says why a store cannot run here: fails under CI or `FRONTLINE_REQUIRE_LRS`, else
/// prints that the test is skipped.
fn unavailable(test: &str, why: &str) {
    let required =
        std::env::var_os("CI").is_some() || std::env::var_os("FRONTLINE_REQUIRE_LRS").is_some();
    assert!(
        !required,
        "{test} needs a real learning record store: {why}"
    );
    eprintln!("SKIPPED {test}: {why}");
}

/// Waits until something listens on the port.
fn wait_for(port: u16, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "{what} did not start on port {port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The bcrypt hash of [`AUTH`]'s password, as Ralph's `auth.json` keeps it.
const RALPH_HASH: &str = "$2b$12$EdybuGq2kjDp0A9Q1z4pme6CLvp2.R/oVR7Z/8gYuzkD4b1ikec86";

/// A running statements service, stopped when dropped.
pub struct RealLrs {
    child: Child,
    /// Its xAPI endpoint, `http://127.0.0.1:PORT/xAPI/`.
    pub url: String,
}

impl RealLrs {
    /// Starts a store with nothing in it; `None` (said on stderr) where it cannot run here.
    pub fn start(test: &str) -> Option<RealLrs> {
        RealLrs::start_on(free_port(), test)
    }

    /// [`RealLrs::start`] on a given port.
    pub fn start_on(port: u16, test: &str) -> Option<RealLrs> {
        let script = server_script();
        let node = Command::new("node").arg("--version").output();
        let missing = match (&node, script.exists()) {
            (Ok(out), true) if out.status.success() => None,
            (Ok(out), _) if out.status.success() => Some(format!(
                "the statements service is not installed at {} (run scripts/lrs-setup.sh)",
                script.display()
            )),
            _ => Some("node is not installed (run scripts/lrs-setup.sh)".to_owned()),
        };
        if let Some(why) = missing {
            unavailable(test, &why);
            return None;
        }
        let dir = temp_dir(&format!("lrs-{test}"));
        let child = Command::new("node")
            .arg(&script)
            .current_dir(&dir)
            .env("MODELS_REPO", "memory")
            .env("STORAGE_REPO", "local")
            .env("AUTH_REPO", "test")
            .env("EVENTS_REPO", "test")
            .env("EXPRESS_PORT", port.to_string())
            .env("FS_LOCAL_STORAGE_DIR", dir.join("storage"))
            .env("EXPRESS_MORGAN_DIRECTORY", dir.join("logs"))
            .env("WINSTON_CONSOLE_LEVEL", "error")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("node starts");
        let lrs = RealLrs {
            child,
            url: format!("http://127.0.0.1:{port}/xAPI/"),
        };
        wait_for(port, "the statements service");
        Some(lrs)
    }

    /// Starts Ralph (`ralph-malph` from PyPI) with its file backend, which takes one write:
    /// enough for one sending. Trainer [`AUTH`] may read and write; `None` (said on stderr)
    /// where it cannot run here.
    pub fn ralph(test: &str) -> Option<RealLrs> {
        let uvicorn = cache().join("ralph/bin/uvicorn");
        if !uvicorn.exists() {
            let why = format!(
                "Ralph is not installed at {} (run scripts/lrs-setup.sh)",
                uvicorn.display()
            );
            unavailable(test, &why);
            return None;
        }
        let port = free_port();
        let dir = temp_dir(&format!("ralph-{test}"));
        let (user, _) = AUTH.split_once(':').expect("user:password");
        let auth = serde_json::json!([{
            "agent": { "mbox": format!("mailto:{user}@example.com"), "objectType": "Agent" },
            "scopes": ["all"],
            "hash": RALPH_HASH,
            "username": user,
        }]);
        std::fs::write(dir.join("auth.json"), auth.to_string()).expect("writes Ralph's users");
        let child = Command::new(&uvicorn)
            .args([
                "ralph.api:app",
                "--host",
                "127.0.0.1",
                "--log-level",
                "warning",
            ])
            .arg("--port")
            .arg(port.to_string())
            .current_dir(&dir)
            .env("RALPH_APP_DIR", &dir)
            .env("RALPH_RUNSERVER_BACKEND", "fs")
            .env(
                "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH",
                dir.join("data"),
            )
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Ralph starts");
        let lrs = RealLrs {
            child,
            url: format!("http://127.0.0.1:{port}/xAPI/"),
        };
        wait_for(port, "Ralph");
        Some(lrs)
    }

    /// Every statement the store holds, as it gives them (newest first), without what the
    /// store adds to each (`stored`, `authority`, `version`).
    pub fn statements(&self) -> Vec<Value> {
        let mut all =
            frontline::records::read(&self.url, Some(AUTH), None).expect("the store reads");
        for statement in &mut all {
            let object = statement.as_object_mut().expect("a statement is an object");
            for added in ["stored", "authority", "version"] {
                object.remove(added);
            }
        }
        all
    }
}

impl Drop for RealLrs {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The credentials the tests send (the test service takes any but its own test tokens).
pub const AUTH: &str = "trainer:s3cret";

/// A port nobody listens on now.
pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binds a local port");
    listener.local_addr().expect("an address").port()
}

/// What the proxy does with one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Answers this status itself; the store never sees the request.
    Answer(u16),
    /// Takes the request, waits, then hands it to the store (the sender gave up meanwhile).
    Slow(Duration),
    /// Hands the request to the store, then closes the connection before the answer.
    CutAfterStore,
    /// Closes the connection after half the request; the store never sees it.
    CutMidRequest,
}

/// A proxy on 127.0.0.1 in front of a store: requests pass through, except that each
/// queued fault breaks the next request. Runs until the test ends.
pub struct Proxy {
    /// Its xAPI endpoint.
    pub url: String,
    faults: Arc<Mutex<VecDeque<Fault>>>,
    seen: Arc<Mutex<Vec<String>>>,
}

impl Proxy {
    /// A proxy in front of the store at `store` (`http://127.0.0.1:PORT/xAPI/`).
    pub fn before(store: &str) -> Proxy {
        let target = store
            .trim_start_matches("http://")
            .split('/')
            .next()
            .expect("a host")
            .to_owned();
        let listener = TcpListener::bind("127.0.0.1:0").expect("binds a local port");
        let url = format!(
            "http://{}/xAPI/",
            listener.local_addr().expect("an address")
        );
        let faults = Arc::new(Mutex::new(VecDeque::new()));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (queue, log) = (Arc::clone(&faults), Arc::clone(&seen));
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let fault = queue.lock().expect("the faults").pop_front();
                let target = target.clone();
                let log = Arc::clone(&log);
                std::thread::spawn(move || serve(client, &target, fault, &log));
            }
        });
        Proxy { url, faults, seen }
    }

    /// Breaks the next requests, one fault each, in order.
    pub fn break_next(&self, faults: &[Fault]) {
        self.faults.lock().expect("the faults").extend(faults);
    }

    /// The request lines seen so far (`POST /xAPI/statements`), with the fault met.
    pub fn seen(&self) -> Vec<String> {
        self.seen.lock().expect("the log").clone()
    }
}

/// One client connection: one request, then closed.
fn serve(mut client: TcpStream, target: &str, fault: Option<Fault>, log: &Mutex<Vec<String>>) {
    let request = if fault == Some(Fault::CutMidRequest) {
        // The first bytes only: closing with the rest unread resets the sender's connection.
        let mut first = vec![0u8; 512];
        let n = client.read(&mut first).unwrap_or(0);
        first.truncate(n);
        first
    } else {
        match read_request(&mut client) {
            Some(request) => request,
            None => return,
        }
    };
    let line = String::from_utf8_lossy(&request)
        .lines()
        .next()
        .unwrap_or_default()
        .rsplit_once(' ')
        .map(|(line, _)| line.to_owned())
        .unwrap_or_default();
    log.lock().expect("the log").push(format!(
        "{line} {}",
        fault.map_or("passed".to_owned(), |f| format!("{f:?}"))
    ));
    match fault {
        None => {
            let answer = forward(&request, target);
            let _ = client.write_all(&answer);
        }
        Some(Fault::Answer(status)) => {
            let body = "{\"message\":\"broken by the test proxy\"}";
            let _ = write!(
                client,
                "HTTP/1.1 {status} Broken\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
        Some(Fault::Slow(wait)) => {
            std::thread::sleep(wait);
            let answer = forward(&request, target);
            let _ = client.write_all(&answer);
        }
        Some(Fault::CutAfterStore) => {
            forward(&request, target);
        }
        Some(Fault::CutMidRequest) => return,
    }
    let _ = client.shutdown(Shutdown::Both);
}

/// Reads one whole request: its head and a Content-Length body.
fn read_request(client: &mut TcpStream) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    let mut buffer = [0u8; 65536];
    loop {
        let n = client.read(&mut buffer).ok()?;
        if n == 0 {
            return None;
        }
        bytes.extend_from_slice(&buffer[..n]);
        let Some(end) = bytes.windows(4).position(|w| w == b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&bytes[..end]).to_ascii_lowercase();
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0);
        if bytes.len() >= end + 4 + length {
            return Some(bytes);
        }
    }
}

/// Sends a request to the store on a connection of its own, asking it to close after the
/// answer, and gives the whole answer.
fn forward(request: &[u8], target: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(request);
    let end = text.find("\r\n\r\n").expect("a whole request");
    let head: Vec<&str> = text[..end]
        .lines()
        .filter(|l| !l.to_ascii_lowercase().starts_with("connection:"))
        .collect();
    let mut rewritten = format!("{}\r\nConnection: close\r\n\r\n", head.join("\r\n")).into_bytes();
    rewritten.extend_from_slice(&request[end + 4..]);
    let mut store = TcpStream::connect(target).expect("the store is up");
    store
        .write_all(&rewritten)
        .expect("the store takes the request");
    let mut answer = Vec::new();
    store.read_to_end(&mut answer).expect("the store answers");
    answer
}
