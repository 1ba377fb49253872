//! Reading state that survives restarts: where each transcript was left, and bookmarks with
//! notes. Keyed by the transcript's content hash, so a renamed or moved file still resumes.
//!
//! Storage is one JSON file in the platform's state directory (`$XDG_STATE_HOME/callread` on
//! Linux; `CALLREAD_STATE_DIR` overrides). Every save takes an exclusive lock, re-reads the
//! file, applies this instance's changes to what is there and writes a temporary file that is
//! synced and renamed over the old one. A crash mid-write leaves the old file whole, and two
//! instances never drop each other's bookmarks. A corrupt file is moved aside with a warning
//! (to a name no earlier copy has). Temporary files a killed save left are removed by the next
//! save. Positions of transcripts not opened for a long time (`forget_after_days`, a year by
//! default) are forgotten, and at most [`MAX_POSITIONS`] are kept; bookmarks never are
//! dropped. The reader saves on a thread of its own ([`Saver`]): a large file never stalls a
//! keystroke. A state directory that cannot be written is read without the lock, and saving
//! is off with a warning.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

mod model;

use model::now;
pub use model::{
    Bookmark, Change, MAX_POSITIONS, SEARCHES_KEPT, SentenceMark, StateFile, TranscriptState,
    put_bookmark,
};

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
    /// Why saving is off (the directory cannot be written), if it is.
    read_only: Option<String>,
    /// Positions older than this many seconds are forgotten at a save (`None`: never).
    pub forget_after: Option<u64>,
}

/// A year, in seconds: how long a position is kept by default.
pub const DEFAULT_FORGET_AFTER: u64 = 365 * 24 * 3600;

impl Store {
    /// Opens the store in `dir` (created when missing) and reads it. A corrupt file is moved
    /// aside and the warning returned. A directory where the lock cannot be taken (read-only,
    /// another user's) is read without it and saving is off: the warning says so.
    pub fn open(dir: &Path) -> std::io::Result<(Store, Option<String>)> {
        let lock = fs::create_dir_all(dir).and_then(|()| lock(dir));
        let (state, warning, read_only) = match lock {
            Ok(_lock) => {
                remove_stale_temporaries(dir);
                let (state, warning) = read(dir, true)?;
                (state, warning, None)
            }
            // Read-only, another user's, a lock file that is a directory, NFS without locks:
            // whatever keeps the lock from being taken, reading still works.
            Err(e) => {
                let (state, warning) = read(dir, false)?;
                let why = format!("{}: {e}", dir.display());
                let off = format!("saving is off ({why}); saved places and bookmarks are read");
                let warning = Some(match warning {
                    Some(w) => format!("{w}; {off}"),
                    None => off,
                });
                (state, warning, Some(why))
            }
        };
        Ok((
            Store {
                dir: dir.to_path_buf(),
                pending: Vec::new(),
                state,
                read_only,
                forget_after: Some(DEFAULT_FORGET_AFTER),
            },
            warning,
        ))
    }

    /// Reads the store without changing anything on disk (for `export`): no lock is taken
    /// and a corrupt file stays where it is; the warning says what could not be read.
    pub fn peek(dir: &Path) -> (StateFile, Option<String>) {
        match read(dir, false) {
            Ok(r) => r,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (StateFile::default(), None),
            Err(e) => (
                StateFile::default(),
                Some(format!("{e}; bookmarks left out")),
            ),
        }
    }

    /// The state file's path.
    pub fn path(&self) -> PathBuf {
        self.dir.join("state.json")
    }

    /// Why saving is off, when it is.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Records a change (applied at once in memory, written by [`Store::save`]).
    pub fn change(&mut self, change: Change) {
        self.state.apply(&change);
        self.pending.push(change);
    }

