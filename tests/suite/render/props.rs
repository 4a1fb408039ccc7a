//! Property: for any valid agenda, terminal size and sequence of actions,
//! updating and drawing never panic, and the selection stays in range.
//!
//! Agendas are small dais/1 files with awkward text (wide CJK, combining
//! marks, emoji, very long words, controls and escapes that the loader
//! must strip), any number of people, sessions and key messages, over
//! several days and in zones with daylight saving.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use dais::app::{Action, App, Command};
use dais::load::{Limits, load_bytes};
use dais::ui::Screen;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use serde_json::{Value, json};

/// Text that is hard to lay out.
fn awkward() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][A-Za-z ,.:'-]{0,40}",
        "[\u{4e00}-\u{4e80}\u{3040}-\u{309f}]{1,24}",
        "(e\u{301}|a\u{308}\u{332}|o|\u{20dd}){1,12}",
        prop::sample::select(vec![
            "👩‍👩‍👧 family",
            "🏳️‍🌈",
            "🎉🎉🎉 launch",
            "👍🏽 ok",
            "Ｆｕｌｌｗｉｄｔｈ",
            "x\u{200b}y\u{feff}z",
            "\u{1b}[31mred\u{1b}[0m",
            "right\u{202e}to left",
            "tab\there\r\nline",
            "",
            "   ",
        ])
        .prop_map(str::to_owned),
        "[a-z]{60,160}",
        any::<String>(),
    ]
}

