//! Untrusted text made safe for a terminal.
//!
//! Every string read from an agenda goes through [`clean`] once, at load, so
//! nothing later has to think about it: no control character, escape sequence
//! or bidi control from a file can reach the terminal, and no invisible
//! character ([`is_invisible`]) whose width terminals disagree on, so the
//! width dais computes is the width a terminal draws.

/// Whether a piece of text may keep its line breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// A title, a name, an id: line breaks become spaces.
    Single,
    /// A description or paragraph: line breaks survive as `\n`.
    Multi,
}

use std::borrow::Cow;

const ESC: char = '\u{1b}';
const BEL: char = '\u{07}';

/// Returns `s` without control characters, escape sequences, bidi controls
/// or invisible characters ([`is_invisible`]).
///
/// Whole escape sequences are removed, not just their ESC byte: CSI
/// (`ESC [` or U+009B), OSC (`ESC ]` or U+009D, ended by BEL or ST), DCS, SOS,
/// PM and APC strings (ended by ST), and two-byte escapes. Tabs become a
/// space; `\r\n` and lone `\r` become a line break, which survives only with
/// [`Lines::Multi`] and is otherwise a space.
pub fn clean(s: &str, lines: Lines) -> String {
    // Fast path: most text needs nothing done, and load time matters.
    if is_all_plain(s) {
        return s.to_owned();
    }
    strip(s, lines)
}

/// [`clean`] for a string the caller owns: returned as it is, without a
/// copy, when there is nothing to remove.
pub fn clean_owned(s: String, lines: Lines) -> String {
    if is_all_plain(&s) {
        s
    } else {
        strip(&s, lines)
    }
}

/// [`clean`] that borrows `s` when there is nothing to remove.
pub fn clean_cow(s: &str, lines: Lines) -> Cow<'_, str> {
    if is_all_plain(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(strip(s, lines))
    }
}

fn strip(s: &str, lines: Lines) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ESC => match chars.next() {
                Some('[') => skip_csi(&mut chars),
                Some(']' | 'P' | 'X' | '^' | '_') => skip_string(&mut chars),
                // nF escapes: intermediates then one final byte.
                Some(' '..='/') => {
                    while chars.next_if(|c| (' '..='/').contains(c)).is_some() {}
                    chars.next();
                }
                // Fp, Fe, Fs: a single final byte (or a lone ESC at the end).
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\t' => out.push(' '),
            '\r' => {
                chars.next_if_eq(&'\n');
                push_break(&mut out, lines);
            }
            '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' => push_break(&mut out, lines),
            c if is_unsafe(c) || is_invisible(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn push_break(out: &mut String, lines: Lines) {
    out.push(match lines {
        Lines::Single => ' ',
        Lines::Multi => '\n',
    });
}

/// Skips the parameter and intermediate bytes and the final byte of a CSI.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) || !(' '..='\u{7e}').contains(&c) {
            // A final byte ends it; so does anything that cannot be part of
            // one, which is dropped with it rather than let through.
            break;
        }
    }
}

/// Skips a control string up to and including its terminator (BEL or ST).
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            BEL | '\u{9c}' => break,
            ESC if chars.peek() == Some(&'\\') => {
                chars.next();
                break;
            }
            _ => {}
        }
    }
}

/// Bytes that start (or are) a character [`is_plain`] refuses: C0 controls,
/// DEL, and the lead bytes of the C1 controls (U+0080–U+009F) and soft
/// hyphen, U+034F, U+061C, U+115F…U+180F, U+200B…U+206F, U+3164, U+FE00…
/// U+FFF8 (with the BOM), U+1BCA0…U+1D17A and U+E0000…U+E0FFF.
const SUSPECT: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[0x7f] = true;
    t[0xc2] = true;
    t[0xcd] = true;
    t[0xd8] = true;
    t[0xe1] = true;
    t[0xe2] = true;
    t[0xe3] = true;
    t[0xef] = true;
    t[0xf0] = true;
    t[0xf3] = true;
    t
};

