//! Calibration plans, records, the due list and the calendar on a real SQLite file.

use benchlog_domain::due::{CalendarMonth, CalendarQuery, DueQuery};
use benchlog_domain::equipment::{EquipmentFields, EquipmentId, EquipmentStatus};
use benchlog_domain::page::Page;
use benchlog_domain::plan::{NewPlan, Plan, PlanFields, PlanUpdate};
use benchlog_domain::record::{
    CalibrationRecord, NewRecord, PointFields, RecordAmendment, RecordFields, RecordOutcome,
    RecordQuery,
};
use benchlog_domain::schedule::PlanState;
use benchlog_domain::tolerance::CalibrationResult;
use benchlog_storage::{Error, Store};
use chrono::NaiveDate;
use rusqlite::Connection;
use tempfile::TempDir;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

struct Lab {
    dir: TempDir,
    store: Store,
}

impl Lab {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("benchlog.sqlite3")).unwrap();
        Lab { dir, store }
    }

    fn item(&self, tag: &str, reference_standard: bool) -> EquipmentId {
        let fields = EquipmentFields {
            asset_tag: tag.into(),
            name: format!("Item {tag}"),
            location: format!("Lab {}", &tag[tag.len() - 1..]),
            reference_standard,
            ..EquipmentFields::default()
        };
        self.store.create_equipment(&fields).unwrap().id
    }

    fn plan(&self, equipment_id: EquipmentId, next_due: Option<&str>) -> Plan {
        let fields = PlanFields {
            next_due: next_due.map(day),
            ..PlanFields::default()
        };
        self.store
            .create_plan(&NewPlan {
                equipment_id,
                fields,
            })
            .unwrap()
    }

    fn record(
        &self,
        plan: &Plan,
        on: &str,
        found: &str,
        left: &str,
    ) -> benchlog_domain::record::RecordOutcome {
        let fields = RecordFields {
            performed_on: Some(day(on)),
            performed_by: "Ana".into(),
            points: vec![point(found, left)],
            ..RecordFields::default()
        };
        let new = NewRecord {
            plan_id: plan.id,
            fields,
        };
        self.store
            .record_calibration(&new, day("2026-11-25"))
            .unwrap()
    }

    /// The first page of an item's history.
    fn history(&self, item: EquipmentId) -> Page<CalibrationRecord> {
        self.store
            .list_records(&RecordQuery {
                equipment_id: item,
                page: 0,
            })
            .unwrap()
    }

    fn raw(&self) -> Connection {
        Connection::open(self.dir.path().join("benchlog.sqlite3")).unwrap()
    }
}

fn point(found: &str, left: &str) -> PointFields {
    PointFields {
        description: "10 V DC".into(),
        nominal: "10.000".into(),
        unit: "V".into(),
        tolerance: "0.010".into(),
        as_found: found.into(),
        as_left: left.into(),
        ..PointFields::default()
    }
}

#[test]
fn a_passing_calibration_rolls_the_due_date_from_the_day_performed() {
    let lab = Lab::new();
    let item = lab.item("0042", false);
    let plan = lab.plan(item, Some("2026-12-31"));

    // Early: the next due date counts from the day performed, not the old due date.
    let outcome = lab.record(&plan, "2026-11-20", "10.004", "");
    assert_eq!(outcome.record.details.result, CalibrationResult::Pass);
    assert_eq!(outcome.plan.fields.next_due, Some(day("2027-11-20")));
    assert_eq!(outcome.plan.last_performed_on, Some(day("2026-11-20")));
    assert!(!outcome.out_of_tolerance);

    // An older record entered late keeps the newer schedule.
    let late = lab.record(&plan, "2025-11-01", "10.001", "");
    assert_eq!(late.plan.fields.next_due, Some(day("2027-11-20")));

    let history = lab.history(item);
    let dates: Vec<NaiveDate> = history
        .items
        .iter()
        .map(|r| r.details.performed_on)
        .collect();
    assert_eq!(dates, [day("2026-11-20"), day("2025-11-01")]);
    // Readings keep their digits: "10.000" is not "10".
    assert_eq!(
        history.items[0].details.points[0].nominal.to_string(),
        "10.000"
    );
}

