//! Programmes at a URL: fetched over HTTP(S), kept for offline use,
//! fetched again only if they changed.
//!
//! [`Client`] makes one request (ureq with rustls: 10 s to connect, 30 s
//! in all, up to 5 redirects, gzip, the body capped while it streams);
//! [`Cache`] keeps each copy that validated; [`Net::programme`] puts them
//! together: a conditional request against the cached copy, the copy when
//! the network fails, and nothing but the copy with `--offline`. Every
//! message shows the URL [`redact`]ed.

mod cache;
mod client;
mod error;
mod redact;

pub use cache::{Cache, Copy, Meta, age};
pub use client::Client;
pub use error::{Failure, FetchError};
pub use redact::{is_url, redact};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Bounds on one fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Seconds to wait for a connection.
    pub connect_timeout: u64,
    /// Seconds for the whole fetch, redirects and body included.
    pub total_timeout: u64,
    /// Redirects followed.
    pub max_redirects: u32,
    /// The largest body read, after decompression.
    pub max_bytes: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            connect_timeout: 10,
            total_timeout: 30,
            max_redirects: 5,
            max_bytes: 64 * 1024 * 1024,
        }
    }
}

/// What identifies a version of a resource, for a conditional request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validators {
    /// The `ETag` header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The `Last-Modified` header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

impl Validators {
    /// Whether there is anything to make a request conditional on.
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// What one request got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    /// A body, whole and within the limit.
    Body {
        /// The body, decompressed.
        bytes: Vec<u8>,
        /// Its `ETag` and `Last-Modified`.
        validators: Validators,
        /// Its `Content-Type`, sanitized.
        content_type: Option<String>,
    },
    /// `304 Not Modified`: the copy in hand is current.
    NotModified,
}

/// How programmes are fetched: the client, the cache, whether the network
/// may be used, and the clock for the copies' ages.
#[derive(Debug, Clone)]
pub struct Net {
    /// The HTTP client.
    pub client: Client,
    /// Where copies are kept; `None` keeps none.
    pub cache: Option<Cache>,
    /// `--offline`: only the cached copy, never the network.
    pub offline: bool,
    /// The real time, for the copies' ages (injected by `main`).
    pub now: fn() -> DateTime<Utc>,
}

/// A programme fetched, and how.
#[derive(Debug)]
pub struct Got<T> {
    /// The programme, as the caller's `accept` made it.
    pub value: T,
    /// Set when the value is the cached copy because the network could not
    /// be used: "offline: showing the copy from 2 h ago · host not found".
    pub offline: Option<String>,
    /// A problem keeping the copy, to be told but not fatal.
    pub cache_problem: Option<String>,
}

impl Net {
    /// Fetches with the default settings (bodies up to `max_bytes`) and
    /// keeps no copy.
    pub fn uncached(max_bytes: u64) -> Net {
        Net {
            client: Client::new(Settings {
                max_bytes,
                ..Settings::default()
            }),
            cache: None,
            offline: false,
            // Only a cached copy's age is told: with no cache, never.
            now: || DateTime::UNIX_EPOCH,
        }
    }

    /// Fetches the programme at `url` and makes it into a `T` with
    /// `accept(bytes, content type)`; a fetch failure becomes an `E` by
    /// `failed`. Only a body `accept` takes is cached. When the network
    /// fails (or `--offline`), the cached copy is used and
    /// [`Got::offline`] says so; with no copy, the failure is the error.
    pub fn programme<T, E>(
        &self,
        url: &str,
        accept: impl Fn(&[u8], Option<&str>) -> Result<T, E>,
        failed: impl Fn(FetchError) -> E,
    ) -> Result<Got<T>, E> {
        let max = self.client.settings().max_bytes;
        let known = self.cache.as_ref().and_then(|c| c.get(url, max));
        let now = (self.now)();
        let from_copy = |copy: Copy, why: String| {
            let value = accept(&copy.body, None)?;
            let offline = format!(
                "offline: showing the copy from {}{why}",
                age(copy.meta.fetched, now)
            );
            Ok(Got {
                value,
                offline: Some(offline),
                cache_problem: None,
            })
        };
        if self.offline {
            return match known {
                Some(copy) => from_copy(copy, " · --offline".to_owned()),
                None => Err(failed(FetchError {
                    url: redact(url),
                    failure: Failure::NoCopyOffline,
                })),
            };
        }
        match self
            .client
            .get(url, known.as_ref().map(|c| &c.meta.validators))
        {
            Ok(Response::NotModified) => {
                let Some(mut copy) = known else {
                    return Err(failed(FetchError {
                        url: redact(url),
                        failure: Failure::Other(
                            "the server answered 304 Not Modified to a plain request".into(),
                        ),
                    }));
                };
                let value = accept(&copy.body, None)?;
                copy.meta.fetched = now;
                let cache_problem = self.keep(url, &copy);
                Ok(Got {
                    value,
                    offline: None,
                    cache_problem,
                })
            }
            Ok(Response::Body {
                bytes,
                validators,
                content_type,
            }) => {
                let value = accept(&bytes, content_type.as_deref())?;
                let copy = Copy {
                    meta: Meta {
                        url: redact(url),
                        fetched: now,
                        validators,
                    },
                    body: bytes,
                };
                let cache_problem = self.keep(url, &copy);
                Ok(Got {
                    value,
                    offline: None,
                    cache_problem,
                })
            }
            Err(e) => match known {
                Some(copy) if e.failure.is_unreachable() => {
                    from_copy(copy, format!(" · {}", e.failure))
                }
                _ => Err(failed(e)),
            },
        }
    }

    /// Keeps `copy` in the cache; a problem doing so, in words.
    fn keep(&self, url: &str, copy: &Copy) -> Option<String> {
        let cache = self.cache.as_ref()?;
        cache.put(url, copy).err().map(|e| {
            format!(
                "cannot keep a copy of {} in {}: {}",
                redact(url),
                cache.dir().display(),
                crate::load::io_reason(&e)
            )
        })
    }
}
