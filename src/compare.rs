//! Two translations of one call, compared: where a second translation (another engine's, a
//! person's) disagrees with the first. `callread compare FILE OTHER` lists the places;
//! `callread FILE --compare OTHER` shows the second translation as a third column.
//!
//! The second translation is paired with the first file's English paragraphs
//! ([`second_translation`]): by the English itself when OTHER is a bilingual file of the same
//! call, else by the paragraph aligner of `--zh` ([`crate::transcript::translation::attach`]).
//! Then each pair of translations is compared ([`compare_pair`]) with the English as the
//! pivot where it helps:
//!
//! - **figure**: a figure one translation writes that the other does not (values compared
//!   after reading both, so 12億 and 1.2 billion agree);
//! - **direction**: one figure in both, going opposite ways (增長 / 下降 next to it);
//! - **name**: a Latin name or term of the English kept in one translation as often as the
//!   English says it and rendered otherwise (or left out) in the other;
//! - **omission**: an English sentence one translation renders and the other leaves out (the
//!   sentence aligner's unlinked sentences), or one much shorter than the other; a paragraph
//!   only one translation has;
//! - **untranslated**: one translation repeats the English.
//!
//! Differences of script (Traditional and Simplified), of width (full- and half-width digits
//! and letters) or of punctuation alone are never disagreements: both sides are read through
//! the same normalization ([`crate::text::numbers::normalize_chinese`],
//! [`crate::text::fold::fold`]).

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use crate::align::{chinese_sentences, link_ranges};
use crate::check::direction;
use crate::text::numbers::{Quantity, chinese_of_normalized, normalize_chinese};
use crate::transcript::Transcript;
use crate::transcript::parse::is_untranslated;

/// What kind of disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    /// A figure one translation has and the other lacks or writes with another value.
    Figure,
    /// A name or term of the English rendered differently.
    Name,
    /// One figure going opposite ways in the two.
    Direction,
    /// Something one translation renders and the other leaves out.
    Omission,
    /// One translation repeats the English.
    Untranslated,
}

impl DiffKind {
    /// Every kind, in the order the list shows them.
    pub const ALL: [DiffKind; 5] = [
        DiffKind::Figure,
        DiffKind::Direction,
        DiffKind::Name,
        DiffKind::Omission,
        DiffKind::Untranslated,
    ];

    /// The name used in JSON and on screen.
    pub fn name(self) -> &'static str {
        match self {
            DiffKind::Figure => "figure",
            DiffKind::Name => "name",
            DiffKind::Direction => "direction",
            DiffKind::Omission => "omission",
            DiffKind::Untranslated => "untranslated",
        }
    }
}

/// One disagreement of a paragraph pair, before it knows where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct PairDiff {
    /// What kind.
    pub kind: DiffKind,
    /// The first translation's words concerned (a sentence, or "" when it has none).
    pub first: String,
    /// The second translation's words concerned.
    pub second: String,
    /// For people: what differs.
    pub detail: String,
}

/// One disagreement (the `callread compare --json` row).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// The transcript (the first file).
    pub source: String,
    /// 1-based line of the English paragraph in the first file.
    pub line: usize,
    /// What kind.
    pub kind: DiffKind,
    /// The first translation's words concerned.
    pub first: String,
    /// The second translation's words concerned.
    pub second: String,
    /// For people: what differs.
    pub detail: String,
    /// The paragraph pair (flat index), for the reader.
    #[serde(skip)]
    pub paragraph: usize,
}

/// How the second translation was paired with the first file's paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paired {
    /// English paragraphs that got a second translation.
    pub paired: usize,
    /// English paragraphs.
    pub english: usize,
    /// True when OTHER had the same English and was paired by it.
    pub by_english: bool,
}

