//! Guidance figures: every forward-looking figure a company gives in its call, with metric,
//! basis, period, values in base units and direction, and whether the Chinese agrees.
//!
//! A sentence is guidance when it looks forward ("we expect", "we anticipate", "we're
//! guiding to", "our outlook for ... is", "sees", "we're initiating a revenue target of") or
//! follows a sentence that opens guidance in the same paragraph ("We are reiterating guidance
//! for fiscal 2024. As a reminder, the ranges were: ..."). Within it, each figure's metric
//! is read from the words between it and the figure before it (and right after it: "2.3%
//! year-over-year growth"); comparisons ("down from 36% in fiscal 2023", "versus the 8.4%
//! achieved") and beaten guides ("exceeding the high end of our guidance of $420 million")
//! are not guidance.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::text::numbers::{Quantity, Unit, chinese, english};
use crate::transcript::Transcript;

mod metric;
mod period;

use metric::classify;
pub use period::{CallPeriod, call_period};
use period::{find_direction, find_period, sentences};

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Revenue of any kind.
    Revenue,
    /// Operating income or loss.
    OperatingIncome,
    /// Net income or loss.
    NetIncome,
    /// Earnings or loss per share.
    Eps,
    /// Free cash flow.
    FreeCashFlow,
    /// Other cash flow.
    CashFlow,
    /// A margin.
    Margin,
    /// A growth rate.
    Growth,
    /// An expense, or an expense ratio.
    Expense,
    /// A share count.
    Shares,
    /// Anything else forward-looking with a figure.
    Other,
}

/// The Chinese counterpart of a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Counterpart {
    /// The Chinese sentence holding the figure.
    pub text: String,
    /// The value the Chinese gives for `low`, if it gives one.
    pub low: Option<f64>,
    /// The value the Chinese gives for `high`.
    pub high: Option<f64>,
    /// True when the Chinese has the same values.
    pub matches: bool,
}

/// One guidance figure (the `callread guidance --json` row).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GuidanceFigure {
    /// The transcript.
    pub source: String,
    /// 1-based line of the English paragraph.
    pub line: usize,
    /// What it measures.
    pub metric: Metric,
    /// For people: "Non-GAAP operating income", "Sales and marketing, % of revenue".
    pub label: String,
    /// "GAAP", "non-GAAP", "adjusted", or none.
    pub basis: Option<&'static str>,
    /// "Q3 FY2025", "FY2024", "H2 FY2024".
    pub period: Option<String>,
    /// Lower end (none for "up to").
    pub low: Option<f64>,
    /// Upper end (none for "over", "at least").
    pub high: Option<f64>,
    /// "USD", "USD/share", "%" or "shares".
    pub unit: &'static str,
    /// raised, lowered, reiterated, narrowed, initiated.
    pub direction: Option<&'static str>,
    /// The sentence.
    pub text: String,
    /// The Chinese counterpart, when the paragraph has a translation.
    pub zh: Option<Counterpart>,
    /// The paragraph pair (flat index), for the reader.
    #[serde(skip)]
    pub paragraph: usize,
    /// Byte range of the figure in the English paragraph, for highlighting.
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
    /// Byte ranges of the figure in the Chinese paragraph.
    #[serde(skip)]
    pub zh_spans: Vec<std::ops::Range<usize>>,
}

pub(crate) fn re(p: &str) -> Regex {
    Regex::new(p).unwrap_or_else(|e| panic!("bad built-in pattern {p}: {e}"))
}

static FORWARD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:we|i|and|but)\s+(?:now\s+|continue\s+to\s+|still\s+|also\s+)?(?:expect|anticipate|project|forecast|estimate|guide|target|see|believe)\b|we(?:'re|’re|\s+are)\s+(?:now\s+)?(?:guiding|targeting|initiating|raising|lowering|narrowing|reiterating|projecting|expecting|anticipating|forecasting|reaffirming|introducing)\b|(?:outlook|guidance|guide)\s+(?:for|is|of|to|range)\b|\bsees\b|\bwill\s+(?:be|do|remain|grow|reach)\b|our\s+expectation\s+is|(?:guidance|outlook)\s+(?:implies|indicates|assumes))",
    )
});
static OPENS_GUIDANCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:turning|moving|turn)\s+to\s+(?:our\s+)?(?:guidance|outlook)|(?:reiterating|reaffirming|reiterate|reaffirm)\s+(?:our\s+)?(?:[a-z\s]+)?guidance",
    )
});
static RESULT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:was|were|came\s+in|grew|increased|decreased|delivered|reported|achieved)\b")
});
/// Where a comparison with the past starts in a sentence: periods after it are not the
/// figure's ("up from 59% in Q2 of last year").
static COMPARISON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:,\s*)?\b(?:up|down)\s+from\b|\bversus\b|\bcompared\s+(?:to|with)\b|\bvs\.?\s|\bfrom\s+the\s+(?:same|year)|\bsimilar\s+to\b|\bin\s+line\s+with\b|\binclusive\s+of\b",
    )
});
static PAST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\bfrom|\bversus|\bvs\.?|compared\s+(?:to|with)|\bachieved|came\s+in\s+at|\bexceed(?:ed|ing)?|\bbeat|guidance\s+of|\bwas|\bwere|\bgrew|\bdelivered|\breported|last\s+year|a\s+year\s+ago)\W*(?:the\s+|a\s+|negative\s+|approximately\s+|about\s+)*$",
    )
});

