//! Fitting text into cells: display width, truncation, wrapping and
//! search highlights.

use crate::app::search::find_all;
use ratatui::style::Style;
use ratatui::text::Span;
use std::ops::ControlFlow;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width in terminal cells.
pub fn width(s: &str) -> usize {
    s.width()
}

/// Display width of spans laid end to end.
pub fn spans_width(spans: &[Span<'_>]) -> usize {
    spans.iter().map(|s| width(&s.content)).sum()
}

/// `s` cut to at most `max` cells, ending in "…" when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// `s` wrapped at word boundaries to lines of at most `max` cells; words
/// longer than a line are broken. Line breaks in `s` start new lines.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let _ = wrap_with(s, max, |l, _| {
        lines.push(l.to_owned());
        ControlFlow::Continue(())
    });
    lines
}

/// How many lines [`wrap`] makes of `s`, without keeping them.
pub fn wrapped_len(s: &str, max: usize) -> usize {
    let mut n = 0;
    let _ = wrap_with(s, max, |_, _| {
        n += 1;
        ControlFlow::Continue(())
    });
    n
}

/// Where each line [`wrap`] makes of `s` starts, as a byte offset into `s`.
/// Wrapping `&s[start..]` gives the lines from that one on, the same as
/// wrapping the whole: a pane can lay out from any line of a long text.
pub fn line_starts(s: &str, max: usize) -> Vec<usize> {
    let mut starts = Vec::new();
    let _ = wrap_with(s, max, |_, start| {
        starts.push(start);
        ControlFlow::Continue(())
    });
    starts
}

thread_local! {
    static WRAPPED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many lines this thread has wrapped so far, counted or built: the
/// measure of layout work that tests and benches assert on (a frame of a
/// 64 KB text should wrap what it shows, not the whole text).
pub fn lines_wrapped() -> u64 {
    WRAPPED.with(std::cell::Cell::get)
}

/// Calls `f` with each line [`wrap`] makes of `s`, in order, with the byte
/// offset in `s` where the line starts, until `f` breaks: a caller that
/// needs some lines, or only their number, builds no more than that.
pub fn wrap_with(
    s: &str,
    max: usize,
    mut f: impl FnMut(&str, usize) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let max = max.max(1);
    let mut line = String::new();
    let mut emit = |line: &str, start: usize| {
        WRAPPED.with(|n| n.set(n.get() + 1));
        f(line, start)
    };
    // Where the text's pieces lie in `s` (they are slices of it).
    let offset = |piece: &str| piece.as_ptr() as usize - s.as_ptr() as usize;
    for para in s.split('\n') {
        line.clear();
        let mut used = 0;
        let mut start = offset(para);
        for word in para.split_whitespace() {
            let w = width(word);
            if used > 0 && used + 1 + w <= max {
                line.push(' ');
                line.push_str(word);
                used += 1 + w;
                continue;
            }
            if used > 0 {
                emit(&line, start)?;
                line.clear();
                used = 0;
            }
            if line.is_empty() {
                start = offset(word);
            }
            if w <= max {
                line.push_str(word);
                used = w;
                continue;
            }
            for (at, c) in word.char_indices() {
                let cw = c.width().unwrap_or(0);
                if used + cw > max && used > 0 {
                    emit(&line, start)?;
                    line.clear();
                    used = 0;
                }
                if line.is_empty() {
                    start = offset(word) + at;
                }
                line.push(c);
                used += cw;
            }
        }
        emit(&line, start)?;
    }
    ControlFlow::Continue(())
}

/// `text` as spans in `base`, with every occurrence of `query` (ignoring
/// case) in `matched`.
pub fn highlight(text: &str, query: &str, base: Style, matched: Style) -> Vec<Span<'static>> {
    let ranges = if query.is_empty() {
        Vec::new()
    } else {
        find_all(text, query)
    };
    let mut spans = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for r in ranges {
        if r.start > at {
            spans.push(Span::styled(text[at..r.start].to_owned(), base));
        }
        spans.push(Span::styled(
            text[r.clone()].to_owned(),
            base.patch(matched),
        ));
        at = r.end;
    }
    if at < text.len() || spans.is_empty() {
        spans.push(Span::styled(text[at..].to_owned(), base));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::{highlight, line_starts, truncate, width, wrap};
    use proptest::prelude::*;
    use ratatui::style::Style;

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("Panel 1: A Human", 8), "Panel 1…");
        assert_eq!(truncate("short", 8), "short");
        assert_eq!(truncate("日本語テキスト", 5), "日本…");
        assert_eq!(truncate("abc", 0), "");
        assert!(width(&truncate("日本語テキスト", 6)) <= 6);
    }

    #[test]
    fn wraps_words_and_breaks_long_ones() {
        assert_eq!(wrap("the quick brown fox", 9), ["the quick", "brown fox"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(wrap("", 10), [""]);
        for line in wrap("Ms. Withelma “T” Ortiz Walker Pettigrew 日本語テキスト", 7) {
            assert!(width(&line) <= 7, "{line}");
        }
    }

    #[test]
    fn highlights_matches() {
        let spans = highlight("Panel 2 panel", "panel", Style::new(), Style::new().bold());
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, ["Panel", " 2 ", "panel"]);
        assert_eq!(spans[0].style, Style::new().bold());
        assert_eq!(spans[1].style, Style::new());
    }

    proptest! {
        #[test]
        fn wrapping_from_any_line_start_gives_the_rest(
            s in "([a-c]{1,9}|[ \n]|日|\u{200b}){0,40}",
            max in 1usize..8,
        ) {
            let all = wrap(&s, max);
            let starts = line_starts(&s, max);
            prop_assert_eq!(starts.len(), all.len());
            for (i, &start) in starts.iter().enumerate() {
                prop_assert_eq!(&wrap(&s[start..], max), &all[i..].to_vec(), "line {}", i);
            }
        }
    }
}
