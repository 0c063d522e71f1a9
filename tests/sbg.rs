//! The sBG retention forecast (docs/metrics.md section 6) through its public API: the model's
//! identities, the fit against constant churn, and parameter recovery, as properties.

use proptest::prelude::*;
use retention_lab::core::number::NumberStyle;
use retention_lab::core::sbg::{
    evaluate, fader_hardie_preset, fit, FitError, Fitted, Model, Sbg, Survivors,
};

/// Survivor counts from n0 and per-period retention fractions, rounded down.
fn shrink(n0: u64, retained: &[f64]) -> Vec<u64> {
    let mut counts = vec![n0];
    for r in retained {
        let last = counts[counts.len() - 1];
        counts.push((last as f64 * r).floor() as u64);
    }
    counts
}

/// The fit, where the counts have one; a search that does not settle is a failure.
fn fit_or_boundary(counts: &[u64]) -> Result<Option<Fitted>, TestCaseError> {
    let s = Survivors::new(counts.to_vec()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    match fit(&s) {
        Ok(f) => Ok(Some(f)),
        Err(FitError::AtZeroBoundary) => Ok(None),
        Err(e) => Err(TestCaseError::fail(format!("{counts:?}: {e:?}"))),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn survival_strictly_decreases(ln_a in -4.6f64..4.6, ln_b in -4.6f64..4.6) {
        let m = Sbg::new(ln_a.exp(), ln_b.exp()).unwrap();
        let curve = m.survival_curve(200);
        for t in 1..curve.len() {
            prop_assert!(curve[t] < curve[t - 1], "S({t}) = {} >= S({}) = {}", curve[t], t - 1, curve[t - 1]);
            prop_assert!(curve[t] > 0.0);
        }
    }

    #[test]
    fn sbg_fit_is_at_least_as_likely_as_constant_churn_and_than_other_points(
        n0 in 1u64..200_000,
        retained in prop::collection::vec(0.0f64..=1.0, 2..13),
        probes in prop::collection::vec((-3.0f64..5.0, -3.0f64..5.0), 8),
    ) {
        let counts = shrink(n0, &retained);
        prop_assume!(counts[0] > 0);
        let Some(f) = fit_or_boundary(&counts)? else { return Ok(()) };
        prop_assert!(
            f.log_likelihood >= f.geometric_log_likelihood - 1e-6,
            "{counts:?}: sBG {} < geometric {}", f.log_likelihood, f.geometric_log_likelihood
        );
        let s = Survivors::new(counts.clone()).unwrap();
        for (ln_a, ln_b) in probes {
            let probe = Sbg::new(ln_a.exp(), ln_b.exp()).unwrap().log_likelihood(&s);
            prop_assert!(
                probe <= f.log_likelihood + 1e-6 * (1.0 + f.log_likelihood.abs()),
                "{counts:?}: a = {}, b = {} gives {probe} > fitted {}", ln_a.exp(), ln_b.exp(), f.log_likelihood
            );
        }
    }

    #[test]
    fn exact_constant_churn_is_reported_as_the_limit(
        (d, k) in prop_oneof![Just((2u64, 1u64)), (3u64..=10).prop_flat_map(|d| (Just(d), 1..d))],
        periods in 2u32..=6,
        m in 1u64..=20,
    ) {
        // n_t = m d^(T-t) (d-k)^t: churn k/d every period, in whole customers.
        let counts: Vec<u64> = (0..=periods)
            .map(|t| m * d.pow(periods - t) * (d - k).pow(t))
            .collect();
        let f = fit(&Survivors::new(counts.clone()).unwrap())
            .map_err(|e| TestCaseError::fail(format!("{counts:?}: {e:?}")))?;
        match f.model {
            Model::ConstantChurn(g) => {
                prop_assert!((g.churn - k as f64 / d as f64).abs() < 1e-12, "{counts:?}: {}", g.churn);
            }
            Model::Sbg(m) => prop_assert!(false, "{counts:?}: sBG a = {}, b = {}", m.a(), m.b()),
        }
    }

    #[test]
    fn large_cohorts_recover_their_parameters(a in 0.3f64..5.0, b in 0.3f64..5.0) {
        let m = Sbg::new(a, b).unwrap();
        let counts: Vec<u64> = m
            .survival_curve(12)
            .iter()
            .map(|s| (1_000_000.0 * s).round() as u64)
            .collect();
        let f = fit(&Survivors::new(counts.clone()).unwrap())
            .map_err(|e| TestCaseError::fail(format!("{counts:?}: {e:?}")))?;
        let Model::Sbg(got) = f.model else {
            return Err(TestCaseError::fail(format!("{counts:?}: {:?}", f.model)));
        };
        prop_assert!((got.a() / a - 1.0).abs() < 0.03, "a = {a}, fitted {}", got.a());
        prop_assert!((got.b() / b - 1.0).abs() < 0.03, "b = {b}, fitted {}", got.b());
    }

    #[test]
    fn scaling_every_count_keeps_the_fit(
        n0 in 100u64..10_000,
        retained in prop::collection::vec(0.3f64..=1.0, 2..10),
        k in 2u64..=10,
    ) {
        let counts = shrink(n0, &retained);
        let scaled: Vec<u64> = counts.iter().map(|n| n * k).collect();
        let (Some(one), Some(many)) = (fit_or_boundary(&counts)?, fit_or_boundary(&scaled)?) else {
            return Ok(());
        };
        match (one.model, many.model) {
            (Model::Sbg(x), Model::Sbg(y)) => {
                prop_assert!((x.a() / y.a() - 1.0).abs() < 1e-4, "{counts:?} x {k}: a {} vs {}", x.a(), y.a());
                prop_assert!((x.b() / y.b() - 1.0).abs() < 1e-4, "{counts:?} x {k}: b {} vs {}", x.b(), y.b());
            }
            (Model::ConstantChurn(x), Model::ConstantChurn(y)) => {
                prop_assert!((x.churn - y.churn).abs() < 1e-12);
            }
            (x, y) => prop_assert!(false, "{counts:?} x {k}: {x:?} vs {y:?}"),
        }
    }
}

#[test]
fn fader_hardie_preset_through_the_page_entry_point() {
    let report = evaluate(&fader_hardie_preset(), &NumberStyle::ENGLISH);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let shown: Vec<String> = report
        .cohorts
        .iter()
        .map(|c| {
            let f = c.as_ref().unwrap();
            let (a, b) = f.parameters().unwrap();
            let del = f.del.unwrap().finite().unwrap();
            format!("{a:.3} {b:.3} {:.2} {del:.3}", f.fitted.log_likelihood)
        })
        .collect();
    assert_eq!(
        shown,
        ["0.704 1.182 -1680.27 3.695", "0.668 3.806 -1611.16 5.922"]
    );
}

/// Prints how long a fit of the paper's 13 counts takes: `cargo test --release --test sbg --
/// --ignored --nocapture fit_time`.
#[test]
#[ignore]
fn fit_time() {
    let counts = vec![
        1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173,
    ];
    let s = Survivors::new(counts).unwrap();
    let runs = 1000;
    let start = std::time::Instant::now();
    for _ in 0..runs {
        std::hint::black_box(fit(std::hint::black_box(&s)).unwrap());
    }
    let per_fit = start.elapsed() / runs;
    println!("one fit of 13 counts: {per_fit:?}");
    let start = std::time::Instant::now();
    for _ in 0..runs {
        std::hint::black_box(evaluate(&fader_hardie_preset(), &NumberStyle::ENGLISH));
    }
    println!(
        "the preset's whole report (2 cohorts): {:?}",
        start.elapsed() / runs
    );
}
