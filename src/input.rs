//! Terminal input read by callread itself: bytes from the terminal become key, mouse, paste
//! and resize events (crossterm's event types, so the keymap is unchanged).
//!
//! crossterm's own reader (0.29) has two faults a hostile or unlucky input reaches:
//!
//! - a CSI sequence that starts `ESC [ ?` and does not end in `c` or `u` counts as
//!   "incomplete" forever (crossterm-rs/crossterm#1104), so every later byte joins it and the
//!   reader ignores `j`, `q` and Ctrl-C until such a byte comes;
//! - it reads 1,024 bytes per readiness edge and returns on the first event, so the rest of a
//!   long paste stays unread until the next key.
//!
//! [`Parser`] ends every control sequence at its ECMA-48 final byte (known or not), bounds its
//! length, restarts on an ESC inside one, and gives up on an unfinished one after a short
//! silence ([`Parser::flush`]). [`Input`] drains everything pending before it returns, so one
//! frame is drawn per burst, not per byte.

use std::collections::VecDeque;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

const ESC: u8 = 0x1b;
/// The longest control sequence kept; longer ones are dropped as garbage.
const MAX_SEQUENCE: usize = 256;
/// The most text one paste event carries; a longer paste arrives as several.
pub const MAX_PASTE: usize = 1 << 20;
const PASTE_END: &[u8] = b"\x1b[201~";

/// What the front of the buffer holds.
enum Step {
    /// An event, and how many bytes it took.
    Event(Event, usize),
    /// Bytes that mean nothing to the reader (an unknown or broken sequence).
    Skip(usize),
    /// The start of a paste; the bytes of the marker.
    PasteStart(usize),
    /// More bytes are needed to tell.
    Incomplete,
}

/// Turns terminal input bytes into events. Feed it bytes as they come; call
/// [`flush`](Self::flush) when the terminal has been silent for a moment.
#[derive(Debug, Default)]
pub struct Parser {
    buf: Vec<u8>,
    /// Inside a bracketed paste: the bytes of the buffer already searched for its end.
    paste: Option<usize>,
    out: VecDeque<Event>,
}

impl Parser {
    /// A parser with nothing pending.
    pub fn new() -> Parser {
        Parser::default()
    }

    /// Reads these bytes; the events they complete are queued for [`next`](Self::next).
    pub fn feed(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
        self.advance();
    }

    /// True while the buffer ends inside a sequence or a paste.
    pub fn pending(&self) -> bool {
        !self.buf.is_empty() || self.paste.is_some()
    }

    /// The terminal went quiet: a lone ESC is the Esc key, ESC and a key is that key with Alt,
    /// an unfinished paste is delivered as it is, and an unfinished sequence is dropped.
    pub fn flush(&mut self) {
        if self.paste.is_some() {
            let text = std::mem::take(&mut self.buf);
            self.paste = None;
            self.push_paste(&text);
            return;
        }
        while !self.buf.is_empty() {
            if self.buf[0] == ESC {
                // ESC alone is Esc; ESC and one key is that key with Alt; anything longer is a
                // sequence cut short, dropped whole (its bytes are not keys).
                let alt = alt_key(&self.buf[1..]).filter(|(_, used)| used + 1 == self.buf.len());
                if self.buf.len() == 1 {
                    self.out.push_back(key(KeyCode::Esc, KeyModifiers::NONE));
                } else if let Some((ev, _)) = alt {
                    self.out.push_back(ev);
                }
                self.buf.clear();
            } else {
                // An unfinished UTF-8 character.
                self.buf.remove(0);
                self.advance();
            }
        }
    }

    /// True inside a bracketed paste whose end has not come yet.
    pub fn in_paste(&self) -> bool {
        self.paste.is_some()
    }

    /// The next event read, oldest first.
    pub fn next_event(&mut self) -> Option<Event> {
        self.out.pop_front()
    }

