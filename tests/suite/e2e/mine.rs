//! My programme against the real binary in a pty, at 80x24 and 120x40:
//! `*` and `f` star, `x` hides, `X` shows the hidden, `o` only the
//! starred, `z` your zone; clashes; the reminder's banner, bell and
//! desktop notification. What the screen said is then asked of `dais
//! list` and `dais now`.

#![cfg(unix)]

use crate::support::harness::{Home, fixture};
use crate::support::pty;

use pty::{Dais, Spawn};

const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const ENTER: &str = "\r";
const ESC: &str = "\x1b";
/// The two sizes every key is tried at: (columns, rows).
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// dais at [`pty::AT`] in `home` on a terminal of `size`, in Berlin.
fn in_berlin(home: &Home, size: (u16, u16)) -> Dais {
    Dais::start(&Spawn {
        home: home.clone(),
        size,
        env: vec![("TZ".into(), "Europe/Berlin".into())],
        ..Spawn::dais(&[])
    })
}

/// The titles `dais list` prints (the lines that start with a time).
fn listed(home: &Home, args: &[&str]) -> Vec<String> {
    let run = home.dais(&[&["list"], args].concat());
    assert_eq!(run.code, 0, "{run:?}");
    run.stdout
        .lines()
        .filter(|l| l.as_bytes().first().is_some_and(u8::is_ascii_digit))
        .map(|l| l.split_once("  ").map_or(l, |(_, t)| t).trim().to_owned())
        .collect()
}

/// Titles cut at their first colon ("Panel 3").
fn short(titles: &[String]) -> Vec<&str> {
    titles
        .iter()
        .map(|t| t.split_once(':').map_or(t.as_str(), |(a, _)| a))
        .collect()
}

#[test]
fn every_key_of_my_programme_at_80x24_and_120x40() {
    for size in SIZES {
        let home = &Home::new();
        let mut d = in_berlin(home, size);
        d.wait_row("● LIVE", "Panel 1");
        d.assert_full_screen();

        // * stars Panel 3; the row carries ★, and it is saved before the
        // screen says so: another process sees it at once.
        d.send(DOWN);
        d.send(DOWN);
        d.send("*");
        d.wait_for("★ Panel 3 starred");
        d.wait_row("15:00-16:25", "★ Panel 3");
        assert_eq!(short(&listed(home, &["--starred"])), ["Panel 3"]);

        // f does the same, and again undoes it.
        d.send(DOWN);
        d.send("f");
        d.wait_for("★ Panel 4 starred");
        d.wait_row("16:25-17:50", "★ Panel 4");
        d.send("f");
        d.wait_for("Panel 4 unstarred");
        d.wait_gone("★ Panel 4");
        d.send("f");
        d.wait_for("★ Panel 4 starred");

        // o: the starred alone, and the header says so; o again: all.
        d.send("o");
        d.wait_for("only starred (o: all)");
        d.wait_gone("10:30-11:45");
        d.wait_row("15:00-16:25", "★ Panel 3");
        d.send("o");
        d.wait_gone("only starred");
        d.wait_row("10:30-11:45", "Panel 1");

        // x hides Panel 2: it leaves the timeline and the gap closes up.
        d.send(UP);
        d.send(UP);
        d.send("x");
        d.wait_for("Panel 2 hidden (X shows hidden sessions)");
        d.wait_gone("Panel 2: Trafficking");
        d.wait_for("11:45-15:00");
        // X shows it again, marked; x on it unhides it.
        d.send("X");
        d.wait_for("hidden shown");
        d.wait_row("✕", "Panel 2: Trafficking");
        d.send(UP);
        d.send("x");
        d.wait_for("Panel 2 shown again");
        d.wait_gone("✕");
        d.send("X");
        d.wait_gone("hidden shown");

        // In the people view, * stars the session selected in the
        // person's list (the President's first: the opening), and marks
        // it there; * again takes it off.
        d.send("3");
        d.wait_for("Their sessions");
        d.send("*");
        d.wait_row("10:00-10:15", "★ Opening of the");
        d.send("*");
        d.wait_gone("★ Opening of the");
        d.send("1");
        d.wait_for("Programme ·");

        // z: every time in the viewer's zone, and the header names it.
        d.send("t");
        d.send("z");
        d.wait_for("times in CEST (your time)");
        d.wait_row("16:30-17:45", "Panel 1");
        d.send("z");
        d.wait_gone("times in CEST");
        d.wait_row("10:30-11:45", "Panel 1");

        d.send("q");
        assert_eq!(d.wait_exit(), Ok(0), "at {size:?}");
        d.assert_restored();

        // What the screen starred, and nothing more; Panel 2 is no
        // longer hidden.
        assert_eq!(short(&listed(home, &["--starred"])), ["Panel 3", "Panel 4"]);
        assert_eq!(listed(home, &[]).len(), 7);
        let now = home.dais(&["now", "--starred", "--at", "2017-06-23 14:00"]);
        assert_eq!(now.stdout, "★ Panel 3 in 1 h\n", "{now:?}");
    }
}

#[test]
fn the_zone_chosen_with_z_is_kept_for_the_agenda() {
    let home = &Home::new();
    let mut d = in_berlin(home, (80, 24));
    d.wait_row("10:30-11:45", "Panel 1");
    d.send("z");
    d.wait_row("16:30-17:45", "Panel 1");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    let mut d = in_berlin(home, (80, 24));
    d.wait_for("times in CEST (your time)");
    d.wait_row("16:30-17:45", "Panel 1");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
}

