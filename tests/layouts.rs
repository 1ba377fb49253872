//! Layout detection (#24): one fixture per layout, written for these tests with invented
//! companies and people, each with its expected turns (speaker, section, paragraphs).

mod common;

use callread::transcript::{Layout, Role, Section, Transcript};

const P: Section = Section::Prepared;
const Q: Section = Section::Qa;

fn fixture(name: &str) -> Transcript {
    let path = format!(
        "{}/tests/fixtures/layouts/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    callread::library::load_bytes(std::fs::read(&path).unwrap(), &path).unwrap()
}

/// (speaker, section, paragraph count) of every turn.
fn turns(t: &Transcript) -> Vec<(String, Section, usize)> {
    t.turns
        .iter()
        .map(|tu| {
            (
                t.speakers[tu.speaker].name.clone(),
                tu.section,
                tu.paragraphs.len(),
            )
        })
        .collect()
}

fn expect(t: &Transcript, layout: Layout, want: &[(&str, Section, usize)]) {
    assert_eq!(t.layout, layout, "{}", t.source);
    let want: Vec<(String, Section, usize)> = want
        .iter()
        .map(|(n, s, p)| (n.to_string(), *s, *p))
        .collect();
    assert_eq!(turns(t), want, "{}", t.source);
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
}

fn role(t: &Transcript, name: &str) -> Role {
    common::speaker(t, name).role
}

#[test]
fn colon_layout() {
    let t = fixture("colon.txt");
    expect(
        &t,
        Layout::Colon,
        &[
            ("Operator", P, 2),
            ("Odile Brandt", P, 2),
            ("Kwame Osei", P, 3),
            ("Ruth Abernathy", P, 2),
            ("Operator", Q, 1),
            ("Tobias Renner", Q, 1),
            ("Kwame Osei", Q, 1),
            ("Operator", Q, 1),
            ("Mei Lindqvist", Q, 2),
            ("Ruth Abernathy", Q, 1),
            ("Operator", Q, 1),
        ],
    );
    // The first paragraph is the header line's own text, without the name.
    let first = t.turns[1].paragraphs[0].en.as_deref().unwrap();
    assert!(first.starts_with("Thank you. With me"), "{first}");
    assert_eq!(role(&t, "Tobias Renner"), Role::Analyst);
    assert_eq!(
        common::speaker(&t, "Mei Lindqvist").firm.as_deref(),
        Some("Harrow Partners")
    );
    assert_eq!(role(&t, "Kwame Osei"), Role::Executive);
    assert_eq!(t.company().as_deref(), Some("Larkspur Robotics"));
}

#[test]
fn name_line_layout() {
    let t = fixture("name_line.txt");
    expect(
        &t,
        Layout::NameLine,
        &[
            ("Operator", P, 2),
            ("Hollis Grant", P, 2),
            ("Sabine Okafor", P, 3),
            ("Dmitri Vance", P, 2),
            ("Operator", Q, 1),
            ("Lorna Fitch", Q, 1),
            ("Dmitri Vance", Q, 1),
            ("Operator", Q, 1),
            ("Emeka Duarte", Q, 1),
            ("Sabine Okafor", Q, 2),
            ("Operator", Q, 1),
        ],
    );
    // The lists give titles, and firms to the analysts.
    let s = common::speaker(&t, "Dmitri Vance");
    assert_eq!(s.title.as_deref(), Some("Chief Financial Officer"));
    assert_eq!(
        common::speaker(&t, "Emeka Duarte").firm.as_deref(),
        Some("Sorrel & Main")
    );
    assert_eq!(role(&t, "Lorna Fitch"), Role::Analyst);
    assert_eq!(role(&t, "Operator"), Role::Operator);
    assert_eq!(t.company().as_deref(), Some("Quillfeather Foods"));
}

#[test]
fn capitals_layout() {
    let t = fixture("capitals.txt");
    expect(
        &t,
        Layout::Capitals,
        &[
            ("Operator", P, 1),
            ("Celeste Imbert", P, 2),
            ("Augustin Pell", P, 3),
            ("Nora Vesely", P, 1),
            ("Operator", Q, 1),
            ("Bram Okonkwo", Q, 1),
            ("Augustin Pell", Q, 1),
            ("Operator", Q, 1),
            ("Ilse Moravec", Q, 1),
            ("Nora Vesely", Q, 2),
        ],
    );
    assert_eq!(role(&t, "Ilse Moravec"), Role::Analyst);
    assert_eq!(
        common::speaker(&t, "Nora Vesely").title.as_deref(),
        Some("Chief Financial Officer")
    );
    assert_eq!(t.company().as_deref(), Some("Marrowby Energy"));
}

#[test]
fn speaker_turn_json_layout() {
    let t = fixture("speaker_turns.json");
    expect(
        &t,
        Layout::Json,
        &[
            ("Operator", P, 1),
            ("Ines Carvalho", P, 2),
            ("Yusuf Adebayo", P, 3),
            ("Greta Lindholm", P, 2),
            ("Operator", Q, 1),
            ("Arno Kessler", Q, 1),
            ("Greta Lindholm", Q, 1),
            ("Operator", Q, 1),
            ("Lotte Brandvold", Q, 2),
            ("Yusuf Adebayo", Q, 1),
            ("Operator", Q, 1),
            ("Samir Qureshi", Q, 1),
            ("Yusuf Adebayo", Q, 1),
        ],
    );
    assert_eq!(
        common::speaker(&t, "Greta Lindholm").title.as_deref(),
        Some("Chief Financial Officer")
    );
    assert_eq!(t.company().as_deref(), Some("Pellucid Software"));
}

#[test]
fn unknown_layout_is_one_speaker_with_a_warning() {
    let t = fixture("unknown.txt");
    assert_eq!(t.layout, Layout::Unknown);
    assert_eq!(t.turns.len(), 1);
    assert_eq!(t.paragraph_count(), 3);
    assert_eq!(t.speakers[0].role, Role::Unknown);
    assert_eq!(t.warnings.len(), 1, "{:?}", t.warnings);
    let path = format!(
        "{}/tests/fixtures/layouts/unknown.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let o = common::run(&["dump", &path]);
    assert!(o.status.success());
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("layout not recognised"), "{stderr}");
}

/// `dump` names the layout it read.
#[test]
fn dump_reports_the_layout() {
    for (file, name) in [
        ("colon.txt", "colon"),
        ("name_line.txt", "name_line"),
        ("capitals.txt", "capitals"),
        ("speaker_turns.json", "json"),
        ("unknown.txt", "unknown"),
    ] {
        let path = format!(
            "{}/tests/fixtures/layouts/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        let o = common::run(&["dump", &path]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["layout"], name, "{file}");
    }
    let o = common::run(&["dump"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|t| t["layout"] == "interleaved")
    );
}

/// A speaker header in every layout is a plausible name: the first words of a sentence
/// never are, whatever the layout.
#[test]
fn sentence_starts_stay_speech_in_every_layout() {
    for file in ["colon.txt", "capitals.txt", "speaker_turns.json"] {
        let t = fixture(file);
        for s in &t.speakers {
            let first = s.name.split_whitespace().next().unwrap();
            assert!(
                !["So", "We", "You're", "One", "Demand"].contains(&first),
                "{file}: {}",
                s.name
            );
        }
    }
}

/// English-only calls: the translation commands say on stderr that there is nothing to
/// work on, once per file, and succeed; a bilingual call says nothing of the kind.
#[test]
fn english_only_calls_say_there_is_no_translation() {
    let path = format!(
        "{}/tests/fixtures/layouts/colon.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    for cmd in ["check", "align", "terms", "export"] {
        let o = common::run(&[cmd, &path]);
        assert!(o.status.success(), "{cmd}");
        let stderr = String::from_utf8_lossy(&o.stderr);
        let told: Vec<&str> = stderr
            .lines()
            .filter(|l| l.contains("no translation"))
            .collect();
        assert_eq!(told.len(), 1, "{cmd}: {stderr}");
        assert!(told[0].contains("colon.txt"), "{cmd}: {stderr}");
        let bilingual = common::run(&[cmd]);
        assert!(
            !String::from_utf8_lossy(&bilingual.stderr).contains("no translation"),
            "{cmd} on the bundled calls"
        );
    }
}

/// The reader's status bar says it once: on showing the call, not again after a key.
#[test]
fn the_status_bar_says_once_there_is_no_translation() {
    use callread::app::{Action, AppState, update};
    let mut s = AppState::new(vec![fixture("colon.txt"), fixture("capitals.txt")]);
    update(&mut s, Action::Resize(100, 30));
    let said = |s: &AppState| {
        s.message
            .as_deref()
            .is_some_and(|m| m.contains("no translation"))
    };
    assert!(said(&s));
    common::ui::keys(&mut s, "j");
    assert!(!said(&s));
    s.show_doc(1);
    assert!(said(&s), "the other call says it too");
    common::ui::keys(&mut s, "j");
    s.show_doc(0);
    assert!(!said(&s), "once per call");
    let bundled = AppState::new(callread::library::bundled());
    assert!(!said(&bundled));
}

/// The Chinese each English paragraph of the two-file fixture must get (a piece of it), or
/// None for the paragraph the translator left out. The translation splits one paragraph in
/// two lines, merges two into one line, translates the speaker lines and leaves one out.
const BRINDLE_PAIRS: &[Option<&str>] = &[
    Some("早安"),
    Some("現在我想將電話轉給"),
    Some("今天與我一起的有"),
    Some("前瞻性陳述"),
    Some("創下第三季的紀錄"),
    Some("帳篷"),
    None,
    Some("直接面向消費者"),
    Some("毛利率"),
    Some("營運費用"),
    Some("第四季淨銷售額"),
    Some("第一個問題"),
    Some("歐洲"),
    Some("德國"),
    Some("到此結束"),
];

fn check_brindle(t: &Transcript) {
    assert!(t.bilingual);
    let got: Vec<Option<&str>> = t.paragraphs().map(|(_, p)| p.zh.as_deref()).collect();
    assert_eq!(got.len(), BRINDLE_PAIRS.len());
    for (i, (got, want)) in got.iter().zip(BRINDLE_PAIRS).enumerate() {
        match (got, want) {
            (Some(g), Some(w)) => assert!(g.contains(w), "¶{i}: {g} lacks {w}"),
            (None, None) => {}
            _ => panic!("¶{i}: {got:?}, want {want:?}"),
        }
    }
    // The merged line was split: "Thanks, Petra. Net sales grew 14% …" gets both its halves
    // (joined) and no other paragraph's.
    let p4 = got[4].unwrap();
    assert!(p4.contains("14%") && !p4.contains("帳篷"), "{p4}");
    // The speakers are the English file's.
    assert_eq!(t.speakers[t.turns[2].speaker].name, "Anselm Ruiz");
}

/// `X.txt` with `X.zh.txt` in a directory is one call; `--zh` pairs any two files.
#[test]
fn a_translation_in_its_own_file() {
    let dir = format!("{}/tests/fixtures/layouts/pair", env!("CARGO_MANIFEST_DIR"));
    let t =
        callread::library::load_file(std::path::Path::new(&format!("{dir}/brindle.txt"))).unwrap();
    check_brindle(&t);
    // The directory lists the English only.
    let files = callread::library::expand_paths(&[dir.clone().into()]).unwrap();
    assert_eq!(files.len(), 1, "{files:?}");

    // --zh with any names, for every subcommand.
    let tmp = tempfile::tempdir().unwrap();
    let en = tmp.path().join("call-en.txt");
    let zh = tmp.path().join("translation.txt");
    std::fs::copy(format!("{dir}/brindle.txt"), &en).unwrap();
    std::fs::copy(format!("{dir}/brindle.zh.txt"), &zh).unwrap();
    let (en, zh) = (en.to_str().unwrap(), zh.to_str().unwrap());
    let o = common::run(&["dump", en, "--zh", zh]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let paired = v["turns"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["paragraphs"].as_array().unwrap())
        .filter(|p| p["zh"].is_string())
        .count();
    assert_eq!(paired, 14);
    for cmd in ["check", "align", "terms", "speakers", "guidance", "export"] {
        let o = common::run(&[cmd, en, "--zh", zh]);
        assert!(o.status.success(), "{cmd}");
        assert!(
            !String::from_utf8_lossy(&o.stderr).contains("no translation"),
            "{cmd}"
        );
    }
    let o = common::run(&["search", "帳篷", en, "--zh", zh, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["speaker"], "Anselm Ruiz");
    // Searching the directory finds the Chinese too, under the English file's speaker.
    let o = common::run(&["search", "帳篷", &dir, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1, "{v}");
    assert_eq!(
        (v[0]["lang"].as_str(), v[0]["speaker"].as_str()),
        (Some("zh"), Some("Anselm Ruiz"))
    );
    // Without --zh the English file alone has no translation.
    let o = common::run(&["check", en]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("no translation"));
    // --zh takes one English file.
    let o = common::run(&["dump", en, en, "--zh", zh]);
    assert_eq!(o.status.code(), Some(1));
}

/// The bundled calls cut into two files, the English (`Name -- Title` headers) and its
/// Google translation (paragraphs only, speaker lines left in), with a merge, a split and a
/// dropped line every few paragraphs: at least 97% of the English paragraphs get their own
/// translation back.
#[test]
fn bundled_calls_split_into_two_files_pair_again() {
    for seed in ["000", "001", "002", "003", "004"] {
        let t = common::load(common::seed_text(seed));
        let mut en = String::new();
        let mut zh = String::new();
        // The translation each English paragraph should get (None: dropped), in order.
        let mut want: Vec<Option<String>> = Vec::new();
        let mut k = 0usize;
        for turn in &t.turns {
            let s = &t.speakers[turn.speaker];
            let header = match &s.title {
                Some(title) => format!("{} -- {title}", s.name),
                None if s.name == "Operator" => s.name.clone(),
                None => format!("{} -- Participant", s.name),
            };
            en.push_str(&format!("{header}\n\n"));
            zh.push_str(&format!("{header}\n"));
            let pairs: Vec<(&str, &str)> = turn
                .paragraphs
                .iter()
                .filter_map(|p| Some((p.en.as_deref()?, p.zh.as_deref()?)))
                .collect();
            let mut i = 0;
            while i < pairs.len() {
                let (e, z) = pairs[i];
                k += 1;
                en.push_str(&format!("{e}\n\n"));
                if k.is_multiple_of(17) && i + 1 < pairs.len() {
                    // Two paragraphs merged into one line.
                    let (e2, z2) = pairs[i + 1];
                    en.push_str(&format!("{e2}\n\n"));
                    zh.push_str(&format!("{z}{z2}\n"));
                    want.push(Some(z.to_string()));
                    want.push(Some(z2.to_string()));
                    i += 2;
                    continue;
                }
                if k.is_multiple_of(23) {
                    want.push(None); // left out
                } else if k.is_multiple_of(19) && z.contains('。') && !z.ends_with('。') {
                    // Split after its first sentence (only when it has a second).
                    let cut = z.find('。').unwrap() + '。'.len_utf8();
                    zh.push_str(&format!("{}\n{}\n", &z[..cut], &z[cut..]));
                    want.push(Some(z.to_string()));
                } else {
                    zh.push_str(&format!("{z}\n"));
                    want.push(Some(z.to_string()));
                }
                i += 1;
            }
        }
        let mut english = callread::transcript::parse(&en, "en").unwrap();
        callread::transcript::translation::attach(&mut english, &zh);
        let got: Vec<Option<String>> = english.paragraphs().map(|(_, p)| p.zh.clone()).collect();
        assert_eq!(
            got.len(),
            want.len(),
            "{seed}: the English reads back whole"
        );
        let right = got
            .iter()
            .zip(&want)
            .filter(|(g, w)| {
                // A merged line split at a sentence boundary may differ from the original
                // lines by where the cut fell: compare without punctuation and spaces.
                let norm = |s: &Option<String>| {
                    s.as_deref().map(|s| {
                        s.chars()
                            .filter(|c| c.is_alphanumeric())
                            .collect::<String>()
                    })
                };
                norm(g) == norm(w)
            })
            .count();
        eprintln!("{seed}: {right} of {} paired", want.len());
        if std::env::var_os("SHOW_PAIRS").is_some() {
            for (i, (g, w)) in got.iter().zip(&want).enumerate() {
                let norm = |s: &Option<String>| {
                    s.as_deref().map(|s| {
                        s.chars()
                            .filter(|c| c.is_alphanumeric())
                            .collect::<String>()
                    })
                };
                if norm(g) != norm(w) {
                    eprintln!("{seed} ¶{i}\n  got  {g:?}\n  want {w:?}");
                }
            }
        }
        assert!(
            right * 100 >= want.len() * 97,
            "{seed}: {right} of {} paragraphs paired with their translation",
            want.len()
        );
    }
}

/// In a directory, a speaker-turn JSON file is a call; other JSON files are not.
#[test]
fn speaker_turn_json_in_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let src = format!(
        "{}/tests/fixtures/layouts/speaker_turns.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::copy(&src, dir.path().join("call.json")).unwrap();
    std::fs::write(dir.path().join("settings.json"), "{\"theme\": \"dark\"}").unwrap();
    let files = callread::library::expand_paths(&[dir.path().to_path_buf()]).unwrap();
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["call.json"]);
}
