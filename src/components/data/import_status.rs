//! Where the import stands: progress with a cancel button, the summary of what was read, or
//! the problems found (with the choice to leave out the bad rows).

use leptos::prelude::*;

use crate::app::import_flow;
use crate::app::state::{use_data, use_strings, ImportStatus};
use crate::components::widgets::texts::{h3, para};
use crate::core::import::counts::Warning;
use crate::core::import::importer::Dataset;
use crate::core::import::layout::Format;
use crate::core::import::problem::Problems;
use crate::i18n::{fill, Strings};

fn seconds(s: &Strings, ms: f64) -> String {
    s.number_style.fixed(ms / 1000.0, 2)
}

/// An import that could not be done, said as an alert.
fn failure(text: String) -> AnyView {
    view! { <p class="import-line error" role="alert">{text}</p> }.into_any()
}

/// The sentence that sums up a finished import.
fn summary(s: &Strings, d: &Dataset, ms: f64) -> String {
    let t = s.import;
    match d.customers {
        Some(customers) => fill(
            t.summary_transactions,
            &[
                ("rows", &s.rows_count(d.rows)),
                ("customers", &s.customers_count(customers)),
                (
                    "periods",
                    &s.periods_count(d.tables.first().map_or(0, |t| t.rows.len()) as u64),
                ),
                ("seconds", &seconds(s, ms)),
            ],
        ),
        None => fill(
            t.summary_counts,
            &[
                ("rows", &s.rows_count(d.rows)),
                ("format", s.format(d.layout.format)),
                ("seconds", &seconds(s, ms)),
            ],
        ),
    }
}

/// Notes about a finished import: rows left out, columns not used, the date order, warnings;
/// each with the test id of its kind.
fn notes(s: &Strings, d: &Dataset) -> Vec<(&'static str, String)> {
    let t = s.import;
    let mut out = Vec::new();
    let bad = d.skipped.bad_rows;
    if bad > 0 {
        let rows = s.row_numbers(&d.skipped.first_bad_rows, bad);
        let template = s.plural(bad, t.skipped_rows_one, t.skipped_rows);
        let count = s.number_style.count(bad as i64);
        let text = fill(template, &[("count", &count), ("rows", &rows)]);
        out.push(("import-skipped-rows", text));
    }
    let ignored = d.layout.ignored();
    if !ignored.is_empty() {
        let n = ignored.len() as u64;
        let template = s.plural(n, t.ignored_columns_one, t.ignored_columns);
        let text = fill(template, &[("columns", &s.column_names(&ignored))]);
        out.push(("import-ignored-columns", text));
    }
    if let Some((order, by)) = &d.date_order {
        let text = match by {
            Some((row, text)) => fill(
                t.order_used_data,
                &[
                    ("order", s.date_order(*order)),
                    ("row", &s.number_style.count(*row as i64)),
                    ("text", text),
                ],
            ),
            None => fill(t.order_used_choice, &[("order", s.date_order(*order))]),
        };
        out.push(("import-date-order", text));
    }
    if d.layout.format == Format::Series {
        out.push(("import-series-note", t.series_note.to_string()));
    }
    out.extend(d.warnings.iter().map(|w| {
        let id = match w {
            Warning::NegativeAmounts { .. } => "import-negative-amounts",
            _ => "import-warning",
        };
        (id, s.import_warning(w))
    }));
    out
}

