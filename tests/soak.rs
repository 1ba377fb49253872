//! Soak (#28): a library of invented calls in the reader for thousands of mixed keys
//! (movement, searches in one call and in all, jumps, the picker, `:N`, bookmarks and the
//! bookmark list, overlays), driven through the same `handle_batch` the event loop uses and
//! drawn on a TestBackend, with the state saved as the reader saves it. Nothing made may be
//! lost, and memory must stay flat.
//!
//! Alone in this file so that the resident set measured is this test's. A release build
//! (`cargo test --release --test soak -- --nocapture`) runs the size: 1,000 calls and
//! 10,000 keys, memory compared after 2,000 keys and at the end. A debug build (CI's
//! `cargo test`) runs 100 calls and 2,000 keys (compared after 400): each typed character
//! reruns the search, over every call for an all-calls search, and that is slow unoptimised.
//! `CALLREAD_SOAK_CALLS` and `CALLREAD_SOAK_KEYS` set other sizes.
//!
//! Measured on the 2-core CI kind of machine, calls of about 3 KB:
//! - release, 1,000 calls, 10,001 keys (425 searches, 299 bookmark toggles, 91 bookmarks
//!   left): 16-23 s; resident set 43.67 MB after 2,000 keys and 43.74 MB after 10,001
//!   (+0.07 MB); another run 44.07 and 44.27 MB (+0.20 MB).
//! - debug, 100 calls, 2,003 keys (80 searches, 57 toggles): 12.8 s; 35.89 MB after 400 keys,
//!   35.98 MB at the end (+0.09 MB).
//!
//! Every call is shown once before the keys (its findings, guidance and layout are kept while
//! the reader runs, bounded by the library), so growth after that is growth per key.

mod common;

use std::collections::BTreeSet;

use callread::app::{Action, AppState, Overlay, update};
use callread::keymap::Keymap;
use common::invented::{Rng, bilingual_call_of};
use common::ui::event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The process's resident set in bytes, from /proc/self/statm (None where there is none).
#[cfg(unix)]
fn resident() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    // SAFETY: sysconf only reads a system setting.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    Some(pages * u64::try_from(page).ok()?)
}

#[cfg(not(unix))]
fn resident() -> Option<u64> {
    None
}

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The bookmarks of the open transcripts, as (transcript key, paragraph).
fn bookmarks(state: &AppState) -> BTreeSet<(String, usize)> {
    state
        .all_bookmarks()
        .into_iter()
        .map(|(d, b)| (state.docs[d].key.clone(), b.paragraph))
        .collect()
}

/// The reader with its store: keys in, changes saved as the event loop saves them.
struct Reader {
    state: AppState,
    keymap: Keymap,
    store: callread::state::Store,
    terminal: Terminal<TestBackend>,
    keys: usize,
}

impl Reader {
    fn press(&mut self, token: &str) {
        callread::tui::handle_batch(&mut self.state, &self.keymap, vec![event(token)]);
        self.keys += 1;
        if self.keys.is_multiple_of(8) {
            let keymap = &self.keymap;
            let state = &self.state;
            self.terminal
                .draw(|f| callread::ui::render(f, state, keymap))
                .unwrap();
        }
        if self.keys.is_multiple_of(200) {
            self.save();
        }
    }

    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(&c.to_string());
        }
    }

    fn save(&mut self) {
        for c in std::mem::take(&mut self.state.changes) {
            self.store.change(c);
        }
        self.store.save().expect("saved");
    }

    /// Back to the reader with nothing open over it (a prompt, a list, a count).
    fn close_all(&mut self) {
        while !matches!(self.state.overlay, Overlay::None)
            || self.state.count.is_some()
            || self.state.sentence.is_some()
        {
            self.press("<Esc>");
        }
    }
}

