//! A scene on one of the page's canvases, sharp at the screen's device pixel ratio.

use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use super::{render, Placement};
use crate::core::chart::palette::Theme;
use crate::core::chart::scene::Scene;

/// Device pixels per CSS pixel (at least 1).
pub fn device_pixel_ratio() -> f64 {
    web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0)
}

/// Draws the columns `from..to` (CSS pixels) of `scene` on `canvas`, which takes their size.
pub fn paint(
    canvas: &HtmlCanvasElement,
    scene: &Scene,
    from: f32,
    to: f32,
    theme: Theme,
) -> Result<(), String> {
    let dpr = device_pixel_ratio();
    let (w, h) = ((to - from).max(0.0), scene.height);
    canvas.set_width((w as f64 * dpr).round() as u32);
    canvas.set_height((h as f64 * dpr).round() as u32);
    let style = canvas.style();
    style
        .set_property("width", &format!("{w}px"))
        .map_err(|_| "style")?;
    style
        .set_property("height", &format!("{h}px"))
        .map_err(|_| "style")?;
    if w == 0.0 {
        return Ok(());
    }
    let mut backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no 2d context")?;
    render(
        &mut backend,
        scene,
        Placement {
            scale: dpr,
            offset_x: from,
            text: 1.0,
            theme,
        },
    )
}
