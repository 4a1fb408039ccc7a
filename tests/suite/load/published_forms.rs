//! Forms met in real published programmes (read through stored copies,
//! never copied here): each fixture is written by us and holds one rule.

use dais::load::{Limits, LoadError, Loaded, load_bytes, load_file};
use std::path::PathBuf;

fn fixture(dir: &str, name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
        .join(name)
}

fn load(dir: &str, name: &str) -> Loaded {
    load_file(&fixture(dir, name), &Limits::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn fails(text: &str) -> LoadError {
    match load_bytes("s.xml", text.as_bytes(), &Limits::default()) {
        Ok(l) => panic!("loaded: {:?}", l.agenda.event.title),
        Err(e) => e,
    }
}

#[test]
fn events_right_under_a_day_are_filed_by_their_room_element() {
    // FOSDEM 2007-2012 (pentabarf): no <room> wrappers. These events were
    // all lost ("no events in any day's rooms").
    let a = load("schedule-xml", "events-in-day.xml").agenda;
    let got: Vec<(String, Option<String>, String)> = a
        .sessions
        .iter()
        .map(|s| {
            (
                s.id.to_string(),
                s.room.clone().map(String::from),
                s.local_start().format("%H:%M").to_string(),
            )
        })
        .collect();
    let want = [
        ("30", "UA2.114", "14:00"),
        ("21", "Ferrer", "15:40"),
        ("20", "Ferrer", "16:40"),
    ];
    let want: Vec<(String, Option<String>, String)> = want
        .iter()
        .map(|(id, room, at)| ((*id).to_owned(), Some((*room).to_owned()), (*at).to_owned()))
        .collect();
    assert_eq!(got, want);
    assert_eq!(a.person(&a.sessions[2].participants[0]).name, "Ann Early");
    assert_eq!(a.sessions[1].track.as_deref(), Some("Lightning Talks"));
}

#[test]
fn a_problem_in_an_event_right_under_a_day_is_at_its_own_path() {
    let xml = "<schedule><conference><title>T</title><time_zone_name>UTC</time_zone_name>\
               </conference>\n<day date=\"2010-02-06\">\n<event id=\"1\"><title>A</title>\
               <start>10:00</start><duration>00:30</duration><room>R</room></event>\n\
               <event id=\"2\"><title>B</title><start>11:00</start><duration>soon</duration>\
               <room>R</room></event></day></schedule>";
    let e = fails(xml).to_string();
    assert!(
        e.starts_with("s.xml:4:1: schedule/day[1]/event[2]/duration: \"soon\""),
        "{e}"
    );
}

#[test]
fn empty_elements_are_read_as_absent() {
    // `<end></end>` was "not an ISO 8601 date-time" on every FOSDEM event.
    let l = load("schedule-xml", "empty-elements.xml");
    let s = &l.agenda.sessions[0];
    assert_eq!(&*s.id, "20");
    assert_eq!(s.local_start().to_string(), "2010-02-06 16:40:00");
    assert_eq!(s.span.minutes(), 15);
    assert_eq!(s.track, None);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn only_elements_that_hold_something_are_said_to_be_left_out() {
    // FOSDEM 2007 and 2014 (whole files): "<event/language> (513 times),
    // <event/links> (513 times), <event/video> …" counted empty elements;
    // 146 of 2014's 513 <links> and all its <language/> were empty.
    let l = load("schedule-xml", "empty-left-out.xml");
    assert_eq!(l.agenda.sessions.len(), 2);
    let w: Vec<&str> = l.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        w,
        ["not shown by dais, so left out: <event/links>"],
        "{w:?}"
    );
    let at = l.warnings[0].position;
    assert_eq!(at, Some((29, 9)), "the first <links> that holds a link");
}

#[test]
fn a_title_is_trimmed() {
    // FOSDEM 2014 (whole file): " Entangle: …" and ten more were shown
    // with their spaces, out of line in `dais list`.
    let a = load("schedule-xml", "padded-title.xml").agenda;
    let titles: Vec<&str> = a.sessions.iter().map(|s| &*s.title).collect();
    assert_eq!(
        titles,
        ["Tethered Camera Control", "XMPP in the world of IoT"]
    );
}

#[test]
fn a_description_with_only_inline_html_is_shown_as_text() {
    // KOLT 2020's calendar (whole file): "Xen war lange Zeit <i>die</i>
    // Plattform" was shown with its tags; descriptions with <li> or <a>
    // were already text.
    let a = load("ics", "inline-html.ics").agenda;
    assert_eq!(
        a.sessions[0].description.as_deref(),
        Some("von: Ada Example\n\nXen war lange Zeit die Plattform, dann kam KVM.")
    );
}

#[test]
fn a_calendar_all_in_utc_is_said_to_be_shown_not_read_in_a_zone() {
    // KOLT 2020's calendar (whole file): every time ends in Z, yet the
    // warning spoke of "floating times and all-day dates" read in a zone.
    let l = load("ics", "utc-only.ics");
    assert_eq!(
        l.agenda.sessions[1].start().to_rfc3339(),
        "2020-09-19T10:00:00+00:00"
    );
    let said = &l.zone.as_ref().expect("a zone warning").message;
    assert_eq!(
        said,
        "no X-WR-TIMEZONE and no TZID names the calendar's zone; every time is in UTC \
         (…Z): times are shown in UTC (your zone is unknown; give --tz ZONE)"
    );
}

#[test]
fn pretalx_conference_tracks_are_skipped_silently() {
    // RomHack Camp 2026 (pretalx, whole file): "left out: <conference/track>
    // (10 times)", where schedule.json's conference.tracks say nothing.
    let l = load("schedule-xml", "conference-tracks.xml");
    assert_eq!(l.agenda.sessions[0].track.as_deref(), Some("Orga"));
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn an_indico_export_without_detail_is_the_event_as_one_session() {
    // indico.cern.ch's /export/event/ID.json with no ?detail= (a meeting):
    // it was refused ("no contribution, break or session with a time").
    let l = load("indico", "plain-event.json");
    let a = &l.agenda;
    assert_eq!(a.sessions.len(), 1);
    let s = &a.sessions[0];
    assert_eq!(&*s.title, "Group meeting");
    assert_eq!(s.room.as_deref(), Some("4/2-037"));
    assert_eq!(s.start().to_rfc3339(), "2019-08-30T15:00:00+00:00");
    assert_eq!(s.span.minutes(), 120);
    assert_eq!(s.participants.len(), 1);
    assert_eq!(s.participants[0].role, dais::agenda::Role::Chair);
    assert_eq!(a.person(&s.participants[0]).display_name(), "Dr Anna Rossi");
    let w: Vec<&str> = l.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(
        w.iter()
            .any(|m| m.contains("the event is read as one session")),
        "{w:?}"
    );
}

#[test]
fn an_html_abstract_is_shown_as_text() {
    // FOSDEM 2007-2026: `<abstract>&lt;p&gt;…` was shown with its tags.
    let a = load("schedule-xml", "html-abstract.xml").agenda;
    assert_eq!(
        a.sessions[0].description.as_deref(),
        Some("A \"quoted\" word, it's linked.\n\nSecond\nline")
    );
    assert!(
        !a.sessions[0]
            .description
            .as_deref()
            .unwrap_or_default()
            .chars()
            .any(|c| c != '\n' && dais::sanitize::is_unsafe(c))
    );
    // Text that is not markup is left as written.
    assert_eq!(
        a.sessions[1].description.as_deref(),
        Some("When a < b and Vec<T> is &#34;text&#34;, it stays.")
    );
}

fn ics(name: &str) -> Loaded {
    load("ics", name)
}

#[test]
fn an_ics_speaker_line_names_the_speakers_when_no_attendee_does() {
    // linux.conf.au 2020's feed (symposion): "Speaker: …" as the
    // description's first line and no ATTENDEE; every speaker was lost.
    let l = ics("speaker-line.ics");
    let a = &l.agenda;
    let names = |i: usize| -> Vec<String> {
        a.sessions[i]
            .participants
            .iter()
            .map(|p| format!("{} {:?}", a.person(p).name, p.role))
            .collect()
    };
    assert_eq!(names(0), ["Ann Host Speaker"]);
    assert_eq!(
        a.sessions[0].description.as_deref(),
        Some("Opening remarks")
    );
    assert_eq!(
        names(1),
        ["Ann Host Speaker", "Bo Li Speaker", "Cy Wu Speaker"]
    );
    assert_eq!(a.sessions[1].description.as_deref(), Some("Three views."));
    assert_eq!(a.people.len(), 4, "one Ann Host across sessions");
    // An ATTENDEE says who speaks: the line is left as written.
    assert_eq!(names(2), ["Di Ng Speaker"]);
    assert!(
        a.sessions[2]
            .description
            .as_deref()
            .is_some_and(|d| d.starts_with("Speaker: Not Read\n")),
        "{:?}",
        a.sessions[2].description
    );
}

#[test]
fn an_html_ics_description_is_shown_as_text() {
    let a = ics("html-description.ics").agenda;
    assert_eq!(
        a.sessions[0].description.as_deref(),
        Some("Open Breakfast, by Sponsor\n\nOnly with a ticket.")
    );
}

#[test]
fn a_one_line_caldesc_titles_a_calendar_with_no_name() {
    // linux.conf.au 2020: X-WR-CALDESC and no X-WR-CALNAME; it was "Calendar".
    let l = ics("caldesc-title.ics");
    assert_eq!(l.agenda.event.title, "Example Conf 2020");
    assert!(l.agenda.event.summary.is_empty());
    assert!(
        !l.warnings.iter().any(|w| w.message.contains("Calendar")),
        "{:?}",
        l.warnings
    );
}

#[test]
fn a_utc_date_with_a_start_on_the_conference_clocks_agrees() {
    // DebConf 23 (wafer): every event said "start: 10:30 disagrees with
    // `date` (05:00)", though both are the same instant in Asia/Kolkata.
    let l = load("schedule-xml", "utc-date-local-start.xml");
    let s = &l.agenda.sessions[0];
    assert_eq!(s.start().to_rfc3339(), "2023-09-10T05:00:00+00:00");
    assert_eq!(s.local_start().to_string(), "2023-09-10 10:30:00");
    let disagree: Vec<String> = l
        .warnings
        .iter()
        .filter(|w| w.message.contains("disagrees"))
        .map(|w| format!("{}: {}", w.path, w.message))
        .collect();
    // Only the event whose start is another time is said.
    assert_eq!(disagree.len(), 1, "{disagree:?}");
    assert!(
        disagree[0].contains("event[2]/start: 12:00 disagrees"),
        "{disagree:?}"
    );
}

#[test]
fn a_day_dated_in_utc_starts_on_its_local_date() {
    // DebConf 23's header said "Sat 9 Sep – Sun 10 Sep": no session is on
    // the 9th in Kolkata; the day's `date` is its start's UTC date.
    let a = load("schedule-xml", "utc-day-date.xml").agenda;
    assert_eq!(a.event.date.to_string(), "2023-09-10");
    assert_eq!(
        a.sessions[0].local_start().to_string(),
        "2023-09-10 10:30:00"
    );
}

#[test]
fn an_ics_break_is_named_by_its_title_or_category() {
    // linux.conf.au 2020's "Morning Tea", JRES 2022's "Pause": iCalendar
    // has no event type, so these stayed kind other.
    let a = ics("break-titles.ics").agenda;
    let kinds: Vec<(&str, &str)> = a
        .sessions
        .iter()
        .map(|s| (&*s.title, s.kind.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Pause", "break"),
            ("Morning Tea", "break"),
            ("Lunch", "break"),
            ("Refuel", "break"),
            ("Breaking builds", "other"),
            ("Lunch", "other"),
        ]
    );
}
