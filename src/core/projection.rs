//! Retention compounding (seed 003), docs/metrics.md section 4.
//!
//! C0 starting customers, retention r and acquisition a per period, over a horizon of n periods,
//! for any number of scenarios side by side. Two readings of "acquisition":
//! proportional to the current base, C(t) = C(t-1) (r + a) (the default, the seed's reading),
//! or fixed adds of a x C0 each period, C(t) = r C(t-1) + a C0.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::error::{ErrorKind, Field, FieldError};
use super::figure::Term::{Num, Op};
use super::figure::{Figure, FigureId, PeriodUnit, Report, Source, Term, Undefined, Value};
use super::form::{figure, n, need, Form};
use super::number::{Decimal, NumberError, NumberStyle};
use super::rate::{converted, percent_field};
pub use super::rate::{Percent, RateText};
use super::saved::{non_empty, or_default};

/// How acquisition adds customers, saved by the keys of the page's switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Mode {
    /// Adds a x C(t-1): new customers in proportion to the current base (the seed's reading).
    #[default]
    #[serde(rename = "proportional")]
    Proportional,
    /// Adds a x C0 every period: a fixed number of new customers.
    #[serde(rename = "fixed")]
    FixedAdds,
}

/// Projections run in years or months.
pub type Unit = PeriodUnit;

/// The longest horizon: 30 years in the unit's periods.
pub fn max_horizon(unit: Unit) -> u64 {
    30 * u64::from(unit.per_year())
}

/// One scenario's inputs. A saved row's member that is missing or of another kind reads as
/// empty.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ScenarioText {
    #[serde(deserialize_with = "or_default")]
    pub name: String,
    #[serde(deserialize_with = "or_default")]
    pub retention: RateText,
    #[serde(deserialize_with = "or_default")]
    pub acquisition: RateText,
}

impl ScenarioText {
    pub fn new(name: &str, retention: &str, acquisition: &str) -> Self {
        ScenarioText {
            name: name.to_string(),
            retention: RateText::typed(retention),
            acquisition: RateText::typed(acquisition),
        }
    }
}

/// The whole projection's inputs. Saved with no scenarios, the page keeps its own (see
/// [`crate::core::saved::fill`]).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectionText {
    pub start: String,
    pub horizon: String,
    pub unit: Unit,
    pub mode: Mode,
    #[serde(deserialize_with = "non_empty")]
    pub scenarios: Vec<ScenarioText>,
}

/// The seed's example: 90% vs 80% retention with 20% acquisition, over 7 years.
pub fn seed_preset() -> ProjectionText {
    ProjectionText {
        start: "1,000".into(),
        horizon: "7".into(),
        unit: Unit::Years,
        mode: Mode::Proportional,
        scenarios: vec![
            ScenarioText::new("Keeps 90%", "90", "20"),
            ScenarioText::new("Keeps 80%", "80", "20"),
        ],
    }
}

/// Reichheld's example: 95% vs 90% retention with 10% acquisition, over 14 years.
pub fn reichheld_preset() -> ProjectionText {
    ProjectionText {
        start: "1,000".into(),
        horizon: "14".into(),
        unit: Unit::Years,
        mode: Mode::Proportional,
        scenarios: vec![
            ScenarioText::new("Keeps 95%", "95", "10"),
            ScenarioText::new("Keeps 90%", "90", "10"),
        ],
    }
}

/// When (if ever) a scenario doubles its starting base.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Doubling {
    /// After this many periods (fractional in proportional mode, whole in fixed-adds mode).
    After(f64),
    /// Never: the base does not grow.
    Never,
    /// Never: the base levels off at this multiple of C0, at most 2.
    LevelsOff(f64),
}

/// One scenario's results.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioResult {
    /// C(t) / C0 for t = 0..=n.
    pub multipliers: Vec<f64>,
    pub doubling: Doubling,
    /// Fixed-adds mode: the multiple of C0 the base levels off at (None when r = 100%).
    pub plateau: Option<f64>,
}

