//! The training centre's view of its team: every call of every trainee, read from the
//! local records or from the learning record store's statements, summed up per trainee
//! and per scenario down to the single decision where the team goes wrong.
//!
//! Both sources become the same [`Attempt`]s ([`from_records`], [`from_statements`]), so
//! [`team`] gives the same view from either.

mod assignments;
mod config;
mod statements;
mod team;

use crate::engine::Scores;
use crate::records::Record;

pub use assignments::{
    Assigned, AssignedMode, Assignment, GROUPS_FILE, Status, load_file, load_folder,
};
pub use config::{FILE_NAME, LRS_VARIABLE, LrsConfig};
pub use statements::{FromStatements, from_statements};
pub use team::{Broken, Miss, ScenarioRow, Scope, Team, TraineeRow, team};

/// One call, as the trainer's view needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    /// The call's UUID (the xAPI registration).
    pub uid: String,
    /// Who played it.
    pub trainee: String,
    /// The scenario's id.
    pub scenario: String,
    /// The mode it was played in (`coach`, `exam`).
    pub mode: String,
    /// Whether the trainee answered in their own words (some decision typed).
    pub own_words: bool,
    /// When it ended, milliseconds since 1970 (UTC).
    pub ended_ms: i64,
    /// Its scores, percentages.
    pub scores: Scores,
    /// Whether it passed.
    pub passed: bool,
    /// The compliance rules it broke, by id, once per break.
    pub broken: Vec<String>,
    /// Every decision, in order.
    pub decisions: Vec<Decided>,
}

/// One decision of an attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided {
    /// Where in the scenario: the node's id, or `wrap-up N` for the N-th wrap-up question.
    pub place: String,
    /// The text of the trainee's answer; empty when the timer ran out.
    pub answer: String,
    /// Whether it was not the expert's answer; `None` where that is not known.
    pub missed: Option<bool>,
    /// Hundredths of a second the trainee took (as xAPI keeps durations), when measured.
    pub centis: Option<u64>,
}

/// The place of the N-th wrap-up question (1-based).
fn wrap_up_place(n: usize) -> String {
    format!("wrap-up {n}")
}

/// The attempts of recorded calls.
pub fn from_records(records: &[Record]) -> Vec<Attempt> {
    records
        .iter()
        .map(|record| {
            let call = &record.call;
            let mut wrap_ups = 0;
            let decisions = call
                .decisions
                .iter()
                .map(|decision| {
                    let place = if decision.wrap_up {
                        wrap_ups += 1;
                        wrap_up_place(wrap_ups)
                    } else {
                        decision.node.clone()
                    };
                    Decided {
                        place,
                        answer: if decision.timed_out() {
                            String::new()
                        } else {
                            decision.text.clone()
                        },
                        missed: decision.missed(),
                        centis: decision.elapsed_ms.map(|ms| ms / 10),
                    }
                })
                .collect();
            Attempt {
                uid: call.uid.clone(),
                trainee: call.trainee.clone(),
                scenario: call.scenario.id.clone(),
                mode: call.mode.name().to_owned(),
                own_words: call.decisions.iter().any(|d| d.typed.is_some()),
                ended_ms: call.ended_ms,
                scores: call.scores,
                passed: call.passed,
                broken: call.breaks.iter().map(|b| b.rule.clone()).collect(),
                decisions,
            }
        })
        .collect()
}

/// The team's calls as the trainer's view reads them by default, and where they came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Gathered {
    /// Every call found.
    pub attempts: Vec<Attempt>,
    /// Where they were read.
    pub from: Origin,
    /// Statements of the store left out, and why.
    pub left_out: Vec<String>,
}

/// Where the team's calls were read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A learning record store, at its address.
    Store(String),
    /// The call records on this PC, in this file.
    Records(std::path::PathBuf),
}

impl Origin {
    /// Where, in words: "from the learning record store at …", "from the records in …".
    pub fn in_words(&self, words: &crate::words::Words) -> String {
        let ui = &words.interface;
        match self {
            Origin::Store(url) => crate::words::fill(ui.from_store, &[("url", url)]),
            Origin::Records(path) => {
                crate::words::fill(ui.from_records, &[("path", &path.display())])
            }
        }
    }
}

/// The team's calls from the learning record store configured for the records in
/// `records_dir` ([`LrsConfig::find`]: the environment, then `lrs.json` there), or from the
/// records on this PC when no store is configured. The error says what could not be read.
pub fn gather(records_dir: Option<&std::path::Path>) -> Result<Gathered, String> {
    match LrsConfig::find(records_dir)? {
        Some(lrs) => {
            let found = lrs.attempts(None)?;
            Ok(Gathered {
                attempts: found.attempts,
                from: Origin::Store(lrs.url.clone()),
                left_out: found.left_out,
            })
        }
        None => {
            let store =
                crate::records::Store::open_or_default(records_dir).map_err(|e| e.to_string())?;
            let records = store
                .history(&crate::records::Filter::default())
                .map_err(|e| e.to_string())?;
            Ok(Gathered {
                attempts: from_records(&records),
                from: Origin::Records(store.path().to_owned()),
                left_out: Vec::new(),
            })
        }
    }
}
