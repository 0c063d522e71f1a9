//! The projection's period-by-period table: customers and multiple of the starting base for
//! every scenario (every year; with months, the end of each year and the last month).

use leptos::prelude::*;

use crate::app::state::use_strings;
use crate::core::figure::{PeriodUnit, Value};
use crate::core::projection::Projection;

/// The periods a table row is shown for.
fn shown_periods(horizon: usize, unit: PeriodUnit) -> Vec<usize> {
    let step = unit.per_year() as usize;
    let mut rows: Vec<usize> = (0..=horizon).step_by(step).collect();
    if rows.last() != Some(&horizon) {
        rows.push(horizon);
    }
    rows
}

/// The table of C(t) per scenario.
#[component]
pub fn ProjectionTable(
    projection: Memo<Projection>,
    #[prop(into)] names: Signal<Vec<String>>,
    unit: RwSignal<PeriodUnit>,
) -> impl IntoView {
    let strings = use_strings();
    let body = move || {
        let s = strings();
        projection.with(|p| {
            let horizon = p.horizon? as usize;
            let start = p.start.map(|c| c as f64);
            let rows = shown_periods(horizon, unit.get());
            let header = names
                .get()
                .into_iter()
                .map(|n| view! { <th scope="col">{n}</th> })
                .collect_view();
            let body = rows
                .into_iter()
                .map(|t| {
                    let cells = p
                        .results
                        .iter()
                        .map(|res| {
                            let text = res
                                .as_ref()
                                .and_then(|r| r.multipliers.get(t))
                                .map(|m| {
                                    let mult = s.value(Value::Multiplier(*m));
                                    match start {
                                        Some(c0) => format!(
                                            "{} ({mult})",
                                            s.value(Value::Count((c0 * m).round() as i64))
                                        ),
                                        None => mult,
                                    }
                                })
                                .unwrap_or_else(|| s.undefined_mark.to_string());
                            view! { <td>{text}</td> }
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">{s.number_style.count(t as i64)}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            let unit_name = s.unit(unit.get(), true);
            Some(view! {
                <table class="data" data-testid="projection-table">
                    <caption>{s.projection_table_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{unit_name}</th>
                            {header}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            })
        })
    };
    view! { <div class="table-scroll">{body}</div> }
}