    /// Writes the pending changes: lock, re-read, apply, forget old positions, write
    /// atomically. With saving off, the changes stay pending and the error says why.
    pub fn save(&mut self) -> std::io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        if let Some(why) = &self.read_only {
            return Err(std::io::Error::other(format!("saving is off: {why}")));
        }
        let _lock = lock(&self.dir)?;
        remove_stale_temporaries(&self.dir);
        let (mut latest, _) = read(&self.dir, true)?;
        for c in &self.pending {
            latest.apply(c);
        }
        latest.prune(now(), self.forget_after);
        write_atomic(
            &self.path(),
            &serde_json::to_vec_pretty(&latest).map_err(std::io::Error::other)?,
        )?;
        self.state = latest;
        self.pending.clear();
        Ok(())
    }
}

/// Saves on a thread of its own: the reader sends changes and never waits for the disk.
/// Changes sent while a save runs are written together by the next one.
pub struct Saver {
    tx: Option<std::sync::mpsc::Sender<Vec<Change>>>,
    errors: std::sync::mpsc::Receiver<String>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Saver {
    /// Starts the saving thread for this store.
    pub fn spawn(mut store: Store) -> Saver {
        let (tx, rx) = std::sync::mpsc::channel::<Vec<Change>>();
        let (etx, errors) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            while let Ok(mut batch) = rx.recv() {
                while let Ok(more) = rx.try_recv() {
                    batch.extend(more);
                }
                for c in batch {
                    store.change(c);
                }
                if let Err(e) = store.save() {
                    let _ = etx.send(e.to_string());
                }
            }
        });
        Saver {
            tx: Some(tx),
            errors,
            thread: Some(thread),
        }
    }

    /// Queues changes for saving.
    pub fn send(&self, changes: Vec<Change>) {
        if let Some(tx) = &self.tx
            && !changes.is_empty()
        {
            let _ = tx.send(changes);
        }
    }

    /// The latest save error since the last call, if any.
    pub fn error(&self) -> Option<String> {
        self.errors.try_iter().last()
    }

    /// Saves what is queued and stops the thread; the last error, if the final save failed.
    pub fn finish(mut self) -> Option<String> {
        self.tx = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        self.errors.try_iter().last()
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

/// Removes temporary files of saves that were killed mid-write. Called with the lock held:
/// no save is in progress, so every one there is stale.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        if e.file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(".state.json.tmp-"))
        {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Reads the state file; a missing file is empty state. A corrupt one is moved aside when
/// `repair` (the lock is held), else only reported.
fn read(dir: &Path, repair: bool) -> std::io::Result<(StateFile, Option<String>)> {
    let path = dir.join("state.json");
    // A file that blocks on read is an error after a moment (not a corrupt file: it is left
    // alone, and the caller reads and saves nothing).
    let bytes = match crate::library::read_regular(
        &path,
        crate::library::MAX_TRANSCRIPT_BYTES,
        crate::library::SETTINGS_READ_TIMEOUT,
    ) {
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
        // Named: the reader's one line about it says which file.
        Err(e) => {
            return Err(std::io::Error::new(
                e.kind(),
                format!("{}: {e}", path.display()),
            ));
        }
    };
    match serde_json::from_slice::<StateFile>(&bytes) {
        Ok(s) => Ok((s, None)),
        Err(e) => {
            let fresh = StateFile {
                version: 1,
                ..Default::default()
            };
            if !repair {
                let warning = format!("{}: unreadable ({e}); left as it is", path.display());
                return Ok((fresh, Some(warning)));
            }
            // A name no earlier copy has: two corruptions in one second keep both.
            let stamp = now();
            let aside = (0..)
                .map(|n| match n {
                    0 => dir.join(format!("state.json.corrupt-{stamp}")),
                    n => dir.join(format!("state.json.corrupt-{stamp}-{n}")),
                })
                .find(|p| fs::symlink_metadata(p).is_err())
                .unwrap_or_else(|| dir.join("state.json.corrupt"));
            fs::rename(&path, &aside)?;
            let warning = format!(
                "{}: unreadable ({e}); moved to {} and started fresh",
                path.display(),
                aside.display()
            );
            Ok((fresh, Some(warning)))
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
