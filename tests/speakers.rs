//! Participants, roles, firms and the question list of the bundled calls, and the
//! navigation keys of the reader.

mod common;

use callread::app::Overlay;
use callread::speakers::{participants, questions};
use callread::transcript::Role;
use common::seed_text;
use common::ui::{keys, reader, screen_text, status};

/// Every analyst of each bundled call with the firm from the operator's introduction, read
/// off the transcripts by hand (where an introduction names one person and another speaks,
/// the speaker gets that introduction's firm).
/// (name, firm) of one analyst.
type Analyst = (&'static str, Option<&'static str>);

const ANALYSTS: &[(&str, &[Analyst])] = &[
    (
        "000",
        &[
            ("Meta Marshall", Some("Morgan Stanley")),
            // "Unidentified Participant" three times, told apart by the introductions.
            ("Arjun Bhatia", Some("William Blair")),
            ("William Power", Some("Baird")),
            ("Siti Panigrahi", Some("Mizuho")),
            ("Ryan MacWilliams", Some("Barclays")),
            ("Tyler Radke", Some("Citi")),
            ("Parker Lane", Some("Stifel")),
            ("Michael Funk", Some("Bank of America")),
            ("Arti Vula", Some("JPMorgan")),
            ("James Fish", Some("Piper Sandler")),
            ("Peter Weed", Some("Bernstein")),
            ("Peter Levine", Some("Evercore")),
            ("Rich Magnus", Some("Wolfe Research")),
            ("Catharine Trebnick", Some("Rosenblatt Securities")),
            ("Matthew VanVliet", Some("BTIG")),
            ("Samad Samana", Some("Jefferies")),
            ("Matthew Harrigan", Some("Benchmark")),
            ("Austin Cole", Some("JMP Securities")),
        ],
    ),
    (
        "001",
        &[
            ("Meta A. Marshall", Some("Morgan Stanley")),
            ("Ryan Patrick MacWilliams", Some("Barclays")),
            ("Catharine Anne Trebnick", Some("Rosenblatt")),
            ("Michael Joshua Nichols", Some("B. Riley")),
            ("George Frederick Sutton", Some("Craig Hallum")),
            ("Michael H. Berg", Some("Wells Fargo")),
            ("Peter Marc Levine", Some("Evercore")),
            ("Michael J. Funk", Some("Bank of America")),
            ("Ryan Boyer Koontz", Some("Needham & Company")),
            ("William Verity Power", Some("Baird")),
            ("Matthew David VanVliet", Some("BTIG")),
        ],
    ),
    (
        "002",
        &[
            ("Quinton Gabrielli", Some("Piper Sandler")),
            ("Mark Murphy", Some("JPMorgan")),
            ("Unidentified Participant 1", None),
            ("Taylor McGinnis", Some("UBS")),
            ("Meta Marshall", Some("Morgan Stanley")),
            ("Ryan Koontz", Some("Needham & Co")),
            ("Rich Magnus", Some("Wolfe")),
            ("Austin Cole", Some("Citizens JMP")),
            ("Nick Altmann", Some("Scotiabank")),
            ("Yanni Samoilis", Some("Baird")),
            ("Derrick Wood", Some("TD Cowen")),
            ("Billy Fitzsimmons", Some("Jefferies")),
            ("Unidentified Participant 2", None),
        ],
    ),
    (
        "003",
        &[
            ("Andrew Lodovico DeGasperi", Some("Berenberg")),
            ("Steven Lester Enders", Some("Citi")),
            ("George Michael Iwanyc", Some("Oppenheimer")),
            ("Jackson Ader", Some("MoffettNathanson")),
            ("Aleksandr J. Zukin", Some("Wolfe Research")),
            ("Joshua Phillip Baer", Some("Morgan Stanley")),
            ("Robert Edward Simmons", Some("D.A. Davidson")),
            ("Patrick D. Walravens", Some("JMP Securities")),
            ("Brent John Thill", Some("Jefferies")),
        ],
    ),
    (
        "004",
        &[
            ("Elizabeth Elliot", Some("Morgan Stanley")),
            ("Mark Murphy", Some("JPMorgan")),
            ("Brad Zelnick", Some("Deutsche Bank")),
            ("Raimo Lenschow", Some("Barclays")),
            ("Parker Lane", Some("Stifel")),
            ("Alex Zukin", Some("Wolfe Research")),
            ("Kelly", Some("Goldman Sachs")),
            ("Brent Bracelin", Some("Piper Sandler")),
            ("Koji Ikeda", Some("Bank of America")),
            ("David Hynes", Some("Canaccord Genuity")),
            ("Taylor McGinnis", Some("UBS")),
            ("Jackson Ader", Some("KeyBanc Capital Markets")),
            ("Michael Berg", Some("Wells Fargo")),
            ("Surinder Thind", Some("Jefferies")),
            ("Brian Peterson", Some("Raymond James")),
            ("Sitikantha Panigrahi", Some("Mizuho")),
            ("Austin Cole", Some("Citizens JMP")),
        ],
    ),
];

