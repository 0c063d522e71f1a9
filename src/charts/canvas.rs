//! A scene on one of the page's canvases, sharp at the screen's device pixel ratio.
//!
//! The canvas backend is the project's own plotters backend rather than plotters-canvas: it
//! remembers the context's fill, stroke, font and text anchor and sets them only when they
//! change. A labelled 36 x 36 heatmap is about 1,300 rectangles and 1,300 texts; setting the
//! font, alignment, baseline and colour again for every text (each a call into JavaScript,
//! the font and colour parsed again by the browser) cost more than drawing the text.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

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
    draw(
        canvas,
        scene,
        Placement {
            scale: dpr,
            offset_x: from,
            text: 1.0,
            theme,
        },
    )
}

/// Draws `scene` on `canvas`, whose size is already set.
pub fn draw(canvas: &HtmlCanvasElement, scene: &Scene, at: Placement) -> Result<(), String> {
    let mut backend = Canvas::new(canvas).ok_or("no 2d context")?;
    render(&mut backend, scene, at)
}

/// Why the canvas refused a drawing call.
#[derive(Debug)]
pub struct CanvasError(&'static str);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "canvas: {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

/// A colour as the context last received it.
type Rgba = (u8, u8, u8, u64);

fn key(c: BackendColor) -> Rgba {
    (c.rgb.0, c.rgb.1, c.rgb.2, c.alpha.to_bits())
}

fn css(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!("rgba({r},{g},{b},{})", c.alpha)
}

/// A 2D context and the state it was last given.
struct Canvas {
    size: (u32, u32),
    ctx: CanvasRenderingContext2d,
    fill: Option<Rgba>,
    stroke: Option<(Rgba, u32)>,
    font: Option<(u64, bool)>,
    anchor: Option<(&'static str, &'static str)>,
}

impl Canvas {
    fn new(canvas: &HtmlCanvasElement) -> Option<Self> {
        let ctx = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(Canvas {
            size: (canvas.width(), canvas.height()),
            ctx,
            fill: None,
            stroke: None,
            font: None,
            anchor: None,
        })
    }

    fn set_fill(&mut self, c: BackendColor) {
        if self.fill != Some(key(c)) {
            self.ctx.set_fill_style_str(&css(c));
            self.fill = Some(key(c));
        }
    }

    fn set_stroke(&mut self, c: BackendColor, width: u32) {
        if self.stroke != Some((key(c), width)) {
            self.ctx.set_stroke_style_str(&css(c));
            self.ctx.set_line_width(width as f64);
            self.stroke = Some((key(c), width));
        }
    }

    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>) {
        self.ctx.begin_path();
        for (i, (x, y)) in points.into_iter().enumerate() {
            if i == 0 {
                self.ctx.move_to(x as f64, y as f64);
            } else {
                self.ctx.line_to(x as f64, y as f64);
            }
        }
    }
}

type Drawn = Result<(), DrawingErrorKind<CanvasError>>;

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, c: BackendColor) -> Drawn {
        self.draw_rect((x, y), (x + 1, y + 1), &c, true)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> Drawn {
        self.draw_path([from, to], s)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        s: &S,
        fill: bool,
    ) -> Drawn {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y, w, h) = (x0 as f64, y0 as f64, (x1 - x0) as f64, (y1 - y0) as f64);
        if fill {
            self.set_fill(s.color());
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.set_stroke(s.color(), s.stroke_width());
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Drawn {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        self.set_stroke(s.color(), s.stroke_width());
        self.trace(path);
        self.ctx.stroke();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Drawn {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        self.set_fill(s.color());
        self.trace(path);
        self.ctx.close_path();
        self.ctx.fill();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        s: &S,
        fill: bool,
    ) -> Drawn {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        self.ctx.begin_path();
        self.ctx
            .arc(
                x as f64,
                y as f64,
                radius as f64,
                0.0,
                std::f64::consts::TAU,
            )
            .map_err(|_| DrawingErrorKind::DrawingError(CanvasError("arc")))?;
        if fill {
            self.set_fill(s.color());
            self.ctx.fill();
        } else {
            self.set_stroke(s.color(), s.stroke_width());
            self.ctx.stroke();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, s: &S, (x, y): BackendCoord) -> Drawn {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        if !matches!(s.transform(), FontTransform::None) {
            // Scenes only hold level text.
            return Err(DrawingErrorKind::DrawingError(CanvasError("rotated text")));
        }
        let font = (s.size().to_bits(), s.style().as_str() == "bold");
        if self.font != Some(font) {
            self.ctx.set_font(&format!(
                "{} {}px {}",
                s.style().as_str(),
                s.size(),
                s.family().as_str()
            ));
            self.font = Some(font);
        }
        let anchor = s.anchor();
        let anchor = (
            match anchor.h_pos {
                HPos::Left => "left",
                HPos::Right => "right",
                HPos::Center => "center",
            },
            match anchor.v_pos {
                VPos::Top => "top",
                VPos::Center => "middle",
                VPos::Bottom => "bottom",
            },
        );
        if self.anchor != Some(anchor) {
            self.ctx.set_text_align(anchor.0);
            self.ctx.set_text_baseline(anchor.1);
            self.anchor = Some(anchor);
        }
        self.set_fill(s.color());
        self.ctx
            .fill_text(text, x as f64, y as f64)
            .map_err(|_| DrawingErrorKind::DrawingError(CanvasError("text")))
    }
}
