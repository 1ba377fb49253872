//! The translation check: each kind on pairs written here (other phrasings than the bundled
//! calls), the bundled calls' known defects, and how few false findings they produce.

mod common;

use callread::check::{Kind, check, check_pair, check_pair_near, compare_figures};
use callread::transcript::{Flag, Paragraph};
use common::seed_text;

fn kinds(en: &str, zh: &str) -> Vec<Kind> {
    compare_figures(en, zh)
        .into_iter()
        .map(|f| f.kind)
        .collect()
}

#[test]
fn faithful_translations_have_no_findings() {
    let pairs = [
        (
            "Total revenue came in at $1.163 billion, up 2% year-over-year.",
            "總營收為 11.63 億美元,年增 2%。",
        ),
        (
            "We expect revenue of $4.63 billion to $4.64 billion for fiscal year 2025.",
            "我們預計 2025 財年營收為 46.3 億美元至 46.4 億美元。",
        ),
        (
            "Non-GAAP operating income of $438 million to $443 million.",
            "非 GAAP 營業收入為 4.38 億至 4.43 億美元。",
        ),
        (
            "EPS of $0.11 to $0.13, or 11 to 13 cents.",
            "每股收益為 0.11 至 0.13 美元,即 11 至 13 美分。",
        ),
        (
            "Gross margin expanded 140 basis points to 71.5% in Q2 '24.",
            "24 年第二季毛利率擴大 140 個基點至 71.5%。",
        ),
        (
            "We surpassed 1,100 customers and 1.2 million accounts.",
            "我們的客戶超過 1,100 家,帳戶達 120 萬個。",
        ),
        (
            "Our $1 million cohort grew for two years.",
            "我們的百萬美元客戶群連續兩年成長。",
        ),
        (
            "About one-third of bookings were multiyear in FY '25.",
            "25 財年約三分之一的預訂是多年期的。",
        ),
        (
            "Churn rose to 2x the average in the third quarter.",
            "第三季流失率上升到平均值的 2 倍。",
        ),
        (
            "At our summit on October 3, and again in June.",
            "在 10 月 3 日的峰會上,以及 6 月。",
        ),
        (
            "Retention was in the mid-80s for 1 product.",
            "1 種產品的保留率在 80 年代中期。",
        ),
        ("Pat Walravens, Citizens JMP.", "Pat Walravens,公民 JMP。"),
        (
            "Margins were almost 10 points higher.",
            "利潤率高出近 10 個百分點。",
        ),
    ];
    for (en, zh) in pairs {
        assert_eq!(compare_figures(en, zh), vec![], "{en}");
    }
}

#[test]
fn changed_values_and_scales_are_mismatches() {
    let f = compare_figures(
        "Our outlook for non-GAAP EPS is $1.29 to $1.31.",
        "我們對非 GAAP 每股盈餘的預期為 129 至 1.31 美元。",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].kind, f[0].en.clone(), f[0].zh.clone()),
        (
            Kind::Mismatch,
            vec!["$1.29".to_string()],
            vec!["129".to_string()]
        )
    );
    // A scale word lost: $2.5 billion became 2.5 million.
    assert_eq!(
        kinds("We returned $2.5 billion.", "我們返還了 250 萬美元。"),
        [Kind::Mismatch]
    );
    // A percentage changed.
    assert_eq!(
        kinds("Churn was 2.9%.", "流失率為 3.9%。"),
        [Kind::Mismatch]
    );
    // Basis points changed.
    assert_eq!(
        kinds("Margin grew 50 basis points.", "利潤率成長 30 個基點。"),
        [Kind::Mismatch]
    );
    // The wrong quarter.
    assert_eq!(
        kinds("For Q3, we expect growth.", "對於第四季度,我們預計會成長。"),
        [Kind::Mismatch]
    );
}

#[test]
fn dropped_and_added_figures() {
    assert_eq!(
        kinds("Revenue was $75 million, up 3%.", "收入為 7500 萬美元。"),
        [Kind::Missing]
    );
    let f = compare_figures("Revenue grew.", "收入成長了 12%,達到 3 億美元。");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].kind, Kind::Extra);
    assert_eq!(f[0].zh, ["12%", "3 億美元"]);
    // Words are matched when they can be, never reported alone: translations render them freely.
    assert_eq!(
        kinds(
            "We sell two products to one of three customers.",
            "我們向客戶銷售產品。"
        ),
        []
    );
}

