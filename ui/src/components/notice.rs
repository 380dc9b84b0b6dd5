//! A coloured message box: a success toast, a warning, or an error with an optional way out.

use yew::prelude::*;

/// What a notice reports, which sets its colour and how assistive technology announces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something worked. Announced by the live region it is shown in (the app's toasts),
    /// which must exist before the notice does, so the notice has no role of its own.
    Success,
    /// Something worked, but the user should know about a risk; announced like a success.
    Warning,
    /// Something failed; announced at once (`role="alert"`).
    Error,
}

/// Properties of [`Notice`].
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// Success, warning or error.
    pub kind: NoticeKind,
    /// The message.
    pub children: Html,
    /// Buttons shown after the message, e.g. "Retry".
    #[prop_or_default]
    pub actions: Html,
    /// When set, the notice gets a close button that calls this.
    #[prop_or_default]
    pub on_dismiss: Option<Callback<()>>,
    /// Extra classes, e.g. for positioning.
    #[prop_or_default]
    pub class: Classes,
}

/// A message box (`class="notice success"`, `"notice warning"` or `"notice error"`).
#[component]
pub fn Notice(props: &NoticeProps) -> Html {
    let (kind_class, role) = match props.kind {
        NoticeKind::Success => ("success", None),
        NoticeKind::Warning => ("warning", None),
        NoticeKind::Error => ("error", Some("alert")),
    };
    let icon = match props.kind {
        NoticeKind::Success => "✓",
        NoticeKind::Warning | NoticeKind::Error => "!",
    };
    let dismiss = props.on_dismiss.clone().map(|on_dismiss| {
        html! {
            <button type="button" class="notice-dismiss" aria-label="Dismiss"
                onclick={move |_| on_dismiss.emit(())}>{"×"}</button>
        }
    });
    html! {
        <div class={classes!("notice", kind_class, props.class.clone())} {role}>
            <span class="notice-icon" aria-hidden="true">{icon}</span>
            <div class="notice-message">{props.children.clone()}</div>
            <div class="notice-actions">
                {props.actions.clone()}
                {dismiss}
            </div>
        </div>
    }
}
