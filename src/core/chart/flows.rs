//! The periods chart: customers who came in above the axis (new, then returning) and those
//! who left below it, per period, with the net change as a line.

use super::scale::linear_ticks;
use super::scene::{band_centre, plot_left, Paint, Scene};
use super::table::DataTable;
use super::text;
use crate::core::import::tables::FlowRow;
use crate::core::number::NumberStyle;

/// One period's bars.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowBar {
    pub label: String,
    pub new: Option<u64>,
    pub returning: Option<u64>,
    pub lost: Option<u64>,
    /// active − start: the change in customers over the period.
    pub net: i64,
    /// (active − start) / start, when start is above zero.
    pub growth: Option<f64>,
    pub incomplete: bool,
}

/// The bars of an imported table's periods.
pub fn bars(rows: &[FlowRow]) -> Vec<FlowBar> {
    rows.iter()
        .map(|r| FlowBar {
            label: r.label.clone(),
            new: r.new,
            returning: r.returning,
            lost: r.lost,
            net: r.active as i64 - r.start as i64,
            growth: r.net_growth(),
            incomplete: r.incomplete,
        })
        .collect()
}

/// The words the chart writes.
#[derive(Clone, Copy, Debug)]
pub struct Words<'a> {
    pub new: &'a str,
    pub returning: &'a str,
    pub lost: &'a str,
    pub net: &'a str,
    /// Beside the legend when a period is incomplete: "* incomplete period".
    pub incomplete: &'a str,
    /// Above the y axis: "Customers".
    pub customers: &'a str,
}

/// A period's label on the chart: shortened, starred when the period is incomplete.
pub fn axis_label(label: &str, incomplete: bool) -> String {
    let mut l = text::label(label, 12);
    if incomplete {
        l.push('*');
    }
    l
}

/// Lays the chart out `width` pixels wide.
pub fn layout(bars: &[FlowBar], width: f32, style: &NumberStyle, words: Words) -> Scene {
    let up = |b: &FlowBar| b.new.unwrap_or(0) + b.returning.unwrap_or(0);
    let hi = bars
        .iter()
        .map(|b| (up(b) as f64).max(b.net as f64))
        .fold(0.0, f64::max);
    let lo = bars
        .iter()
        .map(|b| (-(b.lost.unwrap_or(0) as f64)).min(b.net as f64))
        .fold(0.0, f64::min);
    let (min, max, ticks) = linear_ticks(lo, hi, 6);
    let ticks: Vec<(f64, String)> = ticks.iter().map(|&t| (t, style.count(t as i64))).collect();

    let any_returning = bars.iter().any(|b| b.returning.unwrap_or(0) > 0);
    let any_flows = bars.iter().any(|b| b.new.is_some() || b.lost.is_some());
    let mut legend: Vec<(Paint, &str)> = Vec::new();
    if any_flows {
        legend.push((Paint::Gain, words.new));
        if any_returning {
            legend.push((Paint::Return, words.returning));
        }
        legend.push((Paint::Loss, words.lost));
    }
    legend.push((Paint::Text, words.net));
    let incomplete = bars.iter().any(|b| b.incomplete);
    if incomplete {
        legend.push((Paint::Muted, words.incomplete));
    }

    let left = plot_left(&ticks);
    let right = width - 12.0;
    let mut scene = Scene::new(width, 0.0);
    let top = scene.legend_and_y_title(&legend, words.customers, left, right);
    let bottom = top + (width * 0.45).clamp(200.0, 320.0);
    scene.height = bottom + 30.0;

    let y = scene.linear_y_axis((min, max), (top, bottom), &ticks, left, right);
    let zero = y.map(0.0).unwrap_or(bottom);
    scene.segment((left, zero), (right, zero), Paint::Axis, 1.0);

    let n = bars.len();
    let band = (right - left) / n.max(1) as f32;
    let half = (band * 0.36).max(0.5);
    let mut net = Vec::with_capacity(n);
    for (i, b) in bars.iter().enumerate() {
        let cx = band_centre(i, n, left, right);
        let px = |v: f64| y.map(v).unwrap_or(zero);
        let mut bar = |from: f64, to: f64, paint: Paint| {
            if to != from {
                scene.rect(
                    (cx - half, px(from)),
                    (cx + half, px(to)),
                    paint,
                    b.incomplete,
                );
            }
        };
        let new = b.new.unwrap_or(0) as f64;
        bar(0.0, new, Paint::Gain);
        bar(new, new + b.returning.unwrap_or(0) as f64, Paint::Return);
        bar(0.0, -(b.lost.unwrap_or(0) as f64), Paint::Loss);
        net.push((cx, px(b.net as f64), b.incomplete));
    }
    scene.line_with_dots(net, band);
    let labels: Vec<String> = bars
        .iter()
        .map(|b| axis_label(&b.label, b.incomplete))
        .collect();
    scene.period_labels(&labels, left, right, bottom + 8.0);
    scene
}

