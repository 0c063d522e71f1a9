//! Page-wide state reached through context: the language, teacher mode, imported data.

use leptos::prelude::*;

use std::sync::Arc;

use crate::app::locale::{self, Choice};
use crate::core::import::importer::{Dataset, DateQuestion, Options, Outcome};
use crate::core::import::layout::Preview;
use crate::core::import::problem::Problems;
use crate::core::import::tables::{Granularity, PeriodTable};
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
    /// The tables for every period the data has.
    pub tables: Arc<Dataset>,
    /// Microseconds the import took (whole milliseconds would change the time shown).
    pub micros: u64,
    /// The data's size in bytes.
    pub size: u64,
    /// The data itself, when it is within [`RAW_BUDGET`].
    pub raw: Option<Arc<str>>,
}

/// The data shown: the import it came from, and what that read and how.
#[derive(Clone)]
pub struct Shown {
    pub run: u32,
    /// `None`: a session's tables without their data.
    pub source: Option<Source>,
    pub options: Options,
    /// The data came back with a session rather than from an import on this page.
    pub restored: bool,
}

/// An import to hand to the worker: its number, what it reads and how.
pub struct Run {
    pub run: u32,
    pub source: Source,
    pub options: Options,
}

/// The imported data and the import in progress. Its methods are what the user and the
/// import flow do; the signals stay inside.
#[derive(Clone, Copy)]
pub struct DataState {
    status: RwSignal<ImportStatus>,
    /// The last data read to the end; kept while a new import runs or fails.
    dataset: RwSignal<Option<Arc<Dataset>>>,
    granularity: RwSignal<Granularity>,
    /// Counts imports started; messages of older runs are ignored.
    run: RwSignal<u32>,
    /// The options of the current source (mapping, date order, skipping).
    options: RwSignal<Options>,
    /// The file or text being read, kept to read it again with other options.
    source: StoredValue<Option<Source>, LocalStorage>,
    /// Where the data shown came from, for the customers view to read it again: the number
    /// of its import (a session's data gets a number of its own) and, when the page has it,
    /// what was read and how.
    shown: StoredValue<Option<Shown>, LocalStorage>,
    /// The number of the import whose data is shown (0: none), tracked.
    shown_run: RwSignal<u32>,
    started_at: StoredValue<f64>,
    /// Milliseconds from start to outcome of the last run.
    elapsed_ms: RwSignal<f64>,
    /// The worker's wasm memory after the last run, in bytes.
    memory: RwSignal<f64>,
    /// Milliseconds the worker spent on the last run (reading, parsing, tables).
    worker_ms: RwSignal<f64>,
    /// The pasted text, never cleared by an import.
    paste: RwSignal<String>,
    /// What the session keeps of the last finished import.
    kept: RwSignal<Option<Kept>>,
    /// How the data view was left, for when it is shown again: the period whose working is
    /// shown (a row of the flows table) and whether the cohort table shows counts.
    pub picked: RwSignal<Option<usize>>,
    pub cohort_counts: RwSignal<bool>,
}

fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

impl DataState {
    /// Where the import stands (tracked).
    pub fn status(&self) -> ImportStatus {
        self.status.get()
    }

    /// Reads where the import stands in place (tracked).
    pub fn with_status<T>(&self, f: impl FnOnce(&ImportStatus) -> T) -> T {
        self.status.with(f)
    }

    /// Whether an import is being read now.
    pub fn is_running_untracked(&self) -> bool {
        self.status
            .with_untracked(|s| matches!(s, ImportStatus::Running { .. }))
    }

    /// Reads the data shown in place, if any (tracked).
    pub fn with_dataset<T>(&self, f: impl FnOnce(Option<&Dataset>) -> T) -> T {
        self.dataset.with(|d| f(d.as_deref()))
    }

    /// The data shown, shared (untracked).
    pub fn dataset_untracked(&self) -> Option<Arc<Dataset>> {
        self.dataset.get_untracked()
    }

    /// Whether `shown` is still the data shown (untracked).
    pub fn shows_untracked(&self, shown: &Arc<Dataset>) -> bool {
        self.dataset
            .with_untracked(|d| d.as_ref().is_some_and(|d| Arc::ptr_eq(d, shown)))
    }

