//! Sessions on the page: every panel's inputs saved in the browser's storage shortly after
//! each change, and put back when the page opens.
//!
//! The rules (the list, damaged data kept aside, a newer version's session never written
//! over, another tab's changes never lost unasked) are [`SessionStore`]'s, tested natively;
//! this is the reactive layer over it: the signals the views read, the save shortly after a
//! change, and the panels' inputs put back when a session opens.
//!
//! A panel takes part by calling [`Sessions::keep`] with a key of its own and a [`Persist`]
//! that writes and reads its inputs; nothing here knows any panel. Where storage is missing,
//! refused, full or holds damaged data, the page keeps working in memory and says so, and
//! nothing the user typed or had stored is thrown away.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use serde_json::Value;

use crate::app::share_link::OpenError;
use crate::core::panel::Panel;
use crate::core::session::{self, Session};
use crate::core::store::{
    KeyValue, Loaded, Memory, SaveError, SessionStore, SetAside, StorageError,
};
use crate::web::storage;

pub use crate::core::store::Summary;
pub use import::Progress;
pub use kept::ImportFailed;
pub use persist::{field, Custom, Fields, Persist};

mod import;
mod kept;
mod listing;
mod persist;

/// How long after the last change the session is written.
const SAVE_DELAY: Duration = Duration::from_millis(300);

/// What the page says about saving.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Storage cannot be used (a private window, storage turned off): sessions live in memory.
    Unavailable,
    /// Storage is full: the last change is kept in memory only.
    Full,
    /// Storage refused a write while the page was open: the last change is kept in memory
    /// only.
    Refused,
    /// Stored data could not be read and was kept aside; `started_new` when that was the
    /// session the page opened with, so that a new one was started in its place.
    Damaged { started_new: bool },
    /// The session was saved by a newer version; it is shown and never saved over.
    Newer { version: i64 },
    /// Another tab changed the session and the user chose to keep that version.
    ChangedElsewhere,
}

impl From<StorageError> for Notice {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::Full => Notice::Full,
            _ => Notice::Refused,
        }
    }
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

/// A session deleted a moment ago, kept for "Undo".
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub id: String,
    pub name: String,
    text: String,
    was_open: bool,
}

/// A panel taking part: its key, its inputs, and what they were before anything was loaded
/// (what a new session starts with).
struct Member {
    key: &'static str,
    persist: Rc<dyn Persist>,
    defaults: Value,
}

