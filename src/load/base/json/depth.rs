//! The nesting limit, checked on the bytes.
//!
//! The format itself nests five levels deep; only `x-` values go further.
//! A cap well above that keeps a hostile file from driving any recursive
//! reader (ours, serde's, a later consumer's) into deep recursion.
//!
//! A `dais/1` file read without trouble has been checked as it was read
//! (each value it skips is scanned on its own, see `read::Notes`), so the
//! whole text is scanned only when that read did not tell.

/// How deep the format's own arrays and objects nest: a participant, in
/// its session's `participants`, in `sessions`, in the document.
pub const FORMAT_DEPTH: usize = 5;

/// The offset of the first `[` or `{` that opens a level deeper than `max`.
pub fn too_deep(text: &str, max: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => {
                i = after_string(b, i + 1);
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The offset just past the `"` that closes the string whose content starts
/// at `i` (the end of the text if nothing does).
fn after_string(b: &[u8], mut i: usize) -> usize {
    loop {
        i = quote_or_backslash(b, i);
        match b.get(i) {
            // Whatever follows a backslash is part of the string.
            Some(b'\\') => i += 2,
            Some(_) => return i + 1,
            None => return b.len(),
        }
    }
}

/// The offset of the first `"` or `\\` at or after `i`, or at least the
/// text's length. Most of an agenda's bytes are string contents, so the
/// scan's search looks at eight bytes at a time.
fn quote_or_backslash(b: &[u8], i: usize) -> usize {
    let mut i = super::scan::string_stop::<false>(b, i);
    while b.get(i).is_some_and(|&c| c != b'"' && c != b'\\') {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::too_deep;
    use proptest::prelude::*;

    /// The scan one byte at a time, as the fast one must agree with.
    fn reference(text: &str, max: usize) -> Option<usize> {
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
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

    #[test]
    fn counts_brackets_outside_strings_only() {
        assert_eq!(too_deep(r#"{"a": [[1]]}"#, 3), None);
        assert_eq!(too_deep(r#"{"a": [[[1]]]}"#, 3), Some(8));
        assert_eq!(too_deep(r#"{"a": "[[[[{{{{"}"#, 1), None);
        assert_eq!(too_deep(r#"{"a\"[[": "\\", "b": [[]]}"#, 2), Some(22));
        assert_eq!(too_deep(r"[][][][]", 1), None);
        assert_eq!(too_deep(&"[".repeat(100_000), 64), Some(64));
    }

    proptest! {
        #[test]
        fn agrees_with_a_byte_at_a_time_scan(s in "[\\[\\]{}\"\\\\a é]{0,80}", max in 0usize..6) {
            prop_assert_eq!(too_deep(&s, max), reference(&s, max));
        }
    }
}
