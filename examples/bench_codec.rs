//! Times the formats of an import's outcome on the benchmark's 1,000,000-row file: the
//! worker's message (postcard) and the session's tables (serde_json), with their sizes.
//!
//! `cargo run --profile release-fast --example gen_orders -- target/bench/orders-1m.csv`
//! `cargo run --profile release-fast --example bench_codec -- [FILE] [RUNS]`
//! (default FILE: target/bench/orders-1m.csv, RUNS: 51). Prints the sizes and the median of
//! each step in microseconds, and writes the two encodings beside FILE (`FILE.postcard`,
//! `FILE.tables.json`) for a look at their gzipped sizes.

fn main() {
    native::main();
}

mod native {
    use retention_lab::core::import::importer::{Importer, Options, Outcome};
    use retention_lab::core::import::message;
    use std::io::Read;
    use std::time::Instant;

    fn import(path: &str) -> Outcome {
        let mut file = std::fs::File::open(path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
        let mut importer = Importer::new(Options::default());
        let mut buf = vec![0u8; 4 << 20];
        loop {
            let n = file.read(&mut buf).unwrap_or_else(|e| fail(&e.to_string()));
            if n == 0 {
                break;
            }
            importer.feed(&buf[..n]);
        }
        importer.finish()
    }

    fn fail(message: &str) -> ! {
        eprintln!("{message}");
        std::process::exit(1);
    }

    /// The median of `runs` timings of `f`, in microseconds, after one uncounted run.
    fn median_us<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
        std::hint::black_box(f());
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let started = Instant::now();
                std::hint::black_box(f());
                started.elapsed().as_secs_f64() * 1e6
            })
            .collect();
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    }

    pub fn main() {
        let mut args = std::env::args().skip(1);
        let path = args
            .next()
            .unwrap_or_else(|| "target/bench/orders-1m.csv".into());
        let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(51);
        let outcome = import(&path);
        let Outcome::Done(dataset) = &outcome else {
            fail(&format!("import did not finish: {outcome:?}"));
        };
        let bytes = message::encode(&outcome).unwrap_or_else(|e| fail(&e.to_string()));
        let json = serde_json::to_string(dataset).unwrap_or_else(|e| fail(&e.to_string()));
        let value = serde_json::to_value(dataset).unwrap_or_else(|e| fail(&e.to_string()));
        let results = [
            (
                "postcard encode",
                median_us(runs, || message::encode(&outcome)),
            ),
            (
                "postcard decode",
                median_us(runs, || message::decode::<Outcome>(&bytes)),
            ),
            (
                "json to_value",
                median_us(runs, || serde_json::to_value(dataset)),
            ),
            ("json value clone", median_us(runs, || value.clone())),
            (
                "json value to text",
                median_us(runs, || serde_json::to_string(&value)),
            ),
            (
                "json text to dataset",
                median_us(runs, || {
                    serde_json::from_str::<serde_json::Value>(&json)
                        .and_then(serde_json::from_value::<Box<_>>)
                        .map(|d: Box<retention_lab::core::import::importer::Dataset>| d.rows)
                }),
            ),
        ];
        println!(
            "outcome of {} rows: postcard {} bytes, session JSON {} bytes ({runs} runs)",
            dataset.rows,
            bytes.len(),
            json.len()
        );
        for (what, us) in results {
            println!("{what:>22}: {us:9.1} µs");
        }
        let out = format!("{path}.postcard");
        std::fs::write(&out, &bytes).unwrap_or_else(|e| fail(&format!("{out}: {e}")));
        std::fs::write(format!("{path}.tables.json"), &json)
            .unwrap_or_else(|e| fail(&format!("{out}: {e}")));
    }
}
