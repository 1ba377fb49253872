//! CJK-aware line wrapping.
//!
//! ratatui's `Paragraph` wrap breaks only at spaces and panics on narrow areas, so the reader
//! wraps text itself: Chinese may break between any two characters, Latin text at spaces (a
//! word longer than the line is cut at grapheme boundaries), no line starts with closing
//! punctuation (，。、：；！？」』）...) and no line ends with an opening bracket, and every
//! line fits the width as measured by `unicode-width`. Lines are byte ranges into the text
//! (as bk does), so positions in a paragraph survive re-wrapping.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::script::is_cjk;

/// Characters that must not start a line (kinsoku shori), CJK and Latin closing marks.
pub fn is_no_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '：'
            | '；'
            | '！'
            | '？'
            | '」'
            | '』'
            | '）'
            | '】'
            | '》'
            | '〉'
            | '〕'
            | '］'
            | '｝'
            | '…'
            | '‥'
            | '・'
            | '·'
            | '‧'
            | '％'
            | '．'
            | '〜'
            | '～'
            | 'ー'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '%'
            | '”'
            | '’'
    )
}

/// Characters that must not end a line: opening brackets and quotes.
pub fn is_no_end(c: char) -> bool {
    matches!(
        c,
        '「' | '『' | '（' | '【' | '《' | '〈' | '〔' | '［' | '｛' | '(' | '[' | '{' | '“' | '‘'
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Cjk,
    NoStart,
    NoEnd,
    Other,
}

struct Grapheme {
    start: usize,
    width: usize,
    class: Class,
}

fn classify(g: &str) -> Class {
    let c = g.chars().next().unwrap_or(' ');
    if c.is_whitespace() {
        Class::Space
    } else if is_no_start(c) {
        Class::NoStart
    } else if is_no_end(c) {
        Class::NoEnd
    } else if is_cjk(c) {
        Class::Cjk
    } else {
        Class::Other
    }
}

/// True when a line may break before grapheme `i` (which is not a space).
fn may_break_before(g: &[Grapheme], i: usize) -> bool {
    let (prev, cur) = (g[i - 1].class, g[i].class);
    if cur == Class::Space || cur == Class::NoStart || prev == Class::NoEnd {
        return false;
    }
    prev == Class::Space
        || cur == Class::Cjk
        || cur == Class::NoEnd
        || (prev == Class::Cjk || prev == Class::NoStart) && is_cjk_context(g, i)
        // After a full-width closing mark ("、Bloomreach") a Latin word may start a line.
        || prev == Class::NoStart && g[i - 1].width == 2
}

/// After a CJK character or CJK closing mark, a Latin word may start a new line.
fn is_cjk_context(g: &[Grapheme], i: usize) -> bool {
    (0..i)
        .rev()
        .map(|j| g[j].class)
        .find(|c| *c != Class::NoStart)
        .is_none_or(|c| c == Class::Cjk)
}

/// Wraps `text` into lines of at most `width` columns (at least 2 is used: a wide character
/// needs two). Returns byte ranges into `text`, without the spaces a line was broken at.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(2);
    let g: Vec<Grapheme> = text
        .grapheme_indices(true)
        .map(|(start, s)| Grapheme {
            start,
            width: s.width(),
            class: classify(s),
        })
        .collect();
    let end_of = |i: usize| g.get(i).map_or(text.len(), |x| x.start);
    let mut lines = Vec::new();
    let mut line_start = skip_spaces(&g, 0);
    let mut line_width = 0usize;
    let mut last_break: Option<usize> = None;
    let mut i = line_start;
    while i < g.len() {
        if i > line_start && g[i].class != Class::Space && may_break_before(&g, i) {
            last_break = Some(i);
        }
        line_width += g[i].width;
        if g[i].class == Class::Space || line_width <= width {
            i += 1;
            continue;
        }
        // Grapheme i overflows: break at the last opportunity, or cut the word.
        let cut = match last_break.filter(|&b| b > line_start) {
            Some(b) => b,
            None => hard_cut(&g, line_start, i),
        };
        lines.push(g[line_start].start..trim_end(text, &g, line_start, cut, end_of(cut)));
        line_start = skip_spaces(&g, cut);
        last_break = None;
        line_width = 0;
        i = line_start;
    }
    if line_start < g.len() {
        lines.push(g[line_start].start..trim_end(text, &g, line_start, g.len(), text.len()));
    }
    lines
}

