//! Calibration plans: adding, changing and listing them, and keeping the columns the due
//! list reads (`due_soon_from`, `overdue_from`) in step with the due date.

use benchlog_domain::equipment::EquipmentId;
use benchlog_domain::key::Keyed;
use benchlog_domain::plan::{NewPlan, Plan, PlanFields, PlanId, PlanUpdate, Provider, ValidPlan};
use benchlog_domain::schedule::IntervalUnit;
use benchlog_domain::tolerance::CalibrationResult;
use chrono::{Days, NaiveDate, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row};
use uuid::Uuid;

use crate::convert::{
    date, execute_named, key_at, opt_date, opt_text_at, text_at, timestamp, timestamp_at,
};
use crate::equipment::equipment_seq;
use crate::error::{Error, Result};

const PLAN_COLUMNS: &str = "plan.id, equipment.id, plan.revision, plan.name, \
                            plan.interval_count, plan.interval_unit, plan.due_soon_days, \
                            plan.grace_days, plan.provider, plan.external_lab, \
                            plan.lead_time_days, plan.assignee, plan.paused, plan.next_due, \
                            plan.last_performed_on, plan.created_at, plan.updated_at";

const PLAN_FROM: &str = "plan JOIN equipment ON equipment.seq = plan.equipment_seq";

pub(crate) fn list(conn: &Connection, equipment_id: EquipmentId) -> Result<Vec<Plan>> {
    let equipment = equipment_seq(conn, equipment_id)?;
    let plans = conn
        .prepare_cached(&format!(
            "SELECT {PLAN_COLUMNS} FROM {PLAN_FROM} WHERE plan.equipment_seq = ?
             ORDER BY plan.name COLLATE NOCASE, plan.seq"
        ))?
        .query_map([equipment], plan_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(plans)
}

pub(crate) fn get(conn: &Connection, id: PlanId) -> Result<Plan> {
    conn.prepare_cached(&format!(
        "SELECT {PLAN_COLUMNS} FROM {PLAN_FROM} WHERE plan.id = ?"
    ))?
    .query_row([id.to_string()], plan_from_row)
    .optional()?
    .ok_or(Error::PlanNotFound(id))
}

pub(crate) fn create(conn: &mut Connection, new: &NewPlan) -> Result<Plan> {
    let valid = new.fields.validate().map_err(Error::Invalid)?;
    let tx = conn.transaction()?;
    let equipment = equipment_seq(&tx, new.equipment_id)?;
    let id = PlanId::from_uuid(Uuid::now_v7());
    let mut params = field_params(&valid);
    params.extend([
        (":id", Value::Text(id.to_string())),
        (":equipment_seq", Value::Integer(equipment)),
        (":now", Value::Text(timestamp(Utc::now()))),
    ]);
    execute_named(
        &tx,
        "INSERT INTO plan (id, equipment_seq, revision, name, interval_count, interval_unit,
             due_soon_days, grace_days, provider, external_lab, lead_time_days, assignee,
             paused, next_due, due_soon_from, overdue_from, equipment_active, created_at,
             updated_at)
         VALUES (:id, :equipment_seq, 1, :name, :interval_count, :interval_unit,
             :due_soon_days, :grace_days, :provider, :external_lab, :lead_time_days, :assignee,
             :paused, :next_due, :due_soon_from, :overdue_from,
             (SELECT status = 'active' FROM equipment WHERE seq = :equipment_seq), :now, :now)",
        &params,
    )?;
    let plan = get(&tx, id)?;
    tx.commit()?;
    Ok(plan)
}

pub(crate) fn update(conn: &mut Connection, update: &PlanUpdate) -> Result<Plan> {
    let valid = update.fields.validate().map_err(Error::Invalid)?;
    let tx = conn.transaction()?;
    let mut params = field_params(&valid);
    params.extend([
        (":id", Value::Text(update.id.to_string())),
        (":revision", Value::Integer(update.revision.into())),
        (":now", Value::Text(timestamp(Utc::now()))),
    ]);
    let changed = execute_named(
        &tx,
        "UPDATE plan SET revision = revision + 1, name = :name,
             interval_count = :interval_count, interval_unit = :interval_unit,
             due_soon_days = :due_soon_days, grace_days = :grace_days, provider = :provider,
             external_lab = :external_lab, lead_time_days = :lead_time_days,
             assignee = :assignee, paused = :paused, next_due = :next_due,
             due_soon_from = :due_soon_from, overdue_from = :overdue_from, updated_at = :now
         WHERE id = :id AND revision = :revision",
        &params,
    )?;
    if changed == 0 {
        get(&tx, update.id)?;
        return Err(Error::StaleRevision {
            what: "plan",
            revision: update.revision,
        });
    }
    let plan = get(&tx, update.id)?;
    tx.commit()?;
    Ok(plan)
}

