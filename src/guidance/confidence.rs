//! How sure callread is that a guidance row is right: a forward-looking figure the company gave
//! as its own, with the measure, period and values read right.
//!
//! The rules in [`super::extract`] find candidate figures; whether a candidate is the company's
//! guide (not a pipeline, a market forecast, a what-if, a contribution labelled as the headline
//! metric) is a judgement that rules fitted to the calls they were written against do not carry
//! to other companies' calls. So it is learned: a logistic regression over features local to the
//! figure and structural ones (the metric and unit the rules chose, how the period was found,
//! forward and result cues before the figure, the words on each side of it, the label's words,
//! how many figures the sentence holds, the section), trained on rows that people judged right
//! or wrong by reading calls (`tests/fixtures/guidance_judged_wide.jsonl`). Training is
//! `cargo run --release --example train_guidance`; the model is `assets/guidance_model.json`,
//! embedded in the binary and parsed once on first use.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use serde::{Deserialize, Serialize};

use super::{GuidanceFigure, Kind, cues, period::CallPeriod};
use crate::transcript::{Section, Transcript};

/// FNV-1a: a fast hash for the short feature names looked up for every row (SipHash, the
/// standard map's, costs more than the rest of the scoring).
#[derive(Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// The weights' map: feature name to weight.
pub type Weights = HashMap<String, f32, std::hash::BuildHasherDefault<Fnv>>;

/// A logistic regression over named binary features.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Model {
    /// The intercept.
    pub bias: f32,
    /// Rows scoring under this are hidden by default.
    pub threshold: f32,
    /// One weight per feature name; a feature not listed weighs nothing.
    pub weights: Weights,
}

impl Model {
    /// The probability that a row with these features is right.
    pub fn score(&self, features: &[String]) -> f32 {
        let z: f32 = self.bias
            + features
                .iter()
                .filter_map(|f| self.weights.get(f))
                .sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }
}

/// The model shipped in the binary (`assets/guidance_model.json`).
pub fn model() -> &'static Model {
    static MODEL: LazyLock<Model> = LazyLock::new(|| {
        serde_json::from_str(include_str!("../../assets/guidance_model.json"))
            .expect("assets/guidance_model.json is valid (checked by a unit test)")
    });
    &MODEL
}

/// Words too common to say anything about a row.
const STOP: &[&str] = &[
    "the", "a", "an", "of", "and", "to", "in", "for", "on", "at", "by", "with", "that", "this",
    "is", "be", "as", "it", "or", "we", "our",
];

fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '%' || c == '$'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.bytes().any(|b| b.is_ascii_digit()) {
                "#".to_string()
            } else {
                w.trim_matches('\'').to_ascii_lowercase()
            }
        })
        .filter(|w| !w.is_empty() && !STOP.contains(&w.as_str()))
}

fn bucket(n: usize, edges: &[usize]) -> usize {
    edges.iter().take_while(|&&e| n >= e).count()
}

/// What the features of one transcript's rows share: its English paragraphs, and the
/// features of each sentence (read once for all the figures in it).
struct Context<'a, 'p> {
    paragraphs: &'p [&'p str],
    call: CallPeriod,
    sentences: HashMap<(usize, &'a str), Vec<String>>,
}

impl<'a, 'p> Context<'a, 'p> {
    fn new(paragraphs: &'p [&'p str], call: CallPeriod) -> Context<'a, 'p> {
        Context {
            paragraphs,
            call,
            sentences: HashMap::new(),
        }
    }
}

/// Words of a paragraph about parts of the business.
static PARTS_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    super::re(r"(?i)\b(?:segments?|divisions?|business\s+units?|subsidiar(?:y|ies))\b")
});

/// Words of a market, an industry or the economy.
static MARKET_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    super::re(r"(?i)\b(?:markets?|industry|economy|economic|customers?|consumers?|demand)\b")
});

