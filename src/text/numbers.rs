//! Reading quantities out of English and Chinese text, in comparable base units.
//!
//! English: `$1.163 billion`, `$0.11`, `2.9%`, `50 basis points`, `Q3`, `third quarter`,
//! `FY '25`, `fiscal 2025`, `1,100 customers`, `1.2 million accounts`, `two`, `one-third`.
//! Chinese (as Google renders them): `11.63億美元`, `4.38 億至 4.43 億美元`, `1300 萬美元`,
//! `百萬美元`, `2.9%`, `50 個基點`, `第三季`, `25 財年`, `120 萬個帳戶`, `兩年`, `三分之一`.
//! A range's ends share the unit written once at its end ("129 至 1.31 美元": both USD).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// US dollars (per-share amounts too).
    Usd,
    /// Percent, or percentage points.
    Percent,
    /// Basis points.
    Bps,
    /// A quarter number, 1 to 4.
    Quarter,
    /// A calendar or fiscal year.
    Year,
    /// A month of the year, 1 to 12.
    Month,
    /// A day of the month.
    Day,
    /// A plain count or amount without a currency.
    Count,
}

/// A quantity found in text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// The value in base units (USD, not millions).
    pub value: f64,
    /// What it measures.
    pub unit: Unit,
    /// Where it is, as a byte range of the text.
    #[serde(skip)]
    pub span: Range<usize>,
    /// The text as written.
    pub text: String,
    /// Written as a word ("two", "兩年"): translations render these loosely, so a word
    /// that finds no partner is not reported.
    pub word: bool,
    /// A percentage written as percentage points ("2 percentage points", "2 個百分點"), not
    /// percent: the unit is [`Unit::Percent`] either way, and a translation that swaps one
    /// for the other changed the figure.
    #[serde(skip)]
    pub points: bool,
}

impl Quantity {
    fn new(value: f64, unit: Unit, span: Range<usize>, text: &str) -> Self {
        // The span covers the figure exactly, not the spaces a pattern took around it.
        let lead = text.len() - text.trim_start().len();
        let trail = text.len() - text.trim_end().len();
        let start = (span.start + lead).min(span.end);
        let span = start..span.end.saturating_sub(trail).max(start);
        Quantity {
            value,
            unit,
            span,
            text: text.trim().to_string(),
            word: false,
            points: false,
        }
    }

    /// True when two values are the same number (to rounding of the last printed digit).
    pub fn same_value(&self, other: &Quantity) -> bool {
        let (a, b) = (self.value, other.value);
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }
}

/// A built-in pattern. Word boundaries are ASCII ones: Unicode `\b` keeps the regex crate's
/// fast DFA off any text with a non-ASCII character (every Chinese line, and English with
/// curly quotes), which made reading figures several times slower; a figure's boundary is
/// always an ASCII one.
fn re(pattern: &str) -> Regex {
    let pattern = pattern.replace(r"\b", r"(?-u:\b)");
    Regex::new(&pattern).unwrap_or_else(|e| panic!("bad built-in pattern {pattern}: {e}"))
}

fn parse_number(s: &str) -> Option<f64> {
    s.replace(',', "").parse().ok()
}

fn en_scale(word: &str) -> f64 {
    match word.to_ascii_lowercase().as_str() {
        "trillion" | "t" => 1e12,
        "billion" | "bn" | "b" => 1e9,
        "million" | "mm" | "m" | "mn" => 1e6,
        "thousand" | "k" => 1e3,
        _ => 1.0,
    }
}

static EN_QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:Q([1-4])|([1-4])Q|(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter|(?:fiscal\s+)?quarter\s+([1-4]))(?:\s?[’']?(\d{2})\b)?",
    )
});
static EN_FISCAL_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:FY\s?[’']?|fiscal\s+(?:years?\s+)?[’']?|(?:through|to|and)\s+[’'])(\d{4}|\d{2})\b",
    )
});
static EN_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?:\s+(\d{1,2})(?:st|nd|rd|th)?\b)?",
    )
});
static EN_MULTIPLE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d+(?:\.\d+)?)x\b"));
static EN_SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|[\s(])[’'](\d{2})\b"));
static EN_DECADE: LazyLock<Regex> = LazyLock::new(|| re(r"\b([1-9]0)[’']?s\b"));
static EN_MILLION_DOLLAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(million|billion)[\s-]dollars?\b"));
static EN_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?ix)
        (?P<cur>(?:US)?\$)?
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
        (?:\s?(?P<scale>trillion|billion|million|thousand|bn|mm|mn|[BMKT])\b)?
        (?:-ish)?
        (?:\s?(?P<unit>%|percent(?:age\s+points?)?\b|basis\s+points?|bps\b|bp\b|points?\b|cents?\b))?
    ")
});
static EN_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(one[\s-]third|two[\s-]thirds|one[\s-]quarter|three[\s-]quarters|one[\s-]half|half|zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|twenty|thirty|hundred)\b",
    )
});
static EN_RANGE_JOIN: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*(?:to|tp|and|-|–|through)(?:\s+(?:and|to))?\s*$"));

fn en_word_value(w: &str) -> Option<f64> {
    let w = w.to_ascii_lowercase().replace('-', " ");
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match w.as_str() {
        "one third" => 1.0 / 3.0,
        "two thirds" => 2.0 / 3.0,
        "one quarter" => 0.25,
        "three quarters" => 0.75,
        "one half" | "half" => 0.5,
        "zero" => 0.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" | "a dozen" => 12.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "hundred" => 100.0,
        _ => return None,
    })
}

fn quarter_word(w: &str) -> Option<f64> {
    Some(match w.to_ascii_lowercase().as_str() {
        "first" | "1st" | "一" => 1.0,
        "second" | "2nd" | "二" => 2.0,
        "third" | "3rd" | "三" => 3.0,
        "fourth" | "4th" | "四" => 4.0,
        _ => return None,
    })
}

fn full_year(digits: &str) -> Option<f64> {
    let n: f64 = digits.parse().ok()?;
    Some(if digits.len() == 2 { 2000.0 + n } else { n })
}

/// Marks byte ranges as taken so a later pattern does not read the same digits again.
struct Taken(Vec<Range<usize>>);

impl Taken {
    fn overlaps(&self, r: &Range<usize>) -> bool {
        self.0.iter().any(|t| t.start < r.end && r.start < t.end)
    }
}

/// The quantities in English text, in order of appearance.
///
/// The passes run in a fixed order, each marking what it read as [`Taken`] so that a later
/// one does not read the same digits again: quarters, fiscal years, months, multiples,
/// apostrophe years, decades, "million dollars", then plain numbers (with a range's first end
/// completed from its second), and last the number words.
pub fn english(text: &str) -> Vec<Quantity> {
    // "$878 [Phonetic] million", "$4.20 [ph] to $4.325 billion": a transcriber's note on a
    // word is read around, and the spans point back into the text as written.
    if let Some((clean, cuts)) = without_notes(text) {
        let mut out = english_plain(&clean);
        for q in &mut out {
            q.span = back(&cuts, q.span.start, true)..back(&cuts, q.span.end, false);
        }
        return out;
    }
    english_plain(text)
}

