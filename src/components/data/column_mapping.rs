//! The column-mapping step: the first rows of a file whose header did not say what its
//! columns hold, a format, and a column for each field. At most
//! [`PREVIEW_COLUMNS`](crate::core::import::layout::PREVIEW_COLUMNS) columns are shown and
//! offered, the rest counted: a file of thousands of columns would otherwise fill the page
//! with thousands of cells and options per field.

use leptos::prelude::*;

use crate::app::import_flow;
use crate::app::state::{tr, use_data, use_strings};
use crate::core::import::layout::{column_letter, Format, Layout, Preview, Role};
use crate::i18n::fill;

/// Asks which column is which, starting from the import's guess.
#[component]
pub fn ColumnMapping(preview: Preview) -> impl IntoView {
    let strings = use_strings();
    let data = use_data();
    let width = preview.shown();
    let hidden = preview.hidden() as u64;
    let columns = preview.columns;
    let first_row = preview.rows.first().cloned().unwrap_or_default();
    let layout = RwSignal::new(preview.guess.clone());
    let problem = RwSignal::new(None::<String>);
    let rows = preview.rows.clone();

    // Column names follow the header switch: the first row's cells, or A, B, C…
    let column_name = move |c: usize, has_header: bool| -> String {
        let letter = column_letter(c);
        match first_row.get(c) {
            Some(h) if has_header && !h.is_empty() => format!("{letter}: {h}"),
            _ => letter,
        }
    };
    let column_name = StoredValue::new(column_name);

    let set_format = move |f: Format| {
        layout.update(|l| {
            l.format = f;
            // Keep columns of roles the new format also has; give the rest a first guess.
            let mut taken: Vec<usize> = Vec::new();
            let mut columns = Vec::new();
            for &(role, required) in f.roles() {
                let kept = l.column(role).filter(|c| !taken.contains(c));
                let pick = kept.or_else(|| {
                    required
                        .then(|| (0..width).find(|c| !taken.contains(c)))
                        .flatten()
                });
                if let Some(c) = pick {
                    taken.push(c);
                    columns.push((role, c));
                }
            }
            l.columns = columns;
        })
    };
    let set_role = move |role: Role, value: String| {
        layout.update(|l| {
            l.columns.retain(|(r, _)| *r != role);
            if let Ok(c) = value.parse::<usize>() {
                l.columns.push((role, c));
            }
        })
    };
    let apply = move |_| {
        let mut chosen: Layout = layout.get_untracked();
        // Every column is named, those not shown by their letter, so that the results can
        // say which columns were not used.
        chosen.names = (0..columns)
            .map(|c| {
                if chosen.has_header && c < width {
                    first_row_name(&rows, c)
                } else {
                    column_letter(c)
                }
            })
            .collect();
        match chosen.check() {
            Ok(()) => {
                problem.set(None);
                import_flow::again(data, move |o| o.layout = Some(chosen));
            }
            Err(p) => problem.set(Some(strings().layout_problem(p))),
        }
    };

    let preview_rows = preview.rows.clone();
    let more_columns = move || {
        let s = strings();
        let t = s.import;
        let text = s.counted(hidden, t.mapping_more_columns_one, t.mapping_more_columns);
        fill(&text, &[("shown", &s.number_style.count(width as i64))])
    };
    // Only a change of format or of the header switch rebuilds the fields, not every pick.
    let format = Memo::new(move |_| layout.with(|l| l.format));
    let has_header = Memo::new(move |_| layout.with(|l| l.has_header));
    view! {
        <div class="column-mapping" role="group" aria-labelledby="mapping-heading" data-testid="column-mapping">
            <h3 id="mapping-heading">{tr(|s| s.import.mapping_heading)}</h3>
            <p>{tr(|s| s.import.mapping_intro)}</p>
            <div class="table-scroll">
                <table class="preview-table" data-testid="mapping-preview">
                    <caption>{tr(|s| s.import.mapping_preview)}</caption>
                    <thead>
                        <tr>{(0..width).map(|c| view! { <th scope="col">{column_letter(c)}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {preview_rows
                            .into_iter()
                            .map(|r| view! { <tr>{(0..width).map(|c| view! { <td>{r.get(c).cloned().unwrap_or_default()}</td> }).collect_view()}</tr> })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            {(hidden > 0).then(|| view! { <p class="hint" data-testid="mapping-more-columns">{more_columns}</p> })}
            <div class="fields">
                <div class="field">
                    <label for="mapping-format">{tr(|s| s.import.mapping_format)}</label>
                    <select
                        id="mapping-format"
                        data-testid="mapping-format"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(f) = Format::ALL.into_iter().find(|f| format!("{f:?}") == v) {
                                set_format(f);
                            }
                        }
                    >
                        {Format::ALL
                            .into_iter()
                            .map(|f| view! {
                                <option value=format!("{f:?}") selected=move || layout.with(|l| l.format == f)>
                                    {move || strings().format(f)}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <label class="checkbox">
                    <input
                        type="checkbox"
                        data-testid="mapping-has-header"
                        prop:checked=move || layout.with(|l| l.has_header)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            layout.update(|l| l.has_header = on);
                        }
                    />
                    {tr(|s| s.import.mapping_has_header)}
                </label>
                {move || {
                    let has_header = has_header.get();
                    format
                        .get()
                        .roles()
                        .iter()
                        .map(|&(role, required)| {
                            let id = format!("mapping-{}", role.canonical());
                            let none_label = move || {
                                if role == Role::Period {
                                    strings().import.mapping_numbered
                                } else {
                                    strings().import.mapping_none
                                }
                            };
                            view! {
                                <div class="field">
                                    <label for=id.clone()>{move || strings().role(role)}</label>
                                    <select
                                        id=id.clone()
                                        data-testid=id
                                        on:change=move |ev| set_role(role, event_target_value(&ev))
                                    >
                                        {(!required).then(|| view! {
                                            <option value="" selected=move || layout.with(|l| l.column(role).is_none())>{none_label}</option>
                                        })}
                                        {(0..width)
                                            .map(|c| view! {
                                                <option value=c.to_string() selected=move || layout.with(|l| l.column(role) == Some(c))>
                                                    {column_name.with_value(|f| f(c, has_header))}
                                                </option>
                                            })
                                            .collect_view()}
                                    </select>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <p class="error" role="alert" data-testid="mapping-problem">{move || problem.get()}</p>
            <button type="button" data-testid="mapping-apply" on:click=apply>
                {tr(|s| s.import.mapping_apply)}
            </button>
        </div>
    }
}

fn first_row_name(rows: &[Vec<String>], c: usize) -> String {
    rows.first()
        .and_then(|r| r.get(c))
        .filter(|h| !h.is_empty())
        .cloned()
        .unwrap_or_else(|| column_letter(c))
}
