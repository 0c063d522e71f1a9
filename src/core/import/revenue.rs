//! Revenue retention of a file with amounts (docs/metrics.md section 8): what each customer
//! spent per month, and from it, per period, the revenue flows (start, new, returning,
//! expansion, contraction, churned), GRR, NRR, revenue churn, ARPU and the revenue cohorts.
//!
//! Money stays exact through every sum: while the file is read, amounts are whole numbers of
//! ten-thousandths ([`Amount`]), and the tables' sums are [`Decimal`]s with the file's
//! decimals; only the rates and the per-customer cohort values are one `f64` division each.

use serde::{Deserialize, Serialize};

use super::tables::Granularity;
use super::writer::CsvFile;
use crate::core::figure::{Currency, Figure};
use crate::core::number::Decimal;
use crate::core::revenue::{arpu, figures, Flows};

/// The most decimals an amount may have (docs/metrics.md §2.7): every sum is written with
/// the file's decimals, so this bounds them.
pub const MAX_DECIMALS: u32 = 4;

/// 10^[`MAX_DECIMALS`].
const AMOUNT_ONE: i64 = 10_000;

/// `amount` with at most [`MAX_DECIMALS`] decimals: zeros past them are dropped (the value is
/// the same); `None` when a digit past them is not zero.
pub fn within_decimals(amount: Decimal) -> Option<Decimal> {
    let mut d = amount;
    while d.scale > MAX_DECIMALS {
        if d.units % 10 != 0 {
            return None;
        }
        d.units /= 10;
        d.scale -= 1;
    }
    Some(d)
}

/// An amount of money as a whole number of ten-thousandths, exactly: every amount a file may
/// hold ([`MAX_DECIMALS`]) is one, and a customer's month adds up in one machine word, up to
/// 922,337,203,685,477.5807.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Amount(pub i64);

impl Amount {
    /// A whole amount.
    pub const fn whole(units: i64) -> Amount {
        Amount(units * AMOUNT_ONE)
    }

    /// `d` (at most [`MAX_DECIMALS`] decimals) exactly, or `None` when it is too large.
    pub fn of(d: Decimal) -> Option<Amount> {
        let up = 10i128.checked_pow(MAX_DECIMALS.checked_sub(d.scale)?)?;
        i64::try_from(d.units.checked_mul(up)?).ok().map(Amount)
    }

    /// A plainly written amount (`146.14`, `-20`, `12,5` with `,` as the decimal sign): an
    /// optional minus, digits, then at most [`MAX_DECIMALS`] decimals after the decimal
    /// sign, with its decimals. `None` for anything else, which the full reader then takes.
    #[inline]
    pub fn parse_plain(text: &[u8], decimal: u8) -> Option<(Amount, u32)> {
        let (negative, body) = match text.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, text),
        };
        // One pass over the bytes: the digits' value, and where the decimal sign is.
        let mut value: i64 = 0;
        let mut sign_at = None;
        for (i, &b) in body.iter().enumerate() {
            if b.is_ascii_digit() {
                // Wraps only for more than eighteen digits, which are refused below.
                value = value.wrapping_mul(10).wrapping_add(i64::from(b - b'0'));
            } else if b == decimal && sign_at.is_none() {
                sign_at = Some(i);
            } else {
                return None;
            }
            // Fourteen digits and four decimals stay below i64::MAX.
            if i >= 19 {
                return None;
            }
        }
        let (whole_len, scale) = match sign_at {
            None => (body.len(), 0),
            Some(at) => (at, body.len() - at - 1),
        };
        if whole_len == 0 || whole_len > 14 || scale > MAX_DECIMALS as usize {
            return None;
        }
        if sign_at.is_some() && scale == 0 {
            return None;
        }
        let scale = scale as u32;
        let units = value * 10i64.pow(MAX_DECIMALS - scale);
        Some((Amount(if negative { -units } else { units }), scale))
    }

    fn checked_add(self, other: Amount) -> Result<Amount, Overflow> {
        self.0.checked_add(other.0).map(Amount).ok_or(Overflow)
    }
}

