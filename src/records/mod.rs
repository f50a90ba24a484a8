//! Call records: every call played, finished or abandoned, kept in a local store to list,
//! replay exactly, and export as CSV or xAPI.
//!
//! Nothing here draws or knows the command line: the app and `frontline play` both turn a
//! played [`Session`] into a [`CallRecord`] with [`CallRecord::of`] and [`Store::save`] it.
//! A record holds the seed and every answer, so [`replay`] gives back the very same finished
//! session, from which a debrief is rebuilt.

mod lrs;
mod migrations;
mod outbox;
mod spool;
mod spreadsheet;
mod store;
mod time;
mod xapi;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::engine::{
    Answer, Mode, PlayError, Prepared, RuleBreak, Scores, Session, Typed, Verdict,
};
use crate::library::{Library, LibraryEntry};
use crate::scenario::{Outcome, Points, Scenario, UnknownOutcome};
use crate::words::Words;

pub use lrs::{AUTH_VARIABLE, Delivery, read, send, send_within, statements_endpoint};
pub use migrations::SCHEMA_VERSION;
pub use spool::{Kept, Spool};
pub use spreadsheet::{write_calls, write_decisions};
pub use store::{FILE_NAME, Filter, Standing, Store};
pub use time::{
    civil, iso_duration, minute, now_ms, parse_iso_duration, parse_rfc3339, rfc3339, unix_ms,
};
pub use xapi::{DEFAULT_BASE, Statement, statements, statements_json};

/// Which scenario file a call was played from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioRef {
    /// The scenario's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The version its author gave it.
    pub version: String,
    /// Its language (an IETF tag such as `en`).
    pub language: String,
    /// SHA-256 of the file as played, hex: tells whether the file changed since.
    pub hash: String,
    /// The file as played (lossy where the path is not UTF-8).
    pub path: String,
}

impl ScenarioRef {
    /// The scenario as loaded from `path`, whose bytes hash to `hash`; the path is kept
    /// absolute (when the file exists), so that a replay finds the file from any folder.
    pub fn new(scenario: &Scenario, path: &Path, hash: &str) -> ScenarioRef {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
        ScenarioRef {
            id: scenario.id.clone(),
            title: scenario.title.clone(),
            version: scenario.version.clone(),
            language: scenario.language.clone(),
            hash: hash.to_owned(),
            path: path.to_string_lossy().into_owned(),
        }
    }

    /// The file as played.
    pub fn file(&self) -> PathBuf {
        PathBuf::from(&self.path)
    }

    /// How the file as played compares with the scenario file as it is now, at `path`
    /// with bytes hashing to `hash`: `None` when it is the same.
    pub fn changed(&self, path: &Path, hash: &str) -> Option<Changed> {
        (self.hash != hash).then(|| Changed {
            path: path.to_owned(),
            then: self.hash.clone(),
            now: hash.to_owned(),
        })
    }
}

/// The scenario a recorded call belongs to could not be found as it is now.
#[derive(Debug, Clone)]
pub enum Lost {
    /// It is found, but its file has errors now: the entry, with its diagnostics.
    Broken(Box<LibraryEntry>),
    /// Neither the file it was played from nor the library holds it.
    Missing,
}

