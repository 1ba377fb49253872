//! One open transcript with its own reading position, layout, findings and bookmarks.

use std::cell::OnceCell;

use super::DocLayout;
use crate::check::terms::Term;
use crate::speakers::{Participant, Question};
use crate::transcript::{Paragraph, Transcript, Turn};

/// One open transcript with its own reading position.
#[derive(Debug)]
pub struct Doc {
    /// The transcript.
    pub transcript: Transcript,
    /// For each paragraph pair (flat index): (turn index, paragraph index in the turn).
    pub index: Vec<(usize, usize)>,
    /// The current paragraph pair.
    pub cursor: usize,
    /// The first row shown.
    pub scroll: usize,
    /// The layout for the current width and mode, if computed.
    pub layout: Option<DocLayout>,
    /// The company, for the picker and the status bar.
    pub company: Option<String>,
    /// The call's quarter ("Q2 FY2025"), for the picker; read on first use.
    period: OnceCell<Option<String>>,
    /// The participants panel's rows ([`crate::speakers::participants`]); read on first use.
    participants: OnceCell<Vec<Participant>>,
    /// The Q&A map's questions ([`crate::speakers::questions`]); read on first use.
    questions: OnceCell<Vec<Question>>,
    /// The text a `/` filter searches in each participant and each question; built on first use.
    participant_texts: OnceCell<Vec<String>>,
    question_texts: OnceCell<Vec<String>>,
    /// The call's names and terms ([`crate::check::terms::terms`]); read on first use.
    terms: OnceCell<Vec<Term>>,
    /// Where its two translations disagree (`--compare`), computed on first use.
    differences: OnceCell<Vec<crate::compare::Disagreement>>,
    /// The second translation's own findings, computed on first use.
    second_findings: OnceCell<Vec<crate::check::Finding>>,
    /// Show only this speaker's turns (index into the transcript's speakers).
    pub filter: Option<usize>,
    /// Translation findings, computed when the transcript is first shown.
    pub findings: Option<Vec<crate::check::Finding>>,
    /// Guidance figures, computed when the transcript is first shown.
    pub guidance: Option<Vec<crate::guidance::GuidanceFigure>>,
    /// The key of its saved state (content hash).
    pub key: String,
    /// Its bookmarks, by paragraph.
    pub bookmarks: Vec<crate::state::Bookmark>,
    /// The cursor last saved, to save only what moved.
    pub saved_cursor: Option<usize>,
    /// Keys of the findings dismissed in the reader (not counted, marked or walked).
    pub dismissed: Vec<String>,
    /// Findings and guidance being computed on another thread (large transcripts).
    analysis: Option<std::sync::mpsc::Receiver<Analysis>>,
    /// The status bar has said this call has no translation (it says so once).
    pub told_untranslated: bool,
}

/// A transcript's translation findings and guidance figures.
type Analysis = (
    Vec<crate::check::Finding>,
    Vec<crate::guidance::GuidanceFigure>,
    Compared,
);

/// With a second translation (`--compare`): where the two disagree, and the second's own
/// findings. Empty without one.
type Compared = (
    Vec<crate::compare::Disagreement>,
    Vec<crate::check::Finding>,
);

/// Everything the reader shows about a call that takes reading it: computed at once or on
/// another thread ([`Doc::analyse`]).
fn analysis_of(t: &Transcript) -> Analysis {
    let compared = if t.second.is_some() {
        (
            crate::compare::compare_attached(t),
            crate::compare::second_findings(t),
        )
    } else {
        Default::default()
    };
    (
        crate::check::check(t),
        crate::guidance::extract(t),
        compared,
    )
}

/// Transcripts with more paragraph pairs than this (a call has a few hundred) are checked on
/// another thread and laid out a step at a time: their first screen does not wait.
pub const LARGE_DOC_PAIRS: usize = 20_000;

/// Pairs laid out per step of a large transcript's layout.
pub const LAYOUT_STEP: usize = 4_000;

impl Doc {
    /// Wraps a transcript, positioned at its first paragraph.
    pub fn new(transcript: Transcript) -> Self {
        let index = transcript
            .turns
            .iter()
            .enumerate()
            .flat_map(|(t, turn)| (0..turn.paragraphs.len()).map(move |p| (t, p)))
            .collect();
        let company = transcript.company();
        let key = crate::state::key(transcript.content_hash);
        Doc {
            transcript,
            index,
            cursor: 0,
            scroll: 0,
            layout: None,
            company,
            period: OnceCell::new(),
            participants: OnceCell::new(),
            questions: OnceCell::new(),
            participant_texts: OnceCell::new(),
            question_texts: OnceCell::new(),
            terms: OnceCell::new(),
            differences: OnceCell::new(),
            second_findings: OnceCell::new(),
            filter: None,
            findings: None,
            guidance: None,
            key,
            bookmarks: Vec::new(),
            // Nothing to save for a transcript still at its start.
            saved_cursor: Some(0),
            dismissed: Vec::new(),
            analysis: None,
            told_untranslated: false,
        }
    }

