//! The projection chart: one line per scenario of the multiple of the starting base over the
//! horizon, the starting base marked, on a linear or log axis, each line labelled at its end.

use super::scale::{linear_ticks, log_ticks, Scale};
use super::scene::{plot_left, Align, Baseline, Paint, Scene, Shape, FONT, SMALL};
use super::table::DataTable;
use super::text;
use crate::core::number::NumberStyle;

/// One scenario's line: C(t) / C0 for t = 0..=n.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub name: String,
    pub values: Vec<f64>,
}

/// The words the chart writes.
#[derive(Clone, Copy, Debug)]
pub struct Words<'a> {
    /// The x axis: "Years" or "Months".
    pub periods: &'a str,
    /// Above the y axis: "Multiple of the starting base".
    pub multiple: &'a str,
    /// Beside the line at 1x: "Starting base".
    pub base: &'a str,
}

/// How a multiple is written: 1.949x.
pub fn multiple(style: &NumberStyle, v: f64) -> String {
    format!("{}x", style.ratio(v))
}

/// Whether a log axis has to leave out points: a multiple of zero has no place on it.
pub fn has_zero(lines: &[Option<Line>]) -> bool {
    lines
        .iter()
        .flatten()
        .any(|l| l.values.iter().any(|&v| v <= 0.0))
}

/// Lays the chart out `width` pixels wide. `lines[i]` is scenario i (colour i), `None` when
/// its inputs have errors.
pub fn layout(
    lines: &[Option<Line>],
    log: bool,
    width: f32,
    style: &NumberStyle,
    words: Words,
) -> Scene {
    let drawn: Vec<(usize, &Line)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| l.as_ref().filter(|l| !l.values.is_empty()).map(|l| (i, l)))
        .collect();
    let n = drawn
        .iter()
        .map(|(_, l)| l.values.len() - 1)
        .max()
        .unwrap_or(1)
        .max(1);
    let values = || {
        drawn
            .iter()
            .flat_map(|(_, l)| l.values.iter().copied())
            .chain([1.0])
    };
    let hi = values().fold(1.0, f64::max);
    let (min, max, ticks) = if log {
        let lo = values().filter(|&v| v > 0.0).fold(1.0, f64::min);
        log_ticks(lo, hi)
    } else {
        linear_ticks(0.0, hi, 5)
    };
    let tick_labels: Vec<(f64, String)> = ticks
        .iter()
        .map(|&t| (t, format!("{}x", style.plain(t, 3))))
        .collect();

    let end_labels: Vec<(usize, String, f64)> = drawn
        .iter()
        .map(|(i, l)| {
            let last = *l.values.last().unwrap_or(&1.0);
            (
                *i,
                format!("{} {}", text::label(&l.name, 18), multiple(style, last)),
                last,
            )
        })
        .collect();
    let label_w = end_labels
        .iter()
        .map(|(_, t, _)| text::width(t, SMALL))
        .fold(0.0, f32::max);
    let left = plot_left(&tick_labels);
    let right = width - (label_w + 14.0).min(width * 0.45);
    let top = 30.0;
    let plot_h = (width * 0.5).clamp(200.0, 340.0);
    let bottom = top + plot_h;
    let mut scene = Scene::new(width, bottom + 44.0);

    let x = Scale::periods(n, left, right);
    let y = Scale {
        min,
        max,
        from: bottom,
        to: top,
        log,
    };
    scene.y_title(words.multiple, left, 8.0);
    scene.y_axis(&y, &tick_labels, left, right);
    scene.period_axis(&x, n, 56.0, bottom, words.periods, style);

    // The starting base: a line at 1x and a dot where every scenario starts.
    if let Some(base_y) = y.map(1.0) {
        scene.segment((left, base_y), (right, base_y), Paint::Axis, 1.5);
        scene.text(
            left + 4.0,
            base_y - 3.0,
            words.base,
            SMALL,
            Align::Start,
            Baseline::Bottom,
            Paint::Muted,
        );
        scene.shapes.push(Shape::Dot {
            x: left,
            y: base_y,
            r: 4.0,
            paint: Paint::Text,
            faded: false,
        });
    }

    for (i, line) in &drawn {
        // A log axis breaks the line where a multiple is zero.
        let mut run = Vec::new();
        for (t, &v) in line.values.iter().enumerate() {
            match (x.map(t as f64), y.map(v)) {
                (Some(px), Some(py)) => run.push((px, py)),
                _ => flush(&mut scene, &mut run, *i),
            }
        }
        flush(&mut scene, &mut run, *i);
    }

    // End labels, pushed apart so none overlaps another.
    end_labels_at(&mut scene, end_labels, &y, right, top, bottom);
    scene
}

