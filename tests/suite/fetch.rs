//! Programmes at a URL, fetched from a server each test starts on
//! 127.0.0.1: statuses, redirects, gzip, limits, timeouts, the cache and
//! offline use, credentials never shown.

mod cli;
mod http;
mod offline;

use chrono::{DateTime, Utc};
use dais::fetch::{Cache, Client, Net, Settings};
use dais::load::{Limits, LoadError};
use dais::source::{Opened, Source};
use std::path::Path;

/// A fixed moment for the copies' ages.
pub fn noon() -> DateTime<Utc> {
    "2026-06-10T12:00:00Z".parse().unwrap()
}

/// Two hours after [`noon`].
pub fn two_pm() -> DateTime<Utc> {
    "2026-06-10T14:00:00Z".parse().unwrap()
}

/// A client with short timeouts (1 s to connect, 2 s in all), caching in
/// `dir`, its clock at `now`.
pub fn net(dir: &Path, now: fn() -> DateTime<Utc>) -> Net {
    net_with(dir, now, Settings::default())
}

/// [`net`] with other settings (the short timeouts kept).
pub fn net_with(dir: &Path, now: fn() -> DateTime<Utc>, settings: Settings) -> Net {
    Net {
        client: Client::new(Settings {
            connect_timeout: 1,
            total_timeout: 2,
            ..settings
        }),
        cache: Some(Cache::at(dir.join("cache"))),
        offline: false,
        now,
    }
}

/// Loads the programme at `url`.
pub fn load(url: &str, net: &Net) -> Result<Opened, LoadError> {
    Source::Url(url.to_owned()).open(&Limits::default(), net)
}

/// The one-line error loading `url` gives.
pub fn error(url: &str, net: &Net) -> String {
    match load(url, net) {
        Ok(_) => panic!("{url} should not load"),
        Err(e) => e.to_string(),
    }
}

/// The bundled hearing, as a server would serve it.
pub fn hearing() -> &'static str {
    dais::load::BUNDLED
}

/// The hearing with Panel 3 a quarter of an hour later.
pub fn panel_3_later() -> String {
    hearing().replacen("\"start\": \"15:00\"", "\"start\": \"15:15\"", 1)
}
