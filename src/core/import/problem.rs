//! What is wrong with an imported file, and where: the row as a spreadsheet numbers it
//! (header = row 1), the column's name and the offending value.

use serde::{Deserialize, Serialize};

use super::dates::DateError;
use crate::core::number::NumberError;

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ProblemKind {
    /// The file has no bytes, or only blank lines.
    EmptyFile,
    /// The file is UTF-16 (a spreadsheet's "Unicode text"), not UTF-8: it starts with
    /// UTF-16's byte-order mark, or its first bytes have a NUL in every other byte.
    Utf16,
    /// The file starts with the signature of an image, a document or an archive: it is not
    /// a CSV text file at all.
    NotText(Signature),
    /// The first row (the header) does not end within the first `limit` bytes, the most
    /// that is read to find the columns; `columns` were counted in them.
    HeaderTooLong { limit: u64, columns: u64 },
    /// The file has a single column and it holds dates (`example` the first of them): a
    /// date alone says nothing about customers.
    DatesOnly { example: String },
    /// A header and no data rows.
    NoData,
    /// A cell's bytes are not UTF-8 text.
    NotUtf8,
    /// A cell holds a NUL byte (a binary file, or text in another encoding).
    Nul,
    /// A quote opened at the problem's row and column is never closed: the `rows_after` rows
    /// after it would all be read as one value. A problem of the whole file.
    UnclosedQuote { rows_after: u64 },
    /// A row has a different number of fields than the header.
    FieldCount { found: usize, expected: usize },
    /// A required cell is empty.
    Missing,
    /// A count that does not read as one.
    Number(NumberErrorText),
    /// An amount (money, possibly with decimals) that does not read as one.
    Amount(NumberErrorText),
    /// An amount with more decimals than `max` (a digit past them that is not zero).
    AmountDecimals { decimals: u32, max: u32 },
    /// A date that does not read as one.
    Date(DateError),
    /// Lost customers more than the period's start.
    LostExceedsStart { start: u64 },
    /// Joined-and-left more than the period's new customers.
    JoinedLeftExceedsNew { new: u64 },
    /// The first row of a counts file has no start.
    FirstStartMissing,
    /// A period label used twice; `first_row` is the earlier one.
    DuplicatePeriod { first_row: u64 },
    /// The dates span more months than the tables hold; `first`/`last` are the extreme dates
    /// with their rows.
    SpanTooLong {
        first: String,
        first_row: u64,
        last: String,
        last_row: u64,
        limit_years: u32,
    },
}

/// What a file that is not text starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Signature {
    Png,
    Jpeg,
    Gif,
    Pdf,
    /// A ZIP archive, which is also what an `.xlsx` or `.ods` spreadsheet is.
    Zip,
    Gzip,
}

impl Signature {
    /// Every signature, with the bytes a file of its kind starts with.
    const ALL: [(Signature, &'static [u8]); 9] = [
        (Signature::Png, b"\x89PNG\r\n\x1a\n"),
        (Signature::Jpeg, b"\xff\xd8\xff"),
        (Signature::Gif, b"GIF87a"),
        (Signature::Gif, b"GIF89a"),
        (Signature::Pdf, b"%PDF-"),
        (Signature::Zip, b"PK\x03\x04"),
        (Signature::Zip, b"PK\x05\x06"),
        (Signature::Zip, b"PK\x07\x08"),
        (Signature::Gzip, b"\x1f\x8b"),
    ];

    /// The kind of file `head` (the first bytes of a file) starts as, if it is a known one.
    pub fn of(head: &[u8]) -> Option<Signature> {
        Signature::ALL
            .iter()
            .find(|(_, magic)| head.starts_with(magic))
            .map(|&(s, _)| s)
    }
}

/// [`NumberError`] in a serialisable form (its f64 fields stay as numbers).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum NumberErrorText {
    Empty,
    Unexpected { at: usize, found: char },
    Grouping { at: usize },
    Negative,
    Fraction,
    TooLarge,
    Ambiguous { first: f64, second: f64 },
}

impl From<NumberError> for NumberErrorText {
    fn from(e: NumberError) -> Self {
        match e {
            NumberError::Empty => NumberErrorText::Empty,
            NumberError::Unexpected { at, found } => NumberErrorText::Unexpected { at, found },
            NumberError::Grouping { at } => NumberErrorText::Grouping { at },
            NumberError::Negative => NumberErrorText::Negative,
            NumberError::Fraction => NumberErrorText::Fraction,
            NumberError::TooLarge => NumberErrorText::TooLarge,
            NumberError::Ambiguous { first, second } => {
                NumberErrorText::Ambiguous { first, second }
            }
        }
    }
}

