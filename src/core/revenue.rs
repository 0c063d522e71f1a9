//! Revenue retention for one period, typed (docs/metrics.md section 8.1).
//!
//! R0 = revenue at start, E = expansion, C = contraction, L = churned revenue, N = new revenue
//! (from new and returning customers). Amounts are summed exactly, as typed; the rates are one
//! f64 division each.

use serde::{Deserialize, Serialize};

use super::error::{ErrorKind, Field, FieldError};
use super::figure::Term::{Num, Op};
use super::figure::{Currency, Figure, FigureId, Report, Source, Undefined, Value};
use super::form::{figure, Calc, Form};
use super::number::{parse_decimal_exact, Decimal, NumberStyle};
use super::rate::RateText;

/// The one-period revenue inputs.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RevenueText {
    pub start: RateText,
    pub expansion: RateText,
    pub contraction: RateText,
    pub churned: RateText,
    pub new_revenue: RateText,
    pub currency: Currency,
}

/// The preset "SaaS month", written in `style`: 100,000 at start, 8,000 of expansion, 3,000 of
/// contraction, 5,000 churned and 12,000 new: GRR 92%, NRR 100%, revenue churn 5%, 112,000 at
/// the end. Thousands are grouped where the grouped text cannot be read as a fraction
/// (Vietnamese "100.000" could be a hundred to three decimals), else written without groups.
pub fn saas_month(style: &NumberStyle) -> RevenueText {
    let amount = |units: i128| {
        let value = Decimal::whole(units);
        let grouped = style.money(value, 0);
        let text = match parse_decimal_exact(&grouped, style) {
            Ok(read) if read.cmp_exact(value) == Some(std::cmp::Ordering::Equal) => grouped,
            _ => style.localize(&units.to_string()),
        };
        RateText::typed(&text)
    };
    RevenueText {
        start: amount(100_000),
        expansion: amount(8_000),
        contraction: amount(3_000),
        churned: amount(5_000),
        new_revenue: amount(12_000),
        currency: Currency::None,
    }
}

/// Every revenue figure for the inputs, numbers read in `style`.
pub fn evaluate(input: &RevenueText, style: &NumberStyle) -> Report {
    let mut form = Form::default();
    // An amount as typed, exactly; none is below zero.
    let mut amount = |field: Field, text: &RateText| match parse_decimal_exact(&text.text, style) {
        Ok(d) if d.units < 0 => {
            form.errors.push(FieldError {
                field,
                kind: ErrorKind::Range {
                    min: 0,
                    max: None,
                    percent: false,
                },
            });
            None
        }
        Ok(d) => Some(d),
        Err(e) => {
            form.errors.push(FieldError::number(field, e));
            None
        }
    };
    let start = amount(Field::RevenueStart, &input.start);
    let expansion = amount(Field::Expansion, &input.expansion);
    let contraction = amount(Field::Contraction, &input.contraction);
    let churned = amount(Field::ChurnedRevenue, &input.churned);
    let new_revenue = amount(Field::NewRevenue, &input.new_revenue);
    // What was lost cannot be more than there was: contraction and churned revenue come out
    // of the revenue at start.
    let (contraction, churned) = match (start, contraction, churned) {
        (Some(s), Some(c), Some(l)) => match c.checked_add(l) {
            Some(lost) if lost.cmp_exact(s) == Some(std::cmp::Ordering::Greater) => {
                for (field, other) in [
                    (Field::Contraction, Field::ChurnedRevenue),
                    (Field::ChurnedRevenue, Field::Contraction),
                ] {
                    form.errors.push(FieldError {
                        field,
                        kind: ErrorKind::SumExceeds {
                            other,
                            limit: Field::RevenueStart,
                            sum: lost,
                            limit_value: s,
                        },
                    });
                }
                (None, None)
            }
            _ => (Some(c), Some(l)),
        },
        _ => (contraction, churned),
    };
    // Amounts are shown with as many decimals as the most precise one typed.
    let decimals = [start, expansion, contraction, churned, new_revenue]
        .iter()
        .flatten()
        .map(|a| a.scale)
        .max()
        .unwrap_or(0);
    let flows = Flows {
        start,
        expansion,
        contraction,
        churned,
        new_revenue,
        decimals,
        currency: input.currency,
    };
    Report {
        errors: form.errors,
        figures: figures(&flows).to_vec(),
    }
}

