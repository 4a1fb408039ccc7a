//! A key with its modifiers: read from terminal events and config files,
//! shown in the footer and help.

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

    /// Alt plus a character.
    pub const fn alt(c: char) -> Self {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::ALT,
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
    type Err = String;

    /// Reads a key as the config file writes it: `q`, `G`, `Ctrl-c`,
    /// `Alt-x`, `Up`, `PageDown`, `Shift-Tab`, `Space`, `F1`… (also the
    /// arrows `↑ ↓ ← →` as help shows them). Names ignore case. `Shift-a`
    /// is `A`, the character Shift gives; `Shift-1` is refused (which
    /// character Shift gives depends on the keyboard). On failure, says why.
    fn from_str(s: &str) -> Result<Self, String> {
        if let Some(c) = s.chars().find(|&c| !crate::sanitize::is_shown(c)) {
            return Err(format!(
                "a key name cannot hold control characters, escapes, bidi controls or invisible characters (U+{:04X})",
                u32::from(c)
            ));
        }
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
        let unknown = || "unknown key".to_owned();
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => match c {
                '↑' => KeyCode::Up,
                '↓' => KeyCode::Down,
                '←' => KeyCode::Left,
                '→' => KeyCode::Right,
                c if mods.contains(KeyModifiers::CONTROL) => {
                    if mods.contains(KeyModifiers::SHIFT) {
                        return Err(format!(
                            "terminals send Ctrl-Shift-{c} as Ctrl-{}; write that",
                            c.to_ascii_lowercase()
                        ));
                    }
                    KeyCode::Char(c.to_ascii_lowercase())
                }
                c if mods.contains(KeyModifiers::SHIFT) => KeyCode::Char(shifted(c)?),
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
                "space" if mods.contains(KeyModifiers::SHIFT) => {
                    return Err("terminals send Shift-Space as Space; write that".to_owned());
                }
                "space" => KeyCode::Char(' '),
                f if f.starts_with('f') => KeyCode::F(
                    f[1..]
                        .parse()
                        .ok()
                        .filter(|n| (1..=24).contains(n))
                        .ok_or_else(unknown)?,
                ),
                _ => return Err(unknown()),
            },
        };
        // Shift is part of a character ("G"), as in `from_event`.
        if matches!(code, KeyCode::Char(_)) {
            mods.remove(KeyModifiers::SHIFT);
        }
        Ok(Key { code, mods })
    }
}

/// The character Shift gives with `c`: its capital. A character without
/// one (a digit, a sign) is refused: what Shift gives with it depends on
/// the keyboard, and binding `c` itself would be a silent surprise.
fn shifted(c: char) -> Result<char, String> {
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) if u != c || c.is_uppercase() => Ok(u),
        _ => Err(format!(
            "Shift-{c}: write the character Shift gives on your keyboard instead"
        )),
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

#[cfg(test)]
mod tests {
    use super::Key;
    use crate::command::Command;
    use crate::keymap::{Keymap, default_bindings};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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
            assert_eq!(k(bad), Err("unknown key".to_owned()), "{bad}");
        }
        assert_eq!(k("Shift-a"), Ok(Key::ch('A')));
        assert_eq!(k("shift+é"), Ok(Key::ch('É')));
        assert_eq!(k("Shift-A"), Ok(Key::ch('A')));
        assert_eq!(k("Alt-Shift-x"), Ok(Key::alt('X')));
        for refused in ["Shift-1", "Shift-/", "Ctrl-Shift-a"] {
            assert!(k(refused).is_err(), "{refused}");
        }
        for hostile in [
            "\u{1b}",
            "\u{1b}[A",
            "a\u{0}",
            "\u{202e}",
            "Ctrl-\u{7}",
            "\u{ad}",
            "\u{9b}",
        ] {
            let e = k(hostile).unwrap_err();
            assert!(e.contains("control characters"), "{hostile:?}: {e}");
        }
        // Every key as help shows it reads back.
        for (key, _) in default_bindings() {
            assert_eq!(key.to_string().parse::<Key>(), Ok(key), "{key}");
        }
    }
}