/// The features of a sentence, whichever of its figures is scored.
fn sentence_features(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    out.push(format!(
        "sentence_len:{}",
        bucket(s.split_whitespace().count(), &[12, 25, 40, 60])
    ));
    for (on, name) in [
        (cues::forward(s), "forward_sentence"),
        (cues::reports_result(s), "result_sentence"),
        (cues::has_past_verb(s), "past_verb"),
        (cues::names_guide(s), "names_guide"),
    ] {
        if on {
            out.push(name.to_string());
        }
    }
    let lower = s.to_ascii_lowercase();
    if lower.starts_with("if ") || lower.starts_with("assuming ") {
        out.push("opens_conditional".into());
    }
    let mut seen: Vec<String> = words(s).collect();
    seen.sort();
    seen.dedup();
    out.extend(seen.into_iter().map(|w| format!("word:{w}")));
    out
}

/// The features of row `i` of `rows` (all the rows of one transcript, in reading order).
pub fn features(
    t: &Transcript,
    rows: &[GuidanceFigure],
    i: usize,
    call: CallPeriod,
) -> Vec<String> {
    let paragraphs = super::english_by_pair(t);
    row_features(&mut Context::new(&paragraphs, call), rows, i)
}

fn row_features<'a>(
    ctx: &mut Context<'a, '_>,
    rows: &'a [GuidanceFigure],
    i: usize,
) -> Vec<String> {
    let call = ctx.call;
    let f = &rows[i];
    let mut out: Vec<String> = Vec::with_capacity(64);
    let mut add = |s: String| out.push(s);
    add(format!("metric:{:?}", f.metric));
    add(format!("unit:{}", f.unit.as_str()));
    add(format!("kind:{:?}", f.kind));
    add(format!("basis:{}", f.basis.map_or("none", |b| b.as_str())));
    add(format!("metric_unit:{:?}:{}", f.metric, f.unit.as_str()));
    if f.approximate {
        add("approximate".into());
    }
    add(format!(
        "direction:{}",
        f.direction.map_or("none", |d| d.as_str())
    ));
    add(format!(
        "section:{}",
        if f.section == Section::Qa {
            "qa"
        } else {
            "prepared"
        }
    ));
    add(format!(
        "shape:{}",
        match (f.low, f.high) {
            (Some(l), Some(h)) if l == h => "point",
            (Some(_), Some(_)) => "range",
            (None, _) => "up_to",
            (_, None) => "at_least",
        }
    ));
    if f.low.is_some_and(|v| v < 0.0) || f.high.is_some_and(|v| v < 0.0) {
        add("negative".into());
    }
    // The period: its shape, and how far from the year the call guides.
    let period = f.period.as_deref().unwrap_or("");
    let shape = if f.kind == Kind::Target {
        "target"
    } else if period.starts_with('Q') {
        "quarter"
    } else if period.starts_with('H') {
        "half"
    } else if period.starts_with("FY") {
        "year"
    } else if period.is_empty() {
        "none"
    } else {
        "other"
    };
    add(format!("period:{shape}"));
    if let (Some(y), Some(g)) = (
        period
            .rsplit("FY")
            .next()
            .and_then(|y| y.get(..4))
            .and_then(|y| y.parse::<i32>().ok()),
        call.guide_year(),
    ) {
        add(format!("period_year:{}", (y - i32::from(g)).clamp(-2, 2)));
    }
    // The label.
    let label_words: Vec<String> = words(&f.label).collect();
    add(format!(
        "label_len:{}",
        bucket(label_words.len(), &[2, 3, 4, 6])
    ));
    for w in &label_words {
        add(format!("label:{w}"));
    }
    // The rows of the same sentence.
    let same: Vec<usize> = (0..rows.len())
        .filter(|&j| rows[j].paragraph == f.paragraph && rows[j].text == f.text)
        .collect();
    add(format!(
        "rows_in_sentence:{}",
        bucket(same.len(), &[2, 3, 4])
    ));
    let rank = same.iter().position(|&j| j == i).unwrap_or(0);
    add(format!("rank_in_sentence:{}", rank.min(2)));
    if same
        .iter()
        .any(|&j| j != i && rows[j].label == f.label && rows[j].period == f.period)
    {
        add("label_shared_in_sentence".into());
    }
    // The paragraph: how many rows it gives (an outlook paragraph lists several), whether it
    // speaks of parts of the business while the label names none, and how often the call
    // gives the same label other values (two segments' figures under one name).
    let para = ctx.paragraphs.get(f.paragraph).copied().unwrap_or("");
    let in_paragraph = rows.iter().filter(|r| r.paragraph == f.paragraph).count();
    add(format!(
        "rows_in_paragraph:{}",
        bucket(in_paragraph, &[2, 4, 8])
    ));
    let label_part = f.label.contains(": ");
    if label_part {
        add("label_part".into());
    } else if PARTS_WORDS.is_match(para) {
        add("part_unnamed".into());
    }
    let same_label = rows
        .iter()
        .filter(|r| r.label == f.label && r.period == f.period && r.low != f.low)
        .count();
    add(format!(
        "same_label_other_values:{}",
        bucket(same_label, &[1, 2])
    ));
    // Who says it: the speaker who gives most of the call's rows reads the outlook.
    let by_speaker = rows.iter().filter(|r| r.speaker == f.speaker).count();
    add(format!(
        "speaker_rows:{}",
        bucket(by_speaker * 4 / rows.len().max(1), &[1, 2, 3])
    ));
    // The sentence before, in the paragraph: does it look forward, or speak of a market?
    if let Some(at) = para.find(f.text.as_str()) {
        let prev = para[..at].trim_end().trim_end_matches(['.', '?', '!']);
        let start = prev.rfind(['.', '?', '!']).map_or(0, |i| i + 1);
        let prev = &prev[start..];
        if !prev.is_empty() {
            if cues::forward(prev) {
                add("prev_forward".into());
            }
            if MARKET_WORDS.is_match(prev) {
                add("prev_market".into());
            }
        }
    }
    // The sentence and the figure's place in it.
    let s = f.text.as_str();
    let local = f.range_in_sentence(para).unwrap_or(0..0);
    let before = &s[..local.start];
    let after = &s[local.end..];
    add(format!(
        "figure_at:{}",
        bucket(before.split_whitespace().count(), &[4, 10, 20])
    ));
    if cues::forward(before) {
        add("forward_before".into());
    }
    for feature in attachment(&f.label, before, after) {
        add(feature);
    }
    // The words on each side of the figure, nearest first, and the sentence's words.
    let left: Vec<String> = words(before).collect();
    for (k, w) in left.iter().rev().take(6).enumerate() {
        add(format!("left:{w}"));
        if k < 2 {
            add(format!("left_near:{w}"));
        }
    }
    for (k, w) in words(after).take(6).enumerate() {
        add(format!("right:{w}"));
        if k < 2 {
            add(format!("right_near:{w}"));
        }
    }
    out.extend(
        ctx.sentences
            .entry((f.paragraph, s))
            .or_insert_with(|| sentence_features(s))
            .iter()
            .cloned(),
    );
    out
}

