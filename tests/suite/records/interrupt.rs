//! An interactive call broken off with Ctrl-C is recorded as abandoned.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::json;

use super::harness::{EXAMPLE, json_of, path};
use crate::support::{project, stderr, temp_dir};

/// Reads a child's output as it comes, giving everything read so far after each piece.
fn collect(mut from: impl Read + Send + 'static) -> std::sync::mpsc::Receiver<String> {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut piece = [0; 4096];
        while let Ok(read @ 1..) = from.read(&mut piece) {
            all.extend_from_slice(&piece[..read]);
            if sender
                .send(String::from_utf8_lossy(&all).into_owned())
                .is_err()
            {
                break;
            }
        }
    });
    receiver
}

/// Waits until the output read so far holds `prompts` answer prompts.
fn wait_for_prompts(output: &std::sync::mpsc::Receiver<String>, prompts: usize) -> String {
    loop {
        let text = output
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|e| panic!("no prompt {prompts} from `frontline play`: {e}"));
        if text.matches("\n> ").count() >= prompts {
            return text;
        }
    }
}

#[cfg(unix)]
#[test]
fn an_interactive_call_broken_off_with_ctrl_c_is_recorded_as_abandoned() {
    let dir = temp_dir("records-interrupted");
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .env("FRONTLINE_LANGUAGE", "en")
        .args(["play", EXAMPLE, "--seed", "7", "--trainee", "Ana"])
        .args(["--data-dir", path(&dir)])
        .current_dir(project(""))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("frontline play starts");
    let mut stdin = child.stdin.take().expect("a stdin");
    let output = collect(child.stdout.take().expect("a stdout"));
    wait_for_prompts(&output, 1);
    // The expert's first answer, then Ctrl-C at the second decision, stdin still open.
    stdin.write_all(b"3\n").expect("answers");
    wait_for_prompts(&output, 2);
    let interrupt = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(interrupt.success());
    let ended = child.wait_with_output().expect("frontline play ends");
    drop(stdin);
    assert_eq!(ended.status.code(), Some(130), "{}", stderr(&ended));
    assert_eq!(
        stderr(&ended),
        "\ninterrupted: the call is recorded as abandoned\nrecorded as call 1 (frontline replay 1)\n"
    );
    let history = json_of(&["history", "--data-dir", path(&dir), "--format", "json"]);
    let recorded = &history[0];
    assert_eq!(
        (
            history.as_array().map(Vec::len),
            recorded["trainee"].clone(),
            recorded["outcome"].clone(),
            recorded["abandoned"].clone(),
            recorded["choices"].clone(),
            recorded["result"].clone(),
        ),
        (
            Some(1),
            json!("Ana"),
            json!("Abandoned"),
            json!(true),
            json!("3"),
            json!("abandoned")
        )
    );
}
