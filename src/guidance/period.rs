//! Periods and directions: which quarter, year or half a figure is for, resolved from the
//! call's own period, and whether the call raised, lowered, reiterated, narrowed or initiated it.

use std::sync::LazyLock;

use regex::Regex;

use super::re;
use crate::text::numbers::{Unit, english};
use crate::transcript::Transcript;

/// The call's own period: the quarter and fiscal year it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CallPeriod {
    /// 1 to 4, if the opening says.
    pub quarter: Option<u8>,
    /// The fiscal year, if the opening says.
    pub year: Option<u16>,
}

impl CallPeriod {
    /// "Q3 FY2020", "FY2021", "Q2" (none when the call names neither).
    pub fn label(self) -> Option<String> {
        match (self.quarter, self.year) {
            (Some(q), Some(y)) => Some(format!("Q{q} FY{y}")),
            (None, Some(y)) => Some(format!("FY{y}")),
            (Some(q), None) => Some(format!("Q{q}")),
            (None, None) => None,
        }
    }

    /// The fiscal year a full-year guide of this call is for: on a fourth-quarter call "the
    /// full year", "this year" and "fiscal '22" look at the year that has just begun.
    pub fn guide_year(self) -> Option<u16> {
        self.year
            .map(|y| if self.quarter == Some(4) { y + 1 } else { y })
    }
}

pub(super) fn quarter_number(w: &str) -> Option<u8> {
    let w = w.to_ascii_lowercase();
    let w = w.trim_start_matches('q');
    Some(match w {
        "first" | "1st" | "1" => 1,
        "second" | "2nd" | "2" => 2,
        "third" | "3rd" | "3" => 3,
        "fourth" | "4th" | "4" => 4,
        _ => return None,
    })
}

fn year_number(digits: &str) -> Option<u16> {
    let n: u16 = digits.parse().ok()?;
    let y = if digits.len() == 2 { 2000 + n } else { n };
    (1990..2100).contains(&y).then_some(y)
}

/// "third quarter 2021", "Q4 FY2019", "fourth quarter and full year 2020".
static QUARTER_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|Q[1-4])(?:\s+fiscal)?(?:[\s-]+quarter)?(?:\s+(?:and\s+)?(?:(?:full|fiscal)[\s-]+year|fiscal|full[\s-]+fiscal(?:[\s-]+year)?))?(?:\s+(?:(?:of\s+)?(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?(?:FY\s?)?|for\s+(?:the\s+)?(?:fiscal\s+(?:year\s+)?|FY\s?))[’']?(?P<y>\d{4}|\d{2}))\b",
    )
});
/// "Fiscal Year 2022 First Quarter", "2021 second quarter".
static YEAR_QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:fiscal\s+(?:year\s+)?|FY\s?)?[’']?(?P<y>\d{4}|\d{2})\s+(?P<q>first|second|third|fourth|Q[1-4])\b(?:[\s-]+(?:fiscal\s+)?quarter)?",
    )
});

/// The (quarter, year) pairs a pattern finds in a text; "second 2021" is no quarter: a
/// quarter word needs "quarter".
fn quarter_years<'a>(r: &'a Regex, text: &'a str) -> impl Iterator<Item = (u8, u16)> + 'a {
    r.captures_iter(text).filter_map(|c| {
        let q = c.name("q")?.as_str();
        let whole = c.get(0)?.as_str().to_ascii_lowercase();
        if !q.to_ascii_lowercase().starts_with('q') && !whole.contains("quarter") {
            return None;
        }
        let y = c.name("y")?;
        if crate::text::numbers::figure_at(text, y.end()) {
            return None;
        }
        Some((quarter_number(q)?, year_number(y.as_str())?))
    })
}

/// True when the year (or quarter and year) at `span` of `text` is named as a base or a
/// horizon ("ahead of 2019 levels", "versus the fourth quarter of 2019", "our 2030 goals", "by
/// 2025"), not as the period the call speaks of.
fn named_as_base(text: &str, span: std::ops::Range<usize>) -> bool {
    static BASE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:versus|vs\.?|compared\s+(?:to|with)|than|relative\s+to|ahead\s+of|above|below|over|since|by|through|until|beyond|pre-?pandemic|back\s+to|recover(?:ed|y)?\s+to|(?:from|off(?:\s+of)?)\s+(?:the|our)\s+)\s*(?:the\s+|our\s+|fiscal\s+|full[\s-]year\s+)?(?:[\w-]+\s+){0,2}?$",
        )
    });
    static BASE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\s*(?:[\w-]+\s+)?(?:levels?|targets?|goals?|ambitions?|aspirations?|plan|strategy|vision)\b",
        )
    });
    let start = text[..span.start]
        .char_indices()
        .rev()
        .nth(40)
        .map_or(0, |(i, _)| i);
    BASE_BEFORE.is_match(&text[start..span.start]) || BASE_AFTER.is_match(&text[span.end..])
}

