//! Guidance figures: every forward-looking figure a company gives in its call, with metric,
//! basis, period, values in base units, direction, who said it, and whether the Chinese agrees.
//!
//! A sentence is guidance when a company speaker (never the operator or an analyst) looks
//! forward in any voice ("we expect", "EPS is now expected to be", "capex should be roughly",
//! "our revenue forecast remains", "we set our new range at"), or when it follows such a
//! sentence inside an outlook without reporting a result ("And for the full year, between
//! 166,000 and 171,000 units."). Within it, each figure takes the metric phrase nearest it in
//! its own clause (or right after it: "per diluted share"), else the metric of the figure
//! before; its period is the nearest period words, resolved against the call's own quarter and
//! year. Figures after comparison or result words ("up from", "prior guidance of", "came in
//! at"), excluded items, refusals and other people's outlooks are not guidance. Long-term
//! targets ("by 2025", a CAGR) are kept as [`Kind::Target`] with their horizon.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::text::numbers::{Quantity, Unit, chinese, english};
use crate::transcript::{Role, Section, Transcript};

mod cues;
mod metric;
mod period;

use metric::{MetricWord, as_rate, generic_growth, nearest_before, right_after};
pub use period::{CallPeriod, call_period};
use period::{find_direction, find_horizon, find_period, sentences};

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Revenue or sales of any kind.
    Revenue,
    /// Same-store, same-restaurant, comparable or identical sales.
    ComparableSales,
    /// Operating income or loss, segment profit, EBIT.
    OperatingIncome,
    /// Net income or loss.
    NetIncome,
    /// Earnings or loss per share.
    Eps,
    /// Funds from operations (FFO, AFFO, core FFO): the REIT earnings measure.
    Ffo,
    /// EBITDA, adjusted EBITDA, EBITDAre.
    Ebitda,
    /// Free cash flow.
    FreeCashFlow,
    /// Other cash flow (cash from operations).
    CashFlow,
    /// Capital expenditures, capital spending, capital investment.
    Capex,
    /// The effective tax rate.
    TaxRate,
    /// A margin.
    Margin,
    /// A growth rate.
    Growth,
    /// An expense, cost or charge, or an expense ratio.
    Expense,
    /// A share count.
    Shares,
    /// Units, deliveries, production, shipments, capacity.
    Volume,
    /// Anything else forward-looking with a figure.
    Other,
}

/// Whether a figure is this call's guide or a longer-term target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A guide for a coming quarter, half or fiscal year.
    Guide,
    /// A long-term target ("by 2025", "through 2027", "long-term", a CAGR): its period is
    /// the horizon.
    Target,
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
    /// A guide or a long-term target.
    pub kind: Kind,
    /// What it measures.
    pub metric: Metric,
    /// For people, as the call words it: "Adjusted diluted EPS", "Same-restaurant sales
    /// growth", "Sales and marketing, % of revenue".
    pub label: String,
    /// "GAAP", "non-GAAP", "adjusted", or none.
    pub basis: Option<&'static str>,
    /// "Q3 FY2025", "FY2024", "H2 FY2024", "next 12 months"; for a target its horizon ("by
    /// 2025", "through 2027", "next 3 years", "long term").
    pub period: Option<String>,
    /// Lower end (none for "up to").
    pub low: Option<f64>,
    /// Upper end (none for "over", "at least", "or more").
    pub high: Option<f64>,
    /// "USD", "USD/share", "%", "bps", "shares" or "units".
    pub unit: &'static str,
    /// True for "approximately", "about", "mid-single digits".
    pub approximate: bool,
    /// raised, lowered, reiterated, narrowed, initiated.
    pub direction: Option<&'static str>,
    /// Who said it, as the speaker header writes the name.
    pub speaker: String,
    /// Prepared remarks or Q&A.
    pub section: Section,
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
    // Word boundaries are ASCII ones: the patterns read English, and an ASCII boundary keeps
    // the regex engine on its fast lazy DFA instead of the Unicode-aware fallback.
    let p = p.replace(r"\b", r"(?-u:\b)");
    regex::RegexBuilder::new(&p)
        .dfa_size_limit(8 << 20)
        .build()
        .unwrap_or_else(|e| panic!("bad built-in pattern {p}: {e}"))
}

/// A sentence that opens an outlook: the figures after it in the paragraph are guidance even
/// without a verb ("Turning to our outlook. For the full year, between 166,000 and 171,000
/// units.").
static OPENS_GUIDANCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:turning|moving|turn|move|now|shifting|as|looking|let\s+me\s+(?:now\s+)?(?:turn|move|discuss|talk|walk|provide|share|cover|give)|i'll\s+(?:now\s+)?(?:turn|move|discuss|talk|walk|cover)|with\s+respect)\s+(?:(?:now\s+)?(?:to|for|on|at|ahead|through|about|you\s+through)\s+)?(?:our\s+|the\s+|my\s+)?(?:\w+\s+){0,3}?(?:guidance|outlook|expectations|forecast)|(?:reiterating|reaffirming|reiterate|reaffirm|affirming|updating|raising|introducing|initiating)\s+(?:our\s+|its\s+|the\s+)?(?:[a-z0-9'\s-]+)?(?:guidance|outlook)|(?:guidance|outlook)\s+(?:is|are)\s+as\s+follows|(?:guidance|outlook)\s*(?::|is\s+as\s+follows)",
    )
});
/// A sentence that opens with its topic: "For the fourth quarter, ...", "Turning to 2022".
static TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:and\s+|now\s+|so\s+|then\s+)?(?:for|in|turning\s+to|looking\s+(?:at|to|into|ahead\s+to|forward\s+to)|moving\s+(?:on\s+)?to|as\s+for|on|regarding|with\s+respect\s+to)\b",
    )
});
/// Where a comparison with the past starts in a sentence: periods after it are not the
/// figure's ("up from 59% in Q2 of last year").
static COMPARISON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:,\s*)?\b(?:up|down)\s+from\b|\bversus\b|\bcompared\s+(?:to|with)\b|\bvs\.?\s|\bfrom\s+the\s+(?:same|year)|\bsimilar\s+to\b|\bin\s+line\s+with\b|\binclusive\s+of\b|\bover\s+(?:the\s+)?(?:prior|last|same)\b|\brelative\s+to\b|\bfrom\s+(?:these|those|current|today's|this|last)\b|\b(?:higher|lower|more|less|better|worse|above|below)\s+than\b|\bin\s+excess\s+of\b|\bfrom\s+(?:\$\d|\d+(?:\.\d+)?\s*(?:%|percent|basis|bps))",
    )
});
/// A change by an amount: "increase by approximately".
static USD_DELTA: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\b(?:increase|decrease|grow|decline|improve|rise|reduce|lower|cut|fall|expand|contract|save)[sd]?\s+(?:[\w-]+\s+){0,5}?by|\b(?:up|down)|\badd(?:s|ing)?(?:\s+(?:a\s+)?combined)?)\s+(?:over\s+|approximately\s+|about\s+|roughly\s+|around\s+|nearly\s+|another\s+|an\s+additional\s+|a\s+net\s+)?$",
    )
});
/// "sales are now divided 48% first half, 52% second half": a split, not a guide.
static SPLIT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:split|divided|weighted|phased|allocated)\b"));
/// "Adjusted EPS" → "adjusted EPS", "EPS" stays.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match (c.next(), c.next()) {
        (Some(f), Some(n)) if n.is_lowercase() => {
            f.to_lowercase().chain(s[f.len_utf8()..].chars()).collect()
        }
        _ => s.to_string(),
    }
}

