//! Finding where a JSON value ends without parsing it: what lets a large
//! document be read a piece at a time, each piece then parsed whole.
//!
//! The scan only counts brackets outside strings and steps over strings
//! (escapes included); it checks nothing else. Whatever it is handed is
//! parsed afterwards, and a fault the scan passed over is found there.

/// Whether `b` is whitespace to JSON (RFC 8259: space, tab, LF, CR).
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// The length of the JSON value at the start of `b`, or `None` if `b`
/// ends first. An array, object or string ends at its closing character;
/// a number or a literal at the first comma, bracket or whitespace after
/// it (so one at the very end of `b` is not known to have ended).
/// A closing bracket first is a value of length 0.
pub fn value_end(b: &[u8]) -> Option<usize> {
    value_end_from(b, Resume::default()).ok()
}

/// Where [`value_end_from`] is to go on once more of the text is read: a
/// place outside any string, and the depth there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Resume {
    at: usize,
    depth: usize,
}

/// [`value_end`] going on from `from`, where a scan of less of the same
/// text stopped: `Err` with where to go on if `b` ends first, so a long
/// value read a piece at a time is scanned once, not once a piece.
pub fn value_end_from(b: &[u8], from: Resume) -> Result<usize, Resume> {
    let Resume {
        at: mut i,
        mut depth,
    } = from;
    loop {
        let Some(&c) = b.get(i) else {
            return Err(Resume { at: i, depth });
        };
        match c {
            b'"' => {
                let Some(end) = string_end(b, i + 1) else {
                    // Scanned again from its opening quote.
                    return Err(Resume { at: i, depth });
                };
                i = end;
                if depth == 0 {
                    return Ok(i);
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 0 {
                    return Ok(i);
                }
                depth -= 1;
                if depth == 0 {
                    return Ok(i + 1);
                }
            }
            b',' if depth == 0 => return Ok(i),
            c if depth == 0 && is_space(c) => return Ok(i),
            _ => {}
        }
        i += 1;
    }
}

/// Where the string whose text starts at `b[i]` ends: just past its
/// closing quote.
fn string_end(b: &[u8], mut i: usize) -> Option<usize> {
    loop {
        i = next_quote_or_escape(b, i);
        match *b.get(i)? {
            b'"' => return Some(i + 1),
            // An escape: the character after the backslash is never the end.
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
}

/// Where the first `"` or `\\` at or after `b[i]` is, or where the last
/// eight bytes before the end start: found eight bytes at a time, as most
/// strings in a programme are short (a call to `memchr` per string cost
/// more than the scan).
fn next_quote_or_escape(b: &[u8], i: usize) -> usize {
    string_stop::<false>(b, i)
}

/// Where the first `"` or `\\` (or, with `CONTROLS`, byte below 0x20) at or
/// after `b[i]` is, found eight bytes at a time; or, if there is none in
/// the whole words there, where the last bytes (fewer than eight) start,
/// for the caller to look at one by one.
pub fn string_stop<const CONTROLS: bool>(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    while let Some(word) = b.get(i..i + 8) {
        let mut bytes = [0; 8];
        bytes.copy_from_slice(word);
        let w = u64::from_le_bytes(bytes);
        // A byte equal to `"` or `\\` is a zero byte once flipped by it; a
        // byte below 0x20 leaves its high bit set once 0x20 is taken from it
        // (and had it clear before). The lowest byte flagged is always a
        // true one.
        let mut found =
            zero_byte(w ^ (ONES * u64::from(b'"'))) | zero_byte(w ^ (ONES * u64::from(b'\\')));
        if CONTROLS {
            found |= w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
        }
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::value_end;

    #[test]
    fn values_end_where_json_says() {
        let end = |s: &str| value_end(s.as_bytes());
        assert_eq!(end(r#"{"a": [1, "]"], "b": {}} , 2"#), Some(24));
        assert_eq!(end(r#""a \"quoted\" \\" , 1"#), Some(17));
        assert_eq!(end("12,"), Some(2));
        assert_eq!(end("true]"), Some(4));
        assert_eq!(end("null "), Some(4));
        assert_eq!(end("]"), Some(0));
        assert_eq!(end("[[]]x"), Some(4));
        // Not ended yet: more is needed.
        assert_eq!(end(r#"{"a": [1, 2"#), None);
        assert_eq!(end(r#""a \"#), None);
        assert_eq!(end(r#""a \""#), None);
        assert_eq!(end("12"), None);
        assert_eq!(end(""), None);
    }

    #[test]
    fn a_value_scanned_in_pieces_ends_where_it_ends_whole() {
        let text = r#"{"a": [1, "x\"}]"], "b": {"c": "long string"}, "d": 12} , 2"#;
        let whole = value_end(text.as_bytes());
        for cut in 0..text.len() {
            let mut resume = super::Resume::default();
            let mut end = None;
            for piece in [cut, text.len()] {
                match super::value_end_from(&text.as_bytes()[..piece], resume) {
                    Ok(n) => {
                        end = Some(n);
                        break;
                    }
                    Err(r) => resume = r,
                }
            }
            assert_eq!(end, whole, "cut at {cut}");
        }
    }

    proptest::proptest! {
        /// Eight bytes at a time finds what one at a time finds, wherever
        /// the quotes, escapes and the end fall.
        #[test]
        fn a_string_ends_where_a_byte_scan_says(
            body in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::prelude::Just(b'"'),
                    proptest::prelude::Just(b'\\'),
                    proptest::prelude::Just(b'a'),
                    proptest::prelude::Just(0xc3u8),
                ],
                0..40,
            )
        ) {
            let mut naive = None;
            let mut i = 0;
            while i < body.len() {
                match body[i] {
                    b'"' => {
                        naive = Some(i + 1);
                        break;
                    }
                    b'\\' => i += 2,
                    _ => i += 1,
                }
            }
            proptest::prop_assert_eq!(super::string_end(&body, 0), naive);
        }
    }
}
