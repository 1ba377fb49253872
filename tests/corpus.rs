//! Guidance on real calls of other companies: the scorer of `../shared/corpus/guidance-dev`
//! (score.py) in Rust, run when the corpus is beside the checkout (CI has it).
//!
//! Two figures are checked. Strict recall over every gold row, as score.py prints it; and
//! strict recall over the gold rows whose figure the call actually speaks (both values read
//! as quantities somewhere in the call's English). The summaries behind the gold report some
//! figures that no sentence of the call says (read off slides, rounded, or mis-scaled: "45 to
//! 50" for 45 to 50 cents); no extractor can find those, so the second figure is the one that
//! measures the extractor. Both thresholds sit a little under what the extractor reaches now,
//! so a regression fails the test.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use callread::guidance::{GuidanceFigure, extract};
use callread::text::numbers::english;
use serde_json::Value;

/// `../shared/corpus/<part>` when it is beside the checkout, holding `needs`. Missing on CI
/// (where `CI` is set) it is a failure, not a silent pass; elsewhere the test says it skipped.
fn shared(part: &str, needs: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(part);
    if dir.join(needs).exists() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "../shared/corpus/{part}/{needs} is missing on CI"
    );
    eprintln!("../shared/corpus/{part} is not beside the checkout: skipped");
    None
}

fn corpus() -> Option<PathBuf> {
    shared("guidance-dev", "gold.jsonl")
}

/// A gold row of `gold.jsonl` as the library's scorer reads it.
fn as_gold(g: &Value) -> callread::guidance::eval::Gold {
    serde_json::from_value(g.clone()).expect("a gold row")
}

/// True when the call's English says every value of the gold row as a quantity.
fn spoken(g: &Value, call: &callread::transcript::Transcript) -> bool {
    let said: Vec<f64> = call
        .paragraphs()
        .filter_map(|(_, p)| p.en.as_deref())
        .flat_map(english)
        .map(|q| q.value.abs())
        .collect();
    as_gold(g)
        .values()
        .iter()
        .all(|w| said.iter().any(|v| callread::guidance::eval::close(*w, *v)))
}

#[test]
fn strict_recall_on_real_calls_of_other_companies() {
    let Some(dir) = corpus() else {
        return;
    };
    let gold: Vec<Value> = std::fs::read_to_string(dir.join("gold.jsonl"))
        .expect("gold.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a gold row"))
        .collect();
    let mut calls = HashMap::new();
    let mut rows: HashMap<String, Vec<GuidanceFigure>> = HashMap::new();
    for entry in std::fs::read_dir(dir.join("calls")).expect("calls/") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let t = callread::library::load_file(&path).expect("a call loads");
        rows.insert(name.clone(), extract(&t));
        calls.insert(name, t);
    }
    let (mut strict, mut spoken_rows, mut spoken_found) = (0, 0, 0);
    let mut misses = Vec::new();
    for g in &gold {
        let file = g["file"].as_str().unwrap();
        let found = rows[file]
            .iter()
            .any(|f| callread::guidance::eval::strict(&as_gold(g), f));
        strict += usize::from(found);
        if spoken(g, &calls[file]) {
            spoken_rows += 1;
            spoken_found += usize::from(found);
            if !found {
                misses.push(g["summary_line"].as_str().unwrap_or("").to_string());
            }
        }
    }
    let n = gold.len();
    let figure_count: usize = rows.values().map(Vec::len).sum();
    eprintln!(
        "strict recall {strict}/{n}; on figures the calls speak {spoken_found}/{spoken_rows}; \
         {:.1} rows per call",
        figure_count as f64 / calls.len() as f64
    );
    assert!(
        strict as f64 >= 0.80 * n as f64,
        "strict recall {strict}/{n} fell below 80%"
    );
    assert!(
        spoken_found as f64 >= 0.88 * spoken_rows as f64,
        "recall on spoken figures {spoken_found}/{spoken_rows} fell below 88%; missed:\n{}",
        misses.join("\n")
    );
    // Precision's guard: no more rows per call than the calls hold (about a dozen).
    assert!(figure_count <= 12 * calls.len(), "{figure_count} rows");
}

