//! Draws a [`Day`] of the grid: room names along the top, the time axis
//! down the left, each session a box as tall as it lasts, and a line
//! across every lane at now. Only the rows and lanes in the window are
//! drawn. Used by the grid view and by `dais list --format grid`.

use crate::agenda::Agenda;
use crate::grid::{Day, GridBox, Rooms};
use crate::theme::Theme;
use crate::ui::text::{truncate, width, wrap};
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// Columns the time axis takes ("HH:MM ").
pub const AXIS: u16 = 6;
/// A lane is never narrower than this.
pub const MIN_LANE: u16 = 8;

/// Which characters the boxes are drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Glyphs {
    /// Box-drawing characters and symbols.
    #[default]
    Unicode,
    /// Plain ASCII, for `--ascii`.
    Ascii,
}

impl Glyphs {
    fn top(self) -> &'static str {
        match self {
            Glyphs::Unicode => "┌",
            Glyphs::Ascii => "+",
        }
    }
    fn side(self) -> &'static str {
        match self {
            Glyphs::Unicode => "│",
            Glyphs::Ascii => "|",
        }
    }
    fn now(self) -> &'static str {
        match self {
            Glyphs::Unicode => "─",
            Glyphs::Ascii => "-",
        }
    }
    fn star(self) -> &'static str {
        match self {
            Glyphs::Unicode => "★",
            Glyphs::Ascii => "*",
        }
    }
    fn now_edge(self) -> &'static str {
        match self {
            Glyphs::Unicode => "├",
            Glyphs::Ascii => "+",
        }
    }
    fn live(self) -> &'static str {
        match self {
            Glyphs::Unicode => "●",
            Glyphs::Ascii => "o",
        }
    }
}

/// How a session's box is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Marks {
    /// It runs now.
    pub live: bool,
    /// It is over.
    pub past: bool,
    /// The viewer starred it.
    pub starred: bool,
}

/// How many lanes fit in `width` columns, and how wide each is.
pub fn lanes_that_fit(width: u16, lanes: usize) -> (usize, u16) {
    let room = width.saturating_sub(AXIS);
    let n = u16::try_from(lanes.max(1)).unwrap_or(u16::MAX);
    let fit = (room / MIN_LANE).max(1).min(n);
    (usize::from(fit), (room / fit).max(1))
}

/// The grid widget.
pub struct GridPaint<'a> {
    /// The day to draw.
    pub day: &'a Day,
    /// Lane names and track numbers.
    pub rooms: &'a Rooms,
    /// Session titles.
    pub agenda: &'a Agenda,
    /// The first row of the axis shown.
    pub top: usize,
    /// The first lane shown.
    pub left: usize,
    /// The selected box, if on this day.
    pub selected: Option<usize>,
    /// Where to draw the now line, if on this day.
    pub now: Option<DateTime<Utc>>,
    /// Styles.
    pub theme: &'a Theme,
    /// Characters.
    pub glyphs: Glyphs,
    /// Each session's marks.
    pub marks: &'a dyn Fn(usize) -> Marks,
}

impl GridPaint<'_> {
    fn now_row(&self) -> Option<usize> {
        let now = self.now?;
        let axis = &self.day.axis;
        (now >= axis.origin && now < axis.time_of(axis.rows)).then(|| axis.row_of(now))
    }

    fn draw_box(&self, b: usize, x: &GridBox, area: Rect, buf: &mut Buffer) {
        let Some(s) = self.agenda.sessions.get(x.item.session) else {
            return;
        };
        let marks = (self.marks)(x.item.session);
        let t = self.theme;
        let mut body = if marks.past { t.past } else { t.text };
        if self.selected == Some(b) {
            body = t.selected;
        }
        let track = self
            .rooms
            .track_of
            .get(x.item.session)
            .copied()
            .flatten()
            .and_then(|k| t.tracks.get(k % t.tracks.len().max(1)));
        let mut edge = track.map_or(t.border, |&c| Style::new().fg(c));
        if marks.live {
            edge = t.live;
        }
        if self.selected == Some(b) {
            edge = edge.patch(t.selected);
        }
        let mut text = String::new();
        if marks.starred {
            text.push_str(self.glyphs.star());
            text.push(' ');
        }
        if marks.live {
            text.push_str(self.glyphs.live());
            text.push(' ');
        }
        let zone = self.day.axis.zone;
        text.push_str(
            &x.item
                .start
                .with_timezone(&zone)
                .format("%H:%M ")
                .to_string(),
        );
        text.push_str(&s.title);
        let inner = usize::from(area.width.saturating_sub(1));
        let lines = wrap(&text, inner.max(1));
        let first = self.top.max(x.top);
        let rows = usize::from(area.height);
        let now_row = self.now_row();
        for r in first..x.bottom().min(self.top + rows) {
            let y = area.y + u16::try_from(r - self.top).unwrap_or(0);
            let k = r - x.top;
            let mut line = lines.get(k).cloned().unwrap_or_default();
            // Now runs through the box: its edge and an empty row say so.
            if Some(r) == now_row && r != x.top {
                buf.set_string(area.x, y, self.glyphs.now_edge(), t.live);
                if line.is_empty() {
                    let rule = self.glyphs.now().repeat(inner);
                    buf.set_stringn(area.x + 1, y, &rule, inner, t.live);
                    continue;
                }
            } else {
                let glyph = if r == x.top {
                    self.glyphs.top()
                } else {
                    self.glyphs.side()
                };
                buf.set_string(area.x, y, glyph, edge);
            }
            // The last row shows that the title goes on.
            if r + 1 == x.bottom() && k + 1 < lines.len() {
                line = truncate(&format!("{line} …"), inner);
            }
            let pad = inner.saturating_sub(width(&line));
            let cell = format!("{line}{}", " ".repeat(pad));
            buf.set_stringn(area.x + 1, y, &cell, inner, body);
        }
    }
}

