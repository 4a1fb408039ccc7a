//! Files that give no zone at all (issue 18): read in `--tz`, else the
//! viewer's zone, and said so; never UTC silently. And `--tz` overrides a
//! zone inferred from the dates' offsets.

use crate::support::harness::{Home, dais, fixture};
use dais::load::{Fallback, Limits, load_file};

const FILES: [&str; 3] = [
    "schedule-json/no-zone.json",
    "schedule-xml/no-offsets.xml",
    "ics/floating-only.ics",
];

fn in_zone(name: &str, tz: chrono_tz::Tz, given: bool) -> dais::load::Loaded {
    let limits = Limits {
        zone: Some(Fallback { tz, given }),
        ..Limits::default()
    };
    load_file(&fixture(name), &limits).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_file_without_a_zone_is_read_in_the_viewers_and_says_so() {
    for name in FILES {
        let loaded = in_zone(name, chrono_tz::Europe::Lisbon, false);
        assert_eq!(loaded.agenda.event.timezone, chrono_tz::Europe::Lisbon);
        // 11:00 in Lisbon in March is 11:00 UTC.
        let start = loaded.agenda.sessions[0].start();
        assert_eq!(start.to_rfc3339(), "2030-03-01T11:00:00+00:00", "{name}");
        let said = loaded
            .zone
            .as_ref()
            .expect("a zone warning")
            .message
            .clone();
        assert!(
            said.contains("read in your zone, Europe/Lisbon"),
            "{name}: {said}"
        );
        assert!(loaded.warnings.iter().any(|w| w.message == said), "{name}");
    }
}

#[test]
fn tz_wins_for_a_file_without_a_zone() {
    for name in FILES {
        let loaded = in_zone(name, chrono_tz::Asia::Tokyo, true);
        assert_eq!(loaded.agenda.event.timezone, chrono_tz::Asia::Tokyo);
        let start = loaded.agenda.sessions[0].start();
        assert_eq!(start.to_rfc3339(), "2030-03-01T02:00:00+00:00", "{name}");
        let said = &loaded.zone.as_ref().expect("a zone warning").message;
        assert!(
            said.contains("Asia/Tokyo, given with --tz"),
            "{name}: {said}"
        );
    }
}

#[test]
fn with_no_zone_known_at_all_utc_is_said() {
    for name in FILES {
        let loaded = load_file(&fixture(name), &Limits::default()).unwrap();
        assert_eq!(loaded.agenda.event.timezone, chrono_tz::UTC);
        let said = &loaded.zone.as_ref().expect("a zone warning").message;
        assert!(
            said.contains("read in UTC (your zone is unknown"),
            "{name}: {said}"
        );
    }
}

#[test]
fn tz_overrides_a_zone_inferred_from_offsets_but_keeps_the_instants() {
    let loaded = in_zone(
        "schedule-json/offsets-no-zone.json",
        chrono_tz::America::New_York,
        true,
    );
    assert_eq!(loaded.agenda.event.timezone, chrono_tz::America::New_York);
    assert_eq!(
        loaded.agenda.sessions[0].start().to_rfc3339(),
        "2030-03-01T10:00:00+00:00"
    );
    // Without --tz, the viewer's zone does not override the offsets.
    let loaded = in_zone(
        "schedule-json/offsets-no-zone.json",
        chrono_tz::America::New_York,
        false,
    );
    assert_eq!(
        dais::agenda::zone_label(loaded.agenda.event.timezone),
        "UTC+01:00"
    );
}

#[test]
fn list_now_export_and_convert_use_the_viewers_zone_and_warn() {
    let home = Home::new();
    for name in FILES {
        let run = |args: &[&str], tz: &str| {
            let mut cmd = home.command();
            cmd.env("TZ", tz);
            crate::support::harness::run(cmd, args, None)
        };
        let list = run(&["list", name], "Europe/Lisbon");
        assert_eq!(list.code, 0, "{list:?}");
        assert!(list.stdout.contains("Europe/Lisbon"), "{}", list.stdout);
        assert!(list.stdout.contains("11:00-11:45"), "{}", list.stdout);
        assert!(
            list.stderr.contains("read in your zone, Europe/Lisbon"),
            "{name}: {}",
            list.stderr
        );
        let now = run(
            &["now", name, "--at", "2030-03-01T11:10:00Z"],
            "Europe/Lisbon",
        );
        assert!(
            now.stdout.contains("Keynote · 35 min left"),
            "{name}: {now:?}"
        );
        let ics = run(&["export", "ics", name], "Europe/Lisbon");
        assert!(
            ics.stdout
                .contains("DTSTART;TZID=Europe/Lisbon:20300301T110000"),
            "{name}: {}",
            ics.stdout
        );
        let given = run(&["list", "--tz", "Asia/Tokyo", name], "Europe/Lisbon");
        assert!(given.stdout.contains("11:00-11:45"), "{}", given.stdout);
        assert!(given.stdout.contains("Asia/Tokyo"), "{}", given.stdout);
        assert!(given.stderr.contains("given with --tz"), "{}", given.stderr);
        let converted = run(&["convert", name], "Europe/Lisbon");
        assert!(
            converted.stdout.contains("\"timezone\": \"Europe/Lisbon\""),
            "{name}: {}",
            converted.stdout
        );
    }
}

#[test]
fn a_city_that_is_a_zones_city_names_the_zone_before_the_viewers() {
    let name = "schedule-xml/no-offsets-city.xml";
    let loaded = in_zone(name, chrono_tz::Europe::Lisbon, false);
    assert_eq!(loaded.agenda.event.timezone, chrono_tz::Europe::Brussels);
    // 11:00 in Brussels in March is 10:00 UTC.
    let start = loaded.agenda.sessions[0].start();
    assert_eq!(start.to_rfc3339(), "2030-03-01T10:00:00+00:00");
    let said = loaded
        .zone
        .as_ref()
        .expect("a zone warning")
        .display_in("f")
        .to_string();
    assert_eq!(
        said,
        "f: schedule/conference/time_zone_name: the schedule names no zone; times are read in Europe/Brussels, \
         the zone of the conference's city \"Brussels\" (give --tz ZONE for another)"
    );
    // --tz still wins.
    let given = in_zone(name, chrono_tz::Asia::Tokyo, true);
    assert_eq!(given.agenda.event.timezone, chrono_tz::Asia::Tokyo);
    // And `list` (with TZ=UTC) shows the printed 11:00.
    let list = dais(&["list", name]);
    assert!(list.stdout.contains("11:00-11:45  Keynote"), "{list:?}");
    assert!(list.stdout.contains("Europe/Brussels"), "{list:?}");
}
