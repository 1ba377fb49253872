//! Names and terms: how the translation renders the call's own names (the company, its
//! products, the people on the call) and its capitalised terms, paragraph by paragraph.
//!
//! Names come from the call itself: the speakers, the company, and words and phrases the
//! English capitalises in mid-sentence (two times or more). For each, the pairs whose English
//! has it are split into those whose Chinese keeps it in Latin letters and the others; in the
//! others, the rendering is the Chinese string (two to four Han characters) found in most of
//! them and rarely in the rest of the call, a statistical alignment of one term, with no
//! dictionary and no model.
//!
//! A `name` finding is the clear case only: a name the translation keeps in Latin in most of
//! its paragraphs (three or more) but turns into Chinese words in a few (Asana's call renders
//! "Asana" as 體式, the yoga word, in four paragraphs and keeps it everywhere else).

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::transcript::Transcript;

/// One way a term is rendered in the Chinese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rendering {
    /// The Chinese as written (for a term kept in Latin letters, the term itself).
    pub text: String,
    /// Kept in Latin letters.
    pub latin: bool,
    /// The paragraph pairs (flat indices) where it is.
    #[serde(skip)]
    pub paragraphs: Vec<usize>,
    /// How many pairs.
    pub count: usize,
}

/// A term of the call and its renderings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    /// The English, as the call writes it.
    pub english: String,
    /// Where it comes from: "speaker", "company" or "name" (capitalised in the English).
    pub source: &'static str,
    /// Pairs whose English has it (and that have a Chinese).
    pub pairs: usize,
    /// Its renderings, most frequent first.
    pub renderings: Vec<Rendering>,
    /// Pairs where neither its Latin form nor a rendering was found (dropped, or rendered in
    /// a form used once).
    pub unmatched: Vec<usize>,
}

/// Words that start sentences or are capitalised for other reasons than being names.
const NOT_NAMES: &[&str] = &[
    "I",
    "The",
    "We",
    "Our",
    "And",
    "But",
    "So",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "In",
    "On",
    "For",
    "As",
    "At",
    "With",
    "If",
    "Yes",
    "No",
    "Thank",
    "Thanks",
    "Okay",
    "OK",
    "Q",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "FY",
    "CEO",
    "CFO",
    "COO",
    "EPS",
    "GAAP",
    "Non",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Operator",
    "Hi",
    "Good",
    "Great",
    "Sure",
    "Well",
    "Now",
    "Just",
    "Also",
    "Then",
    "What",
    "How",
    "Can",
    "You",
    "They",
    "He",
    "She",
    "My",
    "Let",
    "Turning",
    "Moving",
    "Looking",
    "Again",
    "First",
    "Second",
    "Third",
    "Finally",
    "Overall",
    "Or",
    "To",
    "Of",
    "A",
    "An",
    "There",
    "When",
    "Where",
    "Is",
    "Are",
    "Do",
    "Does",
    "Did",
    "Any",
    "All",
    "Some",
    "Mr",
    "Ms",
    "Inc",
    "US",
    "U",
    "S",
];

/// [`NOT_NAMES`] as a set.
fn not_names() -> &'static HashSet<&'static str> {
    static SET: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| NOT_NAMES.iter().copied().collect())
}

/// Capitalised words and phrases of the English that are not sentence starts, written at
/// least `min` times.
fn capitalised_terms(english: &[&str], min: usize) -> Vec<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for text in english {
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut i = 0;
        while i < words.len() {
            fn clean(w: &str) -> &str {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .trim_end_matches("'s")
            }
            let starts_sentence = i == 0 || words[i - 1].ends_with(['.', '?', '!', ':', '"']);
            let is_cap = |w: &str| {
                let w = clean(w);
                w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
                    && w.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-')
                    && (w.len() <= 5 || w.bytes().any(|c| c.is_ascii_lowercase()))
                    && !not_names().contains(w)
            };
            if starts_sentence || !is_cap(words[i]) {
                i += 1;
                continue;
            }
            // A phrase: up to three capitalised words in a row, not across punctuation.
            let mut j = i + 1;
            while j < words.len()
                && j < i + 3
                && is_cap(words[j])
                && !words[j - 1].ends_with([',', '.', ';', ':', '?', '!'])
            {
                j += 1;
            }
            let phrase: Vec<&str> = words[i..j].iter().map(|w| clean(w)).collect();
            *counts.entry(phrase.join(" ")).or_default() += 1;
            i = j;
        }
    }
    let mut out: Vec<(String, usize)> = counts
        .into_iter()
        .filter(|(t, n)| *n >= min && t.len() >= 2)
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out.into_iter().map(|(t, _)| t).collect()
}

