//! The equipment register: an item's fields, the rules its input must meet, and the list
//! query the UI pages through.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::page::Page;
use crate::text::TextRule;

crate::id::uuid_id! {
    /// Identifies one equipment item.
    EquipmentId
}

/// Where an item stands in its life. Only active equipment is expected to be in use.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum EquipmentStatus {
    /// In service.
    #[default]
    Active,
    /// Temporarily withdrawn, e.g. broken or out of tolerance.
    OutOfService,
    /// Permanently withdrawn; kept for its history.
    Retired,
    /// Missing.
    Lost,
}

impl EquipmentStatus {
    /// The status as the user reads it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Active => "Active",
            Self::OutOfService => "Out of service",
            Self::Retired => "Retired",
            Self::Lost => "Lost",
        }
    }
}

/// The text fields of an equipment item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EquipmentField {
    /// The label stuck on the item; unique, kept as typed (leading zeros survive).
    AssetTag,
    /// What the item is ("Digital multimeter").
    Name,
    /// Who made it.
    Manufacturer,
    /// The maker's model designation.
    Model,
    /// The maker's serial number.
    SerialNumber,
    /// Where it is kept.
    Location,
    /// The department it belongs to.
    Department,
    /// The person responsible for it.
    Owner,
    /// Free-form notes.
    Notes,
}

impl EquipmentField {
    /// Every text field, in form order.
    pub const ALL: [Self; 9] = [
        Self::AssetTag,
        Self::Name,
        Self::Manufacturer,
        Self::Model,
        Self::SerialNumber,
        Self::Location,
        Self::Department,
        Self::Owner,
        Self::Notes,
    ];

    /// The field's stable key, used in [`FieldError`]s and as the form input's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::AssetTag => "asset_tag",
            Self::Name => "name",
            Self::Manufacturer => "manufacturer",
            Self::Model => "model",
            Self::SerialNumber => "serial_number",
            Self::Location => "location",
            Self::Department => "department",
            Self::Owner => "owner",
            Self::Notes => "notes",
        }
    }

    /// The rule the field's value must meet.
    pub fn rule(self) -> TextRule {
        match self {
            Self::AssetTag => TextRule::required("Asset tag", 64),
            Self::Name => TextRule::required("Name", 200),
            Self::Manufacturer => TextRule::optional("Manufacturer", 120),
            Self::Model => TextRule::optional("Model", 120),
            Self::SerialNumber => TextRule::optional("Serial number", 120),
            Self::Location => TextRule::optional("Location", 120),
            Self::Department => TextRule::optional("Department", 120),
            Self::Owner => TextRule::optional("Owner", 120),
            Self::Notes => TextRule::optional_multiline("Notes", 10_000),
        }
    }
}

/// The editable fields of an equipment item: what the form sends, and what is stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EquipmentFields {
    /// See [`EquipmentField::AssetTag`].
    pub asset_tag: String,
    /// See [`EquipmentField::Name`].
    pub name: String,
    /// Empty when not recorded.
    pub manufacturer: String,
    /// Empty when not recorded.
    pub model: String,
    /// Empty when not recorded.
    pub serial_number: String,
    /// Empty when not recorded.
    pub location: String,
    /// Empty when not recorded.
    pub department: String,
    /// Empty when not recorded.
    pub owner: String,
    /// Where the item stands in its life.
    pub status: EquipmentStatus,
    /// Whether the item is a reference standard used to calibrate other equipment.
    pub reference_standard: bool,
    /// Empty when not recorded.
    pub notes: String,
}

impl EquipmentFields {
    /// The value of one text field.
    pub fn text(&self, field: EquipmentField) -> &str {
        match field {
            EquipmentField::AssetTag => &self.asset_tag,
            EquipmentField::Name => &self.name,
            EquipmentField::Manufacturer => &self.manufacturer,
            EquipmentField::Model => &self.model,
            EquipmentField::SerialNumber => &self.serial_number,
            EquipmentField::Location => &self.location,
            EquipmentField::Department => &self.department,
            EquipmentField::Owner => &self.owner,
            EquipmentField::Notes => &self.notes,
        }
    }

    /// The value of one text field, to edit in place.
    pub fn text_mut(&mut self, field: EquipmentField) -> &mut String {
        match field {
            EquipmentField::AssetTag => &mut self.asset_tag,
            EquipmentField::Name => &mut self.name,
            EquipmentField::Manufacturer => &mut self.manufacturer,
            EquipmentField::Model => &mut self.model,
            EquipmentField::SerialNumber => &mut self.serial_number,
            EquipmentField::Location => &mut self.location,
            EquipmentField::Department => &mut self.department,
            EquipmentField::Owner => &mut self.owner,
            EquipmentField::Notes => &mut self.notes,
        }
    }

    /// Cleans every field and checks it, reporting all problems at once.
    pub fn validate(&self) -> Result<ValidEquipment, Vec<FieldError>> {
        let mut clean = self.clone();
        let mut errors = Vec::new();
        for field in EquipmentField::ALL {
            match field.rule().apply(self.text(field)) {
                Ok(value) => *clean.text_mut(field) = value,
                Err(message) => errors.push(FieldError {
                    field: field.key().to_owned(),
                    message,
                }),
            }
        }
        if errors.is_empty() {
            Ok(ValidEquipment(clean))
        } else {
            Err(errors)
        }
    }
}

/// Equipment fields that passed [`EquipmentFields::validate`]: the only input storage takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidEquipment(EquipmentFields);

