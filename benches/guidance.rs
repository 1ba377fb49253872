//! Guidance extraction speed: the five bundled calls, and a 1,000-transcript library.

mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

fn extraction(c: &mut Criterion) {
    let five = callread::library::bundled();
    c.bench_function("guidance/extract_five_calls", |b| {
        b.iter(|| {
            five.iter()
                .map(|t| black_box(callread::guidance::extract(t)).len())
                .sum::<usize>()
        })
    });
    let (dir, _) = support::synthetic_library(1000);
    let library = callread::library::load_paths(&[dir], |_, _| {})
        .unwrap()
        .transcripts;
    let mut g = c.benchmark_group("guidance");
    g.sample_size(10);
    g.bench_function("extract_1000_calls", |b| {
        b.iter(|| {
            library
                .iter()
                .map(|t| black_box(callread::guidance::extract(t)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("check_1000_calls", |b| {
        b.iter(|| {
            library
                .iter()
                .map(|t| black_box(callread::check::check(t)).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
