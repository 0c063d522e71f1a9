//! Churn per month, quarter and year, converted by compounding (docs/metrics.md section 5):
//! c_year = 1 - (1 - c_month)^12, c_month = 1 - (1 - c_year)^(1/12), quarters likewise with 4.

use super::error::Field;
use super::figure::Term::{Num, Op};
use super::figure::{FigureId, PeriodUnit, Report, Source, Undefined, Value};
use super::form::{figure, Form};
use super::number::NumberStyle;
use super::rate::{percent_field, RateText};

/// Churn over `from` periods converted to `to` periods (fractions).
pub fn convert(c: f64, from: PeriodUnit, to: PeriodUnit) -> f64 {
    let k = f64::from(from.per_year()) / f64::from(to.per_year());
    1.0 - (1.0 - c).powf(k)
}

/// The seed's example: 5% a month.
pub const SEED_MONTHLY: &str = "5";

/// Churn per month, quarter and year for a churn rate typed per `unit`.
pub fn evaluate(churn: &RateText, unit: PeriodUnit, style: &NumberStyle) -> Report {
    let mut form = Form::default();
    let c = percent_field(&mut form, Field::ConvertChurn, churn, style, Some(100));
    let targets = [
        (FigureId::ChurnMonthly, PeriodUnit::Months),
        (FigureId::ChurnQuarterly, PeriodUnit::Quarters),
        (FigureId::ChurnAnnual, PeriodUnit::Years),
    ];
    let figures = targets
        .into_iter()
        .map(|(id, to)| {
            let per_year_from = unit.per_year();
            let per_year_to = to.per_year();
            let formula = match (per_year_from, per_year_to) {
                (a, b) if a == b => "c",
                (a, b) if a > b => super::figure::words::CONVERT_DOWN,
                _ => super::figure::words::CONVERT_UP,
            };
            figure(id, formula, Source::Compounding, || {
                let c = c.ok_or(Undefined::NeedsField(Field::ConvertChurn))?;
                let value = convert(c.fraction(), unit, to);
                let exponent = if per_year_from >= per_year_to {
                    Value::Constant(f64::from(per_year_from / per_year_to), 0)
                } else {
                    Value::Constant(f64::from(per_year_from) / f64::from(per_year_to), 4)
                };
                let terms = if unit == to {
                    vec![Num(Value::percent(c.fraction()))]
                } else {
                    vec![
                        Op("1 − (1 − "),
                        Num(Value::percent(c.fraction())),
                        Op(")^"),
                        Num(exponent),
                    ]
                };
                Ok((terms, Ok(Value::percent(value))))
            })
        })
        .collect();
    Report {
        errors: form.errors,
        figures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn seed_5_percent_a_month_is_45_96_percent_a_year_not_60() {
        let report = evaluate(
            &RateText::typed(SEED_MONTHLY),
            PeriodUnit::Months,
            &NumberStyle::ENGLISH,
        );
        let annual = report.figure(FigureId::ChurnAnnual).unwrap().raw().unwrap();
        assert_eq!(NumberStyle::ENGLISH.percent(annual, 2), "45.96%");
        let monthly = report
            .figure(FigureId::ChurnMonthly)
            .unwrap()
            .raw()
            .unwrap();
        assert_eq!(NumberStyle::ENGLISH.percent(monthly, 2), "5.00%");
    }

    #[test]
    fn churn_above_100_is_an_error() {
        let report = evaluate(
            &RateText::typed("120"),
            PeriodUnit::Months,
            &NumberStyle::ENGLISH,
        );
        assert!(report.error(Field::ConvertChurn).is_some());
    }

    proptest! {
        #[test]
        // Up to 50% a period: beyond that, a yearly rate is within a few ulps of 100% and the
        // way back loses digits to floating point, not to the formula.
        fn conversion_round_trips(c in 0.0f64..0.5, from in 0usize..3, to in 0usize..3) {
            let units = [PeriodUnit::Months, PeriodUnit::Quarters, PeriodUnit::Years];
            let there = convert(c, units[from], units[to]);
            let back = convert(there, units[to], units[from]);
            prop_assert!((back - c).abs() < 1e-9, "{c} -> {there} -> {back}");
        }
    }
}
