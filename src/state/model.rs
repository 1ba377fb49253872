//! What reading state is, without the file: bookmarks (on a pair or a sentence), per
//! transcript state, the state file's shape, the changes an instance makes and how they
//! apply and prune. Pure data; the store in the parent module reads and writes it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A bookmark on a paragraph pair, or on one sentence link of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// The paragraph pair (flat index).
    pub paragraph: usize,
    /// 1-based line of its English, for people reading the file.
    pub line: usize,
    /// A short note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The sentence bookmarked, when the sentence cursor was on one (the transcript is keyed
    /// by its content, so byte ranges stay right).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<SentenceMark>,
}

/// A sentence link of a pair: the byte ranges of its English and Chinese sentences (either
/// may be absent: a sentence with no counterpart).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceMark {
    /// The English sentences' byte range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<std::ops::Range<usize>>,
    /// The Chinese sentences' byte range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zh: Option<std::ops::Range<usize>>,
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
    /// Translation findings the reader dismissed, by [`crate::check::Finding::key`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed: Vec<String>,
    /// When it was last opened (seconds since 1970); entries written before this field
    /// existed start their count at the next save.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seen: Option<u64>,
    /// What the call is, for the bookmark list when it is not open: "Zoom, Q2 FY2025 call".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where it was opened from (an absolute path, or `bundled/NAME` for a bundled call), so
    /// the bookmark list can open it again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
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
    /// The reader's last searches, oldest first (at most [`SEARCHES_KEPT`]), for ↑ in the
    /// search prompt of a later session.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub searches: Vec<String>,
}

/// Most searches kept in the state file.
pub const SEARCHES_KEPT: usize = 50;

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
    /// A translation finding dismissed (`restore`: brought back).
    Dismiss {
        /// Content hash key.
        key: String,
        /// File name.
        name: String,
        /// The finding's key.
        finding: String,
        /// True to bring it back.
        restore: bool,
    },
    /// A search run (Enter in the search prompt).
    Search {
        /// The query as typed.
        query: String,
    },
    /// What a bookmarked call is and where it was opened from (for the bookmark list when it
    /// is not open).
    About {
        /// Content hash key.
        key: String,
        /// "Zoom, Q2 FY2025 call".
        title: String,
        /// The path it was opened from.
        source: String,
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
                t.seen = Some(now());
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
            Change::Dismiss {
                key,
                name,
                finding,
                restore,
            } => {
                let t = self.transcripts.entry(key.clone()).or_default();
                t.name = name.clone();
                t.dismissed.retain(|d| d != finding);
                if !restore {
                    t.dismissed.push(finding.clone());
                }
            }
            Change::Search { query } => {
                self.searches.retain(|q| q != query);
                self.searches.push(query.clone());
                let excess = self.searches.len().saturating_sub(SEARCHES_KEPT);
                self.searches.drain(..excess);
            }
            Change::About { key, title, source } => {
                let t = self.transcripts.entry(key.clone()).or_default();
                t.title = Some(title.clone());
                t.source = Some(source.clone());
            }
            Change::Remove { key, paragraph } => {
                if let Some(t) = self.transcripts.get_mut(key) {
                    t.bookmarks.retain(|b| b.paragraph != *paragraph);
                }
            }
        }
    }
}

impl StateFile {
    /// Forgets positions: of transcripts without bookmarks, those not seen for `max_age`
    /// seconds (never when `None`), then the oldest past [`MAX_POSITIONS`]. Entries with no
    /// date are dated `now`. Returns how many were dropped.
    pub fn prune(&mut self, now: u64, max_age: Option<u64>) -> usize {
        let before = self.transcripts.len();
        for t in self.transcripts.values_mut() {
            t.seen.get_or_insert(now);
        }
        if let Some(age) = max_age {
            self.transcripts.retain(|_, t| {
                !t.bookmarks.is_empty()
                    || !t.dismissed.is_empty()
                    || t.seen.unwrap_or(now).saturating_add(age) >= now
            });
        }
        let mut plain: Vec<(u64, String)> = self
            .transcripts
            .iter()
            .filter(|(_, t)| t.bookmarks.is_empty() && t.dismissed.is_empty())
            .map(|(k, t)| (t.seen.unwrap_or(now), k.clone()))
            .collect();
        if plain.len() > MAX_POSITIONS {
            plain.sort();
            for (_, k) in &plain[..plain.len() - MAX_POSITIONS] {
                self.transcripts.remove(k);
            }
        }
        before - self.transcripts.len()
    }
}

/// Most reading positions kept for transcripts without bookmarks.
pub const MAX_POSITIONS: usize = 10_000;

/// Seconds since 1970.
pub(super) fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
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
