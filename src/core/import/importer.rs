//! The import as a whole: chunks in, an [`Outcome`] out. The first rows decide the separator
//! and the columns; the rest streams through the sink of the file's format.

use super::activity::Activity;
use super::counts::{CountsSink, Warning};
use super::dates::{read_date, DateOrder};
use super::layout::{detect, Format, Layout, Preview};
use super::problem::{shorten, Problem, ProblemKind, Problems, Signature};
use super::purchases::Purchases;
use super::records::{sniff_delimiter, Record, RecordReader};
use super::revenue::{revenue_table, CustomerRevenue, RevenueTable};
use super::tables::{Granularity, PeriodTable};
use super::transactions::TransactionSink;
use crate::core::number::NumberStyle;
use serde::{Deserialize, Serialize};

/// Choices the user made about a file (all `None`/false at first).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Options {
    /// The columns, as confirmed in the mapping step; detected from the header when `None`.
    pub layout: Option<Layout>,
    /// The day/month order, when the data alone leaves it open and the user answered.
    pub date_order: Option<DateOrder>,
    /// Leave out rows with problems (the results say how many and which).
    pub skip_bad_rows: bool,
    /// Amounts use a decimal comma (the page's language writes 1,5).
    pub decimal_comma: bool,
}

/// A file read to the end.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub layout: Layout,
    /// Transactions: month, quarter and year, in that order. Other formats: one table.
    pub tables: Vec<PeriodTable>,
    /// Data rows read (blank rows not counted).
    pub rows: u64,
    /// Distinct customers (transactions only).
    pub customers: Option<u64>,
    /// Rows left out by the user's choice, with their problems (empty otherwise).
    pub skipped: Problems,
    pub warnings: Vec<Warning>,
    /// The day/month order used for `05/03/2024` dates, and the row that showed it (`None`
    /// when the user chose it).
    pub date_order: Option<(DateOrder, Option<(u64, String)>)>,
    /// Transactions with amounts: the revenue tables of month, quarter and year, in that
    /// order. Empty otherwise.
    /// (Read as empty from the stored tables of earlier versions, which had none.)
    #[serde(default)]
    pub revenue: Vec<RevenueTable>,
}

impl Dataset {
    /// The revenue table for a granularity, when the file has amounts.
    pub fn revenue(&self, g: Granularity) -> Option<&RevenueTable> {
        self.revenue.iter().find(|t| t.granularity == g)
    }

    /// The table for a granularity (transactions) or the file's only table.
    pub fn table(&self, g: Granularity) -> Option<&PeriodTable> {
        self.tables
            .iter()
            .find(|t| t.granularity == Some(g))
            .or_else(|| self.tables.iter().find(|t| t.granularity.is_none()))
    }
}

/// A question the import cannot answer alone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateQuestion {
    /// Up to three (row, date) examples that read both ways.
    pub examples: Vec<(u64, String)>,
}

/// How an import ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    Done(Box<Dataset>),
    /// The columns could not be placed from the header: show the first rows and ask.
    NeedLayout(Preview),
    /// Every `05/03/2024`-style date reads both ways: ask which field is the day.
    NeedDateOrder(DateQuestion),
    /// Problems, none skipped. `layout` is known unless the file itself is unreadable.
    Failed {
        layout: Option<Layout>,
        problems: Problems,
        rows: u64,
    },
}

enum Sink {
    Transactions(Box<TransactionSink>),
    Counts(CountsSink),
}

enum Stage {
    /// The first bytes, until the header and a few rows are in.
    Head(Vec<u8>),
    Body {
        reader: Box<RecordReader>,
        sink: Sink,
        layout: Layout,
        header_left: bool,
    },
    Done(Outcome),
}

/// Reads one file in chunks.
pub struct Importer {
    options: Options,
    /// Keep every row for the customer-value view ([`Importer::finish_keeping`]).
    keep_purchases: bool,
    stage: Stage,
    problems: Problems,
    rows: u64,
}

/// Bytes (or lines) enough to detect the format.
const HEAD_BYTES: usize = 64 * 1024;
const HEAD_LINES: usize = 8;

impl Importer {
    pub fn new(options: Options) -> Self {
        Importer {
            options,
            keep_purchases: false,
            stage: Stage::Head(Vec::new()),
            problems: Problems::default(),
            rows: 0,
        }
    }

    /// An importer that also keeps every row of a transactions file, for
    /// [`Importer::finish_keeping`].
    pub fn keeping(options: Options) -> Self {
        Importer {
            keep_purchases: true,
            ..Importer::new(options)
        }
    }

