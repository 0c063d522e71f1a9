//! How far the import of a session file has come, while one is under way: a file of ten
//! thousand sessions takes a moment to read and save.

use leptos::prelude::*;

use crate::app::sessions::Sessions;
use crate::app::state::use_strings;
use crate::i18n::fill;

/// How far a session file's import has come, while one is under way.
#[component]
pub fn ImportProgress(sessions: Sessions) -> impl IntoView {
    let strings = use_strings();
    move || {
        sessions.importing().map(|p| {
            let text = move || {
                let s = strings();
                let template = if p.reading() {
                    s.session_import_reading
                } else {
                    s.session_import_saving
                };
                let count = |n: usize| s.number_style.count(n as i64);
                fill(
                    template,
                    &[("done", &count(p.done())), ("n", &count(p.total))],
                )
            };
            let (value, max) = p.bar();
            view! {
                <div class="session-import-progress" data-testid="import-session-progress">
                    <progress
                        max=max
                        value=value
                        aria-labelledby="import-session-progress-text"
                    ></progress>
                    <span id="import-session-progress-text" role="status">
                        {text}
                    </span>
                </div>
            }
        })
    }
}
