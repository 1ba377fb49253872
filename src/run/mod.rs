//! Dispatching the parsed command line: one module per subcommand (and `read.rs` for the
//! reader), the output helpers they share here.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::library;
use crate::transcript::Transcript;

mod align;
mod check;
pub mod compare;
mod dump;
mod export;
mod guidance;
mod read;
mod search;
mod speakers;
mod terms;

/// `--zh`: the translation of the one English transcript named, for every command.
static TRANSLATION: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();

/// Set when a file named among others could not be read: the command reads the rest, says
/// which one failed and why, and ends with exit code 1.
static INPUT_FAILED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Runs the command line. Errors are returned for `main` to print as one line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    if let Some(zh) = cli.zh.clone() {
        let _ = TRANSLATION.set(zh);
    }
    let code = command(cli)?;
    Ok(
        if INPUT_FAILED.load(std::sync::atomic::Ordering::Relaxed) && code == ExitCode::SUCCESS {
            ExitCode::from(1)
        } else {
            code
        },
    )
}

fn command(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Some(Command::Dump { paths, json: _ }) => dump::run(&paths),
        Some(Command::Speakers { paths, json }) => speakers::run(&paths, json),
        Some(Command::Check {
            paths,
            json,
            strict,
            kinds,
        }) => check::run(&paths, json, strict, kinds),
        Some(Command::Align { paths, json }) => align::run(&paths, json),
        Some(Command::Compare {
            file,
            other,
            json,
            kinds,
        }) => compare::run(&file, &other, json, &kinds),
        Some(Command::Terms {
            paths,
            json,
            across,
        }) => terms::run(&paths, json, across),
        Some(Command::Search {
            query,
            paths,
            json,
            limit,
        }) => search::run(query, &paths, json, limit),
        Some(Command::Guidance {
            paths,
            json,
            csv,
            history: true,
            ..
        }) => guidance::history(&paths, json, csv),
        Some(Command::Guidance {
            paths,
            json,
            csv,
            all,
            ..
        }) => guidance::run(&paths, json, csv, all),
        Some(Command::Export { paths, format }) => export::run(&paths, format),
        None => read::read(cli.read),
    }
}

/// The kinds `--kinds` names, each one of `all` by its `name`; an unknown one is a usage
/// error, as clap reports them: said on stderr with the kinds there are, exit code 2.
fn parse_kinds<K: Copy>(
    given: &[String],
    all: &[K],
    name: impl Fn(K) -> &'static str,
) -> std::result::Result<Vec<K>, ExitCode> {
    let mut wanted = Vec::new();
    for k in given {
        match all.iter().copied().find(|&a| name(a) == k.trim()) {
            Some(kind) => wanted.push(kind),
            None => {
                let names: Vec<&str> = all.iter().map(|&a| name(a)).collect();
                eprintln!(
                    "error: unknown kind {:?} for --kinds (kinds: {})",
                    crate::text::sanitize(k),
                    names.join(", ")
                );
                return Err(ExitCode::from(2));
            }
        }
    }
    Ok(wanted)
}

/// Prints a warning on stderr, cleaned of control characters: file names and messages carry
/// text from outside (a file named `ESC]0;...` must not retitle the terminal).
fn warn(message: &str) {
    say(&format!("warning: {message}"));
}

/// Prints one line on stderr after "callread: ", cleaned of control characters and newlines.
fn say(message: &str) {
    eprintln!(
        "callread: {}",
        crate::text::sanitize(message).replace('\n', " ")
    );
}

/// With `--zh`: the one English file named, read with its translation. None without `--zh`.
fn load_with_zh(paths: &[std::path::PathBuf]) -> Option<Result<Transcript>> {
    let zh = TRANSLATION.get()?;
    Some(match paths {
        [en] if !en.is_dir() => library::load_with_translation(en, zh).map_err(Into::into),
        _ => Err(anyhow::anyhow!(
            "--zh pairs a translation with one English transcript file: name exactly one"
        )),
    })
}

