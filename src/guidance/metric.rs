//! What a figure measures: its metric, a label for people, and its basis (GAAP, non-GAAP,
//! adjusted), read from the words nearest the figure.
//!
//! The lexicon is one table of metric phrases (word-bounded, so "corporate" is not RPO and
//! "steps" is not EPS). A figure takes the phrase nearest before it in its own clause; a
//! phrase right after it ("$4.60 to $4.80 per diluted share", "12% organic revenue growth")
//! wins over a far one; with none, the caller carries the metric of the figure before.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::{Metric, re};
use crate::text::numbers::Unit;

/// The accounting basis a metric names; written in JSON and CSV as "GAAP", "non-GAAP" or
/// "adjusted".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Basis {
    /// GAAP.
    #[serde(rename = "GAAP")]
    Gaap,
    /// Non-GAAP.
    #[serde(rename = "non-GAAP")]
    NonGaap,
    /// Adjusted.
    #[serde(rename = "adjusted")]
    Adjusted,
}

impl Basis {
    /// As JSON and CSV write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Gaap => "GAAP",
            Basis::NonGaap => "non-GAAP",
            Basis::Adjusted => "adjusted",
        }
    }
}

/// One metric phrase found in text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct MetricWord {
    /// What it measures.
    pub metric: Metric,
    /// The label for people, as the call words it with its qualifiers ("Same-restaurant
    /// sales", "Adjusted diluted EPS").
    pub label: String,
    /// "GAAP", "non-GAAP", "adjusted", if the qualifiers say.
    pub basis: Option<Basis>,
    /// True for "... per share" phrases: the figure is per share whatever the metric.
    pub per_share: bool,
}

