//! Every diagnostic the loader and checker promise, each on a tiny fixture, with its position.

use std::path::Path;

use frontline::diagnostic::{Code, Diagnostic, Severity};
use frontline::library::{Library, load_bytes};
use frontline::scenario::AssetRoots;

use crate::support::temp_dir;

/// A small valid scenario; each test breaks one thing in it.
const TINY: &str = r#"Scenario(
    id: "tiny",
    title: "Tiny",
    language: "en",
    customer: (name: "Ada"),
    rules: (compliance: [(id: "verify-first", text: "Verify first.", unless: ["verified"])]),
    nodes: {
        "start": (
            say: ["Hello?"],
            choices: [
                (text: "Verify", sets: ["verified"], points: (accuracy: 1), feedback: "Good.", next: "ask"),
                (text: "Skip", feedback: "Bad.", next: "ask"),
            ],
        ),
        "ask": (
            say: ["So?"],
            choices: [
                (text: "Solve", points: (resolution: 2), feedback: "Good.", next: "done"),
                (text: "Leave", feedback: "Bad.", next: "open"),
            ],
        ),
    },
    endings: {
        "done": (outcome: Resolved, say: "Thanks."),
        "open": (outcome: Unresolved, say: "Bye."),
    },
)"#;

/// The diagnostics of a variation of the tiny fixture. Two decisions of two answers are too
/// few to resist guessing, so its `guessable` warnings are left out here: guessing has its own
/// fixtures in `naive.rs`.
fn diagnose(text: &str) -> Vec<Diagnostic> {
    without_guessing(
        load_bytes(
            Path::new("tiny.ron"),
            text.as_bytes(),
            &AssetRoots::default(),
        )
        .diagnostics,
    )
}

/// Diagnostics less `guessable` (see [`diagnose`]).
fn without_guessing(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .filter(|d| d.code != Code::Guessable)
        .collect()
}

fn broken(from: &str, to: &str) -> String {
    assert!(TINY.contains(from), "fixture has `{from}`");
    TINY.replacen(from, to, 1)
}

/// Asserts exactly one diagnostic, of this code, severity and position; returns it.
fn only(text: &str, code: Code, severity: Severity, line: usize, column: usize) -> Diagnostic {
    let diagnostics = diagnose(text);
    assert_eq!(
        diagnostics.len(),
        1,
        "one diagnostic expected, got {diagnostics:#?}"
    );
    let d = diagnostics.into_iter().next().expect("one diagnostic");
    assert_eq!(
        (d.code, d.severity, d.line, d.column),
        (code, severity, line, column),
        "{d:#?}"
    );
    d
}

fn has(text: &str, code: Code) -> Diagnostic {
    let diagnostics = diagnose(text);
    diagnostics
        .iter()
        .find(|d| d.code == code)
        .cloned()
        .unwrap_or_else(|| {
            panic!(
                "a `{}` diagnostic expected, got {diagnostics:#?}",
                code.name()
            )
        })
}

#[test]
fn the_tiny_fixture_is_valid() {
    assert_eq!(diagnose(TINY), vec![]);
}

#[test]
fn a_missing_comma_is_a_syntax_error_at_its_line_with_a_hint() {
    let d = only(
        &broken("say: [\"So?\"],", "say: [\"So?\"]"),
        Code::Syntax,
        Severity::Error,
        17,
        13,
    );
    assert_eq!(d.hint, "separate fields and list items with a comma");
}

#[test]
fn a_misspelled_field_suggests_the_right_one_and_lists_the_allowed() {
    let d = only(
        &broken("say: [\"So?\"]", "sey: [\"So?\"]"),
        Code::UnknownField,
        Severity::Error,
        16,
        13,
    );
    assert_eq!(d.field, "nodes.ask.sey");
    assert!(
        d.hint.starts_with(
            "did you mean `say`? allowed fields: `say`, `say_if`, `cue`, `timer`, `choices`"
        ),
        "{}",
        d.hint
    );
}

#[test]
fn a_misspelled_outcome_suggests_the_right_one() {
    let d = only(
        &broken("outcome: Resolved", "outcome: Resovled"),
        Code::UnknownVariant,
        Severity::Error,
        24,
        27,
    );
    assert_eq!(d.message, "unknown value `Resovled` in `Outcome`");
    assert!(d.hint.starts_with("did you mean `Resolved`?"), "{}", d.hint);
}

