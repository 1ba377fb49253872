//! Parsing speed and memory: the five bundled calls, and a 1,000-file (about 100 MB) library.

mod support;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

#[global_allocator]
static ALLOC: support::Counting = support::Counting;

fn bundled(c: &mut Criterion) {
    let bytes: u64 = callread::library::BUNDLED
        .iter()
        .map(|(_, t)| t.len() as u64)
        .sum();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("five_bundled_calls", |b| {
        b.iter(|| {
            for (name, text) in callread::library::BUNDLED {
                black_box(callread::library::load_bytes(text.as_bytes().to_vec(), name).unwrap());
            }
        })
    });
    g.finish();
}

fn library(c: &mut Criterion) {
    let (dir, bytes) = support::synthetic_library(1000);
    let paths = vec![dir];
    let mut g = c.benchmark_group("parse");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("library_1000_files_from_disk", |b| {
        b.iter(|| black_box(callread::library::load_paths(&paths, |_, _| {}).unwrap()))
    });
    g.finish();

    let base = support::reset_peak();
    let loaded = callread::library::load_paths(&paths, |_, _| {}).unwrap();
    let peak = support::peak() - base;
    eprintln!(
        "memory: library of {} transcripts, {:.1} MB on disk: peak heap {:.1} MB = {:.2}x the input",
        loaded.transcripts.len(),
        bytes as f64 / 1e6,
        peak as f64 / 1e6,
        peak as f64 / bytes as f64
    );
}

criterion_group!(benches, bundled, library);
criterion_main!(benches);