/// Transcribers' notes on a word just heard ("[Phonetic]", "[ph]", "[sic]"), with the space
/// before them.
static EN_NOTE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\s*\[(?:phon?\w*|ph|sic)\]"));

/// The text without transcribers' notes, and where each cut was: its position in the clean
/// text and the bytes removed there. `None` when there is no note.
fn without_notes(text: &str) -> Option<(String, Vec<(usize, usize)>)> {
    if memchr::memchr(b'[', text.as_bytes()).is_none() || !EN_NOTE.is_match(text) {
        return None;
    }
    let mut clean = String::with_capacity(text.len());
    let mut cuts = Vec::new();
    let mut last = 0;
    for m in EN_NOTE.find_iter(text) {
        clean.push_str(&text[last..m.start()]);
        cuts.push((clean.len(), m.len()));
        last = m.end();
    }
    clean.push_str(&text[last..]);
    Some((clean, cuts))
}

/// A position in the clean text mapped back to the text as written. A start at a cut lies
/// after the note; an end at a cut lies before it.
fn back(cuts: &[(usize, usize)], pos: usize, start: bool) -> usize {
    pos + cuts
        .iter()
        .take_while(|(at, _)| if start { *at <= pos } else { *at < pos })
        .map(|(_, len)| len)
        .sum::<usize>()
}

/// [`english`] on text without transcribers' notes.
fn english_plain(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    // Passes whose patterns need a character the text lacks are skipped (most paragraphs
    // have no quarter, no apostrophe year, no "dollars").
    let b = text.as_bytes();
    let has = |c: u8| memchr::memchr(c, b).is_some();
    let digits = b.iter().any(u8::is_ascii_digit);
    let quarter = has(b'Q') || has(b'q');
    let apostrophe = has(b'\'') || text.contains('’');
    let dollars = memchr::memmem::find(b, b"ollar").is_some();
    let mut taken = Taken(Vec::new());
    if quarter {
        en_quarters(text, &mut out, &mut taken);
    }
    if digits {
        en_fiscal_years(text, &mut out, &mut taken);
    }
    en_months(text, &mut out, &mut taken);
    if digits {
        en_multiples(text, &mut out, &mut taken);
    }
    if apostrophe && digits {
        en_short_years(text, &mut out, &mut taken);
    }
    if digits {
        en_decades(text, &mut out, &mut taken);
    }
    if dollars {
        en_million_dollars(text, &mut out, &mut taken);
    }
    if memchr::memmem::find(b, b" and a").is_some() || memchr::memmem::find(b, b"-and-a").is_some()
    {
        en_and_a_fraction(text, &mut out, &mut taken);
    }
    if digits && memchr::memmem::find(b, b"plus").is_some() {
        en_plus_percent(text, &mut out, &mut taken);
    }
    let mut numbers = if digits {
        en_numbers(text, &mut taken)
    } else {
        Vec::new()
    };
    en_join_ranges(text, &mut numbers);
    out.extend(numbers.into_iter().map(|(q, _)| q));
    en_words(text, &mut out, &taken);
    out.sort_by_key(|q| q.span.start);
    out
}

/// Quarters ("Q3", "3Q", "third quarter", "quarter 3"), with the year written after one
/// ("Q2 '24", "2Q24") as a year of its own.
fn en_quarters(text: &str, out: &mut Vec<Quantity>, taken: &mut Taken) {
    for c in EN_QUARTER.captures_iter(text) {
        let mut m = c.get(0).map_or(0..0, |m| m.range());
        // "In the second quarter 59% of openings": the digits are a figure, not the year.
        let year = c.get(5).filter(|y| !figure_at(text, y.end()));
        if let Some(y) = c.get(5).filter(|_| year.is_none()) {
            m.end = text[..y.start()].trim_end().len();
        }
        let digit = c
            .get(1)
            .or(c.get(2))
            .or(c.get(4))
            .and_then(|d| d.as_str().parse().ok());
        let value = digit.or_else(|| c.get(3).and_then(|w| quarter_word(w.as_str())));
        if let Some(v) = value {
            out.push(Quantity::new(v, Unit::Quarter, m.clone(), &text[m.clone()]));
            // "Q2 '24", "2Q24": the quarter of a year.
            if let Some(y) = year.and_then(|y| full_year(y.as_str())) {
                out.push(Quantity::new(y, Unit::Year, m.clone(), &text[m.clone()]));
            }
            taken.0.push(m);
        }
    }
}

/// Fiscal years ("FY '25", "fiscal 2025", "through '26").
fn en_fiscal_years(text: &str, out: &mut Vec<Quantity>, taken: &mut Taken) {
    for c in EN_FISCAL_YEAR.captures_iter(text) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        if let Some(v) = c.get(1).and_then(|d| full_year(d.as_str())) {
            out.push(Quantity::new(v, Unit::Year, m.clone(), &text[m.clone()]));
            taken.0.push(m);
        }
    }
}

/// Months, with the day after one ("March 15") as a day of its own.
fn en_months(text: &str, out: &mut Vec<Quantity>, taken: &mut Taken) {
    for c in EN_MONTH.captures_iter(text) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        let name = c[1].to_ascii_lowercase();
        let months = [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ];
        if let Some(i) = months.iter().position(|p| name.starts_with(p)) {
            // "May" opens questions ("May I ask"): not a month at the start of a sentence.
            let before = text[..m.start].trim_end();
            if name == "may" && (before.is_empty() || before.ends_with(['.', '?', '!'])) {
                continue;
            }
            out.push(Quantity::new(
                (i + 1) as f64,
                Unit::Month,
                m.clone(),
                &text[m.clone()],
            ));
            if let Some(d) = c.get(2).and_then(|d| d.as_str().parse().ok()) {
                out.push(Quantity::new(d, Unit::Day, m.clone(), &text[m.clone()]));
            }
            taken.0.push(m);
        }
    }
}

/// Multiples ("2x"), as counts.
fn en_multiples(text: &str, out: &mut Vec<Quantity>, taken: &mut Taken) {
    for c in EN_MULTIPLE.captures_iter(text) {
        // "2x the industry average" / "2 倍" (but not the name 8x8).
        let m = c.get(0).map_or(0..0, |m| m.range());
        if !taken.overlaps(&m) && !text[m.end..].starts_with(|c: char| c.is_ascii_digit()) {
            out.push(Quantity::new(
                c[1].parse().unwrap_or(0.0),
                Unit::Count,
                m.clone(),
                &text[m.clone()],
            ));
            taken.0.push(m);
        }
    }
}

