//! What the app remembers across pages, and how each app-wide event changes it.

use std::rc::Rc;

use benchlog_domain::certificate::MirrorStatus;
use benchlog_domain::due::{CalendarQuery, DueQuery};
use benchlog_domain::equipment::{EquipmentId, EquipmentQuery};
use benchlog_domain::plan::{Plan, PlanId};
use benchlog_domain::record::CalibrationRecord;
use chrono::NaiveDate;
use yew::Reducible;

use crate::components::notice::NoticeKind;
use crate::pages::calibrations::due_list::DueChange;
use crate::pages::calibrations::month::{MonthChange, month_of};
use crate::pages::equipment_list::QueryChange;

/// The pages the app can show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// The equipment register.
    EquipmentList,
    /// The form for a new item.
    NewEquipment,
    /// One item: its details, plans and history.
    EquipmentDetail(EquipmentId),
    /// The form for an existing item.
    EditEquipment(EquipmentId),
    /// The form for a new plan of an item.
    NewPlan(EquipmentId),
    /// The form for an existing plan.
    EditPlan(Rc<Plan>),
    /// The form for recording a calibration against a plan of an item.
    RecordCalibration {
        /// The plan.
        plan: PlanId,
        /// The item.
        equipment: EquipmentId,
    },
    /// The form for correcting a saved record (of the item it names).
    AmendRecord(Rc<CalibrationRecord>),
    /// What is due, as a list or a calendar.
    Calibrations(CalibrationsTab),
    /// The workstation's settings, the mirror's state and the certificate file check.
    Settings,
}

/// The two views of the calibrations page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalibrationsTab {
    /// The due list.
    Due,
    /// The month calendar.
    Calendar,
}

/// The sidebar's sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The register and everything about one item.
    Equipment,
    /// The due list and the calendar.
    Calibrations,
    /// The settings page.
    Settings,
}

/// How often the certificates may have changed since the app started (files attached,
/// uploaded, restored): a context, and lists of certificates load again when it changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CertificatesRevision(pub u32);

/// A short-lived message such as "Saved 0042 · Digital multimeter".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toast {
    /// Tells one toast from the next, so a timer only hides its own.
    pub id: u32,
    /// Success or warning.
    pub kind: NoticeKind,
    /// The message.
    pub message: String,
}

/// Everything the app remembers across pages.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The page shown.
    pub page: Page,
    /// The page shown before it, where "Cancel" on the record form leads.
    pub back: Page,
    /// The list's search, filter, sort and page, kept while an item is open.
    pub list_query: EquipmentQuery,
    /// The due list's filters and page.
    pub due_query: DueQuery,
    /// The calendar's month.
    pub month: CalendarQuery,
    /// The notices shown, oldest first.
    pub toasts: Vec<Toast>,
    /// The id the next toast gets.
    next_toast: u32,
    /// An item whose calibration just failed: its page offers to set it out of service.
    pub offer_out_of_service: Option<EquipmentId>,
    /// The mirror's state, once the shell has told it.
    pub mirror: Option<MirrorStatus>,
    /// Changes whenever the shell says the certificates may have changed.
    pub certificates: CertificatesRevision,
    /// The certificate file check was asked for from the menu and has not started yet.
    pub check_requested: bool,
}

/// A page finished its work: where to go, and what to tell the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    /// The page that finished; if the user has left it meanwhile, only the notices show.
    pub from: Page,
    /// Where to go.
    pub to: Page,
    /// What was done, e.g. "Saved 0042 · Digital multimeter".
    pub message: String,
    /// Something to watch out for, shown until dismissed.
    pub warning: Option<String>,
    /// Offer to set this item out of service.
    pub offer_out_of_service: Option<EquipmentId>,
}

