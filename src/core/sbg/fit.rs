//! Maximum-likelihood fit of the sBG to a cohort's survivor counts.
//!
//! The optimiser is the project's Nelder-Mead (`core::optimize`) on (ln a, ln b), restarted
//! from two starting points, rather than one from a crate: two parameters and a cheap, smooth
//! likelihood need nothing more, and no special functions are involved. The obvious crate, `argmin` 0.11,
//! brings anyhow, thiserror, num-traits, paste, rand and rand_xoshiro (getrandom, which on
//! wasm32 needs a `wasm_js` cfg flag), argmin-math and web-time (its timer reads
//! `performance.now()` through wasm-bindgen), and a generic executor with observers and
//! checkpointing. Measured as wasm32 release builds (opt-level "z", LTO), a library that only
//! runs argmin's Nelder-Mead on this likelihood is 603 KB (155 KB gzipped); one that only runs
//! this fit is 17 KB (8 KB gzipped, allocator included), and the fit adds 2.6 KB gzipped to a
//! library that already formats and parses numbers. The page's size budget has a few KB spare.

use super::model::{Geometric, Sbg, Survivors};
use crate::core::optimize::{self, Search, Settings};

/// Which model the fit settled on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Model {
    /// An sBG with finite a, b: retention rises over time.
    Sbg(Sbg),
    /// The counts show no heterogeneity: the likelihood is highest as a, b -> infinity with
    /// a / (a+b) fixed, which is constant churn. Reported as such, with its churn.
    ConstantChurn(Geometric),
}

impl Model {
    /// S(0..=horizon).
    pub fn survival_curve(&self, horizon: usize) -> Vec<f64> {
        match self {
            Model::Sbg(m) => m.survival_curve(horizon),
            Model::ConstantChurn(g) => (0..=horizon).map(|t| g.survival(t)).collect(),
        }
    }

    /// r(t) for t >= 1.
    pub fn retention(&self, t: usize) -> f64 {
        match self {
            Model::Sbg(m) => m.retention(t),
            Model::ConstantChurn(g) => 1.0 - g.churn,
        }
    }

    /// Mean lifetime in periods.
    pub fn mean_lifetime(&self) -> super::Extent {
        match self {
            Model::Sbg(m) => m.mean_lifetime(),
            Model::ConstantChurn(g) => g.mean_lifetime(),
        }
    }

    /// Discounted expected lifetime at rate d per period (see [`Sbg::del`]).
    pub fn del(&self, d: f64) -> Option<super::Extent> {
        match self {
            Model::Sbg(m) => m.del(d),
            Model::ConstantChurn(g) => g.del(d),
        }
    }
}

/// The fit of one cohort, with the constant-churn model fitted to the same counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fitted {
    pub model: Model,
    /// The model's log-likelihood (the geometric one in the constant-churn limit).
    pub log_likelihood: f64,
    /// Constant churn fitted to the same counts, for comparison (closed form).
    pub geometric: Geometric,
    pub geometric_log_likelihood: f64,
}

impl Fitted {
    /// True when the fit is the constant-churn limit.
    pub fn is_constant_churn_limit(&self) -> bool {
        matches!(self.model, Model::ConstantChurn(_))
    }
}

/// Why there is no fit. Never numbers from a search that did not settle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FitError {
    /// The optimiser ran out of iterations without settling.
    DidNotConverge,
    /// The likelihood keeps rising as a or b shrinks to 0: the counts look like a group that
    /// all leave at once next to a group that never leaves, and the sBG has no finite best fit.
    AtZeroBoundary,
}

/// a + b beyond this is the constant-churn limit.
const LIMIT_SUM: f64 = 1e6;
/// The search stays within ln a, ln b in this box (a, b from 6e-6 to 9e6).
const LN_MIN: f64 = -12.0;
const LN_MAX: f64 = 16.0;
/// A fitted ln a or ln b below this ran into the box's floor.
const LN_FLOOR: f64 = -11.0;
/// The sBG must beat constant churn's log-likelihood by more than this to count as a fit.
const LL_GAIN: f64 = 1e-6;

