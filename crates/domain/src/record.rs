//! Calibration records: what was done, the readings taken, and the result they support.
//! Readings arrive as typed text, so "not a number" is an error on its own field.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::equipment::EquipmentId;
use crate::error::FieldError;
use crate::plan::{PlanId, Provider, plausible_date};
use crate::text::TextRule;
use crate::tolerance::{CalibrationResult, Limits, Tolerance, Verdict};

crate::id::uuid_id! {
    /// Identifies one calibration record.
    RecordId
}

/// The most measurement points one record may have.
pub const MAX_POINTS: usize = 200;

/// How a point's tolerance is given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ToleranceKind {
    /// Nominal ± an amount.
    #[default]
    PlusMinus,
    /// Separate lower and upper offsets from nominal.
    Asymmetric,
    /// Nominal ± a percentage of it.
    Percent,
}

/// One measurement point as typed in the record form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointFields {
    /// What was measured ("10 V DC", "Range 2, 50 %").
    pub description: String,
    /// The nominal (reference) value.
    pub nominal: String,
    /// The unit ("V", "°C", "N·m").
    pub unit: String,
    /// How the tolerance is given.
    pub tolerance_kind: ToleranceKind,
    /// The ± amount, the percentage, or the lower offset of an asymmetric tolerance.
    pub tolerance: String,
    /// The upper offset of an asymmetric tolerance; unused otherwise.
    pub tolerance_upper: String,
    /// The reading before any adjustment.
    pub as_found: String,
    /// The reading after adjustment; empty when nothing was adjusted.
    pub as_left: String,
}

/// A measurement point that parsed and makes sense.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasurementPoint {
    /// What was measured.
    pub description: String,
    /// The nominal value, with the digits as typed.
    pub nominal: Decimal,
    /// The unit.
    pub unit: String,
    /// The tolerance.
    pub tolerance: Tolerance,
    /// The reading before adjustment.
    pub as_found: Decimal,
    /// The reading after adjustment (equal to `as_found` when not adjusted).
    pub as_left: Decimal,
    /// The limits the readings are judged against.
    pub limits: Limits,
}

impl MeasurementPoint {
    /// The (as-found, as-left) verdicts.
    pub fn verdicts(&self) -> (Verdict, Verdict) {
        (
            self.limits.verdict(self.as_found),
            self.limits.verdict(self.as_left),
        )
    }
}

impl PointFields {
    /// Parses and checks the point in row `index` of the form (keys `points.{index}.…`).
    pub fn parse(&self, index: usize) -> Result<MeasurementPoint, Vec<FieldError>> {
        let mut errors = Vec::new();
        let key = |name: &str| format!("points.{index}.{name}");
        let mut note = |name: &str, message: String| {
            errors.push(FieldError {
                field: key(name),
                message,
            })
        };
        let description = TextRule::optional("Description", 200)
            .apply(&self.description)
            .unwrap_or_else(|message| {
                note("description", message);
                String::new()
            });
        let unit = TextRule::optional("Unit", 40)
            .apply(&self.unit)
            .unwrap_or_else(|message| {
                note("unit", message);
                String::new()
            });
        let mut number = |name: &str, label: &str, raw: &str| {
            parse_decimal(raw, label)
                .map_err(|message| note(name, message))
                .ok()
        };
        let nominal = number("nominal", "Nominal", &self.nominal);
        let first = number("tolerance", "Tolerance", &self.tolerance);
        let upper = match self.tolerance_kind {
            ToleranceKind::Asymmetric => number("tolerance_upper", "Upper", &self.tolerance_upper),
            ToleranceKind::PlusMinus | ToleranceKind::Percent => Some(Decimal::ZERO),
        };
        let as_found = number("as_found", "As found", &self.as_found);
        let as_left = if self.as_left.trim().is_empty() {
            as_found
        } else {
            number("as_left", "As left", &self.as_left)
        };
        let tolerance = first.zip(upper).and_then(|(first, upper)| {
            let tolerance = match self.tolerance_kind {
                ToleranceKind::PlusMinus => Tolerance::PlusMinus { amount: first },
                ToleranceKind::Percent => Tolerance::Percent { percent: first },
                ToleranceKind::Asymmetric => Tolerance::Asymmetric {
                    lower: first,
                    upper,
                },
            };
            tolerance
                .check()
                .map_err(|message| note("tolerance", message))
                .ok()
                .map(|()| tolerance)
        });
        let limits = nominal.zip(tolerance).and_then(|(nominal, tolerance)| {
            let limits = tolerance.limits(nominal);
            if limits.is_none() {
                note(
                    "tolerance",
                    "The limits are too large to compute".to_owned(),
                );
            }
            limits
        });
        match (nominal, tolerance, as_found, as_left, limits) {
            (Some(nominal), Some(tolerance), Some(as_found), Some(as_left), Some(limits))
                if errors.is_empty() =>
            {
                Ok(MeasurementPoint {
                    description,
                    nominal,
                    unit,
                    tolerance,
                    as_found,
                    as_left,
                    limits,
                })
            }
            _ => Err(errors),
        }
    }