    /// True for a transcript too large to check and lay out before its first screen.
    pub fn is_large(&self) -> bool {
        self.index.len() > LARGE_DOC_PAIRS
    }

    /// Computes findings and guidance: at once for a call, on another thread for a large
    /// transcript or when `background` (collected by [`Doc::poll_analysis`]).
    pub fn analyse(&mut self, background: bool) {
        if self.findings.is_some() || self.analysis.is_some() {
            return;
        }
        if !self.is_large() && !background {
            let analysis = analysis_of(&self.transcript);
            self.take_analysis(analysis);
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let t = self.transcript.clone();
        std::thread::spawn(move || {
            let _ = tx.send(analysis_of(&t));
        });
        self.analysis = Some(rx);
    }

    /// Keeps what [`analysis_of`] computed.
    fn take_analysis(&mut self, (findings, guidance, (differences, second)): Analysis) {
        self.findings = Some(findings);
        self.guidance = Some(guidance);
        let _ = self.differences.set(differences);
        let _ = self.second_findings.set(second);
    }

    /// True while findings and guidance are being computed on another thread.
    pub fn analysing(&self) -> bool {
        self.analysis.is_some()
    }

    /// Takes the other thread's findings and guidance if they are ready. True when they came.
    pub fn poll_analysis(&mut self) -> bool {
        let Some(rx) = &self.analysis else {
            return false;
        };
        match rx.try_recv() {
            Ok(analysis) => {
                self.take_analysis(analysis);
                self.analysis = None;
                true
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => false,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                // The thread died (it cannot panic on text, but never leave "checking…").
                self.findings = Some(Vec::new());
                self.guidance = Some(Vec::new());
                self.analysis = None;
                true
            }
        }
    }

    /// Extends a partial layout until pair `n` is laid out (or the layout is complete).
    pub fn lay_out_to(&mut self, n: usize) {
        if let Some(layout) = &mut self.layout {
            layout.extend_to(&self.transcript, n, LAYOUT_STEP);
        }
    }

    /// Paragraph pair `n` and its turn.
    pub fn paragraph(&self, n: usize) -> Option<(&Turn, &Paragraph)> {
        let &(t, p) = self.index.get(n)?;
        let turn = &self.transcript.turns[t];
        Some((turn, &turn.paragraphs[p]))
    }

    /// The findings about pair `n`.
    pub fn findings_at(&self, n: usize) -> impl Iterator<Item = &crate::check::Finding> {
        let all = self.findings.as_deref().unwrap_or(&[]);
        let start = all.partition_point(|f| f.paragraph < n);
        all[start..]
            .iter()
            .take_while(move |f| f.paragraph == n)
            .filter(|f| !self.is_dismissed(f))
    }

    /// True for a finding dismissed in the reader.
    pub fn is_dismissed(&self, f: &crate::check::Finding) -> bool {
        !self.dismissed.is_empty() && self.dismissed.contains(&f.key())
    }

    /// The findings not dismissed, in order.
    pub fn live_findings(&self) -> impl Iterator<Item = &crate::check::Finding> {
        self.findings
            .as_deref()
            .unwrap_or(&[])
            .iter()
            .filter(|f| !self.is_dismissed(f))
    }

    /// The turn of pair `n`.
    pub fn turn_of(&self, n: usize) -> usize {
        self.index.get(n).map_or(0, |&(t, _)| t)
    }

    /// The first pair of turn `t` (flat index).
    pub fn first_pair_of_turn(&self, t: usize) -> usize {
        self.index.partition_point(|&(turn, _)| turn < t)
    }

    /// Number of paragraph pairs.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// True when the transcript has no paragraphs (never for a parsed one).
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The company, or the file name when the call does not say.
    pub fn short_title(&self) -> &str {
        self.company
            .as_deref()
            .unwrap_or_else(|| self.transcript.file_name())
    }

    /// The call named for a list that spans calls: company and call period ("Waters, Q2
    /// FY2021 call", as bookmarks of calls not open are named), so two calls of one company are told apart; [`Doc::short_title`] when the
    /// period is not known.
    pub fn call_label(&self) -> String {
        match self.period() {
            Some(period) => format!("{}, {period} call", self.short_title()),
            None => self.short_title().to_string(),
        }
    }

    /// The gutter marks of pair `n`: a finding not dismissed (or a parse flag), a bookmark.
    pub fn marks(&self, n: usize) -> crate::app::layout::Marks {
        crate::app::layout::Marks {
            flagged: self.findings_at(n).next().is_some()
                || self.second_findings_at(n).next().is_some()
                || self.paragraph(n).is_some_and(|(_, p)| !p.flags.is_empty()),
            bookmarked: self.bookmarks.iter().any(|b| b.paragraph == n),
            differs: self.differences_at(n).next().is_some(),
        }
    }

    /// Where the transcript's two translations disagree, in reading order: empty without a
    /// second translation (`--compare`). Computed once per call.
    pub fn differences(&self) -> &[crate::compare::Disagreement] {
        // Being computed on the analysis thread: none yet (the frame does not wait).
        if self.analysing() {
            return self.differences.get().map_or(&[], Vec::as_slice);
        }
        self.differences
            .get_or_init(|| crate::compare::compare_attached(&self.transcript))
    }

    /// The second translation's own findings (`--compare`): the check run on it as if it
    /// were the file's translation. Empty without one; computed once per call.
    pub fn second_findings(&self) -> &[crate::check::Finding] {
        if self.analysing() {
            return self.second_findings.get().map_or(&[], Vec::as_slice);
        }
        self.second_findings
            .get_or_init(|| crate::compare::second_findings(&self.transcript))
    }

    /// The second translation's findings on pair `n`.
    pub fn second_findings_at(&self, n: usize) -> impl Iterator<Item = &crate::check::Finding> {
        let all = self.second_findings();
        let start = all.partition_point(|f| f.paragraph < n);
        all[start..].iter().take_while(move |f| f.paragraph == n)
    }

    /// The disagreements of pair `n`.
    pub fn differences_at(&self, n: usize) -> impl Iterator<Item = &crate::compare::Disagreement> {
        let all = self.differences();
        let start = all.partition_point(|d| d.paragraph < n);
        all[start..].iter().take_while(move |d| d.paragraph == n)
    }

    /// The call's quarter as the call names it ("Q2 FY2025"), if it does.
    pub fn period(&self) -> Option<&str> {
        self.period
            .get_or_init(|| crate::guidance::call_period(&self.transcript).label())
            .as_deref()
    }

    /// The name shown for this transcript: "Zoom · Q2 FY2025 · 000_28227caab299fe99.txt".
    pub fn title(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        parts.extend(self.company.as_deref());
        parts.extend(self.period());
        parts.push(self.transcript.file_name());
        parts.join(" · ")
    }

    /// The participants, grouped as [`crate::speakers::participants`] orders them (computed
    /// once per call: the transcript does not change while it is open).
    pub fn participants(&self) -> &[Participant] {
        self.participants
            .get_or_init(|| crate::speakers::participants(&self.transcript))
    }

    /// The call's analyst questions ([`crate::speakers::questions`]), computed once per call.
    pub fn questions(&self) -> &[Question] {
        self.questions
            .get_or_init(|| crate::speakers::questions(&self.transcript))
    }

    /// The call's names and terms ([`crate::check::terms::terms`]), computed once per call.
    pub fn terms(&self) -> &[Term] {
        self.terms
            .get_or_init(|| crate::check::terms::terms(&self.transcript))
    }

    /// What a `/` filter of the participants panel searches in each participant (in
    /// [`Doc::participants`] order): name, firm (both ways), title.
    pub fn participant_texts(&self) -> &[String] {
        self.participant_texts.get_or_init(|| {
            self.participants()
                .iter()
                .map(|p| {
                    [
                        Some(&p.name),
                        p.firm.as_ref(),
                        p.firm_zh.as_ref(),
                        p.title.as_ref(),
                    ]
                    .into_iter()
                    .flatten()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(" ")
                })
                .collect()
        })
    }

    /// What a `/` filter of the question list searches in each question (in
    /// [`Doc::questions`] order): its number, the analyst and firm, its opening words and who
    /// answered.
    pub fn question_texts(&self) -> &[String] {
        self.question_texts.get_or_init(|| {
            let t = &self.transcript;
            self.questions()
                .iter()
                .enumerate()
                .map(|(i, q)| {
                    let s = &t.speakers[q.speaker];
                    let answered: Vec<&str> = q
                        .answered_by
                        .iter()
                        .map(|&a| t.speakers[a].name.as_str())
                        .collect();
                    // The whole question, in both languages: a filter word may come late in
                    // it ("... anticipated any of that in your capex plans").
                    let words: Vec<&str> = t.turns[q.turn]
                        .paragraphs
                        .iter()
                        .flat_map(|p| [p.text(false), p.text(true)])
                        .filter(|s| !s.is_empty())
                        .collect();
                    format!(
                        "{} {} {} {} {}",
                        i + 1,
                        s.name,
                        s.firm.as_deref().unwrap_or(""),
                        words.join(" "),
                        answered.join(" ")
                    )
                })
                .collect()
        })
    }
}
