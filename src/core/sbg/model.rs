//! The two survival models and the counts they are fitted to: the shifted-beta-geometric (each
//! customer keeps a constant churn p of their own, p ~ Beta(a, b) across the cohort) and its
//! limit without heterogeneity, constant churn (geometric).
//!
//! Everything follows from the recursions S(0) = 1, S(t) = S(t-1) (b+t-1) / (a+b+t-1) and
//! P(1) = a / (a+b), P(t) = P(t-1) (b+t-2) / (a+b+t-1): no Beta or Gamma function is needed.

/// A length that may have no finite value: a mean lifetime for a <= 1, or the discounted
/// lifetime at a zero discount rate. Never a NaN or an infinite f64 standing in for words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Extent {
    Finite(f64),
    /// The series diverges: the page says "not finite" in its own words.
    Infinite,
}

impl Extent {
    /// The value, when finite.
    pub fn finite(self) -> Option<f64> {
        match self {
            Extent::Finite(x) => Some(x),
            Extent::Infinite => None,
        }
    }

    /// This extent times a factor >= 0 (an infinite extent stays infinite).
    pub fn times(self, k: f64) -> Extent {
        match self {
            Extent::Finite(x) => Extent::Finite(x * k),
            Extent::Infinite => Extent::Infinite,
        }
    }
}

/// Survivor counts n0 >= n1 >= ... >= nT of one cohort, n0 > 0, at least three of them
/// (periods 0..=T with T >= 2, the fewest that can tell heterogeneity from constant churn).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Survivors(Vec<u64>);

/// Why counts are not a cohort's survivors. Periods are 0-based (period t holds n_t).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SurvivorsError {
    TooFew {
        found: usize,
    },
    FirstZero,
    /// n_t > n_{t-1}: customers cannot rejoin a cohort.
    Rises {
        period: usize,
    },
}

/// The fewest counts a cohort needs (periods 0, 1, 2).
pub const MIN_COUNTS: usize = 3;

impl Survivors {
    /// Checks the counts; the first problem is returned.
    ///
    /// ```
    /// use retention_lab::core::sbg::{Survivors, SurvivorsError};
    /// assert!(Survivors::new(vec![1000, 631, 468]).is_ok());
    /// assert_eq!(Survivors::new(vec![10, 5, 6]), Err(SurvivorsError::Rises { period: 2 }));
    /// ```
    pub fn new(counts: Vec<u64>) -> Result<Self, SurvivorsError> {
        if counts.first() == Some(&0) {
            return Err(SurvivorsError::FirstZero);
        }
        if let Some(t) = (1..counts.len()).find(|&t| counts[t] > counts[t - 1]) {
            return Err(SurvivorsError::Rises { period: t });
        }
        if counts.len() < MIN_COUNTS {
            return Err(SurvivorsError::TooFew {
                found: counts.len(),
            });
        }
        Ok(Survivors(counts))
    }

    /// The counts, period 0 first.
    pub fn counts(&self) -> &[u64] {
        &self.0
    }

    /// The last period T.
    pub fn last_period(&self) -> usize {
        self.0.len() - 1
    }

    /// The counts of periods 0..=t (all of them when t is past the last period; at least
    /// periods 0..=2, since a cohort has no fewer).
    pub fn through(&self, t: usize) -> Survivors {
        let end = (t + 1).clamp(MIN_COUNTS, self.0.len());
        Survivors(self.0[..end].to_vec())
    }

    /// n0, the cohort's size at period 0.
    pub fn initial(&self) -> u64 {
        self.0[0]
    }

    /// (n_{t-1} - n_t, n_{t-1}) for t = 1..=T: the lost and the exposed of each period.
    fn periods(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.0
            .windows(2)
            .map(|w| ((w[0] - w[1]) as f64, w[0] as f64))
    }
}

/// ln(x / (x + y)) for x, y > 0, accurate both when x is small and when y is.
fn ln_share(x: f64, y: f64) -> f64 {
    let share = x / (x + y);
    if share < 0.5 {
        share.ln()
    } else {
        (-y / (x + y)).ln_1p()
    }
}

/// The shifted-beta-geometric model: p ~ Beta(a, b), churn at period t with probability
/// P(T = t) = B(a+1, b+t-1) / B(a, b); survival S(t) = B(a, b+t) / B(a, b).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sbg {
    a: f64,
    b: f64,
}

