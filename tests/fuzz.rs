//! Fuzzing the decoder and parser with byte mutations of the bundled calls (#16): damaged
//! bytes, cut files, spliced and duplicated ranges, stray control and escape bytes, BOMs and
//! other encodings' bytes. Run on every `cargo test` for a bounded number of cases
//! (`CALLREAD_FUZZ_CASES`, 48 by default; CI sets it), each checked end to end: decode, parse,
//! translation check, guidance, layout and plain output.
//!
//! Properties: nothing panics; a file with a few damaged bytes is still read (not called
//! binary) and keeps nearly all its paragraphs; no control character reaches the output. The
//! config parser is fuzzed too (#28): garbage lines never hide a valid setting after them.

use proptest::prelude::*;

/// One edit of the bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Duplicate(usize, usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let nasty = prop_oneof![
        Just(b"\x1b[2J".to_vec()),
        Just(b"\x1b]0;x\x07".to_vec()),
        Just(b"\xef\xbb\xbf".to_vec()),
        Just(b"\xff\xfe".to_vec()),
        Just(b"\r".to_vec()),
        Just(b"\x00".to_vec()),
        Just("\u{202e}".as_bytes().to_vec()),
        Just(b"\n\n\n".to_vec()),
        Just(b"Operator\n".to_vec()),
        proptest::collection::vec(any::<u8>(), 1..8),
    ];
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), nasty).prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<usize>(), 1usize..400).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<usize>(), 1usize..2000, any::<usize>())
            .prop_map(|(i, n, to)| Mutation::Duplicate(i, n, to)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match m {
        Mutation::Flip(i, b) => {
            if !bytes.is_empty() {
                bytes[i % len] = *b;
            }
        }
        Mutation::Insert(i, b) => {
            let at = i % (bytes.len() + 1);
            bytes.splice(at..at, b.iter().copied());
        }
        Mutation::Delete(i, n) => {
            let at = i % len;
            let end = (at + n).min(bytes.len());
            bytes.drain(at.min(end)..end);
        }
        Mutation::Duplicate(i, n, to) => {
            let at = i % len;
            let end = (at + n).min(bytes.len());
            let part = bytes[at.min(end)..end].to_vec();
            let to = to % (bytes.len() + 1);
            bytes.splice(to..to, part);
        }
        Mutation::Truncate(i) => {
            // Keep at least half: a cut download, not an empty file.
            let keep = bytes.len() / 2 + i % (bytes.len() / 2 + 1);
            bytes.truncate(keep);
        }
    }
}

/// How many seed files [`seed_bytes`] has.
const SEEDS: usize = 12;

/// The files mutations start from, one of each layout and encoding the parser reads: the five
/// bundled bilingual calls, the English-only layout (`Name -- Title`, blank lines), a bundled
/// call in Big5, the English-only call in UTF-16LE, and the colon, name-line, capitals and
/// speaker-turn JSON fixtures.
fn seed_bytes(seed: usize) -> Vec<u8> {
    let english_only = include_str!("fixtures/fool_style.txt");
    match seed {
        0..5 => callread::library::BUNDLED[seed].1.as_bytes().to_vec(),
        5 => english_only.as_bytes().to_vec(),
        6 => encoding_rs::BIG5
            .encode(callread::library::BUNDLED[1].1)
            .0
            .into_owned(),
        7 => english_only
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect(),
        8 => include_str!("fixtures/layouts/colon.txt")
            .as_bytes()
            .to_vec(),
        9 => include_str!("fixtures/layouts/name_line.txt")
            .as_bytes()
            .to_vec(),
        10 => include_str!("fixtures/layouts/capitals.txt")
            .as_bytes()
            .to_vec(),
        _ => include_str!("fixtures/layouts/speaker_turns.json")
            .as_bytes()
            .to_vec(),
    }
}

