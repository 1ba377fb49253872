//! What a figure measures, read from how it attaches to the metric word the rules chose.
//!
//! The metric word says which quantity a sentence talks about; the relation between that word
//! and the figure says what the figure is of it:
//!
//! - a level or a change: "margin expansion of 100 basis points" is a change of the margin,
//!   "sales to grow ... to $6 billion" a level of sales, "growth of $200 million" a change;
//! - a ratio: "30% of adjusted EBITDA", "free cash flow as a percent of net income";
//! - a margin: "EBITDA is expected to be 15.5% to 16%" is EBITDA over sales.
//!
//! Each rule reads only the words between the figure and its metric, so it holds for any
//! company's phrasing of the same relation.

use std::sync::LazyLock;

use regex::Regex;

use super::metric::{MetricWord, as_rate, nearest_before, right_after};
use super::patterns::lower_first;
use super::{Metric, re};
use crate::text::numbers::Unit;

/// The figure's measure: `w` as the rules chose it, adjusted by the figure's relation to it.
/// `subject` is the metric the sentence (or the one before) was about, for a ratio whose own
/// words name only what it is a ratio of ("approximately 30% of our adjusted EBITDA").
pub(super) fn relate(
    w: MetricWord,
    unit: Unit,
    before: &str,
    after: &str,
    subject: Option<&MetricWord>,
) -> MetricWord {
    match unit {
        Unit::Percent => match ratio(before, after, subject) {
            Some(r) => r,
            None => margin(as_rate(w, unit, before, after), before, after),
        },
        Unit::Bps => change(as_rate(w, unit, before, after), before, after),
        Unit::Usd => after_dividends(reduction(level(w, before), before), before),
        Unit::Count => level(w, before),
        _ => w,
    }
}

/// "free cash flow after the payment of our dividend of around $75 million", "operating cash
/// flow after recurring capex and dividends of well over $200 million": the cash left after
/// them, not the dividends.
fn after_dividends(w: MetricWord, before: &str) -> MetricWord {
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?P<what>(?:free\s+|operating\s+|retained\s+|discretionary\s+)?cash\s+flows?)\s+after\s+(?:the\s+payment\s+of\s+)?(?:our\s+|the\s+)?(?:[\w-]+\s+(?:and\s+)?){0,3}?dividends?\s+(?:payments?\s+)?(?:of\s+)?(?:well\s+over\s+|over\s+|about\s+|around\s+|approximately\s+|roughly\s+|nearly\s+)?$",
        )
    });
    let Some(c) = AFTER.captures(before) else {
        return w;
    };
    let what = c["what"].to_ascii_lowercase();
    let metric = if what.starts_with("free") {
        Metric::FreeCashFlow
    } else {
        Metric::CashFlow
    };
    MetricWord {
        metric,
        label: format!("{} after dividends", super::naming::capitalise(&what)),
        per_share: false,
        basis: None,
    }
}

/// "a reduction in operating expenses of $50 million", "a reduction of annualized expenses in
/// the range of $125 million to $160 million", "our estimated increase in R&D spending of
/// approximately $100 million": the amount is the change, not the level.
fn reduction(w: MetricWord, before: &str) -> MetricWord {
    static CHANGE_OF: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?P<change>reductions?|decreases?|declines?|increases?|rises?)\s+(?:in|of)\s+(?:our\s+|the\s+|its\s+)?(?:[\w&-]+\s+){1,4}?(?:of|by|in\s+the\s+range\s+of|between|to\s+be)(?:\s+(?:about|approximately|roughly|around|an?|the|up\s+to|over|nearly))*\s*$",
        )
    });
    let lower = w.label.to_ascii_lowercase();
    let Some(c) = CHANGE_OF.captures(before) else {
        return w;
    };
    let change = c["change"].to_ascii_lowercase();
    let up = change.starts_with("inc") || change.starts_with("ris");
    if ["reduction", "saving", "increase", "growth", "change", "decline"]
        .iter()
        .any(|x| lower.contains(x))
        // A fall of costs is their reduction; a rise of anything its increase.
        || !up && w.metric != Metric::Expense
    {
        return w;
    }
    MetricWord {
        label: format!("{} {}", w.label, if up { "increase" } else { "reduction" }),
        ..w
    }
}

/// Metrics that are amounts: a percentage "of" one is a ratio to it.
fn amount(m: Metric) -> bool {
    matches!(
        m,
        Metric::Ebitda
            | Metric::NetIncome
            | Metric::OperatingIncome
            | Metric::FreeCashFlow
            | Metric::CashFlow
            | Metric::Eps
            | Metric::Ffo
            | Metric::Other
    )
}

