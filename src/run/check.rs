//! The translation check (`callread check`).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::{load_all, write_json};

/// Runs the subcommand.
pub fn run(paths: &[PathBuf], json: bool, strict: bool, kinds: Vec<String>) -> Result<ExitCode> {
    let mut wanted = Vec::new();
    for k in &kinds {
        match crate::check::Kind::from_name(k.trim()) {
            Some(kind) => wanted.push(kind),
            None => {
                let names: Vec<&str> = crate::check::Kind::ALL.iter().map(|k| k.name()).collect();
                // A usage error, as clap reports them: exit 2.
                eprintln!(
                    "error: unknown kind {:?} for --kinds (kinds: {})",
                    crate::text::sanitize(k),
                    names.join(", ")
                );
                return Ok(ExitCode::from(2));
            }
        }
    }
    let transcripts = load_all(paths)?;
    super::tell_untranslated(&transcripts, "nothing to check");
    let findings: Vec<crate::check::Finding> = crate::check::check_all(&transcripts)
        .into_iter()
        .filter(|f| wanted.is_empty() || wanted.contains(&f.kind))
        .collect();
    let mut out = io::stdout().lock();
    if json {
        write_json(&mut out, &findings)?;
        writeln!(out)?;
    } else {
        for f in &findings {
            let line = format!("{}:{}: {}: {}", f.source, f.line, f.kind.name(), f.detail);
            writeln!(out, "{}", crate::text::sanitize(&line))?;
        }
        eprintln!(
            "{} in {}",
            crate::text::count(findings.len(), "finding", "findings"),
            crate::text::count(transcripts.len(), "transcript", "transcripts")
        );
    }
    Ok(if strict && !findings.is_empty() {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}
