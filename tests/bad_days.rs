//! Bad days, second round (#28): damaged bytes, files that block, a broken config and paths
//! with escapes. Every input here is invented; a fixed-seed generator makes the damage.
//! The tests of files that block need Unix (a FIFO) and Linux (a file lease).
#![cfg_attr(not(target_os = "linux"), allow(dead_code, unused_imports))]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use callread::text::{Encoding, decode};
use common::invented::{Rng, bilingual_call, english_call};

/// `count` distinct positions where `pick` holds, at least `gap` bytes apart, in lines of
/// running text (more than 60 bytes: not a speaker's name, which damage may make unknown).
fn positions(
    rng: &mut Rng,
    bytes: &[u8],
    count: usize,
    gap: usize,
    pick: impl Fn(u8) -> bool,
) -> Vec<usize> {
    let in_text = |at: usize| {
        let start = bytes[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let end = bytes[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| at + i);
        end - start > 60
    };
    let mut out: Vec<usize> = Vec::new();
    while out.len() < count {
        let at = rng.below(bytes.len());
        if pick(bytes[at]) && in_text(at) && out.iter().all(|&o| o.abs_diff(at) >= gap) {
            out.push(at);
        }
    }
    out.sort_unstable();
    out
}

/// #28 item 1: 33 flipped bytes in a 100 KB bilingual call, 17 of them lead bytes of Chinese
/// characters (each leaves three bad bytes), are UTF-8 with U+FFFD and the warning, not "a
/// binary file": 67 bad bytes, more than the 64 the old cap allowed.
#[test]
fn thirty_three_flipped_bytes_in_a_bilingual_call_are_repaired() {
    let text = bilingual_call(28, 100_000);
    assert!((100_000..110_000).contains(&text.len()), "{}", text.len());
    let mut bytes = text.clone().into_bytes();
    let mut rng = Rng(0x5EED_0028);
    let leads = positions(&mut rng, &bytes, 17, 8, |b| (0xE0..=0xEF).contains(&b));
    let letters = positions(&mut rng, &bytes, 16, 8, |b| b.is_ascii_alphabetic());
    for &at in &leads {
        // A continuation byte where the lead was: the character's three bytes are all bad.
        bytes[at] = 0x80 + rng.below(0x40) as u8;
    }
    for &at in &letters {
        bytes[at] = 0x80 + rng.below(0x80) as u8;
    }
    let first = leads[0].min(letters[0]);
    let (decoded, enc) = decode(bytes.clone()).expect("read, not refused");
    assert_eq!(
        enc,
        Encoding::Utf8Repaired {
            first_bad: first,
            bad: 17 * 3 + 16
        }
    );
    assert_eq!(decoded.matches('\u{FFFD}').count(), 17 * 3 + 16);
    // Through the whole loading path: the warning, and every paragraph kept.
    let whole = common::load(text);
    let t = callread::library::load_bytes(bytes, "damaged.txt").expect("loads");
    assert_eq!(t.paragraph_count(), whole.paragraph_count());
    assert!(
        t.warnings
            .iter()
            .any(|w| w.contains("UTF-8 with 67 bad bytes") && w.contains("U+FFFD")),
        "{:?}",
        t.warnings
    );
}

/// #28 item 2: 66 bytes of an English call (70 KB) damaged to random high bytes are read as
/// UTF-8 with 66 U+FFFD and a warning that counts them, not silently as windows-1252 letters.
#[test]
fn damage_in_an_english_call_is_not_read_as_a_single_byte_encoding() {
    let text = english_call(66, 70_000);
    let mut bytes = text.clone().into_bytes();
    let mut rng = Rng(0x5EED_0066);
    let at = positions(&mut rng, &bytes, 66, 4, |b| b.is_ascii_alphabetic());
    for &i in &at {
        bytes[i] = 0x80 + rng.below(0x80) as u8;
    }
    let (decoded, enc) = decode(bytes.clone()).expect("read");
    assert_eq!(
        enc,
        Encoding::Utf8Repaired {
            first_bad: at[0],
            bad: 66
        }
    );
    assert_eq!(decoded.matches('\u{FFFD}').count(), 66);
    let t = callread::library::load_bytes(bytes, "english.txt").expect("loads");
    assert_eq!(t.paragraph_count(), common::load(text).paragraph_count());
    assert!(
        t.warnings.iter().any(|w| w.contains("66 bad bytes")),
        "{:?}",
        t.warnings
    );
}

/// Genuine legacy files still are what they are: windows-1252 English with curly quotes,
/// dashes and accented names, and the invented bilingual call in Big5 and in GB18030.
#[test]
fn genuine_windows_1252_big5_and_gb18030_still_decode_as_such() {
    let english = english_call(1252, 20_000).replace(
        "Thank you for taking my question",
        "We\u{2019}re \u{201C}pleased\u{201D} \u{2014} Nestl\u{e9}, Z\u{fc}rich and S\u{e3}o Paulo\u{2026} Thank you for taking my question",
    );
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&english);
    assert!(!unmappable);
    assert!(bytes.iter().filter(|&&b| b >= 0x80).count() > 50);
    let (decoded, enc) = decode(bytes.into_owned()).unwrap();
    assert_eq!(enc, Encoding::Legacy("windows-1252"));
    assert_eq!(decoded, english);

    let call = bilingual_call(5, 30_000);
    let (big5, _, unmappable) = encoding_rs::BIG5.encode(&call);
    assert!(!unmappable);
    let (decoded, enc) = decode(big5.into_owned()).unwrap();
    assert_eq!(enc, Encoding::Legacy("Big5"));
    assert_eq!(decoded, call);
    let (gb, _, _) = encoding_rs::GB18030.encode(&call);
    let (decoded, enc) = decode(gb.into_owned()).unwrap();
    assert!(matches!(enc, Encoding::Legacy("GBK" | "gb18030")), "{enc}");
    assert_eq!(decoded, call);
}

