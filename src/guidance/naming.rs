//! Naming a row whose metric word said nothing: a bare "Growth", "Expenses", "Costs" or
//! "Other". The measure is named from the sentence's own words ("organic NSR growth of 6%" →
//! "Organic NSR growth"; "net sales are forecasted to grow 9 to 12%" → "Net sales growth"), or
//! the row is left out: readers judged every such row on calls of other companies wrong, since a
//! figure nobody can name is no guide anyone can use.

use std::sync::LazyLock;

use regex::Regex;

use super::re;

/// Words that start or pad a noun phrase without naming anything.
const FILLER: &[&str] = &[
    "a",
    "an",
    "the",
    "our",
    "its",
    "their",
    "this",
    "that",
    "these",
    "those",
    "of",
    "in",
    "for",
    "and",
    "or",
    "to",
    "with",
    "we",
    "strong",
    "solid",
    "continued",
    "moderate",
    "healthy",
    "good",
    "robust",
    "modest",
    "significant",
    "double",
    "single",
    "digit",
    "digits",
    "high",
    "low",
    "mid",
    "expected",
    "expect",
    "overall",
    "further",
    "additional",
    "more",
    "less",
    "some",
    "any",
    "year",
    "over",
    "year-over-year",
    "sequential",
    "annual",
    "rate",
    "range",
    "total",
    "at",
    "about",
    "approximately",
    "around",
    "is",
    "are",
    "be",
    "will",
    "should",
    "continue",
    "see",
    "also",
    "now",
    "still",
    "then",
    "which",
    "it",
    "growth",
    "grow",
    "expenses",
    "expense",
    "costs",
    "cost",
    "percent",
    "%",
    "by",
    "from",
    "as",
    "on",
    "than",
    "up",
    "down",
    "record",
    "forecasted",
    "forecast",
    "projected",
    "anticipated",
    "guidance",
    "outlook",
    "target",
    "targeted",
    "all",
    "both",
    "each",
    "other",
    "new",
    "like",
    "lower",
    "higher",
    "initiating",
    "projecting",
    "expecting",
    "anticipating",
    "forecasting",
    "targeting",
    "assuming",
    "raising",
    "lowering",
    "providing",
    "giving",
    "issuing",
    "reaffirming",
    "maintaining",
    "updating",
    "narrowing",
    "reiterating",
    "introducing",
    "setting",
    "guiding",
    "similar",
    "same",
    "'s",
];

/// Words that never name a measure: verbs of saying and expecting, amounts, degrees.
const NOT_A_NAME: &[&str] = &[
    // "This represents year-on-year growth of 9% to 11%": verbs of equating name nothing.
    "represents",
    "representing",
    "represent",
    "reflects",
    "reflecting",
    "implies",
    "implying",
    "equates",
    "anticipate",
    "achieve",
    "deliver",
    "drive",
    "assume",
    "assumed",
    "assuming",
    "rising",
    "falling",
    "such",
    "much",
    "many",
    "very",
    "negative",
    "positive",
    "million",
    "billion",
    "thousand",
    "not",
    "no",
    "sustainable",
    "sustained",
    "plan",
    "quarter",
    "opportunity",
    "i",
    "you",
    "they",
    "us",
];

fn meaningful(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    !FILLER.contains(&l.as_str())
        && !NOT_A_NAME.contains(&l.as_str())
        // "certainly", "quarter's", "we're": adverbs and contractions name nothing.
        && (l.len() <= 4 || !l.ends_with("ly"))
        && !w.contains(['\'', '’', '/'])
        && w.chars().any(|c| c.is_ascii_alphabetic())
        && !w.chars().any(|c| c.is_ascii_digit())
}

/// The last run of up to three meaningful words at the end of `text`.
fn tail_phrase(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    // "accelerated rent expense": the head word itself ends the phrase.
    let heads = [
        "growth", "expense", "expenses", "cost", "costs", "spending", "margin", "margins",
    ];
    let kept: Vec<&str> = words
        .iter()
        .rev()
        .skip_while(|w| heads.contains(&w.to_ascii_lowercase().as_str()))
        .take_while(|w| meaningful(w))
        .take(3)
        .copied()
        .collect();
    (!kept.is_empty()).then(|| kept.into_iter().rev().collect::<Vec<_>>().join(" "))
}

