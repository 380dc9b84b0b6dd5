use benchlog_domain::error::ApiError;
use benchlog_domain::plan::PlanFields;
use benchlog_domain::record::CalibrationRecord;

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn plan(provider: Provider) -> Plan {
    Plan {
        id: "0190a0b0-0000-7000-8000-000000000001".parse().unwrap(),
        equipment_id: "0190a0b0-0000-7000-8000-000000000042".parse().unwrap(),
        revision: 1,
        fields: PlanFields {
            provider,
            external_lab: "Acme Metrology".into(),
            ..PlanFields::default()
        },
        last_performed_on: None,
        created_at: Default::default(),
        updated_at: Default::default(),
    }
}

fn run(actions: impl IntoIterator<Item = RecordAction>) -> RecordState {
    let mut state = Rc::new(RecordState::new(&plan(Provider::Internal), today()));
    for action in actions {
        state = state.reduce(action);
    }
    (*state).clone()
}

fn keys(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.field.as_str()).collect()
}

#[test]
fn a_new_record_is_done_today_by_the_plans_provider() {
    let state = RecordState::new(&plan(Provider::External), today());
    assert_eq!(state.performed_on, "2026-11-25");
    assert_eq!(state.fields.performed_on, Some(today()));
    assert_eq!(state.fields.provider, Provider::External);
    assert_eq!(state.fields.external_lab, "Acme Metrology");
}

#[test]
fn points_give_a_result_and_new_rows_keep_unit_and_kind() {
    let state = run([
        RecordAction::AddPoint,
        RecordAction::Point(0, PointText::Nominal, "10".into()),
        RecordAction::Point(0, PointText::Unit, "V".into()),
        RecordAction::Point(0, PointText::Tolerance, "0.1".into()),
        RecordAction::Point(0, PointText::AsFound, "10.3".into()),
        RecordAction::Point(0, PointText::AsLeft, "10.05".into()),
        RecordAction::AddPoint,
    ]);
    // The second row does not parse yet; the first alone gives the result.
    assert_eq!(state.derived_result(), Some(CalibrationResult::Adjusted));
    assert_eq!(state.fields.points[1].unit, "V");
    assert_eq!(state.row_keys, [0, 1]);
    let state = run([
        RecordAction::AddPoint,
        RecordAction::AddPoint,
        RecordAction::RemovePoint(0),
    ]);
    assert_eq!(state.row_keys, [1]);
}

#[test]
fn a_date_that_is_not_a_date_says_so_and_keeps_its_text() {
    let state = run([
        RecordAction::Text(RecordText::PerformedOn, "25/11/2026".into()),
        RecordAction::Text(RecordText::PerformedBy, "Ana".into()),
        RecordAction::Result(Some(CalibrationResult::Pass)),
        RecordAction::Submit(Submit::Invalid),
    ]);
    let errors = state.errors(today());
    assert_eq!(keys(&errors), ["performed_on"]);
    assert_eq!(errors[0].message, "Enter a date like 2026-11-25");
    assert_eq!(state.performed_on, "25/11/2026");
}

#[test]
fn the_first_error_in_the_form_takes_focus() {
    let state = run([
        RecordAction::AddPoint,
        RecordAction::Point(0, PointText::Nominal, "ten".into()),
        RecordAction::Submit(Submit::Invalid),
    ]);
    let errors = state.errors(today());
    let first = crate::forms::first_in_form_order(&errors, rank).unwrap();
    assert_eq!(first.field, "performed_by");
    assert_eq!(input_for("points.0.nominal"), "point-0-nominal");
    assert_eq!(input_for("temperature"), "record-field-temperature");
    assert_eq!(input_for("points"), "add-point");
    assert!(rank("points.0.as_left") < rank("points.1.description"));
    assert!(rank("notes") < rank("points.0.description"));
    assert!(rank("points.3.as_left") < rank("result"));
}

