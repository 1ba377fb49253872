//! Search in the reader (prompt, live results, jump, highlight, n/N, scope) and on the
//! command line.

mod common;

use callread::app::Overlay;
use callread::transcript::Lang;
use common::ui::{keys, reader, screen, screen_text, status, type_text};

#[test]
fn results_update_on_every_keystroke_and_enter_jumps_with_the_match_highlighted() {
    let mut s = reader(120, 40);
    keys(&mut s, "/");
    assert!(matches!(s.overlay, Overlay::Search { .. }));
    type_text(&mut s, "non-gaap ear");
    let wide = s.search_hits.len();
    type_text(&mut s, "nings per share");
    let narrow = s.search_hits.len();
    assert!(wide >= narrow && narrow > 0, "{wide} {narrow}");
    let text = screen_text(&s);
    assert!(
        text.contains("search this call") && text.contains("/ non-gaap earnings per share"),
        "{text}"
    );
    assert!(text.contains("Kelly Steckelberg · Prepared · EN"), "{text}");
    keys(&mut s, "<Enter>");
    assert_eq!(s.overlay, Overlay::None);
    let hit = s.highlight.clone().unwrap();
    let doc = s.doc().unwrap();
    assert_eq!(doc.cursor, hit.paragraph);
    let (_, p) = doc.paragraph(hit.paragraph).unwrap();
    let en = p.en.as_deref().unwrap();
    // The highlighted characters spell the query's letters.
    let marked: String = hit.ranges.iter().map(|r| &en[r.clone()]).collect();
    assert!(marked.to_lowercase().contains("non-gaap"), "{marked}");
    // And they are drawn reversed in the English pane.
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|f| callread::ui::render(f, &s, &callread::keymap::Keymap::default()))
        .unwrap();
    let buf = terminal.backend().buffer();
    let reversed = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
        .count();
    assert!(reversed >= 8, "{reversed}");
    keys(&mut s, "<Esc>");
    assert!(s.highlight.is_none(), "Esc clears the highlight");
}

#[test]
fn n_and_shift_n_walk_matches_in_reading_order() {
    let mut s = reader(100, 30);
    keys(&mut s, "/");
    type_text(&mut s, "'Workvivo");
    keys(&mut s, "<Enter>");
    let total = s.last_search.as_ref().unwrap().2.len();
    assert!(total >= 5, "{total}");
    keys(&mut s, "g");
    let mut seen = Vec::new();
    for _ in 0..total {
        keys(&mut s, "n");
        let h = s.highlight.clone().unwrap();
        seen.push((h.paragraph, h.lang == Lang::Zh));
    }
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(seen, sorted, "reading order");
    assert_eq!(seen.len(), total);
    keys(&mut s, "n");
    assert!(status(&s).contains("(wrapped)"), "{}", status(&s));
    keys(&mut s, "N");
    let back = s.highlight.clone().unwrap();
    assert_eq!(
        (back.paragraph, back.lang == Lang::Zh),
        *seen.last().unwrap()
    );
}

#[test]
fn chinese_queries_simplified_and_full_width() {
    let mut s = reader(100, 30);
    keys(&mut s, "/");
    type_text(&mut s, "营收");
    assert!(!s.search_hits.is_empty());
    assert!(s.search_hits.iter().all(|h| h.lang == Lang::Zh));
    keys(&mut s, "<BS> <BS>");
    type_text(&mut s, "Ｑ３");
    let full = s.search_hits.len();
    keys(&mut s, "<BS> <BS>");
    type_text(&mut s, "Q3");
    assert_eq!(full, s.search_hits.len());
    assert!(full > 0);
}

