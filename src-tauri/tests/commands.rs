//! The shell's commands through Tauri's real IPC path (mock runtime, the app's own config
//! and capabilities): each command of the contract is registered, permitted, and carries
//! its request, response and error as the UI sees them.

use std::path::Path;

use benchlog_domain::certificate::{AttachFiles, MirrorState};
use benchlog_domain::due::{CalendarQuery, DueQuery};
use benchlog_domain::equipment::{
    Equipment, EquipmentFields, EquipmentQuery, EquipmentStatus, EquipmentUpdate, StatusChange,
};
use benchlog_domain::error::ApiError;
use benchlog_domain::ipc::{
    AttachCertificates, COMMAND_NAMES, CheckCertificates, Command, CreateEquipment, CreatePlan,
    DeleteEquipment, GetCalendarMonth, GetEquipment, GetMirrorStatus, GetSettings,
    ListCertificates, ListDue, ListEquipment, ListPlans, ListRecords, REQUEST_ARGUMENT,
    RecordCalibration, SaveSettings, SetEquipmentStatus, SyncNow, UpdateEquipment,
};
use benchlog_domain::plan::{NewPlan, Plan, PlanFields, PlanId};
use benchlog_domain::record::{NewRecord, RecordFields, RecordOutcome, RecordQuery};
use benchlog_domain::schedule::PlanState;
use benchlog_domain::settings::Settings;
use benchlog_domain::tolerance::CalibrationResult;
use benchlog_shell::{AppState, with_commands};
use serde_json::json;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

struct Shell {
    app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

impl Shell {
    fn start(data_dir: &Path) -> Self {
        let app = with_commands(mock_builder())
            .manage(AppState::open(data_dir))
            .build(tauri::generate_context!())
            .unwrap();
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Shell { app, window }
    }

    fn raw(
        &self,
        command: &str,
        body: serde_json::Value,
    ) -> Result<serde_json::Value, serde_json::Value> {
        let request = InvokeRequest {
            cmd: command.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|body| body.deserialize().unwrap())
    }

    /// The multimeter, with a default plan.
    fn multimeter_with_plan(&self) -> (Equipment, Plan) {
        let item = self.call::<CreateEquipment>(&multimeter()).unwrap();
        let plan = self
            .call::<CreatePlan>(&NewPlan {
                equipment_id: item.id,
                fields: PlanFields::default(),
            })
            .unwrap();
        (item, plan)
    }

    /// Records a calibration of today with just a result, as a technician without
    /// readings would.
    fn record_today(&self, plan_id: PlanId, result: CalibrationResult) -> RecordOutcome {
        let fields = RecordFields {
            performed_on: Some(chrono::Local::now().date_naive()),
            performed_by: "Ana".into(),
            result: Some(result),
            ..RecordFields::default()
        };
        self.call::<RecordCalibration>(&NewRecord { plan_id, fields })
            .unwrap()
    }

    /// Calls `C` as the UI does and decodes the answer as the UI does.
    fn call<C: Command>(&self, request: &C::Request) -> Result<C::Response, ApiError> {
        let body = json!({ REQUEST_ARGUMENT: request });
        match self.raw(C::NAME, body) {
            Ok(value) => Ok(serde_json::from_value(value).unwrap()),
            Err(value) => Err(serde_json::from_value(value.clone())
                .unwrap_or_else(|e| panic!("{} failed with a non-ApiError {value}: {e}", C::NAME))),
        }
    }
}

fn multimeter() -> EquipmentFields {
    EquipmentFields {
        asset_tag: "0042".into(),
        name: "Digital multimeter".into(),
        ..EquipmentFields::default()
    }
}

#[test]
fn every_command_of_the_contract_is_registered_and_permitted() {
    let data = tempfile::tempdir().unwrap();
    let shell = Shell::start(data.path());
    for name in COMMAND_NAMES {
        // A malformed request reaches the command's argument decoding, which proves the
        // command exists and the capability lets the main window call it.
        let error = shell.raw(name, json!({})).unwrap_err().to_string();
        assert!(
            error.contains(&format!("missing required key {REQUEST_ARGUMENT}")),
            "{name}: {error}"
        );
    }
}

#[test]
fn the_register_round_trips_through_ipc() {
    let data = tempfile::tempdir().unwrap();
    let shell = Shell::start(data.path());

    let created = shell.call::<CreateEquipment>(&multimeter()).unwrap();
    assert_eq!(created.fields.asset_tag, "0042");

    let page = shell
        .call::<ListEquipment>(&EquipmentQuery::default())
        .unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.items[0].id, created.id);
    assert_eq!(shell.call::<GetEquipment>(&created.id).unwrap(), created);

