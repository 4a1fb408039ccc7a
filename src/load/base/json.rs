//! What every JSON format shares: syntax errors at their line:column, the
//! nesting cap, refusing a top-level array, and reading a document in one
//! pass with each value knowing its path ([`read`]).

use super::problem::{Path, Problem};
use super::text::line_col;

pub mod depth;
pub mod extension;
pub mod read;
pub mod scan;

/// A `serde_json` error as a problem at its line and column.
pub fn syntax(e: &serde_json::Error) -> Problem {
    let msg = e.to_string();
    // serde_json appends " at line L column C"; we give those separately.
    let msg = msg.find(" at line ").map_or(msg.as_str(), |i| &msg[..i]);
    let duplicate = msg
        .strip_prefix("duplicate field `")
        .and_then(|k| k.strip_suffix('`'));
    let (path, message) = if let Some(key) = duplicate {
        (
            Path::Root.key(key).to_string(),
            "this key appears more than once in the object; give it once".to_owned(),
        )
    } else if e.is_eof() {
        (
            String::new(),
            format!("malformed JSON: the file ends early ({msg})"),
        )
    } else if msg.starts_with("invalid type") {
        (
            String::new(),
            "expected an agenda object at the top level".to_owned(),
        )
    } else {
        (String::new(), format!("malformed JSON: {msg}"))
    };
    let mut p = Problem::at(
        path,
        crate::sanitize::clean(&message, crate::sanitize::Lines::Single),
    );
    // serde_json counts the end of input after a newline as column 0.
    p.position = Some((e.line(), e.column().max(1)));
    p
}

/// An error if `text` nests arrays and objects deeper than `max`, at the
/// bracket that goes too deep.
pub fn too_deep(text: &str, max: usize) -> Result<(), Problem> {
    let Some(at) = depth::too_deep(text, max) else {
        return Ok(());
    };
    let mut p = Problem::at(
        "",
        format!("JSON nested deeper than {max} levels; an agenda needs far fewer"),
    );
    p.position = Some(line_col(&text.as_bytes()[..at]));
    Err(p)
}

/// An error if the document is an array: serde would read a top-level
/// array as an object's fields in order.
pub fn not_an_array(text: &str) -> Result<(), Problem> {
    let body = text.trim_start_matches([' ', '\t', '\n', '\r']);
    if !body.starts_with('[') {
        return Ok(());
    }
    let mut p = Problem::at(
        "",
        "expected an agenda object at the top level, found an array",
    );
    p.position = Some(line_col(&text.as_bytes()[..text.len() - body.len()]));
    Err(p)
}