/// The words of `before` (a sentence up to a figure) since its clause began and since the
/// figure before ("organic growth of 6% to 7% and 5% to 8% growth": the second takes no name
/// from the first).
pub(super) fn clause_before(before: &str) -> &str {
    before
        .char_indices()
        .rev()
        .find(|&(i, c)| c == ';' || c == ':' || c.is_ascii_digit() && !in_year(before, i))
        .map_or(before, |(i, _)| &before[i + 1..])
}

/// True when byte `i` of `s` is a digit of a year ("fiscal 2023").
fn in_year(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    let start = (0..=i)
        .rev()
        .take_while(|&k| b[k].is_ascii_digit())
        .last()
        .unwrap_or(i);
    let end = (i..b.len())
        .take_while(|&k| b[k].is_ascii_digit())
        .last()
        .unwrap_or(i)
        + 1;
    end - start == 4 && matches!(&s[start..start + 2], "19" | "20")
}

/// The text with its first letter in capitals.
pub(super) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

/// A name for the measure of the figure at `local` (byte range in sentence `s`) whose metric
/// word was the bare `head` ("growth", "expenses", "costs"), or none.
pub(super) fn name_bare(head: &str, s: &str, local: std::ops::Range<usize>) -> Option<String> {
    static HEAD_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(growth|grow(?:s|ing)?|expenses?|costs?|spending|increase|decline|guidance|outlook|forecast|margins?)\b",
        )
    });
    static GROW_VERB: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(.*?)\s+(?:(?:is|are|will|should|would|to)\s+)?(?:(?:now|also|still|currently)\s+)?(?:expected\s+|forecast(?:ed)?\s+|projected\s+|anticipated\s+|likely\s+|going\s+)?(?:to\s+)?(?:be\s+)?(?:grow|increase|rise|decline|decrease|improve|up|down)\b",
        )
    });
    static IN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\s*(?:of\s+)?(?:growth\s+)?in\s+(?:our\s+|the\s+)?([A-Za-z][\w&'-]*(?:\s+[A-Za-z][\w&'-]*){0,2})",
        )
    });
    let start = local.start.min(s.len());
    let end = local.end.min(s.len());
    // The clause before the figure.
    let before = &s[..start];
    let clause = clause_before(before);
    let suffix = match head {
        "expenses" | "expense" => "expenses",
        "costs" | "cost" => "costs",
        "margin" => "margin",
        _ => "growth",
    };
    // "organic NSR growth of 6%", "SG&A expenses of $40 million": the words before the head.
    if let Some(m) = HEAD_BEFORE.find_iter(clause).last()
        && let Some(name) = tail_phrase(&clause[..m.start()])
    {
        return Some(capitalise(&format!("{name} {suffix}")));
    }
    // "5% growth in our Industrial segment".
    if let Some(c) = IN_AFTER.captures(&s[end..])
        && let Some(name) = tail_phrase(&c[1])
    {
        return Some(capitalise(&format!("{name} {suffix}")));
    }
    // "organic net sales are forecasted to grow 9 to 12%": the subject of the verb.
    if suffix == "growth"
        && let Some(c) = GROW_VERB.captures(clause)
        && let Some(name) = tail_phrase(&c[1])
    {
        return Some(capitalise(&format!("{name} {suffix}")));
    }
    None
}

