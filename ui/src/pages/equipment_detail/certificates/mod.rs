//! A record's certificates: the files attached to it as evidence, attached with the file
//! dialog or by dropping files on the window while the panel is open.

mod attach;
mod row;

use benchlog_domain::certificate::AttachFiles;
use benchlog_domain::ipc::{AttachCertificates, ListCertificates, PickCertificates};
use benchlog_domain::record::RecordId;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use self::attach::{AttachEvent, Attaching, attached_notice};
use self::row::CertificateRow;
use crate::app::state::CertificatesRevision;
use crate::components::empty_state::EmptyState;
use crate::components::load_error::LoadError;
use crate::components::loading::Loading;
use crate::components::notice::{Notice, NoticeKind};
use crate::drop_targets::{TARGET_CLASS, use_drop_target};
use crate::hooks::use_fetch;
use crate::ipc::call;

/// Properties of [`Certificates`].
#[derive(Properties, PartialEq)]
pub struct CertificatesProps {
    /// The record.
    pub record_id: RecordId,
    /// Shows a success notice.
    pub on_notice: Callback<String>,
}

/// Where files to attach come from.
enum Source {
    /// The native file dialog, which the shell opens.
    Dialog,
    /// Files dropped on the window.
    Dropped(Vec<String>),
}

/// `section.certificates-panel[data-record-id]`: a `button.attach-certificates`, the files
/// (`ul.certificate-list` of `li.certificate-row`) or an empty state, and the reasons an
/// attachment failed (`.attach-errors`, one `li` per file). While it is shown, files dropped
/// on the window are attached to its record. Its list loads when it is first shown, and
/// again whenever the shell says certificates changed.
#[component]
pub fn Certificates(props: &CertificatesProps) -> Html {
    let revision = use_context::<CertificatesRevision>().unwrap_or_default();
    let attaching = use_reducer(Attaching::default);
    let list = use_fetch(
        (props.record_id, revision, attaching.attached),
        |&(id, _, _)| async move { call::<ListCertificates>(&id).await },
    );
    let attach = {
        let (dispatcher, on_notice) = (attaching.dispatcher(), props.on_notice.clone());
        let record_id = props.record_id;
        Callback::from(move |source: Source| {
            dispatcher.dispatch(AttachEvent::Started);
            let (dispatcher, on_notice) = (dispatcher.clone(), on_notice.clone());
            spawn_local(async move {
                let result = match source {
                    Source::Dialog => call::<PickCertificates>(&record_id).await,
                    Source::Dropped(paths) => {
                        call::<AttachCertificates>(&AttachFiles { record_id, paths }).await
                    }
                };
                if let Some(notice) = result.as_deref().ok().and_then(attached_notice) {
                    on_notice.emit(notice);
                }
                dispatcher.dispatch(AttachEvent::Finished(result.map(|files| files.len())));
            });
        })
    };
    use_drop_target(props.record_id, attach.reform(Source::Dropped));

    let busy = attaching.running > 0;
    let title_id = format!("record-{}-certificates", props.record_id);
    let content = match list.answer.as_deref() {
        None => html! { <Loading label="Loading certificates…" /> },
        Some(Err(error)) => html! {
            <LoadError what="The certificates could not be loaded." error={error.clone()}
                retrying={list.loading} on_retry={list.reload.clone()} />
        },
        Some(Ok(files)) if files.is_empty() => html! {
            <EmptyState class="compact" icon="⎘" title="No certificates attached yet"
                text="Drop the calibration certificate or other evidence on this window while \
                      this record is open, or choose files with Attach files…" />
        },
        Some(Ok(files)) => html! {
            <ul class="certificate-list">
                {for files.iter().map(|certificate| html! {
                    <CertificateRow key={certificate.reference.hash.to_string()}
                        certificate={certificate.clone()} on_notice={props.on_notice.clone()} />
                })}
            </ul>
        },
    };
    let errors = (!attaching.errors.is_empty()).then(|| {
        let dispatcher = attaching.dispatcher();
        html! {
            <Notice kind={NoticeKind::Error} class="attach-errors"
                on_dismiss={Callback::from(move |()| dispatcher.dispatch(AttachEvent::Dismissed))}>
                <strong>{"Nothing was attached."}</strong>
                <ul>{for attaching.errors.iter().map(|error| html! { <li>{error}</li> })}</ul>
            </Notice>
        }
    });
    html! {
        <section class={classes!(TARGET_CLASS, busy.then_some("attaching"))}
            data-record-id={props.record_id.to_string()} aria-labelledby={title_id.clone()}
            aria-busy={busy.then_some("true")}>
            <div class="certificates-header">
                <h3 id={title_id} class="certificates-title">{"Certificates"}</h3>
                <span class="drop-hint">{"Drop files here or"}</span>
                <button type="button" class="button secondary small attach-certificates"
                    disabled={busy} onclick={attach.reform(|_| Source::Dialog)}>
                    if busy {
                        <span class="spinner small" aria-hidden="true"></span>{"Attaching…"}
                    } else {
                        {"Attach files…"}
                    }
                </button>
            </div>
            {errors}
            {content}
        </section>
    }
}
