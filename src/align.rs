//! Sentence alignment inside a paragraph pair: which Chinese sentence translates which
//! English one. Offline and deterministic: both sides are split into sentences, then aligned
//! by dynamic programming over 1–1, 1–2, 1–3, 2–1, 1–0 and 0–1 links, scored by length (the
//! log ratio of Chinese to English characters against the ratio fitted on the bundled
//! translations, Gale–Church style), by the link type's prior, and by anchors both sides
//! share: figures (read as the translation check reads them), Latin words the Chinese keeps,
//! short replies ("Yes." / "是的。") and semicolons (the translation breaks an English sentence
//! at them). Measured against a hand-made gold alignment in tests/align.rs.

use std::ops::Range;

use serde::Serialize;

use crate::text::numbers::{chinese, english};

/// Abbreviations whose full stop does not end a sentence (lower case, without the stop).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "inc", "co", "corp", "ltd", "llc", "jr", "sr", "st", "vs",
    "etc", "e.g", "i.e", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "u.s", "u.k", "fig", "est",
];

/// Abbreviations that also end sentences ("... in the U.S. We ..."): their stop ends one
/// when the next word is one that starts sentences.
const FINAL_ABBREVIATIONS: &[&str] = &[
    "inc", "co", "corp", "ltd", "llc", "etc", "u.s", "u.k", "jr", "sr",
];

/// Words that start sentences and seldom follow those abbreviations inside one.
const SENTENCE_STARTERS: &[&str] = &[
    "I", "We", "You", "They", "He", "She", "It", "That", "This", "These", "Those", "The", "So",
    "And", "But", "Our", "In", "As", "On", "For", "If", "What", "How", "Yes", "Okay", "Thank",
    "Thanks", "Now", "Then", "There",
];

/// True when a full stop after `word` (the text before it back to a space, any case) is an
/// abbreviation's, given the text after it: a title, "Inc.", "U.S.", an initial, "No. 5".
fn is_abbreviation(word: &str, after: &str) -> bool {
    let word = word
        .trim_start_matches(['"', '\'', '('])
        .to_ascii_lowercase();
    let next = after.trim_start();
    let next_word = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if FINAL_ABBREVIATIONS.contains(&word.as_str()) && SENTENCE_STARTERS.contains(&next_word) {
        return false;
    }
    ABBREVIATIONS.contains(&word.as_str())
        // "No. 1", not "No. Great to see it."
        || (word == "no" && next.starts_with(|c: char| c.is_ascii_digit()))
        // Initials: "J. P. Morgan", "U.S."
        || (word.len() == 1 && word.chars().all(char::is_alphabetic))
        // Dotted abbreviations ("u.s", "j.p", "e.g"), not web addresses.
        || (word.contains('.')
            && word
                .split('.')
                .all(|p| p.len() <= 2 && p.chars().all(char::is_alphabetic)))
}

