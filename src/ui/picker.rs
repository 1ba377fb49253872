//! The transcript picker: type to filter by file name or company.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Theme, centered, popup, put};
use crate::app::AppState;

/// Draws the picker over `area`.
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    state: &AppState,
    query: &str,
    selected: usize,
    theme: &Theme,
) {
    let matches = state.picker_matches();
    let title = format!(
        "transcripts {}/{} · type to filter, Enter opens",
        matches.len(),
        state.docs.len()
    );
    let r = centered(area, 80, 22);
    let inner = popup(buf, r, &title, theme);
    if inner.height == 0 {
        return;
    }
    put(
        buf,
        inner.x + 1,
        inner.y,
        &format!("> {query}▏"),
        inner.width.saturating_sub(1),
        theme.popup,
    );
    let list_rows = usize::from(inner.height.saturating_sub(1));
    let first = selected.saturating_sub(list_rows.saturating_sub(1));
    for (row, &i) in matches.iter().enumerate().skip(first).take(list_rows) {
        let y = inner.y + 1 + (row - first) as u16;
        let doc = &state.docs[i];
        let style = if row == selected {
            theme.selected
        } else {
            theme.popup
        };
        if row == selected {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                style,
            );
        }
        let mark = if i == state.current { "•" } else { " " };
        let line = format!("{mark} {}  ({} ¶)", doc.title(), doc.len());
        put(
            buf,
            inner.x + 1,
            y,
            &line,
            inner.width.saturating_sub(1),
            style,
        );
    }
}
