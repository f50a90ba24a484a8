//! Scores: points as a percentage of the best reachable, and pass or fail.
//!
//! Each dimension is compared with the highest total reachable in that
//! dimension; overall is the weighted total compared with the expert path's,
//! so the expert path scores overall 100. A broken compliance rule fails the
//! call whatever the points.

use serde::{Deserialize, Serialize};

use super::analysis::Analysis;
use crate::scenario::{Dimension, Outcome, Points, Weights};

/// Scores as percentages, rounded to one decimal.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    /// Empathy, 0–100.
    pub empathy: f64,
    /// Accuracy, 0–100.
    pub accuracy: f64,
    /// Resolution, 0–100.
    pub resolution: f64,
    /// Weighted overall, 0–100.
    pub overall: f64,
}

impl Scores {
    /// Scores the points of a call against what the scenario allows.
    pub fn of(points: Points, weights: &Weights, analysis: &Analysis) -> Scores {
        let max = analysis.max_points();
        let dimension = |d: Dimension| percent(i64::from(points.get(d)), i64::from(max.get(d)));
        Scores {
            empathy: dimension(Dimension::Empathy),
            accuracy: dimension(Dimension::Accuracy),
            resolution: dimension(Dimension::Resolution),
            overall: percent(points.weighted(weights), analysis.expert_weighted()),
        }
    }

    /// The score of one dimension.
    pub fn get(&self, dimension: Dimension) -> f64 {
        match dimension {
            Dimension::Empathy => self.empathy,
            Dimension::Accuracy => self.accuracy,
            Dimension::Resolution => self.resolution,
        }
    }
}

/// `part` as a percentage of `best`, within 0..=100, one decimal.
pub fn percent(part: i64, best: i64) -> f64 {
    if best <= 0 {
        return if part >= best { 100.0 } else { 0.0 };
    }
    let value = (part as f64 / best as f64 * 100.0).clamp(0.0, 100.0);
    (value * 10.0).round() / 10.0
}

/// A compliance rule broken during a call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleBreak {
    /// The rule's id.
    pub rule: String,
    /// The rule in plain words.
    pub text: String,
    /// The decision (1-based) that broke it.
    pub step: usize,
}

/// How a call ended and how it scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallResult {
    /// What happened.
    pub outcome: Outcome,
    /// The ending reached, if any.
    pub ending: Option<String>,
    /// Raw points earned.
    pub points: Points,
    /// Percentages.
    pub scores: Scores,
    /// The scenario's pass mark.
    pub pass_mark: u8,
    /// Whether the call passed: reached an ending, overall at the pass mark, no rule broken.
    pub passed: bool,
    /// Compliance rules broken.
    pub broken: Vec<RuleBreak>,
}

impl CallResult {
    /// How the call counts.
    pub fn verdict(&self) -> Verdict {
        Verdict::of(self.passed, self.outcome == Outcome::Abandoned)
    }
}

/// How a call counts: passed, failed, or left before an ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Reached an ending, at the pass mark, with no rule broken.
    Passed,
    /// Reached an ending without passing.
    Failed,
    /// Left before an ending.
    Abandoned,
}

impl Verdict {
    /// The verdict of a call that passed or not, and was abandoned or not.
    pub fn of(passed: bool, abandoned: bool) -> Verdict {
        match (abandoned, passed) {
            (true, _) => Verdict::Abandoned,
            (false, true) => Verdict::Passed,
            (false, false) => Verdict::Failed,
        }
    }

    /// The code scripts and exports read: `passed`, `failed` or `abandoned`.
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Passed => "passed",
            Verdict::Failed => "failed",
            Verdict::Abandoned => "abandoned",
        }
    }
}
