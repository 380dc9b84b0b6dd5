//! What the record form is for: a new record against a plan, or a correction of a saved
//! record. Everything that differs between the two lives here; the form itself is shared.

use std::rc::Rc;

use benchlog_domain::equipment::Equipment;
use benchlog_domain::error::ApiError;
use benchlog_domain::ipc::{AmendRecord, RecordCalibration};
use benchlog_domain::plan::Plan;
use benchlog_domain::record::{CalibrationRecord, NewRecord, RecordOutcome};
use chrono::NaiveDate;
use yew::prelude::*;

use super::state::{RecordState, RecordText};
use crate::components::calibration_badges::PlanStateBadge;
use crate::format::{describe, iso_date, local_timestamp};
use crate::ipc::call;

/// What the record form is for.
#[derive(Debug, Clone, PartialEq)]
pub enum RecordMode {
    /// Record a new calibration against this plan.
    Record(Plan),
    /// Correct this saved record.
    Amend(Rc<CalibrationRecord>),
}

impl RecordMode {
    /// The form's starting state.
    pub fn initial_state(&self, today: NaiveDate) -> RecordState {
        match self {
            Self::Record(plan) => RecordState::new(plan, today),
            Self::Amend(record) => RecordState::amend(record),
        }
    }

    /// Whether the form corrects a saved record.
    pub fn is_amendment(&self) -> bool {
        matches!(self, Self::Amend(_))
    }

    /// The page's title.
    pub fn title(&self) -> String {
        match self {
            Self::Record(_) => "Record calibration".to_owned(),
            Self::Amend(record) => amend_title(record.details.performed_on),
        }
    }

    /// The save button's label, and its label while saving.
    pub fn save_labels(&self) -> (&'static str, &'static str) {
        match self {
            Self::Record(_) => ("Save record", "Saving…"),
            Self::Amend(_) => ("Save amendment", "Saving…"),
        }
    }

    /// The input that takes focus when the form opens.
    pub fn first_input(&self) -> RecordText {
        match self {
            Self::Record(_) => RecordText::PerformedBy,
            Self::Amend(_) => RecordText::Reason,
        }
    }

    /// The line under the title: the item, and the plan or the record.
    pub fn subtitle(&self, item: &Equipment, today: NaiveDate) -> Html {
        let context = match self {
            Self::Record(plan) => html! {
                <>
                    <span>{format!("Plan: {}", plan.fields.name)}</span>
                    <span aria-hidden="true">{"·"}</span>
                    <span>{plan.fields.next_due.map_or("Never done".to_owned(), |d| format!("Due {}", iso_date(d)))}</span>
                    <PlanStateBadge state={plan.schedule().state_on(today)} />
                </>
            },
            Self::Amend(record) => html! {
                <>
                    <span>{format!("Plan: {}", record.plan_name)}</span>
                    <span aria-hidden="true">{"·"}</span>
                    <span>{format!("Recorded {}", local_timestamp(record.created_at))}</span>
                </>
            },
        };
        html! {
            <>
                <strong>{describe(&item.fields.asset_tag, &item.fields.name)}</strong>
                <span aria-hidden="true">{"·"}</span>
                {context}
            </>
        }
    }

    /// Sends what the form holds to the shell.
    pub async fn save(&self, state: &RecordState) -> Result<RecordOutcome, ApiError> {
        match self {
            Self::Record(plan) => {
                let record = NewRecord {
                    plan_id: plan.id,
                    fields: state.fields.clone(),
                };
                call::<RecordCalibration>(&record).await
            }
            Self::Amend(record) => call::<AmendRecord>(&state.amendment(record.id)).await,
        }
    }
}

/// "Amend calibration of 2026-11-20".
pub fn amend_title(performed_on: NaiveDate) -> String {
    format!("Amend calibration of {}", iso_date(performed_on))
}
