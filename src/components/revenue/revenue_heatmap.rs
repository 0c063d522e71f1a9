//! The heatmap of the revenue cohorts: the cohort heatmap's layout over money per customer.

use leptos::prelude::*;

use crate::app::state::{use_data, use_strings};
use crate::charts;
use crate::components::charts::chart_frame::{ChartFrame, DOWNLOAD_WIDTH};
use crate::components::revenue::revenue_data::shown_revenue;
use crate::components::widgets::texts::h3;
use crate::components::widgets::when::when;
use crate::core::chart::heatmap::{prepare_revenue, summary, table};

/// The heatmap under the revenue cohort table.
#[component]
pub fn RevenueHeatmap() -> impl IntoView {
    let strings = use_strings();
    let data = use_data();
    let width = RwSignal::new(0.0f32);
    // The heat and the money's decimals.
    let heat = Memo::new(move |_| {
        shown_revenue(strings())
            .filter(|t| !t.cohorts.is_empty())
            .map(|t| (prepare_revenue(&t), t.decimals))
    });
    let layout = move |w: f32| {
        let g = data.granularity();
        heat.with(|h| {
            h.as_ref()
                .filter(|_| w > 0.0)
                .map(|(h, _)| charts::heatmap::revenue_scene(h, g, w, strings()))
        })
    };
    let laid = Memo::new(move |_| layout(width.get()));
    let scene = Signal::derive(move || laid.with(|l| l.as_ref().map(|l| l.scene.clone())));
    let labelled = Signal::derive(move || laid.with(|l| l.as_ref().is_none_or(|l| l.labelled)));
    let download = Callback::new(move |()| {
        untrack(|| layout(width.get().max(DOWNLOAD_WIDTH)).map(|l| l.scene))
    });
    let caption = Signal::derive(move || {
        let g = data.granularity();
        heat.with(|h| {
            h.as_ref()
                .map(|(h, decimals)| strings().revenue_heatmap_caption(g, &summary(h), *decimals))
                .unwrap_or_default()
        })
    });
    let note = Signal::derive(move || {
        (!labelled.get()).then(|| strings().charts.cells_too_small.to_string())
    });
    let rows = Signal::derive(move || {
        let s = strings();
        let c = s.charts;
        heat.with(|h| {
            h.as_ref()
                .map(|(h, _)| table(h, c.cohort, c.size, c.average, &s.number_style))
        })
    });
    let file = Signal::derive(move || {
        let s = strings();
        s.data_file(s.import.file_revenue_heatmap, Some(data.granularity()))
    });
    view! {
        {when(move || heat.with(Option::is_some), move || view! {
            <div class="chart-block">
                {h3(|s| s.import.revenue_heatmap_title)}
                <ChartFrame
                    kind="revenue-heatmap"
                    width
                    scene
                    download
                    file
                    caption
                    table=rows
                    note
                    table_first=Signal::derive(move || !labelled.get())
                />
            </div>
        }.into_any())}
    }
}
