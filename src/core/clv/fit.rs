//! Maximum-likelihood fits of BG/NBD and Gamma-Gamma to a customer summary, by the project's
//! Nelder-Mead (`core::optimize`) on the logarithms of the parameters.
//!
//! The likelihoods are evaluated on the distinct histories only: customers with the same
//! (x, t_x, T) count once with their number, and the Gamma and Beta ratios of equation 6 come
//! from running products over k < x shared by every x, so one evaluation costs a few
//! logarithms per distinct time value and one `exp` and `ln_1p` per distinct history.

use serde::{Deserialize, Serialize};

use super::bgnbd::BgNbd;
use super::gamma_gamma::GammaGamma;
use super::special::ln_gamma;
use super::summary::Summary;
use crate::core::optimize::{nelder_mead, Search, Settings};
use rustc_hash::FxHashMap;

/// The fewest repeat buyers a fit needs.
pub const MIN_REPEAT_BUYERS: usize = 2;

/// Which parameter ran to a boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Parameter {
    R,
    Alpha,
    A,
    B,
    P,
    Q,
    Gamma,
}

/// Where a parameter ran.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Toward {
    Zero,
    Infinity,
}

/// Why a model has no fit. Never numbers from a search that did not settle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum FitError {
    /// Fewer than [`MIN_REPEAT_BUYERS`] customers with x > 0 (for Gamma-Gamma: with x > 0
    /// and a repeat value above 0).
    TooFewRepeatBuyers { found: usize },
    /// The likelihood keeps rising as a parameter runs to 0 or to infinity: the data have no
    /// finite best fit of this model.
    Boundary {
        parameter: Parameter,
        toward: Toward,
    },
    /// The likelihood is not a finite number at the start or at the best point found.
    NotFinite,
    /// The search ran out of iterations without settling.
    DidNotConverge,
}

impl std::fmt::Display for FitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FitError::TooFewRepeatBuyers { found } => write!(
                f,
                "{found} repeat buyers; the fit needs at least {MIN_REPEAT_BUYERS}"
            ),
            FitError::Boundary { parameter, toward } => write!(
                f,
                "the likelihood keeps rising as {parameter:?} goes to {toward:?}"
            ),
            FitError::NotFinite => write!(f, "the likelihood is not finite"),
            FitError::DidNotConverge => write!(f, "the search did not settle"),
        }
    }
}

impl std::error::Error for FitError {}

/// A fitted model with its log-likelihood at the fit.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fitted<M> {
    pub model: M,
    pub log_likelihood: f64,
    /// The customers fitted on.
    pub customers: usize,
}

/// The search stays within this box of ln(parameter) (parameters from 3e-7 to 6.6e7)…
const LN_MIN: f64 = -15.0;
const LN_MAX: f64 = 18.0;
/// …and a best point beyond these (1.7e-5 and 1e6 in the unit's scale, for α and γ
/// relative to the data's own scale) ran into the boundary.
const LN_FLOOR: f64 = -11.0;
const LN_CEILING: f64 = 13.8;
/// A search whose best point gets this far past the floor or ceiling is stopped.
const ESCAPE: f64 = 1.0;

/// Stops at a change of the mean log-likelihood per customer below 1e-12 (relative, plus
/// absolute) with the simplex within 1e-7 in every ln(parameter): far inside the printed
/// digits (the paper prints 3 or 4 significant figures).
const SETTINGS: Settings = Settings {
    max_iterations: 10_000,
    ftol: 1e-12,
    xtol: 1e-7,
    step: 0.5,
};