    /// The verdicts as far as what is typed allows, for live badges: `None` for a reading
    /// that cannot be judged yet.
    pub fn live_verdicts(&self) -> (Option<Verdict>, Option<Verdict>) {
        let Ok(point) = self.parse(0) else {
            let mut partial = self.clone();
            // Judge the as-found reading alone while as-left is still being typed.
            partial.as_left.clear();
            return match partial.parse(0) {
                Ok(point) => (Some(point.verdicts().0), None),
                Err(_) => (None, None),
            };
        };
        let (found, left) = point.verdicts();
        (Some(found), Some(left))
    }
}

/// Parses a number as typed: trimmed, with `.` or a lone `,` as the decimal separator.
pub fn parse_decimal(raw: &str, label: &str) -> Result<Decimal, String> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(format!("{label} is required"));
    }
    let normalised = if text.contains('.') {
        text.to_owned()
    } else {
        text.replacen(',', ".", 1)
    };
    normalised
        .parse::<Decimal>()
        .or_else(|_| Decimal::from_scientific(&normalised))
        .map_err(|_| format!("{label} must be a number, like 10.05"))
}

/// The fields of the record form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordFields {
    /// The day the calibration was done.
    pub performed_on: Option<NaiveDate>,
    /// Who did it.
    pub performed_by: String,
    /// In-house or an outside lab.
    pub provider: Provider,
    /// The outside lab's name; required for an external provider.
    pub external_lab: String,
    /// The procedure followed.
    pub procedure: String,
    /// Ambient temperature in °C, as typed; empty when not recorded.
    pub temperature: String,
    /// Relative humidity in %, as typed; empty when not recorded.
    pub humidity: String,
    /// The certificate's number.
    pub certificate_number: String,
    /// Free-form notes.
    pub notes: String,
    /// The measurement points.
    pub points: Vec<PointFields>,
    /// The result the user records; `None` lets the points decide.
    pub result: Option<CalibrationResult>,
    /// Reference standards used, by item.
    pub standards: Vec<EquipmentId>,
}

/// A record that passed [`RecordFields::validate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordDetails {
    /// The day the calibration was done.
    pub performed_on: NaiveDate,
    /// Who did it.
    pub performed_by: String,
    /// In-house or an outside lab.
    pub provider: Provider,
    /// The outside lab's name, or empty.
    pub external_lab: String,
    /// The procedure followed.
    pub procedure: String,
    /// Ambient temperature in °C.
    pub temperature: Option<Decimal>,
    /// Relative humidity in %.
    pub humidity: Option<Decimal>,
    /// The certificate's number.
    pub certificate_number: String,
    /// Free-form notes.
    pub notes: String,
    /// The measurement points.
    pub points: Vec<MeasurementPoint>,
    /// The result.
    pub result: CalibrationResult,
    /// Reference standards used.
    pub standards: Vec<EquipmentId>,
}

