//! Small statistics the figures need.

/// The z of a two-sided 95% interval.
pub const Z95: f64 = 1.96;

/// Wilson score interval for `successes` of `n` at the given z, without continuity correction.
/// Returns (low, high) as fractions; `None` when n = 0.
///
/// ```
/// let (lo, hi) = retention_lab::core::stats::wilson(3, 20, 1.96).unwrap();
/// assert_eq!((format!("{:.4}", lo), format!("{:.4}", hi)), ("0.0524".into(), "0.3604".into()));
/// ```
pub fn wilson(successes: u64, n: u64, z: f64) -> Option<(f64, f64)> {
    if n == 0 || successes > n {
        return None;
    }
    let n = n as f64;
    let p = successes as f64 / n;
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = z / denom * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_intervals() {
        let cases = [
            (3, 20, "5.24", "36.04"),
            (170_000, 17_000_000, "0.995", "1.005"),
        ];
        for (l, s, lo, hi) in cases {
            let (a, b) = wilson(l, s, Z95).expect("n > 0");
            let places = lo.split('.').nth(1).map_or(0, str::len);
            assert_eq!(format!("{:.*}", places, a * 100.0), lo, "low for {l}/{s}");
            assert_eq!(format!("{:.*}", places, b * 100.0), hi, "high for {l}/{s}");
        }
    }

    #[test]
    fn edges() {
        assert_eq!(wilson(0, 0, Z95), None);
        assert_eq!(wilson(0, 10, Z95).map(|(lo, _)| lo), Some(0.0));
        assert_eq!(wilson(10, 10, Z95).map(|(_, hi)| hi), Some(1.0));
    }
}
