//! Schedules that name no zone but carry offsets in their dates (issue 18):
//! times are shown as printed, not moved to UTC, and every command agrees.

use crate::support::harness::{dais, fixture};
use dais::agenda::Agenda;
use dais::load::{Limits, load_bytes, load_file};

fn load(name: &str) -> dais::load::Loaded {
    load_file(&fixture(name), &Limits::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// Each session's start as the agenda's zone shows it.
fn starts(agenda: &Agenda) -> Vec<String> {
    let tz = agenda.event.timezone;
    agenda
        .sessions
        .iter()
        .map(|s| s.start().with_timezone(&tz).format("%a %H:%M").to_string())
        .collect()
}

#[test]
fn a_null_zone_with_one_offset_shows_times_as_printed() {
    let loaded = load("schedule-json/offsets-no-zone.json");
    assert_eq!(starts(&loaded.agenda), ["Fri 11:00", "Fri 23:30"]);
    assert_eq!(loaded.agenda.event.timezone.name(), "Etc/GMT-1");
    assert_eq!(
        dais::agenda::zone_label(loaded.agenda.event.timezone),
        "UTC+01:00"
    );
    let said = loaded.warnings[0].display_in("f").to_string();
    assert_eq!(
        said,
        "f: schedule.conference.time_zone_name: the schedule names no zone; every date carries the offset \
         +01:00, so times are shown at that fixed offset, UTC+01:00"
    );
    // The instants are the file's.
    assert_eq!(
        loaded.agenda.sessions[0].start().to_rfc3339(),
        "2030-03-01T10:00:00+00:00"
    );
}

#[test]
fn offsets_across_a_change_of_clocks_are_both_shown_as_printed() {
    let loaded = load("schedule-json/offsets-dst.json");
    assert_eq!(starts(&loaded.agenda), ["Sat 11:00", "Sun 11:00"]);
    let said = &loaded.warnings[0].message;
    assert!(said.contains("offsets +01:00 and +02:00"), "{said}");
}

#[test]
fn list_export_and_convert_agree() {
    for (name, times, instants) in [
        (
            "schedule-json/offsets-no-zone.json",
            &["11:00-11:45", "23:30-24:00"][..],
            &["DTSTART;TZID=Etc/GMT-1:20300301T110000"][..],
        ),
        (
            "schedule-json/offsets-dst.json",
            &["11:00-12:00", "11:00-12:00"][..],
            // No one zone: the offsets as printed, exported as UTC instants.
            &["DTSTART:20301026T090000Z", "DTSTART:20301027T100000Z"][..],
        ),
    ] {
        let list = dais(&["list", name]);
        assert_eq!(list.code, 0, "{list:?}");
        let mut at = 0;
        for t in times {
            let found = list.stdout[at..]
                .find(t)
                .unwrap_or_else(|| panic!("{name}: {t} not listed in order:\n{}", list.stdout));
            at += found + t.len();
        }
        let ics = dais(&["export", "ics", name]);
        assert_eq!(ics.code, 0, "{ics:?}");
        for line in instants {
            assert!(ics.stdout.contains(line), "{name}: {line}\n{}", ics.stdout);
        }
        // dais/1 written by convert loads to the same instants and zone.
        let loaded = load(name);
        let converted = dais(&["convert", name]);
        assert_eq!(converted.code, 0, "{converted:?}");
        let again = load_bytes("c.json", converted.stdout.as_bytes(), &Limits::default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(again.agenda.event.timezone, loaded.agenda.event.timezone);
        assert_eq!(starts(&again.agenda), starts(&loaded.agenda));
    }
}

#[test]
fn now_agrees_with_list_on_both_fixtures() {
    for (name, at, said) in [
        (
            "schedule-json/offsets-no-zone.json",
            "2030-03-01T10:10:00Z",
            "Keynote · 35 min left",
        ),
        // 11:00 +01:00 on the Sunday is 10:00 UTC.
        (
            "schedule-json/offsets-dst.json",
            "2030-10-27T10:15:00Z",
            "Sunday talk · 45 min left",
        ),
    ] {
        let now = dais(&["now", name, "--at", at]);
        assert_eq!(now.code, 0, "{now:?}");
        assert!(now.stdout.contains(said), "{name}: {}", now.stdout);
    }
}

#[test]
fn the_conference_city_picks_the_zone_among_those_with_the_offsets() {
    let loaded = load("schedule-xml/offsets-dst-city.xml");
    assert_eq!(loaded.agenda.event.timezone, chrono_tz::Europe::Berlin);
    assert_eq!(starts(&loaded.agenda), ["Sat 11:00", "Sun 11:00"]);
    let said = loaded.warnings[0].display_in("f").to_string();
    assert!(
        said.contains("the schedule names no zone; times are shown in Europe/Berlin, as printed: the dates carry the offsets +01:00 and +02:00, and the conference's place names \"Berlin\""),
        "{said}"
    );
    // Without the city no zone is named after it.
    let json = load("schedule-json/offsets-dst.json");
    assert_ne!(json.agenda.event.timezone, chrono_tz::Europe::Berlin);
}
