//! Search over both languages: fzf-style query syntax, fuzzy matching for Latin terms
//! (fuzzy-matcher's SkimMatcherV2, smart case), substring matching for Chinese terms, and
//! folding so 营收 finds 營收 and Ｑ３ finds Q3.
//!
//! Syntax: space-separated terms must all match; `'term` exact, `^term` prefix, `term$`
//! suffix, `!term` must not occur. A term with a CJK character is always a substring match:
//! fuzzy matching across Chinese finds 營…收 twenty characters apart, which is noise.
//!
//! Fuzzy terms are local: the term's characters in order with at most [`MAX_SKIPPED`] other
//! bytes between them (an exact occurrence preferred), scored by SkimMatcherV2 on that
//! window. In prose a 4-letter term matches almost every paragraph scattered over 500
//! characters; those matches are noise, and scoring them all is what makes fzf slow here.
//! The bound does not depend on the term's length, so whatever matches "cash" also matches
//! "cas": typing narrows the previous results instead of searching everything again. A window
//! over several words must read as typed words (each word it takes letters from, from its
//! first letter on: "gr marg" finds "gross margin"); letters scattered over words ("margin" in
//! "su[m]mary [ar]e [g]ett[in]g") are not a match.

use std::path::PathBuf;

use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

use crate::transcript::Lang;

mod query;

pub use query::{MAX_SKIPPED, MAX_TERMS, Query, Term, TermKind, local_match, matcher};

/// A match in a loaded transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the transcript among those loaded.
    pub doc: usize,
    /// The paragraph pair (flat index).
    pub paragraph: usize,
    /// Which side matched.
    pub lang: Lang,
    /// Higher is better.
    pub score: i64,
    /// Byte ranges of the matched characters in that side's text.
    pub ranges: Vec<std::ops::Range<usize>>,
}

/// Turns character positions into byte ranges of `text`, merging neighbours.
pub fn char_ranges(text: &str, chars: &[usize]) -> Vec<std::ops::Range<usize>> {
    let offsets: Vec<(usize, usize)> = text
        .char_indices()
        .map(|(b, c)| (b, b + c.len_utf8()))
        .collect();
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for &i in chars {
        let Some(&(s, e)) = offsets.get(i) else {
            continue;
        };
        match out.last_mut() {
            Some(last) if last.end == s => last.end = e,
            _ => out.push(s..e),
        }
    }
    out
}

/// True when every match of `new` must be a match of `old`, so a search for `new` may look
/// only at `old`'s matches: `new` is `old` with characters typed at the end that only extend
/// its last term or start a new one (not an operator that changes a term's kind).
pub fn narrows(old: &str, new: &str) -> bool {
    let Some(added) = new.strip_prefix(old) else {
        return false;
    };
    let last = old.split_whitespace().last().unwrap_or("");
    // Extending a negated term excludes less: the results can grow.
    let operator_only = matches!(last, "'" | "^") || last.starts_with('!') || last.ends_with('$');
    !old.trim().is_empty()
        && !operator_only
        && !added.is_empty()
        && added.chars().all(|c| {
            c.is_alphanumeric() || c == ' ' || c == '-' || c == '.' || crate::text::is_cjk(c)
        })
}

/// Searches loaded transcripts (`docs` as (index, transcript)), best first, ties in reading
/// order. Both sides of every paragraph are searched.
pub fn search_transcripts<'a>(
    docs: impl IntoIterator<Item = (usize, &'a crate::transcript::Transcript)>,
    query: &Query,
    limit: usize,
) -> Vec<Hit> {
    search_within(docs, query, limit, None).0
}

