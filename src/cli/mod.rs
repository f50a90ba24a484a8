//! The `frontline` command line: check, list, play, analyze and graph scenarios.
//!
//! Exit codes are a contract: 0 success, 1 a problem found (an error in a
//! scenario, a failed load), 2 bad usage. Errors go to stderr; results to
//! stdout, as text or JSON.

pub mod assignments;
pub mod matching;
pub mod play;
pub mod records;
pub mod team;
pub mod voice;

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};
use serde_json::json;

use crate::check::choices_too_close;
use crate::diagnostic::{Diagnostic, tally};
use crate::engine::naive::giveaways;
use crate::engine::{Prepared, Report, percent};
use crate::library::{Library, LibraryEntry, check_each};
use crate::matcher::Matcher;
use crate::paths;
use crate::words::{Words, fill};

pub use play::PlayArgs;

/// Frontline: a training simulator for contact-center calls.
#[derive(Debug, Parser)]
#[command(
    name = "frontline",
    version,
    about,
    long_about = None
)]
pub struct Cli {
    /// What to do; without one, the app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Where the calls are recorded: before a subcommand or after it, as the trainee likes.
    #[command(flatten)]
    pub data: records::DataDir,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate scenario files or folders (default: the built-in library).
    Check {
        /// Files or folders; folders are searched for *.ron recursively.
        paths: Vec<PathBuf>,
        /// Also warn when two choices of a node are too close in meaning for a reply in the
        /// trainee's own words to tell apart (`choices-too-close`; loads the matcher's model
        /// and takes a few milliseconds a node).
        #[arg(long)]
        meaning: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List the scenarios of a library.
    List {
        /// Library folders (default: the built-in library).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Play a call in the terminal.
    Play(PlayArgs),
    /// Best and worst reachable scores, the expert path, paths and endings.
    Analyze {
        /// A scenario id from the library, or a file.
        scenario: String,
        /// Library folder to find ids in (default: the built-in library).
        #[arg(long)]
        library: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Open the app, play a call by itself and save screenshots of the library, the call, the debrief and the progress screen.
    #[cfg(feature = "app")]
    Demo(crate::app::DemoArgs),
    /// Rank a node's choices for a reply typed in the trainee's own words.
    Match(matching::MatchArgs),
    /// Export the branching as Graphviz DOT or Mermaid.
    Graph {
        /// A scenario id from the library, or a file.
        scenario: String,
        /// Library folder to find ids in (default: the built-in library).
        #[arg(long)]
        library: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
    },
    /// The recorded calls, newest first, with their scores.
    History(records::HistoryArgs),
    /// Play a recorded call again from its seed and answers: the same transcript and scores.
    Replay(records::ReplayArgs),
    /// Export the recorded calls as CSV or xAPI statements, or send them to a learning record store.
    Export(records::ExportArgs),
    /// The trainer's view of the team: per trainee, per scenario, and where the team goes wrong.
    Team(team::TeamArgs),
    /// The assignments of a folder, checked, with each trainee's status and the completion.
    Assignments(assignments::AssignmentsArgs),
    /// Every customer line and the voice file that speaks it; render the missing, prune the stale.
    Voice(voice::VoiceArgs),
}

/// Text for people, JSON for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable.
    Text,
    /// One JSON document on stdout.
    Json,
}

/// Graph formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT.
    Dot,
    /// Mermaid flowchart.
    Mermaid,
}

/// A failure of a command: what to print and the exit code.
#[derive(Debug)]
pub struct Failure {
    /// Exit code: 1 for a problem found, 2 for bad usage.
    pub code: u8,
    /// What to print on stderr.
    pub message: String,
}

impl Failure {
    /// A problem found (exit 1).
    pub fn problem(message: impl Into<String>) -> Failure {
        Failure {
            code: 1,
            message: message.into(),
        }
    }

    /// Bad usage (exit 2).
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
        }
    }
}

/// Runs a subcommand; output goes to `out`.
pub fn run(command: Command, out: &mut dyn Write) -> Result<(), Failure> {
    match command {
        Command::Check {
            paths,
            meaning,
            format,
        } => check(paths, meaning, format, out),
        Command::List { paths, format } => list(paths, format, out),
        Command::Play(args) => play::run(args, out),
        Command::Match(args) => matching::run(args, out),
        #[cfg(feature = "app")]
        Command::Demo(args) => crate::app::demo(args).map_err(|error| match error {
            crate::app::DemoError::NoLibrary => Failure::usage(error.to_string()),
            _ => Failure::problem(error.to_string()),
        }),
        Command::Analyze {
            scenario,
            library,
            format,
        } => analyze(&scenario, library, format, out),
        Command::Graph {
            scenario,
            library,
            format,
        } => graph(&scenario, library, format, out),
        Command::History(args) => records::history(args, out),
        Command::Replay(args) => records::replay(args, out),
        Command::Export(args) => records::export(args, out),
        Command::Team(args) => team::run(args, out),
        Command::Assignments(args) => assignments::run(args, out),
        Command::Voice(args) => voice::run(args, out),
    }
}

