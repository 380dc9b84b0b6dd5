//! Calibration plans: what is done to an item, by whom, and how often.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::equipment::EquipmentId;
use crate::error::FieldError;
use crate::schedule::{Interval, IntervalUnit, Schedule};
use crate::text::TextRule;

crate::id::uuid_id! {
    /// Identifies one plan.
    PlanId
}

/// Who does the work.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Provider {
    /// The lab's own staff.
    #[default]
    Internal,
    /// An outside calibration lab.
    External,
}

impl Provider {
    /// The provider as the user reads it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Internal => "Internal",
            Self::External => "External lab",
        }
    }
}

/// The fields of the plan form that can be wrong, by their keys in [`FieldError`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlanField {
    /// The plan's name.
    Name,
    /// The interval's count.
    IntervalCount,
    /// The due-soon window.
    DueSoonDays,
    /// The grace period.
    GraceDays,
    /// The external lab's name.
    ExternalLab,
    /// The external lab's lead time.
    LeadTimeDays,
    /// Who is responsible.
    Assignee,
    /// The next due date.
    NextDue,
}

impl PlanField {
    /// The field's stable key.
    pub fn key(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::IntervalCount => "interval_count",
            Self::DueSoonDays => "due_soon_days",
            Self::GraceDays => "grace_days",
            Self::ExternalLab => "external_lab",
            Self::LeadTimeDays => "lead_time_days",
            Self::Assignee => "assignee",
            Self::NextDue => "next_due",
        }
    }

    fn error(self, message: impl Into<String>) -> FieldError {
        FieldError {
            field: self.key().to_owned(),
            message: message.into(),
        }
    }
}

/// The most days a window, grace period or lead time may span (ten years).
pub const MAX_DAYS: u32 = 3_650;

/// What the plan form edits, and what is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanFields {
    /// What is done ("Calibration", "Electrical safety test").
    pub name: String,
    /// How many interval units between two runs.
    pub interval_count: u32,
    /// The interval's unit.
    pub interval_unit: IntervalUnit,
    /// Days before the due date from which it shows as due soon (see
    /// [`PlanFields::due_soon_window`] for outside labs).
    pub due_soon_days: u32,
    /// Days after the due date before it is overdue.
    pub grace_days: u32,
    /// Who does the work.
    pub provider: Provider,
    /// The outside lab's name; required for an external provider, else empty.
    pub external_lab: String,
    /// Days the outside lab needs; 0 for an internal provider.
    pub lead_time_days: u32,
    /// Who is responsible; empty when nobody in particular.
    pub assignee: String,
    /// Whether the plan is paused.
    pub paused: bool,
    /// When it is next due; `None` for an item that has never been calibrated.
    pub next_due: Option<NaiveDate>,
}

impl Default for PlanFields {
    fn default() -> Self {
        Self {
            name: "Calibration".to_owned(),
            interval_count: 12,
            interval_unit: IntervalUnit::Months,
            due_soon_days: 30,
            grace_days: 0,
            provider: Provider::Internal,
            external_lab: String::new(),
            lead_time_days: 0,
            assignee: String::new(),
            paused: false,
            next_due: None,
        }
    }
}

impl PlanFields {
    /// Days before the due date from which the plan shows as due soon: its window, plus
    /// the outside lab's lead time when an outside lab does the work.
    pub fn due_soon_window(&self) -> u32 {
        match self.provider {
            Provider::External => self.due_soon_days.saturating_add(self.lead_time_days),
            Provider::Internal => self.due_soon_days,
        }
    }

