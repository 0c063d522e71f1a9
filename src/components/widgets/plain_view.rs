//! A read-only block of elements built straight from data.
//!
//! Leptos compiles every distinct view into its own build, update and teardown code; for a
//! large block that is only ever replaced whole (a result card with its table), that code
//! costs more of the page's size than the block is worth. Such a block is described here as a
//! plain tree and built with a handful of DOM calls instead. Texts become text nodes, never
//! markup, so user data stays literal.

use leptos::html::Div;
use leptos::prelude::*;

/// An element (with its attributes and children) or a text, built straight into a DOM node
/// that is not yet in the page. Each step is one small call, and the handle is one reference,
/// so a tree costs little code however large it is.
pub struct Plain(web_sys::Node);

impl Plain {
    /// An empty element.
    #[inline(never)]
    pub fn el(tag: &str) -> Self {
        let doc = document();
        Plain(match doc.create_element(tag) {
            Ok(el) => el.into(),
            // Only an invalid tag name fails, and the tags here are fixed; an empty text then
            // stands in rather than stopping the page.
            Err(_) => doc.create_text_node("").into(),
        })
    }

    /// A text, never read as markup.
    #[inline(never)]
    pub fn text_node(text: &str) -> Self {
        Plain(document().create_text_node(text).into())
    }

    /// Adds an attribute.
    pub fn attr(self, name: &str, value: impl AsRef<str>) -> Self {
        self.set(name, value.as_ref())
    }

    #[inline(never)]
    fn set(self, name: &str, value: &str) -> Self {
        if let Some(el) = wasm_bindgen::JsCast::dyn_ref::<web_sys::Element>(&self.0) {
            let _ = el.set_attribute(name, value);
        }
        self
    }

    /// Adds children.
    pub fn nest(self, more: impl IntoIterator<Item = Plain>) -> Self {
        for child in more {
            self.add(child);
        }
        self
    }

    #[inline(never)]
    fn add(&self, child: Plain) {
        let _ = self.0.append_child(&child.0);
    }

    /// Adds a text.
    pub fn text(self, text: impl AsRef<str>) -> Self {
        self.add(Plain::text_node(text.as_ref()));
        self
    }

    /// An element holding one text.
    pub fn with_text(tag: &str, text: impl AsRef<str>) -> Self {
        Plain::el(tag).text(text)
    }
}

/// Shows the tree `tree` returns, or nothing while it returns `None`, rebuilt whenever what
/// it reads changes.
#[component]
pub fn PlainView<T>(tree: impl Fn() -> T + Send + Sync + 'static) -> impl IntoView
where
    T: Into<Option<Plain>>,
{
    host(Box::new(move || tree().into()))
}

/// The element that holds the tree: one copy of this code serves every [`PlainView`].
fn host(tree: Box<dyn Fn() -> Option<Plain> + Send + Sync>) -> impl IntoView {
    let host = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let node = tree();
        let Some(host) = host.get() else { return };
        host.set_text_content(None);
        if let Some(node) = node {
            let _ = host.append_child(&node.0);
        }
    });
    view! { <div class="plain-view" node_ref=host></div> }
}
