//! Each widget drawn into a buffer: what is where, and in which style.

#[path = "support/screen.rs"]
mod screen;

use dais::app::{Action, App, Command as C};
use dais::theme::Theme;
use dais::ui::detail::Detail;
use dais::ui::footer::Footer;
use dais::ui::header::Header;
use dais::ui::help::Help;
use dais::ui::messages::MessagesPane;
use dais::ui::messages_view::MessagesView;
use dais::ui::people::PeoplePane;
use dais::ui::people_view::PeopleView;
use dais::ui::session::SessionPane;
use dais::ui::status::StatusLine;
use dais::ui::timeline::Timeline;
use dais::ui::too_small::TooSmall;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use screen::{
    app, follows, has_style, locate, person, press, render, render_widget, search, style_at,
    style_in, style_of, text,
};

/// The style of the cell `dx` cells right of where `needle` starts.
fn style_after(buf: &Buffer, needle: &str, dx: u16) -> ratatui::style::Style {
    let (x, y) = locate(buf, needle);
    style_at(buf, x + dx, y)
}

#[test]
fn timeline_selected_row_is_selected_when_focused_and_idle_when_not() {
    let mut a = app("11:05");
    press(&mut a, &[C::Down]);
    let t = a.theme;
    let buf = render_widget(Timeline::new(&a), 54, 20);
    let title = style_of(&buf, "Panel 2: Trafficking");
    assert!(has_style(title, t.selected), "{title:?}");
    assert_eq!(title.bg, Some(Color::Blue));
    // The selection mark and the row's blank end share the style.
    let (_, y) = locate(&buf, "Panel 2: Trafficking");
    assert_eq!(buf[(1, y)].symbol(), "▌");
    assert!(has_style(style_at(&buf, 1, y), t.selected));
    assert!(has_style(style_at(&buf, 52, y), t.selected));
    // The pane border is thick and accented.
    assert_eq!(buf[(0, 0)].symbol(), "┏");
    assert!(has_style(style_at(&buf, 0, 0), t.border_focus));

    press(&mut a, &[C::NextPane]);
    let buf = render_widget(Timeline::new(&a), 54, 20);
    let title = style_of(&buf, "Panel 2: Trafficking");
    assert!(has_style(title, t.selected_idle), "{title:?}");
    assert_ne!(title.bg, t.selected.bg);
    assert_eq!(buf[(0, 0)].symbol(), "┌");
    assert!(has_style(style_at(&buf, 0, 0), t.border));
}

#[test]
fn timeline_marks_live_and_past_sessions() {
    let mut a = app("11:05");
    press(&mut a, &[C::Down]);
    let t = a.theme;
    let buf = render_widget(Timeline::new(&a), 54, 20);
    // Panel 1 is live, not selected: its marker and whole row are "live".
    let (x, y) = locate(&buf, "●10:30-11:45");
    assert!(has_style(style_at(&buf, x, y), t.live));
    assert!(has_style(style_of(&buf, "Panel 1: A Human"), t.live));
    // Opening and introductory statements are over.
    for title in ["Opening of the", "Introductory statements"] {
        let s = style_of(&buf, title);
        assert!(has_style(s, t.past), "{title}: {s:?}");
        assert!(s.add_modifier.contains(Modifier::DIM));
    }
    // Panel 3 is to come: plain.
    let later = style_of(&buf, "Panel 3: Trafficking");
    assert!(!later.add_modifier.contains(Modifier::DIM));
    assert_eq!(later.bg, Some(Color::Reset));
    // The live marker keeps its style on the selected row too.
    press(&mut a, &[C::Up]);
    let buf = render_widget(Timeline::new(&a), 54, 20);
    let (x, y) = locate(&buf, "●10:30-11:45");
    let marker = style_at(&buf, x, y);
    assert!(has_style(marker, t.live), "{marker:?}");
    assert_eq!(marker.bg, t.selected.bg);
}

