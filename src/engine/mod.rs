//! The session engine: plays a call from a scenario, a seed and the trainee's answers.
//!
//! Nothing here draws or plays sound; the command line and the app both drive
//! a [`Session`] and show what it says. The [`analysis`] explores every way a
//! call can go (the bounds that scores are measured against, the expert's moves);
//! [`autoplay`] plays a call by itself, as the expert, the worst player or a
//! naive one ([`naive`]).

pub mod analysis;
mod autoplay;
mod flow;
pub mod naive;
mod playbook;
mod report;
mod score;
mod session;

use std::sync::Arc;

pub use autoplay::{Player, Strategy, autoplay, play_out};
pub use flow::{CallFlow, Stage};
pub use playbook::{
    Edge, Guard, MAX_FLAGS, Move, Place, Playbook, PrepareError, State, Transition, WrapUpBounds,
};
pub use report::{Bound, DimensionBounds, PathStep, Report, Shares};
pub use score::{CallResult, RuleBreak, Scores, Verdict, percent};
pub use session::{Answer, Decision, Entry, Mode, Offer, Phase, PlayError, Session, Taken, Typed};

use crate::scenario::Scenario;
use analysis::Analysis;

/// A scenario ready to play: prepared and analysed once, shared by every session of it.
#[derive(Debug)]
pub struct Prepared {
    /// The scenario with ids resolved.
    pub book: Playbook,
    /// Its reachable states, bounds and expert moves.
    pub analysis: Analysis,
    /// The scenario with each variant's values filled in, in the order written.
    variants: Vec<Scenario>,
}

impl Prepared {
    /// Prepares and analyses a scenario.
    pub fn new(scenario: impl Into<Arc<Scenario>>) -> Result<Arc<Prepared>, PrepareError> {
        let book = Playbook::new(scenario)?;
        let analysis = Analysis::new(&book);
        let variants = book
            .scenario
            .variants
            .iter()
            .map(|(_, values)| book.scenario.in_variant(values))
            .collect();
        Ok(Arc::new(Prepared {
            book,
            analysis,
            variants,
        }))
    }

    /// The scenario as written, placeholders and all.
    pub fn scenario(&self) -> &Scenario {
        &self.book.scenario
    }

    /// The scenario with the values of variant `index` filled in; as written for `None`.
    pub fn variant(&self, index: Option<usize>) -> &Scenario {
        index
            .and_then(|i| self.variants.get(i))
            .unwrap_or(&self.book.scenario)
    }

    /// A seed for each variant (one seed when there are none), for checking every variant.
    pub fn variant_seeds(&self) -> Vec<u64> {
        let count = self.book.scenario.variants.len().max(1);
        (0..count)
            .filter_map(|v| self.book.scenario.seeds_of_variant(v).next())
            .collect()
    }
}

/// The expert's call on every variant, played to the end: the scenario can be passed when
/// every one passes (the checker's `expert-fails`, `frontline analyze`'s "expert passes").
/// The first that fails, or the first variant's when all pass.
pub fn expert_call(prepared: &Arc<Prepared>) -> CallResult {
    let mut calls = prepared
        .variant_seeds()
        .into_iter()
        .map(|seed| autoplay(prepared, seed, Mode::Exam, Strategy::Expert).score());
    let first = calls
        .next()
        .unwrap_or_else(|| autoplay(prepared, 0, Mode::Exam, Strategy::Expert).score());
    if !first.passed {
        return first;
    }
    calls.find(|call| !call.passed).unwrap_or(first)
}
