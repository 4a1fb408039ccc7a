//! Fetching a URL's programme again while the screen runs, on a worker
//! thread: when it is due (every 15 minutes from a day before the agenda
//! until its end, hourly otherwise, or `--refresh MINUTES`) and when the
//! user asks (`r`). Between fetches the worker sleeps in the channel's
//! wait; the event loop hears from it only when there is an outcome.
//!
//! Each fetch is conditional on the copy shown: a `304` reads nothing and
//! parses nothing. A body that does not validate is neither shown nor
//! cached; a network failure leaves the copy shown and says how old it is.

use super::{Outcome, Reading, Request};
use crate::agenda::Agenda;
use crate::agenda::changes::changes;
use crate::app::Prepared;
use crate::feed::Feed;
use crate::fetch::{Copy, Meta, Net, Response, Validators, age, redact};
use crate::load::LoadError;
use chrono::{DateTime, Duration, Utc};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};

/// How often the programme is fetched again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Refresh {
    /// Every 15 minutes from a day before the agenda starts until it
    /// ends, every hour otherwise.
    #[default]
    Auto,
    /// Every this many minutes.
    Every(u32),
    /// Only when asked.
    Off,
}

impl Refresh {
    /// `--refresh MINUTES`: 0 turns it off; absent, [`Refresh::Auto`].
    pub fn from_minutes(minutes: Option<u32>) -> Self {
        match minutes {
            None => Refresh::Auto,
            Some(0) => Refresh::Off,
            Some(m) => Refresh::Every(m),
        }
    }

    /// How long after `now` the next fetch is due, for an agenda that
    /// runs from `start` to `end`; `None` if never.
    pub fn wait(
        self,
        now: DateTime<Utc>,
        (start, end): (DateTime<Utc>, DateTime<Utc>),
    ) -> Option<Duration> {
        match self {
            Refresh::Off => None,
            Refresh::Every(m) => Some(Duration::minutes(i64::from(m))),
            Refresh::Auto => {
                let busy = start
                    .checked_sub_signed(Duration::days(1))
                    .is_some_and(|from| from <= now && now < end);
                Some(Duration::minutes(if busy { 15 } else { 60 }))
            }
        }
    }
}

/// When the agenda runs: its first start and last end.
fn span(agenda: &Agenda) -> (DateTime<Utc>, DateTime<Utc>) {
    let start = agenda.sessions.iter().map(|s| s.span.start).min();
    let end = agenda.sessions.iter().map(|s| s.span.end).max();
    match (start, end) {
        (Some(s), Some(e)) => (s, e),
        // No sessions: never busy.
        _ => (DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MIN_UTC),
    }
}

/// Starts the worker for `url`, whose programme on screen is `shown`.
/// Returns its channel for `r`.
pub fn start(
    url: String,
    reading: Reading,
    shown: Arc<Agenda>,
    (net, refresh): (Net, Refresh),
    events: Feed<Outcome>,
) -> Sender<Request> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let max = net.client.settings().max_bytes;
        // What the copy shown is: the cache's, as the start-up fetch left it.
        let held = net.cache.as_ref().and_then(|c| c.get(&url, max));
        let worker = Worker {
            url,
            reading,
            net,
            refresh,
            validators: held.as_ref().map(|c| c.meta.validators.clone()),
            fetched: held.map(|c| c.meta.fetched),
            shown,
            zone: None,
        };
        worker.run(&rx, &events);
    });
    tx
}

struct Worker {
    url: String,
    reading: Reading,
    net: Net,
    refresh: Refresh,
    /// What the copy shown was, for a conditional request.
    validators: Option<Validators>,
    /// When the copy shown was fetched or last confirmed.
    fetched: Option<DateTime<Utc>>,
    shown: Arc<Agenda>,
    /// The zone warning of the last body fetched (`URL: …`), said again
    /// after each reload; unknown before the first.
    zone: Option<String>,
}

impl Worker {
    fn run(mut self, requests: &Receiver<Request>, events: &Feed<Outcome>) {
        loop {
            let now = (self.net.now)();
            let wait = self
                .refresh
                .wait(now, span(&self.shown))
                .and_then(|d| d.to_std().ok());
            let asked = match wait {
                Some(wait) => match requests.recv_timeout(wait) {
                    Ok(r) => r == Request::Asked,
                    Err(RecvTimeoutError::Timeout) => false,
                    Err(RecvTimeoutError::Disconnected) => return,
                },
                None => match requests.recv() {
                    Ok(r) => r == Request::Asked,
                    Err(_) => return,
                },
            };
            let outcome = self.fetch(asked);
            if events.send(outcome).is_err() {
                return;
            }
        }
    }

