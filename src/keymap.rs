//! One table of key bindings drives dispatch, the footer and the help screen.

use crate::app::{Command, Overlay, View};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

/// A key with its modifiers, as bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt (Shift is part of the character for printable keys).
    pub mods: KeyModifiers,
}

impl Key {
    /// A key without modifiers.
    pub const fn plain(code: KeyCode) -> Self {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    /// A character key.
    pub const fn ch(c: char) -> Self {
        Key::plain(KeyCode::Char(c))
    }

    /// Ctrl plus a character.
    pub const fn ctrl(c: char) -> Self {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    /// The key of a terminal key event, normalized: Shift is dropped for
    /// characters (it is in the character) and `BackTab` is Shift-Tab.
    pub fn from_event(e: &KeyEvent) -> Self {
        let mut mods =
            e.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if matches!(e.code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key { code: e.code, mods }
    }
}

impl std::str::FromStr for Key {
    type Err = ();

    /// Reads a key as the config file writes it: `q`, `G`, `Ctrl-c`,
    /// `Alt-x`, `Up`, `PageDown`, `Shift-Tab`, `Space`, `F1`… (also the
    /// arrows `↑ ↓ ← →` as help shows them). Names ignore case.
    fn from_str(s: &str) -> Result<Self, ()> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (m, len) = if lower.starts_with("ctrl-") || lower.starts_with("ctrl+") {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt-") || lower.starts_with("alt+") {
                (KeyModifiers::ALT, 4)
            } else if (lower.starts_with("shift-") || lower.starts_with("shift+")) && rest.len() > 6
            {
                (KeyModifiers::SHIFT, 6)
            } else {
                break;
            };
            mods |= m;
            rest = &rest[len..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => match c {
                '↑' => KeyCode::Up,
                '↓' => KeyCode::Down,
                '←' => KeyCode::Left,
                '→' => KeyCode::Right,
                c if mods.contains(KeyModifiers::CONTROL) => KeyCode::Char(c.to_ascii_lowercase()),
                c => KeyCode::Char(c),
            },
            _ => match rest.to_ascii_lowercase().as_str() {
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" if mods.contains(KeyModifiers::SHIFT) => {
                    mods.remove(KeyModifiers::SHIFT);
                    KeyCode::BackTab
                }
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "space" => KeyCode::Char(' '),
                f if f.starts_with('f') => KeyCode::F(
                    f[1..]
                        .parse()
                        .ok()
                        .filter(|n| (1..=24).contains(n))
                        .ok_or(())?,
                ),
                _ => return Err(()),
            },
        };
        // Shift is part of a character ("G"), as in `from_event`.
        if matches!(code, KeyCode::Char(_)) {
            mods.remove(KeyModifiers::SHIFT);
        }
        Ok(Key { code, mods })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// What a command is called in help, the footer and the config file.
pub struct CommandInfo {
    /// The command.
    pub command: Command,
    /// Its name in the config file.
    pub name: &'static str,
    /// What it does, for the help screen.
    pub help: &'static str,
    /// Its short footer label, if it belongs in the footer.
    pub footer: Option<&'static str>,
}

/// Every command, in help order.
pub const COMMANDS: &[CommandInfo] = &[
    info(Command::Up, "up", "move up / scroll up", None),
    info(
        Command::Down,
        "down",
        "move down / scroll down",
        Some("move"),
    ),
    info(Command::PageUp, "page-up", "one page up", None),
    info(Command::PageDown, "page-down", "one page down", None),
    info(Command::Top, "top", "to the first item", None),
    info(Command::Bottom, "bottom", "to the last item", None),
    info(
        Command::NextPane,
        "next-pane",
        "focus the next pane",
        Some("pane"),
    ),
    info(
        Command::PrevPane,
        "prev-pane",
        "focus the previous pane",
        None,
    ),
    info(
        Command::Open,
        "open",
        "open the full detail / go to the selected session",
        Some("open"),
    ),
    info(
        Command::Back,
        "back",
        "close, clear the search, go back",
        None,
    ),
    info(
        Command::Search,
        "search",
        "search titles, names, affiliations, notes, key messages",
        Some("search"),
    ),
    info(Command::NextMatch, "next-match", "next search match", None),
    info(
        Command::PrevMatch,
        "prev-match",
        "previous search match",
        None,
    ),
    info(Command::ViewAgenda, "view-agenda", "show the agenda", None),
    info(
        Command::ViewMessages,
        "view-messages",
        "show all key messages",
        Some("messages"),
    ),
    info(
        Command::ViewPeople,
        "view-people",
        "show all people",
        Some("people"),
    ),
    info(
        Command::Now,
        "now",
        "jump to now and follow the live session",
        Some("now"),
    ),
    info(
        Command::Later,
        "later",
        "running late: shift the live session and after by +5 min",
        None,
    ),
    info(Command::Earlier, "earlier", "shift by -5 min", None),
    info(
        Command::StartedNow,
        "started-now",
        "the selected session started now",
        None,
    ),
    info(
        Command::OnTime,
        "on-time",
        "clear the shift: back to planned times",
        None,
    ),
    info(
        Command::Reload,
        "reload",
        "read the agenda file again",
        None,
    ),
    info(
        Command::Help,
        "help",
        "show or hide this help",
        Some("help"),
    ),
    info(Command::Quit, "quit", "quit dais", Some("quit")),
];

const fn info(
    command: Command,
    name: &'static str,
    help: &'static str,
    footer: Option<&'static str>,
) -> CommandInfo {
    CommandInfo {
        command,
        name,
        help,
        footer,
    }
}

/// The built-in bindings.
pub fn default_bindings() -> Vec<(Key, Command)> {
    use Command as C;
    use KeyCode as K;
    vec![
        (Key::plain(K::Up), C::Up),
        (Key::ch('k'), C::Up),
        (Key::plain(K::Down), C::Down),
        (Key::ch('j'), C::Down),
        (Key::plain(K::PageUp), C::PageUp),
        (Key::ctrl('b'), C::PageUp),
        (Key::plain(K::PageDown), C::PageDown),
        (Key::ctrl('f'), C::PageDown),
        (Key::ch(' '), C::PageDown),
        (Key::plain(K::Home), C::Top),
        (Key::ch('g'), C::Top),
        (Key::plain(K::End), C::Bottom),
        (Key::ch('G'), C::Bottom),
        (Key::plain(K::Tab), C::NextPane),
        (Key::plain(K::Right), C::NextPane),
        (Key::plain(K::BackTab), C::PrevPane),
        (Key::plain(K::Left), C::PrevPane),
        (Key::plain(K::Enter), C::Open),
        (Key::plain(K::Esc), C::Back),
        (Key::ch('/'), C::Search),
        (Key::ch('n'), C::NextMatch),
        (Key::ch('N'), C::PrevMatch),
        (Key::ch('1'), C::ViewAgenda),
        (Key::ch('a'), C::ViewAgenda),
        (Key::ch('2'), C::ViewMessages),
        (Key::ch('m'), C::ViewMessages),
        (Key::ch('3'), C::ViewPeople),
        (Key::ch('p'), C::ViewPeople),
        (Key::ch('t'), C::Now),
        (Key::ch('+'), C::Later),
        (Key::ch('='), C::Later),
        (Key::ch('-'), C::Earlier),
        (Key::ch('s'), C::StartedNow),
        (Key::ch('0'), C::OnTime),
        (Key::ch('r'), C::Reload),
        (Key::ch('?'), C::Help),
        (Key::plain(K::F(1)), C::Help),
        (Key::ch('q'), C::Quit),
        (Key::ctrl('c'), C::Quit),
    ]
}

/// Key bindings: the defaults, possibly remapped by the user's config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(Key, Command)>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: default_bindings(),
        }
    }
}