/// Years written with an apostrophe alone ("'21").
fn en_short_years(text: &str, out: &mut Vec<Quantity>, taken: &mut Taken) {
    for c in EN_SHORT_YEAR.captures_iter(text) {
        // "since Q4 of '21".
        let Some(m) = c.get(1).map(|m| (m.start() - 1)..m.end()) else {
            continue;
        };
        if !taken.overlaps(&m)
            && let Some(y) = full_year(&c[1])
        {
            out.push(Quantity::new(y, Unit::Year, m.clone(), &text[m.clone()]));
            taken.0.push(m);
        }
    }
}

/// Decades ("the 80s"), as the count the translation writes.
fn en_decades(text: &str, out: &mut Vec<Quantity>, taken: &mut Taken) {
    for c in EN_DECADE.captures_iter(text) {
        // "mid-80s": the number 80, as the translation writes it.
        let m = c.get(0).map_or(0..0, |m| m.range());
        if !taken.overlaps(&m) {
            out.push(Quantity::new(
                c[1].parse().unwrap_or(0.0),
                Unit::Count,
                m.clone(),
                &text[m.clone()],
            ));
            taken.0.push(m);
        }
    }
}

/// "10 and a half percent", "two and a half times", "$1 and a quarter billion": a whole
/// number and a fraction, said rather than written as a decimal.
static EN_AND_A_FRACTION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?ix)
        \$?
        \b(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)
        [\s-]+and[\s-]+(?:a[\s-]+)?(?P<frac>half|quarter|three[\s-]quarters)
        (?:\s+(?P<scale>trillion|billion|million|thousand))?
        (?:\s+(?P<unit>percent(?:age\s+points?)?|points?|basis\s+points?|times)\b)?
    ")
});

/// "20-plus percent", "80 plus percent": a percentage given as a floor.
static EN_PLUS_PERCENT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(\d{1,3}(?:\.\d+)?)[\s-]plus\s*(%|percent(?:age\s+points?)?\b)"));

/// Percentages with "plus" between the number and the percent sign ([`EN_PLUS_PERCENT`]): the
/// figure's text keeps the "plus", which makes it a floor where it is a guide.
fn en_plus_percent(text: &str, out: &mut Vec<Quantity>, taken: &mut Taken) {
    for c in EN_PLUS_PERCENT.captures_iter(text) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        if taken.overlaps(&m) || text[..m.start].ends_with(['.', ',']) {
            continue;
        }
        let Ok(value) = c[1].parse::<f64>() else {
            continue;
        };
        let mut q = Quantity::new(value, Unit::Percent, m.clone(), &text[m.clone()]);
        q.points = c[2].to_ascii_lowercase().starts_with("percentage");
        out.push(q);
        taken.0.push(m);
    }
}

/// True when the text says a whole number and a fraction in words with a unit ("three and a
/// half percent"): a figure without digits.
pub fn says_fraction(text: &str) -> bool {
    EN_AND_A_FRACTION
        .captures_iter(text)
        .any(|c| c.name("unit").is_some() || c.name("scale").is_some())
}

/// Whole numbers with a fraction in words ([`EN_AND_A_FRACTION`]): a percentage, points,
/// basis points, a multiple, or an amount with a scale or a currency; a bare "two and a half"
/// is no figure.
fn en_and_a_fraction(text: &str, out: &mut Vec<Quantity>, taken: &mut Taken) {
    for c in EN_AND_A_FRACTION.captures_iter(text) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        if taken.overlaps(&m) || c.name("unit").is_none() && c.name("scale").is_none() {
            continue;
        }
        let whole = match c["n"].parse::<f64>() {
            Ok(n) => n,
            Err(_) => match c["n"].to_ascii_lowercase().as_str() {
                "one" => 1.0,
                w => en_word_value(w).unwrap_or(0.0),
            },
        };
        let frac = match c["frac"].to_ascii_lowercase().as_str() {
            "half" => 0.5,
            "quarter" => 0.25,
            _ => 0.75,
        };
        let scale = c.name("scale").map_or(1.0, |s| en_scale(s.as_str()));
        let unit_word = c.name("unit").map(|u| u.as_str().to_ascii_lowercase());
        let unit = match unit_word.as_deref() {
            Some(u) if u.starts_with("percent") || u.starts_with("point") => Unit::Percent,
            Some(u) if u.starts_with("basis") => Unit::Bps,
            Some(_) => Unit::Count,
            None => Unit::Usd,
        };
        let mut q = Quantity::new(
            tidy((whole + frac) * scale),
            unit,
            m.clone(),
            &text[m.clone()],
        );
        q.points = unit_word
            .as_deref()
            .is_some_and(|u| u.starts_with("percentage") || u.starts_with("point"));
        out.push(q);
        taken.0.push(m);
    }
}

/// "million dollars" / "billion-dollar" without a number before it: the scale alone, in USD.
fn en_million_dollars(text: &str, out: &mut Vec<Quantity>, taken: &mut Taken) {
    for m in EN_MILLION_DOLLAR.find_iter(text) {
        if !taken.overlaps(&m.range())
            && !text[..m.start()]
                .trim_end()
                .ends_with(|c: char| c.is_ascii_digit())
        {
            out.push(Quantity::new(
                en_scale(m.as_str().split(['-', ' ']).next().unwrap_or("")),
                Unit::Usd,
                m.range(),
                m.as_str(),
            ));
            taken.0.push(m.range());
        }
    }
}

/// The plain numbers (with a currency, a scale and a unit when written) not yet taken, in
/// order, each with whether its scale is written (for [`en_join_ranges`]).
fn en_numbers(text: &str, taken: &mut Taken) -> Vec<(Quantity, bool)> {
    let mut numbers: Vec<(Quantity, bool)> = Vec::new(); // (quantity, scale written)
    for c in EN_NUMBER.captures_iter(text) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        if taken.overlaps(&m) {
            continue;
        }
        // Digits glued to letters ("8x8", "Q2'24", "5G") are names, not quantities.
        let before = text[..m.start].chars().next_back();
        let after = text[m.end..].chars().next();
        if before.is_some_and(|c| c.is_ascii_alphabetic() || c == '\'')
            || after.is_some_and(|c| c.is_ascii_alphabetic())
                && c.name("scale").is_none()
                && c.name("unit").is_none()
        {
            continue;
        }
        // Telephone and conference numbers ("855-859-2056") are no quantities: their last
        // group would read as a year.
        if phone_group(text, m.clone()) {
            continue;
        }
        let Some(mut value) = c.name("num").and_then(|n| parse_number(n.as_str())) else {
            continue;
        };
        let scale = c.name("scale").map(|s| s.as_str());
        value = tidy(value * scale.map_or(1.0, en_scale));
        let unit_word = c.name("unit").map(|u| u.as_str().to_ascii_lowercase());
        let unit = en_number_unit(&c, scale, unit_word.as_deref(), &mut value);
        let mut q = Quantity::new(value, unit, m.clone(), &text[m.clone()]);
        q.points = unit_word
            .as_deref()
            .is_some_and(|u| u.starts_with("percentage") || u.starts_with("point"));
        numbers.push((q, scale.is_some()));
        taken.0.push(m);
    }
    numbers
}

