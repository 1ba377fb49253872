//! Periods and directions: which quarter, year or half a figure is for, resolved from the
//! call's own period, and whether the call raised, lowered, reiterated, narrowed or initiated it.

use std::sync::LazyLock;

use regex::Regex;

use super::re;
use crate::text::numbers::{Unit, english};
use crate::transcript::Transcript;

/// The call's own period: the quarter and fiscal year it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CallPeriod {
    /// 1 to 4, if the opening says.
    pub quarter: Option<u8>,
    /// The fiscal year, if the opening says.
    pub year: Option<u16>,
}

/// Reads the reported quarter and year from the first paragraphs ("Zoom's Q2 FY25 earnings
/// webinar", "the Q2 2024 8x8, Inc. Earnings Conference Call").
pub fn call_period(t: &Transcript) -> CallPeriod {
    let mut p = CallPeriod::default();
    for (_, para) in t.paragraphs().take(8) {
        let Some(en) = para.en.as_deref() else {
            continue;
        };
        for q in english(en) {
            match q.unit {
                Unit::Quarter if p.quarter.is_none() => p.quarter = Some(q.value as u8),
                Unit::Year if p.year.is_none() => p.year = Some(q.value as u16),
                _ => {}
            }
        }
        if p.quarter.is_some() && p.year.is_some() {
            break;
        }
    }
    p
}

/// Splits English prose into sentences (byte ranges), not at decimals or initials.
pub(super) fn sentences(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for i in 0..b.len() {
        if matches!(b[i], b'.' | b'?' | b'!') && b.get(i + 1) == Some(&b' ') {
            let next_upper = text[i + 2..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '(' || c == '$');
            let prev_word = text[start..i].rsplit(' ').next().unwrap_or("");
            let initial =
                prev_word.len() <= 2 && prev_word.chars().all(|c| c.is_uppercase() || c == '.');
            if next_upper && !initial {
                out.push(start..i + 1);
                start = i + 2;
            }
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

pub(super) fn find_period(s: &str, call: CallPeriod) -> Option<String> {
    static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:(?P<q>Q[1-4]|(?:first|second|third|fourth)\s+(?:fiscal\s+)?quarter)(?:\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?|FY\s?)?[’']?(?P<qy>\d{4}|\d{2})\b)?|(?P<half>(?:first|second|back|front)\s+half(?:\s+of\s+(?:the\s+|this\s+)?(?:fiscal\s+)?year)?|H[12])|(?P<fy>full\s+(?:fiscal\s+)?year|fiscal\s+year|for\s+the\s+year|this\s+year|the\s+year|annual)(?:\s+(?:of\s+)?(?:fiscal\s+)?(?:FY\s?)?[’']?(?P<fyy>\d{4}|\d{2})\b)?|(?:fiscal\s+(?:year\s+)?|FY\s?)[’']?(?P<y>\d{4}|\d{2})\b)",
        )
    });
    let year_of = |s: &str| -> u16 {
        let n: u16 = s.parse().unwrap_or(0);
        if s.len() == 2 { 2000 + n } else { n }
    };
    static NEXT_MONTHS: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\bnext\s+(12|twelve|6|six|3|three|18|24)\s+months\b"));
    // The mention nearest the end of `s` (callers pass the text before a figure).
    let c = PERIOD.captures_iter(s).last();
    let months = NEXT_MONTHS.captures_iter(s).last();
    if let Some(m) = months.filter(|m| {
        c.as_ref()
            .is_none_or(|c| m.get(0).map_or(0, |x| x.start()) > c.get(0).map_or(0, |x| x.start()))
    }) {
        let n = match &m[1].to_ascii_lowercase()[..] {
            "twelve" => "12",
            "six" => "6",
            "three" => "3",
            other => return Some(format!("next {other} months")),
        };
        return Some(format!("next {n} months"));
    }
    let c = c?;
    let current = call.year;
    if let Some(q) = c.name("q") {
        let qs = q.as_str().to_ascii_lowercase();
        let n = if let Some(d) = qs.strip_prefix('q') {
            d.parse().unwrap_or(0)
        } else {
            ["first", "second", "third", "fourth"]
                .iter()
                .position(|w| qs.starts_with(w))
                .map_or(0, |i| i as u8 + 1)
        };
        let year = c.name("qy").map(|y| year_of(y.as_str())).or_else(|| {
            // A quarter before the call's own is next year's.
            current.map(|y| {
                if call.quarter.is_some_and(|cq| n < cq) {
                    y + 1
                } else {
                    y
                }
            })
        });
        return Some(match year {
            Some(y) => format!("Q{n} FY{y}"),
            None => format!("Q{n}"),
        });
    }
    if let Some(h) = c.name("half") {
        let h = h.as_str().to_ascii_lowercase();
        let n = if h.starts_with("first") || h.starts_with("front") || h == "h1" {
            1
        } else {
            2
        };
        return Some(current.map_or(format!("H{n}"), |y| format!("H{n} FY{y}")));
    }
    let y = c
        .name("fyy")
        .or(c.name("y"))
        .map(|y| year_of(y.as_str()))
        .or(current)?;
    Some(format!("FY{y}"))
}

pub(super) fn find_direction(s: &str) -> Option<&'static str> {
    let l = s.to_ascii_lowercase();
    let has = |w: &[&str]| w.iter().any(|x| l.contains(x));
    if has(&["narrowing", "narrowed", "narrow our", "narrow the"]) {
        Some("narrowed")
    } else if has(&[
        "raise our",
        "raising our",
        "raised our",
        "raising the",
        "increased outlook",
        "increasing our",
        "raise the",
    ]) {
        Some("raised")
    } else if has(&[
        "lower our",
        "lowering our",
        "lowered our",
        "reducing our",
        "reduced our",
        "cut our",
    ]) {
        Some("lowered")
    } else if has(&[
        "reiterat",
        "reaffirm",
        "continue to expect",
        "maintaining our",
        "maintain our",
    ]) {
        Some("reiterated")
    } else if has(&[
        "initiating",
        "initiate",
        "introducing",
        "establish outlook",
        "establishing",
    ]) {
        Some("initiated")
    } else {
        None
    }
}
