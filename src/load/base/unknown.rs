//! Unknown keys: the problem for a key the format does not give an object,
//! saying which keys it allows there.

use super::problem::{Path, Problem};

/// The problem for `key` at `at` in an object that is `what` ("a
/// session's") and allows `keys`. `x-` keys never get here.
pub fn problem(at: Path<'_>, what: &str, keys: &[&str]) -> Problem {
    Problem::at(
        at,
        format!(
            "unknown key; {what} keys are {} (a key of your own must start with \"x-\")",
            list(keys)
        ),
    )
}

/// `a`, `b` and `c`.
fn list(keys: &[&str]) -> String {
    let words: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((only, _)) => only.clone(),
        None => "no keys".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::list;

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(list(&["a"]), "`a`");
        assert_eq!(list(&["a", "b", "c"]), "`a`, `b` and `c`");
    }
}
