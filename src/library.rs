//! Loading transcripts: files, directories and the bundled samples.

use std::fs;
use std::path::{Path, PathBuf};

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

/// Reads a regular file of at most `limit` bytes. Devices (`/dev/zero`), FIFOs and sockets
/// are refused before they are opened (opening a FIFO waits for a writer; a device never
/// ends), and a file larger than `limit` is refused, also one that grows while it is read.
pub fn read_regular(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
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

/// Reads and parses one file.
pub fn load_file(path: &Path) -> Result<Transcript, LoadError> {
    let name = path.display().to_string();
    let bytes = read_regular(path, MAX_TRANSCRIPT_BYTES).map_err(|e| LoadError::Io {
        path: name.clone(),
        reason: e,
    })?;
    load_bytes(bytes, &name)
}

/// A transcript file's text, decoded (any encoding `text::decode` reads), without parsing
/// it: what `callread search` streams through line by line.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let name = path.display().to_string();
    let bytes = read_regular(path, MAX_TRANSCRIPT_BYTES).map_err(|e| LoadError::Io {
        path: name.clone(),
        reason: e,
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
        } else if is_transcript_file(&path) {
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
}

/// Loads every path: a file that was named explicitly must load, a file found inside a
/// directory is skipped with a warning when it fails. `progress` is called after each file
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
            Err(e) if explicit => return Err(e),
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
