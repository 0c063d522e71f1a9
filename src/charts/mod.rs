//! Drawing: a chart's scene (worked out in `crate::core::chart`) walked onto a plotters
//! backend, the page's canvas or an SVG file. One file per chart turns its prepared data
//! and the page's words into a scene; this file draws any scene.

pub mod canvas;
pub mod churn;
pub mod export;
pub mod flows;
pub mod forecast;
pub mod heatmap;
pub mod holdout;
pub mod new_customer;
pub mod p_alive;
pub mod projection;
pub mod revenue_movements;
pub mod revenue_rates;

use std::borrow::Cow;

use plotters::prelude::{DrawingBackend, FontDesc, FontFamily, FontStyle, RGBAColor, ShapeStyle};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::Color;

use crate::core::chart::palette::{background, colour, Rgba, Theme};
use crate::core::chart::scene::{Align, Baseline, Paint, Scene, Shape};

/// The page's font stack (`--font` in style/main.css; a test keeps the two equal): fonts
/// that cover all of Vietnamese before the Persian ones, so that a Vietnamese word is never
/// drawn in two fonts.
pub const FONT_STACK: &str = "-apple-system, BlinkMacSystemFont, \"Segoe UI\", Roboto, \"Noto Sans\", \"Helvetica Neue\", Arial, \"Noto Sans Arabic\", Vazirmatn, Tahoma, system-ui, sans-serif";

/// How a scene lands on a surface.
#[derive(Clone, Copy, Debug)]
pub struct Placement {
    /// Device pixels per CSS pixel.
    pub scale: f64,
    /// CSS pixels cut off at the left (the pinned label column drawn elsewhere).
    pub offset_x: f32,
    /// Text size factor of the backend (SVG text sizes are written smaller by plotters).
    pub text: f64,
    pub theme: Theme,
}

fn rgba(c: Rgba, faded: bool) -> RGBAColor {
    RGBAColor(c.0, c.1, c.2, if faded { c.3 * 0.4 } else { c.3 })
}

