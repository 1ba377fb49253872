//! The transcript as plain text, for pipes (`callread call.txt | less`), using the reader's
//! own layout and wrapping.

use std::io::{self, Write};

use crate::app::layout::{BlockKind, DocLayout, GUTTER, LayoutMode, side_text};
use crate::text::sanitize;
use crate::text::wrap::width;
use crate::transcript::Lang;
use crate::transcript::Transcript;

/// Writes `t` laid out at `width` columns in `mode`.
pub fn write_transcript(
    out: &mut impl Write,
    t: &Transcript,
    width_cols: u16,
    mode: LayoutMode,
    swapped: bool,
) -> io::Result<()> {
    let layout = DocLayout::new(t, width_cols, mode.for_transcript(t), swapped, None);
    let gutter = " ".repeat(usize::from(GUTTER));
    let paragraphs: Vec<&crate::transcript::Paragraph> = t.paragraphs().map(|(_, p)| p).collect();
    // The same marks as the reader's gutter: pairs with a translation finding.
    let flagged: std::collections::HashSet<usize> =
        crate::check::check(t).iter().map(|f| f.paragraph).collect();
    let mut emit =
        |line: String| -> io::Result<()> { writeln!(out, "{}", sanitize(line.trim_end())) };
    let mut row = 0;
    for b in &layout.blocks {
        // Rows between blocks, and each block's spacing row, are blank: the same rows as
        // on screen.
        for _ in row..b.top {
            emit(String::new())?;
        }
        row = b.top + b.height;
        match b.kind {
            BlockKind::SummaryTitle => emit(crate::ui::summary_title(usize::from(width_cols)))?,
            BlockKind::Summary(i) => {
                for r in &b.left {
                    emit(format!("▍ {}", &t.summary_zh[i][r.clone()]))?;
                }
                emit(String::new())?;
            }
            BlockKind::Preamble(i) => {
                for r in &b.left {
                    emit(format!("{gutter}{}", &t.preamble[i][r.clone()]))?;
                }
            }
            BlockKind::Notice => {
                if let Some(n) = &t.notice {
                    for r in &b.left {
                        emit(format!("{gutter}{}", &n[r.clone()]))?;
                    }
                }
            }
            BlockKind::Divider(turn) => {
                emit(crate::ui::divider_line(t, turn, usize::from(width_cols)))?;
            }
            BlockKind::Pair(n) => {
                let Some(p) = paragraphs.get(n) else { continue };
                let mark = if p.flags.is_empty() && !flagged.contains(&n) {
                    "  "
                } else {
                    "! "
                };
                let text = |lang: Lang| match mode {
                    LayoutMode::SideBySide | LayoutMode::Stacked => p.side(lang).unwrap_or(""),
                    _ => side_text(p, lang).0,
                };
                let rows = b.content_rows();
                for k in 0..rows {
                    let g = if k == 0 { mark } else { "  " };
                    let line = match (mode, layout.columns.right) {
                        (LayoutMode::SideBySide, Some(_)) => {
                            let lw = usize::from(layout.columns.left.1);
                            let l = b.left.get(k).map_or("", |r| &text(b.left_lang)[r.clone()]);
                            let r = b
                                .right
                                .get(k)
                                .map_or("", |r| &text(b.right_lang)[r.clone()]);
                            format!("{g}{l}{} │ {r}", " ".repeat(lw.saturating_sub(width(l))))
                        }
                        (LayoutMode::Stacked, _) => match b.left.get(k) {
                            Some(r) => format!("{g}{}", &text(b.left_lang)[r.clone()]),
                            None => b.right.get(k - b.left.len()).map_or(String::new(), |r| {
                                format!("{g}{}", &text(b.right_lang)[r.clone()])
                            }),
                        },
                        _ => b.left.get(k).map_or(String::new(), |r| {
                            format!("{g}{}", &text(b.left_lang)[r.clone()])
                        }),
                    };
                    emit(line)?;
                }
                emit(String::new())?;
            }
        }
    }
    Ok(())
}
