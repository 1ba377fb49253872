//! The reader: the TUI on a terminal, plain text into a pipe.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;

use super::{load_all, warn};
use std::io::IsTerminal;

use crate::app::{AppState, LayoutMode, ThemeKind};
use crate::cli::ReadArgs;
use crate::library;
use crate::tui::{self, LoadMsg};

/// Runs the reader: the TUI on a terminal, plain text when stdout is a pipe or a file.
pub(super) fn read(args: ReadArgs) -> Result<ExitCode> {
    let (config, config_warnings) = crate::config::load();
    for w in &config_warnings {
        warn(&w.to_string());
    }
    if args.print_config {
        return print_config(&config);
    }
    let mode = args.layout.map_or(config.layout, LayoutMode::from);
    if !io::stdout().is_terminal() {
        return write_plain(&args, mode);
    }
    run_tui(args, &config, &config_warnings, mode)
}

/// `--print-config`: where the configuration is read from, then every setting. The path is
/// cleaned of control characters like every other stream (a directory named with ESC or BEL
/// must not act on the terminal).
fn print_config(config: &crate::config::Config) -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    let header = match &config.path {
        Some(p) => format!(
            "# {}{}",
            p.display(),
            if p.exists() {
                ""
            } else {
                " (not there: defaults)"
            }
        ),
        None => "# no config directory on this system: defaults".to_string(),
    };
    writeln!(out, "{}", crate::text::sanitize(&header).replace('\n', " "))?;
    write!(out, "{}", crate::text::sanitize(&config.to_toml()))?;
    Ok(ExitCode::SUCCESS)
}

/// Into a pipe or a file: the reader's layout as plain text.
fn write_plain(args: &ReadArgs, mode: LayoutMode) -> Result<ExitCode> {
    let transcripts = match compared(args) {
        Some(t) => vec![t?],
        None => load_all(&args.paths)?,
    };
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
    match write() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        other => other.map(|_| ExitCode::SUCCESS).map_err(Into::into),
    }
}

/// With `--compare OTHER`: the one file named, with OTHER as its second translation.
fn compared(args: &ReadArgs) -> Option<Result<crate::transcript::Transcript>> {
    let other = args.compare.as_ref()?;
    Some(match args.paths.as_slice() {
        [file] => super::compare::load_pair(file, other).map(|(mut t, second)| {
            let name = other.display().to_string();
            crate::compare::attach_second(&mut t, second, &name);
            t
        }),
        _ => Err(anyhow::anyhow!(
            "--compare shows a second translation of one transcript: name exactly one file"
        )),
    })
}

/// The named files, loaded now (a bad one is a plain one-line error before the screen
/// changes), and the files of directories, to stream in behind the first screen.
fn first_and_queued(
    paths: &[std::path::PathBuf],
) -> Result<(Vec<crate::transcript::Transcript>, Vec<std::path::PathBuf>)> {
    if let Some(t) = super::load_with_zh(paths) {
        return Ok((vec![t?], Vec::new()));
    }
    let mut first = Vec::new();
    let mut queued = Vec::new();
    if paths.is_empty() {
        first = library::bundled();
    }
    for path in paths {
        if path.is_dir() {
            queued.extend(library::expand_paths(std::slice::from_ref(path))?);
        } else {
            first.push(library::load_file(path)?);
        }
    }
    Ok((first, queued))
}

/// On a terminal: the reader, with state, config and the loader; warnings again after it.
fn run_tui(
    args: ReadArgs,
    config: &crate::config::Config,
    config_warnings: &[crate::config::ConfigWarning],
    mode: LayoutMode,
) -> Result<ExitCode> {
    let (first, queued) = match compared(&args) {
        Some(t) => (vec![t?], Vec::new()),
        None => first_and_queued(&args.paths)?,
    };
    // Repairs of named files: said on the first screen and again after it.
    let repaired: Vec<String> = first.iter().flat_map(|t| t.warnings.clone()).collect();
    let second = first.first().and_then(|t| t.second.clone());
    let mut state = AppState::new_in_background(first);
    if let Some(other) = second {
        let name = std::path::Path::new(&other)
            .file_name()
            .map_or(other.clone(), |n| n.to_string_lossy().into_owned());
        state.message = Some(format!(
            "translation 2: {} · ≠ differ, v walks",
            crate::text::sanitize(&name)
        ));
    }
    if let Some(w) = repaired.first() {
        state.message = Some(w.clone());
        // The warning takes the status bar: "no translation" is said when the call is next
        // shown.
        if let Some(doc) = state.docs.first_mut() {
            doc.told_untranslated = false;
        }
    }
    state.mode = mode;
    state.swapped = args.swap;
    state.theme = config.theme;
    if let Some(w) = config_warnings.first() {
        state.message = Some(format!("config: {w}"));
    }
    let store = if args.no_state {
        state.unsaved = Some("--no-state".into());
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
    let (skipped, state) = tui::run(
        state,
        &config.keymap(),
        !args.no_mouse && config.mouse,
        loader,
        store,
    )?;
    print_unsaved(&state)?;
    for w in &repaired {
        warn(w);
    }
    for e in &skipped {
        warn(&format!("skipped {e}"));
    }
    if skipped.len() == opened {
        anyhow::bail!(
            "no transcript could be read ({} skipped)",
            crate::text::count(skipped.len(), "file", "files")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// With saving off, the bookmarks made in the session are printed at exit as `callread
/// export` writes them (Markdown on stdout), so none is lost.
fn print_unsaved(state: &AppState) -> Result<()> {
    let Some(reason) = &state.unsaved else {
        return Ok(());
    };
    let marked: Vec<&crate::app::Doc> = state
        .docs
        .iter()
        .filter(|d| !d.bookmarks.is_empty())
        .collect();
    if marked.is_empty() {
        return Ok(());
    }
    warn(&format!(
        "bookmarks not saved ({reason}); here they are, as callread export writes them:"
    ));
    let text: Vec<String> = marked
        .iter()
        .map(|d| super::export::bookmarks_markdown(&d.transcript, &d.bookmarks))
        .collect();
    let mut out = std::io::stdout().lock();
    std::io::Write::write_all(
        &mut out,
        crate::text::sanitize(&text.join("\n---\n\n")).as_bytes(),
    )?;
    Ok(())
}

/// Opens the state store and gives the open transcripts their saved places. Problems are
/// warnings: reading works without state.
fn open_store(state: &mut AppState, forget_after_days: u64) -> Option<crate::state::Store> {
    let Some(dir) = crate::state::state_dir() else {
        state.unsaved = Some("no state directory".into());
        return None;
    };
    match crate::state::Store::open(&dir) {
        Ok((mut store, warning)) => {
            store.forget_after = (forget_after_days > 0).then(|| forget_after_days * 24 * 3600);
            if let Some(w) = warning {
                warn(&w);
                state.message = Some(w);
            }
            // A directory that cannot be written: read, but bookmarks are printed at exit.
            state.unsaved = store.read_only().map(|why| format!("saving is off: {why}"));
            state.saved = store.state.transcripts.clone().into_iter().collect();
            state.search_history = store.state.searches.clone();
            state.adopt_saved();
            Some(store)
        }
        // Unreadable (a file that blocks, a permission): nothing is read and nothing saved,
        // so the file is never overwritten with less than it holds.
        Err(e) => {
            let w = format!("reading state off, nothing saved: {e}");
            warn(&w);
            state.message = Some(w);
            state.unsaved = Some(format!("the state file cannot be used: {e}"));
            None
        }
    }
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
