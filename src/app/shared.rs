//! What every view reads: the agenda and the lookups derived from it, the
//! clock and the shift, the one selected session, the search, the theme
//! and the keymap. The app holds it and derefs to it; a view is handed it
//! by reference and never sees another view.

use super::index::Index;
use super::live::{self, Banner, Live, Shift, Status};
use super::search::{Search, SearchText};
use super::suggest::Suggester;
use super::timing::Timing;
use crate::agenda::Agenda;
use crate::command::{Overlay, View};
use crate::keymap::Keymap;
use crate::theme::Theme;
use crate::ui::layout::Screen;
use chrono::{DateTime, Duration, DurationRound, Utc};
use ratatui::layout::Rect;
use std::sync::Arc;

/// The state every view shares.
#[derive(Debug, Clone)]
pub struct Shared {
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
    /// What is drawn over the view.
    pub overlay: Option<Overlay>,
    /// Scroll of the overlay (help or detail), in lines.
    pub overlay_scroll: usize,
    /// The selected session: the one selection every view shows and moves.
    pub selection: usize,
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
    /// What `update` asked of the seen worker, in order; the event loop
    /// sends them and empties this.
    pub looks: Vec<crate::seen::Ask>,
    /// My programme: starred and hidden sessions, clashes, reminders.
    pub programme: crate::programme::Programme,
    /// The user's notes on this agenda, in time order (as last read from
    /// the store: at start, after a save, or made by another window).
    pub notes: crate::notes::Notes,
    /// The note being typed when dais last stopped, read from the store
    /// at start, for the note input to offer again.
    pub draft: Option<String>,
    /// Reminders to ring (bell, desktop notification); the event loop
    /// rings them and empties this.
    pub rings: Vec<String>,
    /// The note being written, while the input is open (`i`).
    pub compose: Option<super::compose::Compose>,
    /// The session whose notes the user asked to edit (`e`); the event
    /// loop opens the editor and empties this.
    pub edit_notes: Option<usize>,
    /// What the banner says once the store answers that a note change
    /// asked for is saved.
    pub note_saving: Option<String>,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// Where the lines of long session texts start, kept across frames.
    pub wraps: crate::ui::wraps::Wraps,
}

impl Shared {
    /// The selected session's index.
    pub fn selected(&self) -> usize {
        self.selection
    }

    /// The frame of the screen at the current size, with no panes placed.
    pub fn frame(&self) -> Screen {
        Screen::frame(Rect::new(0, 0, self.size.0, self.size.1))
    }

    /// The search query while a search is active, else "" (nothing to
    /// highlight).
    pub fn query(&self) -> &str {
        if self.search.is_active() {
            self.search.query.as_str()
        } else {
            ""
        }
    }

    /// Where now falls in the programme.
    pub fn status(&self) -> Status {
        self.timing
            .status(&self.agenda, &self.live.shift, self.live.now)
    }

    /// How many other sessions run now beside the live one `session`.
    pub fn also_live(&self, session: usize) -> usize {
        self.timing
            .also_live(&self.agenda, &self.live.shift, self.live.now, session)
    }

    /// Sets the shift, keeping the time index in step with it.
    pub fn set_shift(&mut self, shift: Shift) {
        self.live.shift = shift;
        self.timing = Timing::new(&self.agenda, &self.live.shift);
        // Clashes are between times as they stand.
        self.refresh_programme();
    }

    /// The session that follow mode shows: the live one, else the next,
    /// else the last.
    pub fn follow_target(&self) -> usize {
        match self.status() {
            Status::Live { session, .. } => session,
            Status::Before { first: s } | Status::Gap { next: s } => s,
            Status::After { last } => last,
        }
    }

    /// The delay in minutes of the session that matters now (the live one,
    /// else the next).
    pub fn current_delay(&self) -> i64 {
        self.live.shift.minutes(self.follow_target())
    }

    /// When something on screen next changes on its own: the next minute
    /// (the clock shows minutes), or a banner going away if sooner.
    pub fn next_change(&self) -> DateTime<Utc> {
        let now = self.live.now;
        let minute = now.duration_trunc(Duration::minutes(1)).unwrap_or(now) + Duration::minutes(1);
        // A reminder wakes the loop only when it falls due.
        [
            self.banner.as_ref().and_then(|b| b.until),
            self.next_reminder(),
        ]
        .into_iter()
        .flatten()
        .filter(|t| *t > now)
        .fold(minute, std::cmp::Ord::min)
    }

    /// A session's start and end with the delay applied.
    pub fn shifted(&self, i: usize) -> (DateTime<Utc>, DateTime<Utc>) {
        live::shifted(&self.agenda, &self.live.shift, i)
    }
}
