//! A chart as a list of shapes in CSS pixels, ready to be walked onto any drawing surface.

use super::scale::Scale;
use super::text;

/// What a shape is painted with; [`super::palette`] turns it into a colour for a theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Paint {
    Text,
    Muted,
    Grid,
    Axis,
    /// The n-th series of the colour-blind-safe palette.
    Series(usize),
    /// A series' interval band, see-through.
    Band(usize),
    /// Customers who came in (new).
    Gain,
    /// Customers who came back (returning).
    Return,
    /// Customers who left.
    Loss,
    /// Revenue that customers of the period before added (expansion).
    Expansion,
    /// Revenue that customers of the period before cut back (contraction).
    Contraction,
    /// A heatmap cell holding this share (0 to 1).
    Heat(f64),
    /// Text written on a heatmap cell of this share.
    HeatText(f64),
}

/// Horizontal anchor of a text: its start, middle or end sits on the point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Start,
    Middle,
    End,
}

/// Vertical anchor of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Baseline {
    Top,
    Middle,
    Bottom,
}

/// One thing to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A filled rectangle between two corners; `faded` for data of an incomplete period.
    Rect {
        x0: f32,
        y0: f32,
        x1: f32,
        y1: f32,
        paint: Paint,
        faded: bool,
    },
    /// A polyline.
    Line {
        points: Vec<(f32, f32)>,
        paint: Paint,
        width: f32,
    },
    /// A filled polygon.
    Area {
        points: Vec<(f32, f32)>,
        paint: Paint,
    },
    /// A filled circle; `faded` as for rectangles.
    Dot {
        x: f32,
        y: f32,
        r: f32,
        paint: Paint,
        faded: bool,
    },
    /// A text, drawn literally (never read as markup).
    Text {
        x: f32,
        y: f32,
        text: String,
        size: f32,
        align: Align,
        baseline: Baseline,
        paint: Paint,
        bold: bool,
    },
}

/// A whole chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub width: f32,
    pub height: f32,
    /// The width of a label column at the left that stays in view while the rest scrolls
    /// sideways (0 when nothing is pinned).
    pub pinned: f32,
    pub shapes: Vec<Shape>,
}

/// Font sizes, in CSS pixels.
pub const FONT: f32 = 12.0;
pub const SMALL: f32 = 11.0;

impl Scene {
    pub fn new(width: f32, height: f32) -> Self {
        Scene {
            width,
            height,
            pinned: 0.0,
            shapes: Vec::new(),
        }
    }

    /// Adds a text.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        x: f32,
        y: f32,
        text: impl Into<String>,
        size: f32,
        align: Align,
        baseline: Baseline,
        paint: Paint,
    ) {
        self.shapes.push(Shape::Text {
            x,
            y,
            text: text.into(),
            size,
            align,
            baseline,
            paint,
            bold: false,
        });
    }

    /// Adds a straight line from `a` to `b`.
    pub fn segment(&mut self, a: (f32, f32), b: (f32, f32), paint: Paint, width: f32) {
        self.shapes.push(Shape::Line {
            points: vec![a, b],
            paint,
            width,
        });
    }

    /// Adds a rectangle.
    pub fn rect(&mut self, (x0, y0): (f32, f32), (x1, y1): (f32, f32), paint: Paint, faded: bool) {
        self.shapes.push(Shape::Rect {
            x0,
            y0,
            x1,
            y1,
            paint,
            faded,
        });
    }

    /// Every text of the scene, in drawing order.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.shapes.iter().filter_map(|s| match s {
            Shape::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }

    /// A legend row at `y`: a swatch and a name per entry, wrapping onto further rows when the
    /// width runs out. Returns the y below the legend.
    pub fn legend(&mut self, entries: &[(Paint, &str)], left: f32, right: f32, y: f32) -> f32 {
        let row = FONT + 8.0;
        let (mut x, mut y) = (left, y);
        for (paint, name) in entries {
            let w = 14.0 + 6.0 + super::text::width(name, SMALL) + 16.0;
            if x > left && x + w > right {
                x = left;
                y += row;
            }
            self.rect((x, y + 3.0), (x + 14.0, y + 13.0), *paint, false);
            self.text(
                x + 20.0,
                y + 8.0,
                *name,
                SMALL,
                Align::Start,
                Baseline::Middle,
                Paint::Text,
            );
            x += w;
        }
        y + row
    }

    /// The name of the y axis, written from `y` down, above its labels (which end at `left`).
    pub fn y_title(&mut self, title: &str, left: f32, y: f32) {
        self.text(
            left - 6.0,
            y,
            title,
            SMALL,
            Align::Start,
            Baseline::Top,
            Paint::Muted,
        );
    }

    /// The legend along the top between `left` and `right`, then the y axis's `title` under
    /// it. Returns the top of the plot.
    pub fn legend_and_y_title(
        &mut self,
        entries: &[(Paint, &str)],
        title: &str,
        left: f32,
        right: f32,
    ) -> f32 {
        let legend_end = self.legend(entries, left, right, 4.0);
        self.y_title(title, left, legend_end + 2.0);
        legend_end + 24.0
    }

    /// Horizontal grid lines and value labels on the left for `ticks` of `scale`, from
    /// `left` to `right`.
    pub fn y_axis(
        &mut self,
        scale: &super::scale::Scale,
        ticks: &[(f64, String)],
        left: f32,
        right: f32,
    ) {
        for (v, label) in ticks {
            if let Some(y) = scale.map(*v) {
                self.segment((left, y), (right, y), Paint::Grid, 1.0);
                self.text(
                    left - 6.0,
                    y,
                    label.clone(),
                    SMALL,
                    Align::End,
                    Baseline::Middle,
                    Paint::Muted,
                );
            }
        }
    }
}

