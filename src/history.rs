//! Guidance history: what a company guided before, and whether it was raised, cut or met.
//!
//! Calls are grouped by company (read from the call, "Campbell" and "Campbell Soup" being one)
//! and ordered by the fiscal period each call reports. A figure matches across calls by kind,
//! metric, basis, unit, period and its label with the wording that does not change the measure
//! taken out ("adjusted diluted EPS" = "adjusted EPS", "Total sales" = "sales"). Each metric and
//! period guided in two or more calls gets its sequence, each step classified from the numbers
//! (raised, lowered, reiterated, narrowed, widened, raised at the low end ...) beside the
//! company's own word, flagged where the two disagree. Where a later call reports the result of
//! the period, the result is set against the last guide: above, within (and where), below.
//!
//! A call that gives two different values under one key (segments each called "revenue") is
//! ambiguous for that key and left out of it rather than guessed at.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::guidance::{Actual, CallPeriod, GuidanceFigure, Kind, Metric, actuals, call_period};
use crate::text::numbers::tidy;
use crate::transcript::Transcript;

/// One call of the library as the ledger sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// The transcript's source.
    pub source: String,
    /// The company as the call names it.
    pub company: Option<String>,
    /// The fiscal period it reports.
    pub period: CallPeriod,
}

impl Call {
    /// "Q4 FY2021 call".
    pub fn label(&self) -> String {
        self.period
            .label()
            .map_or_else(|| "undated call".to_string(), |p| format!("{p} call"))
    }

    fn order(&self) -> (u16, u8) {
        (
            self.period.year.unwrap_or(0),
            self.period.quarter.unwrap_or(0),
        )
    }
}

/// How a guide moved from one call to the next, computed from the numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// First given.
    Initiated,
    /// Both ends up (or the single value up).
    Raised,
    /// Both ends down.
    Lowered,
    /// The same values.
    Reiterated,
    /// The low end up, the high end kept.
    RaisedAtLowEnd,
    /// The high end up, the low end kept.
    RaisedAtHighEnd,
    /// The low end down, the high end kept.
    LoweredAtLowEnd,
    /// The high end down, the low end kept.
    LoweredAtHighEnd,
    /// The low end up and the high end down.
    Narrowed,
    /// The low end down and the high end up.
    Widened,
}

impl Change {
    /// "raised at the low end".
    pub fn words(self) -> &'static str {
        match self {
            Change::Initiated => "initiated",
            Change::Raised => "raised",
            Change::Lowered => "lowered",
            Change::Reiterated => "reiterated",
            Change::RaisedAtLowEnd => "raised at the low end",
            Change::RaisedAtHighEnd => "raised at the high end",
            Change::LoweredAtLowEnd => "lowered at the low end",
            Change::LoweredAtHighEnd => "lowered at the high end",
            Change::Narrowed => "narrowed",
            Change::Widened => "widened",
        }
    }

    /// ▲ up, ▼ down, = kept, ◆ otherwise.
    pub fn arrow(self) -> &'static str {
        match self {
            Change::Raised | Change::RaisedAtLowEnd | Change::RaisedAtHighEnd => "▲",
            Change::Lowered | Change::LoweredAtLowEnd | Change::LoweredAtHighEnd => "▼",
            Change::Reiterated => "=",
            Change::Initiated | Change::Narrowed | Change::Widened => "◆",
        }
    }

    /// The sign of the move: 1 up, -1 down, 0 neither.
    fn sign(self) -> i8 {
        match self.arrow() {
            "▲" => 1,
            "▼" => -1,
            _ => 0,
        }
    }
}

/// One guide in a sequence: where it was said and its values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    /// The transcript.
    pub source: String,
    /// 1-based line of the English paragraph.
    pub line: usize,
    /// "Q1 FY2022 call".
    pub call: String,
    /// Lower end.
    pub low: Option<f64>,
    /// Upper end.
    pub high: Option<f64>,
    /// The label as this call words it.
    pub label: String,
    /// The company's own word for the change, if it said one: raised, lowered, reiterated,
    /// narrowed, initiated.
    pub word: Option<crate::guidance::Direction>,
    /// The sentence.
    pub text: String,
    /// The paragraph pair (flat index), for the reader.
    #[serde(skip)]
    pub paragraph: usize,
    /// The figure's byte range in the English paragraph.
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
    /// The figure's byte ranges in the Chinese paragraph.
    #[serde(skip)]
    pub zh_spans: Vec<std::ops::Range<usize>>,
    /// The call's place in the company's calls, in fiscal order.
    #[serde(skip)]
    pub order: usize,
    /// The earlier guide the sentence says it revises ("from $2.75 to $2.80 to ..."), signs
    /// dropped.
    #[serde(skip)]
    pub previous: Option<(f64, Option<f64>)>,
}

impl Point {
    /// The midpoint (the one end given when the other is open).
    pub fn midpoint(&self) -> Option<f64> {
        match (self.low, self.high) {
            (Some(l), Some(h)) => Some((l + h) / 2.0),
            (l, h) => l.or(h),
        }
    }
}

/// Where a result fell against the guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Above the high end.
    Above,
    /// Within the range (or on the single value).
    Within,
    /// Below the low end.
    Below,
}

/// A later call's reported result for the guided period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// The transcript reporting it.
    pub source: String,
    /// 1-based line.
    pub line: usize,
    /// "Q2 FY2022 call".
    pub call: String,
    /// The reported value.
    pub value: f64,
    /// Above, within or below the last guide.
    pub verdict: Verdict,
    /// Where in the range, 0 at the low end to 1 at the high end (for a range it fell within).
    pub position: Option<f64>,
    /// The sentence.
    pub text: String,
    /// The paragraph pair (flat index), for the reader.
    #[serde(skip)]
    pub paragraph: usize,
    /// The figure's byte range in the English paragraph.
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
}

/// One metric and period of one company, guided call after call.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sequence {
    /// The company.
    pub company: String,
    /// Guide or long-term target.
    pub kind: Kind,
    /// What it measures.
    pub metric: Metric,
    /// The label as the latest call words it.
    pub label: String,
    /// "GAAP", "non-GAAP", "adjusted", or none.
    pub basis: Option<crate::guidance::Basis>,
    /// The guided period ("FY2022", "Q3 FY2021", "by 2025").
    pub period: String,
    /// The unit of the values.
    pub unit: crate::guidance::GuideUnit,
    /// The guides in call order.
    pub guides: Vec<Point>,
    /// The result a later call reported, if any.
    pub actual: Option<Outcome>,
}

