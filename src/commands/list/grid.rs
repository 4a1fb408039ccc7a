//! `dais list --format grid`: the rooms-by-time grid as plain text, one day
//! after another, for printing or pasting into a chat. Rooms that do not
//! fit the width go in a second grid below the first, never narrower than
//! a lane's minimum.

use crate::agenda::Agenda;
use crate::agenda::Zone;
use crate::grid::{Day, Rooms, Zoom, days, of_day, planned};
use crate::theme::Theme;
use crate::ui::grid::{AXIS, Glyphs, GridPaint, Marks, lanes_that_fit};
use chrono::NaiveDate;
use chrono_tz::Tz;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::fmt::Write;

/// Options of the text grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridText {
    /// Columns to fill (at least the axis and one lane).
    pub width: u16,
    /// Only this day, if given.
    pub date: Option<NaiveDate>,
    /// ASCII instead of box-drawing characters.
    pub glyphs: Glyphs,
    /// The zone the times are in.
    pub zone: Zone,
}

/// The widest grid printed: wider gains nothing a reader can use.
pub const MAX_WIDTH: u16 = 1000;

/// `dais list --format grid [--width N] [--date D] [--ascii]`: as wide
/// as the terminal standard output is (100 off a terminal) unless
/// `--width`, in `zone` if given, else the agenda's.
pub fn for_stdout(
    agenda: &Agenda,
    (width, date, ascii): (Option<u16>, Option<NaiveDate>, bool),
    zone: Option<Tz>,
) -> Result<String, String> {
    use std::io::IsTerminal;
    let width = width.unwrap_or_else(|| {
        let tty = std::io::stdout().is_terminal();
        let size = tty.then(ratatui::crossterm::terminal::size);
        size.and_then(Result::ok).map_or(100, |(w, _)| w)
    });
    let opts = GridText {
        width,
        date,
        glyphs: if ascii {
            Glyphs::Ascii
        } else {
            Glyphs::Unicode
        },
        zone: zone.map_or(agenda.event.timezone, Zone::from),
    };
    render(agenda, opts)
}

/// The grid of `agenda` as text; `Err` names a `--date` with no sessions.
pub fn render(agenda: &Agenda, opts: GridText) -> Result<String, String> {
    let width = opts
        .width
        .clamp(AXIS + crate::ui::grid::MIN_LANE, MAX_WIDTH);
    let items = planned(agenda);
    let rooms = Rooms::new(agenda);
    let all = days(&items, opts.zone);
    let chosen: Vec<NaiveDate> = match opts.date {
        Some(d) if all.contains(&d) => vec![d],
        Some(d) => {
            let have: Vec<String> = all.iter().map(ToString::to_string).collect();
            return Err(format!(
                "no sessions on {d}; the programme has sessions on {}",
                have.join(", ")
            ));
        }
        None => all,
    };
    let theme = Theme::monochrome();
    let no_marks = |_: usize| Marks::default();
    let mut out = String::new();
    for (n, date) in chosen.into_iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let day = Day::new(
            date,
            of_day(&items, date, opts.zone),
            &rooms,
            opts.zone,
            Zoom::M15,
        );
        let _ = writeln!(out, "{}", date.format("%A %-d %B %Y"));
        let (fit, _) = lanes_that_fit(width, day.lanes.len());
        let mut left = 0;
        while left < day.lanes.len().max(1) {
            if left > 0 {
                out.push('\n');
            }
            let height = u16::try_from(day.axis.rows.saturating_add(1)).unwrap_or(u16::MAX);
            let area = Rect::new(0, 0, width, height);
            let mut buf = Buffer::empty(area);
            GridPaint {
                day: &day,
                rooms: &rooms,
                agenda,
                top: 0,
                left,
                selected: None,
                now: None,
                theme: &theme,
                glyphs: opts.glyphs,
                marks: &no_marks,
            }
            .render(area, &mut buf);
            push_lines(&buf, &mut out);
            left += fit;
        }
    }
    Ok(out)
}

/// The buffer's rows as lines, trailing blanks cut.
fn push_lines(buf: &Buffer, out: &mut String) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        // A wide character's second cell holds a blank the terminal would
        // not print.
        let mut covered = 0;
        for x in area.left()..area.right() {
            let Some(cell) = buf.cell((x, y)) else {
                continue;
            };
            if covered > 0 {
                covered -= 1;
                continue;
            }
            line.push_str(cell.symbol());
            covered = crate::ui::text::width(cell.symbol()).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}
