//! Getting a person’s attention from a terminal: the bell, and a desktop
//! notification where the terminal is known to show one (OSC 777 or OSC 9).
//!
//! Which terminal it is comes from the environment `main` passes in; the
//! bytes are built here and written by the event loop. Text put into a
//! notification is stripped of anything a terminal would act on.

/// What `notify` in the config asks for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    /// The bell, and a desktop notification where the terminal shows one.
    #[default]
    Auto,
    /// The bell only.
    Bell,
    /// Neither: the banner alone.
    Off,
}

impl Mode {
    /// The names a config may give.
    pub const NAMES: &[&str] = &["auto", "bell", "off"];

    /// The mode a config name means.
    pub fn from_name(name: &str) -> Option<Mode> {
        match name {
            "auto" => Some(Mode::Auto),
            "bell" => Some(Mode::Bell),
            "off" => Some(Mode::Off),
            _ => None,
        }
    }
}

/// A desktop notification escape a terminal understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Desktop {
    /// `OSC 777 ; notify ; title ; body ST` (urxvt, foot, VTE with the
    /// notify patch, `WezTerm`, Ghostty).
    Osc777,
    /// `OSC 9 ; text ST` (iTerm2, kitty).
    Osc9,
}

/// Which desktop notification the terminal described by `var` (an
/// environment lookup) shows, if any. Inside tmux or screen nothing is
/// sent: they would swallow it or need passthrough turned on.
pub fn detect(var: impl Fn(&str) -> Option<String>) -> Option<Desktop> {
    let term = var("TERM").unwrap_or_default();
    let program = var("TERM_PROGRAM").unwrap_or_default();
    if var("TMUX").is_some()
        || var("STY").is_some()
        || term.starts_with("screen")
        || term.starts_with("tmux")
    {
        return None;
    }
    match program.as_str() {
        "iTerm.app" => return Some(Desktop::Osc9),
        "WezTerm" | "ghostty" => return Some(Desktop::Osc777),
        _ => {}
    }
    if term == "xterm-kitty" || var("KITTY_WINDOW_ID").is_some() {
        return Some(Desktop::Osc9);
    }
    if term.starts_with("foot")
        || term.contains("rxvt")
        || term == "xterm-ghostty"
        || var("VTE_VERSION").is_some()
    {
        return Some(Desktop::Osc777);
    }
    None
}

/// The bytes that ring the bell and, where `desktop` says, show `title`
/// and `body` as a desktop notification; nothing when `mode` is off.
pub fn bytes(mode: Mode, desktop: Option<Desktop>, title: &str, body: &str) -> Vec<u8> {
    let mut out = Vec::new();
    if mode == Mode::Off {
        return out;
    }
    out.push(0x07);
    if mode == Mode::Bell {
        return out;
    }
    let (title, body) = (field(title), field(body));
    match desktop {
        Some(Desktop::Osc777) => {
            out.extend_from_slice(format!("\x1b]777;notify;{title};{body}\x1b\\").as_bytes());
        }
        Some(Desktop::Osc9) => {
            // ConEmu reads "9;<digit>;" as a command of its own.
            let text = format!("{title}: {body}");
            out.extend_from_slice(format!("\x1b]9;{text}\x1b\\").as_bytes());
        }
        None => {}
    }
    out
}

/// Text safe inside an OSC field: no control characters (which could end
/// the sequence), no `;` (which would start another field), at most 200
/// characters.
fn field(s: &str) -> String {
    crate::sanitize::clean(s, crate::sanitize::Lines::Single)
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if c == ';' { ',' } else { c })
        .take(200)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Desktop, Mode, bytes, detect};

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn terminals_are_told_apart_by_their_environment() {
        assert_eq!(
            detect(env(&[("TERM_PROGRAM", "iTerm.app")])),
            Some(Desktop::Osc9)
        );
        assert_eq!(detect(env(&[("TERM", "xterm-kitty")])), Some(Desktop::Osc9));
        assert_eq!(detect(env(&[("TERM", "foot")])), Some(Desktop::Osc777));
        assert_eq!(
            detect(env(&[("TERM", "rxvt-unicode-256color")])),
            Some(Desktop::Osc777)
        );
        assert_eq!(
            detect(env(&[("TERM", "xterm-256color"), ("VTE_VERSION", "7600")])),
            Some(Desktop::Osc777)
        );
        assert_eq!(
            detect(env(&[("TERM_PROGRAM", "WezTerm")])),
            Some(Desktop::Osc777)
        );
        assert_eq!(detect(env(&[("TERM", "xterm-256color")])), None);
        assert_eq!(detect(env(&[])), None);
        // A multiplexer in between: the bell only.
        assert_eq!(
            detect(env(&[("TERM", "tmux-256color"), ("TMUX", "/tmp/t,1,0")])),
            None
        );
        assert_eq!(
            detect(env(&[("TERM", "foot"), ("TMUX", "/tmp/t,1,0")])),
            None
        );
    }

    #[test]
    fn the_mode_decides_what_is_sent() {
        let d = Some(Desktop::Osc777);
        assert_eq!(bytes(Mode::Off, d, "dais", "x"), b"");
        assert_eq!(bytes(Mode::Bell, d, "dais", "x"), b"\x07");
        assert_eq!(
            bytes(Mode::Auto, d, "dais", "in 5 min: Panel 3"),
            b"\x07\x1b]777;notify;dais;in 5 min: Panel 3\x1b\\"
        );
        assert_eq!(
            bytes(Mode::Auto, Some(Desktop::Osc9), "dais", "in 5 min: Panel 3"),
            b"\x07\x1b]9;dais: in 5 min: Panel 3\x1b\\"
        );
        assert_eq!(bytes(Mode::Auto, None, "dais", "x"), b"\x07");
        assert_eq!(Mode::from_name("bell"), Some(Mode::Bell));
        assert_eq!(Mode::from_name("loud"), None);
    }

    #[test]
    fn nothing_in_the_text_can_end_the_sequence_or_add_a_field() {
        let out = bytes(
            Mode::Auto,
            Some(Desktop::Osc777),
            "a;b",
            "x\x1b\\\x07\x1b]0;pwned\x07y\u{202e}z\n",
        );
        let text = String::from_utf8(out).unwrap();
        let inner = text
            .strip_prefix("\x07\x1b]777;notify;")
            .unwrap()
            .strip_suffix("\x1b\\")
            .unwrap();
        assert!(!inner.chars().any(char::is_control), "{inner:?}");
        assert!(!inner.contains('\u{202e}'));
        assert_eq!(inner.matches(';').count(), 1, "{inner:?}");
        assert!(inner.starts_with("a,b;x"));
    }
}
