//! Hostile inputs through `frontline check --format json`: each is an error with its own code and exit 1, never a crash or a hang.

use std::path::Path;

use crate::support::{frontline, project, stdout, temp_dir};

/// The example scenario, as a starting point for broken copies.
fn example() -> String {
    std::fs::read_to_string(project("docs/example.ron")).expect("the example is readable")
}

/// Checks a file or folder; returns the diagnostic codes (sorted) and the exit code.
fn check_codes(path: &Path) -> (Vec<String>, i32) {
    let output = frontline(&[
        "check",
        path.to_str().expect("a UTF-8 path"),
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&output))
        .unwrap_or_else(|e| panic!("JSON from check: {e}\n{}", stdout(&output)));
    let mut codes: Vec<String> = value["diagnostics"]
        .as_array()
        .expect("a list of diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str().map(str::to_owned))
        .collect();
    codes.sort_unstable();
    (codes, output.status.code().unwrap_or(-1))
}

/// Writes one file into a fresh folder and checks that file.
fn check_one(test: &str, bytes: &[u8]) -> (Vec<String>, i32) {
    let dir = temp_dir(test);
    let file = dir.join("hostile.ron");
    std::fs::write(&file, bytes).expect("write");
    check_codes(&file)
}

#[test]
fn an_empty_file_is_a_syntax_error() {
    assert_eq!(check_one("hostile-empty", b""), (vec!["syntax".into()], 1));
}

#[test]
fn binary_garbage_is_not_utf8() {
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert_eq!(
        check_one("hostile-garbage", &garbage),
        (vec!["not-utf8".into()], 1)
    );
}

#[test]
fn latin1_text_is_not_utf8() {
    let latin1 = example().replace("€", "EUR").replace("Marta", "M\u{e0}rta");
    let bytes: Vec<u8> = latin1
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    assert_eq!(
        check_one("hostile-latin1", &bytes),
        (vec!["not-utf8".into()], 1)
    );
}

#[test]
fn ten_thousand_nested_brackets_are_an_error_not_a_stack_overflow() {
    let (codes, exit) = check_one("hostile-deep-parens", "(".repeat(10_000).as_bytes());
    assert_eq!((codes, exit), (vec!["syntax".to_owned()], 1));
    let deep = format!("Scenario(id: {}", "[".repeat(10_000));
    let (codes, exit) = check_one("hostile-deep", deep.as_bytes());
    assert_eq!(exit, 1);
    assert_eq!(codes.len(), 1, "{codes:?}");
    // The parser stops at the first bracket where a string belongs: the depth never builds up.
    assert_eq!(codes, vec!["wrong-type".to_owned()]);
}

#[test]
fn a_thirty_megabyte_file_is_too_large() {
    let mut big = example().into_bytes();
    big.resize(30 * 1024 * 1024, b' ');
    assert_eq!(
        check_one("hostile-big", &big),
        (vec!["file-too-large".into()], 1)
    );
}

#[cfg(unix)]
#[test]
fn a_folder_that_links_to_itself_is_scanned_once_without_hanging() {
    let dir = temp_dir("hostile-loop");
    std::fs::write(dir.join("bad.ron"), "").expect("write");
    std::os::unix::fs::symlink(&dir, dir.join("again")).expect("symlink");
    std::os::unix::fs::symlink(dir.join("again"), dir.join("deeper")).expect("symlink");
    assert_eq!(check_codes(&dir), (vec!["syntax".into()], 1));
}

#[test]
fn a_cue_climbing_out_with_dot_dot_is_an_unsafe_path() {
    let text = example().replace("cue: \"sigh\"", "cue: \"../../etc/passwd\"");
    assert_eq!(
        check_one("hostile-dotdot", text.as_bytes()),
        (vec!["unsafe-path".into()], 1)
    );
}

#[test]
fn an_absolute_cue_path_is_an_unsafe_path() {
    let text = example().replace("cue: \"sigh\"", "cue: \"/etc/passwd\"");
    assert_eq!(
        check_one("hostile-absolute", text.as_bytes()),
        (vec!["unsafe-path".into()], 1)
    );
}

#[cfg(unix)]
#[test]
fn a_cue_through_a_link_leaving_the_library_is_an_unsafe_path() {
    let outside = temp_dir("hostile-outside");
    std::fs::write(outside.join("secret.wav"), b"RIFF").expect("write");
    let dir = temp_dir("hostile-link");
    std::os::unix::fs::symlink(&outside, dir.join("sounds")).expect("symlink");
    let text = example().replace("cue: \"sigh\"", "cue: \"sounds/secret.wav\"");
    std::fs::write(dir.join("linked.ron"), text).expect("write");
    assert_eq!(check_codes(&dir), (vec!["unsafe-path".into()], 1));
}

#[test]
fn a_wrap_up_answer_with_negative_points_is_out_of_range() {
    let text = example().replace(
        "ask: \"Disposition code\",\n            points: (accuracy: 2),",
        "ask: \"Disposition code\",\n            points: (accuracy: 2, empathy: -1),",
    );
    assert!(
        text.contains("empathy: -1"),
        "the example still has its wrap-up"
    );
    assert_eq!(
        check_one("hostile-wrap-up", text.as_bytes()),
        (vec!["points-out-of-range".into()], 1)
    );
}