/// The unit of an [`EN_NUMBER`] match, from its unit word and currency: a figure in cents is
/// turned into dollars (in `value`), and a bare four-digit number from 19xx or 20xx without a
/// scale is a year.
fn en_number_unit(
    c: &regex::Captures,
    scale: Option<&str>,
    unit_word: Option<&str>,
    value: &mut f64,
) -> Unit {
    match (c.name("cur"), unit_word) {
        (_, Some("%")) => Unit::Percent,
        (_, Some(u)) if u.starts_with("percent") || u.starts_with("point") => Unit::Percent,
        (_, Some(u)) if u.starts_with("basis") || u == "bps" || u == "bp" => Unit::Bps,
        (_, Some(u)) if u.starts_with("cent") => {
            *value /= 100.0;
            Unit::Usd
        }
        (Some(_), _) => Unit::Usd,
        (None, _) => {
            let digits = c.name("num").map_or("", |n| n.as_str());
            if scale.is_none()
                && digits.len() == 4
                && (digits.starts_with("19") || digits.starts_with("20"))
            {
                Unit::Year
            } else {
                Unit::Count
            }
        }
    }
}

/// "$1.29 to $1.31 billion": a range's first end takes the second's scale and currency.
fn en_join_ranges(text: &str, numbers: &mut [(Quantity, bool)]) {
    for i in 1..numbers.len() {
        let (prev, rest) = numbers.split_at_mut(i);
        let (a, a_scaled) = &mut prev[i - 1];
        let (b, b_scaled) = &rest[0];
        if !EN_RANGE_JOIN.is_match(&text[a.span.end..b.span.start]) {
            continue;
        }
        if !*a_scaled && *b_scaled && a.value < 1000.0 && a.unit == b.unit {
            let scale = b.value
                / parse_number(
                    b.text
                        .trim_start_matches(['$', 'U', 'S'])
                        .split_whitespace()
                        .next()
                        .unwrap_or("1"),
                )
                .unwrap_or(1.0);
            if scale > 1.0 {
                a.value = tidy(a.value * scale);
                *a_scaled = true;
            }
        }
        if a.unit == Unit::Count && matches!(b.unit, Unit::Usd | Unit::Percent | Unit::Bps) {
            a.unit = b.unit;
            a.points = b.points;
            if b.text.to_ascii_lowercase().ends_with("cents")
                || b.text.to_ascii_lowercase().ends_with("cent")
            {
                a.value /= 100.0;
            }
        }
    }
}

/// Number words ("two", "one-third", "a dozen") not inside anything taken, marked as words.
fn en_words(text: &str, out: &mut Vec<Quantity>, taken: &Taken) {
    for m in EN_WORD.find_iter(text) {
        if taken.overlaps(&m.range()) {
            continue;
        }
        if let Some(v) = en_word_value(m.as_str()) {
            let mut q = Quantity::new(v, Unit::Count, m.range(), m.as_str());
            q.word = true;
            out.push(q);
        }
    }
}

static ZH_QUARTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"第\s?([一二三四1-4])\s?(?:季|財季|財政季)|\bQ([1-4])\b"));
static ZH_FISCAL_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:FY\s?'?)?(\d{4}|\d{2})\s?(?:財年|財政年度|會計年度)|\bFY\s?'?(\d{4}|\d{2})\b")
});
static ZH_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
        (?P<cur>(?:US)?\$)?
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
        \s?(?P<scale>十億|百億|千億|萬億|十萬|百萬|千萬|萬|億|兆|千|billion|million)?
        \s?(?P<unit>美元|美金|美分|%|％|個基點|基點|個百分點|百分點)?
    ")
});
static ZH_YEAR_DIGITS: LazyLock<Regex> =
    LazyLock::new(|| re(r"([一二][零一二三四五六七八九]{3})\s?年"));
static ZH_PERCENT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"百分之\s?(\d+(?:\.\d+)?|[零一二兩三四五六七八九十百]+(?:點[零一二三四五六七八九]+)?)")
});
static ZH_BIG_NUMERAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"([一二兩三四五六七八九十][零一二兩三四五六七八九十百千萬億兆]*[百千萬億兆][零一二兩三四五六七八九十百千萬億兆]*)\s?(美元|美金|美分|%|個百分點|百分點|個基點|基點)?",
    )
});
static ZH_BARE_SCALE: LazyLock<Regex> = LazyLock::new(|| re(r"(十億|百萬|千萬|億)美元"));
static ZH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(\d{1,2})\s?月(?:\s?(\d{1,2})\s?日)?|(\d{1,2})\s?日|(十[一二]|[一二三四五六七八九十])月")
});
static ZH_SHORT_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"(\d{2})\s?年\s?(?:第|[上下]半|度|[一二三四]季|Q)"));
static ZH_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"([一二三四五六七八九十])分之([一二三四五六七八九十])|([一二兩三四五六七八九十]+)\s?(?:年|個|家|倍|次|位|項|名|種|天|週|周|月|季度|層|級|件|款|點|步|份|組|類|筆|張|條|台|輪|代|大|小時|分鐘|方面)",
    )
});
static ZH_RANGE_JOIN: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:至|到|-|–|~|～|和|與)\s*$"));

fn zh_scale(s: &str) -> f64 {
    match s {
        "千" => 1e3,
        "萬" | "万" => 1e4,
        "十萬" => 1e5,
        "百萬" | "million" => 1e6,
        "千萬" => 1e7,
        "億" | "亿" => 1e8,
        "十億" | "billion" => 1e9,
        "百億" => 1e10,
        "千億" => 1e11,
        "兆" | "萬億" => 1e12,
        _ => 1.0,
    }
}

fn zh_numeral(s: &str) -> Option<f64> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .find(c)
            .map(|i| (i / 3) as f64)
            .or(if c == '兩' { Some(2.0) } else { None })
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10.0),
        [c] => digit(*c),
        ['十', d] => Some(10.0 + digit(*d)?),
        [d, '十'] => Some(digit(*d)? * 10.0),
        [d, '十', e] => Some(digit(*d)? * 10.0 + digit(*e)?),
        _ => None,
    }
}

/// Traditional characters the Chinese patterns are written with whose Simplified forms differ:
/// a Simplified (or mixed) translation is read by turning those forms back into these.
const PATTERN_CHARS: &str =
    "億萬個點財會計兩與數幾項種層級組類筆張條輪週時鐘虧損長調漲減淨負盈營獲較額";