fn write(out: &mut dyn Write, text: &str) -> Result<(), Failure> {
    out.write_all(text.as_bytes())
        .map_err(|e| Failure::problem(format!("cannot write output: {e}")))
}

/// Writes a value as pretty JSON and a newline: the one form every `--format json` prints.
pub(crate) fn write_json(
    out: &mut dyn Write,
    value: &impl serde::Serialize,
) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::problem(format!("cannot write JSON: {e}")))?;
    write(out, &format!("{text}\n"))
}

fn default_library(paths: Vec<PathBuf>) -> Result<Vec<PathBuf>, Failure> {
    if !paths.is_empty() {
        return Ok(paths);
    }
    paths::scenarios_dir()
        .map(|dir| vec![dir])
        .map_err(|missing| Failure::usage(format!("no scenario library given, and {missing}")))
}

fn load_library(paths: Vec<PathBuf>) -> Result<Library, Failure> {
    let paths = default_library(paths)?;
    Library::load(&paths, paths::assets_dir().ok()).map_err(|d| Failure::usage(d.one_line()))
}

fn check(
    paths: Vec<PathBuf>,
    meaning: bool,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let paths = default_library(paths)?;
    let matcher = match meaning {
        true => Some(Matcher::load_default().map_err(|e| Failure::problem(e.to_string()))?),
        false => None,
    };
    // Each file is checked, reported and let go: only its diagnostics (rendered, for text)
    // and its expert decisions are kept, so a large library is never held whole.
    let checked = check_each(&paths, paths::assets_dir().ok(), |mut entry| {
        if let (Some(matcher), Some(prepared), Some(source)) =
            (&matcher, &entry.prepared, &entry.source)
        {
            let too_close = choices_too_close(matcher, prepared, source, &entry.path);
            entry.diagnostics.extend(too_close);
        }
        let rendered: String = match format {
            Format::Text => entry
                .diagnostics
                .iter()
                .map(|d| d.render(entry.source.as_deref()))
                .collect(),
            Format::Json => String::new(),
        };
        let found = entry.prepared.as_ref().map(giveaways).unwrap_or_default();
        (entry.diagnostics, rendered, found)
    })
    .map_err(|d| Failure::usage(d.one_line()))?;
    let files = checked.len();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut rendered = String::new();
    // Across the library: how often the expert answer is simply the longest one.
    let (mut decisions, mut longest) = (0, 0);
    for (found, text, giveaways) in checked {
        diagnostics.extend(found);
        rendered.push_str(&text);
        decisions += giveaways.decisions;
        longest += giveaways.longest.len();
    }
    let (errors, warnings) = tally(&diagnostics);
    let share = percent(longest as i64, decisions as i64);
    match format {
        Format::Json => {
            let value = json!({
                "files": files,
                "errors": errors,
                "warnings": warnings,
                "diagnostics": diagnostics,
                "expert_longest": {"decisions": decisions, "longest": longest, "share": share},
            });
            write_json(out, &value)?;
        }
        Format::Text => {
            write(out, &rendered)?;
            if decisions > 0 {
                write(
                    out,
                    &format!(
                        "the expert answer is the longest in {longest} of {decisions} expert decisions ({share}%)\n"
                    ),
                )?;
            }
            write(
                out,
                &format!("{files} files checked: {errors} errors, {warnings} warnings\n"),
            )?;
        }
    }
    if errors > 0 {
        Err(Failure {
            code: 1,
            message: String::new(),
        })
    } else {
        Ok(())
    }
}

fn list(paths: Vec<PathBuf>, format: Format, out: &mut dyn Write) -> Result<(), Failure> {
    let library = load_library(paths)?;
    let rows: Vec<serde_json::Value> = library
        .entries
        .iter()
        .map(|entry| {
            let scenario = entry.scenario.as_deref();
            json!({
                "id": entry.id(),
                "title": scenario.map(|s| s.title.clone()).unwrap_or_default(),
                "language": scenario.map(|s| s.language.clone()).unwrap_or_default(),
                "difficulty": scenario.map(|s| s.difficulty.name()).unwrap_or_default(),
                "tags": scenario.map(|s| s.tags.clone()).unwrap_or_default(),
                "minutes": scenario.map(|s| s.minutes).unwrap_or_default(),
                "path": entry.path,
                "broken": entry.is_broken(),
            })
        })
        .collect();
    match format {
        Format::Json => write_json(out, &rows),
        Format::Text => {
            // The table in the interface's language; the JSON's codes stay.
            let words = Words::of_system();
            let mut text = String::new();
            for (entry, row) in library.entries.iter().zip(&rows) {
                let status = if entry.is_broken() { "  BROKEN" } else { "" };
                let difficulty = entry
                    .scenario
                    .as_deref()
                    .map_or("", |s| words.difficulty(s.difficulty));
                text.push_str(&format!(
                    "{:<28} {:<3} {:<13} {}{status}\n",
                    row["id"].as_str().unwrap_or_default(),
                    row["language"].as_str().unwrap_or_default(),
                    difficulty,
                    row["title"].as_str().unwrap_or_default(),
                ));
            }
            let count = library.entries.len().to_string();
            text.push_str(&fill(
                words.interface.scenarios_listed,
                &[("count", &count)],
            ));
            text.push('\n');
            write(out, &text)
        }
    }
}

