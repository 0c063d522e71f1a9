//! The charts' strings: legends, axis titles, captions in words, buttons.

use super::table::string_table;
use super::{file_name, fill, Strings};
use crate::core::chart::holdout::HoldoutView;
use crate::core::chart::{
    churn, flows, heatmap, holdout, new_customer, p_alive, revenue_movements, revenue_rates,
};
use crate::core::clv::Unit;
use crate::core::figure::PeriodUnit;
use crate::core::import::tables::Granularity;
use crate::core::period::ChurnDefinition;

string_table! {
    /// Strings of the charts.
    pub struct ChartStrings {
        show_data,
        hide_data,
        download_svg,
        download_png,
        failed,
        scroll_hint,
        scale_legend,
        scale_linear,
        scale_log,
        log_zero,
        multiple_axis,
        starting_base,
        projection_title,
        projection_caption,
        grows,
        shrinks,
        stays,
        not_drawn,
        flows_title,
        new,
        returning,
        lost,
        net_change,
        net_growth,
        customers,
        period,
        incomplete,
        flows_caption,
        flows_caption_net_only,
        flows_best,
        flows_worst,
        churn_title,
        churn_legend,
        churn_name_start,
        churn_name_start_new,
        churn_name_average,
        band,
        band_low,
        band_high,
        churn_caption,
        churn_caption_band,
        churn_none,
        churn_only_incomplete,
        churn_no_start,
        heatmap_title,
        offsets_title,
        cohort,
        size,
        average,
        heat_key,
        heatmap_caption,
        heatmap_caption_one,
        heatmap_furthest,
        cells_too_small,
        /// Words of the saved images' file names (spaces become `-`).
        file_projection,
        file_flows,
        file_churn,
        file_heatmap,
        file_forecast,
        revenue_movements_title,
        revenue_rates_title,
        expansion,
        contraction,
        churned,
        revenue,
        grr,
        nrr,
        movements_caption,
        movements_caption_one,
        rates_caption,
        rates_gaps,
        rates_none,
        rates_only_incomplete,
        file_revenue_movements,
        file_revenue_rates,
        weeks,
        days,
        week,
        day,
        share,
        p_alive,
        p_alive_title,
        p_alive_axis,
        p_alive_caption,
        p_alive_caption_mean,
        p_alive_none,
        expected_title,
        expected_axis,
        expected_caption,
        expected_none,
        holdout_title,
        holdout_legend,
        holdout_per_unit,
        holdout_cumulative,
        holdout_units,
        holdout_axis,
        holdout_axis_cumulative,
        actual,
        predicted,
        actual_cumulative,
        predicted_cumulative,
        holdout_caption,
        holdout_partial,
        holdout_partial_mark,
        holdout_none,
        file_p_alive,
        file_expected,
        file_holdout,
        file_holdout_cumulative,
    }
}

