//! #25: comparing two translations. Disagreements injected into a second translation of the
//! bundled calls (the check's injected errors, plus names rendered otherwise, sentences left
//! out and paragraphs left in English) must be found as their kind, in either script; a
//! translation compared with itself in the other script, or in full-width digits, must show
//! none. `cargo test --test compare -- --nocapture` prints the table README quotes.

mod common;

use std::collections::BTreeMap;

use callread::compare::{DiffKind, compare_pair};
use common::inject::{self, inject};

/// What is injected into the second translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Injected {
    /// One of the check's figure and direction errors.
    Check(inject::Error),
    /// A Latin name of the English written in Chinese words.
    Name,
    /// One sentence of the paragraph left out.
    Sentence,
    /// The paragraph left in English.
    English,
}

impl Injected {
    fn kind(self) -> DiffKind {
        match self {
            Injected::Check(inject::Error::Direction) => DiffKind::Direction,
            Injected::Check(inject::Error::Truncated) | Injected::Sentence => DiffKind::Omission,
            Injected::Check(_) => DiffKind::Figure,
            Injected::Name => DiffKind::Name,
            Injected::English => DiffKind::Untranslated,
        }
    }
}

/// A Latin word of the English (three letters or more) written in Chinese words instead.
fn rename(en: &str, zh: &str) -> Option<String> {
    let en_lower = en.to_ascii_lowercase();
    let mut start = None;
    for (i, c) in zh.char_indices().chain(std::iter::once((zh.len(), ' '))) {
        match (start, c.is_ascii_alphabetic()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = &zh[s..i];
                start = None;
                let boundary = |b: Option<u8>| b.is_none_or(|b| !b.is_ascii_alphanumeric());
                let in_en = en_lower
                    .match_indices(&word.to_ascii_lowercase())
                    .any(|(at, w)| {
                        boundary(at.checked_sub(1).map(|k| en_lower.as_bytes()[k]))
                            && boundary(en_lower.as_bytes().get(at + w.len()).copied())
                    });
                if word.len() >= 3 && in_en {
                    return Some(format!("{}該公司{}", &zh[..s], &zh[i..]));
                }
            }
            _ => {}
        }
    }
    None
}

/// The paragraph without one of its sentences of ten characters or more (the `k`-th such,
/// cycling), when it has two sentences or more.
fn drop_sentence(zh: &str, k: usize) -> Option<String> {
    let sentences = callread::align::chinese_sentences(zh);
    if sentences.len() < 2 {
        return None;
    }
    let long: Vec<_> = sentences
        .iter()
        .filter(|r| zh[(*r).clone()].chars().count() >= 10)
        .collect();
    let r = long.get(k % long.len().max(1))?;
    Some(format!("{}{}", &zh[..r.start], &zh[r.end..]))
}