fn flush(scene: &mut Scene, run: &mut Vec<(f32, f32)>, i: usize) {
    if run.len() == 1 {
        let (x, y) = run[0];
        scene.shapes.push(Shape::Dot {
            x,
            y,
            r: 2.5,
            paint: Paint::Series(i),
            faded: false,
        });
    } else if run.len() > 1 {
        scene.shapes.push(Shape::Line {
            points: std::mem::take(run),
            paint: Paint::Series(i),
            width: 2.5,
        });
    }
    run.clear();
}

/// Each series' label (series index, text, last value) at the right end of its line, pushed
/// apart so that none overlaps another.
pub fn end_labels_at(
    scene: &mut Scene,
    labels: Vec<(usize, String, f64)>,
    y: &Scale,
    right: f32,
    top: f32,
    bottom: f32,
) {
    let mut placed: Vec<(usize, String, f32)> = labels
        .into_iter()
        .map(|(i, t, v)| (i, t, y.map(v).unwrap_or(bottom)))
        .collect();
    // Stable: labels at the same height keep the series order.
    placed.sort_by(|a, b| a.2.total_cmp(&b.2));
    spread(&mut placed, FONT + 2.0, top, bottom);
    for (i, label, py) in placed {
        scene.text(
            right + 6.0,
            py,
            label,
            SMALL,
            Align::Start,
            Baseline::Middle,
            Paint::Series(i),
        );
    }
}

/// Moves sorted label positions apart to at least `gap`, staying within `[top, bottom]`.
pub fn spread<T, U>(labels: &mut [(T, U, f32)], gap: f32, top: f32, bottom: f32) {
    for k in 1..labels.len() {
        let min = labels[k - 1].2 + gap;
        if labels[k].2 < min {
            labels[k].2 = min;
        }
    }
    if let Some(last) = labels.last_mut() {
        let over = last.2 - bottom;
        if over > 0.0 {
            last.2 = bottom;
            for k in (0..labels.len() - 1).rev() {
                let max = labels[k + 1].2 - gap;
                if labels[k].2 > max {
                    labels[k].2 = max.max(top);
                }
            }
        }
    }
}

