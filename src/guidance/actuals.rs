//! Reported results: the figures a call reports for its own quarter (and, on a fourth-quarter
//! call, its full year), read with the same metric lexicon as the guidance so a later call's
//! result can be set against an earlier call's guide.
//!
//! A result is a figure in a company speaker's prepared remarks, in a sentence that reports
//! ("Total sales for the second quarter were $2.3 billion", "we reported earnings of $2.48
//! per diluted share on revenue of $9.4 billion") and does not look forward. Figures inside
//! comparisons ("up from $1.9 billion last year"), changes ("up $95 million"), year-to-date
//! and other periods' figures are not the period's result.

use std::sync::LazyLock;

use regex::Regex;

use super::choice::{choose_metric, per_share_by_size, with_basis};
use super::cues;
use super::metric::{as_rate, right_after};
use super::patterns::*;
use super::period::{CallPeriod, call_period, quarter_number, sentences};
use super::values::figures_of;
use super::{Metric, re};
use crate::text::numbers::Unit;
use crate::transcript::{Role, Section, Transcript};

/// One reported result.
#[derive(Debug, Clone, PartialEq)]
pub struct Actual {
    /// The transcript.
    pub source: String,
    /// 1-based line of the English paragraph.
    pub line: usize,
    /// The paragraph pair (flat index), for the reader.
    pub paragraph: usize,
    /// Byte range of the figure in the English paragraph.
    pub span: std::ops::Range<usize>,
    /// What it measures.
    pub metric: Metric,
    /// As the call words it ("Total sales", "Diluted net earnings per share").
    pub label: String,
    /// "GAAP", "non-GAAP", "adjusted", or none.
    pub basis: Option<crate::guidance::Basis>,
    /// "Q2 FY2022" for the call's quarter, "FY2021" for the year on a fourth-quarter call.
    pub period: String,
    /// The value in base units.
    pub value: f64,
    /// As in guidance rows: "USD", "USD/share", "%", "bps", "shares", "units".
    pub unit: crate::guidance::GuideUnit,
    /// The sentence.
    pub text: String,
}

/// "a reported", "came in at", "were", "totaled": a sentence reporting the period.
/// A result set against the guide: "in line with our guidance", "above the high end of our
/// outlook", "ahead of our expectations".
static GUIDE_COMPARED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:largely\s+|broadly\s+)?in\s+line\s+with|consistent\s+with|above|below|ahead\s+of|exceed(?:ed|ing)?|beat|within|at\s+the\s+(?:high|low|top|upper|lower)\s+end\s+of)\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,3}?(?:guidance|outlook|forecast|expectations?|range)\b",
    )
});
/// A figure of last year's said first: "Prior year first quarter earnings per share were".
static PRIOR_YEAR_LEAD: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:prior|previous|last)[\s-]year(?:'s|’s)?\b|\ba\s+year\s+ago\b"));
static REPORTS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:was|were|came\s+in|totall?ed|reached|grew|increased|decreased|declined|rose|fell|delivered|reported|generated|posted|achieved|ended|finished|improved|expanded|contracted|resulting\s+in|resulted\s+in|made|drove|had|saw|compares?\s+(?:to|with)\s+(?:the\s+)?\S+\s+(?:last|in\s+the\s+prior|a)\s+(?:year|quarter))\b",
    )
});
/// Words that put a sentence in the full year: "for the full year", "fiscal 2021", "for the
/// year".
static FULL_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:full[\s-]year|fiscal\s+year|for\s+the\s+year|for\s+(?:fiscal\s+)?(?:19|20)\d\d|fiscal\s+(?:19|20)?\d\d|the\s+year\s+(?:was|were)|annual|FY\s?[’']?\d\d(?:\d\d)?|(?:in|for)\s+[’']\d\d|(?:in|during)\s+(?:19|20)\d\d)\b|(?:\bin|\bfor)\s+(?:19|20)\d\d\s*[,.]?\s*$",
    )
});
/// Words that put a figure in another period than the call's: halves, nine months, a named
/// earlier quarter ("the first quarter" on a third-quarter call is checked separately), the
/// pre-pandemic base.
static OTHER_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:first|second|back|front)\s+half|\bh[12]\b|nine\s+months|six\s+months|pre[\s-]covid|pre[\s-]pandemic|\b(?:19|20)\d\d\s+levels|sequential(?:ly)?\b|\bexit(?:ed|ing)?\b|\brun[\s-]rate\b",
    )
});
/// "the second quarter", "Q2", "2Q": a quarter named in a sentence.
static QUARTER_NAMED: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:(first|second|third|fourth)\s+quarter|q([1-4])|([1-4])q)\b"));
/// "over $1 billion", "nearly 30%": a bound or a rounding, not the figure reported.
static NOT_EXACT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:over|more\s+than|nearly|almost|above|under|less\s+than|below|at\s+least|up\s+to|north\s+of|in\s+excess\s+of|exceeding|approaching|close\s+to)\s+$",
    )
});
/// "up", "down", "an increase of", "growth of": the figure after is a change, not a level,
/// unless its metric is a growth rate.
static CHANGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:up|down|higher|lower|increase[sd]?|decrease[sd]?|improvement|decline[sd]?|grew|rose|fell|by)\s+(?:of\s+)?(?:approximately\s+|about\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|roughly\s+)?$",
    )
});