/// The sentences of English text, as byte ranges (trimmed).
pub fn english_sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'?' | b'!') {
            // Take closing quotes and brackets with the stop.
            let mut end = i + 1;
            while end < bytes.len() && matches!(bytes[end], b'"' | b'\'' | b')') {
                end += 1;
            }
            let next = text[end..].chars().next();
            let at_end = next.is_none();
            let spaced = next.is_some_and(char::is_whitespace);
            let word_before = text[start..i]
                .rsplit(|c: char| c.is_whitespace() || c == '(')
                .next()
                .unwrap_or("");
            let decimal = b == b'.'
                && i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            let abbreviation = b == b'.' && is_abbreviation(word_before, &text[end..]);
            // The next word starts a sentence when it is capitalised, a digit or a quote.
            let after = text[end..].trim_start().chars().next();
            let starts = after.is_some_and(|c| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '(' | '$')
            });
            if at_end || (spaced && starts && !decimal && !abbreviation) {
                push_trimmed(text, start..end, &mut out);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// The sentences of Chinese text, as byte ranges: after 。？！； and their half-width forms
/// (a half-width `.` only before a space or the end, not inside a number).
pub fn chinese_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|(_, n)| *n);
        let ends = match c {
            '。' | '？' | '！' | '；' => true,
            '?' | '!' | ';' => true,
            '.' => {
                next.is_none_or(char::is_whitespace) && {
                    let word = text[start..i]
                        .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
                        .next()
                        .unwrap_or("");
                    !is_abbreviation(word, &text[i + 1..])
                }
            }
            _ => false,
        };
        if ends {
            let mut end = i + c.len_utf8();
            // Closing quotes stay with their sentence.
            while let Some(&(j, q)) = chars.peek() {
                if matches!(q, '」' | '』' | '”' | '"' | '）' | ')') {
                    end = j + q.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Adds a sentence without its surrounding spaces; one of punctuation alone (a stray "。"
/// after a stop) joins the sentence before it.
fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return;
    }
    let r = r.start + lead..r.end - trail;
    match out.last_mut() {
        Some(last) if !text[r.clone()].chars().any(char::is_alphanumeric) => last.end = r.end,
        _ => out.push(r),
    }
}

/// One link: English sentences `en` (indices) translated by Chinese sentences `zh`; an
/// empty side is a sentence with no counterpart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// English sentence indices.
    pub en: Range<usize>,
    /// Chinese sentence indices.
    pub zh: Range<usize>,
}

/// Chinese characters per English character (neither counting spaces) in Google's
/// translations of the bundled calls: the length model's ratio, fitted on their 690 pairs of
/// 40 or more English characters.
pub const CHARS_RATIO: f64 = 0.374;
/// The length model's spread: the log of (Chinese length / expected length) has variance
/// `SPREAD_BASE + SPREAD_SHORT / English length`, about σ = 0.2 from 30 characters up and
/// wider for short sentences (fitted on the gold alignment's development half, see
/// tests/align.rs). A log-ratio model, because at the sentence level the spread grows with the
/// length (Gale–Church's variance-per-character model under-rates long sentences' spread by
/// half and over-rates short ones').
const SPREAD_BASE: f64 = 0.035;
/// See [`SPREAD_BASE`].
const SPREAD_SHORT: f64 = 1.7;

/// The cost of linking English of `l1` characters to Chinese of `l2` characters: the
/// squared, normalised log of the length ratio (−log of its density), before anchors and
/// the link-type prior.
pub fn length_cost(l1: usize, l2: usize) -> f64 {
    let (l1, l2) = (l1 as f64, l2 as f64);
    let r = ((l2 + 1.0) / (l1 * CHARS_RATIO + 1.0)).ln();
    let var = SPREAD_BASE + SPREAD_SHORT / (l1 + 1.0);
    r * r / (2.0 * var)
}

/// What one sentence offers for matching: its length in characters, figure values, Latin
/// words (lower case) and semicolons (English: inside it; Chinese: 1 when it ends at one,
/// where the translation broke an English sentence).
struct Features {
    chars: usize,
    figures: Vec<f64>,
    latin: Vec<String>,
    semicolons: usize,
    replies: u8,
}

/// Short replies calls are full of, as a bit each, with how each language writes them:
/// "Yes." / "是的。", "Thank you." / "謝謝。". A sentence of three words or fewer made of
/// one of them (or a Chinese sentence of six characters or fewer with one) carries its bit;
/// the same bit on both sides anchors the link as a figure would.
const REPLIES: &[(&[&str], &[&str])] = &[
    (&["yes", "yeah", "yep"], &["是", "對", "对"]),
    (&["thank", "thanks"], &["謝", "谢"]),
    (&["okay", "ok", "alright"], &["好"]),
    (
        &["great", "excellent", "perfect"],
        &["偉大", "伟大", "太好", "太棒", "很好"],
    ),
    (
        &["sure", "absolutely", "certainly"],
        &["當然", "当然", "肯定"],
    ),
    (&["no", "nope"], &["不", "沒有", "没有"]),
];

fn replies(text: &str, zh: bool) -> u8 {
    let mut bits = 0;
    // Longer texts cannot qualify (six Han characters and a stop; three words).
    if text.len() > if zh { 30 } else { 40 } {
        return 0;
    }
    if zh {
        if text.chars().filter(|c| c.is_alphanumeric()).count() <= 6 {
            for (k, (_, words)) in REPLIES.iter().enumerate() {
                if words.iter().any(|w| text.contains(w)) {
                    bits |= 1 << k;
                }
            }
        }
    } else {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        if words.len() <= 3 {
            for (k, (en, _)) in REPLIES.iter().enumerate() {
                if words.iter().any(|w| en.contains(&w.as_str())) {
                    bits |= 1 << k;
                }
            }
        }
    }
    bits
}

/// The figures of a paragraph as the aligner uses them: (where each starts, its value),
/// words ("two") left out.
fn figure_starts(quantities: &[crate::text::numbers::Quantity]) -> Vec<(usize, f64)> {
    quantities
        .iter()
        .filter(|q| !q.word)
        .map(|q| (q.span.start, q.value))
        .collect()
}

/// The features of each sentence (`ranges`) of a paragraph; the paragraph's figures
/// (`figures`, read once over it) go to the sentence they start in.
fn features_of(
    text: &str,
    ranges: &[Range<usize>],
    zh: bool,
    figures: &[(usize, f64)],
) -> Vec<Features> {
    ranges
        .iter()
        .map(|r| {
            let mut f = features(&text[r.clone()], zh);
            f.figures = figures
                .iter()
                .filter(|(at, _)| r.contains(at))
                .map(|(_, v)| *v)
                .collect();
            f
        })
        .collect()
}

/// A sentence's features but its figures.
fn features(text: &str, zh: bool) -> Features {
    let figures = Vec::new();
    let latin = if zh {
        text.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.len() >= 2 && w.chars().any(|c| c.is_ascii_alphabetic()))
            .map(str::to_ascii_lowercase)
            .collect()
    } else {
        Vec::new()
    };
    let semicolons = if zh {
        usize::from(text.ends_with(['；', ';']))
    } else {
        text.matches(';').count()
    };
    Features {
        chars: text.chars().filter(|c| !c.is_whitespace()).count(),
        figures,
        latin,
        semicolons,
        replies: replies(text, zh),
    }
}