/// The problems list, capped, with the count of the rest.
#[component]
fn ProblemList(problems: Problems, rows: u64) -> impl IntoView {
    let strings = use_strings();
    let data = use_data();
    let rest = problems.total.saturating_sub(problems.listed.len() as u64);
    let skippable = problems.can_leave_out(rows);
    let bad_rows = problems.bad_rows;
    let pasted = data.reads_text_untracked();
    let listed = problems.listed.clone();
    let left_out = move || {
        let s = strings();
        let rows = s.row_numbers(&problems.first_bad_rows, bad_rows);
        let t = s.import;
        let template = s.plural(bad_rows, t.skip_rows_list_one, t.skip_rows_list);
        fill(template, &[("rows", &rows)])
    };
    let more = move || {
        let t = strings().import;
        strings().counted(rest, t.more_problems_one, t.more_problems)
    };
    let skip_label = move || {
        let t = strings().import;
        strings().counted(bad_rows, t.skip_bad_rows_one, t.skip_bad_rows)
    };
    view! {
        <div class="import-problems" role="alert" data-testid="import-problems">
            {h3(|s| s.import.problems_heading)}
            <ol>
                {listed
                    .into_iter()
                    .map(|p| view! { <li data-testid="import-problem">{move || strings().problem(&p)}</li> })
                    .collect_view()}
            </ol>
            {(rest > 0).then(|| view! {
                <p data-testid="import-more-problems">{more}</p>
            })}
            {skippable.then(|| view! {
                <button
                    type="button"
                    data-testid="skip-bad-rows"
                    on:click=move |_| import_flow::again(data, |o| o.skip_bad_rows = true)
                >
                    {skip_label}
                </button>
                <p class="hint" data-testid="skip-rows-list">{left_out}</p>
            })}
            {pasted.then(|| view! { {para("hint", |s| s.import.text_kept)} })}
        </div>
    }
}

/// Progress, summary, or problems of the latest import.
#[component]
pub fn ImportSummary() -> impl IntoView {
    let strings = use_strings();
    let data = use_data();
    // Attributes as owned text share the page's one copy of the code that updates them.
    let state = move || data.with_status(ImportStatus::key).to_string();
    // Progress only moves the bar: rebuilding the block on every chunk would replace the Cancel
    // button under the pointer, and a click pressed on one button and released on its
    // replacement is lost.
    let phase = Memo::new(move |_| {
        data.with_status(|st| match st {
            ImportStatus::Running { total, .. } => ImportStatus::Running {
                done: 0.0,
                total: *total,
            },
            other => other.clone(),
        })
    });
    let done = move || match data.status() {
        ImportStatus::Running { done, .. } => done,
        _ => 0.0,
    };
    let body = move || {
        let s = strings();
        match phase.get() {
            ImportStatus::Idle => ().into_any(),
            ImportStatus::Running { total, .. } => {
                let max = total.max(1.0);
                view! {
                    <div class="import-progress">
                        <label for="import-progress">{s.import.reading}</label>
                        <progress
                            id="import-progress"
                            data-testid="import-progress"
                            aria-label=s.import.progress_label
                            max=max
                            prop:value=done
                        ></progress>
                        <button type="button" data-testid="import-cancel" on:click=move |_| import_flow::cancel(data)>
                            {s.import.cancel}
                        </button>
                    </div>
                }
                .into_any()
            }
            ImportStatus::Done => {
                let ms = data.elapsed_ms();
                data.with_dataset(|d| match d {
                    Some(d) => {
                        let line = summary(s, d, ms);
                        let notes = notes(s, d);
                        view! {
                            <p class="import-line">{line}</p>
                            <ul class="import-notes">
                                {notes.into_iter().map(|(id, n)| view! { <li data-testid=id>{n}</li> }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }
                    None => ().into_any(),
                })
            }
            ImportStatus::Failed { problems, rows } => {
                view! { <ProblemList problems rows /> }.into_any()
            }
            ImportStatus::Cancelled => {
                view! { <p class="import-line">{s.import.cancelled}</p> }.into_any()
            }
            ImportStatus::WorkerFailed(message) => {
                failure(fill(s.import.worker_failed, &[("message", &message)]))
            }
            ImportStatus::Unreadable => failure(s.import.saved_unreadable.to_string()),
            ImportStatus::NeedLayout(_) | ImportStatus::NeedDateOrder(_) => ().into_any(),
        }
    };
    view! {
        <div
            class="import-summary"
            data-testid="import-summary"
            data-state=state
            data-run=move || data.run().to_string()
            data-wasm-memory=move || data.memory().to_string()
            data-worker-ms=move || data.worker_ms().to_string()
            aria-live="polite"
        >
            {body}
        </div>
    }
}
