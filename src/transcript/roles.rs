//! Who is who on the call: roles, firms and where the Q&A starts, read from the call itself.
//!
//! Titles are unreliable (`Meta A. Marshall - VP` is an analyst, `Jackson Ader` has no title),
//! so the evidence is weighed in this order: the operator by name; whoever speaks right after
//! the operator introduces a questioner is an analyst with the firm from that introduction
//! (unless they spoke in the prepared remarks); a title that says analyst or research; having
//! spoken in the prepared remarks (executive); an executive title.

use super::model::{Role, Section, Transcript};
use std::sync::LazyLock;

use regex::Regex;

/// An operator's introduction of a questioner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intro {
    /// The name the operator says (may differ from who then speaks).
    pub name: String,
    /// The firm the operator says.
    pub firm: String,
}

/// Reads an operator's introduction of a questioner, in the usual phrasings:
/// "Meta Marshall, Morgan Stanley.", "Our next question comes from the line of Jackson Ader
/// of MoffettNathanson.", "(Operator Instructions) Our first question comes from Meta
/// Marshall with Morgan Stanley."
pub fn parse_intro(en: &str) -> Option<Intro> {
    let text = strip_parentheticals(en);
    let text = text.trim();
    from_phrase(text).or_else(|| name_comma_firm(text))
}

fn strip_parentheticals(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// "... comes from [the line of] NAME of|with|from|at FIRM[. Please go ahead.]"
fn from_phrase(text: &str) -> Option<Intro> {
    let lower = text.to_ascii_lowercase();
    if !lower.contains("question") {
        return None;
    }
    let mut start = None;
    for key in ["comes from ", "come from ", "is from ", "coming from "] {
        if let Some(p) = lower.rfind(key) {
            start = start.max(Some(p + key.len()));
        }
    }
    let mut rest = &text[start?..];
    for lead in ["the line of ", "the lines of "] {
        if rest.to_ascii_lowercase().starts_with(lead) {
            rest = &rest[lead.len()..];
        }
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    let sep = words
        .iter()
        .position(|w| matches!(*w, "of" | "with" | "from" | "at"))?;
    let name = words[..sep].join(" ");
    let firm = clean_firm(&words[sep + 1..].join(" "))?;
    (is_person_name(&name)).then_some(Intro { name, firm })
}

/// "NAME, FIRM." as a short paragraph of its own.
fn name_comma_firm(text: &str) -> Option<Intro> {
    if text.split_whitespace().count() > 12 {
        return None;
    }
    let (name, firm) = text.split_once(", ")?;
    let firm = clean_firm(firm)?;
    let firm_ok = firm.split_whitespace().count() <= 6
        && firm
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    (firm_ok && is_person_name(name) && name.split_whitespace().count() >= 2).then(|| Intro {
        name: name.trim().to_string(),
        firm,
    })
}

/// Cuts the firm at the end of its sentence ("Jefferies. Please go ahead." -> "Jefferies"),
/// keeping initials such as "B. Riley" and "D.A. Davidson" whole.
fn clean_firm(s: &str) -> Option<String> {
    let mut end = s.len();
    for (i, _) in s.match_indices(['.', ',', ';', '?', '!']) {
        let before = s[..i].rsplit(' ').next().unwrap_or("");
        let initial = before.len() <= 1 || before.contains('.');
        let follows_space = s[i + 1..].starts_with(' ') || i + 1 == s.len();
        if s.as_bytes()[i] != b'.' || (!initial && follows_space) {
            end = i;
            break;
        }
    }
    let firm = s[..end].trim().trim_end_matches('.').trim();
    (!firm.is_empty() && firm.len() <= 60).then(|| firm.to_string())
}

fn is_person_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
        })
        && !matches!(
            words[0],
            "Thank" | "Thanks" | "Great" | "Okay" | "And" | "The" | "Our"
        )
}

