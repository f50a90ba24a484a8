//! Which voice files a scenario needs, which of them are there, and which files are stale.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{Line, file_name, folder_of, lines, recorded, voice_of};
use crate::engine::Prepared;

/// A line and the file that speaks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voiced {
    /// The line.
    pub line: Line,
    /// The voice it is spoken in ([`voice_of`]).
    pub voice: String,
    /// The file, relative to the scenario's folder: the rendered voice
    /// (`voices/<stem>/<hash>.ogg`) or the actor's recording.
    pub file: PathBuf,
    /// Whether the file is there.
    pub found: bool,
    /// Whether the file is an actor's recording (never rendered).
    pub recorded: bool,
}

/// A scenario's voices on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Survey {
    /// Every line, with its file.
    pub voiced: Vec<Voiced>,
    /// The scenario's voices folder, as it opens from the current folder.
    pub folder: PathBuf,
    /// Files in the folder that no line names (an edited line's old voice, a render broken
    /// off), sorted, as they open from the current folder.
    pub stale: Vec<PathBuf>,
}

impl Survey {
    /// The files the scenario needs, each once, sorted.
    pub fn files(&self) -> BTreeSet<&Path> {
        self.voiced.iter().map(|v| v.file.as_path()).collect()
    }

    /// The files needed and not there, each once, sorted.
    pub fn missing(&self) -> BTreeSet<&Path> {
        self.voiced
            .iter()
            .filter(|v| !v.found)
            .map(|v| v.file.as_path())
            .collect()
    }
}

/// Looks at the voices of a scenario read from `scenario_path`.
pub fn survey(prepared: &Prepared, scenario_path: &Path) -> Survey {
    let voice = voice_of(prepared.scenario());
    let beside = scenario_path.parent().unwrap_or(Path::new(""));
    let relative = folder_of(scenario_path);
    let folder = beside.join(&relative);
    let voiced: Vec<Voiced> = lines(prepared)
        .into_iter()
        .map(|line| {
            let (file, found) = match &line.recording {
                Some(written) => (
                    PathBuf::from(written),
                    recorded(written, scenario_path).is_ok(),
                ),
                None => {
                    let file = relative.join(file_name(&line.text, &voice, line.delivery));
                    let found = beside.join(&file).is_file();
                    (file, found)
                }
            };
            Voiced {
                recorded: line.recording.is_some(),
                line,
                voice: voice.clone(),
                file,
                found,
            }
        })
        .collect();
    let named: BTreeSet<std::ffi::OsString> = voiced
        .iter()
        .filter_map(|v| v.file.file_name().map(ToOwned::to_owned))
        .collect();
    // No folder: nothing stale.
    let mut stale: Vec<PathBuf> = std::fs::read_dir(&folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
                .filter(|entry| !named.contains(&entry.file_name()))
                .map(|entry| folder.join(entry.file_name()))
                .collect()
        })
        .unwrap_or_default();
    stale.sort();
    Survey {
        voiced,
        folder,
        stale,
    }
}