impl From<NumberErrorText> for NumberError {
    fn from(e: NumberErrorText) -> Self {
        match e {
            NumberErrorText::Empty => NumberError::Empty,
            NumberErrorText::Unexpected { at, found } => NumberError::Unexpected { at, found },
            NumberErrorText::Grouping { at } => NumberError::Grouping { at },
            NumberErrorText::Negative => NumberError::Negative,
            NumberErrorText::Fraction => NumberError::Fraction,
            NumberErrorText::TooLarge => NumberError::TooLarge,
            NumberErrorText::Ambiguous { first, second } => {
                NumberError::Ambiguous { first, second }
            }
        }
    }
}

/// One problem: where, the value as written (shortened) and what is wrong.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// Spreadsheet row; `None` for the file as a whole.
    pub row: Option<u64>,
    /// The column's name (header text, or "column C" without a header).
    pub column: Option<String>,
    /// The cell's text, at most [`VALUE_CHARS`] characters.
    pub value: Option<String>,
    pub kind: ProblemKind,
}

/// How much of an offending value a message quotes.
pub const VALUE_CHARS: usize = 40;
/// How many problems are listed; the rest are counted.
pub const LISTED: usize = 20;
/// How many rows with problems are kept by number. Leaving the rows out is offered only when
/// all of them are, so that the offer and the results can name every row left out.
pub const ROWS_LISTED: usize = 1000;

impl Problem {
    /// A problem with the whole file.
    pub fn file(kind: ProblemKind) -> Self {
        Problem {
            row: None,
            column: None,
            value: None,
            kind,
        }
    }

    /// A problem with one cell.
    pub fn cell(row: u64, column: String, value: &[u8], kind: ProblemKind) -> Self {
        Problem {
            row: Some(row),
            column: Some(column),
            value: Some(shorten(value)),
            kind,
        }
    }
}

/// A cell's text for a message: lossy UTF-8, a NUL shown as `\0`, cut at [`VALUE_CHARS`]
/// characters with "…".
pub fn shorten(value: &[u8]) -> String {
    let text = String::from_utf8_lossy(value);
    let mut out = String::new();
    for c in text.chars().take(VALUE_CHARS) {
        match c {
            '\0' => out.push_str("\\0"),
            c => out.push(c),
        }
    }
    if text.chars().count() > VALUE_CHARS {
        out.push('…');
    }
    out
}

/// Problems found so far: the first [`LISTED`], the total count and the rows they are on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Problems {
    pub listed: Vec<Problem>,
    pub total: u64,
    /// How many distinct rows have a problem.
    pub bad_rows: u64,
    /// The first [`ROWS_LISTED`] of those rows.
    pub first_bad_rows: Vec<u64>,
    /// Whether a problem concerns the file as a whole (skipping rows cannot help).
    pub file_problem: bool,
    /// Bookkeeping of [`Problems::push`]: a list that is sent or stored is only read.
    #[serde(skip)]
    last_bad_row: Option<u64>,
}

impl Problems {
    /// Records a problem (rows arrive in order, so a row's problems are adjacent).
    pub fn push(&mut self, problem: Problem) {
        if let Some(row) = problem.row {
            if self.last_bad_row != Some(row) {
                self.last_bad_row = Some(row);
                self.bad_rows += 1;
                if self.first_bad_rows.len() < ROWS_LISTED {
                    self.first_bad_rows.push(row);
                }
            }
        }
        if problem.row.is_none() {
            self.file_problem = true;
        }
        self.total += 1;
        if self.listed.len() < LISTED {
            self.listed.push(problem);
        }
    }

    /// Records a problem that skipping rows cannot help although it has a place (an unclosed
    /// quote): listed first, and its row is not one to leave out.
    pub fn push_file(&mut self, problem: Problem) {
        self.file_problem = true;
        self.total += 1;
        self.listed.insert(0, problem);
        self.listed.truncate(LISTED);
    }

    /// Whether every row with a problem is known by number.
    pub fn all_rows_listed(&self) -> bool {
        self.first_bad_rows.len() as u64 == self.bad_rows
    }

    /// Whether leaving out the rows with problems can give a result: the problems are all in
    /// rows, every such row is known by number, and some of the `rows` data rows are good.
    pub fn can_leave_out(&self, rows: u64) -> bool {
        !self.file_problem && self.all_rows_listed() && self.bad_rows < rows
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }
}
