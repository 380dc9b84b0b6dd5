//! The settings page: this workstation's settings, the mirror's state, and the check of
//! the stored certificate files.

mod form;
mod integrity;
mod mirror_card;
mod state;

use benchlog_domain::certificate::MirrorStatus;
use yew::prelude::*;

use self::form::SettingsForm;
use self::integrity::IntegrityCard;
use self::mirror_card::MirrorCard;
use crate::components::page_header::PageHeader;

/// Properties of [`SettingsPage`].
#[derive(Properties, PartialEq)]
pub struct SettingsPageProps {
    /// The mirror's state as the app knows it.
    pub mirror: Option<MirrorStatus>,
    /// The certificate file check was asked for from the menu: run it now.
    pub run_check: bool,
    /// The check asked for has started.
    pub on_check_started: Callback<()>,
    /// Tells the app a fresher mirror state.
    pub on_mirror: Callback<MirrorStatus>,
    /// Shows a success notice.
    pub on_notice: Callback<String>,
}

/// The page (`class="page-settings"`): `form#settings-form`, `section.mirror-status` and
/// `section.integrity-check`.
#[component]
pub fn SettingsPage(props: &SettingsPageProps) -> Html {
    html! {
        <section class="page page-settings">
            <PageHeader title="Settings" />
            <SettingsForm on_notice={props.on_notice.clone()} />
            <MirrorCard status={props.mirror.clone()} on_status={props.on_mirror.clone()} />
            <IntegrityCard requested={props.run_check}
                on_started={props.on_check_started.clone()} />
        </section>
    }
}
