//! The trainee's settings that outlive a session of the app: the volumes of the voice, the
//! effects and the room, in `settings.json` beside the call records.
//!
//! A missing or unreadable file means the defaults; a file that cannot be written is
//! logged and changes nothing else: settings never stand in the way of a call.

use std::path::PathBuf;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::Options;
use super::audio::Volumes;

/// The file's name, in the records folder.
const FILE: &str = "settings.json";

/// What the file holds.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Saved {
    /// The voice, effects and room volumes (see [`Volumes`]).
    volumes: Option<[u8; 3]>,
}

/// Where the settings are: the records folder, as the app was given it.
#[derive(Resource, Debug, Clone)]
struct SettingsFile(Option<PathBuf>);

pub(super) fn plugin(app: &mut App) {
    let given = app.world().resource::<Options>().data_dir.clone();
    let file = crate::paths::records_dir(given.as_deref()).map(|dir| dir.join(FILE));
    let saved = file
        .as_deref()
        .and_then(|path| std::fs::read(path).ok())
        .and_then(|bytes| serde_json::from_slice::<Saved>(&bytes).ok())
        .unwrap_or_default();
    let volumes = saved.volumes.map(Volumes::clamped).unwrap_or_default();
    app.insert_resource(volumes)
        .insert_resource(SettingsFile(file))
        .add_systems(Last, save.run_if(resource_changed::<Volumes>));
}

/// Writes the settings when the trainee changes one (not when the app starts with them).
fn save(volumes: Res<Volumes>, file: Res<SettingsFile>, mut started: Local<bool>) {
    if !std::mem::replace(&mut *started, true) {
        return;
    }
    let Some(path) = &file.0 else {
        return;
    };
    let saved = Saved {
        volumes: Some(volumes.0),
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