impl ValidEquipment {
    /// The cleaned fields.
    pub fn fields(&self) -> &EquipmentFields {
        &self.0
    }
}

/// A stored equipment item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Equipment {
    /// Its permanent id.
    pub id: EquipmentId,
    /// Counts saved changes; an update names the revision it started from, so an edit made
    /// on stale data is refused instead of silently overwriting newer data.
    pub revision: u32,
    /// Its current fields.
    pub fields: EquipmentFields,
    /// Whether its latest calibration failed; a later passing one clears it.
    pub out_of_tolerance: bool,
    /// When it was added (UTC).
    pub created_at: DateTime<Utc>,
    /// When it last changed (UTC).
    pub updated_at: DateTime<Utc>,
}

/// A change to a stored item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EquipmentUpdate {
    /// The item to change.
    pub id: EquipmentId,
    /// The revision the user started editing from.
    pub revision: u32,
    /// The new fields.
    pub fields: EquipmentFields,
}

/// A new status for an item, set on its own (e.g. out of service after a failed
/// calibration).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    /// The item.
    pub id: EquipmentId,
    /// Its new status.
    pub status: EquipmentStatus,
}

/// The locations and departments the register uses, for filter suggestions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    /// Every location in use, ignoring case, in order.
    pub locations: Vec<String>,
    /// Every department in use, ignoring case, in order.
    pub departments: Vec<String>,
}

/// One row of the equipment list: what the table shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EquipmentSummary {
    /// The item's id.
    pub id: EquipmentId,
    /// See [`EquipmentField::AssetTag`].
    pub asset_tag: String,
    /// See [`EquipmentField::Name`].
    pub name: String,
    /// See [`EquipmentField::Manufacturer`].
    pub manufacturer: String,
    /// See [`EquipmentField::Model`].
    pub model: String,
    /// See [`EquipmentField::SerialNumber`].
    pub serial_number: String,
    /// See [`EquipmentField::Location`].
    pub location: String,
    /// Where the item stands in its life.
    pub status: EquipmentStatus,
    /// Whether it is a reference standard.
    pub reference_standard: bool,
    /// Whether its latest calibration failed.
    pub out_of_tolerance: bool,
    /// When it last changed (UTC).
    pub updated_at: DateTime<Utc>,
}

/// A column the equipment list can be sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortColumn {
    /// By asset tag.
    #[default]
    AssetTag,
    /// By name.
    Name,
    /// By serial number.
    SerialNumber,
    /// By location.
    Location,
    /// By status.
    Status,
    /// By last change.
    UpdatedAt,
}

/// Which way a column is sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortDirection {
    /// A to Z, oldest first.
    #[default]
    Ascending,
    /// Z to A, newest first.
    Descending,
}

impl SortDirection {
    /// The other direction.
    pub fn reversed(self) -> Self {
        match self {
            Self::Ascending => Self::Descending,
            Self::Descending => Self::Ascending,
        }
    }
}

/// What the equipment list asks for: one page of a filtered, searched, sorted register.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EquipmentQuery {
    /// Matched anywhere in the asset tag, name, serial number or location, ignoring case.
    pub search: String,
    /// Only items with this status, or all.
    pub status: Option<EquipmentStatus>,
    /// Only reference standards (for picking the standards a calibration used).
    pub reference_standards_only: bool,
    /// The column to sort by.
    pub sort: SortColumn,
    /// The sort direction.
    pub direction: SortDirection,
    /// The page to return, counted from 0.
    pub page: u32,
}

impl EquipmentQuery {
    /// Longer search text is cut to this many characters.
    pub const MAX_SEARCH_CHARS: usize = 200;

    /// The search text as it is matched: trimmed and bounded.
    pub fn search_term(&self) -> String {
        self.search
            .trim()
            .chars()
            .take(Self::MAX_SEARCH_CHARS)
            .collect()
    }
}

/// One page of the equipment list.
pub type EquipmentPage = Page<EquipmentSummary>;

#[cfg(test)]
mod tests {
    use super::*;

    fn valid_fields() -> EquipmentFields {
        EquipmentFields {
            asset_tag: "  0042 ".into(),
            name: "Digital multimeter".into(),
            location: "Lab 2 – bench 3".into(),
            ..EquipmentFields::default()
        }
    }

    #[test]
    fn validation_cleans_fields() {
        let valid = valid_fields().validate().unwrap();
        assert_eq!(valid.fields().asset_tag, "0042");
        assert_eq!(valid.fields().location, "Lab 2 – bench 3");
    }

    #[test]
    fn validation_reports_every_field_at_once() {
        let fields = EquipmentFields {
            asset_tag: " ".into(),
            name: String::new(),
            serial_number: "a\nb".into(),
            ..EquipmentFields::default()
        };
        let errors = fields.validate().unwrap_err();
        let keys: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(keys, ["asset_tag", "name", "serial_number"]);
        assert_eq!(errors[0].message, "Asset tag is required");
    }

    #[test]
    fn every_field_has_a_distinct_key() {
        let mut keys: Vec<&str> = EquipmentField::ALL.iter().map(|f| f.key()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), EquipmentField::ALL.len());
    }

    #[test]
    fn search_term_is_trimmed_and_bounded() {
        let query = EquipmentQuery {
            search: format!("  {}  ", "x".repeat(500)),
            ..EquipmentQuery::default()
        };
        assert_eq!(
            query.search_term().chars().count(),
            EquipmentQuery::MAX_SEARCH_CHARS
        );
    }
}