/// Whether every character of `s` is plain; a look at the bytes settles
/// it for most text, the characters are decoded only when a byte is
/// suspect.
fn is_all_plain(s: &str) -> bool {
    let mut words = s.as_bytes().chunks_exact(8);
    let suspect = words.by_ref().any(|w| {
        let mut word = [0; 8];
        word.copy_from_slice(w);
        is_suspect(word)
    }) || words.remainder().iter().any(|&b| SUSPECT[usize::from(b)]);
    !suspect || s.chars().all(is_plain)
}

/// Whether any of eight bytes is [`SUSPECT`]: for ASCII, a control or DEL,
/// found eight at a time; other bytes are looked up one by one.
fn is_suspect(word: [u8; 8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let w = u64::from_le_bytes(word);
    if w & HIGHS != 0 {
        return word.iter().any(|&b| SUSPECT[usize::from(b)]);
    }
    // With every byte below 0x80, a byte below 0x20 (or equal to 0x7f
    // once flipped to zero) sets its high bit here, and only then does
    // any byte's: a borrow comes only from a byte that is itself found.
    let del = w ^ (ONES * 0x7f);
    let found = (w.wrapping_sub(ONES * 0x20) & !w) | (del.wrapping_sub(ONES) & !del);
    found & HIGHS != 0
}

fn is_plain(c: char) -> bool {
    !(c.is_control() || is_unsafe(c) || is_invisible(c) || matches!(c, '\u{2028}' | '\u{2029}'))
}

/// Whether `c` may be written to a terminal as it is: not [`is_unsafe`]
/// and not [`is_invisible`]. Messages escape any other character.
pub fn is_shown(c: char) -> bool {
    !(is_unsafe(c) || is_invisible(c))
}

/// Unicode's default-ignorable characters (DerivedCoreProperties.txt)
/// that [`is_unsafe`] does not already cover: the soft hyphen, zero-width
/// space and joiners, word joiner and invisible operators, variation
/// selectors, Hangul fillers, tag characters and the like. Terminals
/// disagree on their width (a soft hyphen is drawn by some and not
/// others; a joiner or variation selector makes some draw an emoji
/// sequence as one wide glyph and others as several), so they are
/// removed rather than guessed at.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{034f}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200d}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fff8}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// Characters never to be written to a terminal: every C0 and C1 control,
/// DEL, the bidi embeddings, overrides, isolates and marks, and the BOM.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200e}'
                | '\u{200f}'
                | '\u{061c}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// A string from the user (an argument, a file name) as a message shows
/// it: as given, unless it holds something a terminal would act on or
/// draw at a width of its own choosing, then [`quote`]d.
pub fn echoed(s: &str) -> String {
    if s.chars().all(is_shown) {
        s.to_owned()
    } else {
        quote(s)
    }
}

/// A string as a JSON string literal with everything unprintable escaped
/// (`\u001b` rather than an ESC byte), safe to print anywhere.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars().take(200) {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if !is_shown(c) => {
                use std::fmt::Write;
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    if s.chars().nth(200).is_some() {
        out.push('…');
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::{Lines, clean, clean_cow, clean_owned, is_all_plain, is_plain, is_unsafe};
    use proptest::prelude::*;

    #[test]
    fn plain_text_is_untouched() {
        let s = "Withelma “T” Ortiz Walker Pettigrew — Zeid Ra'ad Al Hussein, 日本語";
        assert_eq!(clean(s, Lines::Single), s);
    }

    #[test]
    fn csi_sequences_are_removed_whole() {
        assert_eq!(
            clean("a\u{1b}[31;1mred\u{1b}[0m b", Lines::Single),
            "ared b"
        );
        assert_eq!(clean("x\u{1b}[2J\u{1b}[Hy", Lines::Single), "xy");
        assert_eq!(clean("x\u{9b}31my", Lines::Single), "xy");
    }

    #[test]
    fn osc_and_dcs_strings_are_removed_whole() {
        let title = "a\u{1b}]0;pwned\u{7}b";
        assert_eq!(clean(title, Lines::Single), "ab");
        let link = "\u{1b}]8;;http://evil\u{1b}\\click\u{1b}]8;;\u{1b}\\";
        assert_eq!(clean(link, Lines::Single), "click");
        assert_eq!(clean("a\u{1b}Pq#0;2;0;0;0\u{1b}\\b", Lines::Single), "ab");
        assert_eq!(clean("a\u{9d}0;t\u{9c}b", Lines::Single), "ab");
    }

    #[test]
    fn short_escapes_and_lone_esc_are_removed() {
        assert_eq!(clean("a\u{1b}cb", Lines::Single), "ab");
        assert_eq!(clean("a\u{1b}(Bb", Lines::Single), "ab");
        assert_eq!(clean("ab\u{1b}", Lines::Single), "ab");
    }

    #[test]
    fn controls_and_bidi_are_removed() {
        assert_eq!(clean("a\u{7}\u{8}\u{7f}\u{85}b", Lines::Single), "a b");
        assert_eq!(clean("abc\u{202e}fed\u{202c}", Lines::Single), "abcfed");
        assert_eq!(clean("\u{2067}x\u{2069}\u{feff}", Lines::Single), "x");
    }

    #[test]
    fn invisible_characters_are_removed() {
        let s = "soft\u{ad}hyphen \u{1f44d}\u{1f3fd}\u{200d}\u{2764}\u{fe0f} \u{1f3f4}\u{e0067}\u{e0062}\u{e007f}\u{200b}\u{2060}x\u{e0100}";
        assert_eq!(
            clean(s, Lines::Single),
            "softhyphen \u{1f44d}\u{1f3fd}\u{2764} \u{1f3f4}x"
        );
        assert!(!super::is_shown('\u{ad}') && super::is_shown('é'));
    }

    #[test]
    fn tabs_and_line_breaks() {
        assert_eq!(clean("a\tb", Lines::Single), "a b");
        assert_eq!(clean("a\r\nb\rc\nd", Lines::Single), "a b c d");
        assert_eq!(clean("a\r\nb\rc\nd", Lines::Multi), "a\nb\nc\nd");
    }

    #[test]
    fn an_owned_string_comes_back_cleaned_the_same() {
        for s in ["plain", "a\u{1b}[1mb", "\u{202e}x", "日本\u{85}", "a\r\nb"] {
            for lines in [Lines::Single, Lines::Multi] {
                assert_eq!(clean_owned(s.to_owned(), lines), clean(s, lines));
                assert_eq!(clean_cow(s, lines), clean(s, lines));
            }
        }
    }

    #[test]
    fn the_word_check_agrees_with_the_table() {
        let table = |w: [u8; 8]| w.iter().any(|&b| super::SUSPECT[usize::from(b)]);
        for b in 0..=255u8 {
            for fill in [b' ', b'a', 0, 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0xc2, 0xff] {
                for place in 0..8 {
                    let mut w = [fill; 8];
                    w[place] = b;
                    assert_eq!(super::is_suspect(w), table(w), "{w:?}");
                }
            }
        }
    }

    #[test]
    fn the_byte_check_knows_every_character() {
        let mut buf = [0; 4];
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            assert_eq!(is_all_plain(s), is_plain(c), "{c:?}");
        }
    }

    proptest! {
        #[test]
        fn any_word_is_checked_like_its_bytes(w in any::<[u8; 8]>()) {
            let table = w.iter().any(|&b| super::SUSPECT[usize::from(b)]);
            prop_assert_eq!(super::is_suspect(w), table);
        }

        #[test]
        fn the_byte_check_agrees_with_the_characters(s in any::<String>()) {
            prop_assert_eq!(is_all_plain(&s), s.chars().all(is_plain));
        }

        #[test]
        fn nothing_unsafe_survives(s in any::<String>()) {
            for lines in [Lines::Single, Lines::Multi] {
                let out = clean(&s, lines);
                prop_assert!(
                    out.chars().all(|c| super::is_shown(c) || (c == '\n' && lines == Lines::Multi)),
                    "{out:?}"
                );
            }
        }

        #[test]
        fn escape_heavy_input_comes_out_safe(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("\u{1b}".to_owned()), Just("[".to_owned()), Just("]".to_owned()),
                    Just("\u{9b}".to_owned()), Just("\u{7}".to_owned()), Just("\\".to_owned()),
                    Just("\u{202e}".to_owned()), Just("\n".to_owned()), "[ -~]{0,3}",
                ],
                0..40,
            )
        ) {
            let out = clean(&parts.concat(), Lines::Single);
            prop_assert!(out.chars().all(|c| !is_unsafe(c)), "{out:?}");
        }
    }
}
