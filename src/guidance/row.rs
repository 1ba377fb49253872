//! A figure's row: its period and kind (guide or target), values and unit, and its Chinese
//! counterpart.

use std::sync::LazyLock;

use regex::Regex;

use super::metric::MetricWord;
use super::patterns::*;
use super::period::{CallPeriod, find_horizon, find_period};
use super::values::{Fig, tidy};
use super::{Counterpart, GuidanceFigure, Kind, Metric, re};
use crate::text::numbers::{Quantity, Unit, chinese};
use crate::transcript::{Section, Transcript};

/// Adds a figure with its period, kind, direction and speaker, unless the call already gave
/// the same figure (an executive restating the guide in Q&A is the same guide).
pub(super) fn push(
    out: &mut Vec<GuidanceFigure>,
    fig: Option<(GuidanceFigure, std::ops::Range<usize>)>,
    call: CallPeriod,
    carried: &Option<String>,
    (own, before, next_start, direction, speaker, section): (
        &str,
        &str,
        usize,
        Option<super::Direction>,
        &str,
        Section,
    ),
) {
    static CAPITAL_RETURN: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)dividend|repurchase|buyback|authori[sz]ation"));
    static CLAUSE_END: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)[,;]|\b(?:before|and|or|while|but|which|then|after|as\s+we|compared|versus|up\s+from|down\s+from|to\s+reflect|reflecting|driven\s+by|due\s+to|because|given|thanks\s+to|offset|partially|primarily|as\s+well\s+as|with\s+(?:much|most|some|all|part|half|the\s+bulk|the\s+majority|a\s+majority)\s+of)\b",
        )
    });
    let Some((mut f, local)) = fig else { return };
    let upto = &own[..local.start.min(own.len())];
    if CAPITAL_RETURN.is_match(&f.label) && super::cues::capital_action(own, upto) {
        if super::trace() {
            eprintln!(
                "guidance: skipped {:?}: a capital action, not a guide",
                f.label
            );
        }
        return;
    }
    // The period nearest the figure: in its own clause, else before it in the sentence, else
    // the paragraph's, else the year the call guides.
    // The words after the figure up to the next one: "in Q3 and 19% for the full year" gives
    // "in Q3" to the first figure; the rest leads into the second. "with much of this growth
    // in the second quarter" says when the figure comes, not which period it is.
    let after = &own[local.end.min(own.len())..next_start.max(local.end).min(own.len())];
    let clause = CLAUSE_END
        .find(after)
        .map_or(after, |m| &after[..m.start()]);
    // "the rest of the year" is the figure's period only right after it ("volumes 3% below
    // plan for the balance of the year"); before it, it only opens the sentence ("Looking to
    // the remainder of the year, our guidance has been revised to ...": the full year's).
    // "For the remainder of 2021, we expect capital expenditures of ...", "capital expenditures
    // over the remainder of the year to be": a scope the sentence gives its figures, not a turn
    // of phrase ("Looking to the remainder of the year, our guidance"), so the quarters left.
    static FOR_REST: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)\b(?:for|over|during|through)\s+the\s+(?:remainder|balance|rest)\s+of\b")
    });
    static LOOKING: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:looking|look|as\s+we\s+look|turning|moving)\s+(?:ahead\s+|forward\s+)?(?:to|at|into|toward|towards)\s+the\s+(?:remainder|balance|rest)\s+of\b",
        )
    });
    let here = find_period(clause, call)
        .or_else(|| {
            find_period(upto, call).map(|p| {
                if FOR_REST.is_match(upto) && !LOOKING.is_match(upto) {
                    p
                } else {
                    super::period::whole_year(p)
                }
            })
        })
        // "We expect total capital spending between $350 million and $400 million and open
        // approximately 35 new restaurants in fiscal '22.": a year still to come, written with
        // its number later in the same clause chain (no comma between), is the period of a
        // figure that names none.
        .or_else(|| {
            static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\b20\d\d\b|['’]\d\d\b"));
            let rest = &own[local.end.min(own.len())..];
            let rest = &rest[..rest.find([',', ';']).unwrap_or(rest.len())];
            YEAR.is_match(rest)
                .then(|| find_period(rest, call))
                .flatten()
                .filter(|p| p.starts_with("FY") && !is_reported(p, call))
        });
    if super::trace() {
        eprintln!("row: {:?} clause {clause:?} period {here:?}", f.label);
    }
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
    // A run rate reached in a named period is that period's figure ("toward our quarterly run
    // rate of approximately $950 million in the fourth quarter").
    let horizon = horizon.filter(|h| !(h == "run rate" && here.is_some()));
    // "our long-term target for 12% to 16% revenue growth and 23% to 27% operating margin in
    // FY '24": a year later in the sentence dates a loose horizon.
    let horizon = horizon.map(|h| {
        if h.starts_with("by ") || h.starts_with("through ") || h == "run rate" {
            return h;
        }
        find_horizon(&own[local.end.min(own.len())..], guide_year)
            .filter(|later| later.starts_with("by ") || later.starts_with("through "))
            .unwrap_or(h)
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
        if f.period.as_deref().is_some_and(|p| is_past(p, call)) {
            if super::trace() {
                eprintln!(
                    "guidance: skipped {:?} ({}): its period {:?} is already reported",
                    f.label, f.text, f.period
                );
            }
            return;
        }
    }
    f.direction = direction;
    f.speaker = speaker.to_string();
    f.section = section;
    // The same figure said again is one row; a growth or an "Other" only when one label's
    // words hold the other's (loans and deposits are both "Other", their growth both
    // "Growth"; "Revenue growth" said again as "Total revenue growth" is one row).
    let dup = out.iter().any(|o| {
        o.metric == f.metric
            && (!matches!(o.metric, Metric::Other | Metric::Growth)
                || same_words(&o.label, &f.label))
            && o.period == f.period
            && o.low == f.low
            && o.high == f.high
            && o.unit == f.unit
    });
    if !dup {
        out.push(f);
    }
}

/// True when one label's words are all in the other's ("Revenue growth", "Total revenue
/// growth"): the same measure, said with more or fewer qualifiers.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '&')
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w))
}

