//! The transcript picker: the calls by company and call period; type to filter by company,
//! period or file name.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Theme, centered, list, prompt_popup};
use crate::app::AppState;
use crate::text::wrap::{ellipsize, width};

/// Draws the picker over `area`; returns where the list's rows went (for clicks).
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    state: &AppState,
    query: &str,
    selected: usize,
    theme: &Theme,
) -> Option<(Rect, usize)> {
    let matches = state.picker_matches();
    let title = format!(
        "transcripts {}/{} · type to filter, Enter opens",
        matches.len(),
        state.docs.len()
    );
    let r = centered(area, 80, 22);
    let below = prompt_popup(buf, r, &title, &format!("> {query}"), theme)?;
    // A row per call: company, call period, paragraphs, and the file name last (cut first).
    let company = |i: usize| {
        let d = &state.docs[i];
        d.company
            .clone()
            .unwrap_or_else(|| d.transcript.file_name().to_string())
    };
    let company_w = matches
        .iter()
        .map(|&i| width(&company(i)))
        .max()
        .unwrap_or(0)
        .min(30);
    let rows: Vec<String> = matches
        .iter()
        .map(|&i| {
            let doc = &state.docs[i];
            let mark = if i == state.current { "•" } else { " " };
            let name = ellipsize(&company(i), company_w).into_owned();
            let pad = " ".repeat(company_w.saturating_sub(width(&name)));
            format!(
                "{mark} {name}{pad}  {:<9}  {:>5} ¶  {}",
                doc.period().unwrap_or("—"),
                doc.len(),
                doc.transcript.file_name()
            )
        })
        .collect();
    Some(list(buf, below, &rows, selected, theme))
}
