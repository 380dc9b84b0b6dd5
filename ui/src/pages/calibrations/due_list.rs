//! The due list: every plan that needs doing, most urgent first, filtered and paged.

use benchlog_domain::due::{DueItem, DueQuery};
use benchlog_domain::equipment::EquipmentId;
use benchlog_domain::ipc::ListDue;
use benchlog_domain::plan::{PlanId, Provider};
use benchlog_domain::schedule::PlanState;
use chrono::NaiveDate;
use yew::prelude::*;

use super::due_filters::DueFilters;
use crate::components::calibration_badges::PlanStateBadge;
use crate::components::empty_state::EmptyState;
use crate::components::load_error::LoadError;
use crate::components::loading::Loading;
use crate::components::pager::{Pager, page_past_end};
use crate::format::iso_date;
use crate::hooks::use_fetch;
use crate::ipc::call;

/// A change the user makes to the due list's query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DueChange {
    /// Only plans in this state, or all.
    State(Option<PlanState>),
    /// Only items whose location contains this.
    Location(String),
    /// Only items whose department contains this.
    Department(String),
    /// Only plans due on or after this day.
    From(Option<NaiveDate>),
    /// Only plans due on or before this day.
    To(Option<NaiveDate>),
    /// Everything due on one day, in any state.
    Day(NaiveDate),
    /// Show this page (counted from 0).
    Page(u32),
    /// Drop every filter.
    Clear,
}

impl DueChange {
    /// Applies the change; every change but paging goes back to the first page.
    pub fn apply(self, query: &mut DueQuery) {
        match self {
            Self::State(state) => query.state = state,
            Self::Location(text) => query.location = text,
            Self::Department(text) => query.department = text,
            Self::From(date) => query.due_from = date,
            Self::To(date) => query.due_to = date,
            Self::Day(day) => {
                // Exactly what the calendar counted for that day.
                *query = DueQuery {
                    due_from: Some(day),
                    due_to: Some(day),
                    ..DueQuery::default()
                };
            }
            Self::Page(page) => {
                query.page = page;
                return;
            }
            Self::Clear => *query = DueQuery::default(),
        }
        query.page = 0;
    }
}

/// Whether any filter narrows the list.
pub fn is_filtered(query: &DueQuery) -> bool {
    *query
        != DueQuery {
            page: query.page,
            ..DueQuery::default()
        }
}

/// Properties of [`DueList`].
#[derive(Properties, PartialEq)]
pub struct DueListProps {
    /// The filters and page.
    pub query: DueQuery,
    /// Asks to change them.
    pub on_query: Callback<DueChange>,
    /// Opens the record form for a plan of an item.
    pub on_record: Callback<(PlanId, EquipmentId)>,
}