/// Finds a playable scenario by file path or by id in a library.
pub fn resolve(scenario: &str, library: Option<PathBuf>) -> Result<LibraryEntry, Failure> {
    let as_path = PathBuf::from(scenario);
    let entry = if as_path.is_file() {
        let library = Library::load(std::slice::from_ref(&as_path), paths::assets_dir().ok())
            .map_err(|d| Failure::usage(d.one_line()))?;
        library
            .entries
            .into_iter()
            .next()
            .ok_or_else(|| Failure::usage(format!("cannot read {scenario}")))?
    } else {
        let library = load_library(library.into_iter().collect())?;
        match library.find(scenario) {
            Some(entry) => entry.clone(),
            None => {
                let ids: Vec<String> = library.entries.iter().map(LibraryEntry::id).collect();
                return Err(Failure::usage(format!(
                    "no scenario `{scenario}` (neither a file nor an id in the library); ids: {}",
                    ids.join(", ")
                )));
            }
        }
    };
    if entry.prepared.is_none() {
        return Err(unplayable(&entry));
    }
    Ok(entry)
}

/// A scenario file with errors: its diagnostics, and that it cannot be played.
fn unplayable(entry: &LibraryEntry) -> Failure {
    let report: String = entry
        .diagnostics
        .iter()
        .map(|d| d.render(entry.source.as_deref()))
        .collect();
    Failure::problem(format!(
        "{report}{} cannot be played until its errors are fixed",
        entry.path.display()
    ))
}

fn prepared_of(entry: &LibraryEntry) -> Result<Arc<Prepared>, Failure> {
    entry
        .prepared
        .clone()
        .ok_or_else(|| Failure::problem("the scenario has errors"))
}

fn analyze(
    scenario: &str,
    library: Option<PathBuf>,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let entry = resolve(scenario, library)?;
    let prepared = prepared_of(&entry)?;
    let report = Report::new(&prepared);
    match format {
        Format::Json => write_json(out, &report),
        Format::Text => {
            let d = &report.dimensions;
            let mut text = format!(
                "{} — {} nodes, {} endings ({} reachable), {} states, {} paths{}\n",
                report.id,
                report.nodes,
                report.endings,
                report.endings_reached.len(),
                report.states,
                report.paths,
                if report.loops { ", with loops" } else { "" }
            );
            text.push_str("points      min   max\n");
            for (name, bound) in [
                ("empathy   ", d.empathy),
                ("accuracy  ", d.accuracy),
                ("resolution", d.resolution),
                ("weighted  ", report.weighted),
            ] {
                // A loop that loses (or gains) each time round leaves no lowest (or highest).
                let min = bound.min.map_or("-∞".to_owned(), |v| v.to_string());
                let max = bound.max.map_or("∞".to_owned(), |v| v.to_string());
                text.push_str(&format!("  {name}{min:>4}  {max:>4}\n"));
            }
            text.push_str(&format!(
                "expert path: {} decisions, ending `{}`, {}\n",
                report.decisions_on_expert_path,
                report.expert_ending,
                if report.expert_passes {
                    "passes"
                } else {
                    "DOES NOT PASS"
                }
            ));
            for (i, step) in report.expert_path.iter().enumerate() {
                let choice = if step.choice.is_empty() {
                    "(lets the timer run out)"
                } else {
                    &step.choice
                };
                text.push_str(&format!("  {:>2}. [{}] {choice}\n", i + 1, step.node));
            }
            let s = &report.shares;
            text.push_str(&format!(
                "expert total: empathy {}%, accuracy {}%, resolution {}% of it\n",
                s.empathy, s.accuracy, s.resolution
            ));
            let g = &report.giveaways;
            text.push_str(&format!(
                "the expert answer is the longest at {} of {} decisions, has the most figures at {}\n",
                g.longest.len(),
                g.decisions,
                g.most_figures.len()
            ));
            text.push_str("naive players (best over every variant and seed):\n");
            for naive in &report.naive {
                text.push_str(&format!(
                    "  {:<13} {:>5}%  {}\n",
                    naive.player,
                    naive.overall,
                    if naive.passed { "PASSES" } else { "fails" }
                ));
            }
            write(out, &text)
        }
    }
}

fn graph(
    scenario: &str,
    library: Option<PathBuf>,
    format: GraphFormat,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let entry = resolve(scenario, library)?;
    let prepared = prepared_of(&entry)?;
    let text = match format {
        GraphFormat::Dot => crate::graph::dot(&prepared.book, &prepared.analysis),
        GraphFormat::Mermaid => crate::graph::mermaid(&prepared.book, &prepared.analysis),
    };
    write(out, &text)
}
