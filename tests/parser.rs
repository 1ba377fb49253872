//! The parser on the bundled calls, on damaged copies of them, and on other styles.

mod common;

use callread::transcript::{Flag, Role, Section};
use common::{load, pairs, seed_text, speaker};

#[test]
fn bundled_calls_have_the_expected_shape() {
    // (seed, turns, paragraphs, distinct speakers, summary paragraphs), counted independently
    // with awk: every content line lands in exactly one paragraph. In 000 "Unidentified
    // Participant" is three analysts the operator introduces: 20 headers, 22 speakers.
    let expected = [
        ("000", 95, 159, 22, 3),
        ("001", 67, 175, 16, 0),
        ("002", 75, 197, 17, 3),
        ("003", 55, 115, 14, 0),
        ("004", 75, 130, 21, 0),
    ];
    for (seed, turns, paragraphs, speakers, summary) in expected {
        let t = load(seed_text(seed));
        assert_eq!(t.turns.len(), turns, "{seed} turns");
        assert_eq!(t.paragraph_count(), paragraphs, "{seed} paragraphs");
        assert_eq!(t.speakers.len(), speakers, "{seed} speakers");
        assert_eq!(t.summary_zh.len(), summary, "{seed} summary");
        assert!(
            t.notice
                .as_deref()
                .is_some_and(|n| n.starts_with("使用警語")),
            "{seed} notice"
        );
        assert!(
            t.turns.iter().all(|turn| !turn.paragraphs.is_empty()),
            "{seed} empty turn"
        );
        assert!(t.preamble.is_empty());
    }
}

#[test]
fn exactly_one_untranslated_paragraph_across_the_bundled_calls() {
    let mut flagged = Vec::new();
    for seed in ["000", "001", "002", "003", "004"] {
        let t = load(seed_text(seed));
        for (_, p) in t.paragraphs() {
            if !p.flags.is_empty() {
                flagged.push((seed, p.line, p.zh_line, p.flags.clone()));
            }
        }
    }
    assert_eq!(flagged, [("001", 128, Some(129), vec![Flag::Untranslated])]);
}

#[test]
fn roles_and_firms_come_from_the_call_not_the_title() {
    let t = load(seed_text("001"));
    let meta = speaker(&t, "Meta A. Marshall");
    assert_eq!(meta.title.as_deref(), Some("VP"));
    assert_eq!(
        (meta.role, meta.firm.as_deref()),
        (Role::Analyst, Some("Morgan Stanley"))
    );
    assert_eq!(speaker(&t, "Kevin Kraus").role, Role::Executive);

    let t = load(seed_text("003"));
    let ader = speaker(&t, "Jackson Ader");
    assert_eq!(ader.title, None);
    assert_eq!(
        (ader.role, ader.firm.as_deref()),
        (Role::Analyst, Some("MoffettNathanson"))
    );
    assert_eq!(ader.firm_zh.as_deref(), Some("MoffettNathanson"));
    assert_eq!(speaker(&t, "George Michael Iwanyc").role, Role::Analyst);
    assert_eq!(speaker(&t, "Anne Raimondi").role, Role::Executive);
}

#[test]
fn titles_with_dashes_and_sections() {
    let t = load(seed_text("002"));
    let bryan = speaker(&t, "Bryan Vaniman");
    assert_eq!(
        bryan.title.as_deref(),
        Some("Senior Vice President - Investor Relations & Corporate Development")
    );
    assert_eq!(bryan.role, Role::Executive);
    // The Q&A starts at the operator's first introduction and never goes back.
    let first_qa = t
        .turns
        .iter()
        .position(|t| t.section == Section::Qa)
        .unwrap();
    assert!(t.turns[first_qa..].iter().all(|t| t.section == Section::Qa));
    assert_eq!(t.speakers[t.turns[first_qa].speaker].role, Role::Operator);
    // Unidentified participants get no firm: it may be someone else each time.
    for s in t
        .speakers
        .iter()
        .filter(|s| s.name.starts_with("Unidentified"))
    {
        assert_eq!(s.firm, None);
    }
}

#[test]
fn crlf_bom_trailing_spaces_and_blank_lines_change_nothing() {
    let original = load(seed_text("000"));
    let crlf = seed_text("000").replace('\n', "\r\n");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(crlf.as_bytes());
    let spaced: String = seed_text("000")
        .lines()
        .map(|l| format!("{l}   \t\n\n"))
        .collect();
    for variant in [crlf.into_bytes(), bom, spaced.clone().into_bytes()] {
        let t = load(variant);
        assert_eq!(pairs(&t), pairs(&original));
        assert_eq!(t.speakers, original.speakers);
        assert_eq!(t.summary_zh, original.summary_zh);
    }
    // Blank lines shift line numbers: they must count.
    let t = load(spaced);
    assert_eq!(
        t.turns[1].paragraphs[0].line,
        2 * original.turns[1].paragraphs[0].line - 1
    );
}