/// Like [`search_transcripts`], looking only at `within` (all matches of a query this one
/// [`narrows`]) when given. Also returns every match, unranked, for the next narrowing.
pub fn search_within<'a>(
    docs: impl IntoIterator<Item = (usize, &'a crate::transcript::Transcript)>,
    query: &Query,
    limit: usize,
    within: Option<&[Hit]>,
) -> (Vec<Hit>, Vec<Hit>) {
    if query.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let docs: Vec<(usize, &crate::transcript::Transcript)> = docs.into_iter().collect();
    // A mixed query matches pairs, not sides: the previous side matches do not bound it.
    if let Some(within) = within.filter(|_| !query.is_mixed()) {
        let all = narrow(&docs, query, within);
        let hits = rank(&docs, query, all.clone(), limit);
        return (hits, all);
    }
    // Two workers: the machines this runs on have two cores or more.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    let chunk = docs.len().div_ceil(threads).max(1);
    let hits: Vec<Hit> = std::thread::scope(|scope| {
        let workers: Vec<_> = docs
            .chunks(chunk)
            .map(|part| scope.spawn(move || search_part(part, query)))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    let all = hits.clone();
    (rank(&docs, query, hits, limit), all)
}

/// Re-matches only the previous matches, on all cores.
fn narrow(
    docs: &[(usize, &crate::transcript::Transcript)],
    query: &Query,
    within: &[Hit],
) -> Vec<Hit> {
    let by_doc: std::collections::HashMap<usize, Vec<&crate::transcript::Paragraph>> = docs
        .iter()
        .map(|(i, t)| (*i, t.paragraphs().map(|(_, p)| p).collect()))
        .collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    let chunk = within.len().div_ceil(threads).max(1);
    let by_doc = &by_doc;
    std::thread::scope(|scope| {
        let workers: Vec<_> = within
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let matcher = matcher();
                    part.iter()
                        .filter_map(|h| {
                            let p = by_doc.get(&h.doc)?.get(h.paragraph)?;
                            let text = p.side(h.lang)?;
                            if !query.may_match(text) {
                                return None;
                            }
                            let score = query.score(&query.fold(text), &matcher)?;
                            Some(Hit {
                                score,
                                ranges: Vec::new(),
                                ..h.clone()
                            })
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    })
}

/// Orders hits best first and gives the kept ones their highlight ranges.
fn rank(
    docs: &[(usize, &crate::transcript::Transcript)],
    query: &Query,
    mut hits: Vec<Hit>,
    limit: usize,
) -> Vec<Hit> {
    hits.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(a.doc.cmp(&b.doc))
            .then(a.paragraph.cmp(&b.paragraph))
    });
    hits.truncate(limit);
    // Highlight ranges only for the hits kept.
    let by_doc: std::collections::HashMap<usize, &crate::transcript::Transcript> =
        docs.iter().copied().collect();
    let matcher = matcher();
    let mut paragraphs: std::collections::HashMap<usize, Vec<&crate::transcript::Paragraph>> =
        std::collections::HashMap::new();
    for h in hits.iter_mut().take(RANGES_FOR) {
        let Some(t) = by_doc.get(&h.doc) else {
            continue;
        };
        let list = paragraphs
            .entry(h.doc)
            .or_insert_with(|| t.paragraphs().map(|(_, p)| p).collect());
        let text = list
            .get(h.paragraph)
            .and_then(|p| p.side(h.lang))
            .unwrap_or("");
        let folded = query.fold(text);
        if let Some((_, chars)) = query.matches(&folded, &matcher) {
            h.ranges = char_ranges(text, &chars);
        } else if query.is_mixed() {
            // A pair a mixed query matched across: this side's terms.
            h.ranges = char_ranges(text, &query.positions_of_matching_terms(&folded, &matcher));
        }
    }
    hits
}

/// How many of the best hits get highlight ranges (the rest are only counted and ordered).
pub const RANGES_FOR: usize = 1000;

fn search_part(docs: &[(usize, &crate::transcript::Transcript)], query: &Query) -> Vec<Hit> {
    let matcher = matcher();
    let mut hits = Vec::new();
    let mixed = query.is_mixed();
    for &(doc, t) in docs {
        for (n, (_, p)) in t.paragraphs().enumerate() {
            // A mixed query (`revenue 營收`) matches the pair: each term in either language.
            // The hit is on the English side; the reader marks the other side's sentence.
            if mixed {
                if let (Some(en), Some(zh)) = (p.en.as_deref(), p.zh.as_deref())
                    && query.may_match_pair(en, zh)
                    && let Some(score) =
                        query.score_pair(&query.fold(en), &query.fold(zh), &matcher)
                {
                    hits.push(Hit {
                        doc,
                        paragraph: n,
                        lang: Lang::En,
                        score,
                        ranges: Vec::new(),
                    });
                }
                continue;
            }
            for (lang, text) in [(Lang::En, p.en.as_deref()), (Lang::Zh, p.zh.as_deref())] {
                let Some(text) = text else { continue };
                if !query.may_match(text) {
                    continue;
                }
                if let Some(score) = query.score(&query.fold(text), &matcher) {
                    hits.push(Hit {
                        doc,
                        paragraph: n,
                        lang,
                        score,
                        ranges: Vec::new(),
                    });
                }
            }
        }
    }
    hits
}

/// The side a `callread search` result matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitSide {
    /// The English.
    En,
    /// The Chinese.
    Zh,
    /// A mixed query, across an English line and its Chinese.
    Pair,
}

impl HitSide {
    /// "en", "zh" or "pair".
    pub fn code(self) -> &'static str {
        match self {
            HitSide::En => "en",
            HitSide::Zh => "zh",
            HitSide::Pair => "pair",
        }
    }
}

impl From<Lang> for HitSide {
    fn from(l: Lang) -> Self {
        match l {
            Lang::En => HitSide::En,
            Lang::Zh | Lang::Zh2 => HitSide::Zh,
        }
    }
}

