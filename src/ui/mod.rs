//! Drawing. `render` reads the state and never changes it; one file per widget.

mod bookmarks;
mod findings;
mod help;
pub mod history;
mod participants;
mod picker;
mod questions;
mod reader;
mod search;
mod sidebar;
mod status;
pub mod theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::{AppState, HitAreas, MIN_SIZE, Overlay};
use crate::keymap::Keymap;
use crate::text::wrap::truncate;
pub use reader::{divider_line, summary_title};
pub use theme::Theme;

/// Draws the whole screen for `state`, dropping where things went (what a test or a
/// benchmark that never clicks wants; the event loop uses [`draw_frame`]).
pub fn render(frame: &mut Frame, state: &AppState, keymap: &Keymap) {
    draw_frame(frame, state, keymap);
}

/// Draws the whole screen for `state` and returns where the panes and any list went, for
/// clicks (the event loop stores it in [`AppState::hit_areas`]).
pub fn draw_frame(frame: &mut Frame, state: &AppState, keymap: &Keymap) -> HitAreas {
    let area = frame.area();
    let buf = frame.buffer_mut();
    draw(buf, area, state, keymap)
}

/// Where `state` would draw the panes and any list on a screen of its size, without a
/// screen: what a click goes by when no event loop recorded the last frame (headless
/// drivers, which draw the state and then click on it).
pub fn hit_areas(state: &AppState, keymap: &Keymap) -> HitAreas {
    let area = Rect::new(0, 0, state.size.0, state.size.1);
    draw(&mut Buffer::empty(area), area, state, keymap)
}

/// Draws into a buffer (what [`render`] does, usable without a `Frame`), and returns where
/// the panes and any list went, for clicks.
pub fn draw(buf: &mut Buffer, area: Rect, state: &AppState, keymap: &Keymap) -> HitAreas {
    if area.width == 0 || area.height == 0 {
        return HitAreas::default();
    }
    let theme = Theme::new(state.theme);
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let lines = ["terminal too small", "need at least 20×5"];
        for (y, line) in lines.iter().enumerate().take(usize::from(area.height)) {
            put(buf, area.x, area.y + y as u16, line, area.width, theme.dim);
        }
        return HitAreas::default();
    }
    let body = Rect {
        height: area.height - 1,
        ..area
    };
    let status_row = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    let side = if state.sidebar_shown() {
        crate::app::sidebar_width(area.width)
    } else {
        0
    };
    let panes = Rect {
        width: body.width - side,
        ..body
    };
    if side > 0 {
        sidebar::draw(
            buf,
            Rect {
                x: body.x + panes.width,
                width: side,
                ..body
            },
            state,
            &theme,
        );
    }
    let body = panes;
    let mut areas = HitAreas::default();
    match state.doc() {
        Some(doc) => {
            reader::draw(buf, body, state, doc, &theme);
            areas.reader = Some(body);
        }
        None => {
            let msg = match state.loading {
                Some((done, total)) => format!("loading transcripts… {done}/{total}"),
                None => "no transcripts".to_string(),
            };
            put(
                buf,
                body.x + 2,
                body.y + body.height / 2,
                &msg,
                body.width.saturating_sub(2),
                theme.dim,
            );
        }
    }
    status::draw(buf, status_row, state, &theme);
    // The list overlays return where their rows went; the others draw no list.
    areas.list = match &state.overlay {
        Overlay::None => None,
        Overlay::Help => {
            help::draw(buf, body, keymap, state.help_scroll, &theme);
            None
        }
        Overlay::Findings => {
            findings::draw(buf, body, state, &theme);
            None
        }
        Overlay::History { sequence } => {
            history::draw(buf, body, state, *sequence, &theme);
            None
        }
        Overlay::Picker { query, selected } => {
            picker::draw(buf, body, state, query, *selected, &theme)
        }
        Overlay::Participants { selected } => {
            participants::draw(buf, body, state, *selected, &theme)
        }
        Overlay::Questions { selected } => questions::draw(buf, body, state, *selected, &theme),
        Overlay::Terms { rows, selected } => {
            let labels: Vec<String> = rows.iter().map(|(l, _)| l.clone()).collect();
            let w = labels
                .iter()
                .map(|l| crate::text::wrap::width(l))
                .max()
                .unwrap_or(20)
                .clamp(40, 90) as u16
                + 4;
            let r = centered(body, w, labels.len() as u16 + 2);
            let title = format!(
                "names and terms · Enter jumps to the next paragraph with it · Esc/{} close",
                state.key(crate::app::Action::Quit)
            );
            let inner = popup(buf, r, &with_filter(title, state), &theme);
            Some(filtered_list(buf, inner, &labels, *selected, state, &theme))
        }
        Overlay::Bookmarks { selected } => {
            bookmarks::draw_list(buf, body, state, *selected, &theme)
        }
        Overlay::Note { text } => {
            bookmarks::draw_note(
                buf,
                body,
                &format!(
                    "note on {} · Enter saves · Esc cancels",
                    state.note_subject()
                ),
                text,
                cursor_rows(state, body),
                &theme,
            );
            None
        }
        Overlay::GoTo { text } => {
            bookmarks::draw_note(
                buf,
                body,
                "go to line of the file · Enter goes · Esc cancels",
                &format!(":{text}"),
                None,
                &theme,
            );
            None
        }
        Overlay::Search {
            query,
            selected,
            all,
        } => {
            search::draw(buf, body, state, query, *selected, *all, &theme);
            None
        }
    };
    areas
}

