//! The equipment register: an item's fields, the rules its input must meet, and the list
//! query the UI pages through.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::FieldError;
use crate::text::TextRule;

/// Identifies one equipment item. A UUIDv7, so workstations that sync later never collide
/// and ids still sort by creation time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EquipmentId(Uuid);

impl EquipmentId {
    /// Wraps an id made by the storage layer (which owns id generation).
    pub fn from_uuid(uuid: Uuid) -> Self {
        Self(uuid)
    }
}

impl fmt::Display for EquipmentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for EquipmentId {
    type Err = uuid::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s).map(Self)
    }
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
    /// Every status, in the order the UI lists them.
    pub const ALL: [Self; 4] = [Self::Active, Self::OutOfService, Self::Retired, Self::Lost];

    /// The stable key used in the database and over IPC.
    pub fn key(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::OutOfService => "out_of_service",
            Self::Retired => "retired",
            Self::Lost => "lost",
        }
    }

    /// The status as the user reads it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Active => "Active",
            Self::OutOfService => "Out of service",
            Self::Retired => "Retired",
            Self::Lost => "Lost",
        }
    }

    /// The status with this [`key`](Self::key), if any.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.key() == key)
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
    /// The column to sort by.
    pub sort: SortColumn,
    /// The sort direction.
    pub direction: SortDirection,
    /// The page to return, counted from 0.
    pub page: u32,
}

impl EquipmentQuery {
    /// Rows per page.
    pub const PAGE_SIZE: u32 = 50;
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EquipmentPage {
    /// The rows on this page, at most [`EquipmentQuery::PAGE_SIZE`].
    pub items: Vec<EquipmentSummary>,
    /// How many items match the query; at least this many when `total_is_exact` is false.
    pub total: u64,
    /// False when a search matches so many items that counting them all would slow the
    /// list down; the count then stops at [`EquipmentPage::COUNT_LIMIT`].
    pub total_is_exact: bool,
    /// The page number, counted from 0.
    pub page: u32,
}

impl EquipmentPage {
    /// Searches count their matches exactly up to this many.
    pub const COUNT_LIMIT: u64 = 1_000;

    /// The position (from 1) of the first row on this page, or 0 when the page is empty.
    pub fn first_position(&self) -> u64 {
        if self.items.is_empty() {
            0
        } else {
            self.offset() + 1
        }
    }

    /// The position (from 1) of the last row on this page, or 0 when the page is empty.
    pub fn last_position(&self) -> u64 {
        self.offset() + self.items.len() as u64
    }

    /// Whether a later page has rows.
    pub fn has_next(&self) -> bool {
        if self.total_is_exact {
            self.last_position() < self.total
        } else {
            self.items.len() == EquipmentQuery::PAGE_SIZE as usize
        }
    }

    fn offset(&self) -> u64 {
        u64::from(self.page) * u64::from(EquipmentQuery::PAGE_SIZE)
    }
}

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
    fn status_keys_round_trip_and_match_serde() {
        for status in EquipmentStatus::ALL {
            assert_eq!(EquipmentStatus::from_key(status.key()), Some(status));
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.key()));
        }
        assert_eq!(EquipmentStatus::from_key("broken"), None);
    }

    #[test]
    fn page_positions_and_next() {
        let rows = |n: usize| vec![summary(); n];
        let page = |page, items, total, total_is_exact| EquipmentPage {
            items,
            total,
            total_is_exact,
            page,
        };
        let empty = page(0, rows(0), 0, true);
        assert_eq!((empty.first_position(), empty.last_position()), (0, 0));
        assert!(!empty.has_next());

        let second = page(1, rows(50), 120, true);
        assert_eq!((second.first_position(), second.last_position()), (51, 100));
        assert!(second.has_next());
        assert!(!page(2, rows(20), 120, true).has_next());
        assert!(!page(1, rows(50), 100, true).has_next());

        // Past the count limit the total is a lower bound: a full page promises more.
        assert!(page(30, rows(50), 1_000, false).has_next());
        assert!(!page(30, rows(7), 1_000, false).has_next());
    }

    fn summary() -> EquipmentSummary {
        EquipmentSummary {
            id: EquipmentId::from_uuid(Uuid::nil()),
            asset_tag: "1".into(),
            name: "Scale".into(),
            manufacturer: String::new(),
            model: String::new(),
            serial_number: String::new(),
            location: String::new(),
            status: EquipmentStatus::Active,
            reference_standard: false,
            updated_at: DateTime::<Utc>::default(),
        }
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
