//! The query: fzf-style terms, and how one text matches them (see the parent module).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::text::fold::{fold, variants};
use crate::text::script::cjk_count;

/// How one term matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// Characters in order, gaps allowed.
    Fuzzy,
    /// A substring.
    Exact,
    /// The text starts with it.
    Prefix,
    /// The text ends with it.
    Suffix,
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The folded text of the term.
    pub text: String,
    /// How it matches.
    pub kind: TermKind,
    /// `!term`: the text must not contain it.
    pub negate: bool,
    /// Upper case in the term makes it case-sensitive (smart case).
    pub case_sensitive: bool,
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The terms, all of which must match.
    pub terms: Vec<Term>,
    /// The positive fuzzy terms joined, for the exact-phrase bonus.
    phrase: Option<String>,
}

/// The most terms a query keeps: every term is matched against every paragraph and pairs of
/// terms are scored for nearness, so a pasted page of words must not cost minutes. Terms past
/// this are ignored; a repeated term counts once.
pub const MAX_TERMS: usize = 16;

impl Query {
    /// Parses fzf-style syntax. Repeated terms count once; at most [`MAX_TERMS`] are kept.
    pub fn parse(q: &str) -> Query {
        let mut terms = Vec::new();
        for raw in q.split_whitespace() {
            let mut t = raw;
            let negate = t.starts_with('!') && t.len() > 1;
            if negate {
                t = &t[1..];
            }
            let mut kind = TermKind::Fuzzy;
            if let Some(rest) = t.strip_prefix('\'').filter(|r| !r.is_empty()) {
                t = rest;
                kind = TermKind::Exact;
            } else if let Some(rest) = t.strip_prefix('^').filter(|r| !r.is_empty()) {
                t = rest;
                kind = TermKind::Prefix;
            } else if let Some(rest) = t.strip_suffix('$').filter(|r| !r.is_empty()) {
                t = rest;
                kind = TermKind::Suffix;
            }
            let text = fold(t).into_owned();
            if kind == TermKind::Fuzzy && (negate || cjk_count(&text) > 0) {
                kind = TermKind::Exact;
            }
            let case_sensitive = text.chars().any(char::is_uppercase);
            let term = Term {
                text,
                kind,
                negate,
                case_sensitive,
            };
            if !terms.contains(&term) {
                terms.push(term);
                if terms.len() == MAX_TERMS {
                    break;
                }
            }
        }
        let fuzzy: Vec<&str> = terms
            .iter()
            .filter(|t| !t.negate && t.kind == TermKind::Fuzzy)
            .map(|t| t.text.as_str())
            .collect();
        let phrase = (fuzzy.len() >= 2).then(|| fuzzy.join(" ").to_lowercase());
        Query { terms, phrase }
    }