/// Anchors a group of English sentences and a group of Chinese ones share (a figure of the
/// same value, a Latin word the Chinese keeps), minus those one side has that the other lacks.
/// `en_lower` is the English group's text in ASCII lower case.
fn anchor_score(en_lower: &str, en: &[Features], zh: &[Features]) -> f64 {
    let en_figs = || en.iter().flat_map(|f| f.figures.iter().copied());
    let zh_figs = || zh.iter().flat_map(|f| f.figures.iter().copied());
    let same = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
    let shared = zh_figs().filter(|z| en_figs().any(|e| same(e, *z))).count();
    let lone = zh_figs().count() - shared
        + en_figs()
            .filter(|e| !zh_figs().any(|z| same(*e, z)))
            .count();
    let mut latin_shared = 0;
    let mut latin_lone = 0;
    if zh.iter().any(|f| !f.latin.is_empty()) {
        for w in zh.iter().flat_map(|f| &f.latin) {
            if en_lower.contains(w.as_str()) {
                latin_shared += 1;
            } else {
                latin_lone += 1;
            }
        }
    }
    let en_replies = en.iter().fold(0, |b, f| b | f.replies);
    let zh_replies = zh.iter().fold(0, |b, f| b | f.replies);
    let replies = (en_replies & zh_replies).count_ones();
    2.0 * shared as f64 + 1.0 * latin_shared as f64 + 1.0 * replies as f64
        - 1.0 * lone as f64
        - 0.5 * latin_lone as f64
}

/// The costs of the alignment model: link-type priors (−log of how often each type occurs,
/// relative to 1–1, in the gold alignment's development half: 131 1–1, 8 1–2, 6 1–0, 2 1–3
/// links; the unseen 2–1 and 0–1 as if seen half a time) and the semicolon terms. Public so the gold test can report how they were
/// chosen; [`Params::DEFAULT`] is what callread uses.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// One English sentence, two Chinese.
    pub one_two: f64,
    /// Two English sentences, one Chinese.
    pub two_one: f64,
    /// One English sentence, three Chinese (an English sentence with semicolons).
    pub one_three: f64,
    /// An English sentence with no Chinese (left untranslated).
    pub lone: f64,
    /// A Chinese sentence with no English.
    pub zh_lone: f64,
    /// Off for a Chinese semicolon break inside a link matched by an English semicolon.
    pub semicolon_match: f64,
    /// On for a link whose Chinese ends at a semicolon before the paragraph's end.
    pub semicolon_end: f64,
}

