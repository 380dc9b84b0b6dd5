//! Recording calibrations and reading an item's history. Records are permanent: triggers
//! refuse to change or delete them. Recording one rolls its plan on when it passed.

use benchlog_domain::equipment::EquipmentId;
use benchlog_domain::error::FieldError;
use benchlog_domain::page::{PAGE_SIZE, Page, offset};
use benchlog_domain::plan::Plan;
use benchlog_domain::record::{
    CalibrationRecord, MeasurementPoint, NewRecord, RecordDetails, RecordId, RecordOutcome,
    RecordQuery,
};
use benchlog_domain::schedule::{PlanState, Schedule};
use benchlog_domain::tolerance::{CalibrationResult, Limits, Tolerance};
use chrono::{NaiveDate, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params};
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::convert::{
    date, execute_named, key_at, opt_decimal, opt_text_at, text_at, timestamp, timestamp_at,
};
use crate::equipment::equipment_seq;
use crate::error::{Error, Result};
use crate::plans::{self, provider_from_key, provider_key};

const RECORD_COLUMNS: &str = "calibration_record.seq, calibration_record.id, plan.id, \
     equipment.id, calibration_record.plan_name, calibration_record.performed_on, \
     calibration_record.performed_by, calibration_record.provider, \
     calibration_record.external_lab, calibration_record.procedure, \
     calibration_record.temperature, calibration_record.humidity, \
     calibration_record.certificate_number, calibration_record.notes, \
     calibration_record.result, calibration_record.created_at";

const RECORD_FROM: &str = "calibration_record \
     JOIN plan ON plan.seq = calibration_record.plan_seq \
     JOIN equipment ON equipment.seq = calibration_record.equipment_seq";

/// Records one calibration in one transaction.
pub(crate) fn record(
    conn: &mut Connection,
    new: &NewRecord,
    today: NaiveDate,
) -> Result<RecordOutcome> {
    let tx = conn.transaction()?;
    let saved = insert(&tx, new, today)?;
    let outcome = RecordOutcome {
        record: get(&tx, saved.id)?,
        plan: plans::get(&tx, new.plan_id)?,
        overdue_standards: saved.overdue_standards,
        out_of_tolerance: saved.out_of_tolerance,
    };
    tx.commit()?;
    Ok(outcome)
}

/// Records many calibrations (an imported history) in one transaction: all or none.
pub(crate) fn record_batch(
    conn: &mut Connection,
    records: &[NewRecord],
    today: NaiveDate,
) -> Result<usize> {
    let tx = conn.transaction()?;
    for new in records {
        insert(&tx, new, today)?;
    }
    tx.commit()?;
    Ok(records.len())
}

/// What saving one record did, before it is read back.
struct Saved {
    id: RecordId,
    overdue_standards: Vec<String>,
    out_of_tolerance: bool,
}

fn insert(conn: &Connection, new: &NewRecord, today: NaiveDate) -> Result<Saved> {
    let plan = plans::get(conn, new.plan_id)?;
    let details = new.fields.validate(today).map_err(Error::Invalid)?;
    let equipment = equipment_seq(conn, plan.equipment_id)?;
    let standards = standards(conn, &details, plan.equipment_id)?;

    let id = RecordId::from_uuid(Uuid::now_v7());
    execute_named(
        conn,
        "INSERT INTO calibration_record (id, plan_seq, equipment_seq, plan_name, performed_on,
             performed_by, provider, external_lab, procedure, temperature, humidity,
             certificate_number, notes, result, created_at)
         VALUES (:id, (SELECT seq FROM plan WHERE id = :plan), :equipment, :plan_name,
             :performed_on, :performed_by, :provider, :external_lab, :procedure, :temperature,
             :humidity, :certificate_number, :notes, :result, :now)",
        &[
            (":id", Value::Text(id.to_string())),
            (":plan", Value::Text(plan.id.to_string())),
            (":equipment", Value::Integer(equipment)),
            (":plan_name", Value::Text(plan.fields.name.clone())),
            (":performed_on", Value::Text(date(details.performed_on))),
            (":performed_by", Value::Text(details.performed_by.clone())),
            (
                ":provider",
                Value::Text(provider_key(details.provider).into()),
            ),
            (":external_lab", Value::Text(details.external_lab.clone())),
            (":procedure", Value::Text(details.procedure.clone())),
            (":temperature", opt_decimal(details.temperature)),
            (":humidity", opt_decimal(details.humidity)),
            (
                ":certificate_number",
                Value::Text(details.certificate_number.clone()),
            ),
            (":notes", Value::Text(details.notes.clone())),
            (":result", Value::Text(result_key(details.result).into())),
            (":now", Value::Text(timestamp(Utc::now()))),
        ],
    )?;
    let record_seq = conn.last_insert_rowid();
    for (position, point) in details.points.iter().enumerate() {
        insert_point(conn, record_seq, position, point)?;
    }
    for standard in &standards {
        conn.prepare_cached(
            "INSERT INTO record_standard (record_seq, equipment_seq) VALUES (?, ?)",
        )?
        .execute([record_seq, standard.seq])?;
    }
    let out_of_tolerance = roll(conn, &plan, &details, equipment)?;
    Ok(Saved {
        id,
        overdue_standards: standards
            .into_iter()
            .filter(|standard| standard.overdue)
            .map(|standard| standard.asset_tag)
            .collect(),
        out_of_tolerance,
    })
}

