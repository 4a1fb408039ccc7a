//! Following a meeting as it runs: the clock, follow mode, and the delay a
//! meeting builds up when it runs late.

use super::{App, Command};
use crate::agenda::Agenda;
use crate::store::{Change, ShiftChange};
use chrono::{DateTime, Duration, DurationRound, Utc};
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

impl App {
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
        self.timing = super::Timing::new(&self.agenda, &self.live.shift);
    }

    /// The session that follow mode shows: the live one, else the next,
    /// else the last.
    fn follow_target(&self) -> usize {
        match self.status() {
            Status::Live { session, .. } => session,
            Status::Before { first: s } | Status::Gap { next: s } => s,
            Status::After { last } => last,
        }
    }

    /// Selects what is on now, if following.
    pub fn follow_now(&mut self) {
        if self.live.follow && !self.agenda.sessions.is_empty() {
            let target = self.follow_target();
            self.select_session(target);
        }
    }

    pub(super) fn tick(&mut self, now: DateTime<Utc>) {
        self.live.now = now;
        if self
            .banner
            .as_ref()
            .and_then(|b| b.until)
            .is_some_and(|t| t <= now)
        {
            self.banner = None;
        }
        self.follow_now();
    }

    pub(super) fn live_command(&mut self, c: Command) {
        match c {
            Command::Now => {
                self.live.follow = true;
                self.view = super::View::Agenda;
                self.focus = super::Pane::Timeline;
                self.follow_now();
            }
            Command::Later | Command::Earlier => {
                let anchor = self.follow_target();
                let step = if c == Command::Later {
                    STEP_MINUTES
                } else {
                    -STEP_MINUTES
                };
                let mut shift = self.live.shift.clone();
                shift.add(anchor, step);
                self.set_shift(shift);
                self.save_step(anchor, step);
                self.follow_now();
            }
            Command::StartedNow => {
                let i = self.selected();
                let planned = self.agenda.sessions[i].span.start;
                let now = self
                    .live
                    .now
                    .duration_trunc(Duration::minutes(1))
                    .unwrap_or(self.live.now);
                let wanted = (now - planned).num_minutes();
                let have = self.live.shift.minutes(i);
                let mut shift = self.live.shift.clone();
                shift.add(i, wanted - have);
                self.set_shift(shift);
                self.save_step(i, wanted - have);
                self.live.follow = true;
                self.follow_now();
            }
            Command::OnTime => {
                self.set_shift(Shift::default());
                self.changes.push(Change::Shift(ShiftChange::Clear {
                    view: self.view_key(),
                }));
                self.follow_now();
            }
            _ => {}
        }
    }

    /// Asks for a step of the shift to be saved: `minutes` more from
    /// session `i` on.
    fn save_step(&mut self, i: usize, minutes: i64) {
        if minutes != 0 {
            self.changes.push(Change::Shift(ShiftChange::Add {
                view: self.view_key(),
                session: self.agenda.sessions[i].id.clone(),
                minutes,
            }));
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
        match self.banner.as_ref().and_then(|b| b.until) {
            Some(t) if t > now && t < minute => t,
            _ => minute,
        }
    }
}