#[test]
fn flags_omissions_and_untranslated_pairs() {
    let para = |en: &str, zh: Option<&str>, flags: Vec<Flag>| Paragraph {
        en: Some(en.into()),
        zh: zh.map(Into::into),
        line: 1,
        zh_line: zh.map(|_| 2),
        flags,
        zh2: None,
    };
    let long = "I'm joined today by our Founder and CEO, Jane Smith, our CFO, Lee Park, and our Chief Operating Officer, who will all take your questions after the prepared remarks about the quarter and the year ahead.";
    // Only the first clause is translated.
    let f = check_pair(&para(long, Some("今天和我一起的是我們的創辦人。"), vec![]));
    assert_eq!(
        f.iter().map(|f| f.kind).collect::<Vec<_>>(),
        [Kind::Omission]
    );
    let full = "今天與我一起出席的有我們的創辦人兼執行長 Jane Smith、財務長 Lee Park 以及營運長,他們將在關於本季和未來一年的準備發言之後回答大家的問題。";
    assert!(check_pair(&para(long, Some(full), vec![])).is_empty());
    // A whole sentence left out of a translation otherwise of normal length: named.
    let en = "Our backlog grew again this quarter across every region we serve. Frankly, the pipeline of large public sector deals has never looked better than it does today. We will keep investing in the channel.";
    let zh = "本季我們在所服務的每個地區的積壓訂單再次增長。我們將繼續投資通路。";
    let f = check_pair(&para(en, Some(zh), vec![]));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].kind, Kind::Omission);
    let r = f[0].sentence.clone().expect("sentence");
    assert!(en[r].starts_with("Frankly, the pipeline"), "{f:?}");
    assert!(f[0].detail.contains("is not translated"), "{f:?}");
    // Two English sentences the translation merged into one: nothing left out.
    let zh = "本季我們在所服務的每個地區的積壓訂單再次增長,坦白說,大型公共部門交易的管道從未像今天這樣好。我們將繼續投資通路。";
    assert!(check_pair(&para(en, Some(zh), vec![])).is_empty());
    let f = check_pair(&para(
        "As we said before.",
        Some("As we said before."),
        vec![Flag::Untranslated],
    ));
    assert_eq!(
        f.iter().map(|f| f.kind).collect::<Vec<_>>(),
        [Kind::Untranslated]
    );
    let f = check_pair(&para(
        "Revenue grew 3%.",
        None,
        vec![Flag::MissingTranslation],
    ));
    assert_eq!(
        f.iter().map(|f| f.kind).collect::<Vec<_>>(),
        [Kind::MissingTranslation]
    );
}

#[test]
fn the_bundled_calls_known_defects() {
    let zoom = common::load(seed_text("000"));
    let f = check(&zoom);
    let eps = f.iter().find(|f| f.line == 81).expect("EPS finding");
    assert_eq!(
        (eps.kind, eps.en.as_slice(), eps.zh.as_slice()),
        (
            Kind::Mismatch,
            &["$1.29".to_string()][..],
            &["129".to_string()][..]
        )
    );
    // Line 13's translation drops the CEO: the finding names the sentence he was in.
    let ceo = f
        .iter()
        .find(|f| f.line == 13 && f.kind == Kind::Omission)
        .expect("line 13 omission");
    assert!(
        ceo.sentence
            .as_deref()
            .is_some_and(|s| s.contains("Eric Yuan")),
        "{ceo:?}"
    );
    assert!(ceo.detail.contains("least translated: “I'm joined today"));
    let eightbyeight = common::load(seed_text("001"));
    assert!(
        check(&eightbyeight)
            .iter()
            .any(|f| f.line == 128 && f.kind == Kind::Untranslated)
    );
    // Name-only introductions are translated, not flagged.
    for seed in ["002", "004"] {
        let t = common::load(seed_text(seed));
        let line = t
            .paragraphs()
            .find(|(_, p)| p.en.as_deref() == Some("Pat Walravens, Citizens JMP."))
            .unwrap()
            .1
            .line;
        assert!(check(&t).iter().all(|f| f.line != line), "{seed}");
    }
}

#[test]
fn few_false_findings_about_money_or_percentages() {
    // Findings about money or percentages across the five calls, minus the one that is
    // right (Zoom's EPS guidance), must be three or fewer.
    let money_or_percent = |s: &String| {
        s.contains('$')
            || s.contains('%')
            || s.contains("美元")
            || s.contains("美分")
            || s.contains("基點")
    };
    let mut false_ones = Vec::new();
    for seed in ["000", "001", "002", "003", "004"] {
        let t = common::load(seed_text(seed));
        for f in check(&t) {
            let about_money = f.en.iter().chain(&f.zh).any(money_or_percent);
            let known_right = seed == "000" && f.line == 81;
            if about_money
                && !known_right
                && matches!(f.kind, Kind::Mismatch | Kind::Missing | Kind::Extra)
            {
                false_ones.push((seed, f.line, f.detail));
            }
        }
    }
    assert!(false_ones.len() <= 3, "{false_ones:#?}");
}

