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

use crate::app::share_link::OpenError;
use crate::core::figure::PeriodUnit;
use crate::core::json::Json;
use crate::core::period::{ChurnDefinition, DEFINITIONS};
use crate::core::saved::{from_key, key_of};
use crate::core::session::{self, FileError, ReadError, Session};

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
    /// Storage cannot be used (a private window, storage turned off): sessions live in memory.
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

/// How the open session is kept.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mode {
    /// Saved shortly after each change.
    Saved,
    /// Written by a newer version: shown, never written.
    Newer,
    /// Opened from a share link: shown, saved only when the user asks.
    Shared,
    /// Shown in another page: never saved.
    Embedded,
}

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

/// A session deleted a moment ago, kept for "Undo".
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub id: String,
    pub name: String,
    text: String,
    was_open: bool,
}

/// Where sessions are kept: the browser's storage, or the page's memory when storage cannot
/// be used, so that the session list works either way while the page is open.
enum Store {
    Local(Storage),
    /// Key and value pairs.
    Memory(Vec<(String, String)>),
}

impl Store {
    fn get(&self, key: &str) -> Option<String> {
        match self {
            Store::Local(s) => s.get_item(key).ok().flatten(),
            Store::Memory(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> bool {
        match self {
            Store::Local(s) => s.set_item(key, value).is_ok(),
            Store::Memory(m) => {
                m.retain(|(k, _)| k != key);
                m.push((key.to_string(), value.to_string()));
                true
            }
        }
    }

    fn remove(&mut self, key: &str) {
        match self {
            Store::Local(s) => {
                let _ = s.remove_item(key);
            }
            Store::Memory(m) => m.retain(|(k, _)| k != key),
        }
    }

    /// The ids of the stored sessions.
    fn ids(&self) -> Vec<String> {
        let id = |k: &str| k.strip_prefix(SESSION_PREFIX).map(str::to_string);
        match self {
            Store::Local(s) => (0..s.length().unwrap_or(0))
                .filter_map(|i| s.key(i).ok().flatten())
                .filter_map(|k| id(&k))
                .collect(),
            Store::Memory(m) => m.iter().filter_map(|(k, _)| id(k)).collect(),
        }
    }

    /// Reads the stored session `id`. Damaged data is first copied under a quarantine key
    /// (and only then removed), so that nothing is lost even when the copy fails.
    fn read(&mut self, id: &str) -> Option<Result<Session, Damage>> {
        let key = session_key(id);
        let text = self.get(&key)?;
        Some(match session::read(&text) {
            Ok(s) => Ok(s),
            Err(ReadError::Newer { version, session }) => Err(Damage::Newer(version, *session)),
            Err(ReadError::Json(_) | ReadError::Shape { .. }) => {
                let quarantine = format!("{QUARANTINE_PREFIX}{id}.{}", now());
                if self.set(&quarantine, &text) {
                    self.remove(&key);
                }
                Err(Damage::Unreadable(quarantine, text))
            }
        })
    }
}

/// Why a stored session did not read as one this version writes.
enum Damage {
    Newer(i64, Session),
    /// Kept under this quarantine key; the text.
    Unreadable(String, String),
}

/// A panel taking part: its key, its inputs, and what they were before anything was loaded
/// (what a new session starts with).
struct Member {
    key: &'static str,
    persist: Rc<dyn Persist>,
    defaults: Json,
}

struct Inner {
    store: Store,
    session: Session,
    mode: Mode,
    /// The stored text as this page last read or wrote it: different text in storage means
    /// another tab saved the session since.
    known: Option<String>,
    /// What a damaged stored value held, for the user to download.
    damaged: Option<String>,
    timer: Option<TimeoutHandle>,
    members: Vec<Member>,
    default_name: String,
}

/// The page's sessions, provided by the app.
#[derive(Clone, Copy)]
pub struct Sessions {
    inner: StoredValue<Rc<RefCell<Inner>>, LocalStorage>,
    notice: RwSignal<Option<Notice>>,
    /// The stored sessions, last changed first.
    list: RwSignal<Vec<Summary>>,
    /// The open session's id and name.
    head: RwSignal<(String, String)>,
    mode: RwSignal<Mode>,
    deleted: RwSignal<Option<Deleted>>,
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

fn session_key(id: &str) -> String {
    format!("{SESSION_PREFIX}{id}")
}

/// The browser's `localStorage`, when the page may use it: missing, refused (a private
/// window, storage turned off) or refusing every call, there is none.
pub fn local_storage() -> Option<Storage> {
    let storage = web_sys::window()?.local_storage().ok().flatten()?;
    // Some browsers hand out a storage object that refuses every call: try one.
    storage.get_item(OPEN_KEY).ok()?;
    Some(storage)
}

/// How the page starts: normally, with a shared session, or embedded in another page.
#[derive(Clone, Debug, Default)]
pub struct Start {
    /// A session read from a share link.
    pub shared: Option<Session>,
    /// Why the share link did not open.
    pub link_error: Option<OpenError>,
    /// The panel to show alone, embedded in another page; nothing is stored then.
    pub embed: Option<String>,
    /// The shared session's data as the address holds it (still encoded).
    pub data: Option<String>,
}

/// Opens the saved session (or a new one, or the shared one) and makes it available to the
/// panels below.
pub fn provide_sessions(default_name: &str, start: Start) -> Sessions {
    let embedded = start.embed.is_some();
    let storage = if embedded { None } else { local_storage() };
    let mut notice = None;
    let store = match storage {
        Some(s) => Store::Local(s),
        None => {
            if !embedded {
                notice = Some(Notice::Unavailable);
            }
            Store::Memory(Vec::new())
        }
    };
    let fresh = Session::new(new_id(), default_name.to_string(), now());
    let mut inner = Inner {
        store,
        session: fresh,
        mode: Mode::Saved,
        known: None,
        damaged: None,
        timer: None,
        members: Vec::new(),
        default_name: default_name.to_string(),
    };
    if let Some(mut shared) = start.shared {
        shared.id = new_id();
        inner.session = shared;
        inner.mode = if embedded {
            Mode::Embedded
        } else {
            Mode::Shared
        };
    } else if embedded {
        inner.mode = Mode::Embedded;
    } else if let Some(id) = inner.store.get(OPEN_KEY) {
        match inner.store.read(&id) {
            Some(Ok(s)) => inner.session = s,
            Some(Err(damage)) => notice = inner.took(damage),
            None => {}
        }
        inner.known = inner.store.get(&session_key(&id));
    }
    let sessions = Sessions {
        head: RwSignal::new((inner.session.id.clone(), inner.session.name.clone())),
        mode: RwSignal::new(inner.mode),
        inner: StoredValue::new_local(Rc::new(RefCell::new(inner))),
        notice: RwSignal::new(notice),
        list: RwSignal::new(Vec::new()),
        deleted: RwSignal::new(None),
    };
    sessions.refresh();
    // A change made just before the page is closed is written at once, not after the delay.
    let flush = window_event_listener(leptos::ev::pagehide, move |_| sessions.write());
    // Another tab of this page saved, renamed, added or deleted a session.
    let other_tab = window_event_listener(leptos::ev::storage, move |_| sessions.refresh());
    on_cleanup(move || {
        flush.remove();
        other_tab.remove();
    });
    provide_context(sessions);
    sessions
}

/// The page's sessions.
pub fn use_sessions() -> Sessions {
    use_context::<Sessions>().expect("App provides the Sessions context")
}

impl Inner {
    /// Opens what a damaged or newer stored session leaves to open, and says what the page
    /// tells the user.
    fn took(&mut self, damage: Damage) -> Option<Notice> {
        match damage {
            Damage::Newer(version, session) => {
                self.session = session;
                self.mode = Mode::Newer;
                Some(Notice::Newer { version })
            }
            Damage::Unreadable(key, text) => {
                self.damaged = Some(text);
                Some(Notice::Damaged { key })
            }
        }
    }

    /// Puts the open session's inputs into every panel: first what a new session has, then
    /// what this one saved.
    fn load_panels(&self) {
        untrack(|| {
            for m in &self.members {
                m.persist.load(&m.defaults);
                if let Some(saved) = self.session.panel(m.key) {
                    m.persist.load(saved);
                }
            }
        });
    }

    /// Writes the open session now, marking it changed; false when storage refused.
    fn store(&mut self) -> bool {
        self.session.modified = now();
        let text = self.session.to_text();
        let saved = self.store.set(&session_key(&self.session.id), &text)
            && self.store.set(OPEN_KEY, &self.session.id);
        if saved {
            self.known = Some(text);
        }
        saved
    }
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

    /// The stored sessions, last changed first.
    pub fn list(&self) -> Vec<Summary> {
        self.list.get()
    }

    /// The open session's id and name.
    pub fn head(&self) -> (String, String) {
        self.head.get()
    }

    /// How the open session is kept.
    pub fn mode(&self) -> Mode {
        self.mode.get()
    }

    /// The session deleted a moment ago, while "Undo" can bring it back.
    pub fn deleted(&self) -> Option<Deleted> {
        self.deleted.get()
    }

    /// The damaged stored text found when the page opened, for the user to download.
    pub fn damaged(&self) -> Option<String> {
        self.with(|i| i.damaged.clone())
    }

    /// The open session as a file's text.
    pub fn export(&self) -> String {
        self.with(|i| i.session.to_text())
    }

    /// Every session as one file's text: the stored ones, and the open one as it is now.
    pub fn export_all(&self) -> String {
        self.write();
        self.with(|i| {
            let mut all: Vec<Session> = i
                .store
                .ids()
                .iter()
                .filter(|id| **id != i.session.id)
                .filter_map(|id| session::read_leniently(&i.store.get(&session_key(id))?).ok())
                .collect();
            all.insert(0, i.session.clone());
            session::bundle(&all)
        })
    }

    /// The open session's inputs as they are now, for a share link.
    pub fn current(&self) -> Session {
        self.with(|i| i.session.clone())
    }

    /// Saves the inputs `persist` writes under `key`: puts back what the session holds for
    /// it now, then saves them shortly after each change.
    pub fn keep(&self, key: &'static str, persist: impl Persist + 'static) {
        let persist: Rc<dyn Persist> = Rc::new(persist);
        let defaults = untrack(|| persist.save());
        let saved = self.with(|i| {
            i.members.push(Member {
                key,
                persist: persist.clone(),
                defaults,
            });
            i.session.panel(key).cloned()
        });
        if let Some(saved) = saved {
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
        let schedule = self.with(|i| {
            match i.session.panels.iter_mut().find(|(k, _)| k == key) {
                // Opening a session puts its inputs back, which is no change to save.
                Some((_, v)) if *v == json => return false,
                Some((_, v)) => *v = json,
                None => i.session.panels.push((key.to_string(), json)),
            }
            i.schedule()
        });
        if schedule {
            self.save_later();
        }
    }

    /// Writes the session after the delay (a change within it starts the delay again).
    fn save_later(&self) {
        let sessions = *self;
        let timer = set_timeout_with_handle(move || sessions.write(), SAVE_DELAY).ok();
        self.with(|i| i.timer = timer);
    }

    /// Writes the session now if a change is waiting to be written. When another tab saved
    /// the session since this page did, the user is asked first.
    fn write(&self) {
        let result = self.with(|i| {
            let timer = i.timer.take()?;
            timer.clear();
            if i.mode != Mode::Saved {
                return None;
            }
            let stored = i.store.get(&session_key(&i.session.id));
            if stored.is_some() && stored != i.known && !ask_to_save_over() {
                return Some(Err(()));
            }
            Some(Ok(i.store()))
        });
        match result {
            Some(Ok(true)) => {
                if self
                    .notice
                    .with_untracked(|n| n.as_ref().is_some_and(Notice::passes))
                {
                    self.notice.set(None);
                }
                self.touch();
            }
            Some(Ok(false)) => self.notice.set(Some(Notice::Full)),
            Some(Err(())) => self.notice.set(Some(Notice::ChangedElsewhere)),
            None => {}
        }
    }

    /// Reads the list of stored sessions again.
    pub fn refresh(&self) {
        let (list, notice) = self.with(|i| {
            let mut notice = None;
            let mut list = Vec::new();
            for id in i.store.ids() {
                let (session, newer) = match i.store.read(&id) {
                    Some(Ok(s)) => (s, false),
                    Some(Err(Damage::Newer(_, s))) => (s, true),
                    Some(Err(Damage::Unreadable(key, text))) => {
                        i.damaged = Some(text);
                        notice = Some(Notice::Damaged { key });
                        continue;
                    }
                    None => continue,
                };
                // Last changed first. Put in place one by one: a list holds a few dozen, and
                // a sort's code would cost the page more than the time it saves.
                let at = list
                    .partition_point(|s: &Summary| (s.modified, &id) > (session.modified, &s.id));
                list.insert(
                    at,
                    Summary {
                        id,
                        name: session.name,
                        created: session.created,
                        modified: session.modified,
                        newer,
                    },
                );
            }
            (list, notice)
        });
        self.list.set(list);
        if notice.is_some() {
            self.notice.set(notice);
        }
    }

    /// Puts the open session's name and time into the list after it was written.
    fn touch(&self) {
        let summary = self.with(|i| Summary {
            id: i.session.id.clone(),
            name: i.session.name.clone(),
            created: i.session.created,
            modified: i.session.modified,
            newer: false,
        });
        self.list.update(|list| {
            list.retain(|s| s.id != summary.id);
            list.insert(0, summary);
        });
    }

    /// Shows session `session` in every panel, in `mode`.
    fn show(&self, session: Session, mode: Mode) {
        self.with(|i| {
            if let Some(t) = i.timer.take() {
                t.clear();
            }
            i.known = i.store.get(&session_key(&session.id));
            // A copy of what is shown (a duplicate, a shared session saved) changes nothing on
            // the page, and must not interrupt it (an import under way, say).
            let same = i.session.panels == session.panels;
            i.session = session;
            i.mode = mode;
            if !same {
                i.load_panels();
            }
        });
        self.after_switch();
    }

    fn after_switch(&self) {
        let (head, mode) = self.with(|i| ((i.session.id.clone(), i.session.name.clone()), i.mode));
        self.head.set(head);
        self.mode.set(mode);
        if self
            .notice
            .with_untracked(|n| matches!(n, Some(Notice::Newer { .. } | Notice::ChangedElsewhere)))
        {
            self.notice.set(None);
        }
        self.refresh();
    }

    /// Opens the stored session `id`, saving the open one first.
    pub fn open(&self, id: &str) {
        self.write();
        let read = self.with(|i| i.store.read(id));
        match read {
            Some(Ok(s)) => {
                self.show(s, Mode::Saved);
                self.with(|i| i.store.set(OPEN_KEY, id));
            }
            Some(Err(Damage::Newer(version, s))) => {
                self.show(s, Mode::Newer);
                self.notice.set(Some(Notice::Newer { version }));
            }
            Some(Err(damage @ Damage::Unreadable(..))) => {
                let notice = self.with(|i| i.took(damage));
                self.notice.set(notice);
                self.refresh();
            }
            None => self.refresh(),
        }
    }

    /// Saves `session` as a new stored session and opens it.
    fn add(&self, mut session: Session) {
        self.write();
        session.id = new_id();
        self.show(session, Mode::Saved);
        let saved = self.with(Inner::store);
        if !saved {
            self.notice.set(Some(Notice::Full));
        }
        self.refresh();
    }

    /// Starts a new session with every panel as the page first shows it.
    pub fn start_new(&self) {
        let session = self.with(|i| Session::new(String::new(), i.default_name.clone(), now()));
        self.add(session);
    }

    /// Copies session `id` (the open one as it is now) under the name `name` and opens the copy.
    pub fn duplicate(&self, id: &str, name: impl FnOnce(&str) -> String) {
        self.write();
        let source = self.with(|i| {
            if i.session.id == id {
                Some(i.session.clone())
            } else {
                i.store
                    .get(&session_key(id))
                    .and_then(|t| session::read_leniently(&t).ok())
            }
        });
        if let Some(mut copy) = source {
            copy.name = name(&copy.name);
            copy.created = now();
            self.add(copy);
        }
    }

    /// Saves the session shown from a share link as a new session.
    pub fn save_shared(&self) {
        let mut session = self.current();
        session.created = now();
        self.add(session);
    }

    /// Leaves the shared session for the one that was open before (or a new one).
    pub fn discard_shared(&self) {
        match self.with(|i| i.store.get(OPEN_KEY)) {
            Some(id) if self.with(|i| i.store.get(&session_key(&id)).is_some()) => self.open(&id),
            _ => self.start_new(),
        }
    }

    /// Renames the open session.
    pub fn rename(&self, name: String) {
        let schedule = self.with(|i| {
            i.session.name = name.clone();
            i.schedule()
        });
        // The list shows the new name at once, not only once it is written.
        let id = self.head.with_untracked(|h| h.0.clone());
        self.list.update(|list| {
            if let Some(open) = list.iter_mut().find(|s| s.id == id) {
                open.name = name.clone();
            }
        });
        self.head.update(|h| h.1 = name);
        if schedule {
            self.save_later();
        }
    }

    /// Deletes session `id`, keeping it for "Undo"; deleting the open session opens the one
    /// changed last (or a new one).
    pub fn delete(&self, id: &str) {
        self.write();
        let deleted = self.with(|i| {
            let key = session_key(id);
            let text = i.store.get(&key)?;
            let name = session::read(&text).map(|s| s.name).unwrap_or_default();
            i.store.remove(&key);
            Some(Deleted {
                id: id.to_string(),
                name,
                text,
                was_open: i.session.id == id,
            })
        });
        let Some(deleted) = deleted else { return };
        let was_open = deleted.was_open;
        self.deleted.set(Some(deleted));
        self.refresh();
        if was_open {
            match self
                .list
                .with_untracked(|l| l.first().map(|s| s.id.clone()))
            {
                Some(next) => self.open(&next),
                None => self.start_new(),
            }
        }
    }

    /// Brings back the session deleted last, and opens it again if it was open.
    pub fn undo_delete(&self) {
        let Some(d) = self.deleted.get_untracked() else {
            return;
        };
        let restored = self.with(|i| i.store.set(&session_key(&d.id), &d.text));
        if !restored {
            self.notice.set(Some(Notice::Full));
            return;
        }
        self.deleted.set(None);
        if d.was_open {
            self.open(&d.id);
        } else {
            self.refresh();
        }
    }

    /// Forgets the deleted session for good (the "Undo" offer is closed).
    pub fn forget_deleted(&self) {
        self.deleted.set(None);
    }

    /// Imports a session file: every session in it becomes a new session (none is written
    /// over), and the first is opened. Returns how many were stored; when storage filled up
    /// before the last, the page says so.
    pub fn import(&self, text: &str) -> Result<usize, FileError> {
        let sessions = session::read_file(text)?;
        let count = sessions.len();
        self.write();
        let stored: Vec<String> = self.with(|i| {
            sessions
                .into_iter()
                .map_while(|mut s| {
                    s.id = new_id();
                    i.store
                        .set(&session_key(&s.id), &s.to_text())
                        .then_some(s.id)
                })
                .collect()
        });
        if let Some(id) = stored.first() {
            self.open(id);
        }
        if stored.len() < count {
            self.notice.set(Some(Notice::Full));
        }
        Ok(stored.len())
    }
}

impl Inner {
    /// Whether a change is to be written after the delay.
    fn schedule(&mut self) -> bool {
        if let Some(t) = self.timer.take() {
            t.clear();
        }
        self.mode == Mode::Saved
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
    let question = crate::app::locale::current().storage_conflict_question;
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
