//! A reply in the trainee's own words at one decision, from the first key to the answer
//! taken: the words being typed, what the matcher understood, the closest answers when it is
//! not sure, every answer when the trainee asks to see them.
//!
//! [`Reply`] is plain data driven by plain calls: the app's call screen turns keys into them,
//! and a test plays a whole own-words decision without a window.

use super::{Matcher, PreparedChoices, Ranked, Ranking};
use crate::engine::{Taken, Typed};

/// The most characters a reply holds: a long turn of a call, never a pasted document.
pub const MOST_CHARS: usize = 400;

/// A reply being typed, understood and confirmed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reply {
    /// The words typed so far.
    draft: String,
    /// What the matcher made of the words sent, until the trainee types again.
    heard: Option<Ranking>,
    /// Whether the trainee asked to see every answer.
    revealed: bool,
    /// The keyboard cursor over the answers on show, 0-based.
    cursor: usize,
}

/// What the trainee is shown of their reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Showing {
    /// The words being typed; no answer on show.
    Typing,
    /// The matcher is sure: the one answer it understood, to confirm.
    Understood,
    /// The matcher is not sure: the two or three closest answers, to pick from.
    Closest,
    /// Every answer, to pick from.
    All,
}

impl Reply {
    /// The words typed so far.
    pub fn draft(&self) -> &str {
        &self.draft
    }

    /// What the trainee is shown.
    pub fn showing(&self) -> Showing {
        match (&self.heard, self.revealed) {
            (_, true) => Showing::All,
            (None, false) => Showing::Typing,
            (Some(ranking), false) if ranking.confident => Showing::Understood,
            (Some(_), false) => Showing::Closest,
        }
    }

    /// Adds typed text (control characters, and spaces before the first word, are dropped;
    /// the reply stops at [`MOST_CHARS`]). Typing after sending takes the reply back to be
    /// rephrased: gives `true` then.
    pub fn push(&mut self, text: &str) -> bool {
        // A space before the first word is a Space meant to skip the customer's line.
        let text = match self.draft.is_empty() {
            true => text.trim_start(),
            false => text,
        };
        if text.is_empty() {
            return false;
        }
        let room = MOST_CHARS.saturating_sub(self.draft.chars().count());
        self.draft
            .extend(text.chars().filter(|c| !c.is_control()).take(room));
        self.take_back()
    }

    /// Erases the last character typed; like [`Reply::push`], takes a sent reply back.
    pub fn erase(&mut self) -> bool {
        self.draft.pop();
        self.take_back()
    }

    fn take_back(&mut self) -> bool {
        self.revealed = false;
        self.cursor = 0;
        self.heard.take().is_some()
    }

    /// Sends the words typed: the matcher ranks the decision's answers for them. `false`
    /// (and nothing changes) when nothing but spaces was typed.
    pub fn send(&mut self, matcher: &Matcher, answers: &PreparedChoices) -> bool {
        if self.draft.trim().is_empty() {
            return false;
        }
        self.heard = Some(matcher.rank_prepared(answers, self.draft.trim()));
        self.cursor = 0;
        true
    }

    /// Shows every answer, to pick one instead of what was understood.
    pub fn reveal(&mut self) {
        self.revealed = true;
        self.cursor = 0;
    }

    /// The answers on show, by their index among the decision's `answers`, each with how
    /// close the words sent came to it (none before anything was sent). Every answer is in
    /// the order shown when all are on show; otherwise best first.
    pub fn on_show(&self, answers: usize) -> Vec<(usize, Option<f32>)> {
        let score_of = |index: usize| {
            self.heard
                .as_ref()
                .and_then(|r| r.ranked.iter().find(|r| r.index == index))
                .map(|r| r.score)
        };
        let ranked = |list: &[Ranked]| list.iter().map(|r| (r.index, Some(r.score))).collect();
        match (self.showing(), &self.heard) {
            (Showing::All, _) => (0..answers).map(|i| (i, score_of(i))).collect(),
            (Showing::Understood, Some(ranking)) => ranked(&ranking.ranked[..1]),
            (Showing::Closest, Some(ranking)) => ranked(ranking.closest()),
            _ => Vec::new(),
        }
    }

    /// The keyboard cursor over the answers on show, 0-based.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Moves the cursor over the `on_show` answers: down (`true`) or up, stopping at the ends.
    pub fn move_cursor(&mut self, down: bool, on_show: usize) {
        self.cursor = if down {
            (self.cursor + 1).min(on_show.saturating_sub(1))
        } else {
            self.cursor.saturating_sub(1)
        };
    }

    /// The answer the trainee takes, the `n`th on show (1-based) among `answers`: its index
    /// and, when words were typed, what becomes of them in the decision's record.
    pub fn take(&self, n: usize, answers: usize) -> Option<(usize, Option<Typed>)> {
        let on_show = self.on_show(answers);
        let &(index, score) = on_show.get(n.checked_sub(1)?)?;
        let taken = match self.showing() {
            Showing::Typing => return None,
            Showing::Understood => Taken::Understood,
            Showing::Closest => Taken::Closest,
            Showing::All => Taken::Revealed,
        };
        let words = self.draft.trim();
        let typed = (!words.is_empty()).then(|| Typed {
            words: words.to_owned(),
            score: score.unwrap_or(0.0),
            confident: self.heard.as_ref().is_some_and(|r| r.confident),
            taken,
        });
        Some((index, typed))
    }
}