#[test]
fn check_cli() {
    let run = common::run;
    let o = run(&["check", "assets/transcripts", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = v.as_array().unwrap();
    assert!(!rows.is_empty());
    for r in rows {
        for key in ["source", "line", "kind", "en", "zh", "detail"] {
            assert!(r.get(key).is_some(), "{key}");
        }
    }
    assert!(
        rows.iter()
            .any(|r| r["kind"] == "mismatch" && r["line"] == 81 && r["en"][0] == "$1.29")
    );
    assert_eq!(
        run(&["check", "assets/transcripts", "--strict"])
            .status
            .code(),
        Some(3)
    );
    let dir = tempfile::tempdir().unwrap();
    let clean = dir.path().join("clean.txt");
    std::fs::write(
        &clean,
        "Operator\nOperator\nRevenue was $75 million, up 3%.\n收入為 7500 萬美元,成長 3%。\n",
    )
    .unwrap();
    let o = run(&["check", clean.to_str().unwrap(), "--strict", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "[]");
}

#[test]
fn the_reader_marks_and_jumps_to_findings() {
    let mut s = common::ui::reader(120, 40);
    common::ui::keys(&mut s, "!");
    let d = s.doc().unwrap();
    assert_eq!(d.paragraph(d.cursor).unwrap().1.line, 13);
    let status = common::ui::status(&s);
    // Three figure and length findings, a sentence left out (line 165), six `name` findings
    // (Workplace, AI Companion and Kelly turned into Chinese words in two paragraphs each).
    assert!(
        status.contains("omission") && status.contains("! 10"),
        "{status}"
    );
    // The omission names a sentence: the jump highlights it, with its short translation.
    let lit = common::ui::highlighted(&s);
    assert!(
        lit.contains("I'mjoinedtodaybyZoom'sFounderandCEO,EricYuan;") && lit.contains("財務長"),
        "{lit}"
    );
    assert!(!lit.contains("Thankyou,David"), "{lit}");
    common::ui::keys(&mut s, "y");
    let copied = s.pair_text().unwrap();
    assert!(
        copied.ends_with("Zoom 的財務長 Kelly Steckelberg。"),
        "{copied}"
    );
    common::ui::keys(&mut s, "! !");
    let d = s.doc().unwrap();
    assert_eq!(d.paragraph(d.cursor).unwrap().1.line, 81);
    assert!(common::ui::status(&s).contains("mismatch: $1.29 became 129"));
    let rows = common::ui::screen(&s);
    let row = rows
        .iter()
        .find(|r| r.contains("Turning to guidance"))
        .unwrap();
    assert!(row.starts_with("▌!"), "{row}");
    common::ui::keys(&mut s, "G !");
    assert!(common::ui::status(&s).contains("back to the first finding"));
}

/// #13: the same translation in Simplified characters (the Zoom call gave 16 findings instead
/// of 1: 财年, 个百分点, 亿 were not read) gives exactly the findings of the original, for
/// every bundled call; so does a mix of the two scripts.
#[test]
fn simplified_and_mixed_scripts_give_the_same_findings() {
    let key = |f: &callread::check::Finding| (f.line, f.kind, f.en.clone(), f.zh.len());
    for seed in ["000", "001", "002", "003", "004"] {
        let text = seed_text(seed);
        let original: Vec<_> = check(&common::load(text)).iter().map(key).collect();
        let simplified = fast2s::convert(text);
        assert_ne!(simplified, text);
        let got: Vec<_> = check(&common::load(simplified.clone()))
            .iter()
            .map(key)
            .collect();
        assert_eq!(got, original, "{seed} in Simplified");
        // Every other line Simplified.
        let mixed: String = text
            .lines()
            .zip(simplified.lines())
            .enumerate()
            .map(|(i, (t, s))| format!("{}\n", if i % 2 == 0 { t } else { s }))
            .collect();
        let got: Vec<_> = check(&common::load(mixed)).iter().map(key).collect();
        assert_eq!(got, original, "{seed} mixed");
    }
}

/// Numbers as other engines and scripts write them: full-width digits, Chinese numerals with
/// scale characters, 〇 and 零, 百分之, 千 with digits.
#[test]
fn chinese_numbers_in_every_form() {
    use callread::text::numbers::{Unit, chinese, zh_numeral_value};
    for (s, v) in [
        ("三千五百萬", 35_000_000.0),
        ("兩億", 2e8),
        ("两亿", 2e8),
        ("一百二十", 120.0),
        ("一千零五", 1005.0),
        ("十二", 12.0),
        ("一萬億", 1e12),
        ("三億五千萬", 3.5e8),
    ] {
        let normal = callread::text::numbers::normalize_chinese(s).0;
        assert_eq!(zh_numeral_value(&normal), Some(v), "{s}");
    }
    let read = |s: &str| -> Vec<(f64, Unit, String)> {
        chinese(s)
            .into_iter()
            .map(|q| (q.value, q.unit, q.text))
            .collect()
    };
    assert_eq!(
        read("營收為１１．６億美元"),
        [(1.16e9, Unit::Usd, "１１．６億美元".to_string())]
    );
    assert_eq!(
        read("营收约三千五百万美元"),
        [(3.5e7, Unit::Usd, "三千五百万美元".to_string())]
    );
    assert_eq!(read("增長百分之二點五")[0].0, 2.5);
    assert_eq!(read("增長百分之二點五")[0].1, Unit::Percent);
    assert_eq!(read("3千家客戶")[0].0, 3000.0);
    assert_eq!(
        read("二〇二五年"),
        [(2025.0, Unit::Year, "二〇二五".to_string())]
    );
    // The same figure compares equal in either script and either width.
    assert!(compare_figures("revenue of $35 million", "營收為三千五百萬美元").is_empty());
    assert!(compare_figures("up 2 percentage points", "上升２个百分点").is_empty());
    assert!(compare_figures("for fiscal '25", "对于 25 财年").is_empty());
}

/// Percent and percentage points are different figures: a translation that swaps them is a
/// mismatch, in either direction.
#[test]
fn percent_and_percentage_points_are_not_the_same() {
    let f = compare_figures("margin rose 2 percentage points", "利潤率上升了 2%");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].kind, Kind::Mismatch);
    assert!(f[0].detail.contains("2 pp"), "{}", f[0].detail);
    let f = compare_figures("revenue grew 2%", "營收成長 2 個百分點");
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(compare_figures("up 2 points", "上升 2 個百分點").is_empty());
}

/// A figure kept right with its meaning turned around: a decline made growth, a loss a profit,
/// a raised guide lowered. Both scripts; faithful renderings stay quiet.
#[test]
fn a_direction_turned_around_is_found() {
    let direction = |en: &str, zh: &str| {
        compare_figures(en, zh)
            .into_iter()
            .filter(|f| f.kind == Kind::Direction)
            .count()
    };
    for (en, zh) in [
        ("Revenue declined 4% year-over-year.", "營收年增 4%。"),
        ("Revenue declined 4% year-over-year.", "营收同比增长 4%。"),
        (
            "We recorded a net loss of $5 million.",
            "我們錄得淨利 500 萬美元。",
        ),
        (
            "We are raising our full-year revenue guidance to $4.6 billion.",
            "我們將全年營收指引下調至 46 億美元。",
        ),
        (
            "Gross margin was 100 basis points lower.",
            "毛利率提高了 100 個基點。",
        ),
        ("Churn was negative 2%.", "流失率上升 2%。"),
    ] {
        assert_eq!(direction(en, zh), 1, "{en} / {zh}");
    }
    for (en, zh) in [
        ("Revenue declined 4% year-over-year.", "營收年減 4%。"),
        ("Revenue grew 4% year-over-year.", "营收同比增长 4%。"),
        (
            "We recorded a net loss of $5 million.",
            "我們錄得淨虧損 500 萬美元。",
        ),
        (
            "We are raising our full-year revenue guidance to $4.6 billion.",
            "我們將全年營收指引上調至 46 億美元。",
        ),
        (
            "Gross margin of 53.3%, up 110 basis points year-over-year and down 70 basis points sequentially.",
            "毛利率為 53.3%,較去年同期成長 110 個基點,較上季下降 70 個基點。",
        ),
        (
            "Our guidance implies negative 3% revenue growth.",
            "指引意味著營收成長為負 3%。",
        ),
        // No word on one side: nothing to compare.
        ("Revenue was $1.2 billion.", "營收下降至 12 億美元。"),
    ] {
        assert_eq!(direction(en, zh), 0, "{en} / {zh}");
    }
}

/// `callread check --kinds` reports only the kinds named; an unknown kind is a usage error.
#[test]
fn check_reports_only_the_kinds_asked_for() {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_callread"))
            .args(args)
            .output()
            .unwrap()
    };
    let all = run(&["check", "--json"]);
    let all: Vec<serde_json::Value> = serde_json::from_slice(&all.stdout).unwrap();
    let some = run(&["check", "--json", "--kinds", "omission,untranslated"]);
    let some: Vec<serde_json::Value> = serde_json::from_slice(&some.stdout).unwrap();
    assert!(!some.is_empty() && some.len() < all.len());
    assert!(
        some.iter()
            .all(|f| ["omission", "untranslated"].contains(&f["kind"].as_str().unwrap()))
    );
    let bad = run(&["check", "--kinds", "bogus"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("misaligned"));
}

/// `@` walks findings backwards; `d` dismisses the pair's findings (no longer counted,
/// marked or walked), the dismissal is saved with the reading state and survives a restart,
/// and `u` brings it back. `i` says what was read on each side.
#[test]
fn findings_can_be_walked_back_dismissed_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = callread::state::Store::open(dir.path()).unwrap();
    let mut s = common::ui::reader(120, 40);
    common::ui::keys(&mut s, "@");
    let line = |s: &callread::app::AppState| {
        let d = s.doc().unwrap();
        d.paragraph(d.cursor).unwrap().1.line
    };
    assert_eq!(line(&s), 429, "@ from the top wraps to the last finding");
    assert!(common::ui::status(&s).contains("on to the last finding"));
    common::ui::keys(&mut s, "@");
    assert_eq!(line(&s), 321);
    common::ui::keys(&mut s, "@ @ @ @ @ @");
    assert_eq!(line(&s), 81);
    common::ui::keys(&mut s, "i");
    let popup = common::ui::screen_text(&s);
    assert!(
        popup.contains("figures read in the Chinese") && popup.contains("129 = $129"),
        "{popup}"
    );
    common::ui::keys(&mut s, "d");
    assert!(common::ui::status(&s).contains("dismissed 1 finding"));
    assert!(
        common::ui::status(&s).contains("! 9"),
        "{}",
        common::ui::status(&s)
    );
    let rows = common::ui::screen(&s);
    let row = rows
        .iter()
        .find(|r| r.contains("Turning to guidance"))
        .unwrap();
    assert!(!row.starts_with("▌!"), "no mark: {row}");
    common::ui::keys(&mut s, "g ! ! !");
    assert_eq!(line(&s), 103, "! skips the dismissed finding");
    for c in std::mem::take(&mut s.changes) {
        store.change(c);
    }
    store.save().unwrap();
    // A new session reads the dismissal.
    let (store, _) = callread::state::Store::open(dir.path()).unwrap();
    let mut t = common::ui::reader(120, 40);
    t.saved = store.state.transcripts.clone().into_iter().collect();
    t.adopt_saved();
    callread::app::update(&mut t, callread::app::Action::Resize(120, 40));
    assert!(
        common::ui::status(&t).contains("! 9"),
        "{}",
        common::ui::status(&t)
    );
    // `u` restores in the session that dismissed.
    common::ui::keys(&mut s, "u");
    assert!(
        common::ui::status(&s).contains("! 10"),
        "{}",
        common::ui::status(&s)
    );
}

