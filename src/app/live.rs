//! Following a meeting as it runs: the clock, follow mode, and the delay a
//! meeting builds up when it runs late.

use crate::agenda::Agenda;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

/// How far one press of `+` or `-` moves the programme.
pub const STEP_MINUTES: i64 = 5;

/// The most a session can be shifted either way: a year (366 days), as
/// the store allows (`store::shift::MAX_MINUTES`). A larger shift (a
/// saved one edited by hand, `s` with a rehearsal clock years away from
/// the agenda) is cut to this, with a warning, so no time computed from
/// it can overflow.
pub const MAX_SHIFT_MINUTES: i64 = 366 * 24 * 60;

/// The live state.
#[derive(Debug, Clone, PartialEq)]
pub struct Live {
    /// The time now (rehearsal or real), as last ticked.
    pub now: DateTime<Utc>,
    /// The viewer's own zone, when known.
    pub viewer_tz: Option<Tz>,
    /// Whose zone times are shown in (`z` switches).
    pub shown: crate::zone::Shown,
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
            shown: crate::zone::Shown::Agenda,
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
            .fold(0i64, |sum, (_, m)| sum.saturating_add(*m))
    }

    /// Delays session `from` and everything after it by `minutes` more.
    /// No session's delay goes beyond [`MAX_SHIFT_MINUTES`] either way:
    /// a step that would take one further is cut short, and `false` says
    /// so (the caller warns).
    pub fn add(&mut self, from: usize, minutes: i64) -> bool {
        match self.steps.binary_search_by_key(&from, |s| s.0) {
            Ok(i) => self.steps[i].1 = self.steps[i].1.saturating_add(minutes),
            Err(i) => self.steps.insert(i, (from, minutes)),
        }
        let whole = self.clamp();
        self.steps.retain(|s| s.1 != 0);
        whole
    }

    /// Cuts steps short so every running total stays within
    /// [`MAX_SHIFT_MINUTES`]; whether none had to be.
    fn clamp(&mut self) -> bool {
        let mut total: i64 = 0;
        let mut whole = true;
        for step in &mut self.steps {
            let wanted = total.saturating_add(step.1);
            let kept = wanted.clamp(-MAX_SHIFT_MINUTES, MAX_SHIFT_MINUTES);
            if kept != wanted {
                whole = false;
                step.1 = kept - total;
            }
            total = kept;
        }
        whole
    }

    /// Whether any session is shifted.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}

/// The warning for a shift cut to [`MAX_SHIFT_MINUTES`].
pub fn shift_limit_text() -> String {
    format!(
        "a session can be shifted by at most {} either way; the shift was cut to that",
        crate::agenda::humanize_minutes(MAX_SHIFT_MINUTES)
    )
}

/// A delay of `minutes`, within [`MAX_SHIFT_MINUTES`].
pub fn delay(minutes: i64) -> Duration {
    Duration::minutes(minutes.clamp(-MAX_SHIFT_MINUTES, MAX_SHIFT_MINUTES))
}

/// A session's start and end with the delay applied.
pub fn shifted(agenda: &Agenda, shift: &Shift, i: usize) -> (DateTime<Utc>, DateTime<Utc>) {
    let s = &agenda.sessions[i].span;
    let d = delay(shift.minutes(i));
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