/// How the label attaches to the figure: where the label's head word stands (just before the
/// figure, further before, just after, or nowhere in the sentence: carried from elsewhere),
/// whether another figure stands between them (a list whose nouns may have slid), how much of
/// the label the sentence says, and change or ratio words at the figure ("an increase of",
/// "of revenue").
fn attachment(label: &str, before: &str, after: &str) -> Vec<String> {
    let mut out = Vec::new();
    let label_words: Vec<String> = words(label)
        .filter(|w| !matches!(w.as_str(), "growth" | "per" | "share" | "%" | "adjusted"))
        .collect();
    let before_words: Vec<String> = before
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_ascii_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    let after_words: Vec<String> = after
        .split_whitespace()
        .take(5)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_ascii_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    let head = label_words.last();
    let place = match head {
        None => "none",
        Some(h) => match before_words.iter().rposition(|w| w == h) {
            Some(i) => {
                let gap = &before_words[i + 1..];
                if gap.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit())) {
                    out.push("figure_between_label".to_string());
                }
                if gap.len() <= 6 {
                    "before_near"
                } else {
                    "before_far"
                }
            }
            None if after_words.iter().any(|w| w == h) => "after",
            None => "absent",
        },
    };
    out.push(format!("label_at:{place}"));
    let said = label_words
        .iter()
        .filter(|w| before_words.contains(w) || after_words.contains(w))
        .count();
    if !label_words.is_empty() {
        out.push(format!(
            "label_said:{}",
            match said * 3 / label_words.len() {
                0 => "none",
                1 | 2 => "part",
                _ => "all",
            }
        ));
    }
    let near: Vec<&String> = before_words.iter().rev().take(3).collect();
    if near.iter().any(|w| {
        matches!(
            w.as_str(),
            "increase"
                | "decrease"
                | "reduction"
                | "expansion"
                | "improvement"
                | "by"
                | "raise"
                | "raising"
                | "additional"
                | "incremental"
        )
    }) {
        out.push("change_word_before".to_string());
    }
    let lead = after_words
        .iter()
        .take(3)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ");
    if lead.starts_with("of revenue")
        || lead.starts_with("of sales")
        || lead.starts_with("of net")
        || lead.starts_with("of our")
        || lead.starts_with("as a")
    {
        out.push("ratio_after".to_string());
    }
    out
}

