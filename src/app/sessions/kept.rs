//! What keeps input that storage did not take, and another tab's writes, from being lost:
//! a session with unsaved changes is kept in memory while another one is open, written once
//! storage takes it again; after the user kept another tab's version, the page asks again only
//! when they save deliberately or that tab writes again; another tab's rename is taken in.

use leptos::prelude::*;

use super::{now, Mode, Notice, Sessions, Summary};
use crate::core::session::{self, FileError, Session};
use crate::core::store::{Elsewhere, SaveError, StorageError, SESSION_PREFIX};

/// Why the open session's latest changes are not in storage.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Unsaved {
    /// Storage was full or refused the write.
    Storage,
    /// Another tab saved the session and the user kept that version, stored as `stored`.
    Kept { stored: Option<String> },
}

/// What brings a save about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Why {
    /// A pause after a change, or the page being left.
    Pause,
    /// Another session is about to be shown.
    Leave,
    /// The user asked to save.
    Deliberate,
}

/// Why a session file was not imported.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportFailed {
    /// The file is not a session file.
    File(FileError),
    /// Storage took none of its sessions; the open session stays open.
    Storage(StorageError),
}

/// A session's row in the list.
pub(super) fn summary(s: &Session) -> Summary {
    Summary {
        id: s.id.clone(),
        name: s.name.clone(),
        created: s.created,
        modified: s.modified,
        newer: false,
    }
}

impl Sessions {
    /// Writes the open session if a change waits to be written, or storage did not take the
    /// last one. After the user kept another tab's version, a pause asks nothing until that
    /// tab writes again; a deliberate save asks at once.
    pub(super) fn write_as(&self, why: Why) {
        let result = self.with(|i| {
            let pending = i.timer.take().map(|t| t.clear()).is_some();
            if i.mode != Mode::Saved {
                return None;
            }
            let attempt = pending
                || i.unsaved == Some(Unsaved::Storage)
                || (why == Why::Deliberate && i.unsaved.is_some());
            if !attempt {
                return None;
            }
            let now = now();
            Some(match (&i.unsaved, why) {
                (Some(Unsaved::Kept { stored }), Why::Pause | Why::Leave) => {
                    let stored = stored.clone();
                    i.store.save_after_keeping(
                        &mut i.session,
                        now,
                        stored.as_deref(),
                        super::ask_to_save_over,
                    )
                }
                _ => i.store.save(&mut i.session, now, super::ask_to_save_over),
            })
        });
        if let Some(result) = result {
            self.took_save(result);
        }
    }

    /// Saves the open session because the user asked, asking first when another tab saved it.
    pub fn save_now(&self) {
        self.write_as(Why::Deliberate);
    }

    /// What a save of the open session means for the page.
    pub(super) fn took_save(&self, result: Result<(), SaveError>) {
        match result {
            Ok(()) => {
                self.with(|i| i.unsaved = None);
                self.touch();
                self.saved();
            }
            Err(SaveError::Storage(e)) => {
                // Written, with only the open-session pointer refused: nothing is only in
                // memory, though the page still says why it could not finish.
                let written = self.with(|i| {
                    let text = i.session.to_text();
                    let written = i.store.text(&i.session.id).as_deref() == Some(text.as_str());
                    i.unsaved = (!written).then_some(Unsaved::Storage);
                    written
                });
                self.notice.set(Some(e.into()));
                if written {
                    self.touch();
                }
                self.update_not_saved();
            }
            Err(SaveError::ChangedElsewhere) => {
                self.with(|i| {
                    let stored = i.store.text(&i.session.id);
                    i.unsaved = Some(Unsaved::Kept { stored });
                });
                self.notice.set(Some(Notice::ChangedElsewhere));
                self.update_not_saved();
            }
            Err(_) => {}
        }
    }

    /// A write went through: the notices it makes untrue go, and sessions kept in memory are
    /// written where storage takes them now (each only over the text it was read from).
    pub(super) fn saved(&self) {
        self.writes.update(|n| *n += 1);
        if self
            .notice
            .with_untracked(|n| n.as_ref().is_some_and(Notice::passes))
        {
            self.notice.set(None);
        }
        let wrote = self.with(|i| {
            let now = now();
            let (aside, store) = (&mut i.aside, &i.store);
            let mut wrote = false;
            let mut refused = false;
            aside.retain_mut(|a| {
                if refused {
                    return true;
                }
                match store.write_aside(a, now) {
                    Ok(true) => {
                        wrote = true;
                        false
                    }
                    Ok(false) => true,
                    Err(_) => {
                        refused = true;
                        true
                    }
                }
            });
            wrote
        });
        if wrote {
            self.refresh();
        } else {
            self.update_not_saved();
        }
    }