#[test]
fn a_failing_calibration_keeps_the_due_date_and_flags_the_item() {
    let lab = Lab::new();
    let item = lab.item("0043", false);
    let plan = lab.plan(item, Some("2026-11-30"));

    let failed = lab.record(&plan, "2026-11-24", "10.030", "10.020");
    assert_eq!(failed.record.details.result, CalibrationResult::Fail);
    assert!(failed.out_of_tolerance);
    assert_eq!(failed.plan.fields.next_due, Some(day("2026-11-30")));
    assert!(lab.store.get_equipment(item).unwrap().out_of_tolerance);

    // Adjusted and left in tolerance: rolls and clears the flag.
    let fixed = lab.record(&plan, "2026-11-25", "10.030", "10.002");
    assert_eq!(fixed.record.details.result, CalibrationResult::Adjusted);
    assert_eq!(fixed.plan.fields.next_due, Some(day("2027-11-25")));
    assert!(!lab.store.get_equipment(item).unwrap().out_of_tolerance);
}

#[test]
fn bad_records_are_refused_whole() {
    let lab = Lab::new();
    let item = lab.item("0044", false);
    let plan = lab.plan(item, None);
    let fields = RecordFields {
        performed_on: Some(day("2026-11-26")),
        performed_by: "Ana".into(),
        points: vec![point("10.0", "x")],
        result: Some(CalibrationResult::Pass),
        ..RecordFields::default()
    };
    let error = lab
        .store
        .record_calibration(
            &NewRecord {
                plan_id: plan.id,
                fields,
            },
            day("2026-11-25"),
        )
        .unwrap_err();
    let Error::Invalid(errors) = error else {
        panic!("expected Invalid, got {error:?}");
    };
    let keys: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(keys, ["performed_on", "points.0.as_left"]);
    let count: i64 = lab
        .raw()
        .query_row("SELECT count(*) FROM calibration_record", [], |row| {
            row.get(0)
        })
        .unwrap();
    assert_eq!(count, 0);
}

#[test]
fn records_are_permanent_and_items_with_history_cannot_be_deleted() {
    let lab = Lab::new();
    let item = lab.item("0045", false);
    let plan = lab.plan(item, None);
    lab.record(&plan, "2026-11-01", "10.000", "");
    let raw = lab.raw();
    for sql in [
        "UPDATE calibration_record SET result = 'pass'",
        "DELETE FROM calibration_record",
        "DELETE FROM measurement_point",
    ] {
        let error = raw.execute(sql, []).unwrap_err().to_string();
        assert!(
            error.contains("calibration records are permanent"),
            "{sql}: {error}"
        );
    }
    let error = lab.store.delete_equipment(item).unwrap_err();
    assert!(matches!(error, Error::EquipmentInUse(_)), "{error:?}");
}

#[test]
fn standards_must_be_reference_standards_and_overdue_ones_are_warned_about() {
    let lab = Lab::new();
    let item = lab.item("0046", false);
    let standard = lab.item("STD1", true);
    lab.plan(standard, Some("2026-01-01"));
    let not_a_standard = lab.item("0047", false);
    let plan = lab.plan(item, None);
    let with = |standards: Vec<EquipmentId>| NewRecord {
        plan_id: plan.id,
        fields: RecordFields {
            performed_on: Some(day("2026-11-01")),
            performed_by: "Ana".into(),
            result: Some(CalibrationResult::Pass),
            standards,
            ..RecordFields::default()
        },
    };

    let error = lab
        .store
        .record_calibration(&with(vec![not_a_standard]), day("2026-11-25"))
        .unwrap_err();
    assert!(
        matches!(&error, Error::Invalid(e) if e[0].message == "0047 is not a reference standard")
    );

    let outcome = lab
        .store
        .record_calibration(&with(vec![standard]), day("2026-11-25"))
        .unwrap();
    assert_eq!(outcome.overdue_standards, ["STD1"]);
    assert_eq!(outcome.record.details.standards, [standard]);
}

#[test]
fn plans_update_with_revisions_and_validate() {
    let lab = Lab::new();
    let item = lab.item("0048", false);
    let plan = lab.plan(item, Some("2026-12-01"));
    let mut fields = plan.fields.clone();
    fields.interval_count = 6;
    let update = PlanUpdate {
        id: plan.id,
        revision: plan.revision,
        fields,
    };
    assert_eq!(lab.store.update_plan(&update).unwrap().revision, 2);
    assert!(matches!(
        lab.store.update_plan(&update),
        Err(Error::StaleRevision { what: "plan", .. })
    ));
    let bad = PlanUpdate {
        revision: 2,
        fields: PlanFields {
            interval_count: 0,
            ..plan.fields.clone()
        },
        ..update
    };
    assert!(matches!(
        lab.store.update_plan(&bad),
        Err(Error::Invalid(_))
    ));
    assert_eq!(lab.store.list_plans(item).unwrap().len(), 1);
}

