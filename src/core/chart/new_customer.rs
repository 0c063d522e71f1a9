//! The expected transactions of a new customer over time (docs/metrics.md section 9.2,
//! E[X(t)] of equation 9): one line from t = 0 to the horizon, in weeks or days.

use super::scale::{linear_ticks, Scale};
use super::scene::{plot_left, Align, Baseline, Paint, Scene, Shape, SMALL};
use super::table::DataTable;
use super::text;
use crate::core::number::NumberStyle;

/// The words the chart writes.
#[derive(Clone, Copy, Debug)]
pub struct Words<'a> {
    /// The x axis: "weeks" or "days".
    pub units: &'a str,
    /// Above the y axis: "Expected transactions".
    pub expected: &'a str,
}

/// The paint of the curve.
pub const CURVE: Paint = Paint::Series(0);

/// A value axis from 0 to at least `hi`, its ticks written with as many decimals as their
/// step needs (0.5 steps with one, 0.05 steps with two).
pub fn value_ticks(hi: f64, style: &NumberStyle) -> (f64, f64, Vec<(f64, String)>) {
    let hi = if hi.is_finite() { hi } else { 0.0 };
    let (min, max, ticks) = linear_ticks(0.0, hi, 5);
    let step = ticks.get(1).map_or(1.0, |t| t - ticks[0]);
    let decimals = (-(step.log10() + 1e-9).floor()).max(0.0) as usize;
    let ticks = ticks
        .iter()
        .map(|&t| (t, style.fixed(t, decimals)))
        .collect();
    (min, max, ticks)
}

/// Lays the chart out `width` pixels wide; `curve[t]` is E[X(t)].
pub fn layout(curve: &[f64], width: f32, style: &NumberStyle, words: Words) -> Scene {
    let n = curve.len().saturating_sub(1).max(1);
    let hi = curve
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let (min, max, ticks) = value_ticks(hi, style);
    let end = curve.last().map(|v| style.fixed(*v, 2));
    let end_w = end.as_ref().map_or(0.0, |e| text::width(e, SMALL));
    let left = plot_left(&ticks);
    let right = width - (end_w + 18.0).min(width * 0.3);
    let top = 34.0;
    let bottom = top + (width * 0.4).clamp(180.0, 280.0);
    let x = Scale::periods(n, left, right);
    let mut scene = Scene::new(width, 0.0);
    scene.y_title(words.expected, left, 8.0);
    let y = scene.linear_y_axis((min, max), (top, bottom), &ticks, left, right);
    scene.period_axis(&x, n, 48.0, bottom, words.units, style);
    let points: Vec<(f32, f32)> = curve
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .filter_map(|(t, &v)| Some((x.map(t as f64)?, y.map(v)?)))
        .collect();
    if let (Some(&(px, py)), Some(end)) = (points.last(), end) {
        scene.shapes.push(Shape::Line {
            points: points.clone(),
            paint: CURVE,
            width: 2.5,
        });
        scene.shapes.push(Shape::Dot {
            x: px,
            y: py,
            r: 3.5,
            paint: CURVE,
            faded: false,
        });
        scene.text(
            px + 7.0,
            py,
            end,
            SMALL,
            Align::Start,
            Baseline::Middle,
            Paint::Text,
        );
    }
    scene.height = bottom + 46.0;
    scene
}

/// The chart's data: per unit t from 0 to the horizon, E[X(t)] to three decimals.
pub fn table(curve: &[f64], head: [&str; 2], style: &NumberStyle) -> DataTable {
    let rows = curve
        .iter()
        .enumerate()
        .map(|(t, &v)| vec![style.count(t as i64), style.fixed(v, 3)])
        .collect();
    DataTable::new(&head, rows)
}

/// What the caption says: the horizon and E[X] there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub horizon: usize,
    pub expected: f64,
}