/// Applies a new record to its plan and item, returning whether the item is now out of
/// tolerance. Only the newest record counts: a passing one moves the due date to
/// performed-on + interval (also when early) and clears the out-of-tolerance flag; a
/// failing one keeps the due date and sets the flag. An older record, entered late,
/// changes neither.
fn roll(conn: &Connection, plan: &Plan, details: &RecordDetails, equipment: i64) -> Result<bool> {
    let performed_on = details.performed_on;
    let newest = plan
        .last_performed_on
        .is_none_or(|last| performed_on >= last);
    if !newest {
        return Ok(false);
    }
    let failed = details.result == CalibrationResult::Fail;
    let next_due = if failed {
        plan.fields.next_due
    } else {
        let valid = plan.fields.validate().map_err(Error::Invalid)?;
        Some(valid.interval().after(performed_on))
    };
    plans::set_next_due(conn, plan, next_due, performed_on)?;
    conn.prepare_cached("UPDATE equipment SET out_of_tolerance = ? WHERE seq = ?")?
        .execute(params![failed, equipment])?;
    Ok(failed)
}

/// A reference standard a record used.
struct Standard {
    seq: i64,
    asset_tag: String,
    /// Whether one of its own plans was overdue on the day it was used.
    overdue: bool,
}

/// Looks up the standards a record names, refusing any that is gone, is not a reference
/// standard, or is the calibrated item itself.
fn standards(
    conn: &Connection,
    details: &RecordDetails,
    calibrated: EquipmentId,
) -> Result<Vec<Standard>> {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for &id in &details.standards {
        let row: Option<(i64, String, bool)> = conn
            .prepare_cached(
                "SELECT seq, asset_tag, reference_standard FROM equipment WHERE id = ?",
            )?
            .query_row([id.to_string()], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })
            .optional()?;
        match row {
            None => problems.push("A chosen standard no longer exists".to_owned()),
            Some((_, tag, _)) if id == calibrated => {
                problems.push(format!("{tag} cannot be its own reference standard"))
            }
            Some((_, tag, false)) => problems.push(format!("{tag} is not a reference standard")),
            Some((seq, asset_tag, true)) => found.push(Standard {
                seq,
                overdue: was_overdue(conn, seq, details.performed_on)?,
                asset_tag,
            }),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(
            problems
                .into_iter()
                .map(|message| FieldError {
                    field: "standards".to_owned(),
                    message,
                })
                .collect(),
        ));
    }
    Ok(found)
}

/// Whether any of an item's plans was overdue on `day`.
fn was_overdue(conn: &Connection, equipment: i64, day: NaiveDate) -> Result<bool> {
    let mut statement = conn.prepare_cached(
        "SELECT next_due, due_soon_days, grace_days, paused FROM plan WHERE equipment_seq = ?",
    )?;
    let schedules = statement.query_map([equipment], |row| {
        Ok(Schedule {
            next_due: opt_text_at(row, 0)?,
            due_soon_days: row.get(1)?,
            grace_days: row.get(2)?,
            paused: row.get(3)?,
        })
    })?;
    for schedule in schedules {
        if schedule?.state_on(day) == PlanState::Overdue {
            return Ok(true);
        }
    }
    Ok(false)
}

fn insert_point(
    conn: &Connection,
    record_seq: i64,
    position: usize,
    point: &MeasurementPoint,
) -> Result<()> {
    let (kind, a, b) = match point.tolerance {
        Tolerance::PlusMinus { amount } => ("plus_minus", amount, Decimal::ZERO),
        Tolerance::Asymmetric { lower, upper } => ("asymmetric", lower, upper),
        Tolerance::Percent { percent } => ("percent", percent, Decimal::ZERO),
    };
    conn.prepare_cached(
        "INSERT INTO measurement_point (record_seq, position, description, nominal, unit,
             tolerance_kind, tolerance_a, tolerance_b, low_limit, high_limit, as_found, as_left)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?
    .execute(params![
        record_seq,
        position as i64,
        point.description,
        point.nominal.to_string(),
        point.unit,
        kind,
        a.to_string(),
        b.to_string(),
        point.limits.low.to_string(),
        point.limits.high.to_string(),
        point.as_found.to_string(),
        point.as_left.to_string(),
    ])?;
    Ok(())
}