/// The lexicon, most specific first: at one position the first alternative that matches wins
/// ("EBITDA margin" is a margin, "free cash flow" is not "cash flow").
const LEXICON: &[(Metric, &str)] = &[
    (
        Metric::Other,
        r"\b(?:(?:free\s+)?cash(?:\s+flow)?\s+conversion|payout\s+ratio|flow[\s-]through|contribution\s+profit)\b",
    ),
    (
        Metric::Ffo,
        r"\b(?:core\s+|normalized\s+|adjusted\s+)?a?ffo(?:\s+(?:as\s+adjusted\s+)?(?:per|a)\s+(?:diluted\s+|fully[\s-]diluted\s+)?share)?\b|funds\s+from\s+operations(?:\s+(?:per|a)\s+(?:diluted\s+)?share)?",
    ),
    (
        Metric::Eps,
        r"(?:earnings|income|loss)\s+(?:per|a)\s+(?:basic\s+|diluted\s+|fully[\s-]diluted\s+|common\s+)?share|\beps\b|per\s+(?:basic\s+|diluted\s+|fully[\s-]diluted\s+|common\s+)?share|\bdiluted\s+(?:net\s+)?earnings(?:\s+(?:per|a)\s+(?:diluted\s+)?share)?\b",
    ),
    (
        Metric::Margin,
        r"(?:\b(?:ebitda|ebit|operating(?:\s+income)?|gross(?:\s+profit)?|net(?:\s+income)?|segment|pre-?tax|profit|contribution|ebitdar)\s+)?margins?\b|\bgross\s+profit\b",
    ),
    (Metric::FreeCashFlow, r"\bfree\s+cash\s+flows?\b|\bfcf\b"),
    (
        Metric::CashFlow,
        r"\bcash\s+flows?\s+from\s+operations|\bcash\s+from\s+operations|\boperating\s+cash\s+flows?|\bcash\s+flows?\b",
    ),
    (Metric::Ebitda, r"\b(?:ebitda(?:re|r)?|oibda)\b"),
    (
        Metric::Capex,
        r"\b(?:(?:growth|maintenance|sustaining)\s+)?(?:capital\s+(?:expenditures?|spending|spend|investments?|budget|program)|cap\s?ex|capex)\b|\b(?:projected|planned|budgeted)\s+capital\b",
    ),
    (
        Metric::TaxRate,
        r"\b(?:effective\s+)?(?:income\s+)?tax\s+rates?\b",
    ),
    (
        Metric::ComparableSales,
        r"\b(?:same[\s-](?:store|restaurant|unit|center|hotel|property)|comparable(?:[\s-]store)?|comp(?:arable)?[\s-]store|identical(?:[\s-]store)?|like[\s-]for[\s-]like|system[\s-]?wide)\s+(?:sales|revenues?|noi|revpar|store\s+sales)\b|\bcomps\b|\brevpar\b|\bsame[\s-]store\s+noi\b",
    ),
    (
        Metric::OperatingIncome,
        r"\boperating\s+(?:income|profits?|earnings|loss(?:es)?)\b|\b(?:income|loss)\s+from\s+operations\b|\bebit\b|\bsegment\s+(?:profit|income|earnings)\b|\bpre-?tax\s+(?:income|earnings|profit)\b|\bnet\s+operating\s+income\b|\bnoi\b",
    ),
    (
        Metric::NetIncome,
        r"\bnet\s+(?:income|earnings|loss(?:es)?|profit)\b|\bearnings\b",
    ),
    (
        Metric::Expense,
        r"\b(?:sg&a|opex|r&d|g&a|d&a)\b|\b(?:operating|interest|non-?interest|cash|total|fixed|corporate|restructuring|selling)?\s*(?:expenses?|costs?|charges?)\b|\bresearch\s+and\s+development\b|\bsales\s+and\s+marketing\b|\b(?:selling,?\s+(?:general,?\s+)?and\s+administrative|general\s+and\s+administrative)\b|\bdepreciation(?:\s+and\s+amortization)?\b|\bamortization\b|\bstock[\s-]based\s+compensation\b|\binterest\s+expense\b|\b(?:cash\s+|income\s+)?taxes\b|\bcash\s+tax\s+payments?\b|\bcasm(?:-?x)?\b|\b(?:advertising|marketing)(?:\s+spend(?:ing)?)?\b|\bbad\s+debts?\b|\bo&m\b",
    ),
    (
        Metric::Shares,
        r"\b(?:(?:diluted|weighted[\s-]average|basic|fully[\s-]diluted|average)\s+)*(?:share\s+count|shares(?:\s+outstanding)?)\b",
    ),
    (
        Metric::Revenue,
        r"\b(?:net\s+|total\s+|operating\s+|organic\s+|reported\s+|consolidated\s+)?(?:revenues?|sales|top[\s-]line)\b",
    ),
    // "production tax credits" are credits, not production.
    (
        Metric::Other,
        r"\b(?:production|investment|renewable|energy)\s+tax\s+credits?\b",
    ),
    (
        Metric::Volume,
        r"\b(?:deliveries|shipments|production|volumes?|units|closings|orders|barrels|boe(?:/d)?|gallons|tons|tonnes|asms|capacity|load\s+factor|occupancy|subscribers|enrollments?)\b",
    ),
    (
        Metric::Other,
        r"\b(?:rpo|rate\s+base|(?:common\s+)?equity\s+ratio|remaining\s+performance\s+obligations?|bookings|billings|backlog|retention|dividends?|buybacks?|repurchases?|book\s+value|return\s+on\s+(?:average\s+)?(?:common\s+)?(?:equity|(?:invested\s+|employed\s+)?capital(?:\s+employed)?|assets|tangible\s+(?:common\s+)?equity)|roe|roic|roa|roce|rotce|leverage|net\s+debt|non-?interest\s+income|fee\s+income|interest\s+income|other\s+income|net\s+interest\s+income|nii|loan\s+growth|(?:(?:average|period[\s-]end|ending|total|core)\s+)?(?:loans|deposits?)|combined\s+ratio|loss\s+ratio|arr|average\s+(?:selling|sales|realized)\s+prices?|asps?|average\s+daily\s+rates?|adr|price\s+realization|financing\s+needs?|funding\s+needs?|proceeds|cash\s+distributions|(?:incentive|management|performance|advisory|transaction|franchise|royalty|licensing|license)\s+fees?)\b",
    ),
    (Metric::Growth, r"\bgrowth\b|\bgrow\b"),
];

/// Words before a metric phrase that belong in its label.
const QUALIFIERS: &[&str] = &[
    "non-gaap",
    "gaap",
    "adjusted",
    "core",
    "comparable",
    "normalized",
    "recurring",
    "diluted",
    "fully",
    "service",
    "services",
    "subscription",
    "product",
    "products",
    "total",
    "gross",
    "organic",
    "consolidated",
    "segment",
    "company",
    "company-wide",
    "deferred",
    "unlevered",
    "levered",
    "reported",
    "net",
    "operating",
    "ongoing",
    "underlying",
    "cash",
    "full-year",
    "quarterly",
    "annual",
    "annualized",
    "sequential",
    "year-over-year",
    "year-on-year",
    "dollar-based",
    "constant-currency",
    // "local currency sales growth", "currency-neutral revenue": the basis of a growth rate.
    "local",
    "constant",
    "currency",
    "currency-neutral",
    "fx-neutral",
    "neutral",
    "constant-dollar",
    // "international eCommerce sales", "store sales": which sales.
    "international",
    "domestic",
    "ecommerce",
    "e-commerce",
    "online",
    "digital",
    "store",
    "wholesale",
];

