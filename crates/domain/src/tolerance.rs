//! Whether a reading passes: a measurement point's tolerance, its limits, and the result a
//! calibration's points add up to. Decimal arithmetic throughout, so a reading exactly on a
//! limit passes; binary floating point would put 10.1 a hair outside 10 ± 0.1.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How far a reading may be from the nominal value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Tolerance {
    /// Nominal ± `amount`.
    PlusMinus {
        /// Not negative.
        amount: Decimal,
    },
    /// From nominal + `lower` to nominal + `upper`; `lower` is usually negative.
    Asymmetric {
        /// Offset of the low limit from nominal.
        lower: Decimal,
        /// Offset of the high limit from nominal; not below `lower`.
        upper: Decimal,
    },
    /// Nominal ± `percent` % of the nominal value.
    Percent {
        /// Not negative.
        percent: Decimal,
    },
}

impl Tolerance {
    /// Checks the tolerance makes sense, saying what to fix if not.
    pub fn check(&self) -> Result<(), String> {
        match *self {
            Self::PlusMinus { amount } if amount.is_sign_negative() && !amount.is_zero() => {
                Err("The tolerance cannot be negative".to_owned())
            }
            Self::Percent { percent } if percent.is_sign_negative() && !percent.is_zero() => {
                Err("The tolerance cannot be negative".to_owned())
            }
            Self::Asymmetric { lower, upper } if lower > upper => {
                Err("The lower limit must not be above the upper limit".to_owned())
            }
            _ => Ok(()),
        }
    }

    /// The limits around `nominal`, or `None` if they overflow the decimal range.
    pub fn limits(&self, nominal: Decimal) -> Option<Limits> {
        let (low, high) = match *self {
            Self::PlusMinus { amount } => {
                (nominal.checked_sub(amount)?, nominal.checked_add(amount)?)
            }
            Self::Asymmetric { lower, upper } => {
                (nominal.checked_add(lower)?, nominal.checked_add(upper)?)
            }
            Self::Percent { percent } => {
                let amount = nominal
                    .checked_mul(percent)?
                    .checked_div(Decimal::ONE_HUNDRED)?
                    .abs();
                (nominal.checked_sub(amount)?, nominal.checked_add(amount)?)
            }
        };
        Some(Limits { low, high })
    }
}

/// The closed range a reading must fall in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Limits {
    /// The lowest passing reading.
    pub low: Decimal,
    /// The highest passing reading.
    pub high: Decimal,
}

impl Limits {
    /// Whether `reading` passes; a reading on a limit does.
    pub fn verdict(&self, reading: Decimal) -> Verdict {
        if self.low <= reading && reading <= self.high {
            Verdict::Pass
        } else {
            Verdict::Fail
        }
    }
}

/// Whether one reading is within its limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Within the limits.
    Pass,
    /// Outside them.
    Fail,
}

/// The outcome of a calibration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CalibrationResult {
    /// Found and left within tolerance.
    Pass,
    /// Found out of tolerance, adjusted, and left within it.
    Adjusted,
    /// Left out of tolerance.
    Fail,
    /// Fit only for restricted use (some ranges or functions), as the certificate states.
    Limited,
}