impl ScenarioRef {
    /// The scenario this record belongs to, as it is now: the file it was played from while
    /// that file still holds the scenario (the `library`'s copy of that file when it has
    /// one), else a playable scenario with its id in `library` (the file has moved).
    /// `assets` is where a file loaded here finds its sounds.
    pub fn find_in(
        &self,
        library: &[LibraryEntry],
        assets: Option<PathBuf>,
    ) -> Result<LibraryEntry, Lost> {
        let holds_it = |entry: &&LibraryEntry| entry.id() == self.id;
        let mut broken = None;
        if let Ok(played) = self.file().canonicalize() {
            let same_file =
                |entry: &&LibraryEntry| entry.path.canonicalize().is_ok_and(|path| path == played);
            let file = match library.iter().filter(holds_it).find(same_file) {
                Some(entry) => Some(entry.clone()),
                None => Library::load(std::slice::from_ref(&played), assets)
                    .ok()
                    .and_then(|loaded| loaded.entries.into_iter().next())
                    .filter(|entry| holds_it(&entry)),
            };
            match file {
                Some(entry) if !entry.is_broken() => return Ok(entry),
                Some(entry) => broken = Some(entry),
                None => {}
            }
        }
        let mut same_id = library.iter().filter(holds_it);
        match same_id.clone().find(|entry| !entry.is_broken()) {
            Some(entry) => Ok(entry.clone()),
            None => match broken.or_else(|| same_id.next().cloned()) {
                Some(entry) => Err(Lost::Broken(Box::new(entry))),
                None => Err(Lost::Missing),
            },
        }
    }
}

/// The scenario file of a call has changed since the call was played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    /// The file as it is now.
    pub path: PathBuf,
    /// SHA-256 of the file as played.
    pub then: String,
    /// SHA-256 of the file now.
    pub now: String,
}

impl std::fmt::Display for Changed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the scenario file {} has changed since this call was recorded (SHA-256 {} then, {} now)",
            self.path.display(),
            self.then_short(),
            self.now_short()
        )
    }
}

impl Changed {
    /// The hash of the file as played, short: enough to tell two files apart on screen.
    pub fn then_short(&self) -> &str {
        short(&self.then)
    }

    /// The hash of the file now, short.
    pub fn now_short(&self) -> &str {
        short(&self.now)
    }
}

/// The first twelve digits of a hash: enough to tell two files apart on screen.
fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

/// The trainee's name when none is given: the login name, else `trainee`.
pub fn default_trainee() -> String {
    ["USER", "USERNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|name| name.trim().to_owned())
        .find(|name| !name.is_empty())
        .unwrap_or_else(|| "trainee".to_owned())
}

/// One decision of a recorded call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedDecision {
    /// 1-based step number.
    pub step: usize,
    /// The node's id, or `wrap-up`.
    pub node: String,
    /// What the customer had just said, or the wrap-up question.
    pub prompt: String,
    /// The offers in the order they were shown.
    pub options: Vec<String>,
    /// What the trainee did: a displayed number, or silence until the timer ran out.
    pub answer: Answer,
    /// The text of the answer: empty for a timeout (records written before Frontline
    /// recorded a silence as a silence hold `(silence)`, and keep it).
    pub text: String,
    /// Points earned by it.
    pub points: Points,
    /// Whether this is a wrap-up question.
    pub wrap_up: bool,
    /// Milliseconds the trainee took, when measured.
    pub elapsed_ms: Option<u64>,
    /// The trainee's own words, when the answer was typed rather than picked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typed: Option<Typed>,
    /// The text of the expert's answer here (empty: let the timer run out); `None` in
    /// records of a Frontline that did not keep it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expert: Option<String>,
}

impl RecordedDecision {
    /// Whether the trainee's answer was not the expert's; `None` where the record does not
    /// say what the expert's was.
    pub fn missed(&self) -> Option<bool> {
        let expert = self.expert.as_deref()?;
        Some(if expert.is_empty() {
            !self.timed_out()
        } else {
            self.timed_out() || self.text != expert
        })
    }

    /// Whether the trainee let the timer run out.
    pub fn timed_out(&self) -> bool {
        self.answer == Answer::Silence
    }
}

