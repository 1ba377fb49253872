//! Sentence alignment inside a paragraph pair: which Chinese sentence translates which
//! English one. Offline and deterministic: both sides are split into sentences, then aligned
//! by dynamic programming over 1–1, 1–2, 2–1, 1–0 and 0–1 links, scored Gale–Church style by
//! length (Chinese characters per English character, fitted on the bundled translations) and
//! by anchors both sides share: figures (read as the translation check reads them) and Latin
//! words the Chinese keeps.

use std::ops::Range;

use serde::Serialize;

use crate::text::numbers::{chinese, english};

/// Abbreviations whose full stop does not end a sentence (lower case, without the stop).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "inc", "co", "corp", "ltd", "llc", "jr", "sr", "st", "vs",
    "etc", "e.g", "i.e", "approx", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "u.s", "u.k", "fig", "est",
];

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
                .unwrap_or("")
                .to_ascii_lowercase();
            let decimal = b == b'.'
                && i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            let abbreviation = b == b'.'
                && (ABBREVIATIONS.contains(&word_before.trim_start_matches(['"', '\'']))
                    // Initials: "J. P. Morgan", "U.S."
                    || (word_before.len() == 1 && word_before.chars().all(|c| c.is_alphabetic()))
                    // Dotted abbreviations ("u.s", "j.p", "e.g"), not web addresses.
                    || (word_before.contains('.')
                        && word_before
                            .split('.')
                            .all(|p| p.len() <= 2 && p.chars().all(char::is_alphabetic))));
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
            '.' => next.is_none_or(char::is_whitespace),
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

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
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
/// The variance of the Chinese length per English character around that ratio (Gale–Church's
/// s², fitted on the same pairs).
const VARIANCE: f64 = 0.76;

/// The cost of linking English of `l1` characters to Chinese of `l2` characters (Gale–Church:
/// the squared normalised length difference), before anchors and the link-type penalty.
fn length_cost(l1: usize, l2: usize) -> f64 {
    let (l1, l2) = (l1 as f64, l2 as f64);
    let delta = (l2 - l1 * CHARS_RATIO) / (l1.max(1.0) * VARIANCE).sqrt();
    delta * delta / 2.0
}

/// What one sentence offers for matching: its length in characters, figure values and Latin
/// words (lower case).
struct Features {
    chars: usize,
    figures: Vec<f64>,
    latin: Vec<String>,
}

fn features(text: &str, zh: bool) -> Features {
    let figures = if zh { chinese(text) } else { english(text) }
        .into_iter()
        .filter(|q| !q.word)
        .map(|q| q.value)
        .collect();
    let latin = if zh {
        text.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.len() >= 2 && w.chars().any(|c| c.is_ascii_alphabetic()))
            .map(str::to_ascii_lowercase)
            .collect()
    } else {
        Vec::new()
    };
    Features {
        chars: text.chars().filter(|c| !c.is_whitespace()).count(),
        figures,
        latin,
    }
}

/// Anchors a group of English sentences and a group of Chinese ones share (a figure of the
/// same value, a Latin word the Chinese keeps), minus those one side has that the other lacks.
fn anchor_score(en_text: &str, en: &[&Features], zh: &[&Features]) -> f64 {
    let en_figs: Vec<f64> = en.iter().flat_map(|f| f.figures.iter().copied()).collect();
    let zh_figs: Vec<f64> = zh.iter().flat_map(|f| f.figures.iter().copied()).collect();
    let same = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
    let shared = zh_figs
        .iter()
        .filter(|z| en_figs.iter().any(|e| same(*e, **z)))
        .count();
    let lone = zh_figs.len() - shared
        + en_figs
            .iter()
            .filter(|e| !zh_figs.iter().any(|z| same(**e, *z)))
            .count();
    let lower = en_text.to_ascii_lowercase();
    let latin_shared = zh
        .iter()
        .flat_map(|f| &f.latin)
        .filter(|w| lower.contains(w.as_str()))
        .count();
    let latin_lone = zh.iter().flat_map(|f| &f.latin).count() - latin_shared;
    2.0 * shared as f64 + 1.0 * latin_shared as f64 - 1.0 * lone as f64 - 0.5 * latin_lone as f64
}

/// Aligns the sentences of a pair. Returns the links in order, covering every sentence of
/// both sides once.
pub fn align(en: &str, zh: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>, Vec<Link>) {
    let es = english_sentences(en);
    let zs = chinese_sentences(zh);
    let ef: Vec<Features> = es.iter().map(|r| features(&en[r.clone()], false)).collect();
    let zf: Vec<Features> = zs.iter().map(|r| features(&zh[r.clone()], true)).collect();
    let (n, m) = (es.len(), zs.len());
    // Link types: (English sentences, Chinese sentences, prior penalty).
    const MOVES: [(usize, usize, f64); 5] = [
        (1, 1, 0.0),
        (1, 2, 2.3),
        (2, 1, 2.3),
        (1, 0, 6.0),
        (0, 1, 6.0),
    ];
    let mut cost = vec![vec![f64::INFINITY; m + 1]; n + 1];
    let mut back = vec![vec![(0usize, 0usize); m + 1]; n + 1];
    cost[0][0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            if cost[i][j].is_infinite() {
                continue;
            }
            for (di, dj, prior) in MOVES {
                let (ni, nj) = (i + di, j + dj);
                if ni > n || nj > m {
                    continue;
                }
                let e: Vec<&Features> = ef[i..ni].iter().collect();
                let z: Vec<&Features> = zf[j..nj].iter().collect();
                let l1: usize = e.iter().map(|f| f.chars).sum();
                let l2: usize = z.iter().map(|f| f.chars).sum();
                let en_text = if di == 0 {
                    ""
                } else {
                    &en[es[i].start..es[ni - 1].end]
                };
                // A sentence with no counterpart costs its prior and a little per character,
                // not a length mismatch (there is nothing to compare it with).
                let length = if di == 0 || dj == 0 {
                    0.02 * (l1 + l2) as f64
                } else {
                    length_cost(l1, l2)
                };
                let c = cost[i][j] + prior + length - anchor_score(en_text, &e, &z);
                if c < cost[ni][nj] {
                    cost[ni][nj] = c;
                    back[ni][nj] = (i, j);
                }
            }
        }
    }
    let mut links = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (pi, pj) = back[i][j];
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
    /// Their byte range in the English paragraph.
    pub en_range: Option<Range<usize>>,
    /// The Chinese sentences (empty when none).
    pub zh: String,
    /// Their byte range in the Chinese paragraph.
    pub zh_range: Option<Range<usize>>,
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
                    en_range: er,
                    zh: zr.clone().map_or(String::new(), |r| zh[r].to_string()),
                    zh_range: zr,
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
        // A sentence left out: the figure sentences still link to the Chinese with their
        // figures (whether the dropped one stands alone or joins a neighbour is the length
        // model's call; pinning omissions is for later).
        let en = "Revenue was $1.16 billion. We are pleased with our progress this quarter and thank our employees. Margin was 39.2%.";
        let zh = "營收為 11.6 億美元。毛利率為 39.2%。";
        let (_, _, links) = align(en, zh);
        assert_eq!(links[0], Link { en: 0..1, zh: 0..1 });
        let last = links.last().unwrap();
        assert!(last.en.contains(&2) && last.zh == (1..2), "{links:?}");
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
