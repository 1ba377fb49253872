//! The terminal: setup, restore (also on error and panic) and the event loop.

use std::io::{self, Write};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use anyhow::{Context, Result};
use base64::Engine;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
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
/// caller to report once the terminal is back to normal.
pub fn run(
    mut state: AppState,
    keymap: &Keymap,
    mouse: bool,
    loader: Option<Receiver<LoadMsg>>,
    mut store: Option<crate::state::Store>,
) -> Result<Vec<LoadError>> {
    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    // ratatui's hook restores the screen; mouse capture must be released too.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    if mouse {
        let _ = execute!(io::stdout(), EnableMouseCapture);
    }
    // SIGTERM and SIGHUP (a closed window, `tmux kill-session`) end the reader as `q` does:
    // the position is saved and the terminal restored.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        let _ = signal_hook::flag::register(signal, stop.clone());
    }
    let result = event_loop(
        &mut terminal,
        &mut state,
        keymap,
        (loader, &stop, mouse),
        &mut store,
    );
    // Where each transcript was left, for next time.
    if let Some(store) = &mut store {
        for change in state.cursor_changes() {
            store.change(change);
        }
        let _ = store.save();
    }
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    result
}

/// What the event loop watches besides the terminal: the background loader, the stop flag
/// the signal handlers set, and whether mouse capture is on (to restore it after a suspend).
type Watch<'a> = (
    Option<Receiver<LoadMsg>>,
    &'a std::sync::atomic::AtomicBool,
    bool,
);

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    state: &mut AppState,
    keymap: &Keymap,
    (mut loader, stop, mouse): Watch,
    store: &mut Option<crate::state::Store>,
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
        terminal.draw(|f| crate::ui::render(f, state, keymap))?;
        if state.quit {
            return Ok(skipped);
        }
        // Short enough to notice a signal soon; idle, a wake-up costs nothing measurable.
        let timeout = if loader.is_some() {
            Duration::from_millis(40)
        } else {
            Duration::from_millis(250)
        };
        if event::poll(timeout)? {
            let mut batch = vec![event::read()?];
            while event::poll(Duration::ZERO)? {
                batch.push(event::read()?);
            }
            handle_batch(state, keymap, batch);
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
                                "skipped {} unreadable files (listed on exit)",
                                skipped.len()
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
        // Bookmarks are saved as soon as they change: a crash loses none.
        if !state.changes.is_empty() {
            let changes = std::mem::take(&mut state.changes);
            if let Some(store) = store {
                for c in changes {
                    store.change(c);
                }
                if let Err(e) = store.save() {
                    state.message = Some(format!("could not save bookmarks: {e}"));
                }
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
    ratatui::restore();
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP).context("cannot suspend")?;
    crossterm::terminal::enable_raw_mode().context("cannot set up the terminal again")?;
    execute!(
        io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
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
pub fn handle_batch(state: &mut AppState, keymap: &Keymap, batch: Vec<Event>) {
    let last_resize = batch.iter().rposition(|e| matches!(e, Event::Resize(..)));
    for (i, ev) in batch.into_iter().enumerate() {
        let action = match ev {
            // Windows reports key release too: act on presses only.
            Event::Key(key) if key.kind == KeyEventKind::Press => keymap.action_for(&key, state),
            Event::Mouse(m) => match m.kind {
                MouseEventKind::ScrollDown => Some(Action::ScrollRows(3)),
                MouseEventKind::ScrollUp => Some(Action::ScrollRows(-3)),
                _ => None,
            },
            Event::Resize(w, h) if Some(i) == last_resize => Some(Action::Resize(w, h)),
            _ => None,
        };
        if let Some(a) = action {
            update(state, a);
        }
    }
}

/// Puts text on the clipboard with OSC 52, which works over ssh and in tmux (set-clipboard).
fn copy_osc52(out: &mut impl Write, text: &str) -> io::Result<()> {
    let encoded =
        base64::engine::general_purpose::STANDARD.encode(crate::text::sanitize(text).as_bytes());
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}
