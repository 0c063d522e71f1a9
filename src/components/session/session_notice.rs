//! What the page says when it cannot save as usual, with the downloads that keep the data,
//! and when a share link does not open.

use leptos::prelude::*;

use crate::app::sessions::{use_sessions, Notice};
use crate::app::share_link::OpenError;
use crate::app::state::use_strings;
use crate::core::share::{LinkError, MAX_LINK};
use crate::i18n::{file_name, fill, Strings};
use crate::web::download::save_text;

/// The notice under the page's header; empty while saving works.
#[component]
pub fn SessionNotice() -> impl IntoView {
    let sessions = use_sessions();
    let strings = use_strings();
    let download_session = move |_| {
        let s = strings();
        let name = format!("{}.json", file_name(&[s.session_file]));
        let _ = save_text(&name, "application/json", &sessions.export());
    };
    let download_not_saved = move |_| {
        let s = strings();
        let name = format!("{}.json", file_name(&[s.not_saved_file]));
        let _ = save_text(&name, "application/json", &sessions.export_not_saved());
    };
    move || {
        let s = strings();
        let not_saved = !sessions.not_saved().is_empty();
        let notice = sessions.notice();
        let (testid, text) = match &notice {
            None if not_saved => ("storage-not-saved", s.storage_not_saved.to_string()),
            None => return None,
            Some(Notice::Unavailable) => ("storage-unavailable", s.storage_unavailable.to_string()),
            Some(Notice::Full) => ("storage-full", s.storage_full.to_string()),
            Some(Notice::Refused) => ("storage-refused", s.storage_refused.to_string()),
            Some(Notice::ChangedElsewhere) => (
                "storage-changed-elsewhere",
                s.storage_changed_elsewhere.to_string(),
            ),
            Some(Notice::Damaged { started_new: true }) => {
                ("storage-damaged", s.storage_damaged.to_string())
            }
            Some(Notice::Damaged { started_new: false }) => {
                ("storage-damaged", s.storage_damaged_kept.to_string())
            }
            Some(Notice::Newer { version }) => (
                "storage-newer",
                fill(
                    s.storage_newer,
                    &[("version", &s.number_style.count(*version))],
                ),
            ),
        };
        let damaged = matches!(notice, Some(Notice::Damaged { .. }));
        let changed_elsewhere = notice == Some(Notice::ChangedElsewhere);
        // Said besides another notice; alone, it is the notice.
        let also_not_saved = not_saved && notice.is_some();
        Some(view! {
            <div class="session-notice" role="alert" data-testid=testid>
                <p>{text}</p>
                {also_not_saved.then(|| view! { <p>{s.storage_not_saved}</p> })}
                <div class="session-notice-actions">
                    {changed_elsewhere.then(|| view! {
                        <button type="button" data-testid="save-now" on:click=move |_| sessions.save_now()>
                            {s.save_now}
                        </button>
                    })}
                    <button type="button" class="secondary" data-testid="download-session" on:click=download_session>
                        {s.download_session}
                    </button>
                    {not_saved.then(|| view! {
                        <button type="button" class="secondary" data-testid="download-not-saved" on:click=download_not_saved>
                            {s.download_not_saved}
                        </button>
                    })}
                    {damaged.then(|| damaged_downloads(s, sessions.damaged()))}
                </div>
            </div>
        })
    }
}

/// A download button for each damaged value found (numbered when there are several).
fn damaged_downloads(s: &'static Strings, texts: Vec<String>) -> impl IntoView {
    let several = texts.len() > 1;
    texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let n = s.number_style.count(i as i64 + 1);
            let (label, name) = if several {
                let plain = (i + 1).to_string();
                (
                    fill(s.download_damaged_n, &[("n", &n)]),
                    file_name(&[s.session_damaged_file, &plain]),
                )
            } else {
                (s.download_damaged.to_string(), file_name(&[s.session_damaged_file]))
            };
            let download = move |_| {
                let _ = save_text(&format!("{name}.txt"), "text/plain", &text);
            };
            view! {
                <button type="button" class="secondary" data-testid="download-damaged" on:click=download>
                    {label}
                </button>
            }
        })
        .collect_view()
}

/// Why the share link in the address did not open, when it did not.
#[component]
pub fn LinkError(error: Option<OpenError>) -> impl IntoView {
    let strings = use_strings();
    error.map(|e| {
        move || {
            let s = strings();
            let why = match &e {
                OpenError::Link(LinkError::TooLong { length }) => fill(
                    s.link_error_too_long,
                    &[
                        ("length", &s.number_style.count(*length as i64)),
                        ("max", &s.number_style.count(MAX_LINK as i64)),
                    ],
                ),
                OpenError::Link(LinkError::Character { position, found }) => fill(
                    s.link_error_character,
                    &[
                        ("position", &s.number_style.count(*position as i64)),
                        ("found", &found.to_string()),
                    ],
                ),
                OpenError::Link(LinkError::CutShort) => s.link_error_cut.to_string(),
                OpenError::TooLarge => s.link_error_too_large.to_string(),
                OpenError::Damaged => s.link_error_damaged.to_string(),
                OpenError::Session(_) => s.link_error_session.to_string(),
            };
            view! {
                <p class="session-notice error" role="alert" data-testid="link-error">
                    {fill(s.link_failed, &[("error", &why)])}
                </p>
            }
        }
    })
}