/// Words before a metric that say which business, product or kind of it the figure is of
/// ("COVID diagnostic testing revenues", "utility EPS", "incremental revenue", "military
/// sales"): kept in the label.
const KIND_QUALIFIERS: &[&str] = &[
    "incremental",
    "utility",
    "utilities",
    "diagnostic",
    "testing",
    "rental",
    "leasing",
    "licensing",
    "royalty",
    "advertising",
    "membership",
    "merchandise",
    "aftermarket",
    "equipment",
    "software",
    "hardware",
    "cloud",
    "maintenance",
    "commercial",
    "residential",
    "industrial",
    "military",
    "defense",
    "wireless",
    "wireline",
    "broadband",
    "freight",
    "passenger",
    "cargo",
    "fee",
    "noninterest",
    "non-interest",
    "trading",
    "transaction",
    "snowmobile",
    "vaccine",
    "covid",
    "covid-related",
    "pandemic",
    "oem",
];

static LEXICON_RE: LazyLock<Vec<(Metric, Regex)>> = LazyLock::new(|| {
    LEXICON
        .iter()
        .map(|(m, p)| (*m, re(&format!("(?i){p}"))))
        .collect()
});

static NOT_A_METRIC: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s+(?:call|calls|release|releases|report|reports|season|announcement|date|webcast|presentation|power|quality)\b",
    )
});

/// The metric phrases of a text, in order, none overlapping (at one position the lexicon's
/// earlier entry wins).
fn phrases(text: &str) -> Vec<(std::ops::Range<usize>, Metric)> {
    // One pass tells which entries match at all; only those are run to find where.
    static ANY: LazyLock<regex::RegexSet> = LazyLock::new(|| {
        regex::RegexSet::new(
            LEXICON
                .iter()
                .map(|(_, p)| format!("(?i){p}").replace(r"\b", r"(?-u:\b)")),
        )
        .unwrap_or_else(|e| panic!("bad built-in lexicon: {e}"))
    });
    let hits = ANY.matches(text);
    let mut found: Vec<(std::ops::Range<usize>, Metric)> = Vec::new();
    for (i, (metric, r)) in LEXICON_RE.iter().enumerate() {
        if !hits.matched(i) {
            continue;
        }
        for m in r.find_iter(text) {
            // Trim the optional leading space some alternatives take.
            let lead = m.as_str().len() - m.as_str().trim_start().len();
            let range = m.start() + lead..m.end();
            if range.is_empty() {
                continue;
            }
            if found
                .iter()
                .any(|(r, _)| r.start < range.end && range.start < r.end)
            {
                continue;
            }
            // "our earnings call", "the earnings release": no metric.
            if *metric == Metric::NetIncome && NOT_A_METRIC.is_match(&text[range.end..]) {
                continue;
            }
            found.push((range, *metric));
        }
    }
    found.sort_by_key(|(r, _)| r.start);
    // "G&A expenses", "R&D costs": an expense word right after an expense names one phrase.
    let mut merged: Vec<(std::ops::Range<usize>, Metric)> = Vec::with_capacity(found.len());
    for (r, m) in found {
        if let Some((prev, pm)) = merged.last_mut()
            && *pm == m
            && m == Metric::Expense
            && text[prev.end..r.start].trim().is_empty()
        {
            prev.end = r.end;
            continue;
        }
        merged.push((r, m));
    }
    merged
}