/// Runs the search from `start`, then once more from its best point with a fresh simplex
/// (a first simplex may collapse early), and checks the answer against the boundary.
fn search<const N: usize>(
    objective: &dyn Fn([f64; N]) -> f64,
    start: [f64; N],
    names: [Parameter; N],
) -> Result<[f64; N], FitError> {
    if !objective(start).is_finite() {
        return Err(FitError::NotFinite);
    }
    // Past the floor or ceiling by a margin, the search is running to a boundary: stop there
    // rather than walk a ridge that never ends.
    let beyond = |x: [f64; N]| {
        x.iter()
            .any(|&v| !(LN_FLOOR - ESCAPE..=LN_CEILING + ESCAPE).contains(&v))
    };
    let first = nelder_mead(objective, start, &beyond, &SETTINGS);
    let mut best = settled(first)?;
    boundary(best, names)?;
    let again = nelder_mead(objective, best, &beyond, &SETTINGS);
    let x = settled(again)?;
    if objective(x) <= objective(best) {
        best = x;
    }
    if !objective(best).is_finite() {
        return Err(FitError::NotFinite);
    }
    boundary(best, names)?;
    Ok(best)
}

/// The point where a search settled; a search that escaped, or ran out with its best point
/// beyond the floor or ceiling, ran to a boundary (reported by [`boundary`]).
fn settled<const N: usize>(s: Search<N>) -> Result<[f64; N], FitError> {
    match s {
        Search::Converged(x, _) | Search::Escaped(x, _) => Ok(x),
        Search::Exhausted(x, _) if x.iter().any(|&v| !(LN_FLOOR..=LN_CEILING).contains(&v)) => {
            Ok(x)
        }
        Search::Exhausted(..) => Err(FitError::DidNotConverge),
    }
}

/// The first parameter beyond the floor or the ceiling, as an error.
fn boundary<const N: usize>(x: [f64; N], names: [Parameter; N]) -> Result<(), FitError> {
    for (k, &v) in x.iter().enumerate() {
        let toward = if v < LN_FLOOR {
            Toward::Zero
        } else if v > LN_CEILING {
            Toward::Infinity
        } else {
            continue;
        };
        return Err(FitError::Boundary {
            parameter: names[k],
            toward,
        });
    }
    Ok(())
}

fn in_box<const N: usize>(x: &[f64; N]) -> bool {
    x.iter().all(|v| (LN_MIN..=LN_MAX).contains(v))
}

/// The summary's customers for BG/NBD: distinct (x, t_x, T) with their counts, the times
/// as indexes into one table of distinct values.
pub struct BgNbdData {
    /// Distinct values of t_x and T, in the summary's unit.
    times: Vec<f64>,
    /// Per distinct history: x, the index of t_x and of T in `times`, the count.
    groups: Vec<(u32, u32, u32, f64)>,
    max_x: u32,
    customers: usize,
    repeat_buyers: usize,
    /// Σx / ΣT: the mean purchase rate, for the starting point.
    rate: f64,
}

impl BgNbdData {
    /// Groups the summary's customers.
    pub fn new(summary: &Summary) -> BgNbdData {
        let mut time_index: FxHashMap<u32, u32> = FxHashMap::default();
        let mut days: Vec<u32> = Vec::new();
        let mut index = |d: u32| {
            *time_index.entry(d).or_insert_with(|| {
                days.push(d);
                (days.len() - 1) as u32
            })
        };
        let mut counts: FxHashMap<(u32, u32, u32), u32> = FxHashMap::default();
        let mut order: Vec<(u32, u32, u32)> = Vec::new();
        let (mut sum_x, mut sum_t) = (0.0, 0.0);
        for c in &summary.customers {
            let key = (c.x, index(c.recency_days), index(c.age_days));
            let n = counts.entry(key).or_insert(0);
            if *n == 0 {
                order.push(key);
            }
            *n += 1;
            sum_x += f64::from(c.x);
            sum_t += summary.age(c);
        }
        let groups = order
            .into_iter()
            .map(|k| (k.0, k.1, k.2, f64::from(counts[&k])))
            .collect();
        BgNbdData {
            times: days.iter().map(|&d| summary.unit.of_days(d)).collect(),
            groups,
            max_x: summary.customers.iter().map(|c| c.x).max().unwrap_or(0),
            customers: summary.customers.len(),
            repeat_buyers: summary.repeat_buyers(),
            rate: if sum_t > 0.0 { sum_x / sum_t } else { 0.0 },
        }
    }

    /// Distinct histories.
    pub fn groups(&self) -> usize {
        self.groups.len()
    }

