//! The checker: every mistake a trainer can make that the parser cannot see.
//!
//! Each kind of check has its module, so a trainer-facing diagnostic is found
//! by what it is about:
//! - [`fields`]: every field of the file within its limits, references, empty
//!   texts, flags, sound files;
//! - [`placeholders`]: the `{placeholders}` of the variants;
//! - [`timers`]: time limits long enough to read, silences that cost something;
//! - [`graph`]: what the analysis finds on the reachable states (unreachable
//!   parts, dead ends, endless loops, the expert passing, naive players);
//! - [`meaning`]: choices too close in meaning for own-words replies (run on request:
//!   it needs the matcher's model and takes a few milliseconds a node);
//! - [`voices`]: the customer's lines without an up-to-date voice file, and stale files.
//!
//! Graph checks run on the states a call can really be in, so a choice hidden
//! behind a flag nobody sets is seen as the trainee would meet it.

mod fields;
mod graph;
mod meaning;
mod placeholders;
mod timers;
mod voices;

use std::path::Path;
use std::sync::Arc;

use crate::diagnostic::{Code, Diagnostic};
use crate::engine::{PrepareError, Prepared};
use crate::scenario::{AssetRoots, Scenario, SourceMap, distance};

pub use meaning::choices_too_close;
pub use timers::{READING_WORDS_PER_MINUTE, SECONDS_TO_ANSWER};

/// Points a single choice, ending or wrap-up question may give in one dimension.
pub const POINTS_RANGE: std::ops::RangeInclusive<i32> = -10..=10;
/// Most nodes in a scenario.
pub const MAX_NODES: usize = 1000;
/// Most endings in a scenario.
pub const MAX_ENDINGS: usize = 100;
/// Most choices at one node: the app offers keys 1 to 5.
pub const MAX_CHOICES: usize = 5;
/// Most line variants of one node.
pub const MAX_VARIANTS: usize = 20;
/// Longest text, in characters.
pub const MAX_TEXT: usize = 2000;
/// Longest time limit, in seconds.
pub const MAX_SECONDS: u32 = 600;

/// A field path for a diagnostic, put together only when one is reported: a clean file
/// never pays for formatting the paths of everything it checks.
pub(super) type Field<'a> = &'a dyn Fn() -> String;

/// Collects diagnostics for one file, placing them with its source map.
pub(super) struct Checker<'a> {
    path: &'a Path,
    source: &'a str,
    /// Built on the first diagnostic: a clean file never needs it, and it costs as much as parsing.
    map: Option<SourceMap>,
    out: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    /// A checker of the file at `path` whose text is `source`, with nothing reported yet.
    pub(super) fn new(path: &'a Path, source: &'a str) -> Checker<'a> {
        Checker {
            path,
            source,
            map: None,
            out: Vec::new(),
        }
    }

    fn report(&mut self, diagnostic: Diagnostic, field: &str) {
        self.report_in(diagnostic, field, None);
    }

    /// Reports a diagnostic on a field; with `part` (a text and a byte offset in it), on that
    /// part of the text when the file writes it as a plain string (else on the whole field).
    fn report_in(&mut self, diagnostic: Diagnostic, field: &str, part: Option<(&str, usize)>) {
        let diagnostic = diagnostic.with_field(field);
        let map = self
            .map
            .get_or_insert_with(|| SourceMap::build(self.source));
        let diagnostic = match map.find(field) {
            Some(span) => {
                let inside = span.start + 1;
                let at = part.filter(|(text, offset)| {
                    self.source.get(span.start..inside) == Some("\"")
                        && self
                            .source
                            .get(inside..)
                            .is_some_and(|rest| rest.starts_with(&text[..*offset]))
                });
                match at {
                    Some((_, offset)) => {
                        let end = (inside + offset + 1).min(self.source.len());
                        diagnostic.at(self.source, inside + offset..end)
                    }
                    None => diagnostic.at(self.source, span),
                }
            }
            None => diagnostic,
        };
        self.out.push(diagnostic);
    }

    fn error(&mut self, code: Code, field: &str, message: String, hint: impl Into<String>) {
        self.report(
            Diagnostic::error(code, self.path, message).with_hint(hint),
            field,
        );
    }

    /// An error about the part of a text that starts `offset` bytes in.
    fn error_in_text(
        &mut self,
        code: Code,
        field: &str,
        part: (&str, usize),
        message: String,
        hint: impl Into<String>,
    ) {
        self.report_in(
            Diagnostic::error(code, self.path, message).with_hint(hint),
            field,
            Some(part),
        );
    }

    fn warning(&mut self, code: Code, field: &str, message: String, hint: impl Into<String>) {
        self.report(
            Diagnostic::warning(code, self.path, message).with_hint(hint),
            field,
        );
    }
}

/// Checks a parsed scenario; returns the diagnostics and, when it can be played, the prepared scenario.
pub fn check(
    scenario: impl Into<Arc<Scenario>>,
    source: &str,
    path: &Path,
    roots: &AssetRoots,
) -> (Vec<Diagnostic>, Option<Arc<Prepared>>) {
    let mut checker = Checker::new(path, source);
    let scenario: Arc<Scenario> = scenario.into();
    let references_ok = fields::check(&scenario, &mut checker, path, roots);
    placeholders::check(&scenario, &mut checker);
    timers::check(&scenario, &mut checker);
    if !references_ok {
        return (checker.out, None);
    }
    let prepared = match Prepared::new(scenario) {
        Ok(prepared) => prepared,
        Err(PrepareError::TooManyFlags(n)) => {
            checker.error(
                Code::TooLarge,
                "nodes",
                format!(
                    "the scenario uses {n} different flags; at most {} are allowed",
                    crate::engine::MAX_FLAGS
                ),
                "reuse flags, or split the call into two scenarios",
            );
            return (checker.out, None);
        }
        Err(error) => {
            checker.error(Code::UnknownNode, "", error.to_string(), "");
            return (checker.out, None);
        }
    };
    graph::check(&prepared, &mut checker);
    voices::check(&prepared, &mut checker, path);
    let playable = !checker.out.iter().any(Diagnostic::is_error);
    (checker.out, playable.then_some(prepared))
}

/// The known name closest to a misspelt one, for "did you mean".
fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (distance(name, k), *k))
        .filter(|(d, k)| *d > 0 && *d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| k)
}
