//! Following a meeting as it runs: the clock ticks, follow mode moves the
//! selection to what is on, and the shift grows when a meeting runs late.

use super::App;
use super::live::{Banner, STEP_MINUTES, Shift, shift_limit_text};
use crate::command::{Command, View};
use crate::store::{Change, ShiftChange};
use crate::views::ViewState;
use chrono::{DateTime, Duration, DurationRound, Utc};

impl App {
    /// Selects what is on now, if following.
    pub fn follow_now(&mut self) {
        if self.live.follow && !self.agenda.sessions.is_empty() {
            // What is on may be hidden: the nearest the timeline shows.
            let on = self.follow_target();
            let target = self.index.nearest_shown(on).unwrap_or(on);
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
            // What changed since the user last looked outlasts the rest.
            self.banner = self.changed_banner();
        }
        self.remind();
        self.follow_now();
    }

    pub(super) fn live_command(&mut self, c: Command) {
        match c {
            Command::Now => {
                self.live.follow = true;
                self.view = View::Agenda;
                self.views.agenda.enter();
                self.follow_now();
            }
            Command::Later | Command::Earlier => {
                let anchor = self.follow_target();
                let step = if c == Command::Later {
                    STEP_MINUTES
                } else {
                    -STEP_MINUTES
                };
                let before = self.live.shift.minutes(anchor);
                let mut shift = self.live.shift.clone();
                let whole = shift.add(anchor, step);
                self.set_shift(shift);
                // What was added, after any cut to the limit.
                self.save_step(anchor, self.live.shift.minutes(anchor) - before);
                if !whole {
                    self.shift_limit_banner();
                }
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
                let whole = shift.add(i, wanted.saturating_sub(have));
                self.set_shift(shift);
                self.save_step(i, self.live.shift.minutes(i) - have);
                if !whole {
                    self.shift_limit_banner();
                }
                self.live.follow = true;
                self.follow_now();
            }
            Command::OnTime => {
                self.set_shift(Shift::default());
                let view = self.view_key();
                self.changes
                    .push(Change::Shift(ShiftChange::Clear { view }));
                self.follow_now();
            }
            _ => {}
        }
    }

    /// Says that a shift was cut to [`super::live::MAX_SHIFT_MINUTES`].
    fn shift_limit_banner(&mut self) {
        self.banner = Some(Banner {
            text: shift_limit_text(),
            error: true,
            until: self.live.now.checked_add_signed(Duration::seconds(8)),
        });
    }

    /// Asks for a step of the shift to be saved: `minutes` more from
    /// session `i` on.
    fn save_step(&mut self, i: usize, minutes: i64) {
        if minutes != 0 {
            let change = Change::Shift(ShiftChange::Add {
                view: self.view_key(),
                session: self.agenda.sessions[i].id.to_string(),
                minutes,
            });
            self.changes.push(change);
        }
    }
}
