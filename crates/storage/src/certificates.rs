//! Certificates in the database: which stored file is attached to which record under what
//! name, and the mirror's queue of files to upload or restore.

use benchlog_domain::certificate::{
    Certificate, CertificateRef, ContentHash, LocalState, MirrorState, MirrorStatus,
};
use benchlog_domain::key::Keyed;
use benchlog_domain::record::RecordId;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::convert::{key_at, parsed_at, text_at, timestamp, timestamp_at};
use crate::error::{Error, Result};
use crate::settings;

/// A file already in the certificate store, to attach to a record under a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// The stored file.
    pub hash: ContentHash,
    /// Its size in bytes.
    pub size_bytes: u64,
    /// The name it is attached under.
    pub file_name: String,
    /// Its media type.
    pub media_type: String,
}

/// A file the mirror has work for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MirrorJob {
    /// The file.
    pub hash: ContentHash,
    /// Its size in bytes.
    pub size_bytes: u64,
    /// What the last look at the local copy found.
    pub local: LocalState,
    /// Whether it is verified at the current destination (so the job is a restore).
    pub mirrored: bool,
    /// Failed attempts so far.
    pub attempts: u32,
}

/// A distinct stored file, for the integrity check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFileInfo {
    /// The file.
    pub hash: ContentHash,
    /// One name it is attached under.
    pub file_name: String,
    /// Whether it is verified at the current mirror destination.
    pub mirrored: bool,
    /// What the last look at the local copy found.
    pub local: LocalState,
}

pub(crate) fn attach(
    conn: &mut Connection,
    record_id: RecordId,
    attachments: &[Attachment],
) -> Result<Vec<Certificate>> {
    let tx = conn.transaction()?;
    if !record_exists(&tx, record_id)? {
        return Err(Error::RecordNotFound(record_id));
    }
    let destination = settings::get(&tx)?.mirror.destination();
    let now = timestamp(Utc::now());
    for attachment in attachments {
        // The file was just written, so it is present even if a check had found it gone.
        tx.execute(
            "INSERT INTO certificate_file (sha256, size_bytes, stored_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (sha256) DO UPDATE SET local_state = 'present'",
            params![attachment.hash.as_str(), attachment.size_bytes as i64, now],
        )?;
        let file_seq: i64 = tx.query_row(
            "SELECT seq FROM certificate_file WHERE sha256 = ?",
            [attachment.hash.as_str()],
            |row| row.get(0),
        )?;
        tx.execute(
            "INSERT INTO record_certificate (record_id, file_seq, file_name, media_type,
                                             attached_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (record_id, file_seq) DO NOTHING",
            params![
                record_id.to_string(),
                file_seq,
                attachment.file_name,
                attachment.media_type,
                now
            ],
        )?;
        tx.execute(
            "INSERT INTO mirror_job (file_seq, next_attempt_at)
             SELECT seq, ?2 FROM certificate_file WHERE seq = ?1 AND mirrored_to IS NOT ?3
             ON CONFLICT (file_seq) DO NOTHING",
            params![file_seq, now, destination],
        )?;
    }
    let listed = list_in(&tx, record_id)?;
    tx.commit()?;
    let mut attached: Vec<Certificate> = Vec::new();
    for attachment in attachments {
        let certificate = listed.iter().find(|c| c.reference.hash == attachment.hash);
        if let Some(certificate) = certificate
            && !attached.contains(certificate)
        {
            attached.push(certificate.clone());
        }
    }
    Ok(attached)
}

pub(crate) fn record_exists(conn: &Connection, record_id: RecordId) -> Result<bool> {
    let exists = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM calibration_record WHERE id = ?)")?
        .query_row([record_id.to_string()], |row| row.get(0))?;
    Ok(exists)
}

pub(crate) fn list(conn: &Connection, record_id: RecordId) -> Result<Vec<Certificate>> {
    list_in(conn, record_id)
}

