//! Reading a scenario file: bytes to [`Scenario`], or diagnostics a trainer can act on.
//!
//! Every way a file can be wrong (too big, not text, bad syntax, a typo in a
//! field or an outcome, a duplicate id) becomes a [`Diagnostic`] with the file,
//! the line and column, the field path and a hint. Nothing here panics.

use std::path::Path;

use ron::Options;
use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::model::Scenario;
use super::ordered::DUPLICATE_ID;
use crate::diagnostic::{Code, Diagnostic, offset_of};

/// Largest scenario file accepted, in bytes. Real scenarios are tens of kilobytes.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// Deepest nesting of brackets accepted. A scenario needs about eight.
pub const MAX_NESTING: usize = 48;

/// The RON options every scenario is read with: `Some(..)` may be left out.
pub fn ron_options() -> Options {
    Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

/// Parses a scenario from the bytes of `path`.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Scenario, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            Code::FileTooLarge,
            path,
            format!(
                "the file is {} bytes; a scenario may be at most {MAX_FILE_BYTES} bytes",
                bytes.len()
            ),
        )
        .with_hint(
            "split the call into several scenarios, or check that this is the file you meant",
        ));
    }
    let source = match std::str::from_utf8(bytes) {
        Ok(source) => source,
        Err(error) => {
            let valid = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
            return Err(Diagnostic::error(
                Code::NotUtf8,
                path,
                format!(
                    "the file is not UTF-8 text (invalid byte at offset {})",
                    error.valid_up_to()
                ),
            )
            .at(valid, valid.len()..valid.len())
            .with_hint("save the file as UTF-8 in your editor"));
        }
    };
    if source.trim().is_empty() {
        return Err(Diagnostic::error(Code::Syntax, path, "the file is empty")
            .with_hint("a scenario starts with `Scenario(` and names at least id, title, language, customer, nodes and endings"));
    }
    parse_str(path, source)
}

/// Parses a scenario from source text already known to be UTF-8.
pub fn parse_str(path: &Path, source: &str) -> Result<Scenario, Diagnostic> {
    parse_ron(path, source)
}

/// Parses any file trainers write in RON (a scenario, an assignment) from source text, with
/// the diagnostics of a scenario: line, column, field path and hint.
pub fn parse_ron<T: DeserializeOwned>(path: &Path, source: &str) -> Result<T, Diagnostic> {
    let options = ron_options();
    // Most files are valid: read them at full speed, and read a broken one a second
    // time with the field path tracked, for the diagnostic.
    if let Ok(parsed) = options.from_str(source) {
        return Ok(parsed);
    }
    let mut deserializer = ron::Deserializer::from_str_with_options(source, &options)
        .map_err(|error| describe(path, source, error, String::new()))?;
    let parsed = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let field = error.path().to_string();
        let spanned = deserializer.span_error(error.into_inner());
        describe(path, source, spanned, field)
    })?;
    deserializer
        .end()
        .map_err(|error| describe(path, source, deserializer.span_error(error), String::new()))?;
    Ok(parsed)
}

/// Reads just enough of a file to know its id, for reporting duplicates across a library.
pub fn peek_id(source: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct IdOnly {
        id: String,
    }
    ron_options().from_str::<IdOnly>(source).ok().map(|s| s.id)
}

fn describe(path: &Path, source: &str, error: SpannedError, field: String) -> Diagnostic {
    let start = offset_of(source, error.span.start.line, error.span.start.col);
    let end = offset_of(source, error.span.end.line, error.span.end.col).max(start);
    let field = if field == "." { String::new() } else { field };
    let (code, message, hint) = explain(&error.code, &field);
    let mut span = start..end;
    if code == Code::DuplicateId {
        span = locate_duplicate(source, &message).unwrap_or(span);
    }
    Diagnostic::error(code, path, message)
        .at(source, span)
        .with_field(field)
        .with_hint(hint)
}

