//! Two translations of one call compared (`callread compare FILE OTHER`).

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use super::{load_all, warn, write_json};
use crate::compare::{DiffKind, Disagreement};
use crate::transcript::Transcript;

/// FILE read (with `--zh` if given) and OTHER's translation paired with its paragraphs.
pub fn load_pair(file: &Path, other: &Path) -> Result<(Transcript, Vec<Option<String>>)> {
    if file.is_dir() || other.is_dir() {
        bail!("compare takes two transcript files, not directories");
    }
    let t = load_all(&[file.to_path_buf()])?
        .into_iter()
        .next()
        .context("no transcript read")?;
    if !t.bilingual {
        bail!(
            "{}: no translation to compare with (English only; give its translation with --zh)",
            t.source
        );
    }
    // Read first: a missing or unreadable file is its own error. A text that does not parse
    // as a transcript (a translation with no speaker lines at all) is aligned as it is.
    let other_text = crate::library::read_text(other)?;
    let other_t = crate::library::load_file(other).ok();
    let (second, paired) = crate::compare::second_translation(&t, other_t.as_ref(), &other_text);
    if paired.paired == 0 {
        bail!(
            "{}: no paragraph of it pairs with {}'s English (a translation of another call?)",
            other.display(),
            t.source
        );
    }
    if paired.paired * 10 < paired.english * 9 {
        warn(&format!(
            "{}: only {} of {} English paragraphs found a second translation",
            other.display(),
            paired.paired,
            paired.english
        ));
    }
    Ok((t, second))
}

/// Runs the subcommand.
pub fn run(file: &Path, other: &Path, json: bool, kinds: &[String]) -> Result<ExitCode> {
    let wanted = match super::parse_kinds(kinds, &DiffKind::ALL, |k| k.name()) {
        Ok(w) => w,
        Err(code) => return Ok(code),
    };
    let (t, second) = load_pair(file, other)?;
    let found: Vec<Disagreement> = crate::compare::compare(&t, &second)
        .into_iter()
        .filter(|d| wanted.is_empty() || wanted.contains(&d.kind))
        .collect();
    let mut out = io::stdout().lock();
    if json {
        write_json(&mut out, &found)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    for d in &found {
        let head = format!("{}:{}: {}: {}", d.source, d.line, d.kind.name(), d.detail);
        writeln!(out, "{}", crate::text::sanitize(&head))?;
        for (n, words) in [(1, &d.first), (2, &d.second)] {
            let words = if words.is_empty() { "—" } else { words };
            let line = format!("  {n} │ {words}");
            writeln!(out, "{}", crate::text::sanitize(&line))?;
        }
    }
    let by_kind: Vec<String> = DiffKind::ALL
        .iter()
        .filter_map(|k| {
            let n = found.iter().filter(|d| d.kind == *k).count();
            (n > 0).then(|| format!("{} {n}", k.name()))
        })
        .collect();
    eprintln!(
        "{}{} between {} and {}",
        crate::text::count(found.len(), "disagreement", "disagreements"),
        if by_kind.is_empty() {
            String::new()
        } else {
            format!(" ({})", by_kind.join(", "))
        },
        crate::text::sanitize(&t.source),
        crate::text::sanitize(&other.display().to_string()),
    );
    Ok(ExitCode::SUCCESS)
}