/// The projection's report: figures per scenario plus the series for the table.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Projection {
    pub report: Report,
    /// Per scenario, in order: the results, or None when its inputs have errors.
    pub results: Vec<Option<ScenarioResult>>,
    pub start: Option<u64>,
    pub horizon: Option<u64>,
}

/// C(n) / C0 in proportional mode, closed form.
pub fn proportional(r: f64, a: f64, n: u32) -> f64 {
    (r + a).powi(n as i32)
}

/// C(n) / C0 in fixed-adds mode, closed form.
pub fn fixed_adds(r: f64, a: f64, n: u32) -> f64 {
    if r == 1.0 {
        1.0 + a * f64::from(n)
    } else {
        let rn = r.powi(n as i32);
        rn + a * (1.0 - rn) / (1.0 - r)
    }
}

/// Compares a + r with 100% (proportional growth) exactly when both were typed.
fn growth_sign(r: Percent, a: Percent) -> Ordering {
    if let (Some(re), Some(ae)) = (r.exact, a.exact) {
        let total = Decimal::whole(100)
            .checked_sub(re)
            .and_then(|gap| ae.cmp_exact(gap));
        if let Some(order) = total {
            return order;
        }
    }
    (r.value + a.value - 100.0)
        .partial_cmp(&0.0)
        .unwrap_or(Ordering::Equal)
}

/// Compares a with 2 (100% - r), which decides whether fixed adds ever double the base.
fn doubling_sign(r: Percent, a: Percent) -> Ordering {
    if let (Some(re), Some(ae)) = (r.exact, a.exact) {
        let twice_gap = Decimal::whole(100)
            .checked_sub(re)
            .and_then(|g| g.times(2))
            .and_then(|g| ae.cmp_exact(g));
        if let Some(order) = twice_gap {
            return order;
        }
    }
    (a.value - 2.0 * (100.0 - r.value))
        .partial_cmp(&0.0)
        .unwrap_or(Ordering::Equal)
}

/// Runs one scenario over `periods`.
pub fn run(mode: Mode, r: Percent, a: Percent, periods: u32) -> ScenarioResult {
    let periods = periods.min(360);
    let (rf, af) = (r.fraction(), a.fraction());
    let at = |t: u32| match mode {
        Mode::Proportional => proportional(rf, af, t),
        Mode::FixedAdds => fixed_adds(rf, af, t),
    };
    let multipliers = (0..=periods).map(at).collect();
    let (doubling, plateau) = match mode {
        Mode::Proportional => {
            let doubling = if growth_sign(r, a) == Ordering::Greater {
                Doubling::After(std::f64::consts::LN_2 / (rf + af).ln())
            } else {
                Doubling::Never
            };
            (doubling, None)
        }
        Mode::FixedAdds => {
            let full_retention = r.exact.map_or(r.value == 100.0, |e| {
                e.cmp_exact(Decimal::whole(100)) == Some(Ordering::Equal)
            });
            let plateau = (!full_retention).then(|| af / (1.0 - rf));
            let grows = if full_retention {
                a.value > 0.0
            } else {
                doubling_sign(r, a) == Ordering::Greater
            };
            let doubling = if !grows {
                plateau.map_or(Doubling::Never, Doubling::LevelsOff)
            } else {
                // The first whole period at which the base reaches twice C0.
                let mut t: u32 = 1;
                while at(t) < 2.0 && t < 10_000_000 {
                    t += 1;
                }
                Doubling::After(f64::from(t))
            };
            (doubling, plateau)
        }
    };
    ScenarioResult {
        multipliers,
        doubling,
        plateau,
    }
}

