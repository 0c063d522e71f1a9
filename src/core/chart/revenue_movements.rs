//! The revenue movements chart (docs/metrics.md section 8): per period, the revenue that came
//! in (new, returning, expansion) stacked above the axis and the revenue that went
//! (contraction, churned) stacked below it, with the net change, revenue − start revenue, as
//! a line.

use super::flows::axis_label;
use super::scale::linear_ticks;
use super::scene::{band_centre, plot_left, Paint, Scene};
use super::table::DataTable;
use crate::core::import::revenue::RevenueRow;
use crate::core::number::{Decimal, NumberStyle};

/// One period's movements, exact. The first period has no start: only its revenue and its
/// new revenue (all of it); the other flows and the net change are `None` there.
#[derive(Clone, Debug, PartialEq)]
pub struct MovementBar {
    pub label: String,
    pub revenue: Decimal,
    pub new: Decimal,
    pub returning: Option<Decimal>,
    pub expansion: Option<Decimal>,
    pub contraction: Option<Decimal>,
    pub churned: Option<Decimal>,
    /// revenue − start revenue.
    pub net: Option<Decimal>,
    pub incomplete: bool,
}

/// The bars of a revenue table's periods.
pub fn bars(rows: &[RevenueRow]) -> Vec<MovementBar> {
    rows.iter()
        .map(|r| MovementBar {
            label: r.label.clone(),
            revenue: r.revenue,
            new: r.new,
            returning: r.returning,
            expansion: r.expansion,
            contraction: r.contraction,
            churned: r.churned,
            net: r.start.and_then(|s| r.revenue.checked_sub(s)),
            incomplete: r.incomplete,
        })
        .collect()
}

/// A piece of a bar: what it shows and where it runs, in money, from `from` to `to`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Piece {
    pub paint: Paint,
    pub from: f64,
    pub to: f64,
}

impl MovementBar {
    /// Each flow with the sign it adds to the revenue: new, returning and expansion add,
    /// contraction and churned revenue take away.
    fn signed(&self) -> [(Paint, f64); 5] {
        let v = |d: Option<Decimal>| d.map_or(0.0, Decimal::to_f64);
        [
            (Paint::Gain, self.new.to_f64()),
            (Paint::Return, v(self.returning)),
            (Paint::Expansion, v(self.expansion)),
            (Paint::Contraction, -v(self.contraction)),
            (Paint::Loss, -v(self.churned)),
        ]
    }

    /// The bar's pieces, in the order of the legend: each flow's signed amount stacked on the
    /// side of zero its sign puts it. Refunds can make new, returning or churned revenue
    /// negative, which puts that piece on the other side; a flow of 0 has no piece.
    pub fn pieces(&self) -> Vec<Piece> {
        let (mut up, mut down) = (0.0, 0.0);
        let mut out = Vec::with_capacity(5);
        for (paint, v) in self.signed() {
            let end = if v > 0.0 {
                &mut up
            } else if v < 0.0 {
                &mut down
            } else {
                continue;
            };
            out.push(Piece {
                paint,
                from: *end,
                to: *end + v,
            });
            *end += v;
        }
        out
    }
}

/// The words the chart writes.
#[derive(Clone, Copy, Debug)]
pub struct Words<'a> {
    pub new: &'a str,
    pub returning: &'a str,
    pub expansion: &'a str,
    pub contraction: &'a str,
    pub churned: &'a str,
    pub net: &'a str,
    /// Beside the legend when a period is incomplete: "* incomplete period".
    pub incomplete: &'a str,
    /// Above the y axis: "Revenue".
    pub revenue: &'a str,
}

/// Decimals for money ticks `step` apart: none for whole steps, at most 4.
fn tick_decimals(step: f64) -> usize {
    if step >= 1.0 || step <= 0.0 {
        0
    } else {
        ((-step.log10()).ceil() as usize).min(4)
    }
}