    /// Every event read so far.
    pub fn drain(&mut self) -> Vec<Event> {
        self.out.drain(..).collect()
    }

    fn advance(&mut self) {
        let mut at = 0;
        loop {
            if let Some(searched) = self.paste {
                let from = searched.max(at);
                match memchr::memmem::find(&self.buf[from..], PASTE_END) {
                    Some(i) => {
                        let text = self.buf[at..from + i].to_vec();
                        self.push_paste(&text);
                        at = from + i + PASTE_END.len();
                        self.paste = None;
                    }
                    None => {
                        // Keep the tail that may be the start of the end marker.
                        let keep = (self.buf.len() + 1)
                            .saturating_sub(PASTE_END.len())
                            .max(from);
                        if keep - at >= MAX_PASTE {
                            let text = self.buf[at..keep].to_vec();
                            self.push_paste(&text);
                            at = keep;
                        }
                        self.paste = Some(keep - at);
                        break;
                    }
                }
                continue;
            }
            if at >= self.buf.len() {
                break;
            }
            match step(&self.buf[at..]) {
                Step::Event(ev, used) => {
                    self.out.push_back(ev);
                    at += used;
                }
                Step::Skip(used) => at += used,
                Step::PasteStart(used) => {
                    at += used;
                    self.paste = Some(0);
                }
                Step::Incomplete => break,
            }
        }
        self.buf.drain(..at);
    }

