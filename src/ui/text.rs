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
    let _ = wrap_with(s, max, |l| {
        lines.push(l.to_owned());
        ControlFlow::Continue(())
    });
    lines
}

/// How many lines [`wrap`] makes of `s`, without keeping them.
pub fn wrapped_len(s: &str, max: usize) -> usize {
    let mut n = 0;
    let _ = wrap_with(s, max, |_| {
        n += 1;
        ControlFlow::Continue(())
    });
    n
}

/// Calls `f` with each line [`wrap`] makes of `s`, in order, until `f`
/// breaks: a caller that needs some lines, or only their number, builds
/// no more than that.
pub fn wrap_with(
    s: &str,
    max: usize,
    mut f: impl FnMut(&str) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let max = max.max(1);
    let mut line = String::new();
    for para in s.split('\n') {
        line.clear();
        let mut used = 0;
        for word in para.split_whitespace() {
            let w = width(word);
            if used > 0 && used + 1 + w <= max {
                line.push(' ');
                line.push_str(word);
                used += 1 + w;
                continue;
            }
            if used > 0 {
                f(&line)?;
                line.clear();
                used = 0;
            }
            if w <= max {
                line.push_str(word);
                used = w;
                continue;
            }
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > max && used > 0 {
                    f(&line)?;
                    line.clear();
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
        }
        f(&line)?;
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
    use super::{highlight, truncate, width, wrap};
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
}