/// "G&A expenses, % of equity": `subject` as a ratio to a balance.
fn to_balance(subject: &MetricWord, balance: &str) -> MetricWord {
    MetricWord {
        metric: Metric::Other,
        label: format!("{}, % of {}", subject.label, balance.to_ascii_lowercase()),
        basis: subject.basis,
        per_share: false,
    }
}

/// "gross profit": an amount, though the lexicon files it with the margins.
fn profit_amount(w: &MetricWord) -> bool {
    w.metric == Metric::Margin && w.label.to_ascii_lowercase().ends_with("profit")
}

/// Words before a percentage of a cash flow paid out: "return 50% of", "distribute about".
static RETURNED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:return|returning|returned|distribute|distributing|pay\s+out|paying\s+out)\s+(?:to\s+shareholders\s+)?(?:at\s+least\s+|about\s+|approximately\s+|roughly\s+|around\s+|over\s+|more\s+than\s+|up\s+to\s+)*$",
    )
});

/// "2% of equity", "1.1% of average assets": balances a ratio is taken to.
static OF_BALANCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*of\s+(?:our\s+|the\s+|its\s+|total\s+)?(?P<object>(?:average\s+|tangible\s+|common\s+|shareholders['’]?\s+|stockholders['’]?\s+)?(?:equity|assets|book\s+value|deposits|loans|capital|aum|assets\s+under\s+management))\b",
    )
});

/// "approximately 30% of our adjusted EBITDA", "free cash flow as a percent of adjusted net
/// income to be approximately 100%": a ratio, labelled "Free cash flow, % of adjusted net
/// income". Ratios to revenue are `as_rate`'s (they are margins and cost ratios).
fn ratio(before: &str, after: &str, subject: Option<&MetricWord>) -> Option<MetricWord> {
    static OF_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:as\s+an?\s+)?(?:percent(?:age)?|%|share|portion|proportion)\s+of\s+(?P<object>(?:[\w&'’-]+\s+){1,5}?)(?:to\s+(?:be|remain|stay|run|average|come\s+in)|is|was|will\s+be|should\s+be|at|of|in\s+the\s+range\s+of|around|approximately|about|roughly|near|close\s+to|below|above|under|remain|stay)\b",
        )
    });
    static OF_AFTER: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)^\s*of\s+(?:our\s+|the\s+|its\s+|total\s+)?"));
    let named = |object: &MetricWord, subject: Option<&MetricWord>| {
        let object_label = lower_first(&object.label);
        let label = match subject {
            Some(s) if s.metric != object.metric && s.metric != Metric::Growth => {
                format!("{}, % of {object_label}", s.label)
            }
            _ => format!("% of {object_label}"),
        };
        MetricWord {
            metric: Metric::Other,
            label,
            basis: object.basis,
            per_share: false,
        }
    };
    // "to return at least 50% of free cash flow to shareholders": what is paid out of it.
    if RETURNED.is_match(before)
        && OF_AFTER.is_match(after)
        && let Some((object, _)) = right_after(after)
        && amount(object.metric)
        && object.metric != Metric::Other
    {
        let object_label = lower_first(&object.label);
        return Some(MetricWord {
            metric: Metric::Other,
            label: format!("Returned to shareholders, % of {object_label}"),
            basis: object.basis,
            per_share: false,
        });
    }
    // "G&A expenses to run at about 2% of equity": a ratio to a balance the lexicon does not
    // name as a metric.
    if let Some(c) = OF_BALANCE.captures(after) {
        let subject = nearest_before(before)
            .map(|(b, _)| b)
            .or(subject.cloned())?;
        return Some(to_balance(&subject, &c["object"]));
    }
    // "annualized G&A expenses to equity should run at about 2%": the ratio named before.
    static TO_BALANCE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\bto\s+(?P<object>(?:average\s+|tangible\s+|common\s+)?(?:equity|assets|book\s+value|deposits|loans))\b(?P<rest>[^,;]{0,60})$",
        )
    });
    if let Some(c) = TO_BALANCE.captures(before)
        && let Some(m) = c.get(0)
        && let Some((subject, _)) = nearest_before(&before[..m.start()])
    {
        return Some(to_balance(&subject, &c["object"]));
    }
    // "below 68% SG&A as a percentage of gross profit": subject and object after the figure.
    static AS_PERCENT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\s*(?P<subject>(?:[\w&/-]+\s+){0,3}?[\w&/-]+)\s+as\s+(?:an?\s+)?(?:percent(?:age)?|%|share)\s+of\s+(?:our\s+|the\s+|total\s+)?(?P<object>(?:[\w&-]+\s*){1,3})",
        )
    });
    if let Some(c) = AS_PERCENT_AFTER.captures(after)
        && let Some((subject, _)) = nearest_before(&format!("{} ", &c["subject"]))
        && let Some((object, _)) = nearest_before(&format!("{} ", c["object"].trim()))
        && subject.metric != object.metric
    {
        return Some(MetricWord {
            metric: Metric::Other,
            label: format!("{}, % of {}", subject.label, lower_first(&object.label)),
            basis: subject.basis.or(object.basis),
            per_share: false,
        });
    }
    // Said after the figure: the chosen word is the object, the subject comes from before.
    if OF_AFTER.is_match(after)
        && let Some((object, _)) = right_after(after)
        && amount(object.metric)
        && object.metric != Metric::Other
        && !object.per_share
    {
        let own = nearest_before(before).map(|(b, _)| b);
        let subject = own
            .as_ref()
            .filter(|b| b.metric != object.metric)
            .or(subject.filter(|s| s.metric != object.metric && amount(s.metric)));
        return Some(named(&object, subject));
    }
    // Said before it: "FCF as a percent of adjusted net income to be approximately".
    let c = OF_BEFORE.captures_iter(before).last()?;
    let (object, _) = nearest_before(&format!("{} ", c["object"].trim()))?;
    if !(amount(object.metric) || profit_amount(&object)) || object.metric == Metric::Other {
        return None;
    }
    let head = &before[..c.get(0).map_or(0, |m| m.start())];
    let subject = nearest_before(head)
        .map(|(b, _)| b)
        .filter(|b| b.metric != object.metric);
    Some(named(&object, subject.as_ref()))
}

