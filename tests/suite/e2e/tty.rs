//! On a terminal `dais list` styles its text; through a pipe (`cli::exit_codes`)
//! or with `NO_COLOR` it does not. Run in a real pseudo-terminal.

#![cfg(unix)]

use crate::support::harness::Home;
use crate::support::pty::command_in;

use portable_pty::{PtySize, native_pty_system};
use std::io::Read;

/// Runs `dais args` on a pseudo-terminal and returns what it wrote there.
fn on_a_terminal(args: &[&str], no_color: Option<&str>) -> String {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 50,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let home = Home::new();
    let mut cmd = command_in(env!("CARGO_BIN_EXE_dais").as_ref(), &home);
    cmd.args(args);
    if let Some(v) = no_color {
        cmd.env("NO_COLOR", v);
    }
    let mut child = pair.slave.spawn_command(cmd).expect("dais starts");
    // Only the child holds the terminal now, so reading ends when it exits.
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match reader.read(&mut buf) {
            // Linux reports EIO, not end of file, once the terminal closes.
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
    }
    let status = child.wait().expect("dais exits");
    assert!(status.success(), "dais {args:?} failed");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn a_terminal_gets_bold_headings() {
    let out = on_a_terminal(&["list"], None);
    assert!(
        out.contains("\u{1b}[1mInformal Interactive Multi-stakeholder Hearing\u{1b}[0m"),
        "{out:?}"
    );
    assert!(out.contains("\u{1b}[1mMorning Meeting\u{1b}[0m"), "{out:?}");
}

#[test]
fn no_color_turns_styling_off() {
    let out = on_a_terminal(&["list"], Some("1"));
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert!(out.contains("Informal Interactive Multi-stakeholder Hearing"));
    // An empty NO_COLOR does not count, as no-color.org says.
    let out = on_a_terminal(&["list"], Some(""));
    assert!(out.contains('\u{1b}'), "{out:?}");
}

#[test]
fn markdown_and_json_are_never_styled() {
    for format in ["markdown", "json"] {
        let out = on_a_terminal(&["list", "--format", format], None);
        assert!(!out.contains('\u{1b}'), "{format}: {out:?}");
    }
}
