//! The binary as a script sees it: outputs, exit codes and one-line errors.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn callread(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_callread"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn assert_one_line_error(o: &Output, must_contain: &[&str]) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(1), "stderr: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "not one line: {err:?}");
    assert!(!err.contains("panicked"), "{err}");
    for part in must_contain {
        assert!(err.contains(part), "{err:?} lacks {part:?}");
        assert_eq!(
            err.matches(part).count(),
            1,
            "{part:?} said more than once: {err:?}"
        );
    }
    assert!(o.stdout.is_empty());
}

#[test]
fn dump_json_follows_the_contract() {
    let o = callread(&[
        "dump",
        "assets/transcripts/001_3c938f8f92a347bc.txt",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["source"], "assets/transcripts/001_3c938f8f92a347bc.txt");
    assert!(v["summary_zh"].as_array().unwrap().is_empty());
    assert!(v["notice"].as_str().unwrap().starts_with("使用警語"));
    let speakers = v["speakers"].as_array().unwrap();
    for s in speakers {
        for key in ["name", "title", "role", "firm"] {
            assert!(s.get(key).is_some(), "speaker lacks {key}");
        }
        assert!(
            ["operator", "executive", "analyst", "unknown"].contains(&s["role"].as_str().unwrap())
        );
    }
    let meta = speakers
        .iter()
        .find(|s| s["name"] == "Meta A. Marshall")
        .unwrap();
    assert_eq!(
        (meta["role"].as_str(), meta["firm"].as_str()),
        (Some("analyst"), Some("Morgan Stanley"))
    );
    let turns = v["turns"].as_array().unwrap();
    let mut untranslated = 0;
    for t in turns {
        assert!(t["speaker"].as_u64().unwrap() < speakers.len() as u64);
        assert!(["prepared", "qa"].contains(&t["section"].as_str().unwrap()));
        for p in t["paragraphs"].as_array().unwrap() {
            assert!(p["line"].as_u64().unwrap() >= 1);
            let flags = p["flags"].as_array().unwrap();
            if flags.iter().any(|f| f == "untranslated") {
                untranslated += 1;
                assert_eq!(
                    (p["line"].as_u64(), p["zh_line"].as_u64()),
                    (Some(128), Some(129))
                );
            }
        }
    }
    assert_eq!(untranslated, 1);
}

#[test]
fn bad_input_gives_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.path().join("image.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0").unwrap();
    let headers = dir.path().join("headers.txt");
    std::fs::write(&headers, "Operator\nOperator\n").unwrap();
    let no_transcripts = dir.path().join("nothing-here");
    std::fs::create_dir(&no_transcripts).unwrap();
    std::fs::write(no_transcripts.join("notes.pdf"), "x").unwrap();
    let missing = dir.path().join("missing.txt");

    let p = |p: &Path| p.display().to_string();
    for sub in [&["dump"][..], &[][..]] {
        let run = |path: &Path| callread(&[sub, &[p(path).as_str()]].concat());
        assert_one_line_error(&run(&empty), &[&p(&empty), "the file is empty"]);
        assert_one_line_error(&run(&binary), &[&p(&binary), "binary"]);
        assert_one_line_error(&run(&headers), &[&p(&headers), "no transcript paragraphs"]);
        assert_one_line_error(&run(&missing), &[&p(&missing), "No such file"]);
    }
    assert_one_line_error(
        &callread(&[&p(&no_transcripts)]),
        &[&p(&no_transcripts), "no transcripts"],
    );
    assert_one_line_error(
        &callread(&["dump", &p(&no_transcripts)]),
        &[&p(&no_transcripts)],
    );
}