/// `name`: a product name the translation keeps in Latin letters in most paragraphs but turns
/// into ordinary Chinese words in some (an invented call, Simplified script): found on those
/// paragraphs, with the rendering; a name rendered the same way everywhere is not a finding
/// and shows in the terms.
#[test]
fn a_name_turned_into_words_is_found_and_terms_list_renderings() {
    let mut text = String::from(
        "Operator\nOperator\nGood day and welcome to the Fjordly Q2 earnings call.\n大家好,欢迎参加 Fjordly 第二季财报电话会议。\n",
    );
    text.push_str("Dana Ruiz - Chief Executive Officer\nDana Ruiz - 执行长\n");
    let kept = [
        (
            "Customers love Beacon for planning their work across teams.",
            "客户喜欢用 Beacon 来规划跨团队的工作。",
        ),
        (
            "We launched two new Beacon features for enterprise admins this quarter.",
            "本季我们为企业管理员推出了两项新的 Beacon 功能。",
        ),
        (
            "Adoption of Beacon grew fastest among our largest accounts.",
            "Beacon 的采用在我们最大的客户中增长最快。",
        ),
        (
            "Next year we plan to bring Beacon to more regions and languages.",
            "明年我们计划将 Beacon 推广到更多地区和语言。",
        ),
        (
            "The Atlas team shipped faster than ever in the second quarter.",
            "第二季度，阿特拉斯团队的交付速度比以往任何时候都快。",
        ),
        (
            "Our Atlas product now serves thousands of small businesses.",
            "我们的阿特拉斯产品现在为数千家小企业提供服务。",
        ),
    ];
    for (en, zh) in kept {
        text.push_str(&format!("{en}\n{zh}\n"));
    }
    // "Beacon" as the ordinary word 灯塔 (lighthouse) in two paragraphs.
    text.push_str("Many teams told us that Beacon replaced three other tools for them.\n许多团队告诉我们，灯塔为他们取代了另外三种工具。\n");
    text.push_str("In short, Beacon is becoming the system of record for work.\n简而言之，灯塔正在成为工作的记录系统。\n");
    let t = common::load(text.into_bytes());
    let names: Vec<_> = check(&t)
        .into_iter()
        .filter(|f| f.kind == Kind::Name)
        .collect();
    assert_eq!(names.len(), 2, "{names:#?}");
    assert!(names.iter().all(|f| f.en == ["Beacon"] && f.zh == ["灯塔"]));
    assert!(
        names[0].detail.contains("keeps it as Beacon in 4"),
        "{}",
        names[0].detail
    );
    let terms = callread::check::terms::terms(&t);
    let beacon = terms
        .iter()
        .find(|t| t.english == "Beacon")
        .expect("Beacon");
    let shown: Vec<(&str, usize)> = beacon
        .renderings
        .iter()
        .map(|r| (r.text.as_str(), r.count))
        .collect();
    assert_eq!(shown, [("Beacon", 4), ("灯塔", 2)]);
    let atlas = terms.iter().find(|t| t.english == "Atlas").expect("Atlas");
    assert_eq!(atlas.renderings[0].text, "阿特拉斯", "{atlas:?}");
    assert_eq!(atlas.renderings[0].count, 2);
}

