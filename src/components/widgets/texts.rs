//! Elements that hold one string of the page's language and nothing else.
//!
//! A page has dozens of them (intros, notes, headings). Built here, each is one call rather
//! than its own copy of the element-building code.

use leptos::prelude::*;

use crate::app::state::tr;
use crate::i18n::Text;

/// `<p class=…>` with the string `text`.
pub fn para(class: &'static str, text: Text) -> AnyView {
    view! { <p class=class>{tr(text)}</p> }.into_any()
}

/// `<h3>` with the string `text`.
pub fn h3(text: Text) -> AnyView {
    view! { <h3>{tr(text)}</h3> }.into_any()
}
