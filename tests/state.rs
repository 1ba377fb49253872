//! Reading state (resume, bookmarks, notes, storage that survives crashes and two writers)
//! and the configuration file.

mod common;

use callread::app::{Action, AppState, update};
use callread::state::{Bookmark, Change, Store, key};
use common::ui::{keys, screen_text, status, type_text};

fn reader_with(dir: &std::path::Path) -> (AppState, Store) {
    let (store, warning) = Store::open(dir).unwrap();
    assert_eq!(warning, None);
    let mut s = AppState::new(callread::library::bundled());
    s.saved = store.state.transcripts.clone().into_iter().collect();
    s.adopt_saved();
    update(&mut s, Action::Resize(120, 40));
    (s, store)
}

fn save(s: &mut AppState, store: &mut Store) {
    for c in std::mem::take(&mut s.changes)
        .into_iter()
        .chain(s.cursor_changes())
    {
        store.change(c);
    }
    store.save().unwrap();
}

#[test]
fn reopening_resumes_where_each_transcript_was_left() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, mut store) = reader_with(dir.path());
    keys(&mut s, "j j j j j j j t");
    type_text(&mut s, "asana");
    keys(&mut s, "<Enter> G");
    save(&mut s, &mut store);
    let (s, _) = reader_with(dir.path());
    assert_eq!(s.docs[0].cursor, 7);
    assert_eq!(s.docs[3].cursor, s.docs[3].len() - 1);
    assert!(status(&s).contains("¶ 8/159"), "{}", status(&s));
}

#[test]
fn a_renamed_file_still_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let text = callread::library::BUNDLED[2].1;
    let original =
        callread::library::load_bytes(text.as_bytes().to_vec(), "calls/twilio-q2.txt").unwrap();
    let renamed =
        callread::library::load_bytes(text.as_bytes().to_vec(), "elsewhere/renamed.txt").unwrap();
    assert_eq!(key(original.content_hash), key(renamed.content_hash));
    let (mut store, _) = Store::open(dir.path()).unwrap();
    store.change(Change::Cursor {
        key: key(original.content_hash),
        name: "twilio-q2.txt".into(),
        cursor: 42,
    });
    store.save().unwrap();
    let (store, _) = Store::open(dir.path()).unwrap();
    let mut s = AppState::new(vec![renamed]);
    s.saved = store.state.transcripts.into_iter().collect();
    s.adopt_saved();
    assert_eq!(s.docs[0].cursor, 42);
}

#[test]
fn bookmarks_and_notes_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, mut store) = reader_with(dir.path());
    keys(&mut s, "j m j j M");
    type_text(&mut s, "CFO leaving after Q3");
    keys(&mut s, "<Enter>");
    assert_eq!(s.docs[0].bookmarks.len(), 2);
    assert!(
        screen_text(&s).contains("*Now, I would love"),
        "the gutter marks a bookmark"
    );
    save(&mut s, &mut store);
    let (mut s, _) = reader_with(dir.path());
    let b = &s.docs[0].bookmarks;
    assert_eq!(
        b.iter()
            .map(|b| (b.paragraph, b.note.clone()))
            .collect::<Vec<_>>(),
        [(1, None), (3, Some("CFO leaving after Q3".to_string()))]
    );
    keys(&mut s, "'");
    let text = screen_text(&s);
    assert!(
        text.contains("2 bookmarks") && text.contains("CFO leaving after Q3"),
        "{text}"
    );
    keys(&mut s, "j <Enter>");
    assert_eq!(s.doc().unwrap().cursor, 3);
    // m on a bookmarked paragraph removes it.
    keys(&mut s, "m");
    assert_eq!(s.docs[0].bookmarks.len(), 1);
    // Bookmarks of a transcript that is not open, saved before the call's title and path
    // were kept, are listed by file name (#26: with a title, by company and call).
    let other = callread::state::TranscriptState {
        name: "other-call.txt".into(),
        cursor: 0,
        bookmarks: vec![Bookmark {
            paragraph: 9,
            line: 31,
            note: Some("churn".into()),
            sentence: None,
        }],
        dismissed: Vec::new(),
        seen: None,
        title: None,
        source: None,
    };
    s.saved.insert("ffff".into(), other);
    keys(&mut s, "'");
    let text = screen_text(&s);
    assert!(
        text.contains("2 bookmarks")
            && text.contains("other-call.txt ¶ 10 — churn (not open: callread FILE opens it)"),
        "{text}"
    );
    keys(&mut s, "j <Enter>");
    assert!(
        status(&s).contains("other-call.txt is not open and where it was is not known"),
        "{}",
        status(&s)
    );
}

