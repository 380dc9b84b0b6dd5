//! How the domain's enums read where the domain leaves the wording to the UI.

use benchlog_domain::record::ToleranceKind;
use benchlog_domain::schedule::IntervalUnit;

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
    use super::*;

    #[test]
    fn intervals_read_naturally() {
        assert_eq!(interval_label(12, IntervalUnit::Months), "Every 12 months");
        assert_eq!(interval_label(1, IntervalUnit::Weeks), "Every week");
        assert_eq!(interval_label(2, IntervalUnit::Years), "Every 2 years");
    }
}
