//! The results of an import: one row of flows per period and the cohort table
//! (docs/metrics.md section 2), with the rates each row implies.

use serde::{Deserialize, Serialize};

use super::writer::CsvFile;
use crate::core::figure::Report;
use crate::core::number::Decimal;
use crate::core::period::{self, ChurnDefinition, PeriodText};

/// The length of a period built from transactions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Granularity {
    #[default]
    Month,
    Quarter,
    Year,
}

impl Granularity {
    pub const ALL: [Granularity; 3] = [Granularity::Month, Granularity::Quarter, Granularity::Year];

    /// Months per period.
    pub fn months(self) -> u32 {
        match self {
            Granularity::Month => 1,
            Granularity::Quarter => 3,
            Granularity::Year => 12,
        }
    }

    /// The granularity whose [`key`](Self::key) is `key`.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.key() == key)
    }

    /// A stable key for forms and storage.
    pub fn key(self) -> &'static str {
        match self {
            Granularity::Month => "month",
            Granularity::Quarter => "quarter",
            Granularity::Year => "year",
        }
    }

    /// The label of period `index` (months, quarters or years since year 0): `2024-03`,
    /// `2024-Q1` or `2024`.
    pub fn label(self, index: u32) -> String {
        match self {
            Granularity::Month => format!("{:04}-{:02}", index / 12, index % 12 + 1),
            Granularity::Quarter => format!("{:04}-Q{}", index / 4, index % 4 + 1),
            Granularity::Year => format!("{:04}", index),
        }
    }
}

/// One period's flows. Transactions fill every count; a counts file fills what it has
/// (`joined_left` included); a customer-count series only `active` and `start`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FlowRow {
    /// `2024-03`, `2024-Q1`, `2024`, or a counts file's own text, unchanged.
    pub label: String,
    pub active: u64,
    pub start: u64,
    pub retained: Option<u64>,
    pub new: Option<u64>,
    pub returning: Option<u64>,
    pub lost: Option<u64>,
    /// Counts files only: of the new customers, those who left again (J).
    pub joined_left: Option<u64>,
    /// The sum of the period's amounts, when the file has them.
    pub revenue: Option<Decimal>,
    /// The data ends inside this period.
    pub incomplete: bool,
}

fn ratio(num: u64, den: u64) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// Why a period's churn (lost / start) is blank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChurnBlank {
    /// The data has no count of lost customers (a customer-count series).
    NoLostCount,
    /// The period starts with 0 customers, so there is nobody to lose: the first period of
    /// transactions, or a counts row with start 0.
    NoCustomersAtStart,
}

impl FlowRow {
    /// lost / start; `None` when start is 0 or lost unknown.
    pub fn churn(&self) -> Option<f64> {
        ratio(self.lost?, self.start)
    }

    /// Why [`Self::churn`] is `None`; `None` when it has a value.
    pub fn churn_blank(&self) -> Option<ChurnBlank> {
        match (self.lost, self.start) {
            (None, _) => Some(ChurnBlank::NoLostCount),
            (Some(_), 0) => Some(ChurnBlank::NoCustomersAtStart),
            _ => None,
        }
    }

    /// retained / start (not 1 − churn); `None` when start is 0 or retained unknown.
    pub fn retention(&self) -> Option<f64> {
        ratio(self.retained?, self.start)
    }

    /// (active − start) / start, where start is the previous period's active customers (or a
    /// counts file's S); `None` when start is 0.
    pub fn net_growth(&self) -> Option<f64> {
        (self.start > 0).then(|| (self.active as f64 - self.start as f64) / self.start as f64)
    }

    /// The period's counts as the period calculator's fields take them: start, new, lost,
    /// returning, joined and left (a count the data does not give is 0).
    pub fn period_inputs(&self) -> [String; 5] {
        [
            self.start,
            self.new.unwrap_or(0),
            self.lost.unwrap_or(0),
            self.returning.unwrap_or(0),
            self.joined_left.unwrap_or(0),
        ]
        .map(|v| v.to_string())
    }

    /// The period through the one-period calculator (docs/metrics.md section 1) with S = start,
    /// N = new, L = lost, Ret = returning, J = joined and left (absent counts are 0): the
    /// same figures and working as typed into the period panel.
    pub fn period_report(&self) -> Report {
        let texts = self.period_inputs();
        period::evaluate(
            &PeriodText {
                start: &texts[0],
                new: &texts[1],
                lost: &texts[2],
                returning: &texts[3],
                joined_left: &texts[4],
            },
            ChurnDefinition::Start,
        )
    }
}

/// One cohort: the customers whose first period is `period`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortRow {
    /// The label of the cohort's first period.
    pub label: String,
    /// Index of that period in the table.
    pub period: usize,
    pub size: u64,
    /// Customers of the cohort active `k` periods later, for every k the data reaches.
    pub active: Vec<u64>,
    /// Customers of the cohort whose last active period is `k` periods later or after.
    pub survivors: Vec<u64>,
}

/// The cohort triangle of a transactions file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cohorts {
    /// Non-empty cohorts in period order.
    pub rows: Vec<CohortRow>,
    /// Periods in the table (columns k0 .. k(periods−1)).
    pub periods: usize,
    /// The last period is incomplete: its cells stay out of the average row.
    pub incomplete_last: bool,
}

impl Cohorts {
    /// Customers in all cohorts.
    pub fn total(&self) -> u64 {
        self.rows.iter().map(|r| r.size).sum()
    }