/// English.
pub const EN_CHARTS: ChartStrings = ChartStrings {
    show_data: "Show data",
    hide_data: "Hide data",
    download_svg: "Download SVG",
    download_png: "Download PNG",
    failed: "The chart could not be drawn: {error}",
    scroll_hint: "Scroll sideways to see every period; the cohort names stay in view.",
    scale_legend: "Vertical axis",
    scale_linear: "Linear",
    scale_log: "Log",
    log_zero: "A base of zero has no place on a log axis: the lines stop before it.",
    multiple_axis: "Multiple of the starting base",
    starting_base: "Starting base",
    projection_title: "Customers over the horizon",
    projection_caption: "Over {horizon}: {list}.",
    grows: "{name} grows to {value}",
    shrinks: "{name} shrinks to {value}",
    stays: "{name} stays at {value}",
    not_drawn: "{name} is not drawn: its inputs have errors",
    flows_title: "Customers in and out per period",
    new: "New",
    returning: "Returning",
    lost: "Lost",
    net_change: "Net change",
    net_growth: "Net growth",
    customers: "Customers",
    period: "Period",
    incomplete: "* incomplete period",
    flows_caption: "{periods} periods from {first} to {last}: {new} new and {lost} lost customers, a net change of {net}.",
    flows_caption_net_only: "{periods} periods from {first} to {last}: a net change of {net} customers.",
    flows_best: " The biggest gain was {net} in {period}.",
    flows_worst: " The biggest loss was {net} in {period}.",
    churn_title: "Churn per period",
    churn_legend: "Churn definition for the chart",
    churn_name_start: "Churn: lost / customers at start",
    churn_name_start_new: "Churn: (lost + joined and left) / (start + new)",
    churn_name_average: "Churn: (lost + joined and left) / average customers",
    band: "95% interval (Wilson)",
    band_low: "95% low",
    band_high: "95% high",
    churn_caption: "{definition}, per period: lowest {low} in {low_period}, highest {high} in {high_period}, latest {latest} in {latest_period}.",
    churn_caption_band: " The shaded band is the 95% interval; in {latest_period} it runs from {lo} to {hi}.",
    churn_none: "This data has no counts of lost customers, so there is no churn to chart.",
    churn_only_incomplete: "The only churn is in {period}, which is incomplete (the data ends inside it), so there is no complete period to sum up. Every complete period starts with 0 customers: nobody to lose yet.",
    churn_no_start: "Every period starts with 0 customers, so there is nobody to lose and churn is undefined in each.",
    heatmap_title: "Cohort retention",
    offsets_title: "{units} since the cohort's first {unit}",
    cohort: "Cohort",
    size: "Size",
    average: "Average",
    heat_key: "Share of the cohort still active",
    heatmap_caption: "{cohorts} cohorts over {offsets} {units}; darker cells keep more of their customers.",
    heatmap_caption_one: " On average {share} of a cohort was still active one {unit} later",
    heatmap_furthest: ", and {share} after {k} {units}",
    cells_too_small: "The cells are too small here to print their shares: the table below gives them.",
    file_projection: "projection",
    file_flows: "flows",
    file_churn: "churn",
    file_heatmap: "heatmap",
    file_forecast: "forecast",
    revenue_movements_title: "Revenue in and out per period",
    revenue_rates_title: "GRR and NRR per period",
    expansion: "Expansion",
    contraction: "Contraction",
    churned: "Churned",
    revenue: "Revenue",
    grr: "GRR",
    nrr: "NRR",
    movements_caption: "{periods} periods from {first} to {last}: revenue went from {from} to {to}. After {first}, new customers brought {new}, returning customers {returning} and expansion {expansion}; contraction took {contraction} and churned customers {churned}.",
    movements_caption_one: "One period, {period}: revenue of {revenue}, all of it new.",
    rates_caption: "GRR ran from {grr_low} to {grr_high} and NRR from {nrr_low} to {nrr_high}; in {latest_period}, GRR was {grr} and NRR {nrr}.",
    rates_gaps: " No rate in {periods}: the start revenue there is 0 or below.",
    rates_none: "No period starts with revenue above 0, so there is no GRR or NRR to chart. The first period never has one: it has no period before it.",
    rates_only_incomplete: "The only rates are in {period}, which is incomplete (the data ends inside it), so there is no complete period to sum up.",
    file_revenue_movements: "revenue movements",
    file_revenue_rates: "revenue retention",
    weeks: "weeks",
    days: "days",
    week: "week",
    day: "day",
    share: "Share",
    p_alive: "P(alive)",
    p_alive_title: "How likely each customer is to still be a customer",
    p_alive_axis: "P(alive): the probability of still being a customer",
    p_alive_caption: "{likely} of {customers} customers ({share}) are probably still customers: their P(alive) is 50% or more.",
    p_alive_caption_mean: " The mean P(alive) is {mean}.",
    p_alive_none: "No customer has a P(alive): the purchase model (BG/NBD) has no fit.",
    expected_title: "Expected repeat transactions of a new customer",
    expected_axis: "Expected repeat transactions",
    expected_caption: "A new customer is expected to make {expected} repeat transactions in their first {horizon} {units}.",
    expected_none: "There is no curve: the purchase model (BG/NBD) has no fit.",
    holdout_title: "Holdout: actual and predicted repeat transactions",
    holdout_legend: "Transactions shown",
    holdout_per_unit: "Per period",
    holdout_cumulative: "Cumulative",
    holdout_units: "{units} after the calibration end",
    holdout_axis: "Repeat transactions",
    holdout_axis_cumulative: "Cumulative repeat transactions",
    actual: "Actual",
    predicted: "Predicted (BG/NBD)",
    actual_cumulative: "Actual, cumulative",
    predicted_cumulative: "Predicted, cumulative",
    holdout_caption: "In the {units} {unit_words} after the calibration end, the customers made {actual} repeat transactions; the model predicted {predicted}.",
    holdout_partial: " The last {unit} (*) is partial: the data cover {days} of its {length} days.",
    holdout_partial_mark: "* partial {unit} ({days} of {length} days)",
    holdout_none: "There is no holdout to check: the data end on the calibration end, or the purchase model (BG/NBD) has no fit.",
    file_p_alive: "p alive",
    file_expected: "new customer",
    file_holdout: "holdout",
    file_holdout_cumulative: "holdout cumulative",
};

