//! Translation errors of the kinds a machine translation makes, injected into a copy of a
//! Chinese paragraph: `tests/inject.rs` (the check must catch them) and `tests/compare.rs`
//! (comparing two translations must find them) share them.

use callread::text::numbers::{Unit, chinese};
use callread::transcript::Paragraph;

/// One pair of a bundled call, for an injection test: the script the test works in, the seed,
/// every pair of the call, the pair's index, its English and Chinese, and the conversion into
/// the script.
pub struct Site<'a> {
    /// "Traditional" or "Simplified".
    pub script: &'static str,
    /// The bundled call ("000" …).
    pub seed: &'static str,
    /// Every pair of the call, in order.
    pub pairs: &'a [&'a Paragraph],
    /// The pair's index in `pairs`.
    pub i: usize,
    /// Its English.
    pub en: &'a str,
    /// Its Chinese, as the call has it.
    pub zh: &'a str,
}

impl Site<'_> {
    /// Text in the site's script.
    pub fn convert(&self, s: &str) -> String {
        if self.script == "Simplified" {
            fast2s::convert(s)
        } else {
            s.to_string()
        }
    }

    /// The pair itself.
    pub fn pair(&self) -> &Paragraph {
        self.pairs[self.i]
    }
}

/// Calls `f` for every pair with both sides of the five bundled calls, in Traditional and again
/// in Simplified.
pub fn each_pair(mut f: impl FnMut(&Site<'_>)) {
    for script in ["Traditional", "Simplified"] {
        for seed in ["000", "001", "002", "003", "004"] {
            let t = super::load(super::seed_text(seed));
            let pairs: Vec<&Paragraph> = t.paragraphs().map(|(_, p)| p).collect();
            for (i, p) in pairs.iter().enumerate() {
                let (Some(en), Some(zh)) = (p.en.as_deref(), p.zh.as_deref()) else {
                    continue;
                };
                f(&Site {
                    script,
                    seed,
                    pairs: &pairs,
                    i,
                    en,
                    zh,
                });
            }
        }
    }
}

/// The kinds of error injected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Error {
    Scale,
    Digit,
    Decimal,
    Dropped,
    RangeEnd,
    PercentPoints,
    Period,
    Direction,
    Misaligned,
    Truncated,
}

pub const ALL: [Error; 10] = [
    Error::Scale,
    Error::Digit,
    Error::Decimal,
    Error::Dropped,
    Error::RangeEnd,
    Error::PercentPoints,
    Error::Period,
    Error::Direction,
    Error::Misaligned,
    Error::Truncated,
];

/// Pairs of direction words and their opposites, as Google writes them.
pub const OPPOSITES: [(&str, &str); 12] = [
    ("增長", "下降"),
    ("成長", "下滑"),
    ("增加", "減少"),
    ("上升", "下降"),
    ("提高", "降低"),
    ("上調", "下調"),
    ("上修", "下修"),
    ("年增", "年減"),
    ("虧損", "獲利"),
    ("下降", "增長"),
    ("減少", "增加"),
    ("下滑", "成長"),
];

/// The Chinese of `p` with one error of kind `e`, or `None` when the pair has nothing the
/// error applies to. `next` is the following pair's Chinese (for a misalignment).
pub fn inject(e: Error, zh: &str, next: Option<&str>) -> Option<String> {
    let figures = chinese(zh);
    let money = |u: Unit| matches!(u, Unit::Usd | Unit::Percent | Unit::Bps | Unit::Count);
    let first = |pred: &dyn Fn(&callread::text::numbers::Quantity) -> bool| {
        figures.iter().find(|q| !q.word && pred(q)).cloned()
    };
    let replace = |span: std::ops::Range<usize>, with: &str| {
        format!("{}{with}{}", &zh[..span.start], &zh[span.end..])
    };
    match e {
        Error::Scale => {
            let q = first(&|q| q.text.contains('億') || q.text.contains('萬'))?;
            let t = if q.text.contains('億') {
                q.text.replacen('億', "萬", 1)
            } else {
                q.text.replacen('萬', "億", 1)
            };
            Some(replace(q.span, &t))
        }
        Error::Digit => {
            let q = first(&|q| money(q.unit) && q.text.contains(|c: char| c.is_ascii_digit()))?;
            let i = q.text.find(|c: char| c.is_ascii_digit())?;
            let d = q.text.as_bytes()[i] - b'0';
            let nd = if d == 9 { 8 } else { d + 1 };
            let mut t = q.text.clone();
            t.replace_range(i..i + 1, &nd.to_string());
            Some(replace(q.span, &t))
        }
        Error::Decimal => {
            let q = first(&|q| q.text.contains('.'))?;
            Some(replace(q.span.clone(), &q.text.replacen('.', "", 1)))
        }
        Error::Dropped => {
            let q = first(&|q| money(q.unit) && q.value != 0.0)?;
            Some(replace(q.span, ""))
        }
        Error::RangeEnd => {
            let (a, b) = figures.windows(2).find_map(|w| {
                if w[0].span.end > w[1].span.start {
                    return None;
                }
                let between = &zh[w[0].span.end..w[1].span.start];
                (["至", "到"].contains(&between.trim()) && money(w[1].unit))
                    .then(|| (w[0].clone(), w[1].clone()))
            })?;
            Some(replace(a.span.start..b.span.start, ""))
        }
        Error::PercentPoints => {
            let q = first(&|q| q.unit == Unit::Percent || q.unit == Unit::Bps)?;
            let t = if q.text.ends_with('%') {
                format!("{} 個百分點", q.text.trim_end_matches('%').trim())
            } else if q.text.ends_with("個百分點") {
                format!("{}%", q.text.trim_end_matches("個百分點").trim())
            } else if q.text.ends_with("個基點") {
                format!("{}%", q.text.trim_end_matches("個基點").trim())
            } else {
                return None;
            };
            Some(replace(q.span, &t))
        }
        Error::Period => {
            let q = first(&|q| matches!(q.unit, Unit::Quarter | Unit::Year) && q.value >= 2.0)?;
            let t = if q.unit == Unit::Quarter {
                let digits = ["一", "二", "三", "四"];
                let v = q.value as usize;
                let other = if v == 4 { 3 } else { v + 1 };
                q.text
                    .replacen(digits[v - 1], digits[other - 1], 1)
                    .replacen(&v.to_string(), &other.to_string(), 1)
            } else {
                let y = q.text.find(|c: char| c.is_ascii_digit())?;
                let end = q.text[y..]
                    .find(|c: char| !c.is_ascii_digit())
                    .map_or(q.text.len(), |e| y + e);
                let n: u32 = q.text[y..end].parse().ok()?;
                format!("{}{}{}", &q.text[..y], n + 1, &q.text[end..])
            };
            (t != q.text).then(|| replace(q.span, &t))
        }
        Error::Direction => {
            // A direction word right before a figure.
            figures.iter().filter(|q| !q.word).find_map(|q| {
                let before = &zh[..q.span.start];
                let window_start = before.char_indices().rev().nth(7).map_or(0, |(i, _)| i);
                OPPOSITES.iter().find_map(|(w, o)| {
                    let at = before[window_start..].rfind(w)? + window_start;
                    Some(format!("{}{o}{}", &zh[..at], &zh[at + w.len()..]))
                })
            })
        }
        Error::Misaligned => {
            let next = next?;
            (!chinese(next).is_empty() && !figures.is_empty()).then(|| next.to_string())
        }
        Error::Truncated => {
            let n = zh.chars().count();
            (n >= 40).then(|| zh.chars().take(n / 2).collect())
        }
    }
}
