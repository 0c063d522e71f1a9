//! The retention forecast's strings: labels, figures, working, errors and the chart's words.

use super::table::string_table;
use super::{fill, Strings};
use crate::core::sbg::{CountProblem, FitError, SbgError, SbgErrorKind, StepId};

string_table! {
    /// Strings of the retention forecast panel.
    pub struct SbgStrings {
        heading,
        intro,
        preset,
        regular,
        high_end,
        cohort_legend,
        name_label,
        counts_label,
        counts_hint,
        add_cohort,
        remove_cohort,
        from_data_label,
        from_data_add,
        from_data_none,
        from_data_link,
        from_data_name,
        fit_label,
        fit_hint,
        horizon_label,
        discount_label,
        revenue_label,
        revenue_hint,
        margin_label,
        unit_legend,
        alpha,
        beta,
        log_likelihood,
        mape,
        mean_lifetime,
        not_finite,
        del,
        value,
        constant_churn,
        constant_limit,
        comparison,
        needs_inputs,
        did_not_converge,
        zero_boundary,
        fitted_on,
        period,
        actual,
        model,
        stage_fitted,
        stage_forecast,
        working,
        step_fit,
        step_retention,
        step_survival,
        step_mape,
        step_mean_lifetime,
        step_del,
        step_value,
        step_geometric_churn,
        step_geometric_ll,
        err_count,
        err_not_a_count,
        err_first_zero,
        err_rises,
        err_too_few,
        err_too_many,
        err_range,
        err_at_least,
        err_tiny_discount,
        err_fit_beyond,
        err_horizon_before,
        chart_title,
        chart_share,
        chart_caption,
        chart_cohort,
        chart_none,
    }
}

pub static EN_SBG: SbgStrings = SbgStrings {
    heading: "Retention forecast (sBG model)",
    intro: "Type how many customers of a cohort are still customers in each period, starting with period 0, and the shifted-beta-geometric model of Fader & Hardie (2007) fits them and forecasts the periods ahead. Each customer is assumed to have a churn of their own, so the cohort's retention rises as the likeliest leavers leave, which a constant churn rate misses.",
    preset: "Fader & Hardie 2007",
    regular: "Regular",
    high_end: "High end",
    cohort_legend: "Cohort {n}",
    name_label: "Name",
    counts_label: "Survivors per period, period 0 first",
    counts_hint: "One count per line, or separated by spaces or semicolons.",
    add_cohort: "Add a cohort",
    remove_cohort: "Remove this cohort",
    from_data_label: "A cohort of your data",
    from_data_add: "Add it to the forecast",
    from_data_none: "Import a transactions file under \u{201C}Your data\u{201D} to pick one of its cohorts here.",
    from_data_link: "Go to your data",
    from_data_name: "Cohort {label}",
    fit_label: "Fit on periods 0 to",
    fit_hint: "Leave empty to fit every count.",
    horizon_label: "Forecast to period",
    discount_label: "Discount rate per period (%)",
    revenue_label: "Revenue per customer per period",
    revenue_hint: "Optional: with it the page shows what a new customer is worth.",
    margin_label: "Gross margin (%)",
    unit_legend: "One period is a",
    alpha: "a (alpha)",
    beta: "b (beta)",
    log_likelihood: "Log-likelihood",
    mape: "Fit error (mean absolute percentage error)",
    mean_lifetime: "Mean lifetime",
    not_finite: "not finite: a = {a} is at most 1, so a share of the customers practically never leaves",
    del: "Discounted expected lifetime DEL at {rate}",
    value: "Value of a new customer",
    constant_churn: "Constant churn",
    constant_limit: "These counts show no rise in retention, so the best fit is the model's constant-churn limit: every customer churns {churn} a period.",
    comparison: "Constant churn fitted to the same counts: {churn} a period, log-likelihood {ll} (sBG: {sbg}).",
    needs_inputs: "No forecast until the inputs above are corrected.",
    did_not_converge: "The fit did not converge, so no figures are shown. Try fitting more periods.",
    zero_boundary: "These counts have no best fit: the likelihood keeps rising as a and b shrink to 0, as if some customers all leave at once and the rest never do. No figures are shown.",
    fitted_on: "Fitted on periods 0 to {t}; later periods are forecast.",
    period: "Period",
    actual: "Counted",
    model: "sBG",
    stage_fitted: "fitted",
    stage_forecast: "forecast",
    working: "Working",
    step_fit: "Maximum likelihood",
    step_retention: "Retention",
    step_survival: "Expected survivors",
    step_mape: "Fit error",
    step_mean_lifetime: "Mean lifetime",
    step_del: "Discounted expected lifetime",
    step_value: "Value of a new customer",
    step_geometric_churn: "Constant churn",
    step_geometric_ll: "Constant churn's log-likelihood",
    err_count: "Count {position} (period {period}, \u{201C}{text}\u{201D}): {problem}",
    err_not_a_count: "not a whole number of customers: {error}",
    err_first_zero: "the first count is 0, so there is no cohort to follow",
    err_rises: "larger than the count before it ({previous}); a cohort can only shrink",
    err_too_few: "{found} counts given; at least {min} are needed (periods 0, 1 and 2).",
    err_too_many: "{found} counts given; at most {max} fit.",
    err_range: "Expected a number from {min} to {max}.",
    err_at_least: "Expected a number of at least {min}.",
    err_tiny_discount: "Use 0 or at least {min}.",
    err_fit_beyond: "{cohort} has counts up to period {last} only.",
    err_horizon_before: "{cohort} has counts up to period {last}: forecast at least that far.",
    chart_title: "Still customers, counted and forecast",
    chart_share: "Share of the cohort still customers",
    chart_caption: "Forecast share of each cohort still customers in period {horizon}: {list}.",
    chart_cohort: "{name} {sbg} by the sBG model, {constant} at constant churn",
    chart_none: "The chart appears when a cohort has a forecast.",
};

