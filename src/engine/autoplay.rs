//! A call played by itself: the expert, the worst player, a random one, or a naive player.
//!
//! The checker plays the expert to see that the call can be passed and the naive players
//! to see that it cannot be guessed; `frontline play --auto`, the app's demo and the
//! debrief (the expert's scores on the same variant) play the same way, through
//! [`Player`] one decision at a time or [`autoplay`] for a whole call.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

use super::Prepared;
use super::naive::{NAIVE_PLAYERS, NaivePlayer, Seen};
use super::session::{Answer, Mode, Session};

/// Most answers a call played by itself takes: every answer moves the call on and a call
/// has finitely many states, but a bound keeps a faulty call from playing forever.
const MAX_ANSWERS: usize = 10_000;

/// How a call plays itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    /// The best answer at every decision, from the analysis.
    Expert,
    /// The worst answer at every decision, from the analysis.
    Worst,
    /// Answers drawn at random from the seed (silence included where a timer runs).
    Random,
    /// A player who sees only the screen, never the points: see [`NAIVE_PLAYERS`].
    Naive(&'static NaivePlayer),
}

impl Strategy {
    /// The name used on the command line and in output (`expert`, `longest`).
    pub fn name(self) -> &'static str {
        match self {
            Strategy::Expert => "expert",
            Strategy::Worst => "worst",
            Strategy::Random => "random",
            Strategy::Naive(player) => player.name,
        }
    }

    /// Every strategy's name, for help and errors.
    pub fn names() -> Vec<&'static str> {
        ["expert", "worst", "random"]
            .into_iter()
            .chain(NAIVE_PLAYERS.iter().map(|p| p.name))
            .collect()
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Strategy {
    type Err = String;

    fn from_str(name: &str) -> Result<Strategy, String> {
        match name {
            "expert" => Ok(Strategy::Expert),
            "worst" => Ok(Strategy::Worst),
            "random" => Ok(Strategy::Random),
            _ => NAIVE_PLAYERS
                .iter()
                .find(|p| p.name == name)
                .map(Strategy::Naive)
                .ok_or_else(|| {
                    format!(
                        "`{name}` is not a way to play; use one of: {}",
                        Strategy::names().join(", ")
                    )
                }),
        }
    }
}

/// Answers decisions by itself, one at a time.
#[derive(Debug, Clone)]
pub struct Player {
    strategy: Strategy,
    picker: Xoshiro256PlusPlus,
}

impl Player {
    /// A player for a call with this seed.
    pub fn new(strategy: Strategy, seed: u64) -> Player {
        // Random answers have their own stream, derived from the seed, so they do not disturb the call's.
        Player {
            strategy,
            picker: Xoshiro256PlusPlus::seed_from_u64(seed ^ 0x9e37_79b9_7f4a_7c15),
        }
    }

    /// How it plays.
    pub fn strategy(&self) -> Strategy {
        self.strategy
    }

    /// The answer to the session's current decision; `None` when there is none.
    pub fn answer(&mut self, session: &Session) -> Option<Answer> {
        match self.strategy {
            Strategy::Expert => session.expert_answer(),
            Strategy::Worst => session.worst_answer(),
            Strategy::Random => {
                let offers = session.offers().len();
                let timed = session.time_limit().is_some();
                let count = offers + usize::from(timed);
                (count > 0).then(|| {
                    let pick = self.picker.random_range(0..count);
                    if pick < offers {
                        Answer::Pick(pick + 1)
                    } else {
                        Answer::Silence
                    }
                })
            }
            Strategy::Naive(player) => {
                let offers = session.offers();
                (player.pick)(&Seen {
                    prompt: session.prompt(),
                    offers: &offers,
                    timed: session.time_limit().is_some(),
                })
            }
        }
    }
}

/// Plays the rest of a call by itself, then leaves it (an unfinished call is abandoned).
pub fn play_out(session: &mut Session, strategy: Strategy) {
    play_out_watching(session, strategy, |_, _| {});
}

/// As [`play_out`], showing `watch` every decision and the answer about to be given to it.
pub fn play_out_watching(
    session: &mut Session,
    strategy: Strategy,
    mut watch: impl FnMut(&Session, Answer),
) {
    let mut player = Player::new(strategy, session.seed());
    for _ in 0..MAX_ANSWERS {
        let Some(answer) = player.answer(session) else {
            break;
        };
        watch(session, answer);
        if session.answer(answer).is_err() {
            break;
        }
    }
    session.abandon();
}

/// Plays a whole call by itself, from the first line to the end of the wrap-up.
pub fn autoplay(prepared: &Arc<Prepared>, seed: u64, mode: Mode, strategy: Strategy) -> Session {
    let mut session = Session::new(Arc::clone(prepared), seed, mode);
    play_out(&mut session, strategy);
    session
}
