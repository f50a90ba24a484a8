//! Assignments: a trainer's RON file naming the calls some trainees must pass by a day,
//! checked like a scenario (diagnostics with line and column), and each trainee's status
//! from their attempts: to do, passed, failed or overdue.
//!
//! A folder holds one assignment per `*.ron` file, and optionally `groups.ron`, a map of
//! group names to trainees (`{"march": ["Ana", "Bruno"]}`) that assignments name with `group`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Attempt;
use crate::diagnostic::{Code, Diagnostic};
use crate::records::parse_rfc3339;
use crate::scenario::{SourceMap, parse_ron};

/// The groups file's name, in the assignments folder.
pub const GROUPS_FILE: &str = "groups.ron";

/// Largest assignment or groups file read, in bytes.
const MAX_BYTES: usize = 256 * 1024;

/// How the calls must be played to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AssignedMode {
    /// With feedback after each choice.
    Coach,
    /// With feedback only at the end.
    Exam,
    /// Answered in the trainee's own words (coach or exam).
    OwnWords,
}

impl AssignedMode {
    /// The mode's name, as records and statements write coach and exam.
    pub fn name(self) -> &'static str {
        match self {
            AssignedMode::Coach => "coach",
            AssignedMode::Exam => "exam",
            AssignedMode::OwnWords => "own words",
        }
    }

    /// Whether a call played so counts for the assignment.
    pub fn counts(self, attempt: &Attempt) -> bool {
        match self {
            AssignedMode::OwnWords => attempt.own_words,
            mode => attempt.mode == mode.name(),
        }
    }
}

/// An assignment as the trainer writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    /// What the trainees see it as.
    pub name: String,
    /// Trainees, by the name they play under.
    #[serde(default)]
    pub trainees: Vec<String>,
    /// A group of the groups file, besides or instead of `trainees`.
    #[serde(default)]
    pub group: Option<String>,
    /// The scenarios to pass, by id.
    pub calls: Vec<String>,
    /// The mode they must be played in; any mode when left out.
    #[serde(default)]
    pub mode: Option<AssignedMode>,
    /// The last day, `2026-03-15` (to its end, UTC).
    pub due: String,
    /// The overall score each call must reach (0–100), besides passing; only passing when
    /// left out.
    #[serde(default)]
    pub pass: Option<u8>,
}

/// An assignment read from its file, its trainees known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assigned {
    /// Its file.
    pub path: PathBuf,
    /// As written.
    pub assignment: Assignment,
    /// Everyone it is for: `trainees`, then the group's, each once.
    pub trainees: Vec<String>,
    /// The end of the due day, milliseconds since 1970 (UTC).
    pub due_ms: i64,
}

/// Where a trainee stands on an assignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Some call not played yet, and still time.
    ToDo,
    /// Every call passed by the due day.
    Passed,
    /// Every call played, some not passed yet, and still time to try again.
    Failed,
    /// The due day is over and some call is not passed.
    Overdue,
}

impl Status {
    /// Every status, in the order completion is told.
    pub const ALL: [Status; 4] = [
        Status::Passed,
        Status::Failed,
        Status::ToDo,
        Status::Overdue,
    ];

    /// The status in plain words.
    pub fn name(self) -> &'static str {
        match self {
            Status::ToDo => "to do",
            Status::Passed => "passed",
            Status::Failed => "failed",
            Status::Overdue => "overdue",
        }
    }
}

impl Assigned {
    /// Where `trainee` stands at `now_ms`, from the attempts (anyone's: only theirs count).
    /// An attempt counts when it is of an assigned call, in the assigned mode, and ended by
    /// the due day; it passes the call when it passed, at the required score.
    pub fn status(&self, trainee: &str, attempts: &[Attempt], now_ms: i64) -> Status {
        let assignment = &self.assignment;
        let counted: Vec<&Attempt> = attempts
            .iter()
            .filter(|a| {
                a.trainee == trainee
                    && a.ended_ms <= self.due_ms
                    && assignment.mode.is_none_or(|mode| mode.counts(a))
            })
            .collect();
        let played = |call: &String| counted.iter().any(|a| &a.scenario == call);
        let passed = |call: &String| {
            counted.iter().any(|a| {
                &a.scenario == call
                    && a.passed
                    && assignment
                        .pass
                        .is_none_or(|pass| a.scores.overall >= f64::from(pass))
            })
        };
        if assignment.calls.iter().all(passed) {
            Status::Passed
        } else if now_ms > self.due_ms {
            Status::Overdue
        } else if assignment.calls.iter().all(played) {
            Status::Failed
        } else {
            Status::ToDo
        }
    }
}

