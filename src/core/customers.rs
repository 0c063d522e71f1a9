//! The customers view's work on one file (docs/metrics.md section 9): the rows the import
//! kept, analysed with the view's settings, and what the page is sent back: the results, the
//! two files, the top of the win-back list and, on request, one customer's figures. The
//! import worker holds a [`Held`] between requests, so that a change of settings is computed
//! again without reading the file.

use serde::{Deserialize, Serialize};

use crate::core::clv::{
    analyse_fitted, customer_values_csv, fit_both, summarise, winback_csv, Analysis, ClvAsk,
    ClvResults, Day, Fits, Mean, Summary, SummaryError, Unit,
};
use crate::core::import::purchases::Purchases;
use crate::core::number::Decimal;

/// How many of the win-back list's customers the page shows (the file has them all).
pub const WINBACK_SHOWN: usize = 20;

/// One customer of the win-back list, as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WinbackRow {
    pub id: String,
    pub last_purchase: Day,
    pub transactions: u32,
    pub total_spend: Decimal,
    pub p_alive: f64,
}

/// One customer's figures, for the lookup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomerRow {
    pub id: String,
    pub x: u32,
    pub t_x: f64,
    pub age: f64,
    pub m_x: Option<f64>,
    /// `None` without a BG/NBD fit.
    pub p_alive: Option<f64>,
    pub expected: Option<f64>,
    pub mean: Option<Mean>,
    pub value: Option<Mean>,
}

/// Everything the view shows of one analysis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomersDone {
    /// The import whose data this is.
    pub data: u32,
    /// The data's first and last days.
    pub span: (Day, Day),
    /// Whether the file has amounts (without them, only BG/NBD is fitted).
    pub amounts: bool,
    /// Rows left out for giving a month but no day.
    pub month_only: u64,
    /// Money is written with this many decimals.
    pub decimals: u32,
    pub results: ClvResults,
    /// The win-back list's first [`WINBACK_SHOWN`] customers.
    pub winback_top: Vec<WinbackRow>,
    /// "Download customer values CSV".
    pub values_csv: String,
    /// "Download win-back list CSV".
    pub winback_csv: String,
}

/// Why there are no results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CustomersFailed {
    /// The data is period counts, not one row per order.
    NotTransactions,
    /// The browser could not read the file again (its message).
    Unread(String),
    /// Read again, the file no longer gives the tables shown (it changed since).
    Changed,
    /// Every row gives only a month: there are no days to count.
    NoDays {
        month_only: u64,
    },
    /// The calibration end is outside the data's first and last days.
    Outside {
        first: Day,
        last: Day,
    },
    Summary(SummaryError),
}

/// The rows of one import, and the last analysis of them.
pub struct Held {
    pub data: u32,
    pub purchases: Purchases,
    analysis: Option<Analysis>,
    /// The last summary and its fits, by calibration end and unit: a new horizon, discount,
    /// margin or threshold needs neither made again.
    fitted: Option<((Day, Unit), Summary, Fits)>,
}

impl Held {
    pub fn new(data: u32, purchases: Purchases) -> Held {
        Held {
            data,
            purchases,
            analysis: None,
            fitted: None,
        }
    }

    /// Analyses the rows with `ask`'s settings, keeping the analysis for lookups.
    pub fn analyse(&mut self, ask: &ClvAsk) -> Result<CustomersDone, CustomersFailed> {
        self.analysis = None;
        let p = &self.purchases;
        let Some(span) = p.span() else {
            return Err(CustomersFailed::NoDays {
                month_only: p.month_only,
            });
        };
        let settings = ask.settings(span).map_err(|_| CustomersFailed::Outside {
            first: span.0,
            last: span.1,
        })?;
        let key = (settings.calibration_end, settings.unit);
        let (summary, fits) = match self.fitted.take() {
            Some((k, summary, fits)) if k == key => (summary, fits),
            _ => {
                let mut summary = summarise(&p.rows, settings.calibration_end, settings.unit)
                    .map_err(CustomersFailed::Summary)?;
                summary.decimals = summary.decimals.max(p.decimals);
                let fits = fit_both(&summary);
                (summary, fits)
            }
        };
        self.fitted = Some((key, summary.clone(), fits.clone()));
        let analysis = analyse_fitted(summary, fits, &settings);
        let id = |i: u32| p.id(i);
        let winback_top = analysis
            .winback
            .iter()
            .take(WINBACK_SHOWN)
            .map(|&i| {
                let c = &analysis.summary.customers[i];
                WinbackRow {
                    id: id(c.customer).to_string(),
                    last_purchase: c.last_purchase,
                    transactions: c.transactions(),
                    total_spend: c.total_spend,
                    p_alive: analysis.values.get(i).map_or(f64::NAN, |v| v.p_alive),
                }
            })
            .collect();
        let done = CustomersDone {
            data: self.data,
            span,
            amounts: p.amounts,
            month_only: p.month_only,
            decimals: analysis.summary.decimals,
            results: analysis.results.clone(),
            winback_top,
            values_csv: customer_values_csv(&analysis, &id),
            winback_csv: winback_csv(&analysis, &id),
        };
        self.analysis = Some(analysis);
        Ok(done)
    }

    /// The figures of the customer whose id is `id`, in the last analysis; `None` when no
    /// customer of its summary has that id.
    pub fn lookup(&self, id: &str) -> Option<CustomerRow> {
        let analysis = self.analysis.as_ref()?;
        let index = self.purchases.index_of(id)?;
        let s = &analysis.summary;
        let at = s.customers.iter().position(|c| c.customer == index)?;
        let c = &s.customers[at];
        let v = analysis.values.get(at);
        Some(CustomerRow {
            id: self.purchases.id(index).to_string(),
            x: c.x,
            t_x: s.t_x(c),
            age: s.age(c),
            m_x: c.m_x(),
            p_alive: v.map(|v| v.p_alive),
            expected: v.map(|v| v.expected).filter(|e| e.is_finite()),
            mean: v.map(|v| v.mean),
            value: v.map(|v| v.value),
        })
    }

    /// Whether a lookup can be answered (an analysis is held).
    pub fn analysed(&self) -> bool {
        self.analysis.is_some()
    }
}
