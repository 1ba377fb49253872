//! Sentence alignment measured against a hand-made gold alignment of 66 paragraph pairs of
//! the five bundled calls (`tests/fixtures/align_gold.txt`): link precision and recall, and
//! every figure-bearing English sentence linked to the Chinese with its figures.
//! `cargo test --test align -- --nocapture` prints the figures README quotes.

mod common;

use std::ops::Range;

use callread::align::{Params, align_with, chinese_sentences, english_sentences};
use callread::text::numbers::english;
use common::{load, seed_text};

/// One gold pair: the call, the English line and its links.
struct GoldPair {
    file: String,
    line: usize,
    links: Vec<(Vec<usize>, Vec<usize>)>,
}

fn indices(s: &str) -> Vec<usize> {
    if s == "-" {
        return Vec::new();
    }
    s.split(',')
        .map(|n| n.parse().expect("sentence index"))
        .collect()
}

fn gold() -> Vec<GoldPair> {
    include_str!("fixtures/align_gold.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (head, links) = l.split_once(':').expect("file line: links");
            let (file, line) = head.split_once(' ').expect("file line");
            GoldPair {
                file: file.to_string(),
                line: line.parse().expect("line number"),
                links: links
                    .split_whitespace()
                    .map(|link| {
                        let (e, z) = link.split_once('=').expect("E=Z");
                        (indices(e), indices(z))
                    })
                    .collect(),
            }
        })
        .collect()
}

fn as_indices(r: &Range<usize>) -> Vec<usize> {
    r.clone().collect()
}

/// Tallies over a set of gold pairs.
#[derive(Default, Debug)]
struct Score {
    pairs: usize,
    gold_links: usize,
    proposed: usize,
    right: usize,
    figure_sentences: usize,
    figure_right: usize,
    wrong: Vec<String>,
}

impl Score {
    fn precision(&self) -> f64 {
        self.right as f64 / self.proposed as f64
    }
    fn recall(&self) -> f64 {
        self.right as f64 / self.gold_links as f64
    }
}

fn score(pairs: &[&GoldPair], params: &Params) -> Score {
    let mut s = Score::default();
    for g in pairs {
        let prefix = &g.file[..3];
        let t = load(seed_text(prefix));
        let p = t
            .paragraphs()
            .map(|(_, p)| p)
            .find(|p| p.line == g.line)
            .unwrap_or_else(|| panic!("{} has no pair at line {}", g.file, g.line));
        let (en, zh) = (p.en.as_deref().unwrap(), p.zh.as_deref().unwrap());
        // The gold covers exactly the sentences callread splits the pair into.
        let n_en = g.links.iter().map(|l| l.0.len()).sum::<usize>();
        let n_zh = g.links.iter().map(|l| l.1.len()).sum::<usize>();
        assert_eq!(
            (english_sentences(en).len(), chinese_sentences(zh).len()),
            (n_en, n_zh),
            "{} line {}: the splitter no longer gives the gold's sentences",
            g.file,
            g.line
        );
        let (es, _, links) = align_with(en, zh, params);
        let proposed: Vec<(Vec<usize>, Vec<usize>)> = links
            .iter()
            .map(|l| (as_indices(&l.en), as_indices(&l.zh)))
            .collect();
        s.pairs += 1;
        s.gold_links += g.links.len();
        s.proposed += proposed.len();
        let right = proposed.iter().filter(|l| g.links.contains(l)).count();
        s.right += right;
        if right < g.links.len() || right < proposed.len() {
            s.wrong.push(format!("{} {}: {proposed:?}", g.file, g.line));
        }
        // Figure-bearing English sentences: their link must be the gold one.
        for (i, r) in es.iter().enumerate() {
            if english(&en[r.clone()]).iter().all(|q| q.word) {
                continue;
            }
            s.figure_sentences += 1;
            let gold_link = g.links.iter().find(|l| l.0.contains(&i));
            let link = proposed.iter().find(|l| l.0.contains(&i));
            s.figure_right += usize::from(gold_link.is_some() && gold_link == link);
        }
    }
    s
}