#[test]
fn timeline_highlights_search_matches() {
    let mut a = app("11:05");
    search(&mut a, "prosecution");
    a.update(Action::SearchSubmit);
    press(&mut a, &[C::Top]);
    let t = a.theme;
    let buf = render_widget(Timeline::new(&a), 80, 20);
    let hit = style_of(&buf, "prosecution of");
    assert!(has_style(hit, t.matched), "{hit:?}");
    assert!(!has_style(style_of(&buf, "Effective"), t.matched));
    let (_, y) = locate(&buf, "Effective prosecution");
    assert_eq!(buf[(1, y)].symbol(), "»");
    assert!(has_style(style_at(&buf, 1, y), t.matched));
    // Other rows carry no mark.
    let (_, y) = locate(&buf, "Panel 3:");
    assert_eq!(buf[(1, y)].symbol(), " ");
}

#[test]
fn timeline_tags_video_only_sessions() {
    let mut a = app("11:05");
    // Make panel 2's speakers all appear by video.
    let p2 = screen::session(&a, "panel-2");
    for p in &mut a.agenda.sessions[p2].participants {
        p.appearance = dais::agenda::Appearance::Video;
    }
    let buf = render_widget(Timeline::new(&a), 54, 20);
    let (_, y) = locate(&buf, "Panel 2: ");
    assert!(screen::line(&buf, y).trim_end().ends_with("▶ video┃"));
    assert!(has_style(style_of(&buf, "▶ video"), a.theme.video));
}

#[test]
fn people_pane_marks_video_messages_and_groups_by_role() {
    let a = app("11:05");
    let t = a.theme;
    let buf = render_widget(PeoplePane(&a), 66, 24);
    let s = text(&buf);
    assert!(s.contains("Panellists (5) · 2 by video"), "{s}");
    assert!(
        s.contains("Professor Joy Ngozi Ezeilo  ▶ video message"),
        "{s}"
    );
    assert!(s.contains("Hon. Mohna Ansari  ▶ video message"), "{s}");
    assert!(!s.contains("Ms. Kay Buck  ▶"), "{s}");
    assert!(follows(&s, "Moderators (1)", "│  Ms. Purna Sen"), "{s}");
    assert!(
        s.find("Moderators").unwrap() < s.find("Panellists").unwrap(),
        "who leads the panel comes first:\n{s}"
    );
    assert!(has_style(style_of(&buf, "▶ video message"), t.video));
    assert!(has_style(style_of(&buf, "· 2 by video"), t.video));
    assert!(has_style(style_of(&buf, "Panellists (5)"), t.heading));
    assert!(has_style(style_of(&buf, "Ms. Kay Buck"), t.strong));
    assert!(has_style(style_of(&buf, "Executive Officer"), t.dim));
    assert_eq!(buf[(0, 0)].symbol(), "┌", "not focused");
    assert!(s.contains("People · 6"));
}

#[test]
fn people_pane_focused_shows_a_thick_border_and_its_scroll() {
    let mut a = app("11:05");
    press(&mut a, &[C::NextPane]);
    // The scroll as it would be on a terminal this small.
    a.people_scroll = 2;
    let buf = render_widget(PeoplePane(&a), 40, 8);
    assert_eq!(buf[(0, 0)].symbol(), "┏");
    assert!(has_style(style_at(&buf, 0, 0), a.theme.border_focus));
    let s = text(&buf);
    let total = dais::ui::people::lines(&a, 38).len();
    assert!(
        s.lines().last().unwrap().contains(&format!(" 8/{total} ")),
        "{s}"
    );
    // Scrolled two lines: the moderator's heading and name are gone.
    assert!(!s.contains("Moderators"), "{s}");
    assert!(!s.contains("Purna Sen"), "{s}");
    assert!(s.contains("Panellists (5)"), "{s}");
}

#[test]
fn video_search_highlights_the_marker() {
    let mut a = app("11:05");
    search(&mut a, "video");
    let buf = render_widget(PeoplePane(&a), 66, 24);
    let (x, y) = locate(&buf, "▶ video message");
    assert!(has_style(style_at(&buf, x + 2, y), a.theme.matched));
}

