//! The jump list, as in vim (Ctrl-o back, Tab / Ctrl-i forward), and going to a source line.

use super::AppState;

impl AppState {
    /// Where the cursor is: (transcript, paragraph).
    pub(super) fn position(&self) -> (usize, usize) {
        (self.current, self.doc().map_or(0, |d| d.cursor))
    }

    /// Adds `from` to the jump list (a jump left it), forgetting the way forward.
    pub(super) fn record_jump(&mut self, from: (usize, usize)) {
        const MAX_JUMPS: usize = 100;
        if self.back.last() != Some(&from) {
            self.back.push(from);
            if self.back.len() > MAX_JUMPS {
                self.back.remove(0);
            }
        }
        self.forward.clear();
    }

    /// Ctrl-o: back along the jump list (across calls too).
    pub fn go_back(&mut self) {
        let here = self.position();
        let Some(to) = self.back.pop() else {
            self.message = Some("nowhere to go back to".into());
            return;
        };
        self.forward.push(here);
        self.go_to_position(to);
        self.message = Some(format!(
            "back: {} more back, {} forward (Tab / Ctrl-i)",
            self.back.len(),
            self.forward.len()
        ));
    }

    /// Tab / Ctrl-i with the sidebar closed: forward again after Ctrl-o.
    pub fn go_forward(&mut self) {
        let here = self.position();
        let Some(to) = self.forward.pop() else {
            self.message = Some("nowhere to go forward to".into());
            return;
        };
        self.back.push(here);
        self.go_to_position(to);
    }

    fn go_to_position(&mut self, (doc, paragraph): (usize, usize)) {
        if doc >= self.docs.len() {
            return;
        }
        if doc != self.current {
            self.show_doc(doc);
        }
        self.figure_highlight = None;
        self.unhide(paragraph);
        self.jump_to(paragraph);
    }

    /// Goes to the pair holding line `line` (1-based) of the current call's source file: the
    /// last pair starting on or before it (the first pair for a line of the header). Returns
    /// false when the line is past the call's last paragraph.
    pub fn go_to_source_line(&mut self, line: usize) -> bool {
        let Some(doc) = self.doc() else { return false };
        let t = &doc.transcript;
        let end = t
            .paragraphs()
            .map(|(_, p)| p.line.max(p.zh_line.unwrap_or(0)))
            .max()
            .unwrap_or(0);
        if line > end {
            self.message = Some(format!(
                "line {line} is past the last paragraph of {} (line {end})",
                t.file_name()
            ));
            return false;
        }
        let n = t
            .paragraphs()
            .map(|(_, p)| p.line.min(p.zh_line.unwrap_or(usize::MAX)))
            .take_while(|start| *start <= line)
            .count()
            .saturating_sub(1);
        self.unhide(n);
        self.jump_to(n);
        self.message = Some(format!("line {line}: ¶ {}", n + 1));
        true
    }
}