const EXECUTIVES: &[(&str, &[&str])] = &[
    (
        "000",
        &["Charles Eveslage", "Eric Yuan", "Kelly Steckelberg"],
    ),
    (
        "001",
        &[
            "Kate Patterson",
            "Samuel C. Wilson",
            "Lisa Martin",
            "Kevin Kraus",
        ],
    ),
    (
        "002",
        &["Bryan Vaniman", "Khozema Shipchandler", "Aidan Viggiano"],
    ),
    (
        "003",
        &[
            "Catherine Buan",
            "Dustin A. Moskovitz",
            "Anne Raimondi",
            "Tim M. Wan",
        ],
    ),
    ("004", &["Jerry Sisitsky", "Henry Schuck", "Peter Hyzer"]),
];

#[test]
fn participants_of_the_bundled_calls() {
    for ((seed, analysts), (_, executives)) in ANALYSTS.iter().zip(EXECUTIVES) {
        let t = common::load(seed_text(seed));
        let people = participants(&t);
        let got: Vec<(&str, Option<&str>)> = people
            .iter()
            .filter(|p| p.role == Role::Analyst)
            .map(|p| (p.name.as_str(), p.firm.as_deref()))
            .collect();
        assert_eq!(got, *analysts, "{seed} analysts");
        let execs: Vec<&str> = people
            .iter()
            .filter(|p| p.role == Role::Executive)
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(execs, *executives, "{seed} executives");
        assert_eq!(
            people.iter().filter(|p| p.role == Role::Operator).count(),
            1
        );
        assert!(people.iter().all(|p| p.role != Role::Unknown), "{seed}");
        // Every turn and every English word is counted once.
        assert_eq!(people.iter().map(|p| p.turns).sum::<usize>(), t.turns.len());
        let words: usize = t
            .paragraphs()
            .filter_map(|(_, p)| p.en.as_deref())
            .map(|s| s.split_whitespace().count())
            .sum();
        assert_eq!(people.iter().map(|p| p.words).sum::<usize>(), words);
    }
}

#[test]
fn chinese_firm_names_come_from_the_translated_introduction() {
    let t = common::load(seed_text("004"));
    let zh = |name: &str| common::speaker(&t, name).firm_zh.clone();
    assert_eq!(zh("Elizabeth Elliot").as_deref(), Some("摩根士丹利"));
    assert_eq!(zh("Brad Zelnick").as_deref(), Some("德意志銀行"));
    assert_eq!(zh("David Hynes").as_deref(), Some("Canaccord Genuity"));
    // "D.A. 的羅伯特·西蒙斯 (Robert Simmons)。戴維森。" yields no usable Chinese firm.
    let t = common::load(seed_text("003"));
    assert_eq!(common::speaker(&t, "Robert Edward Simmons").firm_zh, None);
}

