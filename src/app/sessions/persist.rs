//! How a panel's inputs take part in the session: each input writes itself as JSON and reads
//! itself back, and the session code never looks inside.

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

/// A panel's inputs, written as JSON and read back.
pub trait Persist {
    /// The inputs. Reading them tracks them, so a change saves the session.
    fn save(&self) -> Value;
    /// Puts saved inputs back; anything missing or of another kind is left as it is.
    fn load(&self, saved: &Value);
}

/// One input saved as its type's stored form: a text as typed, a choice by its key.
impl<T> Persist for RwSignal<T>
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
{
    fn save(&self) -> Value {
        self.with(|value| serde_json::to_value(value))
            .unwrap_or(Value::Null)
    }

    fn load(&self, saved: &Value) {
        if let Ok(value) = T::deserialize(saved) {
            self.set(value);
        }
    }
}

/// Named inputs, saved as an object.
pub struct Fields(pub Vec<(&'static str, Box<dyn Persist>)>);

impl Persist for Fields {
    fn save(&self) -> Value {
        let members: Map<String, Value> = self
            .0
            .iter()
            .map(|(name, p)| (name.to_string(), p.save()))
            .collect();
        Value::Object(members)
    }

    fn load(&self, saved: &Value) {
        for (name, p) in &self.0 {
            if let Some(value) = saved.get(name) {
                p.load(value);
            }
        }
    }
}

/// Inputs that a panel writes and reads itself (lists of rows, say).
pub struct Custom<S, L> {
    pub save: S,
    pub load: L,
}

impl<S: Fn() -> Value, L: Fn(&Value)> Persist for Custom<S, L> {
    fn save(&self) -> Value {
        (self.save)()
    }

    fn load(&self, saved: &Value) {
        (self.load)(saved)
    }
}

/// A named input of [`Fields`].
pub fn field(
    name: &'static str,
    persist: impl Persist + 'static,
) -> (&'static str, Box<dyn Persist>) {
    (name, Box::new(persist))
}
