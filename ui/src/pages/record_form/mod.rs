//! The form for recording a calibration against one plan of an item, which also corrects
//! (amends) a saved record.

mod amend;
mod details;
mod form;
mod mode;
mod points;
mod result;
mod standards;
mod state;

use benchlog_domain::equipment::EquipmentId;
use benchlog_domain::error::ApiError;
use benchlog_domain::ipc::{GetEquipment, ListPlans};
use benchlog_domain::plan::PlanId;
use benchlog_domain::record::RecordOutcome;
use yew::prelude::*;

pub use self::amend::AmendFormPage;
use self::form::RecordForm;
use self::mode::RecordMode;
pub use self::state::outcome_notices;
use crate::components::load_error::LoadError;
use crate::components::loading::Loading;
use crate::components::page_header::{BackLink, PageHeader};
use crate::hooks::{Fetched, use_fetch};
use crate::ipc::call;

/// Properties of [`RecordFormPage`].
#[derive(Properties, PartialEq)]
pub struct RecordFormPageProps {
    /// The plan the calibration fulfils.
    pub plan_id: PlanId,
    /// The item calibrated.
    pub equipment_id: EquipmentId,
    /// Called with what saving did.
    pub on_done: Callback<RecordOutcome>,
    /// Back without saving.
    pub on_cancel: Callback<()>,
}

/// Loads the item and its plan, then shows `form#record-form`.
#[component]
pub fn RecordFormPage(props: &RecordFormPageProps) -> Html {
    let loaded = use_fetch(
        (props.equipment_id, props.plan_id),
        |&(equipment_id, plan_id)| async move {
            let item = call::<GetEquipment>(&equipment_id).await?;
            let plans = call::<ListPlans>(&equipment_id).await?;
            let plan = plans.into_iter().find(|plan| plan.id == plan_id);
            let plan = plan.ok_or_else(|| ApiError::NotFound {
                what: "This calibration plan".to_owned(),
            })?;
            Ok((item, plan))
        },
    );
    load_frame(
        "Record calibration",
        "plan",
        &loaded,
        &props.on_cancel,
        |(item, plan)| {
            html! {
                <RecordForm item={item.clone()} mode={RecordMode::Record(plan.clone())}
                    on_done={props.on_done.clone()} on_cancel={props.on_cancel.clone()} />
            }
        },
    )
}

/// The form once what it needs is `loaded`; until then a page titled `title` that says it
/// is loading the `noun` ("plan", "record"), or why it could not.
fn load_frame<T>(
    title: &str,
    noun: &str,
    loaded: &Fetched<T>,
    on_cancel: &Callback<()>,
    form: impl FnOnce(&T) -> Html,
) -> Html {
    let before = html! { <BackLink label="Back" on_click={on_cancel.clone()} /> };
    let title = AttrValue::from(title.to_owned());
    match loaded.answer.as_deref() {
        Some(Ok(answer)) => form(answer),
        None => html! {
            <section class="page page-form">
                <PageHeader {title} {before} />
                <Loading label={format!("Loading the {noun}…")} />
            </section>
        },
        Some(Err(error)) => html! {
            <section class="page page-form">
                <PageHeader {title} {before} />
                <LoadError what={format!("This calibration {noun} could not be opened.")}
                    error={error.clone()} retrying={loaded.loading}
                    on_retry={loaded.reload.clone()} />
            </section>
        },
    }
}