/// Everything about one call: enough to list it, score it, export it and replay it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallRecord {
    /// A UUID for this call on any machine (xAPI registration, stable statement ids).
    pub uid: String,
    /// Who played it.
    pub trainee: String,
    /// The scenario file it was played from.
    pub scenario: ScenarioRef,
    /// The seed of the call's randomness.
    pub seed: u64,
    /// Coach or exam.
    pub mode: Mode,
    /// How it ended, as [`crate::scenario::Outcome::name`] writes it (`Abandoned` when left);
    /// text, so that records of a Frontline that knows more outcomes still read.
    pub outcome: String,
    /// The ending reached, if any.
    pub ending: Option<String>,
    /// Scores per dimension and overall, percentages.
    pub scores: Scores,
    /// The scenario's pass mark then.
    pub pass_mark: u8,
    /// Whether the call passed.
    pub passed: bool,
    /// Whether the trainee left before an ending.
    pub abandoned: bool,
    /// Compliance rules broken.
    pub breaks: Vec<RuleBreak>,
    /// Every decision, in order.
    pub decisions: Vec<RecordedDecision>,
    /// When the call started, milliseconds since 1970 (UTC).
    pub started_ms: i64,
    /// When it ended, milliseconds since 1970 (UTC).
    pub ended_ms: i64,
}

impl CallRecord {
    /// The record of a played session (left as it is: call [`Session::abandon`] first to
    /// record an unfinished call as abandoned).
    pub fn of(
        session: &Session,
        trainee: &str,
        scenario: ScenarioRef,
        started: SystemTime,
        ended: SystemTime,
    ) -> CallRecord {
        let result = session.score();
        CallRecord {
            uid: new_uid(),
            trainee: trainee.to_owned(),
            scenario,
            seed: session.seed(),
            mode: session.mode(),
            outcome: result.outcome.name().to_owned(),
            ending: result.ending,
            scores: result.scores,
            pass_mark: result.pass_mark,
            passed: result.passed,
            abandoned: session.is_abandoned(),
            breaks: result.broken,
            decisions: session
                .decisions()
                .iter()
                .map(|d| RecordedDecision {
                    step: d.step,
                    node: d.node.clone(),
                    prompt: d.prompt.clone(),
                    options: d.options.clone(),
                    answer: d.answer,
                    text: d.text.clone(),
                    points: d.points,
                    wrap_up: d.wrap_up,
                    elapsed_ms: d.elapsed_ms,
                    typed: d.typed.clone(),
                    expert: Some(d.expert.clone().unwrap_or_else(|| d.text.clone())),
                })
                .collect(),
            started_ms: unix_ms(started),
            ended_ms: unix_ms(ended),
        }
    }

    /// How the call counts.
    pub fn verdict(&self) -> Verdict {
        Verdict::of(self.passed, self.abandoned)
    }

    /// The outcome recorded; an error names it when this Frontline does not know it (a
    /// record of a newer one).
    pub fn outcome(&self) -> Result<Outcome, UnknownOutcome> {
        self.outcome.parse()
    }

    /// The outcome recorded in `words`; as recorded when this Frontline does not know it.
    pub fn outcome_in<'a>(&'a self, words: &Words) -> &'a str {
        self.outcome()
            .map_or(self.outcome.as_str(), |outcome| words.outcome(outcome))
    }

    /// How long the call took, in milliseconds.
    pub fn duration_ms(&self) -> i64 {
        (self.ended_ms - self.started_ms).max(0)
    }

    /// The answers as `frontline play --choices` takes them (`t` for a timeout).
    pub fn choices(&self) -> String {
        self.decisions
            .iter()
            .map(|d| match d.answer {
                Answer::Pick(n) => n.to_string(),
                Answer::Silence => "t".to_owned(),
            })
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// A call as kept in the store, with its number there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The record's number in this store (`frontline replay ID`).
    pub id: i64,
    /// The call.
    #[serde(flatten)]
    pub call: CallRecord,
}

impl Record {
    /// Whether a replay of this call scores as recorded: the same scores, passed or not alike.
    pub fn matches(&self, replayed: &Session) -> bool {
        let now = replayed.score();
        now.scores == self.call.scores && now.passed == self.call.passed
    }

