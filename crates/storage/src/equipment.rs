//! The equipment register's queries.

use benchlog_domain::equipment::{
    Equipment, EquipmentFields, EquipmentId, EquipmentPage, EquipmentQuery, EquipmentStatus,
    EquipmentSummary, EquipmentUpdate, Facets, SortColumn, SortDirection, ValidEquipment,
};
use benchlog_domain::key::Keyed;
use benchlog_domain::page::{PAGE_SIZE, offset};
use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, ErrorCode, OptionalExtension, Row, params_from_iter};
use uuid::Uuid;

use crate::convert::{execute_named, key_at, text_at, timestamp, timestamp_at};
use crate::error::{Error, Result};

const SUMMARY_COLUMNS: &str = "id, asset_tag, name, manufacturer, model, serial_number, \
                               location, status, reference_standard, out_of_tolerance, \
                               updated_at";

const ALL_COLUMNS: &str = "id, revision, asset_tag, name, manufacturer, model, serial_number, \
                           location, department, owner, status, reference_standard, notes, \
                           out_of_tolerance, created_at, updated_at";

/// Search words shorter than this cannot use the trigram index.
const TRIGRAM: usize = 3;

/// Separates the columns in `search_text`, so no match spans two of them.
const SEARCH_TEXT_SEPARATOR: &str = "\u{1f}";

/// Searches whose trigram-index matches are at most this many are served from the index.
const INDEX_ROUTE_LIMIT: u64 = 10_000;

/// How the list finds a search's rows.
enum Route {
    /// No search: the status filter and the sort read indexes directly.
    Unsearched,
    /// The trigram index has this query's `matches`, few enough to count and sort.
    Index { fts: String, matches: u64 },
    /// Too many matches for the index, or only one- and two-letter words: rows are tested
    /// one by one (off a covering index of `search_text`), up to one past
    /// [`benchlog_domain::page::Page::COUNT_LIMIT`] matches. Up to the limit, the page is
    /// sorted from those; past it, the page is read in sort order off the column's index,
    /// testing each row, and the total is a lower bound. Matching rows are then dense, so
    /// that stops early.
    Scan,
}

/// Lists one page: the total count plus one sorted page, in one read transaction so both
/// see the same snapshot.
pub(crate) fn list(conn: &mut Connection, query: &EquipmentQuery) -> Result<EquipmentPage> {
    let words = search_words(query);
    let (indexed, short): (Vec<&str>, Vec<&str>) = words
        .iter()
        .map(String::as_str)
        .partition(|word| word.chars().count() >= TRIGRAM);
    let tx = conn.transaction()?;
    let route = choose_route(&tx, &indexed, &short)?;
    let mut filter = match &route {
        Route::Index { fts, .. } => Filter::joined_with_index(fts),
        Route::Unsearched | Route::Scan => Filter::equipment(),
    };
    if let Some(status) = query.status {
        filter.push("equipment.status = ?", status.key());
    }
    if query.reference_standards_only {
        filter.conditions.push("equipment.reference_standard = 1");
    }
    // On the index route the index has matched the long words already.
    let tested = match route {
        Route::Index { .. } => short,
        Route::Unsearched | Route::Scan => words.iter().map(String::as_str).collect(),
    };
    for word in tested {
        filter.push("instr(equipment.search_text, ?) > 0", word);
    }
    let (total, total_is_exact) = match route {
        // Nothing but the index's own condition: its count is the total.
        Route::Index { matches, .. } if filter.conditions.len() == 1 => (matches, true),
        Route::Unsearched | Route::Index { .. } => (count(&tx, &filter, None)?, true),
        Route::Scan => {
            let limit = EquipmentPage::COUNT_LIMIT;
            let rows = matching_rows(&tx, &filter, limit + 1)?;
            if rows.len() as u64 <= limit {
                // Few enough to sort: the page is cut from them, without a second scan.
                let total = rows.len() as u64;
                filter = Filter::rows(&rows);
                (total, true)
            } else {
                (limit, false)
            }
        }
    };
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM {} WHERE {} ORDER BY {} LIMIT ? OFFSET ?",
        filter.table,
        filter.sql(),
        order_by(query.sort, query.direction),
    );
    let paging = [
        Value::Integer(PAGE_SIZE.into()),
        Value::Integer(offset(query.page) as i64),
    ];
    let items = tx
        .prepare_cached(&sql)?
        .query_map(
            params_from_iter(filter.params.iter().chain(&paging)),
            summary_from_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    tx.finish()?;
    Ok(EquipmentPage {
        items,
        total,
        total_is_exact,
        page: query.page,
    })
}

