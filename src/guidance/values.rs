//! The figures of a sentence: single values and ranges ("X to Y", "between X and Y", "a
//! $1.07 to a $1.12", "$(0.08)"), ranges in words ("mid-single digits"), and ranges around a
//! value ("$1.3 billion, plus or minus $20 million").

use std::sync::LazyLock;

use regex::Regex;

use super::re;
use crate::text::numbers::{Quantity, Unit, english};

/// What joins the two ends of a range.
pub(super) static RANGE_JOIN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:\[[^\]]{0,20}\]\s*)?(?:(?:per|a)\s+(?:diluted\s+)?share\s+)?(?:(?P<lowneg>declines?|decreases?|reductions?|drops?)\s+(?:and|to)(?:\s+an?)?|to|tp|and|-|–|—|through|to\s+an?|and\s+an?|and\s+to|and\s+and|to\s+to|up\s+to|to\s+plus|or|to\s+(?P<neg>negative|minus|down)|and\s+(?P<neg2>negative|minus)|(?:to|and)\s+(?P<up>up|positive)|to\s+(?:earnings|income|net\s+income|a\s+profit|profit|positive|a\s+gain)(?:\s+of)?)\s*$",
    )
});
/// Ranges in words: "mid-single digits", "high teens", "low-to-mid twenties".
pub(super) static DIGIT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?P<lo>low|mid|high|upper)(?:[\s-]+to[\s-]+(?P<hi>mid|high|upper))?[\s-]+(?P<band>single[\s-]digits?|double[\s-]digits?|teens|twenties|20s|thirties|30s|forties|40s)\b",
    )
});

/// A figure of a sentence: one value or a range, with where it stands.
#[derive(Debug, Clone)]
pub(super) struct Fig {
    pub(super) span: std::ops::Range<usize>,
    pub(super) unit: Unit,
    pub(super) low: f64,
    /// The other end of a range.
    pub(super) high: Option<f64>,
    /// The range was written "... to negative ..." / "and negative ...".
    pub(super) high_negative: bool,
    /// The upper end turns from a loss to earnings ("from a loss of $0.06 to earnings of $0.09").
    pub(super) high_positive: bool,
    /// A range in words ("mid-single digits").
    pub(super) words: bool,
}

/// A figure written with its scale ("4.89 billion").
static SCALED: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:million|billion)\b"));

/// Words after a scaled figure that are no unit noun.
const NOT_A_NOUN: &[&str] = &[
    "",
    "to",
    "and",
    "or",
    "in",
    "of",
    "for",
    "with",
    "range",
    "which",
    "respectively",
    "at",
    "versus",
    "compared",
    "up",
    "down",
    "from",
    "this",
    "next",
    "as",
    "per",
    "on",
    "by",
    "over",
    "during",
    "annually",
    "a",
    "an",
    "the",
    "plus",
    "minus",
    "including",
    "excluding",
    "while",
];

/// Nouns of things counted, not dollars.
const COUNTED: &[&str] = &[
    "shares",
    "share",
    "units",
    "subscribers",
    "customers",
    "members",
    "users",
    "accounts",
    "homes",
    "vehicles",
    "tons",
    "tonnes",
    "barrels",
    "ounces",
    "pounds",
    "passengers",
    "employees",
    "visits",
    "transactions",
    "deliveries",
    "boe",
    "boepd",
    "mcf",
    "count",
];

/// The figures of a sentence, with ranges joined.
///
/// In order: the quantities that can be figures ([`figure_candidates`]), joined into ranges
/// ([`join_ranges`]); then the ranges in words ("high single or low double digits",
/// "mid-single digits"), the bands before a percentage ("the high 3% range"), and last two
/// bands written as one range ("high-teens to low-20% range").
pub(super) fn figures_of(s: &str) -> Vec<Fig> {
    let qs = figure_candidates(s);
    let mut out = join_ranges(s, &qs);
    single_to_double_bands(s, &mut out);
    digit_word_bands(s, &mut out);
    bands_before(s, &mut out);
    out.sort_by_key(|f| f.span.start);
    join_word_bands(s, &mut out);
    out
}