    /// Fetches once, conditionally on the copy shown.
    fn fetch(&mut self, asked: bool) -> Outcome {
        let now = (self.net.now)();
        let name = redact(&self.url);
        match self.net.client.get(&self.url, self.validators.as_ref()) {
            Ok(Response::NotModified) => {
                self.fetched = Some(now);
                self.confirm(now);
                Outcome::Unchanged {
                    asked,
                    zone: self.zone.clone(),
                }
            }
            Ok(Response::Body {
                bytes,
                validators,
                content_type,
            }) => {
                let limits = &self.reading.limits;
                let loaded = match crate::source::url::accept(
                    &name,
                    &bytes,
                    content_type.as_deref(),
                    limits,
                ) {
                    Ok(loaded) => loaded,
                    Err(e) => return Outcome::Invalid(e),
                };
                self.zone = loaded
                    .zone
                    .as_ref()
                    .map(|p| format!("{name}: {}", p.message));
                let agenda = match self.reading.filter.apply(loaded.agenda) {
                    Ok(a) => a,
                    Err(message) => {
                        return Outcome::Invalid(LoadError::whole_file(name, message));
                    }
                };
                if let Some(cache) = &self.net.cache {
                    let copy = Copy {
                        meta: Meta {
                            url: name.clone(),
                            fetched: now,
                            validators: validators.clone(),
                        },
                        body: bytes,
                    };
                    // A copy not kept costs only the next offline start.
                    let _ = cache.put(&self.url, &copy);
                }
                self.validators = Some(validators);
                self.fetched = Some(now);
                let changes = changes(&self.shown, &agenda);
                let zone = self.zone.clone();
                if changes.is_empty() {
                    Outcome::Unchanged { asked, zone }
                } else {
                    self.shown = Arc::new(agenda);
                    let new = Box::new(Prepared::new(Arc::clone(&self.shown)));
                    Outcome::Loaded { new, changes, zone }
                }
            }
            Err(e) if e.failure.is_unreachable() => {
                let since = self
                    .fetched
                    .map_or_else(String::new, |t| format!(" from {}", age(t, now)));
                Outcome::Offline(format!("offline: showing the copy{since} · {}", e.failure))
            }
            Err(e) => Outcome::Invalid(crate::source::url::failed(&e)),
        }
    }

    /// Marks the cached copy as confirmed current at `now`, without
    /// parsing it.
    fn confirm(&self, now: DateTime<Utc>) {
        let Some(cache) = &self.net.cache else {
            return;
        };
        let max = self.net.client.settings().max_bytes;
        if let Some(mut copy) = cache.get(&self.url, max) {
            copy.meta.fetched = now;
            let _ = cache.put(&self.url, &copy);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Refresh;
    use chrono::{DateTime, Duration, Utc};

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn every_quarter_hour_from_a_day_before_until_the_end_else_hourly() {
        let span = (at("2026-06-10T09:00:00Z"), at("2026-06-12T18:00:00Z"));
        let wait = |now: &str| Refresh::Auto.wait(at(now), span).unwrap().num_minutes();
        assert_eq!(wait("2026-06-08T12:00:00Z"), 60);
        assert_eq!(wait("2026-06-09T08:59:00Z"), 60);
        assert_eq!(wait("2026-06-09T09:00:00Z"), 15);
        assert_eq!(wait("2026-06-11T12:00:00Z"), 15);
        assert_eq!(wait("2026-06-12T18:00:00Z"), 60);
    }

    #[test]
    fn refresh_minutes_given_or_off() {
        let span = (at("2026-06-10T09:00:00Z"), at("2026-06-12T18:00:00Z"));
        let now = at("2026-06-11T12:00:00Z");
        assert_eq!(Refresh::from_minutes(Some(0)).wait(now, span), None);
        assert_eq!(
            Refresh::from_minutes(Some(5)).wait(now, span),
            Some(Duration::minutes(5))
        );
        assert_eq!(Refresh::from_minutes(None), Refresh::Auto);
    }
}
