//! The reader, headless: key scripts drive `update`, TestBackend shows what a person sees.

mod common;

use callread::app::{Action, LayoutMode, Overlay, ThemeKind, update};
use common::ui::{highlighted, keys, reader, screen, screen_text, status, type_text};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

fn row_with<'a>(rows: &'a [String], needle: &str) -> Option<&'a String> {
    rows.iter().find(|r| r.contains(needle))
}

#[test]
fn first_paragraph_english_and_chinese_on_the_same_row() {
    for (w, h) in [(80, 24), (120, 40)] {
        let s = reader(w, h);
        let rows = screen(&s);
        let row = row_with(&rows, "Hello, everybody").unwrap_or_else(|| panic!("{rows:#?}"));
        assert!(row.contains("大家好"), "{row}");
        assert!(rows.iter().any(|r| r.contains("中文摘要")));
        assert!(status(&s).contains("¶ 1/159"), "{}", status(&s));
        assert!(status(&s).contains("Operator") && status(&s).contains("Prepared"));
    }
}

#[test]
fn every_row_fits_and_the_panes_keep_their_columns() {
    let mut s = reader(120, 40);
    keys(&mut s, "j j j j j <C-d>");
    let rows = screen(&s);
    let sep_cols: std::collections::BTreeSet<usize> = rows[..39]
        .iter()
        .filter(|r| !r.starts_with("──") && r.contains('│'))
        .map(|r| r[..r.find('│').unwrap()].width())
        .collect();
    assert_eq!(sep_cols.len(), 1, "separator moves: {sep_cols:?}");
    for r in &rows {
        assert!(r.width() <= 120, "{r}");
    }
    // Chinese is in the right pane: after the separator, never before it.
    for r in rows[..39]
        .iter()
        .filter(|r| r.contains('│') && !r.starts_with("──"))
    {
        let left = &r[..r.find('│').unwrap()];
        assert!(
            !left.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{r}"
        );
    }
}

#[test]
fn moving_through_paragraphs() {
    let mut s = reader(80, 24);
    keys(&mut s, "j j <Down>");
    assert!(status(&s).contains("¶ 4/159"), "{}", status(&s));
    keys(&mut s, "k <Up>");
    assert!(status(&s).contains("¶ 2/159"));
    keys(&mut s, "G");
    assert!(status(&s).contains("¶ 159/159 100%"), "{}", status(&s));
    assert!(
        screen(&s)
            .iter()
            .any(|r| r.contains("participation. Enjoy the rest of your"))
    );
    keys(&mut s, "g");
    assert!(status(&s).contains("¶ 1/159"));
    keys(&mut s, "<End> <Home>");
    assert!(status(&s).contains("¶ 1/159"));
}

#[test]
fn pages_move_the_cursor_with_the_view() {
    let mut s = reader(80, 24);
    let cursor = |s: &callread::app::AppState| s.doc().unwrap().cursor;
    let scroll = |s: &callread::app::AppState| s.doc().unwrap().scroll;
    keys(&mut s, "<Space>");
    let (c1, s1) = (cursor(&s), scroll(&s));
    assert!(c1 > 0 && s1 > 0);
    keys(&mut s, "<PgDn>");
    assert!(cursor(&s) > c1 && scroll(&s) > s1);
    keys(&mut s, "b <PgUp>");
    assert!(cursor(&s) < c1);
    keys(&mut s, "<C-d>");
    let half = scroll(&s);
    keys(&mut s, "<C-d>");
    assert!(scroll(&s) > half);
    keys(&mut s, "<C-u> <C-u> <C-u>");
    assert_eq!(scroll(&s), 0);
    // The cursor's pair is always on screen after a page move.
    for script in [
        "<Space>", "<Space>", "<C-d>", "b", "<C-u>", "G", "b", "<C-u>",
    ] {
        keys(&mut s, script);
        let n = cursor(&s) + 1;
        assert!(status(&s).contains(&format!("¶ {n}/")));
        let doc = s.doc().unwrap();
        let b = doc.layout.as_ref().unwrap().pair(doc.cursor).unwrap();
        assert!(
            b.top >= doc.scroll && b.top < doc.scroll + s.view_rows(),
            "{script}"
        );
    }
}

#[test]
fn the_cursor_highlights_the_pair_in_both_panes() {
    let mut s = reader(100, 30);
    keys(&mut s, "j");
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|f| callread::ui::render(f, &s, &callread::keymap::Keymap::default()))
        .unwrap();
    let buf = terminal.backend().buffer();
    let rows = common::ui::rows(buf);
    let y = rows
        .iter()
        .position(|r| r.contains("Now, I would love"))
        .unwrap();
    assert!(rows[y].starts_with('▌'));
    let theme = callread::ui::Theme::new(ThemeKind::Dark);
    assert_eq!(buf[(5, y as u16)].bg, theme.cursor.bg.unwrap());
    // The right pane's first glyph (a cell under the second half of a wide glyph carries no
    // style of its own).
    let rx = s
        .doc()
        .unwrap()
        .layout
        .as_ref()
        .unwrap()
        .columns
        .right
        .unwrap()
        .0;
    assert_eq!(buf[(rx, y as u16)].symbol(), "現");
    assert_eq!(buf[(rx, y as u16)].bg, theme.cursor.bg.unwrap());
    // The previous pair is not highlighted.
    let prev = rows
        .iter()
        .position(|r| r.contains("Hello, everybody"))
        .unwrap();
    assert_ne!(buf[(5, prev as u16)].bg, theme.cursor.bg.unwrap());
}

#[test]
fn layouts_cycle_and_panes_swap() {
    let mut s = reader(100, 30);
    keys(&mut s, "j");
    keys(&mut s, "l");
    assert_eq!(s.mode, LayoutMode::Stacked);
    let rows = screen(&s);
    let en = rows
        .iter()
        .position(|r| r.contains("Now, I would love"))
        .unwrap();
    let zh = rows
        .iter()
        .position(|r| r.contains("現在,我很樂意"))
        .unwrap();
    assert!(zh > en, "stacked: Chinese below English");
    keys(&mut s, "l");
    assert_eq!(s.mode, LayoutMode::English);
    assert!(!screen(&s).iter().any(|r| r.contains("現在,我很樂意")));
    keys(&mut s, "l");
    assert_eq!(s.mode, LayoutMode::Chinese);
    assert!(!screen(&s).iter().any(|r| r.contains("Now, I would love")));
    keys(&mut s, "l x");
    assert_eq!(s.mode, LayoutMode::SideBySide);
    let rows = screen(&s);
    let row = row_with(&rows, "現在,我很樂意").unwrap();
    assert!(
        row.find("現在").unwrap() < row.find("Now,").unwrap(),
        "swapped: {row}"
    );
    // Still on the same paragraph through all of it.
    assert!(status(&s).contains("¶ 2/159"));
}

#[test]
fn help_lists_the_keymap_and_any_key_closes_it() {
    let mut s = reader(80, 30);
    keys(&mut s, "?");
    let text = screen_text(&s);
    for needle in [
        "next / previous paragraph",
        "j ↓",
        "Ctrl-d",
        "switch transcript",
        "quit",
    ] {
        assert!(text.contains(needle), "{needle}\n{text}");
    }
    keys(&mut s, "j");
    assert_eq!(s.overlay, Overlay::None);
    assert!(
        status(&s).contains("¶ 1/159"),
        "the closing key does nothing else"
    );
}

#[test]
fn picker_filters_by_company_and_each_transcript_keeps_its_place() {
    let mut s = reader(100, 30);
    keys(&mut s, "j j j j j");
    keys(&mut s, "t");
    assert!(screen_text(&s).contains("transcripts 5/5"));
    type_text(&mut s, "twilio");
    let text = screen_text(&s);
    assert!(text.contains("transcripts 1/5"), "{text}");
    keys(&mut s, "<Enter>");
    assert_eq!(s.current, 2);
    assert!(status(&s).contains("Twilio"), "{}", status(&s));
    assert!(status(&s).contains("¶ 1/197"));
    keys(&mut s, "j");
    keys(&mut s, "t");
    type_text(&mut s, "zoom");
    keys(&mut s, "<Enter>");
    assert_eq!(s.current, 0);
    assert!(status(&s).contains("¶ 6/159"), "{}", status(&s));
    keys(&mut s, "t <Esc>");
    assert_eq!((s.current, &s.overlay), (0, &Overlay::None));
}

