//! The session bar: the open session's name, the list of saved sessions (open, duplicate,
//! delete with undo, new), session files (export one or all, import), the share link and the
//! embed dialog.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;

use crate::app::sessions::{use_sessions, Mode, Sessions, Summary};
use crate::app::share_link::{link, LinkProblem};
use crate::app::state::use_strings;
use crate::components::session::embed_dialog::EmbedDialog;
use crate::components::widgets::plain_view::{Plain, PlainView};
use crate::core::session::{local_time, FileError, ReadError, VERSION};
use crate::core::share::MAX_LINK;
use crate::i18n::{file_name, fill, Strings};
use crate::web::address::forget_fragment;
use crate::web::download::save_text;
use crate::web::{clipboard, file};

/// What the share button last gave.
#[derive(Clone, PartialEq)]
enum Shared {
    Link(String),
    /// The link would have this many characters.
    TooLong(usize),
    Failed,
}

/// A button that the bar's one click handler acts on by its `data-action` (and `data-id`).
fn button(action: &str, testid: &str, text: &str) -> Plain {
    Plain::el("button")
        .attr("type", "button")
        .attr("class", "secondary")
        .attr("data-action", action)
        .attr("data-testid", testid)
        .text(text)
}

/// A paragraph, with `role` and `data-testid`.
fn message(class: &str, role: &str, testid: &str, text: String) -> Plain {
    Plain::el("p")
        .attr("class", class)
        .attr("role", role)
        .attr("data-testid", testid)
        .text(text)
}

