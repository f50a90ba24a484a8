//! The store of call records: one SQLite file in the trainee's data folder.
//!
//! Opening it brings an older schema up to date ([`super::migrations`]). The file is in WAL
//! mode with full sync, and each call is written in one transaction: a process killed at any
//! moment leaves every earlier record whole and the new one either whole or absent.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};

use super::migrations;
use super::{CallRecord, Record, RecordError, RecordedDecision, ScenarioRef};
use crate::engine::{Answer, Mode, RuleBreak, Scores};
use crate::scenario::Points;

/// The database file's name in the data folder.
pub const FILE_NAME: &str = "records.sqlite3";

/// How long a write waits for another Frontline (the app and the command line at once).
const BUSY_WAIT: Duration = Duration::from_secs(10);

const CALL_COLUMNS: &str = "id, uid, trainee, scenario, title, version, language, hash, path, \
    seed, mode, outcome, ending, empathy, accuracy, resolution, overall, pass_mark, passed, \
    abandoned, decisions, started_ms, ended_ms";

/// Which records to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this trainee's calls.
    pub trainee: Option<String>,
    /// Only calls of this scenario id.
    pub scenario: Option<String>,
    /// At most this many, newest first.
    pub limit: Option<usize>,
}

/// A trainee's best and latest call of a scenario, for the library card.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Standing {
    /// The call with the highest overall score (the latest of equals).
    pub best: Option<Record>,
    /// The latest call.
    pub last: Option<Record>,
}

/// The call records of one data folder.
#[derive(Debug)]
pub struct Store {
    pub(super) connection: Connection,
    pub(super) path: PathBuf,
}

impl Store {
    /// Opens the store in `dir`, or in the default records folder
    /// ([`crate::paths::records_dir`]) when `dir` is `None`, creating it as needed.
    pub fn open_or_default(dir: Option<&Path>) -> Result<Store, RecordError> {
        match crate::paths::records_dir(dir) {
            Some(dir) => Store::open(&dir),
            None => Err(RecordError::Open {
                path: PathBuf::from(FILE_NAME),
                reason: "this system has no data folder for Frontline (no home folder); \
                         give one with --data-dir"
                    .to_owned(),
            }),
        }
    }

