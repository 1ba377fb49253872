//! Property tests: no input makes the loader panic.

mod common;

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        // Either a transcript whose every paragraph has text and a line in the input, or an
        // error that names the input (never a panic, never an empty message).
        // Lines as the decoder counts them: "\r\n", "\n" and a lone "\r" (old Mac files) each
        // end one.
        let lines = bytes
            .iter()
            .enumerate()
            .filter(|&(i, &b)| b == b'\n' || b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
            .count()
            + 1;
        match callread::library::load_bytes(bytes, "fuzz") {
            Ok(t) => {
                prop_assert!(t.paragraph_count() > 0);
                let placed = t.paragraphs().all(|(_, p)| {
                    (p.en.is_some() || p.zh.is_some()) && p.line >= 1 && p.line <= lines
                });
                prop_assert!(placed, "a paragraph without text or outside the input");
            }
            Err(e) => prop_assert!(e.to_string().starts_with("fuzz: "), "{e}"),
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "(\\PC{0,40}\n){0,40}") {
        if let Ok(t) = callread::library::load_bytes(text.clone().into_bytes(), "fuzz") {
            let lines = text.split('\n').count();
            prop_assert!(t.paragraphs().all(|(_, p)| p.line >= 1 && p.line <= lines));
        }
    }

    #[test]
    fn shuffled_seed_lines_never_panic(seed in 0usize..5, order in proptest::collection::vec(any::<u32>(), 600)) {
        let text = callread::library::BUNDLED[seed].1;
        let mut lines: Vec<(u32, &str)> = text.lines().zip(order.iter().cycle()).map(|(l, k)| (*k, l)).collect();
        lines.sort_by_key(|(k, _)| *k);
        let shuffled: String = lines.iter().map(|(_, l)| format!("{l}\n")).collect();
        let t = callread::library::load_bytes(shuffled.into_bytes(), "shuffled").unwrap();
        // Nothing is lost: every non-empty line is a header, the notice, summary, or part of a paragraph.
        let texts: usize = t.paragraphs().map(|(_, p)| p.en.is_some() as usize + p.zh.is_some() as usize).sum();
        prop_assert!(texts + t.summary_zh.len() + t.preamble.len() <= text.lines().count());
        prop_assert!(texts > 0);
    }
}

/// A lone carriage return ends a line (old Mac files), so the paragraph after it is on line 2:
/// a case the property above once found.
#[test]
fn a_lone_carriage_return_ends_a_line() {
    let t = callread::library::load_bytes(b"\r!".to_vec(), "fuzz").expect("one paragraph");
    let lines: Vec<usize> = t.paragraphs().map(|(_, p)| p.line).collect();
    assert_eq!(lines, [2]);
}
