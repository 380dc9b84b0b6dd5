//! Opening the database file: connection settings, the compatibility check, migrations.
//!
//! The schema itself lives in `migrations/*.sql` at the repository root, one file per
//! version, each documenting its tables and columns. They are embedded at compile time and
//! applied by rusqlite_migration in one transaction: a failing step rolls them all back.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{M, Migrations};

use crate::error::{Error, Result};

/// Every migration, in order. Its length is the schema version this build writes.
const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!(
        "../../../migrations/0001_equipment_register.sql"
    )),
    M::up(include_str!("../../../migrations/0002_calibration.sql")),
    M::up(include_str!("../../../migrations/0003_certificates.sql")),
];

/// `PRAGMA application_id` of a Benchlog database ("BCLG"), set by the first migration.
const APPLICATION_ID: i64 = 0x4243_4C47;

/// How long a write waits for a lock held by another connection before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Opens the file, refuses one it must not touch, applies settings and migrations.
pub(crate) fn open(path: &Path) -> Result<Connection> {
    if path.exists() {
        // Read-only, so even closing this connection cannot write to a refused file (a
        // read-write one would checkpoint a leftover write-ahead log into it).
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        check_compatible(&conn, MIGRATIONS.len())?;
    }
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // WAL: readers never block the writer. Where the file system cannot do WAL (some
    // network shares), SQLite keeps its rollback journal, which is safe too.
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))?;
    // FULL: a committed record survives a power loss, not only a crash.
    conn.pragma_update(None, "synchronous", "FULL")?;
    migrate(&mut conn, &Migrations::from_slice(MIGRATIONS))?;
    Ok(conn)
}

/// Refuses a file this build must not migrate: one written by a newer Benchlog, or an
/// SQLite database of another program.
fn check_compatible(conn: &Connection, supported: usize) -> Result<()> {
    let pragma = |name: &str| conn.pragma_query_value(None, name, |row| row.get::<_, i64>(0));
    let version = pragma("user_version")?;
    let application_id = pragma("application_id")?;
    let has_tables: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table')",
        [],
        |row| row.get(0),
    )?;
    let ours = application_id == APPLICATION_ID || (application_id == 0 && !has_tables);
    if !ours {
        return Err(Error::ForeignDatabase);
    }
    if version > supported as i64 {
        return Err(Error::NewerSchema {
            found: version,
            supported,
        });
    }
    Ok(())
}

fn migrate(conn: &mut Connection, migrations: &Migrations<'_>) -> Result<()> {
    migrations.to_latest(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_enforce_foreign_keys_and_wait_when_busy() {
        let dir = tempfile::tempdir().unwrap();
        let conn = open(&dir.path().join("benchlog.sqlite3")).unwrap();
        let pragma = |name| {
            conn.pragma_query_value(None, name, |row| row.get::<_, i64>(0))
                .unwrap()
        };
        assert_eq!(pragma("foreign_keys"), 1);
        assert_eq!(pragma("busy_timeout"), BUSY_TIMEOUT.as_millis() as i64);
        assert_eq!(pragma("synchronous"), 2, "FULL");
    }

    #[test]
    fn migrations_are_valid() {
        Migrations::from_slice(MIGRATIONS).validate().unwrap();
    }

    #[test]
    fn a_failing_migration_rolls_back_every_step_and_keeps_the_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("benchlog.sqlite3");
        let mut conn = open(&path).unwrap();
        conn.execute(
            "INSERT INTO equipment (id, revision, asset_tag, name, status, reference_standard,
                                    search_text, created_at, updated_at)
             VALUES ('x', 1, '0042', 'Scale', 'active', 0, '0042', 't', 't')",
            [],
        )
        .unwrap();

        let mut steps = MIGRATIONS.to_vec();
        steps.push(M::up("ALTER TABLE equipment ADD COLUMN colour TEXT;"));
        steps.push(M::up("INSERT INTO no_such_table VALUES (1);"));
        let error = migrate(&mut conn, &Migrations::new(steps)).unwrap_err();
        assert!(matches!(error, Error::Migration(_)), "{error:?}");
        drop(conn);

        let conn = open(&path).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .unwrap();
        assert_eq!(version, MIGRATIONS.len() as i64);
        let name: String = conn
            .query_row(
                "SELECT name FROM equipment WHERE asset_tag = '0042'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(name, "Scale");
        let colour_columns: i64 = conn
            .query_row(
                "SELECT count(*) FROM pragma_table_info('equipment') WHERE name = 'colour'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(
            colour_columns, 0,
            "the first, valid step was rolled back too"
        );
    }
}
