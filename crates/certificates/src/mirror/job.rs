//! One file's turn in the mirror: upload it, or restore it, and record the outcome.
//!
//! The order is what makes uploads exactly-once and loss-free: the mirror is asked first
//! (a file an earlier run uploaded just before a crash is not sent again), an upload is
//! checked by the server against its SHA-256 and then looked up again, and only then does
//! the queue forget the file.

use std::io;

use benchlog_domain::certificate::{ContentHash, LocalState};
use benchlog_file_store::StoreError;
use benchlog_storage::MirrorJob;
use chrono::Utc;
use sha2::{Digest, Sha256};
use tokio::io::AsyncReadExt;
use tokio_util::io::SyncIoBridge;

use super::client::Bucket;
use super::failure::Failure;
use crate::Certificates;

/// The size of one part of a multipart upload, and the largest file sent in one request.
/// Also the most memory one upload holds at a time.
pub const PART_BYTES: usize = 8 << 20;

/// What a job did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    /// The file was uploaded and verified.
    Uploaded,
    /// The mirror already held the file whole (e.g. uploaded just before a crash).
    AlreadyMirrored,
    /// The local file was missing or damaged and was restored from the mirror.
    Restored,
}

/// Does the job's work.
pub async fn process(
    bucket: &Bucket,
    certificates: &Certificates,
    job: &MirrorJob,
) -> Result<Done, Failure> {
    let store = certificates.store();
    let destination = bucket.settings().destination();
    let remote = bucket.head(&job.hash).await?;
    let in_mirror = remote.is_some_and(|remote| remote.holds(&job.hash, job.size_bytes));
    if in_mirror {
        store
            .mark_mirrored(&job.hash, &destination, Utc::now())
            .map_err(local)?;
    }
    match (job.local, in_mirror) {
        (LocalState::Present, true) => Ok(Done::AlreadyMirrored),
        (LocalState::Present, false) => {
            upload(bucket, certificates, &job.hash).await?;
            let uploaded = bucket.head(&job.hash).await?;
            if !uploaded.is_some_and(|remote| remote.holds(&job.hash, job.size_bytes)) {
                return Err(Failure::Refused(
                    "the uploaded file did not read back whole; it will be sent again".into(),
                ));
            }
            store
                .mark_mirrored(&job.hash, &destination, Utc::now())
                .map_err(local)?;
            Ok(Done::Uploaded)
        }
        (_, true) => {
            restore(bucket, certificates, &job.hash).await?;
            store.mark_restored(&job.hash).map_err(local)?;
            Ok(Done::Restored)
        }
        (LocalState::Missing, false) => Err(Failure::LostLocally),
        (LocalState::Corrupt, false) => Err(Failure::DamagedLocally),
    }
}

/// Sends the stored file, in one request or in parts, checking on the way that it still
/// hashes to its name: a file damaged on disk is never mirrored.
async fn upload(
    bucket: &Bucket,
    certificates: &Certificates,
    hash: &ContentHash,
) -> Result<(), Failure> {
    let path = certificates.files().path_of(hash);
    let mut file = match tokio::fs::File::open(&path).await {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return Err(note_damage(certificates, hash, LocalState::Missing));
        }
        Err(error) => return Err(local(error)),
    };
    let mut hasher = Sha256::new();
    let first = read_part(&mut file).await.map_err(local)?;
    hasher.update(&first);
    if first.len() < PART_BYTES {
        check_content(certificates, hash, hasher)?;
        return bucket.put(hash, first).await;
    }
    let mut upload = bucket.start_parts(hash).await?;
    let mut part = first;
    let sent = async {
        loop {
            bucket.put_part(&mut upload, part).await?;
            part = read_part(&mut file).await.map_err(local)?;
            if part.is_empty() {
                return check_content(certificates, hash, hasher);
            }
            hasher.update(&part);
        }
    }
    .await;
    match sent {
        Ok(()) => bucket.finish_parts(upload).await,
        Err(failure) => {
            bucket.abandon_parts(upload).await;
            Err(failure)
        }
    }
}

/// Fetches the mirror's copy into the store; the store refuses content that does not hash
/// to the file's name.
async fn restore(
    bucket: &Bucket,
    certificates: &Certificates,
    hash: &ContentHash,
) -> Result<(), Failure> {
    let body = bucket.get(hash).await?;
    let reader = SyncIoBridge::new(Box::pin(body.into_async_read()));
    let files = certificates.files().clone();
    let expected = hash.clone();
    let written = tokio::task::spawn_blocking(move || files.restore(&expected, reader))
        .await
        .map_err(|error| Failure::Local(error.to_string()))?;
    let damaged = || {
        Failure::Refused("the mirror's copy does not match its checksum; it was not used".into())
    };
    match written {
        Ok(_) => Ok(()),
        Err(StoreError::Mismatch { .. }) => Err(damaged()),
        Err(StoreError::Io(error)) if is_local(&error) => Err(local(error)),
        // The SDK checks the object against the checksum the store keeps, as it streams.
        Err(StoreError::Io(error)) if format!("{error:?}").contains("Checksum") => Err(damaged()),
        Err(error) => Err(Failure::Unreachable(format!(
            "the download broke off: {error}"
        ))),
    }
}

/// Whether an error while restoring came from this workstation's disk rather than the
/// download.
fn is_local(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::StorageFull
            | io::ErrorKind::PermissionDenied
            | io::ErrorKind::ReadOnlyFilesystem
            | io::ErrorKind::QuotaExceeded
    )
}

/// Reads up to one part; shorter only at the end of the file.
async fn read_part(file: &mut tokio::fs::File) -> io::Result<Vec<u8>> {
    let mut part = Vec::with_capacity(PART_BYTES);
    (&mut *file)
        .take(PART_BYTES as u64)
        .read_to_end(&mut part)
        .await?;
    Ok(part)
}

fn check_content(
    certificates: &Certificates,
    hash: &ContentHash,
    hasher: Sha256,
) -> Result<(), Failure> {
    let found = ContentHash::from_bytes(&hasher.finalize().into());
    if &found == hash {
        Ok(())
    } else {
        Err(note_damage(certificates, hash, LocalState::Corrupt))
    }
}

/// Records that the local file is missing or damaged, returning why the upload failed.
fn note_damage(certificates: &Certificates, hash: &ContentHash, state: LocalState) -> Failure {
    if let Err(error) = certificates.store().set_local_state(hash, state) {
        return local(error);
    }
    match state {
        LocalState::Missing => Failure::LostLocally,
        _ => Failure::DamagedLocally,
    }
}

fn local(error: impl std::fmt::Display) -> Failure {
    Failure::Local(error.to_string())
}
