//! The transcript as plain text, for pipes (`callread call.txt | less`), using the reader's
//! own layout and wrapping.

use std::io::{self, Write};

use crate::app::layout::{DocLayout, GUTTER, LayoutMode, Marks, Row};
use crate::text::sanitize;
use crate::text::wrap::width;
use crate::transcript::Transcript;

/// Writes `t` laid out at `width` columns in `mode`: the rows the reader would show, one
/// after another ([`DocLayout::row`]), with the same gutter marks.
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
    // And with a second translation (`--compare`), its own findings.
    let flagged: std::collections::HashSet<usize> = crate::check::check(t)
        .iter()
        .chain(&crate::compare::second_findings(t))
        .map(|f| f.paragraph)
        .collect();
    // And pairs whose two translations disagree (`--compare`).
    let differs: std::collections::HashSet<usize> = crate::compare::compare_attached(t)
        .iter()
        .map(|d| d.paragraph)
        .collect();
    let marks = |n: usize| Marks {
        flagged: flagged.contains(&n) || paragraphs.get(n).is_some_and(|p| !p.flags.is_empty()),
        bookmarked: false,
        differs: differs.contains(&n),
    };
    for row in 0..layout.rows {
        let line = match layout.row(t, |n| paragraphs.get(n).copied(), row) {
            Row::Blank => String::new(),
            Row::SummaryTitle => crate::ui::summary_title(usize::from(width_cols)),
            Row::Summary(text) => format!("▍ {text}"),
            Row::Preamble(text) | Row::Notice(text) => format!("{gutter}{text}"),
            Row::Divider(turn) => crate::ui::divider_line(t, turn, usize::from(width_cols)),
            Row::Pair {
                n,
                k,
                first,
                second,
                third,
            } => {
                let g = marks(n).at(k).map_or("  ".to_string(), |c| format!("{c} "));
                let l = first.as_ref().map_or("", |l| l.str());
                match (layout.mode, layout.columns.right) {
                    (LayoutMode::SideBySide, Some((_, rw))) => {
                        let pad =
                            |s: &str, w: u16| " ".repeat(usize::from(w).saturating_sub(width(s)));
                        let lw = layout.columns.left.1;
                        let r = second.as_ref().map_or("", |l| l.str());
                        match layout.columns.third {
                            Some(_) => {
                                let z = third.as_ref().map_or("", |l| l.str());
                                format!("{g}{l}{} │ {r}{} │ {z}", pad(l, lw), pad(r, rw))
                            }
                            None => format!("{g}{l}{} │ {r}", pad(l, lw)),
                        }
                    }
                    _ if first.is_some() => format!("{g}{l}"),
                    _ => String::new(),
                }
            }
        };
        writeln!(out, "{}", sanitize(line.trim_end()))?;
    }
    Ok(())
}