impl Sbg {
    /// The model with parameters a, b (both finite and > 0).
    pub fn new(a: f64, b: f64) -> Option<Self> {
        let ok = |x: f64| x.is_finite() && x > 0.0;
        (ok(a) && ok(b)).then_some(Sbg { a, b })
    }

    /// a (the paper's alpha).
    pub fn a(&self) -> f64 {
        self.a
    }

    /// b (the paper's beta).
    pub fn b(&self) -> f64 {
        self.b
    }

    /// r(t) = S(t) / S(t-1) = (b+t-1) / (a+b+t-1), for t >= 1: rises with t, as the customers
    /// likeliest to leave have left.
    pub fn retention(&self, t: usize) -> f64 {
        let k = t.saturating_sub(1) as f64;
        (self.b + k) / (self.a + self.b + k)
    }

    /// S(t), the share of the cohort still there at period t.
    pub fn survival(&self, t: usize) -> f64 {
        (1..=t).map(|k| self.retention(k)).product()
    }

    /// S(0..=horizon), by the recursion.
    pub fn survival_curve(&self, horizon: usize) -> Vec<f64> {
        let mut out = Vec::with_capacity(horizon + 1);
        let mut s = 1.0;
        out.push(s);
        for t in 1..=horizon {
            s *= self.retention(t);
            out.push(s);
        }
        out
    }

    /// P(T = t), the chance of churning at period t >= 1 (0 for t = 0).
    pub fn churn_probability(&self, t: usize) -> f64 {
        if t == 0 {
            return 0.0;
        }
        let (a, b) = (self.a, self.b);
        let mut p = a / (a + b);
        for k in 2..=t {
            let k = k as f64;
            p *= (b + k - 2.0) / (a + b + k - 1.0);
        }
        p
    }

    /// Log-likelihood of the counts: sum over t = 1..=T of (n_{t-1} - n_t) ln P(t), plus
    /// n_T ln S(T) for those still there (right-censored). Done in logs so that a large cohort
    /// or a long series cannot underflow.
    pub fn log_likelihood(&self, survivors: &Survivors) -> f64 {
        let (a, b) = (self.a, self.b);
        let mut ln_p = 0.0;
        let mut ln_s = 0.0;
        let mut ll = 0.0;
        for (i, (lost, _)) in survivors.periods().enumerate() {
            let t = (i + 1) as f64;
            ln_p = if i == 0 {
                ln_share(a, b)
            } else {
                // P(t) / P(t-1) = (b+t-2) / (a+b+t-1) = (b+t-2) / ((a+1) + (b+t-2))
                ln_p + ln_share(b + t - 2.0, a + 1.0)
            };
            // S(t) / S(t-1) = (b+t-1) / (a + (b+t-1))
            ln_s += ln_share(b + t - 1.0, a);
            if lost > 0.0 {
                ll += lost * ln_p;
            }
        }
        let last = *survivors.counts().last().unwrap_or(&0) as f64;
        if last > 0.0 {
            ll += last * ln_s;
        }
        ll
    }

    /// E[T] = (a+b-1) / (a-1), finite only for a > 1.
    pub fn mean_lifetime(&self) -> Extent {
        if self.a > 1.0 {
            Extent::Finite((self.a + self.b - 1.0) / (self.a - 1.0))
        } else {
            Extent::Infinite
        }
    }

    /// The discounted expected lifetime DEL(d) = sum over t >= 0 of S(t) / (1+d)^t
    /// (= 2F1(1, b; a+b; 1/(1+d))), in periods, for a discount rate d >= 0 per period.
    ///
    /// d = 0 gives the mean lifetime (infinite for a <= 1). For d > 0 the terms shrink at
    /// least by 1/(1+d) each, so the part not yet summed is at most the last term / d; the sum
    /// stops when that is below 1e-13 of the total. `None` for a negative or non-finite d,
    /// or when that needs more than [`MAX_DEL_TERMS`] terms (d below about 0.002%).
    ///
    /// ```
    /// use retention_lab::core::sbg::{Extent, Sbg};
    /// let m = Sbg::new(1.0, 1.0).unwrap(); // S(t) = 1 / (t+1): DEL = -ln(1-x) / x, x = 1/(1+d)
    /// let x: f64 = 1.0 / 1.1;
    /// let del = m.del(0.1).and_then(Extent::finite).unwrap();
    /// assert!((del - (-(1.0 - x).ln() / x)).abs() < 1e-9);
    /// ```
    pub fn del(&self, d: f64) -> Option<Extent> {
        if !d.is_finite() || d < 0.0 {
            return None;
        }
        if d == 0.0 {
            return Some(self.mean_lifetime());
        }
        let x = 1.0 / (1.0 + d);
        let (mut term, mut sum) = (1.0, 1.0);
        for t in 1..=MAX_DEL_TERMS {
            term *= x * self.retention(t);
            sum += term;
            if term / d <= 1e-13 * sum {
                return Some(Extent::Finite(sum));
            }
        }
        None
    }
}

