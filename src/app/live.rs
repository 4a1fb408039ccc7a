//! Following a meeting as it runs: the clock, follow mode, and the delay a
//! meeting builds up when it runs late.

use crate::agenda::Agenda;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

/// How far one press of `+` or `-` moves the programme.
pub const STEP_MINUTES: i64 = 5;

/// The live state.
#[derive(Debug, Clone, PartialEq)]
pub struct Live {
    /// The time now (rehearsal or real), as last ticked.
    pub now: DateTime<Utc>,
    /// The viewer's own zone, when known.
    pub viewer_tz: Option<Tz>,
    /// Whether the selection follows the live session.
    pub follow: bool,
    /// The delay the meeting has built up.
    pub shift: Shift,
    /// Set when the user asked for a reload; the event loop does it.
    pub reload_requested: bool,
}

impl Live {
    /// A live state at `now`, following.
    pub fn new(now: DateTime<Utc>) -> Self {
        Live {
            now,
            viewer_tz: None,
            follow: true,
            shift: Shift::default(),
            reload_requested: false,
        }
    }
}

/// A delay that grew over the meeting: each step delays one session and
/// everything after it in programme order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shift {
    /// (first session delayed, minutes), ascending by session.
    pub steps: Vec<(usize, i64)>,
}

impl Shift {
    /// Minutes session `i` runs late.
    pub fn minutes(&self, i: usize) -> i64 {
        self.steps
            .iter()
            .take_while(|(from, _)| *from <= i)
            .map(|(_, m)| m)
            .sum()
    }

    /// Delays session `from` and everything after it by `minutes` more.
    pub fn add(&mut self, from: usize, minutes: i64) {
        match self.steps.binary_search_by_key(&from, |s| s.0) {
            Ok(i) => self.steps[i].1 += minutes,
            Err(i) => self.steps.insert(i, (from, minutes)),
        }
        self.steps.retain(|s| s.1 != 0);
    }

    /// Whether any session is shifted.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}

/// A session's start and end with the delay applied.
pub fn shifted(agenda: &Agenda, shift: &Shift, i: usize) -> (DateTime<Utc>, DateTime<Utc>) {
    let s = &agenda.sessions[i].span;
    let d = Duration::minutes(shift.minutes(i));
    (s.start + d, s.end + d)
}

/// Where `now` falls in the programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Before the first session, which starts at the given index.
    Before {
        /// The first session.
        first: usize,
    },
    /// A session is running.
    Live {
        /// The running session.
        session: usize,
        /// The next session to start, if any.
        next: Option<usize>,
    },
    /// Between sessions.
    Gap {
        /// The next session.
        next: usize,
    },
    /// After the last session ends.
    After {
        /// The session that ends last.
        last: usize,
    },
}

/// Where `now` falls, with the delay applied, by a scan of every session
/// (the reference for [`super::Timing`], which the app uses). With
/// overlapping sessions the one that started last is live.
pub fn status(agenda: &Agenda, shift: &Shift, now: DateTime<Utc>) -> Status {
    let mut live: Option<(usize, DateTime<Utc>)> = None;
    let mut next: Option<(usize, DateTime<Utc>)> = None;
    let mut first: Option<(usize, DateTime<Utc>)> = None;
    let mut last: Option<(usize, DateTime<Utc>)> = None;
    for i in 0..agenda.sessions.len() {
        let (start, end) = shifted(agenda, shift, i);
        if first.is_none_or(|(_, t)| start < t) {
            first = Some((i, start));
        }
        if last.is_none_or(|(_, t)| end >= t) {
            last = Some((i, end));
        }
        if start <= now && now < end && live.is_none_or(|(_, t)| start >= t) {
            live = Some((i, start));
        }
        if start > now && next.is_none_or(|(_, t)| start < t) {
            next = Some((i, start));
        }
    }
    let next = next.map(|(i, _)| i);
    match (live, next, first, last) {
        (Some((session, _)), next, _, _) => Status::Live { session, next },
        (None, Some(next), Some((f, _)), _) if next == f => Status::Before { first: f },
        (None, Some(next), _, _) => Status::Gap { next },
        (None, None, _, Some((last, _))) => Status::After { last },
        (None, None, _, None) => Status::After { last: 0 },
    }
}

/// A message shown over the status line for a while.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Banner {
    /// What to say.
    pub text: String,
    /// Whether it reports a problem.
    pub error: bool,
    /// When it goes away (`None`: until replaced).
    pub until: Option<DateTime<Utc>>,
}
