//! Text made into ids: lowercase ASCII letters, digits and single dashes.

/// `"Gráinne O'Hara"` → `"grainne-o-hara"`. Latin letters lose their
/// accents; anything else that is not a letter or digit separates words.
/// May be empty (a name in another script): callers choose a fallback.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s.chars() {
        let ascii = c.is_ascii_alphanumeric();
        let folded = if ascii { "" } else { fold(c) };
        if !ascii && folded.is_empty() {
            dash = !out.is_empty();
            continue;
        }
        if dash {
            out.push('-');
            dash = false;
        }
        if ascii {
            out.push(c.to_ascii_lowercase());
        } else {
            out.push_str(folded);
        }
    }
    out
}

/// A non-ASCII letter as lowercase ASCII, or "" for a separator.
fn fold(c: char) -> &'static str {
    match c {
        'à'..='å' | 'À'..='Å' | 'ā' | 'Ā' | 'ą' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' | 'ć' | 'Ć' | 'č' | 'Č' => "c",
        'ď' | 'Ď' | 'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'è'..='ë' | 'È'..='Ë' | 'ē' | 'Ē' | 'ę' | 'Ę' | 'ě' | 'Ě' => "e",
        'ğ' | 'Ğ' => "g",
        'ì'..='ï' | 'Ì'..='Ï' | 'ī' | 'Ī' | 'ı' | 'İ' => "i",
        'ł' | 'Ł' => "l",
        'ñ' | 'Ñ' | 'ń' | 'Ń' | 'ň' | 'Ň' => "n",
        'ò'..='ö' | 'Ò'..='Ö' | 'ø' | 'Ø' | 'ō' | 'Ō' | 'ő' | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ř' | 'Ř' => "r",
        'ś' | 'Ś' | 'š' | 'Š' | 'ş' | 'Ş' => "s",
        'ß' => "ss",
        'ť' | 'Ť' | 'ţ' | 'Ţ' => "t",
        'þ' | 'Þ' => "th",
        'ù'..='ü' | 'Ù'..='Ü' | 'ū' | 'Ū' | 'ů' | 'Ů' | 'ű' | 'Ű' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ź' | 'Ź' | 'ż' | 'Ż' | 'ž' | 'Ž' => "z",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn names_become_ids() {
        assert_eq!(slugify("Gráinne O'Hara"), "grainne-o-hara");
        assert_eq!(slugify("  Zeid Ra'ad Al Hussein "), "zeid-ra-ad-al-hussein");
        assert_eq!(slugify("Jürgen Straße"), "jurgen-strasse");
        assert_eq!(slugify("HD30: Opening Words"), "hd30-opening-words");
        assert_eq!(slugify("李小龍"), "");
        assert_eq!(slugify("--"), "");
    }

    #[test]
    fn slugs_are_valid_ids() {
        for s in ["ÆØÅ æøå", "a\u{1b}[31mb", "Ωmega 9", "x--y"] {
            let slug = slugify(s);
            assert!(
                slug.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{slug}"
            );
            assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
        }
    }
}