impl Widget for GridPaint<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let t = self.theme;
        let (fit, lane_w) = lanes_that_fit(area.width, self.day.lanes.len());
        let lanes = self.day.lanes.iter().enumerate().skip(self.left).take(fit);
        // The room names stay at the top.
        let grid_x = area.x + AXIS.min(area.width);
        let name = |room: usize| self.rooms.names.get(room).map_or("", String::as_str);
        let w = usize::from(lane_w.saturating_sub(1));
        // Too narrow for a name of the day's: the words every room's name
        // starts with go, in every lane alike, wherever it is scrolled.
        let cut = if self.day.lanes.iter().any(|l| width(name(l.room)) > w) {
            self.rooms.shared
        } else {
            0
        };
        for (k, (_, lane)) in lanes.clone().enumerate() {
            let x = grid_x + u16::try_from(k).unwrap_or(0) * lane_w;
            let name = name(lane.room);
            let name = name.get(cut..).unwrap_or(name);
            buf.set_stringn(x, area.y, truncate(name, w), w, t.heading);
        }
        let rows = area.height.saturating_sub(1);
        let body = Rect::new(area.x, area.y + 1, area.width, rows);
        let now_row = self.now_row();
        let axis = &self.day.axis;
        for dy in 0..rows {
            let r = self.top + usize::from(dy);
            if r >= axis.rows {
                break;
            }
            let y = body.y + dy;
            if Some(r) == now_row {
                let now = self
                    .now
                    .map(|n| n.with_timezone(&axis.zone).format("%H:%M"));
                let label = now.map(|n| n.to_string()).unwrap_or_default();
                buf.set_stringn(body.x, y, &label, usize::from(AXIS - 1), t.live);
                let span = usize::from(body.width.saturating_sub(AXIS));
                buf.set_stringn(grid_x, y, self.glyphs.now().repeat(span), span, t.live);
            } else if let Some(label) = axis.label(r) {
                buf.set_stringn(body.x, y, &label, usize::from(AXIS - 1), t.dim);
            }
        }
        let end = self.top + usize::from(rows);
        for (k, (li, lane)) in lanes.enumerate() {
            let x = grid_x + u16::try_from(k).unwrap_or(0) * lane_w;
            let boxes = self.day.lane_boxes(li);
            // Only the boxes that can reach the window: none starting a
            // tallest box's height above it or below it.
            let from = boxes.partition_point(|b| b.top.saturating_add(lane.tallest) <= self.top);
            let until = boxes.partition_point(|b| b.top < end).max(from);
            for (j, b) in boxes[from..until].iter().enumerate() {
                let j = from + j;
                if b.bottom() <= self.top {
                    continue;
                }
                let sub_w = b.sub_width(lane_w);
                let col = u16::try_from(b.column).unwrap_or(0);
                let bx = x + col * sub_w;
                // The last sub-column takes what division left over.
                let w = if b.column + 1 >= b.columns {
                    lane_w - col * sub_w
                } else {
                    sub_w
                };
                let w = w.saturating_sub(1).max(1);
                if bx >= area.right() {
                    continue;
                }
                let w = w.min(area.right() - bx);
                let rect = Rect::new(bx, body.y, w, rows);
                self.draw_box(lane.boxes.start + j, b, rect, buf);
            }
        }
    }
}
