//! The reader's state and its one update function. No I/O and no drawing happen here, so
//! every behaviour can be driven by a script of actions in tests.

pub mod action;
pub mod doc;
pub mod layout;
mod nav;
mod overlays;

pub use action::Action;
pub use doc::Doc;
pub use layout::{DocLayout, LayoutMode};
pub use overlays::sidebar_rows;
pub use overlays::{PROMPT_MAX, SEARCH_LIST_LIMIT};
use overlays::{
    update_bookmarks, update_list, update_note, update_picker, update_search, update_sidebar,
};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::transcript::Transcript;

/// Smallest terminal the reader draws in; below it a message says so.
pub const MIN_SIZE: (u16, u16) = (20, 5);

/// What is drawn over the reader.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Overlay {
    /// Nothing.
    #[default]
    None,
    /// The help screen.
    Help,
    /// The translation findings of the cursor's paragraph, in full.
    Findings,
    /// The guidance history of one sequence of [`AppState::ledger`], as bars call by call.
    History {
        /// Index into the ledger's sequences.
        sequence: usize,
    },
    /// The participants panel, with the selected row.
    Participants {
        /// Selected row of [`crate::speakers::participants`].
        selected: usize,
    },
    /// The list of analyst questions, with the selected row.
    Questions {
        /// Selected row of [`crate::speakers::questions`].
        selected: usize,
    },
    /// The call's names and terms, one row per rendering, with the selected row.
    Terms {
        /// (label, the pairs with that rendering) per row.
        rows: Vec<(String, Vec<usize>)>,
        /// The selected row.
        selected: usize,
    },
    /// The search prompt with live results ([`AppState::search_hits`]).
    Search {
        /// What has been typed.
        query: String,
        /// The selected result.
        selected: usize,
        /// Search every loaded transcript, not only the current one.
        all: bool,
    },
    /// Editing the note of the current paragraph's bookmark.
    Note {
        /// The text so far.
        text: String,
    },
    /// The `:` prompt: a line of the source file to go to.
    GoTo {
        /// The text so far.
        text: String,
    },
    /// All bookmarks of the loaded transcripts.
    Bookmarks {
        /// The selected row.
        selected: usize,
    },
    /// The transcript picker with its filter and the selected row of the filtered list.
    Picker {
        /// What has been typed.
        query: String,
        /// The selected row of [`AppState::picker_matches`].
        selected: usize,
    },
}

/// Colours or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeKind {
    /// The default colour theme, for dark terminals.
    #[default]
    Dark,
    /// For light terminals.
    Light,
    /// No colours: bold, reverse and underline only (NO_COLOR).
    Monochrome,
}

/// Where the last frame drew what a click can select: the reader's panes, and a list with
/// the index of its first visible entry. Written by the renderer (hence a `Cell` in the
/// state), read by [`Action::Click`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HitAreas {
    /// The panes.
    pub reader: Option<ratatui::layout::Rect>,
    /// The list's rows, and the index of the entry on the first.
    pub list: Option<(ratatui::layout::Rect, usize)>,
}

/// The whole state of the reader.
#[derive(Debug, Default)]
pub struct AppState {
    /// Open transcripts.
    pub docs: Vec<Doc>,
    /// Index of the transcript shown.
    pub current: usize,
    /// Layout mode.
    pub mode: LayoutMode,
    /// Chinese on the left.
    pub swapped: bool,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// What is drawn over the reader.
    pub overlay: Overlay,
    /// A one-off message for the status bar, cleared by the next action.
    pub message: Option<String>,
    /// Set when the app should exit.
    pub quit: bool,
    /// Colours.
    pub theme: ThemeKind,
    /// Text the event loop should put on the clipboard.
    pub clipboard: Option<String>,
    /// (loaded, total) while transcripts are still loading.
    pub loading: Option<(usize, usize)>,
    /// The results listed under the search prompt, in reading order (the best one selected).
    pub search_hits: Vec<crate::search::Hit>,
    /// The last confirmed search, for `n` / `N`: its text, scope and every hit in reading order.
    pub last_search: Option<(String, bool, Vec<crate::search::Hit>)>,
    /// The match to highlight in the panes.
    pub highlight: Option<crate::search::Hit>,
    /// The prompt's last query, scope and all its matches, for narrowing as the user types.
    search_cache: Option<(String, bool, Vec<crate::search::Hit>)>,
    /// Saved state of transcripts by key, read at start (empty with `--no-state`).
    pub saved: std::collections::HashMap<String, crate::state::TranscriptState>,
    /// Changes for the event loop to save.
    pub changes: Vec<crate::state::Change>,
    /// The guidance sidebar is open.
    pub sidebar: bool,
    /// Keys go to the sidebar rather than the reader.
    pub sidebar_focus: bool,
    /// The selected figure in the sidebar.
    pub sidebar_selected: usize,
    /// A guidance figure to highlight in both panes: (doc, paragraph, English ranges, Chinese ranges).
    pub figure_highlight: Option<FigureHighlight>,
    /// The sidebar's selection is on the selected figure's history line (the guide before it).
    pub sidebar_on_history: bool,
    /// The sidebar also lists the figures under the model's confidence threshold (dimmed);
    /// `f` with the sidebar focused toggles it.
    pub sidebar_unsure: bool,
    /// The guidance history of the loaded calls, with the number of transcripts it was built
    /// from (rebuilt when more have loaded).
    pub ledger: Option<(usize, crate::history::Ledger)>,
    /// The jump list, as in vim: where jumps came from, (transcript, paragraph), most recent
    /// last, for [`Action::Back`] (Ctrl-o).
    pub back: Vec<(usize, usize)>,
    /// Where Ctrl-o went back from, for going forward again (Tab / Ctrl-i with the sidebar
    /// closed).
    pub forward: Vec<(usize, usize)>,
    /// Set when the event loop should suspend the program (Ctrl-z).
    pub suspend: bool,
    /// The search prompt was just reopened with the last query: typing replaces it.
    pub prompt_fresh: bool,
    /// Confirmed searches, oldest first (Up/Down in a reopened prompt).
    pub search_history: Vec<String>,
    /// Where Up/Down are in the search history.
    pub history_pos: Option<usize>,
    /// How far the help screen is scrolled (when it has one column that does not fit).
    pub help_scroll: usize,
    /// The bookmark removed last, with its transcript, for `u`.
    pub removed_bookmark: Option<(usize, crate::state::Bookmark)>,
    /// The sentence cursor (`(` / `)`): (transcript, paragraph, link of its alignment).
    pub sentence: Option<(usize, usize, usize)>,
    /// A count prefix being typed (`5` of `5j`).
    pub count: Option<usize>,
    /// `callread +N`: the source line to open at, taken at the first size the terminal gives.
    pub start_line: Option<usize>,
    /// What the last frame drew where (for clicks).
    pub hit_areas: std::cell::Cell<HitAreas>,
    /// The bindings in force (the config's), for the hints on screen.
    pub keys: crate::keymap::Keymap,
    /// The row of the terms list last jumped from (the list reopens there).
    pub terms_selected: usize,
    /// The finding dismissed last, with its transcript, for `u`.
    pub dismissed_last: Option<(usize, String)>,
    /// Set while the event loop applies a burst of input: prompt edits then rerun the search
    /// once, at the end of the burst ([`AppState::end_batch`]), not once per character.
    pub batching: bool,
    /// The prompt's text changed while batching; its results are not recomputed yet.
    search_stale: bool,
    /// How many times the prompt's results were computed (what batching saves is counted).
    pub search_runs: usize,
    /// The filter typed into a list after `/` (participants, questions, terms): None when
    /// none is being typed or kept.
    pub list_filter: Option<String>,
    /// The calls whose title and path were queued for saving this session.
    pub about_sent: std::collections::HashSet<String>,
    /// A file the event loop should load and add (a bookmark of a call not open was chosen).
    pub open_request: Option<std::path::PathBuf>,
    /// The bookmark to show once its call has been added: (state key, bookmark).
    pub pending_bookmark: Option<(String, crate::state::Bookmark)>,
    /// Why bookmarks and notes are not saved (`--no-state`, a state file that cannot be
    /// used); None when they are. The reader prints them at exit instead.
    pub unsaved: Option<String>,
}

