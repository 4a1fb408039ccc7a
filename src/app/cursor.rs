//! A selection in a list with a scrolled window onto it.

/// A selected index and the first visible one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cursor {
    /// The selected item.
    pub selected: usize,
    /// The first item shown.
    pub top: usize,
}

impl Cursor {
    /// Moves the selection by `delta` within `len` items, keeping it in a
    /// window of `height` rows.
    pub fn step(&mut self, delta: isize, len: usize, height: usize) {
        if len == 0 {
            *self = Cursor::default();
            return;
        }
        self.selected = self.selected.saturating_add_signed(delta).min(len - 1);
        self.reveal(height);
    }

    /// Selects `i` (clamped) and scrolls to show it.
    pub fn select(&mut self, i: usize, len: usize, height: usize) {
        self.selected = i.min(len.saturating_sub(1));
        self.reveal(height);
    }

    /// Scrolls the least needed for the selection to be visible.
    pub fn reveal(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + height {
            self.top = self.selected + 1 - height;
        }
    }
}

/// Scrolls a text of `lines` lines in a window of `height` by `delta`,
/// never past its end.
pub fn scroll(offset: usize, delta: isize, lines: usize, height: usize) -> usize {
    offset
        .saturating_add_signed(delta)
        .min(lines.saturating_sub(height.max(1)))
}

#[cfg(test)]
mod tests {
    use super::{Cursor, scroll};

    #[test]
    fn steps_stay_in_range_and_in_view() {
        let mut c = Cursor::default();
        c.step(-1, 10, 4);
        assert_eq!(
            c,
            Cursor {
                selected: 0,
                top: 0
            }
        );
        c.step(5, 10, 4);
        assert_eq!(
            c,
            Cursor {
                selected: 5,
                top: 2
            }
        );
        c.step(100, 10, 4);
        assert_eq!(
            c,
            Cursor {
                selected: 9,
                top: 6
            }
        );
        c.step(-8, 10, 4);
        assert_eq!(
            c,
            Cursor {
                selected: 1,
                top: 1
            }
        );
        c.step(1, 0, 4);
        assert_eq!(c, Cursor::default());
    }

    #[test]
    fn text_scroll_stops_at_the_end() {
        assert_eq!(scroll(0, 3, 10, 4), 3);
        assert_eq!(scroll(5, 10, 10, 4), 6);
        assert_eq!(scroll(2, -5, 10, 4), 0);
        assert_eq!(scroll(0, 1, 3, 4), 0);
    }
}
