//! The customer summary of docs/metrics.md section 9: per customer x, t_x, T and m_x over the
//! calibration period, what they bought after it (the holdout), and what the win-back list
//! needs.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::core::import::revenue::Amount;
use crate::core::number::Decimal;

/// A calendar day, counted from 0001-01-01 (day 1), as chrono's `num_days_from_ce` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day(pub i32);

impl Day {
    /// The day of a date.
    pub fn of(date: NaiveDate) -> Day {
        Day(date.num_days_from_ce())
    }

    /// The day of year-month-day, when it is a date.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        NaiveDate::from_ymd_opt(year, month, day).map(Day::of)
    }

    /// The date of this day.
    pub fn date(self) -> Option<NaiveDate> {
        NaiveDate::from_num_days_from_ce_opt(self.0)
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        match self.date() {
            Some(d) => d.format("%Y-%m-%d").to_string(),
            None => String::new(),
        }
    }
}

/// One row of an order export: the customer (its index in file order, as the importer numbers
/// customers), the day and the amount, exactly, in ten-thousandths (16 bytes: the importer
/// keeps one per dated row). A file without amounts gives every row 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Purchase {
    pub customer: u32,
    pub day: Day,
    pub amount: Amount,
}

/// The decimals an amount needs to be written exactly (0 to 4).
fn decimals_of(a: Amount) -> u32 {
    let mut v = a.0;
    let mut d = 4;
    while d > 0 && v % 10 == 0 {
        v /= 10;
        d -= 1;
    }
    d
}

/// Ten-thousandths as a decimal.
fn decimal(units: i64) -> Decimal {
    Decimal {
        units: i128::from(units),
        scale: 4,
    }
}

/// The unit of t_x, T and the forecast horizon.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    #[default]
    Weeks,
    Days,
}

impl Unit {
    /// Days in one unit.
    pub fn days(self) -> u32 {
        match self {
            Unit::Weeks => 7,
            Unit::Days => 1,
        }
    }

    /// Units in a year, for the discount rate: 52 weeks or 365 days.
    pub fn per_year(self) -> u32 {
        match self {
            Unit::Weeks => 52,
            Unit::Days => 365,
        }
    }

    /// A number of days in this unit.
    pub fn of_days(self, days: u32) -> f64 {
        f64::from(days) / f64::from(self.days())
    }
}

/// One customer of the calibration summary. Transactions are days with at least one row;
/// a day's value is the sum of its amounts.
#[derive(Clone, Debug, PartialEq)]
pub struct Customer {
    /// Its index in file order.
    pub customer: u32,
    /// Repeat transactions in calibration: transaction days less one.
    pub x: u32,
    /// Days from the first to the last transaction day in calibration.
    pub recency_days: u32,
    /// Days from the first transaction day to the calibration end.
    pub age_days: u32,
    pub first_purchase: Day,
    /// The last transaction day in calibration.
    pub last_purchase: Day,
    /// The value of the repeat transactions in calibration (all but the first day).
    pub repeat_spend: Decimal,
    /// The value of all its transactions in calibration.
    pub total_spend: Decimal,
    /// Transaction days after the calibration end.
    pub holdout: u32,
}

impl Customer {
    /// Transactions in calibration, the first one included.
    pub fn transactions(&self) -> u32 {
        self.x + 1
    }

    /// The mean value of the repeat transactions; `None` when x = 0.
    pub fn m_x(&self) -> Option<f64> {
        (self.x > 0).then(|| self.repeat_spend.to_f64() / f64::from(self.x))
    }
}

/// Why there is no summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum SummaryError {
    /// No customer's first transaction is on or before the calibration end.
    NoCustomers,
    /// The amounts of one customer add up to more than can be held exactly.
    Overflow { customer: u32 },
}

impl std::fmt::Display for SummaryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SummaryError::NoCustomers => {
                write!(f, "no customer bought on or before the calibration end")
            }
            SummaryError::Overflow { customer } => {
                write!(f, "the amounts of customer {customer} are too large to add")
            }
        }
    }
}

impl std::error::Error for SummaryError {}

/// The calibration summary with its holdout.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub unit: Unit,
    pub calibration_end: Day,
    /// The data's last day (it may be the calibration end).
    pub last_day: Day,
    /// The customers whose first transaction is on or before the calibration end, in file
    /// order.
    pub customers: Vec<Customer>,
    /// Customers whose first transaction is after the calibration end (left out).
    pub later_customers: usize,
    /// Repeat transactions of the summary's customers in each unit after the calibration end:
    /// entry i covers days end + 1 + i·unit ..= end + (i + 1)·unit. The last entry may cover
    /// fewer days (see [`Summary::holdout_days`]).
    pub holdout_units: Vec<u64>,
    /// The most decimals any amount needs (at most 4): money is written with as many. The
    /// import raises it to the decimals the file wrote (`10.50` has 2).
    pub decimals: u32,
}

