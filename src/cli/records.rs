//! `frontline history`, `replay` and `export`: the call records on the command line.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::Args;
use serde_json::json;

use super::play::{report_json, report_text, scores_line};
use super::{Failure, Format, load_library, unplayable, write, write_json};
use crate::library::LibraryEntry;
use crate::paths;
use crate::records::{
    self, AUTH_VARIABLE, CallRecord, DEFAULT_BASE, Filter, Lost, Record, Replayed, Spool, Store,
    minute, rfc3339,
};
use crate::words::{Words, fill};

/// Where the call records are kept: `--data-dir`, on every command that touches them.
#[derive(Debug, Clone, Default, Args)]
pub struct DataDir {
    /// Folder of the call records (default: $FRONTLINE_DATA_DIR, else the platform's data
    /// folder, e.g. ~/.local/share/frontline).
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,
}

impl DataDir {
    /// Opens the store there, and writes into it the calls kept aside while it could not be
    /// opened (saying so on stderr).
    pub fn open(&self) -> Result<Store, Failure> {
        let mut store = Store::open_or_default(self.data_dir.as_deref())
            .map_err(|e| Failure::problem(e.to_string()))?;
        match self.spool().write_into(&mut store) {
            Ok((written, unreadable)) => {
                if written > 0 {
                    eprintln!(
                        "{written} call{} kept aside while the records could not be written {} now recorded",
                        if written == 1 { "" } else { "s" },
                        if written == 1 { "is" } else { "are" }
                    );
                }
                for problem in unreadable {
                    eprintln!("warning: {problem}");
                }
            }
            Err(error) => {
                eprintln!("warning: the calls kept aside cannot be recorded yet: {error}")
            }
        }
        Ok(store)
    }

    /// Where calls wait while the store cannot take them.
    pub fn spool(&self) -> Spool {
        Spool::of(self.data_dir.as_deref())
    }

    /// Keeps a call aside with those already waiting, for the next command that opens the
    /// store; gives the file it is kept in.
    pub fn keep_aside(&self, call: CallRecord) -> Result<PathBuf, String> {
        let spool = self.spool();
        let mut kept = spool.read();
        if !kept.calls.iter().any(|known| known.uid == call.uid) {
            kept.calls.push(call);
        }
        spool.keep(&kept.calls, &kept.files)
    }
}

/// Arguments of `frontline history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Only this trainee's calls.
    #[arg(long)]
    pub trainee: Option<String>,
    /// Only calls of this scenario id.
    #[arg(long)]
    pub scenario: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Where the records are.
    #[command(flatten)]
    pub data: DataDir,
}

/// Arguments of `frontline replay`.
#[derive(Debug, Args)]
pub struct ReplayArgs {
    /// The record's number, as `frontline history` shows it.
    pub record: i64,
    /// Library folder to find the scenario in, when its file has moved.
    #[arg(long)]
    pub library: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Where the records are.
    #[command(flatten)]
    pub data: DataDir,
}

/// Arguments of `frontline export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Write a CSV file: one row per call.
    #[arg(long, value_name = "FILE", required_unless_present_any = ["xapi", "lrs"])]
    pub csv: Option<PathBuf>,
    /// With --csv: one row per decision instead of per call.
    #[arg(long, requires = "csv")]
    pub decisions: bool,
    /// Write xAPI 1.0.3 statements (a JSON array): one per decision, one per call.
    #[arg(long, value_name = "FILE")]
    pub xapi: Option<PathBuf>,
    /// Send the xAPI statements to a learning record store (its xAPI endpoint); Basic
    /// authentication from FRONTLINE_LRS_AUTH=user:password. What cannot be sent is kept
    /// and sent next time.
    #[arg(long, value_name = "URL")]
    pub lrs: Option<String>,
    /// The IRI that xAPI activities, extensions and trainee accounts are named under.
    #[arg(long, value_name = "IRI", default_value = DEFAULT_BASE)]
    pub xapi_base: String,
    /// Only this trainee's calls.
    #[arg(long)]
    pub trainee: Option<String>,
    /// Only calls of this scenario id.
    #[arg(long)]
    pub scenario: Option<String>,
    /// Where the records are.
    #[command(flatten)]
    pub data: DataDir,
}