/// The part of the business a sentence opens with, when it is not the company itself: "For
/// Lakeside Telecom, we expect ...", "In our North American residential insulation business,
/// ...", "For the Specialty segment, ...". Its figures are that part's, and their labels say so.
pub(super) fn segment_topic(s: &str, company: &str) -> Option<String> {
    static TOPIC: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\W*(?:(?:[Aa]nd|[Nn]ow|[Aa]lso|[Ss]o|[Oo]verall|[Ff]inally|[Tt]urning\s+to|[Mm]oving\s+to)(?:\s+|\s*,\s*))*(?:[Ff]or|[Aa]t|[Ii]n|[Ww]ithin|[Aa]cross)\s+(?:the\s+|our\s+)?(?P<name>(?:[\w&.'’-]+\s+){0,5}?[\w&.'’-]+)\s*,",
        )
    });
    // "Our energy materials business is off to a strong start ... with forecasted revenue of
    // approximately $80 million": the part is the sentence's subject.
    static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\W*[Oo]ur\s+(?P<name>(?:[\w&.'’-]+\s+){1,4}?(?:business|segment|division))\s+(?:is|are|was|will|should|expects?|has|had|continues|remains)\b",
        )
    });
    let c = TOPIC.captures(s).or_else(|| SUBJECT.captures(s))?;
    part_name(c.name("name")?.as_str().trim(), company)
}

/// The part of the business a sentence turns to, for the sentences after it in the paragraph:
/// "Turning to the Molding Technologies segment.", "Now turning to our Commercial Heating &
/// Cooling business.", "Moving to Aerospace on slide 7,". A topic that is a measure or a
/// statement ("Turning to SG&A.", "Turning to our outlook.") is none.
pub(super) fn part_opener(s: &str, company: &str) -> Option<String> {
    static OPENER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\W*(?:(?:[Aa]nd|[Ss]o|[Nn]ow|[Nn]ext|[Ff]inally)[,\s]+)?(?:(?:[Tt]urning|[Ss]hifting|[Mm]oving|[Ss]witching)(?:\s+(?:now|on|over|next))?\s+to|[Ll]et(?:'|’)?s\s+(?:now\s+)?(?:turn|move|shift|go)(?:\s+(?:on|over|now))?\s+to|[Nn]ow\s+(?:on\s+)?to)\s+(?:the\s+|our\s+)?(?P<name>(?:[\w&.'’-]+\s+){0,9}?[\w&.'’-]+?)(?:\s+(?:on|in)\s+(?:[Ss]lide|[Pp]age)\s+\d+)?\s*(?:[,:;]|\.?\s*$)",
        )
    });
    // "Let's move to our third quarter outlook for the Residential Building Products
    // segment.": the part the outlook is for.
    static OUTLOOK_FOR: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(?:[\w-]+\s+){0,4}?(?:outlook|guidance|expectations?|results|performance)\s+for\s+(?:the\s+|our\s+)?(?P<name>.+)$",
        )
    });
    let name = OPENER.captures(s)?.name("name")?.as_str().trim();
    let name = OUTLOOK_FOR
        .captures(name)
        .and_then(|c| c.name("name"))
        .map_or(name, |m| m.as_str().trim());
    // "Turning to SG&A.", "Moving to EBITDA,": a measure, not a part.
    part_not_measure(name, company)
}

/// The part of the business a sentence gives guidance for: "our all-in top line guidance for
/// FoodTech is 14% to 16%", "the margin guidance range for FoodTech with projected operating
/// margins of ...". Its figures are that part's.
pub(super) fn guidance_for_part(s: &str, company: &str) -> Option<String> {
    static FOR: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\b(?:[Gg]uidance|[Oo]utlook|[Ee]xpectations?|[Ff]orecast|[Pp]rojections?)\s+(?:range\s+)?for\s+(?:the\s+|our\s+)?(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){0,3})",
        )
    });
    part_not_measure(FOR.captures(s)?.name("name")?.as_str().trim(), company)
}

/// [`part_name`], for a name that is not a measure.
fn part_not_measure(name: &str, company: &str) -> Option<String> {
    if !super::metric::all_phrases(name).is_empty() {
        return None;
    }
    part_name(name, company)
}

