//! What the plan form holds: the fields as typed (numbers and the date as text, so nothing
//! typed is lost), and how each event changes them.

use std::rc::Rc;

use benchlog_domain::error::FieldError;
use benchlog_domain::plan::{PlanField, PlanFields, Provider};
use benchlog_domain::schedule::IntervalUnit;
use yew::Reducible;

use crate::format::{iso_date, parse_date};
use crate::forms::{Feedback, Submit};

/// The plan's text fields in the order the form shows them.
pub const PLAN_FIELDS: [PlanField; 8] = [
    PlanField::Name,
    PlanField::IntervalCount,
    PlanField::DueSoonDays,
    PlanField::GraceDays,
    PlanField::ExternalLab,
    PlanField::LeadTimeDays,
    PlanField::Assignee,
    PlanField::NextDue,
];

/// The plan as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanDraft {
    /// Text per field of [`PLAN_FIELDS`], in that order.
    text: [String; 8],
    /// The interval's unit.
    pub interval_unit: IntervalUnit,
    /// Who does the work.
    pub provider: Provider,
    /// Whether the plan is paused.
    pub paused: bool,
}

impl From<&PlanFields> for PlanDraft {
    fn from(fields: &PlanFields) -> Self {
        let text = PLAN_FIELDS.map(|field| match field {
            PlanField::Name => fields.name.clone(),
            PlanField::IntervalCount => fields.interval_count.to_string(),
            PlanField::DueSoonDays => fields.due_soon_days.to_string(),
            PlanField::GraceDays => fields.grace_days.to_string(),
            PlanField::ExternalLab => fields.external_lab.clone(),
            PlanField::LeadTimeDays => fields.lead_time_days.to_string(),
            PlanField::Assignee => fields.assignee.clone(),
            PlanField::NextDue => fields.next_due.map(iso_date).unwrap_or_default(),
        });
        Self {
            text,
            interval_unit: fields.interval_unit,
            provider: fields.provider,
            paused: fields.paused,
        }
    }
}

/// A field's position in [`PLAN_FIELDS`], which is also the form's order.
pub fn rank(key: &str) -> usize {
    PLAN_FIELDS
        .iter()
        .position(|field| field.key() == key)
        .unwrap_or(PLAN_FIELDS.len())
}

impl PlanDraft {
    /// The text of one field.
    pub fn text(&self, field: PlanField) -> &str {
        &self.text[rank(field.key())]
    }

    /// Parses the numbers and the date, then checks the plan with the domain's rules:
    /// the fields to save, or every problem at once.
    pub fn check(&self) -> Result<PlanFields, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut whole = |field: PlanField, message: &str, empty: Option<u32>| {
            let text = self.text(field).trim();
            match (text.parse::<u32>(), empty) {
                (Ok(n), _) => n,
                (Err(_), Some(default)) if text.is_empty() => default,
                (Err(_), _) => {
                    errors.push(error(field, message));
                    // A stand-in the domain accepts, so this field gets one message only.
                    PlanFields::default().interval_count
                }
            }
        };
        let interval_count = whole(
            PlanField::IntervalCount,
            "Interval must be a whole number",
            None,
        );
        let days = "must be a whole number of days";
        let due_soon_days = whole(PlanField::DueSoonDays, &format!("Due soon {days}"), Some(0));
        let grace_days = whole(
            PlanField::GraceDays,
            &format!("Grace period {days}"),
            Some(0),
        );
        let lead_time_days = match self.provider {
            Provider::External => whole(
                PlanField::LeadTimeDays,
                &format!("Lead time {days}"),
                Some(0),
            ),
            Provider::Internal => 0,
        };
        let due_text = self.text(PlanField::NextDue).trim();
        let next_due = parse_date(due_text);
        if next_due.is_none() && !due_text.is_empty() {
            errors.push(error(PlanField::NextDue, "Enter a date like 2026-11-25"));
        }
        let fields = PlanFields {
            name: self.text(PlanField::Name).to_owned(),
            interval_count,
            interval_unit: self.interval_unit,
            due_soon_days,
            grace_days,
            provider: self.provider,
            external_lab: self.text(PlanField::ExternalLab).to_owned(),
            lead_time_days,
            assignee: self.text(PlanField::Assignee).to_owned(),
            paused: self.paused,
            next_due,
        };
        match fields.validate() {
            Ok(valid) if errors.is_empty() => Ok(valid.fields().clone()),
            Ok(_) => Err(errors),
            Err(rules) => {
                let parsed_wrong: Vec<String> = errors.iter().map(|e| e.field.clone()).collect();
                errors.extend(
                    rules
                        .into_iter()
                        .filter(|e| !parsed_wrong.contains(&e.field)),
                );
                errors.sort_by_key(|e| rank(&e.field));
                Err(errors)
            }
        }
    }
}

