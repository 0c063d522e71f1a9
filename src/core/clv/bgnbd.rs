//! The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"),
//! docs/metrics.md section 9: while alive, a customer buys at rate λ ~ Gamma(r, α); after each
//! purchase they drop out with probability p ~ Beta(a, b).

use serde::{Deserialize, Serialize};

use super::special::{beta_expectation, hyp2f1};

/// BG/NBD parameters, all > 0.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct BgNbd {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
}

/// A customer as the model sees them: x repeat transactions, the last at t_x, observed for T
/// (t_x <= T, in the summary's unit).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct History {
    pub x: u32,
    pub t_x: f64,
    pub t: f64,
}

/// ln(eᵘ + eʷ) without overflow.
fn log_add(u: f64, w: f64) -> f64 {
    let (hi, lo) = if u >= w { (u, w) } else { (w, u) };
    hi + (lo - hi).exp().ln_1p()
}

impl BgNbd {
    /// The parameters, when all are finite and above 0.
    pub fn new(r: f64, alpha: f64, a: f64, b: f64) -> Option<BgNbd> {
        [r, alpha, a, b]
            .iter()
            .all(|v| v.is_finite() && *v > 0.0)
            .then_some(BgNbd { r, alpha, a, b })
    }

    /// ln L(r, α, a, b | x, t_x, T), the paper's equation 6:
    /// L = Γ(r+x) αʳ / Γ(r) · B(a, b+x) / B(a, b) · [(α+T)^−(r+x) + δ(x>0) a/(b+x−1) (α+t_x)^−(r+x)],
    /// with the Gamma and Beta ratios as products over k < x of (r+k) and (b+k)/(a+b+k).
    pub fn log_likelihood(&self, h: History) -> f64 {
        let BgNbd { r, alpha, a, b } = *self;
        let mut ln_ratio = r * alpha.ln();
        for k in 0..h.x {
            let k = f64::from(k);
            ln_ratio += (r + k).ln() + (b + k).ln() - (a + b + k).ln();
        }
        let s = r + f64::from(h.x);
        let gone = -s * (alpha + h.t).ln();
        if h.x == 0 {
            return ln_ratio + gone;
        }
        let dropped = (a / (b + f64::from(h.x) - 1.0)).ln() - s * (alpha + h.t_x).ln();
        ln_ratio + log_add(gone, dropped)
    }

    /// P(alive | x, t_x, T) = 1 / (1 + δ(x>0) a/(b+x−1) ((α+T)/(α+t_x))^(r+x)).
    pub fn p_alive(&self, h: History) -> f64 {
        if h.x == 0 {
            return 1.0;
        }
        let x = f64::from(h.x);
        let ln_odds = (self.a / (self.b + x - 1.0)).ln()
            + (self.r + x) * ((self.alpha + h.t) / (self.alpha + h.t_x)).ln();
        1.0 / (1.0 + ln_odds.exp())
    }

    /// E[Y(t) | x, t_x, T], the expected transactions in the next t units (the paper's
    /// equation 10): P(alive) times the expectation for a customer alive at T. `None` when it
    /// cannot be computed (see [`BgNbd::expected_if_alive`]).
    pub fn expected(&self, h: History, t: f64) -> Option<f64> {
        Some(self.p_alive(h) * self.expected_if_alive(h.x, h.t, t)?)
    }

    /// E[X(t)] for a new customer (the paper's equation 9): the expectation of a customer
    /// alive with x = 0 at T = 0.
    pub fn expected_new(&self, t: f64) -> Option<f64> {
        self.expected_if_alive(0, 0.0, t)
    }