/// The quantities of a sentence that can be figures: amounts, percentages, basis points and
/// counts (a number in words only as the low end of a range with digits), less two-digit
/// years, slide and page numbers and names with digits; a scaled amount with no noun after
/// it becomes dollars, and "$(0.08)" a negative amount.
fn figure_candidates(s: &str) -> Vec<Quantity> {
    let all = english(s);
    // "eight to 10%": a number in words opens a range whose other end has digits.
    let word_low = |i: usize| {
        let (q, r) = (&all[i], all.get(i + 1));
        r.is_some_and(|r| {
            q.unit == Unit::Count
                && !r.word
                && r.unit == Unit::Percent
                && r.value > q.value
                && matches!(s[q.span.end..r.span.start].trim(), "to" | "-")
        })
    };
    all.iter()
        .enumerate()
        .filter(|&(i, q)| {
            (!q.word || word_low(i))
                && matches!(q.unit, Unit::Usd | Unit::Percent | Unit::Bps | Unit::Count)
        })
        .map(|(_, q)| q.clone())
        // "from 32% in 2019%, to 42%": a year typed with a percent sign is no percentage.
        .filter(|q| {
            !(q.unit == Unit::Percent
                && q.value.fract() == 0.0
                && (1990.0..=2049.0).contains(&q.value))
        })
        // "FY '21", "in '22": a year, not a count.
        .filter(|q| {
            let digits = q.text.trim().trim_start_matches(['\'', '’']);
            let quoted = q.text.trim().len() > digits.len()
                || s[..q.span.start].ends_with('\'')
                || s[..q.span.start].ends_with('’');
            // "the second quarter of fiscal 21", "FY22": a year after "fiscal" or "FY".
            let head = s[..q.span.start].trim_end().to_ascii_lowercase();
            let after_fiscal = head.ends_with("fiscal") || head.ends_with("fy");
            !(q.unit == Unit::Count && (quoted || after_fiscal) && digits.len() == 2)
        })
        // "Slide 13", "page 4": where something is shown, not a figure.
        .filter(|q| {
            let head = s[..q.span.start].trim_end();
            let word = head
                .rsplit(|c: char| !c.is_ascii_alphabetic())
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            !(q.unit == Unit::Count
                && matches!(
                    word.as_str(),
                    "slide" | "slides" | "page" | "pages" | "chart" | "exhibit"
                ))
        })
        // "K-12", "COVID-19", "F-35": names, not figures.
        .filter(|q| {
            let b = &s.as_bytes()[..q.span.start];
            !(q.unit == Unit::Count
                && b.len() >= 2
                && b[b.len() - 1] == b'-'
                && b[b.len() - 2].is_ascii_alphabetic())
        })
        .map(|q| dollars_of_count(s, q))
        .collect()
}

/// A count that is dollars: a scaled amount with no unit noun ("between 4.89 billion and
/// 4.95 billion"), or a negative amount in parentheses ("$(0.08)").
fn dollars_of_count(s: &str, mut q: Quantity) -> Quantity {
    // "between 4.89 billion and 4.95 billion", "from 765 million to 775 million": an
    // amount with its scale and no unit noun after it is dollars ("175 million shares"
    // and "1.2 million units" keep their nouns).
    if q.unit == Unit::Count && SCALED.is_match(&q.text) {
        let next = s[q.span.end..]
            .trim_start()
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        // "weighted average shares outstanding of approximately 221 million": the noun
        // came first.
        let counted_before = s[..q.span.start].split_whitespace().rev().take(6).any(|w| {
            let w = w.trim_matches(|c: char| !c.is_ascii_alphabetic());
            COUNTED.iter().any(|c| w.eq_ignore_ascii_case(c))
        });
        if NOT_A_NOUN.contains(&next.as_str()) && !counted_before {
            q.unit = Unit::Usd;
        }
    }
    // "$(0.08)": a negative amount.
    if q.unit == Unit::Count
        && s[..q.span.start].ends_with("$(")
        && s[q.span.end..].starts_with(')')
    {
        q.unit = Unit::Usd;
        q.value = -q.value;
        q.span = q.span.start - 2..q.span.end + 1;
    }
    q
}

