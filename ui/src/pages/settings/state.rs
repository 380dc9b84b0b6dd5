//! What the settings form holds: the settings as typed (the size limit as text, so nothing
//! typed is lost), and how each event changes them.

use std::rc::Rc;

use benchlog_domain::error::FieldError;
use benchlog_domain::settings::{MirrorSettings, Settings, SettingsField};
use yew::Reducible;

use crate::forms::{Feedback, Submit};

/// A field's position in the form; past the last for keys it does not show.
pub fn rank(key: &str) -> usize {
    let fields = SettingsField::ALL;
    fields
        .iter()
        .position(|field| field.key() == key)
        .unwrap_or(fields.len())
}

/// The settings as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsDraft {
    /// The size limit in megabytes, as typed.
    max_certificate_mb: String,
    /// The mirror's settings, as typed.
    pub mirror: MirrorSettings,
}

impl From<&Settings> for SettingsDraft {
    fn from(settings: &Settings) -> Self {
        Self {
            max_certificate_mb: settings.max_certificate_mb.to_string(),
            mirror: settings.mirror.clone(),
        }
    }
}

impl SettingsDraft {
    /// The text of one field.
    pub fn text(&self, field: SettingsField) -> &str {
        match field {
            SettingsField::MaxCertificateMb => &self.max_certificate_mb,
            SettingsField::Bucket => &self.mirror.bucket,
            SettingsField::Region => &self.mirror.region,
            SettingsField::Endpoint => &self.mirror.endpoint,
            SettingsField::Prefix => &self.mirror.prefix,
            SettingsField::Profile => &self.mirror.profile,
        }
    }

    fn text_mut(&mut self, field: SettingsField) -> &mut String {
        match field {
            SettingsField::MaxCertificateMb => &mut self.max_certificate_mb,
            SettingsField::Bucket => &mut self.mirror.bucket,
            SettingsField::Region => &mut self.mirror.region,
            SettingsField::Endpoint => &mut self.mirror.endpoint,
            SettingsField::Prefix => &mut self.mirror.prefix,
            SettingsField::Profile => &mut self.mirror.profile,
        }
    }

    /// Parses the size limit, then checks everything with the domain's rules: the settings
    /// to save (cleaned), or every problem at once.
    pub fn check(&self) -> Result<Settings, Vec<FieldError>> {
        let size = self.max_certificate_mb.trim().parse::<u32>().ok();
        let settings = Settings {
            // A stand-in the domain accepts, so an unreadable size gets one message only.
            max_certificate_mb: size.unwrap_or(Settings::default().max_certificate_mb),
            mirror: self.mirror.clone(),
        };
        let mut errors = match (settings.validate(), size) {
            (Ok(clean), Some(_)) => return Ok(clean),
            (Ok(_), None) => Vec::new(),
            (Err(errors), _) => errors,
        };
        if size.is_none() {
            // First, as the size comes first in the form (the domain sorts the others).
            errors.insert(
                0,
                FieldError {
                    field: SettingsField::MaxCertificateMb.key().to_owned(),
                    message: "The size limit must be a whole number of megabytes".to_owned(),
                },
            );
        }
        Err(errors)
    }
}

/// The settings form's state.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsFormState {
    /// The settings as typed.
    pub draft: SettingsDraft,
    /// Messages under the fields and at the top, and whether a save is in flight.
    pub feedback: Feedback,
}

impl SettingsFormState {
    /// A form filled with `settings`.
    pub fn new(settings: &Settings) -> Self {
        Self {
            draft: settings.into(),
            feedback: Feedback::default(),
        }
    }

    /// The messages to show under the fields.
    pub fn errors(&self) -> Vec<FieldError> {
        self.feedback
            .errors(|| self.draft.check().err().unwrap_or_default())
    }
}

/// What happens in the settings form.
pub enum SettingsAction {
    /// A text field was edited.
    Text(SettingsField, String),
    /// The mirror was switched on or off.
    Enabled(bool),
    /// Path-style addressing was ticked or cleared.
    PathStyle(bool),
    /// What happened to the save.
    Submit(Submit),
    /// The shell saved these settings (as it cleaned them).
    Saved(Settings),
}

impl Reducible for SettingsFormState {
    type Action = SettingsAction;