#[test]
fn injected_disagreements_are_found_and_scripts_alone_are_none() {
    let mut tried = BTreeMap::<Injected, usize>::new();
    let mut found = BTreeMap::<Injected, usize>::new();
    let mut missed = Vec::new();
    let mut false_alarms = Vec::new();
    let mut pairs_compared = 0;
    common::inject::each_pair(|site| {
        let (p, i, pairs, zh) = (site.pair(), site.i, site.pairs, site.zh);
        let (script, seed, en) = (site.script, site.seed, site.en);
        if callread::transcript::parse::is_untranslated(en, zh) {
            return;
        }
        // The same translation, in the other script or in full-width forms: nothing.
        pairs_compared += 1;
        let wide: String = zh
            .chars()
            .map(|c| match c {
                '0'..='9' | '%' | '$' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
                _ => c,
            })
            .collect();
        for other in [site.convert(zh), wide] {
            let d = compare_pair(en, Some(zh), Some(&other));
            if !d.is_empty() {
                false_alarms.push((script, seed, p.line, d));
            }
        }
        let next = pairs.get(i + 1).and_then(|n| n.zh.as_deref());
        let mut cases: Vec<(Injected, String)> = inject::ALL
            .iter()
            .filter_map(|&e| inject(e, zh, next).map(|bad| (Injected::Check(e), bad)))
            .collect();
        cases.extend(rename(en, zh).map(|bad| (Injected::Name, bad)));
        cases.extend(drop_sentence(zh, i).map(|bad| (Injected::Sentence, bad)));
        cases.push((Injected::English, en.to_string()));
        for (what, bad) in cases {
            let other = site.convert(&bad);
            let d = compare_pair(en, Some(zh), Some(&other));
            *tried.entry(what).or_default() += 1;
            // A neighbour's translation is found by whatever differs (figures, names,
            // length); the others by their own kind.
            let misaligned = what == Injected::Check(inject::Error::Misaligned);
            if d.iter().any(|d| d.kind == what.kind() || misaligned) {
                *found.entry(what).or_default() += 1;
            } else {
                missed.push((what, script, seed, p.line, bad, d));
            }
        }
    });
    println!(
        "| disagreement injected | kind expected | tried | found |\n| --- | --- | --- | --- |"
    );
    let (mut all, mut all_found) = (0, 0);
    let mut per_kind = BTreeMap::<&str, (usize, usize)>::new();
    for (what, n) in &tried {
        let f = found.get(what).copied().unwrap_or(0);
        println!(
            "| {what:?} | {} | {n} | {f} ({:.0}%) |",
            if *what == Injected::Check(inject::Error::Misaligned) {
                "any"
            } else {
                what.kind().name()
            },
            100.0 * f as f64 / *n as f64
        );
        let e = per_kind.entry(what.kind().name()).or_default();
        e.0 += n;
        e.1 += f;
        all += n;
        all_found += f;
    }
    println!(
        "| all | | {all} | {all_found} ({:.1}%) |",
        100.0 * all_found as f64 / all as f64
    );
    for m in missed.iter().take(30) {
        println!("missed {m:?}");
    }
    println!(
        "{pairs_compared} pairs compared with themselves in the other script and in full width"
    );
    for f in false_alarms.iter().take(20) {
        println!("false alarm {f:?}");
    }
    assert!(
        false_alarms.is_empty(),
        "{} false alarms",
        false_alarms.len()
    );
    for (kind, (n, f)) in per_kind {
        assert!(
            f * 10 >= n * 9,
            "{kind}: {f} of {n} injected disagreements found (90% needed)"
        );
    }
}

/// A small bilingual call in words of its own, with a second translation that differs in a
/// figure, a name and a direction, and agrees elsewhere (written in Simplified).
const CALL: &str = "Operator
Operator
Good afternoon and welcome to the Lakeside Telecom third quarter call.
下午好，歡迎參加 Lakeside Telecom 第三季電話會議。
Jane Roe - Chief Financial Officer
Jane Roe - Chief Financial Officer
Revenue grew 8% to $420 million in the quarter.
本季營收成長 8% 至 4.2 億美元。
We expect operating margin of 21% to 22% for the full year.
我們預計全年營業利潤率為 21% 至 22%。
Thank you all for joining us today.
感謝大家今天的參與。
";

const SECOND: &str = "下午好，欢迎参加湖畔电信第三季电话会议。

本季营收下降 8% 至 4.2 亿美元。

我们预计全年营业利润率为 21% 至 23%。

感谢大家今天的参与。
";

fn write_pair(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let (a, b) = (dir.join("call.txt"), dir.join("call.zh2.txt"));
    std::fs::write(&a, CALL).unwrap();
    std::fs::write(&b, SECOND).unwrap();
    (a, b)
}

fn run(args: &[&std::ffi::OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_callread"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs")
}

