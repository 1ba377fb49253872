//! The callread binary: parse arguments, dispatch, and turn errors into one line and exit 1.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = callread::cli::parse();
    match callread::run::run(cli) {
        Ok(code) => code,
        // `callread dump X | head`: the reader of the pipe has what it wanted; exit quietly, as
        // other Unix tools do.
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "callread: {}",
                callread::text::sanitize(&format!("{e:#}")).replace('\n', " ")
            );
            ExitCode::from(1)
        }
    }
}

/// True when the error is a write to a closed pipe (directly, or inside a JSON error).
fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}