/// "$0.63 or $106 million", "15 to 20 megawatts or mid-teens": the figure before, again.
static OR_AGAIN: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\W*(?:[a-z-]+\s+){0,2}?or(?:\s+(?:about|approximately|roughly|around))?\s*$")
});
/// "at the high end of guidance", "the low end of our range".
static END_OF_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:high|low|top|bottom|upper|lower)\s+end\s+of\s+(?:the\s+|our\s+|that\s+)?(?:\w+\s+){0,2}?(?:guidance|range|outlook)\b",
    )
});
/// A commodity price after an amount: "$4 copper", "$70 per barrel".
static COMMODITY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:per\s+(?:barrel|ounce|pound|ton|tonne|mmbtu|gallon|bushel|megawatt|mwh|therm)|(?:copper|oil|gold|silver|gas|brent|wti|crude|lumber|steel|aluminum|corn|wheat|soybeans?)\b)",
    )
});
/// A sentence that goes on from the one before: "And for the full year, ...".
static FOLLOW_ON: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*(?:and|also|then|plus|while|with)\b"));
/// Words after which the figures of a sentence are parts of the one before: "$215 million of
/// revenue, comprised of $155 million of ... and the $60 million of ...".
static PARTS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:comprised\s+of|consisting\s+of|made\s+up\s+of|composed\s+of|of\s+which|broken\s+down\s+as|split\s+between)\b",
    )
});
/// "This excludes", "excluding": what follows is left out of the guide.
static EXCLUDES: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:this|that|it|which|guidance|outlook|\w+)\s+(?:also\s+)?exclude[sd]?\b")
});
/// "... using these price assumptions": a scenario.
static ASSUMED_PRICES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\busing\s+(?:these|those|the|current)\s+(?:[\w-]+\s+){0,2}?(?:assumptions|prices)\b|\bat\s+(?:these|current|today's)\s+(?:[\w-]+\s+)?prices\b",
    )
});
/// "from roughly flat to down 4%": a move from one figure to the next.
static FROM_FLAT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\bfrom\s+(?:roughly\s+|about\s+|approximately\s+)?flat\s+to\s+(?:down|up)\s*$")
});
/// "... per annum at $5 copper": a figure at an assumed price.
static AT_PRICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bat\s+\$[\d.]+\s+(?:per\s+\w+\s+)?(?:copper|oil|gold|silver|gas|brent|wti|crude|lumber|steel)\b",
    )
});
/// "reduces our capacity outlook by about four points": a change of a guide.
static GUIDE_BY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:outlook|guidance|guide|forecast|range|midpoint)\s+by\s+(?:about\s+|approximately\s+|roughly\s+|around\s+|an?\s+additional\s+)?$",
    )
});
/// "55% of earnings in the first half": how the year divides.
static PHASING: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\s*of\s+(?:[\w-]+\s+){0,3}?in\s+(?:the\s+)?(?:first|second|back|front)\s+half\b")
});
/// A change made to a guide: "lowering our capex guidance around $42 million".
static CHANGE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:rais|lower|increas|reduc|cutt|trimm|lift|narrow)(?:e|es|ed|ing)?\s+(?:our\s+|the\s+)?(?:[\w'’-]+\s+){0,4}?(?:guidance|outlook|guide|forecast|range)\s+(?:by\s+|around\s+)?(?:approximately\s+|about\s+|roughly\s+)?$",
    )
});
/// "in the quarter", "this quarter": the quarter just reported, where nothing looks forward.
static IN_THE_QUARTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\W*(?:in|for|during)\s+(?:the|this)\s+quarter\b"));
/// "which would imply": arithmetic on a guide, not a guide.
static IMPLY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:would|could|might)\s+(?:imply|suggest|mean)\b"));
/// "down 3%", "down in the low to mid-teens", "a decline of": a fall.
static DOWN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:down|decline\s+of|decrease\s+of|declines?|decrease)(?:\s+(?:in\s+the|by|to|about|approximately|roughly))?\s*$",
    )
});
/// "use $110 million to $125 million of cash": an outflow.
static USE_OF_CASH: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:use|burn|consume)\s*$"));
/// "$40 million to $60 million of use": an outflow.
static OF_USE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*of\s+(?:cash\s+|free\s+cash\s+)?(?:use|burn|outflow)\b"));
/// A loss named before a figure.
static LOSS: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bloss(?:es)?\b"));
/// "3 million units or more": a lower bound.
static OR_MORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(?:[a-z-]+\s+){0,2}?or\s+(?:more|higher|better|greater|above|beyond)\b")
});
/// "$100 million higher than the second quarter": a difference.
static THAN: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*(?:higher|lower|more|less|better|worse|above|below)\s+than\b"));
/// Figures so far: "year-to-date", "to date", "so far".
static TO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:year[\s-]to[\s-]date|ytd|to\s+date|so\s+far|thus\s+far|through\s+(?:the\s+)?(?:first|second|third)\s+(?:quarter|half|nine\s+months))\b",
    )
});
/// Where a figure's own words after it end: "up approximately 7% for the year or a headwind
/// of about $45 million" gives the 7% no headwind.
static CLAUSE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)[,;]|\b(?:or|and|but|while|which|with|as)\b"));
/// Words of expectation that carry a guide in Q&A, where "would be" and "I think" are talk.
static STRONG_FORWARD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:expect|anticipat|guid|forecast|project|target|outlook|plan)\w*")
});
/// "... by $95 million", "by an additional $0.06": a change.
static BY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bby\s+(?:an?\s+additional\s+|another\s+|approximately\s+|about\s+|roughly\s+|around\s+|nearly\s+|a\s+net\s+|a\s+further\s+)?$",
    )
});
/// "100 basis points better", "$100 million higher": a change.
static CHANGED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\s*(?:or\s+[\d.]+%\s+)?(?:better|worse|higher|lower|more|less|greater|above|below)\b")
});
/// "higher than 2019's record": a rise over a named year.
static THAN_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(?:higher|lower|above|below|more|less|greater)\s+than\s+(?:the\s+|our\s+)?(20\d\d)",
    )
});
/// "the corresponding prior year period", "last year": a past period to compare with.
static PRIOR_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:prior[\s-]year|last\s+year|year[\s-]ago|same\s+period|corresponding\s+period)\b")
});
/// A modal that looks ahead.
static MODAL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:would|will|should|could|expect\w*|anticipat\w*)\b"));
/// Sensitivities: "would change earnings by", "would be favorably impacted by".
static SENSITIVITY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:would|could|might)\s+(?:\w+\s+){0,3}?(?:change|impact|affect|reduce|increase|decrease|lower|raise|add|be\s+(?:favorably|unfavorably|positively|negatively|adversely)\s+(?:impacted|affected))\b",
    )
});
/// A sentence that sets a scenario: "If the Section 45L tax credit is extended, ...".
static IF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:and\s+|but\s+|so\s+)?(?:if|assuming)\s+(?:the|our|we|it|there|that|this|these|those|current|demand|rates?|prices?|[a-z]+\s+(?:is|are|were|was)\b)",
    )
});
/// "a low-20s percentage of our full year EPS", "84% of our backlog".
static PERCENTAGE_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:percentage\s+of|of\s+(?:that|this|these|those)\s|of\s+(?:our|its|this|the\s+company's)\s+(?:full[\s-]year\s+|total\s+)?(?:backlog|orders|portfolio|pipeline|eps|earnings|adjusted\s+eps|sales\s+mix|customers|stores|fleet|workforce))\b",
    )
});
/// "$47 million in incremental O&M": an increment.
static INCREMENT_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*(?:in|of)\s+(?:incremental|additional)\b"));
/// "incremental revenue", "additional annualized revenue": an increment.
static INCREMENT: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:incremental|additional)\b"));
/// A headwind or tailwind to a metric.
static WIND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:constant[\s-])?(headwind|tailwind|impact|savings|synerg(?:y|ies)|contribution|contribute|benefit|effect|currency|fx)s?\b(?:\s+(profit|margin))?",
    )
});
/// Words that make a percentage a growth rate.
static GROWTH_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:growth|grow(?:ing|s)?|up|down|increase[sd]?|decrease[sd]?|decline[sd]?|higher|lower|flat|rise|fall|expand|contract)\b",
    )
});
/// Words that start a new clause after a comparison.
static MASK_END: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:with|while|and\s+(?:we|our|the)|but|which|whereas)\b"));

