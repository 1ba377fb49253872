//! The terminal: setup, restore (also on error and panic) and the event loop.

use std::io::{self, Write};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use anyhow::{Context, Result};
use base64::Engine;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    KeyEventKind, MouseEventKind,
};
use crossterm::execute;

use crate::app::{Action, AppState, update};
use crate::keymap::Keymap;
use crate::library::LoadError;
use crate::transcript::Transcript;

/// What a background loader reports.
#[derive(Debug)]
pub enum LoadMsg {
    /// A transcript is ready.
    Loaded(Box<Transcript>),
    /// A file inside a directory could not be read.
    Skipped(LoadError),
    /// (done, total) files so far.
    Progress(usize, usize),
}

/// Runs the reader until the user quits. Returns the files skipped while loading, for the
/// caller to report once the terminal is back to normal, and the state the reader ended in
/// (what it could not save is in it).
pub fn run(
    mut state: AppState,
    keymap: &Keymap,
    mouse: bool,
    loader: Option<Receiver<LoadMsg>>,
    store: Option<crate::state::Store>,
) -> Result<(Vec<LoadError>, AppState)> {
    #[cfg(unix)]
    let input = crate::input::Input::open().context("cannot read the terminal")?;
    #[cfg(not(unix))]
    let input = CrosstermInput;
    state.keys = keymap.clone();
    // Registered before the terminal changes: a signal that comes at any time after is seen.
    let stop = stop_on_signals();
    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    // ratatui's hook restores the screen; mouse capture and paste mode must be released too.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
        previous(info);
    }));
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    if mouse {
        let _ = execute!(io::stdout(), EnableMouseCapture);
    }
    let saver = store.map(crate::state::Saver::spawn);
    let result = event_loop(
        &mut terminal,
        &mut state,
        keymap,
        (loader, &stop, mouse, input),
        saver.as_ref(),
    );
    // Where each transcript was left, for next time; the last save finishes before exit.
    if let Some(saver) = saver {
        let mut last = std::mem::take(&mut state.changes);
        last.extend(state.cursor_changes());
        saver.send(last);
        saver.finish();
    }
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result.map(|skipped| (skipped, state))
}

/// The signals that end the reader as `q` does (the position saved, the terminal restored):
/// SIGTERM (`kill`), SIGHUP (a closed window, `tmux kill-session`), SIGINT, and SIGQUIT
/// (`kill -QUIT`; in raw mode Ctrl-\\ is a key, not a signal), whose default action would
/// leave the terminal raw, in the alternate screen, with the cursor hidden and the mouse
/// captured. SIGKILL cannot be caught: `reset` brings such a terminal back.
#[cfg(unix)]
pub const STOP_SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

/// A flag the [`STOP_SIGNALS`] set (where the platform has them), for the event loop to end
/// on. A signal that cannot be registered keeps its default action.
pub fn stop_on_signals() -> std::sync::Arc<std::sync::atomic::AtomicBool> {
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    #[cfg(unix)]
    for signal in STOP_SIGNALS {
        let _ = signal_hook::flag::register(signal, stop.clone());
    }
    stop
}

/// The terminal's events where callread does not read the terminal itself: crossterm's reader.
#[cfg(not(unix))]
struct CrosstermInput;

#[cfg(not(unix))]
impl CrosstermInput {
    fn read(&mut self, timeout: Duration) -> io::Result<Vec<Event>> {
        let mut batch = Vec::new();
        if crossterm::event::poll(timeout)? {
            batch.push(crossterm::event::read()?);
            while crossterm::event::poll(Duration::ZERO)? {
                batch.push(crossterm::event::read()?);
            }
        }
        Ok(batch)
    }
}

#[cfg(unix)]
type TermInput = crate::input::Input;
#[cfg(not(unix))]
type TermInput = CrosstermInput;

/// What the event loop watches: the background loader, the stop flag the signal handlers
/// set, whether mouse capture is on (to restore it after a suspend) and the terminal's input.
type Watch<'a> = (
    Option<Receiver<LoadMsg>>,
    &'a std::sync::atomic::AtomicBool,
    bool,
    TermInput,
);

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    state: &mut AppState,
    keymap: &Keymap,
    (mut loader, stop, mouse, mut input): Watch,
    saver: Option<&crate::state::Saver>,
) -> Result<Vec<LoadError>> {
    let size = terminal.size()?;
    update(state, Action::Resize(size.width, size.height));
    let mut skipped = Vec::new();
    loop {
        if stop.load(std::sync::atomic::Ordering::Relaxed) {
            return Ok(skipped);
        }
        if state.suspend {
            state.suspend = false;
            suspend(terminal, mouse)?;
        }
        // Drawing reads the state; where it drew what a click can select comes back, and is
        // what the next batch's clicks go by.
        let mut drawn = crate::app::HitAreas::default();
        terminal.draw(|f| drawn = crate::ui::draw_frame(f, state, keymap))?;
        state.hit_areas = drawn;
        if state.quit {
            return Ok(skipped);
        }
        // Work between keys (a large transcript's layout) goes on while no key comes.
        let (busy, waiting) = state.idle_work();
        // Short enough to notice a signal soon; idle, a wake-up costs nothing measurable.
        let timeout = if busy {
            Duration::ZERO
        } else if loader.is_some() && state.docs.is_empty() {
            // Nothing to show yet: the first call loaded is drawn as soon as it comes.
            Duration::from_millis(2)
        } else if loader.is_some() || waiting {
            Duration::from_millis(40)
        } else {
            Duration::from_millis(250)
        };
        let batch = input.read(timeout).context("cannot read the terminal")?;
        if !batch.is_empty() {
            apply_batch(state, keymap, batch);
        }
        // A bookmark of a call not open was chosen: its file is read here (the app does no
        // I/O), and the app lands on the bookmark when the call is added.
        if let Some(path) = state.open_request.take() {
            match crate::library::load_file(&path) {
                Ok(t) => state.push_doc(t),
                Err(e) => state.open_failed(&e.to_string()),
            }
        }
        if let Some(rx) = &loader {
            loop {
                match rx.try_recv() {
                    Ok(LoadMsg::Loaded(t)) => state.push_doc(*t),
                    Ok(LoadMsg::Skipped(e)) => skipped.push(e),
                    Ok(LoadMsg::Progress(done, total)) => state.loading = Some((done, total)),
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        state.loading = None;
                        if !skipped.is_empty() {
                            state.message = Some(format!(
                                "skipped {} (listed on exit)",
                                crate::text::count(
                                    skipped.len(),
                                    "unreadable file",
                                    "unreadable files"
                                )
                            ));
                        }
                        loader = None;
                        break;
                    }
                }
            }
        }
        if let Some(text) = state.clipboard.take() {
            copy_osc52(terminal.backend_mut(), &text)?;
        }
        // Bookmarks are saved as soon as they change (a crash loses none), on the saving
        // thread (a large state file never stalls a key).
        if let Some(saver) = saver {
            saver.send(std::mem::take(&mut state.changes));
            if let Some(e) = saver.error() {
                state.message = Some(format!("could not save bookmarks: {e}"));
                // What is not saved is printed at exit instead.
                state.unsaved = Some(format!("saving failed: {e}"));
            }
        }
    }
}

