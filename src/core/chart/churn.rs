//! The churn trend: churn per period under the chosen definition, with the Wilson 95% band
//! around it while the default definition (lost / start) is in use.

use super::flows::axis_label;
use super::scale::linear_ticks;
use super::scene::{band_centre, plot_left, Align, Baseline, Paint, Scene, Shape};
use super::table::DataTable;
use crate::core::import::tables::FlowRow;
use crate::core::number::NumberStyle;
use crate::core::period::ChurnDefinition;
use crate::core::stats::{wilson, Z95};

/// One period's churn.
#[derive(Clone, Debug, PartialEq)]
pub struct ChurnPoint {
    pub label: String,
    pub churn: Option<f64>,
    /// The Wilson 95% interval (default definition only).
    pub band: Option<(f64, f64)>,
    pub incomplete: bool,
    /// The period has a count of lost customers.
    pub lost_known: bool,
}

/// A period's churn under `definition` (docs/metrics.md section 1 with S = start, N = new,
/// L = lost, J = joined and left, E = active); `None` when lost is unknown or the
/// denominator is zero.
pub fn churn(row: &FlowRow, definition: ChurnDefinition) -> Option<f64> {
    let lost = row.lost?;
    let gone = (lost + row.joined_left.unwrap_or(0)) as f64;
    let ratio = |den: f64| (den > 0.0).then(|| gone / den);
    match definition {
        ChurnDefinition::Start => row.churn(),
        ChurnDefinition::StartPlusNew => ratio((row.start + row.new.unwrap_or(0)) as f64),
        ChurnDefinition::Average => ratio((row.start + row.active) as f64 / 2.0),
    }
}

/// The points of an imported table's periods.
pub fn points(rows: &[FlowRow], definition: ChurnDefinition) -> Vec<ChurnPoint> {
    rows.iter()
        .map(|r| ChurnPoint {
            label: r.label.clone(),
            churn: churn(r, definition),
            band: match (definition, r.lost) {
                (ChurnDefinition::Start, Some(l)) => wilson(l, r.start, Z95),
                _ => None,
            },
            incomplete: r.incomplete,
            lost_known: r.lost.is_some(),
        })
        .collect()
}

/// The words the chart writes.
#[derive(Clone, Copy, Debug)]
pub struct Words<'a> {
    /// The definition's name, for the legend.
    pub churn: &'a str,
    pub band: &'a str,
    pub incomplete: &'a str,
}

/// Decimals for percentage ticks `step` apart.
pub(super) fn tick_decimals(step: f64) -> usize {
    if step >= 0.01 {
        0
    } else if step >= 0.001 {
        1
    } else {
        2
    }
}

