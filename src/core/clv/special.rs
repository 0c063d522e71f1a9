//! The special functions the models need: ln Γ, the Gaussian hypergeometric function ₂F₁ on
//! [0, 1), and a tanh-sinh quadrature for expectations over a Beta distribution.

/// ln Γ(x) for x > 0.
pub fn ln_gamma(x: f64) -> f64 {
    libm::lgamma(x)
}

/// The most terms [`hyp2f1`] adds before it gives up.
pub const MAX_TERMS: usize = 200_000;

/// ₂F₁(a, b; c; z) for 0 <= z < 1 by its power series Σ (a)ₙ (b)ₙ / ((c)ₙ n!) zⁿ, summed until
/// a term no longer changes the sum (beyond 1e-17 of it, allowing for the geometric tail).
/// `None` when c is 0 or a negative whole number, when z is outside [0, 1), or when the series
/// has not settled after [`MAX_TERMS`] terms (z very close to 1).
///
/// ```
/// use retention_lab::core::clv::special::hyp2f1;
/// // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z
/// let z = 0.5;
/// assert!((hyp2f1(1.0, 1.0, 2.0, z).unwrap() - -(1.0f64 - z).ln() / z).abs() < 1e-15);
/// ```
pub fn hyp2f1(a: f64, b: f64, c: f64, z: f64) -> Option<f64> {
    if !(0.0..1.0).contains(&z) || (c <= 0.0 && c == c.round()) {
        return None;
    }
    let mut term = 1.0;
    let mut sum = 1.0;
    // Past n > |a|, |b|, |c| the terms' ratio falls toward z from above or below; the tail
    // after a term t is then at most about |t| z / (1 − z).
    let tail = z / (1.0 - z);
    let settle = a.abs().max(b.abs()).max(c.abs()) + 1.0;
    for n in 0..MAX_TERMS {
        let k = n as f64;
        term *= (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z;
        sum += term;
        if !sum.is_finite() {
            return None;
        }
        if k > settle && term.abs() * (1.0 + tail) <= 1e-17 * sum.abs() {
            return Some(sum);
        }
        if term == 0.0 {
            return Some(sum);
        }
    }
    None
}

/// softplus(y) = ln(1 + eʸ), without overflow.
fn softplus(y: f64) -> f64 {
    y.max(0.0) + (-y.abs()).exp().ln_1p()
}

/// E[g(p)] for p ~ Beta(a, b), by tanh-sinh quadrature: p = 1 / (1 + e^(−π sinh u)), so that
/// p^(a−1) (1−p)^(b−1) dp becomes p^a (1−p)^b π cosh u du, smooth and falling
/// double-exponentially at both ends however small a and b are. The normalising Beta function
/// is the same sum with g = 1, so its error mostly cancels. `g` receives p and 1 − p (both
/// computed without cancellation).
pub fn beta_expectation(a: f64, b: f64, g: &dyn Fn(f64, f64) -> f64) -> Option<f64> {
    if !(a > 0.0 && b > 0.0) {
        return None;
    }
    // The integrand is negligible once a·π sinh|u| or b·π sinh|u| passes 745 + margin on its
    // side; the range covers both.
    let reach = |s: f64| (60.0 / (std::f64::consts::PI * s)).max(1.0).asinh() + 0.5;
    let (lo, hi) = (-reach(a), reach(b));
    let point = |u: f64| -> (f64, f64) {
        let s = std::f64::consts::PI * u.sinh();
        let ln_p = -softplus(-s);
        let ln_q = -softplus(s);
        let w = (a * ln_p + b * ln_q).exp() * std::f64::consts::PI * u.cosh();
        (w * g(ln_p.exp(), ln_q.exp()), w)
    };
    let mut h = 0.5;
    let (mut num, mut den) = (0.0, 0.0);
    let mut u = lo;
    while u <= hi {
        let (n, d) = point(u);
        num += n;
        den += d;
        u += h;
    }
    let mut previous = num / den;
    for _ in 0..12 {
        // Halving the step adds the midpoints of the points so far.
        let mut u = lo + h / 2.0;
        while u <= hi {
            let (n, d) = point(u);
            num += n;
            den += d;
            u += h;
        }
        h /= 2.0;
        let estimate = num / den;
        if !estimate.is_finite() {
            return None;
        }
        if (estimate - previous).abs() <= 1e-13 * estimate.abs().max(1e-300) {
            return Some(estimate);
        }
        previous = estimate;
    }
    Some(previous)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(got: f64, want: f64, tol: f64, label: &str) {
        assert!(
            (got - want).abs() <= tol * want.abs().max(1.0),
            "{label}: got {got}, want {want}"
        );
    }

    #[test]
    fn hyp2f1_against_closed_forms() {
        // (a, b, c, z, value)
        let asin = |x: f64| x.asin() / x;
        let cases: Vec<(f64, f64, f64, f64, f64)> = vec![
            (1.0, 1.0, 2.0, 0.5, -(1.0f64 - 0.5).ln() / 0.5),
            (1.0, 1.0, 2.0, 0.9, -(1.0f64 - 0.9).ln() / 0.9),
            (1.0, 1.0, 2.0, 0.99, -(1.0f64 - 0.99).ln() / 0.99),
            // (1 − z)^(−a) when b = c
            (0.243, 2.426, 2.426, 0.7, (1.0f64 - 0.7).powf(-0.243)),
            (3.5, 1.7, 1.7, 0.95, (1.0f64 - 0.95).powf(-3.5)),
            // arcsin z / z = ₂F₁(1/2, 1/2; 3/2; z²)
            (0.5, 0.5, 1.5, 0.25, asin(0.5)),
            (0.5, 0.5, 1.5, 0.81, asin(0.9)),
            // A polynomial: ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))
            (
                -2.0,
                3.0,
                4.0,
                0.6,
                1.0 - 2.0 * 3.0 * 0.6 / 4.0 + 12.0 * 0.36 / 20.0,
            ),
            // ln((1 + z)/(1 − z)) / (2 z) = ₂F₁(1/2, 1; 3/2; z²)
            (0.5, 1.0, 1.5, 0.64, ((1.8f64) / 0.2).ln() / 1.6),
            (0.3, 0.4, 0.5, 0.0, 1.0),
        ];
        for (a, b, c, z, want) in cases {
            let got = hyp2f1(a, b, c, z).unwrap();
            close(got, want, 1e-13, &format!("2F1({a}, {b}; {c}; {z})"));
        }
    }

    #[test]
    fn hyp2f1_near_one_against_the_connection_formula() {
        // ₂F₁(a, b; c; z) = Γ(c) Γ(c−a−b) / (Γ(c−a) Γ(c−b)) ₂F₁(a, b; a+b−c+1; 1−z)
        //   + (1−z)^(c−a−b) Γ(c) Γ(a+b−c) / (Γ(a) Γ(b)) ₂F₁(c−a, c−b; c−a−b+1; 1−z),
        // whose series at 1 − z converge at once. The parameters are BG/NBD's at x = 2
        // (r + x, b + x; a + b + x − 1) and at x = 0, where c − a − b is −2.45 and −0.45.
        let g = libm::tgamma;
        for (a, b, c) in [(2.243, 4.426, 4.219), (0.243, 2.426, 2.219)] {
            for z in [0.6, 0.9, 0.97, 0.995] {
                let w = 1.0 - z;
                let s = c - a - b;
                let one =
                    g(c) * g(s) / (g(c - a) * g(c - b)) * hyp2f1(a, b, a + b - c + 1.0, w).unwrap();
                let two = w.powf(s) * g(c) * g(-s) / (g(a) * g(b))
                    * hyp2f1(c - a, c - b, s + 1.0, w).unwrap();
                let got = hyp2f1(a, b, c, z).unwrap();
                close(got, one + two, 1e-12, &format!("2F1({a}, {b}; {c}; {z})"));
            }
        }
    }

    #[test]
    fn hyp2f1_refuses_what_it_cannot_sum() {
        assert_eq!(hyp2f1(1.0, 1.0, 0.0, 0.5), None);
        assert_eq!(hyp2f1(1.0, 1.0, -3.0, 0.5), None);
        assert_eq!(hyp2f1(1.0, 1.0, 2.0, 1.0), None);
        assert_eq!(hyp2f1(1.0, 1.0, 2.0, -0.5), None);
        assert_eq!(hyp2f1(1.0, 1.0, 2.0, 1.0 - 1e-9), None);
    }

    #[test]
    fn ln_gamma_known_values() {
        let cases = [
            (1.0, 0.0),
            (5.0, 24f64.ln()),
            (0.5, std::f64::consts::PI.sqrt().ln()),
            (10.5, 1_133_278.388_948_785_6_f64.ln()),
        ];
        for (x, want) in cases {
            close(ln_gamma(x), want, 1e-14, &format!("ln Γ({x})"));
        }
    }

    #[test]
    fn beta_expectations_against_closed_forms() {
        // E[p] = a / (a + b); E[1/p] = (a + b − 1) / (a − 1) for a > 1;
        // E[pᵏ] = B(a + k, b) / B(a, b), here with small a and b.
        type Case = (f64, f64, fn(f64, f64) -> f64, f64);
        let cases: [Case; 5] = [
            (0.793, 2.426, |p, _| p, 0.793 / (0.793 + 2.426)),
            (2.5, 0.3, |p, _| p, 2.5 / 2.8),
            (1.8, 4.0, |p, _| 1.0 / p, 4.8 / 0.8),
            (0.05, 0.02, |_, q| q, 0.02 / 0.07),
            (0.3, 7.0, |p, _| p * p, 0.3 * 1.3 / (7.3 * 8.3)),
        ];
        for (a, b, g, want) in cases {
            let got = beta_expectation(a, b, &g).unwrap();
            close(got, want, 1e-12, &format!("Beta({a}, {b})"));
        }
    }
}
