//! Numbers as people type them, and as the display rules write them.
//!
//! Count fields take whole numbers with any grouping ("1,000", "1.000", "1 000", "۱۰٬۰۰۰"):
//! a separator followed by exactly three digits is grouping. Persian (U+06F0..) and
//! Arabic-Indic (U+0660..) digits are read anywhere. Rate and money fields take a decimal sign:
//! the chosen language's or "." always; a text that reads two ways is reported, never guessed.

use std::fmt;

/// Why a typed text is not the number a field expects. Positions are 0-based character
/// indices into the text as typed (surrounding spaces included).
#[derive(Clone, Debug, PartialEq)]
pub enum NumberError {
    /// Nothing but spaces.
    Empty,
    /// A character that is neither a digit, a separator nor a leading sign.
    Unexpected { at: usize, found: char },
    /// A separator where none can stand: doubled, leading, trailing, or groups not of three.
    Grouping { at: usize },
    /// A minus sign in a field that takes no negative numbers.
    Negative,
    /// A decimal part in a field that takes whole numbers only.
    Fraction,
    /// More digits than the field can hold.
    TooLarge,
    /// The text reads as two different numbers, e.g. "1.000" in a language that groups with ".".
    Ambiguous { first: f64, second: f64 },
}

/// How digits are written in output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Digits {
    /// 0-9
    Latin,
    /// ۰-۹
    Persian,
}

/// A language's way of writing numbers: decimal sign, grouping sign, digits, percent sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberStyle {
    pub decimal: char,
    pub group: char,
    pub digits: Digits,
    pub percent: &'static str,
    pub minus: char,
}

impl NumberStyle {
    /// English: 17,510,000.5 and 1.00%.
    pub const ENGLISH: NumberStyle = NumberStyle {
        decimal: '.',
        group: ',',
        digits: Digits::Latin,
        percent: "%",
        minus: '-',
    };
    /// Vietnamese: 17.510.000,5 and 1,00%.
    pub const VIETNAMESE: NumberStyle = NumberStyle {
        decimal: ',',
        group: '.',
        digits: Digits::Latin,
        percent: "%",
        minus: '-',
    };
    /// Persian: ۱۷٬۵۱۰٬۰۰۰٫۵ and ۱٫۰۰٪.
    pub const PERSIAN: NumberStyle = NumberStyle {
        decimal: '\u{066B}',
        group: '\u{066C}',
        digits: Digits::Persian,
        percent: "\u{066A}",
        minus: '\u{2212}',
    };

    /// Writes `value` with `decimals` digits after the decimal sign and grouped thousands.
    /// A value that rounds to zero carries no minus sign.
    pub fn fixed(&self, value: f64, decimals: usize) -> String {
        if !value.is_finite() {
            return "\u{2014}".to_string();
        }
        let text = format!("{:.*}", decimals, value.abs());
        let rounds_to_zero = text.bytes().all(|b| b == b'0' || b == b'.');
        self.written(value < 0.0 && !rounds_to_zero, &text)
    }