/// Blanks out the comparisons of a sentence ("compared to 2020", "up from 59% in Q2 of last
/// year") up to the end of their clause, keeping every byte offset.
fn mask_comparisons(s: &str) -> String {
    let mut out = s.to_string();
    for m in COMPARISON.find_iter(s) {
        // The clause ends at a comma, a semicolon or a full stop, not at the point inside a
        // figure ("from 19.9% in 2021").
        let b = s.as_bytes();
        let stop = (m.end()..b.len())
            .find(|&i| {
                matches!(b[i], b',' | b';')
                    || b[i] == b'.' && !b.get(i + 1).is_some_and(u8::is_ascii_digit)
            })
            .unwrap_or(b.len());
        // "... higher than the second quarter with margins between 22.3% and 23.1%": the
        // comparison ends where another clause starts.
        let end = MASK_END
            .find(&s[m.end()..stop])
            .map_or(stop, |w| m.end() + w.start());
        let blank: String = s[m.start()..end]
            .chars()
            .map(|c| " ".repeat(c.len_utf8()))
            .collect();
        out.replace_range(m.start()..end, &blank);
    }
    out
}

/// A year as digits.
static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:19|20)\d\d\b"));
/// Words that lead into a count being guided.
static COUNT_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:of|between|be|to|at|approximately|about|around|roughly|is|are|total|deliver|produce|ship|open|add|from)\s*$",
    )
});
/// What joins the two ends of a range.
static RANGE_JOIN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:per\s+(?:diluted\s+)?share\s+)?(?:to|and|-|–|—|through|to\s+an?|and\s+an?|or|to\s+(?P<neg>negative|minus)|and\s+(?P<neg2>negative|minus)|to\s+(?P<up>up|positive)|to\s+(?:earnings|income|net\s+income|a\s+profit|profit|positive|a\s+gain)(?:\s+of)?)\s*$",
    )
});
/// Ranges in words: "mid-single digits", "high teens", "low-to-mid twenties".
static DIGIT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?P<lo>low|mid|high)(?:[\s-]+to[\s-]+(?P<hi>mid|high))?[\s-]+(?P<band>single[\s-]digits?|double[\s-]digits?|teens|twenties|20s|thirties|30s|forties|40s)\b",
    )
});

/// A figure of a sentence: one value or a range, with where it stands.
#[derive(Debug, Clone)]
struct Fig {
    span: std::ops::Range<usize>,
    unit: Unit,
    low: f64,
    /// The other end of a range.
    high: Option<f64>,
    /// The range was written "... to negative ..." / "and negative ...".
    high_negative: bool,
    /// The upper end turns from a loss to earnings ("from a loss of $0.06 to earnings of $0.09").
    high_positive: bool,
    /// A range in words ("mid-single digits").
    words: bool,
}

