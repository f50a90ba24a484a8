//! Finds where a field of a parsed scenario is written in its source.
//!
//! serde forgets positions once a file is parsed; the checker still wants to
//! say `file:line:col` for an unknown node in a choice's `next`. This walks the
//! RON text once and records the byte span of every value by its field path,
//! in the same notation as the loader's errors (`nodes.greeting.choices[1].next`).

use std::collections::HashMap;
use std::ops::Range;

/// Deepest nesting the walker follows; deeper text is ignored, never a stack overflow.
const MAX_DEPTH: usize = 256;

/// Byte spans of values by field path.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    spans: HashMap<String, Range<usize>>,
}

impl SourceMap {
    /// Indexes a RON source.
    pub fn build(source: &str) -> SourceMap {
        let tokens = tokenize(source);
        let mut walker = Walker {
            tokens: &tokens,
            at: 0,
            spans: HashMap::new(),
        };
        walker.value(String::new(), 0);
        SourceMap {
            spans: walker.spans,
        }
    }

    /// The span of the value at `path`, or of its nearest enclosing value that is indexed.
    pub fn find(&self, path: &str) -> Option<Range<usize>> {
        let mut path = path;
        loop {
            if let Some(span) = self.spans.get(path) {
                return Some(span.clone());
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token<'a> {
    Ident(&'a str),
    Str(String),
    Other(&'a str),
    Punct(char),
}

fn tokenize(source: &str) -> Vec<(Token<'_>, Range<usize>)> {
    let bytes = source.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let mut depth = 0usize;
                while i < bytes.len() {
                    if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            b'"' => {
                i += 1;
                let mut text = String::new();
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i = (i + 1).min(bytes.len());
                let inner = source
                    .get(start + 1..i.saturating_sub(1).max(start + 1))
                    .unwrap_or("");
                text.push_str(&unescape(inner));
                tokens.push((Token::Str(text), start..i));
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) => {
                let mut hashes = 0;
                i += 1;
                while bytes.get(i) == Some(&b'#') {
                    hashes += 1;
                    i += 1;
                }
                i += 1;
                let body = i;
                let closing = format!("\"{}", "#".repeat(hashes));
                let end = source
                    .get(i..)
                    .and_then(|rest| rest.find(&closing))
                    .map_or(bytes.len(), |e| i + e);
                let text = source.get(body..end).unwrap_or("").to_owned();
                i = (end + closing.len()).min(bytes.len());
                tokens.push((Token::Str(text), start..i));
            }
            b'(' | b')' | b'[' | b']' | b'{' | b'}' | b':' | b',' => {
                i += 1;
                tokens.push((Token::Punct(c as char), start..i));
            }
            _ if c.is_ascii_alphabetic() || c == b'_' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                tokens.push((Token::Ident(&source[start..i]), start..i));
            }
            _ => {
                i += 1;
                while i < bytes.len()
                    && !bytes[i].is_ascii_whitespace()
                    && !matches!(
                        bytes[i],
                        b'(' | b')' | b'[' | b']' | b'{' | b'}' | b':' | b',' | b'"'
                    )
                {
                    i += 1;
                }
                while !source.is_char_boundary(i) {
                    i += 1;
                }
                tokens.push((Token::Other(&source[start..i]), start..i));
            }
        }
    }
    tokens
}

fn unescape(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

struct Walker<'t, 'a> {
    tokens: &'t [(Token<'a>, Range<usize>)],
    at: usize,
    spans: HashMap<String, Range<usize>>,
}

impl<'t, 'a> Walker<'t, 'a> {
    fn peek(&self, ahead: usize) -> Option<&'t Token<'a>> {
        self.tokens.get(self.at + ahead).map(|(token, _)| token)
    }

    fn span(&self, index: usize) -> Range<usize> {
        self.tokens
            .get(index)
            .map_or(0..0, |(_, span)| span.clone())
    }

    fn eat(&mut self, punct: char) -> bool {
        if self.peek(0) == Some(&Token::Punct(punct)) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    /// Walks one value, records its span at `path` and returns it.
    fn value(&mut self, path: String, depth: usize) -> Range<usize> {
        let start = self.span(self.at).start;
        if depth > MAX_DEPTH || self.at >= self.tokens.len() {
            return start..start;
        }
        match self.peek(0).cloned() {
            Some(Token::Ident(name)) if self.peek(1) == Some(&Token::Punct('(')) => {
                self.at += 1;
                // `Some(x)` and newtype variants keep the inner path.
                if name == "Some" {
                    self.at += 1;
                    self.value(path.clone(), depth + 1);
                    self.eat(')');
                } else {
                    self.parens(&path, depth);
                }
            }
            Some(Token::Punct('(')) => self.parens(&path, depth),
            Some(Token::Punct('[')) => {
                self.at += 1;
                let mut index = 0;
                while !self.eat(']') && self.at < self.tokens.len() {
                    self.value(format!("{path}[{index}]"), depth + 1);
                    index += 1;
                    if !self.eat(',') && self.peek(0) != Some(&Token::Punct(']')) {
                        self.at += 1;
                    }
                }
            }
            Some(Token::Punct('{')) => {
                self.at += 1;
                while !self.eat('}') && self.at < self.tokens.len() {
                    let key_at = self.at;
                    let key = match self.peek(0) {
                        Some(Token::Str(key)) => key.clone(),
                        Some(Token::Ident(key) | Token::Other(key)) => (*key).to_owned(),
                        _ => String::new(),
                    };
                    self.at += 1;
                    self.eat(':');
                    let entry = join(&path, &key);
                    self.value(entry.clone(), depth + 1);
                    // A map entry points at its key: that is where the id is written.
                    self.spans.insert(entry, self.span(key_at));
                    if !self.eat(',') && self.peek(0) != Some(&Token::Punct('}')) {
                        self.at += 1;
                    }
                }
            }
            Some(_) => self.at += 1,
            None => {}
        }
        let end = self.span(self.at.saturating_sub(1)).end.max(start);
        self.spans.insert(path, start..end);
        start..end
    }

    /// Walks `( ... )`: named fields or tuple elements.
    fn parens(&mut self, path: &str, depth: usize) {
        self.at += 1;
        let mut index = 0;
        while !self.eat(')') && self.at < self.tokens.len() {
            let named = matches!(self.peek(0), Some(Token::Ident(_)))
                && self.peek(1) == Some(&Token::Punct(':'));
            if let (true, Some(Token::Ident(field))) = (named, self.peek(0).cloned()) {
                self.at += 2;
                self.value(join(path, field), depth + 1);
            } else {
                self.value(format!("{path}.{index}"), depth + 1);
                index += 1;
            }
            if !self.eat(',') && self.peek(0) != Some(&Token::Punct(')')) {
                self.at += 1;
            }
        }
    }
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = r#"// comment
Scenario(
    id: "x",
    nodes: {
        "hello": (say: ["hi"], choices: [(text: "a", next: "bye"), (text: "b", next: "nowhere")]),
    },
)"#;

    fn text_at(path: &str) -> &'static str {
        let span = SourceMap::build(SOURCE).find(path).expect("indexed");
        &SOURCE[span]
    }

    #[test]
    fn a_field_of_a_choice_in_a_list_is_found_by_its_path() {
        assert_eq!(text_at("nodes.hello.choices[1].next"), "\"nowhere\"");
    }

    #[test]
    fn a_map_entry_points_at_its_key() {
        assert_eq!(text_at("nodes.hello"), "\"hello\"");
    }

    #[test]
    fn an_unknown_path_falls_back_to_the_nearest_indexed_parent() {
        assert_eq!(
            text_at("nodes.hello.choices[1].sets[3]"),
            "(text: \"b\", next: \"nowhere\")"
        );
    }

    #[test]
    fn unbalanced_text_is_walked_without_panicking() {
        for text in [
            "(((",
            "{\"a\": [",
            "r#\"abc",
            "\"open",
            "/* never closed",
            "é(ü:",
        ] {
            let _ = SourceMap::build(text).find("a.b");
        }
    }
}