fn list_in(conn: &Connection, record_id: RecordId) -> Result<Vec<Certificate>> {
    let mirror = settings::get(conn)?.mirror;
    let certificates = conn
        .prepare_cached(
            "SELECT link.record_id, file.sha256, link.file_name, link.media_type,
                    file.size_bytes, link.attached_at, file.local_state,
                    file.mirrored_to IS ?2, file.mirrored_at, job.last_error
             FROM record_certificate AS link
             JOIN certificate_file AS file ON file.seq = link.file_seq
             LEFT JOIN mirror_job AS job ON job.file_seq = file.seq
             WHERE link.record_id = ?1
             ORDER BY link.seq",
        )?
        .query_map(
            params![record_id.to_string(), mirror.destination()],
            |row| certificate_from_row(row, mirror.enabled),
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(certificates)
}

fn certificate_from_row(row: &Row<'_>, mirror_enabled: bool) -> rusqlite::Result<Certificate> {
    let mirrored: bool = row.get(7)?;
    let last_error: Option<String> = row.get(9)?;
    let mirror = match (mirror_enabled, mirrored, last_error) {
        (false, ..) => MirrorState::LocalOnly,
        (true, true, _) => MirrorState::Mirrored {
            at: timestamp_at(row, 8)?,
        },
        (true, false, Some(reason)) => MirrorState::Failed { reason },
        (true, false, None) => MirrorState::Queued,
    };
    Ok(Certificate {
        reference: CertificateRef {
            record_id: text_at(row, 0)?,
            hash: hash_at(row, 1)?,
        },
        file_name: row.get(2)?,
        media_type: row.get(3)?,
        size_bytes: row.get::<_, i64>(4)? as u64,
        attached_at: timestamp_at(row, 5)?,
        local: key_at(row, 6, LocalState::from_key)?,
        mirror,
    })
}

/// The attachment `reference` names, if it exists.
pub(crate) fn get(conn: &Connection, reference: &CertificateRef) -> Result<Certificate> {
    list_in(conn, reference.record_id)?
        .into_iter()
        .find(|certificate| certificate.reference.hash == reference.hash)
        .ok_or(Error::CertificateNotFound)
}

pub(crate) fn stored_files(conn: &Connection) -> Result<Vec<StoredFileInfo>> {
    let destination = settings::get(conn)?.mirror.destination();
    let files = conn
        .prepare_cached(
            "SELECT file.sha256,
                    (SELECT file_name FROM record_certificate
                     WHERE file_seq = file.seq ORDER BY seq LIMIT 1),
                    file.mirrored_to IS ?, file.local_state
             FROM certificate_file AS file ORDER BY file.seq",
        )?
        .query_map([destination], |row| {
            Ok(StoredFileInfo {
                hash: hash_at(row, 0)?,
                file_name: row.get::<_, Option<String>>(1)?.unwrap_or_default(),
                mirrored: row.get(2)?,
                local: key_at(row, 3, LocalState::from_key)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(files)
}

/// Records what a look at the local copy found; a damaged copy gets a job, so the mirror
/// restores it.
pub(crate) fn set_local_state(
    conn: &mut Connection,
    hash: &ContentHash,
    state: LocalState,
) -> Result<()> {
    let tx = conn.transaction()?;
    tx.execute(
        "UPDATE certificate_file SET local_state = ? WHERE sha256 = ?",
        [state.key(), hash.as_str()],
    )?;
    if state != LocalState::Present {
        tx.execute(
            "INSERT INTO mirror_job (file_seq, next_attempt_at)
             SELECT seq, ? FROM certificate_file WHERE sha256 = ?
             ON CONFLICT (file_seq) DO NOTHING",
            [timestamp(Utc::now()), hash.as_str().to_owned()],
        )?;
    }
    tx.commit()?;
    Ok(())
}

pub(crate) fn due_jobs(
    conn: &Connection,
    now: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<MirrorJob>> {
    let destination = settings::get(conn)?.mirror.destination();
    let jobs = conn
        .prepare_cached(
            "SELECT file.sha256, file.size_bytes, file.local_state, file.mirrored_to IS ?1,
                    job.attempts
             FROM mirror_job AS job JOIN certificate_file AS file ON file.seq = job.file_seq
             WHERE job.next_attempt_at <= ?2
             ORDER BY job.next_attempt_at, job.file_seq
             LIMIT ?3",
        )?
        .query_map(params![destination, timestamp(now), limit as i64], |row| {
            Ok(MirrorJob {
                hash: hash_at(row, 0)?,
                size_bytes: row.get::<_, i64>(1)? as u64,
                local: key_at(row, 2, LocalState::from_key)?,
                mirrored: row.get(3)?,
                attempts: row.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(jobs)
}

/// When the next queued job is due, if any is queued.
pub(crate) fn next_attempt_at(conn: &Connection) -> Result<Option<DateTime<Utc>>> {
    let next: Option<String> = conn
        .query_row("SELECT min(next_attempt_at) FROM mirror_job", [], |row| {
            row.get(0)
        })
        .optional()?
        .flatten();
    Ok(next.and_then(|text| {
        DateTime::parse_from_rfc3339(&text)
            .ok()
            .map(|at| at.to_utc())
    }))
}

/// Notes that the file is verified at `destination`. Its job is done unless the local copy
/// still needs restoring, or the settings moved on to another destination meanwhile.
pub(crate) fn mark_mirrored(
    conn: &mut Connection,
    hash: &ContentHash,
    destination: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    let tx = conn.transaction()?;
    tx.execute(
        "UPDATE certificate_file SET mirrored_to = ?, mirrored_at = ? WHERE sha256 = ?",
        params![destination, timestamp(at), hash.as_str()],
    )?;
    let current = settings::get(&tx)?.mirror.destination();
    tx.execute(
        "DELETE FROM mirror_job WHERE file_seq =
             (SELECT seq FROM certificate_file WHERE sha256 = ?1 AND local_state = 'present')
         AND ?2 = ?3",
        params![hash.as_str(), destination, current],
    )?;
    tx.execute(
        "UPDATE mirror_job SET attempts = 0, last_error = NULL, last_failed_at = NULL
         WHERE file_seq = (SELECT seq FROM certificate_file WHERE sha256 = ?)",
        [hash.as_str()],
    )?;
    tx.commit()?;
    Ok(())
}

/// Notes that the local copy was restored whole; the file's job is done.
pub(crate) fn mark_restored(conn: &mut Connection, hash: &ContentHash) -> Result<()> {
    let tx = conn.transaction()?;
    tx.execute(
        "UPDATE certificate_file SET local_state = 'present' WHERE sha256 = ?",
        [hash.as_str()],
    )?;
    let current = settings::get(&tx)?.mirror.destination();
    tx.execute(
        "DELETE FROM mirror_job WHERE file_seq =
             (SELECT seq FROM certificate_file WHERE sha256 = ? AND mirrored_to IS ?)",
        [hash.as_str(), &current],
    )?;
    tx.commit()?;
    Ok(())
}

/// Notes a failed attempt and when to try again.
pub(crate) fn mark_failed(
    conn: &Connection,
    hash: &ContentHash,
    reason: &str,
    retry_at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "UPDATE mirror_job SET attempts = attempts + 1, last_error = ?1, next_attempt_at = ?2,
             last_failed_at = ?4
         WHERE file_seq = (SELECT seq FROM certificate_file WHERE sha256 = ?3)",
        params![
            reason,
            timestamp(retry_at),
            hash.as_str(),
            timestamp(Utc::now())
        ],
    )?;
    Ok(())
}

/// Postpones every job still due at `due_by` (those not tried in this run), when the mirror
/// as a whole failed: they would all fail the same way.
pub(crate) fn postpone_due(
    conn: &Connection,
    due_by: DateTime<Utc>,
    reason: &str,
    retry_at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "UPDATE mirror_job SET last_error = ?1, next_attempt_at = ?2, last_failed_at = ?4
         WHERE next_attempt_at <= ?3",
        params![
            reason,
            timestamp(retry_at),
            timestamp(due_by),
            timestamp(Utc::now())
        ],
    )?;
    Ok(())
}

/// Makes every queued job due now ("sync now").
pub(crate) fn retry_all_now(conn: &Connection) -> Result<()> {
    conn.execute(
        "UPDATE mirror_job SET next_attempt_at = ?",
        [timestamp(Utc::now())],
    )?;
    Ok(())
}

/// The mirror's counts; `syncing` is left for the worker to fill in.
pub(crate) fn mirror_status(conn: &Connection) -> Result<MirrorStatus> {
    let mirror = settings::get(conn)?.mirror;
    let status = conn
        .prepare_cached(
            "SELECT
                (SELECT count(*) FROM certificate_file WHERE mirrored_to IS ?1),
                (SELECT count(*) FROM mirror_job),
                (SELECT count(*) FROM mirror_job WHERE last_error IS NOT NULL),
                (SELECT count(*) FROM certificate_file WHERE local_state <> 'present'),
                (SELECT last_error FROM mirror_job WHERE last_error IS NOT NULL
                 ORDER BY last_failed_at DESC LIMIT 1)",
        )?
        .query_row([mirror.destination()], |row| {
            let count = |index| row.get::<_, i64>(index).map(|count| count as u64);
            Ok(MirrorStatus {
                enabled: mirror.enabled,
                destination: if mirror.enabled {
                    format!("s3://{}/{}", mirror.bucket, mirror.prefix)
                } else {
                    String::new()
                },
                mirrored: count(0)?,
                queued: count(1)?,
                failed: count(2)?,
                damaged_locally: count(3)?,
                last_error: row.get(4)?,
                syncing: false,
            })
        })?;
    Ok(status)
}

fn hash_at(row: &Row<'_>, index: usize) -> rusqlite::Result<ContentHash> {
    parsed_at(row, index, |text| {
        ContentHash::parse(text).ok_or_else(|| format!("{text:?} is not a SHA-256"))
    })
}
