//! Bookmarks, notes and guidance as Markdown or JSON (`callread export`).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::ExportFormat;

use super::{json_text, load_all, warn};
use crate::transcript::Transcript;

/// Runs the subcommand.
pub fn run(paths: &[PathBuf], format: ExportFormat) -> Result<ExitCode> {
    let transcripts = load_all(paths)?;
    super::tell_untranslated(&transcripts, "bookmarks and guidance without Chinese");
    // Read only: export never moves or locks the state file.
    let store = crate::state::state_dir().map(|d| {
        let (state, warning) = crate::state::Store::peek(&d);
        if let Some(w) = warning {
            warn(&w);
        }
        state
    });
    let mut texts = Vec::new();
    for t in &transcripts {
        let saved = store
            .as_ref()
            .and_then(|s| {
                s.transcripts
                    .get(&crate::state::key(t.content_hash))
                    .cloned()
            })
            .unwrap_or_default();
        let figures = crate::guidance::extract(t);
        texts.push(if format == ExportFormat::Json {
            export_json(t, &saved, &figures)?
        } else {
            export_markdown(t, &saved, &figures)
        });
    }
    let text = match (texts.len(), format) {
        (1, _) => texts.remove(0),
        (_, ExportFormat::Json) => format!("[\n{}]\n", texts.join(",\n")),
        _ => texts.join("\n---\n\n"),
    };
    let mut out = io::stdout().lock();
    write!(out, "{}", crate::text::sanitize(&text))?;
    Ok(ExitCode::SUCCESS)
}

/// The paragraph texts of a transcript, by flat index.
fn paragraph_texts(t: &Transcript) -> Vec<(&str, &crate::transcript::Paragraph)> {
    t.paragraphs()
        .map(|(turn, p)| (t.speakers[t.turns[turn].speaker].name.as_str(), p))
        .collect()
}

/// A call's title and bookmarks (with their notes and the words they hold) as Markdown: the
/// first part of `callread export`, and what the reader prints at exit when it cannot save.
pub fn bookmarks_markdown(t: &Transcript, bookmarks: &[crate::state::Bookmark]) -> String {
    let mut title = t.company().unwrap_or_else(|| t.file_name().to_string());
    if let Some(period) = crate::guidance::call_period(t).label() {
        title.push_str(&format!(", {period} call"));
    }
    let paragraphs = paragraph_texts(t);
    let mut s = format!("# {title}\n\nSource: `{}`\n\n## Bookmarks\n\n", t.source);
    if bookmarks.is_empty() {
        s.push_str("No bookmarks.\n");
    }
    for b in bookmarks {
        let Some((speaker, p)) = paragraphs.get(b.paragraph) else {
            continue;
        };
        s.push_str(&format!("- **{speaker}**, line {}", p.line));
        if let Some(note) = &b.note {
            s.push_str(&format!(": {note}"));
        }
        s.push('\n');
        let (en, zh) = bookmark_texts(p, b);
        for text in [en, zh].into_iter().flatten() {
            s.push_str(&format!("  > {text}\n"));
        }
    }
    s
}

/// Bookmarks and guidance as Markdown.
fn export_markdown(
    t: &Transcript,
    saved: &crate::state::TranscriptState,
    figures: &[crate::guidance::GuidanceFigure],
) -> String {
    let mut s = bookmarks_markdown(t, &saved.bookmarks);
    s.push_str("\n## Guidance\n\n| period | figure | value | direction | Chinese |\n| --- | --- | --- | --- | --- |\n");
    for f in figures {
        let zh = match &f.zh {
            Some(z) if !z.matches => format!("⚠ {}", z.text),
            Some(_) => "agrees".to_string(),
            None => String::new(),
        };
        s.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            f.period.as_deref().unwrap_or(""),
            f.label,
            crate::guidance::format_value(f),
            f.direction.map_or("", crate::guidance::Direction::as_str),
            zh.replace('|', "\\|")
        ));
    }
    s
}

/// Bookmarks and guidance as JSON: {"source","bookmarks":[{"line","speaker","note","en","zh"}],"guidance":[...]}.
/// What a bookmark quotes: its sentence (English and Chinese) when it holds one, else the
/// paragraph pair.
fn bookmark_texts<'a>(
    p: &'a crate::transcript::Paragraph,
    b: &crate::state::Bookmark,
) -> (Option<&'a str>, Option<&'a str>) {
    let side = |text: Option<&'a str>, r: Option<std::ops::Range<usize>>| match r {
        Some(r) => text.and_then(|t| t.get(r)),
        None => None,
    };
    match &b.sentence {
        Some(m) => (
            side(p.en.as_deref(), m.en.clone()),
            side(p.zh.as_deref(), m.zh.clone()),
        ),
        None => (p.en.as_deref(), p.zh.as_deref()),
    }
}

fn export_json(
    t: &Transcript,
    saved: &crate::state::TranscriptState,
    figures: &[crate::guidance::GuidanceFigure],
) -> Result<String> {
    let paragraphs = paragraph_texts(t);
    let bookmarks: Vec<serde_json::Value> = saved
        .bookmarks
        .iter()
        .filter_map(|b| {
            let (speaker, p) = paragraphs.get(b.paragraph)?;
            let (en, zh) = bookmark_texts(p, b);
            Some(serde_json::json!({"line": p.line, "speaker": speaker, "note": b.note, "en": en, "zh": zh, "sentence": b.sentence.is_some()}))
        })
        .collect();
    let v = serde_json::json!({
        "source": t.source,
        "company": t.company(),
        "call_period": crate::guidance::call_period(t).label(),
        "bookmarks": bookmarks,
        "guidance": figures,
    });
    Ok(json_text(&v)? + "\n")
}
