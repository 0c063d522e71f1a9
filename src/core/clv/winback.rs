//! The win-back list of docs/metrics.md section 9: customers who bought at least twice and are
//! probably no longer customers, ranked by what they spent.

use super::summary::Summary;

/// The default threshold: P(alive) below 50%.
pub const DEFAULT_THRESHOLD: f64 = 0.5;

/// Indexes into `summary.customers` of the customers with at least two transactions whose
/// P(alive) (`p_alive[i]` for customer i of the summary) is below `threshold`, ranked by
/// their total spend in calibration, highest first; equal spends keep file order.
pub fn winback(summary: &Summary, p_alive: &[f64], threshold: f64) -> Vec<usize> {
    let mut list: Vec<usize> = summary
        .customers
        .iter()
        .zip(p_alive)
        .enumerate()
        .filter(|(_, (c, &p))| c.transactions() >= 2 && p < threshold)
        .map(|(i, _)| i)
        .collect();
    let spend = |i: usize| summary.customers[i].total_spend;
    // Stable: ties stay in file order.
    list.sort_by(|&i, &j| {
        spend(j)
            .cmp_exact(spend(i))
            .unwrap_or_else(|| spend(j).to_f64().total_cmp(&spend(i).to_f64()))
    });
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clv::summary::{summarise, Day, Purchase, Unit};
    use crate::core::import::revenue::Amount;

    #[test]
    fn ranked_by_spend_ties_in_file_order() {
        let day = |d| Day::from_ymd(2024, 3, d).unwrap();
        // (customer, day, amount)
        let rows = [
            (0, 1, 10),
            (0, 2, 10),
            (1, 1, 50),
            (1, 3, 5),
            (2, 1, 99),
            (3, 1, 15),
            (3, 4, 5),
            (4, 2, 40),
            (4, 5, 30),
        ]
        .map(|(c, d, a)| Purchase {
            customer: c,
            day: day(d),
            amount: Amount::whole(a),
        });
        let s = summarise(&rows, day(10), Unit::Days).unwrap();
        // Customer 2 bought once; customer 4 is above the threshold.
        let p = [0.1, 0.2, 0.05, 0.3, 0.7];
        let list: Vec<u32> = winback(&s, &p, 0.5)
            .iter()
            .map(|&i| s.customers[i].customer)
            .collect();
        assert_eq!(list, [1, 0, 3]);
        let all: Vec<u32> = winback(&s, &p, 0.75)
            .iter()
            .map(|&i| s.customers[i].customer)
            .collect();
        assert_eq!(all, [4, 1, 0, 3]);
        assert!(winback(&s, &p, 0.1).is_empty());
    }
}