/// The code, message and hint for a RON error.
fn explain(error: &RonError, field: &str) -> (Code, String, String) {
    let within = |outer: &Option<String>| {
        outer
            .as_deref()
            .map(|o| format!(" in `{o}`"))
            .unwrap_or_default()
    };
    match error {
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            Code::UnknownField,
            format!("unknown field `{found}`{}", within(outer)),
            suggest(found, expected, "fields"),
        ),
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => (
            Code::UnknownVariant,
            format!("unknown value `{found}`{}", within(outer)),
            suggest(found, expected, "values"),
        ),
        RonError::MissingStructField {
            field: missing,
            outer,
        } => (
            Code::MissingField,
            format!("missing field `{missing}`{}", within(outer)),
            format!("add `{missing}: ...` to this block"),
        ),
        RonError::DuplicateStructField {
            field: twice,
            outer,
        } => (
            Code::DuplicateField,
            format!("field `{twice}` is given twice{}", within(outer)),
            "keep one of the two".to_owned(),
        ),
        RonError::ExceededRecursionLimit => (
            Code::TooDeep,
            format!("brackets are nested more than {MAX_NESTING} deep"),
            "a scenario needs only a few levels; check for unclosed or runaway brackets".to_owned(),
        ),
        RonError::Message(message) if message.starts_with(DUPLICATE_ID) => (
            Code::DuplicateId,
            format!(
                "{message}{}",
                if field.is_empty() {
                    String::new()
                } else {
                    format!(" in `{}`", parent(field))
                }
            ),
            "every node and ending needs its own id; rename one of them".to_owned(),
        ),
        RonError::InvalidValueForType { .. } | RonError::ExpectedDifferentLength { .. } => {
            (Code::WrongType, error.to_string(), type_hint(field))
        }
        RonError::Message(message) if message.starts_with("invalid") => {
            (Code::WrongType, error.to_string(), type_hint(field))
        }
        // A value of the wrong kind where a field is known: `minutes: "five"`.
        RonError::ExpectedInteger
        | RonError::ExpectedFloat
        | RonError::ExpectedBoolean
        | RonError::ExpectedString
        | RonError::ExpectedArray
        | RonError::ExpectedMap
            if !field.is_empty() =>
        {
            (
                Code::WrongType,
                format!("{} for `{field}`", error.to_string().to_lowercase()),
                type_hint(field),
            )
        }
        other => (Code::Syntax, other.to_string(), syntax_hint(other)),
    }
}

fn parent(field: &str) -> &str {
    field.rfind(['.', '[']).map_or(field, |cut| &field[..cut])
}

fn type_hint(field: &str) -> String {
    let last = field.rsplit(['.', '[']).next().unwrap_or(field);
    match last {
        "say" => "`say` is a list of strings: say: [\"...\", \"...\"]".to_owned(),
        "tags" | "objectives" | "sets" | "clears" | "breaks" | "flags" | "not_flags"
        | "endings" | "unless" => {
            format!("`{last}` is a list of strings: {last}: [\"...\"]")
        }
        "points" => {
            "points are whole numbers: points: (empathy: 2, accuracy: 1, resolution: 0)".to_owned()
        }
        "mood" => "mood changes are whole numbers: mood: (anger: -10, trust: 5)".to_owned(),
        "account" => "account facts are pairs: account: [(\"Bill\", \"€ 312.40\"), ...]".to_owned(),
        _ => "check the value's type against docs/scenario-format.md".to_owned(),
    }
}

fn syntax_hint(error: &RonError) -> String {
    match error {
        RonError::ExpectedComma => "separate fields and list items with a comma".to_owned(),
        RonError::ExpectedStringEnd => "a string is missing its closing quote `\"`".to_owned(),
        RonError::Eof => "the file ends too early: a bracket or quote is not closed".to_owned(),
        RonError::ExpectedMapColon => "write map entries as \"id\": (...)".to_owned(),
        RonError::TrailingCharacters => {
            "there is text after the end of the scenario; check the brackets".to_owned()
        }
        RonError::UnclosedBlockComment => "a `/*` comment is never closed with `*/`".to_owned(),
        RonError::ExpectedString => "text goes in double quotes: \"like this\"".to_owned(),
        RonError::ExpectedInteger | RonError::IntegerOutOfBounds => {
            "expected a whole number in range (points -10..10, mood 0..100)".to_owned()
        }
        _ => "compare with the complete example in docs/scenario-format.md".to_owned(),
    }
}

/// "did you mean `x`?" for the closest allowed name, then the allowed names.
fn suggest(found: &str, expected: &[&str], kind: &str) -> String {
    let closest = expected
        .iter()
        .map(|candidate| {
            (
                distance(&found.to_lowercase(), &candidate.to_lowercase()),
                *candidate,
            )
        })
        .filter(|(d, candidate)| *d <= 2.max(candidate.len() / 3))
        .min();
    let allowed = expected
        .iter()
        .map(|e| format!("`{e}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match closest {
        Some((_, name)) => format!("did you mean `{name}`? allowed {kind}: {allowed}"),
        None => format!("allowed {kind}: {allowed}"),
    }
}

/// Levenshtein distance between two short names.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(previous + 1).min(row[j] + 1);
        }
    }
    row[b.len()]
}

/// The span of the second occurrence of a duplicated key, named in the message as `` `id` ``.
fn locate_duplicate(source: &str, message: &str) -> Option<std::ops::Range<usize>> {
    let id = message.split('`').nth(1)?;
    let quoted = format!("{id:?}");
    let mut found = source
        .match_indices(&quoted)
        .filter(|(at, _)| source[at + quoted.len()..].trim_start().starts_with(':'));
    found.next()?;
    found.next().map(|(at, _)| at..at + quoted.len())
}
