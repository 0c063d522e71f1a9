//! The GRR and NRR chart (docs/metrics.md section 8): both rates per period on a percent
//! axis, each line broken where its rate is blank (the first period, and any period whose
//! start revenue is 0 or below).

use super::churn::tick_decimals;
use super::flows::axis_label;
use super::scale::linear_ticks;
use super::scene::{band_centre, plot_left, Align, Baseline, Paint, Scene, Shape};
use super::table::DataTable;
use crate::core::import::revenue::RevenueRow;
use crate::core::number::NumberStyle;

/// One period's rates.
#[derive(Clone, Debug, PartialEq)]
pub struct RatePoint {
    pub label: String,
    pub grr: Option<f64>,
    pub nrr: Option<f64>,
    pub incomplete: bool,
}

/// The points of a revenue table's periods.
pub fn points(rows: &[RevenueRow]) -> Vec<RatePoint> {
    rows.iter()
        .map(|r| RatePoint {
            label: r.label.clone(),
            grr: r.grr(),
            nrr: r.nrr(),
            incomplete: r.incomplete,
        })
        .collect()
}

/// The words the chart writes.
#[derive(Clone, Copy, Debug)]
pub struct Words<'a> {
    pub grr: &'a str,
    pub nrr: &'a str,
    pub incomplete: &'a str,
}

/// The paint of each rate's line: GRR, then NRR.
pub const GRR: Paint = Paint::Series(0);
pub const NRR: Paint = Paint::Series(1);

/// Lays the chart out `width` pixels wide.
pub fn layout(points: &[RatePoint], width: f32, style: &NumberStyle, words: Words) -> Scene {
    // 0% and 100% are always on the axis: a rate is read against keeping everything.
    let (lo, hi) = points
        .iter()
        .flat_map(|p| [p.grr, p.nrr])
        .flatten()
        .fold((0.0f64, 1.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (min, max, ticks) = linear_ticks(lo, hi, 5);
    let step = ticks.get(1).map_or(0.1, |t| t - ticks[0]);
    let ticks: Vec<(f64, String)> = ticks
        .iter()
        .map(|&t| (t, style.percent(t, tick_decimals(step))))
        .collect();
    let mut legend = vec![(GRR, words.grr), (NRR, words.nrr)];
    if points.iter().any(|p| p.incomplete) {
        legend.push((Paint::Muted, words.incomplete));
    }

    let left = plot_left(&ticks);
    let right = width - 12.0;
    let mut scene = Scene::new(width, 0.0);
    let top = scene.legend(&legend, left, right, 4.0) + 12.0;
    let bottom = top + (width * 0.4).clamp(180.0, 280.0);
    scene.height = bottom + 30.0;
    let y = scene.linear_y_axis((min, max), (top, bottom), &ticks, left, right);
    for level in [0.0, 1.0] {
        if let Some(py) = y.map(level) {
            scene.segment((left, py), (right, py), Paint::Axis, 1.0);
        }
    }

    let n = points.len();
    let x = |i: usize| band_centre(i, n, left, right);
    let py = |v: f64| y.map(v).unwrap_or(bottom);
    let dense = (right - left) / n.max(1) as f32 >= 6.0;
    for (paint, rate) in [
        (
            GRR,
            (|p: &RatePoint| p.grr) as fn(&RatePoint) -> Option<f64>,
        ),
        (NRR, |p: &RatePoint| p.nrr),
    ] {
        // Runs of periods that have the rate: (x, y, faded).
        let mut runs: Vec<Vec<(f32, f32, bool)>> = vec![Vec::new()];
        for (i, p) in points.iter().enumerate() {
            match (rate(p), runs.last_mut()) {
                (Some(v), Some(run)) => run.push((x(i), py(v), p.incomplete)),
                _ => runs.push(Vec::new()),
            }
        }
        for run in runs {
            if run.len() > 1 {
                scene.shapes.push(Shape::Line {
                    points: run.iter().map(|q| (q.0, q.1)).collect(),
                    paint,
                    width: 2.0,
                });
            }
            // A rate with blanks on both sides has no line: it is always a dot.
            let alone = run.len() == 1;
            for (x, y, faded) in run {
                if dense || alone || faded {
                    scene.shapes.push(Shape::Dot {
                        x,
                        y,
                        r: 3.0,
                        paint,
                        faded,
                    });
                }
            }
        }
    }
    let labels: Vec<String> = points
        .iter()
        .map(|p| axis_label(&p.label, p.incomplete))
        .collect();
    scene.period_labels(&labels, left, right, bottom + 8.0);
    if !points.iter().any(|p| p.grr.is_some() || p.nrr.is_some()) {
        scene.text(
            (left + right) / 2.0,
            (top + bottom) / 2.0,
            "\u{2014}",
            20.0,
            Align::Middle,
            Baseline::Middle,
            Paint::Muted,
        );
    }
    scene
}

/// The chart's data: per period GRR and NRR, `missing` where a rate is blank.
pub fn table(
    points: &[RatePoint],
    head: [&str; 3],
    style: &NumberStyle,
    missing: &str,
) -> DataTable {
    let pct = |v: Option<f64>| v.map_or_else(|| missing.to_string(), |v| style.percent(v, 2));
    let rows = points
        .iter()
        .map(|p| {
            vec![
                format!("{}{}", p.label, if p.incomplete { "*" } else { "" }),
                pct(p.grr),
                pct(p.nrr),
            ]
        })
        .collect();
    DataTable::new(&head, rows)
}

/// What the caption says, over the complete periods that have both rates.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// GRR's lowest and highest.
    pub grr: (f64, f64),
    pub nrr: (f64, f64),
    /// The latest such period, its GRR and its NRR.
    pub latest: (String, f64, f64),
    /// The periods after the first with a blank rate (their start revenue is 0 or below).
    pub gaps: Vec<String>,
}

/// Why the caption has no figures to give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoSummary {
    /// No period starts with revenue above 0 (a single period has no start at all).
    NoStartRevenue,
    /// The rates are known only in this incomplete period, which the summary leaves out.
    OnlyIncomplete(String),
}