/// English as a key: words only, lower case, so line wrapping and spacing do not matter.
fn english_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The second translation of `t`'s paragraphs, by flat paragraph index (`None` for a
/// paragraph with no English or no second translation). `other` is OTHER parsed, if it
/// parses; `other_text` its text, for a Chinese-only file whose paragraphs are aligned to
/// `t`'s.
pub fn second_translation(
    t: &Transcript,
    other: Option<&Transcript>,
    other_text: &str,
) -> (Vec<Option<String>>, Paired) {
    let english = t
        .paragraphs()
        .map(|(_, p)| p)
        .filter(|p| p.en.is_some())
        .count();
    let bilingual = other.filter(|o| o.bilingual);
    // A bilingual file of the same call: its Chinese goes with the same English.
    if let Some(other) = bilingual {
        let mut by_en: HashMap<String, Vec<&str>> = HashMap::new();
        for p in other.paragraphs().map(|(_, p)| p) {
            if let (Some(en), Some(zh)) = (&p.en, &p.zh) {
                by_en.entry(english_key(en)).or_default().push(zh);
            }
        }
        let mut taken: HashMap<String, usize> = HashMap::new();
        let out: Vec<Option<String>> = t
            .paragraphs()
            .map(|(_, p)| p)
            .map(|p| {
                let key = english_key(p.en.as_deref()?);
                let i = taken.entry(key.clone()).or_default();
                let zh = by_en.get(&key)?.get(*i)?;
                *i += 1;
                Some((*zh).to_string())
            })
            .collect();
        let paired = out.iter().flatten().count();
        if paired * 10 >= english * 9 {
            return (
                out,
                Paired {
                    paired,
                    english,
                    by_english: true,
                },
            );
        }
    }
    // Otherwise its Chinese is aligned to the English as `--zh` aligns a translation.
    let zh_text = if let Some(other) = bilingual {
        other
            .paragraphs()
            .map(|(_, p)| p)
            .filter_map(|p| p.zh.as_deref())
            .collect::<Vec<_>>()
            .join("\n\n")
    } else {
        other_text.to_string()
    };
    let mut copy = t.clone();
    let pairing = crate::transcript::translation::attach(&mut copy, &zh_text);
    let out: Vec<Option<String>> = copy
        .paragraphs()
        .map(|(_, p)| p)
        .map(|p| p.zh.clone())
        .collect();
    (
        out,
        Paired {
            paired: pairing.paired,
            english: pairing.english,
            by_english: false,
        },
    )
}

/// Puts `second` (by flat paragraph index, as [`second_translation`] gives it) into `t`'s
/// paragraphs as their second translation, from `source`: the reader shows it beside the
/// first.
pub fn attach_second(t: &mut Transcript, second: Vec<Option<String>>, source: &str) {
    let mut second = second.into_iter();
    for turn in &mut t.turns {
        for p in &mut turn.paragraphs {
            p.zh2 = second.next().flatten();
        }
    }
    t.second = Some(source.to_string());
}

/// The findings of `t`'s second translation ([`Paragraph::zh2`]) against the English: the
/// check run on it as if it were the file's translation. Empty without one.
///
/// [`Paragraph::zh2`]: crate::transcript::Paragraph::zh2
pub fn second_findings(t: &Transcript) -> Vec<crate::check::Finding> {
    if t.second.is_none() {
        return Vec::new();
    }
    let mut t = t.clone();
    for p in t
        .turns
        .iter_mut()
        .flat_map(|turn| turn.paragraphs.iter_mut())
    {
        p.zh = p.zh2.take();
        p.flags.clear();
    }
    crate::check::check(&t)
}

/// Every disagreement between `t`'s translation and `second` (by flat paragraph index, as
/// [`second_translation`] gives it).
pub fn compare(t: &Transcript, second: &[Option<String>]) -> Vec<Disagreement> {
    compare_by(t, |i, _| second.get(i).and_then(|s| s.as_deref()))
}

/// Every disagreement between `t`'s translation and the second translation attached to it
/// ([`attach_second`]): empty without one.
pub fn compare_attached(t: &Transcript) -> Vec<Disagreement> {
    if t.second.is_none() {
        return Vec::new();
    }
    compare_by(t, |_, p| p.zh2.as_deref())
}

