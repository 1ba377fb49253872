//! The panes: speaker dividers, paragraph pairs, the summary and the notice.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Theme, put};
use crate::app::layout::{DocLayout, Line, Row};
use crate::app::{AppState, Doc, LayoutMode};
use crate::text::wrap::width;
use crate::transcript::Lang;
use crate::transcript::Transcript;

/// Draws the visible rows of the current transcript.
pub fn draw(buf: &mut Buffer, area: Rect, state: &AppState, doc: &Doc, theme: &Theme) {
    // The state lays out on resize; a frame of another size (a first draw) lays out here.
    let owned;
    let layout = match &doc.layout {
        Some(l)
            if l.width == area.width
                && l.mode == state.layout_mode()
                && l.swapped == state.swapped
                && l.filter == doc.filter =>
        {
            l
        }
        _ => {
            // Only as far as the screen needs (a large transcript is never laid out whole
            // for one frame).
            let mut l = DocLayout::begin(
                &doc.transcript,
                area.width,
                state.layout_mode(),
                state.swapped,
                doc.filter,
            );
            let need = doc.scroll + usize::from(area.height);
            while l.rows <= need && !l.extend(&doc.transcript, 64) {}
            owned = l;
            &owned
        }
    };
    let t = &doc.transcript;
    // Every match of the last search in this call, drawn underlined while its highlight is
    // on (the current match reversed over it); Esc clears both.
    let mut other_matches: std::collections::HashMap<(usize, Lang), Vec<std::ops::Range<usize>>> =
        std::collections::HashMap::new();
    if state.highlight.is_some()
        && let Some((_, _, hits)) = &state.last_search
    {
        for h in hits.iter().filter(|h| h.doc == state.current) {
            other_matches
                .entry((h.paragraph, h.lang))
                .or_default()
                .extend(h.ranges.iter().cloned());
        }
    }
    let scroll = doc.scroll.min(layout.rows.saturating_sub(1));
    let (lx, lw) = layout.columns.left;
    for y in 0..area.height {
        let sy = area.y + y;
        match layout.row(
            t,
            |n| doc.paragraph(n).map(|(_, p)| p),
            scroll + usize::from(y),
        ) {
            Row::Blank => {}
            Row::SummaryTitle => {
                put(
                    buf,
                    area.x,
                    sy,
                    &summary_title(usize::from(area.width)),
                    area.width,
                    theme.summary_title,
                );
            }
            Row::Summary(text) => {
                put(buf, area.x, sy, "▍", 1, theme.summary_title);
                put(buf, area.x + lx, sy, text, area.width - lx, theme.summary);
            }
            Row::Preamble(text) => {
                put(buf, area.x + lx, sy, text, area.width - lx, theme.divider);
            }
            Row::Notice(text) => {
                put(buf, area.x + lx, sy, text, area.width - lx, theme.dim);
            }
            Row::Divider(turn) => divider(
                buf,
                Rect {
                    y: sy,
                    height: 1,
                    ..area
                },
                t,
                turn,
                theme,
            ),
            Row::Pair {
                n,
                k,
                first,
                second,
                third,
            } => {
                let current = n == doc.cursor;
                if current {
                    buf.set_style(
                        Rect {
                            x: area.x + lx,
                            y: sy,
                            width: area.width - lx,
                            height: 1,
                        },
                        theme.cursor,
                    );
                    put(buf, area.x, sy, "▌", 1, theme.cursor_bar);
                }
                match doc.marks(n).at(k) {
                    Some(c @ ('!' | '≠')) => {
                        put(buf, area.x + 1, sy, &c.to_string(), 1, theme.flag);
                    }
                    Some(c) => {
                        put(buf, area.x + 1, sy, &c.to_string(), 1, theme.cursor_bar);
                    }
                    None => {}
                }
                let pair = PairMarks {
                    state,
                    n,
                    current,
                    other_matches: &other_matches,
                };
                if let Some(line) = &first {
                    pair.draw_line(buf, area.x + lx, sy, lw, line, theme);
                }
                if let (LayoutMode::SideBySide, Some((rx, rw))) =
                    (layout.mode, layout.columns.right)
                {
                    let sep = if current {
                        theme.separator.patch(theme.cursor)
                    } else {
                        theme.separator
                    };
                    put(buf, area.x + lx + lw + 1, sy, "│", 1, sep);
                    if let Some(line) = &second {
                        pair.draw_line(buf, area.x + rx, sy, rw, line, theme);
                    }
                    if let Some((tx, tw)) = layout.columns.third {
                        put(buf, area.x + tx - 2, sy, "│", 1, sep);
                        if let Some(line) = &third {
                            pair.draw_line(buf, area.x + tx, sy, tw, line, theme);
                        }
                    }
                }
            }
        }
    }
}

/// What is marked on one pair's lines: the search match (or, without one on that side, what
/// a jump marked: a guidance figure, a sentence, the match's counterpart) reversed, the
/// search's other matches underlined.
struct PairMarks<'a> {
    state: &'a AppState,
    n: usize,
    current: bool,
    other_matches: &'a std::collections::HashMap<(usize, Lang), Vec<std::ops::Range<usize>>>,
}

