//! Semantic styles. Widgets ask for "selected" or "live", never a colour.

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::BorderType;

/// The look of every element, by meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Ordinary text.
    pub text: Style,
    /// Secondary text: affiliations, notes, past sessions.
    pub dim: Style,
    /// Titles and names.
    pub strong: Style,
    /// Headings: parts, days, role groups.
    pub heading: Style,
    /// A pane border.
    pub border: Style,
    /// The focused pane's border.
    pub border_focus: Style,
    /// The focused pane's border shape (thick, so focus shows without colour).
    pub border_focus_type: BorderType,
    /// The selected row in the focused pane.
    pub selected: Style,
    /// The selected row in a pane without focus.
    pub selected_idle: Style,
    /// The live session and the clock.
    pub live: Style,
    /// Sessions that are over.
    pub past: Style,
    /// Video-message markers.
    pub video: Style,
    /// Search matches and highlighted sessions.
    pub matched: Style,
    /// Key hints in the footer and help.
    pub key: Style,
    /// Duration bars.
    pub bar: Style,
    /// Running late.
    pub late: Style,
    /// Errors.
    pub error: Style,
    /// Suggestions (not links).
    pub suggestion: Style,
    /// A tag in a note that links a key message or a person.
    pub link: Style,
    /// A tag that could name more than one (Tab offers the choices).
    pub link_ambiguous: Style,
    /// A tag that names nothing in the agenda.
    pub link_unknown: Style,
    /// Colours for tracks, in turn (the grid's box edges); none in
    /// `NO_COLOR`.
    pub tracks: &'static [Color],
}

/// Track colours that read on dark and light terminals alike.
const TRACKS: &[Color] = &[
    Color::Cyan,
    Color::Magenta,
    Color::Yellow,
    Color::Green,
    Color::Blue,
    Color::Red,
    Color::LightCyan,
    Color::LightMagenta,
];

impl Default for Theme {
    fn default() -> Self {
        Theme::dark()
    }
}

impl Theme {
    /// For dark terminals; uses the terminal's own foreground for text.
    pub fn dark() -> Self {
        Theme {
            text: Style::new(),
            dim: Style::new().fg(Color::Gray).add_modifier(Modifier::DIM),
            strong: Style::new().add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            border_focus: Style::new().fg(Color::Cyan),
            border_focus_type: BorderType::Thick,
            selected: Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            selected_idle: Style::new().bg(Color::DarkGray).fg(Color::White),
            live: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            past: Style::new().add_modifier(Modifier::DIM),
            video: Style::new().fg(Color::Magenta),
            matched: Style::new().fg(Color::Black).bg(Color::Yellow),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            bar: Style::new().fg(Color::Blue),
            late: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            error: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            suggestion: Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::ITALIC),
            link: Style::new()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            link_ambiguous: Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::UNDERLINED),
            link_unknown: Style::new().fg(Color::Red).add_modifier(Modifier::ITALIC),
            tracks: TRACKS,
        }
    }

    /// For light terminals: darker hues that stay readable on white.
    pub fn light() -> Self {
        Theme {
            dim: Style::new().fg(Color::DarkGray),
            heading: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::Gray),
            border_focus: Style::new().fg(Color::Blue),
            selected: Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            selected_idle: Style::new().bg(Color::Gray).fg(Color::Black),
            live: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            video: Style::new().fg(Color::Magenta),
            key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            late: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            suggestion: Style::new()
                .fg(Color::Magenta)
                .add_modifier(Modifier::ITALIC),
            ..Theme::dark()
        }
    }

    /// Maximum contrast: bright colours, bold text, no dimming.
    pub fn high_contrast() -> Self {
        Theme {
            dim: Style::new(),
            past: Style::new().fg(Color::Gray),
            border: Style::new().fg(Color::White),
            border_focus: Style::new()
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            selected: Style::new()
                .bg(Color::LightYellow)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            selected_idle: Style::new().bg(Color::White).fg(Color::Black),
            live: Style::new()
                .fg(Color::LightGreen)
                .add_modifier(Modifier::BOLD),
            video: Style::new()
                .fg(Color::LightMagenta)
                .add_modifier(Modifier::BOLD),
            ..Theme::dark()
        }
    }

    /// No colour at all (`NO_COLOR`): focus, selection, live and matches
    /// still show, through reverse video, bold, dim and underline.
    pub fn monochrome() -> Self {
        Theme {
            text: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            strong: Style::new().add_modifier(Modifier::BOLD),
            heading: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            border: Style::new(),
            border_focus: Style::new().add_modifier(Modifier::BOLD),
            border_focus_type: BorderType::Thick,
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_idle: Style::new().add_modifier(Modifier::REVERSED),
            live: Style::new().add_modifier(Modifier::BOLD),
            past: Style::new().add_modifier(Modifier::DIM),
            video: Style::new().add_modifier(Modifier::ITALIC),
            matched: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            key: Style::new().add_modifier(Modifier::BOLD),
            bar: Style::new(),
            late: Style::new().add_modifier(Modifier::BOLD),
            error: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            suggestion: Style::new().add_modifier(Modifier::ITALIC),
            // Told apart without colour: bold and underlined, underlined
            // only, italic and dim.
            link: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            link_ambiguous: Style::new().add_modifier(Modifier::UNDERLINED),
            link_unknown: Style::new().add_modifier(Modifier::ITALIC | Modifier::DIM),
            tracks: &[],
        }
    }

    /// The style of a selected row, if it is selected: the strong
    /// selection in the focused pane, the quiet one elsewhere.
    pub fn selection(&self, selected: bool, focused: bool) -> Option<Style> {
        match (selected, focused) {
            (true, true) => Some(self.selected),
            (true, false) => Some(self.selected_idle),
            (false, _) => None,
        }
    }

    /// Whether the environment asks for no colour (`NO_COLOR` set and
    /// non-empty, per no-color.org).
    pub fn no_color_requested(value: Option<&std::ffi::OsStr>) -> bool {
        value.is_some_and(|v| !v.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::Theme;
    use ratatui::style::{Color, Modifier};

    #[test]
    fn monochrome_has_no_colour_but_keeps_selection_and_focus_visible() {
        let t = Theme::monochrome();
        for s in [
            t.text,
            t.dim,
            t.selected,
            t.live,
            t.matched,
            t.border_focus,
            t.error,
        ] {
            assert!(s.fg.is_none() || s.fg == Some(Color::Reset));
            assert!(s.bg.is_none());
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(t.border_focus.add_modifier.contains(Modifier::BOLD));
        assert_ne!(t.selected, t.text);
        let links = [t.link, t.link_ambiguous, t.link_unknown, t.text];
        for (i, a) in links.iter().enumerate() {
            assert!(a.fg.is_none() && a.bg.is_none());
            assert!(
                links[i + 1..]
                    .iter()
                    .all(|b| b.add_modifier != a.add_modifier)
            );
        }
    }

    #[test]
    fn no_color_means_set_and_not_empty() {
        assert!(Theme::no_color_requested(Some("1".as_ref())));
        assert!(!Theme::no_color_requested(Some("".as_ref())));
        assert!(!Theme::no_color_requested(None));
    }
}