/// A guidance figure highlighted in both panes: (doc, paragraph, English byte ranges, Chinese
/// byte ranges).
pub type FigureHighlight = (
    usize,
    usize,
    Vec<std::ops::Range<usize>>,
    Vec<std::ops::Range<usize>>,
);

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
fn bundled_call(key: &str) -> Option<(usize, String)> {
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

/// The sidebar's width for a terminal width, or 0 when it does not fit: below
/// [`SIDEBAR_MIN_TERMINAL`] columns it gives way to the panes.
pub fn sidebar_width(total: u16) -> u16 {
    if total < SIDEBAR_MIN_TERMINAL {
        0
    } else {
        (total / 3).clamp(38, 60)
    }
}

/// Narrowest terminal that shows the sidebar beside the panes.
pub const SIDEBAR_MIN_TERMINAL: u16 = 100;

impl AppState {
    /// A reader over these transcripts.
    pub fn new(transcripts: Vec<Transcript>) -> Self {
        let mut state = AppState {
            docs: transcripts.into_iter().map(Doc::new).collect(),
            ..Default::default()
        };
        if let Some(first) = state.docs.first_mut() {
            first.analyse();
        }
        state.tell_untranslated();
        state
    }

    /// The status bar says once per call that an English-only call has no translation (its
    /// checks and Chinese layouts have nothing to show), unless it has something else to say.
    fn tell_untranslated(&mut self) {
        let Some(doc) = self.docs.get_mut(self.current) else {
            return;
        };
        if doc.transcript.bilingual || doc.told_untranslated || self.message.is_some() {
            return;
        }
        doc.told_untranslated = true;
        self.message = Some("English only: this call has no translation".into());
    }

    /// Work done between keys: a step of a large transcript's layout, and findings computed on
    /// another thread collected. Returns (layout steps remain: the event loop does not sleep,
    /// findings are still coming: it wakes soon to collect them).
    pub fn idle_work(&mut self) -> (bool, bool) {
        let mut waiting = false;
        for doc in &mut self.docs {
            if doc.poll_analysis() {
                self.ledger = None;
            }
            waiting |= doc.analysing();
        }
        let mut steps = false;
        if let Some(doc) = self.docs.get_mut(self.current)
            && let Some(layout) = &mut doc.layout
            && !layout.complete(&doc.transcript)
        {
            steps = !layout.extend(&doc.transcript, doc::LAYOUT_STEP);
        }
        (steps, waiting)
    }

    /// Starts a burst of input (see [`AppState::batching`]).
    pub fn begin_batch(&mut self) {
        self.batching = true;
    }

    /// Brings the prompt's results up to date with its text (before an action that uses them).
    pub fn settle_search(&mut self) {
        if std::mem::take(&mut self.search_stale) {
            let batching = std::mem::take(&mut self.batching);
            self.run_search();
            self.batching = batching;
        }
    }

    /// Ends a burst of input: the search runs once for all the edits in it.
    pub fn end_batch(&mut self) {
        self.batching = false;
        self.settle_search();
    }

    /// True while a prompt (search, picker, note) takes typed text.
    pub fn prompt_open(&self) -> bool {
        matches!(
            self.overlay,
            Overlay::Search { .. }
                | Overlay::Picker { .. }
                | Overlay::Note { .. }
                | Overlay::GoTo { .. }
        )
    }

    /// Dismisses the findings on the current pair: no longer counted, marked or walked, saved
    /// with the reading state; `u` brings them back.
    fn dismiss_finding(&mut self) {
        let current = self.current;
        let Some(doc) = self.docs.get_mut(current) else {
            return;
        };
        let keys: Vec<String> = doc.findings_at(doc.cursor).map(|f| f.key()).collect();
        if keys.is_empty() {
            self.message = Some("no finding on this paragraph to dismiss".into());
            return;
        }
        for k in &keys {
            doc.dismissed.push(k.clone());
            self.changes.push(crate::state::Change::Dismiss {
                key: doc.key.clone(),
                name: doc.transcript.file_name().to_string(),
                finding: k.clone(),
                restore: false,
            });
        }
        self.dismissed_last = keys.last().map(|k| (current, k.clone()));
        self.message = Some(format!(
            "dismissed {} finding{} here ({} brings {} back)",
            keys.len(),
            if keys.len() == 1 { "" } else { "s" },
            self.key(Action::Undo),
            if keys.len() == 1 { "it" } else { "the last" }
        ));
    }

    /// Bookmarks the current paragraph (the sentence under the sentence cursor, when it is
    /// on this pair), or removes its bookmark; on a bookmarked pair with the sentence cursor
    /// on another sentence, the bookmark (and its note) moves to that sentence.
    fn toggle_bookmark(&mut self) {
        let mark = self.sentence_mark();
        let which = self.sentence_label();
        let (undo, note, list) = (
            self.key(Action::Undo),
            self.key(Action::EditNote),
            self.key(Action::OpenBookmarks),
        );
        let Some(doc) = self.docs.get_mut(self.current) else {
            return;
        };
        let n = doc.cursor;
        let line = doc.paragraph(n).map_or(0, |(_, p)| p.line);
        match doc.bookmarks.iter().position(|b| b.paragraph == n) {
            Some(i) if mark.is_some() && doc.bookmarks[i].sentence != mark => {
                let mut moved = doc.bookmarks[i].clone();
                moved.sentence = mark;
                self.put_bookmark(self.current, moved);
                self.message = Some(format!("bookmark moved to {which}"));
            }
            Some(i) => {
                let removed = doc.bookmarks.remove(i);
                self.changes.push(crate::state::Change::Remove {
                    key: doc.key.clone(),
                    paragraph: n,
                });
                self.message = Some(if removed.note.is_some() {
                    format!(
                        "bookmark on ¶ {} and its note removed · {undo} undoes",
                        n + 1
                    )
                } else {
                    format!("bookmark on ¶ {} removed · {undo} undoes", n + 1)
                });
                self.removed_bookmark = Some((self.current, removed));
            }
            None => {
                self.put_bookmark(
                    self.current,
                    crate::state::Bookmark {
                        paragraph: n,
                        line,
                        note: None,
                        sentence: mark,
                    },
                );
                self.message = Some(match &self.unsaved {
                    Some(why) => format!(
                        "bookmarked {which}, not saved ({why}): printed when you quit, as callread export writes it"
                    ),
                    None => {
                        format!("bookmarked {which} ({note} adds a note, {list} lists bookmarks)")
                    }
                });
            }
        }
    }

    /// Once the cursor has left the sentence cursor's pair, the sentence cursor and its
    /// highlight go: nothing stays marked where the cursor is not, and `m` then bookmarks the
    /// cursor's paragraph, as the screen shows.
    fn drop_left_sentence(&mut self) {
        let Some((d, p, _)) = self.sentence else {
            return;
        };
        if (d, p) == self.position() {
            return;
        }
        self.sentence = None;
        if self
            .figure_highlight
            .as_ref()
            .is_some_and(|(fd, fp, _, _)| (*fd, *fp) == (d, p))
        {
            self.figure_highlight = None;
        }
    }

    /// The sentence under the sentence cursor on the current pair, as a bookmark keeps it.
    fn sentence_mark(&self) -> Option<crate::state::SentenceMark> {
        self.sentence_ranges()
            .map(|(en, zh)| crate::state::SentenceMark { en, zh })
    }

    /// What `M` writes the note of: the cursor's bookmark ("sentence 2 of ¶ 14" for a
    /// sentence bookmark, "¶ 14" for a paragraph's), or what `m` would bookmark.
    pub fn note_subject(&self) -> String {
        let Some(doc) = self.doc() else {
            return String::new();
        };
        let n = doc.cursor;
        match doc.bookmarks.iter().find(|b| b.paragraph == n) {
            Some(b) => match &b.sentence {
                Some(mark) => {
                    let k = self
                        .sentence_links(n)
                        .iter()
                        .position(|(en, zh)| *en == mark.en && *zh == mark.zh);
                    match k {
                        Some(k) => format!("sentence {} of ¶ {}", k + 1, n + 1),
                        None => format!("the bookmarked sentence of ¶ {}", n + 1),
                    }
                }
                None => format!("¶ {}", n + 1),
            },
            None => self.sentence_label(),
        }
    }

    /// "sentence 2 of ¶ 14" with the sentence cursor on the current pair, else "¶ 14".
    fn sentence_label(&self) -> String {
        let n = self.doc().map_or(0, |d| d.cursor);
        match self.sentence {
            Some((_, _, k)) if self.sentence_ranges().is_some() => {
                format!("sentence {} of ¶ {}", k + 1, n + 1)
            }
            _ => format!("¶ {}", n + 1),
        }
    }

    /// Jumps to pair `n` with the sentence cursor on the link `mark` names (a sentence
    /// bookmark), both its sentences highlighted.
    pub(super) fn go_to_sentence(&mut self, n: usize, mark: &crate::state::SentenceMark) {
        let links = self.sentence_links(n);
        let k = links
            .iter()
            .position(|(en, zh)| *en == mark.en && *zh == mark.zh);
        let en: Vec<_> = mark.en.clone().into_iter().collect();
        let zh: Vec<_> = mark.zh.clone().into_iter().collect();
        self.land_on_sentence(n, k, en, zh);
    }

    /// Jumps to pair `n` with `en` and `zh` highlighted and the sentence cursor on link `k`
    /// (none: the cursor is left off): what a sentence step, a sentence bookmark and an
    /// omission's sentence all land on.
    fn land_on_sentence(
        &mut self,
        n: usize,
        k: Option<usize>,
        en: Vec<std::ops::Range<usize>>,
        zh: Vec<std::ops::Range<usize>>,
    ) {
        self.highlight = None;
        self.jump_to_marks(n, &en, &zh);
        self.sentence = k.map(|k| (self.current, n, k));
        self.figure_highlight = Some((self.current, n, en, zh));
    }

    /// A left click: in a list, selects the entry clicked; in the panes, moves the cursor to
    /// the paragraph clicked (the view stays).
    fn click(&mut self, col: u16, row: u16) {
        let areas = self.hit_areas.get();
        let inside = |r: ratatui::layout::Rect| {
            col >= r.x && col < r.x + r.width && row >= r.y && row < r.y + r.height
        };
        if self.overlay != Overlay::None {
            if let Some((r, first)) = areas.list.filter(|(r, _)| inside(*r)) {
                // The row clicked, as an entry of the list (a filter hides some).
                let i = self
                    .list_entries()
                    .get(first + usize::from(row - r.y))
                    .copied()
                    .unwrap_or(usize::MAX);
                match &mut self.overlay {
                    Overlay::Participants { selected }
                    | Overlay::Questions { selected }
                    | Overlay::Bookmarks { selected }
                    | Overlay::Terms { selected, .. }
                    | Overlay::Picker { selected, .. } => *selected = i,
                    _ => {}
                }
                // Past the last entry: back to the last.
                self.apply_selection_bounds();
            }
            return;
        }
        let Some(r) = areas.reader.filter(|r| inside(*r)) else {
            return;
        };
        let Some(doc) = self.doc() else { return };
        let Some(layout) = &doc.layout else { return };
        let at = doc.scroll + usize::from(row - r.y);
        let block = layout.block_at(at);
        if let Some(b) = layout.blocks.get(block)
            && at >= b.top
            && at < b.top + b.height
            && let crate::app::layout::BlockKind::Pair(n) = b.kind
        {
            self.go_to(n);
        }
    }

    /// Selects entry `i` of the open list.
    fn select_entry(&mut self, i: usize) {
        if let Overlay::Participants { selected }
        | Overlay::Questions { selected }
        | Overlay::Bookmarks { selected }
        | Overlay::Terms { selected, .. }
        | Overlay::Picker { selected, .. } = &mut self.overlay
        {
            *selected = i;
        }
        self.apply_selection_bounds();
    }

    /// Keeps a list overlay's selection on an entry after a click below the last one.
    fn apply_selection_bounds(&mut self) {
        let Some(count) = self.list_len() else {
            return;
        };
        if let Overlay::Participants { selected }
        | Overlay::Questions { selected }
        | Overlay::Bookmarks { selected }
        | Overlay::Terms { selected, .. }
        | Overlay::Picker { selected, .. } = &mut self.overlay
        {
            *selected = (*selected).min(count.saturating_sub(1));
        }
    }

    /// How many entries the open list has (None when no list is open).
    pub(super) fn list_len(&self) -> Option<usize> {
        let doc = self.doc();
        Some(match &self.overlay {
            Overlay::Participants { .. } => {
                doc.map_or(0, |d| crate::speakers::participants(&d.transcript).len())
            }
            Overlay::Questions { .. } => {
                doc.map_or(0, |d| crate::speakers::questions(&d.transcript).len())
            }
            Overlay::Bookmarks { .. } => {
                self.all_bookmarks().len() + self.bookmarks_elsewhere().len()
            }
            Overlay::Terms { rows, .. } => rows.len(),
            Overlay::Picker { .. } => self.picker_matches().len(),
            _ => return None,
        })
    }

    /// `>` / `<`: the next or previous bookmark of this call in reading order (wrapping),
    /// at its sentence when it has one.
    fn step_bookmark(&mut self, forward: bool) {
        let Some(doc) = self.doc() else { return };
        let cursor = doc.cursor;
        let marks = &doc.bookmarks;
        if marks.is_empty() {
            self.message = Some(format!(
                "no bookmarks in this call: {} adds one",
                self.key(Action::ToggleBookmark)
            ));
            return;
        }
        let next = if forward {
            marks.iter().find(|b| b.paragraph > cursor)
        } else {
            marks.iter().rev().find(|b| b.paragraph < cursor)
        };
        let wrapped = next.is_none();
        let Some(b) = next
            .or(if forward { marks.first() } else { marks.last() })
            .cloned()
        else {
            return;
        };
        let k = marks.iter().position(|m| *m == b).unwrap_or(0);
        let total = marks.len();
        match &b.sentence {
            Some(mark) => self.go_to_sentence(b.paragraph, mark),
            None => self.jump_to(b.paragraph),
        }
        let note = b
            .note
            .as_deref()
            .map(|n| format!(": {n}"))
            .unwrap_or_default();
        self.message = Some(format!(
            "bookmark {} of {total}{}{note}",
            k + 1,
            if wrapped { " (wrapped)" } else { "" }
        ));
    }

    /// Goes to the pair holding line `line` (1-based) of the current call's source file: the
    /// last pair starting on or before it (the first pair for a line of the header). Returns
    /// false when the line is past the call's last paragraph.
    pub fn go_to_source_line(&mut self, line: usize) -> bool {
        let Some(doc) = self.doc() else { return false };
        let t = &doc.transcript;
        let end = t
            .paragraphs()
            .map(|(_, p)| p.line.max(p.zh_line.unwrap_or(0)))
            .max()
            .unwrap_or(0);
        if line > end {
            self.message = Some(format!(
                "line {line} is past the last paragraph of {} (line {end})",
                t.file_name()
            ));
            return false;
        }
        let n = t
            .paragraphs()
            .map(|(_, p)| p.line.min(p.zh_line.unwrap_or(usize::MAX)))
            .take_while(|start| *start <= line)
            .count()
            .saturating_sub(1);
        self.unhide(n);
        self.jump_to(n);
        self.message = Some(format!("line {line}: ¶ {}", n + 1));
        true
    }

    /// Adds (or replaces) a bookmark of transcript `doc` and queues it for saving.
    fn put_bookmark(&mut self, doc: usize, bookmark: crate::state::Bookmark) {
        let Some(d) = self.docs.get_mut(doc) else {
            return;
        };
        crate::state::put_bookmark(&mut d.bookmarks, bookmark.clone());
        self.changes.push(crate::state::Change::Put {
            key: d.key.clone(),
            name: d.transcript.file_name().to_string(),
            bookmark,
        });
        // What the call is and where it came from, for the bookmark list of a later session
        // that does not open it.
        let source = &d.transcript.source;
        let source = if source.starts_with("bundled/") {
            source.clone()
        } else {
            std::path::absolute(source).map_or_else(|_| source.clone(), |p| p.display().to_string())
        };
        let title = call_title(d.company.as_deref(), d.period(), d.transcript.file_name());
        let known = self.saved.get(&d.key).is_some_and(|t| {
            t.title.as_ref() == Some(&title) && t.source.as_ref() == Some(&source)
        });
        // Once a session is enough.
        if !known && self.about_sent.insert(d.key.clone()) {
            self.changes.push(crate::state::Change::About {
                key: d.key.clone(),
                title,
                source,
            });
        }
    }

    /// `u`: puts back the bookmark (and its note) removed last.
    fn undo_removal(&mut self) {
        if let Some((doc, key)) = self.dismissed_last.take() {
            if let Some(d) = self.docs.get_mut(doc) {
                d.dismissed.retain(|k| *k != key);
                self.changes.push(crate::state::Change::Dismiss {
                    key: d.key.clone(),
                    name: d.transcript.file_name().to_string(),
                    finding: key,
                    restore: true,
                });
            }
            self.message = Some("finding restored".into());
            return;
        }
        match self.removed_bookmark.take() {
            Some((doc, bookmark)) => {
                let n = bookmark.paragraph;
                self.put_bookmark(doc, bookmark);
                self.message = Some(format!("bookmark on ¶ {} restored", n + 1));
            }
            None => self.message = Some("nothing to undo".into()),
        }
    }

    /// Sets the note of the current paragraph's bookmark, bookmarking it if needed.
    fn set_note(&mut self, text: &str) {
        let subject = self.note_subject();
        let Some(doc) = self.docs.get_mut(self.current) else {
            return;
        };
        let n = doc.cursor;
        let line = doc.paragraph(n).map_or(0, |(_, p)| p.line);
        let note = Some(text.trim().to_string()).filter(|t| !t.is_empty());
        // A bookmark keeps its sentence; a new one takes the sentence cursor's.
        let sentence = match doc.bookmarks.iter().find(|b| b.paragraph == n) {
            Some(b) => b.sentence.clone(),
            None => self.sentence_mark(),
        };
        self.put_bookmark(
            self.current,
            crate::state::Bookmark {
                paragraph: n,
                line,
                note,
                sentence,
            },
        );
        self.message = Some(match &self.unsaved {
            Some(why) => format!(
                "note on {subject}, not saved ({why}): printed when you quit, as callread export writes it"
            ),
            None => format!("note saved on {subject}"),
        });
    }

    /// Saved bookmarks of transcripts that are not open: (the call's title, its state key,
    /// the bookmark), by title. The title is "Zoom, Q2 FY2025 call" (the file name for a
    /// bookmark saved before titles were kept, unless it is a bundled call).
    pub fn bookmarks_elsewhere(&self) -> Vec<(String, &str, &crate::state::Bookmark)> {
        let open: std::collections::HashSet<&str> =
            self.docs.iter().map(|d| d.key.as_str()).collect();
        let mut out: Vec<(String, &str, &crate::state::Bookmark)> = self
            .saved
            .iter()
            .filter(|(k, _)| !open.contains(k.as_str()))
            .flat_map(|(k, t)| {
                let title = t
                    .title
                    .clone()
                    .or_else(|| bundled_call(k).map(|(_, title)| title))
                    .unwrap_or_else(|| t.name.clone());
                t.bookmarks
                    .iter()
                    .map(move |b| (title.clone(), k.as_str(), b))
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.paragraph.cmp(&b.2.paragraph)));
        out
    }

    /// Opens the call a saved bookmark of a transcript not open belongs to, at the bookmark:
    /// a bundled call at once; a file through the event loop ([`AppState::open_request`]),
    /// the jump done when it has loaded ([`AppState::push_doc`]).
    pub(super) fn open_elsewhere(&mut self, key: &str, bookmark: crate::state::Bookmark) {
        if let Some((i, _)) = bundled_call(key) {
            let (name, text) = crate::library::BUNDLED[i];
            if let Ok(t) =
                crate::library::load_bytes(text.as_bytes().to_vec(), &format!("bundled/{name}"))
            {
                self.pending_bookmark = Some((key.to_string(), bookmark));
                self.push_doc(t);
            }
            return;
        }
        match self.saved.get(key).and_then(|t| t.source.clone()) {
            Some(path) => {
                self.pending_bookmark = Some((key.to_string(), bookmark));
                self.open_request = Some(std::path::PathBuf::from(path));
            }
            None => {
                let name = self.saved.get(key).map_or("", |t| t.name.as_str());
                self.message = Some(format!(
                    "{name} is not open and where it was is not known: callread FILE opens it at its bookmarks"
                ));
            }
        }
    }

    /// True when the call of saved state `key` can be opened from the bookmark list (a
    /// bundled call, or a file whose path was saved).
    pub fn can_open_elsewhere(&self, key: &str) -> bool {
        bundled_call(key).is_some() || self.saved.get(key).is_some_and(|t| t.source.is_some())
    }

    /// After a transcript was added: when it is the call a bookmark of the list was chosen
    /// for, show it at that bookmark.
    fn land_on_pending(&mut self, doc: usize) {
        let Some((key, bookmark)) = self.pending_bookmark.take() else {
            return;
        };
        if self.docs.get(doc).is_none_or(|d| d.key != key) {
            self.pending_bookmark = Some((key, bookmark));
            return;
        }
        let from = self.position();
        self.show_doc(doc);
        self.unhide(bookmark.paragraph);
        match &bookmark.sentence {
            Some(mark) => self.go_to_sentence(bookmark.paragraph, mark),
            None => self.jump_to(bookmark.paragraph),
        }
        self.record_jump(from);
        let title = self.docs[doc].short_title().to_string();
        self.message = Some(format!("opened {title} at ¶ {}", bookmark.paragraph + 1));
    }

    /// Every bookmark of the loaded transcripts: (doc, bookmark).
    pub fn all_bookmarks(&self) -> Vec<(usize, &crate::state::Bookmark)> {
        self.docs
            .iter()
            .enumerate()
            .flat_map(|(i, d)| d.bookmarks.iter().map(move |b| (i, b)))
            .collect()
    }

    /// The transcript shown, if any is loaded yet.
    pub fn doc(&self) -> Option<&Doc> {
        self.docs.get(self.current)
    }

    /// Columns for the panes: the terminal less the sidebar when it is shown.
    pub fn reader_width(&self) -> u16 {
        if self.sidebar {
            self.size.0 - sidebar_width(self.size.0)
        } else {
            self.size.0
        }
    }

    /// True when the sidebar is open and the terminal is wide enough to show it.
    pub fn sidebar_shown(&self) -> bool {
        self.sidebar && sidebar_width(self.size.0) > 0
    }

    /// Rows available for text: all but the status bar.
    pub fn view_rows(&self) -> usize {
        usize::from(self.size.1.saturating_sub(1))
    }

    /// True when the terminal is below [`MIN_SIZE`].
    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_SIZE.0 || self.size.1 < MIN_SIZE.1
    }

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
        order.sort_by_cached_key(|&i| {
            let d = &self.docs[i];
            let name = d
                .company
                .as_deref()
                .unwrap_or(d.transcript.file_name())
                .to_lowercase();
            let (year, quarter) = d.period().map_or((0, 0), period_key);
            (name, year, quarter, d.transcript.file_name().to_string(), i)
        });
        order
    }

    /// Indices of the transcripts matching the picker's query, best first (all, by company and
    /// call period, for an empty query). Matches company, period and file name with
    /// fuzzy-matcher.
    pub fn picker_matches(&self) -> Vec<usize> {
        let Overlay::Picker { query, .. } = &self.overlay else {
            return Vec::new();
        };
        if query.is_empty() {
            return self.calls_in_order();
        }
        let matcher = SkimMatcherV2::default().smart_case();
        let mut scored: Vec<(i64, usize)> = self
            .docs
            .iter()
            .enumerate()
            .filter_map(|(i, d)| matcher.fuzzy_match(&d.title(), query).map(|s| (s, i)))
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().map(|(_, i)| i).collect()
    }

    /// The layout the current transcript is shown in ([`LayoutMode::for_transcript`]).
    pub fn layout_mode(&self) -> LayoutMode {
        match self.doc() {
            Some(d) => self.mode.for_transcript(&d.transcript),
            None => self.mode,
        }
    }

    /// Builds the guidance history of the loaded calls once they have all loaded (and again when
    /// more have): every transcript's guidance is read for it.
    pub fn ensure_ledger(&mut self) {
        if self.loading.is_some()
            || self
                .ledger
                .as_ref()
                .is_some_and(|(n, _)| *n == self.docs.len())
        {
            return;
        }
        for doc in &mut self.docs {
            if doc.guidance.is_none() && !doc.analysing() {
                doc.guidance = Some(crate::guidance::extract(&doc.transcript));
            }
        }
        let library: Vec<(&Transcript, &[crate::guidance::GuidanceFigure])> = self
            .docs
            .iter()
            .map(|d| (&d.transcript, d.guidance.as_deref().unwrap_or(&[])))
            .collect();
        let ledger = crate::history::Ledger::build(&library);
        self.ledger = Some((self.docs.len(), ledger));
    }

    /// The guidance history, once built.
    pub fn history(&self) -> Option<&crate::history::Ledger> {
        self.ledger.as_ref().map(|(_, l)| l)
    }

    /// Opens the call where the guide before sidebar figure `i` was given, at that sentence with
    /// the figure highlighted in both panes; [`Action::Back`] returns.
    pub fn open_previous_guide(&mut self, i: usize) {
        let Some(point) = self
            .doc()
            .and_then(|d| d.guidance.as_ref()?.get(i))
            .and_then(|f| Some(self.history()?.previous(f)?.0.clone()))
        else {
            self.message = Some("no earlier guide for this figure".into());
            return;
        };
        let Some(target) = self
            .docs
            .iter()
            .position(|d| d.transcript.source == point.source)
        else {
            return;
        };
        self.show_figure(
            target,
            point.paragraph,
            vec![point.span.clone()],
            point.zh_spans.clone(),
        );
        // The sidebar follows to the earlier figure.
        if let Some(j) = self.doc().and_then(|d| {
            d.guidance
                .as_ref()?
                .iter()
                .position(|f| f.paragraph == point.paragraph && f.span.start == point.span.start)
        }) {
            self.sidebar_selected = j;
        }
        self.sidebar_on_history = false;
        self.message = Some(format!("{} · Backspace goes back", point.call));
    }

    /// Shows pair `n` of transcript `doc` near the top of the view with a guidance figure's
    /// ranges highlighted in both panes (a speaker filter hiding it is cleared).
    pub fn show_figure(
        &mut self,
        doc: usize,
        n: usize,
        en: Vec<std::ops::Range<usize>>,
        zh: Vec<std::ops::Range<usize>>,
    ) {
        self.show_doc(doc);
        self.unhide(n);
        self.relayout();
        self.jump_to_marks(n, &en, &zh);
        self.highlight = None;
        self.figure_highlight = Some((doc, n, en, zh));
    }

    /// Clears the speaker filter when it hides pair `n` of the current transcript.
    pub(crate) fn unhide(&mut self, n: usize) {
        let hidden = self.doc().is_some_and(|d| {
            d.filter
                .is_some_and(|f| d.transcript.turns[d.turn_of(n)].speaker != f)
        });
        if hidden {
            self.set_filter(None);
        }
    }

    /// Opens the history view of the selected sidebar figure (or the first figure of the
    /// cursor's paragraph when the sidebar is closed).
    pub fn open_history(&mut self) {
        self.ensure_ledger();
        let Some(doc) = self.doc() else { return };
        let figures = doc.guidance.as_deref().unwrap_or(&[]);
        let figure = if self.sidebar_shown() {
            figures.get(self.sidebar_selected)
        } else {
            figures.iter().find(|f| f.paragraph == doc.cursor)
        };
        let sequence = figure.and_then(|f| Some(self.history()?.locate(f)?.0));
        match sequence {
            Some(sequence) => self.overlay = Overlay::History { sequence },
            None => self.message = Some(match figure {
                Some(_) => {
                    "no history: this figure was not guided in another loaded call of the company"
                        .into()
                }
                None => format!(
                    "no guidance figure selected: {} opens the sidebar",
                    self.key(Action::ToggleSidebar)
                ),
            }),
        }
    }

    /// The key hints name for an action (see [`crate::keymap::Keymap::key`]).
    pub fn key(&self, action: Action) -> String {
        self.keys.key(action)
    }

    /// Where the cursor is: (transcript, paragraph).
    fn position(&self) -> (usize, usize) {
        (self.current, self.doc().map_or(0, |d| d.cursor))
    }

    /// Adds `from` to the jump list (a jump left it), forgetting the way forward.
    fn record_jump(&mut self, from: (usize, usize)) {
        const MAX_JUMPS: usize = 100;
        if self.back.last() != Some(&from) {
            self.back.push(from);
            if self.back.len() > MAX_JUMPS {
                self.back.remove(0);
            }
        }
        self.forward.clear();
    }

    /// Ctrl-o: back along the jump list (across calls too).
    pub fn go_back(&mut self) {
        let here = self.position();
        let Some(to) = self.back.pop() else {
            self.message = Some("nowhere to go back to".into());
            return;
        };
        self.forward.push(here);
        self.go_to_position(to);
        self.message = Some(format!(
            "back: {} more back, {} forward (Tab / Ctrl-i)",
            self.back.len(),
            self.forward.len()
        ));
    }

    /// Tab / Ctrl-i with the sidebar closed: forward again after Ctrl-o.
    pub fn go_forward(&mut self) {
        let here = self.position();
        let Some(to) = self.forward.pop() else {
            self.message = Some("nowhere to go forward to".into());
            return;
        };
        self.back.push(here);
        self.go_to_position(to);
    }

    fn go_to_position(&mut self, (doc, paragraph): (usize, usize)) {
        if doc >= self.docs.len() {
            return;
        }
        if doc != self.current {
            self.show_doc(doc);
        }
        self.figure_highlight = None;
        self.unhide(paragraph);
        self.jump_to(paragraph);
    }

    /// Shows transcript `doc`: its analyses (findings, guidance) start here, the one place
    /// they are computed (at once for a call, on another thread for a large transcript),
    /// then it is laid out.
    pub fn show_doc(&mut self, doc: usize) {
        if doc >= self.docs.len() {
            return;
        }
        self.current = doc;
        self.docs[doc].analyse();
        self.relayout();
        self.tell_untranslated();
    }

    /// Makes sure the current transcript is laid out for the current size and mode, keeping
    /// the cursor's paragraph at the same place on screen where possible.
    pub fn relayout(&mut self) {
        if self.sidebar {
            self.ensure_ledger();
        }
        let (width, mode, swapped, rows) = (
            self.reader_width(),
            self.layout_mode(),
            self.swapped,
            self.view_rows(),
        );
        let Some(doc) = self.docs.get_mut(self.current) else {
            return;
        };
        let filter = doc.filter;
        if doc.layout.as_ref().is_some_and(|l| {
            l.width == width && l.mode == mode && l.swapped == swapped && l.filter == filter
        }) {
            return;
        }
        let offset = doc
            .layout
            .as_ref()
            .and_then(|l| l.pair(doc.cursor))
            .map(|b| b.top as isize - doc.scroll as isize);
        let layout = if doc.is_large() {
            // The first screen at once (as far as the cursor); the rest between keys
            // ([`AppState::idle_work`]).
            let mut l = DocLayout::begin(&doc.transcript, width, mode, swapped, filter);
            l.extend(&doc.transcript, doc::LAYOUT_STEP);
            l.extend_to(&doc.transcript, doc.cursor, doc::LAYOUT_STEP);
            l
        } else {
            DocLayout::new(&doc.transcript, width, mode, swapped, filter)
        };
        doc.cursor = layout.nearest(doc.cursor);
        if let (Some(offset), Some(b)) = (offset, layout.pair(doc.cursor)) {
            let offset = offset.clamp(0, rows.saturating_sub(1) as isize) as usize;
            doc.scroll = b.top.saturating_sub(offset);
        }
        doc.layout = Some(layout);
        self.clamp_scroll();
        self.reveal_cursor();
    }

    /// The text `y` copies: the English and the Chinese of the current pair.
    pub fn pair_text(&self) -> Option<String> {
        let doc = self.doc()?;
        let (turn, p) = doc.paragraph(doc.cursor)?;
        let t = &doc.transcript;
        // A line to cite the quote by: who, which call, where in the file.
        let call = match (&doc.company, crate::guidance::call_period(t).label()) {
            (Some(c), Some(period)) => format!("{c} {period} call, "),
            (Some(c), None) => format!("{c}, "),
            _ => String::new(),
        };
        let cite = format!(
            "{} — {call}{}:{}",
            t.speakers[turn.speaker].name,
            t.file_name(),
            p.line
        );
        // With the sentence cursor on this pair, the sentence and its translation.
        let (en, zh) = match self.sentence_ranges() {
            Some((en, zh)) => (
                en.and_then(|r| p.en.as_deref().map(|t| &t[r])),
                zh.and_then(|r| p.zh.as_deref().map(|t| &t[r])),
            ),
            None => (p.en.as_deref(), p.zh.as_deref()),
        };
        let parts: Vec<&str> = [Some(cite.as_str()), en, zh]
            .into_iter()
            .flatten()
            .collect();
        Some(parts.join("\n\n"))
    }

    /// The sentence links of pair `n` of the current transcript, as byte ranges of each side
    /// (`None` for a side the link has no sentence of).
    #[allow(clippy::type_complexity)]
    pub(super) fn sentence_links(
        &self,
        n: usize,
    ) -> Vec<(
        Option<std::ops::Range<usize>>,
        Option<std::ops::Range<usize>>,
    )> {
        let Some((_, p)) = self.doc().and_then(|d| d.paragraph(n)) else {
            return Vec::new();
        };
        match (p.en.as_deref(), p.zh.as_deref()) {
            (Some(en), Some(zh)) => crate::align::link_ranges(en, zh),
            (Some(en), None) => crate::align::english_sentences(en)
                .into_iter()
                .map(|r| (Some(r), None))
                .collect(),
            (None, Some(zh)) => crate::align::chinese_sentences(zh)
                .into_iter()
                .map(|r| (None, Some(r)))
                .collect(),
            (None, None) => Vec::new(),
        }
    }

    /// The byte ranges of the sentence under the sentence cursor, when it is on the current
    /// pair.
    #[allow(clippy::type_complexity)]
    pub fn sentence_ranges(
        &self,
    ) -> Option<(
        Option<std::ops::Range<usize>>,
        Option<std::ops::Range<usize>>,
    )> {
        let doc = self.doc()?;
        let (d, p, k) = self.sentence?;
        if d != self.current || p != doc.cursor {
            return None;
        }
        self.sentence_links(p).into_iter().nth(k)
    }

    /// Jumps to pair `n` for its finding; when the finding names an English sentence (an
    /// omission's), the sentence cursor goes to it and it is highlighted with its Chinese, if
    /// any.
    fn jump_to_finding(&mut self, n: usize) {
        let named = self.doc().and_then(|d| {
            d.live_findings()
                .filter(|f| f.paragraph == n)
                .find_map(|f| f.sentence_range.clone())
        });
        let Some(range) = named else {
            self.jump_to(n);
            return;
        };
        let links = self.sentence_links(n);
        let k = links.iter().position(|(en, _)| {
            en.as_ref()
                .is_some_and(|e| e.start <= range.start && range.end <= e.end)
        });
        let zh: Vec<_> = k.and_then(|k| links[k].1.clone()).into_iter().collect();
        self.land_on_sentence(n, k, vec![range], zh);
    }

    /// Moves the sentence cursor one link forwards or backwards, on to the next or previous
    /// pair at the ends, and highlights the English sentence and its translation together.
    fn step_sentence(&mut self, forward: bool) {
        let Some(doc) = self.doc() else { return };
        let n = doc.cursor;
        let at = self
            .sentence
            .filter(|(d, p, _)| *d == self.current && *p == n)
            .map(|(_, _, k)| k);
        let links = self.sentence_links(n);
        let within = match (at, forward) {
            (Some(k), true) => (k + 1 < links.len()).then_some(k + 1),
            (Some(k), false) => k.checked_sub(1),
            (None, true) => (!links.is_empty()).then_some(0),
            (None, false) => links.len().checked_sub(1),
        };
        let (pair, k, links) = match within {
            Some(k) => (n, k, links),
            None => {
                self.step(if forward { 1 } else { -1 });
                let Some(m) = self.doc().map(|d| d.cursor).filter(|m| *m != n) else {
                    self.message = Some(if forward {
                        "last sentence".into()
                    } else {
                        "first sentence".into()
                    });
                    return;
                };
                let links = self.sentence_links(m);
                let k = if forward {
                    0
                } else {
                    links.len().saturating_sub(1)
                };
                (m, k, links)
            }
        };
        let Some((en, zh)) = links.get(k).cloned() else {
            return;
        };
        let lone = match (en.is_none(), zh.is_none()) {
            (false, true) => " · no Chinese counterpart",
            (true, false) => " · no English counterpart",
            _ => "",
        };
        let (en, zh): (Vec<_>, Vec<_>) = (en.into_iter().collect(), zh.into_iter().collect());
        self.land_on_sentence(pair, Some(k), en, zh);
        self.message = Some(format!(
            "sentence {} of {} in ¶ {}{lone} ({} and {} move, {} copies it)",
            k + 1,
            links.len(),
            pair + 1,
            self.key(Action::PrevSentence),
            self.key(Action::NextSentence),
            self.key(Action::CopyPair)
        ));
    }
}