/// "EBITDA is still expected to be in the range of 15.5% to 16%": a profit stated as a
/// percentage with no word of growth is its margin.
fn margin(w: MetricWord, before: &str, after: &str) -> MetricWord {
    static GROWS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:growth|grow(?:ing|s|th)?|up|down|increase[sd]?|decrease[sd]?|decline[sd]?|higher|lower|rise|fall|reduce[sd]?|reduction|improve(?:ment|s|d)?|year[\s-]over[\s-]year|compared|versus|vs|over|cagr|compound(?:ed)?)\b",
        )
    });
    let label = w.label.to_ascii_lowercase();
    let profit = matches!(w.metric, Metric::Growth)
        && (label.starts_with("ebitda")
            || label.contains(" ebitda")
            || label.contains("operating income"))
        && label.ends_with(" growth");
    if !profit || GROWS.is_match(before) || GROWS.is_match(after) {
        return w;
    }
    let base = w.label.trim_end_matches(" growth");
    MetricWord {
        metric: Metric::Margin,
        label: format!("{base} margin"),
        ..w
    }
}

/// "100 basis points of margin expansion", "occupancy moderation of approximately 300 basis
/// points": basis points measure a change; a label that names only the level gets the change
/// the words say ("expansion", "decline", or "change").
fn change(w: MetricWord, before: &str, after: &str) -> MetricWord {
    static CHANGE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:expansion|improvement|contraction|compression|decline|change|growth|increase|decrease|reduction|impact|headwind|tailwind|benefit|effect|dilution|accretion|pressure|savings?|moderation|deleverage|leverage)\b",
        )
    });
    static UP: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)\b(?:expan\w*|improv\w*|increas\w*|up|higher|rais\w*|widen\w*|accret\w*|gains?)\b")
    });
    static DOWN: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:contract\w*|compress\w*|declin\w*|down|lower|decreas\w*|moderat\w*|reduc\w*|dilut\w*|narrow\w*|drop\w*|erosion|pressure)\b",
        )
    });
    if CHANGE.is_match(&w.label) {
        return w;
    }
    // Only the words nearest the figure say which way: a clause before the figure's own
    // ("... but down") is another figure's.
    let near_before: String = {
        let chars: Vec<char> = before.chars().collect();
        chars[chars.len().saturating_sub(40)..].iter().collect()
    };
    let near_after: String = after.chars().take(40).collect();
    let near = format!("{near_before} {near_after}");
    let what = if DOWN.is_match(&near) {
        "decline"
    } else if UP.is_match(&near) {
        "expansion"
    } else {
        "change"
    };
    let what = match (what, w.metric) {
        ("expansion", Metric::Margin) => "expansion",
        ("expansion", _) => "increase",
        (x, _) => x,
    };
    MetricWord {
        label: format!("{} {what}", w.label),
        ..w
    }
}

