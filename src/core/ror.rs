//! ROR — Return on Relationship (seeds 000 and 001), docs/metrics.md section 3.
//!
//! T = total customers who ever bought, H = customers helped in the last 12 months,
//! R = of those helped, the ones who came back as repeat or referral customers.
//! Valid: 0 <= R <= H <= T.

use super::error::Field;
use super::figure::divide;
use super::figure::Term::Op;
use super::figure::{FigureId, Report, Source, Value};
use super::form::{figure, n, need, Form};

/// The three ROR figures for the typed texts of T, H and R.
///
/// ```
/// use retention_lab::core::{ror, figure::FigureId};
/// let report = ror::evaluate("10,000", "1,000", "350");
/// let ror = report.figure(FigureId::Ror).and_then(|f| f.raw()).unwrap();
/// assert_eq!(format!("{ror:.3}"), "2.857");
/// ```
pub fn evaluate(total: &str, helped: &str, repeat: &str) -> Report {
    let mut form = Form::default();
    let t = form.count(Field::Total, total);
    let h = form.count(Field::Helped, helped);
    let r = form.count(Field::Repeat, repeat);
    let r = form.at_most(Field::Repeat, r, Field::Helped, h);
    let h = form.at_most(Field::Helped, h, Field::Total, t);

    let ror = figure(FigureId::Ror, "H / R", Source::Seed, || {
        let (h, r) = (need(Field::Helped, h)?, need(Field::Repeat, r)?);
        let value = divide(h, r, Some(Field::Repeat)).map(Value::Ratio);
        Ok((vec![n(h), Op(" / "), n(r)], value))
    });
    let share = figure(FigureId::RepeatShare, "R / H", Source::Arithmetic, || {
        let (r, h) = (need(Field::Repeat, r)?, need(Field::Helped, h)?);
        let value = divide(r, h, Some(Field::Helped)).map(Value::percent);
        Ok((vec![n(r), Op(" / "), n(h)], value))
    });
    let jackson = figure(FigureId::JacksonRor, "R / T", Source::DeanJackson, || {
        let (r, t) = (need(Field::Repeat, r)?, need(Field::Total, t)?);
        let value = divide(r, t, Some(Field::Total)).map(Value::percent);
        Ok((vec![n(r), Op(" / "), n(t)], value))
    });
    Report {
        errors: form.errors,
        figures: vec![ror, share, jackson],
    }
}

/// The seed example's inputs: T, H, R.
pub const SEED_EXAMPLE: [&str; 3] = ["10,000", "1,000", "350"];

/// True when the typed texts are the seed example's numbers (in any notation), so the page can
/// add the note on the seed's printed 2.87.
pub fn is_seed_example(total: &str, helped: &str, repeat: &str) -> bool {
    use super::number::parse_count;
    [total, helped, repeat]
        .iter()
        .zip(SEED_EXAMPLE)
        .all(|(typed, seed)| parse_count(typed).is_ok() && parse_count(typed) == parse_count(seed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::{ErrorKind, FieldError};
    use crate::core::figure::Undefined;
    use crate::core::number::NumberError;

    fn raw(report: &Report, id: FigureId) -> Option<f64> {
        report.figure(id).and_then(|f| f.raw())
    }

    #[test]
    fn seed_ror_example_10000_1000_350() {
        let [t, h, r] = SEED_EXAMPLE;
        let report = evaluate(t, h, r);
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        assert_eq!(
            format!("{:.3}", raw(&report, FigureId::Ror).unwrap()),
            "2.857"
        );
        assert_eq!(
            format!("{:.2}", raw(&report, FigureId::Ror).unwrap()),
            "2.86"
        );
        assert_eq!(
            format!("{:.4}", raw(&report, FigureId::RepeatShare).unwrap()),
            "0.3500"
        );
        assert_eq!(
            format!("{:.4}", raw(&report, FigureId::JacksonRor).unwrap()),
            "0.0350"
        );
    }

    #[test]
    fn working_substitutes_the_users_numbers() {
        let report = evaluate("10000", "1000", "350");
        let working = &report.figure(FigureId::Ror).unwrap().working;
        assert_eq!(working.formula, "H / R");
        assert_eq!(
            working.substituted,
            Some(vec![
                crate::core::figure::Term::Num(Value::Count(1000)),
                Op(" / "),
                crate::core::figure::Term::Num(Value::Count(350)),
            ])
        );
    }

    #[test]
    fn zero_repeat_leaves_ror_undefined_but_not_the_share() {
        let report = evaluate("100", "10", "0");
        assert!(report.errors.is_empty());
        assert_eq!(
            report.figure(FigureId::Ror).unwrap().value,
            Err(Undefined::ZeroField(Field::Repeat))
        );
        assert_eq!(raw(&report, FigureId::RepeatShare), Some(0.0));
    }

    #[test]
    fn bad_inputs_name_their_field() {
        let cases: &[(&str, &str, &str, Field, ErrorKind)] = &[
            (
                "",
                "1",
                "1",
                Field::Total,
                ErrorKind::Number(NumberError::Empty),
            ),
            (
                "-3",
                "1",
                "1",
                Field::Total,
                ErrorKind::Number(NumberError::Negative),
            ),
            (
                "10",
                "x",
                "1",
                Field::Helped,
                ErrorKind::Number(NumberError::Unexpected { at: 0, found: 'x' }),
            ),
            (
                "10",
                "2.5",
                "1",
                Field::Helped,
                ErrorKind::Number(NumberError::Fraction),
            ),
            (
                "10",
                "5",
                "6",
                Field::Repeat,
                ErrorKind::Exceeds {
                    limit: Field::Helped,
                    limit_value: 5,
                },
            ),
            (
                "10",
                "11",
                "1",
                Field::Helped,
                ErrorKind::Exceeds {
                    limit: Field::Total,
                    limit_value: 10,
                },
            ),
        ];
        for (t, h, r, field, kind) in cases {
            let report = evaluate(t, h, r);
            let expected = FieldError {
                field: *field,
                kind: kind.clone(),
            };
            assert_eq!(report.errors, vec![expected], "inputs {t:?} {h:?} {r:?}");
        }
    }

    #[test]
    fn an_error_blanks_only_the_figures_that_need_the_field() {
        let report = evaluate("", "1000", "350");
        assert_eq!(
            report.figure(FigureId::JacksonRor).unwrap().value,
            Err(Undefined::NeedsField(Field::Total))
        );
        assert!(raw(&report, FigureId::Ror).is_some());
        assert!(report
            .figure(FigureId::JacksonRor)
            .unwrap()
            .working
            .substituted
            .is_none());
    }
}
