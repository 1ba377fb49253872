//! Dispatching the parsed command line; every subcommand's output path lives here.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;

use std::io::IsTerminal;

use crate::app::{AppState, LayoutMode, ThemeKind};
use crate::cli::{Cli, Command, ReadArgs};
use crate::library;
use crate::transcript::Transcript;
use crate::tui::{self, LoadMsg};

/// Runs the command line. Errors are returned for `main` to print as one line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Some(Command::Dump { paths, json: _ }) => {
            let transcripts = load_all(&paths)?;
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
        Some(Command::Speakers { paths, json }) => {
            let transcripts = load_all(&paths)?;
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
        Some(Command::Check {
            paths,
            json,
            strict,
            kinds,
        }) => {
            let mut wanted = Vec::new();
            for k in &kinds {
                match crate::check::Kind::from_name(k.trim()) {
                    Some(kind) => wanted.push(kind),
                    None => {
                        let names: Vec<&str> =
                            crate::check::Kind::ALL.iter().map(|k| k.name()).collect();
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
            let transcripts = load_all(&paths)?;
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
                    "{} findings in {} transcripts",
                    findings.len(),
                    transcripts.len()
                );
            }
            Ok(if strict && !findings.is_empty() {
                ExitCode::from(3)
            } else {
                ExitCode::SUCCESS
            })
        }
        Some(Command::Align { paths, json }) => {
            let transcripts = load_all(&paths)?;
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
        Some(Command::Terms {
            paths,
            json,
            across,
        }) => {
            let transcripts = load_all(&paths)?;
            let mut out = io::stdout().lock();
            let all: Vec<(String, Vec<crate::check::terms::Term>)> = transcripts
                .iter()
                .map(|t| (t.source.clone(), crate::check::terms::terms(t)))
                .collect();
            if across {
                let per_call: Vec<Vec<crate::check::terms::Term>> =
                    all.into_iter().map(|(_, t)| t).collect();
                let terms = crate::check::terms::across(&per_call);
                if json {
                    write_json(&mut out, &terms)?;
                    writeln!(out)?;
                } else {
                    for t in &terms {
                        let parts: Vec<String> = t
                            .renderings
                            .iter()
                            .map(|r| format!("{} ×{} in {} calls", r.text, r.count, r.calls))
                            .collect();
                        let line =
                            format!("{} ({} calls): {}", t.english, t.calls, parts.join(", "));
                        writeln!(out, "{}", crate::text::sanitize(&line))?;
                    }
                }
                return Ok(ExitCode::SUCCESS);
            }
            if json {
                let rows: Vec<serde_json::Value> = all
                    .iter()
                    .map(|(source, terms)| serde_json::json!({"source": source, "terms": terms}))
                    .collect();
                write_json(&mut out, &rows)?;
                writeln!(out)?;
            } else {
                for (source, terms) in &all {
                    writeln!(out, "{}", crate::text::sanitize(source))?;
                    for t in terms {
                        let mut parts: Vec<String> = t
                            .renderings
                            .iter()
                            .map(|r| format!("{} ×{}", r.text, r.count))
                            .collect();
                        if !t.unmatched.is_empty() {
                            parts.push(format!("not found ×{}", t.unmatched.len()));
                        }
                        let line = format!(
                            "  {} ({}) · {} paragraphs: {}",
                            t.english,
                            t.source,
                            t.pairs,
                            parts.join(", ")
                        );
                        writeln!(out, "{}", crate::text::sanitize(&line))?;
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Search {
            query,
            paths,
            json,
            limit,
        }) => {
            let q = crate::search::Query::parse(&query);
            let limit = limit.unwrap_or(usize::MAX);
            let hits = if paths.is_empty() {
                bundled_hits(&q, limit)
            } else {
                let files = library::expand_paths(&paths)?;
                let (hits, errors) = crate::search::search_files(&files, &q, limit);
                // A file named on the command line that cannot be read is an error, as for
                // the other commands; in a directory it is skipped with a warning.
                let named: Vec<String> = paths
                    .iter()
                    .filter(|p| !p.is_dir())
                    .map(|p| p.display().to_string())
                    .collect();
                if let Some(e) = errors.iter().find(|e| named.iter().any(|n| n == e.path())) {
                    anyhow::bail!("{e}");
                }
                for e in &errors {
                    warn(&format!("skipped {e}"));
                }
                if !files.is_empty() && errors.len() == files.len() {
                    anyhow::bail!(
                        "no transcript could be read ({} files skipped)",
                        errors.len()
                    );
                }
                hits
            };
            let write = || -> io::Result<()> {
                let mut out = io::BufWriter::new(io::stdout().lock());
                if json {
                    write_json(&mut out, &hits)?;
                    writeln!(out)?;
                } else {
                    for h in &hits {
                        let line = format!(
                            "{}:{}:{}:{}: {}",
                            h.source,
                            h.line,
                            h.lang,
                            h.speaker.as_deref().unwrap_or(""),
                            h.text
                        );
                        writeln!(out, "{}", crate::text::sanitize(&line))?;
                    }
                }
                out.flush()
            };
            match write() {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
                other => other?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Guidance {
            paths,
            json,
            csv,
            history: true,
        }) => {
            let transcripts = load_all(&paths)?;
            let ledger = crate::history::Ledger::from_transcripts(&transcripts);
            let steps = ledger.steps();
            let mut out = io::BufWriter::new(io::stdout().lock());
            if json {
                write_json(&mut out, &steps)?;
                writeln!(out)?;
            } else if csv {
                write_history_csv(&mut out, &steps)?;
            } else {
                write_history_table(&mut out, &ledger, &steps)?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Guidance {
            paths, json, csv, ..
        }) => {
            let transcripts = load_all(&paths)?;
            let figures: Vec<crate::guidance::GuidanceFigure> = transcripts
                .iter()
                .flat_map(crate::guidance::extract)
                .collect();
            let mut out = io::BufWriter::new(io::stdout().lock());
            if json {
                write_json(&mut out, &figures)?;
                writeln!(out)?;
            } else if csv {
                write_guidance_csv(&mut out, &figures)?;
            } else {
                let rows: Vec<Vec<String>> = figures
                    .iter()
                    .map(|f| {
                        let zh = match &f.zh {
                            Some(z) if !z.matches => format!("⚠ 中文: {}", z.text),
                            _ => String::new(),
                        };
                        vec![
                            f.source.rsplit('/').next().unwrap_or("").to_string(),
                            f.line.to_string(),
                            match f.kind {
                                crate::guidance::Kind::Target => {
                                    format!("target {}", f.period.as_deref().unwrap_or_default())
                                }
                                crate::guidance::Kind::Guide => {
                                    f.period.clone().unwrap_or_default()
                                }
                            },
                            f.label.clone(),
                            crate::guidance::format_value(f),
                            f.direction.unwrap_or("").to_string(),
                            zh,
                        ]
                    })
                    .collect();
                write_table(
                    &mut out,
                    &[
                        "file",
                        "line",
                        "period",
                        "figure",
                        "value",
                        "direction",
                        "translation",
                    ],
                    &rows,
                )?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export { paths, format }) => {
            let transcripts = load_all(&paths)?;
            // Read only: export never moves or locks the state file.
            let store = crate::state::state_dir().map(|d| {
                let (state, warning) = crate::state::Store::peek(&d);
                if let Some(w) = warning {
                    warn(&w);
                }
                state
            });
            let mut texts = Vec::new();
            for t in &transcripts {
                let saved = store
                    .as_ref()
                    .and_then(|s| {
                        s.transcripts
                            .get(&crate::state::key(t.content_hash))
                            .cloned()
                    })
                    .unwrap_or_default();
                let figures = crate::guidance::extract(t);
                texts.push(if format == "json" {
                    export_json(t, &saved, &figures)?
                } else {
                    export_markdown(t, &saved, &figures)
                });
            }
            let text = match (texts.len(), format.as_str()) {
                (1, _) => texts.remove(0),
                (_, "json") => format!("[\n{}]\n", texts.join(",\n")),
                _ => texts.join("\n---\n\n"),
            };
            let mut out = io::stdout().lock();
            write!(out, "{}", crate::text::sanitize(&text))?;
            Ok(ExitCode::SUCCESS)
        }
        None => read(cli.read),
    }
}

/// Runs the reader: the TUI on a terminal, plain text when stdout is a pipe or a file.
fn read(args: ReadArgs) -> Result<ExitCode> {
    let (config, config_warnings) = crate::config::load();
    for w in &config_warnings {
        warn(w);
    }
    if args.print_config {
        let mut out = io::stdout().lock();
        match &config.path {
            Some(p) => writeln!(
                out,
                "# {}{}",
                p.display(),
                if p.exists() {
                    ""
                } else {
                    " (not there: defaults)"
                }
            )?,
            None => writeln!(out, "# no config directory on this system: defaults")?,
        }
        write!(out, "{}", config.to_toml())?;
        return Ok(ExitCode::SUCCESS);
    }
    let mode = args
        .layout
        .as_deref()
        .and_then(LayoutMode::parse)
        .unwrap_or(config.layout);
    if !io::stdout().is_terminal() {
        let transcripts = load_all(&args.paths)?;
        let write = || -> io::Result<()> {
            let mut out = io::BufWriter::new(io::stdout().lock());
            for (i, t) in transcripts.iter().enumerate() {
                if transcripts.len() > 1 {
                    if i > 0 {
                        writeln!(out)?;
                    }
                    writeln!(out, "═══ {} ═══", crate::text::sanitize(&t.source))?;
                }
                crate::plain::write_transcript(&mut out, t, args.width, mode, args.swap)?;
            }
            out.flush()
        };
        // A reader that stops early (`| head`) is not an error.
        return match write() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
            other => other.map(|_| ExitCode::SUCCESS).map_err(Into::into),
        };
    }

    // Named files load before the screen changes, so a bad one is a plain one-line error;
    // the contents of directories stream in behind the first screen.
    let mut first = Vec::new();
    let mut queued = Vec::new();
    if args.paths.is_empty() {
        first = library::bundled();
    }
    for path in &args.paths {
        if path.is_dir() {
            queued.extend(library::expand_paths(std::slice::from_ref(path))?);
        } else {
            first.push(library::load_file(path)?);
        }
    }
    // Repairs of named files: said on the first screen and again after it.
    let repaired: Vec<String> = first.iter().flat_map(|t| t.warnings.clone()).collect();
    let mut state = AppState::new(first);
    if let Some(w) = repaired.first() {
        state.message = Some(w.clone());
    }
    state.mode = mode;
    state.swapped = args.swap;
    state.theme = config.theme;
    if let Some(w) = config_warnings.first() {
        state.message = Some(format!("config: {w}"));
    }
    let store = if args.no_state {
        None
    } else {
        open_store(&mut state, config.forget_after_days)
    };
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        state.theme = ThemeKind::Monochrome;
        // crossterm 0.29 drops SGR sequences under NO_COLOR, losing reverse video; the
        // monochrome theme uses no colour, so output stays correct.
        crossterm::style::force_color_output(true);
    }
    state.start_line = args.start_line;
    let opened = state.docs.len() + queued.len();
    let loader = (!queued.is_empty()).then(|| {
        state.loading = Some((0, queued.len()));
        spawn_loader(queued)
    });
    let skipped = tui::run(
        state,
        &config.keymap(),
        !args.no_mouse && config.mouse,
        loader,
        store,
    )?;
    let none_read = skipped.len() == opened;
    for w in &repaired {
        warn(w);
    }
    for e in &skipped {
        warn(&format!("skipped {e}"));
    }
    if none_read {
        anyhow::bail!(
            "no transcript could be read ({} files skipped)",
            skipped.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints a warning on stderr, cleaned of control characters: file names and messages carry
/// text from outside (a file named `ESC]0;...` must not retitle the terminal).
fn warn(message: &str) {
    eprintln!(
        "callread: warning: {}",
        crate::text::sanitize(message).replace('\n', " ")
    );
}

/// Opens the state store and gives the open transcripts their saved places. Problems are
/// warnings: reading works without state.
fn open_store(state: &mut AppState, forget_after_days: u64) -> Option<crate::state::Store> {
    let dir = crate::state::state_dir()?;
    match crate::state::Store::open(&dir) {
        Ok((mut store, warning)) => {
            store.forget_after = (forget_after_days > 0).then(|| forget_after_days * 24 * 3600);
            if let Some(w) = warning {
                warn(&w);
                state.message = Some(w);
            }
            state.saved = store.state.transcripts.clone().into_iter().collect();
            state.adopt_saved();
            Some(store)
        }
        Err(e) => {
            state.message = Some(format!("reading state off: {}: {e}", dir.display()));
            None
        }
    }
}

/// Loads the paths (or the bundled transcripts) completely, warning about skipped files.
pub fn load_all(paths: &[std::path::PathBuf]) -> Result<Vec<Transcript>> {
    if paths.is_empty() {
        return Ok(library::bundled());
    }
    let loaded = library::load_paths(paths, |_, _| {})?;
    for skipped in &loaded.skipped {
        warn(&format!("skipped {skipped}"));
    }
    for w in loaded.transcripts.iter().flat_map(|t| &t.warnings) {
        warn(w);
    }
    // Bad input is exit 1 and a message, also when it is every file of a directory.
    if loaded.transcripts.is_empty() {
        anyhow::bail!(
            "no transcript could be read ({} files skipped)",
            loaded.skipped.len()
        );
    }
    Ok(loaded.transcripts)
}

fn spawn_loader(files: Vec<std::path::PathBuf>) -> std::sync::mpsc::Receiver<LoadMsg> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let total = files.len();
        for (i, f) in files.iter().enumerate() {
            let msg = match library::load_file(f) {
                Ok(t) => LoadMsg::Loaded(Box::new(t)),
                Err(e) => LoadMsg::Skipped(e),
            };
            if tx.send(msg).is_err() || tx.send(LoadMsg::Progress(i + 1, total)).is_err() {
                return;
            }
        }
    });
    rx
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

/// Searches the bundled transcripts with the in-memory engine, as `search` results.
fn bundled_hits(q: &crate::search::Query, limit: usize) -> Vec<crate::search::FileHit> {
    let transcripts = library::bundled();
    let hits = crate::search::search_transcripts(transcripts.iter().enumerate(), q, limit);
    hits.into_iter()
        .filter_map(|h| {
            let t = &transcripts[h.doc];
            let (turn, p) = t.paragraphs().nth(h.paragraph)?;
            let (lang, line, text) = match h.lang {
                crate::app::layout::Lang::En => ("en", p.line, p.en.clone()?),
                crate::app::layout::Lang::Zh => ("zh", p.zh_line.unwrap_or(p.line), p.zh.clone()?),
            };
            Some(crate::search::FileHit {
                source: t.source.clone(),
                line,
                lang,
                score: h.score,
                speaker: Some(t.speakers[t.turns[turn].speaker].name.clone()),
                text,
            })
        })
        .collect()
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

/// Writes guidance figures as CSV (RFC 4180 quoting).
fn write_guidance_csv(
    out: &mut impl Write,
    figures: &[crate::guidance::GuidanceFigure],
) -> io::Result<()> {
    let field = csv_field;
    let num = csv_num;
    writeln!(
        out,
        "source,line,kind,metric,label,basis,period,low,high,unit,approximate,direction,speaker,section,zh_low,zh_high,zh_matches,text"
    )?;
    for f in figures {
        let name = json_name;
        writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            field(&f.source),
            f.line,
            name(serde_json::to_value(f.kind)),
            name(serde_json::to_value(f.metric)),
            field(&f.label),
            f.basis.unwrap_or(""),
            field(f.period.as_deref().unwrap_or("")),
            num(f.low),
            num(f.high),
            f.unit,
            f.approximate,
            f.direction.unwrap_or(""),
            field(&f.speaker),
            name(serde_json::to_value(f.section)),
            num(f.zh.as_ref().and_then(|z| z.low)),
            num(f.zh.as_ref().and_then(|z| z.high)),
            f.zh.as_ref()
                .map_or(String::new(), |z| z.matches.to_string()),
            field(&f.text),
        )?;
    }
    Ok(())
}

/// The guidance history as CSV: one row per step, both calls' sources and lines.
fn write_history_csv(out: &mut impl Write, steps: &[crate::history::Step]) -> io::Result<()> {
    let field = csv_field;
    let num = csv_num;
    let name = json_name;
    writeln!(
        out,
        "company,kind,metric,label,basis,period,unit,step,from_source,from_line,from_call,from_low,from_high,to_source,to_line,to_call,to_low,to_high,actual,verdict,position,change,midpoint_change,midpoint_change_pct,word,disagrees"
    )?;
    for s in steps {
        let from = s.from.as_ref();
        let (to_source, to_line, to_call) = match (&s.to, &s.actual) {
            (Some(p), _) => (p.source.as_str(), p.line.to_string(), p.call.as_str()),
            (None, Some(a)) => (a.source.as_str(), a.line.to_string(), a.call.as_str()),
            (None, None) => ("", String::new(), ""),
        };
        writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            field(&s.company),
            name(serde_json::to_value(s.kind)),
            name(serde_json::to_value(s.metric)),
            field(&s.label),
            s.basis.unwrap_or(""),
            field(&s.period),
            s.unit,
            s.step,
            field(from.map_or("", |p| p.source.as_str())),
            from.map_or(String::new(), |p| p.line.to_string()),
            from.map_or("", |p| p.call.as_str()),
            num(from.and_then(|p| p.low)),
            num(from.and_then(|p| p.high)),
            field(to_source),
            to_line,
            to_call,
            num(s.to.as_ref().and_then(|p| p.low)),
            num(s.to.as_ref().and_then(|p| p.high)),
            num(s.actual.as_ref().map(|a| a.value)),
            name(serde_json::to_value(s.actual.as_ref().map(|a| a.verdict))),
            num(s.actual.as_ref().and_then(|a| a.position)),
            name(serde_json::to_value(s.change)),
            num(s.midpoint_change),
            num(s.midpoint_change_pct),
            s.word.unwrap_or(""),
            s.disagrees,
        )?;
    }
    Ok(())
}

/// The guidance history for people: per sequence, its guides call by call, then the result.
fn write_history_table(
    out: &mut impl Write,
    ledger: &crate::history::Ledger,
    steps: &[crate::history::Step],
) -> io::Result<()> {
    use crate::guidance::format_range;
    if ledger.sequences.is_empty() {
        let companies = ledger
            .calls
            .iter()
            .filter_map(|c| c.company.as_deref())
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        writeln!(
            out,
            "No guidance history: {} calls of {} companies, no metric guided in two calls of one company.",
            ledger.calls.len(),
            companies
        )?;
        return Ok(());
    }
    // The bars, in the order `steps` lists the sequences' steps.
    let bars: Vec<String> = ledger
        .sequences
        .iter()
        .flat_map(crate::history::text_bars)
        .collect();
    let rows: Vec<Vec<String>> = steps
        .iter()
        .zip(bars)
        .map(|(s, bar)| {
            let file = |src: &str| src.rsplit('/').next().unwrap_or("").to_string();
            let (call, at, value, change) = match (&s.to, &s.actual) {
                (Some(p), _) => {
                    let change = s.change.map_or(String::new(), |c| {
                        let mut w = format!("{} {}", c.arrow(), c.words());
                        match (s.midpoint_change_pct, s.midpoint_change, s.unit) {
                            (Some(pct), _, _) if pct.abs() >= 0.05 => {
                                w.push_str(&format!(" ({pct:+.1}% mid)"));
                            }
                            (None, Some(d), "%") if d.abs() >= 0.005 => {
                                let d = format!("{d:+.2}");
                                let d = d.trim_end_matches('0').trim_end_matches('.');
                                w.push_str(&format!(" ({d} pts mid)"));
                            }
                            (None, Some(d), "bps") if d.abs() >= 0.5 => {
                                w.push_str(&format!(" ({d:+.0} bps mid)"));
                            }
                            _ => {}
                        }
                        w
                    });
                    (
                        p.call.clone(),
                        format!("{}:{}", file(&p.source), p.line),
                        format_range(p.low, p.high, s.unit),
                        change,
                    )
                }
                (None, Some(a)) => {
                    let v = json_name(serde_json::to_value(a.verdict));
                    let at = a
                        .position
                        .map_or(String::new(), |p| format!(" ({:.0}% of range)", p * 100.0));
                    (
                        a.call.clone(),
                        format!("{}:{}", file(&a.source), a.line),
                        format!(
                            "actual {}",
                            format_range(Some(a.value), Some(a.value), s.unit)
                        )
                        .replace("≈ ", ""),
                        format!("{v}{at}"),
                    )
                }
                (None, None) => Default::default(),
            };
            let word = match (s.word, s.disagrees) {
                (Some(w), true) => format!("⚠ said \"{w}\""),
                (Some(w), false) => format!("said \"{w}\""),
                (None, _) => String::new(),
            };
            let kind = match s.kind {
                crate::guidance::Kind::Target => format!("target {}", s.period),
                crate::guidance::Kind::Guide => s.period.clone(),
            };
            vec![
                s.company.clone(),
                kind,
                s.label.clone(),
                call,
                value,
                bar,
                change,
                word,
                at,
            ]
        })
        .collect();
    write_table(
        out,
        &[
            "company", "period", "figure", "call", "value", "range", "change", "words", "where",
        ],
        &rows,
    )
}

/// The paragraph texts of a transcript, by flat index.
fn paragraph_texts(t: &Transcript) -> Vec<(&str, &crate::transcript::Paragraph)> {
    t.paragraphs()
        .map(|(turn, p)| (t.speakers[t.turns[turn].speaker].name.as_str(), p))
        .collect()
}

/// Bookmarks and guidance as Markdown.
fn export_markdown(
    t: &Transcript,
    saved: &crate::state::TranscriptState,
    figures: &[crate::guidance::GuidanceFigure],
) -> String {
    let mut title = t.company().unwrap_or_else(|| t.file_name().to_string());
    if let Some(period) = crate::guidance::call_period(t).label() {
        title.push_str(&format!(", {period} call"));
    }
    let paragraphs = paragraph_texts(t);
    let mut s = format!("# {title}\n\nSource: `{}`\n\n## Bookmarks\n\n", t.source);
    if saved.bookmarks.is_empty() {
        s.push_str("No bookmarks.\n");
    }
    for b in &saved.bookmarks {
        let Some((speaker, p)) = paragraphs.get(b.paragraph) else {
            continue;
        };
        s.push_str(&format!("- **{speaker}**, line {}", p.line));
        if let Some(note) = &b.note {
            s.push_str(&format!(": {note}"));
        }
        s.push('\n');
        let (en, zh) = bookmark_texts(p, b);
        for text in [en, zh].into_iter().flatten() {
            s.push_str(&format!("  > {text}\n"));
        }
    }
    s.push_str("\n## Guidance\n\n| period | figure | value | direction | Chinese |\n| --- | --- | --- | --- | --- |\n");
    for f in figures {
        let zh = match &f.zh {
            Some(z) if !z.matches => format!("⚠ {}", z.text),
            Some(_) => "agrees".to_string(),
            None => String::new(),
        };
        s.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            f.period.as_deref().unwrap_or(""),
            f.label,
            crate::guidance::format_value(f),
            f.direction.unwrap_or(""),
            zh.replace('|', "\\|")
        ));
    }
    s
}

/// Bookmarks and guidance as JSON: {"source","bookmarks":[{"line","speaker","note","en","zh"}],"guidance":[...]}.
/// What a bookmark quotes: its sentence (English and Chinese) when it holds one, else the
/// paragraph pair.
fn bookmark_texts<'a>(
    p: &'a crate::transcript::Paragraph,
    b: &crate::state::Bookmark,
) -> (Option<&'a str>, Option<&'a str>) {
    let side = |text: Option<&'a str>, r: Option<std::ops::Range<usize>>| match r {
        Some(r) => text.and_then(|t| t.get(r)),
        None => None,
    };
    match &b.sentence {
        Some(m) => (
            side(p.en.as_deref(), m.en.clone()),
            side(p.zh.as_deref(), m.zh.clone()),
        ),
        None => (p.en.as_deref(), p.zh.as_deref()),
    }
}

fn export_json(
    t: &Transcript,
    saved: &crate::state::TranscriptState,
    figures: &[crate::guidance::GuidanceFigure],
) -> Result<String> {
    let paragraphs = paragraph_texts(t);
    let bookmarks: Vec<serde_json::Value> = saved
        .bookmarks
        .iter()
        .filter_map(|b| {
            let (speaker, p) = paragraphs.get(b.paragraph)?;
            let (en, zh) = bookmark_texts(p, b);
            Some(serde_json::json!({"line": p.line, "speaker": speaker, "note": b.note, "en": en, "zh": zh, "sentence": b.sentence.is_some()}))
        })
        .collect();
    let v = serde_json::json!({
        "source": t.source,
        "company": t.company(),
        "call_period": crate::guidance::call_period(t).label(),
        "bookmarks": bookmarks,
        "guidance": figures,
    });
    Ok(json_text(&v)? + "\n")
}
