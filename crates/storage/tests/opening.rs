//! Opening database files: settings, and the files Benchlog must refuse and leave untouched.

use std::path::Path;

use benchlog_domain::error::ApiError;
use benchlog_storage::{Error, Store};
use rusqlite::Connection;

fn file_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn a_new_file_is_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("benchlog.sqlite3");
    let _store = Store::open(&path).unwrap();
    let mode: String = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_database_from_a_newer_benchlog_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("benchlog.sqlite3");
    drop(Store::open(&path).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = file_bytes(&path);

    let error = Store::open(&path).unwrap_err();
    assert!(
        matches!(
            error,
            Error::NewerSchema {
                found: 99,
                supported: 3
            }
        ),
        "{error:?}"
    );
    let message = ApiError::from(error).to_string();
    assert!(message.contains("newer version of Benchlog"), "{message}");
    assert_eq!(file_bytes(&path), before);
}

#[test]
fn a_newer_database_with_a_leftover_write_ahead_log_is_left_untouched() {
    // A newer Benchlog crashed with committed pages still in its WAL: closing a read-write
    // connection would checkpoint them into the main file.
    let source = tempfile::tempdir().unwrap();
    let crashed = tempfile::tempdir().unwrap();
    let writer = Connection::open(source.path().join("benchlog.sqlite3")).unwrap();
    writer
        .execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;
             PRAGMA application_id = 1111706695; PRAGMA user_version = 99;
             CREATE TABLE later (x); INSERT INTO later VALUES (1);",
        )
        .unwrap();
    for file in ["benchlog.sqlite3", "benchlog.sqlite3-wal"] {
        std::fs::copy(source.path().join(file), crashed.path().join(file)).unwrap();
    }
    let path = crashed.path().join("benchlog.sqlite3");
    let wal = crashed.path().join("benchlog.sqlite3-wal");
    let (before, wal_before) = (file_bytes(&path), file_bytes(&wal));
    assert!(!wal_before.is_empty());

    let error = Store::open(&path).unwrap_err();
    assert!(
        matches!(error, Error::NewerSchema { found: 99, .. }),
        "{error:?}"
    );
    assert_eq!(file_bytes(&path), before);
    assert_eq!(file_bytes(&wal), wal_before);
    drop(writer);
}

#[test]
fn another_programs_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("benchlog.sqlite3");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE invoices (id INTEGER); INSERT INTO invoices VALUES (1);")
        .unwrap();
    let before = file_bytes(&path);
    let error = Store::open(&path).unwrap_err();
    assert!(matches!(error, Error::ForeignDatabase), "{error:?}");
    assert_eq!(file_bytes(&path), before);
}

#[test]
fn a_file_that_is_not_a_database_gets_a_clear_message_and_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("benchlog.sqlite3");
    let garbage = b"certificate scan, not a database".repeat(200);
    std::fs::write(&path, &garbage).unwrap();
    let error = Store::open(&path).unwrap_err();
    let message = ApiError::from(error).to_string();
    assert!(
        message.contains("damaged or is not a Benchlog database"),
        "{message}"
    );
    assert_eq!(file_bytes(&path), garbage);
}