/// `callread terms` lists each call's names with their renderings; `--json` too. Asana's call
/// shows the company kept in Latin letters and rendered 體式 in four paragraphs.
#[test]
fn terms_from_the_command_line() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_callread"))
        .args([
            "terms",
            "--json",
            "assets/transcripts/003_bc01a7a9b53a448b.txt",
        ])
        .output()
        .unwrap();
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let terms = v[0]["terms"].as_array().unwrap();
    let asana = terms
        .iter()
        .find(|t| t["english"] == "Asana")
        .expect("Asana");
    assert_eq!(asana["source"], "company");
    let renderings: Vec<(String, u64)> = asana["renderings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["text"].as_str().unwrap().to_string(),
                r["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(
        renderings.contains(&("體式".to_string(), 4)),
        "{renderings:?}"
    );
    let plain = std::process::Command::new(env!("CARGO_BIN_EXE_callread"))
        .args(["terms", "assets/transcripts/003_bc01a7a9b53a448b.txt"])
        .output()
        .unwrap();
    let text = String::from_utf8(plain.stdout).unwrap();
    assert!(
        text.contains("Asana (company)") && text.contains("體式 ×4"),
        "{text}"
    );
}

/// `T` lists the call's names with their renderings; Enter on a rendering jumps to the next
/// paragraph with it (Enter again, after reopening, to the one after).
#[test]
fn the_terms_view_lists_renderings_and_jumps_to_them() {
    let mut s = common::ui::reader(120, 40);
    // Asana's call.
    common::ui::keys(&mut s, "t");
    common::ui::type_text(&mut s, "Asana");
    common::ui::keys(&mut s, "<Enter> T");
    let text = common::ui::screen_text(&s);
    assert!(text.contains("names and terms"), "{text}");
    let callread::app::Overlay::Terms { rows, .. } = &s.overlay else {
        panic!("{:?}", s.overlay)
    };
    let at = rows
        .iter()
        .position(|(l, _)| l == "Asana → 體式 ×4")
        .expect("the 體式 row");
    assert!(
        rows.iter()
            .any(|(l, _)| l.starts_with("Asana → Asana (kept) ×"))
    );
    for _ in 0..at {
        common::ui::keys(&mut s, "j");
    }
    common::ui::keys(&mut s, "<Enter>");
    let line = |s: &callread::app::AppState| {
        let d = s.doc().unwrap();
        d.paragraph(d.cursor).unwrap().1.line
    };
    assert_eq!(line(&s), 18);
    assert!(
        common::ui::status(&s).contains("1 of 4"),
        "{}",
        common::ui::status(&s)
    );
    common::ui::keys(&mut s, "T <Enter>");
    assert_eq!(line(&s), 66, "the next paragraph with it");
}

