//! Translation findings in the reader: stepping through them and dismissing them.

use super::{Action, AppState};

impl AppState {
    /// Dismisses the findings on the current pair: no longer counted, marked or walked, saved
    /// with the reading state; `u` brings them back.
    pub(super) fn dismiss_finding(&mut self) {
        let current = self.current;
        let Some(doc) = self.docs.get_mut(current) else {
            return;
        };
        let keys: Vec<String> = doc.findings_at(doc.cursor).map(|f| f.key()).collect();
        if keys.is_empty() {
            self.message = Some("no finding on this paragraph to dismiss".into());
            return;
        }
        for k in &keys {
            doc.dismissed.push(k.clone());
            self.changes.push(crate::state::Change::Dismiss {
                key: doc.key.clone(),
                name: doc.transcript.file_name().to_string(),
                finding: k.clone(),
                restore: false,
            });
        }
        self.dismissed_last = keys.last().map(|k| (current, k.clone()));
        self.message = Some(format!(
            "dismissed {} finding{} here ({} brings {} back)",
            keys.len(),
            if keys.len() == 1 { "" } else { "s" },
            self.key(Action::Undo),
            if keys.len() == 1 { "it" } else { "the last" }
        ));
    }

    /// Jumps to pair `n` for its finding; when the finding names an English sentence (an
    /// omission's), the sentence cursor goes to it and it is highlighted with its Chinese, if
    /// any.
    fn jump_to_finding(&mut self, n: usize) {
        let named = self.doc().and_then(|d| {
            d.live_findings()
                .filter(|f| f.paragraph == n)
                .find_map(|f| f.sentence_range.clone())
        });
        let Some(range) = named else {
            self.jump_to(n);
            return;
        };
        let links = self.sentence_links(n);
        let k = links.iter().position(|(en, _)| {
            en.as_ref()
                .is_some_and(|e| e.start <= range.start && range.end <= e.end)
        });
        let zh: Vec<_> = k.and_then(|k| links[k].1.clone()).into_iter().collect();
        self.land_on_sentence(n, k, vec![range], zh);
    }

    /// `!` / `@`: the next or previous translation finding shown (wrapping, and saying so).
    pub(super) fn step_finding(&mut self, forward: bool) {
        let next = self.doc().map(|d| {
            let shown = |f: &&crate::check::Finding| {
                d.layout
                    .as_ref()
                    .is_none_or(|l| l.pair(f.paragraph).is_some())
            };
            let live: Vec<usize> = d
                .live_findings()
                .filter(shown)
                .map(|f| f.paragraph)
                .collect();
            next_place(&live, d.cursor, forward)
        });
        match next {
            Some((Some(n), _)) => self.jump_to_finding(n),
            Some((None, Some(end))) => {
                self.jump_to_finding(end);
                self.message = Some(if forward {
                    "back to the first finding".into()
                } else {
                    "on to the last finding".into()
                });
            }
            _ => self.message = Some("no translation findings".into()),
        }
    }

    /// `v` / `V`: the next or previous pair whose two translations disagree (`--compare`),
    /// wrapping and saying so.
    pub(super) fn step_difference(&mut self, forward: bool) {
        let Some(d) = self.doc() else {
            return;
        };
        if d.transcript.second.is_none() {
            self.message = Some("one translation only: open a second with --compare".into());
            return;
        }
        let shown = |n: usize| d.layout.as_ref().is_none_or(|l| l.pair(n).is_some());
        let places: Vec<usize> = d
            .differences()
            .iter()
            .map(|x| x.paragraph)
            .filter(|&n| shown(n))
            .collect();
        match next_place(&places, d.cursor, forward) {
            (Some(n), _) => self.jump_to(n),
            (None, Some(n)) => {
                self.jump_to(n);
                self.message = Some(if forward {
                    "back to the first place the translations differ".into()
                } else {
                    "on to the last place the translations differ".into()
                });
            }
            (None, None) => self.message = Some("the two translations agree".into()),
        }
    }
}

/// The next (or previous) of `places` (pairs in reading order) after (before) the `cursor`, and
/// the one to wrap to when there is none: the first (the last).
fn next_place(places: &[usize], cursor: usize, forward: bool) -> (Option<usize>, Option<usize>) {
    if forward {
        (
            places.iter().find(|&&p| p > cursor).copied(),
            places.first().copied(),
        )
    } else {
        (
            places.iter().rev().find(|&&p| p < cursor).copied(),
            places.last().copied(),
        )
    }
}