    /// The summed log-likelihood of every customer (equation 6), as
    /// [`BgNbd::log_likelihood`] gives it per customer.
    pub fn log_likelihood(&self, m: &BgNbd, scratch: &mut Scratch) -> f64 {
        let BgNbd { r, alpha, a, b } = *m;
        let n = self.max_x as usize + 1;
        // lead[x] = r ln α + Σ_{k<x} ln((r+k)(b+k)/(a+b+k)); drop[x] = ln(a / (b+x−1)).
        scratch.lead.clear();
        scratch.drop.clear();
        let mut lead = r * alpha.ln();
        let ln_a = a.ln();
        scratch.drop.push(0.0);
        for k in 0..n {
            scratch.lead.push(lead);
            let kf = k as f64;
            let ln_b = (b + kf).ln();
            if k + 1 < n {
                scratch.drop.push(ln_a - ln_b);
            }
            lead += (r + kf).ln() + ln_b - (a + b + kf).ln();
        }
        scratch.ln_time.clear();
        scratch
            .ln_time
            .extend(self.times.iter().map(|t| (alpha + t).ln()));
        let mut total = 0.0;
        for &(x, i_tx, i_t, count) in &self.groups {
            let s = r + f64::from(x);
            let gone = -s * scratch.ln_time[i_t as usize];
            let ll = if x == 0 {
                gone
            } else {
                let dropped = scratch.drop[x as usize] - s * scratch.ln_time[i_tx as usize];
                let (hi, lo) = if gone >= dropped {
                    (gone, dropped)
                } else {
                    (dropped, gone)
                };
                hi + (lo - hi).exp().ln_1p()
            };
            total += count * (scratch.lead[x as usize] + ll);
        }
        total
    }
}

/// Reused buffers of [`BgNbdData::log_likelihood`].
#[derive(Default)]
pub struct Scratch {
    lead: Vec<f64>,
    drop: Vec<f64>,
    ln_time: Vec<f64>,
}

/// Fits BG/NBD to the summary by maximum likelihood.
pub fn fit_bgnbd(summary: &Summary) -> Result<Fitted<BgNbd>, FitError> {
    fit_bgnbd_data(&BgNbdData::new(summary))
}

/// Fits BG/NBD to grouped data (see [`BgNbdData`]).
pub fn fit_bgnbd_data(data: &BgNbdData) -> Result<Fitted<BgNbd>, FitError> {
    if data.repeat_buyers < MIN_REPEAT_BUYERS {
        return Err(FitError::TooFewRepeatBuyers {
            found: data.repeat_buyers,
        });
    }
    let scratch = std::cell::RefCell::new(Scratch::default());
    let n = data.customers as f64;
    let model = |x: &[f64; 4]| BgNbd::new(x[0].exp(), x[1].exp(), x[2].exp(), x[3].exp());
    // Scaled by the customers so that one tolerance suits 100 customers and a million.
    let objective = |x: [f64; 4]| {
        if !in_box(&x) {
            return f64::INFINITY;
        }
        match model(&x) {
            Some(m) => {
                let v = -data.log_likelihood(&m, &mut scratch.borrow_mut()) / n;
                if v.is_nan() {
                    f64::INFINITY
                } else {
                    v
                }
            }
            None => f64::INFINITY,
        }
    };
    // r = a = b = 1, and α so that r/α is the data's mean purchase rate.
    let alpha0 = if data.rate > 0.0 {
        1.0 / data.rate
    } else {
        1.0
    };
    let start = [0.0, alpha0.ln().clamp(LN_FLOOR, LN_CEILING), 0.0, 0.0];
    let names = [Parameter::R, Parameter::Alpha, Parameter::A, Parameter::B];
    let best = search(&objective, start, names)?;
    let model = model(&best).ok_or(FitError::NotFinite)?;
    let log_likelihood = data.log_likelihood(&model, &mut scratch.borrow_mut());
    if !log_likelihood.is_finite() {
        return Err(FitError::NotFinite);
    }
    Ok(Fitted {
        model,
        log_likelihood,
        customers: data.customers,
    })
}

