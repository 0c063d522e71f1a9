//! The "Embed" dialog: a copy-ready `<iframe>` snippet that shows one calculator, with the
//! inputs it has now, inside another page (a blog post, say).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;

use crate::app::router::use_router;
use crate::app::sessions::use_sessions;
use crate::app::share_link::{link, LinkProblem};
use crate::app::state::{tr, use_strings};
use crate::core::panel::Panel;
use crate::core::share::{LinkTo, MAX_LINK};
use crate::i18n::fill;

/// The dialog element's id.
const DIALOG: &str = "embed-dialog";

/// The calculator `panel` on this page.
fn panel_element(panel: Panel) -> Option<web_sys::HtmlElement> {
    document()
        .query_selector(&format!("[data-testid=\"{}-panel\"]", panel.key()))
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// Text put inside a double-quoted HTML attribute.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// What the dialog offers.
#[derive(Clone, PartialEq)]
enum Snippet {
    Code(String),
    TooLong(usize),
    Failed,
}

/// The dialog, opened for the calculator shown (or ROR, when it cannot be embedded) each
/// time `opened` changes.
#[component]
pub fn EmbedDialog(opened: RwSignal<u32>) -> impl IntoView {
    let sessions = use_sessions();
    let strings = use_strings();
    let snippet = RwSignal::new(None::<Snippet>);
    // The panel asked for last: a snippet made for another one meanwhile is not shown.
    let asked = StoredValue::new(Panel::Ror);

    let make = move |panel: Panel| {
        let key = panel.key();
        snippet.set(None);
        asked.set_value(panel);
        let mut session = sessions.current();
        // Only the embedded panel's inputs, which keeps the address short.
        session.panels.retain(|k, _| k == key);
        // The panel's height here, and room for the link under it.
        let height = panel_element(panel).map_or(600, |el| el.offset_height() + 64);
        spawn_local(async move {
            let s = strings();
            let result = match link(&session, LinkTo::Embed(panel)).await {
                Ok(link) => Snippet::Code(format!(
                    "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" style=\"border:0;max-width:52rem\" loading=\"lazy\"></iframe>",
                    attribute(&link),
                    attribute(&fill(s.embed_frame_title, &[("panel", s.panel_heading(panel))])),
                )),
                Err(LinkProblem::TooLong(length)) => Snippet::TooLong(length),
                Err(LinkProblem::Failed) => Snippet::Failed,
            };
            if asked.get_value() == panel {
                snippet.set(Some(result));
            }
        });
    };
    let router = use_router();
    Effect::new(move |seen: Option<()>| {
        opened.track();
        let dialog = document()
            .get_element_by_id(DIALOG)
            .and_then(|el| el.dyn_into::<web_sys::HtmlDialogElement>().ok());
        let (Some(dialog), Some(_)) = (dialog, seen) else {
            return;
        };
        let panel = Some(router.shown_untracked())
            .filter(|p| p.embeddable())
            .unwrap_or(Panel::Ror);
        if let Some(select) = document()
            .get_element_by_id("embed-panel")
            .and_then(|el| el.dyn_into::<web_sys::HtmlSelectElement>().ok())
        {
            select.set_value(panel.key());
        }
        make(panel);
        let _ = dialog.show_modal();
    });
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if let Some(panel) = Panel::embeddable_by_key(&value) {
            make(panel);
        }
    };
    let result = move || match snippet.get()? {
        Snippet::Code(code) => Some(
            view! {
                <div>
                    <label for="embed-code">{tr(|s| s.embed_code)}</label>
                    <textarea id="embed-code" readonly rows="4" data-testid="embed-snippet">
                        {code}
                    </textarea>
                    <p class="hint">{tr(|s| s.embed_note)}</p>
                </div>
            }
            .into_any(),
        ),
        Snippet::TooLong(length) => {
            let text = move || {
                let s = strings();
                fill(
                    s.share_too_long,
                    &[
                        ("length", &s.number_style.count(length as i64)),
                        ("limit", &s.number_style.count(MAX_LINK as i64)),
                    ],
                )
            };
            Some(
                view! { <p class="error" role="alert" data-testid="embed-too-long">{text}</p> }
                    .into_any(),
            )
        }
        Snippet::Failed => {
            Some(view! { <p class="error" role="alert">{tr(|s| s.share_failed)}</p> }.into_any())
        }
    };
    let options = Panel::embeddable_ones()
        .map(|panel| {
            view! { <option value=panel.key()>{move || strings().panel_heading(panel)}</option> }
        })
        .collect::<Vec<_>>();

    view! {
        <dialog id=DIALOG class="embed-dialog" aria-labelledby="embed-heading" data-testid="embed-dialog">
            <div>
                <h2 id="embed-heading">{tr(|s| s.embed_heading)}</h2>
                <label for="embed-panel">{tr(|s| s.embed_panel)}</label>
                <select id="embed-panel" data-testid="embed-panel" on:change=on_change>
                    {options}
                </select>
            </div>
            {result}
            <form method="dialog">
                <button class="secondary" data-testid="embed-close">
                    {tr(|s| s.embed_close)}
                </button>
            </form>
        </dialog>
    }
}