/// What one customer spent in one month (months since year 0): the sum of their amounts
/// there, refunds included as written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Spend {
    pub customer: u32,
    pub month: u32,
    pub amount: Amount,
}

/// No running sum yet.
const NO_MONTH: u32 = u32::MAX;

/// Collects each customer's spending per month as rows arrive. Rows of a customer mostly come
/// month after month, so each customer keeps one running sum; a row in another month closes
/// it. Memory grows with the customer-months, not with the rows.
#[derive(Debug, Default)]
pub struct CustomerRevenue {
    /// Per customer (its dense index): the month of its running sum ([`NO_MONTH`] before its
    /// first amount), and the sum.
    open: Vec<(u32, Amount)>,
    /// Sums closed by a row of the same customer in another month.
    closed: Vec<Spend>,
    /// The most decimals any amount had: sums are written with as many.
    decimals: u32,
}

/// A sum of money too large to hold exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overflow;

fn plus(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_add(b).ok_or(Overflow)
}

fn minus(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_sub(b).ok_or(Overflow)
}

const ZERO: Decimal = Decimal::whole(0);

fn is_positive(d: Decimal) -> bool {
    d.units > 0
}

impl CustomerRevenue {
    /// Adds `amount`, written with `decimals` decimals, to what `customer` spent in `month`.
    #[inline]
    pub fn add(
        &mut self,
        customer: u32,
        month: u32,
        amount: Amount,
        decimals: u32,
    ) -> Result<(), Overflow> {
        self.decimals = self.decimals.max(decimals);
        let c = customer as usize;
        if c >= self.open.len() {
            self.open.resize(c + 1, (NO_MONTH, Amount(0)));
        }
        let (m, sum) = &mut self.open[c];
        if *m == month {
            *sum = sum.checked_add(amount)?;
        } else {
            if *m != NO_MONTH {
                self.closed.push(Spend {
                    customer,
                    month: *m,
                    amount: *sum,
                });
            }
            (*m, *sum) = (month, amount);
        }
        Ok(())
    }

    /// The most decimals any amount added had.
    pub fn decimals(&self) -> u32 {
        self.decimals
    }

    /// Every customer's spending per month, one entry per customer and month, sorted by
    /// customer and then month. Customers are dense indexes, so one counting pass groups the
    /// entries by customer, each customer's in the order they were closed, which is the
    /// months' order when the rows come in date order; a customer whose rows did not has
    /// their few entries sorted.
    pub fn finish(self) -> Result<Vec<Spend>, Overflow> {
        let open = self
            .open
            .iter()
            .enumerate()
            .filter(|(_, o)| o.0 != NO_MONTH);
        let open = open.map(|(c, &(month, amount))| Spend {
            customer: c as u32,
            month,
            amount,
        });
        // Where each customer's entries start.
        let mut at = vec![0usize; self.open.len() + 1];
        for s in self.closed.iter().copied().chain(open.clone()) {
            at[s.customer as usize + 1] += 1;
        }
        for c in 1..at.len() {
            at[c] += at[c - 1];
        }
        let starts = at.clone();
        let mut all = vec![Spend::default(); at[at.len() - 1]];
        for s in self.closed.into_iter().chain(open) {
            let slot = &mut at[s.customer as usize];
            all[*slot] = s;
            *slot += 1;
        }
        // Each customer's entries by month, those of one month (rows out of date order leave
        // a customer-month in more than one entry) merged into the first.
        let mut merged = 0usize;
        for w in starts.windows(2) {
            let one = &mut all[w[0]..w[1]];
            if !one.is_sorted_by_key(|s| s.month) {
                one.sort_unstable_by_key(|s| s.month);
            }
            for i in w[0]..w[1] {
                let s = all[i];
                match merged.checked_sub(1).map(|last| &mut all[last]) {
                    Some(last) if (last.customer, last.month) == (s.customer, s.month) => {
                        last.amount = last.amount.checked_add(s.amount)?;
                    }
                    _ => {
                        all[merged] = s;
                        merged += 1;
                    }
                }
            }
        }
        all.truncate(merged);
        Ok(all)
    }
}