/// The part of the business named right after a figure of a list: "$275 million in leasing and
/// management services," gives "Leasing and management services". Not a period, a measure or
/// an effect ("$30 million in savings", "in 2022", "in the quarter").
pub(super) fn part_after(after: &str) -> Option<String> {
    static IN_PART: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\s*(?:million|billion)?\s*in\s+(?:our\s+|the\s+)?(?P<name>[a-z][a-z&-]*(?:\s+(?:and|&)\s+[a-z][a-z&-]*|\s+[a-z][a-z&-]*){0,3})\s*(?:,|;|\.|$|\s+and\b)",
        )
    });
    static NOT_PART: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:years?|quarters?|half|months?|periods?|fiscal|today|total|aggregate|cash|stock|shares?|dividends?|buybacks?|repurchases?|savings?|synerg\w*|costs?|expenses?|revenues?|sales|income|earnings|capex|capital|spend(?:ing)?|investments?|headwinds?|tailwinds?|benefits?|impacts?|proceeds|interest|taxes|range|line|addition|excess|total|aggregate|each|all|both|respectively)\b",
        )
    });
    let name = IN_PART.captures(after)?.name("name")?.as_str().trim();
    if NOT_PART.is_match(name) {
        return None;
    }
    Some(capitalise(name))
}

/// `label` led by the part it belongs to ("Vans: Growth"), unless it names the part already.
pub(super) fn with_part(part: &str, label: &str) -> String {
    if label
        .to_ascii_lowercase()
        .contains(&part.to_ascii_lowercase())
        || names_part_already(part, label)
    {
        label.to_string()
    } else {
        format!("{part}: {label}")
    }
}

/// Whether `label` names `part` by one of its words, or names a part of its own: "Structural
/// Heart sales" is the "Surgical Structural Heart" part's own, and "Critical Care sales" after
/// it is Critical Care's. A word written with a capital inside the label ("Care", not an
/// acronym like "EBITDA") is a name; the label's first word counts only when it leads the part
/// too.
fn names_part_already(part: &str, label: &str) -> bool {
    let part_words: Vec<String> = part
        .split_whitespace()
        .filter(|w| w.len() >= 3)
        .map(str::to_ascii_lowercase)
        .collect();
    let lead = part.split_whitespace().next().map(str::to_ascii_lowercase);
    label.split_whitespace().enumerate().any(|(i, w)| {
        let lower = w.to_ascii_lowercase();
        if i == 0 {
            lead.as_deref() == Some(lower.as_str())
        } else {
            w.starts_with(|c: char| c.is_ascii_uppercase())
                && (part_words.contains(&lower) || w.chars().any(|c| c.is_ascii_lowercase()))
        }
    })
}

/// The part of the business named by "at" right after a figure: "year-over-year growth of 19%
/// to 20% at FoodTech", "3% to 4% or so year over year at RMD". A capitalised name that is not
/// the company, a period or a place ([`part_name`]).
pub(super) fn part_at_after(after: &str, company: &str) -> Option<String> {
    static AT_PART: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\s*(?:or\s+so\s+)?(?:(?:year[\s-]over[\s-]year|year[\s-]on[\s-]year|sequentially|organically|respectively)\s+)?at\s+(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s*(?:,|;|\.|$|\s+(?:and|which|with|for|in|this|next)\b)",
        )
    });
    let name = AT_PART.captures(after)?.name("name")?.as_str().trim();
    part_name(name, company)
}

