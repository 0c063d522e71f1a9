//! One period from counts, docs/metrics.md section 1.
//!
//! S = customers at start, N = new customers, L = lost customers (of the S), Ret = returning
//! customers (optional, 0 when empty), J = of the N, those who left again (optional, at most N).

use serde::{Deserialize, Serialize};

use super::error::Field;
use super::figure::Term::{Num, Op};
use super::figure::{divide, Figure, FigureId, Report, Source, Undefined, Value};
use super::form::{figure, n, need, Form};
use super::number::interval_decimals;
use super::stats::{wilson, Z95};

/// Which churn definition the headline churn figure uses, saved by its key in [`DEFINITIONS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChurnDefinition {
    /// L / S, the seeds' definition (default): new customers play no part in this period's churn.
    #[default]
    Start,
    /// (L + J) / (S + N), Stripe's: every departure over everyone who was a customer.
    #[serde(rename = "start-new")]
    StartPlusNew,
    /// (L + J) / ((S + E) / 2): every departure over the average customer count.
    Average,
}

/// The churn definitions in the order the page offers them, each with its stable key.
pub const DEFINITIONS: [(ChurnDefinition, &str); 3] = [
    (ChurnDefinition::Start, "start"),
    (ChurnDefinition::StartPlusNew, "start-new"),
    (ChurnDefinition::Average, "average"),
];

/// The typed texts of one period's fields.
#[derive(Clone, Copy, Debug, Default)]
pub struct PeriodText<'a> {
    pub start: &'a str,
    pub new: &'a str,
    pub lost: &'a str,
    pub returning: &'a str,
    pub joined_left: &'a str,
}

/// The parsed, mutually consistent counts of one period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PeriodCounts {
    pub start: u64,
    pub new: u64,
    pub lost: u64,
    pub returning: u64,
    pub joined_left: u64,
}

impl PeriodCounts {
    /// E = S + N + Ret - L - J. Consistent counts (L <= S, J <= N) never give a negative end.
    pub fn end(&self) -> u64 {
        (self.start - self.lost) + (self.new - self.joined_left) + self.returning
    }
}

/// The seed's telecom quarter: S = 17,000,000, N = 680,000, L = 170,000.
pub const TELECOM_QUARTER: PeriodText<'static> = PeriodText {
    start: "17,000,000",
    new: "680,000",
    lost: "170,000",
    returning: "",
    joined_left: "",
};

/// The worked example of the three churn definitions: S = 1,000, N = 200, L = 100, J = 20.
pub const CHURN_VARIANTS_EXAMPLE: PeriodText<'static> = PeriodText {
    start: "1,000",
    new: "200",
    lost: "100",
    returning: "",
    joined_left: "20",
};

