//! One thin Tauri command per entry of the domain's IPC contract: each takes the request
//! under the argument name `request`, calls the store and converts its error.

use benchlog_domain::error::ApiError;
use benchlog_domain::ipc::{
    Command, CreateEquipment, DeleteEquipment, GetEquipment, ListEquipment, UpdateEquipment,
};
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
    state.store()?.list_equipment(&request).map_err(report)
}

#[tauri::command]
pub(crate) async fn get_equipment(
    state: State<'_, AppState>,
    request: Request<GetEquipment>,
) -> Reply<GetEquipment> {
    state.store()?.get_equipment(request).map_err(report)
}

#[tauri::command]
pub(crate) async fn create_equipment(
    state: State<'_, AppState>,
    request: Request<CreateEquipment>,
) -> Reply<CreateEquipment> {
    state.store()?.create_equipment(&request).map_err(report)
}

#[tauri::command]
pub(crate) async fn update_equipment(
    state: State<'_, AppState>,
    request: Request<UpdateEquipment>,
) -> Reply<UpdateEquipment> {
    state.store()?.update_equipment(&request).map_err(report)
}

#[tauri::command]
pub(crate) async fn delete_equipment(
    state: State<'_, AppState>,
    request: Request<DeleteEquipment>,
) -> Reply<DeleteEquipment> {
    state.store()?.delete_equipment(request).map_err(report)
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