/// True when a period ("FY2020", "Q2 FY2021") is already reported by the call: a year before
/// the call's, or a quarter of its year up to its own.
pub(super) fn is_past(period: &str, call: CallPeriod) -> bool {
    let year = period
        .rsplit("FY")
        .next()
        .and_then(|y| y.parse::<u16>().ok());
    let quarter = period
        .strip_prefix('Q')
        .and_then(|p| p.chars().next())
        .and_then(|c| c.to_digit(10));
    let past_quarter = matches!(
        (quarter, year, call.quarter, call.year),
        (Some(q), Some(y), Some(cq), Some(cy)) if y == cy && q <= u32::from(cq)
    );
    past_quarter || year.zip(call.year).is_some_and(|(y, c)| y < c)
}

/// True when a period named in passing can set no guide's period: one already reported, or
/// on a fourth-quarter call the call's own year ("the environment we experienced in 2021 will
/// persist throughout 2022" does not make the next paragraph's guides 2021's).
pub(super) fn is_reported(period: &str, call: CallPeriod) -> bool {
    is_past(period, call)
        || call.quarter == Some(4)
            && period
                .strip_prefix("FY")
                .and_then(|y| y.parse::<u16>().ok())
                == call.year
}

/// The unit a row gives a figure in; none when guidance is not given in it ("grew our rate
/// base to $41 billion" is no growth rate, "average diluted shares of $51 million" no count).
pub(super) fn unit_of(fig: &Fig, word: &MetricWord) -> Option<super::GuideUnit> {
    use super::GuideUnit;
    let metric = word.metric;
    Some(match fig.unit {
        Unit::Usd if metric == Metric::Growth && word.label.eq_ignore_ascii_case("growth") => {
            return None;
        }
        Unit::Usd if metric == Metric::Shares && !word.per_share => return None,
        // "on approximately 162 million and 154 million shares": no amount per share is
        // millions of dollars.
        Unit::Usd if (word.per_share || metric == Metric::Eps) && fig.low.abs() >= 1e6 => {
            return None;
        }
        Unit::Usd if word.per_share || metric == Metric::Eps => GuideUnit::UsdPerShare,
        Unit::Usd => GuideUnit::Usd,
        Unit::Percent => GuideUnit::Percent,
        Unit::Bps => GuideUnit::Bps,
        Unit::Count if metric == Metric::Shares && fig.low >= 1000.0 => GuideUnit::Shares,
        Unit::Count if metric == Metric::Volume && fig.low >= 100.0 => GuideUnit::Units,
        _ => return None,
    })
}

