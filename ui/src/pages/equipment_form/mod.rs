//! The equipment form, for adding an item or editing, retiring and deleting one.

mod state;

use benchlog_domain::equipment::{
    Equipment, EquipmentField, EquipmentFields, EquipmentId, EquipmentStatus, EquipmentUpdate,
};
use benchlog_domain::error::ApiError;
use benchlog_domain::ipc::{CreateEquipment, DeleteEquipment, GetEquipment, UpdateEquipment};
use benchlog_domain::key::Keyed;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use self::state::{Busy, FormAction, FormState};
use crate::components::check_field::CheckField;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::field::{error_id, input_id};
use crate::components::form_page::FormPage;
use crate::components::form_problem::FormProblem;
use crate::components::loading::Loading;
use crate::components::notice::{Notice, NoticeKind};
use crate::components::page_header::{BackLink, PageHeader};
use crate::components::status_badge::StatusBadge;
use crate::components::text_field::TextField;
use crate::dom::focus_by_id;
use crate::format::local_timestamp;
use crate::forms::Submit;
use crate::hooks::use_latest_request;
use crate::ipc::call;

/// The fields of the form's first section, in tab order.
const IDENTITY_FIELDS: [EquipmentField; 5] = [
    EquipmentField::AssetTag,
    EquipmentField::Name,
    EquipmentField::Manufacturer,
    EquipmentField::Model,
    EquipmentField::SerialNumber,
];
/// The text fields of the form's second section, before the status.
const PLACE_FIELDS: [EquipmentField; 3] = [
    EquipmentField::Location,
    EquipmentField::Department,
    EquipmentField::Owner,
];

/// Properties of [`EquipmentFormPage`].
#[derive(Properties, PartialEq)]
pub struct EquipmentFormPageProps {
    /// The item to edit, or `None` to add one.
    #[prop_or_default]
    pub id: Option<EquipmentId>,
    /// Called after a successful save or delete, with the message to show.
    pub on_done: Callback<String>,
    /// Back to the list without saving.
    pub on_cancel: Callback<()>,
}

/// The page for adding an item, or for editing one once it has loaded.
#[component]
pub fn EquipmentFormPage(props: &EquipmentFormPageProps) -> Html {
    match props.id {
        None => html! {
            <EquipmentForm on_done={props.on_done.clone()} on_cancel={props.on_cancel.clone()} />
        },
        Some(id) => html! {
            <LoadEquipment {id} on_done={props.on_done.clone()}
                on_cancel={props.on_cancel.clone()} />
        },
    }
}

/// Properties of [`LoadEquipment`].
#[derive(Properties, PartialEq)]
struct LoadEquipmentProps {
    /// The item to load.
    id: EquipmentId,
    /// See [`EquipmentFormPageProps::on_done`].
    on_done: Callback<String>,
    /// See [`EquipmentFormPageProps::on_cancel`].
    on_cancel: Callback<()>,
}

/// Loads an item, then shows it in the form; says so when it cannot.
#[component]
fn LoadEquipment(props: &LoadEquipmentProps) -> Html {
    let loaded = use_state(|| None::<Result<Equipment, ApiError>>);
    let attempt = use_state(|| 0_u32);
    {
        let loaded = loaded.clone();
        use_latest_request((props.id, *attempt), move |(id, _), latest| {
            loaded.set(None);
            let id = *id;
            spawn_local(async move {
                let result = call::<GetEquipment>(&id).await;
                // A slow earlier attempt must not overwrite a retry's answer.
                if latest.is_current() {
                    loaded.set(Some(result));
                }
            });
        });
    }
    let back = back_button(&props.on_cancel, false);
    match &*loaded {
        Some(Ok(equipment)) => html! {
            <EquipmentForm existing={equipment.clone()} on_done={props.on_done.clone()}
                on_cancel={props.on_cancel.clone()} />
        },
        None => html! {
            <section class="page page-form">
                <PageHeader title="Edit equipment" before={back} />
                <Loading label="Loading equipment…" />
            </section>
        },
        Some(Err(error)) => {
            let retry = (!matches!(error, ApiError::NotFound { .. })).then(|| {
                let attempt = attempt.clone();
                html! {
                    <button type="button" class="button secondary small"
                        onclick={move |_| attempt.set(*attempt + 1)}>{"Retry"}</button>
                }
            });
            let on_cancel = props.on_cancel.clone();
            html! {
                <section class="page page-form">
                    <PageHeader title="Edit equipment" before={back} />
                    <Notice kind={NoticeKind::Error} actions={html! {
                        <>
                            {retry}
                            <button type="button" id="back-to-list" class="button secondary small"
                                onclick={move |_| on_cancel.emit(())}>{"Back to equipment"}</button>
                        </>
                    }}>
                        <strong>{"This equipment could not be opened. "}</strong>
                        {error.to_string()}
                    </Notice>
                </section>
            }
        }
    }
}

