//! Rows of `customer_id,date[,amount]` into [`Activity`].

use super::activity::{Activity, SpanTooLong, SPAN_LIMIT_YEARS};
use super::dates::{read_date, resolve, DateError, DateOrder, DateRead, Ymd};
use super::layout::{Layout, Role};
use super::problem::{Problem, ProblemKind, Problems};
use super::purchases::Purchases;
use super::records::Record;
use super::revenue::{within_decimals, Amount, CustomerRevenue, MAX_DECIMALS};
use crate::core::number::{parse_decimal_exact, NumberError, NumberStyle};

/// A `05/03/2024` row read before the file showed which field is the day.
struct Pending {
    customer: u32,
    year: u16,
    first: u8,
    second: u8,
    row: u64,
    amount: Option<(Amount, u32)>,
}

/// Reads transaction rows.
pub struct TransactionSink {
    pub activity: Activity,
    id_col: usize,
    date_col: usize,
    amount_col: Option<usize>,
    width: usize,
    style: NumberStyle,
    order: Option<DateOrder>,
    /// The row and text that decided the order, when the data did.
    pub decided_by: Option<(u64, String)>,
    pending: Vec<Pending>,
    names: Layout,
    /// Rows whose amount is below zero (refunds, as a rule), counted; the first of them
    /// by number.
    pub negative_rows: u64,
    pub first_negative_rows: Vec<u64>,
    /// What each customer spent per month, when the file has amounts.
    pub revenue: Option<CustomerRevenue>,
    /// Every row kept, for the customer-value view, when asked for.
    pub purchases: Option<Purchases>,
}

/// The problem of row `row`, whose date makes the data span too long.
fn span_problem(names: &Layout, date_col: usize, row: u64, e: SpanTooLong) -> Problem {
    let SpanTooLong { first, last } = e;
    let show = |d: Ymd| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day.max(1));
    Problem {
        row: Some(row),
        column: Some(names.name(date_col)),
        value: None,
        kind: ProblemKind::SpanTooLong {
            first: show(first.0),
            first_row: first.1,
            last: show(last.0),
            last_row: last.1,
            limit_years: SPAN_LIMIT_YEARS,
        },
    }
}

/// How many rows with a negative amount are kept by number.
pub const NEGATIVE_ROWS_KEPT: usize = 5;

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

impl TransactionSink {
    pub fn new(
        layout: &Layout,
        width: usize,
        order: Option<DateOrder>,
        style: NumberStyle,
        keep_purchases: bool,
    ) -> Self {
        TransactionSink {
            activity: Activity::default(),
            id_col: layout.column(Role::CustomerId).unwrap_or(0),
            date_col: layout.column(Role::Date).unwrap_or(1),
            amount_col: layout.column(Role::Amount),
            width,
            style,
            order,
            decided_by: None,
            pending: Vec::new(),
            names: layout.clone(),
            negative_rows: 0,
            first_negative_rows: Vec::new(),
            revenue: layout
                .column(Role::Amount)
                .map(|_| CustomerRevenue::default()),
            purchases: keep_purchases.then(|| Purchases {
                amounts: layout.column(Role::Amount).is_some(),
                ..Purchases::default()
            }),
        }
    }

    fn problem(&self, rec: &Record, col: usize, kind: ProblemKind) -> Problem {
        Problem::cell(rec.row, self.names.name(col), rec.get(col), kind)
    }

    /// Marks the rows the activity holds in a batch, their problems first: call before any
    /// other problem is noted, so that problems stay in the rows' order.
    pub fn flush(&mut self, problems: &mut Problems) {
        let (names, date_col) = (&self.names, self.date_col);
        self.activity
            .flush(&mut |row, e| problems.push(span_problem(names, date_col, row, e)));
    }

    /// Notes a problem of the current row, after those of the rows before it.
    fn fail(&mut self, problems: &mut Problems, problem: Problem) {
        self.flush(problems);
        problems.push(problem);
    }

    /// Reads one data row; problems go to `problems` and the row is left out.
    #[inline]
    pub fn record(&mut self, rec: &Record, problems: &mut Problems) {
        if rec.len() != self.width {
            let kind = ProblemKind::FieldCount {
                found: rec.len(),
                expected: self.width,
            };
            let problem = Problem {
                row: Some(rec.row),
                column: None,
                value: None,
                kind,
            };
            self.fail(problems, problem);
            return;
        }
        let id = trim(rec.get(self.id_col));
        if id.is_empty() {
            let problem = self.problem(rec, self.id_col, ProblemKind::Missing);
            self.fail(problems, problem);
            return;
        }
        let text = rec.get(self.date_col);
        let date = match read_date(text, self.order) {
            Ok(d) => d,
            Err(e) => {
                let kind = if text.iter().all(u8::is_ascii_whitespace) {
                    ProblemKind::Missing
                } else {
                    let reads = |order| read_date(text, Some(order)).is_ok();
                    ProblemKind::Date(self.conflict(e, reads))
                };
                let problem = self.problem(rec, self.date_col, kind);
                self.fail(problems, problem);
                return;
            }
        };
        let amount = match self.amount_col {
            None => None,
            Some(col) => match self.amount(rec.get(col)) {
                Ok(a) => Some(a),
                Err(kind) => {
                    let problem = self.problem(rec, col, kind);
                    self.fail(problems, problem);
                    return;
                }
            },
        };
        // Without amounts or rows to keep, a dated row of a dense id only marks a month: it
        // waits for its batch.
        if self.revenue.is_none() && self.purchases.is_none() {
            if let DateRead::Known(d) = date {
                if self.activity.queue(id, d, rec.row) {
                    if self.activity.batch_full() {
                        self.flush(problems);
                    }
                    return;
                }
            }
        }
        self.flush(problems);
        let customer = self.activity.customer(id);
        if let Some(p) = &mut self.purchases {
            p.customer(customer, id);
        }
        match date {
            DateRead::Known(d) => self.add(customer, d, rec.row, amount, problems),
            DateRead::Shows { date, order } => {
                self.decide(order, rec.row, text, problems);
                self.add(customer, date, rec.row, amount, problems);
            }
            DateRead::Either {
                year,
                first,
                second,
            } => self.pending.push(Pending {
                customer,
                year,
                first,
                second,
                row: rec.row,
                amount,
            }),
        }
    }

