//! Retention compounding (docs/metrics.md section 4): scenarios side by side over a horizon, in
//! either acquisition mode, in years or months.

use leptos::prelude::*;

use crate::app::state::{tr, use_strings};
use crate::components::calculators::presets::{Preset, Presets};
use crate::components::calculators::projection_table::ProjectionTable;
use crate::components::calculators::scenario_row::{ScenarioRow, ScenarioSignals};
use crate::components::charts::projection_chart::ProjectionChart;
use crate::components::widgets::figure_card::FigureCard;
use crate::components::widgets::keep::keep_typed;
use crate::components::widgets::keyed_rows::keyed_rows;
use crate::components::widgets::number_field::NumberField;
use crate::components::widgets::radio_group::RadioGroup;
use crate::components::widgets::texts::para;
use crate::components::widgets::when::when_else;
use crate::core::error::Field;
use crate::core::figure::{FigureId, PeriodUnit, Report};
use crate::core::number::parse_count;
use crate::core::panel::Panel;
use crate::core::projection::{self, Mode, ProjectionText, ScenarioText};
use crate::i18n::fill;

/// The projection's inputs as signals.
#[derive(Clone, Copy)]
struct ProjectionState {
    start: RwSignal<String>,
    horizon: RwSignal<String>,
    unit: RwSignal<PeriodUnit>,
    mode: RwSignal<Mode>,
    scenarios: RwSignal<Vec<ScenarioSignals>>,
    next_key: StoredValue<u64>,
    /// (months, years) when a switch to years rounded the horizon.
    rounded: RwSignal<Option<(String, u64)>>,
}

impl ProjectionState {
    fn new(text: &ProjectionText) -> Self {
        let state = ProjectionState {
            start: RwSignal::new(String::new()),
            horizon: RwSignal::new(String::new()),
            unit: RwSignal::new(PeriodUnit::Years),
            mode: RwSignal::new(Mode::default()),
            scenarios: RwSignal::new(Vec::new()),
            next_key: StoredValue::new(0),
            rounded: RwSignal::new(None),
        };
        state.fill(text);
        state
    }

    fn key(&self) -> u64 {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        key
    }

    fn fill(&self, text: &ProjectionText) {
        self.start.set(text.start.clone());
        self.horizon.set(text.horizon.clone());
        self.unit.set(text.unit);
        self.mode.set(text.mode);
        let rows = text
            .scenarios
            .iter()
            .map(|s| ScenarioSignals::new(self.key(), s))
            .collect();
        self.scenarios.set(rows);
        self.rounded.set(None);
    }

    fn read(&self) -> ProjectionText {
        ProjectionText {
            start: self.start.get(),
            horizon: self.horizon.get(),
            unit: self.unit.get(),
            mode: self.mode.get(),
            scenarios: self
                .scenarios
                .with(|v| v.iter().map(|s| s.read()).collect()),
        }
    }

    /// Switches years and months, converting the inputs so the business stays the same.
    fn switch_unit(&self, to: PeriodUnit, style: &crate::core::number::NumberStyle) {
        let before = self.read();
        let (after, rounded) = projection::switch_unit(&before, to, style);
        self.horizon.set(after.horizon.clone());
        self.unit.set(to);
        self.scenarios.with_untracked(|rows| {
            for (row, s) in rows.iter().zip(&after.scenarios) {
                row.retention.set(&s.retention);
                row.acquisition.set(&s.acquisition);
            }
        });
        self.rounded
            .set(rounded.map(|years| (before.horizon.clone(), years)));
    }

    fn duplicate(&self, key: u64) {
        let new_key = self.key();
        self.scenarios.update(|rows| {
            if let Some(pos) = rows.iter().position(|r| r.key == key) {
                let copy = ScenarioSignals::new(new_key, &rows[pos].read());
                rows.insert(pos + 1, copy);
            }
        });
    }

    fn remove(&self, key: u64) {
        self.scenarios.update(|rows| {
            if rows.len() > 1 {
                rows.retain(|r| r.key != key);
            }
        });
    }

    fn add(&self, name: String) {
        let row = ScenarioSignals::new(self.key(), &ScenarioText::new(&name, "", ""));
        self.scenarios.update(|rows| rows.push(row));
    }
}

const MODES: [(Mode, &str); 2] = [
    (Mode::Proportional, "proportional"),
    (Mode::FixedAdds, "fixed"),
];
const UNITS: [(PeriodUnit, &str); 2] =
    [(PeriodUnit::Years, "years"), (PeriodUnit::Months, "months")];

