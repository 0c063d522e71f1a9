//! The cohort triangle of a transactions import: shares or counts, blank past the data, the
//! size-weighted average row, and both downloads.

use leptos::prelude::*;

use crate::app::state::{tr, use_data, use_strings};
use crate::components::data::flows_table::{show_labels, with_table};
use crate::components::widgets::radio_group::RadioGroup;
use crate::components::widgets::texts::h3;
use crate::components::widgets::when::when_else;
use crate::core::import::tables::{cohort_csv, Cohorts};
use crate::web::download::save_text;

/// The cohort table.
#[component]
pub fn CohortTable() -> impl IntoView {
    let strings = use_strings();
    let data = use_data();
    // Kept while another calculator is shown.
    let counts = data.cohort_counts;
    let download = move |as_counts: bool| {
        let file = data
            .with_table_untracked(|t| {
                let c = t.cohorts.as_ref()?;
                Some((cohort_csv(c, as_counts), t.granularity))
            })
            .flatten();
        if let Some((text, g)) = file {
            let s = strings();
            let what = if as_counts {
                s.import.file_cohort_counts
            } else {
                s.import.file_cohort
            };
            let name = s.data_file(what, g);
            let _ = save_text(&format!("{name}.csv"), "text/csv;charset=utf-8", &text);
        }
    };
    let table = move || {
        let s = strings();
        let as_counts = counts.get();
        let share = |v: Option<f64>| v.map(|v| s.number_style.percent(v, 2)).unwrap_or_default();
        let cohorts = with_table(|t| {
            let mut c = t.cohorts.clone()?;
            show_labels(s, t, c.rows.iter_mut().map(|r| &mut r.label));
            Some(c)
        });
        cohorts.flatten().map(|c: Cohorts| {
            // Column k is k periods after the cohort's first: "k" as in the caption, the
            // number in the page's digits.
            let head = (0..c.periods)
                .map(|k| view! { <th scope="col">{format!("k{}", s.number_style.count(k as i64))}</th> })
                .collect_view();
            let rows = c
                .rows
                .iter()
                .enumerate()
                .map(|(r, row)| {
                    let cells = (0..c.periods)
                        .map(|k| {
                            let text = if as_counts {
                                row.active.get(k).map(|v| s.number_style.count(*v as i64)).unwrap_or_default()
                            } else {
                                share(c.share(r, k))
                            };
                            let incomplete = c.cell_incomplete(r, k);
                            let blank = row.active.get(k).is_none();
                            view! { <td class:blank=blank class:incomplete=incomplete>{text}</td> }
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">{row.label.clone()}</th>
                            <td>{s.number_style.count(row.size as i64)}</td>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            let average = (0..c.periods)
                .map(|k| {
                    let text = if as_counts {
                        c.average_count(k).map(|v| s.number_style.count(v as i64)).unwrap_or_default()
                    } else {
                        share(c.average_share(k))
                    };
                    view! { <td>{text}</td> }
                })
                .collect_view();
            view! {
                <div class="table-scroll cohort-scroll">
                    <table class="data-table cohort-table" data-testid="cohort-table">
                        <caption>{s.import.cohort_caption}</caption>
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
                                <td>{s.number_style.count(c.total() as i64)}</td>
                                {average}
                            </tr>
                        </tfoot>
                    </table>
                </div>
            }
        })
    };
    let has_cohorts = move || with_table(|t| t.cohorts.is_some()).unwrap_or(false);
    view! {
        <div class="cohorts" data-testid="cohort-section">
            {h3(|s| s.import.cohort_heading)}
            {when_else(has_cohorts, move || view! {
                <RadioGroup
                    name="cohort-values"
                    legend=|s| s.import.cohort_show
                    options=&[(false, "shares"), (true, "counts")]
                    label=|s, c| if c { s.import.cohort_counts } else { s.import.cohort_shares }
                    value=counts
                    on_pick=move |c| counts.set(c)
                />
                {table}
                <div class="downloads">
                    <button type="button" data-testid="download-cohort" on:click=move |_| download(false)>
                        {tr(|s| s.import.download_cohort)}
                    </button>
                    <button type="button" data-testid="download-cohort-counts" on:click=move |_| download(true)>
                        {tr(|s| s.import.download_cohort_counts)}
                    </button>
                </div>
            }.into_any(), move || view! { <p class="note" data-testid="no-cohorts">{tr(|s| s.import.no_cohorts)}</p> }.into_any())}
        </div>
    }
}
