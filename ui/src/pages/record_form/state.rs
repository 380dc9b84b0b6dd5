//! What the record form holds — everything as typed — and how each event changes it.

use std::rc::Rc;

use benchlog_domain::equipment::{EquipmentId, EquipmentSummary};
use benchlog_domain::error::FieldError;
use benchlog_domain::key::Keyed;
use benchlog_domain::plan::{Plan, Provider};
use benchlog_domain::record::{
    CalibrationRecord, PointFields, RecordAmendment, RecordFields, RecordId, RecordOutcome,
    StandardUsed, ToleranceKind,
};
use benchlog_domain::tolerance::CalibrationResult;
use chrono::NaiveDate;
use yew::Reducible;

use crate::format::{and_list, iso_date, parse_date};
use crate::forms::{Feedback, Submit};

/// The id prefix of the record form's inputs: `record-field-{key}`, `record-error-{key}`.
pub const PREFIX: &str = "record-";

/// The record's own text inputs (and the reason for a correction).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordText {
    /// Why the record is corrected (only asked when amending).
    Reason,
    /// The day it was done, as typed.
    PerformedOn,
    /// Who did it.
    PerformedBy,
    /// The lab that did it, when external.
    ExternalLab,
    /// The procedure followed.
    Procedure,
    /// The certificate's number.
    CertificateNumber,
    /// The temperature, in °C.
    Temperature,
    /// The relative humidity, in %.
    Humidity,
    /// Anything else.
    Notes,
}

/// In form order (the reason comes first when amending); each key is the field's key in
/// messages and input ids.
impl Keyed for RecordText {
    const ALL: &'static [Self] = &[
        Self::Reason,
        Self::PerformedOn,
        Self::PerformedBy,
        Self::ExternalLab,
        Self::Procedure,
        Self::CertificateNumber,
        Self::Temperature,
        Self::Humidity,
        Self::Notes,
    ];

    fn key(self) -> &'static str {
        match self {
            Self::Reason => "reason",
            Self::PerformedOn => "performed_on",
            Self::PerformedBy => "performed_by",
            Self::ExternalLab => "external_lab",
            Self::Procedure => "procedure",
            Self::CertificateNumber => "certificate_number",
            Self::Temperature => "temperature",
            Self::Humidity => "humidity",
            Self::Notes => "notes",
        }
    }
}

/// A measurement point's text inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointText {
    /// What was measured.
    Description,
    /// The value the standard applied.
    Nominal,
    /// The unit of the values.
    Unit,
    /// The tolerance (the lower offset when asymmetric).
    Tolerance,
    /// The upper offset of an asymmetric tolerance.
    ToleranceUpper,
    /// The reading before any adjustment.
    AsFound,
    /// The reading after adjustment.
    AsLeft,
}

/// In the order of the row; each key is the input's name in `points.{index}.{key}`.
impl Keyed for PointText {
    const ALL: &'static [Self] = &[
        Self::Description,
        Self::Nominal,
        Self::Unit,
        Self::Tolerance,
        Self::ToleranceUpper,
        Self::AsFound,
        Self::AsLeft,
    ];

    fn key(self) -> &'static str {
        match self {
            Self::Description => "description",
            Self::Nominal => "nominal",
            Self::Unit => "unit",
            Self::Tolerance => "tolerance",
            Self::ToleranceUpper => "tolerance_upper",
            Self::AsFound => "as_found",
            Self::AsLeft => "as_left",
        }
    }
}

impl PointText {
    /// This input's text in `point`.
    fn text_mut(self, point: &mut PointFields) -> &mut String {
        match self {
            Self::Description => &mut point.description,
            Self::Nominal => &mut point.nominal,
            Self::Unit => &mut point.unit,
            Self::Tolerance => &mut point.tolerance,
            Self::ToleranceUpper => &mut point.tolerance_upper,
            Self::AsFound => &mut point.as_found,
            Self::AsLeft => &mut point.as_left,
        }
    }
}

/// Where a message's field comes in the form, so the first one can take focus.
pub fn rank(key: &str) -> usize {
    if let Some(at) = RecordText::ALL.iter().position(|field| field.key() == key) {
        return at;
    }
    match (key, point_key(key)) {
        // The points come between the notes and the result.
        ("points", None) => 50,
        (_, Some((index, name))) => {
            let within = (PointText::ALL.iter())
                .position(|field| field.key() == name)
                .unwrap_or(0);
            100 + index.min(9_000) * 10 + within
        }
        ("result", None) => 100_000,
        _ => 200_000,
    }
}