/// Lays the chart out `width` pixels wide.
pub fn layout(points: &[ChurnPoint], width: f32, style: &NumberStyle, words: Words) -> Scene {
    let hi = points
        .iter()
        .map(|p| p.band.map_or(0.0, |b| b.1).max(p.churn.unwrap_or(0.0)))
        .fold(0.0, f64::max);
    let (min, max, ticks) = linear_ticks(0.0, if hi > 0.0 { hi } else { 0.01 }, 5);
    let step = ticks.get(1).map_or(0.01, |t| t - ticks[0]);
    let ticks: Vec<(f64, String)> = ticks
        .iter()
        .map(|&t| (t, style.percent(t, tick_decimals(step))))
        .collect();
    let has_band = points.iter().any(|p| p.band.is_some());
    let mut legend = vec![(Paint::Series(0), words.churn)];
    if has_band {
        legend.push((Paint::Band(0), words.band));
    }
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
    scene.segment((left, bottom), (right, bottom), Paint::Axis, 1.0);

    let n = points.len();
    let x = |i: usize| band_centre(i, n, left, right);
    let py = |v: f64| y.map(v).unwrap_or(bottom);
    // The band, one polygon per run of periods that have it.
    let mut run: Vec<(f32, f64, f64)> = Vec::new();
    let mut bands = Vec::new();
    for (i, p) in points.iter().enumerate() {
        match p.band {
            Some((lo, hi)) => run.push((x(i), lo, hi)),
            None => bands.push(std::mem::take(&mut run)),
        }
    }
    bands.push(run);
    for run in bands.into_iter().filter(|r| !r.is_empty()) {
        let mut poly: Vec<(f32, f32)> = run.iter().map(|&(px, _, hi)| (px, py(hi))).collect();
        poly.extend(run.iter().rev().map(|&(px, lo, _)| (px, py(lo))));
        if run.len() == 1 {
            // A single period's band is a short bar.
            let (px, lo, hi) = run[0];
            scene.rect(
                (px - 4.0, py(hi)),
                (px + 4.0, py(lo)),
                Paint::Band(0),
                false,
            );
        } else {
            scene.shapes.push(Shape::Area {
                points: poly,
                paint: Paint::Band(0),
            });
        }
    }
    // The line, broken where a period has no churn.
    let mut line = Vec::new();
    for (i, p) in points.iter().enumerate() {
        match p.churn {
            Some(c) => line.push((x(i), py(c))),
            None if line.len() > 1 => scene.shapes.push(Shape::Line {
                points: std::mem::take(&mut line),
                paint: Paint::Series(0),
                width: 2.0,
            }),
            None => line.clear(),
        }
    }
    if line.len() > 1 {
        scene.shapes.push(Shape::Line {
            points: line,
            paint: Paint::Series(0),
            width: 2.0,
        });
    }
    let dots = (right - left) / n.max(1) as f32 >= 6.0;
    for (i, p) in points.iter().enumerate() {
        if let Some(c) = p.churn {
            if dots || p.incomplete {
                scene.shapes.push(Shape::Dot {
                    x: x(i),
                    y: py(c),
                    r: 3.0,
                    paint: Paint::Series(0),
                    faded: p.incomplete,
                });
            }
        }
    }
    let labels: Vec<String> = points
        .iter()
        .map(|p| axis_label(&p.label, p.incomplete))
        .collect();
    scene.period_labels(&labels, left, right, bottom + 8.0);
    if !points.iter().any(|p| p.churn.is_some()) {
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

/// The chart's data: per period the churn and, with the default definition, the interval.
pub fn table(
    points: &[ChurnPoint],
    head: [&str; 4],
    style: &NumberStyle,
    missing: &str,
) -> DataTable {
    let pct = |v: Option<f64>| v.map_or_else(|| missing.to_string(), |v| style.percent(v, 2));
    let with_band = points.iter().any(|p| p.band.is_some());
    let rows = points
        .iter()
        .map(|p| {
            let mut row = vec![
                format!("{}{}", p.label, if p.incomplete { "*" } else { "" }),
                pct(p.churn),
            ];
            if with_band {
                row.push(pct(p.band.map(|b| b.0)));
                row.push(pct(p.band.map(|b| b.1)));
            }
            row
        })
        .collect();
    let cols = if with_band { 4 } else { 2 };
    DataTable::new(&head[..cols], rows)
}

/// What the caption says: the lowest, highest and latest complete churn.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub low: (String, f64),
    pub high: (String, f64),
    pub latest: (String, f64, Option<(f64, f64)>),
}

/// Why the caption has no figures to give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoSummary {
    /// No period has a count of lost customers.
    NoLostCounts,
    /// Churn is known only in this incomplete period (the data ends inside it), which the
    /// summary leaves out.
    OnlyIncomplete(String),
    /// Lost customers are counted, but every period starts with 0 customers: nobody to lose.
    NoCustomersAtStart,
}

