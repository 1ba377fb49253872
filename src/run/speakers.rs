//! Participants and their turns (`callread speakers`).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::{load_all, write_json, write_table};
use crate::transcript::Transcript;

/// Runs the subcommand.
pub fn run(paths: &[PathBuf], json: bool) -> Result<ExitCode> {
    let transcripts = load_all(paths)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    if json {
        let all: Vec<_> = transcripts
            .iter()
            .map(|t| (t, crate::speakers::participants(t)))
            .collect();
        match all.as_slice() {
            [(_, people)] => write_json(&mut out, people)?,
            many => {
                let rows: Vec<serde_json::Value> = many
                    .iter()
                    .map(|(t, people)| {
                        serde_json::json!({"source": t.source, "participants": people})
                    })
                    .collect();
                write_json(&mut out, &rows)?
            }
        }
        writeln!(out)?;
    } else {
        for (i, t) in transcripts.iter().enumerate() {
            if transcripts.len() > 1 {
                if i > 0 {
                    writeln!(out)?;
                }
                writeln!(out, "== {}", crate::text::sanitize(&t.source))?;
            }
            write_speakers_table(&mut out, t)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The participants of a transcript as a plain table.
fn write_speakers_table(out: &mut impl Write, t: &Transcript) -> io::Result<()> {
    let table: Vec<Vec<String>> = crate::speakers::participants(t)
        .iter()
        .map(|p| {
            let firm = match (&p.firm, &p.firm_zh) {
                (Some(f), Some(zh)) if zh != f => format!("{f} ({zh})"),
                (Some(f), _) => f.clone(),
                _ => String::new(),
            };
            vec![
                p.role.label().to_string(),
                p.name.clone(),
                p.title.clone().unwrap_or_default(),
                firm,
                p.turns.to_string(),
                p.words.to_string(),
            ]
        })
        .collect();
    write_table(
        out,
        &["role", "name", "title", "firm", "turns", "words"],
        &table,
    )
}
