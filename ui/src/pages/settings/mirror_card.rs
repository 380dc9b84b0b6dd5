//! The mirror's state on the settings page: where files go, how many are there, the latest
//! failure, and "Sync now".

use benchlog_domain::certificate::MirrorStatus;
use benchlog_domain::error::ApiError;
use benchlog_domain::ipc::{GetMirrorStatus, SyncNow};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::components::load_error::LoadError;
use crate::components::loading::Loading;
use crate::components::notice::{Notice, NoticeKind};
use crate::format::thousands;
use crate::hooks::use_fetch;
use crate::ipc::call;

/// Properties of [`MirrorCard`].
#[derive(Properties, PartialEq)]
pub struct MirrorCardProps {
    /// The mirror's state as the app knows it.
    pub status: Option<MirrorStatus>,
    /// Tells the app a fresher state.
    pub on_status: Callback<MirrorStatus>,
}

/// `section.mirror-status`: the destination (`.mirror-destination`), the counts (a
/// `div.fact[data-count]` each: `mirrored`, `queued`, `failed`, `damaged`), the latest
/// failure (`.mirror-last-error`), `.mirror-syncing` while a sync runs, and
/// `button.sync-now`.
#[component]
pub fn MirrorCard(props: &MirrorCardProps) -> Html {
    // Asked afresh when the page opens; the shell's events keep it fresh from then on.
    let fetched = {
        let on_status = props.on_status.clone();
        use_fetch((), move |()| async move {
            let answer = call::<GetMirrorStatus>(&()).await;
            if let Ok(status) = &answer {
                on_status.emit(status.clone());
            }
            answer
        })
    };
    let syncing = use_state(|| false);
    let sync_error = use_state(|| None::<ApiError>);
    let sync_now = {
        let (syncing, sync_error, on_status) =
            (syncing.clone(), sync_error.clone(), props.on_status.clone());
        move |_| {
            syncing.set(true);
            sync_error.set(None);
            let (syncing, sync_error, on_status) =
                (syncing.clone(), sync_error.clone(), on_status.clone());
            spawn_local(async move {
                match call::<SyncNow>(&()).await {
                    Ok(status) => on_status.emit(status),
                    Err(error) => sync_error.set(Some(error)),
                }
                syncing.set(false);
            });
        }
    };
    let content = match (&props.status, fetched.answer.as_deref()) {
        (Some(status), _) => details(status),
        (None, Some(Err(error))) => html! {
            <LoadError what="The mirror's state could not be read." error={error.clone()}
                retrying={fetched.loading} on_retry={fetched.reload.clone()} />
        },
        (None, _) => html! { <Loading label="Reading the mirror's state…" /> },
    };
    let enabled = props.status.as_ref().is_some_and(|status| status.enabled);
    let running = *syncing || props.status.as_ref().is_some_and(|status| status.syncing);
    html! {
        <section class="settings-card mirror-status" aria-labelledby="mirror-status-title">
            <div class="card-header">
                <h2 id="mirror-status-title" class="section-title">{"Mirror status"}</h2>
                if running {
                    <span class="mirror-syncing" role="status">
                        <span class="spinner small" aria-hidden="true"></span>{"Syncing…"}
                    </span>
                }
                <button type="button" class="button secondary small sync-now"
                    disabled={!enabled || *syncing} onclick={sync_now}
                    title="Upload every waiting file now instead of at its next retry">
                    {"Sync now"}
                </button>
            </div>
            if let Some(error) = &*sync_error {
                <Notice kind={NoticeKind::Error}>
                    <strong>{"Could not sync. "}</strong>{error.to_string()}
                </Notice>
            }
            {content}
        </section>
    }
}

/// The destination, the counts and the latest failure.
fn details(status: &MirrorStatus) -> Html {
    if !status.enabled {
        return html! {
            <p class="muted">
                {"Mirroring is off: certificates are only on this workstation. Switch it on \
                  under S3 mirror above and save."}
            </p>
        };
    }
    let count = |key: &'static str, label: &'static str, value: u64| {
        html! {
            <div class="fact" data-count={key}>
                <dt>{label}</dt>
                <dd class={classes!((key != "mirrored" && value > 0).then_some("attention"))}>
                    {thousands(value)}
                </dd>
            </div>
        }
    };
    html! {
        <>
            if let Some(error) = &status.last_error {
                <Notice kind={NoticeKind::Error} class="mirror-last-error">
                    <strong>{"The last upload failed. "}</strong>{error}
                </Notice>
            }
            <dl class="facts facts-inline mirror-facts">
                <div class="fact fact-wide">
                    <dt>{"Destination"}</dt>
                    <dd class="mono mirror-destination">{&status.destination}</dd>
                </div>
                {count("mirrored", "Mirrored", status.mirrored)}
                {count("queued", "Waiting to upload", status.queued)}
                {count("failed", "Failed", status.failed)}
                {count("damaged", "Damaged locally", status.damaged_locally)}
            </dl>
        </>
    }
}