/// [`compare`] with the second translation of pair `i` given by `second`.
fn compare_by<'t>(
    t: &'t Transcript,
    second: impl Fn(usize, &'t crate::transcript::Paragraph) -> Option<&'t str>,
) -> Vec<Disagreement> {
    // How translation 1 renders the call's names and terms in Chinese, by paragraph: a
    // paragraph of translation 2 without that rendering names the term otherwise.
    let mut renderings: HashMap<usize, Vec<(&str, &str)>> = HashMap::new();
    let terms = crate::check::terms::terms(t);
    for term in &terms {
        for r in term.renderings.iter().filter(|r| !r.latin) {
            for &n in &r.paragraphs {
                renderings
                    .entry(n)
                    .or_default()
                    .push((term.english.as_str(), r.text.as_str()));
            }
        }
    }
    let mut out = Vec::new();
    for (i, p) in t.paragraphs().map(|(_, p)| p).enumerate() {
        let Some(en) = p.en.as_deref() else {
            continue;
        };
        let b = second(i, p);
        let mut diffs = compare_pair(en, p.zh.as_deref(), b);
        if let (Some(a), Some(b), Some(rs)) = (p.zh.as_deref(), b, renderings.get(&i))
            && !diffs
                .iter()
                .any(|d| matches!(d.kind, DiffKind::Untranslated | DiffKind::Omission))
        {
            diffs.extend(renderings_differ(a, b, rs));
        }
        for d in diffs {
            out.push(Disagreement {
                source: t.source.clone(),
                line: p.line,
                kind: d.kind,
                first: d.first,
                second: d.second,
                detail: d.detail,
                paragraph: i,
            });
        }
    }
    out
}

/// One translation of a paragraph, read once.
struct Side<'a> {
    text: &'a str,
    normal: std::borrow::Cow<'a, str>,
    back: Option<Vec<usize>>,
    figures: Vec<Quantity>,
    sentences: Vec<Range<usize>>,
}

