//! The P(alive) histogram of the customers view (docs/metrics.md section 9.2): how many
//! customers fall in each tenth of the probability that they are still customers.

use super::scale::linear_ticks;
use super::scene::{band_centre, plot_left, Align, Baseline, Paint, Scene, SMALL};
use super::table::DataTable;
use super::text;
use crate::core::number::NumberStyle;

/// The words the chart writes.
#[derive(Clone, Copy, Debug)]
pub struct Words<'a> {
    /// Above the y axis: "Customers".
    pub customers: &'a str,
    /// Under the bins: "P(alive)".
    pub p_alive: &'a str,
}

/// The paint of the bars.
pub const BARS: Paint = Paint::Series(0);

/// Bin `i` of `n` equal bins of [0, 1] as written on the axis and in the table: "0–10%",
/// …, "90–100%" (each bin holds its lower edge; the last one holds 100% too).
pub fn bin_label(i: usize, n: usize, style: &NumberStyle) -> String {
    let n = n.max(1) as f64;
    format!(
        "{}\u{2013}{}",
        style.fixed(i as f64 / n * 100.0, 0),
        style.percent((i + 1) as f64 / n, 0)
    )
}

/// A count axis from 0 to at least `hi`, with whole-number ticks only.
pub fn count_ticks(hi: f64, style: &NumberStyle) -> (f64, f64, Vec<(f64, String)>) {
    let (min, max, ticks) = linear_ticks(0.0, hi.max(1.0), 5);
    let ticks = ticks
        .into_iter()
        .filter(|t| t.fract() == 0.0)
        .map(|t| (t, style.count(t as i64)))
        .collect();
    (min, max, ticks)
}

/// Lays the chart out `width` pixels wide: one bar per bin of `counts`, left to right from
/// P(alive) 0 to 1, with its count above it when every count fits its bar's width.
pub fn layout(counts: &[u64], width: f32, style: &NumberStyle, words: Words) -> Scene {
    let n = counts.len();
    let hi = counts.iter().copied().max().unwrap_or(0) as f64;
    let (min, max, ticks) = count_ticks(hi, style);
    let left = plot_left(&ticks);
    let right = width - 12.0;
    let mut scene = Scene::new(width, 0.0);
    scene.y_title(words.customers, left, 8.0);
    let top = 40.0;
    let bottom = top + (width * 0.4).clamp(180.0, 280.0);
    let y = scene.linear_y_axis((min, max), (top, bottom), &ticks, left, right);

    let band = (right - left) / n.max(1) as f32;
    let half = (band * 0.42).max(0.5);
    let written: Vec<String> = counts.iter().map(|&c| style.count(c as i64)).collect();
    let numbers_fit = written.iter().all(|w| text::width(w, SMALL) + 4.0 <= band);
    for (i, (&c, w)) in counts.iter().zip(written).enumerate() {
        let cx = band_centre(i, n, left, right);
        let py = y.map(c as f64).unwrap_or(bottom);
        if c > 0 {
            scene.rect((cx - half, bottom), (cx + half, py), BARS, false);
        }
        if numbers_fit {
            scene.text(
                cx,
                py - 3.0,
                w,
                SMALL,
                Align::Middle,
                Baseline::Bottom,
                Paint::Text,
            );
        }
    }
    scene.segment((left, bottom), (right, bottom), Paint::Axis, 1.0);
    let labels: Vec<String> = (0..n).map(|i| bin_label(i, n, style)).collect();
    scene.period_labels(&labels, left, right, bottom + 8.0);
    scene.text(
        (left + right) / 2.0,
        bottom + 28.0,
        words.p_alive,
        SMALL,
        Align::Middle,
        Baseline::Top,
        Paint::Muted,
    );
    scene.height = bottom + 48.0;
    scene
}

/// The chart's data: per bin its range, its customers and their share of all customers
/// (`missing` when there are none).
pub fn table(counts: &[u64], head: [&str; 3], style: &NumberStyle, missing: &str) -> DataTable {
    let total: u64 = counts.iter().sum();
    let rows = counts
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            vec![
                bin_label(i, counts.len(), style),
                style.count(c as i64),
                if total > 0 {
                    style.percent(c as f64 / total as f64, 1)
                } else {
                    missing.to_string()
                },
            ]
        })
        .collect();
    DataTable::new(&head, rows)
}

/// What the caption says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub customers: u64,
    /// Customers whose P(alive) is 50% or more: the upper half of the bins.
    pub likely_alive: u64,
    /// The mean P(alive).
    pub mean: Option<f64>,
}

impl Summary {
    /// The share of customers with a P(alive) of 50% or more.
    pub fn share(&self) -> f64 {
        self.likely_alive as f64 / self.customers as f64
    }
}

