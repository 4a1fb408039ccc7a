//! My programme on the screen: `*` and `f` star, `x` hides, `X` shows the
//! hidden, `o` shows only the starred, `z` switches the zone; the clashes
//! and reminders that follow. Changes go on [`Shared::changes`] for the
//! event loop to save; reminders go on [`Shared::rings`] for it to ring.

use super::{App, Banner, Shared};
use crate::agenda::{Mark, Marks, marks::missing_text};
use crate::command::Command;
use crate::store::Change;
use chrono::Duration;

/// How long a banner about my programme stays up.
const BANNER_SECONDS: i64 = 6;

impl Shared {
    /// The agenda's zone, the viewer's, and which one times are shown in.
    pub fn zones(&self) -> crate::zone::Zones {
        crate::zone::Zones {
            agenda: self.agenda.event.timezone,
            viewer: self.live.viewer_tz,
            shown: self.live.shown,
        }
    }

    /// The zone every time on screen is shown in.
    pub fn zone(&self) -> crate::agenda::Zone {
        self.zones().current()
    }

    /// Recomputes what the marks and the shift decide: the flags, the
    /// clashes, and which sessions the timeline shows.
    pub fn refresh_programme(&mut self) {
        let (agenda, shift) = (&self.agenda, &self.live.shift);
        let times = |i: usize| super::live::shifted(agenda, shift, i);
        self.programme.refresh(agenda, times);
        let p = &self.programme;
        // The timeline shows every session already: it stays as it is.
        if !(p.shows_all() && self.index.shows_all()) {
            self.index.show_only(agenda, &|i| p.shows(i));
        }
    }

    /// Shows `marks` (read from the store: at start, after a save, or made
    /// by another window); true if anything changed.
    pub fn set_marks(&mut self, marks: Marks) -> bool {
        if marks == self.programme.marks {
            return false;
        }
        self.programme.marks = marks;
        self.refresh_programme();
        true
    }

    /// Says `text` in the banner for a few seconds.
    pub(super) fn say(&mut self, text: String) {
        self.banner = Some(Banner {
            text,
            error: false,
            until: Some(self.live.now + Duration::seconds(BANNER_SECONDS)),
        });
    }

    /// The banner for starred sessions the agenda no longer has, if any.
    pub fn missing_banner(&mut self) {
        if let Some(text) = missing_text(self.programme.missing()) {
            self.say(text);
        }
    }

    /// Moves reminders that fell due to a banner and [`Shared::rings`].
    pub fn remind(&mut self) {
        let (agenda, shift, now) = (&self.agenda, &self.live.shift, self.live.now);
        let times = |i: usize| super::live::shifted(agenda, shift, i);
        if !self.programme.remind(agenda, &times, now) {
            return;
        }
        let due = std::mem::take(&mut self.programme.due);
        let texts: Vec<String> = due
            .iter()
            .map(|d| crate::remind::text(agenda, *d, now))
            .collect();
        self.rings.extend(texts.iter().cloned());
        // Up until the session starts, however fast the clock runs.
        let until = due.iter().map(|d| d.start).max();
        self.banner = Some(Banner {
            text: texts.join(" · "),
            error: false,
            until,
        });
    }

    /// When the next reminder falls due, if any will.
    pub fn next_reminder(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        let (agenda, shift) = (&self.agenda, &self.live.shift);
        let times = |i: usize| super::live::shifted(agenda, shift, i);
        self.programme.next_reminder(agenda, &times, self.live.now)
    }
}

impl App {
    /// [`Shared::set_marks`], and the changes view put in order again
    /// (starred first).
    pub fn set_marks(&mut self, marks: Marks) -> bool {
        let changed = self.shared.set_marks(marks);
        if changed {
            self.views.changes.set_marks(self.programme.marks.clone());
        }
        changed
    }

    /// `*`, `x`, `X`, `o` and `z`.
    pub(super) fn mine_command(&mut self, c: Command) {
        match c {
            Command::Star | Command::Hide if !self.agenda.sessions.is_empty() => {
                // The session on view: in the people, key messages and
                // notes views, the one selected in their own list.
                let Some(i) = self.views.marked_session(self.view, &self.shared) else {
                    self.say("no session selected here".into());
                    return;
                };
                let mark = if c == Command::Star {
                    Mark::Star
                } else {
                    Mark::Hide
                };
                let agenda = std::sync::Arc::clone(&self.agenda);
                let on = self.programme.set(&agenda, i, mark, None);
                for ch in std::mem::take(&mut self.programme.changes) {
                    self.changes.push(Change::Mark {
                        session: ch.id,
                        mark: ch.mark,
                        on: ch.on,
                    });
                }
                self.refresh_programme();
                let marks = self.programme.marks.clone();
                self.views.changes.set_marks(marks);
                let title = agenda.sessions[i].short_title().to_owned();
                let text = match (mark, on) {
                    (Mark::Star, true) => self
                        .programme
                        .clash_text(&agenda, i)
                        .unwrap_or_else(|| format!("★ {title} starred")),
                    (Mark::Star, false) => format!("{title} unstarred"),
                    (Mark::Hide, true) => {
                        let key = self.keymap.keys_label(Command::ShowHidden);
                        format!("{title} hidden ({key} shows hidden sessions)")
                    }
                    (Mark::Hide, false) => format!("{title} shown again"),
                };
                self.say(text);
                self.keep_selection_shown();
            }
            Command::ShowHidden => {
                self.programme.filter.show_hidden = !self.programme.filter.show_hidden;
                self.refresh_programme();
                self.keep_selection_shown();
            }
            Command::OnlyStarred => {
                let only = !self.programme.filter.only_starred;
                if only && self.programme.starred_count() == 0 {
                    let key = self.keymap.keys_label(Command::Star);
                    self.say(format!("no starred session: {key} stars the selected one"));
                    return;
                }
                self.programme.filter.only_starred = only;
                self.refresh_programme();
                self.keep_selection_shown();
            }
            Command::Zone => {
                let mut zones = self.zones();
                if zones.toggle() {
                    self.live.shown = zones.shown;
                    self.changes.push(Change::Setting {
                        name: "zone".into(),
                        value: zones.shown.name().into(),
                    });
                    let text = zones.toggled_text(self.live.now);
                    self.say(text);
                } else {
                    self.say("no other zone: set TZ or give --tz ZONE".into());
                }
            }
            _ => {}
        }
    }

    /// After the timeline changed what it shows: a selection it no longer
    /// shows moves to the nearest one it does.
    fn keep_selection_shown(&mut self) {
        if let Some(to) = self.index.nearest_shown(self.selection)
            && to != self.selection
        {
            self.select_session(to);
        } else {
            let s = self.selection;
            self.select_session(s);
        }
    }
}