#[test]
fn standards_are_added_once_and_removed() {
    let item = EquipmentSummary {
        id: "0190a0b0-0000-7000-8000-000000000007".parse().unwrap(),
        asset_tag: "0007".into(),
        name: "Reference resistor".into(),
        manufacturer: String::new(),
        model: String::new(),
        serial_number: String::new(),
        location: String::new(),
        status: Default::default(),
        reference_standard: true,
        out_of_tolerance: false,
        updated_at: Default::default(),
    };
    let state = run([
        RecordAction::AddStandard(item.clone()),
        RecordAction::AddStandard(item.clone()),
    ]);
    assert_eq!(state.fields.standards, [item.id]);
    let state = (*Rc::new(state).reduce(RecordAction::RemoveStandard(item.id))).clone();
    assert!(state.fields.standards.is_empty() && state.standards.is_empty());
}

#[test]
fn the_outcome_names_the_next_due_date_and_overdue_standards() {
    let mut plan = plan(Provider::Internal);
    plan.fields.next_due = NaiveDate::from_ymd_opt(2027, 11, 25);
    let record: CalibrationRecord = CalibrationRecord {
        id: "0190a0b0-0000-7000-8000-0000000000aa".parse().unwrap(),
        plan_id: plan.id,
        plan_name: "Calibration".into(),
        equipment_id: plan.equipment_id,
        details: RecordFields {
            performed_on: Some(today()),
            performed_by: "Ana".into(),
            result: Some(CalibrationResult::Pass),
            ..RecordFields::default()
        }
        .validate(today())
        .unwrap(),
        created_at: Default::default(),
        amendments: Vec::new(),
        standards_used: Vec::new(),
        certificate_count: 0,
    };
    let mut outcome = RecordOutcome {
        record,
        plan,
        overdue_standards: vec!["0007".into()],
        out_of_tolerance: false,
    };
    let (message, warning) = outcome_notices(&outcome, false);
    assert_eq!(message, "Recorded · next due 2027-11-25");
    assert_eq!(
        warning.as_deref(),
        Some("Standard 0007 was overdue on the day it was used")
    );
    outcome.plan.fields.next_due = None;
    outcome.overdue_standards = vec!["0007".into(), "0009".into()];
    let (message, warning) = outcome_notices(&outcome, false);
    assert_eq!(message, "Recorded");
    assert_eq!(
        warning.as_deref(),
        Some("Standards 0007 and 0009 were overdue on the day they were used")
    );
    outcome.overdue_standards = vec!["0007".into()];
    let (message, warning) = outcome_notices(&outcome, true);
    assert_eq!(message, "Amended");
    assert!(warning.is_some());
}

fn saved_record() -> CalibrationRecord {
    let point = PointFields {
        description: "10 V DC".into(),
        nominal: "10".into(),
        unit: "V".into(),
        tolerance: "0.1".into(),
        as_found: "10.3".into(),
        as_left: "10.05".into(),
        ..PointFields::default()
    };
    let details = RecordFields {
        performed_on: NaiveDate::from_ymd_opt(2026, 11, 20),
        performed_by: "Ana".into(),
        certificate_number: "C-118".into(),
        points: vec![point.clone(), point],
        ..RecordFields::default()
    }
    .validate(today())
    .unwrap();
    CalibrationRecord {
        id: "0190a0b0-0000-7000-8000-0000000000aa".parse().unwrap(),
        plan_id: plan(Provider::Internal).id,
        plan_name: "Calibration".into(),
        equipment_id: plan(Provider::Internal).equipment_id,
        details,
        created_at: Default::default(),
        amendments: Vec::new(),
        standards_used: Vec::new(),
        certificate_count: 0,
    }
}

fn amend(actions: impl IntoIterator<Item = RecordAction>) -> RecordState {
    let mut state = Rc::new(RecordState::amend(&saved_record()));
    for action in actions {
        state = state.reduce(action);
    }
    (*state).clone()
}

#[test]
fn an_amendment_starts_from_the_record_as_saved() {
    let record = saved_record();
    let state = amend([]);
    assert_eq!(state.amending, Some(record.id));
    assert_eq!(state.performed_on, "2026-11-20");
    assert_eq!(state.fields, record.details.to_fields());
    assert_eq!(state.row_keys, [0, 1]);
    // A new row gets a key of its own.
    assert_eq!(amend([RecordAction::AddPoint]).row_keys, [0, 1, 2]);
    // Unchanged, it validates back to the same details.
    assert_eq!(state.fields.validate(today()), Ok(record.details));
}