fn cases() -> u32 {
    std::env::var("CALLREAD_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// Anything goes: the whole pipeline never panics and never prints a control character.
    #[test]
    fn mutated_calls_never_panic(
        seed in 0usize..SEEDS,
        edits in proptest::collection::vec(mutation(), 1..24),
    ) {
        let mut bytes = seed_bytes(seed);
        for m in &edits {
            apply(&mut bytes, m);
        }
        if let Ok(t) = callread::library::load_bytes(bytes, "fuzz.txt") {
            // Every figure points into its own paragraph: its English span and Chinese spans
            // are ranges of that paragraph's text, on character boundaries, and its
            // confidence is a probability.
            for f in callread::guidance::extract(&t) {
                let p = t.paragraphs().nth(f.paragraph).map(|(_, p)| p);
                prop_assert!(p.is_some(), "figure in paragraph {} of {}", f.paragraph, t.paragraph_count());
                let p = p.unwrap();
                let en = p.en.as_deref().unwrap_or("");
                prop_assert!(en.get(f.span.clone()).is_some(), "span {:?} of {en:?}", f.span);
                let zh = p.zh.as_deref().unwrap_or("");
                prop_assert!(f.zh_spans.iter().all(|r| zh.get(r.clone()).is_some()), "{:?}", f.zh_spans);
                prop_assert!((0.0..=1.0).contains(&f.confidence), "{}", f.confidence);
            }
            let mode = callread::app::LayoutMode::SideBySide;
            let mut out = Vec::new();
            callread::plain::write_transcript(&mut out, &t, 90, mode, false).unwrap();
            let out = String::from_utf8(out).unwrap();
            prop_assert!(
                !out.chars().any(|c| c.is_control() && c != '\n'),
                "a control character in plain output"
            );
        }
    }

    /// A damaged translation in a file of its own pairs without a panic, and never pairs
    /// more paragraphs than the English has.
    #[test]
    fn a_mutated_translation_file_pairs(
        edits in proptest::collection::vec(mutation(), 1..24),
    ) {
        let mut bytes = include_str!("fixtures/layouts/pair/brindle.zh.txt").as_bytes().to_vec();
        for m in &edits {
            apply(&mut bytes, m);
        }
        let zh = String::from_utf8_lossy(&bytes);
        let mut t = callread::transcript::parse(
            include_str!("fixtures/layouts/pair/brindle.txt"),
            "en.txt",
        )
        .unwrap();
        let p = callread::transcript::translation::attach(&mut t, &zh);
        prop_assert!(p.paired <= p.english);
        let mut out = Vec::new();
        callread::plain::write_transcript(&mut out, &t, 90, callread::app::LayoutMode::SideBySide, false).unwrap();
        let out = String::from_utf8(out).unwrap();
        prop_assert!(!out.chars().any(|c| c.is_control() && c != '\n'));
    }

    /// A few damaged bytes (a flipped byte, a cut last character) lose a paragraph at most
    /// here and there: the file is read, with a warning, and keeps nearly everything.
    #[test]
    fn a_few_damaged_bytes_keep_the_file(
        seed in 0usize..5,
        flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..4),
        cut in 0usize..4,
    ) {
        let text = callread::library::BUNDLED[seed].1;
        let whole = callread::library::load_bytes(text.as_bytes().to_vec(), "a.txt").unwrap();
        let mut bytes = text.as_bytes().to_vec();
        for (i, b) in &flips {
            apply(&mut bytes, &Mutation::Flip(*i, *b));
        }
        bytes.truncate(bytes.len() - cut);
        let t = callread::library::load_bytes(bytes, "a.txt");
        prop_assert!(t.is_ok(), "rejected: {:?}", t.err().map(|e| e.to_string()));
        let t = t.unwrap();
        let (n, m) = (whole.paragraph_count(), t.paragraph_count());
        prop_assert!(m * 100 >= n * 95, "{m} of {n} paragraphs kept");
    }
}

/// A line of garbage for a config file: anything on one line, or a piece of TOML syntax
/// broken in a known way (an unclosed array, string or inline table, a bad escape, a key
/// without a value). Table headers are left out: a setting after `[x]` belongs to table x.
fn config_garbage_line() -> impl Strategy<Value = String> {
    let broken = prop_oneof![
        Just("a b = 1".to_string()),
        Just("x = [".to_string()),
        Just("x = [1,".to_string()),
        Just("  \"a\",".to_string()),
        Just("]".to_string()),
        Just("x = {".to_string()),
        Just("keys = { quit = \"Q\",".to_string()),
        Just("note = \"\"\"".to_string()),
        Just("note = '''".to_string()),
        Just("\"\"\"".to_string()),
        Just("theme = \"a\\qb\\zc\"".to_string()),
        Just("layout = \"st".to_string()),
        Just("mouse = fals".to_string()),
        Just("[keys".to_string()),
        Just("= =".to_string()),
        Just("x = 1 y = 2".to_string()),
        Just("x.y.z = \"\\u12\"".to_string()),
        Just("x = \"a\rb\"".to_string()),
        "[^\n]{0,40}",
        // Token soup: the characters TOML's syntax turns on, in any order.
        proptest::collection::vec(
            prop_oneof![
                Just("x"),
                Just("k1"),
                Just(" "),
                Just("="),
                Just("\""),
                Just("'"),
                Just("\"\"\""),
                Just("'''"),
                Just("["),
                Just("]"),
                Just("{"),
                Just("}"),
                Just(","),
                Just("."),
                Just("#"),
                Just("\\"),
                Just("1"),
                Just("true"),
            ],
            0..12,
        )
        .prop_map(|t| t.concat()),
    ];
    broken.prop_filter("no table header, no forget_after_days", |l| {
        let header = l.trim_start().starts_with('[') && l.contains(']');
        !header && !l.contains("forget")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases() * 4, ..ProptestConfig::default() })]

    /// #28: the config parser never panics, and a valid setting after any number of broken
    /// lines still applies (a syntax error costs only what it breaks).
    #[test]
    fn config_garbage_never_hides_a_later_setting(
        garbage in proptest::collection::vec(config_garbage_line(), 0..12),
        days in 1u64..100_000,
    ) {
        let mut text = garbage.join("\n");
        text.push_str(&format!("\nforget_after_days = {days}\n"));
        let (config, warnings) = callread::config::parse(&text, None);
        prop_assert_eq!(
            config.forget_after_days,
            days,
            "text {:?}, warnings {:?}",
            text,
            warnings.iter().map(ToString::to_string).collect::<Vec<_>>()
        );
        let last = text.lines().count();
        prop_assert!(
            warnings.iter().all(|w| w.line.is_some_and(|l| l < last)),
            "no warning on the valid line: {:?}",
            warnings
        );
    }
}
