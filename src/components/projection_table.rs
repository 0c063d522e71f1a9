//! The projection's period-by-period table: customers and multiple of the starting base for
//! every scenario (every year; with months, the end of each year and the last month).

use leptos::prelude::*;

use super::plain_view::{Plain, PlainView};
use crate::core::figure::{PeriodUnit, Value};
use crate::core::projection::Projection;
use crate::i18n::Strings;
use crate::state::use_strings;

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
    let tree = move || {
        let s = strings();
        let unit = unit.get();
        names.with(|names| projection.with(|p| table(s, p, names, unit)))
    };
    view! { <div class="table-scroll"><PlainView tree /></div> }
}

/// The table of projection `p` whose scenarios are called `names`, or `None` without a
/// horizon.
fn table(s: &Strings, p: &Projection, names: &[String], unit: PeriodUnit) -> Option<Plain> {
    let horizon = p.horizon? as usize;
    let start = p.start.map(|c| c as f64);
    let col = |text: &str| Plain::with_text("th", text).attr("scope", "col");
    let rows = shown_periods(horizon, unit).into_iter().map(|t| {
        let cells = p.results.iter().map(|res| {
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
            Plain::with_text("td", text)
        });
        Plain::el("tr")
            .nest([Plain::with_text("th", s.number_style.count(t as i64)).attr("scope", "row")])
            .nest(cells)
    });
    Some(
        Plain::el("table")
            .attr("class", "data")
            .attr("data-testid", "projection-table")
            .nest([
                Plain::with_text("caption", s.projection_table_caption),
                Plain::el("thead").nest([Plain::el("tr")
                    .nest([col(s.unit(unit, true))])
                    .nest(names.iter().map(|n| col(n)))]),
                Plain::el("tbody").nest(rows),
            ]),
    )
}
