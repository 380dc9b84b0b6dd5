//! Certificates, settings and the mirror's queue, on a real database file.

use benchlog_domain::certificate::{ContentHash, LocalState, MirrorState};
use benchlog_domain::equipment::EquipmentFields;
use benchlog_domain::plan::{NewPlan, PlanFields};
use benchlog_domain::record::{NewRecord, RecordFields, RecordId};
use benchlog_domain::settings::{MirrorSettings, Settings};
use benchlog_domain::tolerance::CalibrationResult;
use benchlog_storage::{Attachment, Error, Store};
use chrono::{Duration, NaiveDate, Utc};
use tempfile::TempDir;

struct Bench {
    dir: TempDir,
    store: Store,
}

fn bench() -> Bench {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("benchlog.sqlite3")).unwrap();
    Bench { dir, store }
}

impl Bench {
    /// A new item with one plan and one record, returning the record.
    fn record(&self, tag: &str) -> RecordId {
        let item = self
            .store
            .create_equipment(&EquipmentFields {
                asset_tag: tag.into(),
                name: "Balance".into(),
                ..EquipmentFields::default()
            })
            .unwrap();
        let plan = self
            .store
            .create_plan(&NewPlan {
                equipment_id: item.id,
                fields: PlanFields::default(),
            })
            .unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
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
        self.store
            .record_calibration(&new, today)
            .unwrap()
            .record
            .id
    }

    /// A new record with `file(1, "a.pdf")` attached.
    fn record_with_file_1(&self, tag: &str) -> RecordId {
        let record = self.record(tag);
        self.store
            .attach_certificates(record, &[file(1, "a.pdf")])
            .unwrap();
        record
    }

    fn enable_mirror(&self, prefix: &str) {
        let settings = Settings {
            mirror: MirrorSettings {
                enabled: true,
                bucket: "lab-certificates".into(),
                region: "eu-central-1".into(),
                prefix: prefix.into(),
                ..MirrorSettings::default()
            },
            ..Settings::default()
        };
        self.store.save_settings(&settings).unwrap();
    }

    fn destination(&self) -> String {
        self.store.settings().unwrap().mirror.destination()
    }

    fn states(&self, record: RecordId) -> Vec<MirrorState> {
        let certificates = self.store.list_certificates(record).unwrap();
        certificates.into_iter().map(|c| c.mirror).collect()
    }

    fn count(&self, table: &str) -> i64 {
        let conn = rusqlite::Connection::open(self.dir.path().join("benchlog.sqlite3")).unwrap();
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
            row.get(0)
        })
        .unwrap()
    }
}

fn file(byte: u8, name: &str) -> Attachment {
    Attachment {
        hash: ContentHash::from_bytes(&[byte; 32]),
        size_bytes: 1000 + u64::from(byte),
        file_name: name.into(),
        media_type: "application/pdf".into(),
    }
}

#[test]
fn files_attach_once_per_content_and_list_in_order() {
    let bench = bench();
    let first = bench.record("0001");
    let second = bench.record("0002");

    let listed = bench
        .store
        .attach_certificates(first, &[file(1, "cert.pdf"), file(2, "photo.jpg")])
        .unwrap();
    let names: Vec<_> = listed.iter().map(|c| c.file_name.as_str()).collect();
    assert_eq!(names, ["cert.pdf", "photo.jpg"]);
    assert_eq!(listed[0].size_bytes, 1001);
    assert_eq!(listed[0].local, LocalState::Present);
    assert_eq!(
        listed[0].mirror,
        MirrorState::LocalOnly,
        "no mirror is set up"
    );

    let again = bench
        .store
        .attach_certificates(first, &[file(1, "cert (2).pdf")])
        .unwrap();
    assert_eq!(again, listed[..1], "the same file twice is one attachment");
    assert_eq!(bench.store.list_certificates(first).unwrap(), listed);
    bench
        .store
        .attach_certificates(second, &[file(1, "shared.pdf")])
        .unwrap();
    assert_eq!(bench.count("certificate_file"), 2, "content is kept once");
    assert_eq!(bench.count("record_certificate"), 3);
    let reference = &listed[1].reference;
    assert_eq!(
        bench.store.get_certificate(reference).unwrap().file_name,
        "photo.jpg"
    );
}

#[test]
fn attaching_to_a_missing_record_writes_nothing() {
    let bench = bench();
    bench.record("0001");
    let unknown: RecordId = "01900000-0000-7000-8000-000000000000".parse().unwrap();
    let error = bench
        .store
        .attach_certificates(unknown, &[file(1, "cert.pdf")])
        .unwrap_err();
    assert!(matches!(error, Error::RecordNotFound(_)), "{error:?}");
    assert_eq!(bench.count("certificate_file"), 0);
    assert_eq!(bench.count("mirror_job"), 0);
}

#[test]
fn attachments_are_permanent() {
    let bench = bench();
    let record = bench.record("0001");
    bench
        .store
        .attach_certificates(record, &[file(1, "cert.pdf")])
        .unwrap();
    let conn = rusqlite::Connection::open(bench.dir.path().join("benchlog.sqlite3")).unwrap();
    let error = conn
        .execute("DELETE FROM record_certificate", [])
        .unwrap_err();
    assert!(error.to_string().contains("permanent"), "{error}");
    let error = conn
        .execute("UPDATE record_certificate SET file_name = 'x'", [])
        .unwrap_err();
    assert!(error.to_string().contains("permanent"), "{error}");
}

