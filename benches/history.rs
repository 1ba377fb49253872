//! Guidance history speed: building the ledger of a 1,000-call library on top of extraction
//! (the figures are extracted once, outside the measured loop). The library is 167 companies
//! of six quarterly calls each: the real Darden calls of the history corpus when it is beside
//! the checkout (else the invented calls of `tests/fixtures/history`), each company under its
//! own name.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};

use callread::guidance::{GuidanceFigure, extract};
use callread::history::Ledger;
use callread::transcript::Transcript;

/// The source calls and the company name they use.
fn source_calls() -> (Vec<String>, &'static str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus/history-dev/DRI");
    let (dir, name) = if corpus.is_dir() {
        (corpus, "Darden")
    } else {
        (root.join("tests/fixtures/history"), "Globex")
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let texts = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    (texts, name)
}

fn ledger(c: &mut Criterion) {
    let (texts, name) = source_calls();
    let companies = 1000usize.div_ceil(texts.len());
    let transcripts: Vec<Transcript> = (0..companies)
        .flat_map(|k| {
            texts.iter().enumerate().map(move |(i, text)| {
                let renamed = text.replace(name, &format!("{name}{k}"));
                callread::library::load_bytes(renamed.into_bytes(), &format!("c{k}-{i}.txt"))
                    .unwrap()
            })
        })
        .take(1000)
        .collect();
    let figures: Vec<Vec<GuidanceFigure>> = transcripts.iter().map(extract).collect();
    let library: Vec<(&Transcript, &[GuidanceFigure])> = transcripts
        .iter()
        .zip(&figures)
        .map(|(t, f)| (t, f.as_slice()))
        .collect();
    let mut g = c.benchmark_group("history");
    g.sample_size(10);
    g.bench_function("ledger_1000_calls", |b| {
        b.iter(|| black_box(Ledger::build(&library)).sequences.len())
    });
    g.finish();
}

criterion_group!(benches, ledger);
criterion_main!(benches);