    fn push_paste(&mut self, bytes: &[u8]) {
        if !bytes.is_empty() {
            let text = String::from_utf8_lossy(bytes).into_owned();
            self.out.push_back(Event::Paste(text));
        }
    }
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// The key one character makes: uppercase letters carry Shift, as crossterm reports them.
fn char_key(c: char) -> Event {
    let m = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    key(KeyCode::Char(c), m)
}

/// One event from the front of `b` (not empty).
fn step(b: &[u8]) -> Step {
    match b[0] {
        ESC => escape(b),
        b'\r' => Step::Event(key(KeyCode::Enter, KeyModifiers::NONE), 1),
        b'\n' => Step::Event(key(KeyCode::Char('j'), KeyModifiers::CONTROL), 1),
        b'\t' => Step::Event(key(KeyCode::Tab, KeyModifiers::NONE), 1),
        0x7f | 0x08 => Step::Event(key(KeyCode::Backspace, KeyModifiers::NONE), 1),
        0x00 => Step::Event(key(KeyCode::Char(' '), KeyModifiers::CONTROL), 1),
        c @ 0x01..=0x1a => Step::Event(
            key(KeyCode::Char((b'a' + c - 1) as char), KeyModifiers::CONTROL),
            1,
        ),
        c @ 0x1c..=0x1f => Step::Event(
            key(
                KeyCode::Char((b'4' + c - 0x1c) as char),
                KeyModifiers::CONTROL,
            ),
            1,
        ),
        c @ 0x20..=0x7e => Step::Event(char_key(c as char), 1),
        _ => match utf8_char(b) {
            Some(Some((c, n))) => Step::Event(char_key(c), n),
            Some(None) => Step::Skip(1),
            None => Step::Incomplete,
        },
    }
}

/// A UTF-8 character at the front of `b`: `Some(Some(..))` read, `Some(None)` not valid,
/// `None` cut short.
fn utf8_char(b: &[u8]) -> Option<Option<(char, usize)>> {
    let n = match b[0] {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Some(None),
    };
    let avail = b.len().min(n);
    if b[1..avail].iter().any(|&x| x & 0xc0 != 0x80) {
        return Some(None);
    }
    if b.len() < n {
        return None;
    }
    Some(
        std::str::from_utf8(&b[..n])
            .ok()
            .and_then(|s| s.chars().next())
            .map(|c| (c, n)),
    )
}

/// ESC and what follows it.
fn escape(b: &[u8]) -> Step {
    let Some(&second) = b.get(1) else {
        return Step::Incomplete;
    };
    match second {
        b'[' => csi(b),
        b'O' => match b.get(2) {
            None => Step::Incomplete,
            Some(&c) => match ss3_key(c) {
                Some(code) => Step::Event(key(code, KeyModifiers::NONE), 3),
                None => Step::Skip(if (0x40..=0x7e).contains(&c) { 3 } else { 2 }),
            },
        },
        // Strings the terminal sends (OSC, DCS, APC, PM, SOS) end at BEL or ST.
        b']' | b'P' | b'_' | b'^' | b'X' => terminated_string(b),
        ESC => Step::Event(key(KeyCode::Esc, KeyModifiers::NONE), 1),
        _ => match alt_key(&b[1..]) {
            Some((ev, used)) => Step::Event(ev, used + 1),
            None if utf8_char(&b[1..]).is_none() => Step::Incomplete,
            None => Step::Event(key(KeyCode::Esc, KeyModifiers::NONE), 1),
        },
    }
}

/// A key typed with Alt (sent as ESC and the key): a printable character or Backspace.
fn alt_key(b: &[u8]) -> Option<(Event, usize)> {
    let (code, used) = match b.first()? {
        0x7f | 0x08 => (KeyCode::Backspace, 1),
        b'\r' => (KeyCode::Enter, 1),
        c @ 0x20..=0x7e => (KeyCode::Char(*c as char), 1),
        _ => match utf8_char(b)? {
            Some((c, n)) => (KeyCode::Char(c), n),
            None => return None,
        },
    };
    let mut m = KeyModifiers::ALT;
    if matches!(code, KeyCode::Char(c) if c.is_uppercase()) {
        m |= KeyModifiers::SHIFT;
    }
    Some((key(code, m), used))
}

/// The key of a final letter, in SS3 (`ESC O A`) and CSI (`ESC [ 1 ; 5 A`) alike.
fn ss3_key(c: u8) -> Option<KeyCode> {
    Some(match c {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        b'R' => KeyCode::F(3),
        b'S' => KeyCode::F(4),
        _ => return None,
    })
}

/// OSC and its kin: skipped whole once BEL or ST ends them; an ESC that starts something else
/// ends them too.
fn terminated_string(b: &[u8]) -> Step {
    for i in 2..b.len() {
        match b[i] {
            0x07 => return Step::Skip(i + 1),
            ESC => match b.get(i + 1) {
                Some(b'\\') => return Step::Skip(i + 2),
                Some(_) => return Step::Skip(i),
                None => return Step::Incomplete,
            },
            _ if i >= MAX_SEQUENCE * 16 => return Step::Skip(i),
            _ => {}
        }
    }
    Step::Incomplete
}

/// `ESC [`: parameters (0x30–0x3F), intermediates (0x20–0x2F), one final byte (0x40–0x7E).
fn csi(b: &[u8]) -> Step {
    // X10 mouse: ESC [ M and three bytes.
    if b.get(2) == Some(&b'M') {
        if b.len() < 6 {
            return Step::Incomplete;
        }
        return match x10_mouse(b[3], b[4], b[5]) {
            Some(ev) => Step::Event(ev, 6),
            None => Step::Skip(6),
        };
    }
    for (i, &c) in b.iter().enumerate().skip(2) {
        match c {
            0x20..=0x3f => {
                if i >= MAX_SEQUENCE {
                    return Step::Skip(i);
                }
            }
            0x40..=0x7e => {
                let params = &b[2..i];
                if c == b'~' && params == b"200" {
                    return Step::PasteStart(i + 1);
                }
                return match csi_event(params, c) {
                    Some(ev) => Step::Event(ev, i + 1),
                    None => Step::Skip(i + 1),
                };
            }
            // Anything else (ESC, a control, a non-ASCII byte) breaks the sequence: drop what
            // came before it and read it afresh.
            _ => return Step::Skip(i),
        }
    }
    Step::Incomplete
}

/// The numbers of a parameter string (`1;5`), sub-parameters after `:` ignored.
fn numbers(params: &[u8]) -> Vec<u16> {
    params
        .split(|&c| c == b';')
        .map(|p| {
            let p = p.split(|&c| c == b':').next().unwrap_or(&[]);
            std::str::from_utf8(p)
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(0)
        })
        .collect()
}

/// The modifier parameter of xterm's keys: 1 + (Shift 1, Alt 2, Ctrl 4).
fn modifiers(m: Option<&u16>) -> KeyModifiers {
    modifier_bits(m.copied().unwrap_or(1).saturating_sub(1), [1, 2, 4])
}

/// Shift, Alt and Ctrl from the bits that carry them (`masks` in that order).
fn modifier_bits(bits: u16, masks: [u16; 3]) -> KeyModifiers {
    let mut out = KeyModifiers::NONE;
    for (mask, m) in masks.into_iter().zip([
        KeyModifiers::SHIFT,
        KeyModifiers::ALT,
        KeyModifiers::CONTROL,
    ]) {
        if bits & mask != 0 {
            out |= m;
        }
    }
    out
}

fn csi_event(params: &[u8], last: u8) -> Option<Event> {
    if let Some(rest) = params.strip_prefix(b"<") {
        return sgr_mouse(rest, last == b'M');
    }
    // Private (`?`, `>`, `=`) replies and anything with intermediates are not keys.
    if params
        .first()
        .is_some_and(|c| matches!(c, b'?' | b'>' | b'=' | b'<'))
        || params.iter().any(|c| (0x20..=0x2f).contains(c))
    {
        return None;
    }
    let n = numbers(params);
    let code = match last {
        b'Z' => return Some(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        // `ESC [ row ; col R` is a cursor report; only `ESC [ 1 ; m R` is F3.
        b'R' if n.first() != Some(&1) => return None,
        // The letters SS3 uses: arrows, Home, End, F1–F4.
        b'A'..=b'Z' => ss3_key(last)?,
        b'~' => match n.first()? {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            f @ 11..=15 => KeyCode::F((f - 10) as u8),
            f @ 17..=21 => KeyCode::F((f - 11) as u8),
            f @ 23..=26 => KeyCode::F((f - 12) as u8),
            f @ 28..=29 => KeyCode::F((f - 13) as u8),
            f @ 31..=34 => KeyCode::F((f - 14) as u8),
            _ => return None,
        },
        _ => return None,
    };
    Some(key(code, modifiers(n.get(1))))
}

fn mouse(cb: u16, column: u16, row: u16, release: bool) -> Option<Event> {
    let button = match cb & 0b11 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        2 => MouseButton::Right,
        _ => MouseButton::Left,
    };
    let kind = if cb & 64 != 0 {
        match cb & 0b11 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        }
    } else if cb & 32 != 0 {
        if cb & 0b11 == 3 {
            MouseEventKind::Moved
        } else {
            MouseEventKind::Drag(button)
        }
    } else if release || cb & 0b11 == 3 {
        MouseEventKind::Up(button)
    } else {
        MouseEventKind::Down(button)
    };
    let modifiers = modifier_bits(cb, [4, 8, 16]);
    Some(Event::Mouse(MouseEvent {
        kind,
        column: column.checked_sub(1)?,
        row: row.checked_sub(1)?,
        modifiers,
    }))
}

