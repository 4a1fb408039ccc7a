//! Every widget and the whole screen drawn at degenerate and odd sizes, in
//! every view and overlay: nothing panics, nothing is drawn outside its
//! area.

use crate::support::screen;

use dais::app::{Action, App, Command as C, Pane};
use dais::theme::Theme;
use dais::ui::Screen;
use dais::ui::footer::Footer;
use dais::ui::header::Header;
use dais::ui::help::Help;
use dais::ui::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use dais::ui::status::StatusLine;
use dais::ui::too_small::TooSmall;
use dais::views::ViewState;
use dais::views::agenda::detail::Detail;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use screen::{app, press, search};

const SIZES: [(u16, u16); 12] = [
    (0, 0),
    (1, 1),
    (0, 5),
    (5, 0),
    (2, 50),
    (50, 2),
    (39, 11),
    (40, 12),
    (41, 13),
    (99, 30),
    (100, 30),
    (300, 100),
];

/// The states worth drawing: views, overlays, search, shift, a banner.
fn states() -> Vec<App> {
    let mut out = Vec::new();
    for moment in ["2017-06-21 07:00", "11:05", "13:48", "19:00"] {
        out.push(app(moment));
    }
    let mut a = app("11:05");
    press(&mut a, &[C::Later, C::Later, C::NextPane, C::Down]);
    out.push(a);
    let mut a = app("11:05");
    search(&mut a, "video");
    out.push(a);
    for cmds in [
        &[C::ViewMessages, C::Bottom][..],
        &[C::ViewMessages, C::NextPane, C::Bottom],
        &[C::ViewPeople, C::Bottom, C::NextPane],
        &[C::Help, C::Bottom],
        &[C::Bottom, C::Open, C::Bottom],
    ] {
        let mut a = app("11:05");
        press(&mut a, cmds);
        out.push(a);
    }
    let mut a = app("11:05").with_theme(Theme::monochrome());
    a.banner = Some(dais::app::Banner {
        text: "Still showing the last good agenda: x".repeat(10),
        error: true,
        until: None,
    });
    a.live.viewer_tz = Some(chrono_tz::Asia::Kolkata);
    out.push(a);
    // Parts side by side: their one heading, each session's part at the
    // right where it has no room, and the grid of their rooms.
    let text = crate::support::harness::fixture_text("parallel_parts.json");
    let parts = App::new(screen::agenda(&text), screen::at("03:45"));
    out.push(parts.clone());
    let mut grid = parts;
    press(&mut grid, &[C::ViewGrid]);
    out.push(grid);
    out
}

/// Draws `draw` into `area` of a larger buffer filled with a sentinel, and
/// checks nothing outside `area` changed.
fn draw_inside(name: &str, area: Rect, draw: impl FnOnce(Rect, &mut Buffer)) {
    let outer = Rect::new(0, 0, area.x + area.width + 3, area.y + area.height + 3);
    let mut buf = Buffer::filled(outer, Cell::new("·"));
    draw(area, &mut buf);
    for y in 0..outer.height {
        for x in 0..outer.width {
            if !area.contains((x, y).into()) {
                assert_eq!(
                    buf[(x, y)].symbol(),
                    "·",
                    "{name} drew at {x},{y} outside {area:?}"
                );
            }
        }
    }
}

fn every_widget(a: &App, area: Rect) {
    draw_inside("Header", area, |r, b| Header(a).render(r, b));
    draw_inside("StatusLine", area, |r, b| StatusLine(a).render(r, b));
    draw_inside("Timeline", area, |r, b| {
        a.views.agenda.timeline(a).render(r, b);
    });
    draw_inside("SessionPane", area, |r, b| {
        a.views.agenda.session_pane(a).render(r, b);
    });
    draw_inside("PeoplePane", area, |r, b| {
        a.views.agenda.people_pane(a).render(r, b);
    });
    draw_inside("MessagesPane", area, |r, b| {
        a.views.agenda.messages_pane(a).render(r, b);
    });
    draw_inside("Footer", area, |r, b| Footer(a).render(r, b));
    draw_inside("Help", area, |r, b| Help(a).render(r, b));
    draw_inside("Detail", area, |r, b| Detail(a).render(r, b));
    draw_inside("TooSmall", area, |r, b| TooSmall(&a.theme).render(r, b));
    draw_inside("Screen", area, |r, b| Screen(a).render(r, b));
    // The list views draw three areas; give them thirds of this one.
    let [one, two, three] = thirds(area);
    let s = layout::Screen {
        body: layout::Areas {
            panes: vec![
                (Pane::List, one),
                (Pane::Text, two),
                (Pane::Sessions, three),
            ],
            taking_turns: false,
        },
        ..layout::Screen::default()
    };
    draw_inside("MessagesView", area, |_, b| {
        a.views.messages.render(a, &s, b);
    });
    draw_inside("PeopleView", area, |_, b| a.views.people.render(a, &s, b));
}

