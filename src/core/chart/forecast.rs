//! The retention forecast chart: for each cohort, the share still a customer in every period
//! as counted (dots), as the sBG model fits and forecasts it (thick line) and as constant churn
//! projects it (thin line), with the end of the fitted periods marked.

use super::projection::end_labels_at;
use super::scale::{linear_ticks, Scale};
use super::scene::{plot_left, Align, Baseline, Paint, Scene, Shape, SMALL};
use super::table::DataTable;
use super::text;
use crate::core::number::NumberStyle;

/// One cohort's curves, as shares of its period-0 count, for t = 0, 1, ...
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    pub name: String,
    /// Counted shares; `None` where no count was given.
    pub actual: Vec<Option<f64>>,
    /// The sBG model's expected share.
    pub model: Vec<f64>,
    /// The constant-churn projection fitted to the same counts.
    pub constant: Vec<f64>,
    /// The last period the models were fitted on.
    pub fitted: usize,
}

/// The words the chart writes.
#[derive(Clone, Copy, Debug)]
pub struct Words<'a> {
    /// The x axis: "Periods".
    pub periods: &'a str,
    /// Above the y axis: "Still customers".
    pub share: &'a str,
    /// Left of the mark at the end of the fit: "Fitted".
    pub fitted: &'a str,
    /// Right of that mark: "Forecast".
    pub forecast: &'a str,
    /// The key: what the dots, thick and thin lines are.
    pub actual: &'a str,
    pub model: &'a str,
    pub constant: &'a str,
}

/// Lays the chart out `width` pixels wide; curve i has colour i.
pub fn layout(curves: &[Curve], width: f32, style: &NumberStyle, words: Words) -> Scene {
    let n = curves
        .iter()
        .map(|c| c.model.len().max(c.actual.len()).saturating_sub(1))
        .max()
        .unwrap_or(1)
        .max(1);
    let (min, max, ticks) = linear_ticks(0.0, 1.0, 5);
    let tick_labels: Vec<(f64, String)> = ticks.iter().map(|&t| (t, style.percent(t, 0))).collect();
    let end_labels: Vec<(usize, String, f64)> = curves
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let last = *c.model.last()?;
            let name = text::label(&c.name, 16);
            Some((i, format!("{name} {}", style.percent(last, 1)), last))
        })
        .collect();
    let label_w = end_labels
        .iter()
        .map(|(_, t, _)| text::width(t, SMALL))
        .fold(0.0, f32::max);
    let left = plot_left(&tick_labels);
    let right = width - (label_w + 14.0).min(width * 0.4);
    let top = 30.0;
    let bottom = top + (width * 0.45).clamp(200.0, 320.0);
    let x = Scale::periods(n, left, right);
    let mut scene = Scene::new(width, 0.0);
    scene.y_title(words.share, left, 8.0);
    let y = scene.linear_y_axis((min, max), (top, bottom), &tick_labels, left, right);
    scene.period_axis(&x, n, 48.0, bottom, words.periods, style);

    // The end of the fitted periods: what lies to its right is forecast.
    let mut marks: Vec<usize> = curves.iter().map(|c| c.fitted).filter(|&f| f < n).collect();
    marks.sort_unstable();
    marks.dedup();
    for f in marks {
        let Some(px) = x.map(f as f64) else { continue };
        scene.segment((px, top - 4.0), (px, bottom), Paint::Axis, 1.0);
        scene.text(
            px - 4.0,
            top - 6.0,
            words.fitted,
            SMALL,
            Align::End,
            Baseline::Bottom,
            Paint::Muted,
        );
        scene.text(
            px + 4.0,
            top - 6.0,
            words.forecast,
            SMALL,
            Align::Start,
            Baseline::Bottom,
            Paint::Muted,
        );
    }

    let points = |values: &mut dyn Iterator<Item = (usize, f64)>| -> Vec<(f32, f32)> {
        values
            .filter_map(|(t, v)| Some((x.map(t as f64)?, y.map(v.clamp(0.0, 1.0))?)))
            .collect()
    };
    for (i, c) in curves.iter().enumerate() {
        scene.shapes.push(Shape::Line {
            points: points(&mut c.constant.iter().copied().enumerate()),
            paint: Paint::Series(i),
            width: 1.0,
        });
        scene.shapes.push(Shape::Line {
            points: points(&mut c.model.iter().copied().enumerate()),
            paint: Paint::Series(i),
            width: 2.5,
        });
        let dots = points(
            &mut c
                .actual
                .iter()
                .enumerate()
                .filter_map(|(t, v)| v.map(|v| (t, v))),
        );
        for (px, py) in dots {
            scene.shapes.push(Shape::Dot {
                x: px,
                y: py,
                r: 3.5,
                paint: Paint::Series(i),
                faded: false,
            });
        }
    }

    end_labels_at(&mut scene, end_labels, &y, right, top, bottom);

    // The key: what a dot, a thick and a thin line stand for.
    let mut kx = left;
    let ky = bottom + 52.0;
    for (mark, name) in [(0, words.actual), (1, words.model), (2, words.constant)] {
        if kx > left && kx + 30.0 + text::width(name, SMALL) > width {
            break;
        }
        match mark {
            0 => scene.shapes.push(Shape::Dot {
                x: kx + 9.0,
                y: ky,
                r: 3.5,
                paint: Paint::Text,
                faded: false,
            }),
            _ => scene.segment(
                (kx, ky),
                (kx + 18.0, ky),
                Paint::Text,
                if mark == 1 { 2.5 } else { 1.0 },
            ),
        }
        scene.text(
            kx + 24.0,
            ky,
            name,
            SMALL,
            Align::Start,
            Baseline::Middle,
            Paint::Text,
        );
        kx += 24.0 + text::width(name, SMALL) + 18.0;
    }
    scene.height = ky + 16.0;
    scene
}

