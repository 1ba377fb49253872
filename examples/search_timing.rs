//! Per-query keystroke times over a directory: `cargo run --release --example search_timing -- DIR`.
use callread::app::{Action, AppState, update};
use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let loaded = callread::library::load_paths(&[dir.into()], |_, _| {}).unwrap();
    let mut s = AppState::new(loaded.transcripts);
    update(&mut s, Action::Resize(120, 40));
    for q in [
        "free cash flow",
        "non-gaap operating margin",
        "contact center",
        "營收成長",
        "自由现金流",
        "'Q3 guidance",
        "churn !enterprise",
    ] {
        update(&mut s, Action::OpenSearch);
        update(&mut s, Action::ToggleScope);
        let mut worst = (0.0, ' ');
        let mut total = 0.0;
        for c in q.chars() {
            let t = Instant::now();
            update(&mut s, Action::Input(c));
            let ms = t.elapsed().as_secs_f64() * 1e3;
            total += ms;
            if ms > worst.0 {
                worst = (ms, c);
            }
        }
        println!(
            "{q:28} mean {:6.1} ms  worst {:6.1} ms at {:?}  hits {}",
            total / q.chars().count() as f64,
            worst.0,
            worst.1,
            s.search_hits.len()
        );
        update(&mut s, Action::Cancel);
        update(&mut s, Action::Cancel);
        s.last_search = None;
    }
}