#[test]
fn sentence_links_match_the_hand_made_gold() {
    let gold = gold();
    assert!(gold.len() >= 60, "{} gold pairs", gold.len());
    let all: Vec<&GoldPair> = gold.iter().collect();
    let dev: Vec<&GoldPair> = gold.iter().filter(|g| g.file.as_str() < "003").collect();
    let test: Vec<&GoldPair> = gold.iter().filter(|g| g.file.as_str() >= "003").collect();
    for (name, pairs) in [
        ("development (000-002)", &dev),
        ("test (003-004)", &test),
        ("all", &all),
    ] {
        let s = score(pairs, &Params::DEFAULT);
        println!(
            "{name}: {} pairs, {} gold links, precision {:.1}% ({}/{}), recall {:.1}% ({}/{}), figure sentences linked right {}/{}",
            s.pairs,
            s.gold_links,
            100.0 * s.precision(),
            s.right,
            s.proposed,
            100.0 * s.recall(),
            s.right,
            s.gold_links,
            s.figure_right,
            s.figure_sentences
        );
        for w in &s.wrong {
            println!("  differs: {w}");
        }
    }
    let s = score(&all, &Params::DEFAULT);
    assert!(s.precision() >= 0.95, "precision {:.3}", s.precision());
    assert!(s.recall() >= 0.95, "recall {:.3}", s.recall());
    // Two figure sentences miss, both in one pair (Zoom, line 165): two neighbouring English
    // sentences end "in Q2, right?", the translation keeps one, and nothing but the words
    // tells which.
    assert!(
        s.figure_sentences - s.figure_right <= 2,
        "figure sentences {}/{}",
        s.figure_right,
        s.figure_sentences
    );
}

/// How the link priors were chosen: a sweep over the development half, printed with the test
/// half beside it (`cargo test --test align -- --ignored --nocapture`).
#[test]
#[ignore]
fn sweep_priors_on_the_development_half() {
    let gold = gold();
    let dev: Vec<&GoldPair> = gold.iter().filter(|g| g.file.as_str() < "003").collect();
    let test: Vec<&GoldPair> = gold.iter().filter(|g| g.file.as_str() >= "003").collect();
    for lone in [2.0, 3.1, 4.0, 6.0] {
        for one_two in [1.5, 2.8, 4.0] {
            for two_one in [2.3, 3.5, 5.6] {
                let p = Params {
                    lone,
                    one_two,
                    two_one,
                    ..Params::DEFAULT
                };
                let (d, t) = (score(&dev, &p), score(&test, &p));
                println!(
                    "1-0 {lone} 1-2 {one_two} 2-1 {two_one}: dev P {:.3} R {:.3}, test P {:.3} R {:.3}",
                    d.precision(),
                    d.recall(),
                    t.precision(),
                    t.recall()
                );
            }
        }
    }
}

/// Where the length model's constants come from: on the development half's gold links, the
/// log ratio of Chinese to expected length (`CHARS_RATIO` × English) by English length. Its
/// spread is about constant (σ ≈ 0.2) from 30 characters up and wider below, so callread
/// uses σ² = 0.035 + 1.7 / length (`cargo test --test align -- --ignored --nocapture`).
#[test]
#[ignore]
fn length_ratio_spread_on_the_development_half() {
    let gold = gold();
    let mut bands = [
        (0usize, 30usize, Vec::new()),
        (30, 80, Vec::new()),
        (80, 160, Vec::new()),
        (160, usize::MAX, Vec::new()),
    ];
    for g in gold.iter().filter(|g| g.file.as_str() < "003") {
        let t = load(seed_text(&g.file[..3]));
        let p = t
            .paragraphs()
            .map(|(_, p)| p)
            .find(|p| p.line == g.line)
            .unwrap();
        let (en, zh) = (p.en.as_deref().unwrap(), p.zh.as_deref().unwrap());
        let (es, zs) = (english_sentences(en), chinese_sentences(zh));
        let len = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
        for (e, z) in g
            .links
            .iter()
            .filter(|(e, z)| !e.is_empty() && !z.is_empty())
        {
            let l1: usize = e.iter().map(|&i| len(&en[es[i].clone()])).sum();
            let l2: usize = z.iter().map(|&i| len(&zh[zs[i].clone()])).sum();
            let r = (l2 as f64 / (l1 as f64 * callread::align::CHARS_RATIO)).ln();
            if let Some(band) = bands.iter_mut().find(|b| l1 >= b.0 && l1 < b.1) {
                band.2.push(r);
            }
        }
    }
    for (lo, hi, rs) in &bands {
        let n = rs.len() as f64;
        let mean = rs.iter().sum::<f64>() / n;
        let sd = (rs.iter().map(|r| (r - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
        println!(
            "English {lo}..{hi} characters: {} links, log ratio mean {mean:.3}, sd {sd:.3}",
            rs.len()
        );
    }
}
