//! A customer's value over the next H units (docs/metrics.md section 9):
//! Σ_{i=1..H} (E[Y(i)] − E[Y(i−1)]) · E[M] · gm / (1 + d)^i.

use serde::{Deserialize, Serialize};

use super::bgnbd::{BgNbd, History};
use super::gamma_gamma::Mean;
use super::summary::Unit;

/// The value's settings: the horizon in units, the yearly discount rate D and the gross
/// margin gm, both as fractions.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ValueSettings {
    pub horizon: u32,
    pub annual_discount: f64,
    pub margin: f64,
}

impl ValueSettings {
    /// 52 weeks or 365 days, D = 10%, gm = 100%.
    pub fn defaults(unit: Unit) -> ValueSettings {
        ValueSettings {
            horizon: unit.per_year(),
            annual_discount: 0.10,
            margin: 1.0,
        }
    }
}

/// The discount rate per unit for a yearly rate D: (1 + D)^(1/52) − 1 per week,
/// (1 + D)^(1/365) − 1 per day.
pub fn unit_discount(annual: f64, unit: Unit) -> f64 {
    (annual.ln_1p() / f64::from(unit.per_year())).exp_m1()
}

/// A customer's expected transactions over the horizon and their value.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Worth {
    /// E[Y(H)].
    pub expected: f64,
    pub value: Mean,
}

/// The expected transactions and value of a customer with history `h` and expected
/// transaction value `mean`; `None` when an E[Y(i)] cannot be computed.
pub fn worth(
    model: &BgNbd,
    h: History,
    mean: Mean,
    settings: &ValueSettings,
    unit: Unit,
) -> Option<Worth> {
    let curve = (1..=settings.horizon)
        .map(|i| model.expected(h, f64::from(i)))
        .collect::<Option<Vec<f64>>>()?;
    Some(worth_of(&curve, mean, settings, unit))
}

/// As [`worth`], from E[Y(i)] for i = 1, 2, … (`curve`, at least the horizon's length; a
/// shorter one ends the sum where it ends).
pub fn worth_of(curve: &[f64], mean: Mean, settings: &ValueSettings, unit: Unit) -> Worth {
    let d = unit_discount(settings.annual_discount, unit);
    let mut previous = 0.0;
    let mut discounted = 0.0;
    let mut factor = 1.0;
    for &e in curve.iter().take(settings.horizon as usize) {
        factor /= 1.0 + d;
        discounted += (e - previous) * factor;
        previous = e;
    }
    Worth {
        expected: previous,
        value: mean.times(discounted * settings.margin),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_discounts() {
        let cases = [
            (0.10, Unit::Weeks, 1.1f64.powf(1.0 / 52.0) - 1.0),
            (0.10, Unit::Days, 1.1f64.powf(1.0 / 365.0) - 1.0),
            (0.0, Unit::Weeks, 0.0),
        ];
        for (annual, unit, want) in cases {
            let got = unit_discount(annual, unit);
            assert!(
                (got - want).abs() < 1e-16,
                "{annual} {unit:?}: {got} vs {want}"
            );
        }
        // Compounded over a year, the yearly rate again.
        let d = unit_discount(0.10, Unit::Weeks);
        assert!(((1.0 + d).powi(52) - 1.1).abs() < 1e-14);
    }

    #[test]
    fn value_is_the_discounted_sum_of_the_increments() {
        let m = BgNbd::new(0.243, 4.414, 0.793, 2.426).unwrap();
        let h = History {
            x: 2,
            t_x: 30.43,
            t: 38.86,
        };
        let s = ValueSettings {
            horizon: 3,
            annual_discount: 0.2,
            margin: 0.5,
        };
        let d = unit_discount(0.2, Unit::Weeks);
        let e = |t: f64| m.expected(h, t).unwrap();
        let want = 30.0
            * 0.5
            * (e(1.0) / (1.0 + d)
                + (e(2.0) - e(1.0)) / (1.0 + d).powi(2)
                + (e(3.0) - e(2.0)) / (1.0 + d).powi(3));
        let got = worth(&m, h, Mean::Finite(30.0), &s, Unit::Weeks).unwrap();
        assert_eq!(got.expected, e(3.0));
        let Mean::Finite(v) = got.value else {
            panic!("{got:?}")
        };
        assert!((v - want).abs() < 1e-12 * want, "{v} vs {want}");
        // Without discount, the value is E[Y(H)] · E[M] · gm.
        let flat = ValueSettings {
            annual_discount: 0.0,
            ..s
        };
        let got = worth(&m, h, Mean::Finite(30.0), &flat, Unit::Weeks).unwrap();
        let v = got.value.finite().unwrap();
        assert!((v - e(3.0) * 15.0).abs() < 1e-12);
        let inf = worth(&m, h, Mean::NotFinite, &s, Unit::Weeks).unwrap();
        assert_eq!(inf.value, Mean::NotFinite);
    }
}
