//! Where sessions and the language choice are kept: a [`KeyValue`] store of texts (the
//! browser's `localStorage`, or [`Memory`] where it cannot be used), the keys the page uses,
//! and [`SessionStore`], the rules for sessions over it.
//!
//! The keys and what they hold, unchanged since the first build that stored anything:
//! - `retention-lab.language`: the language's tag (`fa`), plain text;
//! - `retention-lab.latin-digits`: `true` or `false`, plain text;
//! - `retention-lab.open`: the open session's id, plain text;
//! - `retention-lab.session.<id>`: a session's stored text (see [`crate::core::session`]);
//! - `retention-lab.quarantine.<id>.<time>`: a stored value that could not be read, as it was;
//! - `retention-lab.index`: every session's id, name and times, so that the list opens
//!   without reading the sessions (added later; built from the sessions where missing).

use std::fmt;

mod file;
mod index;
mod memory;
mod sessions;

pub use file::SessionFile;
pub use memory::Memory;
pub use sessions::{
    Damaged, Elsewhere, Loaded, Removed, SaveError, SessionStore, SetAside, Summary,
};

/// Which session the page opens with.
pub const OPEN_KEY: &str = "retention-lab.open";
/// A session is stored under this prefix and its id.
pub const SESSION_PREFIX: &str = "retention-lab.session.";
/// Damaged stored data is moved under this prefix (and the session's id and the time it was
/// found) before anything is written in its place.
pub const QUARANTINE_PREFIX: &str = "retention-lab.quarantine.";
/// The index of the stored sessions' names and times (see [`SessionStore::list`]).
pub const INDEX_KEY: &str = "retention-lab.index";
/// The language the user chose.
pub const LANGUAGE_KEY: &str = "retention-lab.language";
/// Whether Persian numbers are written with Latin digits.
pub const DIGITS_KEY: &str = "retention-lab.latin-digits";

/// Why storage did not do what was asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StorageError {
    /// There is no room for the value.
    Full,
    /// Storage refused the call (turned off, or taken away while the page was open).
    Refused,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StorageError::Full => "storage is full",
            StorageError::Refused => "storage refused the call",
        })
    }
}

impl std::error::Error for StorageError {}

/// Texts by key, as `localStorage` holds them.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key held, in no particular order.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

impl<T: KeyValue + ?Sized> KeyValue for Box<T> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        (**self).set(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        (**self).remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        (**self).keys()
    }
}

/// The language choice as remembered: the tag as stored (which the page may not know), and
/// whether Latin digits were chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Remembered {
    pub language: Option<String>,
    pub latin_digits: bool,
}

/// The language choice `storage` remembers; nothing, where it cannot be read.
pub fn remembered(storage: &impl KeyValue) -> Remembered {
    let read = |key| storage.get(key).ok().flatten();
    Remembered {
        language: read(LANGUAGE_KEY),
        latin_digits: read(DIGITS_KEY).is_some_and(|v| v == "true"),
    }
}

/// Remembers the language `tag` and the digits choice for the next visit.
pub fn remember(
    storage: &impl KeyValue,
    tag: &str,
    latin_digits: bool,
) -> Result<(), StorageError> {
    storage.set(LANGUAGE_KEY, tag)?;
    storage.set(DIGITS_KEY, if latin_digits { "true" } else { "false" })
}
