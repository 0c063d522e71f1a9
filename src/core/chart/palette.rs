//! Colours for light and dark pages. Series use the Okabe-Ito palette, which stays distinct
//! for the common colour-vision deficiencies; the heatmap uses a one-hue ramp (ColorBrewer
//! "Blues"), read by lightness alone.

use super::scene::Paint;

/// The page's colour scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// An sRGB colour with opacity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgba(pub u8, pub u8, pub u8, pub f64);

const fn hex(v: u32) -> Rgba {
    Rgba((v >> 16) as u8, (v >> 8) as u8, v as u8, 1.0)
}

const SERIES_LIGHT: [Rgba; 6] = [
    hex(0x0072B2),
    hex(0xD55E00),
    hex(0x009E73),
    hex(0xCC79A7),
    hex(0xE69F00),
    hex(0x56B4E9),
];
const SERIES_DARK: [Rgba; 6] = [
    hex(0x56B4E9),
    hex(0xE69F00),
    hex(0x2FC197),
    hex(0xE38FC0),
    hex(0xF0E442),
    hex(0xF07F3C),
];

const BLUES: [u32; 9] = [
    0xF7FBFF, 0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C, 0x08306B,
];

/// The background of a chart.
pub fn background(theme: Theme) -> Rgba {
    match theme {
        Theme::Light => hex(0xFFFFFF),
        Theme::Dark => hex(0x1B2026),
    }
}

/// The colour of `paint` on a chart of `theme`.
pub fn colour(paint: Paint, theme: Theme) -> Rgba {
    let dark = theme == Theme::Dark;
    let pick = |light: u32, dark_v: u32| hex(if dark { dark_v } else { light });
    match paint {
        Paint::Text => pick(0x1B1F24, 0xE6E9EC),
        Paint::Muted => pick(0x57606A, 0x9AA4AE),
        Paint::Grid => pick(0xE4E8EC, 0x2C333B),
        Paint::Axis => pick(0x8C959F, 0x6E7781),
        Paint::Series(i) => series(i, theme),
        Paint::Band(i) => {
            let Rgba(r, g, b, _) = series(i, theme);
            Rgba(r, g, b, if dark { 0.32 } else { 0.22 })
        }
        Paint::Gain => series(2, theme),
        Paint::Return => series(5, theme),
        Paint::Loss => series(1, theme),
        Paint::Expansion => series(0, theme),
        Paint::Contraction => series(3, theme),
        Paint::Heat(share) => heat(share),
        Paint::HeatText(share) => {
            // White on dark cells, black on light ones: both at least 4.5:1.
            if luminance(heat(share)) < 0.18 {
                hex(0xFFFFFF)
            } else {
                hex(0x000000)
            }
        }
    }
}

fn series(i: usize, theme: Theme) -> Rgba {
    let set = match theme {
        Theme::Light => &SERIES_LIGHT,
        Theme::Dark => &SERIES_DARK,
    };
    set[i % set.len()]
}

/// The heatmap colour of a share: light for small shares, dark blue for large ones.
pub fn heat(share: f64) -> Rgba {
    let t = if share.is_finite() {
        share.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let pos = t * (BLUES.len() - 1) as f64;
    let i = (pos.floor() as usize).min(BLUES.len() - 2);
    let f = pos - i as f64;
    let (a, b) = (hex(BLUES[i]), hex(BLUES[i + 1]));
    let mix = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * f).round() as u8;
    Rgba(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2), 1.0)
}

/// Relative luminance (WCAG 2).
pub fn luminance(c: Rgba) -> f64 {
    let lin = |v: u8| {
        let s = v as f64 / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// WCAG contrast ratio of two opaque colours.
pub fn contrast(a: Rgba, b: Rgba) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `#rrggbb`, for SVG attributes and CSS.
pub fn css(c: Rgba) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heat_cell_text_is_readable_at_every_share() {
        for i in 0..=100 {
            let share = i as f64 / 100.0;
            let ratio = contrast(colour(Paint::HeatText(share), Theme::Light), heat(share));
            assert!(ratio >= 4.5, "share {share}: contrast {ratio:.2}");
        }
    }

    #[test]
    fn text_and_lines_stand_out_in_both_themes() {
        for theme in [Theme::Light, Theme::Dark] {
            let bg = background(theme);
            assert!(
                contrast(colour(Paint::Text, theme), bg) >= 7.0,
                "{theme:?} text"
            );
            assert!(
                contrast(colour(Paint::Muted, theme), bg) >= 4.5,
                "{theme:?} muted"
            );
            for i in 0..4 {
                let c = contrast(colour(Paint::Series(i), theme), bg);
                assert!(c >= 3.0, "{theme:?} series {i}: {c:.2}");
            }
        }
    }

    #[test]
    fn heat_runs_from_light_to_dark() {
        assert_eq!(heat(0.0), hex(0xF7FBFF));
        assert_eq!(heat(1.0), hex(0x08306B));
        assert!(luminance(heat(0.3)) > luminance(heat(0.6)));
        assert_eq!(heat(f64::NAN), heat(0.0));
    }

    #[test]
    fn series_colours_differ() {
        for theme in [Theme::Light, Theme::Dark] {
            for i in 0..6 {
                for j in i + 1..6 {
                    assert_ne!(series(i, theme), series(j, theme));
                }
            }
        }
        assert_eq!(css(hex(0x0072B2)), "#0072b2");
    }
}
