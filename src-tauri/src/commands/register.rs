//! One thin Tauri command per entry of the domain's IPC contract: each takes the request
//! under the argument name `request`, runs one store call off the async runtime, and
//! converts its error.

use std::sync::Arc;

use benchlog_domain::error::ApiError;
use benchlog_domain::ipc::{
    AmendRecord, Command, CreateEquipment, CreatePlan, DeleteEquipment, GetCalendarMonth,
    GetEquipment, ListDue, ListEquipment, ListFacets, ListPlans, ListRecords, RecordCalibration,
    SetEquipmentStatus, UpdateEquipment, UpdatePlan,
};
use benchlog_storage::Store;
use chrono::{Local, NaiveDate};
use tauri::State;

use crate::state::AppState;

/// What command `C` returns over IPC.
type Reply<C> = Result<<C as Command>::Response, ApiError>;
/// What command `C` receives.
type Request<C> = <C as Command>::Request;

#[tauri::command]
pub(crate) async fn list_equipment(
    state: State<'_, AppState>,
    request: Request<ListEquipment>,
) -> Reply<ListEquipment> {
    with_store(&state, move |store| store.list_equipment(&request)).await
}

#[tauri::command]
pub(crate) async fn get_equipment(
    state: State<'_, AppState>,
    request: Request<GetEquipment>,
) -> Reply<GetEquipment> {
    with_store(&state, move |store| store.get_equipment(request)).await
}

#[tauri::command]
pub(crate) async fn create_equipment(
    state: State<'_, AppState>,
    request: Request<CreateEquipment>,
) -> Reply<CreateEquipment> {
    with_store(&state, move |store| store.create_equipment(&request)).await
}

#[tauri::command]
pub(crate) async fn update_equipment(
    state: State<'_, AppState>,
    request: Request<UpdateEquipment>,
) -> Reply<UpdateEquipment> {
    with_store(&state, move |store| store.update_equipment(&request)).await
}

#[tauri::command]
pub(crate) async fn delete_equipment(
    state: State<'_, AppState>,
    request: Request<DeleteEquipment>,
) -> Reply<DeleteEquipment> {
    with_store(&state, move |store| store.delete_equipment(request)).await
}

#[tauri::command]
pub(crate) async fn list_facets(
    state: State<'_, AppState>,
    request: Request<ListFacets>,
) -> Reply<ListFacets> {
    let () = request;
    with_store(&state, |store| store.facets()).await
}

#[tauri::command]
pub(crate) async fn set_equipment_status(
    state: State<'_, AppState>,
    request: Request<SetEquipmentStatus>,
) -> Reply<SetEquipmentStatus> {
    with_store(&state, move |store| {
        store.set_equipment_status(request.id, request.status)
    })
    .await
}

#[tauri::command]
pub(crate) async fn list_plans(
    state: State<'_, AppState>,
    request: Request<ListPlans>,
) -> Reply<ListPlans> {
    with_store(&state, move |store| store.list_plans(request)).await
}

#[tauri::command]
pub(crate) async fn create_plan(
    state: State<'_, AppState>,
    request: Request<CreatePlan>,
) -> Reply<CreatePlan> {
    with_store(&state, move |store| store.create_plan(&request)).await
}

#[tauri::command]
pub(crate) async fn update_plan(
    state: State<'_, AppState>,
    request: Request<UpdatePlan>,
) -> Reply<UpdatePlan> {
    with_store(&state, move |store| store.update_plan(&request)).await
}

#[tauri::command]
pub(crate) async fn record_calibration(
    state: State<'_, AppState>,
    request: Request<RecordCalibration>,
) -> Reply<RecordCalibration> {
    with_store(&state, move |store| {
        store.record_calibration(&request, today())
    })
    .await
}

#[tauri::command]
pub(crate) async fn amend_record(
    state: State<'_, AppState>,
    request: Request<AmendRecord>,
) -> Reply<AmendRecord> {
    with_store(&state, move |store| store.amend_record(&request, today())).await
}

#[tauri::command]
pub(crate) async fn list_records(
    state: State<'_, AppState>,
    request: Request<ListRecords>,
) -> Reply<ListRecords> {
    with_store(&state, move |store| store.list_records(&request)).await
}

#[tauri::command]
pub(crate) async fn list_due(
    state: State<'_, AppState>,
    request: Request<ListDue>,
) -> Reply<ListDue> {
    with_store(&state, move |store| store.list_due(&request, today())).await
}

#[tauri::command]
pub(crate) async fn calendar_month(
    state: State<'_, AppState>,
    request: Request<GetCalendarMonth>,
) -> Reply<GetCalendarMonth> {
    with_store(&state, move |store| store.calendar_month(&request, today())).await
}

/// The workstation's date: what "today" means to the technician at it.
fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// Runs `work` on a blocking thread: SQLite calls wait on locks and fsync, which must not
/// hold up the async runtime that serves every other IPC message.
async fn with_store<T, W>(state: &AppState, work: W) -> Result<T, ApiError>
where
    T: Send + 'static,
    W: FnOnce(&Store) -> benchlog_storage::Result<T> + Send + 'static,
{
    let store: Arc<Store> = state.store()?;
    let outcome = tauri::async_runtime::spawn_blocking(move || work(&store))
        .await
        .map_err(|error| {
            eprintln!("benchlog: a storage call panicked: {error}");
            ApiError::Internal {
                message: "Benchlog hit an internal error; nothing was saved. Try again".into(),
            }
        })?;
    outcome.map_err(report)
}

/// Logs failures the user cannot fix by editing their input, then converts.
fn report(error: benchlog_storage::Error) -> ApiError {
    if matches!(
        error,
        benchlog_storage::Error::Sqlite(_) | benchlog_storage::Error::Migration(_)
    ) {
        eprintln!("benchlog: {error:?}");
    }
    error.into()
}