/// True when the sentence before `at` compares with the past ("than", "compared to", "last
/// year", "which included"): a quarter named there is not the one reported.
fn compared_back(text: &str, at: usize) -> bool {
    static BACK: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:than|compared|versus|vs\.?|relative|included|including|last\s+year|prior\s+year|a\s+year\s+ago|since|from|over)\b",
        )
    });
    let start = text[..at].rfind(['.', '?', '!']).map_or(0, |i| i + 1);
    BACK.is_match(&text[start..at]) || named_as_base(text, at..at)
}

/// The English paragraphs of a call, in reading order.
fn english_paragraphs(t: &Transcript) -> impl Iterator<Item = &str> {
    t.turns
        .iter()
        .flat_map(|turn| &turn.paragraphs)
        .filter_map(|para| para.en.as_deref())
}

/// The year named most often (ties to the later year).
fn most_common(years: impl IntoIterator<Item = u16>) -> Option<u16> {
    let mut counts: Vec<(u16, usize)> = Vec::new();
    for y in years {
        match counts.iter_mut().find(|(year, _)| *year == y) {
            Some((_, n)) => *n += 1,
            None => counts.push((y, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(year, n)| (n, year))
        .map(|(year, _)| year)
}

/// An outlook still to come: "we'll provide our 2021 outlook in January" (the words before
/// the year).
static TO_COME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:will|'ll|plan\s+to|expect\s+to|look\s+forward\s+to)\s+(?:\w+\s+){0,2}?(?:provid|giv|shar|issu|announc|updat|discuss)\w*\s+(?:you\s+)?(?:with\s+)?(?:our|the)\s+(?:full[\s-]year\s+|fiscal\s+)?$",
    )
});

/// True when the year at `start` of `en` names an outlook still to come.
fn outlook_to_come(en: &str, start: usize) -> bool {
    let from = en[..start]
        .char_indices()
        .rev()
        .nth(60)
        .map_or(0, |(i, _)| i);
    TO_COME.is_match(&en[from..start])
}

/// A period as a sentence that names it in passing sets it: "the rest of the year" opening a
/// sentence or a paragraph ("Looking to the remainder of the year, our guidance ...") is the
/// year; only a figure's own clause makes it the quarters left.
pub(super) fn whole_year(period: String) -> String {
    match period.strip_prefix("rest of ") {
        Some(year) => year.to_string(),
        None => period,
    }
}