/// What happens in the app.
pub enum AppAction {
    /// Show another page.
    Navigate(Page),
    /// Back to the page shown before this one.
    Back,
    /// The list's query changed.
    Query(QueryChange),
    /// The due list's query changed.
    Due(DueChange),
    /// The due list for one day (from the calendar's "+ N more").
    DueOn(NaiveDate),
    /// The calendar moved to another month.
    Month(MonthChange),
    /// A page finished its work.
    Done(Done),
    /// Show a notice without leaving the page.
    Notify(NoticeKind, String),
    /// Hide the toast with this id, if it is still shown.
    HideToast(u32),
    /// The out-of-service offer was answered.
    OfferClosed,
    /// The shell told the mirror's state, which changes when files are attached, uploaded
    /// or restored.
    Mirror(MirrorStatus),
    /// Check the certificate files (asked for from the menu): open the settings page, which
    /// runs the check.
    CheckCertificates,
    /// The settings page started the check asked for.
    CheckStarted,
}

impl AppState {
    /// The app as it starts, on the equipment list; the calendar shows `today`'s month.
    pub fn new(today: NaiveDate) -> Self {
        Self {
            page: Page::EquipmentList,
            back: Page::EquipmentList,
            list_query: EquipmentQuery::default(),
            due_query: DueQuery::default(),
            month: month_of(today),
            toasts: Vec::new(),
            next_toast: 0,
            offer_out_of_service: None,
            mirror: None,
            certificates: CertificatesRevision::default(),
            check_requested: false,
        }
    }

    /// The sidebar section the page belongs to.
    pub fn section(&self) -> Section {
        match (&self.page, &self.back) {
            (Page::Calibrations(_), _)
            | (Page::RecordCalibration { .. }, Page::Calibrations(_)) => Section::Calibrations,
            (Page::Settings, _) => Section::Settings,
            _ => Section::Equipment,
        }
    }

    fn toast(&mut self, kind: NoticeKind, message: String) {
        self.toasts.push(Toast {
            id: self.next_toast,
            kind,
            message,
        });
        self.next_toast = self.next_toast.wrapping_add(1);
    }

