//! The optional config file: a theme and key remapping.
//!
//! Problems never stop dais: each is reported with the file, line, column
//! and key, and what it concerned falls back to the default.

use crate::command::Command;
use crate::keymap::{COMMANDS, Key, Keymap, default_bindings};
use crate::load::base::file::{FileError, SMALL_FILE_MAX, file_name, read_capped};
use crate::theme::Theme;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use toml::Spanned;

mod alerts;

pub use alerts::Alerts;

/// The settings a config file gives.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    /// The theme (before `NO_COLOR`, which wins).
    pub theme: Theme,
    /// The key bindings.
    pub keymap: Keymap,
    /// Reminders before starred sessions.
    pub alerts: Alerts,
    /// What was wrong with the file, each naming file, line and key.
    pub problems: Vec<String>,
    /// What was ignored (an unknown setting), each naming file, line and
    /// key; everything else in the file still applies.
    pub warnings: Vec<String>,
}

/// The config file in the user's config directory
/// (`$XDG_CONFIG_HOME/dais/config.toml` on Linux).
pub fn default_path() -> Option<PathBuf> {
    Some(dirs::config_dir()?.join("dais").join("config.toml"))
}

/// The themes a config may name.
pub const THEMES: &[&str] = &["dark", "light", "high-contrast"];

/// The settings dais knows; any other top-level key is a warning.
const SETTINGS: &[&str] = &["theme", "remind_minutes", "notify", "keys"];

#[derive(Debug, Deserialize)]
struct Raw {
    theme: Option<Spanned<String>>,
    remind_minutes: Option<Spanned<i64>>,
    notify: Option<Spanned<String>>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<Keys>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
    /// Anything else (a number, a table, a list holding a non-string): a
    /// problem for that command alone, not for the whole file.
    Wrong(toml::Value),
}

/// Reads the config at `path`; a missing file is no problem when
/// `required` is false (the default location), a problem otherwise.
///
/// A FIFO, a device or a socket there is refused without being opened in
/// blocking mode, and a config over [`SMALL_FILE_MAX`] is refused unread.
pub fn load(path: &Path, required: bool) -> Config {
    let name = file_name(path);
    let problem = |why: String| Config {
        problems: vec![format!("{name}: cannot read the config: {why}")],
        ..Config::default()
    };
    match read_capped(path, SMALL_FILE_MAX) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => parse(&name, &text),
            Err(e) => problem(format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            )),
        },
        Err(FileError::Missing(_)) if !required => Config::default(),
        Err(FileError::Missing(why)) => problem(why),
        Err(e) => problem(e.describe("a config file")),
    }
}

/// Parses config text; `name` is used in messages.
pub fn parse(name: &str, text: &str) -> Config {
    let at = |span: std::ops::Range<usize>| {
        let (line, col) = line_col(text, span.start);
        format!("{name}:{line}:{col}")
    };
    let raw: Raw = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let place = e.span().map_or_else(|| name.to_owned(), at);
            let msg = crate::sanitize::clean(e.message(), crate::sanitize::Lines::Single);
            return Config {
                problems: vec![format!("{place}: {msg}; using the defaults")],
                ..Config::default()
            };
        }
    };
    let mut problems = Vec::new();
    let warnings = unknown_settings(text, &at);
    let theme = match &raw.theme {
        None => Theme::default(),
        Some(t) => match t.get_ref().as_str() {
            "dark" => Theme::dark(),
            "light" => Theme::light(),
            "high-contrast" => Theme::high_contrast(),
            other => {
                problems.push(format!(
                    "{}: theme: unknown theme {}; expected one of {}; using dark",
                    at(t.span()),
                    crate::load::quote(other),
                    THEMES.join(", ")
                ));
                Theme::default()
            }
        },
    };
    let alerts = alerts::read(
        raw.remind_minutes.as_ref(),
        raw.notify.as_ref(),
        &at,
        &mut problems,
    );
    let keymap = keymap(&raw, &at, &mut problems);
    Config {
        theme,
        keymap,
        alerts,
        problems,
        warnings,
    }
}

/// A warning for each top-level key dais does not know (a misspelt or
/// newer setting), at its line.
fn unknown_settings(text: &str, at: &dyn Fn(std::ops::Range<usize>) -> String) -> Vec<String> {
    // The file already parsed once, so this cannot fail. (The values are
    // skipped: only the keys and where they are matter.)
    #[allow(clippy::zero_sized_map_values)]
    let top: BTreeMap<Spanned<String>, serde::de::IgnoredAny> =
        toml::from_str(text).unwrap_or_default();
    let mut found: Vec<_> = top
        .keys()
        .filter(|k| !SETTINGS.contains(&k.get_ref().as_str()))
        .collect();
    found.sort_by_key(|k| k.span().start);
    found
        .into_iter()
        .map(|k| {
            format!(
                "{}: unknown setting {}, ignored; the settings are {}",
                at(k.span()),
                crate::load::quote(k.get_ref()),
                SETTINGS.join(", ")
            )
        })
        .collect()
}

