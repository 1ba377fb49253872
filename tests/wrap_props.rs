//! Properties of the CJK-aware wrapper on generated mixed text.

use callread::text::wrap::{is_no_start, width, wrap};
use proptest::prelude::*;

fn mixed_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z]{1,14}",
        "[營收成長財年第三季度美元億萬]{1,12}",
        Just(" ".to_string()),
        Just("  ".to_string()),
        Just("，".to_string()),
        Just("。".to_string()),
        Just("、".to_string()),
        Just("「".to_string()),
        Just("」".to_string()),
        Just(",".to_string()),
        Just(". ".to_string()),
        "[0-9.$%]{1,6}",
        Just("e\u{301}".to_string()),
        Just("👍🏽".to_string()),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// Rewrites generated text so that a wrapping without closing marks at line starts exists:
/// no such mark right after a space (it could not join the word before it, and the space-mark
/// run may be wider than the line) and no run of three or more of them.
fn avoidable(s: String) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut run = 0;
    for (i, &c) in chars.iter().enumerate() {
        let next_visible = chars[i..].iter().find(|n| !n.is_whitespace());
        if c.is_whitespace() && next_visible.is_some_and(|&n| is_no_start(n)) {
            continue;
        }
        run = if is_no_start(c) { run + 1 } else { 0 };
        if run <= 2 {
            out.push(c);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_line_fits(text in mixed_text(), w in 1usize..60) {
        for r in wrap(&text, w) {
            prop_assert!(width(&text[r.clone()]) <= w.max(2), "{:?} at {}", &text[r], w);
        }
    }

    #[test]
    fn nothing_is_lost_but_break_spaces(text in mixed_text(), w in 1usize..60) {
        let ranges = wrap(&text, w);
        let mut pos = 0;
        for r in &ranges {
            prop_assert!(r.start >= pos && r.start < r.end);
            prop_assert!(text[pos..r.start].chars().all(char::is_whitespace), "dropped {:?}", &text[pos..r.start]);
            pos = r.end;
        }
        prop_assert!(text[pos..].chars().all(char::is_whitespace));
        let joined: String = ranges.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>().join(" ");
        let squash = |s: &str| s.split_whitespace().collect::<String>();
        prop_assert_eq!(squash(&joined), squash(&text));
    }

    #[test]
    fn no_line_starts_with_closing_punctuation(text in mixed_text().prop_map(avoidable), w in 6usize..60) {
        for (n, r) in wrap(&text, w).into_iter().enumerate() {
            let first = text[r.clone()].chars().next().unwrap();
            prop_assert!(n == 0 || !is_no_start(first) || r.start == 0, "line {} {:?}", n, &text[r]);
        }
    }

    /// A closing mark after a space (the translation writes "Insider 、Bloomreach") stays with
    /// the word before it, at any width where word, space and mark fit on a line.
    #[test]
    fn marks_after_a_space_stay_with_the_word_before(text in mixed_text(), w in 18usize..60) {
        for (n, r) in wrap(&text, w).into_iter().enumerate() {
            let first = text[r.clone()].chars().next().unwrap();
            let after_space = text[..r.start].ends_with(char::is_whitespace);
            let runs = text[r.start..].chars().take_while(|c| is_no_start(*c)).count();
            // A run of three marks or more may not fit with its word: not asked of the wrapper.
            let long_run = text[..r.start].chars().rev().take_while(|c| is_no_start(*c) || c.is_whitespace()).filter(|c| is_no_start(*c)).count() + runs > 2;
            prop_assert!(
                n == 0 || !is_no_start(first) || !after_space || long_run,
                "line {} {:?} at {}", n, &text[r], w
            );
        }
    }

    #[test]
    fn lines_never_split_a_grapheme(text in mixed_text(), w in 1usize..30) {
        use unicode_segmentation::UnicodeSegmentation;
        let bounds: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).chain([text.len()]).collect();
        for r in wrap(&text, w) {
            prop_assert!(bounds.contains(&r.start) && bounds.contains(&r.end));
        }
    }
}

/// The whole layout path, not the wrapper alone: in every layout of every bundled call at
/// every pane width from 18 to 68 columns (side by side: terminals of 40 to 140), no wrapped
/// line starts with a closing mark.
#[test]
fn no_line_of_any_layout_starts_with_closing_punctuation() {
    use callread::app::layout::{BlockKind, DocLayout, LayoutMode};
    for t in callread::library::bundled() {
        let paragraphs: Vec<_> = t.paragraphs().map(|(_, p)| p).collect();
        for mode in [
            LayoutMode::SideBySide,
            LayoutMode::Stacked,
            LayoutMode::English,
            LayoutMode::Chinese,
        ] {
            let widths = if mode == LayoutMode::SideBySide {
                40u16..=140
            } else {
                20u16..=70
            };
            for width in widths {
                let layout = DocLayout::new(&t, width, mode, false, None);
                for b in &layout.blocks {
                    let BlockKind::Pair(n) = b.kind else { continue };
                    for (lines, lang) in [(&b.left, b.left_lang), (&b.right, b.right_lang)] {
                        let Some(text) = paragraphs[n].side(lang) else {
                            continue;
                        };
                        for r in lines.iter().skip(1) {
                            let first = text[r.clone()].chars().next().unwrap_or(' ');
                            let before = text[..r.start].trim_end();
                            // A mark after a run of three marks cannot be kept with its word.
                            let run = before.chars().rev().take_while(|c| is_no_start(*c)).count();
                            assert!(
                                !is_no_start(first) || run >= 2,
                                "{} {mode:?} at {width}: {:?}",
                                t.source,
                                &text[r.clone()]
                            );
                        }
                    }
                }
            }
        }
    }
}
