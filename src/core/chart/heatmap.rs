//! The cohort heatmaps: one row per cohort, one column per period since the cohort's first,
//! each cell coloured by its value (the share still active, or the revenue per customer so
//! far) and printed with it while the cells are big enough; blank past the data; the
//! size-weighted average row at the bottom.

use super::scene::{Align, Baseline, Paint, Scene, Shape, FONT, SMALL};
use super::table::DataTable;
use super::text;
use crate::core::import::revenue::RevenueTable;
use crate::core::import::tables::Cohorts;
use crate::core::number::NumberStyle;

/// One row of the heatmap.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatRow {
    pub label: String,
    pub size: u64,
    /// The cell at each offset; `None` past the data.
    pub values: Vec<Option<f64>>,
    /// Cells in an incomplete period.
    pub incomplete: Vec<bool>,
}

/// What the cells hold, which sets their colour scale and how they are written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum HeatScale {
    /// Shares from 0 to 1, written as percentages.
    Share,
    /// Money per customer, coloured from 0 to `top` (the largest cell; cells below 0, left
    /// by refunds, take the lightest colour), written with `decimals` in the data table and
    /// whole in the cells.
    Money { top: f64, decimals: u32 },
}

impl HeatScale {
    /// Where `value` sits on the colour ramp, from 0 (lightest) to 1 (darkest).
    pub fn position(self, value: f64) -> f64 {
        match self {
            HeatScale::Share => value.clamp(0.0, 1.0),
            HeatScale::Money { top, .. } if top > 0.0 => (value / top).clamp(0.0, 1.0),
            HeatScale::Money { .. } => 0.0,
        }
    }

    /// A cell's text inside a cell; `wide` cells get one more digit for shares.
    fn cell(self, value: f64, wide: bool, style: &NumberStyle) -> String {
        match self {
            HeatScale::Share => style.percent(value, if wide { 1 } else { 0 }),
            HeatScale::Money { .. } => style.fixed(value, 0),
        }
    }

    /// A cell's text in the data table.
    fn exact(self, value: f64, style: &NumberStyle) -> String {
        match self {
            HeatScale::Share => style.percent(value, 1),
            HeatScale::Money { decimals, .. } => style.fixed(value, decimals as usize),
        }
    }

    /// The two ends of the colour key.
    fn ends(self, style: &NumberStyle) -> (String, String) {
        match self {
            HeatScale::Share => (style.percent(0.0, 0), style.percent(1.0, 0)),
            HeatScale::Money { top, .. } => (style.fixed(0.0, 0), style.fixed(top.max(0.0), 0)),
        }
    }
}

/// The heatmap's data.
#[derive(Clone, Debug, PartialEq)]
pub struct Heat {
    pub rows: Vec<HeatRow>,
    pub average: Vec<Option<f64>>,
    pub offsets: usize,
    pub scale: HeatScale,
}

/// The heatmap of a cohort table.
pub fn prepare(cohorts: &Cohorts) -> Heat {
    let offsets = cohorts
        .rows
        .iter()
        .map(|r| r.active.len())
        .max()
        .unwrap_or(0);
    let rows = cohorts
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| HeatRow {
            label: row.label.clone(),
            size: row.size,
            values: (0..offsets).map(|k| cohorts.share(r, k)).collect(),
            incomplete: (0..offsets)
                .map(|k| cohorts.cell_incomplete(r, k))
                .collect(),
        })
        .collect();
    Heat {
        rows,
        average: (0..offsets).map(|k| cohorts.average_share(k)).collect(),
        offsets,
        scale: HeatScale::Share,
    }
}

/// The heatmap of a revenue table's cohorts: the revenue per customer so far at each
/// offset (docs/metrics.md section 8), on a scale up to the largest cell.
pub fn prepare_revenue(table: &RevenueTable) -> Heat {
    let offsets = table.offsets();
    let rows: Vec<HeatRow> = table
        .cohorts
        .iter()
        .enumerate()
        .map(|(r, c)| HeatRow {
            label: c.label.clone(),
            size: c.size,
            values: (0..offsets).map(|k| c.per_customer(k)).collect(),
            incomplete: (0..offsets).map(|k| table.cell_incomplete(r, k)).collect(),
        })
        .collect();
    let average: Vec<Option<f64>> = (0..offsets)
        .map(|k| table.average_per_customer(k))
        .collect();
    let top = rows
        .iter()
        .flat_map(|r| r.values.iter())
        .chain(&average)
        .flatten()
        .fold(0.0, |a: f64, &b| a.max(b));
    Heat {
        rows,
        average,
        offsets,
        scale: HeatScale::Money {
            top,
            decimals: table.decimals,
        },
    }
}