/// The caption's figures, or why there are none. Incomplete periods are left out.
pub fn summary(points: &[RatePoint]) -> Result<Summary, NoSummary> {
    let known: Vec<(&RatePoint, f64, f64)> = points
        .iter()
        .filter(|p| !p.incomplete)
        .filter_map(|p| Some((p, p.grr?, p.nrr?)))
        .collect();
    let Some(latest) = known.last() else {
        return Err(match points.iter().find(|p| p.grr.is_some()) {
            Some(p) => NoSummary::OnlyIncomplete(p.label.clone()),
            None => NoSummary::NoStartRevenue,
        });
    };
    let range = |v: fn(&(&RatePoint, f64, f64)) -> f64| {
        known
            .iter()
            .map(v)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            })
    };
    Ok(Summary {
        grr: range(|k| k.1),
        nrr: range(|k| k.2),
        latest: (latest.0.label.clone(), latest.1, latest.2),
        gaps: points
            .iter()
            .skip(1)
            .filter(|p| p.grr.is_none() || p.nrr.is_none())
            .map(|p| p.label.clone())
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::revenue::{revenue_table, Amount, Span, Spend};
    use crate::core::import::tables::Granularity;

    const WORDS: Words = Words {
        grr: "GRR",
        nrr: "NRR",
        incomplete: "* incomplete period",
    };

    /// Worked by hand, by month: a spends 100, 80, –, –, 50, 60; b spends –, 40, 40, –, –, 20.
    /// 2024-02: start 100, a contracts by 20: GRR = NRR = 80%.
    /// 2024-03: start 120, a is lost (80): GRR = NRR = 40 / 120 = 33.33%.
    /// 2024-04: start 40, b is lost (40): GRR = NRR = 0%.
    /// 2024-05: start 0: no rate, a gap.
    /// 2024-06: start 50, a expands by 10 and b returns: GRR 100%, NRR 120%.
    fn points_of_hand() -> Vec<RatePoint> {
        let jan = 2024 * 12;
        let spend = |customer, month, amount| Spend {
            customer,
            month: jan + month,
            amount: Amount::whole(amount),
        };
        let spends = vec![
            spend(0, 0, 100),
            spend(0, 1, 80),
            spend(0, 4, 50),
            spend(0, 5, 60),
            spend(1, 1, 40),
            spend(1, 2, 40),
            spend(1, 5, 20),
        ];
        let span = Span {
            first_month: jan,
            last_month: jan + 5,
            ends_early: false,
        };
        points(&revenue_table(&spends, Granularity::Month, span, 0).rows)
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

    /// The percentage at pixel `y`, read back from the first and last ticks.
    fn percent_at(scene: &Scene, y: f32) -> f64 {
        let ticks: Vec<(f32, f64)> = scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { y, text, align, .. } if *align == Align::End => {
                    Some((*y, text.trim_end_matches('%').parse().ok()?))
                }
                _ => None,
            })
            .collect();
        let ((y0, v0), (y1, v1)) = (ticks[0], ticks[ticks.len() - 1]);
        v0 + (v1 - v0) * ((y - y0) / (y1 - y0)) as f64
    }

    #[test]
    fn the_hand_worked_rates() {
        let p = points_of_hand();
        let pct = |v: Option<f64>| v.map(|v| (v * 10_000.0).round() / 100.0);
        let grr: Vec<Option<f64>> = p.iter().map(|p| pct(p.grr)).collect();
        let nrr: Vec<Option<f64>> = p.iter().map(|p| pct(p.nrr)).collect();
        assert_eq!(
            grr,
            vec![None, Some(80.0), Some(33.33), Some(0.0), None, Some(100.0)]
        );
        assert_eq!(
            nrr,
            vec![None, Some(80.0), Some(33.33), Some(0.0), None, Some(120.0)]
        );
    }

    #[test]
    fn a_blank_rate_breaks_both_lines() {
        let p = points_of_hand();
        let scene = layout(&p, 600.0, &NumberStyle::ENGLISH, WORDS);
        for paint in [GRR, NRR] {
            let runs = lines(&scene, paint);
            // February to April is one line; June, alone after the gap, is a dot only.
            assert_eq!(runs.len(), 1, "{paint:?}");
            assert_eq!(runs[0].len(), 3);
            let dots: Vec<f32> = scene
                .shapes
                .iter()
                .filter_map(|s| match s {
                    Shape::Dot { x, paint: p, .. } if *p == paint => Some(*x),
                    _ => None,
                })
                .collect();
            assert_eq!(dots.len(), 4, "{paint:?}");
        }
        let grr = &lines(&scene, GRR)[0];
        let read: Vec<f64> = grr
            .iter()
            .map(|q| (percent_at(&scene, q.1) * 100.0).round() / 100.0)
            .collect();
        assert_eq!(read, vec![80.0, 33.33, 0.0]);
        // The June dots: GRR at 100%, NRR above it.
        let june = |paint: Paint| {
            scene
                .shapes
                .iter()
                .rev()
                .find_map(|s| match s {
                    Shape::Dot { y, paint: p, .. } if *p == paint => Some(*y),
                    _ => None,
                })
                .unwrap()
        };
        assert!((percent_at(&scene, june(GRR)) - 100.0).abs() < 0.01);
        assert!((percent_at(&scene, june(NRR)) - 120.0).abs() < 0.01);
        let texts: Vec<&str> = scene.texts().collect();
        for t in ["GRR", "NRR", "0%", "100%", "2024-01", "2024-06"] {
            assert!(texts.contains(&t), "{t} in {texts:?}");
        }
    }

    #[test]
    fn lines_without_gaps_are_one_piece_and_rates_can_go_below_zero() {
        let mut p = points_of_hand();
        p[4].grr = Some(-0.5);
        p[4].nrr = Some(-0.25);
        let scene = layout(&p, 600.0, &NumberStyle::ENGLISH, WORDS);
        for paint in [GRR, NRR] {
            let runs = lines(&scene, paint);
            assert_eq!(runs.len(), 1);
            assert_eq!(runs[0].len(), 5);
        }
        assert!(scene.texts().any(|t| t.starts_with('-')), "a negative tick");
    }

    #[test]
    fn no_rate_at_all_is_a_dash() {
        let p = points_of_hand()[..1].to_vec();
        let scene = layout(&p, 360.0, &NumberStyle::ENGLISH, WORDS);
        assert!(lines(&scene, GRR).is_empty());
        assert!(scene.texts().any(|t| t == "\u{2014}"));
        assert_eq!(summary(&p), Err(NoSummary::NoStartRevenue));
    }

    #[test]
    fn summary_and_table() {
        let mut p = points_of_hand();
        let s = summary(&p).unwrap();
        assert_eq!(s.grr, (0.0, 1.0));
        assert_eq!(s.nrr, (0.0, 1.2));
        assert_eq!(s.latest, ("2024-06".to_string(), 1.0, 1.2));
        assert_eq!(s.gaps, vec!["2024-05".to_string()]);
        let t = table(&p, ["Period", "GRR", "NRR"], &NumberStyle::ENGLISH, "—");
        assert_eq!(t.rows[0], vec!["2024-01", "—", "—"]);
        assert_eq!(t.rows[2], vec!["2024-03", "33.33%", "33.33%"]);
        assert_eq!(t.rows[4], vec!["2024-05", "—", "—"]);
        assert_eq!(t.rows[5], vec!["2024-06", "100.00%", "120.00%"]);
        // An incomplete last period is left out of the caption, and faded on the chart.
        p[5].incomplete = true;
        let s = summary(&p).unwrap();
        assert_eq!(s.latest.0, "2024-04");
        let scene = layout(&p, 600.0, &NumberStyle::ENGLISH, WORDS);
        let faded = scene
            .shapes
            .iter()
            .filter(|s| matches!(s, Shape::Dot { faded: true, .. }))
            .count();
        assert_eq!(faded, 2);
        assert!(scene.texts().any(|t| t == "2024-06*"));
        let only_last: Vec<RatePoint> = p
            .iter()
            .cloned()
            .map(|mut q| {
                if !q.incomplete {
                    (q.grr, q.nrr) = (None, None);
                }
                q
            })
            .collect();
        assert_eq!(
            summary(&only_last),
            Err(NoSummary::OnlyIncomplete("2024-06".into()))
        );
    }
}
