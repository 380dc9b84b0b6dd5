//! The settings form: the certificate size limit and where the S3 mirror is.

use benchlog_domain::error::FieldError;
use benchlog_domain::ipc::{GetSettings, SaveSettings};
use benchlog_domain::settings::{MAX_CERTIFICATE_MB_LIMIT, Settings, SettingsField};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::state::{SettingsAction, SettingsFormState, rank};
use crate::components::check_field::CheckField;
use crate::components::form_problem::FormProblem;
use crate::components::load_error::LoadError;
use crate::components::loading::Loading;
use crate::components::text_field::TextField;
use crate::dom::focus_by_id;
use crate::format::thousands;
use crate::forms::{Saving, Submit, first_in_form_order, message_for};
use crate::hooks::use_fetch;
use crate::ipc::call;

/// The id of the settings input for the field `key`: `settings-{key}`, e.g.
/// `settings-bucket`.
fn input_id(key: &str) -> String {
    format!("settings-{key}")
}

/// The id of the error line under that input: `settings-error-{key}`.
fn error_id(key: &str) -> String {
    format!("settings-error-{key}")
}

/// Properties of [`SettingsForm`].
#[derive(Properties, PartialEq)]
pub struct SettingsFormProps {
    /// Shows a success notice.
    pub on_notice: Callback<String>,
}

/// `form#settings-form` once the settings have loaded: `#settings-max_certificate_mb`, the
/// mirror's `#settings-enabled`, `#settings-bucket`, `#settings-region`,
/// `#settings-endpoint`, `#settings-path_style`, `#settings-prefix` and `#settings-profile`
/// (each with its error in `#settings-error-{key}`), and `button#save-settings`.
#[component]
pub fn SettingsForm(props: &SettingsFormProps) -> Html {
    let settings = use_fetch((), |()| call::<GetSettings>(&()));
    match settings.answer.as_deref() {
        None => html! { <Loading label="Loading settings…" /> },
        Some(Err(error)) => html! {
            <LoadError what="The settings could not be loaded." error={error.clone()}
                retrying={settings.loading} on_retry={settings.reload.clone()} />
        },
        Some(Ok(loaded)) => html! {
            <SettingsFields initial={loaded.clone()} on_notice={props.on_notice.clone()} />
        },
    }
}

/// Properties of [`SettingsFields`].
#[derive(Properties, PartialEq)]
struct SettingsFieldsProps {
    /// The settings as saved.
    initial: Settings,
    /// Shows a success notice.
    on_notice: Callback<String>,
}