/// A bad file named among good ones loses nothing: the others are read and written, the bad
/// one is named on stderr with why, and the exit code is 1.
#[test]
fn a_bad_file_named_among_others_is_said_and_the_others_read() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let good = "assets/transcripts/003_bc01a7a9b53a448b.txt";
    for sub in ["guidance", "dump", "check"] {
        let o = callread(&[sub, &empty.display().to_string(), good]);
        assert_eq!(o.status.code(), Some(1), "{sub}: {}", stderr(&o));
        assert!(
            !o.stdout.is_empty(),
            "{sub}: the good file's output is kept"
        );
        assert!(
            stderr(&o).contains("empty.txt: the file is empty"),
            "{sub}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn a_bad_file_inside_a_directory_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        include_str!("../assets/transcripts/003_bc01a7a9b53a448b.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), "").unwrap();
    let o = callread(&[&dir.path().display().to_string(), "--width", "80"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("b.txt") && stderr(&o).contains("warning"));
    assert!(!o.stdout.is_empty());
}

#[test]
fn help_and_version() {
    let o = callread(&["--help"]);
    assert!(o.status.success());
    let help = String::from_utf8_lossy(&o.stdout);
    assert!(help.contains("dump"));
    let o = callread(&["--version"]);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("callread "));
}

#[test]
fn piped_output_is_the_reader_layout_as_plain_text() {
    let o = callread(&[
        "assets/transcripts/000_28227caab299fe99.txt",
        "--width",
        "100",
    ]);
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).unwrap();
    let row = text
        .lines()
        .find(|l| l.contains("Hello, everybody."))
        .unwrap();
    assert!(
        row.contains("大家好"),
        "English and Chinese side by side: {row}"
    );
    assert!(
        text.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 100)
    );
    // The gutter marks the pairs the translation check flags, as the reader does (three
    // figure and length findings, a sentence left out, six names turned into words).
    let marked: Vec<&str> = text.lines().filter(|l| l.starts_with("! ")).collect();
    assert_eq!(marked.len(), 10, "{marked:#?}");
    assert!(marked.iter().any(|l| l.contains("Turning to guidance.")));
    assert!(
        !text.contains('\u{1b}'),
        "no escape sequences in plain output"
    );
}