#[test]
fn settings_start_at_the_defaults_and_are_validated() {
    let bench = bench();
    assert_eq!(bench.store.settings().unwrap(), Settings::default());
    let mut bad = Settings::default();
    bad.mirror.enabled = true;
    let Error::Invalid(errors) = bench.store.save_settings(&bad).unwrap_err() else {
        panic!("expected field errors");
    };
    let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["bucket", "region"]);
    assert_eq!(bench.store.settings().unwrap(), Settings::default());
}

#[test]
fn the_queue_moves_files_from_queued_to_failed_to_mirrored() {
    let bench = bench();
    let record = bench.record("0001");
    bench
        .store
        .attach_certificates(record, &[file(1, "a.pdf"), file(2, "b.pdf")])
        .unwrap();
    assert_eq!(
        bench.count("mirror_job"),
        2,
        "queued while the mirror is off"
    );

    bench.enable_mirror("lab-1");
    assert_eq!(
        bench.states(record),
        [MirrorState::Queued, MirrorState::Queued]
    );
    let now = Utc::now();
    let jobs = bench.store.due_mirror_jobs(now, 10).unwrap();
    assert_eq!(jobs.len(), 2);
    assert!(!jobs[0].mirrored);

    let later = now + Duration::minutes(5);
    let a = &jobs[0].hash;
    bench
        .store
        .mark_mirror_failed(a, "The mirror cannot be reached", later)
        .unwrap();
    assert_eq!(
        bench.states(record)[0],
        MirrorState::Failed {
            reason: "The mirror cannot be reached".into()
        }
    );
    let due: Vec<_> = bench.store.due_mirror_jobs(now, 10).unwrap();
    assert_eq!(due.len(), 1, "the failed file waits for its backoff");
    assert!(bench.store.next_mirror_attempt().unwrap().unwrap() <= later);
    let status = bench.store.mirror_status().unwrap();
    assert_eq!((status.queued, status.failed, status.mirrored), (2, 1, 0));
    assert_eq!(status.destination, "s3://lab-certificates/lab-1/");
    assert_eq!(
        status.last_error.as_deref(),
        Some("The mirror cannot be reached")
    );

    bench.store.retry_mirror_now().unwrap();
    let retried = bench.store.due_mirror_jobs(Utc::now(), 10).unwrap();
    assert_eq!(retried.len(), 2);
    assert_eq!(retried.iter().map(|j| j.attempts).max(), Some(1));

    let destination = bench.destination();
    for job in &retried {
        bench
            .store
            .mark_mirrored(&job.hash, &destination, Utc::now())
            .unwrap();
    }
    assert!(matches!(
        bench.states(record)[0],
        MirrorState::Mirrored { .. }
    ));
    assert_eq!(bench.count("mirror_job"), 0);
    let status = bench.store.mirror_status().unwrap();
    assert_eq!((status.queued, status.failed, status.mirrored), (0, 0, 2));

    bench.enable_mirror("lab-2");
    assert_eq!(
        bench.states(record),
        [MirrorState::Queued, MirrorState::Queued],
        "a new destination needs every file again"
    );
}

#[test]
fn an_upload_to_a_destination_the_settings_left_keeps_the_job() {
    let bench = bench();
    let record = bench.record_with_file_1("0001");
    bench.enable_mirror("lab-1");
    let old = bench.destination();
    bench.enable_mirror("lab-2");
    bench
        .store
        .mark_mirrored(&file(1, "").hash, &old, Utc::now())
        .unwrap();
    assert_eq!(bench.count("mirror_job"), 1);
    assert_eq!(bench.states(record), [MirrorState::Queued]);
}

#[test]
fn damaged_files_are_queued_for_restoring_and_leave_the_queue_when_restored() {
    let bench = bench();
    let record = bench.record_with_file_1("0001");
    bench.enable_mirror("");
    let hash = file(1, "").hash;
    bench
        .store
        .mark_mirrored(&hash, &bench.destination(), Utc::now())
        .unwrap();
    assert_eq!(bench.count("mirror_job"), 0);

    bench
        .store
        .set_local_state(&hash, LocalState::Missing)
        .unwrap();
    let jobs = bench.store.due_mirror_jobs(Utc::now(), 10).unwrap();
    assert_eq!(jobs.len(), 1);
    assert!(
        jobs[0].mirrored && jobs[0].local == LocalState::Missing,
        "a restore"
    );
    assert_eq!(bench.store.mirror_status().unwrap().damaged_locally, 1);
    let stored = bench.store.stored_files().unwrap();
    assert_eq!(
        (stored[0].file_name.as_str(), stored[0].mirrored),
        ("a.pdf", true)
    );

    bench.store.mark_restored(&hash).unwrap();
    assert_eq!(bench.count("mirror_job"), 0);
    let certificate = &bench.store.list_certificates(record).unwrap()[0];
    assert_eq!(certificate.local, LocalState::Present);
}
