//! The application state and the one function that changes it.
//!
//! [`App::update`] takes an [`Action`] and does no I/O: the event loop turns
//! terminal events, clock ticks and file changes into actions, and widgets
//! draw whatever the state says.

use crate::agenda::Agenda;
use crate::keymap::Keymap;
use crate::theme::Theme;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::sync::Arc;

mod action;
mod cursor;
mod index;
pub mod live;
mod mouse;
mod navigate;
mod reload;
mod search;
mod suggest;
mod timing;
mod view;

pub use action::{Action, Command};
pub use cursor::Cursor;
pub use index::{Index, Row};
pub use live::{Banner, Live, Shift};
pub use reload::{Prepared, identity};
pub use search::{Search, SearchText, find_all};
pub use suggest::{Suggester, Suggestion};
pub use timing::Timing;
pub use view::{Overlay, Pane, View};

/// Everything dais knows and shows.
#[derive(Debug, Clone)]
pub struct App {
    /// The agenda on screen, shared with the reload worker, which tells
    /// changes against it.
    pub agenda: Arc<Agenda>,
    /// Lookups derived from it.
    pub index: Index,
    /// Its searchable text.
    pub text: SearchText,
    /// Its key message term model.
    pub suggester: Suggester,
    /// Its sessions in time order with the shift applied.
    pub timing: Timing,
    /// Key bindings.
    pub keymap: Keymap,
    /// Colours and styles.
    pub theme: Theme,
    /// The screen showing.
    pub view: View,
    /// The pane with the keys.
    pub focus: Pane,
    /// What is drawn over the view.
    pub overlay: Option<Overlay>,
    /// The selected session (index) and the timeline's first visible row.
    pub timeline: Cursor,
    /// Scroll of the selected session's pane, in lines.
    pub session_scroll: usize,
    /// Scroll of the selected session's people pane, in lines.
    pub people_scroll: usize,
    /// Scroll of the selected session's key messages pane, in lines.
    pub messages_scroll: usize,
    /// Scroll of the overlay (help or detail), in lines.
    pub overlay_scroll: usize,
    /// The key messages view: selected message.
    pub message: Cursor,
    /// The key messages view: scroll of the message text.
    pub message_text_scroll: usize,
    /// The people view: selected person.
    pub person: Cursor,
    /// The key messages and people views: the selected linked session.
    pub linked: Cursor,
    /// The search.
    pub search: Search,
    /// Where the selection was when the search began, to return on Esc.
    pub search_origin: Option<(View, usize)>,
    /// The terminal size.
    pub size: (u16, u16),
    /// The clock, the viewer's zone, follow mode and the running-late shift.
    pub live: Live,
    /// A message shown for a while (reload results, errors).
    pub banner: Option<Banner>,
    /// Which sessions are shown, if not all: `--room` and `--track` in
    /// words ("room Saal 1").
    pub only: Option<String>,
    /// Changes to the user's state that `update` asked for, in order; the
    /// event loop saves them (before the next frame) and empties this.
    pub changes: Vec<crate::store::Change>,
    /// Set when the user asked to quit.
    pub quit: bool,
}

impl App {
    /// A new app showing `agenda` at `now`.
    pub fn new(agenda: impl Into<Arc<Agenda>>, now: DateTime<Utc>) -> Self {
        let Prepared {
            agenda,
            index,
            text,
            suggester,
        } = Prepared::new(agenda);
        let timing = Timing::new(&agenda, &live::Shift::default());
        let mut app = App {
            agenda,
            index,
            text,
            suggester,
            timing,
            keymap: Keymap::default(),
            theme: Theme::default(),
            view: View::Agenda,
            focus: Pane::Timeline,
            overlay: None,
            timeline: Cursor::default(),
            session_scroll: 0,
            people_scroll: 0,
            messages_scroll: 0,
            overlay_scroll: 0,
            message: Cursor::default(),
            message_text_scroll: 0,
            person: Cursor::default(),
            linked: Cursor::default(),
            search: Search::default(),
            search_origin: None,
            size: (80, 24),
            live: Live::new(now),
            banner: None,
            only: None,
            changes: Vec::new(),
            quit: false,
        };
        app.follow_now();
        app
    }