#[test]
fn a_torn_write_and_a_corrupt_file_lose_nothing_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    store.change(Change::Put {
        key: "k".into(),
        name: "a.txt".into(),
        bookmark: Bookmark {
            paragraph: 3,
            line: 9,
            note: Some("keep".into()),
            sentence: None,
        },
    });
    store.save().unwrap();
    // A crash while writing leaves a temporary file; the saved file is whole.
    std::fs::write(
        dir.path().join(".state.json.tmp-99999"),
        "{\"version\": 1, \"transcr",
    )
    .unwrap();
    let (store, warning) = Store::open(dir.path()).unwrap();
    assert_eq!(warning, None);
    assert_eq!(
        store.state.transcripts["k"].bookmarks[0].note.as_deref(),
        Some("keep")
    );
    // A corrupt file is moved aside with a warning, and a fresh state starts.
    std::fs::write(dir.path().join("state.json"), "{not json").unwrap();
    let (store, warning) = Store::open(dir.path()).unwrap();
    let warning = warning.unwrap();
    assert!(
        warning.contains("moved to") && warning.contains("state.json.corrupt-"),
        "{warning}"
    );
    assert!(store.state.transcripts.is_empty());
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("state.json.corrupt-")
        })
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read_to_string(aside[0].path()).unwrap(),
        "{not json"
    );
}

#[test]
fn two_writers_keep_each_others_bookmarks() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _) = Store::open(dir.path()).unwrap();
    let (mut b, _) = Store::open(dir.path()).unwrap();
    a.change(Change::Put {
        key: "k".into(),
        name: "x".into(),
        bookmark: Bookmark {
            paragraph: 1,
            line: 1,
            note: None,
            sentence: None,
        },
    });
    a.save().unwrap();
    b.change(Change::Put {
        key: "k".into(),
        name: "x".into(),
        bookmark: Bookmark {
            paragraph: 2,
            line: 2,
            note: None,
            sentence: None,
        },
    });
    b.save().unwrap();
    // And many at once, from threads.
    let path = dir.path().to_path_buf();
    let workers: Vec<_> = (0..4)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let (mut s, _) = Store::open(&path).unwrap();
                for i in 0..10 {
                    s.change(Change::Put {
                        key: "k".into(),
                        name: "x".into(),
                        bookmark: Bookmark {
                            paragraph: 100 + w * 10 + i,
                            line: 0,
                            note: None,
                            sentence: None,
                        },
                    });
                    s.save().unwrap();
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let (s, _) = Store::open(dir.path()).unwrap();
    assert_eq!(s.state.transcripts["k"].bookmarks.len(), 2 + 40);
}

#[test]
fn config_errors_name_the_line_and_the_rest_applies() {
    let text = "layout = \"stacked\"\ncolour = \"red\"\ntheme = \"neon\"\nmouse = false\n\n[keys]\nnext_paragraph = [\"J\", \"Down\"]\nfly_away = \"z\"\nquit = \"Ctrl-?!\"\n";
    let (config, warnings) = parse_config(text, Some("config.toml".into()));
    assert_eq!(config.layout, callread::app::LayoutMode::Stacked);
    assert!(!config.mouse);
    assert_eq!(
        config.theme,
        callread::app::ThemeKind::Dark,
        "the bad theme is skipped"
    );
    let lines: Vec<&str> = warnings
        .iter()
        .map(|w| w.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        lines,
        [
            "config.toml:2",
            "config.toml:3",
            "config.toml:8",
            "config.toml:9"
        ],
        "{warnings:#?}"
    );
    assert!(
        warnings[0].contains("colour")
            && warnings[1].contains("neon")
            && warnings[2].contains("fly_away")
    );
    let (_, broken) = parse_config("layout = \n", None);
    assert_eq!(broken.len(), 1);
    assert!(broken[0].contains(":1:"), "{broken:?}");
}

