//! Bookmarks and their notes: toggling, stepping from one to the next, undoing a removal, and
//! the saved bookmarks of calls that are not open.

use super::calls::{bundled_call, call_title};
use super::{Action, AppState};

impl AppState {
    /// Bookmarks the current paragraph (the sentence under the sentence cursor, when it is
    /// on this pair), or removes its bookmark; on a bookmarked pair with the sentence cursor
    /// on another sentence, the bookmark (and its note) moves to that sentence.
    pub(super) fn toggle_bookmark(&mut self) {
        let mark = self.sentence_mark();
        let which = self.sentence_label();
        let (undo, note, list) = (
            self.key(Action::Undo),
            self.key(Action::EditNote),
            self.key(Action::OpenBookmarks),
        );
        let Some(doc) = self.docs.get_mut(self.current) else {
            return;
        };
        let n = doc.cursor;
        let line = doc.paragraph(n).map_or(0, |(_, p)| p.line);
        match doc.bookmarks.iter().position(|b| b.paragraph == n) {
            Some(i) if mark.is_some() && doc.bookmarks[i].sentence != mark => {
                let mut moved = doc.bookmarks[i].clone();
                moved.sentence = mark;
                self.put_bookmark(self.current, moved);
                self.message = Some(format!("bookmark moved to {which}"));
            }
            Some(i) => {
                let removed = doc.bookmarks.remove(i);
                self.changes.push(crate::state::Change::Remove {
                    key: doc.key.clone(),
                    paragraph: n,
                });
                self.message = Some(if removed.note.is_some() {
                    format!(
                        "bookmark on ¶ {} and its note removed · {undo} undoes",
                        n + 1
                    )
                } else {
                    format!("bookmark on ¶ {} removed · {undo} undoes", n + 1)
                });
                self.removed_bookmark = Some((self.current, removed));
            }
            None => {
                self.put_bookmark(
                    self.current,
                    crate::state::Bookmark {
                        paragraph: n,
                        line,
                        note: None,
                        sentence: mark,
                    },
                );
                self.message = Some(match &self.unsaved {
                    Some(why) => format!(
                        "bookmarked {which}, not saved ({why}): printed at exit, as callread export"
                    ),
                    None => {
                        format!("bookmarked {which} ({note} adds a note, {list} lists bookmarks)")
                    }
                });
            }
        }
    }

    /// What `M` writes the note of: the cursor's bookmark ("sentence 2 of ¶ 14" for a
    /// sentence bookmark, "¶ 14" for a paragraph's), or what `m` would bookmark.
    pub fn note_subject(&self) -> String {
        let Some(doc) = self.doc() else {
            return String::new();
        };
        let n = doc.cursor;
        match doc.bookmarks.iter().find(|b| b.paragraph == n) {
            Some(b) => match &b.sentence {
                Some(mark) => {
                    let k = self
                        .sentence_links(n)
                        .iter()
                        .position(|(en, zh)| *en == mark.en && *zh == mark.zh);
                    match k {
                        Some(k) => format!("sentence {} of ¶ {}", k + 1, n + 1),
                        None => format!("the bookmarked sentence of ¶ {}", n + 1),
                    }
                }
                None => format!("¶ {}", n + 1),
            },
            None => self.sentence_label(),
        }
    }

    /// `>` / `<`: the next or previous bookmark of this call in reading order (wrapping),
    /// at its sentence when it has one.
    pub(super) fn step_bookmark(&mut self, forward: bool) {
        let Some(doc) = self.doc() else { return };
        let cursor = doc.cursor;
        let marks = &doc.bookmarks;
        if marks.is_empty() {
            self.message = Some(format!(
                "no bookmarks in this call: {} adds one",
                self.key(Action::ToggleBookmark)
            ));
            return;
        }
        let next = if forward {
            marks.iter().find(|b| b.paragraph > cursor)
        } else {
            marks.iter().rev().find(|b| b.paragraph < cursor)
        };
        let wrapped = next.is_none();
        let Some(b) = next
            .or(if forward { marks.first() } else { marks.last() })
            .cloned()
        else {
            return;
        };
        let k = marks.iter().position(|m| *m == b).unwrap_or(0);
        let total = marks.len();
        match &b.sentence {
            Some(mark) => self.go_to_sentence(b.paragraph, mark),
            None => self.jump_to(b.paragraph),
        }
        let note = b
            .note
            .as_deref()
            .map(|n| format!(": {n}"))
            .unwrap_or_default();
        self.message = Some(format!(
            "bookmark {} of {total}{}{note}",
            k + 1,
            if wrapped { " (wrapped)" } else { "" }
        ));
    }

    /// Adds (or replaces) a bookmark of transcript `doc` and queues it for saving.
    fn put_bookmark(&mut self, doc: usize, bookmark: crate::state::Bookmark) {
        let Some(d) = self.docs.get_mut(doc) else {
            return;
        };
        crate::state::put_bookmark(&mut d.bookmarks, bookmark.clone());
        self.changes.push(crate::state::Change::Put {
            key: d.key.clone(),
            name: d.transcript.file_name().to_string(),
            bookmark,
        });
        // What the call is and where it came from, for the bookmark list of a later session
        // that does not open it.
        let source = &d.transcript.source;
        let source = if source.starts_with("bundled/") {
            source.clone()
        } else {
            std::path::absolute(source).map_or_else(|_| source.clone(), |p| p.display().to_string())
        };
        let title = call_title(d.company.as_deref(), d.period(), d.transcript.file_name());
        let known = self.saved.get(&d.key).is_some_and(|t| {
            t.title.as_ref() == Some(&title) && t.source.as_ref() == Some(&source)
        });
        // Once a session is enough.
        if !known && self.about_sent.insert(d.key.clone()) {
            self.changes.push(crate::state::Change::About {
                key: d.key.clone(),
                title,
                source,
            });
        }
    }

