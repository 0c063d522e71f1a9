//! The list of saved sessions: a table with a row per session and each row's buttons.

use leptos::prelude::*;

use crate::app::sessions::{Sessions, Summary};
use crate::app::state::{tr, use_strings};
use crate::core::session::local_time;
use crate::i18n::{fill, Text};

/// The table of saved sessions, last changed first, with each row's buttons. Rows are keyed
/// by what they show, so a change redraws only the rows it touches.
#[component]
pub fn SessionTable(sessions: Sessions) -> impl IntoView {
    let rows = move || {
        let open = sessions.head().0;
        let not_saved = sessions.not_saved();
        sessions
            .list()
            .into_iter()
            .map(|item| {
                let is_open = item.id == open;
                let saved = !not_saved.contains(&item.id);
                (item, is_open, saved)
            })
            .collect::<Vec<_>>()
    };
    let key = |(item, is_open, saved): &(Summary, bool, bool)| {
        (
            item.id.clone(),
            item.name.clone(),
            item.created,
            item.modified,
            item.newer,
            *is_open,
            *saved,
        )
    };
    view! {
        <table>
            <caption>{tr(|s| s.sessions_caption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr(|s| s.session_col_name)}</th>
                    <th scope="col">{tr(|s| s.session_col_created)}</th>
                    <th scope="col">{tr(|s| s.session_col_modified)}</th>
                    <th scope="col">{tr(|s| s.session_col_actions)}</th>
                </tr>
            </thead>
            <tbody>
                <For each=rows key=key let((item, is_open, saved))>
                    <SessionRow sessions item is_open saved />
                </For>
            </tbody>
        </table>
    }
}

/// One saved session in the list: its name, when it was created and last changed, and its
/// buttons (open, duplicate, delete), each labelled with the session's name; marked "not
/// saved" while its latest changes are only in the page's memory.
#[component]
fn SessionRow(sessions: Sessions, item: Summary, is_open: bool, saved: bool) -> impl IntoView {
    let strings = use_strings();
    // In the user's time zone as it was at that moment.
    let time = move |millis: i64| {
        move || {
            let offset = -js_sys::Date::new(&(millis as f64).into()).get_timezone_offset();
            strings()
                .number_style
                .localize(&local_time(millis, offset as i32))
        }
    };
    let name = item.name.clone();
    let label = move |named: Text| {
        let name = name.clone();
        move || fill(named(strings()), &[("name", &name)])
    };
    let button = |testid: &'static str, text: Text, named: Text, act: Box<dyn Fn()>| {
        view! {
            <button
                type="button"
                class="secondary"
                data-testid=testid
                aria-label=label(named)
                on:click=move |_| act()
            >
                {tr(text)}
            </button>
        }
    };
    let (open_id, copy_id, delete_id) = (item.id.clone(), item.id.clone(), item.id.clone());
    let first = if is_open {
        view! { <span class="hint">{tr(|s| s.session_open_now)}</span> }.into_any()
    } else {
        button(
            "open-session",
            |s| s.open_session,
            |s| s.open_session_named,
            Box::new(move || sessions.open(&open_id)),
        )
        .into_any()
    };
    view! {
        <tr data-testid="session-row" aria-current=is_open.then_some("true")>
            <th scope="row">
                {item.name.clone()}
                {item
                    .newer
                    .then(|| view! { <span class="badge">{tr(|s| s.session_newer_badge)}</span> })}
                {(!saved)
                    .then(|| {
                        view! {
                            <span class="badge" data-testid="not-saved">
                                {tr(|s| s.session_not_saved_badge)}
                            </span>
                        }
                    })}
            </th>
            <td>{time(item.created)}</td>
            <td>{time(item.modified)}</td>
            <td>
                <div class="row-actions">
                    {first}
                    {button(
                        "duplicate-row",
                        |s| s.duplicate_session,
                        |s| s.duplicate_session_named,
                        Box::new(move || duplicate(sessions, &copy_id)),
                    )}
                    {button(
                        "delete-session",
                        |s| s.delete_session,
                        |s| s.delete_session_named,
                        Box::new(move || sessions.delete(&delete_id)),
                    )}
                </div>
            </td>
        </tr>
    }
}

/// Copies session `id` under "… (copy)" and opens the copy.
pub(super) fn duplicate(sessions: Sessions, id: &str) {
    let s = crate::app::locale::current();
    sessions.duplicate(id, |name| fill(s.session_copy_name, &[("name", name)]));
}
