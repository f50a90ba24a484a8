//! The trainee's assignments on top of the library: the assignment files of the folder
//! beside the library (`assignments/`, as `frontline assignments` reads it), each with where
//! the trainee stands (to do, passed, failed, overdue), from their own calls.

use std::path::PathBuf;

use bevy::prelude::*;

use super::records::{Note, Records, recorded_name};
use super::screens::Screen;
use super::screens::library::Trainee;
use super::theme::Look;
use super::{AppSystems, Options};
use crate::centre::{Assigned, Status, from_records, load_folder};
use crate::records::now_ms;
use crate::words::fill;

/// At most this many of the trainee's calls are read to tell where they stand.
const CALLS_READ: usize = 10_000;

/// One assignment of the trainee, as the library shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mine {
    /// The assignment's name.
    pub name: String,
    /// Where the trainee stands.
    pub status: Status,
    /// The end of the due day, milliseconds since 1970 (UTC).
    pub due_ms: i64,
    /// The calls assigned, by id.
    pub calls: Vec<String>,
}

/// The assignments of the folder, and the trainee's among them.
#[derive(Resource, Debug, Default)]
pub struct Assignments {
    all: Vec<Assigned>,
    /// The trainee's, in the order of the files.
    pub mine: Vec<Mine>,
}

impl Assignments {
    /// Every assignment of the folder, for the trainer's view of completion.
    pub fn all(&self) -> &[Assigned] {
        &self.all
    }
}

/// The folder of assignments: beside the first library folder.
fn folder(options: &Options) -> Option<PathBuf> {
    let library = options.libraries.first()?;
    Some(library.parent()?.join("assignments"))
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Assignments>()
        .add_systems(Startup, load)
        .add_systems(Update, stand.in_set(AppSystems::Apply));
}

/// Reads the assignment files as the app starts; their calls are checked against the ids of
/// the library's files (read from the files themselves: the library's cards arrive one by
/// one). A file with problems is said on the library; the others are kept.
fn load(
    options: Res<Options>,
    look: Res<Look>,
    mut assignments: ResMut<Assignments>,
    mut note: ResMut<Note>,
) {
    let Some(dir) = folder(&options).filter(|dir| dir.is_dir()) else {
        return;
    };
    let files = crate::library::scenario_files(&options.libraries).unwrap_or_default();
    let ids: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let text = std::fs::read_to_string(file).ok()?;
            crate::scenario::parse_str(file, &text).ok().map(|s| s.id)
        })
        .collect();
    let (all, diagnostics) = load_folder(&dir, &ids);
    if let Some(first) = diagnostics.first() {
        note.0 = Some((
            Screen::Library,
            fill(
                look.words.interface.assignment_problems,
                &[
                    ("count", &diagnostics.len()),
                    ("folder", &dir.display()),
                    ("first", &first.one_line()),
                ],
            ),
        ));
    }
    assignments.all = all;
}

/// Where the trainee stands in each of their assignments, from their calls: read again
/// when the trainee's name is settled on a new one or a call is written (not on every key
/// of a name being typed), as the cards' standings are.
fn stand(
    mut assignments: ResMut<Assignments>,
    mut records: ResMut<Records>,
    trainee: Res<Trainee>,
    mut seen: Local<Option<(String, u64)>>,
) {
    if trainee.editing {
        return;
    }
    let name = recorded_name(&trainee.name);
    let now_seen = (name.clone(), records.written());
    if seen.as_ref() == Some(&now_seen) {
        return;
    }
    *seen = Some(now_seen);
    let theirs: Vec<&Assigned> = assignments
        .all
        .iter()
        .filter(|a| a.trainees.contains(&name))
        .collect();
    if theirs.is_empty() && assignments.mine.is_empty() {
        return;
    }
    let attempts = match records.history(&name, CALLS_READ) {
        Ok(calls) => from_records(&calls),
        Err(error) => {
            warn!("the assignments' status cannot be read: {error}");
            Vec::new()
        }
    };
    let now = now_ms();
    let mine = theirs
        .iter()
        .map(|a| Mine {
            name: a.assignment.name.clone(),
            status: a.status(&name, &attempts, now),
            due_ms: a.due_ms,
            calls: a.assignment.calls.clone(),
        })
        .collect::<Vec<_>>();
    // Written only when it changes: the library redraws when it does.
    if assignments.mine != mine {
        assignments.mine = mine;
    }
}
