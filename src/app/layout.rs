//! Laying out a transcript for a terminal width: which rows each block takes and the wrapped
//! lines of each side. Pure: computed once per (width, mode, swap) and cached by the app.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::text::wrap::wrap;
use crate::transcript::Transcript;

/// How the two languages are arranged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LayoutMode {
    /// English left, Chinese right, each pair starting on the same row.
    #[default]
    SideBySide,
    /// Each English paragraph above its Chinese translation.
    Stacked,
    /// English only (a paragraph with no English shows its Chinese).
    English,
    /// Chinese only (a paragraph with no Chinese shows its English).
    Chinese,
}

impl LayoutMode {
    /// The layout a transcript is shown in: a file with no Chinese has nothing for a second
    /// pane, so both-language layouts show its English alone.
    pub fn for_transcript(self, t: &crate::transcript::Transcript) -> Self {
        match self {
            LayoutMode::SideBySide | LayoutMode::Stacked if !t.bilingual => LayoutMode::English,
            mode => mode,
        }
    }

    /// The next layout in the `l` cycle.
    pub fn next(self) -> Self {
        match self {
            LayoutMode::SideBySide => LayoutMode::Stacked,
            LayoutMode::Stacked => LayoutMode::English,
            LayoutMode::English => LayoutMode::Chinese,
            LayoutMode::Chinese => LayoutMode::SideBySide,
        }
    }

    /// The name shown in the status bar and accepted by `--layout`.
    pub fn name(self) -> &'static str {
        match self {
            LayoutMode::SideBySide => "side-by-side",
            LayoutMode::Stacked => "stacked",
            LayoutMode::English => "english",
            LayoutMode::Chinese => "chinese",
        }
    }

    /// Parses a `--layout` value.
    pub fn parse(s: &str) -> Option<Self> {
        [
            LayoutMode::SideBySide,
            LayoutMode::Stacked,
            LayoutMode::English,
            LayoutMode::Chinese,
        ]
        .into_iter()
        .find(|m| m.name() == s || (s == "side" && *m == LayoutMode::SideBySide))
    }
}

pub use crate::transcript::Lang;

/// The columns of the reader for a width: a two-column gutter (cursor bar, flag mark), then
/// one pane, two panes around a " │ " separator, or three (English and two translations).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    /// Where the first pane starts and how wide it is.
    pub left: (u16, u16),
    /// The second pane, side by side only.
    pub right: Option<(u16, u16)>,
    /// The third pane: a second translation side by side on a wide terminal. On a narrower
    /// one the second translation goes below the first in the second pane.
    pub third: Option<(u16, u16)>,
}

/// Width of the gutter left of the panes.
pub const GUTTER: u16 = 2;
/// Width of the separator between panes.
pub const SEPARATOR: u16 = 3;
/// The narrowest terminal that shows a second translation in a pane of its own.
pub const THREE_PANES_MIN: u16 = 120;

impl Columns {
    /// The columns for a total width; every pane is at least 2 wide. `compared`: the
    /// transcript has a second translation.
    pub fn new(width: u16, mode: LayoutMode, compared: bool) -> Self {
        let inner = width.saturating_sub(GUTTER);
        if mode == LayoutMode::SideBySide && compared && width >= THREE_PANES_MIN {
            let panes = inner.saturating_sub(2 * SEPARATOR);
            let w = panes / 3;
            let left_w = panes - 2 * w;
            let right_x = GUTTER + left_w + SEPARATOR;
            Columns {
                left: (GUTTER, left_w),
                right: Some((right_x, w)),
                third: Some((right_x + w + SEPARATOR, w)),
            }
        } else if mode == LayoutMode::SideBySide {
            let panes = inner.saturating_sub(SEPARATOR);
            let left_w = (panes / 2).max(2);
            let right_w = (panes - panes / 2).max(2);
            Columns {
                left: (GUTTER, left_w),
                right: Some((GUTTER + left_w + SEPARATOR, right_w)),
                third: None,
            }
        } else {
            Columns {
                left: (GUTTER, inner.max(2)),
                right: None,
                third: None,
            }
        }
    }
}

