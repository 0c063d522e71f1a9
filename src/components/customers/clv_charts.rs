//! The charts of the customer-value view (docs/metrics.md sections 9 and 10): how likely the
//! customers are to still be customers, a new customer's expected repeat transactions over
//! the horizon, and the holdout check of the BG/NBD model. Each takes the view's results
//! and shows nothing while there are none.

use leptos::prelude::*;

use crate::app::state::use_strings;
use crate::charts;
use crate::components::charts::chart_frame::{ChartFrame, DOWNLOAD_WIDTH};
use crate::components::widgets::radio_group::RadioGroup;
use crate::components::widgets::texts::h3;
use crate::components::widgets::when::when;
use crate::core::chart::holdout::{HoldoutView, VIEWS};
use crate::core::chart::{holdout, new_customer, p_alive};
use crate::core::clv::ClvResults;
use crate::i18n::file_name;

/// Customers per tenth of P(alive), bars from 0 to 100%.
#[component]
pub fn PAliveChart(
    /// The view's results; `None` shows nothing.
    results: Signal<Option<ClvResults>>,
) -> impl IntoView {
    let strings = use_strings();
    let width = RwSignal::new(0.0f32);
    // The customers per bin and the mean P(alive).
    let data = Memo::new(move |_| {
        results.with(|r| {
            r.as_ref()
                .map(|r| (r.p_alive_histogram.clone(), r.average_p_alive))
        })
    });
    let summary = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .and_then(|(counts, mean)| p_alive::summary(counts, *mean))
        })
    });
    let layout = move |w: f32| {
        data.with(|d| {
            let (counts, _) = d.as_ref()?;
            (w > 0.0 && summary.with(Option::is_some))
                .then(|| charts::p_alive::scene(counts, w, strings()))
        })
    };
    let scene = Memo::new(move |_| layout(width.get()));
    let download = Callback::new(move |()| untrack(|| layout(width.get().max(DOWNLOAD_WIDTH))));
    let caption = Signal::derive(move || summary.with(|s| strings().p_alive_caption(s.as_ref())));
    let rows = Signal::derive(move || {
        let s = strings();
        let c = s.charts;
        data.with(|d| {
            d.as_ref().map(|(counts, _)| {
                p_alive::table(
                    counts,
                    [c.p_alive, c.customers, c.share],
                    &s.number_style,
                    s.undefined_mark,
                )
            })
        })
    });
    let file = Signal::derive(move || file_name(&[strings().charts.file_p_alive]));
    when(
        move || data.with(Option::is_some),
        move || {
            view! {
                <div class="chart-block" data-testid="clv-p-alive-chart">
                    {h3(|s| s.charts.p_alive_title)}
                    <ChartFrame kind="clv-p-alive" width scene download file caption table=rows />
                </div>
            }
            .into_any()
        },
    )
}

/// A new customer's expected repeat transactions E[X(t)], from 0 to the horizon.
#[component]
pub fn NewCustomerChart(
    /// The view's results; `None` shows nothing.
    results: Signal<Option<ClvResults>>,
) -> impl IntoView {
    let strings = use_strings();
    let width = RwSignal::new(0.0f32);
    // The curve and the unit of its time.
    let data = Memo::new(move |_| {
        results.with(|r| {
            r.as_ref()
                .map(|r| (r.new_customer_curve.clone(), r.settings.unit))
        })
    });
    let layout = move |w: f32| {
        data.with(|d| {
            let (curve, unit) = d.as_ref()?;
            (w > 0.0 && !curve.is_empty())
                .then(|| charts::new_customer::scene(curve, *unit, w, strings()))
        })
    };
    let scene = Memo::new(move |_| layout(width.get()));
    let download = Callback::new(move |()| untrack(|| layout(width.get().max(DOWNLOAD_WIDTH))));
    let caption = Signal::derive(move || {
        data.with(|d| {
            let s = strings();
            match d {
                Some((curve, unit)) => {
                    s.expected_caption(*unit, new_customer::summary(curve).as_ref())
                }
                None => String::new(),
            }
        })
    });
    let rows = Signal::derive(move || {
        let s = strings();
        data.with(|d| {
            d.as_ref().map(|(curve, unit)| {
                new_customer::table(
                    curve,
                    [&s.clv_unit_head(*unit), s.charts.expected_axis],
                    &s.number_style,
                )
            })
        })
    });
    let file = Signal::derive(move || file_name(&[strings().charts.file_expected]));
    when(
        move || data.with(Option::is_some),
        move || {
            view! {
                <div class="chart-block" data-testid="clv-expected-chart">
                    {h3(|s| s.charts.expected_title)}
                    <ChartFrame kind="clv-expected" width scene download file caption table=rows />
                </div>
            }
            .into_any()
        },
    )
}

