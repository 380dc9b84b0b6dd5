//! One attached file: what it is, the state of its copies, and the ways to open or save it.

use benchlog_domain::certificate::{Certificate, MirrorState};
use benchlog_domain::ipc::{ExportCertificate, OpenCertificate};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::components::certificate_badges::{StateBadge, local_badge, mirror_badge};
use crate::format::{file_size, local_date, local_timestamp};
use crate::ipc::call;

/// Properties of [`CertificateRow`].
#[derive(Properties, PartialEq)]
pub struct CertificateRowProps {
    /// The file.
    pub certificate: Certificate,
    /// Shows a success notice.
    pub on_notice: Callback<String>,
}

/// What a row is doing for the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    /// Opening the file in the system's viewer.
    Open,
    /// Saving a copy where the user picks.
    Export,
}

/// `li.certificate-row[data-file-name]`: `.file-type`, `.certificate-name`, its size and
/// date, a `.local-…` badge when the local copy is in trouble, a `.mirror-…` badge (a
/// failure's reason as text in `.mirror-failure`), and the buttons `.open-certificate` and
/// `.export-certificate`. A failed action's message shows in `.certificate-error`.
#[component]
pub fn CertificateRow(props: &CertificateRowProps) -> Html {
    let busy = use_state(|| None::<Action>);
    let failure = use_state(|| None::<String>);
    let certificate = &props.certificate;
    let run = |action: Action| {
        let (busy, failure, on_notice) = (busy.clone(), failure.clone(), props.on_notice.clone());
        let reference = certificate.reference.clone();
        Callback::from(move |_: MouseEvent| {
            busy.set(Some(action));
            failure.set(None);
            let (busy, failure, on_notice, reference) = (
                busy.clone(),
                failure.clone(),
                on_notice.clone(),
                reference.clone(),
            );
            spawn_local(async move {
                let outcome = match action {
                    Action::Open => call::<OpenCertificate>(&reference).await.map(|()| None),
                    Action::Export => call::<ExportCertificate>(&reference)
                        .await
                        .map(|saved| saved.map(|path| format!("Saved a copy to {path}"))),
                };
                busy.set(None);
                match outcome {
                    Ok(Some(notice)) => on_notice.emit(notice),
                    Ok(None) => {}
                    Err(error) => failure.set(Some(error.to_string())),
                }
            });
        })
    };
    let name = &certificate.file_name;
    let failed_reason = match &certificate.mirror {
        MirrorState::Failed { reason } => Some(reason),
        _ => None,
    };
    let disabled = busy.is_some();
    html! {
        <li class="certificate-row" data-file-name={name.clone()}>
            <span class="file-type" title={certificate.media_type.clone()}>
                {file_kind(&certificate.media_type, name)}
            </span>
            <div class="certificate-info">
                <span class="certificate-name">{name}</span>
                <span class="certificate-meta">
                    {file_size(certificate.size_bytes)}{" · attached "}
                    <time datetime={certificate.attached_at.to_rfc3339()}
                        title={local_timestamp(certificate.attached_at)}>
                        {local_date(certificate.attached_at)}
                    </time>
                </span>
                if let Some(reason) = failed_reason {
                    <span class="mirror-failure">{"Upload failed: "}{reason}</span>
                }
                if let Some(failure) = &*failure {
                    <span class="certificate-error" role="alert">{failure}</span>
                }
            </div>
            <div class="certificate-state">
                if let Some(text) = local_badge(certificate.local) {
                    <StateBadge {text} />
                }
                <StateBadge text={mirror_badge(&certificate.mirror)} />
            </div>
            <div class="certificate-actions">
                <button type="button" class="button secondary small open-certificate"
                    aria-label={format!("Open {name}")} {disabled} onclick={run(Action::Open)}>
                    {if *busy == Some(Action::Open) { "Opening…" } else { "Open" }}
                </button>
                <button type="button" class="button secondary small export-certificate"
                    aria-label={format!("Save a copy of {name}")} {disabled}
                    onclick={run(Action::Export)}>
                    {if *busy == Some(Action::Export) { "Saving…" } else { "Save a copy…" }}
                </button>
            </div>
        </li>
    }
}

/// The file's type in a word: its extension ("PDF", "XLSX"), else what its media type
/// says ("Image"), else "File".
fn file_kind(media_type: &str, file_name: &str) -> String {
    let extension = file_name.rsplit_once('.').filter(|(stem, extension)| {
        !stem.is_empty()
            && (1..=4).contains(&extension.len())
            && extension.chars().all(|c| c.is_ascii_alphanumeric())
    });
    if let Some((_, extension)) = extension {
        return extension.to_ascii_uppercase();
    }
    let kind = match media_type.split('/').next() {
        Some("image") => "Image",
        Some("text") => "Text",
        _ => "File",
    };
    kind.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_reads_as_its_extension_or_its_media_type() {
        assert_eq!(file_kind("application/pdf", "cal-2026.pdf"), "PDF");
        assert_eq!(file_kind("application/octet-stream", "data.xlsx"), "XLSX");
        assert_eq!(file_kind("image/jpeg", "photo"), "Image");
        assert_eq!(file_kind("text/plain", ".notes"), "Text");
        assert_eq!(
            file_kind("application/octet-stream", "archive.backup"),
            "File"
        );
        assert_eq!(file_kind("", "no extension"), "File");
    }
}