/// The picker matches typed words as the search prompt does ("q4" is no match for "Q2 FY2024":
/// its letters are scattered over two words), and the status bar counts calls as the picker
/// lists them (by company, then period).
#[test]
fn the_picker_matches_typed_words_and_the_status_bar_counts_as_it_lists() {
    let mut s = reader(100, 30);
    keys(&mut s, "t");
    type_text(&mut s, "q4");
    let text = screen_text(&s);
    assert!(text.contains("transcripts 0/5"), "{text}");
    keys(&mut s, "<Esc>");
    let order = s.calls_in_order();
    for (k, &doc) in order.iter().enumerate() {
        s.show_doc(doc);
        assert!(
            status(&s).contains(&format!("│ {}/5 ", k + 1)),
            "{}",
            status(&s)
        );
    }
    let zoom = order.iter().position(|&d| d == 0).unwrap();
    assert_ne!(zoom, 0, "Zoom is not the first by company name");
}

#[test]
fn resizing_keeps_the_same_paragraph_in_view() {
    let mut s = reader(120, 40);
    keys(&mut s, "j j j j j j j j j j j j");
    let cursor = s.doc().unwrap().cursor;
    for size in [
        "<resize:60x20>",
        "<resize:200x60>",
        "<resize:1x1>",
        "<resize:19x4>",
        "<resize:80x24>",
    ] {
        keys(&mut s, size);
        let rows = screen(&s);
        assert_eq!(s.doc().unwrap().cursor, cursor);
        if s.too_small() {
            assert!(rows.join("\n").contains("too") || s.size.0 < 5, "{rows:?}");
        } else {
            assert!(
                rows.iter().any(|r| r.starts_with('▌')),
                "cursor pair not visible at {size}"
            );
        }
    }
}

#[test]
fn tiny_terminals_never_panic() {
    for (w, h) in [
        (0, 0),
        (1, 1),
        (2, 1),
        (1, 5),
        (19, 5),
        (20, 4),
        (20, 5),
        (21, 6),
        (3, 40),
    ] {
        let mut s = reader(w, h);
        keys(&mut s, "j G l l x ? j t <Esc> <C-d> <wheel-down> g");
        let rows = screen(&s);
        assert_eq!(rows.len(), usize::from(h), "{w}×{h}");
        assert!(
            rows.iter().all(|r| r.width() <= usize::from(w)),
            "{w}×{h}: {rows:?}"
        );
        let small = w < 20 || h < 5;
        let text = rows.join("\n");
        if small && w >= 10 && h >= 1 {
            assert!(text.starts_with("terminal t"), "{w}×{h}: {text}");
        }
        if !small {
            // The reader is drawn: the status bar with the position, the first call's text.
            assert!(
                rows.last().is_some_and(|r| r.contains('¶')),
                "{w}×{h}: {text}"
            );
            assert!(!text.contains("terminal too small"), "{w}×{h}: {text}");
        }
    }
    let s = reader(10, 3);
    assert_eq!(screen(&s)[0], "terminal t");
}

#[test]
fn a_resize_storm_lays_out_once_and_keeps_keys() {
    let mut s = reader(80, 24);
    let keymap = callread::keymap::Keymap::default();
    let batch = [
        "<resize:70x20>",
        "j",
        "<resize:90x30>",
        "j",
        "<resize:100x30>",
    ]
    .map(common::ui::event)
    .to_vec();
    callread::tui::handle_batch(&mut s, &keymap, batch);
    assert_eq!(s.size, (100, 30));
    assert_eq!(s.doc().unwrap().cursor, 2);
}

#[test]
fn mouse_wheel_scrolls_and_keeps_the_cursor_on_screen() {
    let mut s = reader(80, 24);
    keys(
        &mut s,
        "<wheel-down> <wheel-down> <wheel-down> <wheel-down> <wheel-down>",
    );
    let doc = s.doc().unwrap();
    assert_eq!(doc.scroll, 15);
    let b = doc.layout.as_ref().unwrap().pair(doc.cursor).unwrap();
    assert!(b.top + b.content_rows() > doc.scroll);
    keys(
        &mut s,
        "<wheel-up> <wheel-up> <wheel-up> <wheel-up> <wheel-up> <wheel-up>",
    );
    assert_eq!(s.doc().unwrap().scroll, 0);
}

#[test]
fn copy_puts_the_pair_on_the_clipboard() {
    let mut s = reader(80, 24);
    keys(&mut s, "j y");
    let text = s.clipboard.take().unwrap();
    // A line to cite it by, then the English and the Chinese.
    assert!(
        text.starts_with("Operator — Zoom Q2 FY2025 call, 000_28227caab299fe99.txt:"),
        "{text}"
    );
    assert!(
        text.contains("\n\nNow, I would love") && text.ends_with("查爾斯?"),
        "{text}"
    );
    assert!(
        status(&s).contains("sent ¶ 2 to the clipboard"),
        "{}",
        status(&s)
    );
}

#[test]
fn monochrome_theme_uses_no_colour() {
    let mut s = reader(80, 24);
    s.theme = ThemeKind::Monochrome;
    keys(&mut s, "j ?");
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| callread::ui::render(f, &s, &callread::keymap::Keymap::default()))
        .unwrap();
    let buf = terminal.backend().buffer();
    for cell in buf.content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (ratatui::style::Color::Reset, ratatui::style::Color::Reset)
        );
    }
    update(&mut s, Action::Cancel);
}

#[test]
fn quit_keys() {
    for script in ["q", "<C-c>"] {
        let mut s = reader(80, 24);
        keys(&mut s, script);
        assert!(s.quit);
    }
    let mut s = reader(80, 24);
    keys(&mut s, "t <C-c>");
    assert!(s.quit, "Ctrl-c quits from the picker too");
    // In an overlay q closes the overlay, like less and vim; Ctrl-c still quits.
    for overlay in ["?", "s", "a", "'"] {
        let mut s = reader(120, 40);
        keys(&mut s, overlay);
        assert_ne!(s.overlay, Overlay::None, "{overlay} opens an overlay");
        keys(&mut s, "q");
        assert!(!s.quit, "q in the {overlay} overlay does not quit");
        assert_eq!(s.overlay, Overlay::None, "q closes the {overlay} overlay");
        keys(&mut s, "q");
        assert!(s.quit, "q in the reader quits");
    }
    let mut s = reader(120, 40);
    keys(&mut s, "s <C-c>");
    assert!(s.quit);
}

// Snapshots, one per test so a failure names its screen.

#[test]
fn snapshot_first_screen_80x24() {
    let s = reader(80, 24);
    insta::assert_snapshot!("first_screen_80x24", screen_text(&s));
}

#[test]
fn snapshot_guidance_80x24() {
    let mut s = reader(80, 24);
    keys(&mut s, "2 0 j");
    insta::assert_snapshot!("guidance_80x24", screen_text(&s));
}

/// The 8x8 call, 60 pairs in: a paragraph left untranslated.
fn eightbyeight_at_60() -> callread::app::AppState {
    let mut s = reader(120, 40);
    keys(&mut s, "t");
    type_text(&mut s, "8x8");
    keys(&mut s, "<Enter> 6 0 j");
    s
}

#[test]
fn snapshot_untranslated_120x40() {
    let s = eightbyeight_at_60();
    insta::assert_snapshot!("untranslated_120x40", screen_text(&s));
}

#[test]
fn snapshot_stacked_120x40() {
    let mut s = eightbyeight_at_60();
    keys(&mut s, "l");
    insta::assert_snapshot!("stacked_120x40", screen_text(&s));
}

#[test]
fn snapshot_help_120x40() {
    let mut s = eightbyeight_at_60();
    keys(&mut s, "l ?");
    insta::assert_snapshot!("help_120x40", screen_text(&s));
}

/// The guidance sidebar at 120x40 (focused when opened), the third figure selected.
#[test]
fn snapshot_sidebar_120x40() {
    let mut s = reader(120, 40);
    keys(&mut s, "o j j");
    insta::assert_snapshot!("sidebar_120x40", screen_text(&s));
}

