//! What the panel shows per cohort: the fit, the forecast table, the lifetimes and value, the
//! constant-churn comparison, and the working with the fitted numbers substituted.

use super::fit::{fit, FitError, Fitted, Model};
use super::input::{read, Revenue, SbgError, SbgInput};
use super::model::{Extent, Geometric, Survivors};
use crate::core::number::NumberStyle;

/// One period of the forecast table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    pub period: usize,
    /// The count typed for this period, when there is one.
    pub actual: Option<u64>,
    /// n0 x S(t) under the fitted model: fitted inside the fitted periods, forecast after.
    pub expected: f64,
    /// n0 x (1-c)^t under constant churn fitted to the same counts.
    pub geometric: f64,
    /// r(t) = S(t) / S(t-1) under the fitted model (None at period 0).
    pub retention: Option<f64>,
    /// True for t = 0..=T_fit, the periods the fit used.
    pub in_fit: bool,
}

/// Which line of the working.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepId {
    /// The maximum-likelihood fit (or the constant-churn limit).
    Fit,
    Retention,
    Survival,
    Mape,
    MeanLifetime,
    Del,
    Value,
    GeometricChurn,
    GeometricLogLikelihood,
}

/// One line of the working: the formula in symbols and the same with the numbers, written in
/// the page's number style. The page adds the words (what the line is) by its id.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub id: StepId,
    pub formula: &'static str,
    pub substituted: String,
}

/// One cohort's forecast.
#[derive(Clone, Debug, PartialEq)]
pub struct Forecast {
    /// The fit (sBG or constant-churn limit) with the constant-churn comparison.
    pub fitted: Fitted,
    /// T_fit: the fit used periods 0..=T_fit.
    pub fit_periods: usize,
    /// Periods 0..=horizon.
    pub rows: Vec<Row>,
    /// Mean absolute percentage error of fitted vs actual over t = 1..=T_fit, as a fraction;
    /// None when an actual count there is 0 (its percentage error has no value).
    pub mape: Option<f64>,
    /// Mean lifetime in periods.
    pub mean_lifetime: Extent,
    /// DEL(d) in periods; None when the discount rate has an error.
    pub del: Option<Extent>,
    /// I x gm x DEL(d); None without a revenue (or when the discount rate has an error).
    pub value: Option<Extent>,
    pub working: Vec<Step>,
}

impl Forecast {
    /// (a, b) of an sBG fit; None in the constant-churn limit.
    pub fn parameters(&self) -> Option<(f64, f64)> {
        match self.fitted.model {
            Model::Sbg(m) => Some((m.a(), m.b())),
            Model::ConstantChurn(_) => None,
        }
    }
}

/// Why a cohort has no forecast.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoForecast {
    /// An input the forecast needs has an error (see the report's errors).
    NeedsInputs,
    Fit(FitError),
}

/// The forecast panel's report: the input errors, and per cohort its forecast or why not.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SbgReport {
    pub errors: Vec<SbgError>,
    pub cohorts: Vec<Result<Forecast, NoForecast>>,
}

/// Reads the inputs and forecasts each cohort, numbers read and written in `style`.
pub fn evaluate(input: &SbgInput, style: &NumberStyle) -> SbgReport {
    let read = read(input, style);
    let cohorts = read
        .cohorts
        .iter()
        .map(|cohort| {
            let ((survivors, t_fit), horizon) = cohort
                .as_ref()
                .zip(read.horizon)
                .ok_or(NoForecast::NeedsInputs)?;
            forecast(
                survivors,
                *t_fit,
                horizon,
                read.discount,
                read.revenue,
                style,
            )
            .map_err(NoForecast::Fit)
        })
        .collect();
    SbgReport {
        errors: read.errors,
        cohorts,
    }
}

