//! The views: each is one module owning its state (cursors, scrolls, the
//! pane with the keys), its key handling and its widget. A view reads the
//! [`Shared`] state and never another view; what it wants of the app (select
//! a session, show one in the agenda, open an overlay) it returns as an
//! [`Effect`].
//!
//! The list in [`for_views!`] is the one place the views are named: it
//! builds [`Views`] and the dispatch from a [`View`] to its state.

use crate::app::cursor::Cursor;
use crate::app::search::Search;
use crate::app::shared::Shared;
use crate::command::{Command, Overlay, Pane, View};
use crate::ui::layout::{Areas, Screen, inner_height};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub mod agenda;
pub mod changes;
pub mod grid;
pub mod messages;
pub mod notes;
pub mod people;

/// Every view: its [`View`] name, its field in [`Views`] and its state's
/// type. Adding a view is one line here (and its module, its `View` name
/// and its keymap entries).
macro_rules! for_views {
    ($then:ident) => {
        $then! {
            Agenda agenda: agenda::AgendaView,
            Messages messages: messages::MessagesView,
            People people: people::PeopleView,
            Notes notes: notes::NotesView,
            Grid grid: grid::GridView,
            Changes changes: changes::ChangesView,
        }
    };
}

/// What a view's key handling asks of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Nothing beyond the view's own state.
    None,
    /// Select this session (follow mode ends).
    Select(usize),
    /// Show this session in the agenda view, selected (follow mode ends).
    GoTo(usize),
    /// Open this overlay.
    Overlay(Overlay),
}

/// A view: its state, its keys and its widget.
pub trait ViewState {
    /// Its panes, in Tab order.
    const PANES: &'static [Pane];
    /// Every pane, the pointer's as well as Tab's.
    const ALL_PANES: &'static [Pane] = Self::PANES;
    /// What a search match is called here (one, many).
    const FOUND: (&'static str, &'static str);

    /// The pane with the keys.
    fn focus(&self) -> Pane;
    /// Gives `pane` the keys.
    fn set_focus(&mut self, pane: Pane);
    /// The view is shown after another one.
    fn enter(&mut self) {
        self.set_focus(Self::PANES[0]);
    }
    /// Why the agenda gives this view nothing to show (a conference
    /// programme has no key messages), said in the banner in place of an
    /// empty view; `None` when it has something.
    fn empty(_shared: &Shared) -> Option<&'static str> {
        None
    }
    /// Where its panes go in `body`.
    fn layout(&self, shared: &Shared, body: Rect) -> Areas;
    /// A movement or `Open`, `]`, `[` command.
    fn command(&mut self, shared: &Shared, c: Command) -> Effect;
    /// A click on line `line` inside `pane` (at `area`), at column `x` of
    /// the screen; the pane now has the keys.
    fn click(&mut self, shared: &Shared, pane: Pane, area: Rect, x: u16, line: usize) -> Effect;
    /// The wheel over `pane`: `lines` down (or right when `sideways`); false
    /// to let it move the selection as the arrow keys do.
    fn wheel(&mut self, _shared: &Shared, _lines: i16, _sideways: bool) -> bool {
        false
    }
    /// The item a search steps from: a session, a message, a person.
    fn current(&self, shared: &Shared) -> usize;
    /// The search's matches among this view's items.
    fn matches<'s>(&self, search: &'s Search) -> &'s [usize];
    /// Selects item `i` (a search match, or where a search began).
    fn select(&mut self, shared: &Shared, i: usize) -> Effect;
    /// The session `*` and `x` act on here: the shared selection, unless
    /// the view lists sessions of its own (a person's, a message's, a
    /// note's) and so selects one there; `None` when it shows none.
    fn marked_session(&self, shared: &Shared) -> Option<usize> {
        Some(shared.selection)
    }
    /// The shared selection is set; `moved` if it changed, `showing` if
    /// this view is on screen (one that is not is told by [`Self::reveal`]
    /// when it is shown).
    fn selected(&mut self, _shared: &Shared, _moved: bool, _showing: bool) {}
    /// Scrolls so the selections show, after the panes changed size (a
    /// resize, or a view shown); `showing` if this view is on screen.
    fn reveal(&mut self, _shared: &Shared, _showing: bool) {}
    /// The agenda was replaced: `old` was shown, `shared` holds the new.
    fn replaced(&mut self, _old: &crate::agenda::Agenda, _shared: &Shared) {}
    /// Draws the view's panes where `screen` places them.
    fn render(&self, shared: &Shared, screen: &Screen, buf: &mut Buffer);

    /// Its panes at the current size, or none when the terminal is too
    /// small.
    fn areas(&self, shared: &Shared) -> Areas {
        let frame = shared.frame();
        if frame.too_small {
            return Areas::default();
        }
        self.layout(shared, frame.overlay)
    }

    /// The panes, in Tab order, that this size has room for (all of them
    /// when the terminal is too small to draw any, or when they take turns
    /// in one place).
    fn shown_panes(&self, shared: &Shared) -> Vec<Pane> {
        let all = Self::PANES.iter().copied();
        if shared.frame().too_small {
            return all.collect();
        }
        let a = self.areas(shared);
        if a.taking_turns {
            return all.collect();
        }
        all.filter(|&p| !a.pane(p).is_empty()).collect()
    }

    /// Tab and Shift-Tab: the next or previous pane this size shows.
    fn cycle_focus(&mut self, shared: &Shared, forward: bool) {
        let panes = self.shown_panes(shared);
        if !panes.is_empty() {
            let n = panes.len();
            let at = panes.iter().position(|&p| p == self.focus()).unwrap_or(0);
            let step = if forward { 1 } else { n - 1 };
            self.set_focus(panes[(at + step) % n]);
        }
    }

    /// After a resize: a pane the new size has no room for cannot keep the
    /// keys.
    fn resized(&mut self, shared: &Shared) {
        if !shared.frame().too_small && self.areas(shared).pane(self.focus()).is_empty() {
            self.set_focus(Self::PANES[0]);
        }
    }
}

