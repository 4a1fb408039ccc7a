//! Drives the real `dais` binary in a pseudo-terminal and reads its screen.
//!
//! Shared by the end-to-end tests.
//! Every wait polls until a condition holds and fails after [`TIMEOUT`]
//! with the screen in the message: nothing here is timed.

use super::harness::Home;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, SlavePty, native_pty_system};
use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::fd::OwnedFd;
use rustix::fs::{Mode, OFlags};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};
use vt100::{MouseProtocolEncoding, MouseProtocolMode};

/// How long any wait may take before the test fails. Generous: these tests
/// check behaviour, not speed, and CI machines are slow.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// The terminal's size unless a test asks for another.
pub const ROWS: u16 = 30;
/// The terminal's size unless a test asks for another.
pub const COLS: u16 = 100;
/// A moment in the bundled hearing: Panel 1 is live, Panel 2 is next.
pub const AT: &str = "2017-06-23 11:05";
/// What ratatui writes at the end of every frame.
const HIDE_CURSOR: &[u8] = b"\x1b[?25l";

/// A running dais in a pseudo-terminal, and what it has drawn.
pub struct Dais {
    master: Option<Box<dyn MasterPty + Send>>,
    // Held open so the terminal's modes outlive dais and can be read after
    // it exits.
    _slave: Box<dyn SlavePty + Send>,
    // The terminal's side opened once more, only to see whether typed
    // bytes still wait there for dais (see [`Dais::wait_keys_read`]).
    input: OwnedFd,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    output: Option<Receiver<Vec<u8>>>,
    parser: vt100::Parser,
    /// Every byte dais wrote, in order.
    pub bytes: Vec<u8>,
    /// The terminal's modes before dais started (see [`Dais::termios`]).
    pub termios_before: String,
    // Its home (config, state, cache), kept while it runs.
    _home: Home,
}

/// How to start a program in the pty.
pub struct Spawn {
    /// The program: dais unless a test says otherwise.
    pub program: PathBuf,
    /// Its arguments.
    pub args: Vec<String>,
    /// More environment.
    pub env: Vec<(String, String)>,
    /// Whether the pty becomes its controlling terminal (then closing the
    /// terminal sends it SIGHUP).
    pub controlling_tty: bool,
    /// Its home (`HOME` and the XDG directories); also its working
    /// directory. A fresh one unless the test shares one between runs.
    pub home: Home,
    /// The terminal's size: (columns, rows).
    pub size: (u16, u16),
}

impl Spawn {
    /// dais with `args`, at [`AT`].
    pub fn dais(args: &[&str]) -> Spawn {
        let mut args: Vec<String> = args.iter().map(|&a| a.to_owned()).collect();
        args.extend(["--at".to_owned(), AT.to_owned()]);
        Spawn {
            program: PathBuf::from(env!("CARGO_BIN_EXE_dais")),
            args,
            env: Vec::new(),
            controlling_tty: true,
            home: Home::new(),
            size: (COLS, ROWS),
        }
    }
}

impl Dais {
    /// Starts dais with `args` at [`AT`], in a fresh home.
    pub fn spawn(args: &[&str]) -> Dais {
        Dais::start(&Spawn::dais(args))
    }