    /// `u`: puts back the bookmark (and its note) removed last.
    pub(super) fn undo_removal(&mut self) {
        if let Some((doc, key)) = self.dismissed_last.take() {
            if let Some(d) = self.docs.get_mut(doc) {
                d.dismissed.retain(|k| *k != key);
                self.changes.push(crate::state::Change::Dismiss {
                    key: d.key.clone(),
                    name: d.transcript.file_name().to_string(),
                    finding: key,
                    restore: true,
                });
            }
            self.message = Some("finding restored".into());
            return;
        }
        match self.removed_bookmark.take() {
            Some((doc, bookmark)) => {
                let n = bookmark.paragraph;
                self.put_bookmark(doc, bookmark);
                self.message = Some(format!("bookmark on ¶ {} restored", n + 1));
            }
            None => self.message = Some("nothing to undo".into()),
        }
    }

    /// Sets the note of the current paragraph's bookmark, bookmarking it if needed.
    pub(super) fn set_note(&mut self, text: &str) {
        let subject = self.note_subject();
        let Some(doc) = self.docs.get_mut(self.current) else {
            return;
        };
        let n = doc.cursor;
        let line = doc.paragraph(n).map_or(0, |(_, p)| p.line);
        let note = Some(text.trim().to_string()).filter(|t| !t.is_empty());
        // A bookmark keeps its sentence; a new one takes the sentence cursor's.
        let sentence = match doc.bookmarks.iter().find(|b| b.paragraph == n) {
            Some(b) => b.sentence.clone(),
            None => self.sentence_mark(),
        };
        self.put_bookmark(
            self.current,
            crate::state::Bookmark {
                paragraph: n,
                line,
                note,
                sentence,
            },
        );
        self.message = Some(match &self.unsaved {
            Some(why) => {
                format!("note on {subject}, not saved ({why}): printed at exit, as callread export")
            }
            None => format!("note saved on {subject}"),
        });
    }

    /// Saved bookmarks of transcripts that are not open: (the call's title, its state key,
    /// the bookmark), by title. The title is "Zoom, Q2 FY2025 call" (the file name for a
    /// bookmark saved before titles were kept, unless it is a bundled call).
    pub fn bookmarks_elsewhere(&self) -> Vec<(String, &str, &crate::state::Bookmark)> {
        let open: std::collections::HashSet<&str> =
            self.docs.iter().map(|d| d.key.as_str()).collect();
        let mut out: Vec<(String, &str, &crate::state::Bookmark)> = self
            .saved
            .iter()
            .filter(|(k, _)| !open.contains(k.as_str()))
            .flat_map(|(k, t)| {
                let title = t
                    .title
                    .clone()
                    .or_else(|| bundled_call(k).map(|(_, title)| title))
                    .unwrap_or_else(|| t.name.clone());
                t.bookmarks
                    .iter()
                    .map(move |b| (title.clone(), k.as_str(), b))
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.paragraph.cmp(&b.2.paragraph)));
        out
    }

    /// Opens the call a saved bookmark of a transcript not open belongs to, at the bookmark:
    /// a bundled call at once; a file through the event loop ([`AppState::open_request`]),
    /// the jump done when it has loaded ([`AppState::push_doc`]).
    pub(super) fn open_elsewhere(&mut self, key: &str, bookmark: crate::state::Bookmark) {
        if let Some((i, _)) = bundled_call(key) {
            let (name, text) = crate::library::BUNDLED[i];
            if let Ok(t) =
                crate::library::load_bytes(text.as_bytes().to_vec(), &format!("bundled/{name}"))
            {
                self.pending_bookmark = Some((key.to_string(), bookmark));
                self.push_doc(t);
            }
            return;
        }
        match self.saved.get(key).and_then(|t| t.source.clone()) {
            Some(path) => {
                self.pending_bookmark = Some((key.to_string(), bookmark));
                self.open_request = Some(std::path::PathBuf::from(path));
            }
            None => {
                let name = self.saved.get(key).map_or("", |t| t.name.as_str());
                self.message = Some(format!(
                    "{name} is not open and where it was is not known: callread FILE opens it at its bookmarks"
                ));
            }
        }
    }

    /// True when the call of saved state `key` can be opened from the bookmark list (a
    /// bundled call, or a file whose path was saved).
    pub fn can_open_elsewhere(&self, key: &str) -> bool {
        bundled_call(key).is_some() || self.saved.get(key).is_some_and(|t| t.source.is_some())
    }

    /// After a transcript was added: when it is the call a bookmark of the list was chosen
    /// for, show it at that bookmark.
    pub(super) fn land_on_pending(&mut self, doc: usize) {
        let Some((key, bookmark)) = self.pending_bookmark.take() else {
            return;
        };
        if self.docs.get(doc).is_none_or(|d| d.key != key) {
            self.pending_bookmark = Some((key, bookmark));
            return;
        }
        let from = self.position();
        self.show_doc(doc);
        self.unhide(bookmark.paragraph);
        match &bookmark.sentence {
            Some(mark) => self.go_to_sentence(bookmark.paragraph, mark),
            None => self.jump_to(bookmark.paragraph),
        }
        self.record_jump(from);
        let title = self.docs[doc].short_title().to_string();
        self.message = Some(format!("opened {title} at ¶ {}", bookmark.paragraph + 1));
    }

    /// Every bookmark of the loaded transcripts: (doc, bookmark).
    pub fn all_bookmarks(&self) -> Vec<(usize, &crate::state::Bookmark)> {
        self.docs
            .iter()
            .enumerate()
            .flat_map(|(i, d)| d.bookmarks.iter().map(move |b| (i, b)))
            .collect()
    }
}
