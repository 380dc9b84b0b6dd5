//! The calibrations page: what is due, as a list or a month calendar.

pub mod calendar;
mod due_filters;
pub mod due_list;
pub mod month;

use benchlog_domain::due::{CalendarQuery, DueQuery};
use benchlog_domain::equipment::EquipmentId;
use benchlog_domain::plan::PlanId;
use chrono::NaiveDate;
use yew::prelude::*;

use self::calendar::Calendar;
use self::due_list::{DueChange, DueList};
use self::month::MonthChange;
use crate::app::state::CalibrationsTab;
use crate::components::page_header::PageHeader;
use crate::dom::focus_by_id;

/// Properties of [`CalibrationsPage`].
#[derive(Properties, PartialEq)]
pub struct CalibrationsPageProps {
    /// The tab shown.
    pub tab: CalibrationsTab,
    /// The due list's filters and page.
    pub due_query: DueQuery,
    /// The calendar's month.
    pub month: CalendarQuery,
    /// Shows another tab.
    pub on_tab: Callback<CalibrationsTab>,
    /// Changes the due list's query.
    pub on_due: Callback<DueChange>,
    /// Moves the calendar.
    pub on_month: Callback<MonthChange>,
    /// Shows the due list for one day.
    pub on_day: Callback<NaiveDate>,
    /// Opens the record form for a plan of an item.
    pub on_record: Callback<(PlanId, EquipmentId)>,
}

/// The page, with tabs `#tab-due` and `#tab-calendar` (`role="tablist"`).
#[component]
pub fn CalibrationsPage(props: &CalibrationsPageProps) -> Html {
    let tab = |id: &'static str, label: &'static str, this: CalibrationsTab| {
        let selected = props.tab == this;
        let other = match this {
            CalibrationsTab::Due => (CalibrationsTab::Calendar, "tab-calendar"),
            CalibrationsTab::Calendar => (CalibrationsTab::Due, "tab-due"),
        };
        let on_tab = props.on_tab.clone();
        // Arrow keys move between the tabs, as in any tab list.
        let onkeydown = move |e: KeyboardEvent| {
            if matches!(e.key().as_str(), "ArrowLeft" | "ArrowRight") {
                e.prevent_default();
                on_tab.emit(other.0);
                focus_by_id(other.1);
            }
        };
        html! {
            <button type="button" role="tab" {id} class={classes!("tab", selected.then_some("active"))}
                aria-selected={selected.to_string()} aria-controls="calibrations-panel"
                tabindex={if selected { "0" } else { "-1" }} {onkeydown}
                onclick={props.on_tab.reform(move |_| this)}>{label}</button>
        }
    };
    let (panel, labelled_by) = match props.tab {
        CalibrationsTab::Due => (
            html! {
                <DueList query={props.due_query.clone()} on_query={props.on_due.clone()}
                    on_record={props.on_record.clone()} />
            },
            "tab-due",
        ),
        CalibrationsTab::Calendar => (
            html! {
                <Calendar month={props.month} on_month={props.on_month.clone()}
                    on_day={props.on_day.clone()} on_record={props.on_record.clone()} />
            },
            "tab-calendar",
        ),
    };
    html! {
        <section class="page page-calibrations">
            <PageHeader title="Calibrations"
                subtitle={html! { {"What is due, for active equipment with plans that are not paused."} }} />
            <div class="tabs" role="tablist" aria-label="Views">
                {tab("tab-due", "Due list", CalibrationsTab::Due)}
                {tab("tab-calendar", "Calendar", CalibrationsTab::Calendar)}
            </div>
            <div class="tab-panel" role="tabpanel" id="calibrations-panel"
                aria-labelledby={labelled_by}>
                {panel}
            </div>
        </section>
    }
}