/// What a block shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The title row of the Chinese summary.
    SummaryTitle,
    /// Paragraph `n` of the Chinese summary.
    Summary(usize),
    /// Line `n` of an English preamble (titles of English-only files).
    Preamble(usize),
    /// The translation notice.
    Notice,
    /// The speaker divider before turn `n`.
    Divider(usize),
    /// Paragraph pair `n` (flat index over all turns).
    Pair(usize),
}

/// One block of rows.
#[derive(Debug, Clone)]
pub struct Block {
    /// What it shows.
    pub kind: BlockKind,
    /// First row.
    pub top: usize,
    /// Rows taken, including one blank row of spacing below where there is one.
    pub height: usize,
    /// Wrapped lines of the first pane (or of the only text of a full-width block).
    pub left: Vec<Range<usize>>,
    /// Which text `left` wraps.
    pub left_lang: Lang,
    /// Wrapped lines of the second pane (side by side), or shown below `left` (stacked).
    pub right: Vec<Range<usize>>,
    /// Which text `right` wraps.
    pub right_lang: Lang,
    /// Wrapped lines of the second translation (`--compare`): its own pane on a wide
    /// terminal, else below `right` after one blank row (side by side) or below both
    /// (stacked).
    pub third: Vec<Range<usize>>,
}

impl Block {
    /// A block of this kind with no text yet.
    fn empty(kind: BlockKind, top: usize, height: usize) -> Block {
        Block {
            kind,
            top,
            height,
            left: Vec::new(),
            left_lang: Lang::En,
            right: Vec::new(),
            right_lang: Lang::Zh,
            third: Vec::new(),
        }
    }

    /// Rows of the second pane's column before the second translation starts below the
    /// first (side by side on a narrow terminal): the first's lines and one blank row.
    pub fn third_below(&self) -> usize {
        if self.right.is_empty() {
            0
        } else {
            self.right.len() + 1
        }
    }

    /// Rows with content (the block without its spacing row).
    pub fn content_rows(&self) -> usize {
        match self.kind {
            BlockKind::Pair(_) | BlockKind::Summary(_) => self.height.saturating_sub(1).max(1),
            _ => self.height,
        }
    }
}

/// One row of a laid-out transcript, as both the screen and the pipe draw it: what each
/// part of the row shows, as ranges of the transcript's own text (nothing is copied).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row<'t> {
    /// Spacing, or a row past the end.
    Blank,
    /// The title of the machine-written Chinese summary.
    SummaryTitle,
    /// A line of the summary.
    Summary(&'t str),
    /// A line of the text before the first speaker (a title, the date).
    Preamble(&'t str),
    /// A line of the translation notice.
    Notice(&'t str),
    /// A speaker divider of turn `turn`.
    Divider(usize),
    /// Row `k` of pair `n`'s content: the line in the first pane and, side by side, the
    /// line in the second (stacked and single-language layouts use the first only).
    Pair {
        /// The pair.
        n: usize,
        /// Row within the pair's content (0 = its first).
        k: usize,
        /// The first pane's line.
        first: Option<Line<'t>>,
        /// The second pane's line (side by side).
        second: Option<Line<'t>>,
        /// The third pane's line (side by side with a second translation, wide).
        third: Option<Line<'t>>,
    },
}

/// A wrapped line of one side of a pair: the side's whole text and the line's byte range
/// in it (so marks, given as ranges of the text, can be drawn on it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'t> {
    /// Which language the text is.
    pub lang: Lang,
    /// The side's whole text.
    pub text: &'t str,
    /// This line of it.
    pub range: Range<usize>,
}

impl Line<'_> {
    /// The line's text.
    pub fn str(&self) -> &str {
        &self.text[self.range.clone()]
    }
}

