//! Search from the command line (`callread search`).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::{warn, write_json};
use crate::library;

/// Runs the subcommand.
pub fn run(query: String, paths: &[PathBuf], json: bool, limit: Option<usize>) -> Result<ExitCode> {
    let q = crate::search::Query::parse(&query);
    let limit = limit.unwrap_or(usize::MAX);
    let hits = if paths.is_empty() {
        bundled_hits(&q, limit)
    } else {
        let files = library::expand_paths(paths)?;
        let (hits, errors) = crate::search::search_files(&files, &q, limit);
        // A file named on the command line that cannot be read is an error, as for
        // the other commands; in a directory it is skipped with a warning.
        let named: Vec<String> = paths
            .iter()
            .filter(|p| !p.is_dir())
            .map(|p| p.display().to_string())
            .collect();
        if let Some(e) = errors.iter().find(|e| named.iter().any(|n| n == e.path())) {
            anyhow::bail!("{e}");
        }
        for e in &errors {
            warn(&format!("skipped {e}"));
        }
        if !files.is_empty() && errors.len() == files.len() {
            anyhow::bail!(
                "no transcript could be read ({} skipped)",
                crate::text::count(errors.len(), "file", "files")
            );
        }
        hits
    };
    let write = || -> io::Result<()> {
        let mut out = io::BufWriter::new(io::stdout().lock());
        if json {
            write_json(&mut out, &hits)?;
            writeln!(out)?;
        } else {
            for h in &hits {
                let line = format!(
                    "{}:{}:{}:{}: {}",
                    h.source,
                    h.line,
                    h.lang.code(),
                    h.speaker.as_deref().unwrap_or(""),
                    h.text
                );
                writeln!(out, "{}", crate::text::sanitize(&line))?;
            }
        }
        out.flush()
    };
    match write() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Searches the bundled transcripts with the in-memory engine, as `search` results.
fn bundled_hits(q: &crate::search::Query, limit: usize) -> Vec<crate::search::FileHit> {
    let transcripts = library::bundled();
    let hits = crate::search::search_transcripts(transcripts.iter().enumerate(), q, limit);
    hits.into_iter()
        .filter_map(|h| {
            let t = &transcripts[h.doc];
            let (turn, p) = t.paragraphs().nth(h.paragraph)?;
            use crate::search::HitSide;
            let (lang, line, text) = match h.lang {
                // A mixed query matched the pair: both sides, as over files.
                _ if q.is_mixed() => (
                    HitSide::Pair,
                    p.line,
                    format!("{} | {}", p.en.as_deref()?, p.zh.as_deref()?),
                ),
                crate::transcript::Lang::En => (HitSide::En, p.line, p.en.clone()?),
                crate::transcript::Lang::Zh => {
                    (HitSide::Zh, p.zh_line.unwrap_or(p.line), p.zh.clone()?)
                }
            };
            Some(crate::search::FileHit {
                source: t.source.clone(),
                line,
                lang,
                score: h.score,
                speaker: Some(t.speakers[t.turns[turn].speaker].name.clone()),
                text,
            })
        })
        .collect()
}
