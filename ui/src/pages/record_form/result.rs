//! The record's result: chosen, or left to what the measurement points give.

use benchlog_domain::error::FieldError;
use benchlog_domain::tolerance::CalibrationResult;
use yew::prelude::*;

use super::state::{PREFIX, RecordAction, RecordState};
use crate::components::calibration_badges::ResultBadge;
use crate::components::field::{error_id, input_id};
use crate::components::select_field::SelectField;
use crate::forms::message_for;
use benchlog_domain::key::Keyed;

/// The result select (`#record-field-result`) and what the points give now
/// (`#derived-result`).
pub fn result_field(
    state: &RecordState,
    errors: &[FieldError],
    on_action: &Callback<RecordAction>,
) -> Html {
    let mut options = vec![("".into(), "From the points".into())];
    options.extend(
        CalibrationResult::ALL
            .iter()
            .map(|result| (result.key().into(), result.label().into())),
    );
    let derived = match state.derived_result() {
        Some(result) => html! { <>{"The points give "}<ResultBadge {result} /></> },
        None => html! { <span class="muted">{"No complete measurement point yet"}</span> },
    };
    html! {
        <div class="result-row">
            <SelectField id={input_id(PREFIX, "result")} error_id={error_id(PREFIX, "result")}
                label="Result" {options}
                value={state.fields.result.map_or("", |result| result.key())}
                error={message_for(errors, "result")}
                hint="Limited: fit only for restricted use, as the certificate states."
                on_change={on_action.reform(|key: String| RecordAction::Result(Keyed::from_key(&key)))} />
            <p id="derived-result" class="derived-result" aria-live="polite">{derived}</p>
        </div>
    }
}