/// `terms --across`: a term of several calls rendered more than one way across them ("AI" as
/// 人工智慧 in some calls, 人工智能 in another, kept as AI in others).
#[test]
fn terms_across_the_library() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_callread"))
        .args(["terms", "--across", "--json"])
        .output()
        .unwrap();
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let ai = v
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["english"] == "AI")
        .expect("AI");
    let texts: Vec<&str> = ai["renderings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.contains(&"人工智慧") && texts.contains(&"人工智能") && texts.contains(&"AI"),
        "{texts:?}"
    );
    assert!(ai["calls"].as_u64().unwrap() >= 3);
}

/// The terms report is the same on every run: renderings that tie on count and length are
/// chosen by a total order, never by hash order.
#[test]
fn terms_are_the_same_on_every_run() {
    for (_, text) in callread::library::BUNDLED {
        let t = common::load(*text);
        let show = |terms: Vec<callread::check::terms::Term>| -> Vec<String> {
            terms
                .iter()
                .map(|t| {
                    let r: Vec<String> = t
                        .renderings
                        .iter()
                        .map(|r| format!("{}×{}", r.text, r.count))
                        .collect();
                    format!("{} {:?} {:?}", t.english, r, t.unmatched)
                })
                .collect()
        };
        let first = show(callread::check::terms::terms(&t));
        for _ in 0..4 {
            assert_eq!(show(callread::check::terms::terms(&t)), first);
        }
    }
}