/// One period's revenue flows. The first period has only its revenue, its new revenue (all
/// of it) and its ARPU; the other flows are `None` there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RevenueRow {
    /// As the flows table labels the period.
    pub label: String,
    /// Customers active in the period.
    pub active: u64,
    pub revenue: Decimal,
    /// The previous period's revenue.
    pub start: Option<Decimal>,
    /// Spent by customers in their first period.
    pub new: Decimal,
    /// Spent by customers back after at least one period away.
    pub returning: Option<Decimal>,
    /// Over customers active in this period and the one before: what they spent more.
    pub expansion: Option<Decimal>,
    /// Over the same customers: what they spent less.
    pub contraction: Option<Decimal>,
    /// What the customers lost in this period spent in the one before.
    pub churned: Option<Decimal>,
    /// The data ends inside this period.
    pub incomplete: bool,
}

/// `num / den` as one division of the exact amounts, blank unless `den` is above 0.
fn rate(num: Decimal, den: Option<Decimal>) -> Option<f64> {
    let den = den.filter(|d| is_positive(*d))?;
    Some(num.to_f64() / den.to_f64())
}

impl RevenueRow {
    /// start (+ expansion when `expanding`) − contraction − churned, exactly.
    fn kept(&self, expanding: bool) -> Option<Decimal> {
        let mut v = self.start?;
        if expanding {
            v = plus(v, self.expansion?).ok()?;
        }
        let v = minus(v, self.contraction?).ok()?;
        minus(v, self.churned?).ok()
    }

    /// (start − contraction − churned) / start: what the customers of the period before
    /// still spend, their expansion left out.
    pub fn grr(&self) -> Option<f64> {
        rate(self.kept(false)?, self.start)
    }

    /// (start + expansion − contraction − churned) / start.
    pub fn nrr(&self) -> Option<f64> {
        rate(self.kept(true)?, self.start)
    }

    /// churned / start.
    pub fn revenue_churn(&self) -> Option<f64> {
        rate(self.churned?, self.start)
    }

    /// revenue / active; blank for a period without customers.
    pub fn arpu(&self) -> Option<f64> {
        (self.active > 0).then(|| self.revenue.to_f64() / self.active as f64)
    }

    /// The period's working, with its amounts written to `decimals`: GRR, NRR, revenue churn
    /// and the revenue at end from its flows (docs/metrics.md section 8.1; the revenue at end
    /// is the period's revenue), then ARPU. The first period has no start, so only its ARPU.
    pub fn working(&self, decimals: u32) -> Vec<Figure> {
        let flows = Flows {
            start: self.start,
            expansion: self.expansion,
            contraction: self.contraction,
            churned: self.churned,
            new_revenue: plus(self.new, self.returning.unwrap_or(Decimal::whole(0))).ok(),
            decimals,
            currency: Currency::None,
        };
        let mut out = Vec::with_capacity(5);
        if self.start.is_some() {
            out.extend(figures(&flows));
        }
        out.push(arpu(self.revenue, self.active, decimals));
        out
    }

    /// start + expansion − contraction − churned + new + returning, which equals the
    /// period's revenue (docs/metrics.md section 8); `None` in the first period.
    pub fn from_flows(&self) -> Option<Decimal> {
        let v = plus(self.kept(true)?, self.new).ok()?;
        plus(v, self.returning?).ok()
    }
}

