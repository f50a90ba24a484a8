//! What `frontline analyze` reports of a call: bounds, the expert path, the naive players.

use std::sync::Arc;

use serde::Serialize;

use super::analysis::{Analysis, finite};
use super::naive::{Giveaways, NaiveResult, giveaways, play_naive};
use super::playbook::{Move, Place};
use super::{Prepared, expert_call, percent};
use crate::scenario::{Dimension, Points, Weights};

/// The summary `frontline analyze` prints.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Scenario id.
    pub id: String,
    /// Number of nodes.
    pub nodes: usize,
    /// Number of endings written.
    pub endings: usize,
    /// Endings some call reaches, by id.
    pub endings_reached: Vec<String>,
    /// Reachable states explored.
    pub states: usize,
    /// Distinct ways through the call (loops counted once).
    pub paths: u64,
    /// Whether the call has loops.
    pub loops: bool,
    /// Decisions on the expert path (wrap-up not counted).
    pub decisions_on_expert_path: usize,
    /// Lowest and highest points per dimension.
    pub dimensions: DimensionBounds,
    /// Lowest and highest weighted totals.
    pub weighted: Bound,
    /// The expert path: each decision and the ending.
    pub expert_path: Vec<PathStep>,
    /// The ending of the expert path.
    pub expert_ending: String,
    /// Whether the expert path passes the scenario (on every variant).
    pub expert_passes: bool,
    /// Each dimension's share of the expert's weighted total.
    pub shares: Shares,
    /// How each naive player does: a call any of them passes can be won by guessing.
    pub naive: Vec<NaiveResult>,
    /// Where the expert answer gives itself away by its length or its figures.
    pub giveaways: Giveaways,
}

/// Lowest and highest points.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Bound {
    /// Lowest reachable; `None` (null) where a loop loses points each time round.
    pub min: Option<i64>,
    /// Highest reachable; `None` (null) where a loop gains points each time round.
    pub max: Option<i64>,
}

/// Bounds for each dimension.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct DimensionBounds {
    /// Empathy.
    pub empathy: Bound,
    /// Accuracy.
    pub accuracy: Bound,
    /// Resolution.
    pub resolution: Bound,
}

/// One decision of a path.
#[derive(Debug, Clone, Serialize)]
pub struct PathStep {
    /// The node.
    pub node: String,
    /// What the expert picks (empty for letting a timer run out).
    pub choice: String,
}

impl Report {
    /// Summarises what the analysis found, and plays the expert and the naive players.
    pub fn new(prepared: &Arc<Prepared>) -> Report {
        let (book, analysis) = (&prepared.book, &prepared.analysis);
        let (path, end) = analysis.path(book, Analysis::expert_move);
        let bound = |d: Dimension| Bound {
            min: finite(i64::from(analysis.min_points().get(d))),
            max: finite(i64::from(analysis.max_points().get(d))),
        };
        let expert_path = path
            .iter()
            .filter_map(|(state, mv)| {
                let Place::Node(n) = state.place else {
                    return None;
                };
                Some(PathStep {
                    node: book.id_of(state.place).to_owned(),
                    choice: match mv {
                        Move::Choose(_) => book
                            .choice(n, *mv)
                            .map_or(String::new(), |c| c.text.clone()),
                        Move::Silence => String::new(),
                    },
                })
            })
            .collect();
        let scenario = &book.scenario;
        let expert = expert_call(prepared);
        Report {
            id: scenario.id.clone(),
            nodes: scenario.nodes.len(),
            endings: scenario.endings.len(),
            endings_reached: analysis
                .endings_reached()
                .iter()
                .map(|&e| book.id_of(Place::Ending(e)).to_owned())
                .collect(),
            states: analysis.states().len(),
            paths: analysis.paths(),
            loops: analysis.has_loops(),
            decisions_on_expert_path: path.len(),
            dimensions: DimensionBounds {
                empathy: bound(Dimension::Empathy),
                accuracy: bound(Dimension::Accuracy),
                resolution: bound(Dimension::Resolution),
            },
            weighted: Bound {
                min: finite(analysis.worst_weighted()),
                max: finite(analysis.expert_weighted()),
            },
            expert_path,
            expert_ending: match end.place {
                Place::Ending(_) => book.id_of(end.place).to_owned(),
                Place::Node(_) => String::new(),
            },
            expert_passes: expert.passed,
            shares: Shares::of(expert.points, &scenario.weights),
            naive: play_naive(prepared),
            giveaways: giveaways(prepared),
        }
    }
}

/// Each dimension's part of the expert's weighted total, in percent: a call meant to teach
/// empathy should not be won on accuracy.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Shares {
    /// Empathy's share, 0–100.
    pub empathy: f64,
    /// Accuracy's share, 0–100.
    pub accuracy: f64,
    /// Resolution's share, 0–100.
    pub resolution: f64,
}

impl Shares {
    /// The shares of a call's points, weighted.
    pub fn of(points: Points, weights: &Weights) -> Shares {
        let total = points.weighted(weights);
        let share = |d: Dimension| {
            let weight = match d {
                Dimension::Empathy => weights.empathy,
                Dimension::Accuracy => weights.accuracy,
                Dimension::Resolution => weights.resolution,
            };
            percent(i64::from(points.get(d)) * i64::from(weight), total)
        };
        Shares {
            empathy: share(Dimension::Empathy),
            accuracy: share(Dimension::Accuracy),
            resolution: share(Dimension::Resolution),
        }
    }
}