#[test]
fn a_missing_next_is_a_missing_field() {
    let d = has(&broken(", next: \"open\")", ")"), Code::MissingField);
    assert_eq!(d.message, "missing field `next` in `Choice`");
    assert_eq!(d.line, 19);
}

#[test]
fn text_where_a_number_belongs_is_a_wrong_type_naming_the_field() {
    let d = has(
        &broken("language: \"en\",", "language: \"en\", minutes: \"five\","),
        Code::WrongType,
    );
    assert_eq!((d.line, d.field.as_str()), (4, "minutes"));
}

#[test]
fn two_nodes_with_one_id_are_a_duplicate_at_the_second() {
    let text = broken(
        "        \"ask\": (",
        "        \"ask\": (say: [\"x\"], choices: []),\n        \"ask\": (",
    );
    let d = only(&text, Code::DuplicateId, Severity::Error, 16, 9);
    assert!(d.message.starts_with("duplicate id `ask`"), "{}", d.message);
}

#[test]
fn a_node_and_an_ending_with_one_id_are_a_duplicate() {
    let d = has(
        &broken("\"open\": (outcome", "\"ask\": (outcome"),
        Code::DuplicateId,
    );
    assert_eq!(d.message, "`ask` is both a node and an ending");
    assert_eq!(d.line, 25);
}

#[test]
fn a_next_naming_no_node_is_reported_where_it_is_written_with_a_suggestion() {
    let d = only(
        &broken("next: \"done\"", "next: \"dnoe\""),
        Code::UnknownNode,
        Severity::Error,
        18,
        83,
    );
    assert_eq!(d.field, "nodes.ask.choices[0].next");
    assert_eq!(d.hint, "did you mean `done`?");
}

#[test]
fn breaking_a_rule_that_does_not_exist_is_an_unknown_rule() {
    let d = only(
        &broken(
            "(text: \"Skip\",",
            "(text: \"Skip\", breaks: [\"verify-frist\"],",
        ),
        Code::UnknownRule,
        Severity::Error,
        12,
        41,
    );
    assert_eq!(d.hint, "did you mean `verify-first`?");
}

#[test]
fn a_node_nothing_leads_to_is_an_unreachable_node_warning() {
    let text = broken(
        "    },\n    endings",
        "        \"orphan\": (say: [\"?\"], choices: [(text: \"x\", feedback: \"y\", next: \"done\")]),\n    },\n    endings",
    );
    let d = only(&text, Code::UnreachableNode, Severity::Warning, 22, 9);
    assert_eq!(d.message, "node `orphan` is never reached");
}

#[test]
fn an_ending_nothing_leads_to_is_an_unreachable_ending_warning() {
    let text = broken(
        "\"open\": (outcome: Unresolved, say: \"Bye.\"),",
        "\"open\": (outcome: Unresolved, say: \"Bye.\"),\n        \"never\": (outcome: Escalated),",
    );
    only(&text, Code::UnreachableEnding, Severity::Warning, 26, 9);
}

#[test]
fn a_state_where_no_choice_is_available_is_a_dead_end() {
    let text = broken(
        "(text: \"Solve\",",
        "(text: \"Solve\", when: (flags: [\"verified\"]),",
    )
    .replacen(
        "(text: \"Leave\",",
        "(text: \"Leave\", when: (flags: [\"verified\"]),",
        1,
    );
    let d = only(&text, Code::DeadEnd, Severity::Error, 15, 9);
    assert_eq!(
        d.message,
        "dead end at `ask`: no choice is available when no flag is set"
    );
}

#[test]
fn a_loop_no_choice_can_leave_is_an_endless_loop() {
    let text =
        broken("next: \"open\"", "next: \"ask\"").replacen("next: \"done\"", "next: \"ask\"", 1);
    let diagnostics = diagnose(&text);
    let codes: Vec<Code> = diagnostics.iter().map(|d| d.code).collect();
    // Both nodes are trapped; the points earned going round are flagged too.
    assert_eq!(
        codes,
        vec![
            Code::UnreachableEnding,
            Code::UnreachableEnding,
            Code::EndlessLoop,
            Code::EndlessLoop,
            Code::ScoringLoop
        ]
    );
    let endless = &diagnostics[3];
    assert_eq!(
        (endless.line, endless.message.as_str()),
        (
            15,
            "from `ask` the call can go round forever and never reach an ending"
        )
    );
}

