//! From order rows to every figure of the customers view (docs/metrics.md section 9): the
//! summary, both fits, each customer's P(alive), expected transactions and value, the
//! holdout check and the charts' series. [`ClvResults`] is the part worth keeping in a
//! session; the per-customer rows stay with the data.

use serde::{Deserialize, Serialize};

use super::bgnbd::{BgNbd, History};
use super::fit::{fit_bgnbd, fit_gamma_gamma_data, FitError, Fitted, GammaGammaData};
use super::gamma_gamma::{GammaGamma, Mean};
use super::summary::{summarise, Customer, Day, Purchase, Summary, SummaryError, Unit};
use super::value::{worth_of, ValueSettings};
use super::winback::winback;
use rustc_hash::FxHashMap;

/// What the view's fields set.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClvSettings {
    /// "Calibration ends on" (inclusive).
    pub calibration_end: Day,
    pub unit: Unit,
    pub value: ValueSettings,
    /// The win-back list takes P(alive) below this.
    pub winback_threshold: f64,
}

/// Bins of the P(alive) histogram: [0, 0.1), [0.1, 0.2), …, [0.9, 1].
pub const P_ALIVE_BINS: usize = 10;

/// One unit of the holdout: repeat transactions seen and predicted.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct HoldoutUnit {
    pub actual: u64,
    pub predicted: f64,
}

/// Actual against predicted repeat transactions after the calibration end, of the customers
/// in the summary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Holdout {
    /// Per unit; the last may be partial (see `last_unit_days`).
    pub units: Vec<HoldoutUnit>,
    /// Days in the last unit (the unit's length when it is whole).
    pub last_unit_days: u32,
    pub actual: u64,
    pub predicted: f64,
}

/// One customer's figures, in the summary's order (file order).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CustomerValue {
    pub p_alive: f64,
    /// Over the horizon, E[Y(H) | x, t_x, T].
    pub expected: f64,
    /// E[M | x, m_x].
    pub mean: Mean,
    pub value: Mean,
}

/// The figures to keep: settings, counts, both fits, averages and the charts' series.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClvResults {
    pub settings: ClvSettings,
    pub customers: usize,
    pub repeat_buyers: usize,
    /// Customers whose first purchase is after the calibration end (not in the summary).
    pub later_customers: usize,
    pub bgnbd: Result<Fitted<BgNbd>, FitError>,
    pub gamma_gamma: Result<Fitted<GammaGamma>, FitError>,
    /// Repeat buyers left out of the Gamma-Gamma fit: their repeat transactions are worth 0 or
    /// less.
    pub gamma_gamma_left_out: usize,
    /// E[X(H)] of a new customer.
    pub new_customer_expected: Option<f64>,
    /// γp/(q − 1).
    pub population_mean: Option<Mean>,
    /// The mean of the customers' values over the horizon.
    pub average_value: Option<Mean>,
    /// The mean P(alive) over customers.
    pub average_p_alive: Option<f64>,
    /// Customers per P(alive) bin ([`P_ALIVE_BINS`] of them).
    pub p_alive_histogram: Vec<u64>,
    /// E[X(t)] of a new customer for t = 0, 1, …, H.
    pub new_customer_curve: Vec<f64>,
    /// `None` when the data end on the calibration end or the BG/NBD fit failed.
    pub holdout: Option<Holdout>,
    /// Customers on the win-back list.
    pub winback: usize,
}

/// The whole analysis: the summary and per-customer figures with the results.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    pub summary: Summary,
    /// Per customer of the summary; empty when BG/NBD has no fit.
    pub values: Vec<CustomerValue>,
    /// The win-back list: indexes into the summary's customers, ranked.
    pub winback: Vec<usize>,
    pub results: ClvResults,
}

fn history(summary: &Summary, c: &Customer) -> History {
    History {
        x: c.x,
        t_x: summary.t_x(c),
        t: summary.age(c),
    }
}

/// The summary, both fits and every figure for these rows and settings.
pub fn analyse(purchases: &[Purchase], settings: &ClvSettings) -> Result<Analysis, SummaryError> {
    let summary = summarise(purchases, settings.calibration_end, settings.unit)?;
    Ok(analyse_summary(summary, settings))
}

/// Both models fitted to one summary. They depend on the calibration end and the unit only,
/// so a new horizon, discount, margin or threshold can use them again.
#[derive(Clone, Debug, PartialEq)]
pub struct Fits {
    pub bgnbd: Result<Fitted<BgNbd>, FitError>,
    pub gamma_gamma: Result<Fitted<GammaGamma>, FitError>,
    /// Repeat buyers left out of the Gamma-Gamma fit.
    pub gamma_gamma_left_out: usize,
}

/// Fits both models to `summary`.
pub fn fit_both(summary: &Summary) -> Fits {
    let gg_data = GammaGammaData::new(summary);
    Fits {
        bgnbd: fit_bgnbd(summary),
        gamma_gamma: fit_gamma_gamma_data(&gg_data),
        gamma_gamma_left_out: gg_data.left_out,
    }
}

/// As [`analyse`], from a summary already made with the settings' end and unit.
pub fn analyse_summary(summary: Summary, settings: &ClvSettings) -> Analysis {
    let fits = fit_both(&summary);
    analyse_fitted(summary, fits, settings)
}