#[test]
fn the_due_list_orders_states_and_leaves_out_inactive_and_paused_plans() {
    let lab = Lab::new();
    let today = day("2026-11-25");
    let overdue = lab.item("OVR1", false);
    let never = lab.item("NEW2", false);
    let soon = lab.item("SOON3", false);
    let later = lab.item("LATE4", false);
    let retired = lab.item("RET5", false);
    let paused = lab.item("PAU6", false);
    lab.plan(later, Some("2027-06-01"));
    lab.plan(soon, Some("2026-12-10"));
    lab.plan(never, None);
    lab.plan(overdue, Some("2026-10-01"));
    lab.plan(retired, Some("2026-01-01"));
    let paused_plan = lab.plan(paused, Some("2026-01-01"));
    lab.store
        .update_plan(&PlanUpdate {
            id: paused_plan.id,
            revision: paused_plan.revision,
            fields: PlanFields {
                paused: true,
                ..paused_plan.fields.clone()
            },
        })
        .unwrap();
    lab.store
        .set_equipment_status(retired, EquipmentStatus::Retired)
        .unwrap();

    let list = |query: DueQuery| {
        let page = lab.store.list_due(&query, today).unwrap();
        let rows: Vec<(String, PlanState)> = page
            .items
            .into_iter()
            .map(|i| (i.asset_tag, i.state))
            .collect();
        (page.total, rows)
    };
    let (total, rows) = list(DueQuery::default());
    assert_eq!(total, 4);
    assert_eq!(
        rows,
        [
            ("OVR1".to_owned(), PlanState::Overdue),
            ("NEW2".to_owned(), PlanState::NeverDone),
            ("SOON3".to_owned(), PlanState::DueSoon),
            ("LATE4".to_owned(), PlanState::Ok),
        ]
    );
    let paused_only = list(DueQuery {
        state: Some(PlanState::Paused),
        ..DueQuery::default()
    });
    assert_eq!(paused_only.1, [("PAU6".to_owned(), PlanState::Paused)]);
    let in_lab_3 = list(DueQuery {
        location: "lab 3".into(),
        ..DueQuery::default()
    });
    assert_eq!(in_lab_3.1, [("SOON3".to_owned(), PlanState::DueSoon)]);
    let facets = lab.store.facets().unwrap();
    assert_eq!(facets.locations[..3], ["Lab 1", "Lab 2", "Lab 3"]);
    assert!(facets.departments.is_empty());
    let december = list(DueQuery {
        due_from: Some(day("2026-12-01")),
        due_to: Some(day("2026-12-31")),
        ..DueQuery::default()
    });
    assert_eq!(december.1, [("SOON3".to_owned(), PlanState::DueSoon)]);

    // Active again, the retired item is back with the due date it had.
    lab.store
        .set_equipment_status(retired, EquipmentStatus::Active)
        .unwrap();
    let (total, rows) = list(DueQuery::default());
    assert_eq!(total, 5);
    assert_eq!(rows[0], ("RET5".to_owned(), PlanState::Overdue));
}

#[test]
fn due_list_pages_run_across_states() {
    let lab = Lab::new();
    let items: Vec<EquipmentId> = (0..70)
        .map(|n| lab.item(&format!("E{n:03}"), false))
        .collect();
    for (n, item) in items.iter().enumerate() {
        // 40 overdue, then 30 upcoming.
        let due = if n < 40 { "2026-01-15" } else { "2027-05-01" };
        lab.plan(*item, Some(due));
    }
    let page = |page| {
        lab.store
            .list_due(
                &DueQuery {
                    page,
                    ..DueQuery::default()
                },
                day("2026-11-25"),
            )
            .unwrap()
    };
    let first = page(0);
    assert_eq!((first.total, first.items.len()), (70, 50));
    assert_eq!(first.items[39].state, PlanState::Overdue);
    assert_eq!(first.items[40].state, PlanState::Ok);
    let second = page(1);
    assert_eq!(second.items.len(), 20);
    assert!(second.items.iter().all(|i| i.state == PlanState::Ok));
    let mut seen: Vec<String> = first
        .items
        .into_iter()
        .chain(second.items)
        .map(|i| i.asset_tag)
        .collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 70);
}