/// Lays the chart out `width` pixels wide.
pub fn layout(bars: &[MovementBar], width: f32, style: &NumberStyle, words: Words) -> Scene {
    let pieces: Vec<Vec<Piece>> = bars.iter().map(MovementBar::pieces).collect();
    let net = |b: &MovementBar| b.net.map(Decimal::to_f64);
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for (b, ps) in bars.iter().zip(&pieces) {
        for v in ps.iter().map(|p| p.to).chain(net(b)) {
            (lo, hi) = (lo.min(v), hi.max(v));
        }
    }
    let (min, max, ticks) = linear_ticks(lo, hi, 6);
    let step = ticks.get(1).map_or(1.0, |t| t - ticks[0]);
    let ticks: Vec<(f64, String)> = ticks
        .iter()
        .map(|&t| (t, style.fixed(t, tick_decimals(step))))
        .collect();

    let shown = |paint: Paint| pieces.iter().flatten().any(|p| p.paint == paint);
    let mut legend: Vec<(Paint, &str)> = vec![(Paint::Gain, words.new)];
    for (paint, name) in [
        (Paint::Return, words.returning),
        (Paint::Expansion, words.expansion),
        (Paint::Contraction, words.contraction),
        (Paint::Loss, words.churned),
    ] {
        if shown(paint) {
            legend.push((paint, name));
        }
    }
    let has_net = bars.iter().any(|b| b.net.is_some());
    if has_net {
        legend.push((Paint::Text, words.net));
    }
    if bars.iter().any(|b| b.incomplete) {
        legend.push((Paint::Muted, words.incomplete));
    }

    let left = plot_left(&ticks);
    let right = width - 12.0;
    let mut scene = Scene::new(width, 0.0);
    let top = scene.legend_and_y_title(&legend, words.revenue, left, right);
    let bottom = top + (width * 0.45).clamp(200.0, 320.0);
    scene.height = bottom + 30.0;

    let y = scene.linear_y_axis((min, max), (top, bottom), &ticks, left, right);
    let zero = y.map(0.0).unwrap_or(bottom);
    scene.segment((left, zero), (right, zero), Paint::Axis, 1.0);

    let n = bars.len();
    let band = (right - left) / n.max(1) as f32;
    let half = (band * 0.36).max(0.5);
    let px = |v: f64| y.map(v).unwrap_or(zero);
    let mut line: Vec<(f32, f32, bool)> = Vec::with_capacity(n);
    for (i, (b, ps)) in bars.iter().zip(&pieces).enumerate() {
        let cx = band_centre(i, n, left, right);
        for p in ps {
            scene.rect(
                (cx - half, px(p.from)),
                (cx + half, px(p.to)),
                p.paint,
                b.incomplete,
            );
        }
        if let Some(v) = net(b) {
            line.push((cx, px(v), b.incomplete));
        }
    }
    scene.line_with_dots(line, band);
    let labels: Vec<String> = bars
        .iter()
        .map(|b| axis_label(&b.label, b.incomplete))
        .collect();
    scene.period_labels(&labels, left, right, bottom + 8.0);
    scene
}

/// The chart's data: per period new, returning, expansion, contraction, churned revenue and
/// the net change, with the file's `decimals`; `missing` where the first period has none.
pub fn table(
    bars: &[MovementBar],
    head: [&str; 7],
    decimals: u32,
    style: &NumberStyle,
    missing: &str,
) -> DataTable {
    let money =
        |v: Option<Decimal>| v.map_or_else(|| missing.to_string(), |v| style.money(v, decimals));
    let rows = bars
        .iter()
        .map(|b| {
            vec![
                format!("{}{}", b.label, if b.incomplete { "*" } else { "" }),
                money(Some(b.new)),
                money(b.returning),
                money(b.expansion),
                money(b.contraction),
                money(b.churned),
                b.net
                    .map_or_else(|| missing.to_string(), |v| signed(v, decimals, style)),
            ]
        })
        .collect();
    DataTable::new(&head, rows)
}

/// A change of money, with `+` when it is above zero.
pub fn signed(v: Decimal, decimals: u32, style: &NumberStyle) -> String {
    let text = style.money(v, decimals);
    if v.units > 0 {
        format!("+{text}")
    } else {
        text
    }
}

