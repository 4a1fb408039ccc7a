//! An element's attributes and a reference in text, read as XML allows
//! them and no further (no DTD, no entities but XML's five).

use super::{Res, fault};
use quick_xml::events::BytesStart;

/// An element's attributes, unescaped.
pub(super) fn attributes(e: &BytesStart<'_>, at: usize) -> Res<Vec<(String, String)>> {
    let mut out = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| fault(at, format!("malformed XML attribute: {err}")))?;
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| fault(at, format!("malformed XML attribute: {err}")))?;
        out.push((a.key.as_ref().to_owned(), value.into_owned()));
    }
    Ok(out)
}

/// The character a reference in text stands for: XML's five entities and
/// character references only.
pub(super) fn entity(g: &quick_xml::events::BytesRef<'_>, at: usize) -> Res<char> {
    match g.resolve_char_ref() {
        Ok(Some(c)) => return Ok(c),
        Ok(None) => {}
        Err(e) => return Err(fault(at, format!("malformed character reference: {e}"))),
    }
    let name: &str = g;
    quick_xml::escape::resolve_predefined_entity(name)
        .and_then(|s| s.chars().next())
        .ok_or_else(|| {
            fault(
                at,
                format!(
                    "the entity {} is not defined: dais knows only &lt; &gt; &amp; &apos; \
                     &quot; and character references",
                    crate::load::base::problem::quote(&format!("&{name};"))
                ),
            )
        })
}