/// Parts of the business a sentence names as the subject of its figures, with where each
/// name ends: a measure "for" a part ("Revenue growth for VITAS, prior to Medicare Cap, is
/// estimated ...", "2021 revenue for the Electrical Transmission segment") and a part expected
/// "to have" its figures ("We expect Avista Utilities to have capital expenditures of ...").
/// Each figure takes the last part named before it; a part listed with its figure ("...,
/// Automation Solutions at 0% to 1%") holds only up to the end of its item (the third field).
pub(super) fn parts_named_in(s: &str, company: &str) -> Vec<(usize, String, bool)> {
    static MEASURE_FOR: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i:\b(?:revenues?|sales|growth|margins?|ebitda|income|earnings|profit|capex|capital\s+expenditures|capital\s+spending|expenses?|volumes?|bookings|backlog))\s+for\s+(?:the\s+|our\s+)?(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){0,3}(?:\s+(?:segment|business|division|unit))?)",
        )
    });
    static EXPECT_PART_TO: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?:(?i:\b(?:expect|expects|anticipate|anticipates|forecast|project|see))\s+(?:the\s+|our\s+)?|\bwith\s+)(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){0,3}(?:\s+(?:segment|business|division|unit))?)\s+(?:to\s+(?i:have|deliver|generate|grow|achieve|contribute|produce|earn|spend|invest|become|be|post|report|see|reach)|contributing|generating|delivering)\b",
        )
    });
    // "Roto-Rooter is forecasted to achieve ...", "Roto-Rooter's adjusted EBITDA margin for
    // 2020 is estimated ...": the sentence's subject.
    static SUBJECT_PART: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\W*(?:(?i:and|so|also|now)\s+)?(?:[Tt]he\s+|[Oo]ur\s+)?(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z&][\w&.-]*){0,3}(?:\s+(?:segment|business|division|unit))?)(?:\s+(?:is|are)\s+(?:now\s+|also\s+|currently\s+)?(?:forecasted|forecast|expected|projected|anticipated|estimated|on\s+track|planned|guided|targeted)\s+to\b|['’]s\s+(?:[\w-]+\s+){0,3}?(?i:revenues?|sales|growth|margins?|ebitda|income|earnings|profit|capex|capital\s+expenditures|expenses?|volumes?|bookings|backlog)\b)",
        )
    });
    // "we continue to expect Collins full year sales to be ...", "we are increasing Pratt's
    // full-year operating profit outlook": a part named as what owns the measure, after a verb
    // of expecting or revising, with the period's words between.
    static PART_OWNS_MEASURE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i:\b(?:expects?|expected|anticipates?|forecasts?|projects?|sees?|raising|raised?|increasing|increased?|lowering|lowered?|narrowing|narrowed|reaffirming|reaffirmed?|reiterating|reiterated?|maintaining|maintained?|updating|updated?))\s+(?:the\s+|our\s+)?(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z&][\w&.-]*){0,3})(?:['’]s?)?\s+(?:(?i:full[\s-]year|fiscal(?:\s+year)?|annual|quarterly|(?:first|second|third|fourth)[\s-]quarter|20\d\d|fy\s?\d\d|q[1-4])\s+)*(?:[\w-]+\s+){0,2}?(?i:revenues?|sales|growth|margins?|ebitda|income|earnings|profit|capex|capital\s+expenditures|expenses?|volumes?|bookings|backlog|orders)\b",
        )
    });
    // "..., Commercial Residential above their range in May at 15% to 16% and Automation
    // Solutions closer to the top of that range at 0% to 1%", "Banking in the upper single
    // digits and Capital Markets in the mid-single digits": parts listed, each before its
    // figure.
    static LISTED_PART: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?:[,;:]|\band\b)\s+(?:the\s+|our\s+)?(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){0,3})\s+(?:(?:[a-z][\w'’-]*|May)\s+){0,8}?(?:at|in\s+the|of|around|about|approximately|up|down)\s+(?:\$?\d|(?i:low|mid|high|flat)\b)",
        )
    });
    // The patterns' places in the list below.
    const MEASURE_FOR_PART: usize = 0;
    const SUBJECT: usize = 2;
    const OWNS_MEASURE: usize = 3;
    const LISTED: usize = 4;
    let mut out: Vec<(usize, String, bool)> = [
        &*MEASURE_FOR,
        &*EXPECT_PART_TO,
        &*SUBJECT_PART,
        &*PART_OWNS_MEASURE,
        &*LISTED_PART,
    ]
    .iter()
    .enumerate()
    .flat_map(|(k, r)| r.captures_iter(s).map(move |c| (k, c)))
    .filter_map(|(k, c)| {
        let whole = c.get(0)?;
        // "+11% to +13% total sales growth for the Automotive segment": a figure before
        // the measure is the part's, and the figures after may be another part's.
        if k == MEASURE_FOR_PART && s[..whole.start()].contains(['%', '$']) {
            return None;
        }
        let m = c.name("name")?;
        let name = m.as_str().trim();
        // "expect Adjusted EBITDA margin", "Collins Organic sales": words of the measure
        // written in capitals are not the part's.
        let name = if k == OWNS_MEASURE {
            let mut end = 0;
            for w in name.split_whitespace() {
                if MEASURE_MODIFIERS.contains(&w.to_ascii_lowercase().as_str()) {
                    break;
                }
                end = name[end..].find(w).map_or(end, |i| end + i + w.len());
            }
            &name[..end]
        } else {
            name
        };
        // "Manufacturing's reported revenue growth": the part, not its possessive.
        let name = name
            .strip_suffix("'s")
            .or_else(|| name.strip_suffix("’s"))
            .unwrap_or(name);
        if name.is_empty() {
            return None;
        }
        // A part listed after a figure of the list before it ("... 5% to 6%, Commercial
        // Residential at 15% to 16%"), not after words with no figure ("growth in our
        // Virginia and South Carolina service territories to ... 1%").
        if k == LISTED && !(whole.as_str().starts_with(':') || list_before(&s[..whole.start()])) {
            return None;
        }
        // A sentence's first word is capitalised whatever it is ("Price is expected to",
        // "Let's"): one word leads a part only when it is written as a name ("Roto-Rooter",
        // "VITAS", "AeroTech").
        if k == SUBJECT {
            let one_word = !name.contains(' ');
            let written_as_name =
                name.contains('-') || name.chars().skip(1).any(|ch| ch.is_ascii_uppercase());
            if one_word && !written_as_name || name.contains("GDP") {
                return None;
            }
        }
        Some((
            m.start() + name.len(),
            part_not_measure(name, company)?,
            k == LISTED,
        ))
    })
    .collect();
    out.sort();
    out
}