    /// A date that has no month under the order an earlier row showed, yet reads under the
    /// other order, was written the other way: say so and name that row.
    fn conflict(&self, e: DateError, reads: impl Fn(DateOrder) -> bool) -> DateError {
        match (&e, self.order, &self.decided_by) {
            (DateError::Month { .. }, Some(order), Some((row, text))) => {
                let other = match order {
                    DateOrder::DayFirst => DateOrder::MonthFirst,
                    DateOrder::MonthFirst => DateOrder::DayFirst,
                };
                if reads(other) {
                    DateError::OrderConflict {
                        order,
                        decided_row: *row,
                        decided_text: text.clone(),
                    }
                } else {
                    e
                }
            }
            _ => e,
        }
    }

    /// An amount and its decimals.
    #[inline]
    fn amount(&self, text: &[u8]) -> Result<(Amount, u32), ProblemKind> {
        // Most files write their amounts plainly ("146.14"): read those at once.
        if let Ok(decimal) = u8::try_from(self.style.decimal) {
            if let Some(quick) = Amount::parse_plain(text, decimal) {
                return Ok(quick);
            }
        }
        let text = std::str::from_utf8(text).map_err(|_| ProblemKind::NotUtf8)?;
        if text.trim().is_empty() {
            return Err(ProblemKind::Missing);
        }
        let amount =
            parse_decimal_exact(text, &self.style).map_err(|e| ProblemKind::Amount(e.into()))?;
        let amount = within_decimals(amount).ok_or(ProblemKind::AmountDecimals {
            decimals: amount.scale,
            max: MAX_DECIMALS,
        })?;
        let held = Amount::of(amount).ok_or(ProblemKind::Amount(NumberError::TooLarge.into()))?;
        Ok((held, amount.scale))
    }

    /// The data showed the order (a field above 12): read the rows held back so far with it.
    fn decide(&mut self, order: DateOrder, row: u64, text: &[u8], problems: &mut Problems) {
        if self.order.is_some() {
            return;
        }
        self.order = Some(order);
        self.decided_by = Some((row, String::from_utf8_lossy(trim(text)).into_owned()));
        for p in std::mem::take(&mut self.pending) {
            self.add_resolved(p, order, problems);
        }
    }

    fn add_resolved(&mut self, p: Pending, order: DateOrder, problems: &mut Problems) {
        let (first, second) = (u32::from(p.first), u32::from(p.second));
        match resolve(p.year, first, second, order) {
            Ok(d) => self.add(p.customer, d, p.row, p.amount, problems),
            Err(e) => {
                let reads = |o| resolve(p.year, first, second, o).is_ok();
                let kind = self.conflict(e, reads);
                problems.push(Problem {
                    row: Some(p.row),
                    column: Some(self.names.name(self.date_col)),
                    value: None,
                    kind: ProblemKind::Date(kind),
                });
            }
        }
    }

    #[inline]
    fn add(
        &mut self,
        customer: u32,
        date: Ymd,
        row: u64,
        amount: Option<(Amount, u32)>,
        problems: &mut Problems,
    ) {
        if let Err(e) = self.activity.mark(customer, date, row) {
            problems.push(span_problem(&self.names, self.date_col, row, e));
            return;
        }
        if let Some((a, decimals)) = amount {
            let added = match &mut self.revenue {
                Some(r) => r.add(customer, date.month_index(), a, decimals).is_ok(),
                None => true,
            };
            if !added {
                problems.push(Problem {
                    row: Some(row),
                    column: self.amount_col.map(|c| self.names.name(c)),
                    value: None,
                    kind: ProblemKind::Amount(NumberError::TooLarge.into()),
                });
                return;
            }
            if a.0 < 0 {
                self.negative_rows += 1;
                // Rows held back for their dates' order arrive late: keep the lowest numbers.
                let kept = &mut self.first_negative_rows;
                let at = kept.partition_point(|&r| r < row);
                if at < NEGATIVE_ROWS_KEPT {
                    kept.insert(at, row);
                    kept.truncate(NEGATIVE_ROWS_KEPT);
                }
            }
        }
        if let Some(p) = &mut self.purchases {
            p.row(customer, date, amount);
        }
    }

    /// Rows whose day/month order the data never showed: (row, year, first, second).
    pub fn undecided(&self) -> Vec<(u64, String)> {
        self.pending
            .iter()
            .take(3)
            .map(|p| {
                (
                    p.row,
                    format!("{:02}/{:02}/{:04}", p.first, p.second, p.year),
                )
            })
            .collect()
    }

    /// Whether rows wait for the day/month order.
    pub fn needs_order(&self) -> bool {
        !self.pending.is_empty()
    }

    /// The order used (given or decided by the data).
    pub fn order(&self) -> Option<DateOrder> {
        self.order
    }
}
