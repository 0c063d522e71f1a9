//! Errors as values: what is wrong, and where (which field).

use super::number::{Decimal, NumberError};

/// Every input field of the calculators. The string table names each one; the position of a
/// field error is the field itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// ROR: total customers who ever bought (T).
    Total,
    /// ROR: customers helped in the last 12 months (H).
    Helped,
    /// ROR: of those helped, repeat or referral customers (R).
    Repeat,
    /// Period: customers at start (S).
    Start,
    /// Period: new customers (N).
    New,
    /// Period: lost customers (L).
    Lost,
    /// Period: returning customers (Ret), optional.
    Returning,
    /// Period: new customers who left again in the same period (J), optional.
    JoinedLeft,
    /// Projection: starting customers (C0).
    ProjectionStart,
    /// Projection: horizon in periods.
    Horizon,
    /// Projection: retention per period of scenario i (0-based), in percent.
    Retention(usize),
    /// Projection: acquisition per period of scenario i (0-based), in percent.
    Acquisition(usize),
    /// Lifetime value: revenue per customer per period (I).
    Revenue,
    /// Lifetime value: years as a customer (N, seed formula).
    Years,
    /// Lifetime value: gross margin in percent.
    Margin,
    /// Lifetime value: churn per period in percent.
    LtvChurn,
    /// Lifetime value: discount rate per period in percent.
    Discount,
    /// Churn conversion: the churn rate to convert, in percent.
    ConvertChurn,
    /// Win-back: dormant customers.
    Dormant,
    /// Funnel: the count of stage i (0-based).
    StageCount(usize),
    /// Revenue: the revenue at the start of the period (R0).
    RevenueStart,
    /// Revenue: expansion from retained customers (E).
    Expansion,
    /// Revenue: contraction from retained customers (C).
    Contraction,
    /// Revenue: the revenue of the customers lost (L).
    ChurnedRevenue,
    /// Revenue: from new and returning customers (N).
    NewRevenue,
}

/// What is wrong with a field's value.
#[derive(Clone, Debug, PartialEq)]
pub enum ErrorKind {
    /// The text is not a number the field takes.
    Number(NumberError),
    /// The value is larger than another field's value, which bounds it.
    Exceeds { limit: Field, limit_value: u64 },
    /// The value is outside the field's range (`max` None: no upper bound); `percent` says
    /// whether the bounds are percentages.
    Range {
        min: i64,
        max: Option<i64>,
        percent: bool,
    },
    /// The value plus `other`'s, `sum`, is more than `limit`'s value, which bounds the two
    /// together (contraction and churned revenue come out of the revenue at start).
    SumExceeds {
        other: Field,
        limit: Field,
        sum: Decimal,
        limit_value: Decimal,
    },
    /// A funnel stage counts more than the stage before it.
    StageGrows {
        stage: String,
        previous: String,
        previous_value: u64,
    },
}

/// A field error: the field and what is wrong with it.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: Field,
    pub kind: ErrorKind,
}

impl FieldError {
    pub fn number(field: Field, error: NumberError) -> Self {
        FieldError {
            field,
            kind: ErrorKind::Number(error),
        }
    }
}
