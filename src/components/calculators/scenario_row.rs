//! One scenario of the projection: its name, retention and acquisition, with duplicate and
//! remove buttons.

use leptos::prelude::*;

use crate::app::state::{tr, use_strings};
use crate::components::widgets::name_field::NameField;
use crate::components::widgets::number_field::NumberField;
use crate::core::error::Field;
use crate::core::projection::{RateText, ScenarioText};

/// A rate field's signals: the text, and the exact value behind it when the text is the rounded
/// display of a unit conversion (valid only while the text is unchanged).
#[derive(Clone, Copy)]
pub struct RateSignals {
    pub text: RwSignal<String>,
    pub exact: RwSignal<Option<(String, f64)>>,
}

impl RateSignals {
    pub fn new(rate: &RateText) -> Self {
        RateSignals {
            text: RwSignal::new(rate.text.clone()),
            exact: RwSignal::new(rate.exact.map(|v| (rate.text.clone(), v))),
        }
    }

    /// Reads the field for the core: the exact value applies only to the text it was shown as.
    pub fn read(&self) -> RateText {
        let text = self.text.get();
        let exact = self
            .exact
            .get()
            .filter(|(shown, _)| *shown == text)
            .map(|(_, v)| v);
        RateText { text, exact }
    }

    pub fn set(&self, rate: &RateText) {
        self.exact.set(rate.exact.map(|v| (rate.text.clone(), v)));
        self.text.set(rate.text.clone());
    }
}

/// One scenario's signals; `key` identifies the row across insertions and removals.
#[derive(Clone, Copy)]
pub struct ScenarioSignals {
    pub key: u64,
    pub name: RwSignal<String>,
    pub retention: RateSignals,
    pub acquisition: RateSignals,
}

impl ScenarioSignals {
    pub fn new(key: u64, s: &ScenarioText) -> Self {
        ScenarioSignals {
            key,
            name: RwSignal::new(s.name.clone()),
            retention: RateSignals::new(&s.retention),
            acquisition: RateSignals::new(&s.acquisition),
        }
    }

    pub fn read(&self) -> ScenarioText {
        ScenarioText {
            name: self.name.get(),
            retention: self.retention.read(),
            acquisition: self.acquisition.read(),
        }
    }
}

/// The inputs of one scenario.
#[component]
pub fn ScenarioRow(
    /// The scenario's signals.
    scenario: ScenarioSignals,
    /// Its position, 0-based, as shown.
    #[prop(into)]
    index: Signal<usize>,
    /// The message for a field of this scenario, if it has an error.
    error: Callback<Field, Option<String>>,
    /// Whether the row may be removed (the last scenario stays).
    #[prop(into)]
    removable: Signal<bool>,
    on_duplicate: Callback<u64>,
    on_remove: Callback<u64>,
) -> impl IntoView {
    let strings = use_strings();
    let key = scenario.key;
    let id = move |part: &str| format!("scenario-{key}-{part}");
    let retention_error = Signal::derive(move || error.run(Field::Retention(index.get())));
    let acquisition_error = Signal::derive(move || error.run(Field::Acquisition(index.get())));
    view! {
        <fieldset class="scenario" data-testid=move || format!("scenario-{}", index.get())>
            <legend>{move || {
                let s = strings();
                format!("{} {}", s.scenario_label, s.number_style.count(index.get() as i64 + 1))
            }}</legend>
            <NameField label=|s| s.scenario_name id=id("name") value=scenario.name />
            <NumberField
                label=|s| s.retention_pct
                id=id("retention")
                value=scenario.retention.text
                error=retention_error
                decimal=true
            />
            <NumberField
                label=|s| s.acquisition_pct
                id=id("acquisition")
                value=scenario.acquisition.text
                error=acquisition_error
                decimal=true
            />
            <div class="row-actions">
                <button type="button" class="secondary" on:click=move |_| on_duplicate.run(key)>
                    {tr(|s| s.duplicate_scenario)}
                </button>
                <button
                    type="button"
                    class="secondary"
                    disabled=move || !removable.get()
                    on:click=move |_| on_remove.run(key)
                >
                    {tr(|s| s.remove_scenario)}
                </button>
            </div>
        </fieldset>
    }
}