    /// Reads the table of the period chosen in place (tracks the data and the period).
    pub fn with_table<T>(&self, f: impl FnOnce(&PeriodTable) -> T) -> Option<T> {
        let g = self.granularity.get();
        self.dataset
            .with(|d| d.as_ref().and_then(|d| d.table(g)).map(f))
    }

    /// [`DataState::with_table`] without tracking, for a handler.
    pub fn with_table_untracked<T>(&self, f: impl FnOnce(&PeriodTable) -> T) -> Option<T> {
        let g = self.granularity.get_untracked();
        self.dataset
            .with_untracked(|d| d.as_ref().and_then(|d| d.table(g)).map(f))
    }

    /// The period chosen for data from transactions (tracked).
    pub fn granularity(&self) -> Granularity {
        self.granularity.get()
    }

    /// The period chosen, untracked.
    pub fn granularity_untracked(&self) -> Granularity {
        self.granularity.get_untracked()
    }

    /// The user picks the period of the tables.
    pub fn choose_granularity(&self, g: Granularity) {
        self.granularity.set(g);
    }

    /// The pasted text (tracked).
    pub fn paste(&self) -> String {
        self.paste.get()
    }

    /// The pasted text, untracked.
    pub fn paste_untracked(&self) -> String {
        self.paste.get_untracked()
    }

    /// The user edits the pasted text (or loads a sample into it).
    pub fn edit_paste(&self, text: String) {
        self.paste.set(text);
    }

    /// Whether the current source is pasted text (untracked).
    pub fn reads_text_untracked(&self) -> bool {
        self.source
            .with_value(|s| matches!(s, Some(Source::Text(_))))
    }

    /// The number of the latest import (tracked).
    pub fn run(&self) -> u32 {
        self.run.get()
    }

    /// Whether news about `run` concerns the latest import (run 0 is the worker itself).
    pub fn is_current_untracked(&self, run: u32) -> bool {
        run == 0 || run == self.run.get_untracked()
    }

    /// Milliseconds from start to outcome of the last import (tracked).
    pub fn elapsed_ms(&self) -> f64 {
        self.elapsed_ms.get()
    }

    /// The worker's wasm memory after the last import, in bytes (tracked).
    pub fn memory(&self) -> f64 {
        self.memory.get()
    }

    /// Milliseconds the worker spent on the last import (tracked).
    pub fn worker_ms(&self) -> f64 {
        self.worker_ms.get()
    }

    /// Reads what the session keeps of the last import (tracked).
    pub fn with_kept<T>(&self, f: impl FnOnce(Option<&Kept>) -> T) -> T {
        self.kept.with(|k| f(k.as_ref()))
    }

    /// The size of the data whose tables the session keeps without the data itself.
    pub fn size_not_kept(&self) -> Option<u64> {
        self.with_kept(|k| k.filter(|k| k.raw.is_none()).map(|k| k.size))
    }

    /// Starts reading `source` with fresh options (the page's decimal sign kept).
    pub fn begin(&self, source: Source) -> Option<Run> {
        let options = Options {
            decimal_comma: self.options.with_untracked(|o| o.decimal_comma),
            ..Options::default()
        };
        self.source.set_value(Some(source));
        self.start(options)
    }

    /// Starts reading the current source again with changed options (a confirmed mapping, a
    /// date order, skipping bad rows); `None` without a source.
    pub fn again(&self, change: impl FnOnce(&mut Options)) -> Option<Run> {
        let mut options = self.options.get_untracked();
        change(&mut options);
        self.start(options)
    }

    fn start(&self, options: Options) -> Option<Run> {
        let source = self.source.get_value()?;
        let run = self.run.get_untracked() + 1;
        self.run.set(run);
        self.options.set(options.clone());
        let total = match &source {
            Source::File(f) => f.size(),
            Source::Text(t) => t.len() as f64,
        };
        self.status.set(ImportStatus::Running { done: 0.0, total });
        self.started_at.set_value(now());
        Some(Run {
            run,
            source,
            options,
        })
    }

    /// The worker has read `done` of `total` bytes.
    pub fn progress(&self, done: f64, total: f64) {
        self.status.set(ImportStatus::Running { done, total });
    }

