//! Big agendas stay responsive (#12 §7), asserted on work done rather than
//! on time: 1,000 sessions each with 64 KB of text (a description of
//! words, 1,000 notes, one unbroken word). A redraw, a scroll and a key
//! back to a session already seen wrap no more lines than the screen
//! shows; a key to a new session wraps its text once. (Before the wrap
//! cache, every frame counted the selected session's whole text, and a
//! scroll wrapped everything above the first line shown.)

use crate::support::screen::render;

use chrono::Duration;
use dais::agenda::Label;
use dais::app::{Action, App, Command, Pane};
use dais::load::{Limits, load_bytes};
use dais::synth::agenda_json;
use dais::ui::text::{lines_wrapped, wrapped_len};
use std::fmt::Write as _;

/// 1,000 sessions with 64 KB of text each, of `kind`, at 120x40.
fn big_app(kind: &str) -> App {
    let limits = Limits {
        max_bytes: u64::MAX,
        ..Limits::default()
    };
    let mut agenda = load_bytes("b", agenda_json(1_000, 7).as_bytes(), &limits)
        .expect("valid")
        .agenda;
    let mut words = String::with_capacity(70_000);
    for w in 0..9_400 {
        let _ = write!(words, "w{w:05} ");
    }
    let words: Box<str> = words[..65_536].into();
    let notes: Box<[Label]> = (0..1_000)
        .map(|n| format!("{n:04} {}", "x".repeat(59)).into())
        .collect();
    let word: Box<str> = "y".repeat(65_536).into();
    for s in &mut agenda.sessions {
        match kind {
            "description" => s.description = Some(words.clone()),
            "notes" => s.notes.clone_from(&notes),
            _ => s.description = Some(word.clone()),
        }
    }
    let start = agenda.sessions[0].span.start - Duration::minutes(10);
    let mut app = App::new(agenda, start);
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app
}

/// Lines wrapped while `f` runs.
fn work(f: impl FnOnce()) -> u64 {
    let before = lines_wrapped();
    f();
    lines_wrapped() - before
}

/// At most this many lines wrapped for a frame that shows nothing new: a
/// screen's worth (40 rows) for each pane that wraps, with room.
const A_SCREEN: u64 = 200;

#[test]
fn a_key_wraps_what_the_screen_shows_and_a_new_text_once() {
    for kind in ["description", "notes", "one_word"] {
        let mut app = big_app(kind);
        render(&app);
        let redraw = work(|| drop(render(&app)));
        assert!(
            redraw <= A_SCREEN,
            "{kind}: a redraw wrapped {redraw} lines"
        );
        // The selected session's text, once, at the session pane's width.
        let width = usize::from(app.screen().pane(Pane::Session).width - 2);
        let s = &app.agenda.sessions[1];
        let whole: u64 = s
            .notes
            .iter()
            .map(|n| &**n)
            .chain(s.description.as_deref())
            .map(|t| wrapped_len(t, width) as u64)
            .sum();
        assert!(whole > 900, "{kind}: {whole} lines at {width}");
        let down = work(|| {
            app.update(Command::Down.into());
            drop(render(&app));
        });
        assert!(
            down <= whole + A_SCREEN,
            "{kind}: j wrapped {down} lines; the new text has {whole}"
        );
        let redraw = work(|| drop(render(&app)));
        assert!(
            redraw <= A_SCREEN,
            "{kind}: a redraw wrapped {redraw} lines"
        );
        let back = work(|| {
            app.update(Command::Up.into());
            drop(render(&app));
        });
        assert!(back <= A_SCREEN, "{kind}: k back wrapped {back} lines");
        // Scrolling deep into the text: no line above the window wrapped.
        app.views.agenda.focus = Pane::Session;
        for _ in 0..20 {
            let page = work(|| {
                app.update(Command::PageDown.into());
                drop(render(&app));
            });
            assert!(page <= A_SCREEN, "{kind}: a page down wrapped {page} lines");
        }
        assert!(app.views.agenda.session_scroll > 100, "{kind}: it scrolled");
        eprintln!("{kind}: j {down} (text {whole}), redraw {redraw}, k {back}");
    }
}