/// The caption's figures; `None` for an empty curve.
pub fn summary(curve: &[f64]) -> Option<Summary> {
    let expected = *curve.last()?;
    Some(Summary {
        horizon: curve.len() - 1,
        expected,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: Words = Words {
        units: "weeks",
        expected: "Expected transactions",
    };

    /// A concave curve rising to 1.949 at week 52, like a new customer's.
    fn curve() -> Vec<f64> {
        (0..=52)
            .map(|t| 1.949 * (1.0 - (-(t as f64) / 20.0).exp()) / (1.0 - (-52.0f64 / 20.0).exp()))
            .collect()
    }

    fn line(scene: &Scene) -> Vec<(f32, f32)> {
        scene
            .shapes
            .iter()
            .find_map(|s| match s {
                Shape::Line { points, paint, .. } if *paint == CURVE => Some(points.clone()),
                _ => None,
            })
            .expect("the curve")
    }

    fn tick_y(scene: &Scene, label: &str) -> f32 {
        scene
            .shapes
            .iter()
            .find_map(|s| match s {
                Shape::Text { y, text, align, .. } if *align == Align::End && text == label => {
                    Some(*y)
                }
                _ => None,
            })
            .unwrap_or_else(|| panic!("tick {label}"))
    }

    #[test]
    fn the_curve_runs_from_zero_to_the_horizon() {
        let c = curve();
        let scene = layout(&c, 600.0, &NumberStyle::ENGLISH, WORDS);
        let l = line(&scene);
        assert_eq!(l.len(), 53);
        // Time runs left to right, the curve rises.
        assert!(l.windows(2).all(|p| p[1].0 > p[0].0 && p[1].1 <= p[0].1));
        // It starts on 0 and ends on 1.949, read against the ticks 0 and 2.
        let (y0, y2) = (tick_y(&scene, "0.0"), tick_y(&scene, "2.0"));
        assert!((l[0].1 - y0).abs() < 0.01);
        let read = 2.0 * f64::from((y0 - l[52].1) / (y0 - y2));
        assert!((read - 1.949).abs() < 1e-4, "{read}");
        let texts: Vec<&str> = scene.texts().collect();
        for t in ["1.95", "weeks", "Expected transactions", "0", "50"] {
            assert!(texts.contains(&t), "{t} in {texts:?}");
        }
    }

    #[test]
    fn tick_decimals_follow_the_step() {
        let labels = |hi: f64| -> Vec<String> {
            value_ticks(hi, &NumberStyle::ENGLISH)
                .2
                .into_iter()
                .map(|t| t.1)
                .collect()
        };
        assert_eq!(labels(1.949), vec!["0.0", "0.5", "1.0", "1.5", "2.0"]);
        assert_eq!(labels(0.18), vec!["0.00", "0.05", "0.10", "0.15", "0.20"]);
        assert_eq!(labels(23.0), vec!["0", "5", "10", "15", "20", "25"]);
        assert_eq!(labels(0.0), vec!["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
        assert_eq!(value_ticks(f64::NAN, &NumberStyle::ENGLISH).1, 1.0);
    }

    #[test]
    fn table_and_summary() {
        let c = curve();
        let t = table(&c, ["Week", "Expected transactions"], &NumberStyle::ENGLISH);
        assert_eq!(t.rows.len(), 53);
        assert_eq!(t.rows[0], vec!["0", "0.000"]);
        assert_eq!(t.rows[52], vec!["52", "1.949"]);
        assert_eq!(
            summary(&c),
            Some(Summary {
                horizon: 52,
                expected: c[52]
            })
        );
        assert_eq!(summary(&[]), None);
        let fa = table(&c, ["", ""], &NumberStyle::PERSIAN);
        assert_eq!(fa.rows[52], vec!["۵۲", "۱٫۹۴۹"]);
    }

    #[test]
    fn an_empty_curve_draws_axes_only() {
        let scene = layout(&[], 600.0, &NumberStyle::ENGLISH, WORDS);
        assert!(!scene
            .shapes
            .iter()
            .any(|s| matches!(s, Shape::Line { paint, .. } if *paint == CURVE)));
        assert!(scene.height > 200.0);
    }
}
