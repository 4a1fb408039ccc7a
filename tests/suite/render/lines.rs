//! The one-line widgets and the help drawn into a buffer: header, status
//! line, footer, help, and the too-small notice; what is where, and in
//! which style.

use crate::support::screen;

use dais::app::{Action, App, Command as C};
use dais::theme::Theme;
use dais::ui::footer::Footer;
use dais::ui::header::Header;
use dais::ui::help::Help;
use dais::ui::status::StatusLine;
use dais::ui::too_small::TooSmall;
use ratatui::buffer::Buffer;
use screen::{app, has_style, locate, press, render_widget, search, style_at, style_of, text};

/// The style of the cell `dx` cells right of where `needle` starts.
fn style_after(buf: &Buffer, needle: &str, dx: u16) -> ratatui::style::Style {
    let (x, y) = locate(buf, needle);
    style_at(buf, x + dx, y)
}

#[test]
fn status_line_says_live_late_and_follow() {
    let mut a = app("11:05");
    let t = a.theme;
    let buf = render_widget(StatusLine(&a), 200, 1);
    let s = text(&buf);
    assert!(
        s.starts_with(" ● LIVE Panel 1: A Human-rights-based"),
        "{s}"
    );
    assert!(has_style(style_of(&buf, "Panel 1: A"), t.live));
    // At 120 the short title leaves room for the rest.
    let buf = render_widget(StatusLine(&a), 120, 1);
    let s = text(&buf);
    assert!(
        s.starts_with(" ● LIVE Panel 1 · 40 min left · next Panel 2 at 11:45, in 40 min"),
        "{s}"
    );
    assert!(s.ends_with("following"), "{s}");
    assert!(has_style(style_of(&buf, "● LIVE"), t.live));
    assert!(has_style(style_of(&buf, "Panel 1"), t.live));
    assert!(has_style(style_of(&buf, "40 min left"), t.text));
    assert!(has_style(style_of(&buf, "following"), t.dim));
    press(&mut a, &[C::Later, C::Later, C::Down]);
    let buf = render_widget(StatusLine(&a), 120, 1);
    let s = text(&buf);
    assert!(
        s.ends_with("running 10 min late  follow off · t now"),
        "{s}"
    );
    assert!(has_style(style_of(&buf, "running 10 min late"), t.late));
    assert!(has_style(style_after(&buf, "follow off · t", 13), t.key));
    // Narrow: the short title, and the right side drops before the left.
    // Narrow: the right side gives way to what is on.
    let buf = render_widget(StatusLine(&a), 60, 1);
    let s = text(&buf);
    assert!(
        s.starts_with(" ● LIVE Panel 1 · 50 min left · next Panel 2"),
        "{s}"
    );
    assert!(!s.contains("follow off"), "{s}");
}

#[test]
fn status_line_gives_up_the_least_important_first() {
    let line = |a: &App, w: u16| text(&render_widget(StatusLine(a), w, 1));
    // In the gap: the short title before the time is lost.
    let a = app("14:00");
    assert_eq!(
        line(&a, 80),
        format!(
            " no session now · Panel 3 at 15:00, in 1 h{:28}following",
            ""
        )
    );
    // Late: "in N min", then "following", then what comes next.
    let mut a = app("11:05");
    press(&mut a, &[C::Later, C::Later]);
    assert_eq!(
        line(&a, 80),
        format!(
            " ● LIVE Panel 1 · 50 min left · next Panel 2 at 11:55{:7}running 10 min late",
            ""
        )
    );
    let mut a = app("10:29");
    press(&mut a, &[C::Later, C::Later]);
    assert_eq!(
        line(&a, 80),
        format!(
            " ● LIVE Introductory statements · 11 min left{:15}running 10 min late",
            ""
        )
    );
    // Never cut inside a time.
    for w in 40..=120 {
        let s = line(&a, w);
        assert!(!s.contains("10:4…") && !s.contains("10:…"), "{w}: {s}");
    }
}

