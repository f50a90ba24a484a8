//! A scenario library: every `*.ron` file under some folders, each loaded and checked on its own.
//!
//! A broken file never stops the others from loading: it becomes an entry
//! with its diagnostics and no playable scenario.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::check::check;
use crate::diagnostic::{Code, Diagnostic};
use crate::engine::Prepared;
use crate::scenario::AssetRoots;
use crate::scenario::{MAX_FILE_BYTES, Scenario, parse};

/// Most files a library scan takes in.
pub const MAX_FILES: usize = 20_000;

/// One scenario file of a library.
#[derive(Debug, Clone)]
pub struct LibraryEntry {
    /// The file.
    pub path: PathBuf,
    /// Its text, when it could be read as UTF-8 (for snippets).
    pub source: Option<String>,
    /// The scenario as parsed, when it parsed (the prepared scenario shares it).
    pub scenario: Option<Arc<Scenario>>,
    /// The prepared scenario, when it has no errors.
    pub prepared: Option<Arc<Prepared>>,
    /// What is wrong with it.
    pub diagnostics: Vec<Diagnostic>,
    /// SHA-256 of the file's bytes, hex.
    pub hash: String,
}

impl LibraryEntry {
    /// Whether the file has errors (it is shown but cannot be played).
    pub fn is_broken(&self) -> bool {
        self.prepared.is_none()
    }

    /// The scenario's id, or the file stem when it did not parse.
    pub fn id(&self) -> String {
        match &self.scenario {
            Some(scenario) => scenario.id.clone(),
            None => self
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }
}

/// Loads and checks one file.
pub fn load_file(path: &Path, roots: &AssetRoots) -> LibraryEntry {
    match read_limited(path) {
        Ok(bytes) => load_owned(path, bytes, roots),
        Err(error) => LibraryEntry {
            path: path.to_owned(),
            source: None,
            scenario: None,
            prepared: None,
            diagnostics: vec![error],
            hash: String::new(),
        },
    }
}

/// Loads and checks a scenario from bytes said to come from `path`.
pub fn load_bytes(path: &Path, bytes: &[u8], roots: &AssetRoots) -> LibraryEntry {
    load_owned(path, bytes.to_vec(), roots)
}

/// Loads and checks a scenario, keeping its bytes as the entry's source without a copy.
fn load_owned(path: &Path, bytes: Vec<u8>, roots: &AssetRoots) -> LibraryEntry {
    let hash = content_hash(&bytes);
    let parsed = parse(path, &bytes);
    let source = String::from_utf8(bytes).ok();
    match parsed {
        Err(diagnostic) => LibraryEntry {
            path: path.to_owned(),
            source,
            scenario: None,
            prepared: None,
            diagnostics: vec![diagnostic],
            hash,
        },
        Ok(scenario) => {
            let text = source.as_deref().unwrap_or_default();
            let scenario = Arc::new(scenario);
            let (diagnostics, prepared) = check(Arc::clone(&scenario), text, path, roots);
            LibraryEntry {
                path: path.to_owned(),
                source,
                scenario: Some(scenario),
                prepared,
                diagnostics,
                hash,
            }
        }
    }
}

/// SHA-256 of some bytes, as lowercase hex.
pub fn content_hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Reads a file, refusing early one too large to be a scenario.
fn read_limited(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    use std::io::Read;
    let unreadable = |error: std::io::Error| {
        Diagnostic::error(
            Code::Unreadable,
            path,
            format!("cannot read the file: {error}"),
        )
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    // Read one byte past the limit: enough to know it is too large, never the whole of a huge file.
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() > MAX_FILE_BYTES {
        let size = std::fs::metadata(path)
            .map(|m| m.len())
            .unwrap_or(bytes.len() as u64);
        return Err(Diagnostic::error(
            Code::FileTooLarge,
            path,
            format!("the file is {size} bytes; a scenario may be at most {MAX_FILE_BYTES} bytes"),
        )
        .with_hint("check that this is a scenario file"));
    }
    Ok(bytes)
}

/// Every `*.ron` file under the given files and folders, sorted, each once.
/// Links are followed, but a folder is never entered twice, so a link loop cannot hang the scan.
pub fn scenario_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut files = Vec::new();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        if path.is_dir() {
            collect(path, &mut files, &mut seen_dirs);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            return Err(Diagnostic::error(
                Code::Unreadable,
                path,
                "no such file or folder",
            ));
        }
    }
    files.sort();
    files.dedup();
    files.truncate(MAX_FILES);
    Ok(files)
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>, seen: &mut HashSet<PathBuf>) {
    let Ok(real) = dir.canonicalize() else { return };
    if !seen.insert(real) || files.len() >= MAX_FILES {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut children: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    children.sort();
    for child in children {
        if child.is_dir() {
            collect(&child, files, seen);
        } else if child.extension().is_some_and(|e| e == "ron") {
            files.push(child);
        }
    }
}

/// The loaded library.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Every file, in path order.
    pub entries: Vec<LibraryEntry>,
}