/// The figures of the candidates, in order: each joined with the next into a range when the
/// words between join them ([`range_join`]), else a range around a value ([`around`]), else
/// the value alone.
fn join_ranges(s: &str, qs: &[Quantity]) -> Vec<Fig> {
    let mut out: Vec<Fig> = Vec::new();
    let mut i = 0;
    while i < qs.len() {
        let q = &qs[i];
        let join = qs.get(i + 1).and_then(|r| range_join(s, q, r));
        // "$1.3 billion, plus or minus $20 million"; "$1.17 billion, plus $15 million,
        // minus $25 million": a range around a value.
        if join.is_none()
            && let Some((span, low, high)) = around(s, q, &qs[i + 1..])
        {
            out.push(Fig {
                span: q.span.start..span,
                unit: q.unit,
                low,
                high: Some(high),
                high_negative: false,
                high_positive: true,
                words: false,
            });
            i += 1;
            // Skip the deviations the range took.
            while qs.get(i).is_some_and(|r| r.span.start < span) {
                i += 1;
            }
            continue;
        }
        match join {
            Some((r, neg, pos, low_negative)) => {
                out.push(range_fig(q, r, neg, pos, low_negative));
                i += 2;
            }
            None => {
                out.push(Fig {
                    span: q.span.clone(),
                    unit: q.unit,
                    low: q.value,
                    high: None,
                    high_negative: false,
                    high_positive: false,
                    words: false,
                });
                i += 1;
            }
        }
    }
    out
}

/// Whether `q` and the next quantity `r` are the two ends of a range: `r`, with whether the
/// upper end is negative ("to negative"), whether it turns positive ("to earnings of") and
/// whether the lower end is a decline ("between a 4% decline and a 1% increase").
fn range_join<'a>(
    s: &str,
    q: &Quantity,
    r: &'a Quantity,
) -> Option<(&'a Quantity, bool, bool, bool)> {
    let gap = &s[q.span.end..r.span.start];
    let c = RANGE_JOIN.captures(gap)?;
    // "5.7 million to 5.8 million tons": the first end was taken for dollars only
    // because its noun comes after the second.
    let counted_pair = q.unit == Unit::Usd
        && r.unit == Unit::Count
        && (matches!(gap.trim(), "to" | "-" | "–")
            || s[..q.span.start].trim_end().ends_with("between"))
        && !q.text.contains('$')
        && SCALED.is_match(&q.text)
        && SCALED.is_match(&r.text);
    let same = r.unit == q.unit
        || q.unit == Unit::Count && matches!(r.unit, Unit::Usd | Unit::Percent)
        || q.unit == Unit::Usd && r.unit == Unit::Count && gap.trim() == "-"
        || counted_pair;
    // "between a 4% decline and a 1% increase".
    let low_negative = c.name("lowneg").is_some();
    if low_negative && q.unit != Unit::Percent {
        return None;
    }
    // "X or Y" is a range only for like figures ("$0.05 or $0.06").
    let or = gap.trim().eq_ignore_ascii_case("or");
    // "a return on equity of 10.25% and a 53.81% equity ratio": "and a" joins a range only
    // after "between" ("between a 4% decline and a 1% increase").
    let and_a = {
        let g = gap.trim().to_ascii_lowercase();
        g == "and a" || g == "and an"
    };
    if and_a && !s[..q.span.start].to_ascii_lowercase().contains("between") {
        return None;
    }
    // "amortization and stock-based compensation expense of $71 million and $63 million,
    // respectively": two items' figures, not a range; nor is "and" going down.
    if gap.trim().eq_ignore_ascii_case("and") {
        let rest = s[r.span.end..].to_ascii_lowercase();
        let respectively = rest
            .char_indices()
            .nth(40)
            .map_or(rest.as_str(), |(i, _)| &rest[..i])
            .contains("respectively");
        let between = s[..q.span.start].to_ascii_lowercase().contains("between");
        if respectively || !between && r.unit == q.unit && r.value.abs() < q.value.abs() {
            return None;
        }
    }
    (same
        && (!or || r.unit == q.unit && r.value > q.value && r.value <= q.value * 10.0)
        && r.value.abs() >= q.value.abs() * 0.2)
        .then(|| {
            let lower = gap.to_ascii_lowercase();
            (
                r,
                c.name("neg").or(c.name("neg2")).is_some(),
                low_negative
                    || [
                        "earnings", "income", "profit", "positive", "gain", "up", "plus",
                    ]
                    .iter()
                    .any(|w| lower.contains(w)),
                low_negative,
            )
        })
}

/// The range from `q` to `r` (as [`range_join`] found them).
fn range_fig(q: &Quantity, r: &Quantity, neg: bool, pos: bool, low_negative: bool) -> Fig {
    // "between 3.11 and $3.12 billion": the scale written once holds for both.
    let low = if r.unit == Unit::Usd && q.value.abs() * 500.0 <= r.value.abs() {
        [1e3, 1e6, 1e9]
            .iter()
            .map(|k| q.value * k)
            .find(|v| *v <= r.value.abs() && *v * 5.0 >= r.value.abs())
            .unwrap_or(q.value)
    } else {
        q.value
    };
    let low = if low_negative { -low.abs() } else { low };
    Fig {
        span: q.span.start..r.span.end,
        unit: r.unit,
        low,
        high: Some(r.value),
        high_negative: neg,
        high_positive: pos,
        words: false,
    }
}

