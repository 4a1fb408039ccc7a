//! A failure on purpose, for the tests that prove the terminal is restored
//! when the screen fails: `DAIS_TEST_FAULT=error`, `panic` or
//! `thread-panic` makes the event loop fail that way once its first frame
//! is on screen. Compiled only into debug builds (the ones the tests run);
//! a release build has no such hook.

use std::io;
use std::sync::OnceLock;

/// The environment variable `main` reads the fault from.
pub const VAR: &str = "DAIS_TEST_FAULT";

/// How the loop fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The loop returns an I/O error, as a failed write to the terminal
    /// would.
    Error,
    /// The loop's thread panics.
    Panic,
    /// Another thread panics while the loop runs.
    ThreadPanic,
}

static ARMED: OnceLock<Fault> = OnceLock::new();

impl Fault {
    /// The fault a value of [`VAR`] names, if any.
    pub fn parse(value: &str) -> Option<Fault> {
        match value {
            "error" => Some(Fault::Error),
            "panic" => Some(Fault::Panic),
            "thread-panic" => Some(Fault::ThreadPanic),
            _ => None,
        }
    }
}

/// Arms `fault`: the event loop strikes it after its first frame.
pub fn arm(fault: Fault) {
    let _ = ARMED.set(fault);
}

/// Strikes the armed fault, if there is one.
pub(super) fn strike() -> io::Result<()> {
    match ARMED.get() {
        None => Ok(()),
        Some(Fault::Error) => Err(io::Error::other(format!(
            "a failure on purpose ({VAR}=error)"
        ))),
        Some(Fault::Panic) => panic!("a failure on purpose ({VAR}=panic)"),
        Some(Fault::ThreadPanic) => {
            // The panic hook ends the process from that thread.
            let _ =
                std::thread::spawn(|| panic!("a failure on purpose ({VAR}=thread-panic)")).join();
            Ok(())
        }
    }
}