/// The filters, `table.due-table` with a `tr[data-plan-id]` per plan, and the pager.
#[component]
pub fn DueList(props: &DueListProps) -> Html {
    let due = use_fetch(props.query.clone(), |query| {
        let query = query.clone();
        async move { call::<ListDue>(&query).await }
    });
    {
        // Past the last page, e.g. after recording from it: show the last page instead.
        let (on_query, asked) = (props.on_query.clone(), props.query.page);
        use_effect_with(due.answer.clone(), move |answer| {
            if let Some(Ok(page)) = answer.as_deref()
                && let Some(last) = page_past_end(page, asked)
            {
                on_query.emit(DueChange::Page(last));
            }
        });
    }
    let on_clear = props.on_query.reform(|_: MouseEvent| DueChange::Clear);
    let content = match due.answer.as_deref() {
        None => html! { <Loading label="Loading the due list…" /> },
        Some(Err(error)) => html! {
            <LoadError what="The due list could not be loaded." error={error.clone()}
                retrying={due.loading} on_retry={due.reload.clone()} />
        },
        Some(Ok(page)) if page.items.is_empty() => html! {
            <EmptyState title="Nothing is due" text={if is_filtered(&props.query) {
                "No plan matches these filters."
            } else {
                "Every plan of active equipment is within its interval."
            }}>
                if is_filtered(&props.query) {
                    <button type="button" id="due-clear-empty" class="button secondary"
                        onclick={on_clear.clone()}>{"Clear filters"}</button>
                }
            </EmptyState>
        },
        Some(Ok(page)) => html! {
            <>
                <div class="table-scroll">
                    <table class={classes!("data-table", "due-table", due.loading.then_some("refreshing"))}
                        aria-busy={due.loading.then_some("true")}>
                        <thead>
                            <tr>
                                <th scope="col">{"State"}</th>
                                <th scope="col">{"Due"}</th>
                                <th scope="col">{"Asset tag"}</th>
                                <th scope="col">{"Equipment"}</th>
                                <th scope="col">{"Plan"}</th>
                                <th scope="col">{"Location"}</th>
                                <th scope="col">{"Assignee / provider"}</th>
                                <th scope="col"><span class="visually-hidden">{"Actions"}</span></th>
                            </tr>
                        </thead>
                        <tbody>{for page.items.iter().map(|item| row(item, &props.on_record))}</tbody>
                    </table>
                </div>
                <div class="table-footer">
                    <Pager page={page.page} first={page.first_position()} last={page.last_position()}
                        total={page.total} total_is_exact={page.total_is_exact}
                        has_next={page.has_next()} on_page={props.on_query.reform(DueChange::Page)} />
                </div>
            </>
        },
    };
    html! {
        <>
            <DueFilters query={props.query.clone()} on_query={props.on_query.clone()} />
            {content}
        </>
    }
}

/// One plan's row; a click anywhere on it opens the record form.
fn row(item: &DueItem, on_record: &Callback<(PlanId, EquipmentId)>) -> Html {
    let target = (item.plan_id, item.equipment_id);
    let dash = || html! { <span class="muted">{"—"}</span> };
    let provider = match item.provider {
        Provider::Internal => "Internal",
        Provider::External => "External lab",
    };
    html! {
        <tr key={item.plan_id.to_string()} data-plan-id={item.plan_id.to_string()}
            data-asset-tag={item.asset_tag.clone()} class="clickable"
            onclick={on_record.reform(move |_| target)}>
            <td><PlanStateBadge state={item.state} /></td>
            <td class="nowrap">{item.next_due.map_or_else(dash, |due| html! { {iso_date(due)} })}</td>
            <td class="mono nowrap">{&item.asset_tag}</td>
            <td class="cell-name">{&item.equipment_name}</td>
            <td>{&item.plan_name}</td>
            <td>{if item.location.is_empty() { dash() } else { html! { {&item.location} } }}</td>
            <td>
                {if item.assignee.is_empty() { dash() } else { html! { {&item.assignee} } }}
                <span class="subtle">{provider}</span>
            </td>
            <td class="row-actions">
                // No handler of its own: its click (also from Enter or Space) bubbles to the row.
                <button type="button" class="button secondary small record-due"
                    aria-label={format!("Record {} for {}", item.plan_name, item.asset_tag)}>
                    {"Record"}
                </button>
            </td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn applied(changes: impl IntoIterator<Item = DueChange>) -> DueQuery {
        let mut query = DueQuery::default();
        for change in changes {
            change.apply(&mut query);
        }
        query
    }

    #[test]
    fn filters_go_back_to_the_first_page_and_clear_together() {
        let query = applied([DueChange::Page(3), DueChange::Location("Lab 3".into())]);
        assert_eq!((query.page, query.location.as_str()), (0, "Lab 3"));
        assert!(is_filtered(&query));
        let query = applied([
            DueChange::State(Some(PlanState::Overdue)),
            DueChange::Page(2),
            DueChange::Clear,
        ]);
        assert_eq!(query, DueQuery::default());
        assert!(!is_filtered(&applied([DueChange::Page(4)])));
    }

    #[test]
    fn a_day_shows_everything_due_that_day() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let query = applied([DueChange::State(Some(PlanState::Ok)), DueChange::Day(day)]);
        assert_eq!(
            (query.state, query.due_from, query.due_to),
            (None, Some(day), Some(day))
        );
    }
}
