//! The help overlay, generated from the keymap that dispatches keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Theme, centered, popup, put};
use crate::keymap::Keymap;

/// Draws the help box over `area`.
pub fn draw(buf: &mut Buffer, area: Rect, keymap: &Keymap, theme: &Theme) {
    let rows = keymap.help_rows();
    // One column when it fits, else two side by side (80×24 shows every key).
    let fits = usize::from(area.height.saturating_sub(3)) >= rows.len();
    let columns = if fits { 1 } else { 2 };
    let per_column = rows.len().div_ceil(columns);
    // The hint line below the keys, when there is a row for it.
    let hint_row = u16::from(area.height >= per_column as u16 + 3);
    let r = centered(
        area,
        if fits { 74 } else { area.width },
        per_column as u16 + 2 + hint_row,
    );
    let inner = popup(buf, r, "callread — keys (any key closes)", theme);
    let col_w = inner.width / columns as u16;
    let key_w = (if fits { 16 } else { 11 }).min(col_w / 2);
    for (i, (keys, what)) in rows.iter().enumerate() {
        let (col, line) = (i / per_column, i % per_column);
        let (x, y) = (inner.x + col as u16 * col_w, inner.y + line as u16);
        if y + hint_row >= inner.bottom() {
            continue;
        }
        put(
            buf,
            x + 1,
            y,
            keys,
            key_w,
            theme.status_strong.patch(theme.popup),
        );
        put(
            buf,
            x + 2 + key_w,
            y,
            what,
            col_w.saturating_sub(key_w + 3),
            theme.popup,
        );
    }
    if inner.height > 0 && hint_row == 1 {
        let hint = "mouse wheel scrolls; --no-mouse keeps the terminal's text selection";
        put(
            buf,
            inner.x + 1,
            inner.bottom() - 1,
            hint,
            inner.width.saturating_sub(1),
            theme.dim.patch(theme.popup),
        );
    }
}
