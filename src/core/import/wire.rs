//! The import worker's messages as compact text: the [`Options`] sent to it and the
//! [`Outcome`] it sends back. Both ends are built from the same source, so a message carries
//! no field names or versions. A generic serialiser made the page's wasm a third larger; this
//! hand-written codec costs a few kilobytes.
//!
//! Sessions also keep an import's outcome in this form, beside [`VERSION`]: any change to the
//! format or to the types it writes must raise it, so that a session saved before is read
//! again from its data rather than misread.
//!
//! Grammar: an unsigned or signed integer is its decimal digits followed by `,`; a string is
//! its length in bytes (an integer) followed by the bytes; a bool is 0 or 1; an `f64` is its
//! bit pattern (exact, NaN included); an `Option` or enum starts with a tag; a `Vec` with its
//! length.

use std::fmt::Write as _;

use super::counts::Warning;
use super::dates::{DateError, DateOrder};
use super::importer::{Dataset, DateQuestion, Options, Outcome};
use super::layout::{Format, Layout, Preview, Role};
use super::problem::{NumberErrorText, Problem, ProblemKind, Problems};
use super::tables::{CohortRow, Cohorts, FlowRow, Granularity, PeriodTable};
use crate::core::number::Decimal;

/// A message that does not decode: cut short, or not written by [`encode`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WireError {
    /// Byte offset where decoding stopped.
    pub at: usize,
}

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unreadable worker message (byte {})", self.at)
    }
}

/// Builds a message.
#[derive(Default)]
pub struct Writer(String);

impl Writer {
    pub fn uint(&mut self, n: u64) {
        let _ = write!(self.0, "{n},");
    }

    pub fn int(&mut self, n: i128) {
        let _ = write!(self.0, "{n},");
    }

    pub fn text(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.0.push_str(s);
    }
}

/// Reads a message from the start.
pub struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Reader { text, at: 0 }
    }

    /// The error for the current position.
    pub fn error(&self) -> WireError {
        WireError { at: self.at }
    }

    /// The digits (and sign) up to the next `,`, which is consumed.
    fn token(&mut self) -> Result<&'a str, WireError> {
        let rest = &self.text[self.at..];
        let end = rest.find(',').ok_or(self.error())?;
        self.at += end + 1;
        Ok(&rest[..end])
    }

    pub fn uint(&mut self) -> Result<u64, WireError> {
        let start = self.at;
        self.token()?.parse().map_err(|_| WireError { at: start })
    }

    pub fn int(&mut self) -> Result<i128, WireError> {
        let start = self.at;
        self.token()?.parse().map_err(|_| WireError { at: start })
    }

    pub fn text(&mut self) -> Result<String, WireError> {
        let len = usize::try_from(self.uint()?).map_err(|_| self.error())?;
        let end = self.at.checked_add(len).ok_or(self.error())?;
        // `get` also refuses an end inside a character.
        let s = self.text.get(self.at..end).ok_or(self.error())?;
        self.at = end;
        Ok(s.to_owned())
    }

    /// A tag or small number that must fit `T`.
    fn small<T: TryFrom<u64>>(&mut self) -> Result<T, WireError> {
        let start = self.at;
        T::try_from(self.uint()?).map_err(|_| WireError { at: start })
    }
}

/// A value that crosses between the page and the worker.
pub trait Wire: Sized {
    fn put(&self, w: &mut Writer);
    fn take(r: &mut Reader) -> Result<Self, WireError>;
}

/// The version of the format and of the types written in it, as sessions store it.
pub const VERSION: i64 = 1;

/// The message for `value`.
pub fn encode<T: Wire>(value: &T) -> String {
    let mut w = Writer::default();
    value.put(&mut w);
    w.0
}

/// The value of a whole message.
pub fn decode<T: Wire>(text: &str) -> Result<T, WireError> {
    let mut r = Reader::new(text);
    let value = T::take(&mut r)?;
    if r.at == text.len() {
        Ok(value)
    } else {
        Err(r.error())
    }
}

impl Wire for u64 {
    fn put(&self, w: &mut Writer) {
        w.uint(*self);
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        r.uint()
    }
}

impl Wire for u32 {
    fn put(&self, w: &mut Writer) {
        w.uint(u64::from(*self));
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        r.small()
    }
}

impl Wire for u8 {
    fn put(&self, w: &mut Writer) {
        w.uint(u64::from(*self));
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        r.small()
    }
}

impl Wire for usize {
    fn put(&self, w: &mut Writer) {
        w.uint(*self as u64);
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        r.small()
    }
}

