//! The threads that feed the event loop: terminal input, signals, and a
//! watch on the terminal itself.

use super::event::Event;
use ratatui::crossterm::event;
use rustix::event::{PollFd, PollFlags, poll};
use rustix::io::Errno;
use signal_hook::consts::{
    SIGALRM, SIGHUP, SIGINT, SIGPIPE, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2, SIGWINCH,
};
use std::io::{self, IsTerminal};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// How often [`watchdog`] looks at the terminal if it cannot wait on it.
const WATCH_EVERY: Duration = Duration::from_millis(500);

/// Stops and starts the reading of terminal events, so a program dais
/// runs in its place (the editor) gets every key.
#[derive(Debug, Clone, Default)]
pub struct Pause(Arc<(Mutex<Reading>, Condvar)>);

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Reading {
    #[default]
    On,
    /// Asked to stop; the reader says [`Reading::Off`] once it has.
    Stopping,
    Off,
}

/// How long [`Pause::pause`] waits for the reader to stop: it answers at
/// once, unless it is gone (the terminal with it).
const PAUSE_WAIT: Duration = Duration::from_secs(2);

impl Pause {
    /// Stops reading keys: returns once the reader is waiting (or after
    /// [`PAUSE_WAIT`] if it does not answer). The reader waits in
    /// crossterm, which cannot be told to stop; a SIGWINCH, which
    /// crossterm listens for, wakes it with a harmless resize event.
    pub fn pause(&self) {
        let (lock, cv) = &*self.0;
        let mut r = lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *r = Reading::Stopping;
        let _ = signal_hook::low_level::raise(SIGWINCH);
        drop(cv.wait_timeout_while(r, PAUSE_WAIT, |r| *r != Reading::Off));
    }

    /// Reads keys again.
    pub fn resume(&self) {
        let (lock, cv) = &*self.0;
        *lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Reading::On;
        cv.notify_all();
    }

    /// Where the reader waits while paused.
    fn wait(&self) {
        let (lock, cv) = &*self.0;
        let mut r = lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if *r == Reading::Stopping {
            *r = Reading::Off;
            cv.notify_all();
        }
        drop(cv.wait_while(r, |r| *r != Reading::On));
    }
}

/// Reads terminal events, but not while `pause` says so.
pub fn input(tx: Sender<Event>, pause: Pause) {
    std::thread::spawn(move || {
        loop {
            pause.wait();
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

/// The signals that end dais (after restoring the terminal): every one
/// whose default action would end the process with the terminal still in
/// raw mode on the alternate screen.
pub const ENDING: [i32; 8] = [
    SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE,
];

/// Turns signals into events: SIGTSTP suspends, the [`ENDING`] ones end
/// the loop.
pub fn signals(tx: Sender<Event>) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new(ENDING.iter().copied().chain([SIGTSTP]))?;
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if tx.send(Event::Signal(sig)).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// Reports the terminal gone once it hangs up (a closed window whose
/// hangup did not reach dais as SIGHUP, say). The input thread cannot:
/// crossterm's reader retries a hung-up terminal in a loop and never
/// returns, so without this dais would spin until its next draw failed, up
/// to a minute later. It waits in poll(2), which wakes only for a hangup
/// or an error, so an idle dais stays asleep. Standard input counts only if
/// it was the terminal to begin with (with the agenda piped in, keys come
/// from /dev/tty).
pub fn watchdog(tx: Sender<Event>) {
    let keys_on_stdin = io::stdin().is_terminal();
    std::thread::spawn(move || {
        let (stdout, stdin) = (io::stdout(), io::stdin());
        let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
        loop {
            let mut fds = vec![PollFd::new(&stdout, PollFlags::empty())];
            if keys_on_stdin {
                fds.push(PollFd::new(&stdin, PollFlags::empty()));
            }
            match poll(&mut fds, None) {
                Ok(_) if fds.iter().any(|f| f.revents().intersects(gone)) => break,
                Ok(_) | Err(Errno::INTR) => {}
                // Cannot wait on it: look every so often instead.
                Err(_) => {
                    std::thread::sleep(WATCH_EVERY);
                    if (keys_on_stdin && !stdin.is_terminal()) || !stdout.is_terminal() {
                        break;
                    }
                }
            }
        }
        let _ = tx.send(Event::TermGone("the terminal is gone".into()));
    });
}