/// Fits periods 0..=fit_periods of the counts (at least 0..=2, at most all) and forecasts
/// periods 0..=horizon (at least through the last count, so that every count has its row);
/// `discount` is a fraction per period.
pub fn forecast(
    survivors: &Survivors,
    fit_periods: usize,
    horizon: usize,
    discount: Option<f64>,
    revenue: Option<Revenue>,
    style: &NumberStyle,
) -> Result<Forecast, FitError> {
    let fitted_on = survivors.through(fit_periods);
    let t_fit = fitted_on.last_period();
    let horizon = horizon.max(survivors.last_period());
    let fitted = fit(&fitted_on)?;
    let n0 = survivors.initial() as f64;
    let curve = fitted.model.survival_curve(horizon);
    let counts = survivors.counts();
    let rows: Vec<Row> = curve
        .iter()
        .enumerate()
        .map(|(t, s)| Row {
            period: t,
            actual: counts.get(t).copied(),
            expected: n0 * s,
            geometric: n0 * fitted.geometric.survival(t),
            retention: (t > 0).then(|| fitted.model.retention(t)),
            in_fit: t <= t_fit,
        })
        .collect();
    let fit_rows = &rows[1..=t_fit];
    let mape = fit_rows
        .iter()
        .map(|r| match r.actual {
            Some(n) if n > 0 => Some((r.expected - n as f64).abs() / n as f64),
            _ => None,
        })
        .sum::<Option<f64>>()
        .map(|total| total / fit_rows.len() as f64);
    let del = discount.and_then(|d| fitted.model.del(d));
    let value = del
        .zip(revenue)
        .map(|(del, r)| del.times(r.per_period * r.margin));
    let mut out = Forecast {
        fitted,
        fit_periods: t_fit,
        rows,
        mape,
        mean_lifetime: fitted.model.mean_lifetime(),
        del,
        value,
        working: Vec::new(),
    };
    out.working = working(&out, &fitted_on, discount, revenue, style);
    Ok(out)
}