fn problem(error: records::RecordError) -> Failure {
    Failure::problem(error.to_string())
}

/// Runs `frontline history`.
pub fn history(args: HistoryArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let store = args.data.open()?;
    let records = store
        .history(&Filter {
            trainee: args.trainee,
            scenario: args.scenario,
            limit: None,
        })
        .map_err(problem)?;
    match args.format {
        Format::Json => {
            let rows: Vec<serde_json::Value> = records.iter().map(record_json).collect();
            write_json(out, &rows)
        }
        Format::Text => {
            // The table is in the interface's language, whatever each call's language.
            let words = Words::of_system();
            let ui = &words.interface;
            if records.is_empty() {
                let path = store.path().display();
                return write(out, &(fill(ui.no_calls_in, &[("path", &path)]) + "\n"));
            }
            let mut text = format!(
                "{:>5}  {:<16}  {:<14} {:<26} {:<7}  {:<20} {:>6} {:>6} {:>6} {:>6}  {}\n",
                "ID",
                ui.column_ended,
                ui.column_trainee,
                ui.column_scenario,
                ui.column_mode,
                ui.column_outcome,
                "EMP",
                "ACC",
                "RES",
                "ALL",
                ui.column_result
            );
            for record in &records {
                let call = &record.call;
                let s = call.scores;
                text.push_str(&format!(
                    "{:>5}  {:<16}  {:<14} {:<26} {:<7}  {:<20} {:>6} {:>6} {:>6} {:>6}  {}\n",
                    record.id,
                    minute(call.ended_ms),
                    call.trainee,
                    call.scenario.id,
                    words.mode_short(call.mode),
                    call.outcome_in(words),
                    words.score(s.empathy),
                    words.score(s.accuracy),
                    words.score(s.resolution),
                    words.score(s.overall),
                    words.verdict(call.verdict())
                ));
            }
            let count = match records.len() {
                1 => ui.one_call.to_owned(),
                n => fill(ui.calls, &[("count", &n)]),
            };
            text.push_str(&(count + "\n"));
            write(out, &text)
        }
    }
}

/// A record as JSON, with readable times and the answers as `--choices` takes them.
fn record_json(record: &Record) -> serde_json::Value {
    let mut value = serde_json::to_value(record).unwrap_or_default();
    let call = &record.call;
    value["started"] = json!(rfc3339(call.started_ms));
    value["ended"] = json!(rfc3339(call.ended_ms));
    value["choices"] = json!(call.choices());
    value["result"] = json!(record.call.verdict().code());
    value
}

/// Runs `frontline replay`.
pub fn replay(args: ReplayArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let store = args.data.open()?;
    let Some(record) = store.get(args.record).map_err(problem)? else {
        return Err(Failure::usage(format!(
            "no call {} in the records at {} (`frontline history` lists them)",
            args.record,
            store.path().display()
        )));
    };
    let call = &record.call;
    let entry = scenario_of(&record, args.library)?;
    let prepared = entry
        .prepared
        .clone()
        .ok_or_else(|| Failure::problem("the scenario has errors"))?;
    let Replayed { session, changed } = record
        .replay_on(prepared, &entry.path, &entry.hash)
        .map_err(|e| Failure::problem(e.to_string()))?;
    let same = record.matches(&session);
    match args.format {
        Format::Json => {
            let value = json!({
                "record": record.id,
                "uid": call.uid,
                "trainee": call.trainee,
                "started": rfc3339(call.started_ms),
                "ended": rfc3339(call.ended_ms),
                "scenario_changed": changed.is_some(),
                "recorded_hash": call.scenario.hash,
                "current_hash": entry.hash,
                "recorded_scores": call.scores,
                "recorded_passed": call.passed,
                "matches_record": same,
                "replay": report_json(&entry.hash, &session),
            });
            write_json(out, &value)?;
        }
        Format::Text => {
            let words = Words::of(&session.prepared().scenario().language);
            let mut text = fill(
                words.recorded_call,
                &[
                    ("record", &record.id),
                    ("trainee", &call.trainee),
                    ("started", &minute(call.started_ms)),
                    ("path", &call.scenario.path),
                ],
            );
            text.push('\n');
            if let Some(changed) = &changed {
                text.push_str(&fill(
                    words.scenario_changed,
                    &[
                        ("path", &changed.path.display()),
                        ("then", &changed.then_short()),
                        ("now", &changed.now_short()),
                    ],
                ));
                text.push('\n');
            }
            text.push_str(&report_text(&session, true));
            if same {
                text.push_str(words.same_scores);
            } else {
                let recorded = format!(
                    "{}  — {}",
                    scores_line(words, &call.scores),
                    words.verdict(call.verdict())
                );
                text.push_str(&fill(words.other_scores, &[("scores", &recorded)]));
            }
            text.push('\n');
            write(out, &text)?;
        }
    }
    if same || changed.is_some() {
        Ok(())
    } else {
        Err(Failure::problem(format!(
            "call {} replays to other scores from an unchanged scenario file",
            record.id
        )))
    }
}

