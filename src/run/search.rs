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
    let hits = if let Some(t) = super::load_with_zh(paths) {
        let t = t?;
        let mut hits = crate::search::transcript_hits(&t, &q, &crate::search::matcher());
        crate::search::order_file_hits(&mut hits);
        hits.truncate(limit);
        hits
    } else if paths.is_empty() {
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

/// Searches the bundled transcripts as files are searched: the same rows, the same order.
fn bundled_hits(q: &crate::search::Query, limit: usize) -> Vec<crate::search::FileHit> {
    let matcher = crate::search::matcher();
    let mut hits: Vec<crate::search::FileHit> = library::bundled()
        .iter()
        .flat_map(|t| crate::search::transcript_hits(t, q, &matcher))
        .collect();
    crate::search::order_file_hits(&mut hits);
    hits.truncate(limit);
    hits
}
