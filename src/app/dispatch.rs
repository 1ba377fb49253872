//! The update function: the count prefix, what is open over the reader (overlays, the focused
//! sidebar), and the reader's own keys, one function per group of actions.

use super::overlays::{update_bookmarks, update_list, update_note, update_picker, update_search};
use super::sidebar::{SIDEBAR_MIN_TERMINAL, update_sidebar};
use super::{Action, AppState, Overlay};

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
    match action {
        Action::NextParagraph
        | Action::PrevParagraph
        | Action::NextTurn
        | Action::PrevTurn
        | Action::NextSameSpeaker
        | Action::PrevSameSpeaker
        | Action::JumpToQa
        | Action::NextFinding
        | Action::PrevFinding
        | Action::NextDifference
        | Action::PrevDifference
        | Action::NextBookmark
        | Action::PrevBookmark
        | Action::NextSentence
        | Action::PrevSentence
        | Action::NextMatch
        | Action::PrevMatch
        | Action::HalfPageDown
        | Action::HalfPageUp
        | Action::PageDown
        | Action::PageUp
        | Action::Top
        | Action::Bottom
        | Action::Back
        | Action::ScrollRows(_) => apply_motion(state, action),
        Action::GoToLine
        | Action::OpenSearch
        | Action::EditNote
        | Action::OpenBookmarks
        | Action::OpenParticipants
        | Action::OpenTerms
        | Action::OpenQuestions
        | Action::ToggleHelp
        | Action::ShowFindings
        | Action::OpenHistory
        | Action::OpenPicker => apply_open(state, action),
        Action::ToggleSidebar
        | Action::ToggleFocus
        | Action::ToggleFilter
        | Action::Cancel
        | Action::CycleLayout
        | Action::SwapPanes
        | Action::Resize(..) => apply_view(state, action),
        Action::DismissFinding => state.dismiss_finding(),
        Action::ToggleBookmark => state.toggle_bookmark(),
        Action::Undo => state.undo_removal(),
        Action::CopyPair => copy_pair(state),
        Action::Suspend => state.suspend = true,
        Action::Quit => state.quit = true,
        Action::Count(_) => {}
        // Handled before the overlays (see above).
        Action::Click(..) => {}
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

/// The reader's moves: steps, jumps and scrolling.
fn apply_motion(state: &mut AppState, action: Action) {
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
            state.step_finding(action == Action::NextFinding);
        }
        Action::NextDifference | Action::PrevDifference => {
            state.step_difference(action == Action::NextDifference);
        }
        Action::NextBookmark => state.step_bookmark(true),
        Action::PrevBookmark => state.step_bookmark(false),
        Action::NextSentence => state.step_sentence(true),
        Action::PrevSentence => state.step_sentence(false),
        Action::NextMatch | Action::PrevMatch => state.step_match(action == Action::NextMatch),
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
        Action::Bottom => {
            state.go_to(usize::MAX);
            let max = state.max_scroll();
            if let Some(d) = state.docs.get_mut(state.current) {
                d.scroll = max;
            }
        }
        Action::Back => state.go_back(),
        Action::ScrollRows(n) => state.scroll_rows(isize::from(n)),
        _ => {}
    }
}

/// The reader's keys that open an overlay (a prompt, a list, a screen).
fn apply_open(state: &mut AppState, action: Action) {
    match action {
        Action::GoToLine => {
            state.overlay = Overlay::GoTo {
                text: String::new(),
            }
        }
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
        Action::EditNote => {
            let text = state
                .doc()
                .and_then(|d| d.bookmarks.iter().find(|b| b.paragraph == d.cursor))
                .and_then(|b| b.note.clone())
                .unwrap_or_default();
            state.overlay = Overlay::Note { text };
        }
        Action::OpenBookmarks => state.overlay = Overlay::Bookmarks { selected: 0 },
        Action::OpenParticipants => state.overlay = Overlay::Participants { selected: 0 },
        Action::OpenTerms => open_terms(state),
        Action::OpenQuestions => {
            // Start at the question the cursor is in or after.
            let selected = state.doc().map_or(0, |d| {
                let here = d.turn_of(d.cursor);
                d.questions()
                    .iter()
                    .rposition(|q| q.turn <= here)
                    .unwrap_or(0)
            });
            state.overlay = Overlay::Questions { selected };
        }
        Action::ToggleHelp => {
            state.help_scroll = 0;
            state.overlay = Overlay::Help;
        }
        Action::ShowFindings => {
            if state.doc().is_some_and(|d| {
                d.findings_at(d.cursor).next().is_some()
                    || d.second_findings_at(d.cursor).next().is_some()
                    || d.differences_at(d.cursor).next().is_some()
            }) {
                state.overlay = Overlay::Findings;
            } else {
                state.message = Some("no translation finding here: ! goes to the next".into());
            }
        }
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
        _ => {}
    }
}

/// Opens the list of the call's names and terms, one row per rendering (at the row last
/// jumped from).
fn open_terms(state: &mut AppState) {
    let rows = state.doc().map_or_else(Vec::new, |d| {
        d.terms()
            .iter()
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

/// The reader's keys that change what is shown: the sidebar and its focus, the speaker
/// filter, highlights, the layout, the terminal's size.
fn apply_view(state: &mut AppState, action: Action) {
    match action {
        Action::ToggleSidebar => {
            state.sidebar = !state.sidebar;
            state.sidebar_focus = state.sidebar && state.sidebar_shown();
            if state.sidebar && !state.sidebar_shown() {
                state.sidebar = false;
                state.message = Some(format!(
                    "the sidebar needs {SIDEBAR_MIN_TERMINAL}+ columns (callread guidance prints it)"
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
        Action::Resize(w, h) => {
            state.size = (w, h);
            state.relayout();
            // `callread +N`: once there is a layout, so the pair shows near the top.
            if let Some(line) = state.start_line.take() {
                state.go_to_source_line(line);
            }
        }
        _ => {}
    }
}

/// `y`: puts the current pair (or the sentence under the sentence cursor) on the clipboard.
fn copy_pair(state: &mut AppState) {
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