    /// `ascii` (digits with an optional `.` part) in this style: the minus sign when
    /// `negative`, grouped thousands, its decimal sign and digits.
    fn written(&self, negative: bool, ascii: &str) -> String {
        let (int_part, frac_part) = match ascii.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (ascii, None),
        };
        let mut out = String::new();
        if negative {
            out.push(self.minus);
        }
        out.push_str(&self.group_digits(int_part));
        if let Some(frac) = frac_part {
            out.push(self.decimal);
            out.extend(frac.chars().map(|c| self.digit(c)));
        }
        out
    }

    /// A number without grouping, at most `max_decimals` decimals, trailing zeros dropped
    /// ("99.1258", "90"): the form a converted value takes in an input field.
    pub fn plain(&self, value: f64, max_decimals: usize) -> String {
        let text = format!("{:.*}", max_decimals, value);
        let text = if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.')
        } else {
            &text
        };
        let text = if text == "-0" { "0" } else { text };
        text.chars()
            .map(|c| match c {
                '.' => self.decimal,
                '-' => self.minus,
                d => self.digit(d),
            })
            .collect()
    }

    /// An exact sum of money with `decimals` digits after the decimal sign and grouped
    /// thousands, never through `f64` ([`Decimal::to_text`] in this style).
    pub fn money(&self, value: Decimal, decimals: u32) -> String {
        let text = value.to_text(decimals);
        match text.strip_prefix('-') {
            Some(size) => self.written(true, size),
            None => self.written(false, &text),
        }
    }

    /// A whole number with grouped thousands.
    pub fn count(&self, value: i64) -> String {
        let mut out = String::new();
        if value < 0 {
            out.push(self.minus);
        }
        out.push_str(&self.group_digits(&value.unsigned_abs().to_string()));
        out
    }

    /// A fraction (0.01) as a percentage with `decimals` places (1.00%).
    pub fn percent(&self, fraction: f64, decimals: usize) -> String {
        format!("{}{}", self.fixed(fraction * 100.0, decimals), self.percent)
    }

    /// A ratio to three decimal places (2.857).
    pub fn ratio(&self, value: f64) -> String {
        self.fixed(value, 3)
    }

    /// `text` with its ASCII digits in this style's digits and `%` as its percent sign, the
    /// rest unchanged: for numbers the code writes as text rather than as a value (a period
    /// label such as `2024-03`, a year, a formula's constants).
    pub fn localize(&self, text: &str) -> String {
        text.chars()
            .fold(String::with_capacity(text.len()), |mut out, c| {
                match c {
                    '%' => out.push_str(self.percent),
                    c => out.push(self.digit(c)),
                }
                out
            })
    }

    fn group_digits(&self, ascii_digits: &str) -> String {
        let len = ascii_digits.len();
        let mut out = String::with_capacity(len + len / 3);
        for (i, c) in ascii_digits.chars().enumerate() {
            if i > 0 && (len - i) % 3 == 0 {
                out.push(self.group);
            }
            out.push(self.digit(c));
        }
        out
    }

    fn digit(&self, ascii: char) -> char {
        match (self.digits, ascii.to_digit(10)) {
            (Digits::Persian, Some(d)) => char::from_u32(0x06F0 + d).unwrap_or(ascii),
            _ => ascii,
        }
    }
}

/// The fewest decimals (at least 2, at most 8) that tell each bound of an interval apart from
/// the estimate when all three are written as percentages.
pub fn interval_decimals(estimate: f64, low: f64, high: f64) -> usize {
    let differs = |bound: f64, places: usize| {
        format!("{:.*}", places, bound * 100.0) != format!("{:.*}", places, estimate * 100.0)
    };
    let needed = |bound: f64| {
        if bound == estimate {
            return 2;
        }
        (2..=8).find(|&p| differs(bound, p)).unwrap_or(8)
    };
    needed(low).max(needed(high))
}

impl fmt::Display for NumberError {
    /// A plain English description, for logs and test messages; the page words errors
    /// through the string table instead.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumberError::Empty => write!(f, "empty"),
            NumberError::Unexpected { at, found } => write!(f, "unexpected {found:?} at {at}"),
            NumberError::Grouping { at } => write!(f, "misplaced separator at {at}"),
            NumberError::Negative => write!(f, "negative"),
            NumberError::Fraction => write!(f, "not a whole number"),
            NumberError::TooLarge => write!(f, "too large"),
            NumberError::Ambiguous { first, second } => {
                write!(f, "ambiguous: {first} or {second}")
            }
        }
    }
}

/// One character of a typed number after digit normalisation.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok {
    Digit(u8),
    Sep(char),
}

/// Characters that may separate digit groups or mark a decimal part.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ',' | '.'
            | '\''
            | '\u{2019}'
            | ' '
            | '\u{00A0}'
            | '\u{2009}'
            | '\u{202F}'
            | '\u{066B}'
            | '\u{066C}'
    )
}

/// The value of a Latin, Persian (U+06F0..) or Arabic-Indic (U+0660..) digit.
fn digit_value(c: char) -> Option<u8> {
    let zero = match c {
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}',
        '\u{0660}'..='\u{0669}' => '\u{0660}',
        _ => return c.to_digit(10).and_then(|d| u8::try_from(d).ok()),
    };
    u8::try_from(u32::from(c) - u32::from(zero)).ok()
}

/// The text without surrounding spaces, its sign, and its digits and separators with their
/// positions in the original text.
struct Scanned {
    negative: bool,
    toks: Vec<(usize, Tok)>,
}

