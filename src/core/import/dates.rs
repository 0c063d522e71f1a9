//! Dates as order exports write them: 2024-03-05, 20240305, 2024-03, 05/03/2024, 05.03.2024,
//! each with or without a time. The date as written counts: a time and an offset are checked,
//! then ignored.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which field of a `05/03/2024` date is the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateOrder {
    /// 05/03/2024 is 5 March.
    DayFirst,
    /// 05/03/2024 is May 3.
    MonthFirst,
}

/// A calendar date; `day` is 0 for a month-only date (2024-03).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Ymd {
    /// Months since year 0: the index the period tables are built on.
    pub fn month_index(self) -> u32 {
        u32::from(self.year) * 12 + u32::from(self.month) - 1
    }
}

/// A date whose day/month order is known, or one that reads the same way under both orders
/// only up to which field is the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateRead {
    Known(Ymd),
    /// `first/second/year` read without a given order, where a field above 12 shows which
    /// field is the day: the file's other such dates must follow `order`.
    Shows {
        date: Ymd,
        order: DateOrder,
    },
    /// `first/second/year` with both fields at most 12 and different: the order decides.
    Either {
        year: u16,
        first: u8,
        second: u8,
    },
}

/// Why a text is not a date the import takes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateError {
    /// Not one of the accepted forms.
    NotADate,
    /// A year written with two digits (05/03/24): the century would be a guess.
    TwoDigitYear,
    /// A month outside 1..12.
    Month { month: u32 },
    /// A day that the month does not have.
    Day { year: u32, month: u32, day: u32 },
    /// Both fields of `a/b/yyyy` are above 12, so neither can be the month.
    NoMonth { first: u32, second: u32 },
    /// A year before 1700; `hijri` when it looks like a Solar Hijri (Persian calendar) year.
    EarlyYear { year: u32, hijri: bool },
    /// Text after the date that is not a time of day (with an optional offset).
    Time,
    /// In a file whose dates put the `order` field first (decided by an earlier row), this
    /// date's would-be month is above 12.
    OrderConflict {
        order: DateOrder,
        decided_row: u64,
        decided_text: String,
    },
}

/// The first year the import takes; earlier years are another calendar or a typo.
pub const FIRST_YEAR: u32 = 1700;

fn digit(b: u8) -> Option<u32> {
    b.is_ascii_digit().then(|| u32::from(b - b'0'))
}

fn number(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    bytes
        .iter()
        .try_fold(0, |acc, &b| Some(acc * 10 + digit(b)?))
}

fn check_year(year: u32) -> Result<u16, DateError> {
    if year < FIRST_YEAR {
        return Err(DateError::EarlyYear {
            year,
            hijri: (1300..1500).contains(&year),
        });
    }
    Ok(year as u16)
}

/// Checks a year, month and day (0 = month only) and returns the date.
pub fn ymd(year: u32, month: u32, day: u32) -> Result<Ymd, DateError> {
    let year16 = check_year(year)?;
    if !(1..=12).contains(&month) {
        return Err(DateError::Month { month });
    }
    // Every month has 28 days; only later days need the calendar.
    if day > 28 && NaiveDate::from_ymd_opt(year as i32, month, day).is_none() {
        return Err(DateError::Day { year, month, day });
    }
    Ok(Ymd {
        year: year16,
        month: month as u8,
        day: day as u8,
    })
}

/// [`ymd`] for a date with a day: day 0 does not exist.
fn full(year: u32, month: u32, day: u32) -> Result<Ymd, DateError> {
    if day == 0 {
        check_year(year)?;
        return Err(DateError::Day { year, month, day });
    }
    ymd(year, month, day)
}