/// The metric phrase nearest the end of `before` (the words between the previous figure and
/// this one), with its qualifiers.
pub(super) fn nearest_before(before: &str) -> Option<(MetricWord, usize)> {
    // "R&D as a percentage of revenue": the ratio is R&D's, not revenue's.
    static OF_REVENUE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:as\s+a\s+)?(?:percent(?:age)?|%|share|portion|proportion)\s+of\s+(?:total\s+|net\s+)*(?:[\w&-]+\s+){0,3}?(?:revenues?|sales)\b",
        )
    });
    // "margin which excluding acquisition-related charges is": the charges are left out.
    static LEFT_OUT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:excluding|ex|net\s+of|before)\s+(?:[\w&-]+\s+){0,5}?(?:charges|costs|items|expenses|impacts?|amortization|depreciation)\b(?:\s+(?:of\s+)?[\w&\s-]{0,60}?,)?",
        )
    });
    // "adjusted earnings per diluted share, excluding non-cash expense for stock options, tax
    // benefits ... and other discrete items, is estimated to be": the whole list left out,
    // up to the verb.
    static LEFT_OUT_LIST: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i),\s*(?:excluding|exclusive\s+of|net\s+of|before)\b[^;:]*?,\s*(?:is|are|was|were|will\s+be|should\s+be|to\s+be|is\s+expected|are\s+expected|is\s+estimated|are\s+estimated)\b",
        )
    });
    // "core operating expenses, excluding bad debt, of $191 million": an aside left out.
    static LEFT_OUT_ASIDE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i),\s*(?:excluding|exclusive\s+of|net\s+of|including)\s+[^,;:]{1,60},")
    });
    let masked;
    let before = if OF_REVENUE.is_match(before)
        || LEFT_OUT.is_match(before)
        || LEFT_OUT_LIST.is_match(before)
        || LEFT_OUT_ASIDE.is_match(before)
    {
        let blank = |c: &regex::Captures| " ".repeat(c[0].len());
        let once = OF_REVENUE.replace_all(before, blank);
        let twice = LEFT_OUT_LIST.replace_all(&once, blank);
        let aside = LEFT_OUT_ASIDE.replace_all(&twice, blank);
        masked = LEFT_OUT.replace_all(&aside, blank).into_owned();
        &*masked
    } else {
        before
    };
    let mut found = phrases(before);
    let (range, metric) = found.pop()?;
    // Blanked words (a list left out) do not count towards the distance.
    let distance = before[range.end..]
        .split_whitespace()
        .map(|w| w.len() + 1)
        .sum::<usize>();
    // "revenue growth", "EPS growth of": the growth of the metric before.
    if metric == Metric::Growth
        && let Some((prev, m)) = found.pop()
        && linked(&before[prev.end..range.start])
        && m != Metric::Growth
    {
        let mut w = word(before, prev.clone(), m);
        // "Same-restaurant sales growth" stays comparable sales; other metrics' growth is
        // growth.
        if m != Metric::ComparableSales {
            w.metric = Metric::Growth;
        }
        w.label.push_str(" growth");
        return Some((w, distance));
    }
    // "gross margin from home sales": the margin, not the sales.
    if let Some((prev, m)) = found.last()
        && HEAD.is_match(&before[prev.end..range.start])
    {
        return Some((word(before, prev.clone(), *m), distance));
    }
    Some((word(before, range, metric), distance))
}

/// The words between a metric and one that only qualifies it: "margin from home sales".
static HEAD: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*(?:from|on|of)\s+(?:[\w-]+\s+)?$"));

/// True when the words between a metric and "growth"/"grow" tie them together: "sales
/// growth", "net sales are anticipated to grow", "revenue to grow".
fn linked(between: &str) -> bool {
    const GLUE: &[&str] = &[
        "is",
        "are",
        "to",
        "be",
        "now",
        "still",
        "also",
        "expected",
        "anticipated",
        "projected",
        "forecast",
        "estimated",
        "should",
        "will",
        "could",
        "would",
        "continue",
        "we",
        "expect",
        "of",
    ];
    let words: Vec<&str> = between.split_whitespace().collect();
    words.len() <= 2
        || words.len() <= 5
            && words
                .iter()
                .all(|w| GLUE.contains(&w.to_ascii_lowercase().as_str()))
}

