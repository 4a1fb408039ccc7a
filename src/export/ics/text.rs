//! iCalendar text: escaping TEXT values and folding content lines
//! (RFC 5545 §3.3.11 and §3.1).

/// The longest a line may be, in octets, without its CRLF.
const MAX_OCTETS: usize = 75;

/// Escapes a TEXT value: backslash, semicolon and comma get a backslash,
/// a line break becomes `\n`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            // Sanitized text has no other controls; a CR would break lines.
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` to `out`, folded so no line passes 75 octets (a
/// continuation starts with a space, which counts), never inside a UTF-8
/// character and never just after a space (some readers trim the end of
/// each physical line), each line ended by CRLF.
pub fn fold_into(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = MAX_OCTETS;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let trimmed = rest[..cut].trim_end_matches([' ', '\t']).len();
        if trimmed > 0 {
            cut = trimmed;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = MAX_OCTETS - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::{escape, fold_into};

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn folds_at_75_octets_on_character_boundaries() {
        let line = format!("DESCRIPTION:{}", "é".repeat(100));
        let mut out = String::new();
        fold_into(&mut out, &line);
        assert!(out.ends_with("\r\n"));
        let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(lines.len() > 2);
        for (i, l) in lines.iter().enumerate() {
            assert!(l.len() <= 75, "line {i} has {} octets", l.len());
            assert_eq!(i > 0, l.starts_with(' '));
        }
        let unfolded: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { *l } else { &l[1..] })
            .collect();
        assert_eq!(unfolded, line);
    }

    #[test]
    fn no_physical_line_ends_in_a_space() {
        let line = format!("SUMMARY:{}", "word ".repeat(40));
        let mut out = String::new();
        fold_into(&mut out, &line);
        let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        for l in &lines[..lines.len() - 1] {
            assert!(!l.ends_with(' '), "{l:?}");
        }
        let unfolded: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { *l } else { &l[1..] })
            .collect();
        assert_eq!(unfolded, line);
    }

    #[test]
    fn short_lines_are_left_alone() {
        let mut out = String::new();
        fold_into(&mut out, &"x".repeat(75));
        assert_eq!(out, format!("{}\r\n", "x".repeat(75)));
    }
}