#[test]
fn a_library_in_the_reader_for_thousands_of_keys_loses_nothing_and_stays_flat() {
    let (calls, total_keys) = if cfg!(debug_assertions) {
        (100, 2_000)
    } else {
        (1_000, 10_000)
    };
    let calls = env_or("CALLREAD_SOAK_CALLS", calls);
    let total_keys = env_or("CALLREAD_SOAK_KEYS", total_keys);
    let measure_at = total_keys / 5;
    let started = std::time::Instant::now();
    let library = tempfile::tempdir().unwrap();
    for i in 0..calls {
        let text = bilingual_call_of(&format!("Company{i:04}"), i as u64 + 1, 2_500);
        std::fs::write(library.path().join(format!("call-{i:04}.txt")), text).unwrap();
    }
    let loaded = callread::library::load_paths(&[library.path().to_path_buf()], |_, _| {}).unwrap();
    assert_eq!(loaded.transcripts.len(), calls);
    assert!(loaded.skipped.is_empty());
    let state_dir = tempfile::tempdir().unwrap();
    let (store, _) = callread::state::Store::open(state_dir.path()).unwrap();
    let mut r = Reader {
        state: AppState::new(loaded.transcripts),
        keymap: Keymap::default(),
        store,
        terminal: Terminal::new(TestBackend::new(120, 40)).unwrap(),
        keys: 0,
    };
    update(&mut r.state, Action::Resize(120, 40));
    // Every call shown once: what the reader keeps per call is made before measuring.
    for d in 0..calls {
        r.state.show_doc(d);
    }
    r.state.show_doc(0);
    let warm = started.elapsed();

    let mut rng = Rng(0x50A4_0028);
    let mut expected: BTreeSet<(String, usize)> = BTreeSet::new();
    let (mut searches, mut toggles) = (0, 0);
    let mut at_first = None;
    let moves = [
        "j", "k", "<Space>", "b", "<C-d>", "<C-u>", "]", "[", "}", "{", "G", "g", "Q", "!", "@",
        "n", "N", ">", "<", "<BS>", "<Tab>", "5", "j",
    ];
    let terms = [
        "revenue",
        "營收",
        "margin",
        "cash flow",
        "'retention",
        "growth 成長",
        "客戶",
        "rvn",
        "!enterprise revenue",
    ];
    while r.keys < total_keys {
        if at_first.is_none() && r.keys >= measure_at {
            at_first = resident();
        }
        match rng.below(100) {
            // Movement, counts, jumps along the jump list and between matches and bookmarks.
            0..45 => r.press(moves[rng.below(moves.len())]),
            // A search, in this call or in all, jumped to (or given up).
            45..57 => {
                r.close_all();
                searches += 1;
                r.press("/");
                if rng.below(3) == 0 {
                    r.press("<C-a>");
                }
                r.type_text(terms[rng.below(terms.len())]);
                if rng.below(2) == 0 {
                    r.press("<Down>");
                }
                r.press(if rng.below(6) == 0 {
                    "<Esc>"
                } else {
                    "<Enter>"
                });
            }
            // Another call from the picker.
            57..65 => {
                r.close_all();
                r.press("t");
                r.type_text(&format!("{:04}", rng.below(calls)));
                r.press("<Enter>");
            }
            // A bookmark toggled where the cursor is.
            65..75 => {
                r.close_all();
                let doc = r.state.doc().expect("a call is shown");
                let mark = (doc.key.clone(), doc.cursor);
                if !expected.remove(&mark) {
                    expected.insert(mark);
                }
                toggles += 1;
                r.press("m");
            }
            // The bookmark list: a few rows down, and a jump.
            75..80 => {
                r.close_all();
                r.press("'");
                for _ in 0..rng.below(4) {
                    r.press("j");
                }
                r.press("<Enter>");
            }
            // A source line.
            80..85 => {
                r.close_all();
                r.press(":");
                r.type_text(&(1 + rng.below(60)).to_string());
                r.press("<Enter>");
            }
            // Overlays opened and closed: help, participants, questions, terms, findings.
            85..93 => {
                let key = ["?", "s", "a", "T", "i"][rng.below(5)];
                r.press(key);
                r.press("j");
                r.press("<Esc>");
            }
            // A speaker filter on and off, a dismissed finding.
            _ => {
                let key = ["f", "f", "d"][rng.below(3)];
                r.press(key);
            }
        }
    }
    r.close_all();
    let at_end = resident();
    // The last save, as on quit.
    let mut last = std::mem::take(&mut r.state.changes);
    last.extend(r.state.cursor_changes());
    for c in last {
        r.store.change(c);
    }
    r.store.save().unwrap();

    let held = bookmarks(&r.state);
    assert!(
        toggles > total_keys / 100 && searches > total_keys / 100,
        "{toggles} {searches}"
    );
    assert!(!expected.is_empty());
    assert_eq!(held, expected, "the reader holds every bookmark made");
    let (reopened, warning) = callread::state::Store::open(state_dir.path()).unwrap();
    assert!(warning.is_none(), "{warning:?}");
    let saved: BTreeSet<(String, usize)> = reopened
        .state
        .transcripts
        .iter()
        .flat_map(|(k, t)| t.bookmarks.iter().map(move |b| (k.clone(), b.paragraph)))
        .collect();
    assert_eq!(saved, expected, "the state file holds every bookmark made");

    let mb = |b: u64| b as f64 / (1 << 20) as f64;
    eprintln!(
        "soak: {calls} calls, {} keys ({searches} searches, {toggles} bookmark toggles, {} \
         bookmarks), warm-up {warm:.1?}, total {:.1?}; resident {:?} MB after {measure_at} \
         keys, {:?} MB after {}",
        r.keys,
        expected.len(),
        started.elapsed(),
        at_first.map(mb),
        at_end.map(mb),
        r.keys,
    );
    if let (Some(before), Some(after)) = (at_first, at_end) {
        // Flat: less than 8 MB more after five times the keys (a layout, a result list or a
        // screen kept per key would pass that at once).
        assert!(
            after <= before + (8 << 20),
            "resident set grew from {:.1} MB to {:.1} MB",
            mb(before),
            mb(after)
        );
    }
}
