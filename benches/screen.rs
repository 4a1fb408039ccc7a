//! The interactive costs at each agenda size: one frame, one navigation
//! key (input to frame), one search keystroke (input to frame), and the
//! now/next computation.
//!
//! `cargo bench --bench screen`.

use chrono::{Duration, TimeZone, Utc};
use dais::agenda::changes::compare;
use dais::agenda::digest::Digest;
use dais::app::{Action, App, Command};
use dais::load::{Limits, load_bytes};
use dais::store::{AgendaKey, Change, Seen, Store};
use dais::synth::agenda_json;
use dais::ui::Screen;
use divan::Bencher;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::fmt::Write as _;

fn main() {
    divan::main();
}

const SIZES: &[usize] = &[1_000, 10_000, 100_000];

/// An app on a synthetic agenda, sized, with the clock in the middle of it.
fn app(n: usize, width: u16, height: u16) -> App {
    let limits = Limits {
        max_bytes: u64::MAX,
        ..Limits::default()
    };
    let agenda = load_bytes("b", agenda_json(n, 7).as_bytes(), &limits)
        .expect("valid")
        .agenda;
    let mid = agenda.sessions[n / 2].span.start + Duration::minutes(10);
    let mut app = App::new(agenda, mid);
    app.update(Action::Resize { width, height });
    app
}

fn frame(app: &App, buf: &mut Buffer) {
    buf.reset();
    Screen(app).render(buf.area, buf);
}

#[divan::bench(args = SIZES)]
fn frame_120x40(bencher: Bencher, n: usize) {
    let app = app(n, 120, 40);
    let mut buf = Buffer::empty(Rect::new(0, 0, 120, 40));
    bencher.bench_local(|| frame(&app, &mut buf));
}

#[divan::bench(args = SIZES)]
fn frame_200x60(bencher: Bencher, n: usize) {
    let app = app(n, 200, 60);
    let mut buf = Buffer::empty(Rect::new(0, 0, 200, 60));
    bencher.bench_local(|| frame(&app, &mut buf));
}

/// One frame of the grid view (`5`) at 200x60: beside `frame_200x60`,
/// the agenda view's.
#[divan::bench(args = SIZES)]
fn grid_frame_200x60(bencher: Bencher, n: usize) {
    let mut app = app(n, 200, 60);
    app.update(Command::ViewGrid.into());
    let mut buf = Buffer::empty(Rect::new(0, 0, 200, 60));
    bencher.bench_local(|| frame(&app, &mut buf));
}

/// One `j` or `k` in the grid view: update, then the frame.
#[divan::bench(args = SIZES)]
fn grid_key(bencher: Bencher, n: usize) {
    let mut app = app(n, 200, 60);
    app.update(Command::ViewGrid.into());
    let mut buf = Buffer::empty(Rect::new(0, 0, 200, 60));
    let mut down = true;
    let mut last = app.selected();
    bencher.bench_local(|| {
        app.update(if down { Command::Down } else { Command::Up }.into());
        // At a lane's end: back the other way.
        if app.selected() == last {
            down = !down;
        }
        last = app.selected();
        frame(&app, &mut buf);
    });
}

/// One Down key: update, then the frame it causes.
#[divan::bench(args = SIZES)]
fn navigation_key(bencher: Bencher, n: usize) {
    let mut app = app(n, 200, 60);
    let mut buf = Buffer::empty(Rect::new(0, 0, 200, 60));
    let mut down = true;
    bencher.bench_local(|| {
        // Back and forth, so every iteration moves.
        let at = app.selected();
        if at + 1 >= n || at == 0 {
            down = !down;
        }
        app.update(if down { Command::Down } else { Command::Up }.into());
        frame(&app, &mut buf);
    });
}

/// One search keystroke: a fresh query of one letter more (the worst case
/// is a broad query over everything), then the frame.
#[divan::bench(args = SIZES, sample_count = 30)]
fn search_keystroke(bencher: Bencher, n: usize) {
    let mut app = app(n, 200, 60);
    let mut buf = Buffer::empty(Rect::new(0, 0, 200, 60));
    bencher.bench_local(|| {
        app.update(Command::Search.into());
        app.update(Action::SearchChar('p'));
        frame(&app, &mut buf);
    });
}

/// What is on now and next, with a running-late shift.
#[divan::bench(args = SIZES)]
fn now_next(bencher: Bencher, n: usize) {
    let mut app = app(n, 120, 40);
    app.update(Command::Later.into());
    let start = Utc
        .with_ymd_and_hms(2020, 1, 1, 0, 0, 0)
        .single()
        .expect("valid");
    let mut minute = 0;
    bencher.bench_local(|| {
        minute = (minute + 7) % (60 * 24 * 365);
        app.live.now = start + Duration::minutes(minute);
        app.status()
    });
}

