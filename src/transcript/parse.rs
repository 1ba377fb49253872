//! The transcript parser: lines in, [`Transcript`] out.
//!
//! Two header styles are read: the bilingual files' `Name - Title` written twice, and the
//! common English-only `Name -- Title` written once (with blank lines between paragraphs and
//! optional `Prepared Remarks:` / `Questions and Answers:` / `Call participants:` markers).
//! Inside a turn, English and Chinese lines are paired one by one; a missing or extra line
//! damages only its own paragraph because each line is classified by script, not position.

use std::collections::{HashMap, HashSet};

use super::layouts;
use super::model::{Flag, Layout, Paragraph, Role, Section, Speaker, Transcript, Turn};
use super::roles;
use crate::text::{cjk_fraction, clean_line, latin_words, script::cjk_count};

/// Why a text could not be read as a transcript.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// The text has lines, but none is a paragraph (only headers or the notice).
    #[error("no transcript paragraphs found (only headers or notices)")]
    NoParagraphs,
}

/// Parses decoded text into a transcript. `source` is recorded as given. The layout is
/// detected ([`Layout`]); a file of no known layout is read as paragraphs of one unknown
/// speaker, with a warning.
pub fn parse(text: &str, source: &str) -> Result<Transcript, ParseError> {
    if let Some(b) = layouts::json(text) {
        let bilingual = b
            .turns
            .iter()
            .any(|(_, _, lines)| lines.iter().any(|(_, l)| cjk_count(l) > 0));
        return b.finish(source, bilingual, Layout::Json);
    }
    let lines: Vec<(usize, std::borrow::Cow<'_, str>)> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, clean_line(l)))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let bilingual = lines.iter().any(|(_, l)| cjk_count(l) > 0);
    let participants = listed_participants(&lines);

    // Exact lines seen as doubled headers: a later single copy (its twin lost) still counts.
    let mut known_headers: HashSet<&str> = HashSet::new();
    for w in lines.windows(2) {
        if w[0].1 == w[1].1 && split_header(&w[0].1, " - ").is_some() {
            known_headers.insert(&w[0].1);
        }
    }
    let dash_headers = lines
        .iter()
        .filter(|(_, l)| plausible_dash_header(l, &participants).is_some())
        .count();
    let layout = if !known_headers.is_empty() {
        Layout::Interleaved
    } else {
        layouts::detect(&lines, dash_headers)
    };
    let b = match layout {
        Layout::Interleaved | Layout::Dash => {
            read_headers(&lines, &known_headers, &participants, dash_headers > 0)
        }
        Layout::Colon => layouts::colon(&lines),
        Layout::NameLine => layouts::name_line(&lines),
        Layout::Capitals => layouts::capitals(&lines),
        Layout::Json | Layout::Unknown => layouts::plain(&lines),
    };
    b.finish(source, bilingual, layout)
}

/// The bundled bilingual layout (headers written twice) and the English `Name -- Title`
/// layout (`dash_style`: headers written once).
fn read_headers(
    lines: &[(usize, std::borrow::Cow<'_, str>)],
    known_headers: &HashSet<&str>,
    participants: &HashSet<&str>,
    dash_style: bool,
) -> Builder {
    let mut b = Builder::default();
    let mut i = 0;
    while i < lines.len() {
        let (line_no, line) = (&lines[i].0, lines[i].1.as_ref());
        i += 1;
        if b.notice.is_none() && is_notice(line) {
            b.notice = Some(line.to_string());
            continue;
        }
        if let Some(marker) = section_marker(line) {
            b.marker(marker);
            continue;
        }
        // "Duration: 70 minutes" after the operator's sign-off: the source's note on the
        // call, not words said in it.
        if is_duration(line) {
            continue;
        }
        let doubled = lines.get(i).is_some_and(|(_, next)| next == line);
        let header = if doubled || known_headers.contains(line) {
            split_header(line, " - ")
        } else if dash_style {
            plausible_dash_header(line, participants)
                .or_else(|| (line == "Operator").then_some((line, None)))
                // "Unknown speaker" on its own line: a turn whose speaker the source did not
                // name.
                .or_else(|| {
                    matches!(
                        line.to_ascii_lowercase().as_str(),
                        "unknown speaker" | "unidentified speaker" | "unidentified participant"
                    )
                    .then_some((line, None))
                })
        } else {
            None
        };
        match header {
            Some((name, title)) => {
                if doubled {
                    i += 1;
                }
                if b.in_participants && !doubled {
                    b.declare(name, title);
                } else {
                    b.start_turn(name, title, *line_no);
                }
            }
            None => {
                b.line(*line_no, line);
            }
        }
    }
    b
}

/// The names a participants list declares (`Call participants:` followed by `Name -- Title`
/// lines): a header naming one of them is accepted whatever its title looks like.
fn listed_participants<'a>(lines: &'a [(usize, std::borrow::Cow<'_, str>)]) -> HashSet<&'a str> {
    let mut names = HashSet::new();
    let mut in_list = false;
    for (_, line) in lines {
        if let Some(m) = section_marker(line) {
            in_list = m == Marker::Participants;
            continue;
        }
        if !in_list {
            continue;
        }
        match dash_header(line).or_else(|| split_header(line, " - ")) {
            Some((name, _)) if !starts_like_a_sentence(name) => {
                names.insert(name);
            }
            _ => in_list = false,
        }
    }
    names
}

/// Words that begin sentences, never names: "So -- and it was really --", "You're -- versus
/// ...", "We -- this is what ..." are speech with a dash in it, not speaker headers.
const SENTENCE_WORDS: &[&str] = &[
    "a",
    "absolutely",
    "actually",
    "again",
    "ah",
    "all",
    "also",
    "and",
    "anyway",
    "as",
    "at",
    "both",
    "but",
    "correct",
    "exactly",
    "fair",
    "fine",
    "first",
    "for",
    "good",
    "great",
    "he",
    "hello",
    "hey",
    "hi",
    "how",
    "i",
    "i'd",
    "i'll",
    "i'm",
    "i've",
    "if",
    "in",
    "is",
    "it",
    "it's",
    "just",
    "let",
    "look",
    "maybe",
    "my",
    "no",
    "not",
    "now",
    "oh",
    "ok",
    "okay",
    "on",
    "one",
    "or",
    "our",
    "perfect",
    "right",
    "she",
    "size",
    "so",
    "sorry",
    "sure",
    "thank",
    "thanks",
    "that",
    "that's",
    "the",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "they're",
    "this",
    "those",
    "to",
    "um",
    "uh",
    "we",
    "we'd",
    "we'll",
    "we're",
    "we've",
    "well",
    "what",
    "what's",
    "when",
    "where",
    "which",
    "who",
    "why",
    "with",
    "yeah",
    "yep",
    "yes",
    "you",
    "you'd",
    "you'll",
    "you're",
    "you've",
    "your",
];

/// True when a would-be name starts with a word that starts sentences ("So", "You're",
/// "Yeah. That's"); an initial ("A. William Higgins") is no such word.
pub(super) fn starts_like_a_sentence(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    let bare = first
        .trim_end_matches(['.', ','])
        .replace('’', "'")
        .to_lowercase();
    let initial = first.ends_with('.') && bare.chars().count() == 1;
    !initial && SENTENCE_WORDS.contains(&bare.as_str())
}

/// A title as a header writes it: not a sentence ("and it was really --", "versus …",
/// "I'd say both."): at most fifteen words, no question or exclamation mark, not ending in a
/// dash or an ellipsis, and a final period only after an abbreviation ("Acme Inc.").
fn plausible_title(title: &str) -> bool {
    let t = title.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() || words.len() > 15 || t.contains(['?', '!']) {
        return false;
    }
    if t.ends_with(['-', '—', '–', '…', ',', ';', ':']) || t.ends_with("..") {
        return false;
    }
    let last = words[words.len() - 1];
    if last.ends_with('.') {
        let capital = last.chars().next().is_some_and(char::is_uppercase);
        if !capital || last.chars().count() > 5 {
            return false;
        }
    }
    true
}

/// A `Name -- Title` header written once, when it is plausible: a name in the participants
/// list, or a name that does not start like a sentence with a title that is not one. A
/// one-word name ("Eddie -- Analyst") needs a title that starts with a capital.
pub(super) fn plausible_dash_header<'a>(
    line: &'a str,
    participants: &HashSet<&str>,
) -> Option<(&'a str, Option<&'a str>)> {
    let (name, title) = dash_header(line)?;
    if participants.contains(name) {
        return Some((name, title));
    }
    if starts_like_a_sentence(name) {
        return None;
    }
    let title_text = title.unwrap_or("");
    let capital = title_text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let one_word = name.split_whitespace().count() == 1;
    (plausible_title(title_text) && (capital || !one_word)).then_some((name, title))
}

/// Markers of the English-only style; they are structure, not paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Marker {
    Prepared,
    Qa,
    /// A list of participants (`Name -- Title` lines) follows.
    Participants,
    /// A list of analysts (`Name - Firm` lines) follows.
    Analysts,
}

/// "Duration: 70 minutes": the length of the call, as transcript sources note it.
fn is_duration(line: &str) -> bool {
    let Some(rest) = line
        .get(..9)
        .filter(|head| head.eq_ignore_ascii_case("duration:"))
        .map(|_| line[9..].trim())
    else {
        return false;
    };
    let mut words = rest.split_whitespace();
    words
        .next()
        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
        && words
            .next()
            .is_some_and(|u| u.eq_ignore_ascii_case("minutes") || u.eq_ignore_ascii_case("minute"))
        && words.next().is_none()
}

/// A line that marks a part of the call or a list of participants.
pub(super) fn section_marker(line: &str) -> Option<Marker> {
    // The longest marker has 37 characters: a paragraph is rejected without a copy.
    if line.len() > 48 {
        return None;
    }
    let l = line.trim_end_matches(':').trim().to_ascii_lowercase();
    match l.as_str() {
        "prepared remarks" | "presentation" | "management discussion section" => {
            Some(Marker::Prepared)
        }
        "questions and answers"
        | "questions & answers"
        | "question-and-answer session"
        | "question and answer session"
        | "question and answer section"
        | "questions and answers section"
        | "q&a" => Some(Marker::Qa),
        "call participants"
        | "participants"
        | "corporate participants"
        | "company participants"
        | "executives"
        | "conference call participants" => Some(Marker::Participants),
        "analysts" => Some(Marker::Analysts),
        _ => None,
    }
}

/// The translation notice: "使用警語:中文譯文來源為 Google 翻譯,僅供參考,...".
pub(super) fn is_notice(line: &str) -> bool {
    line.starts_with("使用警語") || (line.contains("Google 翻譯") && line.contains("僅供參考"))
}

/// `Name -- Title` (or with an em dash), written once.
fn dash_header(line: &str) -> Option<(&str, Option<&str>)> {
    // One pass for a dash (ASCII, or the lead byte of an em or en dash) before three searches.
    if line.len() > 640 || !line.bytes().any(|b| b == b'-' || b == 0xE2) {
        return None;
    }
    let sep = [" -- ", " — ", " – "]
        .into_iter()
        .find(|s| line.contains(s))?;
    let (name, title) = split_header(line, sep)?;
    title.map(|t| (name, Some(t)))
}

/// Splits a line that looks like a speaker header into name and title.
pub(super) fn split_header<'a>(line: &'a str, sep: &str) -> Option<(&'a str, Option<&'a str>)> {
    if line.chars().count() > 160 || cjk_count(line) > 0 || line.starts_with('(') {
        return None;
    }
    let (name, title) = match line.split_once(sep) {
        Some((n, t)) => (n.trim(), Some(t.trim()).filter(|t| !t.is_empty())),
        None => (line.trim(), None),
    };
    looks_like_name(name).then_some((name, title))
}

const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "del", "della", "la", "le", "du", "bin", "al",
    "el", "dos", "das", "y",
];

/// A person's name (or "Operator", "Unidentified Participant 2"): one to six words, each
/// capitalised, a particle, or a trailing number; no sentence punctuation.
pub(super) fn looks_like_name(name: &str) -> bool {
    // Six words of a name fit in 120 bytes: a sentence is rejected without splitting it.
    if name.len() > 120 {
        return false;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || name.ends_with(['?', '!', ',', ';', ':']) {
        return false;
    }
    if let Some(last) = words.last().filter(|_| name.ends_with('.')) {
        // "Jr." or an initial may end a name; "Yes." or "Operator." may not.
        if words.len() < 2 || last.len() > 3 {
            return false;
        }
    }
    words.iter().enumerate().all(|(i, w)| {
        let first = w.chars().next().unwrap_or(' ');
        let valid_chars = w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'));
        (valid_chars && (first.is_uppercase() || NAME_PARTICLES.contains(w)))
            || (i == words.len() - 1 && i > 0 && w.chars().all(|c| c.is_ascii_digit()))
    })
}
/// True when `zh` is essentially a copy of `en`: the same text, or a long paragraph whose
/// "translation" shares at least 80% of its English words both ways and is less than a
/// fifth Chinese.
/// Short name-only lines ("Pat Walravens, Citizens JMP." / "Pat Walravens,公民 JMP。") are
/// translations, not copies: the word test needs six English words.
pub fn is_untranslated(en: &str, zh: &str) -> bool {
    if en == zh {
        return !latin_words(en).is_empty();
    }
    // Cheap exit first: a real translation is mostly Chinese.
    if cjk_fraction(zh) >= 0.2 {
        return false;
    }
    let en_words = latin_words(en);
    if en_words.len() < 6 {
        return false;
    }
    let mut pool: HashMap<&str, usize> = HashMap::new();
    for w in &en_words {
        *pool.entry(w.as_str()).or_default() += 1;
    }
    let zh_words = latin_words(zh);
    let mut kept = 0;
    for w in &zh_words {
        if let Some(n) = pool.get_mut(w.as_str()).filter(|n| **n > 0) {
            *n -= 1;
            kept += 1;
        }
    }
    // Both ways: a different English paragraph that happens to share most words of a short
    // one is not a copy of it.
    kept * 5 >= en_words.len() * 4 && kept * 5 >= zh_words.len() * 4
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    En,
    /// Mostly Latin with some CJK: a translation that kept names, or English with a CJK word.
    Mixed,
    Zh,
}

fn script(line: &str) -> Script {
    script_of(cjk_fraction(line))
}

fn script_of(f: f32) -> Script {
    if f == 0.0 {
        Script::En
    } else if f < 0.25 {
        Script::Mixed
    } else {
        Script::Zh
    }
}

/// Pairs a turn's content lines into paragraphs.
fn pair_lines(lines: &[(usize, String)], bilingual: bool) -> Vec<Paragraph> {
    let mut out = Vec::with_capacity(lines.len() / 2 + 1);
    let fractions: Vec<f32> = lines.iter().map(|(_, l)| cjk_fraction(l)).collect();
    let script = |i: usize| script_of(fractions[i]);
    let mut i = 0;
    while i < lines.len() {
        let (line, text) = &lines[i];
        let kind = script(i);
        i += 1;
        if kind == Script::Zh {
            out.push(Paragraph {
                en: None,
                zh: Some(text.clone()),
                line: *line,
                zh_line: Some(*line),
                flags: vec![Flag::MissingEnglish],
                zh2: None,
            });
            continue;
        }
        let mut para = Paragraph {
            en: Some(text.clone()),
            line: *line,
            ..Default::default()
        };
        if let Some((zh_line, next)) = lines.get(i) {
            let next_kind = script(i);
            // An English line repeated as its own "translation": only in a translated file.
            let copy = bilingual && next_kind != Script::Zh && is_untranslated(text, next);
            // A barely-Chinese line followed by a Chinese one is the next English paragraph,
            // and this paragraph lost its translation.
            let next_is_english = next_kind == Script::Mixed
                && fractions[i] < 0.1
                && i + 1 < lines.len()
                && script(i + 1) == Script::Zh;
            let translation =
                copy || next_kind == Script::Zh || (next_kind == Script::Mixed && !next_is_english);
            if translation {
                para.zh = Some(next.clone());
                para.zh_line = Some(*zh_line);
                if copy {
                    para.flags.push(Flag::Untranslated);
                }
                i += 1;
            }
        }
        if para.zh.is_none() && bilingual {
            para.flags.push(Flag::MissingTranslation);
        }
        out.push(para);
    }
    out
}

/// A turn before pairing: speaker, header line, content lines with their numbers.
pub(super) type RawTurn = (usize, usize, Vec<(usize, String)>);

/// A transcript being read: the layouts call it header by header and line by line.
#[derive(Default)]
pub(super) struct Builder {
    pub(super) notice: Option<String>,
    /// Lines before the first speaker header.
    before_first: Vec<(usize, String)>,
    speakers: Vec<Speaker>,
    by_name: HashMap<String, usize>,
    /// Turns with their raw content lines, paired at the end.
    pub(super) turns: Vec<RawTurn>,
    pub(super) content: Vec<(usize, String)>,
    pub(super) qa_marker_turn: Option<usize>,
    pub(super) in_participants: bool,
    /// The list being read names analysts: its titles are firms.
    in_analysts: bool,
}

impl Builder {
    fn flush(&mut self) {
        let content = std::mem::take(&mut self.content);
        match self.turns.last_mut() {
            Some(turn) => turn.2.extend(content),
            None => self.before_first.extend(content),
        }
    }

    fn speaker(&mut self, name: &str, title: Option<&str>) -> usize {
        // "John Glass -- Morgan Stanley -- Analyst": the firm, then the title.
        let (firm, title) = match title.and_then(|t| {
            [" -- ", " — ", " – "]
                .into_iter()
                .find_map(|sep| t.rsplit_once(sep))
        }) {
            Some((firm, title)) => (Some(firm.trim()), Some(title.trim())),
            None => (None, title),
        };
        if let Some(&i) = self.by_name.get(name) {
            if self.speakers[i].title.is_none() {
                self.speakers[i].title = title.map(str::to_string);
            }
            if self.speakers[i].firm.is_none() {
                self.speakers[i].firm = firm.map(str::to_string);
            }
            return i;
        }
        self.speakers.push(Speaker {
            name: name.to_string(),
            title: title.map(str::to_string),
            role: Role::Unknown,
            firm: firm.map(str::to_string),
            firm_zh: None,
        });
        self.by_name
            .insert(name.to_string(), self.speakers.len() - 1);
        self.speakers.len() - 1
    }

    /// A participant from a list: known by name before speaking.
    pub(super) fn declare(&mut self, name: &str, title: Option<&str>) {
        self.flush();
        if self.in_analysts {
            let i = self.speaker(name, Some("Analyst"));
            if self.speakers[i].firm.is_none() {
                self.speakers[i].firm = title.map(str::to_string);
            }
        } else {
            self.speaker(name, title);
        }
    }

    /// True when a list declared this name.
    pub(super) fn is_declared(&self, name: &str) -> bool {
        self.by_name.contains_key(name)
    }

    /// True when no speaker has a turn yet.
    pub(super) fn no_turns(&self) -> bool {
        self.turns.is_empty()
    }

    /// A new turn of `name`, from the header at `line`.
    pub(super) fn start_turn(&mut self, name: &str, title: Option<&str>, line: usize) {
        self.flush();
        self.in_participants = false;
        self.in_analysts = false;
        let speaker = self.speaker(name, title);
        self.turns.push((speaker, line, Vec::new()));
    }

    /// A section or list marker.
    pub(super) fn marker(&mut self, marker: Marker) {
        self.flush();
        self.in_participants = matches!(marker, Marker::Participants | Marker::Analysts);
        self.in_analysts = marker == Marker::Analysts;
        if marker == Marker::Qa && self.qa_marker_turn.is_none() {
            self.qa_marker_turn = Some(self.turns.len());
        }
    }

    /// A line of text of the current turn (or before the first).
    pub(super) fn line(&mut self, line: usize, text: &str) {
        self.in_participants = false;
        self.in_analysts = false;
        self.content.push((line, text.to_string()));
    }

    pub(super) fn finish(
        mut self,
        source: &str,
        bilingual: bool,
        layout: Layout,
    ) -> Result<Transcript, ParseError> {
        self.flush();
        let (mut summary_zh, mut preamble) = (Vec::new(), Vec::new());
        // No speaker headers at all: keep every line readable as one turn of a speaker whose
        // role nobody knows.
        let mut nobody = None;
        let mut layout = layout;
        let mut warnings = Vec::new();
        if self.turns.is_empty() && !self.before_first.is_empty() {
            layout = Layout::Unknown;
            warnings.push(format!(
                "{source}: layout not recognised (no speaker headers); read as paragraphs of one unknown speaker"
            ));
            let speaker = self.speaker("Unknown speaker", None);
            nobody = Some(speaker);
            let content = std::mem::take(&mut self.before_first);
            self.turns.push((speaker, content[0].0, content));
        }
        for (_, l) in self.before_first {
            if script(&l) == Script::Zh {
                summary_zh.push(l);
            } else {
                preamble.push(l);
            }
        }
        // A file is read as a translation only when its paragraphs have Chinese lines: a summary
        // or a notice in Chinese does not make one English paragraph another's "translation".
        let bilingual = bilingual
            && self
                .turns
                .iter()
                .any(|(_, _, lines)| lines.iter().any(|(_, l)| script(l) == Script::Zh));
        let turns: Vec<Turn> = self
            .turns
            .into_iter()
            .map(|(speaker, header_line, lines)| Turn {
                speaker,
                section: Section::Prepared,
                paragraphs: pair_lines(&lines, bilingual),
                header_line,
            })
            .collect();
        if turns.iter().all(|t| t.paragraphs.is_empty()) {
            return Err(ParseError::NoParagraphs);
        }
        let mut transcript = Transcript {
            source: source.to_string(),
            summary_zh,
            notice: self.notice,
            speakers: self.speakers,
            turns,
            preamble,
            bilingual,
            content_hash: 0,
            warnings,
            second: None,
            layout,
        };
        roles::infer(&mut transcript, self.qa_marker_turn);
        if let Some(s) = nobody {
            transcript.speakers[s].role = Role::Unknown;
        }
        Ok(transcript)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for ok in [
            "Operator",
            "Meta A. Marshall",
            "Unidentified Participant 2",
            "Jackson Ader",
            "Ludwig van Beethoven",
            "John Smith Jr.",
        ] {
            assert!(looks_like_name(ok), "{ok}");
        }
        for bad in [
            "Yes.",
            "Thanks.",
            "Operator.",
            "Great, thanks",
            "Q3 2024",
            "So what about that question from Jackson",
        ] {
            assert!(!looks_like_name(bad), "{bad}");
        }
    }

    #[test]
    fn headers_with_dashes_in_titles() {
        let h = split_header(
            "Bryan Vaniman - Senior Vice President - Investor Relations & Corporate Development",
            " - ",
        );
        assert_eq!(
            h,
            Some((
                "Bryan Vaniman",
                Some("Senior Vice President - Investor Relations & Corporate Development")
            ))
        );
        assert_eq!(
            dash_header("Eric Yuan -- Founder and Chief Executive Officer"),
            Some(("Eric Yuan", Some("Founder and Chief Executive Officer")))
        );
        assert_eq!(dash_header("Revenue grew -- as we said -- 3%."), None);
    }

    #[test]
    fn speech_with_a_dash_is_no_header() {
        let none = HashSet::new();
        for speech in [
            "So -- and it was really --",
            "You're -- versus what we had planned …",
            "We -- this is what we said in March.",
            "Yeah. That's -- the margin we guided.",
            "Both -- I'd say both.",
            "Mostly -- sorry, go on.",
            "Fair Enough -- would you say so?",
        ] {
            assert_eq!(plausible_dash_header(speech, &none), None, "{speech}");
        }
        for header in [
            "Priya Natarajan -- Chief Financial Officer",
            "A. Rowan Tull -- Chief Operating Officer",
            "Tomas Erlig -- Quarry Partners -- Analyst",
            "Otto -- Analyst",
            "Lena K. Moor -- chief executive officer",
            "Dana Quill -- Fennick & Co.",
        ] {
            assert!(plausible_dash_header(header, &none).is_some(), "{header}");
        }
        // A name the participants list declares is a header whatever its title says.
        let listed = HashSet::from(["Well"]);
        assert!(plausible_dash_header("Well -- sorry.", &listed).is_some());
    }

    #[test]
    fn a_rejected_header_stays_speech_of_the_turn() {
        let text = "Operator\n\nOur first question comes from Ines Varga with Pellham.\n\n\
            Ines Varga -- Pellham -- Analyst\n\nHow is demand?\n\n\
            Marco Lind -- Chief Executive Officer\n\nIt is steady.\n\n\
            So -- and it was really -- steady in every region.\n\n\
            Operator\n\nThat concludes the call.\n";
        let t = parse(text, "t").unwrap();
        let names: Vec<&str> = t
            .turns
            .iter()
            .map(|tu| t.speakers[tu.speaker].name.as_str())
            .collect();
        assert_eq!(names, ["Operator", "Ines Varga", "Marco Lind", "Operator"]);
        let last = t.turns[2].paragraphs.last().and_then(|p| p.en.as_deref());
        assert_eq!(
            last,
            Some("So -- and it was really -- steady in every region.")
        );
    }

    #[test]
    fn untranslated_copies() {
        let en = "As we have said on prior calls, our plan remains to return $250 million to our investors from our operations.";
        let zh = "As we have said on prior calls, our plan remains to return $250 million to our investors from our營運.";
        assert!(is_untranslated(en, zh));
        assert!(!is_untranslated(
            "Pat Walravens, Citizens JMP.",
            "Pat Walravens,公民 JMP。"
        ));
        assert!(!is_untranslated("Thanks.", "謝謝。"));
        assert!(is_untranslated(
            "Thank you very much.",
            "Thank you very much."
        ));
        assert!(!is_untranslated(
            en,
            "正如我們在先前的電話會議上所說,我們的計劃仍然是從營運中向投資者返還 2.5 億美元。"
        ));
    }

    #[test]
    fn resynchronises_after_a_lost_translation() {
        let text = "Operator\nOperator\nOne two three.\n一二三。\nFour five six.\nSeven eight.\n七八。\nNine.\n九。\n";
        let t = parse(text, "t").unwrap();
        let p = &t.turns[0].paragraphs;
        assert_eq!(p.len(), 4);
        assert_eq!(p[1].en.as_deref(), Some("Four five six."));
        assert_eq!(p[1].flags, [Flag::MissingTranslation]);
        assert_eq!(
            (p[2].zh.as_deref(), p[2].zh_line),
            (Some("七八。"), Some(7))
        );
        assert!(p[3].flags.is_empty());
    }

    #[test]
    fn repeated_sentences_are_not_headers() {
        let t = parse("Operator\nOperator\nYes.\nYes.\nThanks.\n謝謝。\n", "t").unwrap();
        assert_eq!(t.turns.len(), 1);
        assert_eq!(t.turns[0].paragraphs[0].flags, [Flag::Untranslated]);
    }

    #[test]
    fn only_headers_is_an_error() {
        assert_eq!(
            parse("Operator\nOperator\n", "t").unwrap_err(),
            ParseError::NoParagraphs
        );
    }
}