    let update = EquipmentUpdate {
        id: created.id,
        revision: created.revision,
        fields: EquipmentFields {
            status: EquipmentStatus::Retired,
            ..created.fields.clone()
        },
    };
    let updated = shell.call::<UpdateEquipment>(&update).unwrap();
    assert_eq!(updated.fields.status, EquipmentStatus::Retired);

    shell.call::<DeleteEquipment>(&created.id).unwrap();
    assert_eq!(
        shell.call::<GetEquipment>(&created.id).unwrap_err(),
        ApiError::NotFound {
            what: "This equipment".into()
        }
    );
}

#[test]
fn errors_arrive_structured_per_field() {
    let data = tempfile::tempdir().unwrap();
    let shell = Shell::start(data.path());

    let error = shell
        .call::<CreateEquipment>(&EquipmentFields::default())
        .unwrap_err();
    let fields: Vec<String> = error.field_errors().into_iter().map(|e| e.field).collect();
    assert_eq!(fields, ["asset_tag", "name"]);

    shell.call::<CreateEquipment>(&multimeter()).unwrap();
    let error = shell.call::<CreateEquipment>(&multimeter()).unwrap_err();
    assert!(
        matches!(&error, ApiError::Conflict { field: Some(field), .. } if field == "asset_tag"),
        "{error:?}"
    );
}

#[test]
fn an_unopenable_database_is_explained_by_every_command() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join(AppState::DATABASE_FILE);
    std::fs::write(&path, b"not a database".repeat(100)).unwrap();
    let shell = Shell::start(data.path());

    let error = shell
        .call::<ListEquipment>(&EquipmentQuery::default())
        .unwrap_err();
    let ApiError::Storage { message } = error else {
        panic!("expected a storage error, got {error:?}");
    };
    assert!(
        message.contains("damaged or is not a Benchlog database"),
        "{message}"
    );
    assert!(message.contains(&path.display().to_string()), "{message}");
}

#[test]
fn a_calibration_round_trips_through_ipc() {
    let data = tempfile::tempdir().unwrap();
    let shell = Shell::start(data.path());
    let (item, plan) = shell.multimeter_with_plan();
    let due = shell.call::<ListDue>(&DueQuery::default()).unwrap();
    assert_eq!(due.items[0].state, PlanState::NeverDone);

    let today = chrono::Local::now().date_naive();
    let outcome = shell.record_today(plan.id, CalibrationResult::Fail);
    assert!(outcome.out_of_tolerance);
    let changed = shell
        .call::<SetEquipmentStatus>(&StatusChange {
            id: item.id,
            status: EquipmentStatus::OutOfService,
        })
        .unwrap();
    assert!(changed.out_of_tolerance);
    assert_eq!(changed.fields.status, EquipmentStatus::OutOfService);

    let history = shell
        .call::<ListRecords>(&RecordQuery {
            equipment_id: item.id,
            page: 0,
        })
        .unwrap();
    assert_eq!(history.total, 1);
    assert_eq!(shell.call::<ListPlans>(&item.id).unwrap(), [outcome.plan]);
    // Out of service: no longer on the due list or the calendar.
    assert_eq!(
        shell.call::<ListDue>(&DueQuery::default()).unwrap().total,
        0
    );
    let month = CalendarQuery {
        year: chrono::Datelike::year(&today),
        month: chrono::Datelike::month(&today),
    };
    assert!(
        shell
            .call::<GetCalendarMonth>(&month)
            .unwrap()
            .days
            .is_empty()
    );
}

