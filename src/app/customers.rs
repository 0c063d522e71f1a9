//! The customers view's state and flow (docs/metrics.md section 9): its fields, the analysis
//! the worker sends (or the one a session saved), the lookup, the CDNOW preset, and when the
//! worker is asked again.
//!
//! The worker analyses the rows of the data shown, which it reads again from the data's
//! source the first time and then holds, so that a change of settings is computed again at
//! once. A session keeps the fields and the results, never the rows: after a reload the view
//! shows the saved results and reads the data again only when asked to.

use std::sync::Arc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasm_bindgen_futures::spawn_local;

use crate::app::import_flow;
use crate::app::state::DataState;
use crate::core::clv::{
    default_horizon, read_input, ClvAsk, ClvError, ClvInput, ClvResults, Day, Unit,
};
use crate::core::customers::{CustomerRow, CustomersDone, CustomersFailed, WinbackRow};
use crate::core::import::layout::Format;
use crate::core::number::NumberStyle;
use crate::web::fetch::fetch_text;
use crate::web::worker_client::{self, Source, WorkerEvent};

/// The CDNOW 1/10 sample beside the page (fetched only when chosen).
pub const CDNOW_URL: &str = "./samples/cdnow-sample.csv";

/// The calibration end of Fader, Hardie & Lee (2005) on the CDNOW sample.
pub const CDNOW_END: &str = "1997-09-30";

/// What the view shows: one analysis, with what it was asked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysed {
    pub ask: ClvAsk,
    pub span: (Day, Day),
    pub amounts: bool,
    pub month_only: u64,
    pub decimals: u32,
    pub results: ClvResults,
    /// The win-back list's first customers; not saved (their ids are the user's data).
    #[serde(skip)]
    pub winback_top: Vec<WinbackRow>,
    /// The import whose rows the worker holds for it; `None`: saved with a session.
    #[serde(skip)]
    pub data: Option<u32>,
    /// The worker's time, reading included.
    #[serde(skip)]
    pub ms: f64,
}

/// Where the worker's work stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Idle,
    Running,
    Done,
    Failed(CustomersFailed),
    /// The worker stopped (`None`: on purpose) or could not start.
    Stopped(Option<String>),
}

impl Status {
    /// The `data-state` of the view's status line.
    pub fn key(&self) -> &'static str {
        match self {
            Status::Idle => "idle",
            Status::Running => "running",
            Status::Done => "done",
            Status::Failed(_) | Status::Stopped(_) => "error",
        }
    }
}

/// The lookup's answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Lookup {
    None,
    Asking,
    Found(Box<CustomerRow>),
    NotFound(String),
    NeedsData,
}

/// The CDNOW preset's loading.
#[derive(Clone, Debug, PartialEq)]
pub enum PresetStatus {
    Idle,
    Loading,
    Failed(String),
}

/// The view's state. The fields are its inputs as typed.
#[derive(Clone, Copy)]
pub struct CustomersState {
    pub end: RwSignal<String>,
    pub unit: RwSignal<Unit>,
    pub horizon: RwSignal<String>,
    pub discount: RwSignal<String>,
    pub margin: RwSignal<String>,
    pub threshold: RwSignal<String>,
    pub lookup_id: RwSignal<String>,
    status: RwSignal<Status>,
    analysed: RwSignal<Option<Arc<Analysed>>>,
    /// The two files of the analysis shown, when it was made on this page.
    files: StoredValue<Option<Arc<(String, String)>>>,
    lookup: RwSignal<Lookup>,
    preset: RwSignal<PresetStatus>,
    /// Counts requests; answers to older ones are ignored.
    run: StoredValue<u32>,
    /// The analysis asked for last: its run, the import and the settings.
    asked: StoredValue<Option<(u32, u32, ClvAsk)>>,
    /// An analysis is being computed; a change meanwhile waits for it (`queued`).
    in_flight: StoredValue<bool>,
    queued: StoredValue<bool>,
    lookup_run: StoredValue<u32>,
    data: DataState,
}

impl CustomersState {
    /// The fields as typed (tracked).
    pub fn input(&self) -> ClvInput {
        ClvInput {
            calibration_end: self.end.get(),
            unit: self.unit.get(),
            horizon: self.horizon.get(),
            discount: self.discount.get(),
            margin: self.margin.get(),
            threshold: self.threshold.get(),
        }
    }

    fn fill(&self, input: &ClvInput) {
        self.end.set(input.calibration_end.clone());
        self.unit.set(input.unit);
        self.horizon.set(input.horizon.clone());
        self.discount.set(input.discount.clone());
        self.margin.set(input.margin.clone());
        self.threshold.set(input.threshold.clone());
    }

    /// The user picks a unit: a horizon left at the old unit's year becomes the new one's.
    pub fn choose_unit(&self, unit: Unit) {
        let old = self.unit.get_untracked();
        if old != unit && self.horizon.get_untracked().trim() == default_horizon(old) {
            self.horizon.set(default_horizon(unit));
        }
        self.unit.set(unit);
    }

