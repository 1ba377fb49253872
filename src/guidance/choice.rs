//! Which metric a figure measures, once its words are read: the phrase before it or the one
//! right after it, the metric carried from the figure before, per-share forms, the basis the
//! figure's own words name, effects (headwinds, savings) and other parties' figures.

use std::sync::LazyLock;

use regex::Regex;

use super::metric::{Basis, MetricWord, generic_growth, nearest_before};
use super::patterns::*;
use super::values::Fig;
use super::{Metric, re};
use crate::text::numbers::Unit;

/// The metric of a figure: a "per share" right after it, else the phrase nearest before it in
/// its clause, else one right after it, else the metric of the figure before in the sentence.
pub(super) fn choose_metric(
    before: &str,
    a: Option<MetricWord>,
    unit: Unit,
    sentence: &Option<MetricWord>,
) -> Option<MetricWord> {
    // A metric far before the figure, with a clause between, is another clause's.
    let b = nearest_before(before).filter(|(_, d)| *d <= 100);
    let chosen = pick(before, b, a, unit, sentence)?;
    // "deliveries by 1,500 units, now to a range of 17,500 to 19,500 units": a bare count
    // says only that the figure is counted; the volume the sentence named says what.
    let chosen = match sentence {
        Some(named)
            if chosen.label.eq_ignore_ascii_case("units")
                && named.metric == Metric::Volume
                && !named.label.eq_ignore_ascii_case("units") =>
        {
            named.clone()
        }
        _ => chosen,
    };
    // "revenue of $X, representing year-over-year growth of 5%": the revenue's growth.
    match sentence {
        Some(prev) if generic_growth(&chosen) && prev.metric != Metric::Growth => {
            // "revenue of $X ..., with organic growth of 11% to 12%": the qualifiers of the
            // growth stay ("Organic revenue growth").
            let prev_lower = prev.label.to_ascii_lowercase();
            let qualifiers: Vec<&str> = chosen
                .label
                .split_whitespace()
                .filter(|w| {
                    let w = w.to_ascii_lowercase();
                    // How often it is measured says nothing of what.
                    !matches!(
                        w.as_str(),
                        "growth"
                            | "year-over-year"
                            | "year-on-year"
                            | "annual"
                            | "annualized"
                            | "full-year"
                            | "quarterly"
                            | "sequential"
                    ) && !prev_lower.split_whitespace().any(|p| p == w)
                })
                .collect();
            let label = if qualifiers.is_empty() {
                format!("{} growth", prev.label)
            } else {
                format!(
                    "{} {} growth",
                    qualifiers.join(" "),
                    super::patterns::lower_first(&prev.label)
                )
            };
            Some(MetricWord {
                label,
                basis: chosen.basis.or(prev.basis),
                ..chosen
            })
        }
        _ => Some(chosen),
    }
}

pub(super) fn pick(
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
                    // "adjusted EPS growth of 12% to 15%, or $0.81 to $0.83 per share": the
                    // amount is the grown metric's level.
                    let grown = (w.metric == Metric::Growth)
                        .then(|| w.label.strip_suffix(" growth"))
                        .flatten()
                        .filter(|l| {
                            let l = l.to_ascii_lowercase();
                            l.contains("eps") || l.contains("per share")
                        });
                    match grown {
                        Some(level) => MetricWord {
                            metric: Metric::Eps,
                            label: level.to_string(),
                            per_share: true,
                            ..w
                        },
                        None => MetricWord {
                            label: format!("{} per share", w.label),
                            per_share: true,
                            ..w
                        },
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
                // "amortization of intangibles of about $33.8 million or a rounded $0.10 per
                // diluted share": the per-share form of an amount no metric names.
                None if OR_AGAIN.is_match(before) => MetricWord {
                    metric: Metric::Other,
                    label: "Other".to_string(),
                    ..a
                },
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
        // "Increase deliveries by 1,500 units, now to a range of 17,500 to 19,500 units": a bare
        // count after the figure says only that it is counted; the volume named before says
        // what.
        (Some((b, d)), Some(a))
            if a.metric == Metric::Volume
                && a.label.eq_ignore_ascii_case("units")
                && b.metric == Metric::Volume
                && !b.label.eq_ignore_ascii_case("units")
                && d <= 100 =>
        {
            Some(b)
        }
        (Some((b, d)), Some(a)) if d > 40 || b.metric == Metric::Growth => {
            // "revenue growth ..., with upper single-digit operating income margin": a margin
            // or a rate named after its figure is that level, not a growth named before.
            if b.metric == Metric::Growth
                && !matches!(a.metric, Metric::Growth | Metric::Margin | Metric::TaxRate)
            {
                Some(MetricWord {
                    metric: Metric::Growth,
                    label: format!("{} growth", a.label),
                    ..a
                })
            } else {
                Some(a)
            }
        }
        // "further margin expansion, 11% to 15% adjusted EPS growth": a list item's metric
        // before the comma is another item's; the phrase the figure heads is its own.
        (Some((_, d)), Some(a))
            if before
                .get(before.len().saturating_sub(d)..)
                .is_some_and(separated) =>
        {
            Some(a)
        }
        (Some((b, _)), _) => Some(b),
        // The same, the volume named earlier in the sentence ("deliveries by 1,500 units, now
        // to a range of 17,500 to 19,500 units").
        (None, Some(a))
            if a.metric == Metric::Volume
                && a.label.eq_ignore_ascii_case("units")
                && sentence.as_ref().is_some_and(|w| {
                    w.metric == Metric::Volume && !w.label.eq_ignore_ascii_case("units")
                }) =>
        {
            sentence.clone()
        }
        (None, Some(a)) => Some(a),
        (None, None) => sentence.clone(),
    }
}

