//! The forecast's inputs as typed, and reading them: every problem kept with where it is.

use serde::{Deserialize, Serialize};

use super::model::{Survivors, SurvivorsError, MIN_COUNTS};
use crate::core::figure::{Currency, PeriodUnit};
use crate::core::number::{parse_count, parse_decimal, NumberError, NumberStyle};
use crate::core::saved::{non_empty, or_default};

/// One cohort as typed: a name and its survivor counts, period 0 first. A saved row's member
/// that is missing or of another kind reads as empty.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CohortText {
    #[serde(deserialize_with = "or_default")]
    pub name: String,
    /// One count per period, separated by line breaks, spaces, tabs or semicolons (a comma
    /// right after a count also separates, "1000, 631"). Within a count, commas, dots,
    /// apostrophes and no-break spaces group thousands, as in every count field.
    #[serde(deserialize_with = "or_default")]
    pub counts: String,
}

/// Everything the forecast reads, as typed. The settings are shared by all cohorts, so that
/// cohorts are compared on the same terms. Saved with no cohorts, the page keeps its own (see
/// [`crate::core::saved::fill`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SbgInput {
    #[serde(deserialize_with = "non_empty")]
    pub cohorts: Vec<CohortText>,
    /// T_fit: fit on periods 0..=T_fit, 2 <= T_fit <= each cohort's last period; empty fits
    /// all the counts.
    pub fit_periods: String,
    /// Forecast periods 0..=horizon; at least each cohort's last period, at most
    /// [`MAX_HORIZON`].
    pub horizon: String,
    /// Discount rate per period in percent, 0 or 0.01 to 100.
    pub discount: String,
    /// Revenue per customer per period, optional: with it the page shows a customer's value.
    pub revenue: String,
    /// Gross margin in percent, 0 to 100: needed when a revenue is given.
    pub margin: String,
    pub unit: PeriodUnit,
    pub currency: Currency,
}

impl Default for SbgInput {
    /// One empty cohort, the discount rate at 10% and the margin at 100%.
    fn default() -> Self {
        SbgInput {
            cohorts: vec![CohortText::default()],
            fit_periods: String::new(),
            horizon: String::new(),
            discount: "10".into(),
            revenue: String::new(),
            margin: "100".into(),
            unit: PeriodUnit::Years,
            currency: Currency::None,
        }
    }
}

/// Fader & Hardie (2007), "How to project customer retention": survivors per 1,000 over years
/// 0..12 for two segments, fitted on years 0..7, forecast to year 12, discount 10%. The names
/// are English; the page translates them.
pub fn fader_hardie_preset() -> SbgInput {
    SbgInput {
        cohorts: vec![
            CohortText {
                name: "Regular".into(),
                counts: "1000 631 468 382 326 289 262 241 223 207 194 183 173".into(),
            },
            CohortText {
                name: "High end".into(),
                counts: "1000 869 743 653 593 551 517 491 468 445 427 409 394".into(),
            },
        ],
        fit_periods: "7".into(),
        horizon: "12".into(),
        ..SbgInput::default()
    }
}

/// The longest forecast, in periods.
pub const MAX_HORIZON: usize = 200;
/// The most counts a cohort may have (periods 0..=MAX_HORIZON).
pub const MAX_COUNTS: usize = MAX_HORIZON + 1;
/// The smallest positive discount rate, in percent: below it the discounted lifetime would
/// need millions of terms.
pub const MIN_POSITIVE_DISCOUNT: f64 = 0.01;

/// Which input a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SbgField {
    /// The counts of cohort i (0-based).
    Counts(usize),
    FitPeriods,
    Horizon,
    Discount,
    Revenue,
    Margin,
}

/// What is wrong with one count.
#[derive(Clone, Debug, PartialEq)]
pub enum CountProblem {
    /// Not a whole number of customers.
    NotACount(NumberError),
    /// The first count (period 0) is 0: there is no cohort to follow.
    FirstZero,
    /// The count is larger than the one before (n_t > n_{t-1}): a cohort can only shrink.
    Rises { previous: u64 },
}

