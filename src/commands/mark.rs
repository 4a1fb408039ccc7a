//! `dais star` and `dais hide`: marking sessions from the command line.

use crate::agenda::Agenda;
use crate::load::quote;
use std::collections::BTreeSet;

/// The ids of `agenda` that `ids` names none of, as an error listing
/// close ones ("no session with id \"panel3\"; close: \"panel-3\"").
pub fn check_ids(agenda: &Agenda, ids: &[String]) -> Result<(), String> {
    let known: BTreeSet<&str> = agenda.sessions.iter().map(|s| s.id.as_str()).collect();
    let Some(missing) = ids.iter().find(|id| !known.contains(id.as_str())) else {
        return Ok(());
    };
    let want = missing.to_lowercase();
    let mut close: Vec<(usize, &str)> = agenda
        .sessions
        .iter()
        .map(|s| s.id.as_str())
        .filter_map(|id| {
            let have = id.to_lowercase();
            let d = if have.contains(&want) || want.contains(&have) {
                0
            } else {
                distance(&want, &have)
            };
            (d <= 2 + want.chars().count() / 4).then_some((d, id))
        })
        .collect();
    close.sort_unstable();
    close.dedup();
    let quoted = quote(missing);
    if close.is_empty() {
        let some: Vec<String> = known.iter().take(8).map(|id| quote(id)).collect();
        let more = if known.len() > 8 { ", …" } else { "" };
        return Err(format!(
            "no session with id {quoted}; the ids are {}{more} (`dais list --format json` prints them)",
            some.join(", ")
        ));
    }
    let close: Vec<String> = close.iter().take(5).map(|(_, id)| quote(id)).collect();
    Err(format!(
        "no session with id {quoted}; did you mean {}?",
        close.join(", ")
    ))
}

/// Edit distance between two short strings (ids), capped in effort: ids
/// are short, and a long one is never close.
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 8 || a.len() > 64 || b.len() > 64 {
        return usize::MAX;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::{check_ids, distance};
    use crate::testing::hearing;

    #[test]
    fn an_unknown_id_names_close_ones() {
        let a = hearing();
        assert_eq!(check_ids(&a, &["panel-3".into(), "opening".into()]), Ok(()));
        let e = check_ids(&a, &["panel3".into()]).unwrap_err();
        assert!(
            e.starts_with("no session with id \"panel3\"; did you mean"),
            "{e}"
        );
        assert!(e.contains("\"panel-3\""), "{e}");
        let e = check_ids(&a, &["zzzzzzzzzzzz".into()]).unwrap_err();
        assert!(
            e.contains("the ids are") && e.contains("\"opening\""),
            "{e}"
        );
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "ab"), 2);
    }
}