fn error(field: PlanField, message: &str) -> FieldError {
    FieldError {
        field: field.key().to_owned(),
        message: message.to_owned(),
    }
}

/// The plan form's state.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanFormState {
    /// The plan as typed.
    pub draft: PlanDraft,
    /// Messages under the fields and at the top, and whether a save is in flight.
    pub feedback: Feedback,
}

impl PlanFormState {
    /// A form filled with `fields`.
    pub fn new(fields: &PlanFields) -> Self {
        Self {
            draft: fields.into(),
            feedback: Feedback::default(),
        }
    }

    /// The messages to show under the fields.
    pub fn errors(&self) -> Vec<FieldError> {
        self.feedback
            .errors(|| self.draft.check().err().unwrap_or_default())
    }
}

/// What happens in the plan form.
pub enum PlanAction {
    /// A text field was edited.
    Text(PlanField, String),
    /// The interval's unit was chosen.
    Unit(IntervalUnit),
    /// The provider was chosen.
    Provider(Provider),
    /// The paused box was ticked or cleared.
    Paused(bool),
    /// What happened to the save.
    Submit(Submit),
}

impl Reducible for PlanFormState {
    type Action = PlanAction;

    fn reduce(self: Rc<Self>, action: PlanAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PlanAction::Text(field, value) => {
                next.draft.text[rank(field.key())] = value;
                next.feedback.edited(|key| key == field.key());
            }
            PlanAction::Unit(unit) => {
                next.draft.interval_unit = unit;
                next.feedback
                    .edited(|key| key == PlanField::IntervalCount.key());
            }
            PlanAction::Provider(provider) => {
                next.draft.provider = provider;
                let external = [PlanField::ExternalLab.key(), PlanField::LeadTimeDays.key()];
                next.feedback.edited(|key| external.contains(&key));
            }
            PlanAction::Paused(paused) => next.draft.paused = paused,
            PlanAction::Submit(event) => next
                .feedback
                .submit(event, |key| rank(key) < PLAN_FIELDS.len()),
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(edits: &[(PlanField, &str)]) -> PlanFormState {
        let mut state = Rc::new(PlanFormState::new(&PlanFields::default()));
        for (field, value) in edits {
            state = state.reduce(PlanAction::Text(*field, (*value).to_owned()));
        }
        (*state).clone()
    }

    fn keys(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn the_defaults_check_out_and_round_trip() {
        let state = typed(&[]);
        assert_eq!(state.draft.check(), Ok(PlanFields::default()));
    }

    #[test]
    fn numbers_that_are_not_whole_keep_their_text_and_get_one_message() {
        let state = typed(&[
            (PlanField::IntervalCount, "1.5"),
            (PlanField::GraceDays, "-2"),
        ]);
        let errors = state.draft.check().unwrap_err();
        assert_eq!(keys(&errors), ["interval_count", "grace_days"]);
        assert_eq!(errors[0].message, "Interval must be a whole number");
        assert_eq!(state.draft.text(PlanField::IntervalCount), "1.5");
        // The domain's own rule still speaks for a number that parses.
        let zero = typed(&[(PlanField::IntervalCount, "0")]);
        assert_eq!(keys(&zero.draft.check().unwrap_err()), ["interval_count"]);
    }

    #[test]
    fn empty_day_counts_are_zero_and_an_empty_due_date_is_never_done() {
        let state = typed(&[(PlanField::DueSoonDays, " "), (PlanField::NextDue, "")]);
        let fields = state.draft.check().unwrap();
        assert_eq!((fields.due_soon_days, fields.next_due), (0, None));
        let bad = typed(&[(PlanField::NextDue, "next week")]);
        assert_eq!(keys(&bad.draft.check().unwrap_err()), ["next_due"]);
    }

    #[test]
    fn an_external_lab_is_required_and_errors_follow_the_form_order() {
        let state = (*Rc::new(typed(&[(PlanField::Name, "")]))
            .reduce(PlanAction::Provider(Provider::External)))
        .clone();
        assert!(state.errors().is_empty(), "nothing shows before an attempt");
        let state = (*Rc::new(state).reduce(PlanAction::Submit(Submit::Invalid))).clone();
        assert_eq!(keys(&state.errors()), ["name", "external_lab"]);
    }
}