/// The row and input name of a point's key, `points.{index}.{name}`.
pub fn point_key(key: &str) -> Option<(usize, &str)> {
    let rest = key.strip_prefix("points.")?;
    let (index, name) = rest.split_once('.')?;
    Some((index.parse().ok()?, name))
}

/// The id of the input a message is about.
pub fn input_for(key: &str) -> String {
    match (key, point_key(key)) {
        (_, Some((index, name))) => point_input_id(index, name),
        ("points", None) => "add-point".to_owned(),
        ("standards", None) => "standard-search".to_owned(),
        (key, None) => crate::components::field::input_id(PREFIX, key),
    }
}

/// The id of a point's input: `point-{index}-{name}`.
pub fn point_input_id(index: usize, name: &str) -> String {
    format!("point-{index}-{name}")
}

/// The record form's state.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordState {
    /// The record as typed (the date as parsed from `performed_on`).
    pub fields: RecordFields,
    /// The date as typed.
    pub performed_on: String,
    /// A stable key per point row, so rows keep their inputs when one is removed.
    pub row_keys: Vec<u32>,
    next_key: u32,
    /// The reference standards chosen, by tag and name.
    pub standards: Vec<StandardUsed>,
    /// Messages under the fields and at the top, and whether a save is in flight.
    pub feedback: Feedback,
    /// The saved record this form corrects; `None` for a new record.
    pub amending: Option<RecordId>,
    /// Why the record is corrected, as typed (only asked when amending).
    pub reason: String,
}

impl RecordState {
    /// A new record for `plan`, done `today` by the plan's provider.
    pub fn new(plan: &Plan, today: NaiveDate) -> Self {
        Self {
            fields: RecordFields {
                performed_on: Some(today),
                provider: plan.fields.provider,
                external_lab: plan.fields.external_lab.clone(),
                ..RecordFields::default()
            },
            performed_on: iso_date(today),
            row_keys: Vec::new(),
            next_key: 0,
            standards: Vec::new(),
            feedback: Feedback::default(),
            amending: None,
            reason: String::new(),
        }
    }

    /// A correction of `record`, starting from what it says now.
    pub fn amend(record: &CalibrationRecord) -> Self {
        let fields = record.details.to_fields();
        let count = u32::try_from(fields.points.len()).unwrap_or(u32::MAX);
        Self {
            performed_on: iso_date(record.details.performed_on),
            row_keys: (0..count).collect(),
            next_key: count,
            standards: record.standards_used.clone(),
            fields,
            feedback: Feedback::default(),
            amending: Some(record.id),
            reason: String::new(),
        }
    }

    /// The correction of the record `record_id` this form holds.
    pub fn amendment(&self, record_id: RecordId) -> RecordAmendment {
        RecordAmendment {
            record_id,
            reason: self.reason.clone(),
            fields: self.fields.clone(),
        }
    }

    /// Checks the record (and, when amending, the reason) with the domain's rules as of
    /// `today`.
    pub fn check(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        let checked = match self.amending {
            Some(id) => self.amendment(id).validate(today).map(drop),
            None => self.fields.validate(today).map(drop),
        };
        let Err(mut errors) = checked else {
            return Ok(());
        };
        if self.fields.performed_on.is_none() && !self.performed_on.trim().is_empty() {
            for error in errors.iter_mut().filter(|e| e.field == "performed_on") {
                error.message = "Enter a date like 2026-11-25".to_owned();
            }
        }
        Err(errors)
    }

    /// The messages to show under the fields.
    pub fn errors(&self, today: NaiveDate) -> Vec<FieldError> {
        self.feedback
            .errors(|| self.check(today).err().unwrap_or_default())
    }

    /// The result the points that parse give now.
    pub fn derived_result(&self) -> Option<CalibrationResult> {
        let verdicts: Vec<_> = (self.fields.points.iter().enumerate())
            .filter_map(|(index, point)| point.parse(index).ok())
            .map(|point| point.verdicts())
            .collect();
        CalibrationResult::derived_from(&verdicts)
    }
}

