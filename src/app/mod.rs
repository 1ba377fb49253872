//! The reader's state and its one update function. No I/O and no drawing happen here, so
//! every behaviour can be driven by a script of actions in tests.

pub mod action;
pub mod layout;

pub use action::Action;
pub use layout::{DocLayout, LayoutMode};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::transcript::{Paragraph, Transcript, Turn};

/// Smallest terminal the reader draws in; below it a message says so.
pub const MIN_SIZE: (u16, u16) = (20, 5);

/// One open transcript with its own reading position.
#[derive(Debug)]
pub struct Doc {
    /// The transcript.
    pub transcript: Transcript,
    /// For each paragraph pair (flat index): (turn index, paragraph index in the turn).
    pub index: Vec<(usize, usize)>,
    /// The current paragraph pair.
    pub cursor: usize,
    /// The first row shown.
    pub scroll: usize,
    /// The layout for the current width and mode, if computed.
    pub layout: Option<DocLayout>,
    /// The company, for the picker and the status bar.
    pub company: Option<String>,
    /// Show only this speaker's turns (index into the transcript's speakers).
    pub filter: Option<usize>,
    /// Translation findings, computed when the transcript is first shown.
    pub findings: Option<Vec<crate::check::Finding>>,
    /// Guidance figures, computed when the transcript is first shown.
    pub guidance: Option<Vec<crate::guidance::GuidanceFigure>>,
    /// The key of its saved state (content hash).
    pub key: String,
    /// Its bookmarks, by paragraph.
    pub bookmarks: Vec<crate::state::Bookmark>,
    /// The cursor last saved, to save only what moved.
    pub saved_cursor: Option<usize>,
}

impl Doc {
    /// Wraps a transcript, positioned at its first paragraph.
    pub fn new(transcript: Transcript) -> Self {
        let index = transcript
            .turns
            .iter()
            .enumerate()
            .flat_map(|(t, turn)| (0..turn.paragraphs.len()).map(move |p| (t, p)))
            .collect();
        let company = transcript.company();
        let key = crate::state::key(transcript.content_hash);
        Doc {
            transcript,
            index,
            cursor: 0,
            scroll: 0,
            layout: None,
            company,
            filter: None,
            findings: None,
            guidance: None,
            key,
            bookmarks: Vec::new(),
            // Nothing to save for a transcript still at its start.
            saved_cursor: Some(0),
        }
    }

    /// Paragraph pair `n` and its turn.
    pub fn paragraph(&self, n: usize) -> Option<(&Turn, &Paragraph)> {
        let &(t, p) = self.index.get(n)?;
        let turn = &self.transcript.turns[t];
        Some((turn, &turn.paragraphs[p]))
    }

    /// The findings about pair `n`.
    pub fn findings_at(&self, n: usize) -> impl Iterator<Item = &crate::check::Finding> {
        let all = self.findings.as_deref().unwrap_or(&[]);
        let start = all.partition_point(|f| f.paragraph < n);
        all[start..].iter().take_while(move |f| f.paragraph == n)
    }

    /// The turn of pair `n`.
    pub fn turn_of(&self, n: usize) -> usize {
        self.index.get(n).map_or(0, |&(t, _)| t)
    }

    /// The first pair of turn `t` (flat index).
    pub fn first_pair_of_turn(&self, t: usize) -> usize {
        self.index.partition_point(|&(turn, _)| turn < t)
    }

    /// Number of paragraph pairs.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// True when the transcript has no paragraphs (never for a parsed one).
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The company, or the file name when the call does not say.
    pub fn short_title(&self) -> &str {
        self.company
            .as_deref()
            .unwrap_or_else(|| self.transcript.file_name())
    }

    /// The name shown for this transcript: "Zoom · 000_28227caab299fe99.txt".
    pub fn title(&self) -> String {
        match &self.company {
            Some(c) => format!("{c} · {}", self.transcript.file_name()),
            None => self.transcript.file_name().to_string(),
        }
    }
}

/// What is drawn over the reader.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Overlay {
    /// Nothing.
    #[default]
    None,
    /// The help screen.
    Help,
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
    /// The results listed under the search prompt, best first.
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
}

