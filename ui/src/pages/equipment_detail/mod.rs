//! One item's page: what it is, its calibration plans, and its calibration history.

mod amendments;
mod certificates;
mod changes;
mod history;
mod history_row;
mod offer;
mod plans;
mod record_details;

use benchlog_domain::equipment::{Equipment, EquipmentField, EquipmentId};
use benchlog_domain::ipc::GetEquipment;
use benchlog_domain::plan::{Plan, PlanId};
use benchlog_domain::record::CalibrationRecord;
use yew::prelude::*;

use self::history::History;
use self::offer::OutOfServiceOffer;
use self::plans::Plans;
use crate::components::load_error::LoadError;
use crate::components::loading::Loading;
use crate::components::page_header::{BackLink, PageHeader};
use crate::components::status_badge::StatusBadge;
use crate::format::{describe, local_timestamp};
use crate::hooks::use_fetch;
use crate::ipc::call;

/// Properties of [`EquipmentDetail`].
#[derive(Properties, PartialEq)]
pub struct EquipmentDetailProps {
    /// The item.
    pub id: EquipmentId,
    /// Whether to offer setting the item out of service (after a failed calibration).
    #[prop_or_default]
    pub offer_out_of_service: bool,
    /// The offer was answered.
    pub on_offer_closed: Callback<()>,
    /// Shows a success notice.
    pub on_notice: Callback<String>,
    /// Back to the list.
    pub on_back: Callback<()>,
    /// Opens the item's edit form.
    pub on_edit: Callback<()>,
    /// Opens the form for a new plan.
    pub on_add_plan: Callback<()>,
    /// Opens a plan's form.
    pub on_edit_plan: Callback<Plan>,
    /// Opens the record form for a plan.
    pub on_record: Callback<PlanId>,
    /// Opens the form that corrects a saved record.
    pub on_amend: Callback<CalibrationRecord>,
}

/// The page (`class="page-detail"`): header with `id="edit-equipment"` and `id="add-plan"`,
/// the item's fields, `table.plans-table` and `table.history-table`.
#[component]
pub fn EquipmentDetail(props: &EquipmentDetailProps) -> Html {
    let equipment = use_fetch(
        props.id,
        |&id| async move { call::<GetEquipment>(&id).await },
    );
    let edit_ref = use_node_ref();
    let back = html! { <BackLink label="Equipment" on_click={props.on_back.clone()} /> };
    let item = match equipment.answer.as_deref() {
        Some(Ok(item)) => item,
        None => {
            return html! {
                <section class="page page-detail">
                    <PageHeader title="Equipment" before={back} />
                    <Loading label="Loading equipment…" />
                </section>
            };
        }
        Some(Err(error)) => {
            return html! {
                <section class="page page-detail">
                    <PageHeader title="Equipment" before={back} />
                    <LoadError what="This equipment could not be opened." error={error.clone()}
                        retrying={equipment.loading} on_retry={equipment.reload.clone()} />
                </section>
            };
        }
    };
    let subtitle = html! {
        <>
            <StatusBadge status={item.fields.status} />
            if item.out_of_tolerance {
                <span class="badge badge-out-of-tolerance" id="out-of-tolerance"
                    title="Its latest calibration failed">{"Out of tolerance"}</span>
            }
            if item.fields.reference_standard {
                <span class="tag">{"Reference standard"}</span>
            }
        </>
    };
    let offer = props.offer_out_of_service.then(|| {
        let (on_notice, on_closed) = (props.on_notice.clone(), props.on_offer_closed.clone());
        let reload = equipment.reload.clone();
        html! {
            <OutOfServiceOffer equipment={item.clone()} return_focus={edit_ref.clone()}
                on_closed={on_closed.clone()}
                on_done={Callback::from(move |message| {
                    on_notice.emit(message);
                    on_closed.emit(());
                    reload.emit(());
                })} />
        }
    });
    html! {
        <section class="page page-detail">
            <PageHeader title={describe(&item.fields.asset_tag, &item.fields.name)}
                before={back} {subtitle}>
                <button type="button" id="edit-equipment" class="button secondary" ref={edit_ref}
                    onclick={props.on_edit.reform(|_| ())}>{"Edit"}</button>
                <button type="button" id="add-plan" class="button primary"
                    onclick={props.on_add_plan.reform(|_| ())}>{"Add plan"}</button>
            </PageHeader>
            {facts(item)}
            <Plans equipment_id={props.id} on_add={props.on_add_plan.clone()}
                on_edit={props.on_edit_plan.clone()} on_record={props.on_record.clone()} />
            <History equipment_id={props.id} on_amend={props.on_amend.clone()}
                on_notice={props.on_notice.clone()} />
            {offer}
        </section>
    }
}

/// The fields shown in the item's summary, in order; notes come last, full width.
const FACTS: [EquipmentField; 6] = [
    EquipmentField::Manufacturer,
    EquipmentField::Model,
    EquipmentField::SerialNumber,
    EquipmentField::Location,
    EquipmentField::Department,
    EquipmentField::Owner,
];

/// The item's fields as a compact definition list (`dl.facts`).
fn facts(item: &Equipment) -> Html {
    let fact = |label: &str, value: Html| {
        html! {
            <div class="fact">
                <dt>{label.to_owned()}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    let text = |value: &str| {
        if value.is_empty() {
            html! { <span class="muted">{"—"}</span> }
        } else {
            html! { {value.to_owned()} }
        }
    };
    let notes = &item.fields.notes;
    html! {
        <dl class="facts">
            {for FACTS.into_iter().map(|field| fact(field.rule().label, text(item.fields.text(field))))}
            {fact("Added", html! { {local_timestamp(item.created_at)} })}
            {fact("Last changed", html! { {local_timestamp(item.updated_at)} })}
            if !notes.is_empty() {
                <div class="fact fact-wide">
                    <dt>{"Notes"}</dt>
                    <dd class="notes">{notes.clone()}</dd>
                </div>
            }
        </dl>
    }
}