/// Whether the text before a list's separator ends an item with a figure: a digit or a band
/// in words ("in the upper single digits", "the low teens", "flat").
fn list_before(before: &str) -> bool {
    static FIGURE_WORDS: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(?:digits?|teens|twenties|flat)\b"));
    // "...; and North Atlantic at": the item before the separator and its "and".
    let before = before.trim_end().trim_end_matches([',', ';']);
    let item = &before[before.rfind([',', ';']).map_or(0, |i| i + 1)..];
    item.bytes().any(|b| b.is_ascii_digit()) || FIGURE_WORDS.is_match(item)
}

/// Words that qualify a measure ("Adjusted EBITDA", "Organic Sales"), never a part's name.
const MEASURE_MODIFIERS: &[&str] = &[
    "adjusted",
    "organic",
    "core",
    "total",
    "net",
    "gross",
    "operating",
    "reported",
    "comparable",
    "comp",
    "diluted",
    "free",
    "gaap",
    "non-gaap",
    "consolidated",
    "segment",
    "underlying",
    "constant",
    "fx",
    "currency",
];

/// Whether `between` (from a part's name to a figure) opens a clause with another subject:
/// "We expect A&D to grow sales 10% to 12%, USG to grow 28% to 32%", "revenue growth for
/// Banking in the upper single digits and Capital Markets in the mid-single digits".
pub(super) fn another_subject(between: &str) -> bool {
    static NEW_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?:,|\band\b)\s+(?:the\s+|our\s+)?(?:(?P<who>[\w&.'’-]+)(?:\s+[\w&.'’-]+)?\s+to\s+(?i:have|deliver|generate|grow|achieve|contribute|produce|earn|be|reach)\b|[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){0,2}\s+(?:in\s+the|at|of|to\s+be)\b)",
        )
    });
    // "..., is estimated to be": a verb, not a new subject.
    const VERBS: &[&str] = &[
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "should",
        "could",
        "may",
        "expected",
        "estimated",
        "projected",
        "anticipated",
        "forecasted",
        "forecast",
        "likely",
        "going",
        "continue",
        "continues",
        "need",
        "needs",
        "plan",
        "plans",
        "we",
        "it",
        "which",
    ];
    NEW_SUBJECT.captures_iter(between).any(|c| {
        c.name("who")
            .is_none_or(|w| !VERBS.contains(&w.as_str().to_ascii_lowercase().as_str()))
    })
}

