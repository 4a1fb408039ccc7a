//! Signals, suspending and a lost terminal, against the real binary in a
//! pseudo-terminal: the terminal is always left as dais found it.

#![cfg(unix)]

use crate::support::pty;

use pty::{Dais, Spawn};

const DOWN: &str = "\x1b[B";
const CTRL_Z: &str = "\x1a";

/// Starts dais, waits for its first screen, sends `signal`, and checks it
/// ends with the conventional status (128 + the signal's number) and a
/// restored terminal.
fn ends_on(signal: &str, number: u32) {
    let mut d = Dais::spawn(&[]);
    d.wait_for("┏ Programme");
    d.assert_full_screen();
    d.signal(signal);
    assert_eq!(
        d.wait_exit(),
        Ok(128 + number),
        "exit status after SIG{signal}"
    );
    d.assert_restored();
}

/// A signal's number on this system (they differ between Unixes).
fn number(signal: i32) -> u32 {
    u32::try_from(signal).expect("signal numbers are positive")
}

#[test]
fn sigterm_restores_the_terminal() {
    ends_on("TERM", 15);
}

#[test]
fn sighup_restores_the_terminal() {
    ends_on("HUP", 1);
}

#[test]
fn sigint_restores_the_terminal() {
    ends_on("INT", 2);
}

#[test]
fn sigquit_restores_the_terminal() {
    ends_on("QUIT", number(signal_hook::consts::SIGQUIT));
}

#[test]
fn sigusr1_restores_the_terminal() {
    ends_on("USR1", number(signal_hook::consts::SIGUSR1));
}

#[test]
fn sigusr2_restores_the_terminal() {
    ends_on("USR2", number(signal_hook::consts::SIGUSR2));
}

#[test]
fn sigalrm_restores_the_terminal() {
    ends_on("ALRM", number(signal_hook::consts::SIGALRM));
}

#[test]
fn sigpipe_restores_the_terminal() {
    ends_on("PIPE", number(signal_hook::consts::SIGPIPE));
}

#[test]
fn ctrl_z_suspends_and_resuming_redraws() {
    let mut d = Dais::spawn(&[]);
    d.wait_for("┏ Programme");
    d.send(DOWN);
    d.wait_for("Panel 2: Trafficking in Persons in armed conflict");

    d.send(CTRL_Z);
    // Back to the shell's screen, in the shell's modes, and stopped.
    d.wait_until("the main screen", |s| !s.alternate_screen());
    d.wait_stopped();
    d.assert_restored();

    // `fg` sends SIGCONT: full screen again, redrawn whole (the alternate
    // screen starts blank), with the selection kept.
    d.signal("CONT");
    d.wait_until("the alternate screen", vt100::Screen::alternate_screen);
    d.wait_for("┏ Programme");
    d.wait_for("Panel 2: Trafficking in Persons in armed conflict");
    d.wait_for("Informal Interactive Multi-stakeholder Hearing");
    d.assert_full_screen();
    let out = String::from_utf8_lossy(&d.bytes).into_owned();
    let resumed = out
        .rfind("\x1b[?1049h")
        .expect("entered the alternate screen");
    assert!(
        !out[resumed..].contains("\x1b[?25h"),
        "the cursor was shown after resuming"
    );

    // And it still takes keys.
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    d.assert_restored();
}

#[test]
fn a_closed_terminal_ends_dais() {
    // The pty is dais's controlling terminal: closing it sends SIGHUP.
    // (dais's own check of the terminal may notice first: then status 1.)
    let mut d = Dais::spawn(&[]);
    d.wait_for("┏ Programme");
    d.close_terminal();
    let status = d.wait_exit();
    assert!(matches!(status, Ok(129 | 1)), "exit status {status:?}");
}

#[test]
fn a_closed_terminal_ends_dais_without_sighup() {
    // Not its controlling terminal: no SIGHUP comes, reads return nothing
    // and writes fail. dais must notice and exit, not spin.
    let mut d = Dais::start(&Spawn {
        controlling_tty: false,
        ..Spawn::dais(&[])
    });
    d.wait_for("┏ Programme");
    d.close_terminal();
    assert_eq!(d.wait_exit(), Ok(1), "a lost terminal is a failure");
}