/// Fits the sBG to the counts by maximum likelihood, or reports the constant-churn limit.
///
/// The limit is the answer when the search walks past a + b = 10^6, or when the best sBG found
/// does not beat constant churn's log-likelihood by more than 1e-6 (counts whose retention
/// does not rise). A best point with a or b below e^-11 (about 1.7e-5) is
/// [`FitError::AtZeroBoundary`]; searches that never settle are [`FitError::DidNotConverge`].
///
/// ```
/// use retention_lab::core::sbg::{fit, Model, Survivors};
/// let s = Survivors::new(vec![1000, 631, 468, 382, 326, 289, 262, 241]).unwrap();
/// let Model::Sbg(m) = fit(&s).unwrap().model else { panic!("heterogeneous") };
/// assert_eq!(format!("{:.3} {:.3}", m.a(), m.b()), "0.704 1.182");
/// ```
pub fn fit(survivors: &Survivors) -> Result<Fitted, FitError> {
    let geometric = Geometric::fit(survivors);
    let geometric_ll = geometric.log_likelihood(survivors);
    let limit = Fitted {
        model: Model::ConstantChurn(geometric),
        log_likelihood: geometric_ll,
        geometric,
        geometric_log_likelihood: geometric_ll,
    };
    let c = geometric.churn;
    // Nobody lost, or everybody lost in period 1: constant churn of 0 or 1 fits exactly.
    if c <= 0.0 || c >= 1.0 {
        return Ok(limit);
    }
    let n0 = survivors.initial() as f64;
    // Scaled by n0 so that one tolerance suits a cohort of 100 and one of 10 million.
    let objective = |x: [f64; 2]| {
        if x.iter().any(|v| !(LN_MIN..=LN_MAX).contains(v)) {
            return f64::INFINITY;
        }
        match Sbg::new(x[0].exp(), x[1].exp()) {
            Some(m) => {
                let v = -m.log_likelihood(survivors) / n0;
                if v.is_nan() {
                    f64::INFINITY
                } else {
                    v
                }
            }
            None => f64::INFINITY,
        }
    };
    let escaped = |x: [f64; 2]| x[0].exp() + x[1].exp() > LIMIT_SUM;
    // From a = b = 1 (uniform churn across customers) and from the constant-churn estimate
    // with a little heterogeneity; then once more from the best point, with a fresh simplex,
    // in case the first simplex collapsed early.
    let starts = [[0.0, 0.0], [(10.0 * c).ln(), (10.0 * (1.0 - c)).ln()]];
    let mut best: Option<([f64; 2], f64)> = None;
    let mut any_escaped = false;
    for start in starts {
        match nelder_mead(&objective, start, &escaped) {
            Search::Converged(x, v) if best.is_none_or(|(_, b)| v < b) => best = Some((x, v)),
            Search::Escaped(..) => any_escaped = true,
            _ => {}
        }
    }
    if let Some((x, _)) = best {
        match nelder_mead(&objective, x, &escaped) {
            Search::Converged(x, v) if best.is_none_or(|(_, b)| v < b) => best = Some((x, v)),
            Search::Escaped(..) => any_escaped = true,
            _ => {}
        }
    }
    let Some((x, v)) = best else {
        return if any_escaped {
            Ok(limit)
        } else {
            Err(FitError::DidNotConverge)
        };
    };
    let ll = -v * n0;
    if ll <= geometric_ll + LL_GAIN || escaped(x) {
        return Ok(limit);
    }
    if x[0] < LN_FLOOR || x[1] < LN_FLOOR {
        return Err(FitError::AtZeroBoundary);
    }
    let model = Sbg::new(x[0].exp(), x[1].exp()).ok_or(FitError::DidNotConverge)?;
    Ok(Fitted {
        model: Model::Sbg(model),
        log_likelihood: model.log_likelihood(survivors),
        geometric,
        geometric_log_likelihood: geometric_ll,
    })
}