/// Simplified → Traditional for [`PATTERN_CHARS`] (one character each way, the same UTF-8
/// length: spans stay byte-exact).
fn to_pattern_script(c: char) -> Option<char> {
    static MAP: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
        let mut buf = [0u8; 4];
        let mut map: Vec<(char, char)> = PATTERN_CHARS
            .chars()
            .filter_map(|t| {
                let s = fast2s::convert(t.encode_utf8(&mut buf)).chars().next()?;
                (s != t).then_some((s, t))
            })
            .collect();
        map.sort_unstable();
        map
    });
    // Most characters are not keys: a bit per CJK code point rejects them without a search.
    static KEYS: LazyLock<Vec<u64>> = LazyLock::new(|| {
        let mut bits = vec![0u64; 0x5200 / 64 + 1];
        for (s, _) in MAP.iter() {
            if let Some(i) = (*s as usize).checked_sub(0x4E00).filter(|i| *i < 0x5200) {
                bits[i / 64] |= 1 << (i % 64);
            }
        }
        bits
    });
    let i = (c as usize).checked_sub(0x4E00).filter(|i| *i < 0x5200)?;
    if KEYS[i / 64] & (1 << (i % 64)) == 0 {
        return None;
    }
    MAP.binary_search_by_key(&c, |(s, _)| *s)
        .ok()
        .map(|i| MAP[i].1)
}

/// Chinese text as the figure patterns read it: Simplified forms of the pattern characters in
/// their Traditional form, full-width digits, letters, `%`, `$` and `.` half-width, `〇` as
/// `零`. Full-width commas and semicolons stay (they separate clauses, not thousands). Returns
/// the text and, when it changed length, each of its byte offsets' offset in the original.
pub fn normalize_chinese(text: &str) -> (std::borrow::Cow<'_, str>, Option<Vec<usize>>) {
    let needs = |c: char| {
        matches!(c, '\u{FF01}'..='\u{FF5E}' | '〇')
            || (c >= '\u{4E00}' && to_pattern_script(c).is_some())
    };
    if text.is_ascii() || !text.chars().any(needs) {
        return (std::borrow::Cow::Borrowed(text), None);
    }
    let mut out = String::with_capacity(text.len());
    let mut back = Vec::with_capacity(text.len() + 1);
    let mut resized = false;
    for (i, c) in text.char_indices() {
        let n = match c {
            '\u{FF0C}' | '\u{FF1B}' | '\u{FF1A}' => c,
            '\u{FF01}'..='\u{FF5E}' => crate::text::fold::half_width(c),
            '〇' => '零',
            _ => to_pattern_script(c).unwrap_or(c),
        };
        resized |= n.len_utf8() != c.len_utf8();
        for _ in 0..n.len_utf8() {
            back.push(i);
        }
        out.push(n);
    }
    back.push(text.len());
    (std::borrow::Cow::Owned(out), resized.then_some(back))
}

/// The quantities in Chinese text, in order of appearance, in any Chinese script: Traditional,
/// Simplified or mixed, full-width or half-width digits (spans and texts are the original's).
pub fn chinese(text: &str) -> Vec<Quantity> {
    let (normal, back) = normalize_chinese(text);
    chinese_of_normalized(text, &normal, back.as_deref())
}

/// [`chinese`] for a text already normalized by [`normalize_chinese`] (`normal`, `back`):
/// spans and texts are the original's.
pub fn chinese_of_normalized(text: &str, normal: &str, back: Option<&[usize]>) -> Vec<Quantity> {
    let mut found = chinese_normalized(normal);
    if normal != text {
        for q in &mut found {
            if let Some(back) = back {
                q.span = back[q.span.start]..back[q.span.end];
            }
            q.text = text[q.span.clone()].to_string();
        }
    }
    found
}

/// A Chinese numeral with its scale characters: 三千五百萬 = 35,000,000, 兩億 = 2e8, 一百二十
/// = 120, 一千零五 = 1,005, 十二 = 12. `None` for anything else.
pub fn zh_numeral_value(s: &str) -> Option<f64> {
    let digit = |c: char| match c {
        '零' => Some(0.0),
        '一' => Some(1.0),
        '二' | '兩' => Some(2.0),
        '三' => Some(3.0),
        '四' => Some(4.0),
        '五' => Some(5.0),
        '六' => Some(6.0),
        '七' => Some(7.0),
        '八' => Some(8.0),
        '九' => Some(9.0),
        _ => None,
    };
    let small = |c: char| match c {
        '十' => Some(10.0),
        '百' => Some(100.0),
        '千' => Some(1000.0),
        _ => None,
    };
    let big = |c: char| match c {
        '萬' => Some(1e4),
        '億' => Some(1e8),
        '兆' => Some(1e12),
        _ => None,
    };
    let (mut total, mut section, mut number) = (0.0f64, 0.0f64, None::<f64>);
    let mut any = false;
    for c in s.chars() {
        any = true;
        if let Some(d) = digit(c) {
            number = Some(d);
        } else if let Some(m) = small(c) {
            section += number.unwrap_or(1.0) * m;
            number = None;
        } else if let Some(m) = big(c) {
            let part = section + number.unwrap_or(0.0);
            if part == 0.0 {
                // 萬億: a bigger scale right after a smaller one multiplies it.
                total = if total == 0.0 { m } else { total * m };
            } else {
                total += part * m;
            }
            section = 0.0;
            number = None;
        } else {
            return None;
        }
    }
    any.then(|| tidy(total + section + number.unwrap_or(0.0)))
}

/// The quantities of normalized Chinese text ([`normalize_chinese`]).
fn chinese_normalized(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    // Passes whose patterns need a character the text lacks are skipped.
    let has = |c: char| text.contains(c);
    let digits = text.bytes().any(|b| b.is_ascii_digit());
    let year = has('年');
    let scale = text.contains(['百', '千', '萬', '億', '兆']);
    let mut taken = Taken(Vec::new());
    zh_dates(text, digits, year, &mut out, &mut taken);
    zh_numerals(text, year, scale, &mut out, &mut taken);
    let mut numbers = zh_numbers(text, digits, &mut taken);
    zh_range_units(text, &mut numbers);
    out.extend(numbers.into_iter().map(|(q, _, _)| q));
    zh_scales_and_words(text, scale, &mut out, &mut taken);
    out.sort_by_key(|q| q.span.start);
    out
}