/// The figures of a sentence, with ranges joined.
fn figures_of(s: &str) -> Vec<Fig> {
    let qs: Vec<Quantity> = english(s)
        .into_iter()
        .filter(|q| {
            !q.word && matches!(q.unit, Unit::Usd | Unit::Percent | Unit::Bps | Unit::Count)
        })
        // "K-12", "COVID-19", "F-35": names, not figures.
        .filter(|q| {
            let b = &s.as_bytes()[..q.span.start];
            !(q.unit == Unit::Count
                && b.len() >= 2
                && b[b.len() - 1] == b'-'
                && b[b.len() - 2].is_ascii_alphabetic())
        })
        .map(|mut q| {
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
        })
        .collect();
    let mut out: Vec<Fig> = Vec::new();
    let mut i = 0;
    while i < qs.len() {
        let q = &qs[i];
        let join = qs.get(i + 1).and_then(|r| {
            let gap = &s[q.span.end..r.span.start];
            let c = RANGE_JOIN.captures(gap)?;
            let same = r.unit == q.unit
                || q.unit == Unit::Count && matches!(r.unit, Unit::Usd | Unit::Percent);
            // "X or Y" is a range only for like figures ("$0.05 or $0.06").
            let or = gap.trim().eq_ignore_ascii_case("or");
            (same
                && (!or || r.unit == q.unit && r.value > q.value && r.value <= q.value * 10.0)
                && r.value.abs() >= q.value.abs() * 0.2)
                .then(|| {
                    let lower = gap.to_ascii_lowercase();
                    (
                        r,
                        c.name("neg").or(c.name("neg2")).is_some(),
                        ["earnings", "income", "profit", "positive", "gain", "up"]
                            .iter()
                            .any(|w| lower.contains(w)),
                    )
                })
        });
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
            Some((r, neg, pos)) => {
                out.push(Fig {
                    span: q.span.start..r.span.end,
                    unit: r.unit,
                    low: q.value,
                    high: Some(r.value),
                    high_negative: neg,
                    high_positive: pos,
                    words: false,
                });
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
    for c in DIGIT_WORDS.captures_iter(s) {
        let Some(m) = c.get(0) else { continue };
        if out
            .iter()
            .any(|f| f.span.start < m.end() && m.start() < f.span.end)
        {
            continue;
        }
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
    out.sort_by_key(|f| f.span.start);
    out
}

/// Rounds away the float noise of a sum ("22.7 + 0.4" is 23.1, not 23.099999999999998).
fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    // Ten significant digits: "$4.1 billion" is 4,100,000,000, not 4,099,999,999.9999995.
    let scale = 10f64.powi(9 - v.abs().log10().floor() as i32);
    (v * scale).round() / scale
}

/// A value with its deviation after it: "X, plus or minus Y", "X ± Y", "X, plus Y, minus Z".
/// Returns where the written range ends and its two ends.
fn around(s: &str, q: &Quantity, rest: &[Quantity]) -> Option<(usize, f64, f64)> {
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

/// Extracts the guidance figures of a transcript.
pub fn extract(t: &Transcript) -> Vec<GuidanceFigure> {
    let call = call_period(t);
    // The company's own name: "Acme expects" is the company, "IHS expects" is not.
    let company = t.company().unwrap_or_default().to_ascii_lowercase();
    let mut out: Vec<GuidanceFigure> = Vec::new();
    // The period in force carries from paragraph to paragraph within a turn ("We expect R&D
    // ... to remain about 15%" right after "... for fiscal 2024").
    let mut carried: Option<String> = None;
    // An outlook carries into the next paragraph of the turn, not further.
    let mut outlook_carried = false;
    let mut last_turn = usize::MAX;
    for (n, (turn, p)) in t.paragraphs().enumerate() {
        if turn != last_turn {
            carried = None;
            outlook_carried = false;
            last_turn = turn;
        }
        let Some(en) = p.en.as_deref() else { continue };
        let the_turn = &t.turns[turn];
        let speaker = t.speakers.get(the_turn.speaker);
        // Only the company gives guidance: not the operator, not an analyst's "this would
        // imply".
        if speaker.is_some_and(|s| matches!(s.role, Role::Operator | Role::Analyst)) {
            continue;
        }
        let speaker_name = speaker.map_or_else(String::new, |s| s.name.clone());
        // No digit, no figure: such a paragraph neither gives guidance nor sets its period,
        // but it may open an outlook ("Turning to our outlook for the year.").
        if !en.bytes().any(|b| b.is_ascii_digit()) && !DIGIT_WORDS.is_match(en) {
            outlook_carried = OPENS_GUIDANCE.is_match(en);
            continue;
        }
        // The Chinese paragraph's figures, read once for all the figures of the paragraph.
        let zh_figures: std::cell::OnceCell<Vec<Quantity>> = std::cell::OnceCell::new();
        let mut period: Option<String> = carried.clone();
        // The first period the paragraph sets: its topic ("For the third quarter, ...").
        let mut topic: Option<String> = None;
        let mut direction: Option<&'static str> = None;
        let mut outlook = outlook_carried;
        let mut looked_forward = false;
        // The metric of the last figure of the outlook, for a figure whose clause names none.
        let mut outlook_metric: Option<MetricWord> = None;
        let spans = sentences(en);
        for range in spans.iter().cloned() {
            let s = &en[range.clone()];
            let digits = s.bytes().any(|b| b.is_ascii_digit());
            // The sentence with its comparisons blanked out ("Compared to 2020, we target
            // Q3 '21 ..."): periods and years in them are not the guide's. Same byte offsets.
            let masked = mask_comparisons(s);
            let own = masked.as_str();
            if let Some(d) = find_direction(s) {
                direction = Some(d);
            }
            let fwd = cues::forward(s);
            let result = cues::reports_result(s);
            let opens = OPENS_GUIDANCE.is_match(s);
            let figs = if digits || DIGIT_WORDS.is_match(s) {
                figures_of(s)
            } else {
                Vec::new()
            };
            // The period a guiding sentence opens with ("For the fourth quarter, we expect
            // ...") holds for the sentences after it; one named after the figures, or in a
            // sentence about results, is that sentence's own.
            // "Looking at the second quarter of 2021.": a sentence that only names the
            // period the next ones guide.
            let heading =
                figs.is_empty() && TOPIC.is_match(own) && own.split_whitespace().count() <= 12;
            if (fwd || opens || outlook || heading) && !result {
                // Without figures, a sentence sets the period when it names the guide ("we
                // are raising our full year EPS outlook for 2021") or opens with it
                // ("Turning to fiscal 2022, ..."), not when it mentions one in passing.
                let lead = figs.first().map_or_else(
                    || {
                        if cues::names_guide(own) {
                            own.len()
                        } else if TOPIC.is_match(own) {
                            own.char_indices().nth(60).map_or(own.len(), |(i, _)| i)
                        } else {
                            0
                        }
                    },
                    |f| f.span.start.min(own.len()),
                );
                if let Some(found) = find_period(&own[..lead], call) {
                    topic.get_or_insert_with(|| found.clone());
                    period = Some(found);
                }
            }
            if opens {
                outlook = true;
            }
            if figs.is_empty() {
                if fwd && !result {
                    outlook = true;
                    looked_forward = true;
                }
                continue;
            }
            let question = s.trim_end().ends_with('?');
            // An item compared with a past period is a result unless a modal looks ahead ("This
            // would represent growth of 22% to 25% compared to the second quarter of last
            // year").
            let listed = outlook
                && !result
                && !cues::states_fact(s)
                && !cues::has_past_verb(s)
                && (!PRIOR_PERIOD.is_match(s)
                    || MODAL.is_match(&s[..figs.first().map_or(s.len(), |f| f.span.start)]));
            if fwd {
                outlook = true;
                looked_forward = true;
            } else if result {
                outlook = false;
                outlook_metric = None;
            }
            if !(fwd || listed) || question || cues::refuses(s) {
                continue;
            }
            // "Moving on to segment operating margins, ..., our guidance is 7% to 9%": the
            // topic the sentence opens with.
            let mut sentence_metric: Option<MetricWord> = TOPIC
                .is_match(s)
                .then(|| s.split(',').next().and_then(nearest_before))
                .flatten()
                .map(|(w, _)| w);
            // A short follow-on ("And for the full year, between 166,000 and 171,000
            // units.") takes the outlook's metric; a sentence of its own does not.
            let follow_on =
                s.split_whitespace().count() <= 14 && (TOPIC.is_match(s) || FOLLOW_ON.is_match(s));
            if !follow_on {
                outlook_metric = None;
            }
            let mut prev_end = 0;
            // "... $350 million in sales and $0.05 in diluted EPS in the first 12 months":
            // a period after the last figure holds for the list.
            // Only a list shares it: one figure's own words after it are its clause.
            let proper = figs
                .iter()
                .filter(|f| f.unit != Unit::Count || f.low >= 1000.0)
                .count();
            let trailing = figs
                .iter()
                .rfind(|f| f.unit != Unit::Count || f.low >= 1000.0)
                .filter(|_| proper > 1)
                .and_then(|f| find_period(&own[f.span.end.min(own.len())..], call))
                .or_else(|| period.clone());
            let mut skipped_prev = false;
            let mut parts = false;
            // "a headwind approaching $60 million for revenue and $20 million for adjusted
            // EBITDA": the effect goes on through the list.
            let mut effect: Option<String> = None;
            // Values the sentence names as an earlier guide ("we increased it from a range of
            // $2.75 to $2.80 to ..."): a row of the same values from this sentence is that old
            // range, said first by mistake.
            let mut earlier: Vec<(f64, Option<f64>)> = Vec::new();
            let rows_before = out.len();
            for (i, fig) in figs.iter().enumerate() {
                let prev_start = prev_end.min(fig.span.start);
                let before_all = &s[prev_start..fig.span.start];
                let before = before_all.rsplit([';', ':']).next().unwrap_or(before_all);
                // The next figure proper: "12" of "the next 12 months" is part of this one's
                // words.
                let next_start = figs[i + 1..]
                    .iter()
                    .find(|r| r.unit != Unit::Count || r.low >= 1000.0)
                    .map_or(s.len(), |r| r.span.start);
                let after = s[fig.span.end..next_start]
                    .split([',', ';', '.'])
                    .next()
                    .unwrap_or("");
                // "11% of sales" is a ratio of sales, not sales growth.
                let after_word = right_after(after).filter(|(w, _)| {
                    let lead = after.trim_start().to_ascii_lowercase();
                    !(matches!(fig.unit, Unit::Percent | Unit::Bps)
                        && w.metric == Metric::Revenue
                        && (lead.starts_with("of ") || lead.starts_with("in "))
                        && !lead.starts_with("in terms of"))
                });
                // The next figure's words start after this one's metric ("3% revenue growth
                // and 35% adjusted operating margin").
                prev_end = fig.span.end + after_word.as_ref().map_or(0, |(_, end)| *end);
                // A percentage takes the amount's metric before it only as its growth ("sales
                // of $X, up 5%"), not as a ratio ("which represents just over 80%
                // conversion").
                let carry = |m: &Option<MetricWord>| {
                    m.clone().filter(|w| {
                        fig.unit != Unit::Percent
                            || matches!(w.metric, Metric::Margin | Metric::TaxRate | Metric::Growth)
                            || GROWTH_WORD.is_match(before)
                            || GROWTH_WORD.is_match(after)
                    })
                };
                // The metric is sought with the sentence's comparisons blanked: "in excess of
                // net income at approximately 100%" is the conversion's, not net income's.
                let before_own = {
                    let b = &own[prev_start.min(own.len())..fig.span.start.min(own.len())];
                    b.rsplit([';', ':']).next().unwrap_or(b)
                };
                // "up 2.5% in terms of organic revenue": the words after name it outright.
                let explicit = after
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("in terms of");
                let word = choose_metric(
                    if explicit { "" } else { before_own },
                    after_word.as_ref().map(|(w, _)| w.clone()),
                    fig.unit,
                    &carry(&sentence_metric),
                )
                .or_else(|| carry(&outlook_metric));
                // A skipped figure still names the metric for the figures after it ("raising
                // our EPS guidance from a range of $8.90 to $9.10, up to $9.15 to $9.30").
                if let Some(w) = &word {
                    sentence_metric = Some(w.clone());
                }
                // A forward word only after the figure ("which has led us to take a $33
                // million charge ..., we are revising our guidance") does not make it a guide
                // when a result comes first.
                let upto = &s[..fig.span.start];
                // Looked up only where a test needs it: it scans the sentence up to the figure.
                let forward_before = std::cell::OnceCell::new();
                let forward_before = || *forward_before.get_or_init(|| cues::forward(upto));
                // "$9.93 to $10.53 or $10.23 at the midpoint": the range again.
                let midpoint_again = before.trim().eq_ignore_ascii_case("or")
                    && after.trim_start().to_ascii_lowercase().contains("midpoint");
                // A figure whose own words name a year already past is a past figure ("net
                // leverage at March 31, 2020 would be", "from the $9.88 in 2020").
                let past_year = call.year.is_some_and(|y| {
                    YEAR.find_iter(&own[prev_start..fig.span.start])
                        .filter_map(|m| m.as_str().parse::<u16>().ok())
                        .last()
                        .is_some_and(|named| named < y)
                });
                // A count needs its unit right after it ("2,700 homes") or a lead-in ("between
                // 166,000 and ..."): "Boeing 737 MAX" is a name.
                let count_unread =
                    fig.unit == Unit::Count && after_word.is_none() && !COUNT_LEAD.is_match(before);
                // In Q&A only a sentence that guides outright counts: a forward verb and the
                // guide or a period named.
                let loose_in_qa = the_turn.section == Section::Qa
                    && (IMPLY.is_match(s)
                        || nearest_before(before_own).is_none_or(|(_, d)| d > 40)
                            && after_word.is_none())
                    || the_turn.section == Section::Qa
                        && !(STRONG_FORWARD.is_match(s)
                            && !cues::has_past_verb(s)
                            && (cues::names_guide(s) || find_period(s, call).is_some()));
                // "increase by approximately $10 million per year": a change, not a level.
                let usd_delta = matches!(fig.unit, Unit::Usd | Unit::Bps)
                    && (THAN.is_match(after)
                        || CHANGED
                            .is_match(&s[fig.span.end..].chars().take(40).collect::<String>()))
                    || fig.unit == Unit::Usd && USD_DELTA.is_match(before)
                    || matches!(fig.unit, Unit::Usd | Unit::Bps) && BY.is_match(before);
                // "would change earnings by $0.04 per share", "If the credit is extended, ...":
                // sensitivities and scenarios.
                let scenario = SENSITIVITY.is_match(before)
                    || IF.is_match(s)
                    || ASSUMED_PRICES.is_match(s)
                    || AT_PRICE.is_match(&s[fig.span.end..].chars().take(60).collect::<String>())
                    || GUIDE_BY.is_match(before);
                // "about 55% of earnings in the first half": the phasing of the year.
                let phasing = fig.unit == Unit::Percent && PHASING.is_match(after);
                // "lowering our capex guidance around $42 million or 10% at the midpoint".
                let cut = fig.unit == Unit::Usd
                    && CHANGE_VERB.is_match(before)
                    && s[fig.span.end..]
                        .chars()
                        .take(40)
                        .collect::<String>()
                        .to_ascii_lowercase()
                        .contains("midpoint");
                // "free cash flow of $40 million in the quarter demonstrates": the quarter
                // reported, in a sentence with no forward word.
                let this_quarter = !fwd && IN_THE_QUARTER.is_match(after);
                // "a low-20s percentage of our full year EPS", "84% of our backlog": shares.
                let percentage_of = fig.unit == Unit::Percent && PERCENTAGE_OF.is_match(after);
                // "net COVID incremental revenues of $345 million": an increment.
                let increment = INCREMENT.is_match(before.rsplit(',').next().unwrap_or(before))
                    || INCREMENT_AFTER.is_match(after);
                // "Year-to-date structural cost reductions are $98 million".
                let to_date = TO_DATE.is_match(before.rsplit(',').next().unwrap_or(before));
                // "Over 90% of the current capital program is directed to ... which is
                // expected to": a share of something, before the forward words.
                let share_of = fig.unit == Unit::Percent && SPLIT.is_match(s)
                    || fig.unit == Unit::Percent
                        && after.trim_start().starts_with("of ")
                        && !forward_before()
                        && {
                            let tail = &s[fig.span.end..];
                            let own_clause = tail.find(" which ").map_or(tail, |i| &tail[..i]);
                            !cues::forward(own_clause)
                        };
                // "excludes $0.63 or $106 million": the same item in other units.
                let same_as_skipped = skipped_prev && OR_AGAIN.is_match(before);
                // "25% growth at the high end of guidance": an end of a range given before.
                let end_of_range = END_OF_RANGE.is_match(after);
                // "$4 copper", "$70 oil": a price the guide assumes.
                let price = fig.unit == Unit::Usd && COMMODITY.is_match(after);
                skipped_prev = true;
                // "this excludes $0.63 ..., offset in part by the gain ... of $0.59": every figure
                // of a list of exclusions is one.
                if PARTS.is_match(before) || EXCLUDES.is_match(before) {
                    parts = true;
                }
                // "capital spending growth in the low- to mid-teens" with no "our": the
                // customers' or the industry's spending.
                let others_capex = !before.to_ascii_lowercase().contains("our ")
                    && nearest_before(before).is_some_and(|(w, _)| {
                        w.metric == Metric::Growth
                            && w.label.to_ascii_lowercase().starts_with("capital")
                    });
                // "adjusted EBITDA of negative $3 million ... below the prior year period, ...
                // which we will discuss": results, the forward word only after them.
                let results_first = fwd && PRIOR_PERIOD.is_match(s) && !forward_before();
                // "15% higher than 2019's record": a rise over a base year long past.
                let over_old_base = fig.unit == Unit::Percent
                    && THAN_YEAR
                        .captures(after)
                        .and_then(|c| c[1].parse::<u16>().ok())
                        .zip(call.year)
                        .is_some_and(|(base, y)| base + 1 < y);
                if same_as_skipped
                    || results_first
                    || over_old_base
                    || phasing
                    || cut
                    || this_quarter
                    || cues::others_forecast(upto)
                    || someone_else(upto, &company)
                    || scenario
                    || percentage_of
                    || increment
                    || parts
                    || others_capex
                    || IMPLY.is_match(upto)
                    || end_of_range
                    || price
                    || cues::past_before(before)
                    || share_of
                    || usd_delta
                    || to_date
                    || past_year
                    || count_unread
                    || loose_in_qa
                    || midpoint_again
                    || (fwd && !forward_before() && cues::reports_result(upto))
                    || cues::past_after(after)
                    || cues::not_company(before.rsplit(',').next().unwrap_or(before))
                    || cues::not_company_after(after)
                    || (fwd && cues::result_since_forward(upto))
                    || (!fwd && cues::reports_result(before))
                {
                    if cues::past_before(before) {
                        earlier.push((fig.low.abs(), fig.high.map(f64::abs)));
                    }
                    continue;
                }
                skipped_prev = false;
                let Some(word) = word else {
                    // No metric anywhere: kept only where the sentence names the guide, in
                    // the prepared remarks (in Q&A such a figure is a restatement or an aside).
                    // "$2.05 per MMBtu": a price assumption, not a guide.
                    if fig.unit == Unit::Count
                        || after.trim_start().starts_with("per ")
                        || !fwd
                        || the_turn.section == Section::Qa
                        || !cues::names_guide(s)
                    {
                        continue;
                    }
                    let other = MetricWord {
                        metric: Metric::Other,
                        label: "Other".to_string(),
                        basis: None,
                        per_share: false,
                    };
                    push(
                        &mut out,
                        make(
                            t,
                            n,
                            p,
                            &zh_figures,
                            s,
                            range.start,
                            fig,
                            &other,
                            before,
                            after,
                        ),
                        call,
                        &trailing,
                        (
                            own,
                            before,
                            next_start,
                            direction,
                            &speaker_name,
                            the_turn.section,
                        ),
                    );
                    continue;
                };
                let word = with_basis(per_share_by_size(word, fig, s), before);
                // "guidance assumes a $600 million COVID-related headwind": an assumption
                // of the guide, named for what it is.
                let word = match WIND
                    .captures(before.rsplit(',').next().unwrap_or(before))
                    .or_else(|| {
                        WIND.captures(
                            CLAUSE_AFTER
                                .find(after)
                                .map_or(after, |m| &after[..m.start()]),
                        )
                    }) {
                    // "constant currency sales growth" is growth, not a currency effect.
                    Some(c)
                        if c.get(2).is_none()
                            && !c[0].to_ascii_lowercase().starts_with("constant") =>
                    {
                        let name = effect_name(&c[1]);
                        effect = Some(name.clone());
                        with_effect(word, &name)
                    }
                    _ => match &effect {
                        Some(name) if before_own.trim().len() <= 25 => with_effect(word, name),
                        _ => word,
                    },
                };
                // "$192 per megawatt day" is a price; "$13,000 per day" of margin is a unit
                // economics guide.
                if fig.unit == Unit::Usd
                    && !word.per_share
                    && after.trim_start().starts_with("per ")
                    && !matches!(
                        word.metric,
                        Metric::Revenue
                            | Metric::Margin
                            | Metric::Expense
                            | Metric::OperatingIncome
                            | Metric::Ebitda
                            | Metric::ComparableSales
                    )
                {
                    continue;
                }
                sentence_metric = Some(word.clone());
                outlook_metric = Some(word.clone());
                let rated = as_rate(word, fig.unit, before, after);
                push(
                    &mut out,
                    make(
                        t,
                        n,
                        p,
                        &zh_figures,
                        s,
                        range.start,
                        fig,
                        &rated,
                        before,
                        after,
                    ),
                    call,
                    &trailing,
                    (
                        own,
                        before,
                        next_start,
                        direction,
                        &speaker_name,
                        the_turn.section,
                    ),
                );
            }
            if !earlier.is_empty() {
                let mut i = rows_before;
                while i < out.len() {
                    let o = &out[i];
                    let old = earlier.iter().any(|&(l, h)| {
                        o.low.map(f64::abs) == Some(l) && o.high.map(f64::abs) == h.or(Some(l))
                    });
                    if old && o.paragraph == n && o.text == s {
                        out.remove(i);
                    } else {
                        i += 1;
                    }
                }
            }
        }
        // A full-year period goes on into the next paragraph of the turn, and so does the
        // paragraph's topic; a quarter or a half named later in it is the paragraph's own
        // ("back half sales to be about flat" does not make the next paragraph's "our outlook
        // assumes 10% to 13% growth" a second-half figure).
        carried = match period {
            _ if !looked_forward => None,
            Some(p) if p.starts_with("FY") || topic.as_ref() == Some(&p) => Some(p),
            _ => topic.or(carried),
        };
        // An outlook goes on into the next paragraph only when this one ends by opening it
        // ("Now turning to our outlook for 2022."): a list of figures follows.
        outlook_carried = spans.last().is_some_and(|r| {
            let last = &en[r.clone()];
            OPENS_GUIDANCE.is_match(last) && !last.bytes().any(|b| b.is_ascii_digit())
        });
    }
    out
}

/// The metric of a figure: a "per share" right after it, else the phrase nearest before it in
/// its clause, else one right after it, else the metric of the figure before in the sentence.
fn choose_metric(
    before: &str,
    a: Option<MetricWord>,
    unit: Unit,
    sentence: &Option<MetricWord>,
) -> Option<MetricWord> {
    // A metric far before the figure, with a clause between, is another clause's.
    let b = nearest_before(before).filter(|(_, d)| *d <= 100);
    let chosen = pick(before, b, a, unit, sentence)?;
    // "revenue of $X, representing year-over-year growth of 5%": the revenue's growth.
    match sentence {
        Some(prev) if generic_growth(&chosen) && prev.metric != Metric::Growth => {
            Some(MetricWord {
                label: format!("{} growth", prev.label),
                basis: chosen.basis.or(prev.basis),
                ..chosen
            })
        }
        _ => Some(chosen),
    }
}

fn pick(
    before: &str,
    b: Option<(MetricWord, usize)>,
    a: Option<MetricWord>,
    unit: Unit,
    sentence: &Option<MetricWord>,
) -> Option<MetricWord> {
    match (b, a) {
        (_, Some(a)) if a.per_share && unit == Unit::Usd && a.metric != Metric::Eps => Some(a),
        // "purchase at least $1 billion of our shares": an amount of shares is a buyback.
        (_, Some(a)) if a.metric == Metric::Shares && unit == Unit::Usd && !a.per_share => {
            Some(MetricWord {
                metric: Metric::Other,
                label: "Share repurchases".to_string(),
                ..a
            })
        }
        (b, Some(a)) if a.per_share && unit == Unit::Usd => {
            let near = b.clone().filter(|(w, d)| {
                *d < 80
                    && matches!(
                        w.metric,
                        Metric::Eps
                            | Metric::Ffo
                            | Metric::NetIncome
                            | Metric::OperatingIncome
                            | Metric::FreeCashFlow
                            | Metric::CashFlow
                    )
            });
            // "the quarterly dividend ... will be $0.12 per share": that metric per share.
            let other = b
                .as_ref()
                .filter(|(w, d)| {
                    *d < 80 && !w.per_share && near.is_none() && w.metric == Metric::Other
                })
                .map(|(w, _)| w.clone());
            Some(match near {
                None if other.is_some() => {
                    let w = other.unwrap_or_else(|| a.clone());
                    MetricWord {
                        label: format!("{} per share", w.label),
                        per_share: true,
                        ..w
                    }
                }
                Some((w, _)) if w.per_share || w.metric == Metric::Eps => MetricWord {
                    per_share: true,
                    ..w
                },
                Some((w, _)) => MetricWord {
                    metric: match w.metric {
                        Metric::Ffo | Metric::FreeCashFlow | Metric::CashFlow => w.metric,
                        _ => Metric::Eps,
                    },
                    label: format!("{} per share", w.label),
                    basis: w.basis.or(a.basis),
                    per_share: true,
                },
                // "$85 million or $0.12 per share" of expenses: the same item per share.
                None if OR_AGAIN.is_match(before)
                    && sentence.as_ref().is_some_and(|w| {
                        !matches!(w.metric, Metric::Eps | Metric::NetIncome | Metric::Ffo)
                    }) =>
                {
                    let w = sentence.clone().unwrap_or_else(|| a.clone());
                    MetricWord {
                        label: format!("{} per share", w.label),
                        per_share: true,
                        ..w
                    }
                }
                // "core FFO per share ... to a new range of $2.80 to $2.84 per share".
                None if sentence
                    .as_ref()
                    .is_some_and(|w| matches!(w.metric, Metric::Eps | Metric::Ffo)) =>
                {
                    let w = sentence.clone().unwrap_or_else(|| a.clone());
                    if w.per_share || w.label.to_ascii_lowercase().contains("share") {
                        MetricWord {
                            per_share: true,
                            ..w
                        }
                    } else {
                        MetricWord {
                            label: format!("{} per share", w.label),
                            per_share: true,
                            ..w
                        }
                    }
                }
                None => MetricWord {
                    metric: Metric::Eps,
                    label: if LOSS.is_match(before) {
                        "Loss per share"
                    } else {
                        "Earnings per share"
                    }
                    .to_string(),
                    ..a
                },
            })
        }
        (Some((b, d)), Some(a)) if d > 40 || b.metric == Metric::Growth => {
            if b.metric == Metric::Growth && a.metric != Metric::Growth {
                Some(MetricWord {
                    metric: Metric::Growth,
                    label: format!("{} growth", a.label),
                    ..a
                })
            } else {
                Some(a)
            }
        }
        (Some((b, _)), _) => Some(b),
        (None, Some(a)) => Some(a),
        (None, None) => sentence.clone(),
    }
}

/// "GAAP EPS outlook is $9.13 to $9.29 and on a non-GAAP basis $16.35 to $16.45": the basis
/// the figure's own words name wins over the one the metric was carried with.
fn with_basis(word: MetricWord, before: &str) -> MetricWord {
    static BASIS: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(?:non-gaap|adjusted|gaap|as[\s-]reported|reported)\b"));
    let Some(m) = BASIS.find_iter(before).last() else {
        return word;
    };
    let named = match m.as_str().to_ascii_lowercase().as_str() {
        "non-gaap" => "non-GAAP",
        "adjusted" => "adjusted",
        _ => "GAAP",
    };
    if word.basis == Some(named) {
        return word;
    }
    // "non-GAAP adjusted EBITDA": the label says it already.
    if word
        .label
        .to_ascii_lowercase()
        .contains(&named.to_ascii_lowercase())
    {
        return MetricWord {
            basis: Some(named),
            ..word
        };
    }
    let bare = ["non-GAAP ", "Non-GAAP ", "GAAP ", "Adjusted ", "adjusted "]
        .iter()
        .find_map(|p| word.label.strip_prefix(p))
        .unwrap_or(&word.label);
    // "Operating profit" after a basis is "adjusted operating profit"; "EPS" stays.
    let bare = lower_first(bare);
    let label = match named {
        "non-GAAP" => format!("Non-GAAP {bare}"),
        "adjusted" => format!("Adjusted {bare}"),
        _ => format!("GAAP {bare}"),
    };
    MetricWord {
        label,
        basis: Some(named),
        ..word
    }
}

/// "Headwind", "Synergies", "Currency effect": the name of an effect word.
fn effect_name(word: &str) -> String {
    let e = word.to_ascii_lowercase();
    match e.as_str() {
        e if e.starts_with("synerg") => "Synergies".to_string(),
        "contribute" => "Contribution".to_string(),
        "currency" | "fx" => "Currency effect".to_string(),
        e => {
            let mut ch = e.chars();
            ch.next().map_or(String::new(), |f| {
                f.to_uppercase().chain(ch).collect::<String>()
            })
        }
    }
}

/// The figure as an effect on its metric: "Headwind to adjusted EBITDA".
fn with_effect(word: MetricWord, effect: &str) -> MetricWord {
    MetricWord {
        metric: Metric::Other,
        label: if word.metric == Metric::Other || word.label == "Other" {
            effect.to_string()
        } else {
            format!("{effect} to {}", lower_first(&word.label))
        },
        per_share: word.per_share,
        basis: word.basis,
    }
}

/// True when a named other party is the subject of the forward verb before the figure: "For
/// 2022, IHS expects global auto production to grow 11%".
fn someone_else(upto: &str, company: &str) -> bool {
    static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?-i:\b(?P<who>[A-Z][A-Za-z&'’.-]*(?:\s+[A-Z][A-Za-z&'’.-]*){0,3}))\s+(?:now\s+|currently\s+|also\s+)?(?:expects|forecasts|projects|estimates|predicts|sees|anticipates)\b",
        )
    });
    SUBJECT.captures_iter(upto).any(|c| {
        let who = c["who"].to_ascii_lowercase();
        let own = [
            "we",
            "management",
            "the company",
            "company",
            "our company",
            "it",
            "he",
            "she",
        ];
        !own.contains(&who.as_str())
            && !who.starts_with("our ")
            && !who
                .split_whitespace()
                .any(|w| w.len() > 2 && company.contains(w.trim_end_matches(['\'', '’', 's'])))
    })
}