/// As [`analyse_summary`], with the models already fitted to `summary`.
pub fn analyse_fitted(summary: Summary, fits: Fits, settings: &ClvSettings) -> Analysis {
    let Fits {
        bgnbd,
        gamma_gamma,
        gamma_gamma_left_out,
    } = fits;
    let mut values = Vec::new();
    let mut new_customer_expected = None;
    let mut new_customer_curve = Vec::new();
    let mut holdout = None;
    if let Ok(f) = &bgnbd {
        let m = f.model;
        let curves = Curves::new(&summary, &m, settings.value.horizon);
        values = customer_values(&summary, &m, &curves, gamma_gamma.as_ref().ok(), settings);
        new_customer_expected = m.expected_new(f64::from(settings.value.horizon));
        new_customer_curve = (0..=settings.value.horizon)
            .map(|t| m.expected_new(f64::from(t)))
            .collect::<Option<Vec<f64>>>()
            .unwrap_or_default();
        holdout = holdout_check(&summary, &m, &curves);
    }
    let n = values.len();
    let mut histogram = vec![0u64; P_ALIVE_BINS];
    for v in &values {
        let bin = ((v.p_alive * P_ALIVE_BINS as f64) as usize).min(P_ALIVE_BINS - 1);
        histogram[bin] += 1;
    }
    let average_value = (n > 0).then(|| {
        values
            .iter()
            .try_fold(0.0, |s, v| v.value.finite().map(|x| s + x))
            .map_or(Mean::NotFinite, |s| Mean::Finite(s / n as f64))
    });
    let average_p_alive = (n > 0).then(|| values.iter().map(|v| v.p_alive).sum::<f64>() / n as f64);
    let p_alive: Vec<f64> = values.iter().map(|v| v.p_alive).collect();
    let list = if values.is_empty() {
        Vec::new()
    } else {
        winback(&summary, &p_alive, settings.winback_threshold)
    };
    let results = ClvResults {
        settings: *settings,
        customers: summary.customers.len(),
        repeat_buyers: summary.repeat_buyers(),
        later_customers: summary.later_customers,
        population_mean: gamma_gamma.as_ref().ok().map(|g| g.model.population_mean()),
        bgnbd,
        gamma_gamma,
        gamma_gamma_left_out,
        new_customer_expected,
        average_value,
        average_p_alive,
        p_alive_histogram: histogram,
        new_customer_curve,
        holdout,
        winback: list.len(),
    };
    Analysis {
        summary,
        values,
        winback: list,
        results,
    }
}

/// A history's key: x, t_x and T in days.
type Key = (u32, u32, u32);

fn key(c: &Customer) -> Key {
    (c.x, c.recency_days, c.age_days)
}

/// Per distinct history (x, t_x, T): its customers and E[Y(t)] for t = 1, 2, …, as far as
/// both the value's horizon and the holdout's whole units need (`None` when one cannot be
/// computed), so that the value and the holdout check share them.
struct Curves {
    by_key: FxHashMap<Key, (History, u32, Option<Vec<f64>>)>,
}

impl Curves {
    fn new(summary: &Summary, m: &BgNbd, horizon: u32) -> Curves {
        let units = summary.holdout_length().floor() as u32;
        let n = horizon.max(units);
        let mut by_key: FxHashMap<Key, (History, u32, Option<Vec<f64>>)> = FxHashMap::default();
        for c in &summary.customers {
            by_key
                .entry(key(c))
                .or_insert_with(|| {
                    let h = history(summary, c);
                    let curve = (1..=n).map(|t| m.expected(h, f64::from(t))).collect();
                    (h, 0, curve)
                })
                .1 += 1;
        }
        Curves { by_key }
    }
}

/// Each customer's figures, from the curve of its history.
fn customer_values(
    summary: &Summary,
    m: &BgNbd,
    curves: &Curves,
    gg: Option<&Fitted<GammaGamma>>,
    settings: &ClvSettings,
) -> Vec<CustomerValue> {
    let value = &settings.value;
    summary
        .customers
        .iter()
        .map(|c| {
            let (h, _, curve) = &curves.by_key[&key(c)];
            let mean = gg.map_or(Mean::NotFinite, |g| g.model.expected_mean(c.x, c.m_x()));
            let (expected, value) = match curve {
                Some(curve) => {
                    let w = worth_of(curve, mean, value, summary.unit);
                    (w.expected, w.value)
                }
                None => (f64::NAN, Mean::NotFinite),
            };
            CustomerValue {
                p_alive: m.p_alive(*h),
                expected,
                mean,
                value,
            }
        })
        .collect()
}
/// Predicted repeat transactions per holdout unit, summed over the summary's customers: the
/// histories' curves at whole units, and E[Y] at the data's end for a partial last unit.
fn holdout_check(summary: &Summary, m: &BgNbd, curves: &Curves) -> Option<Holdout> {
    let units = summary.holdout_units.len();
    if units == 0 {
        return None;
    }
    let length = summary.holdout_length();
    let mut predicted = vec![0.0; units];
    for (h, n, curve) in curves.by_key.values() {
        let curve = curve.as_ref()?;
        let n = f64::from(*n);
        let mut before = 0.0;
        for (k, p) in predicted.iter_mut().enumerate() {
            let t = (k + 1) as f64;
            let e = if t <= length {
                curve[k]
            } else {
                m.expected(*h, length)?
            };
            *p += n * (e - before);
            before = e;
        }
    }
    let days = summary.holdout_days();
    let unit_days = summary.unit.days();
    Some(Holdout {
        units: summary
            .holdout_units
            .iter()
            .zip(&predicted)
            .map(|(&actual, &predicted)| HoldoutUnit { actual, predicted })
            .collect(),
        last_unit_days: days - (units as u32 - 1) * unit_days,
        actual: summary.holdout_units.iter().sum(),
        predicted: predicted.iter().sum(),
    })
}
