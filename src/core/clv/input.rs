//! The customers view's fields as typed, and reading them into [`ClvSettings`]: every problem
//! kept with its field.

use serde::{Deserialize, Serialize};

use super::report::ClvSettings;
use super::summary::{Day, Unit};
use super::value::ValueSettings;
use crate::core::number::{parse_count, parse_decimal, NumberError, NumberStyle};

/// The fields as typed. A saved member that is missing reads as its default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClvInput {
    /// "Calibration ends on", `YYYY-MM-DD` as a date field gives it; empty: the data's last
    /// day.
    pub calibration_end: String,
    pub unit: Unit,
    /// "Forecast horizon", in units.
    pub horizon: String,
    /// "Discount rate per year (%)".
    pub discount: String,
    /// "Gross margin (%)".
    pub margin: String,
    /// The win-back list takes customers whose P(alive) is below this, in percent.
    pub threshold: String,
}

impl Default for ClvInput {
    /// The data's last day, weeks, 52 weeks, 10% a year, a margin of 100%, P(alive) below 50%.
    fn default() -> Self {
        ClvInput {
            calibration_end: String::new(),
            unit: Unit::Weeks,
            horizon: default_horizon(Unit::Weeks),
            discount: "10".into(),
            margin: "100".into(),
            threshold: "50".into(),
        }
    }
}

/// The horizon a unit starts with: a year, 52 weeks or 365 days.
pub fn default_horizon(unit: Unit) -> String {
    unit.per_year().to_string()
}

/// The longest horizon: ten years.
pub const MAX_HORIZON_YEARS: u32 = 10;

/// One of the view's fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClvField {
    CalibrationEnd,
    Horizon,
    Discount,
    Margin,
    Threshold,
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq)]
pub enum ClvProblem {
    Number(NumberError),
    /// Not a date written `YYYY-MM-DD`.
    NotADate,
    /// A date outside the data's first and last days.
    OutsideData {
        first: Day,
        last: Day,
    },
    /// A number outside `min..=max`.
    Range {
        min: u32,
        max: u32,
    },
}

/// A field and its problem.
#[derive(Clone, Debug, PartialEq)]
pub struct ClvError {
    pub field: ClvField,
    pub problem: ClvProblem,
}

/// A `YYYY-MM-DD` date.
pub fn read_day(text: &str) -> Option<Day> {
    let mut parts = text.trim().splitn(3, '-');
    let mut next = |len: usize| {
        let part = parts.next().filter(|p| p.len() == len)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse::<u32>().ok())?
    };
    let (year, month, day) = (next(4)?, next(2)?, next(2)?);
    Day::from_ymd(i32::try_from(year).ok()?, month, day)
}

/// The settings as the fields give them, before the data's days are known.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClvAsk {
    /// `None`: the data's last day.
    pub calibration_end: Option<Day>,
    pub unit: Unit,
    pub value: ValueSettings,
    pub winback_threshold: f64,
}

impl ClvAsk {
    /// The settings for data whose rows run from `span.0` to `span.1`: the calibration end
    /// must fall within them.
    pub fn settings(&self, span: (Day, Day)) -> Result<ClvSettings, ClvError> {
        let (first, last) = span;
        let calibration_end = self.calibration_end.unwrap_or(last);
        if calibration_end < first || calibration_end > last {
            return Err(ClvError {
                field: ClvField::CalibrationEnd,
                problem: ClvProblem::OutsideData { first, last },
            });
        }
        Ok(ClvSettings {
            calibration_end,
            unit: self.unit,
            value: self.value,
            winback_threshold: self.winback_threshold,
        })
    }
}

