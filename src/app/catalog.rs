//! The scenario library through Bevy's asset system: a `.ron` loader that calls
//! the core loader (so the app and `frontline check` agree on every file), and
//! the catalog of cards, kept up to date on every save when the file watcher is on.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use bevy::asset::io::{AssetSourceBuilder, Reader};
use bevy::asset::{AssetLoader, LoadContext, LoadedFolder};
use bevy::prelude::*;

use super::{Awaited, Options};
use crate::diagnostic::Diagnostic;
use crate::engine::Prepared;
use crate::library::{LibraryEntry, load_bytes};
use crate::scenario::AssetRoots;
use crate::scenario::Scenario;

/// One scenario file as loaded: broken or playable, never an asset error.
#[derive(Asset, TypePath, Debug)]
pub struct ScenarioFile(pub LibraryEntry);

/// Loads `.ron` scenarios with [`load_bytes`], the loader `frontline check` uses.
#[derive(TypePath)]
struct ScenarioLoader {
    /// Asset source name → the library folder it reads.
    libraries: BTreeMap<String, PathBuf>,
    assets: Option<PathBuf>,
}

/// Only reading the file can fail; every problem in its content is a diagnostic.
#[derive(Debug, thiserror::Error)]
#[error("cannot read the scenario file: {0}")]
struct ReadError(#[from] std::io::Error);

impl AssetLoader for ScenarioLoader {
    type Asset = ScenarioFile;
    type Settings = ();
    type Error = ReadError;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        context: &mut LoadContext<'_>,
    ) -> Result<ScenarioFile, ReadError> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).await?;
        let asset_path = context.path();
        let library = asset_path
            .source()
            .as_str()
            .and_then(|name| self.libraries.get(name))
            .cloned();
        let path = match &library {
            Some(folder) => folder.join(asset_path.path()),
            None => asset_path.path().to_owned(),
        };
        let roots = AssetRoots {
            library,
            assets: self.assets.clone(),
        };
        Ok(ScenarioFile(load_bytes(&path, &bytes, &roots)))
    }

    fn extensions(&self) -> &[&str] {
        &["ron"]
    }
}

/// A sound file in a library folder (a cue, a line's voice): played from disk when it is
/// needed, so loading the folder only notes it. Without a loader of its own, Bevy's folder
/// loading gives up on the whole library at the first such file.
#[derive(Asset, TypePath, Debug)]
struct SoundFile;

/// Notes a sound file without reading it.
#[derive(TypePath)]
struct SoundFileLoader;

impl AssetLoader for SoundFileLoader {
    type Asset = SoundFile;
    type Settings = ();
    type Error = std::io::Error;

    async fn load(
        &self,
        _reader: &mut dyn Reader,
        _settings: &(),
        _context: &mut LoadContext<'_>,
    ) -> Result<SoundFile, std::io::Error> {
        Ok(SoundFile)
    }

    fn extensions(&self) -> &[&str] {
        &["ogg", "wav"]
    }
}

/// A card of the library: the file as last saved, and the last version that could be played.
#[derive(Debug, Clone)]
pub struct Card {
    /// The file as last loaded (possibly broken).
    pub entry: LibraryEntry,
    /// The last good version: still playable while a broken save is on disk.
    pub playable: Option<Arc<Prepared>>,
}

impl Card {
    /// The scenario shown: the last good one, or what parsed of a broken file.
    pub fn scenario(&self) -> Option<&Scenario> {
        self.playable
            .as_ref()
            .map(|p| p.scenario())
            .or(self.entry.scenario.as_deref())
    }

    /// The errors and warnings of the file as last saved.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.entry.diagnostics
    }

    /// Whether the last save is broken but an earlier version is still played.
    pub fn is_stale(&self) -> bool {
        self.entry.is_broken() && self.playable.is_some()
    }

    /// The title, or the file name of a file that did not parse.
    pub fn title(&self) -> String {
        self.scenario()
            .map(|s| s.title.clone())
            .unwrap_or_else(|| self.entry.id())
    }
}

/// Every scenario of the library, in path order.
#[derive(Resource, Debug, Default)]
pub struct Catalog {
    /// The cards, sorted by path.
    pub cards: Vec<Card>,
}