impl Wire for bool {
    fn put(&self, w: &mut Writer) {
        w.uint(u64::from(*self));
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        match r.uint()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(r.error()),
        }
    }
}

impl Wire for char {
    fn put(&self, w: &mut Writer) {
        w.uint(u64::from(*self));
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        let start = r.at;
        char::from_u32(r.small()?).ok_or(WireError { at: start })
    }
}

impl Wire for f64 {
    fn put(&self, w: &mut Writer) {
        w.uint(self.to_bits());
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        r.uint().map(f64::from_bits)
    }
}

impl Wire for String {
    fn put(&self, w: &mut Writer) {
        w.text(self);
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        r.text()
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, w: &mut Writer) {
        match self {
            None => w.uint(0),
            Some(v) => {
                w.uint(1);
                v.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        match r.uint()? {
            0 => Ok(None),
            1 => T::take(r).map(Some),
            _ => Err(r.error()),
        }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        for v in self {
            v.put(w);
        }
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        let len: usize = r.small()?;
        // The length comes from the message: reserve no more than its remaining bytes allow.
        let mut out = Vec::with_capacity(len.min(r.text.len() - r.at));
        for _ in 0..len {
            out.push(T::take(r)?);
        }
        Ok(out)
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, w: &mut Writer) {
        self.0.put(w);
        self.1.put(w);
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        Ok((A::take(r)?, B::take(r)?))
    }
}

impl<T: Wire> Wire for Box<T> {
    fn put(&self, w: &mut Writer) {
        (**self).put(w);
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        T::take(r).map(Box::new)
    }
}

impl Wire for Decimal {
    fn put(&self, w: &mut Writer) {
        w.int(self.units);
        self.scale.put(w);
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        Ok(Decimal {
            units: r.int()?,
            scale: Wire::take(r)?,
        })
    }
}

/// Field-less enums: the variant's position in `ALL`.
macro_rules! unit_enum {
    ($t:ty: $($v:path),+ $(,)?) => {
        impl Wire for $t {
            fn put(&self, w: &mut Writer) {
                const ALL: &[$t] = &[$($v),+];
                let i = ALL.iter().position(|v| v == self).unwrap_or(0);
                w.uint(i as u64);
            }
            fn take(r: &mut Reader) -> Result<Self, WireError> {
                const ALL: &[$t] = &[$($v),+];
                let start = r.at;
                let i: usize = r.small()?;
                ALL.get(i).copied().ok_or(WireError { at: start })
            }
        }
    };
}

unit_enum!(Format: Format::Counts, Format::Series, Format::Transactions);
unit_enum!(DateOrder: DateOrder::DayFirst, DateOrder::MonthFirst);
unit_enum!(Granularity: Granularity::Month, Granularity::Quarter, Granularity::Year);
unit_enum!(
    Role: Role::Period,
    Role::Start,
    Role::New,
    Role::Lost,
    Role::Returning,
    Role::JoinedLeft,
    Role::End,
    Role::Customers,
    Role::CustomerId,
    Role::Date,
    Role::Amount,
);

impl Wire for Options {
    fn put(&self, w: &mut Writer) {
        self.layout.put(w);
        self.date_order.put(w);
        self.skip_bad_rows.put(w);
        self.decimal_comma.put(w);
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        Ok(Options {
            layout: Wire::take(r)?,
            date_order: Wire::take(r)?,
            skip_bad_rows: Wire::take(r)?,
            decimal_comma: Wire::take(r)?,
        })
    }
}

impl Wire for Layout {
    fn put(&self, w: &mut Writer) {
        self.format.put(w);
        self.delimiter.put(w);
        self.has_header.put(w);
        self.columns.put(w);
        self.names.put(w);
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        Ok(Layout {
            format: Wire::take(r)?,
            delimiter: Wire::take(r)?,
            has_header: Wire::take(r)?,
            columns: Wire::take(r)?,
            names: Wire::take(r)?,
        })
    }
}

impl Wire for Preview {
    fn put(&self, w: &mut Writer) {
        self.delimiter.put(w);
        self.rows.put(w);
        self.guess.put(w);
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        Ok(Preview {
            delimiter: Wire::take(r)?,
            rows: Wire::take(r)?,
            guess: Wire::take(r)?,
        })
    }
}

impl Wire for Outcome {
    fn put(&self, w: &mut Writer) {
        match self {
            Outcome::Done(d) => {
                w.uint(0);
                d.put(w);
            }
            Outcome::NeedLayout(p) => {
                w.uint(1);
                p.put(w);
            }
            Outcome::NeedDateOrder(q) => {
                w.uint(2);
                q.examples.put(w);
            }
            Outcome::Failed {
                layout,
                problems,
                rows,
            } => {
                w.uint(3);
                layout.put(w);
                problems.put(w);
                rows.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        Ok(match r.uint()? {
            0 => Outcome::Done(Wire::take(r)?),
            1 => Outcome::NeedLayout(Wire::take(r)?),
            2 => Outcome::NeedDateOrder(DateQuestion {
                examples: Wire::take(r)?,
            }),
            3 => Outcome::Failed {
                layout: Wire::take(r)?,
                problems: Wire::take(r)?,
                rows: Wire::take(r)?,
            },
            _ => return Err(r.error()),
        })
    }
}

impl Wire for Dataset {
    fn put(&self, w: &mut Writer) {
        self.layout.put(w);
        self.tables.put(w);
        self.rows.put(w);
        self.customers.put(w);
        self.skipped.put(w);
        self.warnings.put(w);
        self.date_order.put(w);
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        Ok(Dataset {
            layout: Wire::take(r)?,
            tables: Wire::take(r)?,
            rows: Wire::take(r)?,
            customers: Wire::take(r)?,
            skipped: Wire::take(r)?,
            warnings: Wire::take(r)?,
            date_order: Wire::take(r)?,
        })
    }
}

impl Wire for PeriodTable {
    fn put(&self, w: &mut Writer) {
        self.granularity.put(w);
        self.rows.put(w);
        self.cohorts.put(w);
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        Ok(PeriodTable {
            granularity: Wire::take(r)?,
            rows: Wire::take(r)?,
            cohorts: Wire::take(r)?,
        })
    }
}

impl Wire for FlowRow {
    fn put(&self, w: &mut Writer) {
        self.label.put(w);
        self.active.put(w);
        self.start.put(w);
        self.retained.put(w);
        self.new.put(w);
        self.returning.put(w);
        self.lost.put(w);
        self.joined_left.put(w);
        self.revenue.put(w);
        self.incomplete.put(w);
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        Ok(FlowRow {
            label: Wire::take(r)?,
            active: Wire::take(r)?,
            start: Wire::take(r)?,
            retained: Wire::take(r)?,
            new: Wire::take(r)?,
            returning: Wire::take(r)?,
            lost: Wire::take(r)?,
            joined_left: Wire::take(r)?,
            revenue: Wire::take(r)?,
            incomplete: Wire::take(r)?,
        })
    }
}

impl Wire for Cohorts {
    fn put(&self, w: &mut Writer) {
        self.rows.put(w);
        self.periods.put(w);
        self.incomplete_last.put(w);
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        Ok(Cohorts {
            rows: Wire::take(r)?,
            periods: Wire::take(r)?,
            incomplete_last: Wire::take(r)?,
        })
    }
}

impl Wire for CohortRow {
    fn put(&self, w: &mut Writer) {
        self.label.put(w);
        self.period.put(w);
        self.size.put(w);
        self.active.put(w);
        self.survivors.put(w);
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        Ok(CohortRow {
            label: Wire::take(r)?,
            period: Wire::take(r)?,
            size: Wire::take(r)?,
            active: Wire::take(r)?,
            survivors: Wire::take(r)?,
        })
    }
}

impl Wire for Warning {
    fn put(&self, w: &mut Writer) {
        let (tag, row, period, given, other) = match self {
            Warning::StartDiffers {
                row,
                period,
                given,
                previous_end,
            } => (0, row, period, given, previous_end),
            Warning::EndDiffers {
                row,
                period,
                given,
                computed,
            } => (1, row, period, given, computed),
        };
        w.uint(tag);
        row.put(w);
        period.put(w);
        given.put(w);
        other.put(w);
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        let start = r.at;
        let tag = r.uint()?;
        let (row, period, given, other) = (
            Wire::take(r)?,
            Wire::take(r)?,
            Wire::take(r)?,
            Wire::take(r)?,
        );
        match tag {
            0 => Ok(Warning::StartDiffers {
                row,
                period,
                given,
                previous_end: other,
            }),
            1 => Ok(Warning::EndDiffers {
                row,
                period,
                given,
                computed: other,
            }),
            _ => Err(WireError { at: start }),
        }
    }
}

impl Wire for Problems {
    fn put(&self, w: &mut Writer) {
        self.listed.put(w);
        self.total.put(w);
        self.bad_rows.put(w);
        self.first_bad_rows.put(w);
        self.file_problem.put(w);
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        // The bookkeeping of `push` is not sent: a received list is only read.
        let mut p = Problems::default();
        p.listed = Wire::take(r)?;
        p.total = Wire::take(r)?;
        p.bad_rows = Wire::take(r)?;
        p.first_bad_rows = Wire::take(r)?;
        p.file_problem = Wire::take(r)?;
        Ok(p)
    }
}

impl Wire for Problem {
    fn put(&self, w: &mut Writer) {
        self.row.put(w);
        self.column.put(w);
        self.value.put(w);
        self.kind.put(w);
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        Ok(Problem {
            row: Wire::take(r)?,
            column: Wire::take(r)?,
            value: Wire::take(r)?,
            kind: Wire::take(r)?,
        })
    }
}

impl Wire for ProblemKind {
    fn put(&self, w: &mut Writer) {
        use ProblemKind as K;
        match self {
            K::EmptyFile => w.uint(0),
            K::Utf16 => w.uint(1),
            K::NoData => w.uint(2),
            K::NotUtf8 => w.uint(3),
            K::FieldCount { found, expected } => {
                w.uint(4);
                found.put(w);
                expected.put(w);
            }
            K::Missing => w.uint(5),
            K::Number(e) => {
                w.uint(6);
                e.put(w);
            }
            K::Date(e) => {
                w.uint(7);
                e.put(w);
            }
            K::LostExceedsStart { start } => {
                w.uint(8);
                start.put(w);
            }
            K::JoinedLeftExceedsNew { new } => {
                w.uint(9);
                new.put(w);
            }
            K::FirstStartMissing => w.uint(10),
            K::DuplicatePeriod { first_row } => {
                w.uint(11);
                first_row.put(w);
            }
            K::SpanTooLong {
                first,
                first_row,
                last,
                last_row,
                limit_years,
            } => {
                w.uint(12);
                first.put(w);
                first_row.put(w);
                last.put(w);
                last_row.put(w);
                limit_years.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        use ProblemKind as K;
        Ok(match r.uint()? {
            0 => K::EmptyFile,
            1 => K::Utf16,
            2 => K::NoData,
            3 => K::NotUtf8,
            4 => K::FieldCount {
                found: Wire::take(r)?,
                expected: Wire::take(r)?,
            },
            5 => K::Missing,
            6 => K::Number(Wire::take(r)?),
            7 => K::Date(Wire::take(r)?),
            8 => K::LostExceedsStart {
                start: Wire::take(r)?,
            },
            9 => K::JoinedLeftExceedsNew {
                new: Wire::take(r)?,
            },
            10 => K::FirstStartMissing,
            11 => K::DuplicatePeriod {
                first_row: Wire::take(r)?,
            },
            12 => K::SpanTooLong {
                first: Wire::take(r)?,
                first_row: Wire::take(r)?,
                last: Wire::take(r)?,
                last_row: Wire::take(r)?,
                limit_years: Wire::take(r)?,
            },
            _ => return Err(r.error()),
        })
    }
}

impl Wire for NumberErrorText {
    fn put(&self, w: &mut Writer) {
        use NumberErrorText as E;
        match self {
            E::Empty => w.uint(0),
            E::Unexpected { at, found } => {
                w.uint(1);
                at.put(w);
                found.put(w);
            }
            E::Grouping { at } => {
                w.uint(2);
                at.put(w);
            }
            E::Negative => w.uint(3),
            E::Fraction => w.uint(4),
            E::TooLarge => w.uint(5),
            E::Ambiguous { first, second } => {
                w.uint(6);
                first.put(w);
                second.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        use NumberErrorText as E;
        Ok(match r.uint()? {
            0 => E::Empty,
            1 => E::Unexpected {
                at: Wire::take(r)?,
                found: Wire::take(r)?,
            },
            2 => E::Grouping { at: Wire::take(r)? },
            3 => E::Negative,
            4 => E::Fraction,
            5 => E::TooLarge,
            6 => E::Ambiguous {
                first: Wire::take(r)?,
                second: Wire::take(r)?,
            },
            _ => return Err(r.error()),
        })
    }
}

impl Wire for DateError {
    fn put(&self, w: &mut Writer) {
        use DateError as E;
        match self {
            E::NotADate => w.uint(0),
            E::TwoDigitYear => w.uint(1),
            E::Month { month } => {
                w.uint(2);
                month.put(w);
            }
            E::Day { year, month, day } => {
                w.uint(3);
                year.put(w);
                month.put(w);
                day.put(w);
            }
            E::NoMonth { first, second } => {
                w.uint(4);
                first.put(w);
                second.put(w);
            }
            E::EarlyYear { year, hijri } => {
                w.uint(5);
                year.put(w);
                hijri.put(w);
            }
            E::Time => w.uint(6),
            E::OrderConflict {
                order,
                decided_row,
                decided_text,
            } => {
                w.uint(7);
                order.put(w);
                decided_row.put(w);
                decided_text.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> Result<Self, WireError> {
        use DateError as E;
        Ok(match r.uint()? {
            0 => E::NotADate,
            1 => E::TwoDigitYear,
            2 => E::Month {
                month: Wire::take(r)?,
            },
            3 => E::Day {
                year: Wire::take(r)?,
                month: Wire::take(r)?,
                day: Wire::take(r)?,
            },
            4 => E::NoMonth {
                first: Wire::take(r)?,
                second: Wire::take(r)?,
            },
            5 => E::EarlyYear {
                year: Wire::take(r)?,
                hijri: Wire::take(r)?,
            },
            6 => E::Time,
            7 => E::OrderConflict {
                order: Wire::take(r)?,
                decided_row: Wire::take(r)?,
                decided_text: Wire::take(r)?,
            },
            _ => return Err(r.error()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::importer::import_text;
    use crate::core::import::samples::Sample;

    fn round_trip(outcome: &Outcome) {
        let text = encode(outcome);
        assert_eq!(decode::<Outcome>(&text).as_ref(), Ok(outcome), "{text}");
    }

    #[test]
    fn samples_and_options_round_trip() {
        for sample in Sample::ALL {
            for skip_bad_rows in [false, true] {
                let options = Options {
                    skip_bad_rows,
                    ..Options::default()
                };
                assert_eq!(decode::<Options>(&encode(&options)), Ok(options.clone()));
                round_trip(&import_text(sample.text().as_bytes(), options));
            }
        }
    }

    #[test]
    fn every_kind_of_problem_round_trips() {
        let kinds = vec![
            ProblemKind::EmptyFile,
            ProblemKind::FieldCount {
                found: 3,
                expected: usize::MAX,
            },
            ProblemKind::Number(NumberErrorText::Unexpected {
                at: 2, found: '€'
            }),
            ProblemKind::Number(NumberErrorText::Ambiguous {
                first: 0.1 + 0.2,
                second: f64::MAX,
            }),
            ProblemKind::Date(DateError::OrderConflict {
                order: DateOrder::MonthFirst,
                decided_row: 7,
                decided_text: "05/03/2024 \u{201c},1,\u{201d}".into(),
            }),
            ProblemKind::Date(DateError::EarlyYear {
                year: 1403,
                hijri: true,
            }),
            ProblemKind::SpanTooLong {
                first: "1950-06-15".into(),
                first_row: 3,
                last: "2024-01-01".into(),
                last_row: 2,
                limit_years: 50,
            },
        ];
        let mut problems = Problems::default();
        for (i, kind) in kinds.into_iter().enumerate() {
            problems.push(Problem::cell(i as u64 + 2, "amount".into(), b"1,5", kind));
        }
        problems.push(Problem::file(ProblemKind::Utf16));
        let outcome = Outcome::Failed {
            layout: None,
            problems: problems.clone(),
            rows: u64::MAX,
        };
        // `push`'s bookkeeping is not sent, so the fields that are sent are compared.
        let Ok(Outcome::Failed {
            layout: None,
            problems: back,
            rows: u64::MAX,
        }) = decode(&encode(&outcome))
        else {
            panic!("not a failure");
        };
        assert_eq!(back.listed, problems.listed);
        assert_eq!(back.total, problems.total);
        assert_eq!(back.bad_rows, problems.bad_rows);
        assert_eq!(back.first_bad_rows, problems.first_bad_rows);
        assert_eq!(back.file_problem, problems.file_problem);
    }

    #[test]
    fn broken_messages_are_errors() {
        let text = encode(&import_text(
            Sample::Counts.text().as_bytes(),
            Options::default(),
        ));
        for cut in 0..text.len() {
            if text.is_char_boundary(cut) {
                assert!(decode::<Outcome>(&text[..cut]).is_err(), "cut at {cut}");
            }
        }
        assert!(decode::<Outcome>(&format!("{text}0,")).is_err());
        assert!(decode::<Outcome>("9,").is_err());
    }
}
