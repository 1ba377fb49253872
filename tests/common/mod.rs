//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod inject;
pub mod invented;
pub mod ui;

use callread::library::BUNDLED;
use callread::transcript::Transcript;

/// The text of a bundled seed whose file name starts with `prefix` ("000", "001", ...).
pub fn seed_text(prefix: &str) -> &'static str {
    BUNDLED
        .iter()
        .find(|(n, _)| n.starts_with(prefix))
        .map(|(_, t)| *t)
        .expect("seed")
}

/// Parses text through the full loading path (decode, clean, parse).
pub fn load(bytes: impl Into<Vec<u8>>) -> Transcript {
    callread::library::load_bytes(bytes.into(), "test.txt").expect("parses")
}

/// Every paragraph as (en, zh) texts, in order.
pub fn pairs(t: &Transcript) -> Vec<(Option<String>, Option<String>)> {
    t.paragraphs()
        .map(|(_, p)| (p.en.clone(), p.zh.clone()))
        .collect()
}

/// The speaker with this name.
pub fn speaker<'a>(t: &'a Transcript, name: &str) -> &'a callread::transcript::Speaker {
    t.speakers
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no speaker {name}"))
}

/// Runs the callread binary with these arguments.
pub fn run(args: &[&str]) -> std::process::Output {
    run_env(args, &[])
}

/// Runs the callread binary with these arguments and environment variables.
pub fn run_env(args: &[&str], env: &[(&str, &std::ffi::OsStr)]) -> std::process::Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_callread"));
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("callread runs")
}

/// Makes a FIFO at `path` (with the system's `mkfifo`), for tests of reads that would block.
#[cfg(unix)]
pub fn mkfifo(path: &std::path::Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}
