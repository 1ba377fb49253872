//! Loading transcripts: files, directories and the bundled samples.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::text::{DecodeError, decode};
use crate::transcript::{ParseError, Transcript, parse};

/// The sample transcripts embedded in the binary, as (file name, text).
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "000_28227caab299fe99.txt",
        include_str!("../assets/transcripts/000_28227caab299fe99.txt"),
    ),
    (
        "001_3c938f8f92a347bc.txt",
        include_str!("../assets/transcripts/001_3c938f8f92a347bc.txt"),
    ),
    (
        "002_fe789ec308291cef.txt",
        include_str!("../assets/transcripts/002_fe789ec308291cef.txt"),
    ),
    (
        "003_bc01a7a9b53a448b.txt",
        include_str!("../assets/transcripts/003_bc01a7a9b53a448b.txt"),
    ),
    (
        "004_440c9f03e263cea0.txt",
        include_str!("../assets/transcripts/004_440c9f03e263cea0.txt"),
    ),
];

/// Why a transcript could not be loaded. Displays as one line naming the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The path could not be read.
    #[error("{path}: {reason}")]
    Io {
        /// The path as given.
        path: String,
        /// What the OS said (part of the message, not a separate cause: one line says it once).
        reason: std::io::Error,
    },
    /// The bytes are not usable text.
    #[error("{path}: {reason}")]
    Decode {
        /// The file.
        path: String,
        /// Empty or binary.
        reason: DecodeError,
    },
    /// The text is not a transcript.
    #[error("{path}: {reason}")]
    Parse {
        /// The file.
        path: String,
        /// What the parser found.
        reason: ParseError,
    },
    /// A directory without any transcript file in it.
    #[error("{path}: no transcripts in this directory (looked for *.txt, *.md, *.text)")]
    EmptyDirectory {
        /// The directory.
        path: String,
    },
}

impl LoadError {
    /// The path the error is about, as given.
    pub fn path(&self) -> &str {
        match self {
            LoadError::Io { path, .. }
            | LoadError::Decode { path, .. }
            | LoadError::Parse { path, .. }
            | LoadError::EmptyDirectory { path } => path,
        }
    }
}

/// Parses bytes as a transcript named `source`.
pub fn load_bytes(bytes: Vec<u8>, source: &str) -> Result<Transcript, LoadError> {
    let hash = content_hash(&bytes);
    let (text, encoding) = decode(bytes).map_err(|e| LoadError::Decode {
        path: source.into(),
        reason: e,
    })?;
    let mut t = parse(&text, source).map_err(|e| LoadError::Parse {
        path: source.into(),
        reason: e,
    })?;
    t.content_hash = hash;
    if let crate::text::Encoding::Utf8Repaired { .. } = encoding {
        t.warnings.push(format!(
            "{source}: read as {encoding}; the rest is as written"
        ));
    }
    Ok(t)
}

/// The largest transcript read: a call is about 100 KB, so this is generous; a larger file is
/// refused rather than read into memory.
pub const MAX_TRANSCRIPT_BYTES: u64 = 256 << 20;

/// How long reading a transcript may take before it is given up (a 100 KB call reads in a
/// millisecond, a large one from a network file system in a second or two).
pub const TRANSCRIPT_READ_TIMEOUT: Duration = Duration::from_secs(5);

/// How long reading `config.toml` or `state.json` may take before callread goes on without it.
pub const SETTINGS_READ_TIMEOUT: Duration = Duration::from_secs(2);

/// The time a read may take: `default`, or `CALLREAD_READ_TIMEOUT_MS` milliseconds when that
/// is set (for tests, or a slow network file system).
pub fn read_timeout(default: Duration) -> Duration {
    std::env::var("CALLREAD_READ_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map_or(default, Duration::from_millis)
}

/// Reads a regular file of at most `limit` bytes, giving up after `timeout` (or
/// [`read_timeout`]'s override). Devices (`/dev/zero`), FIFOs and sockets are refused before
/// they are opened (opening a FIFO waits for a writer; a device never ends), and a file
/// larger than `limit` is refused, also one that grows while it is read.
///
/// A file can report itself regular and still block on open or read without end
/// (`/proc/kmsg`, a file under a lease, a hung network mount): the read runs on a thread of
/// its own and the caller waits at most `timeout`. The error then says so (kind `TimedOut`);
/// the thread is left blocked, and ends with the process.
pub fn read_regular(path: &Path, limit: u64, timeout: Duration) -> std::io::Result<Vec<u8>> {
    let owned = path.to_path_buf();
    within(read_timeout(timeout), move || {
        read_regular_now(&owned, limit)
    })
}

/// Runs `work` (a read that may block) on a thread of its own and waits at most `timeout`
/// for it. Past that, the error says the read timed out (kind `TimedOut`); the thread is
/// left to finish or block, and ends with the process. Without a thread to be had (a
/// process limit), `work` runs here.
pub fn within<T: Send + 'static>(
    timeout: Duration,
    work: impl FnOnce() -> std::io::Result<T> + Send + 'static,
) -> std::io::Result<T> {
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    let work = std::sync::Arc::new(std::sync::Mutex::new(Some(work)));
    let theirs = work.clone();
    let spawned = std::thread::Builder::new()
        .name("callread-read".into())
        .spawn(move || {
            let work = theirs.lock().ok().and_then(|mut w| w.take());
            if let Some(work) = work {
                let _ = tx.send(work());
            }
        });
    if spawned.is_err() {
        let work = work.lock().ok().and_then(|mut w| w.take());
        return work.map_or_else(
            || Err(std::io::Error::other("cannot start a read")),
            |w| w(),
        );
    }
    match rx.recv_timeout(timeout) {
        Ok(result) => result,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Err(std::io::Error::new(
            std::io::ErrorKind::TimedOut,
            format!(
                "reading timed out after {} s (is it a device or a pipe?)",
                timeout.as_secs_f64()
            ),
        )),
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
            Err(std::io::Error::other("the reading thread stopped"))
        }
    }
}