impl Strings {
    /// What is wrong with a forecast input, in words.
    pub fn sbg_error(&self, e: &SbgError, cohort_name: &dyn Fn(usize) -> String) -> String {
        let s = self.sbg;
        let st = &self.number_style;
        let n = |v: usize| st.count(v as i64);
        match &e.kind {
            SbgErrorKind::Count {
                position,
                period,
                text,
                problem,
            } => {
                let problem = match problem {
                    CountProblem::NotACount(err) => fill(
                        s.err_not_a_count,
                        &[("error", &self.number_error_text(err))],
                    ),
                    CountProblem::FirstZero => s.err_first_zero.to_string(),
                    CountProblem::Rises { previous } => {
                        fill(s.err_rises, &[("previous", &st.count(*previous as i64))])
                    }
                };
                fill(
                    s.err_count,
                    &[
                        ("position", &n(*position)),
                        ("period", &n(*period)),
                        ("text", text),
                        ("problem", &problem),
                    ],
                )
            }
            SbgErrorKind::TooFewCounts { found, min } => {
                fill(s.err_too_few, &[("found", &n(*found)), ("min", &n(*min))])
            }
            SbgErrorKind::TooManyCounts { found, max } => {
                fill(s.err_too_many, &[("found", &n(*found)), ("max", &n(*max))])
            }
            SbgErrorKind::Number(err) => self.number_error_text(err),
            SbgErrorKind::Range { min, max, percent } => {
                let bound = |v: f64| {
                    let t = st.plain(v, 2);
                    if *percent {
                        format!("{t}{}", st.percent)
                    } else {
                        t
                    }
                };
                match max {
                    Some(max) => fill(s.err_range, &[("min", &bound(*min)), ("max", &bound(*max))]),
                    None => fill(s.err_at_least, &[("min", &bound(*min))]),
                }
            }
            SbgErrorKind::TinyDiscount { min_percent } => fill(
                s.err_tiny_discount,
                &[(
                    "min",
                    &format!("{}{}", st.plain(*min_percent, 2), st.percent),
                )],
            ),
            SbgErrorKind::FitBeyondCounts {
                cohort,
                last_period,
            } => fill(
                s.err_fit_beyond,
                &[
                    ("cohort", &cohort_name(*cohort)),
                    ("last", &n(*last_period)),
                ],
            ),
            SbgErrorKind::HorizonBeforeCounts {
                cohort,
                last_period,
            } => fill(
                s.err_horizon_before,
                &[
                    ("cohort", &cohort_name(*cohort)),
                    ("last", &n(*last_period)),
                ],
            ),
        }
    }

    /// Why a cohort's fit gave no figures.
    pub fn sbg_fit_error(&self, e: FitError) -> &'static str {
        match e {
            FitError::DidNotConverge => self.sbg.did_not_converge,
            FitError::AtZeroBoundary => self.sbg.zero_boundary,
        }
    }

    /// The words of a working line.
    pub fn sbg_step(&self, id: StepId) -> &'static str {
        let s = self.sbg;
        match id {
            StepId::Fit => s.step_fit,
            StepId::Retention => s.step_retention,
            StepId::Survival => s.step_survival,
            StepId::Mape => s.step_mape,
            StepId::MeanLifetime => s.step_mean_lifetime,
            StepId::Del => s.step_del,
            StepId::Value => s.step_value,
            StepId::GeometricChurn => s.step_geometric_churn,
            StepId::GeometricLogLikelihood => s.step_geometric_ll,
        }
    }
}