    /// active / size for cohort row `r` at offset `k`; `None` past the data.
    pub fn share(&self, r: usize, k: usize) -> Option<f64> {
        let row = self.rows.get(r)?;
        ratio(*row.active.get(k)?, row.size)
    }

    /// Whether the cell of cohort row `r` at offset `k` falls in an incomplete period.
    pub fn cell_incomplete(&self, r: usize, k: usize) -> bool {
        self.incomplete_last
            && self
                .rows
                .get(r)
                .is_some_and(|row| row.period + k + 1 == self.periods)
    }

    /// (sum of active, sum of sizes) at offset `k` over the cohorts that have reached it,
    /// incomplete periods left out; `None` when no cohort has.
    fn average_parts(&self, k: usize) -> Option<(u64, u64)> {
        let mut sums = None;
        for (r, row) in self.rows.iter().enumerate() {
            if let Some(&a) = row.active.get(k) {
                if !self.cell_incomplete(r, k) {
                    let (s, n) = sums.unwrap_or((0, 0));
                    sums = Some((s + a, n + row.size));
                }
            }
        }
        sums
    }

    /// The size-weighted average share at offset `k`.
    pub fn average_share(&self, k: usize) -> Option<f64> {
        self.average_parts(k).and_then(|(a, n)| ratio(a, n))
    }

    /// The sum of active counts at offset `k` over the cohorts that have reached it.
    pub fn average_count(&self, k: usize) -> Option<u64> {
        self.average_parts(k).map(|(a, _)| a)
    }
}

/// The flows (and, for transactions, cohorts) at one granularity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeriodTable {
    /// `None` for counts files and series, whose periods are the file's rows.
    pub granularity: Option<Granularity>,
    pub rows: Vec<FlowRow>,
    pub cohorts: Option<Cohorts>,
}

/// The results file of docs/metrics.md §2.8: UTF-8, LF, final newline, rates printed with
/// Rust's shortest round-trip form; the period label is the only text column.
pub fn results_csv(table: &PeriodTable) -> String {
    let mut f = CsvFile::new();
    f.header(&[
        "period",
        "active",
        "start",
        "retained",
        "new",
        "returning",
        "lost",
        "churn",
        "retention",
        "net_growth",
    ]);
    for r in &table.rows {
        f.text(&r.label)
            .number(Some(r.active))
            .number(Some(r.start))
            .number(r.retained)
            .number(r.new)
            .number(r.returning)
            .number(r.lost)
            .number(r.churn())
            .number(r.retention())
            .number(r.net_growth());
        f.end_row();
    }
    f.finish()
}

/// The cohort file: `cohort,size,k0,…` with shares (or counts), blank past the data, and the
/// `average` row (size = all customers); the cohort label is the only text column.
pub fn cohort_csv(cohorts: &Cohorts, counts: bool) -> String {
    let mut f = CsvFile::new();
    f.text("cohort").text("size");
    for k in 0..cohorts.periods {
        f.text(&format!("k{k}"));
    }
    f.end_row();
    for (r, row) in cohorts.rows.iter().enumerate() {
        f.text(&row.label).number(Some(row.size));
        for k in 0..cohorts.periods {
            if counts {
                f.number(row.active.get(k));
            } else {
                f.number(cohorts.share(r, k));
            }
        }
        f.end_row();
    }
    f.text("average").number(Some(cohorts.total()));
    for k in 0..cohorts.periods {
        if counts {
            f.number(cohorts.average_count(k));
        } else {
            f.number(cohorts.average_share(k));
        }
    }
    f.end_row();
    f.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let m = 2024 * 12 + 2;
        assert_eq!(Granularity::Month.label(m), "2024-03");
        assert_eq!(Granularity::Quarter.label(m / 3), "2024-Q1");
        assert_eq!(Granularity::Year.label(m / 12), "2024");
        assert_eq!(Granularity::Quarter.label(2024 * 4 + 3), "2024-Q4");
    }

    #[test]
    fn rates_are_one_division_of_the_counts() {
        let row = FlowRow {
            label: "x".into(),
            active: 1100,
            start: 1000,
            retained: Some(853),
            lost: Some(147),
            ..FlowRow::default()
        };
        assert_eq!(row.churn(), Some(147.0 / 1000.0));
        assert_eq!(row.retention(), Some(0.853));
        assert_eq!(row.net_growth(), Some(0.1));
        let first = FlowRow::default();
        assert_eq!(
            (first.churn(), first.retention(), first.net_growth()),
            (None, None, None)
        );
        assert_eq!(format!("{}", 1.0f64), "1");
        assert_eq!(format!("{}", 0.8525363242416518f64), "0.8525363242416518");
    }

    /// Blank churn: a period whose churn is blank says why.
    #[test]
    fn item_8_a_blank_churn_has_its_reason() {
        let row = |start, lost| FlowRow {
            label: "x".into(),
            start,
            active: start + 4,
            lost,
            ..FlowRow::default()
        };
        let cases = [
            (row(0, Some(0)), Some(ChurnBlank::NoCustomersAtStart)),
            (row(0, Some(2)), Some(ChurnBlank::NoCustomersAtStart)),
            (row(10, None), Some(ChurnBlank::NoLostCount)),
            (row(0, None), Some(ChurnBlank::NoLostCount)),
            (row(10, Some(2)), None),
        ];
        for (r, why) in cases {
            assert_eq!(r.churn_blank(), why, "{r:?}");
            assert_eq!(r.churn().is_none(), why.is_some(), "{r:?}");
        }
    }
}
