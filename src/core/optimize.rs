//! A compact Nelder-Mead simplex search in N dimensions, shared by the model fits (the sBG of
//! docs/metrics.md section 6 in two dimensions, BG/NBD and Gamma-Gamma of section 9 in four
//! and three).
//!
//! Written here rather than taken from a crate: a few parameters and a cheap, smooth
//! likelihood need nothing more (see `sbg::fit` for the sizes measured against `argmin`).
//! The fits search over the logarithms of their parameters, so every point is a valid model.

/// How a search ended.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Search<const N: usize> {
    /// The simplex settled: its best point and value.
    Converged([f64; N], f64),
    /// The best point met the caller's stop condition (walked out of the region where the
    /// model has a finite best fit); the point and its value.
    Escaped([f64; N], f64),
    /// The iterations ran out before the simplex settled.
    Exhausted([f64; N], f64),
}

/// When a search stops.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    pub max_iterations: usize,
    /// The simplex's values differ by at most this (relative, plus absolute)…
    pub ftol: f64,
    /// …and its points by at most this in every coordinate.
    pub xtol: f64,
    /// The first simplex: the start and the start moved by this along each axis.
    pub step: f64,
}

/// Nelder-Mead (reflection 1, expansion 2, contraction 1/2, shrink 1/2) minimising `f` from
/// `start`. `escaped` is asked about the best point after each ordering.
pub fn nelder_mead<const N: usize>(
    f: &dyn Fn([f64; N]) -> f64,
    start: [f64; N],
    escaped: &dyn Fn([f64; N]) -> bool,
    settings: &Settings,
) -> Search<N> {
    // N + 1 points; arrays of arrays of a const-generic length + 1 are not expressible yet.
    let mut p: Vec<[f64; N]> = Vec::with_capacity(N + 1);
    p.push(start);
    for i in 0..N {
        let mut q = start;
        q[i] += settings.step;
        p.push(q);
    }
    let mut v: Vec<f64> = p.iter().map(|&q| f(q)).collect();
    let along = |c: [f64; N], w: [f64; N], t: f64| -> [f64; N] {
        let mut out = [0.0; N];
        for k in 0..N {
            out[k] = c[k] + t * (w[k] - c[k]);
        }
        out
    };
    let mut order: Vec<usize> = (0..=N).collect();
    for _ in 0..settings.max_iterations {
        order.clear();
        order.extend(0..=N);
        // Stable, so that of two equal values the lower index stays the best point.
        order.sort_by(|&i, &j| v[i].total_cmp(&v[j]));
        let (sorted_p, sorted_v): (Vec<_>, Vec<_>) = order.iter().map(|&i| (p[i], v[i])).unzip();
        p = sorted_p;
        v = sorted_v;
        if escaped(p[0]) {
            return Search::Escaped(p[0], v[0]);
        }
        let best = p[0];
        let size = p[1..]
            .iter()
            .flat_map(|q| (0..N).map(move |k| (q[k] - best[k]).abs()))
            .fold(0.0, f64::max);
        if v[N] - v[0] <= settings.ftol * (1.0 + v[0].abs()) && size <= settings.xtol {
            return Search::Converged(p[0], v[0]);
        }
        let mut centre = [0.0; N];
        for k in 0..N {
            let mut sum = 0.0;
            for q in &p[..N] {
                sum += q[k];
            }
            centre[k] = sum / N as f64;
        }
        let r = along(centre, p[N], -1.0);
        let vr = f(r);
        if vr < v[0] {
            let e = along(centre, p[N], -2.0);
            let ve = f(e);
            (p[N], v[N]) = if ve < vr { (e, ve) } else { (r, vr) };
        } else if vr < v[N - 1] {
            (p[N], v[N]) = (r, vr);
        } else {
            // Outside contraction when the reflection beat the worst point, inside otherwise.
            let (k, bar) = if vr < v[N] { (-0.5, vr) } else { (0.5, v[N]) };
            let c = along(centre, p[N], k);
            let vc = f(c);
            if vc < bar {
                (p[N], v[N]) = (c, vc);
            } else {
                for i in 1..=N {
                    p[i] = along(p[0], p[i], 0.5);
                    v[i] = f(p[i]);
                }
            }
        }
    }
    Search::Exhausted(p[0], v[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    const TIGHT: Settings = Settings {
        max_iterations: 5_000,
        ftol: 1e-14,
        xtol: 1e-9,
        step: 0.5,
    };

    #[test]
    fn finds_quadratic_minima_in_two_to_four_dimensions() {
        let two = |x: [f64; 2]| (x[0] - 1.0).powi(2) + 10.0 * (x[1] + 2.0).powi(2);
        match nelder_mead(&two, [0.0; 2], &|_| false, &TIGHT) {
            Search::Converged(x, _) => {
                assert!(
                    (x[0] - 1.0).abs() < 1e-7 && (x[1] + 2.0).abs() < 1e-7,
                    "{x:?}"
                );
            }
            other => panic!("{other:?}"),
        }
        let want = [0.5, -1.0, 2.0, 3.0];
        let four = |x: [f64; 4]| {
            (0..4)
                .map(|k| (k as f64 + 1.0) * (x[k] - want[k]).powi(2))
                .sum::<f64>()
                + 0.5 * (x[0] - want[0]) * (x[1] - want[1])
        };
        match nelder_mead(&four, [0.0; 4], &|_| false, &TIGHT) {
            Search::Converged(x, _) => {
                for k in 0..4 {
                    assert!((x[k] - want[k]).abs() < 1e-6, "{x:?}");
                }
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn rosenbrock_in_three_dimensions() {
        let f = |x: [f64; 3]| {
            (0..2)
                .map(|k| 100.0 * (x[k + 1] - x[k] * x[k]).powi(2) + (1.0 - x[k]).powi(2))
                .sum::<f64>()
        };
        match nelder_mead(&f, [-1.0, 1.0, 0.5], &|_| false, &TIGHT) {
            Search::Converged(x, _) => {
                assert!(x.iter().all(|v| (v - 1.0).abs() < 1e-5), "{x:?}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_search_that_cannot_settle_is_exhausted() {
        let f = |x: [f64; 3]| -x[0] - x[1] - x[2];
        assert!(matches!(
            nelder_mead(&f, [0.0; 3], &|_| false, &TIGHT),
            Search::Exhausted(..)
        ));
    }

    #[test]
    fn the_stop_condition_ends_the_search() {
        let f = |x: [f64; 2]| -x[0];
        match nelder_mead(&f, [0.0; 2], &|x| x[0] > 10.0, &TIGHT) {
            Search::Escaped(x, _) => assert!(x[0] > 10.0),
            other => panic!("{other:?}"),
        }
    }
}
