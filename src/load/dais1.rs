//! A `dais/1` document: parsed with its unknown keys, then validated, its
//! problems merged to read top to bottom.

use super::ctx::Outcome;
use super::problem::{Capped, Problem};
use super::raw::RawAgenda;
use super::{Limits, syntax, unknown, validate};
use std::collections::HashSet;

/// Parses JSON into the raw form, returning unknown keys as problems (at
/// most `limits.max_problems` of them kept, the rest counted).
pub fn parse(text: &str, limits: &Limits) -> Result<(RawAgenda, Capped), Problem> {
    super::not_an_array(text)?;
    let mut de = serde_json::Deserializer::from_str(text);
    let mut unknown = Capped::new(limits.max_problems);
    let raw: Result<RawAgenda, _> = serde_ignored::deserialize(&mut de, |path| {
        if let Some(p) = unknown::unknown_key(&path) {
            unknown.push(p);
        }
    });
    let raw = raw
        .and_then(|r| de.end().map(|()| r))
        .map_err(|e| syntax(&e))?;
    Ok((raw, unknown))
}

/// Validates a parsed document; `unknown` are the problems parsing found.
pub(super) fn check(raw: &RawAgenda, unknown: Capped, limits: &Limits) -> Outcome {
    let Outcome {
        agenda,
        errors: found,
        warnings,
        skipped,
    } = validate::validate(raw, limits);
    // An object cut short by a key given twice is reported once; unknown
    // keys serde saw in it before then are not worth more problems. (Past
    // the listing limit they are only counted, and may still be.)
    let skipped: HashSet<&str> = skipped.iter().map(String::as_str).collect();
    let mut errors = unknown;
    errors.retain(|p| !inside_any(&p.path, &skipped));
    errors.extend(found);
    // Unknown keys were found while parsing, the rest while validating;
    // merged, they read top to bottom.
    errors.sort_by_key(|p| doc_order(&p.path));
    Outcome {
        agenda: agenda.filter(|_| errors.is_empty()),
        errors,
        warnings,
        skipped: Vec::new(),
    }
}

/// Where a path falls in a file laid out in the format's order: the
/// top-level key's place, then the first array index under it. Sorting is
/// stable, so problems within one session keep the order they were found.
fn doc_order(path: &str) -> (usize, usize) {
    const TOP: [&str; 5] = ["format", "event", "people", "key_messages", "sessions"];
    let end = path.find(['.', '[']).unwrap_or(path.len());
    let rank = TOP.iter().position(|k| *k == &path[..end]).unwrap_or(0);
    let index = path[end..]
        .strip_prefix('[')
        .and_then(|rest| rest.split(']').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    (rank, index)
}

/// Whether the JSON path `path` lies strictly inside the value at one of
/// `outer`: some prefix of it, ending where a `.` or `[` begins, is one.
fn inside_any(path: &str, outer: &HashSet<&str>) -> bool {
    !outer.is_empty()
        && path
            .match_indices(['.', '['])
            .any(|(i, _)| outer.contains(&path[..i]))
}

#[cfg(test)]
mod tests {
    use super::inside_any;
    use std::collections::HashSet;

    #[test]
    fn inside_means_strictly_below() {
        let outer: HashSet<&str> = ["sessions[1]", "event"].into_iter().collect();
        assert!(inside_any("sessions[1].x", &outer));
        assert!(inside_any("sessions[1].participants[0].y", &outer));
        assert!(inside_any("event.title", &outer));
        assert!(!inside_any("sessions[1]", &outer));
        assert!(!inside_any("sessions[10].x", &outer));
        assert!(!inside_any("events.x", &outer));
    }
}