/// The big-text agendas: 1,000 sessions, each with 64 KB of text, as a
/// description of words, as 1,000 notes, or as one unbroken word.
const BIG: &[&str] = &["description", "notes", "one_word"];

/// 1,000 sessions with 64 KB of text each (64 MB in all), at 200x60.
fn big_app(kind: &str) -> App {
    let mut app = app(1_000, 200, 60);
    let mut agenda = dais::agenda::Agenda::clone(&app.agenda);
    for (i, s) in agenda.sessions.iter_mut().enumerate() {
        match kind {
            "description" => {
                let mut words = String::with_capacity(70_000);
                for w in 0..9_400 {
                    let _ = write!(words, "w{:05} ", (w + i) % 99_999);
                }
                s.description = Some(words[..65_536].into());
            }
            "notes" => {
                s.notes = (0..1_000)
                    .map(|n| format!("{n:04} {}", "x".repeat(59)).into())
                    .collect();
            }
            _ => s.description = Some("y".repeat(65_536).into()),
        }
    }
    app.replace_agenda(agenda);
    app
}

/// One Down key in the agenda view, update + frame, on a big-text agenda.
#[divan::bench(args = BIG, sample_count = 30)]
fn big_text_key(bencher: Bencher, kind: &str) {
    let mut app = big_app(kind);
    let mut buf = Buffer::empty(Rect::new(0, 0, 200, 60));
    let mut down = true;
    bencher.bench_local(|| {
        let at = app.selected();
        if at + 1 >= 1_000 || at == 0 {
            down = !down;
        }
        app.update(if down { Command::Down } else { Command::Up }.into());
        frame(&app, &mut buf);
    });
}

/// One key scrolling the focused session pane, update + frame.
#[divan::bench(args = BIG, sample_count = 30)]
fn big_text_scroll(bencher: Bencher, kind: &str) {
    let mut app = big_app(kind);
    app.views.agenda.focus = dais::app::Pane::Session;
    let mut buf = Buffer::empty(Rect::new(0, 0, 200, 60));
    let mut down = true;
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        if n % 200 == 0 {
            down = !down;
        }
        app.update(
            if down {
                Command::PageDown
            } else {
                Command::PageUp
            }
            .into(),
        );
        frame(&app, &mut buf);
    });
}

/// `c`, the first time on a version, as the loop thread does it: the
/// changes view opens and the seen worker is asked for a digest (the
/// update alone: the digest is built on the worker, `changes_seen_digest`).
#[divan::bench(args = SIZES, sample_count = 20)]
fn changes_seen_c_on_the_loop(bencher: Bencher, n: usize) {
    let app = app(n, 120, 40);
    bencher
        .with_inputs(|| app.clone())
        .bench_local_values(|mut app| {
            app.update(Command::ViewChanges.into());
            app
        });
}

/// On the seen worker: the digest of the version on screen, as bytes to
/// store (the whole agenda hashed into it).
#[divan::bench(args = SIZES)]
fn changes_seen_digest(bencher: Bencher, n: usize) {
    let app = app(n, 120, 40);
    bencher.bench_local(|| Digest::of(&app.agenda).encode());
}

/// On the loop thread: the digest saved in the state database (one
/// transaction on a real SQLite file), before the next frame.
#[divan::bench(args = SIZES, sample_count = 20)]
fn changes_seen_store(bencher: Bencher, n: usize) {
    let app = app(n, 120, 40);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut store = Store::open(dir.path().join("dais.sqlite3"));
    let key = AgendaKey::new(Some("/bench".into()), "bench");
    let change = Change::Seen(Seen {
        view: String::new(),
        digest: Digest::of(&app.agenda).encode(),
    });
    bencher.bench_local(|| store.apply(&key, &change).expect("saved"));
}

/// On a worker (reload, or seen): the change detector between two
/// agendas that differ in one session.
#[divan::bench(args = SIZES)]
fn changes_detect(bencher: Bencher, n: usize) {
    let app = app(n, 120, 40);
    let old = (*app.agenda).clone();
    let mut new = old.clone();
    new.sessions[n / 2].title = format!("{} (renamed)", new.sessions[n / 2].title).into();
    bencher.bench_local(|| dais::agenda::changes::detect(&old, &new));
}

/// On the seen worker: the same, the older version a kept digest (read
/// from its bytes each time, as the worker does).
#[divan::bench(args = SIZES)]
fn changes_detect_against_digest(bencher: Bencher, n: usize) {
    let app = app(n, 120, 40);
    let kept = Digest::of(&app.agenda).encode();
    let mut new = (*app.agenda).clone();
    new.sessions[n / 2].title = format!("{} (renamed)", new.sessions[n / 2].title).into();
    bencher.bench_local(|| {
        let body = dais::agenda::digest::unpack(&kept).expect("reads");
        let seen = Digest::decode(&body).expect("reads");
        compare(&seen, &Digest::of(&new))
    });
}
