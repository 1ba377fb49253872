//! The loaded calls: their titles and order, the picker's matches, and the saved reading state
//! each call adopts.

use super::{AppState, Doc, Overlay};
use crate::transcript::Transcript;

/// "Zoom, Q2 FY2025 call": a call by company and period (the file name without a company).
pub fn call_title(company: Option<&str>, period: Option<&str>, file: &str) -> String {
    match (company, period) {
        (Some(c), Some(p)) => format!("{c}, {p} call"),
        (Some(c), None) => c.to_string(),
        (None, Some(p)) => format!("{file}, {p} call"),
        (None, None) => file.to_string(),
    }
}

/// The bundled call whose content has state key `key`: (its index in
/// [`crate::library::BUNDLED`], its title).
pub(super) fn bundled_call(key: &str) -> Option<(usize, String)> {
    static TITLES: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    let titles = TITLES.get_or_init(|| {
        crate::library::BUNDLED
            .iter()
            .map(|(name, text)| {
                let key = crate::state::key(crate::library::content_hash(text.as_bytes()));
                let t = crate::library::load_bytes(text.as_bytes().to_vec(), name).ok();
                let title = match t {
                    Some(t) => {
                        let period = crate::guidance::call_period(&t).label();
                        call_title(t.company().as_deref(), period.as_deref(), name)
                    }
                    None => name.to_string(),
                };
                (key, title)
            })
            .collect()
    });
    titles
        .iter()
        .position(|(k, _)| k == key)
        .map(|i| (i, titles[i].1.clone()))
}

/// (fiscal year, quarter) of a period label ("Q2 FY2025" → (2025, 2); "FY2024" → (2024, 0)),
/// for ordering calls.
fn period_key(label: &str) -> (u16, u8) {
    let number = |prefix: &str| {
        label
            .split_whitespace()
            .find_map(|w| w.strip_prefix(prefix)?.parse::<u16>().ok())
    };
    let year = number("FY").unwrap_or(0);
    let quarter = number("Q").map_or(0, |q| q.min(9) as u8);
    (year, quarter)
}

impl AppState {
    /// Gives every open transcript its saved place and bookmarks.
    pub fn adopt_saved(&mut self) {
        for i in 0..self.docs.len() {
            self.adopt_saved_doc(i);
        }
    }

    fn adopt_saved_doc(&mut self, i: usize) {
        let Some(doc) = self.docs.get_mut(i) else {
            return;
        };
        let Some(saved) = self.saved.get(&doc.key) else {
            return;
        };
        doc.cursor = saved.cursor.min(doc.len().saturating_sub(1));
        doc.saved_cursor = Some(saved.cursor);
        doc.bookmarks = saved
            .bookmarks
            .iter()
            .filter(|b| b.paragraph < doc.len())
            .cloned()
            .collect();
        doc.dismissed = saved.dismissed.clone();
        doc.layout = None;
    }

    /// The reading positions that moved since they were saved, as changes to save.
    pub fn cursor_changes(&mut self) -> Vec<crate::state::Change> {
        let mut out = Vec::new();
        for d in &mut self.docs {
            if d.saved_cursor != Some(d.cursor) {
                out.push(crate::state::Change::Cursor {
                    key: d.key.clone(),
                    name: d.transcript.file_name().to_string(),
                    cursor: d.cursor,
                });
                d.saved_cursor = Some(d.cursor);
            }
        }
        out
    }

    /// Adds a transcript loaded in the background (or opened from the bookmark list).
    pub fn push_doc(&mut self, t: Transcript) {
        self.docs.push(Doc::new(t));
        self.adopt_saved_doc(self.docs.len() - 1);
        if self.docs.len() == 1 {
            self.show_doc(0);
        }
        self.land_on_pending(self.docs.len() - 1);
    }

    /// The file named by [`AppState::open_request`] could not be read: says so.
    pub fn open_failed(&mut self, error: &str) {
        self.pending_bookmark = None;
        self.message = Some(format!("could not open the bookmarked call: {error}"));
    }

    /// Every transcript by company, then call period (oldest first), then file name: how the
    /// picker lists them before anything is typed.
    pub fn calls_in_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.docs.len()).collect();
        order.sort_by_cached_key(|&i| self.call_order_key(i));
        order
    }

    /// Where the open call stands in [`AppState::calls_in_order`] (from 0): the status bar's
    /// "2/4" counts as the picker lists. One pass, no sort: it is drawn on every frame.
    pub fn call_position(&self) -> usize {
        let own = self.call_order_key(self.current);
        (0..self.docs.len())
            .filter(|&i| i != self.current && self.call_order_key(i) < own)
            .count()
    }

    fn call_order_key(&self, i: usize) -> (String, u16, u8, String, usize) {
        let d = &self.docs[i];
        let name = d
            .company
            .as_deref()
            .unwrap_or(d.transcript.file_name())
            .to_lowercase();
        let (year, quarter) = d.period().map_or((0, 0), period_key);
        (name, year, quarter, d.transcript.file_name().to_string(), i)
    }

    /// Indices of the transcripts matching the picker's query, best first (all, by company and
    /// call period, for an empty query). Matches company, period and file name as the search
    /// prompt matches text ([`crate::search::Query`], over fuzzy-matcher).
    pub fn picker_matches(&self) -> Vec<usize> {
        let Overlay::Picker { query, .. } = &self.overlay else {
            return Vec::new();
        };
        if query.is_empty() {
            return self.calls_in_order();
        }
        // The search prompt's matching: typed words ("q1" is no match for "Q4 FY2021"), each
        // term of "waters q1" somewhere in the title.
        let q = crate::search::Query::parse(query);
        let matcher = crate::search::matcher();
        let mut scored: Vec<(i64, usize)> = self
            .docs
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let title = d.title();
                q.score(&q.fold(&title), &matcher).map(|s| (s, i))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().map(|(_, i)| i).collect()
    }
}
