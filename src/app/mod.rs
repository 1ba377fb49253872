//! The reader's state and its one update function. No I/O and no drawing happen here, so
//! every behaviour can be driven by a script of actions in tests.

pub mod action;
mod bookmarks;
mod calls;
mod click;
mod dispatch;
pub mod doc;
mod findings;
mod jumps;
pub mod layout;
mod nav;
mod overlays;
mod sentence;
mod sidebar;

pub use action::Action;
pub use calls::call_title;
pub use click::HitAreas;
pub use dispatch::{MAX_COUNT, update};
pub use doc::Doc;
pub use layout::{DocLayout, LayoutMode};
pub use overlays::{PROMPT_MAX, SEARCH_LIST_LIMIT};
pub use sidebar::{SIDEBAR_MIN_TERMINAL, sidebar_rows, sidebar_width};

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

/// The whole state of the reader.
#[derive(Debug, Default)]
pub struct AppState {
    /// Open transcripts.
    pub docs: Vec<Doc>,
    /// Findings and guidance are computed on another thread for every call, not only for a
    /// large transcript: the terminal reader's first screen waits for neither (headless
    /// drivers and tests keep them synchronous).
    pub analyse_in_background: bool,
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
    /// What the last frame drew where (for clicks): what `ui::draw` returned, stored by the
    /// event loop after each frame.
    pub hit_areas: HitAreas,
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

impl AppState {
    /// A reader over these transcripts.
    pub fn new(transcripts: Vec<Transcript>) -> Self {
        Self::with_analysis(transcripts, false)
    }

    /// [`AppState::new`] for the terminal: each call's findings and guidance are computed on
    /// another thread ([`AppState::analyse_in_background`]), so the first text is on screen
    /// before the guidance patterns are even compiled.
    pub fn new_in_background(transcripts: Vec<Transcript>) -> Self {
        Self::with_analysis(transcripts, true)
    }

    fn with_analysis(transcripts: Vec<Transcript>, background: bool) -> Self {
        let mut state = AppState {
            docs: transcripts.into_iter().map(Doc::new).collect(),
            analyse_in_background: background,
            ..Default::default()
        };
        if let Some(first) = state.docs.first_mut() {
            first.analyse(background);
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

    /// The layout the current transcript is shown in ([`LayoutMode::for_transcript`]).
    pub fn layout_mode(&self) -> LayoutMode {
        match self.doc() {
            Some(d) => self.mode.for_transcript(&d.transcript),
            None => self.mode,
        }
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

    /// The key hints name for an action (see [`crate::keymap::Keymap::key`]).
    pub fn key(&self, action: Action) -> String {
        self.keys.key(action)
    }

    /// Shows transcript `doc`: its analyses (findings, guidance) start here, the one place
    /// they are computed (at once for a call, on another thread for a large transcript),
    /// then it is laid out.
    pub fn show_doc(&mut self, doc: usize) {
        if doc >= self.docs.len() {
            return;
        }
        self.current = doc;
        self.docs[doc].analyse(self.analyse_in_background);
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
}
