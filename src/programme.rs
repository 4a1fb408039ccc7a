//! My programme on the screen: the marks (starred, hidden), which sessions
//! they leave on show, the clashes among starred sessions, and the
//! reminders before them. Pure state: the app changes it in `update`, the
//! event loop saves the marks it lists as changed and rings the bell for
//! the reminders it lists as due.

use crate::agenda::overlap::{Overlap, overlap_text, overlaps};
use crate::agenda::{Agenda, Mark, MarkFilter, Marks};
use crate::remind::{Due, Reminders};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// A mark changed on screen, for the event loop to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The session's id.
    pub id: String,
    /// Which mark.
    pub mark: Mark,
    /// Put on (true) or taken off.
    pub on: bool,
}

/// Where my programme stands (see [`Programme::next_starred`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Starred {
    /// A starred session is on, and maybe another is to come.
    On {
        /// The one on now.
        session: usize,
        /// The next starred one to start.
        next: Option<usize>,
    },
    /// None is on; this one starts next.
    Next(usize),
}

/// The programme state of one screen.
#[derive(Debug, Clone, Default)]
pub struct Programme {
    /// Starred and hidden session ids.
    pub marks: Marks,
    /// `o` (only starred) and `X` (hidden too).
    pub filter: MarkFilter,
    /// Reminders before starred sessions.
    pub reminders: Reminders,
    /// Per session index: starred, hidden (for drawing without lookups).
    flags: Vec<(bool, bool)>,
    /// Clashes among starred sessions, shift applied, by session index.
    clashes: BTreeMap<usize, Vec<Overlap>>,
    /// Starred ids the agenda no longer has.
    missing: usize,
    /// Marks changed since the loop last saved.
    pub changes: Vec<Change>,
    /// Reminders that fell due since the loop last rang.
    pub due: Vec<Due>,
}

impl Programme {
    /// A programme with `marks`, reminding `minutes` before (0: never).
    pub fn new(marks: Marks, minutes: u32) -> Self {
        Programme {
            marks,
            reminders: Reminders::new(minutes),
            ..Programme::default()
        }
    }

    /// Recomputes what depends on the agenda, the marks or the shift;
    /// `times` gives session `i`'s start and end as they now stand.
    pub fn refresh(
        &mut self,
        agenda: &Agenda,
        times: impl Fn(usize) -> (DateTime<Utc>, DateTime<Utc>),
    ) {
        // With no marks, no session's id need be looked at (at 100,000
        // sessions that is a pass over megabytes).
        self.flags = if self.marks.is_empty() {
            vec![(false, false); agenda.sessions.len()]
        } else {
            agenda
                .sessions
                .iter()
                .map(|s| (self.marks.is_starred(&s.id), self.marks.is_hidden(&s.id)))
                .collect()
        };
        let starred: Vec<(usize, DateTime<Utc>, DateTime<Utc>)> = self
            .starred_indices()
            .map(|i| {
                let (start, end) = times(i);
                (i, start, end)
            })
            .collect();
        self.clashes = overlaps(&starred);
        self.missing = self.marks.missing_starred(agenda);
    }

