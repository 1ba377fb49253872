//! The history view: one metric and period of one company, its guided ranges call by call as
//! bars (ratatui's canvas) with the reported result as a mark, and the steps in words below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Line as CanvasLine};

use super::{Theme, centered, popup, put};
use crate::app::AppState;
use crate::guidance::format_range;
use crate::history::{Sequence, Verdict, classify};
use crate::text::wrap::width;

/// "Q4 FY2021 call" -> "Q4 FY21".
fn short_call(call: &str) -> String {
    let call = call.trim_end_matches(" call");
    match call.rsplit_once("FY20") {
        Some((head, yy)) => format!("{head}FY{yy}"),
        None => call.to_string(),
    }
}

/// The lines under the chart: each guide with its change, then the result.
pub fn step_lines(seq: &Sequence) -> Vec<String> {
    let mut out = Vec::new();
    for (i, g) in seq.guides.iter().enumerate() {
        let change = match i.checked_sub(1).map(|j| &seq.guides[j]) {
            None => "◆ initiated".to_string(),
            Some(prev) => {
                let c = classify((prev.low, prev.high), (g.low, g.high));
                format!("{} {}", c.arrow(), c.words())
            }
        };
        let word = g
            .word
            .map(|w| format!("  (said \"{w}\")"))
            .unwrap_or_default();
        out.push(format!(
            "{:<16}{:<20}{change}{word}",
            g.call,
            format_range(g.low, g.high, seq.unit)
        ));
    }
    if let Some(a) = &seq.actual {
        let verdict = match a.verdict {
            Verdict::Above => "above the guide".to_string(),
            Verdict::Below => "below the guide".to_string(),
            Verdict::Within => match a.position {
                Some(p) => format!("within the guide, {:.0}% of the way up", p * 100.0),
                None => "on the guide".to_string(),
            },
        };
        let value = format_range(Some(a.value), Some(a.value), seq.unit).replace("≈ ", "");
        out.push(format!("{:<16}{:<20}● actual, {verdict}", a.call, value));
    }
    out
}

/// Draws the history of sequence `index` of the ledger over `area`.
pub fn draw(buf: &mut Buffer, area: Rect, state: &AppState, index: usize, theme: &Theme) {
    let Some(seq) = state.history().and_then(|l| l.sequences.get(index)) else {
        return;
    };
    let lines = step_lines(seq);
    let w = area.width.saturating_sub(4).min(100);
    let h = area.height.saturating_sub(2).min(30);
    let r = centered(area, w, h);
    let title = format!("{} · {} · {}", seq.company, seq.label, seq.period);
    let inner = popup(buf, r, &title, theme);
    if inner.height < 3 || inner.width < 20 {
        return;
    }
    let table_rows = lines.len() as u16 + 1;
    let chart_h = inner.height.saturating_sub(table_rows + 2);
    if chart_h >= 5 {
        draw_chart(
            buf,
            Rect {
                height: chart_h,
                ..inner
            },
            seq,
            theme,
        );
    }
    let first = inner.y + if chart_h >= 5 { chart_h + 1 } else { 0 };
    for (y, line) in (first..inner.bottom().saturating_sub(1)).zip(&lines) {
        put(buf, inner.x + 1, y, line, inner.width - 1, theme.popup);
    }
    let hint = format!(
        "bars: guided range by call · ● reported result · Esc/{}/{} close",
        state.key(crate::app::Action::Quit),
        state.key(crate::app::Action::OpenHistory)
    );
    put(
        buf,
        inner.x + 1,
        inner.bottom() - 1,
        &hint,
        inner.width - 1,
        theme.dim.patch(theme.popup),
    );
}

/// The axis bounds widened to round values (14% to 16%, not 14.345% to 15.655%): a step of 1, 2
/// or 5 times a power of ten, about a quarter of the span.
fn nice_bounds(lo: f64, hi: f64) -> (f64, f64) {
    let span = hi - lo;
    if !span.is_finite() || span <= 0.0 {
        return (lo, hi);
    }
    let raw = span / 4.0;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power);
    ((lo / step).floor() * step, (hi / step).ceil() * step)
}