impl Summary {
    /// Days of data after the calibration end.
    pub fn holdout_days(&self) -> u32 {
        (self.last_day.0 - self.calibration_end.0).max(0) as u32
    }

    /// The holdout's length in units (fractional when its last unit is partial).
    pub fn holdout_length(&self) -> f64 {
        self.unit.of_days(self.holdout_days())
    }

    /// Customers with x > 0.
    pub fn repeat_buyers(&self) -> usize {
        self.customers.iter().filter(|c| c.x > 0).count()
    }

    /// t_x of a customer in the summary's unit.
    pub fn t_x(&self, c: &Customer) -> f64 {
        self.unit.of_days(c.recency_days)
    }

    /// T of a customer in the summary's unit.
    pub fn age(&self, c: &Customer) -> f64 {
        self.unit.of_days(c.age_days)
    }
}

/// The summary of `purchases` (in any order) with calibration up to and including
/// `calibration_end`, in `unit`. Same-day rows of a customer are one transaction.
///
/// ```
/// use retention_lab::core::clv::{summarise, Day, Purchase, Unit};
/// use retention_lab::core::import::revenue::Amount;
/// let day = |d| Day::from_ymd(2024, 1, d).unwrap();
/// let rows = [(0, 1, 10), (0, 1, 5), (0, 8, 20), (0, 20, 7)]
///     .map(|(c, d, a)| Purchase { customer: c, day: day(d), amount: Amount::whole(a) });
/// let s = summarise(&rows, day(15), Unit::Weeks).unwrap();
/// let c = &s.customers[0];
/// assert_eq!((c.x, s.t_x(c), s.age(c), c.m_x(), c.holdout), (1, 1.0, 2.0, Some(20.0), 1));
/// ```
pub fn summarise(
    purchases: &[Purchase],
    calibration_end: Day,
    unit: Unit,
) -> Result<Summary, SummaryError> {
    let mut rows: Vec<(u32, Day, Amount)> = purchases
        .iter()
        .map(|p| (p.customer, p.day, p.amount))
        .collect();
    rows.sort_unstable_by_key(|r| (r.0, r.1));
    let last_day = rows.iter().map(|r| r.1).max().unwrap_or(calibration_end);
    let decimals = rows.iter().map(|r| decimals_of(r.2)).max().unwrap_or(0);
    let holdout_days = (last_day.0 - calibration_end.0).max(0) as u32;
    let mut holdout_units = vec![0u64; holdout_days.div_ceil(unit.days()) as usize];
    let mut customers = Vec::new();
    let mut later_customers = 0;
    for one in rows.chunk_by(|a, b| a.0 == b.0) {
        let customer = one[0].0;
        let first = one[0].1;
        if first > calibration_end {
            later_customers += 1;
            continue;
        }
        let overflow = SummaryError::Overflow { customer };
        let mut c = Customer {
            customer,
            x: 0,
            recency_days: 0,
            age_days: (calibration_end.0 - first.0) as u32,
            first_purchase: first,
            last_purchase: first,
            repeat_spend: decimal(0),
            total_spend: decimal(0),
            holdout: 0,
        };
        let (mut repeat, mut total) = (0i64, 0i64);
        for day in one.chunk_by(|a, b| a.1 == b.1) {
            let d = day[0].1;
            if d > calibration_end {
                c.holdout += 1;
                let i = (d.0 - calibration_end.0 - 1) as u32 / unit.days();
                holdout_units[i as usize] += 1;
                continue;
            }
            let value = day
                .iter()
                .try_fold(0i64, |s, r| s.checked_add(r.2 .0))
                .ok_or(overflow)?;
            total = total.checked_add(value).ok_or(overflow)?;
            if d > first {
                c.x += 1;
                repeat = repeat.checked_add(value).ok_or(overflow)?;
                c.last_purchase = d;
            }
        }
        c.repeat_spend = decimal(repeat);
        c.total_spend = decimal(total);
        c.recency_days = (c.last_purchase.0 - first.0) as u32;
        customers.push(c);
    }
    if customers.is_empty() {
        return Err(SummaryError::NoCustomers);
    }
    Ok(Summary {
        unit,
        calibration_end,
        last_day,
        customers,
        later_customers,
        holdout_units,
        decimals,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> Day {
        Day::from_ymd(2024, m, d).unwrap()
    }

    fn buy(customer: u32, m: u32, d: u32, cents: i64) -> Purchase {
        Purchase {
            customer,
            day: day(m, d),
            amount: Amount(cents * 100),
        }
    }

    /// Worked by hand: calibration to 31 January 2024.
    /// - customer 0: 1 Jan (two rows, 10.00 + 5.50), 15 Jan (20.00), 29 Jan (two rows,
    ///   3.00 + 4.00), then 2 Feb and 9 Feb in the holdout;
    /// - customer 1: one row on 31 Jan, the calibration end (it counts);
    /// - customer 2: first buys on 1 Feb, after the end (left out);
    /// - customer 3, listed before customer 0 in the rows, buys 10 Jan and 10 Jan again.
    fn rows() -> Vec<Purchase> {
        vec![
            buy(3, 1, 10, 100),
            buy(0, 1, 29, 300),
            buy(0, 1, 1, 1000),
            buy(0, 1, 15, 2000),
            buy(2, 2, 1, 999),
            buy(0, 1, 1, 550),
            buy(1, 1, 31, 1234),
            buy(0, 2, 2, 100),
            buy(3, 1, 10, 200),
            buy(0, 1, 29, 400),
            buy(0, 2, 9, 100),
        ]
    }

    #[test]
    fn hand_worked_customers_in_weeks_and_days() {
        // (unit, customer, x, t_x, T, m_x, transactions, total, last, holdout)
        type Row = (
            Unit,
            u32,
            u32,
            f64,
            f64,
            Option<f64>,
            u32,
            &'static str,
            Day,
            u32,
        );
        let cases: [Row; 6] = [
            (
                Unit::Weeks,
                0,
                2,
                4.0,
                30.0 / 7.0,
                Some(13.5),
                3,
                "42.50",
                day(1, 29),
                2,
            ),
            (Unit::Weeks, 1, 0, 0.0, 0.0, None, 1, "12.34", day(1, 31), 0),
            (Unit::Weeks, 3, 0, 0.0, 3.0, None, 1, "3.00", day(1, 10), 0),
            (
                Unit::Days,
                0,
                2,
                28.0,
                30.0,
                Some(13.5),
                3,
                "42.50",
                day(1, 29),
                2,
            ),
            (Unit::Days, 1, 0, 0.0, 0.0, None, 1, "12.34", day(1, 31), 0),
            (Unit::Days, 3, 0, 0.0, 21.0, None, 1, "3.00", day(1, 10), 0),
        ];
        for (unit, id, x, t_x, t, m_x, n, total, last, holdout) in cases {
            let s = summarise(&rows(), day(1, 31), unit).unwrap();
            let c = s.customers.iter().find(|c| c.customer == id).unwrap();
            let label = format!("{unit:?} customer {id}");
            assert_eq!(c.x, x, "{label} x");
            assert_eq!(s.t_x(c), t_x, "{label} t_x");
            assert_eq!(s.age(c), t, "{label} T");
            assert_eq!(c.m_x(), m_x, "{label} m_x");
            assert_eq!(c.transactions(), n, "{label} transactions");
            assert_eq!(c.total_spend.to_text(2), total, "{label} total");
            assert_eq!(c.last_purchase, last, "{label} last purchase");
            assert_eq!(c.holdout, holdout, "{label} holdout");
        }
    }

    #[test]
    fn customers_keep_file_order_and_later_ones_are_left_out() {
        let s = summarise(&rows(), day(1, 31), Unit::Weeks).unwrap();
        let ids: Vec<u32> = s.customers.iter().map(|c| c.customer).collect();
        assert_eq!(ids, [0, 1, 3]);
        assert_eq!(s.later_customers, 1);
        assert_eq!(s.repeat_buyers(), 1);
    }

    #[test]
    fn holdout_per_unit() {
        // Holdout 1 Feb ..= 9 Feb: 9 days. Weeks: 1–7 Feb holds the 2 Feb purchase, 8–9 Feb
        // (a partial week) the 9 Feb one. Customer 2's purchase is not counted: it is not in
        // the summary.
        let s = summarise(&rows(), day(1, 31), Unit::Weeks).unwrap();
        assert_eq!(s.holdout_units, [1, 1]);
        assert_eq!(s.holdout_days(), 9);
        assert_eq!(s.holdout_length(), 9.0 / 7.0);
        let s = summarise(&rows(), day(1, 31), Unit::Days).unwrap();
        assert_eq!(s.holdout_units, [0, 1, 0, 0, 0, 0, 0, 0, 1]);
    }

    #[test]
    fn the_calibration_end_decides_what_is_calibration() {
        // Ending on 15 Jan: customer 0 has 1 Jan and 15 Jan in calibration, 29 Jan, 2 Feb and
        // 9 Feb in the holdout; customers 1 and 2 come later.
        let s = summarise(&rows(), day(1, 15), Unit::Days).unwrap();
        let c = &s.customers[0];
        assert_eq!((c.x, c.recency_days, c.age_days, c.holdout), (1, 14, 14, 3));
        assert_eq!(c.m_x(), Some(20.0));
        assert_eq!(s.later_customers, 2);
        assert_eq!(s.holdout_units.len(), 25);
        assert_eq!(s.holdout_units.iter().sum::<u64>(), 3);
    }

    #[test]
    fn nobody_before_the_end_is_an_error() {
        assert_eq!(
            summarise(&rows(), Day::from_ymd(2023, 12, 31).unwrap(), Unit::Weeks),
            Err(SummaryError::NoCustomers)
        );
    }
}
