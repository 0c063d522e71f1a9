//! The holdout check of the customers view (docs/metrics.md sections 9.1 and 9.3): repeat
//! transactions counted after the calibration end against those the BG/NBD model predicts,
//! per unit (as Fader, Hardie and Lee's figure 2) or cumulated (their figure 3). The last
//! unit may be cut short by the end of the data.

use super::new_customer::value_ticks;
use super::scale::Scale;
use super::scene::{plot_left, Paint, Scene, Shape};
use super::table::DataTable;
use crate::core::clv::{Holdout, Unit};
use crate::core::number::NumberStyle;

/// What the lines show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HoldoutView {
    /// Each unit's transactions.
    #[default]
    PerUnit,
    /// The running totals from the calibration end.
    Cumulative,
}

/// Every view with its key, for the page's switch.
pub const VIEWS: [(HoldoutView, &str); 2] = [
    (HoldoutView::PerUnit, "per-unit"),
    (HoldoutView::Cumulative, "cumulative"),
];

/// The words the chart writes.
#[derive(Clone, Copy, Debug)]
pub struct Words<'a> {
    /// The x axis: "weeks after the calibration end".
    pub units: &'a str,
    /// Above the y axis: "Repeat transactions".
    pub transactions: &'a str,
    pub actual: &'a str,
    pub predicted: &'a str,
    /// In the legend when the last unit is partial: "* last week partial (3 of 7 days)".
    pub partial: &'a str,
}

/// The paint of each line: counted, then predicted.
pub const ACTUAL: Paint = Paint::Series(0);
pub const PREDICTED: Paint = Paint::Series(1);

/// The days of the last unit when the data end inside it, `None` when it is whole.
pub fn partial_days(h: &Holdout, unit: Unit) -> Option<u32> {
    (!h.units.is_empty() && h.last_unit_days < unit.days()).then_some(h.last_unit_days)
}

/// The points to draw: (unit number, actual, predicted). Per unit, unit i (from 1) holds its
/// own transactions; cumulated, it holds those of units 1 to i, after a first point of 0 at
/// the calibration end.
pub fn series(h: &Holdout, view: HoldoutView) -> Vec<(usize, f64, f64)> {
    match view {
        HoldoutView::PerUnit => h
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (i + 1, u.actual as f64, u.predicted))
            .collect(),
        HoldoutView::Cumulative => {
            let mut out = Vec::with_capacity(h.units.len() + 1);
            out.push((0, 0.0, 0.0));
            let (mut actual, mut predicted) = (0.0, 0.0);
            for (i, u) in h.units.iter().enumerate() {
                actual += u.actual as f64;
                predicted += u.predicted;
                out.push((i + 1, actual, predicted));
            }
            out
        }
    }
}

/// Lays the chart out `width` pixels wide.
pub fn layout(
    h: &Holdout,
    view: HoldoutView,
    unit: Unit,
    width: f32,
    style: &NumberStyle,
    words: Words,
) -> Scene {
    let points = series(h, view);
    let n = h.units.len().max(1);
    let hi = points
        .iter()
        .flat_map(|p| [p.1, p.2])
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let (min, max, ticks) = value_ticks(hi, style);
    let partial = partial_days(h, unit).is_some();
    let mut legend = vec![(ACTUAL, words.actual), (PREDICTED, words.predicted)];
    if partial {
        legend.push((Paint::Muted, words.partial));
    }

    let left = plot_left(&ticks);
    let right = width - 12.0;
    let mut scene = Scene::new(width, 0.0);
    let top = scene.legend_and_y_title(&legend, words.transactions, left, right);
    let bottom = top + (width * 0.4).clamp(180.0, 280.0);
    let x = Scale::periods(n, left, right);
    let y = scene.linear_y_axis((min, max), (top, bottom), &ticks, left, right);
    scene.period_axis(&x, n, 48.0, bottom, words.units, style);

    let dense = (right - left) / n as f32 >= 6.0;
    for (paint, value) in [
        (
            ACTUAL,
            (|p: &(usize, f64, f64)| p.1) as fn(&(usize, f64, f64)) -> f64,
        ),
        (PREDICTED, |p: &(usize, f64, f64)| p.2),
    ] {
        let line: Vec<(f32, f32, bool)> = points
            .iter()
            .filter(|p| value(p).is_finite())
            .filter_map(|p| {
                let last = partial && p.0 == h.units.len();
                Some((x.map(p.0 as f64)?, y.map(value(p))?, last))
            })
            .collect();
        if line.len() > 1 {
            scene.shapes.push(Shape::Line {
                points: line.iter().map(|q| (q.0, q.1)).collect(),
                paint,
                width: 2.0,
            });
        }
        for (px, py, faded) in line.iter().copied() {
            if dense || faded || line.len() == 1 {
                scene.shapes.push(Shape::Dot {
                    x: px,
                    y: py,
                    r: 3.0,
                    paint,
                    faded,
                });
            }
        }
    }
    scene.height = bottom + 46.0;
    scene
}

