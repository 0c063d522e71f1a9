//! The period table of an import (docs/metrics.md section 2), its download, and the working of
//! any period the user picks.

use leptos::prelude::*;

use crate::app::state::{tr, use_data, use_strings};
use crate::components::calculators::period_working::PeriodWorking;
use crate::components::widgets::texts::h3;
use crate::components::widgets::working_toggle::WorkingToggle;
use crate::core::import::tables::{results_csv, ChurnBlank, FlowRow, PeriodTable};
use crate::i18n::{fill, Strings};
use crate::web::download::save_text;

fn count(s: &Strings, v: Option<u64>) -> String {
    v.map_or_else(
        || s.undefined_mark.to_string(),
        |v| s.number_style.count(v as i64),
    )
}

/// A rate as a percentage, or the mark of a figure without a value.
pub fn rate(s: &Strings, v: Option<f64>) -> String {
    v.map_or_else(
        || s.undefined_mark.to_string(),
        |v| s.number_style.percent(v, 2),
    )
}

/// The table of the chosen granularity, read in place.
pub fn with_table<T>(f: impl FnOnce(&PeriodTable) -> T) -> Option<T> {
    use_data().with_table(f)
}

/// Rewrites `labels`, period labels of table `t`, as the page shows them
/// ([`Strings::period_label`]).
pub fn show_labels<'a>(s: &Strings, t: &PeriodTable, labels: impl Iterator<Item = &'a mut String>) {
    let from_dates = t.granularity.is_some();
    for label in labels {
        *label = s.period_label(label, from_dates);
    }
}

/// Row `i` of the chosen table, labelled as the page shows it.
fn picked_row(s: &Strings, i: usize) -> Option<FlowRow> {
    with_table(|t| {
        let mut row = t.rows.get(i)?.clone();
        show_labels(s, t, std::iter::once(&mut row.label));
        Some(row)
    })
    .flatten()
}

/// The rows of the chosen table, labelled as the page shows them.
fn shown_rows(s: &Strings) -> Vec<FlowRow> {
    with_table(|t| {
        let mut rows = t.rows.clone();
        show_labels(s, t, rows.iter_mut().map(|r| &mut r.label));
        rows
    })
    .unwrap_or_default()
}

/// The flows of every period.
#[component]
pub fn FlowsTable() -> impl IntoView {
    let strings = use_strings();
    let data = use_data();
    // Kept while another calculator is shown; a new import or another period clears it.
    let selected = data.picked;
    let has_revenue =
        move || with_table(|t| t.rows.iter().any(|r| r.revenue.is_some())).unwrap_or(false);
    let has_flows =
        move || with_table(|t| t.rows.iter().any(|r| r.lost.is_some())).unwrap_or(false);
    let download = move |_| {
        let file = data.with_table_untracked(|t| (results_csv(t), t.granularity));
        if let Some((text, g)) = file {
            let s = strings();
            let name = s.data_file(s.import.file_results, g);
            let _ = save_text(&format!("{name}.csv"), "text/csv;charset=utf-8", &text);
        }
    };
    let incomplete = move || {
        with_table(|t| {
            t.rows
                .last()
                .filter(|r| r.incomplete)
                .map(|r| strings().period_label(&r.label, t.granularity.is_some()))
        })
        .flatten()
    };
    let row_view = move |i: usize, r: FlowRow| {
        let s = strings();
        let label = r.label.clone();
        let pick_label = fill(s.import.show_working, &[("period", &r.label)]);
        let revenue = r.revenue.map(|v| s.number_style.fixed(v.to_f64(), 2));
        view! {
            <tr class:incomplete=r.incomplete class:picked=move || selected.get() == Some(i)>
                <th scope="row">
                    {label}
                    {r.incomplete.then(|| view! { <span class="badge">{s.import.incomplete}</span> })}
                </th>
                <td>{s.number_style.count(r.active as i64)}</td>
                <td>{s.number_style.count(r.start as i64)}</td>
                <td>{count(s, r.retained)}</td>
                <td>{count(s, r.new)}</td>
                <td>{count(s, r.returning)}</td>
                <td>{count(s, r.lost)}</td>
                <td data-testid="flow-churn">
                    {rate(s, r.churn())}
                    {(r.churn_blank() == Some(ChurnBlank::NoCustomersAtStart)).then(|| view! {
                        <span class="cell-why" data-testid="flow-churn-why">{s.import.churn_why_no_start}</span>
                    })}
                </td>
                <td>{rate(s, r.retention())}</td>
                <td>{rate(s, r.net_growth())}</td>
                {has_revenue().then(|| view! { <td>{revenue.unwrap_or_default()}</td> })}
                {has_flows().then(|| view! {
                    <td>
                        <WorkingToggle index=i picked=selected label=pick_label testid=format!("show-working-{i}") />
                    </td>
                })}
            </tr>
        }
    };
    view! {
        <div class="flows" data-testid="flows-section">
            {h3(|s| s.import.flows_heading)}
            <div class="table-scroll">
                <table class="data-table" data-testid="flows-table">
                    <caption>{tr(|s| s.import.flows_caption)}</caption>
                    <thead>
                        <tr>
                            {move || {
                                let t = strings().import;
                                let mut cols = vec![
                                    t.col_period, t.col_active, t.col_start, t.col_retained, t.col_new,
                                    t.col_returning, t.col_lost, t.col_churn, t.col_retention, t.col_net_growth,
                                ];
                                if has_revenue() {
                                    cols.push(t.col_revenue);
                                }
                                if has_flows() {
                                    cols.push(t.col_working);
                                }
                                cols.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()
                            }}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            shown_rows(strings())
                                .into_iter()
                                .enumerate()
                                .map(|(i, r)| row_view(i, r))
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            {move || incomplete().map(|p| view! {
                <p class="note" data-testid="incomplete-note">{fill(strings().import.incomplete_note, &[("period", &p)])}</p>
            })}
            <div class="downloads">
                <button type="button" data-testid="download-results" on:click=download>
                    {tr(|s| s.import.download_results)}
                </button>
            </div>
            {move || selected.get().and_then(|i| picked_row(strings(), i)).map(|row| view! { <PeriodWorking row /> })}
        </div>
    }
}
