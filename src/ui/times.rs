//! Times as shown: in the agenda's zone, with the running-late shift.

use crate::app::live;
use crate::app::shared::Shared;
use chrono::{DateTime, Utc};

/// `t` as HH:MM in the agenda's zone.
pub fn hm(app: &Shared, t: DateTime<Utc>) -> String {
    t.with_timezone(&app.agenda.event.timezone)
        .format("%H:%M")
        .to_string()
}

/// Session `i`'s times as they now stand (shifted): "10:40-11:55".
pub fn range(app: &Shared, i: usize) -> String {
    let (start, end) = live::shifted(&app.agenda, &app.live.shift, i);
    format!("{}-{}", hm(app, start), hm(app, end))
}

/// Session `i`'s planned times: "10:30-11:45".
pub fn planned(app: &Shared, i: usize) -> String {
    let s = &app.agenda.sessions[i].span;
    format!(
        "{}-{}",
        s.local_start.format("%H:%M"),
        s.local_end.format("%H:%M")
    )
}

/// Session `i`'s planned start, when the shift moves it: "10:30".
pub fn planned_start_if_shifted(app: &Shared, i: usize) -> Option<String> {
    (app.live.shift.minutes(i) != 0).then(|| {
        app.agenda.sessions[i]
            .span
            .local_start
            .format("%H:%M")
            .to_string()
    })
}
