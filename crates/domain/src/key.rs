//! Stable keys for the enums the database stores and IPC carries. Each key is the value's
//! serde name, so the database, the wire and the UI's `<select>` values always agree.

use crate::certificate::LocalState;
use crate::equipment::EquipmentStatus;
use crate::plan::Provider;
use crate::record::ToleranceKind;
use crate::schedule::{IntervalUnit, PlanState};
use crate::tolerance::CalibrationResult;

/// An enum with a fixed set of values, each with a stable key.
pub trait Keyed: Copy + PartialEq + 'static {
    /// Every value, in the order the UI lists them.
    const ALL: &'static [Self];

    /// The value's key.
    fn key(self) -> &'static str;

    /// The value with this key, if any.
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|value| value.key() == key)
    }
}

/// Implements [`Keyed`] from a list of variants and their keys, in order.
macro_rules! keyed {
    ($($enum:ty { $($variant:ident => $key:literal),* $(,)? })*) => {
        $(
            impl Keyed for $enum {
                const ALL: &'static [Self] = &[$(Self::$variant),*];

                fn key(self) -> &'static str {
                    match self {
                        $(Self::$variant => $key),*
                    }
                }
            }
        )*
    };
}

keyed! {
    EquipmentStatus {
        Active => "active",
        OutOfService => "out_of_service",
        Retired => "retired",
        Lost => "lost",
    }
    IntervalUnit {
        Days => "days",
        Weeks => "weeks",
        Months => "months",
        Years => "years",
    }
    Provider {
        Internal => "internal",
        External => "external",
    }
    CalibrationResult {
        Pass => "pass",
        Adjusted => "adjusted",
        Fail => "fail",
        Limited => "limited",
    }
    ToleranceKind {
        PlusMinus => "plus_minus",
        Asymmetric => "asymmetric",
        Percent => "percent",
    }
    LocalState {
        Present => "present",
        Missing => "missing",
        Corrupt => "corrupt",
    }
    PlanState {
        Overdue => "overdue",
        NeverDone => "never_done",
        DueSoon => "due_soon",
        Ok => "ok",
        Paused => "paused",
    }
}

#[cfg(test)]
mod tests {
    use serde::Serialize;

    use super::*;

    fn check<T: Keyed + Serialize + std::fmt::Debug>() {
        for &value in T::ALL {
            let serde = serde_json::to_value(value).unwrap();
            assert_eq!(serde, value.key(), "{value:?}");
            assert_eq!(T::from_key(value.key()), Some(value));
        }
        assert_eq!(T::from_key("no such key"), None);
    }

    #[test]
    fn every_key_is_its_serde_name_and_round_trips() {
        check::<EquipmentStatus>();
        check::<IntervalUnit>();
        check::<Provider>();
        check::<CalibrationResult>();
        check::<ToleranceKind>();
        check::<PlanState>();
    }
}