    /// Plays the call again on its scenario as it is now (`prepared` from the file at `path`,
    /// whose bytes hash to `hash`), for its transcript and debrief; says whether the file
    /// has changed since, and replays a changed file only while the recorded answers still fit.
    pub fn replay_on(
        &self,
        prepared: Arc<Prepared>,
        path: &Path,
        hash: &str,
    ) -> Result<Replayed, ReopenError> {
        let changed = self.call.scenario.changed(path, hash);
        match replay(&self.call, prepared) {
            Ok(session) => Ok(Replayed { session, changed }),
            Err(error) => Err(match changed {
                Some(changed) => ReopenError::Changed {
                    record: self.id,
                    path: changed.path,
                    error,
                },
                None => ReopenError::Refused {
                    record: self.id,
                    error,
                },
            }),
        }
    }
}

/// A recorded call played again on its scenario as it is now.
#[derive(Debug, Clone)]
pub struct Replayed {
    /// The finished session, with the recorded answers.
    pub session: Session,
    /// Set when the scenario file has changed since the call (the answers still fit it).
    pub changed: Option<Changed>,
}

/// Why a recorded call cannot be played again.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReopenError {
    /// The scenario file has changed since, and the recorded answers no longer fit it.
    #[error(
        "the scenario file {} has changed since call {record} was recorded, and the recorded answers no longer fit it: {error}",
        .path.display()
    )]
    Changed {
        /// The record's number.
        record: i64,
        /// The scenario file as it is now.
        path: PathBuf,
        /// Where the answers stop fitting.
        error: ReplayError,
    },
    /// The file is the one played, yet the answers do not replay (a Frontline whose
    /// engine has changed since).
    #[error("call {record} cannot be replayed: {error}")]
    Refused {
        /// The record's number.
        record: i64,
        /// Where the answers stop fitting.
        error: ReplayError,
    },
}

/// The files [`export_to_folder`] writes: the calls, their decisions, their xAPI statements.
pub const EXPORT_FILES: [&str; 3] = ["calls.csv", "decisions.csv", "xapi.json"];

/// Writes records into a folder (created if need be) as `frontline export` would:
/// `calls.csv` with one row per call, `decisions.csv` with one per decision, and
/// `xapi.json` with their statements, named under `base`.
pub fn export_to_folder(records: &[Record], folder: &Path, base: &str) -> Result<(), String> {
    let failed = |file: &str, e: &dyn std::fmt::Display| {
        format!("cannot write {}: {e}", folder.join(file).display())
    };
    let create =
        |file: &str| std::fs::File::create(folder.join(file)).map_err(|e| failed(file, &e));
    std::fs::create_dir_all(folder)
        .map_err(|e| format!("cannot create the folder {}: {e}", folder.display()))?;
    let [calls, decisions, xapi] = EXPORT_FILES;
    write_calls(records, create(calls)?).map_err(|e| failed(calls, &e))?;
    write_decisions(records, create(decisions)?).map_err(|e| failed(decisions, &e))?;
    let mut file = std::io::BufWriter::new(create(xapi)?);
    serde_json::to_writer_pretty(&mut file, &statements_json(records, base))
        .map_err(|e| failed(xapi, &e))?;
    std::io::Write::flush(&mut file).map_err(|e| failed(xapi, &e))
}

/// A random UUID (version 4), as text: a call's `uid`, given when the call starts.
pub fn new_uid() -> String {
    let bytes: [u8; 16] = rand::random();
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .hyphenated()
        .to_string()
}

