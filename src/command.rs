//! The keymap's vocabulary: the commands a key can give, the views, their
//! panes and the overlays. It sits below both the keymap and the app, so
//! each can name them without importing the other.

/// A named thing a key can do; the keymap binds keys to these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Command {
    /// Move the selection (or scroll) up one.
    Up,
    /// Move the selection (or scroll) down one.
    Down,
    /// Up one page.
    PageUp,
    /// Down one page.
    PageDown,
    /// To the first item.
    Top,
    /// To the last item.
    Bottom,
    /// To the first session of the next day or part.
    NextSection,
    /// To the first session of this day or part, or of the one before.
    PrevSection,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Open the full detail of what is selected, or go to it.
    Open,
    /// Close what is open, clear the search, or go back.
    Back,
    /// Start a search.
    Search,
    /// Go to the next search match.
    NextMatch,
    /// Go to the previous search match.
    PrevMatch,
    /// Show or hide the help screen.
    Help,
    /// Quit dais.
    Quit,
    /// Show the agenda.
    ViewAgenda,
    /// Show all key messages.
    ViewMessages,
    /// Show all people.
    ViewPeople,
    /// Show the rooms-by-time grid.
    ViewGrid,
    /// Show every note in time order.
    ViewNotes,
    /// Grid: to the lane on the left.
    Left,
    /// Grid: to the lane on the right.
    Right,
    /// Grid: fewer minutes a row.
    ZoomIn,
    /// Grid: more minutes a row.
    ZoomOut,
    /// Show what changed since the agenda was last looked at.
    ViewChanges,
    /// Jump to what is on now and follow it.
    Now,
    /// The meeting runs 5 minutes later than planned from the live session on.
    Later,
    /// Take 5 minutes off the delay.
    Earlier,
    /// The selected session started just now.
    StartedNow,
    /// Back to the planned times.
    OnTime,
    /// Read the agenda file again.
    Reload,
    /// Star or unstar the selected session (my programme).
    Star,
    /// Hide the selected session, or show a hidden one again.
    Hide,
    /// Show hidden sessions (dimmed), or leave them out again.
    ShowHidden,
    /// Show only starred sessions, or all again.
    OnlyStarred,
    /// Show times in the agenda's zone or the viewer's own.
    Zone,
    /// Write a note on the live (or selected) session.
    Note,
    /// Edit the selected session's notes in `$VISUAL` or `$EDITOR`.
    EditNotes,
}

/// The main screens; each is a module under `views`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// Timeline and the selected session.
    #[default]
    Agenda,
    /// All key messages and the sessions that speak to each.
    Messages,
    /// All people and their sessions.
    People,
    /// Every note the user wrote, in time order.
    Notes,
    /// Rooms side by side, time running down.
    Grid,
    /// What changed since the user last looked.
    Changes,
}

/// A pane that can have focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    /// The agenda's timeline.
    #[default]
    Timeline,
    /// The agenda's selected session: focused by a click or scrolled by
    /// the wheel; Tab passes it by, as Enter shows the session whole.
    Session,
    /// The selected session's people.
    People,
    /// The selected session's key messages.
    Messages,
    /// The list in the key messages or people view.
    List,
    /// The text of the selected key message or person.
    Text,
    /// The sessions of the selected key message or person.
    Sessions,
    /// The grid of rooms by time.
    Grid,
    /// The selected note in full, in the notes view (shown, never
    /// focused).
    Note,
}

impl View {
    /// Every view, in the order of the header's tabs.
    pub const ALL: [View; 5] = [
        View::Agenda,
        View::Messages,
        View::People,
        View::Notes,
        View::Grid,
    ];

    /// The command that shows this view.
    pub fn command(self) -> Command {
        match self {
            View::Agenda => Command::ViewAgenda,
            View::Messages => Command::ViewMessages,
            View::People => Command::ViewPeople,
            View::Grid => Command::ViewGrid,
            View::Notes => Command::ViewNotes,
            View::Changes => Command::ViewChanges,
        }
    }

    /// The view that `c` shows, if it shows one.
    pub fn shown_by(c: Command) -> Option<View> {
        View::ALL.into_iter().find(|v| v.command() == c)
    }

    /// The view's name, for headings.
    pub fn label(self) -> &'static str {
        match self {
            View::Agenda => "Agenda",
            View::Messages => "Key messages",
            View::People => "People",
            View::Grid => "Grid",
            View::Notes => "Notes",
            View::Changes => "Changes",
        }
    }
}

/// Something drawn over the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The help screen.
    Help,
    /// The full detail of the selected session.
    Detail,
}
