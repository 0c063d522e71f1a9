//! Axis maths: mapping values to pixels on linear and log scales, and round tick values.

/// A value axis mapped onto a pixel range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
    /// Pixel of `min` and of `max` (for a y axis, `from` is the lower pixel edge).
    pub from: f32,
    pub to: f32,
    pub log: bool,
}

impl Scale {
    /// A time axis from period 0 to period `n`, drawn from `left` to `right`.
    pub fn periods(n: usize, left: f32, right: f32) -> Scale {
        Scale {
            min: 0.0,
            max: n as f64,
            from: left,
            to: right,
            log: false,
        }
    }

    /// The pixel of `value`; values outside the domain land outside the range. On a log scale
    /// a value at or below zero has no pixel.
    pub fn map(&self, value: f64) -> Option<f32> {
        let (v, lo, hi) = if self.log {
            if value <= 0.0 {
                return None;
            }
            (value.log10(), self.min.log10(), self.max.log10())
        } else {
            (value, self.min, self.max)
        };
        let t = if hi > lo { (v - lo) / (hi - lo) } else { 0.5 };
        Some(self.from + (self.to - self.from) * t as f32)
    }
}

/// 1, 2 or 5 times a power of ten: the step nearest to `span / target` from above.
pub fn nice_step(span: f64, target: usize) -> f64 {
    let raw = span / target.max(1) as f64;
    if !(raw > 0.0 && raw.is_finite()) {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    let unit = raw / power;
    let mult = if unit <= 1.0 {
        1.0
    } else if unit <= 2.0 {
        2.0
    } else if unit <= 5.0 {
        5.0
    } else {
        10.0
    };
    mult * power
}

/// Round bounds around `[lo, hi]` and the ticks between them, about `target` of them.
/// An empty or degenerate range widens to show something.
pub fn linear_ticks(lo: f64, hi: f64, target: usize) -> (f64, f64, Vec<f64>) {
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else if lo == 0.0 {
        (0.0, 1.0)
    } else {
        (lo.min(0.0), lo.max(0.0) + lo.abs().max(1.0) * 0.1)
    };
    let step = nice_step(hi - lo, target);
    let first = (lo / step).floor();
    let last = (hi / step).ceil();
    let ticks: Vec<f64> = (0..=((last - first) as i64))
        .map(|i| clean((first + i as f64) * step))
        .collect();
    (first * step, last * step, ticks)
}

/// Whole-number ticks for a period axis from 0 to `n`, about `target` of them.
pub fn period_ticks(n: usize, target: usize) -> Vec<usize> {
    let step = nice_step(n as f64, target).max(1.0) as usize;
    (0..=n).step_by(step).collect()
}

/// Bounds and ticks for a log axis: whole decades around `[lo, hi]` (both above zero), with
/// 2 and 5 between them when the range spans less than two decades.
pub fn log_ticks(lo: f64, hi: f64) -> (f64, f64, Vec<f64>) {
    let lo_dec = lo.log10().floor();
    let hi_dec = hi.log10().ceil().max(lo_dec + 1.0);
    let decades = (hi_dec - lo_dec) as i32;
    let mut ticks = Vec::new();
    for d in 0..=decades {
        let base = 10f64.powi(lo_dec as i32 + d);
        ticks.push(clean(base));
        if decades <= 2 && d < decades {
            ticks.push(clean(base * 2.0));
            ticks.push(clean(base * 5.0));
        }
    }
    // Tighten to the ticks that still enclose the data.
    let below = ticks
        .iter()
        .copied()
        .filter(|&t| t <= lo)
        .fold(ticks[0], f64::max);
    let above = ticks
        .iter()
        .copied()
        .filter(|&t| t >= hi)
        .fold(f64::INFINITY, f64::min);
    let above = if above.is_finite() {
        above
    } else {
        10f64.powf(hi_dec)
    };
    ticks.retain(|&t| t >= below && t <= above);
    (below, above, ticks)
}

/// Removes floating-point dust (0.30000000000000004 becomes 0.3).
fn clean(v: f64) -> f64 {
    (v * 1e9).round() / 1e9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps_are_one_two_or_five() {
        let cases = [
            (10.0, 5, 2.0),
            (1.0, 5, 0.2),
            (0.37, 4, 0.1),
            (1234.0, 5, 500.0),
            (7.0, 7, 1.0),
            (0.0, 5, 1.0),
        ];
        for (span, target, want) in cases {
            assert_eq!(nice_step(span, target), want, "span {span} target {target}");
        }
    }

    #[test]
    fn linear_ticks_enclose_the_data() {
        let (lo, hi, ticks) = linear_ticks(0.0, 1.949, 5);
        assert_eq!((lo, hi), (0.0, 2.0));
        assert_eq!(ticks, vec![0.0, 0.5, 1.0, 1.5, 2.0]);
        let (lo, hi, ticks) = linear_ticks(-120.0, 430.0, 5);
        assert_eq!((lo, hi), (-200.0, 600.0));
        assert_eq!(ticks.first(), Some(&-200.0));
        assert_eq!(ticks.last(), Some(&600.0));
        assert!(ticks.contains(&0.0));
    }

    #[test]
    fn a_flat_range_still_has_height() {
        let (lo, hi, ticks) = linear_ticks(1.0, 1.0, 5);
        assert!(lo <= 0.0 && hi > 1.0, "{lo}..{hi}");
        assert!(ticks.len() >= 2);
        let (lo, hi, _) = linear_ticks(0.0, 0.0, 5);
        assert_eq!((lo, hi), (0.0, 1.0));
    }

    #[test]
    fn period_ticks_are_whole_and_start_at_zero() {
        assert_eq!(period_ticks(7, 8), vec![0, 1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(period_ticks(120, 6), vec![0, 20, 40, 60, 80, 100, 120]);
        assert_eq!(period_ticks(1, 8), vec![0, 1]);
    }

    #[test]
    fn log_ticks_cover_whole_decades() {
        let (lo, hi, ticks) = log_ticks(0.048, 1.0);
        assert_eq!((lo, hi), (0.02, 1.0));
        assert_eq!(ticks, vec![0.02, 0.05, 0.1, 0.2, 0.5, 1.0]);
        let (lo, hi, ticks) = log_ticks(1.0, 3500.0);
        assert_eq!((lo, hi), (1.0, 10000.0));
        assert_eq!(ticks, vec![1.0, 10.0, 100.0, 1000.0, 10000.0]);
    }

    #[test]
    fn scales_map_ends_and_middle() {
        let s = Scale {
            min: 0.0,
            max: 2.0,
            from: 300.0,
            to: 100.0,
            log: false,
        };
        assert_eq!(s.map(0.0), Some(300.0));
        assert_eq!(s.map(2.0), Some(100.0));
        assert_eq!(s.map(1.0), Some(200.0));
        let l = Scale {
            min: 1.0,
            max: 100.0,
            from: 0.0,
            to: 200.0,
            log: true,
        };
        assert_eq!(l.map(10.0), Some(100.0));
        assert_eq!(l.map(0.0), None);
    }
}
