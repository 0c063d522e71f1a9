//! The customers view's strings: fields, figures, working, the holdout, the lookup, the
//! win-back list and what can go wrong.

use super::table::string_table;
use super::{fill, Strings};
use crate::core::clv::{
    ClvError, ClvProblem, Day, FitError, Parameter, StepId, SummaryError, Toward,
};
use crate::core::customers::CustomersFailed;

string_table! {
    /// Strings of the customers view.
    pub struct ClvStrings {
        heading,
        intro,
        preset,
        preset_loading,
        preset_failed,
        settings_legend,
        end_label,
        end_hint,
        unit_legend,
        weeks,
        days,
        horizon_label,
        horizon_hint,
        discount_label,
        margin_label,
        threshold_label,
        no_data,
        data_link,
        not_transactions,
        month_only,
        no_amounts,
        running,
        done,
        saved,
        settings_changed,
        stale,
        read_again,
        read_file,
        unread,
        changed_file,
        stopped,
        no_days,
        no_customers,
        overflow,
        err_not_a_date,
        err_outside,
        err_range,
        fig_customers,
        fig_calibration,
        calibration_span,
        fig_repeat,
        fig_later,
        fig_alive,
        fig_mean_alive,
        fig_new_expected,
        fig_average_value,
        bgnbd_heading,
        gg_heading,
        log_likelihood,
        population_mean,
        not_finite,
        fit_too_few,
        fit_boundary,
        toward_zero,
        toward_infinity,
        fit_not_finite,
        fit_not_converged,
        gg_left_out,
        gg_needs_amounts,
        working,
        step_summary,
        step_bgnbd,
        step_p_alive,
        step_new,
        step_gg,
        step_mean,
        step_discount,
        step_value,
        holdout_heading,
        holdout_none,
        holdout_actual,
        holdout_predicted,
        holdout_partial,
        lookup_heading,
        lookup_label,
        lookup_button,
        lookup_not_found,
        lookup_needs_data,
        lookup_asking,
        lookup_x,
        lookup_t_x,
        lookup_age,
        lookup_m_x,
        lookup_p_alive,
        lookup_expected,
        lookup_mean,
        lookup_value,
        download_values,
        download_winback,
        downloads_need_data,
        file_values,
        file_winback,
        winback_heading,
        winback_count,
        winback_range,
        winback_link,
        winback_top,
        winback_none,
        col_id,
        col_last_purchase,
        col_transactions,
        col_spend,
        col_p_alive,
    }
}