    /// Opens the store in folder `dir`, creating the folder and the file as needed and
    /// bringing an older schema up to date.
    pub fn open(dir: &Path) -> Result<Store, RecordError> {
        std::fs::create_dir_all(dir).map_err(|e| RecordError::Open {
            path: dir.to_owned(),
            reason: format!("cannot create the folder: {e}"),
        })?;
        let path = dir.join(FILE_NAME);
        let open_error = |e: rusqlite::Error| RecordError::Open {
            path: path.clone(),
            reason: match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::NotADatabase) => {
                    "the file is not a Frontline record store (not an SQLite database)".to_owned()
                }
                _ => e.to_string(),
            },
        };
        let connection = Connection::open(&path).map_err(open_error)?;
        connection.busy_timeout(BUSY_WAIT).map_err(open_error)?;
        // WAL: readers never block the writer and a killed writer leaves the file whole;
        // FULL sync: a call reported as recorded survives a power cut too.
        connection
            .query_row("PRAGMA journal_mode = WAL", [], |row| {
                row.get::<_, String>(0)
            })
            .map_err(open_error)?;
        connection
            .execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
            .map_err(open_error)?;
        let mut store = Store { connection, path };
        migrations::migrate(&mut store.connection, &store.path)?;
        Ok(store)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the file.
    pub fn schema_version(&self) -> Result<i64, RecordError> {
        self.connection
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(failed(&self.path, "read the schema version"))
    }

    /// Writes a call, all of it or nothing, and gives its record number.
    pub fn save(&mut self, call: &CallRecord) -> Result<i64, RecordError> {
        let path = self.path.clone();
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(failed(&path, "start writing the call"))?;
        transaction
            .execute(
                &format!(
                    "INSERT INTO calls ({}) VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, \
                     ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
                    CALL_COLUMNS
                ),
                params![
                    call.uid,
                    call.trainee,
                    call.scenario.id,
                    call.scenario.title,
                    call.scenario.version,
                    call.scenario.language,
                    call.scenario.hash,
                    call.scenario.path,
                    call.seed as i64,
                    call.mode.name(),
                    call.outcome,
                    call.ending,
                    call.scores.empathy,
                    call.scores.accuracy,
                    call.scores.resolution,
                    call.scores.overall,
                    call.pass_mark,
                    call.passed,
                    call.abandoned,
                    call.decisions.len() as i64,
                    call.started_ms,
                    call.ended_ms,
                ],
            )
            .map_err(failed(&path, "write the call"))?;
        let id = transaction.last_insert_rowid();
        {
            let mut insert = transaction
                .prepare_cached(
                    "INSERT INTO decisions (call, step, node, prompt, options, answer, text, \
                     empathy, accuracy, resolution, wrap_up, elapsed_ms, typed, expert) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                )
                .map_err(failed(&path, "write a decision"))?;
            for d in &call.decisions {
                let options = serde_json::Value::from(d.options.clone()).to_string();
                let answer = match d.answer {
                    Answer::Pick(n) => Some(n as i64),
                    Answer::Silence => None,
                };
                let typed = d
                    .typed
                    .as_ref()
                    .map(|t| serde_json::to_string(t).unwrap_or_default());
                insert
                    .execute(params![
                        id,
                        d.step as i64,
                        d.node,
                        d.prompt,
                        options,
                        answer,
                        d.text,
                        d.points.empathy,
                        d.points.accuracy,
                        d.points.resolution,
                        d.wrap_up,
                        d.elapsed_ms.map(|ms| ms as i64),
                        typed,
                        d.expert,
                    ])
                    .map_err(failed(&path, "write a decision"))?;
            }
            let mut insert = transaction
                .prepare_cached(
                    "INSERT INTO breaks (call, step, rule, text) VALUES (?1, ?2, ?3, ?4)",
                )
                .map_err(failed(&path, "write a broken rule"))?;
            for b in &call.breaks {
                insert
                    .execute(params![id, b.step as i64, b.rule, b.text])
                    .map_err(failed(&path, "write a broken rule"))?;
            }
        }
        transaction
            .commit()
            .map_err(failed(&path, "save the call"))?;
        Ok(id)
    }

    /// Writes a call unless a call with its uid is recorded already (a call kept aside and
    /// written again after a crash is not doubled); says whether it was written.
    pub fn save_once(&mut self, call: &CallRecord) -> Result<bool, RecordError> {
        if self.id_of(&call.uid)?.is_some() {
            return Ok(false);
        }
        self.save(call).map(|_| true)
    }

    /// The record number of the call with this uid, if it is recorded (so a call kept aside
    /// and written again after a crash is not doubled).
    pub fn id_of(&self, uid: &str) -> Result<Option<i64>, RecordError> {
        self.connection
            .query_row("SELECT id FROM calls WHERE uid = ?1", [uid], |row| {
                row.get(0)
            })
            .optional()
            .map_err(failed(&self.path, "look a call up"))
    }

    /// The record of the call with this uid, if it is recorded (the debrief exports its own
    /// call by it).
    pub fn by_uid(&self, uid: &str) -> Result<Option<Record>, RecordError> {
        self.id_of(uid)?.map_or(Ok(None), |id| self.get(id))
    }

    /// The record with this number.
    pub fn get(&self, id: i64) -> Result<Option<Record>, RecordError> {
        let call_row = self
            .connection
            .query_row(
                &format!("SELECT {CALL_COLUMNS} FROM calls WHERE id = ?1"),
                [id],
                CallRow::read,
            )
            .optional()
            .map_err(failed(&self.path, "read a call"))?;
        call_row.map(|call_row| self.complete(call_row)).transpose()
    }

    /// The records that pass the filter, newest first.
    pub fn history(&self, filter: &Filter) -> Result<Vec<Record>, RecordError> {
        let limit = filter
            .limit
            .map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        self.select(
            "(?1 IS NULL OR trainee = ?1) AND (?2 IS NULL OR scenario = ?2) \
             ORDER BY ended_ms DESC, id DESC LIMIT ?3",
            params![filter.trainee, filter.scenario, limit],
        )
    }

    /// The trainee's best and latest call of a scenario.
    pub fn best_and_last(&self, trainee: &str, scenario: &str) -> Result<Standing, RecordError> {
        let of = |order: &str| -> Result<Option<Record>, RecordError> {
            Ok(self
                .select(
                    &format!("trainee = ?1 AND scenario = ?2 ORDER BY {order} LIMIT 1"),
                    params![trainee, scenario],
                )?
                .pop())
        };
        Ok(Standing {
            best: of("overall DESC, ended_ms DESC, id DESC")?,
            last: of("ended_ms DESC, id DESC")?,
        })
    }

    fn select(
        &self,
        condition: &str,
        parameters: impl rusqlite::Params,
    ) -> Result<Vec<Record>, RecordError> {
        let mut statement = self
            .connection
            .prepare(&format!(
                "SELECT {CALL_COLUMNS} FROM calls WHERE {condition}"
            ))
            .map_err(failed(&self.path, "list the calls"))?;
        let rows = statement
            .query_map(parameters, CallRow::read)
            .map_err(failed(&self.path, "list the calls"))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(failed(&self.path, "list the calls"))?;
        rows.into_iter()
            .map(|call_row| self.complete(call_row))
            .collect()
    }

    /// Adds a call's decisions and broken rules to its row, checking that none is missing.
    fn complete(&self, call_row: CallRow) -> Result<Record, RecordError> {
        let damaged = |problem: String| RecordError::Damaged {
            path: self.path.clone(),
            id: call_row.id,
            problem,
        };
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT step, node, prompt, options, answer, text, empathy, accuracy, \
                 resolution, wrap_up, elapsed_ms, typed, expert FROM decisions WHERE call = ?1 \
                 ORDER BY step",
            )
            .map_err(failed(&self.path, "read the decisions"))?;
        let rows = statement
            .query_map([call_row.id], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, Option<i64>>(4)?,
                    row.get::<_, String>(5)?,
                    Points {
                        empathy: row.get(6)?,
                        accuracy: row.get(7)?,
                        resolution: row.get(8)?,
                    },
                    row.get::<_, bool>(9)?,
                    row.get::<_, Option<i64>>(10)?,
                    row.get::<_, Option<String>>(11)?,
                    row.get::<_, Option<String>>(12)?,
                ))
            })
            .map_err(failed(&self.path, "read the decisions"))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(failed(&self.path, "read the decisions"))?;
        let mut decisions = Vec::with_capacity(rows.len());
        for (step, node, prompt, options, answer, text, points, wrap_up, elapsed, typed, expert) in
            rows
        {
            let options: Vec<String> = serde_json::from_str(&options)
                .map_err(|e| damaged(format!("the offers of step {step} do not read: {e}")))?;
            let typed = typed
                .map(|json| serde_json::from_str(&json))
                .transpose()
                .map_err(|e| damaged(format!("the typed words of step {step} do not read: {e}")))?;
            decisions.push(RecordedDecision {
                step: usize::try_from(step).map_err(|_| damaged(format!("step number {step}")))?,
                node,
                prompt,
                options,
                answer: match answer {
                    Some(n) => Answer::Pick(
                        usize::try_from(n)
                            .map_err(|_| damaged(format!("answer {n} at step {step}")))?,
                    ),
                    None => Answer::Silence,
                },
                text,
                points,
                wrap_up,
                elapsed_ms: elapsed.and_then(|ms| u64::try_from(ms).ok()),
                typed,
                expert,
            });
        }
        let steps_in_order = decisions.iter().enumerate().all(|(i, d)| d.step == i + 1);
        if decisions.len() != call_row.decisions || !steps_in_order {
            return Err(damaged(format!(
                "{} decisions were written, {} read back",
                call_row.decisions,
                decisions.len()
            )));
        }
        let mut statement = self
            .connection
            .prepare_cached("SELECT step, rule, text FROM breaks WHERE call = ?1 ORDER BY rowid")
            .map_err(failed(&self.path, "read the broken rules"))?;
        let breaks = statement
            .query_map([call_row.id], |row| {
                Ok(RuleBreak {
                    step: usize::try_from(row.get::<_, i64>(0)?).unwrap_or_default(),
                    rule: row.get(1)?,
                    text: row.get(2)?,
                })
            })
            .map_err(failed(&self.path, "read the broken rules"))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(failed(&self.path, "read the broken rules"))?;
        let mode = match call_row.mode.as_str() {
            "coach" => Mode::Coach,
            "exam" => Mode::Exam,
            other => return Err(damaged(format!("unknown mode `{other}`"))),
        };
        let mut call = call_row.call;
        call.mode = mode;
        call.decisions = decisions;
        call.breaks = breaks;
        Ok(Record {
            id: call_row.id,
            call,
        })
    }
}

