//! Sessions on the page: every panel's inputs saved in the browser's storage shortly after
//! each change, and put back when the page opens.
//!
//! A panel takes part by calling [`Sessions::keep`] with a key of its own and a [`Persist`]
//! that writes and reads its inputs; nothing here knows any panel. Storage is reached only
//! through `window.local_storage()` and calls that return a `Result`: where it is missing,
//! refused, full or holds damaged data, the page keeps working in memory and says so, and
//! nothing the user typed or had stored is thrown away.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use web_sys::Storage;

use crate::core::figure::PeriodUnit;
use crate::core::json::Json;
use crate::core::period::{ChurnDefinition, DEFINITIONS};
use crate::core::saved::{from_key, key_of};
use crate::core::session::{self, ReadError, Session};

/// Which session the page opens with.
const OPEN_KEY: &str = "retention-lab.open";
/// A session is stored under this prefix and its id.
const SESSION_PREFIX: &str = "retention-lab.session.";
/// Damaged stored data is moved under this prefix (and the time it was found) before
/// anything is written in its place.
const QUARANTINE_PREFIX: &str = "retention-lab.quarantine.";
/// How long after the last change the session is written.
const SAVE_DELAY: Duration = Duration::from_millis(300);

/// A panel's inputs, written as JSON and read back.
pub trait Persist {
    /// The inputs. Reading them tracks them, so a change saves the session.
    fn save(&self) -> Json;
    /// Puts saved inputs back; anything missing or of another kind is left as it is.
    fn load(&self, saved: &Json);
}

impl Persist for RwSignal<String> {
    fn save(&self) -> Json {
        Json::Str(self.get())
    }

    fn load(&self, saved: &Json) {
        if let Some(text) = saved.as_str() {
            self.set(text.to_string());
        }
    }
}

/// A choice saved by a stable key ("months", "log").
pub trait Keyed: Sized + Clone + Send + Sync + 'static {
    fn key(&self) -> &'static str;
    fn from_key(key: &str) -> Option<Self>;
}

impl<T: Keyed> Persist for RwSignal<T> {
    fn save(&self) -> Json {
        Json::string(self.with(Keyed::key))
    }

    fn load(&self, saved: &Json) {
        if let Some(value) = saved.as_str().and_then(T::from_key) {
            self.set(value);
        }
    }
}

