//! The note input over the footer line: where the note goes, the text
//! with its tags highlighted as they resolve (linked, ambiguous, unknown),
//! the cursor, and the choices Tab offers in a small list above it.
//!
//! A line longer than the screen scrolls sideways to keep the cursor in
//! view, `…` marking the text cut off.

use super::text::{truncate, width};
use crate::app::{App, Compose};
use crate::notes::tags::{self, Link};
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};
use unicode_width::UnicodeWidthChar;

/// Draws the open note input in `area` (the footer line) and its list of
/// choices above it.
pub struct NoteInput<'a>(pub &'a App, pub &'a Compose);

/// The most choices the list shows at once.
const LIST_ROWS: usize = 6;

impl Widget for NoteInput<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, c) = (self.0, self.1);
        let t = &app.theme;
        if area.width == 0 || area.height == 0 {
            return;
        }
        Clear.render(area, buf);
        if c.asking {
            Line::from(vec![
                Span::styled(" Discard this note? ", t.late),
                Span::styled("y", t.key),
                Span::styled("/", t.dim),
                Span::styled("n", t.key),
            ])
            .render(area, buf);
            return;
        }
        let session = app
            .note_session()
            .map_or("", |s| app.agenda.sessions[s].short_title());
        let max_prompt = usize::from(area.width) / 3;
        let prompt = truncate(&format!(" note on {session} › "), max_prompt);
        let used = width(&prompt);
        buf.set_stringn(area.x, area.y, &prompt, max_prompt, t.dim);
        let rest = Rect {
            x: area.x + u16::try_from(used).unwrap_or(0),
            width: area
                .width
                .saturating_sub(u16::try_from(used).unwrap_or(u16::MAX)),
            ..area
        };
        text_line(app, c, rest, buf);
        if let Some(ch) = &c.choices {
            choices(t, ch, area, buf);
        }
    }
}

/// Where a text's characters (each with the marks after it) fall.
struct Cell {
    bytes: std::ops::Range<usize>,
    col: usize,
    width: usize,
}

fn cells(text: &str) -> Vec<Cell> {
    let mut out: Vec<Cell> = Vec::new();
    let mut col = 0;
    for (i, ch) in text.char_indices() {
        let w = ch.width().unwrap_or(0);
        match out.last_mut() {
            Some(last) if w == 0 => last.bytes.end = i + ch.len_utf8(),
            _ => {
                out.push(Cell {
                    bytes: i..i + ch.len_utf8(),
                    col,
                    width: w,
                });
                col += w;
            }
        }
    }
    out
}

/// The style of a tag that resolves as `link`.
pub fn link_style(t: &Theme, link: &Link) -> Style {
    match link {
        Link::Message(_) | Link::Person(_) => t.link,
        Link::Ambiguous(_) => t.link_ambiguous,
        Link::Unknown => t.link_unknown,
    }
}

fn text_line(app: &App, c: &Compose, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let avail = usize::from(area.width);
    if avail == 0 {
        return;
    }
    let text = c.line.text();
    let tags = tags::parse(text, &app.agenda);
    let style_at = |byte: usize| {
        tags.iter()
            .find(|tag| tag.range.contains(&byte))
            .map_or(t.text, |tag| link_style(t, &tag.link))
    };
    let cells = cells(text);
    let total = cells.last().map_or(0, |c| c.col + c.width);
    let cursor_col = cells
        .iter()
        .find(|cell| cell.bytes.start >= c.line.cursor())
        .map_or(total, |cell| cell.col);
    // The cursor's own cell counts: at the end it is one past the text.
    let offset = (cursor_col + 1).saturating_sub(avail);
    let y = area.y;
    for cell in &cells {
        let (start, end) = (cell.col, cell.col + cell.width);
        if end <= offset || start >= offset + avail {
            continue;
        }
        let mut style = style_at(cell.bytes.start);
        if cell.bytes.start == c.line.cursor() {
            style = style.add_modifier(Modifier::REVERSED);
        }
        if start < offset || end > offset + avail {
            // A wide character cut by an edge: its visible half blank.
            let from = start.max(offset);
            let to = end.min(offset + avail);
            for col in from..to {
                buf.set_string(area.x + to_u16(col - offset), y, " ", style);
            }
            continue;
        }
        buf.set_string(
            area.x + to_u16(start - offset),
            y,
            &text[cell.bytes.clone()],
            style,
        );
    }
    if cursor_col == total && total - offset < avail {
        buf.set_string(
            area.x + to_u16(total - offset),
            y,
            " ",
            t.text.add_modifier(Modifier::REVERSED),
        );
    }
    if offset > 0 {
        buf.set_string(area.x, y, "…", t.dim);
    }
    if total > offset + avail && cursor_col + 1 < offset + avail {
        buf.set_string(area.x + to_u16(avail - 1), y, "…", t.dim);
    }
}

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The list of choices, just above the input, the one in the text marked.
fn choices(t: &Theme, ch: &crate::app::compose::Choices, input: Rect, buf: &mut Buffer) {
    let n = ch.list.len();
    let rows = n.min(LIST_ROWS);
    let first = ch
        .at
        .map_or(0, |at| (at + 1).saturating_sub(rows))
        .min(n - rows);
    let height = to_u16(rows + 2).min(input.y);
    if height < 3 {
        return;
    }
    let inner_w = ch.list[first..first + rows]
        .iter()
        .map(|c| width(&c.text) + 2 + width(&c.label))
        .max()
        .unwrap_or(0);
    let w = to_u16(inner_w + 4).min(input.width);
    let area = Rect::new(input.x, input.y - height, w, height);
    Clear.render(area, buf);
    let more = if n > rows {
        format!("{}-{} of {n}", first + 1, first + rows)
    } else {
        format!("{n}")
    };
    let block = super::pane::block(format!("Tab · {more}"), true, t);
    let inner = block.inner(area);
    block.render(area, buf);
    for (row, i) in (first..first + rows).enumerate() {
        let c = &ch.list[i];
        let selected = ch.at == Some(i);
        let base = if selected { t.selected } else { t.text };
        let line = Line::from(vec![
            Span::styled(format!(" {}", c.text), base.patch(t.strong)),
            Span::styled(
                format!("  {} ", c.label),
                if selected { base } else { t.dim },
            ),
        ]);
        let y = inner.y + to_u16(row);
        if y >= inner.y + inner.height {
            break;
        }
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}

#[cfg(test)]
mod tests {
    use super::cells;

    #[test]
    fn a_character_and_its_marks_are_one_cell_and_wide_ones_two_columns() {
        let c = cells("e\u{301}会x");
        let got: Vec<(usize, usize, usize)> =
            c.iter().map(|c| (c.bytes.start, c.col, c.width)).collect();
        assert_eq!(got, [(0, 0, 1), (3, 1, 2), (6, 3, 1)]);
    }
}