impl Keymap {
    /// A keymap from explicit bindings.
    pub fn new(bindings: Vec<(Key, Command)>) -> Self {
        Keymap { bindings }
    }

    /// The command bound to `key`, if any.
    pub fn command(&self, key: Key) -> Option<Command> {
        self.bindings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|&(_, c)| c)
    }

    /// The bindings, in order.
    pub fn bindings(&self) -> &[(Key, Command)] {
        &self.bindings
    }

    /// The keys bound to `command`, in binding order.
    pub fn keys(&self, command: Command) -> impl Iterator<Item = Key> + '_ {
        self.bindings
            .iter()
            .filter(move |(_, c)| *c == command)
            .map(|&(k, _)| k)
    }

    /// The keys bound to `command`, joined for display ("↓ j").
    pub fn keys_label(&self, command: Command) -> String {
        self.keys(command)
            .map(|k| k.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Footer entries for the current screen: (first key, label).
    pub fn footer(&self, view: View, overlay: Option<Overlay>) -> Vec<(String, &'static str)> {
        let wanted = |c: Command| match (overlay, c) {
            (Some(_), c) => matches!(c, Command::Back | Command::Help | Command::Quit),
            (None, Command::ViewMessages) => view != View::Messages,
            (None, Command::ViewPeople) => view != View::People,
            (None, _) => true,
        };
        COMMANDS
            .iter()
            .filter(|i| wanted(i.command))
            .filter_map(|i| {
                let label = match (overlay, i.command) {
                    (Some(_), Command::Back) => Some("back"),
                    _ => i.footer,
                }?;
                let key = self.keys(i.command).next()?;
                let key = if i.command == Command::Down {
                    let up = self
                        .keys(Command::Up)
                        .next()
                        .map(|k| k.to_string())
                        .unwrap_or_default();
                    format!("{up}{key}")
                } else {
                    key.to_string()
                };
                Some((key, label))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{COMMANDS, Key, Keymap};
    use crate::app::{Command, View};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn every_command_has_help_and_a_default_key() {
        let map = Keymap::default();
        for info in COMMANDS {
            assert!(map.keys(info.command).next().is_some(), "{}", info.name);
        }
        assert_eq!(COMMANDS.len(), 24);
    }

    #[test]
    fn default_keys_are_unique() {
        let b = super::default_bindings();
        for (i, (k, _)) in b.iter().enumerate() {
            assert!(b[i + 1..].iter().all(|(k2, _)| k2 != k), "{k} bound twice");
        }
    }

    #[test]
    fn shift_is_in_the_character_and_backtab_is_shift_tab() {
        let e = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            Keymap::default().command(Key::from_event(&e)),
            Some(Command::Bottom)
        );
        let e = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            Keymap::default().command(Key::from_event(&e)),
            Some(Command::PrevPane)
        );
        let e = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            Keymap::default().command(Key::from_event(&e)),
            Some(Command::Quit)
        );
    }

    #[test]
    fn keys_parse_as_written_in_config() {
        let k = |s: &str| s.parse::<Key>();
        assert_eq!(k("q"), Ok(Key::ch('q')));
        assert_eq!(k("G"), Ok(Key::ch('G')));
        assert_eq!(k("Ctrl-c"), Ok(Key::ctrl('c')));
        assert_eq!(k("ctrl+C"), Ok(Key::ctrl('c')));
        assert_eq!(k("PageDown"), Ok(Key::plain(KeyCode::PageDown)));
        assert_eq!(k("Shift-Tab"), Ok(Key::plain(KeyCode::BackTab)));
        assert_eq!(k("↓"), Ok(Key::plain(KeyCode::Down)));
        assert_eq!(k("F1"), Ok(Key::plain(KeyCode::F(1))));
        assert_eq!(k("Space"), Ok(Key::ch(' ')));
        for bad in ["", "Ctlr-q", "F99", "nope", "Ctrl-"] {
            assert_eq!(k(bad), Err(()), "{bad}");
        }
        // Every key as help shows it reads back.
        for (key, _) in super::default_bindings() {
            assert_eq!(key.to_string().parse::<Key>(), Ok(key), "{key}");
        }
    }

    #[test]
    fn footer_follows_the_bindings() {
        let footer = Keymap::default().footer(View::Agenda, None);
        assert!(footer.contains(&("↑↓".to_owned(), "move")));
        assert!(footer.contains(&("/".to_owned(), "search")));
        assert!(footer.contains(&("q".to_owned(), "quit")));
        let remapped = Keymap::new(vec![(Key::ch('x'), Command::Quit)]);
        assert_eq!(
            remapped.footer(View::Agenda, None),
            [("x".to_owned(), "quit")]
        );
    }
}