/// A cohort's revenue: the customers whose first period is `period`, and what they spent in
/// each period from then on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RevenueCohort {
    pub label: String,
    /// Index of its first period in the table.
    pub period: usize,
    pub size: u64,
    /// The cohort's revenue `k` periods after its first, for every k the data reaches.
    pub revenue: Vec<Decimal>,
}

impl RevenueCohort {
    /// The cohort's revenue through offset `k`, added up and divided by its size: what a
    /// customer of the cohort has been worth so far. `None` past the data.
    pub fn per_customer(&self, k: usize) -> Option<f64> {
        let through = cumulative(&self.revenue, k)?;
        (self.size > 0).then(|| through.to_f64() / self.size as f64)
    }
}

/// `values[0] + … + values[k]`; `None` past the end or on overflow.
fn cumulative(values: &[Decimal], k: usize) -> Option<Decimal> {
    values
        .get(..=k)?
        .iter()
        .try_fold(ZERO, |a, &b| plus(a, b).ok())
}

/// The revenue table of one granularity with its cohorts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RevenueTable {
    pub granularity: Granularity,
    /// The most decimals any amount of the file has: every sum is written with as many.
    pub decimals: u32,
    pub rows: Vec<RevenueRow>,
    pub cohorts: Vec<RevenueCohort>,
    /// The last period is incomplete: its cells stay out of the cohorts' average row.
    pub incomplete_last: bool,
}

impl RevenueTable {
    /// Periods in the table (columns k0 … of the cohorts).
    pub fn periods(&self) -> usize {
        self.rows.len()
    }

    /// Offsets of the longest cohort: the columns k0, k1, … of the cohort table.
    pub fn offsets(&self) -> usize {
        self.cohorts
            .iter()
            .map(|c| c.revenue.len())
            .max()
            .unwrap_or(0)
    }

    /// Customers in all cohorts.
    pub fn customers(&self) -> u64 {
        self.cohorts.iter().map(|c| c.size).sum()
    }

    /// Whether the cell of cohort `r` (its index in `cohorts`) at offset `k` falls in an
    /// incomplete period.
    pub fn cell_incomplete(&self, r: usize, k: usize) -> bool {
        self.incomplete_last
            && self
                .cohorts
                .get(r)
                .is_some_and(|c| c.period + k + 1 == self.rows.len())
    }

    /// The average row at offset `k`: the revenue through `k` of every cohort that has
    /// reached it (its cell in a complete period), over their customers. Weighted by size,
    /// so it is one division of two sums. `None` when no cohort has reached `k`.
    pub fn average_per_customer(&self, k: usize) -> Option<f64> {
        let n = self.rows.len();
        let mut revenue = ZERO;
        let mut customers = 0u64;
        for c in &self.cohorts {
            let period = c.period + k;
            if period >= n || (self.incomplete_last && period + 1 == n) {
                continue;
            }
            revenue = plus(revenue, cumulative(&c.revenue, k)?).ok()?;
            customers += c.size;
        }
        (customers > 0).then(|| revenue.to_f64() / customers as f64)
    }
}

/// Where the table's periods run: the months of the first and last dates of the data, and
/// whether the data ends before the last period does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub first_month: u32,
    pub last_month: u32,
    pub ends_early: bool,
}

