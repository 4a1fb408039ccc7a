//! `dais star` and `dais hide`: marking sessions from the command line;
//! and the marks applied to what `list`, `now` and `export` show.

use crate::agenda::{Agenda, Mark, MarkFilter, Marks};
use crate::load::quote;
use crate::source::Source;
use crate::store::{AgendaKey, Change, Store};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Splits `dais star [FILE] ID...`: the first value is the file when it
/// names one that exists, or looks like a path (has a `/` or a file
/// name's ending); else every value is an id of the bundled agenda.
pub fn split_args(args: &[String]) -> (Option<PathBuf>, &[String]) {
    match args.split_first() {
        Some((first, rest)) if !rest.is_empty() && looks_like_file(first) => {
            (Some(PathBuf::from(first)), rest)
        }
        _ => (None, args),
    }
}

fn looks_like_file(s: &str) -> bool {
    let p = Path::new(s);
    s == "-"
        || p.is_file()
        || s.contains('/')
        || p.extension().is_some_and(|e| {
            ["json", "xml", "ics"]
                .iter()
                .any(|x| e.eq_ignore_ascii_case(x))
        })
}

/// Puts `mark` on the sessions `ids` of `agenda` (read from `source`) or
/// takes it off (`remove`), in the store at `state`; returns the line to
/// print. An unknown id changes nothing and is an error naming close ones.
pub fn run(
    source: &Source,
    agenda: &Agenda,
    ids: &[String],
    mark: Mark,
    remove: bool,
    state: &Path,
) -> Result<String, String> {
    check_ids(agenda, ids).map_err(|e| format!("{}: {e}", source.name()))?;
    let key = crate::commands::open::key(source, agenda);
    let mut store = Store::open(state);
    let mut problems = store.take_problems();
    if let Some(why) = store.read_only() {
        problems.push(format!("nothing saved: {why}"));
        return Err(problems.join("\n"));
    }
    let mut marks = Marks::default();
    for id in ids {
        let change = Change::Mark {
            session: id.clone(),
            mark,
            on: !remove,
        };
        match store.apply(&key, &change) {
            Ok(crate::store::Stored::Marks(m)) => marks = m,
            Ok(_) => {}
            Err(e) => {
                problems.push(e);
                return Err(problems.join("\n"));
            }
        }
    }
    let titles: Vec<&str> = ids
        .iter()
        .filter_map(|id| agenda.sessions.iter().find(|s| *s.id == **id))
        .map(crate::agenda::Session::short_title)
        .collect();
    let done = match (mark, remove) {
        (Mark::Star, false) => "starred",
        (Mark::Star, true) => "unstarred",
        (Mark::Hide, false) => "hidden",
        (Mark::Hide, true) => "shown again",
    };
    let in_all = match mark {
        Mark::Star => format!("{} starred in all", marks.starred_count()),
        Mark::Hide => format!(
            "{} hidden in all",
            marks.pairs().filter(|(_, m)| *m == Mark::Hide).count()
        ),
    };
    Ok(format!("{done}: {} ({in_all})\n", titles.join(", ")))
}

/// The agenda's saved marks, read without making anything; problems
/// reading them are returned for standard error.
pub fn saved(source: &Source, agenda: &Agenda, state: Option<&Path>) -> (Marks, Vec<String>) {
    let Some(state) = state else {
        return (Marks::default(), Vec::new());
    };
    let key: AgendaKey = crate::commands::open::key(source, agenda);
    let mut store = Store::open_existing(state);
    let marks = store.marks(&key);
    (marks, store.take_problems())
}

/// `agenda` as `list`, `now` and `export` show it: hidden sessions left
/// out unless `all`, and only starred ones with `starred`.
pub fn apply(marks: &Marks, agenda: Agenda, starred: bool, all: bool) -> Agenda {
    MarkFilter {
        only_starred: starred,
        show_hidden: all,
    }
    .cut(marks, agenda)
}

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
