//! What the page says when it cannot save as usual, with the downloads that keep the data.

use leptos::prelude::*;

use crate::download::save_text;
use crate::i18n::{file_name, fill};
use crate::sessions::{use_sessions, Notice};
use crate::state::use_strings;

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
