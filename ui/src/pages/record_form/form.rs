//! The record form itself: its sections, validation on submit, and saving.

use benchlog_domain::equipment::Equipment;
use benchlog_domain::error::FieldError;
use benchlog_domain::ipc::RecordCalibration;
use benchlog_domain::plan::Plan;
use benchlog_domain::record::{NewRecord, RecordOutcome};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::details::DetailsFields;
use super::points::PointsTable;
use super::standards::StandardsPicker;
use super::state::{PREFIX, RecordAction, RecordState, input_for, rank};
use crate::components::calibration_badges::{PlanStateBadge, ResultBadge};
use crate::components::field::{error_id, input_id};
use crate::components::form_page::FormPage;
use crate::components::form_problem::FormProblem;
use crate::components::page_header::{BackLink, PageHeader};
use crate::components::select_field::SelectField;
use crate::dom::focus_by_id;
use crate::format::{describe, iso_date, today};
use crate::forms::{first_in_form_order, message_for};
use crate::ipc::call;
use crate::keys::Keyed;

/// Properties of [`RecordForm`].
#[derive(Properties, PartialEq)]
pub struct RecordFormProps {
    /// The item calibrated.
    pub item: Equipment,
    /// The plan the calibration fulfils.
    pub plan: Plan,
    /// Called with what saving did.
    pub on_done: Callback<RecordOutcome>,
    /// Back without saving.
    pub on_cancel: Callback<()>,
}

/// `form#record-form` with `#save-record` and `#cancel-record`.
#[component]
pub fn RecordForm(props: &RecordFormProps) -> Html {
    let state = use_reducer(|| RecordState::new(&props.plan, today()));
    use_effect_with((), |()| focus_by_id(&input_id(PREFIX, "performed_by")));
    let on_action = state.dispatcher().to_callback();
    let today = today();
    let errors = state.errors(today);

    let onsubmit = {
        let (dispatcher, snapshot) = (state.dispatcher(), (*state).clone());
        let (plan_id, on_done) = (props.plan.id, props.on_done.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            if snapshot.saving {
                return;
            }
            if let Err(errors) = snapshot.check(today) {
                dispatcher.dispatch(RecordAction::Invalid);
                focus_first(&errors);
                return;
            }
            dispatcher.dispatch(RecordAction::Started);
            let record = NewRecord {
                plan_id,
                fields: snapshot.fields.clone(),
            };
            let (dispatcher, on_done) = (dispatcher.clone(), on_done.clone());
            spawn_local(async move {
                match call::<RecordCalibration>(&record).await {
                    Ok(outcome) => on_done.emit(outcome),
                    Err(error) => {
                        focus_first(&error.field_errors());
                        dispatcher.dispatch(RecordAction::Failed(error));
                    }
                }
            });
        }
    };
    let (item, plan) = (&props.item, &props.plan);
    let subtitle = html! {
        <>
            <strong>{describe(&item.fields.asset_tag, &item.fields.name)}</strong>
            <span aria-hidden="true">{"·"}</span>
            <span>{format!("Plan: {}", plan.fields.name)}</span>
            <span aria-hidden="true">{"·"}</span>
            <span>{plan.fields.next_due.map_or("Never done".to_owned(), |d| format!("Due {}", iso_date(d)))}</span>
            <PlanStateBadge state={plan.schedule().state_on(today)} />
        </>
    };
    let saving = state.saving;
    let before = html! {
        <BackLink label="Back" disabled={saving} on_click={props.on_cancel.clone()} />
    };
    let on_cancel = props.on_cancel.clone();
    let actions = html! {
        <>
            <button type="submit" form="record-form" id="save-record" class="button primary"
                disabled={saving}>
                {if saving { "Saving…" } else { "Save record" }}
            </button>
            <button type="button" id="cancel-record" class="button secondary"
                disabled={saving} onclick={move |_| on_cancel.emit(())}>{"Cancel"}</button>
            <span class="form-actions-hint">
                <span class="required" aria-hidden="true">{"*"}</span>{" Required"}
            </span>
        </>
    };
    let header = html! { <PageHeader title="Record calibration" {before} {subtitle} /> };
    html! {
        <FormPage wide=true {header} {actions}>
            <form id="record-form" class="record-form" novalidate=true {onsubmit}>
                <FormProblem problem={state.feedback.problem.clone()} />
                <aside class="help-box" id="record-help">
                    <p>{"The next due date is counted from the day performed, also when you \
                         calibrate early. A failed calibration does not move the due date. \
                         Recording an older calibration than the latest one keeps the due date."}</p>
                </aside>
                <DetailsFields fields={state.fields.clone()} performed_on={state.performed_on.clone()}
                    errors={errors.clone()} on_action={on_action.clone()} />
                <fieldset class="form-section">
                    <legend>{"Measurement points"}</legend>
                    <PointsTable points={state.fields.points.clone()} row_keys={state.row_keys.clone()}
                        errors={errors.clone()} on_action={on_action.clone()} />
                </fieldset>
                <fieldset class="form-section">
                    <legend>{"Result"}</legend>
                    {result_field(&state, &errors, &on_action)}
                </fieldset>
                <fieldset class="form-section">
                    <legend>{"Standards used"}</legend>
                    <StandardsPicker selected={state.standards.clone()} exclude={item.id}
                        error={message_for(&errors, "standards")}
                        on_add={on_action.reform(RecordAction::AddStandard)}
                        on_remove={on_action.reform(RecordAction::RemoveStandard)} />
                </fieldset>
            </form>
        </FormPage>
    }
}

/// The result select (`#record-field-result`) and what the points give now
/// (`#derived-result`).
fn result_field(
    state: &RecordState,
    errors: &[FieldError],
    on_action: &Callback<RecordAction>,
) -> Html {
    let mut options = vec![("".into(), "From the points".into())];
    options.extend(
        benchlog_domain::tolerance::CalibrationResult::ALL
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

/// Moves focus to the first input, in form order, that has a message.
fn focus_first(errors: &[FieldError]) {
    if let Some(first) = first_in_form_order(errors, rank) {
        focus_by_id(&input_for(&first.field));
    }
}