impl CalibrationResult {
    /// The result as the user reads it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Pass => "Pass",
            Self::Adjusted => "Adjusted",
            Self::Fail => "Fail",
            Self::Limited => "Limited",
        }
    }

    /// The result the verdicts of a record's points add up to, as (as-found, as-left)
    /// pairs; `None` when there are no points.
    pub fn derived_from(points: &[(Verdict, Verdict)]) -> Option<Self> {
        if points.is_empty() {
            return None;
        }
        let any = |failed: fn(&(Verdict, Verdict)) -> bool| points.iter().any(failed);
        Some(if any(|(_, left)| *left == Verdict::Fail) {
            Self::Fail
        } else if any(|(found, _)| *found == Verdict::Fail) {
            Self::Adjusted
        } else {
            Self::Pass
        })
    }

    /// Checks that the user may record `self` when the points say `derived`: the points
    /// decide, except that a passing calibration may be recorded as limited.
    pub fn check_against(self, derived: Option<Self>) -> Result<(), String> {
        match derived {
            Some(derived) if derived == self => Ok(()),
            Some(Self::Pass | Self::Adjusted) if self == Self::Limited => Ok(()),
            Some(derived) => Err(format!(
                "The measurement points say {}; the result cannot be {}",
                derived.label(),
                self.label()
            )),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn a_reading_exactly_on_a_limit_passes() {
        let limits = Tolerance::PlusMinus { amount: dec("0.1") }
            .limits(dec("10"))
            .unwrap();
        assert_eq!(limits.verdict(dec("10.1")), Verdict::Pass);
        assert_eq!(limits.verdict(dec("9.9")), Verdict::Pass);
        assert_eq!(limits.verdict(dec("10.1000001")), Verdict::Fail);
        // In f64, 0.1 + 0.2 > 0.3, so 0.3 would fail 0.1 ± 0.2; as decimals it is the limit.
        let limits = Tolerance::PlusMinus { amount: dec("0.2") }
            .limits(dec("0.1"))
            .unwrap();
        assert_eq!(limits.verdict(dec("0.3")), Verdict::Pass);
    }

    #[test]
    fn percent_and_asymmetric_limits() {
        let percent = Tolerance::Percent { percent: dec("2") }
            .limits(dec("-50"))
            .unwrap();
        assert_eq!((percent.low, percent.high), (dec("-51"), dec("-49")));
        let asymmetric = Tolerance::Asymmetric {
            lower: dec("-0.5"),
            upper: dec("1.5"),
        };
        let limits = asymmetric.limits(dec("100")).unwrap();
        assert_eq!((limits.low, limits.high), (dec("99.5"), dec("101.5")));
    }

    #[test]
    fn nonsensical_tolerances_are_refused() {
        let inverted = Tolerance::Asymmetric {
            lower: dec("1"),
            upper: dec("-1"),
        };
        assert_eq!(
            inverted.check().unwrap_err(),
            "The lower limit must not be above the upper limit"
        );
        assert!(Tolerance::PlusMinus { amount: dec("-1") }.check().is_err());
        assert!(Tolerance::Percent { percent: dec("0") }.check().is_ok());
    }

    #[test]
    fn results_follow_the_points() {
        use Verdict::{Fail, Pass};
        assert_eq!(CalibrationResult::derived_from(&[]), None);
        let derive = |points: &[(Verdict, Verdict)]| CalibrationResult::derived_from(points);
        assert_eq!(derive(&[(Pass, Pass)]), Some(CalibrationResult::Pass));
        assert_eq!(
            derive(&[(Pass, Pass), (Fail, Pass)]),
            Some(CalibrationResult::Adjusted)
        );
        assert_eq!(
            derive(&[(Fail, Pass), (Pass, Fail)]),
            Some(CalibrationResult::Fail)
        );
    }

    #[test]
    fn the_user_cannot_record_pass_over_a_failing_point() {
        use CalibrationResult::*;
        assert!(Pass.check_against(Some(Fail)).is_err());
        assert!(Adjusted.check_against(Some(Fail)).is_err());
        assert!(Limited.check_against(Some(Fail)).is_err());
        assert!(Pass.check_against(Some(Adjusted)).is_err());
        assert!(Limited.check_against(Some(Pass)).is_ok());
        assert!(Fail.check_against(None).is_ok());
    }

    fn any_decimal() -> impl Strategy<Value = Decimal> {
        (-1_000_000_000i64..1_000_000_000, 0u32..7)
            .prop_map(|(units, scale)| Decimal::new(units, scale))
    }

    proptest! {
        #[test]
        fn limits_themselves_always_pass(nominal in any_decimal(), amount in any_decimal()) {
            let amount = amount.abs();
            for tolerance in [
                Tolerance::PlusMinus { amount },
                Tolerance::Percent { percent: amount },
                Tolerance::Asymmetric { lower: -amount, upper: amount },
            ] {
                let limits = tolerance.limits(nominal).unwrap();
                prop_assert!(limits.low <= limits.high);
                prop_assert_eq!(limits.verdict(limits.low), Verdict::Pass);
                prop_assert_eq!(limits.verdict(limits.high), Verdict::Pass);
                prop_assert_eq!(limits.verdict(nominal), Verdict::Pass);
                let step = Decimal::new(1, 7);
                prop_assert_eq!(limits.verdict(limits.high + step), Verdict::Fail);
                prop_assert_eq!(limits.verdict(limits.low - step), Verdict::Fail);
            }
        }

        #[test]
        fn a_failing_as_left_point_always_fails_the_record(
            points in proptest::collection::vec((any::<bool>(), any::<bool>()), 1..20)
        ) {
            let verdict = |pass: bool| if pass { Verdict::Pass } else { Verdict::Fail };
            let points: Vec<_> = points.into_iter().map(|(f, l)| (verdict(f), verdict(l))).collect();
            let derived = CalibrationResult::derived_from(&points).unwrap();
            let any_left_fails = points.iter().any(|(_, left)| *left == Verdict::Fail);
            prop_assert_eq!(derived == CalibrationResult::Fail, any_left_fails);
            prop_assert!(CalibrationResult::Pass.check_against(Some(derived)).is_ok() == (derived == CalibrationResult::Pass));
        }
    }
}
