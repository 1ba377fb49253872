//! Driving the reader headless: key scripts in, screens out.
#![allow(dead_code)]

use callread::app::{Action, AppState, update};
use callread::keymap::Keymap;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

/// A reader over the bundled transcripts at a size.
pub fn reader(w: u16, h: u16) -> AppState {
    let mut s = AppState::new(callread::library::bundled());
    update(&mut s, Action::Resize(w, h));
    s
}

/// Turns one script token into an event: "j", "G", "<C-d>", "<Space>", "<Enter>", "<Esc>",
/// "<Down>", "<Up>", "<PgDn>", "<PgUp>", "<Home>", "<End>", "<BS>", "<wheel-down>",
/// "<wheel-up>", "<resize:WxH>", "<click:X,Y>" (a left button press at column X, row Y).
pub fn event(token: &str) -> Event {
    let key = |code, modifiers| Event::Key(KeyEvent::new(code, modifiers));
    if let Some(at) = token
        .strip_prefix("<click:")
        .and_then(|t| t.strip_suffix('>'))
    {
        let (x, y) = at.split_once(',').expect("X,Y");
        return Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(crossterm::event::MouseButton::Left),
            column: x.parse().unwrap(),
            row: y.parse().unwrap(),
            modifiers: KeyModifiers::NONE,
        });
    }
    if let Some(size) = token
        .strip_prefix("<resize:")
        .and_then(|t| t.strip_suffix('>'))
    {
        let (w, h) = size.split_once('x').expect("WxH");
        return Event::Resize(w.parse().unwrap(), h.parse().unwrap());
    }
    let mouse = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: 10,
            row: 5,
            modifiers: KeyModifiers::NONE,
        })
    };
    match token {
        "<Space>" => key(KeyCode::Char(' '), KeyModifiers::NONE),
        "<Enter>" => key(KeyCode::Enter, KeyModifiers::NONE),
        "<Esc>" => key(KeyCode::Esc, KeyModifiers::NONE),
        "<Tab>" => key(KeyCode::Tab, KeyModifiers::NONE),
        "<BS>" => key(KeyCode::Backspace, KeyModifiers::NONE),
        "<Down>" => key(KeyCode::Down, KeyModifiers::NONE),
        "<Up>" => key(KeyCode::Up, KeyModifiers::NONE),
        "<PgDn>" => key(KeyCode::PageDown, KeyModifiers::NONE),
        "<PgUp>" => key(KeyCode::PageUp, KeyModifiers::NONE),
        "<Home>" => key(KeyCode::Home, KeyModifiers::NONE),
        "<End>" => key(KeyCode::End, KeyModifiers::NONE),
        "<wheel-down>" => mouse(MouseEventKind::ScrollDown),
        "<wheel-up>" => mouse(MouseEventKind::ScrollUp),
        t if t.starts_with("<C-") => {
            let c = t.chars().nth(3).unwrap();
            key(KeyCode::Char(c), KeyModifiers::CONTROL)
        }
        t if t.chars().count() == 1 => {
            let c = t.chars().next().unwrap();
            let m = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            key(KeyCode::Char(c), m)
        }
        t => panic!("unknown token {t}"),
    }
}

/// Runs a space-separated key script, one event at a time, as the event loop would.
pub fn keys(state: &mut AppState, script: &str) {
    let keymap = Keymap::default();
    for token in script.split_whitespace() {
        callread::tui::handle_batch(state, &keymap, vec![event(token)]);
    }
}

/// Types text into a prompt.
pub fn type_text(state: &mut AppState, text: &str) {
    for c in text.chars() {
        update(state, Action::Input(c));
    }
}

/// Draws the state on a TestBackend of its size and returns the rows as text (a wide
/// character once, not followed by the blank cell it covers).
pub fn screen(state: &AppState) -> Vec<String> {
    let (w, h) = state.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| callread::ui::render(f, state, &Keymap::default()))
        .unwrap();
    rows(terminal.backend().buffer())
}

/// The rows of a buffer as text.
pub fn rows(buf: &ratatui::buffer::Buffer) -> Vec<String> {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = sym.width().saturating_sub(1);
            line.push_str(sym);
        }
        out.push(line.trim_end().to_string());
    }
    out
}

/// The screen as one string, for snapshots.
pub fn screen_text(state: &AppState) -> String {
    screen(state).join("\n")
}

/// The status bar row.
pub fn status(state: &AppState) -> String {
    screen(state).pop().unwrap()
}

/// The text of the cells drawn reversed (highlighted), without spaces.
pub fn highlighted(s: &AppState) -> String {
    cells_with(s, ratatui::style::Modifier::REVERSED).replace(' ', "")
}

/// The text of the cells drawn with modifier `m`, in screen order.
pub fn cells_with(s: &AppState, m: ratatui::style::Modifier) -> String {
    let (w, h) = s.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| callread::ui::render(f, s, &Keymap::default()))
        .unwrap();
    terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .filter(|c| c.modifier.contains(m))
        .map(|c| c.symbol())
        .collect::<String>()
}