struct Inner {
    /// The browser's storage, or the page's memory when it cannot be used, so that the
    /// session list works either way while the page is open.
    store: SessionStore<Box<dyn KeyValue>>,
    session: Session,
    mode: Mode,
    /// Why the open session's latest changes are not in storage, when they are not.
    unsaved: Option<kept::Unsaved>,
    /// Sessions whose latest changes storage did not take, kept while another one is open.
    aside: Vec<SetAside>,
    /// What each damaged stored value found held, for the user to download.
    damaged: Vec<String>,
    timer: Option<TimeoutHandle>,
    members: Vec<Member>,
    default_name: String,
    /// The page's owner: what a panel creates while its inputs are put back (a projection's
    /// new scenario rows, say) lives as long as the page, not as long as the button that
    /// opened the session (a row of the session list, which that very change removes).
    owner: Owner,
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
    /// How many writes storage took: what was said about a refused one may go after the next.
    writes: RwSignal<u64>,
    /// The sessions (the open one included) whose latest changes are only in memory.
    not_saved: RwSignal<Vec<String>>,
    /// How far the import under way has come.
    importing: RwSignal<Option<import::Progress>>,
    /// Whether the list is to be read again shortly (for another tab's writes).
    refresh_due: StoredValue<bool>,
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
    let mut notice = None;
    let storage: Box<dyn KeyValue> = match (!embedded).then(storage::local).flatten() {
        Some(local) => Box::new(local),
        None => {
            if !embedded {
                notice = Some(Notice::Unavailable);
            }
            Box::new(Memory::new())
        }
    };
    let fresh = Session::new(new_id(), default_name.to_string(), now());
    let mut inner = Inner {
        store: SessionStore::new(storage),
        session: fresh,
        mode: Mode::Saved,
        unsaved: None,
        aside: Vec::new(),
        damaged: Vec::new(),
        timer: None,
        members: Vec::new(),
        default_name: default_name.to_string(),
        owner: Owner::current().expect("sessions are provided inside the app"),
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
    } else if let Some(id) = inner.store.open_id() {
        if let Some(loaded) = inner.store.load(&id, now()) {
            notice = inner.took(loaded, true).or(notice);
        }
        inner.store.watch(&id);
    }
    let sessions = Sessions {
        head: RwSignal::new((inner.session.id.clone(), inner.session.name.clone())),
        mode: RwSignal::new(inner.mode),
        inner: StoredValue::new_local(Rc::new(RefCell::new(inner))),
        notice: RwSignal::new(notice),
        list: RwSignal::new(Vec::new()),
        deleted: RwSignal::new(None),
        writes: RwSignal::new(0),
        not_saved: RwSignal::new(Vec::new()),
        importing: RwSignal::new(None),
        refresh_due: StoredValue::new(false),
    };
    sessions.refresh();
    // A change made just before the page is closed is written at once, not after the delay.
    let flush = window_event_listener(leptos::ev::pagehide, move |_| sessions.write());
    // Another tab of this page saved, renamed, added or deleted a session.
    let other_tab = window_event_listener(leptos::ev::storage, move |e| {
        sessions.other_tab_wrote(e.key().as_deref())
    });
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
    /// Opens what a stored session gives to open, and says what the page tells the user;
    /// `started_new` when a damaged one leaves the page with the new session it started.
    fn took(&mut self, loaded: Loaded, started_new: bool) -> Option<Notice> {
        match loaded {
            Loaded::Current(session) => {
                self.session = session;
                None
            }
            Loaded::Newer { version, session } => {
                self.session = session;
                self.mode = Mode::Newer;
                Some(Notice::Newer { version })
            }
            Loaded::Damaged(damaged) => {
                self.damaged.push(damaged.text);
                Some(Notice::Damaged { started_new })
            }
        }
    }

    /// Puts the open session's inputs into every panel: first what a new session has, then
    /// what this one saved.
    fn load_panels(&self) {
        self.owner.with(|| {
            untrack(|| {
                for m in &self.members {
                    m.persist.load(&m.defaults);
                    if let Some(saved) = self.session.panel(m.key) {
                        m.persist.load(saved);
                    }
                }
            })
        });
    }