#[test]
fn the_calendar_counts_each_day_and_names_the_first_few() {
    let lab = Lab::new();
    for n in 0..6 {
        let item = lab.item(&format!("C{n}"), false);
        lab.plan(item, Some(if n < 5 { "2026-12-03" } else { "2026-12-24" }));
    }
    let other_month = lab.item("C9", false);
    lab.plan(other_month, Some("2027-01-03"));
    let month = lab
        .store
        .calendar_month(
            &CalendarQuery {
                year: 2026,
                month: 12,
            },
            day("2026-11-25"),
        )
        .unwrap();
    let summary: Vec<(NaiveDate, u32, usize)> = month
        .days
        .iter()
        .map(|d| (d.date, d.total, d.items.len()))
        .collect();
    assert_eq!(
        summary,
        [
            (day("2026-12-03"), 5, CalendarMonth::ITEMS_PER_DAY),
            (day("2026-12-24"), 1, 1)
        ]
    );
    // Eight days ahead and inside the 30-day window.
    assert_eq!(month.days[0].items[0].state, PlanState::DueSoon);
}

#[test]
fn an_amendment_adds_a_version_and_the_plan_rolls_from_it() {
    let lab = Lab::new();
    let item = lab.item("A1", false);
    let plan = lab.plan(item, None);
    let saved = lab.record(&plan, "2026-11-20", "10.004", "").record;

    // The technician typed the wrong day: the correction keeps the first version.
    let mut fields = saved.details.to_fields();
    fields.performed_on = Some(day("2026-11-10"));
    fields.certificate_number = "C-77".into();
    let amendment = RecordAmendment {
        record_id: saved.id,
        reason: "Wrong date typed".into(),
        fields,
    };
    let outcome = lab
        .store
        .amend_record(&amendment, day("2026-11-25"))
        .unwrap();
    assert_eq!(outcome.record.id, saved.id);
    assert_eq!(outcome.record.details.performed_on, day("2026-11-10"));
    assert_eq!(outcome.record.amendments.len(), 1);
    assert_eq!(outcome.record.amendments[0].reason, "Wrong date typed");
    assert_eq!(outcome.record.amendments[0].previous, saved.details);
    assert_eq!(outcome.plan.fields.next_due, Some(day("2027-11-10")));

    let history = lab.history(item);
    assert_eq!(history.total, 1, "versions are one record");
    assert_eq!(history.items[0], outcome.record);

    let no_reason = RecordAmendment {
        reason: " ".into(),
        ..amendment
    };
    let error = lab
        .store
        .amend_record(&no_reason, day("2026-11-25"))
        .unwrap_err();
    assert!(
        matches!(&error, Error::Invalid(e) if e[0].field == "reason"),
        "{error:?}"
    );
}

#[test]
fn an_item_stays_out_of_tolerance_while_any_plan_failed_last() {
    let lab = Lab::new();
    let item = lab.item("T1", false);
    let calibration = lab.plan(item, None);
    let safety = lab.plan(item, None);
    // A first calibration that fails is due at once: not fit for use.
    let failed = lab.record(&calibration, "2026-11-01", "10.05", "10.05");
    assert_eq!(failed.plan.fields.next_due, Some(day("2026-11-01")));
    assert!(failed.out_of_tolerance);
    // Another plan passing does not make the failed calibration good.
    let passed = lab.record(&safety, "2026-11-02", "10.001", "");
    assert!(passed.out_of_tolerance);
    assert!(lab.store.get_equipment(item).unwrap().out_of_tolerance);
    lab.record(&calibration, "2026-11-03", "10.05", "10.001");
    assert!(!lab.store.get_equipment(item).unwrap().out_of_tolerance);
}

#[test]
fn a_standard_is_judged_as_it_stood_on_the_day_it_was_used() {
    let lab = Lab::new();
    let standard = lab.item("STD2", true);
    let standard_plan = lab.plan(standard, None);
    lab.record(&standard_plan, "2025-01-01", "10.000", "");
    // Recalibrated since: due in 2027 now, but overdue through February 2026.
    lab.record(&standard_plan, "2026-03-01", "10.000", "");
    let item = lab.item("U1", false);
    let plan = lab.plan(item, None);
    let used_on = |on: &str| NewRecord {
        plan_id: plan.id,
        fields: RecordFields {
            performed_on: Some(day(on)),
            performed_by: "Ana".into(),
            result: Some(CalibrationResult::Pass),
            standards: vec![standard],
            ..RecordFields::default()
        },
    };
    let during_lapse = lab
        .store
        .record_calibration(&used_on("2026-02-01"), day("2026-11-25"))
        .unwrap();
    assert_eq!(during_lapse.overdue_standards, ["STD2"]);
    let after = lab
        .store
        .record_calibration(&used_on("2026-04-01"), day("2026-11-25"))
        .unwrap();
    assert!(after.overdue_standards.is_empty());
    let used = &after.record.standards_used;
    assert_eq!(
        (used.len(), used[0].asset_tag.as_str(), used[0].id),
        (1, "STD2", standard)
    );
    let error = lab
        .raw()
        .execute("DELETE FROM record_standard", [])
        .unwrap_err();
    assert!(error.to_string().contains("permanent"));
}

