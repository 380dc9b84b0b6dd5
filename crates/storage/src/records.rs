//! Recording calibrations, correcting them, and reading an item's history.
//!
//! Record rows are permanent: triggers refuse to change or delete them. A correction is a
//! new version of the record (same id, next version, with its reason); the history shows
//! each record's latest version and what every amendment replaced. Whenever the plan's
//! newest record is saved or corrected, the plan rolls from it again.

use benchlog_domain::equipment::EquipmentId;
use benchlog_domain::error::FieldError;
use benchlog_domain::key::Keyed;
use benchlog_domain::page::{PAGE_SIZE, Page, offset};
use benchlog_domain::plan::{Plan, Provider};
use benchlog_domain::record::{
    Amendment, CalibrationRecord, MeasurementPoint, NewRecord, RecordAmendment, RecordDetails,
    RecordId, RecordOutcome, RecordQuery, StandardUsed, ToleranceKind,
};
use benchlog_domain::schedule::{Interval, IntervalUnit, PlanState, Schedule};
use benchlog_domain::tolerance::{CalibrationResult, Limits, Tolerance};
use chrono::{NaiveDate, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params};
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::convert::{
    date, execute_named, key_at, opt_date, opt_decimal, opt_text_at, text_at, timestamp,
    timestamp_at,
};
use crate::equipment::equipment_seq;
use crate::error::{Error, Result};
use crate::plans;

const RECORD_COLUMNS: &str = "calibration_record.seq, calibration_record.id, plan.id, \
     equipment.id, calibration_record.plan_name, calibration_record.performed_on, \
     calibration_record.performed_by, calibration_record.provider, \
     calibration_record.external_lab, calibration_record.procedure, \
     calibration_record.temperature, calibration_record.humidity, \
     calibration_record.certificate_number, calibration_record.notes, \
     calibration_record.result, calibration_record.created_at, calibration_record.version, \
     calibration_record.amendment_reason";

/// Keeps only each record's latest version.
const LATEST_VERSION: &str = "calibration_record.version = (SELECT max(newer.version) \
     FROM calibration_record AS newer WHERE newer.id = calibration_record.id)";

/// The row of a record's first version: records done the same day count in the order they
/// were first entered, whatever was amended since.
const FIRST_ENTERED: &str = "(SELECT min(first.seq) FROM calibration_record AS first \
     WHERE first.id = calibration_record.id)";

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
    let standards = standards(conn, &details, plan.equipment_id, &[])?;
    let id = RecordId::from_uuid(Uuid::now_v7());
    let version = Version {
        id,
        number: 1,
        reason: None,
        plan_name: plan.fields.name.clone(),
        next_due_before: plan.fields.next_due,
    };
    insert_version(conn, &plan, &version, &details, &standards)?;
    let newest = plan
        .last_performed_on
        .is_none_or(|last| details.performed_on >= last);
    let out_of_tolerance = if newest {
        roll_from_newest(conn, &plan)?
    } else {
        false
    };
    Ok(Saved {
        id,
        overdue_standards: overdue(standards),
        out_of_tolerance,
    })
}

/// Saves a correction of a record as its next version, in one transaction. When the record
/// was, or becomes, its plan's newest, the plan rolls from the newest record again.
pub(crate) fn amend(
    conn: &mut Connection,
    amendment: &RecordAmendment,
    today: NaiveDate,
) -> Result<RecordOutcome> {
    let (reason, details) = amendment.validate(today).map_err(Error::Invalid)?;
    let tx = conn.transaction()?;
    let current = get(&tx, amendment.record_id)?;
    let plan = plans::get(&tx, current.plan_id)?;
    let was_newest = newest_record(&tx, &plan)?.is_some_and(|newest| newest.id == current.id);
    let standards = standards(&tx, &details, plan.equipment_id, &current.details.standards)?;
    let next_due_before: Option<NaiveDate> = tx
        .prepare_cached(
            "SELECT next_due_before FROM calibration_record WHERE id = ? AND version = 1",
        )?
        .query_row([current.id.to_string()], |row| opt_text_at(row, 0))?;
    let version = Version {
        id: current.id,
        number: current.amendments.len() as u32 + 2,
        reason: Some(reason),
        plan_name: current.plan_name.clone(),
        next_due_before,
    };
    insert_version(&tx, &plan, &version, &details, &standards)?;
    let is_newest = newest_record(&tx, &plan)?.is_some_and(|newest| newest.id == current.id);
    // A new date or result can change which record the plan rolls from, or what a later
    // failing record keeps; a correction of anything else leaves the plan as it is.
    let reschedules = details.performed_on != current.details.performed_on
        || details.result != current.details.result;
    let out_of_tolerance = if was_newest || is_newest || reschedules {
        roll_from_newest(&tx, &plan)?
    } else {
        false
    };
    let outcome = RecordOutcome {
        record: get(&tx, current.id)?,
        plan: plans::get(&tx, plan.id)?,
        overdue_standards: overdue(standards),
        out_of_tolerance,
    };
    tx.commit()?;
    Ok(outcome)
}

