//! Sound cues: the sounds a scenario names, and where each one is found.
//!
//! A scenario writes a cue as a string: one of the built-in names (`"sob"`,
//! `"hold-music"`) that every installation synthesises, or the relative path of
//! a file in the scenario library or the assets folder. [`Cue`] is that string
//! parsed once; [`Cue::locate`] is the one place that turns it into a sound to
//! play, for the checker and the app alike, and never outside the allowed folders.

use std::fmt;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A sound every installation has, named without a path: the app synthesises them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BuiltinCue {
    /// The phone ringing.
    Ring,
    /// The customer sobbing.
    Sob,
    /// The customer sighing.
    Sigh,
    /// The customer raising their voice.
    Shout,
    /// Music while the customer is on hold.
    HoldMusic,
    /// The tone of a line closed.
    HangUp,
    /// The agent typing.
    Typing,
    /// The murmur of the contact centre.
    Ambience,
}

impl BuiltinCue {
    /// Every built-in cue.
    pub const ALL: [BuiltinCue; 8] = [
        BuiltinCue::Ring,
        BuiltinCue::Sob,
        BuiltinCue::Sigh,
        BuiltinCue::Shout,
        BuiltinCue::HoldMusic,
        BuiltinCue::HangUp,
        BuiltinCue::Typing,
        BuiltinCue::Ambience,
    ];

    /// The name as written in a scenario file.
    pub fn name(self) -> &'static str {
        match self {
            BuiltinCue::Ring => "ring",
            BuiltinCue::Sob => "sob",
            BuiltinCue::Sigh => "sigh",
            BuiltinCue::Shout => "shout",
            BuiltinCue::HoldMusic => "hold-music",
            BuiltinCue::HangUp => "hang-up",
            BuiltinCue::Typing => "typing",
            BuiltinCue::Ambience => "ambience",
        }
    }

    /// The built-in cue with this name.
    pub fn named(name: &str) -> Option<BuiltinCue> {
        BuiltinCue::ALL.into_iter().find(|cue| cue.name() == name)
    }

    /// Whether it is the customer's own voice (a sob, a sigh, a shout) rather than a noise.
    pub fn is_voice(self) -> bool {
        matches!(self, BuiltinCue::Sob | BuiltinCue::Sigh | BuiltinCue::Shout)
    }

    /// The built-in names, comma-separated, for hints.
    pub fn names() -> String {
        BuiltinCue::ALL.map(BuiltinCue::name).join(", ")
    }
}

/// A sound named by a scenario: built in, or a file by the path written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Cue {
    /// One of the sounds every installation has.
    Builtin(BuiltinCue),
    /// A file, by the relative path written in the scenario.
    File(String),
}

impl Cue {
    /// Reads a cue as written: a built-in name, else a file path.
    pub fn parse(written: &str) -> Cue {
        BuiltinCue::named(written).map_or_else(|| Cue::File(written.to_owned()), Cue::Builtin)
    }

    /// The cue as written in the scenario.
    pub fn as_str(&self) -> &str {
        match self {
            Cue::Builtin(cue) => cue.name(),
            Cue::File(path) => path,
        }
    }

    /// Where the sound is: a built-in one, or a file in the scenario's folder, the library or
    /// the assets folder, never outside them.
    pub fn locate(&self, scenario_path: &Path, roots: &AssetRoots) -> Result<Sound, CueError> {
        let written = match self {
            Cue::Builtin(cue) => return Ok(Sound::Builtin(*cue)),
            Cue::File(written) => written.as_str(),
        };
        let relative = Path::new(written);
        let looks_absolute =
            written.starts_with('/') || written.starts_with('\\') || written.get(1..2) == Some(":");
        if looks_absolute
            || relative
                .components()
                .any(|part| !matches!(part, Component::Normal(_)))
        {
            return Err(CueError::Unsafe);
        }
        if !written.contains('.') && !written.contains('/') {
            // Neither a built-in name nor a file name: most likely a misspelt built-in.
            return Err(CueError::Missing(Vec::new()));
        }
        let folders = roots.folders(scenario_path);
        let allowed: Vec<PathBuf> = folders
            .iter()
            .filter_map(|folder| folder.canonicalize().ok())
            .collect();
        for folder in &folders {
            if let Ok(real) = folder.join(relative).canonicalize() {
                if !allowed.iter().any(|root| real.starts_with(root)) {
                    return Err(CueError::Unsafe);
                }
                if real.is_file() {
                    return Ok(Sound::File(real));
                }
            }
        }
        Err(CueError::Missing(folders))
    }
}

impl fmt::Display for Cue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Cue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Cue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|written| Cue::parse(&written))
    }
}

/// Where a scenario may take its sound files from, besides its own folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AssetRoots {
    /// The scenario library the file belongs to.
    pub library: Option<PathBuf>,
    /// The application's assets folder.
    pub assets: Option<PathBuf>,
}

impl AssetRoots {
    /// The roots of a scenario file: the innermost of `libraries` that holds it, and `assets`.
    pub fn of(scenario_path: &Path, libraries: &[PathBuf], assets: Option<PathBuf>) -> AssetRoots {
        let library = libraries
            .iter()
            .filter(|library| scenario_path.starts_with(library))
            .max_by_key(|library| library.components().count())
            .cloned();
        AssetRoots { library, assets }
    }

    /// The folders searched for a scenario's files, in order: its own, the library, the assets.
    fn folders(&self, scenario_path: &Path) -> Vec<PathBuf> {
        [
            scenario_path.parent().map(Path::to_path_buf),
            self.library.clone(),
            self.assets.clone(),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// Why a cue cannot be played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CueError {
    /// Absolute, `..`, or a link leading out of the allowed folders.
    Unsafe,
    /// Not found; the folders searched.
    Missing(Vec<PathBuf>),
}

/// A sound found: what the app plays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sound {
    /// Synthesised by the app.
    Builtin(BuiltinCue),
    /// A file, by its real path.
    File(PathBuf),
}