#[test]
fn status_line_drops_the_count_of_parallel_sessions_whole() {
    let rooms = screen::agenda(
        r#"{"format": "dais/1",
          "event": {"title": "Con", "date": "2017-06-23", "timezone": "America/New_York"},
          "sessions": [
            {"id": "a", "title": "Alpha", "kind": "other", "start": "10:00", "end": "11:00"},
            {"id": "b", "title": "Beta", "kind": "other", "start": "10:30", "end": "11:30"},
            {"id": "c", "title": "Gamma", "kind": "other", "start": "11:30", "end": "12:00"}]}"#,
    );
    let a = App::new(rooms, screen::at("10:45"));
    let line = |w: u16| text(&render_widget(StatusLine(&a), w, 1));
    assert!(
        line(120).starts_with(" ● LIVE Beta · 45 min left · 1 more on now · next Gamma at 11:30"),
        "{}",
        line(120)
    );
    // Narrower, the parts go whole, from the end: never "1 mo…".
    for w in 30..=120 {
        let s = line(w);
        assert!(!s.contains("1 m…") && !s.contains("1 …"), "{w}: {s}");
    }
    assert!(line(50).starts_with(" ● LIVE Beta · 45 min left · 1 more on now"));
    assert_eq!(line(40).trim_end(), " ● LIVE Beta · 45 min left");
}

#[test]
fn status_line_shows_a_banner_over_everything() {
    let mut a = app("11:05");
    a.banner = Some(dais::app::Banner {
        text: "Still showing the last good agenda: agenda.json: sessions[2].end: bad".into(),
        error: true,
        until: None,
    });
    let buf = render_widget(StatusLine(&a), 80, 1);
    assert!(text(&buf).starts_with(" Still showing the last good agenda"));
    assert!(
        has_style(style_at(&buf, 79, 0), a.theme.error),
        "the whole line"
    );
}

#[test]
fn header_shows_title_facts_tabs_and_clock() {
    let mut a = app("11:05");
    let t = a.theme;
    let buf = render_widget(Header(&a), 120, 2);
    let s = text(&buf);
    let lines: Vec<&str> = s.lines().collect();
    assert!(lines[0].starts_with(" Informal Interactive Multi-stakeholder Hearing"));
    assert!(lines[0].ends_with("11:05 EDT"));
    assert!(lines[1].starts_with(" Friday 23 June 2017 · Conference Room 4"));
    assert!(lines[1].ends_with("1 Agenda   2 Key messages   3 People   4 Notes   5 Grid"));
    assert!(has_style(style_of(&buf, "Informal"), t.strong));
    assert!(has_style(style_of(&buf, "11:05 EDT"), t.live));
    assert!(has_style(style_of(&buf, "1 Agenda"), t.selected));
    assert!(has_style(style_of(&buf, "3 People"), t.dim));
    press(&mut a, &[C::ViewPeople]);
    let buf = render_widget(Header(&a), 120, 2);
    assert!(has_style(style_of(&buf, "3 People"), t.selected));
    assert!(has_style(style_of(&buf, "1 Agenda"), t.dim));
}

#[test]
fn header_tabs_name_the_keys_the_keymap_binds() {
    use dais::keymap::{Key, Keymap};
    let mut a = app("11:05");
    a.keymap = Keymap::new(vec![
        (Key::ch('x'), C::ViewPeople),
        (Key::ch('1'), C::ViewAgenda),
    ]);
    let s = text(&render_widget(Header(&a), 120, 2));
    assert!(s.contains(" 1 Agenda   Key messages   x People"), "{s}");
}

#[test]
fn header_says_which_rooms_are_shown() {
    let mut a = app("11:05");
    a.only = Some("room Conference Room 4".to_owned());
    let buf = render_widget(Header(&a), 120, 2);
    let second = text(&buf).lines().nth(1).unwrap_or_default().to_owned();
    assert!(
        second.starts_with(" room Conference Room 4 · Friday 23 June 2017 · Conference"),
        "{second}"
    );
    assert!(has_style(style_of(&buf, "room Conference"), a.theme.dim));
}