fn scan(text: &str, allow_percent: bool) -> Result<Scanned, NumberError> {
    let chars: Vec<char> = text.chars().collect();
    let mut lo = 0;
    let mut hi = chars.len();
    while lo < hi && chars[lo].is_whitespace() {
        lo += 1;
    }
    while hi > lo && chars[hi - 1].is_whitespace() {
        hi -= 1;
    }
    if lo == hi {
        return Err(NumberError::Empty);
    }
    if allow_percent && matches!(chars[hi - 1], '%' | '\u{066A}') {
        hi -= 1;
        while hi > lo && chars[hi - 1].is_whitespace() {
            hi -= 1;
        }
    }
    let mut negative = false;
    if matches!(chars[lo], '-' | '\u{2212}' | '+') {
        negative = chars[lo] != '+';
        lo += 1;
    }
    let mut toks = Vec::with_capacity(hi - lo);
    for (at, &c) in chars.iter().enumerate().take(hi).skip(lo) {
        if let Some(d) = digit_value(c) {
            toks.push((at, Tok::Digit(d)));
        } else if is_separator(c) {
            toks.push((at, Tok::Sep(c)));
        } else {
            return Err(NumberError::Unexpected { at, found: c });
        }
    }
    if toks.is_empty() {
        return Err(NumberError::Unexpected {
            at: lo.saturating_sub(1),
            found: chars[lo.saturating_sub(1)],
        });
    }
    Ok(Scanned { negative, toks })
}

/// A run of digits and the separator before it (its position and character).
#[derive(Debug)]
struct Run {
    sep: Option<(usize, char)>,
    digits: Vec<u8>,
}

impl Run {
    fn sep_char(&self) -> Option<char> {
        self.sep.map(|(_, c)| c)
    }
}

/// Splits the digits at separators. Separators must stand between digits, one at a time.
fn runs(toks: &[(usize, Tok)]) -> Result<Vec<Run>, NumberError> {
    let mut out = vec![Run {
        sep: None,
        digits: Vec::new(),
    }];
    for &(at, tok) in toks {
        match tok {
            Tok::Digit(d) => {
                if let Some(run) = out.last_mut() {
                    run.digits.push(d);
                }
            }
            Tok::Sep(c) => {
                if out.last().is_none_or(|r| r.digits.is_empty()) {
                    return Err(NumberError::Grouping { at });
                }
                out.push(Run {
                    sep: Some((at, c)),
                    digits: Vec::new(),
                });
            }
        }
    }
    match out.last() {
        Some(Run {
            sep: Some((at, _)),
            digits,
        }) if digits.is_empty() => Err(NumberError::Grouping { at: *at }),
        _ => Ok(out),
    }
}

/// Reads runs as one grouped whole number: one run of any length, or a first run of one to
/// three digits followed by runs of exactly three, all after the same separator, which must be
/// in `groups`. Otherwise returns the position of the first separator that breaks the rule
/// (`usize::MAX` when the number overflows).
fn grouped(runs: &[Run], groups: &[char]) -> Result<u128, usize> {
    let first_sep = runs.get(1).and_then(Run::sep_char);
    if runs.len() > 1 && runs[0].digits.len() > 3 {
        return Err(runs[1].sep.map_or(0, |(at, _)| at));
    }
    for run in runs.iter().skip(1) {
        let (at, c) = run.sep.unwrap_or((0, ' '));
        let same = Some(c) == first_sep
            || (c.is_whitespace() && first_sep.is_some_and(char::is_whitespace));
        if !same || run.digits.len() != 3 || !groups.contains(&c) {
            return Err(at);
        }
    }
    let mut value: u128 = 0;
    for d in runs.iter().flat_map(|r| r.digits.iter()) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u128::from(*d)))
            .ok_or(usize::MAX)?;
    }
    Ok(value)
}

/// Every grouping sign a count field accepts, whatever the language.
const ANY_GROUP: [char; 9] = [
    ',', '.', '\'', '\u{2019}', ' ', '\u{00A0}', '\u{2009}', '\u{202F}', '\u{066C}',
];

/// Separators that can only ever mean a decimal part.
const DECIMAL_ONLY: [char; 1] = ['\u{066B}'];