/// A text with Persian (or other right-to-left) letters set as one right-to-left piece, as
/// the page sets it: on the charts' left-to-right line the "x" of "نرخ حفظ ۹۰٪ ۱٫۹۴۹x" would
/// otherwise end up on the far side of the name, away from its number. Texts without such
/// letters (ticks and period labels, in any digits) stay as they are. A right-to-left letter
/// is a letter of the Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan or Mandaic blocks or of
/// the Hebrew and Arabic presentation forms.
fn directed(text: &str) -> Cow<'_, str> {
    let rtl = |c: char| {
        c.is_alphabetic()
            && matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
    };
    if text.chars().any(rtl) {
        // Right-to-left isolate ... pop directional isolate.
        Cow::Owned(format!("\u{2067}{text}\u{2069}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Draws `scene` on `backend`, whose size is the scene's (less the offset) times the scale.
pub fn render<DB: DrawingBackend>(
    backend: &mut DB,
    scene: &Scene,
    at: Placement,
) -> Result<(), String> {
    let err = |e: plotters_backend::DrawingErrorKind<DB::ErrorType>| e.to_string();
    let s = at.scale;
    let px = |x: f32, y: f32| -> (i32, i32) {
        (
            ((x - at.offset_x) as f64 * s).round() as i32,
            (y as f64 * s).round() as i32,
        )
    };
    let paint = |p: Paint, faded: bool| rgba(colour(p, at.theme), faded);
    let (w, h) = backend.get_size();
    backend.ensure_prepared().map_err(err)?;
    backend
        .draw_rect(
            (0, 0),
            (w as i32, h as i32),
            &rgba(background(at.theme), false),
            true,
        )
        .map_err(err)?;
    for shape in &scene.shapes {
        match shape {
            Shape::Rect {
                x0,
                y0,
                x1,
                y1,
                paint: p,
                faded,
            } => {
                let (a, b) = (px(*x0, *y0), px(*x1, *y1));
                let (ul, br) = ((a.0.min(b.0), a.1.min(b.1)), (a.0.max(b.0), a.1.max(b.1)));
                backend
                    .draw_rect(ul, br, &paint(*p, *faded), true)
                    .map_err(err)?;
            }
            Shape::Line {
                points,
                paint: p,
                width,
            } => {
                let style = ShapeStyle {
                    color: paint(*p, false),
                    filled: false,
                    stroke_width: ((*width as f64) * s).round().max(1.0) as u32,
                };
                backend
                    .draw_path(points.iter().map(|&(x, y)| px(x, y)), &style)
                    .map_err(err)?;
            }
            Shape::Area { points, paint: p } => {
                backend
                    .fill_polygon(points.iter().map(|&(x, y)| px(x, y)), &paint(*p, false))
                    .map_err(err)?;
            }
            Shape::Dot {
                x,
                y,
                r,
                paint: p,
                faded,
            } => {
                let radius = ((*r as f64) * s).round().max(1.0) as u32;
                backend
                    .draw_circle(px(*x, *y), radius, &paint(*p, *faded), true)
                    .map_err(err)?;
            }
            Shape::Text {
                x,
                y,
                text,
                size,
                align,
                baseline,
                paint: p,
                bold,
            } => {
                let style = if *bold {
                    FontStyle::Bold
                } else {
                    FontStyle::Normal
                };
                let font = FontDesc::new(
                    FontFamily::Name(FONT_STACK),
                    *size as f64 * s * at.text,
                    style,
                );
                let pos = Pos::new(
                    match align {
                        Align::Start => HPos::Left,
                        Align::Middle => HPos::Center,
                        Align::End => HPos::Right,
                    },
                    match baseline {
                        Baseline::Top => VPos::Top,
                        Baseline::Middle => VPos::Center,
                        Baseline::Bottom => VPos::Bottom,
                    },
                );
                let style = font.color(&paint(*p, false).to_rgba()).pos(pos);
                backend
                    .draw_text(&directed(text), &style, px(*x, *y))
                    .map_err(err)?;
            }
        }
    }
    backend.present().map_err(err)
}

/// The scene as an SVG document (light theme, one unit per CSS pixel).
pub fn to_svg(scene: &Scene) -> Result<String, String> {
    let mut out = String::new();
    {
        let size = (scene.width.ceil() as u32, scene.height.ceil() as u32);
        let mut backend = plotters::backend::SVGBackend::with_string(&mut out, size);
        render(
            &mut backend,
            scene,
            Placement {
                scale: 1.0,
                offset_x: 0.0,
                text: 1.24,
                theme: Theme::Light,
            },
        )?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::chart::scene::SMALL;

    fn scene() -> Scene {
        let mut s = Scene::new(200.0, 100.0);
        s.rect((10.0, 10.0), (50.0, 60.0), Paint::Gain, false);
        s.segment((0.0, 0.0), (100.0, 50.0), Paint::Series(0), 2.0);
        s.text(
            20.0,
            80.0,
            "<img src=x onerror=alert(1)> & \"q\"",
            SMALL,
            Align::Start,
            Baseline::Middle,
            Paint::Text,
        );
        s.text(
            20.0,
            90.0,
            "رشد سریع · Tăng trưởng",
            SMALL,
            Align::Start,
            Baseline::Middle,
            Paint::Text,
        );
        s
    }

    #[test]
    fn svg_has_every_shape_and_escapes_text() {
        let svg = to_svg(&scene()).unwrap();
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains("width=\"200\" height=\"100\""));
        assert_eq!(svg.matches("<rect").count(), 2, "background and bar: {svg}");
        assert_eq!(
            svg.matches("<polyline").count() + svg.matches("<path").count(),
            1,
            "{svg}"
        );
        assert_eq!(svg.matches("<text").count(), 2);
        assert!(
            !svg.contains("<img"),
            "user text never becomes markup: {svg}"
        );
        assert!(
            svg.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;"),
            "{svg}"
        );
        assert!(svg.contains("رشد سریع · Tăng trưởng"));
        assert!(svg.contains("Noto Sans Arabic"));
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn right_to_left_text_is_set_apart() {
        assert_eq!(
            directed("نرخ حفظ ۹۰٪ ۱٫۹۴۹x"),
            "\u{2067}نرخ حفظ ۹۰٪ ۱٫۹۴۹x\u{2069}"
        );
        for plain in [
            "۱٫۵x",
            "۲۰۲۴-۰۱",
            "۹۰٪",
            "١٢٫٥",
            "Tăng trưởng 1.949x",
            "Keeps 90%",
        ] {
            assert_eq!(directed(plain), plain);
        }
    }

    #[test]
    fn charts_use_the_page_font_stack() {
        let css = include_str!("../../style/main.css");
        let start = css.find("--font:").expect("--font in main.css") + "--font:".len();
        let value = &css[start..start + css[start..].find(';').expect("end of --font")];
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(words(value), FONT_STACK);
    }

    #[test]
    fn svg_colours_come_from_the_palette() {
        let svg = to_svg(&scene()).unwrap();
        assert!(
            svg.contains("#FFFFFF") || svg.contains("#ffffff"),
            "white background"
        );
        let gain = colour(Paint::Gain, Theme::Light);
        let hex = format!("#{:02X}{:02X}{:02X}", gain.0, gain.1, gain.2);
        assert!(svg.to_uppercase().contains(&hex), "{hex} in {svg}");
    }
}
