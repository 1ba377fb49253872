//! The status bar: transcript, speaker, section, position, and a hint or message.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Theme, put};
use crate::app::AppState;
use crate::text::wrap::width;

/// Draws the status bar in its one-row area.
pub fn draw(buf: &mut Buffer, area: Rect, state: &AppState, theme: &Theme) {
    buf.set_style(area, theme.status);
    // Right: what must always show (position, hint or message); left: the context, cut
    // with an ellipsis when the terminal is narrow.
    let mut left = String::new();
    // The left without the speaker's title, for a finding that needs the room.
    let mut left_short = String::new();
    let mut right = String::new();
    if let Some(doc) = state.doc() {
        left.push_str(&format!(" {} ", doc.short_title()));
        left_short.push_str(&left);
        if let Some((turn, _)) = doc.paragraph(doc.cursor) {
            let s = &doc.transcript.speakers[turn.speaker];
            let who = match &s.title {
                Some(title) => format!("{} — {title}", s.name),
                None => s.name.clone(),
            };
            left.push_str(&format!("│ {} │ {who} ", turn.section.label()));
            left_short.push_str(&format!("│ {} │ {} ", turn.section.label(), s.name));
        }
        let count = doc.live_findings().count() + doc.second_findings().len();
        if doc.analysing() {
            right.push_str(" checking… │");
        } else if count > 0 {
            right.push_str(&format!(" ! {count} │"));
        }
        let differ = doc.differences().len();
        if differ > 0 {
            right.push_str(&format!(" ≠ {differ} │"));
        }
        if let Some(f) = doc.filter {
            right.push_str(&format!(
                " only {} (Esc) │",
                doc.transcript.speakers[f].name
            ));
        }
        let n = doc.cursor + 1;
        let total = doc.len().max(1);
        right.push_str(&format!(" ¶ {n}/{total} {}% ", n * 100 / total));
    }
    if state.docs.len() > 1 {
        right.push_str(&format!(
            "│ {}/{} ",
            state.call_position() + 1,
            state.docs.len()
        ));
    }
    // What is said about the pair under the cursor: a finding of the file's translation,
    // where it and a second translation (`--compare`) disagree, or a finding of the second
    // translation; with a second translation, whose finding it is.
    let said: Option<(String, &str, &str)> = state.doc().and_then(|d| {
        let compared = d.transcript.second.is_some();
        if let Some(f) = d.findings_at(d.cursor).next() {
            let who = if compared { "1 · " } else { "" };
            return Some((who.to_string(), f.kind.name(), f.detail.as_str()));
        }
        if let Some(x) = d.differences_at(d.cursor).next() {
            return Some(("≠ ".to_string(), x.kind.name(), x.detail.as_str()));
        }
        d.second_findings_at(d.cursor)
            .next()
            .map(|f| ("2 · ".to_string(), f.kind.name(), f.detail.as_str()))
    });
    match (&state.message, state.loading) {
        (Some(m), _) => right.push_str(&format!("│ {m} ")),
        (None, _) if said.is_some() => {
            if let Some((who, kind, detail)) = said {
                // The whole finding where it fits beside the speaker; else its kind and the
                // key that shows it in full.
                let full = format!("│ {who}{kind}: {detail} · i ");
                let fits = |left: &str| {
                    width(left) + width(&right) + width(&full) <= usize::from(area.width)
                };
                if fits(&left) {
                    right.push_str(&full);
                } else if fits(&left_short) {
                    left = left_short;
                    right.push_str(&full);
                } else {
                    right.push_str(&format!(
                        "│ {who}{kind} · {} shows it ",
                        state.key(crate::app::Action::ShowFindings)
                    ));
                }
            }
        }
        (None, Some((done, total))) => right.push_str(&format!(
            "│ loading {done}/{total} │ {} help ",
            state.key(crate::app::Action::ToggleHelp)
        )),
        (None, None) => right.push_str(&format!(
            "│ {} help ",
            state.key(crate::app::Action::ToggleHelp)
        )),
    }
    // A message wider than the terminal ends with an ellipsis, not mid-word at the edge.
    if width(&right) > usize::from(area.width) {
        right = format!(
            "{} ",
            crate::text::wrap::ellipsize(&right, usize::from(area.width).saturating_sub(1))
        );
    }
    let right_w = width(&right).min(usize::from(area.width)) as u16;
    let room = area.width - right_w;
    if width(&left) > usize::from(room) && room > 1 {
        let cut = crate::text::wrap::truncate(&left, usize::from(room) - 2);
        left = format!("{cut}… ");
    }
    put(buf, area.x, area.y, &left, room, theme.status);
    put(
        buf,
        area.x + room,
        area.y,
        &right,
        right_w,
        theme.status_strong,
    );
}