/// The chart's data: a row per period, and for each cohort its counted, sBG and
/// constant-churn shares.
pub fn table(
    curves: &[Curve],
    period: &str,
    columns: [&str; 3],
    style: &NumberStyle,
    missing: &str,
) -> DataTable {
    let mut head = vec![period.to_string()];
    for c in curves {
        head.extend(columns.iter().map(|col| format!("{}: {col}", c.name)));
    }
    let n = curves
        .iter()
        .map(|c| c.model.len().max(c.actual.len()))
        .max()
        .unwrap_or(0);
    let share = |v: Option<f64>| v.map_or(missing.to_string(), |v| style.percent(v, 1));
    let rows = (0..n)
        .map(|t| {
            let mut row = vec![style.count(t as i64)];
            for c in curves {
                row.push(share(c.actual.get(t).copied().flatten()));
                row.push(share(c.model.get(t).copied()));
                row.push(share(c.constant.get(t).copied()));
            }
            row
        })
        .collect();
    DataTable { head, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: Words = Words {
        periods: "Years",
        share: "Still customers",
        fitted: "Fitted",
        forecast: "Forecast",
        actual: "Counted",
        model: "sBG",
        constant: "Constant churn",
    };

    fn curve(name: &str, fitted: usize) -> Curve {
        let model: Vec<f64> = (0..=12).map(|t| 0.85f64.powi(t)).collect();
        Curve {
            name: name.to_string(),
            actual: (0..=12)
                .map(|t| Some(0.86f64.powi(t)))
                .chain([None])
                .collect(),
            constant: (0..=12).map(|t| 0.8f64.powi(t)).collect(),
            model,
            fitted,
        }
    }

    fn lines(scene: &Scene) -> Vec<(Paint, f32, usize)> {
        scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Line {
                    points,
                    paint,
                    width,
                } if points.len() > 2 => Some((*paint, *width, points.len())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn each_cohort_has_a_thick_model_line_a_thin_constant_line_and_dots() {
        let scene = layout(
            &[curve("Regular", 7), curve("High end", 7)],
            700.0,
            &NumberStyle::ENGLISH,
            WORDS,
        );
        let l = lines(&scene);
        assert_eq!(
            l,
            vec![
                (Paint::Series(0), 1.0, 13),
                (Paint::Series(0), 2.5, 13),
                (Paint::Series(1), 1.0, 13),
                (Paint::Series(1), 2.5, 13),
            ]
        );
        let dots = scene
            .shapes
            .iter()
            .filter(|s| {
                matches!(
                    s,
                    Shape::Dot {
                        paint: Paint::Series(_),
                        ..
                    }
                )
            })
            .count();
        assert_eq!(dots, 26, "13 counted periods per cohort, none for the gap");
        let texts: Vec<&str> = scene.texts().collect();
        assert_eq!(
            texts.iter().filter(|t| **t == "Fitted").count(),
            1,
            "one mark where both fits end"
        );
        assert!(texts.contains(&"Regular 14.2%"), "{texts:?}");
        assert!(texts.contains(&"100%"));
    }

    #[test]
    fn the_fit_mark_sits_at_the_last_fitted_period() {
        let scene = layout(&[curve("A", 4)], 600.0, &NumberStyle::ENGLISH, WORDS);
        let xs: Vec<f32> = scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { x, text, .. } if text == "Fitted" || text == "Forecast" => Some(*x),
                _ => None,
            })
            .collect();
        assert_eq!(xs.len(), 2);
        let mid = (xs[0] + xs[1]) / 2.0;
        let model = lines(&scene)[1].2;
        assert_eq!(model, 13);
        // The mark is drawn where the model line passes period 4.
        let Shape::Line { points, .. } = &scene.shapes[scene
            .shapes
            .iter()
            .position(|s| matches!(s, Shape::Line { width, .. } if *width == 2.5))
            .unwrap()]
        else {
            unreachable!()
        };
        assert!((points[4].0 - mid).abs() < 0.5, "{} vs {mid}", points[4].0);
    }

    #[test]
    fn table_has_three_columns_per_cohort() {
        let t = table(
            &[curve("A", 7)],
            "Year",
            ["counted", "sBG", "constant churn"],
            &NumberStyle::ENGLISH,
            "—",
        );
        assert_eq!(
            t.head,
            vec!["Year", "A: counted", "A: sBG", "A: constant churn"]
        );
        assert_eq!(t.rows.len(), 14);
        assert_eq!(t.rows[1], vec!["1", "86.0%", "85.0%", "80.0%"]);
        assert_eq!(t.rows[13], vec!["13", "—", "—", "—"]);
    }
}
