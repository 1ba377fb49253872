//! Search speed: each keystroke's result update (mean and p99) over the five bundled calls and
//! over a 1,000-transcript library, and `callread search` as a fresh process against
//! `fzf --filter` on the same paragraphs and against merely reading the files.

mod support;

use std::hint::black_box;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use callread::app::{Action, AppState, update};
use criterion::{Criterion, criterion_group, criterion_main};

/// Types `query` one character at a time into the search prompt, timing each update.
fn keystrokes(state: &mut AppState, query: &str) -> Vec<Duration> {
    update(state, Action::Cancel);
    update(state, Action::OpenSearch);
    let mut times = Vec::new();
    for c in query.chars() {
        let t = Instant::now();
        update(state, Action::Input(c));
        times.push(t.elapsed());
    }
    update(state, Action::Cancel);
    times
}

fn report(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let p = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize];
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    eprintln!(
        "{name}: {} keystrokes, mean {mean:.2?}, p50 {:.2?}, p99 {:.2?}, max {:.2?}",
        times.len(),
        p(0.5),
        p(0.99),
        p(1.0)
    );
}

const QUERIES: &[&str] = &[
    "free cash flow",
    "non-gaap operating margin",
    "contact center",
    "營收成長",
    "自由现金流",
    "'Q3 guidance",
    "churn !enterprise",
];

fn state_with(transcripts: Vec<callread::transcript::Transcript>, all: bool) -> AppState {
    let mut s = AppState::new(transcripts);
    update(&mut s, Action::Resize(120, 40));
    if all {
        update(&mut s, Action::OpenSearch);
        update(&mut s, Action::ToggleScope);
        update(&mut s, Action::Cancel);
        if let Some((_, all, _)) = &mut s.last_search {
            *all = true;
        }
        s.last_search = Some((String::new(), true, Vec::new()));
    }
    s
}

fn keystroke(c: &mut Criterion) {
    // The five bundled calls, searching all of them.
    let mut s = state_with(callread::library::bundled(), true);
    let mut times = Vec::new();
    for _ in 0..20 {
        for q in QUERIES {
            times.extend(keystrokes(&mut s, q));
        }
    }
    report("search/keystroke_5_calls", times);
    c.bench_function("search/keystroke_5_calls", |b| {
        b.iter(|| black_box(keystrokes(&mut s, "free cash flow")))
    });

    let (dir, _) = support::synthetic_library(1000);
    let loaded = callread::library::load_paths(&[dir], |_, _| {}).unwrap();
    let mut s = state_with(loaded.transcripts, true);
    let mut times = Vec::new();
    for q in QUERIES {
        times.extend(keystrokes(&mut s, q));
    }
    report("search/keystroke_1000_calls", times);
    let mut g = c.benchmark_group("search");
    g.sample_size(10);
    g.bench_function("keystroke_1000_calls_typing_free_cash_flow", |b| {
        b.iter(|| black_box(keystrokes(&mut s, "free cash flow")))
    });
    g.finish();
}

fn time_command(cmd: &mut Command, runs: u32) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        let status = cmd
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("runs");
        let e = t.elapsed();
        assert!(
            status.success() || status.code() == Some(1),
            "{cmd:?} failed"
        );
        best = best.min(e);
    }
    best
}

fn against_fzf(_c: &mut Criterion) {
    let (dir, bytes) = support::synthetic_library(1000);
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/callread");
    if !bin.exists() {
        eprintln!("search/vs_fzf: build the release binary first (cargo build --release); skipped");
        return;
    }
    // fzf gets the same paragraphs: every line of every file, in one input.
    let all_lines = dir.join("../bench-library-1000-lines.txt");
    if !all_lines.exists() {
        let mut out = Vec::with_capacity(bytes as usize);
        for f in &files {
            out.extend(std::fs::read(f).unwrap());
        }
        std::fs::write(&all_lines, out).unwrap();
    }
    let have_fzf = Command::new("fzf")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let runs = 5;
    let cat = time_command(
        Command::new("sh")
            .arg("-c")
            .arg(format!("cat {}/*.txt > /dev/null", dir.display())),
        runs,
    );
    eprintln!(
        "search/vs_fzf: {} files, {:.1} MB; best of {runs} runs",
        files.len(),
        bytes as f64 / 1e6
    );
    eprintln!("  cat dir/* > /dev/null: {cat:.2?}");
    for q in ["free cash flow", "contact center", "營收成長"] {
        let ours = time_command(Command::new(&bin).arg("search").arg(q).arg(&dir), runs);
        let line = format!(
            "  {q:?}: callread search {ours:.2?} = {:.1}x cat",
            ours.as_secs_f64() / cat.as_secs_f64()
        );
        if have_fzf {
            let fzf = time_command(
                Command::new("sh").arg("-c").arg(format!(
                    "fzf --filter '{q}' < {} > /dev/null",
                    all_lines.display()
                )),
                2,
            );
            eprintln!(
                "{line}; fzf --filter {fzf:.2?}: callread is {:.1}x faster",
                fzf.as_secs_f64() / ours.as_secs_f64()
            );
        } else {
            eprintln!("{line}; fzf not installed, comparison skipped");
        }
    }
}

criterion_group!(benches, keystroke, against_fzf);
criterion_main!(benches);