/// The user's bindings over the defaults. A command the user binds loses
/// its default keys; a default key the user takes for another command is
/// dropped from it. Bindings that conflict with each other are reported
/// and those commands keep their defaults.
fn keymap(
    raw: &Raw,
    at: &dyn Fn(std::ops::Range<usize>) -> String,
    problems: &mut Vec<String>,
) -> Keymap {
    let mut user: Vec<(Key, Command, String)> = Vec::new();
    let mut bad_commands: Vec<Command> = Vec::new();
    // In file order, so a conflict is reported at the later binding.
    let mut entries: Vec<_> = raw.keys.iter().collect();
    entries.sort_by_key(|(name, _)| name.span().start);
    for (name, keys) in entries {
        let Some(info) = COMMANDS.iter().find(|c| c.name == name.get_ref()) else {
            problems.push(format!(
                "{}: keys.{}: unknown command; see `dais config --default` for the list",
                at(name.span()),
                crate::load::quote(name.get_ref())
            ));
            continue;
        };
        let list: Vec<&str> = match keys.get_ref() {
            Keys::One(k) => vec![k.as_str()],
            Keys::Many(ks) => ks.iter().map(String::as_str).collect(),
            Keys::Wrong(v) => {
                problems.push(format!(
                    "{}: keys.{}: expected a key name or a list of key names, found {}; using the default keys for {}",
                    at(keys.span()),
                    info.name,
                    found(v),
                    info.name
                ));
                continue;
            }
        };
        for k in list {
            match k.parse::<Key>() {
                Ok(key) => {
                    let place = format!("{}: keys.{}", at(keys.span()), info.name);
                    user.push((key, info.command, place));
                }
                Err(why) => {
                    problems.push(format!(
                        "{}: keys.{}: {why} {}; using the default keys for {}",
                        at(keys.span()),
                        info.name,
                        crate::load::quote(k),
                        info.name
                    ));
                    bad_commands.push(info.command);
                }
            }
        }
    }
    for (i, (key, command, place)) in user.iter().enumerate() {
        if let Some((_, other, _)) = user[..i].iter().find(|(k, c, _)| k == key && c != command) {
            problems.push(format!(
                "{place}: key {key} is also bound to {}; using the defaults for both",
                name_of(*other)
            ));
            bad_commands.extend([*command, *other]);
        }
    }
    user.retain(|(_, c, _)| !bad_commands.contains(c));
    let remapped: Vec<Command> = user.iter().map(|(_, c, _)| *c).collect();
    let mut bindings: Vec<(Key, Command)> = default_bindings()
        .into_iter()
        .filter(|(k, c)| !remapped.contains(c) && !user.iter().any(|(uk, _, _)| uk == k))
        .collect();
    bindings.extend(user.into_iter().map(|(k, c, _)| (k, c)));
    Keymap::new(bindings)
}

/// What a TOML value of the wrong type is, for a message.
fn found(v: &toml::Value) -> &'static str {
    match v {
        toml::Value::String(_) => "a string",
        toml::Value::Integer(_) => "an integer",
        toml::Value::Float(_) => "a number",
        toml::Value::Boolean(_) => "a boolean",
        toml::Value::Datetime(_) => "a date",
        toml::Value::Array(a) if a.iter().all(toml::Value::is_str) => "a list",
        toml::Value::Array(_) => "a list with something other than key names in it",
        toml::Value::Table(_) => "a table",
    }
}

fn name_of(c: Command) -> &'static str {
    COMMANDS
        .iter()
        .find(|i| i.command == c)
        .map_or("?", |i| i.name)
}