/// Config text parsed, warnings as people see them.
fn parse_config(text: &str) -> (callread::config::Config, Vec<String>) {
    let (config, warnings) = callread::config::parse(text, Some("c.toml".into()));
    (config, warnings.iter().map(ToString::to_string).collect())
}

/// #28 item 3: a syntax error on line 1 costs line 1, not every later setting (toml's own
/// recovery gave up on the rest of the file).
#[test]
fn a_syntax_error_on_line_one_keeps_every_later_setting() {
    let (config, warnings) = parse_config(
        "a b = 1\ntheme = \"light\"\nmouse = false\nlayout = \"stacked\"\n[keys]\nquit = \"Ctrl-q\"\n",
    );
    assert_eq!(
        config.theme,
        callread::app::ThemeKind::Light,
        "{warnings:?}"
    );
    assert!(!config.mouse);
    assert_eq!(config.layout, callread::app::LayoutMode::Stacked);
    assert_eq!(
        config.keys,
        [("quit".to_string(), vec!["Ctrl-q".to_string()])]
    );
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].starts_with("c.toml:1: "), "{warnings:?}");
}

/// #28 item 3: an invalid string (two bad escapes) on line 1 warns once.
#[test]
fn an_invalid_string_warns_once() {
    let (config, warnings) = parse_config("theme = \"a\\qb\\zc\"\nmouse = false\n");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].starts_with("c.toml:1: "), "{warnings:?}");
    assert_eq!(config.theme, callread::app::ThemeKind::Dark);
    assert!(!config.mouse);
}

/// A broken line inside a multi-line value costs that value; a value that never closes costs
/// its own lines; each is said once, at its line; what follows applies.
#[test]
fn a_broken_multi_line_value_costs_only_itself() {
    // An array with a bad element: the whole array is skipped, the rest applies.
    let (config, warnings) = parse_config(
        "theme = \"light\"\n[keys]\nnext_paragraph = [\n  \"J\",\n  Down,\n]\nquit = \"Ctrl-q\"\n",
    );
    assert_eq!(config.theme, callread::app::ThemeKind::Light);
    assert_eq!(
        config.keys,
        [("quit".to_string(), vec!["Ctrl-q".to_string()])]
    );
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].starts_with("c.toml:5: "), "{warnings:?}");

    // An array never closed, ended by the next setting.
    let (config, warnings) =
        parse_config("layout = [\n  \"stacked\",\ntheme = \"light\"\nmouse = false\n");
    assert_eq!(
        config.theme,
        callread::app::ThemeKind::Light,
        "{warnings:?}"
    );
    assert!(!config.mouse);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].starts_with("c.toml:1: "), "{warnings:?}");

    // A multi-line string and an inline table never closed: the lines after them are read.
    for opener in ["note = \"\"\"", "note = '''", "keys = { quit = \"Q\","] {
        let text = format!("{opener}\nsome words\ntheme = \"light\"\nmouse = false\n");
        let (config, warnings) = parse_config(&text);
        assert_eq!(
            config.theme,
            callread::app::ThemeKind::Light,
            "{opener}: {warnings:?}"
        );
        assert!(!config.mouse, "{opener}");
        assert!(
            warnings.iter().all(|w| w.starts_with("c.toml:1: ")),
            "{opener}: said once, where it opens: {warnings:?}"
        );
    }
}

