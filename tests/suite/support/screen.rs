//! Helpers shared by the screen tests: the bundled hearing at a chosen
//! moment, rendering into a buffer, and reading text and styles back.

use chrono::{DateTime, NaiveDate, Utc};
use dais::agenda::Agenda;
use dais::app::{Action, App, Command};
use dais::load::{BUNDLED, Limits, load_bytes};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// The bundled hearing of 23 June 2017.
pub fn hearing() -> Agenda {
    load_bytes("hearing", BUNDLED.as_bytes(), &Limits::default())
        .expect("the bundled agenda loads")
        .agenda
}

/// Loads an agenda from JSON text that must be valid.
pub fn agenda(json: &str) -> Agenda {
    load_bytes("test", json.as_bytes(), &Limits::default())
        .unwrap_or_else(|e| panic!("the test agenda should load, but:\n{e}"))
        .agenda
}

/// A moment on the hearing day, as New York wall-clock time ("11:05",
/// "11:44:59") or a full local date-time ("2017-06-21 07:00").
pub fn at(local: &str) -> DateTime<Utc> {
    dais::clock::parse_at(
        local,
        chrono_tz::America::New_York,
        NaiveDate::from_ymd_opt(2017, 6, 23).expect("a real date"),
    )
    .expect("a valid moment")
}

/// The hearing at `local` on a `width`x`height` terminal.
pub fn app_sized(local: &str, width: u16, height: u16) -> App {
    let mut app = App::new(hearing(), at(local));
    app.update(Action::Resize { width, height });
    app
}

/// The hearing at `local` on a 120x40 terminal.
pub fn app(local: &str) -> App {
    app_sized(local, 120, 40)
}

/// The fixture `name` (a programme in Berlin on 1 May 2024, as the
/// conference fixtures are) at `local` Berlin time on a `w`x`h` terminal.
pub fn berlin_fixture(name: &str, local: &str, (w, h): (u16, u16)) -> App {
    let a = agenda(&crate::support::harness::fixture_text(name));
    let now = dais::clock::parse_at(
        local,
        chrono_tz::Europe::Berlin,
        NaiveDate::from_ymd_opt(2024, 5, 1).expect("a real date"),
    )
    .expect("a valid moment");
    let mut app = App::new(a, now);
    app.update(Action::Resize {
        width: w,
        height: h,
    });
    app
}

/// Applies commands in order.
pub fn press(app: &mut App, commands: &[Command]) {
    for &c in commands {
        app.update(Action::Command(c));
    }
}

/// Types `text` into the search box (after `/`).
pub fn search(app: &mut App, text: &str) {
    app.update(Command::Search.into());
    for c in text.chars() {
        app.update(Action::SearchChar(c));
    }
}

/// The index of the session with `id`.
pub fn session(app: &App, id: &str) -> usize {
    app.agenda
        .sessions
        .iter()
        .position(|s| &*s.id == id)
        .unwrap_or_else(|| panic!("no session {id}"))
}

/// The index of the person with `id`.
pub fn person(app: &App, id: &str) -> usize {
    app.agenda
        .people
        .iter()
        .position(|p| p.id == id)
        .unwrap_or_else(|| panic!("no person {id}"))
}

/// The id of the selected session.
pub fn selected_id(app: &App) -> &str {
    &app.agenda.sessions[app.selected()].id
}

/// Draws the whole screen at the app's size.
pub fn render(app: &App) -> Buffer {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let mut buf = Buffer::empty(area);
    dais::ui::Screen(app).render(area, &mut buf);
    buf
}

/// Draws any widget into a fresh buffer of `width`x`height`.
pub fn render_widget(widget: impl Widget, width: u16, height: u16) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    widget.render(area, &mut buf);
    buf
}

/// The visible cells of row `y` within columns `x0..x1`: (x, symbol),
/// skipping the cells hidden behind a wide character.
fn cells(buf: &Buffer, y: u16, x0: u16, x1: u16) -> Vec<(u16, String)> {
    let mut out = Vec::new();
    let mut skip = 0;
    for x in x0..x1 {
        let sym = buf[(x, y)].symbol();
        if skip > 0 {
            skip -= 1;
            continue;
        }
        skip = sym.width().saturating_sub(1);
        out.push((x, sym.to_owned()));
    }
    out
}

/// Row `y` as text, trailing spaces kept.
pub fn line(buf: &Buffer, y: u16) -> String {
    let a = buf.area;
    cells(buf, y, a.x, a.x + a.width)
        .into_iter()
        .map(|(_, s)| s)
        .collect()
}

/// The buffer as text: one line per row, trailing spaces removed.
pub fn text(buf: &Buffer) -> String {
    let a = buf.area;
    (a.y..a.y + a.height)
        .map(|y| line(buf, y).trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Where `needle` first appears inside `area`: the cell of its first
/// character.
pub fn find_in(buf: &Buffer, area: Rect, needle: &str) -> Option<(u16, u16)> {
    let area = area.intersection(buf.area);
    for y in area.y..area.y + area.height {
        let row = cells(buf, y, area.x, area.x + area.width);
        let mut joined = String::new();
        let mut starts = Vec::new();
        for (x, s) in &row {
            starts.push((joined.len(), *x));
            joined.push_str(s);
        }
        if let Some(at) = joined.find(needle) {
            let x = starts
                .iter()
                .rev()
                .find(|(b, _)| *b <= at)
                .map_or(area.x, |(_, x)| *x);
            return Some((x, y));
        }
    }
    None
}

/// Where `needle` first appears: the cell of its first character.
pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    find_in(buf, buf.area, needle)
}

/// The style of the first cell of `needle` inside `area`, panicking with
/// the screen when absent.
pub fn style_in(buf: &Buffer, area: Rect, needle: &str) -> Style {
    let (x, y) = find_in(buf, area, needle)
        .unwrap_or_else(|| panic!("{needle:?} is not in {area:?}:\n{}", text(buf)));
    style_at(buf, x, y)
}

/// Whether a line containing `a` is followed by one containing `b`.
pub fn follows(text: &str, a: &str, b: &str) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    lines
        .windows(2)
        .any(|w| w[0].contains(a) && w[1].contains(b))
}

/// As [`find`], panicking with the screen when absent.
pub fn locate(buf: &Buffer, needle: &str) -> (u16, u16) {
    find(buf, needle).unwrap_or_else(|| panic!("{needle:?} is not on screen:\n{}", text(buf)))
}

/// The style of the cell at (x, y).
pub fn style_at(buf: &Buffer, x: u16, y: u16) -> Style {
    buf[(x, y)].style()
}

/// The style of the first cell of `needle`.
pub fn style_of(buf: &Buffer, needle: &str) -> Style {
    let (x, y) = locate(buf, needle);
    style_at(buf, x, y)
}

/// Whether the cell's style includes everything `want` sets (colours and
/// added modifiers).
pub fn has_style(cell: Style, want: Style) -> bool {
    want.fg.is_none_or(|c| cell.fg == Some(c))
        && want.bg.is_none_or(|c| cell.bg == Some(c))
        && cell
            .add_modifier
            .contains(want.add_modifier - want.sub_modifier)
}