    /// What the fields ask for, checked against the data's days when they are known
    /// (tracked).
    pub fn ask(&self, style: &NumberStyle) -> Result<ClvAsk, Vec<ClvError>> {
        let span = self.analysed.with(|a| a.as_ref().map(|a| a.span));
        read_input(&self.input(), style, span)
    }

    /// Where the work stands (tracked).
    pub fn status(&self) -> Status {
        self.status.get()
    }

    /// The analysis shown (tracked).
    pub fn analysed(&self) -> Option<Arc<Analysed>> {
        self.analysed.get()
    }

    /// The lookup's answer (tracked).
    pub fn lookup(&self) -> Lookup {
        self.lookup.get()
    }

    /// The preset's loading (tracked).
    pub fn preset(&self) -> PresetStatus {
        self.preset.get()
    }

    /// The files of the analysis shown: customer values and the win-back list.
    pub fn files_untracked(&self) -> Option<Arc<(String, String)>> {
        self.files.get_value()
    }

    /// Whether the worker holds the rows of the analysis shown, so that lookups, files and
    /// new settings need no reading (tracked).
    pub fn live(&self) -> bool {
        self.analysed
            .with(|a| a.as_ref().and_then(|a| a.data))
            .is_some_and(|d| d == self.data.shown_run())
    }

    /// Whether the data shown is one row per order (tracked); `None` without data.
    pub fn has_orders(&self) -> Option<bool> {
        self.data
            .with_dataset(|d| d.map(|d| d.layout.format == Format::Transactions))
    }

    /// Asks the worker for the analysis the fields ask for, when what is shown is not it
    /// already: after a new import, or a change of settings. Results saved with a session
    /// stay until the user asks to read the data again ([`CustomersState::read_again`]).
    pub fn refresh(&self, style: &NumberStyle) {
        let Some(shown) = self.data.shown_untracked() else {
            return;
        };
        if untrack(|| self.has_orders()) != Some(true) {
            return;
        }
        let Ok(ask) = untrack(|| self.ask(style)) else {
            return;
        };
        let current = self
            .analysed
            .with_untracked(|a| a.as_ref().map(|a| (a.data, a.ask == ask)));
        match current {
            Some((Some(data), true)) if data == shown.run => return,
            Some((None, _)) if shown.restored => return,
            _ => {}
        }
        if self
            .asked
            .get_value()
            .is_some_and(|(_, data, asked)| data == shown.run && asked == ask)
        {
            return;
        }
        self.send(style);
    }

    /// Reads the data shown again and analyses it with the fields' settings.
    pub fn read_again(&self, style: &NumberStyle) {
        self.asked.set_value(None);
        self.send(style);
    }

    fn send(&self, style: &NumberStyle) {
        if self.in_flight.get_value() {
            self.queued.set_value(true);
            return;
        }
        let Some(shown) = self.data.shown_untracked() else {
            return;
        };
        let Some(source) = shown.source else {
            return;
        };
        let Ok(ask) = untrack(|| self.ask(style)) else {
            return;
        };
        let run = self.run.get_value() + 1;
        self.run.set_value(run);
        self.asked.set_value(Some((run, shown.run, ask)));
        self.in_flight.set_value(true);
        self.status.set(Status::Running);
        let state = *self;
        let style = *style;
        let sent = worker_client::customers(
            run,
            shown.run,
            &source,
            &shown.options,
            ask,
            move |run, event| state.on_event(run, event, &style),
        );
        if let Err(message) = sent {
            self.in_flight.set_value(false);
            self.status.set(Status::Stopped(Some(message)));
        }
    }

    fn on_event(&self, run: u32, event: WorkerEvent, style: &NumberStyle) {
        match event {
            WorkerEvent::Customers { result, ms } => {
                let Some((asked_run, _, ask)) = self.asked.get_value() else {
                    return;
                };
                if run != asked_run {
                    return;
                }
                self.in_flight.set_value(false);
                match result {
                    Ok(done) => self.show(*done, ask, ms),
                    Err(e) => {
                        self.files.set_value(None);
                        self.analysed.set(None);
                        self.status.set(Status::Failed(e));
                    }
                }
                if std::mem::take(&mut *self.queued.write_value()) {
                    self.refresh(style);
                }
            }
            WorkerEvent::Customer { id, held, found } => {
                if run != self.lookup_run.get_value() {
                    return;
                }
                self.lookup.set(match (held, found) {
                    (false, _) => Lookup::NeedsData,
                    (true, Some(row)) => Lookup::Found(Box::new(row)),
                    (true, None) => Lookup::NotFound(id),
                });
            }
            WorkerEvent::Failed(_) | WorkerEvent::Stopped => {
                self.in_flight.set_value(false);
                self.queued.set_value(false);
                self.asked.set_value(None);
                self.status.set(Status::Stopped(match event {
                    WorkerEvent::Failed(message) => Some(message),
                    _ => None,
                }));
                // A new worker holds no rows.
                self.analysed.update(|a| {
                    if let Some(a) = a.as_mut().filter(|a| a.data.is_some()) {
                        Arc::make_mut(a).data = None;
                    }
                });
                self.files.set_value(None);
            }
            WorkerEvent::Progress { .. } | WorkerEvent::Done { .. } => {}
        }
    }