/// Runs the binary with these arguments and environment, failing the test if it takes more
/// than `limit`; returns the output and the time it took.
fn run_within(args: &[&str], env: &[(&str, &Path)], limit: Duration) -> (Output, Duration) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_callread"));
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let start = Instant::now();
    let mut child = cmd.spawn().expect("callread starts");
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("callread {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let elapsed = start.elapsed();
    (child.wait_with_output().unwrap(), elapsed)
}

/// #28 item 4: `--print-config` cleans the config path like every other stream: ESC and BEL
/// in a directory name never reach the terminal.
#[cfg(unix)]
#[test]
fn print_config_cleans_the_path() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("cfg\u{1b}]0;pwned\u{7}\u{1b}[2Jdir");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "theme = \"light\"\n").unwrap();
    let (o, _) = run_within(
        &["--print-config"],
        &[
            ("CALLREAD_CONFIG_DIR", &dir),
            ("CALLREAD_STATE_DIR", home.path()),
        ],
        Duration::from_secs(10),
    );
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        !out.contains(['\u{1b}', '\u{7}']),
        "control characters reach stdout: {out:?}"
    );
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with("# ")
            && first.contains("cfg]0;pwned[2Jdir")
            && first.ends_with("config.toml"),
        "{first:?}"
    );
    assert!(out.contains("theme = \"light\""), "{out}");
}

/// #28 item 5, the mechanism: a read that blocks (opening a FIFO nobody writes to waits for a
/// writer) is given up after the timeout with an error that says so.
#[cfg(unix)]
#[test]
fn a_read_that_blocks_is_given_up() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    common::mkfifo(&fifo);
    let start = Instant::now();
    let opened = fifo.clone();
    let result =
        callread::library::within(Duration::from_millis(200), move || std::fs::read(&opened));
    let elapsed = start.elapsed();
    let e = result.expect_err("a FIFO without a writer never gives its bytes");
    assert_eq!(e.kind(), std::io::ErrorKind::TimedOut);
    assert!(
        e.to_string()
            .contains("reading timed out after 0.2 s (is it a device or a pipe?)"),
        "{e}"
    );
    assert!(
        (Duration::from_millis(200)..Duration::from_secs(2)).contains(&elapsed),
        "{elapsed:?}"
    );
    // A read that finishes in time gives its result.
    let quick = callread::library::within(Duration::from_secs(5), || Ok(7));
    assert_eq!(quick.unwrap(), 7);
}

/// A write lease on a file: while it is held, another process's `open` of the file blocks
/// (up to `/proc/sys/fs/lease-break-time`, 45 s by default). This is a file that reports
/// itself regular and blocks, like `/proc/kmsg`, made by an unprivileged test.
#[cfg(target_os = "linux")]
struct Lease {
    /// The descriptor the lease is on: dropping it ends the lease.
    _held: std::fs::File,
}

#[cfg(target_os = "linux")]
impl Lease {
    /// Takes a write lease on `path`, or None where the file system has no leases.
    fn take(path: &Path) -> Option<Lease> {
        use std::os::fd::AsRawFd;
        // The lease holder is told of a breaking open by SIGIO, whose default is to end the
        // process: this test process ignores it.
        // SAFETY: setting a signal's disposition to SIG_IGN has no other effect.
        unsafe {
            libc::signal(libc::SIGIO, libc::SIG_IGN);
        }
        let file = std::fs::File::open(path).ok()?;
        // SAFETY: fcntl on a file descriptor this function owns.
        let taken = unsafe { libc::fcntl(file.as_raw_fd(), libc::F_SETLEASE, libc::F_WRLCK) };
        if taken == 0 {
            Some(Lease { _held: file })
        } else {
            eprintln!(
                "no file leases on {}: {}",
                path.display(),
                std::io::Error::last_os_error()
            );
            None
        }
    }
}

