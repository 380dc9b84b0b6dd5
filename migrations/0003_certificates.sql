-- 0003: certificate files attached to calibration records, the S3 mirror's queue, and the
-- workstation's settings. Files themselves live in the data folder's certificate store,
-- named by their SHA-256; the database holds what is known about them.

-- One row per distinct content.
--   local_state  present | missing | corrupt: what the last look at the stored file found
--   mirrored_to  the mirror destination (MirrorSettings::destination) where the file was
--                last verified; it counts as mirrored only while the settings point there
CREATE TABLE certificate_file (
    seq          INTEGER PRIMARY KEY,
    sha256       TEXT    NOT NULL UNIQUE CHECK (length(sha256) = 64),
    size_bytes   INTEGER NOT NULL CHECK (size_bytes >= 0),
    local_state  TEXT    NOT NULL DEFAULT 'present'
                         CHECK (local_state IN ('present', 'missing', 'corrupt')),
    mirrored_to  TEXT,
    mirrored_at  TEXT,
    stored_at    TEXT    NOT NULL,
    CHECK ((mirrored_to IS NULL) = (mirrored_at IS NULL))
);

-- A file attached to a record (to every version of it: versions share the record id).
-- Attachments are evidence, as permanent as the records (triggers below).
CREATE TABLE record_certificate (
    seq          INTEGER PRIMARY KEY,
    record_id    TEXT    NOT NULL,
    file_seq     INTEGER NOT NULL REFERENCES certificate_file (seq) ON DELETE RESTRICT,
    file_name    TEXT    NOT NULL CHECK (file_name <> ''),
    media_type   TEXT    NOT NULL,
    attached_at  TEXT    NOT NULL,
    UNIQUE (record_id, file_seq)
);

CREATE INDEX record_certificate_by_file ON record_certificate (file_seq);

CREATE TRIGGER record_certificate_is_permanent_u BEFORE UPDATE ON record_certificate BEGIN
    SELECT RAISE(ABORT, 'attached certificates are permanent');
END;
CREATE TRIGGER record_certificate_is_permanent_d BEFORE DELETE ON record_certificate BEGIN
    SELECT RAISE(ABORT, 'attached certificates are permanent');
END;

-- Work for the mirror: a file to upload (not yet verified at the destination) or to
-- restore (damaged here, verified there). A row leaves only when the work is done.
--   attempts         failed attempts so far, for the backoff
--   next_attempt_at  not tried before this time (UTC, RFC 3339)
--   last_error       why the last attempt failed, as the user reads it
--   last_failed_at   when it failed
CREATE TABLE mirror_job (
    file_seq         INTEGER PRIMARY KEY REFERENCES certificate_file (seq) ON DELETE RESTRICT,
    attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  TEXT    NOT NULL,
    last_error       TEXT,
    last_failed_at   TEXT,
    CHECK ((last_error IS NULL) = (last_failed_at IS NULL))
);

CREATE INDEX mirror_job_by_next_attempt ON mirror_job (next_attempt_at);

-- The workstation's settings: exactly one row. No secrets: mirror credentials come from the
-- standard AWS chain (environment or the named profile).
CREATE TABLE settings (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    max_certificate_mb  INTEGER NOT NULL DEFAULT 500 CHECK (max_certificate_mb >= 1),
    mirror_enabled      INTEGER NOT NULL DEFAULT 0 CHECK (mirror_enabled IN (0, 1)),
    mirror_bucket       TEXT    NOT NULL DEFAULT '',
    mirror_region       TEXT    NOT NULL DEFAULT '',
    mirror_endpoint     TEXT    NOT NULL DEFAULT '',
    mirror_path_style   INTEGER NOT NULL DEFAULT 0 CHECK (mirror_path_style IN (0, 1)),
    mirror_prefix       TEXT    NOT NULL DEFAULT '',
    mirror_profile      TEXT    NOT NULL DEFAULT ''
);

INSERT INTO settings (id) VALUES (1);