/// What the fields ask for, with the calibration end checked against `span` (the data's
/// first and last days) when it is known; the problems of every field otherwise.
pub fn read(
    input: &ClvInput,
    style: &NumberStyle,
    span: Option<(Day, Day)>,
) -> Result<ClvAsk, Vec<ClvError>> {
    let mut errors = Vec::new();
    let mut fail = |field, problem| errors.push(ClvError { field, problem });
    let calibration_end = if input.calibration_end.trim().is_empty() {
        Some(None)
    } else {
        match (read_day(&input.calibration_end), span) {
            (None, _) => {
                fail(ClvField::CalibrationEnd, ClvProblem::NotADate);
                None
            }
            (Some(d), Some((first, last))) if d < first || d > last => {
                fail(
                    ClvField::CalibrationEnd,
                    ClvProblem::OutsideData { first, last },
                );
                None
            }
            (Some(d), _) => Some(Some(d)),
        }
    };
    let max_horizon = MAX_HORIZON_YEARS * input.unit.per_year();
    let horizon = match parse_count(&input.horizon) {
        // A negative, fractional or huge number is out of the horizon's range, which says
        // what it takes better than a count's message.
        Err(NumberError::Negative | NumberError::Fraction | NumberError::TooLarge) => {
            let range = ClvProblem::Range {
                min: 1,
                max: max_horizon,
            };
            fail(ClvField::Horizon, range);
            None
        }
        Err(e) => {
            fail(ClvField::Horizon, ClvProblem::Number(e));
            None
        }
        Ok(h) if h < 1 || h > u64::from(max_horizon) => {
            let range = ClvProblem::Range {
                min: 1,
                max: max_horizon,
            };
            fail(ClvField::Horizon, range);
            None
        }
        Ok(h) => Some(h as u32),
    };
    let mut percent = |field, text: &str, min: u32, max: u32| match parse_decimal(text, style) {
        Err(e) => {
            fail(field, ClvProblem::Number(e));
            None
        }
        Ok(v) if !(f64::from(min)..=f64::from(max)).contains(&v) => {
            fail(field, ClvProblem::Range { min, max });
            None
        }
        Ok(v) => Some(v / 100.0),
    };
    let discount = percent(ClvField::Discount, &input.discount, 0, 100);
    let margin = percent(ClvField::Margin, &input.margin, 0, 100);
    let threshold = percent(ClvField::Threshold, &input.threshold, 0, 100);
    match (calibration_end, horizon, discount, margin, threshold) {
        (Some(calibration_end), Some(horizon), Some(annual_discount), Some(margin), Some(t))
            if errors.is_empty() =>
        {
            Ok(ClvAsk {
                calibration_end,
                unit: input.unit,
                value: ValueSettings {
                    horizon,
                    annual_discount,
                    margin,
                },
                winback_threshold: t,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Day {
        Day::from_ymd(y, m, d).unwrap()
    }

    const SPAN: (Day, Day) = (Day(729025), Day(729570));

    #[test]
    fn dates_are_read_as_a_date_field_writes_them() {
        assert_eq!(read_day("1997-09-30"), Some(day(1997, 9, 30)));
        assert_eq!(read_day(" 2024-02-29 "), Some(day(2024, 2, 29)));
        for bad in [
            "",
            "1997-9-30",
            "1997-02-30",
            "30/09/1997",
            "1997-09-30x",
            "+997-09-30",
        ] {
            assert_eq!(read_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_defaults_read_as_the_documented_settings() {
        let s = read(&ClvInput::default(), &NumberStyle::ENGLISH, Some(SPAN)).unwrap();
        assert_eq!(s.calibration_end, None);
        assert_eq!(s.settings(SPAN).unwrap().calibration_end, SPAN.1);
        assert_eq!(s.unit, Unit::Weeks);
        assert_eq!(s.value, ValueSettings::defaults(Unit::Weeks));
        assert_eq!(s.winback_threshold, 0.5);
    }

    #[test]
    fn every_field_reports_its_own_problem() {
        let (first, last) = (SPAN.0.iso(), SPAN.1.iso());
        let cases: Vec<(ClvInput, ClvField, ClvProblem)> = vec![
            (
                ClvInput {
                    calibration_end: "1997-13-01".into(),
                    ..ClvInput::default()
                },
                ClvField::CalibrationEnd,
                ClvProblem::NotADate,
            ),
            (
                ClvInput {
                    calibration_end: "1990-01-01".into(),
                    ..ClvInput::default()
                },
                ClvField::CalibrationEnd,
                ClvProblem::OutsideData {
                    first: SPAN.0,
                    last: SPAN.1,
                },
            ),
            (
                ClvInput {
                    horizon: "0".into(),
                    ..ClvInput::default()
                },
                ClvField::Horizon,
                ClvProblem::Range { min: 1, max: 520 },
            ),
            (
                ClvInput {
                    unit: Unit::Days,
                    horizon: "3651".into(),
                    ..ClvInput::default()
                },
                ClvField::Horizon,
                ClvProblem::Range { min: 1, max: 3650 },
            ),
            (
                ClvInput {
                    horizon: "1.5".into(),
                    ..ClvInput::default()
                },
                ClvField::Horizon,
                ClvProblem::Range { min: 1, max: 520 },
            ),
            (
                ClvInput {
                    horizon: "-5".into(),
                    ..ClvInput::default()
                },
                ClvField::Horizon,
                ClvProblem::Range { min: 1, max: 520 },
            ),
            (
                ClvInput {
                    horizon: "5x".into(),
                    ..ClvInput::default()
                },
                ClvField::Horizon,
                ClvProblem::Number(NumberError::Unexpected { at: 1, found: 'x' }),
            ),
            (
                ClvInput {
                    discount: "".into(),
                    ..ClvInput::default()
                },
                ClvField::Discount,
                ClvProblem::Number(NumberError::Empty),
            ),
            (
                ClvInput {
                    margin: "101".into(),
                    ..ClvInput::default()
                },
                ClvField::Margin,
                ClvProblem::Range { min: 0, max: 100 },
            ),
            (
                ClvInput {
                    threshold: "-5".into(),
                    ..ClvInput::default()
                },
                ClvField::Threshold,
                ClvProblem::Range { min: 0, max: 100 },
            ),
        ];
        for (input, field, problem) in cases {
            let errors = read(&input, &NumberStyle::ENGLISH, Some(SPAN)).unwrap_err();
            assert_eq!(
                errors,
                vec![ClvError { field, problem }],
                "{input:?} ({first}..{last})"
            );
        }
    }

    #[test]
    fn several_problems_are_all_reported_in_field_order() {
        let input = ClvInput {
            calibration_end: "x".into(),
            horizon: "x".into(),
            discount: "x".into(),
            margin: "x".into(),
            threshold: "x".into(),
            unit: Unit::Weeks,
        };
        let fields: Vec<ClvField> = read(&input, &NumberStyle::ENGLISH, Some(SPAN))
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        use ClvField::*;
        assert_eq!(
            fields,
            [CalibrationEnd, Horizon, Discount, Margin, Threshold]
        );
    }

    #[test]
    fn percentages_follow_the_language_and_become_fractions() {
        let input = ClvInput {
            discount: "12,5".into(),
            margin: "30".into(),
            threshold: "40".into(),
            calibration_end: "1997-09-30".into(),
            ..ClvInput::default()
        };
        let s = read(&input, &NumberStyle::VIETNAMESE, None).unwrap();
        assert_eq!(s.value.annual_discount, 0.125);
        assert_eq!(s.value.margin, 0.3);
        assert_eq!(s.winback_threshold, 0.4);
        assert_eq!(s.calibration_end, Some(day(1997, 9, 30)));
    }

    #[test]
    fn a_calibration_end_is_checked_against_the_data_once_its_days_are_known() {
        let input = ClvInput {
            calibration_end: "1999-01-01".into(),
            ..ClvInput::default()
        };
        let ask = read(&input, &NumberStyle::ENGLISH, None).unwrap();
        let outside = ClvError {
            field: ClvField::CalibrationEnd,
            problem: ClvProblem::OutsideData {
                first: SPAN.0,
                last: SPAN.1,
            },
        };
        assert_eq!(ask.settings(SPAN), Err(outside));
        let inside = (SPAN.0, day(1999, 1, 1));
        assert_eq!(
            ask.settings(inside).unwrap().calibration_end,
            day(1999, 1, 1)
        );
    }
}
