//! The customer's voice: every line a call can speak, the file that speaks it, and which of
//! those files are missing or stale.
//!
//! Voices are rendered ahead of time by `frontline voice --render` (an external program, so
//! no speech engine is linked into Frontline) into a folder beside the scenario,
//! `voices/<file stem>/`, one Ogg Vorbis file a line. A file is named by a hash of what it
//! says, the voice, the delivery and the rendering pipeline ([`file_name`]): editing one line
//! names one new file, and the old one becomes stale.

mod delivery;
mod lines;
mod spoken;
mod survey;

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

pub use delivery::{Delivery, STRONG};
pub use lines::{Line, lines};
pub use spoken::{Direction, Spoken, spoken};
pub use survey::{Survey, Voiced, survey};

use crate::engine::{Entry, Session};
use crate::scenario::{AssetRoots, Cue, CueError, Mood, Scenario, Sound};

/// The rendering pipeline, part of every file's name: a change of engine or of the way the
/// telephone line is made renames (and so re-renders) every file.
pub const PIPELINE: &str = "kokoro-v1.0-int8+sox-phone-2";

/// The folder beside a scenario file that holds the voices of every scenario in it.
pub const FOLDER: &str = "voices";

/// The voices the renderer knows: name, language, and whose voice it is.
pub const VOICES: [(&str, &str, &str); 4] = [
    ("it-female", "it", "Kokoro-82M `if_sara`, an Italian woman"),
    ("it-male", "it", "Kokoro-82M `im_nicola`, an Italian man"),
    (
        "en-female",
        "en",
        "Kokoro-82M `af_heart`, an American woman",
    ),
    ("en-male", "en", "Kokoro-82M `am_michael`, an American man"),
];

/// The voice a scenario's customer speaks in: `customer.voice` when it names one of
/// [`VOICES`]; `"male"` or `"female"` (or nothing: female) pick that voice of the
/// scenario's language (`it-IT` counts as `it`; a language without voices speaks English).
pub fn voice_of(scenario: &Scenario) -> String {
    let written = scenario.customer.voice.as_deref().unwrap_or("female");
    if VOICES.iter().any(|(name, _, _)| *name == written) {
        return written.to_owned();
    }
    let language = scenario
        .language
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let language = if VOICES.iter().any(|(_, l, _)| *l == language) {
        language
    } else {
        "en".to_owned()
    };
    let gender = if written == "male" { "male" } else { "female" };
    format!("{language}-{gender}")
}

/// Whether `customer.voice` is something [`voice_of`] understands.
pub fn is_known_voice(written: &str) -> bool {
    written == "male" || written == "female" || VOICES.iter().any(|(name, _, _)| *name == written)
}

/// The name of the file that speaks `text` in `voice` with `delivery`: the first 16 hex digits
/// of a SHA-256 of the four (the pipeline too), and `.ogg`.
pub fn file_name(text: &str, voice: &str, delivery: Delivery) -> String {
    let mut hash = Sha256::new();
    for part in [PIPELINE, voice, delivery.name(), text] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    let digest = hash.finalize();
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("{hex}.ogg")
}

/// The folder of a scenario's voices, as written relative to its own folder:
/// `voices/<file stem>`.
pub fn folder_of(scenario_path: &Path) -> PathBuf {
    let stem = scenario_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Path::new(FOLDER).join(stem)
}

/// Where an actor's recording is, as written in a scenario read from `scenario_path`: in the
/// scenario's folder only ([`Cue::locate`] with no other roots); an error when it is missing
/// or would lead outside it.
pub fn recorded(written: &str, scenario_path: &Path) -> Result<PathBuf, CueError> {
    file_in(written, scenario_path, &AssetRoots::default())
}

/// A sound file as written, found in the folders of `roots` only ([`Cue::locate`]).
fn file_in(written: &str, scenario_path: &Path, roots: &AssetRoots) -> Result<PathBuf, CueError> {
    match Cue::File(written.to_owned()).locate(scenario_path, roots)? {
        Sound::File(real) => Ok(real),
        Sound::Builtin(_) => Err(CueError::Missing(Vec::new())),
    }
}

/// What the app asks the speakers for when a customer line appears.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The voice file, relative to the scenario's folder (`voices/bill-tears-en/….ogg`, or
    /// the actor's recording of the line).
    pub file: PathBuf,
    /// How the line is spoken.
    pub delivery: Delivery,
    /// The words it speaks (stage directions taken out).
    pub text: String,
    /// The stage directions of the line.
    pub directions: Vec<Direction>,
}

impl Request {
    /// The voice of a line as the trainee sees it (filled in), spoken in `mood`, in `scenario`
    /// (any of its variants: the voice is the same); `None` when it speaks no words.
    pub fn of(
        scenario: &Scenario,
        scenario_path: &Path,
        line: &str,
        mood: &Mood,
    ) -> Option<Request> {
        let heard = spoken(line);
        if heard.text.is_empty() {
            return None;
        }
        let delivery = Delivery::of(mood);
        let file = match scenario.recording(line) {
            Some(recording) => PathBuf::from(recording),
            None => {
                folder_of(scenario_path).join(file_name(&heard.text, &voice_of(scenario), delivery))
            }
        };
        Some(Request {
            file,
            delivery,
            text: heard.text,
            directions: heard.directions,
        })
    }

    /// Where the file is, inside the scenario's folders only (as every sound file,
    /// [`Cue::locate`]); an error when it is missing or would lead outside them.
    pub fn locate(&self, scenario_path: &Path, roots: &AssetRoots) -> Result<PathBuf, CueError> {
        file_in(&self.file.to_string_lossy(), scenario_path, roots)
    }
}

/// The voices of the transcript entries `from..to` of a call (the ones that just appeared),
/// by entry index: each customer line and closing line with the delivery of the mood the
/// customer was in as they said it. Entries that speak no words have none.
pub fn requests(
    session: &Session,
    scenario_path: &Path,
    from: usize,
    to: usize,
) -> Vec<(usize, Request)> {
    if from >= to {
        return Vec::new();
    }
    let moods = session.moods();
    let mut decided = 0;
    let mut found = Vec::new();
    for (i, entry) in session.transcript().iter().enumerate().take(to) {
        match entry {
            // A decision changes the mood the next lines are spoken in.
            Entry::Agent { .. } | Entry::Silence { .. } => decided += 1,
            Entry::Customer { text, .. } | Entry::End { text, .. } if i >= from => {
                let mood = moods
                    .get(decided)
                    .copied()
                    .unwrap_or_else(|| session.mood());
                if let Some(request) = Request::of(session.scenario(), scenario_path, text, &mood) {
                    found.push((i, request));
                }
            }
            _ => {}
        }
    }
    found
}
