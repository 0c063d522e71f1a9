//! The session bar: the open session's name, the list of saved sessions (open, duplicate,
//! delete with undo, new), session files (export one or all, import), the share link and the
//! embed dialog.

use leptos::prelude::*;
use wasm_bindgen_futures::spawn_local;

use crate::app::router::use_router;
use crate::app::sessions::{use_sessions, ImportFailed, Mode};
use crate::app::share_link::{link, LinkProblem};
use crate::app::state::{tr, use_strings};
use crate::components::session::embed_dialog::EmbedDialog;
use crate::components::session::import_progress::ImportProgress;
use crate::components::session::session_list::{duplicate, SessionTable};
use crate::core::session::{FileError, ReadError, VERSION};
use crate::core::share::{LinkTo, MAX_LINK};
use crate::core::store::StorageError;
use crate::i18n::{file_name, fill, Strings, Text};
use crate::web::address::replace_fragment;
use crate::web::download::save_text;
use crate::web::focus::focus_testid_soon;
use crate::web::{clipboard, file};

/// What the share button last gave.
#[derive(Clone, PartialEq)]
enum Shared {
    Link(String),
    /// The link would have this many characters.
    TooLong(usize),
    Failed,
}

/// A secondary button with the string `text` that calls `act` when pressed.
fn action(testid: &'static str, text: Text, act: impl Fn() + 'static) -> impl IntoView {
    view! {
        <button type="button" class="secondary" data-testid=testid on:click=move |_| act()>
            {tr(text)}
        </button>
    }
}