/// The screen rows (first, past the last) of the cursor's pair inside `body`, as far as
/// they show: what a prompt about that pair must not cover.
fn cursor_rows(state: &AppState, body: Rect) -> Option<(u16, u16)> {
    let doc = state.doc()?;
    let b = doc.layout.as_ref()?.pair(doc.cursor)?;
    let top = b.top.saturating_sub(doc.scroll);
    let bottom = (b.top + b.content_rows()).saturating_sub(doc.scroll);
    let clip = |r: usize| body.y + r.min(usize::from(body.height)) as u16;
    Some((clip(top), clip(bottom)))
}

/// Writes `s` at (x, y), at most `max` columns, never past the buffer.
fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, max: u16, style: Style) -> u16 {
    if y >= buf.area.bottom() || x >= buf.area.right() {
        return x;
    }
    // Text from outside (file names, messages) never brings control characters to the screen.
    let s = crate::text::sanitize(s);
    buf.set_stringn(
        x,
        y,
        truncate(&s, usize::from(max)),
        usize::from(max),
        style,
    )
    .0
}

/// A centred rectangle of at most `w`×`h` inside `area`.
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Clears a popup's area and draws its border and title; returns the inner area.
fn popup(buf: &mut Buffer, r: Rect, title: &str, theme: &Theme) -> Rect {
    use ratatui::widgets::{Block, Widget};
    clear_popup(buf, r, theme.popup);
    // A title longer than the top border ends with an ellipsis, not cut at the corner.
    let title = crate::text::wrap::ellipsize(title, usize::from(r.width.saturating_sub(4)));
    Block::bordered()
        .title(format!(" {title} "))
        .title_style(theme.summary_title.patch(theme.popup))
        .border_style(theme.separator.patch(theme.popup))
        .style(theme.popup)
        .render(r, buf);
    Rect {
        x: r.x + 1,
        y: r.y + 1,
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// A popup with a prompt line ("> query▏") at its top: returns the area below the prompt,
/// or None when the popup has no room inside.
fn prompt_popup(
    buf: &mut Buffer,
    r: Rect,
    title: &str,
    prompt: &str,
    theme: &Theme,
) -> Option<Rect> {
    let inner = popup(buf, r, title, theme);
    if inner.height == 0 {
        return None;
    }
    put(
        buf,
        inner.x + 1,
        inner.y,
        &format!("{prompt}▏"),
        inner.width.saturating_sub(1),
        theme.popup,
    );
    Some(Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    })
}

/// Draws a scrolling list of rows in `inner` with the selected one highlighted; returns
/// where its rows went and the index of its first visible row (for [`HitAreas::list`]).
fn list(
    buf: &mut Buffer,
    inner: Rect,
    rows: &[String],
    selected: usize,
    theme: &Theme,
) -> (Rect, usize) {
    let visible = usize::from(inner.height);
    let first = selected.saturating_sub(visible.saturating_sub(1));
    for (i, row) in rows.iter().enumerate().skip(first).take(visible) {
        let y = inner.y + (i - first) as u16;
        let style = if i == selected {
            theme.selected
        } else {
            theme.popup
        };
        if i == selected {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                style,
            );
        }
        let room = inner.width.saturating_sub(1);
        put(
            buf,
            inner.x + 1,
            y,
            &crate::text::wrap::ellipsize(row, usize::from(room)),
            room,
            style,
        );
    }
    (inner, first)
}

/// Draws a list overlay's rows (one per entry), keeping those its filter keeps; returns what
/// [`list`] does.
fn filtered_list(
    buf: &mut Buffer,
    inner: Rect,
    rows: &[String],
    selected: usize,
    state: &AppState,
    theme: &Theme,
) -> (Rect, usize) {
    let entries = state.list_entries();
    let shown: Vec<String> = entries
        .iter()
        .filter_map(|&i| rows.get(i).cloned())
        .collect();
    let at = entries.iter().position(|&i| i == selected).unwrap_or(0);
    if shown.is_empty() && state.list_filter.is_some() {
        put(
            buf,
            inner.x + 1,
            inner.y,
            "no entry holds those words (Esc clears the filter)",
            inner.width.saturating_sub(1),
            theme.dim,
        );
    }
    list(buf, inner, &shown, at, theme)
}

/// A list's title with its filter when one is typed ("… · /kelly▏").
fn with_filter(title: String, state: &AppState) -> String {
    match &state.list_filter {
        // "/capex▏ · 3 shown · 23 analyst questions": how many the filter keeps.
        Some(f) => format!("/{f}▏ · {} shown · {title}", state.list_entries().len()),
        None => title,
    }
}

/// Clears a popup's cells, and the column left of it: a wide character cut by the popup edge
/// would otherwise leave half a glyph there (ratatui #2526).
fn clear_popup(buf: &mut Buffer, r: Rect, style: Style) {
    let left = r.x.saturating_sub(u16::from(r.x > buf.area.x));
    let wide = Rect {
        x: left,
        width: r.width + (r.x - left),
        ..r
    };
    for y in wide.top()..wide.bottom() {
        for x in wide.left()..wide.right() {
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.reset();
                if x >= r.x {
                    cell.set_style(style);
                }
            }
        }
    }
}
