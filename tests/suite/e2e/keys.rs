//! The real binary in a pseudo-terminal: keys in, screen out, and the
//! terminal left as it was found.

#![cfg(unix)]

use crate::support::pty;

use pty::{Dais, Spawn};

const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const ENTER: &str = "\r";
const ESC: &str = "\x1b";
const TAB: &str = "\t";

#[test]
fn keys_drive_the_screen_and_q_restores_the_terminal() {
    let mut d = Dais::spawn(&[]);
    // At 11:05 Panel 1 is live and selected; the session pane shows it.
    d.wait_for("Informal Interactive Multi-stakeholder Hearing");
    d.wait_row("● LIVE", "Panel 1");
    d.wait_for("Panel 1: A Human-rights-based, survivor-centred");
    d.assert_full_screen();

    // Down selects Panel 2, Up goes back.
    d.send(DOWN);
    d.wait_for("Panel 2: Trafficking in Persons in armed conflict");
    d.send(UP);
    d.wait_for("Panel 1: A Human-rights-based, survivor-centred");

    // Enter opens the session's detail, Esc closes it.
    d.send(ENTER);
    d.wait_for("Session detail · Esc to close");
    d.send(ESC);
    d.wait_gone("Session detail");
    d.wait_for("┏ Programme");

    // Tab moves the focus (the thick border) to the people pane.
    d.send(TAB);
    d.wait_for("┏ People");
    d.wait_gone("┏ Programme");

    // / searches as you type and jumps to the first match: a panellist of
    // Panel 2. Enter keeps the search, Esc clears it.
    d.send("/Reeck");
    d.wait_for("/Reeck▏");
    d.wait_for("1 session");
    d.wait_for("Panel 2: Trafficking in Persons in armed conflict");
    d.send(ENTER);
    d.wait_gone("▏");
    d.wait_for("/Reeck");
    d.send(ESC);
    d.wait_gone("/Reeck");

    // ? shows the help, ? again hides it.
    d.send("?");
    d.wait_for("Help · Esc or ? to close");
    d.wait_for("move down / scroll down");
    d.send("?");
    d.wait_gone("Help · Esc or ? to close");

    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    d.assert_restored();
}

#[test]
fn the_restoring_sequences_are_written_at_exit() {
    let mut d = Dais::spawn(&[]);
    d.wait_for("┏ Programme");
    let at_start = d.bytes.len();
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    let tail = String::from_utf8_lossy(&d.bytes[at_start..]).into_owned();
    for (what, seq) in [
        ("leave the alternate screen", "\x1b[?1049l"),
        ("show the cursor", "\x1b[?25h"),
        ("stop mouse reports", "\x1b[?1000l"),
        ("stop SGR mouse encoding", "\x1b[?1006l"),
    ] {
        assert!(tail.contains(seq), "no {what} ({seq:?}) in {tail:?}");
    }
}

#[test]
fn an_agenda_piped_in_opens_the_screen_with_keys_from_the_terminal() {
    // `dais - < file` on a terminal: the agenda on stdin, the keys read
    // from the terminal itself, as a pager does.
    let hearing = concat!(env!("CARGO_MANIFEST_DIR"), "/data/hearing-2017-06-23.json");
    let mut d = Dais::start(&Spawn {
        program: "/bin/sh".into(),
        args: [
            "-c",
            r#"exec "$0" - --at "$1" < "$2""#,
            env!("CARGO_BIN_EXE_dais"),
            pty::AT,
            hearing,
        ]
        .map(str::to_owned)
        .to_vec(),
        ..Spawn::dais(&[])
    });
    d.wait_row("● LIVE", "Panel 1");
    d.assert_full_screen();
    d.send(DOWN);
    d.wait_for("Panel 2: Trafficking in Persons in armed conflict");
    // Nothing to read again.
    d.send("r");
    d.wait_for("The agenda came from standard input");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    d.assert_restored();
}

/// Where `text` first shows on the screen, as the 1-based column and row
/// a terminal reports the mouse at.
fn cell_of(d: &mut Dais, text: &str) -> (usize, usize) {
    d.wait_for(text);
    let screen = d.screen();
    screen
        .lines()
        .enumerate()
        .find_map(|(y, line)| {
            let at = line.find(text)?;
            Some((line[..at].chars().count() + 1, y + 1))
        })
        .unwrap_or_else(|| panic!("{text:?} is not on the screen:\n{screen}"))
}

#[test]
fn the_mouse_selects_and_scrolls_in_the_real_terminal() {
    let mut d = Dais::spawn(&[]);
    d.wait_row("● LIVE", "Panel 1");
    // A click on Panel 3's row in the timeline selects it (SGR reporting:
    // button 0 pressed, then released).
    let (x, y) = cell_of(&mut d, "15:00-16:25");
    d.send(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
    d.wait_for("Panel 3: Trafficking in persons");
    d.wait_for("follow off");
    // A click in the people pane gives it the keys (its thick border).
    let (x, y) = cell_of(&mut d, "Moderators");
    d.send(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
    d.wait_for("┏ People");
    // The wheel over the timeline moves its selection three sessions a
    // notch, wherever the keys are: from Panel 3 down to the closing (the
    // last), then up to Panel 2.
    let (x, y) = cell_of(&mut d, "10:00-10:15");
    d.send(&format!("\x1b[<65;{x};{y}M"));
    d.wait_for("Closing of the hearing by the President");
    d.send(&format!("\x1b[<64;{x};{y}M"));
    d.wait_for("Panel 2: Trafficking in Persons in armed conflict");
    d.wait_for("┏ People");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    d.assert_restored();
}
