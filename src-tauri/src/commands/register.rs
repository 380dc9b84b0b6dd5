//! The register's commands: equipment, plans, records and the due list.

use benchlog_domain::ipc::{
    AmendRecord, CreateEquipment, CreatePlan, DeleteEquipment, GetCalendarMonth, GetEquipment,
    ListDue, ListEquipment, ListFacets, ListPlans, ListRecords, RecordCalibration,
    SetEquipmentStatus, UpdateEquipment, UpdatePlan,
};
use tauri::State;

use super::{Reply, Request, today, with_store};
use crate::state::AppState;

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