/// Moves a plan's due date (and the columns derived from it) after a calibration, as a
/// new revision, so an edit started before it cannot put the old date back.
pub(crate) fn set_next_due(
    conn: &Connection,
    plan: &Plan,
    next_due: Option<NaiveDate>,
    last_performed_on: NaiveDate,
    last_result: CalibrationResult,
) -> Result<()> {
    let (due_soon_from, overdue_from) = windows(&plan.fields, next_due);
    conn.prepare_cached(
        "UPDATE plan SET revision = revision + 1, next_due = ?, due_soon_from = ?,
             overdue_from = ?, last_performed_on = ?, last_result = ?, updated_at = ?
         WHERE id = ?",
    )?
    .execute(rusqlite::params![
        opt_date(next_due),
        due_soon_from,
        overdue_from,
        date(last_performed_on),
        last_result.key(),
        timestamp(Utc::now()),
        plan.id.to_string(),
    ])?;
    Ok(())
}

/// The stored `due_soon_from` and `overdue_from` for a due date and the plan's windows.
fn windows(fields: &PlanFields, next_due: Option<NaiveDate>) -> (Value, Value) {
    let Some(due) = next_due else {
        return (Value::Null, Value::Null);
    };
    let soon = due
        .checked_sub_days(Days::new(fields.due_soon_window().into()))
        .unwrap_or(NaiveDate::MIN);
    let overdue = due
        .checked_add_days(Days::new(u64::from(fields.grace_days) + 1))
        .unwrap_or(NaiveDate::MAX);
    (Value::Text(date(soon)), Value::Text(date(overdue)))
}

fn field_params(valid: &ValidPlan) -> Vec<(&'static str, Value)> {
    let fields = valid.fields();
    let (due_soon_from, overdue_from) = windows(fields, fields.next_due);
    let text = |value: &str| Value::Text(value.to_owned());
    vec![
        (":name", text(&fields.name)),
        (
            ":interval_count",
            Value::Integer(fields.interval_count.into()),
        ),
        (":interval_unit", text(fields.interval_unit.key())),
        (
            ":due_soon_days",
            Value::Integer(fields.due_soon_days.into()),
        ),
        (":grace_days", Value::Integer(fields.grace_days.into())),
        (":provider", text(fields.provider.key())),
        (":external_lab", text(&fields.external_lab)),
        (
            ":lead_time_days",
            Value::Integer(fields.lead_time_days.into()),
        ),
        (":assignee", text(&fields.assignee)),
        (":paused", Value::Integer(fields.paused.into())),
        (":next_due", opt_date(fields.next_due)),
        (":due_soon_from", due_soon_from),
        (":overdue_from", overdue_from),
    ]
}

fn plan_from_row(row: &Row<'_>) -> rusqlite::Result<Plan> {
    Ok(Plan {
        id: text_at(row, 0)?,
        equipment_id: text_at(row, 1)?,
        revision: row.get(2)?,
        fields: PlanFields {
            name: row.get(3)?,
            interval_count: row.get(4)?,
            interval_unit: key_at(row, 5, IntervalUnit::from_key)?,
            due_soon_days: row.get(6)?,
            grace_days: row.get(7)?,
            provider: key_at(row, 8, Provider::from_key)?,
            external_lab: row.get(9)?,
            lead_time_days: row.get(10)?,
            assignee: row.get(11)?,
            paused: row.get(12)?,
            next_due: opt_text_at(row, 13)?,
        },
        last_performed_on: opt_text_at(row, 14)?,
        created_at: timestamp_at(row, 15)?,
        updated_at: timestamp_at(row, 16)?,
    })
}
