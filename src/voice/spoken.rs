//! Stage directions: `(piange)`, `[sob]` in a line are acted, not spoken.

use crate::scenario::BuiltinCue;

/// What a stage direction becomes when the line is heard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// A sound of the customer's own (a sob, a sigh, a raised voice).
    Cue(BuiltinCue),
    /// A silence in the line.
    Pause,
}

impl Direction {
    /// The direction a bracketed note stands for, by its words in English or Italian.
    pub fn of(note: &str) -> Direction {
        const SOUNDS: [(BuiltinCue, &[&str]); 3] = [
            (
                BuiltinCue::Sob,
                &[
                    "cry",
                    "crie",
                    "tear",
                    "sob",
                    "weep",
                    "piang",
                    "lacrim",
                    "singhiozz",
                ],
            ),
            (BuiltinCue::Sigh, &["sigh", "sospir"]),
            (
                BuiltinCue::Shout,
                &["shout", "yell", "scream", "urla", "grida", "alza la voce"],
            ),
        ];
        let note = note.to_lowercase();
        SOUNDS
            .iter()
            .find(|(_, stems)| stems.iter().any(|stem| note.contains(stem)))
            .map_or(Direction::Pause, |(cue, _)| Direction::Cue(*cue))
    }
}

/// Marks after which a speaker pauses anyway.
const PUNCTUATION: [char; 7] = [',', '.', '!', '?', ';', ':', '…'];

/// A line as heard: the words to speak and the directions taken out of it, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spoken {
    /// The words, without the bracketed notes, spaces tidied.
    pub text: String,
    /// What each bracketed note becomes.
    pub directions: Vec<Direction>,
}

/// Takes the stage directions out of a line: every `( … )` and `[ … ]` (an unclosed one runs
/// to the end of the line); one between words leaves a comma, a pause in the speech. The one rule the voice files' names, the renderer and the app
/// follow, so what is rendered is what the app asks for.
pub fn spoken(line: &str) -> Spoken {
    let mut text = String::with_capacity(line.len());
    let mut directions = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find(['(', '[']) {
        text.push_str(&rest[..open]);
        let close = if rest.as_bytes()[open] == b'(' {
            ')'
        } else {
            ']'
        };
        let after = &rest[open + 1..];
        let (note, next) = match after.find(close) {
            Some(end) => (&after[..end], &after[end + 1..]),
            None => (after, ""),
        };
        directions.push(Direction::of(note));
        // A note between words is a pause in the speech: a comma, unless punctuation is there.
        let before = text.trim_end();
        let after = next.trim_start();
        let between = !before.is_empty() && !after.is_empty();
        let punctuated = before.ends_with(PUNCTUATION) || after.starts_with(PUNCTUATION);
        text.push_str(if between && !punctuated { ", " } else { " " });
        rest = next;
    }
    text.push_str(rest);
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut tidy = words.join(" ");
    // A note taken out before a comma or a full stop leaves a space in front of it.
    for mark in [",", ".", "!", "?", ";", ":"] {
        tidy = tidy.replace(&format!(" {mark}"), mark);
    }
    Spoken {
        text: tidy
            .trim_start_matches([',', '.', ';', ':', ' '])
            .to_owned(),
        directions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_in_brackets_are_taken_out_and_become_cues_or_pauses() {
        let heard = spoken("(crying) I can't... [pause] I'll call back. (she hangs up)");
        assert_eq!(heard.text, "I can't... I'll call back.");
        assert_eq!(spoken("Yes [sob] yes.").text, "Yes, yes.");
        assert_eq!(
            heard.directions,
            vec![
                Direction::Cue(BuiltinCue::Sob),
                Direction::Pause,
                Direction::Pause
            ]
        );
        let heard = spoken("Va bene (sospira), aspetto.");
        assert_eq!(heard.text, "Va bene, aspetto.");
        assert_eq!(heard.directions, vec![Direction::Cue(BuiltinCue::Sigh)]);
    }

    #[test]
    fn a_line_that_is_only_a_note_speaks_nothing_and_an_unclosed_note_runs_to_the_end() {
        assert_eq!(spoken("(riattacca)").text, "");
        assert_eq!(spoken("Pronto? (piange").text, "Pronto?");
    }
}
