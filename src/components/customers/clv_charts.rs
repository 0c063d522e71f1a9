//! The charts of the customer-value view (docs/metrics.md sections 9 and 10): how likely the
//! customers are to still be customers, a new customer's expected repeat transactions over
//! the horizon, and the holdout check of the BG/NBD model. Each takes the view's results
//! and shows nothing while there are none.

use leptos::prelude::*;

use crate::app::state::use_strings;
use crate::charts;
use crate::components::charts::chart_frame::{ChartFrame, Scenes};
use crate::components::widgets::radio_group::RadioGroup;
use crate::components::widgets::texts::h3;
use crate::components::widgets::when::when;
use crate::core::chart::holdout::{HoldoutView, VIEWS};
use crate::core::chart::scene::Scene;
use crate::core::chart::table::DataTable;
use crate::core::chart::{holdout, new_customer, p_alive};
use crate::core::clv::ClvResults;
use crate::i18n::{file_name, Text};

/// One chart of the view, shown while it has its `data`: its `title`, the `switch` above it
/// (or nothing) and its frame, which `kind` names (its block is `{kind}-chart` in test ids).
#[allow(clippy::too_many_arguments)]
fn clv_chart<T: Send + Sync + 'static>(
    kind: &'static str,
    title: Text,
    data: Memo<Option<T>>,
    switch: impl Fn() -> AnyView + Send + Sync + 'static,
    layout: impl Fn(f32) -> Option<Scene> + Copy + Send + Sync + 'static,
    file: Signal<String>,
    caption: Signal<String>,
    table: Signal<Option<DataTable>>,
) -> AnyView {
    let Scenes {
        width,
        scene,
        download,
    } = Scenes::new(layout);
    when(
        move || data.with(Option::is_some),
        move || {
            view! {
                <div class="chart-block" data-testid=format!("{kind}-chart")>
                    {h3(title)}
                    {switch()}
                    <ChartFrame kind width scene download file caption table />
                </div>
            }
            .into_any()
        },
    )
}

/// Customers per tenth of P(alive), bars from 0 to 100%.
#[component]
pub fn PAliveChart(
    /// The view's results; `None` shows nothing.
    results: Signal<Option<ClvResults>>,
) -> impl IntoView {
    let strings = use_strings();
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
    clv_chart(
        "clv-p-alive",
        |s| s.charts.p_alive_title,
        data,
        || ().into_any(),
        layout,
        file,
        caption,
        rows,
    )
}

/// A new customer's expected repeat transactions E[X(t)], from 0 to the horizon.
#[component]
pub fn NewCustomerChart(
    /// The view's results; `None` shows nothing.
    results: Signal<Option<ClvResults>>,
) -> impl IntoView {
    let strings = use_strings();
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
    clv_chart(
        "clv-expected",
        |s| s.charts.expected_title,
        data,
        || ().into_any(),
        layout,
        file,
        caption,
        rows,
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
    let switch = move || {
        view! {
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
        }
        .into_any()
    };
    clv_chart(
        "clv-holdout",
        |s| s.charts.holdout_title,
        data,
        switch,
        layout,
        file,
        caption,
        rows,
    )
}
