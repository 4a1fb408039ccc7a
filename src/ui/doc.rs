//! A pane's lines laid out lazily: short parts as ready lines, long texts
//! wrapped only as far as they are shown. A text given with where its lines
//! start (from a [`Wraps`](super::wraps::Wraps) cache) is counted and
//! entered at any line without wrapping what comes before: a frame of a
//! 64 KB description wraps the lines it shows.

use super::text::{highlight, wrap_with, wrapped_len};
use ratatui::style::Style;
use ratatui::text::Line;
use std::ops::ControlFlow;
use std::sync::Arc;

/// One part of a [`Doc`].
enum Block<'a> {
    /// A line as it is drawn.
    Ready(Line<'static>),
    /// A text wrapped to the doc's width, search matches lit.
    Text {
        text: &'a str,
        base: Style,
        matched: Style,
        /// Where its lines start at the doc's width, when known.
        starts: Option<Arc<[usize]>>,
    },
}

/// Lines of a pane at one width, built only as far as they are needed.
pub struct Doc<'a> {
    blocks: Vec<Block<'a>>,
    width: usize,
    query: &'a str,
}

impl<'a> Doc<'a> {
    /// An empty doc at `width` cells, lighting `query` in its texts.
    pub fn new(width: usize, query: &'a str) -> Self {
        Doc {
            blocks: Vec::new(),
            width,
            query,
        }
    }

    /// Adds a ready line.
    pub fn line(&mut self, line: Line<'static>) {
        self.blocks.push(Block::Ready(line));
    }

    /// Adds ready lines.
    pub fn lines(&mut self, lines: impl IntoIterator<Item = Line<'static>>) {
        self.blocks.extend(lines.into_iter().map(Block::Ready));
    }

    /// Adds `text`, wrapped, in `base` with matches in `matched`.
    pub fn text(&mut self, text: &'a str, base: Style, matched: Style) {
        self.blocks.push(Block::Text {
            text,
            base,
            matched,
            starts: None,
        });
    }

    /// Adds `text` like [`Doc::text`], with `starts`, where its lines start
    /// at this doc's width ([`super::text::line_starts`]).
    pub fn text_at(&mut self, text: &'a str, base: Style, matched: Style, starts: Arc<[usize]>) {
        self.blocks.push(Block::Text {
            text,
            base,
            matched,
            starts: Some(starts),
        });
    }

    /// How many lines it has.
    pub fn len(&self) -> usize {
        self.blocks
            .iter()
            .map(|b| match b {
                Block::Ready(_) => 1,
                Block::Text {
                    starts: Some(starts),
                    ..
                } => starts.len(),
                Block::Text { text, .. } => wrapped_len(text, self.width),
            })
            .sum()
    }

    /// Whether it has no line.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// How many lines it has, counting no further than `cap`.
    pub fn len_up_to(&self, cap: usize) -> usize {
        let mut n = 0;
        for b in &self.blocks {
            if n >= cap {
                break;
            }
            match b {
                Block::Ready(_) => n += 1,
                Block::Text {
                    starts: Some(starts),
                    ..
                } => n += starts.len(),
                Block::Text { text, .. } => {
                    let _ = wrap_with(text, self.width, |_, _| {
                        n += 1;
                        if n >= cap {
                            ControlFlow::Break(())
                        } else {
                            ControlFlow::Continue(())
                        }
                    });
                }
            }
        }
        n.min(cap)
    }

    /// Lines `from..from + count` (fewer at the end), built.
    pub fn window(&self, from: usize, count: usize) -> Vec<Line<'static>> {
        let end = from.saturating_add(count);
        let mut out = Vec::new();
        let mut at = 0;
        for b in &self.blocks {
            if at >= end {
                break;
            }
            match b {
                Block::Ready(line) => {
                    if at >= from {
                        out.push(line.clone());
                    }
                    at += 1;
                }
                Block::Text {
                    text,
                    base,
                    matched,
                    starts,
                } => {
                    // With its line starts known, lines before the window
                    // are stepped over, not wrapped.
                    let mut text: &str = text;
                    if let Some(starts) = starts {
                        if at + starts.len() <= from {
                            at += starts.len();
                            continue;
                        }
                        let skip = from.saturating_sub(at);
                        if let Some(rest) = starts.get(skip).and_then(|&b| text.get(b..)) {
                            text = rest;
                            at += skip;
                        }
                    }
                    let _ = wrap_with(text, self.width, |l, _| {
                        if at >= from {
                            out.push(Line::from(highlight(l, self.query, *base, *matched)));
                        }
                        at += 1;
                        if at >= end {
                            ControlFlow::Break(())
                        } else {
                            ControlFlow::Continue(())
                        }
                    });
                }
            }
        }
        out
    }

    /// Every line, built.
    pub fn all(&self) -> Vec<Line<'static>> {
        self.window(0, usize::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::Doc;
    use crate::ui::text::wrap;
    use ratatui::style::Style;
    use ratatui::text::Line;

    fn plain(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_window_is_the_same_lines_as_the_whole() {
        let text = "the quick brown fox jumps over the lazy dog ".repeat(20);
        let mut d = Doc::new(13, "");
        d.line(Line::from("title"));
        d.text(&text, Style::new(), Style::new());
        d.line(Line::from("end"));
        let all = plain(&d.all());
        assert_eq!(all.len(), d.len());
        assert_eq!(all.len(), 2 + wrap(&text, 13).len());
        for from in [0, 1, 5, all.len() - 2, all.len()] {
            assert_eq!(
                plain(&d.window(from, 3)),
                all[from..(from + 3).min(all.len())]
            );
        }
        assert_eq!(d.len_up_to(4), 4);
        assert_eq!(d.len_up_to(10_000), d.len());
        // The same with the text's line starts given.
        let mut e = Doc::new(13, "");
        e.line(Line::from("title"));
        let starts = crate::ui::text::line_starts(&text, 13);
        e.text_at(&text, Style::new(), Style::new(), starts.into());
        e.line(Line::from("end"));
        assert_eq!(e.len(), d.len());
        assert_eq!(plain(&e.all()), all);
        for from in [0, 1, 5, all.len() - 2, all.len()] {
            assert_eq!(plain(&e.window(from, 3)), plain(&d.window(from, 3)));
        }
        assert_eq!(e.len_up_to(4), 4);
    }

    #[test]
    fn one_unbroken_word_is_cut_into_lines_only_as_far_as_shown() {
        let word = "y".repeat(65_536);
        let mut d = Doc::new(100, "");
        d.text(&word, Style::new(), Style::new());
        assert_eq!(d.len(), 656);
        let w = d.window(655, 10);
        assert_eq!(plain(&w), ["y".repeat(36)]);
    }
}
