//! The periods chart of imported data: new and returning customers up, lost down, net change.

use leptos::prelude::*;

use crate::app::state::use_strings;
use crate::charts;
use crate::components::charts::chart_frame::{ChartFrame, Scenes};
use crate::components::data::flows_table::{show_labels, with_table};
use crate::components::widgets::texts::h3;
use crate::core::chart::flows::{bars, summary, table};
use crate::i18n::Text;

/// File name of a data chart, without extension: `retention-lab-<word>-<granularity>` in
/// the page's language.
pub fn chart_file(word: Text) -> Signal<String> {
    let strings = use_strings();
    Signal::derive(move || {
        let s = strings();
        s.data_file(word(s), with_table(|t| t.granularity).flatten())
    })
}

/// The chart beside the flows table.
#[component]
pub fn FlowsChart() -> impl IntoView {
    let strings = use_strings();
    let data = Memo::new(move |_| {
        with_table(|t| {
            let mut b = bars(&t.rows);
            show_labels(strings(), t, b.iter_mut().map(|b| &mut b.label));
            b
        })
        .unwrap_or_default()
    });
    let layout = move |w: f32| {
        data.with(|b| (w > 0.0 && !b.is_empty()).then(|| charts::flows::scene(b, w, strings())))
    };
    let Scenes {
        width,
        scene,
        download,
    } = Scenes::new(layout);
    let caption = Signal::derive(move || {
        data.with(|b| {
            summary(b)
                .map(|s| strings().flows_caption(&s))
                .unwrap_or_default()
        })
    });
    let rows = Signal::derive(move || {
        let s = strings();
        let c = s.charts;
        let head = [
            c.period,
            c.new,
            c.returning,
            c.lost,
            c.net_change,
            c.net_growth,
        ];
        Some(data.with(|b| table(b, head, &s.number_style, s.undefined_mark)))
    });
    view! {
        <div class="chart-block">
            {h3(|s| s.charts.flows_title)}
            <ChartFrame kind="flows" width scene download file=chart_file(|s| s.charts.file_flows) caption table=rows />
        </div>
    }
}
