//! The ROR (Return on Relationship) calculator, docs/metrics.md section 3.

use leptos::prelude::*;

use crate::app::sessions::{field, use_sessions, Fields};

use crate::app::state::tr;
use crate::components::calculators::presets::{Preset, Presets};
use crate::components::widgets::figure_card::FigureCard;
use crate::components::widgets::number_field::{field_error, NumberField};
use crate::components::widgets::texts::para;
use crate::components::widgets::when::when;
use crate::core::error::Field;
use crate::core::figure::FigureId;
use crate::core::panel::Panel;
use crate::core::ror;

/// Total customers, helped, repeat or referral: ROR three ways, each with its working.
#[component]
pub fn RorPanel() -> impl IntoView {
    let [t0, h0, r0] = ror::SEED_EXAMPLE;
    let total = RwSignal::new(t0.to_string());
    let helped = RwSignal::new(h0.to_string());
    let repeat = RwSignal::new(r0.to_string());
    use_sessions().keep(
        Panel::Ror,
        Fields(vec![
            field("total", total),
            field("helped", helped),
            field("repeat", repeat),
        ]),
    );

    let report = Memo::new(move |_| ror::evaluate(&total.read(), &helped.read(), &repeat.read()));
    let is_seed = move || ror::is_seed_example(&total.read(), &helped.read(), &repeat.read());
    let error = move |field: Field| field_error(report, field);
    let fill = move |values: [&'static str; 3]| {
        total.set(values[0].to_string());
        helped.set(values[1].to_string());
        repeat.set(values[2].to_string());
    };
    let presets = vec![Preset {
        label: |s| s.ror_seed_preset,
        apply: Box::new(move || fill(ror::SEED_EXAMPLE)),
    }];

    view! {
        <section class="panel" aria-labelledby="ror-heading" data-testid="ror-panel">
            <h2 id="ror-heading" tabindex="-1">{tr(|s| s.ror_heading)}</h2>
            {para("intro", |s| s.ror_intro)}
            <Presets presets clear=Box::new(move || fill(["", "", ""])) />
            <div class="fields">
                <NumberField label=|s| s.total_customers id="ror-total" value=total error=error(Field::Total) />
                <NumberField label=|s| s.helped_customers id="ror-helped" value=helped error=error(Field::Helped) />
                <NumberField label=|s| s.repeat_customers id="ror-repeat" value=repeat error=error(Field::Repeat) />
            </div>
            {para("legend", |s| s.ror_legend)}
            <div class="figures">
                <FigureCard report id=FigureId::Ror>
                    {when(is_seed, || view! {
                        <p class="note" data-testid="ror-seed-note">{tr(|s| s.ror_seed_print_note)}</p>
                    }.into_any())}
                    {para("note", |s| s.ror_direction_note)}
                </FigureCard>
                <FigureCard report id=FigureId::RepeatShare />
                <FigureCard report id=FigureId::JacksonRor />
            </div>
            {para("note", |s| s.ror_rubin_note)}
        </section>
    }
}