/// What is wrong with an input.
#[derive(Clone, Debug, PartialEq)]
pub enum SbgErrorKind {
    /// One count: `position` is 1-based (the first count is 1), `period` = position - 1 is the
    /// period it counts, `text` the count as typed.
    Count {
        position: usize,
        period: usize,
        text: String,
        problem: CountProblem,
    },
    /// Fewer counts than periods 0, 1 and 2.
    TooFewCounts { found: usize, min: usize },
    /// More counts than the longest forecast holds.
    TooManyCounts { found: usize, max: usize },
    /// The text is not a number the field takes.
    Number(NumberError),
    /// The value is outside [min, max] (`max` None: no upper bound); `percent` says whether
    /// the bounds are percentages.
    Range {
        min: f64,
        max: Option<f64>,
        percent: bool,
    },
    /// A positive discount rate below [`MIN_POSITIVE_DISCOUNT`] percent.
    TinyDiscount { min_percent: f64 },
    /// The periods to fit go past cohort `cohort`'s last count.
    FitBeyondCounts { cohort: usize, last_period: usize },
    /// The horizon ends before cohort `cohort`'s last count.
    HorizonBeforeCounts { cohort: usize, last_period: usize },
}

/// An input error: the input and what is wrong with it.
#[derive(Clone, Debug, PartialEq)]
pub struct SbgError {
    pub field: SbgField,
    pub kind: SbgErrorKind,
}

/// Characters that separate counts: ASCII white space (space, tab, line feed, form feed,
/// carriage return), semicolons and Arabic commas. No-break spaces are not among them: they group thousands
/// ("1 000" with U+00A0 or U+202F) as in every count field.
fn separates(c: char) -> bool {
    c.is_ascii_whitespace() || matches!(c, ';' | '\u{060C}')
}

