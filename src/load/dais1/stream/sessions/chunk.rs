//! Cutting the sessions array into chunks without scanning every session:
//! a chunk ends where the last session read likely starts (`}, {"id":`,
//! as dais writes sessions), found by a fast search from the end; the
//! thread that builds a chunk reads its sessions one after another and
//! checks that they fill it exactly, which proves the cut was a session's
//! start.
//!
//! In valid JSON, `}`, `,`, `{`, `"id"`, `:` (whitespace between) outside a
//! string is an object with an `id` key that follows another object in an
//! array; inside a session (an `x-` value) it would not fill its chunk
//! exactly, and the file is then read the ordinary way.

use super::super::super::strict::quick_session;
use super::{Batch, Made, build_strict, build_text};
use crate::agenda::Labels;
use crate::load::base::json::scan::{is_space, value_end};
use crate::load::base::limits::Limits;
use crate::load::dais1::validate::Lookups;
use memchr::memmem;

/// The fewest bytes read before a chunk is cut (a chunk is about what is
/// read at a time, some 500 sessions as dais writes them).
pub(super) const CHUNK: usize = 128 * 1024;

/// Where the last likely session start at or after `from` in `text` is:
/// the `{` of `}, {"id":`.
pub(super) fn last_start(text: &str, from: usize) -> Option<usize> {
    let b = text.as_bytes();
    let finder = memmem::FinderRev::new(b"\"id\"");
    let mut end = b.len();
    while let Some(q) = finder.rfind(b.get(from..end)?).map(|i| from + i) {
        end = q;
        let Some(open) = before(b, q).filter(|&j| b[j] == b'{') else {
            continue;
        };
        let comma = before(b, open).filter(|&j| b[j] == b',');
        let close = comma.and_then(|c| before(b, c)).filter(|&j| b[j] == b'}');
        let colon = after(b, q + 4).filter(|&j| b[j] == b':');
        if close.is_some() && colon.is_some() && open >= from {
            return Some(open);
        }
    }
    None
}

/// The last byte before `i` that is not whitespace.
fn before(b: &[u8], i: usize) -> Option<usize> {
    b[..i].iter().rposition(|&c| !is_space(c))
}

/// The first byte at or after `i` that is not whitespace.
fn after(b: &[u8], i: usize) -> Option<usize> {
    b.get(i..)?
        .iter()
        .position(|&c| !is_space(c))
        .map(|k| i + k)
}

/// Reads the sessions of the chunk `batch.text[from..to]`, each followed
/// by a comma, into `batch`'s spans and `made`; false if they do not fill
/// it exactly.
pub(super) fn tile(
    batch: &mut Batch,
    (from, to): (usize, usize),
    made: &mut Vec<Made>,
    lk: &Lookups<'_>,
    limits: &Limits,
    labels: &mut Labels,
) -> bool {
    let text = &batch.text[..to];
    let b = text.as_bytes();
    let mut at = after(b, from).unwrap_or(b.len());
    while at < b.len() {
        let rest = &text[at..];
        let len = match quick_session(rest) {
            Some((s, len)) => {
                made.push(build_strict(s, lk, limits, labels));
                len
            }
            None => match value_end(rest.as_bytes()) {
                Some(len) if len > 0 => {
                    made.push(build_text(&rest[..len], lk, limits, labels));
                    len
                }
                _ => return false,
            },
        };
        let end = at + len;
        batch.spans.push((at, end));
        match after(b, end) {
            Some(c) if b[c] == b',' => at = after(b, c + 1).unwrap_or(b.len()),
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::last_start;

    #[test]
    fn a_chunk_is_cut_where_a_session_starts() {
        let text = r#"{"id": "a", "participants": [{"person": "p"}, {"person": "q"}]},
            {"id": "b", "x-a": [{"k": 1}, {"id": 2}]}, {"id" : "c"}, {"id""#;
        // The last start whose `"id":` is read whole.
        let c = text.find("{\"id\" : \"c\"").unwrap();
        assert_eq!(last_start(text, 1), Some(c));
        // An `id` key in an object that follows another in an array looks
        // like a session's start: the chunk's reader finds it is not.
        let fake = text.find("{\"id\": 2}").unwrap();
        assert_eq!(last_start(&text[..c], 1), Some(fake));
        let b = text.find("{\"id\": \"b\"").unwrap();
        assert_eq!(last_start(&text[..fake], 1), Some(b));
        assert_eq!(last_start(&text[..b], 1), None);
        assert_eq!(last_start(text, c + 1), None);
    }
}
