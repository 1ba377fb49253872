//! The transcript model. Serialises to the `callread dump --json` contract.

use serde::Serialize;

/// One parsed transcript.
#[derive(Debug, Clone, Serialize)]
pub struct Transcript {
    /// Where it came from: a path, or `bundled/<name>` for the embedded samples.
    pub source: String,
    /// Chinese-only summary paragraphs before the first speaker.
    pub summary_zh: Vec<String>,
    /// The translation notice (使用警語...), if the file has one.
    pub notice: Option<String>,
    /// Which layout the file was read as (see [`Layout`]).
    pub layout: Layout,
    /// Everyone who speaks, in order of first appearance.
    pub speakers: Vec<Speaker>,
    /// The turns, in order.
    pub turns: Vec<Turn>,
    /// English lines before the first speaker (titles of English-only transcripts).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<String>,
    /// True when the file's paragraphs have Chinese lines; English-only files (a Chinese
    /// summary or notice aside) flag nothing as missing or untranslated.
    #[serde(skip)]
    pub bilingual: bool,
    /// A hash of the file's bytes, to recognise a file that was renamed or moved.
    #[serde(skip)]
    pub content_hash: u64,
    /// Where a second translation shown beside the first came from (`--compare OTHER`):
    /// its paragraphs are in [`Paragraph::zh2`].
    #[serde(skip)]
    pub second: Option<String>,
    /// What reading the file repaired ("12 bytes not valid UTF-8, the first at byte 3,041"),
    /// for a warning: the rest of the file is read.
    #[serde(skip)]
    pub warnings: Vec<String>,
}

/// The layout a transcript file was written in, detected from its lines (no flag).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// The bundled bilingual files: a `Name - Title` header written twice, then English and
    /// Chinese lines alternating.
    Interleaved,
    /// English `Name -- Title` headers written once, blank lines between paragraphs.
    Dash,
    /// `Jane Roe: first paragraph …`, later paragraphs plain.
    Colon,
    /// A name on a line of its own, then the paragraphs; `Executives` / `Analysts` lists.
    NameLine,
    /// `JANE ROE, Chief Financial Officer` header lines; `Q - ` / `A - ` in the Q&A.
    Capitals,
    /// Speaker-turn JSON: `{"prepared_remarks": [{"speaker", "speech"}], "q_and_a": […]}`.
    Json,
    /// Not recognised: the paragraphs, under one unknown speaker.
    #[default]
    Unknown,
}

impl Layout {
    /// The name `dump` writes ("colon", "name_line").
    pub fn name(self) -> &'static str {
        match self {
            Layout::Interleaved => "interleaved",
            Layout::Dash => "dash",
            Layout::Colon => "colon",
            Layout::NameLine => "name_line",
            Layout::Capitals => "capitals",
            Layout::Json => "json",
            Layout::Unknown => "unknown",
        }
    }
}

/// A participant of the call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// The name as written in the speaker header.
    pub name: String,
    /// Everything after the first " - " (or " -- ") of the header, if anything.
    pub title: Option<String>,
    /// What the person is on the call, inferred from the whole call, not only the title.
    pub role: Role,
    /// The analyst's firm, from the operator's introduction.
    pub firm: Option<String>,
    /// The firm as the Chinese translation of the introduction writes it.
    pub firm_zh: Option<String>,
}

/// A participant's part in the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The conference operator.
    Operator,
    /// Someone from the company: management, investor relations.
    Executive,
    /// Someone asking questions, usually a sell-side analyst.
    Analyst,
    /// Not enough evidence either way.
    Unknown,
}

impl Role {
    /// A short English label.
    pub fn label(self) -> &'static str {
        match self {
            Role::Operator => "operator",
            Role::Executive => "executive",
            Role::Analyst => "analyst",
            Role::Unknown => "unknown",
        }
    }
}

/// Prepared remarks or questions and answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Before the operator introduces the first questioner.
    #[serde(rename = "prepared")]
    Prepared,
    /// From the first introduction of a questioner on.
    #[serde(rename = "qa")]
    Qa,
}

impl Section {
    /// The label the status bar shows.
    pub fn label(self) -> &'static str {
        match self {
            Section::Prepared => "Prepared",
            Section::Qa => "Q&A",
        }
    }
}

/// One speaker's uninterrupted turn.
#[derive(Debug, Clone, Serialize)]
pub struct Turn {
    /// Index into [`Transcript::speakers`].
    pub speaker: usize,
    /// Which part of the call the turn is in.
    pub section: Section,
    /// The turn's paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// 1-based line of the speaker header.
    #[serde(skip)]
    pub header_line: usize,
}

/// A language side of a paragraph pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// The English text.
    En,
    /// The Chinese text.
    Zh,
    /// A second translation, shown beside the first (`callread FILE --compare OTHER`).
    Zh2,
}

impl Lang {
    /// "en", "zh" or "zh2", as JSON writes it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
            Lang::Zh2 => "zh2",
        }
    }
}

/// An English paragraph and its translation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Paragraph {
    /// The English text, if any.
    pub en: Option<String>,
    /// The Chinese text, if any.
    pub zh: Option<String>,
    /// 1-based line of the English text, or of the Chinese when there is no English.
    pub line: usize,
    /// 1-based line of the Chinese text.
    pub zh_line: Option<usize>,
    /// What is wrong with the pair, if anything.
    pub flags: Vec<Flag>,
    /// A second translation of the English, from another file (`--compare`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zh2: Option<String>,
}

/// A defect of a paragraph pair found while parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// The "translation" is essentially the English text.
    Untranslated,
    /// An English paragraph with no Chinese line in a bilingual file.
    MissingTranslation,
    /// A Chinese line with no English paragraph before it.
    MissingEnglish,
}

impl Paragraph {
    /// One side's text, if the pair has it.
    pub fn side(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::En => self.en.as_deref(),
            Lang::Zh => self.zh.as_deref(),
            Lang::Zh2 => self.zh2.as_deref(),
        }
    }

    /// The paragraph's text in the preferred language, falling back to the other.
    pub fn text(&self, prefer_zh: bool) -> &str {
        let (a, b) = if prefer_zh {
            (&self.zh, &self.en)
        } else {
            (&self.en, &self.zh)
        };
        a.as_deref().or(b.as_deref()).unwrap_or("")
    }
}

impl Transcript {
    /// Number of paragraphs in all turns.
    pub fn paragraph_count(&self) -> usize {
        self.turns.iter().map(|t| t.paragraphs.len()).sum()
    }

    /// The file name part of [`Transcript::source`].
    pub fn file_name(&self) -> &str {
        self.source
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(&self.source)
    }

    /// The company the call is about, read from the opening lines ("welcome to Zoom's Q2
    /// FY25 earnings webinar", "Welcome to the Q2 2024 8x8, Inc. Earnings Conference Call"),
    /// or else from a title line before the first speaker ("Acme Tools (ACME) Q2 …").
    pub fn company(&self) -> Option<String> {
        let opening = self
            .turns
            .iter()
            .take(3)
            .flat_map(|t| &t.paragraphs)
            .take(4);
        opening
            .filter_map(|p| p.en.as_deref())
            .find_map(super::roles::company_from_welcome)
            .or_else(|| {
                self.preamble
                    .iter()
                    .take(3)
                    .find_map(|l| super::roles::company_from_title(l))
            })
    }

    /// Iterates over all paragraphs with their turn index.
    pub fn paragraphs(&self) -> impl Iterator<Item = (usize, &Paragraph)> {
        self.turns
            .iter()
            .enumerate()
            .flat_map(|(i, t)| t.paragraphs.iter().map(move |p| (i, p)))
    }
}
