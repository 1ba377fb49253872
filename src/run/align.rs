//! Sentence alignment (`callread align`).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::{load_all, write_json};

/// Runs the subcommand.
pub fn run(paths: &[PathBuf], json: bool) -> Result<ExitCode> {
    let transcripts = load_all(paths)?;
    super::tell_untranslated(&transcripts, "no sentences to align");
    let aligned = crate::align::align_all(&transcripts);
    let mut out = io::stdout().lock();
    if json {
        let rows: Vec<serde_json::Value> = transcripts
            .iter()
            .zip(&aligned)
            .map(|(t, pairs)| {
                serde_json::json!({
                    "source": t.source,
                    "pairs": pairs,
                })
            })
            .collect();
        write_json(&mut out, &rows)?;
        writeln!(out)?;
    } else {
        for (t, pairs) in transcripts.iter().zip(&aligned) {
            for pair in pairs {
                writeln!(out, "{}:{}", crate::text::sanitize(&t.source), pair.line)?;
                for l in &pair.links {
                    let en = if l.en.is_empty() {
                        "—"
                    } else {
                        l.en.as_str()
                    };
                    let zh = if l.zh.is_empty() {
                        "—"
                    } else {
                        l.zh.as_str()
                    };
                    writeln!(out, "  {}", crate::text::sanitize(en))?;
                    writeln!(out, "  = {}", crate::text::sanitize(zh))?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