    fn reduce(self: Rc<Self>, action: SettingsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            SettingsAction::Text(field, value) => {
                *next.draft.text_mut(field) = value;
                next.feedback.edited(|key| key == field.key());
            }
            SettingsAction::Enabled(enabled) => {
                next.draft.mirror.enabled = enabled;
                // Whether the bucket and region are required depends on it.
                let required = [SettingsField::Bucket.key(), SettingsField::Region.key()];
                next.feedback.edited(|key| required.contains(&key));
            }
            SettingsAction::PathStyle(path_style) => next.draft.mirror.path_style = path_style,
            SettingsAction::Submit(event) => {
                next.feedback
                    .submit(event, |key| rank(key) < SettingsField::ALL.len());
            }
            SettingsAction::Saved(settings) => next = Self::new(&settings),
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use benchlog_domain::error::ApiError;

    use super::*;

    fn typed(actions: impl IntoIterator<Item = SettingsAction>) -> SettingsFormState {
        let state = actions.into_iter().fold(
            Rc::new(SettingsFormState::new(&Settings::default())),
            |state, action| state.reduce(action),
        );
        (*state).clone()
    }

    fn keys(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|error| error.field.as_str()).collect()
    }

    #[test]
    fn the_defaults_check_out_and_a_typed_mirror_is_cleaned() {
        assert_eq!(typed([]).draft.check(), Ok(Settings::default()));
        let state = typed([
            SettingsAction::Enabled(true),
            SettingsAction::Text(SettingsField::Bucket, " lab-certs ".into()),
            SettingsAction::Text(SettingsField::Region, "eu-central-1".into()),
            SettingsAction::Text(SettingsField::Prefix, "benchlog".into()),
            SettingsAction::Text(SettingsField::MaxCertificateMb, " 200 ".into()),
        ]);
        let settings = state.draft.check().unwrap();
        assert_eq!(settings.max_certificate_mb, 200);
        assert_eq!(settings.mirror.bucket, "lab-certs");
        assert_eq!(settings.mirror.prefix, "benchlog/");
    }

    #[test]
    fn a_size_that_is_not_a_whole_number_keeps_its_text_and_gets_one_message() {
        let state = typed([
            SettingsAction::Text(SettingsField::MaxCertificateMb, "1.5".into()),
            SettingsAction::Text(SettingsField::Region, "EU".into()),
        ]);
        let errors = state.draft.check().unwrap_err();
        assert_eq!(keys(&errors), ["max_certificate_mb", "region"]);
        assert_eq!(state.draft.text(SettingsField::MaxCertificateMb), "1.5");
        let zero = typed([SettingsAction::Text(
            SettingsField::MaxCertificateMb,
            "0".into(),
        )]);
        assert_eq!(
            keys(&zero.draft.check().unwrap_err()),
            ["max_certificate_mb"]
        );
    }

    #[test]
    fn an_enabled_mirror_needs_its_bucket_until_it_is_switched_off() {
        let state = typed([
            SettingsAction::Enabled(true),
            SettingsAction::Submit(Submit::Invalid),
        ]);
        assert_eq!(keys(&state.errors()), ["bucket", "region"]);
        let state = (*Rc::new(state).reduce(SettingsAction::Enabled(false))).clone();
        assert!(state.errors().is_empty());
    }

    #[test]
    fn the_shells_messages_stay_under_their_fields_with_what_was_typed() {
        let refusal = ApiError::Validation {
            errors: vec![FieldError {
                field: "profile".into(),
                message: "There is no profile audit in ~/.aws".into(),
            }],
        };
        let state = typed([
            SettingsAction::Text(SettingsField::Profile, "audit".into()),
            SettingsAction::Submit(Submit::Started(crate::forms::Saving)),
            SettingsAction::Submit(Submit::Failed(refusal)),
        ]);
        assert_eq!(keys(&state.errors()), ["profile"]);
        assert_eq!(state.draft.text(SettingsField::Profile), "audit");
        assert_eq!(state.feedback.problem, None);
        let saved = (*Rc::new(state).reduce(SettingsAction::Saved(Settings::default()))).clone();
        assert!(saved.errors().is_empty());
        assert!(!saved.feedback.is_busy());
    }
}
