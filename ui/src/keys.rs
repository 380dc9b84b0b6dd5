//! Stable keys for the domain's enums, as they travel over IPC (snake_case), for `<select>`
//! values and CSS classes; and the labels the domain leaves to the UI.

use benchlog_domain::plan::Provider;
use benchlog_domain::record::ToleranceKind;
use benchlog_domain::schedule::{IntervalUnit, PlanState};
use benchlog_domain::tolerance::CalibrationResult;

/// An enum with a fixed set of values, each with a stable key.
pub trait Keyed: Copy + PartialEq + 'static {
    /// Every value, in the order the UI lists them.
    const ALL: &'static [Self];

    /// The value's key, equal to its serde name.
    fn key(self) -> &'static str;

    /// The value with this key, if any.
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|value| value.key() == key)
    }
}

impl Keyed for PlanState {
    const ALL: &'static [Self] = &[
        Self::Overdue,
        Self::NeverDone,
        Self::DueSoon,
        Self::Ok,
        Self::Paused,
    ];

    fn key(self) -> &'static str {
        match self {
            Self::Overdue => "overdue",
            Self::NeverDone => "never_done",
            Self::DueSoon => "due_soon",
            Self::Ok => "ok",
            Self::Paused => "paused",
        }
    }
}

impl Keyed for CalibrationResult {
    const ALL: &'static [Self] = &[Self::Pass, Self::Adjusted, Self::Fail, Self::Limited];

    fn key(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Adjusted => "adjusted",
            Self::Fail => "fail",
            Self::Limited => "limited",
        }
    }
}

impl Keyed for ToleranceKind {
    const ALL: &'static [Self] = &[Self::PlusMinus, Self::Asymmetric, Self::Percent];

    fn key(self) -> &'static str {
        match self {
            Self::PlusMinus => "plus_minus",
            Self::Asymmetric => "asymmetric",
            Self::Percent => "percent",
        }
    }
}

impl Keyed for Provider {
    const ALL: &'static [Self] = &[Self::Internal, Self::External];

    fn key(self) -> &'static str {
        match self {
            Self::Internal => "internal",
            Self::External => "external",
        }
    }
}

impl Keyed for IntervalUnit {
    const ALL: &'static [Self] = &IntervalUnit::ALL;

    fn key(self) -> &'static str {
        IntervalUnit::key(self)
    }
}

/// How a tolerance kind reads in its select.
pub fn tolerance_kind_label(kind: ToleranceKind) -> &'static str {
    match kind {
        ToleranceKind::PlusMinus => "±",
        ToleranceKind::Asymmetric => "Asymmetric",
        ToleranceKind::Percent => "% of nominal",
    }
}

/// A unit as counted: "month" or "months".
pub fn unit_label(unit: IntervalUnit, count: u32) -> &'static str {
    let (one, many) = match unit {
        IntervalUnit::Days => ("day", "days"),
        IntervalUnit::Weeks => ("week", "weeks"),
        IntervalUnit::Months => ("month", "months"),
        IntervalUnit::Years => ("year", "years"),
    };
    if count == 1 { one } else { many }
}

/// "Every 12 months", "Every week".
pub fn interval_label(count: u32, unit: IntervalUnit) -> String {
    if count == 1 {
        format!("Every {}", unit_label(unit, 1))
    } else {
        format!("Every {count} {}", unit_label(unit, count))
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde::de::IntoDeserializer;
    use serde::de::value::Error;

    use super::*;

    fn keys_match_serde<T: Keyed + for<'de> Deserialize<'de> + std::fmt::Debug>() {
        for value in T::ALL {
            let named = T::deserialize(value.key().into_deserializer());
            assert_eq!(named.map_err(|e: Error| e.to_string()), Ok(*value));
            assert!(T::from_key(value.key()) == Some(*value));
        }
        assert!(T::from_key("nonsense").is_none());
    }

    #[test]
    fn every_key_is_its_serde_name() {
        keys_match_serde::<PlanState>();
        keys_match_serde::<CalibrationResult>();
        keys_match_serde::<ToleranceKind>();
        keys_match_serde::<Provider>();
        keys_match_serde::<IntervalUnit>();
    }

    #[test]
    fn intervals_read_naturally() {
        assert_eq!(interval_label(12, IntervalUnit::Months), "Every 12 months");
        assert_eq!(interval_label(1, IntervalUnit::Weeks), "Every week");
        assert_eq!(interval_label(2, IntervalUnit::Years), "Every 2 years");
    }
}
