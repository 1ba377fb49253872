//! #25: comparing two translations. Disagreements injected into a second translation of the
//! bundled calls (the check's injected errors, plus names rendered otherwise, sentences left
//! out and paragraphs left in English) must be found as their kind, in either script; a
//! translation compared with itself in the other script, or in full-width digits, must show
//! none. `cargo test --test compare -- --nocapture` prints the table README quotes.

mod common;

use std::collections::BTreeMap;

use callread::compare::{DiffKind, compare_pair};
use callread::transcript::Paragraph;
use common::inject::{self, inject};

/// What is injected into the second translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Injected {
    /// One of the check's figure and direction errors.
    Check(inject::Error),
    /// A Latin name of the English written in Chinese words.
    Name,
    /// One sentence of the paragraph left out.
    Sentence,
    /// The paragraph left in English.
    English,
}

impl Injected {
    fn kind(self) -> DiffKind {
        match self {
            Injected::Check(inject::Error::Direction) => DiffKind::Direction,
            Injected::Check(inject::Error::Truncated) | Injected::Sentence => DiffKind::Omission,
            Injected::Check(_) => DiffKind::Figure,
            Injected::Name => DiffKind::Name,
            Injected::English => DiffKind::Untranslated,
        }
    }
}

/// A Latin word of the English (three letters or more) written in Chinese words instead.
fn rename(en: &str, zh: &str) -> Option<String> {
    let en_lower = en.to_ascii_lowercase();
    let mut start = None;
    for (i, c) in zh.char_indices().chain(std::iter::once((zh.len(), ' '))) {
        match (start, c.is_ascii_alphabetic()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = &zh[s..i];
                start = None;
                let boundary = |b: Option<u8>| b.is_none_or(|b| !b.is_ascii_alphanumeric());
                let in_en = en_lower.match_indices(&word.to_ascii_lowercase()).any(|(at, w)| {
                    boundary(at.checked_sub(1).map(|k| en_lower.as_bytes()[k]))
                        && boundary(en_lower.as_bytes().get(at + w.len()).copied())
                });
                if word.len() >= 3 && in_en {
                    return Some(format!("{}該公司{}", &zh[..s], &zh[i..]));
                }
            }
            _ => {}
        }
    }
    None
}

/// The paragraph without one of its sentences of ten characters or more (the `k`-th such,
/// cycling), when it has two sentences or more.
fn drop_sentence(zh: &str, k: usize) -> Option<String> {
    let sentences = callread::align::chinese_sentences(zh);
    if sentences.len() < 2 {
        return None;
    }
    let long: Vec<_> = sentences
        .iter()
        .filter(|r| zh[(*r).clone()].chars().count() >= 10)
        .collect();
    let r = long.get(k % long.len().max(1))?;
    Some(format!("{}{}", &zh[..r.start], &zh[r.end..]))
}

#[test]
fn injected_disagreements_are_found_and_scripts_alone_are_none() {
    let mut tried = BTreeMap::<Injected, usize>::new();
    let mut found = BTreeMap::<Injected, usize>::new();
    let mut missed = Vec::new();
    let mut false_alarms = Vec::new();
    let mut pairs_compared = 0;
    for script in ["Traditional", "Simplified"] {
        for seed in ["000", "001", "002", "003", "004"] {
            let t = common::load(common::seed_text(seed));
            let pairs: Vec<&Paragraph> = t.paragraphs().map(|(_, p)| p).collect();
            let convert = |s: &str| {
                if script == "Simplified" {
                    fast2s::convert(s)
                } else {
                    s.to_string()
                }
            };
            for (i, p) in pairs.iter().enumerate() {
                let (Some(en), Some(zh)) = (p.en.as_deref(), p.zh.as_deref()) else {
                    continue;
                };
                if callread::transcript::parse::is_untranslated(en, zh) {
                    continue;
                }
                // The same translation, in the other script or in full-width forms: nothing.
                pairs_compared += 1;
                let wide: String = zh
                    .chars()
                    .map(|c| match c {
                        '0'..='9' | '%' | '$' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
                        _ => c,
                    })
                    .collect();
                for other in [convert(zh), wide] {
                    let d = compare_pair(en, Some(zh), Some(&other));
                    if !d.is_empty() {
                        false_alarms.push((script, seed, p.line, d));
                    }
                }
                let next = pairs.get(i + 1).and_then(|n| n.zh.as_deref());
                let mut cases: Vec<(Injected, String)> = inject::ALL
                    .iter()
                    .filter_map(|&e| inject(e, zh, next).map(|bad| (Injected::Check(e), bad)))
                    .collect();
                cases.extend(rename(en, zh).map(|bad| (Injected::Name, bad)));
                cases.extend(drop_sentence(zh, i).map(|bad| (Injected::Sentence, bad)));
                cases.push((Injected::English, en.to_string()));
                for (what, bad) in cases {
                    let other = convert(&bad);
                    let d = compare_pair(en, Some(zh), Some(&other));
                    *tried.entry(what).or_default() += 1;
                    // A neighbour's translation is found by whatever differs (figures, names,
                    // length); the others by their own kind.
                    let misaligned = what == Injected::Check(inject::Error::Misaligned);
                    if d.iter().any(|d| d.kind == what.kind() || misaligned) {
                        *found.entry(what).or_default() += 1;
                    } else {
                        missed.push((what, script, seed, p.line, bad, d));
                    }
                }
            }
        }
    }
    println!("| disagreement injected | kind expected | tried | found |\n| --- | --- | --- | --- |");
    let (mut all, mut all_found) = (0, 0);
    let mut per_kind = BTreeMap::<&str, (usize, usize)>::new();
    for (what, n) in &tried {
        let f = found.get(what).copied().unwrap_or(0);
        println!(
            "| {what:?} | {} | {n} | {f} ({:.0}%) |",
            if *what == Injected::Check(inject::Error::Misaligned) {
                "any"
            } else {
                what.kind().name()
            },
            100.0 * f as f64 / *n as f64
        );
        let e = per_kind.entry(what.kind().name()).or_default();
        e.0 += n;
        e.1 += f;
        all += n;
        all_found += f;
    }
    println!(
        "| all | | {all} | {all_found} ({:.1}%) |",
        100.0 * all_found as f64 / all as f64
    );
    for m in missed.iter().take(30) {
        println!("missed {m:?}");
    }
    println!("{pairs_compared} pairs compared with themselves in the other script and in full width");
    for f in false_alarms.iter().take(20) {
        println!("false alarm {f:?}");
    }
    assert!(false_alarms.is_empty(), "{} false alarms", false_alarms.len());
    for (kind, (n, f)) in per_kind {
        assert!(
            f * 10 >= n * 9,
            "{kind}: {f} of {n} injected disagreements found (90% needed)"
        );
    }
}