/// The most terms [`Sbg::del`] sums before giving up.
pub const MAX_DEL_TERMS: usize = 2_000_000;

/// Constant churn c every period: survival (1-c)^t. The sBG's limit as a, b -> infinity with
/// a / (a+b) = c.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometric {
    /// c, as a fraction in [0, 1].
    pub churn: f64,
}

impl Geometric {
    /// The maximum-likelihood fit: c = total lost / total exposure, i.e.
    /// (n0 - nT) / sum over t = 1..=T of n_{t-1}.
    pub fn fit(survivors: &Survivors) -> Self {
        let (lost, exposed) = Self::totals(survivors);
        Geometric {
            churn: lost / exposed,
        }
    }

    /// (total lost, total exposure).
    pub fn totals(survivors: &Survivors) -> (f64, f64) {
        survivors
            .periods()
            .fold((0.0, 0.0), |(l, e), (lost, exp)| (l + lost, e + exp))
    }

    /// (1-c)^t.
    pub fn survival(&self, t: usize) -> f64 {
        (1.0 - self.churn).powi(i32::try_from(t).unwrap_or(i32::MAX))
    }

    /// Log-likelihood: L ln c + (E - L) ln(1-c), L = total lost, E = total exposure (each lost
    /// customer survived t-1 periods first; each survivor T periods). 0 ln 0 counts as 0.
    pub fn log_likelihood(&self, survivors: &Survivors) -> f64 {
        let (lost, exposed) = Self::totals(survivors);
        let term = |n: f64, p: f64| if n > 0.0 { n * p.ln() } else { 0.0 };
        term(lost, self.churn) + term(exposed - lost, 1.0 - self.churn)
    }

    /// 1 / c (infinite when c = 0).
    pub fn mean_lifetime(&self) -> Extent {
        if self.churn > 0.0 {
            Extent::Finite(1.0 / self.churn)
        } else {
            Extent::Infinite
        }
    }

