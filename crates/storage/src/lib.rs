//! Benchlog's local database: one SQLite file, opened and migrated here, queried through
//! [`Store`]. No Tauri and no UI: the shell and the benchmarks use it alike.
//!
//! Every write runs in one transaction and is checked again against the domain rules, so
//! the database stays the authority whatever the caller sent.

mod certificates;
mod convert;
mod due;
mod equipment;
mod error;
mod plans;
mod records;
mod schema;
mod settings;

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use benchlog_domain::certificate::{
    Certificate, CertificateRef, ContentHash, LocalState, MirrorStatus,
};
use benchlog_domain::due::{CalendarMonth, CalendarQuery, DuePage, DueQuery};
use benchlog_domain::equipment::{
    Equipment, EquipmentFields, EquipmentId, EquipmentPage, EquipmentQuery, EquipmentStatus,
    EquipmentUpdate, Facets,
};
use benchlog_domain::page::Page;
use benchlog_domain::plan::{NewPlan, Plan, PlanUpdate};
use benchlog_domain::record::RecordId;
use benchlog_domain::record::{
    CalibrationRecord, NewRecord, RecordAmendment, RecordOutcome, RecordQuery,
};
use benchlog_domain::settings::Settings;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;

pub use crate::certificates::{Attachment, MirrorJob, StoredFileInfo};
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

    /// Validates and adds many items in one transaction: all of them or none. Returns
    /// their ids in order.
    pub fn create_equipment_batch(&self, items: &[EquipmentFields]) -> Result<Vec<EquipmentId>> {
        equipment::create_batch(&mut self.conn(), items)
    }

    /// Validates and applies a change, refusing it if the item moved past the revision the
    /// change started from.
    pub fn update_equipment(&self, update: &EquipmentUpdate) -> Result<Equipment> {
        equipment::update(&mut self.conn(), update)
    }

    /// Deletes an item for good; refused once plans or records refer to it.
    pub fn delete_equipment(&self, id: EquipmentId) -> Result<()> {
        equipment::delete(&mut self.conn(), id)
    }

    /// The locations and departments in use.
    pub fn facets(&self) -> Result<Facets> {
        equipment::facets(&self.conn())
    }

    /// Sets an item's status alone.
    pub fn set_equipment_status(
        &self,
        id: EquipmentId,
        status: EquipmentStatus,
    ) -> Result<Equipment> {
        equipment::set_status(&mut self.conn(), id, status)
    }

    /// An item's plans, by name.
    pub fn list_plans(&self, equipment_id: EquipmentId) -> Result<Vec<Plan>> {
        plans::list(&self.conn(), equipment_id)
    }

    /// Validates and adds a plan to an item.
    pub fn create_plan(&self, new: &NewPlan) -> Result<Plan> {
        plans::create(&mut self.conn(), new)
    }

    /// Validates and applies a change to a plan, refusing a stale revision.
    pub fn update_plan(&self, update: &PlanUpdate) -> Result<Plan> {
        plans::update(&mut self.conn(), update)
    }

    /// Validates and saves a calibration record (dated no later than `today`), rolling
    /// its plan when it passed.
    pub fn record_calibration(&self, new: &NewRecord, today: NaiveDate) -> Result<RecordOutcome> {
        records::record(&mut self.conn(), new, today)
    }

    /// Validates and saves a correction of a record as its next version (dated no later
    /// than `today`); the earlier version stays in its history.
    pub fn amend_record(
        &self,
        amendment: &RecordAmendment,
        today: NaiveDate,
    ) -> Result<RecordOutcome> {
        records::amend(&mut self.conn(), amendment, today)
    }

    /// Saves many records (an imported history) in one transaction: all or none.
    pub fn record_calibration_batch(
        &self,
        records: &[NewRecord],
        today: NaiveDate,
    ) -> Result<usize> {
        records::record_batch(&mut self.conn(), records, today)
    }

    /// An item's calibration history, newest first.
    pub fn list_records(&self, query: &RecordQuery) -> Result<Page<CalibrationRecord>> {
        records::list(&mut self.conn(), query)
    }

    /// One page of the due list as of `today`.
    pub fn list_due(&self, query: &DueQuery, today: NaiveDate) -> Result<DuePage> {
        due::list(&mut self.conn(), query, today)
    }

    /// What is due on each day of a month, with states as of `today`.
    pub fn calendar_month(&self, query: &CalendarQuery, today: NaiveDate) -> Result<CalendarMonth> {
        due::calendar(&mut self.conn(), query, today)
    }

    /// Attaches files already in the certificate store to a record, all in one
    /// transaction, queueing each for the mirror, and returns their attachments. A file
    /// attached twice is kept once, under the name it was first attached with.
    pub fn attach_certificates(
        &self,
        record_id: RecordId,
        attachments: &[Attachment],
    ) -> Result<Vec<Certificate>> {
        certificates::attach(&mut self.conn(), record_id, attachments)
    }

    /// Whether a calibration record with this id exists.
    pub fn record_exists(&self, record_id: RecordId) -> Result<bool> {
        certificates::record_exists(&self.conn(), record_id)
    }

    /// A record's certificates, in the order they were attached.
    pub fn list_certificates(&self, record_id: RecordId) -> Result<Vec<Certificate>> {
        certificates::list(&self.conn(), record_id)
    }

    /// The certificate `reference` names.
    pub fn get_certificate(&self, reference: &CertificateRef) -> Result<Certificate> {
        certificates::get(&self.conn(), reference)
    }

    /// Every distinct stored file, for the integrity check.
    pub fn stored_files(&self) -> Result<Vec<StoredFileInfo>> {
        certificates::stored_files(&self.conn())
    }

    /// Records what a look at a stored file found; a damaged file is queued for restoring.
    pub fn set_local_state(&self, hash: &ContentHash, state: LocalState) -> Result<()> {
        certificates::set_local_state(&mut self.conn(), hash, state)
    }

    /// Up to `limit` mirror jobs due at `now`, longest waiting first.
    pub fn due_mirror_jobs(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<MirrorJob>> {
        certificates::due_jobs(&self.conn(), now, limit)
    }

    /// When the next mirror job is due, if any is queued.
    pub fn next_mirror_attempt(&self) -> Result<Option<DateTime<Utc>>> {
        certificates::next_attempt_at(&self.conn())
    }

    /// Notes that a file is verified at the mirror `destination`.
    pub fn mark_mirrored(
        &self,
        hash: &ContentHash,
        destination: &str,
        at: DateTime<Utc>,
    ) -> Result<()> {
        certificates::mark_mirrored(&mut self.conn(), hash, destination, at)
    }

    /// Notes that a damaged local file was restored from the mirror.
    pub fn mark_restored(&self, hash: &ContentHash) -> Result<()> {
        certificates::mark_restored(&mut self.conn(), hash)
    }

    /// Notes a failed mirror attempt and when to try again.
    pub fn mark_mirror_failed(
        &self,
        hash: &ContentHash,
        reason: &str,
        retry_at: DateTime<Utc>,
    ) -> Result<()> {
        certificates::mark_failed(&self.conn(), hash, reason, retry_at)
    }

    /// Postpones every mirror job due at `due_by` to `retry_at`, noting why: the mirror as
    /// a whole failed.
    pub fn postpone_due_mirror_jobs(
        &self,
        due_by: DateTime<Utc>,
        reason: &str,
        retry_at: DateTime<Utc>,
    ) -> Result<()> {
        certificates::postpone_due(&self.conn(), due_by, reason, retry_at)
    }

    /// Makes every queued mirror job due now.
    pub fn retry_mirror_now(&self) -> Result<()> {
        certificates::retry_all_now(&self.conn())
    }

    /// The mirror's counts and last error.
    pub fn mirror_status(&self) -> Result<MirrorStatus> {
        certificates::mirror_status(&self.conn())
    }

    /// The workstation's settings.
    pub fn settings(&self) -> Result<Settings> {
        settings::get(&self.conn())
    }

    /// Validates and saves the settings, queueing files for a new mirror destination.
    pub fn save_settings(&self, settings: &Settings) -> Result<Settings> {
        settings::save(&mut self.conn(), settings)
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
