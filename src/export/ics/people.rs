//! A session's people as `ORGANIZER` and `ATTENDEE` properties that dais's
//! reader turns back into the same people with the same roles.
//!
//! The address is `urn:x-dais:person:ID` (the person's id), `CN` the name,
//! `X-DAIS-ROLE` the role; a first participant who chairs is the
//! `ORGANIZER`, other chairs are attendees with `ROLE=CHAIR`. Honorific,
//! affiliation, appearance and capacity ride in `X-DAIS-` parameters.

use crate::agenda::{Agenda, Appearance, Role, Session};
use icalendar::{Component, Event, Property};

/// Adds the participants of `s` to `e`, in their order.
pub fn add(agenda: &Agenda, s: &Session, e: &mut Event) {
    for (i, p) in s.participants.iter().enumerate() {
        let person = agenda.person(p);
        let organizer = i == 0 && p.role == Role::Chair;
        let name = if organizer { "ORGANIZER" } else { "ATTENDEE" };
        let mut prop = Property::new(name, format!("urn:x-dais:person:{}", person.id));
        prop.add_parameter("CN", &param(&person.name));
        if !organizer {
            let role = if p.role == Role::Chair {
                "CHAIR"
            } else {
                "REQ-PARTICIPANT"
            };
            prop.add_parameter("ROLE", role);
        }
        prop.add_parameter("X-DAIS-ROLE", p.role.as_str());
        if p.appearance != Appearance::default() {
            prop.add_parameter("X-DAIS-APPEARANCE", p.appearance.as_str());
        }
        let extras = [
            ("X-DAIS-HONORIFIC", person.honorific.as_deref()),
            ("X-DAIS-AFFILIATION", person.affiliation.as_deref()),
            ("X-DAIS-CAPACITY", p.capacity.as_deref()),
        ];
        for (key, value) in extras {
            if let Some(v) = value {
                prop.add_parameter(key, &param(v));
            }
        }
        if organizer {
            e.append_property(prop);
        } else {
            e.append_multi_property(prop);
        }
    }
}

/// A parameter value as RFC 6868 writes one: a parameter cannot hold a
/// double quote or a line break, so `^'`, `^n` and `^^` stand for them and
/// for `^`. (The crate quotes a value holding `:`, `;` or `,`.)
fn param(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '^' => out.push_str("^^"),
            '"' => out.push_str("^'"),
            '\n' => out.push_str("^n"),
            c => out.push(c),
        }
    }
    out
}