/// `callread dump X | head`: the pipe's reader leaves early, callread exits 0 and says
/// nothing (no "Broken pipe").
#[test]
fn a_closed_pipe_is_a_quiet_exit() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    for args in [
        &["dump"][..],
        &["guidance", "--json"],
        &["search", "revenue"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_callread"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // stdout is dropped here: the pipe is closed with most of the output unread.
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{args:?}: {:?}", out.status);
        assert!(
            out.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Every subcommand takes no path (the bundled calls) or several, directories included.
#[test]
fn every_subcommand_takes_no_path_or_several() {
    let out = callread(&["dump"]);
    assert!(out.status.success());
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(all.as_array().map(Vec::len), Some(5));
    let out = callread(&["speakers", "--json"]);
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(all.as_array().map(Vec::len), Some(5));
    assert!(
        all[0]["participants"]
            .as_array()
            .is_some_and(|p| !p.is_empty())
    );
    for args in [&["check"][..], &["export"], &["speakers"]] {
        let out = callread(args);
        assert!(out.status.success(), "{args:?}");
        assert!(!out.stdout.is_empty(), "{args:?}");
    }
    // A directory: every transcript in it, not "Is a directory".
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/transcripts/000_28227caab299fe99.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    let out = callread(&["speakers", dir.path().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Eric Yuan"));
    // One file keeps the one-object shape.
    let file = dir.path().join("a.txt");
    let out = callread(&["dump", file.to_str().unwrap()]);
    let one: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(one.is_object());
}

/// Figures in JSON and CSV are the decimals a person wrote ("17.9 億" is 1790000000, not
/// 1789999999.9999998).
#[test]
fn no_float_noise_in_json_or_csv() {
    let noise = regex::Regex::new(r"\d\.\d*(?:0{6,}[1-9]|9{6,}\d)").unwrap();
    for args in [
        &["guidance", "--json"][..],
        &["guidance", "--csv"],
        &["check", "--json"],
    ] {
        let out = callread(args);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.is_empty());
        let found: Vec<&str> = noise.find_iter(&text).map(|m| m.as_str()).take(5).collect();
        assert!(found.is_empty(), "{args:?}: {found:?}");
    }
}

/// `--help` lists the keys, the environment variables and where the configuration is.
#[test]
fn help_names_keys_environment_and_config() {
    let out = callread(&["--help"]);
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "CALLREAD_STATE_DIR",
        "CALLREAD_CONFIG_DIR",
        "NO_COLOR",
        "--print-config",
        "Ctrl-a",
        "Exit codes",
    ] {
        assert!(text.contains(needle), "{needle} missing from --help");
    }
}

/// Runs callread and fails the test if it does not end within 10 s (a FIFO or a device must
/// never make it wait or read forever).
#[cfg(unix)]
fn callread_within(args: &[&str], env: &[(&str, &std::path::Path)]) -> Output {
    use std::process::Stdio;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_callread"));
    cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(10) {
            let _ = child.kill();
            panic!("callread {args:?} hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Only regular files are read, up to a size limit: a device, a FIFO (also as config.toml)
/// and an oversized file each give one line and exit 1 (a config is skipped with a warning),
/// and nothing hangs or fills the memory.
#[cfg(unix)]
#[test]
fn devices_fifos_and_huge_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    common::mkfifo(&fifo);
    let huge = dir.path().join("huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(300 << 20)
        .unwrap();
    for (path, why) in [
        (Path::new("/dev/zero"), "not a regular file"),
        (fifo.as_path(), "not a regular file"),
        (huge.as_path(), "larger than the 256 MB"),
    ] {
        let out = callread_within(&["check", path.to_str().unwrap()], &[]);
        assert_eq!(out.status.code(), Some(1), "{path:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(why) && err.lines().count() == 1,
            "{path:?}: {err}"
        );
    }
    // A FIFO as config.toml: a warning, the defaults, no wait.
    let config = dir.path().join("config");
    std::fs::create_dir(&config).unwrap();
    assert!(
        Command::new("mkfifo")
            .arg(config.join("config.toml"))
            .status()
            .unwrap()
            .success()
    );
    let out = callread_within(&["--print-config"], &[("CALLREAD_CONFIG_DIR", &config)]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
}

/// Bad input is exit 1 and a message: an empty file named to `search`, and a directory whose
/// every file is unreadable, for every command.
#[test]
fn nothing_readable_is_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = callread(&["search", "revenue", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty.txt"));
    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("a.txt"), "").unwrap();
    std::fs::write(bad.join("b.txt"), [0u8, 159, 146, 150, 0, 0, 1, 2]).unwrap();
    let bad = bad.to_str().unwrap();
    for args in [
        &["search", "revenue", bad][..],
        &["check", bad],
        &["guidance", bad],
        &["dump", bad],
        &[bad],
    ] {
        let out = callread(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.lines()
                .last()
                .is_some_and(|l| l.contains("no transcript could be read")),
            "{args:?}: {err}"
        );
    }
}

/// One bad byte, or a download cut mid-character, no longer rejects the file: it is read with
/// U+FFFD in place of the bad bytes, a warning naming the byte offset.
#[test]
fn a_damaged_byte_is_repaired_with_a_warning() {
    let text = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/transcripts/000_28227caab299fe99.txt"),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut damaged = text.clone();
    damaged.push(0xFF);
    let path = dir.path().join("damaged.txt");
    std::fs::write(&path, &damaged).unwrap();
    let out = callread(&["check", path.to_str().unwrap()]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("damaged.txt") && err.contains(&format!("at byte {}", text.len())),
        "{err}"
    );
    // The findings are the original's.
    let clean = callread(&["check", "--json"]);
    let repaired = callread(&["check", "--json", path.to_str().unwrap()]);
    let count = |o: &Output| {
        serde_json::from_slice::<serde_json::Value>(&o.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| {
                f["source"].as_str().unwrap().contains("000_")
                    || f["source"].as_str().unwrap().contains("damaged")
            })
            .count()
    };
    assert_eq!(count(&clean), count(&repaired));
}

/// A file name carrying escape sequences (retitle the window, clear the screen) reaches no
/// stream raw: warnings and errors are cleaned.
#[cfg(unix)]
#[test]
fn escape_sequences_in_file_names_are_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let name = "\u{1b}]0;PWNED\u{7}\u{1b}[2J x.txt";
    std::fs::write(dir.path().join(name), "").unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/transcripts/000_28227caab299fe99.txt"),
        dir.path().join("good.txt"),
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    for args in [
        &["check", d][..],
        &["guidance", d],
        &["search", "revenue", d],
        &[d],
    ] {
        let out = callread(args);
        for stream in [&out.stdout, &out.stderr] {
            assert!(
                !stream.contains(&0x1b) && !stream.contains(&0x07),
                "{args:?}: {}",
                String::from_utf8_lossy(stream)
            );
        }
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("PWNED"),
            "{args:?}"
        );
    }
}

/// #16 item 2: JSON `source` fields carry file names; a bidi override in one (a name that
/// shows as `txt.exe`) is escaped, so the JSON reads the same and shows inert on a screen.
#[test]
fn json_escapes_bidi_and_c1_controls_in_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let name = "call\u{202e}txt.exe\u{85}.txt";
    let path = dir.path().join(name);
    std::fs::copy("assets/transcripts/000_28227caab299fe99.txt", &path).unwrap();
    for args in [
        vec!["dump", "--json"],
        vec!["check", "--json"],
        vec!["guidance", "--json"],
    ] {
        let mut args = args.clone();
        let p = path.to_str().unwrap();
        args.push(p);
        let o = callread(&args);
        assert!(o.status.success(), "{args:?}");
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(
            !out.contains('\u{202e}') && !out.contains('\u{85}'),
            "{args:?}"
        );
        assert!(
            out.contains("\\u202e") && out.contains("\\u0085"),
            "{args:?}"
        );
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(
            v.to_string().contains(name),
            "{args:?}: the same string once parsed"
        );
    }
}

/// #15: `callread align --json` gives per pair its English line and the sentence links with
/// their text and character ranges in the paragraph.
#[test]
fn align_prints_sentence_links() {
    let o = callread(&[
        "align",
        "--json",
        "assets/transcripts/000_28227caab299fe99.txt",
    ]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let pairs = v[0]["pairs"].as_array().unwrap();
    assert!(pairs.len() > 100);
    let first = &pairs[0];
    assert_eq!(first["line"], 7);
    let links = first["links"].as_array().unwrap();
    assert_eq!(links.len(), 3, "{links:#?}");
    assert_eq!(links[0]["en"], "Hello, everybody.");
    assert_eq!(links[0]["zh"], "大家好。");
    assert_eq!(links[0]["en_range"]["start"], 0);
    // Character ranges: "大家好。" is four characters (twelve bytes), and the next Chinese
    // sentence starts at character 4.
    assert_eq!(links[0]["zh_range"]["end"], 4);
    assert_eq!(links[1]["zh_range"]["start"], 4);
    // A sentence left untranslated: an empty side with no range (Twilio, line 499).
    let o = callread(&[
        "align",
        "--json",
        "assets/transcripts/002_fe789ec308291cef.txt",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let pair = v[0]["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["line"] == 499)
        .unwrap();
    let last = pair["links"].as_array().unwrap().last().unwrap();
    assert!(
        last["en"]
            .as_str()
            .unwrap()
            .starts_with("So we're still marching")
    );
    assert_eq!(last["zh"], "");
    assert!(last["zh_range"].is_null(), "{last}");
    // The EPS guidance sentence links to the Chinese sentence with the same figures.
    let eps = pairs
        .iter()
        .flat_map(|p| p["links"].as_array().unwrap())
        .find(|l| l["en"].as_str().unwrap().contains("$5.29 to $5.32"))
        .expect("the EPS sentence");
    assert!(
        eps["zh"]
            .as_str()
            .unwrap()
            .contains("5.29 美元至 5.32 美元"),
        "{eps}"
    );
}

/// #26: one transcript is "1 transcript", not "1 transcripts".
#[test]
fn check_counts_in_the_right_number() {
    let zoom = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/transcripts/000_28227caab299fe99.txt"
    );
    let out = callread(&["check", zoom]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("findings in 1 transcript\n"), "{err}");
}