/// The largest count prefix kept (`99999j` moves at most this many).
pub const MAX_COUNT: usize = 9_999;

/// Applies one action to the state, a count prefix included: digits build the count, the
/// next movement runs that many times, and `G` / `g` with a count go to that paragraph.
pub fn update(state: &mut AppState, action: Action) {
    if let Action::Count(d) = action {
        let n = (state.count.unwrap_or(0) * 10 + usize::from(d)).min(MAX_COUNT);
        state.count = Some(n);
        state.message = Some(format!("{n}"));
        // In a list the number selects that entry (1 the first); Enter then chooses it.
        if state.overlay != Overlay::None
            && let Some(len) = state.list_len()
        {
            state.select_entry(n.clamp(1, len.max(1)) - 1);
            state.message = Some(format!("{n}: Enter chooses it"));
        }
        return;
    }
    let from = state.position();
    let from_help = state.overlay == Overlay::Help;
    run_counted(state, action);
    state.drop_left_sentence();
    // Jumps (not steps) go on the jump list: `]`, `Q`, `!`, `n`, `G`, `>`, and every choice
    // made in a list, a prompt or the sidebar that moved the cursor.
    let jumped = action.is_jump() || (action == Action::Confirm && !from_help);
    if jumped && state.position() != from {
        state.record_jump(from);
    }
}

