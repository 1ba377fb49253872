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

use regex::Regex;
use serde::Serialize;

use crate::text::numbers::{Quantity, Unit};
use crate::transcript::{Role, Section, Transcript};

mod actuals;
mod choice;
pub mod confidence;
mod cues;
pub mod eval;
mod measure;
mod metric;
mod naming;
pub use metric::Basis;
mod patterns;
mod period;
mod row;
mod values;

pub use actuals::{Actual, actuals};
use choice::{
    choose_metric, effect_name, per_share_by_size, someone_else, with_basis, with_effect,
    with_stated_basis,
};
use metric::{MetricWord, all_phrases, nearest_before, right_after};
use patterns::*;
pub use period::{CallPeriod, call_period};
use period::{find_direction, find_period, sentences};
use row::{make, push};
use values::{DIGIT_WORDS, figures_of};

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
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

/// What the company said it did to a guide; written in JSON and CSV as "raised",
/// "lowered", "narrowed", "reiterated" or "initiated".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Raised.
    Raised,
    /// Lowered.
    Lowered,
    /// Narrowed.
    Narrowed,
    /// Reiterated (also "affirmed", "maintained").
    Reiterated,
    /// Given for the first time.
    Initiated,
}

impl Direction {
    /// The word as JSON, CSV and the sidebar write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Raised => "raised",
            Direction::Lowered => "lowered",
            Direction::Narrowed => "narrowed",
            Direction::Reiterated => "reiterated",
            Direction::Initiated => "initiated",
        }
    }
}

impl std::fmt::Display for Direction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a guidance figure's values measure; written in JSON and CSV as "USD", "USD/share",
/// "%", "bps", "shares" or "units".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum GuideUnit {
    /// Dollars.
    #[serde(rename = "USD")]
    Usd,
    /// Dollars per share.
    #[serde(rename = "USD/share")]
    UsdPerShare,
    /// Percent.
    #[serde(rename = "%")]
    Percent,
    /// Basis points.
    #[serde(rename = "bps")]
    Bps,
    /// A share count.
    #[serde(rename = "shares")]
    Shares,
    /// Other counted units (homes, vehicles).
    #[serde(rename = "units")]
    Units,
}

impl GuideUnit {
    /// The unit as JSON and CSV write it.
    pub fn as_str(self) -> &'static str {
        match self {
            GuideUnit::Usd => "USD",
            GuideUnit::UsdPerShare => "USD/share",
            GuideUnit::Percent => "%",
            GuideUnit::Bps => "bps",
            GuideUnit::Shares => "shares",
            GuideUnit::Units => "units",
        }
    }
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
    pub basis: Option<crate::guidance::Basis>,
    /// "Q3 FY2025", "FY2024", "H2 FY2024", "next 12 months"; for a target its horizon ("by
    /// 2025", "through 2027", "next 3 years", "long term").
    pub period: Option<String>,
    /// Lower end (none for "up to").
    pub low: Option<f64>,
    /// Upper end (none for "over", "at least", "or more").
    pub high: Option<f64>,
    /// What the values measure.
    pub unit: GuideUnit,
    /// True for "approximately", "about", "mid-single digits".
    pub approximate: bool,
    /// raised, lowered, reiterated, narrowed, initiated.
    pub direction: Option<Direction>,
    /// Who said it, as the speaker header writes the name.
    pub speaker: String,
    /// Prepared remarks or Q&A.
    pub section: Section,
    /// The sentence.
    pub text: String,
    /// The Chinese counterpart, when the paragraph has a translation.
    pub zh: Option<Counterpart>,
    /// How likely the row is right (0 to 1), from the learned model in [`confidence`]; rows
    /// under [`confidence::Model::threshold`] are hidden by default ([`GuidanceFigure::shown`]).
    pub confidence: f32,
    /// The earlier guide the sentence quotes before this figure ("raising our range from $2.75
    /// to $2.80 to ..."): its ends, signs dropped. The history links the two calls by it.
    #[serde(skip)]
    pub previous: Option<(f64, Option<f64>)>,
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

/// True when `CALLREAD_TRACE_GUIDANCE` is set: the extractor says on stderr why it skips each
/// figure.
pub(crate) fn trace() -> bool {
    static TRACE: std::sync::LazyLock<bool> =
        std::sync::LazyLock::new(|| std::env::var_os("CALLREAD_TRACE_GUIDANCE").is_some());
    *TRACE
}

/// The first `n` characters of `s` from byte `at`: the words right after a figure, borrowed,
/// not copied.
fn chars_after(s: &str, at: usize, n: usize) -> &str {
    let rest = &s[at..];
    rest.char_indices().nth(n).map_or(rest, |(i, _)| &rest[..i])
}

pub(crate) fn re(p: &str) -> Regex {
    // Word boundaries are ASCII ones: the patterns read English, and an ASCII boundary keeps
    // the regex engine on its fast lazy DFA instead of the Unicode-aware fallback.
    let p = ascii_classes(p);
    // Without Unicode mode case folding is ASCII's and the automata are smaller; a pattern that
    // needs Unicode (a negated class, a non-ASCII letter in a class) is built with it.
    regex::RegexBuilder::new(&p)
        .unicode(false)
        .dfa_size_limit(8 << 20)
        .build()
        .or_else(|_| regex::RegexBuilder::new(&p).dfa_size_limit(8 << 20).build())
        .unwrap_or_else(|e| panic!("bad built-in pattern {p}: {e}"))
}