/// What the caption says: the revenue of the first and last periods, and what each flow
/// brought or took over the periods after the first.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub periods: usize,
    /// The first period's label and revenue.
    pub first: (String, Decimal),
    pub last: (String, Decimal),
    pub new: Decimal,
    pub returning: Decimal,
    pub expansion: Decimal,
    pub contraction: Decimal,
    pub churned: Decimal,
}

/// The caption's figures; `None` without periods (or if a total overflows).
pub fn summary(bars: &[MovementBar]) -> Option<Summary> {
    let (first, last) = (bars.first()?, bars.last()?);
    let later = &bars[1..];
    let total = |f: fn(&MovementBar) -> Option<Decimal>| {
        later
            .iter()
            .try_fold(Decimal::whole(0), |acc, b| acc.checked_add(f(b)?))
    };
    Some(Summary {
        periods: bars.len(),
        first: (first.label.clone(), first.revenue),
        last: (last.label.clone(), last.revenue),
        new: total(|b| Some(b.new))?,
        returning: total(|b| b.returning)?,
        expansion: total(|b| b.expansion)?,
        contraction: total(|b| b.contraction)?,
        churned: total(|b| b.churned)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::chart::scene::{Align, Shape};
    use crate::core::import::revenue::{revenue_table, Amount, Span, Spend};
    use crate::core::import::tables::Granularity;

    const WORDS: Words = Words {
        new: "New",
        returning: "Returning",
        expansion: "Expansion",
        contraction: "Contraction",
        churned: "Churned",
        net: "Net change",
        incomplete: "* incomplete period",
        revenue: "Revenue",
    };

    fn d(v: i128) -> Decimal {
        Decimal::whole(v)
    }

    /// Worked by hand, by month (2024-01 is month 24,288):
    /// a spends 60, 150, 120, –, 80; b spends 50, 30, –, –, –; c spends –, –, 40, 40, 60.
    /// January: revenue 110, all new.
    /// February: start 110, revenue 180; a expands by 90, b contracts by 20; net +70.
    /// March: start 180, revenue 160; a contracts by 30, b is lost (30), c is new (40); net −20.
    /// April: start 160, revenue 40; a is lost (120), c stays at 40; net −120.
    /// May: start 40, revenue 140; a returns (80), c expands by 20; net +100.
    fn table_of_hand() -> Vec<MovementBar> {
        let jan = 2024 * 12;
        let spend = |customer, month, amount| Spend {
            customer,
            month: jan + month,
            amount: Amount::whole(amount),
        };
        let spends = vec![
            spend(0, 0, 60),
            spend(0, 1, 150),
            spend(0, 2, 120),
            spend(0, 4, 80),
            spend(1, 0, 50),
            spend(1, 1, 30),
            spend(2, 2, 40),
            spend(2, 3, 40),
            spend(2, 4, 60),
        ];
        let span = Span {
            first_month: jan,
            last_month: jan + 4,
            ends_early: false,
        };
        let t = revenue_table(&spends, Granularity::Month, span, 0);
        bars(&t.rows)
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

    /// The money value of pixel `y` on the chart's axis, read back from two grid ticks.
    fn value_at(scene: &Scene, y: f32) -> f64 {
        let ticks: Vec<(f32, f64)> = scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { y, text, align, .. } if *align == Align::End => {
                    Some((*y, text.replace(',', "").parse().ok()?))
                }
                _ => None,
            })
            .collect();
        let ((y0, v0), (y1, v1)) = (ticks[0], ticks[ticks.len() - 1]);
        v0 + (v1 - v0) * ((y - y0) / (y1 - y0)) as f64
    }

    #[test]
    fn the_hand_worked_table_has_its_flows_and_net_changes() {
        let b = table_of_hand();
        let nets: Vec<Option<Decimal>> = b.iter().map(|b| b.net).collect();
        assert_eq!(
            nets,
            vec![None, Some(d(70)), Some(d(-20)), Some(d(-120)), Some(d(100))]
        );
        assert_eq!((b[0].new, b[0].expansion), (d(110), None));
        assert_eq!(
            (b[1].expansion, b[1].contraction, b[1].churned),
            (Some(d(90)), Some(d(20)), Some(d(0)))
        );
        assert_eq!(
            (b[2].new, b[2].contraction, b[2].churned),
            (d(40), Some(d(30)), Some(d(30)))
        );
        assert_eq!(b[4].returning, Some(d(80)));
    }

    #[test]
    fn inflows_stack_above_zero_and_outflows_below() {
        let b = table_of_hand();
        let march: Vec<(Paint, f64, f64)> = b[2]
            .pieces()
            .iter()
            .map(|p| (p.paint, p.from, p.to))
            .collect();
        assert_eq!(
            march,
            vec![
                (Paint::Gain, 0.0, 40.0),
                (Paint::Contraction, 0.0, -30.0),
                (Paint::Loss, -30.0, -60.0),
            ]
        );
        let may: Vec<(Paint, f64, f64)> = b[4]
            .pieces()
            .iter()
            .map(|p| (p.paint, p.from, p.to))
            .collect();
        assert_eq!(
            may,
            vec![(Paint::Return, 0.0, 80.0), (Paint::Expansion, 80.0, 100.0)]
        );
        // The first period has its new revenue only.
        assert_eq!(b[0].pieces().len(), 1);

        let scene = layout(&b, 600.0, &NumberStyle::ENGLISH, WORDS);
        let gains = rects(&scene, Paint::Gain);
        let losses = rects(&scene, Paint::Loss);
        let shrinks = rects(&scene, Paint::Contraction);
        let grows = rects(&scene, Paint::Expansion);
        let back = rects(&scene, Paint::Return);
        assert_eq!(
            (
                gains.len(),
                back.len(),
                grows.len(),
                shrinks.len(),
                losses.len()
            ),
            (2, 1, 2, 2, 2)
        );
        let zero = gains[0].1;
        for r in gains.iter().chain(&back) {
            assert!(r.1 == zero && r.3 < zero, "above zero: {r:?}");
        }
        for r in shrinks.iter() {
            assert!(r.1 == zero && r.3 > zero, "below zero: {r:?}");
        }
        // Churned revenue hangs below contraction; expansion sits on what came in before it.
        assert!((losses[0].1 - shrinks[1].3).abs() < 0.01);
        assert!((grows[1].1 - back[0].3).abs() < 0.01);
        // Heights are proportional: January's 110 new is 2.75 times March's 40.
        let h = |r: (f32, f32, f32, f32)| (r.1 - r.3).abs();
        assert!((h(gains[0]) / h(gains[1]) - 2.75).abs() < 0.01);
        let texts: Vec<&str> = scene.texts().collect();
        for w in [
            "New",
            "Returning",
            "Expansion",
            "Contraction",
            "Churned",
            "Net change",
            "Revenue",
            "2024-01",
            "2024-05",
        ] {
            assert!(texts.contains(&w), "{w} in {texts:?}");
        }
        assert!(!texts.contains(&WORDS.incomplete));
    }

    #[test]
    fn the_net_change_line_starts_in_the_second_period() {
        let b = table_of_hand();
        let scene = layout(&b, 600.0, &NumberStyle::ENGLISH, WORDS);
        let line = scene
            .shapes
            .iter()
            .find_map(|s| match s {
                Shape::Line {
                    points,
                    paint: Paint::Text,
                    ..
                } => Some(points.clone()),
                _ => None,
            })
            .expect("a net change line");
        assert_eq!(line.len(), 4);
        let values: Vec<i64> = line
            .iter()
            .map(|p| value_at(&scene, p.1).round() as i64)
            .collect();
        assert_eq!(values, vec![70, -20, -120, 100]);
        // Its points sit over the bars of February to May, not January.
        let centre = |i: usize| {
            let g = &rects(&scene, Paint::Gain);
            (g[0].0 + g[0].2) / 2.0 + i as f32 * (line[1].0 - line[0].0)
        };
        assert!((line[0].0 - centre(1)).abs() < 0.01);
        let dots = scene
            .shapes
            .iter()
            .filter(|s| matches!(s, Shape::Dot { .. }))
            .count();
        assert_eq!(dots, 4);
    }

    #[test]
    fn a_single_period_is_one_new_bar_without_a_net_point() {
        let b = table_of_hand()[..1].to_vec();
        let scene = layout(&b, 360.0, &NumberStyle::ENGLISH, WORDS);
        assert_eq!(rects(&scene, Paint::Gain).len(), 1);
        assert!(!scene.shapes.iter().any(|s| matches!(
            s,
            Shape::Line {
                paint: Paint::Text,
                ..
            } | Shape::Dot { .. }
        )));
        assert!(!scene.texts().any(|t| t == "Net change" || t == "Churned"));
        let s = summary(&b).unwrap();
        assert_eq!((s.periods, s.new, s.churned), (1, d(0), d(0)));
    }

    #[test]
    fn a_refund_puts_its_piece_on_the_other_side() {
        let mut b = table_of_hand();
        b[2].churned = Some(d(-15));
        let march: Vec<(Paint, f64, f64)> = b[2]
            .pieces()
            .iter()
            .map(|p| (p.paint, p.from, p.to))
            .collect();
        assert_eq!(
            march,
            vec![
                (Paint::Gain, 0.0, 40.0),
                (Paint::Contraction, 0.0, -30.0),
                (Paint::Loss, 40.0, 55.0),
            ]
        );
    }

    #[test]
    fn incomplete_periods_are_faded_and_starred() {
        let mut b = table_of_hand();
        b[4].incomplete = true;
        let scene = layout(&b, 600.0, &NumberStyle::ENGLISH, WORDS);
        assert!(scene.texts().any(|t| t == "2024-05*"));
        assert!(scene.texts().any(|t| t == "* incomplete period"));
        let faded = scene
            .shapes
            .iter()
            .filter(|s| matches!(s, Shape::Rect { faded: true, .. }))
            .count();
        assert_eq!(faded, 2, "May's returning and expansion pieces");
    }

    #[test]
    fn the_five_flows_have_five_colours_in_both_themes() {
        use crate::core::chart::palette::{colour, Theme};
        let flows = [
            Paint::Gain,
            Paint::Return,
            Paint::Expansion,
            Paint::Contraction,
            Paint::Loss,
        ];
        for theme in [Theme::Light, Theme::Dark] {
            for (i, a) in flows.iter().enumerate() {
                for b in &flows[i + 1..] {
                    assert_ne!(colour(*a, theme), colour(*b, theme), "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn summary_and_table() {
        let b = table_of_hand();
        let s = summary(&b).unwrap();
        assert_eq!(s.first, ("2024-01".to_string(), d(110)));
        assert_eq!(s.last, ("2024-05".to_string(), d(140)));
        assert_eq!(
            (s.new, s.returning, s.expansion, s.contraction, s.churned),
            (d(40), d(80), d(110), d(50), d(150))
        );
        assert_eq!(summary(&[]), None);
        let head = [
            "Period",
            "New",
            "Returning",
            "Expansion",
            "Contraction",
            "Churned",
            "Net change",
        ];
        let t = table(&b, head, 2, &NumberStyle::ENGLISH, "—");
        assert_eq!(t.head.len(), 7);
        assert_eq!(
            t.rows[0],
            vec!["2024-01", "110.00", "—", "—", "—", "—", "—"]
        );
        assert_eq!(
            t.rows[2],
            vec!["2024-03", "40.00", "0.00", "0.00", "30.00", "30.00", "-20.00"]
        );
        assert_eq!(t.rows[1][6], "+70.00");
        let fa = table(&b, head, 0, &NumberStyle::PERSIAN, "—");
        assert_eq!(fa.rows[3][6], "\u{2212}۱۲۰");
    }
}