/// The chart's data: per period new, returning, lost, net change and net growth.
pub fn table(bars: &[FlowBar], head: [&str; 6], style: &NumberStyle, missing: &str) -> DataTable {
    let count = |v: Option<u64>| v.map_or_else(|| missing.to_string(), |v| style.count(v as i64));
    let rows = bars
        .iter()
        .map(|b| {
            let signed = if b.net > 0 {
                format!("+{}", style.count(b.net))
            } else {
                style.count(b.net)
            };
            vec![
                format!("{}{}", b.label, if b.incomplete { "*" } else { "" }),
                count(b.new),
                count(b.returning),
                count(b.lost),
                signed,
                b.growth
                    .map_or_else(|| missing.to_string(), |g| style.percent(g, 2)),
            ]
        })
        .collect();
    DataTable::new(&head, rows)
}

/// What the caption says: totals over the periods and the biggest net gain and loss.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub periods: usize,
    pub first: String,
    pub last: String,
    pub new: Option<u64>,
    pub lost: Option<u64>,
    pub net: i64,
    /// The period with the largest net gain, and the gain (only when some period gained).
    pub best: Option<(String, i64)>,
    /// The period with the largest net loss (only when some period lost customers).
    pub worst: Option<(String, i64)>,
}

/// The caption's figures.
pub fn summary(bars: &[FlowBar]) -> Option<Summary> {
    let (first, last) = (bars.first()?, bars.last()?);
    let total = |f: fn(&FlowBar) -> Option<u64>| {
        bars.iter()
            .map(f)
            .try_fold(0u64, |acc, v| v.map(|v| acc + v))
    };
    let best = bars
        .iter()
        .filter(|b| b.net > 0)
        .max_by_key(|b| b.net)
        .map(|b| (b.label.clone(), b.net));
    let worst = bars
        .iter()
        .filter(|b| b.net < 0)
        .min_by_key(|b| b.net)
        .map(|b| (b.label.clone(), b.net));
    Some(Summary {
        periods: bars.len(),
        first: first.label.clone(),
        last: last.label.clone(),
        new: total(|b| b.new),
        lost: total(|b| b.lost),
        net: bars.iter().map(|b| b.net).sum(),
        best,
        worst,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::chart::scene::Shape;

    const WORDS: Words = Words {
        new: "New",
        returning: "Returning",
        lost: "Lost",
        net: "Net change",
        incomplete: "* incomplete period",
        customers: "Customers",
    };

    fn bar(label: &str, new: u64, ret: u64, lost: u64, net: i64) -> FlowBar {
        FlowBar {
            label: label.into(),
            new: Some(new),
            returning: Some(ret),
            lost: Some(lost),
            net,
            growth: None,
            incomplete: false,
        }
    }

    fn rects(scene: &Scene, paint: Paint) -> Vec<(f32, f32, f32, f32)> {
        scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Rect {
                    x0,
                    y0,
                    x1,
                    y1,
                    paint: p,
                    ..
                } if *p == paint && y0.min(*y1) > 30.0 => Some((*x0, *y0, *x1, *y1)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn new_goes_up_lost_goes_down() {
        let bars = vec![
            bar("2024-01", 100, 0, 0, 100),
            bar("2024-02", 40, 10, 30, 20),
        ];
        let scene = layout(&bars, 600.0, &NumberStyle::ENGLISH, WORDS);
        let gains = rects(&scene, Paint::Gain);
        let losses = rects(&scene, Paint::Loss);
        let back = rects(&scene, Paint::Return);
        assert_eq!((gains.len(), losses.len(), back.len()), (2, 1, 1));
        // Gains rise from the zero line, losses hang below it.
        let zero = gains[0].1;
        assert!(gains[0].3 < zero && losses[0].1 == zero && losses[0].3 > zero);
        // Heights are proportional: 100 new is 2.5 times 40 new.
        let h = |r: (f32, f32, f32, f32)| (r.1 - r.3).abs();
        assert!((h(gains[0]) / h(gains[1]) - 2.5).abs() < 0.01);
        // Returning sits on top of new.
        assert!((back[0].1 - gains[1].3).abs() < 0.01);
        let texts: Vec<&str> = scene.texts().collect();
        for w in [
            "New",
            "Returning",
            "Lost",
            "Net change",
            "2024-01",
            "2024-02",
        ] {
            assert!(texts.contains(&w), "{w} in {texts:?}");
        }
    }

    #[test]
    fn incomplete_periods_are_faded_and_starred() {
        let mut bars = vec![bar("2024-01", 10, 0, 0, 10), bar("2024-02", 5, 0, 2, 3)];
        bars[1].incomplete = true;
        let scene = layout(&bars, 600.0, &NumberStyle::ENGLISH, WORDS);
        let faded: Vec<bool> = scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Rect { faded, y0, .. } if *y0 > 30.0 => Some(*faded),
                _ => None,
            })
            .collect();
        assert_eq!(faded, vec![false, true, true]);
        assert!(scene.texts().any(|t| t == "2024-02*"));
        assert!(scene.texts().any(|t| t == "* incomplete period"));
    }

    #[test]
    fn a_series_without_flows_draws_only_the_net_line() {
        let bars: Vec<FlowBar> = (0..3)
            .map(|i| FlowBar {
                label: format!("P{i}"),
                new: None,
                returning: None,
                lost: None,
                net: i * 10,
                growth: None,
                incomplete: false,
            })
            .collect();
        let scene = layout(&bars, 600.0, &NumberStyle::ENGLISH, WORDS);
        assert!(rects(&scene, Paint::Gain).is_empty());
        assert!(!scene.texts().any(|t| t == "New"));
        assert!(scene.shapes.iter().any(|s| matches!(
            s,
            Shape::Line {
                paint: Paint::Text,
                ..
            }
        )));
    }

    #[test]
    fn from_rows_and_summary() {
        let rows = vec![
            FlowRow {
                label: "2024-01".into(),
                active: 100,
                start: 0,
                new: Some(100),
                lost: Some(0),
                returning: Some(0),
                ..FlowRow::default()
            },
            FlowRow {
                label: "2024-02".into(),
                active: 90,
                start: 100,
                new: Some(10),
                lost: Some(20),
                returning: Some(0),
                ..FlowRow::default()
            },
            FlowRow {
                label: "2024-03".into(),
                active: 95,
                start: 90,
                new: Some(8),
                lost: Some(5),
                returning: Some(2),
                ..FlowRow::default()
            },
        ];
        let b = bars(&rows);
        assert_eq!(
            b.iter().map(|b| b.net).collect::<Vec<_>>(),
            vec![100, -10, 5]
        );
        let s = summary(&b).unwrap();
        assert_eq!((s.new, s.lost, s.net), (Some(118), Some(25), 95));
        assert_eq!(s.best, Some(("2024-01".into(), 100)));
        assert_eq!(s.worst, Some(("2024-02".into(), -10)));
        let t = table(
            &b,
            [
                "Period",
                "New",
                "Returning",
                "Lost",
                "Net change",
                "Net growth",
            ],
            &NumberStyle::ENGLISH,
            "—",
        );
        assert_eq!(
            t.rows[1],
            vec!["2024-02", "10", "0", "20", "-10", "-10.00%"]
        );
        assert_eq!(t.rows[0][5], "—");
        assert_eq!(t.rows[2][4], "+5");
        assert_eq!(summary(&[]), None);
    }
}