/// One period's revenue flows, each `None` when it is not known (a field with an error, or
/// the first period of a file, which has no start), and how to write their amounts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Flows {
    pub start: Option<Decimal>,
    pub expansion: Option<Decimal>,
    pub contraction: Option<Decimal>,
    pub churned: Option<Decimal>,
    /// From new and returning customers.
    pub new_revenue: Option<Decimal>,
    pub decimals: u32,
    pub currency: Currency,
}

/// GRR, NRR, revenue churn and the revenue at end of `flows`, each with its working. The
/// amounts are taken as they are: a file's refunds can make churned revenue negative.
pub fn figures(flows: &Flows) -> [Figure; 4] {
    let Flows {
        start,
        expansion,
        contraction,
        churned,
        new_revenue,
        decimals,
        currency: cur,
    } = *flows;
    let money = |a: Decimal| {
        Num(Value::Amount {
            value: a,
            decimals,
            currency: cur,
        })
    };
    let r0 = (Field::RevenueStart, start);
    let (e, c, l, n) = (
        (Field::Expansion, expansion),
        (Field::Contraction, contraction),
        (Field::ChurnedRevenue, churned),
        (Field::NewRevenue, new_revenue),
    );
    // The amounts added (`true`) or taken away, written out and summed exactly.
    let sum = |parts: &[(bool, (Field, Option<Decimal>))]| -> Result<_, Undefined> {
        let mut terms = Vec::with_capacity(2 * parts.len());
        let mut total = Some(Decimal::whole(0));
        for (i, &(add, (field, v))) in parts.iter().enumerate() {
            let v = v.ok_or(Undefined::NeedsField(field))?;
            if i > 0 {
                terms.push(Op(if add { " + " } else { " − " }));
            }
            terms.push(money(v));
            total = total.and_then(|t| {
                if add {
                    t.checked_add(v)
                } else {
                    t.checked_sub(v)
                }
            });
        }
        Ok((terms, total))
    };
    // `parts` over the revenue at start, as a percentage; blank unless the start is above 0.
    let over_start = |parts: &[(bool, (Field, Option<Decimal>))]| -> Calc {
        let s = r0.1.ok_or(Undefined::NeedsField(Field::RevenueStart))?;
        let (inner, kept) = sum(parts)?;
        let mut terms = Vec::with_capacity(inner.len() + 3);
        if parts.len() > 1 {
            terms.push(Op("("));
            terms.extend(inner);
            terms.push(Op(") / "));
        } else {
            terms.extend(inner);
            terms.push(Op(" / "));
        }
        terms.push(money(s));
        let value = match kept {
            _ if s.units <= 0 => Err(Undefined::ZeroField(Field::RevenueStart)),
            Some(k) => Ok(Value::percent(k.to_f64() / s.to_f64())),
            None => Err(Undefined::NeedsOthers),
        };
        Ok((terms, value))
    };

    let grr = figure(
        FigureId::Grr,
        "(R0 − C − L) / R0",
        Source::Textbook,
        || over_start(&[(true, r0), (false, c), (false, l)]),
    );
    let nrr = figure(
        FigureId::Nrr,
        "(R0 + E − C − L) / R0",
        Source::Textbook,
        || over_start(&[(true, r0), (true, e), (false, c), (false, l)]),
    );
    let revenue_churn = figure(FigureId::RevenueChurn, "L / R0", Source::Textbook, || {
        over_start(&[(true, l)])
    });
    let end = figure(
        FigureId::RevenueEnd,
        "R0 + E − C − L + N",
        Source::Arithmetic,
        || {
            let (terms, total) = sum(&[(true, r0), (true, e), (false, c), (false, l), (true, n)])?;
            let value = total
                .map(|value| Value::Amount {
                    value,
                    decimals,
                    currency: cur,
                })
                .ok_or(Undefined::NeedsOthers);
            Ok((terms, value))
        },
    );
    [grr, nrr, revenue_churn, end]
}