/// The session bar above the calculators. Its blocks are plain element trees, each rebuilt
/// when what it shows changes, and one handler per kind of event acts on the bar's buttons
/// and fields by their `data-action` or `id`.
#[component]
pub fn SessionBar() -> impl IntoView {
    let sessions = use_sessions();
    let strings = use_strings();
    let shared = RwSignal::new(None::<Shared>);
    let imported = RwSignal::new(None::<Result<usize, String>>);
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
            let result = match link(&session, None).await {
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
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-action]").ok().flatten())
        else {
            return;
        };
        let id = button.get_attribute("data-id").unwrap_or_default();
        match button.get_attribute("data-action").as_deref() {
            Some("new") => sessions.start_new(),
            Some("duplicate") => duplicate(sessions, &sessions.head().0),
            Some("duplicate-row") => duplicate(sessions, &id),
            Some("open") => sessions.open(&id),
            Some("delete") => sessions.delete(&id),
            Some("undo") => sessions.undo_delete(),
            Some("share") => share_link(),
            Some("copy") => copy(),
            Some("embed") => embed.update(|n| *n += 1),
            Some("export") => download(false),
            Some("export-all") => download(true),
            Some("save-shared") => {
                sessions.save_shared();
                // A fragment left in the address bar only opens the link again on reload.
                let _ = forget_fragment();
            }
            Some("discard-shared") => {
                sessions.discard_shared();
                let _ = forget_fragment();
            }
            _ => {}
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if input.id() == "session-name" {
            sessions.rename(input.value());
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if input.id() != "import-session" {
            return;
        }
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // The same file can be chosen again.
        input.set_value("");
        spawn_local(async move {
            let text = file::read_text(&file).await.ok();
            let s = strings();
            let result = match text {
                None => Err(s.session_file_unreadable.to_string()),
                Some(text) => sessions.import(&text).map_err(|e| file_error(s, &e)),
            };
            imported.set(Some(result.map_err(|e| {
                fill(
                    s.session_import_failed,
                    &[("file", &file.name()), ("error", &e)],
                )
            })));
        });
    };
    // A link made for another session is not offered for this one.
    Effect::new(move |before: Option<String>| {
        let id = sessions.head().0;
        if before.is_some_and(|b| b != id) {
            shared.set(None);
            copied.set(None);
        }
        id
    });
    // The name field follows the open session; typing in it renames the session, which
    // leaves the field as it is.
    Effect::new(move |_| {
        let (_, name) = sessions.head();
        let field = document()
            .get_element_by_id("session-name")
            .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(field) = field.filter(|f| f.value() != name) {
            field.set_value(&name);
        }
    });

    let top = move || {
        let s = strings();
        let mut name = Plain::el("input")
            .attr("id", "session-name")
            .attr("type", "text")
            .attr("data-testid", "session-name")
            .attr("value", untrack(|| sessions.head().1));
        if sessions.mode() != Mode::Saved {
            name = name.attr("disabled", "");
        }
        Plain::el("div").nest([
            Plain::with_text("h2", s.session_heading).attr("id", "session-heading"),
            Plain::el("div").attr("class", "session-name").nest([
                Plain::with_text("label", s.session_name).attr("for", "session-name"),
                name,
            ]),
            Plain::el("div").attr("class", "session-actions").nest([
                button("new", "new-session", s.new_session).attr("class", ""),
                button("duplicate", "duplicate-session", s.duplicate_session),
                button("share", "share-link", s.share_link),
                button("embed", "embed", s.embed),
                button("export", "export-session", s.export_session),
                button("export-all", "export-all", s.export_all),
                Plain::el("span").attr("class", "upload").nest([
                    Plain::el("input")
                        .attr("type", "file")
                        .attr("id", "import-session")
                        .attr("class", "visually-hidden-file")
                        .attr("data-testid", "import-session")
                        .attr("accept", ".json,application/json"),
                    Plain::with_text("label", s.import_session)
                        .attr("for", "import-session")
                        .attr("class", "button-like"),
                ]),
            ]),
        ])
    };
    let banner = move || {
        let s = strings();
        if sessions.mode() != Mode::Shared {
            return Plain::el("span");
        }
        Plain::el("div")
            .attr("class", "shared-banner")
            .attr("data-testid", "shared-banner")
            .nest([
                Plain::with_text("p", s.shared_banner),
                button("save-shared", "save-shared", s.save_shared).attr("class", ""),
                button("discard-shared", "discard-shared", s.discard_shared),
            ])
    };
    let messages = move || {
        let s = strings();
        let count = |n: usize| s.number_style.count(n as i64);
        let mut out = Vec::new();
        match imported.get() {
            Some(Ok(n)) => out.push(message(
                "",
                "status",
                "import-session-result",
                fill(s.sessions_imported, &[("n", &count(n))]),
            )),
            Some(Err(e)) => out.push(message("error", "alert", "import-session-error", e)),
            None => {}
        }
        match shared.get() {
            Some(Shared::Link(link)) => out.push(
                Plain::el("div").attr("class", "share-output").nest([
                    Plain::el("label")
                        .attr("for", "share-url")
                        .text(s.share_link_label),
                    Plain::el("input")
                        .attr("id", "share-url")
                        .attr("type", "text")
                        .attr("readonly", "")
                        .attr("data-testid", "share-url")
                        .attr("value", link),
                    button("copy", "copy-share-url", s.copy),
                    Plain::el("p").attr("class", "hint").text(s.share_link_note),
                ]),
            ),
            Some(Shared::TooLong(length)) => out.push(message(
                "error",
                "alert",
                "share-too-long",
                fill(
                    s.share_too_long,
                    &[("length", &count(length)), ("limit", &count(MAX_LINK))],
                ),
            )),
            Some(Shared::Failed) => out.push(message(
                "error",
                "alert",
                "share-failed",
                s.share_failed.into(),
            )),
            None => {}
        }
        if let Some(d) = sessions.deleted() {
            out.push(
                message(
                    "session-deleted",
                    "status",
                    "session-deleted",
                    fill(s.session_deleted, &[("name", &d.name)]),
                )
                .text(" ")
                .nest([button("undo", "undo-delete", s.undo)]),
            );
        }
        Plain::el("div").nest(out)
    };
    let copy_result = move || {
        let s = strings();
        match copied.get() {
            Some(ok) => message(
                "",
                "status",
                "copy-result",
                (if ok { s.copied } else { s.copy_failed }).into(),
            ),
            None => Plain::el("span"),
        }
    };
    let count = move || {
        let s = strings();
        fill(
            s.all_sessions,
            &[("n", &s.number_style.count(sessions.list().len() as i64))],
        )
    };

    view! {
        <section class="panel session-bar" aria-labelledby="session-heading" data-testid="session-bar"
            on:click=on_click on:input=on_input on:change=on_change>
            <PlainView tree=top />
            <PlainView tree=banner />
            <PlainView tree=messages />
            <PlainView tree=copy_result />
            <details class="session-list" data-testid="session-list">
                <summary>{count}</summary>
                <PlainView tree=move || list_table(strings(), &sessions.list(), &sessions.head().0) />
            </details>
            <EmbedDialog opened=embed />
        </section>
    }
}

/// Copies session `id` under "… (copy)" and opens the copy.
fn duplicate(sessions: Sessions, id: &str) {
    let s = crate::app::locale::current();
    sessions.duplicate(id, |name| fill(s.session_copy_name, &[("name", name)]));
}

/// The table of saved sessions, last changed first, with each row's buttons.
fn list_table(s: &Strings, list: &[Summary], open: &str) -> Plain {
    let cell = |tag, text: &str| Plain::with_text(tag, text);
    let rows = list.iter().map(|item| {
        // In the user's time zone as it was at that moment.
        let time = |millis: i64| {
            let offset = -js_sys::Date::new(&(millis as f64).into()).get_timezone_offset();
            s.number_style.localize(&local_time(millis, offset as i32))
        };
        let action = |action: &str, testid: &str, text: &str, label: &str| {
            button(action, testid, text)
                .attr("data-id", item.id.clone())
                .attr("aria-label", fill(label, &[("name", &item.name)]))
        };
        let mut name = cell("th", &item.name).attr("scope", "row");
        if item.newer {
            name =
                name.nest([Plain::with_text("span", s.session_newer_badge).attr("class", "badge")]);
        }
        let first = if item.id == open {
            Plain::with_text("span", s.session_open_now).attr("class", "hint")
        } else {
            action("open", "open-session", s.open_session, s.open_session_named)
        };
        let mut row = Plain::el("tr").attr("data-testid", "session-row");
        if item.id == open {
            row = row.attr("aria-current", "true");
        }
        row.nest([
            name,
            cell("td", &time(item.created)),
            cell("td", &time(item.modified)),
            Plain::el("td").nest([Plain::el("div").attr("class", "row-actions").nest([
                first,
                action(
                    "duplicate-row",
                    "duplicate-row",
                    s.duplicate_session,
                    s.duplicate_session_named,
                ),
                action(
                    "delete",
                    "delete-session",
                    s.delete_session,
                    s.delete_session_named,
                ),
            ])]),
        ])
    });
    Plain::el("table").nest([
        cell("caption", s.sessions_caption),
        Plain::el("thead").nest([Plain::el("tr").nest(
            [
                s.session_col_name,
                s.session_col_created,
                s.session_col_modified,
                s.session_col_actions,
            ]
            .map(|t| cell("th", t).attr("scope", "col")),
        )]),
        Plain::el("tbody").nest(rows.collect::<Vec<_>>()),
    ])
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