impl Params {
    /// The model callread uses.
    pub const DEFAULT: Params = Params {
        one_two: 2.8,
        two_one: 5.6,
        one_three: 4.2,
        lone: 3.1,
        zh_lone: 5.6,
        semicolon_match: 1.5,
        semicolon_end: 3.0,
    };
}

/// Aligns the sentences of a pair. Returns the sentences of each side and the links in
/// order, covering every sentence of both sides once.
pub fn align(en: &str, zh: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>, Vec<Link>) {
    align_with(en, zh, &Params::DEFAULT)
}

/// [`align`] with other model costs (for measuring them).
#[doc(hidden)]
pub fn align_with(
    en: &str,
    zh: &str,
    params: &Params,
) -> (Vec<Range<usize>>, Vec<Range<usize>>, Vec<Link>) {
    align_inner(en, zh, params, || {
        (figure_starts(&english(en)), figure_starts(&chinese(zh)))
    })
}

/// [`align`] for a caller that has read the pair's figures already (the translation check):
/// `en_q` and `zh_q` as [`english`] and [`chinese`] read them.
pub fn align_read(
    en: &str,
    zh: &str,
    en_q: &[crate::text::numbers::Quantity],
    zh_q: &[crate::text::numbers::Quantity],
) -> (Vec<Range<usize>>, Vec<Range<usize>>, Vec<Link>) {
    align_inner(en, zh, &Params::DEFAULT, || {
        (figure_starts(en_q), figure_starts(zh_q))
    })
}

/// The alignment, the figures read by `figures` only when there is a choice to make.
#[allow(clippy::type_complexity)]
fn align_inner(
    en: &str,
    zh: &str,
    params: &Params,
    figures: impl FnOnce() -> (Vec<(usize, f64)>, Vec<(usize, f64)>),
) -> (Vec<Range<usize>>, Vec<Range<usize>>, Vec<Link>) {
    let es = english_sentences(en);
    let zs = chinese_sentences(zh);
    if es.len() <= 1 && zs.len() <= 1 {
        // Nothing to choose.
        let links = match (es.len(), zs.len()) {
            (0, 0) => vec![],
            (n, m) => vec![Link { en: 0..n, zh: 0..m }],
        };
        return (es, zs, links);
    }
    let (en_figures, zh_figures) = figures();
    let ef = features_of(en, &es, false, &en_figures);
    let zf = features_of(zh, &zs, true, &zh_figures);
    let en_lower = en.to_ascii_lowercase();
    let (n, m) = (es.len(), zs.len());
    // Link types: (English sentences, Chinese sentences, prior penalty).
    let moves: [(usize, usize, f64); 6] = [
        (1, 1, 0.0),
        (1, 2, params.one_two),
        (2, 1, params.two_one),
        (1, 3, params.one_three),
        (1, 0, params.lone),
        (0, 1, params.zh_lone),
    ];
    let width = m + 1;
    let mut cost = vec![f64::INFINITY; (n + 1) * width];
    let mut back = vec![(0usize, 0usize); (n + 1) * width];
    cost[0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            let here = cost[i * width + j];
            if here.is_infinite() {
                continue;
            }
            for (di, dj, prior) in moves {
                let (ni, nj) = (i + di, j + dj);
                if ni > n || nj > m {
                    continue;
                }
                let e = &ef[i..ni];
                let z = &zf[j..nj];
                let l1: usize = e.iter().map(|f| f.chars).sum();
                let l2: usize = z.iter().map(|f| f.chars).sum();
                // A sentence with no counterpart costs its prior alone: there is nothing to
                // compare its length with.
                let length = if di == 0 || dj == 0 {
                    0.0
                } else {
                    length_cost(l1, l2)
                };
                let anchors = if di == 0 || dj == 0 {
                    0.0
                } else {
                    anchor_score(&en_lower[es[i].start..es[ni - 1].end], e, z)
                };
                // Semicolons: the translation breaks an English sentence at its semicolons.
                let mut semicolons = 0.0;
                if let Some((last, inner)) = z.split_last() {
                    let en_semis: usize = e.iter().map(|f| f.semicolons).sum();
                    let zh_inner: usize = inner.iter().map(|f| f.semicolons).sum();
                    semicolons -= params.semicolon_match * en_semis.min(zh_inner) as f64;
                    if last.semicolons > 0 && nj < m {
                        semicolons += params.semicolon_end;
                    }
                }
                let c = here + prior + length - anchors + semicolons;
                let k = ni * width + nj;
                if c < cost[k] {
                    cost[k] = c;
                    back[k] = (i, j);
                }
            }
        }
    }
    let mut links = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (pi, pj) = back[i * width + j];
        links.push(Link {
            en: pi..i,
            zh: pj..j,
        });
        (i, j) = (pi, pj);
    }
    links.reverse();
    (es, zs, links)
}

