//! The record form itself: its sections, validation on submit, and saving.

use benchlog_domain::equipment::Equipment;
use benchlog_domain::error::FieldError;
use benchlog_domain::key::Keyed;
use benchlog_domain::record::RecordOutcome;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::amend::ReasonSection;
use super::details::DetailsFields;
use super::mode::RecordMode;
use super::points::PointsTable;
use super::result::result_field;
use super::standards::StandardsPicker;
use super::state::{PREFIX, RecordAction, RecordText, input_for, rank};
use crate::components::field::input_id;
use crate::components::form_page::FormPage;
use crate::components::form_problem::FormProblem;
use crate::components::page_header::{BackLink, PageHeader};
use crate::dom::focus_by_id;
use crate::format::today;
use crate::forms::{Saving, Submit, first_in_form_order, message_for};

/// Properties of [`RecordForm`].
#[derive(Properties, PartialEq)]
pub struct RecordFormProps {
    /// The item calibrated.
    pub item: Equipment,
    /// A new record against a plan, or a correction of a saved one.
    pub mode: RecordMode,
    /// Called with what saving did.
    pub on_done: Callback<RecordOutcome>,
    /// Back without saving.
    pub on_cancel: Callback<()>,
}

/// `form#record-form` with `#save-record` and `#cancel-record`; when amending, the reason
/// (`#record-field-reason`) comes first.
#[component]
pub fn RecordForm(props: &RecordFormProps) -> Html {
    let state = use_reducer(|| props.mode.initial_state(today()));
    let first = props.mode.first_input();
    use_effect_with((), move |()| focus_by_id(&input_id(PREFIX, first.key())));
    let on_action = state.dispatcher().to_callback();
    let today = today();
    let errors = state.errors(today);

    let onsubmit = {
        let (dispatcher, snapshot) = (state.dispatcher(), (*state).clone());
        let (mode, on_done) = (props.mode.clone(), props.on_done.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            if snapshot.feedback.is_busy() {
                return;
            }
            if let Err(errors) = snapshot.check(today) {
                dispatcher.dispatch(RecordAction::Submit(Submit::Invalid));
                focus_first(&errors);
                return;
            }
            dispatcher.dispatch(RecordAction::Submit(Submit::Started(Saving)));
            let (dispatcher, on_done) = (dispatcher.clone(), on_done.clone());
            let (mode, snapshot) = (mode.clone(), snapshot.clone());
            spawn_local(async move {
                match mode.save(&snapshot).await {
                    Ok(outcome) => on_done.emit(outcome),
                    Err(error) => {
                        focus_first(&error.field_errors());
                        dispatcher.dispatch(RecordAction::Submit(Submit::Failed(error)));
                    }
                }
            });
        }
    };
    let (item, mode, saving) = (&props.item, &props.mode, state.feedback.is_busy());
    let before = html! {
        <BackLink label="Back" disabled={saving} on_click={props.on_cancel.clone()} />
    };
    let on_cancel = props.on_cancel.clone();
    let (save_label, saving_label) = mode.save_labels();
    let actions = html! {
        <>
            <button type="submit" form="record-form" id="save-record" class="button primary"
                disabled={saving}>
                {if saving { saving_label } else { save_label }}
            </button>
            <button type="button" id="cancel-record" class="button secondary"
                disabled={saving} onclick={move |_| on_cancel.emit(())}>{"Cancel"}</button>
            <span class="form-actions-hint">
                <span class="required" aria-hidden="true">{"*"}</span>{" Required"}
            </span>
        </>
    };
    let header = html! {
        <PageHeader title={mode.title()} {before} subtitle={mode.subtitle(item, today)} />
    };
    let intro = if mode.is_amendment() {
        html! {
            <ReasonSection reason={state.reason.clone()}
                error={message_for(&errors, RecordText::Reason.key())}
                on_input={on_action.reform(|value| RecordAction::Text(RecordText::Reason, value))} />
        }
    } else {
        html! {
            <aside class="help-box" id="record-help">
                <p>{"The next due date is counted from the day performed, also when you \
                     calibrate early. A failed calibration does not move the due date. \
                     Recording an older calibration than the latest one keeps the due date."}</p>
            </aside>
        }
    };
    html! {
        <FormPage wide=true {header} {actions}>
            <form id="record-form" class={classes!("record-form", mode.is_amendment().then_some("amending"))}
                novalidate=true {onsubmit}>
                <FormProblem problem={state.feedback.problem.clone()} />
                {intro}
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

/// Moves focus to the first input, in form order, that has a message.
fn focus_first(errors: &[FieldError]) {
    if let Some(first) = first_in_form_order(errors, rank) {
        focus_by_id(&input_for(&first.field));
    }
}
