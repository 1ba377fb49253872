//! What keys do while an overlay (search, picker, lists, note) has them, and the search state
//! behind the prompt and `n` / `N`. The sidebar's keys are in `sidebar.rs`.

use super::{Action, AppState, Overlay};
use crate::transcript::Transcript;

/// Most results listed under the search prompt.
pub const SEARCH_LIST_LIMIT: usize = 500;

impl AppState {
    /// The transcripts a search covers.
    pub(super) fn search_scope(&self, all: bool) -> Vec<(usize, &Transcript)> {
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
    pub(super) fn run_search(&mut self) {
        let Overlay::Search { query, all, .. } = &self.overlay else {
            return;
        };
        if self.batching {
            self.search_stale = true;
            return;
        }
        self.search_runs += 1;
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
        // Listed in reading order, the order `n` walks them in, with the best match selected
        // (Enter goes there).
        // A speaker filter keeps to its turns, as `&` does in less.
        let mut hits = hits;
        hits.retain(|h| self.hit_shown(h));
        let best = hits.first().map(|h| (h.doc, h.paragraph, h.lang));
        hits.sort_by_key(|h| (h.doc, h.paragraph, h.lang == crate::transcript::Lang::Zh));
        let at = best
            .and_then(|b| hits.iter().position(|h| (h.doc, h.paragraph, h.lang) == b))
            .unwrap_or(0);
        if let Overlay::Search { selected, .. } = &mut self.overlay {
            *selected = at;
        }
        self.search_hits = hits;
        self.search_cache = Some((text, all, every));
    }

    /// True when a speaker filter of the hit's transcript does not hide it.
    pub(super) fn hit_shown(&self, h: &crate::search::Hit) -> bool {
        self.docs.get(h.doc).is_some_and(|d| {
            d.filter.is_none_or(|f| {
                d.paragraph(h.paragraph)
                    .is_some_and(|(turn, _)| turn.speaker == f)
            })
        })
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
                let text = p.side(hit.lang).unwrap_or("");
                let (folded, matcher) = (q.fold(text), crate::search::matcher());
                if let Some((_, chars)) = q.matches(&folded, &matcher) {
                    hit.ranges = crate::search::char_ranges(text, &chars);
                } else if q.is_mixed() {
                    let chars = q.positions_of_matching_terms(&folded, &matcher);
                    hit.ranges = crate::search::char_ranges(text, &chars);
                }
            }
        }
        self.show_doc(hit.doc);
        self.unhide(hit.paragraph);
        self.relayout();
        let (en, zh) = match hit.lang {
            crate::transcript::Lang::En => (hit.ranges.as_slice(), &[][..]),
            // Search reads the file's own two sides; a second translation has no hits.
            crate::transcript::Lang::Zh | crate::transcript::Lang::Zh2 => {
                (&[][..], hit.ranges.as_slice())
            }
        };
        self.jump_to_marks(hit.paragraph, en, zh);
        self.mark_hit_sentence(&hit);
        self.highlight = Some(hit);
    }

    /// The sentence a hit is in: its translation (or original) is highlighted in the other
    /// pane, and with the sentence cursor in use, the cursor moves to it (so `y` copies that
    /// sentence pair and `(` / `)` go on from there).
    fn mark_hit_sentence(&mut self, hit: &crate::search::Hit) {
        use crate::transcript::Lang;
        self.figure_highlight = None;
        let links = self.sentence_links(hit.paragraph);
        // The sentence holding most of the matched characters (a fuzzy match may start
        // with a stray letter in the sentence before).
        let overlap = |r: &std::ops::Range<usize>| -> usize {
            hit.ranges
                .iter()
                .map(|m| m.end.min(r.end).saturating_sub(m.start.max(r.start)))
                .sum()
        };
        let Some((k, _)) = links
            .iter()
            .enumerate()
            .map(|(k, (en, zh))| {
                let side = if hit.lang == Lang::En { en } else { zh };
                (k, side.as_ref().map_or(0, overlap))
            })
            .filter(|(_, o)| *o > 0)
            .max_by_key(|(k, o)| (*o, std::cmp::Reverse(*k)))
        else {
            return;
        };
        let (en, zh) = links[k].clone();
        let (en, zh): (Vec<_>, Vec<_>) = match hit.lang {
            Lang::En => (Vec::new(), zh.into_iter().collect()),
            Lang::Zh | Lang::Zh2 => (en.into_iter().collect(), Vec::new()),
        };
        self.figure_highlight = Some((self.current, hit.paragraph, en, zh));
        if self.sentence.is_some() {
            self.sentence = Some((self.current, hit.paragraph, k));
        }
    }

    /// `n` / `N`: the next or previous match of the last search in reading order.
    pub(super) fn step_match(&mut self, forward: bool) {
        let Some((_, _, hits)) = &self.last_search else {
            self.message = Some(format!(
                "no search yet: {} searches",
                self.key(Action::OpenSearch)
            ));
            return;
        };
        if hits.is_empty() {
            self.message = Some("no matches".into());
            return;
        }
        // A speaker filter stays, as `&` does in less: `n` walks the matches it shows.
        let hits: Vec<&crate::search::Hit> = hits.iter().filter(|h| self.hit_shown(h)).collect();
        if hits.is_empty() {
            let who = self
                .doc()
                .and_then(|d| Some(d.transcript.speakers.get(d.filter?)?.name.clone()))
                .unwrap_or_default();
            self.message = Some(format!("no matches in {who}'s turns (Esc shows everyone)"));
            return;
        }
        let rank = |l: crate::transcript::Lang| {
            if l == crate::transcript::Lang::En {
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
        let key = |h: &&crate::search::Hit| (h.doc, h.paragraph, rank(h.lang));
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
        let filtered = self.doc().is_some_and(|d| d.filter.is_some());
        self.go_to_hit(hit);
        self.message = Some(format!(
            "match {}/{total}{}{}",
            i + 1,
            if filtered {
                " in this speaker's turns"
            } else {
                ""
            },
            if wrapped { " (wrapped)" } else { "" }
        ));
    }
}

/// Handles an action while the search prompt is open; false when the action is for the
/// reader.
pub(super) fn update_search(state: &mut AppState, action: Action) -> bool {
    let Overlay::Search {
        query,
        selected,
        all,
    } = &mut state.overlay
    else {
        return false;
    };
    // Reopened with the last query: typing replaces it, Backspace clears it, Up/Down walk the
    // search history.
    if state.prompt_fresh {
        match action {
            Action::Input(_) | Action::Backspace => query.clear(),
            Action::SelectPrev | Action::SelectNext if !state.search_history.is_empty() => {
                let n = state.search_history.len();
                let at = state.history_pos.unwrap_or(n);
                let at = if action == Action::SelectPrev {
                    at.saturating_sub(1)
                } else {
                    (at + 1).min(n - 1)
                };
                state.history_pos = Some(at);
                *query = state.search_history[at].clone();
                *selected = 0;
                state.run_search();
                return true;
            }
            _ => {}
        }
        if !matches!(action, Action::Resize(..) | Action::ToggleScope) {
            state.prompt_fresh = false;
        }
        if action == Action::Backspace {
            *selected = 0;
            state.run_search();
            return true;
        }
    }
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
            if !text.trim().is_empty() {
                state.search_history.retain(|q| *q != text);
                state.search_history.push(text.clone());
                let excess = state.search_history.len().saturating_sub(SEARCH_HISTORY);
                state.search_history.drain(..excess);
                // Saved with the reading state, for the next session's ↑.
                state.changes.push(crate::state::Change::Search {
                    query: text.clone(),
                });
            }
            let q = crate::search::Query::parse(&text);
            let mut in_order =
                crate::search::search_transcripts(state.search_scope(all), &q, usize::MAX);
            in_order.sort_by_key(|h| (h.doc, h.paragraph, h.lang == crate::transcript::Lang::Zh));
            let chosen = state.search_hits.get(selected).cloned();
            // Counted as `n` counts them: the matches a speaker filter shows.
            let shown: Vec<&crate::search::Hit> =
                in_order.iter().filter(|h| state.hit_shown(h)).collect();
            let total = shown.len();
            let k = chosen.as_ref().and_then(|c| {
                shown
                    .iter()
                    .position(|h| (h.doc, h.paragraph, h.lang) == (c.doc, c.paragraph, c.lang))
            });
            state.last_search = Some((text, all, in_order));
            if let Some(hit) = chosen {
                state.go_to_hit(hit);
                if let Some(k) = k {
                    state.message = Some(format!(
                        "match {}/{total} ({} / {} for the others)",
                        k + 1,
                        state.key(Action::NextMatch),
                        state.key(Action::PrevMatch)
                    ));
                }
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

/// How many searches the history keeps (as many as the state file does).
pub const SEARCH_HISTORY: usize = crate::state::SEARCHES_KEPT;

/// The longest prompt text, in characters: a paste or a held key goes no further.
pub const PROMPT_MAX: usize = 500;

/// Typing into a prompt: a character or a deletion changes the text and resets the selection.
/// True when the action was one of those.
pub(super) fn edit_prompt(text: &mut String, selected: &mut usize, action: Action) -> bool {
    match action {
        Action::Input(_) if text.chars().count() >= PROMPT_MAX => return true,
        Action::Input(c) => text.push(c),
        Action::Backspace => {
            text.pop();
        }
        Action::ClearPrompt => text.clear(),
        Action::DeleteWord => {
            let kept = text
                .trim_end()
                .rfind(char::is_whitespace)
                .map_or(0, |i| i + 1);
            text.truncate(kept);
        }
        _ => return false,
    }
    *selected = 0;
    true
}

/// Handles an action while the picker is open; false when the action is for the reader.
pub(super) fn update_picker(state: &mut AppState, action: Action) -> bool {
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
                state.overlay = Overlay::None;
                state.show_doc(doc);
            }
        }
        Action::Cancel | Action::OpenPicker => state.overlay = Overlay::None,
        Action::Resize(..) | Action::Quit => return false,
        _ => {}
    }
    true
}