/// Every figure of one period for the typed texts; `definition` picks the headline churn.
pub fn evaluate(text: &PeriodText, definition: ChurnDefinition) -> Report {
    let mut form = Form::default();
    let s = form.count(Field::Start, text.start);
    let nw = form.count(Field::New, text.new);
    let l = form.count(Field::Lost, text.lost);
    let ret = form.optional_count(Field::Returning, text.returning);
    let j = form.optional_count(Field::JoinedLeft, text.joined_left);
    let l = form.at_most(Field::Lost, l, Field::Start, s);
    let j = form.at_most(Field::JoinedLeft, j, Field::New, nw);
    let counts = || -> Result<PeriodCounts, Undefined> {
        Ok(PeriodCounts {
            start: need(Field::Start, s)?,
            new: need(Field::New, nw)?,
            lost: need(Field::Lost, l)?,
            returning: need(Field::Returning, ret)?,
            joined_left: need(Field::JoinedLeft, j)?,
        })
    };

    let end = figure(
        FigureId::End,
        "E = S + N + Ret − L − J",
        Source::Arithmetic,
        || {
            let c = counts()?;
            let terms = vec![
                n(c.start),
                Op(" + "),
                n(c.new),
                Op(" + "),
                n(c.returning),
                Op(" − "),
                n(c.lost),
                Op(" − "),
                n(c.joined_left),
            ];
            Ok((terms, Ok(Value::Count(c.end() as i64))))
        },
    );
    let seed_churn = figure(FigureId::Churn, "L / S", Source::Seed, || {
        let (l, s) = (need(Field::Lost, l)?, need(Field::Start, s)?);
        let value = divide(l, s, Some(Field::Start)).map(Value::percent);
        Ok((vec![n(l), Op(" / "), n(s)], value))
    });
    let start_new = figure(
        FigureId::ChurnStartNew,
        "(L + J) / (S + N)",
        Source::Stripe,
        || {
            let c = counts()?;
            let terms = vec![
                Op("("),
                n(c.lost),
                Op(" + "),
                n(c.joined_left),
                Op(") / ("),
                n(c.start),
                Op(" + "),
                n(c.new),
                Op(")"),
            ];
            let value = divide(c.lost + c.joined_left, c.start + c.new, None).map(Value::percent);
            Ok((terms, value))
        },
    );
    let average = figure(
        FigureId::ChurnAverage,
        "(L + J) / ((S + E) / 2)",
        Source::Textbook,
        || {
            let c = counts()?;
            let terms = vec![
                Op("("),
                n(c.lost),
                Op(" + "),
                n(c.joined_left),
                Op(") / (("),
                n(c.start),
                Op(" + "),
                n(c.end()),
                Op(") / 2)"),
            ];
            let den = (c.start + c.end()) as f64 / 2.0;
            let value = if den == 0.0 {
                Err(Undefined::ZeroSum)
            } else {
                Ok(Value::percent((c.lost + c.joined_left) as f64 / den))
            };
            Ok((terms, value))
        },
    );
    let spread = spread(&[&seed_churn, &start_new, &average]);
    let (low, high) = interval(l, s);
    let retention = figure(FigureId::Retention, "(S − L) / S", Source::Seed, || {
        let (s, l) = (need(Field::Start, s)?, need(Field::Lost, l)?);
        let terms = vec![Op("("), n(s), Op(" − "), n(l), Op(") / "), n(s)];
        Ok((
            terms,
            divide(s - l, s, Some(Field::Start)).map(Value::percent),
        ))
    });
    let acquisition = figure(FigureId::GrossAcquisition, "N / S", Source::Seed, || {
        let (nw, s) = (need(Field::New, nw)?, need(Field::Start, s)?);
        let value = divide(nw, s, Some(Field::Start)).map(Value::percent);
        Ok((vec![n(nw), Op(" / "), n(s)], value))
    });
    let growth = figure(FigureId::NetGrowth, "(E − S) / S", Source::Seed, || {
        let c = counts()?;
        let terms = vec![
            Op("("),
            n(c.end()),
            Op(" − "),
            n(c.start),
            Op(") / "),
            n(c.start),
        ];
        let value = if c.start == 0 {
            Err(Undefined::ZeroField(Field::Start))
        } else {
            Ok(Value::percent(
                (c.end() as f64 - c.start as f64) / c.start as f64,
            ))
        };
        Ok((terms, value))
    });

    // The headline churn shows the chosen definition; the variants stay side by side.
    let headline = match definition {
        ChurnDefinition::Start => seed_churn.clone(),
        ChurnDefinition::StartPlusNew => start_new.clone(),
        ChurnDefinition::Average => average.clone(),
    };
    let headline = Figure {
        id: FigureId::Churn,
        ..headline
    };
    let seed_variant = Figure {
        id: FigureId::ChurnStart,
        ..seed_churn
    };
    Report {
        errors: form.errors,
        figures: vec![
            end,
            headline,
            low,
            high,
            retention,
            acquisition,
            growth,
            seed_variant,
            start_new,
            average,
            spread,
        ],
    }
}

/// The Wilson 95% interval around L / S, each bound with the fewest decimals (at least 2) that
/// tell it apart from the estimate.
fn interval(l: Option<u64>, s: Option<u64>) -> (Figure, Figure) {
    let formula = "(p + z²/2S ∓ z·√(p(1 − p)/S + z²/4S²)) / (1 + z²/S), p = L / S";
    let bound = |id: FigureId, pick: fn((f64, f64)) -> f64| {
        let mut fig = figure(id, formula, Source::Wilson, || {
            let (l, s) = (need(Field::Lost, l)?, need(Field::Start, s)?);
            let terms = vec![
                Op("p = "),
                n(l),
                Op(" / "),
                n(s),
                Op(", z = "),
                Num(Value::Constant(Z95, 2)),
            ];
            let value = match wilson(l, s, Z95) {
                None => Err(Undefined::ZeroField(Field::Start)),
                Some(bounds) => {
                    let p = l as f64 / s as f64;
                    Ok(Value::Percent {
                        fraction: pick(bounds),
                        decimals: interval_decimals(p, bounds.0, bounds.1),
                    })
                }
            };
            Ok((terms, value))
        });
        fig.working.equation = false;
        fig
    };
    (
        bound(FigureId::ChurnLow, |b| b.0),
        bound(FigureId::ChurnHigh, |b| b.1),
    )
}

