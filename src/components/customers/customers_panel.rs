//! The customers view (`#/customers`, docs/metrics.md section 9): the settings, where the
//! work stands, the results of the data shown, one customer, the files and the win-back list.

use leptos::prelude::*;

use crate::app::customers::{use_customers, PresetStatus, Status};
use crate::app::import_flow;
use crate::app::sessions::use_sessions;
use crate::app::sessions::Custom;
use crate::app::state::{tr, use_data, use_strings};
use crate::components::customers::customers_lookup::{CustomerLookup, Downloads, WinbackList};
use crate::components::customers::customers_results::CustomersResults;
use crate::components::widgets::number_field::NumberField;
use crate::components::widgets::radio_group::RadioGroup;
use crate::components::widgets::texts::para;
use crate::core::clv::{ClvField, Unit};
use crate::core::customers::CustomersFailed;
use crate::core::panel::Panel;
use crate::core::route;
use crate::i18n::fill;
use crate::web::worker_client::Source;

const UNITS: [(Unit, &str); 2] = [(Unit::Weeks, "weeks"), (Unit::Days, "days")];

/// The customers view.
#[component]
pub fn CustomersPanel() -> impl IntoView {
    let strings = use_strings();
    let state = use_customers();
    use_sessions().keep(
        Panel::Customers,
        Custom {
            save: move || state.saved(),
            load: move |saved: &serde_json::Value| state.restore(saved),
        },
    );
    // The worker is asked again when the data shown or the settings change, while the view
    // is shown.
    Effect::new(move |_| {
        let style = strings().number_style;
        use_data().shown_run();
        let _ = state.ask(&style);
        state.refresh(&style);
    });
    view! {
        <section class="panel" aria-labelledby="customers-heading" data-testid="customers-panel">
            <h2 id="customers-heading" tabindex="-1">{tr(|s| s.clv.heading)}</h2>
            {para("intro", |s| s.clv.intro)}
            <Preset />
            <Settings />
            <WorkStatus />
            <CustomersResults />
            <CustomerLookup />
            <Downloads />
            <WinbackList />
        </section>
    }
}

/// The CDNOW preset.
#[component]
fn Preset() -> impl IntoView {
    let strings = use_strings();
    let state = use_customers();
    let note = move || match state.preset() {
        PresetStatus::Idle => None,
        PresetStatus::Loading => Some(strings().clv.preset_loading.to_string()),
        PresetStatus::Failed(e) => Some(fill(strings().clv.preset_failed, &[("error", &e)])),
    };
    view! {
        <div class="presets" role="group" aria-label=move || strings().presets>
            <span class="presets-label">{move || strings().presets}</span>
            <button
                type="button"
                data-testid="customers-preset-cdnow"
                disabled=move || state.preset() == PresetStatus::Loading
                on:click=move |_| state.load_preset()
            >
                {tr(|s| s.clv.preset)}
            </button>
            <span class="note" role="status">{note}</span>
        </div>
    }
}

/// The five fields and the unit.
#[component]
fn Settings() -> impl IntoView {
    let strings = use_strings();
    let state = use_customers();
    let errors = Memo::new(move |_| state.ask(&strings().number_style).err().unwrap_or_default());
    let error = move |field: ClvField| {
        Signal::derive(move || {
            errors.with(|e| {
                e.iter()
                    .find(|e| e.field == field)
                    .map(|e| strings().clv_error(e))
            })
        })
    };
    let end_error = error(ClvField::CalibrationEnd);
    let span = move || state.analysed().map(|a| a.span);
    let hint = move || {
        let s = strings();
        span().map(|(first, last)| {
            fill(
                s.clv.end_hint,
                &[("first", &s.clv_day(first)), ("last", &s.clv_day(last))],
            )
        })
    };
    view! {
        <fieldset class="fields customers-settings">
            <legend>{tr(|s| s.clv.settings_legend)}</legend>
            <div class="field" class:invalid=move || end_error.with(Option::is_some)>
                <label for="clv-calibration-end">{tr(|s| s.clv.end_label)}</label>
                <input
                    id="clv-calibration-end"
                    type="date"
                    min=move || span().map(|s| s.0.iso())
                    max=move || span().map(|s| s.1.iso())
                    prop:value=move || state.end.get()
                    on:change=move |ev| state.end.set(event_target_value(&ev))
                    aria-invalid=move || end_error.with(Option::is_some).to_string()
                    aria-describedby="clv-calibration-end-hint clv-calibration-end-error"
                />
                <p class="field-hint" id="clv-calibration-end-hint">{hint}</p>
                <p class="field-error" id="clv-calibration-end-error" aria-live="polite">
                    {move || end_error.get()}
                </p>
            </div>
            <RadioGroup
                name="clv-unit"
                legend=|s| s.clv.unit_legend
                options=&UNITS
                label=|s, u| match u {
                    Unit::Weeks => s.clv.weeks,
                    Unit::Days => s.clv.days,
                }
                value=state.unit
                on_pick=move |u| state.choose_unit(u)
            />
            <NumberField label=|s| s.clv.horizon_label id="clv-horizon" value=state.horizon error=error(ClvField::Horizon) hint=|s| s.clv.horizon_hint />
            <NumberField label=|s| s.clv.discount_label id="clv-discount" value=state.discount error=error(ClvField::Discount) decimal=true />
            <NumberField label=|s| s.clv.margin_label id="clv-margin" value=state.margin error=error(ClvField::Margin) decimal=true />
            <NumberField label=|s| s.clv.threshold_label id="clv-threshold" value=state.threshold error=error(ClvField::Threshold) decimal=true />
        </fieldset>
    }
}