/// "high single or low double digits", "mid-single to low-double-digit": one band across the
/// two, in place of the figures it covers.
fn single_to_double_bands(s: &str, out: &mut Vec<Fig>) {
    static SINGLE_TO_DOUBLE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:(?P<lo>low|mid|high)[\s-]+single(?:[\s-]digits?)?[\s-]+(?:or|to)[\s-]+(?P<hi>low|mid|high)[\s-]+double[\s-]digits?|(?P<hi2>low|mid|high)[\s-]+double(?:[\s-]digits?)?[\s-]+(?:or|to)[\s-]+(?P<lo2>low|mid|high)[\s-]+single[\s-]digits?)\b",
        )
    });
    for c in SINGLE_TO_DOUBLE.captures_iter(s) {
        let Some(m) = c.get(0) else { continue };
        // "low-double-digit to high-single-digit": the same band, written from the top.
        let (Some(lo), Some(hi)) = (
            c.name("lo").or_else(|| c.name("lo2")),
            c.name("hi").or_else(|| c.name("hi2")),
        ) else {
            continue;
        };
        let lo = match lo.as_str().to_ascii_lowercase().as_str() {
            "low" => 1.0,
            "mid" => 4.0,
            _ => 7.0,
        };
        let hi = match hi.as_str().to_ascii_lowercase().as_str() {
            "low" => 13.0,
            "mid" => 16.0,
            _ => 19.0,
        };
        out.retain(|f| !(f.span.start < m.end() && m.start() < f.span.end));
        out.push(Fig {
            span: m.range(),
            unit: Unit::Percent,
            low: lo,
            high: Some(hi),
            high_negative: false,
            high_positive: false,
            words: true,
        });
    }
}

/// Ranges in words ([`DIGIT_WORDS`]: "mid-single digits", "high teens"), in place of the bare
/// counts they cover; skipped where a band or another figure already stands.
fn digit_word_bands(s: &str, out: &mut Vec<Fig>) {
    for c in DIGIT_WORDS.captures_iter(s) {
        let Some(m) = c.get(0) else { continue };
        let overlaps = |f: &Fig| f.span.start < m.end() && m.start() < f.span.end;
        // "the low 20s": the bare "20" read as a count is the band's.
        if out
            .iter()
            .any(|f| overlaps(f) && (f.unit != Unit::Count || f.words))
        {
            continue;
        }
        out.retain(|f| !overlaps(f));
        let band = c["band"].to_ascii_lowercase();
        let base = match band.as_bytes().first() {
            Some(b's') => 0.0,
            Some(b'd') | Some(b't') if band.starts_with("d") || band.starts_with("te") => 10.0,
            Some(b't') | Some(b'2') => 20.0,
            Some(b'3') => 30.0,
            Some(b'f') | Some(b'4') => 40.0,
            _ => 30.0,
        };
        let part = |w: &str| match w.to_ascii_lowercase().as_str() {
            "low" => (1.0, 3.0),
            "mid" => (4.0, 6.0),
            _ => (7.0, 9.0),
        };
        let (lo, _) = part(&c["lo"]);
        let (_, hi) = part(c.name("hi").map_or(&c["lo"], |h| h.as_str()));
        let (lo, hi) = if base == 10.0 && band.starts_with('d') {
            // "double digits": low 10–13, mid 14–16, high 17–19.
            (base + lo - 1.0 + f64::from(lo > 1.0), base + hi)
        } else {
            (base + lo, base + hi)
        };
        out.push(Fig {
            span: m.range(),
            unit: Unit::Percent,
            low: lo,
            high: Some(hi),
            high_negative: false,
            high_positive: false,
            words: true,
        });
    }
}

