//! An agenda at a URL: fetched (or the cached copy), then loaded as a
//! file would be, under the URL's redacted name.

use super::Opened;
use crate::fetch::{FetchError, Net, redact};
use crate::load::{self, Limits, LoadError, Loaded, Problem};

/// Fetches and loads the agenda at `url`.
pub fn load(url: &str, limits: &Limits, net: &Net) -> Result<Opened, LoadError> {
    let name = redact(url);
    let got = net.programme(
        url,
        |bytes, content_type| accept(&name, bytes, content_type, limits),
        |e| failed(&e),
    )?;
    Ok(Opened {
        loaded: got.value,
        offline: got.offline,
        notices: got.cache_problem.into_iter().collect(),
    })
}

/// Loads a fetched body; if it is not an agenda and the server said it is
/// something other than JSON, says what it is first.
pub fn accept(
    name: &str,
    bytes: &[u8],
    content_type: Option<&str>,
    limits: &Limits,
) -> Result<Loaded, LoadError> {
    load::load_bytes(name, bytes, limits).map_err(|mut e| {
        if let Some(kind) = content_type.filter(|t| !t.to_ascii_lowercase().contains("json")) {
            let kind = kind.split(';').next().unwrap_or(kind).trim();
            e.problems.insert(
                0,
                Problem::at("", format!("not a programme: the server sent {kind}")),
            );
        }
        e
    })
}

/// A fetch failure as a problem with the whole file.
pub fn failed(e: &FetchError) -> LoadError {
    LoadError::whole_file(e.url.clone(), e.failure.to_string())
}