    /// Starts a program as `how` says, in its home and a 256-colour xterm
    /// of `how.size`.
    pub fn start(how: &Spawn) -> Dais {
        let (cols, rows) = how.size;
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = command_in(&how.program, &how.home);
        cmd.args(&how.args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("TZ", "UTC");
        for (k, v) in &how.env {
            cmd.env(k, v);
        }
        cmd.set_controlling_tty(how.controlling_tty);
        let termios_before = termios(&*pty.master);
        let input = rustix::fs::open(
            pty.master.tty_name().expect("the pty's name"),
            OFlags::RDONLY | OFlags::NOCTTY | OFlags::NONBLOCK | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .expect("open the pty's terminal side");
        let child = pty.slave.spawn_command(cmd).expect("spawn dais");
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => return,
                    Ok(n) => {
                        // The test dropped the receiver: let go of the pty.
                        if tx.send(buf[..n].to_vec()).is_err() {
                            return;
                        }
                    }
                }
            }
        });
        Dais {
            master: Some(pty.master),
            _slave: pty.slave,
            input,
            writer: Some(writer),
            child,
            output: Some(rx),
            // vt100 overflows on a grid of one row or column; a larger one
            // reads a tiny terminal's output the same.
            parser: vt100::Parser::new(rows.max(4), cols.max(4), 0),
            bytes: Vec::new(),
            termios_before,
            _home: how.home.clone(),
        }
    }

    /// Types `keys` (raw bytes, as a terminal sends them).
    pub fn send(&mut self, keys: &str) {
        let w = self.writer.as_mut().expect("the terminal is open");
        w.write_all(keys.as_bytes()).expect("write to the pty");
        w.flush().expect("flush the pty");
    }

    /// Waits until dais has read every byte typed so far. Typing on before
    /// then may join the bytes in one read, which changes what a lone Esc
    /// means: read with the `\t` after it, it is Alt+Tab, not Esc.
    pub fn wait_keys_read(&mut self) {
        let deadline = Instant::now() + TIMEOUT;
        while self.keys_waiting() {
            assert!(
                Instant::now() < deadline,
                "dais did not read the keys typed; the screen:\n{}",
                self.screen()
            );
            self.drain();
        }
    }

    /// Whether typed bytes wait on the terminal's side. poll(2) says so
    /// reliably: it first hands on what the pty still holds for the line
    /// discipline, which FIONREAD does not count.
    fn keys_waiting(&self) -> bool {
        let mut fds = [PollFd::new(&self.input, PollFlags::IN)];
        let now = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        poll(&mut fds, Some(&now)).expect("poll the terminal") > 0
            && fds[0].revents().contains(PollFlags::IN)
    }

    /// Reads what dais wrote until `done` holds of the screen, or fails
    /// after [`TIMEOUT`] saying `what` and showing the screen.
    pub fn wait_until(&mut self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if done(self.parser.screen()) {
                return;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "timed out waiting for {what}; the screen:\n{}",
                self.screen()
            );
            let rx = self.output.as_ref().expect("the terminal is open");
            match rx.recv_timeout(left.min(Duration::from_millis(200))) {
                Ok(chunk) => {
                    self.parser.process(&chunk);
                    self.bytes.extend_from_slice(&chunk);
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    assert!(
                        done(self.parser.screen()),
                        "dais's output ended before {what}; the screen:\n{}",
                        self.screen()
                    );
                    return;
                }
            }
        }
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} on screen"), |s| {
            s.contents().contains(text)
        });
    }

    /// Waits until the screen no longer shows `text`.
    pub fn wait_gone(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} to go"), |s| !s.contents().contains(text));
    }

    /// Waits until one row of the screen holds both `a` and `b`.
    pub fn wait_row(&mut self, a: &str, b: &str) {
        self.wait_until(&format!("a row with {a:?} and {b:?}"), |s| {
            s.contents().lines().any(|l| l.contains(a) && l.contains(b))
        });
    }

    /// The screen as text.
    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// The screen's state (modes as well as text).
    pub fn vt(&self) -> &vt100::Screen {
        self.parser.screen()
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("dais has a pid")
    }

    /// Sends dais a signal by name ("TERM", "HUP", "CONT"…) with `kill`.
    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .args(["-s", name, &self.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -s {name} failed");
    }

    /// Waits for dais to exit, reading what it writes meanwhile; its exit
    /// code, or the signal that ended it as an error.
    pub fn wait_exit(&mut self) -> Result<u32, String> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            self.drain();
            if let Some(status) = self.child.try_wait().expect("wait for dais") {
                // Whatever it wrote last is in the pty already, but the
                // reader thread may not have passed it on yet on a loaded
                // machine: read until it has been quiet for a while.
                self.drain_for(Duration::from_millis(300));
                return match status.signal() {
                    Some(sig) => Err(sig.to_owned()),
                    None => Ok(status.exit_code()),
                };
            }
            assert!(
                Instant::now() < deadline,
                "dais did not exit; the screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until dais has stopped itself (Ctrl-Z). On Linux that is read
    /// from `/proc`; elsewhere, from the terminal being out of raw mode.
    pub fn wait_stopped(&mut self) {
        let deadline = Instant::now() + TIMEOUT;
        while !self.is_stopped() {
            assert!(Instant::now() < deadline, "dais did not stop");
            self.drain();
        }
    }

    #[cfg(target_os = "linux")]
    fn is_stopped(&self) -> bool {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).unwrap_or_default();
        // "pid (comm) S …": the state follows the last ')'.
        stat.rsplit_once(") ")
            .is_some_and(|(_, rest)| rest.starts_with('T'))
    }

    #[cfg(not(target_os = "linux"))]
    fn is_stopped(&self) -> bool {
        !self.is_raw()
    }

    /// Resizes the terminal to `cols` x `rows` (dais gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        // What dais draws from now on is read at the new size.
        self.drain();
        self.parser.screen_mut().set_size(rows.max(4), cols.max(4));
        self.master
            .as_ref()
            .expect("the terminal is open")
            .resize(size)
            .expect("resize the pty");
    }

    /// Waits until dais has finished drawing a frame: ratatui ends every
    /// frame by hiding the cursor, so the output so far ends with that.
    pub fn wait_frame_end(&mut self) {
        let deadline = Instant::now() + TIMEOUT;
        while !self.bytes.ends_with(HIDE_CURSOR) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for a frame to end; the screen:\n{}",
                self.screen()
            );
            self.drain();
        }
    }

    /// Reads whatever output is waiting, without blocking long.
    fn drain(&mut self) {
        self.drain_for(Duration::from_millis(20));
    }

    /// Reads output until none has come for `quiet`.
    fn drain_for(&mut self, quiet: Duration) {
        let Some(rx) = self.output.as_ref() else {
            return;
        };
        while let Ok(chunk) = rx.recv_timeout(quiet) {
            self.parser.process(&chunk);
            self.bytes.extend_from_slice(&chunk);
        }
    }

    /// The terminal's modes now, as the `Debug` of its termios (all flags
    /// and control characters).
    pub fn termios(&self) -> String {
        termios(&**self.master.as_ref().expect("the terminal is open"))
    }

    /// Whether the terminal is in raw mode: no line editing, no echo.
    pub fn is_raw(&self) -> bool {
        let flags = local_flags(&**self.master.as_ref().expect("the terminal is open"));
        !flags.iter().any(|f| f == "ICANON") && !flags.iter().any(|f| f == "ECHO")
    }

    /// Asserts the full-screen modes dais turns on while it runs (once the
    /// frame being drawn is complete).
    pub fn assert_full_screen(&mut self) {
        self.wait_frame_end();
        let s = self.vt();
        assert!(s.alternate_screen(), "alternate screen while running");
        assert!(s.hide_cursor(), "cursor hidden while running");
        assert!(s.bracketed_paste(), "bracketed paste while running");
        assert_ne!(s.mouse_protocol_mode(), MouseProtocolMode::None, "mouse on");
        assert!(self.is_raw(), "raw mode while running");
    }

    /// Asserts that everything dais turned on is off again, and that the
    /// terminal's modes are exactly what they were before it started.
    pub fn assert_restored(&self) {
        let s = self.vt();
        assert!(!s.alternate_screen(), "alternate screen left");
        assert!(!s.hide_cursor(), "cursor shown");
        assert!(!s.bracketed_paste(), "bracketed paste off");
        assert_eq!(
            s.mouse_protocol_mode(),
            MouseProtocolMode::None,
            "mouse off"
        );
        assert_eq!(
            s.mouse_protocol_encoding(),
            MouseProtocolEncoding::Default,
            "mouse encoding reset"
        );
        assert!(!self.is_raw(), "raw mode off");
        assert_eq!(self.termios(), self.termios_before, "termios as before");
    }

    /// Closes the terminal as a closed window would: every handle on the
    /// pty's master side goes, while dais is idle (not drawing), so that it
    /// can only learn of it from the terminal itself.
    pub fn close_terminal(&mut self) {
        let tty = self
            .master
            .as_ref()
            .and_then(|m| m.tty_name())
            .expect("the pty's name");
        // Whatever dais is drawing, let it finish.
        self.wait_frame_end();
        // portable-pty ends input by typing ^J and ^D when the writer goes;
        // dais has no binding for either, so it stays idle.
        self.writer = None;
        self.output = None;
        self.master = None;
        // The reader thread still holds a handle, blocked in a read. A byte
        // written on the terminal's side wakes it; it finds no one listening
        // and lets go of the last handle.
        std::fs::OpenOptions::new()
            .write(true)
            .open(tty)
            .and_then(|mut t| t.write_all(b" "))
            .expect("wake the pty reader");
    }
}

