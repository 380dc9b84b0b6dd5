//! Correcting a saved record: the page that loads what the form needs, and the reason the
//! form asks for first.

use std::rc::Rc;

use benchlog_domain::ipc::GetEquipment;
use benchlog_domain::key::Keyed;
use benchlog_domain::record::{CalibrationRecord, RecordOutcome};
use yew::prelude::*;

use super::form::RecordForm;
use super::load_frame;
use super::mode::{RecordMode, amend_title};
use super::state::{PREFIX, RecordText};
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

/// Loads the item, then shows `form#record-form` filled in with the record as it reads
/// now (its reference standards as the history listed them).
#[component]
pub fn AmendFormPage(props: &AmendFormPageProps) -> Html {
    let loaded = use_fetch(props.record.equipment_id, |&id| async move {
        call::<GetEquipment>(&id).await
    });
    let title = amend_title(props.record.details.performed_on);
    load_frame(&title, "record", &loaded, &props.on_cancel, |item| {
        html! {
            <RecordForm item={item.clone()} mode={RecordMode::Amend(props.record.clone())}
                on_done={props.on_done.clone()} on_cancel={props.on_cancel.clone()} />
        }
    })
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
    let key = RecordText::Reason.key();
    html! {
        <fieldset class="form-section amend-section">
            <legend>{"Correction"}</legend>
            <aside class="help-box" id="amend-help">
                <p>{"The record is not changed in place: this correction and its reason are \
                     added to its history."}</p>
            </aside>
            <div class="form-grid">
                <TextField id={input_id(PREFIX, key)} error_id={error_id(PREFIX, key)}
                    name={key} label="Reason for the correction" required=true multiline=true
                    hint="For example: “Certificate number mistyped; corrected from the certificate.”"
                    value={props.reason.clone()} error={props.error.clone()}
                    on_input={props.on_input.clone()} />
            </div>
        </fieldset>
    }
}
