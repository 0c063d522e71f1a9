//! The churn trend of imported data, with the Wilson 95% band for the default definition.

use leptos::prelude::*;

use crate::app::state::use_strings;
use crate::charts;
use crate::components::charts::chart_frame::{ChartFrame, Scenes};
use crate::components::charts::flows_chart::chart_file;
use crate::components::data::flows_table::{show_labels, with_table};
use crate::components::widgets::radio_group::RadioGroup;
use crate::components::widgets::texts::h3;
use crate::core::chart::churn::{points, summary, table};
use crate::core::period::{ChurnDefinition, DEFINITIONS};

/// The churn chart; absent counts of lost customers are said in words.
#[component]
pub fn ChurnChart() -> impl IntoView {
    let strings = use_strings();
    let definition = RwSignal::new(ChurnDefinition::default());
    let data = Memo::new(move |_| {
        with_table(|t| {
            let mut p = points(&t.rows, definition.get());
            show_labels(strings(), t, p.iter_mut().map(|p| &mut p.label));
            p
        })
        .unwrap_or_default()
    });
    let has_churn = Memo::new(move |_| data.with(|p| p.iter().any(|p| p.churn.is_some())));
    let layout = move |w: f32| {
        data.with(|p| {
            (w > 0.0 && has_churn.get())
                .then(|| charts::churn::scene(p, definition.get(), w, strings()))
        })
    };
    let Scenes {
        width,
        scene,
        download,
    } = Scenes::new(layout);
    let caption = Signal::derive(move || {
        let s = strings();
        data.with(|p| match summary(p) {
            Ok(sum) => s.churn_caption(definition.get(), &sum),
            Err(why) => s.churn_no_summary(&why),
        })
    });
    let rows = Signal::derive(move || {
        let s = strings();
        let c = s.charts;
        let head = [
            c.period,
            s.churn_chart_name(definition.get()),
            c.band_low,
            c.band_high,
        ];
        Some(data.with(|p| table(p, head, &s.number_style, s.undefined_mark)))
    });
    view! {
        <div class="chart-block">
            {h3(|s| s.charts.churn_title)}
            <RadioGroup
                name="churn-chart-definition"
                legend=|s| s.charts.churn_legend
                options=&DEFINITIONS
                label=|s, d| s.definition(d)
                value=definition
                on_pick=move |d| definition.set(d)
                disabled=Signal::derive(move || !has_churn.get())
                class="chart-switch"
            />
            <ChartFrame kind="churn" width scene download file=chart_file(|s| s.charts.file_churn) caption table=rows />
        </div>
    }
}
