//! CSV exports of the records, made to open cleanly in a spreadsheet.
//!
//! UTF-8 with a byte-order mark (so Excel reads accents right), a header row, times in
//! ISO 8601 UTC. Text that a spreadsheet would run as a formula (starting with `=`, `+`,
//! `-`, `@`, a tab or a carriage return) gets a leading `'`; numbers Frontline writes
//! itself are left as numbers.

use std::borrow::Cow;
use std::io::Write;

use super::{Record, rfc3339};
use crate::engine::Answer;
use crate::words::Words;

/// A cell of text from a trainee or a scenario: neutralised.
fn text(value: &str) -> String {
    neutralised(value).into_owned()
}

/// A cell Frontline computed (a number, a time, a mode): written as it is.
fn number(value: impl ToString) -> String {
    value.to_string()
}

/// Text as a spreadsheet should show it, never run it.
fn neutralised(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

fn write_rows(
    out: impl Write,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<(), csv::Error> {
    let mut out = out;
    out.write_all("\u{feff}".as_bytes())?;
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(&row)?;
    }
    writer.flush()?;
    Ok(())
}

/// One row per call.
pub fn write_calls(records: &[Record], out: impl Write) -> Result<(), csv::Error> {
    let header = [
        "record",
        "uid",
        "trainee",
        "scenario",
        "title",
        "version",
        "hash",
        "seed",
        "mode",
        "started",
        "ended",
        "seconds",
        "outcome",
        "ending",
        "empathy",
        "accuracy",
        "resolution",
        "overall",
        "pass_mark",
        "passed",
        "abandoned",
        "decisions",
        "timeouts",
        "compliance_breaks",
        "choices",
    ];
    let rows = records.iter().map(|record| {
        let call = &record.call;
        vec![
            number(record.id),
            text(&call.uid),
            text(&call.trainee),
            text(&call.scenario.id),
            text(&call.scenario.title),
            text(&call.scenario.version),
            text(&call.scenario.hash),
            number(call.seed),
            number(call.mode.name()),
            number(rfc3339(call.started_ms)),
            number(rfc3339(call.ended_ms)),
            number(call.duration_ms() as f64 / 1000.0),
            text(&call.outcome),
            text(call.ending.as_deref().unwrap_or_default()),
            number(call.scores.empathy),
            number(call.scores.accuracy),
            number(call.scores.resolution),
            number(call.scores.overall),
            number(call.pass_mark),
            number(yes_no(call.passed)),
            number(yes_no(call.abandoned)),
            number(call.decisions.len()),
            number(call.decisions.iter().filter(|d| d.timed_out()).count()),
            text(
                &call
                    .breaks
                    .iter()
                    .map(|b| b.rule.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            number(call.choices()),
        ]
    });
    write_rows(out, &header, rows)
}

/// One row per decision.
pub fn write_decisions(records: &[Record], out: impl Write) -> Result<(), csv::Error> {
    let header = [
        "record",
        "uid",
        "trainee",
        "scenario",
        "step",
        "node",
        "wrap_up",
        "prompt",
        "answer",
        "timed_out",
        "text",
        "empathy",
        "accuracy",
        "resolution",
        "elapsed_ms",
        "typed",
        "match_score",
        "match",
    ];
    let rows = records.iter().flat_map(|record| {
        let call = &record.call;
        // A silence, recorded without text, reads in the call's language.
        let words = Words::of(&call.scenario.language);
        call.decisions.iter().map(move |d| {
            vec![
                number(record.id),
                text(&call.uid),
                text(&call.trainee),
                text(&call.scenario.id),
                number(d.step),
                text(&d.node),
                number(yes_no(d.wrap_up)),
                text(&d.prompt),
                number(match d.answer {
                    Answer::Pick(n) => n.to_string(),
                    Answer::Silence => String::new(),
                }),
                number(yes_no(d.timed_out())),
                text(words.answer(&d.text)),
                number(d.points.empathy),
                number(d.points.accuracy),
                number(d.points.resolution),
                number(d.elapsed_ms.map(|ms| ms.to_string()).unwrap_or_default()),
                text(d.typed.as_ref().map_or("", |t| t.words.as_str())),
                number(
                    d.typed
                        .as_ref()
                        .map(|t| format!("{:.2}", t.score))
                        .unwrap_or_default(),
                ),
                number(d.typed.as_ref().map_or("", |t| t.taken.name())),
            ]
        })
    });
    write_rows(out, &header, rows)
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe() {
        for (text, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("I'm sorry = no", "I'm sorry = no"),
            ("", ""),
        ] {
            assert_eq!(neutralised(text), written, "{text:?}");
        }
    }

    #[test]
    fn numbers_frontline_computes_are_written_as_numbers_even_when_negative() {
        assert_eq!(number(-3), "-3");
        assert_eq!(text("-3"), "'-3");
    }
}