/// The words the chart writes.
#[derive(Clone, Copy, Debug)]
pub struct Words<'a> {
    /// Above the columns: "Months since the cohort's first month".
    pub offsets: &'a str,
    pub average: &'a str,
    /// Under the colour key: "Share of the cohort still active".
    pub key: &'a str,
}

/// Cells narrower than this have no room for their share.
pub const MIN_LABELLED_CELL: f32 = 38.0;

/// The narrowest cell that has room for every cell's text.
fn min_labelled(heat: &Heat, style: &NumberStyle) -> f32 {
    match heat.scale {
        HeatScale::Share => MIN_LABELLED_CELL,
        HeatScale::Money { .. } => heat
            .rows
            .iter()
            .flat_map(|r| r.values.iter())
            .chain(&heat.average)
            .flatten()
            .map(|&v| text::width(&format!("{}*", heat.scale.cell(v, false, style)), 10.0) + 6.0)
            .fold(MIN_LABELLED_CELL, f32::max),
    }
}
/// The narrowest cell drawn.
const MIN_CELL: f32 = 12.0;
/// The widest cell drawn.
const MAX_CELL: f32 = 64.0;
/// How far past the visible width a heatmap may scroll, as a multiple of that width.
const MAX_SCROLL: f32 = 3.0;

/// A laid-out heatmap.
#[derive(Clone, Debug, PartialEq)]
pub struct Laid {
    pub scene: Scene,
    /// Whether the cells carry their shares (otherwise the data table stands in).
    pub labelled: bool,
}