/// The gutter marks of a pair: a translation finding (`!`, first row) and a bookmark (`*`,
/// first row, or the second when the first has `!`). One rule for the screen and the pipe.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    /// The pair has a translation finding or a parse flag.
    pub flagged: bool,
    /// The pair is bookmarked.
    pub bookmarked: bool,
    /// The pair's two translations disagree (`--compare`).
    pub differs: bool,
}

impl Marks {
    /// The mark on row `k` of the pair's content, if any: `!`, then `≠`, then `*`, one per
    /// row from the first.
    pub fn at(self, k: usize) -> Option<char> {
        [
            (self.flagged, '!'),
            (self.differs, '≠'),
            (self.bookmarked, '*'),
        ]
        .into_iter()
        .filter(|(on, _)| *on)
        .nth(k)
        .map(|(_, c)| c)
    }
}

/// A transcript laid out for one width and mode.
#[derive(Debug, Clone)]
pub struct DocLayout {
    /// The terminal width it was made for.
    pub width: u16,
    /// The layout mode.
    pub mode: LayoutMode,
    /// Chinese on the left.
    pub swapped: bool,
    /// The columns used.
    pub columns: Columns,
    /// All blocks, top to bottom.
    pub blocks: Vec<Block>,
    /// Total rows.
    pub rows: usize,
    /// For each paragraph pair (flat index), its block index, if it is laid out (a speaker
    /// filter leaves other speakers' pairs out).
    pub pair_blocks: Vec<Option<usize>>,
    /// The flat indices of the pairs laid out, in order.
    pub order: Vec<usize>,
    /// The speaker filter this layout was made with.
    pub filter: Option<usize>,
    /// Turns laid out so far (all of them once complete; see [`DocLayout::extend`]).
    next_turn: usize,
    /// The flat index of the first pair of `next_turn`.
    next_flat: usize,
}

/// Appends a block below the last one.
fn push_block(blocks: &mut Vec<Block>, row: &mut usize, b: Block) {
    *row = b.top + b.height;
    blocks.push(b);
}

/// The text of a side of a paragraph, falling back to the other language when it is missing
/// (a paragraph is never invisible).
pub fn side_text(p: &crate::transcript::Paragraph, lang: Lang) -> (&str, Lang) {
    if lang == Lang::Zh2
        && let Some(zh2) = p.zh2.as_deref()
    {
        return (zh2, Lang::Zh2);
    }
    match (lang, p.en.as_deref(), p.zh.as_deref()) {
        (Lang::En, Some(en), _) => (en, Lang::En),
        (Lang::Zh | Lang::Zh2, _, Some(zh)) => (zh, Lang::Zh),
        (_, Some(en), None) => (en, Lang::En),
        (_, None, Some(zh)) => (zh, Lang::Zh),
        (_, None, None) => ("", lang),
    }
}

impl DocLayout {
    /// Lays out `t` for a terminal `width`; with a `filter`, only that speaker's turns.
    pub fn new(
        t: &Transcript,
        width: u16,
        mode: LayoutMode,
        swapped: bool,
        filter: Option<usize>,
    ) -> Self {
        let mut layout = DocLayout::begin(t, width, mode, swapped, filter);
        layout.extend(t, usize::MAX);
        layout
    }