/// The caption's figures; `None` when no customer has a P(alive).
pub fn summary(counts: &[u64], mean: Option<f64>) -> Option<Summary> {
    let customers: u64 = counts.iter().sum();
    (customers > 0).then(|| Summary {
        customers,
        likely_alive: counts[counts.len() / 2..].iter().sum(),
        mean,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::chart::scene::Shape;
    use crate::core::clv::P_ALIVE_BINS;

    const WORDS: Words = Words {
        customers: "Customers",
        p_alive: "P(alive)",
    };

    const COUNTS: [u64; P_ALIVE_BINS] = [120, 40, 0, 10, 5, 5, 10, 20, 60, 230];

    /// The bars as (left, top, right, bottom), in bin order.
    fn bars(scene: &Scene) -> Vec<(f32, f32, f32, f32)> {
        scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Rect {
                    x0,
                    y0,
                    x1,
                    y1,
                    paint,
                    ..
                } if *paint == BARS => Some((x0.min(*x1), y0.min(*y1), x0.max(*x1), y0.max(*y1))),
                _ => None,
            })
            .collect()
    }

    /// The y axis's tick labels, top to bottom.
    fn ticks(scene: &Scene) -> Vec<(f32, String)> {
        let mut t: Vec<(f32, String)> = scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { y, text, align, .. } if *align == Align::End => {
                    Some((*y, text.clone()))
                }
                _ => None,
            })
            .collect();
        t.sort_by(|a, b| a.0.total_cmp(&b.0));
        t
    }

    #[test]
    fn bar_heights_are_proportional_to_the_counts() {
        let scene = layout(&COUNTS, 600.0, &NumberStyle::ENGLISH, WORDS);
        let b = bars(&scene);
        // The empty bin has no bar.
        assert_eq!(b.len(), 9);
        let h = |r: (f32, f32, f32, f32)| r.3 - r.1;
        // 230 customers is 23 times 10, and 120 is three times 40.
        assert!((h(b[8]) / h(b[2]) - 23.0).abs() < 0.01, "{b:?}");
        assert!((h(b[0]) / h(b[1]) - 3.0).abs() < 0.01);
        // Every bar stands on the same base line, left to right.
        assert!(b.iter().all(|r| (r.3 - b[0].3).abs() < 0.01));
        assert!(b.windows(2).all(|p| p[1].0 > p[0].2));
        // The tallest bar reaches the pixel of 230 on the axis.
        let t = ticks(&scene);
        let at = |v: &str| t.iter().find(|(_, l)| l == v).map(|(y, _)| *y).unwrap();
        let (y0, y200) = (at("0"), at("200"));
        let want = y0 - (y0 - y200) * 230.0 / 200.0;
        assert!((b[8].1 - want).abs() < 0.01, "{} against {want}", b[8].1);
    }

    #[test]
    fn axis_ticks_are_whole_counts_and_bins_are_named() {
        let scene = layout(&COUNTS, 600.0, &NumberStyle::ENGLISH, WORDS);
        let labels: Vec<String> = ticks(&scene).into_iter().map(|t| t.1).collect();
        assert_eq!(labels, vec!["250", "200", "150", "100", "50", "0"]);
        let texts: Vec<&str> = scene.texts().collect();
        for t in ["0–10%", "50–60%", "90–100%", "P(alive)", "Customers", "230"] {
            assert!(texts.contains(&t), "{t} in {texts:?}");
        }
        // A handful of customers still gets whole ticks, never 0.2 of a customer.
        let few = layout(
            &[0, 0, 1, 0, 0, 0, 0, 0, 0, 2],
            600.0,
            &NumberStyle::ENGLISH,
            WORDS,
        );
        let labels: Vec<String> = ticks(&few).into_iter().map(|t| t.1).collect();
        assert_eq!(labels, vec!["2", "1", "0"]);
    }

    #[test]
    fn counts_above_bars_only_when_they_fit() {
        let wide = layout(&COUNTS, 600.0, &NumberStyle::ENGLISH, WORDS);
        assert!(wide
            .shapes
            .iter()
            .any(|s| matches!(s, Shape::Text { text, align: Align::Middle, .. } if text == "120")));
        let big = [1_234_567u64; P_ALIVE_BINS];
        let narrow = layout(&big, 200.0, &NumberStyle::ENGLISH, WORDS);
        assert!(!narrow.texts().any(|t| t == "1,234,567"));
    }

    #[test]
    fn table_rows_and_summary() {
        let t = table(
            &COUNTS,
            ["P(alive)", "Customers", "Share"],
            &NumberStyle::ENGLISH,
            "—",
        );
        assert_eq!(t.head, vec!["P(alive)", "Customers", "Share"]);
        assert_eq!(t.rows.len(), P_ALIVE_BINS);
        assert_eq!(t.rows[0], vec!["0–10%", "120", "24.0%"]);
        assert_eq!(t.rows[2], vec!["20–30%", "0", "0.0%"]);
        assert_eq!(t.rows[9], vec!["90–100%", "230", "46.0%"]);
        let s = summary(&COUNTS, Some(0.61)).unwrap();
        assert_eq!(s.customers, 500);
        assert_eq!(s.likely_alive, 5 + 10 + 20 + 60 + 230);
        assert!((s.share() - 0.65).abs() < 1e-12);
        assert_eq!(summary(&[0; P_ALIVE_BINS], None), None);
        let empty = table(&[0; 2], ["", "", ""], &NumberStyle::ENGLISH, "—");
        assert_eq!(empty.rows[1], vec!["50–100%", "0", "—"]);
    }

    #[test]
    fn persian_digits_on_the_axis() {
        let scene = layout(&COUNTS, 600.0, &NumberStyle::PERSIAN, WORDS);
        assert!(
            scene.texts().any(|t| t == "۹۰–۱۰۰٪"),
            "{:?}",
            scene.texts().collect::<Vec<_>>()
        );
    }
}