/// The reported results of a call, in reading order.
pub fn actuals(t: &Transcript) -> Vec<Actual> {
    let call = call_period(t);
    let (Some(quarter), Some(year)) = (call.quarter, call.year) else {
        return Vec::new();
    };
    let quarter_label = format!("Q{quarter} FY{year}");
    let year_label = format!("FY{year}");
    let company = t.company().unwrap_or_default().to_ascii_lowercase();
    let mut out = Vec::new();
    for (n, (turn, p)) in t.paragraphs().enumerate() {
        let the_turn = &t.turns[turn];
        if the_turn.section != Section::Prepared {
            continue;
        }
        let company_speaker = t
            .speakers
            .get(the_turn.speaker)
            .is_some_and(|s| !matches!(s.role, Role::Operator | Role::Analyst));
        let Some(en) = p.en.as_deref() else { continue };
        if !company_speaker || !en.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        for range in sentences(en) {
            let s = &en[range.clone()];
            // "G&A expenses of $865 million in 2021 were largely in line with our guidance":
            // a result measured against the guide, not a guide.
            let unguided = GUIDE_COMPARED.replace_all(s, " ");
            if !s.bytes().any(|b| b.is_ascii_digit())
                || cues::forward(&unguided)
                || !(REPORTS.is_match(s) || cues::reports_result(s))
                || TO_DATE.is_match(s)
                || IF.is_match(s)
            {
                continue;
            }
            let Some(period) = sentence_period(s, call, &quarter_label, &year_label) else {
                continue;
            };
            let masked = mask_comparisons(s);
            let mut prev_end = 0;
            let mut sentence_metric = None;
            for fig in figures_of(s) {
                let start = fig.span.start.min(masked.len());
                let end = fig.span.end.min(masked.len());
                // Inside a comparison ("versus $1.9 billion last year"): blanked in `masked`.
                let compared = masked.get(start..end) != s.get(start..end);
                let before_all = &s[prev_end.min(fig.span.start)..fig.span.start];
                let before = before_all.rsplit([';', ':']).next().unwrap_or(before_all);
                let after = s[fig.span.end..]
                    .split([',', ';', '.'])
                    .next()
                    .unwrap_or("");
                let after_word = right_after(after);
                prev_end = fig.span.end + after_word.as_ref().map_or(0, |(_, e)| *e);
                if compared || fig.high.is_some() || fig.words || fig.unit == Unit::Count {
                    continue;
                }
                let Some(word) = choose_metric(
                    before,
                    after_word.map(|(w, _)| w),
                    fig.unit,
                    &sentence_metric,
                ) else {
                    continue;
                };
                sentence_metric = Some(word.clone());
                let change = CHANGE_BEFORE.is_match(before)
                    || matches!(fig.unit, Unit::Usd | Unit::Bps)
                        && (THAN.is_match(after) || CHANGED.is_match(after));
                let growth = matches!(word.metric, Metric::Growth | Metric::ComparableSales);
                if change && !growth || PRIOR_PERIOD.is_match(after) || NOT_EXACT.is_match(before) {
                    continue;
                }
                // "Prior year first quarter earnings per share were adjusted by a net $0.45".
                if names_a_part(before, &company) || PRIOR_YEAR_LEAD.is_match(before) {
                    continue;
                }
                let word = with_basis(per_share_by_size(word, &fig, s), before);
                let word = as_rate(word, fig.unit, before, after);
                let Some(unit) = super::row::unit_of(&fig, &word) else {
                    continue;
                };
                let loss = super::row::names_loss(&before.to_ascii_lowercase(), &word);
                let value = if loss { -fig.low.abs() } else { fig.low };
                out.push(Actual {
                    source: t.source.clone(),
                    line: p.line,
                    paragraph: n,
                    span: range.start + fig.span.start..range.start + fig.span.end,
                    metric: word.metric,
                    label: word.label.clone(),
                    basis: word.basis,
                    period: period.clone(),
                    value,
                    unit,
                    text: s.trim().to_string(),
                });
            }
        }
    }
    out
}

/// Capitalised words that do not name a part of the business.
const NOT_A_PART: &[&str] = &[
    "total",
    "adjusted",
    "gaap",
    "non-gaap",
    "eps",
    "ebitda",
    "ebit",
    "ffo",
    "affo",
    "oibda",
    "q1",
    "q2",
    "q3",
    "q4",
    "first",
    "second",
    "third",
    "fourth",
    "quarter",
    "fiscal",
    "fy",
    "full",
    "year",
    "diluted",
    "net",
    "organic",
    "operating",
    "free",
    "cash",
    "our",
    "we",
    "the",
    "this",
    "in",
    "for",
    "and",
    "so",
    "as",
    "consolidated",
    "revenue",
    "revenues",
    "sales",
    "income",
    "gross",
    "margin",
    "i",
    "u.s",
    "us",
    "fx",
    "covid",
    "company",
    "overall",
];

