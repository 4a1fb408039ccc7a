//! Which screen is showing and which pane has the keys.

/// The main screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// Timeline and the selected session.
    #[default]
    Agenda,
    /// All key messages and the sessions that speak to each.
    Messages,
    /// All people and their sessions.
    People,
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
}

impl View {
    /// The panes of this view, in Tab order.
    pub fn panes(self) -> &'static [Pane] {
        match self {
            View::Agenda => &[Pane::Timeline, Pane::People, Pane::Messages],
            View::Messages => &[Pane::List, Pane::Text, Pane::Sessions],
            View::People => &[Pane::List, Pane::Sessions],
        }
    }

    /// Every pane of this view, the pointer's as well as Tab's.
    pub fn all_panes(self) -> &'static [Pane] {
        match self {
            View::Agenda => &[Pane::Timeline, Pane::Session, Pane::People, Pane::Messages],
            _ => self.panes(),
        }
    }

    /// The view's name, for headings.
    pub fn label(self) -> &'static str {
        match self {
            View::Agenda => "Agenda",
            View::Messages => "Key messages",
            View::People => "People",
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
