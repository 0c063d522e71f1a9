//! What the page says when it cannot save as usual, with the downloads that keep the data,
//! and when a share link does not open.

use leptos::prelude::*;

use crate::app::sessions::{use_sessions, Notice};
use crate::app::share_link::OpenError;
use crate::app::state::use_strings;
use crate::core::share::{LinkError, MAX_LINK};
use crate::i18n::{file_name, fill};
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
    let download_damaged = move |_| {
        if let Some(text) = sessions.damaged() {
            let s = strings();
            let name = format!("{}.txt", file_name(&[s.session_damaged_file]));
            let _ = save_text(&name, "text/plain", &text);
        }
    };
    move || {
        let s = strings();
        let notice = sessions.notice()?;
        let (testid, text, damaged) = match notice {
            Notice::Unavailable => (
                "storage-unavailable",
                s.storage_unavailable.to_string(),
                false,
            ),
            Notice::Full => ("storage-full", s.storage_full.to_string(), false),
            Notice::ChangedElsewhere => (
                "storage-changed-elsewhere",
                s.storage_changed_elsewhere.to_string(),
                false,
            ),
            Notice::Damaged { .. } => ("storage-damaged", s.storage_damaged.to_string(), true),
            Notice::Newer { version } => (
                "storage-newer",
                fill(
                    s.storage_newer,
                    &[("version", &s.number_style.count(version))],
                ),
                false,
            ),
        };
        Some(view! {
            <div class="session-notice" role="alert" data-testid=testid>
                <p>{text}</p>
                <div class="session-notice-actions">
                    <button type="button" class="secondary" data-testid="download-session" on:click=download_session>
                        {s.download_session}
                    </button>
                    {damaged.then(|| view! {
                        <button type="button" class="secondary" data-testid="download-damaged" on:click=download_damaged>
                            {s.download_damaged}
                        </button>
                    })}
                </div>
            </div>
        })
    }
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