/// The links of a pair as byte ranges of each side (`None` for a side with no sentence in
/// the link).
#[allow(clippy::type_complexity)]
pub fn link_ranges(en: &str, zh: &str) -> Vec<(Option<Range<usize>>, Option<Range<usize>>)> {
    let (es, zs, links) = align(en, zh);
    let span = |rs: &[Range<usize>], r: &Range<usize>| {
        (!r.is_empty()).then(|| rs[r.start].start..rs[r.end - 1].end)
    };
    links
        .iter()
        .map(|l| (span(&es, &l.en), span(&zs, &l.zh)))
        .collect()
}

/// One pair's alignment for `callread align --json`.
#[derive(Debug, Clone, Serialize)]
pub struct PairAlignment {
    /// 1-based line of the English.
    pub line: usize,
    /// The links, each with its sentences' text and their byte ranges in the paragraph.
    pub links: Vec<LinkText>,
}

/// A link with its text.
#[derive(Debug, Clone, Serialize)]
pub struct LinkText {
    /// The English sentences (empty when none).
    pub en: String,
    /// Their range in the English paragraph, in characters (Unicode scalar values, as
    /// Python or Rust's `chars()` count them), end exclusive.
    pub en_range: Option<Range<usize>>,
    /// The Chinese sentences (empty when none).
    pub zh: String,
    /// Their range in the Chinese paragraph, in characters.
    pub zh_range: Option<Range<usize>>,
}

/// A byte range of `text` as a character range.
fn char_range(text: &str, r: &Range<usize>) -> Range<usize> {
    let start = text[..r.start].chars().count();
    start..start + text[r.clone()].chars().count()
}

/// The alignments of many transcripts ([`align_transcript`] of each, in order), on every
/// core.
pub fn align_all(transcripts: &[crate::transcript::Transcript]) -> Vec<Vec<PairAlignment>> {
    crate::parallel::flat_map(transcripts, |t| vec![align_transcript(t)])
}