/// The revenue table of granularity `g` from every customer's monthly spending (as
/// [`CustomerRevenue::finish`] gives it: sorted by customer, then month), written with
/// `decimals` decimals (at least those of every amount). Periods run from the span's first to
/// its last, gaps included. The sums are of ten-thousandths in 128 bits, which no file's
/// amounts can overflow (each is below 2^63, and there are fewer than 2^64 of them).
pub fn revenue_table(spends: &[Spend], g: Granularity, span: Span, decimals: u32) -> RevenueTable {
    let div = g.months();
    let p0 = span.first_month / div;
    let n = (span.last_month / div - p0 + 1) as usize;
    let mut active = vec![0u64; n];
    let mut revenue = vec![0i128; n];
    let mut new = vec![0i128; n];
    let mut returning = vec![0i128; n];
    let mut expansion = vec![0i128; n];
    let mut contraction = vec![0i128; n];
    let mut churned = vec![0i128; n];
    let mut sizes = vec![0u64; n];
    let mut cohort_revenue: Vec<Vec<i128>> = (0..n).map(|c| vec![0; n - c]).collect();

    // One customer's spending per period, rebuilt for each customer.
    let mut periods: Vec<(usize, i128)> = Vec::new();
    for one in spends.chunk_by(|a, b| a.customer == b.customer) {
        periods.clear();
        for s in one {
            let p = (s.month / div - p0) as usize;
            let amount = i128::from(s.amount.0);
            match periods.last_mut() {
                Some((q, sum)) if *q == p => *sum += amount,
                _ => periods.push((p, amount)),
            }
        }
        let Some(&(cohort, _)) = periods.first() else {
            continue;
        };
        sizes[cohort] += 1;
        let cohort_cells = &mut cohort_revenue[cohort];
        let mut before: Option<(usize, i128)> = None;
        for &(p, r) in &periods {
            active[p] += 1;
            revenue[p] += r;
            cohort_cells[p - cohort] += r;
            match before {
                None => new[p] += r,
                Some((q, was)) if q + 1 == p => {
                    let change = r - was;
                    if change > 0 {
                        expansion[p] += change;
                    } else {
                        contraction[p] -= change;
                    }
                }
                Some((q, was)) => {
                    returning[p] += r;
                    churned[q + 1] += was;
                }
            }
            before = Some((p, r));
        }
        if let Some((last, was)) = before.filter(|(last, _)| last + 1 < n) {
            churned[last + 1] += was;
        }
    }

    // Every amount has at most `decimals` decimals, so every sum divides exactly.
    let step = 10i128.pow(MAX_DECIMALS.saturating_sub(decimals));
    let scale = decimals.min(MAX_DECIMALS);
    let money = |units: i128| Decimal {
        units: units / step,
        scale,
    };
    let label = |p: usize| g.label(p0 + p as u32);
    let rows = (0..n)
        .map(|p| {
            let later = |v: &[i128]| (p > 0).then(|| money(v[p]));
            RevenueRow {
                label: label(p),
                active: active[p],
                revenue: money(revenue[p]),
                start: (p > 0).then(|| money(revenue[p - 1])),
                new: money(new[p]),
                returning: later(&returning),
                expansion: later(&expansion),
                contraction: later(&contraction),
                churned: later(&churned),
                incomplete: span.ends_early && p + 1 == n,
            }
        })
        .collect();
    let cohorts = cohort_revenue
        .into_iter()
        .enumerate()
        .filter(|(c, _)| sizes[*c] > 0)
        .map(|(c, revenue)| RevenueCohort {
            label: label(c),
            period: c,
            size: sizes[c],
            revenue: revenue.into_iter().map(money).collect(),
        })
        .collect();
    RevenueTable {
        granularity: g,
        decimals,
        rows,
        cohorts,
        incomplete_last: span.ends_early,
    }
}

/// The revenue cohort file of docs/metrics.md §2.8: `cohort,size,k0,…` with as many k columns
/// as the longest cohort, one row per cohort in period order with the revenue per customer
/// through each offset (blank past the data), then the `average` row, whose size is every
/// customer. The values are written in Rust's shortest round-trip form; the cohort label is
/// the only text column.
pub fn revenue_cohort_csv(table: &RevenueTable) -> String {
    let offsets = table.offsets();
    let mut f = CsvFile::new();
    f.text("cohort").text("size");
    for k in 0..offsets {
        f.text(&format!("k{k}"));
    }
    f.end_row();
    for c in &table.cohorts {
        f.text(&c.label).number(Some(c.size));
        for k in 0..offsets {
            f.number(c.per_customer(k));
        }
        f.end_row();
    }
    f.text("average").number(Some(table.customers()));
    for k in 0..offsets {
        f.number(table.average_per_customer(k));
    }
    f.end_row();
    f.finish()
}

