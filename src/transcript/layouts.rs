//! The layouts other than the bilingual interleaving and `Name -- Title` (which
//! `parse::read_headers` reads): detection, and one reader per layout feeding the shared
//! [`Builder`].
//!
//! Every reader accepts a speaker header only when it is plausible: a name (capitalised words,
//! at most six, no sentence punctuation, not starting like a sentence) or one a participants
//! list declared.

use std::borrow::Cow;
use std::collections::HashMap;

use super::model::Layout;
use super::parse::{
    Builder, Marker, is_notice, looks_like_name, plausible_dash_header, section_marker,
    split_header, starts_like_a_sentence,
};

type Lines<'a> = [(usize, Cow<'a, str>)];

/// The fewest header lines that make a file one of the looser layouts (colon, name line,
/// capitals): one could be a coincidence.
const MIN_HEADERS: usize = 2;

/// The layout of a file with no doubled headers, by counting each layout's header lines
/// (`dash_headers` plausible `Name -- Title` lines already counted): the layout with the
/// most wins, `Name -- Title` on a tie.
pub(super) fn detect(lines: &Lines<'_>, dash_headers: usize) -> Layout {
    // Eight plausible `Name -- Title` headers make a dash file: no other layout writes them.
    if dash_headers >= 8 {
        return Layout::Dash;
    }
    let mut colon = 0;
    let mut capitals = 0;
    let mut name_lines = 0;
    let mut lists = false;
    let caps_counts = capitals_counts(lines);
    for (_, l) in lines {
        if let Some(m) = section_marker(l) {
            lists |= matches!(m, Marker::Participants | Marker::Analysts)
                || l.eq_ignore_ascii_case("question-and-answer session");
            continue;
        }
        if colon_header(l).is_some() {
            colon += 1;
        }
        if capitals_header(l, &caps_counts).is_some() {
            capitals += 1;
        }
        if bare_name(l) {
            name_lines += 1;
        }
    }
    if !lists {
        name_lines = 0;
    }
    let best = [
        (dash_headers, Layout::Dash),
        (colon, Layout::Colon),
        (capitals, Layout::Capitals),
        (name_lines, Layout::NameLine),
    ]
    .into_iter()
    .filter(|(n, layout)| *n >= MIN_HEADERS || (*layout == Layout::Dash && *n > 0))
    .max_by_key(|(n, layout)| (*n, *layout == Layout::Dash));
    best.map_or(Layout::Unknown, |(_, layout)| layout)
}

/// Every line a paragraph (the layout is not known); the builder gives them one unknown
/// speaker.
pub(super) fn plain(lines: &Lines<'_>) -> Builder {
    let mut b = Builder::default();
    for (n, l) in lines {
        if b.notice.is_none() && is_notice(l) {
            b.notice = Some(l.to_string());
            continue;
        }
        b.line(*n, l);
    }
    b
}

/// The operator by any name a transcript gives it.
fn is_operator(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "operator" | "moderator" | "conference operator"
    )
}

/// A name a header may carry: the operator, or a plausible person's name of at least two
/// words (one word is too often a sentence's first: "Revenue: up 4%").
fn plausible_name(name: &str) -> bool {
    is_operator(name)
        || (name.split_whitespace().count() >= 2
            && looks_like_name(name)
            && !starts_like_a_sentence(name))
}

/// `Jane Roe: first paragraph …` (or `Jane Roe (00:01:02): …`): the name and the rest.
fn colon_header(line: &str) -> Option<(&str, &str)> {
    // The name and a time stamp fit in the first 140 bytes.
    let colon = line.bytes().take(140).position(|b| b == b':')?;
    let (head, rest) = (&line[..colon], &line[colon + 1..]);
    // "Jane Roe (00:01:02)": a time stamp is not part of the name.
    let (head, rest) = match head.split_once(" (") {
        Some((name, _)) if line[head.len()..].contains("):") => {
            let after = line.split_once("):").map_or("", |(_, r)| r);
            (name, after)
        }
        _ => (head, rest),
    };
    let name = head.trim();
    if !rest.is_empty() && !rest.starts_with(' ') {
        return None; // "10:30", "http://"
    }
    plausible_name(name).then_some((name, rest.trim()))
}