/// The alignment of every pair with both sides.
pub fn align_transcript(t: &crate::transcript::Transcript) -> Vec<PairAlignment> {
    t.paragraphs()
        .filter_map(|(_, p)| {
            let (en, zh) = (p.en.as_deref()?, p.zh.as_deref()?);
            let links = link_ranges(en, zh)
                .into_iter()
                .map(|(er, zr)| LinkText {
                    en: er.clone().map_or(String::new(), |r| en[r].to_string()),
                    en_range: er.map(|r| char_range(en, &r)),
                    zh: zr.clone().map_or(String::new(), |r| zh[r].to_string()),
                    zh_range: zr.map(|r| char_range(zh, &r)),
                })
                .collect();
            Some(PairAlignment {
                line: p.line,
                links,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, rs: &[Range<usize>]) -> Vec<String> {
        rs.iter().map(|r| text[r.clone()].to_string()).collect()
    }

    #[test]
    fn english_sentences_respect_decimals_abbreviations_and_initials() {
        let t = "Revenue was $1.16 billion, up 2.3%. We thank Mr. Smith of J.P. Morgan Inc. for the question. Is that right? Yes!";
        assert_eq!(
            texts(t, &english_sentences(t)),
            [
                "Revenue was $1.16 billion, up 2.3%.",
                "We thank Mr. Smith of J.P. Morgan Inc. for the question.",
                "Is that right?",
                "Yes!"
            ]
        );
        let t = "We operate in the U.S. and Europe. Growth was strong.";
        assert_eq!(english_sentences(t).len(), 2);
        let t =
            "It may be downloaded at investors.zoom.us. Also on this page you will find slides.";
        assert_eq!(english_sentences(t).len(), 2);
    }

    #[test]
    fn abbreviations_that_end_sentences_and_no_before_a_word() {
        let t = "We sell in the U.K. You mentioned Westminster. Inc. and U.S. peers too.";
        assert_eq!(
            texts(t, &english_sentences(t)),
            [
                "We sell in the U.K.",
                "You mentioned Westminster.",
                "Inc. and U.S. peers too."
            ]
        );
        let t = "Okay. No. Great to see. It is No. 1 in the U.S. market.";
        assert_eq!(
            texts(t, &english_sentences(t)),
            [
                "Okay.",
                "No.",
                "Great to see.",
                "It is No. 1 in the U.S. market."
            ]
        );
        // The Chinese keeps "Inc." inside a sentence; a stray stop joins the sentence before.
        let t = "歡迎參加 8x8, Inc. 收益電話會議。好的。 。";
        assert_eq!(
            texts(t, &chinese_sentences(t)),
            ["歡迎參加 8x8, Inc. 收益電話會議。", "好的。 。"]
        );
    }

    #[test]
    fn semicolons_and_replies_anchor_links() {
        // One English sentence the translation breaks at both its semicolons.
        let en = "Thanks. With me are Anne, our COO; Tim, our CFO; and Ed, our CRO. Let's begin.";
        let zh = "謝謝。與我一起的有營運長安妮;財務長提姆;和營收長艾德。讓我們開始吧。";
        let (_, _, links) = align(en, zh);
        assert_eq!(
            links,
            [
                Link { en: 0..1, zh: 0..1 },
                Link { en: 1..2, zh: 1..4 },
                Link { en: 2..3, zh: 4..5 },
            ]
        );
        // A short reply left out: the replies on both sides say which one.
        let en = "You may dive in. Just go ahead. Yes. Thank you.";
        let zh = "你可以潛入其中。是的。謝謝。";
        let (_, _, links) = align(en, zh);
        assert_eq!(links[1], Link { en: 1..2, zh: 1..1 }, "{links:?}");
    }

    #[test]
    fn chinese_sentences_at_full_and_half_width_stops() {
        let t = "營收為 11.6 億美元。我們很滿意!是嗎?「好的。」最後";
        assert_eq!(
            texts(t, &chinese_sentences(t)),
            [
                "營收為 11.6 億美元。",
                "我們很滿意!",
                "是嗎?",
                "「好的。」",
                "最後"
            ]
        );
    }

    #[test]
    fn figures_pull_sentences_together() {
        // A sentence left out: the figure sentences link to the Chinese with their figures,
        // and the one between stands alone.
        let en = "Revenue was $1.16 billion. We are pleased with our progress this quarter and thank our employees. Margin was 39.2%.";
        let zh = "營收為 11.6 億美元。毛利率為 39.2%。";
        let (_, _, links) = align(en, zh);
        assert_eq!(
            links,
            [
                Link { en: 0..1, zh: 0..1 },
                Link { en: 1..2, zh: 1..1 },
                Link { en: 2..3, zh: 1..2 },
            ]
        );
        // Sentences in the same order with the same lengths: one to one.
        let en = "Revenue grew 3% year-over-year. Churn was 2.9%. We ended with 3,933 customers.";
        let zh = "營收年增 3%。流失率為 2.9%。我們擁有 3,933 名客戶。";
        let (_, _, links) = align(en, zh);
        assert_eq!(
            links,
            [
                Link { en: 0..1, zh: 0..1 },
                Link { en: 1..2, zh: 1..2 },
                Link { en: 2..3, zh: 2..3 },
            ]
        );
        let en = "Revenue grew 3% to $1.41 billion, and RPO grew 8% to $3.78 billion.";
        let zh = "營收成長 3%,達到 14.1 億美元。RPO 成長 8%,達到 37.8 億美元。";
        let (_, _, links) = align(en, zh);
        assert_eq!(links, [Link { en: 0..1, zh: 0..2 }]);
    }
}
