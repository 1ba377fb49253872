//! Prints the parsed transcripts as JSON (`callread dump`).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::{load_all, write_json};
use crate::transcript::Transcript;

/// Runs the subcommand.
pub fn run(paths: &[PathBuf]) -> Result<ExitCode> {
    let transcripts = load_all(paths)?;
    /// The transcript with what is read from it: the company and the call's period.
    #[derive(serde::Serialize)]
    struct Dump<'a> {
        company: Option<String>,
        call_period: Option<String>,
        #[serde(flatten)]
        transcript: &'a Transcript,
    }
    let dumps: Vec<Dump> = transcripts
        .iter()
        .map(|t| Dump {
            company: t.company(),
            call_period: crate::guidance::call_period(t).label(),
            transcript: t,
        })
        .collect();
    let mut out = io::BufWriter::new(io::stdout().lock());
    match dumps.as_slice() {
        [one] => write_json(&mut out, one)?,
        many => write_json(&mut out, many)?,
    }
    writeln!(out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
