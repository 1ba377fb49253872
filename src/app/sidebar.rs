//! The guidance sidebar (its width, its keys, its rows) and the guidance history behind it.

use super::{Action, AppState, Overlay};
use crate::transcript::Transcript;

/// The sidebar's width for a terminal width, or 0 when it does not fit: below
/// [`SIDEBAR_MIN_TERMINAL`] columns it gives way to the panes.
pub fn sidebar_width(total: u16) -> u16 {
    if total < SIDEBAR_MIN_TERMINAL {
        0
    } else {
        (total / 3).clamp(38, 60)
    }
}

/// Narrowest terminal that shows the sidebar beside the panes.
pub const SIDEBAR_MIN_TERMINAL: u16 = 100;

impl AppState {
    /// Builds the guidance history of the loaded calls once they have all loaded (and again when
    /// more have): every transcript's guidance is read for it.
    pub fn ensure_ledger(&mut self) {
        if self.loading.is_some()
            || self
                .ledger
                .as_ref()
                .is_some_and(|(n, _)| *n == self.docs.len())
        {
            return;
        }
        for doc in &mut self.docs {
            if doc.guidance.is_none() && !doc.analysing() {
                doc.guidance = Some(crate::guidance::extract(&doc.transcript));
            }
        }
        let library: Vec<(&Transcript, &[crate::guidance::GuidanceFigure])> = self
            .docs
            .iter()
            .map(|d| (&d.transcript, d.guidance.as_deref().unwrap_or(&[])))
            .collect();
        let ledger = crate::history::Ledger::build(&library);
        self.ledger = Some((self.docs.len(), ledger));
    }

    /// The guidance history, once built.
    pub fn history(&self) -> Option<&crate::history::Ledger> {
        self.ledger.as_ref().map(|(_, l)| l)
    }

    /// Opens the call where the guide before sidebar figure `i` was given, at that sentence with
    /// the figure highlighted in both panes; [`Action::Back`] returns.
    pub fn open_previous_guide(&mut self, i: usize) {
        let Some(point) = self
            .doc()
            .and_then(|d| d.guidance.as_ref()?.get(i))
            .and_then(|f| Some(self.history()?.previous(f)?.0.clone()))
        else {
            self.message = Some("no earlier guide for this figure".into());
            return;
        };
        let Some(target) = self
            .docs
            .iter()
            .position(|d| d.transcript.source == point.source)
        else {
            return;
        };
        self.show_figure(
            target,
            point.paragraph,
            vec![point.span.clone()],
            point.zh_spans.clone(),
        );
        // The sidebar follows to the earlier figure.
        if let Some(j) = self.doc().and_then(|d| {
            d.guidance
                .as_ref()?
                .iter()
                .position(|f| f.paragraph == point.paragraph && f.span.start == point.span.start)
        }) {
            self.sidebar_selected = j;
        }
        self.sidebar_on_history = false;
        self.message = Some(format!("{} · Backspace goes back", point.call));
    }

    /// Shows pair `n` of transcript `doc` near the top of the view with a guidance figure's
    /// ranges highlighted in both panes (a speaker filter hiding it is cleared).
    pub fn show_figure(
        &mut self,
        doc: usize,
        n: usize,
        en: Vec<std::ops::Range<usize>>,
        zh: Vec<std::ops::Range<usize>>,
    ) {
        self.show_doc(doc);
        self.unhide(n);
        self.relayout();
        self.jump_to_marks(n, &en, &zh);
        self.highlight = None;
        self.figure_highlight = Some((doc, n, en, zh));
    }

    /// Opens the history view of the selected sidebar figure (or the first figure of the
    /// cursor's paragraph when the sidebar is closed).
    pub fn open_history(&mut self) {
        self.ensure_ledger();
        let Some(doc) = self.doc() else { return };
        let figures = doc.guidance.as_deref().unwrap_or(&[]);
        let figure = if self.sidebar_shown() {
            figures.get(self.sidebar_selected)
        } else {
            figures.iter().find(|f| f.paragraph == doc.cursor)
        };
        let sequence = figure.and_then(|f| Some(self.history()?.locate(f)?.0));
        match sequence {
            Some(sequence) => self.overlay = Overlay::History { sequence },
            None => self.message = Some(match figure {
                Some(_) => {
                    "no history: this figure was not guided in another loaded call of the company"
                        .into()
                }
                None => format!(
                    "no guidance figure selected: {} opens the sidebar",
                    self.key(Action::ToggleSidebar)
                ),
            }),
        }
    }
}

/// Handles an action while the sidebar has the focus; false when it is for the reader.
pub(super) fn update_sidebar(state: &mut AppState, action: Action) -> bool {
    // Moves follow the rows on screen (grouped by period), a figure's history line after it.
    let rows = sidebar_rows(state);
    let pos = rows
        .iter()
        .position(|&r| r == (state.sidebar_selected, state.sidebar_on_history))
        .unwrap_or(0);
    let mut select = |p: usize| {
        if let Some(&(i, h)) = rows.get(p.min(rows.len().saturating_sub(1))) {
            state.sidebar_selected = i;
            state.sidebar_on_history = h;
        }
    };
    match action {
        Action::NextParagraph | Action::SelectNext => select(pos + 1),
        Action::PrevParagraph | Action::SelectPrev => select(pos.saturating_sub(1)),
        Action::Top => select(0),
        Action::Bottom => select(usize::MAX),
        Action::Confirm if state.sidebar_on_history => {
            state.open_previous_guide(state.sidebar_selected);
        }
        Action::Confirm => {
            let Some(f) = state
                .doc()
                .and_then(|d| d.guidance.as_ref()?.get(state.sidebar_selected))
            else {
                return true;
            };
            let (n, en, zh) = (f.paragraph, vec![f.span.clone()], f.zh_spans.clone());
            state.show_figure(state.current, n, en, zh);
        }
        Action::Cancel => state.sidebar_focus = false,
        // "Only these" in the sidebar: the figures the model is sure of, or all of them.
        Action::ToggleFilter => {
            state.sidebar_unsure = !state.sidebar_unsure;
            let rows = sidebar_rows(state);
            if !rows.contains(&(state.sidebar_selected, state.sidebar_on_history))
                && let Some(&(i, h)) = rows.first()
            {
                state.sidebar_selected = i;
                state.sidebar_on_history = h;
            }
        }
        _ => return false,
    }
    true
}

/// The sidebar's selectable rows in screen order: (figure, its history line). Figures under
/// the confidence threshold are left out unless [`AppState::sidebar_unsure`] is set.
pub fn sidebar_rows(state: &AppState) -> Vec<(usize, bool)> {
    let Some(figures) = state.doc().and_then(|d| d.guidance.as_deref()) else {
        return Vec::new();
    };
    let ledger = state.history();
    crate::guidance::grouped_order(figures)
        .into_iter()
        .filter(|&i| state.sidebar_unsure || figures[i].shown())
        .flat_map(|i| {
            let history = ledger.is_some_and(|l| l.previous(&figures[i]).is_some());
            std::iter::once((i, false)).chain(history.then_some((i, true)))
        })
        .collect()
}