impl Sequence {
    /// The lowest and highest value of its guides and result.
    pub fn span(&self) -> Option<(f64, f64)> {
        let values = self
            .guides
            .iter()
            .flat_map(|g| [g.low, g.high])
            .flatten()
            .chain(self.actual.as_ref().map(|a| a.value));
        values.fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((f64::min(lo, v), f64::max(hi, v))),
        })
    }
}

/// One step of a sequence (the `guidance --history` row).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// The company.
    pub company: String,
    /// guide, target.
    pub kind: Kind,
    /// What it measures.
    pub metric: Metric,
    /// The label as the later call words it.
    pub label: String,
    /// The basis.
    pub basis: Option<crate::guidance::Basis>,
    /// The guided period.
    pub period: String,
    /// The unit.
    pub unit: crate::guidance::GuideUnit,
    /// "guide" for a guide given (the first one: `change` initiated), "actual" for the result.
    pub step: &'static str,
    /// The earlier call's guide (none for the first).
    pub from: Option<Point>,
    /// This call's guide (none for an actual).
    pub to: Option<Point>,
    /// The result (for an actual step).
    pub actual: Option<Outcome>,
    /// The change computed from the numbers (guide steps).
    pub change: Option<Change>,
    /// The midpoint's change in the unit.
    pub midpoint_change: Option<f64>,
    /// The midpoint's change in percent of the earlier midpoint (amounts only: a rate's change
    /// is `midpoint_change`, in points).
    pub midpoint_change_pct: Option<f64>,
    /// The company's own word for it.
    pub word: Option<crate::guidance::Direction>,
    /// True when the word and the numbers disagree ("reiterated" while the midpoint moved).
    pub disagrees: bool,
}

/// True when two guides' ends are the same values (to a part in a thousand).
fn same_values(a: Ends, b: Ends) -> bool {
    let end = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-3 * x.abs().max(y.abs()).max(1e-9),
        (None, None) => true,
        _ => false,
    };
    end(a.0, b.0) && end(a.1, b.1)
}

/// The ledger of a library: every company's sequences.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ledger {
    /// The calls, as read.
    pub calls: Vec<Call>,
    /// The sequences, by company, then in the order their first guide was given.
    pub sequences: Vec<Sequence>,
    /// (source, paragraph, figure start) of every guide point -> (sequence, point).
    index: HashMap<(String, usize, usize), (usize, usize)>,
}

/// Figures match within this relative tolerance (rounding in the base units).
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn same_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// How `to` moved from `from`.
pub fn classify(from: (Option<f64>, Option<f64>), to: (Option<f64>, Option<f64>)) -> Change {
    // A single value stands for both ends; an open end is compared where both give it.
    let ends = |(l, h): (Option<f64>, Option<f64>)| (l.or(h), h.or(l));
    let (fl, fh) = ends(from);
    let (tl, th) = ends(to);
    let cmp = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) if same(a, b) => 0,
        (Some(a), Some(b)) if b > a => 1,
        (Some(_), Some(_)) => -1,
        _ => 0,
    };
    match (cmp(fl, tl), cmp(fh, th)) {
        (0, 0) => Change::Reiterated,
        (1, 1) => Change::Raised,
        (-1, -1) => Change::Lowered,
        (1, 0) => Change::RaisedAtLowEnd,
        (0, 1) => Change::RaisedAtHighEnd,
        (-1, 0) => Change::LoweredAtLowEnd,
        (0, -1) => Change::LoweredAtHighEnd,
        (1, -1) => Change::Narrowed,
        _ => Change::Widened,
    }
}

/// Whether the company's word contradicts the computed change: "reiterated" while a figure
/// moved, "raised" while it went down, "lowered" while it went up, "narrowed" while it widened.
/// An outlook "raised" as a whole with one line kept is no contradiction.
pub fn disagrees(word: Option<crate::guidance::Direction>, change: Change) -> bool {
    use crate::guidance::Direction;
    match word {
        Some(Direction::Reiterated) => change != Change::Reiterated,
        Some(Direction::Raised) => change.sign() < 0 || change == Change::Widened,
        Some(Direction::Lowered) => change.sign() > 0 || change == Change::Widened,
        Some(Direction::Narrowed) => matches!(change, Change::Widened),
        _ => false,
    }
}

/// Which way the result fell against the guide, and where in the range.
pub fn verdict(low: Option<f64>, high: Option<f64>, value: f64) -> (Verdict, Option<f64>) {
    // An open end ("at least", "up to") is met by anything beyond it.
    if let Some(h) = high
        && value > h
        && !same(value, h)
    {
        return (Verdict::Above, None);
    }
    if let Some(l) = low
        && value < l
        && !same(value, l)
    {
        return (Verdict::Below, None);
    }
    let position = match (low, high) {
        (Some(l), Some(h)) if !same(l, h) => Some(tidy(((value - l) / (h - l)).clamp(0.0, 1.0))),
        _ => None,
    };
    (Verdict::Within, position)
}

/// Words of a label that do not change what is measured.
const NOISE_WORDS: &[&str] = &[
    "total",
    "the",
    "our",
    "adjusted",
    "non-gaap",
    "gaap",
    "diluted",
    "net",
    "annual",
    "full-year",
    "full",
    "year",
    "fiscal",
    "consolidated",
    "reported",
    "overall",
    "company",
];