/// The working lines, numbers written in `style`.
fn working(
    f: &Forecast,
    fitted_on: &Survivors,
    discount: Option<f64>,
    revenue: Option<Revenue>,
    style: &NumberStyle,
) -> Vec<Step> {
    let r3 = |x: f64| style.fixed(x, 3);
    let r4 = |x: f64| style.fixed(x, 4);
    let pct = |x: f64| style.percent(x, 2);
    let ll = |x: f64| style.fixed(x, 2);
    let count = |n: u64| style.count(i64::try_from(n).unwrap_or(i64::MAX));
    let extent = |e: Extent, show: &dyn Fn(f64) -> String| match e {
        Extent::Finite(x) => show(x),
        Extent::Infinite => "\u{221E}".to_string(),
    };
    let step = |id, formula, substituted| Step {
        id,
        formula,
        substituted,
    };
    let t_fit = f.fit_periods;
    let horizon = f.rows.len() - 1;
    let n0 = fitted_on.initial();
    let geo = f.fitted.geometric;
    let mut steps = Vec::new();
    match f.fitted.model {
        Model::Sbg(m) => {
            let (a, b) = (m.a(), m.b());
            steps.push(step(
                StepId::Fit,
                "LL(a, b) = \u{3A3} (n_{t\u{2212}1} \u{2212} n_t) ln P(t) + n_T ln S(T), t = 1..T",
                format!(
                    "T = {}: a = {}, b = {}, LL = {}",
                    count(t_fit as u64),
                    r3(a),
                    r3(b),
                    ll(f.fitted.log_likelihood)
                ),
            ));
            let r_at = |t: usize| {
                let k = (t - 1) as f64;
                format!(
                    "r({}) = {} / {} = {}",
                    count(t as u64),
                    r3(b + k),
                    r3(a + b + k),
                    pct(m.retention(t))
                )
            };
            steps.push(step(
                StepId::Retention,
                "r(t) = (b + t \u{2212} 1) / (a + b + t \u{2212} 1)",
                format!("{}; {}", r_at(1), r_at(horizon)),
            ));
            steps.push(step(
                StepId::Survival,
                "S(t) = S(t \u{2212} 1) \u{D7} r(t), S(0) = 1; n_0 \u{D7} S(t)",
                survival_line(f, n0, style),
            ));
            steps.push(step(
                StepId::MeanLifetime,
                "E[T] = (a + b \u{2212} 1) / (a \u{2212} 1), a > 1",
                match f.mean_lifetime {
                    Extent::Finite(x) => format!(
                        "({} + {} \u{2212} 1) / ({} \u{2212} 1) = {}",
                        r3(a),
                        r3(b),
                        r3(a),
                        r3(x)
                    ),
                    Extent::Infinite => format!("a = {} \u{2264} 1: \u{221E}", r3(a)),
                },
            ));
            if let (Some(d), Some(del)) = (discount, f.del) {
                let terms: Vec<String> = (1..=2)
                    .map(|t| format!("{} / {}", r4(m.survival(t)), r4((1.0 + d).powi(t as i32))))
                    .collect();
                steps.push(step(
                    StepId::Del,
                    "DEL(d) = \u{3A3} S(t) / (1 + d)^t, t \u{2265} 0",
                    if d == 0.0 {
                        format!("d = 0: E[T] = {}", extent(del, &r3))
                    } else {
                        format!(
                            "d = {}: 1 + {} + {} + \u{2026} = {}",
                            pct(d),
                            terms[0],
                            terms[1],
                            extent(del, &r3)
                        )
                    },
                ));
            }
        }
        Model::ConstantChurn(g) => {
            steps.push(step(
                StepId::Fit,
                "a, b \u{2192} \u{221E}, a / (a + b) = c",
                format!(
                    "T = {}: c = {}, LL = {}",
                    count(t_fit as u64),
                    pct(g.churn),
                    ll(f.fitted.log_likelihood)
                ),
            ));
            steps.push(step(
                StepId::Retention,
                "r(t) = 1 \u{2212} c",
                format!("1 \u{2212} {} = {}", pct(g.churn), pct(1.0 - g.churn)),
            ));
            steps.push(step(
                StepId::Survival,
                "S(t) = (1 \u{2212} c)^t; n_0 \u{D7} S(t)",
                survival_line(f, n0, style),
            ));
            steps.push(step(
                StepId::MeanLifetime,
                "E[T] = 1 / c",
                match f.mean_lifetime {
                    Extent::Finite(x) => format!("1 / {} = {}", pct(g.churn), r3(x)),
                    Extent::Infinite => "c = 0: \u{221E}".to_string(),
                },
            ));
            if let (Some(d), Some(del)) = (discount, f.del) {
                steps.push(step(
                    StepId::Del,
                    "DEL(d) = (1 + d) / (d + c)",
                    format!(
                        "(1 + {}) / ({} + {}) = {}",
                        pct(d),
                        pct(d),
                        pct(g.churn),
                        extent(del, &r3)
                    ),
                ));
            }
        }
    }
    if let Some(mape) = f.mape {
        let term = |t: usize| {
            let row = &f.rows[t];
            let actual = row.actual.unwrap_or(0);
            format!(
                "|{} \u{2212} {}| / {}",
                style.fixed(row.expected, 1),
                count(actual),
                count(actual)
            )
        };
        let sum = if t_fit > 1 {
            format!("{} + \u{2026} + {}", term(1), term(t_fit))
        } else {
            term(1)
        };
        steps.push(step(
            StepId::Mape,
            "MAPE = (1 / T) \u{3A3} |n_0 S(t) \u{2212} n_t| / n_t, t = 1..T",
            format!("({sum}) / {} = {}", count(t_fit as u64), pct(mape)),
        ));
    }
    if let (Some(value), Some(r), Some(del)) = (f.value, revenue, f.del) {
        let money = |x: f64| {
            let number = style.fixed(x, 2);
            match r.currency.symbol() {
                ("", _) => number,
                (symbol, true) => format!("{symbol}{number}"),
                (symbol, false) => format!("{number} {symbol}"),
            }
        };
        steps.push(step(
            StepId::Value,
            "V = I \u{D7} gm \u{D7} DEL(d)",
            format!(
                "{} \u{D7} {} \u{D7} {} = {}",
                money(r.per_period),
                pct(r.margin),
                extent(del, &r3),
                extent(value, &money)
            ),
        ));
    }
    let (lost, exposed) = Geometric::totals(fitted_on);
    steps.push(step(
        StepId::GeometricChurn,
        "c = \u{3A3} (n_{t\u{2212}1} \u{2212} n_t) / \u{3A3} n_{t\u{2212}1}, t = 1..T",
        format!(
            "{} / {} = {}",
            count(lost as u64),
            count(exposed as u64),
            pct(geo.churn)
        ),
    ));
    steps.push(step(
        StepId::GeometricLogLikelihood,
        "LL = L ln c + (E \u{2212} L) ln(1 \u{2212} c)",
        format!(
            "{} \u{D7} ln {} + {} \u{D7} ln {} = {}",
            count(lost as u64),
            r4(geo.churn),
            count((exposed - lost) as u64),
            r4(1.0 - geo.churn),
            ll(f.fitted.geometric_log_likelihood)
        ),
    ));
    steps
}

