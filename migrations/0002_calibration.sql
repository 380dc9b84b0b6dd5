-- 0002: calibration plans, records, measurement points and the standards they used.
-- Dates are ISO 8601 text ("2026-11-25"); decimals are text with the digits as typed, so
-- nothing is rounded through binary floating point.

-- Set when an item's newest calibration failed; cleared by a newer passing one.
ALTER TABLE equipment ADD COLUMN out_of_tolerance INTEGER NOT NULL DEFAULT 0
    CHECK (out_of_tolerance IN (0, 1));

-- The due list filters items by department as it does by location (0001 indexed that).
CREATE INDEX equipment_by_department ON equipment (department COLLATE NOCASE);

-- Searches with only one- or two-letter words test every item's search_text: a covering
-- index holds just that column, so the scan reads a third of the pages the table needs.
CREATE INDEX equipment_by_search_text ON equipment (search_text);

-- What is done to an item and how often.
--   next_due          NULL until a first calibration or a date is set ("never done")
--   due_soon_from     next_due - due_soon_days      } derived from next_due and the windows,
--   overdue_from      next_due + grace_days + 1     } so the due list reads ranges off indexes
--   equipment_active  1 while the item's status is 'active' (kept by a trigger); inactive
--                     items leave the due list without losing their due dates
--   last_performed_on the newest record's date
--   last_result       the newest record's result; the item is out of tolerance while any
--                     of its plans' last_result is 'fail'
CREATE TABLE plan (
    seq               INTEGER PRIMARY KEY,
    id                TEXT    NOT NULL UNIQUE,
    equipment_seq     INTEGER NOT NULL REFERENCES equipment (seq) ON DELETE RESTRICT,
    revision          INTEGER NOT NULL CHECK (revision >= 1),
    name              TEXT    NOT NULL CHECK (name <> ''),
    interval_count    INTEGER NOT NULL CHECK (interval_count >= 1),
    interval_unit     TEXT    NOT NULL CHECK (interval_unit IN ('days', 'weeks', 'months', 'years')),
    due_soon_days     INTEGER NOT NULL CHECK (due_soon_days >= 0),
    grace_days        INTEGER NOT NULL CHECK (grace_days >= 0),
    provider          TEXT    NOT NULL CHECK (provider IN ('internal', 'external')),
    external_lab      TEXT    NOT NULL DEFAULT '',
    lead_time_days    INTEGER NOT NULL DEFAULT 0 CHECK (lead_time_days >= 0),
    assignee          TEXT    NOT NULL DEFAULT '',
    paused            INTEGER NOT NULL CHECK (paused IN (0, 1)),
    next_due          TEXT,
    due_soon_from     TEXT,
    overdue_from      TEXT,
    equipment_active  INTEGER NOT NULL CHECK (equipment_active IN (0, 1)),
    last_performed_on TEXT,
    last_result       TEXT CHECK (last_result IN ('pass', 'adjusted', 'fail', 'limited')),
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    CHECK ((next_due IS NULL) = (due_soon_from IS NULL) AND (next_due IS NULL) = (overdue_from IS NULL))
);

CREATE INDEX plan_by_equipment ON plan (equipment_seq);
-- The due list and calendar only ever read plans that count: partial indexes keep them small.
CREATE INDEX plan_by_next_due ON plan (next_due, seq, due_soon_from, overdue_from)
    WHERE paused = 0 AND equipment_active = 1;
CREATE INDEX plan_by_overdue_from ON plan (overdue_from, seq) WHERE paused = 0 AND equipment_active = 1;
CREATE INDEX plan_by_due_soon_from ON plan (due_soon_from, overdue_from) WHERE paused = 0 AND equipment_active = 1;
CREATE INDEX plan_paused ON plan (next_due, seq) WHERE paused = 1 AND equipment_active = 1;

CREATE TRIGGER plan_follows_equipment_status AFTER UPDATE OF status ON equipment BEGIN
    UPDATE plan SET equipment_active = (new.status = 'active') WHERE equipment_seq = new.seq;
END;