/// A name that is a part of the business: capitalised ("Lakeside Telecom", "U.S. domestic")
/// or ending in "segment", "business", "division"; not a period, a figure, a turn of phrase or
/// the company itself.
fn part_name(name: &str, company: &str) -> Option<String> {
    const PART: &[&str] = &[
        "segment",
        "segments",
        "business",
        "businesses",
        "division",
        "unit",
        "operations",
        "end-market",
        "end-markets",
    ];
    // "our food and beverage end market": one part of what the company sells into.
    let joined = name.replace(" end market", " end-market");
    let name = joined.as_str();
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.last()?.to_ascii_lowercase();
    let capital = |w: &&str| w.chars().next().is_some_and(|ch| ch.is_ascii_uppercase());
    // "For Lakeside Telecom,", or a short name led by a capital ("For U.S. domestic,").
    let capitalised =
        words.iter().all(capital) || words.len() <= 3 && words.first().is_some_and(capital);
    // A period, a figure or a turn of phrase is no part of the business ("For the fourth
    // quarter,", "For 2024,", "In addition,", "At the midpoint,").
    // "Within the segment,": one named before, not named here.
    if words.len() == 1 && PART.contains(&last.as_str())
        || name.bytes().any(|b| b.is_ascii_digit())
        || super::period::find_period(name, super::CallPeriod::default()).is_some()
        || !(capitalised || PART.contains(&last.as_str()))
    {
        return None;
    }
    static NOT_PARTS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(?:q[1-4]|h[12]|fy|fiscal|january|february|march|april|may|june|july|august|september|october|november|december|summary|total|aggregate|addition|general|particular|short|closing|conclusion|summary|sum|turn|turning|terms|light|fact|contrast|comparison|practice|other\s+words|guidance|outlook|gaap|non-gaap|the\s+meantime|the\s+interim|the\s+end|this\s+regard|investor\s+day|analyst\s+day|slide|page|today|tomorrow|looking|order|response|aggregate|all|each|both)\b",
        )
    });
    let lower = name.to_ascii_lowercase();
    // "At the RTX level,", "On a consolidated basis,": the whole company.
    if [
        "level",
        "basis",
        "total",
        "company",
        "consolidated",
        "enterprise",
    ]
    .contains(&last.as_str())
    {
        return None;
    }
    let company = company.trim().to_ascii_lowercase();
    let first_of_company = company.split_whitespace().next().unwrap_or("");
    if NOT_PARTS.is_match(name)
        || !first_of_company.is_empty() && lower.contains(first_of_company)
        || lower == "company"
        || lower.starts_with("company ")
    {
        return None;
    }
    let mut chars = name.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str, fig: &str) -> Option<String> {
        let i = s.find(fig).unwrap();
        let head = if s.contains("expenses") {
            "expenses"
        } else {
            "growth"
        };
        name_bare(head, s, i..i + fig.len())
    }

    #[test]
    fn bare_growth_is_named_from_the_sentence() {
        assert_eq!(
            name("we expect organic NSR growth of 6% for the year.", "6%").as_deref(),
            Some("Organic NSR growth")
        );
        assert_eq!(
            name(
                "organic net sales are forecasted to grow 9 to 12%.",
                "9 to 12%"
            )
            .as_deref(),
            Some("Organic net sales growth")
        );
        assert_eq!(
            name(
                "We expect 5% to 7% growth in our Industrial segment.",
                "5% to 7%"
            )
            .as_deref(),
            Some("Industrial segment growth")
        );
        assert_eq!(
            name("We expect customer growth between 1% and 2%.", "1% and 2%").as_deref(),
            Some("Customer growth")
        );
        assert_eq!(
            name(
                "we expect to recognize that $59 million in accelerated rent expenses over time",
                "$59 million"
            )
            .as_deref(),
            Some("Accelerated rent expenses")
        );
    }

    #[test]
    fn nothing_to_name_is_none() {
        assert_eq!(name("We expect 5% to 7% growth.", "5% to 7%"), None);
        assert_eq!(
            name("We expect strong double digit growth of 20%.", "20%"),
            None
        );
    }
}
