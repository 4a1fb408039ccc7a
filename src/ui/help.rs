//! The help screen: every key from the keymap, the mouse, and the legend.

use super::scrolled::Scrolled;
use crate::agenda::Kind;
use crate::app::shared::Shared;
use crate::command::View;
use crate::keymap::COMMANDS;
use crate::views::Views;
use crate::views::agenda::timeline::glyph;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

/// The help screen's lines.
pub fn lines(app: &Shared) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut out = vec![Line::styled("Keys", t.heading)];
    // Not the keys to a view this agenda gives nothing to show.
    let labels: Vec<(String, &str)> = COMMANDS
        .iter()
        .filter(|c| View::shown_by(c.command).is_none_or(|v| Views::empty(v, app).is_none()))
        .map(|c| (app.keymap.keys_label(c.command), c.help))
        .collect();
    let w = labels
        .iter()
        .map(|(k, _)| super::text::width(k))
        .max()
        .unwrap_or(0);
    for (keys, help) in labels {
        let pad = w - super::text::width(&keys);
        out.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(keys, t.key),
            Span::raw(" ".repeat(pad + 2)),
            Span::raw(help),
        ]));
    }
    let section =
        |out: &mut Vec<Line<'static>>, title: &'static str, rows: &[(String, &'static str)]| {
            out.push(Line::default());
            out.push(Line::styled(title, t.heading));
            for (k, v) in rows {
                out.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(k.clone(), t.key),
                    Span::raw(format!("  {v}")),
                ]));
            }
        };
    section(
        &mut out,
        "Mouse",
        &[
            (
                "click".into(),
                "select a session, a message or a person; focus its pane",
            ),
            ("wheel".into(), "scroll the pane under the pointer"),
        ],
    );
    section(
        &mut out,
        "Search",
        &[
            (
                "/".into(),
                "type to search as you go; Enter keeps the search, Esc clears it",
            ),
            ("n N".into(), "next and previous match"),
        ],
    );
    let note = app.keymap.keys_label(crate::command::Command::Note);
    let edit = app.keymap.keys_label(crate::command::Command::EditNotes);
    section(
        &mut out,
        "Notes",
        &[
            (
                note,
                "write a note on the live session (the selected one when not following)",
            ),
            (
                "#3 #km1".into(),
                "in a note: links key message 3, or by its id",
            ),
            (
                "@Buck".into(),
                "in a note: links the person (a start of any word of the name)",
            ),
            (
                "Tab".into(),
                "complete the tag; more than one fits: the choices, Tab again to step",
            ),
            (
                "Enter Esc".into(),
                "save the note; drop it (asks if text is typed)",
            ),
            (
                "← → Home End".into(),
                "move; Ctrl-W Ctrl-U Ctrl-K delete the word, before, after",
            ),
            (
                edit,
                "the selected session's notes in $VISUAL or $EDITOR, one a line",
            ),
            (
                "draft".into(),
                "a note being typed when dais is ended is kept; i reopens it",
            ),
        ],
    );
    let kinds: Vec<(String, &'static str)> = [
        (Kind::Opening, "opening or closing"),
        (Kind::Statements, "statements"),
        (Kind::Panel, "panel"),
        (Kind::Break, "break"),
        (Kind::Other, "other"),
    ]
    .iter()
    .map(|&(k, v)| (glyph(k).to_owned(), v))
    .collect();
    section(&mut out, "Timeline", &kinds);
    section(
        &mut out,
        "",
        &[
            ("█▌".into(), "bar: the session's length"),
            (
                "●".into(),
                "live now (its bar fills as it runs); past sessions are dimmed",
            ),
            (
                "»".into(),
                "matches the search, or speaks to the selected key message",
            ),
            ("▶ video".into(), "by video message"),
            (
                "(10:30)".into(),
                "the planned start, when the meeting runs late",
            ),
        ],
    );
    out
}

/// Draws the help overlay.
pub struct Help<'a>(pub &'a Shared);

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        Clear.render(area, buf);
        // Scrolled, so a help longer than the screen says "n/m".
        Scrolled {
            title: Line::from("Help · Esc or ? to close"),
            lines: lines(app),
            scroll: app.overlay_scroll,
            focused: true,
            theme: &app.theme,
        }
        .render(area, buf);
    }
}