/// True when `text` has `term` as whole words (ASCII case-insensitive when `fold`).
fn has_words(text: &str, term: &str, fold: bool) -> bool {
    count_words(text, term, fold) > 0
}

/// Where `term` stands as whole words in `text`, each as a share of its length (0 to 1).
fn positions(text: &str, term: &str, fold: bool) -> Vec<f64> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = first_word_at(&text[from..], term, fold) {
        out.push((from + at) as f64 / text.len().max(1) as f64);
        from += at + term.len();
    }
    out
}

/// How many times `text` has `term` as whole words.
fn count_words(text: &str, term: &str, fold: bool) -> usize {
    let mut n = 0;
    let mut rest = text;
    while let Some(at) = first_word_at(rest, term, fold) {
        n += 1;
        rest = &rest[at + term.len()..];
    }
    n
}

/// The byte offset of the first whole-word `term` in `text` (no allocation: this runs for
/// every term over every paragraph).
fn first_word_at(text: &str, term: &str, fold: bool) -> Option<usize> {
    let (hay, needle) = (text.as_bytes(), term.as_bytes());
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    let first = needle[0];
    let mut at = 0;
    while at + needle.len() <= hay.len() {
        let found = if fold {
            (at..=hay.len() - needle.len()).find(|&i| {
                hay[i].eq_ignore_ascii_case(&first)
                    && hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
            })
        } else {
            memchr::memmem::find(&hay[at..], needle).map(|i| at + i)
        };
        let start = found?;
        let end = start + needle.len();
        let before = start.checked_sub(1).map(|i| hay[i]);
        let after = hay.get(end).copied();
        if !before.is_some_and(|b| b.is_ascii_alphanumeric())
            && !after.is_some_and(|b| b.is_ascii_alphanumeric())
        {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

/// The Han n-grams (two to four characters) of a text, borrowed from it.
fn han_grams(text: &str) -> HashSet<&str> {
    let mut out = HashSet::new();
    for run in text.split(|c: char| !crate::text::script::is_han(c)) {
        let starts: Vec<usize> = run
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(run.len()))
            .collect();
        for n in 2..=4 {
            for w in starts.windows(n + 1) {
                out.insert(&run[w[0]..w[n]]);
            }
        }
    }
    out
}

/// Files with more pairs than this get no terms (see [`terms`]).
pub const MAX_PAIRS: usize = 5_000;

/// The terms of a call and how its translation renders each.
pub fn terms(t: &Transcript) -> Vec<Term> {
    collect(t, false)
}

/// What [`name_findings`] needs: only the terms kept in Latin letters three times or more
/// and rendered otherwise somewhere (the check runs this on every call; the full list is for
/// the terms view).
pub fn name_candidates(t: &Transcript) -> Vec<Term> {
    collect(t, true)
}

/// A paragraph pair of a call: its paragraph number, English and Chinese.
type Pair<'a> = (usize, &'a str, &'a str);

/// The Han n-grams of the pairs that needed them so far, by pair index (see [`han_grams`]).
type Grams<'a> = HashMap<usize, HashSet<&'a str>>;

/// The terms of a call ([`candidate_terms`]) and how its translation renders each
/// ([`term_of`]), less the terms inside a longer one with the same pairs; most pairs first.
/// `for_findings` keeps only what [`name_findings`] can use.
fn collect(t: &Transcript, for_findings: bool) -> Vec<Term> {
    let pairs: Vec<Pair> = t
        .paragraphs()
        .enumerate()
        .filter_map(|(n, (_, p))| Some((n, p.en.as_deref()?, p.zh.as_deref()?)))
        .collect();
    // A call has a few hundred pairs; a file of tens of thousands is not one call, and its
    // names are not one call's names.
    if pairs.is_empty() || pairs.len() > MAX_PAIRS {
        return Vec::new();
    }
    let candidates = candidate_terms(t, &pairs);
    // Han strings of a pair, computed for the pairs that need them only.
    let mut grams: Grams = HashMap::new();
    let mut out = Vec::new();
    for (term, source) in candidates {
        if let Some(found) = term_of(&pairs, term, source, for_findings, &mut grams) {
            out.push(found);
        }
    }
    // Terms inside a longer term with the same pairs add nothing ("Contact" in "Contact
    // Center").
    let snapshot = out.clone();
    out.retain(|t| {
        !snapshot
            .iter()
            .any(|o| o.english != t.english && o.english.contains(&t.english) && o.pairs == t.pairs)
    });
    out.sort_by(|a, b| b.pairs.cmp(&a.pairs).then(a.english.cmp(&b.english)));
    out
}

/// The terms to look for, each with where it comes from: the company, the speakers (but the
/// operator) with two names or more, then the names the English capitalises twice or more;
/// ASCII, two bytes or more, each once (ignoring ASCII case), in that order.
fn candidate_terms(t: &Transcript, pairs: &[Pair]) -> Vec<(String, &'static str)> {
    let mut candidates: Vec<(String, &'static str)> = Vec::new();
    let mut push = |term: String, source: &'static str| {
        let term = term.trim().to_string();
        if term.len() >= 2
            && term.is_ascii()
            && !candidates
                .iter()
                .any(|(c, _)| c.eq_ignore_ascii_case(&term))
        {
            candidates.push((term, source));
        }
    };
    if let Some(c) = t.company() {
        push(c, "company");
    }
    for s in &t.speakers {
        if s.role != crate::transcript::Role::Operator && s.name.split_whitespace().count() >= 2 {
            push(s.name.clone(), "speaker");
        }
    }
    let english: Vec<&str> = pairs.iter().map(|(_, en, _)| *en).collect();
    for term in capitalised_terms(&english, 2) {
        push(term, "name");
    }
    candidates
}

/// One term and its renderings: the pairs whose English has it, those whose Chinese keeps it
/// in Latin letters, and the Chinese renderings of the others ([`han_renderings`]). None when
/// the English never has it, or (`for_findings`) when it can give no finding.
fn term_of<'a>(
    pairs: &[Pair<'a>],
    term: String,
    source: &'static str,
    for_findings: bool,
    grams: &mut Grams<'a>,
) -> Option<Term> {
    let finder = memchr::memmem::Finder::new(term.as_bytes());
    // For findings, a term the Chinese keeps in fewer than three paragraphs cannot give
    // one: a quick count before anything else.
    if for_findings
        && pairs
            .iter()
            .filter(|(_, _, zh)| finder.find(zh.as_bytes()).is_some())
            .take(3)
            .count()
            < 3
    {
        return None;
    }
    let with: Vec<usize> = (0..pairs.len())
        .filter(|&i| {
            finder.find(pairs[i].1.as_bytes()).is_some() && has_words(pairs[i].1, &term, false)
        })
        .collect();
    // Pairs whose English has the term in any case ("our contact center business" beside
    // "Contact Center"): a rendering there is no sign it belongs to something else.
    let in_with: Vec<bool> = (0..pairs.len())
        .map(|i| has_words(pairs[i].1, &term, true))
        .collect();
    if with.is_empty() {
        return None;
    }
    let kept: Vec<usize> = with
        .iter()
        .copied()
        .filter(|&i| has_words(pairs[i].2, &term, true))
        .collect();
    // Pairs where the Chinese keeps the term fewer times than the English has it: some
    // occurrence is rendered otherwise (or dropped).
    let other: Vec<usize> = with
        .iter()
        .copied()
        .filter(|&i| count_words(pairs[i].2, &term, true) < count_words(pairs[i].1, &term, false))
        .collect();
    if for_findings && (kept.len() < 3 || other.len() < 2) {
        return None;
    }
    let mut renderings = Vec::new();
    if !kept.is_empty() {
        renderings.push(Rendering {
            text: term.clone(),
            latin: true,
            count: kept.len(),
            paragraphs: kept.iter().map(|&i| pairs[i].0).collect(),
        });
    }
    let (unmatched, unplaced) = han_renderings(
        pairs,
        &term,
        source,
        other,
        &in_with,
        for_findings,
        grams,
        &mut renderings,
    );
    renderings.sort_by_key(|r| std::cmp::Reverse(r.count));
    Some(Term {
        english: term,
        source,
        pairs: with.len(),
        renderings,
        unmatched: unmatched
            .iter()
            .chain(&unplaced)
            .map(|&i| pairs[i].0)
            .collect(),
    })
}

/// Renderings: a Han string most of the remaining pairs (`unmatched`, first those that do not
/// keep the term) share and the pairs without the term seldom have; taken one at a time until
/// none is left or there are four renderings. Each is pushed to `renderings` when it stands
/// where the term stands; the pairs of one that does not are unplaced. Returns the pairs left
/// unmatched and the unplaced ones (pair indexes).
#[allow(clippy::too_many_arguments)]
fn han_renderings<'a>(
    pairs: &[Pair<'a>],
    term: &str,
    source: &str,
    mut unmatched: Vec<usize>,
    in_with: &[bool],
    for_findings: bool,
    grams: &mut Grams<'a>,
    renderings: &mut Vec<Rendering>,
) -> (Vec<usize>, Vec<usize>) {
    let mut unplaced = Vec::new();
    while !unmatched.is_empty() && renderings.len() < 4 {
        for &i in &unmatched {
            grams.entry(i).or_insert_with(|| han_grams(pairs[i].2));
        }
        // One pair is evidence enough only for a person's name (a speaker named once); any
        // other term needs its rendering in two pairs.
        let need = if unmatched.len() == 1 && !for_findings && source == "speaker" {
            1
        } else {
            2
        };
        let Some(g) = best_gram(pairs, &unmatched, in_with, grams, need) else {
            break;
        };
        let g = trim_particles(&extend_gram(
            pairs,
            &unmatched,
            &longest_piece(&extend_gram(pairs, &unmatched, g)),
        ));
        let here: Vec<usize> = unmatched
            .iter()
            .copied()
            .filter(|&i| pairs[i].2.contains(g.as_str()))
            .collect();
        unmatched.retain(|i| !here.contains(i));
        if !in_place(pairs, &here, &g, term) {
            unplaced.extend(here);
            continue;
        }
        renderings.push(Rendering {
            text: g,
            latin: false,
            count: here.len(),
            paragraphs: here.iter().map(|&i| pairs[i].0).collect(),
        });
    }
    (unmatched, unplaced)
}

/// The Han string shared by the most `unmatched` pairs (at least `need` of them, among the 40
/// most shared, longest first on a tie) that the pairs without the term (not `in_with`) have
/// at most half as often; on a tie, the one fewest of those have, then the longest.
fn best_gram<'g>(
    pairs: &[Pair],
    unmatched: &[usize],
    in_with: &[bool],
    grams: &'g Grams,
    need: usize,
) -> Option<&'g str> {
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for i in unmatched {
        for g in &grams[i] {
            *freq.entry(g).or_default() += 1;
        }
    }
    let mut best: Option<(&str, usize, usize)> = None;
    let mut tops: Vec<(&str, usize)> = freq.into_iter().filter(|(_, a)| *a >= need).collect();
    // A total order (the string last), so that ties never fall to hash order and every run
    // reports the same rendering.
    tops.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(b.0.len().cmp(&a.0.len()))
            .then(a.0.cmp(b.0))
    });
    for (g, a) in tops.into_iter().take(40) {
        let elsewhere = (0..pairs.len())
            .filter(|&i| !in_with[i] && pairs[i].2.contains(g))
            .count();
        // Specific to the term: rarely where the English does not have it.
        if elsewhere * 2 > a {
            continue;
        }
        let better = match best {
            None => true,
            Some((bg, ba, be)) => {
                (a, std::cmp::Reverse(elsewhere), g.len()) > (ba, std::cmp::Reverse(be), bg.len())
            }
        };
        if better {
            best = Some((g, a, elsewhere));
        }
    }
    best.map(|(g, _, _)| g)
}

