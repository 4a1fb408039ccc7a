//! Which sessions are breaks (and openings, closings, panels), decided the
//! same way for every format: from a schedule's event type, or, where a
//! format has no type (iCalendar), from a category or the title.
//!
//! | word (any case, `_` or `-` for spaces, trailing `.` `!` `:` dropped) | kind |
//! |---|---|
//! | `break`, `pause`, `coffee`, `coffee break`, `tea break`, `morning tea`, `afternoon tea`, `morning break`, `afternoon break`, `lunch`, `lunch break`, `refreshments`, `pause café`, `pause déjeuner`, `déjeuner`, `kaffeepause`, `mittagspause` | `break` |
//! | `opening`, `opening ceremony` | `opening` (a type only) |
//! | `closing`, `closing ceremony` | `closing` (a type only) |
//! | `panel`, `panel discussion` | `panel` (a type only) |

use crate::agenda::Kind;

/// The words that name a break, as [`words`] writes them.
const BREAKS: &[&str] = &[
    "break",
    "pause",
    "coffee",
    "coffee break",
    "coffeebreak",
    "tea break",
    "morning tea",
    "afternoon tea",
    "morning break",
    "afternoon break",
    "lunch",
    "lunch break",
    "lunchbreak",
    "refreshments",
    "pause café",
    "pause déjeuner",
    "déjeuner",
    "kaffeepause",
    "mittagspause",
];

/// `s` lowercased, `_` and `-` as spaces, runs of spaces as one, and
/// without the punctuation a title may end with.
pub fn words(s: &str) -> String {
    let spaced: String = s
        .chars()
        .map(|c| match c {
            '_' | '-' => ' ',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    let joined = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    joined
        .trim_end_matches(['.', '!', ':'])
        .trim_end()
        .to_owned()
}

/// The kind an event type means (schedule.json's and schedule.xml's
/// `type`, an iCalendar category).
pub fn of_type(kind: &str) -> Kind {
    let w = words(kind);
    match w.as_str() {
        "opening" | "opening ceremony" => Kind::Opening,
        "closing" | "closing ceremony" => Kind::Closing,
        "panel" | "panel discussion" => Kind::Panel,
        w if BREAKS.contains(&w) => Kind::Break,
        _ => Kind::Other,
    }
}

/// Whether a session's whole title names a break ("Coffee break",
/// "Morning Tea", "Pause"): for formats with no event type.
pub fn title_is_break(title: &str) -> bool {
    BREAKS.contains(&words(title).as_str())
}

#[cfg(test)]
mod tests {
    use super::{of_type, title_is_break};
    use crate::agenda::Kind;

    #[test]
    fn types_name_kinds() {
        assert_eq!(of_type("BREAK"), Kind::Break);
        assert_eq!(of_type("coffee_break"), Kind::Break);
        assert_eq!(of_type("Panel-Discussion"), Kind::Panel);
        assert_eq!(of_type("Talk"), Kind::Other);
    }

    #[test]
    fn only_a_whole_title_names_a_break() {
        for t in [
            "Pause",
            "Coffee Break",
            " morning  tea ",
            "Lunch.",
            "Déjeuner",
        ] {
            assert!(title_is_break(t), "{t}");
        }
        for t in [
            "Breaking builds",
            "Lunch with the board: a panel",
            "Opening",
        ] {
            assert!(!title_is_break(t), "{t}");
        }
    }
}