/// Reads the reported quarter and fiscal year from the operator's opening and the first
/// speakers ("Welcome to the Fiscal Year 2022 First Quarter Earnings Call", "Q4 2019",
/// "fourth quarter and full year 2020", "first quarter fiscal 2022", "Zoom's Q2 FY25").
pub fn call_period(t: &Transcript) -> CallPeriod {
    static QUARTER_ONLY: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter\b|\b(?P<q2>Q[1-4])\b",
        )
    });
    let mut p = CallPeriod::default();
    let opening = t
        .turns
        .iter()
        .take(4)
        .enumerate()
        .flat_map(|(i, turn)| turn.paragraphs.iter().map(move |para| (i, para)))
        .filter_map(|(i, para)| Some((i, para.en.as_deref()?)))
        .take(8);
    for (i, en) in opening {
        // Past the operator's opening, a quarter and year named as a comparison is not the
        // call's ("we added more relationships than in 2020, which included the outsized
        // second quarter of 2020").
        let full = [&*QUARTER_YEAR, &*YEAR_QUARTER].iter().find_map(|r| {
            r.find_iter(en)
                .filter(|m| !crate::text::numbers::figure_at(en, m.end()))
                .filter(|m| i == 0 || !compared_back(en, m.start()))
                .find_map(|m| quarter_years(r, m.as_str()).next())
        });
        if let Some((q, y)) = full {
            return CallPeriod {
                quarter: Some(q),
                year: Some(y),
            };
        }
        if p.quarter.is_none()
            && let Some(c) = QUARTER_ONLY.captures(en)
        {
            p.quarter = c
                .name("q")
                .or(c.name("q2"))
                .and_then(|m| quarter_number(m.as_str()));
        }
    }
    // No year in the opening ("the Teledyne Third Quarter Earnings Call"): the year the
    // remarks give the same quarter ("our third quarter 2021 results"), else the year they
    // speak of most (ties to the later year).
    let remarks = || english_paragraphs(t).take(30);
    let step = |what: &str, p: &CallPeriod| {
        if super::trace() {
            eprintln!("call period: {what}: {p:?}");
        }
    };
    step("opening", &p);
    if let Some(q) = p.quarter {
        // The latest year the paragraphs name the call's quarter in (not as a base), among the
        // namings `keep` accepts.
        let latest_year = |paragraphs: &mut dyn Iterator<Item = &str>,
                           keep: &dyn Fn(&str) -> bool| {
            paragraphs
                .flat_map(|en| {
                    QUARTER_YEAR
                        .find_iter(en)
                        .filter(|m| {
                            keep(m.as_str())
                                && !named_as_base(en, m.range())
                                && !crate::text::numbers::figure_at(en, m.end())
                        })
                        .flat_map(|m| quarter_years(&QUARTER_YEAR, m.as_str()).collect::<Vec<_>>())
                        .collect::<Vec<_>>()
                })
                .filter(|&(quarter, _)| quarter == q)
                .map(|(_, year)| year)
                .max()
        };
        // The latest such year: the remarks compare with the same quarter of years before.
        let same_quarter = latest_year(&mut remarks(), &|_| true);
        if same_quarter.is_some() {
            p.year = same_quarter;
        }
        // The call's quarter named with its fiscal year anywhere in the prepared remarks ("a
        // quarterly cash dividend for the third quarter for fiscal 2021") settles it: the
        // company's own fiscal calendar, which the years it speaks of need not follow.
        let fiscal = latest_year(&mut english_paragraphs(t), &|text| {
            let text = text.to_ascii_lowercase();
            text.contains("fiscal") || text.contains("fy")
        });
        // Not one older than the same quarter named otherwise: that is a quarter compared
        // with ("against a very strong fourth quarter of fiscal 2020").
        if let Some(y) = fiscal.filter(|&y| p.year.is_none_or(|found| y >= found)) {
            p.year = Some(y);
            step("quarter named with its fiscal year", &p);
            return p;
        }
    }
    let frequent = most_common(remarks().take(20).flat_map(|en| {
        english(en)
            .into_iter()
            .filter(|q| q.unit == Unit::Year && (2000.0..2100.0).contains(&q.value))
            .filter(|q| !named_as_base(en, q.span.clone()) && !outlook_to_come(en, q.span.start))
            .map(|q| q.value as u16)
            .collect::<Vec<_>>()
    }));
    if super::trace() {
        eprintln!("call period: most frequent year {frequent:?}");
    }
    // The same quarter is named most often as last year's ("compared to the third quarter of
    // 2019"): a year after it that the remarks speak of more is the call's.
    p.year = match (p.year, frequent) {
        (Some(q), Some(f)) if f == q + 1 => Some(f),
        (Some(q), _) => Some(q),
        (None, f) => f,
    };
    step("frequent years", &p);
    // A quarter up to the call's own that results are reported for ("in the second quarter
    // of 2020, revenues were") is this year's or last year's: the latest such year.
    if let (Some(q), Some(y)) = (p.quarter, p.year) {
        let reported = remarks()
            .flat_map(|en| {
                super::period::sentences(en)
                    .into_iter()
                    .map(|r| &en[r])
                    .filter(|s| super::cues::reports_result(s))
                    .flat_map(|s| quarter_years(&QUARTER_YEAR, s))
                    .filter(|&(quarter, _)| quarter <= q)
                    .map(|(_, year)| year)
                    .collect::<Vec<_>>()
            })
            .max();
        if let Some(r) = reported
            && r == y + 1
        {
            p.year = Some(r);
        }
    }
    step("reported quarters", &p);
    // The year the call guides ("our full year 2021 guidance", "the 2021 outlook") is the
    // call's own before the fourth quarter and the next one on it: the surest sign when the
    // opening names no year.
    static GUIDED_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:full[\s-]year|fiscal(?:\s+year)?|(?:guidance|outlook|forecast)\s+for(?:\s+the\s+(?:full\s+)?year)?)\s+(20\d\d)\b|\b(20\d\d)\s+(?:full[\s-]year\s+)?(?:(?:[a-z][\w&-]*\s+){0,3}?)(?:guidance|outlook|forecast)\b",
        )
    });
    // "we'll provide our 2021 outlook in January": an outlook still to come is the next
    // year's, so the call's year is the one before, on any quarter's call.
    let mut to_come: Vec<u16> = Vec::new();
    let guided = most_common(english_paragraphs(t).flat_map(|en| {
        GUIDED_YEAR
            .captures_iter(en)
            .filter_map(|c| {
                let year = c
                    .get(1)
                    .or(c.get(2))
                    .and_then(|m| year_number(m.as_str()))?;
                if outlook_to_come(en, c.get(0).map_or(0, |w| w.start())) {
                    to_come.push(year - 1);
                    return None;
                }
                Some(year)
            })
            .collect::<Vec<_>>()
    }));
    if let Some(y) = most_common(to_come)
        && p.year.is_none()
        && guided.is_none()
    {
        p.year = Some(y);
    }
    if let Some(g) = guided
        && p.year.is_none()
    {
        p.year = Some(if p.quarter == Some(4) { g - 1 } else { g });
    }
    // The years the remarks report and the years they guide bound the call's year: results
    // are for it or before, guides for it or after (after it on a fourth-quarter call). A
    // year read above that more of them contradict than another year gives way ("compared
    // to the fourth quarter of 2019" on a 2021 call; "our 2030 targets").
    step("guided years", &p);
    if let Some(bounded) = bounded_year(t, p) {
        p.year = Some(bounded);
    }
    step("bounded", &p);
    // Surest of all: the date the quarter ended ("as of September 30, 2021", "the first nine
    // months of 2021").
    static PERIOD_END: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:(?P<annual>year|10-k)\s+)?(?:as\s+of|ended|ending)(?:\s+on)?\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2},?\s+(20\d\d)\b|\b(?:first|the)\s+(?:three|six|nine|twelve)\s+months\s+of\s+(20\d\d)\b|\byear[\s-]to[\s-]date\s+(20\d\d)\b",
        )
    });
    let ended_in = |n: usize| {
        english_paragraphs(t)
            .take(n)
            .flat_map(|en| {
                PERIOD_END
                    .captures_iter(en)
                    // "the Annual Report on Form 10-K for the year ended December 31, 2020":
                    // a year reported before the call, not the quarter's end.
                    .filter(|c| c.name("annual").is_none())
                    .filter_map(|c| {
                        c.get(2)
                            .or(c.get(3))
                            .or(c.get(4))
                            .and_then(|m| year_number(m.as_str()))
                    })
                    .collect::<Vec<_>>()
            })
            .max()
    };
    // "refer to the company's Annual Report on Form 10-K for the year ended December 31, 2020":
    // the last annual report before a call of the first three quarters is the year before.
    static ANNUAL_REPORT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:10-k|annual\s+report)\b[^.]{0,60}?\byear\s+ended\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2},?\s+(20\d\d)\b",
        )
    });
    let annual_report = || {
        english_paragraphs(t)
            .take(4)
            .find_map(|en| ANNUAL_REPORT.captures(en))
            .and_then(|c| year_number(&c[1]))
    };
    // In the opening ("the second quarter ended on July 3, 2021") it settles the year; later in
    // the remarks it may only move the year on by one.
    if let Some(e) = ended_in(4) {
        p.year = Some(e);
    } else if let Some(y) = annual_report().filter(|_| matches!(p.quarter, Some(1..=3))) {
        p.year = Some(y + 1);
    } else if let Some(e) = ended_in(40)
        && p.year.is_none_or(|y| e >= y && e <= y + 1)
    {
        p.year = Some(e);
    }
    p
}

