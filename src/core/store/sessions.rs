//! Sessions over a [`KeyValue`] store: the list, reading (damaged data kept aside first),
//! writing without losing another tab's changes unasked, deleting and importing.
//!
//! The list comes from the index (see [`super::index`]), which every write here keeps in
//! step, so that listing ten thousand sessions reads none of them.

use std::cell::RefCell;

use super::index::Index;
use super::{KeyValue, StorageError, INDEX_KEY, OPEN_KEY, QUARANTINE_PREFIX, SESSION_PREFIX};
use crate::core::session::{self, ReadError, Session};

mod guarded;
pub use guarded::{Elsewhere, SetAside};

/// A stored session, as the list shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub id: String,
    pub name: String,
    pub created: i64,
    pub modified: i64,
    /// Written by a newer version, so it opens read-only.
    pub newer: bool,
}

/// A stored session as read.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// One this version writes.
    Current(Session),
    /// Written by a newer version: shown as far as it can be read, never written over.
    Newer { version: i64, session: Session },
    /// Not a session; what it held was kept aside.
    Damaged(Damaged),
}

/// A stored value that could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Damaged {
    /// Where it is kept now (or, when storage had no room for the copy, still is).
    pub key: String,
    /// What it held, exactly.
    pub text: String,
}

/// A session taken out of storage, which [`SessionStore::restore`] puts back.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    /// Its name, as far as it could be read.
    pub name: String,
    /// Its stored text, exactly.
    pub text: String,
}

/// Why the open session was not written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SaveError {
    Storage(StorageError),
    /// Another tab saved the session since this store last read or wrote it, and the user
    /// chose to keep that version.
    ChangedElsewhere,
    /// A newer version wrote the session: it is never written over.
    ReadOnly,
}

impl From<StorageError> for SaveError {
    fn from(e: StorageError) -> Self {
        SaveError::Storage(e)
    }
}

/// The storage key of session `id`.
fn session_key(id: &str) -> String {
    format!("{SESSION_PREFIX}{id}")
}

/// The ids of the sessions among storage `keys`.
fn session_ids(keys: &[String]) -> Vec<String> {
    keys.iter()
        .filter_map(|k| k.strip_prefix(SESSION_PREFIX))
        .map(str::to_string)
        .collect()
}

/// How the list shows `session`, stored under `id`.
fn summary(id: &str, session: &Session, newer: bool) -> Summary {
    Summary {
        id: id.to_string(),
        name: session.name.clone(),
        created: session.created,
        modified: session.modified,
        newer,
    }
}

/// Sessions kept in `S`, as one page (one tab) sees them.
pub struct SessionStore<S> {
    storage: S,
    /// The open session's stored text as this store last read or wrote it: different text in
    /// storage means another tab saved the session since.
    known: Option<String>,
    /// The index as this store last read or wrote it, with its stored text: while storage
    /// holds that same text, it is not read again. No text: storage would not take it (it is
    /// full), and this page goes on with it in memory rather than reading every session.
    index: RefCell<Option<(Option<String>, Index)>>,
}

impl<S: KeyValue> SessionStore<S> {
    pub fn new(storage: S) -> Self {
        SessionStore {
            storage,
            known: None,
            index: RefCell::new(None),
        }
    }

    /// The index as stored now; `None` when it is missing or cannot be read.
    fn stored_index(&self) -> Option<Index> {
        let text = self.storage.get(INDEX_KEY).ok().flatten();
        let mut cache = self.index.borrow_mut();
        if let Some((seen, index)) = cache.as_ref() {
            if *seen == text {
                return Some(index.clone());
            }
        }
        let index = Index::read(text.as_deref()?)?;
        *cache = Some((text, index.clone()));
        Some(index)
    }

    /// Stores `index`. When storage will not take it, the stored one is removed instead: an
    /// index is in step with the sessions or missing (and then built again), never behind.
    fn write_index(&self, index: Index) {
        let text = index.to_text();
        let mut cache = self.index.borrow_mut();
        match self.storage.set(INDEX_KEY, &text) {
            Ok(()) => *cache = Some((Some(text), index)),
            Err(_) => {
                *cache = match self.storage.remove(INDEX_KEY) {
                    Ok(()) => Some((None, index)),
                    Err(_) => None,
                };
            }
        }
    }

