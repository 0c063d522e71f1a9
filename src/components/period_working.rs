//! One imported period through the period calculator (METRICS.md section 1): the same
//! figures and working as the period panel, with S = start, N = new, L = lost,
//! Ret = returning, J = joined and left (0 for transactions).

use leptos::prelude::*;

use super::figure_card::{value_text, working_line};
use crate::core::figure::FigureId;
use crate::core::import::tables::FlowRow;
use crate::core::period::{self, ChurnDefinition, PeriodText};
use crate::i18n::fill;
use crate::state::use_strings;

const FIGURES: [FigureId; 5] = [
    FigureId::End,
    FigureId::Churn,
    FigureId::Retention,
    FigureId::GrossAcquisition,
    FigureId::NetGrowth,
];

/// The working of one imported period.
#[component]
pub fn PeriodWorking(row: FlowRow) -> impl IntoView {
    let strings = use_strings();
    let texts = [
        row.start,
        row.new.unwrap_or(0),
        row.lost.unwrap_or(0),
        row.returning.unwrap_or(0),
        row.joined_left.unwrap_or(0),
    ]
    .map(|v| v.to_string());
    let report = period::evaluate(
        &PeriodText {
            start: &texts[0],
            new: &texts[1],
            lost: &texts[2],
            returning: &texts[3],
            joined_left: &texts[4],
        },
        ChurnDefinition::Start,
    );
    let label = row.label.clone();
    view! {
        <section class="period-working" aria-labelledby="period-working-heading" data-testid="period-working">
            <h4 id="period-working-heading">{move || fill(strings().import.working_heading, &[("period", &label)])}</h4>
            <dl class="working-list">
                {FIGURES
                    .into_iter()
                    .filter_map(|id| report.figure(id).cloned().map(|f| (id, f)))
                    .map(|(id, f)| {
                        let f2 = f.clone();
                        view! {
                            <dt>{move || strings().figure(id)}</dt>
                            <dd>
                                <span class="value" data-testid=format!("import-working-{}", id.testid())>
                                    {move || value_text(strings(), &f)}
                                </span>
                                <span class="working-line">{move || working_line(strings(), &f2)}</span>
                            </dd>
                        }
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}