/// Ctrl-z: gives the terminal back, stops the process as the shell's job control expects, and
/// takes the terminal again when `fg` continues it.
fn suspend(terminal: &mut ratatui::DefaultTerminal, mouse: bool) -> Result<()> {
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP).context("cannot suspend")?;
    crossterm::terminal::enable_raw_mode().context("cannot set up the terminal again")?;
    execute!(
        io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
        EnableBracketedPaste
    )?;
    if mouse {
        let _ = execute!(io::stdout(), EnableMouseCapture);
    }
    // The screen is blank now but ratatui's last frame is not: a blank frame makes the next
    // draw write every cell (`Terminal::clear` would ask the terminal for the cursor position,
    // which a terminal just handed back may not answer in time).
    terminal.draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()))?;
    Ok(())
}

/// Applies a batch of terminal events. Of several resizes in one batch only the last is
/// applied (a resize storm lays out once); keys typed in between are all kept, in order.
/// Prompt edits in one batch (a paste, fast typing) rerun the search once, at the end.
/// A bracketed paste is text for an open prompt, never keys: pasting `qqq` into the reader
/// does not quit it.
///
/// For a driver without the event loop (tests): nothing stored where the last frame drew
/// things, so a click goes by where the state as it is draws them (what the driver, having
/// drawn it, shows).
pub fn handle_batch(state: &mut AppState, keymap: &Keymap, batch: Vec<Event>) {
    if batch.iter().any(|e| {
        matches!(e, Event::Mouse(m)
            if m.kind == MouseEventKind::Down(crossterm::event::MouseButton::Left))
    }) {
        state.hit_areas = crate::ui::hit_areas(state, keymap);
    }
    apply_batch(state, keymap, batch);
}

/// [`handle_batch`] for the event loop, whose clicks go by the frame it drew last
/// ([`AppState::hit_areas`], stored after each draw).
fn apply_batch(state: &mut AppState, keymap: &Keymap, batch: Vec<Event>) {
    let last_resize = batch.iter().rposition(|e| matches!(e, Event::Resize(..)));
    state.begin_batch();
    for (i, ev) in batch.into_iter().enumerate() {
        let actions = match ev {
            // Windows reports key release too: act on presses only.
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                keymap.action_for(&key, state).into_iter().collect()
            }
            Event::Mouse(m) => match m.kind {
                MouseEventKind::ScrollDown => vec![Action::ScrollRows(3)],
                MouseEventKind::ScrollUp => vec![Action::ScrollRows(-3)],
                MouseEventKind::Down(crossterm::event::MouseButton::Left) => {
                    vec![Action::Click(m.column, m.row)]
                }
                _ => Vec::new(),
            },
            Event::Resize(w, h) if Some(i) == last_resize => vec![Action::Resize(w, h)],
            Event::Paste(text) if state.prompt_open() => pasted(&text),
            Event::Paste(_) => {
                state.message = Some(format!(
                    "pasted text goes to a prompt: press {} first",
                    state.key(Action::OpenSearch)
                ));
                Vec::new()
            }
            _ => Vec::new(),
        };
        for a in actions {
            if !matches!(
                a,
                Action::Input(_) | Action::Backspace | Action::ClearPrompt | Action::DeleteWord
            ) {
                state.settle_search();
            }
            update(state, a);
        }
    }
    state.end_batch();
}

/// Pasted text as typed characters for a one-line prompt: line breaks and tabs become single
/// spaces, other control characters are dropped, and no more than a prompt holds is kept.
fn pasted(text: &str) -> Vec<Action> {
    let mut out = Vec::new();
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if c.is_control() {
            continue;
        }
        if space && !out.is_empty() {
            out.push(Action::Input(' '));
        }
        space = false;
        out.push(Action::Input(c));
        if out.len() >= crate::app::PROMPT_MAX {
            break;
        }
    }
    out
}

/// Puts text on the clipboard with OSC 52, which works over ssh and in tmux (set-clipboard).
fn copy_osc52(out: &mut impl Write, text: &str) -> io::Result<()> {
    let encoded =
        base64::engine::general_purpose::STANDARD.encode(crate::text::sanitize(text).as_bytes());
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}