/// A random sample of 110 rows of the 60 calls (seed 11, before the precision work), each
/// judged by reading it: a company's forward figure with the right metric, period, values
/// and basis, or not, and why. No row judged wrong may come back as it was.
#[test]
fn no_row_judged_wrong_comes_back() {
    let Some(dir) = corpus() else {
        return;
    };
    let judged: Vec<Value> = include_str!("fixtures/guidance_judged.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a judged row"))
        .collect();
    assert!(judged.len() >= 100);
    let mut by_file: HashMap<String, Vec<GuidanceFigure>> = HashMap::new();
    let mut back = Vec::new();
    for j in judged.iter().filter(|j| j["right"] == false) {
        let file = j["file"].as_str().unwrap().to_string();
        let rows = by_file.entry(file.clone()).or_insert_with(|| {
            let t = callread::library::load_file(&dir.join("calls").join(&file)).expect("loads");
            extract(&t)
        });
        let kind = |f: &GuidanceFigure| serde_json::to_value(f.kind).unwrap_or_default();
        if rows.iter().any(|f| {
            f.line as u64 == j["line"].as_u64().unwrap()
                && f.low == j["low"].as_f64()
                && f.high == j["high"].as_f64()
                && f.label == j["label"].as_str().unwrap()
                && f.period.as_deref() == j["period"].as_str()
                && kind(f) == j["kind"]
        }) {
            back.push(format!(
                "{file}:{} {} ({})",
                j["line"], j["label"], j["why"]
            ));
        }
    }
    assert!(
        back.is_empty(),
        "judged wrong, still listed:\n{}",
        back.join("\n")
    );
}

/// The call's own quarter and year come from the call, not the file name: every call of
/// `history-dev` whose opening (as `calls.tsv` quotes it) names both comes out with them, in
/// `callread dump --json` too.
#[test]
fn the_call_period_is_read_from_the_opening() {
    let Some(dir) = shared("history-dev", "calls.tsv") else {
        return;
    };
    let tsv = std::fs::read_to_string(dir.join("calls.tsv")).expect("calls.tsv");
    let quarter = regex::Regex::new(r"(?i)\b(first|second|third|fourth|q[1-4])\b").unwrap();
    let year = regex::Regex::new(r"\b(20\d\d)\b").unwrap();
    let mut checked = 0;
    for line in tsv.lines().skip(1) {
        let mut cols = line.split('\t');
        let (_, file, opening) = (cols.next(), cols.next().unwrap(), cols.next().unwrap_or(""));
        let (Some(q), Some(y)) = (quarter.captures(opening), year.captures(opening)) else {
            continue;
        };
        let q = match q[1].to_ascii_lowercase().as_str() {
            "first" | "q1" => 1,
            "second" | "q2" => 2,
            "third" | "q3" => 3,
            _ => 4,
        };
        let want = format!("Q{q} FY{}", &y[1]);
        let t = callread::library::load_file(&dir.join(file)).expect("loads");
        let got = callread::guidance::call_period(&t).label();
        assert_eq!(got.as_deref(), Some(want.as_str()), "{file}: {opening}");
        checked += 1;
    }
    assert!(checked >= 30, "{checked}");
}

