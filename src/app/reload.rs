//! Swapping in a new version of the agenda while keeping the user's place:
//! the selection stays on the same session id, the shift on the same ids.

use super::{App, Index, SearchText, Shift, Suggester, Timing};
use crate::agenda::Agenda;
use crate::command::View;
use crate::views::{Views, refind};
use std::sync::Arc;

impl App {
    /// The view whose shift is saved: `""` for the whole agenda, else the
    /// rooms and tracks shown. A view of some rooms keeps a shift of its
    /// own: one saved there names only its sessions, and must not replace
    /// the whole agenda's.
    pub fn view_key(&self) -> String {
        self.only.clone().unwrap_or_default()
    }

    /// The shift by session id, for saving.
    pub fn shift_by_id(&self) -> Vec<(String, i64)> {
        self.live
            .shift
            .steps
            .iter()
            .map(|&(i, m)| (self.agenda.sessions[i].id.to_string(), m))
            .collect()
    }

    /// Restores a shift saved by id; ids no longer in the agenda are
    /// dropped. A shift beyond [`super::live::MAX_SHIFT_MINUTES`] is cut
    /// to it, and `false` says so.
    pub fn set_shift_by_id(&mut self, steps: &[(String, i64)]) -> bool {
        let mut shift = Shift::default();
        let mut whole = true;
        for (id, m) in steps {
            if let Some(i) = self.agenda.sessions.iter().position(|s| *s.id == **id) {
                whole &= shift.add(i, *m);
            }
        }
        self.set_shift(shift);
        self.follow_now();
        whole
    }

    /// Replaces the agenda, keeping the selected session and the shift
    /// (matched by id) and the view.
    pub fn replace_agenda(&mut self, agenda: Agenda) {
        self.swap_agenda(Prepared::new(agenda));
    }

    /// Swaps in a prepared agenda, keeping the selected session, message
    /// and person and the shift (matched by id) and the view. Returns the
    /// agenda it replaced.
    pub fn swap_agenda(&mut self, new: Prepared) -> Arc<Agenda> {
        let selected = self
            .agenda
            .sessions
            .get(self.selected())
            .map(|s| s.id.clone());
        let shift = self.shift_by_id();
        self.index = new.index;
        self.text = new.text;
        self.shared.text.set_notes(&new.agenda, &self.shared.notes);
        self.suggester = new.suggester;
        let old = std::mem::replace(&mut self.shared.agenda, new.agenda);
        let ids = self.agenda.sessions.iter().map(|s| &*s.id);
        self.shared.selection = refind(ids, selected.as_deref(), self.selected());
        let s = &mut self.shared;
        let prev = s.search.query.clone();
        s.search.refresh(&s.agenda, &s.text, &prev);
        self.set_shift_by_id(&shift);
        // The new agenda's flags, clashes and timeline (marks are by id).
        self.refresh_programme();
        self.views.replaced(&old, &self.shared);
        self.seen_replaced();
        // A view the new agenda gives nothing to show (its key messages
        // all gone) gives way to the agenda.
        if Views::empty(self.view, &self.shared).is_some() {
            self.show(View::Agenda);
        }
        old
    }
}

/// A new version of the agenda with everything the app derives from it,
/// built away from the event loop so that swapping it in is quick.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub(super) agenda: Arc<Agenda>,
    pub(super) index: Index,
    pub(super) text: SearchText,
    pub(super) suggester: Suggester,
    /// The time index with no shift, when it was built beside the rest.
    pub(super) timing: Option<Timing>,
}