/// Where the work stands, what the data lacks, and the offer to read the data again.
#[component]
fn WorkStatus() -> impl IntoView {
    let strings = use_strings();
    let state = use_customers();
    let data = use_data();
    let line = move || {
        let s = strings();
        let st = &s.number_style;
        match (state.has_orders(), state.status()) {
            (_, Status::Running) => s.clv.running.to_string(),
            (_, Status::Failed(e)) => s.clv_failed(&e),
            (_, Status::Stopped(None)) => s.clv.stopped.to_string(),
            (_, Status::Stopped(Some(e))) => fill(s.clv.unread, &[("error", &e)]),
            (Some(false), _) => s.clv.not_transactions.to_string(),
            (None, _) if state.analysed().is_none() => s.clv.no_data.to_string(),
            _ => match state.analysed() {
                Some(a) if a.data.is_some() => {
                    fill(s.clv.done, &[("ms", &st.count(a.ms.round() as i64))])
                }
                Some(_) => s.clv.saved.to_string(),
                None => String::new(),
            },
        }
    };
    let key = move || {
        let status = state.status();
        match (&status, state.analysed()) {
            (Status::Idle | Status::Done, Some(a)) if a.data.is_none() => "saved",
            _ => status.key(),
        }
    };
    // Saved results: the settings may have changed since; and fields that do not read leave
    // the results of the last ones that did.
    let differs = move || {
        let a = state.analysed()?;
        match state.ask(&strings().number_style) {
            Err(_) => Some(para("note", |s| s.clv.stale)),
            Ok(ask) => {
                (a.data.is_none() && a.ask != ask).then(|| para("note", |s| s.clv.settings_changed))
            }
        }
    };
    let notes = move || {
        let a = state.analysed()?;
        let s = strings();
        let mut out = Vec::new();
        if a.month_only > 0 {
            let rows = s.number_style.count(a.month_only as i64);
            out.push(fill(s.clv.month_only, &[("rows", &rows)]));
        }
        if !a.amounts {
            out.push(s.clv.no_amounts.to_string());
        }
        Some(
            out.into_iter()
                .map(|n| view! { <p class="note">{n}</p> })
                .collect_view(),
        )
    };
    // Saved results or a stopped worker: offer to read the data again, from what the page
    // still has or from the file.
    let offer = move || {
        let saved = state.analysed().is_some_and(|a| a.data.is_none());
        // Reading again helps only when the reading, not the data, failed.
        let stopped = matches!(
            state.status(),
            Status::Stopped(_)
                | Status::Failed(CustomersFailed::Unread(_) | CustomersFailed::Changed)
        );
        (saved || stopped).then_some(())?;
        let has_source =
            data.shown_run() > 0 && data.shown_untracked().is_some_and(|s| s.source.is_some());
        let read = move |_| state.read_again(&strings().number_style);
        let pick = move |ev: leptos::ev::Event| {
            let input: web_sys::HtmlInputElement = event_target(&ev);
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                import_flow::begin(data, Source::File(file));
            }
        };
        Some(view! {
            <div class="customers-offer">
                {has_source.then(|| view! {
                    <button type="button" data-testid="customers-read-again" on:click=read>
                        {tr(|s| s.clv.read_again)}
                    </button>
                })}
                <input
                    type="file"
                    id="customers-file"
                    class="visually-hidden-file"
                    data-testid="customers-file"
                    accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
                    on:change=pick
                />
                <label for="customers-file" class="button-like">{tr(|s| s.clv.read_file)}</label>
            </div>
        })
    };
    view! {
        <p class="status" role="status" data-testid="customers-status" data-state=key>{line}</p>
        {move || (state.has_orders().is_none() && state.analysed().is_none()).then(|| view! {
            <p class="open-in">
                <a href=route::href(Panel::Data) data-testid="customers-data-link">{tr(|s| s.clv.data_link)}</a>
            </p>
        })}
        {differs}
        {notes}
        {offer}
    }
}
