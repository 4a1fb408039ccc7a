//! How schedule.json's vocabularies read in dais: event types as kinds,
//! participant roles as roles, and translated text as one language.
//!
//! | schedule.json | dais |
//! |---|---|
//! | type `break`, `pause`, `lunch`, `coffee break`, … (`load::base::kind`) | kind `break` |
//! | type `opening`, `closing`, `panel` (any case, `_` or `-` for spaces) | that kind |
//! | any other type | kind `other`, the type shown as a note ("Lightning talk") |
//! | role `SPEAKER`, none, or `persons` (version 1) | `speaker` |
//! | role `MODERATOR` | `moderator` |
//! | role `HOST`, `CHAIR` | `chair` |
//! | role `PANELIST`, `PANELLIST` | `panellist` |
//! | role `CONTRIBUTOR`, `GUEST` | `speaker`, with the capacity "contributor" / "guest" |
//! | any other role | `speaker`, with the role as the capacity, and a warning |

use super::raw::Localized;
use crate::agenda::{Kind, Role};
use crate::load::base::kind;
use crate::load::base::lax::Lax;

/// The type's words, lowercased, with `_` and `-` as spaces.
fn words(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '_' | '-' => ' ',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// The kind an event type means: the rule every format shares.
pub fn kind_of(kind: &str) -> Kind {
    kind::of_type(kind)
}

/// The type as a note to show, when the kind does not already say it:
/// `LIGHTNING_TALK` → "Lightning talk", `Workshop` as written.
pub fn type_note(kind: &str) -> Option<String> {
    let w = words(kind);
    if kind_of(kind) != Kind::Other || matches!(w.as_str(), "" | "other" | "meta") {
        return None;
    }
    let shouting = kind.chars().any(char::is_alphabetic) && !kind.chars().any(char::is_lowercase);
    if !shouting {
        return Some(kind.trim().to_owned());
    }
    let lower: String = kind
        .trim()
        .chars()
        .map(|c| {
            if c == '_' {
                ' '
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
}

/// The role a schedule role word means, and the word to keep as the
/// capacity where dais has no such role; `None` for a word not in the
/// schemas.
pub fn role_of(word: &str) -> Option<(Role, Option<&'static str>)> {
    Some(match words(word).as_str() {
        "" | "speaker" => (Role::Speaker, None),
        "moderator" => (Role::Moderator, None),
        "host" | "chair" => (Role::Chair, None),
        "panelist" | "panellist" => (Role::Panellist, None),
        "contributor" => (Role::Speaker, Some("contributor")),
        "guest" => (Role::Speaker, Some("guest")),
        _ => return None,
    })
}

/// The text in `language`, else English, else the first language given.
pub fn pick<'a>(text: &'a Localized, language: Option<&str>) -> Option<&'a str> {
    match text {
        Localized::Text(s) => Some(s),
        Localized::ByLanguage(map) => {
            let get = |lang: &str| {
                map.0
                    .iter()
                    .find(|(k, _)| k == lang)
                    .and_then(|(_, v)| v.ok())
            };
            language
                .and_then(get)
                .or_else(|| get("en"))
                .or_else(|| map.0.iter().find_map(|(_, v)| Lax::ok(v)))
                .map(String::as_str)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{kind_of, pick, role_of, type_note};
    use crate::agenda::{Kind, Role};

    #[test]
    fn types_become_kinds_and_notes() {
        assert_eq!(kind_of("BREAK"), Kind::Break);
        assert_eq!(kind_of("Panel-Discussion"), Kind::Panel);
        assert_eq!(kind_of("Talk"), Kind::Other);
        assert_eq!(type_note("Talk").as_deref(), Some("Talk"));
        assert_eq!(
            type_note("LIGHTNING_TALK").as_deref(),
            Some("Lightning talk")
        );
        assert_eq!(type_note("HANDS-ON").as_deref(), Some("Hands-on"));
        assert_eq!(type_note("OTHER"), None);
        assert_eq!(type_note("break"), None);
    }

    #[test]
    fn roles_map_or_are_unknown() {
        assert_eq!(role_of("SPEAKER"), Some((Role::Speaker, None)));
        assert_eq!(role_of("HOST"), Some((Role::Chair, None)));
        assert_eq!(
            role_of("CONTRIBUTOR"),
            Some((Role::Speaker, Some("contributor")))
        );
        assert_eq!(role_of("translator"), None);
    }

    #[test]
    fn translations_prefer_the_default_language() {
        let t: super::Localized =
            serde_json::from_str(r#"{"de": "Bühne", "en": "Stage"}"#).unwrap();
        assert_eq!(pick(&t, Some("de")), Some("Bühne"));
        assert_eq!(pick(&t, Some("fr")), Some("Stage"));
        assert_eq!(pick(&t, None), Some("Stage"));
    }
}
