//! Mouse clicks: where the last frame drew what a click can select ([`HitAreas`]), and selecting
//! an entry of the open list (by a click or a count).

use super::{AppState, Overlay};

/// Where the last frame drew what a click can select: the reader's panes, and a list with
/// the index of its first visible entry. Returned by the renderer (`ui::draw`), stored in
/// [`AppState::hit_areas`] by the event loop, read by [`Action::Click`](super::Action::Click).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HitAreas {
    /// The panes.
    pub reader: Option<ratatui::layout::Rect>,
    /// The list's rows, and the index of the entry on the first.
    pub list: Option<(ratatui::layout::Rect, usize)>,
}

impl AppState {
    /// A left click: in a list, selects the entry clicked; in the panes, moves the cursor to
    /// the paragraph clicked (the view stays).
    pub(super) fn click(&mut self, col: u16, row: u16) {
        let areas = self.hit_areas;
        let inside = |r: ratatui::layout::Rect| {
            col >= r.x && col < r.x + r.width && row >= r.y && row < r.y + r.height
        };
        if self.overlay != Overlay::None {
            if let Some((r, first)) = areas.list.filter(|(r, _)| inside(*r)) {
                // The row clicked, as an entry of the list (a filter hides some).
                let i = self
                    .list_entries()
                    .get(first + usize::from(row - r.y))
                    .copied()
                    .unwrap_or(usize::MAX);
                match &mut self.overlay {
                    Overlay::Participants { selected }
                    | Overlay::Questions { selected }
                    | Overlay::Bookmarks { selected }
                    | Overlay::Terms { selected, .. }
                    | Overlay::Picker { selected, .. } => *selected = i,
                    _ => {}
                }
                // Past the last entry: back to the last.
                self.apply_selection_bounds();
            }
            return;
        }
        let Some(r) = areas.reader.filter(|r| inside(*r)) else {
            return;
        };
        let Some(doc) = self.doc() else { return };
        let Some(layout) = &doc.layout else { return };
        let at = doc.scroll + usize::from(row - r.y);
        let block = layout.block_at(at);
        if let Some(b) = layout.blocks.get(block)
            && at >= b.top
            && at < b.top + b.height
            && let crate::app::layout::BlockKind::Pair(n) = b.kind
        {
            self.go_to(n);
        }
    }

    /// Selects entry `i` of the open list.
    pub(super) fn select_entry(&mut self, i: usize) {
        if let Overlay::Participants { selected }
        | Overlay::Questions { selected }
        | Overlay::Bookmarks { selected }
        | Overlay::Terms { selected, .. }
        | Overlay::Picker { selected, .. } = &mut self.overlay
        {
            *selected = i;
        }
        self.apply_selection_bounds();
    }

    /// Keeps a list overlay's selection on an entry after a click below the last one.
    fn apply_selection_bounds(&mut self) {
        let Some(count) = self.list_len() else {
            return;
        };
        if let Overlay::Participants { selected }
        | Overlay::Questions { selected }
        | Overlay::Bookmarks { selected }
        | Overlay::Terms { selected, .. }
        | Overlay::Picker { selected, .. } = &mut self.overlay
        {
            *selected = (*selected).min(count.saturating_sub(1));
        }
    }

    /// How many entries the open list has (None when no list is open).
    pub(super) fn list_len(&self) -> Option<usize> {
        let doc = self.doc();
        Some(match &self.overlay {
            Overlay::Participants { .. } => doc.map_or(0, |d| d.participants().len()),
            Overlay::Questions { .. } => doc.map_or(0, |d| d.questions().len()),
            Overlay::Bookmarks { .. } => {
                self.all_bookmarks().len() + self.bookmarks_elsewhere().len()
            }
            Overlay::Terms { rows, .. } => rows.len(),
            Overlay::Picker { .. } => self.picker_matches().len(),
            _ => return None,
        })
    }
}