#[test]
fn certificates_and_settings_round_trip_through_ipc() {
    let data = tempfile::tempdir().unwrap();
    let shell = Shell::start(data.path());
    let (item, plan) = shell.multimeter_with_plan();
    let record = shell.record_today(plan.id, CalibrationResult::Pass).record;
    let certificate = data.path().join("Certificate #12 (2026).pdf");
    std::fs::write(&certificate, b"%PDF-1.7").unwrap();
    let missing = data.path().join("moved away.pdf");

    // Only files really dropped on the window are attached by path.
    let secret = data.path().join(AppState::DATABASE_FILE);
    let error = shell
        .call::<AttachCertificates>(&AttachFiles {
            record_id: record.id,
            paths: vec![secret.display().to_string()],
        })
        .unwrap_err();
    assert!(
        error.field_errors()[0]
            .message
            .contains("was not dropped on Benchlog"),
        "{error:?}"
    );
    shell
        .app
        .state::<AppState>()
        .dropped()
        .remember(&[certificate.clone(), missing.clone()]);
    let error = shell
        .call::<AttachCertificates>(&AttachFiles {
            record_id: record.id,
            paths: vec![
                certificate.display().to_string(),
                missing.display().to_string(),
            ],
        })
        .unwrap_err();
    let errors = error.field_errors();
    assert_eq!(errors.len(), 1, "{error:?}");
    assert_eq!(errors[0].field, "certificates");
    assert!(errors[0].message.contains("moved away.pdf"), "{errors:?}");
    assert!(
        shell
            .call::<ListCertificates>(&record.id)
            .unwrap()
            .is_empty()
    );

    let attached = shell
        .call::<AttachCertificates>(&AttachFiles {
            record_id: record.id,
            paths: vec![certificate.display().to_string()],
        })
        .unwrap();
    assert_eq!(attached[0].file_name, "Certificate #12 (2026).pdf");
    assert_eq!(attached[0].mirror, MirrorState::LocalOnly);
    assert_eq!(
        shell.call::<ListCertificates>(&record.id).unwrap(),
        attached
    );
    let history = shell
        .call::<ListRecords>(&RecordQuery {
            equipment_id: item.id,
            page: 0,
        })
        .unwrap();
    assert_eq!(history.items[0].certificate_count, 1);
    let report = shell.call::<CheckCertificates>(&()).unwrap();
    assert_eq!((report.checked, report.problems.len()), (1, 0));

    let mut settings = shell.call::<GetSettings>(&()).unwrap();
    assert_eq!(settings, Settings::default());
    settings.mirror.enabled = true;
    settings.mirror.bucket = "Not A Bucket".into();
    let error = shell.call::<SaveSettings>(&settings).unwrap_err();
    let fields: Vec<_> = error.field_errors().into_iter().map(|e| e.field).collect();
    assert_eq!(fields, ["bucket", "region"]);
    settings.mirror.bucket = "lab-certificates".into();
    settings.mirror.region = "eu-central-1".into();
    let saved = shell.call::<SaveSettings>(&settings).unwrap();
    assert_eq!(shell.call::<GetSettings>(&()).unwrap(), saved);

    let status = shell.call::<GetMirrorStatus>(&()).unwrap();
    assert!(status.enabled);
    assert_eq!((status.queued, status.mirrored), (1, 0));
    assert_eq!(status.destination, "s3://lab-certificates/");
    assert_eq!(shell.call::<SyncNow>(&()).unwrap().queued, 1);
    assert_eq!(
        shell.call::<ListCertificates>(&record.id).unwrap()[0].mirror,
        MirrorState::Queued
    );
}