/// Why a recorded call cannot be played again on a scenario as it is now.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
    /// The scenario refuses a recorded answer.
    #[error("step {step}: the recorded answer no longer fits ({error})")]
    Refused {
        /// The step, 1-based.
        step: usize,
        /// What the engine said.
        error: PlayError,
    },
    /// A recorded answer now picks something else.
    #[error("step {step}: the recorded answer was “{recorded}”, the same number now picks “{now}”")]
    Changed {
        /// The step, 1-based.
        step: usize,
        /// The text recorded.
        recorded: String,
        /// The text the same answer gives now.
        now: String,
    },
    /// The call ends before the recorded answers run out.
    #[error("the call now ends after {now} decisions; {recorded} were recorded")]
    EndsEarlier {
        /// Decisions recorded.
        recorded: usize,
        /// Decisions the scenario now takes.
        now: usize,
    },
    /// The recorded answers now lead to another outcome.
    #[error("the recorded answers now end `{}`; the call ended `{recorded}`", .now.name())]
    Outcome {
        /// The outcome recorded (as written: it may be one this Frontline does not know).
        recorded: String,
        /// The outcome now.
        now: Outcome,
    },
}

/// Plays a recorded call again from its seed and answers, to the end: the session it
/// gives has the recorded transcript, decisions and scores, for a debrief.
///
/// Fails when the scenario as it is now does not take the recorded answers to the same
/// choices and the same outcome (it has changed since, see [`ScenarioRef::hash`]).
pub fn replay(call: &CallRecord, prepared: Arc<Prepared>) -> Result<Session, ReplayError> {
    let mut session = Session::new(prepared, call.seed, call.mode);
    for decision in &call.decisions {
        if session.phase() == crate::engine::Phase::Ended {
            return Err(ReplayError::EndsEarlier {
                recorded: call.decisions.len(),
                now: session.decisions().len(),
            });
        }
        session
            .answer_typed(decision.answer, decision.elapsed_ms, decision.typed.clone())
            .map_err(|error| ReplayError::Refused {
                step: decision.step,
                error,
            })?;
        let now = session
            .decisions()
            .last()
            .map(|d| d.text.clone())
            .unwrap_or_default();
        // A silence is the same silence whatever text a Frontline wrote for it.
        if decision.answer != Answer::Silence && now != decision.text {
            return Err(ReplayError::Changed {
                step: decision.step,
                recorded: decision.text.clone(),
                now,
            });
        }
    }
    session.abandon();
    let now = session.score().outcome;
    if call.outcome() != Ok(now) {
        return Err(ReplayError::Outcome {
            recorded: call.outcome.clone(),
            now,
        });
    }
    Ok(session)
}