/// The part of a label a match across calls looks at: for a metric that names one measure
/// (EPS, tax rate, capex, shares, EBITDA, FFO, free cash flow) none, unless it is a ratio or an
/// effect; otherwise its words without the ones that do not change the measure, singular.
pub fn label_key(metric: Metric, label: &str) -> String {
    let lower = label.to_ascii_lowercase();
    let plain_measure = matches!(
        metric,
        Metric::Eps
            | Metric::TaxRate
            | Metric::Capex
            | Metric::Shares
            | Metric::Ebitda
            | Metric::Ffo
            | Metric::FreeCashFlow
            | Metric::NetIncome
    );
    // Whole words: "operations" holds no "ratio".
    let has_word = |w: &str| {
        lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|x| x == w || x.strip_suffix('s') == Some(w))
    };
    let qualified = lower.contains('%')
        || lower.contains(" of ")
        || lower.contains(" to ")
        || has_word("ratio")
        || has_word("conversion")
        || has_word("growth");
    if plain_measure && !qualified {
        return String::new();
    }
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '%'))
        .filter(|w| !w.is_empty() && !NOISE_WORDS.contains(w))
        .map(|w| {
            if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                &w[..w.len() - 1]
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when a label names only a measure, with no segment, product or qualifier of its own
/// ("Revenue", "Diluted earnings per share"; not "Consolidated earnings per share").
fn plain_label(label: &str) -> bool {
    const MEASURE_WORDS: &[&str] = &[
        "revenue",
        "revenues",
        "sales",
        "eps",
        "earnings",
        "per",
        "share",
        "income",
        "ebitda",
        "margin",
        "margins",
        "capex",
        "capital",
        "expenditures",
        "cash",
        "flow",
        "free",
        "operating",
        "profit",
        "expense",
        "expenses",
    ];
    label
        .to_ascii_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        // "Consolidated" and "total" name the company's own figure among its segments'.
        .filter(|w| {
            !w.is_empty() && (!NOISE_WORDS.contains(w) || matches!(*w, "consolidated" | "total"))
        })
        .all(|w| MEASURE_WORDS.contains(&w))
}

/// The name companies are grouped by: lowercase words without corporate suffixes; a name whose
/// words begin another's ("Campbell", "Campbell Soup") is that company.
fn name_words(name: &str) -> Vec<String> {
    // "Parker-Hannifin" and "Parker Hannifin", "Campbell's" and "Campbell" are one name.
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .map(|w| {
            let w = w.trim_end_matches("'s").trim_end_matches("’s");
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.as_str(),
                    "inc" | "corp" | "corporation" | "company" | "co" | "ltd" | "plc" | "the"
                )
        })
        .collect()
}

/// A call whose company cannot be read takes the company the other calls of its folder name
/// (the one most of them name), when they name one: calls in one folder are a strong hint.
fn with_folder_company(mut calls: Vec<Call>) -> Vec<Call> {
    let folder = |source: &str| {
        std::path::Path::new(source)
            .parent()
            .map(|p| p.to_string_lossy().into_owned())
    };
    let mut named: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for c in &calls {
        if let (Some(f), Some(name)) = (folder(&c.source), &c.company) {
            *named.entry(f).or_default().entry(name.clone()).or_default() += 1;
        }
    }
    for c in calls.iter_mut().filter(|c| c.company.is_none()) {
        c.company = folder(&c.source)
            .and_then(|f| named.get(&f))
            .and_then(|names| names.iter().max_by_key(|(_, n)| **n))
            .map(|(name, _)| name.clone());
    }
    calls
}

/// Groups calls by company: the index of each call's group (none when the call names no
/// company), and each group's name (the most common spelling, the longest on a tie).
fn company_groups(calls: &[Call]) -> (Vec<Option<usize>>, Vec<String>) {
    let words: Vec<Vec<String>> = calls
        .iter()
        .map(|c| c.company.as_deref().map(name_words).unwrap_or_default())
        .collect();
    let mut group_of: Vec<Option<usize>> = vec![None; calls.len()];
    let mut groups: Vec<Vec<String>> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if w.is_empty() {
            continue;
        }
        // One name's words inside the other's: "Campbell's" in "Campbell Soup", "SYNNEX" in
        // "TD SYNNEX".
        let prefix = |a: &[String], b: &[String]| {
            a.len() <= b.len() && b.windows(a.len()).any(|run| run == a)
        };
        // A name misheard in one call ("John Lang LaSalle" for "Jones Lang LaSalle"): the
        // same last two words and at most one word different.
        let misheard = |a: &[String], b: &[String]| {
            a.len() >= 3
                && a.len() == b.len()
                && a[a.len() - 2..] == b[b.len() - 2..]
                && a.iter().zip(b).filter(|(x, y)| x != y).count() <= 1
        };
        let found = groups
            .iter()
            .position(|g| prefix(g, w) || prefix(w, g) || misheard(g, w));
        let g = match found {
            Some(g) => {
                if w.len() < groups[g].len() {
                    groups[g] = w.clone();
                }
                g
            }
            None => {
                groups.push(w.clone());
                groups.len() - 1
            }
        };
        group_of[i] = Some(g);
    }
    let names = (0..groups.len())
        .map(|g| {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for (i, c) in calls.iter().enumerate() {
                if group_of[i] == Some(g)
                    && let Some(name) = &c.company
                {
                    *counts.entry(name.as_str()).or_default() += 1;
                }
            }
            counts
                .into_iter()
                .max_by_key(|(name, n)| (*n, name.len()))
                .map(|(name, _)| name.to_string())
                .unwrap_or_default()
        })
        .collect();
    (group_of, names)
}

/// A figure's low and high ends.
type Ends = (Option<f64>, Option<f64>);

/// What figures match by across calls.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Key {
    kind: Kind,
    metric: Metric,
    label: String,
    basis: Option<crate::guidance::Basis>,
    unit: crate::guidance::GuideUnit,
    period: String,
}

fn key_of(f: &GuidanceFigure) -> Option<Key> {
    // A figure whose metric the call did not name matches nothing in another call.
    if f.metric == Metric::Other && f.label == "Other" {
        return None;
    }
    Some(Key {
        kind: f.kind,
        metric: f.metric,
        label: label_key(f.metric, &f.label),
        basis: f.basis,
        unit: f.unit,
        period: f.period.clone()?,
    })
}

/// A basis named on one side only ("effective tax rate" in one call, "non-GAAP effective tax
/// rate" in the next) is the same figure: a key without a basis joins the one key that is the
/// same but for a basis, when there is exactly one, for the calls it does not already have.
fn merge_one_sided_basis(
    by_key: &mut BTreeMap<Key, Vec<Point>>,
    first_seen: &mut BTreeMap<Key, (usize, usize)>,
) {
    let unnamed: Vec<Key> = by_key
        .keys()
        .filter(|k| k.basis.is_none())
        .cloned()
        .collect();
    for key in unnamed {
        let named: Vec<Key> = by_key
            .keys()
            .filter(|k| {
                k.basis.is_some()
                    && k.kind == key.kind
                    && k.metric == key.metric
                    && k.label == key.label
                    && k.unit == key.unit
                    && k.period == key.period
            })
            .cloned()
            .collect();
        let [target] = named.as_slice() else { continue };
        move_key(by_key, first_seen, &key, target);
    }
}

