//! Win-back what-if: dormant customers -> the range the seed says respond.

use leptos::prelude::*;

use crate::app::sessions::{field, use_sessions, Fields};

use crate::app::state::tr;
use crate::components::calculators::presets::{Preset, Presets};
use crate::components::widgets::figure_card::FigureCard;
use crate::components::widgets::number_field::{field_error, NumberField};
use crate::components::widgets::texts::para;
use crate::core::error::Field;
use crate::core::figure::FigureId;
use crate::core::panel::Panel;
use crate::core::winback;

/// The win-back panel.
#[component]
pub fn WinbackPanel() -> impl IntoView {
    let dormant = RwSignal::new("1,000".to_string());
    use_sessions().keep(Panel::Winback, Fields(vec![field("dormant", dormant)]));
    let report = Memo::new(move |_| winback::evaluate(&dormant.read()));
    let error = field_error(report, Field::Dormant);
    let presets = vec![Preset {
        label: |s| s.winback_preset,
        apply: Box::new(move || dormant.set("1,000".to_string())),
    }];
    view! {
        <section class="panel" aria-labelledby="winback-heading" data-testid="winback-panel">
            <h2 id="winback-heading" tabindex="-1">{tr(|s| s.winback_heading)}</h2>
            {para("intro", |s| s.winback_intro)}
            <Presets presets clear=Box::new(move || dormant.set(String::new())) />
            <div class="fields">
                <NumberField label=|s| s.dormant_label id="winback-dormant" value=dormant error />
            </div>
            <div class="figures">
                <FigureCard report id=FigureId::WinbackLow />
                <FigureCard report id=FigureId::WinbackHigh />
            </div>
        </section>
    }
}