#[test]
fn scope_toggles_between_this_call_and_all() {
    let mut s = reader(120, 40);
    keys(&mut s, "/");
    type_text(&mut s, "'Twilio");
    assert!(s.search_hits.is_empty(), "not in the Zoom call");
    keys(&mut s, "<C-a>");
    assert!(!s.search_hits.is_empty());
    assert!(
        screen_text(&s).contains("Twilio, Q2 FY2024 call ·"),
        "results name the call, company and period"
    );
    let best = s.search_hits[0].doc;
    assert_ne!(best, 0);
    keys(&mut s, "<Enter>");
    assert_eq!(s.current, best, "Enter switches to the hit's transcript");
    let company = s.doc().unwrap().short_title().to_string();
    assert!(status(&s).contains(&company));
}

#[test]
fn an_empty_search_and_escape() {
    let mut s = reader(80, 24);
    keys(&mut s, "/ <Enter>");
    assert_eq!(s.overlay, Overlay::None);
    keys(&mut s, "n");
    assert!(status(&s).contains("no matches"), "{}", status(&s));
    keys(&mut s, "/");
    type_text(&mut s, "zzzzqqq");
    assert!(screen(&s).iter().any(|r| r.contains("0 matches")));
    keys(&mut s, "<Esc>");
    assert_eq!(s.overlay, Overlay::None);
}

