//! Shared by the benchmarks: a synthetic library and a heap counter.
#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A global allocator that tracks the current and peak heap size.
pub struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

/// Resets the peak to the current heap size and returns that size.
pub fn reset_peak() -> usize {
    let now = CURRENT.load(Ordering::Relaxed);
    PEAK.store(now, Ordering::Relaxed);
    now
}

/// The peak heap size since the last reset.
pub fn peak() -> usize {
    PEAK.load(Ordering::Relaxed)
}

/// Writes `files` transcripts (the bundled ones, repeated, each made unique by a line) into
/// a directory under target/, once, and returns it with its total size in bytes.
pub fn synthetic_library(files: usize) -> (PathBuf, u64) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-library-{files}"));
    let marker = dir.join(".complete");
    if !marker.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for i in 0..files {
            let (name, text) = callread::library::BUNDLED[i % callread::library::BUNDLED.len()];
            let body = text.replacen(
                "Operator\nOperator\n",
                &format!("Operator\nOperator\nCopy {i} of {name}.\n第 {i} 份。\n"),
                1,
            );
            std::fs::write(dir.join(format!("{i:04}_{name}")), body).unwrap();
        }
        std::fs::write(&marker, "").unwrap();
    }
    let size = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    (dir, size)
}