/// The session bar above the calculators.
#[component]
pub fn SessionBar() -> impl IntoView {
    let sessions = use_sessions();
    let router = use_router();
    let strings = use_strings();
    let shared = RwSignal::new(None::<Shared>);
    // The result of the last session file imported; a failure says whether storage caused it.
    let imported = RwSignal::new(None::<Result<usize, (String, bool)>>);
    let copied = RwSignal::new(None::<bool>);
    let embed = RwSignal::new(0u32);

    let download = move |all: bool| {
        let s = strings();
        let (name, text) = if all {
            (s.sessions_file, sessions.export_all())
        } else {
            (s.session_file, sessions.export())
        };
        let _ = save_text(
            &format!("{}.json", file_name(&[name])),
            "application/json",
            &text,
        );
    };
    let share_link = move || {
        copied.set(None);
        let session = sessions.current();
        spawn_local(async move {
            let result = match link(&session, LinkTo::View(router.shown_untracked())).await {
                Ok(link) => Shared::Link(link),
                Err(LinkProblem::TooLong(length)) => Shared::TooLong(length),
                Err(LinkProblem::Failed) => Shared::Failed,
            };
            shared.set(Some(result));
        });
    };
    let copy = move || {
        let Some(Shared::Link(link)) = shared.get_untracked() else {
            return;
        };
        spawn_local(async move {
            copied.set(Some(clipboard::write_text(&link).await.is_ok()));
        });
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // The same file can be chosen again.
        input.set_value("");
        spawn_local(async move {
            let text = file::read_text(&file).await.ok();
            let s = strings();
            let result = match text {
                None => Err((s.session_file_unreadable.to_string(), false)),
                Some(text) => sessions.import(&text).await.map_err(|e| {
                    let storage = matches!(e, ImportFailed::Storage(_));
                    (import_error(s, &e), storage)
                }),
            };
            imported.set(Some(result.map_err(|(e, storage)| {
                let text = fill(
                    s.session_import_failed,
                    &[("file", &file.name()), ("error", &e)],
                );
                (text, storage)
            })));
        });
    };
    // A failure storage caused is no longer true once storage takes a write again.
    Effect::new(move |before: Option<u64>| {
        let writes = sessions.writes();
        let by_storage = imported.with_untracked(|m| matches!(m, Some(Err((_, true)))));
        if before.is_some_and(|b| b != writes) && by_storage {
            imported.set(None);
        }
        writes
    });
    // A link made for another session is not offered for this one.
    Effect::new(move |before: Option<String>| {
        let id = sessions.head().0;
        if before.is_some_and(|b| b != id) {
            shared.set(None);
            copied.set(None);
        }
        id
    });
    let count = move || {
        let s = strings();
        fill(
            s.all_sessions,
            &[("n", &s.number_style.count(sessions.count() as i64))],
        )
    };

    let imported_message = move || {
        imported.get().map(|result| match result {
            Ok(n) => {
                let text = move || {
                    let s = strings();
                    fill(
                        s.sessions_imported,
                        &[("n", &s.number_style.count(n as i64))],
                    )
                };
                view! { <p role="status" data-testid="import-session-result">{text}</p> }.into_any()
            }
            Err((e, _)) => {
                view! { <p class="error" role="alert" data-testid="import-session-error">{e}</p> }
                    .into_any()
            }
        })
    };
    let shared_message = move || match shared.get()? {
        Shared::Link(link) => Some(
            view! {
                <div class="share-output">
                    <label for="share-url">{tr(|s| s.share_link_label)}</label>
                    <input id="share-url" type="text" readonly data-testid="share-url" value=link />
                    {action("copy-share-url", |s| s.copy, copy)}
                    <p class="hint">{tr(|s| s.share_link_note)}</p>
                </div>
            }
            .into_any(),
        ),
        Shared::TooLong(length) => {
            let text = move || {
                let s = strings();
                let count = |n: usize| s.number_style.count(n as i64);
                fill(
                    s.share_too_long,
                    &[("length", &count(length)), ("limit", &count(MAX_LINK))],
                )
            };
            Some(
                view! { <p class="error" role="alert" data-testid="share-too-long">{text}</p> }
                    .into_any(),
            )
        }
        Shared::Failed => Some(
            view! {
                <p class="error" role="alert" data-testid="share-failed">
                    {tr(|s| s.share_failed)}
                </p>
            }
            .into_any(),
        ),
    };
    let deleted_message = move || {
        sessions.deleted().map(|d| {
            let text = move || fill(strings().session_deleted, &[("name", &d.name)]);
            view! {
                <p class="session-deleted" role="status" data-testid="session-deleted">
                    {text}
                    " "
                    {action(
                        "undo-delete",
                        |s| s.undo,
                        move || {
                            sessions.undo_delete();
                            // The Undo is gone: the keyboard goes on from the list.
                            focus_testid_soon("session-scroll");
                        },
                    )}
                </p>
            }
        })
    };
    let copy_result = move || {
        copied.get().map(|ok| {
            let text = move || {
                if ok {
                    strings().copied
                } else {
                    strings().copy_failed
                }
            };
            view! { <p role="status" data-testid="copy-result">{text}</p> }
        })
    };
    let banner = move || {
        (sessions.mode() == Mode::Shared).then(|| {
            view! {
                <div class="shared-banner" data-testid="shared-banner">
                    <p>{tr(|s| s.shared_banner)}</p>
                    <button
                        type="button"
                        data-testid="save-shared"
                        on:click=move |_| {
                            sessions.save_shared();
                            // The link's data left in the address bar would only open
                            // the link again on reload.
                            let _ = replace_fragment(&router.href());
                        }
                    >
                        {tr(|s| s.save_shared)}
                    </button>
                    {action(
                        "discard-shared",
                        |s| s.discard_shared,
                        move || {
                            sessions.discard_shared();
                            let _ = replace_fragment(&router.href());
                        },
                    )}
                </div>
            }
        })
    };

    view! {
        <section
            class="panel session-bar"
            aria-labelledby="session-heading"
            data-testid="session-bar"
        >
            <div>
                <h2 id="session-heading">{tr(|s| s.session_heading)}</h2>
                <div class="session-name">
                    <label for="session-name">{tr(|s| s.session_name)}</label>
                    // Follows the open session; typing in it renames the session.
                    <input
                        id="session-name"
                        type="text"
                        data-testid="session-name"
                        prop:value=move || sessions.head().1
                        disabled=move || sessions.mode() != Mode::Saved
                        on:input=move |ev| sessions.rename(event_target_value(&ev))
                    />
                </div>
                <div class="session-actions">
                    <button
                        type="button"
                        data-testid="new-session"
                        on:click=move |_| sessions.start_new()
                    >
                        {tr(|s| s.new_session)}
                    </button>
                    {action(
                        "duplicate-session",
                        |s| s.duplicate_session,
                        move || duplicate(sessions, &sessions.head().0),
                    )}
                    {action("share-link", |s| s.share_link, share_link)}
                    {action("embed", |s| s.embed, move || embed.update(|n| *n += 1))}
                    {action("export-session", |s| s.export_session, move || download(false))}
                    {action("export-all", |s| s.export_all, move || download(true))}
                    <span class="upload">
                        <input
                            type="file"
                            id="import-session"
                            class="visually-hidden-file"
                            data-testid="import-session"
                            accept=".json,application/json"
                            on:change=on_change
                        />
                        <label for="import-session" class="button-like">
                            {tr(|s| s.import_session)}
                        </label>
                    </span>
                </div>
            </div>
            {banner}
            <div>
                <ImportProgress sessions />
                {imported_message}
                {shared_message}
                {deleted_message}
            </div>
            {copy_result}
            <details class="session-list" data-testid="session-list">
                <summary>{count}</summary>
                <SessionTable sessions />
            </details>
            <EmbedDialog opened=embed />
        </section>
    }
}

/// Why a session file was not imported, in the user's words.
fn import_error(s: &Strings, e: &ImportFailed) -> String {
    match e {
        ImportFailed::File(e) => file_error(s, e),
        ImportFailed::Storage(StorageError::Full) => s.session_import_full.to_string(),
        ImportFailed::Storage(_) => s.session_import_refused.to_string(),
    }
}

/// A session file's problem in the user's words.
fn file_error(s: &Strings, e: &FileError) -> String {
    let (index, error) = match e {
        FileError::Empty => return s.session_file_empty.to_string(),
        FileError::Session { index, error } => (index, error),
    };
    let count = |n: i64| s.number_style.count(n);
    let what = match error {
        ReadError::Json(j) => fill(
            s.session_file_json,
            &[
                ("line", &count(j.line as i64)),
                ("column", &count(j.column as i64)),
            ],
        ),
        ReadError::Shape { member } => fill(s.session_file_member, &[("member", member)]),
        ReadError::Newer { version, .. } => fill(
            s.session_file_newer,
            &[("version", &count(*version)), ("known", &count(VERSION))],
        ),
    };
    match index {
        Some(i) => fill(
            s.session_file_index,
            &[("n", &count(*i as i64)), ("error", &what)],
        ),
        None => what,
    }
}