#[test]
fn search_cli_json_and_plain() {
    let run = common::run;
    let o = run(&[
        "search",
        "free cash flow",
        "assets/transcripts",
        "--json",
        "--limit",
        "5",
    ]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    let scores: Vec<i64> = rows.iter().map(|r| r["score"].as_i64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );
    for r in rows {
        for key in ["source", "line", "lang", "score", "speaker", "text"] {
            assert!(r.get(key).is_some(), "{key}");
        }
        assert!(
            r["text"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("free cash flow"),
            "the phrase ranks first"
        );
    }
    // Simplified Chinese finds the Traditional lines; every result says which side.
    let o = run(&["search", "自由现金流", "assets/transcripts", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(!v.as_array().unwrap().is_empty());
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|r| r["lang"] == "zh" && r["text"].as_str().unwrap().contains("自由現金流"))
    );
    // Plain: grep-like, one result per line.
    let o = run(&["search", "'MoffettNathanson", "assets/transcripts"]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.lines().count() >= 1);
    assert!(
        text.lines().all(
            |l| l.starts_with("assets/transcripts/0") && l.contains(":en:") || l.contains(":zh:")
        ),
        "{text}"
    );
    // The streaming file search and the in-memory search agree on the bundled calls.
    let files = run(&["search", "gross margin", "assets/transcripts", "--json"]);
    let bundled = run(&["search", "gross margin", "--json"]);
    let count = |o: &std::process::Output| {
        serde_json::from_slice::<serde_json::Value>(&o.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(count(&files), count(&bundled));
}

/// Ranking: letters at the starts of consecutive words ("fcf": free cash flow) rank above
/// letters inside words, and terms matching adjacent words ("cntct cntr": contact center)
/// above the same letters elsewhere.
#[test]
fn initials_and_adjacent_words_rank_first() {
    let run = |q: &str| -> Vec<String> {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_callread"))
            .args(["search", q, "--json", "--limit", "10"])
            .output()
            .unwrap();
        let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        hits.as_array()
            .unwrap()
            .iter()
            .map(|h| h["text"].as_str().unwrap().to_lowercase())
            .collect()
    };
    let fcf = run("fcf");
    let good = fcf
        .iter()
        .filter(|t| t.contains("free cash flow") || t.contains("fcf"))
        .count();
    assert!(good >= 9, "{good} of 10: {fcf:#?}");
    let contact = run("cntct cntr");
    assert!(
        contact[..3].iter().all(|t| t.contains("contact center")),
        "{contact:#?}"
    );
}

/// The prompt edits like a shell's: a reopened query is replaced by typing and cleared by
/// Backspace; Ctrl-w deletes a word, Ctrl-u the line; Up walks back through past searches.
#[test]
fn the_prompt_edits_like_a_shell() {
    let query = |s: &callread::app::AppState| match &s.overlay {
        callread::app::Overlay::Search { query, .. } => query.clone(),
        other => panic!("no prompt: {other:?}"),
    };
    let mut s = reader(120, 40);
    keys(&mut s, "/");
    type_text(&mut s, "margin");
    keys(&mut s, "<Enter> /");
    assert_eq!(query(&s), "margin");
    type_text(&mut s, "x");
    assert_eq!(query(&s), "x", "typing replaces the reopened query");
    keys(&mut s, "<BS>");
    type_text(&mut s, "free cash flow");
    keys(&mut s, "<C-w>");
    assert_eq!(query(&s), "free cash ");
    keys(&mut s, "<C-u>");
    assert_eq!(query(&s), "");
    type_text(&mut s, "revenue");
    keys(&mut s, "<Enter> /");
    keys(&mut s, "<BS>");
    assert_eq!(query(&s), "", "Backspace clears a reopened query");
    keys(&mut s, "<Esc> / <Up>");
    assert_eq!(query(&s), "revenue");
    keys(&mut s, "<Up>");
    assert_eq!(query(&s), "margin");
    keys(&mut s, "<Down>");
    assert_eq!(query(&s), "revenue");
}

/// #16 item 7: 5,000 copies of one term, or a page of distinct words, cost seconds to
/// minutes. A repeated term counts once and no more than MAX_TERMS are kept, and the answer
/// for a repeated term is the answer for the term once.
#[test]
fn many_term_queries_are_bounded() {
    use callread::search::{MAX_TERMS, Query, search_transcripts};
    let repeated = Query::parse(&"的 ".repeat(5_000));
    assert_eq!(repeated.terms.len(), 1);
    let words: String = (0..1_000).map(|i| format!("w{i} ")).collect();
    assert_eq!(Query::parse(&words).terms.len(), MAX_TERMS);
    // `!x` and `x` are different terms; `'x` and `x` too.
    assert_eq!(Query::parse("rev !rev 'rev rev").terms.len(), 3);

    let t = common::load(common::seed_text("000"));
    let once = search_transcripts(vec![(0, &t)], &Query::parse("revenue"), 50);
    let many = search_transcripts(vec![(0, &t)], &Query::parse(&"revenue ".repeat(3_000)), 50);
    assert!(!once.is_empty());
    let key = |h: &callread::search::Hit| (h.paragraph, h.lang);
    assert_eq!(
        once.iter().map(key).collect::<Vec<_>>(),
        many.iter().map(key).collect::<Vec<_>>()
    );
}

/// #12: a query mixing languages matches the pair, each term in either language; a negated
/// Chinese term finds pairs whose translation lacks the word. In the reader and on the
/// command line.
#[test]
fn a_mixed_query_matches_across_the_pair() {
    let five = callread::library::bundled();
    let docs: Vec<(usize, &callread::transcript::Transcript)> = five.iter().enumerate().collect();
    let search = |q: &str| {
        let query = callread::search::Query::parse(q);
        callread::search::search_transcripts(docs.iter().copied(), &query, 10_000)
    };
    let pair = |h: &callread::search::Hit| {
        let (_, p) = five[h.doc].paragraphs().nth(h.paragraph).unwrap();
        (
            p.en.clone().unwrap_or_default().to_lowercase(),
            p.zh.clone().unwrap_or_default(),
        )
    };
    // (`'revenue`: exact, so that every hit's English contains the word.)
    let with = search("'revenue 營收");
    assert!(with.len() > 20, "{}", with.len());
    for h in &with {
        let (en, zh) = pair(h);
        assert!(en.contains("revenue") && zh.contains("營收"), "{en} / {zh}");
    }
    let without = search("'revenue !營收");
    assert!(!without.is_empty());
    for h in &without {
        let (en, zh) = pair(h);
        assert!(
            en.contains("revenue") && !zh.contains("營收"),
            "{en} / {zh}"
        );
    }
    // Simplified terms find the Traditional text.
    assert_eq!(search("'revenue 营收").len(), with.len());
    // In the reader: Enter jumps to the pair, the English term highlighted.
    let mut s = reader(120, 40);
    keys(&mut s, "/");
    type_text(&mut s, "guidance 指導");
    keys(&mut s, "<Enter>");
    let hit = s.highlight.clone().expect("a hit");
    let d = s.doc().unwrap();
    let p = d.paragraph(hit.paragraph).unwrap().1;
    let marked: String = hit
        .ranges
        .iter()
        .map(|r| &p.en.as_deref().unwrap()[r.clone()])
        .collect();
    assert!(marked.to_lowercase().contains("guidance"), "{marked}");
    // On the command line, over files: the English line and its Chinese, as "pair".
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_callread"))
        .args(["search", "'revenue 營收", "assets/transcripts", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = v.as_array().unwrap();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| {
        r["lang"] == "pair"
            && r["text"].as_str().unwrap().contains("營收")
            && r["text"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("revenue")
    }));
}

/// #12: every match of the search on screen is marked (underlined), the current one reversed,
/// "match k/N" in the status bar; Esc clears them all.
#[test]
fn every_match_on_screen_is_marked() {
    let mut s = reader(120, 40);
    keys(&mut s, "/");
    type_text(&mut s, "'Zoom");
    keys(&mut s, "<Enter>");
    assert!(status(&s).contains("match 1/"), "{}", status(&s));
    keys(&mut s, "n");
    assert!(status(&s).contains("match 2/"), "{}", status(&s));
    let cells = common::ui::cells_with;
    let under = cells(&s, ratatui::style::Modifier::UNDERLINED);
    let reversed = cells(&s, ratatui::style::Modifier::REVERSED);
    assert!(reversed.contains("Zoom"), "{reversed}");
    // Other paragraphs' matches on screen too.
    assert!(under.matches("Zoom").count() >= 2, "{under}");
    keys(&mut s, "<Esc>");
    assert!(cells(&s, ratatui::style::Modifier::UNDERLINED).is_empty());
}

/// #26: the results list is in reading order, the order `n` walks, with the best match
/// selected; `n` keeps a speaker filter (as less keeps `&`) and walks the matches it shows.
#[test]
fn n_keeps_the_speaker_filter_and_walks_the_list_order() {
    let mut s = reader(120, 40);
    keys(&mut s, "/");
    type_text(&mut s, "'margin");
    let listed: Vec<(usize, bool)> = s
        .search_hits
        .iter()
        .map(|h| (h.paragraph, h.lang == Lang::Zh))
        .collect();
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(listed, sorted, "the list in reading order");
    keys(&mut s, "<Esc> g");
    // Only Kelly Steckelberg's turns (the CFO talks margins).
    keys(&mut s, "s");
    let people = callread::speakers::participants(&s.doc().unwrap().transcript);
    let kelly = people
        .iter()
        .position(|p| p.name == "Kelly Steckelberg")
        .unwrap();
    for _ in 0..kelly {
        keys(&mut s, "j");
    }
    keys(&mut s, "f");
    let d = s.doc().unwrap();
    let speaker = d.filter.expect("a filter");
    keys(&mut s, "/");
    type_text(&mut s, "'margin");
    // The prompt lists the matches the filter shows; Enter keeps the filter.
    assert!(!s.search_hits.is_empty());
    assert!(s.search_hits.iter().all(|h| {
        let d = s.doc().unwrap();
        d.paragraph(h.paragraph).unwrap().0.speaker == speaker
    }));
    let listed = s.search_hits.len();
    keys(&mut s, "<Enter>");
    assert_eq!(s.doc().unwrap().filter, Some(speaker));
    // Counted among the matches the filter shows, as `n` counts them.
    assert!(
        status(&s).contains(&format!("/{listed} (")),
        "{listed}: {}",
        status(&s)
    );
    let mut seen = Vec::new();
    for _ in 0..6 {
        keys(&mut s, "n");
        let d = s.doc().unwrap();
        assert_eq!(
            d.filter,
            Some(speaker),
            "n dropped the filter: {}",
            status(&s)
        );
        let (turn, _) = d.paragraph(d.cursor).unwrap();
        assert_eq!(turn.speaker, speaker);
        seen.push(d.cursor);
    }
    assert!(
        status(&s).contains("in this speaker's turns"),
        "{}",
        status(&s)
    );
    assert!(seen.windows(2).any(|w| w[0] != w[1]), "{seen:?}");
}

/// #26: a Latin fuzzy term must read as typed words: "margin" finds margins, not
/// "su[m]mary [ar]e [g]ett[in]g"; "fcf" finds free cash flow, not "f[c] ... [f]".
#[test]
fn scattered_letters_are_not_a_match() {
    let mut s = reader(120, 40);
    keys(&mut s, "/");
    type_text(&mut s, "margin");
    assert!(!s.search_hits.is_empty());
    for h in &s.search_hits {
        let d = &s.docs[h.doc];
        let text = d.paragraph(h.paragraph).unwrap().1.side(h.lang).unwrap();
        let from = h.ranges.first().unwrap().start;
        let to = h.ranges.last().unwrap().end;
        assert!(
            text[from..to].eq_ignore_ascii_case("margin"),
            "¶ {}: {:?}",
            h.paragraph + 1,
            &text[from..to]
        );
    }
    keys(&mut s, "<C-u>");
    type_text(&mut s, "fcf");
    assert!(!s.search_hits.is_empty());
    for h in &s.search_hits {
        let d = &s.docs[h.doc];
        let text = d.paragraph(h.paragraph).unwrap().1.side(h.lang).unwrap();
        let from = h.ranges.first().unwrap().start;
        assert!(
            text[from..].to_lowercase().starts_with("free cash f"),
            "{:?}",
            &text[from..]
        );
    }
    // Inside one word a fuzzy term still finds what was meant.
    keys(&mut s, "<C-u>");
    type_text(&mut s, "mrgn");
    assert!(s.search_hits.len() >= 6, "{}", s.search_hits.len());
    // And typing on only narrows.
    for (short, long) in [("mar", "margin"), ("gr marg", "gr margin")] {
        keys(&mut s, "<C-u>");
        type_text(&mut s, short);
        let wide: Vec<_> = s
            .search_hits
            .iter()
            .map(|h| (h.paragraph, h.lang))
            .collect();
        keys(&mut s, "<C-u>");
        type_text(&mut s, long);
        assert!(
            s.search_hits
                .iter()
                .all(|h| wide.contains(&(h.paragraph, h.lang))),
            "{long}"
        );
    }
}

/// `callread search` reads speakers with the reader's parser: in an English-only file the
/// operator's lines are the operator's, and a line of speech with a dash is no speaker.
#[test]
fn search_cli_speakers_are_the_readers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("invented.txt");
    std::fs::write(
        &path,
        "Prepared Remarks:\n\nOperator\n\nWelcome to the Brindle Tools call. Kestrel here.\n\n\
         Hana Ives -- Chief Executive Officer\n\nThanks. Revenue grew in kestrel regions.\n\n\
         So -- and it was really -- the kestrel line that did it.\n\n\
         Questions and Answers:\n\nOperator\n\nOur first question about kestrel comes from Jo Park with Ferro.\n\n\
         Jo Park -- Ferro -- Analyst\n\nWhat about kestrel?\n",
    )
    .unwrap();
    let o = common::run(&["search", "'kestrel", path.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut by_text: Vec<(String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["text"].as_str().unwrap().to_string(),
                r["speaker"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    by_text.sort();
    let speaker_of = |start: &str| {
        by_text
            .iter()
            .find(|(t, _)| t.starts_with(start))
            .map(|(_, s)| s.as_str())
    };
    assert_eq!(by_text.len(), 5, "{by_text:?}");
    assert_eq!(speaker_of("Welcome"), Some("Operator"));
    assert_eq!(speaker_of("Our first question"), Some("Operator"));
    assert_eq!(speaker_of("So --"), Some("Hana Ives"));
    assert_eq!(speaker_of("What about"), Some("Jo Park"));
}