/// A time of day as the format writes it, "24:00" included.
fn hhmm(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[derive(Debug, Clone)]
struct SessionSpec {
    next_day: bool,
    start: u32,
    length: u32,
    title: String,
    kind: usize,
    part: Option<String>,
    notes: Vec<String>,
    description: Option<String>,
    people: Vec<(usize, usize, bool, Option<String>)>,
    messages: Vec<usize>,
}

fn session_spec() -> impl Strategy<Value = SessionSpec> {
    (
        (any::<bool>(), 0u32..1439, 1u32..300, awkward(), 0usize..6),
        (
            prop::option::of(prop_oneof![
                Just("Morning Meeting".to_owned()),
                Just("Afternoon".to_owned()),
                awkward()
            ]),
            prop::collection::vec(awkward(), 0..3),
            prop::option::of(awkward()),
            prop::collection::vec(
                (
                    0usize..40,
                    0usize..4,
                    any::<bool>(),
                    prop::option::of(awkward()),
                ),
                0..8,
            ),
            prop::collection::vec(0usize..40, 0..4),
        ),
    )
        .prop_map(
            |(
                (next_day, start, length, title, kind),
                (part, notes, description, people, messages),
            )| {
                SessionSpec {
                    next_day,
                    start,
                    length: length.min(1440 - start),
                    title,
                    kind,
                    part,
                    notes,
                    description,
                    people,
                    messages,
                }
            },
        )
}

#[derive(Debug, Clone)]
struct AgendaSpec {
    zone: &'static str,
    day: u32,
    people: Vec<(String, Option<String>, Option<String>)>,
    messages: Vec<(Option<i64>, String, Vec<String>)>,
    sessions: Vec<SessionSpec>,
}

fn agenda_spec() -> impl Strategy<Value = AgendaSpec> {
    (
        prop::sample::select(vec![
            "UTC",
            "America/New_York",
            "Europe/Berlin",
            "Asia/Kolkata",
            "Australia/Lord_Howe",
            "Pacific/Chatham",
        ]),
        0u32..366,
        prop::collection::vec(
            (
                awkward(),
                prop::option::of(awkward()),
                prop::option::of(awkward()),
            ),
            0..10,
        ),
        prop::collection::vec(
            (
                prop::option::of(-5i64..100),
                awkward(),
                prop::collection::vec(awkward(), 0..3),
            ),
            0..6,
        ),
        prop::collection::vec(session_spec(), 1..14),
    )
        .prop_map(|(zone, day, people, messages, sessions)| AgendaSpec {
            zone,
            day,
            people,
            messages,
            sessions,
        })
}

const KINDS: [&str; 6] = [
    "opening",
    "statements",
    "panel",
    "break",
    "closing",
    "other",
];
const ROLES: [&str; 4] = ["chair", "speaker", "panellist", "moderator"];

/// The spec as a dais/1 file.
fn to_json(spec: &AgendaSpec) -> Value {
    let first = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Duration::days(spec.day.into());
    let people: serde_json::Map<String, Value> = spec
        .people
        .iter()
        .enumerate()
        .map(|(i, (name, honorific, affiliation))| {
            let mut p = json!({ "name": name });
            if let Some(h) = honorific {
                p["honorific"] = json!(h);
            }
            if let Some(a) = affiliation {
                p["affiliation"] = json!(a);
            }
            (format!("p{i}"), p)
        })
        .collect();
    let messages: Vec<Value> = spec
        .messages
        .iter()
        .enumerate()
        .map(|(i, (number, title, text))| {
            let mut m = json!({ "id": format!("k{i}"), "title": title, "text": text });
            if let Some(n) = number {
                m["number"] = json!(n);
            }
            m
        })
        .collect();
    let mut date = first;
    let sessions: Vec<Value> = spec
        .sessions
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if s.next_day && i > 0 {
                date += Duration::days(1);
            }
            let mut v = json!({
                "id": format!("s{i}"),
                "title": s.title,
                "kind": KINDS[s.kind],
                "date": date.format("%Y-%m-%d").to_string(),
                "start": hhmm(s.start),
                "end": hhmm(s.start + s.length),
                "notes": s.notes,
            });
            if let Some(p) = &s.part {
                v["part"] = json!(p);
            }
            if let Some(d) = &s.description {
                v["description"] = json!(d);
            }
            if !spec.people.is_empty() {
                let n = spec.people.len();
                v["participants"] = s
                    .people
                    .iter()
                    .map(|(who, role, video, capacity)| {
                        let mut p = json!({
                            "person": format!("p{}", who % n),
                            "role": ROLES[*role],
                            "appearance": if *video { "video" } else { "in_person" },
                        });
                        if let Some(c) = capacity {
                            p["capacity"] = json!(c);
                        }
                        p
                    })
                    .collect();
            }
            if !spec.messages.is_empty() {
                let n = spec.messages.len();
                v["key_messages"] = s
                    .messages
                    .iter()
                    .map(|k| json!(format!("k{}", k % n)))
                    .collect();
            }
            v
        })
        .collect();
    json!({
        "format": "dais/1",
        "event": {
            "title": spec.sessions[0].title,
            "date": first.format("%Y-%m-%d").to_string(),
            "timezone": spec.zone,
            "venue": spec.people.first().map(|p| p.0.clone()),
        },
        "people": people,
        "key_messages": messages,
        "sessions": sessions,
    })
}

fn action(start: DateTime<Utc>) -> impl Strategy<Value = Action> {
    let commands: Vec<Command> = dais::keymap::COMMANDS.iter().map(|c| c.command).collect();
    prop_oneof![
        6 => prop::sample::select(commands).prop_map(Action::Command),
        3 => any::<char>().prop_map(Action::SearchChar),
        2 => prop::sample::select(vec!['a', 'e', 'v', ' ', '日', 'é']).prop_map(Action::SearchChar),
        1 => Just(Action::SearchBackspace),
        1 => Just(Action::SearchSubmit),
        1 => Just(Action::SearchCancel),
        2 => (0u16..310, 0u16..110).prop_map(|(x, y)| Action::Click { x, y }),
        2 => (0u16..310, 0u16..110, -3i16..=3).prop_map(|(x, y, lines)| Action::Scroll { x, y, lines }),
        1 => (0u16..310, 0u16..110, -3i16..=3).prop_map(|(x, y, lines)| Action::ScrollSideways { x, y, lines }),
        2 => (1u16..=300, 1u16..=100).prop_map(|(width, height)| Action::Resize { width, height }),
        1 => Just(Action::Resize { width: 0, height: 0 }),
        2 => (-3000i64..12_000).prop_map(move |m| Action::Tick(start + Duration::minutes(m))),
    ]
}

