//! Win-back what-if (seed 003): 25% to 60% of dormant customers respond to a win-back effort.

use super::error::Field;
use super::figure::Term::{Num, Op};
use super::figure::{FigureId, Report, Source, Value};
use super::form::{figure, n, need, Form};

/// The seed's response range, in percent.
pub const RESPONSE: (u32, u32) = (25, 60);

/// Recovered customers, low and high, for the typed number of dormant customers.
pub fn evaluate(dormant: &str) -> Report {
    let mut form = Form::default();
    let d = form.count(Field::Dormant, dormant);
    let bound = |id: FigureId, share: u32, formula: &'static str| {
        figure(id, formula, Source::WinbackSeed, || {
            let d = need(Field::Dormant, d)?;
            let terms = vec![
                n(d),
                Op(" × "),
                Num(Value::percent(f64::from(share) / 100.0)),
            ];
            let value = (d as f64 * f64::from(share) / 100.0).round() as i64;
            Ok((terms, Ok(Value::Count(value))))
        })
    };
    Report {
        figures: vec![
            bound(
                FigureId::WinbackLow,
                RESPONSE.0,
                super::figure::words::WINBACK_LOW,
            ),
            bound(
                FigureId::WinbackHigh,
                RESPONSE.1,
                super::figure::words::WINBACK_HIGH,
            ),
        ],
        errors: form.errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_1000_dormant_gives_250_to_600() {
        let report = evaluate("1,000");
        assert_eq!(
            report.figure(FigureId::WinbackLow).unwrap().value,
            Ok(Value::Count(250))
        );
        assert_eq!(
            report.figure(FigureId::WinbackHigh).unwrap().value,
            Ok(Value::Count(600))
        );
    }

    #[test]
    fn bad_count_names_the_field() {
        assert!(evaluate("lots").error(Field::Dormant).is_some());
    }
}
