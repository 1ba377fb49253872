//! Sentence alignment speed (#15): one call, and the 1,000-call library.

mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

fn alignment(c: &mut Criterion) {
    let five = callread::library::bundled();
    let largest = five
        .iter()
        .max_by_key(|t| t.paragraph_count())
        .expect("bundled calls");
    c.bench_function("align/largest_bundled_call", |b| {
        b.iter(|| black_box(callread::align::align_transcript(largest)).len())
    });
    let (dir, _) = support::synthetic_library(1000);
    let library = callread::library::load_paths(&[dir], |_, _| {})
        .unwrap()
        .transcripts;
    let mut g = c.benchmark_group("align");
    g.sample_size(10);
    // What `callread align DIR` runs: the calls spread over every core.
    g.bench_function("1000_calls", |b| {
        b.iter(|| black_box(callread::align::align_all(&library)).len())
    });
    g.bench_function("1000_calls_one_core", |b| {
        b.iter(|| {
            library
                .iter()
                .map(|t| black_box(callread::align::align_transcript(t)).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, alignment);
criterion_main!(benches);