/// A metric phrase right after the figure: "per diluted share", "of revenue", "organic
/// revenue growth", "in accelerated rent expense", "of free cash flow per share". Returns it
/// with the byte offset where it ends in `after`.
pub(super) fn right_after(after: &str) -> Option<(MetricWord, usize)> {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\s*(?:(?:of|in|on|for|in\s+terms\s+of)\s+)?(?:(?:the\s+|our\s+|total\s+|full[\s-]year\s+|fiscal\s+(?:year\s+)?|(?:19|20)\d\d\s+|(?:first|second|third|fourth)[\s-]quarter\s+|q[1-4]\s+|annual\s+|average\s+|year-over-year\s+|sequential\s+|organic\s+|reported\s+|constant[\s-]currency\s+|adjusted\s+|non-gaap\s+|gaap\s+|diluted\s+|fully\s+|net\s+|comparable\s+|core\s+|even\s+|levered\s+|unlevered\s+|same[\s-]\w+\s+)*)",
        )
    });
    static PER_SHARE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)^\s*(?:per|a)\s+(?:basic\s+|diluted\s+|fully[\s-]diluted\s+|common\s+)?share\b")
    });
    // "$0.46 per FFO share", "$1.91 to $1.93 per core FFO share": the metric inside the "per
    // ... share".
    static PER_NAMED_SHARE: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)^\s*per\s+((?:[\w-]+\s+){1,3}?)share\b"));
    if let Some(c) = PER_NAMED_SHARE.captures(after)
        && let Some((r, m)) = phrases(&c[1]).into_iter().next()
        && c[1][..r.start].trim().is_empty()
    {
        let inner = word(&c[1], r, m);
        return Some((
            MetricWord {
                metric: m,
                label: format!("{} per share", inner.label),
                basis: inner.basis,
                per_share: true,
            },
            c.get(0).map_or(0, |x| x.end()),
        ));
    }
    let found = phrases(after);
    let lead = LEAD
        .captures_iter(after)
        .next()
        .map_or(0, |c| c.get(0).map_or(0, |m| m.end()));
    // The phrase must start where the lead-in ends (give or take a space): "$X and EPS of"
    // names the next figure's metric, not this one's.
    let of_in = {
        let l = after.trim_start().to_ascii_lowercase();
        ["of ", "in ", "on ", "for "]
            .iter()
            .any(|w| l.starts_with(w))
    };
    let i = found.iter().position(|(r, _)| {
        r.start <= lead + 1
            // "12% recurring revenue growth", "14% to 16% long-term adjusted EBITDA margin":
            // qualifiers the lead-in does not list, and up to two modifiers of the phrase.
            || r.start > lead && {
                let words: Vec<String> = after[lead..r.start]
                    .split_whitespace()
                    .map(str::to_ascii_lowercase)
                    .collect();
                !after[lead..r.start].contains([',', ';', '(', '$'])
                    && words
                        .iter()
                        .filter(|w| !QUALIFIERS.contains(&w.as_str()))
                        .all(|w| w.contains('-') && w.chars().all(|c| c.is_ascii_alphabetic() || c == '-'))
                    && words
                        .iter()
                        .filter(|w| !QUALIFIERS.contains(&w.as_str()))
                        .count()
                        <= 2
            }
            || of_in
                && r.start >= lead
                && after[lead..r.start].split_whitespace().count() <= 2
                && !after[lead..r.start].contains([',', ';'])
                && !after[lead..r.start].split_whitespace().any(|w| {
                    matches!(
                        w.to_ascii_lowercase().as_str(),
                        "with" | "and" | "or" | "for" | "in" | "to" | "at" | "from" | "by"
                    )
                })
    })?;
    let (range, metric) = found[i].clone();
    let mut w = word(after, range.clone(), metric);
    let mut end = range.end;
    // "11% to 13% annual growth in adjusted EPS": the growth of the metric after it.
    if metric == Metric::Growth
        && let Some((next, m)) = found.get(i + 1)
        && *m != Metric::Growth
        && {
            let gap = after[range.end..next.start].to_ascii_lowercase();
            let gap = gap.trim_start();
            (gap.starts_with("in ") || gap.starts_with("of "))
                && gap.split_whitespace().count() <= 3
                && !gap.contains([',', ';'])
        }
    {
        let inner = word(after, next.clone(), *m);
        let qualifier = w
            .label
            .strip_suffix("growth")
            .unwrap_or("")
            .trim()
            .to_string();
        let label = if qualifier.is_empty() {
            format!("{} growth", inner.label)
        } else {
            let rest = super::patterns::lower_first(&inner.label);
            format!("{qualifier} {rest} growth")
        };
        w = MetricWord {
            metric: if *m == Metric::ComparableSales {
                *m
            } else {
                Metric::Growth
            },
            label,
            ..inner
        };
        return Some((w, next.end));
    }
    // "per share of levered free cash flow": the metric after the "per share".
    if metric == Metric::Eps
        && w.label.to_ascii_lowercase().starts_with("per")
        && let Some((next, m)) = found.get(i + 1)
        && {
            let gap = after[range.end..next.start].trim().to_ascii_lowercase();
            gap.starts_with("of") && gap.split_whitespace().count() <= 2
        }
    {
        let inner = word(after, next.clone(), *m);
        w = MetricWord {
            metric: *m,
            label: format!("{} per share", inner.label),
            basis: inner.basis,
            per_share: true,
        };
        end = next.end;
    }
    // "free cash flow per share".
    if let Some(m) = PER_SHARE.find(&after[end..])
        && !w.per_share
    {
        w.label.push_str(" per share");
        w.per_share = true;
        end += m.end();
    }
    // "revenue growth".
    if let Some((next, Metric::Growth)) = found.get(i + 1)
        && after[end..next.start].trim().is_empty()
    {
        end = next.end;
        if w.metric != Metric::ComparableSales {
            w.metric = Metric::Growth;
            w.label.push_str(" growth");
        }
    }
    Some((w, end))
}

/// Every metric phrase of a text, in order: "non-GAAP operating earnings and non-GAAP
/// adjusted EBITDA ... respectively" names two.
pub(super) fn all_phrases(text: &str) -> Vec<MetricWord> {
    phrases(text)
        .into_iter()
        .filter(|(_, m)| *m != Metric::Growth)
        .map(|(r, m)| word(text, r, m))
        .collect()
}

