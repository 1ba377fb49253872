//! Measuring guidance on the real-call corpus (`../shared/corpus`): the gold rows and the
//! strict match of `score.py`, and the split of companies into the part development may read
//! and the part kept unread.
//!
//! The split is by company (the ticker in the manifest's source name), so no company's calls
//! sit on both sides: companies of `guidance-dev` are `Read` (the rules were written against
//! them); every other company goes by a hash of its ticker, three in five to `Train` (rows
//! judged and learned from, calls read while developing) and two in five to `HeldOut` (never
//! opened; figures reported from it only).

use serde::Deserialize;

use super::{GuidanceFigure, GuideUnit, Metric};

/// One gold figure of a corpus's `gold.jsonl` (the fields the scorer reads).
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    /// The call's file name (`001.txt`).
    pub file: String,
    /// The summary's line.
    #[serde(default)]
    pub summary_line: String,
    /// `eps`, `ffo`, `revenue`, ….
    #[serde(default)]
    pub metric: Option<String>,
    /// `FY2021`, `FY`, `Q3`, `Q3 2021`, or none.
    #[serde(default)]
    pub period: Option<String>,
    /// The low end as written.
    pub low: Option<f64>,
    /// The high end as written.
    pub high: Option<f64>,
    /// `USD`, `USD/share`, `percent`, ….
    #[serde(default)]
    pub unit: Option<String>,
    /// `billion`, `million`, `thousand`, `none`.
    #[serde(default)]
    pub scale: Option<String>,
}

impl Gold {
    /// The values in base units, signs dropped.
    pub fn values(&self) -> Vec<f64> {
        let k = match self.scale.as_deref() {
            Some("billion") => 1e9,
            Some("million") => 1e6,
            Some("thousand") => 1e3,
            _ => 1.0,
        };
        [self.low, self.high]
            .into_iter()
            .flatten()
            .map(|v| v.abs() * k)
            .collect()
    }
}

/// Equal within 0.1%.
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-3 * a.abs().max(b.abs())
}

/// The row has the gold's values (any sign).
pub fn same_values(g: &Gold, f: &GuidanceFigure) -> bool {
    let want = g.values();
    let have: Vec<f64> = [f.low, f.high]
        .into_iter()
        .flatten()
        .map(f64::abs)
        .collect();
    !want.is_empty() && want.iter().all(|w| have.iter().any(|h| close(*w, *h)))
}

/// The row's period is the gold's ("FY" is any year; "Q3" any third quarter).
pub fn same_period(g: &Gold, f: &GuidanceFigure) -> bool {
    let gp = g.period.as_deref().unwrap_or("");
    let xp = f.period.as_deref().unwrap_or("");
    if gp.is_empty() {
        return true;
    }
    if gp == "FY" {
        return xp.starts_with("FY");
    }
    if gp.starts_with("FY") {
        return xp == gp;
    }
    let (quarter, year) = gp.split_once(' ').unwrap_or((gp, ""));
    xp.starts_with(quarter) && xp.contains(year)
}

fn per_share(f: &GuidanceFigure) -> bool {
    f.unit == GuideUnit::UsdPerShare
        || f.label.to_lowercase().contains("share")
        || matches!(f.metric, Metric::Eps | Metric::Ffo)
}

fn revenue_like(f: &GuidanceFigure) -> bool {
    let label = f.label.to_lowercase();
    matches!(f.metric, Metric::Revenue | Metric::Growth)
        || label.contains("revenue")
        || label.contains("sales")
}

/// The row's metric is compatible with the gold's, as `score.py` judges it.
pub fn same_metric(g: &Gold, f: &GuidanceFigure) -> bool {
    match g.metric.as_deref() {
        Some("eps") | Some("ffo") => per_share(f),
        Some("revenue") => revenue_like(f) && !per_share(f),
        _ => !per_share(f) || g.unit.as_deref() == Some("USD/share"),
    }
}

/// The strict match of `score.py`: values, period and metric family.
pub fn strict(g: &Gold, f: &GuidanceFigure) -> bool {
    same_values(g, f) && same_period(g, f) && same_metric(g, f)
}

/// Where a company sits in the split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// Its calls were read while the rules were written (`guidance-dev`'s companies).
    Read,
    /// Its calls' rows were judged and learned from.
    Train,
    /// Never opened: figures are reported from it.
    HeldOut,
}

/// FNV-1a, 64 bits: a stable hash for the split (the same in any language).
pub fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The company of a manifest source ("data/final/train/ects/AAP_q3_2021.txt" → "AAP").
pub fn company_of(source: &str) -> &str {
    let name = source.rsplit('/').next().unwrap_or(source);
    name.split('_').next().unwrap_or(name)
}

/// The part of a company that is not one of `guidance-dev`'s.
pub fn part_of(company: &str) -> Part {
    if fnv(company) % 5 < 3 {
        Part::Train
    } else {
        Part::HeldOut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_split_is_stable_and_by_company() {
        assert_eq!(company_of("data/final/train/ects/AAP_q3_2021.txt"), "AAP");
        assert_eq!(fnv(""), 0xcbf2_9ce4_8422_2325);
        // The same company is always on the same side.
        assert_eq!(part_of("AAP"), part_of("AAP"));
        let held = ["AAP", "ZTS", "KMB", "SYY", "URI", "WAT", "TAP", "YUM"]
            .iter()
            .filter(|c| part_of(c) == Part::HeldOut)
            .count();
        assert!(held > 0 && held < 8);
    }

    #[test]
    fn gold_values_take_the_scale() {
        let g: Gold = serde_json::from_str(
            r#"{"file":"1.txt","low":1.16,"high":1.165,"scale":"billion","period":"Q3"}"#,
        )
        .unwrap();
        assert_eq!(g.values(), vec![1.16e9, 1.165e9]);
    }
}