/// Moves the points of `key` into `target`'s sequence, for the calls `target` does not already
/// have, in call order; the merged sequence was first seen where either was.
fn move_key(
    by_key: &mut BTreeMap<Key, Vec<Point>>,
    first_seen: &mut BTreeMap<Key, (usize, usize)>,
    key: &Key,
    target: &Key,
) {
    let Some(points) = by_key.remove(key) else {
        return;
    };
    let seen = first_seen.remove(key);
    let into = by_key.entry(target.clone()).or_default();
    for p in points {
        if !into.iter().any(|q| q.order == p.order) {
            into.push(p);
        }
    }
    into.sort_by_key(|p| p.order);
    if let (Some(a), Some(b)) = (seen, first_seen.get_mut(target)) {
        *b = (*b).min(a);
    }
}

/// A stated revision is evidence: a sequence that starts with a figure saying which earlier
/// guide it revises ("raising our guidance from $10.70–$10.80 to $11.55–$11.65 per share")
/// joins the sequence whose figure in an earlier call has those values, unit and period, when
/// exactly one has (its metric and label are kept: the later sentence may name none, or name it
/// otherwise, "EPS" for "FFO per share").
fn merge_stated_revisions(
    by_key: &mut BTreeMap<Key, Vec<Point>>,
    first_seen: &mut BTreeMap<Key, (usize, usize)>,
) {
    let same = |a: f64, b: f64| (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0);
    let starts: Vec<Key> = by_key
        .iter()
        .filter(|(_, points)| points.first().is_some_and(|p| p.previous.is_some()))
        .map(|(k, _)| k.clone())
        .collect();
    for key in starts {
        let Some(first) = by_key.get(&key).and_then(|p| p.first()) else {
            continue;
        };
        let (Some((old_low, old_high)), order) = (first.previous, first.order) else {
            continue;
        };
        // The quoted range was given in an earlier call under the same period, or as a
        // standing target of the same measure ("increasing our 2021 adjusted EBITDA margin
        // target to 16% to 19%, up from 14% to 16%" after "a 14% to 16% long-term adjusted
        // EBITDA margin target range for the full year").
        let same_place = |k: &Key| {
            k.period == key.period && k.kind == key.kind
                || k.kind == Kind::Target
                    && k.metric == key.metric
                    && k.label == key.label
                    && k.basis == key.basis
        };
        let matches: Vec<Key> = by_key
            .iter()
            .filter(|(k, points)| {
                **k != key
                    && k.unit == key.unit
                    && same_place(k)
                    && points.iter().any(|p| {
                        p.order < order
                            && p.low.is_some_and(|l| same(l.abs(), old_low))
                            && match (p.high, old_high) {
                                (Some(h), Some(o)) => same(h.abs(), o),
                                (h, None) => h.zip(p.low).is_none_or(|(h, l)| same(h, l)),
                                (None, Some(_)) => false,
                            }
                    })
                    && !points.iter().any(|p| p.order >= order)
            })
            .map(|(k, _)| k.clone())
            .collect();
        // The target has no call from this sequence's first on, so every point moves.
        let [target] = matches.as_slice() else {
            continue;
        };
        if target.period == key.period {
            move_key(by_key, first_seen, &key, target);
        } else {
            // A standing target revised into this period's guide: the step is this period's.
            move_key(by_key, first_seen, &target.clone(), &key);
        }
    }
}

/// One call's figure for each key it gives one value for (a key with two different values in
/// one call is ambiguous there and left out).
/// True when `point` is a single value (both ends equal) inside the range `range`.
fn point_within(point: Ends, range: Ends) -> bool {
    match (point, range) {
        ((Some(p), Some(q)), (Some(lo), Some(hi))) => {
            same_opt(Some(p), Some(q)) && lo < hi && (lo..=hi).contains(&p)
        }
        _ => false,
    }
}

/// Each key's distinct values in one call: a point inside a range is the range said again, and
/// the range stands; a value within [`SAID_AGAIN`] of one said before it in the call is that
/// figure said again ("$2.26 billion to $2.36 billion" after "$2.25 billion to $2.35
/// billion"), and the later stands (an old figure is more often quoted before the new one than
/// after it).
fn distinct_by_key<'a, T>(
    items: impl IntoIterator<Item = (Key, &'a T, Ends)>,
) -> BTreeMap<Key, Vec<(&'a T, Ends)>> {
    let mut seen: BTreeMap<Key, Vec<(&T, Ends)>> = BTreeMap::new();
    for (key, item, values) in items {
        let list = seen.entry(key).or_default();
        match list.iter_mut().find(|(_, v)| {
            point_within(*v, values)
                || point_within(values, *v)
                || same_opt(v.0, values.0) && same_opt(v.1, values.1)
                || distance(*v, values).is_some_and(|d| d <= SAID_AGAIN)
        }) {
            // "$11.70 to $12.30 ... $12.00 at the midpoint".
            Some(kept)
                if point_within(kept.1, values)
                    || !point_within(values, kept.1)
                        && distance(kept.1, values).is_some_and(|d| d > 0.0) =>
            {
                *kept = (item, values)
            }
            Some(_) => {}
            None => list.push((item, values)),
        }
    }
    seen
}

/// How far apart two guides' midpoints are, relative to the larger.
fn distance(a: Ends, b: Ends) -> Option<f64> {
    let mid = |e: Ends| match e {
        (Some(l), Some(h)) => Some((l + h) / 2.0),
        (Some(x), None) | (None, Some(x)) => Some(x),
        (None, None) => None,
    };
    let (a, b) = (mid(a)?, mid(b)?);
    let scale = a.abs().max(b.abs());
    Some(if scale == 0.0 {
        0.0
    } else {
        (a - b).abs() / scale
    })
}

/// Two values under one key in one call this near are one figure said twice.
const SAID_AGAIN: f64 = 0.05;

/// Two guides this near are one figure revised; farther, two figures (two segments' revenue).
const SAME_TRACK: f64 = 0.3;

