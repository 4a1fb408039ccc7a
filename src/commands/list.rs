//! `dais list`: the whole programme, as text, Markdown or JSON.

use crate::agenda::Zone;
use crate::agenda::parts::{self, Heading, Headings};
use crate::agenda::{Agenda, Appearance, Participant, Role, Session};
use crate::cli::ListFormat;
use chrono::NaiveDate;
use chrono_tz::Tz;
use std::fmt::Write;

pub mod grid;

/// Whether plain text may use terminal styling (bold headings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Styling {
    /// Plain text only (a pipe, a file, or `NO_COLOR`).
    Plain,
    /// Bold and dim escape codes for a terminal.
    Terminal,
}

/// Renders the programme in the chosen format.
pub fn render(agenda: &Agenda, format: ListFormat, styling: Styling) -> String {
    render_in(agenda, format, styling, None)
}

/// Prints [`render_in`]'s listing to standard output; JSON a session at a
/// time, as `convert` writes it, never the whole text first.
pub fn print(
    agenda: &Agenda,
    format: ListFormat,
    styling: Styling,
    zone: Option<Tz>,
) -> Result<(), String> {
    if format == ListFormat::Json {
        return crate::output::emit_with(None, |w| crate::write::write_json(agenda, w));
    }
    crate::output::print(&render_in(agenda, format, styling, zone))
}

/// [`render`] with times in `zone` (`--tz`) if given, else as the agenda
/// gives them. JSON keeps the agenda's own.
pub fn render_in(
    agenda: &Agenda,
    format: ListFormat,
    styling: Styling,
    zone: Option<Tz>,
) -> String {
    let zone = zone.map(Zone::from).filter(|z| *z != agenda.event.timezone);
    match format {
        ListFormat::Text => text(agenda, styling, zone),
        ListFormat::Markdown => markdown(agenda, zone),
        ListFormat::Json => crate::write::to_json(agenda),
        ListFormat::Grid => grid::render(
            agenda,
            grid::GridText {
                width: 100,
                date: None,
                glyphs: crate::ui::grid::Glyphs::Unicode,
                zone: zone.unwrap_or(agenda.event.timezone),
            },
        )
        .unwrap_or_default(),
    }
}

/// A participant as one line: honorific, name, affiliation, capacity, video.
pub fn participant_line(agenda: &Agenda, p: &Participant) -> String {
    let person = agenda.person(p);
    let mut line = person.display_name();
    if let Some(a) = &person.affiliation {
        let _ = write!(line, ", {a}");
    }
    if let Some(c) = &p.capacity {
        let _ = write!(line, " ({c})");
    }
    if p.appearance == Appearance::Video {
        line.push_str(" [video message]");
    }
    line
}

/// Participants grouped by role, in role order then printed order.
pub fn by_role(session: &Session) -> Vec<(Role, Vec<&Participant>)> {
    Role::ALL
        .iter()
        .filter_map(|&role| {
            let group: Vec<&Participant> = session
                .participants
                .iter()
                .filter(|p| p.role == role)
                .collect();
            (!group.is_empty()).then_some((role, group))
        })
        .collect()
}