fn choose_route(tx: &Connection, indexed: &[&str], short: &[&str]) -> Result<Route> {
    let Some(fts) = fts_query(indexed) else {
        return Ok(if short.is_empty() {
            Route::Unsearched
        } else {
            Route::Scan
        });
    };
    let matches = count(tx, &Filter::index(&fts), Some(INDEX_ROUTE_LIMIT))?;
    Ok(if matches <= INDEX_ROUTE_LIMIT {
        Route::Index { fts, matches }
    } else {
        Route::Scan
    })
}

/// The query's search words, lower-cased as `search_text` is.
fn search_words(query: &EquipmentQuery) -> Vec<String> {
    query
        .search_term()
        .to_lowercase()
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// An FTS5 query ANDing `words`, each quoted (quotes doubled) so no word is read as query
/// syntax; `None` when there are no words.
fn fts_query(words: &[&str]) -> Option<String> {
    let quoted: Vec<String> = words
        .iter()
        .map(|word| format!("\"{}\"", word.replace('"', "\"\"")))
        .collect();
    (!quoted.is_empty()).then(|| quoted.join(" AND "))
}

/// The row numbers (`seq`) of up to `limit` rows `filter` selects.
fn matching_rows(tx: &Connection, filter: &Filter, limit: u64) -> Result<Vec<i64>> {
    let sql = format!(
        "SELECT equipment.seq FROM {} WHERE {} LIMIT {limit}",
        filter.table,
        filter.sql()
    );
    let rows = tx
        .prepare_cached(&sql)?
        .query_map(params_from_iter(&filter.params), |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Counts the rows `filter` selects, or, with a `limit`, up to one past it.
fn count(tx: &Connection, filter: &Filter, limit: Option<u64>) -> Result<u64> {
    let (table, conditions) = (filter.table, filter.sql());
    let sql = match limit {
        None => format!("SELECT count(*) FROM {table} WHERE {conditions}"),
        Some(limit) => format!(
            "SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {conditions} LIMIT {})",
            limit + 1
        ),
    };
    let count: i64 = tx
        .prepare_cached(&sql)?
        .query_row(params_from_iter(&filter.params), |row| row.get(0))?;
    Ok(count as u64)
}

/// What a list query reads: a table (or join) and ANDed conditions with their parameters.
struct Filter {
    table: &'static str,
    conditions: Vec<&'static str>,
    params: Vec<Value>,
}

impl Filter {
    /// Every equipment row.
    fn equipment() -> Self {
        Self::on("equipment")
    }

    /// The equipment rows with these row numbers.
    fn rows(rows: &[i64]) -> Self {
        let list: Vec<String> = rows.iter().map(i64::to_string).collect();
        let mut filter = Self::equipment();
        filter.push(
            "equipment.seq IN (SELECT value FROM json_each(?))",
            &format!("[{}]", list.join(",")),
        );
        filter
    }

    /// The trigram index's matches for `fts`.
    fn index(fts: &str) -> Self {
        let mut filter = Self::on("equipment_search");
        filter.push("equipment_search MATCH ?", fts);
        filter
    }

    /// Equipment rows matching `fts`, with the index's matches driving the loop (CROSS JOIN
    /// keeps that order).
    fn joined_with_index(fts: &str) -> Self {
        let mut filter = Self::on(
            "equipment_search CROSS JOIN equipment ON equipment.seq = equipment_search.rowid",
        );
        filter.push("equipment_search MATCH ?", fts);
        filter
    }

    fn on(table: &'static str) -> Self {
        Self {
            table,
            conditions: Vec::new(),
            params: Vec::new(),
        }
    }

    fn push(&mut self, condition: &'static str, param: &str) {
        self.conditions.push(condition);
        self.params.push(Value::Text(param.to_owned()));
    }

    fn sql(&self) -> String {
        if self.conditions.is_empty() {
            "1".to_owned()
        } else {
            self.conditions.join(" AND ")
        }
    }
}

pub(crate) fn get(conn: &Connection, id: EquipmentId) -> Result<Equipment> {
    conn.prepare_cached(&format!("SELECT {ALL_COLUMNS} FROM equipment WHERE id = ?"))?
        .query_row([id.to_string()], equipment_from_row)
        .optional()?
        .ok_or(Error::EquipmentNotFound(id))
}

pub(crate) fn create(conn: &mut Connection, fields: &EquipmentFields) -> Result<Equipment> {
    let valid = fields.validate().map_err(Error::Invalid)?;
    let tx = conn.transaction()?;
    let id = insert(&tx, &valid, Utc::now())?;
    let created = get(&tx, id)?;
    tx.commit()?;
    Ok(created)
}

pub(crate) fn create_batch(
    conn: &mut Connection,
    items: &[EquipmentFields],
) -> Result<Vec<EquipmentId>> {
    let valid = items
        .iter()
        .map(|fields| fields.validate().map_err(Error::Invalid))
        .collect::<Result<Vec<_>>>()?;
    let tx = conn.transaction()?;
    let now = Utc::now();
    let ids = valid
        .iter()
        .map(|item| insert(&tx, item, now))
        .collect::<Result<Vec<_>>>()?;
    tx.commit()?;
    Ok(ids)
}

pub(crate) fn update(conn: &mut Connection, update: &EquipmentUpdate) -> Result<Equipment> {
    let valid = update.fields.validate().map_err(Error::Invalid)?;
    let fields = valid.fields();
    let tx = conn.transaction()?;
    let mut params = field_params(fields);
    params.extend([
        (":now", Value::Text(timestamp(Utc::now()))),
        (":id", Value::Text(update.id.to_string())),
        (":revision", Value::Integer(update.revision.into())),
    ]);
    let changed = execute_named(
        &tx,
        "UPDATE equipment SET revision = revision + 1, asset_tag = :asset_tag, name = :name,
             manufacturer = :manufacturer, model = :model, serial_number = :serial_number,
             location = :location, department = :department, owner = :owner,
             status = :status, reference_standard = :reference_standard, notes = :notes,
             search_text = :search_text, updated_at = :now
         WHERE id = :id AND revision = :revision",
        &params,
    )
    .map_err(|error| asset_tag_conflict(error, &fields.asset_tag))?;
    if changed == 0 {
        // Either gone, or moved on: `get` tells which.
        get(&tx, update.id)?;
        return Err(Error::StaleRevision {
            what: "item",
            revision: update.revision,
        });
    }
    let updated = get(&tx, update.id)?;
    tx.commit()?;
    Ok(updated)
}

pub(crate) fn facets(conn: &Connection) -> Result<Facets> {
    let distinct = |column: &str| -> Result<Vec<String>> {
        // Read off the column's NOCASE index: one value per spelling-insensitive group.
        let values = conn
            .prepare_cached(&format!(
                "SELECT {column} FROM equipment WHERE {column} <> ''
                 GROUP BY {column} COLLATE NOCASE ORDER BY {column} COLLATE NOCASE"
            ))?
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(values)
    };
    Ok(Facets {
        locations: distinct("location")?,
        departments: distinct("department")?,
    })
}

/// The local row number of an item, for the tables that refer to it.
pub(crate) fn equipment_seq(conn: &Connection, id: EquipmentId) -> Result<i64> {
    conn.prepare_cached("SELECT seq FROM equipment WHERE id = ?")?
        .query_row([id.to_string()], |row| row.get(0))
        .optional()?
        .ok_or(Error::EquipmentNotFound(id))
}

pub(crate) fn set_status(
    conn: &mut Connection,
    id: EquipmentId,
    status: EquipmentStatus,
) -> Result<Equipment> {
    let tx = conn.transaction()?;
    let changed = tx
        .prepare_cached(
            "UPDATE equipment SET status = ?, revision = revision + 1, updated_at = ?
             WHERE id = ?",
        )?
        .execute([status.key(), &timestamp(Utc::now()), &id.to_string()])?;
    if changed == 0 {
        return Err(Error::EquipmentNotFound(id));
    }
    let equipment = get(&tx, id)?;
    tx.commit()?;
    Ok(equipment)
}

pub(crate) fn delete(conn: &mut Connection, id: EquipmentId) -> Result<()> {
    let tx = conn.transaction()?;
    let deleted = tx
        .prepare_cached("DELETE FROM equipment WHERE id = ?")?
        .execute([id.to_string()])
        .map_err(|error| {
            // Plans and records refer to the item with ON DELETE RESTRICT.
            if error.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) {
                Error::EquipmentInUse(id)
            } else {
                Error::Sqlite(error)
            }
        })?;
    if deleted == 0 {
        return Err(Error::EquipmentNotFound(id));
    }
    tx.commit()?;
    Ok(())
}

fn insert(conn: &Connection, valid: &ValidEquipment, now: DateTime<Utc>) -> Result<EquipmentId> {
    let id = EquipmentId::from_uuid(Uuid::now_v7());
    let fields = valid.fields();
    let mut params = field_params(fields);
    params.extend([
        (":now", Value::Text(timestamp(now))),
        (":id", Value::Text(id.to_string())),
    ]);
    execute_named(
        conn,
        "INSERT INTO equipment (id, revision, asset_tag, name, manufacturer, model,
             serial_number, location, department, owner, status, reference_standard, notes,
             search_text, created_at, updated_at)
         VALUES (:id, 1, :asset_tag, :name, :manufacturer, :model, :serial_number, :location,
             :department, :owner, :status, :reference_standard, :notes, :search_text, :now,
             :now)",
        &params,
    )
    .map_err(|error| asset_tag_conflict(error, &fields.asset_tag))?;
    Ok(id)
}

/// The named parameters of an item's stored fields, as inserts and updates bind them.
fn field_params(fields: &EquipmentFields) -> Vec<(&'static str, Value)> {
    let text = |value: &str| Value::Text(value.to_owned());
    vec![
        (":asset_tag", text(&fields.asset_tag)),
        (":name", text(&fields.name)),
        (":manufacturer", text(&fields.manufacturer)),
        (":model", text(&fields.model)),
        (":serial_number", text(&fields.serial_number)),
        (":location", text(&fields.location)),
        (":department", text(&fields.department)),
        (":owner", text(&fields.owner)),
        (":status", text(fields.status.key())),
        (
            ":reference_standard",
            Value::Integer(fields.reference_standard.into()),
        ),
        (":notes", text(&fields.notes)),
        (":search_text", Value::Text(search_text(fields))),
    ]
}

/// The ORDER BY for a sort, ending in `seq` so equal values page in a stable order. Each
/// column has an index in that collation, so SQLite reads pages in order instead of sorting.
fn order_by(column: SortColumn, direction: SortDirection) -> String {
    let direction = match direction {
        SortDirection::Ascending => "ASC",
        SortDirection::Descending => "DESC",
    };
    let columns: &[&str] = match column {
        SortColumn::AssetTag => &["asset_tag"],
        SortColumn::Name => &["name COLLATE NOCASE"],
        SortColumn::SerialNumber => &["serial_number COLLATE NOCASE"],
        SortColumn::Location => &["location COLLATE NOCASE"],
        SortColumn::Status => &["status", "asset_tag"],
        SortColumn::UpdatedAt => &["updated_at"],
    };
    columns
        .iter()
        .chain(&["seq"])
        .map(|column| format!("{column} {direction}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Turns the unique-constraint failure on `asset_tag` into [`Error::DuplicateAssetTag`].
fn asset_tag_conflict(error: rusqlite::Error, asset_tag: &str) -> Error {
    let duplicate = error.sqlite_error_code() == Some(ErrorCode::ConstraintViolation)
        && error.to_string().contains("equipment.asset_tag");
    if duplicate {
        Error::DuplicateAssetTag(asset_tag.to_owned())
    } else {
        Error::Sqlite(error)
    }
}

/// What the list's search matches: the searched columns, lower-cased, kept apart.
fn search_text(fields: &EquipmentFields) -> String {
    [
        &fields.asset_tag,
        &fields.name,
        &fields.serial_number,
        &fields.location,
    ]
    .map(|text| text.to_lowercase())
    .join(SEARCH_TEXT_SEPARATOR)
}

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<EquipmentSummary> {
    Ok(EquipmentSummary {
        id: text_at(row, 0)?,
        asset_tag: row.get(1)?,
        name: row.get(2)?,
        manufacturer: row.get(3)?,
        model: row.get(4)?,
        serial_number: row.get(5)?,
        location: row.get(6)?,
        status: key_at(row, 7, EquipmentStatus::from_key)?,
        reference_standard: row.get(8)?,
        out_of_tolerance: row.get(9)?,
        updated_at: timestamp_at(row, 10)?,
    })
}

fn equipment_from_row(row: &Row<'_>) -> rusqlite::Result<Equipment> {
    Ok(Equipment {
        id: text_at(row, 0)?,
        revision: row.get(1)?,
        fields: EquipmentFields {
            asset_tag: row.get(2)?,
            name: row.get(3)?,
            manufacturer: row.get(4)?,
            model: row.get(5)?,
            serial_number: row.get(6)?,
            location: row.get(7)?,
            department: row.get(8)?,
            owner: row.get(9)?,
            status: key_at(row, 10, EquipmentStatus::from_key)?,
            reference_standard: row.get(11)?,
            notes: row.get(12)?,
        },
        out_of_tolerance: row.get(13)?,
        created_at: timestamp_at(row, 14)?,
        updated_at: timestamp_at(row, 15)?,
    })
}
