//! The database's tables, as numbered migrations: migration `n` (counting
//! from 1) takes a database from `PRAGMA user_version` `n - 1` to `n`.
//!
//! To add a table: append one entry to [`MIGRATIONS`]. Never edit or
//! reorder an entry once it has shipped; a database some user has was
//! made by it. Tables are `STRICT`, so a wrong type is refused when it is
//! written, not found when it is read.

/// `PRAGMA application_id` of a dais database ("dais" in ASCII), so a
/// SQLite file of another program is refused, never changed.
pub const APPLICATION_ID: i64 = 0x6461_6973;

/// The migrations, in order.
pub const MIGRATIONS: &[&str] = &[
    // 1: agendas and their running-late shift.
    "
    PRAGMA application_id = 1684105587;
    -- An agenda: where it is read from (canonical path of the file, a
    -- URL, `bundled:NAME`), or NULL when it has no place (standard
    -- input, or a shift migrated from state.json, which knew only the
    -- meeting); and the meeting it is (date, zone and title).
    CREATE TABLE agenda (
        id INTEGER PRIMARY KEY,
        source TEXT UNIQUE,
        meeting TEXT NOT NULL
    ) STRICT;
    CREATE INDEX agenda_meeting ON agenda (meeting);
    -- The running-late shift: each step delays `session` and every
    -- session after it by `minutes`. `view` is '' for the whole agenda,
    -- else the room/track view it was made in (\"room Saal 1\").
    CREATE TABLE shift (
        agenda INTEGER NOT NULL REFERENCES agenda (id),
        view TEXT NOT NULL,
        session TEXT NOT NULL,
        minutes INTEGER NOT NULL,
        PRIMARY KEY (agenda, view, session)
    ) STRICT;
    ",
    // 2: my programme: starred and hidden sessions, and small settings
    // (the zone times are shown in), per agenda: a room/track view
    // shares them with the whole agenda.
    "
    CREATE TABLE mark (
        agenda INTEGER NOT NULL REFERENCES agenda (id),
        session TEXT NOT NULL,
        mark TEXT NOT NULL,
        PRIMARY KEY (agenda, session, mark)
    ) STRICT;
    CREATE TABLE setting (
        agenda INTEGER NOT NULL REFERENCES agenda (id),
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (agenda, name)
    ) STRICT;
    ",
    // 3: the version of each agenda view the user last looked at, for
    // "changed since you last looked".
    "
    -- `version` is the agenda as it was shown, as normalized dais/1 JSON
    -- (what `dais list --format json` writes); `view` as in `shift`.
    CREATE TABLE seen (
        agenda INTEGER NOT NULL REFERENCES agenda (id),
        view TEXT NOT NULL,
        version TEXT NOT NULL,
        PRIMARY KEY (agenda, view)
    ) STRICT;
    ",
    // 4: the user's notes on sessions, and the note being typed.
    "
    -- A note: `session` is the session's id, `session_title` its title
    -- when the note was written (a session later removed is still named
    -- by it); `at` the stamp in Unix seconds (the clock on screen);
    -- `links` a JSON object of the key message and person ids it links:
    -- {\"messages\": [\"km-1\"], \"people\": [\"buck\"]}. Kept when its
    -- session leaves the agenda.
    CREATE TABLE note (
        id INTEGER PRIMARY KEY,
        agenda INTEGER NOT NULL REFERENCES agenda (id),
        session TEXT NOT NULL,
        session_title TEXT NOT NULL,
        at INTEGER NOT NULL,
        text TEXT NOT NULL,
        links TEXT NOT NULL
    ) STRICT;
    CREATE INDEX note_agenda ON note (agenda, session);
    -- The note being typed when dais last stopped, offered again by `i`.
    CREATE TABLE draft (
        agenda INTEGER PRIMARY KEY REFERENCES agenda (id),
        text TEXT NOT NULL
    ) STRICT;
    ",
    // 5: the version seen kept as a digest: per session only what the
    // change detector compares (`src/agenda/digest/code.rs`), a few MB at
    // 100,000 sessions where the whole copy in `seen` was 92 MB. A row of
    // `seen` is read while its view has no digest, and deleted when a
    // digest of it (or of a later version) is written.
    "
    CREATE TABLE seen_digest (
        agenda INTEGER NOT NULL REFERENCES agenda (id),
        view TEXT NOT NULL,
        digest BLOB NOT NULL,
        PRIMARY KEY (agenda, view)
    ) STRICT;
    ",
];

/// The schema version this dais writes: the number of migrations.
pub fn version() -> i64 {
    i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_application_id_in_the_first_migration_is_the_constant() {
        assert!(MIGRATIONS[0].contains(&format!("application_id = {APPLICATION_ID};")));
    }
}