/// The rendering a shared string is part of: while most of its occurrences in the `unmatched`
/// pairs go on with the same Han character (人工智 → 人工智慧), or come after the same one, the
/// string takes it, up to eight characters. A string that stops mid-word is never reported.
fn extend_gram(pairs: &[Pair], unmatched: &[usize], g: &str) -> String {
    let mut g = g.to_string();
    for right in [true, false] {
        while g.chars().count() < 8 {
            let mut next: HashMap<char, usize> = HashMap::new();
            let mut seen = 0usize;
            for &i in unmatched {
                let zh = pairs[i].2;
                for (at, _) in zh.match_indices(g.as_str()) {
                    seen += 1;
                    let c = if right {
                        zh[at + g.len()..].chars().next()
                    } else {
                        zh[..at].chars().next_back()
                    };
                    if let Some(c) = c.filter(|c| crate::text::script::is_han(*c)) {
                        *next.entry(c).or_default() += 1;
                    }
                }
            }
            let best = next
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)));
            match best {
                // Most occurrences, and at least two, go on the same way.
                Some((c, n))
                    if n >= 2
                        && n * 2 > seen
                        && !PARTICLES.contains(&c)
                        && !SENTENCE_WORDS.contains(&c) =>
                {
                    if right {
                        g.push(c);
                    } else {
                        g.insert(0, c);
                    }
                }
                _ => break,
            }
        }
    }
    g
}

