//! The help overlay, generated from the keymap that dispatches keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Theme, centered, popup, put};
use crate::keymap::Keymap;

/// Draws the help box over `area`, scrolled by `scroll` rows when it has one column that does
/// not fit.
pub fn draw(buf: &mut Buffer, area: Rect, keymap: &Keymap, scroll: usize, theme: &Theme) {
    let rows = keymap.help_rows();
    let height = usize::from(area.height.saturating_sub(2));
    let (columns, scrolls) = crate::keymap::help_shape(area.width, area.height, rows.len());
    let per_column = rows.len().div_ceil(columns);
    let visible = per_column.min(height.max(1));
    let first = if scrolls {
        scroll.min(per_column - visible)
    } else {
        0
    };
    // The hint line below the keys, when there is a row for it.
    let hint_row = u16::from(!scrolls && area.height >= per_column as u16 + 3);
    let r = centered(
        area,
        if columns == 1 { 74 } else { area.width },
        visible as u16 + 2 + hint_row,
    );
    let title = if scrolls {
        format!(
            "keys {}–{} of {} · j/k scroll · other keys close",
            first + 1,
            first + visible,
            rows.len()
        )
    } else {
        "callread — keys (any key closes)".to_string()
    };
    let inner = popup(buf, r, &title, theme);
    let col_w = inner.width / columns as u16;
    let key_w = (if columns == 1 { 16 } else { 11 }).min(col_w / 2);
    for (i, (keys, what)) in rows.iter().enumerate() {
        let (col, line) = (i / per_column, i % per_column);
        let Some(line) = line.checked_sub(first) else {
            continue;
        };
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