/// Stop when the simplex's values differ by at most 1e-13 (relative, plus absolute) and its
/// points by at most 1e-8 in ln a and ln b.
const SETTINGS: Settings = Settings {
    max_iterations: 2_000,
    ftol: 1e-13,
    xtol: 1e-8,
    step: 0.5,
};

fn nelder_mead(
    f: &dyn Fn([f64; 2]) -> f64,
    start: [f64; 2],
    escaped: &dyn Fn([f64; 2]) -> bool,
) -> Search<2> {
    optimize::nelder_mead(f, start, escaped, &SETTINGS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::sbg::Extent;

    const REGULAR: [u64; 13] = [
        1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173,
    ];
    const HIGH_END: [u64; 13] = [
        1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394,
    ];

    fn fitted(counts: &[u64]) -> Fitted {
        fit(&Survivors::new(counts.to_vec()).unwrap()).unwrap()
    }

    fn sbg(f: &Fitted) -> Sbg {
        match f.model {
            Model::Sbg(m) => m,
            other => panic!("expected an sBG fit, got {other:?}"),
        }
    }

    #[test]
    fn fader_hardie_regular_a_0_704_b_1_182_ll_minus_1680_27_del_3_695() {
        let f = fitted(&REGULAR[..8]);
        let m = sbg(&f);
        assert_eq!(format!("{:.3}", m.a()), "0.704");
        assert_eq!(format!("{:.3}", m.b()), "1.182");
        assert_eq!(format!("{:.2}", f.log_likelihood), "-1680.27");
        let del = m.del(0.1).and_then(Extent::finite).unwrap();
        assert_eq!(format!("{del:.3}"), "3.695");
    }

    #[test]
    fn fader_hardie_high_end_a_0_668_b_3_806_ll_minus_1611_16_del_5_922() {
        let f = fitted(&HIGH_END[..8]);
        let m = sbg(&f);
        assert_eq!(format!("{:.3}", m.a()), "0.668");
        assert_eq!(format!("{:.3}", m.b()), "3.806");
        assert_eq!(format!("{:.2}", f.log_likelihood), "-1611.16");
        let del = m.del(0.1).and_then(Extent::finite).unwrap();
        assert_eq!(format!("{del:.3}"), "5.922");
    }

    #[test]
    fn sbg_beats_constant_churn_on_the_paper_data() {
        for counts in [&REGULAR[..8], &HIGH_END[..8]] {
            let f = fitted(counts);
            assert!(f.log_likelihood > f.geometric_log_likelihood + 10.0);
        }
    }

    #[test]
    fn exact_constant_churn_is_the_limit_with_its_churn() {
        let f = fitted(&[10_000, 8_000, 6_400, 5_120, 4_096]);
        assert_eq!(f.model, Model::ConstantChurn(Geometric { churn: 0.2 }));
        assert_eq!(f.log_likelihood, f.geometric_log_likelihood);
    }

    #[test]
    fn falling_retention_is_the_constant_churn_limit() {
        let f = fitted(&[1000, 900, 700, 400, 100]);
        assert!(f.is_constant_churn_limit(), "{f:?}");
    }

    #[test]
    fn edge_counts_table() {
        // (counts, constant-churn limit with this churn, or an error)
        let cases: &[(&[u64], Result<f64, FitError>)] = &[
            (&[100, 100, 100], Ok(0.0)),
            (&[100, 0, 0], Ok(1.0)),
            (&[1000, 500, 500, 500], Err(FitError::AtZeroBoundary)),
        ];
        for (counts, want) in cases {
            let got = fit(&Survivors::new(counts.to_vec()).unwrap()).map(|f| match f.model {
                Model::ConstantChurn(g) => g.churn,
                Model::Sbg(m) => panic!("{counts:?}: sBG {m:?}"),
            });
            assert_eq!(&got, want, "{counts:?}");
        }
    }
}