/// [`read_regular`] on the calling thread, without a timeout.
fn read_regular_now(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let meta = fs::metadata(path)?;
    if meta.is_dir() {
        return Err(std::io::Error::other("is a directory"));
    }
    if !meta.is_file() {
        return Err(std::io::Error::other(
            "not a regular file (a device, FIFO or socket); only files are read",
        ));
    }
    let too_big = || {
        std::io::Error::other(format!(
            "larger than the {} MB a file may have here",
            limit >> 20
        ))
    };
    if meta.len() > limit {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    fs::File::open(path)?
        .take(limit + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_big());
    }
    Ok(bytes)
}

/// Reads and parses one file. `X.txt` with a translation `X.zh.txt` beside it is read as one
/// bilingual call ([`load_with_translation`]).
pub fn load_file(path: &Path) -> Result<Transcript, LoadError> {
    if let Some(zh) = translation_beside(path) {
        return load_with_translation(path, &zh);
    }
    load_one(path)
}

/// True for a translation made elsewhere, named after its English: `X.zh.txt`.
pub fn is_translation_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.to_ascii_lowercase().ends_with(".zh.txt"))
}

/// The translation beside an English transcript `X.txt`: `X.zh.txt`, if it is a file.
pub fn translation_beside(path: &Path) -> Option<PathBuf> {
    if is_translation_file(path) {
        return None;
    }
    let name = path.file_name()?.to_str()?;
    let stem = name
        .strip_suffix(".txt")
        .or_else(|| name.strip_suffix(".TXT"))?;
    let zh = path.with_file_name(format!("{stem}.zh.txt"));
    zh.is_file().then_some(zh)
}

/// Reads an English transcript and its translation made elsewhere (`--zh`, or `X.zh.txt`
/// beside `X.txt`) as one bilingual call: the paragraphs are paired by
/// [`crate::transcript::translation::attach`]. A pairing that leaves more than a tenth of
/// the English without a translation says so in the transcript's warnings.
pub fn load_with_translation(en: &Path, zh: &Path) -> Result<Transcript, LoadError> {
    let mut t = load_one(en)?;
    let text = read_text(zh)?;
    let pairing = crate::transcript::translation::attach(&mut t, &text);
    if pairing.paired * 10 < pairing.english * 9 {
        t.warnings.push(format!(
            "{}: only {} of {} English paragraphs found a translation",
            zh.display(),
            pairing.paired,
            pairing.english
        ));
    }
    Ok(t)
}

/// Reads and parses one file, alone.
fn load_one(path: &Path) -> Result<Transcript, LoadError> {
    let name = path.display().to_string();
    let bytes = read_regular(path, MAX_TRANSCRIPT_BYTES, TRANSCRIPT_READ_TIMEOUT).map_err(|e| {
        LoadError::Io {
            path: name.clone(),
            reason: e,
        }
    })?;
    load_bytes(bytes, &name)
}

/// A transcript file's text, decoded (any encoding `text::decode` reads), without parsing
/// it: what `callread search` streams through line by line.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let name = path.display().to_string();
    let bytes = read_regular(path, MAX_TRANSCRIPT_BYTES, TRANSCRIPT_READ_TIMEOUT).map_err(|e| {
        LoadError::Io {
            path: name.clone(),
            reason: e,
        }
    })?;
    let (text, _) = crate::text::decode(bytes).map_err(|e| LoadError::Decode {
        path: name,
        reason: e,
    })?;
    Ok(text)
}

/// The bundled sample transcripts, parsed.
pub fn bundled() -> Vec<Transcript> {
    BUNDLED
        .iter()
        .filter_map(|(name, text)| {
            load_bytes(text.as_bytes().to_vec(), &format!("bundled/{name}")).ok()
        })
        .collect()
}