/// Properties of [`EquipmentForm`].
#[derive(Properties, PartialEq)]
struct EquipmentFormProps {
    /// The stored item being edited, or `None` when adding one.
    #[prop_or_default]
    existing: Option<Equipment>,
    /// See [`EquipmentFormPageProps::on_done`].
    on_done: Callback<String>,
    /// See [`EquipmentFormPageProps::on_cancel`].
    on_cancel: Callback<()>,
}

/// The form itself (`id="equipment-form"`), validated with the domain's rules.
#[component]
fn EquipmentForm(props: &EquipmentFormProps) -> Html {
    let state = use_reducer(|| {
        FormState::new(
            props
                .existing
                .as_ref()
                .map(|e| e.fields.clone())
                .unwrap_or_default(),
        )
    });
    let delete_ref = use_node_ref();

    // The form opens (an item's once it has loaded) at the asset tag, ready for typing or
    // a barcode scan.
    use_effect_with((), |()| {
        focus_by_id(&field_id(EquipmentField::AssetTag.key()))
    });

    let save = {
        let dispatcher = state.dispatcher();
        let busy = state.feedback.busy();
        let existing = props.existing.clone();
        let on_done = props.on_done.clone();
        Callback::from(move |(fields, action): (EquipmentFields, Busy)| {
            if busy.is_some() {
                return;
            }
            let valid = match fields.validate() {
                Ok(valid) => valid,
                Err(errors) => {
                    dispatcher.dispatch(FormAction::Submit(Submit::Invalid));
                    if let Some(first) = errors.first() {
                        focus_by_id(&field_id(&first.field));
                    }
                    return;
                }
            };
            dispatcher.dispatch(FormAction::Submit(Submit::Started(action)));
            let (dispatcher, existing, on_done) =
                (dispatcher.clone(), existing.clone(), on_done.clone());
            let fields = valid.fields().clone();
            spawn_local(async move {
                let result = match existing {
                    None => call::<CreateEquipment>(&fields).await,
                    Some(stored) => {
                        let update = EquipmentUpdate {
                            id: stored.id,
                            revision: stored.revision,
                            fields,
                        };
                        call::<UpdateEquipment>(&update).await
                    }
                };
                match result {
                    Ok(saved) => {
                        let verb = if action == Busy::Retiring {
                            "Retired"
                        } else {
                            "Saved"
                        };
                        on_done.emit(format!("{verb} {}", describe(&saved.fields)));
                    }
                    Err(error) => {
                        if let Some(first) = error.field_errors().first() {
                            focus_by_id(&field_id(&first.field));
                        }
                        dispatcher.dispatch(FormAction::Submit(Submit::Failed(error)));
                    }
                }
            });
        })
    };
    let onsubmit = {
        let (save, fields) = (save.clone(), state.fields.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            save.emit((fields.clone(), Busy::Saving));
        }
    };
    // Ctrl+Enter (⌘+Enter) saves from anywhere, including the notes.
    let onkeydown = {
        let (save, fields) = (save.clone(), state.fields.clone());
        move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                save.emit((fields.clone(), Busy::Saving));
            }
        }
    };
    let on_text = state.dispatcher().to_callback();
    let errors = state.errors();
    let text_field = |field: EquipmentField| {
        let error = errors
            .iter()
            .find(|error| error.field == field.key())
            .map(|error| AttrValue::from(error.message.clone()));
        let hint = (field == EquipmentField::AssetTag).then_some(AttrValue::from(
            "As printed on the label; leading zeros are kept.",
        ));
        let (key, rule) = (field.key(), field.rule());
        html! {
            <TextField id={field_id(key)} error_id={error_id("", key)} name={key}
                label={rule.label} required={rule.required} multiline={rule.multiline}
                value={state.fields.text(field).to_owned()} {error} {hint}
                on_input={on_text.reform(move |value| FormAction::Text(field, value))} />
        }
    };
    let on_status = {
        let dispatcher = state.dispatcher();
        move |e: Event| {
            let key = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(status) = EquipmentStatus::from_key(&key) {
                dispatcher.dispatch(FormAction::Status(status));
            }
        }
    };
    let on_reference = state
        .dispatcher()
        .to_callback()
        .reform(FormAction::ReferenceStandard);

    let busy = state.feedback.busy();
    // A problem for the whole form, e.g. a failed delete, takes focus so it is seen and read.
    let problem = html! { <FormProblem problem={state.feedback.problem.clone()} /> };
    // While the shell works on a save or delete, nothing may leave the form: its answer
    // comes back here.
    let header = header(props.existing.as_ref(), &props.on_cancel, busy.is_some());
    let edit_actions = props.existing.as_ref().map(|stored| {
        let retire = (stored.fields.status != EquipmentStatus::Retired).then(|| {
            let (save, fields) = (save.clone(), state.fields.clone());
            let onclick = move |_| {
                let fields = EquipmentFields {
                    status: EquipmentStatus::Retired,
                    ..fields.clone()
                };
                save.emit((fields, Busy::Retiring));
            };
            html! {
                <button type="button" id="retire-equipment" class="button secondary"
                    disabled={busy.is_some()} title="Keep the record, marked as permanently withdrawn"
                    {onclick}>
                    {if busy == Some(Busy::Retiring) { "Retiring…" } else { "Retire" }}
                </button>
            }
        });
        let dispatcher = state.dispatcher();
        html! {
            <div class="form-actions-end">
                {retire}
                <button type="button" id="delete-equipment" class="button danger"
                    ref={delete_ref.clone()} disabled={busy.is_some()}
                    onclick={move |_| dispatcher.dispatch(FormAction::AskDelete)}>{"Delete"}</button>
            </div>
        }
    });
    let dialog = match (&props.existing, state.confirming_delete) {
        (Some(stored), true) => delete_dialog(stored, &state, &delete_ref, &props.on_done),
        _ => html! {},
    };
    let on_cancel = props.on_cancel.clone();

    let actions = html! {
        <>
            <button type="submit" form="equipment-form" id="save-equipment" class="button primary"
                disabled={busy.is_some()}>
                {if busy == Some(Busy::Saving) { "Saving…" } else { "Save" }}
            </button>
            <button type="button" id="cancel-edit" class="button secondary"
                disabled={busy.is_some()} onclick={move |_| on_cancel.emit(())}>
                {"Cancel"}
            </button>
            <span class="form-actions-hint">
                <span class="required" aria-hidden="true">{"*"}</span>{" Required"}
            </span>
            {edit_actions}
        </>
    };

    html! {
        <FormPage {header} {actions}>
            <form id="equipment-form" class="equipment-form" novalidate=true {onsubmit} {onkeydown}>
                {problem}
                <fieldset class="form-section">
                    <legend>{"Identification"}</legend>
                    <div class="form-grid">
                        {for IDENTITY_FIELDS.into_iter().map(text_field)}
                        <CheckField id={field_id("reference_standard")} name="reference_standard"
                            label="Reference standard" note="(used to calibrate other equipment)"
                            class="field-wide" checked={state.fields.reference_standard}
                            on_change={on_reference} />
                    </div>
                </fieldset>
                <fieldset class="form-section">
                    <legend>{"Location and status"}</legend>
                    <div class="form-grid">
                        {for PLACE_FIELDS.into_iter().map(text_field)}
                        <div class="field">
                            <label for={field_id("status")}>{"Status"}</label>
                            <select id={field_id("status")} name="status" onchange={on_status}>
                                {for EquipmentStatus::ALL.iter().copied().map(|status| html! {
                                    <option value={status.key()}
                                        selected={status == state.fields.status}>
                                        {status.label()}
                                    </option>
                                })}
                            </select>
                        </div>
                        {text_field(EquipmentField::Notes)}
                    </div>
                </fieldset>
            </form>
            {dialog}
        </FormPage>
    }
}