fn word(text: &str, range: std::ops::Range<usize>, metric: Metric) -> MetricWord {
    let phrase = &text[range.clone()];
    // Qualifiers right before the phrase, as written.
    let mut start = range.start;
    for w in text[..range.start].split_inclusive(' ').rev() {
        let bare = w
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if bare.is_empty() && w.trim().is_empty() {
            start -= w.len();
            continue;
        }
        let lower = bare.to_ascii_lowercase();
        // "COVID diagnostic testing revenues", "utility EPS", "ORV snowmobile sales": the kind
        // of business or product the figure is of.
        let acronym = bare.len() >= 2
            && bare.len() <= 6
            && bare.chars().all(|c| c.is_ascii_uppercase() || c == '&')
            && !matches!(
                bare,
                "GAAP" | "EPS" | "FFO" | "AFFO" | "EBITDA" | "EBIT" | "FY" | "US" | "I"
                // The economy's, not the company's: "GDP growth" is named only by its
                // own phrase.
                    | "GDP" | "CPI" | "PMI" | "ISM" | "USA" | "UK" | "EU"
            );
        if (QUALIFIERS.contains(&lower.as_str())
            || KIND_QUALIFIERS.contains(&lower.as_str())
            || acronym)
            && w.trim() == bare
        {
            start -= w.len();
        } else {
            break;
        }
    }
    // A name in capitals right before the phrase is the segment it measures: "4th quarter
    // Roofing EBIT margins", "Aerospace Systems segment operating margin".
    start = segment_name_start(text, start);
    let written = text[start..range.start].trim_start();
    // "to grow 5%": the metric is growth, whatever the verb.
    let phrase = if metric == Metric::Growth {
        "growth"
    } else {
        phrase
    };
    // "post-closing revenue contributions of $400 million to $500 million": the part of the
    // measure that something adds, not the measure.
    let rest = text[range.end..].trim_start().to_ascii_lowercase();
    let contribution = ["contribution", "contributions"].iter().any(|w| {
        rest.strip_prefix(w)
            .is_some_and(|r| !r.starts_with(|c: char| c.is_ascii_alphanumeric()))
    });
    let phrase = if contribution && !phrase.to_ascii_lowercase().contains("per ") {
        format!("{phrase} contribution")
    } else {
        phrase.to_string()
    };
    let label_text = format!("{written}{phrase}");
    let lower = label_text.to_ascii_lowercase();
    let basis = if lower.contains("non-gaap") {
        Some(Basis::NonGaap)
    } else if lower.contains("adjusted") {
        Some(Basis::Adjusted)
    } else if lower.contains("gaap") {
        Some(Basis::Gaap)
    } else {
        None
    };
    let per_share = lower.contains("per ") && lower.contains("share") || lower.contains(" a share");
    MetricWord {
        metric,
        label: tidy(&label_text),
        basis,
        per_share,
    }
}

/// Where a segment's name in capitals ends right before `start` begins (one or two words:
/// "Roofing", "Aerospace Systems"), else `start`. Words of periods, bases and pronouns are no
/// names.
fn segment_name_start(text: &str, start: usize) -> usize {
    const NOT_NAMES: &[&str] = &[
        "we",
        "our",
        "the",
        "this",
        "that",
        "these",
        "those",
        "its",
        "and",
        "or",
        "for",
        "in",
        "of",
        "to",
        "with",
        "on",
        "at",
        "by",
        "as",
        "full",
        "fiscal",
        "year",
        "quarter",
        "first",
        "second",
        "third",
        "fourth",
        "1st",
        "2nd",
        "3rd",
        "4th",
        "half",
        "annual",
        "total",
        "company",
        "consolidated",
        "gaap",
        "non-gaap",
        "adjusted",
        "organic",
        "core",
        "net",
        "gross",
        "i",
        "so",
        "now",
        "then",
        "also",
        "again",
        "overall",
        "looking",
        "turning",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "group",
        "corporate",
        "new",
        "next",
        "last",
        "prior",
        "current",
        "fy",
        "q1",
        "q2",
        "q3",
        "q4",
        "h1",
        "h2",
        "u.s",
        "us",
    ];
    let mut begin = start;
    let mut taken = 0;
    let head = &text[..start];
    // Before "segment", an acronym is part of the name ("the Automotive OEM segment").
    let segment_next = text[start..]
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("segment");
    for w in head.split_inclusive(' ').rev() {
        let bare = w.trim();
        if bare.is_empty() {
            begin -= w.len();
            continue;
        }
        let name = bare.chars().next().is_some_and(char::is_uppercase)
            && bare.len() >= 3
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '&')
            && (!bare.chars().skip(1).all(char::is_uppercase)
                || segment_next
                    && !matches!(bare, "GAAP" | "EPS" | "EBITDA" | "EBIT" | "FFO" | "AFFO"))
            && !NOT_NAMES.contains(&bare.to_ascii_lowercase().as_str());
        if !name || taken == 2 {
            break;
        }
        taken += 1;
        begin -= w.len();
    }
    // A name that opens the sentence is the subject, not a segment, unless it is two words.
    let before = text[..begin].trim_end();
    if taken == 1 && (before.is_empty() || before.ends_with(['.', '!', '?'])) {
        return start;
    }
    if taken == 0 {
        start
    } else {
        begin + (text[begin..start].len() - text[begin..start].trim_start().len())
    }
}