    /// Folds text as this query needs: Traditional→Simplified only when a term has Chinese
    /// in it, full-width→half-width only when the text has full-width forms. An ASCII query
    /// over text without full-width forms borrows the text unchanged.
    pub fn fold<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        if self.terms.iter().any(|t| !t.text.is_ascii()) {
            fold(text)
        } else if has_full_width(text) {
            std::borrow::Cow::Owned(text.chars().map(crate::text::fold::half_width).collect())
        } else {
            std::borrow::Cow::Borrowed(text)
        }
    }

    /// True when there is nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.terms.iter().all(|t| t.negate)
    }

    /// A cheap test on unfolded text: false means the text cannot match. Checks each positive
    /// term's characters (in any of their folded forms) without folding the text.
    pub fn may_match(&self, raw: &str) -> bool {
        self.terms
            .iter()
            .filter(|t| !t.negate)
            .all(|t| may_contain(raw, t))
    }

    /// The score of folded text, or None: [`Query::matches`] without the positions, which
    /// is what ranking needs and costs less.
    pub fn score(&self, folded: &str, matcher: &SkimMatcherV2) -> Option<i64> {
        self.evaluate(folded, matcher, false).map(|(s, _)| s)
    }

    fn phrase_bonus(&self, folded: &str, score: i64) -> i64 {
        match &self.phrase {
            // The words together, as typed: above the same words scattered.
            Some(phrase) if contains_ignore_case(folded, phrase) => score + score / 2 + 50,
            _ => score,
        }
    }

    /// True when the terms need both languages: a Chinese term beside a Latin one
    /// (`revenue 營收`; `revenue !營收` finds pairs whose translation lacks the word), matched
    /// against the pair rather than one side.
    pub fn is_mixed(&self) -> bool {
        self.terms.iter().any(|t| cjk_count(&t.text) > 0)
            && self.terms.iter().any(|t| cjk_count(&t.text) == 0)
    }

    /// [`Query::may_match`] for a pair: every positive term may be in one side or the other.
    pub fn may_match_pair(&self, en: &str, zh: &str) -> bool {
        self.terms
            .iter()
            .filter(|t| !t.negate)
            .all(|t| may_contain(en, t) || may_contain(zh, t))
    }

    /// Scores a pair (both sides folded) for a mixed query: every term matches one side or
    /// the other, no negated term matches either. The score is the terms' scores summed.
    pub fn score_pair(&self, en: &str, zh: &str, matcher: &SkimMatcherV2) -> Option<i64> {
        if self.is_empty() {
            return None;
        }
        let mut score = 0;
        for t in &self.terms {
            let found =
                term_match(en, t, matcher, false).or_else(|| term_match(zh, t, matcher, false));
            match (found, t.negate) {
                (Some(_), true) | (None, false) => return None,
                (Some(m), false) => score += m.score,
                (None, true) => {}
            }
        }
        Some(score)
    }

    /// The character positions of the terms that match folded text, whether or not all do
    /// (one side of a pair a mixed query matched).
    pub fn positions_of_matching_terms(&self, folded: &str, matcher: &SkimMatcherV2) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .terms
            .iter()
            .filter(|t| !t.negate)
            .filter_map(|t| term_match(folded, t, matcher, true))
            .flat_map(|m| m.indices)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Matches folded text: the score and the matched character positions, or None.
    pub fn matches(&self, folded: &str, matcher: &SkimMatcherV2) -> Option<(i64, Vec<usize>)> {
        self.evaluate(folded, matcher, true)
    }

    /// Scores folded text term by term (with the positions when `positions`): the terms'
    /// scores, the phrase bonus, and the proximity bonus over the terms' character spans.
    fn evaluate(
        &self,
        folded: &str,
        matcher: &SkimMatcherV2,
        positions: bool,
    ) -> Option<(i64, Vec<usize>)> {
        if self.is_empty() {
            return None;
        }
        let mut score = 0i64;
        let mut indices = Vec::new();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut all_exact = true;
        for t in &self.terms {
            let found = term_match(folded, t, matcher, positions);
            match (found, t.negate) {
                (Some(_), true) | (None, false) => return None,
                (Some(m), false) => {
                    score += m.score;
                    all_exact &= m.exact;
                    spans.extend(m.span);
                    indices.extend(m.indices);
                }
                (None, true) => {}
            }
        }
        let with_phrase = self.phrase_bonus(folded, score);
        // The words as typed already earn the phrase bonus; otherwise terms on adjacent words
        // or close together earn theirs.
        score = if with_phrase != score {
            with_phrase
        } else {
            // Abbreviated terms ("cntct cntr") may stand for adjacent words; terms found as
            // typed are judged by the proximity of what was found.
            let adjacent =
                self.terms.len() >= 2 && !all_exact && adjacent_words(folded, &self.terms);
            score
                + proximity_bonus(&spans)
                + if adjacent {
                    ADJACENT_BONUS * (self.terms.len() as i64 - 1)
                } else {
                    0
                }
        };
        indices.sort_unstable();
        indices.dedup();
        Some((score, indices))
    }
}

/// The bonus per further term when the terms match consecutive words in order.
const ADJACENT_BONUS: i64 = 40;

/// True when the query's terms (all Latin fuzzy, none negated) match consecutive words in
/// order, each term's letters within its word and starting with the word's first letter
/// ("cntct cntr" in "our contact center").
fn adjacent_words(text: &str, terms: &[Term]) -> bool {
    const MAX_TERMS: usize = 8;
    if terms.len() > MAX_TERMS
        || terms
            .iter()
            .any(|t| t.negate || t.kind != TermKind::Fuzzy || !t.text.is_ascii())
    {
        return false;
    }
    let fits = |word: &str, t: &Term| {
        let mut chars = word.bytes();
        let pat = t.text.as_bytes();
        eq_byte(word.as_bytes()[0], pat[0], t.case_sensitive)
            && pat
                .iter()
                .all(|&p| chars.any(|c| eq_byte(c, p, t.case_sensitive)))
    };
    // run[j]: the words ending at this one match terms[0..=j].
    let mut run = [false; MAX_TERMS];
    let n = terms.len();
    // Words of ASCII letters and digits, any other byte of a multi-byte character included.
    for word in text
        .split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        for j in (1..n).rev() {
            run[j] = run[j - 1] && fits(word, &terms[j]);
        }
        run[0] = fits(word, &terms[0]);
        if run[n - 1] {
            return true;
        }
    }
    false
}