/// The page header: "New equipment", or the item's tag and name with its dates; its link
/// back is disabled while `busy`.
fn header(existing: Option<&Equipment>, on_cancel: &Callback<()>, busy: bool) -> Html {
    let before = back_button(on_cancel, busy);
    match existing {
        None => html! { <PageHeader title="New equipment" {before} /> },
        Some(stored) => {
            let subtitle = html! {
                <>
                    <StatusBadge status={stored.fields.status} />
                    <span>{format!("Added {}", local_timestamp(stored.created_at))}</span>
                    <span aria-hidden="true">{"·"}</span>
                    <span>{format!("Last changed {}", local_timestamp(stored.updated_at))}</span>
                </>
            };
            html! { <PageHeader title={describe(&stored.fields)} {before} {subtitle} /> }
        }
    }
}

/// The confirmation shown before an item is deleted; deletes it when confirmed.
fn delete_dialog(
    stored: &Equipment,
    state: &UseReducerHandle<FormState>,
    delete_ref: &NodeRef,
    on_done: &Callback<String>,
) -> Html {
    let on_confirm = {
        let dispatcher = state.dispatcher();
        let (id, on_done) = (stored.id, on_done.clone());
        let message = format!("Deleted {}", describe(&stored.fields));
        Callback::from(move |()| {
            dispatcher.dispatch(FormAction::Submit(Submit::Started(Busy::Deleting)));
            let (dispatcher, on_done, message) =
                (dispatcher.clone(), on_done.clone(), message.clone());
            spawn_local(async move {
                match call::<DeleteEquipment>(&id).await {
                    Ok(()) => on_done.emit(message),
                    Err(error) => dispatcher.dispatch(FormAction::Submit(Submit::Failed(error))),
                }
            });
        })
    };
    let on_cancel = state
        .dispatcher()
        .to_callback()
        .reform(|()| FormAction::CancelDelete);
    html! {
        <ConfirmDialog title={format!("Delete {}?", stored.fields.asset_tag)}
            confirm_label="Delete" busy_label="Deleting…"
            busy={state.feedback.busy() == Some(Busy::Deleting)} {on_confirm} {on_cancel}
            return_focus={delete_ref.clone()}>
            <p>
                <strong>{&stored.fields.name}</strong>
                {" will be removed from the register for good. This cannot be undone."}
            </p>
            <p class="muted">
                {"To take it out of use but keep its record, retire it instead."}
            </p>
        </ConfirmDialog>
    }
}

/// "← Equipment": back to the list, or to the item's page when editing.
fn back_button(on_cancel: &Callback<()>, disabled: bool) -> Html {
    html! { <BackLink label="Equipment" {disabled} on_click={on_cancel.clone()} /> }
}

/// How an item is named in titles and notices: "0042 · Digital multimeter".
fn describe(fields: &EquipmentFields) -> String {
    crate::format::describe(&fields.asset_tag, &fields.name)
}

/// The id of the equipment form's input for the field `key`: `field-{key}`.
fn field_id(key: &str) -> String {
    input_id("", key)
}
