//! The findings popup (`i`): every translation finding of the cursor's paragraph in full,
//! with the figures concerned in both languages.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Theme, centered, popup, put};
use crate::app::AppState;
use crate::text::wrap::wrap;

/// Draws the popup over `area`.
pub fn draw(buf: &mut Buffer, area: Rect, state: &AppState, theme: &Theme) {
    let Some(doc) = state.doc() else { return };
    let w = area.width.saturating_sub(4).min(90);
    let text_w = usize::from(w.saturating_sub(4)).max(10);
    let mut lines: Vec<(String, bool)> = Vec::new();
    // With a second translation (`--compare`), each finding says whose it is.
    let compared = doc.transcript.second.is_some();
    let findings = doc
        .findings_at(doc.cursor)
        .map(|f| (if compared { "translation 1 · " } else { "" }, f))
        .chain(
            doc.second_findings_at(doc.cursor)
                .map(|f| ("translation 2 · ", f)),
        );
    for (whose, f) in findings {
        if !lines.is_empty() {
            lines.push((String::new(), false));
        }
        lines.push((format!("{whose}{} · line {}", f.kind.name(), f.line), true));
        for r in wrap(&f.detail, text_w) {
            lines.push((f.detail[r].to_string(), false));
        }
        if !f.en.is_empty() || !f.zh.is_empty() {
            let both = format!("English: {} · 中文: {}", f.en.join(", "), f.zh.join("，"));
            for r in wrap(&both, text_w) {
                lines.push((both[r].to_string(), false));
            }
        }
    }
    // Where the two translations disagree, with each one's words.
    for d in doc.differences_at(doc.cursor) {
        if !lines.is_empty() {
            lines.push((String::new(), false));
        }
        lines.push((format!("≠ translations differ: {}", d.kind.name()), true));
        for (label, text) in [("", &d.detail), ("1 │ ", &d.first), ("2 │ ", &d.second)] {
            let text = crate::text::sanitize(&format!("{label}{text}")).into_owned();
            for r in wrap(&text, text_w) {
                lines.push((text[r].to_string(), false));
            }
        }
    }
    // What the check read on each side of the pair: the figures, as values.
    if let Some((_, p)) = doc.paragraph(doc.cursor)
        && !lines.is_empty()
    {
        let read = |qs: Vec<crate::text::numbers::Quantity>| {
            let v: Vec<String> = qs
                .iter()
                .filter(|q| !q.word)
                .map(|q| format!("{} = {}", q.text, crate::check::describe(q)))
                .collect();
            if v.is_empty() {
                "none".to_string()
            } else {
                v.join("; ")
            }
        };
        let sides = [
            (
                "figures read in the English",
                p.en.as_deref().map(crate::text::numbers::english),
            ),
            (
                if compared {
                    "figures read in translation 1"
                } else {
                    "figures read in the Chinese"
                },
                p.zh.as_deref().map(crate::text::numbers::chinese),
            ),
            (
                "figures read in translation 2",
                p.zh2.as_deref().map(crate::text::numbers::chinese),
            ),
        ];
        for (label, qs) in sides {
            let Some(qs) = qs else { continue };
            lines.push((String::new(), false));
            lines.push((label.to_string(), true));
            let text = crate::text::sanitize(&read(qs)).into_owned();
            for r in wrap(&text, text_w) {
                lines.push((text[r].to_string(), false));
            }
        }
    }
    let h = (lines.len() as u16 + 3).min(area.height.saturating_sub(1));
    let r = centered(area, w, h);
    let inner = popup(
        buf,
        r,
        "translation findings (d dismisses them, any other key closes)",
        theme,
    );
    for ((text, strong), y) in lines.iter().zip(inner.y..inner.bottom()) {
        let style = if *strong {
            theme.status_strong.patch(theme.popup)
        } else {
            theme.popup
        };
        put(
            buf,
            inner.x + 1,
            y,
            text,
            inner.width.saturating_sub(2),
            style,
        );
    }
}