pub(super) fn unit_of(g: Granularity) -> PeriodUnit {
    match g {
        Granularity::Month => PeriodUnit::Months,
        Granularity::Quarter => PeriodUnit::Quarters,
        Granularity::Year => PeriodUnit::Years,
    }
}

/// `word` with its first letter in upper case (letters without case stay as they are).
fn capitalised(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

impl Strings {
    /// The name of a download made from imported data, without its extension: `what`, then
    /// for transactions the period length (`retention-lab-results-month`); a counts file's
    /// periods are its rows and add no word.
    pub fn data_file(&self, what: &str, g: Option<Granularity>) -> String {
        match g {
            Some(g) => file_name(&[what, self.unit(unit_of(g), true)]),
            None => file_name(&[what]),
        }
    }

    /// A churn definition's name in the chart's legend and caption.
    pub fn churn_chart_name(&self, d: ChurnDefinition) -> &'static str {
        match d {
            ChurnDefinition::Start => self.charts.churn_name_start,
            ChurnDefinition::StartPlusNew => self.charts.churn_name_start_new,
            ChurnDefinition::Average => self.charts.churn_name_average,
        }
    }

    /// The title above a heatmap's columns.
    pub fn offsets_title(&self, g: Option<Granularity>) -> String {
        let unit = unit_of(g.unwrap_or(Granularity::Month));
        fill(
            self.charts.offsets_title,
            &[
                ("units", &capitalised(self.unit(unit, false))),
                ("unit", self.unit(unit, true)),
            ],
        )
    }

    /// The projection chart's caption: each scenario's multiple at the horizon.
    pub fn projection_caption(&self, horizon: &str, ends: &[(String, Option<f64>)]) -> String {
        let c = self.charts;
        let list: Vec<String> = ends
            .iter()
            .map(|(name, end)| match end {
                None => fill(c.not_drawn, &[("name", name)]),
                Some(v) => {
                    let value = format!("{}x", self.number_style.ratio(*v));
                    let template = if value == format!("{}x", self.number_style.ratio(1.0)) {
                        c.stays
                    } else if *v > 1.0 {
                        c.grows
                    } else {
                        c.shrinks
                    };
                    fill(template, &[("name", name), ("value", &value)])
                }
            })
            .collect();
        fill(
            c.projection_caption,
            &[("horizon", horizon), ("list", &list.join("; "))],
        )
    }

    /// The periods chart's caption.
    pub fn flows_caption(&self, s: &flows::Summary) -> String {
        let c = self.charts;
        let st = &self.number_style;
        let signed = |v: i64| {
            if v > 0 {
                format!("+{}", st.count(v))
            } else {
                st.count(v)
            }
        };
        let periods = st.count(s.periods as i64);
        let mut out = match (s.new, s.lost) {
            (Some(new), Some(lost)) => fill(
                c.flows_caption,
                &[
                    ("periods", &periods),
                    ("first", &s.first),
                    ("last", &s.last),
                    ("new", &st.count(new as i64)),
                    ("lost", &st.count(lost as i64)),
                    ("net", &signed(s.net)),
                ],
            ),
            _ => fill(
                c.flows_caption_net_only,
                &[
                    ("periods", &periods),
                    ("first", &s.first),
                    ("last", &s.last),
                    ("net", &signed(s.net)),
                ],
            ),
        };
        if let Some((period, net)) = &s.best {
            out.push_str(&fill(
                c.flows_best,
                &[("net", &signed(*net)), ("period", period)],
            ));
        }
        if let Some((period, net)) = &s.worst {
            out.push_str(&fill(
                c.flows_worst,
                &[("net", &signed(*net)), ("period", period)],
            ));
        }
        out
    }

    /// The churn chart's caption.
    pub fn churn_caption(&self, d: ChurnDefinition, s: &churn::Summary) -> String {
        let c = self.charts;
        let pct = |v: f64| self.number_style.percent(v, 2);
        let mut out = fill(
            c.churn_caption,
            &[
                ("definition", self.churn_chart_name(d)),
                ("low", &pct(s.low.1)),
                ("low_period", &s.low.0),
                ("high", &pct(s.high.1)),
                ("high_period", &s.high.0),
                ("latest", &pct(s.latest.1)),
                ("latest_period", &s.latest.0),
            ],
        );
        match s.latest.2 {
            Some((lo, hi)) => out.push_str(&fill(
                c.churn_caption_band,
                &[
                    ("latest_period", &s.latest.0),
                    ("lo", &pct(lo)),
                    ("hi", &pct(hi)),
                ],
            )),
            None => {
                out.push(' ');
                out.push_str(self.interval_other_definition);
            }
        }
        out
    }

    /// The churn chart's caption when it has no figures: the reason.
    pub fn churn_no_summary(&self, why: &churn::NoSummary) -> String {
        let c = self.charts;
        match why {
            churn::NoSummary::NoLostCounts => c.churn_none.to_string(),
            churn::NoSummary::OnlyIncomplete(period) => {
                fill(c.churn_only_incomplete, &[("period", period)])
            }
            churn::NoSummary::NoCustomersAtStart => c.churn_no_start.to_string(),
        }
    }

    /// The heatmap's caption.
    pub fn heatmap_caption(&self, g: Option<Granularity>, s: &heatmap::Summary) -> String {
        let c = self.charts;
        let unit = unit_of(g.unwrap_or(Granularity::Month));
        let st = &self.number_style;
        let mut out = fill(
            c.heatmap_caption,
            &[
                ("cohorts", &st.count(s.cohorts as i64)),
                ("offsets", &st.count(s.offsets as i64)),
                ("units", self.unit(unit, s.offsets == 1)),
            ],
        );
        if let Some(one) = s.after_one {
            out.pop();
            out.push('.');
            out.push_str(&fill(
                c.heatmap_caption_one,
                &[
                    ("share", &st.percent(one, 1)),
                    ("unit", self.unit(unit, true)),
                ],
            ));
            if let Some((k, share)) = s.furthest.filter(|f| f.0 > 1) {
                out.push_str(&fill(
                    c.heatmap_furthest,
                    &[
                        ("share", &st.percent(share, 1)),
                        ("k", &st.count(k as i64)),
                        ("units", self.unit(unit, false)),
                    ],
                ));
            }
            out.push('.');
        }
        out
    }

    /// The revenue movements chart's caption; money with the file's `decimals`.
    pub fn movements_caption(&self, s: &revenue_movements::Summary, decimals: u32) -> String {
        let c = self.charts;
        let st = &self.number_style;
        let money = |v| st.money(v, decimals);
        if s.periods == 1 {
            return fill(
                c.movements_caption_one,
                &[("period", &s.first.0), ("revenue", &money(s.first.1))],
            );
        }
        fill(
            c.movements_caption,
            &[
                ("periods", &st.count(s.periods as i64)),
                ("first", &s.first.0),
                ("last", &s.last.0),
                ("from", &money(s.first.1)),
                ("to", &money(s.last.1)),
                ("new", &money(s.new)),
                ("returning", &money(s.returning)),
                ("expansion", &money(s.expansion)),
                ("contraction", &money(s.contraction)),
                ("churned", &money(s.churned)),
            ],
        )
    }

    /// The GRR and NRR chart's caption, or why it has no figures.
    pub fn rates_caption(
        &self,
        s: &Result<revenue_rates::Summary, revenue_rates::NoSummary>,
    ) -> String {
        let c = self.charts;
        let pct = |v: f64| self.number_style.percent(v, 2);
        match s {
            Err(revenue_rates::NoSummary::NoStartRevenue) => c.rates_none.to_string(),
            Err(revenue_rates::NoSummary::OnlyIncomplete(period)) => {
                fill(c.rates_only_incomplete, &[("period", period)])
            }
            Ok(s) => {
                let mut out = fill(
                    c.rates_caption,
                    &[
                        ("grr_low", &pct(s.grr.0)),
                        ("grr_high", &pct(s.grr.1)),
                        ("nrr_low", &pct(s.nrr.0)),
                        ("nrr_high", &pct(s.nrr.1)),
                        ("latest_period", &s.latest.0),
                        ("grr", &pct(s.latest.1)),
                        ("nrr", &pct(s.latest.2)),
                    ],
                );
                if !s.gaps.is_empty() {
                    out.push_str(&fill(c.rates_gaps, &[("periods", &self.list(&s.gaps))]));
                }
                out
            }
        }
    }

    /// The unit of the customers view's time, plural or `singular`.
    pub fn clv_unit(&self, unit: Unit, singular: bool) -> &'static str {
        let c = self.charts;
        match (unit, singular) {
            (Unit::Weeks, false) => c.weeks,
            (Unit::Weeks, true) => c.week,
            (Unit::Days, false) => c.days,
            (Unit::Days, true) => c.day,
        }
    }

    /// The heading of a table's column of units: "Week" or "Day".
    pub fn clv_unit_head(&self, unit: Unit) -> String {
        capitalised(self.clv_unit(unit, true))
    }

    /// The P(alive) histogram's caption, or why it has no figures.
    pub fn p_alive_caption(&self, s: Option<&p_alive::Summary>) -> String {
        let c = self.charts;
        let st = &self.number_style;
        let Some(s) = s else {
            return c.p_alive_none.to_string();
        };
        let mut out = fill(
            c.p_alive_caption,
            &[
                ("likely", &st.count(s.likely_alive as i64)),
                ("customers", &st.count(s.customers as i64)),
                ("share", &st.percent(s.share(), 1)),
            ],
        );
        if let Some(mean) = s.mean {
            out.push_str(&fill(
                c.p_alive_caption_mean,
                &[("mean", &st.percent(mean, 1))],
            ));
        }
        out
    }

    /// The new customer's curve's caption: E[X] at the horizon.
    pub fn expected_caption(&self, unit: Unit, s: Option<&new_customer::Summary>) -> String {
        let c = self.charts;
        let st = &self.number_style;
        match s {
            None => c.expected_none.to_string(),
            Some(s) => fill(
                c.expected_caption,
                &[
                    ("expected", &st.fixed(s.expected, 2)),
                    ("horizon", &st.count(s.horizon as i64)),
                    ("units", self.clv_unit(unit, s.horizon == 1)),
                ],
            ),
        }
    }

    /// A holdout view's name on the chart's switch.
    pub fn holdout_view(&self, v: HoldoutView) -> &'static str {
        match v {
            HoldoutView::PerUnit => self.charts.holdout_per_unit,
            HoldoutView::Cumulative => self.charts.holdout_cumulative,
        }
    }

    /// The legend's note on a partial last unit of `days` days.
    pub fn holdout_partial_mark(&self, unit: Unit, days: u32) -> String {
        let st = &self.number_style;
        fill(
            self.charts.holdout_partial_mark,
            &[
                ("unit", self.clv_unit(unit, true)),
                ("days", &st.count(i64::from(days))),
                ("length", &st.count(i64::from(unit.days()))),
            ],
        )
    }

    /// The holdout chart's caption: both totals, and the partial last unit.
    pub fn holdout_caption(&self, unit: Unit, s: Option<&holdout::Summary>) -> String {
        let c = self.charts;
        let st = &self.number_style;
        let Some(s) = s else {
            return c.holdout_none.to_string();
        };
        let mut out = fill(
            c.holdout_caption,
            &[
                ("units", &st.count(s.units as i64)),
                ("unit_words", self.clv_unit(unit, s.units == 1)),
                ("actual", &st.count(s.actual as i64)),
                ("predicted", &st.fixed(s.predicted, 1)),
            ],
        );
        if let Some(days) = s.partial {
            out.push_str(&fill(
                c.holdout_partial,
                &[
                    ("unit", self.clv_unit(unit, true)),
                    ("days", &st.count(i64::from(days))),
                    ("length", &st.count(i64::from(unit.days()))),
                ],
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clv::{Holdout, HoldoutUnit};
    use crate::i18n::file::{build, parse};
    use crate::i18n::{Lang, EN};

    fn persian() -> &'static Strings {
        let text = include_str!("../../public/i18n/fa.txt");
        build(parse(text).expect("parses"), Lang::Fa.number_style()).strings
    }

    #[test]
    fn p_alive_caption_gives_the_likely_customers_and_the_mean() {
        let counts = [120, 40, 0, 10, 5, 5, 10, 20, 60, 230];
        let s = p_alive::summary(&counts, Some(0.6123));
        assert_eq!(
            EN.p_alive_caption(s.as_ref()),
            "325 of 500 customers (65.0%) are probably still customers: their P(alive) is 50% \
             or more. The mean P(alive) is 61.2%."
        );
        assert_eq!(EN.p_alive_caption(None), EN.charts.p_alive_none);
        let fa = persian().p_alive_caption(s.as_ref());
        assert!(fa.starts_with("۳۲۵ از ۵۰۰ مشتری (۶۵٫۰٪)"), "{fa}");
        assert!(fa.contains("۶۱٫۲٪"), "{fa}");
    }

    #[test]
    fn expected_caption_names_the_horizon_in_its_unit() {
        let curve: Vec<f64> = (0..=52).map(|t| f64::from(t) * 0.0375).collect();
        let s = new_customer::summary(&curve);
        assert_eq!(
            EN.expected_caption(Unit::Weeks, s.as_ref()),
            "A new customer is expected to make 1.95 repeat transactions in their first 52 weeks."
        );
        let one = new_customer::summary(&[0.0, 0.01]);
        assert!(EN
            .expected_caption(Unit::Days, one.as_ref())
            .ends_with("in their first 1 day."));
        assert_eq!(
            EN.expected_caption(Unit::Weeks, None),
            EN.charts.expected_none
        );
        assert_eq!(EN.clv_unit_head(Unit::Days), "Day");
    }

    #[test]
    fn holdout_caption_gives_both_totals_and_the_partial_unit() {
        let units = vec![
            HoldoutUnit {
                actual: 40,
                predicted: 38.5,
            },
            HoldoutUnit {
                actual: 12,
                predicted: 14.75,
            },
        ];
        let mut h = Holdout {
            units,
            last_unit_days: 3,
            actual: 52,
            predicted: 53.25,
        };
        let s = holdout::summary(&h, Unit::Weeks);
        assert_eq!(
            EN.holdout_caption(Unit::Weeks, s.as_ref()),
            "In the 2 weeks after the calibration end, the customers made 52 repeat \
             transactions; the model predicted 53.2. The last week (*) is partial: the data \
             cover 3 of its 7 days."
        );
        assert_eq!(
            EN.holdout_partial_mark(Unit::Weeks, 3),
            "* partial week (3 of 7 days)"
        );
        let fa = persian().holdout_caption(Unit::Weeks, s.as_ref());
        assert!(
            fa.contains("۵۲ خرید") && fa.contains("۵۳٫۲") && fa.contains("۳ روز از ۷ روز"),
            "{fa}"
        );
        h.last_unit_days = 7;
        let whole = EN.holdout_caption(Unit::Weeks, holdout::summary(&h, Unit::Weeks).as_ref());
        assert!(!whole.contains("partial"), "{whole}");
        assert_eq!(
            EN.holdout_caption(Unit::Weeks, None),
            EN.charts.holdout_none
        );
        assert_eq!(EN.holdout_view(HoldoutView::Cumulative), "Cumulative");
    }
}