/// Named inputs, saved as an object.
pub struct Fields(pub Vec<(&'static str, Box<dyn Persist>)>);

impl Persist for Fields {
    fn save(&self) -> Json {
        Json::Obj(
            self.0
                .iter()
                .map(|(name, p)| (name.to_string(), p.save()))
                .collect(),
        )
    }

    fn load(&self, saved: &Json) {
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

impl<S: Fn() -> Json, L: Fn(&Json)> Persist for Custom<S, L> {
    fn save(&self) -> Json {
        (self.save)()
    }

    fn load(&self, saved: &Json) {
        (self.load)(saved)
    }
}

/// What the page says about saving.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Storage cannot be used (a private window, storage turned off): inputs live in memory.
    Unavailable,
    /// Storage is full: the last change is kept in memory only.
    Full,
    /// Stored data could not be read; it was kept under `key`.
    Damaged { key: String },
    /// The session was saved by a newer version; it is shown and never saved over.
    Newer { version: i64 },
    /// Another tab changed the session and the user chose to keep that version.
    ChangedElsewhere,
}

struct Inner {
    storage: Option<Storage>,
    session: Session,
    /// A newer version's session: shown, never written.
    read_only: bool,
    /// When the stored session was last written, as this page knows it: a different time
    /// in storage means another tab saved it since.
    known: i64,
    /// What a damaged stored value held, for the user to download.
    damaged: Option<String>,
    timer: Option<TimeoutHandle>,
}

/// The page's session, provided by the app.
#[derive(Clone, Copy)]
pub struct Sessions {
    inner: StoredValue<Rc<RefCell<Inner>>, LocalStorage>,
    notice: RwSignal<Option<Notice>>,
}

fn now() -> i64 {
    js_sys::Date::now() as i64
}

fn new_id() -> String {
    // Time and a random part: unique enough for one browser's sessions.
    format!(
        "{:x}{:06x}",
        now(),
        (js_sys::Math::random() * f64::from(0xFF_FFFF)) as u32
    )
}

/// The browser's `localStorage`, when the page may use it: missing, refused (a private
/// window, storage turned off) or refusing every call, there is none.
pub fn local_storage() -> Option<Storage> {
    let storage = web_sys::window()?.local_storage().ok().flatten()?;
    // Some browsers hand out a storage object that refuses every call: try one.
    storage.get_item(OPEN_KEY).ok()?;
    Some(storage)
}

/// Reads the session the page last had open, creating one when there is none.
fn open(storage: Option<&Storage>, name: &str) -> (Session, Option<Notice>, Option<String>, bool) {
    let fresh = || Session::new(new_id(), name.to_string(), now());
    let Some(storage) = storage else {
        return (fresh(), Some(Notice::Unavailable), None, false);
    };
    let Some(id) = storage.get_item(OPEN_KEY).ok().flatten() else {
        return (fresh(), None, None, false);
    };
    let key = format!("{SESSION_PREFIX}{id}");
    let Some(text) = storage.get_item(&key).ok().flatten() else {
        return (fresh(), None, None, false);
    };
    match session::read(&text) {
        Ok(s) => (s, None, None, false),
        Err(ReadError::Newer { version, session }) => {
            (*session, Some(Notice::Newer { version }), None, true)
        }
        Err(ReadError::Json(_) | ReadError::Shape { .. }) => {
            let quarantine = format!("{QUARANTINE_PREFIX}{id}.{}", now());
            // Kept first; only then is the damaged key removed, so that nothing is lost even
            // when the copy fails (storage full): then the damaged value stays where it is,
            // and the new session is saved under a new id beside it.
            if storage.set_item(&quarantine, &text).is_ok() {
                let _ = storage.remove_item(&key);
            }
            (
                fresh(),
                Some(Notice::Damaged { key: quarantine }),
                Some(text),
                false,
            )
        }
    }
}

/// Opens the saved session (or a new one) and makes it available to the panels below.
pub fn provide_sessions(default_name: &str) -> Sessions {
    let storage = local_storage();
    let (session, notice, damaged, read_only) = open(storage.as_ref(), default_name);
    let sessions = Sessions {
        inner: StoredValue::new_local(Rc::new(RefCell::new(Inner {
            storage,
            known: session.modified,
            session,
            read_only,
            damaged,
            timer: None,
        }))),
        notice: RwSignal::new(notice),
    };
    // A change made just before the page is closed is written at once, not after the delay.
    let flush = window_event_listener(leptos::ev::pagehide, move |_| sessions.write());
    on_cleanup(move || flush.remove());
    provide_context(sessions);
    sessions
}

/// The page's session.
pub fn use_sessions() -> Sessions {
    use_context::<Sessions>().expect("App provides the Sessions context")
}

impl Sessions {
    fn with<R>(&self, f: impl FnOnce(&mut Inner) -> R) -> R {
        let inner = self.inner.get_value();
        let mut inner = inner.borrow_mut();
        f(&mut inner)
    }

    /// What the page says about saving, if anything.
    pub fn notice(&self) -> Option<Notice> {
        self.notice.get()
    }

    /// The damaged stored text found when the page opened, for the user to download.
    pub fn damaged(&self) -> Option<String> {
        self.with(|i| i.damaged.clone())
    }

    /// The session as a file's text.
    pub fn export(&self) -> String {
        self.with(|i| i.session.to_text())
    }

    /// Saves the inputs `persist` writes under `key`: puts back what the session holds for
    /// it now, then saves them shortly after each change.
    pub fn keep(&self, key: &'static str, persist: impl Persist + 'static) {
        let persist = Rc::new(persist);
        if let Some(saved) = self.with(|i| i.session.panel(key).cloned()) {
            untrack(|| persist.load(&saved));
        }
        let sessions = *self;
        Effect::new(move |seen: Option<()>| {
            let json = persist.save();
            // The first run only starts tracking: the inputs are what was just loaded.
            if seen.is_some() {
                sessions.changed(key, json);
            }
        });
    }

    fn changed(&self, key: &'static str, json: Json) {
        let sessions = *self;
        let schedule = self.with(|i| {
            match i.session.panels.iter_mut().find(|(k, _)| k == key) {
                Some((_, v)) => *v = json,
                None => i.session.panels.push((key.to_string(), json)),
            }
            if let Some(t) = i.timer.take() {
                t.clear();
            }
            !i.read_only && i.storage.is_some()
        });
        if schedule {
            let timer = set_timeout_with_handle(move || sessions.write(), SAVE_DELAY).ok();
            self.with(|i| i.timer = timer);
        }
    }

    /// Writes the session now, if there is anything to write and somewhere to write it.
    /// When another tab saved the session since this page did, the user is asked first.
    fn write(&self) {
        let result = self.with(|i| {
            let timer = i.timer.take()?;
            timer.clear();
            if i.read_only {
                return None;
            }
            let storage = i.storage.as_ref()?;
            let key = format!("{SESSION_PREFIX}{}", i.session.id);
            let stored = storage.get_item(&key).ok().flatten();
            let elsewhere = stored
                .and_then(|text| match session::read(&text) {
                    Ok(s) => Some(s.modified),
                    Err(ReadError::Newer { session, .. }) => Some(session.modified),
                    Err(_) => None,
                })
                .is_some_and(|modified| modified != i.known);
            if elsewhere && !ask_to_save_over() {
                return Some(Err(()));
            }
            i.session.modified = now();
            let saved = storage
                .set_item(&key, &i.session.to_text())
                .and_then(|()| storage.set_item(OPEN_KEY, &i.session.id));
            if saved.is_ok() {
                i.known = i.session.modified;
            }
            Some(Ok(saved.is_ok()))
        });
        match result {
            Some(Ok(true))
                if self
                    .notice
                    .with_untracked(|n| n.as_ref().is_some_and(Notice::passes)) =>
            {
                self.notice.set(None)
            }
            Some(Ok(false)) => self.notice.set(Some(Notice::Full)),
            Some(Err(())) => self.notice.set(Some(Notice::ChangedElsewhere)),
            _ => {}
        }
    }
}

impl Notice {
    /// A notice that a later successful save makes untrue.
    fn passes(&self) -> bool {
        matches!(self, Notice::Full | Notice::ChangedElsewhere)
    }
}

/// Asks whether to save this page's inputs over the other tab's changes.
fn ask_to_save_over() -> bool {
    let question = crate::locale::current().storage_conflict_question;
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// A named input of [`Fields`].
pub fn field(
    name: &'static str,
    persist: impl Persist + 'static,
) -> (&'static str, Box<dyn Persist>) {
    (name, Box::new(persist))
}

/// Choices saved by the keys their switches already use.
macro_rules! keyed_by_list {
    ($ty:ty, $list:expr) => {
        impl Keyed for $ty {
            fn key(&self) -> &'static str {
                key_of(&$list, *self)
            }

            fn from_key(key: &str) -> Option<Self> {
                from_key(&$list, key)
            }
        }
    };
}

keyed_by_list!(PeriodUnit, PeriodUnit::KEYED);
keyed_by_list!(ChurnDefinition, DEFINITIONS);
