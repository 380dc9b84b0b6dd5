//! The item's calibration plans: what is due when, and the way to record or edit each.

use benchlog_domain::equipment::EquipmentId;
use benchlog_domain::ipc::ListPlans;
use benchlog_domain::plan::{Plan, PlanId, Provider};
use chrono::NaiveDate;
use yew::prelude::*;

use crate::components::calibration_badges::PlanStateBadge;
use crate::components::empty_state::EmptyState;
use crate::components::load_error::LoadError;
use crate::components::loading::Loading;
use crate::format::{iso_date, today};
use crate::hooks::use_fetch;
use crate::ipc::call;
use crate::labels::interval_label;

/// Properties of [`Plans`].
#[derive(Properties, PartialEq)]
pub struct PlansProps {
    /// The item.
    pub equipment_id: EquipmentId,
    /// Opens the form for a new plan.
    pub on_add: Callback<()>,
    /// Opens a plan's form.
    pub on_edit: Callback<Plan>,
    /// Opens the record form for a plan.
    pub on_record: Callback<PlanId>,
}

/// The "Calibration plans" section: `table.plans-table` with a `tr[data-plan-name]` per
/// plan, or an empty state.
#[component]
pub fn Plans(props: &PlansProps) -> Html {
    let plans = use_fetch(props.equipment_id, |&id| async move {
        call::<ListPlans>(&id).await
    });
    let content = match plans.answer.as_deref() {
        None => html! { <Loading label="Loading plans…" /> },
        Some(Err(error)) => html! {
            <LoadError what="The plans could not be loaded." error={error.clone()}
                retrying={plans.loading} on_retry={plans.reload.clone()} />
        },
        Some(Ok(list)) if list.is_empty() => html! {
            <EmptyState class="compact" icon="+" title="No calibration plan yet"
                text="A plan says what is done to this item and how often, so Benchlog can tell when it is due.">
                <button type="button" id="add-first-plan" class="button primary"
                    onclick={props.on_add.reform(|_| ())}>{"Add plan"}</button>
            </EmptyState>
        },
        Some(Ok(list)) => {
            let today = today();
            html! {
                <div class="table-scroll">
                    <table class="data-table plans-table">
                        <thead>
                            <tr>
                                <th scope="col">{"Plan"}</th>
                                <th scope="col">{"State"}</th>
                                <th scope="col">{"Next due"}</th>
                                <th scope="col">{"Interval"}</th>
                                <th scope="col">{"Provider"}</th>
                                <th scope="col">{"Assignee"}</th>
                                <th scope="col"><span class="visually-hidden">{"Actions"}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            {for list.iter().map(|plan| row(plan, today, props))}
                        </tbody>
                    </table>
                </div>
            }
        }
    };
    html! {
        <section class="detail-section" aria-labelledby="plans-title">
            <h2 id="plans-title" class="section-title">{"Calibration plans"}</h2>
            {content}
        </section>
    }
}

/// One plan's row.
fn row(plan: &Plan, today: NaiveDate, props: &PlansProps) -> Html {
    let fields = &plan.fields;
    let next_due = match fields.next_due {
        Some(due) => html! { {iso_date(due)} },
        None => html! { <span class="muted">{"Never done"}</span> },
    };
    let provider = match fields.provider {
        Provider::Internal => fields.provider.label().to_owned(),
        Provider::External => fields.external_lab.clone(),
    };
    let (id, edited) = (plan.id, plan.clone());
    html! {
        <tr key={plan.id.to_string()} data-plan-name={fields.name.clone()}
            data-plan-id={plan.id.to_string()}>
            <td class="cell-name">{&fields.name}</td>
            <td><PlanStateBadge state={plan.schedule().state_on(today)} /></td>
            <td class="nowrap">{next_due}</td>
            <td class="nowrap">{interval_label(fields.interval_count, fields.interval_unit)}</td>
            <td>{provider}</td>
            <td>
                if fields.assignee.is_empty() {
                    <span class="muted">{"—"}</span>
                } else {
                    {&fields.assignee}
                }
            </td>
            <td class="row-actions">
                <button type="button" class="button primary small record-calibration"
                    onclick={props.on_record.reform(move |_| id)}>{"Record calibration"}</button>
                <button type="button" class="button secondary small edit-plan"
                    onclick={props.on_edit.reform(move |_| edited.clone())}>{"Edit"}</button>
            </td>
        </tr>
    }
}