/// #28 item 5, end to end: a transcript, a config.toml and a state.json that block on open are
/// given up after the timeout (`CALLREAD_READ_TIMEOUT_MS`): one line naming the file and
/// exit 1 for a transcript; a warning and the defaults for the config; no store (nothing read,
/// nothing saved, the file left as it was) for the state.
#[cfg(target_os = "linux")]
#[test]
fn transcript_config_and_state_that_block_are_given_up() {
    let home = tempfile::tempdir().unwrap();
    let call = home.path().join("call.txt");
    std::fs::write(&call, bilingual_call(7, 5_000)).unwrap();
    let Some(lease) = Lease::take(&call) else {
        // Without leases (some container file systems) the mechanism is still tested by
        // `a_read_that_blocks_is_given_up`.
        return;
    };
    let timeout: PathBuf = "300".into();
    let env = [
        ("CALLREAD_READ_TIMEOUT_MS", timeout.as_path()),
        ("CALLREAD_STATE_DIR", home.path()),
        ("CALLREAD_CONFIG_DIR", home.path()),
    ];
    let name = call.to_str().unwrap();
    for args in [vec![name], vec!["check", name]] {
        let (o, took) = run_within(&args, &env, Duration::from_secs(10));
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains(&format!(
                "{name}: reading timed out after 0.3 s (is it a device or a pipe?)"
            )),
            "{err}"
        );
        assert!(took < Duration::from_secs(3), "{args:?} took {took:?}");
    }
    // Inside a directory it is skipped with a warning; the other call is read.
    let library = home.path().join("library");
    std::fs::create_dir(&library).unwrap();
    std::fs::write(library.join("good.txt"), bilingual_call(8, 5_000)).unwrap();
    std::fs::hard_link(&call, library.join("blocked.txt")).unwrap();
    let (o, took) = run_within(
        &["speakers", library.to_str().unwrap()],
        &env,
        Duration::from_secs(10),
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("skipped") && err.contains("timed out"),
        "{err}"
    );
    assert!(took < Duration::from_secs(3), "took {took:?}");
    drop(lease);

    // config.toml: a warning naming it, the defaults, exit 0.
    let config = home.path().join("config.toml");
    std::fs::write(&config, "theme = \"light\"\n").unwrap();
    let lease = Lease::take(&config).expect("leases work here");
    let (o, took) = run_within(&["--print-config"], &env, Duration::from_secs(10));
    let (out, err) = (
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr),
    );
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains(&format!(
            "{}: reading timed out after 0.3 s (is it a device or a pipe?); using the defaults",
            config.display()
        )),
        "{err}"
    );
    assert!(out.contains("theme = \"dark\""), "the defaults: {out}");
    assert!(took < Duration::from_secs(3), "took {took:?}");
    drop(lease);

    // state.json: the store cannot be opened (the reader then runs without saving); the file
    // is neither moved aside as corrupt nor rewritten.
    let state_dir = home.path().join("state");
    std::fs::create_dir(&state_dir).unwrap();
    let saved = "{\"version\": 1, \"transcripts\": {}}";
    std::fs::write(state_dir.join("state.json"), saved).unwrap();
    let lease = Lease::take(&state_dir.join("state.json")).expect("leases work here");
    let start = Instant::now();
    let e = callread::state::Store::open(&state_dir).expect_err("the store is not opened");
    assert_eq!(e.kind(), std::io::ErrorKind::TimedOut);
    assert!(
        e.to_string()
            .contains("state.json: reading timed out after 2 s"),
        "{e}"
    );
    assert!(start.elapsed() < Duration::from_secs(4));
    drop(lease);
    assert_eq!(
        std::fs::read_to_string(state_dir.join("state.json")).unwrap(),
        saved
    );
    let names: Vec<String> = std::fs::read_dir(&state_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| n == "state.json" || n == "state.lock"),
        "{names:?}"
    );
}
