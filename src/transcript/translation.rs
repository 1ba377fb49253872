//! A translation in a file of its own (`callread EN --zh ZH`, or `X.txt` beside `X.zh.txt`):
//! its paragraphs are paired with the English transcript's by aligning the two sequences
//! with 1–1, 1–2, 2–1, 1–0 and 0–1 links, scored as the sentence aligner scores sentences
//! (the log length ratio, the link's prior, and anchors both sides share: figures of the same
//! value, Latin words the Chinese keeps). A Chinese paragraph that translates two English
//! ones is split at the sentence boundary where its sentences align; two Chinese paragraphs
//! that translate one English paragraph are joined. Then the transcript is bilingual, as if
//! the file had interleaved the two.

use super::model::{Flag, Transcript};
use crate::align::{chinese_sentences, english_sentences, length_cost};
use crate::text::numbers::{chinese, english};

/// What a paragraph offers for matching.
struct Side {
    chars: usize,
    /// Sentences: a translation keeps most sentences as they are, and a Chinese paragraph
    /// of one sentence cannot be split between two English ones.
    sentences: usize,
    figures: Vec<f64>,
    /// English: the text in lower case (Latin words the Chinese keeps are looked up in it).
    /// Chinese: its Latin words, lower case.
    latin: Vec<String>,
    lower: String,
}

fn english_side(text: &str) -> Side {
    Side {
        chars: text.chars().filter(|c| !c.is_whitespace()).count(),
        sentences: english_sentences(text).len(),
        figures: english(text).into_iter().map(|q| q.value).collect(),
        latin: Vec::new(),
        lower: text.to_ascii_lowercase(),
    }
}

fn chinese_side(text: &str) -> Side {
    Side {
        chars: text.chars().filter(|c| !c.is_whitespace()).count(),
        sentences: chinese_sentences(text).len(),
        figures: chinese(text).into_iter().map(|q| q.value).collect(),
        latin: text
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.len() >= 2 && w.chars().any(|c| c.is_ascii_alphabetic()))
            .map(str::to_ascii_lowercase)
            .collect(),
        lower: String::new(),
    }
}

/// The link types and their priors (−log of how often each occurs, Gale–Church's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    OneOne,
    OneTwo,
    TwoOne,
    OneNone,
    NoneOne,
}

impl Link {
    const ALL: [Link; 5] = [
        Link::OneOne,
        Link::OneTwo,
        Link::TwoOne,
        Link::OneNone,
        Link::NoneOne,
    ];

    /// English and Chinese paragraphs the link takes.
    fn sizes(self) -> (usize, usize) {
        match self {
            Link::OneOne => (1, 1),
            Link::OneTwo => (1, 2),
            Link::TwoOne => (2, 1),
            Link::OneNone => (1, 0),
            Link::NoneOne => (0, 1),
        }
    }

    fn prior(self) -> f64 {
        match self {
            Link::OneOne => 0.0,
            Link::OneTwo | Link::TwoOne => 2.5,
            Link::OneNone | Link::NoneOne => 5.0,
        }
    }
}

/// Anchors shared by a group of English and a group of Chinese paragraphs, less those one
/// side has and the other lacks (as `align.rs` scores sentences).
fn anchors(en: &[&Side], zh: &[&Side]) -> f64 {
    let same = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
    let en_figs: Vec<f64> = en.iter().flat_map(|s| s.figures.iter().copied()).collect();
    let zh_figs: Vec<f64> = zh.iter().flat_map(|s| s.figures.iter().copied()).collect();
    let shared = zh_figs
        .iter()
        .filter(|z| en_figs.iter().any(|e| same(*e, **z)))
        .count();
    let lone = zh_figs.len() - shared
        + en_figs
            .iter()
            .filter(|e| !zh_figs.iter().any(|z| same(**e, *z)))
            .count();
    let (mut latin_shared, mut latin_lone) = (0, 0);
    for w in zh.iter().flat_map(|s| &s.latin) {
        if en.iter().any(|s| s.lower.contains(w.as_str())) {
            latin_shared += 1;
        } else {
            latin_lone += 1;
        }
    }
    2.0 * shared as f64 + latin_shared as f64 - lone as f64 - 0.5 * latin_lone as f64
}

fn link_cost(link: Link, en: &[&Side], zh: &[&Side]) -> f64 {
    if en.is_empty() || zh.is_empty() {
        return link.prior();
    }
    let l1: usize = en.iter().map(|s| s.chars).sum();
    let l2: usize = zh.iter().map(|s| s.chars).sum();
    let s1: usize = en.iter().map(|s| s.sentences).sum();
    let s2: usize = zh.iter().map(|s| s.sentences).sum();
    link.prior() + length_cost(l1, l2) - anchors(en, zh) + SENTENCE_WEIGHT * s1.abs_diff(s2) as f64
}

/// The cost of each sentence one side has more than the other.
const SENTENCE_WEIGHT: f64 = 0.75;

