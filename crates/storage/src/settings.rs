//! The settings row, and what saving new settings does to the mirror's queue.

use benchlog_domain::settings::{MirrorSettings, Settings};
use chrono::Utc;
use rusqlite::Connection;

use crate::convert::timestamp;
use crate::error::{Error, Result};

pub(crate) fn get(conn: &Connection) -> Result<Settings> {
    let settings = conn
        .prepare_cached(
            "SELECT max_certificate_mb, mirror_enabled, mirror_bucket, mirror_region,
                    mirror_endpoint, mirror_path_style, mirror_prefix, mirror_profile
             FROM settings WHERE id = 1",
        )?
        .query_row([], |row| {
            Ok(Settings {
                max_certificate_mb: row.get(0)?,
                mirror: MirrorSettings {
                    enabled: row.get(1)?,
                    bucket: row.get(2)?,
                    region: row.get(3)?,
                    endpoint: row.get(4)?,
                    path_style: row.get(5)?,
                    prefix: row.get(6)?,
                    profile: row.get(7)?,
                },
            })
        })?;
    Ok(settings)
}

/// Validates and saves `settings`. With the mirror on, every file not yet verified at its
/// destination is queued, and every queued file is due at once: new settings deserve a
/// fresh try, not the old backoff.
pub(crate) fn save(conn: &mut Connection, settings: &Settings) -> Result<Settings> {
    let clean = settings.validate().map_err(Error::Invalid)?;
    let tx = conn.transaction()?;
    let mirror = &clean.mirror;
    tx.execute(
        "UPDATE settings SET max_certificate_mb = ?, mirror_enabled = ?, mirror_bucket = ?,
             mirror_region = ?, mirror_endpoint = ?, mirror_path_style = ?, mirror_prefix = ?,
             mirror_profile = ?
         WHERE id = 1",
        rusqlite::params![
            clean.max_certificate_mb,
            mirror.enabled,
            mirror.bucket,
            mirror.region,
            mirror.endpoint,
            mirror.path_style,
            mirror.prefix,
            mirror.profile,
        ],
    )?;
    if mirror.enabled {
        tx.execute(
            "INSERT INTO mirror_job (file_seq, next_attempt_at)
             SELECT seq, ?1 FROM certificate_file WHERE mirrored_to IS NOT ?2
             ON CONFLICT (file_seq) DO NOTHING",
            [timestamp(Utc::now()), mirror.destination()],
        )?;
        tx.execute(
            "UPDATE mirror_job
             SET attempts = 0, next_attempt_at = ?, last_error = NULL, last_failed_at = NULL",
            [timestamp(Utc::now())],
        )?;
    }
    tx.commit()?;
    Ok(clean)
}