/// The caption's figures, or why there are none. Incomplete periods are left out.
pub fn summary(points: &[ChurnPoint]) -> Result<Summary, NoSummary> {
    let known: Vec<(&ChurnPoint, f64)> = points
        .iter()
        .filter(|p| !p.incomplete)
        .filter_map(|p| Some((p, p.churn?)))
        .collect();
    let (Some(low), Some(high), Some(latest)) = (
        known.iter().min_by(|a, b| a.1.total_cmp(&b.1)),
        known.iter().max_by(|a, b| a.1.total_cmp(&b.1)),
        known.last(),
    ) else {
        return Err(if !points.iter().any(|p| p.lost_known) {
            NoSummary::NoLostCounts
        } else if let Some(p) = points.iter().find(|p| p.churn.is_some()) {
            NoSummary::OnlyIncomplete(p.label.clone())
        } else {
            NoSummary::NoCustomersAtStart
        });
    };
    Ok(Summary {
        low: (low.0.label.clone(), low.1),
        high: (high.0.label.clone(), high.1),
        latest: (latest.0.label.clone(), latest.1, latest.0.band),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::period::DEFINITIONS;

    const WORDS: Words = Words {
        churn: "Churn",
        band: "95% interval",
        incomplete: "* incomplete period",
    };

    fn row(label: &str, start: u64, new: u64, lost: u64, j: Option<u64>) -> FlowRow {
        let active = start + new - lost - j.unwrap_or(0);
        FlowRow {
            label: label.into(),
            start,
            active,
            new: Some(new),
            lost: Some(lost),
            returning: Some(0),
            joined_left: j,
            ..FlowRow::default()
        }
    }

    #[test]
    fn the_three_definitions_match_the_worked_example() {
        // docs/metrics.md section 1: S = 1,000, N = 200, L = 100, J = 20 -> 10.00%, 10.00%, 11.54%.
        let r = row("Q1", 1000, 200, 100, Some(20));
        assert_eq!(r.active, 1080);
        let got: Vec<String> = [
            ChurnDefinition::Start,
            ChurnDefinition::StartPlusNew,
            ChurnDefinition::Average,
        ]
        .map(|d| format!("{:.4}", churn(&r, d).unwrap()))
        .to_vec();
        assert_eq!(got, vec!["0.1000", "0.1000", "0.1154"]);
    }

    #[test]
    fn the_band_is_wilson_for_the_default_only() {
        // docs/metrics.md: L = 3, S = 20 -> 5.24% .. 36.04%.
        let rows = vec![row("A", 20, 0, 3, None)];
        let p = points(&rows, ChurnDefinition::Start);
        let (lo, hi) = p[0].band.unwrap();
        assert_eq!(
            (format!("{lo:.4}"), format!("{hi:.4}")),
            ("0.0524".into(), "0.3604".into())
        );
        assert_eq!(points(&rows, ChurnDefinition::Average)[0].band, None);
        assert_eq!(points(&rows, ChurnDefinition::StartPlusNew)[0].band, None);
    }

    #[test]
    fn the_band_surrounds_the_line() {
        let rows: Vec<FlowRow> = (0..12)
            .map(|i| row(&format!("M{i}"), 200 + i * 10, 30, 10 + i, None))
            .collect();
        let scene = layout(
            &points(&rows, ChurnDefinition::Start),
            700.0,
            &NumberStyle::ENGLISH,
            WORDS,
        );
        let area = scene
            .shapes
            .iter()
            .find_map(|s| match s {
                Shape::Area { points, .. } => Some(points.clone()),
                _ => None,
            })
            .unwrap();
        let line = scene
            .shapes
            .iter()
            .find_map(|s| match s {
                Shape::Line {
                    points,
                    paint: Paint::Series(0),
                    ..
                } => Some(points.clone()),
                _ => None,
            })
            .unwrap();
        assert_eq!(area.len(), 24);
        assert_eq!(line.len(), 12);
        for (i, p) in line.iter().enumerate() {
            let (top, bottom) = (area[i].1, area[23 - i].1);
            assert!(
                top <= p.1 && p.1 <= bottom,
                "period {i}: {top} {} {bottom}",
                p.1
            );
        }
        assert!(scene.texts().any(|t| t == "95% interval"));
        let other = layout(
            &points(&rows, ChurnDefinition::Average),
            700.0,
            &NumberStyle::ENGLISH,
            WORDS,
        );
        assert!(!other.shapes.iter().any(|s| matches!(s, Shape::Area { .. })));
        assert!(!other.texts().any(|t| t == "95% interval"));
    }

    #[test]
    fn gaps_break_the_line() {
        let mut rows: Vec<FlowRow> = (0..5)
            .map(|i| row(&format!("M{i}"), 100, 10, 5, None))
            .collect();
        rows[2].start = 0;
        rows[2].lost = Some(0);
        let p = points(&rows, ChurnDefinition::Start);
        assert_eq!(p[2].churn, None);
        let scene = layout(&p, 600.0, &NumberStyle::ENGLISH, WORDS);
        let lines = scene
            .shapes
            .iter()
            .filter(|s| {
                matches!(
                    s,
                    Shape::Line {
                        paint: Paint::Series(0),
                        ..
                    }
                )
            })
            .count();
        assert_eq!(lines, 2);
    }

    #[test]
    fn summary_and_table() {
        let mut rows = vec![
            row("Jan", 100, 0, 5, None),
            row("Feb", 100, 0, 12, None),
            row("Mar", 100, 0, 8, None),
            row("Apr", 100, 0, 50, None),
        ];
        rows[3].incomplete = true;
        let p = points(&rows, ChurnDefinition::Start);
        let s = summary(&p).unwrap();
        assert_eq!(
            (s.low.0.as_str(), s.high.0.as_str(), s.latest.0.as_str()),
            ("Jan", "Feb", "Mar")
        );
        assert!(s.latest.2.is_some());
        let t = table(
            &p,
            ["Period", "Churn", "Low", "High"],
            &NumberStyle::ENGLISH,
            "—",
        );
        assert_eq!(t.head.len(), 4);
        assert_eq!(t.rows[3][0], "Apr*");
        assert_eq!(t.rows[0][1], "5.00%");
        let t = table(
            &points(&rows, ChurnDefinition::Average),
            ["Period", "Churn", "Low", "High"],
            &NumberStyle::ENGLISH,
            "—",
        );
        assert_eq!(t.head, vec!["Period", "Churn"]);
        let none: Vec<ChurnPoint> = vec![ChurnPoint {
            label: "x".into(),
            churn: None,
            band: None,
            incomplete: false,
            lost_known: false,
        }];
        assert_eq!(summary(&none), Err(NoSummary::NoLostCounts));
    }

    /// Blank churn: the caption names the real reason a churn trend has no
    /// figures, whichever definition is chosen.
    #[test]
    fn item_8_the_churn_caption_says_why_it_has_no_figures() {
        // Transactions of one complete month and one incomplete month: the first period
        // starts with nobody, and the only lost customers are in the incomplete one.
        let mut rows = vec![row("Jan", 0, 10, 0, None), row("Feb", 10, 2, 3, None)];
        rows[1].incomplete = true;
        assert_eq!(
            summary(&points(&rows, ChurnDefinition::Start)),
            Err(NoSummary::OnlyIncomplete("Feb".into()))
        );
        // Definitions that count the new customers in the base have a churn for January.
        for d in [ChurnDefinition::StartPlusNew, ChurnDefinition::Average] {
            assert!(summary(&points(&rows, d)).is_ok(), "{d:?}");
        }
        // Lost customers counted, but every period starts and stays empty.
        let empty = vec![row("Jan", 0, 0, 0, None)];
        for (d, _) in DEFINITIONS {
            assert_eq!(
                summary(&points(&empty, d)),
                Err(NoSummary::NoCustomersAtStart),
                "{d:?}"
            );
        }
        // A customer-count series has no lost customers at all.
        let series = vec![FlowRow {
            label: "Jan".into(),
            start: 5,
            active: 6,
            ..FlowRow::default()
        }];
        assert_eq!(
            summary(&points(&series, ChurnDefinition::Start)),
            Err(NoSummary::NoLostCounts)
        );
        // Once a complete period has churn, the caption has figures again.
        rows[1].incomplete = false;
        assert!(summary(&points(&rows, ChurnDefinition::Start)).is_ok());
    }
}