/// The year the remarks' reported and guided years contradict least, when it is better than
/// `p.year`: each year a result sentence names counts against a call year before it, each
/// year a forward sentence names against a call year after it (or equal, on a fourth-quarter
/// call).
fn bounded_year(t: &Transcript, p: CallPeriod) -> Option<u16> {
    let mut reported: Vec<u16> = Vec::new();
    let mut guided: Vec<u16> = Vec::new();
    for en in english_paragraphs(t).take(60) {
        for r in sentences(en) {
            let s = &en[r];
            // Only a sentence naming a year ("20" and two more digits) is read further.
            let names_year = s.as_bytes().windows(4).any(|w| {
                w[0] == b'2' && w[1] == b'0' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
            });
            if !names_year {
                continue;
            }
            let fwd = super::cues::forward(s);
            let result = super::cues::reports_result(s);
            if fwd == result {
                continue;
            }
            // Only a year named as a period ("the fourth quarter of 2019", "fiscal 2022",
            // "2022 guidance"), not one in passing ("since 2015", "our 2030 goals").
            let years = english(s)
                .into_iter()
                .filter(|q| q.unit == Unit::Year && (2000.0..2100.0).contains(&q.value))
                .filter(|q| {
                    let before = s[..q.span.start].to_ascii_lowercase();
                    let lead = before.trim_end();
                    let after = s[q.span.end..].to_ascii_lowercase();
                    ["quarter", "quarter of", "year", "year of", "fiscal", "fy"]
                        .iter()
                        .any(|w| lead.ends_with(w))
                        || ["guidance", "outlook", "results", "full year", "full-year"]
                            .iter()
                            .any(|w| after.trim_start().starts_with(w))
                })
                .map(|q| q.value as u16);
            if fwd {
                guided.extend(years)
            } else {
                reported.extend(years)
            }
        }
    }
    let q4 = p.quarter == Some(4);
    let cost = |y: u16| {
        reported.iter().filter(|&&r| r > y).count()
            + guided.iter().filter(|&&g| g < y || (q4 && g == y)).count()
    };
    let lo = reported.iter().chain(&guided).min()?;
    let hi = reported.iter().chain(&guided).max()?;
    let best = (*lo..=*hi).min_by_key(|&y| {
        (
            cost(y),
            p.year.map_or(0, |c| c.abs_diff(y)),
            std::cmp::Reverse(y),
        )
    })?;
    match p.year {
        Some(y) if cost(y) <= cost(best) + 1 => None,
        _ => Some(best),
    }
}