/// True when the words just before a figure name a segment, product or region ("Fourth quarter
/// Critical Care sales of $212 million"): a part, not the company's total. Capitalised words
/// after the clause's first word that are not period, basis or metric words.
fn names_a_part(before: &str, company: &str) -> bool {
    let clause = before.rsplit([',', ';', ':']).next().unwrap_or(before);
    clause
        .split_whitespace()
        .skip(1)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .any(|w| {
            let lower = w.to_ascii_lowercase();
            let lower = lower.trim_end_matches("'s");
            !NOT_A_PART.contains(&lower) && !company.contains(lower)
        })
}

/// The period a reporting sentence speaks of: the call's quarter, or on a fourth-quarter call
/// the full year when it says so; none when it names another period.
fn sentence_period(
    s: &str,
    call: CallPeriod,
    quarter_label: &str,
    year_label: &str,
) -> Option<String> {
    if OTHER_PERIOD.is_match(s) {
        return None;
    }
    // Periods inside a comparison ("..., compared to Q3 2020") are the comparison's, not the
    // result's.
    let masked = mask_comparisons(s);
    let s = masked.as_str();
    let other_quarter = QUARTER_NAMED.captures_iter(s).any(|c| {
        let q = c
            .get(1)
            .or(c.get(2))
            .or(c.get(3))
            .and_then(|m| quarter_number(m.as_str()));
        q != call.quarter
    });
    if other_quarter {
        return None;
    }
    // Another year named ("in 2019") makes it a comparison.
    let other_year = YEAR.find_iter(s).any(|m| {
        m.as_str()
            .parse::<u16>()
            .ok()
            .is_some_and(|y| Some(y) != call.year)
    });
    if other_year {
        return None;
    }
    if FULL_YEAR.is_match(s) {
        return (call.quarter == Some(4)).then(|| year_label.to_string());
    }
    Some(quarter_label.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::parse;

    fn call(body: &str) -> Vec<Actual> {
        let text = format!(
            "Operator\n\nWelcome to the Acme Widgets Fourth Quarter 2021 Earnings Call.\n\nJane Roe -- Chief Financial Officer\n\n{body}\n"
        );
        actuals(&parse(&text, "acme.txt").unwrap())
    }

    #[test]
    fn reads_the_quarter_and_the_year() {
        let got = call(
            "Total sales for the fourth quarter were $2.3 billion, 12% higher than last year. Adjusted diluted EPS was $1.76. For the full year, revenue was $8.9 billion.",
        );
        let rows: Vec<(Metric, &str, f64, &str)> = got
            .iter()
            .map(|a| (a.metric, a.period.as_str(), a.value, a.unit.as_str()))
            .collect();
        assert!(
            rows.contains(&(Metric::Revenue, "Q4 FY2021", 2.3e9, "USD")),
            "{rows:?}"
        );
        assert!(
            rows.contains(&(Metric::Eps, "Q4 FY2021", 1.76, "USD/share")),
            "{rows:?}"
        );
        assert!(
            rows.contains(&(Metric::Revenue, "FY2021", 8.9e9, "USD")),
            "{rows:?}"
        );
        let eps = got.iter().find(|a| a.metric == Metric::Eps).unwrap();
        assert_eq!(eps.basis, Some(crate::guidance::Basis::Adjusted));
    }

    #[test]
    fn results_set_against_the_guide_or_last_year() {
        let got = call(
            "Marketing expenses of $310 million in 2021 were broadly in line with our outlook. Current year adjusted earnings per share of $1.12 compares to the $0.98 last year. Prior year fourth quarter earnings per share were adjusted by a net $0.31.",
        );
        let rows: Vec<(&str, f64)> = got.iter().map(|a| (a.period.as_str(), a.value)).collect();
        assert!(rows.contains(&("FY2021", 3.1e8)), "{rows:?}");
        assert!(rows.contains(&("Q4 FY2021", 1.12)), "{rows:?}");
        assert!(
            !rows.iter().any(|(_, v)| *v == 0.31 || *v == 0.98),
            "{rows:?}"
        );
    }

    #[test]
    fn a_segment_is_not_the_total() {
        let got = call(
            "Fourth quarter Critical Care sales of $212 million increased 8%. Acme's revenue was $900 million.",
        );
        let values: Vec<f64> = got.iter().map(|a| a.value).collect();
        assert_eq!(values, [9e8]);
    }

    #[test]
    fn skips_comparisons_changes_forward_and_other_periods() {
        let got = call(
            "Revenue was up $95 million from the prior year. We expect revenue of $9 billion next year. Year-to-date revenue was $6 billion. In the third quarter, revenue was $2.1 billion. Revenue compared to $1.9 billion in the prior year.",
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
