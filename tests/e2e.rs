//! End to end: the real binary in a pseudo-terminal, its screen read with a terminal
//! emulator (vt100). Launch, read, move, resize, quit, and the terminal is restored.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn portable_pty::MasterPty + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// State and config of this session only: never the user's, never an earlier run's.
    home: tempfile::TempDir,
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_callread"));
        cmd.args(args);
        // From another directory: the bundled transcripts are inside the binary.
        cmd.cwd(std::env::temp_dir());
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let home = tempfile::tempdir().unwrap();
        cmd.env("CALLREAD_STATE_DIR", home.path().join("state"));
        cmd.env("CALLREAD_CONFIG_DIR", home.path().join("config"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (p, r) = (parser.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            parser,
            raw,
            writer,
            master: pair.master,
            child,
            home,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn rows(&self) -> Vec<String> {
        let p = self.parser.lock().unwrap();
        let (_, cols) = p.screen().size();
        p.screen().rows(0, cols).collect()
    }

    fn wait_for(&self, what: &str, pred: impl Fn(&Session) -> bool) {
        let start = Instant::now();
        while !pred(self) {
            if start.elapsed() > Duration::from_secs(15) {
                panic!("timed out waiting for {what}; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status;
            }
            if start.elapsed() > Duration::from_secs(10) {
                let _ = self.child.kill();
                panic!("did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// A test that fails mid-way must not leave its reader running (spinning on a closed pty).
impl Drop for Session {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

#[test]
fn read_move_resize_quit_and_the_terminal_is_restored() {
    let mut s = Session::start(&[], 100, 30, &[]);
    s.wait_for("the first paragraph", |s| {
        s.screen().contains("Hello, everybody")
    });
    let rows = s.rows();
    let row = rows
        .iter()
        .find(|r| r.contains("Hello, everybody"))
        .unwrap();
    assert!(
        row.contains("大家好"),
        "English and Chinese on one row: {row}"
    );
    assert!(s.parser.lock().unwrap().screen().alternate_screen());

    s.send("j");
    s.wait_for("the cursor to move", |s| s.screen().contains("¶ 2/159"));
    s.send("G");
    s.wait_for("the last paragraph", |s| s.screen().contains("¶ 159/159"));
    s.send("g");
    s.wait_for("the top", |s| s.screen().contains("¶ 1/159"));
    s.send("jjj");
    s.wait_for("three more", |s| s.screen().contains("¶ 4/159"));

    s.resize(60, 16);
    s.wait_for("the narrow layout", |s| {
        let rows = s.rows();
        rows.len() == 16
            && rows.last().is_some_and(|r| r.contains("¶ 4/159"))
            && rows.iter().any(|r| r.starts_with('▌'))
    });
    s.resize(10, 3);
    s.wait_for("the too-small message", |s| {
        s.screen().contains("terminal t")
    });
    s.resize(120, 40);
    s.wait_for("the view back", |s| {
        s.rows().iter().any(|r| r.starts_with('▌')) && s.screen().contains("¶ 4/159")
    });

    s.send("q");
    let status = s.wait_exit();
    assert!(status.success());
    let p = s.parser.lock().unwrap();
    assert!(!p.screen().alternate_screen(), "left the alternate screen");
    assert!(!p.screen().hide_cursor(), "cursor shown again");
    assert_eq!(
        p.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse capture off"
    );
    let raw = s.raw.lock().unwrap();
    let raw = String::from_utf8_lossy(&raw);
    assert!(raw.contains("\x1b[?1049l"), "alternate screen left");
}

#[test]
fn no_mouse_leaves_mouse_capture_off() {
    let mut s = Session::start(&["--no-mouse"], 80, 24, &[]);
    s.wait_for("the reader", |s| s.screen().contains("¶ 1/159"));
    assert_eq!(
        s.parser.lock().unwrap().screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    s.send("\x03"); // Ctrl-c
    assert!(s.wait_exit().success());
}

#[test]
fn a_bad_file_is_a_one_line_error_and_no_screen_change() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("empty.txt");
    std::fs::write(&bad, "").unwrap();
    let mut s = Session::start(&[bad.to_str().unwrap()], 80, 24, &[]);
    let status = s.wait_exit();
    assert!(!status.success());
    let raw = s.raw.lock().unwrap();
    let raw = String::from_utf8_lossy(&raw);
    assert!(
        !raw.contains("\x1b[?1049h"),
        "never entered the alternate screen"
    );
    assert!(raw.contains("empty.txt: the file is empty"), "{raw}");
}

#[test]
fn a_directory_streams_in_with_the_picker() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in callread::library::BUNDLED {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let mut s = Session::start(&[dir.path().to_str().unwrap()], 100, 30, &[]);
    // The status bar counts calls as the picker lists them: Zoom, shown first, is fourth by
    // company name.
    s.wait_for("all five", |s| {
        s.screen().contains("4/5") && !s.screen().contains("loading")
    });
    s.send("t");
    s.wait_for("the picker", |s| s.screen().contains("transcripts 5/5"));
    s.send("asana\r");
    s.wait_for("Asana", |s| {
        s.rows()
            .last()
            .is_some_and(|r| r.contains("Asana") && r.contains("2/5"))
    });
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn reopening_resumes_and_no_state_writes_nothing() {
    let mut s = Session::start(&[], 100, 30, &[]);
    s.wait_for("the reader", |s| s.screen().contains("¶ 1/159"));
    s.send("jjjjm");
    s.wait_for("the bookmark", |s| s.screen().contains("bookmarked ¶ 5"));
    s.send("q");
    assert!(s.wait_exit().success());
    let state_dir = s.home.path().join("state");
    let saved = std::fs::read_to_string(state_dir.join("state.json")).unwrap();
    assert!(saved.contains("\"cursor\": 4"), "{saved}");
    // Reopen with the same state directory: back at paragraph 5, bookmark shown.
    let mut again = Session::start(
        &[],
        100,
        30,
        &[("CALLREAD_STATE_DIR", state_dir.to_str().unwrap())],
    );
    again.wait_for("the resumed position", |s| s.screen().contains("¶ 5/159"));
    again.send("q");
    assert!(again.wait_exit().success());
    // --no-state: neither reads nor writes.
    let mut none = Session::start(
        &["--no-state"],
        100,
        30,
        &[("CALLREAD_STATE_DIR", state_dir.to_str().unwrap())],
    );
    none.wait_for("the first paragraph", |s| s.screen().contains("¶ 1/159"));
    none.send("jjm");
    none.wait_for("a bookmark", |s| s.screen().contains("bookmarked ¶ 3"));
    none.send("q");
    assert!(none.wait_exit().success());
    assert_eq!(
        std::fs::read_to_string(state_dir.join("state.json")).unwrap(),
        saved
    );
}

/// `kill PID` on the reader's process.
#[cfg(unix)]
fn signal(s: &Session, name: &str) {
    let pid = s.child.process_id().expect("pid").to_string();
    let ok = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill -{name} {pid}");
}

/// SIGTERM, SIGHUP (a closed terminal window, `tmux kill-session`) and SIGQUIT (#28: its
/// default action left the terminal raw) end the reader like `q`: the terminal is restored
/// (alternate screen left, mouse capture off, cursor shown) and the position saved.
#[cfg(unix)]
#[test]
fn sigterm_sighup_and_sigquit_restore_the_terminal_and_save_the_position() {
    for name in ["TERM", "HUP", "QUIT"] {
        let mut s = Session::start(&[], 100, 30, &[]);
        s.wait_for("the reader", |s| s.screen().contains("¶ 1/159"));
        s.send("jjj");
        s.wait_for("the move", |s| s.screen().contains("¶ 4/159"));
        signal(&s, name);
        let status = s.wait_exit();
        assert!(
            status.success(),
            "{name}: ended as by q, not by the signal: {status:?}"
        );
        let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
        let tail = &raw[raw.rfind("\x1b[?1049h").unwrap()..];
        assert!(
            tail.contains("\x1b[?1049l"),
            "{name}: alternate screen left"
        );
        assert!(tail.contains("\x1b[?1000l"), "{name}: mouse capture off");
        assert!(tail.contains("\x1b[?25h"), "{name}: cursor shown");
        let saved =
            std::fs::read_to_string(s.home.path().join("state").join("state.json")).unwrap();
        assert!(saved.contains("\"cursor\": 3"), "{name}: {saved}");
    }
}

/// Ctrl-z gives the terminal back and stops; continued, the reader draws again and goes on.
/// (The stop itself is checked in tmux: a shell's `fg` brings the reader back.)
#[cfg(unix)]
#[test]
fn ctrl_z_suspends_and_resumes() {
    let mut s = Session::start(&[], 100, 30, &[]);
    s.wait_for("the reader", |s| s.screen().contains("¶ 1/159"));
    s.send("\x1a");
    s.wait_for("the terminal given back", |s| {
        let raw = s.raw.lock().unwrap();
        String::from_utf8_lossy(&raw).contains("\x1b[?1049l")
    });
    // Stopped (where a shell's job control lets it stop: a process alone in its session, as
    // here, is never stopped by SIGTSTP), then continued: the reader draws again.
    signal(&s, "CONT");
    s.wait_for("the screen again", |s| s.screen().contains("¶ 1/159"));
    s.send("j");
    s.wait_for("a move after resuming", |s| s.screen().contains("¶ 2/159"));
    s.send("q");
    assert!(s.wait_exit().success());
}

/// #16 item 3: `ESC [ ?` arriving alone (typed fast, or over ssh) froze crossterm's reader
/// until a `c` or `u` byte came. Now the unfinished sequence is given up after a moment and
/// the keys after it work; one that ends on a key's byte takes only that byte.
#[test]
fn a_partial_escape_sequence_does_not_freeze_the_reader() {
    let mut s = Session::start(&[], 100, 30, &[]);
    s.wait_for("the reader", |s| s.screen().contains("¶ 1/159"));
    s.send("\x1b[?");
    std::thread::sleep(Duration::from_millis(150));
    s.send("j");
    s.wait_for("j to move after the stray sequence", |s| {
        s.screen().contains("¶ 2/159")
    });
    s.send("\x1b[?jj");
    s.wait_for("the key after the sequence", |s| {
        s.screen().contains("¶ 3/159")
    });
    s.send("q");
    assert!(s.wait_exit().success());
}

/// #16 item 4: a burst longer than crossterm's 1,024-byte read was left half unread until the
/// next key. Every pending byte is read before drawing; a bracketed paste is one edit of the
/// prompt, and pasted text outside a prompt is never taken as keys.
#[test]
fn input_bursts_and_pastes_are_read_whole() {
    let mut s = Session::start(&[], 100, 30, &[]);
    s.wait_for("the reader", |s| s.screen().contains("¶ 1/159"));
    s.send("/");
    let mut burst = "\x7f".repeat(1_500);
    burst.push_str("guidance");
    s.send(&burst);
    s.wait_for("the whole burst in the prompt", |s| {
        s.rows().iter().any(|r| r.contains("guidance"))
    });
    s.send("\x15"); // Ctrl-u clears the prompt
    let paste = format!("\x1b[200~{}free cash\nflow\x1b[201~", " ".repeat(3_000));
    s.send(&paste);
    s.wait_for("the paste as one line", |s| {
        s.rows().iter().any(|r| r.contains("free cash flow"))
    });
    s.send("\x1b");
    s.wait_for("the prompt closed", |s| {
        !s.rows().iter().any(|r| r.contains("free cash flow"))
    });
    // Pasted into the reader: not keys (`q` would quit, `G` would go to the end).
    s.send("\x1b[200~Gqqq\x1b[201~");
    s.wait_for("the paste refused", |s| {
        s.screen().contains("press / first")
    });
    assert!(s.screen().contains("¶ 1/159"));
    s.send("q");
    assert!(s.wait_exit().success());
}

/// #12: `callread +N FILE` opens at line N of the file (as less and vim do), and `:N` in the
/// reader goes there too; count prefixes move that many.
#[test]
fn plus_n_and_colon_n_open_at_a_source_line() {
    let zoom = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/transcripts/000_28227caab299fe99.txt"
    );
    let mut s = Session::start(&["+81", zoom], 120, 30, &[]);
    s.wait_for("the guidance paragraph (line 81)", |s| {
        s.screen().contains("line 81: ¶ 35")
    });
    // Near the top, where the eye expects a jump's target.
    let row = s
        .rows()
        .iter()
        .position(|r| r.contains("Turning to guidance"))
        .expect("the guidance paragraph on screen");
    assert!(row <= 4, "row {row}:\n{}", s.screen());
    s.send(":13\r");
    s.wait_for("line 13", |s| s.screen().contains("line 13: ¶ 3"));
    s.send("5j");
    s.wait_for("five down", |s| s.screen().contains("¶ 8/159"));
    s.send("12G");
    s.wait_for("paragraph 12", |s| s.screen().contains("¶ 12/159"));
    s.send("q");
    assert!(s.wait_exit().success());
}

/// #28 item 5: a state.json that blocks on open (a write lease held by this test: a file that
/// reports itself regular, like `/proc/kmsg`) is given up after the timeout; the reader draws,
/// says reading state is off, and saves nothing, so the file is never overwritten.
#[cfg(target_os = "linux")]
#[test]
fn a_state_file_that_blocks_is_given_up_and_never_overwritten() {
    use std::os::fd::AsRawFd;
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("state");
    std::fs::create_dir(&state).unwrap();
    let saved = "{\"version\": 1, \"transcripts\": {}}";
    std::fs::write(state.join("state.json"), saved).unwrap();
    // SAFETY: ignoring SIGIO (the lease holder's notice of a breaking open) has no other effect.
    unsafe {
        libc::signal(libc::SIGIO, libc::SIG_IGN);
    }
    let file = std::fs::File::open(state.join("state.json")).unwrap();
    // SAFETY: fcntl on a file descriptor this test owns.
    if unsafe { libc::fcntl(file.as_raw_fd(), libc::F_SETLEASE, libc::F_WRLCK) } != 0 {
        // No leases on this file system: tests/bad_days.rs tests the timeout with a FIFO.
        eprintln!("no file leases: {}", std::io::Error::last_os_error());
        return;
    }
    let started = Instant::now();
    let mut s = Session::start(
        &[],
        200,
        30,
        &[
            ("CALLREAD_STATE_DIR", state.to_str().unwrap()),
            ("CALLREAD_READ_TIMEOUT_MS", "300"),
        ],
    );
    s.wait_for("the reader, with reading state off", |s| {
        s.screen().contains("¶ 1/159") && s.screen().contains("timed out")
    });
    assert!(started.elapsed() < Duration::from_secs(5));
    s.send("jjm");
    s.wait_for("a bookmark", |s| s.screen().contains("bookmarked ¶ 3"));
    s.send("q");
    assert!(s.wait_exit().success());
    drop(file);
    assert_eq!(
        std::fs::read_to_string(state.join("state.json")).unwrap(),
        saved
    );
}

/// #26: in the real binary, a count leaves the status bar with its movement (`12G`), and
/// the sentence highlight goes when the cursor leaves its pair (`g ) ) j j j`), so `m`
/// bookmarks the paragraph the cursor is on.
#[test]
fn counts_and_the_sentence_cursor_follow_the_cursor() {
    let mut s = Session::start(&[], 120, 30, &[]);
    s.wait_for("the reader", |s| s.screen().contains("¶ 1/159"));
    s.send("12");
    s.wait_for("the count", |s| {
        s.rows()
            .last()
            .is_some_and(|r| r.trim_end().ends_with("│ 12"))
    });
    s.send("G");
    s.wait_for("paragraph 12 and the count gone", |s| {
        s.rows()
            .last()
            .is_some_and(|r| r.contains("¶ 12/159") && r.trim_end().ends_with("? help"))
    });
    s.send("g))");
    s.wait_for("the second sentence", |s| {
        s.screen().contains("sentence 2 of 3 in ¶ 1")
    });
    s.send("jjj");
    s.wait_for("¶ 4", |s| s.screen().contains("¶ 4/159"));
    s.send("m");
    s.wait_for("the paragraph bookmarked", |s| {
        s.screen().contains("bookmarked ¶ 4 ")
    });
    s.send("q");
    assert!(s.wait_exit().success());
}

/// #26: in the real binary a number in the questions list chooses that question (`a 5
/// Enter`), and `/` in the participants list filters it.
#[test]
fn a_number_and_a_filter_in_the_lists() {
    let mut s = Session::start(&[], 120, 40, &[]);
    s.wait_for("the reader", |s| s.screen().contains("¶ 1/159"));
    s.send("a");
    s.wait_for("the questions", |s| {
        s.screen().contains("analyst questions")
    });
    s.send("5\r");
    s.wait_for("question 5: Ryan MacWilliams", |s| {
        s.rows()
            .last()
            .is_some_and(|r| r.contains("Ryan MacWilliams"))
    });
    s.send("s/mizuho");
    s.wait_for("the filter", |s| s.screen().contains("/mizuho"));
    s.send("\r");
    s.wait_for("Siti Panigrahi's turn", |s| {
        s.rows()
            .last()
            .is_some_and(|r| r.contains("Siti Panigrahi"))
    });
    s.send("q");
    assert!(s.wait_exit().success());
}

/// #26: with the state directory unusable, `m` says the bookmark will not be saved, and at
/// exit the session's bookmarks are printed as `callread export` writes them.
#[test]
fn unsaved_bookmarks_are_said_and_printed_at_exit() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the state directory should be: nothing can be saved there.
    let blocked = dir.path().join("state");
    std::fs::write(&blocked, "not a directory").unwrap();
    let mut s = Session::start(
        &[],
        120,
        30,
        &[("CALLREAD_STATE_DIR", blocked.to_str().unwrap())],
    );
    s.wait_for("the reader", |s| s.screen().contains("¶ 1/159"));
    s.send("jjm");
    s.wait_for("the bookmark, not saved", |s| {
        s.screen().contains("bookmarked ¶ 3, not saved")
    });
    s.send("q");
    assert!(s.wait_exit().success());
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    let after = raw.rsplit("\x1b[?1049l").next().unwrap_or("");
    assert!(after.contains("bookmarks not saved"), "{after}");
    assert!(after.contains("# Zoom, Q2 FY2025 call"), "{after}");
    assert!(after.contains("## Bookmarks"), "{after}");
    assert!(after.contains("  > "), "{after}");
    assert_eq!(
        std::fs::read_to_string(&blocked).unwrap(),
        "not a directory"
    );
}

/// #26: a bookmark made in a file, listed in a later session that did not open the file,
/// shows the company and call, and Enter opens the file at the bookmark.
#[test]
fn a_bookmark_of_a_call_not_open_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("twilio.txt");
    std::fs::write(&file, format!("{}\n\n", callread::library::BUNDLED[2].1)).unwrap();
    let state = dir.path().join("state");
    let env = [("CALLREAD_STATE_DIR", state.to_str().unwrap())];
    let mut s = Session::start(&[file.to_str().unwrap()], 120, 30, &env);
    s.wait_for("Twilio", |s| s.screen().contains("¶ 1/197"));
    s.send("10Gm");
    s.wait_for("the bookmark", |s| s.screen().contains("bookmarked ¶ 10"));
    s.send("q");
    assert!(s.wait_exit().success());
    // The bundled calls only: the file is not open.
    let mut again = Session::start(&[], 120, 30, &env);
    again.wait_for("the reader", |s| s.screen().contains("¶ 1/159"));
    again.send("'");
    again.wait_for("the bookmark by company and call", |s| {
        s.screen()
            .contains("Twilio, Q2 FY2024 call ¶ 10 (not open: Enter opens it)")
    });
    again.send("\r");
    again.wait_for("the call opened at the bookmark", |s| {
        s.rows().last().is_some_and(|r| {
            r.contains("Twilio") && r.contains("¶ 10/197") && r.contains("opened Twilio at ¶ 10")
        })
    });
    again.send("q");
    assert!(again.wait_exit().success());
}

/// #26: in the real binary `n` keeps a speaker filter set with `f`, as less keeps `&`.
#[test]
fn n_keeps_the_speaker_filter() {
    let mut s = Session::start(&[], 120, 40, &[]);
    s.wait_for("the reader", |s| s.screen().contains("¶ 1/159"));
    s.send("s/kelly\r");
    s.wait_for("Kelly's first turn", |s| {
        s.rows()
            .last()
            .is_some_and(|r| r.contains("Kelly Steckelberg"))
    });
    s.send("f");
    s.wait_for("the filter", |s| {
        s.screen().contains("only Kelly Steckelberg (Esc)")
    });
    s.send("/'margin\r");
    s.wait_for("the first match", |s| s.screen().contains("match 1/"));
    s.send("nn");
    s.wait_for("n within the filter", |s| {
        let last = s.rows().last().cloned().unwrap_or_default();
        last.contains("only Kelly Steckelberg (Esc)") && last.contains("in this speaker's turns")
    });
    s.send("q");
    assert!(s.wait_exit().success());
}