    /// Cleans and checks every field, reporting all problems at once.
    pub fn validate(&self) -> Result<ValidPlan, Vec<FieldError>> {
        let mut clean = self.clone();
        let mut errors = Vec::new();
        let mut text =
            |field: PlanField, rule: TextRule, value: &mut String| match rule.apply(value) {
                Ok(cleaned) => *value = cleaned,
                Err(message) => errors.push(field.error(message)),
            };
        text(
            PlanField::Name,
            TextRule::required("Name", 120),
            &mut clean.name,
        );
        text(
            PlanField::Assignee,
            TextRule::optional("Assignee", 120),
            &mut clean.assignee,
        );
        match clean.provider {
            Provider::External => text(
                PlanField::ExternalLab,
                TextRule::required("External lab", 120),
                &mut clean.external_lab,
            ),
            Provider::Internal => {
                clean.external_lab.clear();
                clean.lead_time_days = 0;
            }
        }
        if let Err(message) = Interval::new(clean.interval_count, clean.interval_unit) {
            errors.push(PlanField::IntervalCount.error(message));
        }
        for (field, label, days) in [
            (
                PlanField::DueSoonDays,
                "The due-soon window",
                clean.due_soon_days,
            ),
            (PlanField::GraceDays, "The grace period", clean.grace_days),
            (
                PlanField::LeadTimeDays,
                "The lead time",
                clean.lead_time_days,
            ),
        ] {
            if days > MAX_DAYS {
                errors.push(field.error(format!("{label} can be at most {MAX_DAYS} days")));
            }
        }
        if let Some(due) = clean.next_due
            && !plausible_date(due)
        {
            errors.push(PlanField::NextDue.error("Enter a date between 1900 and 2199"));
        }
        if errors.is_empty() {
            Ok(ValidPlan(clean))
        } else {
            Err(errors)
        }
    }
}

/// Whether a date lies in the years a lab's records can plausibly name.
pub fn plausible_date(date: NaiveDate) -> bool {
    (1900..2200).contains(&chrono::Datelike::year(&date))
}

/// Plan fields that passed [`PlanFields::validate`]: the only input storage takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPlan(PlanFields);

impl ValidPlan {
    /// The cleaned fields.
    pub fn fields(&self) -> &PlanFields {
        &self.0
    }

    /// The interval, known to be valid.
    pub fn interval(&self) -> Interval {
        Interval::new(self.0.interval_count, self.0.interval_unit)
            .expect("validated plans have valid intervals")
    }
}

/// A stored plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Its id.
    pub id: PlanId,
    /// The item it is for.
    pub equipment_id: EquipmentId,
    /// Counts saved changes; updates name the revision they started from.
    pub revision: u32,
    /// Its fields.
    pub fields: PlanFields,
    /// When it was last performed, from its newest record.
    pub last_performed_on: Option<NaiveDate>,
    /// When it was added (UTC).
    pub created_at: DateTime<Utc>,
    /// When it last changed (UTC).
    pub updated_at: DateTime<Utc>,
}

impl Plan {
    /// What decides its state on a given day.
    pub fn schedule(&self) -> Schedule {
        Schedule {
            next_due: self.fields.next_due,
            due_soon_days: self.fields.due_soon_window(),
            grace_days: self.fields.grace_days,
            paused: self.fields.paused,
        }
    }
}

/// A new plan for an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPlan {
    /// The item.
    pub equipment_id: EquipmentId,
    /// The plan's fields.
    pub fields: PlanFields,
}

/// A change to a stored plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanUpdate {
    /// The plan.
    pub id: PlanId,
    /// The revision the user started editing from.
    pub revision: u32,
    /// The new fields.
    pub fields: PlanFields,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(fields: &PlanFields) -> Vec<String> {
        fields
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn defaults_are_a_valid_yearly_calibration() {
        let valid = PlanFields::default().validate().unwrap();
        assert_eq!(
            valid.interval(),
            Interval::new(12, IntervalUnit::Months).unwrap()
        );
    }

    #[test]
    fn bad_plans_name_each_field() {
        let fields = PlanFields {
            name: " ".into(),
            interval_count: 0,
            grace_days: MAX_DAYS + 1,
            provider: Provider::External,
            next_due: NaiveDate::from_ymd_opt(1066, 10, 14),
            ..PlanFields::default()
        };
        assert_eq!(
            keys(&fields),
            [
                "name",
                "external_lab",
                "interval_count",
                "grace_days",
                "next_due"
            ]
        );
    }

    #[test]
    fn outside_labs_lead_time_widens_the_due_soon_window() {
        let external = PlanFields {
            provider: Provider::External,
            external_lab: "Acme".into(),
            lead_time_days: 14,
            ..PlanFields::default()
        };
        assert_eq!(external.due_soon_window(), 44);
        assert_eq!(PlanFields::default().due_soon_window(), 30);
    }

    #[test]
    fn internal_plans_drop_external_details() {
        let fields = PlanFields {
            external_lab: "Acme Metrology".into(),
            lead_time_days: 14,
            ..PlanFields::default()
        };
        let valid = fields.validate().unwrap();
        assert_eq!(valid.fields().external_lab, "");
        assert_eq!(valid.fields().lead_time_days, 0);
    }
}
