//! Lifetime value (seed 002), docs/metrics.md section 5.
//!
//! I = revenue per customer per period, gm = gross margin, c = churn per period, r = 1 - c,
//! d = discount rate per period; I, c and d share one period unit.

use serde::{Deserialize, Serialize};

use super::error::Field;
use super::figure::Term::{Num, Op};
use super::figure::{Currency, FigureId, PeriodUnit, Report, Source, Term, Undefined, Value};
use super::form::{figure, Form};
use super::number::NumberStyle;
use super::rate::{converted, percent_field, Percent, RateText};

/// The lifetime-value inputs.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LtvText {
    pub revenue: RateText,
    pub years: RateText,
    pub margin: RateText,
    pub churn: RateText,
    pub discount: RateText,
    pub unit: PeriodUnit,
    pub currency: Currency,
}

/// The worked example: I = 100 a year, 5 years, gm = 100%, c = 20%, d = 10%.
pub fn seed_preset() -> LtvText {
    LtvText {
        revenue: RateText::typed("100"),
        years: RateText::typed("5"),
        margin: RateText::typed("100"),
        churn: RateText::typed("20"),
        discount: RateText::typed("10"),
        unit: PeriodUnit::Years,
        currency: Currency::None,
    }
}

fn money(amount: f64, currency: Currency) -> Value {
    Value::Money { amount, currency }
}

fn pct(p: Percent) -> Term {
    Num(Value::percent(p.fraction()))
}

/// Every lifetime-value figure for the inputs, numbers read in `style`.
pub fn evaluate(input: &LtvText, style: &NumberStyle) -> Report {
    let mut form = Form::default();
    let revenue = percent_field(&mut form, Field::Revenue, &input.revenue, style, None);
    let years = percent_field(&mut form, Field::Years, &input.years, style, None);
    let margin = percent_field(&mut form, Field::Margin, &input.margin, style, Some(100));
    let churn = percent_field(&mut form, Field::LtvChurn, &input.churn, style, Some(100));
    let discount = percent_field(&mut form, Field::Discount, &input.discount, style, None);
    let cur = input.currency;
    let need = |field: Field, v: Option<Percent>| v.ok_or(Undefined::NeedsField(field));
    let per_year = f64::from(input.unit.per_year());

    let (seed_formula, seed_terms): (&'static str, &'static str) = match input.unit {
        PeriodUnit::Years => ("V = I × N", " × "),
        PeriodUnit::Quarters => ("V = I × 4 × N", " × 4 × "),
        PeriodUnit::Months => ("V = I × 12 × N", " × 12 × "),
    };
    let seed = figure(FigureId::LtvSeed, seed_formula, Source::Seed, || {
        let (i, n) = (need(Field::Revenue, revenue)?, need(Field::Years, years)?);
        let terms = vec![
            Num(money(i.value, cur)),
            Op(seed_terms),
            Num(Value::Constant(n.value, 2)),
        ];
        Ok((terms, Ok(money(i.value * per_year * n.value, cur))))
    });
    let lifetime = figure(FigureId::Lifetime, "N = 1 / c", Source::Textbook, || {
        let c = need(Field::LtvChurn, churn)?;
        let value = if c.value == 0.0 {
            Err(Undefined::ZeroField(Field::LtvChurn))
        } else {
            Ok(Value::Periods {
                count: 1.0 / c.fraction(),
                decimals: 2,
                unit: input.unit,
            })
        };
        Ok((vec![Op("1 / "), pct(c)], value))
    });
    let from_churn = figure(
        FigureId::LtvFromChurn,
        "V = I × gm / c",
        Source::Reichheld,
        || {
            let i = need(Field::Revenue, revenue)?;
            let gm = need(Field::Margin, margin)?;
            let c = need(Field::LtvChurn, churn)?;
            let terms = vec![
                Num(money(i.value, cur)),
                Op(" × "),
                pct(gm),
                Op(" / "),
                pct(c),
            ];
            let value = if c.value == 0.0 {
                Err(Undefined::ZeroField(Field::LtvChurn))
            } else {
                Ok(money(i.value * gm.fraction() / c.fraction(), cur))
            };
            Ok((terms, value))
        },
    );
    let discounted = figure(
        FigureId::LtvDiscounted,
        "V = I × gm × (1 + d) / (1 + d − r), r = 1 − c",
        Source::Textbook,
        || {
            let i = need(Field::Revenue, revenue)?;
            let gm = need(Field::Margin, margin)?;
            let c = need(Field::LtvChurn, churn)?;
            let d = need(Field::Discount, discount)?;
            let r = 1.0 - c.fraction();
            let terms = vec![
                Num(money(i.value, cur)),
                Op(" × "),
                pct(gm),
                Op(" × (1 + "),
                pct(d),
                Op(") / (1 + "),
                pct(d),
                Op(" − "),
                Num(Value::percent(r)),
                Op(")"),
            ];
            let den = 1.0 + d.fraction() - r;
            let value = if den <= 0.0 {
                Err(Undefined::ZeroSum)
            } else {
                Ok(money(
                    i.value * gm.fraction() * (1.0 + d.fraction()) / den,
                    cur,
                ))
            };
            Ok((terms, value))
        },
    );
    Report {
        errors: form.errors,
        figures: vec![seed, lifetime, from_churn, discounted],
    }
}