#[test]
fn question_lists() {
    // Counted by reading each Q&A: analyst turns that ask something and get an answer
    // (audio checks and closing thanks excluded).
    for (seed, expected) in [
        ("000", 25),
        ("001", 18),
        ("002", 20),
        ("003", 17),
        ("004", 20),
    ] {
        let t = common::load(seed_text(seed));
        let qs = questions(&t);
        assert_eq!(qs.len(), expected, "{seed}");
        for q in &qs {
            assert_eq!(t.speakers[q.speaker].role, Role::Analyst);
            assert!(
                q.answered_by
                    .iter()
                    .all(|&s| t.speakers[s].role == Role::Executive)
            );
            assert!(!q.answered_by.is_empty());
        }
    }
    let t = common::load(seed_text("000"));
    let first = &questions(&t)[0];
    assert_eq!(t.speakers[first.speaker].name, "Meta Marshall");
    assert_eq!(
        first
            .answered_by
            .iter()
            .map(|&s| t.speakers[s].name.as_str())
            .collect::<Vec<_>>(),
        ["Eric Yuan"]
    );
}

fn speaker_now(s: &callread::app::AppState) -> String {
    let d = s.doc().unwrap();
    let (turn, _) = d.paragraph(d.cursor).unwrap();
    d.transcript.speakers[turn.speaker].name.clone()
}

fn turn_now(s: &callread::app::AppState) -> usize {
    let d = s.doc().unwrap();
    d.turn_of(d.cursor)
}

#[test]
fn turn_keys() {
    let mut s = reader(100, 30);
    keys(&mut s, "]");
    assert_eq!(
        (turn_now(&s), speaker_now(&s).as_str()),
        (1, "Charles Eveslage")
    );
    keys(&mut s, "] ]");
    assert_eq!(
        (turn_now(&s), speaker_now(&s).as_str()),
        (3, "Kelly Steckelberg")
    );
    // The divider of the turn is at the top of the view.
    assert!(
        screen_text(&s)
            .lines()
            .next()
            .unwrap()
            .starts_with("── Kelly Steckelberg")
    );
    keys(&mut s, "j [");
    assert_eq!(turn_now(&s), 3, "[ inside a turn goes to its start");
    keys(&mut s, "[");
    assert_eq!(turn_now(&s), 2);
    keys(&mut s, "}");
    assert_eq!((turn_now(&s), speaker_now(&s).as_str()), (6, "Eric Yuan"));
    keys(&mut s, "} {");
    assert_eq!(turn_now(&s), 6);
    keys(&mut s, "Q");
    assert_eq!(
        s.doc().unwrap().transcript.turns[turn_now(&s)].section,
        callread::transcript::Section::Qa
    );
    assert!(status(&s).contains("Q&A") && status(&s).contains("Operator"));
    keys(&mut s, "G ]");
    assert!(status(&s).contains("no later turn"));
}

#[test]
fn participants_panel_jumps_and_filters() {
    let mut s = reader(110, 36);
    keys(&mut s, "s");
    let text = screen_text(&s);
    assert!(text.contains("participants"), "{text}");
    assert!(
        text.contains("Meta Marshall") && text.contains("Morgan Stanley 摩根士丹利"),
        "{text}"
    );
    // Rows: 3 executives, then analysts; the fourth row is the first analyst.
    keys(&mut s, "j j j <Enter>");
    assert_eq!(s.overlay, Overlay::None);
    assert_eq!(speaker_now(&s), "Meta Marshall");
    // Filter on Kelly Steckelberg (row 3).
    keys(&mut s, "s j j f");
    assert_eq!(s.doc().unwrap().filter, Some(3));
    assert!(
        status(&s).contains("only Kelly Steckelberg"),
        "{}",
        status(&s)
    );
    let text = screen_text(&s);
    assert!(
        !text.contains("── Eric Yuan") && text.contains("── Kelly Steckelberg"),
        "{text}"
    );
    // Moving stays within her turns.
    for _ in 0..30 {
        keys(&mut s, "j");
        assert_eq!(speaker_now(&s), "Kelly Steckelberg");
    }
    keys(&mut s, "] ] [");
    assert_eq!(speaker_now(&s), "Kelly Steckelberg");
    // Paging past either end stays on her paragraphs too.
    keys(&mut s, "G <Space> <Space>");
    assert_eq!(speaker_now(&s), "Kelly Steckelberg");
    keys(&mut s, "g b b");
    assert_eq!(speaker_now(&s), "Kelly Steckelberg");
    keys(&mut s, "<Esc>");
    assert_eq!(s.doc().unwrap().filter, None);
    assert!(!status(&s).contains("only"));
    assert_eq!(
        speaker_now(&s),
        "Kelly Steckelberg",
        "clearing the filter keeps the place"
    );
    // f in the reader filters on the current speaker, f again clears.
    keys(&mut s, "f");
    assert_eq!(s.doc().unwrap().filter, Some(3));
    keys(&mut s, "f");
    assert_eq!(s.doc().unwrap().filter, None);
}

