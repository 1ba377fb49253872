//! The bookmark list and the note editor.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Theme, centered, list, popup, put};
use crate::app::AppState;

/// Draws every bookmark: those of the open transcripts, then those saved in others; returns
/// where the list's rows went (for clicks).
pub fn draw_list(
    buf: &mut Buffer,
    area: Rect,
    state: &AppState,
    selected: usize,
    theme: &Theme,
) -> Option<(Rect, usize)> {
    let zh = state.mode == crate::app::LayoutMode::Chinese;
    let mut rows: Vec<String> = Vec::new();
    for (d, b) in state.all_bookmarks() {
        let doc = &state.docs[d];
        // A sentence bookmark shows its sentence, else the paragraph's beginning.
        let text = doc
            .paragraph(b.paragraph)
            .map(|(_, p)| {
                let sentence = b.sentence.as_ref().and_then(|m| {
                    let en = m.en.clone().and_then(|r| p.en.as_deref()?.get(r));
                    let cn = m.zh.clone().and_then(|r| p.zh.as_deref()?.get(r));
                    if zh { cn.or(en) } else { en.or(cn) }
                });
                sentence.unwrap_or(p.text(zh))
            })
            .unwrap_or("");
        let words: String = text.chars().take(60).collect();
        let words = if b.sentence.is_some() {
            format!("“{words}")
        } else {
            words
        };
        let note = b
            .note
            .as_deref()
            .map(|n| format!(" — {n}"))
            .unwrap_or_default();
        rows.push(format!(
            "{} ¶ {}{note}: {words}…",
            doc.call_label(),
            b.paragraph + 1
        ));
    }
    for (title, key, b) in state.bookmarks_elsewhere() {
        let note = b
            .note
            .as_deref()
            .map(|n| format!(" — {n}"))
            .unwrap_or_default();
        let how = if state.can_open_elsewhere(key) {
            "Enter opens it"
        } else {
            "callread FILE opens it"
        };
        rows.push(format!(
            "{title} ¶ {}{note} (not open: {how})",
            b.paragraph + 1
        ));
    }
    let noun = if rows.len() == 1 {
        "bookmark"
    } else {
        "bookmarks"
    };
    let title = format!(
        "{} {noun} · Enter jumps · {} on a paragraph removes it · Esc/{} close",
        rows.len(),
        state.key(crate::app::Action::ToggleBookmark),
        state.key(crate::app::Action::Quit)
    );
    let r = centered(
        area,
        area.width.saturating_sub(6),
        (rows.len() as u16 + 2).max(4),
    );
    let inner = popup(buf, r, &title, theme);
    if rows.is_empty() {
        put(
            buf,
            inner.x + 1,
            inner.y,
            "no bookmarks yet: m bookmarks the paragraph under the cursor",
            inner.width.saturating_sub(1),
            theme.dim,
        );
    }
    Some(list(buf, inner, &rows, selected, theme))
}

/// Draws a one-line prompt (the note editor, the `:` line) titled `title`, centred, or, when
/// that would cover the rows `keep` (the pair the note is about, with its highlighted
/// sentence), below them or above them.
pub fn draw_note(
    buf: &mut Buffer,
    area: Rect,
    title: &str,
    text: &str,
    keep: Option<(u16, u16)>,
    theme: &Theme,
) {
    let mut r = centered(area, 70, 3);
    if let Some((top, bottom)) = keep
        && r.y < bottom
        && top < r.y + r.height
    {
        if bottom + r.height <= area.bottom() {
            r.y = bottom;
        } else if top >= area.y + r.height {
            r.y = top - r.height;
        }
    }
    let inner = popup(buf, r, title, theme);
    let shown = format!("{text}▏");
    // Show the end of a long note.
    let w = usize::from(inner.width.saturating_sub(2));
    let skip = crate::text::wrap::width(&shown).saturating_sub(w);
    let tail: String = shown.chars().skip(skip).collect();
    put(
        buf,
        inner.x + 1,
        inner.y,
        &tail,
        inner.width.saturating_sub(1),
        theme.popup,
    );
}
