//! The participants panel: executives, analysts (with firms), the operator.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Theme, centered, list, popup};
use crate::app::AppState;
use crate::speakers::participants;
use crate::text::wrap::{truncate, width};
use crate::transcript::Role;

/// Draws the panel over `area`.
pub fn draw(buf: &mut Buffer, area: Rect, state: &AppState, selected: usize, theme: &Theme) {
    let Some(doc) = state.doc() else { return };
    let people = participants(&doc.transcript);
    let rows: Vec<String> = people
        .iter()
        .map(|p| {
            let role = match p.role {
                Role::Executive => "exec",
                Role::Analyst => "analyst",
                Role::Operator => "operator",
                Role::Unknown => "?",
            };
            let about = match (&p.firm, &p.firm_zh, &p.title) {
                (Some(f), Some(zh), _) if zh != f => format!("{f} {zh}"),
                (Some(f), _, _) => f.clone(),
                (None, _, Some(t)) => t.clone(),
                _ => String::new(),
            };
            let name = pad(&p.name, 24);
            let about = pad(&about, 34);
            let turns = if p.turns == 1 { "turn " } else { "turns" };
            format!(
                "{role:<8} {name} {about} {:>3} {turns} {:>6} words",
                p.turns, p.words
            )
        })
        .collect();
    let r = centered(area, 96, rows.len() as u16 + 2);
    let title = format!(
        "participants · Enter jumps to first turn · {} shows only them · Esc/{} close",
        state.key(crate::app::Action::ToggleFilter),
        state.key(crate::app::Action::Quit)
    );
    let inner = popup(buf, r, &title, theme);
    list(buf, inner, &rows, selected, theme);
}

/// Pads or cuts `s` to exactly `w` columns.
fn pad(s: &str, w: usize) -> String {
    let cut = truncate(s, w);
    format!("{cut}{}", " ".repeat(w - width(cut)))
}
