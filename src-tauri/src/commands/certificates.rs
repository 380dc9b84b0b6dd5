//! The certificate commands: attaching files (picked in the native dialog or dropped),
//! listing them, opening and exporting them, and checking the store.

use std::path::PathBuf;

use benchlog_certificates::{CERTIFICATES_FIELD, safe_file_name};
use benchlog_domain::error::{ApiError, FieldError};
use benchlog_domain::ipc::{
    AttachCertificates, CheckCertificates, ExportCertificate, ListCertificates, OpenCertificate,
    PickCertificates,
};
use tauri::{Runtime, State, WebviewWindow};

use super::{Reply, Request, with_workspace};
use crate::state::AppState;

#[tauri::command]
pub(crate) async fn pick_certificates<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    request: Request<PickCertificates>,
) -> Reply<PickCertificates> {
    let dialog = rfd::AsyncFileDialog::new()
        .set_title("Attach certificates")
        .set_parent(&window);
    let Some(picked) = dialog.pick_files().await else {
        return Ok(Vec::new());
    };
    let paths: Vec<PathBuf> = picked.iter().map(|file| file.path().to_owned()).collect();
    attach(&state, request, paths).await
}

#[tauri::command]
pub(crate) async fn attach_certificates(
    state: State<'_, AppState>,
    request: Request<AttachCertificates>,
) -> Reply<AttachCertificates> {
    let paths: Vec<PathBuf> = request.paths.iter().map(PathBuf::from).collect();
    let not_dropped = state.dropped().not_dropped(&paths);
    if !not_dropped.is_empty() {
        return Err(ApiError::Validation {
            errors: not_dropped
                .into_iter()
                .map(|path| FieldError {
                    field: CERTIFICATES_FIELD.to_owned(),
                    message: format!(
                        "“{}” was not dropped on Benchlog; attach it with “Attach files…”",
                        path.display()
                    ),
                })
                .collect(),
        });
    }
    attach(&state, request.record_id, paths).await
}

/// Attaches the files and wakes the mirror to upload them.
async fn attach(
    state: &AppState,
    record_id: benchlog_domain::record::RecordId,
    paths: Vec<PathBuf>,
) -> Reply<AttachCertificates> {
    with_workspace(state, move |workspace| {
        let attached = workspace.certificates.attach(record_id, &paths)?;
        workspace.mirror.wake();
        Ok::<_, benchlog_certificates::Error>(attached)
    })
    .await
}

#[tauri::command]
pub(crate) async fn list_certificates(
    state: State<'_, AppState>,
    request: Request<ListCertificates>,
) -> Reply<ListCertificates> {
    with_workspace(&state, move |workspace| {
        workspace.certificates.list(request)
    })
    .await
}

#[tauri::command]
pub(crate) async fn open_certificate(
    state: State<'_, AppState>,
    request: Request<OpenCertificate>,
) -> Reply<OpenCertificate> {
    let copy = with_workspace(&state, move |workspace| {
        workspace.certificates.viewable_copy(&request)
    })
    .await?;
    open::that_detached(&copy).map_err(|error| {
        eprintln!("benchlog: opening {}: {error}", copy.display());
        ApiError::Internal {
            message: "No program on this workstation could open the certificate. Use “Save a \
                      copy…” and open it from there"
                .to_owned(),
        }
    })
}

#[tauri::command]
pub(crate) async fn export_certificate<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    request: Request<ExportCertificate>,
) -> Reply<ExportCertificate> {
    let reference = request.clone();
    let certificate = with_workspace(&state, move |workspace| {
        workspace.store.get_certificate(&reference)
    })
    .await?;
    let dialog = rfd::AsyncFileDialog::new()
        .set_title("Save a copy of the certificate")
        .set_file_name(safe_file_name(&certificate.file_name))
        .set_parent(&window);
    let Some(destination) = dialog.save_file().await else {
        return Ok(None);
    };
    let path = destination.path().to_owned();
    let shown = path.display().to_string();
    with_workspace(&state, move |workspace| {
        workspace.certificates.export(&request, &path)
    })
    .await?;
    Ok(Some(shown))
}

#[tauri::command]
pub(crate) async fn check_certificates(
    state: State<'_, AppState>,
    request: Request<CheckCertificates>,
) -> Reply<CheckCertificates> {
    let () = request;
    with_workspace(&state, |workspace| {
        let report = workspace.certificates.check()?;
        workspace.mirror.wake();
        Ok::<_, benchlog_certificates::Error>(report)
    })
    .await
}