/// The longest piece of a string between particles (工智能驅動的未來 → 工智能驅動): a shared
/// phrase holds the rendering and the words around it.
fn longest_piece(g: &str) -> String {
    // 和, 與, 及 join the parts of one name (中東和非洲地區); the others end a phrase.
    const ENDS: [char; 6] = ['的', '了', '是', '在', '將', '為'];
    g.split(|c: char| ENDS.contains(&c))
        .max_by_key(|p| p.chars().count())
        .filter(|p| p.chars().count() >= 2)
        .unwrap_or(g)
        .to_string()
}

/// Characters of the sentence around a name, never of the name: pronouns and common verbs and
/// adverbs (紐約 is not 紐約見到您).
const SENTENCE_WORDS: [char; 16] = [
    '您', '你', '我', '他', '她', '們', '见', '見', '到', '就', '也', '都', '會', '說', '很', '更',
];

/// Characters that join a name to its sentence rather than belong to it.
const PARTICLES: [char; 12] = [
    '的', '和', '了', '在', '是', '與', '及', '之', '將', '為', '并', '並',
];

/// Particles at either end belong to the sentence, not the name (微軟的 → 微軟); two
/// characters are always kept.
fn trim_particles(g: &str) -> String {
    let particles = PARTICLES;
    let mut g = g.to_string();
    while g.chars().count() > 2 && g.ends_with(particles) {
        g.pop();
    }
    while g.chars().count() > 2 && g.starts_with(particles) {
        g.remove(0);
    }
    g
}

