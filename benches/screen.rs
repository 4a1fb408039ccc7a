//! The interactive costs at each agenda size: one frame, one navigation
//! key (input to frame), one search keystroke (input to frame), and the
//! now/next computation.
//!
//! `cargo bench --bench screen`.

use chrono::{Duration, TimeZone, Utc};
use dais::app::{Action, App, Command};
use dais::load::{Limits, load_bytes};
use dais::synth::agenda_json;
use dais::ui::Screen;
use divan::Bencher;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

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