#[test]
fn a_sentence_turned_without_a_figure_is_a_direction_finding() {
    let pair = |en: &str, zh: &str| Paragraph {
        en: Some(en.into()),
        zh: Some(zh.into()),
        line: 1,
        zh_line: Some(2),
        flags: vec![],
        zh2: None,
    };
    let kinds = |p: &Paragraph| -> Vec<Kind> { check_pair(p).iter().map(|f| f.kind).collect() };
    // "increased" rendered as 降低, no figure anywhere.
    let turned = pair(
        "Thank you. We increased prices across the whole catalogue this spring.",
        "謝謝。今年春天我們降低了整個目錄的價格。",
    );
    let f = check_pair(&turned);
    assert_eq!(kinds(&turned), vec![Kind::Direction], "{f:?}");
    assert!(
        f[0].detail
            .contains("up in the English, down in the Chinese"),
        "{f:?}"
    );
    assert!(f[0].sentence.is_some());
    // The same in Simplified.
    let simplified = pair(
        "Thank you. We increased prices across the whole catalogue this spring.",
        "谢谢。今年春天我们降低了整个目录的价格。",
    );
    assert_eq!(kinds(&simplified), vec![Kind::Direction]);
    // Translated as it says: nothing.
    let right = pair(
        "Thank you. We increased prices across the whole catalogue this spring.",
        "謝謝。今年春天我們提高了整個目錄的價格。",
    );
    assert_eq!(kinds(&right), vec![]);
    // Particles and comparatives are no movement away from a figure ("pick that up", "at a
    // lower cost"), and a sentence with words of both ends says nothing.
    let loose = pair(
        "We will pick that up next year and serve them at a lower cost.",
        "我們明年將會提高這一點，並以更低的成本增加服務。",
    );
    assert_eq!(kinds(&loose), vec![]);
    let both = pair(
        "Revenue growth slowed while costs declined.",
        "營收成長放緩，而成本增加。",
    );
    assert_eq!(kinds(&both), vec![]);
}

/// The renderings of the bundled calls' most frequent names and terms, read in the
/// translations: each must be among the renderings `terms` reports for its term.
const EXPECTED_RENDERINGS: &[(&str, &str, &str)] = &[
    ("000", "Contact Center", "聯絡中心"),
    ("000", "AI", "人工智慧"),
    ("000", "Kelly", "凱利"),
    ("000", "AI Companion", "伴侶"),
    ("000", "Eric", "埃里克"),
    ("000", "Workplace", "工作場所"),
    ("000", "EMEA", "中東和非洲地區"),
    ("000", "SMB", "中小型企業"),
    ("001", "AI", "人工智慧"),
    ("001", "Lisa", "麗莎"),
    ("001", "Sam", "山姆"),
    ("001", "Microsoft", "微軟"),
    ("001", "Kevin", "凱文"),
    ("001", "Bruno", "布魯諾"),
    ("001", "APAC", "亞太地區"),
    ("001", "Chief Revenue Officer", "首席營收官"),
    ("002", "AI", "人工智慧"),
    ("002", "Aidan", "艾丹"),
    ("002", "Khozema", "科澤馬"),
    ("002", "Mark", "馬克"),
    ("003", "Asana", "體式"),
    ("003", "AI", "人工智能"),
    ("003", "Work Graph", "工作圖"),
    ("003", "Dustin", "達斯汀"),
    ("003", "Tim", "蒂姆"),
    ("003", "Anne", "安妮"),
    ("003", "New York", "紐約"),
    ("003", "CIOs", "首席信息官"),
    ("003", "CMO", "首席營銷官"),
    ("003", "Investor Relations", "投資者關係"),
    ("004", "Henry", "亨利"),
    ("004", "Cameron", "卡梅倫"),
    ("004", "SMB", "中小企業"),
    ("004", "Alex", "亞歷克斯"),
    ("004", "Board", "董事會"),
    ("004", "Data-as-a-Service", "數據即服務"),
];