/// The firm as the Chinese introduction writes it: "(操作員指令)Meta Marshall,摩根士丹利。"
/// -> 摩根士丹利; "我們的下一個問題來自摩根士丹利的 Meta Marshall。" -> 摩根士丹利;
/// "下一個問題來自 Catharine Trebnick 和 Rosenblatt。" -> Rosenblatt.
pub fn firm_zh_from_intro(zh: &str) -> Option<String> {
    let text: String = strip_parentheticals(&zh.replace(['（'], "(").replace(['）'], ")"));
    let mut text = text.trim();
    if let Some(p) = text.rfind("來自") {
        text = &text[p + "來自".len()..];
    }
    let firm = if let Some((firm, _)) = text.split_once('的') {
        firm
    } else if let Some((_, firm)) = text.rsplit_once('和') {
        firm
    } else if let Some((_, firm)) = text.rsplit_once([',', '，', '、']) {
        firm
    } else {
        return None;
    };
    let firm = firm.trim().trim_end_matches(['。', '.', ' ']).trim();
    let firm = firm.split(['。', '(']).next().unwrap_or("");
    let firm = firm.trim().trim_matches(['《', '》', '「', '」']).trim();
    (!firm.is_empty() && firm.chars().count() <= 24).then(|| firm.to_string())
}

/// Where a company name may start in an operator's opening: after "welcome (everyone) to",
/// "joining us (today) for", or "... Call for".
static NAME_LEADS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:welcome(?:\s+(?:everyone|everybody|all))?\s+to|joining\s+us(?:\s+today)?\s+for|call\s+for|for\s+joining(?:\s+us\s+(?:for|on))?|(?:financial\s+)?results\s+(?:of|for)|welcome)\s+",
    )
    .expect("valid pattern")
});

/// "The Acme Tools Conference Call will now begin": a name between "The" and the call.
static THE_NAME_CALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b[Tt]he\s+((?:[A-Z0-9][\w&.'’-]*\s+){1,4})(?:(?:\d{4}|Q[1-4]|First|Second|Third|Fourth|Quarter|Fiscal|Full|Year|Quarterly|Annual)\s+)*(?:Conference|Earnings|Results)\s+Call\b",
    )
    .expect("valid pattern")
});

/// The company named in the operator's welcome: "welcome to Zoom's Q2 FY25 earnings
/// webinar" -> Zoom; "Welcome to the Q2 2024 8x8, Inc. Earnings Conference Call" -> 8x8;
/// "Welcome to the Fiscal 2021 Fourth Quarter Earnings Call for Applied Industrial
/// Technologies" -> Applied Industrial Technologies; also "Thank you for joining Acme's …",
/// "… the third quarter results for Acme Tools", "The Acme Tools Conference Call will now
/// begin".
pub fn company_from_welcome(en: &str) -> Option<String> {
    NAME_LEADS
        .find_iter(en)
        .find_map(|m| name_at(&en[m.end()..]))
        .or_else(|| {
            THE_NAME_CALL
                .captures_iter(en)
                .find_map(|c| name_at(c.get(1)?.as_str()))
        })
}

/// The company a title line names: "Larkspur Robotics, Inc. (LRKS) Q2 2031 Earnings Call"
/// -> Larkspur Robotics; "Quillfeather Foods (NYSE:QFF) Q4 2030 …" -> Quillfeather Foods.
pub fn company_from_title(line: &str) -> Option<String> {
    static TICKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(.{2,60}?)\s*\((?:[A-Z]+\s*:\s*)?[A-Z][A-Z.]{0,5}\)").expect("valid pattern")
    });
    let name = TICKER.captures(line)?.get(1)?.as_str();
    name_at(name)
}