/// Which version of which record a row holds.
struct Version {
    id: RecordId,
    number: u32,
    reason: Option<String>,
    plan_name: String,
    next_due_before: Option<NaiveDate>,
}

/// Writes one version of a record with its points and standards.
fn insert_version(
    conn: &Connection,
    plan: &Plan,
    version: &Version,
    details: &RecordDetails,
    standards: &[Standard],
) -> Result<()> {
    execute_named(
        conn,
        "INSERT INTO calibration_record (id, version, amendment_reason, next_due_before,
             plan_seq, equipment_seq, plan_name, performed_on, performed_by, provider,
             external_lab, procedure, temperature, humidity, certificate_number, notes, result,
             created_at)
         VALUES (:id, :version, :reason, :next_due_before,
             (SELECT seq FROM plan WHERE id = :plan),
             (SELECT equipment_seq FROM plan WHERE id = :plan), :plan_name, :performed_on,
             :performed_by, :provider, :external_lab, :procedure, :temperature, :humidity,
             :certificate_number, :notes, :result, :now)",
        &[
            (":id", Value::Text(version.id.to_string())),
            (":version", Value::Integer(version.number.into())),
            (
                ":reason",
                version.reason.clone().map_or(Value::Null, Value::Text),
            ),
            (":next_due_before", opt_date(version.next_due_before)),
            (":plan", Value::Text(plan.id.to_string())),
            (":plan_name", Value::Text(version.plan_name.clone())),
            (":performed_on", Value::Text(date(details.performed_on))),
            (":performed_by", Value::Text(details.performed_by.clone())),
            (":provider", Value::Text(details.provider.key().into())),
            (":external_lab", Value::Text(details.external_lab.clone())),
            (":procedure", Value::Text(details.procedure.clone())),
            (":temperature", opt_decimal(details.temperature)),
            (":humidity", opt_decimal(details.humidity)),
            (
                ":certificate_number",
                Value::Text(details.certificate_number.clone()),
            ),
            (":notes", Value::Text(details.notes.clone())),
            (":result", Value::Text(details.result.key().into())),
            (":now", Value::Text(timestamp(Utc::now()))),
        ],
    )?;
    let record_seq = conn.last_insert_rowid();
    for (position, point) in details.points.iter().enumerate() {
        insert_point(conn, record_seq, position, point)?;
    }
    for standard in standards {
        conn.prepare_cached(
            "INSERT INTO record_standard (record_seq, equipment_seq) VALUES (?, ?)",
        )?
        .execute([record_seq, standard.seq])?;
    }
    Ok(())
}

/// The plan's newest record (latest versions only), by the day performed.
struct Newest {
    id: RecordId,
    performed_on: NaiveDate,
    result: CalibrationResult,
}

fn newest_record(conn: &Connection, plan: &Plan) -> Result<Option<Newest>> {
    let newest = conn
        .prepare_cached(&format!(
            "SELECT calibration_record.id, performed_on, result FROM calibration_record
             WHERE plan_seq = (SELECT seq FROM plan WHERE id = ?) AND {LATEST_VERSION}
             ORDER BY performed_on DESC, {FIRST_ENTERED} DESC LIMIT 1"
        ))?
        .query_row([plan.id.to_string()], |row| {
            Ok(Newest {
                id: text_at(row, 0)?,
                performed_on: text_at(row, 1)?,
                result: key_at(row, 2, CalibrationResult::from_key)?,
            })
        })
        .optional()?;
    Ok(newest)
}

