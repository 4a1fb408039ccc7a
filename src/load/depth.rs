//! The nesting limit, checked on the bytes before any parsing.
//!
//! The format itself nests five levels deep; only `x-` values go further.
//! A cap well above that keeps a hostile file from driving any recursive
//! reader (ours, serde's, a later consumer's) into deep recursion.

/// The offset of the first `[` or `{` that opens a level deeper than `max`.
pub fn too_deep(text: &str, max: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::too_deep;

    #[test]
    fn counts_brackets_outside_strings_only() {
        assert_eq!(too_deep(r#"{"a": [[1]]}"#, 3), None);
        assert_eq!(too_deep(r#"{"a": [[[1]]]}"#, 3), Some(8));
        assert_eq!(too_deep(r#"{"a": "[[[[{{{{"}"#, 1), None);
        assert_eq!(too_deep(r#"{"a\"[[": "\\", "b": [[]]}"#, 2), Some(22));
        assert_eq!(too_deep(r"[][][][]", 1), None);
        assert_eq!(too_deep(&"[".repeat(100_000), 64), Some(64));
    }
}
