//! Writes that never lose another tab's changes or this page's input: a session put aside
//! with changes storage did not take, written later only over what it was read from; a save
//! that asks nothing again after the user kept the other tab's version, until that tab
//! writes again; an undone delete that asks before writing over a later write; and another
//! tab's rename taken in.

use super::{session_key, SaveError, SessionStore};
use crate::core::session::{self, Session};
use crate::core::store::{KeyValue, StorageError};

/// A session whose latest changes are only in the page's memory (storage was full or
/// refused, or the user kept another tab's version), kept while another one is open.
#[derive(Clone, Debug, PartialEq)]
pub struct SetAside {
    /// The session as the page last had it.
    pub session: Session,
    /// Its stored text when the page last read or wrote it (none if it was never stored):
    /// the text it may be written over without asking.
    pub base: Option<String>,
}

/// What another tab's write of the open session changed on this page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elsewhere {
    /// Nothing this page shows (or the stored text is what this page wrote).
    Nothing,
    /// The session's name, now `name` here too. `known` says whether the other tab's text is
    /// now what this page knows (the same inputs and nothing waiting here), so that the next
    /// save asks nothing.
    Renamed { name: String, known: bool },
    /// Other inputs, which this page keeps until the user saves or the other tab's version is
    /// chosen; the name, if it changed, is taken as in `Renamed`.
    Inputs { name: Option<String> },
}

impl<S: KeyValue> SessionStore<S> {
    /// The open session's stored text as this store last read or wrote it.
    pub fn known(&self) -> Option<&str> {
        self.known.as_deref()
    }

    /// Takes session `id` as the open one, knowing `base` as its stored text: a session put
    /// aside goes on from what it was read from, so that a write another tab made meanwhile
    /// is asked about.
    pub fn resume(&mut self, base: Option<String>) {
        self.known = base;
    }

    /// Puts the open session aside with what this store knows of it.
    pub fn set_aside(&self, session: &Session) -> SetAside {
        SetAside {
            session: session.clone(),
            base: self.known.clone(),
        }
    }

    /// Writes a session put aside, changed at `now`, when storage holds what it was read from
    /// (or nothing, if it was never stored): `Ok(true)` when written, `Ok(false)` when another
    /// tab wrote it since (it stays aside, to be asked about when opened).
    pub fn write_aside(&self, aside: &mut SetAside, now: i64) -> Result<bool, StorageError> {
        let key = session_key(&aside.session.id);
        if self.storage.get(&key)? != aside.base {
            return Ok(false);
        }
        let mut session = aside.session.clone();
        session.modified = now;
        let text = session.to_text();
        self.storage.set(&key, &text)?;
        self.index_text(&session.id, &text);
        aside.session = session;
        aside.base = Some(text);
        Ok(true)
    }

    /// Saves as [`save`](Self::save) does, after the user chose to keep the other tab's
    /// version, which was then stored as `kept`: while that is still what storage holds, the
    /// user is not asked again and nothing is written; once the other tab wrote again,
    /// `save_over` is asked as usual.
    pub fn save_after_keeping(
        &mut self,
        session: &mut Session,
        now: i64,
        kept: Option<&str>,
        save_over: impl FnOnce() -> bool,
    ) -> Result<(), SaveError> {
        if session.newer.is_none() && self.text(&session.id).as_deref() == kept {
            return Err(SaveError::ChangedElsewhere);
        }
        self.save(session, now, save_over)
    }

    /// Puts back session `id` deleted as `text`, as [`restore`](Self::restore) does; when
    /// another tab wrote the session after it was deleted, `save_over` is asked first, and,
    /// refused, that tab's version stays.
    pub fn restore_asking(
        &self,
        id: &str,
        text: &str,
        save_over: impl FnOnce() -> bool,
    ) -> Result<(), SaveError> {
        match self.text(id) {
            Some(stored) if stored != text && !save_over() => Err(SaveError::ChangedElsewhere),
            _ => Ok(self.restore(id, text)?),
        }
    }

    /// Takes in another tab's write of the open session `session`. The name follows the other
    /// tab's unless this page renamed the session since it last read or wrote it. When
    /// nothing is waiting to be written here (`quiet`) and the inputs are the same, the other
    /// tab's text becomes what this page knows, so its next save asks nothing.
    pub fn other_tab_wrote(&mut self, session: &mut Session, quiet: bool) -> Elsewhere {
        let stored = self.text(&session.id);
        if stored.is_none() || stored == self.known {
            return Elsewhere::Nothing;
        }
        let Some(theirs) = stored.as_deref().and_then(|t| session::read(t).ok()) else {
            return Elsewhere::Nothing;
        };
        let known_name = self
            .known
            .as_deref()
            .and_then(|t| session::read_leniently(t).ok())
            .map(|s| s.name);
        let renamed_here = known_name.is_some_and(|n| n != session.name);
        let name = (!renamed_here && theirs.name != session.name).then(|| {
            session.name = theirs.name.clone();
            theirs.name.clone()
        });
        if theirs.panels != session.panels {
            return Elsewhere::Inputs { name };
        }
        let known = quiet && !renamed_here;
        if known {
            session.modified = theirs.modified;
            self.known = stored;
        }
        match name {
            Some(name) => Elsewhere::Renamed { name, known },
            None => Elsewhere::Nothing,
        }
    }
}