/// 1-based line and column of byte `at` in `text`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// A commented config file with every default, for `dais config --default`.
pub fn default_text() -> String {
    let mut out = String::from(
        "# dais configuration. Copy to the config file (see `dais config --path`)\n\
         # and change what you like; anything left out keeps its default.\n\n\
         # Colours: \"dark\", \"light\" or \"high-contrast\". NO_COLOR, when set, wins.\n\
         theme = \"dark\"\n\n\
         # Minutes before a starred session starts to remind you (0: never).\n\
         remind_minutes = 5\n\n\
         # How a reminder gets your attention besides its banner: \"auto\" (the bell,\n\
         # and a desktop notification where the terminal shows one), \"bell\", \"off\".\n\
         notify = \"auto\"\n\n\
         # Keys: command = [\"key\", ...] replaces that command's keys. Keys are\n\
         # written like q, G, Ctrl-c, Alt-x, Up, Down, Left, Right, PageUp, PageDown,\n\
         # Home, End, Enter, Esc, Tab, Shift-Tab, Backspace, Space, F1...\n\
         [keys]\n",
    );
    let map = Keymap::default();
    for info in COMMANDS {
        let keys: Vec<String> = map
            .keys(info.command)
            .map(|k| format!("\"{}\"", key_name(k)))
            .collect();
        let _ = writeln!(
            out,
            "# {}\n{} = [{}]",
            info.help,
            info.name,
            keys.join(", ")
        );
    }
    out
}