/// Every figure of the projection for the inputs, numbers read in `style`.
pub fn evaluate(input: &ProjectionText, style: &NumberStyle) -> Projection {
    let mut form = Form::default();
    let start = form.count(Field::ProjectionStart, &input.start);
    let horizon = form.count(Field::Horizon, &input.horizon);
    let max_horizon = max_horizon(input.unit);
    let horizon = match horizon {
        Some(h) if !(1..=max_horizon).contains(&h) => {
            form.errors.push(FieldError {
                field: Field::Horizon,
                kind: ErrorKind::Range {
                    min: 1,
                    max: Some(max_horizon as i64),
                    percent: false,
                },
            });
            None
        }
        other => other,
    };
    let mut figures = Vec::new();
    let mut results = Vec::new();
    for (i, s) in input.scenarios.iter().enumerate() {
        let r = percent_field(
            &mut form,
            Field::Retention(i),
            &s.retention,
            style,
            Some(100),
        );
        let a = percent_field(
            &mut form,
            Field::Acquisition(i),
            &s.acquisition,
            style,
            None,
        );
        let result = match (r, a, horizon) {
            (Some(r), Some(a), Some(h)) => Some(run(input.mode, r, a, h as u32)),
            _ => None,
        };
        figures.extend(scenario_figures(
            i,
            input.mode,
            input.unit,
            r,
            a,
            start,
            horizon,
            result.as_ref(),
        ));
        results.push(result);
    }
    Projection {
        report: Report {
            errors: form.errors,
            figures,
        },
        results,
        start,
        horizon,
    }
}

fn pct(p: Percent) -> Term {
    Num(Value::percent(p.fraction()))
}

/// The multiplier, end count, growth per period, doubling time and plateau of one scenario.
#[allow(clippy::too_many_arguments)]
fn scenario_figures(
    i: usize,
    mode: Mode,
    unit: Unit,
    r: Option<Percent>,
    a: Option<Percent>,
    start: Option<u64>,
    horizon: Option<u64>,
    result: Option<&ScenarioResult>,
) -> Vec<Figure> {
    let inputs = || {
        Ok((
            r.ok_or(Undefined::NeedsField(Field::Retention(i)))?,
            a.ok_or(Undefined::NeedsField(Field::Acquisition(i)))?,
            need(Field::Horizon, horizon)?,
        ))
    };
    let final_multiplier = || result.and_then(|res| res.multipliers.last().copied());
    let (formula, source) = match mode {
        Mode::Proportional => ("C(n) / C0 = (r + a)^n", Source::Seed),
        Mode::FixedAdds => ("C(n) / C0 = r^n + a (1 − r^n) / (1 − r)", Source::Textbook),
    };
    let multiplier = figure(FigureId::ProjectionMultiplier(i), formula, source, || {
        let (r, a, h) = inputs()?;
        let terms = match mode {
            Mode::Proportional => vec![Op("("), pct(r), Op(" + "), pct(a), Op(")^"), n(h)],
            Mode::FixedAdds if r.value == 100.0 => {
                vec![Op("1 + "), pct(a), Op(" × "), n(h)]
            }
            Mode::FixedAdds => vec![
                pct(r),
                Op("^"),
                n(h),
                Op(" + "),
                pct(a),
                Op(" × (1 − "),
                pct(r),
                Op("^"),
                n(h),
                Op(") / (1 − "),
                pct(r),
                Op(")"),
            ],
        };
        let value = final_multiplier()
            .map(Value::Multiplier)
            .ok_or(Undefined::NeedsOthers);
        Ok((terms, value))
    });
    let end = figure(
        FigureId::ProjectionEnd(i),
        "C(n) = C0 × C(n) / C0",
        Source::Arithmetic,
        || {
            let c0 = need(Field::ProjectionStart, start)?;
            let m = final_multiplier().ok_or(Undefined::NeedsOthers)?;
            let terms = vec![n(c0), Op(" × "), Num(Value::Multiplier(m))];
            Ok((terms, Ok(Value::Count((c0 as f64 * m).round() as i64))))
        },
    );
    let mut out = vec![multiplier, end];
    match mode {
        Mode::Proportional => {
            out.push(figure(
                FigureId::ProjectionGrowth(i),
                "g = r + a − 1",
                Source::Seed,
                || {
                    let (r, a, _) = inputs()?;
                    let terms = vec![pct(r), Op(" + "), pct(a), Op(" − 100%")];
                    let g = (r.value + a.value - 100.0) / 100.0;
                    Ok((terms, Ok(Value::percent(g))))
                },
            ));
            out.push(figure(
                FigureId::ProjectionDoubling(i),
                "ln 2 / ln(1 + g)",
                Source::Textbook,
                || {
                    let (r, a, _) = inputs()?;
                    let terms = vec![Op("ln 2 / ln("), pct(r), Op(" + "), pct(a), Op(")")];
                    let d = result.map(|res| res.doubling).ok_or(Undefined::NeedsOthers);
                    Ok((terms, d.map(|d| doubling_value(d, unit, 2))))
                },
            ));
        }
        Mode::FixedAdds => {
            out.push(figure(
                FigureId::ProjectionPlateau(i),
                "a / (1 − r)",
                Source::Textbook,
                || {
                    let (r, a, _) = inputs()?;
                    let terms = vec![pct(a), Op(" / (1 − "), pct(r), Op(")")];
                    let value = match result.map(|res| res.plateau) {
                        Some(Some(p)) => Ok(Value::Multiplier(p)),
                        Some(None) => Ok(Value::NoPlateau),
                        None => Err(Undefined::NeedsOthers),
                    };
                    Ok((terms, value))
                },
            ));
            out.push(figure(
                FigureId::ProjectionDoubling(i),
                super::figure::words::DOUBLING,
                Source::Textbook,
                || {
                    let (r, a, _) = inputs()?;
                    let terms = vec![
                        pct(a),
                        Op(" "),
                        Op(super::figure::words::DOUBLING_TEST),
                        Op(" 2 × (1 − "),
                        pct(r),
                        Op(")"),
                    ];
                    let d = result.map(|res| res.doubling).ok_or(Undefined::NeedsOthers);
                    Ok((terms, d.map(|d| doubling_value(d, unit, 0))))
                },
            ));
        }
    }
    out
}