impl<'a> Side<'a> {
    fn new(text: &'a str) -> Side<'a> {
        let (normal, back) = normalize_chinese(text);
        let figures = chinese_of_normalized(text, &normal, back.as_deref());
        Side {
            text,
            sentences: chinese_sentences(text),
            normal,
            back,
            figures,
        }
    }

    /// A span of the original text as a span of the normalized text.
    fn normal_span(&self, span: &Range<usize>) -> Range<usize> {
        self.back.as_ref().map_or(span.clone(), |back| {
            let at = |b: usize| back.partition_point(|&o| o < b);
            at(span.start)..at(span.end)
        })
    }

    /// The index of the sentence holding byte `at`.
    fn sentence_index(&self, at: usize) -> usize {
        self.sentences
            .iter()
            .position(|r| r.end > at)
            .unwrap_or(self.sentences.len().saturating_sub(1))
    }

    /// The sentence of index `i`, trimmed ("" when there is none).
    fn sentence(&self, i: usize) -> String {
        self.sentences
            .get(i)
            .map_or("", |r| self.text[r.clone()].trim())
            .to_string()
    }

    /// The sentence in the same place as `other`'s sentence `i` (the same index when both
    /// have as many sentences; else the same relative position).
    fn counterpart(&self, other: &Side<'_>, i: usize) -> String {
        let (n, m) = (other.sentences.len(), self.sentences.len());
        if m == 0 {
            return String::new();
        }
        let j = if n == m || n <= 1 {
            i.min(m - 1)
        } else {
            ((i as f64) * (m - 1) as f64 / (n - 1) as f64).round() as usize
        };
        self.sentence(j.min(m - 1))
    }
}

/// Han characters plus Latin words: how much text a translation carries.
fn units(text: &str) -> usize {
    let han = text
        .chars()
        .filter(|&c| crate::text::script::is_han(c))
        .count();
    han + crate::text::script::latin_words(text).len()
}

/// Compares two translations (`a`, the first; `b`, the second) of one English paragraph.
pub fn compare_pair(en: &str, a: Option<&str>, b: Option<&str>) -> Vec<PairDiff> {
    let blank = |s: Option<&str>| s.is_none_or(|s| s.trim().is_empty());
    match (blank(a), blank(b)) {
        (true, true) => return Vec::new(),
        (false, true) | (true, false) => {
            let (has, lacks) = if blank(b) { (1, 2) } else { (2, 1) };
            return vec![PairDiff {
                kind: DiffKind::Omission,
                first: a.unwrap_or("").trim().to_string(),
                second: b.unwrap_or("").trim().to_string(),
                detail: format!(
                    "translation {lacks} has no text for this paragraph; translation {has} has"
                ),
            }];
        }
        (false, false) => {}
    }
    let (a, b) = (a.unwrap_or(""), b.unwrap_or(""));
    let (ua, ub) = (is_untranslated(en, a), is_untranslated(en, b));
    if ua || ub {
        if ua == ub {
            return Vec::new();
        }
        let which = if ua { 1 } else { 2 };
        return vec![PairDiff {
            kind: DiffKind::Untranslated,
            first: a.trim().to_string(),
            second: b.trim().to_string(),
            detail: format!("translation {which} repeats the English"),
        }];
    }
    let (sa, sb) = (Side::new(a), Side::new(b));
    let mut out = figures_and_directions(&sa, &sb);
    if !out.iter().any(|d| d.kind == DiffKind::Direction) {
        out.extend(sentence_directions(&sa, &sb));
    }
    out.extend(names(en, &sa, &sb));
    out.extend(omissions(en, &sa, &sb));
    out
}

/// Figures one side has and the other lacks, and figures both have going opposite ways.
fn figures_and_directions(sa: &Side<'_>, sb: &Side<'_>) -> Vec<PairDiff> {
    let mut out = Vec::new();
    let mut used = vec![false; sb.figures.len()];
    let mut left_a = Vec::new();
    let mut matched = Vec::new();
    for (i, qa) in sa.figures.iter().enumerate() {
        let strict = sb.figures.iter().enumerate().position(|(j, qb)| {
            !used[j] && qb.unit == qa.unit && crate::check::same_figure(qa, qb)
        });
        let found = strict.or_else(|| {
            sb.figures.iter().enumerate().position(|(j, qb)| {
                !used[j]
                    && crate::check::compatible(qa.unit, qb.unit)
                    && crate::check::same_figure(qa, qb)
            })
        });
        match found {
            Some(j) => {
                used[j] = true;
                matched.push((i, j));
            }
            None => left_a.push(i),
        }
    }
    let left_b: Vec<usize> = (0..sb.figures.len()).filter(|j| !used[*j]).collect();
    // Unmatched figures, paired in order where both sides have some: "12% ↔ 15%".
    let n = left_a.len().max(left_b.len());
    for k in 0..n {
        let qa = left_a.get(k).map(|&i| &sa.figures[i]);
        let qb = left_b.get(k).map(|&j| &sb.figures[j]);
        let (first, second) = match (qa, qb) {
            (Some(x), Some(y)) => (
                sa.sentence(sa.sentence_index(x.span.start)),
                sb.sentence(sb.sentence_index(y.span.start)),
            ),
            (Some(x), None) => {
                let i = sa.sentence_index(x.span.start);
                (sa.sentence(i), sb.counterpart(sa, i))
            }
            (None, Some(y)) => {
                let j = sb.sentence_index(y.span.start);
                (sa.counterpart(sb, j), sb.sentence(j))
            }
            (None, None) => continue,
        };
        let detail = match (qa, qb) {
            (Some(x), Some(y)) => format!(
                "translation 1 writes {}, translation 2 writes {}",
                x.text, y.text
            ),
            (Some(x), None) => format!("{} only in translation 1", x.text),
            (None, Some(y)) => format!("{} only in translation 2", y.text),
            (None, None) => unreachable!("skipped above"),
        };
        out.push(PairDiff {
            kind: DiffKind::Figure,
            first,
            second,
            detail,
        });
    }
    // Figures of one sentence turned together are one disagreement.
    let mut turned: Vec<(
        usize,
        usize,
        Vec<&str>,
        direction::Direction,
        direction::Direction,
    )> = Vec::new();
    for (i, j) in matched {
        let (qa, qb) = (&sa.figures[i], &sb.figures[j]);
        if let Some(da) = direction::chinese(&sa.normal, sa.normal_span(&qa.span))
            && let Some(db) = direction::chinese(&sb.normal, sb.normal_span(&qb.span))
            && da.opposes(db)
        {
            let (x, y) = (
                sa.sentence_index(qa.span.start),
                sb.sentence_index(qb.span.start),
            );
            match turned.iter_mut().find(|t| t.0 == x && t.1 == y) {
                Some(t) => t.2.push(&qa.text),
                None => turned.push((x, y, vec![&qa.text], da, db)),
            }
        }
    }
    for (x, y, figures, da, db) in turned {
        out.push(PairDiff {
            kind: DiffKind::Direction,
            first: sa.sentence(x),
            second: sb.sentence(y),
            detail: format!(
                "{} {} {} in translation 1, {} in translation 2",
                figures.join(", "),
                if figures.len() == 1 { "is" } else { "are" },
                da.word(),
                db.word()
            ),
        });
    }
    out
}

/// Sentences in the same place whose direction words go opposite ways, figures or not
/// ("持久的獲利成長" / "獲利下滑"): one says up where the other says down, more often.
fn sentence_directions(sa: &Side<'_>, sb: &Side<'_>) -> Vec<PairDiff> {
    use direction::Direction;
    if sa.sentences.len() != sb.sentences.len() {
        return Vec::new();
    }
    let counts = |side: &Side<'_>, i: usize| -> [usize; 4] {
        let r = side.normal_span(&side.sentences[i]);
        let mut c = [0; 4];
        for (_, d) in direction::chinese_words(&side.normal[r]) {
            c[match d {
                Direction::Up => 0,
                Direction::Down => 1,
                Direction::Loss => 2,
                Direction::Profit => 3,
            }] += 1;
        }
        c
    };
    let mut out = Vec::new();
    for i in 0..sa.sentences.len() {
        let (x, y) = (counts(sa, i), counts(sb, i));
        // One axis: (up, down) or (loss, profit).
        let turned = [(0, 1), (2, 3)]
            .into_iter()
            .find(|&(p, q)| (x[p] > y[p] && y[q] > x[q]) || (x[q] > y[q] && y[p] > x[p]));
        if let Some((p, q)) = turned {
            let word = |c: [usize; 4]| {
                let d = if c[p] > c[q] { p } else { q };
                ["up", "down", "a loss", "a profit"][d]
            };
            out.push(PairDiff {
                kind: DiffKind::Direction,
                first: sa.sentence(i),
                second: sb.sentence(i),
                detail: format!(
                    "this sentence goes {} in translation 1, {} in translation 2",
                    word(x),
                    word(y)
                ),
            });
        }
    }
    out
}

