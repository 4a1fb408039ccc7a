//! `dais state export` and `dais state import`: everything in the store as
//! JSON, and such a backup read back, merged, never dropping a row.
//!
//! ```json
//! {"dais_state": 1,
//!  "agendas": [{"source": "/home/me/hearing.json", "meeting": "2017-06-23 America/New_York …",
//!               "shift": [{"view": "", "session": "panel-1", "minutes": 10}],
//!               "marks": [{"session": "panel-3", "mark": "star"}],
//!               "settings": [{"name": "zone", "value": "viewer"}],
//!               "notes": [{"session": "panel-1", "session_title": "Panel 1",
//!                          "at": "2017-06-23T15:05:00Z", "text": "… #1 @Buck",
//!                          "messages": ["km-1"], "people": ["buck"]}]}]}
//! ```
//!
//! `dais notes --format json` writes the same format with only notes, so
//! it reads back here too.

use super::id::{self, AgendaId, AgendaKey};
use super::{Store, marks, notes, shift};
use crate::agenda::Mark;
use rusqlite::Connection;
use serde_json::{Map, Value, json};

/// The version of the backup format this dais writes.
pub const FORMAT: i64 = 1;

/// The largest string a backup may hold (a session id, a path, a view).
pub const MAX_STRING: usize = 4096;

/// An agenda and its rows, as read from a backup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Agenda {
    /// Where it is read from, if anywhere.
    pub source: Option<String>,
    /// The meeting.
    pub meeting: String,
    /// Its shift steps: (view, session, minutes).
    pub shift: Vec<(String, String, i64)>,
    /// Its starred and hidden sessions: (session, mark).
    pub marks: Vec<(String, Mark)>,
    /// Its settings: (name, value).
    pub settings: Vec<(String, String)>,
    /// Its notes.
    pub notes: Vec<crate::notes::NewNote>,
}

/// A backup read from JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Backup {
    /// The agendas.
    pub agendas: Vec<Agenda>,
}

/// Everything in the store, as the JSON a backup holds.
pub fn export(store: &mut Store) -> String {
    let agendas = store.read(agendas).unwrap_or_default();
    let v = json!({ "dais_state": FORMAT, "agendas": agendas });
    let mut s = serde_json::to_string_pretty(&v).expect("a JSON value serializes");
    s.push('\n');
    s
}

