//! A chart on the page: its canvas sized to the container and the screen's pixel ratio, its
//! caption in words, a "Show data" table, and downloads as SVG and PNG.

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{ResizeObserver, ResizeObserverEntry};

use crate::app::state::{tr, use_strings, use_theme};
use crate::charts::{canvas, export};
use crate::components::widgets::when::when;
use crate::core::chart::scene::Scene;
use crate::core::chart::table::DataTable;
use crate::i18n::fill;

/// Width of the saved images, in CSS pixels (wider when the chart needs it).
pub const DOWNLOAD_WIDTH: f32 = 760.0;

/// What a chart hands its [`ChartFrame`]: the width the frame measures, the scene laid out
/// for that width, and the scene to save, laid out at least [`DOWNLOAD_WIDTH`] wide.
#[derive(Clone, Copy)]
pub struct Scenes {
    pub width: RwSignal<f32>,
    pub scene: Memo<Option<Scene>>,
    pub download: Callback<(), Option<Scene>>,
}

impl Scenes {
    /// The scenes `layout` gives for a width (`None` while there is nothing to draw).
    pub fn new(layout: impl Fn(f32) -> Option<Scene> + Copy + Send + Sync + 'static) -> Self {
        let width = RwSignal::new(0.0f32);
        let scene = Memo::new(move |_| layout(width.get()));
        let download = Callback::new(move |()| untrack(|| layout(width.get().max(DOWNLOAD_WIDTH))));
        Scenes {
            width,
            scene,
            download,
        }
    }
}

/// Watches the element's width (an element whose size never depends on the chart, so that
/// drawing cannot change what is observed) and writes it, in whole CSS pixels, to `width`.
fn observe_width(target: NodeRef<Div>, width: RwSignal<f32>) {
    let observer =
        StoredValue::new_local(None::<(ResizeObserver, Closure<dyn FnMut(js_sys::Array)>)>);
    Effect::new(move |_| {
        let Some(el) = target.get() else { return };
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                let w = entry.content_rect().width().floor() as f32;
                if w != width.get_untracked() {
                    width.set(w);
                }
            }
        });
        if let Ok(obs) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            obs.observe(&el);
            observer.set_value(Some((obs, on_resize)));
        }
    });
    on_cleanup(move || {
        observer.update_value(|o| {
            if let Some((obs, _)) = o.take() {
                obs.disconnect();
            }
        })
    });
}

