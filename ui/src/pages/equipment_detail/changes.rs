//! What an amendment changed: the differences between two versions of a record, in words.

use benchlog_domain::plan::Provider;
use benchlog_domain::record::{Amendment, CalibrationRecord, RecordDetails};

use crate::format::iso_date;

/// One difference between two versions of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A summary field changed: its label, and the text before and after ("—" for empty).
    Field {
        /// The field's label, e.g. "Certificate number".
        label: &'static str,
        /// What it said before.
        before: String,
        /// What it says after.
        after: String,
    },
    /// The measurement points differ.
    Points,
    /// The reference standards differ.
    Standards,
}

/// Each amendment of `record`, oldest first, with the version it made: the next
/// amendment's `previous`, or the record's current details for the latest.
pub fn amended_versions(record: &CalibrationRecord) -> Vec<(&Amendment, &RecordDetails)> {
    let afters = (record.amendments.iter().skip(1))
        .map(|next| &next.previous)
        .chain(std::iter::once(&record.details));
    record.amendments.iter().zip(afters).collect()
}

/// How a summary field of a record reads.
type Describe = fn(&RecordDetails) -> String;

/// What changed from `before` to `after`, in the order the record form shows the fields.
pub fn changes(before: &RecordDetails, after: &RecordDetails) -> Vec<Change> {
    let fields: [(&'static str, Describe); 9] = [
        ("Performed on", |d| iso_date(d.performed_on)),
        ("Performed by", |d| d.performed_by.clone()),
        ("Provider", provider),
        ("Procedure", |d| d.procedure.clone()),
        ("Certificate number", |d| d.certificate_number.clone()),
        ("Temperature", |d| with_unit(d.temperature, "°C")),
        ("Humidity", |d| with_unit(d.humidity, "%RH")),
        ("Notes", |d| d.notes.clone()),
        ("Result", |d| d.result.label().to_owned()),
    ];
    let mut found: Vec<Change> = fields
        .into_iter()
        .map(|(label, text)| (label, text(before), text(after)))
        .filter(|(_, before, after)| before != after)
        .map(|(label, before, after)| Change::Field {
            label,
            before: or_dash(before),
            after: or_dash(after),
        })
        .collect();
    if before.points != after.points {
        found.push(Change::Points);
    }
    if before.standards != after.standards {
        found.push(Change::Standards);
    }
    found
}

/// "Internal", or "External: Acme Metrology".
fn provider(details: &RecordDetails) -> String {
    match details.provider {
        Provider::Internal => "Internal".to_owned(),
        Provider::External => format!("External: {}", details.external_lab),
    }
}

/// "21.5 °C", or empty when not recorded.
fn with_unit(value: Option<impl std::fmt::Display>, unit: &str) -> String {
    value.map(|v| format!("{v} {unit}")).unwrap_or_default()
}

/// The text, or "—" for nothing.
fn or_dash(text: String) -> String {
    if text.trim().is_empty() {
        "—".to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests;