    /// Feeds the next chunk. Returns false when the rest of the file is not needed (the
    /// import has to ask first).
    pub fn feed(&mut self, chunk: &[u8]) -> bool {
        if chunk.is_empty() {
            return true;
        }
        if let Stage::Head(head) = &mut self.stage {
            // Only the first lines are copied aside: a large first chunk goes straight to the
            // reader, which saves a copy of it (and its memory) on every import.
            let Some(cut) = head_end(head, chunk) else {
                head.extend_from_slice(chunk);
                return true;
            };
            head.extend_from_slice(&chunk[..cut]);
            let head = std::mem::take(head);
            self.begin(&head, false);
            if matches!(self.stage, Stage::Done(_)) {
                return false;
            }
            // An empty slice would tell the reader that the text has ended.
            return cut == chunk.len() || self.body(&chunk[cut..]);
        }
        self.body(chunk)
    }

    fn body(&mut self, chunk: &[u8]) -> bool {
        let Stage::Body {
            reader,
            sink,
            header_left,
            layout,
        } = &mut self.stage
        else {
            return false;
        };
        let problems = &mut self.problems;
        let rows = &mut self.rows;
        let mut each = |rec: &Record| {
            // Blank rows first: the header is the first non-blank row, as in `first_rows`.
            if rec.is_blank() {
                return true;
            }
            let header = std::mem::take(header_left);
            // A quote never closed swallowed the rest of the file: no row after it can be
            // read, so the file as a whole has the problem (leaving rows out cannot help).
            if let Some(quote) = rec.unclosed_quote() {
                let value = rec.get(quote.field);
                let first_line = value.split(|&b| b == b'\n' || b == b'\r').next();
                problems.push_file(Problem::cell(
                    quote.row,
                    layout.name(quote.field),
                    first_line.unwrap_or_default(),
                    ProblemKind::UnclosedQuote {
                        rows_after: quote.rows_after,
                    },
                ));
                return true;
            }
            // Bytes no text holds, in any column: a NUL, then anything that is not UTF-8.
            let not_text = rec
                .nul_field()
                .map(|col| (col, ProblemKind::Nul))
                .or_else(|| rec.not_utf8_field().map(|col| (col, ProblemKind::NotUtf8)));
            if let Some((col, kind)) = not_text {
                // After the problems of the rows before it.
                if let Sink::Transactions(t) = sink {
                    t.flush(problems);
                }
                let name = layout.name(col).replace('\0', "\\0");
                let problem = Problem::cell(rec.row, name, rec.get(col), kind);
                // The header cannot be left out like a data row.
                if header {
                    problems.push_file(problem);
                } else {
                    *rows += 1;
                    problems.push(problem);
                }
                return true;
            }
            if header {
                return true;
            }
            *rows += 1;
            match sink {
                Sink::Transactions(t) => t.record(rec, problems),
                Sink::Counts(c) => c.record(rec, problems),
            }
            true
        };
        reader.feed(chunk, &mut each)
    }