/// The alignment of `en` and `zh` paragraphs: a list of (English indices, Chinese indices)
/// in order, each link one of the five types.
fn align(en: &[Side], zh: &[Side]) -> Vec<(Vec<usize>, Vec<usize>)> {
    let (n, m) = (en.len(), zh.len());
    // A band around the diagonal: a translation drifts a little, not by hundreds. The band
    // holds at most about ten million cells (a huge file gets a narrower one).
    let width = (60 + n.abs_diff(m))
        .min(400)
        .min((5_000_000 / (n + 1)).max(10));
    let band = |i: usize| {
        let centre = (i * m).checked_div(n).unwrap_or(0);
        (centre.saturating_sub(width), (centre + width).min(m))
    };
    let cols = 2 * width + 1;
    let mut cost = vec![f64::INFINITY; (n + 1) * cols];
    let mut back: Vec<Option<Link>> = vec![None; (n + 1) * cols];
    let at = |i: usize, j: usize| -> Option<usize> {
        let (lo, hi) = band(i);
        (lo..=hi).contains(&j).then(|| i * cols + (j - lo))
    };
    if let Some(k) = at(0, 0) {
        cost[k] = 0.0;
    }
    for i in 0..=n {
        let (lo, hi) = band(i);
        for j in lo..=hi {
            let Some(here) = at(i, j) else { continue };
            if i == 0 && j == 0 {
                continue;
            }
            for link in Link::ALL {
                let (a, b) = link.sizes();
                if a > i || b > j || (link == Link::TwoOne && zh[j - 1].sentences < 2) {
                    continue;
                }
                let Some(from) = at(i - a, j - b) else {
                    continue;
                };
                if !cost[from].is_finite() {
                    continue;
                }
                let e: Vec<&Side> = en[i - a..i].iter().collect();
                let z: Vec<&Side> = zh[j - b..j].iter().collect();
                let c = cost[from] + link_cost(link, &e, &z);
                if c < cost[here] {
                    cost[here] = c;
                    back[here] = Some(link);
                }
            }
        }
    }
    let mut links = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let link = at(i, j).and_then(|k| back[k]);
        let Some(link) = link else {
            // Outside the band (cannot happen with the band's width): the rest unpaired.
            if i > 0 {
                links.push((vec![i - 1], Vec::new()));
                i -= 1;
            } else {
                links.push((Vec::new(), vec![j - 1]));
                j -= 1;
            }
            continue;
        };
        let (a, b) = link.sizes();
        links.push(((i - a..i).collect(), (j - b..j).collect()));
        i -= a;
        j -= b;
    }
    links.reverse();
    links
}

/// Splits a Chinese paragraph that translates two English ones at the sentence boundary
/// where its sentences align best with them. None when it has a single sentence.
fn split_merged(zh: &str, first: &Side, second: &Side) -> Option<(String, String)> {
    let sentences = chinese_sentences(zh);
    if sentences.len() < 2 {
        return None;
    }
    let mut best: Option<(f64, usize)> = None;
    for sentence in &sentences[1..] {
        let cut = sentence.start;
        let (a, b) = (zh[..cut].trim(), zh[cut..].trim());
        let (sa, sb) = (chinese_side(a), chinese_side(b));
        let c =
            link_cost(Link::OneOne, &[first], &[&sa]) + link_cost(Link::OneOne, &[second], &[&sb]);
        if best.is_none_or(|(bc, _)| c < bc) {
            best = Some((c, cut));
        }
    }
    let (_, cut) = best?;
    Some((zh[..cut].trim().to_string(), zh[cut..].trim().to_string()))
}

/// The paragraphs of a translation file: not the translation notice, nor speaker lines
/// (translated or not: "Jane Roe -- 首席財務官", "操作員"), which are short and end in no
/// sentence punctuation. Anything else the translator added pairs with nothing.
fn translation_lines(text: &str) -> Vec<(usize, String)> {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, crate::text::clean_line(l).into_owned()))
        .filter(|(_, l)| !l.is_empty() && !super::parse::is_notice(l) && !speaker_line(l))
        .collect()
}

/// A speaker line of a translation, translated or not: a `Name -- Title` / `Name - Title`
/// header (initials and commas allowed: "Meta A. Marshall -- VP") that ends in no sentence
/// stop, or a line of at most 40 characters with no punctuation of a sentence or clause
/// ("操作員"; "謝謝。", "Thanks," and "(操作員說明)" are speech). Either has no Chinese sentence punctuation.
fn speaker_line(line: &str) -> bool {
    let n = line.chars().count();
    if line.contains(['。', '！', '？', '，', '；', '：']) {
        return false;
    }
    let header = [" -- ", " - ", " — ", " – "]
        .iter()
        .any(|s| line.contains(s));
    if header && n <= 160 {
        return !line.ends_with(['.', '!', '?', '…', ';', ':']);
    }
    // "(操作員說明)" is the operator's "(Operator Instructions)", a paragraph.
    n <= 40 && !line.contains(['、', '.', '!', '?', ',', ';', ':', '…', '(', '（', '['])
}

/// How a pairing went: English paragraphs paired, and all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pairing {
    /// English paragraphs that got a translation.
    pub paired: usize,
    /// English paragraphs.
    pub english: usize,
}