impl RecordFields {
    /// Checks every field against the rules, reporting all problems at once. `today`
    /// bounds the date: a calibration cannot be recorded before it is done.
    pub fn validate(&self, today: NaiveDate) -> Result<RecordDetails, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut note = |field: &str, message: String| {
            errors.push(FieldError {
                field: field.to_owned(),
                message,
            })
        };
        let performed_on = match self.performed_on {
            None => {
                note("performed_on", "Enter the date it was done".to_owned());
                None
            }
            Some(date) if date > today => {
                note(
                    "performed_on",
                    "The date cannot be in the future".to_owned(),
                );
                None
            }
            Some(date) if !plausible_date(date) => {
                note(
                    "performed_on",
                    "Enter a date between 1900 and 2199".to_owned(),
                );
                None
            }
            Some(date) => Some(date),
        };
        let mut text = |field: &str, rule: TextRule, raw: &str| {
            rule.apply(raw).unwrap_or_else(|message| {
                note(field, message);
                String::new()
            })
        };
        let performed_by = text(
            "performed_by",
            TextRule::required("Performed by", 120),
            &self.performed_by,
        );
        let external_lab = match self.provider {
            Provider::External => text(
                "external_lab",
                TextRule::required("External lab", 120),
                &self.external_lab,
            ),
            Provider::Internal => String::new(),
        };
        let procedure = text(
            "procedure",
            TextRule::optional("Procedure", 200),
            &self.procedure,
        );
        let certificate_number = text(
            "certificate_number",
            TextRule::optional("Certificate number", 120),
            &self.certificate_number,
        );
        let notes = text(
            "notes",
            TextRule::optional_multiline("Notes", 10_000),
            &self.notes,
        );
        let temperature = optional_number(&self.temperature, "Temperature", -100..=400)
            .map_err(|message| note("temperature", message))
            .ok()
            .flatten();
        let humidity = optional_number(&self.humidity, "Humidity", 0..=100)
            .map_err(|message| note("humidity", message))
            .ok()
            .flatten();
        if self.points.len() > MAX_POINTS {
            note(
                "points",
                format!("A record can have at most {MAX_POINTS} points"),
            );
        }
        let mut points = Vec::new();
        for (index, point) in self.points.iter().enumerate() {
            match point.parse(index) {
                Ok(point) => points.push(point),
                Err(point_errors) => errors.extend(point_errors),
            }
        }
        let verdicts: Vec<_> = points.iter().map(MeasurementPoint::verdicts).collect();
        let derived = if points.len() == self.points.len() {
            CalibrationResult::derived_from(&verdicts)
        } else {
            None
        };
        let result = match (self.result, derived) {
            (Some(chosen), _) => chosen
                .check_against(derived)
                .map(|()| chosen)
                .map_err(|message| {
                    errors.push(FieldError {
                        field: "result".to_owned(),
                        message,
                    })
                })
                .ok(),
            (None, Some(derived)) => Some(derived),
            (None, None) if self.points.is_empty() => {
                errors.push(FieldError {
                    field: "result".to_owned(),
                    message: "Choose a result, or add measurement points".to_owned(),
                });
                None
            }
            (None, None) => None,
        };
        let mut standards = self.standards.clone();
        standards.sort();
        standards.dedup();
        match (performed_on, result) {
            (Some(performed_on), Some(result)) if errors.is_empty() => Ok(RecordDetails {
                performed_on,
                performed_by,
                provider: self.provider,
                external_lab,
                procedure,
                temperature,
                humidity,
                certificate_number,
                notes,
                points,
                result,
                standards,
            }),
            _ => Err(errors),
        }
    }
}

/// An optional number within `range`, as typed.
fn optional_number(
    raw: &str,
    label: &str,
    range: std::ops::RangeInclusive<i32>,
) -> Result<Option<Decimal>, String> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    let value = parse_decimal(raw, label)?;
    let (low, high) = (Decimal::from(*range.start()), Decimal::from(*range.end()));
    if value < low || value > high {
        return Err(format!("{label} must be between {low} and {high}"));
    }
    Ok(Some(value))
}

/// A new record for a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewRecord {
    /// The plan it fulfils.
    pub plan_id: PlanId,
    /// What the form holds.
    pub fields: RecordFields,
}

/// A stored calibration record. Records are never edited in place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalibrationRecord {
    /// Its id.
    pub id: RecordId,
    /// The plan it fulfils.
    pub plan_id: PlanId,
    /// The plan's name when it was recorded.
    pub plan_name: String,
    /// The item calibrated.
    pub equipment_id: EquipmentId,
    /// What was recorded, as corrected by the latest amendment.
    pub details: RecordDetails,
    /// When it was first saved (UTC).
    pub created_at: DateTime<Utc>,
    /// The corrections made to it, oldest first, each with what it replaced.
    pub amendments: Vec<Amendment>,
    /// The reference standards it names now, as they read in the register.
    pub standards_used: Vec<StandardUsed>,
    /// How many certificates are attached to it.
    pub certificate_count: u32,
}

