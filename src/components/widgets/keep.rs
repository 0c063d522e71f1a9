//! Panels whose inputs are saved in the session by their own code.

use std::rc::Rc;

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::app::sessions::{use_sessions, Custom};
use crate::core::panel::Panel;
use crate::core::saved;

/// The save and load code of a panel, boxed: every such panel goes through one copy of the
/// session code instead of one per panel.
type Boxed = Custom<Box<dyn Fn() -> Value>, Box<dyn Fn(&Value)>>;

/// Keeps `panel` in the session: `save` writes its inputs as JSON (and tracks them, so
/// a change saves), `load` puts saved inputs back.
pub fn keep_custom(
    panel: Panel,
    save: impl Fn() -> Value + 'static,
    load: impl Fn(&Value) + 'static,
) {
    let custom: Boxed = Custom {
        save: Box::new(save),
        load: Box::new(load),
    };
    use_sessions().keep(panel, custom);
}

/// Keeps `panel` in the session as its inputs' stored form: `save` reads its inputs
/// (and tracks them, so a change saves), `load` puts saved inputs back, read over the inputs
/// as they are, so that what a saved value lacks keeps its value (see [`saved::fill`]).
pub fn keep_typed<T: Serialize + DeserializeOwned + 'static>(
    panel: Panel,
    save: impl Fn() -> T + 'static,
    load: impl Fn(T) + 'static,
) {
    let save = Rc::new(save);
    let current = save.clone();
    keep_custom(
        panel,
        move || serde_json::to_value(save()).unwrap_or(Value::Null),
        move |json| {
            if let Some(inputs) = saved::fill(&untrack(|| current()), json) {
                load(inputs);
            }
        },
    );
}