#[test]
fn a_required_flag_that_no_choice_sets_is_reported_with_a_suggestion() {
    let text = broken(
        "(text: \"Leave\",",
        "(text: \"Leave\", when: (flags: [\"verifed\"]),",
    );
    let d = has(&text, Code::FlagNeverSet);
    assert_eq!(
        (d.line, d.column, d.field.as_str()),
        (19, 47, "nodes.ask.choices[1].when.flags")
    );
    assert_eq!(d.hint, "did you mean `verified`?");
    // And the ending only that choice led to is now unreachable.
    assert_eq!(
        has(&text, Code::UnreachableEnding).message,
        "ending `open` is never reached"
    );
}

#[test]
fn a_sound_that_is_neither_built_in_nor_a_file_is_missing_audio() {
    let d = only(
        &broken("say: [\"So?\"],", "say: [\"So?\"], cue: \"sobbing.wav\","),
        Code::MissingAudio,
        Severity::Error,
        16,
        32,
    );
    assert_eq!(d.message, "sound `sobbing.wav` not found");
    let d = only(
        &broken("say: [\"So?\"],", "say: [\"So?\"], cue: \"sobb\","),
        Code::MissingAudio,
        Severity::Error,
        16,
        32,
    );
    assert!(
        d.hint.starts_with("built-in sounds: ring, sob,"),
        "{}",
        d.hint
    );
}

#[test]
fn a_built_in_sound_needs_no_file() {
    assert_eq!(
        diagnose(&broken("say: [\"So?\"],", "say: [\"So?\"], cue: \"sob\",")),
        vec![]
    );
}

#[test]
fn a_sound_path_leaving_the_library_is_unsafe() {
    for path in [
        "../secret.wav",
        "/etc/passwd",
        "sounds/../../x.wav",
        "C:\\\\x.wav",
    ] {
        let d = only(
            &broken(
                "say: [\"So?\"],",
                &format!("say: [\"So?\"], cue: \"{path}\","),
            ),
            Code::UnsafePath,
            Severity::Error,
            16,
            32,
        );
        assert!(
            d.message.contains("leaves the scenario library"),
            "{path}: {}",
            d.message
        );
    }
}

#[test]
fn a_sound_file_inside_the_library_is_found() {
    let dir = temp_dir("cue-file");
    std::fs::create_dir_all(dir.join("sounds")).expect("folder");
    std::fs::write(dir.join("sounds/knock.wav"), b"RIFF").expect("file");
    let text = broken(
        "say: [\"So?\"],",
        "say: [\"So?\"], cue: \"sounds/knock.wav\",",
    );
    let roots = AssetRoots {
        library: Some(dir.clone()),
        assets: None,
    };
    assert_eq!(
        without_guessing(load_bytes(&dir.join("tiny.ron"), text.as_bytes(), &roots).diagnostics),
        vec![]
    );
}

#[test]
fn an_empty_line_is_an_empty_text_error() {
    let d = only(
        &broken("say: [\"So?\"]", "say: [\"  \"]"),
        Code::EmptyText,
        Severity::Error,
        16,
        19,
    );
    assert_eq!(d.field, "nodes.ask.say[0]");
}

#[test]
fn a_choice_without_feedback_is_a_warning() {
    only(
        &broken("(text: \"Leave\", feedback: \"Bad.\",", "(text: \"Leave\","),
        Code::EmptyText,
        Severity::Warning,
        19,
        17,
    );
}

#[test]
fn points_beyond_ten_are_out_of_range() {
    let d = only(
        &broken("points: (resolution: 2)", "points: (resolution: 12)"),
        Code::PointsOutOfRange,
        Severity::Error,
        18,
        54,
    );
    assert_eq!(
        d.message,
        "12 resolution points; one choice gives -10 to 10"
    );
}

