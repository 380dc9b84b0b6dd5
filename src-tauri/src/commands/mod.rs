//! One thin Tauri command per entry of the domain's IPC contract: each takes the request
//! under the argument name `request`, runs its work off the async runtime, and converts
//! its error into the [`ApiError`] the UI shows.

pub(crate) mod certificates;
pub(crate) mod register;
pub(crate) mod settings;

use std::fmt::Debug;

use benchlog_domain::error::ApiError;
use benchlog_domain::ipc::Command;
use benchlog_storage::Store;
use chrono::{Local, NaiveDate};

use crate::state::{AppState, Workspace};

/// What command `C` returns over IPC.
pub(crate) type Reply<C> = Result<<C as Command>::Response, ApiError>;
/// What command `C` receives.
pub(crate) type Request<C> = <C as Command>::Request;

/// The workstation's date: what "today" means to the technician at it.
fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// Runs `work` on the store on a blocking thread.
async fn with_store<T, W>(state: &AppState, work: W) -> Result<T, ApiError>
where
    T: Send + 'static,
    W: FnOnce(&Store) -> benchlog_storage::Result<T> + Send + 'static,
{
    with_workspace(state, move |workspace| work(&workspace.store)).await
}

/// Runs `work` on a blocking thread: SQLite calls wait on locks and fsync, and files are
/// hashed and copied, none of which may hold up the async runtime that serves every other
/// IPC message.
async fn with_workspace<T, E, W>(state: &AppState, work: W) -> Result<T, ApiError>
where
    T: Send + 'static,
    E: Into<ApiError> + Debug + Send + 'static,
    W: FnOnce(&Workspace) -> Result<T, E> + Send + 'static,
{
    let workspace = state.workspace()?;
    let outcome = tauri::async_runtime::spawn_blocking(move || work(&workspace))
        .await
        .map_err(|error| {
            eprintln!("benchlog: a command panicked: {error}");
            ApiError::Internal {
                message: "Benchlog hit an internal error; nothing was saved. Try again".into(),
            }
        })?;
    outcome.map_err(report)
}

/// Converts an error, logging the detail of those the user cannot fix by editing input.
fn report<E: Into<ApiError> + Debug>(error: E) -> ApiError {
    let detail = format!("{error:?}");
    let error = error.into();
    if matches!(error, ApiError::Storage { .. } | ApiError::Internal { .. }) {
        eprintln!("benchlog: {detail}");
    }
    error
}