/// Extracts the guidance figures of a transcript.
pub fn extract(t: &Transcript) -> Vec<GuidanceFigure> {
    let call = call_period(t);
    let mut out: Vec<GuidanceFigure> = Vec::new();
    // The period in force carries from paragraph to paragraph within a turn ("We expect R&D
    // ... to remain about 15%" right after "... for fiscal 2024").
    let mut carried: Option<String> = None;
    let mut last_turn = usize::MAX;
    for (n, (turn, p)) in t.paragraphs().enumerate() {
        if turn != last_turn {
            carried = None;
            last_turn = turn;
        }
        let Some(en) = p.en.as_deref() else { continue };
        // No digit, no figure: such a paragraph neither gives guidance nor sets its period.
        if !en.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        // The Chinese paragraph's figures, read once for all the figures of the paragraph.
        let zh_figures: std::cell::OnceCell<Vec<Quantity>> = std::cell::OnceCell::new();
        let mut period: Option<String> = carried.clone();
        let mut direction: Option<&'static str> = None;
        let mut opened = false;
        for range in sentences(en) {
            let s = &en[range.clone()];
            // Cheap guards before the regexes: most sentences name no period or direction.
            let digits = s.bytes().any(|b| b.is_ascii_digit());
            let period_words = ["uarter", "ear", "alf", "iscal", "FY", "onths"]
                .iter()
                .any(|w| s.contains(w));
            if digits || period_words {
                let own = COMPARISON.find(s).map_or(s, |m| &s[..m.start()]);
                if let Some(found) = find_period(own, call) {
                    period = Some(found);
                }
            }
            let direction_words = [
                "rais",
                "ower",
                "eiterat",
                "eaffirm",
                "arrow",
                "nitiat",
                "ntroduc",
                "stablish",
                "aintain",
                "ontinue to expect",
                "ncreased outlook",
                "educ",
                "cut our",
            ];
            if direction_words.iter().any(|w| s.contains(w))
                && let Some(d) = find_direction(s)
            {
                direction = Some(d);
            }
            if !digits && !s.contains("uidance") && !s.contains("utlook") {
                continue;
            }
            let forward = FORWARD.is_match(s);
            if OPENS_GUIDANCE.is_match(s) {
                opened = true;
            }
            let listed = opened && !RESULT_VERB.is_match(s.rsplit(':').next().unwrap_or(s));
            if !(forward || listed) || !s.contains(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let figures: Vec<Quantity> = english(s)
                .into_iter()
                .filter(|q| !q.word && matches!(q.unit, Unit::Usd | Unit::Percent | Unit::Count))
                .collect();
            let mut i = 0;
            let mut prev_end = 0;
            while i < figures.len() {
                let q = &figures[i];
                // A range: "X to Y", "between X and Y", "X-Y".
                let joined = figures.get(i + 1).filter(|r| {
                    let gap = s[q.span.end..r.span.start].trim().to_ascii_lowercase();
                    matches!(gap.as_str(), "to" | "and" | "-" | "–" | "to negative")
                        && r.unit == q.unit
                });
                let end = joined.map_or(q.span.end, |r| r.span.end);
                let before = &s[prev_end..q.span.start];
                let before = before.rsplit([';', ':']).next().unwrap_or(before);
                let next_start = figures
                    .get(i + 1 + usize::from(joined.is_some()))
                    .map_or(s.len(), |r| r.span.start);
                let after: String = s[end..next_start]
                    .split([',', ';', '.'])
                    .next()
                    .unwrap_or("")
                    .to_string();
                let step = 1 + usize::from(joined.is_some());
                let skip = PAST.is_match(before)
                    || (q.unit == Unit::Count
                        && q.value < 1000.0
                        && !after.to_ascii_lowercase().contains("share"));
                if !skip {
                    // The period nearest the figure: in its own clause, else the sentence's or
                    // the paragraph's.
                    let clause = COMPARISON
                        .find(&after)
                        .map_or(after.as_str(), |m| &after[..m.start()]);
                    let upto = &s[..q.span.start];
                    let own_before = COMPARISON.find(upto).map_or(upto, |m| &upto[..m.start()]);
                    let here = find_period(clause, call).or_else(|| find_period(own_before, call));
                    let fig_period = here.or_else(|| period.clone());
                    if let Some(fig) = figure(
                        t,
                        n,
                        p,
                        &zh_figures,
                        s,
                        range.start,
                        q,
                        joined,
                        before,
                        &after,
                        fig_period,
                        direction,
                    ) {
                        let dup = out.iter().any(|o| {
                            o.metric == fig.metric
                                && o.period == fig.period
                                && o.low == fig.low
                                && o.high == fig.high
                                && o.label.eq_ignore_ascii_case(&fig.label)
                        });
                        if !dup {
                            out.push(fig);
                        }
                    }
                }
                prev_end = end;
                i += step;
            }
        }
        carried = period;
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn figure(
    t: &Transcript,
    n: usize,
    p: &crate::transcript::Paragraph,
    zh_figures: &std::cell::OnceCell<Vec<Quantity>>,
    sentence: &str,
    offset: usize,
    q: &Quantity,
    joined: Option<&Quantity>,
    before: &str,
    after: &str,
    period: Option<String>,
    direction: Option<&'static str>,
) -> Option<GuidanceFigure> {
    let (metric, mut label, basis) = classify(before, after, q.unit)?;
    let lead = sentence[..q.span.start].to_ascii_lowercase();
    if metric == Metric::Growth
        && !label.to_ascii_lowercase().contains("revenue")
        && lead.contains("revenue")
    {
        label = "Revenue growth".to_string();
    }
    if metric == Metric::Other
        && (lead.contains("rpo") || after.to_ascii_lowercase().contains("rpo"))
        && sentence.to_ascii_lowercase().contains("recogni")
    {
        label = "RPO recognized as revenue".to_string();
    }
    let b = before.to_ascii_lowercase();
    let tail = b.trim_end();
    let ends = |words: &[&str]| words.iter().any(|w| tail.ends_with(w));
    let negative = |v: f64| -> f64 {
        let loss = b.contains("loss") || label.to_ascii_lowercase().contains("loss");
        if (loss || tail.ends_with("negative")) && v > 0.0 {
            -v
        } else {
            v
        }
    };
    let (mut low, mut high) = match joined {
        Some(r) => (Some(negative(q.value)), Some(negative(r.value))),
        None if ends(&[
            "over",
            "more than",
            "at least",
            "above",
            "greater than",
            "exceed",
            "in excess of",
        ]) =>
        {
            (Some(negative(q.value)), None)
        }
        None if ends(&["up to", "less than", "below", "under", "at most"]) => {
            (None, Some(negative(q.value)))
        }
        None => (Some(negative(q.value)), Some(negative(q.value))),
    };
    // "flat to down 1%", "down 3%".
    if joined.is_none() {
        if tail.ends_with("flat to down") {
            (low, high) = (Some(-q.value), Some(0.0));
        } else if tail.ends_with("flat to up") {
            (low, high) = (Some(0.0), Some(q.value));
        } else if tail.ends_with("down") || tail.ends_with("decline of") {
            (low, high) = (low.map(|v| -v.abs()), high.map(|v| -v.abs()));
        }
    }
    // "in the low 30% range": a band.
    if joined.is_none() && q.unit == Unit::Percent {
        let v = q.value;
        if tail.ends_with("low") {
            (low, high) = (Some(v), Some(v + 3.0));
        } else if tail.ends_with("mid") {
            (low, high) = (Some(v + 3.0), Some(v + 6.0));
        } else if tail.ends_with("high") {
            (low, high) = (Some(v + 6.0), Some(v + 9.0));
        }
    }
    let per_share = format!("{before} {after}")
        .to_ascii_lowercase()
        .contains("per share");
    let unit = match (metric, q.unit) {
        (Metric::Eps, _) => "USD/share",
        (_, Unit::Usd) if per_share => "USD/share",
        (_, Unit::Usd) => "USD",
        (_, Unit::Percent) => "%",
        (Metric::Shares, _) => "shares",
        _ => return None,
    };
    let span = offset + q.span.start..offset + joined.map_or(q.span.end, |r| r.span.end);
    let (zh, zh_spans) = match p.zh.as_deref() {
        Some(zh) if t.bilingual => counterpart(
            zh,
            zh_figures.get_or_init(|| chinese(zh)),
            q.unit,
            low,
            high,
        ),
        _ => (None, Vec::new()),
    };
    Some(GuidanceFigure {
        source: t.source.clone(),
        line: p.line,
        metric,
        label,
        basis,
        period,
        low,
        high,
        unit,
        direction,
        text: sentence.to_string(),
        zh,
        paragraph: n,
        span,
        zh_spans,
    })
}

/// Finds a figure's values in the Chinese paragraph: each end by value, or, for a range with
/// one end found, the figure next to it ("129 至 1.31 美元": 1.31 is found, 129 stands where
/// 1.29 should).
fn counterpart(
    zh: &str,
    figures: &[Quantity],
    unit: Unit,
    low: Option<f64>,
    high: Option<f64>,
) -> (Option<Counterpart>, Vec<std::ops::Range<usize>>) {
    let qs: Vec<&Quantity> = figures.iter().filter(|z| z.unit == unit).collect();
    let same = |z: &Quantity, v: f64| (z.value - v.abs()).abs() <= 1e-9 * v.abs().max(1.0);
    let find = |v: Option<f64>| v.and_then(|v| qs.iter().position(|z| same(z, v)));
    let (li, hi) = (find(low), find(high));
    let (li, hi) = match (li, hi, low, high) {
        (None, Some(h), Some(_), Some(_)) if h > 0 => (Some(h - 1), Some(h)),
        (Some(l), None, Some(_), Some(_)) if l + 1 < qs.len() => (Some(l), Some(l + 1)),
        other => (other.0, other.1),
    };
    if li.is_none() && hi.is_none() {
        return (
            Some(Counterpart {
                text: String::new(),
                low: None,
                high: None,
                matches: false,
            }),
            Vec::new(),
        );
    }
    let sign = |v: f64, like: Option<f64>| if like.is_some_and(|l| l < 0.0) { -v } else { v };
    let zl = li.map(|i| sign(qs[i].value, low));
    let zh_high = hi.map(|i| sign(qs[i].value, high));
    let agrees = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
        (None, None) => true,
        // "flat" (0) is written as a word in Chinese, if at all.
        (None, Some(b)) => b == 0.0,
        _ => false,
    };
    let matches = agrees(zl, low) && agrees(zh_high, high);
    let at = li.or(hi).map_or(0, |i| qs[i].span.start);
    let spans: Vec<std::ops::Range<usize>> = [li, hi]
        .into_iter()
        .flatten()
        .map(|i| qs[i].span.clone())
        .collect();
    // The Chinese sentence around the figure.
    let start = zh[..at]
        .rfind(['。', '；', '!', '?'])
        .map_or(0, |i| i + zh[i..].chars().next().map_or(1, char::len_utf8));
    let end = zh[at..]
        .find(['。', '；'])
        .map_or(zh.len(), |i| at + i + '。'.len_utf8());
    let text = zh[start..end.min(zh.len())].trim().to_string();
    (
        Some(Counterpart {
            text,
            low: zl,
            high: zh_high,
            matches,
        }),
        spans,
    )
}

/// The order the sidebar shows figures in: grouped by period, periods in order of first
/// appearance, figures in reading order within a period. Indices into `figures`.
pub fn grouped_order(figures: &[GuidanceFigure]) -> Vec<usize> {
    let mut periods: Vec<Option<&str>> = Vec::new();
    for f in figures {
        if !periods.contains(&f.period.as_deref()) {
            periods.push(f.period.as_deref());
        }
    }
    periods
        .into_iter()
        .flat_map(|p| {
            figures
                .iter()
                .enumerate()
                .filter(move |(_, f)| f.period.as_deref() == p)
                .map(|(i, _)| i)
        })
        .collect()
}

/// "$1.160B–$1.165B", "79%", "≥ $10.0M", "$1.29–$1.31/share", "314M shares".
pub fn format_value(f: &GuidanceFigure) -> String {
    let one = |v: f64| -> String {
        let a = v.abs();
        let sign = if v < 0.0 { "-" } else { "" };
        match f.unit {
            "%" => format!("{sign}{}%", trim(a)),
            "shares" if a >= 1e6 => format!("{}M shares", trim(a / 1e6)),
            "shares" => format!("{} shares", trim(a)),
            "USD/share" => format!("{sign}${a:.2}"),
            _ if a >= 1e9 => format!("{sign}${:.3}B", a / 1e9),
            _ if a >= 1e6 => format!("{sign}${}M", trim(a / 1e6)),
            _ => format!("{sign}${}", trim(a)),
        }
    };
    match (f.low, f.high) {
        (Some(l), Some(h)) if (l - h).abs() < 1e-12 => format!("≈ {}", one(l)),
        (Some(l), Some(h)) => format!("{}–{}", one(l), one(h)),
        (Some(l), None) => format!("≥ {}", one(l)),
        (None, Some(h)) => format!("≤ {}", one(h)),
        (None, None) => String::new(),
    }
}

fn trim(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