/// Loads the paths (or the bundled transcripts) completely, warning about skipped files.
pub fn load_all(paths: &[std::path::PathBuf]) -> Result<Vec<Transcript>> {
    if let Some(t) = load_with_zh(paths) {
        let t = t?;
        for w in &t.warnings {
            warn(w);
        }
        return Ok(vec![t]);
    }
    if paths.is_empty() {
        return Ok(library::bundled());
    }
    let loaded = library::load_paths(paths, |_, _| {})?;
    for skipped in &loaded.skipped {
        warn(&format!("skipped {skipped}"));
    }
    // A file named among others that cannot be read: said as an error, the others read.
    for failed in &loaded.failed {
        say(&failed.to_string());
        INPUT_FAILED.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    for w in loaded.transcripts.iter().flat_map(|t| &t.warnings) {
        warn(w);
    }
    // Bad input is exit 1 and a message, also when it is every file of a directory.
    if loaded.transcripts.is_empty() {
        anyhow::bail!(
            "no transcript could be read ({} skipped)",
            crate::text::count(loaded.skipped.len() + loaded.failed.len(), "file", "files")
        );
    }
    Ok(loaded.transcripts)
}

/// Says on stderr, once per file, that an English-only call has no translation for `what`
/// to work on (the command still succeeds: there is nothing wrong with the file).
fn tell_untranslated(transcripts: &[Transcript], what: &str) {
    for t in transcripts.iter().filter(|t| !t.bilingual) {
        eprintln!(
            "callread: {}: English only, no translation: {what}",
            crate::text::sanitize(&t.source).replace('\n', " ")
        );
    }
}

/// Writes a plain table: columns padded by display width, numbers right-aligned.
pub fn write_table(out: &mut impl Write, header: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    use crate::text::wrap::width;
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let numeric: Vec<bool> = (0..header.len())
        .map(|c| {
            !rows.is_empty()
                && rows
                    .iter()
                    .all(|r| r[c].is_empty() || r[c].parse::<f64>().is_ok())
        })
        .collect();
    let line = |cells: Vec<&str>| -> String {
        let mut s = String::new();
        for (c, cell) in cells.iter().enumerate() {
            let pad = " ".repeat(widths[c] - width(cell));
            if numeric[c] {
                s.push_str(&format!("{pad}{cell}  "));
            } else {
                s.push_str(&format!("{cell}{pad}  "));
            }
        }
        crate::text::sanitize(s.trim_end()).into_owned()
    };
    writeln!(out, "{}", line(header.to_vec()))?;
    for row in rows {
        writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}

/// A CSV field: cleaned of control characters, quoted as RFC 4180 says when it must be.
fn csv_field(s: &str) -> String {
    let s = crate::text::sanitize(s);
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

/// JSON as text, with every character that could act on a terminal or reorder what it shows
/// (C1 controls, DEL, bidi overrides and isolates) written as a `\uXXXX` escape: the same
/// string to a JSON reader, inert on a screen. serde_json escapes only C0 controls; such
/// characters can only stand inside JSON strings, so replacing them in the text is exact.
fn json_text<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let text = serde_json::to_string_pretty(value)?;
    // Line breaks are the layout's own (inside strings serde writes `\n`).
    let inert = |c: char| c != '\n' && crate::text::clean::is_forbidden(c);
    if !text.chars().any(inert) {
        return Ok(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if inert(c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// Writes JSON made safe for a terminal ([`json_text`]).
fn write_json<T: serde::Serialize + ?Sized>(out: &mut impl Write, value: &T) -> io::Result<()> {
    out.write_all(json_text(value)?.as_bytes())
}

/// A CSV number, empty when there is none.
fn csv_num(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The snake_case name serde gives an enum value ("guide", "raised"), empty for none.
fn json_name(v: serde_json::Result<serde_json::Value>) -> String {
    v.ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