/// The search popup with live results at 120x40.
#[test]
fn snapshot_search_popup_120x40() {
    let mut s = reader(120, 40);
    keys(&mut s, "/");
    type_text(&mut s, "free cash flow");
    insta::assert_snapshot!("search_popup_120x40", screen_text(&s));
}

#[test]
fn help_shows_every_key_at_80x24() {
    let mut s = reader(80, 24);
    keys(&mut s, "?");
    let text = screen_text(&s);
    for (keys, what) in callread::keymap::Keymap::default().help_rows() {
        assert!(
            text.contains(&keys) && text.contains(what),
            "{keys} {what} missing:\n{text}"
        );
    }
}

#[test]
fn finding_and_bookmark_marks_both_show() {
    let mut s = reader(120, 40);
    s.saved.clear();
    keys(&mut s, "! m");
    let n = s.doc().unwrap().cursor;
    assert!(s.doc().unwrap().findings_at(n).next().is_some());
    let rows = screen(&s);
    let gutter: Vec<char> = rows
        .iter()
        .map(|r| r.chars().nth(1).unwrap_or(' '))
        .collect();
    let flag = gutter.iter().position(|&c| c == '!').expect("finding mark");
    assert_eq!(
        gutter.get(flag + 1),
        Some(&'*'),
        "bookmark mark under the finding mark"
    );
}

#[test]
fn keys_return_to_the_reader_when_the_sidebar_gives_way() {
    let mut s = reader(160, 40);
    keys(&mut s, "o");
    assert!(s.sidebar_focus);
    let selected = s.sidebar_selected;
    keys(&mut s, "<resize:90x40> j");
    assert!(!s.sidebar_focus, "the hidden sidebar has no focus");
    assert_eq!(
        s.sidebar_selected, selected,
        "j did not move the hidden selection"
    );
    assert_eq!(s.doc().unwrap().cursor, 1, "j moved the reader");
}

/// Every sidebar jump shows its figure on screen, highlighted (Zoom's Q3 revenue guide at
/// 160×45 used to stay below the bottom edge, and the highlight was never drawn).
#[test]
fn every_sidebar_jump_shows_its_figure_highlighted() {
    for (w, h) in [(160, 45), (110, 24)] {
        let mut s = reader(w, h);
        keys(&mut s, "o");
        let count = s.doc().unwrap().guidance.as_ref().unwrap().len();
        assert!(count > 5);
        for _ in 0..count {
            keys(&mut s, "<Enter>");
            let (_, n, en, _) = s.figure_highlight.clone().expect("highlight set");
            let (_, p) = s.doc().unwrap().paragraph(n).unwrap();
            let want = p.en.as_deref().unwrap()[en[0].clone()].replace(' ', "");
            let got = highlighted(&s);
            assert!(
                got.contains(&want),
                "{w}x{h}: {want} not highlighted on screen (got {got})"
            );
            keys(&mut s, "j");
            if s.sidebar_on_history {
                keys(&mut s, "j");
            }
        }
    }
}

/// A file with no Chinese opens in the English layout, not with an empty right half; `l`
/// says why the layout it names is not shown.
#[test]
fn english_only_files_open_in_the_english_layout() {
    let text = "Operator\n\nWelcome to the Acme Q1 2024 earnings call.\n\nJane Roe -- Chief Financial Officer\n\nRevenue grew nicely in the quarter, and we expect more of the same next quarter.\n";
    let t = callread::library::load_bytes(text.as_bytes().to_vec(), "acme.txt").unwrap();
    let mut s = callread::app::AppState::new(vec![t]);
    update(&mut s, Action::Resize(100, 20));
    assert_eq!(s.mode, LayoutMode::SideBySide);
    assert_eq!(s.layout_mode(), LayoutMode::English);
    let layout = s.doc().unwrap().layout.as_ref().unwrap();
    assert!(layout.columns.right.is_none(), "one pane");
    let text = screen_text(&s);
    assert!(
        text.contains("Revenue grew nicely in the quarter, and we expect more of the same next"),
        "{text}"
    );
    keys(&mut s, "l");
    assert!(status(&s).contains("no Chinese"), "{}", status(&s));
}

/// `m` on a bookmark with a note removes both, says so, and `u` puts them back (the save
/// queue gets the removal and the restored bookmark).
#[test]
fn a_removed_bookmark_and_its_note_come_back_with_u() {
    let mut s = reader(120, 40);
    keys(&mut s, "j M");
    type_text(&mut s, "margin comment");
    keys(&mut s, "<Enter> m");
    assert!(s.doc().unwrap().bookmarks.is_empty());
    assert!(
        status(&s).contains("and its note removed · u undoes"),
        "{}",
        status(&s)
    );
    s.changes.clear();
    keys(&mut s, "u");
    let b = &s.doc().unwrap().bookmarks;
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].note.as_deref(), Some("margin comment"));
    assert!(matches!(
        s.changes.as_slice(),
        [callread::state::Change::Put { .. }]
    ));
    keys(&mut s, "u");
    assert!(status(&s).contains("nothing to undo"));
}

/// At 80 columns a finding no longer pushes speaker and section out of the status bar, and
/// `i` shows it in full.
#[test]
fn findings_fit_the_status_bar_and_show_in_full() {
    let mut s = reader(80, 24);
    keys(&mut s, "!");
    let bar = status(&s);
    let doc = s.doc().unwrap();
    let f = doc.findings_at(doc.cursor).next().unwrap().clone();
    let speaker = doc.transcript.speakers[doc.paragraph(doc.cursor).unwrap().0.speaker]
        .name
        .clone();
    assert!(bar.contains("Prepared"), "{bar}");
    assert!(bar.contains(&speaker[..6]), "{bar}");
    assert!(bar.contains(f.kind.name()), "{bar}");
    keys(&mut s, "i");
    assert_eq!(s.overlay, Overlay::Findings);
    let text = screen_text(&s)
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let detail = f.detail.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(&detail), "{detail}\n{text}");
    keys(&mut s, "x");
    assert_eq!(s.overlay, Overlay::None);
    // Wide enough, the whole finding is in the bar (this one quotes the sentence it is about).
    let mut s = reader(300, 30);
    keys(&mut s, "!");
    assert!(status(&s).contains(&f.detail), "{}", status(&s));
}