/// SGR mouse report: `ESC [ < b ; x ; y M` (press) or `m` (release).
fn sgr_mouse(params: &[u8], press: bool) -> Option<Event> {
    let n = numbers(params);
    let [cb, x, y] = n[..] else {
        return None;
    };
    mouse(cb, x, y, !press)
}

/// X10 mouse report: three bytes, each the value plus 32.
fn x10_mouse(cb: u8, x: u8, y: u8) -> Option<Event> {
    let v = |b: u8| u16::from(b).checked_sub(32);
    mouse(v(cb)?, v(x)?, v(y)?, false)
}

#[cfg(unix)]
pub use reader::Input;

#[cfg(unix)]
mod reader {
    use std::fs::File;
    use std::io::{self, Read};
    use std::os::fd::{AsRawFd, RawFd};
    use std::os::unix::net::UnixStream;
    use std::time::Duration;

    use crossterm::event::Event;

    use super::Parser;

    /// How long a terminal may pause inside one sequence before the parser gives up on it.
    const SEQUENCE_WAIT: Duration = Duration::from_millis(30);
    /// How long a bracketed paste may pause before what came is taken as the whole paste.
    const PASTE_WAIT: Duration = Duration::from_millis(500);
    /// Most bytes taken in one [`Input::read`]: a flood cannot keep the reader from drawing.
    const BURST: usize = 4 << 20;