impl Scene {
    /// A time axis at `bottom` along `x` (periods 0..=n): a numbered tick about every
    /// `spacing` pixels, the axis line, and `title` under it.
    pub fn period_axis(
        &mut self,
        x: &super::scale::Scale,
        n: usize,
        spacing: f32,
        bottom: f32,
        title: &str,
        style: &crate::core::number::NumberStyle,
    ) {
        let (left, right) = (x.from, x.to);
        let target = ((right - left) / spacing).max(2.0) as usize;
        for t in super::scale::period_ticks(n, target) {
            let px = x.map(t as f64).unwrap_or(left);
            self.segment((px, bottom), (px, bottom + 4.0), Paint::Axis, 1.0);
            self.text(
                px,
                bottom + 7.0,
                style.count(t as i64),
                SMALL,
                Align::Middle,
                Baseline::Top,
                Paint::Muted,
            );
        }
        self.text(
            (left + right) / 2.0,
            bottom + 26.0,
            title,
            SMALL,
            Align::Middle,
            Baseline::Top,
            Paint::Muted,
        );
        self.segment((left, bottom), (right, bottom), Paint::Axis, 1.0);
    }
}

/// The centre of band `i` of `n` equal bands between `left` and `right`.
pub fn band_centre(i: usize, n: usize, left: f32, right: f32) -> f32 {
    left + (right - left) * (i as f32 + 0.5) / n.max(1) as f32
}

/// The left edge of a plot whose y axis writes `ticks`: room for the widest label.
pub fn plot_left(ticks: &[(f64, String)]) -> f32 {
    10.0 + ticks
        .iter()
        .map(|(_, t)| text::width(t, SMALL))
        .fold(0.0, f32::max)
}

impl Scene {
    /// A linear y scale over `min..max`, drawn from `bottom` up to `top`, with its axis and
    /// `ticks` between `left` and `right`.
    pub fn linear_y_axis(
        &mut self,
        (min, max): (f64, f64),
        (top, bottom): (f32, f32),
        ticks: &[(f64, String)],
        left: f32,
        right: f32,
    ) -> Scale {
        let y = Scale {
            min,
            max,
            from: bottom,
            to: top,
            log: false,
        };
        self.y_axis(&y, ticks, left, right);
        y
    }

    /// A line in the text colour through `points` (x, y, and whether the point's period is
    /// incomplete, drawn faded), with a dot on each point when the periods' bands are wide
    /// enough (`band`) to tell the points apart, or when there is one point only.
    pub fn line_with_dots(&mut self, points: Vec<(f32, f32, bool)>, band: f32) {
        if points.len() > 1 {
            self.shapes.push(Shape::Line {
                points: points.iter().map(|p| (p.0, p.1)).collect(),
                paint: Paint::Text,
                width: 2.0,
            });
        }
        if band >= 6.0 || points.len() == 1 {
            for (x, y, faded) in points {
                self.shapes.push(Shape::Dot {
                    x,
                    y,
                    r: 3.0,
                    paint: Paint::Text,
                    faded,
                });
            }
        }
    }

    /// Period names under `n` equal bands, every k-th one so that none overlaps the next.
    pub fn period_labels(&mut self, labels: &[String], left: f32, right: f32, y: f32) {
        let n = labels.len();
        if n == 0 {
            return;
        }
        let band = (right - left) / n as f32;
        let widest = labels
            .iter()
            .map(|l| super::text::width(l, SMALL))
            .fold(0.0, f32::max);
        let step = ((widest + 10.0) / band).ceil().max(1.0) as usize;
        for (i, label) in labels.iter().enumerate().step_by(step) {
            let x = band_centre(i, n, left, right);
            self.segment((x, y - 7.0), (x, y - 3.0), Paint::Axis, 1.0);
            self.text(
                x,
                y,
                label.clone(),
                SMALL,
                Align::Middle,
                Baseline::Top,
                Paint::Muted,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legend_wraps_when_the_row_is_full() {
        let mut s = Scene::new(200.0, 100.0);
        let names = [
            (Paint::Gain, "New customers"),
            (Paint::Loss, "Lost customers"),
            (Paint::Series(0), "Net change"),
        ];
        let below = s.legend(&names, 10.0, 190.0, 0.0);
        assert!(
            below > 2.0 * (FONT + 8.0) - 0.1,
            "three long names need more than one row: {below}"
        );
        let wide = Scene::new(900.0, 100.0).legend(&names, 10.0, 890.0, 0.0);
        assert_eq!(wide, FONT + 8.0);
    }

    #[test]
    fn period_labels_thin_out_instead_of_overlapping() {
        let labels: Vec<String> = (0..120)
            .map(|i| format!("{}-{:02}", 2015 + i / 12, i % 12 + 1))
            .collect();
        let mut s = Scene::new(600.0, 100.0);
        s.period_labels(&labels, 50.0, 590.0, 80.0);
        let xs: Vec<f32> = s
            .shapes
            .iter()
            .filter_map(|sh| match sh {
                Shape::Text { x, .. } => Some(*x),
                _ => None,
            })
            .collect();
        assert!(xs.len() > 5 && xs.len() < 120, "{}", xs.len());
        let w = super::super::text::width("2015-01", SMALL);
        assert!(xs.windows(2).all(|p| p[1] - p[0] >= w), "labels overlap");
        let mut wide = Scene::new(2000.0, 100.0);
        wide.period_labels(&labels[..12], 0.0, 2000.0, 80.0);
        assert_eq!(wide.texts().count(), 12);
    }
}
