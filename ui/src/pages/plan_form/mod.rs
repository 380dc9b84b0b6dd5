//! The form for adding a calibration plan to an item, or editing one.

mod fields;
mod state;

use std::rc::Rc;

use benchlog_domain::equipment::EquipmentId;
use benchlog_domain::ipc::{CreatePlan, GetEquipment, UpdatePlan};
use benchlog_domain::plan::{NewPlan, Plan, PlanFields, PlanUpdate};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use self::fields::PlanFieldsView;
use self::state::{PlanAction, PlanFormState, rank};
use crate::components::field::input_id;
use crate::components::form_page::FormPage;
use crate::components::form_problem::FormProblem;
use crate::components::page_header::{BackLink, PageHeader};
use crate::dom::focus_by_id;
use crate::format::describe;
use crate::forms::{Saving, Submit, first_in_form_order};
use crate::hooks::use_fetch;
use crate::ipc::call;

/// The id prefix of the plan form's inputs: `plan-field-{key}`, `plan-error-{key}`.
pub const PREFIX: &str = "plan-";

/// Properties of [`PlanFormPage`].
#[derive(Properties, PartialEq)]
pub struct PlanFormPageProps {
    /// The item the plan is for.
    pub equipment_id: EquipmentId,
    /// The plan to edit, or `None` to add one.
    #[prop_or_default]
    pub existing: Option<Rc<Plan>>,
    /// Called after a save, with the message to show.
    pub on_done: Callback<String>,
    /// Back without saving.
    pub on_cancel: Callback<()>,
}

/// The page with `form#plan-form`, `#save-plan` and `#cancel-plan`.
#[component]
pub fn PlanFormPage(props: &PlanFormPageProps) -> Html {
    let state = use_reducer(|| {
        let fields = props.existing.as_ref().map(|plan| plan.fields.clone());
        PlanFormState::new(&fields.unwrap_or_default())
    });
    // Only for the header: the form works before, or without, it.
    let item = use_fetch(props.equipment_id, |&id| async move {
        call::<GetEquipment>(&id).await
    });
    use_effect_with((), |()| focus_by_id(&input_id(PREFIX, "name")));

    let saving = state.feedback.is_busy();
    let onsubmit = {
        let (dispatcher, draft) = (state.dispatcher(), state.draft.clone());
        let (existing, equipment_id) = (props.existing.clone(), props.equipment_id);
        let on_done = props.on_done.clone();
        move |e: SubmitEvent| {
            e.prevent_default();
            if saving {
                return;
            }
            let fields = match draft.check() {
                Ok(fields) => fields,
                Err(errors) => {
                    dispatcher.dispatch(PlanAction::Submit(Submit::Invalid));
                    focus_first(&errors);
                    return;
                }
            };
            dispatcher.dispatch(PlanAction::Submit(Submit::Started(Saving)));
            let (dispatcher, existing, on_done) =
                (dispatcher.clone(), existing.clone(), on_done.clone());
            spawn_local(async move {
                match save(equipment_id, existing.as_deref(), fields).await {
                    Ok(message) => on_done.emit(message),
                    Err(error) => {
                        focus_first(&error.field_errors());
                        dispatcher.dispatch(PlanAction::Submit(Submit::Failed(error)));
                    }
                }
            });
        }
    };

    let title = match &props.existing {
        Some(plan) => format!("Edit plan · {}", plan.fields.name),
        None => "New calibration plan".to_owned(),
    };
    let item_name = match item.answer.as_deref() {
        Some(Ok(item)) => describe(&item.fields.asset_tag, &item.fields.name),
        _ => String::new(),
    };
    // The way back names the item the plan is for.
    let back_label = if item_name.is_empty() {
        "Equipment".to_owned()
    } else {
        item_name
    };
    let before = html! {
        <BackLink label={back_label} disabled={saving} on_click={props.on_cancel.clone()} />
    };
    let on_cancel = props.on_cancel.clone();
    let actions = html! {
        <>
            <button type="submit" form="plan-form" id="save-plan" class="button primary"
                disabled={saving}>
                {if saving { "Saving…" } else { "Save plan" }}
            </button>
            <button type="button" id="cancel-plan" class="button secondary"
                disabled={saving} onclick={move |_| on_cancel.emit(())}>
                {"Cancel"}
            </button>
            <span class="form-actions-hint">
                <span class="required" aria-hidden="true">{"*"}</span>{" Required"}
            </span>
        </>
    };
    html! {
        <FormPage header={html! { <PageHeader {title} {before} /> }} {actions}>
            <form id="plan-form" class="plan-form" novalidate=true {onsubmit}>
                <FormProblem problem={state.feedback.problem.clone()} />
                <PlanFieldsView draft={state.draft.clone()} errors={state.errors()}
                    on_action={state.dispatcher().to_callback()} />
            </form>
        </FormPage>
    }
}

/// Creates or updates the plan; the notice to show when it worked.
async fn save(
    equipment_id: EquipmentId,
    existing: Option<&Plan>,
    fields: PlanFields,
) -> Result<String, benchlog_domain::error::ApiError> {
    let saved = match existing {
        None => {
            call::<CreatePlan>(&NewPlan {
                equipment_id,
                fields,
            })
            .await?
        }
        Some(plan) => {
            let update = PlanUpdate {
                id: plan.id,
                revision: plan.revision,
                fields,
            };
            call::<UpdatePlan>(&update).await?
        }
    };
    let verb = if existing.is_some() { "Saved" } else { "Added" };
    Ok(format!("{verb} plan “{}”", saved.fields.name))
}

/// Moves focus to the first field, in form order, that has a message.
fn focus_first(errors: &[benchlog_domain::error::FieldError]) {
    if let Some(first) = first_in_form_order(errors, rank) {
        focus_by_id(&input_id(PREFIX, &first.field));
    }
}