/// What happens in the record form.
pub enum RecordAction {
    /// A text field of the record was edited.
    Text(RecordText, String),
    /// The provider was chosen.
    Provider(Provider),
    /// The result was chosen; `None` lets the points decide.
    Result(Option<CalibrationResult>),
    /// A text input of the point at this index was edited.
    Point(usize, PointText, String),
    /// A point's tolerance kind was chosen.
    PointKind(usize, ToleranceKind),
    /// A point row was added.
    AddPoint,
    /// A point row was removed.
    RemovePoint(usize),
    /// A reference standard was chosen.
    AddStandard(EquipmentSummary),
    /// A reference standard was taken off.
    RemoveStandard(EquipmentId),
    /// What happened to the save.
    Submit(Submit),
}

impl Reducible for RecordState {
    type Action = RecordAction;

    fn reduce(self: Rc<Self>, action: RecordAction) -> Rc<Self> {
        let mut next = (*self).clone();
        let fields = &mut next.fields;
        let edited: Option<String> = match action {
            RecordAction::Text(field, value) => {
                let text = match field {
                    RecordText::PerformedOn => {
                        fields.performed_on = parse_date(&value);
                        &mut next.performed_on
                    }
                    RecordText::Reason => &mut next.reason,
                    RecordText::PerformedBy => &mut fields.performed_by,
                    RecordText::ExternalLab => &mut fields.external_lab,
                    RecordText::Procedure => &mut fields.procedure,
                    RecordText::Temperature => &mut fields.temperature,
                    RecordText::Humidity => &mut fields.humidity,
                    RecordText::CertificateNumber => &mut fields.certificate_number,
                    RecordText::Notes => &mut fields.notes,
                };
                *text = value;
                Some(field.key().to_owned())
            }
            RecordAction::Provider(provider) => {
                fields.provider = provider;
                Some("external_lab".to_owned())
            }
            RecordAction::Result(result) => {
                fields.result = result;
                Some("result".to_owned())
            }
            RecordAction::Point(index, field, value) => {
                if let Some(point) = fields.points.get_mut(index) {
                    *field.text_mut(point) = value;
                }
                Some(format!("points.{index}.{}", field.key()))
            }
            RecordAction::PointKind(index, kind) => {
                if let Some(point) = fields.points.get_mut(index) {
                    point.tolerance_kind = kind;
                }
                Some(format!("points.{index}.tolerance"))
            }
            RecordAction::AddPoint => {
                // A new row keeps the unit and kind of tolerance of the one before.
                let point = fields
                    .points
                    .last()
                    .map_or_else(PointFields::default, |last| PointFields {
                        unit: last.unit.clone(),
                        tolerance_kind: last.tolerance_kind,
                        ..PointFields::default()
                    });
                fields.points.push(point);
                next.row_keys.push(next.next_key);
                next.next_key += 1;
                Some("points".to_owned())
            }
            RecordAction::RemovePoint(index) => {
                if index < fields.points.len() {
                    fields.points.remove(index);
                    next.row_keys.remove(index);
                }
                // Rows after it move up: the shell's messages about points no longer fit.
                next.feedback.edited(|key| key.starts_with("points"));
                None
            }
            RecordAction::AddStandard(item) => {
                if !fields.standards.contains(&item.id) {
                    fields.standards.push(item.id);
                    next.standards.push(StandardUsed {
                        id: item.id,
                        asset_tag: item.asset_tag,
                        name: item.name,
                    });
                }
                Some("standards".to_owned())
            }
            RecordAction::RemoveStandard(id) => {
                fields.standards.retain(|standard| *standard != id);
                next.standards.retain(|item| item.id != id);
                Some("standards".to_owned())
            }
            RecordAction::Submit(event) => {
                next.feedback
                    .submit(event, |key| rank(key) < 200_000 || key == "standards");
                None
            }
        };
        if let Some(edited) = edited {
            next.feedback.edited(|key| key == edited);
        }
        Rc::new(next)
    }
}

/// What to tell the user after a save: "Recorded · next due 2027-11-25" (or "Amended"
/// after a correction), and a warning when standards were used past their own due date.
pub fn outcome_notices(outcome: &RecordOutcome, amended: bool) -> (String, Option<String>) {
    let message = match (amended, outcome.plan.fields.next_due) {
        (true, _) => "Amended".to_owned(),
        (false, Some(due)) => format!("Recorded · next due {}", iso_date(due)),
        (false, None) => "Recorded".to_owned(),
    };
    let warning = match outcome.overdue_standards.as_slice() {
        [] => None,
        [one] => Some(format!("Standard {one} was overdue on the day it was used")),
        many => Some(format!(
            "Standards {} were overdue on the day they were used",
            and_list(many)
        )),
    };
    (message, warning)
}

#[cfg(test)]
mod tests;