    /// Whether a change is to be written after the delay.
    fn schedule(&mut self) -> bool {
        if let Some(t) = self.timer.take() {
            t.clear();
        }
        self.mode == Mode::Saved
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

    /// How many writes storage has taken since the page opened.
    pub fn writes(&self) -> u64 {
        self.writes.get()
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

    /// The text of every damaged stored value found, for the user to download.
    pub fn damaged(&self) -> Vec<String> {
        self.with(|i| i.damaged.clone())
    }

    /// The open session as a file's text (a newer version's as it was stored).
    pub fn export(&self) -> String {
        self.with(|i| i.session.to_text())
    }

    /// Every session as one file's text: the stored ones, and the open one as it is now.
    pub fn export_all(&self) -> String {
        self.write();
        self.with(|i| {
            let mut all = i.store.all_but(&i.session.id);
            for aside in &i.aside {
                all.retain(|s| s.id != aside.session.id);
                all.push(aside.session.clone());
            }
            all.insert(0, i.session.clone());
            session::bundle(&all)
        })
    }

    /// The open session's inputs as they are now, for a share link.
    pub fn current(&self) -> Session {
        self.with(|i| i.session.clone())
    }

    /// Saves the inputs `persist` writes for `panel`: puts back what the session holds for it
    /// now, then saves them shortly after each change.
    pub fn keep(&self, panel: Panel, persist: impl Persist + 'static) {
        let key = panel.key();
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
        // A calculator the page stops showing takes no part until it shows again; what it
        // holds stays in the session, and is put back then.
        // (Its address tells the member apart while the member holds it.)
        let member = Rc::as_ptr(&persist).cast::<()>() as usize;
        on_cleanup(move || {
            if let Some(inner) = sessions.inner.try_get_value() {
                if let Ok(mut inner) = inner.try_borrow_mut() {
                    inner
                        .members
                        .retain(|m| Rc::as_ptr(&m.persist).cast::<()>() as usize != member);
                }
            }
        });
        Effect::new(move |seen: Option<()>| {
            let json = persist.save();
            // The first run only starts tracking: the inputs are what was just loaded.
            if seen.is_some() {
                sessions.changed(key, json);
            }
        });
    }

    /// Puts `inputs` into what `panel` holds, over its saved inputs (the members `inputs` lacks
    /// keep theirs), as a change to save: a link that opens another calculator with some of
    /// this one's numbers. A panel shown now shows them at once, any other when it opens.
    pub fn put(&self, panel: Panel, inputs: serde_json::Map<String, Value>) {
        let key = panel.key();
        let (json, persist) = self.with(|i| {
            let mut json = match i.session.panels.get(key) {
                Some(Value::Object(saved)) => saved.clone(),
                _ => serde_json::Map::new(),
            };
            json.extend(inputs);
            let json = Value::Object(json);
            let persist = i
                .members
                .iter()
                .find(|m| m.key == key)
                .map(|m| m.persist.clone());
            (json, persist)
        });
        match persist {
            Some(persist) => untrack(|| persist.load(&json)),
            None => self.changed(key, json),
        }
    }

    fn changed(&self, key: &'static str, json: Value) {
        let schedule = self.with(|i| {
            // Opening a session puts its inputs back, which is no change to save; nor is a
            // panel the session never saved showing what a new session has.
            if i.session.panels.get(key) == Some(&json) {
                return false;
            }
            let shows_defaults = !i.session.panels.contains_key(key)
                && i.members.iter().any(|m| m.key == key && m.defaults == json);
            if shows_defaults {
                i.session.panels.insert(key.to_string(), json);
                return false;
            }
            i.session.panels.insert(key.to_string(), json);
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

    /// Writes the session now if a change is waiting to be written (or one storage did not
    /// take). When another tab saved the session since this page did, the user is asked
    /// first.
    fn write(&self) {
        self.write_as(kept::Why::Pause);
    }

    /// Reads the list of stored sessions again.
    pub fn refresh(&self) {
        let (mut list, damaged) = self.with(|i| {
            let (list, damaged) = i.store.list(now());
            let found = !damaged.is_empty();
            i.damaged.extend(damaged.into_iter().map(|d| d.text));
            (list, found)
        });
        self.mark_not_saved(&mut list);
        self.list.set(list);
        if damaged {
            let started_new = self
                .notice
                .with_untracked(|n| matches!(n, Some(Notice::Damaged { started_new: true })));
            self.notice.set(Some(Notice::Damaged { started_new }));
        }
    }

    /// Puts the open session's name and time into the list after it was written.
    fn touch(&self) {
        let summary = self.with(|i| kept::summary(&i.session));
        self.list.update(|list| {
            list.retain(|s| s.id != summary.id);
            list.insert(0, summary);
        });
        self.update_not_saved();
    }

    /// Shows session `session` in every panel, in `mode`.
    fn show(&self, session: Session, mode: Mode) {
        self.with(|i| {
            if let Some(t) = i.timer.take() {
                t.clear();
            }
            i.store.watch(&session.id);
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

    /// Opens the stored session `id`, saving the open one first (or keeping it in memory,
    /// when storage does not take it).
    pub fn open(&self, id: &str) {
        self.leave();
        if self.resume_aside(id) {
            return;
        }
        let loaded = self.with(|i| i.store.load(id, now()));
        match loaded {
            Some(Loaded::Current(s)) => {
                self.show(s, Mode::Saved);
                if let Err(e) = self.with(|i| i.store.set_open(id)) {
                    self.notice.set(Some(e.into()));
                }
            }
            Some(Loaded::Newer { version, session }) => {
                self.show(session, Mode::Newer);
                self.notice.set(Some(Notice::Newer { version }));
            }
            Some(damaged @ Loaded::Damaged(_)) => {
                let notice = self.with(|i| i.took(damaged, false));
                self.notice.set(notice);
                self.refresh();
            }
            None => self.refresh(),
        }
    }

    /// Saves `session` as a new stored session, this version's own, and opens it.
    fn add(&self, mut session: Session) {
        self.leave();
        session.id = new_id();
        session.adopt();
        self.show(session, Mode::Saved);
        let saved = self.with(|i| i.store.save(&mut i.session, now(), || true));
        self.took_save(saved);
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
            } else if let Some(aside) = i.aside.iter().find(|a| a.session.id == id) {
                Some(aside.session.clone())
            } else {
                i.store.read_leniently(id)
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
        let open = self.with(|i| i.store.open_id().filter(|id| i.store.text(id).is_some()));
        match open {
            Some(id) => self.open(&id),
            None => self.start_new(),
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
        // Changes only in memory are what "Undo" brings back, even of a session never stored.
        let unsaved = self.forget_unsaved(id);
        let deleted = self.with(|i| {
            let removed = i.store.delete(id);
            let (name, text) = match (unsaved, removed) {
                (Some(s), _) => (s.name.clone(), s.to_text()),
                (None, Some(r)) => (r.name, r.text),
                (None, None) => return None,
            };
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
        let ask = || ask_to_restore_over(&d.name);
        match self.with(|i| i.store.restore_asking(&d.id, &d.text, ask)) {
            Err(SaveError::Storage(e)) => {
                self.notice.set(Some(e.into()));
                return;
            }
            // The other tab's later version stays; there is nothing left to undo.
            Err(_) => {}
            Ok(()) => self.saved(),
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
    /// before the last, the page says so, and when it took none, nothing is opened. A large
    /// file is read and stored in steps, with the page answering in between (see
    /// [`Sessions::importing`]).
    pub async fn import(&self, text: &str) -> Result<usize, ImportFailed> {
        let sessions = self.read_in_steps(text).await.map_err(ImportFailed::File)?;
        self.write();
        let (stored, error) = self.store_in_steps(sessions).await;
        match (stored.first(), error) {
            // Nothing stored: the open session stays open, as it is.
            (None, Some(e)) => return Err(ImportFailed::Storage(e)),
            (None, None) => {}
            (Some(first), error) => {
                self.open(first);
                match error {
                    Some(e) => self.notice.set(Some(e.into())),
                    None => self.saved(),
                }
            }
        }
        Ok(stored.len())
    }
}

impl Notice {
    /// A notice that a later successful save makes untrue.
    fn passes(&self) -> bool {
        matches!(
            self,
            Notice::Full | Notice::Refused | Notice::ChangedElsewhere
        )
    }
}

/// Asks whether to save this page's inputs over the other tab's changes.
fn ask_to_save_over() -> bool {
    confirm(crate::app::locale::current().storage_conflict_question)
}

/// Asks whether to put a deleted session back over what another tab saved since.
fn ask_to_restore_over(name: &str) -> bool {
    let question = crate::app::locale::current().restore_conflict_question;
    confirm(&crate::i18n::fill(question, &[("name", name)]))
}

/// The browser's yes-or-no question; no answer is no.
fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}