    fn starred_indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.flags
            .iter()
            .enumerate()
            .filter(|(_, f)| f.0)
            .map(|(i, _)| i)
    }

    /// Whether session `i` is starred.
    pub fn is_starred(&self, i: usize) -> bool {
        self.flags.get(i).is_some_and(|f| f.0)
    }

    /// Whether session `i` is hidden.
    pub fn is_hidden(&self, i: usize) -> bool {
        self.flags.get(i).is_some_and(|f| f.1)
    }

    /// Whether session `i` is on show (not hidden unless `X`, starred if
    /// `o`).
    pub fn shows(&self, i: usize) -> bool {
        let (star, hide) = self.flags.get(i).copied().unwrap_or_default();
        (self.filter.show_hidden || !hide) && (!self.filter.only_starred || star)
    }

    /// Whether every session is on show: nothing hidden, or hidden ones
    /// shown (`X`), and not only the starred (`o`).
    pub fn shows_all(&self) -> bool {
        !self.filter.only_starred && (self.filter.show_hidden || !self.flags.iter().any(|f| f.1))
    }

    /// The starred sessions session `i` clashes with.
    pub fn clashes(&self, i: usize) -> &[Overlap] {
        self.clashes.get(&i).map_or(&[], Vec::as_slice)
    }

    /// How many sessions are starred (among those in the agenda).
    pub fn starred_count(&self) -> usize {
        self.flags.iter().filter(|f| f.0).count()
    }

    /// How many sessions are hidden (among those in the agenda).
    pub fn hidden_count(&self) -> usize {
        self.flags.iter().filter(|f| f.1).count()
    }

    /// Starred ids the agenda no longer has.
    pub fn missing(&self) -> usize {
        self.missing
    }

    /// Puts `mark` on session `i` or takes it off (`on: None` toggles);
    /// records the change for saving. Returns whether it is now on. The
    /// caller refreshes.
    pub fn set(&mut self, agenda: &Agenda, i: usize, mark: Mark, on: Option<bool>) -> bool {
        let id = &agenda.sessions[i].id;
        let on = on.unwrap_or(!self.marks.has(mark, id));
        if self.marks.set(mark, id, on) {
            self.changes.push(Change {
                id: id.to_string(),
                mark,
                on,
            });
        }
        on
    }

    /// "★ Panel 4 overlaps Panel 3 (Conference Room 4) by 25 min", when
    /// starred session `i` clashes with another; else nothing.
    pub fn clash_text(&self, agenda: &Agenda, i: usize) -> Option<String> {
        let first = *self.clashes(i).first()?;
        let more = match self.clashes(i).len() {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        Some(format!(
            "★ {} {}{more}",
            agenda.sessions[i].short_title(),
            overlap_text(agenda, first)
        ))
    }

    /// Starred sessions as (index, id, start as it stands), for reminders.
    fn starred_starts<'a>(
        &'a self,
        agenda: &'a Agenda,
        times: &'a dyn Fn(usize) -> (DateTime<Utc>, DateTime<Utc>),
    ) -> impl Iterator<Item = crate::remind::Starred<'a>> + 'a {
        self.starred_indices()
            .map(move |i| (i, agenda.sessions[i].id.as_str(), times(i).0))
    }

    /// For a status bar (`dais now --starred`): the starred session on now
    /// (the one that started last), else the next to start; `None` when
    /// no starred session is on or to come.
    pub fn next_starred(
        &self,
        times: &dyn Fn(usize) -> (DateTime<Utc>, DateTime<Utc>),
        now: DateTime<Utc>,
    ) -> Option<Starred> {
        let mut on: Option<(DateTime<Utc>, usize)> = None;
        let mut next: Option<(DateTime<Utc>, usize)> = None;
        for i in self.starred_indices() {
            let (start, end) = times(i);
            if start <= now && now < end && on.is_none_or(|(t, _)| start >= t) {
                on = Some((start, i));
            } else if start > now && next.is_none_or(|(t, _)| start < t) {
                next = Some((start, i));
            }
        }
        match (on, next) {
            (Some((_, i)), next) => Some(Starred::On {
                session: i,
                next: next.map(|(_, n)| n),
            }),
            (None, Some((_, i))) => Some(Starred::Next(i)),
            (None, None) => None,
        }
    }

    /// Moves the reminders due at `now` to [`Programme::due`]; returns
    /// whether there were any.
    pub fn remind(
        &mut self,
        agenda: &Agenda,
        times: &dyn Fn(usize) -> (DateTime<Utc>, DateTime<Utc>),
        now: DateTime<Utc>,
    ) -> bool {
        let starred: Vec<(usize, String, DateTime<Utc>)> = self
            .starred_starts(agenda, times)
            .map(|(i, id, t)| (i, id.to_owned(), t))
            .collect();
        let due = self
            .reminders
            .take_due(starred.iter().map(|(i, id, t)| (*i, id.as_str(), *t)), now);
        let any = !due.is_empty();
        self.due.extend(due);
        any
    }

    /// When the next reminder falls due after `now`, if any will.
    pub fn next_reminder(
        &self,
        agenda: &Agenda,
        times: &dyn Fn(usize) -> (DateTime<Utc>, DateTime<Utc>),
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        self.reminders
            .next_due(self.starred_starts(agenda, times), now)
    }
}

#[cfg(test)]
mod tests {
    use super::{Change, Programme};
    use crate::agenda::{Mark, Marks};
    use crate::testing::hearing;
    use chrono::{DateTime, Duration, Utc};

    fn idx(a: &crate::agenda::Agenda, id: &str) -> usize {
        a.sessions.iter().position(|s| &*s.id == id).unwrap()
    }