/// The chart's data, per unit: its number (starred when partial), the actual and predicted
/// repeat transactions, and both running totals. The same whichever view is drawn.
pub fn table(h: &Holdout, unit: Unit, head: [&str; 5], style: &NumberStyle) -> DataTable {
    let last_partial = partial_days(h, unit).is_some();
    let per_unit = series(h, HoldoutView::PerUnit);
    let cumulative = series(h, HoldoutView::Cumulative);
    let rows = per_unit
        .iter()
        .zip(cumulative.iter().skip(1))
        .map(|(p, c)| {
            let star = if last_partial && p.0 == h.units.len() {
                "*"
            } else {
                ""
            };
            vec![
                format!("{}{star}", style.count(p.0 as i64)),
                style.count(p.1 as i64),
                style.fixed(p.2, 1),
                style.count(c.1 as i64),
                style.fixed(c.2, 1),
            ]
        })
        .collect();
    DataTable::new(&head, rows)
}

/// What the caption says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    /// Units after the calibration end, the last one counted even when partial.
    pub units: usize,
    pub actual: u64,
    pub predicted: f64,
    /// The days of a partial last unit.
    pub partial: Option<u32>,
}

/// The caption's figures; `None` when there is no holdout unit.
pub fn summary(h: &Holdout, unit: Unit) -> Option<Summary> {
    (!h.units.is_empty()).then(|| Summary {
        units: h.units.len(),
        actual: h.actual,
        predicted: h.predicted,
        partial: partial_days(h, unit),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::chart::scene::Align;
    use crate::core::clv::HoldoutUnit;

    const WORDS: Words = Words {
        units: "weeks after the calibration end",
        transactions: "Repeat transactions",
        actual: "Actual",
        predicted: "Predicted",
        partial: "* last week partial (3 of 7 days)",
    };

    /// Four weeks, the last of them 3 days long.
    fn holdout() -> Holdout {
        let units: Vec<HoldoutUnit> = [(40, 38.5), (52, 36.0), (30, 34.25), (12, 14.75)]
            .iter()
            .map(|&(actual, predicted)| HoldoutUnit { actual, predicted })
            .collect();
        Holdout {
            actual: units.iter().map(|u| u.actual).sum(),
            predicted: units.iter().map(|u| u.predicted).sum(),
            units,
            last_unit_days: 3,
        }
    }

    fn lines(scene: &Scene, paint: Paint) -> Vec<Vec<(f32, f32)>> {
        scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Line {
                    points, paint: p, ..
                } if *p == paint => Some(points.clone()),
                _ => None,
            })
            .collect()
    }

    /// The value at pixel `y`, read back from the lowest and highest ticks.
    fn value_at(scene: &Scene, y: f32) -> f64 {
        let ticks: Vec<(f32, f64)> = scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { y, text, align, .. } if *align == Align::End => {
                    Some((*y, text.parse().ok()?))
                }
                _ => None,
            })
            .collect();
        let ((y0, v0), (y1, v1)) = (ticks[0], ticks[ticks.len() - 1]);
        v0 + (v1 - v0) * f64::from((y - y0) / (y1 - y0))
    }

    #[test]
    fn per_unit_lines_hold_each_weeks_counts() {
        let h = holdout();
        let scene = layout(
            &h,
            HoldoutView::PerUnit,
            Unit::Weeks,
            600.0,
            &NumberStyle::ENGLISH,
            WORDS,
        );
        let actual = &lines(&scene, ACTUAL)[0];
        let predicted = &lines(&scene, PREDICTED)[0];
        assert_eq!((actual.len(), predicted.len()), (4, 4));
        let read = |l: &[(f32, f32)]| -> Vec<f64> {
            l.iter()
                .map(|p| (value_at(&scene, p.1) * 100.0).round() / 100.0)
                .collect()
        };
        assert_eq!(read(actual), vec![40.0, 52.0, 30.0, 12.0]);
        assert_eq!(read(predicted), vec![38.5, 36.0, 34.25, 14.75]);
        // Week i sits at i on the axis: the same x for both lines, left to right.
        assert!(actual.iter().zip(predicted).all(|(a, p)| a.0 == p.0));
        assert!(actual.windows(2).all(|p| p[1].0 > p[0].0));
        let texts: Vec<&str> = scene.texts().collect();
        for t in [
            "Actual",
            "Predicted",
            "* last week partial (3 of 7 days)",
            "0",
            "4",
        ] {
            assert!(texts.contains(&t), "{t} in {texts:?}");
        }
        // The partial week's dots are faded, the others not.
        let faded: Vec<bool> = scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Dot { faded, .. } => Some(*faded),
                _ => None,
            })
            .collect();
        assert_eq!(
            faded,
            vec![false, false, false, true, false, false, false, true]
        );
    }

    #[test]
    fn cumulative_lines_start_at_zero_and_end_on_the_totals() {
        let h = holdout();
        let scene = layout(
            &h,
            HoldoutView::Cumulative,
            Unit::Weeks,
            600.0,
            &NumberStyle::ENGLISH,
            WORDS,
        );
        let actual = &lines(&scene, ACTUAL)[0];
        let predicted = &lines(&scene, PREDICTED)[0];
        assert_eq!(actual.len(), 5);
        assert_eq!(
            actual[0], predicted[0],
            "both start at 0 at the calibration end"
        );
        assert!((value_at(&scene, actual[0].1)).abs() < 1e-6);
        assert!((value_at(&scene, actual[4].1) - 134.0).abs() < 0.01);
        assert!((value_at(&scene, predicted[4].1) - 123.5).abs() < 0.01);
        assert!(
            actual.windows(2).all(|p| p[1].1 <= p[0].1),
            "running totals never fall"
        );
        assert_eq!(
            series(&h, HoldoutView::Cumulative)[2],
            (2, 92.0, 74.5),
            "weeks 1 and 2"
        );
    }

    #[test]
    fn a_whole_last_unit_has_no_partial_mark() {
        let mut h = holdout();
        h.last_unit_days = 7;
        assert_eq!(partial_days(&h, Unit::Weeks), None);
        let scene = layout(
            &h,
            HoldoutView::PerUnit,
            Unit::Weeks,
            600.0,
            &NumberStyle::ENGLISH,
            WORDS,
        );
        assert!(!scene.texts().any(|t| t.starts_with('*')));
        assert!(!scene
            .shapes
            .iter()
            .any(|s| matches!(s, Shape::Dot { faded: true, .. })));
        let t = table(&h, Unit::Weeks, ["", "", "", "", ""], &NumberStyle::ENGLISH);
        assert_eq!(t.rows[3][0], "4");
        // A day is never partial.
        h.last_unit_days = 1;
        assert_eq!(partial_days(&h, Unit::Days), None);
    }

    #[test]
    fn table_rows_mark_the_partial_unit() {
        let h = holdout();
        let head = [
            "Week",
            "Actual",
            "Predicted",
            "Actual, cumulative",
            "Predicted, cumulative",
        ];
        let t = table(&h, Unit::Weeks, head, &NumberStyle::ENGLISH);
        assert_eq!(t.head, head);
        assert_eq!(t.rows.len(), 4);
        assert_eq!(t.rows[0], vec!["1", "40", "38.5", "40", "38.5"]);
        assert_eq!(t.rows[1], vec!["2", "52", "36.0", "92", "74.5"]);
        assert_eq!(t.rows[3], vec!["4*", "12", "14.8", "134", "123.5"]);
        let s = summary(&h, Unit::Weeks).unwrap();
        assert_eq!(
            s,
            Summary {
                units: 4,
                actual: 134,
                predicted: 123.5,
                partial: Some(3)
            }
        );
        let empty = Holdout {
            units: Vec::new(),
            last_unit_days: 0,
            actual: 0,
            predicted: 0.0,
        };
        assert_eq!(summary(&empty, Unit::Weeks), None);
        assert_eq!(partial_days(&empty, Unit::Weeks), None);
    }
}
