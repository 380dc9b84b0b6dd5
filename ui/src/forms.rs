//! What every form shows besides its fields: the messages under them (the form's own rules
//! once the user tried to save, and the shell's), a problem for the form as a whole, and
//! whether a save is in flight. Each form's reducer hands its [`Submit`] events to
//! [`Feedback::submit`].

use benchlog_domain::error::{ApiError, FieldError};

/// What a form that only saves has in flight: a save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saving;

/// What happens to a form's save (or, for a form with more than one action, to the action
/// `B` names).
#[derive(Debug, Clone, PartialEq)]
pub enum Submit<B = Saving> {
    /// Saving was refused by the form's own rules.
    Invalid,
    /// The action went out to the shell.
    Started(B),
    /// The shell refused it.
    Failed(ApiError),
}

/// The messages a form shows, and the action it has in flight, kept in its state.
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback<B = Saving> {
    /// Whether the user tried to save; from then on every keystroke re-validates.
    attempted: bool,
    /// Per-field messages from the shell, e.g. a duplicate asset tag; each is dropped once
    /// its field is edited.
    server_errors: Vec<FieldError>,
    /// A problem that is not about one field, shown at the top of the form.
    pub problem: Option<String>,
    /// The action in flight, if any; while one runs, the form's buttons are disabled.
    busy: Option<B>,
}

impl<B> Default for Feedback<B> {
    fn default() -> Self {
        Self {
            attempted: false,
            server_errors: Vec::new(),
            problem: None,
            busy: None,
        }
    }
}

impl<B: Copy> Feedback<B> {
    /// The action in flight, if any.
    pub fn busy(&self) -> Option<B> {
        self.busy
    }
}

impl<B> Feedback<B> {
    /// Whether an action is in flight.
    pub fn is_busy(&self) -> bool {
        self.busy.is_some()
    }

    /// The messages to show under the inputs: `own` (the form's rules, checked only once
    /// the user tried to save), then the shell's.
    pub fn errors(&self, own: impl FnOnce() -> Vec<FieldError>) -> Vec<FieldError> {
        let mut errors = if self.attempted { own() } else { Vec::new() };
        errors.extend(self.server_errors.iter().cloned());
        errors
    }

    /// A field was edited: the shell's messages about the fields `matches` picks go.
    pub fn edited(&mut self, matches: impl Fn(&str) -> bool) {
        self.server_errors.retain(|error| !matches(&error.field));
    }

    /// What happened to the save. When the shell refuses, its messages about fields the
    /// form shows (`shown` says which) go under them; anything else becomes the problem at
    /// the top.
    pub fn submit(&mut self, event: Submit<B>, shown: impl Fn(&str) -> bool) {
        match event {
            Submit::Invalid => self.invalid(),
            Submit::Started(action) => {
                self.busy = Some(action);
                self.started();
            }
            Submit::Failed(error) => {
                self.busy = None;
                self.failed(&error, shown);
            }
        }
    }

    /// Saving was refused by the form's own rules.
    fn invalid(&mut self) {
        self.attempted = true;
        self.problem = None;
    }

    /// A save went out to the shell.
    fn started(&mut self) {
        self.attempted = true;
        self.problem = None;
        self.server_errors.clear();
    }

    /// The shell refused.
    fn failed(&mut self, error: &ApiError, shown: impl Fn(&str) -> bool) {
        let field_errors = error.field_errors();
        if field_errors.is_empty() {
            self.server_errors.clear();
            self.problem = Some(error.to_string());
            return;
        }
        let (placed, unplaced): (Vec<_>, Vec<_>) =
            field_errors.into_iter().partition(|e| shown(&e.field));
        self.server_errors = placed;
        self.problem = (!unplaced.is_empty()).then(|| {
            let messages: Vec<String> = unplaced.into_iter().map(|e| e.message).collect();
            messages.join(". ")
        });
    }
}

/// The first message in the order the form shows its fields, by each key's `rank`.
pub fn first_in_form_order(
    errors: &[FieldError],
    rank: impl Fn(&str) -> usize,
) -> Option<&FieldError> {
    errors.iter().min_by_key(|error| rank(&error.field))
}

/// The message for the field `key`, if any, ready for an input's error line.
pub fn message_for(errors: &[FieldError], key: &str) -> Option<yew::AttrValue> {
    errors
        .iter()
        .find(|error| error.field == key)
        .map(|error| error.message.clone().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(field: &str) -> FieldError {
        FieldError {
            field: field.into(),
            message: format!("{field} is wrong"),
        }
    }

    #[test]
    fn own_errors_wait_for_an_attempt() {
        let mut feedback: Feedback = Feedback::default();
        assert!(feedback.errors(|| vec![error("name")]).is_empty());
        feedback.invalid();
        assert_eq!(feedback.errors(|| vec![error("name")]).len(), 1);
    }

    #[test]
    fn server_errors_stay_until_their_field_changes_and_strays_go_to_the_top() {
        let mut feedback: Feedback = Feedback::default();
        feedback.started();
        let refusal = ApiError::Validation {
            errors: vec![error("name"), error("elsewhere")],
        };
        feedback.failed(&refusal, |key| key == "name");
        assert_eq!(feedback.problem.as_deref(), Some("elsewhere is wrong"));
        feedback.edited(|key| key == "other");
        assert_eq!(feedback.errors(Vec::new).len(), 1);
        feedback.edited(|key| key == "name");
        assert!(feedback.errors(Vec::new).is_empty());
    }

    #[test]
    fn a_save_is_in_flight_from_its_start_until_the_shell_refuses() {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum Action {
            Save,
            Delete,
        }
        let mut feedback = Feedback::<Action>::default();
        feedback.submit(Submit::Invalid, |_| true);
        assert_eq!(feedback.busy(), None);
        assert_eq!(feedback.errors(|| vec![error("name")]).len(), 1);
        feedback.submit(Submit::Started(Action::Delete), |_| true);
        assert_eq!(feedback.busy(), Some(Action::Delete));
        let busy = ApiError::Storage {
            message: "The database is busy".into(),
        };
        feedback.submit(Submit::Failed(busy), |_| true);
        assert!(!feedback.is_busy());
        assert_eq!(feedback.problem.as_deref(), Some("The database is busy"));
        // The next attempt clears the problem and the shell's old messages.
        feedback.submit(Submit::Started(Action::Save), |_| true);
        assert_eq!(feedback.busy(), Some(Action::Save));
        assert_eq!(feedback.problem, None);
        let refusal = ApiError::Validation {
            errors: vec![error("name")],
        };
        feedback.submit(Submit::Failed(refusal), |key| key == "name");
        assert!(!feedback.is_busy());
        assert_eq!(feedback.errors(Vec::new).len(), 1);
        assert_eq!(feedback.problem, None);
    }

    #[test]
    fn the_first_error_follows_the_form_not_the_list() {
        let errors = [error("b"), error("a")];
        let first = first_in_form_order(&errors, |key| usize::from(key != "a"));
        assert_eq!(first.map(|e| e.field.as_str()), Some("a"));
    }
}