/// The confidence of each row of one transcript's rows, in order, given the transcript's
/// English paragraphs by pair index.
pub fn confidences(paragraphs: &[&str], rows: &[GuidanceFigure], call: CallPeriod) -> Vec<f32> {
    let m = model();
    let mut ctx = Context::new(paragraphs, call);
    (0..rows.len())
        .map(|i| m.score(&row_features(&mut ctx, rows, i)))
        .collect()
}

/// One training example: the features of a row and whether it was judged right.
#[derive(Debug, Clone)]
pub struct Example {
    /// The row's features ([`features`]).
    pub features: Vec<String>,
    /// Judged right.
    pub right: bool,
}

/// Fits a logistic regression with an L2 penalty `l2` by full-batch gradient descent (Adagrad
/// steps), keeping only features seen in at least `min_count` examples.
pub fn train(examples: &[Example], l2: f32, min_count: usize, epochs: usize) -> Model {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for e in examples {
        for f in &e.features {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let mut names: Vec<&str> = counts
        .iter()
        .filter(|&(_, &c)| c >= min_count)
        .map(|(&f, _)| f)
        .collect();
    names.sort_unstable();
    let index: HashMap<&str, usize> = names.iter().enumerate().map(|(i, &f)| (f, i)).collect();
    let rows: Vec<(Vec<usize>, f32)> = examples
        .iter()
        .map(|e| {
            let mut ids: Vec<usize> = e
                .features
                .iter()
                .filter_map(|f| index.get(f.as_str()).copied())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            (ids, if e.right { 1.0 } else { 0.0 })
        })
        .collect();
    let n = rows.len().max(1) as f32;
    let mut w = vec![0.0f32; names.len()];
    let mut b = 0.0f32;
    let (mut gw2, mut gb2) = (vec![1e-8f32; names.len()], 1e-8f32);
    let rate = 0.5f32;
    for _ in 0..epochs {
        let mut gw = vec![0.0f32; names.len()];
        let mut gb = 0.0f32;
        for (ids, y) in &rows {
            let z = b + ids.iter().map(|&k| w[k]).sum::<f32>();
            let p = 1.0 / (1.0 + (-z).exp());
            let d = p - y;
            gb += d;
            for &k in ids {
                gw[k] += d;
            }
        }
        gb /= n;
        gb2 += gb * gb;
        b -= rate * gb / gb2.sqrt();
        for k in 0..w.len() {
            let g = gw[k] / n + l2 * w[k];
            gw2[k] += g * g;
            w[k] -= rate * g / gw2[k].sqrt();
        }
    }
    Model {
        bias: b,
        threshold: 0.5,
        weights: names
            .iter()
            .zip(w)
            .filter(|(_, v)| v.abs() > 1e-4)
            .map(|(f, v)| (f.to_string(), v))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_parses_and_has_a_threshold() {
        let m = model();
        assert!(!m.weights.is_empty());
        assert!((0.0..1.0).contains(&m.threshold));
    }

    #[test]
    fn training_learns_a_feature_that_decides() {
        let mut ex = Vec::new();
        for k in 0..40 {
            let good = k % 2 == 0;
            ex.push(Example {
                features: vec![
                    if good { "forward" } else { "pipeline" }.to_string(),
                    format!("noise:{}", k % 3),
                ],
                right: good,
            });
        }
        let m = train(&ex, 0.001, 2, 300);
        assert!(m.score(&["forward".into()]) > 0.8);
        assert!(m.score(&["pipeline".into()]) < 0.2);
    }
}