/// True when a figure is a loss: the word "loss" before it ("a net loss of"), or an income
/// metric whose label says loss ("Net loss per share"). `before` is lowercase.
pub(super) fn names_loss(before: &str, word: &MetricWord) -> bool {
    // "Excluding Latin America losses, margins are expected to range between 9.5% and 10%":
    // a loss left out, in a clause of its own or after "excluding", is not the figure's.
    let clause = before.rsplit([',', ';']).next().unwrap_or(before);
    let mut excluded = false;
    clause.split(|c: char| !c.is_alphanumeric()).any(|w| {
        excluded |= matches!(w, "excluding" | "excludes" | "exclude" | "ex" | "before");
        !excluded && (w == "loss" || w == "losses")
    }) || matches!(
        word.metric,
        Metric::Eps | Metric::NetIncome | Metric::OperatingIncome
    ) && word.label.to_ascii_lowercase().contains("loss")
}

/// Builds the figure's row (period, direction and speaker are set by [`push`]); none when its
/// unit is not one guidance is given in. Also returns the figure's range in the sentence.
#[allow(clippy::too_many_arguments)]
pub(super) fn make(
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
    let unit = unit_of(fig, word)?;
    let b = before.to_ascii_lowercase();
    let tail = b.trim_end();
    let ends = |words: &[&str]| words.iter().any(|w| tail.ends_with(w));
    // A whole word at the end: "below" does not end in the band word "low".
    let ends_word = |w: &str| {
        tail.ends_with(w)
            && tail[..tail.len() - w.len()]
                .chars()
                .last()
                .is_none_or(|c| !c.is_alphanumeric())
    };
    let a = after.to_ascii_lowercase();
    let a = a.trim_start();
    let negative = names_loss(&b, word)
        || ends(&["negative", "minus"])
        // "to negatively impact Draxxin revenue by approximately 20%": an impact that takes away.
        || word.label.starts_with("Impact")
            && ["negative", "unfavorab", "adverse"]
                .iter()
                .any(|w| b.contains(w))
        // "around 20% lower than fiscal '19": a fall (a rate "lower than" stays a level).
        || metric == Metric::Growth
            && matches!(fig.unit, Unit::Percent | Unit::Bps)
            && LOWER_THAN.is_match(a)
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
            "exceeds",
            "exceeding",
            "surpassing",
            "in excess of",
            "north of",
            "upwards of",
            "a minimum of",
            "no less than",
        ]) || OR_MORE.is_match(a)
            || a.starts_with("plus")
            // "20-plus percent": the floor is said inside the figure.
            || sentence
                .get(fig.span.clone())
                .is_some_and(|f| f.to_ascii_lowercase().contains("plus")) =>
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
        } else if tail.ends_with("flat to up") || tail.ends_with("flat to") {
            // "flat to 6% growth".
            (low, high) = (Some(0.0), Some(fig.low));
        } else if DOWN.is_match(tail)
            || matches!(fig.unit, Unit::Percent | Unit::Bps) && DECLINE.is_match(tail)
        {
            // "a decline of over 50%": at most -50%.
            (low, high) = (high.map(|v| -v.abs()), low.map(|v| -v.abs()));
        }
        // "in the low 30% range": a band.
        if fig.unit == Unit::Percent {
            let v = fig.low;
            if ends_word("low") {
                (low, high) = (Some(v), Some(v + 3.0));
            } else if ends_word("mid") {
                (low, high) = (Some(v + 3.0), Some(v + 6.0));
            } else if ends_word("high") {
                (low, high) = (Some(v + 6.0), Some(v + 9.0));
            }
        }
    } else if tail.ends_with("flat to down") {
        // "flat to down low single digits": from the band's far end to zero.
        (low, high) = (high.map(|v| -v.abs()), Some(0.0));
    } else if tail.ends_with("flat to up") || tail.ends_with("flat to") {
        (low, high) = (Some(0.0), high);
    } else if DOWN.is_match(tail)
        || matches!(fig.unit, Unit::Percent | Unit::Bps) && DECLINE.is_match(tail)
    {
        // "down 10% to 15%"; "down 1% to up 1%"; "to contract 40 basis points to 60".
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
    // "in the upper half of the range of 5% to 7%": the half said.
    if let (Some(l), Some(h)) = (low, high)
        && let Some(c) = HALF_OF_RANGE.captures(&b)
    {
        let mid = (l + h) / 2.0;
        (low, high) = if matches!(&c[1], "upper" | "top" | "higher") {
            (Some(mid), Some(h))
        } else {
            (Some(l), Some(mid))
        };
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
        || ends_word("low")
        || ends_word("mid")
        || ends_word("high")
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
            confidence: 1.0,
            previous: None,
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
pub(super) fn counterpart(
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
