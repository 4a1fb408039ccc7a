//! HTML in descriptions as text: Indico writes its descriptions in HTML,
//! and FOSDEM's schedule.xml its abstracts (escaped into the XML).

/// Whether `s` reads as HTML markup rather than text that happens to hold
/// a `<`: it has a paragraph, line break, list item, link or division tag,
/// or closes an emphasis or span (KOLT 2020's calendar: `<i>die</i>`).
pub fn looks_like(s: &str) -> bool {
    if !s.contains('<') {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    [
        "<p>",
        "</p>",
        "<br>",
        "<br/>",
        "<br />",
        "</li>",
        "</a>",
        "</div>",
        "</i>",
        "</b>",
        "</em>",
        "</strong>",
        "</span>",
    ]
    .iter()
    .any(|tag| lower.contains(tag))
}

/// The text of HTML `s`: tags dropped, paragraphs and line breaks kept, at
/// most one blank line between paragraphs, the common named entities and
/// every numeric character reference decoded.
pub fn to_text(s: &str) -> String {
    if !s.contains('<') && !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let Some(j) = rest[i..].find('>') else {
            rest = "";
            break;
        };
        let tag = rest[i + 1..i + j]
            .trim_start_matches('/')
            .to_ascii_lowercase();
        let name: String = tag
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        match name.as_str() {
            "br" => out.push('\n'),
            "p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "tr" | "ul" | "ol" => {
                out.push_str("\n\n");
            }
            _ => {}
        }
        rest = &rest[i + j + 1..];
    }
    out.push_str(rest);
    let out = entities(&out);
    // At most one blank line between paragraphs.
    let mut lines: Vec<&str> = Vec::new();
    for line in out.lines().map(str::trim_end) {
        if line.trim().is_empty() && lines.last().is_none_or(|l| l.trim().is_empty()) {
            continue;
        }
        lines.push(line);
    }
    lines.join("\n").trim().to_owned()
}

/// `s` with `&nbsp; &lt; &gt; &quot; &apos; &amp;` and `&#N;` / `&#xN;`
/// decoded (one pass: `&amp;lt;` is `&lt;`); anything else kept as written.
fn entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..]
            .find(|c: char| c == ';' || c == '&' || c.is_whitespace())
            .map(|k| k + 1)
            .filter(|&k| rest.as_bytes()[k] == b';' && k <= 10);
        let decoded = end.and_then(|k| {
            let name = &rest[1..k];
            let c = match name {
                "nbsp" => ' ',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "amp" => '&',
                _ => {
                    let n = name.strip_prefix('#')?;
                    let code = match n.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => n.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, k + 1))
        });
        if let Some((c, len)) = decoded {
            out.push(c);
            rest = &rest[len..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{looks_like, to_text};

    #[test]
    fn html_becomes_text() {
        assert_eq!(
            to_text("<p>One &amp; two</p><p>Three<br/>four</p>"),
            "One & two\n\nThree\nfour"
        );
        assert_eq!(to_text("plain"), "plain");
        assert_eq!(to_text("broken <b"), "broken");
        // FOSDEM 2007: references escaped twice in the XML.
        assert_eq!(
            to_text("<p>A &#34;historical&#34; it&#39;s &#x263A; &amp;lt; &bogus; & x</p>"),
            "A \"historical\" it's \u{263a} &lt; &bogus; & x"
        );
    }

    #[test]
    fn only_markup_looks_like_html() {
        assert!(looks_like("<p>Hi</p>"));
        assert!(looks_like("see <a href=\"x\">this</a>"));
        assert!(looks_like("Lange Zeit <i>die</i> Plattform"));
        assert!(!looks_like("if a < b and b > c"));
        assert!(!looks_like("Vec<String> in **markdown**"));
    }
}