/// Lays the heatmap out for a view `width` pixels wide: cells fill the width, or keep a
/// readable size and scroll sideways (the cohort labels stay pinned), or, past three widths
/// of scrolling, shrink and drop their labels.
pub fn layout(heat: &Heat, width: f32, style: &NumberStyle, words: Words) -> Laid {
    let labels: Vec<String> = heat
        .rows
        .iter()
        .map(|r| text::label(&r.label, 14))
        .collect();
    let pinned = 16.0
        + labels
            .iter()
            .map(|l| text::width(l, SMALL))
            .chain([text::width(words.average, SMALL)])
            .fold(0.0, f32::max);
    let cols = heat.offsets.max(1) as f32;
    let fit = (width - pinned - 8.0) / cols;
    let min_labelled = min_labelled(heat, style);
    let cell = if fit >= min_labelled {
        fit.min(MAX_CELL.max(min_labelled))
    } else {
        let scrolled = (width * MAX_SCROLL - pinned - 8.0) / cols;
        min_labelled.min(scrolled).max(MIN_CELL)
    };
    let labelled = cell >= min_labelled;
    let scale = heat.scale;
    let row_h = if labelled {
        24.0
    } else {
        cell.clamp(MIN_CELL, 22.0)
    };
    let total_w = pinned + cell * cols + 8.0;

    let mut scene = Scene::new(total_w.max(width.min(total_w)), 0.0);
    scene.pinned = pinned;
    scene.text(
        pinned,
        4.0,
        words.offsets,
        SMALL,
        Align::Start,
        Baseline::Top,
        Paint::Muted,
    );
    let head_y = 22.0;
    let col_step = ((text::width("00", SMALL) + 6.0) / cell).ceil().max(1.0) as usize;
    for k in (0..heat.offsets).step_by(col_step) {
        let x = pinned + cell * (k as f32 + 0.5);
        scene.text(
            x,
            head_y + 8.0,
            style.count(k as i64),
            SMALL,
            Align::Middle,
            Baseline::Middle,
            Paint::Muted,
        );
    }
    let mut y = head_y + 20.0;
    // Cell labels go after every cell, so that the canvas keeps one font and anchor for them.
    let mut cell_texts = Vec::new();
    let mut draw_row = |scene: &mut Scene,
                        label: &str,
                        values: &[Option<f64>],
                        incomplete: Option<&[bool]>,
                        y: f32,
                        bold: bool| {
        scene.shapes.push(Shape::Text {
            x: 8.0,
            y: y + row_h / 2.0,
            text: label.to_string(),
            size: SMALL,
            align: Align::Start,
            baseline: Baseline::Middle,
            paint: Paint::Text,
            bold,
        });
        for (k, value) in values.iter().enumerate() {
            let Some(value) = *value else { continue };
            let shade = scale.position(value);
            let x0 = pinned + cell * k as f32;
            let faded = incomplete.is_some_and(|i| i.get(k).copied().unwrap_or(false));
            scene.rect(
                (x0 + 1.0, y + 1.0),
                (x0 + cell - 1.0, y + row_h - 1.0),
                Paint::Heat(shade),
                faded,
            );
            if labelled {
                let mut t = scale.cell(value, cell >= 52.0, style);
                if faded {
                    t.push('*');
                }
                cell_texts.push(Shape::Text {
                    x: x0 + cell / 2.0,
                    y: y + row_h / 2.0,
                    text: t,
                    size: if cell >= 46.0 { SMALL } else { 10.0 },
                    align: Align::Middle,
                    baseline: Baseline::Middle,
                    paint: if faded {
                        Paint::Text
                    } else {
                        Paint::HeatText(shade)
                    },
                    bold,
                });
            }
        }
    };
    for (row, label) in heat.rows.iter().zip(&labels) {
        draw_row(
            &mut scene,
            label,
            &row.values,
            Some(&row.incomplete),
            y,
            false,
        );
        y += row_h;
    }
    y += 6.0;
    draw_row(&mut scene, words.average, &heat.average, None, y, true);
    scene.shapes.append(&mut cell_texts);
    y += row_h + 14.0;

    // The colour key: light to dark, from the scale's low end to its high end.
    let key_w = (cell * cols).clamp(120.0, 240.0);
    let steps = 10;
    for i in 0..steps {
        let x0 = pinned + key_w * i as f32 / steps as f32;
        let share = (i as f64 + 0.5) / steps as f64;
        scene.rect(
            (x0, y),
            (x0 + key_w / steps as f32, y + 10.0),
            Paint::Heat(share),
            false,
        );
    }
    let (low, high) = scale.ends(style);
    scene.text(
        pinned,
        y + 14.0,
        low,
        SMALL,
        Align::Start,
        Baseline::Top,
        Paint::Muted,
    );
    scene.text(
        pinned + key_w,
        y + 14.0,
        high,
        SMALL,
        Align::End,
        Baseline::Top,
        Paint::Muted,
    );
    scene.text(
        pinned + key_w + 10.0,
        y + 5.0,
        words.key,
        SMALL,
        Align::Start,
        Baseline::Middle,
        Paint::Muted,
    );
    scene.height = y + 14.0 + FONT + 8.0;
    scene.width = scene
        .width
        .max(pinned + key_w + 10.0 + text::width(words.key, SMALL) + 8.0);
    Laid { scene, labelled }
}

/// The heatmap's data: cohort, size and the value at every offset, then the average row.
pub fn table(
    heat: &Heat,
    cohort: &str,
    size: &str,
    average: &str,
    style: &NumberStyle,
) -> DataTable {
    let mut head = vec![cohort.to_string(), size.to_string()];
    head.extend((0..heat.offsets).map(|k| style.count(k as i64)));
    let cells = |values: &[Option<f64>], incomplete: Option<&[bool]>| -> Vec<String> {
        values
            .iter()
            .enumerate()
            .map(|(k, s)| match s {
                Some(v) => {
                    let star = incomplete.is_some_and(|i| i.get(k).copied().unwrap_or(false));
                    let text = heat.scale.exact(*v, style);
                    format!("{text}{}", if star { "*" } else { "" })
                }
                None => String::new(),
            })
            .collect()
    };
    let mut rows: Vec<Vec<String>> = heat
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![r.label.clone(), style.count(r.size as i64)];
            row.extend(cells(&r.values, Some(&r.incomplete)));
            row
        })
        .collect();
    let mut avg = vec![
        average.to_string(),
        style.count(heat.rows.iter().map(|r| r.size as i64).sum()),
    ];
    avg.extend(cells(&heat.average, None));
    rows.push(avg);
    DataTable { head, rows }
}

/// What the caption says: how many cohorts, and the average value at the start, one period in
/// and at the furthest offset with an average.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub cohorts: usize,
    pub offsets: usize,
    pub first: Option<f64>,
    pub after_one: Option<f64>,
    pub furthest: Option<(usize, f64)>,
}

