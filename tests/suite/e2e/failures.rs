//! The real binary failing while it is full screen, made to fail by the
//! debug-build hook `DAIS_TEST_FAULT` once its first frame is drawn: an
//! error, a panic on the loop's thread and a panic in another thread each
//! leave the terminal exactly as dais found it, with the message readable.

#![cfg(unix)]

use crate::support::pty;

use pty::{Dais, Spawn};

/// dais failing as `fault` says; returns it once it has exited with
/// `status`, having gone full screen and drawn its first frame.
fn fails(fault: &str, status: u32) -> Dais {
    let mut d = Dais::start(&Spawn {
        env: vec![("DAIS_TEST_FAULT".to_owned(), fault.to_owned())],
        ..Spawn::dais(&[])
    });
    assert_eq!(d.wait_exit(), Ok(status), "exit status on {fault}");
    // (Entering, drawing and leaving may come in one read: the bytes.)
    let out = String::from_utf8_lossy(&d.bytes).into_owned();
    let entered = out.find("\x1b[?1049h").expect("it went full screen");
    assert!(
        out[entered..].contains("Programme"),
        "it drew a frame first: {out:?}"
    );
    d
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "DAIS_TEST_FAULT is in debug builds only"
)]
fn an_error_restores_the_terminal_and_says_why() {
    let d = fails("error", 1);
    d.assert_restored();
    assert!(
        d.screen()
            .contains("dais: terminal error: a failure on purpose (DAIS_TEST_FAULT=error)"),
        "{}",
        d.screen()
    );
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "DAIS_TEST_FAULT is in debug builds only"
)]
fn a_panic_restores_the_terminal() {
    let d = fails("panic", 101);
    d.assert_restored();
    // Readable: written after the terminal was restored.
    assert!(
        d.screen()
            .contains("a failure on purpose (DAIS_TEST_FAULT=panic)"),
        "{}",
        d.screen()
    );
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "DAIS_TEST_FAULT is in debug builds only"
)]
fn a_panic_in_another_thread_restores_the_terminal() {
    let d = fails("thread-panic", 101);
    d.assert_restored();
    assert!(
        d.screen()
            .contains("a failure on purpose (DAIS_TEST_FAULT=thread-panic)"),
        "{}",
        d.screen()
    );
}

#[test]
fn an_unknown_fault_is_no_fault() {
    let mut d = Dais::start(&Spawn {
        env: vec![("DAIS_TEST_FAULT".to_owned(), "nonsense".to_owned())],
        ..Spawn::dais(&[])
    });
    d.wait_for("┏ Programme");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    d.assert_restored();
}
