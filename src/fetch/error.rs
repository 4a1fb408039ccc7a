//! What went wrong fetching a URL, in a person's words. The URL in every
//! message is redacted; the HTTP client's own error text, which may quote
//! the URL as given, is never shown.

use std::fmt;

/// Why a fetch failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The URL is not one dais can fetch.
    BadUrl(String),
    /// The host name did not resolve.
    HostNotFound,
    /// Nothing listens at the host and port.
    Refused,
    /// No connection within the connect timeout.
    ConnectTimedOut(u64),
    /// The whole fetch took longer than allowed.
    TimedOut(u64),
    /// The server answered with an error status.
    Status(u16),
    /// More redirects than allowed (or a loop).
    TooManyRedirects(u32),
    /// A TLS problem: a bad certificate, an unknown authority, no common
    /// protocol.
    Tls(String),
    /// The body is larger than the limit.
    TooBig(u64),
    /// The connection ended before the whole body came.
    CutOff,
    /// The body could not be decompressed.
    BadGzip,
    /// `--offline`, and there is no cached copy.
    NoCopyOffline,
    /// Anything else the connection did.
    Other(String),
}

/// A failed fetch of one URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError {
    /// The URL, redacted.
    pub url: String,
    /// What happened.
    pub failure: Failure,
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.url, self.failure)
    }
}

impl std::error::Error for FetchError {}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::BadUrl(why) => write!(f, "not a URL dais can fetch ({why})"),
            Failure::HostNotFound => f.write_str("host not found"),
            Failure::Refused => f.write_str("connection refused (is the server running?)"),
            Failure::ConnectTimedOut(s) => write!(f, "timed out connecting (after {s} s)"),
            Failure::TimedOut(s) => write!(f, "timed out (no whole answer within {s} s)"),
            Failure::Status(code) => write!(f, "HTTP {code}{}", status_words(*code)),
            Failure::TooManyRedirects(n) => {
                write!(f, "more than {n} redirects (a redirect loop?)")
            }
            Failure::Tls(why) => write!(f, "TLS problem: {why}"),
            Failure::TooBig(max) => write!(
                f,
                "the server sent more than the limit of {max} bytes; stopped reading (raise it with --max-size)"
            ),
            Failure::CutOff => f.write_str("the connection ended before the whole programme came"),
            Failure::BadGzip => f.write_str("the server sent a broken compressed body"),
            Failure::NoCopyOffline => f.write_str(
                "--offline, and there is no cached copy (fetch it once without --offline)",
            ),
            Failure::Other(why) => f.write_str(why),
        }
    }
}

/// " (not found)" and the like, for the statuses people meet.
fn status_words(code: u16) -> &'static str {
    match code {
        400 => " (bad request)",
        401 => " (needs a login)",
        403 => " (forbidden)",
        404 => " (not found)",
        410 => " (gone)",
        429 => " (too many requests)",
        500 => " (server error)",
        502 => " (bad gateway)",
        503 => " (service unavailable)",
        504 => " (gateway timeout)",
        _ => "",
    }
}

impl Failure {
    /// Whether the network (or the server) failed, rather than what it
    /// sent: a cached copy stands in for the programme then.
    pub fn is_unreachable(&self) -> bool {
        !matches!(self, Failure::BadUrl(_) | Failure::NoCopyOffline)
    }
}

#[cfg(test)]
mod tests {
    use super::{Failure, FetchError};

    #[test]
    fn messages_name_the_url_and_say_what_happened() {
        let e = FetchError {
            url: "https://h/s.json".into(),
            failure: Failure::Status(404),
        };
        assert_eq!(e.to_string(), "https://h/s.json: HTTP 404 (not found)");
        let e = FetchError {
            url: "http://127.0.0.1:9/s.json".into(),
            failure: Failure::Refused,
        };
        assert_eq!(
            e.to_string(),
            "http://127.0.0.1:9/s.json: connection refused (is the server running?)"
        );
    }
}