/// The track each of one call's values joins, given the tracks' last values (updated, and
/// extended by the values that start a track). A value joins the track it is nearest to when
/// it is near ([`SAME_TRACK`]) and no other value or track is nearly as near; otherwise it
/// starts a track of its own.
fn join_tracks(ends: &mut Vec<Ends>, values: &[Ends]) -> Vec<usize> {
    let d: Vec<Vec<f64>> = values
        .iter()
        .map(|v| {
            ends.iter()
                .map(|e| distance(*v, *e).unwrap_or(f64::INFINITY))
                .collect()
        })
        .collect();
    let clear = |best: f64, other: f64| other > (2.0 * best).max(best + 0.1);
    let mut out = vec![usize::MAX; values.len()];
    for (vi, row) in d.iter().enumerate() {
        let Some((ti, &best)) = row.iter().enumerate().min_by(|a, b| a.1.total_cmp(b.1)) else {
            continue;
        };
        let alone_for_value = row
            .iter()
            .enumerate()
            .all(|(t, &x)| t == ti || clear(best, x));
        let alone_for_track = d
            .iter()
            .enumerate()
            .all(|(v, r)| v == vi || clear(best, r[ti]));
        if best <= SAME_TRACK && alone_for_value && alone_for_track {
            out[vi] = ti;
        }
    }
    for (vi, t) in out.iter_mut().enumerate() {
        if *t == usize::MAX {
            *t = ends.len();
            ends.push(values[vi]);
        } else {
            ends[*t] = values[vi];
        }
    }
    out
}

impl Ledger {
    /// Builds the ledger of a library from its transcripts and their guidance figures (as
    /// [`crate::guidance::extract`] gives them, one list per transcript).
    pub fn build(library: &[(&Transcript, &[GuidanceFigure])]) -> Ledger {
        let calls: Vec<Call> = library
            .iter()
            .map(|(t, _)| Call {
                source: t.source.clone(),
                company: t.company(),
                period: call_period(t),
            })
            .collect();
        let calls = with_folder_company(calls);
        let (group_of, names) = company_groups(&calls);
        let mut ledger = Ledger {
            calls,
            ..Ledger::default()
        };
        for (g, company) in names.iter().enumerate() {
            // The company's dated calls in fiscal order; a second copy of a period is dropped.
            let calls = &ledger.calls;
            let mut members: Vec<usize> = (0..calls.len())
                .filter(|&i| group_of[i] == Some(g) && calls[i].period.year.is_some())
                .collect();
            members.sort_by_key(|&i| (calls[i].order(), i));
            members.dedup_by_key(|&mut i| calls[i].order());
            if members.len() < 2 {
                continue;
            }
            ledger.company_sequences(company, &members, library);
        }
        ledger
    }

    fn company_sequences(
        &mut self,
        company: &str,
        members: &[usize],
        library: &[(&Transcript, &[GuidanceFigure])],
    ) {
        let mut by_key: BTreeMap<Key, Vec<Point>> = BTreeMap::new();
        let mut first_seen: BTreeMap<Key, (usize, usize)> = BTreeMap::new();
        let mut template: BTreeMap<Key, &GuidanceFigure> = BTreeMap::new();
        // Every call's figures by key and values, for corroboration: a figure the model is
        // unsure of is still taken when another call of the company gives the same metric,
        // period and values (a guide said twice is a guide).
        let said: Vec<Vec<(Key, Ends)>> = members
            .iter()
            .map(|&i| {
                library[i]
                    .1
                    .iter()
                    .filter_map(|f| Some((key_of(f)?, (f.low, f.high))))
                    .collect()
            })
            .collect();
        let corroborated = |order: usize, f: &GuidanceFigure| {
            let Some(key) = key_of(f) else {
                return false;
            };
            // The same values elsewhere corroborate any figure; the same metric and period
            // with other values (a revision) one the model half believes.
            let revised_ok = f.confidence >= crate::guidance::confidence::model().threshold * 0.65;
            said.iter().enumerate().any(|(o, rows)| {
                o != order
                    && rows
                        .iter()
                        .any(|(k, v)| *k == key && (revised_ok || same_values(*v, (f.low, f.high))))
            })
        };
        let taken = |order: usize, f: &GuidanceFigure| f.shown() || corroborated(order, f);
        // A key under which some call gives two values (each segment's "revenue", the
        // consolidated EPS beside each unit's) is told apart by the labels as written, in
        // every call: "Consolidated earnings per share" links to itself, not to a unit's.
        let mut crowded: std::collections::BTreeSet<Key> = Default::default();
        for (order, &i) in members.iter().enumerate() {
            let mut seen: BTreeMap<Key, Ends> = BTreeMap::new();
            for f in library[i].1.iter().filter(|f| taken(order, f)) {
                let Some(key) = key_of(f) else { continue };
                let values = (f.low, f.high);
                match seen.get(&key) {
                    Some(v)
                        if !(same_values(*v, values)
                            || point_within(*v, values)
                            || point_within(values, *v)) =>
                    {
                        crowded.insert(key);
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(key, values);
                    }
                }
            }
        }
        let key_in_call = |f: &GuidanceFigure| {
            let key = key_of(f)?;
            Some(if crowded.contains(&key) {
                // A label that names only the measure ("Revenue") under a crowded key is one
                // of several same-named figures (a segment's, said plainly): it is told apart
                // from the others by its value, below.
                if plain_label(&f.label) {
                    return Some(key);
                }
                Key {
                    label: format!("{}#{}", key.label, f.label.to_lowercase()),
                    ..key
                }
            } else {
                key
            })
        };
        // Each call's distinct values under each key, in call order.
        let per_call: Vec<BTreeMap<Key, Vec<(&GuidanceFigure, Ends)>>> = members
            .iter()
            .enumerate()
            .map(|(order, &i)| {
                distinct_by_key(
                    library[i]
                        .1
                        .iter()
                        // The figures the model is sure of, as the sidebar shows them, and
                        // those another call corroborates.
                        .filter(|f| taken(order, f))
                        .filter_map(|f| Some((key_in_call(f)?, f, (f.low, f.high)))),
                )
            })
            .collect();
        // A key some call gives several values under is split into tracks by value.
        let several: std::collections::BTreeSet<&Key> = per_call
            .iter()
            .flat_map(|m| m.iter().filter(|(_, v)| v.len() > 1).map(|(k, _)| k))
            .collect();
        let mut track_ends: BTreeMap<Key, Vec<Ends>> = BTreeMap::new();
        for (order, &i) in members.iter().enumerate() {
            for (key, values) in &per_call[order] {
                let placed: Vec<(Key, &GuidanceFigure)> = if several.contains(key) {
                    let ends = track_ends.entry(key.clone()).or_default();
                    let vals: Vec<Ends> = values.iter().map(|(_, v)| *v).collect();
                    let tracks = join_tracks(ends, &vals);
                    values
                        .iter()
                        .zip(tracks)
                        .map(|((f, _), t)| {
                            let k = Key {
                                label: format!("{}~{t}", key.label),
                                ..key.clone()
                            };
                            (k, *f)
                        })
                        .collect()
                } else {
                    values.iter().map(|(f, _)| (key.clone(), *f)).collect()
                };
                for (key, f) in placed {
                    first_seen.entry(key.clone()).or_insert((order, f.line));
                    template.insert(key.clone(), f);
                    by_key.entry(key).or_default().push(Point {
                        source: f.source.clone(),
                        line: f.line,
                        call: self.calls[i].label(),
                        low: f.low,
                        high: f.high,
                        label: f.label.clone(),
                        word: f.direction,
                        text: f.text.clone(),
                        paragraph: f.paragraph,
                        span: f.span.clone(),
                        zh_spans: f.zh_spans.clone(),
                        order,
                        previous: f.previous,
                    });
                }
            }
        }
        merge_one_sided_basis(&mut by_key, &mut first_seen);
        merge_stated_revisions(&mut by_key, &mut first_seen);
        // Each call's results with their label keys, read the first time a guide looks at them.
        let reported: Vec<std::cell::OnceCell<Vec<(String, Actual)>>> =
            members.iter().map(|_| std::cell::OnceCell::new()).collect();
        let mut keys: Vec<Key> = by_key.keys().cloned().collect();
        keys.sort_by_key(|k| first_seen[k]);
        for key in keys {
            let guides = by_key.remove(&key).unwrap_or_default();
            let f = template[&key];
            let last = &guides[guides.len() - 1];
            let actual = if key.kind == Kind::Guide {
                self.outcome(&key, last, &reported, members, library)
            } else {
                None
            };
            if guides.len() < 2 && actual.is_none() {
                continue;
            }
            let s = self.sequences.len();
            for (p, g) in guides.iter().enumerate() {
                self.index
                    .insert((g.source.clone(), g.paragraph, g.span.start), (s, p));
            }
            self.sequences.push(Sequence {
                company: company.to_string(),
                kind: f.kind,
                metric: f.metric,
                label: f.label.clone(),
                basis: f.basis,
                period: key.period.clone(),
                unit: f.unit,
                guides,
                actual,
            });
        }
    }