/// Latin words of the English (names, tickers, terms) that one translation keeps more often
/// than the other.
fn names(en: &str, sa: &Side<'_>, sb: &Side<'_>) -> Vec<PairDiff> {
    let count = |text: &str| {
        let folded = crate::text::fold::fold(text);
        let mut m: HashMap<String, usize> = HashMap::new();
        for w in crate::text::script::latin_words(&folded) {
            // "Zoom's" is Zoom.
            let w = w.strip_suffix("'s").unwrap_or(&w).trim_matches('\'');
            if w.is_empty() {
                continue;
            }
            *m.entry(w.to_string()).or_default() += 1;
        }
        m
    };
    let en_words = count(en);
    let (ca, cb) = (count(sa.text), count(sb.text));
    let mut words: Vec<&String> = ca.keys().chain(cb.keys()).collect();
    words.sort();
    words.dedup();
    // Each word kept more often on one side: (side, where, how often at most).
    let mut differing: Vec<(usize, Range<usize>, usize)> = Vec::new();
    for w in words {
        let (x, y) = (
            ca.get(w).copied().unwrap_or(0),
            cb.get(w).copied().unwrap_or(0),
        );
        // A word the English has, kept a different number of times.
        if x == y || w.chars().count() < 2 || !en_words.contains_key(w) {
            continue;
        }
        let more = if x > y { 1 } else { 2 };
        let side = if more == 1 { sa } else { sb };
        let at = find_word(side.text, w).unwrap_or(0);
        differing.push((more, at..at + w.len(), x.max(y)));
    }
    // Words next to each other on one side are one name ("Charles Eveslage").
    differing.sort_by_key(|(more, r, _)| (*more, r.start));
    let mut merged: Vec<(usize, Range<usize>, usize)> = Vec::new();
    for (more, r, n) in differing {
        let side = if more == 1 { sa } else { sb };
        if let Some(last) = merged.last_mut()
            && last.0 == more
            && last.1.end <= r.start
            && side
                .text
                .get(last.1.end..r.start)
                .is_some_and(|between| !between.is_empty() && between.trim().is_empty())
        {
            last.1.end = r.end;
            last.2 = last.2.min(n);
            continue;
        }
        merged.push((more, r, n));
    }
    let mut out = Vec::new();
    for (more, r, n) in merged {
        let (side_more, side_fewer) = if more == 1 { (sa, sb) } else { (sb, sa) };
        let i = side_more.sentence_index(r.start);
        let (kept, other) = (side_more.sentence(i), side_fewer.counterpart(side_more, i));
        let (first, second) = if more == 1 {
            (kept, other)
        } else {
            (other, kept)
        };
        let name = side_more.text.get(r).unwrap_or("a name");
        out.push(PairDiff {
            kind: DiffKind::Name,
            first,
            second,
            detail: format!(
                "translation {more} keeps {name} {}; translation {} renders it otherwise",
                times(n),
                3 - more
            ),
        });
    }
    out
}

