//! The S3 mirror: a background worker that works through the queue in the database,
//! uploading new certificates and restoring damaged ones, with backoff while the mirror
//! cannot be reached. Everything it must remember lives in the database, so a restart
//! (or a crash) picks up where it left off.

mod client;
mod failure;
mod job;

use std::collections::HashSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use benchlog_domain::certificate::MirrorStatus;
use benchlog_domain::settings::MirrorSettings;
use chrono::Utc;
use tokio::sync::Notify;

pub use self::client::{Bucket, CredentialSource};
pub use self::failure::{Failure, retry_delay};
pub use self::job::{Done, PART_BYTES};
use crate::{Certificates, Error};

/// How many jobs are read from the queue at a time.
const BATCH: usize = 32;
/// The longest the worker sleeps without being woken, e.g. while the mirror is off.
const IDLE: Duration = Duration::from_secs(600);
/// The least the worker sleeps after a run the database failed.
const AFTER_ERROR: Duration = Duration::from_secs(30);
/// How often, at most, the worker tells the window of progress within a run.
const PROGRESS_EVERY: Duration = Duration::from_millis(500);

/// What one run through the queue did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Files uploaded and verified.
    pub uploaded: usize,
    /// Files the mirror already held whole.
    pub already_mirrored: usize,
    /// Local files restored from the mirror.
    pub restored: usize,
    /// Files that failed and wait for their retry.
    pub failed: usize,
}

/// The mirror worker and its controls.
#[derive(Debug)]
pub struct Mirror {
    certificates: Certificates,
    credentials: CredentialSource,
    wake: Notify,
    syncing: AtomicBool,
    /// The client for the settings it was built with, reused until they change.
    bucket: Mutex<Option<Bucket>>,
}

impl Mirror {
    /// A mirror for the workstation's certificates, with credentials from `credentials`.
    pub fn new(certificates: Certificates, credentials: CredentialSource) -> Self {
        Self {
            certificates,
            credentials,
            wake: Notify::new(),
            syncing: AtomicBool::new(false),
            bucket: Mutex::new(None),
        }
    }

    /// The mirror's counts, last error and whether a run is under way.
    pub fn status(&self) -> Result<MirrorStatus, Error> {
        let mut status = self.certificates.store().mirror_status()?;
        status.syncing = self.syncing.load(Ordering::SeqCst);
        Ok(status)
    }

    /// Makes every queued file due now, with freshly loaded credentials, and wakes the
    /// worker.
    pub fn sync_now(&self) -> Result<MirrorStatus, Error> {
        self.certificates.store().retry_mirror_now()?;
        *self.bucket.lock().unwrap_or_else(|p| p.into_inner()) = None;
        self.wake();
        self.status()
    }

    /// Wakes the worker, e.g. after files were attached or the settings saved. A wake
    /// during a run is kept, so the worker runs once more right after.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Runs forever: notes files that went missing while the app was closed, then works
    /// through the queue whenever woken or a retry falls due. `on_change` hears every
    /// change of the status.
    pub async fn run(&self, on_change: impl Fn(MirrorStatus) + Sync) {
        let changed = || match self.status() {
            Ok(status) => on_change(status),
            Err(error) => eprintln!("benchlog: mirror status: {error}"),
        };
        let certificates = self.certificates.clone();
        match tokio::task::spawn_blocking(move || certificates.note_missing_files()).await {
            Ok(Err(error)) => eprintln!("benchlog: looking for missing certificates: {error}"),
            Err(error) => eprintln!("benchlog: looking for missing certificates: {error}"),
            Ok(Ok(_)) => {}
        }
        // Each status counts over every file: tell progress within a run at a bounded pace.
        let last_told = Mutex::new(None::<Instant>);
        let progressed = || {
            let mut last = last_told.lock().unwrap_or_else(|p| p.into_inner());
            if last.is_none_or(|at| at.elapsed() >= PROGRESS_EVERY) {
                *last = Some(Instant::now());
                drop(last);
                changed();
            }
        };
        loop {
            self.syncing.store(true, Ordering::SeqCst);
            changed();
            let outcome = self.sync_once(&progressed).await;
            let mut pause = self.until_next_attempt();
            if let Err(error) = outcome {
                // The database failed; give it time rather than retrying every second.
                eprintln!("benchlog: mirror run: {error}");
                pause = pause.max(AFTER_ERROR);
            }
            self.syncing.store(false, Ordering::SeqCst);
            changed();
            tokio::select! {
                () = self.wake.notified() => {}
                () = tokio::time::sleep(pause) => {}
            }
        }
    }

    /// Works once through every job due now. A failure that every file would share (the
    /// mirror cannot be reached, credentials refused) ends the run and postpones all of
    /// them, instead of trying each.
    pub async fn sync_once(&self, on_change: &(dyn Fn() + Sync)) -> Result<SyncReport, Error> {
        let store = self.certificates.store();
        let settings = store.settings()?.mirror;
        let mut report = SyncReport::default();
        if !settings.enabled {
            return Ok(report);
        }
        let bucket = self.bucket_for(&settings).await;
        let started = Utc::now();
        let mut seen = HashSet::new();
        loop {
            let jobs = store.due_mirror_jobs(started, BATCH)?;
            let fresh: Vec<_> = jobs
                .into_iter()
                .filter(|job| seen.insert(job.hash.clone()))
                .collect();
            if fresh.is_empty() {
                return Ok(report);
            }
            for job in fresh {
                // Settings saved during the run (a wrong bucket noticed, the mirror turned
                // off) end it: the next run starts with them.
                if store.settings()?.mirror != settings {
                    return Ok(report);
                }
                match job::process(&bucket, &self.certificates, &job).await {
                    Ok(Done::Uploaded) => report.uploaded += 1,
                    Ok(Done::AlreadyMirrored) => report.already_mirrored += 1,
                    Ok(Done::Restored) => report.restored += 1,
                    Err(failure) => {
                        report.failed += 1;
                        let retry_at = Utc::now() + retry_delay(job.attempts);
                        let reason = failure.to_string();
                        store.mark_mirror_failed(&job.hash, &reason, retry_at)?;
                        if failure.affects_all() {
                            store.postpone_due_mirror_jobs(started, &reason, retry_at)?;
                            on_change();
                            return Ok(report);
                        }
                    }
                }
                on_change();
            }
        }
    }

    /// The client for `settings`, built once per change of them.
    async fn bucket_for(&self, settings: &MirrorSettings) -> Bucket {
        let cached = self
            .bucket
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        if let Some(bucket) = cached.filter(|bucket| bucket.settings() == settings) {
            return bucket;
        }
        let bucket = Bucket::connect(settings, &self.credentials).await;
        *self.bucket.lock().unwrap_or_else(|p| p.into_inner()) = Some(bucket.clone());
        bucket
    }

    /// How long to sleep: until the next retry falls due, or a while when nothing is
    /// queued or the mirror is off (saving the settings wakes the worker).
    fn until_next_attempt(&self) -> Duration {
        let store = self.certificates.store();
        let enabled = store
            .settings()
            .is_ok_and(|settings| settings.mirror.enabled);
        match store.next_mirror_attempt() {
            Ok(Some(at)) if enabled => (at - Utc::now())
                .to_std()
                .unwrap_or(Duration::ZERO)
                .clamp(Duration::from_secs(1), IDLE),
            _ => IDLE,
        }
    }
}