/// The assignments of a folder, and what is wrong in its files. `scenarios` are the ids of
/// the library's scenarios, which calls must name. An assignment with an error is left out;
/// one with warnings is kept.
pub fn load_folder(dir: &Path, scenarios: &[String]) -> (Vec<Assigned>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            let diagnostic = Diagnostic::error(
                Code::Unreadable,
                dir,
                format!("cannot read the assignments folder: {error}"),
            )
            .with_hint("give --assignments DIR, the folder of the assignment files");
            return (Vec::new(), vec![diagnostic]);
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    let groups_path = dir.join(GROUPS_FILE);
    let groups: BTreeMap<String, Vec<String>> = if groups_path.exists() {
        match read_text(&groups_path).and_then(|source| parse_ron(&groups_path, &source)) {
            Ok(groups) => groups,
            Err(diagnostic) => {
                diagnostics.push(diagnostic);
                BTreeMap::new()
            }
        }
    } else {
        BTreeMap::new()
    };
    let mut assigned = Vec::new();
    for path in files.into_iter().filter(|path| path != &groups_path) {
        let (found, mut problems) = load_file(&path, scenarios, &groups);
        let broken = problems.iter().any(Diagnostic::is_error);
        diagnostics.append(&mut problems);
        if let (Some(found), false) = (found, broken) {
            assigned.push(found);
        }
    }
    (assigned, diagnostics)
}

/// The text of a file, or why it cannot be had.
fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|error| {
        Diagnostic::error(
            Code::Unreadable,
            path,
            format!("cannot read the file: {error}"),
        )
    })?;
    if bytes.len() > MAX_BYTES {
        return Err(Diagnostic::error(
            Code::FileTooLarge,
            path,
            format!(
                "the file is {} bytes; at most {MAX_BYTES} are read",
                bytes.len()
            ),
        ));
    }
    String::from_utf8(bytes).map_err(|_| {
        Diagnostic::error(Code::NotUtf8, path, "the file is not UTF-8 text")
            .with_hint("save the file as UTF-8 in your editor")
    })
}