    /// Decides the separator and the columns from the first bytes, then reads them. `whole`:
    /// the head is the whole file (else more bytes follow it).
    ///
    /// A file that is not UTF-8 text is told apart first, in this order: a UTF-16 byte-order
    /// mark (UTF-8's is read), UTF-16 without one, the signature of an image, a document or
    /// an archive. A NUL byte or bytes that are not UTF-8 anywhere else are a problem of
    /// their cell, found as the rows are read.
    fn begin(&mut self, head: &[u8], whole: bool) {
        if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            return self.fail(ProblemKind::Utf16);
        }
        let text = head.strip_prefix(b"\xef\xbb\xbf");
        if text.is_none() && looks_utf16(head) {
            return self.fail(ProblemKind::Utf16);
        }
        if let Some(signature) = Signature::of(head) {
            return self.fail(ProblemKind::NotText(signature));
        }
        let delimiter = match &self.options.layout {
            Some(l) => l.delimiter,
            None => sniff_delimiter(text.unwrap_or(head)),
        };
        let (first, header_ended) = first_rows(head, delimiter, 6);
        if first.is_empty() {
            return self.fail(ProblemKind::EmptyFile);
        }
        // A first row cut at the end of the head would be read as a shorter header than the
        // file's, and every row would then seem to have too many fields.
        if !whole && !header_ended && head.len() >= HEAD_BYTES {
            return self.fail(ProblemKind::HeaderTooLong {
                limit: HEAD_BYTES as u64,
                columns: first[0].len() as u64,
            });
        }
        let layout = match &self.options.layout {
            Some(l) => l.clone(),
            None => match detect(&first[0], delimiter) {
                Some(l) => l,
                None => {
                    if let Some(example) = dates_only(&first) {
                        return self.fail(ProblemKind::DatesOnly { example });
                    }
                    let preview = Preview::new(delimiter, first);
                    self.stage = Stage::Done(Outcome::NeedLayout(preview));
                    return;
                }
            },
        };
        let width = if layout.has_header {
            first[0].len()
        } else {
            first[0].len().max(layout.names.len())
        };
        let style = if self.options.decimal_comma {
            NumberStyle::VIETNAMESE
        } else {
            NumberStyle::ENGLISH
        };
        let sink = match layout.format {
            Format::Transactions => Sink::Transactions(Box::new(TransactionSink::new(
                &layout,
                width,
                self.options.date_order,
                style,
                self.keep_purchases,
            ))),
            Format::Counts | Format::Series => Sink::Counts(CountsSink::new(&layout, width)),
        };
        self.stage = Stage::Body {
            reader: Box::new(RecordReader::new(delimiter)),
            sink,
            header_left: layout.has_header,
            layout,
        };
        self.body(head);
    }

    fn fail(&mut self, kind: ProblemKind) {
        let mut problems = Problems::default();
        problems.push(Problem::file(kind));
        self.stage = Stage::Done(Outcome::Failed {
            layout: None,
            problems,
            rows: 0,
        });
    }

    /// Ends the file and returns the outcome.
    pub fn finish(self) -> Outcome {
        self.finish_keeping().0
    }

    /// Ends the file and returns the outcome with, for a transactions file read to the end
    /// by an importer made with [`Importer::keeping`], its rows and ids.
    pub fn finish_keeping(mut self) -> (Outcome, Option<Purchases>) {
        if let Stage::Head(head) = &mut self.stage {
            let head = std::mem::take(head);
            if head.iter().all(u8::is_ascii_whitespace) {
                self.fail(ProblemKind::EmptyFile);
            } else {
                self.begin(&head, true);
            }
        }
        if let Stage::Body { .. } = &self.stage {
            self.body(&[]);
        }
        let stage = std::mem::replace(&mut self.stage, Stage::Head(Vec::new()));
        let (sink, layout) = match stage {
            Stage::Done(outcome) => return (outcome, None),
            Stage::Body { sink, layout, .. } => (sink, layout),
            Stage::Head(_) => unreachable!("begin always leaves the head stage"),
        };
        let mut problems = self.problems;
        let mut warnings = Vec::new();
        let mut purchases = None;
        let (tables, customers, date_order, revenue) = match sink {
            Sink::Transactions(mut t) => {
                t.flush(&mut problems);
                if t.needs_order() {
                    let question = DateQuestion {
                        examples: t.undecided(),
                    };
                    return (Outcome::NeedDateOrder(question), None);
                }
                purchases = t.purchases.take();
                let revenue = t
                    .revenue
                    .take()
                    .map_or_else(Vec::new, |r| revenue_tables(r, &t.activity));
                let mut tables: Vec<PeriodTable> = Granularity::ALL
                    .iter()
                    .filter_map(|&g| t.activity.table(g))
                    .collect();
                // A period's revenue in the flows table is the revenue table's.
                for table in &mut tables {
                    let by_period = revenue
                        .iter()
                        .find(|r| Some(r.granularity) == table.granularity);
                    for (row, r) in table
                        .rows
                        .iter_mut()
                        .zip(by_period.iter().flat_map(|r| &r.rows))
                    {
                        row.revenue = Some(r.revenue);
                    }
                }
                let order = t.order().map(|o| (o, t.decided_by.clone()));
                if t.negative_rows > 0 {
                    warnings.push(Warning::NegativeAmounts {
                        rows: t.negative_rows,
                        first_rows: t.first_negative_rows.clone(),
                    });
                }
                (tables, Some(t.activity.customers() as u64), order, revenue)
            }
            Sink::Counts(c) => {
                let table = c.finish(&mut problems, &mut warnings);
                (vec![table], None, None, Vec::new())
            }
        };
        if self.rows == 0 && problems.is_empty() {
            problems.push(Problem::file(ProblemKind::NoData));
        }
        let usable = tables.iter().any(|t| !t.rows.is_empty());
        let can_leave_out = problems.can_leave_out(self.rows) && usable;
        let leave_out = self.options.skip_bad_rows && can_leave_out;
        if !problems.is_empty() && !leave_out {
            let failed = Outcome::Failed {
                layout: Some(layout),
                problems,
                rows: self.rows,
            };
            return (failed, None);
        }
        let done = Outcome::Done(Box::new(Dataset {
            layout,
            tables,
            rows: self.rows,
            customers,
            skipped: problems,
            warnings,
            date_order,
            revenue,
        }));
        (done, purchases)
    }
}

