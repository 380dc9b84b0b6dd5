//! Correcting a saved record: the page that loads what the form needs, and the reason the
//! form asks for first.

use std::rc::Rc;

use benchlog_domain::equipment::{Equipment, EquipmentSummary};
use benchlog_domain::ipc::GetEquipment;
use benchlog_domain::record::{CalibrationRecord, RecordOutcome};
use yew::prelude::*;

use super::form::RecordForm;
use super::load_frame;
use super::mode::{RecordMode, amend_title};
use super::state::PREFIX;
use crate::components::field::{error_id, input_id};
use crate::components::text_field::TextField;
use crate::hooks::use_fetch;
use crate::ipc::call;

/// Properties of [`AmendFormPage`].
#[derive(Properties, PartialEq)]
pub struct AmendFormPageProps {
    /// The record to correct, as the history listed it.
    pub record: Rc<CalibrationRecord>,
    /// Called with what saving did.
    pub on_done: Callback<RecordOutcome>,
    /// Back without saving.
    pub on_cancel: Callback<()>,
}

/// Loads the item and the record's reference standards, then shows `form#record-form`
/// filled in with the record as it reads now.
#[component]
pub fn AmendFormPage(props: &AmendFormPageProps) -> Html {
    let loaded = use_fetch(props.record.clone(), |record| {
        let record = record.clone();
        async move {
            let item = call::<GetEquipment>(&record.equipment_id).await?;
            let mut standards = Vec::with_capacity(record.details.standards.len());
            for id in &record.details.standards {
                standards.push(summary(&call::<GetEquipment>(id).await?));
            }
            Ok((item, standards))
        }
    });
    let title = amend_title(props.record.details.performed_on);
    load_frame(
        &title,
        "This record",
        &loaded,
        &props.on_cancel,
        |(item, standards)| {
            let mode = RecordMode::Amend {
                record: props.record.clone(),
                standards: standards.clone(),
            };
            html! {
                <RecordForm item={item.clone()} {mode} on_done={props.on_done.clone()}
                    on_cancel={props.on_cancel.clone()} />
            }
        },
    )
}

/// How the standards picker lists an item.
fn summary(item: &Equipment) -> EquipmentSummary {
    let fields = &item.fields;
    EquipmentSummary {
        id: item.id,
        asset_tag: fields.asset_tag.clone(),
        name: fields.name.clone(),
        manufacturer: fields.manufacturer.clone(),
        model: fields.model.clone(),
        serial_number: fields.serial_number.clone(),
        location: fields.location.clone(),
        status: fields.status,
        reference_standard: fields.reference_standard,
        out_of_tolerance: item.out_of_tolerance,
        updated_at: item.updated_at,
    }
}

/// Properties of [`ReasonSection`].
#[derive(Properties, PartialEq)]
pub struct ReasonSectionProps {
    /// The reason as typed.
    pub reason: AttrValue,
    /// What is wrong with it, if anything.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Reports an edit.
    pub on_input: Callback<String>,
}

/// The "Correction" section: what amending does (`#amend-help`), and the required
/// reason (`#record-field-reason`, its message `#record-error-reason`).
#[component]
pub fn ReasonSection(props: &ReasonSectionProps) -> Html {
    html! {
        <fieldset class="form-section amend-section">
            <legend>{"Correction"}</legend>
            <aside class="help-box" id="amend-help">
                <p>{"The record is not changed in place: this correction and its reason are \
                     added to its history."}</p>
            </aside>
            <div class="form-grid">
                <TextField id={input_id(PREFIX, "reason")} error_id={error_id(PREFIX, "reason")}
                    name="reason" label="Reason for the correction" required=true multiline=true
                    hint="For example: “Certificate number mistyped; corrected from the certificate.”"
                    value={props.reason.clone()} error={props.error.clone()}
                    on_input={props.on_input.clone()} />
            </div>
        </fieldset>
    }
}