impl Catalog {
    /// The card of a file.
    pub fn card(&self, path: &std::path::Path) -> Option<&Card> {
        self.cards.iter().find(|c| c.entry.path == path)
    }

    /// The playable card after the one of this file, from the last back to the first (the
    /// first when the file is not in the library): what "next scenario" plays.
    pub fn next_after(&self, path: &std::path::Path) -> Option<&Card> {
        let playable: Vec<&Card> = self.cards.iter().filter(|c| c.playable.is_some()).collect();
        let here = playable.iter().position(|c| c.entry.path == path);
        let after = here.map_or(0, |i| (i + 1) % playable.len());
        playable.get(after).copied()
    }

    /// The card whose scenario has this id, or whose file is this path.
    pub fn find(&self, id_or_path: &str) -> Option<&Card> {
        let wanted = std::path::Path::new(id_or_path);
        let canonical = wanted.canonicalize().ok();
        self.cards.iter().find(|c| {
            c.scenario().is_some_and(|s| s.id == id_or_path)
                || c.entry.path == wanted
                || canonical
                    .as_ref()
                    .is_some_and(|w| c.entry.path.canonicalize().ok().as_ref() == Some(w))
        })
    }
}

/// The folders being loaded, kept so their files stay loaded (and watched).
#[derive(Resource, Default)]
struct Folders(Vec<Handle<LoadedFolder>>);

/// The asset source name of library folder `i`.
fn source_name(i: usize) -> String {
    format!("library{i}")
}

/// Registers one asset source per library folder; must run before the asset plugin.
pub(super) fn register_sources(app: &mut App, options: &Options) {
    for (i, folder) in options.libraries.iter().enumerate() {
        app.register_asset_source(
            source_name(i),
            AssetSourceBuilder::platform_default(&folder.to_string_lossy(), None),
        );
    }
}

pub(super) fn plugin(app: &mut App) {
    let options = app.world().resource::<Options>().clone();
    let libraries = options
        .libraries
        .iter()
        .enumerate()
        .map(|(i, folder)| (source_name(i), folder.clone()))
        .collect();
    app.init_asset::<ScenarioFile>()
        .register_asset_loader(ScenarioLoader {
            libraries,
            assets: options.assets.clone(),
        })
        .init_asset::<SoundFile>()
        .register_asset_loader(SoundFileLoader)
        .init_resource::<Catalog>()
        .init_resource::<Folders>()
        .add_systems(Startup, load_folders)
        .add_systems(Update, update_catalog.in_set(super::AppSystems::Load));
}

fn load_folders(
    server: Res<AssetServer>,
    options: Res<Options>,
    mut folders: ResMut<Folders>,
    mut awaited: ResMut<Awaited>,
) {
    folders.0 = (0..options.libraries.len())
        .map(|i| server.load_folder(format!("{}://", source_name(i))))
        .collect();
    awaited
        .0
        .extend(folders.0.iter().map(|folder| folder.clone().untyped()));
}

/// Applies loaded and reloaded files to the catalog; a broken save keeps the last good version.
fn update_catalog(
    mut events: MessageReader<AssetEvent<ScenarioFile>>,
    files: Res<Assets<ScenarioFile>>,
    mut catalog: ResMut<Catalog>,
) {
    let mut changed = false;
    for event in events.read() {
        let (AssetEvent::Added { id } | AssetEvent::Modified { id }) = event else {
            continue;
        };
        let Some(ScenarioFile(entry)) = files.get(*id) else {
            continue;
        };
        changed = true;
        match catalog
            .cards
            .iter_mut()
            .find(|c| c.entry.path == entry.path)
        {
            Some(card) => {
                if entry.prepared.is_some() {
                    card.playable = entry.prepared.clone();
                }
                card.entry = entry.clone();
            }
            None => catalog.cards.push(Card {
                entry: entry.clone(),
                playable: entry.prepared.clone(),
            }),
        }
    }
    if changed {
        catalog
            .cards
            .sort_by(|a, b| a.entry.path.cmp(&b.entry.path));
    }
}
