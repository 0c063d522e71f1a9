//! Rate and amount fields: typed text read exactly, or a value carried over exactly from a
//! unit conversion and shown rounded.

use serde::{Deserialize, Serialize};

use super::error::{ErrorKind, Field, FieldError};
use super::form::Form;
use super::number::{parse_decimal_exact, Decimal, NumberStyle};
use super::saved::or_default;

/// A rate field as the page holds it: the typed text, or a value converted by a unit switch
/// (kept exactly, with its rounded display as the text) until the user edits it.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(from = "SavedRate", into = "SavedRate")]
pub struct RateText {
    pub text: String,
    /// The exact percentage behind `text`, when `text` is a rounded display of a conversion.
    pub exact: Option<f64>,
}

/// A rate as a session holds it: `{"text": "1.84", "exact_bits": 4611...}`, the exact value
/// behind a converted display kept bit for bit as the integer of its bits (a float written as
/// decimal digits may not read back as the same bits). A plain string is a rate as typed.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum SavedRate {
    Typed(String),
    Kept {
        #[serde(default, deserialize_with = "or_default")]
        text: String,
        #[serde(
            default,
            deserialize_with = "or_default",
            skip_serializing_if = "Option::is_none"
        )]
        exact_bits: Option<i64>,
    },
}

impl From<SavedRate> for RateText {
    fn from(saved: SavedRate) -> Self {
        match saved {
            SavedRate::Typed(text) => RateText { text, exact: None },
            SavedRate::Kept { text, exact_bits } => RateText {
                text,
                // The same 64 bits, read as a float again.
                exact: exact_bits.map(|bits| f64::from_bits(bits as u64)),
            },
        }
    }
}

impl From<RateText> for SavedRate {
    fn from(rate: RateText) -> Self {
        SavedRate::Kept {
            text: rate.text,
            exact_bits: rate.exact.map(|exact| exact.to_bits() as i64),
        }
    }
}

impl RateText {
    /// The value in percent (or the amount), when the text reads as one number.
    pub fn value(&self, style: &NumberStyle) -> Option<f64> {
        self.exact.or_else(|| {
            parse_decimal_exact(&self.text, style)
                .ok()
                .map(Decimal::to_f64)
        })
    }

    pub fn typed(text: &str) -> Self {
        RateText {
            text: text.to_string(),
            exact: None,
        }
    }
}

/// A percentage as entered: exact digits when typed, f64 when it came from a conversion.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Percent {
    pub value: f64,
    pub exact: Option<Decimal>,
}

impl Percent {
    pub fn fraction(self) -> f64 {
        self.value / 100.0
    }
}

/// A percentage field: typed (parsed exactly) or carried over from a unit switch.
pub(crate) fn percent_field(
    form: &mut Form,
    field: Field,
    rate: &RateText,
    style: &NumberStyle,
    max: Option<i64>,
) -> Option<Percent> {
    let value = match rate.exact {
        Some(v) => Percent {
            value: v,
            exact: None,
        },
        None => match parse_decimal_exact(&rate.text, style) {
            Ok(d) => Percent {
                value: d.to_f64(),
                exact: Some(d),
            },
            Err(e) => {
                form.errors.push(FieldError::number(field, e));
                return None;
            }
        },
    };
    let too_high = max.is_some_and(|m| value.value > m as f64);
    if value.value < 0.0 || too_high || !value.value.is_finite() {
        form.errors.push(FieldError {
            field,
            kind: ErrorKind::Range {
                min: 0,
                max,
                percent: true,
            },
        });
        return None;
    }
    Some(value)
}

/// A converted percentage: shown to four decimals and kept exactly; a value within float noise
/// of a short decimal (90.00000000000001 after a round trip) becomes that decimal, as if typed.
pub(crate) fn converted(percent: f64, style: &NumberStyle) -> RateText {
    let snapped = (percent * 1e6).round() / 1e6;
    // Only float noise is snapped: a rate one part in a billion off a round number still
    // compounds into a different last digit over a few hundred periods.
    if (percent - snapped).abs() <= 1e-12 * percent.abs().max(1.0) {
        return RateText::typed(&style.plain(snapped, 6));
    }
    RateText {
        text: style.plain(percent, 4),
        exact: Some(percent),
    }
}