fn without_line(text: &str, line: usize) -> String {
    text.lines()
        .enumerate()
        .filter(|(i, _)| i + 1 != line)
        .map(|(_, l)| format!("{l}\n"))
        .collect()
}

fn with_line_after(text: &str, line: usize, extra: &str) -> String {
    let mut out = String::new();
    for (i, l) in text.lines().enumerate() {
        out.push_str(l);
        out.push('\n');
        if i + 1 == line {
            out.push_str(extra);
            out.push('\n');
        }
    }
    out
}

#[test]
fn a_deleted_chinese_line_damages_only_its_paragraph() {
    let original = load(seed_text("000"));
    // Line 82 is the Chinese of the Q3 guidance paragraph (English on line 81).
    let damaged = load(without_line(seed_text("000"), 82));
    let before = pairs(&original);
    let after = pairs(&damaged);
    assert_eq!(before.len(), after.len());
    let idx = original
        .paragraphs()
        .position(|(_, p)| p.line == 81)
        .unwrap();
    for (i, (b, a)) in before.iter().zip(&after).enumerate() {
        if i == idx {
            assert_eq!(a.0, b.0);
            assert_eq!(a.1, None);
        } else {
            assert_eq!(a, b, "paragraph {i}");
        }
    }
    let (_, p) = damaged.paragraphs().nth(idx).unwrap();
    assert_eq!(p.flags, [Flag::MissingTranslation]);
    assert_eq!(
        damaged
            .paragraphs()
            .filter(|(_, p)| !p.flags.is_empty())
            .count(),
        1
    );
}

#[test]
fn an_inserted_line_damages_only_itself() {
    let original = pairs(&load(seed_text("003")));
    for extra in [
        "這是一行多出來的中文。",
        "An extra English sentence that has no translation.",
    ] {
        // Line 121 is a Chinese line: the extra one stands between two pairs.
        let damaged = load(with_line_after(seed_text("003"), 121, extra));
        let flagged: Vec<_> = damaged
            .paragraphs()
            .filter(|(_, p)| !p.flags.is_empty())
            .collect();
        assert_eq!(flagged.len(), 1, "{extra}");
        assert_eq!(flagged[0].1.line, 122);
        let mut after = pairs(&damaged);
        let pos = damaged
            .paragraphs()
            .position(|(_, p)| p.line == 122)
            .unwrap();
        after.remove(pos);
        assert_eq!(after, original, "{extra}");
    }
}

#[test]
fn legacy_and_utf16_encodings_read_the_same() {
    let text = seed_text("004");
    let original = load(text);
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let (gb, _, gb_errors) = encoding_rs::GB18030.encode(text);
    assert!(!gb_errors);
    for bytes in [utf16le, utf16be, gb.into_owned()] {
        let t = load(bytes);
        assert_eq!(pairs(&t), pairs(&original));
        assert_eq!(t.speakers, original.speakers);
    }
    // Big5 cannot hold every character of the translation (encoding_rs writes &#NNNN; for
    // those), so compare the structure and the paragraphs Big5 can hold.
    let (big5, _, _) = encoding_rs::BIG5.encode(text);
    let t = load(big5.into_owned());
    assert_eq!(t.turns.len(), original.turns.len());
    let same = pairs(&t)
        .iter()
        .zip(pairs(&original))
        .filter(|(a, b)| **a == *b)
        .count();
    assert!(same * 100 >= original.paragraph_count() * 90, "{same}");
    assert_eq!(
        t.speakers.iter().map(|s| &s.name).collect::<Vec<_>>(),
        original
            .speakers
            .iter()
            .map(|s| &s.name)
            .collect::<Vec<_>>()
    );
}

#[test]
fn english_only_copy_has_no_translations_and_no_flags() {
    let english: String = seed_text("002")
        .lines()
        .filter(|l| !l.chars().any(callread::text::is_cjk))
        .map(|l| format!("{l}\n"))
        .collect();
    let original = load(seed_text("002"));
    let t = load(english);
    assert_eq!(t.turns.len(), original.turns.len());
    assert_eq!(t.paragraph_count(), original.paragraph_count());
    assert!(
        t.paragraphs()
            .all(|(_, p)| p.zh.is_none() && p.flags.is_empty())
    );
    assert!(t.summary_zh.is_empty() && t.notice.is_none());
    for (a, b) in t.speakers.iter().zip(&original.speakers) {
        assert_eq!(
            (&a.name, &a.title, a.role, &a.firm),
            (&b.name, &b.title, b.role, &b.firm)
        );
    }
}