/// A guidance figure highlighted in both panes: (doc, paragraph, English byte ranges, Chinese
/// byte ranges).
pub type FigureHighlight = (
    usize,
    usize,
    Vec<std::ops::Range<usize>>,
    Vec<std::ops::Range<usize>>,
);

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
        AppState {
            docs: transcripts.into_iter().map(Doc::new).collect(),
            ..Default::default()
        }
    }

    /// Bookmarks the current paragraph, or removes its bookmark.
    fn toggle_bookmark(&mut self) {
        let Some(doc) = self.docs.get_mut(self.current) else {
            return;
        };
        let n = doc.cursor;
        let line = doc.paragraph(n).map_or(0, |(_, p)| p.line);
        if let Some(i) = doc.bookmarks.iter().position(|b| b.paragraph == n) {
            doc.bookmarks.remove(i);
            self.changes.push(crate::state::Change::Remove {
                key: doc.key.clone(),
                paragraph: n,
            });
            self.message = Some(format!("bookmark on ¶ {} removed", n + 1));
        } else {
            let bookmark = crate::state::Bookmark {
                paragraph: n,
                line,
                note: None,
            };
            doc.bookmarks.push(bookmark.clone());
            doc.bookmarks.sort_by_key(|b| b.paragraph);
            self.changes.push(crate::state::Change::Put {
                key: doc.key.clone(),
                name: doc.transcript.file_name().to_string(),
                bookmark,
            });
            self.message = Some(format!(
                "bookmarked ¶ {} (M adds a note, ' lists bookmarks)",
                n + 1
            ));
        }
    }

    /// Sets the note of the current paragraph's bookmark, bookmarking it if needed.
    fn set_note(&mut self, text: &str) {
        let Some(doc) = self.docs.get_mut(self.current) else {
            return;
        };
        let n = doc.cursor;
        let line = doc.paragraph(n).map_or(0, |(_, p)| p.line);
        let note = Some(text.trim().to_string()).filter(|t| !t.is_empty());
        let bookmark = crate::state::Bookmark {
            paragraph: n,
            line,
            note,
        };
        match doc.bookmarks.iter_mut().find(|b| b.paragraph == n) {
            Some(b) => *b = bookmark.clone(),
            None => {
                doc.bookmarks.push(bookmark.clone());
                doc.bookmarks.sort_by_key(|b| b.paragraph);
            }
        }
        self.changes.push(crate::state::Change::Put {
            key: doc.key.clone(),
            name: doc.transcript.file_name().to_string(),
            bookmark,
        });
        self.message = Some(format!("note saved on ¶ {}", n + 1));
    }

    /// Saved bookmarks of transcripts that are not open: (file name, bookmark), by name.
    pub fn bookmarks_elsewhere(&self) -> Vec<(&str, &crate::state::Bookmark)> {
        let open: std::collections::HashSet<&str> =
            self.docs.iter().map(|d| d.key.as_str()).collect();
        let mut out: Vec<(&str, &crate::state::Bookmark)> = self
            .saved
            .iter()
            .filter(|(k, _)| !open.contains(k.as_str()))
            .flat_map(|(_, t)| t.bookmarks.iter().map(move |b| (t.name.as_str(), b)))
            .collect();
        out.sort_by(|a, b| a.0.cmp(b.0).then(a.1.paragraph.cmp(&b.1.paragraph)));
        out
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

    /// Adds a transcript loaded in the background.
    pub fn push_doc(&mut self, t: Transcript) {
        self.docs.push(Doc::new(t));
        self.adopt_saved_doc(self.docs.len() - 1);
        if self.docs.len() == 1 {
            self.relayout();
        }
    }

    /// Indices of the transcripts matching the picker's query, best first (all, in order,
    /// for an empty query). Matches file name and company with fuzzy-matcher.
    pub fn picker_matches(&self) -> Vec<usize> {
        let Overlay::Picker { query, .. } = &self.overlay else {
            return Vec::new();
        };
        if query.is_empty() {
            return (0..self.docs.len()).collect();
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

    /// Makes sure the current transcript is laid out for the current size and mode, keeping
    /// the cursor's paragraph at the same place on screen where possible.
    pub fn relayout(&mut self) {
        let (width, mode, swapped, rows) = (
            self.reader_width(),
            self.mode,
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
        if doc.findings.is_none() {
            doc.findings = Some(crate::check::check(&doc.transcript));
        }
        if doc.guidance.is_none() {
            doc.guidance = Some(crate::guidance::extract(&doc.transcript));
        }
        let layout = DocLayout::new(&doc.transcript, width, mode, swapped, filter);
        doc.cursor = layout.nearest(doc.cursor);
        if let (Some(offset), Some(b)) = (offset, layout.pair(doc.cursor)) {
            let offset = offset.clamp(0, rows.saturating_sub(1) as isize) as usize;
            doc.scroll = b.top.saturating_sub(offset);
        }
        doc.layout = Some(layout);
        self.clamp_scroll();
        self.reveal_cursor();
    }

    fn max_scroll(&self) -> usize {
        let rows = self.view_rows();
        self.doc()
            .and_then(|d| d.layout.as_ref())
            .map_or(0, |l| l.rows.saturating_sub(rows))
    }

    fn clamp_scroll(&mut self) {
        let max = self.max_scroll();
        if let Some(doc) = self.docs.get_mut(self.current) {
            doc.scroll = doc.scroll.min(max);
        }
    }

    /// Scrolls just enough that the cursor's pair is visible (its top when it is taller than
    /// the view), showing the speaker divider above a turn's first paragraph.
    fn reveal_cursor(&mut self) {
        let rows = self.view_rows().max(1);
        let Some(doc) = self.docs.get_mut(self.current) else {
            return;
        };
        let Some(layout) = &doc.layout else { return };
        let Some(bi) = layout.pair_blocks.get(doc.cursor).copied().flatten() else {
            return;
        };
        let b = &layout.blocks[bi];
        let mut top = b.top;
        if bi > 0 && matches!(layout.blocks[bi - 1].kind, layout::BlockKind::Divider(_)) {
            top = layout.blocks[bi - 1].top;
        }
        let bottom = b.top + b.content_rows();
        if top < doc.scroll {
            doc.scroll = top;
        } else if bottom > doc.scroll + rows {
            doc.scroll = (bottom - rows).min(b.top);
        }
    }

    /// Moves the cursor to pair `n` (or the nearest one shown) and reveals it.
    pub fn go_to(&mut self, n: usize) {
        if let Some(doc) = self.docs.get_mut(self.current) {
            doc.cursor = match &doc.layout {
                Some(l) => l.nearest(n),
                None => n.min(doc.len().saturating_sub(1)),
            };
        }
        self.reveal_cursor();
    }

    /// Moves the cursor `delta` pairs among those shown.
    fn step(&mut self, delta: isize) {
        let Some(doc) = self.doc() else { return };
        let n = match &doc.layout {
            Some(l) => l.step(doc.cursor, delta),
            None => (doc.cursor as isize + delta).max(0) as usize,
        };
        self.go_to(n);
    }

    /// Jumps to the first pair of turn `t` and puts its speaker divider at the top of the view.
    pub fn go_to_turn(&mut self, t: usize) {
        let Some(doc) = self.doc() else { return };
        let n = doc.first_pair_of_turn(t);
        self.go_to(n);
        let max = self.max_scroll();
        let Some(doc) = self.docs.get_mut(self.current) else {
            return;
        };
        let Some(layout) = &doc.layout else { return };
        if let Some(bi) = layout.pair_blocks.get(doc.cursor).copied().flatten() {
            let top = if bi > 0 {
                layout.blocks[bi - 1].top
            } else {
                layout.blocks[bi].top
            };
            doc.scroll = top.min(max);
        }
    }

    /// The turn to jump to from the current one: the next (`forward`) or previous turn shown,
    /// by anyone or (`same_speaker`) by the current turn's speaker.
    fn turn_jump(&self, forward: bool, same_speaker: bool) -> Option<usize> {
        let doc = self.doc()?;
        let turns = &doc.transcript.turns;
        let current = doc.turn_of(doc.cursor);
        let speaker = turns.get(current)?.speaker;
        let shown = |t: usize| {
            doc.filter.is_none_or(|f| turns[t].speaker == f)
                && (!same_speaker || turns[t].speaker == speaker)
                && !turns[t].paragraphs.is_empty()
        };
        if forward {
            (current + 1..turns.len()).find(|&t| shown(t))
        } else {
            // Back to the start of this turn first, when the cursor is inside it.
            let at_start = doc.first_pair_of_turn(current) == doc.cursor;
            if !at_start && !same_speaker {
                return Some(current);
            }
            (0..current).rev().find(|&t| shown(t))
        }
    }

    /// Sets or clears the speaker filter of the current transcript.
    pub fn set_filter(&mut self, speaker: Option<usize>) {
        let Some(doc) = self.docs.get_mut(self.current) else {
            return;
        };
        doc.filter = speaker;
        if let Some(s) = speaker {
            // Move to the speaker's turn at or after the cursor, or their first.
            let turns = &doc.transcript.turns;
            let here = doc.turn_of(doc.cursor);
            let t = (here..turns.len())
                .chain(0..here)
                .find(|&t| turns[t].speaker == s);
            if let Some(t) = t {
                doc.cursor = doc.first_pair_of_turn(t);
            }
            self.message = Some(format!(
                "showing only {} (Esc shows everyone)",
                doc.transcript.speakers[s].name
            ));
        }
        self.relayout();
    }

    /// Scrolls by `delta` rows and moves the cursor with the page.
    fn page(&mut self, delta: isize) {
        let (rows, max) = (self.view_rows(), self.max_scroll());
        let Some(doc) = self.docs.get_mut(self.current) else {
            return;
        };
        let Some(layout) = &doc.layout else { return };
        let old = doc.scroll;
        doc.scroll = (doc.scroll as isize + delta).clamp(0, max as isize) as usize;
        if doc.scroll == old {
            // At an end already: go to the first or last pair shown (a filter hides others).
            let end = if delta > 0 {
                layout.order.last()
            } else {
                layout.order.first()
            };
            doc.cursor = end.copied().unwrap_or(doc.cursor);
        } else {
            let cursor_row = layout.pair(doc.cursor).map_or(0, |b| b.top);
            let target = (cursor_row as isize + delta).max(0) as usize;
            let mut n = layout.pair_containing(target);
            // Keep the cursor on screen.
            let visible = |n: usize| {
                layout
                    .pair(n)
                    .is_some_and(|b| b.top >= doc.scroll && b.top < doc.scroll + rows)
            };
            if !visible(n) {
                n = layout.pair_at_or_after(doc.scroll);
            }
            doc.cursor = n;
        }
        self.reveal_cursor();
    }

    /// Scrolls the view without moving the cursor unless it would leave the screen.
    fn scroll_rows(&mut self, delta: isize) {
        let (rows, max) = (self.view_rows(), self.max_scroll());
        let Some(doc) = self.docs.get_mut(self.current) else {
            return;
        };
        let Some(layout) = &doc.layout else { return };
        doc.scroll = (doc.scroll as isize + delta).clamp(0, max as isize) as usize;
        let Some(b) = layout.pair(doc.cursor) else {
            return;
        };
        if b.top + b.content_rows() <= doc.scroll {
            doc.cursor = layout.pair_at_or_after(doc.scroll);
        } else if b.top >= doc.scroll + rows {
            let last_visible = layout.pair_containing((doc.scroll + rows).saturating_sub(1));
            doc.cursor = if layout
                .pair(last_visible)
                .is_some_and(|b| b.top >= doc.scroll)
            {
                last_visible
            } else {
                last_visible.saturating_sub(1)
            };
        }
    }

    /// The text `y` copies: the English and the Chinese of the current pair.
    pub fn pair_text(&self) -> Option<String> {
        let doc = self.doc()?;
        let (_, p) = doc.paragraph(doc.cursor)?;
        let parts: Vec<&str> = [p.en.as_deref(), p.zh.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        Some(parts.join("\n\n"))
    }
}

/// Applies one action to the state.
pub fn update(state: &mut AppState, action: Action) {
    if !matches!(action, Action::Resize(..)) {
        state.message = None;
    }
    if matches!(state.overlay, Overlay::Picker { .. }) && update_picker(state, action) {
        return;
    }
    if matches!(state.overlay, Overlay::Search { .. }) && update_search(state, action) {
        return;
    }
    if matches!(state.overlay, Overlay::Note { .. }) && update_note(state, action) {
        return;
    }
    if matches!(state.overlay, Overlay::Bookmarks { .. }) && update_bookmarks(state, action) {
        return;
    }
    if matches!(
        state.overlay,
        Overlay::Participants { .. } | Overlay::Questions { .. }
    ) && update_list(state, action)
    {
        return;
    }
    if state.overlay == Overlay::None && state.sidebar_focus && update_sidebar(state, action) {
        return;
    }
    if state.overlay == Overlay::Help && !matches!(action, Action::Resize(..) | Action::Quit) {
        state.overlay = Overlay::None;
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
        Action::NextFinding => {
            let next = state.doc().map(|d| {
                let shown = |f: &&crate::check::Finding| {
                    d.layout
                        .as_ref()
                        .is_none_or(|l| l.pair(f.paragraph).is_some())
                };
                let all = d.findings.as_deref().unwrap_or(&[]);
                let after = all.iter().filter(shown).find(|f| f.paragraph > d.cursor);
                (
                    after.map(|f| f.paragraph),
                    all.iter().find(shown).map(|f| f.paragraph),
                )
            });
            match next {
                Some((Some(n), _)) => state.go_to(n),
                Some((None, Some(first))) => {
                    state.go_to(first);
                    state.message = Some("back to the first finding".into());
                }
                _ => state.message = Some("no translation findings".into()),
            }
        }
        Action::OpenSearch => {
            let (query, all) = state
                .last_search
                .as_ref()
                .map_or((String::new(), false), |(q, all, _)| (q.clone(), *all));
            state.overlay = Overlay::Search {
                query,
                selected: 0,
                all,
            };
            state.run_search();
        }
        Action::NextMatch | Action::PrevMatch => state.step_match(action == Action::NextMatch),
        Action::ToggleBookmark => state.toggle_bookmark(),
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
            }
        }
        Action::OpenParticipants => state.overlay = Overlay::Participants { selected: 0 },
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
            if state.highlight.is_some() || state.figure_highlight.is_some() {
                state.highlight = None;
                state.figure_highlight = None;
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
            state.message = Some(format!("layout: {}", state.mode.name()));
        }
        Action::SwapPanes => {
            state.swapped = !state.swapped;
            state.relayout();
        }
        Action::ToggleHelp => state.overlay = Overlay::Help,
        Action::OpenPicker => {
            state.overlay = Overlay::Picker {
                query: String::new(),
                selected: state.current,
            }
        }
        Action::CopyPair => {
            if let Some(text) = state.pair_text() {
                state.message = Some(format!(
                    "copied paragraph {} ({} characters)",
                    state.doc().map_or(0, |d| d.cursor + 1),
                    text.chars().count()
                ));
                state.clipboard = Some(text);
            }
        }
        Action::Quit => state.quit = true,
        Action::ScrollRows(n) => state.scroll_rows(isize::from(n)),
        Action::Resize(w, h) => {
            state.size = (w, h);
            state.relayout();
        }
        Action::Input(_)
        | Action::Backspace
        | Action::SelectNext
        | Action::SelectPrev
        | Action::Confirm
        | Action::ToggleScope => {}
    }
}

/// Most results listed under the search prompt.
pub const SEARCH_LIST_LIMIT: usize = 500;

impl AppState {
    /// The transcripts a search covers.
    fn search_scope(&self, all: bool) -> Vec<(usize, &Transcript)> {
        if all {
            self.docs
                .iter()
                .enumerate()
                .map(|(i, d)| (i, &d.transcript))
                .collect()
        } else {
            self.doc()
                .map(|d| (self.current, &d.transcript))
                .into_iter()
                .collect()
        }
    }

    /// Recomputes the results under the search prompt.
    fn run_search(&mut self) {
        let Overlay::Search { query, all, .. } = &self.overlay else {
            return;
        };
        let (text, all) = (query.clone(), *all);
        let q = crate::search::Query::parse(&text);
        let within = self
            .search_cache
            .take()
            .filter(|(old, old_all, _)| *old_all == all && crate::search::narrows(old, &text))
            .map(|(_, _, hits)| hits);
        let (hits, every) = crate::search::search_within(
            self.search_scope(all),
            &q,
            SEARCH_LIST_LIMIT,
            within.as_deref(),
        );
        self.search_hits = hits;
        self.search_cache = Some((text, all, every));
    }

    /// Jumps to a search hit: switches transcript, clears a filter that hides it, highlights it.
    pub fn go_to_hit(&mut self, mut hit: crate::search::Hit) {
        if hit.ranges.is_empty() {
            // Hits beyond the best ones carry no ranges yet.
            let query = self
                .last_search
                .as_ref()
                .map(|(q, _, _)| crate::search::Query::parse(q));
            if let (Some(q), Some(doc)) = (query, self.docs.get(hit.doc))
                && let Some((_, p)) = doc.paragraph(hit.paragraph)
            {
                let text = crate::app::layout::lang_text(p, hit.lang).unwrap_or("");
                if let Some((_, chars)) = q.matches(&q.fold(text), &crate::search::matcher()) {
                    hit.ranges = crate::search::char_ranges(text, &chars);
                }
            }
        }
        if hit.doc != self.current {
            self.current = hit.doc;
        }
        let hidden = self.doc().is_some_and(|d| {
            d.filter
                .is_some_and(|f| d.transcript.turns[d.turn_of(hit.paragraph)].speaker != f)
        });
        if hidden {
            self.set_filter(None);
        }
        self.relayout();
        self.go_to(hit.paragraph);
        self.highlight = Some(hit);
    }

    /// `n` / `N`: the next or previous match of the last search in reading order.
    fn step_match(&mut self, forward: bool) {
        let Some((_, _, hits)) = &self.last_search else {
            self.message = Some("no search yet: / searches".into());
            return;
        };
        if hits.is_empty() {
            self.message = Some("no matches".into());
            return;
        }
        let rank = |l: crate::app::layout::Lang| {
            if l == crate::app::layout::Lang::En {
                0i8
            } else {
                1
            }
        };
        let cursor = self.doc().map_or(0, |d| d.cursor);
        // Within the cursor's paragraph: after the highlighted side, or from its start.
        let side = match &self.highlight {
            Some(h) if h.doc == self.current && h.paragraph == cursor => rank(h.lang),
            _ => -1,
        };
        let here = (self.current, cursor, side);
        let key = |h: &crate::search::Hit| (h.doc, h.paragraph, rank(h.lang));
        let pos = if forward {
            hits.iter().position(|h| key(h) > here)
        } else {
            hits.iter().rposition(|h| key(h) < here)
        };
        let (i, wrapped) = match pos {
            Some(i) => (i, false),
            None if forward => (0, true),
            None => (hits.len() - 1, true),
        };
        let total = hits.len();
        let hit = hits[i].clone();
        self.go_to_hit(hit);
        self.message = Some(format!(
            "match {}/{total}{}",
            i + 1,
            if wrapped { " (wrapped)" } else { "" }
        ));
    }
}

/// Handles an action while the search prompt is open; false when the action is for the
/// reader.
fn update_search(state: &mut AppState, action: Action) -> bool {
    let Overlay::Search {
        query,
        selected,
        all,
    } = &mut state.overlay
    else {
        return false;
    };
    if edit_prompt(query, selected, action) {
        state.run_search();
        return true;
    }
    match action {
        Action::ToggleScope => {
            *all = !*all;
            *selected = 0;
        }
        Action::SelectNext => {
            *selected = (*selected + 1).min(state.search_hits.len().saturating_sub(1));
            return true;
        }
        Action::SelectPrev => {
            *selected = selected.saturating_sub(1);
            return true;
        }
        Action::Confirm => {
            let (text, all, selected) = (query.clone(), *all, *selected);
            state.overlay = Overlay::None;
            let q = crate::search::Query::parse(&text);
            let mut in_order =
                crate::search::search_transcripts(state.search_scope(all), &q, usize::MAX);
            in_order.sort_by_key(|h| (h.doc, h.paragraph, h.lang == crate::app::layout::Lang::Zh));
            let chosen = state.search_hits.get(selected).cloned();
            state.last_search = Some((text, all, in_order));
            if let Some(hit) = chosen {
                state.go_to_hit(hit);
            }
            return true;
        }
        Action::Cancel => {
            state.overlay = Overlay::None;
            return true;
        }
        Action::Resize(..) | Action::Quit => return false,
        _ => return true,
    }
    state.run_search();
    true
}

/// Typing into a prompt: a character or a deletion changes the text and resets the selection.
/// True when the action was one of those.
fn edit_prompt(text: &mut String, selected: &mut usize, action: Action) -> bool {
    match action {
        Action::Input(c) => text.push(c),
        Action::Backspace => {
            text.pop();
        }
        _ => return false,
    }
    *selected = 0;
    true
}

/// Handles an action while the picker is open; false when the action is for the reader.
fn update_picker(state: &mut AppState, action: Action) -> bool {
    let matches = state.picker_matches();
    let Overlay::Picker { query, selected } = &mut state.overlay else {
        return false;
    };
    if edit_prompt(query, selected, action) {
        return true;
    }
    match action {
        Action::SelectNext => *selected = (*selected + 1).min(matches.len().saturating_sub(1)),
        Action::SelectPrev => *selected = selected.saturating_sub(1),
        Action::Confirm => {
            if let Some(&doc) = matches.get(*selected) {
                state.current = doc;
                state.overlay = Overlay::None;
                state.relayout();
            }
        }
        Action::Cancel | Action::OpenPicker => state.overlay = Overlay::None,
        Action::Resize(..) | Action::Quit => return false,
        _ => {}
    }
    true
}

/// Handles an action while the participants panel or the question list is open; false when
/// the action is for the reader.
fn update_list(state: &mut AppState, action: Action) -> bool {
    let Some(doc) = state.doc() else { return false };
    let (len, selected) = match &state.overlay {
        Overlay::Participants { selected } => (
            crate::speakers::participants(&doc.transcript).len(),
            *selected,
        ),
        Overlay::Questions { selected } => {
            (crate::speakers::questions(&doc.transcript).len(), *selected)
        }
        _ => return false,
    };
    let set = |state: &mut AppState, n: usize| match &mut state.overlay {
        Overlay::Participants { selected } | Overlay::Questions { selected } => *selected = n,
        _ => {}
    };
    match action {
        Action::SelectNext | Action::NextParagraph => {
            set(state, (selected + 1).min(len.saturating_sub(1)))
        }
        Action::SelectPrev | Action::PrevParagraph => set(state, selected.saturating_sub(1)),
        Action::Top => set(state, 0),
        Action::Bottom => set(state, len.saturating_sub(1)),
        Action::Confirm | Action::ToggleFilter => {
            let overlay = std::mem::take(&mut state.overlay);
            let Some(doc) = state.doc() else { return true };
            match overlay {
                Overlay::Participants { selected } => {
                    let p = crate::speakers::participants(&doc.transcript)
                        .into_iter()
                        .nth(selected);
                    if let Some(p) = p {
                        if action == Action::ToggleFilter {
                            state.set_filter(Some(p.speaker));
                        } else if let Some(t) = p.first_turn {
                            state.set_filter(None);
                            state.go_to_turn(t);
                        }
                    }
                }
                Overlay::Questions { selected } => {
                    if let Some(q) = crate::speakers::questions(&doc.transcript).get(selected) {
                        let t = q.turn;
                        state.set_filter(None);
                        state.go_to_turn(t);
                    }
                }
                _ => {}
            }
        }
        Action::Cancel | Action::OpenParticipants | Action::OpenQuestions | Action::ToggleHelp => {
            state.overlay = Overlay::None
        }
        Action::Resize(..) | Action::Quit => return false,
        _ => {}
    }
    true
}

/// Handles an action while the sidebar has the focus; false when it is for the reader.
fn update_sidebar(state: &mut AppState, action: Action) -> bool {
    // Moves follow the order on screen (grouped by period), not reading order.
    let order = state
        .doc()
        .and_then(|d| d.guidance.as_deref())
        .map(crate::guidance::grouped_order)
        .unwrap_or_default();
    let pos = order
        .iter()
        .position(|&i| i == state.sidebar_selected)
        .unwrap_or(0);
    let at = |p: usize| {
        order
            .get(p.min(order.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0)
    };
    match action {
        Action::NextParagraph | Action::SelectNext => state.sidebar_selected = at(pos + 1),
        Action::PrevParagraph | Action::SelectPrev => {
            state.sidebar_selected = at(pos.saturating_sub(1))
        }
        Action::Top => state.sidebar_selected = at(0),
        Action::Bottom => state.sidebar_selected = at(usize::MAX),
        Action::Confirm => {
            let Some(doc) = state.doc() else { return true };
            let Some(f) = doc
                .guidance
                .as_ref()
                .and_then(|g| g.get(state.sidebar_selected))
            else {
                return true;
            };
            let (n, en, zh) = (f.paragraph, vec![f.span.clone()], f.zh_spans.clone());
            let hidden = doc
                .filter
                .is_some_and(|s| doc.transcript.turns[doc.turn_of(n)].speaker != s);
            if hidden {
                state.set_filter(None);
            }
            state.go_to(n);
            state.highlight = None;
            state.figure_highlight = Some((state.current, n, en, zh));
        }
        Action::Cancel => state.sidebar_focus = false,
        _ => return false,
    }
    true
}

/// Handles an action while a note is being edited.
fn update_note(state: &mut AppState, action: Action) -> bool {
    let Overlay::Note { text } = &mut state.overlay else {
        return false;
    };
    match action {
        Action::Input(c) if text.chars().count() < 500 => text.push(c),
        Action::Backspace => {
            text.pop();
        }
        Action::Confirm => {
            let text = text.clone();
            state.overlay = Overlay::None;
            state.set_note(&text);
        }
        Action::Cancel => state.overlay = Overlay::None,
        Action::Resize(..) | Action::Quit => return false,
        _ => {}
    }
    true
}

/// Handles an action while the bookmark list is open.
fn update_bookmarks(state: &mut AppState, action: Action) -> bool {
    let Overlay::Bookmarks { selected } = state.overlay else {
        return false;
    };
    let open = state.all_bookmarks().len();
    let count = open + state.bookmarks_elsewhere().len();
    let set = |state: &mut AppState, n: usize| state.overlay = Overlay::Bookmarks { selected: n };
    match action {
        Action::SelectNext | Action::NextParagraph => {
            set(state, (selected + 1).min(count.saturating_sub(1)))
        }
        Action::SelectPrev | Action::PrevParagraph => set(state, selected.saturating_sub(1)),
        Action::Confirm => {
            let target = state
                .all_bookmarks()
                .get(selected)
                .map(|(d, b)| (*d, b.paragraph));
            let elsewhere = selected.checked_sub(open).and_then(|i| {
                state
                    .bookmarks_elsewhere()
                    .get(i)
                    .map(|(name, _)| name.to_string())
            });
            state.overlay = Overlay::None;
            if let Some((doc, n)) = target {
                state.current = doc;
                state.relayout();
                state.go_to(n);
            } else if let Some(name) = elsewhere {
                state.message = Some(format!(
                    "{name} is not open: callread PATH opens it at its bookmarks"
                ));
            }
        }
        Action::Cancel | Action::OpenBookmarks => state.overlay = Overlay::None,
        Action::Resize(..) | Action::Quit => return false,
        _ => {}
    }
    true
}