/// Repeat transactions after the calibration end, counted and predicted, per unit or
/// cumulated (a switch); a partial last unit is starred and said in the caption.
#[component]
pub fn HoldoutChart(
    /// The view's results; `None` shows nothing.
    results: Signal<Option<ClvResults>>,
) -> impl IntoView {
    let strings = use_strings();
    let width = RwSignal::new(0.0f32);
    let shown = RwSignal::new(HoldoutView::default());
    // The holdout, if any, and the unit of its time.
    let data = Memo::new(move |_| {
        results.with(|r| r.as_ref().map(|r| (r.holdout.clone(), r.settings.unit)))
    });
    let summary = Memo::new(move |_| {
        data.with(|d| {
            let (h, unit) = d.as_ref()?;
            holdout::summary(h.as_ref()?, *unit)
        })
    });
    let layout = move |w: f32| {
        data.with(|d| {
            let (h, unit) = d.as_ref()?;
            let h = h.as_ref()?;
            (w > 0.0 && !h.units.is_empty())
                .then(|| charts::holdout::scene(h, shown.get(), *unit, w, strings()))
        })
    };
    let scene = Memo::new(move |_| layout(width.get()));
    let download = Callback::new(move |()| untrack(|| layout(width.get().max(DOWNLOAD_WIDTH))));
    let caption = Signal::derive(move || {
        data.with(|d| {
            let s = strings();
            match d {
                Some((_, unit)) => summary.with(|sum| s.holdout_caption(*unit, sum.as_ref())),
                None => String::new(),
            }
        })
    });
    let rows = Signal::derive(move || {
        let s = strings();
        let c = s.charts;
        data.with(|d| {
            let (h, unit) = d.as_ref()?;
            let h = h.as_ref()?;
            let head = [
                s.clv_unit_head(*unit),
                c.actual.to_string(),
                c.predicted.to_string(),
                c.actual_cumulative.to_string(),
                c.predicted_cumulative.to_string(),
            ];
            let head = head.each_ref().map(String::as_str);
            Some(holdout::table(h, *unit, head, &s.number_style))
        })
    });
    let file = Signal::derive(move || {
        let c = strings().charts;
        file_name(&[match shown.get() {
            HoldoutView::PerUnit => c.file_holdout,
            HoldoutView::Cumulative => c.file_holdout_cumulative,
        }])
    });
    let has_holdout = Signal::derive(move || summary.with(Option::is_some));
    when(
        move || data.with(Option::is_some),
        move || {
            view! {
                <div class="chart-block" data-testid="clv-holdout-chart">
                    {h3(|s| s.charts.holdout_title)}
                    <RadioGroup
                        name="clv-holdout-view"
                        legend=|s| s.charts.holdout_legend
                        options=&VIEWS
                        label=|s, v| s.holdout_view(v)
                        value=shown
                        on_pick=move |v| shown.set(v)
                        disabled=Signal::derive(move || !has_holdout.get())
                        class="chart-switch"
                    />
                    <ChartFrame kind="clv-holdout" width scene download file caption table=rows />
                </div>
            }
            .into_any()
        },
    )
}
