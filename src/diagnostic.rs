//! Diagnostics: what is wrong in a scenario file, where, and what to do about it.
//!
//! One type for syntax errors and graph checks alike, so the command line, the
//! app and the tests all report problems the same way.

use std::ops::Range;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config};
use serde::Serialize;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The scenario can still be played but something is probably a mistake.
    Warning,
    /// The scenario cannot be played as written.
    Error,
}

/// Stable identifiers of every problem the loader and checker report.
///
/// Scripts and tests rely on these names: never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// The file cannot be read.
    Unreadable,
    /// The file is larger than the loader accepts.
    FileTooLarge,
    /// The file is not UTF-8 text.
    NotUtf8,
    /// RON syntax error.
    Syntax,
    /// Brackets nested deeper than the loader accepts.
    TooDeep,
    /// A field the format does not know.
    UnknownField,
    /// A required field is missing.
    MissingField,
    /// A field given twice.
    DuplicateField,
    /// A variant name (outcome, difficulty) the format does not know.
    UnknownVariant,
    /// A value of the wrong type.
    WrongType,
    /// Two nodes, endings, rules or scenarios with the same id.
    DuplicateId,
    /// A reference to a node or ending that does not exist.
    UnknownNode,
    /// A reference to a compliance rule that does not exist.
    UnknownRule,
    /// A node no call can reach.
    UnreachableNode,
    /// An ending no call can reach.
    UnreachableEnding,
    /// A reachable state where the trainee has nothing to choose.
    DeadEnd,
    /// A loop no choice can leave.
    EndlessLoop,
    /// A flag required by a condition that no choice sets.
    FlagNeverSet,
    /// A sound file that does not exist.
    MissingAudio,
    /// An asset path that is absolute or leaves the library.
    UnsafePath,
    /// A text that must not be empty is empty.
    EmptyText,
    /// Points outside the allowed range.
    PointsOutOfRange,
    /// A value outside its allowed range (pass mark, timer, mood levels).
    ValueOutOfRange,
    /// More content than the loader accepts (nodes, choices, text length).
    TooLarge,
    /// The expert path of the scenario does not pass it.
    ExpertFails,
    /// A wrap-up question with no correct answer for some ending.
    NoCorrectAnswer,
    /// A loop that earns points each time round.
    ScoringLoop,
    /// The scenario has more states than the checker explores.
    TooManyStates,
    /// A `{placeholder}` that some variant does not define, or that is used where no variant applies.
    UnknownPlaceholder,
    /// A brace in a text or value that makes no `{placeholder}`.
    StrayBrace,
    /// A variant value no text uses.
    UnusedValue,
    /// A naive player (longest answer, most figures, ...) passes the call.
    Guessable,
    /// A time limit shorter than it takes to read the line and the answers.
    TimerTooShort,
    /// Letting the timer run out costs nothing.
    FreeSilence,
    /// Two choices of a node so close in meaning that a reply in one's own words cannot
    /// tell them apart.
    ChoicesTooClose,
    /// An assignment names a scenario the library does not hold.
    UnknownScenario,
    /// An assignment names a group the groups file does not define.
    UnknownGroup,
    /// A date that is not written as 2026-03-15.
    BadDate,
    /// A customer line whose voice file is not rendered (in a scenario whose voices folder exists).
    VoiceMissing,
    /// A file in a scenario's voices folder that no line names any more.
    VoiceStale,
    /// A `customer.voice` that names no voice the renderer knows.
    UnknownVoice,
    /// A recording for a line the node or ending does not say (or says differently in each
    /// variant).
    UnknownLine,
}

impl Code {
    /// The stable kebab-case name.
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

/// A problem in a file, with its position when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The stable code.
    pub code: Code,
    /// The file.
    pub path: PathBuf,
    /// 1-based line, 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column in characters, 0 when the problem concerns the whole file.
    pub column: usize,
    /// Where in the scenario, as a field path (`nodes["start"].choices[1].next`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub field: String,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub hint: String,
    /// Byte range in the source, for snippets.
    #[serde(skip)]
    pub span: Option<Range<usize>>,
}

impl Diagnostic {
    /// An error of the given code.
    pub fn error(code: Code, path: &Path, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, path, message)
    }

    /// A warning of the given code.
    pub fn warning(code: Code, path: &Path, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, path, message)
    }

    fn new(severity: Severity, code: Code, path: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            path: path.to_owned(),
            line: 0,
            column: 0,
            field: String::new(),
            message: message.into(),
            hint: String::new(),
            span: None,
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = hint.into();
        self
    }

    /// Sets the field path.
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = field.into();
        self
    }

    /// Places the diagnostic at a byte range of the source.
    pub fn at(mut self, source: &str, span: Range<usize>) -> Self {
        let (line, column) = line_column(source, span.start);
        self.line = line;
        self.column = column;
        self.span = Some(span);
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col: severity[code]: message`, the one-line form for logs and the app.
    pub fn one_line(&self) -> String {
        let place = if self.line > 0 {
            format!("{}:{}:{}", self.path.display(), self.line, self.column)
        } else {
            self.path.display().to_string()
        };
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut text = format!(
            "{place}: {severity}[{}]: {}",
            self.code.name(),
            self.message
        );
        if !self.hint.is_empty() {
            text.push_str(&format!(" (hint: {})", self.hint));
        }
        text
    }

    /// The full report with a source snippet marking the spot, as the terminal shows it.
    pub fn render(&self, source: Option<&str>) -> String {
        let file = SimpleFile::new(self.path.display().to_string(), source.unwrap_or(""));
        let mut report = match self.severity {
            Severity::Error => Report::error(),
            Severity::Warning => Report::warning(),
        }
        .with_code(self.code.name())
        .with_message(&self.message);
        match (&self.span, source) {
            (Some(span), Some(source)) if span.end <= source.len() => {
                let label = if self.field.is_empty() {
                    String::new()
                } else {
                    format!("in {}", self.field)
                };
                report =
                    report.with_labels(vec![Label::primary((), span.clone()).with_message(label)]);
            }
            _ => {
                report = report.with_notes(vec![format!("in {}", self.path.display())]);
            }
        }
        if !self.hint.is_empty() {
            report = report.with_notes(vec![format!("hint: {}", self.hint)]);
        }
        term::emit_into_string(&Config::default(), &file, &report)
            .unwrap_or_else(|_| self.one_line())
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// The byte offset of a 1-based line and character column.
pub fn offset_of(source: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, text) in source.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset
                + text
                    .char_indices()
                    .nth(column.saturating_sub(1))
                    .map_or(text.len(), |(byte, _)| byte);
        }
        offset += text.len();
    }
    source.len()
}

fn floor_char_boundary(source: &str, mut offset: usize) -> usize {
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Counts of errors and warnings.
pub fn tally(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}