/// The colon layout: `Jane Roe: first paragraph …`, later paragraphs plain.
pub(super) fn colon(lines: &Lines<'_>) -> Builder {
    let mut b = Builder::default();
    for (n, l) in lines {
        if b.notice.is_none() && is_notice(l) {
            b.notice = Some(l.to_string());
            continue;
        }
        if let Some(m) = section_marker(l) {
            b.marker(m);
            continue;
        }
        if b.in_participants
            && let Some((name, title)) = list_entry(l)
        {
            b.declare(name, title);
            continue;
        }
        match colon_header(l) {
            Some((name, rest)) => {
                b.start_turn(name, None, *n);
                if !rest.is_empty() {
                    b.line(*n, rest);
                }
            }
            None => b.line(*n, l),
        }
    }
    b
}

/// An entry of a participants list: `Name - Title`, `Name -- Title`, `Name, Title` or a
/// bare name.
fn list_entry(line: &str) -> Option<(&str, Option<&str>)> {
    for sep in [" -- ", " — ", " – ", " - ", ", "] {
        if line.contains(sep) {
            let (name, title) = split_header(line, sep)?;
            return plausible_name(name).then_some((name, title));
        }
    }
    plausible_name(line).then_some((line, None))
}

/// A line that is only a name (the name-line layout's header).
fn bare_name(line: &str) -> bool {
    line.len() <= 120 && plausible_name(line)
}

/// The name-line layout: a name on its own line, then the paragraphs; `Executives` and
/// `Analysts` lists at the top; the operator's first words may follow the lists without a
/// name line.
pub(super) fn name_line(lines: &Lines<'_>) -> Builder {
    let no_list = std::collections::HashSet::new();
    let mut b = Builder::default();
    let mut listed = false;
    for (n, l) in lines {
        if b.notice.is_none() && is_notice(l) {
            b.notice = Some(l.to_string());
            continue;
        }
        if let Some(m) = section_marker(l) {
            listed |= matches!(m, Marker::Participants | Marker::Analysts);
            b.marker(m);
            continue;
        }
        if b.in_participants
            && let Some((name, title)) = list_entry(l)
        {
            b.declare(name, title);
            continue;
        }
        // "Jane Roe - Chief Financial Officer" where Jane Roe is listed, and a plausible
        // "Jane Roe -- Chief Financial Officer": headers too.
        let header = if bare_name(l) || b.is_declared(l) {
            Some((l.as_ref(), None))
        } else {
            split_header(l, " - ")
                .filter(|(name, _)| b.is_declared(name))
                .or_else(|| plausible_dash_header(l, &no_list))
        };
        match header {
            Some((name, title)) => b.start_turn(name, title, *n),
            None => {
                if listed && b.no_turns() {
                    // The operator's first words, straight after the lists.
                    b.start_turn("Operator", None, *n);
                }
                b.line(*n, l);
            }
        }
    }
    b
}

/// How often each capitals name stands as a header line of its own (without a title).
fn capitals_counts<'a>(lines: &'a Lines<'_>) -> HashMap<&'a str, usize> {
    let mut counts = HashMap::new();
    for (_, l) in lines {
        if let Some((_, name, _)) = capitals_parts(l) {
            *counts.entry(name).or_default() += 1;
        }
    }
    counts
}

/// `[Q - |A - ]NAME[, Title]` with NAME in capitals: (prefix, name, title).
fn capitals_parts(line: &str) -> Option<(Option<char>, &str, Option<&str>)> {
    // A header line is short, and its first letter a capital.
    if line.len() > 200 || !line.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let (prefix, rest) = match line.get(..4) {
        Some("Q - ") => (Some('Q'), &line[4..]),
        Some("A - ") => (Some('A'), &line[4..]),
        _ => (None, line),
    };
    let (name, title) = match rest.split_once(", ") {
        Some((n, t)) => (n.trim(), Some(t.trim()).filter(|t| !t.is_empty())),
        None => (rest.trim(), None),
    };
    // All capitals first: a sentence fails at its second letter.
    let capitals = name.chars().all(|c| {
        c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-') || c.is_ascii_digit()
    }) && name.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    if !capitals {
        return None;
    }
    let words = name.split_whitespace().count();
    (words > 0 && words <= 6 && section_marker(name).is_none()).then_some((prefix, name, title))
}