/// Amends a record with `change` applied to what it says now.
fn amend(
    lab: &Lab,
    record: &CalibrationRecord,
    change: impl FnOnce(&mut RecordFields),
) -> RecordOutcome {
    let mut fields = record.details.to_fields();
    change(&mut fields);
    let amendment = RecordAmendment {
        record_id: record.id,
        reason: "Correction".into(),
        fields,
    };
    lab.store
        .amend_record(&amendment, day("2026-11-25"))
        .unwrap()
}

#[test]
fn records_of_the_same_day_keep_their_order_when_one_is_amended() {
    let lab = Lab::new();
    let item = lab.item("S1", false);
    let plan = lab.plan(item, Some("2026-12-01"));
    let failed = lab.record(&plan, "2026-11-10", "10.05", "10.05").record;
    let repaired = lab.record(&plan, "2026-11-10", "10.05", "10.001");
    assert_eq!(repaired.plan.fields.next_due, Some(day("2027-11-10")));

    // Correcting the earlier record's certificate number must not make it the newest.
    let outcome = amend(&lab, &failed, |fields| {
        fields.certificate_number = "C-1".into()
    });
    assert_eq!(outcome.plan.fields.next_due, Some(day("2027-11-10")));
    assert!(!lab.store.get_equipment(item).unwrap().out_of_tolerance);
    let history = lab.history(item);
    let ids: Vec<_> = history.items.iter().map(|r| r.id).collect();
    assert_eq!(ids, [repaired.record.id, failed.id]);
}

#[test]
fn a_failing_newest_record_keeps_the_due_date_its_last_pass_gave() {
    let lab = Lab::new();
    let item = lab.item("F1", false);
    let plan = lab.plan(item, None);
    let passed = lab.record(&plan, "2026-03-01", "10.001", "").record;
    // Entered late: older than the pass, so it changes nothing yet.
    let late_fail = lab.record(&plan, "2026-02-01", "10.05", "10.05");
    assert_eq!(late_fail.plan.fields.next_due, Some(day("2027-03-01")));

    // The pass was really on 2026-01-15: the failing record is now the newest, and the due
    // date is the one the corrected pass gives.
    let outcome = amend(&lab, &passed, |fields| {
        fields.performed_on = Some(day("2026-01-15"))
    });
    assert_eq!(outcome.plan.fields.next_due, Some(day("2027-01-15")));
    assert!(outcome.out_of_tolerance);
}

#[test]
fn standards_are_judged_before_their_first_record_and_stay_amendable() {
    let lab = Lab::new();
    let standard = lab.item("STD3", true);
    let standard_plan = lab.plan(standard, Some("2026-01-01"));
    let item = lab.item("V1", false);
    let plan = lab.plan(item, None);
    // The standard is calibrated on 2026-03-01, then a use from February is entered.
    lab.record(&standard_plan, "2026-03-01", "10.000", "");
    let used = NewRecord {
        plan_id: plan.id,
        fields: RecordFields {
            performed_on: Some(day("2026-02-15")),
            performed_by: "Ana".into(),
            result: Some(CalibrationResult::Pass),
            standards: vec![standard],
            ..RecordFields::default()
        },
    };
    let outcome = lab
        .store
        .record_calibration(&used, day("2026-11-25"))
        .unwrap();
    assert_eq!(outcome.overdue_standards, ["STD3"]);

    // No longer a standard today; the record that used it can still be corrected.
    let mut fields = lab.store.get_equipment(standard).unwrap();
    fields.fields.reference_standard = false;
    lab.store
        .update_equipment(&benchlog_domain::equipment::EquipmentUpdate {
            id: standard,
            revision: fields.revision,
            fields: fields.fields,
        })
        .unwrap();
    let amended = amend(&lab, &outcome.record, |fields| fields.notes = "Typo".into());
    assert_eq!(amended.record.details.standards, [standard]);
}
