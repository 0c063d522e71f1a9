//! Page-wide state reached through context: the language, teacher mode, imported data.

use leptos::prelude::*;

use std::sync::Arc;

use crate::app::locale::{self, Choice};
use crate::core::import::importer::{Dataset, DateQuestion, Options};
use crate::core::import::layout::Preview;
use crate::core::import::problem::Problems;
use crate::core::import::tables::Granularity;
use crate::i18n::{Strings, Text};
use crate::web::worker_client::Source;

/// The page's language and its strings, provided by [`crate::App`].
#[derive(Clone, Copy)]
pub struct Locale {
    choice: RwSignal<Choice>,
    strings: RwSignal<&'static Strings>,
}

impl Locale {
    /// The language shown.
    pub fn choice(&self) -> Choice {
        self.choice.get()
    }

    /// Shows the page in `choice`, whose strings have been read.
    pub fn set(&self, choice: Choice, strings: &'static Strings) {
        locale::apply(choice, strings);
        self.strings.set(strings);
        self.choice.set(choice);
    }
}

/// Makes the language available to every component below.
pub fn provide_locale(choice: Choice, strings: &'static Strings) -> Locale {
    locale::apply(choice, strings);
    let locale = Locale {
        choice: RwSignal::new(choice),
        strings: RwSignal::new(strings),
    };
    provide_context(locale);
    locale
}

/// The page's language.
pub fn use_locale() -> Locale {
    use_context::<Locale>().expect("App provides the Locale context")
}

/// The current language's strings, read reactively.
pub fn use_strings() -> impl Fn() -> &'static Strings + Copy {
    let locale = use_locale();
    move || locale.strings.get()
}

/// One string of the current language, as a reactive view. Every call returns the same
/// closure type, so the page carries one copy of the code that renders and updates a string
/// instead of one per label.
pub fn tr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let strings = use_strings();
    move || text(strings())
}

/// Teacher mode: every figure expands into its steps; large type for a projector.
#[derive(Clone, Copy)]
pub struct Teaching {
    pub show_working: RwSignal<bool>,
    pub large_type: RwSignal<bool>,
}

/// Makes teacher mode available to every component below.
pub fn provide_teaching() -> Teaching {
    let teaching = Teaching {
        show_working: RwSignal::new(false),
        large_type: RwSignal::new(false),
    };
    provide_context(teaching);
    teaching
}

/// Teacher mode's switches.
pub fn use_teaching() -> Teaching {
    use_context::<Teaching>().expect("App provides the Teaching context")
}

/// Where an import stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum ImportStatus {
    #[default]
    Idle,
    Running {
        done: f64,
        total: f64,
    },
    Done,
    NeedLayout(Preview),
    NeedDateOrder(DateQuestion),
    Failed {
        problems: Problems,
        rows: u64,
    },
    Cancelled,
    /// The browser could not read the file or start the worker.
    WorkerFailed(String),
    /// The session's data could not be read back (saved by another version of the page,
    /// without the data itself).
    Unreadable,
}

impl ImportStatus {
    /// The `data-state` of the import summary: idle, running, done, asking, error, cancelled.
    pub fn key(&self) -> &'static str {
        match self {
            ImportStatus::Idle => "idle",
            ImportStatus::Running { .. } => "running",
            ImportStatus::Done => "done",
            ImportStatus::NeedLayout(_) | ImportStatus::NeedDateOrder(_) => "asking",
            ImportStatus::Failed { .. }
            | ImportStatus::WorkerFailed(_)
            | ImportStatus::Unreadable => "error",
            ImportStatus::Cancelled => "cancelled",
        }
    }
}

/// The most data a session keeps as it was given (a file or a text), in bytes of UTF-8: over
/// that, the session keeps only the tables read from it.
pub const RAW_BUDGET: usize = 500_000;

/// What a session keeps of the last finished import.
#[derive(Clone, Debug, PartialEq)]
pub struct Kept {
    /// The worker's outcome as it wrote it: the tables for every period the data has.
    pub tables: Arc<str>,
    /// Microseconds the import took (whole milliseconds would change the time shown).
    pub micros: u64,
    /// The data's size in bytes.
    pub size: u64,
    /// The data itself, when it is within [`RAW_BUDGET`].
    pub raw: Option<Arc<str>>,
}

/// The imported data and the import in progress.
#[derive(Clone, Copy)]
pub struct DataState {
    pub status: RwSignal<ImportStatus>,
    /// The last data read to the end; kept while a new import runs or fails.
    pub dataset: RwSignal<Option<Arc<Dataset>>>,
    pub granularity: RwSignal<Granularity>,
    /// Counts imports started; messages of older runs are ignored.
    pub run: RwSignal<u32>,
    /// The options of the current source (mapping, date order, skipping).
    pub options: RwSignal<Options>,
    /// The file or text being read, kept to read it again with other options.
    pub source: StoredValue<Option<Source>, LocalStorage>,
    pub started_at: StoredValue<f64>,
    /// Milliseconds from start to outcome of the last run.
    pub elapsed_ms: RwSignal<f64>,
    /// The worker's wasm memory after the last run, in bytes.
    pub memory: RwSignal<f64>,
    /// Milliseconds the worker spent on the last run (reading, parsing, tables).
    pub worker_ms: RwSignal<f64>,
    /// The pasted text, never cleared by an import.
    pub paste: RwSignal<String>,
    /// What the session keeps of the last finished import.
    pub kept: RwSignal<Option<Kept>>,
}

/// Makes the data state available to the panels.
pub fn provide_data() -> DataState {
    let state = DataState {
        status: RwSignal::new(ImportStatus::Idle),
        dataset: RwSignal::new(None),
        granularity: RwSignal::new(Granularity::Month),
        run: RwSignal::new(0),
        options: RwSignal::new(Options::default()),
        source: StoredValue::new_local(None),
        started_at: StoredValue::new(0.0),
        elapsed_ms: RwSignal::new(0.0),
        memory: RwSignal::new(0.0),
        worker_ms: RwSignal::new(0.0),
        paste: RwSignal::new(String::new()),
        kept: RwSignal::new(None),
    };
    provide_context(state);
    state
}

/// The data state.
pub fn use_data() -> DataState {
    use_context::<DataState>().expect("App provides the DataState context")
}

/// The page's colour scheme for charts, following the system's light or dark setting.
#[derive(Clone, Copy)]
pub struct ChartTheme(pub RwSignal<crate::core::chart::palette::Theme>);

/// Makes the colour scheme available to the charts and keeps it in step with the system.
pub fn provide_theme() -> ChartTheme {
    use crate::core::chart::palette::Theme;
    use wasm_bindgen::{closure::Closure, JsCast};
    let theme = ChartTheme(RwSignal::new(Theme::Light));
    let query = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten();
    if let Some(query) = query {
        let read = move |q: &web_sys::MediaQueryList| {
            theme.0.set(if q.matches() {
                Theme::Dark
            } else {
                Theme::Light
            })
        };
        read(&query);
        let watched = query.clone();
        let on_change = Closure::<dyn Fn()>::new(move || read(&watched));
        let _ =
            query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        // The page listens for as long as it is open.
        on_change.forget();
    }
    provide_context(theme);
    theme
}

/// The charts' colour scheme.
pub fn use_theme() -> ChartTheme {
    use_context::<ChartTheme>().expect("App provides the ChartTheme context")
}