/// "sales to grow at a low double-digit rate to $5.5 billion to $6 billion", "earnings growth
/// ... to drive $1.2 billion in cash from operations": an amount is a level unless its words
/// make it the change ("growth of $200 million", "grow by $50 million", "an increase of").
fn level(w: MetricWord, before: &str) -> MetricWord {
    static BY_OR_OF: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:growth|grow(?:s|ing)?|increase[sd]?|rise|up|higher|expand(?:s|ing)?)\s+(?:(?:of|by)\s+)(?:an?\s+)?(?:additional\s+|incremental\s+|approximately\s+|about\s+|around\s+|roughly\s+|nearly\s+|over\s+|more\s+than\s+|at\s+least\s+|up\s+to\s+)*$|\b(?:incremental|additional)\s+$",
        )
    });
    // "loans to grow between $1 billion and $1.5 billion per quarter": the growth of a balance.
    static GROW_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)\bgrow(?:s|ing)?\s+(?:by\s+)?(?:between|by|of)\s+(?:about\s+|approximately\s+)?$")
    });
    if w.metric != Metric::Growth
        || !w.label.ends_with(" growth")
        || BY_OR_OF.is_match(before)
        || GROW_BETWEEN.is_match(before)
    {
        return w;
    }
    let base = w.label.trim_end_matches(" growth").to_string();
    let metric = nearest_before(&format!("{base} ")).map_or(Metric::Other, |(b, _)| b.metric);
    if metric == Metric::Growth {
        return w;
    }
    MetricWord {
        metric,
        label: base,
        ..w
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(label: &str, metric: Metric) -> MetricWord {
        MetricWord {
            metric,
            label: label.to_string(),
            basis: None,
            per_share: false,
        }
    }

    #[test]
    fn basis_points_are_a_change() {
        let w = relate(
            word("Operating margin", Metric::Margin),
            Unit::Bps,
            "we see ",
            " of expansion",
            None,
        );
        assert_eq!(w.label, "Operating margin expansion");
        let w = relate(
            word("Occupancy", Metric::Volume),
            Unit::Bps,
            "a seasonal occupancy moderation of approximately ",
            " from the peak",
            None,
        );
        assert_eq!(w.label, "Occupancy decline");
        let w = relate(
            word("Gross margin", Metric::Margin),
            Unit::Bps,
            "gross margin to be down ",
            "",
            None,
        );
        assert_eq!(w.label, "Gross margin decline");
    }

    #[test]
    fn a_percentage_of_an_amount_is_a_ratio() {
        let w = relate(
            word("Adjusted EBITDA", Metric::Ebitda),
            Unit::Percent,
            "a range of $1 to $2 or approximately ",
            " of our adjusted EBITDA",
            Some(&word("Free cash flow", Metric::FreeCashFlow)),
        );
        assert_eq!(w.label, "Free cash flow, % of adjusted EBITDA");
        let w = relate(
            word("Adjusted net income growth", Metric::Growth),
            Unit::Percent,
            "we see cash conversion as a percentage of adjusted net income to be about ",
            " for the year",
            None,
        );
        assert_eq!(w.label, "Cash conversion, % of adjusted net income");
        // Growth is not a ratio.
        let w = relate(
            word("Adjusted EBITDA growth", Metric::Growth),
            Unit::Percent,
            "adjusted EBITDA to grow ",
            "",
            None,
        );
        assert_eq!(w.label, "Adjusted EBITDA growth");
    }

    #[test]
    fn a_profit_as_a_percentage_is_its_margin() {
        let w = relate(
            word("Segment EBITDA growth", Metric::Growth),
            Unit::Percent,
            "segment EBITDA is seen in the range of ",
            "",
            None,
        );
        assert_eq!(
            (w.metric, w.label.as_str()),
            (Metric::Margin, "Segment EBITDA margin")
        );
        let w = relate(
            word("EBITDA growth", Metric::Growth),
            Unit::Percent,
            "EBITDA up ",
            " on last year",
            None,
        );
        assert_eq!(w.metric, Metric::Growth);
    }

    #[test]
    fn an_amount_grown_to_is_a_level() {
        let w = relate(
            word("Sales growth", Metric::Growth),
            Unit::Usd,
            "sales to grow at a high single-digit rate to ",
            "",
            None,
        );
        assert_eq!((w.metric, w.label.as_str()), (Metric::Revenue, "Sales"));
        let w = relate(
            word("Revenue growth", Metric::Growth),
            Unit::Usd,
            "revenue growth of about ",
            "",
            None,
        );
        assert_eq!(w.label, "Revenue growth");
    }
}