#[test]
fn a_rebound_key_works_and_shows_in_help() {
    let (config, warnings) = parse_config(
        "[keys]\nnext_paragraph = \"J\"\nopen_search = [\"/\", \"Ctrl-f\"]\n",
        None,
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    let keymap = config.keymap();
    let mut s = common::ui::reader(100, 30);
    let press = |s: &mut AppState, token: &str| {
        callread::tui::handle_batch(s, &keymap, vec![common::ui::event(token)])
    };
    press(&mut s, "J");
    assert_eq!(s.doc().unwrap().cursor, 1);
    press(&mut s, "j");
    assert_eq!(s.doc().unwrap().cursor, 1, "j is no longer bound");
    let help = keymap.help_rows();
    assert!(
        help.iter()
            .any(|(k, what)| k == "J k ↑" && *what == "next / previous paragraph"),
        "{help:?}"
    );
    assert!(help.iter().any(|(k, _)| k == "/ Ctrl-f"));
    assert!(config.to_toml().contains("next_paragraph = [\"J\"]"));
}

#[test]
fn print_config_and_export_from_the_command_line() {
    let home = tempfile::tempdir().unwrap();
    let config_dir = home.path().join("config");
    std::fs::create_dir_all(&config_dir).unwrap();
    std::fs::write(
        config_dir.join("config.toml"),
        "theme = \"light\"\nbogus = 1\n",
    )
    .unwrap();
    let state_dir = home.path().join("state");
    let env = [
        ("CALLREAD_CONFIG_DIR", config_dir.as_os_str()),
        ("CALLREAD_STATE_DIR", state_dir.as_os_str()),
    ];
    let run = |args: &[&str]| common::run_env(args, &env);
    let o = run(&["--print-config"]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.starts_with(&format!("# {}", config_dir.join("config.toml").display())),
        "{out}"
    );
    assert!(
        out.contains("theme = \"light\"") && out.contains("quit = [\"q\", \"Ctrl-c\"]"),
        "{out}"
    );
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("config.toml:2: unknown setting \"bogus\"")
    );

    let seed = "assets/transcripts/000_28227caab299fe99.txt";
    let t = callread::library::load_file(std::path::Path::new(seed)).unwrap();
    let (mut store, _) = Store::open(&home.path().join("state")).unwrap();
    store.change(Change::Put {
        key: key(t.content_hash),
        name: "zoom.txt".into(),
        bookmark: Bookmark {
            paragraph: 34,
            line: 81,
            note: Some("EPS guide mistranslated".into()),
            sentence: None,
        },
    });
    // A sentence bookmark quotes its sentence, not the paragraph (line 13's fourth sentence).
    let p13 = t
        .paragraphs()
        .map(|(_, p)| p)
        .find(|p| p.line == 13)
        .unwrap();
    let (en13, zh13) = (p13.en.as_deref().unwrap(), p13.zh.as_deref().unwrap());
    let (es, zs, _) = callread::align::align(en13, zh13);
    store.change(Change::Put {
        key: key(t.content_hash),
        name: "zoom.txt".into(),
        bookmark: Bookmark {
            paragraph: 2,
            line: 13,
            note: None,
            sentence: Some(callread::state::SentenceMark {
                en: Some(es[3].clone()),
                zh: Some(zs[3].clone()),
            }),
        },
    });
    store.save().unwrap();
    let md = String::from_utf8(run(&["export", seed]).stdout).unwrap();
    assert!(md.starts_with("# Zoom, Q2 FY2025 call"), "{md}");
    assert!(
        md.contains("  > I'm joined today by Zoom's Founder and CEO, Eric Yuan; and Zoom's CFO, Kelly Steckelberg.\n  > Zoom 的財務長 Kelly Steckelberg。\n"),
        "{md}"
    );
    assert!(!md.contains("> Thank you, David."), "{md}");
    assert!(
        md.contains("EPS guide mistranslated") && md.contains("> Turning to guidance."),
        "{md}"
    );
    assert!(
        md.contains("| Q3 FY2025 | Non-GAAP earnings per share | $1.29–$1.31 |  | ⚠"),
        "{md}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["export", seed, "--format", "json"]).stdout).unwrap();
    assert_eq!(json["call_period"], "Q2 FY2025");
    assert_eq!(json["bookmarks"][0]["sentence"], true);
    assert_eq!(json["bookmarks"][1]["note"], "EPS guide mistranslated");
    assert_eq!(json["guidance"].as_array().unwrap().len(), 16);
}

/// A binding that takes another action's key is applied, with a warning naming both actions
/// and the line; the unknown-action warning points to `--print-config`.
#[test]
fn a_key_taken_from_another_action_is_named() {
    let text = "[keys]\nquit = [\"n\"]\ntoggle_help = \"j\"\nfly_away = \"z\"\n";
    let (config, warnings) = parse_config(text, Some("config.toml".into()));
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    assert!(
        warnings[0].starts_with("config.toml:2:")
            && warnings[0].contains("\"n\" was next_match's")
            && warnings[0].contains("quit takes it")
            && warnings[0].contains("next_match now has no key"),
        "{}",
        warnings[0]
    );
    assert!(
        warnings[1].starts_with("config.toml:3:")
            && warnings[1].contains("next_paragraph keeps Down"),
        "{}",
        warnings[1]
    );
    assert!(warnings[2].contains("--print-config"), "{}", warnings[2]);
    // Applied all the same.
    let keymap = config.keymap();
    assert!(
        keymap
            .bindings
            .iter()
            .any(|(k, a)| *a == callread::app::Action::Quit && k.config_name() == "n")
    );
    // Rebinding the other action too is no conflict.
    let (_, none) = parse_config("[keys]\nquit = \"n\"\nnext_match = \"Ctrl-n\"\n", None);
    assert!(none.is_empty(), "{none:?}");
}

fn put(store: &mut Store, key: &str, paragraph: usize) {
    store.change(Change::Put {
        key: key.into(),
        name: format!("{key}.txt"),
        bookmark: Bookmark {
            paragraph,
            line: paragraph + 1,
            note: None,
            sentence: None,
        },
    });
}

/// #16 item 8: saves killed mid-write left `.state.json.tmp-PID` files for good.
#[test]
fn a_save_removes_what_killed_saves_left() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    for pid in [11, 12, 13] {
        std::fs::write(dir.path().join(format!(".state.json.tmp-{pid}")), "{").unwrap();
    }
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    put(&mut store, "k", 3);
    store.save().unwrap();
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["notes.txt", "state.json", "state.lock"]);
}

