//! The data panel: paste, upload, drop or load a sample; then the import's status, questions
//! and results.

use leptos::ev;
use leptos::prelude::*;
use web_sys::HtmlInputElement;

use crate::app::import_flow;
use crate::app::state::{tr, use_data, use_strings, ImportStatus, RAW_BUDGET};
use crate::components::charts::churn_chart::ChurnChart;
use crate::components::charts::cohort_heatmap::CohortHeatmap;
use crate::components::charts::flows_chart::FlowsChart;
use crate::components::data::cohort_table::CohortTable;
use crate::components::data::column_mapping::ColumnMapping;
use crate::components::data::date_order::DateOrderQuestion;
use crate::components::data::flows_table::FlowsTable;
use crate::components::data::import_status::ImportSummary;
use crate::components::widgets::texts::para;
use crate::components::widgets::when::when;
use crate::core::import::samples::Sample;
use crate::core::import::tables::Granularity;
use crate::core::panel::Panel;
use crate::core::route;
use crate::i18n::{fill, Strings};
use crate::web::worker_client::Source;

fn sample_name(s: &Strings, sample: Sample) -> &'static str {
    match sample {
        Sample::Transactions => s.import.sample_transactions,
        Sample::TransactionsDayFirst => s.import.sample_transactions_dates,
        Sample::Counts => s.import.sample_counts,
        Sample::Series => s.import.sample_series,
    }
}

/// The data panel.
#[component]
pub fn DataPanel() -> impl IntoView {
    let strings = use_strings();
    let data = use_data();
    let sample = RwSignal::new(Sample::Transactions);
    let file_input = NodeRef::<leptos::html::Input>::new();

    // The worker is loaded once the data view is up, so that the first import does not wait
    // for it, and not before: a page that never reads a file never fetches it.
    Effect::new(move |_| import_flow::warm_up(data));
    let not_kept = move || data.size_not_kept();

    let read_paste = move || {
        let text = data.paste_untracked();
        import_flow::begin(data, Source::Text(text));
    };
    let load_sample = move |_| {
        let text = sample.get_untracked().text().to_string();
        data.edit_paste(text.clone());
        import_flow::begin(data, Source::Text(text));
    };
    let on_file = move |ev: ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|l| l.get(0)) {
            import_flow::begin(data, Source::File(file));
        }
        // The same file chosen again must fire `change` again.
        input.set_value("");
    };

    let has_tables = move || data.with_dataset(|d| d.is_some());
    let has_revenue = move || data.with_dataset(|d| d.is_some_and(|d| !d.revenue.is_empty()));
    let is_transactions = move || {
        data.with_dataset(|d| d.is_some_and(|d| d.tables.iter().any(|t| t.granularity.is_some())))
    };

    view! {
        <section class="panel data-panel" aria-labelledby="data-heading" data-testid="data-panel">
            <h2 id="data-heading" tabindex="-1">{tr(|s| s.import.heading)}</h2>
            {para("intro", |s| s.import.intro)}
            <div class="data-inputs">
                <div class="field paste-field">
                    <label for="paste-csv">{tr(|s| s.import.paste_label)}</label>
                    <textarea
                        id="paste-csv"
                        data-testid="paste-csv"
                        rows="8"
                        spellcheck="false"
                        aria-describedby="paste-csv-hint"
                        prop:value=move || data.paste()
                        on:input=move |ev| data.edit_paste(event_target_value(&ev))
                        on:keydown=move |ev: ev::KeyboardEvent| {
                            if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
                                ev.prevent_default();
                                read_paste();
                            }
                        }
                    ></textarea>
                    <p class="hint" id="paste-csv-hint">{tr(|s| s.import.paste_hint)}</p>
                    <button type="button" data-testid="use-pasted" on:click=move |_| read_paste()>
                        {tr(|s| s.import.use_pasted)}
                    </button>
                </div>
                <div class="data-sources">
                    <div class="upload">
                        <input
                            type="file"
                            id="upload-csv"
                            class="visually-hidden-file"
                            data-testid="upload-csv"
                            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
                            node_ref=file_input
                            on:change=on_file
                        />
                        <label for="upload-csv" class="button-like">{tr(|s| s.import.upload)}</label>
                        {para("hint", |s| s.import.drop_hint)}
                    </div>
                    <div class="field sample-field">
                        <label for="sample-select">{tr(|s| s.import.sample_label)}</label>
                        <select
                            id="sample-select"
                            data-testid="sample-select"
                            on:change=move |ev| {
                                let key = event_target_value(&ev);
                                if let Some(s) = Sample::ALL.into_iter().find(|s| s.key() == key) {
                                    sample.set(s);
                                }
                            }
                        >
                            {Sample::ALL
                                .into_iter()
                                .map(|s| {
                                    view! {
                                        <option value=s.key() selected=move || sample.get() == s>
                                            {move || sample_name(strings(), s)}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                        <button type="button" data-testid="load-sample" on:click=load_sample>
                            {tr(|s| s.import.load_sample)}
                        </button>
                    </div>
                    {when(is_transactions, move || view! {
                        <div class="field">
                            <label for="granularity-select">{tr(|s| s.import.period_label)}</label>
                            <select
                                id="granularity-select"
                                data-testid="period-select"
                                on:change=move |ev| {
                                    let key = event_target_value(&ev);
                                    if let Some(g) = Granularity::from_key(&key) {
                                        data.choose_granularity(g);
                                    }
                                }
                            >
                                {Granularity::ALL
                                    .into_iter()
                                    .map(|g| {
                                        view! {
                                            <option value=g.key() selected=move || data.granularity() == g>
                                                {move || strings().granularity(g)}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                    }.into_any())}
                </div>
            </div>
            <ImportSummary />
            {move || not_kept().map(|size| view! {
                <p class="hint" data-testid="raw-not-kept">
                    {move || {
                        let s = strings();
                        fill(
                            s.import.raw_not_kept,
                            &[
                                ("size", &s.number_style.count(size as i64)),
                                ("limit", &s.number_style.count(RAW_BUDGET as i64)),
                            ],
                        )
                    }}
                </p>
            })}
            {move || match data.status() {
                ImportStatus::NeedLayout(preview) => view! { <ColumnMapping preview /> }.into_any(),
                ImportStatus::NeedDateOrder(question) => view! { <DateOrderQuestion question /> }.into_any(),
                _ => ().into_any(),
            }}
            {when(has_tables, move || view! {
                <FlowsTable />
                {when(has_revenue, || view! {
                    <p class="open-in">
                        <a href=route::href(Panel::Revenue) data-testid="revenue-link">{tr(|s| s.revenue_from_data_link)}</a>
                    </p>
                }.into_any())}
                <FlowsChart />
                <ChurnChart />
                <CohortTable />
                <CohortHeatmap />
            }.into_any())}
        </section>
    }
}