/// The name a welcome's words start with, skipping articles, periods and a few lowercase
/// words ("the webcast entitled WWE Third Quarter Earnings" -> WWE).
fn name_at(text: &str) -> Option<String> {
    let mut name: Vec<&str> = Vec::new();
    let mut lowercase_skipped = 0;
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, &word) in words.iter().enumerate() {
        let bare = word.trim_end_matches([',', '.', ';', ':']);
        let bare_lower = bare.to_ascii_lowercase();
        let stem = bare_lower
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .trim_end_matches(['\'', '’']);
        let skip = matches!(
            stem,
            "the"
                | "today"
                | "our"
                | "first"
                | "second"
                | "third"
                | "fourth"
                | "fiscal"
                | "year"
                | "quarter"
                | "full"
                | "annual"
                | "first-quarter"
                | "second-quarter"
                | "third-quarter"
                | "fourth-quarter"
        ) || is_period_token(&bare_lower);
        let suffix = matches!(
            stem,
            "earnings"
                | "financial"
                | "results"
                | "conference"
                | "call"
                | "webinar"
                | "webcast"
                | "investor"
                | "inc"
                | "incorporated"
                | "company"
                | "corporation"
                | "corp"
                | "co"
                | "ltd"
                | "limited"
                | "plc"
                | "q&a"
        );
        let capital = bare
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if name.is_empty() {
            // "… results for the quarter. And after …": the sentence ended before a name.
            // ("Yum!" and "Guess?" are names: only a full stop counts.)
            if word.ends_with('.') && bare.chars().count() > 1 && !bare.contains('.') {
                return None;
            }
            // "today's conference, Public Service ...": an event word before a comma.
            if skip || suffix && word.ends_with(',') {
                continue;
            }
            if !capital && lowercase_skipped < 2 {
                lowercase_skipped += 1;
                continue;
            }
        }
        // "Packaging Corporation of America's": a suffix that "of" and a name go on from.
        if suffix
            && !name.is_empty()
            && words.get(i + 1) == Some(&"of")
            && words
                .get(i + 2)
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase)
        {
            name.push(bare);
            name.push("of");
            continue;
        }
        if word == "of" && name.last() == Some(&"of") {
            continue;
        }
        if skip || suffix || !capital {
            break;
        }
        let possessive = stem.len() < bare_lower.len();
        name.push(&bare[..stem.len()]);
        // A period after a word (no initial, "D.R.", nor a title, "Mr.") ends the sentence and
        // the name.
        let sentence_end = word.ends_with('.') && !bare.contains('.') && bare.chars().count() > 3;
        if possessive || word.ends_with(',') || sentence_end || name.len() >= 3 {
            break;
        }
    }
    (!name.is_empty()).then(|| name.join(" "))
}

