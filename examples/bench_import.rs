//! Times the import core natively on a CSV file: read in 4 MiB chunks, parse, monthly flows
//! and the cohort table (all three granularities are built, as in the browser).
//!
//! `cargo run --profile release-fast --example bench_import -- FILE [RUNS]`
//! Prints each run and, on the last line, JSON with the median in seconds.

use retention_lab::core::import::importer::{Importer, Options, Outcome};
use std::io::Read;
use std::time::Instant;

const CHUNK: usize = 4 << 20;

fn run(path: &str) -> Result<(f64, String), String> {
    let started = Instant::now();
    let mut file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let mut importer = Importer::new(Options::default());
    let mut buf = vec![0u8; CHUNK];
    loop {
        let n = file.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        importer.feed(&buf[..n]);
    }
    let outcome = importer.finish();
    let secs = started.elapsed().as_secs_f64();
    let summary = match &outcome {
        Outcome::Done(d) => {
            let months = d.tables.first().map_or(0, |t| t.rows.len());
            format!(
                "{} rows, {:?} customers, {months} months",
                d.rows, d.customers
            )
        }
        other => return Err(format!("import did not finish: {other:?}")),
    };
    Ok((secs, summary))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: bench_import FILE [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut times = Vec::new();
    for i in 0..=runs {
        match run(&path) {
            Ok((secs, summary)) => {
                // The first run warms the page cache and is not counted.
                if i > 0 {
                    println!("run {i}: {:.1} ms ({summary})", secs * 1000.0);
                    times.push(secs);
                }
            }
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let list: Vec<String> = times.iter().map(|t| format!("{t:.4}")).collect();
    println!("{{\"median_s\":{median:.4},\"runs\":[{}]}}", list.join(","));
}
