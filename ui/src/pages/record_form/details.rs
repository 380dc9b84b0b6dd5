//! The record's first section: when, by whom, how, and in what conditions.

use benchlog_domain::error::FieldError;
use benchlog_domain::key::Keyed;
use benchlog_domain::plan::Provider;
use benchlog_domain::record::RecordFields;
use yew::prelude::*;

use super::state::{PREFIX, RecordAction, RecordText};
use crate::components::field::{error_id, input_id};
use crate::components::select_field::{SelectField, options};
use crate::components::text_field::TextField;
use crate::forms::message_for;

/// Properties of [`DetailsFields`].
#[derive(Properties, PartialEq)]
pub struct DetailsFieldsProps {
    /// The record as typed.
    pub fields: RecordFields,
    /// The date as typed.
    pub performed_on: String,
    /// The messages to show.
    pub errors: Vec<FieldError>,
    /// Reports an edit.
    pub on_action: Callback<RecordAction>,
}

/// The "Calibration" section with `record-field-{key}` inputs.
#[component]
pub fn DetailsFields(props: &DetailsFieldsProps) -> Html {
    let fields = &props.fields;
    let text = |field: RecordText, label: &'static str, value: &str, required: bool| {
        let key = field.key();
        html! {
            <TextField id={input_id(PREFIX, key)} error_id={error_id(PREFIX, key)} name={key}
                {label} {required} value={value.to_owned()}
                error={message_for(&props.errors, key)}
                on_input={props.on_action.reform(move |value| RecordAction::Text(field, value))} />
        }
    };
    let number = |field: RecordText, label: &'static str, value: &str, unit: &'static str| {
        let key = field.key();
        html! {
            <TextField id={input_id(PREFIX, key)} error_id={error_id(PREFIX, key)} name={key}
                {label} {unit} inputmode="decimal" value={value.to_owned()}
                error={message_for(&props.errors, key)}
                on_input={props.on_action.reform(move |value| RecordAction::Text(field, value))} />
        }
    };
    html! {
        <fieldset class="form-section">
            <legend>{"Calibration"}</legend>
            <div class="form-grid">
                <TextField id={input_id(PREFIX, "performed_on")}
                    error_id={error_id(PREFIX, "performed_on")} name="performed_on"
                    label="Performed on" required=true kind="text" placeholder="YYYY-MM-DD"
                    value={props.performed_on.clone()}
                    error={message_for(&props.errors, "performed_on")}
                    on_input={props.on_action.reform(|value| RecordAction::Text(RecordText::PerformedOn, value))} />
                {text(RecordText::PerformedBy, "Performed by", &fields.performed_by, true)}
                <SelectField id={input_id(PREFIX, "provider")} label="Provider"
                    options={options::<Provider>(Provider::label)} value={fields.provider.key()}
                    on_change={props.on_action.reform(|key: String| {
                        RecordAction::Provider(Provider::from_key(&key).unwrap_or_default())
                    })} />
                if fields.provider == Provider::External {
                    {text(RecordText::ExternalLab, "External lab", &fields.external_lab, true)}
                } else {
                    <div class="field-spacer" aria-hidden="true"></div>
                }
                {text(RecordText::Procedure, "Procedure", &fields.procedure, false)}
                {text(RecordText::CertificateNumber, "Certificate number", &fields.certificate_number, false)}
                {number(RecordText::Temperature, "Temperature", &fields.temperature, "°C")}
                {number(RecordText::Humidity, "Humidity", &fields.humidity, "%RH")}
                <TextField id={input_id(PREFIX, "notes")} error_id={error_id(PREFIX, "notes")}
                    name="notes" label="Notes" multiline=true value={fields.notes.clone()}
                    error={message_for(&props.errors, "notes")}
                    on_input={props.on_action.reform(|value| RecordAction::Text(RecordText::Notes, value))} />
            </div>
        </fieldset>
    }
}