/// The form itself, filled with the settings as saved.
#[component]
fn SettingsFields(props: &SettingsFieldsProps) -> Html {
    let state = use_reducer(|| SettingsFormState::new(&props.initial));
    let saving = state.feedback.is_busy();
    let onsubmit = {
        let (dispatcher, draft) = (state.dispatcher(), state.draft.clone());
        let on_notice = props.on_notice.clone();
        move |e: SubmitEvent| {
            e.prevent_default();
            if saving {
                return;
            }
            let settings = match draft.check() {
                Ok(settings) => settings,
                Err(errors) => {
                    dispatcher.dispatch(SettingsAction::Submit(Submit::Invalid));
                    focus_first(&errors);
                    return;
                }
            };
            dispatcher.dispatch(SettingsAction::Submit(Submit::Started(Saving)));
            let (dispatcher, on_notice) = (dispatcher.clone(), on_notice.clone());
            spawn_local(async move {
                match call::<SaveSettings>(&settings).await {
                    Ok(saved) => {
                        dispatcher.dispatch(SettingsAction::Saved(saved));
                        on_notice.emit("Settings saved".to_owned());
                    }
                    Err(error) => {
                        focus_first(&error.field_errors());
                        dispatcher.dispatch(SettingsAction::Submit(Submit::Failed(error)));
                    }
                }
            });
        }
    };
    let send = state.dispatcher().to_callback();
    let errors = state.errors();
    let draft = &state.draft;
    let mirror_on = draft.mirror.enabled;
    let text = |field: SettingsField, label: &'static str, required: bool| {
        let key = field.key();
        html! {
            <TextField id={input_id(key)} error_id={error_id(key)} name={key} {label} {required}
                value={draft.text(field).to_owned()} error={message_for(&errors, key)}
                placeholder={placeholder(field)} hint={hint(field)}
                on_input={send.reform(move |value| SettingsAction::Text(field, value))} />
        }
    };
    let size_key = SettingsField::MaxCertificateMb.key();
    html! {
        <form id="settings-form" class="settings-form" novalidate=true {onsubmit}>
            <FormProblem problem={state.feedback.problem.clone()} />
            <fieldset class="form-section">
                <legend>{"Certificates"}</legend>
                <div class="form-grid">
                    <TextField id={input_id(size_key)} error_id={error_id(size_key)}
                        name={size_key} label="Largest file" required=true kind="number"
                        inputmode="numeric" unit="MB"
                        hint={format!("Larger files are refused when attached; at most {} MB.",
                            thousands(MAX_CERTIFICATE_MB_LIMIT.into()))}
                        value={draft.text(SettingsField::MaxCertificateMb).to_owned()}
                        error={message_for(&errors, size_key)}
                        on_input={send.reform(|value| {
                            SettingsAction::Text(SettingsField::MaxCertificateMb, value)
                        })} />
                </div>
            </fieldset>
            <fieldset class="form-section">
                <legend>{"S3 mirror"}</legend>
                <p class="section-intro">
                    {"Benchlog copies every certificate to an S3 bucket, or an S3-compatible \
                      store, so that a file lost or damaged on this workstation can be restored."}
                </p>
                <div class="form-grid">
                    <CheckField id={input_id("enabled")} name="enabled"
                        label="Mirror certificates to S3" class="field-wide" checked={mirror_on}
                        on_change={send.reform(SettingsAction::Enabled)} />
                    {text(SettingsField::Bucket, "Bucket", mirror_on)}
                    {text(SettingsField::Region, "Region", mirror_on)}
                    {text(SettingsField::Endpoint, "Endpoint URL", false)}
                    <CheckField id={input_id("path_style")} name="path_style"
                        label="Path-style addressing" class="field-align-end"
                        hint="Needed by most S3-compatible stores such as MinIO."
                        checked={draft.mirror.path_style}
                        on_change={send.reform(SettingsAction::PathStyle)} />
                    {text(SettingsField::Prefix, "Key prefix", false)}
                    {text(SettingsField::Profile, "AWS profile", false)}
                </div>
            </fieldset>
            <div class="settings-actions">
                <button type="submit" id="save-settings" class="button primary"
                    disabled={saving}>
                    {if saving { "Saving…" } else { "Save settings" }}
                </button>
            </div>
        </form>
    }
}

/// An example shown in an empty input.
fn placeholder(field: SettingsField) -> Option<AttrValue> {
    match field {
        SettingsField::Bucket => Some("lab-certificates".into()),
        SettingsField::Region => Some("eu-central-1".into()),
        SettingsField::Endpoint => Some("Leave empty for AWS".into()),
        SettingsField::Prefix => Some("benchlog/lab-1/".into()),
        SettingsField::Profile => Some("Leave empty for the default credentials".into()),
        SettingsField::MaxCertificateMb => None,
    }
}

/// The line under an input.
fn hint(field: SettingsField) -> Option<AttrValue> {
    match field {
        SettingsField::Endpoint => {
            Some("Only for S3-compatible stores, e.g. https://minio.lab.local:9000.".into())
        }
        SettingsField::Prefix => {
            Some("Put before every file's name in the bucket; may be empty.".into())
        }
        SettingsField::Profile => Some(
            "Credentials come from the standard AWS chain: AWS_ACCESS_KEY_ID and \
             AWS_SECRET_ACCESS_KEY when set (they take precedence), else this profile in \
             ~/.aws. Benchlog never stores secrets."
                .into(),
        ),
        _ => None,
    }
}

/// Moves focus to the first field, in form order, that has a message.
fn focus_first(errors: &[FieldError]) {
    if let Some(first) = first_in_form_order(errors, rank) {
        focus_by_id(&input_id(&first.field));
    }
}