fn agendas(conn: &Connection, skipped: &mut Vec<String>) -> rusqlite::Result<Vec<Value>> {
    let mut stmt = conn.prepare("SELECT id, source, meeting FROM agenda ORDER BY id")?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let (Ok(source), Ok(meeting)) = (row.get::<_, Option<String>>(1), row.get::<_, String>(2))
        else {
            skipped.push(format!("skipped agenda row {id}: it does not read"));
            continue;
        };
        let mut shift = Vec::new();
        let mut views = conn.prepare_cached(
            "SELECT DISTINCT view FROM shift WHERE agenda = ?1 AND typeof(view) = 'text' ORDER BY view",
        )?;
        let names: Vec<String> = views
            .query_map([id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for view in names {
            for (session, minutes) in shift::steps(conn, AgendaId(id), &view, skipped)? {
                shift.push(json!({ "view": view, "session": session, "minutes": minutes }));
            }
        }
        let marks: Vec<Value> = marks::read(conn, AgendaId(id), skipped)?
            .pairs()
            .map(|(session, mark)| json!({ "session": session, "mark": mark.name() }))
            .collect();
        let settings: Vec<Value> = marks::settings(conn, AgendaId(id), skipped)?
            .into_iter()
            .map(|(name, value)| json!({ "name": name, "value": value }))
            .collect();
        let notes: Vec<Value> = notes::read(conn, AgendaId(id), skipped)?
            .iter()
            .map(|n| note_json(&n.to_new()))
            .collect();
        let mut agenda = json!({ "source": source, "meeting": meeting, "shift": shift });
        // Only when there are any: a backup without them reads the same.
        if !marks.is_empty() {
            agenda["marks"] = marks.into();
        }
        if !settings.is_empty() {
            agenda["settings"] = settings.into();
        }
        if !notes.is_empty() {
            agenda["notes"] = notes.into();
        }
        out.push(agenda);
    }
    Ok(out)
}

/// A note as a backup holds it.
pub fn note_json(n: &crate::notes::NewNote) -> Value {
    json!({
        "session": n.session,
        "session_title": n.session_title,
        "at": n.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "text": n.text,
        "messages": n.messages,
        "people": n.people,
    })
}

/// A backup of one agenda holding `notes` alone (`dais notes --format
/// json`).
pub fn notes_only(key: &AgendaKey, notes: &[crate::notes::NewNote]) -> String {
    let notes: Vec<Value> = notes.iter().map(note_json).collect();
    let agenda = json!({ "source": key.source, "meeting": key.meeting, "notes": notes });
    let v = json!({ "dais_state": FORMAT, "agendas": [agenda] });
    let mut s = serde_json::to_string_pretty(&v).expect("a JSON value serializes");
    s.push('\n');
    s
}

/// Reads a backup: an error for a file that is not one (naming the line
/// and column, or the key); a bad agenda or row is skipped and noted in
/// `skipped` by its path (`agendas[2].shift[0].minutes`).
pub fn parse(bytes: &[u8], skipped: &mut Vec<String>) -> Result<Backup, String> {
    let v: Value = serde_json::from_slice(bytes).map_err(|e| {
        if e.line() > 0 {
            format!("{}:{}: {}", e.line(), e.column(), strip_position(&e))
        } else {
            e.to_string()
        }
    })?;
    let Some(top) = v.as_object() else {
        return Err("not a dais state backup (expected an object)".into());
    };
    match top.get("dais_state").and_then(Value::as_i64) {
        Some(FORMAT) => {}
        Some(n) if n > FORMAT => {
            return Err(format!(
                "dais_state: {n} is from a newer dais (this one reads {FORMAT})"
            ));
        }
        _ => return Err(format!("dais_state: expected {FORMAT}")),
    }
    unknown(top, &["dais_state", "agendas"], "", skipped);
    let Some(list) = top.get("agendas").and_then(Value::as_array) else {
        return Err("agendas: expected a list".into());
    };
    let mut backup = Backup::default();
    for (i, a) in list.iter().enumerate() {
        let at = format!("agendas[{i}]");
        match agenda(a, &at, skipped) {
            Ok(a) => backup.agendas.push(a),
            Err(e) => skipped.push(format!("{at}: {e}; skipped")),
        }
    }
    Ok(backup)
}

fn agenda(v: &Value, at: &str, skipped: &mut Vec<String>) -> Result<Agenda, String> {
    let o = v.as_object().ok_or("expected an object")?;
    unknown(
        o,
        &["source", "meeting", "shift", "marks", "settings", "notes"],
        at,
        skipped,
    );
    let source = match o.get("source") {
        None | Some(Value::Null) => None,
        Some(s) => Some(string(s).map_err(|e| format!("source: {e}"))?),
    };
    let meeting =
        string(o.get("meeting").unwrap_or(&Value::Null)).map_err(|e| format!("meeting: {e}"))?;
    let mut out = Agenda {
        source,
        meeting,
        ..Agenda::default()
    };
    let steps = match o.get("shift") {
        None => &Vec::new(),
        Some(Value::Array(s)) => s,
        Some(_) => return Err("shift: expected a list".into()),
    };
    for (j, step) in steps.iter().enumerate() {
        let at = format!("{at}.shift[{j}]");
        match shift_step(step, &at, skipped) {
            Ok(s) => out.shift.push(s),
            Err(e) => skipped.push(format!("{at}.{e}; skipped")),
        }
    }
    for (j, m) in list(o, "marks")?.iter().enumerate() {
        let at = format!("{at}.marks[{j}]");
        match pair(m, &at, ("session", "mark"), skipped) {
            Ok((session, name)) => match Mark::from_name(&name) {
                Some(mark) => out.marks.push((session, mark)),
                None => skipped.push(format!("{at}.mark: expected \"star\" or \"hide\"; skipped")),
            },
            Err(e) => skipped.push(format!("{at}.{e}; skipped")),
        }
    }
    for (j, v) in list(o, "settings")?.iter().enumerate() {
        let at = format!("{at}.settings[{j}]");
        match pair(v, &at, ("name", "value"), skipped) {
            Ok(setting) => out.settings.push(setting),
            Err(e) => skipped.push(format!("{at}.{e}; skipped")),
        }
    }
    for (j, v) in list(o, "notes")?.iter().enumerate() {
        let at = format!("{at}.notes[{j}]");
        match note(v, &at, skipped) {
            Ok(n) => out.notes.push(n),
            Err(e) => skipped.push(format!("{at}.{e}; skipped")),
        }
    }
    Ok(out)
}

fn note(v: &Value, at: &str, skipped: &mut Vec<String>) -> Result<crate::notes::NewNote, String> {
    let o = v.as_object().ok_or(": expected an object")?;
    let keys = [
        "session",
        "session_title",
        "at",
        "text",
        "messages",
        "people",
    ];
    unknown(o, &keys, at, skipped);
    let field = |k: &str| o.get(k).unwrap_or(&Value::Null);
    let session = string(field("session")).map_err(|e| format!("session: {e}"))?;
    let session_title = match field("session_title") {
        Value::Null => session.clone(),
        t => string(t).map_err(|e| format!("session_title: {e}"))?,
    };
    let stamp = field("at")
        .as_str()
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .and_then(|t| notes::stamp(t.timestamp()))
        .ok_or("at: expected a time such as \"2017-06-23T15:05:00Z\"")?;
    let text = match field("text") {
        Value::String(t) if t.len() <= notes::MAX_TEXT => t.clone(),
        Value::String(_) => return Err(format!("text: longer than {} bytes", notes::MAX_TEXT)),
        _ => return Err("text: expected a string".into()),
    };
    let ids = |k: &str| -> Result<Vec<String>, String> {
        match field(k) {
            Value::Null => Ok(Vec::new()),
            Value::Array(a) if a.len() <= notes::MAX_LINKS => a
                .iter()
                .map(|x| string(x).map_err(|e| format!("{k}: {e}")))
                .collect(),
            _ => Err(format!("{k}: expected a list of ids")),
        }
    };
    Ok(crate::notes::NewNote {
        session,
        session_title,
        at: stamp,
        text,
        messages: ids("messages")?,
        people: ids("people")?,
    })
}

/// The list under `key` (none if absent).
fn list<'a>(o: &'a Map<String, Value>, key: &str) -> Result<&'a [Value], String> {
    match o.get(key) {
        None => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(_) => Err(format!("{key}: expected a list")),
    }
}