#[test]
fn an_amendment_needs_a_reason_which_comes_first() {
    let state = amend([
        RecordAction::Text(RecordText::PerformedBy, String::new()),
        RecordAction::Submit(Submit::Invalid),
    ]);
    let errors = state.errors(today());
    assert_eq!(keys(&errors), ["reason", "performed_by"]);
    let first = crate::forms::first_in_form_order(&errors, rank).unwrap();
    assert_eq!(first.field, "reason");
    assert_eq!(input_for("reason"), "record-field-reason");
    let state = amend([
        RecordAction::Text(RecordText::Reason, "Certificate number mistyped".into()),
        RecordAction::Text(RecordText::CertificateNumber, "C-119".into()),
    ]);
    assert_eq!(state.check(today()), Ok(()));
    let amendment = state.amendment(saved_record().id);
    assert_eq!(amendment.reason, "Certificate number mistyped");
    assert_eq!(amendment.fields.certificate_number, "C-119");
}

#[test]
fn a_new_record_asks_no_reason() {
    let state = run([
        RecordAction::Text(RecordText::PerformedBy, "Ana".into()),
        RecordAction::Result(Some(CalibrationResult::Pass)),
    ]);
    assert_eq!(state.amending, None);
    assert_eq!(state.check(today()), Ok(()));
}

#[test]
fn the_shells_message_about_the_reason_shows_under_it() {
    let state = amend([
        RecordAction::Submit(Submit::Started(crate::forms::Saving)),
        RecordAction::Submit(Submit::Failed(ApiError::Validation {
            errors: vec![FieldError {
                field: "reason".into(),
                message: "Reason is required".into(),
            }],
        })),
    ]);
    assert_eq!(state.feedback.problem, None);
    let state = Rc::new(state).reduce(RecordAction::Text(RecordText::Reason, "Typo".into()));
    assert!(state.feedback.errors(Vec::new).is_empty());
}

#[test]
fn an_amendment_starts_with_the_standards_the_record_names() {
    let standard = StandardUsed {
        id: "0190a0b0-0000-7000-8000-000000000007".parse().unwrap(),
        asset_tag: "STD1".into(),
        name: "Voltage reference".into(),
    };
    let mut record = saved_record();
    record.details.standards = vec![standard.id];
    record.standards_used = vec![standard.clone()];
    let state = Rc::new(RecordState::amend(&record));
    assert_eq!(state.standards, std::slice::from_ref(&standard));
    assert_eq!(state.fields.standards, [standard.id]);
    let state = state.reduce(RecordAction::RemoveStandard(standard.id));
    assert!(state.standards.is_empty() && state.fields.standards.is_empty());
}

#[test]
fn each_text_input_writes_its_own_field_under_its_own_key() {
    let mut state = Rc::new(RecordState::amend(&saved_record()));
    for field in RecordText::ALL {
        state = state.reduce(RecordAction::Text(*field, format!("typed {}", field.key())));
    }
    let fields = &state.fields;
    let typed = [
        (&state.reason, "reason"),
        (&state.performed_on, "performed_on"),
        (&fields.performed_by, "performed_by"),
        (&fields.external_lab, "external_lab"),
        (&fields.procedure, "procedure"),
        (&fields.certificate_number, "certificate_number"),
        (&fields.temperature, "temperature"),
        (&fields.humidity, "humidity"),
        (&fields.notes, "notes"),
    ];
    for (text, key) in typed {
        assert_eq!(*text, format!("typed {key}"));
    }
    for field in PointText::ALL {
        state = state.reduce(RecordAction::Point(
            1,
            *field,
            format!("typed {}", field.key()),
        ));
    }
    let point = &state.fields.points[1];
    let typed = [
        (&point.description, "description"),
        (&point.nominal, "nominal"),
        (&point.unit, "unit"),
        (&point.tolerance, "tolerance"),
        (&point.tolerance_upper, "tolerance_upper"),
        (&point.as_found, "as_found"),
        (&point.as_left, "as_left"),
    ];
    for (text, key) in typed {
        assert_eq!(*text, format!("typed {key}"));
    }
    assert_eq!(
        state.fields.points[0],
        saved_record().details.to_fields().points[0]
    );
}