/// Terms translation 1 renders in Chinese (`rendered`: English, rendering) that translation 2
/// renders otherwise: the rendering is not in it, in either script.
fn renderings_differ(a: &str, b: &str, rendered: &[(&str, &str)]) -> Vec<PairDiff> {
    let folded_b = crate::text::fold::fold(b);
    let (sa, sb) = (Side::new(a), Side::new(b));
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for &(english, rendering) in rendered {
        if seen.contains(&english) || folded_b.contains(crate::text::fold::fold(rendering).as_ref())
        {
            continue;
        }
        seen.push(english);
        let at = a.find(rendering).unwrap_or(0);
        let i = sa.sentence_index(at);
        out.push(PairDiff {
            kind: DiffKind::Name,
            first: sa.sentence(i),
            second: sb.counterpart(&sa, i),
            detail: format!(
                "translation 1 renders {english} as {rendering}; translation 2 otherwise"
            ),
        });
    }
    out
}

fn times(n: usize) -> String {
    if n == 1 {
        "once".to_string()
    } else {
        format!("{n} times")
    }
}

/// The byte offset of Latin word `w` (lower case) in `text`, as a whole word.
fn find_word(text: &str, w: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'\'';
    let mut from = 0;
    while let Some(k) = lower[from..].find(w) {
        let at = from + k;
        let end = at + w.len();
        let before_ok = at == 0 || !word_byte(bytes[at - 1]);
        let after_ok = end >= bytes.len() || !word_byte(bytes[end]);
        if before_ok && after_ok {
            return Some(at);
        }
        from = end;
    }
    None
}

/// Below this share of the longer translation's text, the shorter left something out.
const SHORTER_SHARE: f64 = 0.7;
/// With a sentence fewer, this share is enough.
const SHORTER_SHARE_SENTENCE: f64 = 0.85;
/// With an English sentence only the shorter leaves unlinked, this share is enough.
const SHORTER_SHARE_DROPPED: f64 = 0.92;
/// Differences of fewer units than this are never an omission.
const MIN_UNITS_LEFT_OUT: usize = 8;