/// A capitals header: `JANE ROE, Chief Financial Officer`, `Q - JANE ROE, Analyst`,
/// `OPERATOR`, or a bare capitals name that stands as a line twice or more (a heading such
/// as `FORWARD-LOOKING STATEMENTS` stands once). Returns the prefix, the name as a person
/// writes it ("Jane Roe") and the title.
fn capitals_header(
    line: &str,
    counts: &HashMap<&str, usize>,
) -> Option<(Option<char>, String, Option<String>)> {
    let (prefix, name, title) = capitals_parts(line)?;
    let title_ok = title.is_some_and(|t| !t.ends_with(['.', '?', '!']) || t.ends_with("Inc."));
    let person = name_case(name);
    let plausible = if is_operator(&person) {
        true
    } else {
        plausible_name(&person)
            && (title_ok || prefix.is_some() || counts.get(name).is_some_and(|&n| n >= 2))
    };
    plausible.then(|| (prefix, person, title.map(str::to_string)))
}

/// "JANE O'NEIL-ROE" -> "Jane O'Neil-Roe".
fn name_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = matches!(c, ' ' | '\'' | '’' | '-');
    }
    out
}

/// The capitals layout: `JANE ROE, Chief Financial Officer` header lines, `MANAGEMENT
/// DISCUSSION SECTION` / `QUESTION AND ANSWER SECTION`, `Q - ` / `A - ` before a speaker in
/// the Q&A.
pub(super) fn capitals(lines: &Lines<'_>) -> Builder {
    let counts = capitals_counts(lines);
    let mut b = Builder::default();
    for (n, l) in lines {
        if b.notice.is_none() && is_notice(l) {
            b.notice = Some(l.to_string());
            continue;
        }
        if let Some(m) = section_marker(l) {
            b.marker(m);
            continue;
        }
        if b.in_participants
            && let Some((name, title)) = list_entry(l)
        {
            b.declare(&name_case(name), title);
            continue;
        }
        match capitals_header(l, &counts) {
            Some((prefix, name, title)) => {
                if prefix.is_some() && b.qa_marker_turn.is_none() {
                    b.marker(Marker::Qa);
                }
                b.start_turn(&name, title.as_deref(), *n);
            }
            None => b.line(*n, l),
        }
    }
    b
}

