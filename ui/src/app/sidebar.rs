//! The sidebar: the wordmark, the app's sections, and the mirror's state.

use benchlog_domain::certificate::MirrorStatus;
use yew::prelude::*;

use super::mirror_indicator::MirrorIndicator;
use super::state::{CalibrationsTab, Page, Section};

/// Properties of [`Sidebar`].
#[derive(Properties, PartialEq)]
pub struct SidebarProps {
    /// The page shown.
    pub page: Page,
    /// The section it belongs to, which looks active.
    pub section: Section,
    /// The mirror's state, once known.
    pub mirror: Option<MirrorStatus>,
    /// Opens a section's first page.
    pub on_navigate: Callback<Page>,
}

/// The sidebar (`class="sidebar"`) with `id="nav-equipment"` and `id="nav-calibrations"`,
/// and at its bottom `id="nav-settings"` and the `.mirror-indicator`.
#[component]
pub fn Sidebar(props: &SidebarProps) -> Html {
    // Every page of a section makes its item look active, but only the page it leads to
    // is the current page.
    let item = |id: &'static str, label: &'static str, section: Section, page: Page| {
        let current = match (&props.page, &page) {
            (Page::Calibrations(_), Page::Calibrations(_)) => true,
            (shown, target) => shown == target,
        };
        let on_navigate = props.on_navigate.clone();
        let target = match (&props.page, page) {
            // Keep the tab the user last had open.
            (Page::Calibrations(tab), Page::Calibrations(_)) => Page::Calibrations(*tab),
            (_, page) => page,
        };
        html! {
            <button type="button" {id}
                class={classes!("nav-item", (props.section == section).then_some("active"))}
                aria-current={current.then_some("page")}
                onclick={move |_| on_navigate.emit(target.clone())}>
                <span class={classes!("nav-icon", format!("nav-icon-{}", id.trim_start_matches("nav-")))}
                    aria-hidden="true"></span>
                {label}
            </button>
        }
    };
    html! {
        <aside class="sidebar">
            <div class="wordmark">
                <span class="wordmark-mark" aria-hidden="true"></span>
                <span class="wordmark-text">{"Benchlog"}</span>
            </div>
            <nav class="nav" aria-label="Sections">
                {item("nav-equipment", "Equipment", Section::Equipment, Page::EquipmentList)}
                {item("nav-calibrations", "Calibrations", Section::Calibrations,
                    Page::Calibrations(CalibrationsTab::Due))}
            </nav>
            <div class="sidebar-bottom">
                <div class="nav">
                    {item("nav-settings", "Settings", Section::Settings, Page::Settings)}
                </div>
                <MirrorIndicator status={props.mirror.clone()}
                    on_open={props.on_navigate.reform(|()| Page::Settings)} />
                <div class="sidebar-footer">{concat!("Version ", env!("CARGO_PKG_VERSION"))}</div>
            </div>
        </aside>
    }
}