/// [`update`] with the count prefix applied.
fn run_counted(state: &mut AppState, action: Action) {
    let Some(n) = state
        .count
        .take()
        .filter(|_| state.overlay == Overlay::None)
    else {
        return apply(state, action);
    };
    // The count shown while it was typed goes with the key that used it.
    if !matches!(action, Action::Resize(..)) {
        state.message = None;
    }
    match action {
        Action::Bottom | Action::Top => {
            let pairs = state.doc().map_or(0, |d| d.transcript.paragraph_count());
            state.jump_to(n.clamp(1, pairs.max(1)) - 1);
        }
        a if a.repeats() => {
            for _ in 0..n {
                apply(state, a);
            }
        }
        a => apply(state, a),
    }
}

/// Whether the open overlay (or the focused sidebar) took an action, or the reader should.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Handled {
    /// Done; the reader does nothing more.
    Yes,
    /// Not for the overlay: the reader's keys apply.
    No,
}

impl From<bool> for Handled {
    fn from(taken: bool) -> Self {
        if taken { Handled::Yes } else { Handled::No }
    }
}

/// Gives an action to what is open over the reader: one place that knows every overlay.
fn update_overlay(state: &mut AppState, action: Action) -> Handled {
    match state.overlay {
        Overlay::Picker { .. } => update_picker(state, action).into(),
        Overlay::Search { .. } => update_search(state, action).into(),
        Overlay::Note { .. } | Overlay::GoTo { .. } => update_note(state, action).into(),
        Overlay::Bookmarks { .. } => update_bookmarks(state, action).into(),
        Overlay::Participants { .. } | Overlay::Questions { .. } | Overlay::Terms { .. } => {
            update_list(state, action).into()
        }
        Overlay::History { .. } => match action {
            Action::Resize(..) => Handled::No,
            Action::Quit | Action::Cancel | Action::OpenHistory => {
                state.overlay = Overlay::None;
                Handled::Yes
            }
            _ => Handled::Yes,
        },
        Overlay::Help | Overlay::Findings => update_help(state, action),
        Overlay::None if state.sidebar_focus => update_sidebar(state, action).into(),
        Overlay::None => Handled::No,
    }
}