/// Where and in which track a session is: "Saal 1 · Security", if known;
/// under a heading of parts side by side, its part too ("Room 1 ·
/// Detectors"), which the heading does not say.
fn place(s: &Session, side_by_side: bool) -> Option<String> {
    let part = s.part.as_deref().filter(|_| side_by_side);
    let parts: Vec<&str> = [s.room.as_deref(), s.track.as_deref(), part]
        .into_iter()
        .flatten()
        .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// Headings to print before each session: a new day (multi-day only) and
/// a part (or parts side by side), by the session's index.
struct Heads {
    parts: Headings,
    next: usize,
    prev: Option<NaiveDate>,
    multi_day: bool,
}

impl Heads {
    fn new(agenda: &Agenda) -> Self {
        let order: Vec<usize> = (0..agenda.sessions.len()).collect();
        Heads {
            parts: parts::headings(agenda, &order),
            next: 0,
            prev: None,
            multi_day: agenda.is_multi_day(),
        }
    }

    /// The day and the part headings before session `i`, the next one
    /// listed.
    fn before(&mut self, agenda: &Agenda, i: usize) -> (Option<String>, Option<String>) {
        let s = &agenda.sessions[i];
        let day = (self.multi_day && self.prev != Some(s.date()))
            .then(|| s.date().format("%A %-d %B %Y").to_string());
        self.prev = Some(s.date());
        let part = match self.parts.before.get(self.next) {
            Some(&(at, heading)) if at == i => {
                self.next += 1;
                match heading {
                    Heading::Part => s.part.as_deref().map(str::to_owned),
                    Heading::SideBySide(k) => Some(self.parts.side_by_side[k].clone()),
                }
            }
            _ => None,
        };
        (day, part)
    }
}

fn time_range(s: &Session, zone: Option<Zone>) -> String {
    if let Some(z) = zone {
        let (start, end) = (s.start().with_timezone(&z), s.end().with_timezone(&z));
        return crate::agenda::range_label(start.naive_local(), end.naive_local());
    }
    if s.span.ends_on_later_day() {
        return crate::agenda::range_label(s.span.local_start, s.span.local_end);
    }
    // A session ending at midnight ends at 24:00 of its day, not 00:00.
    format!(
        "{}-{}",
        s.span.local_start.format("%H:%M"),
        crate::write::end_clock(&s.span)
    )
}

fn text(agenda: &Agenda, styling: Styling, zone: Option<Zone>) -> String {
    let (bold, dim, reset) = match styling {
        Styling::Plain => ("", "", ""),
        Styling::Terminal => ("\x1b[1m", "\x1b[2m", "\x1b[0m"),
    };
    let e = &agenda.event;
    let mut out = String::new();
    let _ = writeln!(out, "{bold}{}{reset}", e.title);
    if let Some(sub) = &e.subtitle {
        let _ = writeln!(out, "{sub}");
    }
    let mut facts = vec![crate::agenda::dates_label(e.date, agenda.last_day())];
    facts.extend(e.venue.clone());
    facts.push(crate::agenda::zone_label(zone.unwrap_or(e.timezone)));
    let _ = writeln!(out, "{dim}{}{reset}", facts.join(" · "));
    let indent = "             ";
    let mut heads = Heads::new(agenda);
    for (i, s) in agenda.sessions.iter().enumerate() {
        let (day, part) = heads.before(agenda, i);
        if let Some(day) = day {
            let _ = writeln!(out, "\n{bold}{day}{reset}");
        }
        if let Some(part) = part {
            let _ = writeln!(out, "\n{bold}{part}{reset}");
        }
        let _ = writeln!(out, "\n{}  {bold}{}{reset}", time_range(s, zone), s.title);
        if let Some(place) = place(s, heads.parts.is_side_by_side(i)) {
            let _ = writeln!(out, "{indent}{dim}{place}{reset}");
        }
        for note in &s.notes {
            let _ = writeln!(out, "{indent}{dim}{note}{reset}");
        }
        for (role, group) in by_role(s) {
            let _ = writeln!(out, "{indent}{}", role.plural_label());
            for p in group {
                let _ = writeln!(out, "{indent}  {}", participant_line(agenda, p));
            }
        }
        if !s.key_messages.is_empty() {
            let _ = writeln!(out, "{indent}Key messages");
            for &k in &s.key_messages {
                let _ = writeln!(out, "{indent}  {}", agenda.key_messages[k].label());
            }
        }
    }
    out
}

fn markdown(agenda: &Agenda, zone: Option<Zone>) -> String {
    let e = &agenda.event;
    let mut out = format!("# {}\n\n", md(&e.title));
    if let Some(sub) = &e.subtitle {
        let _ = writeln!(out, "{}\n", md(sub));
    }
    let mut facts = vec![crate::agenda::dates_label(e.date, agenda.last_day())];
    facts.extend(e.venue.clone());
    facts.push(crate::agenda::zone_label(zone.unwrap_or(e.timezone)));
    let _ = writeln!(out, "*{}*", md(&facts.join(" · ")));
    let mut heads = Heads::new(agenda);
    for (i, s) in agenda.sessions.iter().enumerate() {
        let (day, part) = heads.before(agenda, i);
        if let Some(day) = day {
            let _ = writeln!(out, "\n## {day}");
        }
        if let Some(part) = part {
            let level = if agenda.is_multi_day() { "###" } else { "##" };
            let _ = writeln!(out, "\n{level} {}", md(&part));
        }
        let _ = writeln!(out, "\n**{}** {}\n", time_range(s, zone), md(&s.title));
        if let Some(place) = place(s, heads.parts.is_side_by_side(i)) {
            let _ = writeln!(out, "*{}*\n", md(&place));
        }
        for note in &s.notes {
            let _ = writeln!(out, "*{}*\n", md(note));
        }
        for (role, group) in by_role(s) {
            let _ = writeln!(out, "- {}:", role.plural_label());
            for p in group {
                let _ = writeln!(out, "  - {}", md(&participant_line(agenda, p)));
            }
        }
        if !s.key_messages.is_empty() {
            let _ = writeln!(out, "- Key messages:");
            for &k in &s.key_messages {
                let _ = writeln!(out, "  - {}", md(&agenda.key_messages[k].label()));
            }
        }
    }
    // A session with nothing under it would leave two blank lines.
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    out
}

/// Escapes the characters Markdown would read as markup.
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // "1. Title" at the start of a list item would open a numbered list.
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let list_marker = digits > 0 && s[digits..].starts_with(". ");
    for (i, c) in s.chars().enumerate() {
        if list_marker && i == digits {
            out.push('\\');
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markdown_escapes_a_leading_list_number() {
        assert_eq!(super::md("4. Effective *x*"), "4\\. Effective \\*x\\*");
        assert_eq!(super::md("2030 Agenda"), "2030 Agenda");
    }
}