/// Rolls the plan from its newest record and sets the item's out-of-tolerance flag,
/// returning the flag. A newest record that passed (pass, adjusted, or limited: usable
/// within its stated limits) puts the due date at performed-on + interval, also when it
/// was early. A failing one keeps the due date the calibrations before it gave (see
/// [`due_before`]). The item is out of tolerance while the newest record of any of its
/// plans failed.
fn roll_from_newest(conn: &Connection, plan: &Plan) -> Result<bool> {
    let Some(newest) = newest_record(conn, plan)? else {
        return Ok(false);
    };
    let failed = newest.result == CalibrationResult::Fail;
    let next_due = if failed {
        due_before(conn, plan, &newest)?
    } else {
        plan_interval(plan)?.after(newest.performed_on)
    };
    plans::set_next_due(
        conn,
        plan,
        Some(next_due),
        newest.performed_on,
        newest.result,
    )?;
    let out_of_tolerance: bool = conn
        .prepare_cached(
            "UPDATE equipment SET out_of_tolerance = EXISTS (
                 SELECT 1 FROM plan WHERE plan.equipment_seq = equipment.seq
                     AND plan.last_result = 'fail')
             WHERE seq = (SELECT equipment_seq FROM plan WHERE id = ?)
             RETURNING out_of_tolerance",
        )?
        .query_row([plan.id.to_string()], |row| row.get(0))?;
    Ok(out_of_tolerance)
}

/// The due date a plan had just before a failing record: one interval after the newest
/// passing record before it; without one, the due date the plan had before its first
/// record; without that, the failing record's own day (never calibrated, not fit for use).
fn due_before(conn: &Connection, plan: &Plan, failing: &Newest) -> Result<NaiveDate> {
    let passed: Option<NaiveDate> = conn
        .prepare_cached(&format!(
            "SELECT max(performed_on) FROM calibration_record
             WHERE plan_seq = (SELECT seq FROM plan WHERE id = ?) AND result <> 'fail'
               AND performed_on <= ? AND id <> ? AND {LATEST_VERSION}"
        ))?
        .query_row(
            params![
                plan.id.to_string(),
                date(failing.performed_on),
                failing.id.to_string()
            ],
            |row| opt_text_at(row, 0),
        )?;
    let plan_seq: i64 = conn
        .prepare_cached("SELECT seq FROM plan WHERE id = ?")?
        .query_row([plan.id.to_string()], |row| row.get(0))?;
    Ok(match passed {
        Some(passed) => plan_interval(plan)?.after(passed),
        None => first_due(conn, plan_seq)?
            .flatten()
            .unwrap_or(failing.performed_on),
    })
}

/// The due date a plan had before its first record: `None` when it has no records,
/// `Some(None)` when it had no due date then.
fn first_due(conn: &Connection, plan_seq: i64) -> Result<Option<Option<NaiveDate>>> {
    let due = conn
        .prepare_cached(
            "SELECT next_due_before FROM calibration_record
             WHERE plan_seq = ? AND version = 1 ORDER BY seq LIMIT 1",
        )?
        .query_row([plan_seq], |row| opt_text_at(row, 0))
        .optional()?;
    Ok(due)
}

/// A stored plan's interval.
fn plan_interval(plan: &Plan) -> Result<Interval> {
    Interval::new(plan.fields.interval_count, plan.fields.interval_unit).map_err(|message| {
        Error::Invalid(vec![FieldError {
            field: "interval_count".to_owned(),
            message,
        }])
    })
}

/// The asset tags of the standards that were overdue when used.
fn overdue(standards: Vec<Standard>) -> Vec<String> {
    standards
        .into_iter()
        .filter(|standard| standard.overdue)
        .map(|standard| standard.asset_tag)
        .collect()
}

/// A reference standard a record used.
struct Standard {
    seq: i64,
    asset_tag: String,
    /// Whether one of its own plans was overdue on the day it was used.
    overdue: bool,
}

