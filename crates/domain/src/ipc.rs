//! The IPC contract: every command the UI can call, defined once with its name, request and
//! response, so the UI and the shell cannot drift apart. Every command fails with
//! [`ApiError`](crate::error::ApiError).

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::certificate::{
    AttachFiles, Certificate, CertificateRef, ExportOutcome, IntegrityReport, MirrorStatus,
};
use crate::due::{CalendarQuery, DuePage, DueQuery};
use crate::equipment::{
    Equipment, EquipmentFields, EquipmentId, EquipmentPage, EquipmentQuery, EquipmentUpdate,
    Facets, StatusChange,
};
use crate::page::Page;
use crate::plan::{NewPlan, Plan, PlanUpdate};
use crate::record::{
    CalibrationRecord, NewRecord, RecordAmendment, RecordId, RecordOutcome, RecordQuery,
};
use crate::settings::Settings;

/// A command the UI sends to the shell.
pub trait Command {
    /// The name the shell registers the command under.
    const NAME: &'static str;
    /// What the UI sends.
    type Request: Serialize + DeserializeOwned;
    /// What the shell answers.
    type Response: Serialize + DeserializeOwned;
}

/// The name of the one argument every command takes; the request travels under it.
pub const REQUEST_ARGUMENT: &str = "request";

macro_rules! commands {
    ($($(#[$doc:meta])* $command:ident = $name:literal: $request:ty => $response:ty;)*) => {
        $(
            $(#[$doc])*
            pub enum $command {}

            impl Command for $command {
                const NAME: &'static str = $name;
                type Request = $request;
                type Response = $response;
            }
        )*

        /// The names of all commands, for the shell's registration tests and permissions.
        pub const COMMAND_NAMES: &[&str] = &[$($name),*];
    };
}

commands! {
    /// One page of the register, searched, filtered and sorted by the database.
    ListEquipment = "list_equipment": EquipmentQuery => EquipmentPage;
    /// One item with all its fields.
    GetEquipment = "get_equipment": EquipmentId => Equipment;
    /// Adds an item.
    CreateEquipment = "create_equipment": EquipmentFields => Equipment;
    /// Changes an item, refusing edits made on a stale revision.
    UpdateEquipment = "update_equipment": EquipmentUpdate => Equipment;
    /// Deletes an item for good; refused once it has plans or records (retire it instead).
    DeleteEquipment = "delete_equipment": EquipmentId => ();
    /// The locations and departments in use, for the due list's filters.
    ListFacets = "list_facets": () => Facets;
    /// Sets only an item's status, e.g. out of service after a failed calibration.
    SetEquipmentStatus = "set_equipment_status": StatusChange => Equipment;
    /// An item's plans, by name.
    ListPlans = "list_plans": EquipmentId => Vec<Plan>;
    /// Adds a plan to an item.
    CreatePlan = "create_plan": NewPlan => Plan;
    /// Changes a plan, refusing edits made on a stale revision.
    UpdatePlan = "update_plan": PlanUpdate => Plan;
    /// Records a calibration against a plan, rolling its due date when it passed.
    RecordCalibration = "record_calibration": NewRecord => RecordOutcome;
    /// Corrects a saved record; the earlier version stays in its history.
    AmendRecord = "amend_record": RecordAmendment => RecordOutcome;
    /// An item's calibration history, newest first.
    ListRecords = "list_records": RecordQuery => Page<CalibrationRecord>;
    /// One page of the due list.
    ListDue = "list_due": DueQuery => DuePage;
    /// What is due on each day of a month.
    GetCalendarMonth = "calendar_month": CalendarQuery => crate::due::CalendarMonth;
    /// Asks for files with the native dialog and attaches them to a record, answering
    /// with their attachments; none when the user cancels.
    PickCertificates = "pick_certificates": RecordId => Vec<Certificate>;
    /// Attaches files given by path (dropped on the record) to a record, answering with
    /// their attachments.
    AttachCertificates = "attach_certificates": AttachFiles => Vec<Certificate>;
    /// A record's certificates, in the order they were attached.
    ListCertificates = "list_certificates": RecordId => Vec<Certificate>;
    /// Opens a stored certificate with the system's default viewer.
    OpenCertificate = "open_certificate": CertificateRef => ();
    /// Saves a copy of a stored certificate where the user picks in the native dialog.
    ExportCertificate = "export_certificate": CertificateRef => ExportOutcome;
    /// Re-hashes every stored certificate and reports the missing or damaged ones.
    CheckCertificates = "check_certificates": () => IntegrityReport;
    /// The workstation's settings.
    GetSettings = "get_settings": () => Settings;
    /// Validates and saves the settings; a new mirror destination queues every file.
    SaveSettings = "save_settings": Settings => Settings;
    /// The mirror's overall state.
    GetMirrorStatus = "mirror_status": () => MirrorStatus;
    /// Retries every queued file now instead of waiting for its backoff.
    SyncNow = "sync_now": () => MirrorStatus;
}
