-- 0001: the equipment register.
-- Released migrations are never edited: a change to the schema is a new numbered file.

-- Marks the file as Benchlog's ('BCLG'), so a foreign SQLite file is refused, not migrated.
PRAGMA application_id = 1111706695;

-- One row per equipment item.
--   seq        local row number: the stable rowid the search index points at; never leaves
--              this file (ids that cross workstations are `id`)
--   id         UUIDv7 in text form: unique across workstations, ordered by creation
--   revision   counts saved changes; an update must name the revision it started from
--   asset_tag  unique regardless of ASCII case; kept as typed, so leading zeros survive
--   status     one of the EquipmentStatus keys
--   search_text  asset tag, name, serial number and location, lower-cased (Unicode) and
--              joined by U+001F: what the list's search matches, written by the storage crate
--   created_at, updated_at   RFC 3339 UTC with milliseconds ("2026-11-25T09:30:00.000Z")
-- Optional text fields hold '' when not recorded.
CREATE TABLE equipment (
    seq                INTEGER PRIMARY KEY,
    id                 TEXT    NOT NULL UNIQUE,
    revision           INTEGER NOT NULL CHECK (revision >= 1),
    asset_tag          TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (asset_tag <> ''),
    name               TEXT    NOT NULL CHECK (name <> ''),
    manufacturer       TEXT    NOT NULL DEFAULT '',
    model              TEXT    NOT NULL DEFAULT '',
    serial_number      TEXT    NOT NULL DEFAULT '',
    location           TEXT    NOT NULL DEFAULT '',
    department         TEXT    NOT NULL DEFAULT '',
    owner              TEXT    NOT NULL DEFAULT '',
    status             TEXT    NOT NULL
        CHECK (status IN ('active', 'out_of_service', 'retired', 'lost')),
    reference_standard INTEGER NOT NULL CHECK (reference_standard IN (0, 1)),
    notes              TEXT    NOT NULL DEFAULT '',
    search_text        TEXT    NOT NULL,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL
);

-- One index per sortable column, so a sorted page is read in index order, not sorted.
CREATE INDEX equipment_by_name ON equipment (name COLLATE NOCASE);
CREATE INDEX equipment_by_serial_number ON equipment (serial_number COLLATE NOCASE);
CREATE INDEX equipment_by_location ON equipment (location COLLATE NOCASE);
CREATE INDEX equipment_by_status ON equipment (status, asset_tag);
CREATE INDEX equipment_by_updated_at ON equipment (updated_at);

-- Substring search over `search_text`. Trigrams find any part of a word without scanning
-- the table; the triggers keep the index in step with `equipment`.
CREATE VIRTUAL TABLE equipment_search USING fts5 (
    search_text, content = 'equipment', content_rowid = 'seq', tokenize = 'trigram'
);

CREATE TRIGGER equipment_search_after_insert AFTER INSERT ON equipment BEGIN
    INSERT INTO equipment_search (rowid, search_text) VALUES (new.seq, new.search_text);
END;

CREATE TRIGGER equipment_search_after_delete AFTER DELETE ON equipment BEGIN
    INSERT INTO equipment_search (equipment_search, rowid, search_text)
    VALUES ('delete', old.seq, old.search_text);
END;

CREATE TRIGGER equipment_search_after_update AFTER UPDATE OF search_text ON equipment BEGIN
    INSERT INTO equipment_search (equipment_search, rowid, search_text)
    VALUES ('delete', old.seq, old.search_text);
    INSERT INTO equipment_search (rowid, search_text) VALUES (new.seq, new.search_text);
END;