/// Quarters, fiscal and short years, months and days of Chinese text (the first passes of
/// [`chinese_normalized`]).
fn zh_dates(text: &str, digits: bool, year: bool, out: &mut Vec<Quantity>, taken: &mut Taken) {
    let has = |c: char| text.contains(c);
    for c in (has('季') || has('Q'))
        .then(|| ZH_QUARTER.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let m = c.get(0).map_or(0..0, |m| m.range());
        let v = c
            .get(1)
            .and_then(|d| d.as_str().parse().ok().or_else(|| quarter_word(d.as_str())))
            .or_else(|| c.get(2).and_then(|d| d.as_str().parse().ok()));
        if let Some(v) = v {
            out.push(Quantity::new(v, Unit::Quarter, m.clone(), &text[m.clone()]));
            taken.0.push(m);
        }
    }
    for c in (digits && (has('財') || has('會') || has('F')))
        .then(|| ZH_FISCAL_YEAR.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let m = c.get(0).map_or(0..0, |m| m.range());
        if let Some(v) = c.get(1).or(c.get(2)).and_then(|d| full_year(d.as_str())) {
            out.push(Quantity::new(v, Unit::Year, m.clone(), &text[m.clone()]));
            taken.0.push(m);
        }
    }
    for c in (digits && year)
        .then(|| ZH_SHORT_YEAR.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let m = c.get(1).map_or(0..0, |m| m.range());
        // Not the "22 年" inside "2022 年".
        if text[..m.start].ends_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        if let Some(v) = full_year(&c[1]) {
            out.push(Quantity::new(v, Unit::Year, m.clone(), &text[m.clone()]));
            taken.0.push(m);
        }
    }
    for c in (has('月') || has('日'))
        .then(|| ZH_DATE.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let m = c.get(0).map_or(0..0, |m| m.range());
        if taken.overlaps(&m) || text[..m.start].ends_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        // "12 個月" is a duration, not December; the pattern needs 月 right after the digits.
        let month = c
            .get(1)
            .and_then(|d| d.as_str().parse::<f64>().ok())
            .or_else(|| c.get(4).and_then(|n| zh_numeral(n.as_str())));
        if let Some(v) = month.filter(|v| (1.0..=12.0).contains(v)) {
            out.push(Quantity::new(v, Unit::Month, m.clone(), &text[m.clone()]));
        }
        if let Some(v) = c.get(2).or(c.get(3)).and_then(|d| d.as_str().parse().ok()) {
            out.push(Quantity::new(v, Unit::Day, m.clone(), &text[m.clone()]));
        }
        taken.0.push(m);
    }
}

/// Years written digit by digit, percent in words and numerals with scale characters.
fn zh_numerals(text: &str, year: bool, scale: bool, out: &mut Vec<Quantity>, taken: &mut Taken) {
    let has = |c: char| text.contains(c);
    // 二〇二五年: a year written digit by digit.
    for c in (year)
        .then(|| ZH_YEAR_DIGITS.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let m = c.get(1).map_or(0..0, |m| m.range());
        if taken.overlaps(&m) {
            continue;
        }
        let digits: Option<String> = c[1]
            .chars()
            .map(|d| zh_numeral_value(&d.to_string()).map(|v| char::from(b'0' + v as u8)))
            .collect();
        if let Some(v) = digits.and_then(|d| d.parse::<f64>().ok()) {
            out.push(Quantity::new(v, Unit::Year, m.clone(), &text[m.clone()]));
            taken.0.push(m);
        }
    }
    // 百分之二點五: percent in words.
    for c in (has('之'))
        .then(|| ZH_PERCENT_WORDS.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let m = c.get(0).map_or(0..0, |m| m.range());
        if taken.overlaps(&m) {
            continue;
        }
        let n = &c[1];
        let value = n.parse::<f64>().ok().or_else(|| {
            let (int, frac) = n.split_once('點').unwrap_or((n, ""));
            let mut v = zh_numeral_value(int)?;
            let mut place = 0.1;
            for d in frac.chars() {
                v += zh_numeral_value(&d.to_string())? * place;
                place /= 10.0;
            }
            Some(tidy(v))
        });
        if let Some(v) = value {
            out.push(Quantity::new(v, Unit::Percent, m.clone(), &text[m.clone()]));
            taken.0.push(m);
        }
    }
    // 三千五百萬美元, 兩億: numerals with scale characters.
    for c in (scale)
        .then(|| ZH_BIG_NUMERAL.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let m = c.get(0).map_or(0..0, |m| m.range());
        if taken.overlaps(&m) || text[..m.start].ends_with(['第', '數', '幾']) {
            continue;
        }
        let Some(mut value) = zh_numeral_value(&c[1]) else {
            continue;
        };
        let unit = match c.get(2).map(|u| u.as_str()) {
            Some("%" | "個百分點" | "百分點") => Unit::Percent,
            Some("個基點" | "基點") => Unit::Bps,
            Some("美分") => {
                value /= 100.0;
                Unit::Usd
            }
            Some(_) => Unit::Usd,
            None => Unit::Count,
        };
        let mut q = Quantity::new(value, unit, m.clone(), &text[m.clone()]);
        q.points = c.get(2).is_some_and(|u| u.as_str().ends_with("百分點"));
        // 一百 or 三千 alone may be an idiom; a scale of ten thousand or more, or a unit, is a
        // figure.
        q.word = c.get(2).is_none() && !c[1].contains(['萬', '億', '兆']);
        out.push(q);
        taken.0.push(m);
    }
}

/// A figure in digits of Chinese text, with whether its scale and its unit were written.
type ZhNumber = (Quantity, bool, bool);

/// Figures in digits ("11.63億美元", "2.9%", "2025 年"), in order.
fn zh_numbers(text: &str, digits: bool, taken: &mut Taken) -> Vec<ZhNumber> {
    let mut numbers: Vec<(Quantity, bool, bool)> = Vec::new(); // (quantity, scale written, unit written)
    for c in (digits)
        .then(|| ZH_NUMBER.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let m = c.get(0).map_or(0..0, |m| m.range());
        if taken.overlaps(&m) {
            continue;
        }
        let before = text[..m.start].chars().next_back();
        let after = text[m.end..].chars().next();
        if before.is_some_and(|c| c.is_ascii_alphabetic())
            || (after.is_some_and(|c| c.is_ascii_alphabetic())
                && c.name("unit").is_none()
                && c.name("scale").is_none())
        {
            continue;
        }
        // Telephone and conference numbers ("855-859-2056") are no quantities: their last
        // group would read as a year.
        if phone_group(text, m.clone()) {
            continue;
        }
        let Some(mut value) = c.name("num").and_then(|n| parse_number(n.as_str())) else {
            continue;
        };
        let scale = c.name("scale").map(|s| s.as_str());
        value = tidy(value * scale.map_or(1.0, zh_scale));
        let unit = match (c.name("cur"), c.name("unit").map(|u| u.as_str())) {
            (_, Some("%" | "％" | "個百分點" | "百分點")) => Unit::Percent,
            (_, Some("個基點" | "基點")) => Unit::Bps,
            (_, Some("美分")) => {
                value /= 100.0;
                Unit::Usd
            }
            (_, Some(_)) | (Some(_), None) => Unit::Usd,
            (None, None) => {
                let digits = c.name("num").map_or("", |n| n.as_str());
                let year_follows = text[m.end..].trim_start().starts_with('年');
                if scale.is_none()
                    && digits.len() == 4
                    && (digits.starts_with("19") || digits.starts_with("20"))
                    && (year_follows || !digits.contains(','))
                {
                    Unit::Year
                } else {
                    Unit::Count
                }
            }
        };
        let unit_written = c.name("unit").is_some() || c.name("cur").is_some();
        let mut q = Quantity::new(value, unit, m.clone(), &text[m.clone()]);
        q.points = c
            .name("unit")
            .is_some_and(|u| u.as_str().ends_with("百分點"));
        numbers.push((q, scale.is_some(), unit_written));
        taken.0.push(m);
    }
    numbers
}