/// The scenario a call was played from, as it is now (see [`records::ScenarioRef::find_in`]),
/// looked for in `--library` (else the built-in library) when its file has moved.
fn scenario_of(record: &Record, library: Option<PathBuf>) -> Result<LibraryEntry, Failure> {
    let scenario = &record.call.scenario;
    // No library to look in is no different from a library without the scenario.
    let library = load_library(library.into_iter().collect())
        .map(|library| library.entries)
        .unwrap_or_default();
    scenario
        .find_in(&library, paths::assets_dir().ok())
        .map_err(|lost| match lost {
            Lost::Broken(entry) => unplayable(&entry),
            Lost::Missing => Failure::problem(format!(
                "cannot find the scenario `{}` of call {} (played from {}); give --library FOLDER where it is now",
                scenario.id, record.id, scenario.path
            )),
        })
}

/// Runs `frontline export`.
pub fn export(args: ExportArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let mut store = args.data.open()?;
    let mut records = store
        .history(&Filter {
            trainee: args.trainee,
            scenario: args.scenario,
            limit: None,
        })
        .map_err(problem)?;
    // Oldest first: the order they happened in.
    records.reverse();
    if let Some(path) = &args.csv {
        let file = create(path)?;
        let written = if args.decisions {
            records::write_decisions(&records, file)
        } else {
            records::write_calls(&records, file)
        };
        written.map_err(|e| Failure::problem(format!("cannot write {}: {e}", path.display())))?;
        let rows = if args.decisions {
            records.iter().map(|r| r.call.decisions.len()).sum()
        } else {
            records.len()
        };
        write(
            out,
            &format!(
                "{}: {rows} {}\n",
                path.display(),
                if args.decisions { "decisions" } else { "calls" }
            ),
        )?;
    }
    if let Some(path) = &args.xapi {
        let all = records::statements_json(&records, &args.xapi_base);
        let count = all.as_array().map_or(0, Vec::len);
        let mut file = create(path)?;
        serde_json::to_writer_pretty(&mut file, &all)
            .map_err(|e| e.to_string())
            .and_then(|()| file.flush().map_err(|e| e.to_string()))
            .map_err(|e| Failure::problem(format!("cannot write {}: {e}", path.display())))?;
        write(
            out,
            &format!("{}: {count} xAPI statements\n", path.display()),
        )?;
    }
    if let Some(url) = &args.lrs {
        let auth = std::env::var(AUTH_VARIABLE).ok();
        if auth.as_deref().is_some_and(|a| !a.contains(':')) {
            return Err(Failure::usage(format!(
                "{AUTH_VARIABLE} must be user:password"
            )));
        }
        let delivery = records::send(&mut store, &records, url, &args.xapi_base, auth.as_deref())
            .map_err(problem)?;
        write(
            out,
            &format!(
                "{}: {} statements sent, {} waiting\n",
                records::statements_endpoint(url),
                delivery.sent,
                delivery.kept
            ),
        )?;
        if let Some(why) = delivery.problem {
            return Err(Failure::problem(format!(
                "{why}\n{} statements are kept in {} and will be sent next time",
                delivery.kept,
                store.path().display()
            )));
        }
    }
    Ok(())
}

fn create(path: &Path) -> Result<BufWriter<File>, Failure> {
    File::create(path)
        .map(BufWriter::new)
        .map_err(|e| Failure::problem(format!("cannot create {}: {e}", path.display())))
}
