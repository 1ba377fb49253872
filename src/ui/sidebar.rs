//! The guidance sidebar: every guidance figure of the call, grouped by period.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::{Theme, put};
use crate::app::AppState;
use crate::guidance::{GuidanceFigure, format_value};
use crate::text::wrap::{ellipsize, width};

/// A row of the sidebar's list: a period heading (`None`, with its text), or a figure (its
/// index, and whether this is its history line rather than the figure itself).
type Row = (Option<(usize, bool)>, String);

/// Draws the sidebar in `area`: a blank column (the panes' text never touches the line), the
/// separator, a blank column, then the figures.
///
/// The first line is the title ([`title`]); the list starts two lines under it, scrolled so
/// the selected row stays in sight: period headings ([`rows`]), figures ([`draw_figure_row`])
/// and history lines ([`draw_history_row`]).
pub fn draw(buf: &mut Buffer, area: Rect, state: &AppState, theme: &Theme) {
    for y in area.top()..area.bottom() {
        put(buf, area.x, y, " ", 1, theme.en);
        put(buf, area.x + 1, y, "│", 1, theme.separator);
    }
    let inner = Rect {
        x: area.x + 3,
        width: area.width.saturating_sub(4),
        ..area
    };
    put(
        buf,
        inner.x,
        inner.y,
        &title(state, inner.width),
        inner.width,
        theme.summary_title,
    );
    let Some(figures) = state.doc().and_then(|d| d.guidance.as_ref()) else {
        if state.doc().is_some_and(crate::app::Doc::analysing) {
            put(
                buf,
                inner.x,
                inner.y + 2,
                "reading guidance…",
                inner.width,
                theme.dim,
            );
        }
        return;
    };
    if figures.is_empty() {
        put(
            buf,
            inner.x,
            inner.y + 2,
            "no guidance figures found",
            inner.width,
            theme.dim,
        );
        return;
    }
    let rows = rows(state, figures);
    let list = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    let selected_row = rows
        .iter()
        .position(|(i, _)| *i == Some((state.sidebar_selected, state.sidebar_on_history)))
        .unwrap_or(0);
    let visible = usize::from(list.height);
    let first = selected_row.saturating_sub(visible.saturating_sub(2));
    for (r, (fig, heading)) in rows.iter().enumerate().skip(first).take(visible) {
        let y = list.y + (r - first) as u16;
        match fig {
            None => {
                put(buf, list.x, y, heading, list.width, theme.divider);
            }
            Some((i, true)) => draw_history_row(buf, list, y, state, &figures[*i], *i, theme),
            Some((i, false)) => draw_figure_row(buf, list, y, state, &figures[*i], *i, theme),
        }
    }
}

/// The title line, at most `room` columns: "Guidance · Tab: focus", with how many figures
/// the model is unsure of and the key that shows or hides them.
fn title(state: &AppState, room: u16) -> String {
    let tab = state.key(crate::app::Action::ToggleFocus);
    let focus = if state.sidebar_focus {
        format!("{tab}: reader")
    } else {
        format!("{tab}: focus")
    };
    // How many figures the model is unsure of, and the key that shows or hides them.
    let unsure = state
        .doc()
        .and_then(|d| d.guidance.as_ref())
        .map_or(0, |g| g.iter().filter(|f| !f.shown()).count());
    let filter = state.key(crate::app::Action::ToggleFilter);
    let focus = match (unsure, state.sidebar_unsure) {
        (0, _) => focus,
        (n, false) => format!("{focus} · {n} hidden: {filter}"),
        (n, true) => format!("{focus} · {n} dimmed: {filter}"),
    };
    // The keys before the word: "Guidance · " goes when they do not fit beside it.
    let full = format!("Guidance · {focus}");
    let text = if width(&full) <= usize::from(room) {
        full
    } else {
        focus
    };
    ellipsize(&text, usize::from(room)).into_owned()
}