#[test]
fn footer_lists_keys_or_the_search_box() {
    let mut a = app("11:05");
    let t = a.theme;
    let buf = render_widget(Footer(&a), 120, 1);
    let s = text(&buf);
    assert_eq!(
        s,
        " ↑↓ move  Tab pane  Enter open  / search  2 messages  3 people  t now  ? help  q quit  i note  * star  o mine"
    );
    assert!(has_style(style_of(&buf, "Tab"), t.key));
    assert!(has_style(style_of(&buf, "pane"), t.dim));
    // Narrow: whole entries drop off the end.
    let s = text(&render_widget(Footer(&a), 30, 1));
    assert_eq!(s, " ↑↓ move  Tab pane  Enter open");
    let s = text(&render_widget(Footer(&a), 29, 1));
    assert_eq!(s, " ↑↓ move  Tab pane");
    search(&mut a, "video");
    let buf = render_widget(Footer(&a), 120, 1);
    assert_eq!(text(&buf), " /video▏  3 sessions  Enter keep  Esc clear");
    assert!(has_style(style_of(&buf, "video▏"), t.strong));
    a.update(Action::SearchSubmit);
    assert_eq!(
        text(&render_widget(Footer(&a), 120, 1)),
        " /video  3 sessions  n next  N previous  Esc clear"
    );
    press(&mut a, &[C::Help]);
    a.update(Action::Command(C::Back));
    press(&mut a, &[C::Back]);
    press(&mut a, &[C::Help]);
    assert_eq!(
        text(&render_widget(Footer(&a), 120, 1)),
        " Esc back  ? help  q quit"
    );
}

#[test]
fn footer_warns_when_nothing_matches() {
    let mut a = app("11:05");
    search(&mut a, "xyzzy");
    let buf = render_widget(Footer(&a), 120, 1);
    assert!(text(&buf).contains("0 sessions"));
    assert!(has_style(style_of(&buf, "0 sessions"), a.theme.late));
}

#[test]
fn help_lists_every_command_with_its_keys() {
    let mut a = app("11:05");
    press(&mut a, &[C::Help]);
    let t = a.theme;
    let buf = render_widget(Help(&a), 120, 80);
    let s = text(&buf);
    assert_eq!(buf[(0, 0)].symbol(), "┏");
    assert!(s.contains("Help · Esc or ? to close"));
    for info in dais::keymap::COMMANDS {
        assert!(s.contains(info.help), "{} missing:\n{s}", info.name);
    }
    assert!(s.contains("  + =                running late"), "{s}");
    assert!(has_style(style_of(&buf, "Keys"), t.heading));
    assert!(has_style(style_of(&buf, "PgDn Ctrl-f Space"), t.key));
    assert!(s.contains("▶ video  by video message"), "{s}");
    // Everything fits an 80-column terminal, and a short one says there
    // is more.
    let s = text(&render_widget(Help(&a), 80, 60));
    assert!(s.contains("after by +5 min"), "{s}");
    let s = text(&render_widget(Help(&a), 80, 20));
    let total = dais::ui::help::lines(&a).len();
    assert!(s.ends_with(&format!(" 18/{total} ┛")), "{s}");
}

#[test]
fn too_small_says_so_centred() {
    let theme = Theme::default();
    let buf = render_widget(TooSmall(&theme), 30, 10);
    let s = text(&buf);
    assert!(s.contains("Terminal too small: 30x10."), "{s}");
    assert!(s.contains("dais needs 40x12."), "{s}");
    assert!(has_style(style_of(&buf, "Terminal"), theme.strong));
    let first = s.lines().position(|l| !l.trim().is_empty()).unwrap();
    assert!(first >= 3, "vertically centred: {s}");
}