/// Pairs the paragraphs of `zh_text` (a translation made elsewhere, paragraphs only) with
/// the English paragraphs of `t`, which becomes bilingual. Existing Chinese in `t` is
/// replaced.
pub fn attach(t: &mut Transcript, zh_text: &str) -> Pairing {
    let zh_lines = translation_lines(zh_text);
    let slots: Vec<(usize, usize)> = t
        .turns
        .iter()
        .enumerate()
        .flat_map(|(ti, turn)| {
            turn.paragraphs
                .iter()
                .enumerate()
                .filter(|(_, p)| p.en.is_some())
                .map(move |(pi, _)| (ti, pi))
        })
        .collect();
    let en_sides: Vec<Side> = slots
        .iter()
        .map(|&(ti, pi)| english_side(t.turns[ti].paragraphs[pi].en.as_deref().unwrap_or("")))
        .collect();
    let zh_sides: Vec<Side> = zh_lines.iter().map(|(_, l)| chinese_side(l)).collect();
    let links = align(&en_sides, &zh_sides);
    let mut assigned: Vec<Option<(String, usize)>> = vec![None; slots.len()];
    for (e, z) in links {
        match (e.as_slice(), z.as_slice()) {
            ([a], [zi]) => {
                let (line, text) = &zh_lines[*zi];
                assigned[*a] = Some((text.clone(), *line));
            }
            ([a], [z1, z2]) => {
                let text = format!("{}{}", zh_lines[*z1].1, zh_lines[*z2].1);
                assigned[*a] = Some((text, zh_lines[*z1].0));
            }
            ([a, b], [zi]) => {
                let (line, text) = &zh_lines[*zi];
                match split_merged(text, &en_sides[*a], &en_sides[*b]) {
                    Some((x, y)) => {
                        assigned[*a] = Some((x, *line));
                        assigned[*b] = Some((y, *line));
                    }
                    None => assigned[*a] = Some((text.clone(), *line)),
                }
            }
            _ => {}
        }
    }
    for turn in &mut t.turns {
        for p in &mut turn.paragraphs {
            p.zh = None;
            p.zh_line = None;
            p.flags.clear();
        }
    }
    let mut paired = 0;
    for (&(ti, pi), zh) in slots.iter().zip(assigned) {
        let p = &mut t.turns[ti].paragraphs[pi];
        match zh {
            Some((text, line)) => {
                paired += 1;
                if super::parse::is_untranslated(p.en.as_deref().unwrap_or(""), &text) {
                    p.flags.push(Flag::Untranslated);
                }
                p.zh = Some(text);
                p.zh_line = Some(line);
            }
            None => p.flags.push(Flag::MissingTranslation),
        }
    }
    t.bilingual = true;
    Pairing {
        paired,
        english: slots.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(text: &str) -> Transcript {
        crate::transcript::parse(text, "t").unwrap()
    }

    #[test]
    fn merged_and_split_translations() {
        let mut t = call(
            "Operator\n\nWelcome to the call. We begin now.\n\n\
             Iris Kell -- Chief Financial Officer\n\nRevenue rose 12% to $40 million.\n\n\
             Margin was 31%.\n\nWe hired 85 engineers in Porto.\n\nThat is all from me.\n",
        );
        // The first two English paragraphs' translation split in two lines; the next two
        // merged in one; the last one left out.
        let zh = "歡迎參加電話會議。\n我們現在開始。\n營收成長 12%,達到 4000 萬美元。利潤率為 31%。\n我們在 Porto 僱用了 85 名工程師。\n";
        let pairing = attach(&mut t, zh);
        assert_eq!(
            pairing,
            Pairing {
                paired: 4,
                english: 5
            }
        );
        let zh_of: Vec<Option<&str>> = t.paragraphs().map(|(_, p)| p.zh.as_deref()).collect();
        assert_eq!(
            zh_of,
            [
                Some("歡迎參加電話會議。我們現在開始。"),
                Some("營收成長 12%,達到 4000 萬美元。"),
                Some("利潤率為 31%。"),
                Some("我們在 Porto 僱用了 85 名工程師。"),
                None,
            ]
        );
        let last = t.paragraphs().last().unwrap().1;
        assert_eq!(last.flags, [Flag::MissingTranslation]);
        assert!(t.bilingual);
    }

    #[test]
    fn speaker_lines_and_the_notice_are_no_paragraphs() {
        let lines = translation_lines(
            "使用警語:中文譯文來源為 Google 翻譯,僅供參考\n操作員\nIris Kell -- 財務長\n謝謝。\n好的,\n",
        );
        let texts: Vec<&str> = lines.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(texts, ["謝謝。", "好的,"]);
    }

    #[test]
    fn any_sizes_pair_without_panic() {
        for zh in [
            "",
            "一。\n",
            &"很長的一段話。".repeat(50),
            &"短。\n".repeat(300),
        ] {
            let mut t = call("Operator\n\nOne.\n\nTwo.\n\nThree.\n");
            let p = attach(&mut t, zh);
            assert!(p.paired <= p.english && p.english == 4, "{p:?}");
        }
    }
}