/// A rendering stands where the term stands: at about the same place in the paragraph on
/// both sides, in two thirds of the pairs `here` (all of them when there are fewer than
/// three). A string shared by paragraphs that dropped the name stands anywhere.
fn in_place(pairs: &[Pair], here: &[usize], g: &str, term: &str) -> bool {
    let placed = here
        .iter()
        .filter(|&&i| {
            let (_, en, zh) = pairs[i];
            let z: Vec<f64> = zh
                .match_indices(g)
                .map(|(at, _)| at as f64 / zh.len().max(1) as f64)
                .collect();
            positions(en, term, false)
                .iter()
                .any(|e| z.iter().any(|z| (e - z).abs() <= 0.3))
        })
        .count();
    if here.len() < 3 {
        // Few pairs are weak evidence: each must also hold it in the Chinese sentence the
        // sentence aligner links to the English sentence with the term.
        placed == here.len() && here.iter().all(|&i| in_linked_sentence(pairs[i], g, term))
    } else {
        placed * 3 >= here.len() * 2
    }
}

/// True when `g` stands in the Chinese the sentence aligner links to an English sentence that
/// has `term`.
fn in_linked_sentence(pair: Pair, g: &str, term: &str) -> bool {
    let (_, en, zh) = pair;
    let links = crate::align::link_ranges(en, zh);
    links.iter().any(|(e, z)| match (e, z) {
        (Some(e), Some(z)) => has_words(&en[e.clone()], term, false) && zh[z.clone()].contains(g),
        _ => false,
    })
}