fn is_period_token(w: &str) -> bool {
    let w = w.trim_start_matches('\'');
    // "3rd", "1st-quarter".
    let ordinal = w.split('-').next().unwrap_or(w);
    if matches!(ordinal, "1st" | "2nd" | "3rd" | "4th") {
        return true;
    }
    (w.starts_with('q') || w.starts_with("fy") || w.starts_with('h'))
        && w.len() <= 6
        && w.chars()
            .skip(1)
            .all(|c| c.is_ascii_digit() || c == 'y' || c == '\'')
        || (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
}

/// Infers roles, firms and sections for a freshly parsed transcript. `qa_marker_turn` is the
/// turn index where a "Questions and Answers:" marker stood, if the file has one.
pub(crate) fn infer(t: &mut Transcript, qa_marker_turn: Option<usize>) {
    for s in &mut t.speakers {
        if s.name.eq_ignore_ascii_case("operator") {
            s.role = Role::Operator;
        }
    }
    let is_operator =
        |t: &Transcript, turn: usize| t.speakers[t.turns[turn].speaker].role == Role::Operator;

    // Introductions: the operator's last introduction in each of its turns.
    let intros: Vec<(usize, Intro, Option<String>)> = (0..t.turns.len())
        .filter(|&i| is_operator(t, i))
        .filter_map(|i| {
            t.turns[i].paragraphs.iter().rev().find_map(|p| {
                let intro = parse_intro(p.en.as_deref()?)?;
                Some((i, intro, p.zh.as_deref().and_then(firm_zh_from_intro)))
            })
        })
        .collect();
    split_unidentified(t, &intros);
    let first_intro = intros.first().map(|(i, _, _)| *i);
    let qa_start = match (qa_marker_turn, first_intro) {
        (Some(m), Some(f)) => m.min(f),
        (m, f) => m.or(f).unwrap_or(usize::MAX),
    };
    let mut prepared = vec![false; t.speakers.len()];
    for (i, turn) in t.turns.iter_mut().enumerate() {
        turn.section = if i >= qa_start {
            Section::Qa
        } else {
            Section::Prepared
        };
        if turn.section == Section::Prepared {
            prepared[turn.speaker] = true;
        }
    }

    // The introduced questioner is, among the turns up to the operator's next one, the first
    // speaker who shares a name with the introduction, or else the first who is not known
    // as an executive (an executive may say "Tyler, are you there?" first).
    let mut introduced: Vec<Option<(Intro, Option<String>)>> = vec![None; t.speakers.len()];
    let mut was_introduced = vec![false; t.speakers.len()];
    for (i, intro, firm_zh) in intros {
        let following: Vec<usize> = t.turns[i + 1..]
            .iter()
            .take_while(|turn| t.speakers[turn.speaker].role != Role::Operator)
            .map(|turn| turn.speaker)
            .collect();
        let intro_words: Vec<&str> = intro.name.split_whitespace().collect();
        let shares_name = |s: &usize| {
            t.speakers[*s]
                .name
                .split_whitespace()
                .any(|w| intro_words.contains(&w))
        };
        let not_executive = |s: &usize| {
            let title = t.speakers[*s]
                .title
                .as_deref()
                .unwrap_or("")
                .to_ascii_lowercase();
            !prepared[*s] && (title_says_analyst(&title) || !title_says_executive(&title))
        };
        let chosen = following
            .iter()
            .find(|s| shares_name(s) && !prepared[**s])
            .or_else(|| following.iter().find(|s| not_executive(s)));
        if let Some(&s) = chosen {
            was_introduced[s] = true;
            if introduced[s].is_none() {
                introduced[s] = Some((intro, firm_zh));
            }
        }
    }

    for (i, s) in t.speakers.iter_mut().enumerate() {
        if s.role == Role::Operator {
            continue;
        }
        let title = s.title.as_deref().unwrap_or("").to_ascii_lowercase();
        let unidentified = s.name.to_ascii_lowercase().starts_with("unidentified");
        s.role = if (was_introduced[i] && !prepared[i]) || title_says_analyst(&title) {
            Role::Analyst
        } else if prepared[i] || title_says_executive(&title) {
            Role::Executive
        } else {
            Role::Unknown
        };
        if s.role == Role::Analyst
            && !unidentified
            && let Some((intro, firm_zh)) = introduced[i].take()
        {
            // A Latin-only "Chinese" firm is kept only when it is the firm's own name
            // (Evercore, BTIG); a fragment such as "D.A" of "D.A. Davidson" is dropped.
            let same = |zh: &String| zh.to_lowercase() == intro.firm.to_lowercase();
            s.firm_zh = firm_zh.filter(|zh| crate::text::script::cjk_count(zh) > 0 || same(zh));
            s.firm = Some(intro.firm);
        }
    }
}

/// True for a header that names nobody: "Unidentified Participant", "Unknown Analyst"
/// (a numbered one, "Unidentified Participant 2", is one person throughout the call).
fn is_unidentified(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    (lower.starts_with("unidentified") || lower.starts_with("unknown"))
        && !name.ends_with(|c: char| c.is_ascii_digit())
}

/// "Unidentified Participant" stands for whoever the operator just introduced: the turns of
/// such a speaker after an introduction (up to the operator's next turn) become the turns of
/// the person introduced ("… from Arjun Bhatia with William Blair"), so four analysts are
/// four speakers. The header stays as their title. Not when the person introduced also
/// speaks under their own name there.
fn split_unidentified(t: &mut Transcript, intros: &[(usize, Intro, Option<String>)]) {
    if !t.speakers.iter().any(|s| is_unidentified(&s.name)) {
        return;
    }
    for (i, intro, _) in intros {
        let range: Vec<usize> = (i + 1..t.turns.len())
            .take_while(|&j| t.speakers[t.turns[j].speaker].role != Role::Operator)
            .collect();
        let named = range
            .iter()
            .any(|&j| t.speakers[t.turns[j].speaker].name == intro.name);
        if named {
            continue;
        }
        for j in range {
            let old = t.turns[j].speaker;
            if !is_unidentified(&t.speakers[old].name) {
                continue;
            }
            let new = match t.speakers.iter().position(|s| s.name == intro.name) {
                Some(k) => k,
                None => {
                    t.speakers.push(super::model::Speaker {
                        name: intro.name.clone(),
                        title: Some(t.speakers[old].name.clone()),
                        role: Role::Unknown,
                        firm: None,
                        firm_zh: None,
                    });
                    t.speakers.len() - 1
                }
            };
            t.turns[j].speaker = new;
        }
    }
    // A header no turn is left with is no participant.
    let used: std::collections::HashSet<usize> = t.turns.iter().map(|tu| tu.speaker).collect();
    let keep: Vec<bool> = (0..t.speakers.len())
        .map(|k| used.contains(&k) || !is_unidentified(&t.speakers[k].name))
        .collect();
    if keep.iter().all(|&k| k) {
        return;
    }
    let mut index = vec![0; keep.len()];
    let mut next = 0;
    for (k, &kept) in keep.iter().enumerate() {
        index[k] = next;
        next += usize::from(kept);
    }
    let mut k = 0;
    t.speakers.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    for tu in &mut t.turns {
        tu.speaker = index[tu.speaker];
    }
}

fn title_says_analyst(title: &str) -> bool {
    ["analyst", "research", "equity", "associate"]
        .iter()
        .any(|k| title.contains(k))
}

fn title_says_executive(title: &str) -> bool {
    let words: Vec<&str> = title.split(|c: char| !c.is_ascii_alphanumeric()).collect();
    ["ceo", "cfo", "coo", "cto", "cro", "ir", "evp"]
        .iter()
        .any(|k| words.contains(k))
        || [
            "chief",
            "president",
            "founder",
            "chair",
            "officer",
            "investor relations",
            "head of",
            "treasurer",
            "controller",
        ]
        .iter()
        .any(|k| title.contains(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intro(name: &str, firm: &str) -> Option<Intro> {
        Some(Intro {
            name: name.into(),
            firm: firm.into(),
        })
    }

    #[test]
    fn intro_phrasings() {
        assert_eq!(
            parse_intro("(Operator Instructions) Meta Marshall, Morgan Stanley."),
            intro("Meta Marshall", "Morgan Stanley")
        );
        assert_eq!(
            parse_intro(
                "Our next question comes from the line of Jackson Ader of MoffettNathanson."
            ),
            intro("Jackson Ader", "MoffettNathanson")
        );
        assert_eq!(
            parse_intro(
                "(Operator Instructions) Our first question comes from Meta Marshall with Morgan Stanley."
            ),
            intro("Meta Marshall", "Morgan Stanley")
        );
        assert_eq!(
            parse_intro(
                "Our next question comes from the line of -- our final question comes from the line of Brent Thill of Jefferies."
            ),
            intro("Brent Thill", "Jefferies")
        );
        assert_eq!(
            parse_intro("Our next question comes from Josh Nichols with B. Riley."),
            intro("Josh Nichols", "B. Riley")
        );
        assert_eq!(
            parse_intro(
                "Our next question comes from the line of Robert Simmons of D.A. Davidson. Please go ahead."
            ),
            intro("Robert Simmons", "D.A. Davidson")
        );
        assert_eq!(
            parse_intro(
                "And our next question is from Kirk Materne from Evercore ISI. Your line is open."
            ),
            intro("Kirk Materne", "Evercore ISI")
        );
        assert_eq!(
            parse_intro("Michael Funk, Bank of America."),
            intro("Michael Funk", "Bank of America")
        );
        assert_eq!(parse_intro("Thank you, everyone."), None);
        assert_eq!(parse_intro("Thanks, Mark."), None);
        assert_eq!(
            parse_intro(
                "I'm not showing any further questions. I'd like to turn the call back to Sam Wilson for any closing remarks."
            ),
            None
        );
    }

    #[test]
    fn chinese_firms() {
        assert_eq!(
            firm_zh_from_intro("(操作員指令)Meta Marshall,摩根士丹利。").as_deref(),
            Some("摩根士丹利")
        );
        assert_eq!(
            firm_zh_from_intro("我們的下一個問題來自巴克萊銀行的 Ryan MacWilliams。").as_deref(),
            Some("巴克萊銀行")
        );
        assert_eq!(
            firm_zh_from_intro("下一個問題來自 Catharine Trebnick 和 Rosenblatt。").as_deref(),
            Some("Rosenblatt")
        );
        assert_eq!(
            firm_zh_from_intro("摩根大通的馬克墨菲。").as_deref(),
            Some("摩根大通")
        );
        assert_eq!(
            firm_zh_from_intro("彼得‧萊文,Evercore。").as_deref(),
            Some("Evercore")
        );
    }

    #[test]
    fn companies() {
        assert_eq!(
            company_from_welcome(
                "Hello, everybody. And welcome to Zoom's Q2 FY25 earnings webinar."
            )
            .as_deref(),
            Some("Zoom")
        );
        assert_eq!(
            company_from_welcome("Welcome to the Q2 2024 8x8, Inc. Earnings Conference Call.")
                .as_deref(),
            Some("8x8")
        );
        assert_eq!(
            company_from_welcome("Welcome to Twilio Inc's second-quarter 2024 earnings call.")
                .as_deref(),
            Some("Twilio")
        );
        // Corporate suffixes end the name; "today's", ordinals like "3rd" are not part of it.
        for (line, want) in [
            (
                "Good day and welcome to today's Colgate-Palmolive Company Third Quarter 2021 Earnings Conference Call.",
                "Colgate-Palmolive",
            ),
            (
                "Greetings and welcome to the Edwards Lifesciences 3rd Quarter 2021 Results Call",
                "Edwards Lifesciences",
            ),
            (
                "welcome to the Edwards Lifesciences Corporation Second Quarter 2021 Results.",
                "Edwards Lifesciences",
            ),
            (
                "welcome to the Campbell's First Quarter Fiscal 2021 Earnings Presentation.",
                "Campbell",
            ),
        ] {
            assert_eq!(company_from_welcome(line).as_deref(), Some(want), "{line}");
        }
        for (line, want) in [
            (
                "Good morning, and welcome PG&E Corporation Third Quarter 2021 Earnings Call.",
                "PG&E",
            ),
            (
                "Thank you for joining Packaging Corporation of America's third quarter 2021 earnings call.",
                "Packaging Corporation of America",
            ),
            (
                "Good afternoon and welcome to SolarWinds' fourth quarter 2021 earnings call.",
                "SolarWinds",
            ),
        ] {
            assert_eq!(company_from_welcome(line).as_deref(), Some(want), "{line}");
        }
        assert_eq!(
            company_from_welcome("Welcome, and thank you for standing by.").as_deref(),
            None
        );
        // The wider openings, in phrasings of our own.
        for (line, want) in [
            (
                "Hello and welcome to Brisket Partners' fourth quarter and full year results.",
                "Brisket Partners",
            ),
            (
                "Good evening, and welcome Hollow Oak Corporation Third Quarter 2030 Results Call.",
                "Hollow Oak",
            ),
            (
                "Thank you for joining Tern Valley's first quarter conference call.",
                "Tern Valley",
            ),
            (
                "Thank you for joining us for Greyhame Systems' annual results.",
                "Greyhame Systems",
            ),
            (
                "Thanks for joining us as we review the second quarter results for Copperwick Labs. With me is our CFO.",
                "Copperwick Labs",
            ),
            (
                "Good morning. The Ashgrove Mills Conference Call will now begin.",
                "Ashgrove Mills",
            ),
            (
                "Good morning. The Ashgrove Mills 2030 Third Quarter Earnings Call is being recorded.",
                "Ashgrove Mills",
            ),
        ] {
            assert_eq!(company_from_welcome(line).as_deref(), Some(want), "{line}");
        }
        for line in [
            "Phil will go over our results for the quarter. And then we take questions.",
            "We will review our results for the second quarter 2030. Joining me is our CFO.",
            "As we said on the last earnings call, the quarter was good.",
            "The results for the quarter were strong.",
            "Thank you for joining us.",
        ] {
            assert_eq!(company_from_welcome(line), None, "{line}");
        }
        // A name may end in "!" or "?".
        assert_eq!(
            company_from_welcome("Welcome to the Wham! Foods third quarter call.").as_deref(),
            Some("Wham! Foods")
        );
        assert_eq!(
            company_from_title("Fenmore Glass, Inc. (FNG) Q1 2031 Earnings Call").as_deref(),
            Some("Fenmore Glass")
        );
        assert_eq!(
            company_from_title("Otterby Freight (NASDAQ:OTBY) Q3 2030 Results").as_deref(),
            Some("Otterby Freight")
        );
        assert_eq!(company_from_title("Earnings call (unedited)"), None);
        assert_eq!(
            company_from_welcome("welcome to Asana's Second Fiscal Year 2024 Earnings Call.")
                .as_deref(),
            Some("Asana")
        );
        assert_eq!(
            company_from_welcome(
                "Welcome to the ZoomInfo Second Quarter 2024 Financial Results Conference Call."
            )
            .as_deref(),
            Some("ZoomInfo")
        );
        assert_eq!(
            company_from_welcome(
                "Good morning and welcome to the Acme Widgets fiscal 2025 third quarter call."
            )
            .as_deref(),
            Some("Acme Widgets")
        );
    }
}