pub static EN_CLV: ClvStrings = ClvStrings {
    heading: "Customer value (BG/NBD and Gamma-Gamma)",
    intro: "From an order export (one row per order: customer id, date and, for value, the amount), the BG/NBD model of Fader, Hardie & Lee (2005) estimates how likely each customer is still a customer and how often they will buy; the Gamma-Gamma model adds what their purchases are worth. Rows of one customer on one day are one transaction.",
    preset: "CDNOW sample (Fader, Hardie & Lee 2005)",
    preset_loading: "Loading the CDNOW sample\u{2026}",
    preset_failed: "The CDNOW sample could not be loaded ({error}).",
    settings_legend: "Settings",
    end_label: "Calibration ends on",
    end_hint: "A day from {first} to {last}. The models learn from the purchases up to and including this day; the purchases after it check the forecast.",
    unit_legend: "Time unit",
    weeks: "Weeks",
    days: "Days",
    horizon_label: "Forecast horizon",
    horizon_hint: "In the time unit above: 52 weeks or 365 days is a year.",
    discount_label: "Discount rate per year (%)",
    margin_label: "Gross margin (%)",
    threshold_label: "Win-back list: P(alive) below (%)",
    no_data: "Import an order export (customer id, date and amount) under \u{201C}Your data\u{201D}, or load the CDNOW sample, to see its customers here.",
    data_link: "Go to your data",
    not_transactions: "The data imported is counts per period. These models need one row per order, with a customer id and a date.",
    month_only: "{rows} rows give a month but no day and are left out: the models count days.",
    no_amounts: "The file has no amount column: P(alive) and the expected transactions need only dates, but what a customer is worth (Gamma-Gamma) needs amounts.",
    running: "Fitting the models\u{2026}",
    done: "Computed in {ms} ms.",
    saved: "These results were saved with the session. Changing the settings, looking up a customer or downloading the files needs the data read again.",
    settings_changed: "The settings differ from those of the results shown: read the data again to see results for them.",
    stale: "The results below are for the last settings that read; correct the fields marked above to update them.",
    read_again: "Read the data again",
    read_file: "Choose the file",
    unread: "The file could not be read again ({error}).",
    changed_file: "Read again, the file no longer gives the data shown. Import it again under \u{201C}Your data\u{201D}.",
    stopped: "The calculation was stopped. Change a setting or read the data again to start it once more.",
    no_days: "Every row gives a month but no day ({rows} rows): these models count days, so they need dates with days.",
    no_customers: "No customer bought on or before the calibration end.",
    overflow: "The amounts of one customer are too large to add up exactly.",
    err_not_a_date: "Enter a date as YYYY-MM-DD.",
    err_outside: "Choose a day from {first} to {last}, the first and last dates of the data.",
    err_range: "Expected a number from {min} to {max}.",
    fig_customers: "Customers in the calibration period",
    fig_calibration: "Calibration period",
    calibration_span: "{first} to {last}",
    fig_repeat: "Repeat buyers (x > 0)",
    fig_later: "Customers who first bought after the calibration end (left out)",
    fig_alive: "Probably still customers (P(alive) of 50% or more)",
    fig_mean_alive: "Mean P(alive)",
    fig_new_expected: "Expected repeat transactions of a new customer over {h} {unit}",
    fig_average_value: "Average customer value over the next {h} {unit}",
    bgnbd_heading: "BG/NBD: who is still a customer, and how often they buy",
    gg_heading: "Gamma-Gamma: what a transaction is worth",
    log_likelihood: "Log-likelihood",
    population_mean: "Mean transaction value of a new customer, \u{3B3}p / (q \u{2212} 1)",
    not_finite: "not finite: q \u{2264} 1, so the values have no mean",
    fit_too_few: "Cannot be fitted: {found} repeat buyers, and at least {min} are needed.",
    fit_boundary: "Cannot be fitted: the likelihood keeps rising as {parameter} goes toward {toward}, so there is no best value. This happens when the data has few customers or few repeat purchases: the models are meant for hundreds of customers, many of whom bought more than once.",
    toward_zero: "0",
    toward_infinity: "infinity",
    fit_not_finite: "Cannot be fitted: the likelihood is not finite for these data.",
    fit_not_converged: "Cannot be fitted: the search for the best parameters did not settle.",
    gg_left_out: "{n} repeat buyers whose repeat purchases are worth 0 or less are left out of this fit.",
    gg_needs_amounts: "Needs an amount column.",
    working: "Working",
    step_summary: "Each customer's summary (bought on k days, the first d_f and the last d_l, up to the calibration end d_e; a unit is u days)",
    step_bgnbd: "BG/NBD by maximum likelihood (the paper's equation 6)",
    step_p_alive: "Probability still a customer",
    step_new: "A new customer's expected repeat transactions (equation 9)",
    step_gg: "Gamma-Gamma by maximum likelihood",
    step_mean: "Expected transaction value",
    step_discount: "Discount rate per unit",
    step_value: "Customer value",
    holdout_heading: "Holdout: actual against predicted repeat transactions",
    holdout_none: "The data end on the calibration end, so there is no later period to check the forecast against. Choose an earlier calibration end to see one.",
    holdout_actual: "Actual repeat transactions after the calibration end",
    holdout_predicted: "Predicted by BG/NBD",
    holdout_partial: "The last {unit} has {days} of its {length} days.",
    lookup_heading: "One customer",
    lookup_label: "Customer id",
    lookup_button: "Look up",
    lookup_not_found: "No customer with the id \u{201C}{id}\u{201D} bought in the calibration period.",
    lookup_needs_data: "Looking up a customer needs the data read again.",
    lookup_asking: "Looking up\u{2026}",
    lookup_x: "Repeat transactions x",
    lookup_t_x: "Last purchase t_x ({unit} after the first)",
    lookup_age: "Observed T ({unit} from the first purchase)",
    lookup_m_x: "Mean repeat transaction m_x",
    lookup_p_alive: "P(alive)",
    lookup_expected: "Expected transactions over the next {h} {unit}",
    lookup_mean: "Expected transaction value E[M]",
    lookup_value: "Value over the next {h} {unit}",
    download_values: "Download customer values CSV",
    download_winback: "Download win-back list CSV",
    downloads_need_data: "The files need the data read again.",
    file_values: "customer values",
    file_winback: "winback list",
    winback_heading: "Win-back list",
    winback_count: "{n} customers who bought at least twice have a P(alive) below {threshold}: of those who bought more than once, the likeliest to have stopped.",
    winback_range: "If 25% to 60% of them are won back (the range the win-back calculator uses), {low} to {high} customers return.",
    winback_link: "Open the win-back calculator with these {n} customers",
    winback_top: "The {n} who spent most in the calibration period:",
    winback_none: "No customer who bought at least twice has a P(alive) below {threshold}.",
    col_id: "Customer id",
    col_last_purchase: "Last purchase",
    col_transactions: "Transactions",
    col_spend: "Spent",
    col_p_alive: "P(alive)",
};