    /// Sets the viewer's own zone, shown beside the agenda's when it differs.
    #[must_use]
    pub fn with_viewer_zone(mut self, tz: Option<Tz>) -> Self {
        self.live.viewer_tz = tz;
        self
    }

    /// Sets the key bindings.
    #[must_use]
    pub fn with_keymap(mut self, keymap: Keymap) -> Self {
        self.keymap = keymap;
        self
    }

    /// Sets the theme.
    #[must_use]
    pub fn with_theme(mut self, theme: Theme) -> Self {
        self.theme = theme;
        self
    }

    /// The selected session's index.
    pub fn selected(&self) -> usize {
        self.timeline.selected
    }

    /// Applies one action. No I/O: what the outside must do (save the
    /// shift, reload the file) is read from the state by the event loop.
    #[allow(clippy::needless_pass_by_value)] // An action is consumed, by design.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Command(c) => self.command(c),
            Action::SearchChar(c) => self.search_edit(|q| q.push(c)),
            Action::SearchBackspace => self.search_edit(|q| {
                q.pop();
            }),
            Action::SearchSubmit => {
                self.search.editing = false;
                self.search_origin = None;
            }
            Action::SearchCancel => self.search_cancel(),
            Action::Click { x, y } => self.click(x, y),
            Action::Scroll { x, y, lines } => self.wheel(x, y, lines),
            Action::Resize { width, height } => {
                self.size = (width, height);
                // A pane the new size has no room for cannot keep the keys.
                let s = self.screen();
                if !s.too_small && s.pane(self.view, self.focus).is_empty() {
                    self.focus = self.view.panes()[0];
                }
                self.reveal_selected();
                self.reveal_lists();
            }
            Action::Tick(now) => self.tick(now),
        }
    }

    fn command(&mut self, c: Command) {
        if self.overlay.is_some() && self.overlay_command(c) {
            return;
        }
        match c {
            Command::Quit => self.quit = true,
            Command::Help => self.open_overlay(Overlay::Help),
            Command::Back => self.back(),
            Command::Search => {
                self.search_origin = Some((self.view, self.current_item()));
                let prev = std::mem::take(&mut self.search.query);
                self.search.editing = true;
                self.search.refresh(&self.agenda, &self.text, &prev);
            }
            Command::NextMatch => self.step_match(false),
            Command::PrevMatch => self.step_match(true),
            Command::ViewAgenda => self.show(View::Agenda),
            Command::ViewMessages => self.show(View::Messages),
            Command::ViewPeople => self.show(View::People),
            Command::NextPane | Command::PrevPane => {
                // Only the panes this size has room for.
                let panes = self.shown_panes();
                if !panes.is_empty() {
                    let n = panes.len();
                    let at = panes.iter().position(|&p| p == self.focus).unwrap_or(0);
                    let step = if c == Command::NextPane { 1 } else { n - 1 };
                    self.focus = panes[(at + step) % n];
                }
            }
            Command::Now
            | Command::Later
            | Command::Earlier
            | Command::StartedNow
            | Command::OnTime => {
                self.live_command(c);
            }
            Command::Reload => self.live.reload_requested = true,
            Command::Open => self.open(),
            Command::NextSection | Command::PrevSection => self.section(c),
            Command::Up
            | Command::Down
            | Command::PageUp
            | Command::PageDown
            | Command::Top
            | Command::Bottom => {
                self.navigate(c);
            }
        }
    }

    /// Handles a command while an overlay is open; false to fall through.
    fn overlay_command(&mut self, c: Command) -> bool {
        let lines = self.overlay_lines();
        let height = self.overlay_height();
        let delta = match c {
            Command::Up => -1,
            Command::Down => 1,
            Command::PageUp => -height.cast_signed(),
            Command::PageDown => height.cast_signed(),
            Command::Top => isize::MIN / 2,
            Command::Bottom => isize::MAX / 2,
            Command::Back | Command::Open => {
                self.overlay = None;
                return true;
            }
            Command::Help if self.overlay == Some(Overlay::Help) => {
                self.overlay = None;
                return true;
            }
            Command::Quit | Command::Help => return false,
            _ => return true,
        };
        self.overlay_scroll = cursor::scroll(self.overlay_scroll, delta, lines, height);
        true
    }

    fn open_overlay(&mut self, o: Overlay) {
        self.overlay = Some(o);
        self.overlay_scroll = 0;
    }

    fn back(&mut self) {
        if self.search.is_active() {
            self.search = Search::default();
        } else if self.view != View::Agenda {
            self.show(View::Agenda);
        }
    }

    fn show(&mut self, view: View) {
        if self.view != view {
            self.view = view;
            self.focus = view.panes()[0];
            self.linked = Cursor::default();
        }
        self.reveal_selected();
        self.reveal_lists();
    }

    fn open(&mut self) {
        match (self.view, self.focus) {
            (View::Agenda, _) => self.open_overlay(Overlay::Detail),
            (View::Messages, Pane::List | Pane::Text) | (View::People, Pane::List) => {
                self.focus = Pane::Sessions;
            }
            (_, _) => {
                if let Some(&s) = self.linked_sessions().get(self.linked.selected) {
                    self.go_to_session(s);
                }
            }
        }
    }

    /// Shows session `s` in the agenda view, selected (turns follow off).
    pub fn go_to_session(&mut self, s: usize) {
        self.live.follow = false;
        self.view = View::Agenda;
        self.focus = Pane::Timeline;
        self.select_session(s);
    }

    /// Selects session `s` and scrolls the timeline to it.
    pub fn select_session(&mut self, s: usize) {
        if s != self.timeline.selected {
            self.session_scroll = 0;
            self.people_scroll = 0;
            self.messages_scroll = 0;
        }
        self.timeline.selected = s.min(self.agenda.sessions.len().saturating_sub(1));
        self.reveal_selected();
    }

    /// The sessions listed in the key messages or people view's session pane.
    pub fn linked_sessions(&self) -> &[usize] {
        match self.view {
            View::Messages => self
                .index
                .sessions_of_message
                .get(self.message.selected)
                .map_or(&[], Vec::as_slice),
            View::People => self
                .index
                .sessions_of_person
                .get(self.person.selected)
                .map_or(&[], Vec::as_slice),
            View::Agenda => &[],
        }
    }

    fn current_item(&self) -> usize {
        match self.view {
            View::Agenda => self.timeline.selected,
            View::Messages => self.message.selected,
            View::People => self.person.selected,
        }
    }

    fn search_edit(&mut self, edit: impl FnOnce(&mut String)) {
        let prev = self.search.query.clone();
        edit(&mut self.search.query);
        self.search.refresh(&self.agenda, &self.text, &prev);
        // Incremental: show the first match from where the search began;
        // with none, go back there, as a pager's search does.
        let origin = self.search_origin.map_or(self.current_item(), |(_, i)| i);
        let here = self.search_origin.is_none_or(|(v, _)| v == self.view);
        if !self.jump_to_match(origin.checked_sub(1), false)
            && here
            && self.current_item() != origin
        {
            self.select_item(origin);
        }
    }

    fn search_cancel(&mut self) {
        self.search = Search::default();
        if let Some((view, item)) = self.search_origin.take()
            && view == self.view
        {
            self.select_item(item);
        }
    }

    fn step_match(&mut self, back: bool) {
        let from = self.current_item();
        self.jump_to_match(Some(from), back);
    }

    /// Selects the next match; false if there is none.
    fn jump_to_match(&mut self, from: Option<usize>, back: bool) -> bool {
        let list = match self.view {
            View::Agenda => &self.search.matches,
            View::Messages => &self.search.messages,
            View::People => &self.search.people,
        };
        match search::next_match(list, from, back) {
            Some(t) => {
                self.select_item(t);
                true
            }
            None => false,
        }
    }

    fn select_item(&mut self, i: usize) {
        match self.view {
            View::Agenda => {
                self.live.follow = false;
                self.select_session(i);
            }
            View::Messages => {
                let (len, h) = (self.agenda.key_messages.len(), self.list_height());
                self.message.select(i, len, h);
                self.message_text_scroll = 0;
                self.linked = Cursor::default();
            }
            View::People => {
                let (len, h) = (self.agenda.people.len(), self.list_height());
                self.person.select(i, len, h);
                self.linked = Cursor::default();
            }
        }
    }
}
