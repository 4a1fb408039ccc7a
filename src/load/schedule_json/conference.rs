//! `schedule.conference`: the title, the zone, and the tracks and rooms that
//! events refer to.

use super::keys::{self, Object};
use super::mapping::pick;
use super::raw::{RawConference, RawRoom};
use crate::agenda::Zone;
use crate::load::base::ctx::Ctx;
use crate::load::base::problem::{Path, quote};
use crate::load::base::tally::Tally;
use crate::sanitize::Lines;
use chrono_tz::Tz;
use std::collections::HashMap;

/// What events need to know about their conference.
#[derive(Debug)]
pub struct Conference {
    /// `title`, else `acronym`.
    pub title: Option<String>,
    /// The zone of `time_zone_name`; UTC when it is missing or unknown
    /// (until the caller decides it from the dates).
    pub tz: Zone,
    /// Why `time_zone_name` gave no zone ("the schedule names no zone"), if
    /// it did not.
    pub unnamed: Option<String>,
    /// `defaults.language`, for translated text.
    pub language: Option<String>,
    /// `description`, as paragraphs.
    pub summary: Vec<String>,
    /// `url`.
    pub url: Option<String>,
    /// Track slug to name.
    pub tracks: HashMap<String, String>,
    /// Room names in the order `rooms` lists them: programme order.
    pub rooms: Vec<String>,
    /// Room guid or slug to name.
    pub room_refs: HashMap<String, String>,
}

/// Reads the conference object at `at`.
pub fn read(cx: &mut Ctx<'_>, tally: &mut Tally, at: Path<'_>, c: &RawConference) -> Conference {
    keys::check(tally, Object::Conference, at, &c.other);
    let mut title = cx.text(at, "title", c.title.as_ref(), false, Lines::Single);
    let acronym = cx.text(at, "acronym", c.acronym.as_ref(), false, Lines::Single);
    if title.is_none() {
        if acronym.is_some() {
            cx.warn(at.key("title"), "missing; the acronym stands in for it");
        } else {
            cx.err(
                at.key("title"),
                "missing required key (nor is there an `acronym`)",
            );
        }
        title = acronym;
    }
    let language = cx
        .get(at, "defaults", c.defaults.as_ref(), false, "an object")
        .and_then(|d| {
            cx.text(
                at.key("defaults"),
                "language",
                d.language.as_ref(),
                false,
                Lines::Single,
            )
        });
    let summary = cx
        .get(at, "description", c.description.as_ref(), false, "a string")
        .and_then(|d| pick(d, language.as_deref()))
        .and_then(|d| cx.bounded(at.key("description"), d, Lines::Multi))
        .map(|d| paragraphs(&d))
        .unwrap_or_default();
    let url = cx.text(at, "url", c.url.as_ref(), false, Lines::Single);
    let (rooms, room_refs) = rooms(cx, tally, at, c);
    let (tz, unnamed) = match zone(cx, at, c) {
        Ok(tz) => (tz.into(), None),
        Err(why) => (Zone::UTC, Some(why)),
    };
    Conference {
        title,
        tz,
        unnamed,
        language,
        summary,
        url,
        tracks: tracks(cx, at, c),
        rooms,
        room_refs,
    }
}

/// The zone named by `time_zone_name`, or why there is none (the caller
/// decides the zone, and warns).
fn zone(cx: &mut Ctx<'_>, at: Path<'_>, c: &RawConference) -> Result<Tz, String> {
    let name = cx.text(
        at,
        "time_zone_name",
        c.time_zone_name.as_ref(),
        false,
        Lines::Single,
    );
    let Some(name) = name else {
        return Err("the schedule names no zone".to_owned());
    };
    name.trim()
        .parse::<Tz>()
        .map_err(|_| format!("{} is not an IANA zone", quote(&name)))
}

fn tracks(cx: &mut Ctx<'_>, at: Path<'_>, c: &RawConference) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let Some(list) = cx.get(at, "tracks", c.tracks.as_ref(), false, "an array") else {
        return out;
    };
    let here = at.key("tracks");
    for (i, t) in list.iter().enumerate() {
        let Some(t) = cx.lax(here.index(i), t, "an object") else {
            continue;
        };
        let name = cx.text(here.index(i), "name", t.name.as_ref(), false, Lines::Single);
        let slug = cx.text(here.index(i), "slug", t.slug.as_ref(), false, Lines::Single);
        if let (Some(name), Some(slug)) = (name, slug) {
            out.entry(slug).or_insert(name);
        }
    }
    out
}

fn rooms(
    cx: &mut Ctx<'_>,
    tally: &mut Tally,
    at: Path<'_>,
    c: &RawConference,
) -> (Vec<String>, HashMap<String, String>) {
    let (mut order, mut refs) = (Vec::new(), HashMap::new());
    let Some(list) = cx.get(at, "rooms", c.rooms.as_ref(), false, "an array") else {
        return (order, refs);
    };
    let here = at.key("rooms");
    let mut guids: HashMap<String, usize> = HashMap::new();
    for (i, r) in list.iter().enumerate() {
        let Some(r) = cx.lax(here.index(i), r, "an object") else {
            continue;
        };
        let Some((name, guid, slug)) = room(cx, tally, here.index(i), r) else {
            continue;
        };
        if let Some(guid) = guid {
            match guids.get(&guid) {
                Some(&first) => tally.note("room guid", here.index(i).key("guid"), || {
                    format!(
                        "the same guid as rooms[{first}]; references by guid find rooms[{first}]"
                    )
                }),
                None => {
                    guids.insert(guid.clone(), i);
                }
            }
            refs.entry(guid).or_insert_with(|| name.clone());
        }
        if let Some(slug) = slug {
            refs.entry(slug).or_insert_with(|| name.clone());
        }
        if !order.contains(&name) {
            order.push(name);
        }
    }
    (order, refs)
}

/// A room's name, guid and slug.
fn room(
    cx: &mut Ctx<'_>,
    tally: &mut Tally,
    at: Path<'_>,
    r: &RawRoom,
) -> Option<(String, Option<String>, Option<String>)> {
    keys::check(tally, Object::Room, at, &r.other);
    let name = cx.text(at, "name", r.name.as_ref(), true, Lines::Single);
    let guid = cx.text(at, "guid", r.guid.as_ref(), false, Lines::Single);
    let slug = cx.text(at, "slug", r.slug.as_ref(), false, Lines::Single);
    Some((name?, guid, slug))
}

/// Text split at blank lines, each paragraph trimmed.
fn paragraphs(s: &str) -> Vec<String> {
    s.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}