/// The projection panel.
#[component]
pub fn ProjectionPanel() -> impl IntoView {
    let strings = use_strings();
    let state = ProjectionState::new(&strings().name_scenarios(projection::seed_preset()));
    keep_typed(
        Panel::Projection,
        move || state.read(),
        move |text: ProjectionText| state.fill(&text),
    );
    let projection =
        Memo::new(move |_| projection::evaluate(&state.read(), &strings().number_style));
    let report: Memo<Report> = Memo::new(move |_| projection.with(|p| p.report.clone()));
    let error = Callback::new(move |field: Field| {
        report.with(|r| r.error(field).map(|e| strings().error(e)))
    });
    let field_error = move |field: Field| Signal::derive(move || error.run(field));
    let count = Memo::new(move |_| state.scenarios.with(Vec::len));
    let names = Signal::derive(move || {
        state.scenarios.with(|rows| {
            rows.iter()
                .enumerate()
                .map(|(i, r)| {
                    let name = r.name.get();
                    if name.trim().is_empty() {
                        let s = strings();
                        fill(
                            s.scenario_default_name,
                            &[("n", &s.number_style.count(i as i64 + 1))],
                        )
                    } else {
                        name
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let presets = vec![
        Preset {
            label: |s| s.seed_projection_preset,
            apply: Box::new(move || {
                state.fill(&strings().name_scenarios(projection::seed_preset()))
            }),
        },
        Preset {
            label: |s| s.reichheld_preset,
            apply: Box::new(move || {
                state.fill(&strings().name_scenarios(projection::reichheld_preset()))
            }),
        },
    ];
    let clear = move || {
        state.fill(&ProjectionText {
            scenarios: vec![ScenarioText::default()],
            ..ProjectionText::default()
        })
    };
    let on_duplicate = Callback::new(move |key| state.duplicate(key));
    let on_remove = Callback::new(move |key| state.remove(key));
    let add = move |_| {
        let s = strings();
        let n = count.get_untracked() as i64 + 1;
        state.add(fill(
            s.scenario_default_name,
            &[("n", &s.number_style.count(n))],
        ));
    };
    let rounded_note = move || {
        let (months, years) = state.rounded.get()?;
        (state.horizon.get() == years.to_string()).then(|| {
            // The months as typed, written again in the page's digits when they read.
            let st = &strings().number_style;
            let months = parse_count(&months).map_or(months, |m| st.count(m as i64));
            fill(
                strings().horizon_rounded,
                &[("months", &months), ("years", &st.count(years as i64))],
            )
        })
    };
    let unit_hint = move || {
        fill(
            strings().per_period_hint,
            &[("unit", strings().unit(state.unit.get(), true))],
        )
    };

    view! {
        <section class="panel" aria-labelledby="projection-heading" data-testid="projection-panel">
            <h2 id="projection-heading" tabindex="-1">{tr(|s| s.projection_heading)}</h2>
            {para("intro", |s| s.projection_intro)}
            <Presets presets clear=Box::new(clear) />
            <div class="fields">
                <NumberField label=|s| s.starting_customers id="projection-start" value=state.start error=field_error(Field::ProjectionStart) />
                <NumberField label=|s| s.horizon id="projection-horizon" value=state.horizon error=field_error(Field::Horizon) />
            </div>
            <p class="note" data-testid="horizon-rounded" aria-live="polite">{rounded_note}</p>
            <div class="switches">
                <RadioGroup
                    name="projection-unit"
                    legend=|s| s.unit_legend
                    options=&UNITS
                    label=|s, u| s.unit(u, false)
                    value=state.unit
                    on_pick=move |u| state.switch_unit(u, &strings().number_style)
                />
                <RadioGroup
                    name="projection-mode"
                    legend=|s| s.mode_legend
                    options=&MODES
                    label=|s, m| match m {
                        Mode::Proportional => s.mode_proportional,
                        Mode::FixedAdds => s.mode_fixed,
                    }
                    value=state.mode
                    on_pick=move |m| state.mode.set(m)
                >
                    <p class="note" data-testid="mode-help">
                        {move || match state.mode.get() {
                            Mode::Proportional => strings().mode_proportional_help,
                            Mode::FixedAdds => strings().mode_fixed_help,
                        }}
                    </p>
                </RadioGroup>
            </div>
            <p class="legend">{unit_hint}</p>
            <div class="scenarios">
                {keyed_rows(
                    move || state.scenarios.with(|rows| rows.iter().map(|r| r.key).collect()),
                    move |key| {
                        let Some(row) = state.scenarios.with(|rows| rows.iter().find(|r| r.key == key).copied()) else {
                            return ().into_any();
                        };
                        view! {
                            <ScenarioRow
                                scenario=row
                                index=Signal::derive(move || {
                                    state.scenarios.with(|rows| rows.iter().position(|r| r.key == row.key).unwrap_or(0))
                                })
                                error
                                removable=Signal::derive(move || count.get() > 1)
                                on_duplicate
                                on_remove
                            />
                        }
                        .into_any()
                    },
                )}
                <button type="button" class="secondary add" on:click=add>
                    {tr(|s| s.add_scenario)}
                </button>
            </div>
            {move || {
                (0..count.get())
                    .map(|i| {
                        let name = move || names.with(|n| n.get(i).cloned().unwrap_or_default());
                        let fixed = move || state.mode.get() == Mode::FixedAdds;
                        view! {
                            <div class="scenario-results" data-testid=format!("scenario-results-{i}")>
                                <h3>{name}</h3>
                                <div class="figures">
                                    <FigureCard report id=FigureId::ProjectionMultiplier(i) />
                                    <FigureCard report id=FigureId::ProjectionEnd(i) />
                                    {when_else(
                                        fixed,
                                        move || view! { <FigureCard report id=FigureId::ProjectionPlateau(i) /> }.into_any(),
                                        move || view! { <FigureCard report id=FigureId::ProjectionGrowth(i) /> }.into_any(),
                                    )}
                                    <FigureCard report id=FigureId::ProjectionDoubling(i) />
                                </div>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <ProjectionChart projection names unit=state.unit />
            <ProjectionTable projection names unit=state.unit />
        </section>
    }
}