/// Reads a customer count: a whole number, zero or more, with any grouping.
///
/// ```
/// use retention_lab::core::number::{parse_count, NumberError};
/// assert_eq!(parse_count(" ۱۰٬۰۰۰ "), Ok(10_000));
/// assert_eq!(parse_count("1.000"), Ok(1_000));
/// assert_eq!(parse_count("12.5"), Err(NumberError::Fraction));
/// ```
pub fn parse_count(text: &str) -> Result<u64, NumberError> {
    let scanned = scan(text, false)?;
    let runs = runs(&scanned.toks)?;
    let value = match grouped(&runs, &ANY_GROUP) {
        Ok(v) => v,
        Err(usize::MAX) => return Err(NumberError::TooLarge),
        Err(at) => {
            // A last separator that can be a decimal sign, after a well-formed whole part,
            // means the user typed a fraction.
            let last = &runs[runs.len() - 1];
            let decimal_sign = last
                .sep_char()
                .is_some_and(|c| matches!(c, '.' | ',') || DECIMAL_ONLY.contains(&c));
            let whole_ok = grouped(&runs[..runs.len() - 1], &ANY_GROUP).is_ok();
            let differs_from_group = runs.len() < 3 || runs[1].sep_char() != last.sep_char();
            if decimal_sign && whole_ok && differs_from_group {
                return Err(NumberError::Fraction);
            }
            return Err(NumberError::Grouping { at });
        }
    };
    if runs
        .iter()
        .any(|r| r.sep_char().is_some_and(|c| DECIMAL_ONLY.contains(&c)))
    {
        return Err(NumberError::Fraction);
    }
    if scanned.negative && value != 0 {
        return Err(NumberError::Negative);
    }
    u64::try_from(value).map_err(|_| NumberError::TooLarge)
}

/// An exactly typed decimal number: `units / 10^scale`. Comparisons that must not suffer
/// floating-point rounding (e.g. whether 20% equals 2 x (100% - 90%)) use it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Decimal {
    /// Stored as decimal text: JSON numbers stop at 64 bits.
    #[serde(with = "units_text")]
    pub units: i128,
    pub scale: u32,
}

/// [`Decimal::units`] as its decimal digits.
mod units_text {
    use serde::{de::Error as _, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(units: &i128, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(units)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i128, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(D::Error::custom)
    }
}

impl Decimal {
    /// A whole number.
    pub const fn whole(units: i128) -> Self {
        Decimal { units, scale: 0 }
    }

    /// The nearest f64 (ties to even): 0.1 becomes the f64 nearest to 0.1, not 1 / 10
    /// computed in floating point. The standard library's parser reads the digits with the
    /// scale as an exponent and rounds once, correctly, at any scale.
    pub fn to_f64(self) -> f64 {
        let sign = if self.units < 0 { "-" } else { "" };
        let digits = self.units.unsigned_abs();
        format!("{sign}{digits}e-{}", self.scale)
            .parse()
            .expect("digits with an exponent read as an f64")
    }

    /// Both numbers at the same scale, or `None` when that overflows.
    fn aligned(self, other: Decimal) -> Option<(i128, i128)> {
        // Amounts of one file mostly share their decimals: nothing to scale.
        if self.scale == other.scale {
            return Some((self.units, other.units));
        }
        let scale = self.scale.max(other.scale);
        let up = |d: Decimal| {
            10i128
                .checked_pow(scale - d.scale)
                .and_then(|f| d.units.checked_mul(f))
        };
        Some((up(self)?, up(other)?))
    }

    /// Exact comparison.
    pub fn cmp_exact(self, other: Decimal) -> Option<std::cmp::Ordering> {
        self.aligned(other).map(|(a, b)| a.cmp(&b))
    }

    /// Exact difference.
    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        self.aligned(other)
            .and_then(|(a, b)| a.checked_sub(b))
            .map(|units| Decimal { units, scale })
    }

    /// Exact sum, or `None` on overflow.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        self.aligned(other)
            .and_then(|(a, b)| a.checked_add(b))
            .map(|units| Decimal { units, scale })
    }

    /// Exact product with a whole number.
    pub fn times(self, k: i128) -> Option<Decimal> {
        self.units.checked_mul(k).map(|units| Decimal {
            units,
            scale: self.scale,
        })
    }

    /// The number written with exactly `decimals` decimals, `.` as the decimal sign and no
    /// grouping, as files are written; more decimals than that are rounded half away from
    /// zero.
    ///
    /// ```
    /// use retention_lab::core::number::Decimal;
    /// assert_eq!(Decimal { units: -205, scale: 1 }.to_text(2), "-20.50");
    /// assert_eq!(Decimal { units: 12345, scale: 3 }.to_text(2), "12.35");
    /// assert_eq!(Decimal::whole(7).to_text(0), "7");
    /// ```
    pub fn to_text(self, decimals: u32) -> String {
        // Fewer decimals than the number has: rounded. More: zeros written after its digits,
        // so that no multiplication can overflow.
        let (size, scale) = match self.scale.checked_sub(decimals) {
            Some(cut) if cut > 0 => {
                let size = 10u128
                    .checked_pow(cut)
                    .map_or(0, |f| self.units.unsigned_abs().saturating_add(f / 2) / f);
                (size, decimals)
            }
            _ => (self.units.unsigned_abs(), self.scale),
        };
        let sign = if self.units < 0 && size > 0 { "-" } else { "" };
        let text = format!("{size:0>width$}", width = scale as usize + 1);
        let (whole, frac) = text.split_at(text.len() - scale as usize);
        match decimals {
            0 => format!("{sign}{whole}"),
            _ => format!("{sign}{whole}.{frac:0<width$}", width = decimals as usize),
        }
    }
}

