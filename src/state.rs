//! Reading state that survives restarts: where each transcript was left, and bookmarks with
//! notes. Keyed by the transcript's content hash, so a renamed or moved file still resumes.
//!
//! Storage is one JSON file in the platform's state directory (`$XDG_STATE_HOME/callread` on
//! Linux; `CALLREAD_STATE_DIR` overrides). Every save takes an exclusive lock, re-reads the
//! file, applies this instance's changes to what is there and writes a temporary file that is
//! synced and renamed over the old one. A crash mid-write leaves the old file whole, and two
//! instances never drop each other's bookmarks. A corrupt file is moved aside with a warning.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// A bookmark on a paragraph pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// The paragraph pair (flat index).
    pub paragraph: usize,
    /// 1-based line of its English, for people reading the file.
    pub line: usize,
    /// A short note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What is remembered about one transcript.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranscriptState {
    /// The file name it was last opened as (for the bookmark list; not the key).
    #[serde(default)]
    pub name: String,
    /// The paragraph last read.
    #[serde(default)]
    pub cursor: usize,
    /// Bookmarks, by paragraph.
    #[serde(default)]
    pub bookmarks: Vec<Bookmark>,
}

/// The whole state file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateFile {
    /// Format version.
    #[serde(default = "version")]
    pub version: u32,
    /// By content hash (16 hex digits).
    #[serde(default)]
    pub transcripts: BTreeMap<String, TranscriptState>,
}

fn version() -> u32 {
    1
}

/// One change this instance made, replayed onto the file's latest content when saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The reading position of a transcript.
    Cursor {
        /// Content hash key.
        key: String,
        /// File name.
        name: String,
        /// Paragraph.
        cursor: usize,
    },
    /// A bookmark added or its note changed.
    Put {
        /// Content hash key.
        key: String,
        /// File name.
        name: String,
        /// The bookmark.
        bookmark: Bookmark,
    },
    /// A bookmark removed.
    Remove {
        /// Content hash key.
        key: String,
        /// Paragraph.
        paragraph: usize,
    },
}

impl StateFile {
    /// Applies a change.
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::Cursor { key, name, cursor } => {
                let t = self.transcripts.entry(key.clone()).or_default();
                t.name = name.clone();
                t.cursor = *cursor;
            }
            Change::Put {
                key,
                name,
                bookmark,
            } => {
                let t = self.transcripts.entry(key.clone()).or_default();
                t.name = name.clone();
                put_bookmark(&mut t.bookmarks, bookmark.clone());
            }
            Change::Remove { key, paragraph } => {
                if let Some(t) = self.transcripts.get_mut(key) {
                    t.bookmarks.retain(|b| b.paragraph != *paragraph);
                }
            }
        }
    }
}

/// Puts a bookmark into a list kept in paragraph order, replacing the one on the same
/// paragraph (the reader's list and the saved list follow the same rule).
pub fn put_bookmark(list: &mut Vec<Bookmark>, bookmark: Bookmark) {
    match list.iter_mut().find(|b| b.paragraph == bookmark.paragraph) {
        Some(b) => *b = bookmark,
        None => {
            list.push(bookmark);
            list.sort_by_key(|b| b.paragraph);
        }
    }
}

/// The key of a transcript: its content hash in hex.
pub fn key(content_hash: u64) -> String {
    format!("{content_hash:016x}")
}

/// Where state lives: `CALLREAD_STATE_DIR`, else the platform state (or data) directory.
pub fn state_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("CALLREAD_STATE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let dirs = directories::ProjectDirs::from("", "", "callread")?;
    Some(
        dirs.state_dir()
            .unwrap_or(dirs.data_local_dir())
            .to_path_buf(),
    )
}

/// The state store: the file's path and this instance's unsaved changes.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    pending: Vec<Change>,
    /// The state as last read or written.
    pub state: StateFile,
}

impl Store {
    /// Opens the store in `dir` (created when missing) and reads it. A corrupt file is moved
    /// aside and the warning returned.
    pub fn open(dir: &Path) -> std::io::Result<(Store, Option<String>)> {
        fs::create_dir_all(dir)?;
        let _lock = lock(dir)?;
        let (state, warning) = read(dir)?;
        Ok((
            Store {
                dir: dir.to_path_buf(),
                pending: Vec::new(),
                state,
            },
            warning,
        ))
    }

    /// The state file's path.
    pub fn path(&self) -> PathBuf {
        self.dir.join("state.json")
    }

    /// Records a change (applied at once in memory, written by [`Store::save`]).
    pub fn change(&mut self, change: Change) {
        self.state.apply(&change);
        self.pending.push(change);
    }

    /// Writes the pending changes: lock, re-read, apply, write atomically.
    pub fn save(&mut self) -> std::io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let _lock = lock(&self.dir)?;
        let (mut latest, _) = read(&self.dir)?;
        for c in &self.pending {
            latest.apply(c);
        }
        write_atomic(
            &self.path(),
            &serde_json::to_vec_pretty(&latest).map_err(std::io::Error::other)?,
        )?;
        self.state = latest;
        self.pending.clear();
        Ok(())
    }
}

/// An exclusive lock on the state directory, held until dropped.
fn lock(dir: &Path) -> std::io::Result<File> {
    let f = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join("state.lock"))?;
    f.lock()?;
    Ok(f)
}

/// Reads the state file; a missing file is empty state, a corrupt one is moved aside.
fn read(dir: &Path) -> std::io::Result<(StateFile, Option<String>)> {
    let path = dir.join("state.json");
    let bytes = match crate::library::read_regular(&path, crate::library::MAX_TRANSCRIPT_BYTES) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok((
                StateFile {
                    version: 1,
                    ..Default::default()
                },
                None,
            ));
        }
        Err(e) => return Err(e),
    };
    match serde_json::from_slice::<StateFile>(&bytes) {
        Ok(s) => Ok((s, None)),
        Err(e) => {
            let stamp = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            let aside = dir.join(format!("state.json.corrupt-{stamp}"));
            fs::rename(&path, &aside)?;
            let warning = format!(
                "{}: unreadable ({e}); moved to {} and started fresh",
                path.display(),
                aside.display()
            );
            Ok((
                StateFile {
                    version: 1,
                    ..Default::default()
                },
                Some(warning),
            ))
        }
    }
}

/// Writes `bytes` to `path` so that a reader sees the old or the new content, never a part.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("state"),
        std::process::id()
    ));
    {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    fs::rename(&tmp, path)?;
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
