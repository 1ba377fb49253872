//! The sentence cursor (`(` / `)`): a pair's sentence links, stepping through them, and landing
//! on a sentence (a sentence step, a sentence bookmark, an omission's sentence).

use super::{Action, AppState};

impl AppState {
    /// Once the cursor has left the sentence cursor's pair, the sentence cursor and its
    /// highlight go: nothing stays marked where the cursor is not, and `m` then bookmarks the
    /// cursor's paragraph, as the screen shows.
    pub(super) fn drop_left_sentence(&mut self) {
        let Some((d, p, _)) = self.sentence else {
            return;
        };
        if (d, p) == self.position() {
            return;
        }
        self.sentence = None;
        if self
            .figure_highlight
            .as_ref()
            .is_some_and(|(fd, fp, _, _)| (*fd, *fp) == (d, p))
        {
            self.figure_highlight = None;
        }
    }

    /// The sentence under the sentence cursor on the current pair, as a bookmark keeps it.
    pub(super) fn sentence_mark(&self) -> Option<crate::state::SentenceMark> {
        self.sentence_ranges()
            .map(|(en, zh)| crate::state::SentenceMark { en, zh })
    }

    /// "sentence 2 of ¶ 14" with the sentence cursor on the current pair, else "¶ 14".
    pub(super) fn sentence_label(&self) -> String {
        let n = self.doc().map_or(0, |d| d.cursor);
        match self.sentence {
            Some((_, _, k)) if self.sentence_ranges().is_some() => {
                format!("sentence {} of ¶ {}", k + 1, n + 1)
            }
            _ => format!("¶ {}", n + 1),
        }
    }

    /// Jumps to pair `n` with the sentence cursor on the link `mark` names (a sentence
    /// bookmark), both its sentences highlighted.
    pub(super) fn go_to_sentence(&mut self, n: usize, mark: &crate::state::SentenceMark) {
        let links = self.sentence_links(n);
        let k = links
            .iter()
            .position(|(en, zh)| *en == mark.en && *zh == mark.zh);
        let en: Vec<_> = mark.en.clone().into_iter().collect();
        let zh: Vec<_> = mark.zh.clone().into_iter().collect();
        self.land_on_sentence(n, k, en, zh);
    }

    /// Jumps to pair `n` with `en` and `zh` highlighted and the sentence cursor on link `k`
    /// (none: the cursor is left off): what a sentence step, a sentence bookmark and an
    /// omission's sentence all land on.
    pub(super) fn land_on_sentence(
        &mut self,
        n: usize,
        k: Option<usize>,
        en: Vec<std::ops::Range<usize>>,
        zh: Vec<std::ops::Range<usize>>,
    ) {
        self.highlight = None;
        self.jump_to_marks(n, &en, &zh);
        self.sentence = k.map(|k| (self.current, n, k));
        self.figure_highlight = Some((self.current, n, en, zh));
    }

    /// The sentence links of pair `n` of the current transcript, as byte ranges of each side
    /// (`None` for a side the link has no sentence of).
    #[allow(clippy::type_complexity)]
    pub(super) fn sentence_links(
        &self,
        n: usize,
    ) -> Vec<(
        Option<std::ops::Range<usize>>,
        Option<std::ops::Range<usize>>,
    )> {
        let Some((_, p)) = self.doc().and_then(|d| d.paragraph(n)) else {
            return Vec::new();
        };
        match (p.en.as_deref(), p.zh.as_deref()) {
            (Some(en), Some(zh)) => crate::align::link_ranges(en, zh),
            (Some(en), None) => crate::align::english_sentences(en)
                .into_iter()
                .map(|r| (Some(r), None))
                .collect(),
            (None, Some(zh)) => crate::align::chinese_sentences(zh)
                .into_iter()
                .map(|r| (None, Some(r)))
                .collect(),
            (None, None) => Vec::new(),
        }
    }

    /// The byte ranges of the sentence under the sentence cursor, when it is on the current
    /// pair.
    #[allow(clippy::type_complexity)]
    pub fn sentence_ranges(
        &self,
    ) -> Option<(
        Option<std::ops::Range<usize>>,
        Option<std::ops::Range<usize>>,
    )> {
        let doc = self.doc()?;
        let (d, p, k) = self.sentence?;
        if d != self.current || p != doc.cursor {
            return None;
        }
        self.sentence_links(p).into_iter().nth(k)
    }

    /// Moves the sentence cursor one link forwards or backwards, on to the next or previous
    /// pair at the ends, and highlights the English sentence and its translation together.
    pub(super) fn step_sentence(&mut self, forward: bool) {
        let Some(doc) = self.doc() else { return };
        let n = doc.cursor;
        let at = self
            .sentence
            .filter(|(d, p, _)| *d == self.current && *p == n)
            .map(|(_, _, k)| k);
        let links = self.sentence_links(n);
        let within = match (at, forward) {
            (Some(k), true) => (k + 1 < links.len()).then_some(k + 1),
            (Some(k), false) => k.checked_sub(1),
            (None, true) => (!links.is_empty()).then_some(0),
            (None, false) => links.len().checked_sub(1),
        };
        let (pair, k, links) = match within {
            Some(k) => (n, k, links),
            None => {
                self.step(if forward { 1 } else { -1 });
                let Some(m) = self.doc().map(|d| d.cursor).filter(|m| *m != n) else {
                    self.message = Some(if forward {
                        "last sentence".into()
                    } else {
                        "first sentence".into()
                    });
                    return;
                };
                let links = self.sentence_links(m);
                let k = if forward {
                    0
                } else {
                    links.len().saturating_sub(1)
                };
                (m, k, links)
            }
        };
        let Some((en, zh)) = links.get(k).cloned() else {
            return;
        };
        let lone = match (en.is_none(), zh.is_none()) {
            (false, true) => " · no Chinese counterpart",
            (true, false) => " · no English counterpart",
            _ => "",
        };
        let (en, zh): (Vec<_>, Vec<_>) = (en.into_iter().collect(), zh.into_iter().collect());
        self.land_on_sentence(pair, Some(k), en, zh);
        self.message = Some(format!(
            "sentence {} of {} in ¶ {}{lone} ({} and {} move, {} copies it)",
            k + 1,
            links.len(),
            pair + 1,
            self.key(Action::PrevSentence),
            self.key(Action::NextSentence),
            self.key(Action::CopyPair)
        ));
    }
}