/// True for a growth label that names no metric ("Growth", "Year-over-year growth").
pub(super) fn generic_growth(w: &MetricWord) -> bool {
    w.metric == Metric::Growth
        && w.label
            .to_ascii_lowercase()
            .split_whitespace()
            .all(|x| x == "growth" || QUALIFIERS.contains(&x))
}

/// Capitalises the first letter, spells acronyms as companies do, folds white space.
fn tidy(s: &str) -> String {
    let words: Vec<String> = s
        .split_whitespace()
        .map(|w| {
            let l = w.to_ascii_lowercase();
            match l.as_str() {
                "eps" | "ebitda" | "ebit" | "ffo" | "affo" | "rpo" | "noi" | "fcf" | "sg&a"
                | "r&d" | "g&a" | "d&a" | "o&m" | "casm" | "casm-x" | "asms" | "revpar"
                | "ebitdar" | "ebitdare" | "oibda" | "asp" | "adr" | "arr" | "roe" | "roic"
                | "nii" => l.to_uppercase(),
                "gaap" => "GAAP".to_string(),
                "non-gaap" => "non-GAAP".to_string(),
                _ => w.to_string(),
            }
        })
        .collect();
    let s = words.join(" ");
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => s,
    }
}

/// "14% of sales", "6.7% of premium": what a ratio is of.
/// True for a label of the wider lexicon that names an amount ("Net interest income",
/// "Bookings", "Deposits"), not a rate, ratio or price ("Combined ratio", "Retention").
fn amount_like(label: &str) -> bool {
    let l = label.to_ascii_lowercase();
    const AMOUNTS: &[&str] = &[
        "net interest income",
        "interest income",
        "nii",
        "bookings",
        "billings",
        "backlog",
        "deposits",
        "loans",
        "deposit",
        "rpo",
        "remaining performance obligation",
        "arr",
        "book value",
        "fees",
        "fee",
        "price",
        "prices",
        "asp",
        "asps",
    ];
    !l.contains("growth")
        && !l.contains('%')
        && AMOUNTS
            .iter()
            .any(|a| l.ends_with(a) || l.split_whitespace().any(|w| w == *a))
}

fn ratio_of(before: &str, after: &str) -> Option<&'static str> {
    // "14% of sales" right after the figure, or "as a percentage of revenue" before it; not
    // "an increase of sales in the mid-single digits".
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\s*(?:of\s+(?:our\s+|the\s+)?(?:annual\s+)?(?:net\s+|consolidated\s+|total\s+(?:[\w-]+\s+){0,4}?)?|(?:or\s+(?:better|more|less|lower)\s+)?(?:[\w&-]+\s+){0,2}?to\s+(?:net\s+)?)(sales|revenues?|premiums?)\b",
        )
    });
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?:\b(?:percent(?:age)?|share|portion|ratio|proportion)|%)\s+of\s+(?:net\s+|total\s+(?:[\w-]+\s+){0,4}?|(?:[\w&-]+\s+){0,3}?)?(sales|revenues?|premiums?)\b",
        )
    });
    let c = AFTER.captures(after).or_else(|| BEFORE.captures(before))?;
    Some(match c[1].to_ascii_lowercase().as_str() {
        "sales" => "sales",
        p if p.starts_with("premium") => "premium",
        _ => "revenue",
    })
}