/// A state directory where the lock cannot be taken (read-only, another user's; here the
/// lock's name is taken by a directory, which stops root too) is still read, and saving is
/// off with a warning, not reading.
#[test]
fn a_state_directory_that_cannot_be_written_is_still_read() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (mut store, _) = Store::open(dir.path()).unwrap();
        put(&mut store, "k", 7);
        store.save().unwrap();
    }
    std::fs::remove_file(dir.path().join("state.lock")).unwrap();
    std::fs::create_dir(dir.path().join("state.lock")).unwrap();
    let (mut store, warning) = Store::open(dir.path()).unwrap();
    assert_eq!(store.state.transcripts["k"].bookmarks[0].paragraph, 7);
    let warning = warning.expect("saving is off");
    assert!(warning.contains("saving is off"), "{warning}");
    assert!(store.read_only().is_some());
    put(&mut store, "k", 9);
    let e = store.save().unwrap_err().to_string();
    assert!(e.contains("saving is off"), "{e}");
}

/// Positions of transcripts unopened for long are forgotten, at most MAX_POSITIONS are kept,
/// and a transcript with bookmarks is never dropped.
#[test]
fn old_positions_are_forgotten_and_bookmarks_kept() {
    use callread::state::{MAX_POSITIONS, StateFile, TranscriptState};
    let day = 24 * 3600;
    let now = 1_000 * day;
    let mut f = StateFile::default();
    let entry = |seen: Option<u64>, marks: usize| TranscriptState {
        seen,
        bookmarks: (0..marks)
            .map(|p| Bookmark {
                paragraph: p,
                line: p + 1,
                note: None,
                sentence: None,
            })
            .collect(),
        ..Default::default()
    };
    f.transcripts
        .insert("old".into(), entry(Some(now - 400 * day), 0));
    f.transcripts
        .insert("old-marked".into(), entry(Some(now - 900 * day), 2));
    f.transcripts
        .insert("recent".into(), entry(Some(now - 3 * day), 0));
    f.transcripts.insert("undated".into(), entry(None, 0));
    assert_eq!(f.prune(now, Some(365 * day)), 1);
    assert!(!f.transcripts.contains_key("old"));
    assert_eq!(
        f.transcripts["undated"].seen,
        Some(now),
        "dated from now on"
    );
    assert!(f.transcripts.contains_key("old-marked") && f.transcripts.contains_key("recent"));
    // Never forgetting by age still bounds the count, oldest first.
    for i in 0..MAX_POSITIONS + 5 {
        f.transcripts
            .insert(format!("t{i:05}"), entry(Some(now - day + i as u64), 0));
    }
    f.prune(now, None);
    let plain = f
        .transcripts
        .values()
        .filter(|t| t.bookmarks.is_empty())
        .count();
    assert_eq!(plain, MAX_POSITIONS);
    assert!(!f.transcripts.contains_key("t00000") && f.transcripts.contains_key("old-marked"));
}