    /// The start of a layout: the blocks above the first turn and no turn yet. [`extend`]
    /// lays out the turns, as many at a time as asked: a transcript of hundreds of thousands
    /// of paragraphs shows its first screen at once and is laid out between keys.
    ///
    /// [`extend`]: DocLayout::extend
    pub fn begin(
        t: &Transcript,
        width: u16,
        mode: LayoutMode,
        swapped: bool,
        filter: Option<usize>,
    ) -> Self {
        let columns = Columns::new(width, mode, t.second.is_some());
        let full = usize::from(width.saturating_sub(GUTTER).max(2));
        let mut blocks = Vec::new();
        let mut row = 0usize;
        let blank = Block::empty;
        if !t.summary_zh.is_empty() && mode != LayoutMode::English && filter.is_none() {
            let title = blank(BlockKind::SummaryTitle, row, 1);
            push_block(&mut blocks, &mut row, title);
            for (i, s) in t.summary_zh.iter().enumerate() {
                let lines = wrap(s, full.saturating_sub(1));
                let mut b = blank(BlockKind::Summary(i), row, lines.len() + 1);
                b.left = lines;
                b.left_lang = Lang::Zh;
                push_block(&mut blocks, &mut row, b);
            }
        }
        for (i, s) in t.preamble.iter().enumerate().filter(|_| filter.is_none()) {
            let lines = wrap(s, full);
            let mut b = blank(BlockKind::Preamble(i), row, lines.len());
            b.left = lines;
            push_block(&mut blocks, &mut row, b);
        }
        if let Some(n) = t.notice.as_ref().filter(|_| filter.is_none()) {
            let lines = wrap(n, full);
            let mut b = blank(BlockKind::Notice, row, lines.len());
            b.left = lines;
            b.left_lang = Lang::Zh;
            push_block(&mut blocks, &mut row, b);
        }
        DocLayout {
            width,
            mode,
            swapped,
            columns,
            blocks,
            rows: row,
            pair_blocks: vec![None; t.paragraph_count()],
            order: Vec::with_capacity(t.paragraph_count()),
            filter,
            next_turn: 0,
            next_flat: 0,
        }
    }

    /// Extends the layout, `step` pairs at a time, until pair `n` is laid out (past the last
    /// pair: until it is complete).
    pub fn extend_to(&mut self, t: &Transcript, n: usize, step: usize) {
        while self.pair_blocks.get(n).is_some_and(Option::is_none) && !self.extend(t, step) {}
        if n >= self.pair_blocks.len() {
            self.extend(t, usize::MAX);
        }
    }

    /// True once every turn is laid out.
    pub fn complete(&self, t: &Transcript) -> bool {
        self.next_turn >= t.turns.len()
    }

    /// Lays out whole turns until at least `budget` more pairs are done or the transcript
    /// ends. True when it is complete.
    pub fn extend(&mut self, t: &Transcript, budget: usize) -> bool {
        let full = usize::from(self.width.saturating_sub(GUTTER).max(2));
        let (mode, columns, filter) = (self.mode, self.columns, self.filter);
        let (first, second) = if self.swapped {
            (Lang::Zh, Lang::En)
        } else {
            (Lang::En, Lang::Zh)
        };
        let blank = Block::empty;
        let mut done = 0usize;
        while let Some(turn) = t.turns.get(self.next_turn) {
            if done >= budget {
                break;
            }
            let turn_index = self.next_turn;
            self.next_turn += 1;
            let first_flat = self.next_flat;
            self.next_flat += turn.paragraphs.len();
            if filter.is_some_and(|s| s != turn.speaker) {
                continue;
            }
            let (blocks, row) = (&mut self.blocks, &mut self.rows);
            // A blank row before a divider, unless the block above ends with one.
            let spaced = blocks.last().is_some_and(|b: &Block| {
                matches!(b.kind, BlockKind::Pair(_) | BlockKind::Summary(_))
            });
            let gap = usize::from(*row > 0 && !spaced);
            let divider = blank(BlockKind::Divider(turn_index), *row + gap, 1);
            push_block(blocks, row, divider);
            for (flat, p) in (first_flat..).zip(&turn.paragraphs) {
                let mut b = blank(BlockKind::Pair(flat), *row, 0);
                match mode {
                    LayoutMode::SideBySide | LayoutMode::Stacked => {
                        // Each language keeps its own pane (or place): a missing side is
                        // left empty rather than filled with the other language.
                        let (lw, rw) = match mode {
                            LayoutMode::SideBySide => (
                                usize::from(columns.left.1),
                                usize::from(columns.right.map_or(2, |r| r.1)),
                            ),
                            _ => (full, full),
                        };
                        b.left = p.side(first).map(|t| wrap(t, lw)).unwrap_or_default();
                        b.left_lang = first;
                        b.right = p.side(second).map(|t| wrap(t, rw)).unwrap_or_default();
                        b.right_lang = second;
                        let tw = columns.third.map_or(rw, |t| usize::from(t.1));
                        b.third = p.zh2.as_deref().map(|t| wrap(t, tw)).unwrap_or_default();
                        let content = match (mode, columns.third) {
                            (LayoutMode::SideBySide, Some(_)) => {
                                b.left.len().max(b.right.len()).max(b.third.len())
                            }
                            (LayoutMode::SideBySide, None) if !b.third.is_empty() => {
                                b.left.len().max(b.third_below() + b.third.len())
                            }
                            (LayoutMode::SideBySide, None) => b.left.len().max(b.right.len()),
                            _ => b.left.len() + b.right.len() + b.third.len(),
                        };
                        b.height = content.max(1) + 1;
                    }
                    LayoutMode::English | LayoutMode::Chinese => {
                        let want = if mode == LayoutMode::English {
                            Lang::En
                        } else {
                            Lang::Zh
                        };
                        let (text, lang) = side_text(p, want);
                        b.left = wrap(text, full);
                        b.left_lang = lang;
                        b.height = b.left.len().max(1) + 1;
                    }
                }
                self.pair_blocks[flat] = Some(blocks.len());
                self.order.push(flat);
                push_block(blocks, row, b);
                done += 1;
            }
        }
        self.complete(t)
    }

