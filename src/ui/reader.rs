//! The panes: speaker dividers, paragraph pairs, the summary and the notice.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Theme, put};
use crate::app::layout::{BlockKind, DocLayout};
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
    let mut bi = layout.block_at(scroll);
    for y in 0..area.height {
        let row = scroll + usize::from(y);
        while bi + 1 < layout.blocks.len() && layout.blocks[bi + 1].top <= row {
            bi += 1;
        }
        let Some(b) = layout.blocks.get(bi) else {
            break;
        };
        if row < b.top || row >= b.top + b.height {
            continue;
        }
        let k = row - b.top;
        let sy = area.y + y;
        let (lx, lw) = layout.columns.left;
        match b.kind {
            BlockKind::SummaryTitle => {
                put(
                    buf,
                    area.x,
                    sy,
                    &summary_title(usize::from(area.width)),
                    area.width,
                    theme.summary_title,
                );
            }
            BlockKind::Summary(i) => {
                if let Some(r) = b.left.get(k) {
                    put(buf, area.x, sy, "▍", 1, theme.summary_title);
                    put(
                        buf,
                        area.x + lx,
                        sy,
                        &t.summary_zh[i][r.clone()],
                        area.width - lx,
                        theme.summary,
                    );
                }
            }
            BlockKind::Preamble(i) => {
                if let Some(r) = b.left.get(k) {
                    put(
                        buf,
                        area.x + lx,
                        sy,
                        &t.preamble[i][r.clone()],
                        area.width - lx,
                        theme.divider,
                    );
                }
            }
            BlockKind::Notice => {
                if let (Some(r), Some(n)) = (b.left.get(k), &t.notice) {
                    put(
                        buf,
                        area.x + lx,
                        sy,
                        &n[r.clone()],
                        area.width - lx,
                        theme.dim,
                    );
                }
            }
            BlockKind::Divider(turn) => divider(
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
            BlockKind::Pair(n) => {
                let Some((_, p)) = doc.paragraph(n) else {
                    continue;
                };
                let current = n == doc.cursor;
                let content = k < b.content_rows();
                if current && content {
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
                // The finding mark on the pair's first row, the bookmark mark on the first row
                // or, when a finding has it, on the second: both show.
                let flagged = doc.findings_at(n).next().is_some() || !p.flags.is_empty();
                if k == 0 && flagged {
                    put(buf, area.x + 1, sy, "!", 1, theme.flag);
                }
                if k == usize::from(flagged) && doc.bookmarks.iter().any(|b| b.paragraph == n) {
                    put(buf, area.x + 1, sy, "*", 1, theme.cursor_bar);
                }
                let style_of = |lang: Lang| {
                    let s = if lang == Lang::Zh { theme.zh } else { theme.en };
                    if current { s.patch(theme.cursor) } else { s }
                };
                let highlight = state
                    .highlight
                    .as_ref()
                    .filter(|h| h.doc == state.current && h.paragraph == n);
                // A search match on its side, else what a jump marked (a guidance figure, a
                // sentence, the matched sentence's counterpart): its ranges in each language.
                let marks = |lang: Lang| -> Option<&[std::ops::Range<usize>]> {
                    match highlight {
                        Some(h) if h.lang == lang => Some(&h.ranges),
                        _ => state
                            .figure_highlight
                            .as_ref()
                            .filter(|(d, p, _, _)| *d == state.current && *p == n)
                            .map(|(_, _, en, zh)| {
                                if lang == Lang::En {
                                    en.as_slice()
                                } else {
                                    zh.as_slice()
                                }
                            }),
                    }
                };
                let put_line = |buf: &mut Buffer,
                                x: u16,
                                w: u16,
                                lang: Lang,
                                text: &str,
                                r: &std::ops::Range<usize>| {
                    let style = style_of(lang);
                    let others = other_matches.get(&(n, lang)).map_or(&[][..], Vec::as_slice);
                    match marks(lang) {
                        Some(m) => put_highlighted(
                            buf,
                            x,
                            sy,
                            text,
                            r.clone(),
                            (m, others),
                            w,
                            style,
                            theme,
                        ),
                        None if !others.is_empty() => put_highlighted(
                            buf,
                            x,
                            sy,
                            text,
                            r.clone(),
                            (&[], others),
                            w,
                            style,
                            theme,
                        ),
                        None => {
                            put(buf, x, sy, &text[r.clone()], w, style);
                        }
                    }
                };
                let text_of = |lang: Lang| match state.layout_mode() {
                    LayoutMode::SideBySide | LayoutMode::Stacked => p.side(lang).unwrap_or(""),
                    _ => crate::app::layout::side_text(p, lang).0,
                };
                match (state.layout_mode(), layout.columns.right) {
                    (LayoutMode::SideBySide, Some((rx, rw))) => {
                        if let Some(r) = b.left.get(k) {
                            put_line(buf, area.x + lx, lw, b.left_lang, text_of(b.left_lang), r);
                        }
                        if content {
                            let sep = if current {
                                theme.separator.patch(theme.cursor)
                            } else {
                                theme.separator
                            };
                            put(buf, area.x + lx + lw + 1, sy, "│", 1, sep);
                        }
                        if let Some(r) = b.right.get(k) {
                            put_line(buf, area.x + rx, rw, b.right_lang, text_of(b.right_lang), r);
                        }
                    }
                    (LayoutMode::Stacked, _) => {
                        if let Some(r) = b.left.get(k) {
                            put_line(buf, area.x + lx, lw, b.left_lang, text_of(b.left_lang), r);
                        } else if let Some(r) = b.right.get(k - b.left.len()) {
                            put_line(buf, area.x + lx, lw, b.right_lang, text_of(b.right_lang), r);
                        }
                    }
                    _ => {
                        if let Some(r) = b.left.get(k) {
                            put_line(buf, area.x + lx, lw, b.left_lang, text_of(b.left_lang), r);
                        }
                    }
                }
            }
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