/// A chart. `kind` names it in test ids (`chart-{kind}`) and file names; the parent lays the
/// scene out for the `width` this frame measures.
#[component]
pub fn ChartFrame(
    kind: &'static str,
    /// The visible width, measured here.
    width: RwSignal<f32>,
    /// The scene to show, `None` while there is nothing to draw.
    #[prop(into)]
    scene: Signal<Option<Scene>>,
    /// The scene to save as a file.
    download: Callback<(), Option<Scene>>,
    /// The saved files' name, without extension.
    #[prop(into)]
    file: Signal<String>,
    #[prop(into)] caption: Signal<String>,
    #[prop(into)] table: Signal<Option<DataTable>>,
    /// A note under the caption.
    #[prop(optional, into)]
    note: Signal<Option<String>>,
    /// Opens the table (when the chart cannot show its numbers itself).
    #[prop(optional, into)]
    table_first: Signal<bool>,
) -> impl IntoView {
    let strings = use_strings();
    let theme = use_theme();
    let sizer_ref = NodeRef::<Div>::new();
    let pinned_ref = NodeRef::<Canvas>::new();
    let main_ref = NodeRef::<Canvas>::new();
    let error = RwSignal::new(None::<String>);
    let draws = RwSignal::new(0u32);
    // Milliseconds the last drawing took (for the redraw benchmark).
    let draw_ms = RwSignal::new(0.0f64);
    let open = RwSignal::new(false);
    observe_width(sizer_ref, width);

    Effect::new(move |_| {
        let theme = theme.0.get();
        let (Some(pin), Some(main)) = (pinned_ref.get(), main_ref.get()) else {
            return;
        };
        scene.with(|s| {
            let Some(s) = s else { return };
            let clock = window().performance();
            let t0 = clock.as_ref().map_or(0.0, |p| p.now());
            let drawn = canvas::paint(&pin, s, 0.0, s.pinned, theme)
                .and_then(|_| canvas::paint(&main, s, s.pinned, s.width, theme));
            match drawn {
                Ok(()) => {
                    draw_ms.set(clock.map_or(0.0, |p| p.now()) - t0);
                    error.set(None);
                    draws.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    });

    let caption_id = format!("chart-{kind}-caption");
    let table_id = format!("chart-{kind}-data");
    let save = move |svg: bool| {
        let Some(scene) = download.run(()) else {
            return;
        };
        let file = file.get_untracked();
        let saved = if svg {
            export::save_svg(&scene, &file)
        } else {
            export::save_png(&scene, &file)
        };
        if let Err(e) = saved {
            error.set(Some(e));
        }
    };
    let shown = move || open.get() || table_first.get();
    let scrolls = move || scene.with(|s| s.as_ref().is_some_and(|s| s.width > width.get() + 1.0));
    // Reactive attributes are given as owned text, like most on the page, so that one copy of
    // the code that keeps an attribute up to date serves them all.
    view! {
        <figure class="chart" data-testid=format!("chart-{kind}") data-draws=move || draws.get().to_string() data-draw-ms=move || format!("{:.2}", draw_ms.get())>
            <div class="chart-sizer" node_ref=sizer_ref aria-hidden="true"></div>
            <div
                class="chart-view"
                dir="ltr"
                tabindex=move || scrolls().then(|| "0".to_string())
                aria-label=move || scrolls().then(|| strings().charts.scroll_hint.to_string())
                class:scrolls=scrolls
                class:failed=move || error.with(Option::is_some)
            >
                <canvas class="chart-pinned" node_ref=pinned_ref aria-hidden="true"></canvas>
                <canvas
                    class="chart-canvas"
                    dir="ltr"
                    node_ref=main_ref
                    role="img"
                    aria-labelledby=caption_id.clone()
                ></canvas>
            </div>
            <p class="chart-error" role="alert" data-testid="chart-error" hidden=move || error.with(Option::is_none)>
                {move || error.get().map(|e| fill(strings().charts.failed, &[("error", &e)]))}
            </p>
            <figcaption id=caption_id data-testid="chart-caption">{move || caption.get()}</figcaption>
            <p class="note" data-testid="chart-note" hidden=move || note.with(Option::is_none)>{move || note.get()}</p>
            <div class="chart-actions">
                <button
                    type="button"
                    class="secondary"
                    data-testid="chart-data-toggle"
                    aria-expanded=move || shown().to_string()
                    aria-controls=table_id.clone()
                    on:click=move |_| open.set(!shown())
                >
                    {move || if shown() { strings().charts.hide_data } else { strings().charts.show_data }}
                </button>
                <button type="button" class="secondary" data-testid="chart-download-svg" on:click=move |_| save(true)>
                    {tr(|s| s.charts.download_svg)}
                </button>
                <button type="button" class="secondary" data-testid="chart-download-png" on:click=move |_| save(false)>
                    {tr(|s| s.charts.download_png)}
                </button>
            </div>
            <div class="table-scroll" id=table_id hidden=move || !shown()>
                {when(shown, move || view! {
                    <DataTableView table />
                }.into_any())}
            </div>
        </figure>
    }
}

/// A chart's data as an HTML table.
#[component]
fn DataTableView(table: Signal<Option<DataTable>>) -> impl IntoView {
    move || {
        table.with(|t| {
            t.as_ref().map(|t| {
                let head = t
                    .head
                    .iter()
                    .map(|h| view! { <th scope="col">{h.clone()}</th> })
                    .collect_view();
                let rows = t
                    .rows
                    .iter()
                    .map(|row| {
                        let mut cells = row.iter();
                        let first = cells.next().cloned().unwrap_or_default();
                        let rest = cells.map(|c| view! { <td>{c.clone()}</td> }).collect_view();
                        view! { <tr><th scope="row">{first}</th>{rest}</tr> }
                    })
                    .collect_view();
                view! {
                    <table class="data" data-testid="chart-data-table">
                        <thead><tr>{head}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
            })
        })
    }
}
