//! Guidance extraction speed: the five bundled calls, a 1,000-transcript library, and the 60
//! real calls of the development corpus when it is beside the checkout.

mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

/// The figures of every transcript, counted (so nothing is optimised away).
fn extract_all(transcripts: &[callread::transcript::Transcript]) -> usize {
    transcripts
        .iter()
        .map(|t| black_box(callread::guidance::extract(t)).len())
        .sum()
}

fn extraction(c: &mut Criterion) {
    let five = callread::library::bundled();
    c.bench_function("guidance/extract_five_calls", |b| {
        b.iter(|| extract_all(&five))
    });
    let (dir, _) = support::synthetic_library(1000);
    let library = callread::library::load_paths(&[dir], |_, _| {})
        .unwrap()
        .transcripts;
    let mut g = c.benchmark_group("guidance");
    g.sample_size(10);
    g.bench_function("extract_1000_calls", |b| b.iter(|| extract_all(&library)));
    g.bench_function("check_1000_calls", |b| {
        b.iter(|| {
            library
                .iter()
                .map(|t| black_box(callread::check::check(t)).len())
                .sum::<usize>()
        })
    });
    // What `callread check DIR` does: the same on every core.
    g.bench_function("check_1000_calls_all_cores", |b| {
        b.iter(|| black_box(callread::check::check_all(&library)).len())
    });
    // Real English-only calls of other companies (the development corpus), when it is beside
    // the checkout: 60 calls of about 10,000 words each.
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/guidance-dev/calls");
    if corpus.is_dir() {
        let calls = callread::library::load_paths(&[corpus], |_, _| {})
            .unwrap()
            .transcripts;
        g.bench_function("extract_60_corpus_calls", |b| {
            b.iter(|| extract_all(&calls))
        });
    }
    g.finish();
    // The confidence model's start-up cost: parsing the embedded weights (done once, on the
    // first extraction).
    c.bench_function("guidance/parse_confidence_model", |b| {
        b.iter(|| {
            black_box(
                serde_json::from_str::<callread::guidance::confidence::Model>(include_str!(
                    "../assets/guidance_model.json"
                ))
                .unwrap(),
            )
            .weights
            .len()
        })
    });
}

criterion_group!(benches, extraction);
criterion_main!(benches);