/// Looks up the standards a record names, refusing any that is gone, is the calibrated item
/// itself, or is not a reference standard, unless the record already named it (an item
/// that is no longer a standard still was one when it was used).
fn standards(
    conn: &Connection,
    details: &RecordDetails,
    calibrated: EquipmentId,
    already_named: &[EquipmentId],
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
            Some((_, tag, false)) if !already_named.contains(&id) => {
                problems.push(format!("{tag} is not a reference standard"))
            }
            Some((seq, asset_tag, _)) => found.push(Standard {
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

/// Whether a standard was not fit to use on `day`: one of its plans overdue (or never
/// done) then. Each plan is judged as it stood that day: due one interval after its newest
/// passing record up to then, or, without one, by the due date it had before any record.
fn was_overdue(conn: &Connection, equipment: i64, day: NaiveDate) -> Result<bool> {
    let plans = conn
        .prepare_cached(
            "SELECT seq, interval_count, interval_unit, due_soon_days, grace_days, next_due
             FROM plan WHERE equipment_seq = ? AND paused = 0",
        )?
        .query_map([equipment], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, u32>(1)?,
                key_at(row, 2, IntervalUnit::from_key)?,
                Schedule {
                    next_due: opt_text_at(row, 5)?,
                    due_soon_days: row.get(3)?,
                    grace_days: row.get(4)?,
                    paused: false,
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (plan, count, unit, mut schedule) in plans {
        let last_pass: Option<NaiveDate> = conn
            .prepare_cached(&format!(
                "SELECT max(performed_on) FROM calibration_record
                 WHERE plan_seq = ? AND performed_on <= ? AND result <> 'fail'
                   AND {LATEST_VERSION}"
            ))?
            .query_row(params![plan, date(day)], |row| opt_text_at(row, 0))?;
        match (last_pass, Interval::new(count, unit)) {
            (Some(passed), Ok(interval)) => schedule.next_due = Some(interval.after(passed)),
            // Not yet calibrated on that day: the due date it had before its first record
            // (today's due date counts only for a plan with no records at all).
            _ => {
                if let Some(before) = first_due(conn, plan)? {
                    schedule.next_due = before;
                }
            }
        }
        if matches!(
            schedule.state_on(day),
            PlanState::Overdue | PlanState::NeverDone
        ) {
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
        Tolerance::PlusMinus { amount } => (ToleranceKind::PlusMinus, amount, Decimal::ZERO),
        Tolerance::Asymmetric { lower, upper } => (ToleranceKind::Asymmetric, lower, upper),
        Tolerance::Percent { percent } => (ToleranceKind::Percent, percent, Decimal::ZERO),
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
        kind.key(),
        a.to_string(),
        b.to_string(),
        point.limits.low.to_string(),
        point.limits.high.to_string(),
        point.as_found.to_string(),
        point.as_left.to_string(),
    ])?;
    Ok(())
}

/// A record as it stands now, with its amendments.
pub(crate) fn get(conn: &Connection, id: RecordId) -> Result<CalibrationRecord> {
    let versions = conn
        .prepare_cached(&format!(
            "SELECT {RECORD_COLUMNS} FROM {RECORD_FROM}
             WHERE calibration_record.id = ? ORDER BY calibration_record.version"
        ))?
        .query_map([id.to_string()], version_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    assemble(conn, versions)?.ok_or(Error::RecordNotFound(id))
}

/// An item's records, newest first, each as it stands now.
pub(crate) fn list(conn: &mut Connection, query: &RecordQuery) -> Result<Page<CalibrationRecord>> {
    let tx = conn.transaction()?;
    let equipment = equipment_seq(&tx, query.equipment_id)?;
    let total: i64 = tx
        .prepare_cached(&format!(
            "SELECT count(*) FROM calibration_record
             WHERE calibration_record.equipment_seq = ? AND {LATEST_VERSION}"
        ))?
        .query_row([equipment], |row| row.get(0))?;
    let latest = tx
        .prepare_cached(&format!(
            "SELECT {RECORD_COLUMNS} FROM {RECORD_FROM}
             WHERE calibration_record.equipment_seq = ? AND {LATEST_VERSION}
             ORDER BY calibration_record.performed_on DESC, {FIRST_ENTERED} DESC
             LIMIT ? OFFSET ?"
        ))?
        .query_map(
            params![equipment, PAGE_SIZE, offset(query.page) as i64],
            version_from_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut items = Vec::with_capacity(latest.len());
    for row in latest {
        let record = match row.number {
            1 => assemble(&tx, vec![row])?,
            _ => Some(get(&tx, row.record.id)?),
        };
        items.extend(record);
    }
    tx.finish()?;
    Ok(Page {
        items,
        total: total as u64,
        total_is_exact: true,
        page: query.page,
    })
}

/// One stored version, before its points and standards are read.
struct VersionRow {
    seq: i64,
    number: u32,
    reason: Option<String>,
    record: CalibrationRecord,
}

/// Builds a record from all its versions, oldest first: the last one is what it says now,
/// each later one an amendment of the one before. `None` when there are no versions.
fn assemble(conn: &Connection, versions: Vec<VersionRow>) -> Result<Option<CalibrationRecord>> {
    let mut versions = versions.into_iter();
    let Some(first) = versions.next() else {
        return Ok(None);
    };
    let mut record = first.record;
    let mut latest = first.seq;
    record.details = complete(conn, first.seq, record.details)?;
    for later in versions {
        let details = complete(conn, later.seq, later.record.details)?;
        latest = later.seq;
        record.amendments.push(Amendment {
            amended_at: later.record.created_at,
            reason: later.reason.unwrap_or_default(),
            previous: std::mem::replace(&mut record.details, details),
        });
    }
    record.standards_used = standards_used(conn, latest)?;
    record.certificate_count = conn
        .prepare_cached("SELECT count(*) FROM record_certificate WHERE record_id = ?")?
        .query_row([record.id.to_string()], |row| row.get(0))?;
    Ok(Some(record))
}

/// The standards a version names, as they read in the register.
fn standards_used(conn: &Connection, seq: i64) -> Result<Vec<StandardUsed>> {
    let standards = conn
        .prepare_cached(
            "SELECT equipment.id, equipment.asset_tag, equipment.name FROM record_standard
             JOIN equipment ON equipment.seq = record_standard.equipment_seq
             WHERE record_standard.record_seq = ? ORDER BY equipment.asset_tag",
        )?
        .query_map([seq], |row| {
            Ok(StandardUsed {
                id: text_at(row, 0)?,
                asset_tag: row.get(1)?,
                name: row.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(standards)
}

/// Adds a version's points and standards, read from their own tables.
fn complete(conn: &Connection, seq: i64, mut details: RecordDetails) -> Result<RecordDetails> {
    details.points = conn
        .prepare_cached(
            "SELECT description, nominal, unit, tolerance_kind, tolerance_a, tolerance_b,
                 low_limit, high_limit, as_found, as_left
             FROM measurement_point WHERE record_seq = ? ORDER BY position",
        )?
        .query_map([seq], point_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    details.standards = conn
        .prepare_cached(
            "SELECT equipment.id FROM record_standard
             JOIN equipment ON equipment.seq = record_standard.equipment_seq
             WHERE record_standard.record_seq = ? ORDER BY equipment.id",
        )?
        .query_map([seq], |row| text_at(row, 0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(details)
}

fn version_from_row(row: &Row<'_>) -> rusqlite::Result<VersionRow> {
    let record = CalibrationRecord {
        id: text_at(row, 1)?,
        plan_id: text_at(row, 2)?,
        equipment_id: text_at(row, 3)?,
        plan_name: row.get(4)?,
        details: RecordDetails {
            performed_on: text_at(row, 5)?,
            performed_by: row.get(6)?,
            provider: key_at(row, 7, Provider::from_key)?,
            external_lab: row.get(8)?,
            procedure: row.get(9)?,
            temperature: opt_text_at(row, 10)?,
            humidity: opt_text_at(row, 11)?,
            certificate_number: row.get(12)?,
            notes: row.get(13)?,
            points: Vec::new(),
            result: key_at(row, 14, CalibrationResult::from_key)?,
            standards: Vec::new(),
        },
        created_at: timestamp_at(row, 15)?,
        amendments: Vec::new(),
        standards_used: Vec::new(),
        certificate_count: 0,
    };
    Ok(VersionRow {
        seq: row.get(0)?,
        number: row.get(16)?,
        reason: row.get(17)?,
        record,
    })
}

fn point_from_row(row: &Row<'_>) -> rusqlite::Result<MeasurementPoint> {
    let a: Decimal = text_at(row, 4)?;
    let b: Decimal = text_at(row, 5)?;
    let tolerance = match key_at(row, 3, ToleranceKind::from_key)? {
        ToleranceKind::PlusMinus => Tolerance::PlusMinus { amount: a },
        ToleranceKind::Asymmetric => Tolerance::Asymmetric { lower: a, upper: b },
        ToleranceKind::Percent => Tolerance::Percent { percent: a },
    };
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