/// The last day of a month.
pub fn month_days(year: u16, month: u8) -> u8 {
    let (y, m) = if month == 12 {
        (i32::from(year) + 1, 1)
    } else {
        (i32::from(year), u32::from(month) + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .map_or(31, |d| chrono::Datelike::day(&d) as u8)
}

/// Checks what follows a date: nothing, or `T`/space, a time `H:MM[:SS[.fff]]`, an optional
/// ` AM`/` PM`, and an optional offset `Z`, `±HH`, `±HHMM`, `±HH:MM` or ` UTC`.
fn check_time(rest: &[u8]) -> Result<(), DateError> {
    if rest.is_empty() {
        return Ok(());
    }
    let rest = match rest[0] {
        b'T' | b't' | b' ' => &rest[1..],
        _ => return Err(DateError::Time),
    };
    let mut i = 0;
    let part = |i: &mut usize, min: usize, max: usize| -> Result<u32, DateError> {
        let s = *i;
        while *i < rest.len() && rest[*i].is_ascii_digit() && *i - s < max {
            *i += 1;
        }
        if *i - s < min {
            return Err(DateError::Time);
        }
        number(&rest[s..*i]).ok_or(DateError::Time)
    };
    let hour = part(&mut i, 1, 2)?;
    if rest.get(i) != Some(&b':') {
        return Err(DateError::Time);
    }
    i += 1;
    let minute = part(&mut i, 2, 2)?;
    let mut second = 0;
    if rest.get(i) == Some(&b':') {
        i += 1;
        second = part(&mut i, 2, 2)?;
        if rest.get(i).is_some_and(|&b| b == b'.' || b == b',') {
            i += 1;
            let s = i;
            while i < rest.len() && rest[i].is_ascii_digit() {
                i += 1;
            }
            if i == s {
                return Err(DateError::Time);
            }
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return Err(DateError::Time);
    }
    let mut tail = &rest[i..];
    let trimmed = trim_start(tail);
    if trimmed.len() >= 2 && matches!(&trimmed[..2], b"AM" | b"PM" | b"am" | b"pm") {
        if hour == 0 || hour > 12 {
            return Err(DateError::Time);
        }
        tail = &trimmed[2..];
    }
    let tail = trim_start(tail);
    match tail {
        [] | b"Z" | b"z" | b"UTC" | b"GMT" => Ok(()),
        [b'+' | b'-', offset @ ..] => {
            let ok = match offset {
                [a, b] => number(&[*a, *b]).is_some_and(|h| h <= 14),
                [a, b, c, d] | [a, b, b':', c, d] => {
                    number(&[*a, *b]).is_some_and(|h| h <= 14)
                        && number(&[*c, *d]).is_some_and(|m| m <= 59)
                }
                _ => false,
            };
            if ok {
                Ok(())
            } else {
                Err(DateError::Time)
            }
        }
        _ => Err(DateError::Time),
    }
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|&&c| c == b' ').count();
    &b[n..]
}

/// Splits `a<sep>b<sep>c` at the first non-digit, returning the digit runs and the rest.
fn three_parts(text: &[u8], sep: u8) -> Option<([&[u8]; 3], &[u8])> {
    let mut parts: [&[u8]; 3] = [&[], &[], &[]];
    let mut rest = text;
    for (k, slot) in parts.iter_mut().enumerate() {
        let n = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        *slot = &rest[..n];
        rest = &rest[n..];
        if k < 2 {
            if rest.first() != Some(&sep) {
                return None;
            }
            rest = &rest[1..];
        }
    }
    Some((parts, rest))
}

/// Reads a date. With `order` given, `05/03/2024` forms resolve at once; without it they
/// come back as [`DateRead::Either`], or as [`DateRead::Shows`] when a field above 12 decides
/// (two equal fields read the same either way: [`DateRead::Known`]).
///
/// ```
/// use retention_lab::core::import::dates::{read_date, DateOrder, DateRead, Ymd};
/// let d = Ymd { year: 2024, month: 3, day: 5 };
/// assert_eq!(read_date(b"2024-03-05T10:00:00+07:00", None), Ok(DateRead::Known(d)));
/// assert_eq!(read_date(b"20240305", None), Ok(DateRead::Known(d)));
/// let shows = DateRead::Shows { date: Ymd { day: 25, ..d }, order: DateOrder::DayFirst };
/// assert_eq!(read_date(b"25/03/2024", None), Ok(shows));
/// ```
pub fn read_date(text: &[u8], order: Option<DateOrder>) -> Result<DateRead, DateError> {
    let text = trim(text);
    // The common export form first, read straight from its digits.
    if text.len() >= 7 && text[4] == b'-' {
        if let (Some(y), Some(m)) = (number(&text[..4]), number(&text[5..7])) {
            if text.len() == 7 {
                return ymd(y, m, 0).map(DateRead::Known);
            }
            if text.len() >= 10 && text[7] == b'-' {
                if let Some(d) = number(&text[8..10]) {
                    let date = full(y, m, d)?;
                    check_time(&text[10..])?;
                    return Ok(DateRead::Known(date));
                }
            }
        }
    }
    if text.len() >= 8 && text[..8].iter().all(u8::is_ascii_digit) {
        let (y, m, d) = (
            number(&text[..4]).unwrap_or(0),
            number(&text[4..6]).unwrap_or(0),
            number(&text[6..8]).unwrap_or(0),
        );
        let date = full(y, m, d)?;
        check_time(&text[8..])?;
        return Ok(DateRead::Known(date));
    }
    for sep in [b'/', b'.', b'-'] {
        let Some(([a, b, c], rest)) = three_parts(text, sep) else {
            continue;
        };
        if a.len() == 4 {
            // Year first: 2024/03/05 is never day-first.
            let date = full(
                number(a).unwrap_or(0),
                number(b).unwrap_or(0),
                number(c).unwrap_or(0),
            )?;
            check_time(rest)?;
            return Ok(DateRead::Known(date));
        }
        if a.len() > 2 || b.len() > 2 {
            return Err(DateError::NotADate);
        }
        if c.len() == 2 {
            return Err(DateError::TwoDigitYear);
        }
        if c.len() != 4 {
            return Err(DateError::NotADate);
        }
        let (first, second, year) = (
            number(a).unwrap_or(0),
            number(b).unwrap_or(0),
            number(c).unwrap_or(0),
        );
        check_year(year)?;
        check_time(rest)?;
        if let Some(o) = order {
            return resolve(year as u16, first, second, o).map(DateRead::Known);
        }
        if first > 12 && second > 12 {
            return Err(DateError::NoMonth { first, second });
        }
        if first == 0 || second == 0 {
            // A zero is neither a day nor a month, so no order makes the date real: say so
            // now instead of asking which order the file uses.
            return resolve(year as u16, first, second, DateOrder::DayFirst).map(DateRead::Known);
        }
        if first == second {
            let date = resolve(year as u16, first, second, DateOrder::MonthFirst)?;
            return Ok(DateRead::Known(date));
        }
        // The caller must learn the order a field above 12 proves, so that the file's other
        // dates are read the same way (and one written the other way is caught).
        return match order_hint(first as u8, second as u8) {
            Some(o) => resolve(year as u16, first, second, o)
                .map(|date| DateRead::Shows { date, order: o }),
            None => Ok(DateRead::Either {
                year: year as u16,
                first: first as u8,
                second: second as u8,
            }),
        };
    }
    Err(DateError::NotADate)
}

/// The date `first/second/year` under `order`.
pub fn resolve(year: u16, first: u32, second: u32, order: DateOrder) -> Result<Ymd, DateError> {
    let (day, month) = match order {
        DateOrder::DayFirst => (first, second),
        DateOrder::MonthFirst => (second, first),
    };
    full(u32::from(year), month, day)
}

/// The order a `first/second` pair proves, if any.
pub fn order_hint(first: u8, second: u8) -> Option<DateOrder> {
    if first > 12 {
        Some(DateOrder::DayFirst)
    } else if second > 12 {
        Some(DateOrder::MonthFirst)
    } else {
        None
    }
}

fn trim(b: &[u8]) -> &[u8] {
    let start = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    let end = b.len()
        - b.iter()
            .rev()
            .take_while(|c| c.is_ascii_whitespace())
            .count();
    if start >= end {
        &[]
    } else {
        &b[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(y: u16, m: u8, d: u8) -> Result<DateRead, DateError> {
        Ok(DateRead::Known(Ymd {
            year: y,
            month: m,
            day: d,
        }))
    }

    fn shows(y: u16, m: u8, d: u8, order: DateOrder) -> Result<DateRead, DateError> {
        let date = Ymd {
            year: y,
            month: m,
            day: d,
        };
        Ok(DateRead::Shows { date, order })
    }

    #[test]
    fn accepted_forms() {
        let cases: &[(&str, Option<DateOrder>, Result<DateRead, DateError>)] = &[
            ("2024-03-05", None, known(2024, 3, 5)),
            (" 2024-03-05 ", None, known(2024, 3, 5)),
            ("2024-03", None, known(2024, 3, 0)),
            ("20240305", None, known(2024, 3, 5)),
            ("2024/03/05", None, known(2024, 3, 5)),
            ("2024.3.5", None, known(2024, 3, 5)),
            ("2024-03-05T23:59:59Z", None, known(2024, 3, 5)),
            ("2024-03-05T23:30:00-05:00", None, known(2024, 3, 5)),
            ("2024-03-05 23:30", None, known(2024, 3, 5)),
            ("2024-03-05 23:30:00.123 +0700", None, known(2024, 3, 5)),
            ("2024-03-05 23:30:00 UTC", None, known(2024, 3, 5)),
            ("25/03/2024", None, shows(2024, 3, 25, DateOrder::DayFirst)),
            (
                "03/25/2024",
                None,
                shows(2024, 3, 25, DateOrder::MonthFirst),
            ),
            ("25/03/2024", Some(DateOrder::DayFirst), known(2024, 3, 25)),
            ("05.05.2024", None, known(2024, 5, 5)),
            (
                "5/3/2024 10:15 PM",
                Some(DateOrder::MonthFirst),
                known(2024, 5, 3),
            ),
            ("05.03.2024", Some(DateOrder::DayFirst), known(2024, 3, 5)),
            (
                "05/03/2024",
                None,
                Ok(DateRead::Either {
                    year: 2024,
                    first: 5,
                    second: 3,
                }),
            ),
        ];
        for (text, order, want) in cases {
            assert_eq!(&read_date(text.as_bytes(), *order), want, "{text}");
        }
    }

    #[test]
    fn rejected_forms() {
        use DateError::*;
        let cases: &[(&str, DateError)] = &[
            ("", NotADate),
            ("March 5", NotADate),
            ("2024-13-01", Month { month: 13 }),
            (
                "2024-02-30",
                Day {
                    year: 2024,
                    month: 2,
                    day: 30,
                },
            ),
            (
                "2023-02-29",
                Day {
                    year: 2023,
                    month: 2,
                    day: 29,
                },
            ),
            (
                "2024-03-00",
                Day {
                    year: 2024,
                    month: 3,
                    day: 0,
                },
            ),
            (
                "20240300",
                Day {
                    year: 2024,
                    month: 3,
                    day: 0,
                },
            ),
            (
                "1403-01-15",
                EarlyYear {
                    year: 1403,
                    hijri: true,
                },
            ),
            (
                "1066-10-14",
                EarlyYear {
                    year: 1066,
                    hijri: false,
                },
            ),
            ("05/03/24", TwoDigitYear),
            (
                "00/05/2024",
                Day {
                    year: 2024,
                    month: 5,
                    day: 0,
                },
            ),
            ("05/00/2024", Month { month: 0 }),
            (
                "25/13/2024",
                NoMonth {
                    first: 25,
                    second: 13,
                },
            ),
            ("2024-03-05 25:00", Time),
            ("2024-03-05 noon", Time),
            ("2024-03-05T10:00+7", Time),
        ];
        for (text, want) in cases {
            assert_eq!(
                read_date(text.as_bytes(), None),
                Err(want.clone()),
                "{text}"
            );
        }
    }

    #[test]
    fn month_lengths() {
        assert_eq!(month_days(2024, 2), 29);
        assert_eq!(month_days(2023, 2), 28);
        assert_eq!(month_days(2024, 12), 31);
        assert_eq!(month_days(2024, 4), 30);
    }
}
