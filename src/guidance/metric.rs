//! What a figure measures: its metric, a label for people, and its basis (GAAP, non-GAAP,
//! adjusted), read from the words around it.

use super::Metric;
use crate::text::numbers::Unit;

/// The metric, label and basis for the words around a figure.
pub(super) fn classify(
    before: &str,
    after: &str,
    unit: Unit,
) -> Option<(Metric, String, Option<&'static str>)> {
    let around = format!("{before} {after}").to_ascii_lowercase();
    let b = before.to_ascii_lowercase();
    let basis = if b.contains("non-gaap") || around.contains("non-gaap") {
        Some("non-GAAP")
    } else if b.contains("adjusted") {
        Some("adjusted")
    } else if b.contains("gaap") {
        Some("GAAP")
    } else {
        None
    };
    let find = |keys: &[&'static str]| -> Option<&'static str> {
        keys.iter().find(|k| around.contains(**k)).copied()
    };
    let pct = unit == Unit::Percent;
    let per_share = around.contains("per share") && unit == Unit::Usd;
    let growth_words = [
        "growth",
        "grow",
        "year-over-year",
        "up ",
        "increase",
        "decline",
    ];
    let (metric, key) = if let Some(k) = find(&["free cash flow"]) {
        (Metric::FreeCashFlow, k)
    } else if let Some(k) = find(&[
        "earnings per share",
        "net loss per share",
        "loss per share",
        "net income",
        "eps",
        "per share",
    ])
    .filter(|_| per_share || around.contains("eps"))
    {
        (Metric::Eps, k)
    } else if let Some(k) = find(&[
        "sales and marketing",
        "r&d",
        "research and development",
        "g&a",
        "general and administrative",
        "interest",
        "expense",
        "opex",
    ]) {
        (Metric::Expense, k)
    } else if let Some(k) = find(&["margin"]) {
        (Metric::Margin, k)
    } else if let Some(k) = find(&[
        "rpo",
        "remaining performance",
        "retention",
        "bookings",
        "billings",
        "ebitda",
        "capital expenditure",
        "capex",
    ]) {
        (Metric::Other, k)
    } else if let Some(k) = find(&["growth", "grow"]).filter(|_| pct) {
        (Metric::Growth, k)
    } else if let Some(k) = find(&["cash flow", "cash from operations"]) {
        (Metric::CashFlow, k)
    } else if let Some(k) =
        find(&["share count", "shares outstanding", "shares"]).filter(|_| unit == Unit::Count)
    {
        (Metric::Shares, k)
    } else if let Some(k) = find(&[
        "income from operations",
        "operating income",
        "loss from operations",
        "operating loss",
        "operating profit",
    ]) {
        (Metric::OperatingIncome, k)
    } else if let Some(k) = find(&["net income", "net loss"]) {
        (Metric::NetIncome, k)
    } else if let Some(k) = find(&["revenue", "sales"]) {
        if pct && !growth_words.iter().any(|w| around.contains(w)) {
            return None;
        }
        (if pct { Metric::Growth } else { Metric::Revenue }, k)
    } else {
        return None;
    };
    Some((metric, label(&around, key, metric, pct), basis))
}

/// "Non-GAAP operating income", "Service revenue", "Sales and marketing, % of revenue".
pub(super) fn label(around: &str, key: &str, metric: Metric, pct: bool) -> String {
    const QUALIFIERS: &[&str] = &[
        "non-gaap",
        "gaap",
        "adjusted",
        "service",
        "total",
        "gross",
        "operating",
        "organic",
        "deferred",
        "unlevered",
        "levered",
        "cash",
        "net",
        "diluted",
        "fully",
        "debt",
        "dollar-based",
        "subscription",
        "product",
        "segment",
        "revenue",
        "accelerated",
        "rent",
        "restructuring",
        "tax",
        "capital",
        "stock-based",
        "compensation",
        "sequential",
        "year-over-year",
    ];
    let pos = around.find(key).unwrap_or(0);
    let words: Vec<&str> = around[..pos].split_whitespace().collect();
    let mut lead: Vec<&str> = words
        .iter()
        .rev()
        .take_while(|w| QUALIFIERS.contains(w))
        .copied()
        .collect();
    lead.reverse();
    let mut s = lead.join(" ");
    if !s.is_empty() {
        s.push(' ');
    }
    s.push_str(key);
    if metric == Metric::Expense && pct && around.contains("of revenue") {
        s.push_str(", % of revenue");
    }
    if metric == Metric::Growth && !s.contains("growth") {
        s.push_str(" growth");
    }
    if metric == Metric::Growth && s == "growth" && around.contains("revenue") {
        s = "revenue growth".to_string();
    }
    if metric == Metric::Eps {
        s = match key {
            "net income" => format!("{} per share", s),
            "per share" if around.contains("earnings") => {
                s.replace("per share", "earnings per share")
            }
            _ => s,
        };
    }
    if metric == Metric::FreeCashFlow && around.contains("per share") {
        s.push_str(" per share");
    }
    let s = s
        .replace("non-gaap", "non-GAAP")
        .replace("gaap", "GAAP")
        .replace("eps", "EPS")
        .replace("r&d", "R&D")
        .replace("g&a", "G&A")
        .replace("rpo", "RPO");
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => s,
    }
}
