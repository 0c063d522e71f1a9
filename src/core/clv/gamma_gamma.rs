//! The Gamma-Gamma model of spend (Fader, Hardie & Lee 2005, "RFM and CLV"; Fader & Hardie's
//! note "The Gamma-Gamma model of monetary value"), docs/metrics.md section 9: a customer's
//! transactions are worth z ~ Gamma(p, ν) on average E[z] = p/ν, with ν ~ Gamma(q, γ) across
//! customers.

use serde::{Deserialize, Serialize};

use super::special::ln_gamma;

/// Gamma-Gamma parameters, all > 0.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct GammaGamma {
    pub p: f64,
    pub q: f64,
    pub gamma: f64,
}

/// A mean value that may not be finite (γp/(q − 1) when q <= 1): the page shows it in words,
/// never as a number.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Mean {
    Finite(f64),
    NotFinite,
}

impl Mean {
    /// The value, when finite.
    pub fn finite(self) -> Option<f64> {
        match self {
            Mean::Finite(v) => Some(v),
            Mean::NotFinite => None,
        }
    }

    /// This mean times a finite factor; a not-finite mean stays so unless the factor is 0
    /// (nothing bought is worth nothing).
    pub fn times(self, k: f64) -> Mean {
        match self {
            Mean::Finite(v) => Mean::Finite(v * k),
            Mean::NotFinite if k == 0.0 => Mean::Finite(0.0),
            Mean::NotFinite => Mean::NotFinite,
        }
    }
}

impl GammaGamma {
    /// The parameters, when all are finite and above 0.
    pub fn new(p: f64, q: f64, gamma: f64) -> Option<GammaGamma> {
        [p, q, gamma]
            .iter()
            .all(|v| v.is_finite() && *v > 0.0)
            .then_some(GammaGamma { p, q, gamma })
    }

    /// ln f(m_x | x) for a customer with x > 0 repeat transactions of mean value m_x > 0:
    /// Γ(px+q) / (Γ(px) Γ(q)) · γ^q m_x^(px−1) x^(px) / (γ + x m_x)^(px+q).
    pub fn log_likelihood(&self, x: u32, m_x: f64) -> f64 {
        let GammaGamma { p, q, gamma } = *self;
        let x = f64::from(x);
        let px = p * x;
        ln_gamma(px + q) - ln_gamma(px) - ln_gamma(q)
            + q * gamma.ln()
            + (px - 1.0) * m_x.ln()
            + px * x.ln()
            - (px + q) * (gamma + x * m_x).ln()
    }

    /// The mean transaction value of a new customer (or one with x = 0), γp/(q − 1), which is
    /// not finite when q <= 1.
    pub fn population_mean(&self) -> Mean {
        if self.q > 1.0 {
            Mean::Finite(self.gamma * self.p / (self.q - 1.0))
        } else {
            Mean::NotFinite
        }
    }

    /// E[M | x, m_x] = (γp + p x m_x) / (p x + q − 1), finite when p x + q > 1; the
    /// population mean when x = 0 (or m_x is unknown).
    pub fn expected_mean(&self, x: u32, m_x: Option<f64>) -> Mean {
        let Some(m_x) = m_x.filter(|_| x > 0) else {
            return self.population_mean();
        };
        let GammaGamma { p, q, gamma } = *self;
        let px = p * f64::from(x);
        let den = px + q - 1.0;
        if den > 0.0 {
            Mean::Finite((gamma * p + px * m_x) / den)
        } else {
            Mean::NotFinite
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAPER: GammaGamma = GammaGamma {
        p: 6.25,
        q: 3.74,
        gamma: 15.44,
    };

    /// The density by its definition, f(m | x) = ∫ f(m | ν, x) g(ν) dν, where the mean of x
    /// Gamma(p, ν) transactions is Gamma(px, νx) and ν ~ Gamma(q, γ): integrated by Simpson
    /// in ln ν.
    fn integrated(m: &GammaGamma, x: u32, mean: f64) -> f64 {
        let x = f64::from(x);
        let (px, q, g) = (m.p * x, m.q, m.gamma);
        let f = |u: f64| {
            let nu = u.exp();
            let rate = nu * x;
            let ln_m = px * rate.ln() + (px - 1.0) * mean.ln() - rate * mean - ln_gamma(px);
            let ln_nu = q * g.ln() + q * u - g * nu - ln_gamma(q);
            (ln_m + ln_nu).exp()
        };
        let (lo, hi, n) = (-30.0, 10.0, 20_000);
        let step = (hi - lo) / n as f64;
        let mut sum = f(lo) + f(hi);
        for i in 1..n {
            sum += if i % 2 == 1 { 4.0 } else { 2.0 } * f(lo + i as f64 * step);
        }
        sum * step / 3.0
    }

    #[test]
    fn log_likelihood_against_the_integral() {
        let models = [PAPER, GammaGamma::new(0.8, 1.5, 3.0).unwrap()];
        for m in models {
            for (x, mean) in [(1, 11.77), (2, 22.345), (7, 40.0), (3, 0.5)] {
                let got = m.log_likelihood(x, mean);
                let want = integrated(&m, x, mean).ln();
                assert!(
                    (got - want).abs() < 1e-8,
                    "{m:?} x={x} m={mean}: {got} vs {want}"
                );
            }
        }
    }

    #[test]
    fn expected_means_table() {
        let cases = [
            (PAPER, 0, None, Mean::Finite(15.44 * 6.25 / 2.74)),
            (
                PAPER,
                2,
                Some(22.345),
                Mean::Finite((15.44 * 6.25 + 12.5 * 22.345) / 15.24),
            ),
            (
                GammaGamma::new(0.1, 0.5, 3.0).unwrap(),
                0,
                None,
                Mean::NotFinite,
            ),
            (
                GammaGamma::new(0.1, 0.5, 3.0).unwrap(),
                4,
                Some(10.0),
                Mean::NotFinite,
            ),
            (
                GammaGamma::new(0.1, 0.5, 3.0).unwrap(),
                6,
                Some(10.0),
                Mean::Finite((0.3 + 6.0) / 0.1),
            ),
            (
                GammaGamma::new(2.0, 1.0, 3.0).unwrap(),
                0,
                None,
                Mean::NotFinite,
            ),
        ];
        for (m, x, m_x, want) in cases {
            match (m.expected_mean(x, m_x), want) {
                (Mean::Finite(a), Mean::Finite(b)) => {
                    assert!((a - b).abs() < 1e-9 * b, "{m:?} {x}: {a} vs {b}")
                }
                (got, want) => assert_eq!(got, want, "{m:?} {x}"),
            }
        }
    }

    #[test]
    fn a_not_finite_mean_times_zero_is_zero() {
        assert_eq!(Mean::NotFinite.times(0.0), Mean::Finite(0.0));
        assert_eq!(Mean::NotFinite.times(2.0), Mean::NotFinite);
        assert_eq!(Mean::Finite(2.0).times(3.0), Mean::Finite(6.0));
    }
}
