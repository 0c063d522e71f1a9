//! Panels whose inputs are saved in the session by their own code.

use crate::app::sessions::{use_sessions, Custom};
use crate::core::json::Json;

/// The save and load code of a panel, boxed: every such panel goes through one copy of the
/// session code instead of one per panel.
type Boxed = Custom<Box<dyn Fn() -> Json>, Box<dyn Fn(&Json)>>;

/// Keeps the panel `key` in the session: `save` reads its inputs (and tracks them, so a
/// change saves), `load` puts saved inputs back.
pub fn keep_custom(
    key: &'static str,
    save: impl Fn() -> Json + 'static,
    load: impl Fn(&Json) + 'static,
) {
    let custom: Boxed = Custom {
        save: Box::new(save),
        load: Box::new(load),
    };
    use_sessions().keep(key, custom);
}

/// [`keep_custom`] for a panel whose part is a `serde_json::Value`, carried across to the
/// session code's [`Json`] (which has no fractions: such a number is carried as its text).
pub fn keep_custom_value(
    key: &'static str,
    save: impl Fn() -> serde_json::Value + 'static,
    load: impl Fn(&serde_json::Value) + 'static,
) {
    keep_custom(key, move || to_json(&save()), move |j| load(&from_json(j)));
}

fn to_json(v: &serde_json::Value) -> Json {
    use serde_json::Value as V;
    match v {
        V::Null => Json::Null,
        V::Bool(b) => Json::Bool(*b),
        V::Number(n) => n
            .as_i64()
            .map_or_else(|| Json::Str(n.to_string()), Json::Int),
        V::String(s) => Json::Str(s.clone()),
        V::Array(a) => Json::Arr(a.iter().map(to_json).collect()),
        V::Object(o) => Json::Obj(o.iter().map(|(k, v)| (k.clone(), to_json(v))).collect()),
    }
}

fn from_json(j: &Json) -> serde_json::Value {
    use serde_json::Value as V;
    match j {
        Json::Null => V::Null,
        Json::Bool(b) => V::Bool(*b),
        Json::Int(n) => V::from(*n),
        Json::Str(s) => V::String(s.clone()),
        Json::Arr(a) => V::Array(a.iter().map(from_json).collect()),
        Json::Obj(o) => V::Object(o.iter().map(|(k, v)| (k.clone(), from_json(v))).collect()),
    }
}