/// One result of `callread search` (the JSON row).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileHit {
    /// The file.
    pub source: String,
    /// 1-based line.
    pub line: usize,
    /// Which side matched: "en", "zh", or "pair" for a mixed query's match across an
    /// English line and its Chinese (then `text` is both, joined by " | ", and `line` the
    /// English line).
    pub lang: HitSide,
    /// Higher is better.
    pub score: i64,
    /// The speaker of the turn, if the line is in one.
    pub speaker: Option<String>,
    /// The matching line.
    pub text: String,
}

/// Searches files: each file is decoded and parsed as the reader parses it (so a line has
/// the same speaker in both), and only paragraph sides that pass [`Query::may_match`] are
/// folded and matched. Files that cannot be read are returned as errors beside the hits.
pub fn search_files(
    files: &[PathBuf],
    query: &Query,
    limit: usize,
) -> (Vec<FileHit>, Vec<crate::library::LoadError>) {
    if query.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    let chunk = files.len().div_ceil(threads).max(1);
    let results: Vec<(Vec<FileHit>, Vec<crate::library::LoadError>)> =
        std::thread::scope(|scope| {
            let workers: Vec<_> = files
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        let matcher = matcher();
                        let (mut hits, mut errors) = (Vec::new(), Vec::new());
                        for f in part {
                            match search_file(f, query, &matcher) {
                                Ok(h) => hits.extend(h),
                                Err(e) => errors.push(e),
                            }
                        }
                        (hits, errors)
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().unwrap_or_default())
                .collect()
        });
    let (mut hits, mut errors) = (Vec::new(), Vec::new());
    for (h, e) in results {
        hits.extend(h);
        errors.extend(e);
    }
    order_file_hits(&mut hits);
    hits.truncate(limit);
    (hits, errors)
}

/// Orders `callread search` rows best first, then by file and line.
pub fn order_file_hits(hits: &mut [FileHit]) {
    hits.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| a.source.cmp(&b.source))
            .then(a.line.cmp(&b.line))
    });
}

fn search_file(
    path: &std::path::Path,
    query: &Query,
    matcher: &SkimMatcherV2,
) -> Result<Vec<FileHit>, crate::library::LoadError> {
    // The reader's loading and parser, so a line has the same speaker here as on the screen
    // (and `X.txt` the translation `X.zh.txt` beside it).
    let t = crate::library::load_file(path)?;
    Ok(transcript_hits(&t, query, matcher))
}

