//! Times the customer-value core natively on a `customer_id,date,amount` CSV (ISO dates): the
//! customer summary, the BG/NBD fit and the Gamma-Gamma fit, then the per-customer figures
//! (P(alive), expected transactions and value over the horizon, the holdout check).
//!
//! `cargo run --profile release-fast --example bench_clv -- FILE CALIBRATION_END [RUNS]`
//! Prints the fits, each run and, on the last line, JSON with the medians in seconds.

use retention_lab::core::clv::{
    analyse_summary, fit_bgnbd, fit_gamma_gamma, summarise, BgNbdData, ClvSettings, Day, Purchase,
    Unit, ValueSettings, DEFAULT_THRESHOLD,
};
use retention_lab::core::import::revenue::Amount;
use retention_lab::core::number::parse_plain_decimal;
use std::collections::HashMap;
use std::time::Instant;

fn read(path: &str) -> Result<Vec<Purchase>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let mut f = line.split(',');
        let (Some(id), Some(date), Some(amount)) = (f.next(), f.next(), f.next()) else {
            return Err(format!("line {}: three fields expected", n + 1));
        };
        let next = ids.len() as u32;
        let customer = *ids.entry(id).or_insert(next);
        let date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map_err(|e| format!("line {}: {e}", n + 1))?;
        let amount = parse_plain_decimal(amount, '.')
            .and_then(Amount::of)
            .ok_or_else(|| format!("line {}: amount", n + 1))?;
        out.push(Purchase {
            customer,
            day: Day::of(date),
            amount,
        });
    }
    Ok(out)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(end)) = (args.first(), args.get(1)) else {
        eprintln!("usage: bench_clv FILE CALIBRATION_END [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(7);
    let end = match chrono::NaiveDate::parse_from_str(end, "%Y-%m-%d") {
        Ok(d) => Day::of(d),
        Err(e) => {
            eprintln!("{end}: {e}");
            std::process::exit(2);
        }
    };
    let rows = match read(path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let settings = ClvSettings {
        calibration_end: end,
        unit: Unit::Weeks,
        value: ValueSettings::defaults(Unit::Weeks),
        winback_threshold: DEFAULT_THRESHOLD,
    };
    let (mut fits, mut summaries, mut bg_times, mut gg_times, mut figures) =
        (vec![], vec![], vec![], vec![], vec![]);
    for i in 0..=runs {
        let started = Instant::now();
        let summary = summarise(&rows, end, Unit::Weeks).expect("customers before the end");
        let summarised = started.elapsed().as_secs_f64();
        let bg = fit_bgnbd(&summary);
        let bg_done = started.elapsed().as_secs_f64();
        let gg = fit_gamma_gamma(&summary);
        let fitted = started.elapsed().as_secs_f64();
        let analysis = analyse_summary(summary, &settings);
        let all = started.elapsed().as_secs_f64();
        if i == 0 {
            // The first run warms the caches and is not counted.
            println!(
                "{} customers, {} repeat buyers, {} distinct (x, t_x, T), {} rows",
                analysis.summary.customers.len(),
                analysis.summary.repeat_buyers(),
                BgNbdData::new(&analysis.summary).groups(),
                rows.len()
            );
            match &bg {
                Ok(f) => println!(
                    "BG/NBD r = {:.6}, alpha = {:.6}, a = {:.6}, b = {:.6}, LL = {:.4}",
                    f.model.r, f.model.alpha, f.model.a, f.model.b, f.log_likelihood
                ),
                Err(e) => println!("BG/NBD: {e}"),
            }
            match &gg {
                Ok(f) => println!(
                    "Gamma-Gamma p = {:.6}, q = {:.6}, gamma = {:.6}, LL = {:.4} ({} customers)",
                    f.model.p, f.model.q, f.model.gamma, f.log_likelihood, f.customers
                ),
                Err(e) => println!("Gamma-Gamma: {e}"),
            }
            continue;
        }
        println!(
            "run {i}: summary {:.1} ms, BG/NBD {:.1} ms, Gamma-Gamma {:.1} ms, \
             summary + fits {:.1} ms; per-customer figures (fits again included) {:.1} ms",
            summarised * 1e3,
            (bg_done - summarised) * 1e3,
            (fitted - bg_done) * 1e3,
            fitted * 1e3,
            (all - fitted) * 1e3,
        );
        summaries.push(summarised);
        bg_times.push(bg_done - summarised);
        gg_times.push(fitted - bg_done);
        fits.push(fitted);
        figures.push(all - fitted);
    }
    println!(
        "{{\"summary_s\":{:.4},\"bgnbd_s\":{:.4},\"gamma_gamma_s\":{:.4},\"summary_and_fits_s\":{:.4},\"analysis_s\":{:.4}}}",
        median(summaries),
        median(bg_times),
        median(gg_times),
        median(fits),
        median(figures)
    );
}