    fn show(&self, done: CustomersDone, ask: ClvAsk, ms: f64) {
        self.files
            .set_value(Some(Arc::new((done.values_csv, done.winback_csv))));
        self.lookup.set(Lookup::None);
        self.analysed.set(Some(Arc::new(Analysed {
            ask,
            span: done.span,
            amounts: done.amounts,
            month_only: done.month_only,
            decimals: done.decimals,
            results: done.results,
            winback_top: done.winback_top,
            data: Some(done.data),
            ms,
        })));
        self.status.set(Status::Done);
    }

    /// Looks up the customer whose id is typed.
    pub fn look_up(&self) {
        let id = self.lookup_id.get_untracked().trim().to_string();
        if id.is_empty() {
            self.lookup.set(Lookup::None);
            return;
        }
        if !untrack(|| self.live()) {
            self.lookup.set(Lookup::NeedsData);
            return;
        }
        let run = self.run.get_value() + 1;
        self.run.set_value(run);
        self.lookup_run.set_value(run);
        self.lookup.set(Lookup::Asking);
        if let Err(message) = worker_client::lookup(run, id) {
            self.lookup.set(Lookup::None);
            self.status.set(Status::Stopped(Some(message)));
        }
    }

    /// Loads the CDNOW sample into the data and sets the paper's settings.
    pub fn load_preset(&self) {
        let state = *self;
        self.preset.set(PresetStatus::Loading);
        spawn_local(async move {
            match fetch_text(CDNOW_URL).await {
                Ok(text) => {
                    state.fill(&ClvInput {
                        calibration_end: CDNOW_END.into(),
                        ..ClvInput::default()
                    });
                    state.preset.set(PresetStatus::Idle);
                    import_flow::begin(state.data, Source::Text(text));
                }
                Err(e) => state.preset.set(PresetStatus::Failed(e)),
            }
        });
    }

    /// The view's part of a session: the fields and the results shown, without the
    /// customers' ids. Reading it tracks both.
    pub fn saved(&self) -> Value {
        let mut part = serde_json::Map::new();
        if let Ok(input) = serde_json::to_value(self.input()) {
            part.insert("input".into(), input);
        }
        self.analysed.with(|a| {
            if let Some(results) = a.as_ref().and_then(|a| serde_json::to_value(&**a).ok()) {
                part.insert("results".into(), results);
            }
        });
        Value::Object(part)
    }

    /// Puts a session's part back. Results equal to those shown leave them as they are (the
    /// worker may hold their rows).
    pub fn restore(&self, saved: &Value) {
        if let Some(input) = saved
            .get("input")
            .and_then(|v| serde_json::from_value::<ClvInput>(v.clone()).ok())
        {
            self.fill(&input);
        }
        let results = saved
            .get("results")
            .and_then(|v| serde_json::from_value::<Analysed>(v.clone()).ok());
        let same = self
            .analysed
            .with_untracked(|a| match (a.as_deref(), &results) {
                (Some(a), Some(r)) => a.ask == r.ask && a.results == r.results,
                _ => false,
            });
        if same {
            return;
        }
        self.files.set_value(None);
        self.lookup.set(Lookup::None);
        self.asked.set_value(None);
        self.status.set(Status::Idle);
        self.analysed.set(results.map(Arc::new));
    }
}

/// Makes the customers view's state available; it outlives the view, so that what the worker
/// holds is still known when the view is shown again.
pub fn provide_customers(data: DataState) -> CustomersState {
    let defaults = ClvInput::default();
    let state = CustomersState {
        end: RwSignal::new(defaults.calibration_end),
        unit: RwSignal::new(defaults.unit),
        horizon: RwSignal::new(defaults.horizon),
        discount: RwSignal::new(defaults.discount),
        margin: RwSignal::new(defaults.margin),
        threshold: RwSignal::new(defaults.threshold),
        lookup_id: RwSignal::new(String::new()),
        status: RwSignal::new(Status::Idle),
        analysed: RwSignal::new(None),
        files: StoredValue::new(None),
        lookup: RwSignal::new(Lookup::None),
        preset: RwSignal::new(PresetStatus::Idle),
        run: StoredValue::new(0),
        asked: StoredValue::new(None),
        in_flight: StoredValue::new(false),
        queued: StoredValue::new(false),
        lookup_run: StoredValue::new(0),
        data,
    };
    provide_context(state);
    state
}

/// The customers view's state.
pub fn use_customers() -> CustomersState {
    use_context::<CustomersState>().expect("App provides the CustomersState context")
}