#[test]
fn session_pane_shows_the_selected_session_and_its_shift() {
    let mut a = app("11:05");
    let t = a.theme;
    let buf = render_widget(SessionPane(&a), 66, 6);
    let s = text(&buf);
    assert!(s.contains("│Panel 1: A Human-rights-based"), "{s}");
    assert!(
        s.contains("10:30-11:45 · 1 h 15 min · Morning Meeting · panel"),
        "{s}"
    );
    assert!(s.contains("Interactive Q and A"), "{s}");
    assert!(has_style(style_of(&buf, "Panel 1: A Human"), t.strong));
    assert!(has_style(
        style_of(&buf, "Interactive Q and A"),
        t.suggestion
    ));
    press(&mut a, &[C::Later, C::Later]);
    let buf = render_widget(SessionPane(&a), 66, 7);
    assert!(has_style(style_of(&buf, "(planned 10:30-11:45)"), t.late));
    assert!(text(&buf).contains("10:40-11:55 · 1 h 15 min"));
}

#[test]
fn messages_pane_shows_the_sessions_messages_in_full() {
    let a = app("11:05");
    let buf = render_widget(MessagesPane(&a), 66, 60);
    let s = text(&buf);
    assert!(s.contains("Key messages · 2"), "{s}");
    assert!(s.contains("│1. Enshrine a victim-centred"), "{s}");
    assert!(s.contains("│3. Recognize Emerging Challenges"), "{s}");
    assert!(has_style(style_of(&buf, "1. Enshrine"), a.theme.strong));
}

