//! Attaching, checking and exporting certificates on real files and a real database.

mod support;

use std::fs;

use benchlog_certificates::Error;
use benchlog_domain::certificate::{CertificateRef, LocalState, MirrorState};
use benchlog_domain::error::ApiError;
use benchlog_domain::settings::Settings;
use support::Workstation;

/// How many files the store holds (its fan-out folders, not its own dot-folders).
fn stored_file_count(ws: &Workstation) -> usize {
    let root = ws.dir.path().join("certificates");
    fs::read_dir(root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| !path.file_name().unwrap().to_string_lossy().starts_with('.'))
        .map(|folder| fs::read_dir(folder).unwrap().count())
        .sum()
}

#[test]
fn attached_files_are_listed_with_their_names_types_and_sizes() {
    let ws = Workstation::new();
    let pdf = ws.file("Kalibrierschein Nr. 7 (Waage).pdf", b"%PDF certificate");
    let photo = ws.file("display.JPG", b"jpeg bytes");

    let listed = ws.certificates.attach(ws.record, &[pdf, photo]).unwrap();
    let summary: Vec<_> = listed
        .iter()
        .map(|c| (c.file_name.as_str(), c.media_type.as_str(), c.size_bytes))
        .collect();
    assert_eq!(
        summary,
        [
            ("Kalibrierschein Nr. 7 (Waage).pdf", "application/pdf", 16),
            ("display.JPG", "image/jpeg", 10)
        ]
    );
    assert!(listed.iter().all(|c| c.mirror == MirrorState::LocalOnly));
    let stored = ws.certificates.files().path_of(&listed[0].reference.hash);
    assert_eq!(fs::read(stored).unwrap(), b"%PDF certificate");
    assert_eq!(ws.certificates.list(ws.record).unwrap(), listed);
}

#[test]
fn one_bad_file_attaches_nothing_and_every_bad_file_is_named() {
    let ws = Workstation::new();
    ws.store()
        .save_settings(&Settings {
            max_certificate_mb: 1,
            ..Settings::default()
        })
        .unwrap();
    let good = ws.file("good.pdf", b"fine");
    let big = ws.file("scan.tiff", &vec![0; 1_000_001]);
    let gone = ws.dir.path().join("inbox/moved.pdf");

    let error = ws
        .certificates
        .attach(ws.record, &[good, big, gone])
        .unwrap_err();
    assert!(matches!(error, Error::Import(ref errors) if errors.len() == 2));
    let ApiError::Validation { errors } = ApiError::from(error) else {
        panic!("attach errors are shown on the form");
    };
    let messages: Vec<_> = errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "“scan.tiff” is larger than the 1 MB limit for certificates (Settings)",
            "“moved.pdf” was not found; it may have been moved or deleted"
        ]
    );
    assert!(errors.iter().all(|e| e.field == "certificates"));
    assert!(ws.certificates.list(ws.record).unwrap().is_empty());
    assert_eq!(
        stored_file_count(&ws),
        0,
        "not even the good file was copied"
    );

    let unknown = "01900000-0000-7000-8000-000000000000".parse().unwrap();
    let error = ws
        .certificates
        .attach(unknown, &[ws.file("fine.pdf", b"fine")])
        .unwrap_err();
    assert!(matches!(ApiError::from(error), ApiError::NotFound { .. }));
    assert_eq!(stored_file_count(&ws), 0);
}

#[test]
fn the_check_finds_missing_and_damaged_files_and_records_it() {
    let ws = Workstation::new();
    let listed = ws
        .certificates
        .attach(
            ws.record,
            &[
                ws.file("a.pdf", b"alpha"),
                ws.file("b.pdf", b"bravo"),
                ws.file("c.pdf", b"charlie"),
            ],
        )
        .unwrap();
    let files = ws.certificates.files();
    fs::remove_file(files.path_of(&listed[0].reference.hash)).unwrap();
    let damaged = files.path_of(&listed[1].reference.hash);
    fs::remove_file(&damaged).unwrap();
    fs::write(&damaged, b"brav0").unwrap();

    let report = ws.certificates.check().unwrap();
    assert_eq!(report.checked, 3);
    let found: Vec<_> = report
        .problems
        .iter()
        .map(|p| (p.file_name.as_str(), p.state, p.in_mirror))
        .collect();
    assert_eq!(
        found,
        [
            ("a.pdf", LocalState::Missing, false),
            ("b.pdf", LocalState::Corrupt, false)
        ]
    );
    let states: Vec<_> = ws
        .certificates
        .list(ws.record)
        .unwrap()
        .iter()
        .map(|c| c.local)
        .collect();
    assert_eq!(
        states,
        [
            LocalState::Missing,
            LocalState::Corrupt,
            LocalState::Present
        ]
    );

    ws.certificates
        .attach(ws.record, &[ws.file("a again.pdf", b"alpha")])
        .unwrap();
    assert_eq!(
        ws.certificates.list(ws.record).unwrap()[0].local,
        LocalState::Present,
        "attaching the file again heals it"
    );
}

#[test]
fn only_attached_whole_certificates_are_handed_out() {
    let ws = Workstation::new();
    let listed = ws
        .certificates
        .attach(ws.record, &[ws.file("report.pdf", b"%PDF report")])
        .unwrap();
    let reference = listed[0].reference.clone();

    let view = ws.certificates.viewable_copy(&reference).unwrap();
    assert_eq!(view.file_name().unwrap(), "report.pdf");
    assert_eq!(fs::read(&view).unwrap(), b"%PDF report");
    let export = ws.dir.path().join("report copy.pdf");
    ws.certificates.export(&reference, &export).unwrap();
    assert_eq!(fs::read(&export).unwrap(), b"%PDF report");

    let program = ws
        .certificates
        .attach(
            ws.record,
            &[ws.file("calibrate.sh", b"#!/bin/sh\nrm -rf ~\n")],
        )
        .unwrap();
    let error = ws
        .certificates
        .viewable_copy(&program[0].reference)
        .unwrap_err();
    let ApiError::Conflict { message, .. } = ApiError::from(error) else {
        panic!("a program is not opened");
    };
    assert!(message.contains("Save a copy"), "{message}");

    let other_record = support::add_record(ws.store());
    let not_attached = CertificateRef {
        record_id: other_record,
        hash: reference.hash.clone(),
    };
    let error = ws.certificates.viewable_copy(&not_attached).unwrap_err();
    assert!(
        matches!(ApiError::from(error), ApiError::NotFound { .. }),
        "a certificate of another record is not this record's"
    );

    fs::remove_file(ws.certificates.files().path_of(&reference.hash)).unwrap();
    let error = ws.certificates.export(&reference, &export).unwrap_err();
    let ApiError::Storage { message } = ApiError::from(error) else {
        panic!("a missing file is a storage error");
    };
    assert!(message.contains("missing"), "{message}");
    assert_eq!(
        ws.certificates.list(ws.record).unwrap()[0].local,
        LocalState::Missing,
        "noticing a missing file records it"
    );
}