    /// The worker's outcome of the latest import. A finished import's data is shown and
    /// returned, for the session to keep.
    pub fn finish(&self, outcome: Outcome, memory: f64, worker_ms: f64) -> Option<Arc<Dataset>> {
        self.elapsed_ms.set(now() - self.started_at.get_value());
        self.memory.set(memory);
        self.worker_ms.set(worker_ms);
        let mut shown = None;
        let status = match outcome {
            Outcome::Done(dataset) => {
                let dataset = Arc::new(*dataset);
                self.shown.set_value(Some(Shown {
                    run: self.run.get_untracked(),
                    source: self.source.get_value(),
                    options: self.options.get_untracked(),
                    restored: false,
                }));
                self.shown_run.set(self.run.get_untracked());
                self.dataset.set(Some(dataset.clone()));
                shown = Some(dataset);
                ImportStatus::Done
            }
            Outcome::NeedLayout(preview) => ImportStatus::NeedLayout(preview),
            Outcome::NeedDateOrder(q) => ImportStatus::NeedDateOrder(q),
            Outcome::Failed { problems, rows, .. } => ImportStatus::Failed { problems, rows },
        };
        // The status last: what it shows reads the data set above.
        self.status.set(status);
        shown
    }

    /// The browser could not read the file or run the worker.
    pub fn worker_failed(&self, message: String) {
        self.status.set(ImportStatus::WorkerFailed(message));
    }

    /// The user stops the import in progress; the data shown before stays.
    pub fn cancel(&self) {
        self.run.update(|r| *r += 1);
        self.status.set(ImportStatus::Cancelled);
    }

    /// The source of the last finished import, for the session.
    pub fn source_untracked(&self) -> Option<Source> {
        self.source.get_value()
    }

    /// Milliseconds of the last import, untracked.
    pub fn elapsed_ms_untracked(&self) -> f64 {
        self.elapsed_ms.get_untracked()
    }

    /// The session keeps `kept` of the last finished import.
    pub fn keep(&self, kept: Kept) {
        self.kept.set(Some(kept));
    }

    /// A session's pasted text and period come back.
    pub fn restore_inputs(&self, paste: String, granularity: Option<Granularity>) {
        self.paste.set(paste);
        if let Some(g) = granularity {
            self.granularity.set(g);
        }
    }

    /// A session without an import: nothing shown.
    pub fn restore_nothing(&self) {
        self.forget();
        self.source.set_value(None);
        self.status.set(ImportStatus::Idle);
    }

    /// A session whose tables cannot be read and that has no data to read them from.
    pub fn restore_unreadable(&self) {
        self.forget();
        self.status.set(ImportStatus::Unreadable);
    }

    /// Drops the data shown and kept, before a session's data is read again.
    pub fn forget(&self) {
        self.dataset.set(None);
        self.kept.set(None);
        self.shown.set_value(None);
        self.shown_run.set(0);
    }

    /// The number of the import whose data is shown, 0 for none (tracked).
    pub fn shown_run(&self) -> u32 {
        self.shown_run.get()
    }

    /// Where the data shown came from (untracked).
    pub fn shown_untracked(&self) -> Option<Shown> {
        self.shown.get_value()
    }

    /// A session's finished import comes back: its tables shown, its data (if kept) as the
    /// source to read again.
    pub fn restore(&self, kept: Kept) {
        self.dataset.set(Some(kept.tables.clone()));
        self.elapsed_ms.set(kept.micros as f64 / 1000.0);
        let source = kept.raw.as_deref().map(|r| Source::Text(r.to_string()));
        self.source.set_value(source.clone());
        // A number of its own, which no earlier import's news carries.
        let run = self.run.get_untracked() + 1;
        self.run.set(run);
        self.shown.set_value(Some(Shown {
            run,
            source,
            options: Options {
                decimal_comma: self.options.with_untracked(|o| o.decimal_comma),
                ..Options::default()
            },
            restored: true,
        }));
        self.shown_run.set(run);
        self.kept.set(Some(kept));
        self.status.set(ImportStatus::Done);
    }
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
        shown: StoredValue::new_local(None),
        shown_run: RwSignal::new(0),
        started_at: StoredValue::new(0.0),
        elapsed_ms: RwSignal::new(0.0),
        memory: RwSignal::new(0.0),
        worker_ms: RwSignal::new(0.0),
        paste: RwSignal::new(String::new()),
        kept: RwSignal::new(None),
        picked: RwSignal::new(None),
        cohort_counts: RwSignal::new(false),
    };
    // New data, or another period, starts with no period's working shown.
    Effect::new(move |seen: Option<()>| {
        state.dataset.track();
        state.granularity.track();
        if seen.is_some() {
            state.picked.set(None);
        }
    });
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