/// A reference standard a record names, for showing it without another look-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandardUsed {
    /// The standard.
    pub id: EquipmentId,
    /// Its asset tag.
    pub asset_tag: String,
    /// Its name.
    pub name: String,
}

/// One correction of a saved record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    /// When the correction was saved (UTC).
    pub amended_at: DateTime<Utc>,
    /// Why the record was corrected.
    pub reason: String,
    /// The record as it stood before this correction.
    pub previous: RecordDetails,
}

/// A correction to a saved record: the whole record as it should read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordAmendment {
    /// The record to correct.
    pub record_id: RecordId,
    /// Why it is corrected; required, it stays in the record's history.
    pub reason: String,
    /// The corrected record.
    pub fields: RecordFields,
}

impl RecordAmendment {
    /// Checks the amendment: the corrected record by the record rules (dated no later
    /// than `today`), and a reason. Reports all problems at once.
    pub fn validate(&self, today: NaiveDate) -> Result<(String, RecordDetails), Vec<FieldError>> {
        let reason = TextRule::required("Reason", 500).apply(&self.reason);
        match (reason, self.fields.validate(today)) {
            (Ok(reason), Ok(details)) => Ok((reason, details)),
            (reason, details) => {
                let mut errors = details.err().unwrap_or_default();
                if let Err(message) = reason {
                    errors.insert(
                        0,
                        FieldError {
                            field: "reason".to_owned(),
                            message,
                        },
                    );
                }
                Err(errors)
            }
        }
    }
}

impl RecordDetails {
    /// The form fields that show these details again, to start an amendment from.
    pub fn to_fields(&self) -> RecordFields {
        let text = |value: Option<Decimal>| value.map(|v| v.to_string()).unwrap_or_default();
        RecordFields {
            performed_on: Some(self.performed_on),
            performed_by: self.performed_by.clone(),
            provider: self.provider,
            external_lab: self.external_lab.clone(),
            procedure: self.procedure.clone(),
            temperature: text(self.temperature),
            humidity: text(self.humidity),
            certificate_number: self.certificate_number.clone(),
            notes: self.notes.clone(),
            points: self
                .points
                .iter()
                .map(MeasurementPoint::to_fields)
                .collect(),
            // The points decide the result again as they are corrected; only a result the
            // user chose (no points, or limited) is carried over.
            result: (self.points.is_empty() || self.result == CalibrationResult::Limited)
                .then_some(self.result),
            standards: self.standards.clone(),
        }
    }
}

impl MeasurementPoint {
    /// The form row that shows this point again.
    pub fn to_fields(&self) -> PointFields {
        let (tolerance_kind, tolerance, tolerance_upper) = match self.tolerance {
            Tolerance::PlusMinus { amount } => (ToleranceKind::PlusMinus, amount, None),
            Tolerance::Asymmetric { lower, upper } => {
                (ToleranceKind::Asymmetric, lower, Some(upper))
            }
            Tolerance::Percent { percent } => (ToleranceKind::Percent, percent, None),
        };
        PointFields {
            description: self.description.clone(),
            nominal: self.nominal.to_string(),
            unit: self.unit.clone(),
            tolerance_kind,
            tolerance: tolerance.to_string(),
            tolerance_upper: tolerance_upper.map(|v| v.to_string()).unwrap_or_default(),
            as_found: self.as_found.to_string(),
            as_left: if self.as_left == self.as_found {
                String::new()
            } else {
                self.as_left.to_string()
            },
        }
    }
}

/// Which history to list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordQuery {
    /// The item.
    pub equipment_id: EquipmentId,
    /// The page, counted from 0.
    pub page: u32,
}