#[test]
fn double_dash_style_with_section_markers() {
    let t = load(include_str!("fixtures/fool_style.txt"));
    let names: Vec<&str> = t.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Operator",
            "Dana Whitfield",
            "Sam Ortiz",
            "Lee Park",
            "Priya Raman",
            "Tom Becker"
        ]
    );
    assert_eq!(t.turns.len(), 10);
    assert_eq!(
        t.preamble,
        ["Acme Widgets (ACME) Q3 2025 Earnings Call Transcript"]
    );
    assert_eq!(t.company().as_deref(), Some("Acme Widgets"));
    let priya = speaker(&t, "Priya Raman");
    assert_eq!(
        (priya.role, priya.firm.as_deref()),
        (Role::Analyst, Some("Northbridge Securities"))
    );
    let tom = speaker(&t, "Tom Becker");
    assert_eq!(
        (tom.role, tom.firm.as_deref()),
        (Role::Analyst, Some("Halvorsen & Co"))
    );
    assert_eq!(speaker(&t, "Lee Park").role, Role::Executive);
    assert_eq!(
        speaker(&t, "Dana Whitfield").title.as_deref(),
        Some("Vice President, Investor Relations")
    );
    let sections: Vec<Section> = t.turns.iter().map(|t| t.section).collect();
    assert_eq!(
        sections.iter().filter(|s| **s == Section::Prepared).count(),
        4
    );
    assert!(
        t.paragraphs()
            .all(|(_, p)| p.zh.is_none() && p.flags.is_empty())
    );
    // The participants list at the end adds no turns and no paragraphs.
    assert_eq!(t.paragraph_count(), 10);
}

#[test]
fn control_characters_never_survive_loading() {
    let text = seed_text("003").replacen("Thank you", "Thank\u{1b}]0;pwned\u{7} you\u{202e}", 3);
    let t = load(text);
    let json = serde_json::to_string(&t).unwrap();
    assert!(!json.contains("\\u001b") && !json.contains('\u{202e}') && !json.contains("\\u0007"));
    assert!(json.contains("Thank]0;pwned you"));
}

#[test]
fn headerless_text_is_one_readable_turn() {
    let t = load("Revenue grew 3%.\n營收成長 3%。\n\nMargins expanded.\n利潤率擴大。\n");
    assert_eq!(t.turns.len(), 1);
    let lines: Vec<(usize, Option<usize>)> =
        t.paragraphs().map(|(_, p)| (p.line, p.zh_line)).collect();
    assert_eq!(lines, [(1, Some(2)), (4, Some(5))]);
}

/// English-only files: a copy of a bundled call with every Chinese paragraph line removed (its
/// Chinese summary kept) pairs no English paragraph with another as its "translation"; a
/// `Name -- Firm -- Analyst` header gives the firm and the title apart; text with no speaker
/// structure is one speaker whose role is unknown.
#[test]
fn english_only_files_read_as_english_only() {
    let text = seed_text("003");
    let t = load(text);
    let summary: std::collections::HashSet<&String> = t.summary_zh.iter().collect();
    let english: String = text
        .lines()
        .filter(|l| {
            !l.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                || summary.contains(&l.trim().to_string())
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let e = load(english.as_str());
    assert!(!e.bilingual);
    let paragraphs: Vec<_> = e.paragraphs().map(|(_, p)| p).collect();
    assert!(
        paragraphs
            .iter()
            .all(|p| p.zh.is_none() && p.flags.is_empty())
    );
    assert_eq!(
        paragraphs.len(),
        t.paragraphs().filter(|(_, p)| p.en.is_some()).count()
    );

    let dash = load(
        "Operator\n\nWelcome to the Acme Q1 2024 earnings call.\n\nJohn Glass -- Morgan Stanley -- Analyst\n\nThanks. A question on margins.\n",
    );
    let john = speaker(&dash, "John Glass");
    assert_eq!(john.title.as_deref(), Some("Analyst"));
    assert_eq!(john.firm.as_deref(), Some("Morgan Stanley"));

    let plain = load("hello world\n");
    assert_eq!(plain.speakers[0].role, Role::Unknown);
}

/// "Duration: 70 minutes" after the operator's sign-off is the source's note on the call, not
/// a paragraph; a sentence that starts the same way is kept.
#[test]
fn the_calls_duration_is_no_paragraph() {
    let t = common::load(
        "Operator\n\nWelcome to the Harlow Tools second quarter 2021 earnings call.\n\nJane Doe -- Chief Financial Officer\n\nDuration: 12 minutes of the call go to the outlook.\n\nOperator\n\n[Operator signoff]\n\nDuration: 70 minutes\n",
    );
    let texts: Vec<&str> = t
        .paragraphs()
        .filter_map(|(_, p)| p.en.as_deref())
        .collect();
    assert!(!texts.contains(&"Duration: 70 minutes"), "{texts:?}");
    assert!(
        texts
            .iter()
            .any(|p| p.starts_with("Duration: 12 minutes of")),
        "{texts:?}"
    );
}
