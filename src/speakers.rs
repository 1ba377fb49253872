//! Participants and the Q&A map: who spoke how much, and which analyst asked what of whom.

use serde::Serialize;

use crate::transcript::{Role, Section, Transcript};

/// One participant with how much they spoke (the `callread speakers --json` row).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participant {
    /// Index into the transcript's speakers.
    #[serde(skip)]
    pub speaker: usize,
    /// Name as in the header.
    pub name: String,
    /// Title, if the header has one.
    pub title: Option<String>,
    /// Role inferred from the call.
    pub role: Role,
    /// Firm from the operator's introduction.
    pub firm: Option<String>,
    /// The firm as the Chinese translation writes it.
    pub firm_zh: Option<String>,
    /// Number of turns.
    pub turns: usize,
    /// Number of English words spoken.
    pub words: usize,
    /// The first turn, for jumping.
    #[serde(skip)]
    pub first_turn: Option<usize>,
}

/// The participants, grouped: executives, analysts, the operator, then anyone unknown;
/// within a group in order of first appearance.
pub fn participants(t: &Transcript) -> Vec<Participant> {
    let mut out: Vec<Participant> = t
        .speakers
        .iter()
        .enumerate()
        .map(|(i, s)| Participant {
            speaker: i,
            name: s.name.clone(),
            title: s.title.clone(),
            role: s.role,
            firm: s.firm.clone(),
            firm_zh: s.firm_zh.clone(),
            turns: 0,
            words: 0,
            first_turn: None,
        })
        .collect();
    for (i, turn) in t.turns.iter().enumerate() {
        let p = &mut out[turn.speaker];
        p.turns += 1;
        p.first_turn.get_or_insert(i);
        p.words += turn
            .paragraphs
            .iter()
            .filter_map(|p| p.en.as_deref())
            .map(|en| en.split_whitespace().count())
            .sum::<usize>();
    }
    let rank = |r: Role| match r {
        Role::Executive => 0,
        Role::Analyst => 1,
        Role::Operator => 2,
        Role::Unknown => 3,
    };
    out.sort_by_key(|p| (rank(p.role), p.first_turn.unwrap_or(usize::MAX)));
    out
}

/// An analyst's question and who answered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// The turn in which the question is asked.
    pub turn: usize,
    /// The analyst (index into speakers).
    pub speaker: usize,
    /// Executives who spoke after it, before the next question or the operator.
    pub answered_by: Vec<usize>,
}

/// The questions of the call in order: an analyst's Q&A turn of some substance (a question
/// mark or at least eight words, so "Thanks." is not one) that executives answer with at least
/// ten words before the next analyst or the operator speaks ("Can you hear me?" / "Yes." is an
/// audio check, not a question).
pub fn questions(t: &Transcript) -> Vec<Question> {
    let role = |turn: usize| t.speakers[t.turns[turn].speaker].role;
    let mut out = Vec::new();
    for (i, turn) in t.turns.iter().enumerate() {
        if turn.section != Section::Qa || role(i) != Role::Analyst {
            continue;
        }
        let text: Vec<&str> = turn
            .paragraphs
            .iter()
            .filter_map(|p| p.en.as_deref())
            .collect();
        let words: usize = text.iter().map(|s| s.split_whitespace().count()).sum();
        let asks = text.iter().any(|s| s.contains('?'))
            || words >= 8
            || (text.is_empty() && !turn.paragraphs.is_empty());
        if !asks {
            continue;
        }
        let mut answered_by = Vec::new();
        let mut answer_words = 0;
        for j in i + 1..t.turns.len() {
            match role(j) {
                Role::Executive => {
                    if !answered_by.contains(&t.turns[j].speaker) {
                        answered_by.push(t.turns[j].speaker);
                    }
                    answer_words += t.turns[j]
                        .paragraphs
                        .iter()
                        .filter_map(|p| p.en.as_deref())
                        .map(|s| s.split_whitespace().count())
                        .sum::<usize>();
                }
                Role::Analyst | Role::Operator => break,
                Role::Unknown => {}
            }
        }
        if !answered_by.is_empty() && answer_words >= 10 {
            out.push(Question {
                turn: i,
                speaker: turn.speaker,
                answered_by,
            });
        }
    }
    out
}

/// The first `n` words of a turn in a language (Chinese: the first `2n` characters).
pub fn opening_words(t: &Transcript, turn: usize, zh: bool, n: usize) -> String {
    let p = t.turns[turn]
        .paragraphs
        .iter()
        .map(|p| p.text(zh))
        .find(|s| !s.is_empty())
        .unwrap_or("");
    if zh && p.chars().any(crate::text::is_cjk) {
        let s: String = p.chars().take(2 * n).collect();
        if s.len() < p.len() {
            format!("{s}…")
        } else {
            s
        }
    } else {
        let words: Vec<&str> = p.split_whitespace().collect();
        let s = words[..words.len().min(n)].join(" ");
        if words.len() > n {
            format!("{s}…")
        } else {
            s
        }
    }
}

/// The label of a speaker divider: "Kelly Steckelberg · Chief Financial Officer",
/// "Meta A. Marshall · VP · Morgan Stanley 摩根士丹利".
pub fn speaker_label(t: &Transcript, turn: usize) -> String {
    let s = &t.speakers[t.turns[turn].speaker];
    let mut label = s.name.clone();
    match (&s.title, s.role) {
        (Some(title), _) => label.push_str(&format!(" · {title}")),
        (None, crate::transcript::Role::Operator) => {}
        (None, role) => label.push_str(&format!(" · {}", role.label())),
    }
    if let Some(firm) = &s.firm {
        label.push_str(&format!(" · {firm}"));
        if let Some(zh) = s.firm_zh.as_ref().filter(|zh| *zh != firm) {
            label.push_str(&format!(" {zh}"));
        }
    }
    label
}
