//! The cohort heatmap: one row per cohort, one column per period since the cohort's first,
//! each cell coloured by the share still active and printed with it while the cells are big
//! enough; blank past the data; the size-weighted average row at the bottom.

use super::scene::{Align, Baseline, Paint, Scene, Shape, FONT, SMALL};
use super::table::DataTable;
use super::text;
use crate::core::import::tables::Cohorts;
use crate::core::number::NumberStyle;

/// One row of the heatmap.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatRow {
    pub label: String,
    pub size: u64,
    /// Share active at each offset; `None` past the data.
    pub shares: Vec<Option<f64>>,
    /// Cells in an incomplete period.
    pub incomplete: Vec<bool>,
}

/// The heatmap's data.
#[derive(Clone, Debug, PartialEq)]
pub struct Heat {
    pub rows: Vec<HeatRow>,
    pub average: Vec<Option<f64>>,
    pub offsets: usize,
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
            shares: (0..offsets).map(|k| cohorts.share(r, k)).collect(),
            incomplete: (0..offsets)
                .map(|k| cohorts.cell_incomplete(r, k))
                .collect(),
        })
        .collect();
    Heat {
        rows,
        average: (0..offsets).map(|k| cohorts.average_share(k)).collect(),
        offsets,
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
    let cell = if fit >= MIN_LABELLED_CELL {
        fit.min(MAX_CELL)
    } else {
        let scrolled = (width * MAX_SCROLL - pinned - 8.0) / cols;
        MIN_LABELLED_CELL.min(scrolled).max(MIN_CELL)
    };
    let labelled = cell >= MIN_LABELLED_CELL;
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
                        shares: &[Option<f64>],
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
        for (k, share) in shares.iter().enumerate() {
            let Some(share) = *share else { continue };
            let x0 = pinned + cell * k as f32;
            let faded = incomplete.is_some_and(|i| i.get(k).copied().unwrap_or(false));
            scene.rect(
                (x0 + 1.0, y + 1.0),
                (x0 + cell - 1.0, y + row_h - 1.0),
                Paint::Heat(share),
                faded,
            );
            if labelled {
                let mut t = style.percent(share, if cell >= 52.0 { 1 } else { 0 });
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
                        Paint::HeatText(share)
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
            &row.shares,
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

    // The colour key: light to dark, 0% to 100%.
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
    scene.text(
        pinned,
        y + 14.0,
        style.percent(0.0, 0),
        SMALL,
        Align::Start,
        Baseline::Top,
        Paint::Muted,
    );
    scene.text(
        pinned + key_w,
        y + 14.0,
        style.percent(1.0, 0),
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

/// The heatmap's data: cohort, size and the share at every offset, then the average row.
pub fn table(
    heat: &Heat,
    cohort: &str,
    size: &str,
    average: &str,
    style: &NumberStyle,
) -> DataTable {
    let mut head = vec![cohort.to_string(), size.to_string()];
    head.extend((0..heat.offsets).map(|k| style.count(k as i64)));
    let cells = |shares: &[Option<f64>], incomplete: Option<&[bool]>| -> Vec<String> {
        shares
            .iter()
            .enumerate()
            .map(|(k, s)| match s {
                Some(v) => {
                    let star = incomplete.is_some_and(|i| i.get(k).copied().unwrap_or(false));
                    format!("{}{}", style.percent(*v, 1), if star { "*" } else { "" })
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
            row.extend(cells(&r.shares, Some(&r.incomplete)));
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

/// What the caption says: how many cohorts, and the average share one period in and at the
/// furthest offset with an average.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub cohorts: usize,
    pub offsets: usize,
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
        assert_eq!(heat.rows[3].shares, vec![Some(1.0), None, None, None]);
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
}
