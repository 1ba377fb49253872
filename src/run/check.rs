//! The translation check (`callread check`).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::{load_all, write_json};

/// Runs the subcommand.
pub fn run(paths: &[PathBuf], json: bool, strict: bool, kinds: Vec<String>) -> Result<ExitCode> {
    let wanted = match super::parse_kinds(&kinds, &crate::check::Kind::ALL, |k| k.name()) {
        Ok(w) => w,
        Err(code) => return Ok(code),
    };
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