-- What was done. Rows are never updated or deleted (triggers below): a correction is a new
-- version of the record, with the same id, the next version number and its reason.
--   version           1 for the record as first saved, then one more per amendment
--   amendment_reason  why this version replaced the one before; NULL for version 1
--   next_due_before   the plan's due date before the record applied, so a corrected
--                     newest record can roll the plan again from the same start
--   created_at        when this version was saved
CREATE TABLE calibration_record (
    seq                INTEGER PRIMARY KEY,
    id                 TEXT    NOT NULL,
    version            INTEGER NOT NULL CHECK (version >= 1),
    amendment_reason   TEXT,
    next_due_before    TEXT,
    plan_seq           INTEGER NOT NULL REFERENCES plan (seq) ON DELETE RESTRICT,
    equipment_seq      INTEGER NOT NULL REFERENCES equipment (seq) ON DELETE RESTRICT,
    plan_name          TEXT    NOT NULL,
    performed_on       TEXT    NOT NULL,
    performed_by       TEXT    NOT NULL CHECK (performed_by <> ''),
    provider           TEXT    NOT NULL CHECK (provider IN ('internal', 'external')),
    external_lab       TEXT    NOT NULL DEFAULT '',
    procedure          TEXT    NOT NULL DEFAULT '',
    temperature        TEXT,
    humidity           TEXT,
    certificate_number TEXT    NOT NULL DEFAULT '',
    notes              TEXT    NOT NULL DEFAULT '',
    result             TEXT    NOT NULL CHECK (result IN ('pass', 'adjusted', 'fail', 'limited')),
    created_at         TEXT    NOT NULL,
    UNIQUE (id, version),
    CHECK ((version = 1) = (amendment_reason IS NULL))
);

CREATE INDEX record_by_equipment ON calibration_record (equipment_seq, performed_on, seq);
CREATE INDEX record_by_plan ON calibration_record (plan_seq, performed_on);

-- A record's readings, in form order. tolerance_kind: plus_minus | asymmetric | percent;
-- tolerance_a is the amount, percentage or lower offset, tolerance_b the upper offset.
CREATE TABLE measurement_point (
    record_seq     INTEGER NOT NULL REFERENCES calibration_record (seq) ON DELETE RESTRICT,
    position       INTEGER NOT NULL,
    description    TEXT    NOT NULL,
    nominal        TEXT    NOT NULL,
    unit           TEXT    NOT NULL,
    tolerance_kind TEXT    NOT NULL CHECK (tolerance_kind IN ('plus_minus', 'asymmetric', 'percent')),
    tolerance_a    TEXT    NOT NULL,
    tolerance_b    TEXT    NOT NULL,
    low_limit      TEXT    NOT NULL,
    high_limit     TEXT    NOT NULL,
    as_found       TEXT    NOT NULL,
    as_left        TEXT    NOT NULL,
    PRIMARY KEY (record_seq, position)
) WITHOUT ROWID;

-- The reference standards a record used.
CREATE TABLE record_standard (
    record_seq    INTEGER NOT NULL REFERENCES calibration_record (seq) ON DELETE RESTRICT,
    equipment_seq INTEGER NOT NULL REFERENCES equipment (seq) ON DELETE RESTRICT,
    PRIMARY KEY (record_seq, equipment_seq)
) WITHOUT ROWID;

CREATE TRIGGER calibration_record_is_permanent_u BEFORE UPDATE ON calibration_record BEGIN
    SELECT RAISE(ABORT, 'calibration records are permanent: amend them instead');
END;
CREATE TRIGGER calibration_record_is_permanent_d BEFORE DELETE ON calibration_record BEGIN
    SELECT RAISE(ABORT, 'calibration records are permanent: amend them instead');
END;
CREATE TRIGGER measurement_point_is_permanent_u BEFORE UPDATE ON measurement_point BEGIN
    SELECT RAISE(ABORT, 'calibration records are permanent: amend them instead');
END;
CREATE TRIGGER measurement_point_is_permanent_d BEFORE DELETE ON measurement_point BEGIN
    SELECT RAISE(ABORT, 'calibration records are permanent: amend them instead');
END;
CREATE TRIGGER record_standard_is_permanent_u BEFORE UPDATE ON record_standard BEGIN
    SELECT RAISE(ABORT, 'calibration records are permanent: amend them instead');
END;
CREATE TRIGGER record_standard_is_permanent_d BEFORE DELETE ON record_standard BEGIN
    SELECT RAISE(ABORT, 'calibration records are permanent: amend them instead');
END;