/// `name` findings: a name kept in Latin letters in most of its paragraphs (three or more, and
/// at least twice as often as it is rendered otherwise) but turned into the same
/// Chinese words in a few (two or more). Returns (paragraph, the term, the rendering, how often it is kept).
pub fn name_findings(terms: &[Term]) -> Vec<(usize, String, String, usize)> {
    let mut out = Vec::new();
    for t in terms {
        let Some(kept) = t.renderings.iter().find(|r| r.latin) else {
            continue;
        };
        for r in t.renderings.iter().filter(|r| !r.latin) {
            if r.count >= 2 && kept.count >= 3 && kept.count >= 2 * r.count {
                for &p in &r.paragraphs {
                    out.push((p, t.english.clone(), r.text.clone(), kept.count));
                }
            }
        }
    }
    out.sort();
    out
}

/// A term's renderings across a library (see [`across`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LibraryTerm {
    /// The English.
    pub english: String,
    /// How many calls have it.
    pub calls: usize,
    /// Its renderings: text, kept in Latin, pairs, calls.
    pub renderings: Vec<LibraryRendering>,
}

/// One rendering of a term across a library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LibraryRendering {
    /// The Chinese (or the term, kept in Latin letters).
    pub text: String,
    /// Kept in Latin letters.
    pub latin: bool,
    /// Pairs, over all calls.
    pub count: usize,
    /// Calls where it is used.
    pub calls: usize,
}

/// The terms of two or more calls rendered in more than one way across them (a term kept in
/// Latin in one call and translated in another, or translated two ways), most calls first.
pub fn across(per_call: &[Vec<Term>]) -> Vec<LibraryTerm> {
    let mut by: HashMap<String, (usize, Vec<LibraryRendering>)> = HashMap::new();
    for terms in per_call {
        for t in terms {
            let entry = by.entry(t.english.clone()).or_default();
            entry.0 += 1;
            for r in &t.renderings {
                match entry.1.iter_mut().find(|x| x.text == r.text) {
                    Some(x) => {
                        x.count += r.count;
                        x.calls += 1;
                    }
                    None => entry.1.push(LibraryRendering {
                        text: r.text.clone(),
                        latin: r.latin,
                        count: r.count,
                        calls: 1,
                    }),
                }
            }
        }
    }
    let mut out: Vec<LibraryTerm> = by
        .into_iter()
        .filter(|(_, (calls, r))| *calls >= 2 && r.len() >= 2)
        .map(|(english, (calls, mut renderings))| {
            renderings.sort_by(|a, b| b.count.cmp(&a.count).then(a.text.cmp(&b.text)));
            LibraryTerm {
                english,
                calls,
                renderings,
            }
        })
        .collect();
    out.sort_by(|a, b| b.calls.cmp(&a.calls).then(a.english.cmp(&b.english)));
    out
}