/// A `*.json` file of speaker turns (`"prepared_remarks"`, `"q_and_a"` in its first 16 KB):
/// a transcript in a directory. Other JSON files there are not.
fn is_turn_json(path: &Path) -> bool {
    use std::io::Read;
    let json = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let hidden = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'));
    if !json || hidden {
        return false;
    }
    // A read that blocks (a hung mount) is given up, as every read here is.
    let owned = path.to_path_buf();
    let head = within(read_timeout(SETTINGS_READ_TIMEOUT), move || {
        let mut head = Vec::with_capacity(16 << 10);
        fs::File::open(&owned)?
            .take(16 << 10)
            .read_to_end(&mut head)?;
        Ok(head)
    });
    head.is_ok_and(|head| {
        [&b"\"prepared_remarks\""[..], b"\"q_and_a\""]
            .iter()
            .any(|k| head.windows(k.len()).any(|w| w == *k))
    })
}

/// Files that count as transcripts when a directory is opened.
fn is_transcript_file(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'));
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    !hidden && matches!(ext.as_deref(), Some("txt" | "md" | "text"))
}

/// Expands the command-line paths into transcript files: files as given, directories
/// recursively with their transcript files sorted by path.
pub fn expand_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    let mut out = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|e| LoadError::Io {
            path: path.display().to_string(),
            reason: e,
        })?;
        if meta.is_dir() {
            let before = out.len();
            walk(path, &mut out).map_err(|e| LoadError::Io {
                path: path.display().to_string(),
                reason: e,
            })?;
            out[before..].sort();
            // A translation beside its English is read with it, not as a call of its own.
            let listed: std::collections::HashSet<PathBuf> =
                out[before..].iter().cloned().collect();
            let mut k = before;
            while k < out.len() {
                let partner = out[k].file_name().and_then(|n| n.to_str()).and_then(|n| {
                    let lower = n.to_ascii_lowercase();
                    lower
                        .ends_with(".zh.txt")
                        .then(|| out[k].with_file_name(format!("{}.txt", &n[..n.len() - 7])))
                });
                if partner.is_some_and(|p| listed.contains(&p)) {
                    out.remove(k);
                } else {
                    k += 1;
                }
            }
            if out.len() == before {
                return Err(LoadError::EmptyDirectory {
                    path: path.display().to_string(),
                });
            }
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            if !path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
            {
                walk(&path, out)?;
            }
        } else if is_transcript_file(&path) || (kind.is_file() && is_turn_json(&path)) {
            out.push(path);
        }
    }
    Ok(())
}

/// What loading several paths produced: the transcripts, and the files inside directories that
/// were skipped (a named file that fails is an error instead).
#[derive(Debug, Default)]
pub struct Loaded {
    /// Parsed transcripts, in command-line then name order.
    pub transcripts: Vec<Transcript>,
    /// Files found in directories that could not be read, with why.
    pub skipped: Vec<LoadError>,
    /// Files named explicitly, among other inputs, that could not be read, with why: the
    /// others are still read, and the command says so and ends with exit code 1.
    pub failed: Vec<LoadError>,
}

/// Loads every path: a file found inside a directory is skipped with a warning when it fails;
/// a file named explicitly that fails is the error when it is the only input, and among others
/// is listed in [`Loaded::failed`] while the rest load. `progress` is called after each file
/// with (done, total).
pub fn load_paths(
    paths: &[PathBuf],
    mut progress: impl FnMut(usize, usize),
) -> Result<Loaded, LoadError> {
    let mut loaded = Loaded::default();
    let mut files = Vec::new();
    for path in paths {
        let explicit = !path.is_dir();
        files.extend(
            expand_paths(std::slice::from_ref(path))?
                .into_iter()
                .map(|p| (p, explicit)),
        );
    }
    let total = files.len();
    for (n, (file, explicit)) in files.into_iter().enumerate() {
        match load_file(&file) {
            Ok(t) => loaded.transcripts.push(t),
            Err(e) if explicit && total == 1 => return Err(e),
            Err(e) if explicit => loaded.failed.push(e),
            Err(e) => loaded.skipped.push(e),
        }
        progress(n + 1, total);
    }
    Ok(loaded)
}

/// A stable 64-bit hash of a file's bytes (stable across runs and versions, unlike the
/// standard library's hasher): FNV-1a over 8-byte words with a final mix, so a 100 KB
/// transcript hashes in microseconds. Identifies a file, not a security boundary.
pub fn content_hash(bytes: &[u8]) -> u64 {
    const PRIME: u64 = 0x100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        h = (h ^ word).wrapping_mul(PRIME).rotate_left(29);
    }
    for &b in chunks.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(PRIME);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}
