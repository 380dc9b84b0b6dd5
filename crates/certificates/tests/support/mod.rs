//! A workstation for tests: a database with one calibration record and a certificate
//! store, both in a temporary data folder.

#![allow(dead_code, reason = "each test file uses a different part")]

pub mod s3;

use std::path::PathBuf;
use std::sync::Arc;

use benchlog_certificates::{Certificates, FileStore, Store};
use benchlog_domain::equipment::EquipmentFields;
use benchlog_domain::plan::{NewPlan, PlanFields};
use benchlog_domain::record::{NewRecord, RecordFields, RecordId};
use benchlog_domain::tolerance::CalibrationResult;
use chrono::Local;

/// A data folder with a database, a store and one record.
pub struct Workstation {
    pub dir: tempfile::TempDir,
    pub certificates: Certificates,
    pub record: RecordId,
}

impl Workstation {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let certificates = open(dir.path());
        let record = add_record(certificates.store());
        Self {
            dir,
            certificates,
            record,
        }
    }

    /// Opens the same data folder again, as a restarted app would.
    pub fn reopen(&self) -> Certificates {
        open(self.dir.path())
    }

    /// Writes a file to attach, outside the store.
    pub fn file(&self, name: &str, content: &[u8]) -> PathBuf {
        let inbox = self.dir.path().join("inbox");
        std::fs::create_dir_all(&inbox).unwrap();
        let path = inbox.join(name);
        std::fs::write(&path, content).unwrap();
        path
    }

    pub fn store(&self) -> &Store {
        self.certificates.store()
    }
}

pub fn open(data: &std::path::Path) -> Certificates {
    let store = Store::open(&data.join("benchlog.sqlite3")).unwrap();
    let files = FileStore::open(&data.join("certificates")).unwrap();
    Certificates::new(Arc::new(store), files)
}

/// A new item with a plan and one passing record.
pub fn add_record(store: &Store) -> RecordId {
    let count = store.list_equipment(&Default::default()).unwrap().total;
    let item = store
        .create_equipment(&EquipmentFields {
            asset_tag: format!("CAL-{count:04}"),
            name: "Pressure gauge".into(),
            ..EquipmentFields::default()
        })
        .unwrap();
    let plan = store
        .create_plan(&NewPlan {
            equipment_id: item.id,
            fields: PlanFields::default(),
        })
        .unwrap();
    let today = Local::now().date_naive();
    let fields = RecordFields {
        performed_on: Some(today),
        performed_by: "Ana".into(),
        result: Some(CalibrationResult::Pass),
        ..RecordFields::default()
    };
    let new = NewRecord {
        plan_id: plan.id,
        fields,
    };
    store.record_calibration(&new, today).unwrap().record.id
}