/// Reads survivor counts, period 0 first. Every problem is reported, each count's with its
/// 1-based position and its text.
///
/// ```
/// use retention_lab::core::sbg::{parse_counts, CountProblem, SbgErrorKind};
/// let s = parse_counts("1,000\n631; 468\t382").unwrap();
/// assert_eq!(s.counts(), &[1000, 631, 468, 382]);
/// assert_eq!(
///     parse_counts("100 80 90").unwrap_err(),
///     vec![SbgErrorKind::Count {
///         position: 3,
///         period: 2,
///         text: "90".into(),
///         problem: CountProblem::Rises { previous: 80 },
///     }]
/// );
/// ```
pub fn parse_counts(text: &str) -> Result<Survivors, Vec<SbgErrorKind>> {
    let tokens: Vec<&str> = text
        .split(separates)
        .filter(|t| !t.is_empty())
        .map(|t| match t.strip_suffix(',') {
            Some(rest) if !rest.is_empty() => rest,
            _ => t,
        })
        .collect();
    let mut errors = Vec::new();
    let at = |i: usize, problem: CountProblem| SbgErrorKind::Count {
        position: i + 1,
        period: i,
        text: tokens[i].to_string(),
        problem,
    };
    // One pass, so the errors come in the order of the counts.
    let mut values: Vec<Option<u64>> = Vec::with_capacity(tokens.len());
    for (i, token) in tokens.iter().enumerate() {
        let value = match parse_count(token) {
            Err(e) => {
                errors.push(at(i, CountProblem::NotACount(e)));
                None
            }
            Ok(0) if i == 0 => {
                errors.push(at(0, CountProblem::FirstZero));
                Some(0)
            }
            Ok(v) => {
                if let Some(&Some(previous)) = values.last() {
                    if v > previous {
                        errors.push(at(i, CountProblem::Rises { previous }));
                    }
                }
                Some(v)
            }
        };
        values.push(value);
    }
    if tokens.len() < MIN_COUNTS {
        errors.push(SbgErrorKind::TooFewCounts {
            found: tokens.len(),
            min: MIN_COUNTS,
        });
    }
    if tokens.len() > MAX_COUNTS {
        errors.push(SbgErrorKind::TooManyCounts {
            found: tokens.len(),
            max: MAX_COUNTS,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let counts: Vec<u64> = values.into_iter().flatten().collect();
    // The checks above are Survivors::new's, all of them reported; it agrees.
    Survivors::new(counts.clone()).map_err(|e| {
        vec![match e {
            SurvivorsError::TooFew { found } => SbgErrorKind::TooFewCounts {
                found,
                min: MIN_COUNTS,
            },
            SurvivorsError::FirstZero => at(0, CountProblem::FirstZero),
            SurvivorsError::Rises { period } => at(
                period,
                CountProblem::Rises {
                    previous: counts[period - 1],
                },
            ),
        }]
    })
}

/// Revenue per period and gross margin, for a customer's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Revenue {
    pub per_period: f64,
    /// Gross margin as a fraction.
    pub margin: f64,
    pub currency: Currency,
}

/// The inputs read: each cohort's counts with the periods it is fitted on, and the shared
/// settings; `None` where the input has an error (listed in `errors`).
#[derive(Debug)]
pub(super) struct Read {
    pub cohorts: Vec<Option<(Survivors, usize)>>,
    pub horizon: Option<usize>,
    /// As a fraction.
    pub discount: Option<f64>,
    pub revenue: Option<Revenue>,
    pub errors: Vec<SbgError>,
}

/// Reads every input, numbers in `style`.
pub(super) fn read(input: &SbgInput, style: &NumberStyle) -> Read {
    let mut errors = Vec::new();
    let mut fail = |field: SbgField, kind: SbgErrorKind| errors.push(SbgError { field, kind });
    let mut cohorts: Vec<Option<Survivors>> = Vec::new();
    for (i, cohort) in input.cohorts.iter().enumerate() {
        match parse_counts(&cohort.counts) {
            Ok(s) => cohorts.push(Some(s)),
            Err(kinds) => {
                kinds.into_iter().for_each(|k| fail(SbgField::Counts(i), k));
                cohorts.push(None);
            }
        }
    }
    let whole = |fail: &mut dyn FnMut(SbgField, SbgErrorKind), field, text: &str, min: usize| {
        match parse_count(text) {
            Err(e) => fail(field, SbgErrorKind::Number(e)),
            Ok(v) if v < min as u64 || v > MAX_HORIZON as u64 => fail(
                field,
                SbgErrorKind::Range {
                    min: min as f64,
                    max: Some(MAX_HORIZON as f64),
                    percent: false,
                },
            ),
            Ok(v) => return usize::try_from(v).ok(),
        }
        None
    };
    // Empty means every count; a typed value must be a whole number from 2.
    let fit_periods: Result<Option<usize>, ()> = if input.fit_periods.trim().is_empty() {
        Ok(None)
    } else {
        whole(&mut fail, SbgField::FitPeriods, &input.fit_periods, 2)
            .map(Some)
            .ok_or(())
    };
    let horizon = whole(&mut fail, SbgField::Horizon, &input.horizon, 2);
    let mut checked = Vec::with_capacity(cohorts.len());
    for (i, survivors) in cohorts.into_iter().enumerate() {
        let Some(s) = survivors else {
            checked.push(None);
            continue;
        };
        let last_period = s.last_period();
        let t_fit = match fit_periods {
            Ok(Some(t)) if t > last_period => {
                let kind = SbgErrorKind::FitBeyondCounts {
                    cohort: i,
                    last_period,
                };
                fail(SbgField::FitPeriods, kind);
                None
            }
            Ok(t) => Some(t.unwrap_or(last_period)),
            Err(()) => None,
        };
        // A horizon short of this cohort's counts leaves only this cohort without a forecast.
        let horizon_short = horizon.is_some_and(|h| h < last_period);
        if horizon_short {
            let kind = SbgErrorKind::HorizonBeforeCounts {
                cohort: i,
                last_period,
            };
            fail(SbgField::Horizon, kind);
        }
        checked.push(t_fit.filter(|_| !horizon_short).map(|t| (s, t)));
    }
    let percent = |fail: &mut dyn FnMut(SbgField, SbgErrorKind), field, text: &str| {
        match parse_decimal(text, style) {
            Err(e) => fail(field, SbgErrorKind::Number(e)),
            Ok(v) if !(0.0..=100.0).contains(&v) => fail(
                field,
                SbgErrorKind::Range {
                    min: 0.0,
                    max: Some(100.0),
                    percent: true,
                },
            ),
            Ok(v) => return Some(v),
        }
        None
    };
    let discount = percent(&mut fail, SbgField::Discount, &input.discount).and_then(|d| {
        if d > 0.0 && d < MIN_POSITIVE_DISCOUNT {
            let kind = SbgErrorKind::TinyDiscount {
                min_percent: MIN_POSITIVE_DISCOUNT,
            };
            fail(SbgField::Discount, kind);
            return None;
        }
        Some(d / 100.0)
    });
    let revenue_typed = !input.revenue.trim().is_empty();
    let margin_typed = !input.margin.trim().is_empty();
    // The margin is read when typed, or when a revenue needs it (then empty is an error).
    let margin = (revenue_typed || margin_typed)
        .then(|| percent(&mut fail, SbgField::Margin, &input.margin))
        .flatten();
    let revenue = if revenue_typed {
        match parse_decimal(&input.revenue, style) {
            Err(e) => {
                fail(SbgField::Revenue, SbgErrorKind::Number(e));
                None
            }
            Ok(v) if v < 0.0 || !v.is_finite() => {
                let kind = SbgErrorKind::Range {
                    min: 0.0,
                    max: None,
                    percent: false,
                };
                fail(SbgField::Revenue, kind);
                None
            }
            Ok(v) => margin.map(|m| Revenue {
                per_period: v,
                margin: m / 100.0,
                currency: input.currency,
            }),
        }
    } else {
        None
    };
    Read {
        cohorts: checked,
        horizon,
        discount,
        revenue,
        errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: NumberStyle = NumberStyle::ENGLISH;

    fn count_error(position: usize, text: &str, problem: CountProblem) -> SbgErrorKind {
        SbgErrorKind::Count {
            position,
            period: position - 1,
            text: text.into(),
            problem,
        }
    }

    #[test]
    fn separators_table() {
        let cases: &[(&str, &[u64])] = &[
            ("1000\n631\n468", &[1000, 631, 468]),
            ("1000 631 468", &[1000, 631, 468]),
            ("1000\t631\t468\n", &[1000, 631, 468]),
            ("1000;631;468", &[1000, 631, 468]),
            ("1000, 631, 468", &[1000, 631, 468]),
            ("1,000\r\n631\r\n468", &[1000, 631, 468]),
            ("1.000 631 468", &[1000, 631, 468]),
            ("1\u{00A0}000 631 468", &[1000, 631, 468]),
            ("۱۰۰۰، ۶۳۱، ۴۶۸", &[1000, 631, 468]),
            ("  10 ;; 5\n\n 5  ", &[10, 5, 5]),
        ];
        for (text, want) in cases {
            assert_eq!(
                parse_counts(text).map(|s| s.counts().to_vec()),
                Ok(want.to_vec()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn count_errors_table() {
        let cases: &[(&str, Vec<SbgErrorKind>)] = &[
            (
                "100 8x 50",
                vec![count_error(
                    2,
                    "8x",
                    CountProblem::NotACount(NumberError::Unexpected { at: 1, found: 'x' }),
                )],
            ),
            ("0 0 0", vec![count_error(1, "0", CountProblem::FirstZero)]),
            (
                "100 80 90 85",
                vec![count_error(3, "90", CountProblem::Rises { previous: 80 })],
            ),
            (
                "100 12.5 10",
                vec![count_error(
                    2,
                    "12.5",
                    CountProblem::NotACount(NumberError::Fraction),
                )],
            ),
            // "1000,631,468" is not a list: a comma inside a count groups thousands.
            (
                "1000,631,468",
                vec![
                    count_error(
                        1,
                        "1000,631,468",
                        CountProblem::NotACount(NumberError::Grouping { at: 4 }),
                    ),
                    SbgErrorKind::TooFewCounts { found: 1, min: 3 },
                ],
            ),
            (
                "100 90",
                vec![SbgErrorKind::TooFewCounts { found: 2, min: 3 }],
            ),
            ("", vec![SbgErrorKind::TooFewCounts { found: 0, min: 3 }]),
        ];
        for (text, want) in cases {
            assert_eq!(&parse_counts(text).unwrap_err(), want, "{text:?}");
        }
        let long = vec!["5"; MAX_COUNTS + 1].join(" ");
        assert_eq!(
            parse_counts(&long).unwrap_err(),
            vec![SbgErrorKind::TooManyCounts {
                found: MAX_COUNTS + 1,
                max: MAX_COUNTS
            }]
        );
    }

    #[test]
    fn preset_reads_without_errors() {
        let read = read(&fader_hardie_preset(), &EN);
        assert!(read.errors.is_empty(), "{:?}", read.errors);
        assert_eq!(read.horizon, Some(12));
        assert_eq!(read.discount, Some(0.1));
        assert_eq!(read.revenue, None);
        for c in &read.cohorts {
            let (s, t) = c.as_ref().unwrap();
            assert_eq!((s.last_period(), *t), (12, 7));
        }
    }

    #[test]
    fn settings_errors_table() {
        type Edit = fn(&mut SbgInput);
        let range = |min: f64, max: Option<f64>, percent| SbgErrorKind::Range { min, max, percent };
        let cases: Vec<(Edit, SbgField, SbgErrorKind)> = vec![
            (
                |i| i.fit_periods = "1".into(),
                SbgField::FitPeriods,
                range(2.0, Some(200.0), false),
            ),
            (
                |i| i.fit_periods = "13".into(),
                SbgField::FitPeriods,
                SbgErrorKind::FitBeyondCounts {
                    cohort: 0,
                    last_period: 12,
                },
            ),
            (
                |i| i.horizon = "11".into(),
                SbgField::Horizon,
                SbgErrorKind::HorizonBeforeCounts {
                    cohort: 0,
                    last_period: 12,
                },
            ),
            (
                |i| i.horizon = "201".into(),
                SbgField::Horizon,
                range(2.0, Some(200.0), false),
            ),
            (
                |i| i.horizon = "".into(),
                SbgField::Horizon,
                SbgErrorKind::Number(NumberError::Empty),
            ),
            (
                |i| i.discount = "-1".into(),
                SbgField::Discount,
                range(0.0, Some(100.0), true),
            ),
            (
                |i| i.discount = "0.001".into(),
                SbgField::Discount,
                SbgErrorKind::TinyDiscount { min_percent: 0.01 },
            ),
            (
                |i| i.revenue = "-5".into(),
                SbgField::Revenue,
                range(0.0, None, false),
            ),
            (
                |i| {
                    i.revenue = "100".into();
                    i.margin = "".into();
                },
                SbgField::Margin,
                SbgErrorKind::Number(NumberError::Empty),
            ),
            (
                |i| i.margin = "120".into(),
                SbgField::Margin,
                range(0.0, Some(100.0), true),
            ),
        ];
        for (edit, field, kind) in cases {
            let mut input = fader_hardie_preset();
            edit(&mut input);
            let read = read(&input, &EN);
            assert_eq!(
                read.errors.first(),
                Some(&SbgError {
                    field,
                    kind: kind.clone()
                }),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn empty_fit_periods_fit_every_count_and_revenue_needs_a_margin() {
        let mut input = fader_hardie_preset();
        input.fit_periods = " ".into();
        input.revenue = "100".into();
        input.margin = "80".into();
        let read = read(&input, &EN);
        assert!(read.errors.is_empty(), "{:?}", read.errors);
        assert_eq!(read.cohorts[0].as_ref().map(|c| c.1), Some(12));
        assert_eq!(
            read.revenue.map(|r| (r.per_period, r.margin)),
            Some((100.0, 0.8))
        );
    }
}