/// The error of a query on the store at `path` while doing `what`.
pub(super) fn failed(
    path: &Path,
    what: &'static str,
) -> impl Fn(rusqlite::Error) -> RecordError + use<> {
    let path = path.to_owned();
    move |source| RecordError::Sql {
        path: path.clone(),
        what,
        source,
    }
}

/// A row of the `calls` table, before its decisions and broken rules are read.
struct CallRow {
    id: i64,
    mode: String,
    decisions: usize,
    call: CallRecord,
}

impl CallRow {
    fn read(row: &Row<'_>) -> rusqlite::Result<CallRow> {
        Ok(CallRow {
            id: row.get(0)?,
            mode: row.get(10)?,
            decisions: usize::try_from(row.get::<_, i64>(20)?).unwrap_or(usize::MAX),
            call: CallRecord {
                uid: row.get(1)?,
                trainee: row.get(2)?,
                scenario: ScenarioRef {
                    id: row.get(3)?,
                    title: row.get(4)?,
                    version: row.get(5)?,
                    language: row.get(6)?,
                    hash: row.get(7)?,
                    path: row.get(8)?,
                },
                seed: row.get::<_, i64>(9)? as u64,
                mode: Mode::default(),
                outcome: row.get(11)?,
                ending: row.get(12)?,
                scores: Scores {
                    empathy: row.get(13)?,
                    accuracy: row.get(14)?,
                    resolution: row.get(15)?,
                    overall: row.get(16)?,
                },
                pass_mark: row.get(17)?,
                passed: row.get(18)?,
                abandoned: row.get(19)?,
                breaks: Vec::new(),
                decisions: Vec::new(),
                started_ms: row.get(21)?,
                ended_ms: row.get(22)?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::SCHEMA_VERSION;
    use crate::records::tests::{expert_answers, played, store};

    #[test]
    fn a_saved_call_reads_back_whole() {
        let (_dir, mut store) = store();
        let call = played(7, &expert_answers(7), "Ana");
        let id = store.save(&call).expect("saves");
        assert_eq!(store.get(id).expect("reads"), Some(Record { id, call }));
        assert_eq!(store.get(id + 1).expect("reads"), None);
    }

    #[test]
    fn a_call_with_timeouts_and_broken_rules_reads_back_whole() {
        let (_dir, mut store) = store();
        // Where the choices are shuffled so that the second reads the bill unverified.
        let call = (0..20)
            .map(|seed| {
                played(
                    seed,
                    &[Answer::Pick(2), Answer::Silence, Answer::Pick(1)],
                    "Bo",
                )
            })
            .find(|call| !call.breaks.is_empty())
            .expect("some seed shows the compliance breach second");
        assert!(call.decisions[1].timed_out());
        let id = store.save(&call).expect("saves");
        assert_eq!(store.get(id).expect("reads").map(|r| r.call), Some(call));
    }

    #[test]
    fn history_lists_newest_first_and_filters_by_trainee_and_scenario() {
        let (_dir, mut store) = store();
        for (seed, trainee) in [(1, "Ana"), (2, "Bo"), (3, "Ana")] {
            store
                .save(&played(seed, &[Answer::Pick(1)], trainee))
                .expect("saves");
        }
        let ids = |filter: Filter| -> Vec<i64> {
            store
                .history(&filter)
                .expect("lists")
                .iter()
                .map(|r| r.id)
                .collect()
        };
        assert_eq!(ids(Filter::default()), vec![3, 2, 1]);
        let ana = Filter {
            trainee: Some("Ana".to_owned()),
            ..Filter::default()
        };
        assert_eq!(ids(ana.clone()), vec![3, 1]);
        assert_eq!(
            ids(Filter {
                limit: Some(1),
                ..ana
            }),
            vec![3]
        );
        assert_eq!(
            ids(Filter {
                scenario: Some("example-late-bill".to_owned()),
                ..Filter::default()
            }),
            vec![3, 2, 1]
        );
        assert_eq!(
            ids(Filter {
                scenario: Some("another".to_owned()),
                ..Filter::default()
            }),
            Vec::<i64>::new()
        );
    }

    #[test]
    fn best_and_last_are_the_highest_overall_and_the_latest_call() {
        let (_dir, mut store) = store();
        let best = store
            .save(&played(5, &expert_answers(5), "Ana"))
            .expect("saves");
        store
            .save(&played(6, &[Answer::Pick(1)], "Bo"))
            .expect("saves");
        let last = store
            .save(&played(7, &[Answer::Pick(1)], "Ana"))
            .expect("saves");
        let standing = store
            .best_and_last("Ana", "example-late-bill")
            .expect("reads");
        assert_eq!(
            (
                standing.best.map(|r| (r.id, r.call.scores.overall)),
                standing.last.map(|r| r.id)
            ),
            (Some((best, 100.0)), Some(last))
        );
        assert_eq!(
            store
                .best_and_last("Cy", "example-late-bill")
                .expect("reads"),
            Standing::default()
        );
    }

    #[test]
    fn a_call_missing_decisions_is_reported_damaged_not_read_short() {
        let (_dir, mut store) = store();
        let id = store
            .save(&played(7, &expert_answers(7), "Ana"))
            .expect("saves");
        store
            .connection
            .execute("DELETE FROM decisions WHERE call = ?1 AND step = 5", [id])
            .expect("deletes");
        let error = store.get(id).map(|r| r.map(|r| r.id));
        assert!(
            matches!(&error, Err(RecordError::Damaged { id: 1, problem, .. }) if problem == "5 decisions were written, 4 read back"),
            "{error:?}"
        );
    }

    #[test]
    fn a_new_store_is_at_the_latest_schema_in_wal_mode() {
        let (_dir, store) = store();
        assert_eq!(store.schema_version().expect("reads"), SCHEMA_VERSION);
        let mode: String = store
            .connection
            .query_row("PRAGMA journal_mode", [], |row| row.get(0))
            .expect("reads");
        assert_eq!(mode, "wal");
    }

    #[test]
    fn a_store_from_a_newer_frontline_is_refused_with_both_versions() {
        let dir = tempfile::tempdir().expect("a temp folder");
        let connection = Connection::open(dir.path().join(FILE_NAME)).expect("opens");
        connection
            .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .expect("sets the version");
        drop(connection);
        let error = Store::open(dir.path())
            .map(|_| ())
            .map_err(|e| e.to_string());
        assert_eq!(
            error,
            Err(format!(
                "the call records at {} are in schema version {}, newer than this Frontline knows ({}); update Frontline to read them",
                dir.path().join(FILE_NAME).display(),
                SCHEMA_VERSION + 1,
                SCHEMA_VERSION
            ))
        );
    }

    #[test]
    fn a_file_that_is_not_a_database_is_named_in_the_error() {
        let dir = tempfile::tempdir().expect("a temp folder");
        std::fs::write(
            dir.path().join(FILE_NAME),
            "not a database, just text ".repeat(100),
        )
        .expect("writes");
        let error = Store::open(dir.path())
            .map(|_| ())
            .map_err(|e| e.to_string());
        assert_eq!(
            error,
            Err(format!(
                "cannot open the call records at {}: the file is not a Frontline record store (not an SQLite database)",
                dir.path().join(FILE_NAME).display()
            ))
        );
    }
}
