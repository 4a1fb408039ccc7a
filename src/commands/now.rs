//! `dais now`: one line on what is on now and next, for status bars.

use crate::agenda::humanize_minutes;
use crate::app::App;
use crate::app::live::{Status, shifted};
use crate::cli::NowFormat;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use std::fmt::Write as _;

/// The line for `app` at its clock's time.
pub fn render(app: &App, format: NowFormat) -> String {
    match format {
        NowFormat::Text => text(app),
        NowFormat::Json => {
            let mut s = serde_json::to_string(&json(app)).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}

/// `dais now --starred`, for an `app` that holds only the starred
/// sessions: "★ Panel 3 in 12 min", "★ Panel 3 · 25 min left · next Panel
/// 4 at 16:25", "★ no starred session to come". JSON as [`render`] gives
/// it, with this line as its `text`.
pub fn render_starred(app: &App, format: NowFormat) -> String {
    let line = starred_text(app);
    match format {
        NowFormat::Text => format!("{line}\n"),
        NowFormat::Json => {
            let mut v = json(app);
            v["text"] = line.into();
            v["starred"] = true.into();
            let mut s = serde_json::to_string(&v).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}

fn starred_text(app: &App) -> String {
    let a = &app.agenda;
    let now = app.live.now;
    let short = |i: usize| a.sessions[i].short_title().to_owned();
    let start = |i: usize| shifted(a, &app.live.shift, i).0;
    match app.status() {
        Status::Before { first: n } | Status::Gap { next: n } => format!(
            "★ {} in {}",
            short(n),
            humanize_minutes(minutes(now, start(n)))
        ),
        Status::Live { session, next } => {
            let end = shifted(a, &app.live.shift, session).1;
            let mut line = format!(
                "★ {} · {} left",
                short(session),
                humanize_minutes(minutes(now, end))
            );
            if let Some(n) = next {
                let _ = write!(
                    line,
                    " · next {} at {}",
                    short(n),
                    crate::ui::times::hm(app, start(n))
                );
            }
            line
        }
        Status::After { .. } => "★ no starred session to come".to_owned(),
    }
}

fn minutes(from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    crate::ui::status::minutes_until(from, to)
}

/// "40 min left", and when it ends on another day than today, until
/// when: "1 d 2 h left, until Tue 12:30".
fn left(app: &App, now: DateTime<Utc>, end: DateTime<Utc>) -> String {
    let left = humanize_minutes(minutes(now, end));
    let until = crate::ui::times::hm_on(app, end, now);
    if until.contains(' ') {
        format!("{left} left, until {until}")
    } else {
        format!("{left} left")
    }
}

fn text(app: &App) -> String {
    let a = &app.agenda;
    let now = app.live.now;
    let short = |i: usize| a.sessions[i].short_title().to_owned();
    let at = |i: usize| crate::ui::times::hm_on(app, shifted(a, &app.live.shift, i).0, now);
    let mut parts = match app.status() {
        Status::Before { first } => vec![format!(
            "{} starts in {}",
            short(first),
            humanize_minutes(minutes(now, shifted(a, &app.live.shift, first).0))
        )],
        Status::Live { session, next } => {
            let end = shifted(a, &app.live.shift, session).1;
            let mut p = vec![short(session), left(app, now, end)];
            // Parallel rooms: said as the screen's status line says it.
            let others = app.also_live(session);
            if others > 0 {
                p.push(format!("{others} more on now"));
            }
            if let Some(n) = next {
                p.push(format!("next {} at {}", short(n), at(n)));
            }
            p
        }
        Status::Gap { next } => vec![format!(
            "no session now: {} at {}, in {}",
            short(next),
            at(next),
            humanize_minutes(minutes(now, shifted(a, &app.live.shift, next).0))
        )],
        Status::After { last } => vec![format!(
            "ended {}",
            crate::ui::times::at_on(app, shifted(a, &app.live.shift, last).1, now)
        )],
    };
    parts.extend(crate::ui::status::delay_text(app));
    let mut line = parts.join(" · ");
    line.push('\n');
    line
}

fn session_json(app: &App, i: usize) -> Value {
    let s = &app.agenda.sessions[i];
    let tz = app.zone();
    let (start, end) = shifted(&app.agenda, &app.live.shift, i);
    json!({
        "id": s.id,
        "title": s.title,
        "short_title": s.short_title(),
        "start": start.with_timezone(&tz).to_rfc3339(),
        "end": end.with_timezone(&tz).to_rfc3339(),
        "planned_start": s.span.start.with_timezone(&tz).to_rfc3339(),
        "planned_end": s.span.end.with_timezone(&tz).to_rfc3339(),
    })
}

fn json(app: &App) -> Value {
    let now = app.live.now;
    let tz = app.zone();
    let a = &app.agenda;
    let mut v = json!({
        "now": now.with_timezone(&tz).to_rfc3339(),
        "delay_minutes": app.current_delay(),
        "text": text(app).trim_end(),
    });
    let o = v.as_object_mut().expect("built as an object");
    let starts_in = |i: usize| minutes(now, shifted(a, &app.live.shift, i).0);
    match app.status() {
        Status::Before { first } => {
            o.insert("state".into(), "before".into());
            o.insert("next".into(), session_json(app, first));
            o.insert("starts_in_minutes".into(), starts_in(first).into());
        }
        Status::Live { session, next } => {
            o.insert("state".into(), "live".into());
            o.insert("session".into(), session_json(app, session));
            let end = shifted(a, &app.live.shift, session).1;
            o.insert("minutes_left".into(), minutes(now, end).into());
            o.insert("also_live".into(), app.also_live(session).into());
            if let Some(n) = next {
                o.insert("next".into(), session_json(app, n));
                o.insert("starts_in_minutes".into(), starts_in(n).into());
            }
        }
        Status::Gap { next } => {
            o.insert("state".into(), "gap".into());
            o.insert("next".into(), session_json(app, next));
            o.insert("starts_in_minutes".into(), starts_in(next).into());
        }
        Status::After { last } => {
            o.insert("state".into(), "ended".into());
            o.insert("last".into(), session_json(app, last));
        }
    }
    v
}