/// Where to cut a run with no break opportunity that overflows at `over`: before `over`, moved
/// back so the next line does not start with closing punctuation when that is possible. A mark
/// after a space ("Insider 、Bloomreach") stays with the word before it: the cut goes before
/// that word.
fn hard_cut(g: &[Grapheme], line_start: usize, over: usize) -> usize {
    let glued = |i: usize| {
        g[i].class == Class::NoStart
            || g[i].class == Class::Space
                && g[i..]
                    .iter()
                    .find(|x| x.class != Class::Space)
                    .is_some_and(|x| x.class == Class::NoStart)
    };
    let mut cut = over.max(line_start + 1);
    while cut > line_start + 1 && glued(cut) {
        cut -= 1;
    }
    if glued(cut) {
        return over.max(line_start + 1);
    }
    // Moved back into a word: cut before the word when the line keeps something.
    if g[cut].class == Class::Other && cut < over {
        let mut start = cut;
        while start > line_start && g[start - 1].class == Class::Other {
            start -= 1;
        }
        if start > line_start {
            cut = start;
        }
    }
    cut
}

fn skip_spaces(g: &[Grapheme], mut i: usize) -> usize {
    while i < g.len() && g[i].class == Class::Space {
        i += 1;
    }
    i
}

fn trim_end(text: &str, g: &[Grapheme], start: usize, mut end: usize, end_byte: usize) -> usize {
    let mut byte = end_byte;
    while end > start && g[end - 1].class == Class::Space {
        end -= 1;
        byte = g[end].start;
    }
    debug_assert!(byte <= text.len());
    byte
}

/// The display width of `s`.
pub fn width(s: &str) -> usize {
    s.width()
}

/// The longest prefix of `s` that fits in `max` columns, cut at a grapheme boundary.
pub fn truncate(s: &str, max: usize) -> &str {
    let mut used = 0;
    for (i, g) in s.grapheme_indices(true) {
        used += g.width();
        if used > max {
            return &s[..i];
        }
    }
    s
}

/// `s` in at most `max` columns: whole when it fits, else cut and ended with "…" (so a cut
/// is seen as one).
pub fn ellipsize(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if width(s) <= max {
        return std::borrow::Cow::Borrowed(s);
    }
    if max == 0 {
        return std::borrow::Cow::Borrowed("");
    }
    let cut = truncate(s, max - 1).trim_end();
    std::borrow::Cow::Owned(format!("{cut}…"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, w: usize) -> Vec<&str> {
        wrap(text, w).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn latin_breaks_at_spaces() {
        assert_eq!(lines("the quick brown fox", 10), ["the quick", "brown fox"]);
        assert_eq!(
            lines("supercalifragilistic", 8),
            ["supercal", "ifragili", "stic"]
        );
    }

    #[test]
    fn chinese_breaks_anywhere_but_not_before_closing_marks() {
        assert_eq!(lines("大家好。歡迎參加", 8), ["大家好。", "歡迎參加"]);
        // 。 would start line two at width 6: 好 moves down with it.
        assert_eq!(lines("大家好。歡迎", 6), ["大家", "好。歡", "迎"]);
        // Neither 「 at a line end nor 」 at a line start.
        assert_eq!(lines("他說「你好」", 6), ["他說", "「你", "好」"]);
    }

    #[test]
    fn truncation_respects_wide_characters() {
        assert_eq!(truncate("營收abc", 3), "營");
        assert_eq!(truncate("營收abc", 5), "營收a");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn mixed_text_and_tiny_widths() {
        assert_eq!(lines("Zoom 的營收", 6), ["Zoom", "的營收"]);
        assert_eq!(lines("a中b", 2), ["a", "中", "b"]);
        assert_eq!(lines("a中b", 1), ["a", "中", "b"]);
        assert!(lines("", 10).is_empty());
        assert!(lines("   ", 10).is_empty());
    }
}
