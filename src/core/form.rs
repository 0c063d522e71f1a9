//! Reading a calculator's fields: each field parsed on its own, then the bounds between fields,
//! every problem kept as a [`FieldError`] and every figure told which field it is missing.

use super::error::{ErrorKind, Field, FieldError};
use super::figure::{Figure, FigureId, Source, Term, Undefined, Value, Working};
use super::number::{parse_count, NumberError};

/// The errors found so far while reading a form.
#[derive(Debug, Default)]
pub(crate) struct Form {
    pub errors: Vec<FieldError>,
}

impl Form {
    /// A required count field.
    pub fn count(&mut self, field: Field, text: &str) -> Option<u64> {
        match parse_count(text) {
            Ok(v) => Some(v),
            Err(e) => {
                self.errors.push(FieldError::number(field, e));
                None
            }
        }
    }

    /// An optional count field: empty means 0.
    pub fn optional_count(&mut self, field: Field, text: &str) -> Option<u64> {
        match parse_count(text) {
            Err(NumberError::Empty) => Some(0),
            _ => self.count(field, text),
        }
    }

    /// Keeps `value` only if it does not exceed `limit`'s value (when both are known).
    pub fn at_most(
        &mut self,
        field: Field,
        value: Option<u64>,
        limit: Field,
        limit_value: Option<u64>,
    ) -> Option<u64> {
        match (value, limit_value) {
            (Some(v), Some(max)) if v > max => {
                self.errors.push(FieldError {
                    field,
                    kind: ErrorKind::Exceeds {
                        limit,
                        limit_value: max,
                    },
                });
                None
            }
            _ => value,
        }
    }
}

/// A field's value, or the reason a figure that needs it has none.
pub(crate) fn need(field: Field, value: Option<u64>) -> Result<u64, Undefined> {
    value.ok_or(Undefined::NeedsField(field))
}

/// What a figure's calculation gives: the substituted formula and the value (or why not).
pub(crate) type Calc = Result<(Vec<Term>, Result<Value, Undefined>), Undefined>;

/// Builds a figure from its formula and a calculation that fails early when an input is
/// missing (no substitution then) and late when the numbers are there but the value is not.
pub(crate) fn figure(
    id: FigureId,
    formula: &'static str,
    source: Source,
    calc: impl FnOnce() -> Calc,
) -> Figure {
    let (substituted, value) = match calc() {
        Ok((terms, value)) => (Some(terms), value),
        Err(reason) => (None, Err(reason)),
    };
    Figure {
        id,
        value,
        working: Working {
            formula,
            substituted,
            equation: true,
            source,
        },
    }
}

/// Shorthand for a count inside a substituted formula.
pub(crate) fn n(v: u64) -> Term {
    Term::Num(Value::Count(i64::try_from(v).unwrap_or(i64::MAX)))
}
