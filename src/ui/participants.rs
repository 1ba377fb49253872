//! The participants panel: executives, analysts (with firms), the operator.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Theme, centered, popup};
use crate::app::AppState;
use crate::text::wrap::{ellipsize, width};
use crate::transcript::Role;

/// Draws the panel over `area`. The columns share what the terminal gives: names and firms
/// are cut (with "…") before the turns and words are. Returns where the list's rows went (for clicks).
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    state: &AppState,
    selected: usize,
    theme: &Theme,
) -> Option<(Rect, usize)> {
    let doc = state.doc()?;
    let people = doc.participants();
    let r = centered(area, 96, people.len() as u16 + 2);
    // The list writes a row from the second column inside the border.
    let room = usize::from(r.width.saturating_sub(3));
    // "analyst  " + name + " " + about + " 22 turns  1234 words"
    const FIXED: usize = 9 + 1 + 10 + 13;
    let flexible = room.saturating_sub(FIXED);
    let name_w = (flexible * 2 / 5).clamp(8.min(flexible), 24);
    let about_w = flexible.saturating_sub(name_w).min(34);
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
            let name = pad(&p.name, name_w);
            let about = pad(&about, about_w);
            let turns = if p.turns == 1 { "turn " } else { "turns" };
            format!(
                "{role:<8} {name} {about} {:>3} {turns} {:>6} words",
                p.turns, p.words
            )
        })
        .collect();
    let title = format!(
        "participants · Enter jumps to first turn · {} shows only them · Esc/{} close",
        state.key(crate::app::Action::ToggleFilter),
        state.key(crate::app::Action::Quit)
    );
    let inner = popup(buf, r, &super::with_filter(title, state), theme);
    Some(super::filtered_list(
        buf, inner, &rows, selected, state, theme,
    ))
}

/// Pads `s` to exactly `w` columns, or cuts it with "…".
fn pad(s: &str, w: usize) -> String {
    let cut = ellipsize(s, w);
    format!("{cut}{}", " ".repeat(w.saturating_sub(width(&cut))))
}