/// Earnings or FFO of "$4.07" (no million or billion) is per share: companies give net
/// income in millions.
fn per_share_by_size(word: MetricWord, fig: &Fig, s: &str) -> MetricWord {
    let small = fig.unit == Unit::Usd
        && fig.low.abs() < 100.0
        && fig.high.is_none_or(|h| h.abs() < 100.0)
        && !s[fig.span.clone()]
            .to_ascii_lowercase()
            .contains(['m', 'b', 'k']);
    if !small || word.per_share {
        return word;
    }
    match word.metric {
        Metric::NetIncome | Metric::Eps => MetricWord {
            metric: Metric::Eps,
            label: if word.metric == Metric::Eps {
                word.label
            } else {
                format!("{} per share", word.label)
            },
            per_share: true,
            ..word
        },
        Metric::Ffo => MetricWord {
            label: format!("{} per share", word.label),
            per_share: true,
            ..word
        },
        _ => word,
    }
}

/// Adds a figure with its period, kind, direction and speaker, unless the call already gave
/// the same figure (an executive restating the guide in Q&A is the same guide).
fn push(
    out: &mut Vec<GuidanceFigure>,
    fig: Option<(GuidanceFigure, std::ops::Range<usize>)>,
    call: CallPeriod,
    carried: &Option<String>,
    (own, before, next_start, direction, speaker, section): (
        &str,
        &str,
        usize,
        Option<&'static str>,
        &str,
        Section,
    ),
) {
    static CLAUSE_END: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)[,;]|\b(?:before|and|or|while|but|which|then|after|as\s+we|compared|versus|up\s+from|down\s+from)\b",
        )
    });
    let Some((mut f, local)) = fig else { return };
    // The period nearest the figure: in its own clause, else before it in the sentence, else
    // the paragraph's, else the year the call guides.
    // The words after the figure up to the next one: "in Q3 and 19% for the full year" gives
    // "in Q3" to the first figure; the rest leads into the second.
    let after = &own[local.end.min(own.len())..next_start.max(local.end).min(own.len())];
    let clause = CLAUSE_END
        .find(after)
        .map_or(after, |m| &after[..m.start()]);
    let upto = &own[..local.start.min(own.len())];
    let here = find_period(clause, call).or_else(|| find_period(upto, call));
    let guide_year = call.guide_year();
    // A horizon after the figure is its own only close by ("6% to 8% through 2026").
    let near: &str = if next_start >= own.len() {
        clause
    } else {
        let end = clause
            .char_indices()
            .filter(|&(_, c)| c == ' ')
            .nth(10)
            .map_or(clause.len(), |(i, _)| i);
        &clause[..end]
    };
    let horizon = find_horizon(near, guide_year)
        .or_else(|| find_horizon(before, guide_year))
        .or_else(|| {
            here.is_none()
                .then(|| find_horizon(upto, guide_year))
                .flatten()
        });
    if let Some(h) = horizon {
        f.kind = Kind::Target;
        f.period = Some(h);
    } else {
        f.period = here
            .or_else(|| carried.clone())
            .or_else(|| guide_year.map(|y| format!("FY{y}")));
        // A figure of a year already past ("full year 2019 sales exclude $81 million") is
        // no guide.
        let year = f
            .period
            .as_deref()
            .and_then(|p| p.rsplit("FY").next())
            .and_then(|y| y.parse::<u16>().ok());
        let quarter = f
            .period
            .as_deref()
            .and_then(|p| p.strip_prefix('Q'))
            .and_then(|p| p.chars().next())
            .and_then(|c| c.to_digit(10));
        let past_quarter = matches!(
            (quarter, year, call.quarter, call.year),
            (Some(q), Some(y), Some(cq), Some(cy)) if y == cy && q <= u32::from(cq)
        );
        if past_quarter || year.zip(call.year).is_some_and(|(y, c)| y < c) {
            return;
        }
    }
    f.direction = direction;
    f.speaker = speaker.to_string();
    f.section = section;
    let dup = out.iter().any(|o| {
        o.metric == f.metric
            && o.period == f.period
            && o.low == f.low
            && o.high == f.high
            && o.unit == f.unit
    });
    if !dup {
        out.push(f);
    }
}