/// Speaker dividers fit the width, in the pipe and on screen: a long label is cut with "…"
/// and the section stays.
#[test]
fn dividers_fit_and_keep_the_section() {
    let t = &callread::library::bundled()[0];
    for turn in 0..t.turns.len() {
        for cols in [20usize, 41, 60, 100] {
            let line = callread::ui::divider_line(t, turn, cols);
            assert!(line.width() <= cols, "{cols}: {line}");
            if cols >= 41 {
                assert!(
                    line.ends_with(&format!("{} ──", t.turns[turn].section.label())),
                    "{line}"
                );
            }
        }
    }
    let long = (0..t.turns.len())
        .map(|turn| callread::ui::divider_line(t, turn, 41))
        .find(|l| l.contains('…'))
        .expect("a cut label at 41 columns");
    assert!(long.starts_with("── "), "{long}");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_callread"))
        .args(["--width", "60"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().all(|l| l.width() <= 60),
        "a line wider than 60"
    );
}

/// At 60×20 the help is one column that scrolls with j/k and shows whole descriptions; other
/// keys close it.
#[test]
fn narrow_help_scrolls() {
    let mut s = reader(60, 20);
    keys(&mut s, "?");
    let first = screen_text(&s);
    assert!(first.contains("j/k scroll"), "{first}");
    assert!(first.contains("next / previous finding"), "{first}");
    for _ in 0..40 {
        keys(&mut s, "j");
    }
    assert_eq!(s.overlay, Overlay::Help, "j scrolls, it does not close");
    let last = screen_text(&s);
    assert!(last.contains("search: this call or all"), "{last}");
    assert!(last.contains("quit"), "{last}");
    keys(&mut s, "x");
    assert_eq!(s.overlay, Overlay::None);
}

/// #16 item 4: a burst of typing (or an unbracketed paste) reran the search on every
/// character. In one batch the prompt's results are computed once, and an Enter inside the
/// batch still jumps to the best match of the whole text.
#[test]
fn a_burst_of_typing_searches_once_and_enter_sees_the_whole_text() {
    let keymap = callread::keymap::Keymap::default();
    let mut s = reader(100, 30);
    let mut batch = vec![common::ui::event("/")];
    batch.extend("free cash flow".chars().map(|c| {
        crossterm::event::Event::Key(crossterm::event::KeyEvent::from(
            crossterm::event::KeyCode::Char(c),
        ))
    }));
    callread::tui::handle_batch(&mut s, &keymap, batch);
    assert_eq!(s.search_runs, 1, "one search for the batch");
    let chosen = |s: &callread::app::AppState| match s.overlay {
        Overlay::Search { selected, .. } => s.search_hits.get(selected).cloned(),
        _ => None,
    };
    // The list is in reading order with the best match selected.
    let best = chosen(&s).expect("a match");
    // Typed key by key, the search runs for each character.
    let mut t = reader(100, 30);
    keys(&mut t, "/");
    type_text(&mut t, "free cash flow");
    assert!(t.search_runs >= 14, "{}", t.search_runs);
    assert_eq!(chosen(&t), Some(best.clone()));

    let mut u = reader(100, 30);
    let mut batch = vec![common::ui::event("/")];
    batch.extend("free cash flow".chars().map(|c| {
        crossterm::event::Event::Key(crossterm::event::KeyEvent::from(
            crossterm::event::KeyCode::Char(c),
        ))
    }));
    batch.push(common::ui::event("<Enter>"));
    callread::tui::handle_batch(&mut u, &keymap, batch);
    assert_eq!(u.overlay, Overlay::None);
    assert_eq!(u.doc().unwrap().cursor, best.paragraph);
}

/// A bracketed paste is one line of prompt text, capped; in the reader it is refused.
#[test]
fn a_paste_fills_the_prompt_and_is_never_keys() {
    let keymap = callread::keymap::Keymap::default();
    let mut s = reader(100, 30);
    keys(&mut s, "/");
    let paste = format!("free\tcash\r\nflow\u{1b}[31m{}", "x".repeat(5_000));
    let batch = vec![crossterm::event::Event::Paste(paste)];
    callread::tui::handle_batch(&mut s, &keymap, batch);
    let Overlay::Search { query, .. } = &s.overlay else {
        panic!("{:?}", s.overlay)
    };
    assert!(query.starts_with("free cash flow[31m"), "{query}");
    assert_eq!(query.chars().count(), callread::app::PROMPT_MAX);
    assert!(!query.contains('\u{1b}'));

    let mut r = reader(100, 30);
    let batch = vec![crossterm::event::Event::Paste("Gq".into())];
    callread::tui::handle_batch(&mut r, &keymap, batch);
    assert!(!r.quit);
    assert_eq!(r.doc().unwrap().cursor, 0);
    assert!(r.message.as_deref().unwrap_or("").contains("press / first"));
}

/// #16 item 9: a 200 MB transcript took ~15 s to a first frame (checked, read for guidance
/// and laid out whole before drawing). A large one is laid out a step at a time and checked
/// on another thread: the first screen comes from a partial layout, the status says
/// "checking…", and the work between keys ends in the same layout and findings.
#[test]
fn a_huge_transcript_shows_its_first_screen_before_it_is_checked_and_laid_out() {
    let mut t = common::load(common::seed_text("000"));
    let copies = callread::app::doc::LARGE_DOC_PAIRS / t.paragraph_count() + 1;
    t.turns = std::iter::repeat_n(t.turns.clone(), copies)
        .flatten()
        .collect();
    let pairs = t.paragraph_count();
    assert!(pairs > callread::app::doc::LARGE_DOC_PAIRS);
    let full = callread::app::DocLayout::new(&t, 120, LayoutMode::SideBySide, false, None);
    let mut s = callread::app::AppState::new(vec![t]);
    update(&mut s, Action::Resize(120, 40));
    {
        let doc = s.doc().unwrap();
        let layout = doc.layout.as_ref().unwrap();
        assert!(
            !layout.complete(&doc.transcript),
            "laid out a step, not whole"
        );
        assert!(doc.analysing(), "checked on another thread");
    }
    assert!(screen_text(&s).contains("Hello, everybody"));
    assert!(status(&s).contains("checking…"), "{}", status(&s));
    let start = std::time::Instant::now();
    while s.idle_work() != (false, false) {
        assert!(start.elapsed().as_secs() < 300, "idle work never ends");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let doc = s.doc().unwrap();
    let layout = doc.layout.as_ref().unwrap();
    assert_eq!((layout.rows, layout.order.len()), (full.rows, pairs));
    assert!(doc.findings.is_some() && doc.guidance.is_some());
    assert!(!status(&s).contains("checking"));
    // `G` before the layout is done goes to the real last pair.
    let mut t = common::load(common::seed_text("000"));
    t.turns = std::iter::repeat_n(t.turns.clone(), copies)
        .flatten()
        .collect();
    let mut s = callread::app::AppState::new(vec![t]);
    update(&mut s, Action::Resize(120, 40));
    keys(&mut s, "G");
    assert!(
        status(&s).contains(&format!("¶ {pairs}/{pairs}")),
        "{}",
        status(&s)
    );
}

/// #15: `)` / `(` move a sentence cursor through the pair's sentence links, on to the next or
/// previous pair at the ends; both sentences are highlighted; `y` copies the sentence pair.
#[test]
fn the_sentence_cursor_moves_through_links_and_y_copies_the_sentence() {
    let mut s = reader(120, 40);
    keys(&mut s, ")");
    assert!(
        status(&s).contains("sentence 1 of 3 in ¶ 1"),
        "{}",
        status(&s)
    );
    let marked = common::ui::highlighted(&s);
    assert!(
        marked.contains("everybody.") && marked.contains("大家好") && !marked.contains("reminder"),
        "{marked:?}"
    );
    keys(&mut s, ") ) )");
    assert!(
        status(&s).contains("sentence 1 of 2 in ¶ 2"),
        "{}",
        status(&s)
    );
    keys(&mut s, "(");
    assert!(
        status(&s).contains("sentence 3 of 3 in ¶ 1"),
        "{}",
        status(&s)
    );
    keys(&mut s, "y");
    let copied = s.clipboard.clone().unwrap();
    assert!(
        copied.contains("As a reminder, today's webinar is being recorded."),
        "{copied}"
    );
    assert!(copied.contains("提醒一下"), "{copied}");
    assert!(!copied.contains("Hello, everybody"), "{copied}");
    assert!(
        status(&s).contains("sent the sentence of ¶ 1"),
        "{}",
        status(&s)
    );
    // Paragraph keys work as before and `y` takes the whole pair again.
    keys(&mut s, "j y");
    assert!(status(&s).contains("sent ¶ 2"), "{}", status(&s));
}

/// #15: a search match shows its sentence's translation highlighted in the other pane; with
/// the sentence cursor in use, the cursor moves to the matched sentence and `y` copies it.
#[test]
fn search_takes_the_sentence_of_the_match() {
    let mut s = reader(120, 40);
    keys(&mut s, "/");
    type_text(&mut s, "webinar is being recorded");
    keys(&mut s, "<Enter>");
    let lit = common::ui::highlighted(&s);
    assert!(lit.contains("正在錄製中"), "{lit}");
    assert!(!lit.contains("大家好"), "{lit}");
    // Without the sentence cursor, `y` still copies the pair.
    assert!(s.sentence_ranges().is_none());
    // With it, the match moves it.
    let mut s = reader(120, 40);
    keys(&mut s, ")");
    keys(&mut s, "/");
    type_text(&mut s, "Kelly Steckelberg");
    keys(&mut s, "<Enter>");
    let (en, zh) = s.sentence_ranges().expect("sentence cursor on the match");
    let d = s.doc().unwrap();
    let p = d.paragraph(d.cursor).unwrap().1;
    assert!(p.en.as_deref().unwrap()[en.unwrap()].starts_with("I'm joined today"));
    assert!(p.zh.as_deref().unwrap()[zh.unwrap()].contains("財務長"));
    keys(&mut s, "y");
    let copied = s.clipboard.clone().unwrap();
    assert!(copied.contains("I'm joined today") && !copied.contains("Thank you, David"));
    // Esc leaves the sentence cursor.
    keys(&mut s, "<Esc>");
    assert!(s.sentence_ranges().is_none());
}

/// #15: `m` with the sentence cursor bookmarks the sentence: the list shows it, Enter goes
/// back to it with the cursor on it, `m` on another sentence of the pair moves the bookmark
/// (keeping its note), `m` on the same sentence removes it.
#[test]
fn bookmarks_can_hold_a_sentence() {
    let mut s = reader(120, 40);
    keys(&mut s, ") )");
    keys(&mut s, "m");
    assert!(
        status(&s).contains("bookmarked sentence 2 of ¶ 1"),
        "{}",
        status(&s)
    );
    let b = s.doc().unwrap().bookmarks[0].clone();
    let mark = b.sentence.clone().expect("a sentence bookmark");
    let d = s.doc().unwrap();
    let p = d.paragraph(0).unwrap().1;
    assert_eq!(
        &p.en.as_deref().unwrap()[mark.en.clone().unwrap()],
        "And welcome to Zoom's Q2 FY25 earnings webinar."
    );
    // Saved and read back as it was.
    let json = serde_json::to_string(&b).unwrap();
    assert!(json.contains("\"sentence\""), "{json}");
    assert_eq!(
        serde_json::from_str::<callread::state::Bookmark>(&json).unwrap(),
        b
    );
    keys(&mut s, "<Esc> G '");
    assert!(
        screen_text(&s).contains("“And welcome to Zoom's Q2"),
        "{}",
        screen_text(&s)
    );
    keys(&mut s, "<Enter>");
    let (en, zh) = s
        .sentence_ranges()
        .expect("the sentence cursor on the bookmark");
    assert_eq!((en, zh), (mark.en.clone(), mark.zh.clone()));
    assert!(common::ui::highlighted(&s).contains("財年第二季財報網路研討會"));
    // Another sentence: the bookmark moves there.
    keys(&mut s, ") m");
    assert!(
        status(&s).contains("bookmark moved to sentence 3 of ¶ 1"),
        "{}",
        status(&s)
    );
    assert_eq!(s.doc().unwrap().bookmarks.len(), 1);
    assert_ne!(s.doc().unwrap().bookmarks[0].sentence, Some(mark));
    keys(&mut s, "m");
    assert!(s.doc().unwrap().bookmarks.is_empty());
}

/// #12: count prefixes (`5j`, `3]`, `12G`), `:N` to a source line, `>` / `<` between
/// bookmarks.
#[test]
fn counts_source_lines_and_bookmark_steps() {
    let mut s = reader(120, 40);
    let at = |s: &callread::app::AppState| s.doc().unwrap().cursor;
    keys(&mut s, "5 j");
    assert_eq!(at(&s), 5);
    keys(&mut s, "1 2 G");
    assert_eq!(at(&s), 11);
    keys(&mut s, "g 3 ]");
    let turns = |s: &callread::app::AppState| {
        let d = s.doc().unwrap();
        d.transcript
            .turns
            .iter()
            .position(|t| std::ptr::eq(t, d.paragraph(d.cursor).unwrap().0))
            .unwrap()
    };
    assert_eq!(turns(&s), 3);
    // A count then a key that is not a movement: the count is dropped.
    keys(&mut s, "g 4 ? <Esc> j");
    assert_eq!(at(&s), 1);
    // `:81`: the pair on line 81 (Zoom's guidance); a bad line says so.
    keys(&mut s, ":");
    type_text(&mut s, "81");
    keys(&mut s, "<Enter>");
    let d = s.doc().unwrap();
    assert_eq!(d.paragraph(d.cursor).unwrap().1.line, 81);
    assert!(status(&s).contains("line 81: ¶"), "{}", status(&s));
    keys(&mut s, ":");
    type_text(&mut s, "99999");
    keys(&mut s, "<Enter>");
    assert!(
        status(&s).contains("past the last paragraph"),
        "{}",
        status(&s)
    );
    keys(&mut s, ":");
    type_text(&mut s, "abc");
    keys(&mut s, "<Enter>");
    assert!(status(&s).contains("not a line number"), "{}", status(&s));
    // A line inside a pair's Chinese goes to that pair.
    let zh_line = s.doc().unwrap().paragraph(5).unwrap().1.zh_line.unwrap();
    keys(&mut s, ":");
    type_text(&mut s, &zh_line.to_string());
    keys(&mut s, "<Enter>");
    assert_eq!(at(&s), 5);
    // Bookmarks: `>` and `<` walk them in order, wrapping.
    s.saved.clear();
    keys(&mut s, "g 2 j m 1 0 j m g");
    keys(&mut s, ">");
    assert_eq!(at(&s), 2);
    assert!(status(&s).contains("bookmark 1 of 2"), "{}", status(&s));
    keys(&mut s, ">");
    assert_eq!(at(&s), 12);
    keys(&mut s, ">");
    assert_eq!(at(&s), 2);
    assert!(status(&s).contains("wrapped"), "{}", status(&s));
    keys(&mut s, "<");
    assert_eq!(at(&s), 12);
}

/// #12: a click selects the paragraph under the pointer (the view stays) and, in a list, the
/// entry clicked (Enter then chooses it).
#[test]
fn a_click_selects_a_paragraph_or_a_list_entry() {
    let mut s = reader(120, 40);
    let rows = screen(&s);
    let y = rows
        .iter()
        .position(|r| r.contains("Our earnings press release"))
        .unwrap();
    let scroll = s.doc().unwrap().scroll;
    keys(&mut s, &format!("<click:20,{y}>"));
    let d = s.doc().unwrap();
    assert_eq!(d.paragraph(d.cursor).unwrap().1.line, 15);
    assert_eq!(d.scroll, scroll, "the view stays");
    // A divider or a blank row selects nothing.
    keys(&mut s, "<click:20,0>");
    assert_eq!(
        s.doc()
            .unwrap()
            .paragraph(s.doc().unwrap().cursor)
            .unwrap()
            .1
            .line,
        15
    );
    // The participants list: the third row clicked is selected; Enter jumps to that speaker.
    keys(&mut s, "s");
    let text = screen(&s);
    let first = text
        .iter()
        .position(|r| r.contains("Eric Yuan"))
        .expect("participants listed");
    keys(&mut s, &format!("<click:30,{}>", first + 1));
    let Overlay::Participants { selected } = s.overlay else {
        panic!("{:?}", s.overlay)
    };
    let name = callread::speakers::participants(&s.doc().unwrap().transcript)[selected]
        .name
        .clone();
    assert!(screen(&s)[first + 1].contains(&name), "{name}");
}

/// #12: the picker shows each call's quarter, and typing it filters.
#[test]
fn the_picker_shows_the_quarter() {
    let mut s = reader(120, 40);
    keys(&mut s, "t");
    let text = screen_text(&s);
    assert!(
        text.contains("Zoom      Q2 FY2025    159 ¶  000_"),
        "{text}"
    );
    type_text(&mut s, "zoom q2");
    assert_eq!(s.picker_matches().first(), Some(&0));
}

/// #12: a jump list: `]`, `Q`, `!`, search and list jumps are recorded; Ctrl-o goes back
/// along them, Tab (what the terminal sends for Ctrl-i) forward again when the sidebar is
/// closed; steps (`j`) are not jumps.
#[test]
fn ctrl_o_and_ctrl_i_walk_the_jump_list() {
    let mut s = reader(120, 40);
    let at = |s: &callread::app::AppState| s.doc().unwrap().cursor;
    keys(&mut s, "j j");
    let start = at(&s);
    keys(&mut s, "]");
    let turn = at(&s);
    keys(&mut s, "Q");
    let qa = at(&s);
    keys(&mut s, "/");
    type_text(&mut s, "'Workvivo");
    keys(&mut s, "<Enter>");
    let hit = at(&s);
    assert!(
        start < turn && turn < qa && hit != qa,
        "{start} {turn} {qa} {hit}"
    );
    keys(&mut s, "j");
    keys(&mut s, "<C-o>");
    assert_eq!(at(&s), qa);
    keys(&mut s, "<C-o>");
    assert_eq!(at(&s), turn);
    keys(&mut s, "<C-o>");
    assert_eq!(at(&s), start);
    keys(&mut s, "<C-o>");
    assert!(status(&s).contains("nowhere to go back"), "{}", status(&s));
    keys(&mut s, "<Tab>");
    assert_eq!(at(&s), turn);
    keys(&mut s, "<Tab> <Tab>");
    assert_eq!(at(&s), hit + 1, "forward returns to where Ctrl-o left");
    // A new jump forgets the way forward.
    keys(&mut s, "<C-o> g <Tab>");
    assert!(
        status(&s).contains("nowhere to go forward"),
        "{}",
        status(&s)
    );
}

/// The first call streamed in from a directory is analysed when it is shown (findings and
/// guidance start in `show_doc`, not in the layout).
#[test]
fn a_streamed_first_call_is_analysed() {
    let mut s = callread::app::AppState::new(Vec::new());
    update(&mut s, Action::Resize(120, 40));
    s.push_doc(common::load(common::seed_text("000")));
    let d = s.doc().unwrap();
    assert!(d.findings.as_ref().is_some_and(|f| !f.is_empty()));
    assert!(d.guidance.as_ref().is_some_and(|g| !g.is_empty()));
    assert!(status(&s).contains("! 10"), "{}", status(&s));
}

/// The sidebar lists only the figures the model is sure of, says how many it hides, and `f`
/// (with the sidebar focused) shows the others dimmed, then hides them again.
#[test]
fn the_sidebar_hides_unsure_figures_until_f() {
    let mut s = reader(160, 45);
    // A bundled call with a figure under the threshold.
    let doc = (0..s.docs.len())
        .find(|&i| {
            s.show_doc(i);
            s.doc()
                .and_then(|d| d.guidance.as_ref())
                .is_some_and(|g| g.iter().any(|f| !f.shown()))
        })
        .expect("a bundled call with an unsure figure");
    assert_eq!(s.current, doc);
    keys(&mut s, "o");
    let figures = s.doc().unwrap().guidance.clone().unwrap();
    let unsure: Vec<_> = figures.iter().filter(|f| !f.shown()).collect();
    let rows = callread::app::sidebar_rows(&s);
    assert!(rows.iter().all(|&(i, _)| figures[i].shown()));
    let text = screen_text(&s);
    assert!(
        text.contains(&format!("{} hidden: f", unsure.len())),
        "{text}"
    );
    keys(&mut s, "f");
    let rows = callread::app::sidebar_rows(&s);
    assert!(
        unsure.iter().all(|u| rows
            .iter()
            .any(|&(i, _)| figures[i].line == u.line && figures[i].label == u.label)),
        "f lists the unsure figures"
    );
    assert!(screen_text(&s).contains("dimmed: f"));
    assert!(
        s.sidebar_focus,
        "f in the sidebar does not filter the reader"
    );
    keys(&mut s, "f");
    assert!(
        callread::app::sidebar_rows(&s)
            .iter()
            .all(|&(i, _)| figures[i].shown())
    );
}

/// #26: the sentence cursor and its highlight stay on their pair only while the cursor is
/// there: after `g ) ) j j j` nothing of ¶ 1 is marked and `m` bookmarks the cursor's
/// paragraph, which is what the screen shows.
#[test]
fn the_sentence_highlight_goes_when_the_cursor_leaves_its_pair() {
    let mut s = reader(120, 40);
    keys(&mut s, "g ) )");
    assert!(
        highlighted(&s).contains("AndwelcometoZoom"),
        "{}",
        highlighted(&s)
    );
    keys(&mut s, "j j j");
    let lit = highlighted(&s);
    assert!(!lit.contains("welcome") && !lit.contains("歡迎"), "{lit:?}");
    assert!(s.sentence.is_none() && s.figure_highlight.is_none());
    keys(&mut s, "m");
    let b = &s.doc().unwrap().bookmarks;
    assert_eq!(b.len(), 1);
    assert_eq!((b[0].paragraph, b[0].sentence.clone()), (3, None));
    assert!(status(&s).contains("bookmarked ¶ 4"), "{}", status(&s));
    // On its own pair the sentence cursor still works as before.
    keys(&mut s, ") m");
    assert!(
        status(&s).contains("bookmark moved to sentence 1 of ¶ 4"),
        "{}",
        status(&s)
    );
}

/// #26: a count shows while it is typed and goes with the key that used it (`12G`).
#[test]
fn a_count_leaves_the_status_bar_with_its_movement() {
    let mut s = reader(120, 40);
    keys(&mut s, "1 2");
    assert!(status(&s).ends_with("│ 12"), "{}", status(&s));
    keys(&mut s, "G");
    assert_eq!(s.doc().unwrap().cursor, 11);
    assert!(s.message.is_none(), "{:?}", s.message);
    assert!(status(&s).ends_with("? help"), "{}", status(&s));
    keys(&mut s, "3 j");
    assert_eq!(s.doc().unwrap().cursor, 14);
    assert!(status(&s).ends_with("? help"), "{}", status(&s));
}

/// #26: the note prompt names what the note is on (a sentence bookmark's sentence, not "this
/// paragraph") and leaves the pair and its highlighted sentence in view.
#[test]
fn the_note_prompt_names_the_sentence_and_keeps_it_in_view() {
    let mut s = reader(80, 24);
    keys(&mut s, "j j j j j ) )");
    let lit = highlighted(&s);
    assert!(!lit.is_empty());
    keys(&mut s, "m M");
    let text = screen_text(&s);
    assert!(text.contains("note on sentence 2 of ¶ 6"), "{text}");
    let lit_now = highlighted(&s);
    assert!(
        lit_now.contains(&lit),
        "the sentence is covered:\n{text}\n{lit:?}\n{lit_now:?}"
    );
    type_text(&mut s, "check this");
    keys(&mut s, "<Enter>");
    assert!(
        status(&s).contains("note saved on sentence 2 of ¶ 6"),
        "{}",
        status(&s)
    );
    // A paragraph bookmark's note says the paragraph.
    keys(&mut s, "j m M");
    assert!(
        screen_text(&s).contains("note on ¶ 7 ·"),
        "{}",
        screen_text(&s)
    );
}

/// #26: counts take their noun in the right number ("1 match", "2 matches").
#[test]
fn counts_are_pluralised() {
    assert_eq!(callread::text::count(1, "match", "matches"), "1 match");
    assert_eq!(callread::text::count(0, "match", "matches"), "0 matches");
    let mut s = reader(120, 40);
    keys(&mut s, "/");
    type_text(&mut s, "webinar is being recorded");
    assert_eq!(s.search_hits.len(), 1);
    let text = screen_text(&s);
    assert!(text.contains("· 1 match ·"), "{text}");
    keys(&mut s, "<C-u>");
    type_text(&mut s, "webinar");
    assert!(screen_text(&s).contains(&format!("· {} matches ·", s.search_hits.len())));
}

/// #26: the picker lists the calls by company and call period (file names last), with the
/// cursor on the open call; Enter opens the one chosen.
#[test]
fn the_picker_lists_calls_by_company_and_period() {
    let mut s = reader(100, 30);
    keys(&mut s, "t");
    let rows = screen(&s);
    let order: Vec<&str> = ["8x8", "Asana", "Twilio", "Zoom  ", "ZoomInfo"]
        .into_iter()
        .filter(|c| {
            rows.iter()
                .any(|r| r.contains(&format!("  {c}")) || r.contains(&format!("• {c}")))
        })
        .collect();
    assert_eq!(order.len(), 5, "{rows:#?}");
    let at = |name: &str| {
        rows.iter()
            .position(|r| r.contains(&format!(" {name}")) && r.contains(" ¶ "))
            .unwrap_or_else(|| panic!("{name}: {rows:#?}"))
    };
    assert!(at("8x8") < at("Asana") && at("Asana") < at("Twilio"));
    assert!(at("Twilio") < at("Zoom ") && at("Zoom ") < at("ZoomInfo"));
    let row = &rows[at("Asana")];
    assert!(
        row.find("Asana").unwrap() < row.find("Q2 FY2024").unwrap()
            && row.find("Q2 FY2024").unwrap() < row.find("003_").unwrap(),
        "{row}"
    );
    // The open call (Zoom) is selected; Down then Enter opens the next in the list.
    keys(&mut s, "<Down> <Enter>");
    assert!(status(&s).contains("ZoomInfo"), "{}", status(&s));
}

/// #26: at 80 columns the lists keep their columns and cut with "…": every participant keeps
/// turns and words, every question keeps who answered it.
#[test]
fn lists_at_80_columns_cut_with_an_ellipsis_and_keep_their_columns() {
    let mut s = reader(80, 24);
    keys(&mut s, "s");
    let rows = screen(&s);
    let listed: Vec<&String> = rows
        .iter()
        .filter(|r| r.starts_with("│ ") && r.contains(" turn"))
        .collect();
    assert!(listed.len() >= 15, "{rows:#?}");
    for r in &listed {
        assert!(r.trim_end_matches('│').ends_with(" words"), "{r}");
    }
    assert!(rows.iter().any(|r| r.contains("Pre…")), "{rows:#?}");
    keys(&mut s, "<Esc> a");
    let rows = screen(&s);
    let t = &s.doc().unwrap().transcript;
    let qs = callread::speakers::questions(t);
    let mut seen = 0;
    for (i, q) in qs.iter().enumerate() {
        let Some(r) = rows.iter().find(|r| r.contains(&format!("{:>2}. ", i + 1))) else {
            continue;
        };
        seen += 1;
        let answered: Vec<&str> = q
            .answered_by
            .iter()
            .map(|&a| t.speakers[a].name.as_str())
            .collect();
        assert!(r.contains(&format!("→ {}", answered.join(", "))), "{r}");
    }
    assert!(seen >= 10, "{rows:#?}");
}

/// #26: at 100 columns the sidebar cuts labels with "…", and no text of the panes touches its
/// line (a blank column before it).
#[test]
fn the_sidebar_cuts_with_an_ellipsis_and_the_panes_keep_off_its_line() {
    for mode in ["", "l l"] {
        let mut s = reader(100, 30);
        keys(&mut s, &format!("o {mode} <Esc> j j j"));
        let w = callread::app::sidebar_width(100);
        let rows = screen(&s);
        let sidebar_x = usize::from(100 - w);
        for r in &rows[..rows.len() - 1] {
            let cells: Vec<char> = {
                // Column positions: wide characters take two.
                let mut out = Vec::new();
                for c in r.chars() {
                    out.push(c);
                    if c.width().unwrap_or(1) == 2 {
                        out.push('\0');
                    }
                }
                out
            };
            assert_eq!(cells.get(sidebar_x + 1), Some(&'│'), "{r}");
            assert_eq!(
                cells.get(sidebar_x),
                Some(&' '),
                "text runs into the sidebar: {r}"
            );
        }
        let text = rows.join("\n");
        assert!(text.contains("Non-GAAP operat…"), "{text}");
        assert!(!text.contains("Non-GAAP o "), "{text}");
    }
}

/// #26: in a list a number chooses the entry of that number: `a 5 Enter` goes to the fifth
/// question, `a 1 2 Enter` to the twelfth; `s 3 Enter` to the third participant's first turn.
#[test]
fn a_number_in_a_list_selects_that_entry() {
    let mut s = reader(120, 40);
    let qs = callread::speakers::questions(&s.doc().unwrap().transcript);
    keys(&mut s, "a 5");
    assert_eq!(s.overlay, Overlay::Questions { selected: 4 });
    assert!(status(&s).contains("5: Enter chooses it"), "{}", status(&s));
    keys(&mut s, "<Enter>");
    let d = s.doc().unwrap();
    assert_eq!(d.cursor, d.first_pair_of_turn(qs[4].turn));
    keys(&mut s, "g a 1 2 <Enter>");
    let d = s.doc().unwrap();
    assert_eq!(d.cursor, d.first_pair_of_turn(qs[11].turn));
    // A number past the end selects the last entry; the count does not leak to the reader.
    keys(&mut s, "a 9 9 <Enter>");
    let d = s.doc().unwrap();
    assert_eq!(d.cursor, d.first_pair_of_turn(qs.last().unwrap().turn));
    assert!(s.count.is_none());
    let people = callread::speakers::participants(&s.doc().unwrap().transcript);
    keys(&mut s, "s 3 <Enter>");
    let d = s.doc().unwrap();
    assert_eq!(d.turn_of(d.cursor), people[2].first_turn.unwrap());
}

/// A question's filter reads the whole question, not its opening words: a word late in a long
/// question finds it, and the title says how many the filter keeps.
#[test]
fn a_question_filter_reads_the_whole_question() {
    let mut s = reader(120, 40);
    let t = s.doc().unwrap().transcript.clone();
    let qs = callread::speakers::questions(&t);
    let (q, word) = qs
        .iter()
        .find_map(|q| {
            let text: Vec<String> = t.turns[q.turn]
                .paragraphs
                .iter()
                .flat_map(|p| {
                    p.text(false)
                        .split_whitespace()
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .collect();
            text.iter()
                .skip(45)
                .find(|w| w.len() >= 7 && w.chars().all(|c| c.is_ascii_alphabetic()))
                .map(|w| (q, w.to_ascii_lowercase()))
        })
        .expect("a long question");
    keys(&mut s, "a /");
    type_text(&mut s, &word);
    let text = screen_text(&s);
    assert!(text.contains(" shown · "), "{text}");
    let asker = &t.speakers[q.speaker].name;
    assert!(
        screen(&s)
            .iter()
            .any(|r| r.contains(" → ") && r.contains(asker.as_str())),
        "{word}: {text}"
    );
}

/// #26: `/` in a list types a filter: the list keeps the entries holding its words (name,
/// firm, the question's words), Up/Down move among them, Enter chooses, Esc clears it.
#[test]
fn lists_take_filter_text() {
    let mut s = reader(120, 40);
    let t = s.doc().unwrap().transcript.clone();
    let qs = callread::speakers::questions(&t);
    keys(&mut s, "a /");
    type_text(&mut s, "funk");
    let text = screen_text(&s);
    assert!(text.contains("/funk▏"), "{text}");
    let rows: Vec<String> = screen(&s)
        .into_iter()
        .filter(|r| r.contains(". ") && r.contains(" → "))
        .collect();
    assert_eq!(rows.len(), 2, "{rows:#?}");
    assert!(rows.iter().all(|r| r.contains("Michael Funk")), "{rows:#?}");
    keys(&mut s, "<Down> <Enter>");
    let d = s.doc().unwrap();
    let funk: Vec<_> = qs
        .iter()
        .filter(|q| t.speakers[q.speaker].name == "Michael Funk")
        .collect();
    assert_eq!(d.cursor, d.first_pair_of_turn(funk[1].turn));
    assert_eq!(s.overlay, Overlay::None);
    assert!(s.list_filter.is_none());
    // The participants by firm; Esc clears the filter, a second Esc closes the list.
    keys(&mut s, "s /");
    type_text(&mut s, "mizuho");
    keys(&mut s, "<Esc>");
    assert!(matches!(s.overlay, Overlay::Participants { .. }));
    assert!(s.list_filter.is_none());
    keys(&mut s, "/");
    type_text(&mut s, "mizuho");
    keys(&mut s, "<Enter>");
    let d = s.doc().unwrap();
    let turn = &d.transcript.turns[d.turn_of(d.cursor)];
    assert_eq!(d.transcript.speakers[turn.speaker].name, "Siti Panigrahi");
    keys(&mut s, "s / z z q <Enter>");
    assert!(
        status(&s).contains("no entry holds those words"),
        "{}",
        status(&s)
    );
    keys(&mut s, "<Esc> <Esc>");
    assert_eq!(s.overlay, Overlay::None);
}

/// #26: one rule for the sidebar's keys, the same in the code, the help and README: `o`
/// opens it with the keys in it, `Tab` moves them to the reader and back, `o` closes it.
#[test]
fn the_sidebar_keys_follow_one_rule_stated_once() {
    let mut s = reader(120, 40);
    let cursor = |s: &callread::app::AppState| s.doc().unwrap().cursor;
    keys(&mut s, "o");
    assert!(s.sidebar && s.sidebar_focus);
    keys(&mut s, "j");
    assert_eq!(cursor(&s), 0, "j selects in the sidebar");
    keys(&mut s, "<Tab> j");
    assert!(!s.sidebar_focus);
    assert_eq!(cursor(&s), 1, "j moves the reader");
    keys(&mut s, "<Tab>");
    assert!(s.sidebar_focus);
    keys(&mut s, "o");
    assert!(!s.sidebar && !s.sidebar_focus);
    // The help says so, and README states the rule once, in the `o` row.
    let help = callread::keymap::Keymap::default().help_rows();
    assert!(
        help.iter()
            .any(|(k, what)| k == "o" && what.contains("keys in it")),
        "{help:?}"
    );
    let readme = include_str!("../README.md");
    let rows: Vec<&str> = readme
        .lines()
        .filter(|l| l.starts_with("| `o`") || l.starts_with("| `Tab`"))
        .collect();
    let o = rows.iter().find(|l| l.starts_with("| `o`")).unwrap();
    assert!(
        o.contains("opens it with the keys in it") && o.contains("`Tab` moves the keys"),
        "{o}"
    );
    assert!(
        rows.iter()
            .filter(|l| l.starts_with("| `Tab`"))
            .all(|l| l.contains("with the sidebar closed")),
        "a second statement of the rule: {rows:#?}"
    );
}

/// Text cut at the edge of the terminal ends with an ellipsis: a popup's title, a long status
/// message, a search result's snippet.
#[test]
fn text_cut_at_an_edge_ends_with_an_ellipsis() {
    let mut s = reader(80, 24);
    keys(&mut s, "/");
    let rows = screen(&s);
    let title = rows
        .iter()
        .find(|r| r.contains("search "))
        .expect("the search popup's title");
    assert!(title.contains('…'), "{title}");
    type_text(&mut s, "free cash flow");
    let cut = screen(&s)
        .into_iter()
        .filter(|r| r.contains(" · EN "))
        .collect::<Vec<_>>();
    // At 80 columns every snippet is cut: each ends with an ellipsis at the border.
    assert!(
        !cut.is_empty()
            && cut
                .iter()
                .all(|r| r.trim_end().trim_end_matches('│').trim_end().ends_with('…')),
        "{cut:#?}"
    );
    keys(&mut s, "<Esc>");
    s.message = Some(format!("a message {}", "that goes on ".repeat(12)));
    let bar = status(&s);
    assert!(bar.trim_end().ends_with('…'), "{bar}");
}

/// #26: with saving off, `m` and `M` say the bookmark or note will not be saved.
#[test]
fn bookmarks_say_when_they_are_not_saved() {
    let mut s = reader(120, 40);
    keys(&mut s, "m");
    assert!(!status(&s).contains("not saved"), "{}", status(&s));
    keys(&mut s, "m");
    s.unsaved = Some("--no-state".into());
    keys(&mut s, "j m");
    assert!(
        s.message
            .as_deref()
            .is_some_and(|m| m.starts_with("bookmarked ¶ 2, not saved (--no-state)")
                && m.contains("callread export")),
        "{:?}",
        s.message
    );
    keys(&mut s, "M");
    type_text(&mut s, "later");
    keys(&mut s, "<Enter>");
    assert!(
        s.message
            .as_deref()
            .is_some_and(|m| m.starts_with("note on ¶ 2, not saved")),
        "{:?}",
        s.message
    );
}

/// #26: bookmarks of calls not open show the company and call, and Enter opens the call at
/// the bookmark: a bundled call at once (also from a state saved before titles were kept),
/// a file from where it was opened.
/// Bookmarks of open calls name the call as those of calls not open do: company and period,
/// so two calls of one company are told apart.
#[test]
fn bookmarks_of_open_calls_name_company_and_period() {
    let mut s = reader(120, 40);
    keys(&mut s, "j j m '");
    let text = screen_text(&s);
    assert!(text.contains("Zoom, Q2 FY2025 call ¶ 3"), "{text}");
}

#[test]
fn bookmarks_of_calls_not_open_name_the_call_and_open_it() {
    use callread::state::{Bookmark, TranscriptState};
    let calls = callread::library::bundled();
    let zoom_key = callread::state::key(calls[0].content_hash);
    let mut s = callread::app::AppState::new(vec![calls[1].clone()]);
    s.saved.insert(
        zoom_key.clone(),
        TranscriptState {
            name: "000_28227caab299fe99.txt".into(),
            bookmarks: vec![Bookmark {
                paragraph: 34,
                line: 81,
                note: Some("the guide".into()),
                sentence: None,
            }],
            ..Default::default()
        },
    );
    s.adopt_saved();
    update(&mut s, Action::Resize(120, 40));
    keys(&mut s, "'");
    let text = screen_text(&s);
    assert!(
        text.contains("Zoom, Q2 FY2025 call ¶ 35 — the guide (not open: Enter opens it)"),
        "{text}"
    );
    assert!(!text.contains("000_28227caab299fe99.txt"), "{text}");
    keys(&mut s, "<Enter>");
    assert_eq!(s.docs.len(), 2);
    assert_eq!(s.doc().unwrap().short_title(), "Zoom");
    assert_eq!(s.doc().unwrap().cursor, 34);
    assert!(status(&s).contains("opened Zoom at ¶ 35"), "{}", status(&s));
    // Backspace goes back to where the list was opened.
    keys(&mut s, "<BS>");
    assert_eq!(s.current, 0);

    // A file: the title and path saved with the bookmark; Enter asks the event loop to read
    // it, and the reader lands on the bookmark when it is added.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("twilio.txt");
    // Not the bundled bytes (those open from the binary): a file of its own.
    std::fs::write(&path, format!("{}\n\n", callread::library::BUNDLED[2].1)).unwrap();
    let twilio = callread::library::load_file(&path).unwrap();
    let mut s = callread::app::AppState::new(vec![calls[1].clone()]);
    update(&mut s, Action::Resize(120, 40));
    // Bookmarked in an earlier session: the changes that session saved.
    let mut earlier = callread::app::AppState::new(vec![twilio]);
    update(&mut earlier, Action::Resize(120, 40));
    keys(&mut earlier, "1 0 G m");
    let mut file = callread::state::StateFile::default();
    for c in &earlier.changes {
        file.apply(c);
    }
    s.saved = file.transcripts.into_iter().collect();
    keys(&mut s, "'");
    let text = screen_text(&s);
    assert!(text.contains("Twilio, Q2 FY2024 call ¶ 10"), "{text}");
    keys(&mut s, "<Enter>");
    let asked = s.open_request.take().expect("the file to open");
    assert_eq!(asked, std::path::absolute(&path).unwrap());
    s.push_doc(callread::library::load_file(&asked).unwrap());
    assert_eq!(s.doc().unwrap().short_title(), "Twilio");
    assert_eq!(s.doc().unwrap().cursor, 9);
}

#[test]
fn the_terminal_reader_shows_text_before_the_analyses_and_takes_them_when_ready() {
    let mut s = callread::app::AppState::new_in_background(callread::library::bundled());
    update(&mut s, Action::Resize(120, 40));
    // The first screen does not wait for the check and the guidance.
    assert!(s.doc().unwrap().analysing());
    let first = screen(&s);
    assert!(row_with(&first, "Hello, everybody").is_some(), "{first:#?}");
    assert!(status(&s).contains("checking…"), "{}", status(&s));
    // The event loop collects them between keys.
    let start = std::time::Instant::now();
    while s.doc().unwrap().analysing() {
        assert!(start.elapsed().as_secs() < 30, "the analyses never came");
        s.idle_work();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(status(&s).contains("! 10"), "{}", status(&s));
    assert!(
        !s.doc()
            .unwrap()
            .guidance
            .as_deref()
            .unwrap_or(&[])
            .is_empty()
    );
    // Another call shown later is analysed the same way.
    s.show_doc(2);
    assert!(s.doc().unwrap().analysing(), "not on another thread");
}
