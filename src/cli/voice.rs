//! `frontline voice`: every customer line and the file that speaks it; `--render` renders the
//! missing ones with the external renderer, on every core, resumably; `--prune` removes the
//! stale ones.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use clap::Args;
use serde::Serialize;

use super::{Failure, Format, default_library, write, write_json};
use crate::library::Library;
use crate::paths;
use crate::voice::{Delivery, Survey, survey};

/// Arguments of `frontline voice`.
#[derive(Debug, Args)]
pub struct VoiceArgs {
    /// Scenario files or folders (default: the built-in library).
    pub paths: Vec<PathBuf>,
    /// Render every missing voice file.
    #[arg(long)]
    pub render: bool,
    /// Remove the stale files (voices no line names any more).
    #[arg(long)]
    pub prune: bool,
    /// The program that renders one line: it reads the words on standard input and is called
    /// as `RENDERER VOICE DELIVERY LANGUAGE OUTPUT.ogg` (default: scripts/voices-render.sh).
    #[arg(long)]
    pub renderer: Option<PathBuf>,
    /// Lines rendered at once (default: one per core).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// One line as `--format json` lists it.
#[derive(Debug, Clone, Serialize)]
struct Listed {
    scenario: String,
    language: String,
    text: String,
    file: PathBuf,
    mood: Delivery,
    field: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    variant: Option<String>,
    voice: String,
    found: bool,
    /// An actor's recording: never rendered, never stale.
    recorded: bool,
}

/// A file to render.
#[derive(Debug, Clone)]
struct Job {
    text: String,
    voice: String,
    delivery: Delivery,
    language: String,
    file: PathBuf,
}

/// Runs `frontline voice`.
pub fn run(args: VoiceArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let paths = default_library(args.paths.clone())?;
    let mut surveys = look(&paths)?;
    if args.render {
        render(&args, &surveys)?;
        surveys = look(&paths)?;
    }
    if args.prune {
        for (_, _, found) in &surveys {
            for file in &found.stale {
                std::fs::remove_file(file).map_err(|e| {
                    Failure::problem(format!("cannot remove {}: {e}", file.display()))
                })?;
            }
        }
        surveys = look(&paths)?;
    }
    report(&surveys, args.format, out)
}

/// Every playable scenario of the paths, with its language and voices.
fn look(paths: &[PathBuf]) -> Result<Vec<(String, String, Survey)>, Failure> {
    let library =
        Library::load(paths, paths::assets_dir().ok()).map_err(|d| Failure::usage(d.one_line()))?;
    Ok(library
        .entries
        .iter()
        .filter_map(|entry| {
            let prepared = entry.prepared.as_ref()?;
            let scenario = prepared.scenario();
            Some((
                scenario.id.clone(),
                scenario.language.clone(),
                survey(prepared, &entry.path),
            ))
        })
        .collect())
}

fn listed(surveys: &[(String, String, Survey)]) -> Vec<Listed> {
    surveys
        .iter()
        .flat_map(|(id, language, found)| {
            let beside = found
                .folder
                .parent()
                .and_then(Path::parent)
                .unwrap_or(Path::new(""));
            found.voiced.iter().map(move |v| Listed {
                scenario: id.clone(),
                language: language.clone(),
                text: v.line.text.clone(),
                file: beside.join(&v.file),
                mood: v.line.delivery,
                field: v.line.field.clone(),
                variant: v.line.variant.clone(),
                voice: v.voice.clone(),
                found: v.found,
                recorded: v.recorded,
            })
        })
        .collect()
}

fn report(
    surveys: &[(String, String, Survey)],
    format: Format,
    out: &mut dyn std::io::Write,
) -> Result<(), Failure> {
    let voices = listed(surveys);
    let mut missing: Vec<&Path> = voices
        .iter()
        .filter(|v| !v.found)
        .map(|v| v.file.as_path())
        .collect();
    missing.sort();
    missing.dedup();
    let stale: Vec<&PathBuf> = surveys.iter().flat_map(|(_, _, s)| &s.stale).collect();
    let voiced = voices.iter().filter(|v| v.found).count();
    let mut recorded: Vec<&Path> = voices
        .iter()
        .filter(|v| v.recorded && v.found)
        .map(|v| v.file.as_path())
        .collect();
    recorded.sort();
    recorded.dedup();
    match format {
        Format::Json => write_json(
            out,
            &serde_json::json!({
                "lines": voices.len(),
                "voiced": voiced,
                "missing": missing,
                "stale": stale,
                "recorded": recorded,
                "voices": voices,
            }),
        ),
        Format::Text => {
            let mut text = String::new();
            for (id, _, found) in surveys {
                text.push_str(&format!(
                    "{id:<28} {:>4} lines, {:>4} files, {:>4} missing, {:>3} stale\n",
                    found.voiced.len(),
                    found.files().len(),
                    found.missing().len(),
                    found.stale.len()
                ));
            }
            for file in &recorded {
                text.push_str(&format!("recorded {}\n", file.display()));
            }
            for file in &missing {
                text.push_str(&format!("missing {}\n", file.display()));
            }
            for file in &stale {
                text.push_str(&format!("stale   {}\n", file.display()));
            }
            text.push_str(&format!(
                "{} lines, {voiced} voiced, {} missing, {} stale\n",
                voices.len(),
                missing.len(),
                stale.len()
            ));
            write(out, &text)
        }
    }
}

/// The renderer: the one given, else `scripts/voices-render.sh` here or in the source tree.
fn renderer(given: Option<&Path>) -> Result<PathBuf, Failure> {
    if let Some(given) = given {
        return Ok(given.to_owned());
    }
    let script = Path::new("scripts").join("voices-render.sh");
    [
        script.clone(),
        Path::new(env!("CARGO_MANIFEST_DIR")).join(&script),
    ]
    .into_iter()
    .find(|p| p.is_file())
    .ok_or_else(|| Failure::usage("no renderer: give --renderer, or run from the project folder"))
}

/// Renders every missing file, each once, on `jobs` threads; a file appears only when whole.
fn render(args: &VoiceArgs, surveys: &[(String, String, Survey)]) -> Result<(), Failure> {
    let program = renderer(args.renderer.as_deref())?;
    let mut jobs: BTreeMap<PathBuf, Job> = BTreeMap::new();
    for (_, language, found) in surveys {
        let beside = found
            .folder
            .parent()
            .and_then(Path::parent)
            .unwrap_or(Path::new(""));
        // An actor's recording that is missing is the actor's to make, not the renderer's.
        for v in found.voiced.iter().filter(|v| !v.found && !v.recorded) {
            jobs.entry(beside.join(&v.file)).or_insert_with(|| Job {
                text: v.line.text.clone(),
                voice: v.voice.clone(),
                delivery: v.line.delivery,
                language: language.clone(),
                file: beside.join(&v.file),
            });
        }
    }
    let jobs: Vec<Job> = jobs.into_values().collect();
    if jobs.is_empty() {
        return Ok(());
    }
    let threads = args
        .jobs
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
        .clamp(1, jobs.len());
    let progress = Progress::new(jobs.len());
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                while let Some(job) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if let Err(error) = render_one(&program, job)
                        && let Ok(mut failures) = failures.lock()
                    {
                        failures.push(error);
                    }
                    progress.step();
                }
            });
        }
    });
    progress.finish();
    let failures = failures.into_inner().unwrap_or_default();
    match failures.first() {
        None => Ok(()),
        Some(first) => Err(Failure::problem(format!(
            "{} of {} voices could not be rendered; the first: {first}",
            failures.len(),
            jobs.len()
        ))),
    }
}

