//! The search prompt and its live results.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::{Theme, centered, prompt_popup, put};
use crate::app::AppState;
use crate::text::wrap::width;
use crate::transcript::Lang;

/// Draws the prompt and the results over `area`.
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    state: &AppState,
    query: &str,
    selected: usize,
    all: bool,
    theme: &Theme,
) {
    let scope = if all {
        format!(
            "all {}",
            crate::text::count(state.docs.len(), "call", "calls")
        )
    } else {
        "this call".to_string()
    };
    let hits = &state.search_hits;
    let count = if hits.len() >= crate::app::SEARCH_LIST_LIMIT {
        format!("{}+ matches", hits.len())
    } else {
        crate::text::count(hits.len(), "match", "matches")
    };
    let title = format!(
        "search {scope} (Ctrl-a: {}) · {count} · Enter jumps · Ctrl-u/w clear · ↑ history",
        if all { "this call" } else { "all calls" }
    );
    let r = centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2).max(3),
    );
    let Some(list) = prompt_popup(buf, r, &title, &format!("/ {query}"), theme) else {
        return;
    };
    let rows = usize::from(list.height);
    let first = selected.saturating_sub(rows.saturating_sub(1));
    for (i, hit) in hits.iter().enumerate().skip(first).take(rows) {
        let y = list.y + (i - first) as u16;
        let style = if i == selected {
            theme.selected
        } else {
            theme.popup
        };
        buf.set_style(
            Rect {
                y,
                height: 1,
                ..list
            },
            style,
        );
        let Some(doc) = state.docs.get(hit.doc) else {
            continue;
        };
        let Some((turn, p)) = doc.paragraph(hit.paragraph) else {
            continue;
        };
        let speaker = &doc.transcript.speakers[turn.speaker].name;
        let lang = if hit.lang == Lang::En { "EN" } else { "ZH" };
        let mut label = format!("{speaker} · {} · {lang} ", turn.section.label());
        if all {
            label = format!("{} · {label}", doc.call_label());
        }
        let x = put(
            buf,
            list.x + 1,
            y,
            &label,
            list.width.saturating_sub(1),
            style.add_modifier(Modifier::DIM),
        );
        let text = p.side(hit.lang).unwrap_or("");
        let room = usize::from(list.right().saturating_sub(x + 1));
        let hl = style.patch(theme.flag).add_modifier(Modifier::UNDERLINED);
        snippet(buf, (x, y), text, &hit.ranges, room, (style, hl));
    }
}

/// Draws a window of `text` around the first match, the matched characters highlighted.
fn snippet(
    buf: &mut Buffer,
    (x, y): (u16, u16),
    text: &str,
    ranges: &[std::ops::Range<usize>],
    room: usize,
    (style, hl): (ratatui::style::Style, ratatui::style::Style),
) {
    let first = ranges.first().map_or(0, |r| r.start);
    // Start a few words before the first match so it has context.
    let mut start = first;
    let mut back = 0;
    for (i, c) in text[..first].char_indices().rev() {
        back += width(c.encode_utf8(&mut [0; 4]));
        if back > room / 4 {
            break;
        }
        start = i;
    }
    let mut cx = x;
    let limit = x as usize + room;
    if start > 0 && (cx as usize) < limit {
        cx = put(buf, cx, y, "…", 1, style);
    }
    // What is left of the text, in columns: when it does not all fit, the last column is an
    // ellipsis, not a word cut at the edge.
    let mut rest = width(&text[start..]);
    for (i, c) in text[start..].char_indices() {
        let at = start + i;
        let s = c.encode_utf8(&mut [0; 4]).to_string();
        let w = width(&s);
        if cx as usize + rest > limit && cx as usize + w >= limit {
            if (cx as usize) < limit {
                put(buf, cx, y, "…", 1, style);
            }
            break;
        }
        rest -= w;
        let matched = ranges.iter().any(|r| r.contains(&at));
        cx = put(buf, cx, y, &s, w as u16, if matched { hl } else { style });
    }
}