/// An English sentence one translation renders and the other leaves out, or one translation
/// much shorter than the other.
fn omissions(en: &str, sa: &Side<'_>, sb: &Side<'_>) -> Vec<PairDiff> {
    let (ua, ub) = (units(sa.text), units(sb.text));
    // One ends mid-sentence where the English and the other end one: cut off.
    let (cut_a, cut_b) = (
        crate::check::stops_mid_sentence(en, sa.text),
        crate::check::stops_mid_sentence(en, sb.text),
    );
    if cut_a != cut_b {
        return vec![PairDiff {
            kind: DiffKind::Omission,
            first: sa.text.trim().to_string(),
            second: sb.text.trim().to_string(),
            detail: format!(
                "translation {} stops mid-sentence",
                if cut_a { 1 } else { 2 }
            ),
        }];
    }
    let (long, short) = (ua.max(ub), ua.min(ub));
    if long < short + MIN_UNITS_LEFT_OUT {
        return Vec::new();
    }
    let shorter = if ua < ub { 1 } else { 2 };
    let share = short as f64 / long as f64;
    // The English sentences each translation leaves unlinked.
    let unlinked = |zh: &str| -> Vec<Range<usize>> {
        link_ranges(en, zh)
            .into_iter()
            .filter_map(|(e, z)| match (e, z) {
                (Some(e), None) => Some(e),
                _ => None,
            })
            .collect()
    };
    let (na, nb) = (sa.sentences.len(), sb.sentences.len());
    let fewer_sentences = if shorter == 1 { na < nb } else { nb < na };
    let (left_short, left_long) = if shorter == 1 {
        (unlinked(sa.text), unlinked(sb.text))
    } else {
        (unlinked(sb.text), unlinked(sa.text))
    };
    let dropped: Vec<&Range<usize>> = left_short
        .iter()
        .filter(|r| {
            !left_long
                .iter()
                .any(|l| l.start <= r.start && r.end <= l.end)
        })
        .collect();
    let by_sentence = !dropped.is_empty() && share < SHORTER_SHARE_DROPPED;
    if !(share < SHORTER_SHARE || fewer_sentences && share < SHORTER_SHARE_SENTENCE || by_sentence)
    {
        return Vec::new();
    }
    let english = dropped.first().map(|r| en[(*r).clone()].trim().to_string());
    let detail = match &english {
        Some(s) => format!(
            "translation {shorter} leaves out \"{}\"",
            crate::text::wrap::ellipsize(s, 80)
        ),
        None => format!(
            "translation {shorter} is {}% as long as translation {}",
            (share * 100.0).round(),
            3 - shorter
        ),
    };
    vec![PairDiff {
        kind: DiffKind::Omission,
        first: sa.text.trim().to_string(),
        second: sb.text.trim().to_string(),
        detail,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = "Revenue grew 12% to $1.2 billion. Zoom Phone added 300 customers. We expect margins to improve next year.";
    const ZH: &str =
        "營收成長 12% 至 12 億美元。Zoom Phone 新增 300 位客戶。我們預計明年利潤率將會改善。";

    fn kinds(d: &[PairDiff]) -> Vec<DiffKind> {
        d.iter().map(|d| d.kind).collect()
    }

    #[test]
    fn the_same_text_in_the_other_script_agrees() {
        let simplified =
            "营收成长 12% 至 12 亿美元。Zoom Phone 新增 300 位客户。我们预计明年利润率将会改善。";
        assert_eq!(compare_pair(EN, Some(ZH), Some(simplified)), vec![]);
        let wide = "營收成長 １２％ 至 １２ 億美元。Ｚｏｏｍ Ｐｈｏｎｅ 新增 ３００ 位客戶。我們預計明年利潤率將會改善。";
        assert_eq!(compare_pair(EN, Some(ZH), Some(wide)), vec![]);
    }

    #[test]
    fn a_changed_figure_is_found_with_both_sentences() {
        let other = ZH.replace("12%", "15%");
        let d = compare_pair(EN, Some(ZH), Some(&other));
        assert_eq!(kinds(&d), vec![DiffKind::Figure]);
        assert!(
            d[0].first.contains("12%") && d[0].second.contains("15%"),
            "{d:?}"
        );
        assert!(d[0].detail.contains("12%") && d[0].detail.contains("15%"));
    }

    #[test]
    fn a_turned_direction_is_found() {
        let other = ZH.replace("營收成長 12%", "營收下降 12%");
        let d = compare_pair(EN, Some(ZH), Some(&other));
        assert_eq!(kinds(&d), vec![DiffKind::Direction], "{d:?}");
        assert!(d[0].detail.contains("up") && d[0].detail.contains("down"));
    }

    #[test]
    fn a_name_rendered_otherwise_is_found() {
        let other = ZH.replace("Zoom Phone", "變焦電話");
        let d = compare_pair(EN, Some(ZH), Some(&other));
        assert!(kinds(&d).contains(&DiffKind::Name), "{d:?}");
        assert!(d.iter().any(|d| d.detail.contains("Zoom")));
    }

    #[test]
    fn a_left_out_sentence_is_an_omission() {
        let other = ZH.replace("我們預計明年利潤率將會改善。", "");
        let d = compare_pair(EN, Some(ZH), Some(&other));
        assert_eq!(kinds(&d), vec![DiffKind::Omission], "{d:?}");
        assert!(d[0].detail.contains("translation 2"), "{d:?}");
    }

    #[test]
    fn english_again_is_untranslated_and_nothing_else() {
        let d = compare_pair(EN, Some(EN), Some(ZH));
        assert_eq!(kinds(&d), vec![DiffKind::Untranslated]);
        assert!(d[0].detail.contains("translation 1"));
    }

    #[test]
    fn a_paragraph_only_one_has_is_an_omission() {
        let d = compare_pair(EN, None, Some(ZH));
        assert_eq!(kinds(&d), vec![DiffKind::Omission]);
        assert!(d[0].detail.starts_with("translation 1 has no text"));
        assert_eq!(compare_pair(EN, None, Some("  ")), vec![]);
    }
}