fn doubling_value(d: Doubling, unit: Unit, decimals: usize) -> Value {
    match d {
        Doubling::After(count) => Value::Periods {
            count,
            decimals,
            unit,
        },
        Doubling::Never => Value::Never,
        Doubling::LevelsOff(m) => Value::NeverLevelsOff(m),
    }
}

/// Converts the projection's inputs to the other unit, keeping the same business: the horizon
/// keeps its length, retention compounds to the same yearly figure, and acquisition converts so
/// the yearly figures stay (proportional: r + a compounds alike; fixed adds: the plateau stays).
/// Fields that do not parse are left as typed. Returns the new inputs and, when a horizon in
/// months was not a whole number of years, the rounded number of years.
pub fn switch_unit(
    input: &ProjectionText,
    to: Unit,
    style: &NumberStyle,
) -> (ProjectionText, Option<u64>) {
    if input.unit == to {
        return (input.clone(), None);
    }
    let mut out = input.clone();
    out.unit = to;
    let mut rounded = None;
    if let Ok(h) = super::number::parse_count(&input.horizon) {
        let (num, den) = (u64::from(to.per_year()), u64::from(input.unit.per_year()));
        let converted = (h * num + den / 2) / den;
        if (h * num) % den != 0 {
            rounded = Some(converted);
        }
        out.horizon = converted.to_string();
    }
    let read = |rate: &RateText| -> Result<f64, NumberError> {
        match rate.exact {
            Some(v) => Ok(v),
            None => super::number::parse_decimal(&rate.text, style),
        }
    };
    for s in &mut out.scenarios {
        let (Ok(r), Ok(a)) = (read(&s.retention), read(&s.acquisition)) else {
            continue;
        };
        let (r2, a2) = convert_rates(input.mode, r / 100.0, a / 100.0, input.unit, to);
        s.retention = converted(r2 * 100.0, style);
        s.acquisition = converted(a2 * 100.0, style);
    }
    (out, rounded)
}