    /// The terminal's input: reads every byte pending, wakes on SIGWINCH (and on the
    /// signals that end the reader) through a self-pipe.
    pub struct Input {
        tty: File,
        wake: UnixStream,
        parser: Parser,
        resized: std::sync::Arc<std::sync::atomic::AtomicBool>,
    }

    impl Input {
        /// Opens the terminal the reader draws on (stdin when it is one, else /dev/tty).
        pub fn open() -> io::Result<Input> {
            let stdin = std::io::stdin();
            let tty = if std::io::IsTerminal::is_terminal(&stdin) {
                File::from(std::os::fd::AsFd::as_fd(&stdin).try_clone_to_owned()?)
            } else {
                File::options().read(true).write(true).open("/dev/tty")?
            };
            let (wake, notify) = UnixStream::pair()?;
            wake.set_nonblocking(true)?;
            let resized = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
            signal_hook::flag::register(SIGWINCH, resized.clone())?;
            for signal in [SIGWINCH, SIGTERM, SIGHUP, SIGINT] {
                signal_hook::low_level::pipe::register(signal, notify.try_clone()?)?;
            }
            Ok(Input {
                tty,
                wake,
                parser: Parser::new(),
                resized,
            })
        }

        /// Waits up to `timeout` for input or a signal, then returns every event pending:
        /// all bytes the terminal has are read, and a sequence cut short is given a moment
        /// to finish before it is given up.
        pub fn read(&mut self, timeout: Duration) -> io::Result<Vec<Event>> {
            let mut taken = 0;
            let mut wait = timeout;
            let mut waited_for_rest = false;
            loop {
                let ready = self.poll(wait)?;
                self.drain_wake();
                if ready {
                    let mut buf = [0u8; 65536];
                    match self.tty.read(&mut buf) {
                        Ok(0) => {
                            return Err(io::Error::new(
                                io::ErrorKind::UnexpectedEof,
                                "the terminal closed",
                            ));
                        }
                        Ok(n) => {
                            taken += n;
                            self.parser.feed(&buf[..n]);
                        }
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                        Err(e) => return Err(e),
                    }
                    if taken >= BURST {
                        break;
                    }
                    wait = Duration::ZERO;
                    waited_for_rest = false;
                    continue;
                }
                if !self.parser.pending() {
                    break;
                }
                // Input stopped inside a sequence or a paste: the rest gets a moment to come
                // (a paste's end longer: a link may pause mid-paste), then it is given up.
                if !waited_for_rest {
                    waited_for_rest = true;
                    wait = if self.parser.in_paste() {
                        PASTE_WAIT
                    } else {
                        SEQUENCE_WAIT
                    };
                    continue;
                }
                self.parser.flush();
                break;
            }
            let mut events = self.parser.drain();
            if self
                .resized
                .swap(false, std::sync::atomic::Ordering::Relaxed)
                && let Ok((w, h)) = crossterm::terminal::size()
            {
                events.push(Event::Resize(w, h));
            }
            Ok(events)
        }

