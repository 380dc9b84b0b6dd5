//! Which page the app shows, wired to the app's state.

use std::rc::Rc;

use benchlog_domain::equipment::EquipmentId;
use yew::prelude::*;

use super::state::{AppAction, AppState, CalibrationsTab, Done, Page};
use crate::components::notice::NoticeKind;
use crate::pages::calibrations::CalibrationsPage;
use crate::pages::equipment_detail::EquipmentDetail;
use crate::pages::equipment_form::EquipmentFormPage;
use crate::pages::equipment_list::EquipmentList;
use crate::pages::plan_form::PlanFormPage;
use crate::pages::record_form::{AmendFormPage, RecordFormPage, outcome_notices};
use crate::pages::settings::SettingsPage;

/// The page for `state`, sending what happens on it to `send`.
pub fn view(state: &AppState, send: &Callback<AppAction>) -> Html {
    let go = |page: Page| send.reform(move |()| AppAction::Navigate(page.clone()));
    let from = state.page.clone();
    // Finished: go to `to` with the message the page sends.
    let done_to = |to: Page| {
        let from = from.clone();
        send.reform(move |message| {
            AppAction::Done(Done {
                from: from.clone(),
                to: to.clone(),
                message,
                warning: None,
                offer_out_of_service: None,
            })
        })
    };
    // A record was saved (or amended): back to its item, with the notices and the offer
    // to set it out of service when it is now out of tolerance.
    let saved = |equipment: EquipmentId, amended: bool| {
        let from = from.clone();
        send.reform(move |outcome| {
            let (message, warning) = outcome_notices(&outcome, amended);
            AppAction::Done(Done {
                from: from.clone(),
                to: Page::EquipmentDetail(equipment),
                message,
                warning,
                offer_out_of_service: outcome.out_of_tolerance.then_some(equipment),
            })
        })
    };
    let notice = send.reform(|message| AppAction::Notify(NoticeKind::Success, message));
    let record = |equipment: EquipmentId| {
        send.reform(move |plan| AppAction::Navigate(Page::RecordCalibration { plan, equipment }))
    };
    match &state.page {
        Page::EquipmentList => html! {
            <EquipmentList query={state.list_query.clone()}
                on_query={send.reform(AppAction::Query)}
                on_open={send.reform(|id| AppAction::Navigate(Page::EquipmentDetail(id)))}
                on_add={go(Page::NewEquipment)} />
        },
        Page::NewEquipment => html! {
            <EquipmentFormPage key="new" on_done={done_to(Page::EquipmentList)}
                on_cancel={go(Page::EquipmentList)} />
        },
        Page::EditEquipment(id) => html! {
            <EquipmentFormPage key={format!("edit-{id}")} id={*id}
                on_done={done_to(Page::EquipmentList)}
                on_cancel={go(Page::EquipmentDetail(*id))} />
        },
        Page::EquipmentDetail(id) => html! {
            <EquipmentDetail key={format!("detail-{id}")} id={*id}
                offer_out_of_service={state.offer_out_of_service == Some(*id)}
                on_offer_closed={send.reform(|()| AppAction::OfferClosed)}
                on_notice={notice.clone()}
                on_back={go(Page::EquipmentList)}
                on_edit={go(Page::EditEquipment(*id))}
                on_add_plan={go(Page::NewPlan(*id))}
                on_edit_plan={send.reform(|plan| AppAction::Navigate(Page::EditPlan(Rc::new(plan))))}
                on_record={record(*id)}
                on_amend={send.reform(|record| AppAction::Navigate(Page::AmendRecord(Rc::new(record))))} />
        },
        Page::NewPlan(id) => html! {
            <PlanFormPage key={format!("new-plan-{id}")} equipment_id={*id}
                on_done={done_to(Page::EquipmentDetail(*id))}
                on_cancel={go(Page::EquipmentDetail(*id))} />
        },
        Page::EditPlan(plan) => {
            let id = plan.equipment_id;
            html! {
                <PlanFormPage key={format!("edit-plan-{}", plan.id)} equipment_id={id}
                    existing={plan.clone()} on_done={done_to(Page::EquipmentDetail(id))}
                    on_cancel={go(Page::EquipmentDetail(id))} />
            }
        }
        Page::RecordCalibration { plan, equipment } => html! {
            <RecordFormPage key={format!("record-{plan}")} plan_id={*plan}
                equipment_id={*equipment} on_done={saved(*equipment, false)}
                on_cancel={send.reform(|()| AppAction::Back)} />
        },
        Page::AmendRecord(record) => {
            let equipment = record.equipment_id;
            html! {
                <AmendFormPage key={format!("amend-{}", record.id)} record={record.clone()}
                    on_done={saved(equipment, true)} on_cancel={go(Page::EquipmentDetail(equipment))} />
            }
        }
        Page::Calibrations(tab) => html! {
            <CalibrationsPage tab={*tab} due_query={state.due_query.clone()} month={state.month}
                on_tab={send.reform(|tab: CalibrationsTab| AppAction::Navigate(Page::Calibrations(tab)))}
                on_due={send.reform(AppAction::Due)}
                on_month={send.reform(AppAction::Month)}
                on_day={send.reform(AppAction::DueOn)}
                on_record={send.reform(|(plan, equipment)| {
                    AppAction::Navigate(Page::RecordCalibration { plan, equipment })
                })} />
        },
        Page::Settings => html! {
            <SettingsPage mirror={state.mirror.clone()} run_check={state.check_requested}
                on_check_started={send.reform(|()| AppAction::CheckStarted)}
                on_mirror={send.reform(AppAction::Mirror)} on_notice={notice} />
        },
    }
}
