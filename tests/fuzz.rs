//! Fuzzing the decoder and parser with byte mutations of the bundled calls (#16): damaged
//! bytes, cut files, spliced and duplicated ranges, stray control and escape bytes, BOMs and
//! other encodings' bytes. Run on every `cargo test` for a bounded number of cases
//! (`CALLREAD_FUZZ_CASES`, 48 by default; CI sets it), each checked end to end: decode, parse,
//! translation check, guidance, layout and plain output.
//!
//! Properties: nothing panics; a file with a few damaged bytes is still read (not called
//! binary) and keeps nearly all its paragraphs; no control character reaches the output.

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
        seed in 0usize..5,
        edits in proptest::collection::vec(mutation(), 1..24),
    ) {
        let mut bytes = callread::library::BUNDLED[seed].1.as_bytes().to_vec();
        for m in &edits {
            apply(&mut bytes, m);
        }
        if let Ok(t) = callread::library::load_bytes(bytes, "fuzz.txt") {
            let _ = callread::guidance::extract(&t);
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
