//! The transcript picker: type to filter by file name or company.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Theme, centered, list, prompt_popup};
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
    let Some(below) = prompt_popup(buf, r, &title, &format!("> {query}"), theme) else {
        return;
    };
    let rows: Vec<String> = matches
        .iter()
        .map(|&i| {
            let doc = &state.docs[i];
            let mark = if i == state.current { "•" } else { " " };
            format!("{mark} {}  ({} ¶)", doc.title(), doc.len())
        })
        .collect();
    list(buf, below, &rows, selected, theme);
}
