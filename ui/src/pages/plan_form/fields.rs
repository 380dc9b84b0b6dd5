//! The plan form's fields, in three sections.

use benchlog_domain::error::FieldError;
use benchlog_domain::key::Keyed;
use benchlog_domain::plan::{PlanField, Provider};
use benchlog_domain::schedule::IntervalUnit;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::PREFIX;
use super::state::{PlanAction, PlanDraft};
use crate::components::check_field::CheckField;
use crate::components::field::{Field, error_id, input_id};
use crate::components::select_field::{SelectField, options};
use crate::components::text_field::TextField;
use crate::forms::message_for;
use crate::labels::unit_label;

/// Properties of [`PlanFieldsView`].
#[derive(Properties, PartialEq)]
pub struct PlanFieldsViewProps {
    /// The plan as typed.
    pub draft: PlanDraft,
    /// The messages to show.
    pub errors: Vec<FieldError>,
    /// Reports an edit.
    pub on_action: Callback<PlanAction>,
}

/// The fields: what and how often; who; when next.
#[component]
pub fn PlanFieldsView(props: &PlanFieldsViewProps) -> Html {
    let draft = &props.draft;
    let text = |field: PlanField, label: &'static str, required: bool| {
        let key = field.key();
        html! {
            <TextField id={input_id(PREFIX, key)} error_id={error_id(PREFIX, key)} name={key}
                {label} {required} value={draft.text(field).to_owned()}
                error={message_for(&props.errors, key)}
                on_input={props.on_action.reform(move |value| PlanAction::Text(field, value))} />
        }
    };
    let days = |field: PlanField, label: &'static str, unit: &'static str, hint: &'static str| {
        let key = field.key();
        html! {
            <TextField id={input_id(PREFIX, key)} error_id={error_id(PREFIX, key)} name={key}
                {label} inputmode="numeric" {unit} {hint} value={draft.text(field).to_owned()}
                error={message_for(&props.errors, key)}
                on_input={props.on_action.reform(move |value| PlanAction::Text(field, value))} />
        }
    };
    let external = draft.provider == Provider::External;
    let on_paused = props.on_action.reform(PlanAction::Paused);
    html! {
        <>
            <fieldset class="form-section">
                <legend>{"What and how often"}</legend>
                <div class="form-grid">
                    {text(PlanField::Name, "Name", true)}
                    <Interval draft={draft.clone()} errors={props.errors.clone()}
                        on_action={props.on_action.clone()} />
                    {days(PlanField::DueSoonDays, "Due-soon window", "days before",
                        "From then on it shows as due soon.")}
                    {days(PlanField::GraceDays, "Grace period", "days after",
                        "It counts as overdue only after this.")}
                </div>
            </fieldset>
            <fieldset class="form-section">
                <legend>{"Who does it"}</legend>
                <div class="form-grid">
                    <SelectField id={input_id(PREFIX, "provider")} label="Provider"
                        options={options::<Provider>(Provider::label)}
                        value={draft.provider.key()}
                        on_change={props.on_action.reform(|key: String| {
                            PlanAction::Provider(Provider::from_key(&key).unwrap_or_default())
                        })} />
                    {text(PlanField::Assignee, "Assignee", false)}
                    if external {
                        {text(PlanField::ExternalLab, "External lab", true)}
                        {days(PlanField::LeadTimeDays, "Lead time", "days",
                            "How long the lab usually needs.")}
                    }
                </div>
            </fieldset>
            <fieldset class="form-section">
                <legend>{"When"}</legend>
                <div class="form-grid">
                    <TextField id={input_id(PREFIX, "next_due")} error_id={error_id(PREFIX, "next_due")}
                        name="next_due" label="Next due" kind="text" placeholder="YYYY-MM-DD"
                        hint="Leave empty if it has never been calibrated"
                        value={draft.text(PlanField::NextDue).to_owned()}
                        error={message_for(&props.errors, "next_due")}
                        on_input={props.on_action.reform(|value| PlanAction::Text(PlanField::NextDue, value))} />
                    <CheckField id={input_id(PREFIX, "paused")} name="paused" label="Paused"
                        note="(not scheduled until resumed)" class="field-align-end"
                        checked={draft.paused} on_change={on_paused} />
                </div>
            </fieldset>
        </>
    }
}

/// "Every [12] [months]": the interval's count (typed as text) and unit.
#[component]
fn Interval(props: &PlanFieldsViewProps) -> Html {
    let count_key = PlanField::IntervalCount.key();
    let id = input_id(PREFIX, count_key);
    let errors_id = error_id(PREFIX, count_key);
    let error = message_for(&props.errors, count_key);
    let count: u32 = props
        .draft
        .text(PlanField::IntervalCount)
        .trim()
        .parse()
        .unwrap_or(2);
    let units: Vec<(AttrValue, AttrValue)> = IntervalUnit::ALL
        .iter()
        .copied()
        .map(|unit| (unit.key().into(), unit_label(unit, count).into()))
        .collect();
    let unit_ref = use_node_ref();
    {
        let unit = props.draft.interval_unit;
        use_effect_with((unit, unit_ref.clone()), |(unit, unit_ref)| {
            if let Some(select) = unit_ref.cast::<web_sys::HtmlSelectElement>() {
                select.set_value(unit.key());
            }
        });
    }
    html! {
        <Field id={id.clone()} error_id={errors_id.clone()} label="Interval" required=true {error}>
            <div class="interval-inputs">
                <span class="muted">{"Every"}</span>
                <input type="text" id={id} name={count_key} inputmode="numeric" autocomplete="off"
                    value={props.draft.text(PlanField::IntervalCount).to_owned()}
                    aria-invalid={message_for(&props.errors, count_key).map(|_| "true")}
                    aria-describedby={message_for(&props.errors, count_key).map(|_| errors_id)}
                    oninput={props.on_action.reform(|e: InputEvent| PlanAction::Text(
                        PlanField::IntervalCount,
                        e.target_unchecked_into::<HtmlInputElement>().value()))} />
                <select id={input_id(PREFIX, "interval_unit")} name="interval_unit" ref={unit_ref}
                    aria-label="Interval unit"
                    onchange={props.on_action.reform(|e: Event| PlanAction::Unit(
                        IntervalUnit::from_key(&e.target_unchecked_into::<web_sys::HtmlSelectElement>().value())
                            .unwrap_or_default()))}>
                    {for units.into_iter().map(|(key, label)| html! {
                        <option value={key.clone()} selected={key == props.draft.interval_unit.key()}>
                            {label}
                        </option>
                    })}
                </select>
            </div>
        </Field>
    }
}