/// Speaker-turn JSON as public datasets ship it: `{"prepared_remarks": [{"speaker",
/// "speech"}], "q_and_a": [...], "participants": ["Name--Title", ...]}`, paragraphs split at
/// `\n`. None when the text is not such an object.
pub(super) fn json(text: &str) -> Option<Builder> {
    let trimmed = text.trim_start_matches('\u{FEFF}').trim_start();
    if !trimmed.starts_with('{') {
        return None;
    }
    let v: serde_json::Value = serde_json::from_str(trimmed).ok()?;
    let obj = v.as_object()?;
    let prepared = obj.get("prepared_remarks").and_then(|x| x.as_array());
    let qa = obj.get("q_and_a").and_then(|x| x.as_array());
    if prepared.is_none() && qa.is_none() {
        return None;
    }
    // Each turn's line: the line of its "speaker" key, in order (all 1 in one-line JSON).
    let mut speaker_lines = text
        .match_indices("\"speaker\"")
        .map(|(at, _)| text[..at].matches('\n').count() + 1);
    let mut b = Builder::default();
    let split = |entry: &str| -> (String, Option<String>) {
        let entry = crate::text::clean_line(entry);
        match entry.split_once("--") {
            Some((n, t)) => (
                n.trim().to_string(),
                Some(t.trim().to_string()).filter(|t| !t.is_empty()),
            ),
            None => (entry.trim().to_string(), None),
        }
    };
    for p in obj
        .get("participants")
        .and_then(|x| x.as_array())
        .into_iter()
        .flatten()
        .filter_map(|p| p.as_str())
    {
        let (name, title) = split(p);
        if !name.is_empty() {
            b.declare(&name, title.as_deref());
        }
    }
    let mut read = |b: &mut Builder, turns: &[serde_json::Value]| {
        for turn in turns {
            let line = speaker_lines.next().unwrap_or(1);
            let (name, title) = split(
                turn.get("speaker")
                    .and_then(|s| s.as_str())
                    .unwrap_or("Unknown speaker"),
            );
            let name = if name.is_empty() {
                "Unknown speaker".to_string()
            } else {
                name
            };
            b.start_turn(&name, title.as_deref(), line);
            let speech = turn.get("speech").and_then(|s| s.as_str()).unwrap_or("");
            for para in speech.split('\n') {
                let para = crate::text::clean_line(para);
                if !para.is_empty() {
                    b.line(line, &para);
                }
            }
        }
    };
    read(&mut b, prepared.map_or(&[][..], |v| v.as_slice()));
    if let Some(qa) = qa.filter(|q| !q.is_empty()) {
        b.marker(Marker::Qa);
        read(&mut b, qa);
    }
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(usize, Cow<'_, str>)> {
        text.lines()
            .enumerate()
            .map(|(i, l)| (i + 1, Cow::Borrowed(l)))
            .filter(|(_, l)| !l.is_empty())
            .collect()
    }

    #[test]
    fn detection_takes_the_layout_with_most_headers() {
        let colon = "Ada Quist: Hello.\nMore.\nBo Lind: Hi.\nAda Quist: Bye.\n";
        assert_eq!(detect(&lines(colon), 0), Layout::Colon);
        // One colon header is a coincidence.
        assert_eq!(
            detect(&lines("Ada Quist: Hello.\nMore.\n"), 0),
            Layout::Unknown
        );
        // A dash header outweighs nothing, and eight make a dash file outright.
        assert_eq!(detect(&lines(colon), 3), Layout::Dash);
        assert_eq!(detect(&lines(colon), 8), Layout::Dash);
        let caps = "ADA QUIST, Chief Executive Officer\nHello.\nBO LIND, Analyst\nHi.\n";
        assert_eq!(detect(&lines(caps), 0), Layout::Capitals);
        // Bare names count only under participants lists or the Q&A session marker.
        let names = "Ada Quist\nHello there.\nBo Lind\nHi.\n";
        assert_eq!(detect(&lines(names), 0), Layout::Unknown);
        let listed = format!("Executives\nAda Quist - CEO\n{names}");
        assert_eq!(detect(&lines(&listed), 0), Layout::NameLine);
    }

    #[test]
    fn colon_headers() {
        assert_eq!(
            colon_header("Vera Lund: Thank you, everyone."),
            Some(("Vera Lund", "Thank you, everyone."))
        );
        assert_eq!(
            colon_header("Vera Lund (00:02:13): Thank you."),
            Some(("Vera Lund", "Thank you."))
        );
        assert_eq!(
            colon_header("Operator: Welcome."),
            Some(("Operator", "Welcome."))
        );
        for not in [
            "Revenue: up 4% on the year.",
            "So here is the thing: we grew.",
            "Note: figures are unaudited.",
            "Meeting at 10:30 sharp.",
            "We Grew: a lot.",
        ] {
            assert_eq!(colon_header(not), None, "{not}");
        }
    }

    #[test]
    fn capitals_headers() {
        let none = HashMap::new();
        let h = |l: &str| capitals_header(l, &none);
        assert_eq!(
            h("JANE O'NEIL-ROE, Chief Financial Officer"),
            Some((
                None,
                "Jane O'Neil-Roe".to_string(),
                Some("Chief Financial Officer".to_string())
            ))
        );
        assert_eq!(
            h("Q - TOM VALE, Analyst, Brook & Co"),
            Some((
                Some('Q'),
                "Tom Vale".to_string(),
                Some("Analyst, Brook & Co".to_string())
            ))
        );
        assert!(h("OPERATOR").is_some());
        assert_eq!(h("FORWARD-LOOKING STATEMENTS"), None, "a heading, once");
        assert_eq!(h("THANK YOU, EVERYONE."), None);
        assert_eq!(h("Jane Roe, Chief Financial Officer"), None, "not capitals");
    }
}
