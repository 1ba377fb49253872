//! The callread binary: parse arguments, dispatch, and turn errors into one line and exit 1.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = callread::cli::Cli::parse();
    match callread::run::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!(
                "callread: {}",
                callread::text::sanitize(&format!("{e:#}")).replace('\n', " ")
            );
            ExitCode::from(1)
        }
    }
}
