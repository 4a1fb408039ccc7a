//! Reminders before starred sessions: which are due now, when the next one
//! will be (so the event loop sleeps until then and no longer), and what
//! they say.
//!
//! A reminder fires once per session and start time: a session that the
//! running-late shift moves is reminded of again at its new time. It fires
//! when dais is started late inside the window too, and never for a session
//! that has already started.

use crate::agenda::{Agenda, humanize_minutes, overlap::place};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashSet;

/// The default lead time, in minutes.
pub const DEFAULT_MINUTES: u32 = 5;

/// The largest lead time a config may give: a week.
pub const MAX_MINUTES: u32 = 7 * 24 * 60;

/// A starred session as it now stands: (index, id, shifted start).
pub type Starred<'a> = (usize, &'a str, DateTime<Utc>);

/// The reminders of one screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminders {
    lead: Duration,
    fired: HashSet<(String, DateTime<Utc>)>,
}

impl Default for Reminders {
    fn default() -> Self {
        Reminders::new(DEFAULT_MINUTES)
    }
}

/// A reminder due now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    /// The session (index into the agenda's sessions).
    pub session: usize,
    /// When it starts, shift applied.
    pub start: DateTime<Utc>,
}

impl Reminders {
    /// Reminders `minutes` before each start (0: none; capped at a week).
    pub fn new(minutes: u32) -> Self {
        Reminders {
            lead: Duration::minutes(i64::from(minutes.min(MAX_MINUTES))),
            fired: HashSet::new(),
        }
    }

    /// Whether reminders are off.
    pub fn is_off(&self) -> bool {
        self.lead.is_zero()
    }

    /// Whether `s` is in its window at `now` and not yet reminded of.
    fn is_due(&self, (_, id, start): Starred<'_>, now: DateTime<Utc>) -> bool {
        !self.is_off()
            && start > now
            // A window that would open before time began is open.
            && start.checked_sub_signed(self.lead).is_none_or(|opens| opens <= now)
            && !self.fired.contains(&(id.to_owned(), start))
    }

    /// The reminders due at `now` among `starred`, earliest start first;
    /// each is then counted as fired.
    pub fn take_due<'a>(
        &mut self,
        starred: impl IntoIterator<Item = Starred<'a>>,
        now: DateTime<Utc>,
    ) -> Vec<Due> {
        let mut due: Vec<Due> = Vec::new();
        for s in starred {
            if self.is_due(s, now) {
                self.fired.insert((s.1.to_owned(), s.2));
                due.push(Due {
                    session: s.0,
                    start: s.2,
                });
            }
        }
        due.sort_by_key(|d| (d.start, d.session));
        due
    }

    /// When the next reminder among `starred` falls due after `now`, if any
    /// will: the earliest window still to open.
    pub fn next_due<'a>(
        &self,
        starred: impl IntoIterator<Item = Starred<'a>>,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        if self.is_off() {
            return None;
        }
        starred
            .into_iter()
            .filter(|s| !self.fired.contains(&(s.1.to_owned(), s.2)))
            .filter_map(|s| s.2.checked_sub_signed(self.lead))
            .filter(|&opens| opens > now)
            .min()
    }
}

/// "in 5 min: Panel 3 · Conference Room 4" (minutes rounded up, as the
/// status line counts them).
pub fn text(agenda: &Agenda, due: Due, now: DateTime<Utc>) -> String {
    let ms = (due.start - now).num_milliseconds().max(0);
    let minutes = (ms + 59_999) / 60_000;
    let title = agenda.sessions[due.session].short_title();
    match place(agenda, due.session) {
        Some(p) => format!("in {}: {title} · {p}", humanize_minutes(minutes)),
        None => format!("in {}: {title}", humanize_minutes(minutes)),
    }
}

#[cfg(test)]
mod tests {
    use super::{Due, Reminders, text};
    use crate::testing::hearing;
    use chrono::{DateTime, Duration, TimeZone, Utc};

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2017, 6, 23, h, m, 0).unwrap()
    }

    #[test]
    fn a_reminder_fires_once_in_its_window() {
        let mut r = Reminders::new(5);
        let s = [(4, "panel-3", at(19, 0))];
        assert_eq!(r.take_due(s, at(18, 54)), []);
        assert_eq!(r.next_due(s, at(18, 54)), Some(at(18, 55)));
        let due = r.take_due(s, at(18, 55));
        assert_eq!(
            due,
            [Due {
                session: 4,
                start: at(19, 0)
            }]
        );
        assert_eq!(r.take_due(s, at(18, 56)), []);
        assert_eq!(r.next_due(s, at(18, 56)), None);
    }

    #[test]
    fn started_late_inside_the_window_still_reminds_but_never_for_the_past() {
        let mut r = Reminders::new(5);
        let s = [(4, "panel-3", at(19, 0)), (5, "panel-4", at(18, 0))];
        let due = r.take_due(s, at(18, 58));
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].session, 4);
        // At the start itself it is too late.
        let mut r = Reminders::new(5);
        assert_eq!(r.take_due(s, at(19, 0)), []);
    }

    #[test]
    fn a_new_start_time_is_a_new_reminder() {
        let mut r = Reminders::new(5);
        assert_eq!(r.take_due([(4, "p", at(19, 0))], at(18, 56)).len(), 1);
        // The meeting runs 10 minutes late: remind again before 19:10.
        let moved = [(4, "p", at(19, 10))];
        assert_eq!(r.take_due(moved, at(18, 57)), []);
        assert_eq!(r.next_due(moved, at(18, 57)), Some(at(19, 5)));
        assert_eq!(r.take_due(moved, at(19, 5)).len(), 1);
    }

    #[test]
    fn zero_minutes_turns_reminders_off() {
        let mut r = Reminders::new(0);
        let s = [(4, "p", at(19, 0))];
        assert!(r.is_off());
        assert_eq!(r.take_due(s, at(18, 59)), []);
        assert_eq!(r.next_due(s, at(12, 0)), None);
    }

    #[test]
    fn several_due_at_once_come_earliest_first() {
        let mut r = Reminders::new(30);
        let s = [(7, "b", at(19, 20)), (2, "a", at(19, 10))];
        let due = r.take_due(s, at(19, 0));
        assert_eq!(due.iter().map(|d| d.session).collect::<Vec<_>>(), [2, 7]);
    }

    #[test]
    fn the_text_says_how_soon_what_and_where() {
        let a = hearing();
        let p3 = a.sessions.iter().position(|s| &*s.id == "panel-3").unwrap();
        let start = a.sessions[p3].start();
        let due = Due { session: p3, start };
        assert_eq!(
            text(&a, due, start - Duration::minutes(5)),
            "in 5 min: Panel 3 · Conference Room 4"
        );
        // 4 min 30 s is still "in 5 min".
        assert_eq!(
            text(&a, due, start - Duration::seconds(270)),
            "in 5 min: Panel 3 · Conference Room 4"
        );
    }

    #[test]
    fn a_huge_lead_time_is_capped_not_overflowed() {
        let mut r = Reminders::new(u32::MAX);
        let far = DateTime::<Utc>::MIN_UTC + Duration::minutes(1);
        let s = [(0, "x", far)];
        assert_eq!(r.next_due(s, DateTime::<Utc>::MIN_UTC), None);
        assert_eq!(r.take_due(s, DateTime::<Utc>::MIN_UTC).len(), 1);
    }
}