/// For a programme of [`SIDE_BY_SIDE`] sessions or more, `side` on a
/// thread named `name` while `here` runs on this one; `None` for `side`
/// with a shorter programme or no thread to be had (the caller builds it
/// itself if it needs it).
fn beside<A: Send, B>(
    agenda: &Agenda,
    name: &str,
    side: impl FnOnce() -> A + Send,
    here: impl FnOnce() -> B,
) -> (Option<A>, B) {
    std::thread::scope(|scope| {
        let thread = (agenda.sessions.len() >= SIDE_BY_SIDE)
            .then(|| {
                std::thread::Builder::new()
                    .name(name.into())
                    .spawn_scoped(scope, side)
                    .ok()
            })
            .flatten();
        let b = here();
        let a = thread.map(|t| {
            t.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        (a, b)
    })
}

/// From this many sessions on, the search text is built on a second
/// thread beside the rest (at 100,000 sessions it takes about 40 ms, the
/// rest about 20).
const SIDE_BY_SIDE: usize = 4096;

impl Prepared {
    /// Derives the lookups, search text and term model of `agenda`.
    pub fn new(agenda: impl Into<Arc<Agenda>>) -> Self {
        let agenda = agenda.into();
        let (text, (index, suggester)) = beside(
            &agenda,
            "dais-search-text",
            || SearchText::new(&agenda),
            || (Index::new(&agenda), Suggester::new(&agenda)),
        );
        // No thread to be had: built here instead.
        let text = text.unwrap_or_else(|| SearchText::new(&agenda));
        Prepared {
            agenda,
            index,
            text,
            suggester,
            timing: None,
        }
    }

    /// What an app that only tells the time needs (`dais now`): the
    /// timeline, without the search text, the key messages' terms and the
    /// people's lists, which only the screen's views use. An app made from
    /// it is never drawn.
    pub fn for_status(agenda: impl Into<Arc<Agenda>>) -> Self {
        let agenda = agenda.into();
        // The time index is built beside the timeline for a long programme:
        // at 100,000 sessions each takes a few milliseconds of `dais now`.
        let (timing, index) = beside(
            &agenda,
            "dais-timing",
            || Timing::new(&agenda, &Shift::default()),
            || Index::timeline_only(&agenda),
        );
        Prepared {
            index,
            agenda,
            text: SearchText::default(),
            suggester: Suggester::default(),
            timing,
        }
    }

    /// The agenda.
    pub fn agenda(&self) -> &Agenda {
        &self.agenda
    }
}

/// The position of `want` among `ids`; if it is gone (or there was none),
/// the old position `at`, kept within the new list.
/// An agenda's identity: its date, zone and title. Stable across edits of
/// its sessions, so a saved shift survives them.
pub fn identity(agenda: &Agenda) -> String {
    let e = &agenda.event;
    format!("{} {} {}", e.date, e.timezone.name(), e.title)
}

#[cfg(test)]
mod tests {
    use crate::app::{App, Command};

    use crate::testing::hearing_app as app;

    fn selected_id(app: &App) -> &str {
        &app.agenda.sessions[app.selected()].id
    }

    #[test]
    fn the_selection_and_the_shift_follow_their_ids() {
        let mut app = app();
        app.update(Command::Later.into());
        app.update(Command::Down.into());
        assert_eq!(selected_id(&app), "panel-2");
        assert_eq!(app.shift_by_id(), [("panel-1".to_owned(), 5)]);
        // A session inserted before both moves their indices on by one.
        let mut new = crate::agenda::Agenda::clone(&app.agenda);
        let mut extra = new.sessions[0].clone();
        extra.id = "welcome".into();
        new.sessions.insert(0, extra);
        let old = app.swap_agenda(super::Prepared::new(new));
        assert_eq!(old.sessions.len(), 7);
        assert_eq!(app.agenda.sessions.len(), 8);
        assert_eq!(selected_id(&app), "panel-2");
        assert_eq!(app.selected(), 4);
        assert_eq!(app.shift_by_id(), [("panel-1".to_owned(), 5)]);
        assert_eq!(app.index.row_of.len(), 8, "the lookups are the new ones");
    }

    #[test]
    fn a_long_programme_for_status_tells_the_time_as_the_screens_app_does() {
        let json = crate::synth::agenda_json(super::SIDE_BY_SIDE + 10, 4);
        let limits = crate::load::Limits::default();
        let agenda = crate::load::load_bytes("a", json.as_bytes(), &limits)
            .expect("valid")
            .agenda;
        let prepared = super::Prepared::for_status(agenda.clone());
        assert!(prepared.timing.is_some(), "built beside the timeline");
        let first = agenda.sessions[0].start();
        let mut status = App::from_prepared(prepared, first);
        let mut screen = App::new(agenda, first);
        for hours in [-1, 0, 1, 30, 100, 10_000] {
            let now = first + chrono::Duration::hours(hours);
            status.live.now = now;
            screen.live.now = now;
            assert_eq!(status.status(), screen.status(), "{hours} h on");
        }
    }

    #[test]
    fn a_new_version_without_key_messages_leaves_the_key_messages_view() {
        use crate::command::View;
        let mut app = app();
        app.update(Command::ViewMessages.into());
        assert_eq!(app.view, View::Messages);
        let mut new = crate::agenda::Agenda::clone(&app.agenda);
        new.key_messages.clear();
        for s in &mut new.sessions {
            s.key_messages = Box::default();
        }
        app.swap_agenda(super::Prepared::new(new));
        assert_eq!(app.view, View::Agenda, "no empty list of key messages");
    }

    #[test]
    fn a_view_of_some_rooms_saves_its_shift_apart() {
        let mut app = app();
        assert_eq!(app.view_key(), "");
        app.only = Some("room Saal 1".to_owned());
        assert_eq!(app.view_key(), "room Saal 1");
        app.update(Command::Later.into());
        assert!(
            matches!(&app.changes[..], [crate::store::Change::Shift(crate::store::ShiftChange::Add { view, minutes: 5, .. })] if view == "room Saal 1"),
            "{:?}",
            app.changes
        );
        // Saved apart: the whole agenda's shift is not this view's.
        let mut store = crate::store::Store::in_memory();
        let key = crate::store::AgendaKey::new(Some("/a.json".into()), "meeting");
        for change in &app.changes {
            store.apply(&key, change).unwrap();
        }
        assert_eq!(
            store.shift(&key, "room Saal 1"),
            [("panel-1".to_owned(), 5)]
        );
        assert_eq!(store.shift(&key, ""), []);
    }

    #[test]
    fn a_removed_selection_stays_where_it_was() {
        let mut app = app();
        app.update(Command::Down.into());
        assert_eq!(selected_id(&app), "panel-2");
        let mut new = crate::agenda::Agenda::clone(&app.agenda);
        new.sessions.retain(|s| &*s.id != "panel-2");
        app.replace_agenda(new);
        assert_eq!(selected_id(&app), "panel-3", "the next one, not the first");
        let mut new = crate::agenda::Agenda::clone(&app.agenda);
        new.sessions.truncate(2);
        app.replace_agenda(new);
        assert_eq!(selected_id(&app), "introductory-statements");
    }
}