/// The most decimal places a typed decimal number may have.
const MAX_SCALE: usize = 18;

/// Reads a rate or money amount in the given language's style: its decimal sign or "." mark
/// the decimal part; its grouping sign (and spaces) group thousands. A trailing "%" is allowed
/// and ignored (the field says which unit it takes). Negative values are returned as such:
/// whether they are allowed is the field's business.
///
/// ```
/// use retention_lab::core::number::{parse_decimal, NumberStyle, NumberError};
/// assert_eq!(parse_decimal("1,5", &NumberStyle::VIETNAMESE), Ok(1.5));
/// assert_eq!(parse_decimal("1,000.25", &NumberStyle::ENGLISH), Ok(1000.25));
/// assert!(matches!(parse_decimal("1.000", &NumberStyle::VIETNAMESE), Err(NumberError::Ambiguous { .. })));
/// ```
pub fn parse_decimal(text: &str, style: &NumberStyle) -> Result<f64, NumberError> {
    parse_decimal_exact(text, style).map(Decimal::to_f64)
}

/// `text` as an exact decimal when it is written plainly: ASCII digits, an optional leading
/// `-`, and at most one `decimal` sign with digits after it (`-12.50` with `.`). Such a text
/// has one reading, which [`parse_decimal_exact`] gives too (a test holds them together); this
/// finds it without weighing the readings a typed number may have, for a file's many amounts.
/// `None` for any other text, which [`parse_decimal_exact`] then reads or explains.
pub fn parse_plain_decimal(text: &str, decimal: char) -> Option<Decimal> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = body.split_once(decimal).unwrap_or((body, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let plain = !whole.is_empty()
        && digits(whole)
        && digits(fraction)
        && (fraction.is_empty() == (whole.len() == body.len()))
        && fraction.len() <= MAX_SCALE;
    if !plain {
        return None;
    }
    let scale = fraction.len() as u32;
    let whole: i128 = whole.parse().ok()?;
    let fraction: i128 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().ok()?
    };
    let units = whole
        .checked_mul(10i128.checked_pow(scale)?)?
        .checked_add(fraction)?;
    Some(Decimal {
        units: if negative { -units } else { units },
        scale,
    })
}