macro_rules! views {
    ($($name:ident $field:ident: $ty:ty),* $(,)?) => {
        /// Every view's state, one field each.
        #[derive(Debug, Clone, Default)]
        pub struct Views {
            $(
                #[doc = concat!("The ", stringify!($field), " view.")]
                pub $field: $ty,
            )*
        }

        impl Views {
            /// `view`'s panes, in Tab order.
            pub fn panes(view: View) -> &'static [Pane] {
                match view { $(View::$name => <$ty>::PANES,)* }
            }

            /// Every pane of `view`, the pointer's as well as Tab's.
            pub fn all_panes(view: View) -> &'static [Pane] {
                match view { $(View::$name => <$ty>::ALL_PANES,)* }
            }

            /// What a search match is called in `view` (one, many).
            pub fn found(view: View) -> (&'static str, &'static str) {
                match view { $(View::$name => <$ty>::FOUND,)* }
            }

            /// Why the agenda gives `view` nothing to show, if it does not.
            pub fn empty(view: View, shared: &Shared) -> Option<&'static str> {
                match view { $(View::$name => <$ty>::empty(shared),)* }
            }

            /// The views the header and footer offer for this agenda, in
            /// the order of the tabs: those with something to show.
            pub fn offered(shared: &Shared) -> impl Iterator<Item = View> + '_ {
                View::ALL
                    .into_iter()
                    .filter(|&v| Self::empty(v, shared).is_none())
            }

            /// The pane with the keys in `view`.
            pub fn focus(&self, view: View) -> Pane {
                match view { $(View::$name => self.$field.focus(),)* }
            }

            /// Gives `pane` of `view` the keys.
            pub fn set_focus(&mut self, view: View, pane: Pane) {
                match view { $(View::$name => self.$field.set_focus(pane),)* }
            }

            /// `view` is shown after another one.
            pub fn enter(&mut self, view: View) {
                match view { $(View::$name => self.$field.enter(),)* }
            }

            /// Where `view`'s panes go in `body`.
            pub fn layout(&self, view: View, shared: &Shared, body: Rect) -> Areas {
                match view { $(View::$name => self.$field.layout(shared, body),)* }
            }

            /// A movement or `Open`, `]`, `[` command for `view`.
            pub fn command(&mut self, view: View, shared: &Shared, c: Command) -> Effect {
                match view { $(View::$name => self.$field.command(shared, c),)* }
            }

            /// A click on line `line` of `pane` of `view`, at column `x`.
            pub fn click(
                &mut self,
                view: View,
                shared: &Shared,
                pane: Pane,
                area: Rect,
                (x, line): (u16, usize),
            ) -> Effect {
                match view { $(View::$name => self.$field.click(shared, pane, area, x, line),)* }
            }

            /// The wheel in `view`; false if it should move the selection.
            pub fn wheel(&mut self, view: View, shared: &Shared, lines: i16, sideways: bool) -> bool {
                match view { $(View::$name => self.$field.wheel(shared, lines, sideways),)* }
            }

            /// The item a search in `view` steps from.
            pub fn current(&self, view: View, shared: &Shared) -> usize {
                match view { $(View::$name => self.$field.current(shared),)* }
            }

            /// The search's matches in `view`.
            pub fn matches<'s>(&self, view: View, search: &'s Search) -> &'s [usize] {
                match view { $(View::$name => self.$field.matches(search),)* }
            }

            /// Selects item `i` of `view`.
            pub fn select(&mut self, view: View, shared: &Shared, i: usize) -> Effect {
                match view { $(View::$name => self.$field.select(shared, i),)* }
            }

            /// The session `*` and `x` act on in `view`, if any.
            pub fn marked_session(&self, view: View, shared: &Shared) -> Option<usize> {
                match view { $(View::$name => self.$field.marked_session(shared),)* }
            }

            /// Tab and Shift-Tab in `view`.
            pub fn cycle_focus(&mut self, view: View, shared: &Shared, forward: bool) {
                match view { $(View::$name => self.$field.cycle_focus(shared, forward),)* }
            }

            /// Draws `view`.
            pub fn render(&self, view: View, shared: &Shared, screen: &Screen, buf: &mut Buffer) {
                match view { $(View::$name => self.$field.render(shared, screen, buf),)* }
            }

            /// Tells every view the shared selection is set; `view` is
            /// showing.
            pub fn selected(&mut self, view: View, shared: &Shared, moved: bool) {
                $(self.$field.selected(shared, moved, View::$name == view);)*
            }

            /// Every view scrolls its selections into sight; `view` is
            /// showing.
            pub fn reveal(&mut self, view: View, shared: &Shared) {
                $(self.$field.reveal(shared, View::$name == view);)*
            }

            /// After a resize, in `view`.
            pub fn resized(&mut self, view: View, shared: &Shared) {
                match view { $(View::$name => self.$field.resized(shared),)* }
            }

            /// Tells every view the agenda was replaced.
            pub fn replaced(&mut self, old: &crate::agenda::Agenda, shared: &Shared) {
                $(self.$field.replaced(old, shared);)*
            }
        }
    };
}

