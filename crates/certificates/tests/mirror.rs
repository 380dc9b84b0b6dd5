//! The S3 mirror against a real S3-protocol server on loopback (s3s, file-system backed,
//! checking signatures), with a real database and certificate store.

mod support;

use std::fs;

use aws_runtime::env_config::file::{EnvConfigFileKind, EnvConfigFiles};
use aws_sdk_s3::config::Credentials;
use benchlog_certificates::Certificates;
use benchlog_certificates::mirror::{CredentialSource, Mirror, PART_BYTES, SyncReport};
use benchlog_domain::certificate::{Certificate, LocalState, MirrorState};
use benchlog_domain::settings::{MirrorSettings, Settings};
use support::Workstation;
use support::s3::{ACCESS_KEY, BUCKET, CuttingProxy, S3Server, SECRET_KEY};

fn credentials(secret: &str) -> CredentialSource {
    CredentialSource::Fixed(Credentials::new(ACCESS_KEY, secret, None, None, "test"))
}

fn mirror_to(endpoint: &str) -> Settings {
    Settings {
        mirror: MirrorSettings {
            enabled: true,
            bucket: BUCKET.into(),
            region: "eu-central-1".into(),
            endpoint: endpoint.into(),
            path_style: true,
            prefix: "lab-1/".into(),
            profile: String::new(),
        },
        ..Settings::default()
    }
}

/// Content that differs from byte to byte, so a misplaced part would show.
fn content(len: usize, seed: u8) -> Vec<u8> {
    (0..len).map(|i| (i % 251) as u8 ^ seed).collect()
}

/// A workstation whose mirror is an S3 server started for it.
async fn mirrored_workstation() -> (Workstation, S3Server) {
    let ws = Workstation::new();
    let server = S3Server::start(&ws.dir.path().join("s3")).await;
    ws.store()
        .save_settings(&mirror_to(&server.endpoint()))
        .unwrap();
    (ws, server)
}

/// Attaches `cert.pdf` to the workstation's record and mirrors it.
async fn mirrored_evidence(ws: &Workstation) -> (Vec<Certificate>, Mirror) {
    let attached = ws
        .certificates
        .attach(ws.record, &[ws.file("cert.pdf", b"%PDF evidence")])
        .unwrap();
    let mirror = Mirror::new(ws.certificates.clone(), credentials(SECRET_KEY));
    assert_eq!(sync(&mirror).await.uploaded, 1);
    (attached, mirror)
}

async fn sync(mirror: &Mirror) -> SyncReport {
    mirror.sync_once(&|| {}).await.unwrap()
}

fn key(certificate: &Certificate) -> String {
    format!("lab-1/sha256/{}", certificate.reference.hash)
}

fn states(certificates: &Certificates, ws: &Workstation) -> Vec<MirrorState> {
    let listed = certificates.list(ws.record).unwrap();
    listed
        .into_iter()
        .map(|certificate| certificate.mirror)
        .collect()
}