/// Terms that match close together ("cntct cntr": contact center) rank above the same terms
/// far apart: a bonus that shrinks with the characters between them.
fn proximity_bonus(spans: &[(usize, usize)]) -> i64 {
    if spans.len() < 2 {
        return 0;
    }
    let mut sorted = spans.to_vec();
    sorted.sort_unstable();
    // Two terms read in the same characters are not "close together".
    if sorted.windows(2).any(|w| w[1].0 <= w[0].1) {
        return 0;
    }
    let gap: usize = sorted
        .windows(2)
        .map(|w| w[1].0.saturating_sub(w[0].1))
        .sum();
    let per_pair = 40i64 - gap as i64;
    per_pair.max(0) * (spans.len() as i64 - 1)
}

/// How many bytes a fuzzy term's match may skip in all: "rvn" in "revenue" skips 2, "fcf" in
/// "free cash flow" skips 8.
pub const MAX_SKIPPED: usize = 10;

pub(super) fn eq_byte(a: u8, b: u8, case_sensitive: bool) -> bool {
    if case_sensitive {
        a == b
    } else {
        a.eq_ignore_ascii_case(&b)
    }
}

/// The forms of a term's first byte to look for with memchr2: itself, or its lower and upper
/// case.
fn first_byte_cases(pat: &[u8], case_sensitive: bool) -> Option<(u8, u8)> {
    let first = *pat.first()?;
    Some(if case_sensitive {
        (first, first)
    } else {
        (first.to_ascii_lowercase(), first.to_ascii_uppercase())
    })
}

/// Where an ASCII term matches `text` locally: its first exact occurrence, or else the first
/// window holding its characters in order with at most [`MAX_SKIPPED`] bytes skipped (the
/// earliest match from each start, which skips least). A byte range.
pub fn local_match(text: &str, term: &str, case_sensitive: bool) -> Option<std::ops::Range<usize>> {
    let (hay, pat) = (text.as_bytes(), term.as_bytes());
    let (lo, hi) = first_byte_cases(pat, case_sensitive)?;
    let span = pat.len() + MAX_SKIPPED;
    let mut greedy = None;
    let mut pos = 0;
    while let Some(i) = memchr::memchr2(lo, hi, &hay[pos..]) {
        let start = pos + i;
        let exact = hay.len() - start >= pat.len()
            && hay[start..start + pat.len()]
                .iter()
                .zip(pat)
                .all(|(a, b)| eq_byte(*a, *b, case_sensitive));
        if exact {
            return Some(start..start + pat.len());
        }
        if greedy.is_none() {
            let (mut j, mut k) = (start + 1, 1);
            let mut at = Vec::with_capacity(pat.len());
            at.push(start);
            while k < pat.len() && j < hay.len() && j - start < span {
                if eq_byte(hay[j], pat[k], case_sensitive) {
                    at.push(j);
                    k += 1;
                }
                j += 1;
            }
            if k == pat.len() && word_shaped(hay, &at) {
                greedy = Some(start..j);
            }
        }
        pos = start + 1;
    }
    greedy
}

/// Is a letter of a word (letters, digits, any byte of a multi-byte character)?
fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// A fuzzy match at byte positions `at` of `hay` that reads as typed words: inside one word
/// ("mrgn" in "margin"), or, over several words, the beginning of each word it takes letters
/// from ("gr marg" → "gross margin", without the space). Letters scattered over words
/// ("margin" in "su[m]mary [ar]e [g]ett[in]g") do not.
fn word_shaped(hay: &[u8], at: &[usize]) -> bool {
    let (Some(&first), Some(&last)) = (at.first(), at.last()) else {
        return true;
    };
    if hay[first..=last].iter().all(|&b| word_byte(b)) {
        return true;
    }
    let mut prev: Option<usize> = None;
    for &p in at {
        let same_word = prev.is_some_and(|q| hay[q..p].iter().all(|&b| word_byte(b)));
        let ok = if same_word {
            prev == Some(p - 1)
        } else {
            p == 0 || !word_byte(hay[p - 1])
        };
        if !ok {
            return false;
        }
        prev = Some(p);
    }
    true
}

