//! Which way a figure goes, as the words next to it say: "declined 2%" and 下降 2%, "a loss
//! of $5 million" and 虧損 500 萬美元, "raise ... to" and 上調至. A translation that turns a
//! decline into growth, a loss into a profit or a raised guide into a lowered one keeps the
//! number right and the meaning wrong; the figure check alone cannot see it.
//!
//! Deliberately narrow: a word counts only when it stands next to the figure (in the
//! English, in the clause before it, or right after it; in the Chinese, within a few
//! characters before it, or right after), and a finding needs a word on both sides. Comparisons
//! ("higher than", 高於) are directions too.

use std::ops::Range;

/// A direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Growth, an increase, a raise.
    Up,
    /// A decline, a decrease, a cut.
    Down,
    /// A loss.
    Loss,
    /// A profit.
    Profit,
}

impl Direction {
    /// True for the two ends of one axis.
    pub fn opposes(self, other: Direction) -> bool {
        matches!(
            (self, other),
            (Direction::Up, Direction::Down)
                | (Direction::Down, Direction::Up)
                | (Direction::Loss, Direction::Profit)
                | (Direction::Profit, Direction::Loss)
        )
    }

    /// For the finding's sentence.
    pub fn word(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Loss => "a loss",
            Direction::Profit => "a profit",
        }
    }
}

/// English words by direction (lower case, whole words).
const EN_WORDS: &[(&str, Direction)] = &[
    ("grew", Direction::Up),
    ("grow", Direction::Up),
    ("grows", Direction::Up),
    ("growing", Direction::Up),
    ("growth", Direction::Up),
    ("increase", Direction::Up),
    ("increased", Direction::Up),
    ("increases", Direction::Up),
    ("increasing", Direction::Up),
    ("up", Direction::Up),
    ("rose", Direction::Up),
    ("rise", Direction::Up),
    ("rising", Direction::Up),
    ("higher", Direction::Up),
    ("expanded", Direction::Up),
    ("raise", Direction::Up),
    ("raised", Direction::Up),
    ("raising", Direction::Up),
    ("decline", Direction::Down),
    ("declined", Direction::Down),
    ("declines", Direction::Down),
    ("declining", Direction::Down),
    ("decrease", Direction::Down),
    ("decreased", Direction::Down),
    ("decreasing", Direction::Down),
    ("down", Direction::Down),
    ("fell", Direction::Down),
    ("fall", Direction::Down),
    ("lower", Direction::Down),
    ("lowered", Direction::Down),
    ("lowering", Direction::Down),
    ("drop", Direction::Down),
    ("dropped", Direction::Down),
    ("reduce", Direction::Down),
    ("reduced", Direction::Down),
    ("reduction", Direction::Down),
    ("contracted", Direction::Down),
    ("shrank", Direction::Down),
    ("negative", Direction::Down),
    ("loss", Direction::Loss),
    ("losses", Direction::Loss),
    ("profit", Direction::Profit),
    ("profits", Direction::Profit),
];

/// Chinese words by direction, in the Traditional forms the check normalizes to; longest
/// first where one contains another.
const ZH_WORDS: &[(&str, Direction)] = &[
    ("增長", Direction::Up),
    ("成長", Direction::Up),
    ("增加", Direction::Up),
    ("上升", Direction::Up),
    ("提高", Direction::Up),
    ("上漲", Direction::Up),
    ("年增", Direction::Up),
    ("季增", Direction::Up),
    ("提升", Direction::Up),
    ("上調", Direction::Up),
    ("上修", Direction::Up),
    ("調高", Direction::Up),
    ("擴大", Direction::Up),
    ("高於", Direction::Up),
    ("下降", Direction::Down),
    ("減少", Direction::Down),
    ("下滑", Direction::Down),
    ("降低", Direction::Down),
    ("下跌", Direction::Down),
    ("年減", Direction::Down),
    ("季減", Direction::Down),
    ("下調", Direction::Down),
    ("下修", Direction::Down),
    ("調低", Direction::Down),
    ("萎縮", Direction::Down),
    ("低於", Direction::Down),
    ("負", Direction::Down),
    ("虧損", Direction::Loss),
    ("淨損", Direction::Loss),
    ("損失", Direction::Loss),
    ("獲利", Direction::Profit),
    ("盈利", Direction::Profit),
    ("淨利", Direction::Profit),
];

/// Every word of a movement in English text (whole words, any case), in order: the verbs
/// and nouns of [`EN_WORDS`], not the particles and comparatives ("pick that up", "at a lower
/// cost", "negative"), which stand for a movement only next to a figure.
pub fn english_words(text: &str) -> Vec<Direction> {
    const LOOSE: [&str; 5] = ["up", "down", "higher", "lower", "negative"];
    text.split(|c: char| !c.is_ascii_alphabetic())
        // The listed words are 4 to 11 letters long.
        .filter(|w| (4..=11).contains(&w.len()))
        .filter_map(|w| {
            EN_WORDS
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(w))
                .filter(|(k, _)| !LOOSE.contains(k))
                .map(|(_, d)| *d)
        })
        .collect()
}

