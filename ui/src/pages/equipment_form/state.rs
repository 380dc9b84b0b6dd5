//! What the equipment form remembers between keystrokes, and how each event changes it.

use std::rc::Rc;

use benchlog_domain::equipment::{EquipmentField, EquipmentFields, EquipmentStatus};
use benchlog_domain::error::FieldError;
use yew::Reducible;

use crate::forms::{Feedback, Submit};

/// The form actions that talk to the shell; while one runs, the buttons are disabled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Busy {
    /// Saving the form.
    Saving,
    /// Saving the form with status "Retired".
    Retiring,
    /// Deleting the item.
    Deleting,
}

/// The form's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormState {
    /// Everything the user typed, kept as typed even when it is invalid.
    pub fields: EquipmentFields,
    /// The messages shown under the fields and at the top of the form, and the action in
    /// flight, if any.
    pub feedback: Feedback<Busy>,
    /// Whether the delete confirmation is open.
    pub confirming_delete: bool,
}

impl FormState {
    /// A form filled with `fields`.
    pub fn new(fields: EquipmentFields) -> Self {
        Self {
            fields,
            ..Self::default()
        }
    }

    /// The messages to show under the inputs: the form's own rules first (once the user
    /// tried to save), then the shell's.
    pub fn errors(&self) -> Vec<FieldError> {
        self.feedback
            .errors(|| self.fields.validate().err().unwrap_or_default())
    }
}

/// What happens in the form.
#[derive(Debug, Clone, PartialEq)]
pub enum FormAction {
    /// A text field was edited.
    Text(EquipmentField, String),
    /// The status was chosen.
    Status(EquipmentStatus),
    /// The reference-standard box was ticked or cleared.
    ReferenceStandard(bool),
    /// What happened to a save or delete.
    Submit(Submit<Busy>),
    /// The user asked to delete; ask for confirmation.
    AskDelete,
    /// The user backed out of deleting.
    CancelDelete,
}

impl Reducible for FormState {
    type Action = FormAction;

    fn reduce(self: Rc<Self>, action: FormAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            FormAction::Text(field, value) => {
                *next.fields.text_mut(field) = value;
                next.feedback.edited(|key| key == field.key());
            }
            FormAction::Status(status) => next.fields.status = status,
            FormAction::ReferenceStandard(on) => next.fields.reference_standard = on,
            FormAction::Submit(event) => {
                // A refusal also closes the delete confirmation.
                if matches!(event, Submit::Failed(_)) {
                    next.confirming_delete = false;
                }
                // A message about a field without a text input (or none) goes to the top.
                next.feedback.submit(event, |key| {
                    EquipmentField::ALL.iter().any(|field| field.key() == key)
                });
            }
            FormAction::AskDelete => next.confirming_delete = true,
            FormAction::CancelDelete => next.confirming_delete = false,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use benchlog_domain::error::ApiError;

    use super::*;

    fn reduce(state: FormState, actions: impl IntoIterator<Item = FormAction>) -> FormState {
        let mut state = Rc::new(state);
        for action in actions {
            state = state.reduce(action);
        }
        (*state).clone()
    }

    #[test]
    fn errors_show_only_after_an_attempt_and_follow_typing() {
        let state = reduce(FormState::default(), []);
        assert!(state.errors().is_empty());
        let state = reduce(state, [FormAction::Submit(Submit::Invalid)]);
        let keys: Vec<String> = state.errors().into_iter().map(|e| e.field).collect();
        assert_eq!(keys, ["asset_tag", "name"]);
        let state = reduce(
            state,
            [FormAction::Text(EquipmentField::Name, "DMM".into())],
        );
        let keys: Vec<String> = state.errors().into_iter().map(|e| e.field).collect();
        assert_eq!(keys, ["asset_tag"]);
    }

    #[test]
    fn a_server_field_error_stays_until_its_field_changes() {
        let conflict = ApiError::Conflict {
            field: Some("asset_tag".into()),
            message: "Asset tag 0042 is already used".into(),
        };
        let fields = EquipmentFields {
            asset_tag: "0042".into(),
            name: "DMM".into(),
            ..EquipmentFields::default()
        };
        let state = reduce(
            FormState::new(fields),
            [
                FormAction::Submit(Submit::Started(Busy::Saving)),
                FormAction::Submit(Submit::Failed(conflict)),
                FormAction::Text(EquipmentField::Name, "Multimeter".into()),
            ],
        );
        assert_eq!(state.feedback.busy(), None);
        assert_eq!(state.feedback.problem, None);
        assert_eq!(state.errors().len(), 1);
        let state = reduce(
            state,
            [FormAction::Text(EquipmentField::AssetTag, "0043".into())],
        );
        assert!(state.errors().is_empty());
    }

    #[test]
    fn a_message_about_a_field_without_an_input_goes_to_the_top() {
        let error = ApiError::Validation {
            errors: vec![
                FieldError {
                    field: "name".into(),
                    message: "Name is required".into(),
                },
                FieldError {
                    field: "calibration_interval".into(),
                    message: "Interval must be positive".into(),
                },
            ],
        };
        let state = reduce(
            FormState::default(),
            [FormAction::Submit(Submit::Failed(error))],
        );
        assert_eq!(
            state.feedback.problem.as_deref(),
            Some("Interval must be positive")
        );
        let keys: Vec<String> = state.errors().into_iter().map(|e| e.field).collect();
        assert_eq!(keys, ["name"]);
    }

    #[test]
    fn other_failures_become_a_problem_for_the_whole_form() {
        let error = ApiError::Storage {
            message: "The database is busy".into(),
        };
        let state = reduce(
            FormState::default(),
            [
                FormAction::AskDelete,
                FormAction::Submit(Submit::Failed(error)),
            ],
        );
        assert_eq!(
            state.feedback.problem.as_deref(),
            Some("The database is busy")
        );
        assert!(!state.confirming_delete);
    }
}