/// True when the words between a metric and the figure after it close the metric's list item:
/// a comma, a semicolon or "and".
fn separated(between: &str) -> bool {
    between.contains([',', ';'])
        || between
            .split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("and"))
}

/// "GAAP EPS outlook is $9.13 to $9.29 and on a non-GAAP basis $16.35 to $16.45": the basis
/// the figure's own words name wins over the one the metric was carried with.
pub(super) fn with_basis(word: MetricWord, before: &str) -> MetricWord {
    static BASIS: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(?:non-gaap|adjusted|gaap|as[\s-]reported|reported)\b"));
    let Some(m) = BASIS.find_iter(before).last() else {
        return word;
    };
    let named = match m.as_str().to_ascii_lowercase().as_str() {
        "non-gaap" => Basis::NonGaap,
        "adjusted" => Basis::Adjusted,
        _ => Basis::Gaap,
    };
    if word.basis == Some(named) {
        return word;
    }
    // "non-GAAP adjusted EBITDA": the label says it already.
    if word
        .label
        .to_ascii_lowercase()
        .contains(&named.as_str().to_ascii_lowercase())
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
        Basis::NonGaap => format!("Non-GAAP {bare}"),
        Basis::Adjusted => format!("Adjusted {bare}"),
        Basis::Gaap => format!("GAAP {bare}"),
    };
    MetricWord {
        label,
        basis: Some(named),
        ..word
    }
}

/// The basis a sentence states for its figures rather than next to the metric: "In constant
/// currency, we expect EPS to rise 11 to 14%", "On a base business basis, ...", "$475 million
/// on an adjusted basis", "Excluding conferences, we expect revenue growth of ...". `lead` is
/// the sentence up to the figure, `after` the figure's own words after it.
pub(super) fn with_stated_basis(word: MetricWord, lead: &str, after: &str) -> MetricWord {
    const BASES: &str = r"constant[\s-]currency|local[\s-]currency|currency[\s-]neutral|fx[\s-]neutral|constant[\s-]dollar|adjusted|non-gaap|comparable|underlying|base[\s-]business|like[\s-]for[\s-]like|pro[\s-]forma|operational|organic";
    static OPENING: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?i)^\W*(?:(?:and|so|but|now|again|also)\s+)?(?:(?:in|on\s+an?)\s+(?P<b>{BASES})(?:\s+basis|\s+terms)?|excluding\s+(?P<ex>[\w&'’ -]{{3,40}}?))\s*,"
        ))
    });
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?i)^\s*(?:(?:in|on\s+an?)\s+(?P<b>{BASES})(?:\s+basis|\s+terms)?)\b"
        ))
    });
    let c = AFTER.captures(after).or_else(|| OPENING.captures(lead));
    let Some(c) = c else { return word };
    let lower = word.label.to_ascii_lowercase();
    if let Some(ex) = c.name("ex") {
        let ex = ex.as_str().trim();
        if lower.contains("exclud") {
            return word;
        }
        return MetricWord {
            label: format!("{} excluding {ex}", word.label),
            ..word
        };
    }
    let Some(b) = c.name("b") else { return word };
    let b = b.as_str().to_ascii_lowercase().replace(['-', ' '], " ");
    if matches!(b.as_str(), "adjusted" | "non gaap") {
        return with_basis(word, &b.replace(' ', "-"));
    }
    let first = b.split(' ').next().unwrap_or("");
    if lower.contains(first) {
        return word;
    }
    let mut name = b.clone();
    if let Some(f) = name.get_mut(..1) {
        f.make_ascii_uppercase();
    }
    MetricWord {
        label: format!("{name} {}", lower_first(&word.label)),
        ..word
    }
}

/// "Headwind", "Synergies", "Currency effect": the name of an effect word; with `currency`
/// (currency named as its cause), "Currency headwind", "Currency impact".
pub(super) fn effect_name(word: &str, currency: bool) -> String {
    let name = bare_effect_name(word);
    if currency && name != "Currency effect" {
        format!("Currency {}", name.to_ascii_lowercase())
    } else {
        name
    }
}

fn bare_effect_name(word: &str) -> String {
    let e = word.to_ascii_lowercase();
    match e.as_str() {
        e if e.starts_with("synerg") => "Synergies".to_string(),
        "contribute" => "Contribution".to_string(),
        "accretive" => "Accretion".to_string(),
        "dilutive" => "Dilution".to_string(),
        "currency" | "fx" => "Currency effect".to_string(),
        e if e.starts_with("foreign") => "Currency effect".to_string(),
        e => {
            let mut ch = e.chars();
            ch.next().map_or(String::new(), |f| {
                f.to_uppercase().chain(ch).collect::<String>()
            })
        }
    }
}

/// The figure as an effect on its metric: "Headwind to adjusted EBITDA".
pub(super) fn with_effect(word: MetricWord, effect: &str) -> MetricWord {
    MetricWord {
        metric: Metric::Other,
        label: if word.metric == Metric::Other || word.label == "Other" {
            effect.to_string()
        } else {
            // "revenue contribution" read as a contribution already: said once.
            let of = word
                .label
                .strip_suffix(" contribution")
                .unwrap_or(&word.label);
            format!("{effect} to {}", lower_first(of))
        },
        per_share: word.per_share,
        basis: word.basis,
    }
}

/// True when a named other party is the subject of the forward verb before the figure: "For
/// 2022, IHS expects global auto production to grow 11%".
pub(super) fn someone_else(upto: &str, company: &str) -> bool {
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
pub(super) fn per_share_by_size(word: MetricWord, fig: &Fig, s: &str) -> MetricWord {
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
