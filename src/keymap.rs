//! One table of key bindings drives dispatch, the footer and the help screen.

use crate::command::{Command, Overlay, View};
use ratatui::crossterm::event::KeyCode;

mod key;

pub use key::Key;
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
        Command::NextSection,
        "next-section",
        "agenda: to the next day or part",
        None,
    ),
    info(
        Command::PrevSection,
        "prev-section",
        "agenda: to the start of this or the previous day or part",
        None,
    ),
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
        Command::ViewNotes,
        "view-notes",
        "show every note you wrote, in time order",
        None,
    ),
    info(
        Command::ViewGrid,
        "view-grid",
        "show rooms side by side, time running down",
        None,
    ),
    info(Command::Left, "left", "grid: to the lane on the left", None),
    info(
        Command::Right,
        "right",
        "grid: to the lane on the right",
        None,
    ),
    info(
        Command::ZoomIn,
        "zoom-in",
        "grid: fewer minutes a row",
        None,
    ),
    info(
        Command::ZoomOut,
        "zoom-out",
        "grid: more minutes a row",
        None,
    ),
    info(
        Command::ViewChanges,
        "view-changes",
        "show what changed since you last looked (marks it seen)",
        None,
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
    // Before my programme: a footer of 100 columns still offers it.
    info(
        Command::Note,
        "note",
        "write a note on the live session (or the selected one); Tab completes #3 and @Name",
        Some("note"),
    ),
    // My programme: after quit, so a narrow footer keeps quit.
    info(
        Command::Star,
        "star",
        "star or unstar the selected session (my programme)",
        Some("star"),
    ),
    info(
        Command::Hide,
        "hide",
        "hide the selected session, or unhide it",
        None,
    ),
    info(
        Command::ShowHidden,
        "show-hidden",
        "show hidden sessions (dimmed), or leave them out",
        None,
    ),
    info(
        Command::OnlyStarred,
        "only-starred",
        "show only starred sessions, or all",
        Some("mine"),
    ),
    info(
        Command::Zone,
        "zone",
        "times in the agenda's zone or your own",
        None,
    ),
    info(
        Command::EditNotes,
        "edit-notes",
        "edit the selected session's notes in $VISUAL or $EDITOR",
        None,
    ),
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
        (Key::ch(']'), C::NextSection),
        (Key::ch('['), C::PrevSection),
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
        (Key::ch('4'), C::ViewNotes),
        (Key::ch('w'), C::ViewNotes),
        (Key::ch('5'), C::ViewGrid),
        (Key::ch('v'), C::ViewGrid),
        (Key::ch('h'), C::Left),
        (Key::ch('l'), C::Right),
        (Key::ch('>'), C::ZoomIn),
        (Key::ch('<'), C::ZoomOut),
        (Key::ch('c'), C::ViewChanges),
        (Key::ch('t'), C::Now),
        (Key::ch('+'), C::Later),
        (Key::ch('='), C::Later),
        (Key::ch('-'), C::Earlier),
        (Key::ch('s'), C::StartedNow),
        (Key::ch('0'), C::OnTime),
        (Key::ch('r'), C::Reload),
        (Key::ch('*'), C::Star),
        (Key::ch('f'), C::Star),
        (Key::ch('x'), C::Hide),
        (Key::ch('X'), C::ShowHidden),
        (Key::ch('o'), C::OnlyStarred),
        (Key::ch('z'), C::Zone),
        (Key::ch('i'), C::Note),
        (Key::ch('e'), C::EditNotes),
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

    /// Footer entries for the current screen: (first key, label). Keys
    /// to views are offered only for the views in `offered`.
    pub fn footer(
        &self,
        view: View,
        overlay: Option<Overlay>,
        offered: &[View],
    ) -> Vec<(String, &'static str)> {
        let wanted = |c: Command| match (overlay, c) {
            (Some(_), c) => matches!(c, Command::Back | Command::Help | Command::Quit),
            // Not the key to the view already showing.
            (None, c) => View::shown_by(c).is_none_or(|v| v != view && offered.contains(&v)),
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
    use crate::command::{Command, View};

    #[test]
    fn every_command_has_help_and_a_default_key() {
        let map = Keymap::default();
        for info in COMMANDS {
            assert!(map.keys(info.command).next().is_some(), "{}", info.name);
        }
        assert_eq!(COMMANDS.len(), 40);
    }

    #[test]
    fn default_keys_are_unique() {
        let b = super::default_bindings();
        for (i, (k, _)) in b.iter().enumerate() {
            assert!(b[i + 1..].iter().all(|(k2, _)| k2 != k), "{k} bound twice");
        }
    }

    #[test]
    fn footer_follows_the_bindings() {
        let footer = Keymap::default().footer(View::Agenda, None, &View::ALL);
        assert!(footer.contains(&("↑↓".to_owned(), "move")));
        assert!(footer.contains(&("/".to_owned(), "search")));
        assert!(footer.contains(&("q".to_owned(), "quit")));
        assert!(footer.contains(&("2".to_owned(), "messages")));
        let remapped = Keymap::new(vec![(Key::ch('x'), Command::Quit)]);
        assert_eq!(
            remapped.footer(View::Agenda, None, &View::ALL),
            [("x".to_owned(), "quit")]
        );
    }

    #[test]
    fn the_footer_leaves_out_a_view_not_offered() {
        let offered = [View::Agenda, View::People, View::Notes, View::Grid];
        let footer = Keymap::default().footer(View::Agenda, None, &offered);
        assert!(footer.iter().all(|(_, label)| *label != "messages"));
        assert!(footer.contains(&("3".to_owned(), "people")));
    }
}