    fn go(&mut self, page: Page) {
        if page != self.page {
            self.back = std::mem::replace(&mut self.page, page);
        }
        self.toasts.clear();
        self.offer_out_of_service = None;
    }
}

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            AppAction::Navigate(page) => next.go(page),
            AppAction::Back => next.go(self.back.clone()),
            AppAction::Query(change) => change.apply(&mut next.list_query),
            AppAction::Due(change) => change.apply(&mut next.due_query),
            AppAction::DueOn(day) => {
                DueChange::Day(day).apply(&mut next.due_query);
                next.go(Page::Calibrations(CalibrationsTab::Due));
            }
            AppAction::Month(change) => next.month = change.apply(next.month),
            AppAction::Done(done) => {
                if next.page == done.from {
                    next.go(done.to);
                    next.offer_out_of_service = done.offer_out_of_service;
                }
                next.toast(NoticeKind::Success, done.message);
                if let Some(warning) = done.warning {
                    next.toast(NoticeKind::Warning, warning);
                }
            }
            AppAction::Notify(kind, message) => next.toast(kind, message),
            AppAction::HideToast(id) => next.toasts.retain(|toast| toast.id != id),
            AppAction::OfferClosed => next.offer_out_of_service = None,
            AppAction::Mirror(status) => {
                next.mirror = Some(status);
                next.certificates.0 = next.certificates.0.wrapping_add(1);
            }
            AppAction::CheckCertificates => {
                next.go(Page::Settings);
                next.check_requested = true;
            }
            AppAction::CheckStarted => next.check_requested = false,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn item() -> EquipmentId {
        "0190a0b0-0000-7000-8000-000000000042".parse().unwrap()
    }

    fn showing(page: Page) -> Rc<AppState> {
        Rc::new(AppState {
            page,
            ..AppState::new(today())
        })
    }

    fn done(from: Page, to: Page) -> AppAction {
        AppAction::Done(Done {
            from,
            to,
            message: "Saved 0042 · DMM".into(),
            warning: None,
            offer_out_of_service: None,
        })
    }

    fn messages(state: &AppState) -> Vec<&str> {
        state.toasts.iter().map(|t| t.message.as_str()).collect()
    }

    #[test]
    fn done_goes_where_asked_with_a_notice() {
        let state =
            showing(Page::NewEquipment).reduce(done(Page::NewEquipment, Page::EquipmentList));
        assert_eq!(state.page, Page::EquipmentList);
        assert_eq!(messages(&state), ["Saved 0042 · DMM"]);
    }

    #[test]
    fn a_late_done_does_not_take_the_user_away_from_another_page() {
        let state = showing(Page::EquipmentList)
            .reduce(AppAction::Navigate(Page::NewEquipment))
            .reduce(done(Page::EquipmentList, Page::EquipmentDetail(item())));
        assert_eq!(state.page, Page::NewEquipment);
        assert_eq!(state.toasts.len(), 1);
    }

    #[test]
    fn a_failed_calibration_warns_and_offers_out_of_service_on_the_item_page() {
        let record = Page::RecordCalibration {
            plan: "0190a0b0-0000-7000-8000-000000000001".parse().unwrap(),
            equipment: item(),
        };
        let state = showing(Page::EquipmentDetail(item()))
            .reduce(AppAction::Navigate(record.clone()))
            .reduce(AppAction::Done(Done {
                from: record,
                to: Page::EquipmentDetail(item()),
                message: "Recorded".into(),
                warning: Some("Standard 0007 was overdue".into()),
                offer_out_of_service: Some(item()),
            }));
        assert_eq!(state.page, Page::EquipmentDetail(item()));
        assert_eq!(state.offer_out_of_service, Some(item()));
        let kinds: Vec<_> = state.toasts.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [NoticeKind::Success, NoticeKind::Warning]);
        let state = state.reduce(AppAction::OfferClosed);
        assert_eq!(state.offer_out_of_service, None);
    }

    #[test]
    fn back_returns_to_where_the_record_form_was_opened() {
        let record = Page::RecordCalibration {
            plan: "0190a0b0-0000-7000-8000-000000000001".parse().unwrap(),
            equipment: item(),
        };
        let state = showing(Page::Calibrations(CalibrationsTab::Calendar))
            .reduce(AppAction::Navigate(record));
        assert_eq!(state.section(), Section::Calibrations);
        let state = state.reduce(AppAction::Back);
        assert_eq!(state.page, Page::Calibrations(CalibrationsTab::Calendar));
    }

    #[test]
    fn a_day_in_the_calendar_opens_the_due_list_for_that_day() {
        let state = showing(Page::Calibrations(CalibrationsTab::Calendar))
            .reduce(AppAction::DueOn(today()));
        assert_eq!(state.page, Page::Calibrations(CalibrationsTab::Due));
        assert_eq!(state.due_query.due_from, Some(today()));
        assert_eq!(state.due_query.due_to, Some(today()));
    }

    #[test]
    fn a_new_mirror_status_is_kept_and_has_certificate_lists_load_again() {
        let status = MirrorStatus {
            enabled: true,
            queued: 3,
            ..MirrorStatus::default()
        };
        let before = showing(Page::EquipmentDetail(item()));
        let after = before.clone().reduce(AppAction::Mirror(status.clone()));
        assert_eq!(after.mirror, Some(status));
        assert_ne!(after.certificates, before.certificates);
        assert_eq!(
            after.page,
            Page::EquipmentDetail(item()),
            "nobody is taken away"
        );
    }

    #[test]
    fn the_menus_check_opens_settings_once() {
        let state = showing(Page::EquipmentList).reduce(AppAction::CheckCertificates);
        assert_eq!(state.page, Page::Settings);
        assert_eq!(state.section(), Section::Settings);
        assert!(state.check_requested);
        let state = state.reduce(AppAction::CheckStarted);
        assert!(!state.check_requested);
    }

    #[test]
    fn toasts_hide_one_by_one_and_go_with_the_page() {
        let state = showing(Page::EquipmentList)
            .reduce(AppAction::Notify(NoticeKind::Success, "One".into()))
            .reduce(AppAction::Notify(NoticeKind::Success, "Two".into()));
        let first = state.toasts[0].id;
        let state = state.reduce(AppAction::HideToast(first));
        assert_eq!(messages(&state), ["Two"]);
        let state = state.reduce(AppAction::Navigate(Page::NewEquipment));
        assert!(state.toasts.is_empty());
    }
}
