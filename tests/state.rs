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
    // Bookmarks of a transcript that is not open are listed by file name.
    let other = callread::state::TranscriptState {
        name: "other-call.txt".into(),
        cursor: 0,
        bookmarks: vec![Bookmark {
            paragraph: 9,
            line: 31,
            note: Some("churn".into()),
        }],
    };
    s.saved.insert("ffff".into(), other);
    keys(&mut s, "'");
    let text = screen_text(&s);
    assert!(
        text.contains("2 bookmarks") && text.contains("other-call.txt (not open) line 31 — churn"),
        "{text}"
    );
    keys(&mut s, "j <Enter>");
    assert!(
        status(&s).contains("other-call.txt is not open"),
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
    let (config, warnings) = callread::config::parse(text, Some("config.toml".into()));
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
    let (_, broken) = callread::config::parse("layout = \n", None);
    assert_eq!(broken.len(), 1);
    assert!(broken[0].contains(":1:"), "{broken:?}");
}

#[test]
fn a_rebound_key_works_and_shows_in_help() {
    let (config, warnings) = callread::config::parse(
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
            .any(|(k, what)| k == "J" && *what == "next paragraph"),
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
        },
    });
    store.save().unwrap();
    let md = String::from_utf8(run(&["export", seed]).stdout).unwrap();
    assert!(md.starts_with("# Zoom"), "{md}");
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
    assert_eq!(json["bookmarks"][0]["note"], "EPS guide mistranslated");
    assert_eq!(json["guidance"].as_array().unwrap().len(), 16);
}

/// A binding that takes another action's key is applied, with a warning naming both actions
/// and the line; the unknown-action warning points to `--print-config`.
#[test]
fn a_key_taken_from_another_action_is_named() {
    let text = "[keys]\nquit = [\"n\"]\ntoggle_help = \"j\"\nfly_away = \"z\"\n";
    let (config, warnings) = callread::config::parse(text, Some("config.toml".into()));
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
    let (_, none) =
        callread::config::parse("[keys]\nquit = \"n\"\nnext_match = \"Ctrl-n\"\n", None);
    assert!(none.is_empty(), "{none:?}");
}