/// "n0 x S(h) = 1,000 x 0.1733 = 173.3" at the horizon h.
fn survival_line(f: &Forecast, n0: u64, style: &NumberStyle) -> String {
    let last = f.rows[f.rows.len() - 1];
    let s = last.expected / n0 as f64;
    format!(
        "n_0 \u{D7} S({}) = {} \u{D7} {} = {}",
        style.count(last.period as i64),
        style.count(i64::try_from(n0).unwrap_or(i64::MAX)),
        style.fixed(s, 4),
        style.fixed(last.expected, 1)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::figure::Currency;
    use crate::core::sbg::input::fader_hardie_preset;

    const EN: NumberStyle = NumberStyle::ENGLISH;

    fn preset_report() -> SbgReport {
        let report = evaluate(&fader_hardie_preset(), &EN);
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        report
    }

    fn step(f: &Forecast, id: StepId) -> &str {
        &f.working.iter().find(|s| s.id == id).unwrap().substituted
    }

    #[test]
    fn preset_regular_forecast_to_year_12() {
        let report = preset_report();
        let f = report.cohorts[0].as_ref().unwrap();
        let (a, b) = f.parameters().unwrap();
        assert_eq!(format!("{a:.3} {b:.3}"), "0.704 1.182");
        assert_eq!(f.fit_periods, 7);
        assert_eq!(f.rows.len(), 13);
        assert!(f.rows[7].in_fit && !f.rows[8].in_fit);
        assert_eq!(f.rows[12].actual, Some(173));
        assert_eq!(f.rows[0].expected, 1000.0);
        assert_eq!(f.mean_lifetime, Extent::Infinite);
        assert_eq!(format!("{:.3}", f.del.unwrap().finite().unwrap()), "3.695");
        assert_eq!(f.value, None);
        // The paper's regular-segment forecast for year 12 is about 17% of the cohort (173).
        assert!(
            (f.rows[12].expected - 173.0).abs() < 10.0,
            "{}",
            f.rows[12].expected
        );
        // Constant churn under-forecasts the tail badly.
        assert!(f.rows[12].geometric < 50.0);
        let mape = f.mape.unwrap();
        assert!(mape < 0.02, "{mape}");
        assert_eq!(
            step(f, StepId::Fit),
            "T = 7: a = 0.704, b = 1.182, LL = -1,680.27"
        );
        assert_eq!(
            step(f, StepId::MeanLifetime),
            "a = 0.704 \u{2264} 1: \u{221E}"
        );
        assert!(step(f, StepId::Del).starts_with("d = 10.00%: 1 + 0.6267 / 1.1000 + "));
        assert!(step(f, StepId::Del).ends_with(" = 3.695"));
        assert!(step(f, StepId::GeometricChurn).starts_with("759 / "));
    }

    #[test]
    fn preset_high_end_forecast_del_5_922() {
        let report = preset_report();
        let f = report.cohorts[1].as_ref().unwrap();
        let (a, b) = f.parameters().unwrap();
        assert_eq!(format!("{a:.3} {b:.3}"), "0.668 3.806");
        assert_eq!(format!("{:.2}", f.fitted.log_likelihood), "-1611.16");
        assert_eq!(format!("{:.3}", f.del.unwrap().finite().unwrap()), "5.922");
        assert!(f.fitted.log_likelihood > f.fitted.geometric_log_likelihood);
    }

    #[test]
    fn value_is_revenue_times_margin_times_del() {
        let mut input = fader_hardie_preset();
        input.revenue = "100".into();
        input.margin = "80".into();
        input.currency = Currency::Dollar;
        let report = evaluate(&input, &EN);
        let f = report.cohorts[0].as_ref().unwrap();
        let del = f.del.unwrap().finite().unwrap();
        let value = f.value.unwrap().finite().unwrap();
        assert!((value - 80.0 * del).abs() < 1e-9);
        assert_eq!(
            step(f, StepId::Value),
            format!("$100.00 \u{D7} 80.00% \u{D7} 3.695 = ${value:.2}")
        );
    }

    #[test]
    fn zero_discount_with_a_below_one_has_an_infinite_lifetime_and_value() {
        let mut input = fader_hardie_preset();
        input.discount = "0".into();
        input.revenue = "100".into();
        let report = evaluate(&input, &EN);
        let f = report.cohorts[0].as_ref().unwrap();
        assert_eq!(f.del, Some(Extent::Infinite));
        assert_eq!(f.value, Some(Extent::Infinite));
        assert_eq!(step(f, StepId::Del), "d = 0: E[T] = \u{221E}");
    }

    #[test]
    fn constant_churn_counts_give_the_closed_forms() {
        let s = Survivors::new(vec![10_000, 8_000, 6_400, 5_120, 4_096]).unwrap();
        let f = forecast(&s, 4, 10, Some(0.1), None, &EN).unwrap();
        assert!(f.fitted.is_constant_churn_limit());
        assert_eq!(f.parameters(), None);
        assert_eq!(f.mean_lifetime, Extent::Finite(5.0));
        let del = f.del.unwrap().finite().unwrap();
        assert!((del - 1.1 / 0.3).abs() < 1e-12);
        assert!(f.mape.unwrap() < 1e-12);
        assert!((f.rows[10].expected - 10_000.0 * 0.8f64.powi(10)).abs() < 1e-6);
        assert_eq!(f.rows[10].expected, f.rows[10].geometric);
        assert_eq!(step(&f, StepId::Fit), "T = 4: c = 20.00%, LL = -14,771.88");
        assert_eq!(step(&f, StepId::MeanLifetime), "1 / 20.00% = 5.000");
    }

    #[test]
    fn no_forecast_reasons_table() {
        let mut bad_counts = fader_hardie_preset();
        bad_counts.cohorts[1].counts = "1000 x 500".into();
        let report = evaluate(&bad_counts, &EN);
        assert!(report.cohorts[0].is_ok());
        assert_eq!(report.cohorts[1], Err(NoForecast::NeedsInputs));

        let mut bad_horizon = fader_hardie_preset();
        bad_horizon.horizon = "abc".into();
        let report = evaluate(&bad_horizon, &EN);
        assert!(report
            .cohorts
            .iter()
            .all(|c| c == &Err(NoForecast::NeedsInputs)));

        let mut short_horizon = fader_hardie_preset();
        short_horizon.cohorts[1].counts = "1000 869 743 653 593 551 517 491 468 445 427".into();
        short_horizon.horizon = "10".into();
        let report = evaluate(&short_horizon, &EN);
        assert_eq!(report.cohorts[0], Err(NoForecast::NeedsInputs));
        assert_eq!(report.cohorts[1].as_ref().map(|f| f.rows.len()), Ok(11));

        let mut degenerate = fader_hardie_preset();
        degenerate.cohorts[0].counts = "1000 500 500 500".into();
        degenerate.fit_periods = "".into();
        let report = evaluate(&degenerate, &EN);
        assert_eq!(
            report.cohorts[0],
            Err(NoForecast::Fit(FitError::AtZeroBoundary))
        );
    }

    #[test]
    fn a_zero_count_in_the_fitted_periods_leaves_mape_undefined() {
        let s = Survivors::new(vec![100, 40, 10, 0]).unwrap();
        let f = forecast(&s, 3, 5, Some(0.1), None, &EN).unwrap();
        assert_eq!(f.mape, None);
        assert!(f.working.iter().all(|s| s.id != StepId::Mape));
    }

    #[test]
    fn persian_style_writes_the_working_in_persian_digits() {
        let report = evaluate(&fader_hardie_preset(), &NumberStyle::PERSIAN);
        let f = report.cohorts[0].as_ref().unwrap();
        assert!(
            step(f, StepId::Fit).contains("۰٫۷۰۴"),
            "{}",
            step(f, StepId::Fit)
        );
    }
}
