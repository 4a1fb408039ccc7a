//! The copies of fetched programmes kept for offline use, one file per
//! URL in `$XDG_CACHE_HOME/dais/` (`~/.cache/dais/`).
//!
//! A file is a header line (`dais-cache 1`), one line of JSON saying where
//! the copy came from, when, and its `ETag` and `Last-Modified`, then the
//! body exactly as it came. It is written whole to a temporary file and
//! renamed over the old one, so a copy is never seen half-written. Only
//! bodies that validated are stored (the caller decides): a bad one never
//! replaces the good copy. Reads are capped and refuse anything but a
//! regular file; a damaged file reads as no copy.

use super::Validators;
use super::redact::redact;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The first line of every cache file.
const MAGIC: &[u8] = b"dais-cache 1\n";
/// The longest header line read.
const MAX_HEADER: u64 = 64 * 1024;

/// The cache directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
}

/// One cached copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copy {
    /// Where it came from and when.
    pub meta: Meta,
    /// The body as the server sent it (decompressed).
    pub body: Vec<u8>,
}

/// What is kept beside a body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The URL, redacted: for people looking in the directory, and to
    /// tell two URLs apart should their file names collide.
    pub url: String,
    /// When the copy was fetched, or last confirmed current by a `304`
    /// (kept as seconds since 1970).
    #[serde(with = "seconds")]
    pub fetched: DateTime<Utc>,
    /// The validators for the next, conditional, request.
    #[serde(flatten)]
    pub validators: Validators,
}

impl Cache {
    /// The cache in the user's cache directory (`$XDG_CACHE_HOME/dais`).
    pub fn default_location() -> Option<Cache> {
        Some(Cache::at(dirs::cache_dir()?.join("dais")))
    }

    /// A cache in `dir`.
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// Where it is.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file that holds `url`'s copy. Named by a hash of the whole URL,
    /// so no credential reaches a file name.
    pub fn file_of(&self, url: &str) -> PathBuf {
        self.dir
            .join(format!("{:016x}.cache", fnv1a(url.as_bytes())))
    }

    /// The copy of `url`, if there is a whole one no larger than
    /// `max_bytes`.
    pub fn get(&self, url: &str, max_bytes: u64) -> Option<Copy> {
        let path = self.file_of(url);
        // Looked at before it is opened, opened without blocking (a FIFO
        // would wait for a writer), and looked at again.
        let (file, _) = crate::load::base::file::open_regular(&path).ok()?;
        let mut bytes = Vec::new();
        file.take(max_bytes.saturating_add(MAX_HEADER))
            .read_to_end(&mut bytes)
            .ok()?;
        let rest = bytes.strip_prefix(MAGIC)?;
        let end = rest.iter().position(|&b| b == b'\n')?;
        let meta: Meta = serde_json::from_slice(&rest[..end]).ok()?;
        if meta.url != redact(url) {
            return None;
        }
        let body = rest[end + 1..].to_vec();
        (body.len() as u64 <= max_bytes).then_some(Copy { meta, body })
    }

    /// Keeps `copy` as `url`'s, replacing any older one atomically.
    pub fn put(&self, url: &str, copy: &Copy) -> std::io::Result<()> {
        static COUNT: AtomicU64 = AtomicU64::new(0);
        std::fs::create_dir_all(&self.dir)?;
        let path = self.file_of(url);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let tmp = path.with_extension(format!("{}.{n}.tmp", std::process::id()));
        let result = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            let meta = serde_json::to_vec(&copy.meta).map_err(std::io::Error::other)?;
            f.write_all(MAGIC)?;
            f.write_all(&meta)?;
            f.write_all(b"\n")?;
            f.write_all(&copy.body)?;
            f.sync_all()?;
            std::fs::rename(&tmp, &path)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }
}

/// A time as whole seconds since 1970, in JSON.
mod seconds {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(t.timestamp())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let n = i64::deserialize(d)?;
        DateTime::from_timestamp(n, 0).ok_or_else(|| serde::de::Error::custom("out of range"))
    }
}

/// FNV-1a, 64 bits: a hash that stays the same across versions and
/// platforms, for file names.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h = crate::agenda::digest::Fnv::default();
    h.bytes(bytes);
    h.finish()
}

/// How long ago `then` was, roughly, as people say it: "just now",
/// "5 min", "2 h", "3 days".
pub fn age(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let minutes = (now - then).num_minutes().max(0);
    match minutes {
        0 => "just now".to_owned(),
        1..=59 => format!("{minutes} min ago"),
        60..=2879 => format!("{} h ago", minutes / 60),
        _ => format!("{} days ago", minutes / 1440),
    }
}

#[cfg(test)]
mod tests {
    use super::{Cache, Copy, Meta, age};
    use crate::fetch::Validators;
    use chrono::{DateTime, Duration, Utc};

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn copy(url: &str, body: &str) -> Copy {
        Copy {
            meta: Meta {
                url: crate::fetch::redact(url),
                fetched: at("2026-01-01T10:00:00Z"),
                validators: Validators {
                    etag: Some("\"v1\"".into()),
                    last_modified: None,
                },
            },
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_copy_round_trips_and_is_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path().join("dais"));
        let url = "https://u:pw@h/s.json?token=t";
        assert_eq!(cache.get(url, 100), None);
        cache.put(url, &copy(url, "{\"a\": 1}\n")).unwrap();
        assert_eq!(cache.get(url, 100), Some(copy(url, "{\"a\": 1}\n")));
        cache.put(url, &copy(url, "{}")).unwrap();
        assert_eq!(cache.get(url, 100).unwrap().body, b"{}");
        // No credential on disk: not in the name, not in the file.
        let names: Vec<_> = std::fs::read_dir(cache.dir()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left");
        let file = std::fs::read_to_string(cache.file_of(url)).unwrap();
        assert!(!file.contains("pw") && !file.contains("=t"), "{file}");
    }

    #[test]
    fn a_copy_over_the_limit_or_damaged_is_no_copy() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path());
        let url = "http://h/s.json";
        cache.put(url, &copy(url, "0123456789")).unwrap();
        assert!(cache.get(url, 10).is_some());
        assert_eq!(cache.get(url, 9), None);
        std::fs::write(cache.file_of(url), "dais-cache 1\n{not json\nbody").unwrap();
        assert_eq!(cache.get(url, 100), None);
        std::fs::write(cache.file_of(url), "something else").unwrap();
        assert_eq!(cache.get(url, 100), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_its_place_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path());
        let url = "http://h/s.json";
        let status = std::process::Command::new("mkfifo")
            .arg(cache.file_of(url))
            .status()
            .unwrap();
        assert!(status.success());
        // Opening a FIFO for reading would block until a writer came: the
        // open is not even tried.
        assert_eq!(cache.get(url, 100), None);
    }

    #[test]
    fn ages_read_as_people_say_them() {
        let now = at("2026-01-01T12:00:00Z");
        assert_eq!(age(now, now), "just now");
        assert_eq!(age(now - Duration::minutes(5), now), "5 min ago");
        assert_eq!(age(now - Duration::minutes(125), now), "2 h ago");
        assert_eq!(age(now - Duration::days(3), now), "3 days ago");
        assert_eq!(age(now + Duration::minutes(5), now), "just now");
    }
}
