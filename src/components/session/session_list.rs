//! The list of saved sessions: a table with a row per session and each row's buttons. Only
//! the rows in view (and a few either side) are drawn, so that ten thousand sessions open as
//! quickly as ten; scrolling, or the arrow keys on a row's button, bring any other into view.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::sessions::{Sessions, Summary};
use crate::app::state::{tr, use_strings};
use crate::core::session::local_time;
use crate::i18n::{fill, Text};
use crate::web::focus::focus_testid_soon;

/// A row's height in CSS pixels until one is measured.
const ROW_GUESS: f64 = 44.0;
/// Rows drawn above and below those in view.
const OVERSCAN: usize = 8;
/// Rows in view at the least (the list's box is closed, or not yet measured).
const MIN_ROWS: usize = 12;

/// Which rows to draw: the first, and how many.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Window {
    first: usize,
    rows: usize,
}

impl Window {
    /// The rows to draw when the view, `height` pixels high, starts `offset` pixels into the
    /// rows, each `row` pixels high.
    fn at(offset: f64, height: f64, row: f64) -> Window {
        let row = if row > 0.0 { row } else { ROW_GUESS };
        let in_view = ((height / row).ceil() as usize + 1).max(MIN_ROWS);
        let top = (offset.max(0.0) / row).floor() as usize;
        Window {
            first: top.saturating_sub(OVERSCAN),
            rows: in_view + 2 * OVERSCAN,
        }
    }

    /// The rows drawn of a list of `len`: the window, moved up where the list is shorter.
    fn of(self, len: usize) -> std::ops::Range<usize> {
        let first = self.first.min(len.saturating_sub(self.rows));
        first..(first + self.rows).min(len)
    }
}