/// The revenue file of docs/metrics.md section 8: one row per period, money with the file's
/// decimals, rates and ARPU in Rust's shortest round-trip form, blank where a figure has no
/// value; the period label is the only text column.
pub fn revenue_csv(table: &RevenueTable) -> String {
    let mut f = CsvFile::new();
    f.header(&[
        "period",
        "revenue",
        "start_revenue",
        "new_revenue",
        "returning_revenue",
        "expansion",
        "contraction",
        "churned_revenue",
        "grr",
        "nrr",
        "revenue_churn",
        "arpu",
    ]);
    let money = |d: Option<Decimal>| d.map(|d| d.to_text(table.decimals));
    for r in &table.rows {
        f.text(&r.label)
            .number(money(Some(r.revenue)))
            .number(money(r.start))
            .number(money(Some(r.new)))
            .number(money(r.returning))
            .number(money(r.expansion))
            .number(money(r.contraction))
            .number(money(r.churned))
            .number(r.grr())
            .number(r.nrr())
            .number(r.revenue_churn())
            .number(r.arpu());
        f.end_row();
    }
    f.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::number::{parse_decimal_exact, NumberStyle};
    use proptest::prelude::*;

    /// Ten-thousandths and decimals.
    type Read = Option<(i64, u32)>;

    #[test]
    fn plain_amounts_read_at_once_and_others_are_left_to_the_full_reader() {
        let cases: [(&str, u8, Read); 17] = [
            ("146.14", b'.', Some((1_461_400, 2))),
            ("-20", b'.', Some((-200_000, 0))),
            ("0.0001", b'.', Some((1, 4))),
            ("12,5", b',', Some((125_000, 1))),
            (
                "99999999999999.9999",
                b'.',
                Some((999_999_999_999_999_999, 4)),
            ),
            ("100000000000000", b'.', None),
            ("1.23456", b'.', None),
            ("12,5", b'.', None),
            ("1.", b'.', None),
            (".5", b'.', None),
            ("-", b'.', None),
            ("", b'.', None),
            (" 12", b'.', None),
            ("1,234.50", b'.', None),
            ("1.2.3", b'.', None),
            ("9999999999999999999", b'.', None),
            ("12-", b'.', None),
        ];
        for (text, decimal, want) in cases {
            let got = Amount::parse_plain(text.as_bytes(), decimal).map(|(a, s)| (a.0, s));
            assert_eq!(got, want, "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn a_plain_amount_reads_as_the_full_reader_reads_it(
            whole in 0u64..100_000_000_000_000, fraction in "[0-9]{0,4}", negative: bool
        ) {
            let sign = if negative { "-" } else { "" };
            let dot = if fraction.is_empty() { "" } else { "." };
            let text = format!("{sign}{whole}{dot}{fraction}");
            let exact = parse_decimal_exact(&text, &NumberStyle::ENGLISH).unwrap();
            let quick = Amount::parse_plain(text.as_bytes(), b'.').unwrap();
            prop_assert_eq!(quick, (Amount::of(exact).unwrap(), exact.scale));
        }
    }

    #[test]
    fn amounts_keep_at_most_four_decimals() {
        let d = |units: i128, scale: u32| Decimal { units, scale };
        let cases = [
            (d(1999, 2), Some(d(1999, 2))),
            (d(199_999, 4), Some(d(199_999, 4))),
            (d(2_500_000, 6), Some(d(25_000, 4))),
            (d(-123_450, 5), Some(d(-12_345, 4))),
            (d(123_456, 5), None),
            (d(1_000_001, 6), None),
        ];
        for (amount, want) in cases {
            assert_eq!(within_decimals(amount), want, "{amount:?}");
        }
    }
}
