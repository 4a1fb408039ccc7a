//! The content lines of an iCalendar file, checked before the parser sees
//! them: unfolded (RFC 5545 §3.1), each remembered with its line in the
//! file, every line a `NAME[;PARAM=…]:value`, and `BEGIN`/`END` matched and
//! nested no deeper than a calendar needs (the parser recurses).

use crate::load::base::problem::{Problem, quote};

/// The deepest nesting of components read: VCALENDAR / VTIMEZONE /
/// STANDARD is three; VEVENT / VALARM two.
pub const MAX_DEPTH: usize = 8;

/// The unfolded text, one content line per `\r\n`, and where each line
/// began in the file.
#[derive(Debug)]
pub struct Unfolded {
    /// Content lines, each ended by `\r\n`: the parser looks for the end
    /// of a value as `\r\n` first, and where there is none it searched the
    /// whole rest of the text for every property (a million short events
    /// took hours).
    pub text: String,
    /// For each content line, its byte offset in `text` and its line in the
    /// file (1-based).
    starts: Vec<(usize, usize)>,
}

impl Unfolded {
    /// The file's line of the content line holding byte `offset` of `text`.
    pub fn line_of(&self, offset: usize) -> usize {
        let i = self.starts.partition_point(|&(start, _)| start <= offset);
        self.starts
            .get(i.saturating_sub(1))
            .map_or(1, |&(_, line)| line)
    }

    /// The file's line of a string borrowed from `text`, if it is one.
    pub fn line_of_str(&self, s: &str) -> Option<usize> {
        let base = self.text.as_ptr() as usize;
        let at = (s.as_ptr() as usize).checked_sub(base)?;
        (at <= self.text.len()).then(|| self.line_of(at))
    }
}

/// Unfolds `text` and checks its lines; the first fault is an error at its
/// line and column.
pub fn unfold(text: &str) -> Result<Unfolded, Problem> {
    let mut out = Unfolded {
        text: String::with_capacity(text.len()),
        starts: Vec::new(),
    };
    let mut stack: Vec<String> = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    for (n, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(rest) = line.strip_prefix([' ', '\t']) {
            if current.is_none() {
                return Err(at(n + 1, 1, "a continuation line with no line before it"));
            }
            out.text.push_str(rest);
            continue;
        }
        if let Some((start, first)) = current.take() {
            check(&out.text[start..], first, &mut stack)?;
            out.text.push_str("\r\n");
        }
        if line.trim().is_empty() {
            continue;
        }
        out.starts.push((out.text.len(), n + 1));
        current = Some((out.text.len(), n + 1));
        out.text.push_str(line);
    }
    if let Some((start, first)) = current {
        check(&out.text[start..], first, &mut stack)?;
        out.text.push_str("\r\n");
    }
    if let Some(open) = stack.last() {
        let last = text.split('\n').count();
        return Err(at(
            last,
            1,
            format!(
                "the file ends inside {}: no {}",
                quote(open),
                quote(&format!("END:{open}"))
            ),
        ));
    }
    Ok(out)
}

/// Checks one content line: its name, a colon, and the nesting.
fn check(line: &str, n: usize, stack: &mut Vec<String>) -> Result<(), Problem> {
    let name_end = line.find([';', ':']).unwrap_or(line.len());
    let name = &line[..name_end];
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(at(
            n,
            1,
            format!(
                "not an iCalendar content line (NAME:value): {}",
                quote(&line.chars().take(60).collect::<String>())
            ),
        ));
    }
    let Some(colon) = value_colon(line, name_end) else {
        return Err(at(
            n,
            line[..name_end].chars().count() + 1,
            format!("{} has no `:` before its value", quote(name)),
        ));
    };
    let value = line[colon + 1..].trim();
    if name.eq_ignore_ascii_case("BEGIN") {
        if stack.len() >= MAX_DEPTH {
            return Err(at(
                n,
                1,
                format!("components nested deeper than {MAX_DEPTH}; a calendar needs three"),
            ));
        }
        stack.push(value.to_ascii_uppercase());
    } else if name.eq_ignore_ascii_case("END") {
        match stack.pop() {
            Some(open) if open.eq_ignore_ascii_case(value) => {}
            Some(open) => {
                return Err(at(
                    n,
                    1,
                    // Both names are the file's text: quoted, so a control
                    // character in them reaches no terminal.
                    format!(
                        "{} closes {}",
                        quote(&format!("END:{}", value.to_ascii_uppercase())),
                        quote(&format!("BEGIN:{open}"))
                    ),
                ));
            }
            None => return Err(at(n, 1, "END with no BEGIN")),
        }
    } else if stack.is_empty() {
        return Err(at(n, 1, format!("{} outside any BEGIN:…END", quote(name))));
    }
    Ok(())
}

/// The colon that ends the parameters: the first one outside quotes.
fn value_colon(line: &str, from: usize) -> Option<usize> {
    let mut quoted = false;
    for (i, b) in line.bytes().enumerate().skip(from) {
        match b {
            b'"' => quoted = !quoted,
            b':' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

fn at(line: usize, col: usize, message: impl Into<String>) -> Problem {
    let mut p = Problem::at("", message);
    p.position = Some((line, col));
    p
}

#[cfg(test)]
mod tests {
    use super::unfold;

    #[test]
    fn folded_lines_join_and_keep_their_first_line() {
        let u = unfold("BEGIN:VCALENDAR\r\nSUMMARY:a\r\n  b\r\n\tc\r\nEND:VCALENDAR\r\n").unwrap();
        assert_eq!(
            u.text,
            "BEGIN:VCALENDAR\r\nSUMMARY:a bc\r\nEND:VCALENDAR\r\n"
        );
        assert_eq!(u.line_of(u.text.find("\nEND").unwrap() + 1), 5);
        assert_eq!(u.line_of(u.text.find("bc").unwrap()), 2);
    }

    #[test]
    fn broken_structure_is_an_error_at_its_line() {
        let p = unfold("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n").unwrap_err();
        assert_eq!(p.position, Some((3, 1)));
        let p = unfold("BEGIN:VCALENDAR\nno colon here\n").unwrap_err();
        assert_eq!(p.position, Some((2, 1)));
        let p = unfold("BEGIN:VCALENDAR\n").unwrap_err();
        assert!(p.message.contains("ends inside"), "{}", p.message);
        let deep = "BEGIN:X\n".repeat(100_000);
        let p = unfold(&deep).unwrap_err();
        assert!(p.message.contains("nested deeper"), "{}", p.message);
    }
}