/// Two corrupt files in one second each get their own copy; `export` reports a corrupt file
/// and leaves it where it is.
#[test]
fn corrupt_copies_never_overwrite_each_other_and_export_moves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("state.json"), "{ first").unwrap();
    let (_, w1) = Store::open(dir.path()).unwrap();
    std::fs::write(dir.path().join("state.json"), "{ second").unwrap();
    let (_, w2) = Store::open(dir.path()).unwrap();
    assert!(w1.is_some() && w2.is_some());
    let mut copies: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("corrupt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    copies.sort();
    assert_eq!(copies, ["{ first", "{ second"]);

    let state_dir = dir.path().join("export");
    std::fs::create_dir_all(&state_dir).unwrap();
    std::fs::write(state_dir.join("state.json"), "{ broken").unwrap();
    let o = common::run_env(
        &["export", "assets/transcripts/000_28227caab299fe99.txt"],
        &[("CALLREAD_STATE_DIR", state_dir.as_os_str())],
    );
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("state.json") && err.contains("unreadable"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(state_dir.join("state.json")).unwrap(),
        "{ broken"
    );
}

/// The reader saves on a thread: what is sent is on disk once the saver finishes, in order.
#[test]
fn the_saver_thread_writes_everything_sent() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(dir.path()).unwrap();
    let saver = callread::state::Saver::spawn(store);
    for p in 0..50 {
        saver.send(vec![Change::Put {
            key: "k".into(),
            name: "k.txt".into(),
            bookmark: Bookmark {
                paragraph: p,
                line: p,
                note: None,
                sentence: None,
            },
        }]);
    }
    saver.send(vec![Change::Remove {
        key: "k".into(),
        paragraph: 0,
    }]);
    assert_eq!(saver.finish(), None);
    let (s, _) = Store::open(dir.path()).unwrap();
    assert_eq!(s.state.transcripts["k"].bookmarks.len(), 49);
}

/// #16 item 8, config: line numbers for inline tables, dotted keys and unknown tables; a
/// duplicate key names its own line; a syntax error costs its setting, not the file.
#[test]
fn config_lines_are_right_for_every_form_and_a_syntax_error_keeps_the_rest() {
    let text = "theme = \"light\"\n\
                keys = { quit = \"Q\", fly = \"z\" }\n\
                display.width = 3\n\
                [colours]\n\
                x = 1\n";
    let (config, warnings) = parse_config(text, Some("c.toml".into()));
    assert_eq!(config.theme, callread::app::ThemeKind::Light);
    let has = |line: &str, what: &str| {
        warnings
            .iter()
            .any(|w| w.starts_with(&format!("c.toml:{line}:")) && w.contains(what))
    };
    assert!(has("2", "\"fly\""), "{warnings:#?}");
    assert!(has("3", "\"display\""), "{warnings:#?}");
    assert!(has("4", "\"colours\""), "{warnings:#?}");
    assert!(!warnings.iter().any(|w| w.contains(":0:")), "{warnings:#?}");

    let (config, warnings) = parse_config(
        "layout = \"stacked\"\nmouse = fals\ntheme = \"light\"\nlayout = \"english\"\n",
        Some("c.toml".into()),
    );
    assert_eq!(
        config.theme,
        callread::app::ThemeKind::Light,
        "{warnings:#?}"
    );
    assert_eq!(config.layout, callread::app::LayoutMode::Stacked);
    assert!(config.mouse, "the broken setting keeps its default");
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(warnings[0].starts_with("c.toml:2:"), "{warnings:#?}");
    assert!(
        warnings[1].starts_with("c.toml:4:") && warnings[1].contains("duplicate"),
        "{warnings:#?}"
    );

    // Thousands of unknown keys: one warning each, each on its own line.
    let many: String = (0..5_000).map(|i| format!("k{i} = 1\n")).collect();
    let (_, warnings) = parse_config(&many, None);
    assert_eq!(warnings.len(), 5_000);
    assert!(
        warnings[4_999].starts_with("config:5000:"),
        "{}",
        warnings[4_999]
    );
}