#[test]
fn a_call_every_path_of_which_breaks_a_rule_cannot_be_passed() {
    let text = broken(
        "unless: [\"verified\"])",
        "unless: [\"verified\"]), (id: \"never\", text: \"Never.\")",
    )
    .replacen(
        "(text: \"Solve\",",
        "(text: \"Solve\", breaks: [\"never\"],",
        1,
    )
    .replacen(
        "(text: \"Leave\",",
        "(text: \"Leave\", breaks: [\"never\"],",
        1,
    );
    let d = has(&text, Code::ExpertFails);
    assert_eq!(
        d.message,
        "every way through the call breaks a compliance rule, so nobody can pass"
    );
}

#[test]
fn points_earned_inside_a_loop_are_a_scoring_loop_warning() {
    let text = broken(
        "(text: \"Leave\", feedback: \"Bad.\", next: \"open\")",
        "(text: \"Again\", points: (empathy: 1), feedback: \"Hm.\", next: \"ask\")",
    );
    let diagnostics = diagnose(&text);
    assert!(
        diagnostics
            .iter()
            .any(|d| d.code == Code::ScoringLoop && d.severity == Severity::Warning),
        "{diagnostics:#?}"
    );
}

#[test]
fn a_wrap_up_question_without_a_right_answer_for_an_ending_is_a_warning() {
    let text = broken(
        "    },\n)",
        "    },\n    wrap_up: [(ask: \"Code\", options: [(text: \"A\", correct_if: (endings: [\"done\"]), feedback: \"f\"), (text: \"B\", feedback: \"f\")])],\n)",
    );
    let d = only(&text, Code::NoCorrectAnswer, Severity::Warning, 27, 15);
    assert_eq!(d.message, "no answer is correct after ending `open`");
}

#[test]
fn an_empty_file_is_an_error_not_a_crash() {
    assert_eq!(
        diagnose("  \n").iter().map(|d| d.code).collect::<Vec<_>>(),
        vec![Code::Syntax]
    );
}

#[test]
fn bytes_that_are_not_utf8_are_reported_at_their_position() {
    let bytes = [b"Scenario(\n  id: \"".as_slice(), &[0xff, 0xfe, b'"']].concat();
    let entry = load_bytes(Path::new("bad.ron"), &bytes, &AssetRoots::default());
    let d = &entry.diagnostics[0];
    assert_eq!((d.code, d.line, d.column), (Code::NotUtf8, 2, 8));
}

#[test]
fn brackets_nested_thousands_deep_are_an_error_not_a_stack_overflow() {
    // The reader follows the format's shape, so it stops at the first bracket out of place.
    for text in [
        format!("Scenario(id: {}", "[".repeat(10_000)),
        "(".repeat(100_000),
        format!("Scenario(tags: {}", "[".repeat(10_000)),
    ] {
        let d = &diagnose(&text)[0];
        assert!(
            matches!(d.code, Code::Syntax | Code::WrongType | Code::TooDeep),
            "{d:#?}"
        );
    }
}

#[test]
fn a_file_of_tens_of_megabytes_is_too_large() {
    let text = format!("Scenario(id: \"{}\")", "x".repeat(30 * 1024 * 1024));
    assert_eq!(diagnose(&text)[0].code, Code::FileTooLarge);
}

#[test]
fn two_files_with_one_scenario_id_are_a_duplicate_and_the_first_still_loads() {
    let dir = temp_dir("duplicate-ids");
    std::fs::write(dir.join("a.ron"), TINY).expect("write");
    std::fs::write(dir.join("b.ron"), TINY).expect("write");
    std::fs::write(dir.join("c.ron"), "Scenario(").expect("write");
    let library = Library::load(std::slice::from_ref(&dir), None).expect("loads");
    let summary: Vec<(String, bool, Vec<Code>)> = library
        .entries
        .iter()
        .map(|e| {
            let name = e
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (
                name,
                e.is_broken(),
                without_guessing(e.diagnostics.clone())
                    .iter()
                    .map(|d| d.code)
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("a.ron".to_owned(), false, vec![]),
            ("b.ron".to_owned(), true, vec![Code::DuplicateId]),
            ("c.ron".to_owned(), true, vec![Code::Syntax]),
        ]
    );
}
