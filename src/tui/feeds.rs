//! The threads that feed the event loop: terminal input, signals, and a
//! watch on the terminal itself.

use super::run::Event;
use ratatui::crossterm::event;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use std::io::{self, IsTerminal};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// How often [`watchdog`] looks at the terminal.
const WATCH_EVERY: Duration = Duration::from_millis(500);

/// Reads terminal events.
pub fn input(tx: Sender<Event>) {
    std::thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(e) => Event::Term(e),
                Err(e) => Event::TermGone(e.to_string()),
            };
            let gone = matches!(msg, Event::TermGone(_));
            if tx.send(msg).is_err() || gone {
                return;
            }
        }
    });
}

/// Turns signals into events.
pub fn signals(tx: Sender<Event>) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP])?;
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if tx.send(Event::Signal(sig)).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// Reports the terminal gone once stdin or stdout stops being one (a
/// closed window whose hangup did not reach dais as SIGHUP, say). The input
/// thread cannot: crossterm's reader retries a hung-up terminal in a loop
/// and never returns, so without this dais would spin until its next draw
/// failed, up to a minute later. Standard input counts only if it was the
/// terminal to begin with (with the agenda piped in, keys come from
/// /dev/tty).
pub fn watchdog(tx: Sender<Event>) {
    let keys_on_stdin = io::stdin().is_terminal();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(WATCH_EVERY);
            if (keys_on_stdin && !io::stdin().is_terminal()) || !io::stdout().is_terminal() {
                let _ = tx.send(Event::TermGone("the terminal is gone".into()));
                return;
            }
        }
    });
}
