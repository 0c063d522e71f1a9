//! The "Embed" dialog: a copy-ready `<iframe>` snippet that shows one calculator, with the
//! inputs it has now, inside another page (a blog post, say).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;

use crate::app::sessions::use_sessions;
use crate::app::share_link::{link, LinkProblem};
use crate::app::state::use_strings;
use crate::components::app::EMBEDDABLE;
use crate::components::widgets::plain_view::{Plain, PlainView};
use crate::core::share::MAX_LINK;
use crate::i18n::{fill, Strings};

/// The dialog element's id.
const DIALOG: &str = "embed-dialog";

/// A panel's heading, which names it in the dialog and titles the frame.
fn heading(s: &Strings, key: &str) -> &'static str {
    match key {
        "period" => s.period_heading,
        "projection" => s.projection_heading,
        "sbg" => s.sbg.heading,
        "ltv" => s.ltv_heading,
        "conversion" => s.conversion_heading,
        "winback" => s.winback_heading,
        "funnel" => s.funnel_heading,
        _ => s.ror_heading,
    }
}

/// The panel `key` on this page.
fn panel_element(key: &str) -> Option<web_sys::HtmlElement> {
    document()
        .query_selector(&format!("[data-testid=\"{key}-panel\"]"))
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

/// The panel the user is looking at: the first whose bottom is below the top of the window.
fn panel_in_view() -> &'static str {
    EMBEDDABLE
        .into_iter()
        .find(|key| {
            panel_element(key).is_some_and(|el| el.get_bounding_client_rect().bottom() > 0.0)
        })
        .unwrap_or(EMBEDDABLE[0])
}

/// The embeddable panel that holds `target`, if any.
fn panel_of(target: Option<web_sys::EventTarget>) -> Option<&'static str> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    let testid = el
        .closest("section.panel")
        .ok()??
        .get_attribute("data-testid")?;
    EMBEDDABLE
        .into_iter()
        .find(|key| testid.strip_suffix("-panel") == Some(*key))
}

/// The dialog, opened for the panel in view each time `opened` changes.
#[component]
pub fn EmbedDialog(opened: RwSignal<u32>) -> impl IntoView {
    let sessions = use_sessions();
    let strings = use_strings();
    let snippet = RwSignal::new(None::<Snippet>);
    // The panel asked for last: a snippet made for another one meanwhile is not shown.
    let asked = StoredValue::new("");

    let make = move |key: &'static str| {
        snippet.set(None);
        asked.set_value(key);
        let mut session = sessions.current();
        // Only the embedded panel's inputs, which keeps the address short.
        session.panels.retain(|k, _| k == key);
        // The panel's height here, and room for the link under it.
        let height = panel_element(key).map_or(600, |el| el.offset_height() + 64);
        spawn_local(async move {
            let s = strings();
            let result = match link(&session, Some(key)).await {
                Ok(link) => Snippet::Code(format!(
                    "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" style=\"border:0;max-width:52rem\" loading=\"lazy\"></iframe>",
                    attribute(&link),
                    attribute(&fill(s.embed_frame_title, &[("panel", heading(s, key))])),
                )),
                Err(LinkProblem::TooLong(length)) => Snippet::TooLong(length),
                Err(LinkProblem::Failed) => Snippet::Failed,
            };
            if asked.get_value() == key {
                snippet.set(Some(result));
            }
        });
    };
    // The panel last worked in is the one to embed; else the one in view.
    let last = StoredValue::new(None::<&'static str>);
    let focus = window_event_listener(leptos::ev::focusin, move |ev| {
        if let Some(key) = panel_of(ev.target()) {
            last.set_value(Some(key));
        }
    });
    on_cleanup(move || focus.remove());
    Effect::new(move |seen: Option<()>| {
        opened.track();
        let dialog = document()
            .get_element_by_id(DIALOG)
            .and_then(|el| el.dyn_into::<web_sys::HtmlDialogElement>().ok());
        let (Some(dialog), Some(_)) = (dialog, seen) else {
            return;
        };
        let key = last.get_value().unwrap_or_else(panel_in_view);
        if let Some(select) = document()
            .get_element_by_id("embed-panel")
            .and_then(|el| el.dyn_into::<web_sys::HtmlSelectElement>().ok())
        {
            select.set_value(key);
        }
        make(key);
        let _ = dialog.show_modal();
    });
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if let Some(key) = EMBEDDABLE.into_iter().find(|k| *k == value) {
            make(key);
        }
    };
    let choice = move || {
        let s = strings();
        Plain::el("div").nest([
            Plain::with_text("h2", s.embed_heading).attr("id", "embed-heading"),
            Plain::with_text("label", s.embed_panel).attr("for", "embed-panel"),
            Plain::el("select")
                .attr("id", "embed-panel")
                .attr("data-testid", "embed-panel")
                .nest(
                    EMBEDDABLE
                        .map(|key| Plain::with_text("option", heading(s, key)).attr("value", key)),
                ),
        ])
    };
    let result = move || {
        let s = strings();
        match snippet.get() {
            Some(Snippet::Code(code)) => Plain::el("div").nest([
                Plain::with_text("label", s.embed_code).attr("for", "embed-code"),
                Plain::with_text("textarea", code)
                    .attr("id", "embed-code")
                    .attr("readonly", "")
                    .attr("rows", "4")
                    .attr("data-testid", "embed-snippet"),
                Plain::with_text("p", s.embed_note).attr("class", "hint"),
            ]),
            Some(Snippet::TooLong(length)) => Plain::with_text(
                "p",
                fill(
                    s.share_too_long,
                    &[
                        ("length", &s.number_style.count(length as i64)),
                        ("limit", &s.number_style.count(MAX_LINK as i64)),
                    ],
                ),
            )
            .attr("class", "error")
            .attr("role", "alert")
            .attr("data-testid", "embed-too-long"),
            Some(Snippet::Failed) => Plain::with_text("p", s.share_failed)
                .attr("class", "error")
                .attr("role", "alert"),
            None => Plain::el("span"),
        }
    };
    let close = move || {
        Plain::el("form")
            .attr("method", "dialog")
            .nest([Plain::with_text("button", strings().embed_close)
                .attr("class", "secondary")
                .attr("data-testid", "embed-close")])
    };

    view! {
        <dialog id=DIALOG class="embed-dialog" aria-labelledby="embed-heading" data-testid="embed-dialog" on:change=on_change>
            <PlainView tree=choice />
            <PlainView tree=result />
            <PlainView tree=close />
        </dialog>
    }
}