/// Why the records could not be read, written or sent.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// The store's folder or file could not be opened or created.
    #[error("cannot open the call records at {path}: {reason}")]
    Open {
        /// The database file or its folder.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// The store was written by a newer Frontline.
    #[error(
        "the call records at {path} are in schema version {found}, newer than this Frontline knows ({known}); update Frontline to read them"
    )]
    Newer {
        /// The database file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
        /// The newest this build knows.
        known: i64,
    },
    /// A query of the store failed.
    #[error("call records at {path}: cannot {what}: {source}")]
    Sql {
        /// The database file.
        path: PathBuf,
        /// What was being done.
        what: &'static str,
        /// The database's error.
        source: rusqlite::Error,
    },
    /// A stored value is not what this Frontline wrote.
    #[error("call records at {path}: record {id} is damaged: {problem}")]
    Damaged {
        /// The database file.
        path: PathBuf,
        /// The record.
        id: i64,
        /// What is wrong.
        problem: String,
    },
    /// An export file could not be written.
    #[error("cannot write {path}: {reason}")]
    Export {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::engine::Phase;
    use crate::library::Library;

    /// docs/example.ron, prepared, with its path and hash.
    pub(crate) fn example() -> (Arc<Prepared>, ScenarioRef) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/example.ron");
        let library =
            Library::load(std::slice::from_ref(&path), None).expect("docs/example.ron loads");
        let entry = &library.entries[0];
        let prepared = entry
            .prepared
            .clone()
            .expect("docs/example.ron is playable");
        let scenario = ScenarioRef::new(prepared.scenario(), &entry.path, &entry.hash);
        (prepared, scenario)
    }

    /// A call of the example played with these answers (abandoned if they run out), timed.
    pub(crate) fn played(seed: u64, answers: &[Answer], trainee: &str) -> CallRecord {
        let (prepared, scenario) = example();
        let mut session = Session::new(prepared, seed, Mode::Exam);
        for (i, &answer) in answers.iter().enumerate() {
            session
                .answer_timed(answer, Some(1000 + i as u64))
                .expect("the scripted answer fits");
        }
        session.abandon();
        let started = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000 + seed);
        CallRecord::of(
            &session,
            trainee,
            scenario,
            started,
            started + std::time::Duration::from_secs(95),
        )
    }

    /// A new, empty store in a temporary folder (removed with the folder).
    pub(crate) fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("a temp folder");
        let store = Store::open(dir.path()).expect("a new store opens");
        (dir, store)
    }

    /// The expert's answers for a seed.
    pub(crate) fn expert_answers(seed: u64) -> Vec<Answer> {
        let (prepared, _) = example();
        let mut session = Session::new(prepared, seed, Mode::Exam);
        let mut answers = Vec::new();
        while let Some(answer) = session.expert_answer() {
            session.answer(answer).expect("the expert's answer fits");
            answers.push(answer);
        }
        answers
    }

    #[test]
    fn a_call_records_every_decision_its_scores_and_its_times() {
        let call = played(7, &expert_answers(7), "Ana");
        assert_eq!(call.trainee, "Ana");
        assert_eq!(call.scenario.id, "example-late-bill");
        assert_eq!(call.seed, 7);
        assert_eq!(call.mode, Mode::Exam);
        assert_eq!(call.outcome, "Resolved");
        assert_eq!(call.ending.as_deref(), Some("resolved"));
        assert_eq!(
            (call.scores.overall, call.passed, call.abandoned),
            (100.0, true, false)
        );
        assert_eq!(call.decisions.len(), 5);
        assert_eq!(
            call.decisions
                .iter()
                .map(|d| d.elapsed_ms)
                .collect::<Vec<_>>(),
            vec![Some(1000), Some(1001), Some(1002), Some(1003), Some(1004)]
        );
        assert_eq!(call.duration_ms(), 95_000);
        assert_eq!(call.started_ms, 1_700_000_007_000);
    }

    #[test]
    fn replaying_a_call_gives_the_same_decisions_transcript_and_scores() {
        let (prepared, _) = example();
        let mut session = Session::new(Arc::clone(&prepared), 11, Mode::Coach);
        session
            .answer_timed(Answer::Pick(2), Some(700))
            .expect("fits");
        session
            .answer_timed(Answer::Silence, Some(20_000))
            .expect("fits");
        session.abandon();
        let (_, scenario) = example();
        let now = SystemTime::now();
        let call = CallRecord::of(&session, "Ana", scenario, now, now);
        let again = replay(&call, prepared).expect("the call replays");
        assert_eq!(again.phase(), Phase::Ended);
        assert_eq!(again.decisions(), session.decisions());
        assert_eq!(again.transcript(), session.transcript());
        assert_eq!(again.score(), session.score());
        assert!(call.decisions[1].timed_out());
        assert_eq!(call.choices(), "2,t");
    }

    #[test]
    fn a_recorded_answer_that_now_picks_another_choice_does_not_replay() {
        let (prepared, _) = example();
        let mut call = played(7, &expert_answers(7), "Ana");
        call.decisions[2].text = "Something the scenario used to say".to_owned();
        assert_eq!(
            replay(&call, prepared).map(|s| s.decisions().len()),
            Err(ReplayError::Changed {
                step: 3,
                recorded: "Something the scenario used to say".to_owned(),
                now: call_text_now(7, 3),
            })
        );
    }

    fn call_text_now(seed: u64, step: usize) -> String {
        played(seed, &expert_answers(seed), "x").decisions[step - 1]
            .text
            .clone()
    }

    #[test]
    fn a_recorded_silence_replays_whatever_text_was_written_for_it() {
        let (prepared, _) = example();
        let mut call = played(11, &[Answer::Pick(2), Answer::Silence], "Ana");
        assert!(call.decisions[1].timed_out());
        // Frontline wrote `(silence)` before it recorded a silence as a silence.
        for written in ["(silence)", ""] {
            call.decisions[1].text = written.to_owned();
            let again = replay(&call, Arc::clone(&prepared)).map(|s| s.decisions().len());
            assert_eq!(again, Ok(2), "{written:?}");
        }
        // An answer that is not a silence still has to be the same text.
        call.decisions[0].text = "(silence)".to_owned();
        assert!(matches!(
            replay(&call, prepared),
            Err(ReplayError::Changed { step: 1, .. })
        ));
    }

    #[test]
    fn a_recorded_outcome_reads_back_as_the_outcome_and_an_unknown_one_as_written() {
        let mut call = played(7, &expert_answers(7), "Ana");
        assert_eq!(call.outcome(), Ok(Outcome::Resolved));
        assert_eq!(call.outcome_in(&crate::words::ITALIAN), "risolta");
        call.outcome = "Transferred".to_owned();
        assert_eq!(
            call.outcome().map_err(|e| e.to_string()),
            Err("`Transferred` is not an outcome this Frontline knows".to_owned())
        );
        assert_eq!(call.outcome_in(&crate::words::ITALIAN), "Transferred");
        let (prepared, _) = example();
        assert_eq!(
            replay(&call, prepared).map(|s| s.decisions().len()),
            Err(ReplayError::Outcome {
                recorded: "Transferred".to_owned(),
                now: Outcome::Resolved
            })
        );
    }

    #[test]
    fn a_record_belongs_to_its_file_while_it_holds_the_scenario_else_to_the_library_id() {
        let dir = tempfile::tempdir().expect("a temp folder");
        let documented = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/example.ron");
        let text = std::fs::read_to_string(&documented).expect("the example reads");
        let file = dir.path().join("played.ron");
        std::fs::write(&file, &text).expect("writes");
        let (prepared, _) = example();
        let scenario = ScenarioRef::new(prepared.scenario(), &file, "hash");
        let library = Library::load(std::slice::from_ref(&documented), None)
            .expect("loads")
            .entries;
        let found = |library: &[LibraryEntry]| match scenario.find_in(library, None) {
            Ok(entry) => Ok(entry.path),
            Err(Lost::Broken(entry)) => Err(format!("broken {}", entry.path.display())),
            Err(Lost::Missing) => Err("missing".to_owned()),
        };
        let played = file.canonicalize().expect("exists");
        assert_eq!(found(&[]), Ok(played.clone()), "the file played, by itself");
        assert_eq!(
            found(&library),
            Ok(played.clone()),
            "the file before the library"
        );
        std::fs::write(
            &file,
            text.replacen("next: \"explain\"", "next: \"nowhere\"", 1),
        )
        .expect("breaks it");
        assert_eq!(
            found(&library),
            Ok(documented.clone()),
            "a playable one by its id"
        );
        assert_eq!(found(&[]), Err(format!("broken {}", played.display())));
        std::fs::remove_file(&file).expect("removes");
        assert_eq!(found(&library), Ok(documented), "the file has moved");
        assert_eq!(found(&[]), Err("missing".to_owned()));
    }

    #[test]
    fn recorded_answers_beyond_the_end_of_the_call_do_not_replay() {
        let (prepared, _) = example();
        let mut call = played(7, &expert_answers(7), "Ana");
        let extra = call.decisions[4].clone();
        call.decisions.push(RecordedDecision { step: 6, ..extra });
        assert_eq!(
            replay(&call, prepared).map(|s| s.decisions().len()),
            Err(ReplayError::EndsEarlier {
                recorded: 6,
                now: 5
            })
        );
    }
}