impl Library {
    /// Loads every scenario under the given files and folders. `assets` is the app's assets folder.
    pub fn load(paths: &[PathBuf], assets: Option<PathBuf>) -> Result<Library, Diagnostic> {
        let entries = check_each(paths, assets, |entry| entry)?;
        Ok(Library { entries })
    }

    /// The playable scenario with this id.
    pub fn find(&self, id: &str) -> Option<&LibraryEntry> {
        self.entries
            .iter()
            .find(|e| e.scenario.as_ref().is_some_and(|s| s.id == id))
    }

    /// Every diagnostic of every file.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.entries.iter().flat_map(|e| e.diagnostics.iter())
    }
}

/// Maps every item on every core, in order: the items are split into one run per core.
pub fn on_every_core<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().max(1));
    let chunk = items.len().div_ceil(threads).max(1);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            // A panic in a worker is a bug: pass it on rather than lose its files.
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Loads and checks every scenario under the given files and folders, on every core, and
/// keeps of each only what `keep` takes from it: a large library is never held whole. Two
/// files with one id: the later one (by path) is an error and is not playable.
pub fn check_each<R: Send>(
    paths: &[PathBuf],
    assets: Option<PathBuf>,
    keep: impl Fn(LibraryEntry) -> R + Sync,
) -> Result<Vec<R>, Diagnostic> {
    let files = scenario_files(paths)?;
    let roots_of = |file: &Path| AssetRoots {
        library: paths
            .iter()
            .filter(|p| p.is_dir() && file.starts_with(p))
            .max_by_key(|p| p.components().count())
            .cloned()
            .or_else(|| file.parent().map(Path::to_path_buf)),
        assets: assets.clone(),
    };
    // Files are independent: check them on every core.
    let mut kept = on_every_core(&files, |file| {
        let entry = load_file(file, &roots_of(file));
        let id = entry.scenario.as_ref().map(|s| s.id.clone());
        (id, keep(entry))
    });
    let mut first: BTreeMap<String, PathBuf> = BTreeMap::new();
    for (file, (id, result)) in files.iter().zip(kept.iter_mut()) {
        let Some(id) = id else {
            continue;
        };
        match first.get(id) {
            // Rare: load it again, with the diagnostic the first time could not know.
            Some(earlier) => {
                let mut entry = load_file(file, &roots_of(file));
                mark_duplicate(&mut entry, id, earlier);
                *result = keep(entry);
            }
            None => {
                first.insert(id.clone(), file.clone());
            }
        }
    }
    Ok(kept.into_iter().map(|(_, result)| result).collect())
}

/// A file whose scenario id an earlier file already uses: an error, and not playable.
fn mark_duplicate(entry: &mut LibraryEntry, id: &str, earlier: &Path) {
    let source = entry.source.clone().unwrap_or_default();
    let span = crate::scenario::SourceMap::build(&source).find("id");
    let mut diagnostic = Diagnostic::error(
        Code::DuplicateId,
        &entry.path,
        format!("scenario id `{id}` is also used by {}", earlier.display()),
    )
    .with_field("id")
    .with_hint("every scenario in a library needs its own id");
    if let Some(span) = span {
        diagnostic = diagnostic.at(&source, span);
    }
    entry.diagnostics.push(diagnostic);
    entry.prepared = None;
}
