//! The help overlay, generated from the keymap that dispatches keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Theme, centered, popup, put};
use crate::keymap::Keymap;

/// Draws the help box over `area`.
pub fn draw(buf: &mut Buffer, area: Rect, keymap: &Keymap, theme: &Theme) {
    let rows = keymap.help_rows();
    let r = centered(area, 74, rows.len() as u16 + 4);
    let inner = popup(buf, r, "callread — keys (any key closes)", theme);
    let key_w = 16u16.min(inner.width / 2);
    for (i, (keys, what)) in rows.iter().enumerate() {
        let y = inner.y + i as u16;
        if y + 1 >= inner.bottom() {
            break;
        }
        put(
            buf,
            inner.x + 1,
            y,
            keys,
            key_w,
            theme.status_strong.patch(theme.popup),
        );
        put(
            buf,
            inner.x + 2 + key_w,
            y,
            what,
            inner.width.saturating_sub(key_w + 3),
            theme.popup,
        );
    }
    if inner.height > 0 {
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
