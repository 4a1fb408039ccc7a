//! The last steps of a reader whose sessions need not come in programme
//! order or with distinct ids: sort them by start, and make repeated ids
//! unique with a warning naming where each was renamed.

use super::problem::{Capped, Problem};
use crate::agenda::Session;
use compact_str::CompactString;
use std::collections::HashSet;

/// `sessions` (read at `paths`) by start, then room, then reading order,
/// with their paths in the same order.
pub fn by_start(sessions: Vec<Session>, paths: &[String]) -> (Vec<Session>, Vec<String>) {
    let mut order: Vec<usize> = (0..sessions.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&sessions[a], &sessions[b]);
        (x.span.start, &x.room, a).cmp(&(y.span.start, &y.room, b))
    });
    let mut taken: Vec<Option<Session>> = sessions.into_iter().map(Some).collect();
    let sorted = order.iter().filter_map(|&i| taken[i].take()).collect();
    let paths = order.iter().map(|&i| paths[i].clone()).collect();
    (sorted, paths)
}

/// Renames a repeated session id `id-2`, `id-3`… in order, warning at its
/// path with `said(old, new)`.
pub fn unique_ids(
    sessions: &mut [Session],
    paths: &[String],
    warnings: &mut Capped,
    said: impl Fn(&str, &str) -> String,
) {
    let mut seen: HashSet<CompactString> = HashSet::with_capacity(sessions.len());
    for (s, path) in sessions.iter_mut().zip(paths) {
        if seen.insert(s.id.clone()) {
            continue;
        }
        let base = s.id.clone();
        let mut n = 1;
        while seen.contains(&s.id) {
            n += 1;
            s.id = format!("{base}-{n}").into();
        }
        seen.insert(s.id.clone());
        warnings.push(Problem::at(path, said(&base, &s.id)));
    }
}