/// Rows: a heading per period, then its figures (the order keys move in), each figure with
/// a history line when an earlier call guided it.
fn rows(state: &AppState, figures: &[GuidanceFigure]) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let mut last: Option<Option<&str>> = None;
    for (i, history) in crate::app::sidebar_rows(state) {
        let p = figures[i].period.as_deref();
        if last != Some(p) {
            rows.push((None, p.unwrap_or("(no period)").to_string()));
            last = Some(p);
        }
        rows.push((Some((i, history)), String::new()));
    }
    rows
}

/// A sidebar row's style: the selection's when selected (brighter with the sidebar focused),
/// else `normal`.
fn row_style(selected: bool, state: &AppState, theme: &Theme, normal: Style) -> Style {
    if selected && state.sidebar_focus {
        theme.selected
    } else if selected {
        theme.cursor
    } else {
        normal
    }
}

/// Paints line `y` of `list` in `style`.
fn fill_row(buf: &mut Buffer, list: Rect, y: u16, style: Style) {
    buf.set_style(
        Rect {
            y,
            height: 1,
            ..list
        },
        style,
    );
}

/// The history line of figure `f` (number `i`) at line `y` of the list: the guide before it
/// ([`history_line`]), indented under the figure.
fn draw_history_row(
    buf: &mut Buffer,
    list: Rect,
    y: u16,
    state: &AppState,
    f: &GuidanceFigure,
    i: usize,
    theme: &Theme,
) {
    let selected = i == state.sidebar_selected && state.sidebar_on_history;
    let style = row_style(selected, state, theme, theme.dim);
    fill_row(buf, list, y, style);
    if let Some(text) = history_line(state, f) {
        put(
            buf,
            list.x + 3,
            y,
            &ellipsize(&text, usize::from(list.width.saturating_sub(3))),
            list.width.saturating_sub(3),
            style,
        );
    }
}

/// Figure `f` (number `i`) at line `y` of the list: a warning mark when its Chinese does not
/// match, its label, and its value (with the direction word when there is room) at the right.
fn draw_figure_row(
    buf: &mut Buffer,
    list: Rect,
    y: u16,
    state: &AppState,
    f: &GuidanceFigure,
    i: usize,
    theme: &Theme,
) {
    let selected = i == state.sidebar_selected && !state.sidebar_on_history;
    let style = row_style(
        selected,
        state,
        theme,
        if f.shown() { theme.en } else { theme.dim },
    );
    fill_row(buf, list, y, style);
    let warn = f.zh.as_ref().is_some_and(|z| !z.matches);
    let mark = if warn { "⚠" } else { " " };
    put(buf, list.x, y, mark, 1, theme.flag.patch(style));
    let value = format_value(f);
    let dir = f.direction.map(|d| format!(" {d}")).unwrap_or_default();
    let room = usize::from(list.width.saturating_sub(2));
    // The label keeps a dozen columns (all of a shorter one): the direction word
    // gives way first.
    let mut right = format!("{value}{dir}");
    if room.saturating_sub(width(&right) + 1) < width(&f.label).min(12) {
        right = value;
    }
    let right_w = width(&right).min(room);
    let label_room = room.saturating_sub(right_w + 1);
    put(
        buf,
        list.x + 2,
        y,
        &ellipsize(&f.label, label_room),
        label_room as u16,
        style,
    );
    let x = list.x + 2 + (room - right_w) as u16;
    put(
        buf,
        x,
        y,
        &right,
        right_w as u16,
        style.add_modifier(Modifier::BOLD),
    );
}

/// "▲ raised from $9.200B–$9.500B · Q4 FY2021 call": the guide before a figure's, and the
/// change to it.
pub fn history_line(state: &AppState, f: &crate::guidance::GuidanceFigure) -> Option<String> {
    let (prev, change) = state.history()?.previous(f)?;
    let value = crate::guidance::format_range(prev.low, prev.high, f.unit);
    Some(format!(
        "{} {} from {value} · {}",
        change.arrow(),
        change.words(),
        prev.call.trim_end_matches(" call")
    ))
}