pub(crate) fn get(conn: &Connection, id: RecordId) -> Result<CalibrationRecord> {
    let (seq, record) = conn
        .prepare_cached(&format!(
            "SELECT {RECORD_COLUMNS} FROM {RECORD_FROM} WHERE calibration_record.id = ?"
        ))?
        .query_row([id.to_string()], record_from_row)?;
    complete(conn, seq, record)
}

/// An item's records, newest first.
pub(crate) fn list(conn: &mut Connection, query: &RecordQuery) -> Result<Page<CalibrationRecord>> {
    let tx = conn.transaction()?;
    let equipment = equipment_seq(&tx, query.equipment_id)?;
    let total: i64 = tx
        .prepare_cached("SELECT count(*) FROM calibration_record WHERE equipment_seq = ?")?
        .query_row([equipment], |row| row.get(0))?;
    let rows = tx
        .prepare_cached(&format!(
            "SELECT {RECORD_COLUMNS} FROM {RECORD_FROM}
             WHERE calibration_record.equipment_seq = ?
             ORDER BY calibration_record.performed_on DESC, calibration_record.seq DESC
             LIMIT ? OFFSET ?"
        ))?
        .query_map(
            params![equipment, PAGE_SIZE, offset(query.page) as i64],
            record_from_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let items = rows
        .into_iter()
        .map(|(seq, record)| complete(&tx, seq, record))
        .collect::<Result<Vec<_>>>()?;
    tx.finish()?;
    Ok(Page {
        items,
        total: total as u64,
        total_is_exact: true,
        page: query.page,
    })
}

/// Adds a record's points and standards, read from their own tables.
fn complete(
    conn: &Connection,
    seq: i64,
    mut record: CalibrationRecord,
) -> Result<CalibrationRecord> {
    record.details.points = conn
        .prepare_cached(
            "SELECT description, nominal, unit, tolerance_kind, tolerance_a, tolerance_b,
                 low_limit, high_limit, as_found, as_left
             FROM measurement_point WHERE record_seq = ? ORDER BY position",
        )?
        .query_map([seq], point_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    record.details.standards = conn
        .prepare_cached(
            "SELECT equipment.id FROM record_standard
             JOIN equipment ON equipment.seq = record_standard.equipment_seq
             WHERE record_standard.record_seq = ? ORDER BY equipment.asset_tag",
        )?
        .query_map([seq], |row| text_at(row, 0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(record)
}

fn record_from_row(row: &Row<'_>) -> rusqlite::Result<(i64, CalibrationRecord)> {
    let record = CalibrationRecord {
        id: text_at(row, 1)?,
        plan_id: text_at(row, 2)?,
        equipment_id: text_at(row, 3)?,
        plan_name: row.get(4)?,
        details: RecordDetails {
            performed_on: text_at(row, 5)?,
            performed_by: row.get(6)?,
            provider: key_at(row, 7, provider_from_key)?,
            external_lab: row.get(8)?,
            procedure: row.get(9)?,
            temperature: opt_text_at(row, 10)?,
            humidity: opt_text_at(row, 11)?,
            certificate_number: row.get(12)?,
            notes: row.get(13)?,
            points: Vec::new(),
            result: key_at(row, 14, result_from_key)?,
            standards: Vec::new(),
        },
        created_at: timestamp_at(row, 15)?,
    };
    Ok((row.get(0)?, record))
}

fn point_from_row(row: &Row<'_>) -> rusqlite::Result<MeasurementPoint> {
    let a: Decimal = text_at(row, 4)?;
    let b: Decimal = text_at(row, 5)?;
    let tolerance = key_at(row, 3, |kind| match kind {
        "plus_minus" => Some(Tolerance::PlusMinus { amount: a }),
        "asymmetric" => Some(Tolerance::Asymmetric { lower: a, upper: b }),
        "percent" => Some(Tolerance::Percent { percent: a }),
        _ => None,
    })?;
    Ok(MeasurementPoint {
        description: row.get(0)?,
        nominal: text_at(row, 1)?,
        unit: row.get(2)?,
        tolerance,
        limits: Limits {
            low: text_at(row, 6)?,
            high: text_at(row, 7)?,
        },
        as_found: text_at(row, 8)?,
        as_left: text_at(row, 9)?,
    })
}

fn result_key(result: CalibrationResult) -> &'static str {
    match result {
        CalibrationResult::Pass => "pass",
        CalibrationResult::Adjusted => "adjusted",
        CalibrationResult::Fail => "fail",
        CalibrationResult::Limited => "limited",
    }
}

fn result_from_key(key: &str) -> Option<CalibrationResult> {
    [
        CalibrationResult::Pass,
        CalibrationResult::Adjusted,
        CalibrationResult::Fail,
        CalibrationResult::Limited,
    ]
    .into_iter()
    .find(|result| result_key(*result) == key)
}