#[test]
fn two_starred_sessions_in_parallel_rooms_clash() {
    let file = fixture("parallel_rooms.json");
    let file = file.to_str().expect("a UTF-8 path");
    for size in SIZES {
        let mut d = Dais::start(&Spawn {
            args: [file, "--at", "2024-05-01 08:30"]
                .map(str::to_owned)
                .to_vec(),
            size,
            ..Spawn::dais(&[])
        });
        // Before the day, the first session is selected.
        d.wait_row("09:00-10:00", "Rust in space");
        d.send("*");
        d.wait_for("★ Rust in space starred");
        d.send(DOWN);
        d.send("*");
        d.wait_for("★ Gardening with robots overlaps Rust in space (Hall A) by 30 min");
        d.wait_row("★⚠", "Rust in space");
        d.wait_row("★⚠", "Gardening with robots");
        // Each detail names the other (the session pane does too: the
        // detail's title tells them apart).
        d.send(ENTER);
        d.wait_for("Session detail");
        d.wait_for("⚠ overlaps Rust in space (Hall A) by 30 min");
        d.send(ESC);
        d.wait_gone("Session detail");
        d.send(UP);
        d.send(ENTER);
        d.wait_for("Session detail");
        d.wait_for("⚠ overlaps Gardening with robots (Hall B) by 30 min");
        d.send(ESC);
        d.wait_gone("Session detail");
        // o: the two alone.
        d.wait_for("Closing words");
        d.send("o");
        d.wait_for("only starred");
        d.wait_gone("Closing words");
        d.wait_for("Programme · 2 of 3 sessions");
        d.wait_row("★⚠", "Rust in space");
        d.wait_row("★⚠", "Gardening with robots");
        d.send("q");
        assert_eq!(d.wait_exit(), Ok(0), "at {size:?}");
        d.assert_restored();
    }
}

#[test]
fn a_reminder_shows_a_banner_rings_the_bell_and_notifies() {
    let home = &Home::new();
    let star = home.dais(&["star", "panel-3"]);
    assert_eq!(star.code, 0, "{star:?}");
    // Five minutes before Panel 3 at 14:55; at sixty times real time,
    // five seconds away. A terminal that shows desktop notifications
    // (VTE) gets one as well.
    let started = std::time::Instant::now();
    let mut d = Dais::start(&Spawn {
        args: ["--at", "2017-06-23 14:50", "--speed", "60"]
            .map(str::to_owned)
            .to_vec(),
        home: home.clone(),
        env: vec![("VTE_VERSION".into(), "7600".into())],
        ..Spawn::dais(&[])
    });
    d.wait_for("in 5 min: Panel 3 · Conference Room 4");
    let took = started.elapsed();
    assert!(took.as_secs() < 10, "the reminder took {took:?}");
    d.wait_frame_end();
    let bells: Vec<&u8> = d.bytes.iter().filter(|&&b| b == 0x07).collect();
    assert_eq!(bells.len(), 1, "one BEL");
    let osc = "\x1b]777;notify;dais;in 5 min: Panel 3 · Conference Room 4\x1b\\";
    let written = String::from_utf8_lossy(&d.bytes).into_owned();
    assert!(written.contains(osc), "no {osc:?} in what dais wrote");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    d.assert_restored();
}

#[test]
fn two_windows_share_their_stars_and_lose_none() {
    let home = &Home::new();
    let spawn = || {
        Dais::start(&Spawn {
            home: home.clone(),
            ..Spawn::dais(&[])
        })
    };
    let (mut one, mut two) = (spawn(), spawn());
    one.wait_row("● LIVE", "Panel 1");
    two.wait_row("● LIVE", "Panel 1");
    // A star in one window is in the store at once.
    one.send(DOWN);
    one.send(DOWN);
    one.send("*");
    one.wait_for("★ Panel 3 starred");
    assert_eq!(short(&listed(home, &["--starred"])), ["Panel 3"]);
    // The other, which has not looked since, stars another: both are
    // kept, and it now shows the first one's too.
    two.send(DOWN);
    two.send(DOWN);
    two.send(DOWN);
    two.send("*");
    two.wait_for("★ Panel 4 starred");
    assert_eq!(short(&listed(home, &["--starred"])), ["Panel 3", "Panel 4"]);
    two.wait_row("15:00-16:25", "★ Panel 3");
    // The first shows the second's when it next wakes: any key will do,
    // one bound to nothing.
    one.send("\x1b[24~");
    one.wait_row("16:25-17:50", "★ Panel 4");
    // An unstar travels the same way.
    one.send("*");
    one.wait_for("Panel 3 unstarred");
    two.send("\x1b[24~");
    two.wait_gone("★ Panel 3");
    for d in [&mut one, &mut two] {
        d.send("q");
        assert_eq!(d.wait_exit(), Ok(0));
    }
    assert_eq!(short(&listed(home, &["--starred"])), ["Panel 4"]);
}

#[test]
fn the_header_names_the_key_config_binds_to_only_starred() {
    let home = Home::new();
    assert_eq!(home.dais(&["star", "panel-3"]).code, 0);
    std::fs::write(
        home.path().join("my.toml"),
        "[keys]\nonly-starred = \"m\"\n",
    )
    .expect("write the config");
    let mut d = Dais::start(&Spawn {
        args: ["--config", "my.toml", "--at", pty::AT]
            .map(str::to_owned)
            .to_vec(),
        home,
        ..Spawn::dais(&[])
    });
    d.wait_row("● LIVE", "Panel 1");
    d.send("m");
    d.wait_for("only starred (m: all)");
    d.wait_for("Programme · 1 of 7 sessions");
    d.send("m");
    d.wait_gone("only starred");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
}
