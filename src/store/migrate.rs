//! Bringing a database up to this dais's schema, all migrations in one
//! transaction; and refusing one that a newer dais or another program
//! made.

use super::schema::{APPLICATION_ID, MIGRATIONS, version};
use rusqlite::{Connection, TransactionBehavior};

/// Why a database cannot be used as it is.
#[derive(Debug)]
pub enum Refused {
    /// A newer dais made it: its schema version, and ours.
    Newer(i64, i64),
    /// It is a SQLite database of another program.
    Foreign,
    /// SQLite failed.
    Sql(rusqlite::Error),
}

impl From<rusqlite::Error> for Refused {
    fn from(e: rusqlite::Error) -> Self {
        Refused::Sql(e)
    }
}

/// The schema version of the database (`PRAGMA user_version`), after
/// checking that it is a dais database this dais can read.
pub fn check(conn: &Connection) -> Result<i64, Refused> {
    // One statement, so one snapshot: read apart, another process's
    // migration could land between the reads.
    let (app, have, tables): (i64, i64, bool) = conn.query_row(
        "SELECT (SELECT application_id FROM pragma_application_id),
                (SELECT user_version FROM pragma_user_version),
                EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table')",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    if app != APPLICATION_ID && (app != 0 || have != 0 || tables) {
        return Err(Refused::Foreign);
    }
    if have > version() {
        return Err(Refused::Newer(have, version()));
    }
    Ok(have)
}

/// Runs the migrations the database lacks, in one transaction that holds
/// the write lock from the start, so two processes opening a new database
/// at once migrate it once.
pub fn migrate(conn: &mut Connection) -> Result<(), Refused> {
    if check(conn)? == version() {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another process may have migrated it while this one waited.
    let have = check(&tx)?;
    let done = usize::try_from(have).unwrap_or(0);
    for sql in &MIGRATIONS[done..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", version())?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_gets_every_migration_once() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(check(&conn).unwrap(), version());
        // Again: nothing to do, nothing fails.
        migrate(&mut conn).unwrap();
        conn.execute("INSERT INTO agenda (source, meeting) VALUES ('a', 'm')", [])
            .unwrap();
    }

    #[test]
    fn a_newer_or_foreign_database_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        conn.pragma_update(None, "user_version", version() + 1)
            .unwrap();
        assert!(matches!(migrate(&mut conn), Err(Refused::Newer(n, _)) if n == version() + 1));
        let mut other = Connection::open_in_memory().unwrap();
        other.execute_batch("CREATE TABLE t (x)").unwrap();
        assert!(matches!(migrate(&mut other), Err(Refused::Foreign)));
    }
}