/// A sentence and its translation going opposite ways, figures or not: on one axis (up and
/// down, loss and profit) the English has words of one end only and the Chinese of the other
/// end only. `en` is an English sentence's words, `zh` its translation's (two-character
/// Chinese words, [`chinese_words`]). Returns (the English's, the Chinese's).
pub fn turned(en: &[Direction], zh: &[Direction]) -> Option<(Direction, Direction)> {
    let count = |ds: &[Direction], d: Direction| ds.iter().filter(|x| **x == d).count();
    [
        (Direction::Up, Direction::Down),
        (Direction::Loss, Direction::Profit),
    ]
    .into_iter()
    .find_map(|(a, b)| {
        let (ea, eb, za, zb) = (count(en, a), count(en, b), count(zh, a), count(zh, b));
        if ea > 0 && eb == 0 && zb > 0 && za == 0 {
            Some((a, b))
        } else if eb > 0 && ea == 0 && za > 0 && zb == 0 {
            Some((b, a))
        } else {
            None
        }
    })
}

/// Every direction word of (normalized) Chinese text of two characters or more, with its byte
/// offset: what a sentence says went up or down, figures or not. Single characters (負) are
/// left out: they stand inside other words (負責). One pass over the text.
pub fn chinese_words(text: &str) -> Vec<(usize, Direction)> {
    static WORDS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        let alternation: Vec<&str> = ZH_WORDS
            .iter()
            .filter(|(w, _)| w.chars().count() >= 2)
            .map(|(w, _)| *w)
            .collect();
        regex::Regex::new(&alternation.join("|")).expect("the direction words are literals")
    });
    WORDS
        .find_iter(text)
        .filter_map(|m| {
            ZH_WORDS
                .iter()
                .find(|(w, _)| *w == m.as_str())
                .map(|(_, d)| (m.start(), *d))
        })
        .collect()
}

/// The English direction of the figure at `span`: a direction word right after it ("a 7%
/// decline"), else the nearest one before it in its clause (no further than 80 bytes).
pub fn english(text: &str, span: Range<usize>) -> Option<Direction> {
    let clause_start = text[..span.start]
        .rfind(['.', ';', ',', '?', '!', ':'])
        .map_or(0, |i| i + 1)
        .max(span.start.saturating_sub(80));
    let mut start = clause_start;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let before = &text[start..span.start];
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect()
    };
    let lookup = |w: &str| EN_WORDS.iter().find(|(k, _)| *k == w).map(|(_, d)| *d);
    // A word right after the figure says how it moved ("100 basis points lower", "a 7%
    // decline"): it wins over a word before, which may name the measure ("revenue growth was
    // 100 basis points lower"). Period words between do not count.
    let after = &text[span.end..];
    let mut end = after
        .find(['.', ';', ',', '?', '!', ':'])
        .unwrap_or(after.len())
        .min(40);
    while !after.is_char_boundary(end) {
        end -= 1;
    }
    let filler = [
        "year",
        "over",
        "quarter",
        "on",
        "sequential",
        "sequentially",
        "in",
        "of",
    ];
    let previous = words(before);
    // The word just before ("negative 3%", "down 2%") is the surest.
    if let Some(d) = previous.last().and_then(|w| lookup(w)) {
        return Some(d);
    }
    let next = words(&after[..end])
        .into_iter()
        .find(|w| !filler.contains(&w.as_str()))
        .and_then(|w| lookup(&w));
    next.or_else(|| previous.iter().rev().find_map(|w| lookup(w)))
}

/// The Chinese direction of the figure at `span` (of normalized text): the nearest direction
/// word within eight characters before it, not across a clause mark, else one right after it
/// (`7% 的增長`).
pub fn chinese(text: &str, span: Range<usize>) -> Option<Direction> {
    let before: String = text[..span.start]
        .chars()
        .rev()
        .take_while(|c| !matches!(c, '，' | ',' | '。' | '；' | ';' | '：'))
        .take(8)
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    let nearest = ZH_WORDS
        .iter()
        .filter_map(|(w, d)| before.rfind(w).map(|at| (at + w.len(), *d)))
        .max_by_key(|(end, _)| *end)
        .map(|(_, d)| d);
    if nearest.is_some() {
        return nearest;
    }
    let after: String = text[span.end..]
        .chars()
        .take_while(|c| !matches!(c, '，' | ',' | '。' | '；' | ';' | '：'))
        .take(4)
        .collect();
    ZH_WORDS
        .iter()
        .filter_map(|(w, d)| after.find(w).map(|at| (at, *d)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, d)| d)
}