    /// Applies `change` to the stored index. A missing or unreadable one is left for
    /// [`list`](Self::list) to build again from the sessions.
    fn update_index(&self, change: impl FnOnce(&mut Index)) {
        if let Some(mut index) = self.stored_index() {
            change(&mut index);
            self.write_index(index);
        }
    }

    /// Puts session `id`'s stored `text` into the index, as far as it can be read (a damaged
    /// one is left for the list to find and keep aside).
    fn index_text(&self, id: &str, text: &str) {
        let entry = match session::read(text) {
            Ok(s) => summary(id, &s, false),
            Err(ReadError::Newer { session, .. }) => summary(id, &session, true),
            Err(_) => return,
        };
        self.update_index(|index| {
            index.insert(entry);
        });
    }

    /// The texts underneath.
    pub fn storage(&self) -> &S {
        &self.storage
    }

    /// The session the page last had open.
    pub fn open_id(&self) -> Option<String> {
        self.storage.get(OPEN_KEY).ok().flatten()
    }

    /// Makes `id` the session the page opens with next time.
    pub fn set_open(&self, id: &str) -> Result<(), StorageError> {
        self.storage.set(OPEN_KEY, id)
    }

    /// The ids of the stored sessions, in no particular order.
    pub fn ids(&self) -> Vec<String> {
        session_ids(&self.storage.keys().unwrap_or_default())
    }

    /// The stored text of session `id`.
    pub fn text(&self, id: &str) -> Option<String> {
        self.storage.get(&session_key(id)).ok().flatten()
    }

    /// Reads session `id`. Damaged data is first copied under a quarantine key (found at
    /// `now`), and only then removed, so that nothing is lost even when the copy fails.
    pub fn load(&self, id: &str, now: i64) -> Option<Loaded> {
        let key = session_key(id);
        let text = self.storage.get(&key).ok().flatten()?;
        Some(match session::read(&text) {
            Ok(s) => Loaded::Current(s),
            Err(ReadError::Newer {
                version,
                mut session,
            }) => {
                if session.id.is_empty() {
                    session.id = id.to_string();
                }
                Loaded::Newer {
                    version,
                    session: *session,
                }
            }
            Err(_) => {
                let quarantine = format!("{QUARANTINE_PREFIX}{id}.{now}");
                let key = match self.storage.set(&quarantine, &text) {
                    Ok(()) => {
                        if self.storage.remove(&key).is_ok() {
                            self.update_index(|index| {
                                index.remove(id);
                            });
                        }
                        quarantine
                    }
                    Err(_) => key,
                };
                Loaded::Damaged(Damaged { key, text })
            }
        })
    }

    /// Reads session `id` as far as this version can (a newer version's included), for
    /// copying or exporting; damaged data is left where it is.
    pub fn read_leniently(&self, id: &str) -> Option<Session> {
        session::read_leniently(&self.text(id)?).ok()
    }

    /// Takes session `id` as the open one: its stored text now is what this page knows.
    pub fn watch(&mut self, id: &str) {
        self.known = self.text(id);
    }

    /// Writes `session` as the open session, changed at `now`. When another tab saved it
    /// since this store last read or wrote it, `save_over` is asked first; refused, nothing
    /// is written and storage keeps the other tab's version. A session that is stored as it
    /// is is not written again, so its time of last change stays.
    pub fn save(
        &mut self,
        session: &mut Session,
        now: i64,
        save_over: impl FnOnce() -> bool,
    ) -> Result<(), SaveError> {
        if session.newer.is_some() {
            return Err(SaveError::ReadOnly);
        }
        let key = session_key(&session.id);
        let stored = self.storage.get(&key).ok().flatten();
        // Nothing changed (a session only opened, say): nothing is written, and the time of
        // its last change stays what it was.
        if stored.as_deref() == Some(session.to_text().as_str()) {
            self.known = stored;
            return Ok(self.set_open(&session.id)?);
        }
        if stored.is_some() && stored != self.known && !save_over() {
            return Err(SaveError::ChangedElsewhere);
        }
        let modified = session.modified;
        session.modified = now;
        let text = session.to_text();
        if let Err(e) = self.storage.set(&key, &text) {
            session.modified = modified;
            return Err(e.into());
        }
        self.known = Some(text);
        let entry = summary(&session.id, session, false);
        self.update_index(|index| {
            index.insert(entry);
        });
        self.set_open(&session.id)?;
        Ok(())
    }

