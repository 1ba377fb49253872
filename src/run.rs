//! Dispatching the parsed command line; every subcommand's output path lives here.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command, ReadArgs};
use crate::library;
use crate::transcript::Transcript;

/// Runs the command line. Errors are returned for `main` to print as one line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Some(Command::Dump { path, json: _ }) => {
            let t = library::load_file(&path)?;
            let mut out = io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &t)?;
            writeln!(out)?;
            Ok(ExitCode::SUCCESS)
        }
        None => read(cli.read),
    }
}

/// Loads what the reader should show: the paths given, or the bundled transcripts.
pub fn load_for_reader(args: &ReadArgs) -> Result<Vec<Transcript>> {
    if args.paths.is_empty() {
        return Ok(library::bundled());
    }
    let loaded = library::load_paths(&args.paths, |_, _| {})?;
    for skipped in &loaded.skipped {
        eprintln!("callread: warning: skipped {skipped}");
    }
    Ok(loaded.transcripts)
}

fn read(args: ReadArgs) -> Result<ExitCode> {
    let transcripts = load_for_reader(&args)?;
    let mut out = io::stdout().lock();
    for t in &transcripts {
        writeln!(
            out,
            "{}: {} turns, {} paragraphs, {} speakers",
            crate::text::sanitize(&t.source),
            t.turns.len(),
            t.paragraph_count(),
            t.speakers.len()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
