//! Moving through a transcript: paragraph and page steps, scrolling, turn jumps and the
//! speaker filter. Everything keeps the cursor's pair on screen.

use std::ops::Range;

use super::AppState;
use crate::app::layout::{BlockKind, Lang, LayoutMode};

impl AppState {
    pub(super) fn max_scroll(&self) -> usize {
        let rows = self.view_rows();
        self.doc()
            .and_then(|d| d.layout.as_ref())
            .map_or(0, |l| l.rows.saturating_sub(rows))
    }

    pub(super) fn clamp_scroll(&mut self) {
        let max = self.max_scroll();
        if let Some(doc) = self.docs.get_mut(self.current) {
            doc.scroll = doc.scroll.min(max);
        }
    }

    /// Scrolls just enough that the cursor's pair is visible (its top when it is taller than
    /// the view), showing the speaker divider above a turn's first paragraph.
    pub(super) fn reveal_cursor(&mut self) {
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
        if bi > 0 && matches!(layout.blocks[bi - 1].kind, BlockKind::Divider(_)) {
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
            doc.lay_out_to(n);
            doc.cursor = match &doc.layout {
                Some(l) => l.nearest(n),
                None => n.min(doc.len().saturating_sub(1)),
            };
        }
        self.reveal_cursor();
    }

    /// Moves the cursor `delta` pairs among those shown.
    pub(super) fn step(&mut self, delta: isize) {
        let Some(doc) = self.doc() else { return };
        let n = match &doc.layout {
            Some(l) => l.step(doc.cursor, delta),
            None => (doc.cursor as isize + delta).max(0) as usize,
        };
        self.go_to(n);
    }

    /// Jumps to pair `n` and shows it where the eye expects a jump's target: its first line
    /// two rows below the top of the view (as far as the end of the transcript allows).
    pub fn jump_to(&mut self, n: usize) {
        self.jump_to_marks(n, &[], &[]);
    }

    /// As [`AppState::jump_to`], and when the first marked byte range (a figure, a match) of
    /// the English `en` or Chinese `zh` text would fall below the view, scrolls on until its
    /// line shows.
    pub fn jump_to_marks(&mut self, n: usize, en: &[Range<usize>], zh: &[Range<usize>]) {
        self.go_to(n);
        let (max, rows, mode) = (self.max_scroll(), self.view_rows(), self.layout_mode());
        let Some(doc) = self.docs.get_mut(self.current) else {
            return;
        };
        let Some(b) = doc.layout.as_ref().and_then(|l| l.pair(doc.cursor)) else {
            return;
        };
        let marks = |lang: Lang| if lang == Lang::En { en } else { zh };
        let hit = |lines: &[Range<usize>], lang: Lang| {
            lines.iter().position(|l| {
                marks(lang)
                    .iter()
                    .any(|m| m.start < l.end && l.start < m.end)
            })
        };
        // Stacked, the second text's lines come after the first's.
        let offset = if mode == LayoutMode::Stacked {
            b.left.len()
        } else {
            0
        };
        let row = [
            hit(&b.left, b.left_lang),
            hit(&b.right, b.right_lang).map(|r| r + offset),
        ]
        .into_iter()
        .flatten()
        .min();
        let mut scroll = b.top.saturating_sub(2);
        if let Some(r) = row {
            let at = b.top + r;
            // Keep two rows of context below the marked line.
            if at + 3 > scroll + rows {
                scroll = (at + 3).saturating_sub(rows);
            }
        }
        doc.scroll = scroll.min(max);
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
    pub(super) fn turn_jump(&self, forward: bool, same_speaker: bool) -> Option<usize> {
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
    pub(super) fn page(&mut self, delta: isize) {
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
    pub(super) fn scroll_rows(&mut self, delta: isize) {
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
}
