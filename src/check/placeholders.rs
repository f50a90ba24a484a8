//! The `{placeholders}` of the variants: defined in every variant, nowhere else.

use std::collections::BTreeSet;

use super::{Checker, closest};
use crate::diagnostic::Code;
use crate::scenario::{Scenario, is_name, placeholders};

/// Placeholders: every one a text uses is defined by every variant, braces make placeholders
/// and nothing else, card texts (shown before a variant is drawn) have none, every value is used.
pub(super) fn check(scenario: &Scenario, c: &mut Checker) {
    let variants = &scenario.variants;
    for (name, values) in variants.iter() {
        for (key, value) in values {
            let field = format!("variants.{name}.{key}");
            if !is_name(key) {
                c.error(
                    Code::StrayBrace,
                    &field,
                    format!("`{key}` cannot name a placeholder"),
                    "use lower-case letters, digits, `_` and `-`: `bill`, `due_date`",
                );
            }
            if let Some(at) = value.find(['{', '}']) {
                c.error_in_text(
                    Code::StrayBrace,
                    &field,
                    (value, at),
                    format!("the value of `{key}` in variant `{name}` holds a brace"),
                    "a value is plain text: write it out without braces",
                );
            }
        }
    }
    let card = [("title", &scenario.title), ("summary", &scenario.summary)]
        .into_iter()
        .map(|(field, text)| (field.to_owned(), text))
        .chain(
            scenario
                .objectives
                .iter()
                .enumerate()
                .map(|(i, text)| (format!("objectives[{i}]"), text)),
        );
    for (field, text) in card {
        match placeholders(text) {
            Err(stray) => stray_brace(c, &field, text, stray.at),
            Ok(found) => {
                if let Some(&(at, name)) = found.first() {
                    c.error_in_text(
                        Code::UnknownPlaceholder,
                        &field,
                        (text, at),
                        format!("`{{{name}}}` cannot be filled in here"),
                        "the library card shows this before a variant is drawn: write it without placeholders",
                    );
                }
            }
        }
    }
    // Only a file that has variants or writes a brace in a string can have anything to report.
    if variants.is_empty() && !braces_in_strings(c.source) {
        return;
    }
    let defined: BTreeSet<&str> = variants
        .iter()
        .flat_map(|(_, values)| values.keys().map(String::as_str))
        .collect();
    let mut used = BTreeSet::new();
    let mut texts = scenario.clone();
    texts.for_each_call_text(&mut |field, text| match placeholders(text) {
        Err(stray) => stray_brace(c, &field(), text, stray.at),
        Ok(found) => {
            for (at, name) in found {
                used.insert(name.to_owned());
                let missing: Vec<&str> = variants
                    .iter()
                    .filter(|(_, values)| !values.contains_key(name))
                    .map(|(variant, _)| variant.as_str())
                    .collect();
                if variants.is_empty() {
                    c.error_in_text(
                        Code::UnknownPlaceholder,
                        &field(),
                        (text, at),
                        format!("`{{{name}}}` is a placeholder, but the scenario has no variants"),
                        format!("declare `variants` that give `{name}` a value"),
                    );
                } else if !missing.is_empty() {
                    let known: Vec<&str> = defined.iter().copied().collect();
                    c.error_in_text(
                        Code::UnknownPlaceholder,
                        &field(),
                        (text, at),
                        format!(
                            "`{{{name}}}` is not defined by variant{} {}",
                            if missing.len() == 1 { "" } else { "s" },
                            missing
                                .iter()
                                .map(|v| format!("`{v}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                        closest(name, &known).map_or_else(
                            || format!("add `\"{name}\": \"...\"` to every variant"),
                            |near| format!("did you mean `{{{near}}}`?"),
                        ),
                    );
                }
            }
        }
    });
    for (name, values) in variants.iter() {
        for key in values.keys().filter(|key| !used.contains(key.as_str())) {
            c.warning(
                Code::UnusedValue,
                &format!("variants.{name}.{key}"),
                format!("no text uses `{{{key}}}`"),
                "write it where the trainee should read it (the account card), or remove it",
            );
        }
    }
}

fn stray_brace(c: &mut Checker, field: &str, text: &str, at: usize) {
    c.error_in_text(
        Code::StrayBrace,
        field,
        (text, at),
        "this brace makes no placeholder".to_owned(),
        "a placeholder is a name in braces, `{bill}`; other braces cannot stand in a text",
    );
}

/// Whether a brace stands inside a double-quoted string of the source (comments skipped).
fn braces_in_strings(source: &str) -> bool {
    let bytes = source.as_bytes();
    let mut i = 0;
    let mut in_string = false;
    while i < bytes.len() {
        match (in_string, bytes[i], bytes.get(i + 1)) {
            (true, b'\\', _) => i += 1,
            (true, b'{' | b'}', _) => return true,
            (_, b'"', _) => in_string = !in_string,
            (false, b'/', Some(b'/')) => {
                i = source[i..].find('\n').map_or(bytes.len(), |end| i + end);
            }
            (false, b'/', Some(b'*')) => {
                i = source[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |end| i + 2 + end + 1);
            }
            _ => {}
        }
        i += 1;
    }
    false
}