/// The bars: one column per call (the result's call last when it is a later one).
fn draw_chart(buf: &mut Buffer, area: Rect, seq: &Sequence, theme: &Theme) {
    let mut columns: Vec<String> = seq.guides.iter().map(|g| g.call.clone()).collect();
    let actual_col = seq
        .actual
        .as_ref()
        .map(|a| match columns.iter().position(|c| *c == a.call) {
            Some(i) => i,
            None => {
                columns.push(a.call.clone());
                columns.len() - 1
            }
        });
    let Some((min, max)) = seq.span() else {
        return;
    };
    let pad = ((max - min).abs() * 0.15)
        .max(max.abs().max(min.abs()) * 0.01)
        .max(1e-9);
    let (lo, hi) = nice_bounds(min - pad, max + pad);
    // The y axis: the top and bottom values at the left.
    let label_w = 12u16;
    let top = format_range(Some(hi), Some(hi), seq.unit).replace("≈ ", "");
    let bottom = format_range(Some(lo), Some(lo), seq.unit).replace("≈ ", "");
    put(
        buf,
        area.x,
        area.y,
        &top,
        label_w,
        theme.dim.patch(theme.popup),
    );
    put(
        buf,
        area.x,
        area.bottom().saturating_sub(2),
        &bottom,
        label_w,
        theme.dim.patch(theme.popup),
    );
    let plot = Rect {
        x: area.x + label_w,
        width: area.width.saturating_sub(label_w),
        height: area.height.saturating_sub(1),
        ..area
    };
    let n = columns.len().max(1) as f64;
    let bar_color = theme.summary_title.fg.unwrap_or(Color::Reset);
    let mark_color = theme.flag.fg.unwrap_or(Color::Reset);
    let bar_h = (hi - lo) * 0.02;
    Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([0.0, n])
        .y_bounds([lo, hi])
        .background_color(theme.popup.bg.unwrap_or(Color::Reset))
        .paint(|ctx| {
            for (i, g) in seq.guides.iter().enumerate() {
                let (Some(l), Some(h)) = (g.low.or(g.high), g.high.or(g.low)) else {
                    continue;
                };
                // A single value gets a thin bar of its own.
                let (l, h) = if h - l < bar_h {
                    (l - bar_h / 2.0, h + bar_h / 2.0)
                } else {
                    (l, h)
                };
                let centre = i as f64 + 0.5;
                for k in -12..=12 {
                    let x = centre + f64::from(k) * 0.01;
                    ctx.draw(&CanvasLine {
                        x1: x,
                        y1: l,
                        x2: x,
                        y2: h,
                        color: bar_color,
                    });
                }
            }
            if let (Some(a), Some(col)) = (&seq.actual, actual_col) {
                let centre = col as f64 + 0.5;
                ctx.draw(&CanvasLine {
                    x1: centre - 0.3,
                    y1: a.value,
                    x2: centre + 0.3,
                    y2: a.value,
                    color: mark_color,
                });
                ctx.print(centre, a.value, Line::from("●"));
            }
        })
        .render(plot, buf);
    // The calls under their bars.
    let col_w = f64::from(plot.width) / n;
    for (i, c) in columns.iter().enumerate() {
        let label = short_call(c);
        let centre = plot.x as f64 + col_w * (i as f64 + 0.5);
        let x = (centre - width(&label) as f64 / 2.0).max(f64::from(plot.x)) as u16;
        put(
            buf,
            x,
            plot.bottom(),
            &label,
            plot.right().saturating_sub(x),
            theme.popup,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::short_call;

    #[test]
    fn short_calls() {
        assert_eq!(short_call("Q4 FY2021 call"), "Q4 FY21");
        assert_eq!(short_call("FY2022 call"), "FY22");
    }
}

#[cfg(test)]
mod axis_tests {
    use super::nice_bounds;

    #[test]
    fn axis_bounds_are_round() {
        assert_eq!(nice_bounds(14.345, 15.655), (14.0, 16.0));
        let (lo, hi) = nice_bounds(1.05e9, 1.31e9);
        assert!(
            (lo - 1.0e9).abs() < 1.0 && (hi - 1.4e9).abs() < 1.0,
            "{lo} {hi}"
        );
        assert_eq!(nice_bounds(3.0, 3.0), (3.0, 3.0));
    }
}
