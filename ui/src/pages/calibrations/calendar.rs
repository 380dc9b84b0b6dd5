//! The calendar: a month of due plans, Monday first.

use std::collections::HashMap;

use benchlog_domain::due::{CalendarDay, CalendarQuery, DueItem};
use benchlog_domain::equipment::EquipmentId;
use benchlog_domain::ipc::GetCalendarMonth;
use benchlog_domain::plan::PlanId;
use chrono::{Datelike, NaiveDate};
use yew::prelude::*;

use super::month::{MonthChange, title, weeks};
use crate::components::load_error::LoadError;
use crate::format::{iso_date, today};
use crate::hooks::use_fetch;
use crate::ipc::call;
use benchlog_domain::key::Keyed;

/// Properties of [`Calendar`].
#[derive(Properties, PartialEq)]
pub struct CalendarProps {
    /// The month shown.
    pub month: CalendarQuery,
    /// Moves to another month.
    pub on_month: Callback<MonthChange>,
    /// Shows the due list for one day ("+ N more").
    pub on_day: Callback<NaiveDate>,
    /// Opens the record form for a plan of an item.
    pub on_record: Callback<(PlanId, EquipmentId)>,
}

/// The month grid (`table.calendar`, a `td[data-date]` per day) with `#month-prev`,
/// `#month-title`, `#month-next` and `#month-today`.
#[component]
pub fn Calendar(props: &CalendarProps) -> Html {
    let answer = use_fetch(props.month, |&month| async move {
        call::<GetCalendarMonth>(&month).await
    });
    let today = today();
    let days: HashMap<NaiveDate, &CalendarDay> = match answer.answer.as_deref() {
        Some(Ok(month)) => month.days.iter().map(|day| (day.date, day)).collect(),
        _ => HashMap::new(),
    };
    let error = match answer.answer.as_deref() {
        Some(Err(error)) => html! {
            <LoadError what="The calendar could not be loaded." error={error.clone()}
                retrying={answer.loading} on_retry={answer.reload.clone()} />
        },
        _ => html! {},
    };
    let go = |change: MonthChange| props.on_month.reform(move |_: MouseEvent| change);
    let cell = |date: NaiveDate| {
        let in_month = date.month() == props.month.month && date.year() == props.month.year;
        let day = days.get(&date).filter(|_| in_month);
        let class = classes!(
            "calendar-day",
            (!in_month).then_some("other-month"),
            (date == today).then_some("today"),
            day.is_some().then_some("has-items"),
        );
        html! {
            <td {class} data-date={iso_date(date)}
                aria-current={(date == today).then_some("date")}>
                <div class="day-number">{date.day()}</div>
                if let Some(day) = day {
                    {for day.items.iter().map(|item| calendar_item(item, &props.on_record))}
                    if day.total as usize > day.items.len() {
                        <button type="button" class="calendar-more"
                            onclick={props.on_day.reform(move |_| date)}>
                            {format!("+ {} more", day.total as usize - day.items.len())}
                        </button>
                    }
                }
            </td>
        }
    };
    html! {
        <div class="calendar-view">
            <div class="calendar-header">
                <h2 id="month-title" aria-live="polite">{title(props.month)}</h2>
                <div class="calendar-nav">
                    <button type="button" id="month-prev" class="button secondary small"
                        aria-label="Previous month" onclick={go(MonthChange::Previous)}>{"‹"}</button>
                    <button type="button" id="month-today" class="button secondary small"
                        onclick={go(MonthChange::Today(today))}>{"Today"}</button>
                    <button type="button" id="month-next" class="button secondary small"
                        aria-label="Next month" onclick={go(MonthChange::Next)}>{"›"}</button>
                </div>
            </div>
            {error}
            <table class={classes!("calendar", answer.loading.then_some("refreshing"))}
                aria-labelledby="month-title" aria-busy={answer.loading.then_some("true")}>
                <thead>
                    <tr>
                        {for ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].into_iter()
                            .map(|day| html! { <th scope="col">{day}</th> })}
                    </tr>
                </thead>
                <tbody>
                    {for weeks(props.month).into_iter().map(|week| html! {
                        <tr>{for week.into_iter().map(cell)}</tr>
                    })}
                </tbody>
            </table>
        </div>
    }
}

/// One plan on its day: asset tag and plan name, coloured by state.
fn calendar_item(item: &DueItem, on_record: &Callback<(PlanId, EquipmentId)>) -> Html {
    let target = (item.plan_id, item.equipment_id);
    html! {
        <button type="button" key={item.plan_id.to_string()}
            class={classes!("calendar-item", format!("state-{}", item.state.key()))}
            data-plan-id={item.plan_id.to_string()}
            title={format!("{} · {} · {} ({})", item.asset_tag, item.equipment_name,
                item.plan_name, item.state.label())}
            onclick={on_record.reform(move |_| target)}>
            <span class="mono">{&item.asset_tag}</span>{" "}{&item.plan_name}
        </button>
    }
}
