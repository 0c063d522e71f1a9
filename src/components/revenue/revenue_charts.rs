//! The charts under the revenue table (docs/metrics.md sections 8 and 10): where each
//! period's revenue came from and went, and GRR and NRR over the periods.

use leptos::prelude::*;

use crate::app::state::use_strings;
use crate::charts;
use crate::components::charts::chart_frame::{ChartFrame, Scenes};
use crate::components::charts::flows_chart::chart_file;
use crate::components::revenue::revenue_table::shown;
use crate::components::widgets::texts::h3;
use crate::core::chart::{revenue_movements, revenue_rates};

/// Both revenue charts.
#[component]
pub fn RevenueCharts() -> impl IntoView {
    view! {
        <RevenueMovementsChart />
        <RevenueRatesChart />
    }
}

/// New, returning and expansion revenue up, contraction and churned revenue down, the net
/// change as a line.
#[component]
fn RevenueMovementsChart() -> impl IntoView {
    let strings = use_strings();
    // The bars and the file's decimals.
    let data = Memo::new(move |_| {
        shown(strings())
            .map(|(rows, decimals)| (revenue_movements::bars(&rows), decimals))
            .unwrap_or_default()
    });
    let layout = move |w: f32| {
        data.with(|(b, _)| {
            (w > 0.0 && !b.is_empty()).then(|| charts::revenue_movements::scene(b, w, strings()))
        })
    };
    let Scenes {
        width,
        scene,
        download,
    } = Scenes::new(layout);
    let caption = Signal::derive(move || {
        data.with(|(b, decimals)| {
            revenue_movements::summary(b)
                .map(|s| strings().movements_caption(&s, *decimals))
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
            c.expansion,
            c.contraction,
            c.churned,
            c.net_change,
        ];
        Some(data.with(|(b, decimals)| {
            revenue_movements::table(b, head, *decimals, &s.number_style, s.undefined_mark)
        }))
    });
    view! {
        <div class="chart-block">
            {h3(|s| s.charts.revenue_movements_title)}
            <ChartFrame
                kind="revenue-movements"
                width
                scene
                download
                file=chart_file(|s| s.charts.file_revenue_movements)
                caption
                table=rows
            />
        </div>
    }
}

/// GRR and NRR per period; a period without a rate is a gap in its line.
#[component]
fn RevenueRatesChart() -> impl IntoView {
    let strings = use_strings();
    let data = Memo::new(move |_| {
        shown(strings())
            .map(|(rows, _)| revenue_rates::points(&rows))
            .unwrap_or_default()
    });
    let has_rates =
        Memo::new(move |_| data.with(|p| p.iter().any(|p| p.grr.is_some() || p.nrr.is_some())));
    let layout = move |w: f32| {
        data.with(|p| {
            (w > 0.0 && has_rates.get()).then(|| charts::revenue_rates::scene(p, w, strings()))
        })
    };
    let Scenes {
        width,
        scene,
        download,
    } = Scenes::new(layout);
    let caption =
        Signal::derive(move || data.with(|p| strings().rates_caption(&revenue_rates::summary(p))));
    let rows = Signal::derive(move || {
        let s = strings();
        let c = s.charts;
        Some(data.with(|p| {
            revenue_rates::table(
                p,
                [c.period, c.grr, c.nrr],
                &s.number_style,
                s.undefined_mark,
            )
        }))
    });
    view! {
        <div class="chart-block">
            {h3(|s| s.charts.revenue_rates_title)}
            <ChartFrame
                kind="revenue-rates"
                width
                scene
                download
                file=chart_file(|s| s.charts.file_revenue_rates)
                caption
                table=rows
            />
        </div>
    }
}