/// Words after which a period is not a sentence end ("Inc. We", "U.S. sales", "vs. last").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "inc", "corp", "co", "ltd", "vs", "no", "approx", "jr", "sr",
    "etc", "e.g", "i.e", "u.s", "u.k", "mt", "ft", "p.m", "a.m", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "est",
];

/// Splits English prose into sentences (byte ranges), not at decimals, initials ("J. P."),
/// or abbreviations ("Inc.", "U.S."), but after short capitalised words ("in the UK. We").
pub(super) fn sentences(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for i in 0..b.len() {
        if matches!(b[i], b'.' | b'?' | b'!') && b.get(i + 1) == Some(&b' ') {
            let next_upper = text[i + 2..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '(' || c == '$');
            let prev_word = text[start..i]
                .rsplit([' ', '('])
                .next()
                .unwrap_or("")
                .trim_start_matches(['"', '\'', '“']);
            let initial = b[i] == b'.'
                && (prev_word.chars().count() == 1 && prev_word.chars().all(char::is_uppercase)
                    || ABBREVIATIONS.contains(&prev_word.to_ascii_lowercase().as_str()));
            if next_upper && !initial {
                out.push(start..i + 1);
                start = i + 2;
            }
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// A long-term target's horizon ("by 2025", "through 2027", "next 3 years", "long term"),
/// if the text sets one. `guide_year` is the year this call guides: a year two or more past
/// it is a target's, not this year's guide.
pub(super) fn find_horizon(s: &str, guide_year: Option<u16>) -> Option<String> {
    static HORIZON: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:by|through|thru|until)\s+(?:at\s+least\s+)?(?:the\s+end\s+of\s+)?(?:the\s+year\s+|fiscal\s+(?:year\s+)?|FY\s?|calendar\s+(?:year\s+)?)?[’']?(?P<by>20\d\d)\b|\b(?:over|for|in|during)\s+the\s+(?:next|coming)\s+(?P<n>\w+)(?:\s+(?:to|or)\s+\w+)?\s+(?:fiscal\s+)?years\b|^\W*(?P<lt3>long(?:er)?|medium|mid)[\s-]term\s*,|\b(?P<n2>two|three|four|five|six|seven|ten|\d{1,2})[\s-]year\s+(?:capital\s+)?(?:plan|outlook|targets?|period|horizon|cagr|framework|goals?|objectives?|aspirations?|ambitions?|strategy|strategic\s+plan)\b|\b(?:over|in|for)\s+the\s+(?P<lt2>long|longer|medium|mid)[\s-]term\b|\b(?P<lt>long[\s-]term|longer[\s-]term|medium[\s-]term|mid[\s-]term|multi-?year)(?:\s+(?:[\w-]+\s+){0,3}?(?:targets?|goals?|growth|guidance|outlook|rates?|aspirations?|plan|model|framework|algorithm|construct|basis|cagr|ambitions?|objectives?|expectations?)\b|\s*$)|\b(?P<goal>(?:financial|strategic|long-range)\s+(?:targets|goals|aspirations|ambitions)|mid-?range\s+targets?|when\s+(?:the\s+)?(?:markets?|volumes?|demand|end\s+markets?)\s+(?:recover|return|normali[sz]e)s?|when\s+we\s+return\s+to\s+(?:higher|normal|more\s+normal)|ambitions?|aspirations?|over\s+time|(?:for|in)\s+the\s+foreseeable\s+future|long[\s-]range\s+plan|operating\s+model|evergreen|(?:analyst|investor)\s+day|(?:next|coming)\s+(?:few|several|couple\s+of)\s+years|(?:in|over|during)\s+the\s+(?:coming|next)\s+years|each\s+year\s+thereafter|continue\s+to\s+target\s+(?:an?\s+|our\s+)?(?:[\w-]+\s+){0,3}?(?:ratio|payout|leverage|rating|return)|years?\s+(?:to\s+come|ahead))\b|\bwithin\s+(?:the\s+next\s+)?(?P<n3>two|three|four|five|\d)\s+years\b|\b(?P<run>(?:annual(?:ized)?\s+)?run[\s-]rate)\b|\b(?P<cagr>CAGR|compound(?:ed)?\s+annual)|\b(?:in|for)\s+(?:(?:fiscal\s+(?:year\s+)?|FY\s?)?(?P<in>20\d\d)|(?:FY\s?|fiscal\s+)?[’'](?P<in2>\d\d)|FY\s?(?P<in3>\d\d))\b|\b(?:fiscal\s+(?:year\s+)?|FY\s?)?(?P<gy>20\d\d)\s+(?:[\w-]+\s+){0,2}?(?:targets?|goals?|objectives?|aspirations?|ambitions?)\b",
        )
    });
    static YEAR_INSIDE: LazyLock<Regex> = LazyLock::new(|| re(r"\b20\d\d\b"));
    // A year is the best horizon; "long-term" or a CAGR only when no year is named.
    let mut loose: Option<String> = None;
    // A later year named with "for": the year a long-term target is for ("our long-term
    // guidance that for fiscal 2024 ..."), else that year's guide, which the period reads.
    let mut for_year: Option<u16> = None;
    for c in HORIZON.captures_iter(s) {
        // "our long-term 2024 financial targets", "a 2025 goal for gross margin": the year
        // the target is set for.
        let named_year = c
            .name("gy")
            .or_else(|| {
                c.name("lt")
                    .or(c.name("goal"))
                    .and_then(|_| YEAR_INSIDE.find(c.get(0).map_or("", |m| m.as_str())))
            })
            .and_then(|y| year_number(y.as_str()))
            .filter(|y| guide_year.is_some_and(|g| *y > g));
        if let Some(y) = named_year {
            return Some(format!("by {y}"));
        }
        if let Some(y) = c.name("by").and_then(|y| year_number(y.as_str())) {
            let word = c.get(0).map_or("", |m| m.as_str()).to_ascii_lowercase();
            // "by 2021" on a 2021 call is this year's guide.
            if guide_year.is_none_or(|g| y > g) {
                let how = if word.starts_with("through") || word.starts_with("thru") {
                    "through"
                } else {
                    "by"
                };
                return Some(format!("{how} {y}"));
            }
        } else if let Some(n) = c.name("n").or(c.name("n2")).or(c.name("n3")) {
            let n = match n.as_str().to_ascii_lowercase().as_str() {
                "two" => "2".to_string(),
                "three" => "3".to_string(),
                "four" => "4".to_string(),
                "five" => "5".to_string(),
                "ten" => "10".to_string(),
                "several" | "few" | "coming" => "several".to_string(),
                other => other.to_string(),
            };
            loose.get_or_insert(format!("next {n} years"));
        } else if let Some(lt) = c.name("lt").or(c.name("lt2")).or(c.name("lt3")) {
            let lt = lt.as_str().to_ascii_lowercase().replace('-', " ");
            loose.get_or_insert(if lt.starts_with("multi") {
                "multi-year".to_string()
            } else if lt.starts_with("long") {
                "long term".to_string()
            } else {
                "medium term".to_string()
            });
        } else if c.name("run").is_some() {
            loose.get_or_insert("run rate".to_string());
        } else if c.name("goal").is_some() || c.name("cagr").is_some() {
            loose.get_or_insert("long term".to_string());
        } else if let Some(y) = c
            .name("in")
            .or(c.name("in2"))
            .or(c.name("in3"))
            .and_then(|y| year_number(y.as_str()))
            && guide_year.is_some_and(|g| y >= g + 2)
        {
            // "For 2023, we are confirming our earnings guidance": that year's guide, not a
            // horizon reached by then.
            if c.get(0)
                .is_some_and(|m| m.as_str().to_ascii_lowercase().starts_with("for"))
            {
                for_year.get_or_insert(y);
                continue;
            }
            return Some(format!("by {y}"));
        }
    }
    match (loose, for_year) {
        (Some(_), Some(y)) => Some(format!("FY{y}")),
        (loose, _) => loose,
    }
}