/// The revenue tables of every granularity (docs/metrics.md section 8). A customer's month
/// whose sum overflows is reported on the row that made it; one whose rows came apart (out of
/// date order) is added up only here, and should that overflow, the file has no revenue
/// tables rather than wrong ones.
fn revenue_tables(revenue: CustomerRevenue, activity: &Activity) -> Vec<RevenueTable> {
    let decimals = revenue.decimals();
    let Ok(spends) = revenue.finish() else {
        return Vec::new();
    };
    Granularity::ALL
        .iter()
        .filter_map(|&g| Some(revenue_table(&spends, g, activity.span(g)?, decimals)))
        .collect()
}

/// Where in `chunk` the head (the bytes that decide the format) is complete, given the head
/// collected so far: after the line that makes [`HEAD_LINES`], or at [`HEAD_BYTES`]; `None`
/// when the whole chunk still belongs to it.
fn head_end(head: &[u8], chunk: &[u8]) -> Option<usize> {
    let have = head.iter().filter(|&&b| b == b'\n').count();
    let room = HEAD_BYTES.saturating_sub(head.len());
    let mut need = HEAD_LINES.saturating_sub(have);
    if need == 0 || room == 0 {
        return Some(0);
    }
    for (i, &b) in chunk.iter().take(room).enumerate() {
        if b == b'\n' {
            need -= 1;
            if need == 0 {
                return Some(i + 1);
            }
        }
    }
    (chunk.len() >= room).then_some(room)
}

/// The first `n` records of a text as strings (lossy), blank rows left out, and whether the
/// first of them ends inside the text (rather than being cut by its end).
fn first_rows(head: &[u8], delimiter: u8, n: usize) -> (Vec<Vec<String>>, bool) {
    fn take(rows: &mut Vec<Vec<String>>, rec: &Record, n: usize) -> bool {
        if !rec.is_blank() {
            rows.push(
                (0..rec.len())
                    .map(|i| String::from_utf8_lossy(rec.get(i)).trim().to_string())
                    .collect(),
            );
        }
        rows.len() < n
    }
    let mut reader = RecordReader::new(delimiter);
    let mut rows = Vec::new();
    let more = reader.feed(head, &mut |rec| take(&mut rows, rec, n));
    let first_ended = !rows.is_empty();
    if more {
        reader.feed(&[], &mut |rec| take(&mut rows, rec, n));
    }
    (rows, first_ended)
}

/// Whether the first bytes of a file are UTF-16 without a byte-order mark: NUL bytes on one
/// side of the byte pairs only, and on at least a quarter of them. UTF-16 text of Latin
/// letters has one in every pair; a binary file has them on both sides; a stray NUL in a
/// UTF-8 text is one of many pairs.
fn looks_utf16(head: &[u8]) -> bool {
    let (mut even, mut odd, mut pairs) = (0usize, 0usize, 0usize);
    for pair in head.chunks_exact(2) {
        pairs += 1;
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    (even == 0) != (odd == 0) && 4 * (even + odd) >= pairs
}

/// The first date of a file whose only column holds dates (after a header, if it has one),
/// or `None` when it has another shape.
fn dates_only(first: &[Vec<String>]) -> Option<String> {
    if first.iter().any(|r| r.len() != 1) {
        return None;
    }
    let is_date = |cell: &str| read_date(cell.as_bytes(), None).is_ok();
    let data = match first.first() {
        Some(header) if !is_date(&header[0]) => &first[1..],
        _ => first,
    };
    let cells: Vec<&str> = data
        .iter()
        .map(|r| r[0].as_str())
        .filter(|c| !c.is_empty())
        .collect();
    let all_dates = !cells.is_empty() && cells.iter().all(|c| is_date(c));
    all_dates.then(|| shorten(cells[0].as_bytes()))
}

/// Imports a whole text at once (pasted text, tests).
pub fn import_text(text: &[u8], options: Options) -> Outcome {
    let mut importer = Importer::new(options);
    importer.feed(text);
    importer.finish()
}
