//! Times as shown: in the zone on show (the agenda's, or the viewer's
//! after `z`), with the running-late shift.

use crate::agenda::range_label;
use crate::app::live;
use crate::app::shared::Shared;
use chrono::{DateTime, Datelike, NaiveDateTime, Utc};

/// `t` as HH:MM in the zone on show.
pub fn hm(app: &Shared, t: DateTime<Utc>) -> String {
    t.with_timezone(&app.zone()).format("%H:%M").to_string()
}

/// A wall-clock time of the agenda's (a gap's edge) as HH:MM in the zone
/// on show.
pub fn local_hm(app: &Shared, local: NaiveDateTime) -> String {
    if !app.zones().is_switched() {
        return local.format("%H:%M").to_string();
    }
    match crate::agenda::resolve_naive(app.agenda.event.timezone, local) {
        crate::agenda::Resolved::At(t) => hm(app, t),
        crate::agenda::Resolved::Gap => local.format("%H:%M").to_string(),
    }
}

/// `t` in the zone on show, as a wall-clock time.
fn local(app: &Shared, t: DateTime<Utc>) -> NaiveDateTime {
    t.with_timezone(&app.zone()).naive_local()
}

/// `t` as HH:MM in the zone on show, with its day when that is not the
/// day of `today`: "Tue 12:30" within a week, else "Tue 9 Jul 12:30".
pub fn hm_on(app: &Shared, t: DateTime<Utc>, today: DateTime<Utc>) -> String {
    let (t, today) = (local(app, t), local(app, today));
    let days = (t.date() - today.date()).num_days();
    if days == 0 {
        t.format("%H:%M").to_string()
    } else if days.abs() < 7 {
        t.format("%a %H:%M").to_string()
    } else {
        t.format("%a %-d %b %H:%M").to_string()
    }
}

/// When `t` was (or will be), after a verb: "at 18:00" on the day of
/// `today`, else with its date, "on Fri 23 Jun at 18:00", and its year
/// when that is not `today`'s: "on Fri 23 Jun 2017 at 18:00".
pub fn at_on(app: &Shared, t: DateTime<Utc>, today: DateTime<Utc>) -> String {
    let (t, today) = (local(app, t), local(app, today));
    let time = t.format("%H:%M");
    if t.date() == today.date() {
        format!("at {time}")
    } else if t.year() == today.year() {
        format!("on {} at {time}", t.format("%a %-d %b"))
    } else {
        format!("on {} at {time}", t.format("%a %-d %b %Y"))
    }
}

/// Session `i`'s times as they now stand (shifted): "10:40-11:55", or
/// "Mon 10:40-Tue 12:30" when it ends on a later day.
pub fn range(app: &Shared, i: usize) -> String {
    let (start, end) = live::shifted(&app.agenda, &app.live.shift, i);
    range_label(local(app, start), local(app, end))
}

/// Session `i`'s planned times: "10:30-11:45".
pub fn planned(app: &Shared, i: usize) -> String {
    let s = &app.agenda.sessions[i].span;
    if app.zones().is_switched() {
        return range_label(local(app, s.start), local(app, s.end));
    }
    range_label(s.local_start, s.local_end)
}

/// Session `i`'s planned start, when the shift moves it: "10:30".
pub fn planned_start_if_shifted(app: &Shared, i: usize) -> Option<String> {
    (app.live.shift.minutes(i) != 0).then(|| {
        let s = &app.agenda.sessions[i].span;
        if app.zones().is_switched() {
            hm(app, s.start)
        } else {
            s.local_start.format("%H:%M").to_string()
        }
    })
}
