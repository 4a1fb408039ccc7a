//! Reading schedule.xml's elements into the schedule.json shape, in one
//! pass, with no DTD and no entities but XML's five and character
//! references.
//!
//! The structure is fixed (schedule / conference / day / room / event /
//! persons / person), so the descent is bounded by it: anything else is
//! skipped without recursion (and counted, to say once that it was left
//! out), however deep it nests.

use super::shape::{Day, Doc, Event, Person, RoomRef};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event as X};

mod markup;

use markup::{attributes, entity};

/// What one pass over the document found.
#[derive(Debug, Default)]
pub struct Scan {
    /// The document in schedule.json's shape.
    pub doc: Doc,
    /// `<venue>` and `<city>`, which schedule.json has no key for.
    pub venue: Option<String>,
    /// `<city>` alone: it may name the zone of a file that names none.
    pub city: Option<String>,
    /// Where each day starts (byte offset), by index in `doc`.
    pub days: Vec<usize>,
    /// Where each event is.
    pub events: Vec<EventAt>,
    /// Elements left out, by where they were: (`event/links`, count,
    /// first offset), in order first seen.
    pub ignored: Vec<(String, usize, usize)>,
}

/// Where one event was: in the JSON form and in the XML.
#[derive(Debug)]
pub struct EventAt {
    /// The day's index.
    pub day: usize,
    /// The room it is filed under in the JSON form.
    pub room: String,
    /// Its index in that room.
    pub index: usize,
    /// Its index among the day's own events when it stood right under
    /// `<day>` (FOSDEM's pentabarf files have no `<room>` wrappers), else
    /// `None`.
    pub in_day: Option<usize>,
    /// Byte offset of its start tag.
    pub offset: usize,
}

/// Elements whose content schedule.json also leaves out silently: they
/// restate what the days and events say. pretalx's `<conference><track
/// name slug color/>` lists the tracks the events name (their colours are
/// not shown, as schedule.json's `conference.tracks`' are not).
const STRUCTURAL: &[&str] = &[
    "schedule/generator",
    "conference/start",
    "conference/end",
    "conference/days",
    "conference/timeslot_duration",
    "conference/track",
];

/// An error at a byte offset.
pub struct Fault {
    /// Where in the text.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

type Res<T> = Result<T, Fault>;

fn fault(offset: usize, message: impl Into<String>) -> Fault {
    Fault {
        offset,
        message: message.into(),
    }
}

struct Scanner<'a> {
    r: Reader<&'a [u8]>,
    out: Scan,
    day_change: Option<String>,
}

/// Reads the document; the first fault stops it.
pub fn scan(text: &str) -> Result<Scan, Fault> {
    let mut r = Reader::from_str(text);
    r.config_mut().check_comments = true;
    let mut s = Scanner {
        r,
        out: Scan::default(),
        day_change: None,
    };
    loop {
        let at = s.pos();
        match s.next()? {
            X::Start(e) if e.name().as_ref() == "schedule" => {
                s.schedule()?;
                s.after_root()?;
                return Ok(s.out);
            }
            X::Start(e) | X::Empty(e) => {
                let name = e.name().as_ref().to_owned();
                return Err(fault(
                    at,
                    format!(
                        "the root element is {}, not <schedule>: not a frab / pentabarf schedule.xml",
                        crate::load::base::problem::quote(&format!("<{name}>"))
                    ),
                ));
            }
            X::Text(t) if t.trim_ascii().is_empty() => {}
            X::Text(_) | X::CData(_) | X::GeneralRef(_) => {
                return Err(fault(at, "text before the root element"));
            }
            X::Eof => return Err(fault(at, "no <schedule> element")),
            _ => {}
        }
    }
}