#[test]
fn the_expected_renderings_are_found_and_none_is_cut_mid_word() {
    let mut missing = Vec::new();
    let mut cut = Vec::new();
    for seed in ["000", "001", "002", "003", "004"] {
        let t = common::load(seed_text(seed));
        let terms = callread::check::terms::terms(&t);
        for (_, en, zh) in EXPECTED_RENDERINGS.iter().filter(|(s, _, _)| *s == seed) {
            let found = terms
                .iter()
                .find(|x| x.english == *en)
                .is_some_and(|x| x.renderings.iter().any(|r| r.text == *zh));
            if !found {
                missing.push((seed, en, zh));
            }
        }
        // No Han rendering stops mid-word: in most of the places it stands in the call,
        // the same character does not go on after it (人工智 of 人工智慧).
        let zh_text: Vec<&str> = t
            .paragraphs()
            .filter_map(|(_, p)| p.zh.as_deref())
            .collect();
        for term in &terms {
            for r in term.renderings.iter().filter(|r| !r.latin) {
                let mut next: std::collections::HashMap<char, usize> = Default::default();
                let mut seen = 0;
                for z in &zh_text {
                    for (at, _) in z.match_indices(r.text.as_str()) {
                        seen += 1;
                        if let Some(c) = z[at + r.text.len()..].chars().next() {
                            *next.entry(c).or_default() += 1;
                        }
                    }
                }
                let most = next
                    .iter()
                    .filter(|(c, _)| !"的和了在是與及之將為并並，。、".contains(**c))
                    .map(|(c, n)| (*n, *c))
                    .max();
                if let Some((n, c)) = most
                    && n >= 3
                    && n * 10 >= seen * 9
                {
                    cut.push((seed, term.english.clone(), r.text.clone(), c, n, seen));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} of {} expected renderings missing: {missing:?}",
        missing.len(),
        EXPECTED_RENDERINGS.len()
    );
    assert!(cut.is_empty(), "renderings cut mid-word: {cut:?}");
}

#[test]
fn a_translation_of_the_neighbour_without_figures_is_seen_by_its_length() {
    let pair = |en: &str, zh: &str, line: usize| Paragraph {
        en: Some(en.into()),
        zh: Some(zh.into()),
        line,
        zh_line: Some(line + 1),
        flags: vec![],
        zh2: None,
    };
    let own_en = "Let me start with our customers and partners this quarter. We added many new \
                  logos across every region, and retention improved again in each of them. Our \
                  partners brought in more of those new customers than in any quarter before.";
    let own_zh = "讓我先談談本季的客戶和合作夥伴。我們在每個地區都增加了許多新客戶，而且每個地區的\
                  留存率都再次提高。我們的合作夥伴帶來的新客戶比以往任何一個季度都多。";
    let next_en = "Thank you, everyone, and now we will turn to your questions about the quarter.";
    let next_zh = "謝謝大家，現在我們將轉向回答各位關於本季的提問。";
    let next = pair(next_en, next_zh, 12);
    let kinds = |p: &Paragraph| -> Vec<Kind> {
        check_pair_near(p, &[&next])
            .iter()
            .map(|f| f.kind)
            .collect()
    };
    // The neighbour's translation under this English: no figure or name to go by.
    let shifted = pair(own_en, next_zh, 10);
    let f = check_pair_near(&shifted, &[&next]);
    assert_eq!(kinds(&shifted), vec![Kind::Misaligned], "{f:?}");
    assert!(f[0].detail.contains("line 12"), "{f:?}");
    // Its own translation: nothing.
    assert_eq!(kinds(&pair(own_en, own_zh, 10)), vec![]);
    // Cut off mid-sentence is an omission, not the neighbour's text.
    let cut = pair(
        own_en,
        "讓我先談談本季的客戶和合作夥伴。我們在每個地區都增加了許多新客戶，而且",
        10,
    );
    assert!(!kinds(&cut).contains(&Kind::Misaligned));
}

#[test]
fn a_fraction_in_words_is_a_figure_on_the_english_side() {
    let en = "Our margin grew two and a half percent this quarter.";
    assert!(compare_figures(en, "本季我們的利潤率成長了 2.5%。").is_empty());
    let f = compare_figures(en, "本季我們的利潤率成長了 3.5%。");
    assert!(f.iter().any(|f| f.kind == Kind::Mismatch), "{f:?}");
}