    /// sum over t >= 0 of (1-c)^t / (1+d)^t = (1+d) / (d+c); `None` for a negative d.
    pub fn del(&self, d: f64) -> Option<Extent> {
        if !d.is_finite() || d < 0.0 {
            return None;
        }
        Some(if d + self.churn > 0.0 {
            Extent::Finite((1.0 + d) / (d + self.churn))
        } else {
            Extent::Infinite
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(x: f64, y: f64, tol: f64) -> bool {
        (x - y).abs() <= tol * (1.0 + y.abs())
    }

    /// DEL by Euler's integral: E over p ~ Beta(a, b) of 1 / (1 - x(1-p)), x = 1/(1+d).
    /// For a < 1, substituting p = u^(1/a) removes the p^(a-1) singularity; Simpson's rule on
    /// the ratio of two integrals avoids the Beta function.
    fn del_by_integral(a: f64, b: f64, d: f64) -> f64 {
        let x = 1.0 / (1.0 + d);
        let n = 200_000;
        let h = 1.0 / n as f64;
        let (mut num, mut den) = (0.0, 0.0);
        for i in 0..=n {
            let u = i as f64 * h;
            // For a >= 1 the weight p^(a-1) is smooth and the substitution would not be.
            let (p, weight) = if a < 1.0 {
                (u.powf(1.0 / a), 1.0)
            } else {
                (u, u.powf(a - 1.0))
            };
            let w = if i == 0 || i == n {
                1.0
            } else if i % 2 == 1 {
                4.0
            } else {
                2.0
            };
            let density = weight * (1.0 - p).powf(b - 1.0);
            num += w * density / (1.0 - x * (1.0 - p));
            den += w * density;
        }
        num / den
    }

    #[test]
    fn del_agrees_with_the_hypergeometric_integral() {
        for (a, b, d) in [(0.704, 1.182, 0.1), (0.668, 3.806, 0.1), (2.5, 1.5, 0.05)] {
            let m = Sbg::new(a, b).unwrap();
            let del = m.del(d).and_then(Extent::finite).unwrap();
            let integral = del_by_integral(a, b, d);
            assert!(
                close(del, integral, 1e-6),
                "{a} {b} {d}: {del} vs {integral}"
            );
        }
    }

    #[test]
    fn del_at_a_equal_b_equal_one_is_the_log_series() {
        let m = Sbg::new(1.0, 1.0).unwrap();
        for d in [0.01, 0.1, 1.0] {
            let x: f64 = 1.0 / (1.0 + d);
            let want = -(1.0 - x).ln() / x;
            assert!(close(m.del(d).unwrap().finite().unwrap(), want, 1e-10));
        }
    }

    #[test]
    fn del_tends_to_the_mean_lifetime_and_is_infinite_at_zero_for_a_up_to_one() {
        let m = Sbg::new(2.5, 1.5).unwrap();
        let mean = m.mean_lifetime().finite().unwrap();
        assert!(close(mean, 3.0 / 1.5, 1e-12));
        assert_eq!(m.del(0.0), Some(Extent::Finite(mean)));
        assert!(close(m.del(1e-4).unwrap().finite().unwrap(), mean, 1e-3));
        let heavy = Sbg::new(0.704, 1.182).unwrap();
        assert_eq!(heavy.mean_lifetime(), Extent::Infinite);
        assert_eq!(heavy.del(0.0), Some(Extent::Infinite));
        assert_eq!(heavy.del(-0.1), None);
        assert_eq!(heavy.del(f64::NAN), None);
    }

    #[test]
    fn recursions_match_each_other_and_sum_to_one() {
        let m = Sbg::new(0.704, 1.182).unwrap();
        let curve = m.survival_curve(30);
        for t in 1..=30 {
            assert!(close(
                curve[t - 1] - curve[t],
                m.churn_probability(t),
                1e-12
            ));
            assert!(close(curve[t], m.survival(t), 1e-12));
        }
        assert_eq!(m.churn_probability(0), 0.0);
        assert!(close(m.retention(1), 1.182 / 1.886, 1e-12));
    }

    #[test]
    fn log_likelihood_table() {
        // Two periods by hand: 10 -> 6 -> 3 under a = b = 1: P(1) = 1/2, P(2) = 1/6, S(2) = 1/3.
        let s = Survivors::new(vec![10, 6, 3]).unwrap();
        let m = Sbg::new(1.0, 1.0).unwrap();
        let want = 4.0 * 0.5f64.ln() + 3.0 * (1.0f64 / 6.0).ln() + 3.0 * (1.0f64 / 3.0).ln();
        assert!(close(m.log_likelihood(&s), want, 1e-12));
        // Geometric: c = 7 / 16.
        let g = Geometric::fit(&s);
        assert!(close(g.churn, 7.0 / 16.0, 1e-15));
        let want = 7.0 * (7.0f64 / 16.0).ln() + 9.0 * (9.0f64 / 16.0).ln();
        assert!(close(g.log_likelihood(&s), want, 1e-12));
    }

    #[test]
    fn geometric_closed_forms() {
        let g = Geometric { churn: 0.2 };
        assert!(close(
            g.del(0.1).unwrap().finite().unwrap(),
            1.1 / 0.3,
            1e-15
        ));
        assert_eq!(g.mean_lifetime(), Extent::Finite(5.0));
        let never = Geometric { churn: 0.0 };
        assert_eq!(never.mean_lifetime(), Extent::Infinite);
        assert_eq!(never.del(0.0), Some(Extent::Infinite));
        assert_eq!(never.del(0.1), Some(Extent::Finite(11.0)));
    }

    #[test]
    fn survivors_table() {
        let cases: &[(&[u64], Result<(), SurvivorsError>)] = &[
            (&[1000, 631, 468], Ok(())),
            (&[5, 5, 5], Ok(())),
            (&[5, 0, 0], Ok(())),
            (&[1000, 631], Err(SurvivorsError::TooFew { found: 2 })),
            (&[], Err(SurvivorsError::TooFew { found: 0 })),
            (&[0, 0, 0], Err(SurvivorsError::FirstZero)),
            (&[10, 5, 6, 2], Err(SurvivorsError::Rises { period: 2 })),
        ];
        for (counts, want) in cases {
            let got = Survivors::new(counts.to_vec()).map(|_| ());
            assert_eq!(&got, want, "{counts:?}");
        }
        let s = Survivors::new(vec![9, 8, 7, 6, 5]).unwrap();
        assert_eq!(s.through(3).counts(), &[9, 8, 7, 6]);
        assert_eq!(s.through(1).counts(), &[9, 8, 7]);
        assert_eq!(s.through(99).last_period(), 4);
    }
}