/// The table of saved sessions, last changed first, with each row's buttons. Rows are keyed
/// by what they show, so a change redraws only the rows it touches.
#[component]
pub fn SessionTable(sessions: Sessions) -> impl IntoView {
    let scroller = NodeRef::<Div>::new();
    let window = RwSignal::new(Window::at(0.0, 0.0, ROW_GUESS));
    let row_height = StoredValue::new(ROW_GUESS);
    // Where the rows start in the scrolled box, and how high it is.
    let geometry = move || {
        let el = scroller.get_untracked()?;
        let above = el.query_selector("tr.spacer-top").ok().flatten()?;
        let below = el.query_selector("tr.spacer-bottom").ok().flatten()?;
        // The rows drawn lie between the two spacers: their height on average.
        let (above, below) = (
            above.get_bounding_client_rect(),
            below.get_bounding_client_rect(),
        );
        let drawn = window.get_untracked().of(sessions.count()).len();
        let height = below.top() - above.bottom();
        if drawn > 0 && height > 0.0 {
            row_height.set_value(height / drawn as f64);
        }
        let top = above.top() - el.get_bounding_client_rect().top() + f64::from(el.scroll_top());
        Some((el, top, row_height.get_value()))
    };
    let measure = move || {
        if let Some((el, top, row)) = geometry() {
            let next = Window::at(
                f64::from(el.scroll_top()) - top,
                f64::from(el.client_height()),
                row,
            );
            if window.get_untracked() != next {
                window.set(next);
            }
        }
    };
    let rows = move || {
        let open = sessions.head().0;
        let not_saved = sessions.not_saved();
        let range = window.get().of(sessions.count());
        sessions
            .rows(range)
            .into_iter()
            .map(|(index, item)| {
                let is_open = item.id == open;
                let saved = !not_saved.contains(&item.id);
                (index, item, is_open, saved)
            })
            .collect::<Vec<_>>()
    };
    let key = |(index, item, is_open, saved): &(usize, Summary, bool, bool)| {
        (
            *index,
            item.id.clone(),
            item.name.clone(),
            item.created,
            item.modified,
            item.newer,
            *is_open,
            *saved,
        )
    };
    let spacer = move |above: bool| {
        move || {
            let len = sessions.count();
            let range = window.get().of(len);
            let hidden = if above { range.start } else { len - range.end };
            format!("{}px", hidden as f64 * row_height.get_value())
        }
    };
    // The arrow keys, Page Up and Down, Home and End move between the rows' buttons, drawing
    // the row they move to.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let len = sessions.count();
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Some(at) = target
            .closest("tr[data-index]")
            .ok()
            .flatten()
            .and_then(|row| row.get_attribute("data-index")?.parse::<usize>().ok())
        else {
            return;
        };
        let Some((el, top, row)) = geometry() else {
            return;
        };
        let page = ((f64::from(el.client_height()) / row).floor() as usize).max(1);
        let to = match ev.key().as_str() {
            "ArrowDown" => at + 1,
            "ArrowUp" => at.saturating_sub(1),
            "PageDown" => at + page,
            "PageUp" => at.saturating_sub(page),
            "Home" => 0,
            "End" => len.saturating_sub(1),
            _ => return,
        }
        .min(len.saturating_sub(1));
        ev.prevent_default();
        // Scrolled just enough to show the row below the sticky header.
        let header = el
            .query_selector("thead")
            .ok()
            .flatten()
            .map_or(0.0, |h| h.get_bounding_client_rect().height());
        let row_top = top + to as f64 * row;
        let scroll = f64::from(el.scroll_top());
        if row_top - header < scroll {
            el.set_scroll_top((row_top - header) as i32);
        } else if row_top + row > scroll + f64::from(el.client_height()) {
            el.set_scroll_top((row_top + row - f64::from(el.client_height())).ceil() as i32);
        }
        measure();
        let testid = target.get_attribute("data-testid").unwrap_or_default();
        // Once the row is drawn: the same button, or the row's first where it has none.
        request_animation_frame(move || {
            let Some(el) = scroller.get_untracked() else {
                return;
            };
            let row = format!("tr[data-index=\"{to}\"]");
            let found = el
                .query_selector(&format!("{row} [data-testid=\"{testid}\"]"))
                .ok()
                .flatten()
                .or_else(|| el.query_selector(&format!("{row} button")).ok().flatten());
            if let Some(button) = found.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = button.focus();
            }
        });
    };
    view! {
        <div
            class="session-scroll"
            node_ref=scroller
            role="region"
            aria-labelledby="sessions-caption"
            tabindex="0"
            data-testid="session-scroll"
            on:scroll=move |_| measure()
        >
            <table aria-rowcount=move || sessions.count() + 1>
                <caption id="sessions-caption">{tr(|s| s.sessions_caption)}</caption>
                <thead>
                    <tr aria-rowindex="1">
                        <th scope="col">{tr(|s| s.session_col_name)}</th>
                        <th scope="col">{tr(|s| s.session_col_created)}</th>
                        <th scope="col">{tr(|s| s.session_col_modified)}</th>
                        <th scope="col">{tr(|s| s.session_col_actions)}</th>
                    </tr>
                </thead>
                <tbody on:keydown=on_key>
                    <tr class="spacer-top" aria-hidden="true" style:height=spacer(true)>
                        <td colspan="4"></td>
                    </tr>
                    <For each=rows key=key let((index, item, is_open, saved))>
                        <SessionRow sessions item index is_open saved />
                    </For>
                    <tr class="spacer-bottom" aria-hidden="true" style:height=spacer(false)>
                        <td colspan="4"></td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

/// One saved session in the list: its name, when it was created and last changed, and its
/// buttons (open, duplicate, delete), each labelled with the session's name; marked "not
/// saved" while its latest changes are only in the page's memory. `index` is its place in
/// the list, from 0.
#[component]
fn SessionRow(
    sessions: Sessions,
    item: Summary,
    index: usize,
    is_open: bool,
    saved: bool,
) -> impl IntoView {
    let strings = use_strings();
    // In the user's time zone as it was at that moment.
    let time = move |millis: i64| {
        move || {
            let offset = -js_sys::Date::new(&(millis as f64).into()).get_timezone_offset();
            strings()
                .number_style
                .localize(&local_time(millis, offset as i32))
        }
    };
    // A session whose name was cleared is still named, in words, in the list and its
    // buttons' labels.
    let unnamed = item.name.trim().is_empty();
    let name: std::sync::Arc<str> = item.name.as_str().into();
    let shown = move || match unnamed {
        true => strings().session_unnamed.to_string(),
        false => name.to_string(),
    };
    let label = {
        let shown = shown.clone();
        move |named: Text| {
            let shown = shown.clone();
            move || fill(named(strings()), &[("name", &shown())])
        }
    };
    let button = |testid: &'static str, text: Text, named: Text, act: Box<dyn Fn()>| {
        view! {
            <button
                type="button"
                class="secondary"
                data-testid=testid
                aria-label=label(named)
                on:click=move |_| act()
            >
                {tr(text)}
            </button>
        }
    };
    let (open_id, copy_id, delete_id) = (item.id.clone(), item.id.clone(), item.id.clone());
    let first = if is_open {
        view! { <span class="hint">{tr(|s| s.session_open_now)}</span> }.into_any()
    } else {
        button(
            "open-session",
            |s| s.open_session,
            |s| s.open_session_named,
            Box::new(move || sessions.open(&open_id)),
        )
        .into_any()
    };
    let title = shown.clone();
    view! {
        <tr
            data-testid="session-row"
            data-index=index
            aria-rowindex=index + 2
            aria-current=is_open.then_some("true")
        >
            // On one line (cut short with "…", the whole name in its title and the buttons'
            // labels), so that every row is as high as the others.
            <th scope="row" title=title class:unnamed=unnamed>
                <span class="session-row-name" dir="auto">
                    {shown}
                    {item
                        .newer
                        .then(|| {
                            view! { <span class="badge">{tr(|s| s.session_newer_badge)}</span> }
                        })}
                    {(!saved)
                        .then(|| {
                            view! {
                                <span class="badge" data-testid="not-saved">
                                    {tr(|s| s.session_not_saved_badge)}
                                </span>
                            }
                        })}
                </span>
            </th>
            <td>{time(item.created)}</td>
            <td>{time(item.modified)}</td>
            <td>
                <div class="row-actions">
                    {first}
                    {button(
                        "duplicate-row",
                        |s| s.duplicate_session,
                        |s| s.duplicate_session_named,
                        Box::new(move || duplicate(sessions, &copy_id)),
                    )}
                    {button(
                        "delete-session",
                        |s| s.delete_session,
                        |s| s.delete_session_named,
                        Box::new(move || {
                            sessions.delete(&delete_id);
                            // The row is gone: the keyboard goes on from its Undo.
                            focus_testid_soon("undo-delete");
                        }),
                    )}
                </div>
            </td>
        </tr>
    }
}

/// Copies session `id` under "… (copy)" and opens the copy.
pub(super) fn duplicate(sessions: Sessions, id: &str) {
    let s = crate::app::locale::current();
    sessions.duplicate(id, |name| fill(s.session_copy_name, &[("name", name)]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_covers_the_view_and_a_few_rows_either_side() {
        // At the top: what fits, and the rows below it.
        assert_eq!(Window::at(0.0, 440.0, 44.0).of(10_000), 0..28);
        // 100 rows down: from 8 rows above the first in view.
        assert_eq!(Window::at(4400.0, 440.0, 44.0).of(10_000), 92..120);
        // At the end the window moves up rather than drawing fewer rows.
        assert_eq!(Window::at(1e9, 440.0, 44.0).of(10_000), 9972..10_000);
        // A list shorter than the window is drawn whole; a closed box draws the least.
        assert_eq!(Window::at(0.0, 0.0, 44.0).of(5), 0..5);
        assert_eq!(Window::at(0.0, 0.0, 0.0).of(100), 0..28);
    }
}
