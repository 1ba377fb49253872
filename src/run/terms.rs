//! Names and terms with their renderings (`callread terms`).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::{load_all, write_json};

/// Runs the subcommand.
pub fn run(paths: &[PathBuf], json: bool, across: bool) -> Result<ExitCode> {
    let transcripts = load_all(paths)?;
    super::tell_untranslated(&transcripts, "no renderings of terms");
    let mut out = io::stdout().lock();
    let all: Vec<(String, Vec<crate::check::terms::Term>)> = transcripts
        .iter()
        .map(|t| (t.source.clone(), crate::check::terms::terms(t)))
        .collect();
    if across {
        let per_call: Vec<Vec<crate::check::terms::Term>> =
            all.into_iter().map(|(_, t)| t).collect();
        let terms = crate::check::terms::across(&per_call);
        if json {
            write_json(&mut out, &terms)?;
            writeln!(out)?;
        } else {
            for t in &terms {
                let parts: Vec<String> = t
                    .renderings
                    .iter()
                    .map(|r| {
                        format!(
                            "{} ×{} in {}",
                            r.text,
                            r.count,
                            crate::text::count(r.calls, "call", "calls")
                        )
                    })
                    .collect();
                let line = format!(
                    "{} ({}): {}",
                    t.english,
                    crate::text::count(t.calls, "call", "calls"),
                    parts.join(", ")
                );
                writeln!(out, "{}", crate::text::sanitize(&line))?;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    if json {
        let rows: Vec<serde_json::Value> = all
            .iter()
            .map(|(source, terms)| serde_json::json!({"source": source, "terms": terms}))
            .collect();
        write_json(&mut out, &rows)?;
        writeln!(out)?;
    } else {
        for (source, terms) in &all {
            writeln!(out, "{}", crate::text::sanitize(source))?;
            for t in terms {
                let mut parts: Vec<String> = t
                    .renderings
                    .iter()
                    .map(|r| format!("{} ×{}", r.text, r.count))
                    .collect();
                if !t.unmatched.is_empty() {
                    parts.push(format!("not found ×{}", t.unmatched.len()));
                }
                let line = format!(
                    "  {} ({}) · {}: {}",
                    t.english,
                    t.source,
                    crate::text::count(t.pairs, "paragraph", "paragraphs"),
                    parts.join(", ")
                );
                writeln!(out, "{}", crate::text::sanitize(&line))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