fn thirds(r: Rect) -> [Rect; 3] {
    let w = r.width / 3;
    [
        Rect::new(r.x, r.y, w, r.height),
        Rect::new(r.x + w, r.y, w, r.height),
        Rect::new(r.x + 2 * w, r.y, r.width - 2 * w, r.height),
    ]
}

#[test]
fn every_widget_at_every_odd_size_in_every_state() {
    for mut a in states() {
        for (w, h) in SIZES {
            // The state as it would be on this terminal, and also as left
            // by a bigger one (scrolls and tops computed for 120x40).
            every_widget(&a, Rect::new(0, 0, w, h));
            every_widget(&a, Rect::new(7, 3, w, h));
            a.update(Action::Resize {
                width: w,
                height: h,
            });
            every_widget(&a, Rect::new(0, 0, w, h));
        }
    }
}

#[test]
fn the_whole_screen_fills_exactly_the_terminal() {
    for a in states() {
        for (w, h) in SIZES {
            let mut a = a.clone();
            a.update(Action::Resize {
                width: w,
                height: h,
            });
            let area = Rect::new(0, 0, w, h);
            let mut buf = Buffer::filled(area, Cell::new(UNDRAWN));
            Screen(&a).render(area, &mut buf);
            if w < MIN_WIDTH || h < MIN_HEIGHT {
                // Only the notice, on a terminal left blank around it.
                let mut notice = Buffer::filled(area, Cell::new(UNDRAWN));
                TooSmall(&a.theme).render(area, &mut notice);
                assert_eq!(buf, notice, "at {w}x{h}");
                continue;
            }
            // The header, status line and footer are text lines that end
            // where their text does; between them the panes' borders reach
            // the last column and the row above the footer, which is the
            // last row.
            let parts = layout::Screen::frame(area);
            let top = parts.header.bottom().max(parts.status.bottom());
            assert_eq!(parts.footer.bottom(), h, "the footer is the last row");
            let bottom = parts.footer.y;
            assert!(top < bottom, "at {w}x{h} the panes have rows");
            let undrawn: Vec<(u16, u16)> = area
                .positions()
                .filter(|p| {
                    (p.x + 1 == w && (top..bottom).contains(&p.y))
                        || p.y + 1 == bottom
                        || (p.x == 0 && p.y == bottom)
                })
                .filter(|&p| buf[p].symbol() == UNDRAWN)
                .map(|p| (p.x, p.y))
                .collect();
            assert!(
                undrawn.is_empty(),
                "at {w}x{h}, in {:?}, cells left undrawn: {undrawn:?}",
                a.view
            );
        }
    }
}

/// A symbol no widget draws: a cell still holding it was not drawn.
const UNDRAWN: &str = "\u{e000}";

#[test]
fn a_single_session_agenda_with_nothing_else_draws_everywhere() {
    let a = screen::agenda(
        r#"{"format":"dais/1",
            "event":{"title":"T","date":"2024-01-01","timezone":"UTC"},
            "sessions":[{"id":"s","title":"S","kind":"other","start":"09:00","end":"09:01"}]}"#,
    );
    let base = App::new(a, chrono::DateTime::UNIX_EPOCH);
    for cmds in [
        &[][..],
        &[C::ViewMessages],
        &[C::ViewPeople, C::NextPane, C::Open],
        &[C::Open],
        &[C::Help],
        &[C::StartedNow, C::Later],
    ] {
        let mut a = base.clone();
        press(&mut a, cmds);
        for (w, h) in SIZES {
            every_widget(&a, Rect::new(1, 1, w, h));
        }
    }
}
