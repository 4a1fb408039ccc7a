//! The agenda view's panes drawn into a buffer: the timeline, the
//! selected session, its people and key messages, and the detail overlay;
//! what is where, and in which style.

use crate::support::screen;

use dais::app::{Action, Command as C, Pane};
use dais::views::agenda::detail::Detail;
use ratatui::style::{Color, Modifier};
use screen::{
    app, follows, has_style, locate, press, render_widget, search, style_at, style_of, text,
};

#[test]
fn timeline_selected_row_is_selected_when_focused_and_idle_when_not() {
    let mut a = app("11:05");
    press(&mut a, &[C::Down]);
    let t = a.theme;
    let buf = render_widget(a.views.agenda.timeline(&a), 54, 20);
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
    let buf = render_widget(a.views.agenda.timeline(&a), 54, 20);
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
    let buf = render_widget(a.views.agenda.timeline(&a), 54, 20);
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
    let buf = render_widget(a.views.agenda.timeline(&a), 54, 20);
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
    let buf = render_widget(a.views.agenda.timeline(&a), 80, 20);
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
    for p in &mut std::sync::Arc::make_mut(&mut a.agenda).sessions[p2].participants {
        p.appearance = dais::agenda::Appearance::Video;
    }
    let buf = render_widget(a.views.agenda.timeline(&a), 54, 20);
    let (_, y) = locate(&buf, "Panel 2: ");
    assert!(screen::line(&buf, y).trim_end().ends_with("▶ video┃"));
    assert!(has_style(style_of(&buf, "▶ video"), a.theme.video));
}

#[test]
fn people_pane_marks_video_messages_and_groups_by_role() {
    let a = app("11:05");
    let t = a.theme;
    let buf = render_widget(a.views.agenda.people_pane(&a), 66, 24);
    let s = text(&buf);
    assert!(
        s.contains("Panellists (5) · by video: Joy Ngozi Ezeilo, Mohna Ansari"),
        "{s}"
    );
    // Too narrow for the names beside the heading: on the next line.
    let narrow = text(&render_widget(a.views.agenda.people_pane(&a), 40, 24));
    assert!(narrow.contains("│Panellists (5)    "), "{narrow}");
    assert!(
        narrow.contains("│  by video: Joy Ngozi Ezeilo, Mohna   "),
        "{narrow}"
    );
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
    assert!(has_style(
        style_of(&buf, "by video: Joy Ngozi Ezeilo"),
        t.video
    ));
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
    a.views.agenda.people_scroll = 2;
    let buf = render_widget(a.views.agenda.people_pane(&a), 40, 8);
    assert_eq!(buf[(0, 0)].symbol(), "┏");
    assert!(has_style(style_at(&buf, 0, 0), a.theme.border_focus));
    let s = text(&buf);
    let total = dais::views::agenda::people::lines(&a, 38).len();
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
    let buf = render_widget(a.views.agenda.people_pane(&a), 66, 24);
    let (x, y) = locate(&buf, "▶ video message");
    assert!(has_style(style_at(&buf, x + 2, y), a.theme.matched));
}

#[test]
fn session_pane_shows_the_selected_session_and_its_shift() {
    let mut a = app("11:05");
    let t = a.theme;
    let buf = render_widget(a.views.agenda.session_pane(&a), 66, 6);
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
    let buf = render_widget(a.views.agenda.session_pane(&a), 66, 7);
    assert!(has_style(style_of(&buf, "(planned 10:30-11:45)"), t.late));
    assert!(text(&buf).contains("10:40-11:55 · 1 h 15 min"));
}