/// The bonus per letter of a term matched as the initials of consecutive words.
const INITIALS_BONUS: i64 = 12;

/// Where a term's letters are the first letters of consecutive words ("fcf" in "our free cash
/// flow"): the byte range from the first word's start to the last word's first letter. Jumps
/// between the term's first letter with memchr (it runs on every candidate paragraph of a
/// keystroke).
pub fn initials_match(
    text: &str,
    term: &str,
    case_sensitive: bool,
) -> Option<std::ops::Range<usize>> {
    let (pat, hay) = (term.as_bytes(), text.as_bytes());
    let (lo, hi) = first_byte_cases(pat, case_sensitive)?;
    // Letters, digits, any byte of a multi-byte character, and an apostrophe inside a word.
    let word = |i: usize| {
        let b = hay[i];
        b.is_ascii_alphanumeric() || b >= 0x80 || b == b'\'' && i > 0 && hay[i - 1] != b' '
    };
    let mut pos = 0;
    while let Some(k) = memchr::memchr2(lo, hi, &hay[pos..]) {
        let start = pos + k;
        pos = start + 1;
        if start > 0 && word(start - 1) {
            continue;
        }
        // Walk the following word starts while they spell the rest of the term.
        let (mut at, mut matched) = (start, 1);
        while matched < pat.len() {
            let mut i = at;
            while i < hay.len() && word(i) {
                i += 1;
            }
            while i < hay.len() && !word(i) {
                i += 1;
            }
            if i >= hay.len() || !eq_byte(hay[i], pat[matched], case_sensitive) {
                break;
            }
            at = i;
            matched += 1;
        }
        if matched == pat.len() {
            return Some(start..at + 1);
        }
    }
    None
}

/// Is the term's first character, in any of its forms, in the raw text (and, for a Latin
/// fuzzy term, does it match locally)?
pub(super) fn may_contain(raw: &str, t: &Term) -> bool {
    let Some(first) = t.text.chars().next() else {
        return true;
    };
    if t.kind == TermKind::Fuzzy && t.text.is_ascii() {
        // Full-width letters in the text would fold to ASCII: let the full match decide.
        return has_full_width(raw) || local_match(raw, &t.text, t.case_sensitive).is_some();
    }
    if !first.is_ascii() {
        let mut buf = [0u8; 4];
        return variants(first).iter().any(|v| {
            memchr::memmem::find(raw.as_bytes(), v.encode_utf8(&mut buf).as_bytes()).is_some()
        });
    }
    if has_full_width(raw) {
        return true;
    }
    let bytes = raw.as_bytes();
    let mut pos = 0;
    for c in t.text.bytes() {
        let (lo, hi) = if t.case_sensitive {
            (c, c)
        } else {
            (c.to_ascii_lowercase(), c.to_ascii_uppercase())
        };
        match memchr::memchr2(lo, hi, &bytes[pos..]) {
            Some(i) => pos += i + 1,
            None => return false,
        }
        if t.kind != TermKind::Fuzzy && !c.is_ascii() {
            return true;
        }
    }
    true
}

/// Case-insensitive (ASCII) substring test without allocating; `needle` is lower case.
pub(super) fn contains_ignore_case(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else { return true };
    let mut pos = 0;
    while let Some(i) = memchr::memchr2(first, first.to_ascii_uppercase(), &h[pos..]) {
        let start = pos + i;
        if h.len() - start >= n.len() && h[start..start + n.len()].eq_ignore_ascii_case(n) {
            return true;
        }
        pos = start + 1;
    }
    false
}

/// Full-width ASCII forms (U+FF01..FF5E) start with the byte 0xEF in UTF-8.
pub(super) fn has_full_width(raw: &str) -> bool {
    memchr::memchr(0xEF, raw.as_bytes()).is_some()
        && raw.chars().any(|c| ('\u{FF01}'..='\u{FF5E}').contains(&c))
}