/// The first end of a range of figures in digits takes the unit (and a missing scale)
/// written at the second.
fn zh_range_units(text: &str, numbers: &mut [ZhNumber]) {
    // "4.38 億至 4.43 億美元", "129 至 1.31 美元", "11.6 至 11.65 億美元": the first end of a
    // range takes the unit (and a missing scale) written at the second.
    for i in (1..numbers.len()).rev() {
        let (prev, rest) = numbers.split_at_mut(i);
        let (a, a_scaled, a_unit) = &mut prev[i - 1];
        let (b, b_scaled, b_unit) = &rest[0];
        if !ZH_RANGE_JOIN.is_match(&text[a.span.end..b.span.start]) || *a_unit || !*b_unit {
            continue;
        }
        if !*a_scaled && *b_scaled {
            let b_digits = b.text.trim_start_matches(['$', 'U', 'S']);
            let end = b_digits
                .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
                .unwrap_or(b_digits.len());
            if let Some(n) = parse_number(&b_digits[..end]).filter(|n| *n > 0.0) {
                a.value = tidy(
                    a.value
                        * (b.value
                            / n
                            / if b.unit == Unit::Usd && b.text.ends_with("美分") {
                                0.01
                            } else {
                                1.0
                            }),
                );
            }
            *a_scaled = true;
        }
        if a.unit == Unit::Count || a.unit == Unit::Year {
            a.unit = b.unit;
            a.points = b.points;
            if b.text.ends_with("美分") {
                a.value /= 100.0;
            }
        }
        *a_unit = true;
    }
}

/// Bare scales of dollars (百萬美元) and counts in words (兩年, 三分之一).
fn zh_scales_and_words(text: &str, scale: bool, out: &mut Vec<Quantity>, taken: &mut Taken) {
    let has = |c: char| text.contains(c);
    for c in (scale && has('美'))
        .then(|| ZH_BARE_SCALE.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let m = c.get(0).map_or(0..0, |m| m.range());
        // 數百萬美元 is "millions of dollars", not a figure.
        if !taken.overlaps(&m) && !text[..m.start].ends_with(['數', '数', '幾']) {
            out.push(Quantity::new(
                zh_scale(&c[1]),
                Unit::Usd,
                m.clone(),
                &text[m.clone()],
            ));
            taken.0.push(m);
        }
    }
    for c in ZH_WORD.captures_iter(text) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        if taken.overlaps(&m) || text[..m.start].ends_with('第') {
            continue;
        }
        let value = match (c.get(1), c.get(2), c.get(3)) {
            (Some(den), Some(num), _) => Some(
                zh_numeral(num.as_str()).unwrap_or(0.0) / zh_numeral(den.as_str()).unwrap_or(1.0),
            ),
            (_, _, Some(n)) => zh_numeral(n.as_str()),
            _ => None,
        };
        if let Some(v) = value {
            let mut q = Quantity::new(v, Unit::Count, m.clone(), &text[m.clone()]);
            q.word = true;
            out.push(q);
        }
    }
}

/// Rounds away the float noise of arithmetic on decimals to ten significant digits: "17.9 億"
/// is 1,790,000,000, not 1,789,999,999.9999998; "22.7 + 0.4" is 23.1.
pub fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let digits = 9 - v.abs().log10().floor() as i32;
    // Divide by a power of ten above it, never multiply by a fraction (0.1 is inexact).
    if digits >= 0 {
        let scale = 10f64.powi(digits);
        (v * scale).round() / scale
    } else {
        let scale = 10f64.powi(-digits);
        (v / scale).round() * scale
    }
}

/// True when the digits ending at `end` are a figure, not a year: a unit follows ("In the
/// second quarter 59% of openings", "quarter 20 basis points") or a decimal part ("20.5").
pub(crate) fn figure_at(text: &str, end: usize) -> bool {
    let after = &text[end..];
    let rest = after.trim_start().to_ascii_lowercase();
    rest.starts_with('%')
        || rest.starts_with("percent")
        || rest.starts_with("basis")
        || after.starts_with(['.', ',']) && after[1..].starts_with(|c: char| c.is_ascii_digit())
}