    /// Before another session is shown: the open one is saved, or, where storage does not
    /// take it, kept in memory beside the stored ones, marked "not saved".
    pub(super) fn leave(&self) {
        self.write_as(Why::Leave);
        self.with(|i| {
            if i.unsaved.take().is_some() && i.mode == Mode::Saved {
                let aside = i.store.set_aside(&i.session);
                i.aside.retain(|a| a.session.id != aside.session.id);
                i.aside.push(aside);
            }
        });
        self.update_not_saved();
    }

    /// Opens session `id` from memory if it is kept there, and tries to write it at once.
    pub(super) fn resume_aside(&self, id: &str) -> bool {
        let aside = self.with(|i| {
            let at = i.aside.iter().position(|a| a.session.id == id)?;
            Some(i.aside.remove(at))
        });
        let Some(aside) = aside else {
            return false;
        };
        self.show(aside.session, Mode::Saved);
        self.with(|i| {
            // What it was read from: a write another tab made since is asked about.
            i.store.resume(aside.base);
            i.unsaved = Some(Unsaved::Storage);
        });
        self.write();
        self.refresh();
        true
    }

    /// Takes session `id` out of memory (the open one or one kept aside) for deleting it:
    /// the session as the page has it, if its latest changes were only there.
    pub(super) fn forget_unsaved(&self, id: &str) -> Option<Session> {
        self.with(|i| {
            if i.session.id == id {
                return i.unsaved.take().map(|_| i.session.clone());
            }
            let at = i.aside.iter().position(|a| a.session.id == id)?;
            Some(i.aside.remove(at).session)
        })
    }

    /// The sessions whose latest changes are only in memory, the open one included.
    pub fn not_saved(&self) -> Vec<String> {
        self.not_saved.get()
    }

    /// Those sessions as one file's text.
    pub fn export_not_saved(&self) -> String {
        self.with(|i| {
            let mut all: Vec<Session> = i.aside.iter().map(|a| a.session.clone()).collect();
            if i.unsaved.is_some() {
                all.insert(0, i.session.clone());
            }
            session::bundle(&all)
        })
    }

    pub(super) fn update_not_saved(&self) {
        let ids = self.with(|i| {
            let open = i.unsaved.is_some().then(|| i.session.id.clone());
            open.into_iter()
                .chain(i.aside.iter().map(|a| a.session.id.clone()))
                .collect::<Vec<_>>()
        });
        if self.not_saved.with_untracked(|n| *n != ids) {
            self.not_saved.set(ids);
        }
    }

    /// Shows the sessions kept in memory in `list` as the page has them (the name may be
    /// newer than the stored one, and a session never stored is listed too).
    pub(super) fn mark_not_saved(&self, list: &mut Vec<Summary>) {
        self.update_not_saved();
        self.with(|i| {
            let open = i.unsaved.is_some().then_some(&i.session);
            for s in i.aside.iter().map(|a| &a.session).chain(open) {
                match list.iter_mut().find(|row| row.id == s.id) {
                    Some(row) => row.name = s.name.clone(),
                    None => list.insert(0, summary(s)),
                }
            }
        });
    }

    /// Another tab wrote the stored value `key` (none: it cleared storage). The list is read
    /// again; a rename of the open session shows in the name field here.
    pub(super) fn other_tab_wrote(&self, key: Option<&str>) {
        let renamed = self.with(|i| {
            let open = format!("{SESSION_PREFIX}{}", i.session.id);
            if key != Some(open.as_str()) || i.mode != Mode::Saved {
                return None;
            }
            let quiet = i.timer.is_none() && i.unsaved.is_none();
            match i.store.other_tab_wrote(&mut i.session, quiet) {
                Elsewhere::Renamed { name, .. } | Elsewhere::Inputs { name: Some(name) } => {
                    Some(name)
                }
                _ => None,
            }
        });
        if let Some(name) = renamed {
            self.head.update(|h| h.1 = name);
        }
        // Another tab's import fires one event per session: the list is read once for many.
        self.refresh_soon();
    }
}