/// ARPU: the period's revenue over its active customers, one f64 division, written with the
/// file's decimals; blank for a period without customers.
pub fn arpu(revenue: Decimal, active: u64, decimals: u32) -> Figure {
    figure(FigureId::Arpu, "R1 / A", Source::Arithmetic, || {
        let terms = vec![
            Num(Value::Amount {
                value: revenue,
                decimals,
                currency: Currency::None,
            }),
            Op(" / "),
            Num(Value::Count(i64::try_from(active).unwrap_or(i64::MAX))),
        ];
        let value = if active == 0 {
            Err(Undefined::ZeroSum)
        } else {
            Ok(Value::Constant(
                revenue.to_f64() / active as f64,
                decimals as usize,
            ))
        };
        Ok((terms, value))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: NumberStyle = NumberStyle::ENGLISH;

    fn value(report: &Report, id: FigureId) -> Result<Value, Undefined> {
        report.figure(id).unwrap().value
    }

    fn percent(report: &Report, id: FigureId) -> String {
        match value(report, id) {
            Ok(Value::Percent { fraction, .. }) => format!("{:.2}%", fraction * 100.0),
            other => format!("{other:?}"),
        }
    }

    fn typed(start: &str, e: &str, c: &str, l: &str, n: &str) -> RevenueText {
        RevenueText {
            start: RateText::typed(start),
            expansion: RateText::typed(e),
            contraction: RateText::typed(c),
            churned: RateText::typed(l),
            new_revenue: RateText::typed(n),
            currency: Currency::None,
        }
    }

    #[test]
    fn saas_month_keeps_92_percent_gross_and_100_net_and_ends_at_112000() {
        let report = evaluate(&saas_month(&EN), &EN);
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        assert_eq!(percent(&report, FigureId::Grr), "92.00%");
        assert_eq!(percent(&report, FigureId::Nrr), "100.00%");
        assert_eq!(percent(&report, FigureId::RevenueChurn), "5.00%");
        assert_eq!(
            value(&report, FigureId::RevenueEnd),
            Ok(Value::Amount {
                value: Decimal::whole(112_000),
                decimals: 0,
                currency: Currency::None
            })
        );
    }

    #[test]
    fn the_preset_reads_back_in_every_language() {
        for style in [EN, NumberStyle::VIETNAMESE, NumberStyle::PERSIAN] {
            let report = evaluate(&saas_month(&style), &style);
            assert!(report.errors.is_empty(), "{style:?}: {:?}", report.errors);
            assert_eq!(percent(&report, FigureId::Grr), "92.00%");
        }
        assert_eq!(saas_month(&EN).start.text, "100,000");
        assert_eq!(saas_month(&NumberStyle::VIETNAMESE).start.text, "100000");
        assert_eq!(saas_month(&NumberStyle::PERSIAN).start.text, "۱۰۰٬۰۰۰");
    }

    #[test]
    fn amounts_are_summed_exactly_and_shown_with_the_most_decimals_typed() {
        // 0.1 + 0.2 is 0.3 exactly, not 0.30000000000000004.
        let report = evaluate(&typed("0.1", "0.2", "0", "0", "0.05"), &EN);
        assert_eq!(
            value(&report, FigureId::RevenueEnd),
            Ok(Value::Amount {
                value: Decimal {
                    units: 35,
                    scale: 2
                },
                decimals: 2,
                currency: Currency::None
            })
        );
    }

    #[test]
    fn losses_above_the_start_are_an_error_on_both_fields_naming_the_other() {
        let report = evaluate(&typed("5,000", "0", "3,000", "5,000", "0"), &EN);
        for (field, other) in [
            (Field::Contraction, Field::ChurnedRevenue),
            (Field::ChurnedRevenue, Field::Contraction),
        ] {
            let e = report.error(field).expect("an error on each field");
            assert_eq!(
                e.kind,
                ErrorKind::SumExceeds {
                    other,
                    limit: Field::RevenueStart,
                    sum: Decimal::whole(8_000),
                    limit_value: Decimal::whole(5_000),
                }
            );
        }
        assert_eq!(
            value(&report, FigureId::Grr),
            Err(Undefined::NeedsField(Field::Contraction))
        );
        // Losing exactly everything is allowed.
        let all = evaluate(&typed("5,000", "0", "0", "5,000", "0"), &EN);
        assert!(all.errors.is_empty());
        assert_eq!(percent(&all, FigureId::Grr), "0.00%");
    }

    #[test]
    fn rates_are_blank_without_revenue_at_start() {
        let report = evaluate(&typed("0", "10", "0", "0", "20"), &EN);
        for id in [FigureId::Grr, FigureId::Nrr, FigureId::RevenueChurn] {
            assert_eq!(
                value(&report, id),
                Err(Undefined::ZeroField(Field::RevenueStart)),
                "{id:?}"
            );
        }
        assert!(value(&report, FigureId::RevenueEnd).is_ok());
    }

    #[test]
    fn a_field_that_does_not_read_is_named_and_the_figures_needing_it_say_so() {
        let report = evaluate(&typed("100", "abc", "0", "0", "0"), &EN);
        assert!(report.error(Field::Expansion).is_some());
        assert_eq!(
            value(&report, FigureId::Nrr),
            Err(Undefined::NeedsField(Field::Expansion))
        );
        assert_eq!(percent(&report, FigureId::Grr), "100.00%");
    }

    /// A file's period, worked as the typed calculator works one: the 2024-02 of a file where
    /// customer a spends 100 then 150, b 50 then 30 (a refund of 20 included), nobody new.
    #[test]
    fn a_periods_working_has_the_typed_calculators_figures_and_its_arpu() {
        use crate::core::import::revenue::RevenueRow;
        let cents = |units: i128| Decimal { units, scale: 2 };
        let row = RevenueRow {
            label: "2024-02".into(),
            active: 2,
            revenue: cents(18_000),
            start: Some(cents(15_000)),
            new: cents(0),
            returning: Some(cents(0)),
            expansion: Some(cents(5_000)),
            contraction: Some(cents(2_000)),
            churned: Some(cents(0)),
            incomplete: false,
        };
        let working = row.working(2);
        let ids: Vec<FigureId> = working.iter().map(|f| f.id).collect();
        assert_eq!(
            ids,
            [
                FigureId::Grr,
                FigureId::Nrr,
                FigureId::RevenueChurn,
                FigureId::RevenueEnd,
                FigureId::Arpu
            ]
        );
        let raw = |i: usize| working[i].value.unwrap().raw();
        assert!((raw(0) - 130.0 / 150.0).abs() < 1e-15);
        assert_eq!(raw(1), 1.2);
        assert_eq!(raw(2), 0.0);
        // The revenue at end from the flows is the period's revenue.
        assert_eq!(
            working[3].value,
            Ok(Value::Amount {
                value: cents(18_000),
                decimals: 2,
                currency: Currency::None
            })
        );
        assert_eq!(working[4].value, Ok(Value::Constant(90.0, 2)));
        // The first period has only its ARPU.
        let first = RevenueRow {
            start: None,
            returning: None,
            expansion: None,
            contraction: None,
            churned: None,
            ..row
        };
        let ids: Vec<FigureId> = first.working(2).iter().map(|f| f.id).collect();
        assert_eq!(ids, [FigureId::Arpu]);
    }

    /// The session keeps the inputs as this type's JSON: it reads back as written, and a part
    /// saved without some member keeps that member's default.
    #[test]
    fn the_inputs_read_back_from_a_session() {
        let mut text = saas_month(&EN);
        text.currency = Currency::Dong;
        let json = serde_json::to_string(&text).unwrap();
        assert_eq!(serde_json::from_str::<RevenueText>(&json).unwrap(), text);
        let partial: RevenueText = serde_json::from_str(r#"{"start":{"text":"5"}}"#).unwrap();
        assert_eq!(partial.start.text, "5");
        assert_eq!(partial.expansion, RateText::default());
    }

    /// The figures agree with each other: NRR − GRR is expansion over the start, and the end
    /// is the start times NRR plus the new revenue.
    #[test]
    fn the_figures_are_consistent_on_a_table_of_cases() {
        let cases = [
            ("100000", "8000", "3000", "5000", "12000"),
            ("2500.50", "100.25", "0", "300", "0"),
            ("1", "0", "0.5", "0.5", "1"),
            ("987654.3210", "12.3456", "1000", "0.0001", "55"),
        ];
        for (s, e, c, l, n) in cases {
            let report = evaluate(&typed(s, e, c, l, n), &EN);
            assert!(report.errors.is_empty(), "{s} {e} {c} {l} {n}");
            let raw = |id| value(&report, id).unwrap().raw();
            let (s, e, n) = (
                s.parse::<f64>().unwrap(),
                e.parse::<f64>().unwrap(),
                n.parse::<f64>().unwrap(),
            );
            let rel = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
            assert!(rel(raw(FigureId::Nrr) - raw(FigureId::Grr), e / s));
            let end = match value(&report, FigureId::RevenueEnd).unwrap() {
                Value::Amount { value, .. } => value.to_f64(),
                other => panic!("{other:?}"),
            };
            assert!(rel(end, s * raw(FigureId::Nrr) + n));
        }
    }
}