    /// The result of the key's period reported by a call after the last guide's, if one call
    /// reports exactly one value for it (a "Total ..." line wins over segment lines).
    fn outcome(
        &self,
        key: &Key,
        last: &Point,
        reported: &[std::cell::OnceCell<Vec<(String, Actual)>>],
        members: &[usize],
        library: &[(&Transcript, &[GuidanceFigure])],
    ) -> Option<Outcome> {
        for order in last.order + 1..members.len() {
            let rows = reported[order].get_or_init(|| {
                actuals(library[members[order]].0)
                    .into_iter()
                    .map(|a| (label_key(a.metric, &a.label), a))
                    .collect()
            });
            // A track of a key told apart by value ("revenue~1") looks for the key's results.
            let base = key.label.split('~').next().unwrap_or(&key.label);
            let same_measure = |a: &Actual| {
                a.period == key.period
                    && a.unit == key.unit
                    && a.metric == key.metric
                    && (a.basis == key.basis || a.basis.is_none() || key.basis.is_none())
            };
            let mut matching: Vec<&Actual> = rows
                .iter()
                .filter(|(label, a)| same_measure(a) && label == base)
                .map(|(_, a)| a)
                .collect();
            // Worded otherwise ("reflecting a margin of 18.6%" for the adjusted EBITDA margin
            // guided): one label's words inside the other's, and one value near the guide.
            if matching.is_empty() && !base.is_empty() && !base.contains('#') {
                let words = |l: &str| -> std::collections::BTreeSet<String> {
                    l.split_whitespace().map(str::to_string).collect()
                };
                let ours = words(base);
                let near: Vec<&Actual> = rows
                    .iter()
                    .filter(|(label, a)| {
                        let theirs = words(label);
                        same_measure(a)
                            && !theirs.is_empty()
                            && (theirs.is_subset(&ours) || ours.is_subset(&theirs))
                            && last.midpoint().is_some_and(|mid| {
                                (mid.abs() / 2.0..=mid.abs() * 2.0).contains(&a.value.abs())
                            })
                    })
                    .map(|(_, a)| a)
                    .collect();
                if near
                    .first()
                    .is_some_and(|one| near.iter().all(|a| same(a.value, one.value)))
                {
                    matching = near;
                }
            }
            let exact: Vec<&Actual> = matching
                .iter()
                .copied()
                .filter(|a| a.basis == key.basis)
                .collect();
            let pool = if exact.is_empty() { matching } else { exact };
            let totals: Vec<&Actual> = pool
                .iter()
                .copied()
                .filter(|a| a.label.to_ascii_lowercase().starts_with("total"))
                .collect();
            let pool = if totals.is_empty() { pool } else { totals };
            let Some(&first) = pool.first() else { continue };
            // Several different results under the same words: an amount off the guide by more
            // than half is another line of the business (a segment's sales), so the one near
            // the guide is the result, if only one is. A single result is taken as it is.
            let first = if pool.iter().any(|a| !same(a.value, first.value)) {
                let near: Vec<&Actual> = pool
                    .iter()
                    .copied()
                    .filter(|a| {
                        key.unit == crate::guidance::GuideUnit::Usd
                            && last.midpoint().is_some_and(|mid| {
                                (mid.abs() / 2.0..=mid.abs() * 2.0).contains(&a.value.abs())
                            })
                    })
                    .collect();
                match near.first() {
                    Some(&one) if near.iter().all(|a| same(a.value, one.value)) => one,
                    _ => return None,
                }
            } else {
                first
            };
            let (verdict, position) = verdict(last.low, last.high, first.value);
            return Some(Outcome {
                source: first.source.clone(),
                line: first.line,
                call: self.calls[members[order]].label(),
                value: first.value,
                verdict,
                position,
                text: first.text.clone(),
                paragraph: first.paragraph,
                span: first.span.clone(),
            });
        }
        None
    }

