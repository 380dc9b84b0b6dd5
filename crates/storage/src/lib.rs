//! Benchlog's local database: one SQLite file, opened and migrated here, queried through
//! [`Store`]. No Tauri and no UI: the shell and the benchmarks use it alike.
//!
//! Every write runs in one transaction and is checked again against the domain rules, so
//! the database stays the authority whatever the caller sent.

mod equipment;
mod error;
mod schema;

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use benchlog_domain::equipment::{
    Equipment, EquipmentFields, EquipmentId, EquipmentPage, EquipmentQuery, EquipmentUpdate,
};
use rusqlite::Connection;

pub use crate::error::{Error, Result};

/// The open database. Calls are serialised on one connection; each is one transaction.
#[derive(Debug)]
pub struct Store {
    conn: Mutex<Connection>,
}

impl Store {
    /// Opens (creating if needed) the database file at `path` and brings its schema up to
    /// date. A file written by a newer Benchlog, or not by Benchlog at all, is refused and
    /// left untouched.
    pub fn open(path: &Path) -> Result<Self> {
        let conn = schema::open(path)?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    /// One page of the register, searched, filtered and sorted by the database.
    pub fn list_equipment(&self, query: &EquipmentQuery) -> Result<EquipmentPage> {
        equipment::list(&mut self.conn(), query)
    }

    /// One item with all its fields.
    pub fn get_equipment(&self, id: EquipmentId) -> Result<Equipment> {
        equipment::get(&self.conn(), id)
    }

    /// Validates `fields` and adds a new item.
    pub fn create_equipment(&self, fields: &EquipmentFields) -> Result<Equipment> {
        equipment::create(&mut self.conn(), fields)
    }

    /// Validates and adds many items in one transaction: all of them or none.
    pub fn create_equipment_batch(&self, items: &[EquipmentFields]) -> Result<usize> {
        equipment::create_batch(&mut self.conn(), items)
    }

    /// Validates and applies a change, refusing it if the item moved past the revision the
    /// change started from.
    pub fn update_equipment(&self, update: &EquipmentUpdate) -> Result<Equipment> {
        equipment::update(&mut self.conn(), update)
    }

    /// Deletes an item for good.
    pub fn delete_equipment(&self, id: EquipmentId) -> Result<()> {
        equipment::delete(&mut self.conn(), id)
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a half-done write behind: every
        // write is a transaction that rolls back when dropped. So the connection is safe
        // to keep using.
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
