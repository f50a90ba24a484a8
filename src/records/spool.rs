//! Calls kept aside while the store cannot take them, so that none is lost.
//!
//! When the records cannot be opened or written (a corrupt file, a full disk, a folder that
//! cannot be made) a finished call goes to a spool file instead: `unsaved-calls.json` in the
//! records folder, else a file in the system's temporary folder named after the records
//! folder. The store's own file is never touched. The next `frontline` command or app start
//! that opens a readable store writes the calls kept there (once each, by uid) and removes
//! the file. The app and the command line share the same files.

use std::path::{Path, PathBuf};

use super::{CallRecord, RecordError, Store};

/// The spool files of one records folder, in order of preference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spool {
    files: Vec<PathBuf>,
}

/// The calls read from a spool.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Kept {
    /// The calls, oldest first, each once.
    pub calls: Vec<CallRecord>,
    /// The files they were read from: removed once the calls are written.
    pub files: Vec<PathBuf>,
    /// Files that could not be read, and why: left where they are for a person to look at.
    pub unreadable: Vec<String>,
}

impl Spool {
    /// The spool of the records folder `dir` (the platform's data folder when `None`).
    pub fn of(dir: Option<&Path>) -> Spool {
        let folder = crate::paths::records_dir(dir);
        let key = crate::library::content_hash(
            folder
                .as_deref()
                .map_or(&[][..], |f| f.as_os_str().as_encoded_bytes()),
        );
        let files = folder
            .map(|folder| folder.join("unsaved-calls.json"))
            .into_iter()
            .chain([std::env::temp_dir().join(format!("frontline-unsaved-{}.json", &key[..16]))])
            .collect();
        Spool { files }
    }

    /// The calls kept aside in any of the spool's files.
    pub fn read(&self) -> Kept {
        let mut kept = Kept::default();
        for file in &self.files {
            let Ok(bytes) = std::fs::read(file) else {
                continue;
            };
            match serde_json::from_slice::<Vec<CallRecord>>(&bytes) {
                Ok(calls) => {
                    for call in calls {
                        if !kept.calls.iter().any(|known| known.uid == call.uid) {
                            kept.calls.push(call);
                        }
                    }
                    kept.files.push(file.clone());
                }
                Err(error) => kept.unreadable.push(format!(
                    "the calls put aside in {} cannot be read: {error}",
                    file.display()
                )),
            }
        }
        kept
    }

    /// Keeps `calls` in the first spool file that takes them, replacing what it held (so
    /// give every call still unsaved, those read before included); the other files of
    /// `read_from` are removed, their calls being in this one now. Gives the file.
    pub fn keep(&self, calls: &[CallRecord], read_from: &[PathBuf]) -> Result<PathBuf, String> {
        let json = serde_json::to_vec_pretty(calls)
            .map_err(|error| format!("the unsaved calls cannot be put aside: {error}"))?;
        let mut problems = Vec::new();
        for file in &self.files {
            let partial = file.with_extension("json.partial");
            let written = file
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&partial, &json))
                .and_then(|()| std::fs::rename(&partial, file));
            match written {
                Ok(()) => {
                    for other in read_from.iter().filter(|other| *other != file) {
                        let _ = std::fs::remove_file(other);
                    }
                    return Ok(file.clone());
                }
                Err(error) => problems.push(format!("{}: {error}", file.display())),
            }
        }
        Err(format!(
            "the unsaved calls cannot be put aside ({})",
            problems.join("; ")
        ))
    }

    /// Writes the calls kept aside into `store`, each once (a call already there is not
    /// written again), and removes the spool files once all are written. Gives how many
    /// calls were new to the store, and the files that could not be read.
    pub fn write_into(&self, store: &mut Store) -> Result<(usize, Vec<String>), RecordError> {
        let kept = self.read();
        let mut written = 0;
        for call in &kept.calls {
            written += usize::from(store.save_once(call)?);
        }
        for file in &kept.files {
            let _ = std::fs::remove_file(file);
        }
        Ok((written, kept.unreadable))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Answer;
    use crate::records::tests::played;

    #[test]
    fn calls_kept_aside_are_written_once_and_their_file_removed() {
        let dir = tempfile::tempdir().expect("a temp folder");
        let spool = Spool::of(Some(dir.path()));
        let first = played(1, &[Answer::Pick(1)], "Ana");
        let second = played(2, &[Answer::Pick(1)], "Ana");
        let file = spool
            .keep(&[first.clone(), second.clone()], &[])
            .expect("keeps");
        assert_eq!(file, dir.path().join("unsaved-calls.json"));
        assert_eq!(spool.read().calls, vec![first.clone(), second.clone()]);

        let mut store = Store::open(dir.path()).expect("opens");
        store.save(&first).expect("saves");
        assert_eq!(
            spool.write_into(&mut store).expect("writes"),
            (1, Vec::new())
        );
        assert!(!file.exists());
        let uids: Vec<String> = store
            .history(&crate::records::Filter::default())
            .expect("lists")
            .into_iter()
            .map(|record| record.call.uid)
            .collect();
        assert_eq!(uids, vec![second.uid, first.uid]);
    }
}
