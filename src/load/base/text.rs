//! From bytes to text, and positions in it.

use super::problem::Problem;

/// The bytes as text: UTF-8, without a byte-order mark, not empty.
pub fn text_of(bytes: &[u8]) -> Result<&str, Problem> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let mut p = Problem::at("", format!("not UTF-8 text (invalid byte at offset {at})"));
        p.position = Some(line_col(&bytes[..at]));
        p
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Problem::at(
            "",
            "the file is empty; an agenda is a JSON object",
        ));
    }
    Ok(text)
}

/// 1-based line and column of the end of `prefix`.
pub fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.split(|&b| b == b'\n').count();
    let col = prefix.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    (line, col)
}