    #[test]
    fn starring_records_a_change_and_clashes_follow_the_times() {
        let a = hearing();
        let (p3, p4) = (idx(&a, "panel-3"), idx(&a, "panel-4"));
        let mut p = Programme::new(Marks::default(), 5);
        assert!(p.set(&a, p3, Mark::Star, None));
        assert!(p.set(&a, p4, Mark::Star, None));
        assert_eq!(
            p.changes,
            [
                Change {
                    id: "panel-3".into(),
                    mark: Mark::Star,
                    on: true
                },
                Change {
                    id: "panel-4".into(),
                    mark: Mark::Star,
                    on: true
                }
            ]
        );
        let planned = |i: usize| (a.sessions[i].start(), a.sessions[i].end());
        p.refresh(&a, planned);
        assert_eq!(p.starred_count(), 2);
        assert!(
            p.clashes(p3).is_empty(),
            "as planned they follow each other"
        );
        // Panel 3 runs 25 minutes late: now it overlaps Panel 4.
        let late = |i: usize| {
            let (s, e) = planned(i);
            if i == p3 {
                (s + Duration::minutes(25), e + Duration::minutes(25))
            } else {
                (s, e)
            }
        };
        p.refresh(&a, late);
        assert_eq!(p.clashes(p3)[0].other, p4);
        assert_eq!(p.clashes(p4)[0].minutes, 25);
        assert_eq!(
            p.clash_text(&a, p3).unwrap(),
            "★ Panel 3 overlaps Panel 4 (Conference Room 4) by 25 min"
        );
        assert!(!p.set(&a, p3, Mark::Star, None));
        p.refresh(&a, late);
        assert!(p.clashes(p4).is_empty());
    }

    #[test]
    fn hidden_sessions_leave_the_view_until_shown() {
        let a = hearing();
        let p1 = idx(&a, "panel-1");
        let mut p = Programme::new(Marks::default(), 5);
        let planned = |i: usize| (a.sessions[i].start(), a.sessions[i].end());
        p.refresh(&a, planned);
        assert!(p.shows_all());
        p.set(&a, p1, Mark::Hide, Some(true));
        p.refresh(&a, planned);
        assert!(!p.shows(p1) && p.shows(p1 + 1));
        assert!(!p.shows_all());
        assert_eq!(p.hidden_count(), 1);
        p.filter.show_hidden = true;
        assert!(p.shows(p1) && p.shows_all());
        p.filter.only_starred = true;
        assert!(!p.shows(p1 + 1) && !p.shows_all());
    }

    #[test]
    fn the_next_starred_session_is_the_one_on_else_the_next() {
        use super::Starred;
        let a = hearing();
        let (p3, p4) = (idx(&a, "panel-3"), idx(&a, "panel-4"));
        let mut marks = Marks::default();
        marks.set(Mark::Star, "panel-3", true);
        marks.set(Mark::Star, "panel-4", true);
        let mut p = Programme::new(marks, 5);
        let times = |i: usize| (a.sessions[i].start(), a.sessions[i].end());
        p.refresh(&a, times);
        let s3 = a.sessions[p3].start();
        assert_eq!(
            p.next_starred(&times, s3 - Duration::hours(1)),
            Some(Starred::Next(p3))
        );
        assert_eq!(
            p.next_starred(&times, s3 + Duration::minutes(1)),
            Some(Starred::On {
                session: p3,
                next: Some(p4)
            })
        );
        assert_eq!(p.next_starred(&times, a.sessions[p4].end()), None);
    }

    #[test]
    fn reminders_come_due_once_and_say_when_the_next_is() {
        let a = hearing();
        let p3 = idx(&a, "panel-3");
        let mut marks = Marks::default();
        marks.set(Mark::Star, "panel-3", true);
        let mut p = Programme::new(marks, 5);
        let times = |i: usize| (a.sessions[i].start(), a.sessions[i].end());
        p.refresh(&a, times);
        let start: DateTime<Utc> = a.sessions[p3].start();
        let early = start - Duration::minutes(30);
        assert!(!p.remind(&a, &times, early));
        assert_eq!(
            p.next_reminder(&a, &times, early),
            Some(start - Duration::minutes(5))
        );
        assert!(p.remind(&a, &times, start - Duration::minutes(4)));
        assert_eq!(p.due.len(), 1);
        assert!(!p.remind(&a, &times, start - Duration::minutes(3)));
        assert_eq!(
            p.next_reminder(&a, &times, start - Duration::minutes(3)),
            None
        );
    }
}
