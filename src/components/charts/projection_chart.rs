//! The projection chart: every scenario's multiple of the starting base over the horizon, on
//! a linear or log axis.

use leptos::prelude::*;

use crate::app::state::use_strings;
use crate::charts;
use crate::components::charts::chart_frame::{ChartFrame, Scenes};
use crate::components::widgets::radio_group::RadioGroup;
use crate::components::widgets::texts::h3;
use crate::core::chart::projection::{has_zero, table, Line};
use crate::core::figure::{PeriodUnit, Value};
use crate::core::projection::Projection;
use crate::i18n::file_name;

/// The chart under the scenarios.
#[component]
pub fn ProjectionChart(
    projection: Memo<Projection>,
    #[prop(into)] names: Signal<Vec<String>>,
    unit: RwSignal<PeriodUnit>,
) -> impl IntoView {
    let strings = use_strings();
    let log = RwSignal::new(false);
    let lines = Memo::new(move |_| {
        names.with(|n| {
            projection.with(|p| {
                p.results
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        r.as_ref().map(|r| Line {
                            name: n.get(i).cloned().unwrap_or_default(),
                            values: r.multipliers.clone(),
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let layout = move |w: f32| {
        lines.with(|l| {
            (w > 0.0 && l.iter().any(Option::is_some))
                .then(|| charts::projection::scene(l, log.get(), unit.get(), w, strings()))
        })
    };
    let Scenes {
        width,
        scene,
        download,
    } = Scenes::new(layout);
    let caption = Signal::derive(move || {
        let s = strings();
        let horizon = projection.with(|p| p.horizon).unwrap_or(0);
        let horizon = s.value(Value::Periods {
            count: horizon as f64,
            decimals: 0,
            unit: unit.get(),
        });
        let ends: Vec<(String, Option<f64>)> = lines.with(|l| {
            names.with(|n| {
                n.iter()
                    .enumerate()
                    .map(|(i, name)| {
                        let end = l
                            .get(i)
                            .and_then(|l| l.as_ref())
                            .and_then(|l| l.values.last().copied());
                        (name.clone(), end)
                    })
                    .collect()
            })
        });
        s.projection_caption(&horizon, &ends)
    });
    let note = Signal::derive(move || {
        (log.get() && lines.with(|l| has_zero(l))).then(|| strings().charts.log_zero.to_string())
    });
    let data = Signal::derive(move || {
        let s = strings();
        let mut period = s.unit(unit.get(), true).to_string();
        if let Some(first) = period.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        let start = projection.with(|p| p.start);
        Some(lines.with(|l| {
            names.with(|n| table(l, n, start, &period, &s.number_style, s.undefined_mark))
        }))
    });

    view! {
        <div class="chart-block" data-testid="projection-chart">
            {h3(|s| s.charts.projection_title)}
            <RadioGroup
                name="projection-scale"
                legend=|s| s.charts.scale_legend
                options=&[(false, "linear"), (true, "log")]
                label=|s, is_log| if is_log { s.charts.scale_log } else { s.charts.scale_linear }
                value=log
                on_pick=move |l| log.set(l)
                class="chart-switch"
            />
            <ChartFrame
                kind="projection"
                width
                scene
                download
                file=Signal::derive(move || file_name(&[strings().charts.file_projection]))
                caption
                table=data
                note
            />
        </div>
    }
}