    /// The expected transactions in (T, T + t] of a customer with x repeat transactions who
    /// is alive at T: (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1;
    /// t/(α+T+t))]. The series is summed where it is quick and exact; close to a = 1 (where
    /// the two factors cancel), for a + b + x − 1 <= 1/2 and for t/(α+T+t) > 0.98, the same
    /// expectation E[(1 − (1 + p t/(α+T))^−(r+x)) / p] over p ~ Beta(a, b+x) is integrated
    /// numerically instead.
    pub fn expected_if_alive(&self, x: u32, age: f64, t: f64) -> Option<f64> {
        if t <= 0.0 {
            return Some(0.0);
        }
        let BgNbd { r, alpha, a, b } = *self;
        let x = f64::from(x);
        let (s, c) = (r + x, a + b + x - 1.0);
        let z = t / (alpha + age + t);
        if (a - 1.0).abs() > 1e-3 && c > 0.5 && z <= 0.98 {
            let f = hyp2f1(s, b + x, c, z)?;
            let lead = ((alpha + age) / (alpha + age + t)).ln() * s;
            let value = c / (a - 1.0) * (1.0 - lead.exp() * f);
            return value.is_finite().then_some(value);
        }
        let k = t / (alpha + age);
        // (1 − (1 + pk)^−s) / p, with its limit s·k at p = 0.
        let g = |p: f64, _q: f64| {
            if p * k < 1e-300 {
                s * k
            } else {
                -(-s * (p * k).ln_1p()).exp_m1() / p
            }
        };
        beta_expectation(a, b + x, &g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clv::special::ln_gamma;

    const PAPER: BgNbd = BgNbd {
        r: 0.243,
        alpha: 4.414,
        a: 0.793,
        b: 2.426,
    };

    #[test]
    fn log_likelihood_against_the_formula_with_gamma_functions() {
        let lg = ln_gamma;
        let direct = |m: &BgNbd, h: History| {
            let BgNbd { r, alpha, a, b } = *m;
            let x = f64::from(h.x);
            let a1 = lg(r + x) - lg(r) + r * alpha.ln();
            let a2 = lg(a + b) + lg(b + x) - lg(b) - lg(a + b + x);
            let a3 = (alpha + h.t).powf(-(r + x));
            let a4 = if h.x > 0 {
                a / (b + x - 1.0) * (alpha + h.t_x).powf(-(r + x))
            } else {
                0.0
            };
            a1 + a2 + (a3 + a4).ln()
        };
        let models = [
            PAPER,
            BgNbd::new(1.5, 20.0, 2.0, 0.4).unwrap(),
            BgNbd::new(0.05, 0.7, 0.1, 9.0).unwrap(),
        ];
        let histories = [
            (0, 0.0, 10.0),
            (1, 2.5, 30.0),
            (4, 37.0, 38.86),
            (7, 0.5, 1.0),
        ]
        .map(|(x, t_x, t)| History { x, t_x, t });
        for m in models {
            for h in histories {
                let (got, want) = (m.log_likelihood(h), direct(&m, h));
                assert!((got - want).abs() < 1e-12, "{m:?} {h:?}: {got} vs {want}");
            }
        }
    }

    #[test]
    fn p_alive_worked() {
        // x = 2, t_x = 30.43, T = 38.86 with the paper's parameters:
        // odds = 0.793 / 3.426 · (43.274 / 34.844)^2.243.
        let h = History {
            x: 2,
            t_x: 30.43,
            t: 38.86,
        };
        let odds = 0.793 / 3.426 * (43.274f64 / 34.844).powf(2.243);
        assert!((PAPER.p_alive(h) - 1.0 / (1.0 + odds)).abs() < 1e-15);
    }

    /// E[Y(t)] by direct integration over both λ and p: for a customer alive at T,
    /// E[Y(t) | λ, p] = (1 − e^(−λ p t)) / p; λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x) are
    /// the posteriors. The λ integral is done here by composite Simpson on a substitution.
    fn integrated(m: &BgNbd, h: History, t: f64) -> f64 {
        let x = f64::from(h.x);
        let (shape, rate) = (m.r + x, m.alpha + h.t);
        // E over λ of e^(−λ p t) by Simpson in v = F(λ) is awkward; integrate the Gamma
        // density in u = ln λ instead, where it is smooth and decays at both ends.
        let ln_norm = shape * rate.ln() - ln_gamma(shape);
        let over_lambda = |p: f64| {
            let n = 4000;
            let (lo, hi) = (-60.0, 8.0);
            let step = (hi - lo) / n as f64;
            let f = |u: f64| {
                let l = f64::exp(u);
                let dens = (ln_norm + shape * u - rate * l).exp();
                dens * -(-l * p * t).exp_m1() / p
            };
            let mut sum = f(lo) + f(hi);
            for i in 1..n {
                let w = if i % 2 == 1 { 4.0 } else { 2.0 };
                sum += w * f(lo + i as f64 * step);
            }
            sum * step / 3.0
        };
        let alive = beta_expectation(m.a, m.b + x, &|p, _| over_lambda(p)).unwrap();
        m.p_alive(h) * alive
    }

    #[test]
    fn expected_transactions_against_a_numerical_integral() {
        let models = [PAPER, BgNbd::new(2.0, 10.0, 3.0, 0.7).unwrap()];
        let cases = [
            (0, 0.0, 0.0, 39.0),
            (2, 30.43, 38.86, 39.0),
            (5, 20.0, 38.0, 10.0),
        ];
        for m in models {
            for (x, t_x, t, horizon) in cases {
                let h = History { x, t_x, t };
                let got = m.expected(h, horizon).unwrap();
                let want = integrated(&m, h, horizon);
                assert!(
                    (got - want).abs() < 1e-7 * want.max(1.0),
                    "{m:?} {h:?}: {got} vs {want}"
                );
            }
        }
    }

    #[test]
    fn the_series_and_the_quadrature_agree_where_both_apply() {
        // Near the switch-over points of `expected_if_alive`: the series branch against the
        // Beta-expectation branch, forced by nudging z and a.
        let m = BgNbd::new(0.6, 3.0, 1.2, 1.5).unwrap();
        for (x, age, t) in [(0, 0.0, 52.0), (3, 10.0, 100.0), (1, 40.0, 5.0)] {
            let series = m.expected_if_alive(x, age, t).unwrap();
            let k = t / (m.alpha + age);
            let s = m.r + f64::from(x);
            let quad = beta_expectation(m.a, m.b + f64::from(x), &|p, _| {
                -(-s * (p * k).ln_1p()).exp_m1() / p
            })
            .unwrap();
            assert!((series - quad).abs() < 1e-10 * series, "{x} {age} {t}");
        }
        // a = 1 exactly takes the quadrature; it lies between a = 1 ± 0.01.
        let at = |a| {
            BgNbd::new(0.6, 3.0, a, 1.5)
                .unwrap()
                .expected_if_alive(2, 10.0, 52.0)
                .unwrap()
        };
        let (lo, mid, hi) = (at(0.99), at(1.0), at(1.01));
        assert!(lo > mid && mid > hi, "{lo} {mid} {hi}");
    }

    #[test]
    fn new_customer_expectation_of_the_paper() {
        // Over a short time a new customer buys at the mean rate r/α; over 78 weeks the
        // dropout keeps the expectation well below 78 r/α = 4.3.
        let small = PAPER.expected_new(1e-4).unwrap() / 1e-4;
        assert!((small - PAPER.r / PAPER.alpha).abs() < 1e-4, "{small}");
        let e = PAPER.expected_new(78.0).unwrap();
        assert!(e > 1.0 && e < 2.0, "{e}");
        assert_eq!(PAPER.expected_new(0.0), Some(0.0));
    }
}