for_views!(views);

/// How far a movement command goes in a window of `height` lines.
pub fn delta(c: Command, height: usize) -> isize {
    let page = isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(isize::MAX);
    match c {
        Command::Up => -1,
        Command::Down => 1,
        Command::PageUp => -page,
        Command::PageDown => page,
        Command::Top => isize::MIN / 2,
        Command::Bottom => isize::MAX / 2,
        _ => 0,
    }
}

/// The same place in a new agenda: the item with id `want`, else index
/// `at` clamped to the new length.
pub fn refind<'a, Id: PartialEq + ?Sized + 'a>(
    ids: impl ExactSizeIterator<Item = &'a Id>,
    want: Option<&Id>,
    at: usize,
) -> usize {
    let len = ids.len();
    let mut ids = ids;
    want.and_then(|w| ids.position(|id| id == w))
        .unwrap_or_else(|| at.min(len.saturating_sub(1)))
}

/// A list, a text and the sessions below it, for the key messages and
/// people views: on a short, narrow terminal the two below the list take
/// turns in one place (the sessions while they have the keys).
pub fn taking_turns(body: Rect, focus: Pane) -> Option<Areas> {
    use crate::ui::layout::{SHORT, WIDE};
    use ratatui::layout::{Constraint, Layout};
    if body.width >= WIDE || body.height >= SHORT {
        return None;
    }
    let [list, below] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Min(3)]).areas(body);
    let shown = if focus == Pane::Sessions {
        Pane::Sessions
    } else {
        Pane::Text
    };
    Some(Areas {
        panes: vec![(Pane::List, list), (shown, below)],
        taking_turns: true,
    })
}

/// A list's cursor after its panes changed size: the selection in view and
/// no rows wasted past the end.
pub fn fit(cursor: &mut Cursor, len: usize, height: usize) {
    cursor.top = cursor.top.min(len.saturating_sub(height));
    cursor.reveal(height);
}

/// Lines inside `pane` at the current size.
pub fn pane_height(areas: &Areas, pane: Pane) -> usize {
    inner_height(areas.pane(pane))
}