impl Strings {
    /// What is wrong with one of the view's fields.
    pub fn clv_error(&self, e: &ClvError) -> String {
        let s = self.clv;
        let st = &self.number_style;
        match &e.problem {
            ClvProblem::Number(n) => self.number_error_text(n),
            ClvProblem::NotADate => s.err_not_a_date.to_string(),
            ClvProblem::OutsideData { first, last } => self.clv_outside(*first, *last),
            ClvProblem::Range { min, max } => fill(
                s.err_range,
                &[
                    ("min", &st.count(i64::from(*min))),
                    ("max", &st.count(i64::from(*max))),
                ],
            ),
        }
    }

    fn clv_outside(&self, first: Day, last: Day) -> String {
        fill(
            self.clv.err_outside,
            &[
                ("first", &self.clv_day(first)),
                ("last", &self.clv_day(last)),
            ],
        )
    }

    /// A day as `YYYY-MM-DD`, in the language's digits.
    pub fn clv_day(&self, day: Day) -> String {
        self.number_style.localize(&day.iso())
    }

    /// Why the worker gave no results.
    pub fn clv_failed(&self, e: &CustomersFailed) -> String {
        let s = self.clv;
        let st = &self.number_style;
        match e {
            CustomersFailed::NotTransactions => s.not_transactions.to_string(),
            CustomersFailed::Unread(error) => fill(s.unread, &[("error", error)]),
            CustomersFailed::Changed => s.changed_file.to_string(),
            CustomersFailed::NoDays { month_only } => fill(
                s.no_days,
                &[(
                    "rows",
                    &st.count(i64::try_from(*month_only).unwrap_or(i64::MAX)),
                )],
            ),
            CustomersFailed::Outside { first, last } => self.clv_outside(*first, *last),
            CustomersFailed::Summary(SummaryError::NoCustomers) => s.no_customers.to_string(),
            CustomersFailed::Summary(_) => s.overflow.to_string(),
        }
    }

    /// Why a model has no fit.
    pub fn clv_fit_error(&self, e: &FitError) -> String {
        let s = self.clv;
        let st = &self.number_style;
        match e {
            FitError::TooFewRepeatBuyers { found } => fill(
                s.fit_too_few,
                &[
                    ("found", &st.count(*found as i64)),
                    ("min", &st.count(crate::core::clv::MIN_REPEAT_BUYERS as i64)),
                ],
            ),
            FitError::Boundary { parameter, toward } => {
                let name = match parameter {
                    Parameter::R => "r",
                    Parameter::Alpha => "\u{3B1}",
                    Parameter::A => "a",
                    Parameter::B => "b",
                    Parameter::P => "p",
                    Parameter::Q => "q",
                    Parameter::Gamma => "\u{3B3}",
                };
                let toward = match toward {
                    Toward::Zero => s.toward_zero,
                    Toward::Infinity => s.toward_infinity,
                };
                fill(s.fit_boundary, &[("parameter", name), ("toward", toward)])
            }
            FitError::NotFinite => s.fit_not_finite.to_string(),
            _ => s.fit_not_converged.to_string(),
        }
    }

    /// The words of a working line.
    pub fn clv_step(&self, id: StepId) -> &'static str {
        let s = self.clv;
        match id {
            StepId::Summary => s.step_summary,
            StepId::BgNbdFit => s.step_bgnbd,
            StepId::PAlive => s.step_p_alive,
            StepId::NewCustomer => s.step_new,
            StepId::GammaGammaFit => s.step_gg,
            StepId::MeanValue => s.step_mean,
            StepId::Discount => s.step_discount,
            StepId::Value => s.step_value,
        }
    }
}
