//! One HTTP GET with ureq: conditional on what the cache holds, the body
//! read no further than the size limit, every failure put in words.

use super::error::{Failure, FetchError};
use super::redact::redact;
use super::{Response, Settings, Validators};
use std::io::Read;
use std::time::Duration;
use ureq::http::{StatusCode, header};

/// An HTTP client with dais's timeouts, redirects and user agent.
#[derive(Debug, Clone)]
pub struct Client {
    agent: ureq::Agent,
    settings: Settings,
}

impl Client {
    /// A client that follows `settings`.
    pub fn new(settings: Settings) -> Self {
        let config = ureq::Agent::config_builder()
            .timeout_connect(Some(Duration::from_secs(settings.connect_timeout)))
            .timeout_global(Some(Duration::from_secs(settings.total_timeout)))
            .max_redirects(settings.max_redirects)
            .user_agent(concat!("dais/", env!("CARGO_PKG_VERSION")))
            // Statuses are read here, so a 304 is not an error.
            .http_status_as_error(false)
            .build();
        Client {
            agent: config.into(),
            settings,
        }
    }

    /// The limits this client keeps to.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Gets `url`, conditionally if `known` says what the copy in hand was
    /// (a `304` then means that copy is current).
    pub fn get(&self, url: &str, known: Option<&Validators>) -> Result<Response, FetchError> {
        let fail = |failure| FetchError {
            url: redact(url),
            failure,
        };
        let mut request = self.agent.get(url).header(
            header::ACCEPT,
            "application/json, text/xml;q=0.9, */*;q=0.5",
        );
        if let Some(known) = known {
            if let Some(etag) = &known.etag {
                request = request.header(header::IF_NONE_MATCH, etag.as_str());
            }
            if let Some(date) = &known.last_modified {
                request = request.header(header::IF_MODIFIED_SINCE, date.as_str());
            }
        }
        let mut response = request.call().map_err(|e| fail(self.failure(e)))?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Response::NotModified);
        }
        if status.is_redirection() {
            // The redirects allowed were followed; this one is past them.
            return Err(fail(Failure::TooManyRedirects(self.settings.max_redirects)));
        }
        if !status.is_success() {
            return Err(fail(Failure::Status(status.as_u16())));
        }
        let text = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(|v| crate::sanitize::clean(v, crate::sanitize::Lines::Single))
        };
        let validators = Validators {
            etag: text(header::ETAG),
            last_modified: text(header::LAST_MODIFIED),
        };
        let content_type = text(header::CONTENT_TYPE);
        let max = self.settings.max_bytes;
        let mut bytes = Vec::new();
        response
            .body_mut()
            .as_reader()
            .take(max.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| fail(self.failure(ureq::Error::from(e))))?;
        // Reading stopped one byte past the limit: the rest is never read.
        if bytes.len() as u64 > max {
            return Err(fail(Failure::TooBig(max)));
        }
        Ok(Response::Body {
            bytes,
            validators,
            content_type,
        })
    }

    /// A ureq error in a person's words.
    fn failure(&self, e: ureq::Error) -> Failure {
        use ureq::Error as E;
        let s = &self.settings;
        match e {
            E::HostNotFound => Failure::HostNotFound,
            E::BadUri(_) | E::Http(_) => Failure::BadUrl("the address is malformed".into()),
            E::RequireHttpsOnly(_) => Failure::BadUrl("only https is allowed".into()),
            E::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => {
                Failure::ConnectTimedOut(s.connect_timeout)
            }
            E::Timeout(_) => Failure::TimedOut(s.total_timeout),
            E::TooManyRedirects | E::RedirectFailed => Failure::TooManyRedirects(s.max_redirects),
            E::StatusCode(code) => Failure::Status(code),
            E::Tls(why) => Failure::Tls(why.to_owned()),
            E::Rustls(e) => Failure::Tls(crate::sanitize::clean(
                &e.to_string(),
                crate::sanitize::Lines::Single,
            )),
            E::Pem(_) => Failure::Tls("a bad certificate".into()),
            E::BodyExceedsLimit(_) => Failure::TooBig(s.max_bytes),
            E::Decompress(..) => Failure::BadGzip,
            E::ConnectionFailed => Failure::Refused,
            E::Io(io) => io_failure(&io, s),
            E::Protocol(_) => Failure::Other("the server's answer is not valid HTTP".into()),
            E::LargeResponseHeader(..) => {
                Failure::Other("the server's headers are too large".into())
            }
            _ => Failure::Other("the request failed".into()),
        }
    }
}

/// A network error in a person's words.
fn io_failure(e: &std::io::Error, s: &Settings) -> Failure {
    use std::io::ErrorKind as K;
    // std's resolver says so only in words.
    if e.to_string().starts_with("failed to lookup address") {
        return Failure::HostNotFound;
    }
    match e.kind() {
        K::ConnectionRefused => Failure::Refused,
        K::TimedOut | K::WouldBlock => Failure::TimedOut(s.total_timeout),
        K::UnexpectedEof | K::ConnectionReset | K::ConnectionAborted | K::BrokenPipe => {
            Failure::CutOff
        }
        _ => Failure::Other(crate::sanitize::clean(
            &crate::load::io_reason(e),
            crate::sanitize::Lines::Single,
        )),
    }
}