/// What recording a calibration did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordOutcome {
    /// The saved record.
    pub record: CalibrationRecord,
    /// The plan after it: rolled on when the calibration passed and is the newest.
    pub plan: crate::plan::Plan,
    /// Reference standards used that were themselves overdue on that day, by asset tag.
    pub overdue_standards: Vec<String>,
    /// Whether the item is now out of tolerance: the UI offers to set it out of service.
    pub out_of_tolerance: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(nominal: &str, tolerance: &str, found: &str, left: &str) -> PointFields {
        PointFields {
            description: "10 V DC".into(),
            nominal: nominal.into(),
            unit: "V".into(),
            tolerance: tolerance.into(),
            as_found: found.into(),
            as_left: left.into(),
            ..PointFields::default()
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn record(points: Vec<PointFields>, result: Option<CalibrationResult>) -> RecordFields {
        RecordFields {
            performed_on: Some(today()),
            performed_by: "Ana".into(),
            points,
            result,
            ..RecordFields::default()
        }
    }

    fn error_keys(fields: &RecordFields) -> Vec<String> {
        fields
            .validate(today())
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn numbers_accept_a_decimal_comma_and_name_the_bad_field() {
        assert_eq!(
            parse_decimal(" 10,05 ", "Nominal"),
            Ok("10.05".parse().unwrap())
        );
        assert_eq!(
            parse_decimal("1e-3", "Nominal"),
            Ok("0.001".parse().unwrap())
        );
        assert_eq!(
            parse_decimal("ten", "As found"),
            Err("As found must be a number, like 10.05".to_owned())
        );
        let bad = record(vec![point("10", "0.1", "abc", "")], None);
        assert_eq!(error_keys(&bad), ["points.0.as_found"]);
    }

    #[test]
    fn the_result_comes_from_the_points() {
        let adjusted = record(vec![point("10", "0.1", "10.3", "10.1")], None);
        assert_eq!(
            adjusted.validate(today()).unwrap().result,
            CalibrationResult::Adjusted
        );
        let passing_over_fail = record(
            vec![point("10", "0.1", "10.3", "10.2")],
            Some(CalibrationResult::Pass),
        );
        assert_eq!(error_keys(&passing_over_fail), ["result"]);
        assert_eq!(error_keys(&record(vec![], None)), ["result"]);
        let without_points = record(vec![], Some(CalibrationResult::Pass));
        assert!(without_points.validate(today()).is_ok());
    }

    #[test]
    fn inverted_tolerances_future_dates_and_bad_climate_are_field_errors() {
        let mut inverted = point("10", "0.2", "10", "");
        inverted.tolerance_kind = ToleranceKind::Asymmetric;
        inverted.tolerance_upper = "-0.2".into();
        let mut fields = record(vec![inverted], None);
        fields.performed_on = today().succ_opt();
        fields.humidity = "120".into();
        fields.temperature = "warm".into();
        assert_eq!(
            error_keys(&fields),
            [
                "performed_on",
                "temperature",
                "humidity",
                "points.0.tolerance"
            ]
        );
    }

    #[test]
    fn details_turn_back_into_the_same_fields() {
        let mut asymmetric = point("10.000", "-0.01", "10.02", "10.001");
        asymmetric.tolerance_kind = ToleranceKind::Asymmetric;
        asymmetric.tolerance_upper = "0.02".into();
        let mut fields = record(vec![point("5", "1", "5.5", ""), asymmetric], None);
        fields.temperature = "21.5".into();
        let details = fields.validate(today()).unwrap();
        assert_eq!(details.to_fields().validate(today()).unwrap(), details);
    }

    #[test]
    fn an_amendment_needs_a_reason() {
        let amendment = RecordAmendment {
            record_id: RecordId::from_uuid(uuid::Uuid::nil()),
            reason: "  ".into(),
            fields: record(vec![], None),
        };
        let keys: Vec<String> = amendment
            .validate(today())
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(keys, ["reason", "result"]);
    }

    #[test]
    fn live_verdicts_judge_what_is_typed_so_far() {
        assert_eq!(point("10", "0.1", "", "").live_verdicts(), (None, None));
        assert_eq!(
            point("10", "0.1", "10.2", "10.0").live_verdicts(),
            (Some(Verdict::Fail), Some(Verdict::Pass))
        );
        assert_eq!(
            point("10", "0.1", "10.1", "1x").live_verdicts(),
            (Some(Verdict::Pass), None)
        );
    }
}