/// The period nearest the end of `s` (callers pass the words before a figure, or its own
/// clause), resolved against the call's own period: "Q3" → "Q3 FY2025", "the full year" →
/// the year the call guides, "2022 guidance" → "FY2022", "next 12 months".
pub(super) fn find_period(s: &str, call: CallPeriod) -> Option<String> {
    static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:(?P<q>Q[1-4]|(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter)(?:\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?|FY\s?)?[’']?(?P<qy>\d{4}|\d{2})\b)?|(?:fiscal\s+(?:year\s+)?|FY\s?)?[’']?(?P<yq>20\d\d)\s+(?P<q2>Q[1-4]|(?:first|second|third|fourth)[\s-]+(?:fiscal\s+)?quarter)|(?P<rest>(?:balance|remainder|rest)\s+of\s+(?:the\s+|this\s+)?(?:fiscal\s+)?(?:year\b|(?P<ry>20\d\d)\b))|(?P<half>(?:first|second|back|front)[\s-]half(?:\s+of\s+(?:the\s+|this\s+)?(?:fiscal\s+)?(?:year\s+)?(?:FY\s?)?[’']?(?P<hy>20\d\d|\d\d\b)?)?|\bH[12])|(?P<next>next\s+(?:fiscal\s+)?year)|(?:looking\s+(?:forward|ahead)\s+(?:to|into)|heading\s+into|going\s+into|as\s+we\s+(?:enter|head\s+into|move\s+into))\s+(?:fiscal\s+)?(?P<into>20\d\d)\b|(?-i:(?P<month>January|February|March|April|June|July|August|September|October|November|December))(?:[’']s)?\s+(?:same[\s-]\w+\s+|total\s+)?(?:[\w-]+\s+)?(?:revenues?|sales|adr|revpar|occupancy|results?|to\s+be|will|should|is|are)|(?P<thisq>(?:the\s+current|next|the\s+coming|the\s+upcoming)\s+(?:fiscal\s+)?quarter|in\s+the\s+quarter|for\s+the\s+quarter)|(?P<fy>full[\s-]+(?:fiscal[\s-]+)?year|fiscal\s+year|(?:for|in|during)\s+the\s+(?:fiscal\s+|calendar\s+|current\s+|full\s+)?year|this\s+(?:fiscal\s+)?year|current\s+(?:fiscal\s+)?year|annual|full[\s-]year)(?:\s+(?:of\s+)?(?:fiscal\s+)?(?:FY\s?)?[’']?(?P<fyy>\d{4}|\d{2})\b)?|(?:fiscal\s+(?:year\s+)?|FY\s?|calendar\s+(?:year\s+)?)[’']?(?P<y>\d{4}|\d{2})\b|(?:\b(?:for|in|during|of|throughout)\s+)(?:the\s+(?:full\s+)?year\s+)?(?P<iny>20\d\d)\b|(?P<yn>20\d\d)\s+(?:full[\s-]year\s+|annual\s+)?(?:guidance|outlook|forecast|expectations?|estimates?|plan|budget|revenues?|sales|earnings|eps|capex|capital|adjusted|free|operating|net|total|gaap|non-gaap|diluted|ffo|core|effective|same|comparable|organic|will|is|are|ebitda))",
        )
    });
    static NEXT_MONTHS: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)\b(?:next|first|coming)\s+(12|twelve|6|six|3|three|18|24)\s+months\b")
    });
    // A period named as the subject of past results is no guide's: "our strong first
    // quarter performance", "our second quarter earnings announcement".
    static PAST_NOUN: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^[\s-]*(?:\w+\s+)?(?:results?|performance|earnings\s+(?:call|release|announcement|report)|call|announcement|release|report|actuals?|print|outperformance|beat)\b",
        )
    });
    // The mention nearest the end of `s`.
    let c = PERIOD
        .captures_iter(s)
        .filter(|c| {
            c.get(0).is_some_and(|m| {
                // "growth of 3% off of our 2020 total expenses": a base, not the period.
                let base = c.name("yn").is_some() && named_as_base(s, m.range());
                // "11% to 13% annual EPS growth": a rate per year, not this year's figure.
                let lead = s[..m.start()].trim_end();
                let per_year = m.as_str().eq_ignore_ascii_case("annual")
                    && (lead.is_empty()
                        || lead.ends_with('%')
                        || lead.ends_with(|c: char| c.is_ascii_digit()));
                !(base || per_year || PAST_NOUN.is_match(&s[m.end()..]))
            })
        })
        .last();
    let months = NEXT_MONTHS.captures_iter(s).last();
    if let Some(m) = months.filter(|m| {
        c.as_ref()
            .is_none_or(|c| m.get(0).map_or(0, |x| x.start()) > c.get(0).map_or(0, |x| x.start()))
    }) {
        let n = match &m[1].to_ascii_lowercase()[..] {
            "twelve" => "12",
            "six" => "6",
            "three" => "3",
            other => return Some(format!("next {other} months")),
        };
        return Some(format!("next {n} months"));
    }
    let c = c?;
    // "full year 19% to 20%": a figure, not fiscal '19.
    let year_of = |m: Option<regex::Match>| {
        m.filter(|y| {
            let rest = s[y.end()..].trim_start();
            let b = &s.as_bytes()[y.end()..];
            !(rest.starts_with('%')
                || rest.starts_with("percent")
                || rest.starts_with("to ")
                || rest.starts_with('-')
                || b.first() == Some(&b'.') && b.get(1).is_some_and(u8::is_ascii_digit))
        })
        .and_then(|y| year_number(y.as_str()))
    };
    if let Some(q) = c.name("q").or(c.name("q2")) {
        let qs = q.as_str().to_ascii_lowercase();
        let n = qs
            .split(|c: char| c.is_whitespace() || c == '-')
            .next()
            .and_then(quarter_number)
            .unwrap_or(0);
        let year = year_of(c.name("qy").or(c.name("yq"))).or_else(|| {
            // A quarter before the call's own is next year's.
            call.year.map(|y| {
                if call.quarter.is_some_and(|cq| n < cq) {
                    y + 1
                } else {
                    y
                }
            })
        });
        return Some(match year {
            Some(y) => format!("Q{n} FY{y}"),
            None => format!("Q{n}"),
        });
    }
    // "for the balance of 2020", "the remainder of the year": the quarters left of the year.
    if c.name("rest").is_some() {
        let year = year_of(c.name("ry")).or(call.guide_year());
        return Some(year.map_or("rest of year".to_string(), |y| format!("rest of FY{y}")));
    }
    if let Some(h) = c.name("half") {
        let h = h.as_str().to_ascii_lowercase();
        let n = if h.starts_with("first") || h.starts_with("front") || h == "h1" {
            1
        } else {
            2
        };
        // On a fourth-quarter call both halves ahead are next year's: the year just reported
        // ended with its second half.
        let year = year_of(c.name("hy")).or(call.guide_year());
        return Some(year.map_or(format!("H{n}"), |y| format!("H{n} FY{y}")));
    }
    if c.name("thisq").is_some() {
        // The quarter being guided: the one after the call's own.
        return Some(match (call.quarter, call.year) {
            (Some(4), Some(y)) => format!("Q1 FY{}", y + 1),
            (Some(q), Some(y)) => format!("Q{} FY{y}", q + 1),
            (Some(q), None) => format!("Q{}", q % 4 + 1),
            _ => return None,
        });
    }
    if let Some(m) = c.name("month") {
        // "We're forecasting July's ADR to reach ...": a month of the year the call guides.
        let short = &m.as_str()[..3];
        // On a fourth-quarter call the months ahead are the new year's.
        return Some(match call.guide_year() {
            Some(y) => format!("{short} FY{y}"),
            None => short.to_string(),
        });
    }
    if c.name("next").is_some() {
        return Some(
            call.year
                .map_or("next year".to_string(), |y| format!("FY{}", y + 1)),
        );
    }
    let y = year_of(
        c.name("fyy")
            .or(c.name("y"))
            .or(c.name("iny"))
            .or(c.name("yn"))
            .or(c.name("into")),
    )
    .or(call.guide_year());
    Some(y.map_or("FY".to_string(), |y| format!("FY{y}")))
}

