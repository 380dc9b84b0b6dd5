//! Crash safety: a child process attaches certificates, or mirrors them, and is killed
//! (SIGKILL, no chance to clean up) at varying moments. After each kill the data folder
//! is opened again and must hold no record whose file is missing or damaged, every
//! attachment the child reported as saved, and a queue that finishes the mirroring.
//!
//! The children are this test binary itself, re-run with one ignored test selected.

mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use aws_sdk_s3::config::Credentials;
use benchlog_certificates::Certificates;
use benchlog_certificates::mirror::{CredentialSource, Mirror, PART_BYTES};
use benchlog_domain::certificate::MirrorState;
use benchlog_domain::record::RecordId;
use benchlog_domain::settings::{MirrorSettings, Settings};
use support::Workstation;
use support::s3::{ACCESS_KEY, BUCKET, S3Server, SECRET_KEY};

const DATA: &str = "BENCHLOG_CRASH_DATA";
const RECORD: &str = "BENCHLOG_CRASH_RECORD";
/// Each line a child prints after a commit: the number of files saved so far.
const SAVED: &str = "saved ";

/// Runs one ignored test of this binary as a child process.
fn spawn_child(test: &str, data: &Path, record: RecordId) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            test,
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(DATA, data)
        .env(RECORD, record.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Lets the child save `saves` times, waits `extra`, kills it, and returns how many
/// saves it reported.
fn kill_after(mut child: Child, saves: usize, extra: Duration) -> usize {
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut reported = 0;
    while reported < saves {
        let line = lines.next().expect("the child ended early").unwrap();
        if let Some(count) = line.strip_prefix(SAVED) {
            reported = count.parse().unwrap();
        }
    }
    std::thread::sleep(extra);
    child.kill().unwrap();
    child.wait().unwrap();
    // Lines written before the kill still count: they were printed after a commit.
    for line in lines.map_while(Result::ok) {
        if let Some(count) = line.strip_prefix(SAVED) {
            reported = count.parse().unwrap();
        }
    }
    reported
}

fn child_data() -> (Certificates, RecordId) {
    let data = std::env::var_os(DATA).expect("run by the crash tests");
    let record = std::env::var(RECORD).unwrap().parse().unwrap();
    (support::open(Path::new(&data)), record)
}

fn file_content(n: usize, len: usize) -> Vec<u8> {
    let mut content = vec![0u8; len];
    content[..8].copy_from_slice(&(n as u64).to_le_bytes());
    for (i, byte) in content.iter_mut().enumerate().skip(8) {
        *byte = (i % 253) as u8;
    }
    content
}

/// Every attached file is in the store and whole.
fn assert_consistent(certificates: &Certificates) {
    let report = certificates.check().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

#[test]
#[ignore = "a child process of the crash tests"]
fn child_attaching_until_killed() {
    let (certificates, record) = child_data();
    let inbox = tempfile::tempdir().unwrap();
    let start = certificates.list(record).unwrap().len();
    for n in start.. {
        let path = inbox.path().join(format!("certificate {n}.pdf"));
        std::fs::write(&path, file_content(n, 3_000_000)).unwrap();
        certificates.attach(record, &[path]).unwrap();
        println!("{SAVED}{}", n + 1);
    }
}

#[test]
fn killing_the_app_while_it_attaches_loses_nothing_it_saved() {
    let ws = Workstation::new();
    for (round, extra_ms) in [0, 3, 7, 13, 29].into_iter().enumerate() {
        let child = spawn_child("child_attaching_until_killed", ws.dir.path(), ws.record);
        let saved = kill_after(child, 2 * (round + 1), Duration::from_millis(extra_ms));

        let reopened = ws.reopen();
        let attached = reopened.list(ws.record).unwrap();
        assert!(
            attached.len() >= saved,
            "round {round}: {} attached, {saved} reported saved",
            attached.len()
        );
        assert_consistent(&reopened);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a child process of the crash tests"]
async fn child_mirroring_until_killed() {
    let (certificates, _) = child_data();
    let mirror = Mirror::new(certificates, credentials());
    println!("{SAVED}1");
    loop {
        mirror.sync_once(&|| println!("{SAVED}2")).await.unwrap();
        mirror.sync_now().unwrap();
    }
}

fn credentials() -> CredentialSource {
    CredentialSource::Fixed(Credentials::new(ACCESS_KEY, SECRET_KEY, None, None, "test"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killing_the_app_during_a_mirror_run_loses_nothing_and_the_queue_finishes() {
    let ws = Workstation::new();
    let server = S3Server::start(&ws.dir.path().join("s3")).await;
    let files: Vec<_> = (0..4)
        .map(|n| {
            ws.file(
                &format!("scan {n}.tiff"),
                &file_content(n, PART_BYTES + 1_000_000),
            )
        })
        .collect();
    ws.certificates.attach(ws.record, &files).unwrap();
    ws.store()
        .save_settings(&Settings {
            mirror: MirrorSettings {
                enabled: true,
                bucket: BUCKET.into(),
                region: "eu-central-1".into(),
                endpoint: server.endpoint(),
                path_style: true,
                ..MirrorSettings::default()
            },
            ..Settings::default()
        })
        .unwrap();

    // Killed while connecting, and twice part-way through the files after the first.
    for (saves, extra_ms) in [(1, 40), (2, 0), (2, 30)] {
        let child = spawn_child("child_mirroring_until_killed", ws.dir.path(), ws.record);
        let extra = Duration::from_millis(extra_ms);
        tokio::task::spawn_blocking(move || kill_after(child, saves, extra))
            .await
            .unwrap();
        assert_consistent(&ws.reopen());
    }

    let reopened = ws.reopen();
    let mirror = Mirror::new(reopened.clone(), credentials());
    mirror.sync_now().unwrap();
    mirror.sync_once(&|| {}).await.unwrap();
    for certificate in reopened.list(ws.record).unwrap() {
        assert!(matches!(certificate.mirror, MirrorState::Mirrored { .. }));
        let key = format!("sha256/{}", certificate.reference.hash);
        let object = server.object(&key).expect("mirrored");
        let local = std::fs::read(reopened.files().path_of(&certificate.reference.hash));
        assert_eq!(object, local.unwrap(), "the mirror holds the whole file");
    }
    assert_eq!(mirror.status().unwrap().queued, 0);
}