/// The inputs in another period unit, the business unchanged: I scales with the period length,
/// churn and discount compound (c_to = 1 - (1 - c)^k, d_to = (1 + d)^k - 1). Fields that do not
/// parse stay as typed. The years of the seed formula and the margin do not depend on the unit.
pub fn switch_unit(input: &LtvText, to: PeriodUnit, style: &NumberStyle) -> LtvText {
    let mut out = input.clone();
    out.unit = to;
    let k = f64::from(input.unit.per_year()) / f64::from(to.per_year());
    let convert = |rate: &mut RateText, f: &dyn Fn(f64) -> f64| {
        if let Some(v) = rate.value(style) {
            *rate = converted(f(v), style);
        }
    };
    convert(&mut out.revenue, &|i| i * k);
    convert(&mut out.churn, &|c| {
        (1.0 - (1.0 - c / 100.0).powf(k)) * 100.0
    });
    convert(&mut out.discount, &|d| {
        ((1.0 + d / 100.0).powf(k) - 1.0) * 100.0
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: NumberStyle = NumberStyle::ENGLISH;

    fn shown(report: &Report, id: FigureId) -> String {
        let f = report.figure(id).unwrap();
        match f.value {
            Ok(Value::Money { amount, .. }) => format!("{amount:.2}"),
            Ok(Value::Periods { count, .. }) => format!("{count:.2}"),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn worked_value_from_churn_500_and_discounted_366_67() {
        let report = evaluate(&seed_preset(), &EN);
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        assert_eq!(shown(&report, FigureId::LtvSeed), "500.00");
        assert_eq!(shown(&report, FigureId::Lifetime), "5.00");
        assert_eq!(shown(&report, FigureId::LtvFromChurn), "500.00");
        assert_eq!(shown(&report, FigureId::LtvDiscounted), "366.67");
    }

    #[test]
    fn discounted_equals_undiscounted_at_zero_discount() {
        let mut input = seed_preset();
        input.discount = RateText::typed("0");
        let report = evaluate(&input, &EN);
        assert_eq!(
            shown(&report, FigureId::LtvDiscounted),
            shown(&report, FigureId::LtvFromChurn)
        );
    }

    #[test]
    fn zero_churn_is_undefined_with_its_reason() {
        let mut input = seed_preset();
        input.churn = RateText::typed("0");
        let report = evaluate(&input, &EN);
        assert_eq!(
            report.figure(FigureId::LtvFromChurn).unwrap().value,
            Err(Undefined::ZeroField(Field::LtvChurn))
        );
    }

    #[test]
    fn monthly_inputs_give_the_same_yearly_business() {
        let input = seed_preset();
        let monthly = switch_unit(&input, PeriodUnit::Months, &EN);
        let i = monthly.revenue.value(&EN).unwrap();
        assert!((i - 100.0 / 12.0).abs() < 1e-12);
        let back = switch_unit(&monthly, PeriodUnit::Years, &EN);
        let (a, b) = (evaluate(&input, &EN), evaluate(&back, &EN));
        for id in [
            FigureId::LtvSeed,
            FigureId::LtvFromChurn,
            FigureId::LtvDiscounted,
            FigureId::Lifetime,
        ] {
            assert_eq!(shown(&a, id), shown(&b, id), "{id:?}");
        }
        assert_eq!(shown(&evaluate(&monthly, &EN), FigureId::LtvSeed), "500.00");
    }
}