/// The pattern with its word boundaries and `\w`, `\s`, `\d` classes made ASCII ones, in
/// and out of brackets: the patterns read English, and Unicode classes made compiling the
/// patterns most of the cost of a short run (`callread guidance` on a one-paragraph file).
fn ascii_classes(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 64);
    let mut chars = p.chars().peekable();
    // Depth of brackets: a class may nest ("[[a-z]&&[^x]]").
    let mut depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(n) = chars.next() else {
                    out.push(c);
                    break;
                };
                let inside = depth > 0;
                match (n, inside) {
                    ('b', false) => out.push_str(r"(?-u:\b)"),
                    ('w', false) => out.push_str("[0-9A-Za-z_]"),
                    ('w', true) => out.push_str("0-9A-Za-z_"),
                    ('s', false) => out.push_str(r"[\t\n\x0B\x0C\r ]"),
                    ('s', true) => out.push_str(r"\t\n\x0B\x0C\r "),
                    ('d', false) => out.push_str("[0-9]"),
                    ('d', true) => out.push_str("0-9"),
                    _ => {
                        out.push(c);
                        out.push(n);
                    }
                }
            }
            '[' => {
                depth += 1;
                out.push(c);
                // "[]a]" and "[^]a]": a bracket first in a class is a literal.
                if chars.peek() == Some(&'^') {
                    out.push(chars.next().unwrap_or('^'));
                }
                if chars.peek() == Some(&']') {
                    out.push(chars.next().unwrap_or(']'));
                }
            }
            ']' if depth > 0 => {
                depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

impl GuidanceFigure {
    /// True when the row's confidence reaches the model's threshold: the rows the sidebar,
    /// `callread guidance` and the history show by default.
    pub fn shown(&self) -> bool {
        self.confidence >= confidence::model().threshold
    }

    /// The figure's byte range in its sentence (`text`), given its English paragraph; none
    /// when the sentence is not found there or the range does not fall on characters.
    pub(crate) fn range_in_sentence(&self, paragraph: &str) -> Option<std::ops::Range<usize>> {
        let s = self.text.as_str();
        let off = paragraph.find(s)?;
        let start = self.span.start.checked_sub(off)?;
        let end = self.span.end.checked_sub(off)?;
        (end <= s.len() && s.is_char_boundary(start) && s.is_char_boundary(end))
            .then_some(start..end)
    }
}

/// The English text of each paragraph pair by its flat index ("" where there is none), as
/// [`GuidanceFigure::paragraph`] counts them.
pub(crate) fn english_by_pair(t: &Transcript) -> Vec<&str> {
    t.paragraphs()
        .map(|(_, p)| p.en.as_deref().unwrap_or(""))
        .collect()
}

/// Extracts the guidance figures of a transcript, each with its [`GuidanceFigure::confidence`]
/// (the hidden ones included: see [`GuidanceFigure::shown`]).
pub fn extract(t: &Transcript) -> Vec<GuidanceFigure> {
    let call = call_period(t);
    if trace() {
        eprintln!("guidance: the call is {call:?}");
    }
    let paragraphs = english_by_pair(t);
    let mut rows = statutory_rates(
        &paragraphs,
        bps_of_a_growth(&paragraphs, name_or_drop(&paragraphs, candidates(t, call))),
    );
    let scores = confidence::confidences(&paragraphs, &rows, call);
    for (row, c) in rows.iter_mut().zip(scores) {
        row.confidence = c;
    }
    rows
}

/// A measure only the whole company has: its tax rate, shares, free cash flow, EPS, debt or
/// dividends. A part named before does not claim it.
fn company_measure(o: &GuidanceFigure) -> bool {
    matches!(
        o.metric,
        Metric::TaxRate | Metric::Shares | Metric::FreeCashFlow | Metric::Eps
    ) || COMPANY_ONLY.is_match(&o.label)
}

/// Rows whose label names no measure ("Growth", "Expenses", "Costs", "Other") are named from
/// their sentence's words ([`naming::name_bare`]) or left out.
fn name_or_drop(paragraphs: &[&str], rows: Vec<GuidanceFigure>) -> Vec<GuidanceFigure> {
    if !rows.iter().any(|r| bare_head(&r.label).is_some()) {
        return rows;
    }
    rows.into_iter()
        .filter_map(|mut r| {
            let Some(bare) = bare_head(&r.label) else {
                return Some(r);
            };
            let head = bare.head;
            let local = r.range_in_sentence(paragraphs.get(r.paragraph).copied().unwrap_or(""));
            let named = match (head, local) {
                // "Other": a metric of the lexicon in the figure's own clause ("...: total
                // revenues are expected to be between $740 million ...").
                ("other", Some(local)) => {
                    let clause = naming::clause_before(&r.text[..local.start]);
                    nearest_before(clause)
                        .filter(|(w, distance)| *distance <= 60 && w.metric != Metric::Other)
                        .map(|(w, _)| {
                            r.metric = w.metric;
                            r.basis = w.basis;
                            w.label
                        })
                }
                (_, Some(local)) => naming::name_bare(head, &r.text, local),
                _ => None,
            };
            let Some(mut name) = named else {
                // "Vans: Growth": the part says whose growth.
                if bare.keep || r.label.contains(": ") {
                    return Some(r);
                }
                if trace() {
                    eprintln!(
                        "guidance: skipped {:?} ({}): no measure named",
                        r.label, r.text
                    );
                }
                return None;
            };
            // "Adjusted expense" named "R&D expenses" is "Adjusted R&D expenses"; "Expense, %
            // of revenue" keeps its ratio.
            if !bare.basis.is_empty()
                && !name
                    .to_ascii_lowercase()
                    .contains(&bare.basis.to_ascii_lowercase())
            {
                name = format!(
                    "{} {}{}",
                    bare.basis,
                    name[..1].to_ascii_lowercase(),
                    &name[1..]
                );
            }
            if !bare.tail.is_empty() {
                name = format!("{name}, {}", bare.tail);
            }
            if let Some((part, _)) = r.label.rsplit_once(": ") {
                name = naming::with_part(part, &name);
            }
            r.label = name;
            Some(r)
        })
        .collect()
}

/// "The statutory US federal income tax rate for our fiscal 2021 year is 21%": the law's rate,
/// not the company's guide (unless the words before it name the company's effective rate).
fn statutory_rates(paragraphs: &[&str], rows: Vec<GuidanceFigure>) -> Vec<GuidanceFigure> {
    rows.into_iter()
        .filter(|r| {
            if r.metric != Metric::TaxRate {
                return true;
            }
            let paragraph = paragraphs.get(r.paragraph).copied().unwrap_or("");
            let Some(local) = r.range_in_sentence(paragraph) else {
                return true;
            };
            let before = r.text[..local.start].to_ascii_lowercase();
            // "assume an effective tax rate to roughly equal the statutory rate of 21%": the
            // company's rate, said to equal the law's.
            let statutory = before.contains("statutory") && !before.contains("effective");
            if statutory && trace() {
                eprintln!(
                    "guidance: skipped {:?} ({}): a statutory rate",
                    r.label, r.text
                );
            }
            !statutory
        })
        .collect()
}

/// Basis points are not how a company guides the growth of an amount (revenue, EPS, costs):
/// a row "Revenue growth: 60 bps" measures something else the sentence names (a margin, an
/// impact, a ratio). "Adjusted operating expenses … improve 80 to 100 basis points as a
/// percentage of sales" is the expense ratio's change; without such words the row is left out.
fn bps_of_a_growth(paragraphs: &[&str], rows: Vec<GuidanceFigure>) -> Vec<GuidanceFigure> {
    const NAMES_A_CHANGE: &[&str] = &[
        "margin",
        "headwind",
        "tailwind",
        "impact",
        "benefit",
        "contribution",
        "spread",
        "rate",
        "yield",
        "ratio",
        "leverage",
        "mix",
        "effect",
        "drag",
        "%",
    ];
    rows.into_iter()
        .filter_map(|mut r| {
            let lower = r.label.to_ascii_lowercase();
            if r.unit != GuideUnit::Bps
                || !lower.ends_with(" growth")
                || NAMES_A_CHANGE.iter().any(|w| lower.contains(w))
            {
                return Some(r);
            }
            let paragraph = paragraphs.get(r.paragraph).copied().unwrap_or("");
            let after = r.range_in_sentence(paragraph).map(|l| &r.text[l.end..]);
            if let Some(c) = after.and_then(|a| AS_SHARE_OF.captures(a)) {
                let what = &r.label[..r.label.len() - " growth".len()];
                r.label = format!("{what}, % of {} change", c["of"].to_ascii_lowercase());
                r.metric = Metric::Expense;
                return Some(r);
            }
            if trace() {
                eprintln!(
                    "guidance: skipped {:?} ({}): basis points of a growth",
                    r.label, r.text
                );
            }
            None
        })
        .collect()
}

/// A label that names no measure: its bare head word ("growth", "expenses", "costs",
/// "margin", "other"), a basis before it ("Adjusted expense") and what follows a comma
/// ("Expense, % of revenue").
struct Bare {
    head: &'static str,
    basis: String,
    tail: String,
    /// Kept under its own label when no better name is found ("Margin" still says what it
    /// measures, only not whose).
    keep: bool,
}

fn bare_head(label: &str) -> Option<Bare> {
    // "North America: Growth": the part's bare growth.
    let label = label.rsplit_once(": ").map_or(label, |(_, l)| l);
    let (main, tail) = label.split_once(", ").unwrap_or((label, ""));
    let lower = main.to_ascii_lowercase();
    let (basis, word) = ["adjusted ", "non-gaap ", "gaap "]
        .iter()
        .find_map(|b| lower.strip_prefix(b).map(|w| (&main[..b.len() - 1], w)))
        .unwrap_or(("", lower.as_str()));
    let (head, keep) = match word {
        "growth" => ("growth", false),
        "expenses" | "expense" => ("expenses", false),
        "costs" | "cost" => ("costs", false),
        "margin" | "margins" => ("margin", true),
        "other" if basis.is_empty() && tail.is_empty() => ("other", false),
        _ => return None,
    };
    Some(Bare {
        head,
        basis: basis.to_string(),
        tail: tail.to_string(),
        keep,
    })
}

/// The rows the rules find, before the model scores them.
fn candidates(t: &Transcript, call: CallPeriod) -> Vec<GuidanceFigure> {
    // The company's own name: "Acme expects" is the company, "IHS expects" is not.
    let company = t.company().unwrap_or_default().to_ascii_lowercase();
    let mut out: Vec<GuidanceFigure> = Vec::new();
    // The period in force carries from paragraph to paragraph within a turn ("We expect R&D
    // ... to remain about 15%" right after "... for fiscal 2024").
    let mut carried: Option<String> = None;
    // An outlook carries into the next paragraph of the turn, not further.
    let mut outlook_carried = false;
    let mut last_turn = usize::MAX;
    // The part of the business a paragraph of its own turned to ("Turning to our Automotive
    // business."), for the next paragraph of the turn.
    let mut part_carried: Option<String> = None;
    for (n, (turn, p)) in t.paragraphs().enumerate() {
        if turn != last_turn {
            carried = None;
            outlook_carried = false;
            part_carried = None;
            last_turn = turn;
        }
        // The part the paragraph is about, from the sentence that turned to it on: its figures
        // are that part's.
        let mut part = part_carried.take();
        // Sentences since the part was turned to: its hold fades after a few.
        let mut since_part = 0usize;
        let Some(en) = p.en.as_deref() else { continue };
        let the_turn = &t.turns[turn];
        let speaker = t.speakers.get(the_turn.speaker);
        // Only the company gives guidance: not the operator, not an analyst's "this would
        // imply".
        if speaker.is_some_and(|s| matches!(s.role, Role::Operator | Role::Analyst)) {
            continue;
        }
        // A question in Q&A from someone the call does not name as the company's ("Unknown
        // speaker: ... the utility growth outlook, 4% to 6%. Should we be using ...?") quotes
        // a figure to ask about it.
        if the_turn.section == Section::Qa
            && speaker.is_none_or(|s| s.role == Role::Unknown)
            && p.en
                .as_deref()
                .is_some_and(|en| en.trim_end().ends_with('?'))
        {
            continue;
        }
        let speaker_name = speaker.map_or_else(String::new, |s| s.name.clone());
        // No digit, no figure: such a paragraph neither gives guidance nor sets its period,
        // but it may open an outlook ("Turning to our outlook for the year.").
        if !en.bytes().any(|b| b.is_ascii_digit())
            && !DIGIT_WORDS.is_match(en)
            && !crate::text::numbers::says_fraction(en)
        {
            outlook_carried = OPENS_GUIDANCE.is_match(en);
            part_carried = sentences(en)
                .last()
                .and_then(|r| naming::part_opener(&en[r.clone()], &company));
            continue;
        }
        // The Chinese paragraph's figures, read once for all the figures of the paragraph.
        let zh_figures: std::cell::OnceCell<Vec<Quantity>> = std::cell::OnceCell::new();
        // "Moving to Slide 10.": a new slide is a new topic; a quarter or a half carried from
        // the paragraph before does not hold on it.
        if NEW_SLIDE.is_match(en)
            && carried
                .as_deref()
                .is_some_and(|c| c.starts_with(['Q', 'H']))
        {
            carried = None;
        }
        let mut period: Option<String> = carried.clone();
        // The first period the paragraph sets: its topic ("For the third quarter, ...").
        let mut topic: Option<String> = None;
        let mut direction: Option<Direction> = None;
        let mut outlook = outlook_carried;
        let mut looked_forward = false;
        // Whether the paragraph holds any figure: one that only names a period ("Turning to
        // 2022.") hands it on; one whose figures gave no guide for it does not ("Beginning
        // next year, we expect the acquisition's 10,000 customers to ...").
        let mut had_figures = false;
        // Whether the period was set by a sentence that names the guide or has no figures ("For
        // the full-year 2021, we're raising our guidance."): it heads the next paragraph's list.
        let mut named_last = false;
        // Whether the period was last set by a sentence that opens the outlook with no figure
        // ("we are providing the following guidance for the second quarter of fiscal 21."):
        // the next paragraph's figures are that period's.
        let mut opened_last = false;
        // The metric of the last figure of the outlook, for a figure whose clause names none.
        let mut outlook_metric: Option<MetricWord> = None;
        let spans = sentences(en);
        // The sentence before, for a figure that points back to what it named ("If you look at
        // tax rate, tax rate is now going to be slightly lower ... We expect that to be 22%
        // now.").
        let mut previous_sentence: Option<&str> = None;
        for range in spans.iter().cloned() {
            let s = &en[range.clone()];
            let sentence_before = previous_sentence.replace(s);
            // "three and a half percent" is a figure too.
            let digits = s.bytes().any(|b| b.is_ascii_digit())
                || s.contains(" and a") && crate::text::numbers::says_fraction(s);
            // A change said of one topic does not carry to a sentence that turns to another
            // ("we are reducing our full year expectations for the segment ... With regard to
            // the recently acquired companies, we expect ..."): its own word or none.
            if NEW_TOPIC.is_match(s) {
                direction = None;
            }
            if let Some(d) = find_direction(s) {
                direction = Some(d);
            }
            let fwd = cues::forward(s);
            // Whether it reports results matters only where it may guide or list.
            let result_cell = std::cell::OnceCell::new();
            let result = || *result_cell.get_or_init(|| cues::reports_result(s));
            let opens = OPENS_GUIDANCE.is_match(s);
            let topic_start = TOPIC.is_match(s);
            // "Now let me turn to the third fiscal quarter", "In corporate and other, ...": a
            // turn to anything else ends it, and so do words of the whole company and a few
            // sentences about other things.
            since_part += 1;
            // "For Subsea Products, we expect segment performance to improve.": a sentence led
            // by "for" a part, with no figure of its own, opens it for the sentences after it,
            // as a turn to it does ("In North America, ..." is often one sentence's aside).
            if let Some(p) = naming::part_opener(s, &company).or_else(|| {
                (!digits && !DIGIT_WORDS.is_match(s) && FOR_PART.is_match(s))
                    .then(|| naming::segment_topic(s, &company))
                    .flatten()
            }) {
                part = Some(p);
                since_part = 0;
            } else if part.is_some()
                && (TURN.is_match(s)
                    || WHOLE_COMPANY.is_match(s)
                    || since_part > PART_HOLDS
                    || TOPIC_OPENING
                        .captures(s)
                        .is_some_and(|c| !TIME_WORDS.is_match(&c[1])))
            {
                part = None;
            }
            // A sentence that neither looks forward, nor opens or continues an outlook, nor
            // heads one gives nothing and changes nothing: its figures are not read.
            if !fwd && !opens && !outlook && !topic_start {
                if trace() && digits {
                    eprintln!("guidance: sentence skipped, not forward: {s:?}");
                }
                continue;
            }
            // The sentence with its comparisons blanked out ("Compared to 2020, we target
            // Q3 '21 ..."): periods and years in them are not the guide's. Same byte offsets.
            let masked = mask_comparisons(s);
            let own = masked.as_str();
            let heading_shape =
                topic_start && TOPIC.is_match(own) && own.split_whitespace().count() <= 12;
            let figs = if digits || DIGIT_WORDS.is_match(s) {
                figures_of(s)
            } else {
                Vec::new()
            };
            had_figures |= !figs.is_empty();

            // The period a guiding sentence opens with ("For the fourth quarter, we expect
            // ...") holds for the sentences after it; one named after the figures, or in a
            // sentence about results, is that sentence's own.
            // "Looking at the second quarter of 2021.": a sentence that only names the
            // period the next ones guide.
            let heading = figs.is_empty() && heading_shape;
            if (fwd || opens || outlook || heading) && !result() {
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
                // A period already reported ("Excluding the 53rd week in fiscal 2020, we
                // expect ...") is an aside, not the period the guides are for.
                // "For the rest of the year, ...": a paragraph's period is the year; only a
                // figure's own clause makes it the rest of the year.
                if let Some(found) = find_period(&own[..lead], call)
                    .filter(|p| !row::is_reported(p, call))
                    .map(period::whole_year)
                {
                    topic.get_or_insert_with(|| found.clone());
                    period = Some(found);
                    named_last = figs.is_empty() || cues::names_guide(own);
                    opened_last = figs.is_empty() && opens;
                    // "Turning now to Q1 of fiscal 2024.": a heading of its own hands its
                    // period to the next paragraph.
                    looked_forward |= heading;
                }
            }
            if opens {
                outlook = true;
            }
            if !figs.is_empty() {
                opened_last = false;
            }
            if figs.is_empty() {
                if fwd && !result() {
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
                && !result()
                && !WITH_MOVED.is_match(s)
                && !cues::states_fact(s)
                && !cues::has_past_verb(s)
                && (!PRIOR_PERIOD.is_match(s)
                    || MODAL.is_match(&s[..figs.first().map_or(s.len(), |f| f.span.start)]));
            if fwd {
                outlook = true;
                looked_forward = true;
            } else if outlook && result() {
                outlook = false;
                outlook_metric = None;
            }
            if !(fwd || listed) || question || cues::refuses(s) {
                if trace() {
                    let why = if question {
                        "a question"
                    } else if fwd || listed {
                        "a refusal"
                    } else {
                        "neither forward nor an outlook item"
                    };
                    eprintln!("guidance: sentence skipped, {why}: {s:?}");
                }
                continue;
            }
            // "Moving on to segment operating margins, ..., our guidance is 7% to 9%": the
            // topic the sentence opens with.
            // "..., respectively": the metrics named before the first figure, in order, when
            // there are as many as figures.
            let respectively: Vec<MetricWord> = if RESPECTIVELY.is_match(s) {
                let named = all_phrases(&s[..figs.first().map_or(0, |f| f.span.start)]);
                let all_amounts = figs.iter().all(|f| f.unit != Unit::Count);
                if all_amounts && named.len() == figs.len() && figs.len() > 1 {
                    named
                } else {
                    Vec::new()
                }
            } else {
                Vec::new()
            };
            let mut sentence_metric: Option<MetricWord> = TOPIC
                .is_match(s)
                .then(|| s.split(',').next().and_then(nearest_before))
                .flatten()
                .map(|(w, _)| w);
            // A short follow-on ("And for the full year, between 166,000 and 171,000
            // units.") takes the outlook's metric; a sentence of its own does not.
            let follow_on =
                s.split_whitespace().count() <= 14 && (TOPIC.is_match(s) || FOLLOW_ON.is_match(s));
            // "This represents year-on-year growth of 9% to 11%." points back to the metric
            // before: kept only to name such a growth.
            let pointed_back = POINTS_BACK
                .is_match(s)
                .then(|| outlook_metric.clone())
                .flatten();
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
            // "We are raising our guidance for net sales growth to 8.5% to 12.5%." after a
            // paragraph about the third quarter: a change to the guide with no period of its
            // own is the year's (a quarter's guide is given afresh, not raised).
            let sentence_period = match &period {
                Some(p)
                    if (p.starts_with('Q') || p.starts_with('H'))
                        && cues::changes_guide(own)
                        && find_period(own, call).is_none() =>
                {
                    call.guide_year().map(|y| format!("FY{y}"))
                }
                _ => period.clone(),
            };
            let trailing = figs
                .iter()
                .rfind(|f| f.unit != Unit::Count || f.low >= 1000.0)
                .filter(|_| proper > 1)
                .and_then(|f| {
                    // Up to an assumption or an aside: "..., assuming no extraordinary weather in
                    // the latter half of 2020" names the assumption's period, not the list's.
                    let tail = &own[f.span.end.min(own.len())..];
                    let tail = ASIDE.find(tail).map_or(tail, |m| &tail[..m.start()]);
                    // "... from the 14.9% we experienced in 2019": a period of a result, not
                    // the list's.
                    find_period(tail, call)
                        .filter(|p| !row::is_reported(p, call) && !cues::has_past_verb(tail))
                        .map(period::whole_year)
                })
                .or_else(|| sentence_period.clone());
            // "guidance for the third quarter and full-year 2021 of $205 million to $235 million
            // and $875 million to $935 million, respectively": the periods in order.
            let respectively_periods: Vec<String> =
                if RESPECTIVELY.is_match(s) && figs.len() > 1 && proper == figs.len() {
                    let lead = &own[..figs[0].span.start.min(own.len())];
                    let periods: Vec<String> = LIST_SPLIT
                        .split(lead)
                        .filter_map(|part| find_period(part, call))
                        .collect();
                    if periods.len() == figs.len() {
                        periods
                    } else {
                        Vec::new()
                    }
                } else {
                    Vec::new()
                };
            let mut skipped_prev = false;
            // Why the figure before was skipped, when it was a change ("add roughly $25 million
            // of revenue in 2024 and $65 million by 2025": the list goes on with changes).
            let mut skipped_change = false;
            let mut parts = false;
            // "a headwind approaching $60 million for revenue and $20 million for adjusted
            // EBITDA": the effect goes on through the list.
            let mut effect: Option<String> = None;
            // Values the sentence names as an earlier guide ("we increased it from a range of
            // $2.75 to $2.80 to ..."): a row of the same values from this sentence is that old
            // range, said first by mistake.
            let mut earlier: Vec<(f64, Option<f64>)> = Vec::new();
            let rows_before = out.len();
            // "capital expenditures of approximately $275 million in leasing and management
            // services, $55 million in manufacturing, and $10 million in maintenance
            // services": a list of parts, each figure its part's.
            let list_parts: Vec<Option<String>> = figs
                .iter()
                .map(|f| naming::part_after(&s[f.span.end.min(s.len())..]))
                .collect();
            let parts_listed = list_parts.iter().flatten().count() >= 2;
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
                // Nor does an amount take a rate's ("an effective tax rate of 20% and cash
                // taxes of approximately $40 million").
                let carry = |m: &Option<MetricWord>| {
                    m.clone()
                        .filter(|w| {
                            !(fig.unit == Unit::Usd
                                && matches!(w.metric, Metric::Margin | Metric::TaxRate))
                        })
                        .filter(|w| {
                            fig.unit != Unit::Percent
                                || matches!(
                                    w.metric,
                                    Metric::Margin | Metric::TaxRate | Metric::Growth
                                )
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
                // "adjusted earnings per diluted share, excluding ... funds used for lost
                // revenue and other discrete items, is estimated": the metric is not inside
                // the exclusions.
                let before_own_masked = mask_exclusions(before_own);
                let before_own: &str = &before_own_masked;
                // "up 2.5% in terms of organic revenue": the words after name it outright.
                let explicit = after
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("in terms of");
                // What the sentence (or the outlook before it) was about before this figure:
                // the subject of a ratio whose own words name only its object.
                let prior = sentence_metric.clone().or_else(|| outlook_metric.clone());
                let word = match respectively.get(i) {
                    // "X and Y ... are $280 million to $370 million and $850 million to $950
                    // million, respectively": the i-th figure is the i-th metric.
                    Some(w) => Some(w.clone()),
                    None => choose_metric(
                        if explicit { "" } else { before_own },
                        after_word.as_ref().map(|(w, _)| w.clone()),
                        fig.unit,
                        &carry(&sentence_metric),
                    )
                    .or_else(|| carry(&outlook_metric))
                    // "We expect that to be 22% now.": the measure the sentence before named.
                    .or_else(|| {
                        POINTS_TO_BEFORE
                            .is_match(before)
                            .then(|| {
                                carry(&sentence_before.and_then(nearest_before).map(|(w, _)| w))
                            })
                            .flatten()
                    }),
                };
                // "We expect adjusted EPS of $7.50 to $7.65. This represents year-on-year
                // growth of 9% to 11%.": a growth that names nothing, in a sentence that points
                // back, is the growth of the metric before.
                let word = match (word, &pointed_back) {
                    (Some(w), Some(p))
                        if metric::generic_growth(&w)
                            && p.metric != Metric::Growth
                            && sentence_metric.is_none()
                            && w.label.to_ascii_lowercase().split_whitespace().all(|x| {
                                matches!(x, "growth" | "year-over-year" | "year-on-year")
                            }) =>
                    {
                        Some(MetricWord {
                            label: format!("{} growth", p.label),
                            basis: w.basis.or(p.basis),
                            ..w
                        })
                    }
                    (w, _) => w,
                };
                // The words after the figure are the next figure's when this one took the
                // metric before it ("net income of $35 million to $38 million on quarterly
                // revenues of $558 million to $563 million").
                if let (Some(w), Some((a, _))) = (&word, &after_word)
                    && !(a.per_share && w.per_share)
                    && !w
                        .label
                        .to_ascii_lowercase()
                        .contains(&a.label.to_ascii_lowercase())
                {
                    prev_end = fig.span.end;
                }
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
                // "$1.91 to $1.93 per share with a midpoint of $1.92": the range again.
                let midpoint_again = before.trim().eq_ignore_ascii_case("or")
                    && after.trim_start().to_ascii_lowercase().contains("midpoint")
                    || i > 0
                        && figs[i - 1].high.is_some()
                        && figs[i - 1].unit == fig.unit
                        && MIDPOINT_OF.is_match(before)
                    // "at the midpoint of our earnings guidance range of $3": a range read
                    // before holds it.
                    || fig.high.is_none()
                        && MIDPOINT_OF_RANGE.is_match(before)
                        && out.iter().any(|o| {
                            o.low.is_some_and(|l| l <= fig.low)
                                && o.high.is_some_and(|h| h >= fig.low && o.low != o.high)
                        });
                // A figure whose own words name a year already past is a past figure ("net
                // leverage at March 31, 2020 would be", "from the $9.88 in 2020").
                let past_year = call.year.is_some_and(|y| {
                    YEAR.find_iter(&own[prev_start..fig.span.start])
                        .filter_map(|m| m.as_str().parse::<u16>().ok())
                        .last()
                        .is_some_and(|named| named < y)
                        // "as compared to a rate of 5.5% in 2020 and 70% in 2019": a figure of
                        // a year named past right after it.
                        || IN_YEAR_AFTER
                            .captures(after)
                            .and_then(|c| c[1].parse::<u16>().ok())
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
                // "an unfavorable foreign exchange impact ... by approximately $160 million on
                // revenue": the effect's size, named as such below.
                let effect_on = ON_MEASURE.is_match(after) && WIND.is_match(upto);
                let usd_delta = !effect_on
                    && (matches!(fig.unit, Unit::Usd | Unit::Bps)
                        && (THAN.is_match(after)
                            || CHANGED.is_match(chars_after(s, fig.span.end, 40)))
                        || fig.unit == Unit::Usd && USD_DELTA.is_match(before)
                        || matches!(fig.unit, Unit::Usd | Unit::Bps) && BY.is_match(before));
                // "would change earnings by $0.04 per share", "If the credit is extended, ...":
                // sensitivities and scenarios.
                let scenario = SENSITIVITY.is_match(before)
                    || IF.is_match(s)
                    || ASSUMED_PRICES.is_match(s)
                    || AT_PRICE.is_match(chars_after(s, fig.span.end, 60));
                // "We've raised our full year guidance ranges at the midpoint by $350 million in
                // total revenue and $100 million in adjusted EBITDA", "That increase for
                // acquisitions reflects $250 million in total revenue": the change made to the
                // guide, and the list goes on with changes.
                let guide_by = GUIDE_BY.is_match(before)
                    || CHANGE_SUBJECT.is_match(upto) && !WIND.is_match(before);
                // "about 55% of earnings in the first half": the phasing of the year.
                let phasing = fig.unit == Unit::Percent && PHASING.is_match(after);
                // "lowering our capex guidance around $42 million or 10% at the midpoint".
                let cut = fig.unit == Unit::Usd
                    && CHANGE_VERB.is_match(before)
                    && chars_after(s, fig.span.end, 40)
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
                let same_as_skipped = skipped_prev && OR_AGAIN.is_match(before)
                    || skipped_change && fig.unit == Unit::Usd && LIST_GOES_ON.is_match(before);
                // "25% growth at the high end of guidance": an end of a range given before.
                let end_of_range = END_OF_RANGE.find(after).is_some_and(|m| {
                    let between = &after[..m.start()];
                    between.split_whitespace().count() <= 4 && !between.contains(" and ")
                });
                // "$4 copper", "$70 oil": a price the guide assumes.
                // "Operating expenses in 2024 should be $0.45 per gallon" is a unit cost.
                let price = fig.unit == Unit::Usd
                    && COMMODITY.is_match(after)
                    && !word.as_ref().is_some_and(|w| {
                        matches!(w.metric, Metric::Expense | Metric::Margin)
                            || w.label.to_ascii_lowercase().contains("cost")
                    });
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
                // "sales growth of 34% to 39% versus the prior year fourth quarter": the base a
                // forward growth rate is measured against, not a past figure.
                let growth_over_base = || {
                    fig.unit == Unit::Percent
                        && fwd
                        && forward_before()
                        && (GROWTH_WORD.is_match(before_own) || GROWTH_WORD.is_match(after))
                };
                // "15% higher than 2019's record": a rise over a base year long past.
                let over_old_base = fig.unit == Unit::Percent
                    && THAN_YEAR
                        .captures(after)
                        .and_then(|c| c[1].parse::<u16>().ok())
                        .zip(call.year)
                        .is_some_and(|(base, y)| base + 1 < y);
                // Why a figure is no guide: the first reason that holds (`CALLREAD_TRACE_GUIDANCE=1`
                // prints it on stderr).
                let reasons: &[(&str, &dyn Fn() -> bool)] = &[
                    ("same_as_skipped", &|| same_as_skipped),
                    ("results_first", &|| results_first),
                    ("over_old_base", &|| over_old_base),
                    ("phasing", &|| phasing),
                    ("cut", &|| cut),
                    ("this_quarter", &|| this_quarter),
                    ("others_forecast", &|| cues::others_forecast(upto)),
                    ("someone_else", &|| someone_else(upto, &company)),
                    ("scenario", &|| scenario),
                    ("guide_by", &|| guide_by),
                    ("percentage_of", &|| percentage_of),
                    ("increment", &|| increment),
                    ("parts", &|| parts),
                    ("others_capex", &|| others_capex),
                    ("imply", &|| IMPLY.is_match(upto)),
                    ("end_of_range", &|| end_of_range),
                    // "raising the low end of our EPS guidance to $2.70, resulting in a range
                    // of $2.70 to $2.75": one end moved, the range is the guide.
                    ("end_moved", &|| END_MOVED.is_match(before)),
                    ("price", &|| price),
                    ("potential", &|| POTENTIAL.is_match(after)),
                    ("standing_range", &|| STANDING.is_match(before)),
                    ("guide_change", &|| {
                        GUIDE_CHANGE_AFTER.is_match(chars_after(s, fig.span.end, 80))
                    }),
                    // "In January, WWE issued adjusted OIBDA guidance of $270 million to
                    // $305 million ... However, we are not adjusting full year 2021 guidance
                    // at this time": the guide issued earlier still holds.
                    ("past_before", &|| {
                        cues::past_before(before)
                            && !(cues::issued_before(before)
                                && cues::guide_holds(&en[range.end.min(en.len())..]))
                    }),
                    ("old_guide", &|| cues::old_guide(before, upto)),
                    ("share_of", &|| share_of),
                    ("usd_delta", &|| usd_delta),
                    ("to_date", &|| to_date),
                    ("past_year", &|| past_year),
                    ("count_unread", &|| count_unread),
                    ("loose_in_qa", &|| loose_in_qa),
                    ("midpoint_again", &|| midpoint_again),
                    ("result_before_forward", &|| {
                        fwd && !forward_before() && cues::reports_result(upto)
                    }),
                    ("past_after", &|| {
                        cues::past_after(after) && !growth_over_base()
                    }),
                    ("not_company", &|| {
                        cues::not_company(before.rsplit(',').next().unwrap_or(before))
                    }),
                    ("not_company_after", &|| cues::not_company_after(after)),
                    // "The China market continues to be more robust, with volumes predicted to
                    // be down 9%": the market's figure, when the company is not named before it.
                    ("market_subject", &|| {
                        MARKET_SUBJECT.is_match(s) && !WE_OUR.is_match(upto)
                    }),
                    ("result_since_forward", &|| {
                        fwd && cues::result_since_forward(upto)
                    }),
                    ("result_before", &|| !fwd && cues::reports_result(before)),
                ];
                let skipped = reasons
                    .iter()
                    .find(|(_, holds)| holds())
                    .map(|(why, _)| *why);
                if let Some(why) = skipped
                    && trace()
                {
                    eprintln!(
                        "guidance: skipped {:?} in {:?}: {why}",
                        &s[fig.span.clone()],
                        s
                    );
                }
                skipped_change = matches!(skipped, Some("usd_delta" | "increment" | "guide_by"))
                    || skipped_change && skipped == Some("same_as_skipped");
                if skipped.is_some() {
                    if cues::past_before(before) || cues::old_guide(before, upto) {
                        earlier.push((fig.low.abs(), fig.high.map(f64::abs)));
                        // "our 2021 margin target to 16% to 19%, up from 14% to 16%
                        // previously": the old range right after a new one is what it revises.
                        if out.len() > rows_before
                            && QUOTED_AFTER.is_match(before)
                            && let Some(last) = out.last_mut()
                            && last.previous.is_none()
                        {
                            last.previous = Some((fig.low.abs(), fig.high.map(f64::abs)));
                        }
                    }
                    continue;
                }
                skipped_prev = false;
                // The row of this figure with the metric word it takes.
                // "to decline 9% to 11% and 16% to 18%, respectively": the words before the
                // list say which way every figure of it goes.
                let sign_words = match (respectively.get(i), figs.first()) {
                    (Some(_), Some(first)) if i > 0 => &s[..first.span.start],
                    _ => before,
                };
                let emit = |out: &mut Vec<GuidanceFigure>, word: MetricWord| {
                    push(
                        out,
                        make(
                            t,
                            n,
                            p,
                            &zh_figures,
                            s,
                            range.start,
                            fig,
                            &word,
                            sign_words,
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
                };
                let Some(word) = word else {
                    // No metric anywhere: kept only where the sentence names the guide, in
                    // the prepared remarks (in Q&A such a figure is a restatement or an aside).
                    // "$2.05 per MMBtu": a price assumption, not a guide.
                    if fig.unit == Unit::Count
                        || after.trim_start().starts_with("per ") && !PER_TIME.is_match(after)
                        || !fwd
                        || the_turn.section == Section::Qa
                        || !cues::names_guide(s)
                    {
                        if trace() {
                            eprintln!(
                                "guidance: skipped {:?}: no metric named",
                                &s[fig.span.clone()]
                            );
                        }
                        continue;
                    }
                    let other = MetricWord {
                        metric: Metric::Other,
                        label: "Other".to_string(),
                        basis: None,
                        per_share: false,
                    };
                    emit(&mut out, other);
                    continue;
                };
                let word = per_share_by_size(word, fig, s);
                // The figure's own words name its basis, unless the pairing named it already.
                let word = if respectively.is_empty() {
                    with_basis(word, before)
                } else {
                    word
                };
                let word = with_stated_basis(word, &s[..fig.span.start], after);
                // "guidance assumes a $600 million COVID-related headwind": an assumption
                // of the guide, named for what it is.
                // The effect word must be the figure's own: within a few words before it
                // ("a headwind of approximately") or right after it ("$0.40 headwind", "4%
                // favorable currency benefit"); "despite the headwinds we discussed" and "add
                // to our margins and contribute to our target range of" are other clauses.
                let chunk = before.rsplit(',').next().unwrap_or(before);
                let own_after = CLAUSE_AFTER
                    .find(after)
                    .map_or(after, |m| &after[..m.start()]);
                let word = match WIND
                    .captures_iter(chunk)
                    .last()
                    .filter(|c| {
                        let gap = chunk[c.get(0).map_or(0, |m| m.end())..].to_ascii_lowercase();
                        let words = gap.split_whitespace().count();
                        // "an impact of the higher tax rate of approximately".
                        let of_phrase = gap.trim_start().starts_with("of ")
                            && words <= 8
                            && OF_END.is_match(&gap);
                        // "a one point benefit from foreign exchange for revenue growth of
                        // 12% to 16%": the figure is what the effect is for.
                        let for_measure = gap.split_whitespace().any(|w| w == "for")
                            && gap.trim_end().ends_with(" of");
                        // "currency translation is expected to increase second quarter
                        // sales growth by approximately 3 percentage points": the cause
                        // changes the measure by the figure.
                        let changes_by = words <= 14
                            && (BY.is_match(&gap) || gap.trim_end().ends_with("by less than"));
                        (words <= 10 || of_phrase || changes_by)
                            && !for_measure
                            && !gap
                                .split_whitespace()
                                .any(|w| matches!(w, "target" | "range" | "guidance" | "outlook"))
                    })
                    .or_else(|| {
                        WIND.captures(own_after).filter(|c| {
                            let lead = &own_after[..c.get(0).map_or(0, |m| m.start())];
                            // "$1.95 billion including an estimated headwind of $15 million":
                            // the headwind is another item, inside this one.
                            // "$125 million in annual run rate revenue synergies".
                            let words = lead.split_whitespace().count();
                            let lead_lower = lead.trim_start().to_ascii_lowercase();
                            // "$0.03 per share per quarter of EPS benefit".
                            (words <= 3
                                || words <= 6
                                    && (lead_lower.starts_with("in ")
                                        || PER_SHARE_OF.is_match(&lead_lower)))
                                && !lead.split_whitespace().any(|w| {
                                    matches!(
                                        w.to_ascii_lowercase().as_str(),
                                        "including" | "includes" | "excluding" | "with" | "despite"
                                    )
                                })
                        })
                    }) {
                    // "constant currency sales growth" is growth, not a currency effect, and so
                    // is growth "on an FX-neutral basis".
                    Some(c)
                        if c.get(2).is_none()
                            && !c[0].to_ascii_lowercase().starts_with("constant")
                            && !LOCAL_CURRENCY.is_match(before)
                            && !LOCAL_CURRENCY.is_match(own_after) =>
                    {
                        // "a 2% top-line benefit from the impact of FX": a currency benefit.
                        // "a positive currency impact on EPS growth of approximately 3
                        // points": the cause named before the effect.
                        let name = effect_name(
                            &c[1],
                            FROM_CURRENCY.is_match(own_after)
                                || CURRENCY_BEFORE_EFFECT.is_match(chunk),
                        );
                        effect = Some(name.clone());
                        with_effect(word, &name)
                    }
                    _ => match &effect {
                        Some(name) if before_own.trim().len() <= 25 => with_effect(word, name),
                        // "an unfavorable foreign exchange impact ... by approximately $160
                        // million on revenue, ..., and approximately $0.12 on EPS": a figure
                        // "on" its measure, in a sentence about an effect, is that effect's.
                        _ if ON_MEASURE.is_match(after)
                            && let Some(c) = WIND.captures_iter(upto).last() =>
                        {
                            let name = effect_name(&c[1], CURRENCY_BEFORE_EFFECT.is_match(upto));
                            with_effect(word, &name)
                        }
                        // "a five-year contract, which we expect to generate approximately $30
                        // million in revenue annually": what one deal brings, not the
                        // company's revenue.
                        _ if DEAL_BRINGS.is_match(upto) => with_effect(word, "Contribution"),
                        // "complete the disposition of approximately $1 billion in combustion
                        // revenue": the size of what is sold, not the company's revenue.
                        _ if fig.unit == Unit::Usd
                            && DIVESTED.is_match(chunk)
                            && matches!(word.metric, Metric::Revenue | Metric::Ebitda)
                            && !word.label.to_ascii_lowercase().contains("divest")
                            && !word.label.to_ascii_lowercase().contains("exclud")
                            && !before.to_ascii_lowercase().contains("exclud") =>
                        {
                            MetricWord {
                                label: format!("{} to be divested", word.label),
                                metric: Metric::Other,
                                ..word
                            }
                        }
                        _ => word,
                    },
                };
                // "$192 per megawatt day" is a price; "$13,000 per day" of margin is a unit
                // economics guide.
                // "$1 billion to $1.5 billion per quarter" is a pace, not a price.
                let per_time = PER_TIME.is_match(after);
                if fig.unit == Unit::Usd
                    && !word.per_share
                    && after.trim_start().starts_with("per ")
                    && !per_time
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
                // "we expect to capitalize about $0.04 per share of interest": interest per
                // share, not earnings.
                let word = match PER_SHARE_OF_ITEM.captures(after) {
                    Some(c) if word.metric == Metric::Eps && word.label == "Earnings per share" => {
                        MetricWord {
                            metric: Metric::Other,
                            label: format!("{} per share", naming::capitalise(&c[1])),
                            ..word
                        }
                    }
                    _ => word,
                };
                // "continued momentum in APAC with close to 20% organic growth": a region's
                // figure, named so.
                let word = match list_parts.get(i).cloned().flatten() {
                    // The metric carried from the list's first figure keeps its measure, not
                    // that figure's part.
                    Some(part) if parts_listed => MetricWord {
                        label: format!(
                            "{part}: {}",
                            word.label.rsplit(": ").next().unwrap_or(&word.label)
                        ),
                        ..word
                    },
                    _ => match naming::part_at_after(after, &company) {
                        Some(part) => MetricWord {
                            label: naming::with_part(&part, &word.label),
                            ..word
                        },
                        None => word,
                    },
                };
                let word = match REGION_BEFORE.captures(chunk) {
                    Some(c)
                        if !word
                            .label
                            .to_ascii_lowercase()
                            .contains(&c[1].to_ascii_lowercase()) =>
                    {
                        let region = c[1].trim_start_matches("the ").to_string();
                        MetricWord {
                            label: format!("{region}: {}", word.label),
                            ..word
                        }
                    }
                    _ => word,
                };
                // "Total operating costs are projected to be $5.10 per barrel": a unit cost,
                // and its label says per what.
                let word = match PER_UNIT.captures(after) {
                    Some(c)
                        if fig.unit == Unit::Usd
                            && !word.per_share
                            && !per_time
                            && !word.label.to_ascii_lowercase().contains(" per ") =>
                    {
                        MetricWord {
                            label: format!("{} per {}", word.label, c[1].to_ascii_lowercase()),
                            ..word
                        }
                    }
                    _ => word,
                };
                // "our target of $1.8 million average sales per store": an amount per store,
                // and its label says so.
                let word = match PER_ENTITY.find(chars_after(s, fig.span.end, 50)) {
                    Some(m)
                        if matches!(fig.unit, Unit::Usd | Unit::Count)
                            && !word.per_share
                            && !word.label.to_ascii_lowercase().contains(" per ") =>
                    {
                        MetricWord {
                            label: naming::capitalise(m.as_str().trim()),
                            ..word
                        }
                    }
                    _ => word,
                };
                sentence_metric = Some(word.clone());
                outlook_metric = Some(word.clone());
                let count = out.len();
                let word = measure::relate(
                    word,
                    fig.unit,
                    // "net sales and operating income to decline 9% to 11% and 16% to 18%,
                    // respectively": the verb before the list is every figure's.
                    if respectively.get(i).is_some() {
                        &s[..fig.span.start]
                    } else {
                        before
                    },
                    after,
                    prior.as_ref(),
                );
                // "sales will grow approximately 60% over 2019": growth over a year before the
                // last one is not the year's growth; the label says what it is measured
                // against (a bare "Growth" is named first, below, and keeps no base).
                let word = match AGAINST_YEAR
                    .captures(after)
                    .and_then(|c| c[1].parse::<u16>().ok())
                {
                    Some(base)
                        if fig.unit == Unit::Percent
                            && call.guide_year().is_some_and(|g| base + 1 < g)
                            && bare_head(&word.label).is_none() =>
                    {
                        MetricWord {
                            label: format!("{} vs {base}", word.label),
                            ..word
                        }
                    }
                    _ => word,
                };
                emit(&mut out, word);
                if out.len() > count
                    && let (Some(row), Some(p)) = (out.last_mut(), respectively_periods.get(i))
                {
                    row.period = Some(p.clone());
                }
                // The old range quoted before it in the sentence is what this figure revises.
                if out.len() > count
                    && let (Some(row), Some(&old)) = (out.last_mut(), earlier.last())
                {
                    row.previous = Some(old);
                }
            }
            // "For Lakeside Telecom, we expect revenues of ...": the part's figures, named so.
            // A part the paragraph turned to before does not claim what only the whole company
            // has (its tax rate, shares, debt, dividends).
            // "We expect Avista Utilities to have capital expenditures of about $405 million
            // ... and we expect AEL&P to be about $9 million": each figure the last part named
            // before it.
            // Read only for a sentence that gave rows.
            let named_parts = if out.len() > rows_before {
                naming::parts_named_in(s, &company)
            } else {
                Vec::new()
            };
            let mut part_named = vec![false; out.len().saturating_sub(rows_before)];
            for (o, named) in out[rows_before..].iter_mut().zip(part_named.iter_mut()) {
                let local = o.span.start.saturating_sub(range.start);
                let Some((end, name, in_item)) =
                    named_parts.iter().rev().find(|(end, ..)| *end <= local)
                else {
                    continue;
                };
                let between = s.get(*end..local).unwrap_or("");
                // A listed part names only the figure of its own item.
                if *in_item && (between.contains([',', ';']) || between.contains(" and ")) {
                    continue;
                }
                // The company's own measures, unless the part contributes them ("we project
                // ASUS to contribute $0.45 to $0.49 per share").
                let company_only = company_measure(o) && !o.label.starts_with("Contribution");
                if company_only || naming::another_subject(between) {
                    continue;
                }
                *named = true;
                o.label = naming::with_part(name, &o.label);
            }
            let own_part = naming::segment_topic(s, &company)
                .or_else(|| naming::guidance_for_part(s, &company));
            if out.len() > rows_before
                && let Some(name) = own_part.as_ref().or(part.as_ref())
            {
                for (o, named) in out[rows_before..].iter_mut().zip(&part_named) {
                    if *named {
                        continue;
                    }
                    if own_part.is_some() || !company_measure(o) {
                        o.label = naming::with_part(name, &o.label);
                    }
                }
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
        let guided_in = |p: &str| {
            !had_figures
                || named_last
                || out
                    .iter()
                    .rev()
                    .take_while(|o| o.paragraph == n)
                    .any(|o| o.period.as_deref() == Some(p))
        };
        if trace() {
            eprintln!(
                "guidance: paragraph {n}: period {period:?} topic {topic:?} looked forward {looked_forward}"
            );
        }
        carried = match period {
            _ if !looked_forward => None,
            Some(p) if opened_last => Some(p),
            Some(p) if (p.starts_with("FY") || topic.as_ref() == Some(&p)) && guided_in(&p) => {
                Some(p)
            }
            Some(_) if had_figures && topic.as_deref().is_some_and(|t| !guided_in(t)) => carried,
            _ => topic.or(carried),
        };
        // An outlook goes on into the next paragraph only when this one ends by opening it
        // ("Now turning to our outlook for 2022."): a list of figures follows.
        // So does a list of outlook items that runs to the paragraph's end ("... Capital
        // spending of approximately $425 million." then "EBITDA of $1.55 billion to ...").
        outlook_carried = spans.last().is_some_and(|r| {
            let last = &en[r.clone()];
            // "Based on this outlook, our 2022 guidance is as follows.": a year is no figure.
            OPENS_GUIDANCE.is_match(last)
                && crate::text::numbers::english(last)
                    .iter()
                    .all(|q| q.unit == Unit::Year)
                || outlook
                    && out
                        .last()
                        .is_some_and(|o| o.paragraph == n && o.text == last.trim())
        });
    }
    out
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
    format_range(f.low, f.high, f.unit)
}

/// A range of values in a row's unit, as [`format_value`] writes it.
pub fn format_range(low: Option<f64>, high: Option<f64>, unit: GuideUnit) -> String {
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
        match unit {
            GuideUnit::Percent => format!("{sign}{}%", trim(a)),
            GuideUnit::Shares | GuideUnit::Units => format!("{sign}{}", count(a)),
            GuideUnit::Bps => format!("{sign}{}", trim(a)),
            GuideUnit::UsdPerShare => format!("{sign}${a:.2}"),
            GuideUnit::Usd if a >= 1e9 => format!("{sign}${:.3}B", a / 1e9),
            GuideUnit::Usd if a >= 1e6 => format!("{sign}${}M", trim(a / 1e6)),
            GuideUnit::Usd => format!("{sign}${}", thousands(a)),
        }
    };
    // Counted units follow the whole range: "40,000–42,000 units", "50–100 bps".
    let suffix = match unit {
        GuideUnit::Shares => " shares",
        GuideUnit::Units => " units",
        GuideUnit::Bps => " bps",
        _ => "",
    };
    let range = match (low, high) {
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

#[cfg(test)]
mod ascii_class_tests {
    use super::ascii_classes;

    #[test]
    fn classes_become_ascii_in_and_out_of_brackets() {
        assert_eq!(ascii_classes(r"\bx\w+"), r"(?-u:\b)x[0-9A-Za-z_]+");
        assert_eq!(ascii_classes(r"[\w&'-]"), r"[0-9A-Za-z_&'-]");
        assert_eq!(ascii_classes(r"[^\s]\d"), r"[^\t\n\x0B\x0C\r ][0-9]");
        // Escaped brackets and a bracket first in a class are literals.
        assert_eq!(ascii_classes(r"\[\w\]"), r"\[[0-9A-Za-z_]\]");
        assert_eq!(ascii_classes(r"[]\w]\w"), r"[]0-9A-Za-z_][0-9A-Za-z_]");
        // Negated and other escapes are kept.
        assert_eq!(ascii_classes(r"\W\S\.\$"), r"\W\S\.\$");
        let re = super::re(r"(?i)\bcash\s+taxes\b");
        assert!(re.is_match("and Cash  taxes of"));
    }
}