/// A bad byte in the config costs its line, which the warning names; a directory in the
/// config's place is called what it is.
#[test]
fn config_with_a_bad_byte_or_a_directory_in_its_place() {
    let home = tempfile::tempdir().unwrap();
    let config_dir = home.path().join("config");
    std::fs::create_dir_all(&config_dir).unwrap();
    std::fs::write(
        config_dir.join("config.toml"),
        b"theme = \"light\"\n# caf\xe9\nmouse = false\n",
    )
    .unwrap();
    let env = [
        ("CALLREAD_CONFIG_DIR", config_dir.as_os_str()),
        ("CALLREAD_STATE_DIR", home.path().as_os_str()),
    ];
    let o = common::run_env(&["--print-config"], &env);
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("config.toml:2: not UTF-8"), "{err}");
    assert!(
        out.contains("theme = \"light\"") && out.contains("mouse = false"),
        "{out}"
    );
    std::fs::remove_file(config_dir.join("config.toml")).unwrap();
    std::fs::create_dir(config_dir.join("config.toml")).unwrap();
    let o = common::run_env(&["--print-config"], &env);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("config.toml: is a directory"), "{err}");
}

/// Config parsing with the warnings as people see them ("config.toml:3: ...").
fn parse_config(
    text: &str,
    path: Option<std::path::PathBuf>,
) -> (callread::config::Config, Vec<String>) {
    let (config, warnings) = callread::config::parse(text, path);
    (config, warnings.iter().map(ToString::to_string).collect())
}

/// Config warnings are structured: file, line and message, for scripts and for the first
/// screen alike.
#[test]
fn config_warnings_carry_their_line() {
    let (_, warnings) =
        callread::config::parse("mouse = true\n\nbogus = 1\n", Some("c.toml".into()));
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].line, Some(3));
    assert_eq!(warnings[0].file, "c.toml");
    assert!(warnings[0].message.starts_with("unknown setting \"bogus\""));
    assert!(
        warnings[0]
            .to_string()
            .starts_with("c.toml:3: unknown setting")
    );
}

/// #12: on-screen hints name the keys in force: rebinding help and undo changes the status
/// bar and the bookmark messages.
#[test]
fn hints_follow_the_bindings() {
    let (config, warnings) = parse_config("[keys]\ntoggle_help = \"h\"\nundo = \"U\"\n", None);
    assert!(warnings.is_empty(), "{warnings:?}");
    let mut s = common::ui::reader(120, 40);
    s.keys = config.keymap();
    assert!(
        common::ui::status(&s).contains("h help"),
        "{}",
        common::ui::status(&s)
    );
    let keymap = config.keymap();
    for key in ["m", "m"] {
        callread::tui::handle_batch(&mut s, &keymap, vec![common::ui::event(key)]);
    }
    assert!(
        common::ui::status(&s).contains("U undoes"),
        "{}",
        common::ui::status(&s)
    );
}

/// Searches are saved with the reading state (the latest last, a repeat moved to the end, at
/// most `SEARCHES_KEPT`), so ↑ in the next session's search prompt finds them.
#[test]
fn searches_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    // The reader queues a search change on Enter.
    let mut s = common::ui::reader(120, 40);
    common::ui::keys(&mut s, "/");
    common::ui::type_text(&mut s, "free cash flow");
    common::ui::keys(&mut s, "<Enter>");
    let searched: Vec<Change> = s
        .changes
        .drain(..)
        .filter(|c| matches!(c, Change::Search { .. }))
        .collect();
    assert_eq!(
        searched,
        [Change::Search {
            query: "free cash flow".into()
        }]
    );
    for c in searched {
        store.change(c);
    }
    for q in ["margin", "free cash flow"] {
        store.change(Change::Search { query: q.into() });
    }
    for i in 0..callread::state::SEARCHES_KEPT {
        store.change(Change::Search {
            query: format!("q{i}"),
        });
    }
    store.change(Change::Search {
        query: "last".into(),
    });
    store.save().unwrap();
    let (again, _) = Store::open(dir.path()).unwrap();
    let searches = &again.state.searches;
    assert_eq!(searches.len(), callread::state::SEARCHES_KEPT);
    assert_eq!(searches.last().map(String::as_str), Some("last"));
    assert!(
        !searches.iter().any(|q| q == "margin"),
        "the oldest went first"
    );
    // A short history keeps order with a repeat moved to the end.
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    for q in ["a", "b", "a"] {
        store.change(Change::Search { query: q.into() });
    }
    store.save().unwrap();
    let (again, _) = Store::open(dir.path()).unwrap();
    assert_eq!(again.state.searches, ["b", "a"]);
}