/// True when the digits at `span` are a group of a telephone number: three or more digit
/// groups joined by hyphens ("855-859-2056", "1-800-555-0199") or "(855) 859-2056". Two
/// groups are a range ("150-200", "2020-2021").
fn phone_group(text: &str, span: std::ops::Range<usize>) -> bool {
    // A match may take the hyphen before the digits as a minus sign ("-2059").
    let lead = text[span.clone()].len() - text[span.clone()].trim_start_matches('-').len();
    let span = span.start + lead..span.end;
    let group = &text[span.clone()];
    if group.is_empty() || !group.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut groups = 1;
    let mut rest = &text[..span.start];
    while let Some(r) = rest.strip_suffix('-') {
        let n = r.bytes().rev().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            break;
        }
        groups += 1;
        rest = &r[..r.len() - n];
    }
    let left_rest = rest;
    // The area code itself: "(404) 537-…".
    let is_area_code = text[..span.start].ends_with('(')
        && text[span.end..].strip_prefix(") ").is_some_and(|r| {
            let n = r.bytes().take_while(u8::is_ascii_digit).count();
            n == 3 && r[n..].starts_with('-')
        });
    let mut rest = &text[span.end..];
    while let Some(r) = rest.strip_prefix('-') {
        let n = r.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            break;
        }
        groups += 1;
        rest = &r[n..];
    }
    // "(855) 859-2056".
    let left = left_rest.as_bytes();
    let area_code = groups == 2
        && left.len() >= 6
        && left.ends_with(b") ")
        && left[left.len() - 5..left.len() - 2]
            .iter()
            .all(u8::is_ascii_digit)
        && left[left.len() - 6] == b'(';
    groups >= 3 || area_code || is_area_code
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_telephone_number_is_no_quantity_but_a_range_is() {
        let values = |t: &str| -> Vec<f64> { super::english(t).iter().map(|q| q.value).collect() };
        assert!(values("dial 855-859-2056 within the United States").is_empty());
        assert!(values("call (404) 537-3406 for the replay").is_empty());
        assert!(values("or 1-800-555-0199 toll free").is_empty());
        assert!(values("The replay is at 888-203-2059.").is_empty());
        // A figure after a quarter is no year of it.
        let q = super::english("In the second quarter 59% of openings were online.");
        assert!(q.iter().all(|q| q.unit != super::Unit::Year), "{q:?}");
        assert!(
            q.iter()
                .any(|q| q.unit == super::Unit::Percent && q.value == 59.0)
        );
        assert_eq!(values("capex of $150-200 million").len(), 2);
        assert!(
            super::english("in 2020-2021 we")
                .iter()
                .all(|q| q.unit == super::Unit::Year)
        );
        // The same rule on the Chinese side, so a phone number never makes a finding.
        assert!(super::chinese("請撥打 855-859-2056。").is_empty());
    }

    #[test]
    fn tidy_rounds_noise() {
        assert_eq!(tidy(17.9 * 1e8), 1_790_000_000.0);
        assert_eq!(tidy(22.7 + 0.4), 23.1);
        assert_eq!(tidy(123_456_789_012.3), 123_456_789_000.0);
        assert_eq!(tidy(-0.0500000000001), -0.05);
        assert_eq!(tidy(0.0), 0.0);
    }

    use super::*;

    fn vals(qs: &[Quantity]) -> Vec<(f64, Unit)> {
        qs.iter()
            .map(|q| ((q.value * 1e6).round() / 1e6, q.unit))
            .collect()
    }

    #[test]
    fn english_money_scales_and_ranges() {
        let q = english(
            "we expect revenue to be in the range of $1.16 billion to $1.165 billion, up 2.3%",
        );
        assert_eq!(
            vals(&q),
            [
                (1.16e9, Unit::Usd),
                (1.165e9, Unit::Usd),
                (2.3, Unit::Percent)
            ]
        );
        assert_eq!(
            vals(&english("EPS of $1.29 to $1.31")),
            [(1.29, Unit::Usd), (1.31, Unit::Usd)]
        );
        assert_eq!(
            vals(&english("between $25 and $23 million")),
            [(25e6, Unit::Usd), (23e6, Unit::Usd)]
        );
        assert_eq!(
            vals(&english("$100K deals, 50 basis points, 5 cents")),
            [(1e5, Unit::Usd), (50.0, Unit::Bps), (0.05, Unit::Usd)]
        );
    }

    #[test]
    fn transcribers_notes_inside_a_figure_are_read_around() {
        let text =
            "a price of $64 [Phonetic] million, and sales of $3.10 [ph] to $3.25 billion [sic].";
        let q = english(text);
        assert_eq!(
            vals(&q),
            [(64e6, Unit::Usd), (3.10e9, Unit::Usd), (3.25e9, Unit::Usd)]
        );
        // Spans point into the text as written.
        assert_eq!(&text[q[0].span.clone()], "$64 [Phonetic] million");
        assert_eq!(&text[q[1].span.clone()], "$3.10");
        assert_eq!(&text[q[2].span.clone()], "$3.25 billion");
        // A gap the transcriber could not hear is not read around.
        assert_eq!(vals(&english("$5 [Inaudible] million")), [(5.0, Unit::Usd)]);
    }

    #[test]
    fn english_periods_counts_and_words() {
        let q = english(
            "In Q2 of FY '24 and the third quarter of fiscal 2025, 1,100 customers and 1.2 million accounts in 2023",
        );
        assert_eq!(
            vals(&q),
            [
                (2.0, Unit::Quarter),
                (2024.0, Unit::Year),
                (3.0, Unit::Quarter),
                (2025.0, Unit::Year),
                (1100.0, Unit::Count),
                (1.2e6, Unit::Count),
                (2023.0, Unit::Year)
            ]
        );
        let q = english("two years, one-third of revenue, 8x8 and Q2'24");
        assert!(q.iter().any(|q| q.word && q.value == 2.0));
        assert!(
            q.iter()
                .any(|q| q.word && (q.value - 1.0 / 3.0).abs() < 1e-9)
        );
        assert!(!q.iter().any(|q| q.value == 8.0), "8x8 is a name");
    }

    #[test]
    fn chinese_money_scales_and_shared_units() {
        assert_eq!(
            vals(&chinese("營收 11.63億美元,4.38 億美元,1300 萬美元")),
            [
                (1.163e9, Unit::Usd),
                (4.38e8, Unit::Usd),
                (1.3e7, Unit::Usd)
            ]
        );
        assert_eq!(
            vals(&chinese("11.6 億美元至 11.65 億美元")),
            [(1.16e9, Unit::Usd), (1.165e9, Unit::Usd)]
        );
        assert_eq!(
            vals(&chinese("4.38 億至 4.43 億美元")),
            [(4.38e8, Unit::Usd), (4.43e8, Unit::Usd)]
        );
        assert_eq!(
            vals(&chinese("11.6 至 11.65 億美元")),
            [(1.16e9, Unit::Usd), (1.165e9, Unit::Usd)]
        );
        assert_eq!(
            vals(&chinese("每股盈餘的預期為 129 至 1.31 美元")),
            [(129.0, Unit::Usd), (1.31, Unit::Usd)]
        );
        assert_eq!(vals(&chinese("百萬美元隊伍")), [(1e6, Unit::Usd)]);
        assert_eq!(vals(&chinese("5 美分")), [(0.05, Unit::Usd)]);
        assert_eq!(
            vals(&chinese("自 2022 年第四季以來,21年第四季")),
            [
                (2022.0, Unit::Year),
                (4.0, Unit::Quarter),
                (2021.0, Unit::Year),
                (4.0, Unit::Quarter)
            ]
        );
        assert_eq!(
            vals(&english("about 2x the average at 8x8 since Q4 of '21")),
            [
                (2.0, Unit::Count),
                (4.0, Unit::Quarter),
                (2021.0, Unit::Year)
            ]
        );
    }

    #[test]
    fn dates_decades_and_loose_units() {
        let q = english(
            "at our summit on October 3 and in June; mid-80s retention; 250-ish basis points; Q2 '23; fiscal years '24 through fiscal '26; million dollar plus customers; you may see",
        );
        assert_eq!(
            vals(&q),
            [
                (10.0, Unit::Month),
                (3.0, Unit::Day),
                (6.0, Unit::Month),
                (80.0, Unit::Count),
                (250.0, Unit::Bps),
                (2.0, Unit::Quarter),
                (2023.0, Unit::Year),
                (2024.0, Unit::Year),
                (2026.0, Unit::Year),
                (1e6, Unit::Usd)
            ]
        );
        let q = chinese(
            "10 月 3 日的峰會,今年 6 月,80 年代,2023 年第二季,24 年第二季,數百萬美元,未來 12 個月",
        );
        assert_eq!(
            vals(&q),
            [
                (10.0, Unit::Month),
                (3.0, Unit::Day),
                (6.0, Unit::Month),
                (80.0, Unit::Count),
                (2023.0, Unit::Year),
                (2.0, Unit::Quarter),
                (2024.0, Unit::Year),
                (2.0, Unit::Quarter),
                (12.0, Unit::Count)
            ]
        );
    }

    #[test]
    fn chinese_periods_counts_and_words() {
        let q =
            chinese("第三季度、2025 財年和 25 財年,120 萬個帳戶,2.9%,50 個基點,2 個百分點,2019 年");
        assert_eq!(
            vals(&q),
            [
                (3.0, Unit::Quarter),
                (2025.0, Unit::Year),
                (2025.0, Unit::Year),
                (1.2e6, Unit::Count),
                (2.9, Unit::Percent),
                (50.0, Unit::Bps),
                (2.0, Unit::Percent),
                (2019.0, Unit::Year)
            ]
        );
        let q = chinese("兩年後,三分之一的營收,第二季");
        assert_eq!(
            vals(&q),
            [
                (2.0, Unit::Count),
                (0.333333, Unit::Count),
                (2.0, Unit::Quarter)
            ]
        );
        assert!(q[0].word && q[1].word);
    }
}