/// "the high 3% range", "low 17% range", "mid-20%": a band of the figure, not the figure.
/// "mid to high 20% range", "low- to mid-40%": the first band's start, the second's end.
fn bands_before(s: &str, out: &mut [Fig]) {
    static BAND_BEFORE: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(low|mid|high)(?:[\s-]*to[\s-]+(low|mid|high))?[\s-]*$"));
    for f in out.iter_mut() {
        // "mid-$30 million", "high-$20 million range": a band of tens of an amount.
        let scale = match f.low.abs() {
            x if x >= 1e9 => 1e9,
            x if x >= 1e6 => 1e6,
            _ => 1.0,
        };
        let amount_band = f.unit == Unit::Usd
            && scale > 1.0
            && f.high.is_none()
            && (f.low / scale) >= 20.0
            && (f.low / scale) % 10.0 == 0.0;
        if f.words
            || !(f.unit == Unit::Percent || amount_band)
            || f.high.is_some()
            || f.low.fract() != 0.0
        {
            continue;
        }
        let Some(c) = BAND_BEFORE.captures(&s[..f.span.start]) else {
            continue;
        };
        let part = |w: &str| match w.to_ascii_lowercase().as_str() {
            "low" => (0.0, 0.3),
            "mid" => (0.4, 0.6),
            _ => (0.7, 0.9),
        };
        let (a, _) = part(&c[1]);
        let (_, b) = part(c.get(2).map_or(&c[1], |m| m.as_str()));
        let scale = if amount_band { scale } else { 1.0 };
        let n = f.low / scale;
        let (lo, hi) = if n >= 20.0 && n % 10.0 == 0.0 {
            // "mid-20%": the twenties; "high $500 million": the high five hundreds.
            let step = if n >= 100.0 && n % 100.0 == 0.0 {
                100.0
            } else {
                10.0
            };
            (n + a * step, n + b * step)
        } else {
            (n + a, n + b)
        };
        f.span.start = c.get(0).map_or(f.span.start, |m| m.start());
        f.low = (lo * 10.0).round() / 10.0 * scale;
        f.high = Some((hi * 10.0).round() / 10.0 * scale);
        f.words = true;
    }
}

/// "high-teens to low-20% range": two bands written as one range (the figures in order).
fn join_word_bands(s: &str, out: &mut Vec<Fig>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let gap = s.get(a.span.end..b.span.start).unwrap_or("").trim();
        if a.words
            && b.words
            && matches!(gap, "to" | "-" | "to the" | "and")
            && b.high.unwrap_or(b.low) > a.low
        {
            let merged = Fig {
                span: a.span.start..b.span.end,
                high: b.high.or(Some(b.low)),
                ..a.clone()
            };
            out[i] = merged;
            out.remove(i + 1);
        }
        i += 1;
    }
}

pub(super) use crate::text::numbers::tidy;

/// A value with its deviation after it: "X, plus or minus Y", "X ± Y", "X, plus Y, minus Z".
/// Returns where the written range ends and its two ends.
pub(super) fn around(s: &str, q: &Quantity, rest: &[Quantity]) -> Option<(usize, f64, f64)> {
    static PLUS_MINUS: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)^\s*,?\s*(?:plus\s+or\s+minus|give\s+or\s+take|±|\+/-)\s*(?:--\s*)?$")
    });
    static PLUS: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)^\s*,?\s*(?:plus\s+or\s+minus\s*--\s*)?plus\s*$"));
    static MINUS: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*,?\s*(?:and\s+)?minus\s*$"));
    // A deviation in the figure's unit: basis points of a percentage are hundredths.
    let delta = |r: &Quantity| -> Option<f64> {
        match (q.unit, r.unit) {
            (a, b) if a == b => Some(r.value.abs()),
            (Unit::Percent, Unit::Bps) => Some(r.value.abs() / 100.0),
            // "$280 million, plus or minus 5%": a share of the value.
            (Unit::Usd | Unit::Count, Unit::Percent) => Some(q.value.abs() * r.value.abs() / 100.0),
            (Unit::Usd | Unit::Percent, Unit::Count) => Some(r.value.abs()),
            _ => None,
        }
    };
    let first = rest.first()?;
    let gap = &s[q.span.end..first.span.start];
    if PLUS_MINUS.is_match(gap) {
        let d = delta(first)?;
        return Some((first.span.end, tidy(q.value - d), tidy(q.value + d)));
    }
    let second = rest.get(1)?;
    if PLUS.is_match(gap.rsplit("minus --").next().unwrap_or(gap))
        && MINUS.is_match(&s[first.span.end..second.span.start])
    {
        let (up, down) = (delta(first)?, delta(second)?);
        return Some((second.span.end, tidy(q.value - down), tidy(q.value + up)));
    }
    None
}
