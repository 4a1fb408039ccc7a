//! The application state and the one function that changes it.
//!
//! [`App::update`] takes an [`Action`] and does no I/O: the event loop turns
//! terminal events, clock ticks and file changes into actions, and widgets
//! draw whatever the state says. The app holds what every view shares
//! ([`Shared`], which it derefs to), which view is showing, and the views
//! themselves (`crate::views`), each with its own state.

use crate::agenda::Agenda;
use crate::keymap::Keymap;
use crate::theme::Theme;
use crate::ui::layout::Screen;
use crate::views::{Effect, ViewState, Views};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use ratatui::layout::Rect;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

mod action;
pub mod compose;
pub mod cursor;
mod find;
mod follow;
pub mod index;
pub mod line;
pub mod live;
mod mine;
mod mouse;
mod notes;
mod reload;
pub mod search;
mod seen;
pub mod shared;
pub mod suggest;
pub mod timing;
mod unsaved;
mod writing;

pub use crate::command::{Command, Overlay, Pane, View};
pub use action::Action;
pub use compose::{Compose, Edited, NoteKey};
pub use cursor::Cursor;
pub use index::{Index, Row};
pub use live::{Banner, Live, Shift};
pub use reload::{Prepared, identity};
pub use search::{Search, SearchText, find_all};
pub use shared::Shared;
pub use suggest::{Suggester, Suggestion};
pub use timing::Timing;

/// Everything dais knows and shows.
#[derive(Debug, Clone)]
pub struct App {
    /// What every view shares: the agenda, the clock, the selection...
    pub shared: Shared,
    /// The view showing.
    pub view: View,
    /// Every view's own state.
    pub views: Views,
}

impl Deref for App {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.shared
    }
}

impl DerefMut for App {
    fn deref_mut(&mut self) -> &mut Shared {
        &mut self.shared
    }
}

impl App {
    /// A new app showing `agenda` at `now`.
    pub fn new(agenda: impl Into<Arc<Agenda>>, now: DateTime<Utc>) -> Self {
        App::from_prepared(Prepared::new(agenda), now)
    }