/// An object of two strings, `keys`.
fn pair(
    v: &Value,
    at: &str,
    keys: (&str, &str),
    skipped: &mut Vec<String>,
) -> Result<(String, String), String> {
    let o = v.as_object().ok_or(": expected an object")?;
    unknown(o, &[keys.0, keys.1], at, skipped);
    let field = |k: &str| o.get(k).unwrap_or(&Value::Null);
    let a = string(field(keys.0)).map_err(|e| format!("{}: {e}", keys.0))?;
    let b = string(field(keys.1)).map_err(|e| format!("{}: {e}", keys.1))?;
    Ok((a, b))
}

fn shift_step(
    v: &Value,
    at: &str,
    skipped: &mut Vec<String>,
) -> Result<(String, String, i64), String> {
    let o = v.as_object().ok_or(": expected an object")?;
    unknown(o, &["view", "session", "minutes"], at, skipped);
    let field = |k: &str| o.get(k).unwrap_or(&Value::Null);
    let view = string(field("view")).map_err(|e| format!("view: {e}"))?;
    let session = string(field("session")).map_err(|e| format!("session: {e}"))?;
    let minutes = field("minutes")
        .as_i64()
        .filter(|m| m.abs() <= shift::MAX_MINUTES)
        .ok_or(format!(
            "minutes: expected a whole number of minutes within ±{}",
            shift::MAX_MINUTES
        ))?;
    Ok((view, session, minutes))
}

fn string(v: &Value) -> Result<String, String> {
    match v {
        Value::String(s) if s.len() <= MAX_STRING => Ok(s.clone()),
        Value::String(_) => Err(format!("longer than {MAX_STRING} bytes")),
        _ => Err("expected a string".into()),
    }
}

fn unknown(o: &Map<String, Value>, known: &[&str], at: &str, skipped: &mut Vec<String>) {
    for k in o.keys().filter(|k| !known.contains(&k.as_str())) {
        let k = crate::sanitize::clean(k, crate::sanitize::Lines::Single);
        let dot = if at.is_empty() { "" } else { "." };
        skipped.push(format!("{at}{dot}{k:?}: unknown key, ignored"));
    }
}

fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// What an import added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Imported {
    /// Agendas in the backup.
    pub agendas: usize,
    /// Shift steps written.
    pub shift: usize,
    /// Marks written.
    pub marks: usize,
    /// Settings written.
    pub settings: usize,
    /// Notes added (a note already there is not added again).
    pub notes: usize,
}

/// Merges `backup` into the store in one transaction: each row is added,
/// or replaces the row with the same key; no other row is touched.
pub fn import(store: &mut Store, backup: &Backup) -> Result<Imported, String> {
    store.write("the backup", |tx| {
        let mut done = Imported::default();
        for a in &backup.agendas {
            let key = AgendaKey::new(a.source.clone(), a.meeting.clone());
            let agenda = id::find_or_make(tx, &key)?;
            done.agendas += 1;
            for (view, session, minutes) in &a.shift {
                shift::set(tx, agenda, view, session, *minutes)?;
                done.shift += 1;
            }
            for (session, mark) in &a.marks {
                marks::set(tx, agenda, session, *mark, true)?;
                done.marks += 1;
            }
            for (name, value) in &a.settings {
                if value.len() <= marks::MAX_SETTING {
                    marks::put_setting(tx, agenda, name, value)?;
                    done.settings += 1;
                }
            }
            for n in &a.notes {
                if !notes::has(tx, agenda, n)? {
                    notes::insert(tx, agenda, n)?;
                    done.notes += 1;
                }
            }
        }
        Ok(done)
    })
}