/// Every paragraph side of `t` that matches `query`, as `callread search` rows (unranked).
/// A mixed query matches an English paragraph with its Chinese, as one "pair" row.
pub fn transcript_hits(
    t: &crate::transcript::Transcript,
    query: &Query,
    matcher: &SkimMatcherV2,
) -> Vec<FileHit> {
    let mut hits = Vec::new();
    let mixed = query.is_mixed();
    for (turn, p) in t.paragraphs() {
        let speaker = t
            .turns
            .get(turn)
            .and_then(|tu| t.speakers.get(tu.speaker))
            .map(|s| s.name.clone());
        if mixed {
            if let (Some(en), Some(zh)) = (p.en.as_deref(), p.zh.as_deref())
                && query.may_match_pair(en, zh)
                && let Some(score) = query.score_pair(&query.fold(en), &query.fold(zh), matcher)
            {
                hits.push(FileHit {
                    source: t.source.clone(),
                    line: p.line,
                    lang: HitSide::Pair,
                    score,
                    speaker,
                    text: format!("{en} | {zh}"),
                });
            }
            continue;
        }
        for (lang, text, line) in [
            (HitSide::En, p.en.as_deref(), p.line),
            (HitSide::Zh, p.zh.as_deref(), p.zh_line.unwrap_or(p.line)),
        ] {
            let Some(text) = text else { continue };
            if !query.may_match(text) {
                continue;
            }
            if let Some(score) = query.score(&query.fold(text), matcher) {
                hits.push(FileHit {
                    source: t.source.clone(),
                    line,
                    lang,
                    score,
                    speaker: speaker.clone(),
                    text: text.to_string(),
                });
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::fold;

    fn kinds(q: &str) -> Vec<(String, TermKind, bool)> {
        Query::parse(q)
            .terms
            .into_iter()
            .map(|t| (t.text, t.kind, t.negate))
            .collect()
    }

    #[test]
    fn query_syntax() {
        assert_eq!(
            kinds("rev 'gross ^Turning margin$ !loss 营收"),
            [
                ("rev".into(), TermKind::Fuzzy, false),
                ("gross".into(), TermKind::Exact, false),
                ("Turning".into(), TermKind::Prefix, false),
                ("margin".into(), TermKind::Suffix, false),
                ("loss".into(), TermKind::Exact, true),
                ("营收".into(), TermKind::Exact, false),
            ]
        );
        assert!(Query::parse("  ").is_empty());
        assert!(Query::parse("!only").is_empty());
    }

    #[test]
    fn what_narrows() {
        assert!(narrows("cas", "cash"));
        assert!(narrows("cash", "cash f"));
        assert!(narrows("營收", "營收成"));
        assert!(!narrows("", "c"));
        assert!(!narrows("cash", "cas"), "deleting widens");
        assert!(
            !narrows("cash !", "cash !x"),
            "a negation excludes, it does not narrow the term"
        );
        assert!(
            !narrows("cash !ent", "cash !ente"),
            "a longer negation excludes less"
        );
        assert!(!narrows("cash", "cash$"));
        assert!(!narrows("cash", "cash |"));
    }

    #[test]
    fn matching_rules() {
        let m = matcher();
        let q = |s: &str, text: &str| Query::parse(s).matches(&fold(text), &m).is_some();
        assert!(q("rvn", "Total revenue grew"));
        assert!(q("rev !loss", "revenue grew"));
        assert!(!q("rev !loss", "revenue loss"));
        assert!(q("^turning", "Turning to guidance."));
        assert!(!q("^guidance", "Turning to guidance."));
        assert!(q("guidance.$", "Turning to guidance."));
        assert!(!q("'rvn", "Total revenue grew"));
        assert!(!q("Revenue", "total revenue"), "smart case");
        assert!(q("revenue", "Total Revenue"));
        assert!(q("营收", "總營收成長"));
        assert!(q("營收", "总营收成长"));
        assert!(q("Ｑ３", "Q3 revenue"));
        assert!(q("q3", "Ｑ３ revenue"));
        assert!(
            !q("營收", "營業收入"),
            "CJK terms are substrings, not fuzzy"
        );
    }

    #[test]
    fn the_prefilter_never_rejects_a_match() {
        let m = matcher();
        for (query, text) in [
            ("rvn", "Total revenue"),
            ("營收", "总营收"),
            ("q3", "Ｑ３"),
            ("REV", "REVENUE"),
            ("'gross", "Gross margin"),
        ] {
            let q = Query::parse(query);
            assert!(q.matches(&fold(text), &m).is_some(), "{query}");
            assert!(q.may_match(text), "{query} {text}");
        }
        assert!(!Query::parse("xyz").may_match("revenue"));
    }

    #[test]
    fn score_agrees_with_matches() {
        let m = matcher();
        for (q, text) in [
            ("revenue guidance", "we raised our Revenue guidance"),
            ("rvn !loss", "total revenue"),
            ("营收", "營收成長"),
            ("'Q3 ^We", "We expect Q3"),
        ] {
            let q = Query::parse(q);
            let folded = fold(text);
            assert_eq!(
                q.score(&folded, &m),
                q.matches(&folded, &m).map(|(s, _)| s),
                "{text}"
            );
        }
    }

    #[test]
    fn an_exact_phrase_ranks_above_scattered_words() {
        let m = matcher();
        let q = Query::parse("revenue guidance");
        let together = q
            .matches("we raised our revenue guidance today", &m)
            .unwrap()
            .0;
        let apart = q
            .matches("revenue grew and we gave guidance today", &m)
            .unwrap()
            .0;
        let fuzzy = q
            .matches("reviewing evenue gui dance", &m)
            .map_or(0, |s| s.0);
        assert!(
            together > apart && apart > fuzzy,
            "{together} {apart} {fuzzy}"
        );
    }

    #[test]
    fn fuzzy_terms_match_locally() {
        assert_eq!(local_match("Total revenue grew", "rvn", false), Some(6..11));
        assert_eq!(local_match("free cash flow", "fcf", false), Some(0..11));
        assert_eq!(
            local_match("refresh, then later a long way off: v", "rv", false),
            None,
            "too far apart"
        );
        // Whatever matches a term matches its prefixes: typing can narrow earlier results.
        for (text, term) in [
            ("free cash flow", "fcfl"),
            ("Total revenue grew", "rvnue"),
            ("contact center", "cntct"),
        ] {
            for n in 1..=term.len() {
                if local_match(text, term, false).is_some() {
                    assert!(local_match(text, &term[..n], false).is_some(), "{term} {n}");
                }
            }
        }
        assert_eq!(
            local_match("re v and Revenue", "revenue", false),
            Some(9..16),
            "an exact occurrence wins"
        );
        assert_eq!(local_match("REVENUE", "revenue", true), None);
    }

    #[test]
    fn char_positions_become_byte_ranges() {
        let merged = char_ranges("總營收", &[1, 2]);
        assert_eq!((merged.len(), merged.first()), (1, Some(&(3..9))));
        assert_eq!(char_ranges("abc", &[0, 2]), [0..1, 2..3]);
    }
}
