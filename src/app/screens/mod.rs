//! The screens as one state, and the requests that keys, clicks and the demo send them.

pub mod call;
pub mod debrief;
pub mod library;
pub mod progress;
pub mod trainer;

use std::path::PathBuf;

use bevy::prelude::*;

use crate::app::audio::Track;
use crate::engine::Session;

/// Which screen is showing.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// The scenario cards.
    #[default]
    Library,
    /// A call in progress.
    Call,
    /// The debrief of the call just played, or of a past call reopened.
    Debrief,
    /// The trainee's calls over time.
    Progress,
    /// The trainer's view of the team: where it goes wrong.
    Trainer,
}

/// Something the trainee asks for, by key, click or the demo's script.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Starts a call on the scenario of this file; `None` draws a fresh seed.
    Play {
        /// The scenario file.
        path: PathBuf,
        /// The seed, to replay a variant.
        seed: Option<u64>,
    },
    /// Switches between coach and exam mode.
    ToggleMode,
    /// Shows the next language only (then all again).
    CycleLanguage,
    /// Shows the next tag only (then all again).
    CycleTag,
    /// Starts or stops typing the trainee's name.
    EditName,
    /// Picks up the ringing phone.
    Answer,
    /// Shows every line still being spoken at once.
    Skip,
    /// Picks the offer with this number (1-based, as displayed).
    Pick(usize),
    /// Types text into an own-words reply.
    Type(String),
    /// Erases the last character of an own-words reply.
    Erase,
    /// Sends an own-words reply to be understood.
    Send,
    /// Shows every answer beside an own-words reply, to pick one instead.
    Reveal,
    /// Takes the answer on show with this number (1-based) as the own-words reply's meaning.
    Take(usize),
    /// Shows the interface in the next language.
    CycleInterface,
    /// Switches between the normal and the high-contrast theme.
    ToggleContrast,
    /// Switches between picking printed answers and typing replies in one's own words.
    ToggleReplying,
    /// Asks to leave the call (a confirm follows).
    HangUp,
    /// Confirms leaving the call: it is abandoned.
    Leave,
    /// Stays on the call after all.
    Stay,
    /// Goes from the finished call to its debrief.
    ToDebrief,
    /// Plays the same scenario again with a new seed.
    Retry,
    /// Plays the same scenario and variant (same seed) again.
    Replay,
    /// Plays the next scenario of the library.
    Next,
    /// Back to the library (from a reopened past call: back to the progress screen).
    Library,
    /// Opens the progress screen.
    Progress,
    /// Opens the trainer's view of the team.
    Team,
    /// Reopens the debrief of the recorded call with this number.
    Reopen(i64),
    /// Exports the debrief's call as CSV and xAPI, into the records folder.
    Export,
    /// Turns one track down a step, from off back to full (see [`crate::app::Volumes`]).
    TurnDown(Track),
}

/// A call finished or abandoned: the hook for the call records.
#[derive(Message, Debug, Clone)]
pub struct CallFinished {
    /// Who played it.
    pub trainee: String,
    /// The scenario file.
    pub path: PathBuf,
    /// The file's content hash.
    pub hash: String,
    /// The call's uid in the records.
    pub uid: String,
    /// The whole session: seed, decisions with their times, transcript, result.
    pub session: Session,
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_message::<Request>()
        .add_message::<CallFinished>()
        .add_plugins((
            library::plugin,
            call::plugin,
            debrief::plugin,
            progress::plugin,
            trainer::plugin,
        ));
}

/// A key just pressed, as the digit 1–5 it stands for.
pub(super) fn digit(keys: &ButtonInput<KeyCode>) -> Option<usize> {
    [
        (KeyCode::Digit1, KeyCode::Numpad1),
        (KeyCode::Digit2, KeyCode::Numpad2),
        (KeyCode::Digit3, KeyCode::Numpad3),
        (KeyCode::Digit4, KeyCode::Numpad4),
        (KeyCode::Digit5, KeyCode::Numpad5),
    ]
    .iter()
    .position(|&(a, b)| keys.just_pressed(a) || keys.just_pressed(b))
    .map(|i| i + 1)
}