/// The largest minus the smallest of the churn variants, in percentage points.
fn spread(variants: &[&Figure]) -> Figure {
    figure(
        FigureId::ChurnSpread,
        super::figure::words::SPREAD,
        Source::Arithmetic,
        || {
            let values: Option<Vec<f64>> = variants.iter().map(|f| f.raw()).collect();
            let Some(values) = values else {
                return Err(Undefined::NeedsOthers);
            };
            let max = values.iter().copied().fold(f64::MIN, f64::max);
            let min = values.iter().copied().fold(f64::MAX, f64::min);
            let terms = vec![
                Num(Value::percent(max)),
                Op(" − "),
                Num(Value::percent(min)),
            ];
            Ok((terms, Ok(Value::Points((max - min) * 100.0))))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::{ErrorKind, FieldError};
    use crate::core::number::{NumberError, NumberStyle};
    use proptest::prelude::*;

    fn pct(report: &Report, id: FigureId) -> String {
        match report.figure(id).map(|f| f.value) {
            Some(Ok(Value::Percent { fraction, decimals })) => {
                NumberStyle::ENGLISH.percent(fraction, decimals)
            }
            other => panic!("{id:?} is not a percentage: {other:?}"),
        }
    }

    #[test]
    fn seed_telecom_quarter() {
        let report = evaluate(&TELECOM_QUARTER, ChurnDefinition::Start);
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        assert_eq!(
            report.figure(FigureId::End).unwrap().value,
            Ok(Value::Count(17_510_000))
        );
        assert_eq!(pct(&report, FigureId::Churn), "1.00%");
        assert_eq!(pct(&report, FigureId::ChurnLow), "0.995%");
        assert_eq!(pct(&report, FigureId::ChurnHigh), "1.005%");
        assert_eq!(pct(&report, FigureId::GrossAcquisition), "4.00%");
        assert_eq!(pct(&report, FigureId::NetGrowth), "3.00%");
        assert_eq!(pct(&report, FigureId::Retention), "99.00%");
    }

    #[test]
    fn seed_acquisition_14_churn_12_gives_net_growth_2() {
        let text = PeriodText {
            start: "100",
            new: "14",
            lost: "12",
            ..PeriodText::default()
        };
        let report = evaluate(&text, ChurnDefinition::Start);
        assert_eq!(pct(&report, FigureId::NetGrowth), "2.00%");
    }

    #[test]
    fn worked_wilson_3_of_20() {
        let text = PeriodText {
            start: "20",
            new: "0",
            lost: "3",
            ..PeriodText::default()
        };
        let report = evaluate(&text, ChurnDefinition::Start);
        assert_eq!(pct(&report, FigureId::ChurnLow), "5.24%");
        assert_eq!(pct(&report, FigureId::ChurnHigh), "36.04%");
    }

    #[test]
    fn worked_churn_variants() {
        let report = evaluate(&CHURN_VARIANTS_EXAMPLE, ChurnDefinition::Start);
        assert_eq!(
            report.figure(FigureId::End).unwrap().value,
            Ok(Value::Count(1_080))
        );
        assert_eq!(pct(&report, FigureId::ChurnStart), "10.00%");
        assert_eq!(pct(&report, FigureId::ChurnStartNew), "10.00%");
        assert_eq!(pct(&report, FigureId::ChurnAverage), "11.54%");
        let spread = report.figure(FigureId::ChurnSpread).unwrap().raw().unwrap();
        assert_eq!(format!("{spread:.2}"), "1.54");
    }

    #[test]
    fn definition_switch_changes_only_the_headline() {
        let avg = evaluate(&CHURN_VARIANTS_EXAMPLE, ChurnDefinition::Average);
        assert_eq!(pct(&avg, FigureId::Churn), "11.54%");
        assert_eq!(pct(&avg, FigureId::ChurnStart), "10.00%");
        assert_eq!(pct(&avg, FigureId::Retention), "90.00%");
    }

    #[test]
    fn zero_start_is_undefined_with_its_reason() {
        let text = PeriodText {
            start: "0",
            new: "5",
            lost: "0",
            ..PeriodText::default()
        };
        let report = evaluate(&text, ChurnDefinition::Start);
        for id in [
            FigureId::Churn,
            FigureId::Retention,
            FigureId::GrossAcquisition,
            FigureId::NetGrowth,
            FigureId::ChurnLow,
        ] {
            assert_eq!(
                report.figure(id).unwrap().value,
                Err(Undefined::ZeroField(Field::Start)),
                "{id:?}"
            );
        }
        assert_eq!(
            report.figure(FigureId::End).unwrap().value,
            Ok(Value::Count(5))
        );
    }

    #[test]
    fn bad_inputs_name_their_field() {
        let cases: &[(PeriodText, Field, ErrorKind)] = &[
            (
                PeriodText {
                    start: "",
                    new: "1",
                    lost: "1",
                    ..Default::default()
                },
                Field::Start,
                ErrorKind::Number(NumberError::Empty),
            ),
            (
                PeriodText {
                    start: "10",
                    new: "-1",
                    lost: "1",
                    ..Default::default()
                },
                Field::New,
                ErrorKind::Number(NumberError::Negative),
            ),
            (
                PeriodText {
                    start: "10",
                    new: "1",
                    lost: "11",
                    ..Default::default()
                },
                Field::Lost,
                ErrorKind::Exceeds {
                    limit: Field::Start,
                    limit_value: 10,
                },
            ),
            (
                PeriodText {
                    start: "10",
                    new: "1",
                    lost: "1",
                    joined_left: "2",
                    ..Default::default()
                },
                Field::JoinedLeft,
                ErrorKind::Exceeds {
                    limit: Field::New,
                    limit_value: 1,
                },
            ),
            (
                PeriodText {
                    start: "10",
                    new: "1",
                    lost: "1",
                    returning: "1.5",
                    ..Default::default()
                },
                Field::Returning,
                ErrorKind::Number(NumberError::Fraction),
            ),
        ];
        for (text, field, kind) in cases {
            let report = evaluate(text, ChurnDefinition::Start);
            let expected = FieldError {
                field: *field,
                kind: kind.clone(),
            };
            assert_eq!(report.errors, vec![expected], "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn churn_plus_retention_is_one(s in 1u64..10_000_000_000, frac in 0.0f64..=1.0, nw in 0u64..1_000_000) {
            let l = ((s as f64) * frac) as u64;
            let text = format!("{s}");
            let lost = format!("{l}");
            let new = format!("{nw}");
            let report = evaluate(&PeriodText { start: &text, new: &new, lost: &lost, ..Default::default() }, ChurnDefinition::Start);
            let churn = report.figure(FigureId::Churn).unwrap().raw().unwrap();
            let retention = report.figure(FigureId::Retention).unwrap().raw().unwrap();
            prop_assert!((churn + retention - 1.0).abs() < 1e-12, "{churn} + {retention}");
        }

        #[test]
        fn end_balances_the_flows(s in 0u64..1_000_000_000, l_frac in 0.0f64..=1.0, nw in 0u64..1_000_000_000, j_frac in 0.0f64..=1.0, ret in 0u64..1_000_000) {
            let l = ((s as f64) * l_frac) as u64;
            let j = ((nw as f64) * j_frac) as u64;
            let (st, nt, lt, rt, jt) = (s.to_string(), nw.to_string(), l.to_string(), ret.to_string(), j.to_string());
            let report = evaluate(&PeriodText { start: &st, new: &nt, lost: &lt, returning: &rt, joined_left: &jt }, ChurnDefinition::Start);
            let end = report.figure(FigureId::End).unwrap().value;
            prop_assert_eq!(end, Ok(Value::Count((s + nw + ret - l - j) as i64)));
        }
    }
}