/// One term's match: its score, its first and last character, and (when asked) every matched
/// character position.
pub(super) struct TermMatch {
    score: i64,
    /// Found as typed (a contiguous occurrence), not as scattered letters.
    exact: bool,
    span: Option<(usize, usize)>,
    indices: Vec<usize>,
}

/// Matches one term; the positions are computed only when `positions` (ranking needs the
/// score and the span alone).
fn term_match(text: &str, t: &Term, matcher: &SkimMatcherV2, positions: bool) -> Option<TermMatch> {
    if t.kind == TermKind::Fuzzy && t.text.is_ascii() {
        // The initials of consecutive words ("fcf": free cash flow) rank above letters found
        // inside words: the first such window, scored with a bonus; else the first exact or
        // local window.
        let scored = |window: std::ops::Range<usize>, bonus: i64| {
            let score = matcher.fuzzy_match(&text[window.clone()], &t.text)? + bonus;
            Some((score, window))
        };
        let local_window = local_match(text, &t.text, t.case_sensitive);
        // A word typed whole and found whole needs no initials.
        let exact = local_window
            .as_ref()
            .is_some_and(|w| w.len() == t.text.len());
        let initials = (t.text.len() >= 2 && !exact)
            .then(|| initials_match(text, &t.text, t.case_sensitive))
            .flatten()
            .and_then(|w| scored(w, INITIALS_BONUS * t.text.len() as i64));
        let local = local_window.and_then(|w| scored(w, 0));
        let ((score, window), by_initials) = match (initials, local) {
            (Some(a), Some(b)) => {
                if a.0 >= b.0 {
                    (a, true)
                } else {
                    (b, false)
                }
            }
            (Some(a), None) => (a, true),
            (None, b) => (b?, false),
        };
        // Only a term read as a word (inside one word, or as initials) counts for proximity:
        // letters scattered over several words are not "close together". Byte offsets.
        let word_like = by_initials || !text[window.clone()].contains(char::is_whitespace);
        let span = word_like.then(|| (window.start, window.end.saturating_sub(1)));
        let indices = if positions {
            let offset = text[..window.start].chars().count();
            matcher
                .fuzzy_indices(&text[window], &t.text)
                .map(|(_, idx)| idx.into_iter().map(|i| i + offset).collect())
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        return Some(TermMatch {
            score,
            exact: exact && !by_initials,
            span,
            indices,
        });
    }
    if t.kind == TermKind::Fuzzy && !positions {
        // A Chinese fuzzy term: no span (it takes no part in the proximity bonus).
        return matcher.fuzzy_match(text, &t.text).map(|score| TermMatch {
            score,
            exact: false,
            span: None,
            indices: Vec::new(),
        });
    }
    // Other terms take no part in the proximity bonus (it reads Latin words).
    let (score, indices) = match_term(text, t, matcher)?;
    Some(TermMatch {
        score,
        exact: t.kind != TermKind::Fuzzy,
        span: None,
        indices,
    })
}

pub(super) fn match_term(
    text: &str,
    t: &Term,
    matcher: &SkimMatcherV2,
) -> Option<(i64, Vec<usize>)> {
    match t.kind {
        TermKind::Fuzzy if t.text.is_ascii() => {
            let m = term_match(text, t, matcher, true)?;
            Some((m.score, m.indices))
        }
        TermKind::Fuzzy => matcher.fuzzy_indices(text, &t.text),
        TermKind::Exact | TermKind::Prefix | TermKind::Suffix => {
            let (hay, needle) = if t.case_sensitive {
                (text.to_string(), t.text.clone())
            } else {
                (text.to_lowercase(), t.text.to_lowercase())
            };
            // Lower-casing may change byte lengths, not character counts: work in characters.
            let byte = match t.kind {
                TermKind::Prefix => hay
                    .trim_start()
                    .starts_with(&needle)
                    .then(|| hay.len() - hay.trim_start().len()),
                TermKind::Suffix => hay
                    .trim_end()
                    .ends_with(&needle)
                    .then(|| hay.trim_end().len() - needle.len()),
                _ => hay.find(&needle),
            }?;
            let start = hay[..byte].chars().count();
            let n = needle.chars().count();
            // Scored like a run of consecutive fuzzy hits, a little above.
            Some((20 * n as i64 + 10, (start..start + n).collect()))
        }
    }
}

/// The matcher used everywhere (smart case).
pub fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().smart_case()
}
