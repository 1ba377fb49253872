//! The Q&A map: each analyst question, who asked, and who answered.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Theme, centered, popup};
use crate::app::{AppState, LayoutMode};
use crate::speakers::opening_words;
use crate::text::wrap::{ellipsize, width};

/// Draws the question list over `area`. Returns where the list's rows went (for clicks).
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    state: &AppState,
    selected: usize,
    theme: &Theme,
) -> Option<(Rect, usize)> {
    let doc = state.doc()?;
    let t = &doc.transcript;
    // The question's first words in the language being read.
    let zh =
        state.mode == LayoutMode::Chinese || (state.swapped && state.mode != LayoutMode::English);
    let qs = doc.questions();
    let r = centered(area, area.width.saturating_sub(6), qs.len() as u16 + 2);
    // The list writes a row from the second column inside the border.
    let room = usize::from(r.width.saturating_sub(3));
    let rows: Vec<String> = qs
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let s = &t.speakers[q.speaker];
            let firm = s
                .firm
                .as_deref()
                .map(|f| format!(" ({f})"))
                .unwrap_or_default();
            let answered: Vec<&str> = q
                .answered_by
                .iter()
                .map(|&a| t.speakers[a].name.as_str())
                .collect();
            // Who answered stays whole: the question's first words give way (with "…"),
            // then the firm.
            let tail = format!(" → {}", answered.join(", "));
            let mut head = format!("{:>2}. {}{firm}: ", i + 1, s.name);
            if width(&head) + width(&tail) + 8 > room {
                head = format!("{:>2}. {}: ", i + 1, s.name);
            }
            let words = opening_words(t, q.turn, zh, 10);
            let left = room.saturating_sub(width(&head) + width(&tail));
            format!("{head}{}{tail}", ellipsize(&words, left))
        })
        .collect();
    let title = format!(
        "{} · Enter jumps · Esc/{} close",
        crate::text::count(rows.len(), "analyst question", "analyst questions"),
        state.key(crate::app::Action::Quit)
    );
    let inner = popup(buf, r, &super::with_filter(title, state), theme);
    Some(super::filtered_list(
        buf, inner, &rows, selected, state, theme,
    ))
}