/// Draws the screen; nothing from the file that the loader should have
/// stripped reaches a cell (the footer, which shows what the user typed,
/// aside).
fn draw(app: &App) {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let mut buf = Buffer::empty(area);
    Screen(app).render(area, &mut buf);
    for y in 0..area.height.saturating_sub(1) {
        for x in 0..area.width {
            let sym = buf[(x, y)].symbol();
            assert!(
                !sym.chars().any(dais::sanitize::is_unsafe),
                "{sym:?} at {x},{y}"
            );
        }
    }
}

fn check(app: &App) {
    let n = app.agenda.sessions.len();
    assert!(app.selected() < n, "selected {} of {n}", app.selected());
    assert!(app.views.agenda.top <= app.index.rows.len());
    assert!(app.views.messages.list.selected < app.agenda.key_messages.len().max(1));
    assert!(app.views.people.list.selected < app.agenda.people.len().max(1));
    // The agenda view has no linked sessions; the cursor is reset when a
    // list view is shown again.
    match app.view {
        dais::app::View::Messages => {
            let m = &app.views.messages;
            assert!(m.linked.selected < m.sessions(app).len().max(1));
        }
        dais::app::View::People => {
            let p = &app.views.people;
            assert!(p.linked.selected < p.sessions(app).len().max(1));
        }
        dais::app::View::Grid => {
            // Scrolled no further than the shown day has rows and lanes.
            if let Some(day) = app.views.grid.day(app) {
                assert!(
                    app.views.grid.top <= day.axis.rows,
                    "grid top {}",
                    app.views.grid.top
                );
                assert!(
                    app.views.grid.left <= day.lanes.len(),
                    "grid left {}",
                    app.views.grid.left
                );
            }
        }
        dais::app::View::Changes => {
            let c = &app.views.changes;
            assert!(c.list.selected < c.changes.len().max(1));
        }
        dais::app::View::Notes => {
            let v = &app.views.notes;
            assert!(v.list.selected < app.notes.len().max(1));
        }
        dais::app::View::Agenda => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        max_shrink_iters: 2000,
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::Direct(
                "tests/proptest-regressions/render_props.txt",
            ),
        )),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_agenda_any_size_any_actions_never_panic(
        (spec, actions, size) in agenda_spec().prop_flat_map(|spec| {
            let start = DateTime::<Utc>::from_naive_utc_and_offset(
                (NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Duration::days(spec.day.into()))
                    .and_hms_opt(0, 0, 0)
                    .unwrap(),
                Utc,
            );
            (
                Just(spec),
                prop::collection::vec(action(start), 0..40),
                (1u16..=300, 1u16..=100),
            )
        })
    ) {
        let json = to_json(&spec);
        let text = serde_json::to_string(&json).unwrap();
        let loaded = load_bytes("prop.json", text.as_bytes(), &Limits::default());
        if let Err(e) = &loaded {
            prop_assert!(
                e.problems.iter().all(|p| p.message.contains("does not exist")),
                "a generated agenda did not load:\n{e}"
            );
        }
        // A time in a daylight-saving gap is rightly an error; skip those.
        prop_assume!(loaded.is_ok());
        let loaded = loaded.unwrap();
        let start = loaded.agenda.sessions[0].span.start;
        let mut app = App::new(loaded.agenda, start - Duration::minutes(30));
        app.update(Action::Resize { width: size.0, height: size.1 });
        draw(&app);
        for a in actions {
            app.update(a);
            check(&app);
            draw(&app);
        }
    }
}
