//! Own words: the trainee types each reply, and the matcher takes it to the scripted answer it
//! means. This module loads the matcher when the trainee chooses the mode, and holds the
//! reply of the decision on screen; the call screen draws it and turns keys into it.

use std::sync::Arc;
use std::thread::JoinHandle;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::Options;
use super::records::Note;
use super::screens::Screen;
use super::screens::library::Trainee;
use super::theme::Look;
use crate::engine::{CallFlow, Offer, Phase};
use crate::matcher::{Matcher, MatcherError, PreparedChoices, Reply};
use crate::words::fill;

/// How the trainee answers the customer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Replying {
    /// The answers are printed; the trainee picks one.
    #[default]
    Pick,
    /// The answers are hidden; the trainee types the reply and Frontline understands it.
    OwnWords,
}

/// The matcher, once the trainee has chosen own words (loaded once, on a thread of its own
/// so the screens never wait for it, and shared by every call).
#[derive(Resource, Debug, Default)]
pub struct Understanding {
    matcher: Option<Arc<Matcher>>,
    loading: Option<JoinHandle<Result<Matcher, MatcherError>>>,
}

impl Understanding {
    /// The matcher, when it is loaded.
    pub fn matcher(&self) -> Option<&Arc<Matcher>> {
        self.matcher.as_ref()
    }

    /// Whether the matcher is being loaded.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }
}

/// The reply of the decision on screen, in an own-words call.
#[derive(Debug, Clone)]
pub struct OwnWords {
    matcher: Arc<Matcher>,
    /// The reply being typed.
    pub reply: Reply,
    /// The decision (by how many came before it) whose answers are prepared, and them.
    answers: Option<(usize, PreparedChoices)>,
}

impl OwnWords {
    /// A fresh reply box over `matcher`.
    pub fn new(matcher: Arc<Matcher>) -> OwnWords {
        OwnWords {
            matcher,
            reply: Reply::default(),
            answers: None,
        }
    }

    /// Keeps up with the call: a new decision (answered, or timed out) starts an empty
    /// reply, and its answers are made ready for the matcher while the customer speaks.
    pub fn follow(&mut self, flow: &CallFlow) {
        let decided = flow.session().decisions().len();
        if self.answers.as_ref().is_some_and(|(at, _)| *at == decided) {
            return;
        }
        self.reply = Reply::default();
        // The wrap-up's codes are picked, as on the centre's own forms: nothing to prepare.
        let offers = match flow.session().phase() {
            Phase::Choosing => flow.session().offers(),
            Phase::WrapUp(_) | Phase::Ended => Vec::new(),
        };
        self.answers = Some((decided, self.matcher.prepare_offers(&offers)));
    }

    /// Sends the words typed to the matcher; `false` when there is nothing to send.
    pub fn send(&mut self, flow: &CallFlow) -> bool {
        self.follow(flow);
        match &self.answers {
            Some((_, answers)) => self.reply.send(&self.matcher, answers),
            None => false,
        }
    }

    /// Takes the `n`th answer on show (1-based) in the call: the words typed go with it.
    pub fn take(&mut self, n: usize, flow: &mut CallFlow) -> bool {
        let offers: Vec<Offer> = flow.session().offers();
        let Some((index, typed)) = self.reply.take(n, offers.len()) else {
            return false;
        };
        let number = offers[index].number;
        let taken = match typed {
            Some(typed) => flow.pick_typed(number, typed),
            None => flow.pick(number),
        };
        if taken {
            self.reply = Reply::default();
        }
        taken
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Understanding>()
        .add_systems(Update, load.in_set(super::AppSystems::Apply));
}

/// Loads the matcher the first time own words is chosen, on a thread; when it cannot be
/// loaded, the library says why and the answers stay printed.
fn load(
    mut understanding: ResMut<Understanding>,
    mut trainee: ResMut<Trainee>,
    options: Res<Options>,
    look: Res<Look>,
    mut note: ResMut<Note>,
) {
    if trainee.replying != Replying::OwnWords || understanding.matcher.is_some() {
        return;
    }
    // Read before writing: a resource written every frame would redraw the library every frame.
    match &understanding.loading {
        None => {
            let assets = options
                .assets
                .clone()
                .map_or_else(crate::paths::assets_dir, Ok);
            understanding.loading = Some(std::thread::spawn(move || {
                Matcher::load(&assets?.join(crate::matcher::MODEL_FILE))
            }));
            return;
        }
        Some(loading) if !loading.is_finished() => return,
        Some(_) => {}
    }
    let Some(loading) = understanding.loading.take() else {
        return;
    };
    let why = match loading.join() {
        Ok(Ok(matcher)) => {
            understanding.matcher = Some(Arc::new(matcher));
            return;
        }
        Ok(Err(error)) => error.to_string(),
        Err(_) => look.words.interface.matcher_stopped.to_owned(),
    };
    trainee.replying = Replying::Pick;
    note.0 = Some((
        Screen::Library,
        fill(look.words.interface.own_words_unavailable, &[("why", &why)]),
    ));
}