fn is_mirrored(state: &MirrorState) -> bool {
    matches!(state, MirrorState::Mirrored { .. })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_small_and_multipart_files_once_and_verifies_them() {
    let (ws, server) = mirrored_workstation().await;
    let small = content(10_000, 1);
    let large = content(2 * PART_BYTES + 12_345, 2);
    let attached = ws
        .certificates
        .attach(
            ws.record,
            &[ws.file("cert.pdf", &small), ws.file("scan.tiff", &large)],
        )
        .unwrap();
    let mirror = Mirror::new(ws.certificates.clone(), credentials(SECRET_KEY));

    let report = sync(&mirror).await;
    assert_eq!(
        report,
        SyncReport {
            uploaded: 2,
            ..SyncReport::default()
        }
    );
    assert_eq!(server.object(&key(&attached[0])).unwrap(), small);
    assert_eq!(server.object(&key(&attached[1])).unwrap(), large);
    assert_eq!(server.requests.count("PutObject"), 1);
    assert_eq!(server.requests.count("UploadPart"), 3);
    assert_eq!(server.requests.count("CompleteMultipartUpload"), 1);
    assert!(states(&ws.certificates, &ws).iter().all(is_mirrored));
    let status = mirror.status().unwrap();
    assert_eq!((status.mirrored, status.queued, status.failed), (2, 0, 0));

    assert_eq!(
        sync(&mirror).await,
        SyncReport::default(),
        "nothing left to do"
    );
    let other = support::add_record(ws.store());
    let again = ws
        .certificates
        .attach(other, &[ws.file("same cert.pdf", &small)])
        .unwrap();
    assert!(is_mirrored(&again[0].mirror), "content already mirrored");
    assert_eq!(server.requests.count("PutObject"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_queued_while_the_mirror_is_down_are_mirrored_exactly_once_after_a_restart() {
    let (ws, server) = mirrored_workstation().await;
    let down = server.stop().await;
    let files: Vec<_> = (0..3)
        .map(|n| ws.file(&format!("cert {n}.pdf"), &content(5_000 + n, n as u8)))
        .collect();
    ws.certificates.attach(ws.record, &files).unwrap();
    let mirror = Mirror::new(ws.certificates.clone(), credentials(SECRET_KEY));

    let report = sync(&mirror).await;
    assert_eq!(report.failed, 1, "the first failure stops the run");
    for state in states(&ws.certificates, &ws) {
        let MirrorState::Failed { reason } = state else {
            panic!("every file waits: {state:?}");
        };
        assert!(
            reason.starts_with("The mirror cannot be reached"),
            "{reason}"
        );
    }
    assert_eq!(sync(&mirror).await, SyncReport::default(), "backing off");

    // The app restarts: the queue is in the database.
    drop(mirror);
    let reopened = ws.reopen();
    let server = down.restart().await;
    let mirror = Mirror::new(reopened.clone(), credentials(SECRET_KEY));
    mirror.sync_now().unwrap();
    let report = sync(&mirror).await;
    assert_eq!(report.uploaded, 3);
    assert_eq!(sync(&mirror).await, SyncReport::default());
    assert_eq!(
        server.requests.count("PutObject"),
        3,
        "each file exactly once"
    );
    for certificate in reopened.list(ws.record).unwrap() {
        assert!(is_mirrored(&certificate.mirror));
        let stored = server.object(&key(&certificate)).unwrap();
        assert_eq!(stored.len() as u64, certificate.size_bytes);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_credentials_are_reported_and_nothing_is_lost() {
    let (ws, server) = mirrored_workstation().await;
    let attached = ws
        .certificates
        .attach(ws.record, &[ws.file("cert.pdf", b"%PDF evidence")])
        .unwrap();

    let wrong = Mirror::new(ws.certificates.clone(), credentials("not-the-secret"));
    assert_eq!(sync(&wrong).await.failed, 1);
    let status = wrong.status().unwrap();
    let reason = status.last_error.unwrap();
    assert!(
        reason.starts_with("The mirror refused the credentials"),
        "{reason}"
    );
    assert_eq!(status.queued, 1);
    assert!(server.object(&key(&attached[0])).is_none());
    assert_eq!(
        ws.certificates
            .files()
            .check(&attached[0].reference.hash)
            .unwrap(),
        LocalState::Present
    );

    let right = Mirror::new(ws.certificates.clone(), credentials(SECRET_KEY));
    right.sync_now().unwrap();
    assert_eq!(sync(&right).await.uploaded, 1);
    assert_eq!(server.object(&key(&attached[0])).unwrap(), b"%PDF evidence");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upload_cut_off_on_the_way_is_sent_again_whole() {
    let ws = Workstation::new();
    let server = S3Server::start(&ws.dir.path().join("s3")).await;
    let proxy = CuttingProxy::start(server.addr).await;
    ws.store()
        .save_settings(&mirror_to(&proxy.endpoint()))
        .unwrap();
    let large = content(PART_BYTES + 4_000_000, 7);
    let attached = ws
        .certificates
        .attach(ws.record, &[ws.file("scan.tiff", &large)])
        .unwrap();
    let mirror = Mirror::new(ws.certificates.clone(), credentials(SECRET_KEY));

    proxy.cut_next_connection_after(3_000_000);
    let report = sync(&mirror).await;
    assert_eq!(report.failed, 1);
    assert!(
        server.object(&key(&attached[0])).is_none(),
        "no object from half an upload"
    );
    let MirrorState::Failed { reason } = &states(&ws.certificates, &ws)[0] else {
        panic!("the upload failed");
    };
    assert!(
        reason.starts_with("The mirror cannot be reached"),
        "{reason}"
    );

    mirror.sync_now().unwrap();
    assert_eq!(sync(&mirror).await.uploaded, 1);
    assert_eq!(server.object(&key(&attached[0])).unwrap(), large);
    assert_eq!(server.requests.count("CompleteMultipartUpload"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_and_damaged_local_files_are_restored_from_the_mirror() {
    let (ws, _server) = mirrored_workstation().await;
    let large = content(PART_BYTES + 100, 3);
    let attached = ws
        .certificates
        .attach(
            ws.record,
            &[ws.file("a.pdf", b"alpha"), ws.file("b.tiff", &large)],
        )
        .unwrap();
    let mirror = Mirror::new(ws.certificates.clone(), credentials(SECRET_KEY));
    assert_eq!(sync(&mirror).await.uploaded, 2);

    let files = ws.certificates.files();
    let gone = files.path_of(&attached[0].reference.hash);
    let damaged = files.path_of(&attached[1].reference.hash);
    fs::remove_file(&gone).unwrap();
    fs::remove_file(&damaged).unwrap();
    fs::write(&damaged, b"not the scan").unwrap();

    let report = ws.certificates.check().unwrap();
    assert_eq!(report.problems.len(), 2);
    assert!(report.problems.iter().all(|problem| problem.in_mirror));
    assert_eq!(mirror.status().unwrap().damaged_locally, 2);

    assert_eq!(sync(&mirror).await.restored, 2);
    assert_eq!(fs::read(&gone).unwrap(), b"alpha");
    assert_eq!(fs::read(&damaged).unwrap(), large);
    assert!(ws.certificates.check().unwrap().problems.is_empty());
    assert_eq!(mirror.status().unwrap().damaged_locally, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replacement_workstation_gets_its_certificates_back() {
    // The database came back from a backup; the certificate folder did not.
    let (ws, _server) = mirrored_workstation().await;
    let (attached, mirror) = mirrored_evidence(&ws).await;
    drop(mirror);
    fs::remove_dir_all(ws.dir.path().join("certificates")).unwrap();

    let reopened = ws.reopen();
    assert_eq!(reopened.note_missing_files().unwrap(), 1);
    let mirror = Mirror::new(reopened.clone(), credentials(SECRET_KEY));
    assert_eq!(sync(&mirror).await.restored, 1);
    let path = reopened.files().path_of(&attached[0].reference.hash);
    assert_eq!(fs::read(path).unwrap(), b"%PDF evidence");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn credentials_come_from_the_named_aws_profile() {
    let ws = Workstation::new();
    let server = S3Server::start(&ws.dir.path().join("s3")).await;
    let aws = ws.dir.path().join("aws-credentials");
    fs::write(
        &aws,
        format!(
            "[default]\naws_access_key_id = AKIAWRONG\naws_secret_access_key = wrong\n\n\
             [lab]\naws_access_key_id = {ACCESS_KEY}\naws_secret_access_key = {SECRET_KEY}\n"
        ),
    )
    .unwrap();
    let mut settings = mirror_to(&server.endpoint());
    settings.mirror.profile = "lab".into();
    ws.store().save_settings(&settings).unwrap();
    ws.certificates
        .attach(ws.record, &[ws.file("cert.pdf", b"%PDF evidence")])
        .unwrap();
    let files = EnvConfigFiles::builder()
        .with_file(EnvConfigFileKind::Credentials, &aws)
        .build();

    let mirror = Mirror::new(
        ws.certificates.clone(),
        CredentialSource::ProfileFiles(files),
    );
    assert_eq!(sync(&mirror).await.uploaded, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_saved_during_a_run_end_it() {
    let (ws, server) = mirrored_workstation().await;
    let files: Vec<_> = (0..3)
        .map(|n| ws.file(&format!("cert {n}.pdf"), &content(1_000 + n, n as u8)))
        .collect();
    ws.certificates.attach(ws.record, &files).unwrap();
    let mirror = Mirror::new(ws.certificates.clone(), credentials(SECRET_KEY));

    // The user turns the mirror off as soon as the first file is up.
    let turn_off = || {
        let mut settings = ws.store().settings().unwrap();
        settings.mirror.enabled = false;
        ws.store().save_settings(&settings).unwrap();
    };
    let report = mirror.sync_once(&turn_off).await.unwrap();
    assert_eq!(report.uploaded, 1);
    assert_eq!(server.requests.count("PutObject"), 1);
    assert!(
        states(&ws.certificates, &ws)
            .iter()
            .all(|state| *state == MirrorState::LocalOnly)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_damaged_copy_in_the_mirror_is_never_restored() {
    let (ws, server) = mirrored_workstation().await;
    let (attached, mirror) = mirrored_evidence(&ws).await;
    let object = server.root.join(BUCKET).join(key(&attached[0]));
    fs::write(&object, b"%PDF evidencE").unwrap();
    let local = ws.certificates.files().path_of(&attached[0].reference.hash);
    fs::remove_file(&local).unwrap();
    ws.certificates.check().unwrap();

    assert_eq!(sync(&mirror).await.failed, 1);
    assert!(
        !local.exists(),
        "no damaged file takes the certificate's place"
    );
    let reason = mirror.status().unwrap().last_error.unwrap();
    assert!(reason.contains("does not match its checksum"), "{reason}");
}