    /// The ledger of transcripts whose guidance is not read yet: reads it, then
    /// [`Ledger::build`]s.
    pub fn from_transcripts(transcripts: &[Transcript]) -> Ledger {
        let figures: Vec<Vec<GuidanceFigure>> =
            transcripts.iter().map(crate::guidance::extract).collect();
        let library: Vec<(&Transcript, &[GuidanceFigure])> = transcripts
            .iter()
            .zip(&figures)
            .map(|(t, f)| (t, f.as_slice()))
            .collect();
        Ledger::build(&library)
    }

    /// The index into [`Ledger::sequences`] and the guide's position in it of a guidance
    /// figure, if it has a history.
    pub fn locate(&self, f: &GuidanceFigure) -> Option<(usize, usize)> {
        self.index
            .get(&(f.source.clone(), f.paragraph, f.span.start))
            .copied()
    }

    /// The sequence and position of a guidance figure, if it has a history.
    pub fn find(&self, f: &GuidanceFigure) -> Option<(&Sequence, usize)> {
        let (s, p) = self.locate(f)?;
        Some((&self.sequences[s], p))
    }

    /// The guide before this figure's in its sequence, with the change to this one.
    pub fn previous(&self, f: &GuidanceFigure) -> Option<(&Point, Change)> {
        let (seq, p) = self.find(f)?;
        let prev = seq.guides.get(p.checked_sub(1)?)?;
        let this = &seq.guides[p];
        Some((prev, classify((prev.low, prev.high), (this.low, this.high))))
    }

    /// Every step of every sequence, in order (the `guidance --history` rows).
    pub fn steps(&self) -> Vec<Step> {
        let mut out = Vec::new();
        for seq in &self.sequences {
            let base = |step: &'static str| Step {
                company: seq.company.clone(),
                kind: seq.kind,
                metric: seq.metric,
                label: seq.label.clone(),
                basis: seq.basis,
                period: seq.period.clone(),
                unit: seq.unit,
                step,
                from: None,
                to: None,
                actual: None,
                change: None,
                midpoint_change: None,
                midpoint_change_pct: None,
                word: None,
                disagrees: false,
            };
            for (i, g) in seq.guides.iter().enumerate() {
                let mut step = base("guide");
                step.label = g.label.clone();
                step.word = g.word;
                step.to = Some(g.clone());
                match i.checked_sub(1).map(|j| &seq.guides[j]) {
                    None => step.change = Some(Change::Initiated),
                    Some(prev) => {
                        let change = classify((prev.low, prev.high), (g.low, g.high));
                        step.change = Some(change);
                        if let (Some(a), Some(b)) = (prev.midpoint(), g.midpoint()) {
                            step.midpoint_change = Some(tidy(b - a));
                            // A rate's change is read in points, not in percent of itself.
                            step.midpoint_change_pct = (a != 0.0
                                && !matches!(
                                    seq.unit,
                                    crate::guidance::GuideUnit::Percent
                                        | crate::guidance::GuideUnit::Bps
                                ))
                            .then(|| (b - a) / a.abs() * 100.0);
                        }
                        // The word speaks of the last guide; with calls between whose guide
                        // was not read, the last one read may not be the one it means.
                        step.disagrees = g.order == prev.order + 1 && disagrees(g.word, change);
                        step.from = Some(prev.clone());
                    }
                }
                out.push(step);
            }
            if let Some(actual) = &seq.actual {
                let mut step = base("actual");
                step.from = seq.guides.last().cloned();
                step.actual = Some(actual.clone());
                out.push(step);
            }
        }
        out
    }
}

/// Width of [`text_bars`].
pub const TEXT_BAR_WIDTH: usize = 20;

