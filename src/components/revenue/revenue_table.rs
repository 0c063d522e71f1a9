//! The revenue table of an import with amounts (docs/metrics.md section 8), in the period
//! chosen for the data, and its download.

use leptos::prelude::*;

use crate::app::state::{tr, use_data, use_strings};
use crate::components::data::flows_table::{rate, show_labels};
use crate::components::widgets::figure_card::WorkingList;
use crate::components::widgets::texts::h3;
use crate::components::widgets::working_toggle::WorkingToggle;
use crate::core::import::revenue::{revenue_csv, RevenueRow, RevenueTable};
use crate::core::number::Decimal;
use crate::i18n::{fill, Strings};
use crate::web::download::save_text;

/// The revenue table of the chosen period, read in place; `None` without amounts.
fn with_revenue<T>(f: impl FnOnce(&RevenueTable) -> T) -> Option<T> {
    let data = use_data();
    let g = data.granularity();
    data.with_dataset(|d| d.and_then(|d| d.revenue(g)).map(f))
}

fn money(s: &Strings, v: Option<Decimal>, decimals: u32) -> String {
    v.map_or_else(
        || s.undefined_mark.to_string(),
        |v| s.number_style.money(v, decimals),
    )
}

/// The rows as the page shows them: labelled as the flows table labels its periods.
pub fn shown(s: &Strings) -> Option<(Vec<RevenueRow>, u32)> {
    let data = use_data();
    let labelled = data.with_table(|flows| {
        with_revenue(|t| {
            let mut rows = t.rows.clone();
            show_labels(s, flows, rows.iter_mut().map(|r| &mut r.label));
            (rows, t.decimals)
        })
    });
    labelled.flatten()
}

/// Revenue per period: where it came from, GRR, NRR, revenue churn and ARPU.
#[component]
pub fn RevenueFlows() -> impl IntoView {
    let strings = use_strings();
    let data = use_data();
    let download = move |_| {
        let g = data.granularity_untracked();
        let text = data.with_dataset(|d| d.and_then(|d| d.revenue(g)).map(revenue_csv));
        if let Some(text) = text {
            let s = strings();
            let name = s.data_file(s.import.file_revenue, Some(g));
            let _ = save_text(&format!("{name}.csv"), "text/csv;charset=utf-8", &text);
        }
    };
    // The rows as shown, read once for the table and its note.
    let rows = Memo::new(move |_| shown(strings()));
    let above = move || {
        let periods: Vec<String> = rows
            .get()?
            .0
            .iter()
            .filter(|r| r.grr().is_some_and(|g| g > 1.0))
            .map(|r| r.label.clone())
            .collect();
        (!periods.is_empty()).then(|| {
            let s = strings();
            fill(s.import.grr_above_note, &[("periods", &s.list(&periods))])
        })
    };
    // The period whose working is shown; another period or a new import clears it.
    let picked = RwSignal::new(None::<usize>);
    Effect::new(move |_| {
        data.granularity();
        data.with_dataset(|_| ());
        picked.set(None);
    });
    let body = move || {
        let s = strings();
        let (rows, decimals) = rows.get().unwrap_or_default();
        rows.into_iter()
            .enumerate()
            .map(|(i, r)| {
                let m = |v| money(s, v, decimals);
                let pick_label = fill(s.import.show_working, &[("period", &r.label)]);
                view! {
                    <tr class:incomplete=r.incomplete class:picked=move || picked.get() == Some(i)>
                        <th scope="row">
                            {r.label.clone()}
                            {r.incomplete.then(|| view! { <span class="badge">{s.import.incomplete}</span> })}
                        </th>
                        <td>{m(Some(r.revenue))}</td>
                        <td>{m(r.start)}</td>
                        <td>{m(Some(r.new))}</td>
                        <td>{m(r.returning)}</td>
                        <td>{m(r.expansion)}</td>
                        <td>{m(r.contraction)}</td>
                        <td>{m(r.churned)}</td>
                        <td data-testid="revenue-grr">{rate(s, r.grr())}</td>
                        <td data-testid="revenue-nrr">{rate(s, r.nrr())}</td>
                        <td>{rate(s, r.revenue_churn())}</td>
                        <td>{r.arpu().map_or_else(|| s.undefined_mark.to_string(), |v| s.number_style.fixed(v, decimals as usize))}</td>
                        <td>
                            <WorkingToggle index=i picked=picked label=pick_label testid=format!("revenue-show-working-{i}") />
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="flows" data-testid="revenue-section">
            {h3(|s| s.import.revenue_heading)}
            <div class="table-scroll">
                <table class="data-table" data-testid="revenue-table">
                    <caption>{tr(|s| s.import.revenue_caption)}</caption>
                    <thead>
                        <tr>
                            {move || {
                                let t = strings().import;
                                [
                                    t.col_period, t.col_revenue, t.col_start_revenue, t.col_new_revenue,
                                    t.col_returning_revenue, t.col_expansion, t.col_contraction,
                                    t.col_churned_revenue, t.col_grr, t.col_nrr, t.col_revenue_churn, t.col_arpu,
                                    t.col_working,
                                ]
                                .into_iter()
                                .map(|c| view! { <th scope="col">{c}</th> })
                                .collect_view()
                            }}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {move || above().map(|note| view! { <p class="note" data-testid="grr-above-note">{note}</p> })}
            <div class="downloads">
                <button type="button" data-testid="download-revenue" on:click=download>
                    {tr(|s| s.import.download_revenue)}
                </button>
            </div>
            {move || {
                let (rows, decimals) = rows.get()?;
                let row = rows.into_iter().nth(picked.get()?)?;
                Some(view! { <RevenueWorking row decimals /> })
            }}
        </div>
    }
}

/// One period's revenue worked out: the typed calculator's figures with the period's flows,
/// and its ARPU.
#[component]
fn RevenueWorking(row: RevenueRow, decimals: u32) -> impl IntoView {
    let strings = use_strings();
    let figures = row.working(decimals);
    let label = row.label;
    view! {
        <section class="period-working" aria-labelledby="revenue-working-heading" data-testid="revenue-working">
            <h4 id="revenue-working-heading">{move || fill(strings().import.working_heading, &[("period", &label)])}</h4>
            <WorkingList figures prefix="revenue-working" />
        </section>
    }
}
