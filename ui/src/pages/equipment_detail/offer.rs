//! After a failed calibration: the offer to set the item out of service.

use benchlog_domain::equipment::{Equipment, EquipmentStatus, StatusChange};
use benchlog_domain::error::ApiError;
use benchlog_domain::ipc::SetEquipmentStatus;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::notice::{Notice, NoticeKind};
use crate::ipc::call;

/// Properties of [`OutOfServiceOffer`].
#[derive(Properties, PartialEq)]
pub struct OutOfServiceOfferProps {
    /// The item whose calibration failed.
    pub equipment: Equipment,
    /// What gets focus when the dialog closes.
    pub return_focus: NodeRef,
    /// The user kept the item as it is.
    pub on_closed: Callback<()>,
    /// The item is now out of service; with the notice to show.
    pub on_done: Callback<String>,
}

/// The confirm dialog "Calibration failed. Set 0042 out of service?"; nothing when the item
/// is out of service already.
#[component]
pub fn OutOfServiceOffer(props: &OutOfServiceOfferProps) -> Html {
    let busy = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let item = &props.equipment;
    if item.fields.status != EquipmentStatus::Active {
        return html! {};
    }
    let tag = item.fields.asset_tag.clone();
    let on_confirm = {
        let (busy, failure, on_done) = (busy.clone(), failure.clone(), props.on_done.clone());
        let (id, tag) = (item.id, tag.clone());
        Callback::from(move |()| {
            busy.set(true);
            failure.set(None);
            let (busy, failure, on_done, tag) =
                (busy.clone(), failure.clone(), on_done.clone(), tag.clone());
            spawn_local(async move {
                let change = StatusChange {
                    id,
                    status: EquipmentStatus::OutOfService,
                };
                match call::<SetEquipmentStatus>(&change).await {
                    Ok(_) => on_done.emit(format!("Set {tag} out of service")),
                    Err(error) => {
                        busy.set(false);
                        failure.set(Some(error));
                    }
                }
            });
        })
    };
    html! {
        <ConfirmDialog title={format!("Calibration failed. Set {tag} out of service?")}
            confirm_label="Set out of service" busy_label="Setting out of service…"
            busy={*busy} {on_confirm} on_cancel={props.on_closed.clone()}
            return_focus={props.return_focus.clone()}>
            <p>
                {"It was left out of tolerance. Taking it out of service marks it as not to be \
                  used until it is repaired or adjusted and calibrated again."}
            </p>
            if let Some(error) = &*failure {
                <Notice kind={NoticeKind::Error}>{error.to_string()}</Notice>
            }
        </ConfirmDialog>
    }
}
