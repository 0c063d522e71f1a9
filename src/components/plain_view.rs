//! A read-only block of elements built straight from data.
//!
//! Leptos compiles every distinct view into its own build, update and teardown code; for a
//! large block that is only ever replaced whole (a result card with its table), that code
//! costs more of the page's size than the block is worth. Such a block is described here as a
//! plain tree and built with a handful of DOM calls instead. Texts become text nodes, never
//! markup, so user data stays literal.

use leptos::html::Div;
use leptos::prelude::*;

/// An element with its attributes and children, or a text.
#[derive(Clone, Debug, PartialEq)]
pub enum Plain {
    El {
        tag: &'static str,
        attrs: Vec<(&'static str, String)>,
        children: Vec<Plain>,
    },
    Text(String),
}

impl Plain {
    /// An empty element.
    pub fn el(tag: &'static str) -> Self {
        Plain::El {
            tag,
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    /// Adds an attribute.
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Self {
        if let Plain::El { attrs, .. } = &mut self {
            attrs.push((name, value.into()));
        }
        self
    }

    /// Adds children.
    pub fn nest(mut self, more: impl IntoIterator<Item = Plain>) -> Self {
        if let Plain::El { children, .. } = &mut self {
            children.extend(more);
        }
        self
    }

    /// Adds a text.
    pub fn text(self, text: impl Into<String>) -> Self {
        self.nest([Plain::Text(text.into())])
    }

    /// An element holding one text.
    pub fn with_text(tag: &'static str, text: impl Into<String>) -> Self {
        Plain::el(tag).text(text)
    }

    fn build(&self, doc: &web_sys::Document) -> Option<web_sys::Node> {
        match self {
            Plain::Text(t) => Some(doc.create_text_node(t).into()),
            Plain::El {
                tag,
                attrs,
                children,
            } => {
                let el = doc.create_element(tag).ok()?;
                for (name, value) in attrs {
                    el.set_attribute(name, value).ok()?;
                }
                for child in children {
                    el.append_child(&child.build(doc)?).ok()?;
                }
                Some(el.into())
            }
        }
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
        if let Some(built) = node.and_then(|node| node.build(&document())) {
            let _ = host.append_child(&built);
        }
    });
    view! { <div class="plain-view" node_ref=host></div> }
}
