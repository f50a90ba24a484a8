//! The trainee's settings that outlive a session of the app: the volumes of the voice, the
//! effects and the room, whether answers are picked or typed in one's own words, and the
//! size of the interface, in `settings.json` beside the call records.
//!
//! The file is read as the app starts, not while it is built. A missing file means the
//! defaults; a file that cannot be read as settings is kept aside under another name, the
//! library says so, and the defaults are used. A file that cannot be written is logged and
//! changes nothing else: settings never stand in the way of a call.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::Options;
use super::audio::Volumes;
use super::own_words::Replying;
use super::records::Note;
use super::scale::TextScale;
use super::screens::Screen;
use super::screens::library::Trainee;
use super::theme::{Look, Theme};
use crate::records::{now_ms, rfc3339};
use crate::words::{Words, fill};

/// The file's name, in the records folder.
const FILE: &str = "settings.json";

/// What the file holds.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
struct Saved {
    /// The voice, effects and room volumes (see [`Volumes::levels`]).
    volumes: Option<[u8; 3]>,
    /// How the trainee answers: picking printed answers, or in their own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    replying: Option<Replying>,
    /// The size of the interface, in percent (see [`TextScale`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text_scale: Option<u16>,
    /// The interface's language, a code (`it`); the system's when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    interface: Option<String>,
    /// The theme: normal or high contrast.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    theme: Option<Theme>,
}

/// Where the settings are: the records folder, as the app was given it.
#[derive(Resource, Debug, Clone)]
struct SettingsFile(Option<PathBuf>);

pub(super) fn plugin(app: &mut App) {
    let given = app.world().resource::<Options>().data_dir.clone();
    let file = crate::paths::records_dir(given.as_deref()).map(|dir| dir.join(FILE));
    app.init_resource::<Volumes>()
        .insert_resource(SettingsFile(file))
        .add_systems(Startup, load)
        .add_systems(
            Last,
            save.run_if(
                resource_changed::<Volumes>
                    .or_else(resource_changed::<Trainee>)
                    .or_else(resource_changed::<TextScale>)
                    .or_else(resource_changed::<Look>),
            ),
        );
}

/// Reads the settings as the app starts; a broken file is put aside and the library says so.
fn load(
    file: Res<SettingsFile>,
    mut volumes: ResMut<Volumes>,
    mut trainee: ResMut<Trainee>,
    mut scale: ResMut<TextScale>,
    mut look: ResMut<Look>,
    mut note: ResMut<Note>,
) {
    let Some(path) = &file.0 else {
        return;
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            if error.kind() != std::io::ErrorKind::NotFound {
                warn!("cannot read the settings in {}: {error}", path.display());
            }
            return;
        }
    };
    match serde_json::from_slice::<Saved>(&bytes) {
        Ok(saved) => {
            if let Some(levels) = saved.volumes {
                *volumes = Volumes::clamped(levels);
            }
            if let Some(replying) = saved.replying {
                trainee.replying = replying;
            }
            if let Some(percent) = saved.text_scale {
                *scale = TextScale::clamped(percent);
            }
            if let Some(language) = saved.interface {
                look.words = Words::of(&language);
            }
            if let Some(theme) = saved.theme {
                look.set_theme(theme);
            }
        }
        Err(error) => note.0 = Some((Screen::Library, put_aside(look.words, path, &error))),
    }
}

/// Renames a settings file that cannot be read, so that saving the settings does not
/// overwrite it; says what happened, for the notice.
fn put_aside(words: &Words, path: &Path, error: &serde_json::Error) -> String {
    let stamp = rfc3339(now_ms()).replace(':', "-");
    let mut aside = path.with_file_name(format!("{FILE}.broken-{stamp}"));
    for n in 2.. {
        if !aside.exists() {
            break;
        }
        aside = path.with_file_name(format!("{FILE}.broken-{stamp}-{n}"));
    }
    let ui = &words.interface;
    let (shown, error) = (path.display(), error.to_string());
    match std::fs::rename(path, &aside) {
        Ok(()) => fill(
            ui.settings_put_aside,
            &[
                ("path", &shown),
                ("error", &error),
                ("aside", &aside.display()),
            ],
        ),
        Err(rename) => fill(
            ui.settings_unreadable,
            &[("path", &shown), ("error", &error), ("why", &rename)],
        ),
    }
}

/// Writes the settings when the trainee changes one (not when the app starts with them,
/// nor when something else of the trainee changes, such as the name being typed).
fn save(
    volumes: Res<Volumes>,
    trainee: Res<Trainee>,
    scale: Res<TextScale>,
    look: Res<Look>,
    file: Res<SettingsFile>,
    mut last: Local<Option<Saved>>,
) {
    let saved = Saved {
        volumes: Some(volumes.levels()),
        replying: Some(trainee.replying),
        text_scale: Some(scale.0),
        interface: Some(look.words.language.to_owned()),
        theme: Some(look.theme),
    };
    let Some(before) = last.replace(saved.clone()) else {
        return;
    };
    if before == saved {
        return;
    }
    let Some(path) = &file.0 else {
        return;
    };
    let written = serde_json::to_vec_pretty(&saved)
        .map_err(std::io::Error::other)
        .and_then(|json| {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(path, json)
        });
    if let Err(error) = written {
        warn!("cannot save the settings in {}: {error}", path.display());
    }
}