/// The figure's metric when it is a percentage of a metric that is not itself a rate: "sales
/// up 8% to 10%" is sales growth, "adjusted EPS growth of 33%" EPS growth.
pub(super) fn as_rate(w: MetricWord, unit: Unit, before: &str, after: &str) -> MetricWord {
    let context = format!("{before} {after}");
    let context = context.as_str();
    if !matches!(unit, Unit::Percent | Unit::Bps) {
        return w;
    }
    static GROWS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:growth|grow(?:ing|s)?|up|down|increase[sd]?|decrease[sd]?|decline[sd]?|higher|lower|rise|fall|reduce[sd]?|reduction|improve(?:ment)?|over\s+(?:20\d\d|last\s+year|the\s+prior))\b",
        )
    });
    match w.metric {
        // "expenses to grow 6%, and to be around 6.7% of premium": the ratio of the metric
        // that grows.
        Metric::Growth if ratio_of(before, after).is_some() && !GROWS.is_match(context) => {
            let base = w.label.trim_end_matches(" growth").to_string();
            MetricWord {
                metric: nearest_before(&format!("{base} "))
                    .map_or(Metric::Other, |(b, _)| b.metric),
                label: format!(
                    "{base}, % of {}",
                    ratio_of(before, after).unwrap_or("revenue")
                ),
                ..w
            }
        }
        // "net interest income to be down 1% to 3%", "bookings to increase mid-single
        // digits": an amount named by the wider lexicon grows; a rate or ratio does not.
        Metric::Other if GROWS.is_match(context) && amount_like(&w.label) => {
            let label = format!("{} growth", w.label);
            MetricWord {
                metric: Metric::Growth,
                label,
                ..w
            }
        }
        Metric::Margin
        | Metric::TaxRate
        | Metric::Growth
        | Metric::ComparableSales
        | Metric::Other
        | Metric::Shares => w,
        // "expenses of 33% of revenue" is a ratio; "expenses up 5%" growth.
        Metric::Expense
        | Metric::Volume
        | Metric::Revenue
        | Metric::Eps
        | Metric::NetIncome
        | Metric::Capex
            if ratio_of(before, after).is_some() =>
        {
            MetricWord {
                label: format!(
                    "{}, % of {}",
                    w.label,
                    ratio_of(before, after).unwrap_or("revenue")
                ),
                ..w
            }
        }
        // "an O&M efficiency target of 30.4%": a cost ratio, unless it grows.
        Metric::Expense | Metric::Volume | Metric::Capex if !GROWS.is_match(context) => w,
        _ => {
            let lower = w.label.to_ascii_lowercase();
            let label = if lower.contains("growth") {
                w.label.clone()
            } else {
                format!("{} growth", w.label)
            };
            MetricWord {
                metric: Metric::Growth,
                label,
                ..w
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_phrase_wins_and_words_are_bounded() {
        let (w, _) = nearest_before("we expect sales of $1 billion and adjusted diluted EPS of ")
            .expect("a metric");
        assert_eq!(w.metric, Metric::Eps);
        assert_eq!(w.label, "Adjusted diluted EPS");
        assert_eq!(w.basis, Some(Basis::Adjusted));
        assert!(nearest_before("the corporate steps we took ").is_none());
        let (w, _) = nearest_before("same-restaurant sales growth of ").expect("a metric");
        assert_eq!(w.metric, Metric::ComparableSales);
        assert_eq!(w.label, "Same-restaurant sales growth");
        let (w, _) = nearest_before("adjusted EBITDA margin of ").expect("a metric");
        assert_eq!(w.metric, Metric::Margin);
        let (w, _) = nearest_before("capital spending of ").expect("a metric");
        assert_eq!(w.metric, Metric::Capex);
        let (w, _) = nearest_before("diluted net earnings per share between ").expect("a metric");
        assert_eq!(w.metric, Metric::Eps);
        assert!(w.per_share);
    }

    #[test]
    fn a_phrase_right_after_the_figure() {
        let (w, _) = right_after(" per diluted share for the year").expect("per share");
        assert!(w.per_share);
        let (w, _) = right_after(" organic revenue growth").expect("growth");
        assert_eq!(w.metric, Metric::Growth);
        assert_eq!(w.label, "Organic revenue growth");
        let (w, _) = right_after(" of levered free cash flow per share").expect("fcf");
        assert_eq!((w.metric, w.per_share), (Metric::FreeCashFlow, true));
        let (w, _) = right_after(" per share of free cash flow").expect("fcf");
        assert_eq!((w.metric, w.per_share), (Metric::FreeCashFlow, true));
        assert!(right_after(" as we look at revenue").is_none());
        // Hyphenated modifiers and qualifiers between the figure and its phrase.
        let (w, _) = right_after(" long-term adjusted EBITDA margin target range").expect("margin");
        assert_eq!(
            (w.metric, w.label.as_str()),
            (Metric::Margin, "Adjusted EBITDA margin")
        );
        let (w, _) = right_after(" recurring revenue growth").expect("growth");
        assert_eq!(w.label, "Recurring revenue growth");
        // Words that are not modifiers leave the figure without a phrase.
        assert!(right_after(" last year margin").is_none());
        let (w, _) = right_after(" annual growth in adjusted EPS").expect("EPS growth");
        assert_eq!(
            (w.metric, w.label.as_str()),
            (Metric::Growth, "Annual adjusted EPS growth")
        );
    }

    #[test]
    fn fees_are_a_measure_and_left_out_items_are_not() {
        let (w, _) =
            nearest_before("we forecast full year incentive fees of approximately ").expect("fees");
        assert_eq!(w.label, "Incentive fees");
        let (w, _) =
            nearest_before("G&A expenses excluding corporate depreciation of ").expect("G&A");
        assert_eq!(w.label, "G&A expenses");
        let (w, _) = nearest_before(
            "full-year adjusted earnings per diluted share, excluding non-cash expense for stock options, costs related to litigation and lost revenue, is estimated to be in the range of ",
        )
        .expect("EPS");
        assert_eq!(w.metric, Metric::Eps);
    }
}