/// Strict recall of the rows shown by default (the model's threshold applied) on
/// `../shared/corpus/guidance-wide`, per part of the company split: the held-out companies'
/// calls were never read while the rules and the model were made. Floors sit a little under
/// the figures measured now (README), so a regression fails.
#[test]
fn strict_recall_on_guidance_wide_by_part() {
    use callread::guidance::eval::{self, Gold, Part};
    let Some(wide) = shared("guidance-wide", "gold.jsonl") else {
        return;
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let lines = |p: PathBuf| -> Vec<Value> {
        std::fs::read_to_string(&p)
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let read: Vec<String> = lines(dir.join("guidance-dev/manifest.jsonl"))
        .iter()
        .map(|m| eval::company_of(m["source"].as_str().unwrap()).to_string())
        .collect();
    let gold: Vec<Gold> = lines(wide.join("gold.jsonl"))
        .into_iter()
        .map(|v| serde_json::from_value(v).unwrap())
        .collect();
    let mut tally: HashMap<&str, (usize, usize)> = HashMap::new();
    for m in lines(wide.join("manifest.jsonl")) {
        let file = m["file"].as_str().unwrap();
        let company = eval::company_of(m["source"].as_str().unwrap());
        let part = match () {
            _ if read.iter().any(|c| c == company) => "read",
            _ if eval::part_of(company) == Part::Train => "train",
            _ => "held-out",
        };
        let t = callread::library::load_file(&wide.join("calls").join(file)).unwrap();
        let rows: Vec<GuidanceFigure> = extract(&t).into_iter().filter(|f| f.shown()).collect();
        let entry = tally.entry(part).or_default();
        for g in gold.iter().filter(|g| g.file == file) {
            entry.0 += 1;
            entry.1 += usize::from(rows.iter().any(|r| eval::strict(g, r)));
        }
    }
    for (part, floor) in [("read", 0.84), ("train", 0.76), ("held-out", 0.67)] {
        let (n, hit) = tally[part];
        let recall = hit as f64 / n as f64;
        eprintln!(
            "guidance-wide {part}: strict recall {hit}/{n} = {:.1}%",
            100.0 * recall
        );
        assert!(recall >= floor, "{part}: {hit}/{n} under {floor}");
    }
}

/// The rows of held-out companies judged by a reader who did not write the rules
/// (`tests/fixtures/guidance_judged_heldout.jsonl`): the rows the model shows are right more
/// often than all the rows, and it keeps most of the right ones.
#[test]
fn the_model_raises_precision_on_judged_rows_of_unread_companies() {
    let Some(wide) = shared("guidance-wide", "calls") else {
        return;
    };
    let judged: Vec<Value> = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/guidance_judged_heldout.jsonl"),
    )
    .unwrap()
    .lines()
    .map(|l| serde_json::from_str::<Value>(l).unwrap())
    // The latest rounds, rows of guidance-wide's held-out calls that no round had judged,
    // judged blind to the score: H7, 100 rows of 70 calls drawn on commit 95a711e (51% of all
    // rows right, 61% of those shown; AUC 0.85), and H8, 78 rows of the 29 other calls drawn on
    // commit 19e3f2d after the fixes H7 led to (74% and 79%; AUC 0.74), and H9, 100 rows no
    // round had judged, of 73 of those calls, drawn on commit 9e0cefc (60% and 71%; AUC 0.83),
    // and H10, 100 of the rows still unjudged, of 57 calls, drawn on eef09b9 after H9's fixes
    // (53% and 64%; AUC 0.84), and H11, 100 rows of 33 calls of those companies that are not
    // in guidance-wide (other quarters, in history-wide) and no round had drawn, on 81216a5
    // (47% and 61%; AUC 0.89), and H12, the 74 rows on lines no round had judged of those
    // calls, on a0c7891 (54% and 69%; AUC 0.75). Held-out companies never train the model, so
    // these rows stay a measure of it.
    .filter(|j| {
        j["round"]
            .as_str()
            .is_some_and(|r| ["H7", "H8", "H9", "H10", "H11", "H12"].contains(&r))
    })
    .collect();
    let mut calls: HashMap<String, Vec<GuidanceFigure>> = HashMap::new();
    let (mut all, mut all_right, mut shown, mut shown_right) = (0, 0, 0, 0);
    for j in &judged {
        let file = j["file"].as_str().unwrap();
        // Rounds up to H3 drew calls of guidance-wide's held-out companies ("017.txt"); H4
        // and H5 drew calls of history-wide companies in no part of guidance-wide and never
        // read ("history-wide/USM/call-….txt"); H6 both kinds.
        let path = if file.contains('/') {
            wide.join("..").join(file)
        } else {
            wide.join("calls").join(file)
        };
        let rows = calls
            .entry(file.to_string())
            .or_insert_with(|| extract(&callread::library::load_file(&path).unwrap()));
        let Some(row) = rows.iter().find(|r| {
            r.line as u64 == j["line"].as_u64().unwrap()
                && (r.label == j["label"].as_str().unwrap()
                    || r.label
                        .ends_with(&format!(": {}", j["label"].as_str().unwrap())))
                && r.period.as_deref() == j["period"].as_str()
                && r.low == j["low"].as_f64()
        }) else {
            continue;
        };
        let right = j["right"].as_bool().unwrap();
        all += 1;
        all_right += usize::from(right);
        if row.shown() {
            shown += 1;
            shown_right += usize::from(right);
        }
    }
    let p_all = all_right as f64 / all as f64;
    let p_shown = shown_right as f64 / shown as f64;
    eprintln!(
        "held-out judged rows: all {all_right}/{all} = {:.1}%, shown {shown_right}/{shown} = {:.1}%",
        100.0 * p_all,
        100.0 * p_shown
    );
    assert!(all >= 60, "the judged rows are still produced ({all})");
    assert!(p_shown >= p_all + 0.03, "the model no longer helps");
    // The threshold keeps 90% of the right rows on the training folds; on companies never
    // read it kept 85% (H5), 95% (H6), 96% (H7), 86% (H8), 93% (H9), 96% (H10), 98% (H11) and
    // 82% (H12).
    assert!(
        shown_right as f64 >= 0.80 * all_right as f64,
        "too many right rows hidden"
    );
}
