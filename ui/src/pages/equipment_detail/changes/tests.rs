use benchlog_domain::record::{PointFields, RecordFields};
use benchlog_domain::tolerance::CalibrationResult;
use chrono::NaiveDate;

use super::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn fields() -> RecordFields {
    RecordFields {
        performed_on: Some(day(20)),
        performed_by: "Ana".into(),
        certificate_number: "C-118".into(),
        result: Some(CalibrationResult::Pass),
        ..RecordFields::default()
    }
}

fn details(fields: &RecordFields) -> RecordDetails {
    fields.validate(day(25)).unwrap()
}

fn field(label: &'static str, before: &str, after: &str) -> Change {
    Change::Field {
        label,
        before: before.into(),
        after: after.into(),
    }
}

#[test]
fn nothing_changed_is_no_change() {
    let same = details(&fields());
    assert!(changes(&same, &same).is_empty());
}

#[test]
fn summary_fields_read_old_to_new_with_a_dash_for_empty() {
    let before = details(&fields());
    let mut edited = fields();
    edited.performed_on = Some(day(19));
    edited.performed_by = "Ben".into();
    edited.certificate_number = String::new();
    edited.procedure = "WI-12".into();
    edited.notes = "Re-read the certificate".into();
    edited.result = Some(CalibrationResult::Limited);
    edited.temperature = "21.5".into();
    let after = details(&edited);
    assert_eq!(
        changes(&before, &after),
        [
            field("Performed on", "2026-11-20", "2026-11-19"),
            field("Performed by", "Ana", "Ben"),
            field("Procedure", "—", "WI-12"),
            field("Certificate number", "C-118", "—"),
            field("Temperature", "—", "21.5 °C"),
            field("Notes", "—", "Re-read the certificate"),
            field("Result", "Pass", "Limited"),
        ]
    );
}

#[test]
fn points_and_standards_are_named_not_itemised() {
    let before = details(&fields());
    let mut edited = fields();
    edited.points = vec![PointFields {
        nominal: "10".into(),
        tolerance: "0.1".into(),
        as_found: "10.05".into(),
        ..PointFields::default()
    }];
    edited.standards = vec!["0190a0b0-0000-7000-8000-000000000007".parse().unwrap()];
    let after = details(&edited);
    assert_eq!(
        changes(&before, &after),
        [Change::Points, Change::Standards]
    );
    // The same readings typed differently are the same points.
    let mut retyped = edited.clone();
    retyped.points[0].as_found = "10,05".into();
    assert!(changes(&after, &details(&retyped)).is_empty());
}

#[test]
fn the_provider_names_the_lab() {
    let before = details(&fields());
    let mut edited = fields();
    edited.provider = Provider::External;
    edited.external_lab = "Acme Metrology".into();
    assert_eq!(
        changes(&before, &details(&edited)),
        [field("Provider", "Internal", "External: Acme Metrology")]
    );
}

#[test]
fn each_amendment_is_compared_with_the_version_it_made() {
    let first = details(&fields());
    let mut second_fields = fields();
    second_fields.performed_by = "Ben".into();
    let second = details(&second_fields);
    let mut third_fields = second_fields.clone();
    third_fields.certificate_number = "C-119".into();
    let third = details(&third_fields);
    let amendment = |reason: &str, previous: &RecordDetails| Amendment {
        amended_at: Default::default(),
        reason: reason.into(),
        previous: previous.clone(),
    };
    let record = CalibrationRecord {
        id: "0190a0b0-0000-7000-8000-0000000000aa".parse().unwrap(),
        plan_id: "0190a0b0-0000-7000-8000-000000000001".parse().unwrap(),
        plan_name: "Calibration".into(),
        equipment_id: "0190a0b0-0000-7000-8000-000000000042".parse().unwrap(),
        details: third.clone(),
        created_at: Default::default(),
        amendments: vec![amendment("Wrong name", &first), amendment("Typo", &second)],
        standards_used: Vec::new(),
        certificate_count: 0,
    };
    let versions = amended_versions(&record);
    assert_eq!(versions.len(), 2);
    assert_eq!(
        changes(&versions[0].0.previous, versions[0].1),
        [field("Performed by", "Ana", "Ben")]
    );
    assert_eq!(versions[1].0.reason, "Typo");
    assert_eq!(
        changes(&versions[1].0.previous, versions[1].1),
        [field("Certificate number", "C-118", "C-119")]
    );
    let unamended = CalibrationRecord {
        amendments: Vec::new(),
        ..record
    };
    assert!(amended_versions(&unamended).is_empty());
}
