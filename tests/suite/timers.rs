//! Time limits: long enough to read the line and the answers, and a silence that costs something.

use frontline::diagnostic::{Code, Severity};

use crate::support::{diagnose_text, fixture_text};

/// The variants fixture with a timer on its second decision.
fn timed(seconds: u32, silence: &str) -> String {
    fixture_text("variants.ron").replace(
        r#"            say: ["So what can I do?"],"#,
        &format!(
            "            say: [\"So what can I do?\"],\n            timer: (seconds: {seconds}, silence: ({silence})),"
        ),
    )
}

#[test]
fn a_time_limit_shorter_than_reading_the_line_and_the_answers_is_a_warning_at_its_seconds() {
    let diagnostics = diagnose_text(
        "t.ron",
        &timed(
            5,
            r#"points: (empathy: -1), feedback: "Too slow.", next: "plan""#,
        ),
    );
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let d = &diagnostics[0];
    assert_eq!(
        (d.code, d.severity, d.line, d.column),
        (Code::TimerTooShort, Severity::Warning, 31, 30)
    );
    assert_eq!(
        d.message,
        "5 seconds to read 32 words and answer; it takes about 12"
    );
}

#[test]
fn a_time_limit_that_leaves_time_to_read_is_silent() {
    let diagnostics = diagnose_text(
        "t.ron",
        &timed(
            12,
            r#"points: (empathy: -1), feedback: "Too slow.", next: "plan""#,
        ),
    );
    assert_eq!(diagnostics, vec![]);
}

#[test]
fn a_silence_that_loops_back_and_costs_nothing_is_a_warning() {
    let diagnostics = diagnose_text(
        "t.ron",
        &timed(30, r#"feedback: "Say something.", next: "plan""#),
    );
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let d = &diagnostics[0];
    assert_eq!((d.code, d.line, d.column), (Code::FreeSilence, 31, 43));
    assert_eq!(d.field, "nodes.plan.timer.silence");
}

#[test]
fn a_silence_that_only_lowers_patience_but_leaves_the_best_score_in_reach_is_free_too() {
    let diagnostics = diagnose_text(
        "t.ron",
        &timed(
            30,
            r#"mood: (patience: -5), feedback: "Say something.", next: "plan""#,
        ),
    );
    assert_eq!(
        diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(),
        vec![Code::FreeSilence]
    );
}