/// Retention and acquisition per period (fractions) converted from periods of `from` to
/// periods of `to`.
pub fn convert_rates(mode: Mode, r: f64, a: f64, from: Unit, to: Unit) -> (f64, f64) {
    // How many `from` periods make one `to` period.
    let k = f64::from(from.per_year()) / f64::from(to.per_year());
    let r_to = r.powf(k);
    let a_to = match mode {
        Mode::Proportional => (r + a).powf(k) - r_to,
        Mode::FixedAdds if r == 1.0 => a * k,
        Mode::FixedAdds => a * (1.0 - r_to) / (1.0 - r),
    };
    (r_to, a_to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const EN: NumberStyle = NumberStyle::ENGLISH;

    fn multiplier(p: &Projection, i: usize) -> String {
        match p
            .report
            .figure(FigureId::ProjectionMultiplier(i))
            .map(|f| f.value)
        {
            Some(Ok(Value::Multiplier(m))) => format!("{m:.3}x"),
            other => panic!("no multiplier {i}: {other:?}"),
        }
    }

    fn figure_value(p: &Projection, id: FigureId) -> Value {
        p.report
            .figure(id)
            .and_then(|f| f.value.ok())
            .unwrap_or_else(|| panic!("{id:?} has no value"))
    }

    #[test]
    fn seed_90_vs_80_with_20_over_7_years() {
        let p = evaluate(&seed_preset(), &EN);
        assert!(p.report.errors.is_empty(), "{:?}", p.report.errors);
        assert_eq!(multiplier(&p, 0), "1.949x");
        assert_eq!(multiplier(&p, 1), "1.000x");
        let growth = |i| EN.percent(figure_value(&p, FigureId::ProjectionGrowth(i)).raw(), 2);
        assert_eq!(growth(0), "10.00%");
        assert_eq!(growth(1), "0.00%");
        assert_eq!(
            figure_value(&p, FigureId::ProjectionDoubling(1)),
            Value::Never
        );
        let Value::Periods { count: d, .. } = figure_value(&p, FigureId::ProjectionDoubling(0))
        else {
            panic!("90% doubles");
        };
        assert_eq!(format!("{d:.2}"), "7.27");
    }

    #[test]
    fn seed_fixed_adds_reading_levels_off_at_2_and_never_doubles() {
        let mut input = seed_preset();
        input.mode = Mode::FixedAdds;
        let p = evaluate(&input, &EN);
        assert_eq!(multiplier(&p, 0), "1.522x");
        assert_eq!(multiplier(&p, 1), "1.000x");
        assert_eq!(
            figure_value(&p, FigureId::ProjectionPlateau(0)),
            Value::Multiplier(0.2 / (1.0 - 0.9))
        );
        assert_eq!(
            format!(
                "{:.3}",
                figure_value(&p, FigureId::ProjectionPlateau(0)).raw()
            ),
            "2.000"
        );
        // a = 2 (1 - r) exactly: decided on the typed digits, so it never doubles.
        assert!(matches!(
            figure_value(&p, FigureId::ProjectionDoubling(0)),
            Value::NeverLevelsOff(_)
        ));
    }

    #[test]
    fn reichheld_95_vs_90_with_10_over_14_years() {
        let p = evaluate(&reichheld_preset(), &EN);
        assert_eq!(multiplier(&p, 0), "1.980x");
        assert_eq!(multiplier(&p, 1), "1.000x");
    }

    #[test]
    fn full_retention_with_fixed_adds_has_no_plateau() {
        let mut input = seed_preset();
        input.mode = Mode::FixedAdds;
        input.scenarios = vec![ScenarioText::new("all", "100", "25")];
        let p = evaluate(&input, &EN);
        assert_eq!(
            figure_value(&p, FigureId::ProjectionPlateau(0)),
            Value::NoPlateau
        );
        assert_eq!(figure_value(&p, FigureId::ProjectionDoubling(0)).raw(), 4.0);
        assert_eq!(multiplier(&p, 0), "2.750x");
    }

    #[test]
    fn r_plus_a_of_one_is_flat() {
        let mut input = seed_preset();
        input.scenarios = vec![ScenarioText::new("flat", "70", "30")];
        let p = evaluate(&input, &EN);
        assert_eq!(multiplier(&p, 0), "1.000x");
        assert_eq!(
            figure_value(&p, FigureId::ProjectionDoubling(0)),
            Value::Never
        );
        let res = p.results[0].as_ref().unwrap();
        assert!(res.multipliers.iter().all(|m| (m - 1.0).abs() < 1e-12));
    }

    #[test]
    fn out_of_range_rates_are_errors_never_clamped() {
        let cases = [
            ("101", "20", Field::Retention(0)),
            ("-1", "20", Field::Retention(0)),
            ("90", "-5", Field::Acquisition(0)),
        ];
        for (r, a, field) in cases {
            let mut input = seed_preset();
            input.scenarios = vec![ScenarioText::new("x", r, a)];
            let p = evaluate(&input, &EN);
            let err = p
                .report
                .error(field)
                .unwrap_or_else(|| panic!("{r} {a}: no error"));
            assert!(matches!(err.kind, ErrorKind::Range { .. }), "{err:?}");
            assert!(p
                .report
                .figure(FigureId::ProjectionMultiplier(0))
                .unwrap()
                .value
                .is_err());
        }
        let mut input = seed_preset();
        input.scenarios = vec![ScenarioText::new("big", "90", "150")];
        assert!(
            evaluate(&input, &EN).report.errors.is_empty(),
            "acquisition may exceed 100%"
        );
    }

    #[test]
    fn horizon_range_depends_on_unit() {
        let mut input = seed_preset();
        input.horizon = "31".into();
        assert!(evaluate(&input, &EN).report.error(Field::Horizon).is_some());
        input.unit = Unit::Months;
        input.horizon = "360".into();
        assert!(evaluate(&input, &EN).report.error(Field::Horizon).is_none());
        input.horizon = "0".into();
        assert!(evaluate(&input, &EN).report.error(Field::Horizon).is_some());
    }

    #[test]
    fn months_to_years_rounds_the_horizon_and_says_so() {
        let mut input = seed_preset();
        input.unit = Unit::Months;
        input.horizon = "90".into();
        let (out, rounded) = switch_unit(&input, Unit::Years, &EN);
        assert_eq!(rounded, Some(8));
        assert_eq!(out.horizon, "8");
        input.horizon = "84".into();
        assert_eq!(switch_unit(&input, Unit::Years, &EN).1, None);
    }

    #[test]
    fn seven_years_is_84_months_with_the_same_multiplier() {
        for mode in [Mode::Proportional, Mode::FixedAdds] {
            let mut input = seed_preset();
            input.mode = mode;
            let (months, _) = switch_unit(&input, Unit::Months, &EN);
            assert_eq!(months.horizon, "84");
            let a = evaluate(&input, &EN);
            let b = evaluate(&months, &EN);
            for i in 0..2 {
                assert_eq!(
                    multiplier(&a, i),
                    multiplier(&b, i),
                    "{mode:?} scenario {i}"
                );
            }
        }
    }

    fn recurrence(mode: Mode, r: f64, a: f64, n: u32) -> f64 {
        let mut c = 1.0;
        for _ in 0..n {
            c = match mode {
                Mode::Proportional => c * (r + a),
                Mode::FixedAdds => r * c + a,
            };
        }
        c
    }

    #[test]
    fn a_unit_round_trip_keeps_the_last_digit_of_a_large_end_count() {
        // 148% a year is 12.468466...% a month; rounding that to six decimals moved the end
        // count after 22 years from 1,356,998,042 to 1,356,998,043.
        let mut input = seed_preset();
        input.horizon = "22".to_string();
        input.scenarios = vec![ScenarioText::new("s", "42", "148")];
        let (months, _) = switch_unit(&input, Unit::Months, &EN);
        let (back, _) = switch_unit(&months, Unit::Years, &EN);
        assert_eq!(back.scenarios[0].acquisition.text, "148");
        assert_eq!(back.scenarios[0].acquisition.exact, None);
        let end = |p: &ProjectionText| {
            evaluate(p, &EN)
                .report
                .figure(FigureId::ProjectionEnd(0))
                .cloned()
        };
        assert_eq!(end(&back), end(&input));
    }

    proptest! {
        #[test]
        fn closed_form_equals_the_recurrence(r in 0.0f64..=1.0, a in 0.0f64..1.5, n in 0u32..=60, fixed in any::<bool>()) {
            let mode = if fixed { Mode::FixedAdds } else { Mode::Proportional };
            let closed = match mode { Mode::Proportional => proportional(r, a, n), Mode::FixedAdds => fixed_adds(r, a, n) };
            let rec = recurrence(mode, r, a, n);
            prop_assert!((closed - rec).abs() <= 1e-9 * rec.abs().max(1.0), "{closed} vs {rec}");
        }

        #[test]
        fn multiplier_rises_with_retention(r1 in 0.0f64..100.0, dr in 0.01f64..10.0, a in 0.0f64..50.0, n in 1u32..=30, fixed in any::<bool>()) {
            let mode = if fixed { Mode::FixedAdds } else { Mode::Proportional };
            let r2 = (r1 + dr).min(100.0);
            let p = |r: f64| Percent { value: r, exact: None };
            let low = run(mode, p(r1), p(a), n).multipliers[n as usize];
            let high = run(mode, p(r2), p(a), n).multipliers[n as usize];
            prop_assert!(high >= low, "{r1}% -> {low}, {r2}% -> {high}");
        }

        #[test]
        fn unit_switch_there_and_back_leaves_figures_unchanged(r in 1u32..=100, a in 0u32..=150, years in 1u32..=30, fixed in any::<bool>()) {
            let mut input = seed_preset();
            input.mode = if fixed { Mode::FixedAdds } else { Mode::Proportional };
            input.horizon = years.to_string();
            input.scenarios = vec![ScenarioText::new("s", &r.to_string(), &a.to_string())];
            let (months, _) = switch_unit(&input, Unit::Months, &EN);
            let (back, _) = switch_unit(&months, Unit::Years, &EN);
            let shown = |p: &Projection| -> Vec<String> {
                p.report.figures.iter().map(|f| format!("{:?}", f.value.map(|v| match v {
                    Value::Multiplier(m) => format!("{m:.3}"),
                    Value::Percent { fraction, .. } => format!("{:.2}", fraction * 100.0),
                    Value::Periods { count, .. } => format!("{count:.2}"),
                    Value::NeverLevelsOff(m) => format!("never {m:.3}"),
                    other => format!("{other:?}"),
                }))).collect()
            };
            let before = evaluate(&input, &EN);
            let after = evaluate(&back, &EN);
            prop_assert_eq!(back.horizon, input.horizon);
            prop_assert_eq!(shown(&before), shown(&after));
            // The monthly business reaches the same place after the same time.
            let monthly = evaluate(&months, &EN);
            let m_end = monthly.results[0].as_ref().unwrap().multipliers.last().copied().unwrap();
            let y_end = before.results[0].as_ref().unwrap().multipliers.last().copied().unwrap();
            prop_assert!((m_end - y_end).abs() <= 1e-6 * y_end.max(1.0), "{m_end} vs {y_end}");
        }
    }
}