#[test]
fn question_list_jumps_to_the_question() {
    let mut s = reader(120, 40);
    keys(&mut s, "a");
    let text = screen_text(&s);
    assert!(text.contains("25 analyst questions"), "{text}");
    assert!(
        text.contains(
            "Meta Marshall (Morgan Stanley): Great. Maybe just a quick question for Eric."
        ),
        "{text}"
    );
    assert!(text.contains("→ Eric Yuan"));
    keys(&mut s, "j j <Enter>");
    assert_eq!(speaker_now(&s), "William Power");
    // Chinese layout: the question's first words in Chinese.
    keys(&mut s, "l l l a");
    assert!(
        screen_text(&s).contains("Meta Marshall (Morgan Stanley): 偉大的。"),
        "{}",
        screen_text(&s)
    );
    keys(&mut s, "<Esc>");
    assert_eq!(s.overlay, Overlay::None);
}

#[test]
fn speakers_cli() {
    let out = common::run(&[
        "speakers",
        "assets/transcripts/003_bc01a7a9b53a448b.txt",
        "--json",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 14);
    for r in rows {
        for key in ["name", "title", "role", "firm", "firm_zh", "turns", "words"] {
            assert!(r.get(key).is_some(), "{key}");
        }
    }
    let ader = rows.iter().find(|r| r["name"] == "Jackson Ader").unwrap();
    assert_eq!(
        (
            ader["role"].as_str(),
            ader["firm"].as_str(),
            ader["turns"].as_u64()
        ),
        (Some("analyst"), Some("MoffettNathanson"), Some(2))
    );
    let plain = common::run(&["speakers", "assets/transcripts/003_bc01a7a9b53a448b.txt"]);
    let text = String::from_utf8(plain.stdout).unwrap();
    assert!(text.lines().next().unwrap().starts_with("role"));
    assert!(text.contains("Jackson Ader") && text.contains("MoffettNathanson"));
}

/// "Unknown speaker" on a line of its own starts a turn: its question is not the answer before
/// it, and a figure it quotes is no guide.
#[test]
fn an_unknown_speaker_line_starts_a_turn() {
    let t = common::load(
        "Operator\n\nWelcome to the Pinecrest Energy fourth quarter 2019 earnings call.\n\n\
Jane Doe -- Chief Executive Officer\n\nWe expect 2020 earnings per share of $2.19 to $2.31.\n\n\
Questions and Answers:\n\nOperator\n\nOur first question comes from Sam Lee with Acme Securities.\n\n\
Sam Lee -- Acme Securities -- Analyst\n\nThanks. How is the year starting?\n\n\
Jane Doe -- Chief Executive Officer\n\nIt is starting well.\n\n\
Unknown speaker\n\nGot it. On the utility growth outlook, 4% to 6%, should we be using the 2020 base?\n\n\
Jane Doe -- Chief Executive Officer\n\nYes, use the 2020 base.\n",
    );
    let question = t
        .turns
        .iter()
        .find(|turn| {
            turn.paragraphs
                .iter()
                .any(|p| p.en.as_deref().is_some_and(|e| e.starts_with("Got it.")))
        })
        .expect("the question's turn");
    assert_ne!(t.speakers[question.speaker].name, "Jane Doe");
    let rows = callread::guidance::extract(&t);
    assert!(rows.iter().all(|r| r.low != Some(4.0)), "{rows:?}");
}
