//! The item's calibration history, newest first, a page at a time.

use benchlog_domain::equipment::EquipmentId;
use benchlog_domain::ipc::ListRecords;
use benchlog_domain::record::{CalibrationRecord, RecordQuery};
use yew::prelude::*;

use super::history_row::HistoryRow;
use crate::app::state::CertificatesRevision;
use crate::components::empty_state::EmptyState;
use crate::components::load_error::LoadError;
use crate::components::loading::Loading;
use crate::components::pager::Pager;
use crate::hooks::use_fetch;
use crate::ipc::call;

/// Properties of [`History`].
#[derive(Properties, PartialEq)]
pub struct HistoryProps {
    /// The item.
    pub equipment_id: EquipmentId,
    /// Opens the form that corrects a record.
    pub on_amend: Callback<CalibrationRecord>,
    /// Shows a success notice.
    pub on_notice: Callback<String>,
}

/// The "History" section: `table.history-table` with a `tr[data-record-id]` per record,
/// each expandable to its details, certificates and amendments and with an "Amend" button,
/// and a pager; or an empty state.
#[component]
pub fn History(props: &HistoryProps) -> Html {
    let page = use_state(|| 0_u32);
    let query = RecordQuery {
        equipment_id: props.equipment_id,
        page: *page,
    };
    // Certificates changing also changes the records' file counts.
    let revision = use_context::<CertificatesRevision>().unwrap_or_default();
    let records = use_fetch((query, revision), |(query, _)| {
        let query = query.clone();
        async move { call::<ListRecords>(&query).await }
    });
    let content = match records.answer.as_deref() {
        None => html! { <Loading label="Loading history…" /> },
        Some(Err(error)) => html! {
            <LoadError what="The history could not be loaded." error={error.clone()}
                retrying={records.loading} on_retry={records.reload.clone()} />
        },
        Some(Ok(list)) if list.items.is_empty() => html! {
            <EmptyState class="compact" icon="—" title="No calibrations recorded yet"
                text="Records appear here, newest first, once a calibration is recorded against a plan." />
        },
        Some(Ok(list)) => html! {
            <>
                <div class="table-scroll">
                    <table class={classes!("data-table", "history-table",
                        records.loading.then_some("refreshing"))}>
                        <thead>
                            <tr>
                                <th scope="col" class="col-expand">
                                    <span class="visually-hidden">{"Details"}</span>
                                </th>
                                <th scope="col">{"Performed on"}</th>
                                <th scope="col">{"Plan"}</th>
                                <th scope="col">{"Result"}</th>
                                <th scope="col">{"Performed by"}</th>
                                <th scope="col">{"Certificate no."}</th>
                                <th scope="col" class="numeric">{"Points"}</th>
                                <th scope="col" class="numeric">{"Files"}</th>
                                <th scope="col" class="col-actions">
                                    <span class="visually-hidden">{"Actions"}</span>
                                </th>
                            </tr>
                        </thead>
                        {for list.items.iter().map(|record| html! {
                            <HistoryRow key={record.id.to_string()} record={record.clone()}
                                on_amend={props.on_amend.clone()}
                                on_notice={props.on_notice.clone()} />
                        })}
                    </table>
                </div>
                <div class="table-footer">
                    <Pager page={list.page} first={list.first_position()}
                        last={list.last_position()} total={list.total}
                        total_is_exact={list.total_is_exact} has_next={list.has_next()}
                        on_page={Callback::from(move |to| page.set(to))} />
                </div>
            </>
        },
    };
    html! {
        <section class="detail-section" aria-labelledby="history-title">
            <h2 id="history-title" class="section-title">{"History"}</h2>
            {content}
        </section>
    }
}