        /// True when the terminal has bytes; false on timeout or a signal.
        fn poll(&self, timeout: Duration) -> io::Result<bool> {
            let mut fds = [
                libc::pollfd {
                    fd: self.tty.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                },
                libc::pollfd {
                    fd: self.wake.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                },
            ];
            let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
            // SAFETY: `fds` is a valid array of two pollfd for the call's duration.
            let n = unsafe { libc::poll(fds.as_mut_ptr(), 2, ms) };
            if n < 0 {
                let e = io::Error::last_os_error();
                return if e.kind() == io::ErrorKind::Interrupted {
                    Ok(false)
                } else {
                    Err(e)
                };
            }
            let hangup = fds[0].revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL);
            if hangup != 0 && fds[0].revents & libc::POLLIN == 0 {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the terminal closed",
                ));
            }
            Ok(fds[0].revents & libc::POLLIN != 0)
        }

        fn drain_wake(&mut self) {
            let mut buf = [0u8; 64];
            while matches!((&self.wake).read(&mut buf), Ok(n) if n > 0) {}
        }
    }

    impl AsRawFd for Input {
        fn as_raw_fd(&self) -> RawFd {
            self.tty.as_raw_fd()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(bytes: &[u8]) -> Vec<Event> {
        let mut p = Parser::new();
        p.feed(bytes);
        p.flush();
        p.drain()
    }

    fn k(c: char) -> Event {
        char_key(c)
    }

    #[test]
    fn keys_controls_and_utf8() {
        assert_eq!(events(b"jq"), vec![k('j'), k('q')]);
        assert_eq!(
            events(b"\x03\r\x7f\t"),
            vec![
                key(KeyCode::Char('c'), KeyModifiers::CONTROL),
                key(KeyCode::Enter, KeyModifiers::NONE),
                key(KeyCode::Backspace, KeyModifiers::NONE),
                key(KeyCode::Tab, KeyModifiers::NONE),
            ]
        );
        assert_eq!(events("營收G".as_bytes()), vec![k('營'), k('收'), k('G')]);
        assert_eq!(
            events(b"G"),
            vec![key(KeyCode::Char('G'), KeyModifiers::SHIFT)]
        );
    }

    #[test]
    fn utf8_split_across_reads() {
        let bytes = "營".as_bytes();
        let mut p = Parser::new();
        p.feed(&bytes[..1]);
        assert!(p.next_event().is_none());
        p.feed(&bytes[1..]);
        assert_eq!(p.drain(), vec![k('營')]);
    }

    #[test]
    fn arrows_pages_and_modifiers() {
        assert_eq!(
            events(b"\x1b[A\x1bOB\x1b[5~\x1b[1;5C\x1b[H"),
            vec![
                key(KeyCode::Up, KeyModifiers::NONE),
                key(KeyCode::Down, KeyModifiers::NONE),
                key(KeyCode::PageUp, KeyModifiers::NONE),
                key(KeyCode::Right, KeyModifiers::CONTROL),
                key(KeyCode::Home, KeyModifiers::NONE),
            ]
        );
        assert_eq!(
            events(b"\x1b[1;5R\x1b[Z"),
            vec![
                key(KeyCode::F(3), KeyModifiers::CONTROL),
                key(KeyCode::BackTab, KeyModifiers::SHIFT),
            ]
        );
    }

    #[test]
    fn lone_escape_waits_for_silence_then_is_esc() {
        let mut p = Parser::new();
        p.feed(b"\x1b");
        assert!(p.next_event().is_none() && p.pending());
        p.flush();
        assert_eq!(p.drain(), vec![key(KeyCode::Esc, KeyModifiers::NONE)]);
        // ESC ESC: the first is a key at once.
        assert_eq!(
            events(b"\x1b\x1b"),
            vec![
                key(KeyCode::Esc, KeyModifiers::NONE),
                key(KeyCode::Esc, KeyModifiers::NONE)
            ]
        );
        assert_eq!(
            events(b"\x1bb"),
            vec![key(KeyCode::Char('b'), KeyModifiers::ALT)]
        );
    }

    /// crossterm#1104: `ESC [ ?` and a key swallowed every later byte. Here the unknown
    /// sequence ends at its final byte and the next key is read.
    #[test]
    fn unknown_private_sequence_does_not_swallow_input() {
        let mut p = Parser::new();
        p.feed(b"\x1b[?");
        assert!(p.next_event().is_none());
        p.feed(b"jq");
        assert_eq!(p.drain(), vec![k('q')]);
        // Cut short and silent: given up, and the next key is read.
        let mut p = Parser::new();
        p.feed(b"\x1b[?12;");
        p.flush();
        p.feed(b"q");
        assert_eq!(p.drain(), vec![k('q')]);
    }

    #[test]
    fn escape_inside_a_sequence_restarts_it() {
        assert_eq!(
            events(b"\x1b[12\x1b[Bq"),
            vec![key(KeyCode::Down, KeyModifiers::NONE), k('q')]
        );
    }

    #[test]
    fn overlong_sequence_is_dropped() {
        let mut bytes = b"\x1b[".to_vec();
        bytes.extend(std::iter::repeat_n(b'1', 10_000));
        bytes.push(b'q');
        let got = events(&bytes);
        assert_eq!(got.last(), Some(&k('q')));
    }

    #[test]
    fn terminal_replies_are_skipped() {
        assert_eq!(events(b"\x1b]11;rgb:0000/0000/0000\x07q"), vec![k('q')]);
        assert_eq!(events(b"\x1b]11;x\x1b\\q"), vec![k('q')]);
        assert_eq!(events(b"\x1b[?62;22c\x1b[12;40Rq"), vec![k('q')]);
        assert_eq!(events(b"\x1b[I\x1b[Oq"), vec![k('q')]);
    }

    #[test]
    fn bracketed_paste_is_one_event_even_split() {
        let mut p = Parser::new();
        p.feed(b"\x1b[200~free ca");
        assert!(p.next_event().is_none());
        p.feed(b"sh flow\x1b[2");
        assert!(p.next_event().is_none());
        p.feed(b"01~j");
        assert_eq!(
            p.drain(),
            vec![Event::Paste("free cash flow".into()), k('j')]
        );
        // A paste whose end never comes is delivered when the terminal goes quiet.
        let mut p = Parser::new();
        p.feed(b"\x1b[200~qqq");
        p.flush();
        p.feed(b"q");
        assert_eq!(p.drain(), vec![Event::Paste("qqq".into()), k('q')]);
    }

    #[test]
    fn mouse_reports() {
        let got = events(b"\x1b[<65;10;5M\x1b[<0;3;4M\x1b[<0;3;4m\x1b[M`!!");
        let kinds: Vec<_> = got
            .iter()
            .map(|e| match e {
                Event::Mouse(m) => (m.kind, m.column, m.row),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            kinds,
            vec![
                (MouseEventKind::ScrollDown, 9, 4),
                (MouseEventKind::Down(MouseButton::Left), 2, 3),
                (MouseEventKind::Up(MouseButton::Left), 2, 3),
                (MouseEventKind::ScrollUp, 0, 0),
            ]
        );
    }

    proptest::proptest! {
        /// Whatever bytes came before, once the terminal is quiet a typed `q` is read as `q`.
        #[test]
        fn any_bytes_leave_the_reader_responsive(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400),
            split in 0usize..400,
        ) {
            let mut p = Parser::new();
            let cut = split.min(bytes.len());
            p.feed(&bytes[..cut]);
            p.feed(&bytes[cut..]);
            p.flush();
            p.drain();
            proptest::prop_assert!(!p.pending());
            p.feed(b"q");
            proptest::prop_assert_eq!(p.drain(), vec![k('q')]);
        }
    }
}
