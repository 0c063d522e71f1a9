//! Importing a session file a step at a time: a file of ten thousand sessions is read and
//! stored a few hundred at a time, and the page answers between the steps and shows how far
//! it has come.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::{new_id, Sessions};
use crate::core::session::{FileError, Session};
use crate::core::store::{SessionFile, StorageError};

/// Sessions read from the file in one step.
pub(super) const READ_STEP: usize = 500;
/// Sessions stored in one step (each is written, then the index once for the step).
pub(super) const STORE_STEP: usize = 250;

/// How far an import has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Sessions in the file.
    pub total: usize,
    /// Sessions read so far.
    pub read: usize,
    /// Sessions stored so far.
    pub stored: usize,
}

impl Progress {
    /// Whether the file is still being read; after that, its sessions are being saved.
    pub fn reading(&self) -> bool {
        self.read < self.total
    }

    /// Sessions done of the part under way (reading, then saving).
    pub fn done(&self) -> usize {
        if self.reading() {
            self.read
        } else {
            self.stored
        }
    }

    /// The work done and the whole, for a progress bar: each session is read, then saved.
    pub fn bar(&self) -> (usize, usize) {
        (self.read + self.stored, 2 * self.total)
    }
}

/// Gives the event loop its turn: whatever waits (a click, a frame) runs before the next step.
async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let set = web_sys::window()
            .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0));
        // Without a window there is nothing to wait for.
        if !matches!(set, Some(Ok(_))) {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

impl Sessions {
    /// How far the import under way has come, if one is.
    pub fn importing(&self) -> Option<Progress> {
        self.importing.get()
    }

    fn progress(&self, change: impl FnOnce(&mut Progress)) {
        self.importing.update(|p| {
            if let Some(p) = p {
                change(p);
            }
        });
    }

    /// Reads every session of the file `text`, [`READ_STEP`] at a time.
    pub(super) async fn read_in_steps(&self, text: &str) -> Result<Vec<Session>, FileError> {
        let mut file = SessionFile::new(text)?;
        self.importing.set(Some(Progress {
            total: file.len(),
            read: 0,
            stored: 0,
        }));
        while !file.finished() {
            next_turn().await;
            if let Err(e) = file.read(READ_STEP) {
                self.importing.set(None);
                return Err(e);
            }
            let read = file.done();
            self.progress(|p| p.read = read);
        }
        Ok(file.into_sessions())
    }

    /// Stores `sessions` as new sessions, [`STORE_STEP`] at a time, until storage refuses
    /// one: their ids, and why the rest were not stored.
    pub(super) async fn store_in_steps(
        &self,
        sessions: Vec<Session>,
    ) -> (Vec<String>, Option<StorageError>) {
        let mut ids = Vec::with_capacity(sessions.len());
        let mut sessions = sessions.into_iter().peekable();
        let mut error = None;
        while sessions.peek().is_some() {
            next_turn().await;
            let step: Vec<Session> = sessions.by_ref().take(STORE_STEP).collect();
            let (stored, refused) = self.with(|i| i.store.import(step, new_id));
            ids.extend(stored);
            let n = ids.len();
            self.progress(|p| p.stored = n);
            if refused.is_some() {
                error = refused;
                break;
            }
        }
        self.importing.set(None);
        (ids, error)
    }
}