impl Scanner<'_> {
    fn pos(&self) -> usize {
        usize::try_from(self.r.buffer_position()).unwrap_or(usize::MAX)
    }

    /// The next event, refusing entity declarations and syntax errors.
    fn next(&mut self) -> Res<X<'_>> {
        let at = self.pos();
        let ev = self.r.read_event().map_err(|e| {
            let offset = usize::try_from(self.r.error_position()).unwrap_or(at);
            fault(offset, format!("malformed XML: {e}"))
        })?;
        if let X::DocType(d) = &ev
            && d.contains("<!ENTITY")
        {
            return Err(fault(
                at,
                "the DOCTYPE declares entities; dais reads no DTD and expands no \
                 entities (they can blow up or read files), so the file is refused",
            ));
        }
        Ok(ev)
    }

    /// Nothing but whitespace, comments and processing instructions after
    /// the root.
    fn after_root(&mut self) -> Res<()> {
        loop {
            let at = self.pos();
            match self.next()? {
                X::Eof => return Ok(()),
                X::Text(t) if t.trim_ascii().is_empty() => {}
                X::Comment(_) | X::PI(_) => {}
                _ => return Err(fault(at, "content after the </schedule> element")),
            }
        }
    }

    /// Skips an element left out at `path` and notes it if it held
    /// anything: an attribute, text or a child. An empty one (`<language/>`,
    /// `<video></video>`, pentabarf's on every event) loses nothing.
    fn ignore(&mut self, path: String, e: &BytesStart<'_>, empty: bool, at: usize) -> Res<()> {
        let mut held = e.attributes().next().is_some();
        if !empty {
            held |= self.skip(&path)?;
        }
        if held && !STRUCTURAL.contains(&path.as_str()) {
            match self.out.ignored.iter_mut().find(|(p, _, _)| *p == path) {
                Some(item) => item.1 += 1,
                None => self.out.ignored.push((path, 1, at)),
            }
        }
        Ok(())
    }

    /// Reads past the end of the element just opened; whether it held
    /// text or elements.
    fn skip(&mut self, what: &str) -> Res<bool> {
        let (mut depth, mut held) = (0usize, false);
        loop {
            let at = self.pos();
            match self.next()? {
                X::Start(_) => (depth, held) = (depth + 1, true),
                X::End(_) if depth == 0 => return Ok(held),
                X::End(_) => depth -= 1,
                X::Empty(_) | X::GeneralRef(_) => held = true,
                X::Text(t) => held |= !t.trim_ascii().is_empty(),
                X::CData(t) => held |= !t.is_empty(),
                X::Eof => return Err(fault(at, format!("the file ends inside <{what}>"))),
                _ => {}
            }
        }
    }

    /// The text of the element just opened (unless `empty`), up to its end;
    /// child elements are left out.
    fn text(&mut self, what: &str, empty: bool) -> Res<String> {
        let mut out = String::new();
        if empty {
            return Ok(out);
        }
        loop {
            let at = self.pos();
            match self.next()? {
                X::Text(t) => out.push_str(&t.xml10_content()),
                X::CData(t) => out.push_str(&t.xml10_content()),
                X::GeneralRef(g) => out.push(entity(&g, at)?),
                X::Start(e) => {
                    let name = format!("{what}/{}", e.name().as_ref());
                    let e = e.into_owned();
                    self.ignore(name, &e, false, at)?;
                }
                X::Empty(e) => {
                    let name = format!("{what}/{}", e.name().as_ref());
                    let e = e.into_owned();
                    self.ignore(name, &e, true, at)?;
                }
                X::End(_) => return Ok(out),
                X::Eof => return Err(fault(at, format!("the file ends inside <{what}>"))),
                _ => {}
            }
        }
    }

    /// Children of the element just opened, each given to `each` with its
    /// name, start, whether it is empty and its offset, up to the end.
    fn children(
        &mut self,
        what: &str,
        mut each: impl FnMut(&mut Self, &str, &BytesStart<'static>, bool, usize) -> Res<()>,
    ) -> Res<()> {
        loop {
            let at = self.pos();
            let (e, empty) = match self.next()? {
                X::Start(e) => (e.into_owned(), false),
                X::Empty(e) => (e.into_owned(), true),
                X::End(_) => return Ok(()),
                X::Eof => return Err(fault(at, format!("the file ends inside <{what}>"))),
                X::Text(t) if t.trim_ascii().is_empty() => continue,
                X::Text(_) | X::CData(_) | X::GeneralRef(_) => {
                    let path = format!("{what}/text()");
                    match self.out.ignored.iter_mut().find(|(p, _, _)| *p == path) {
                        Some(item) => item.1 += 1,
                        None => self.out.ignored.push((path, 1, at)),
                    }
                    continue;
                }
                _ => continue,
            };
            let name = e.name().as_ref().to_owned();
            each(self, &name, &e, empty, at)?;
        }
    }

    fn schedule(&mut self) -> Res<()> {
        self.children("schedule", |s, name, e, empty, at| match name {
            "version" => {
                s.out.doc.schedule.version = Some(s.text("version", empty)?);
                Ok(())
            }
            "conference" if !empty => s.conference(),
            "day" => s.day(e, empty, at),
            _ => s.ignore(format!("schedule/{name}"), e, empty, at),
        })
    }

    fn conference(&mut self) -> Res<()> {
        let mut city = None;
        self.children("conference", |s, name, e, empty, at| {
            const MAPPED: &[&str] = &[
                "acronym",
                "title",
                "description",
                "time_zone_name",
                "url",
                "base_url",
                "venue",
                "city",
                "day_change",
            ];
            if !MAPPED.contains(&name) {
                return s.ignore(format!("conference/{name}"), e, empty, at);
            }
            let text = Some(s.text(name, empty)?);
            let c = &mut s.out.doc.schedule.conference;
            match name {
                "acronym" => c.acronym = text,
                "title" => c.title = text,
                "description" => c.description = text,
                "time_zone_name" => c.time_zone_name = text,
                "url" => c.url = text,
                "base_url" => s.out.doc.schedule.base_url = text,
                "venue" => s.out.venue = text,
                "city" => city = text,
                _ => s.day_change = text,
            }
            Ok(())
        })?;
        self.out.city.clone_from(&city);
        let venue = [self.out.venue.take(), city]
            .into_iter()
            .flatten()
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect::<Vec<_>>();
        self.out.venue = (!venue.is_empty()).then(|| venue.join(", "));
        Ok(())
    }

    fn day(&mut self, e: &BytesStart<'_>, empty: bool, at: usize) -> Res<()> {
        let mut day = Day::default();
        for (key, value) in attributes(e, at)? {
            match key.as_str() {
                "date" => day.date = Some(value),
                "start" => day.day_start = Some(value),
                _ => {}
            }
        }
        if day.day_start.is_none()
            && let (Some(date), Some(change)) = (&day.date, &self.day_change)
        {
            day.day_start = Some(format!("{}T{}", date.trim(), change.trim()));
        }
        let d = self.out.doc.schedule.conference.days.len();
        self.out.doc.schedule.conference.days.push(day);
        self.out.days.push(at);
        if empty {
            return Ok(());
        }
        let mut own = 0;
        self.children("day", |s, name, e, empty, at| match name {
            "room" => s.room(d, e, empty, at),
            "event" => {
                own += 1;
                s.event(d, None, e, empty, at, Some(own - 1))
            }
            _ => s.ignore(format!("day/{name}"), e, empty, at),
        })
    }

    fn room(&mut self, d: usize, e: &BytesStart<'_>, empty: bool, at: usize) -> Res<()> {
        let mut name = String::new();
        let mut guid = None;
        for (key, value) in attributes(e, at)? {
            match key.as_str() {
                "name" => name = value,
                "guid" => guid = Some(value),
                _ => {}
            }
        }
        self.file_room(d, &name, guid);
        if empty {
            return Ok(());
        }
        self.children("room", |s, child, e, empty, at| match child {
            "event" => s.event(d, Some(&name), e, empty, at, None),
            _ => s.ignore(format!("room/{child}"), e, empty, at),
        })
    }

    /// Notes the room `name` in the conference's rooms (first seen first)
    /// and in day `d`'s.
    fn file_room(&mut self, d: usize, name: &str, guid: Option<String>) {
        let rooms = &mut self.out.doc.schedule.conference.rooms;
        if !rooms.iter().any(|r| r.name == name) {
            rooms.push(RoomRef {
                name: name.to_owned(),
                guid,
            });
        }
        self.out.doc.schedule.conference.days[d].rooms.room(name);
    }

    /// An event, in `room` when it stood in a `<room>`; one right under
    /// `<day>` (its `in_day` index) is filed under its own `<room>` child.
    fn event(
        &mut self,
        d: usize,
        room: Option<&str>,
        e: &BytesStart<'_>,
        empty: bool,
        at: usize,
        in_day: Option<usize>,
    ) -> Res<()> {
        let mut ev = Event::default();
        for (key, value) in attributes(e, at)? {
            match key.as_str() {
                "id" => ev.id = Some(value),
                "guid" => ev.guid = Some(value),
                _ => {}
            }
        }
        if !empty {
            self.children("event", |s, name, e, empty, at| {
                if name == "persons" {
                    if !empty {
                        s.persons(&mut ev.persons)?;
                    }
                    return Ok(());
                }
                if field(&mut ev, name).is_none() {
                    return s.ignore(format!("event/{name}"), e, empty, at);
                }
                // An empty element is an absent one: pentabarf wrote
                // `<end></end>` and `<slug></slug>` on every FOSDEM event.
                let text = s.text(name, empty)?;
                if let Some(slot) = field(&mut ev, name)
                    && !text.trim().is_empty()
                {
                    *slot = Some(text);
                }
                Ok(())
            })?;
        }
        let room = if let Some(room) = room {
            room.to_owned()
        } else {
            let own = ev.room.as_deref().unwrap_or_default().trim().to_owned();
            self.file_room(d, &own, None);
            own
        };
        let events = self.out.doc.schedule.conference.days[d].rooms.room(&room);
        self.out.events.push(EventAt {
            day: d,
            room,
            index: events.len(),
            in_day,
            offset: at,
        });
        events.push(ev);
        Ok(())
    }

    fn persons(&mut self, out: &mut Vec<Person>) -> Res<()> {
        self.children("persons", |s, name, e, empty, at| {
            if name != "person" {
                return s.ignore(format!("persons/{name}"), e, empty, at);
            }
            let mut p = Person::default();
            for (key, value) in attributes(e, at)? {
                match key.as_str() {
                    "id" => p.id = Some(value),
                    "guid" => p.guid = Some(value),
                    _ => {}
                }
            }
            p.public_name = s.text("person", empty)?;
            out.push(p);
            Ok(())
        })
    }
}

/// The event's field for a child element dais maps.
fn field<'e>(ev: &'e mut Event, name: &str) -> Option<&'e mut Option<String>> {
    Some(match name {
        "slug" => &mut ev.slug,
        "title" => &mut ev.title,
        "subtitle" => &mut ev.subtitle,
        "date" => &mut ev.date,
        "start" => &mut ev.start,
        "end" => &mut ev.end,
        "duration" => &mut ev.duration,
        "room" => &mut ev.room,
        "track" => &mut ev.track,
        "type" => &mut ev.kind,
        "abstract" => &mut ev.summary,
        "description" => &mut ev.description,
        _ => return None,
    })
}