impl AppState {
    /// The searchable text of each entry of the open list (participants, questions, terms).
    fn list_entry_texts(&self) -> Vec<&str> {
        let Some(doc) = self.doc() else {
            return Vec::new();
        };
        match &self.overlay {
            Overlay::Participants { .. } => {
                doc.participant_texts().iter().map(String::as_str).collect()
            }
            Overlay::Questions { .. } => doc.question_texts().iter().map(String::as_str).collect(),
            Overlay::Terms { rows, .. } => rows.iter().map(|(l, _)| l.as_str()).collect(),
            _ => Vec::new(),
        }
    }

    /// The entries of the open list its filter keeps (every entry without a filter), in order.
    pub fn list_entries(&self) -> Vec<usize> {
        let len = self.list_len().unwrap_or(0);
        let words: Vec<String> = self
            .list_filter
            .as_deref()
            .unwrap_or("")
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        if words.is_empty() {
            return (0..len).collect();
        }
        let texts = self.list_entry_texts();
        (0..len)
            .filter(|&i| {
                let text = texts.get(i).map_or(String::new(), |t| t.to_lowercase());
                words.iter().all(|w| text.contains(w.as_str()))
            })
            .collect()
    }
}

/// Handles an action while the participants panel or the question list is open; false when
/// the action is for the reader.
pub(super) fn update_list(state: &mut AppState, action: Action) -> bool {
    if state.doc().is_none() {
        return false;
    }
    let selected = match &state.overlay {
        Overlay::Participants { selected }
        | Overlay::Questions { selected }
        | Overlay::Terms { selected, .. } => *selected,
        _ => return false,
    };
    let set = |state: &mut AppState, n: usize| match &mut state.overlay {
        Overlay::Participants { selected }
        | Overlay::Questions { selected }
        | Overlay::Terms { selected, .. } => *selected = n,
        _ => {}
    };
    // `/` types a filter: the list keeps the entries holding its words; the selection moves
    // among them.
    if let Some(text) = &mut state.list_filter {
        let mut edited = String::new();
        std::mem::swap(&mut edited, text);
        let mut unused = 0;
        let changed = edit_prompt(&mut edited, &mut unused, action);
        if let Some(text) = &mut state.list_filter {
            *text = edited;
        }
        if changed {
            let first = state.list_entries().first().copied();
            set(state, first.unwrap_or(0));
            return true;
        }
        if action == Action::Cancel {
            state.list_filter = None;
            return true;
        }
    } else if action == Action::OpenSearch {
        state.list_filter = Some(String::new());
        return true;
    }
    let entries = state.list_entries();
    let at = entries.iter().position(|&i| i == selected);
    let step = |forward: bool| -> usize {
        let k = match (at, forward) {
            (Some(k), true) => (k + 1).min(entries.len().saturating_sub(1)),
            (Some(k), false) => k.saturating_sub(1),
            (None, _) => 0,
        };
        entries.get(k).copied().unwrap_or(selected)
    };
    match action {
        Action::SelectNext | Action::NextParagraph => set(state, step(true)),
        Action::SelectPrev | Action::PrevParagraph => set(state, step(false)),
        Action::Top => set(state, entries.first().copied().unwrap_or(0)),
        Action::Bottom => set(state, entries.last().copied().unwrap_or(0)),
        Action::Confirm | Action::ToggleFilter if at.is_none() => {
            state.message = Some("no entry holds those words".into());
        }
        Action::Confirm | Action::ToggleFilter => {
            let overlay = std::mem::take(&mut state.overlay);
            let Some(doc) = state.doc() else { return true };
            match overlay {
                Overlay::Participants { selected } => {
                    let p = doc
                        .participants()
                        .get(selected)
                        .map(|p| (p.speaker, p.first_turn));
                    if let Some((speaker, first_turn)) = p {
                        if action == Action::ToggleFilter {
                            state.set_filter(Some(speaker));
                        } else if let Some(t) = first_turn {
                            state.set_filter(None);
                            state.go_to_turn(t);
                        }
                    }
                }
                Overlay::Questions { selected } => {
                    if let Some(q) = doc.questions().get(selected) {
                        let t = q.turn;
                        state.set_filter(None);
                        state.go_to_turn(t);
                    }
                }
                // The next pair with that rendering after the cursor (from the top after the
                // last): Enter again on the same row walks them.
                Overlay::Terms { rows, selected } => {
                    if let Some((label, pairs)) = rows.get(selected) {
                        let here = doc.cursor;
                        let next = pairs.iter().find(|&&p| p > here).or(pairs.first());
                        if let Some(&n) = next {
                            let k = pairs.iter().position(|&p| p == n).unwrap_or(0) + 1;
                            let label = label.clone();
                            let total = pairs.len();
                            state.set_filter(None);
                            state.jump_to(n);
                            state.message =
                                Some(format!("{label}: {k} of {total} (T, Enter: next)"));
                            // Reopened, the list is where it was left.
                            state.terms_selected = selected;
                        }
                    }
                }
                _ => {}
            }
        }
        Action::Cancel
        | Action::OpenParticipants
        | Action::OpenQuestions
        | Action::OpenTerms
        | Action::ToggleHelp => state.overlay = Overlay::None,
        Action::Resize(..) | Action::Quit => return false,
        _ => {}
    }
    true
}