/// The history of a sequence as text bars, one per guide then one for the result, all on the
/// sequence's own scale: `  ██████      ` for a range, `     ●      ` for the result.
pub fn text_bars(seq: &Sequence) -> Vec<String> {
    let Some((lo, hi)) = seq.span() else {
        return vec![String::new(); seq.guides.len() + usize::from(seq.actual.is_some())];
    };
    let w = TEXT_BAR_WIDTH;
    let col = |v: f64| -> usize {
        if hi - lo <= f64::EPSILON * hi.abs().max(1.0) {
            w / 2
        } else {
            (((v - lo) / (hi - lo)) * (w - 1) as f64).round() as usize
        }
    };
    let draw = |from: usize, to: usize, ch: char| -> String {
        (0..w)
            .map(|i| if (from..=to).contains(&i) { ch } else { '·' })
            .collect()
    };
    let mut out: Vec<String> = seq
        .guides
        .iter()
        .map(|g| match (g.low.or(g.high), g.high.or(g.low)) {
            (Some(l), Some(h)) => draw(col(l), col(h), '█'),
            _ => String::new(),
        })
        .collect();
    if let Some(a) = &seq.actual {
        let c = col(a.value);
        out.push(draw(c, c, '●'));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_from_the_numbers() {
        let r = |l: f64, h: f64| (Some(l), Some(h));
        assert_eq!(classify(r(9.2, 9.5), r(9.4, 9.6)), Change::Raised);
        assert_eq!(classify(r(9.2, 9.5), r(9.0, 9.3)), Change::Lowered);
        assert_eq!(classify(r(9.2, 9.5), r(9.2, 9.5)), Change::Reiterated);
        assert_eq!(classify(r(9.2, 9.5), r(9.3, 9.5)), Change::RaisedAtLowEnd);
        assert_eq!(classify(r(9.2, 9.5), r(9.2, 9.6)), Change::RaisedAtHighEnd);
        assert_eq!(classify(r(9.2, 9.5), r(9.1, 9.5)), Change::LoweredAtLowEnd);
        assert_eq!(classify(r(9.2, 9.5), r(9.2, 9.4)), Change::LoweredAtHighEnd);
        assert_eq!(classify(r(9.2, 9.5), r(9.3, 9.4)), Change::Narrowed);
        assert_eq!(classify(r(9.2, 9.5), r(9.1, 9.6)), Change::Widened);
        assert_eq!(classify(r(7.0, 7.0), r(7.5, 7.5)), Change::Raised);
        // A single value against a range: its ends are compared with the range's.
        assert_eq!(
            classify(r(375.0, 425.0), r(425.0, 425.0)),
            Change::RaisedAtLowEnd
        );
        // "at least" against "at least".
        assert_eq!(
            classify((Some(10.0), None), (Some(12.0), None)),
            Change::Raised
        );
    }

    #[test]
    fn values_join_the_track_they_are_clearly_nearest() {
        let v = |x: f64| (Some(x), Some(x));
        let mut ends = Vec::new();
        // The first call starts a track for each value.
        assert_eq!(join_tracks(&mut ends, &[v(4.2), v(1.3)]), [0, 1]);
        // The next call's values, in another order, each join their own.
        assert_eq!(join_tracks(&mut ends, &[v(1.4), v(4.3)]), [1, 0]);
        assert_eq!(ends, [v(4.3), v(1.4)]);
        // A value far from both (a cut by half) starts a new track.
        assert_eq!(join_tracks(&mut ends, &[v(2.1)]), [2]);
        // A value about as near to two tracks joins neither.
        let mut ends = vec![v(10.0), v(11.0)];
        assert_eq!(join_tracks(&mut ends, &[v(10.5)]), [2]);
    }

    #[test]
    fn a_value_said_again_in_a_call_is_one_value() {
        let items = [
            ("a", (Some(2.25), Some(2.35))),
            ("b", (Some(2.3), Some(2.3))),
            ("c", (Some(2.26), Some(2.36))),
            ("d", (Some(5.0), Some(5.0))),
        ];
        let key = Key {
            kind: Kind::Guide,
            metric: Metric::Revenue,
            label: String::new(),
            basis: None,
            unit: crate::guidance::GuideUnit::Usd,
            period: "FY2024".into(),
        };
        let got = distinct_by_key(items.iter().map(|(n, v)| (key.clone(), n, *v)));
        // The midpoint inside the range is the range again; the range a cent off replaces it
        // (the later one stands); $5 is another figure.
        let names: Vec<&str> = got[&key].iter().map(|(n, _)| **n).collect();
        assert_eq!(names, ["c", "d"]);
    }

    #[test]
    fn one_company_under_several_spellings_and_two_kept_apart() {
        let call = |name: &str| Call {
            source: format!("{name}.txt"),
            company: Some(name.to_string()),
            period: CallPeriod::default(),
        };
        let calls = [
            call("Jones Lang LaSalle"),
            call("John Lang LaSalle"),
            call("Parker-Hannifin"),
            call("Parker Hannifin Corporation"),
            call("Bank of America"),
            call("Bank of Montreal"),
            call("Cullen/Frost"),
            call("Frost"),
            call("Campbell's"),
            call("Campbell Soup Company"),
        ];
        let (group_of, _) = company_groups(&calls);
        assert_eq!(group_of[0], group_of[1]);
        assert_eq!(group_of[2], group_of[3]);
        assert_ne!(group_of[4], group_of[5]);
        assert_eq!(group_of[6], group_of[7]);
        assert_eq!(group_of[8], group_of[9]);
        assert_ne!(group_of[0], group_of[2]);
    }

    #[test]
    fn a_plain_label_names_only_the_measure() {
        assert!(plain_label("Revenue"));
        assert!(plain_label("Adjusted diluted earnings per share"));
        assert!(!plain_label("Consolidated earnings per share"));
        assert!(!plain_label("Combat Systems revenue"));
    }

    #[test]
    fn a_midpoint_is_its_range_again() {
        assert!(point_within(
            (Some(12.0), Some(12.0)),
            (Some(11.7), Some(12.3))
        ));
        assert!(!point_within(
            (Some(13.0), Some(13.0)),
            (Some(11.7), Some(12.3))
        ));
        assert!(!point_within(
            (Some(11.7), Some(12.3)),
            (Some(12.0), Some(12.0))
        ));
    }

    #[test]
    fn words_against_numbers() {
        assert!(disagrees(
            Some(crate::guidance::Direction::Reiterated),
            Change::Raised
        ));
        assert!(!disagrees(
            Some(crate::guidance::Direction::Reiterated),
            Change::Reiterated
        ));
        assert!(disagrees(
            Some(crate::guidance::Direction::Raised),
            Change::Lowered
        ));
        assert!(!disagrees(
            Some(crate::guidance::Direction::Raised),
            Change::Reiterated
        ));
        assert!(!disagrees(
            Some(crate::guidance::Direction::Raised),
            Change::RaisedAtLowEnd
        ));
        assert!(disagrees(
            Some(crate::guidance::Direction::Lowered),
            Change::RaisedAtHighEnd
        ));
        assert!(!disagrees(None, Change::Lowered));
    }

    #[test]
    fn results_against_the_guide() {
        assert_eq!(verdict(Some(1.0), Some(2.0), 2.5), (Verdict::Above, None));
        assert_eq!(verdict(Some(1.0), Some(2.0), 0.5), (Verdict::Below, None));
        assert_eq!(
            verdict(Some(1.0), Some(2.0), 1.25),
            (Verdict::Within, Some(0.25))
        );
        assert_eq!(verdict(Some(1.0), Some(1.0), 1.0), (Verdict::Within, None));
        assert_eq!(verdict(Some(1.0), None, 3.0), (Verdict::Within, None));
        assert_eq!(verdict(None, Some(1.0), 3.0), (Verdict::Above, None));
    }

    #[test]
    fn labels_match_across_wordings() {
        assert_eq!(
            label_key(Metric::Eps, "Adjusted diluted EPS"),
            label_key(Metric::Eps, "Adjusted EPS")
        );
        assert_eq!(
            label_key(Metric::Revenue, "Subscription revenues"),
            label_key(Metric::Revenue, "Subscription revenue")
        );
        assert_eq!(
            label_key(Metric::Revenue, "Total sales"),
            label_key(Metric::Revenue, "Sales")
        );
        assert_ne!(
            label_key(Metric::Revenue, "Subscription revenue"),
            label_key(Metric::Revenue, "Revenue")
        );
        assert_ne!(
            label_key(Metric::Capex, "Capex, % of revenue"),
            label_key(Metric::Capex, "Capital expenditures")
        );
    }

    #[test]
    fn companies_group_by_leading_words() {
        let call = |name: &str| Call {
            source: name.to_string(),
            company: Some(name.to_string()),
            period: CallPeriod::default(),
        };
        let calls = [
            call("Campbell"),
            call("Campbell Soup"),
            call("Campbell Soup"),
            call("General Dynamics"),
            call("General Mills"),
        ];
        let (groups, names) = company_groups(&calls);
        assert_eq!(groups[0], groups[1]);
        assert_eq!(groups[1], groups[2]);
        assert_ne!(groups[3], groups[4]);
        assert_eq!(names[groups[0].unwrap()], "Campbell Soup");
    }
}