/// One assignment file, checked against the library's `scenarios` and the `groups`.
pub fn load_file(
    path: &Path,
    scenarios: &[String],
    groups: &BTreeMap<String, Vec<String>>,
) -> (Option<Assigned>, Vec<Diagnostic>) {
    let source = match read_text(path) {
        Ok(source) => source,
        Err(diagnostic) => return (None, vec![diagnostic]),
    };
    let assignment: Assignment = match parse_ron(path, &source) {
        Ok(assignment) => assignment,
        Err(diagnostic) => return (None, vec![diagnostic]),
    };
    let map = SourceMap::build(&source);
    let mut diagnostics = Vec::new();
    let mut say = |diagnostic: Diagnostic, field: &str| {
        let diagnostic = match map.find(field) {
            Some(span) => diagnostic.at(&source, span),
            None => diagnostic,
        };
        diagnostics.push(diagnostic.with_field(field));
    };
    if assignment.name.trim().is_empty() {
        say(
            Diagnostic::error(Code::EmptyText, path, "the assignment has no name")
                .with_hint("give it the name trainees will see, e.g. `name: \"Week 1: bills\"`"),
            "name",
        );
    }
    let due_ms = match parse_rfc3339(&assignment.due).filter(|_| assignment.due.len() == 10) {
        Some(start) => start + 86_400_000 - 1,
        None => {
            say(
                Diagnostic::error(
                    Code::BadDate,
                    path,
                    format!("`{}` is not a day", assignment.due),
                )
                .with_hint("write the due day as year-month-day: `due: \"2026-03-15\"`"),
                "due",
            );
            0
        }
    };
    if assignment.calls.is_empty() {
        say(
            Diagnostic::error(Code::MissingField, path, "the assignment names no call")
                .with_hint("list scenario ids: `calls: [\"example-late-bill\"]`"),
            "calls",
        );
    }
    for (i, call) in assignment.calls.iter().enumerate() {
        if !scenarios.contains(call) {
            let closest = scenarios
                .iter()
                .min_by_key(|id| crate::scenario::distance(call, id))
                .map(|id| format!("did you mean `{id}`?"))
                .unwrap_or_else(|| "the library holds no scenario".to_owned());
            say(
                Diagnostic::error(
                    Code::UnknownScenario,
                    path,
                    format!("no scenario `{call}` in the library"),
                )
                .with_hint(closest),
                &format!("calls[{i}]"),
            );
        }
    }
    if assignment.pass.is_some_and(|pass| pass > 100) {
        say(
            Diagnostic::error(Code::ValueOutOfRange, path, "the pass required is over 100")
                .with_hint("scores run from 0 to 100"),
            "pass",
        );
    }
    let mut trainees: Vec<String> = Vec::new();
    let group = match &assignment.group {
        Some(name) => match groups.get(name) {
            Some(members) => members.clone(),
            None => {
                let known: Vec<&str> = groups.keys().map(String::as_str).collect();
                say(
                    Diagnostic::error(
                        Code::UnknownGroup,
                        path,
                        format!("no group `{name}` in {GROUPS_FILE}"),
                    )
                    .with_hint(if known.is_empty() {
                        format!("define it in {GROUPS_FILE} beside this file: {{\"{name}\": [\"Ana\", \"Bruno\"]}}")
                    } else {
                        format!("the groups are {}", known.join(", "))
                    }),
                    "group",
                );
                Vec::new()
            }
        },
        None => Vec::new(),
    };
    for trainee in assignment.trainees.iter().chain(&group) {
        if !trainees.contains(trainee) {
            trainees.push(trainee.clone());
        }
    }
    if assignment.trainees.is_empty() && assignment.group.is_none() {
        say(
            Diagnostic::error(Code::MissingField, path, "the assignment is for nobody")
                .with_hint("add `trainees: [\"Ana\"]` or `group: \"march\"`"),
            "",
        );
    }
    diagnostics.sort_by_key(|d| (d.line, d.column));
    let found = Assigned {
        path: path.to_owned(),
        assignment,
        trainees,
        due_ms,
    };
    (Some(found), diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Scores;

    fn attempt(trainee: &str, scenario: &str, mode: &str, ended_ms: i64, overall: f64) -> Attempt {
        Attempt {
            uid: format!("{trainee}-{ended_ms}"),
            trainee: trainee.to_owned(),
            scenario: scenario.to_owned(),
            mode: mode.to_owned(),
            own_words: false,
            ended_ms,
            scores: Scores {
                empathy: overall,
                accuracy: overall,
                resolution: overall,
                overall,
            },
            passed: overall >= 70.0,
            broken: Vec::new(),
            decisions: Vec::new(),
        }
    }

    fn assigned(calls: &[&str], mode: Option<AssignedMode>, pass: Option<u8>) -> Assigned {
        Assigned {
            path: PathBuf::from("a.ron"),
            assignment: Assignment {
                name: "A".to_owned(),
                trainees: vec!["Ana".to_owned()],
                group: None,
                calls: calls.iter().map(|c| (*c).to_owned()).collect(),
                mode,
                due: "1970-01-01".to_owned(),
                pass,
            },
            trainees: vec!["Ana".to_owned()],
            due_ms: 1000,
        }
    }

    #[test]
    fn an_own_words_assignment_counts_only_calls_answered_in_own_words_in_either_mode() {
        let own = assigned(&["a"], Some(AssignedMode::OwnWords), None);
        let picked = [attempt("Ana", "a", "exam", 10, 90.0)];
        assert_eq!(own.status("Ana", &picked, 500), Status::ToDo);
        let mut typed = attempt("Ana", "a", "coach", 20, 90.0);
        typed.own_words = true;
        assert_eq!(own.status("Ana", &[typed], 500), Status::Passed);
    }

    #[test]
    fn a_status_counts_only_the_trainees_attempts_of_the_calls_in_the_mode_by_the_due_day() {
        let both = assigned(&["a", "b"], None, None);
        let before = 500;
        let after = 2000;
        assert_eq!(both.status("Ana", &[], before), Status::ToDo);
        let one = [attempt("Ana", "a", "coach", 10, 80.0)];
        assert_eq!(both.status("Ana", &one, before), Status::ToDo);
        assert_eq!(both.status("Ana", &one, after), Status::Overdue);
        let tried = [
            attempt("Ana", "a", "coach", 10, 80.0),
            attempt("Ana", "b", "coach", 20, 40.0),
        ];
        assert_eq!(both.status("Ana", &tried, before), Status::Failed);
        let passed = [tried[0].clone(), attempt("Ana", "b", "coach", 30, 90.0)];
        assert_eq!(both.status("Ana", &passed, after), Status::Passed);
        assert_eq!(
            both.status("Bo", &passed, before),
            Status::ToDo,
            "only Ana's"
        );
        let late = [tried[0].clone(), attempt("Ana", "b", "coach", 1500, 90.0)];
        assert_eq!(
            both.status("Ana", &late, after),
            Status::Overdue,
            "a pass after the day"
        );
        let exam = assigned(&["a"], Some(AssignedMode::Exam), None);
        assert_eq!(
            exam.status("Ana", &one, before),
            Status::ToDo,
            "coach is not exam"
        );
        let high = assigned(&["a"], None, Some(85));
        assert_eq!(
            high.status("Ana", &one, before),
            Status::Failed,
            "80 is under 85"
        );
    }
}