/// A key as the config file writes it (words, not arrows).
fn key_name(k: Key) -> String {
    use ratatui::crossterm::event::KeyCode;
    match k.code {
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::PageUp => "PageUp".into(),
        KeyCode::PageDown => "PageDown".into(),
        _ => k.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{default_text, parse};
    use crate::command::Command;
    use crate::keymap::{Key, Keymap};
    use crate::theme::Theme;

    #[test]
    fn the_default_file_reads_back_as_the_defaults() {
        let c = parse("config.toml", &default_text());
        assert_eq!(c.problems, Vec::<String>::new());
        assert_eq!(
            c.warnings,
            Vec::<String>::new(),
            "every default is a setting"
        );
        assert_eq!(c.theme, Theme::dark());
        // Every setting, not just the ones easy to see: a default file that
        // said `remind_minutes = 10` read back clean and passed before.
        assert_eq!(c.alerts, super::Alerts::default());
        let mut got = c.keymap.bindings().to_vec();
        let mut want = Keymap::default().bindings().to_vec();
        got.sort_by_key(|(k, c)| (format!("{k}"), *c));
        want.sort_by_key(|(k, c)| (format!("{k}"), *c));
        assert_eq!(got, want);
    }

    #[test]
    fn a_remap_replaces_that_commands_keys_and_takes_the_key() {
        let c = parse(
            "c.toml",
            "theme = \"light\"\n[keys]\nquit = \"x\"\ndown = [\"q\", \"Down\"]\n",
        );
        assert_eq!(c.problems, Vec::<String>::new());
        assert_eq!(c.theme, Theme::light());
        assert_eq!(c.keymap.command(Key::ch('x')), Some(Command::Quit));
        assert_eq!(c.keymap.command(Key::ch('q')), Some(Command::Down));
        assert_eq!(c.keymap.command(Key::ch('j')), None);
        assert_eq!(c.keymap.command(Key::ctrl('c')), None);
        assert_eq!(c.keymap.keys_label(Command::Quit), "x");
    }

    #[test]
    fn conflicts_are_reported_with_line_and_key_and_fall_back() {
        let c = parse("c.toml", "[keys]\nquit = \"y\"\nhelp = \"y\"\n");
        assert_eq!(c.problems.len(), 1, "{:?}", c.problems);
        assert!(
            c.problems[0].starts_with("c.toml:3:8: keys.help: key y is also bound to quit"),
            "{}",
            c.problems[0]
        );
        assert_eq!(c.keymap.command(Key::ch('q')), Some(Command::Quit));
        assert_eq!(c.keymap.command(Key::ch('?')), Some(Command::Help));
        assert_eq!(c.keymap.command(Key::ch('y')), None);
    }

    #[test]
    fn unknown_commands_keys_and_themes_are_reported() {
        let c = parse(
            "c.toml",
            "theme = \"neon\"\n[keys]\nfly = \"f\"\nquit = \"Ctlr-q\"\n",
        );
        assert_eq!(c.problems.len(), 3, "{:?}", c.problems);
        assert!(c.problems[0].starts_with("c.toml:1:9: theme: unknown theme \"neon\""));
        assert!(c.problems[1].starts_with("c.toml:3:1: keys.\"fly\": unknown command"));
        assert!(
            c.problems[2].starts_with("c.toml:4:8: keys.quit: unknown key \"Ctlr-q\""),
            "{}",
            c.problems[2]
        );
        assert_eq!(c.keymap.command(Key::ch('q')), Some(Command::Quit));
    }

    #[test]
    fn reminder_settings_are_read_and_bad_ones_reported() {
        use crate::alert::Mode;
        let c = parse("c.toml", "remind_minutes = 10\nnotify = \"bell\"\n");
        assert_eq!(c.problems, Vec::<String>::new());
        assert_eq!(c.alerts.remind_minutes, 10);
        assert_eq!(c.alerts.notify, Mode::Bell);
        let c = parse("c.toml", "remind_minutes = -1\nnotify = \"loud\"\n");
        assert_eq!(c.problems.len(), 2, "{:?}", c.problems);
        assert!(c.problems[0].starts_with("c.toml:1:18: remind_minutes:"));
        assert!(c.problems[1].starts_with("c.toml:2:10: notify: unknown value \"loud\""));
        assert_eq!(c.alerts, super::Alerts::default());
        assert_eq!(c.alerts.remind_minutes, 5);
    }

    #[test]
    fn a_malformed_file_gives_its_position_and_the_defaults() {
        let c = parse("c.toml", "theme = \"dark\"\n[keys\n");
        assert_eq!(c.problems.len(), 1);
        assert!(c.problems[0].starts_with("c.toml:2:"), "{}", c.problems[0]);
        assert_eq!(c.keymap, Keymap::default());
    }

    #[test]
    fn an_unknown_setting_is_a_warning_and_the_rest_applies() {
        let c = parse(
            "c.toml",
            "theme = \"light\"\ncolour = 1\n[keys]\nquit = \"x\"\n[mouse]\nwheel = 3\n",
        );
        assert_eq!(c.problems, Vec::<String>::new());
        assert_eq!(
            c.warnings,
            [
                "c.toml:2:1: unknown setting \"colour\", ignored; the settings are theme, remind_minutes, notify, keys",
                "c.toml:5:2: unknown setting \"mouse\", ignored; the settings are theme, remind_minutes, notify, keys",
            ]
        );
        assert_eq!(c.theme, Theme::light());
        assert_eq!(c.keymap.command(Key::ch('x')), Some(Command::Quit));
    }

    #[test]
    fn hostile_key_names_are_errors_at_their_line() {
        let c = parse(
            "c.toml",
            "[keys]\nquit = \"\\u001b[A\"\nhelp = [\"a\\u0000\"]\ndown = \"\\u202e\"\nup = \"Ctrl-\\u0007\"\n",
        );
        assert_eq!(c.problems.len(), 4, "{:?}", c.problems);
        for (p, line) in c.problems.iter().zip(2..) {
            assert!(p.starts_with(&format!("c.toml:{line}:")), "{p}");
            assert!(p.contains("cannot hold control characters"), "{p}");
            assert!(p.chars().all(crate::sanitize::is_shown), "{p:?}");
        }
        // Those commands keep their defaults.
        assert_eq!(c.keymap.command(Key::ch('q')), Some(Command::Quit));
        assert_eq!(c.keymap.command(Key::ch('?')), Some(Command::Help));
    }

    #[test]
    fn shift_a_means_capital_a() {
        let c = parse(
            "c.toml",
            "[keys]\nbottom = \"Shift-g\"\ntop = \"Shift-1\"\n",
        );
        assert_eq!(c.keymap.command(Key::ch('G')), Some(Command::Bottom));
        assert_eq!(
            c.keymap.command(Key::ch('g')),
            Some(Command::Top),
            "g keeps its default"
        );
        assert_eq!(c.problems.len(), 1, "{:?}", c.problems);
        assert!(
            c.problems[0].starts_with("c.toml:3:7: keys.top: Shift-1"),
            "{}",
            c.problems[0]
        );
        assert_eq!(c.keymap.command(Key::ch('1')), Some(Command::ViewAgenda));
    }

    #[test]
    fn a_key_of_the_wrong_type_is_a_problem_at_its_line_and_the_rest_applies() {
        let c = parse(
            "c.toml",
            "theme = \"light\"\n[keys]\nquit = 5\nhelp = [\"a\", 1]\ndown = { x = 1 }\nup = \"x\"\n",
        );
        assert_eq!(c.problems.len(), 3, "{:?}", c.problems);
        assert_eq!(
            c.problems[0],
            "c.toml:3:8: keys.quit: expected a key name or a list of key names, found an integer; using the default keys for quit"
        );
        assert!(c.problems[1].starts_with("c.toml:4:8: keys.help: expected a key name"));
        assert!(c.problems[1].contains("found a list with something other than key names"));
        assert!(c.problems[2].starts_with("c.toml:5:8: keys.down: expected"));
        assert!(c.problems[2].contains("found a table"));
        // The rest of the file still applies.
        assert_eq!(c.theme, Theme::light());
        assert_eq!(c.keymap.keys_label(Command::Up), "x");
        let q = "q".parse::<Key>().unwrap();
        assert_eq!(
            c.keymap.command(q),
            Some(Command::Quit),
            "quit keeps its default"
        );
    }
}