/// The help screen and the findings popup: j/k scroll a help screen too long for its
/// terminal; any other key closes them (`d` in the findings popup dismisses them too).
fn update_help(state: &mut AppState, action: Action) -> Handled {
    let help_scrolls = state.overlay == Overlay::Help && {
        // Drawn over the terminal less the status row.
        let rows = crate::keymap::Keymap::default().help_rows().len();
        crate::keymap::help_shape(state.size.0, state.size.1.saturating_sub(1), rows).1
    };
    if help_scrolls {
        match action {
            Action::NextParagraph
            | Action::SelectNext
            | Action::HalfPageDown
            | Action::PageDown => {
                state.help_scroll += 1;
                return Handled::Yes;
            }
            Action::PrevParagraph | Action::SelectPrev | Action::HalfPageUp | Action::PageUp => {
                state.help_scroll = state.help_scroll.saturating_sub(1);
                return Handled::Yes;
            }
            _ => {}
        }
    }
    if matches!(action, Action::Resize(..) | Action::Quit) {
        return Handled::No;
    }
    let dismiss = state.overlay == Overlay::Findings && action == Action::DismissFinding;
    state.overlay = Overlay::None;
    if dismiss {
        state.dismiss_finding();
    }
    Handled::Yes
}

/// Applies one action to the state.
fn apply(state: &mut AppState, action: Action) {
    if !matches!(action, Action::Resize(..)) {
        state.message = None;
    }
    // A click goes by where things were drawn, whatever is open.
    if let Action::Click(col, row) = action {
        state.click(col, row);
        return;
    }
    // Keys never go to a sidebar that is not on screen (closed, or given way to a narrow
    // terminal).
    if state.sidebar_focus && !state.sidebar_shown() {
        state.sidebar_focus = false;
    }
    let handled = update_overlay(state, action);
    // A list's filter lives as long as the list.
    if !matches!(
        state.overlay,
        Overlay::Participants { .. } | Overlay::Questions { .. } | Overlay::Terms { .. }
    ) {
        state.list_filter = None;
    }
    if handled == Handled::Yes {
        return;
    }
    let rows = state.view_rows() as isize;
    match action {
        Action::NextParagraph => state.step(1),
        Action::PrevParagraph => state.step(-1),
        Action::NextTurn | Action::PrevTurn | Action::NextSameSpeaker | Action::PrevSameSpeaker => {
            let forward = matches!(action, Action::NextTurn | Action::NextSameSpeaker);
            let same = matches!(action, Action::NextSameSpeaker | Action::PrevSameSpeaker);
            match state.turn_jump(forward, same) {
                Some(t) => state.go_to_turn(t),
                None => {
                    state.message = Some(if forward {
                        "no later turn".into()
                    } else {
                        "no earlier turn".into()
                    })
                }
            }
        }
        Action::JumpToQa => {
            let qa = state.doc().and_then(|d| {
                d.transcript
                    .turns
                    .iter()
                    .position(|t| t.section == crate::transcript::Section::Qa)
            });
            match qa {
                Some(t) => {
                    state.set_filter(None);
                    state.go_to_turn(t);
                }
                None => state.message = Some("this call has no Q&A section".into()),
            }
        }
        Action::NextFinding | Action::PrevFinding => {
            let forward = action == Action::NextFinding;
            let next = state.doc().map(|d| {
                let shown = |f: &&crate::check::Finding| {
                    d.layout
                        .as_ref()
                        .is_none_or(|l| l.pair(f.paragraph).is_some())
                };
                let live: Vec<usize> = d
                    .live_findings()
                    .filter(shown)
                    .map(|f| f.paragraph)
                    .collect();
                let step = if forward {
                    live.iter().find(|&&p| p > d.cursor).copied()
                } else {
                    live.iter().rev().find(|&&p| p < d.cursor).copied()
                };
                let wrap = if forward { live.first() } else { live.last() };
                (step, wrap.copied())
            });
            match next {
                Some((Some(n), _)) => state.jump_to_finding(n),
                Some((None, Some(end))) => {
                    state.jump_to_finding(end);
                    state.message = Some(if forward {
                        "back to the first finding".into()
                    } else {
                        "on to the last finding".into()
                    });
                }
                _ => state.message = Some("no translation findings".into()),
            }
        }
        Action::DismissFinding => state.dismiss_finding(),
        Action::NextBookmark => state.step_bookmark(true),
        Action::PrevBookmark => state.step_bookmark(false),
        Action::GoToLine => {
            state.overlay = Overlay::GoTo {
                text: String::new(),
            }
        }
        Action::NextSentence => state.step_sentence(true),
        Action::PrevSentence => state.step_sentence(false),
        Action::OpenSearch => {
            let (query, all) = state
                .last_search
                .as_ref()
                .map_or((String::new(), false), |(q, all, _)| (q.clone(), *all));
            state.prompt_fresh = !query.is_empty() || !state.search_history.is_empty();
            state.history_pos = None;
            state.overlay = Overlay::Search {
                query,
                selected: 0,
                all,
            };
            state.run_search();
        }
        Action::NextMatch | Action::PrevMatch => state.step_match(action == Action::NextMatch),
        Action::ToggleBookmark => state.toggle_bookmark(),
        Action::Undo => state.undo_removal(),
        Action::EditNote => {
            let text = state
                .doc()
                .and_then(|d| d.bookmarks.iter().find(|b| b.paragraph == d.cursor))
                .and_then(|b| b.note.clone())
                .unwrap_or_default();
            state.overlay = Overlay::Note { text };
        }
        Action::OpenBookmarks => state.overlay = Overlay::Bookmarks { selected: 0 },
        Action::ToggleSidebar => {
            state.sidebar = !state.sidebar;
            state.sidebar_focus = state.sidebar && state.sidebar_shown();
            if state.sidebar && !state.sidebar_shown() {
                state.sidebar = false;
                state.message = Some(format!(
                    "the guidance sidebar needs a terminal of {SIDEBAR_MIN_TERMINAL}+ columns (callread guidance prints it)"
                ));
            }
            state.relayout();
        }
        Action::ToggleFocus => {
            if state.sidebar_shown() {
                state.sidebar_focus = !state.sidebar_focus;
            } else {
                // The terminal sends Ctrl-i as Tab: forward along the jump list, as in vim.
                state.go_forward();
            }
        }
        Action::OpenParticipants => state.overlay = Overlay::Participants { selected: 0 },
        Action::OpenTerms => {
            let rows = state.doc().map_or_else(Vec::new, |d| {
                crate::check::terms::terms(&d.transcript)
                    .into_iter()
                    .flat_map(|t| {
                        let mut rows: Vec<(String, Vec<usize>)> = t
                            .renderings
                            .iter()
                            .map(|r| {
                                let how = if r.latin { " (kept)" } else { "" };
                                (
                                    format!("{} → {}{how} ×{}", t.english, r.text, r.count),
                                    r.paragraphs.clone(),
                                )
                            })
                            .collect();
                        if !t.unmatched.is_empty() {
                            rows.push((
                                format!("{} → not found ×{}", t.english, t.unmatched.len()),
                                t.unmatched.clone(),
                            ));
                        }
                        rows
                    })
                    .collect()
            });
            if rows.is_empty() {
                state.message = Some("no names or terms found in this call's pairs".into());
            } else {
                let selected = state.terms_selected.min(rows.len() - 1);
                state.overlay = Overlay::Terms { rows, selected };
            }
        }
        Action::OpenQuestions => {
            // Start at the question the cursor is in or after.
            let selected = state.doc().map_or(0, |d| {
                let here = d.turn_of(d.cursor);
                crate::speakers::questions(&d.transcript)
                    .iter()
                    .rposition(|q| q.turn <= here)
                    .unwrap_or(0)
            });
            state.overlay = Overlay::Questions { selected };
        }
        Action::ToggleFilter => {
            let current = state
                .doc()
                .map(|d| (d.filter, d.transcript.turns[d.turn_of(d.cursor)].speaker));
            if let Some((filter, speaker)) = current {
                state.set_filter(if filter.is_some() {
                    None
                } else {
                    Some(speaker)
                });
            }
        }
        Action::HalfPageDown => state.page((rows / 2).max(1)),
        Action::HalfPageUp => state.page(-(rows / 2).max(1)),
        Action::PageDown => state.page((rows - 2).max(1)),
        Action::PageUp => state.page(-(rows - 2).max(1)),
        Action::Top => {
            state.go_to(0);
            if let Some(d) = state.docs.get_mut(state.current) {
                d.scroll = 0;
            }
        }
        Action::Cancel => {
            if state.highlight.is_some()
                || state.figure_highlight.is_some()
                || state.sentence.is_some()
            {
                state.highlight = None;
                state.figure_highlight = None;
                state.sentence = None;
            } else if state.doc().is_some_and(|d| d.filter.is_some()) {
                state.set_filter(None);
            }
        }
        Action::Bottom => {
            state.go_to(usize::MAX);
            let max = state.max_scroll();
            if let Some(d) = state.docs.get_mut(state.current) {
                d.scroll = max;
            }
        }
        Action::CycleLayout => {
            state.mode = state.mode.next();
            state.relayout();
            state.message = Some(if state.layout_mode() == state.mode {
                format!("layout: {}", state.mode.name())
            } else {
                format!(
                    "layout: {} (this call has no Chinese: {} shown)",
                    state.mode.name(),
                    state.layout_mode().name()
                )
            });
        }
        Action::SwapPanes => {
            state.swapped = !state.swapped;
            state.relayout();
        }
        Action::ToggleHelp => {
            state.help_scroll = 0;
            state.overlay = Overlay::Help;
        }
        Action::ShowFindings => {
            if state
                .doc()
                .is_some_and(|d| d.findings_at(d.cursor).next().is_some())
            {
                state.overlay = Overlay::Findings;
            } else {
                state.message = Some("no translation finding here: ! goes to the next".into());
            }
        }
        Action::Back => state.go_back(),
        Action::Suspend => state.suspend = true,
        Action::OpenHistory => state.open_history(),
        Action::OpenPicker => {
            let selected = state
                .calls_in_order()
                .iter()
                .position(|&i| i == state.current)
                .unwrap_or(0);
            state.overlay = Overlay::Picker {
                query: String::new(),
                selected,
            }
        }
        Action::CopyPair => {
            if let Some(text) = state.pair_text() {
                // OSC 52 is a request the terminal may drop (tmux does unless set-clipboard is
                // on): say what was sent, not that it was copied.
                let what = if state.sentence_ranges().is_some() {
                    "the sentence of "
                } else {
                    ""
                };
                state.message = Some(format!(
                    "sent {what}¶ {} to the clipboard (OSC 52; tmux needs set-clipboard on)",
                    state.doc().map_or(0, |d| d.cursor + 1),
                ));
                state.clipboard = Some(text);
            }
        }
        Action::Quit => state.quit = true,
        Action::ScrollRows(n) => state.scroll_rows(isize::from(n)),
        Action::Count(_) => {}
        // Handled before the overlays (see above).
        Action::Click(..) => {}
        Action::Resize(w, h) => {
            state.size = (w, h);
            state.relayout();
            // `callread +N`: once there is a layout, so the pair shows near the top.
            if let Some(line) = state.start_line.take() {
                state.go_to_source_line(line);
            }
        }
        Action::Input(_)
        | Action::Backspace
        | Action::ClearPrompt
        | Action::DeleteWord
        | Action::SelectNext
        | Action::SelectPrev
        | Action::Confirm
        | Action::ToggleScope => {}
    }
}
