//! The file's bytes, read a piece at a time and checked as UTF-8 as they
//! come, for the reader in `stream.rs`.

use super::GaveUp;
use crate::load::base::json::scan::{Resume, is_space, value_end_from};
use std::io::Read;

/// The file's bytes, read a piece at a time; what is before `at` is
/// dropped when more is read, unless `hold`.
pub(super) struct Feed<R> {
    pub(super) from: R,
    /// The text read and not yet dropped.
    pub(super) buf: String,
    /// Bytes read after the last whole character.
    pub(super) tail: Vec<u8>,
    pub(super) at: usize,
    pub(super) hold: bool,
    pub(super) eof: bool,
    /// Bytes the file may still hold within its cap.
    pub(super) left: u64,
    /// The file's size when opened.
    pub(super) len: u64,
    /// Bytes dropped from the front of `buf` so far.
    pub(super) done: u64,
    /// Bytes read at a time (more when one value is longer).
    pub(super) piece: usize,
}

impl<R: Read> Feed<R> {
    /// Reads more; false at the end of the file.
    pub(super) fn more(&mut self) -> Result<bool, GaveUp> {
        if self.eof {
            return Ok(false);
        }
        if !self.hold {
            self.drop_read();
        }
        // As much again as is held, so a long value is scanned a bounded
        // number of times.
        let want = self.piece.max(self.buf.len() - self.at) as u64;
        let got = (&mut self.from)
            .take(want)
            .read_to_end(&mut self.tail)
            .map_err(|_| GaveUp)?;
        self.left = self.left.checked_sub(got as u64).ok_or(GaveUp)?;
        self.eof = got == 0;
        // The text is checked once, as it comes; a character cut at the
        // end of what was read waits for the rest of it.
        match simdutf8::compat::from_utf8(&self.tail) {
            Ok(text) => {
                self.buf.push_str(text);
                self.tail.clear();
            }
            Err(e) if e.error_len().is_none() && !self.eof => {
                let whole = e.valid_up_to();
                let text = simdutf8::basic::from_utf8(&self.tail[..whole]).map_err(|_| GaveUp)?;
                self.buf.push_str(text);
                self.tail.drain(..whole);
            }
            Err(_) => return Err(GaveUp),
        }
        Ok(got > 0)
    }

    /// Drops what was read.
    pub(super) fn drop_read(&mut self) {
        self.buf.drain(..self.at);
        self.done += self.at as u64;
        self.at = 0;
    }

    /// Where in the file `at` is.
    pub(super) fn offset(&self) -> u64 {
        self.done + self.at as u64
    }

    /// The next byte that is not whitespace (passed over), if any.
    pub(super) fn peek(&mut self) -> Result<Option<u8>, GaveUp> {
        loop {
            while let Some(&b) = self.buf.as_bytes().get(self.at) {
                if !is_space(b) {
                    return Ok(Some(b));
                }
                self.at += 1;
            }
            if !self.more()? {
                return Ok(None);
            }
        }
    }

    /// Passes over `b`, the next byte that is not whitespace.
    pub(super) fn expect(&mut self, b: u8) -> Result<(), GaveUp> {
        if self.peek()? != Some(b) {
            return Err(GaveUp);
        }
        self.at += 1;
        Ok(())
    }

    /// The next value (after whitespace), passed over: where it lies in
    /// `buf`.
    pub(super) fn value(&mut self) -> Result<std::ops::Range<usize>, GaveUp> {
        self.peek()?;
        // Relative to `at`, which reading more leaves at the value's start.
        let mut resume = Resume::default();
        loop {
            match value_end_from(&self.buf.as_bytes()[self.at..], resume) {
                Ok(0) => return Err(GaveUp),
                Ok(n) => {
                    let range = self.at..self.at + n;
                    self.at += n;
                    return Ok(range);
                }
                Err(r) => resume = r,
            }
            if !self.more()? {
                return Err(GaveUp);
            }
        }
    }
}