impl Drop for Dais {
    fn drop(&mut self) {
        // A failed test must not leave dais running.
        let _ = self.child.kill();
    }
}

/// `program` to run on a pty in `home`: its environment (HOME, XDG_*)
/// from [`Home::env`], the one place that sets it, and `home` as its
/// working directory.
pub fn command_in(program: &Path, home: &Home) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(program);
    let (set, removed) = home.env();
    for (k, v) in set {
        cmd.env(k, v);
    }
    for k in removed {
        cmd.env_remove(k);
    }
    cmd.cwd(home.path());
    cmd
}

/// The `Debug` of a pty's termios (the type is portable-pty's `nix`
/// re-export, which the tests cannot name).
fn termios(master: &dyn MasterPty) -> String {
    format!("{:?}", master.get_termios().expect("termios of the pty"))
}

/// The names of the local mode flags set (ICANON, ECHO, ISIG…).
fn local_flags(master: &dyn MasterPty) -> Vec<String> {
    let t = master.get_termios().expect("termios of the pty");
    format!("{:?}", t.local_flags)
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Writes `text` to `path` in place: truncate, then write.
pub fn write_in_place(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write the agenda");
}

/// Writes `text` to a new file beside `path`, then renames it over
/// `path`, as most editors save.
pub fn write_then_rename(path: &Path, text: &str) {
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, text).expect("write the new agenda");
    std::fs::rename(&tmp, path).expect("rename it over the old one");
}
