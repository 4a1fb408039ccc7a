//! A line of text being typed, and its cursor, edited as readline users
//! expect: ←/→ (Ctrl-B/F), Home/End (Ctrl-A/E), Backspace, Delete
//! (Ctrl-D), Ctrl-W (the word before the cursor), Ctrl-U (everything
//! before it), Ctrl-K (everything after it).
//!
//! The cursor moves over a character and the combining marks after it as
//! one. What goes in is made safe for the terminal first: no control
//! character, escape sequence, bidi control or invisible character, and
//! line breaks and tabs become spaces (a note is one line).

use crate::sanitize::{Lines, clean};
use unicode_width::UnicodeWidthChar;

/// The most a line holds, in bytes: far beyond a note, small enough that
/// a paste of a whole file cannot make every key slow.
pub const MAX_BYTES: usize = crate::notes::edit::MAX_NOTE_BYTES;

/// A line and its cursor (a byte offset on a character boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    text: String,
    cursor: usize,
}

impl LineEdit {
    /// A line holding `text` (made safe), the cursor at its end.
    pub fn new(text: &str) -> LineEdit {
        let mut line = LineEdit::default();
        line.insert(text);
        line
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, in bytes.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Whether only white space is typed.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Puts `s` in at the cursor, made safe, as far as [`MAX_BYTES`]
    /// allows; the cursor ends after it.
    pub fn insert(&mut self, s: &str) {
        let mut s = clean(s, Lines::Single);
        let room = MAX_BYTES.saturating_sub(self.text.len());
        if s.len() > room {
            let mut cut = room;
            while !s.is_char_boundary(cut) {
                cut -= 1;
            }
            s.truncate(cut);
        }
        self.text.insert_str(self.cursor, &s);
        self.cursor += s.len();
    }

    /// Replaces the bytes `range` with `s` (made safe); the cursor ends
    /// after it.
    pub fn replace(&mut self, range: std::ops::Range<usize>, s: &str) {
        let start = range.start.min(self.text.len());
        let end = range.end.clamp(start, self.text.len());
        if !(self.text.is_char_boundary(start) && self.text.is_char_boundary(end)) {
            return;
        }
        self.text.replace_range(start..end, "");
        self.cursor = start;
        self.insert(s);
    }

    /// One character left.
    pub fn left(&mut self) {
        self.cursor = prev(&self.text, self.cursor);
    }

    /// One character right.
    pub fn right(&mut self) {
        self.cursor = next(&self.text, self.cursor);
    }

    /// To the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }

    /// To the end.
    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        let from = prev(&self.text, self.cursor);
        self.cut(from, self.cursor);
    }

    /// Deletes the character under the cursor.
    pub fn delete(&mut self) {
        let to = next(&self.text, self.cursor);
        self.cut(self.cursor, to);
    }

    /// Deletes the word before the cursor and the spaces after it
    /// (Ctrl-W).
    pub fn delete_word(&mut self) {
        let before = &self.text[..self.cursor];
        let word_end = before.trim_end().len();
        let from = before[..word_end]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        self.cut(from, self.cursor);
    }

    /// Deletes everything before the cursor (Ctrl-U).
    pub fn delete_to_start(&mut self) {
        self.cut(0, self.cursor);
    }

    /// Deletes everything from the cursor on (Ctrl-K).
    pub fn delete_to_end(&mut self) {
        self.cut(self.cursor, self.text.len());
    }

    fn cut(&mut self, from: usize, to: usize) {
        self.text.replace_range(from..to, "");
        self.cursor = from;
    }
}

/// A combining mark, drawn in the cell of the character before it.
fn joins(c: char) -> bool {
    c.width() == Some(0)
}

/// The start of the character (with its marks) before byte `i`.
fn prev(s: &str, i: usize) -> usize {
    let mut chars = s[..i].char_indices().rev();
    for (at, c) in chars.by_ref() {
        if !joins(c) {
            return at;
        }
    }
    0
}

/// The end of the character (with its marks) at byte `i`.
fn next(s: &str, i: usize) -> usize {
    let mut chars = s[i..].char_indices();
    if chars.next().is_none() {
        return i;
    }
    chars
        .find(|&(_, c)| !joins(c))
        .map_or(s.len(), |(at, _)| i + at)
}

#[cfg(test)]
mod tests {
    use super::{LineEdit, MAX_BYTES};

    fn typed(s: &str) -> LineEdit {
        LineEdit::new(s)
    }

    #[test]
    fn moves_and_deletes_by_character_marks_included() {
        let mut l = typed("ne\u{301}x");
        assert_eq!(l.cursor(), l.text().len());
        l.left();
        l.left();
        // Over the e and its combining accent at once.
        assert_eq!(&l.text()[l.cursor()..], "e\u{301}x");
        l.right();
        assert_eq!(&l.text()[l.cursor()..], "x");
        l.backspace();
        assert_eq!(l.text(), "nx");
        l.home();
        l.left();
        assert_eq!(l.cursor(), 0);
        l.delete();
        assert_eq!(l.text(), "x");
        l.end();
        l.right();
        l.delete();
        assert_eq!((l.text(), l.cursor()), ("x", 1));
    }

    #[test]
    fn wide_characters_are_one_step() {
        let mut l = typed("会議");
        l.left();
        assert_eq!(l.cursor(), "会".len());
        l.insert("の");
        assert_eq!(l.text(), "会の議");
    }

    #[test]
    fn ctrl_w_takes_the_word_before_and_ctrl_u_k_the_rest() {
        let mut l = typed("one two  three  ");
        l.delete_word();
        assert_eq!(l.text(), "one two  ");
        l.delete_word();
        assert_eq!(l.text(), "one ");
        l.insert("x y");
        l.left();
        l.left();
        l.delete_to_end();
        assert_eq!(l.text(), "one x");
        l.delete_to_start();
        assert_eq!((l.text(), l.cursor()), ("", 0));
        l.delete_word();
        l.backspace();
        assert_eq!(l.text(), "");
    }

    #[test]
    fn nothing_unsafe_goes_in_and_a_paste_is_one_line() {
        let l = typed("a\x1b[31mb\x07c\u{202e}d\r\ne\tf\u{200b}g");
        assert_eq!(l.text(), "abcd e fg");
        let mut l = typed(&"x".repeat(MAX_BYTES + 10));
        assert_eq!(l.text().len(), MAX_BYTES);
        l.insert("more");
        assert_eq!(l.text().len(), MAX_BYTES);
        let mut l = typed(&"é".repeat(MAX_BYTES));
        assert!(l.text().len() <= MAX_BYTES);
        l.replace(0..2, "@Buck");
        assert!(l.text().starts_with("@B") && l.text().len() <= MAX_BYTES);
    }

    #[test]
    fn replace_puts_the_cursor_after_what_went_in() {
        let mut l = typed("said @Bu now");
        l.replace(5..8, "@Buck");
        assert_eq!((l.text(), l.cursor()), ("said @Buck now", 10));
        // Out of range or inside a character: clamped or left alone.
        l.replace(99..100, "!");
        assert_eq!(l.text(), "said @Buck now!");
        let mut l = typed("é");
        l.replace(1..2, "x");
        assert_eq!(l.text(), "é");
        assert!(typed("  ").is_blank());
        assert!(!typed(" a").is_blank());
    }
}
