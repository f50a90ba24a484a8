//! `frontline assignments`: every assignment of a folder, checked, with each trainee's
//! status (to do, passed, failed, overdue) and the completion of each.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use serde_json::json;

use super::team::Source;
use super::{Failure, Format, load_library, write, write_json};
use crate::centre::{Assigned, Status, load_folder};
use crate::paths;
use crate::records::now_ms;

/// Arguments of `frontline assignments`.
#[derive(Debug, Args)]
pub struct AssignmentsArgs {
    /// The folder of assignment files (default: `assignments` beside the built-in library).
    #[arg(long, value_name = "DIR")]
    pub assignments: Option<PathBuf>,
    /// Library folder the assigned calls must be in (default: the built-in library).
    #[arg(long)]
    pub library: Option<PathBuf>,
    /// Only this trainee's assignments.
    #[arg(long)]
    pub trainee: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Where the calls are read from.
    #[command(flatten)]
    pub source: Source,
}

/// The folder of assignments when none is given: beside the library.
pub fn default_folder() -> Option<PathBuf> {
    paths::scenarios_dir()
        .ok()
        .and_then(|dir| dir.parent().map(|parent| parent.join("assignments")))
}

/// Runs `frontline assignments`.
pub fn run(args: AssignmentsArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let folder = args
        .assignments
        .clone()
        .or_else(default_folder)
        .ok_or_else(|| Failure::usage("no assignments folder found: give --assignments DIR"))?;
    if !folder.is_dir() {
        return Err(Failure::usage(format!(
            "no assignments folder at {}: give --assignments DIR, the folder of the assignment files",
            folder.display()
        )));
    }
    let library = load_library(args.library.clone().into_iter().collect())?;
    let ids: Vec<String> = library.entries.iter().map(|e| e.id().to_owned()).collect();
    let (assigned, diagnostics) = load_folder(&folder, &ids);
    let attempts = args.source.attempts(None, None)?;
    let now = now_ms();
    let mine = |a: &&Assigned| {
        args.trainee
            .as_ref()
            .is_none_or(|trainee| a.trainees.contains(trainee))
    };
    let shown: Vec<&Assigned> = assigned.iter().filter(mine).collect();
    let statuses = |a: &Assigned| -> Vec<(String, Status)> {
        a.trainees
            .iter()
            .filter(|t| args.trainee.as_ref().is_none_or(|only| only == *t))
            .map(|t| (t.clone(), a.status(t, &attempts, now)))
            .collect()
    };
    match args.format {
        Format::Json => {
            let list: Vec<_> = shown
                .iter()
                .map(|a| {
                    let statuses = statuses(a);
                    let count = |s: Status| statuses.iter().filter(|(_, x)| *x == s).count();
                    json!({
                        "name": a.assignment.name,
                        "file": a.path,
                        "due": a.assignment.due,
                        "calls": a.assignment.calls,
                        "mode": a.assignment.mode.map(|m| m.name()),
                        "pass": a.assignment.pass,
                        "trainees": statuses.iter().map(|(t, s)| json!({"trainee": t, "status": s})).collect::<Vec<_>>(),
                        "completion": {
                            "passed": count(Status::Passed),
                            "failed": count(Status::Failed),
                            "to_do": count(Status::ToDo),
                            "overdue": count(Status::Overdue),
                        },
                    })
                })
                .collect();
            write_json(
                out,
                &json!({ "assignments": list, "diagnostics": diagnostics }),
            )?;
        }
        Format::Text => {
            for d in &diagnostics {
                eprintln!("{}", d.one_line());
            }
            write(out, &text(&shown, &statuses))?;
        }
    }
    let mut broken: Vec<&std::path::Path> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.path.as_path())
        .collect();
    broken.dedup();
    if !broken.is_empty() {
        return Err(Failure::problem(format!(
            "{} assignment file{} in {} cannot be used",
            broken.len(),
            if broken.len() == 1 { "" } else { "s" },
            folder.display()
        )));
    }
    Ok(())
}

/// The assignments as text: a heading with the completion, then one line per trainee.
fn text(shown: &[&Assigned], statuses: &dyn Fn(&Assigned) -> Vec<(String, Status)>) -> String {
    if shown.is_empty() {
        return "no assignments\n".to_owned();
    }
    let mut text = String::new();
    for a in shown {
        let statuses = statuses(a);
        let completion: Vec<String> = Status::ALL
            .iter()
            .map(|s| (s, statuses.iter().filter(|(_, x)| x == s).count()))
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| format!("{n} {}", s.name()))
            .collect();
        text.push_str(&format!(
            "{} — due {}, {}: {}\n",
            a.assignment.name,
            a.assignment.due,
            a.assignment.calls.join(", "),
            completion.join(", ")
        ));
        let width = statuses
            .iter()
            .map(|(t, _)| t.chars().count())
            .max()
            .unwrap_or(0);
        for (trainee, status) in &statuses {
            text.push_str(&format!("  {trainee:<width$}  {}\n", status.name()));
        }
    }
    text
}