/// `callread compare A B --json`, which must succeed: its rows and its stderr.
fn compare_json(a: &std::path::Path, b: &std::path::Path) -> (Vec<serde_json::Value>, String) {
    let out = run(&[
        "compare".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        "--json".as_ref(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    (serde_json::from_slice(&out.stdout).unwrap(), err)
}

#[test]
fn compare_lists_each_disagreement_with_both_translations_words() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = write_pair(dir.path());
    let (rows, _) = compare_json(&a, &b);
    let kinds: Vec<(&str, u64)> = rows
        .iter()
        .map(|r| (r["kind"].as_str().unwrap(), r["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        vec![("name", 3), ("direction", 7), ("figure", 9)],
        "{rows:#?}"
    );
    let figure = &rows[2];
    assert!(figure["first"].as_str().unwrap().contains("22%"));
    assert!(figure["second"].as_str().unwrap().contains("23%"));
    assert!(
        rows[0]["detail"]
            .as_str()
            .unwrap()
            .contains("Lakeside Telecom")
    );
    // The closing line agrees in the other script: nothing listed for line 11.
    assert!(kinds.iter().all(|(_, l)| *l != 11));
    // The plain list: one line per place, then each translation's words.
    let out = run(&[
        "compare".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        "--kinds".as_ref(),
        "figure".as_ref(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(
        text.lines()
            .next()
            .unwrap()
            .ends_with("figure: translation 1 writes 22%, translation 2 writes 23%"),
        "{text}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 disagreement (figure 1)"));
}

#[test]
fn compare_refuses_what_it_cannot_compare_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = write_pair(dir.path());
    let unrelated = dir.path().join("other.txt");
    std::fs::write(&unrelated, "").unwrap();
    let english_only = dir.path().join("en.txt");
    std::fs::write(
        &english_only,
        "Jane Roe -- CFO\n\nRevenue grew 8% to $420 million in the quarter.\n",
    )
    .unwrap();
    let missing = dir.path().join("nope.txt");
    for (args, says) in [
        (vec![a.as_os_str(), unrelated.as_os_str()], "other.txt"),
        (
            vec![english_only.as_os_str(), b.as_os_str()],
            "no translation to compare",
        ),
        (vec![a.as_os_str(), missing.as_os_str()], "nope.txt"),
        (
            vec![dir.path().as_os_str(), b.as_os_str()],
            "not directories",
        ),
    ] {
        let mut all: Vec<&std::ffi::OsStr> = vec!["compare".as_ref()];
        all.extend(args);
        let out = run(&all);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(says), "{err}");
        assert!(out.stdout.is_empty());
    }
    // A usage error names the kinds.
    let out = run(&[
        "compare".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        "--kinds".as_ref(),
        "typo".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("figure, direction, name"));
}

/// The reader over the small call with its second translation.
fn compared_reader(w: u16, h: u16) -> callread::app::AppState {
    let mut s = callread::app::AppState::new(vec![compared_call()]);
    callread::app::update(&mut s, callread::app::Action::Resize(w, h));
    s
}

/// The small call with its second translation attached.
fn compared_call() -> callread::transcript::Transcript {
    let mut t = common::load(CALL.as_bytes().to_vec());
    let parsed = common::load(SECOND.as_bytes().to_vec());
    let (second, paired) = callread::compare::second_translation(&t, Some(&parsed), SECOND);
    assert_eq!((paired.paired, paired.english), (4, 4));
    callread::compare::attach_second(&mut t, second, "call.zh2.txt");
    t
}

#[test]
fn in_the_terminal_the_comparison_comes_with_the_other_analyses() {
    let mut s = callread::app::AppState::new_in_background(vec![compared_call()]);
    callread::app::update(&mut s, callread::app::Action::Resize(150, 30));
    // The first frame does not wait: no marks yet.
    assert!(s.doc().unwrap().analysing());
    assert!(s.doc().unwrap().differences().is_empty());
    let start = std::time::Instant::now();
    while s.doc().unwrap().analysing() {
        assert!(start.elapsed().as_secs() < 30, "the analyses never came");
        s.idle_work();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let doc = s.doc().unwrap();
    assert_eq!(doc.differences().len(), 3);
    assert!(!doc.second_findings().is_empty());
    assert!(
        common::ui::status(&s).contains("≠ 3"),
        "{}",
        common::ui::status(&s)
    );
}

#[test]
fn the_reader_shows_three_columns_wide_and_the_second_translation_below_when_narrow() {
    use common::ui::{keys, screen, status};
    let mut s = compared_reader(150, 30);
    let rows = screen(&s);
    let at = rows
        .iter()
        .position(|r| r.contains("We expect operating margin"))
        .unwrap_or_else(|| panic!("{rows:#?}"));
    let row = &rows[at];
    // English │ translation 1 │ translation 2 on one row, the place marked ≠.
    let (en, zh1, zh2) = (
        row.find("We expect").unwrap(),
        row.find("我們預計").unwrap(),
        row.find("我们预计").unwrap(),
    );
    assert!(en < zh1 && zh1 < zh2, "{row}");
    // Translation 2 changed the English's figure (its own finding, `!`) and differs from
    // translation 1 (`≠`, the row below).
    assert!(row.starts_with(" !"), "{row}");
    assert!(rows[at + 1].starts_with(" ≠"), "{}", rows[at + 1]);
    assert_eq!(row.matches('│').count(), 2, "{row}");
    // The closing line agrees: no mark.
    let closing = rows.iter().find(|r| r.contains("Thank you all")).unwrap();
    assert!(!closing.contains('≠'), "{closing}");
    // v walks the places, in order, and says what differs.
    assert!(status(&s).contains("≠ name"), "{}", status(&s));
    keys(&mut s, "v");
    assert!(status(&s).contains("≠ direction"), "{}", status(&s));
    keys(&mut s, "v <resize:200x30>");
    assert!(
        status(&s).contains("≠ figure: translation 1 writes 22%, translation 2 writes 23%"),
        "{}",
        status(&s)
    );
    keys(&mut s, "v");
    assert!(
        status(&s).contains("back to the first place"),
        "{}",
        status(&s)
    );
    keys(&mut s, "V V v");
    assert!(status(&s).contains("≠ figure"), "{}", status(&s));
    keys(&mut s, "v i");
    let popup = screen(&s).join("\n");
    assert!(
        popup.contains("translations differ: name") && popup.contains("2 │ 下午好"),
        "{popup}"
    );
    // Translation 2's own findings say whose they are.
    keys(&mut s, "<Esc> v i");
    let popup = screen(&s).join("\n");
    assert!(
        popup.contains("translation 2 · direction · line 7"),
        "{popup}"
    );
    // Narrow: two panes, the second translation under the first in the right one.
    let mut s = compared_reader(80, 30);
    keys(&mut s, "j j j");
    let rows = screen(&s);
    let first = rows.iter().position(|r| r.contains("我們預計")).unwrap();
    let second = rows.iter().position(|r| r.contains("我们预计")).unwrap();
    assert!(second > first, "{rows:#?}");
    assert!(
        rows[second].find("我们预计") == rows[first].find("我們預計"),
        "{rows:#?}"
    );
    assert!(
        rows.iter()
            .all(|r| r.matches('│').count() <= 1 || r.contains("¶"))
    );
}

#[test]
fn a_call_against_itself_in_simplified_has_no_disagreement() {
    let dir = tempfile::tempdir().unwrap();
    for seed in ["001", "003"] {
        let text = common::seed_text(seed);
        let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
        std::fs::write(&a, text).unwrap();
        // A bilingual file of the same call, every Chinese line in Simplified: paired by the
        // English.
        std::fs::write(&b, fast2s::convert(text)).unwrap();
        let (rows, err) = compare_json(&a, &b);
        assert!(rows.is_empty(), "{seed}: {rows:#?}");
        // Every paragraph found its second translation: no warning.
        assert!(!err.contains("warning"), "{err}");
    }
}

#[test]
fn a_term_rendered_in_other_chinese_words_is_a_name_disagreement() {
    // Zoom's call renders "Contact Center" as 聯絡中心 throughout; the second translation says
    // 聯繫中心 in one paragraph (and is otherwise the same, in Simplified).
    let t = common::load(common::seed_text("000"));
    let mut changed = None;
    let second: Vec<Option<String>> = t
        .paragraphs()
        .enumerate()
        .map(|(i, (_, p))| {
            let zh = p.zh.as_deref()?;
            let zh = if changed.is_none()
                && p.en
                    .as_deref()
                    .is_some_and(|e| e.contains("Contact Center"))
                && zh.contains("聯絡中心")
            {
                changed = Some(i);
                zh.replace("聯絡中心", "聯繫中心")
            } else {
                zh.to_string()
            };
            Some(fast2s::convert(&zh))
        })
        .collect();
    let changed = changed.expect("a paragraph with the term");
    let found = callread::compare::compare(&t, &second);
    assert_eq!(
        found
            .iter()
            .map(|d| (d.paragraph, d.kind))
            .collect::<Vec<_>>(),
        vec![(changed, DiffKind::Name)],
        "{found:#?}"
    );
    assert!(found[0].detail.contains("Contact Center") && found[0].detail.contains("聯絡中心"));
    assert!(found[0].second.contains("联系中心"), "{:?}", found[0]);
}
