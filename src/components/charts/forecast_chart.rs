//! The retention forecast chart: every cohort's counted, sBG and constant-churn shares.

use leptos::prelude::*;

use crate::app::state::use_strings;
use crate::charts;
use crate::components::charts::chart_frame::{ChartFrame, Scenes};
use crate::components::widgets::texts::h3;
use crate::core::chart::forecast::{table, Curve};
use crate::core::figure::PeriodUnit;
use crate::core::sbg::SbgReport;
use crate::i18n::{file_name, fill};

/// The curves of every cohort with a forecast, as shares of its period-0 count.
fn curves(report: &SbgReport, names: &[String]) -> Vec<Curve> {
    report
        .cohorts
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let f = c.as_ref().ok()?;
            let n0 = f.rows.first()?.expected;
            let share = |v: f64| if n0 > 0.0 { v / n0 } else { 0.0 };
            Some(Curve {
                name: names.get(i).cloned().unwrap_or_default(),
                actual: f
                    .rows
                    .iter()
                    .map(|r| r.actual.map(|n| share(n as f64)))
                    .collect(),
                model: f.rows.iter().map(|r| share(r.expected)).collect(),
                constant: f.rows.iter().map(|r| share(r.geometric)).collect(),
                fitted: f.fit_periods,
            })
        })
        .collect()
}

/// The chart under the cohorts' results.
#[component]
pub fn ForecastChart(
    report: Memo<SbgReport>,
    names: Signal<Vec<String>>,
    unit: RwSignal<PeriodUnit>,
) -> impl IntoView {
    let strings = use_strings();
    let data = Memo::new(move |_| names.with(|n| report.with(|r| curves(r, n))));
    let layout = move |w: f32| {
        data.with(|c| {
            (w > 0.0 && !c.is_empty()).then(|| charts::forecast::scene(c, unit.get(), w, strings()))
        })
    };
    let Scenes {
        width,
        scene,
        download,
    } = Scenes::new(layout);
    let caption = Signal::derive(move || {
        let s = strings();
        let st = &s.number_style;
        data.with(|c| {
            let Some(horizon) = c.iter().map(|c| c.model.len().saturating_sub(1)).max() else {
                return s.sbg.chart_none.to_string();
            };
            let list: Vec<String> = c
                .iter()
                .map(|c| {
                    let at = |v: &[f64]| v.last().map_or(String::new(), |x| st.percent(*x, 1));
                    fill(
                        s.sbg.chart_cohort,
                        &[
                            ("name", &c.name),
                            ("sbg", &at(&c.model)),
                            ("constant", &at(&c.constant)),
                        ],
                    )
                })
                .collect();
            fill(
                s.sbg.chart_caption,
                &[
                    ("horizon", &st.count(horizon as i64)),
                    ("list", &list.join("; ")),
                ],
            )
        })
    });
    let rows = Signal::derive(move || {
        let s = strings();
        let t = s.sbg;
        Some(data.with(|c| {
            table(
                c,
                t.period,
                [t.actual, t.model, t.constant_churn],
                &s.number_style,
                s.undefined_mark,
            )
        }))
    });
    view! {
        <div class="chart-block">
            {h3(|s| s.sbg.chart_title)}
            <ChartFrame kind="forecast" width scene download file=Signal::derive(move || file_name(&[strings().charts.file_forecast])) caption table=rows />
        </div>
    }
}