impl PairMarks<'_> {
    /// The reversed ranges on side `lang`.
    fn marks(&self, lang: Lang) -> Option<&[std::ops::Range<usize>]> {
        let state = self.state;
        let highlight = state
            .highlight
            .as_ref()
            .filter(|h| h.doc == state.current && h.paragraph == self.n);
        match highlight {
            // Marks are ranges of the file's own two sides.
            _ if lang == Lang::Zh2 => None,
            Some(h) if h.lang == lang => Some(&h.ranges),
            _ => state
                .figure_highlight
                .as_ref()
                .filter(|(d, p, _, _)| *d == state.current && *p == self.n)
                .map(|(_, _, en, zh)| {
                    if lang == Lang::En {
                        en.as_slice()
                    } else {
                        zh.as_slice()
                    }
                }),
        }
    }

    /// Draws one wrapped line of the pair at (x, y), `w` wide.
    fn draw_line(&self, buf: &mut Buffer, x: u16, y: u16, w: u16, line: &Line, theme: &Theme) {
        let s = match line.lang {
            Lang::Zh => theme.zh,
            Lang::Zh2 => theme.zh2,
            Lang::En => theme.en,
        };
        let style = if self.current {
            s.patch(theme.cursor)
        } else {
            s
        };
        let others = self
            .other_matches
            .get(&(self.n, line.lang))
            .map_or(&[][..], Vec::as_slice);
        let marks = self.marks(line.lang).unwrap_or(&[]);
        if marks.is_empty() && others.is_empty() {
            put(buf, x, y, line.str(), w, style);
        } else {
            put_highlighted(
                buf,
                x,
                y,
                line.text,
                line.range.clone(),
                (marks, others),
                w,
                style,
                theme,
            );
        }
    }
}

/// Draws the part `line` of `text`, with the bytes in `marks.0` highlighted (reversed) and
/// those in `marks.1` (the search's other matches) underlined.
#[allow(clippy::too_many_arguments)]
fn put_highlighted(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    text: &str,
    line: std::ops::Range<usize>,
    marks: (&[std::ops::Range<usize>], &[std::ops::Range<usize>]),
    w: u16,
    style: ratatui::style::Style,
    theme: &Theme,
) {
    use ratatui::style::Modifier;
    let styles = [
        style,
        style
            .patch(theme.flag)
            .add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
        style.patch(theme.flag).add_modifier(Modifier::REVERSED),
    ];
    let mut cx = x;
    let end = x.saturating_add(w);
    let mut seg_start = line.start;
    // Draw runs of equal marking, so wide characters stay whole.
    let marked = |b: usize| {
        if marks.0.iter().any(|m| m.contains(&b)) {
            2
        } else {
            usize::from(marks.1.iter().any(|m| m.contains(&b)))
        }
    };
    let mut current = marked(line.start);
    for (i, _) in text[line.clone()]
        .char_indices()
        .skip(1)
        .chain([(line.len(), ' ')])
    {
        let at = line.start + i;
        let m = if at < line.end { marked(at) } else { 0 };
        if at == line.end || m != current {
            cx = put(
                buf,
                cx,
                y,
                &text[seg_start..at],
                end.saturating_sub(cx),
                styles[current],
            );
            seg_start = at;
            current = m;
        }
    }
}

fn divider(buf: &mut Buffer, area: Rect, t: &Transcript, turn: usize, theme: &Theme) {
    let line = divider_line(t, turn, usize::from(area.width));
    put(buf, area.x, area.y, &line, area.width, theme.divider);
}

/// The heading of the Chinese summary, cut with "…" to `cols` columns.
pub fn summary_title(cols: usize) -> String {
    const TITLE: &str = "▍ 中文摘要 · summary of the call (machine-written, Chinese only)";
    if width(TITLE) <= cols {
        TITLE.to_string()
    } else {
        format!(
            "{}…",
            crate::text::wrap::truncate(TITLE, cols.saturating_sub(1))
        )
    }
}

/// A speaker divider fitted to `cols` columns: "── Name · Title · Firm ──── Q&A ──". When it
/// does not fit, the speaker's label is cut with "…", keeping the name's start and the section;
/// below a few columns only the cut label shows.
pub fn divider_line(t: &Transcript, turn: usize, cols: usize) -> String {
    let label = crate::speakers::speaker_label(t, turn);
    let right = format!(" {} ──", t.turns[turn].section.label());
    let fixed = width("── ") + 1 + width(&right);
    let room = cols.saturating_sub(fixed + 1);
    if width(&label) <= room {
        let fill = cols - fixed - width(&label);
        return format!("── {label} {}{right}", "─".repeat(fill));
    }
    if room >= 4 {
        let cut = crate::text::wrap::truncate(&label, room - 1);
        let fill = cols - fixed - width(cut) - 1;
        return format!("── {cut}… {}{right}", "─".repeat(fill));
    }
    let cut = crate::text::wrap::truncate(&label, cols.saturating_sub(4));
    format!("── {cut}…")
}