#[test]
fn messages_pane_suggests_for_a_session_that_links_none() {
    let mut a = app("11:05");
    press(&mut a, &[C::Top]);
    assert!(a.agenda.sessions[0].key_messages.is_empty());
    let buf = render_widget(MessagesPane(&a), 66, 20);
    let s = text(&buf);
    assert!(s.contains("Key messages · 0"), "{s}");
    assert!(
        s.contains("No key messages are linked to this session"),
        "{s}"
    );
    if s.contains("suggested: ") {
        assert!(has_style(style_of(&buf, "suggested: "), a.theme.suggestion));
    }
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
    assert!(lines[1].ends_with("1 Agenda   2 Key messages   3 People"));
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
fn footer_lists_keys_or_the_search_box() {
    let mut a = app("11:05");
    let t = a.theme;
    let buf = render_widget(Footer(&a), 120, 1);
    let s = text(&buf);
    assert_eq!(
        s,
        " ↑↓ move  Tab pane  Enter open  / search  2 messages  3 people  t now  ? help  q quit"
    );
    assert!(has_style(style_of(&buf, "Tab"), t.key));
    assert!(has_style(style_of(&buf, "pane"), t.dim));
    // Narrow: whole entries drop off the end.
    let s = text(&render_widget(Footer(&a), 32, 1));
    assert_eq!(s, " ↑↓ move  Tab pane  Enter open");
    let s = text(&render_widget(Footer(&a), 31, 1));
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
    let buf = render_widget(Help(&a), 120, 60);
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
fn detail_shows_the_session_its_people_and_messages() {
    let mut a = app("11:05");
    press(&mut a, &[C::Down, C::Down, C::Open]);
    let buf = render_widget(Detail(&a), 100, 60);
    let s = text(&buf);
    assert_eq!(buf[(0, 0)].symbol(), "┏");
    assert!(s.contains("Session detail · Esc to close"));
    assert!(s.contains("┃Panel 3: Trafficking in persons"), "{s}");
    assert!(
        follows(&s, "┃Moderators (1)", "┃  Mr. Vinicius Pinheiro"),
        "{s}"
    );
    assert!(follows(&s, "┃Key messages", "┃2. Address Causes"), "{s}");
    assert!(has_style(style_of(&buf, "Moderators (1)"), a.theme.heading));
}

/// Draws the key messages or people view into a 120x36 body as the layout
/// places it.
fn view(a: &App) -> Buffer {
    let s = a.screen();
    let mut buf = Buffer::empty(Rect::new(0, 0, a.size.0, a.size.1));
    match a.view {
        dais::app::View::Messages => {
            MessagesView(a).render_into(s.list, s.text, s.sessions, &mut buf);
        }
        _ => PeopleView(a).render_into(s.list, s.text, s.sessions, &mut buf),
    }
    buf
}

#[test]
fn messages_view_highlights_the_sessions_of_the_selected_message() {
    let mut a = app("11:05");
    press(&mut a, &[C::ViewMessages, C::Down, C::Down, C::Down]);
    let t = a.theme;
    let buf = view(&a);
    let s = text(&buf);
    assert!(s.contains("Key messages · 5"));
    assert!(s.contains("Sessions that speak to it · 1"), "{s}");
    let list = a.screen().list;
    // The selected message, focused.
    assert!(has_style(style_in(&buf, list, "4. Effective"), t.selected));
    assert!(!has_style(style_in(&buf, list, "3. Recognize"), t.selected));
    // Its one session is marked and chosen (idle: the list has focus);
    // the others are dim.
    let (x, y) = locate(&buf, "» 16:25-17:50 Panel 4");
    assert!(has_style(style_at(&buf, x, y), t.matched));
    assert!(has_style(style_at(&buf, x + 3, y), t.selected_idle));
    assert!(has_style(style_of(&buf, "10:30-11:45 Panel 1"), t.dim));
    // Tab to the sessions: they take the focus style.
    press(&mut a, &[C::NextPane, C::NextPane]);
    let buf = view(&a);
    assert!(has_style(style_of(&buf, "16:25-17:50 Panel 4"), t.selected));
    assert!(has_style(
        style_in(&buf, list, "4. Effective"),
        t.selected_idle
    ));
    let (x, y) = locate(&buf, "Sessions that speak");
    assert_eq!(buf[(x - 2, y)].symbol(), "┏");
}

#[test]
fn messages_view_links_several_sessions() {
    let mut a = app("11:05");
    press(&mut a, &[C::ViewMessages]);
    let buf = view(&a);
    let marked: Vec<&str> = text(&buf)
        .lines()
        .filter(|l| l.contains("» "))
        .map(|l| {
            if l.contains("Introductory") {
                "intro"
            } else if l.contains("Panel 1") {
                "p1"
            } else if l.contains("Panel 4") {
                "p4"
            } else {
                "other"
            }
        })
        .collect();
    assert_eq!(marked, ["intro", "p1", "p4"]);
}

#[test]
fn people_view_shows_a_persons_sessions_and_roles() {
    let mut a = app("11:05");
    press(&mut a, &[C::ViewPeople]);
    let ezeilo = person(&a, "joy-ngozi-ezeilo");
    press(&mut a, &vec![C::Down; ezeilo]);
    let t = a.theme;
    let buf = view(&a);
    let s = text(&buf);
    let list = a.screen().list;
    assert!(s.contains("People · 26"), "{s}");
    assert!(has_style(
        style_in(&buf, list, "Professor Joy Ngozi Ezeilo"),
        t.selected
    ));
    assert!(s.contains("Dean, Faculty of Law"), "{s}");
    assert!(s.contains("Their sessions · 1 · Enter to go"), "{s}");
    assert!(
        s.contains("10:30-11:45 Panel 1: A Human-rights-based, survivor… panellist ▶ video│"),
        "{s}"
    );
    // The one session is chosen, idle until its pane has focus.
    assert!(has_style(
        style_of(&buf, "10:30-11:45 Panel 1"),
        t.selected_idle
    ));
    press(&mut a, &[C::NextPane]);
    let buf = view(&a);
    assert!(has_style(style_of(&buf, "10:30-11:45 Panel 1"), t.selected));
    assert!(has_style(
        style_in(&buf, list, "Professor Joy"),
        t.selected_idle
    ));
}

#[test]
fn people_view_marks_a_video_appearance_in_the_role() {
    let mut a = app("11:05");
    // Say Peter Thomson closed the hearing by video.
    let closing = screen::session(&a, "closing");
    a.agenda.sessions[closing].participants[0].appearance = dais::agenda::Appearance::Video;
    press(&mut a, &[C::ViewPeople]);
    let buf = view(&a);
    let sessions = a.screen().sessions;
    // Not the chosen row: the role is in the video style.
    let role = style_in(&buf, sessions, "chair ▶ video");
    assert!(has_style(role, a.theme.video), "{role:?}");
    let first = style_in(&buf, sessions, "10:00-10:15");
    assert!(has_style(first, a.theme.selected_idle));
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

#[test]
fn the_whole_screen_composes_the_panes() {
    let a = app("11:05");
    let buf = render(&a);
    let s = text(&buf);
    let sc = a.screen();
    assert_eq!(buf[(sc.timeline.x, sc.timeline.y)].symbol(), "┏");
    assert_eq!(buf[(sc.session.x, sc.session.y)].symbol(), "┌");
    assert_eq!(buf[(sc.people.x, sc.people.y)].symbol(), "┌");
    assert_eq!(buf[(sc.messages.x, sc.messages.y)].symbol(), "┌");
    for needle in [
        "Informal Interactive Multi-stakeholder Hearing",
        "● LIVE Panel 1",
        "Programme · 7 sessions",
        "Panellists (5) · 2 by video",
        "Key messages · 2",
        "? help  q quit",
    ] {
        assert!(s.contains(needle), "{needle:?}:\n{s}");
    }
    // Too small: only the notice.
    let mut small = app("11:05");
    small.update(Action::Resize {
        width: 39,
        height: 20,
    });
    let s = text(&render(&small));
    assert!(s.contains("Terminal too small: 39x20"), "{s}");
    assert!(!s.contains("Programme"), "{s}");
}

#[test]
fn monochrome_has_no_colour_yet_selection_and_focus_show() {
    let mut states: Vec<App> = Vec::new();
    let mono = |a: App| a.with_theme(Theme::monochrome());
    states.push(mono(app("11:05")));
    let mut a = mono(app("11:05"));
    press(&mut a, &[C::Later, C::Later, C::NextPane]);
    states.push(a);
    let mut a = mono(app("11:05"));
    search(&mut a, "panel");
    states.push(a);
    for v in [C::ViewMessages, C::ViewPeople, C::Help, C::Open] {
        let mut a = mono(app("11:05"));
        press(&mut a, &[v]);
        states.push(a);
    }
    for a in &states {
        let buf = render(a);
        for cell in buf.content() {
            assert_eq!(cell.fg, Color::Reset, "fg in {:?}", a.view);
            assert_eq!(cell.bg, Color::Reset, "bg in {:?}", a.view);
        }
    }
    // Selection: reversed; focus: a thick, bold border.
    let a = &states[0];
    let buf = render(a);
    let sc = a.screen();
    let sel = style_in(&buf, sc.timeline, "Panel 1: A Human");
    assert!(sel.add_modifier.contains(Modifier::REVERSED), "{sel:?}");
    let plain = style_in(&buf, sc.timeline, "Panel 3: Trafficking");
    assert!(!plain.add_modifier.contains(Modifier::REVERSED));
    assert_eq!(buf[(sc.timeline.x, sc.timeline.y)].symbol(), "┏");
    assert!(
        style_at(&buf, sc.timeline.x, sc.timeline.y)
            .add_modifier
            .contains(Modifier::BOLD)
    );
    assert_eq!(buf[(sc.people.x, sc.people.y)].symbol(), "┌");
    // Idle selection still differs from plain text and from focus.
    let buf = render(&states[1]);
    let idle = style_in(&buf, sc.timeline, "Panel 1: A Human");
    assert!(idle.add_modifier.contains(Modifier::REVERSED));
    assert_ne!(idle, sel);
    // Search matches are underlined.
    let buf = render(&states[2]);
    let hit = style_in(&buf, sc.timeline, "Panel 3");
    assert!(hit.add_modifier.contains(Modifier::UNDERLINED), "{hit:?}");
}
