//! Seed 004's funnel: stage names and counts -> conversion per stage and overall.

use leptos::prelude::*;

use crate::app::state::{tr, use_strings};
use crate::components::calculators::presets::{Preset, Presets};
use crate::components::widgets::figure_card::FigureCard;
use crate::components::widgets::keep::keep_typed;
use crate::components::widgets::keyed_rows::keyed_rows;
use crate::components::widgets::name_field::NameField;
use crate::components::widgets::number_field::NumberField;
use crate::components::widgets::texts::para;
use crate::core::error::Field;
use crate::core::figure::FigureId;
use crate::core::funnel::{self, StageText};
use crate::core::panel::Panel;
use crate::i18n::fill;

#[derive(Clone, Copy)]
struct Stage {
    key: u64,
    name: RwSignal<String>,
    count: RwSignal<String>,
}

/// The funnel panel.
#[component]
pub fn FunnelPanel() -> impl IntoView {
    let strings = use_strings();
    let next_key = StoredValue::new(0u64);
    let new_stage = move |name: &str, count: &str| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        Stage {
            key,
            name: RwSignal::new(name.to_string()),
            count: RwSignal::new(count.to_string()),
        }
    };
    let seed = move || {
        let s = strings();
        let names = [
            s.funnel_stage_exposed,
            s.funnel_stage_saw,
            s.funnel_stage_engaged,
            s.funnel_stage_contacted,
            s.funnel_stage_bought,
        ];
        names
            .into_iter()
            .zip(funnel::SEED)
            .map(|(name, (_, count))| new_stage(name, count))
            .collect::<Vec<_>>()
    };
    let stages = RwSignal::new(seed());
    keep_typed(
        Panel::Funnel,
        move || {
            stages.with(|list| {
                list.iter()
                    .map(|s| StageText {
                        name: s.name.get(),
                        count: s.count.get(),
                    })
                    .collect::<Vec<_>>()
            })
        },
        // Saved with no stages, the funnel keeps its own: it always has one.
        move |rows: Vec<StageText>| {
            if !rows.is_empty() {
                stages.set(rows.iter().map(|r| new_stage(&r.name, &r.count)).collect());
            }
        },
    );
    let names = Memo::new(move |_| {
        stages.with(|list| {
            list.iter()
                .enumerate()
                .map(|(i, s)| {
                    let name = s.name.get();
                    if name.trim().is_empty() {
                        let s = strings();
                        fill(
                            s.stage_default_name,
                            &[("n", &s.number_style.count(i as i64 + 1))],
                        )
                    } else {
                        name
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let report = Memo::new(move |_| {
        let typed: Vec<(String, String)> = stages.with(|list| {
            list.iter()
                .zip(names.get())
                .map(|(s, name)| (name, s.count.get()))
                .collect()
        });
        funnel::evaluate(&typed)
    });
    let count = Memo::new(move |_| stages.with(Vec::len));
    let presets = vec![Preset {
        label: |s| s.funnel_preset,
        apply: Box::new(move || stages.set(seed())),
    }];
    let clear = move || {
        stages.with_untracked(|list| {
            for s in list {
                s.count.set(String::new());
            }
        })
    };
    let add = move |_| {
        let s = strings();
        let n = count.get_untracked() as i64 + 1;
        let name = fill(s.stage_default_name, &[("n", &s.number_style.count(n))]);
        stages.update(|list| list.push(new_stage(&name, "")));
    };
    view! {
        <section class="panel" aria-labelledby="funnel-heading" data-testid="funnel-panel">
            <h2 id="funnel-heading" tabindex="-1">{tr(|s| s.funnel_heading)}</h2>
            {para("intro", |s| s.funnel_intro)}
            <Presets presets clear=Box::new(clear) />
            <ol class="stages">
                {keyed_rows(
                    move || stages.with(|l| l.iter().map(|s| s.key).collect()),
                    move |key| {
                        let Some(stage) = stages.with(|l| l.iter().find(|s| s.key == key).copied()) else {
                            return ().into_any();
                        };
                        let index = Signal::derive(move || {
                            stages.with(|l| l.iter().position(|s| s.key == stage.key).unwrap_or(0))
                        });
                        let error = Signal::derive(move || {
                            report.with(|r| r.error(Field::StageCount(index.get())).map(|e| strings().error(e)))
                        });
                        view! {
                            <li class="stage" data-testid=move || format!("stage-{}", index.get())>
                                <NameField label=|s| s.stage_name_label id=format!("stage-{}-name", stage.key) value=stage.name />
                                <NumberField
                                    label=|s| s.stage_count_label
                                    id=format!("stage-{}-count", stage.key)
                                    value=stage.count
                                    error
                                />
                                <button
                                    type="button"
                                    class="secondary"
                                    disabled=move || count.get() <= 2
                                    on:click=move |_| stages.update(|l| l.retain(|s| s.key != stage.key))
                                >
                                    {tr(|s| s.remove_stage)}
                                </button>
                            </li>
                        }
                        .into_any()
                    },
                )}
            </ol>
            <button type="button" class="secondary add" on:click=add>{tr(|s| s.add_stage)}</button>
            <div class="figures funnel-figures">
                {move || {
                    (1..count.get())
                        .map(|i| {
                            let name = Signal::derive(move || {
                                names.with(|n| {
                                    fill(
                                        strings().fig_funnel_stage,
                                        &[
                                            ("from", n.get(i - 1).map_or("", String::as_str)),
                                            ("to", n.get(i).map_or("", String::as_str)),
                                        ],
                                    )
                                })
                            });
                            view! { <FigureCard report id=FigureId::FunnelStage(i) name /> }
                        })
                        .collect_view()
                }}
                <FigureCard report id=FigureId::FunnelOverall />
            </div>
        </section>
    }
}