#[test]
fn messages_pane_shows_the_sessions_messages_in_full() {
    let a = app("11:05");
    let buf = render_widget(a.views.agenda.messages_pane(&a), 66, 60);
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
    let buf = render_widget(a.views.agenda.messages_pane(&a), 66, 20);
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

#[test]
fn the_people_pane_fits_its_content_and_key_messages_take_the_rest() {
    // 120x40, panes side by side: the right column under the session pane
    // is shared by people and key messages.
    let inner = |a: &dais::app::App| a.screen().pane(Pane::People).width - 2;
    let people_lines = |a: &dais::app::App| dais::views::agenda::people::lines(a, inner(a)).len();
    // The opening: three people, all shown, and no more rows than that.
    let mut a = app("11:05");
    press(&mut a, &[C::Top]);
    let s = a.screen();
    assert_eq!(
        usize::from(s.pane(Pane::People).height),
        people_lines(&a) + 2
    );
    assert_eq!(s.pane(Pane::Messages).y, s.pane(Pane::People).bottom());
    assert_eq!(
        s.pane(Pane::Messages).bottom(),
        s.pane(Pane::Timeline).bottom()
    );
    // Panel 1: nineteen lines of people, all shown; the key messages,
    // which need more than is left, scroll in the rest.
    let a = app("11:05");
    let s = a.screen();
    assert_eq!(people_lines(&a), 19);
    assert_eq!(s.pane(Pane::People).height, 21);
    assert!(s.pane(Pane::Messages).height >= 3);
    let buf = render_widget(
        a.views.agenda.people_pane(&a),
        s.pane(Pane::People).width,
        s.pane(Pane::People).height,
    );
    assert!(
        text(&buf).contains("Commission, Nepal"),
        "the last line shows"
    );
}

#[test]
fn session_pane_focused_shows_a_thick_border_and_its_scroll() {
    let mut a = app("10:05");
    let buf = render_widget(a.views.agenda.session_pane(&a), 40, 6);
    assert_eq!(buf[(0, 0)].symbol(), "┌", "not focused");
    assert!(has_style(style_at(&buf, 0, 0), a.theme.border));
    assert!(text(&buf).contains("Opening of the"));
    a.views.agenda.focus = dais::app::Pane::Session;
    a.views.agenda.session_scroll = 2;
    let buf = render_widget(a.views.agenda.session_pane(&a), 40, 6);
    assert_eq!(buf[(0, 0)].symbol(), "┏");
    assert!(has_style(style_at(&buf, 0, 0), a.theme.border_focus));
    let s = text(&buf);
    let total = dais::views::agenda::session::lines(&a, 38).len();
    assert!(
        s.lines().last().unwrap().contains(&format!(" 6/{total} ")),
        "{s}"
    );
    // Scrolled past the two lines of the title, to the facts.
    let first = s.lines().nth(1).unwrap();
    assert!(first.contains("10:00-10:15 · 15 min"), "{s}");
}

/// The selected session with 64 KB of text in `description` and in a note.
fn with_big_text(description: String) -> dais::app::App {
    let mut a = app("10:05");
    let mut agenda = dais::agenda::Agenda::clone(&a.agenda);
    let i = a.selected();
    agenda.sessions[i].description = Some(description.into());
    a.replace_agenda(agenda);
    a
}

#[test]
fn a_64_kb_unbroken_word_scrolls_to_its_end_and_says_where() {
    let mut a = with_big_text("y".repeat(65_536));
    a.views.agenda.focus = dais::app::Pane::Session;
    let total = dais::views::agenda::session::lines(&a, 38).len();
    // 65,536 cells of y at 38 a line, after the title and the facts (and
    // in place of an empty description's one line).
    let base = dais::views::agenda::session::lines(&with_big_text(String::new()), 38).len();
    assert_eq!(total, base - 1 + 65_536_usize.div_ceil(38));
    a.update(Action::Resize {
        width: 120,
        height: 40,
    });
    a.views.agenda.session_scroll = usize::MAX / 2;
    let buf = render_widget(a.views.agenda.session_pane(&a), 40, 8);
    let s = text(&buf);
    assert!(s.contains(&format!(" {total}/{total} ")), "{s}");
    let last = s.lines().nth(6).unwrap();
    assert!(last.contains(&"y".repeat(65_536 % 38)), "{s}");
    assert!(!last.contains(&"y".repeat(65_536 % 38 + 1)), "{s}");
}

#[test]
fn a_64_kb_description_shows_its_first_page_and_the_pane_keeps_its_size() {
    let mut words = String::new();
    for w in 0..11_000 {
        let _ = std::fmt::Write::write_fmt(&mut words, format_args!("w{w:05} "));
    }
    let a = with_big_text(words[..65_536].to_owned());
    let s = a.screen();
    // The session pane takes no more than its share for a long text.
    assert!(s.pane(Pane::Session).height <= 40 / 3, "{s:?}");
    let buf = render_widget(a.views.agenda.session_pane(&a), 40, 8);
    let t = text(&buf);
    assert!(t.contains("w00000 w00001 w00002 w00003 w00004"), "{t}");
    let total = dais::views::agenda::session::lines(&a, 38).len();
    assert!(t.contains(&format!(" 6/{total} ")), "{t}");
}