/// [`parse_decimal`], keeping the typed digits exactly.
pub fn parse_decimal_exact(text: &str, style: &NumberStyle) -> Result<Decimal, NumberError> {
    let scanned = scan(text, true)?;
    let runs = runs(&scanned.toks)?;
    let groups: Vec<char> = [style.group, ' ', '\u{00A0}', '\u{2009}', '\u{202F}']
        .into_iter()
        .filter(|&c| c != style.decimal)
        .collect();
    let decimals = [style.decimal, '.', '\u{066B}'];
    let sign = if scanned.negative { -1 } else { 1 };

    let mut readings: Vec<Decimal> = Vec::new();
    // Reading 1: all separators group thousands.
    let whole = grouped(&runs, &groups);
    if let Ok(v) = whole {
        let units = i128::try_from(v).map_err(|_| NumberError::TooLarge)?;
        readings.push(Decimal::whole(units));
    }
    // Reading 2: the last separator is a decimal sign.
    let last = &runs[runs.len() - 1];
    if let Some(c) = last.sep_char().filter(|c| decimals.contains(c)) {
        let int_groups: Vec<char> = groups.iter().copied().filter(|&g| g != c).collect();
        if let Ok(int) = grouped(&runs[..runs.len() - 1], &int_groups) {
            if last.digits.len() > MAX_SCALE {
                return Err(NumberError::TooLarge);
            }
            let units = last
                .digits
                .iter()
                .try_fold(int, |acc, &d| {
                    acc.checked_mul(10)?.checked_add(u128::from(d))
                })
                .and_then(|u| i128::try_from(u).ok())
                .ok_or(NumberError::TooLarge)?;
            let reading = Decimal {
                units,
                scale: last.digits.len() as u32,
            };
            if readings
                .iter()
                .all(|r| r.cmp_exact(reading) != Some(std::cmp::Ordering::Equal))
            {
                readings.push(reading);
            }
        }
    }
    let signed = |d: Decimal| Decimal {
        units: sign * d.units,
        scale: d.scale,
    };
    match readings.as_slice() {
        [v] => Ok(signed(*v)),
        [a, b] => Err(NumberError::Ambiguous {
            first: signed(*a).to_f64(),
            second: signed(*b).to_f64(),
        }),
        _ => match whole {
            Err(usize::MAX) => Err(NumberError::TooLarge),
            Err(at) => Err(NumberError::Grouping { at }),
            Ok(_) => Err(NumberError::Grouping { at: 0 }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_written_exactly_in_each_style() {
        let d = Decimal {
            units: -12_345_678_901_234_567_890_123_456_789,
            scale: 2,
        };
        assert_eq!(
            NumberStyle::ENGLISH.money(d, 2),
            "-123,456,789,012,345,678,901,234,567.89"
        );
        assert_eq!(
            NumberStyle::VIETNAMESE.money(Decimal::whole(1500), 2),
            "1.500,00"
        );
        assert_eq!(NumberStyle::PERSIAN.money(Decimal::whole(0), 0), "۰");
        // More decimals than the number has never overflows, however large it is.
        let most = Decimal::whole(i128::MIN).to_text(18);
        assert_eq!(most, format!("{}.{}", i128::MIN, "0".repeat(18)));
        assert_eq!(
            Decimal {
                units: -4,
                scale: 1
            }
            .to_text(0),
            "0"
        );
    }

    #[test]
    fn count_table() {
        let cases: &[(&str, Result<u64, NumberError>)] = &[
            ("0", Ok(0)),
            ("1000", Ok(1000)),
            ("1,000", Ok(1000)),
            ("1.000", Ok(1000)),
            ("1 000", Ok(1000)),
            ("1\u{00A0}000", Ok(1000)),
            ("1\u{202F}000", Ok(1000)),
            ("1'000", Ok(1000)),
            ("۱۰٬۰۰۰", Ok(10_000)),
            ("١٠٬٠٠٠", Ok(10_000)),
            ("۱۰,۰۰۰", Ok(10_000)),
            ("17,000,000", Ok(17_000_000)),
            ("17.000.000", Ok(17_000_000)),
            ("  350  ", Ok(350)),
            ("+12", Ok(12)),
            ("-0", Ok(0)),
            ("007", Ok(7)),
            ("", Err(NumberError::Empty)),
            ("   ", Err(NumberError::Empty)),
            ("-5", Err(NumberError::Negative)),
            ("\u{2212}5", Err(NumberError::Negative)),
            ("-1,000", Err(NumberError::Negative)),
            ("12.5", Err(NumberError::Fraction)),
            ("1,5", Err(NumberError::Fraction)),
            ("1,000.5", Err(NumberError::Fraction)),
            ("1.000,50", Err(NumberError::Fraction)),
            ("۱۲٫۵", Err(NumberError::Fraction)),
            ("1,0000", Err(NumberError::Fraction)),
            ("abc", Err(NumberError::Unexpected { at: 0, found: 'a' })),
            ("12a", Err(NumberError::Unexpected { at: 2, found: 'a' })),
            ("1e5", Err(NumberError::Unexpected { at: 1, found: 'e' })),
            ("-", Err(NumberError::Unexpected { at: 0, found: '-' })),
            ("1,,000", Err(NumberError::Grouping { at: 2 })),
            (",100", Err(NumberError::Grouping { at: 0 })),
            ("100,", Err(NumberError::Grouping { at: 3 })),
            ("1,000.000", Err(NumberError::Fraction)),
            ("1 00", Err(NumberError::Grouping { at: 1 })),
            ("1000,000", Err(NumberError::Fraction)),
            ("1,000 000", Err(NumberError::Grouping { at: 5 })),
            ("99999999999999999999999", Err(NumberError::TooLarge)),
        ];
        for (text, expected) in cases {
            assert_eq!(&parse_count(text), expected, "parse_count({text:?})");
        }
    }

    #[test]
    fn decimal_table() {
        let en = NumberStyle::ENGLISH;
        let vi = NumberStyle::VIETNAMESE;
        let fa = NumberStyle::PERSIAN;
        let cases: &[(&str, NumberStyle, Result<f64, NumberError>)] = &[
            ("90", en, Ok(90.0)),
            ("90%", en, Ok(90.0)),
            ("12.5", en, Ok(12.5)),
            ("1,000.25", en, Ok(1000.25)),
            ("1,000", en, Ok(1000.0)),
            ("1.000", en, Ok(1.0)),
            ("-3.5", en, Ok(-3.5)),
            ("12,5", vi, Ok(12.5)),
            ("12.5", vi, Ok(12.5)),
            ("1.000,5", vi, Ok(1000.5)),
            (
                "1.000",
                vi,
                Err(NumberError::Ambiguous {
                    first: 1000.0,
                    second: 1.0,
                }),
            ),
            ("۱۲٫۵", fa, Ok(12.5)),
            ("۱۲.۵", fa, Ok(12.5)),
            ("۹۰٪", fa, Ok(90.0)),
            ("۱٬۰۰۰٫۵", fa, Ok(1000.5)),
            ("1,5", en, Err(NumberError::Grouping { at: 1 })),
            ("", en, Err(NumberError::Empty)),
            ("x", en, Err(NumberError::Unexpected { at: 0, found: 'x' })),
            ("1..5", en, Err(NumberError::Grouping { at: 2 })),
        ];
        for (text, style, expected) in cases {
            assert_eq!(
                &parse_decimal(text, style),
                expected,
                "parse_decimal({text:?}, {style:?})"
            );
        }
    }

    #[test]
    fn display_table() {
        let en = NumberStyle::ENGLISH;
        let vi = NumberStyle::VIETNAMESE;
        let fa = NumberStyle::PERSIAN;
        assert_eq!(en.count(17_510_000), "17,510,000");
        assert_eq!(en.count(-1_000), "-1,000");
        assert_eq!(en.count(999), "999");
        assert_eq!(en.fixed(17_510_000.5, 1), "17,510,000.5");
        assert_eq!(vi.fixed(17_510_000.5, 1), "17.510.000,5");
        assert_eq!(fa.fixed(17_510_000.5, 1), "۱۷٬۵۱۰٬۰۰۰٫۵");
        assert_eq!(en.percent(0.01, 2), "1.00%");
        assert_eq!(vi.percent(0.01, 2), "1,00%");
        assert_eq!(fa.percent(0.01, 2), "۱٫۰۰٪");
        assert_eq!(en.ratio(1000.0 / 350.0), "2.857");
        assert_eq!(en.percent(-0.00001, 2), "0.00%");
        assert_eq!(en.percent(-0.02, 2), "-2.00%");
        assert_eq!(en.fixed(f64::NAN, 2), "\u{2014}");
    }

    #[test]
    fn localize_table() {
        let cases: &[(NumberStyle, &str, &str)] = &[
            (NumberStyle::PERSIAN, "2024-03", "۲۰۲۴-۰۳"),
            (NumberStyle::PERSIAN, "2024-Q1", "۲۰۲۴-Q۱"),
            (NumberStyle::PERSIAN, "1 − (1 − c)^12", "۱ − (۱ − c)^۱۲"),
            (NumberStyle::PERSIAN, "dormant × 25%", "dormant × ۲۵٪"),
            (NumberStyle::PERSIAN, "۱۰٫۵٪ + 1", "۱۰٫۵٪ + ۱"),
            (NumberStyle::VIETNAMESE, "2024-03 − 100%", "2024-03 − 100%"),
            (NumberStyle::ENGLISH, "k12", "k12"),
        ];
        for (style, text, want) in cases {
            assert_eq!(style.localize(text), *want, "{text}");
        }
    }

    /// What a correct decimal parser (the standard library's) makes of the same digits.
    fn parsed(d: Decimal) -> f64 {
        let digits = d.units.unsigned_abs().to_string();
        let scale = d.scale as usize;
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (int, frac) = padded.split_at(padded.len() - scale);
        let sign = if d.units < 0 { "-" } else { "" };
        format!("{sign}{int}.{frac}0").parse().expect("digits")
    }

    #[test]
    fn decimals_become_the_nearest_f64() {
        let d = |units: i128, scale: u32| Decimal { units, scale }.to_f64();
        assert_eq!(d(1, 1), 0.1);
        assert_eq!(d(3, 1), 0.3);
        assert_eq!(d(-25, 2), -0.25);
        assert_eq!(d(0, 5), 0.0);
        assert_eq!(d(1, 18), 1e-18);
        assert_eq!(d(17_510_000, 0), 17_510_000.0);
        // 2^53 + 1 and 2^53 + 3 lie halfway between two f64s: ties go to the even one.
        assert_eq!(d(9_007_199_254_740_993, 0), 9_007_199_254_740_992.0);
        assert_eq!(d(9_007_199_254_740_995, 0), 9_007_199_254_740_996.0);
        // Just above the halfway point rounds up.
        assert_eq!(d(90_071_992_547_409_931, 1), 9_007_199_254_740_994.0);
        assert_eq!(d(i128::MAX, 0), 1.7014118346046923e38);
        assert_eq!(d(1, 38), 1e-38);
        assert_eq!(d(123_456_789_012_345_678, 18), 0.123_456_789_012_345_68);
    }

    proptest::proptest! {
        /// A plainly written amount reads the same through the quick path as through the
        /// full reading, in a style with a decimal point and one with a decimal comma; and
        /// what the quick path leaves, it leaves to the full reading.
        #[test]
        fn plain_decimals_read_as_the_full_reading_reads_them(
            text in "-?[0-9]{1,12}([.,][0-9]{0,6})?|[0-9 .,+-]{1,10}",
        ) {
            for style in [NumberStyle::ENGLISH, NumberStyle::VIETNAMESE] {
                if let Some(quick) = parse_plain_decimal(&text, style.decimal) {
                    proptest::prop_assert_eq!(Ok(quick), parse_decimal_exact(&text, &style), "{}", text);
                }
            }
        }

        #[test]
        fn decimals_agree_with_a_correct_parser(
            units in proptest::prelude::any::<i128>(),
            scale in 0u32..=38,
        ) {
            let d = Decimal { units, scale };
            proptest::prop_assert_eq!(d.to_f64().to_bits(), parsed(d).to_bits());
        }

        #[test]
        fn short_decimals_agree_with_a_correct_parser(
            units in -10_000_000_000_000_000_000i128..10_000_000_000_000_000_000,
            scale in 0u32..=18,
        ) {
            let d = Decimal { units, scale };
            proptest::prop_assert_eq!(d.to_f64().to_bits(), parsed(d).to_bits());
        }
    }

    #[test]
    fn plain_decimals_read_quickly_and_others_are_left() {
        let d = |units, scale| Some(Decimal { units, scale });
        assert_eq!(parse_plain_decimal("146.14", '.'), d(14614, 2));
        assert_eq!(parse_plain_decimal("-20", '.'), d(-20, 0));
        assert_eq!(parse_plain_decimal("0.0001", '.'), d(1, 4));
        assert_eq!(parse_plain_decimal("12,5", ','), d(125, 1));
        for left in [
            "", "-", "12.", ".5", "1,000.25", " 5", "+5", "5%", "۵", "1.2.3",
        ] {
            assert_eq!(parse_plain_decimal(left, '.'), None, "{left:?}");
        }
    }

    #[test]
    fn exact_decimals_compare_without_rounding() {
        let en = NumberStyle::ENGLISH;
        let a = parse_decimal_exact("20", &en).unwrap();
        let r = parse_decimal_exact("90.0", &en).unwrap();
        let twice_gap = Decimal::whole(100)
            .checked_sub(r)
            .and_then(|g| g.times(2))
            .unwrap();
        assert_eq!(a.cmp_exact(twice_gap), Some(std::cmp::Ordering::Equal));
        assert_eq!(parse_decimal_exact("0.1", &en).unwrap().to_f64(), 0.1);
        assert_eq!(parse_decimal_exact("-2.50", &en).unwrap().to_f64(), -2.5);
    }

    #[test]
    fn interval_decimals_table() {
        assert_eq!(interval_decimals(0.01, 0.009_952_7, 0.010_047_3), 3);
        assert_eq!(interval_decimals(0.15, 0.0524, 0.3604), 2);
        assert_eq!(interval_decimals(0.0, 0.0, 0.16), 2);
    }
}
