//! The revenue cohorts of an import with amounts (docs/metrics.md section 8): the revenue per
//! customer each cohort has brought in so far, blank past the data, the size-weighted average
//! row, its download and its heatmap.

use leptos::prelude::*;

use crate::app::state::{tr, use_data, use_strings};
use crate::components::revenue::revenue_data::shown_revenue;
use crate::components::revenue::revenue_heatmap::RevenueHeatmap;
use crate::components::widgets::texts::h3;
use crate::core::import::revenue::revenue_cohort_csv;
use crate::web::download::save_text;

/// The revenue cohort table, its download and its heatmap.
#[component]
pub fn RevenueCohorts() -> impl IntoView {
    let strings = use_strings();
    let data = use_data();
    let download = move |_| {
        let g = data.granularity_untracked();
        let text = data.with_dataset(|d| d.and_then(|d| d.revenue(g)).map(revenue_cohort_csv));
        if let Some(text) = text {
            let s = strings();
            let name = s.data_file(s.import.file_revenue_cohort, Some(g));
            let _ = save_text(&format!("{name}.csv"), "text/csv;charset=utf-8", &text);
        }
    };
    let table = move || {
        let s = strings();
        let t = shown_revenue(s)?;
        let offsets = t.offsets();
        let money = |v: Option<f64>| {
            v.map(|v| s.number_style.fixed(v, t.decimals as usize))
                .unwrap_or_default()
        };
        // Column k is k periods after the cohort's first, the number in the page's digits.
        let head = (0..offsets)
            .map(
                |k| view! { <th scope="col">{format!("k{}", s.number_style.count(k as i64))}</th> },
            )
            .collect_view();
        let rows = t
            .cohorts
            .iter()
            .enumerate()
            .map(|(r, c)| {
                let cells = (0..offsets)
                    .map(|k| {
                        let value = c.per_customer(k);
                        let blank = value.is_none();
                        let incomplete = t.cell_incomplete(r, k);
                        view! { <td class:blank=blank class:incomplete=incomplete>{money(value)}</td> }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{c.label.clone()}</th>
                        <td>{s.number_style.count(c.size as i64)}</td>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        let average = (0..offsets)
            .map(|k| view! { <td>{money(t.average_per_customer(k))}</td> })
            .collect_view();
        Some(view! {
            <div class="table-scroll cohort-scroll">
                <table class="data-table cohort-table" data-testid="revenue-cohort-table">
                    <caption>{s.import.revenue_cohort_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{s.import.col_cohort}</th>
                            <th scope="col">{s.import.col_size}</th>
                            {head}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr class="average">
                            <th scope="row">{s.import.average_row}</th>
                            <td>{s.number_style.count(t.customers() as i64)}</td>
                            {average}
                        </tr>
                    </tfoot>
                </table>
            </div>
        })
    };
    view! {
        <div class="cohorts" data-testid="revenue-cohort-section">
            {h3(|s| s.import.revenue_cohort_heading)}
            {table}
            <div class="downloads">
                <button type="button" data-testid="download-revenue-cohort" on:click=download>
                    {tr(|s| s.import.download_revenue_cohort)}
                </button>
            </div>
            <RevenueHeatmap />
        </div>
    }
}
