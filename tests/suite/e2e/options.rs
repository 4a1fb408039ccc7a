//! Options that change the screen, against the real binary in a pty:
//! `--speed` runs the clock faster, `--config` remaps keys and reports a
//! bad file on the first screen.

#![cfg(unix)]

use crate::support::harness::Home;
use crate::support::pty;

use pty::{Dais, Spawn};

#[test]
fn speed_runs_the_clock_faster() {
    // A minute before Panel 2 (Panel 1 is live); at 60 times real time, a
    // second. At real speed it would take a minute, far past the wait's
    // timeout. (Not waiting to see Panel 1 first: on a loaded machine the
    // first frame may come after the minute has gone.)
    let mut d = Dais::start(&Spawn {
        args: ["--at", "2017-06-23 11:44", "--speed", "60"]
            .map(str::to_owned)
            .to_vec(),
        ..Spawn::dais(&[])
    });
    d.wait_for("● LIVE Panel 2 · ");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
}

#[test]
fn a_speed_that_is_not_positive_is_refused() {
    for speed in ["0", "-2", "nan", "inf"] {
        let run = Home::new().dais(&["now", &format!("--speed={speed}")]);
        assert_eq!(run.code, 1, "--speed {speed}: {run:?}");
        assert_eq!(run.stderr, "dais: --speed must be a positive number\n");
    }
    // Past the fastest clock dais keeps is refused too, not clamped
    // silently; the fastest itself runs.
    let run = Home::new().dais(&["now", "--speed=1e7"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr,
        "dais: --speed 10000000 is too fast: at most 1000000 (a day in under a tenth of a second)\n"
    );
    let run = Home::new().dais(&["now", "--speed=1e6", "--at", "11:05"]);
    assert_eq!(run.code, 0, "{run:?}");
}

/// dais on a pty with `--config` naming `text`, written into its home.
fn with_config(text: &str) -> Dais {
    let home = Home::new();
    std::fs::write(home.path().join("my.toml"), text).expect("write the config");
    Dais::start(&Spawn {
        args: ["--config", "my.toml", "--at", pty::AT]
            .map(str::to_owned)
            .to_vec(),
        home,
        ..Spawn::dais(&[])
    })
}

#[test]
fn config_remaps_keys() {
    let mut d = with_config("[keys]\nquit = \"x\"\n");
    d.wait_for("┏ Programme");
    // The footer names the new key; the old one does nothing.
    d.wait_for("x quit");
    d.send("q");
    d.send("?");
    d.wait_for("Keys");
    // (Esc and x together would read as Alt-x.)
    d.send("\x1b");
    d.wait_gone("Esc or ? to close");
    d.send("x");
    assert_eq!(d.wait_exit(), Ok(0));
    d.assert_restored();
}

#[test]
fn a_bad_config_is_named_on_the_first_screen() {
    let mut d = with_config("theme = \"purple\"\n");
    d.wait_for("my.toml:1:9: theme: unknown theme \"purple\"");
    // And the rest still works, with the default keys.
    d.wait_for("q quit");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
}
