//! One imported period through the period calculator (docs/metrics.md section 1): the same
//! figures and working as the period panel, with S = start, N = new, L = lost,
//! Ret = returning, J = joined and left (0 for transactions).

use leptos::prelude::*;

use crate::app::sessions::use_sessions;
use crate::app::state::{tr, use_strings};
use crate::components::calculators::period_panel::put_counts;
use crate::components::widgets::figure_card::WorkingList;
use crate::core::figure::{Figure, FigureId};
use crate::core::import::tables::FlowRow;
use crate::core::panel::Panel;
use crate::core::route;
use crate::i18n::fill;

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
    let report = row.period_report();
    let figures: Vec<Figure> = FIGURES
        .into_iter()
        .filter_map(|id| report.figure(id).cloned())
        .collect();
    let label = row.label.clone();
    let counts = row.period_inputs();
    let sessions = use_sessions();
    view! {
        <section class="period-working" aria-labelledby="period-working-heading" data-testid="period-working">
            <h4 id="period-working-heading">{move || fill(strings().import.working_heading, &[("period", &label)])}</h4>
            <WorkingList figures prefix="import-working" />
            <p class="open-in">
                <a
                    href=route::href(Panel::Period)
                    data-testid="open-in-period"
                    on:click=move |_| put_counts(sessions, counts.clone())
                >
                    {tr(|s| s.import.open_in_period)}
                </a>
            </p>
        </section>
    }
}