    /// Writes `session` beside the others, as it is (an imported one, say).
    pub fn put(&self, session: &Session) -> Result<(), StorageError> {
        self.put_unindexed(session)?;
        let entry = summary(&session.id, session, session.newer.is_some());
        self.update_index(|index| {
            index.insert(entry);
        });
        Ok(())
    }

    fn put_unindexed(&self, session: &Session) -> Result<(), StorageError> {
        self.storage
            .set(&session_key(&session.id), &session.to_text())
    }

    /// The stored sessions, last changed first, and every damaged value found (kept aside
    /// as [`load`](Self::load) does).
    ///
    /// Read from the index and the list of keys: only a session the index does not know (one
    /// stored by an older build, say) is read, and every session is read only when the index
    /// is missing or damaged, to build it again. Nothing stored is ever removed for being
    /// out of the index.
    pub fn list(&self, now: i64) -> (Vec<Summary>, Vec<Damaged>) {
        // Storage that will not say what it holds changes nothing, the index included.
        let Ok(keys) = self.storage.keys() else {
            return (Vec::new(), Vec::new());
        };
        let ids = session_ids(&keys);
        let (mut index, mut changed) = match self.stored_index() {
            Some(index) => (index, false),
            None => (Index::default(), true),
        };
        // Sessions no longer stored (deleted or kept aside by another tab) leave the index.
        let mut held: Vec<&str> = ids.iter().map(String::as_str).collect();
        held.sort_unstable();
        let before = index.len();
        index.retain(|s| held.binary_search(&s.id.as_str()).is_ok());
        changed |= index.len() != before;
        // The sessions the index does not know; all of them when it names one twice.
        let missing: Option<Vec<&String>> = {
            let mut known: Vec<&str> = index.ids().collect();
            known.sort_unstable();
            (!known.windows(2).any(|w| w[0] == w[1])).then(|| {
                ids.iter()
                    .filter(|id| known.binary_search(&id.as_str()).is_err())
                    .collect()
            })
        };
        let missing = missing.unwrap_or_else(|| {
            index = Index::default();
            ids.iter().collect()
        });
        changed |= !missing.is_empty();
        let mut damaged = Vec::new();
        let mut found = Vec::new();
        for id in missing {
            let entry = match self.load(id, now) {
                Some(Loaded::Current(s)) => summary(id, &s, false),
                Some(Loaded::Newer { session, .. }) => summary(id, &session, true),
                Some(Loaded::Damaged(d)) => {
                    damaged.push(d);
                    continue;
                }
                None => continue,
            };
            found.push(entry);
        }
        index.extend(found);
        let list = index.listed();
        if changed {
            self.write_index(index);
        }
        (list, damaged)
    }

    /// Every stored session but `except` that can be read (a newer version's as it was
    /// stored), for a file of them all.
    pub fn all_but(&self, except: &str) -> Vec<Session> {
        self.ids()
            .iter()
            .filter(|id| *id != except)
            .filter_map(|id| self.read_leniently(id))
            .collect()
    }

    /// Removes session `id`, giving what it held.
    pub fn delete(&self, id: &str) -> Option<Removed> {
        let key = session_key(id);
        let text = self.storage.get(&key).ok().flatten()?;
        let name = session::read_leniently(&text)
            .map(|s| s.name)
            .unwrap_or_default();
        self.storage.remove(&key).ok()?;
        self.update_index(|index| {
            index.remove(id);
        });
        Some(Removed { name, text })
    }

    /// Puts back the text of session `id` removed by [`delete`](Self::delete).
    pub fn restore(&self, id: &str, text: &str) -> Result<(), StorageError> {
        self.storage.set(&session_key(id), text)?;
        self.index_text(id, text);
        Ok(())
    }

    /// Stores `sessions` as new sessions, each under an id from `new_id`, until storage
    /// refuses one: their ids, and why the rest were not stored. The index is written once
    /// for them all.
    pub fn import(
        &self,
        sessions: Vec<Session>,
        mut new_id: impl FnMut() -> String,
    ) -> (Vec<String>, Option<StorageError>) {
        let mut stored = Vec::new();
        let mut error = None;
        for mut s in sessions {
            s.id = new_id();
            if let Err(e) = self.put_unindexed(&s) {
                error = Some(e);
                break;
            }
            stored.push(summary(&s.id, &s, s.newer.is_some()));
        }
        let ids = stored.iter().map(|s| s.id.clone()).collect();
        self.update_index(|index| index.extend(stored));
        (ids, error)
    }
}

#[cfg(test)]
mod tests;