/// The chart's data: one row per period, one column per scenario, each cell the multiple and,
/// with a starting base, the customers.
pub fn table(
    lines: &[Option<Line>],
    names: &[String],
    start: Option<u64>,
    period: &str,
    style: &NumberStyle,
    missing: &str,
) -> DataTable {
    let n = lines
        .iter()
        .flatten()
        .map(|l| l.values.len())
        .max()
        .unwrap_or(0);
    let mut head = vec![period.to_string()];
    head.extend(names.iter().cloned());
    let rows = (0..n)
        .map(|t| {
            let mut row = vec![style.count(t as i64)];
            row.extend(
                lines
                    .iter()
                    .map(|l| match l.as_ref().and_then(|l| l.values.get(t)) {
                        Some(&v) => match start {
                            Some(c0) => format!(
                                "{} ({})",
                                style.count((c0 as f64 * v).round() as i64),
                                multiple(style, v)
                            ),
                            None => multiple(style, v),
                        },
                        None => missing.to_string(),
                    }),
            );
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
        multiple: "Multiple of the starting base",
        base: "Starting base",
    };

    fn seed() -> Vec<Option<Line>> {
        // docs/metrics.md section 4's seed: 110% a year for seven years against 100%.
        let a: Vec<f64> = (0..=7).map(|t| 1.1f64.powi(t)).collect();
        vec![
            Some(Line {
                name: "A".into(),
                values: a,
            }),
            Some(Line {
                name: "B".into(),
                values: vec![1.0; 8],
            }),
        ]
    }

    fn lines_of(scene: &Scene) -> Vec<&Vec<(f32, f32)>> {
        scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Line { points, width, .. } if *width > 2.0 => Some(points),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn one_line_per_scenario_labelled_with_its_multiple() {
        let scene = layout(&seed(), false, 640.0, &NumberStyle::ENGLISH, WORDS);
        let lines = lines_of(&scene);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].len(), 8);
        let texts: Vec<&str> = scene.texts().collect();
        assert!(texts.contains(&"A 1.949x"), "{texts:?}");
        assert!(texts.contains(&"B 1.000x"), "{texts:?}");
        assert!(texts.contains(&"Starting base"));
        // Time runs left to right and growth goes up.
        let a = lines[0];
        assert!(a[7].0 > a[0].0 && a[7].1 < a[0].1);
        // B is flat at the starting base.
        assert!(lines[1].iter().all(|p| (p.1 - lines[1][0].1).abs() < 0.01));
    }

    #[test]
    fn everything_fits_inside_the_chart() {
        for width in [320.0, 640.0, 1100.0] {
            for log in [false, true] {
                let scene = layout(&seed(), log, width, &NumberStyle::ENGLISH, WORDS);
                for s in &scene.shapes {
                    let pts: Vec<(f32, f32)> = match s {
                        Shape::Line { points, .. } => points.clone(),
                        Shape::Dot { x, y, .. } => vec![(*x, *y)],
                        Shape::Text { x, y, .. } => vec![(*x, *y)],
                        _ => vec![],
                    };
                    for (x, y) in pts {
                        assert!(
                            (0.0..=width).contains(&x) && (0.0..=scene.height).contains(&y),
                            "{width} {log}: {s:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn log_axis_spreads_small_multiples_and_breaks_at_zero() {
        let lines = vec![Some(Line {
            name: "Falls".into(),
            values: vec![1.0, 0.1, 0.01, 0.0],
        })];
        assert!(has_zero(&lines));
        let lin = layout(&lines, false, 640.0, &NumberStyle::ENGLISH, WORDS);
        let log = layout(&lines, true, 640.0, &NumberStyle::ENGLISH, WORDS);
        let gap = |s: &Scene| {
            let l = lines_of(s)[0];
            l[2].1 - l[1].1
        };
        assert!(
            gap(&log) > 5.0 * gap(&lin),
            "log {} lin {}",
            gap(&log),
            gap(&lin)
        );
        assert_eq!(
            lines_of(&log)[0].len(),
            3,
            "the zero has no point on a log axis"
        );
        assert_eq!(lines_of(&lin)[0].len(), 4);
        assert!(log.texts().any(|t| t == "0.01x"));
    }

    #[test]
    fn end_labels_never_overlap() {
        let lines: Vec<Option<Line>> = (0..5)
            .map(|i| {
                Some(Line {
                    name: format!("S{i}"),
                    values: vec![1.0, 1.0 + i as f64 * 0.001],
                })
            })
            .collect();
        let scene = layout(&lines, false, 500.0, &NumberStyle::ENGLISH, WORDS);
        let mut ys: Vec<f32> = scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text {
                    y,
                    paint: Paint::Series(_),
                    ..
                } => Some(*y),
                _ => None,
            })
            .collect();
        ys.sort_by(f32::total_cmp);
        assert_eq!(ys.len(), 5);
        assert!(ys.windows(2).all(|w| w[1] - w[0] >= FONT + 1.9), "{ys:?}");
    }

    #[test]
    fn scenarios_with_errors_are_left_out_and_keep_their_colour() {
        let mut lines = seed();
        lines[0] = None;
        let scene = layout(&lines, false, 640.0, &NumberStyle::ENGLISH, WORDS);
        let paints: Vec<Paint> = scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Line {
                    paint: p @ Paint::Series(_),
                    ..
                } => Some(*p),
                _ => None,
            })
            .collect();
        assert_eq!(paints, vec![Paint::Series(1)]);
    }

    #[test]
    fn names_from_users_stay_text() {
        let lines = vec![Some(Line {
            name: "<img src=x onerror=alert(1)>".into(),
            values: vec![1.0, 2.0],
        })];
        let scene = layout(&lines, false, 900.0, &NumberStyle::ENGLISH, WORDS);
        assert!(
            scene
                .texts()
                .any(|t| t == "<img src=x onerro\u{2026} 2.000x"),
            "{:?}",
            scene.texts().collect::<Vec<_>>()
        );
    }

    #[test]
    fn table_has_a_row_per_period_with_customers() {
        let names = vec!["A".to_string(), "B".to_string()];
        let t = table(
            &seed(),
            &names,
            Some(1000),
            "Year",
            &NumberStyle::ENGLISH,
            "—",
        );
        assert_eq!(t.head, vec!["Year", "A", "B"]);
        assert_eq!(t.rows.len(), 8);
        assert_eq!(t.rows[7], vec!["7", "1,949 (1.949x)", "1,000 (1.000x)"]);
        let t = table(
            &[None],
            &names[..1],
            None,
            "Year",
            &NumberStyle::ENGLISH,
            "—",
        );
        assert!(t.rows.is_empty());
    }

    #[test]
    fn spreading_keeps_labels_in_bounds() {
        let mut l = vec![((), (), 95.0), ((), (), 96.0), ((), (), 99.0)];
        spread(&mut l, 10.0, 0.0, 100.0);
        let ys: Vec<f32> = l.iter().map(|x| x.2).collect();
        assert_eq!(ys, vec![80.0, 90.0, 100.0]);
    }
}
