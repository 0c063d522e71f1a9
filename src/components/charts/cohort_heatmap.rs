//! The cohort heatmap of a transactions import.

use leptos::prelude::*;

use crate::app::state::use_strings;
use crate::charts;
use crate::components::charts::chart_frame::{ChartFrame, DOWNLOAD_WIDTH};
use crate::components::charts::flows_chart::chart_file;
use crate::components::data::flows_table::{show_labels, with_table};
use crate::components::widgets::texts::h3;
use crate::components::widgets::when::when;
use crate::core::chart::heatmap::{prepare, summary, table};

/// The heatmap under the cohort table.
#[component]
pub fn CohortHeatmap() -> impl IntoView {
    let strings = use_strings();
    let width = RwSignal::new(0.0f32);
    let granularity = Memo::new(move |_| with_table(|t| t.granularity).flatten());
    let heat = Memo::new(move |_| {
        with_table(|t| {
            let mut h = prepare(t.cohorts.as_ref()?);
            show_labels(strings(), t, h.rows.iter_mut().map(|r| &mut r.label));
            Some(h)
        })
        .flatten()
    });
    let layout = move |w: f32| {
        heat.with(|h| {
            h.as_ref()
                .filter(|_| w > 0.0)
                .map(|h| charts::heatmap::scene(h, granularity.get(), w, strings()))
        })
    };
    let laid = Memo::new(move |_| layout(width.get()));
    let scene = Signal::derive(move || laid.with(|l| l.as_ref().map(|l| l.scene.clone())));
    let labelled = Signal::derive(move || laid.with(|l| l.as_ref().is_none_or(|l| l.labelled)));
    let download = Callback::new(move |()| {
        untrack(|| layout(width.get().max(DOWNLOAD_WIDTH)).map(|l| l.scene))
    });
    let caption = Signal::derive(move || {
        heat.with(|h| {
            h.as_ref()
                .map(|h| strings().heatmap_caption(granularity.get(), &summary(h)))
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
                .map(|h| table(h, c.cohort, c.size, c.average, &s.number_style))
        })
    });
    view! {
        {when(move || heat.with(Option::is_some), move || view! {
            <div class="chart-block">
                {h3(|s| s.charts.heatmap_title)}
                <ChartFrame
                    kind="heatmap"
                    width
                    scene
                    download
                    file=chart_file(|s| s.charts.file_heatmap)
                    caption
                    table=rows
                    note
                    table_first=Signal::derive(move || !labelled.get())
                />
            </div>
        }.into_any())}
    }
}