/// The caption's figures.
pub fn summary(heat: &Heat) -> Summary {
    let furthest = heat
        .average
        .iter()
        .enumerate()
        .rev()
        .find_map(|(k, s)| s.filter(|_| k > 0).map(|s| (k, s)));
    Summary {
        cohorts: heat.rows.len(),
        offsets: heat.offsets,
        first: heat.average.first().copied().flatten(),
        after_one: heat.average.get(1).copied().flatten(),
        furthest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::tables::CohortRow;

    const WORDS: Words = Words {
        offsets: "Months since first month",
        average: "Average",
        key: "Share still active",
    };

    /// A triangle of `n` monthly cohorts of 100 customers, each keeping 90% a month.
    fn triangle(n: usize) -> Cohorts {
        let rows = (0..n)
            .map(|p| {
                let active: Vec<u64> = (0..n - p)
                    .map(|k| (100.0 * 0.9f64.powi(k as i32)).round() as u64)
                    .collect();
                CohortRow {
                    label: format!("{}-{:02}", 2024 + p / 12, p % 12 + 1),
                    period: p,
                    size: 100,
                    survivors: active.clone(),
                    active,
                }
            })
            .collect();
        Cohorts {
            rows,
            periods: n,
            incomplete_last: false,
        }
    }

    fn cells(scene: &Scene) -> usize {
        scene
            .shapes
            .iter()
            .filter(|s| {
                matches!(
                    s,
                    Shape::Rect {
                        paint: Paint::Heat(_),
                        ..
                    }
                )
            })
            .count()
    }

    #[test]
    fn a_cell_per_cohort_and_offset_blank_past_the_data() {
        let heat = prepare(&triangle(4));
        assert_eq!(heat.offsets, 4);
        assert_eq!(heat.rows[3].values, vec![Some(1.0), None, None, None]);
        let laid = layout(&heat, 800.0, &NumberStyle::ENGLISH, WORDS);
        // 4 + 3 + 2 + 1 cohort cells, 4 average cells, 10 key swatches.
        assert_eq!(cells(&laid.scene), 10 + 4 + 10);
        assert!(laid.labelled);
        let texts: Vec<&str> = laid.scene.texts().collect();
        assert!(texts.contains(&"90.0%"), "{texts:?}");
        assert!(texts.contains(&"Average"));
        assert!(texts.contains(&"2024-04"));
        assert_eq!(
            texts.iter().filter(|t| **t == "0.0%").count(),
            0,
            "no zero is printed for missing cells"
        );
    }

    #[test]
    fn wide_tables_scroll_with_labels_pinned_then_shrink() {
        let heat = prepare(&triangle(36));
        let wide = layout(&heat, 2400.0, &NumberStyle::ENGLISH, WORDS);
        assert!(wide.labelled);
        assert!(wide.scene.width <= 2400.0);
        let narrow = layout(&heat, 900.0, &NumberStyle::ENGLISH, WORDS);
        assert!(
            narrow.labelled,
            "36 columns at 900 px scroll but keep their labels"
        );
        assert!(narrow.scene.width > 900.0 && narrow.scene.width <= 2700.0);
        assert!(narrow.scene.pinned > 40.0);
        let phone = layout(&heat, 360.0, &NumberStyle::ENGLISH, WORDS);
        assert!(
            !phone.labelled,
            "at 360 px the cells are too small for their shares"
        );
        assert!(phone.scene.width <= 3.0 * 360.0 + 1.0);
        assert!(!phone
            .scene
            .texts()
            .any(|t| t.ends_with('%') && t != "0%" && t != "100%"));
        let small = layout(&prepare(&triangle(6)), 360.0, &NumberStyle::ENGLISH, WORDS);
        assert!(small.labelled);
    }

    #[test]
    fn average_and_summary() {
        let heat = prepare(&triangle(3));
        assert_eq!(heat.average[1], Some(0.9));
        let s = summary(&heat);
        assert_eq!((s.cohorts, s.offsets, s.after_one), (3, 3, Some(0.9)));
        assert_eq!(s.furthest, Some((2, 0.81)));
        let t = table(&heat, "Cohort", "Size", "Average", &NumberStyle::ENGLISH);
        assert_eq!(t.head, vec!["Cohort", "Size", "0", "1", "2"]);
        assert_eq!(t.rows[2], vec!["2024-03", "100", "100.0%", "", ""]);
        assert_eq!(
            t.rows[3],
            vec!["Average", "300", "100.0%", "90.0%", "81.0%"]
        );
    }

    #[test]
    fn incomplete_cells_are_marked() {
        let mut c = triangle(3);
        c.incomplete_last = true;
        let heat = prepare(&c);
        assert_eq!(heat.rows[0].incomplete, vec![false, false, true]);
        let laid = layout(&heat, 800.0, &NumberStyle::ENGLISH, WORDS);
        assert!(laid.scene.texts().any(|t| t == "81.0%*"));
    }

    /// Revenue cohorts of two months: x spends 100 then 50, y 40 then a refund of 60; z joins
    /// in February with 30.
    fn revenue() -> RevenueTable {
        use crate::core::import::revenue::{revenue_table, Amount, CustomerRevenue, Span};
        let mut r = CustomerRevenue::default();
        let jan = 2024 * 12;
        for (c, m, units) in [(0, 0, 100), (0, 1, 50), (1, 0, 40), (1, 1, -60), (2, 1, 30)] {
            r.add(c, jan + m, Amount::whole(units), 0).unwrap();
        }
        let span = Span {
            first_month: jan,
            last_month: jan + 1,
            ends_early: false,
        };
        let g = crate::core::import::tables::Granularity::Month;
        revenue_table(&r.finish().unwrap(), g, span, 2)
    }

    #[test]
    fn revenue_cells_are_money_per_customer_on_a_scale_to_the_largest() {
        let heat = prepare_revenue(&revenue());
        assert_eq!(heat.offsets, 2);
        assert_eq!(heat.rows[0].values, vec![Some(70.0), Some(65.0)]);
        assert_eq!(heat.rows[1].values, vec![Some(30.0), None]);
        assert_eq!(heat.average, vec![Some(170.0 / 3.0), Some(65.0)]);
        assert_eq!(
            heat.scale,
            HeatScale::Money {
                top: 70.0,
                decimals: 2
            }
        );
        assert_eq!(heat.scale.position(70.0), 1.0);
        assert_eq!(heat.scale.position(35.0), 0.5);
        assert_eq!(
            heat.scale.position(-10.0),
            0.0,
            "refunds take the lightest colour"
        );
        let laid = layout(&heat, 360.0, &NumberStyle::ENGLISH, WORDS);
        assert!(laid.labelled);
        let texts: Vec<&str> = laid.scene.texts().collect();
        for want in ["70", "65", "30", "57", "0"] {
            assert!(texts.contains(&want), "{want} in {texts:?}");
        }
        assert!(!texts.iter().any(|t| t.ends_with('%')), "{texts:?}");
        let shades: Vec<f64> = laid
            .scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Rect {
                    paint: Paint::Heat(v),
                    ..
                } => Some(*v),
                _ => None,
            })
            .take(5)
            .collect();
        assert_eq!(
            shades,
            vec![
                1.0,
                65.0 / 70.0,
                30.0 / 70.0,
                (170.0 / 3.0) / 70.0,
                65.0 / 70.0
            ]
        );
        let t = table(&heat, "Cohort", "Size", "Average", &NumberStyle::ENGLISH);
        assert_eq!(t.rows[0], vec!["2024-01", "2", "70.00", "65.00"]);
        assert_eq!(t.rows[1], vec!["2024-02", "1", "30.00", ""]);
        assert_eq!(t.rows[2], vec!["Average", "3", "56.67", "65.00"]);
        let s = summary(&heat);
        assert_eq!((s.first, s.furthest), (Some(170.0 / 3.0), Some((1, 65.0))));
    }

    #[test]
    fn wide_money_cells_make_room_for_their_digits() {
        let mut heat = prepare_revenue(&revenue());
        heat.rows[0].values[0] = Some(1_234_567.0);
        heat.scale = HeatScale::Money {
            top: 1_234_567.0,
            decimals: 2,
        };
        let laid = layout(&heat, 800.0, &NumberStyle::ENGLISH, WORDS);
        assert!(laid.labelled);
        let cell = laid
            .scene
            .shapes
            .iter()
            .find_map(|s| match s {
                Shape::Rect {
                    x0,
                    x1,
                    paint: Paint::Heat(_),
                    ..
                } => Some(x1 - x0),
                _ => None,
            })
            .unwrap();
        assert!(
            cell + 2.0 >= text::width("1,234,567*", 10.0),
            "a {cell} px cell for 1,234,567"
        );
    }
}