/// Handles an action while a one-line prompt (a note, the `:` line) is being edited.
pub(super) fn update_note(state: &mut AppState, action: Action) -> bool {
    let (Overlay::Note { text } | Overlay::GoTo { text }) = &mut state.overlay else {
        return false;
    };
    match action {
        Action::Input(c) if text.chars().count() < PROMPT_MAX => text.push(c),
        Action::Backspace => {
            text.pop();
        }
        Action::ClearPrompt => text.clear(),
        Action::Confirm => {
            let text = text.clone();
            let overlay = std::mem::take(&mut state.overlay);
            match overlay {
                Overlay::Note { .. } => state.set_note(&text),
                _ => match text.trim().trim_start_matches(':').parse::<usize>() {
                    Ok(line) if line > 0 => {
                        state.go_to_source_line(line);
                    }
                    _ => {
                        state.message = Some(format!(
                            "not a line number: {:?} (: then the line, as check prints it)",
                            crate::text::sanitize(&text)
                        ))
                    }
                },
            }
        }
        Action::Cancel => state.overlay = Overlay::None,
        Action::Resize(..) | Action::Quit => return false,
        _ => {}
    }
    true
}

/// Handles an action while the bookmark list is open.
pub(super) fn update_bookmarks(state: &mut AppState, action: Action) -> bool {
    let Overlay::Bookmarks { selected } = state.overlay else {
        return false;
    };
    let open = state.all_bookmarks().len();
    let count = state.list_len().unwrap_or(0);
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
                .map(|(d, b)| (*d, b.paragraph, b.sentence.clone()));
            let elsewhere = selected.checked_sub(open).and_then(|i| {
                state
                    .bookmarks_elsewhere()
                    .get(i)
                    .map(|(_, key, b)| (key.to_string(), (*b).clone()))
            });
            state.overlay = Overlay::None;
            if let Some((doc, n, sentence)) = target {
                state.show_doc(doc);
                match sentence {
                    Some(mark) => state.go_to_sentence(n, &mark),
                    None => state.jump_to(n),
                }
            } else if let Some((key, bookmark)) = elsewhere {
                state.open_elsewhere(&key, bookmark);
            }
        }
        Action::Cancel | Action::OpenBookmarks => state.overlay = Overlay::None,
        Action::Resize(..) | Action::Quit => return false,
        _ => {}
    }
    true
}
