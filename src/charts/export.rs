//! A chart saved as a file: SVG from the SVG backend, PNG from a canvas off the page.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Blob, HtmlCanvasElement};

use super::{canvas::draw, to_svg, Placement};
use crate::core::chart::palette::Theme;
use crate::core::chart::scene::Scene;
use crate::web::download::{save_blob, save_text};

/// Device pixels per CSS pixel in saved PNG files.
const PNG_SCALE: f64 = 2.0;

/// Saves the chart as `{name}.svg`.
pub fn save_svg(scene: &Scene, name: &str) -> Result<(), String> {
    save_text(&format!("{name}.svg"), "image/svg+xml", &to_svg(scene)?)
}

/// Saves the chart as `{name}.png`, at twice the CSS size, light theme.
pub fn save_png(scene: &Scene, name: &str) -> Result<(), String> {
    let canvas: HtmlCanvasElement = leptos::prelude::document()
        .create_element("canvas")
        .map_err(|_| "canvas")?
        .unchecked_into();
    canvas.set_width((scene.width as f64 * PNG_SCALE).ceil() as u32);
    canvas.set_height((scene.height as f64 * PNG_SCALE).ceil() as u32);
    draw(
        &canvas,
        scene,
        Placement {
            scale: PNG_SCALE,
            offset_x: 0.0,
            text: 1.0,
            theme: Theme::Light,
        },
    )?;
    let file = format!("{name}.png");
    let done = Closure::once_into_js(move |blob: Option<Blob>| {
        if let Some(blob) = blob {
            let _ = save_blob(&file, &blob);
        }
    });
    canvas
        .to_blob(done.unchecked_ref())
        .map_err(|_| "png".to_string())
}