/// A progress bar with the time left, on stderr, redrawn as each file is done.
struct Progress {
    total: usize,
    done: AtomicUsize,
    start: Instant,
}

impl Progress {
    fn new(total: usize) -> Progress {
        let progress = Progress {
            total,
            done: AtomicUsize::new(0),
            start: Instant::now(),
        };
        progress.draw(0);
        progress
    }

    fn step(&self) {
        self.draw(self.done.fetch_add(1, Ordering::Relaxed) + 1);
    }

    fn draw(&self, done: usize) {
        const WIDTH: usize = 30;
        let filled = WIDTH * done / self.total.max(1);
        let gone = self.start.elapsed().as_secs();
        let left = if done == 0 {
            "?".to_owned()
        } else {
            let seconds = gone * (self.total - done) as u64 / done as u64;
            format!("{}:{:02}", seconds / 60, seconds % 60)
        };
        eprint!(
            "\rrendering {done}/{} voices [{}{}] {}:{:02} gone, {left} left ",
            self.total,
            "=".repeat(filled),
            " ".repeat(WIDTH - filled),
            gone / 60,
            gone % 60
        );
    }

    fn finish(&self) {
        eprintln!();
    }
}

/// Renders one file under a temporary name, then gives it its own: a file broken off midway
/// is never taken for a voice (it stays a stale `.part` file, which `--prune` removes).
fn render_one(program: &Path, job: &Job) -> Result<(), String> {
    let folder = job.file.parent().unwrap_or(Path::new(""));
    std::fs::create_dir_all(folder)
        .map_err(|e| format!("cannot make {}: {e}", folder.display()))?;
    let part = job.file.with_extension("part.ogg");
    let mut child = Command::new(program)
        .args([
            job.voice.as_str(),
            job.delivery.name(),
            job.language.as_str(),
        ])
        .arg(&part)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(job.text.as_bytes())
            .map_err(|e| format!("cannot give the renderer its text: {e}"))?;
    }
    let output = child
        .wait_with_output()
        .map_err(|e| format!("the renderer failed: {e}"))?;
    if !output.status.success() || !part.is_file() {
        let _ = std::fs::remove_file(&part);
        return Err(format!(
            "{} for `{}`: {}",
            program.display(),
            job.text,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    std::fs::rename(&part, &job.file)
        .map_err(|e| format!("cannot name {}: {e}", job.file.display()))
}