/// Builds the figure's row (period, direction and speaker are set by [`push`]); none when its
/// unit is not one guidance is given in. Also returns the figure's range in the sentence.
#[allow(clippy::too_many_arguments)]
fn make(
    t: &Transcript,
    n: usize,
    p: &crate::transcript::Paragraph,
    zh_figures: &std::cell::OnceCell<Vec<Quantity>>,
    sentence: &str,
    offset: usize,
    fig: &Fig,
    word: &MetricWord,
    before: &str,
    after: &str,
) -> Option<(GuidanceFigure, std::ops::Range<usize>)> {
    let metric = word.metric;
    let unit = match fig.unit {
        // "grew our rate base to $41 billion": an amount is no growth rate, and the metric is
        // unknown.
        Unit::Usd if metric == Metric::Growth && word.label.eq_ignore_ascii_case("growth") => {
            return None;
        }
        // "average diluted shares of $51 million": a slip of the tongue, no amount.
        Unit::Usd if metric == Metric::Shares && !word.per_share => return None,
        Unit::Usd if word.per_share || metric == Metric::Eps => "USD/share",
        Unit::Usd => "USD",
        Unit::Percent => "%",
        Unit::Bps => "bps",
        Unit::Count if metric == Metric::Shares && fig.low >= 1000.0 => "shares",
        Unit::Count if metric == Metric::Volume && fig.low >= 100.0 => "units",
        _ => return None,
    };
    let b = before.to_ascii_lowercase();
    let tail = b.trim_end();
    let ends = |words: &[&str]| words.iter().any(|w| tail.ends_with(w));
    let a = after.to_ascii_lowercase();
    let a = a.trim_start();
    let loss = b.split(|c: char| !c.is_alphanumeric()).any(|w| w == "loss")
        || matches!(
            metric,
            Metric::Eps | Metric::NetIncome | Metric::OperatingIncome
        ) && word.label.to_ascii_lowercase().contains("loss");
    let negative = loss
        || ends(&["negative", "minus"])
        || matches!(metric, Metric::CashFlow | Metric::FreeCashFlow)
            && (USE_OF_CASH.is_match(tail) || OF_USE.is_match(a));
    let sign = |v: f64| if negative && v > 0.0 { -v } else { v };
    let (mut low, mut high) = match fig.high {
        Some(h) => {
            let h = if fig.high_negative || (negative && !fig.high_positive) {
                -h.abs()
            } else {
                h
            };
            (Some(sign(fig.low)), Some(h))
        }
        None if ends(&[
            "over",
            "more than",
            "at least",
            "above",
            "greater than",
            "exceed",
            "exceeding",
            "in excess of",
            "north of",
            "upwards of",
            "a minimum of",
            "no less than",
        ]) || OR_MORE.is_match(a)
            || a.starts_with("plus") =>
        {
            (Some(sign(fig.low)), None)
        }
        None if ends(&[
            "up to",
            "less than",
            "below",
            "under",
            "at most",
            "no more than",
            "a maximum of",
        ]) || a.starts_with("or less")
            || a.starts_with("or lower") =>
        {
            (None, Some(sign(fig.low)))
        }
        None => (Some(sign(fig.low)), Some(sign(fig.low))),
    };
    if fig.high.is_none() {
        // "flat to down 1%", "down 3%".
        // "reduces our outlook ... from roughly flat to down 4%": the new figure is the last.
        if FROM_FLAT.is_match(tail) {
            let v = if tail.ends_with("down") {
                -fig.low
            } else {
                fig.low
            };
            (low, high) = (Some(v), Some(v));
        } else if tail.ends_with("flat to down") {
            (low, high) = (Some(-fig.low), Some(0.0));
        } else if tail.ends_with("flat to up") {
            (low, high) = (Some(0.0), Some(fig.low));
        } else if DOWN.is_match(tail) {
            (low, high) = (low.map(|v| -v.abs()), high.map(|v| -v.abs()));
        }
        // "in the low 30% range": a band.
        if fig.unit == Unit::Percent {
            let v = fig.low;
            if tail.ends_with("low") {
                (low, high) = (Some(v), Some(v + 3.0));
            } else if tail.ends_with("mid") {
                (low, high) = (Some(v + 3.0), Some(v + 6.0));
            } else if tail.ends_with("high") {
                (low, high) = (Some(v + 6.0), Some(v + 9.0));
            }
        }
    } else if DOWN.is_match(tail) {
        // "down 10% to 15%"; "down 1% to up 1%".
        (low, high) = if fig.high_positive {
            (low.map(|v| -v.abs()), high.map(f64::abs))
        } else {
            (high.map(|v| -v.abs()), low.map(|v| -v.abs()))
        };
    }
    // "a high single-digit sales decline".
    let declining = a
        .split_whitespace()
        .take(5)
        .any(|w| w.starts_with("declin") || w.starts_with("decrease") || w.starts_with("drop"));
    if declining && low.is_none_or(|v| v >= 0.0) && high.is_none_or(|v| v >= 0.0) {
        (low, high) = (high.map(|v| -v), low.map(|v| -v));
    }
    (low, high) = (low.map(tidy), high.map(tidy));
    // "a loss of $0.06 to $0.11": the lower end first.
    if let (Some(l), Some(h)) = (low, high)
        && l > h
    {
        (low, high) = (Some(h), Some(l));
    }
    let approximate = fig.words
        || ends(&[
            "approximately",
            "about",
            "around",
            "roughly",
            "~",
            "nearly",
            "close to",
            "in the neighborhood of",
            "in the area of",
            "in the ballpark of",
            "somewhere around",
            "circa",
        ])
        || tail.ends_with("low")
        || tail.ends_with("mid")
        || tail.ends_with("high")
        || a.starts_with("-ish")
        || a.starts_with("or so");
    let local = fig.span.clone();
    let span = offset + local.start..offset + local.end;
    let (zh, zh_spans) = match p.zh.as_deref() {
        Some(zh) if t.bilingual && !fig.words => counterpart(
            zh,
            zh_figures.get_or_init(|| chinese(zh)),
            fig.unit,
            low,
            high,
        ),
        _ => (None, Vec::new()),
    };
    Some((
        GuidanceFigure {
            source: t.source.clone(),
            line: p.line,
            kind: Kind::Guide,
            metric,
            label: word.label.clone(),
            basis: word.basis,
            period: None,
            low,
            high,
            unit,
            approximate,
            direction: None,
            speaker: String::new(),
            section: Section::Prepared,
            text: sentence.to_string(),
            zh,
            paragraph: n,
            span,
            zh_spans,
        },
        local,
    ))
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
/// appearance, the guides' periods before the long-term targets' horizons, figures in reading
/// order within a period. Indices into `figures`.
pub fn grouped_order(figures: &[GuidanceFigure]) -> Vec<usize> {
    let mut periods: Vec<(Kind, Option<&str>)> = Vec::new();
    for kind in [Kind::Guide, Kind::Target] {
        for f in figures.iter().filter(|f| f.kind == kind) {
            let key = (kind, f.period.as_deref());
            if !periods.contains(&key) {
                periods.push(key);
            }
        }
    }
    periods
        .into_iter()
        .flat_map(|key| {
            figures
                .iter()
                .enumerate()
                .filter(move |(_, f)| (f.kind, f.period.as_deref()) == key)
                .map(|(i, _)| i)
        })
        .collect()
}

/// "$1.160B–$1.165B", "79%", "≥ $10.0M", "$1.29–$1.31/share", "314M shares".
pub fn format_value(f: &GuidanceFigure) -> String {
    let count = |a: f64| -> String {
        if a >= 1e6 {
            format!("{}M", trim(a / 1e6))
        } else {
            thousands(a)
        }
    };
    let one = |v: f64| -> String {
        let a = v.abs();
        let sign = if v < 0.0 { "-" } else { "" };
        match f.unit {
            "%" => format!("{sign}{}%", trim(a)),
            "shares" | "units" => format!("{sign}{}", count(a)),
            "bps" => format!("{sign}{}", trim(a)),
            "USD/share" => format!("{sign}${a:.2}"),
            _ if a >= 1e9 => format!("{sign}${:.3}B", a / 1e9),
            _ if a >= 1e6 => format!("{sign}${}M", trim(a / 1e6)),
            _ => format!("{sign}${}", thousands(a)),
        }
    };
    // Counted units follow the whole range: "40,000–42,000 units", "50–100 bps".
    let suffix = match f.unit {
        "shares" => " shares",
        "units" => " units",
        "bps" => " bps",
        _ => "",
    };
    let range = match (f.low, f.high) {
        (Some(l), Some(h)) if (l - h).abs() < 1e-12 => format!("≈ {}", one(l)),
        (Some(l), Some(h)) => format!("{}–{}", one(l), one(h)),
        (Some(l), None) => format!("≥ {}", one(l)),
        (None, Some(h)) => format!("≤ {}", one(h)),
        (None, None) => return String::new(),
    };
    range + suffix
}

/// "166,000", "13,500", "2.5".
fn thousands(v: f64) -> String {
    let t = trim(v);
    let (int, frac) = t
        .split_once('.')
        .map_or((t.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{out}.{f}"),
        None => out,
    }
}

fn trim(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
