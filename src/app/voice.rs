//! The customer's voice in a call: what the speakers are asked for as each line appears.

use std::path::Path;

use bevy::prelude::*;

use super::audio::Sound;
use crate::engine::{Entry, Session};
use crate::scenario::Cue;
use crate::voice::{Direction, requests};

/// Asks the speakers for the voice of each customer line among the transcript entries
/// `from..to` (those that just appeared), spoken with the delivery of the customer's mood at
/// that moment, and for the sound of a stage direction (`(crying)`) when the scenario gives
/// the line no cue of its own. A line whose file is missing stays text: the speakers say
/// nothing.
pub fn speak(
    session: &Session,
    scenario: &Path,
    from: usize,
    to: usize,
    sound: &mut MessageWriter<Sound>,
) {
    for (i, request) in requests(session, scenario, from, to) {
        let has_cue = matches!(
            session.transcript().get(i),
            Some(Entry::Customer { cue: Some(_), .. } | Entry::End { cue: Some(_), .. })
        );
        let direction = request.directions.iter().find_map(|d| match d {
            Direction::Cue(cue) => Some(*cue),
            Direction::Pause => None,
        });
        if let (false, Some(cue)) = (has_cue, direction) {
            sound.write(Sound::Cue {
                cue: Cue::Builtin(cue),
                scenario: scenario.to_owned(),
            });
        }
        sound.write(Sound::Line {
            request,
            scenario: scenario.to_owned(),
        });
    }
}