    /// Row `row` of the layout: what the screen and the pipe draw there. `paragraph` finds
    /// a pair of `t` by its flat index (the caller's index of them).
    pub fn row<'t>(
        &self,
        t: &'t Transcript,
        paragraph: impl Fn(usize) -> Option<&'t crate::transcript::Paragraph>,
        row: usize,
    ) -> Row<'t> {
        let Some(b) = self.blocks.get(self.block_at(row)) else {
            return Row::Blank;
        };
        if row < b.top || row >= b.top + b.height {
            return Row::Blank;
        }
        let k = row - b.top;
        match b.kind {
            BlockKind::SummaryTitle => Row::SummaryTitle,
            BlockKind::Summary(i) => b
                .left
                .get(k)
                .map_or(Row::Blank, |r| Row::Summary(&t.summary_zh[i][r.clone()])),
            BlockKind::Preamble(i) => b
                .left
                .get(k)
                .map_or(Row::Blank, |r| Row::Preamble(&t.preamble[i][r.clone()])),
            BlockKind::Notice => match (b.left.get(k), &t.notice) {
                (Some(r), Some(n)) => Row::Notice(&n[r.clone()]),
                _ => Row::Blank,
            },
            BlockKind::Divider(turn) => Row::Divider(turn),
            BlockKind::Pair(n) => {
                if k >= b.content_rows() {
                    return Row::Blank;
                }
                let Some(p) = paragraph(n) else {
                    return Row::Blank;
                };
                let line = |lang: Lang, r: &Range<usize>| {
                    let text = match self.mode {
                        _ if lang == Lang::Zh2 => p.zh2.as_deref().unwrap_or(""),
                        LayoutMode::SideBySide | LayoutMode::Stacked => p.side(lang).unwrap_or(""),
                        _ => side_text(p, lang).0,
                    };
                    Line {
                        lang,
                        text,
                        range: r.clone(),
                    }
                };
                let third_line = |k: usize| b.third.get(k).map(|r| line(Lang::Zh2, r));
                let (first, second, third) = match (self.mode, self.columns.right) {
                    (LayoutMode::SideBySide, Some(_)) if self.columns.third.is_some() => (
                        b.left.get(k).map(|r| line(b.left_lang, r)),
                        b.right.get(k).map(|r| line(b.right_lang, r)),
                        third_line(k),
                    ),
                    (LayoutMode::SideBySide, Some(_)) => (
                        b.left.get(k).map(|r| line(b.left_lang, r)),
                        match b.right.get(k) {
                            Some(r) => Some(line(b.right_lang, r)),
                            None => k.checked_sub(b.third_below()).and_then(third_line),
                        },
                        None,
                    ),
                    (LayoutMode::Stacked, _) => (
                        match (b.left.get(k), k.checked_sub(b.left.len())) {
                            (Some(r), _) => Some(line(b.left_lang, r)),
                            (None, Some(j)) => match b.right.get(j) {
                                Some(r) => Some(line(b.right_lang, r)),
                                None => third_line(j - b.right.len()),
                            },
                            (None, None) => None,
                        },
                        None,
                        None,
                    ),
                    _ => (b.left.get(k).map(|r| line(b.left_lang, r)), None, None),
                };
                Row::Pair {
                    n,
                    k,
                    first,
                    second,
                    third,
                }
            }
        }
    }

    /// The block index at a row (the last block starting at or before it).
    pub fn block_at(&self, row: usize) -> usize {
        self.blocks
            .partition_point(|b| b.top <= row)
            .saturating_sub(1)
    }

    /// The block of paragraph pair `n`, if it is laid out.
    pub fn pair(&self, n: usize) -> Option<&Block> {
        self.pair_blocks
            .get(n)
            .copied()
            .flatten()
            .map(|i| &self.blocks[i])
    }

    fn top_of(&self, flat: usize) -> usize {
        self.pair(flat).map_or(0, |b| b.top)
    }

    /// The first laid-out pair whose block starts at or after `row` (or the last one).
    pub fn pair_at_or_after(&self, row: usize) -> usize {
        let n = self.order.partition_point(|&f| self.top_of(f) < row);
        self.order
            .get(n.min(self.order.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0)
    }

    /// The laid-out pair whose block contains `row`, or the nearest one after it.
    pub fn pair_containing(&self, row: usize) -> usize {
        let n = self
            .order
            .partition_point(|&f| self.top_of(f) <= row)
            .saturating_sub(1);
        match self.order.get(n).and_then(|&f| Some((f, self.pair(f)?))) {
            Some((f, b)) if b.top + b.height > row => f,
            _ => self.pair_at_or_after(row),
        }
    }

    /// The laid-out pair nearest to flat index `n` (itself when laid out; else the next one,
    /// else the previous one).
    pub fn nearest(&self, n: usize) -> usize {
        let i = self.order.partition_point(|&f| f < n);
        self.order
            .get(i)
            .or(self.order.last())
            .copied()
            .unwrap_or(0)
    }

    /// The laid-out pair `delta` places from `n` (clamped to the first and last).
    pub fn step(&self, n: usize, delta: isize) -> usize {
        let Some(i) = self
            .order
            .iter()
            .position(|&f| f == n)
            .or_else(|| Some(self.order.partition_point(|&f| f < n)))
        else {
            return n;
        };
        let j = (i as isize + delta).clamp(0, self.order.len().saturating_sub(1) as isize) as usize;
        self.order.get(j).copied().unwrap_or(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Transcript {
        let text = "總結一。\n使用警語:中文譯文來源為 Google 翻譯,僅供參考\nOperator\nOperator\nHello, everybody, and welcome to the call.\n大家好,歡迎參加電話會議。\nA - CFO\nA - CFO\nRevenue grew.\n營收成長。\n";
        crate::transcript::parse(text, "t").unwrap()
    }

    #[test]
    fn pairs_start_on_the_same_row_and_take_the_taller_side() {
        let t = sample();
        let l = DocLayout::new(&t, 40, LayoutMode::SideBySide, false, None);
        let b = l.pair(0).unwrap();
        assert_eq!(b.height, b.left.len().max(b.right.len()) + 1);
        assert_eq!(
            l.columns,
            Columns {
                left: (2, 17),
                right: Some((22, 18)),
                third: None,
            }
        );
        assert!(matches!(l.blocks[0].kind, BlockKind::SummaryTitle));
        assert_eq!(l.rows, l.blocks.last().map(|b| b.top + b.height).unwrap());
        // Blocks tile the rows without overlap.
        for w in l.blocks.windows(2) {
            assert!(w[0].top + w[0].height <= w[1].top, "{w:?}");
        }
    }

    #[test]
    fn a_second_translation_gets_its_own_pane_when_wide_and_goes_below_when_narrow() {
        let mut t = sample();
        let n = t.paragraph_count();
        let second = (0..n).map(|i| Some(format!("第二譯文{i}。"))).collect();
        crate::compare::attach_second(&mut t, second, "other");
        let wide = DocLayout::new(&t, 150, LayoutMode::SideBySide, false, None);
        let third = wide.columns.third.expect("three panes at 150");
        let right = wide.columns.right.unwrap();
        assert_eq!(right.0 + right.1 + SEPARATOR, third.0);
        assert_eq!(third.0 + third.1, 150, "{:?}", wide.columns);
        let b = wide.pair(0).unwrap();
        assert_eq!(b.third.len(), 1);
        let Row::Pair {
            third: Some(line), ..
        } = wide.row(&t, |n| t.paragraphs().nth(n).map(|(_, p)| p), b.top)
        else {
            panic!("a pair row");
        };
        assert_eq!(line.lang, Lang::Zh2);
        assert_eq!(line.str(), "第二譯文0。");
        // Narrow: the second translation below the first in the right pane, a row between.
        let narrow = DocLayout::new(&t, 80, LayoutMode::SideBySide, false, None);
        assert_eq!(narrow.columns.third, None);
        let b = narrow.pair(0).unwrap();
        assert_eq!(
            b.content_rows(),
            b.left.len().max(b.right.len() + 1 + b.third.len())
        );
        let at = b.top + b.right.len() + 1;
        let Row::Pair {
            second: Some(line),
            third: None,
            ..
        } = narrow.row(&t, |n| t.paragraphs().nth(n).map(|(_, p)| p), at)
        else {
            panic!("a pair row");
        };
        assert_eq!(line.lang, Lang::Zh2);
        // Stacked: English, translation 1, translation 2.
        let stacked = DocLayout::new(&t, 80, LayoutMode::Stacked, false, None);
        let b = stacked.pair(0).unwrap();
        assert_eq!(
            b.content_rows(),
            b.left.len() + b.right.len() + b.third.len()
        );
    }

    #[test]
    fn row_lookups() {
        let t = sample();
        let l = DocLayout::new(&t, 30, LayoutMode::Stacked, false, None);
        for n in 0..2 {
            let b = l.pair(n).unwrap();
            assert_eq!(l.pair_containing(b.top), n);
            assert_eq!(l.pair_containing(b.top + b.height - 1), n);
            assert_eq!(l.pair_at_or_after(b.top), n);
        }
        assert_eq!(l.pair_at_or_after(usize::MAX), 1);
    }

    #[test]
    fn tiny_widths_still_lay_out() {
        let t = sample();
        for w in 0..8 {
            for mode in [
                LayoutMode::SideBySide,
                LayoutMode::Stacked,
                LayoutMode::English,
                LayoutMode::Chinese,
            ] {
                let l = DocLayout::new(&t, w, mode, w % 2 == 0, None);
                assert_eq!(l.order.len(), 2);
                let only_cfo = DocLayout::new(&t, w, mode, false, Some(1));
                assert_eq!(only_cfo.order, [1]);
                assert_eq!(
                    (
                        only_cfo.nearest(0),
                        only_cfo.step(1, -1),
                        only_cfo.step(1, 5)
                    ),
                    (1, 1, 1)
                );
            }
        }
    }
}