pub(super) fn find_direction(s: &str) -> Option<super::Direction> {
    use super::Direction;
    // Most sentences name no change to a guide: one pass over the stems first.
    static STEMS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)narrow|rais|lift|increas|lower|reduc|cut|reiterat|affirm|continue to expect|maintain|unchanged|initiat|introduc|establish|below our|above our",
        )
    });
    if !STEMS.is_match(s) {
        return None;
    }
    // "while maintaining our investment-grade rating", "to maintain our strong momentum":
    // something kept that is no guide.
    static MAINTAINED_OTHER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\bmaintain(?:ing)?\s+our\s+(?:[\w'-]+\s+){0,2}?(?:investment[\s-]grade|credit|ratings?|momentum|balance\s+sheet|discipline|focus|position|commitment|leadership|culture|liquidity)\b",
        )
    });
    let l = s.to_ascii_lowercase();
    let has = |w: &[&str]| w.iter().any(|x| l.contains(x));
    if has(&["narrowing", "narrowed", "narrow our", "narrow the"]) {
        Some(Direction::Narrowed)
    } else if has(&[
        "raise our",
        "raising our",
        "raised our",
        "raising the",
        "raising full",
        "raising 20",
        "increased outlook",
        "increased our",
        "increasing our",
        "raise the",
        "lifting our",
        "lift our",
        "raised its",
        "raising its",
        "increased expectations",
        "above our prior",
        "above our previous",
    ]) {
        Some(Direction::Raised)
    } else if has(&[
        "lower our",
        "lowering our",
        "lowered our",
        "reducing our",
        "reduced our",
        "cut our",
        "cutting our",
        "lowering the",
        "reducing the",
        // "We expect to fall below our prior EPS guidance".
        "below our prior",
        "below our previous",
    ]) {
        Some(Direction::Lowered)
    } else if has(&[
        "reiterat",
        "reaffirm",
        "continue to expect",
        "affirm",
        "unchanged",
    ]) || has(&["maintaining our", "maintain our"]) && !MAINTAINED_OTHER.is_match(s)
    {
        Some(Direction::Reiterated)
    } else if has(&[
        "initiating",
        "initiate",
        "introducing",
        "establish outlook",
        "establishing",
    ]) {
        Some(Direction::Initiated)
    } else {
        None
    }
}

#[cfg(test)]
mod horizon_tests {
    use super::find_horizon;

    #[test]
    fn standing_constructs_are_long_term() {
        assert_eq!(
            find_horizon(
                "in line with our long-term construct of approximately ",
                Some(2020)
            )
            .as_deref(),
            Some("long term")
        );
        assert_eq!(find_horizon("we expect revenue of ", Some(2020)), None);
    }
}
