//! The session engine: plays a call from a scenario, a seed and the trainee's answers.
//!
//! Nothing here draws or plays sound; the command line and the app both drive
//! a [`Session`] and show what it says.

mod playbook;
mod score;
mod session;

use std::sync::Arc;

pub use playbook::{
    Edge, MAX_FLAGS, Move, Place, Playbook, PrepareError, Projection, State, Step, Test,
    WrapUpBounds,
};
pub use score::{CallResult, RuleBreak, Scores, Verdict, percent};
pub use session::{Answer, Decision, Entry, Mode, Offer, Phase, PlayError, Session};

use crate::analysis::Analysis;
use crate::scenario::Scenario;

/// A scenario ready to play: prepared and analysed once, shared by every session of it.
#[derive(Debug)]
pub struct Prepared {
    /// The scenario with ids resolved.
    pub book: Playbook,
    /// Its reachable states, bounds and expert moves.
    pub analysis: Analysis,
}

impl Prepared {
    /// Prepares and analyses a scenario.
    pub fn new(scenario: impl Into<Arc<Scenario>>) -> Result<Arc<Prepared>, PrepareError> {
        let book = Playbook::new(scenario)?;
        let analysis = Analysis::new(&book);
        Ok(Arc::new(Prepared { book, analysis }))
    }

    /// The scenario as written.
    pub fn scenario(&self) -> &Scenario {
        &self.book.scenario
    }
}