    /// The app for an agenda already prepared ([`Prepared::new`] for the
    /// screen, [`Prepared::for_status`] for `dais now`).
    pub fn from_prepared(prepared: Prepared, now: DateTime<Utc>) -> Self {
        let Prepared {
            agenda,
            index,
            text,
            suggester,
            timing,
        } = prepared;
        let timing = timing.unwrap_or_else(|| Timing::new(&agenda, &live::Shift::default()));
        let mut app = App {
            shared: Shared {
                agenda,
                index,
                text,
                suggester,
                timing,
                keymap: Keymap::default(),
                theme: Theme::default(),
                overlay: None,
                overlay_scroll: 0,
                selection: 0,
                search: Search::default(),
                search_origin: None,
                size: (80, 24),
                live: Live::new(now),
                banner: None,
                only: None,
                changes: Vec::new(),
                looks: Vec::new(),
                programme: crate::programme::Programme::default(),
                notes: crate::notes::Notes::default(),
                draft: None,
                rings: Vec::new(),
                compose: None,
                edit_notes: None,
                note_saving: None,
                quit: false,
                wraps: crate::ui::wraps::Wraps::default(),
            },
            view: View::Agenda,
            views: Views::default(),
        };
        app.refresh_programme();
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

    /// The pane with the keys in the view showing.
    pub fn focus(&self) -> Pane {
        self.views.focus(self.view)
    }

    /// Where everything is on the current terminal.
    pub fn screen(&self) -> Screen {
        self.screen_in(Rect::new(0, 0, self.size.0, self.size.1))
    }

    /// Where everything is when the screen is drawn into `area`.
    pub fn screen_in(&self, area: Rect) -> Screen {
        let mut s = Screen::frame(area);
        if !s.too_small {
            s.body = self.views.layout(self.view, &self.shared, s.overlay);
        }
        s
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
            Action::ScrollSideways { x, y, lines } => self.wheel_in(x, y, lines, true),
            Action::Resize { width, height } => {
                self.size = (width, height);
                self.views.resized(self.view, &self.shared);
                self.views.reveal(self.view, &self.shared);
            }
            Action::Tick(now) => self.tick(now),
            Action::Note(key) => self.note_key(key),
            Action::NoteSaved(problem) => self.note_saved(problem.as_deref()),
            Action::NotesEdited(outcome) => self.notes_edited(outcome),
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
            Command::Search => self.search_start(),
            Command::NextMatch => self.step_match(false),
            Command::PrevMatch => self.step_match(true),
            Command::ViewAgenda
            | Command::ViewMessages
            | Command::ViewPeople
            | Command::ViewNotes
            | Command::ViewGrid => {
                if let Some(v) = View::shown_by(c) {
                    // Not an empty view: the banner says why there is none.
                    match Views::empty(v, &self.shared) {
                        Some(why) => self.say(why.to_owned()),
                        None => self.show(v),
                    }
                }
            }
            // A view of one pane takes the pane keys (→, Tab) as sideways
            // moves.
            Command::NextPane | Command::PrevPane if Views::panes(self.view).len() == 1 => {
                let side = if c == Command::NextPane {
                    Command::Right
                } else {
                    Command::Left
                };
                let e = self.views.command(self.view, &self.shared, side);
                self.apply(e);
            }
            Command::ViewChanges => self.show_changes(),
            Command::NextPane | Command::PrevPane => {
                let forward = c == Command::NextPane;
                self.views.cycle_focus(self.view, &self.shared, forward);
            }
            Command::Now
            | Command::Later
            | Command::Earlier
            | Command::StartedNow
            | Command::OnTime => {
                self.live_command(c);
            }
            Command::Reload => self.live.reload_requested = true,
            Command::Note => self.note_open(),
            Command::EditNotes => self.note_edit(),
            Command::Left | Command::Right | Command::ZoomIn | Command::ZoomOut
                if self.view != View::Grid => {}
            Command::Star
            | Command::Hide
            | Command::ShowHidden
            | Command::OnlyStarred
            | Command::Zone => self.mine_command(c),
            Command::Open
            | Command::Left
            | Command::Right
            | Command::ZoomIn
            | Command::ZoomOut
            | Command::NextSection
            | Command::PrevSection
            | Command::Up
            | Command::Down
            | Command::PageUp
            | Command::PageDown
            | Command::Top
            | Command::Bottom => {
                let zoom = self.views.grid.zoom;
                let e = self.views.command(self.view, &self.shared, c);
                self.apply(e);
                let now = self.views.grid.zoom;
                if now != zoom {
                    // Remembered per agenda, as `z`'s zone is.
                    self.changes.push(crate::store::Change::Setting {
                        name: crate::views::grid::ZOOM_SETTING.into(),
                        value: now.minutes().to_string(),
                    });
                }
            }
        }
    }

    /// Does what a view asked.
    fn apply(&mut self, e: Effect) {
        match e {
            Effect::None => {}
            Effect::Select(s) => {
                self.live.follow = false;
                self.select_session(s);
            }
            Effect::GoTo(s) => self.go_to_session(s),
            Effect::Overlay(o) => self.open_overlay(o),
        }
    }

    /// Handles a command while an overlay is open; false to fall through.
    fn overlay_command(&mut self, c: Command) -> bool {
        let lines = self.overlay_lines();
        let height = crate::ui::layout::inner_height(self.screen().overlay);
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

    fn overlay_lines(&self) -> usize {
        let width = crate::ui::layout::inner_width(self.screen().overlay);
        match self.overlay {
            Some(Overlay::Help) => crate::ui::help::lines(self).len(),
            Some(Overlay::Detail) => crate::views::agenda::detail::doc(self, width).len(),
            None => 0,
        }
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
            self.views.enter(view);
        }
        self.views.reveal(self.view, &self.shared);
    }

    /// Shows session `s` in the agenda view, selected (turns follow off).
    pub fn go_to_session(&mut self, s: usize) {
        self.live.follow = false;
        self.view = View::Agenda;
        self.views.agenda.enter();
        self.select_session(s);
    }

    /// Selects session `s`; every view follows it (the agenda scrolls its
    /// timeline to it).
    pub fn select_session(&mut self, s: usize) {
        let moved = s != self.selection;
        self.selection = s.min(self.agenda.sessions.len().saturating_sub(1));
        self.views.selected(self.view, &self.shared, moved);
    }
}