/// The repeat buyers for Gamma-Gamma: (x, m_x) of each customer with x > 0 and m_x > 0.
pub struct GammaGammaData {
    /// Per customer: x, ln x, m_x, ln m_x.
    rows: Vec<(u32, f64, f64, f64)>,
    /// Distinct x values with their customer counts.
    xs: Vec<(u32, f64)>,
    /// Repeat buyers left out because their repeat transactions are worth 0 or less in all.
    pub left_out: usize,
    /// The customers' mean m_x, for the starting point.
    mean: f64,
}

impl GammaGammaData {
    /// The summary's repeat buyers.
    pub fn new(summary: &Summary) -> GammaGammaData {
        let mut rows = Vec::new();
        let mut left_out = 0;
        let mut xs: FxHashMap<u32, f64> = FxHashMap::default();
        for c in &summary.customers {
            match c.m_x() {
                Some(m) if m > 0.0 && m.is_finite() => {
                    let x = f64::from(c.x);
                    rows.push((c.x, x.ln(), m, m.ln()));
                    *xs.entry(c.x).or_insert(0.0) += 1.0;
                }
                Some(_) => left_out += 1,
                None => {}
            }
        }
        let mut xs: Vec<(u32, f64)> = xs.into_iter().collect();
        xs.sort_unstable_by_key(|e| e.0);
        let mean = rows.iter().map(|r| r.2).sum::<f64>() / rows.len().max(1) as f64;
        GammaGammaData {
            rows,
            xs,
            left_out,
            mean,
        }
    }

    /// Customers fitted on.
    pub fn customers(&self) -> usize {
        self.rows.len()
    }

    /// The summed log-likelihood, as [`GammaGamma::log_likelihood`] gives it per customer.
    pub fn log_likelihood(&self, m: &GammaGamma) -> f64 {
        let GammaGamma { p, q, gamma } = *m;
        let n = self.rows.len() as f64;
        let mut total = n * (q * gamma.ln() - ln_gamma(q));
        for &(x, count) in &self.xs {
            let px = p * f64::from(x);
            total += count * (ln_gamma(px + q) - ln_gamma(px));
        }
        for &(x, ln_x, m_x, ln_m) in &self.rows {
            let px = p * f64::from(x);
            total += (px - 1.0) * ln_m + px * ln_x - (px + q) * (gamma + f64::from(x) * m_x).ln();
        }
        total
    }
}

/// Fits Gamma-Gamma to the summary's repeat buyers by maximum likelihood.
pub fn fit_gamma_gamma(summary: &Summary) -> Result<Fitted<GammaGamma>, FitError> {
    fit_gamma_gamma_data(&GammaGammaData::new(summary))
}

/// Fits Gamma-Gamma to prepared data (see [`GammaGammaData`]).
pub fn fit_gamma_gamma_data(data: &GammaGammaData) -> Result<Fitted<GammaGamma>, FitError> {
    let n = data.customers();
    if n < MIN_REPEAT_BUYERS {
        return Err(FitError::TooFewRepeatBuyers { found: n });
    }
    let model = |x: &[f64; 3]| GammaGamma::new(x[0].exp(), x[1].exp(), x[2].exp());
    let objective = |x: [f64; 3]| {
        if !in_box(&x) {
            return f64::INFINITY;
        }
        match model(&x) {
            Some(m) => {
                let v = -data.log_likelihood(&m) / n as f64;
                if v.is_nan() {
                    f64::INFINITY
                } else {
                    v
                }
            }
            None => f64::INFINITY,
        }
    };
    // p = 1, q = 2 and γ so that the population mean γp/(q − 1) is the mean m_x.
    let start = [0.0, 2f64.ln(), data.mean.ln().clamp(LN_FLOOR, LN_CEILING)];
    let names = [Parameter::P, Parameter::Q, Parameter::Gamma];
    let best = search(&objective, start, names)?;
    let model = model(&best).ok_or(FitError::NotFinite)?;
    let log_likelihood = data.log_likelihood(&model);
    if !log_likelihood.is_finite() {
        return Err(FitError::NotFinite);
    }
    Ok(Fitted {
        model,
        log_likelihood,
        customers: n,
    })
}
