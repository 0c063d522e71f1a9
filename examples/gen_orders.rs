//! Writes the benchmark's order file: 1,000,000 `customer_id,date` rows, 50,000 customers
//! over 36 months (2022-01 .. 2024-12), the same bytes on every run and every machine.
//!
//! `cargo run --profile release-fast --example gen_orders -- [OUT] [--plain-ids] [--scale N]
//! [--amounts]` (default OUT: target/bench/orders-1m.csv). Ids look like `C000123`, or plain
//! numbers (`123`) with `--plain-ids`. `--amounts` adds an `amount` column: the same rows,
//! each with an order value of 1.00 to 250.99 (about one in forty a refund, negative), drawn
//! after the rows so that the other columns are as without it. `--scale N` makes N times the rows and N times the customers
//! (the same shape: `--scale 10` gives 10,000,000 rows of 500,000 customers). Prints the
//! file's size, rows and an FNV-1a 64 checksum.
//!
//! The shape: a base of customers at the start, then more joining each month as the
//! business grows; three kinds of customer (loyal, regular, one-off) who stop buying at
//! different rates; some who stopped come back; several orders in busy months, more in
//! November and December. Rows are in date order, as an export from a shop would be.
//!
//! Only integer and basic floating-point arithmetic is used (no `ln`, `exp`, ...), so the
//! output does not depend on the platform's maths library.

use std::io::Write;

const CUSTOMERS: usize = 50_000;
const MONTHS: usize = 36;
const FIRST_YEAR: u32 = 2022;
const ROWS: usize = 1_000_000;
const SEED: u64 = 0x5EED_2022_0001_0036;

/// SplitMix64: small, fast and good enough for test data.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in 0..n (n > 0), without modulo bias worth speaking of for small n.
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// Index of the first cumulative weight above `x` (weights given as a running sum).
fn pick(cumulative: &[f64], x: f64) -> usize {
    let target = x * cumulative[cumulative.len() - 1];
    cumulative
        .partition_point(|&c| c <= target)
        .min(cumulative.len() - 1)
}

/// One kind of customer.
#[derive(Clone, Copy)]
struct Kind {
    /// Share of all customers.
    share: f64,
    /// Chance per month that an active customer stops buying.
    churn: f64,
    /// Chance per month that a customer who stopped comes back.
    comeback: f64,
    /// Relative number of orders in an active month.
    orders: f64,
}

const fn kind(share: f64, churn: f64, comeback: f64, orders: f64) -> Kind {
    Kind {
        share,
        churn,
        comeback,
        orders,
    }
}

/// Loyal, regular and one-off customers.
const KINDS: [Kind; 3] = [
    kind(0.22, 0.04, 0.10, 3.2),
    kind(0.48, 0.16, 0.05, 1.6),
    kind(0.30, 0.55, 0.02, 1.0),
];

fn is_leap(y: u32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in(month: usize) -> u32 {
    let y = FIRST_YEAR + (month / 12) as u32;
    match month % 12 + 1 {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// More orders before the holidays, fewer in the summer.
fn season(month: usize) -> f64 {
    match month % 12 + 1 {
        11 => 1.35,
        12 => 1.6,
        1 => 0.85,
        7 | 8 => 0.9,
        _ => 1.0,
    }
}

struct Fnv(u64);

impl Fnv {
    fn update(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
}

fn main() {
    let mut out_path = String::from("target/bench/orders-1m.csv");
    let mut plain_ids = false;
    let mut amounts = false;
    let mut scale = 1usize;
    let usage = || -> ! {
        eprintln!("usage: gen_orders [OUT] [--plain-ids] [--scale N] [--amounts]");
        std::process::exit(2);
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--plain-ids" => plain_ids = true,
            "--amounts" => amounts = true,
            "--scale" => {
                scale = match args.next().and_then(|n| n.parse().ok()) {
                    Some(n) if n > 0 => n,
                    _ => usage(),
                }
            }
            a if a.starts_with('-') => usage(),
            a => out_path = a.to_string(),
        }
    }
    let customers = CUSTOMERS * scale;
    let row_count = ROWS * scale;
    let mut rng = Rng(SEED);

    // Join months: 8% already customers when the data starts, the rest joining at a rate
    // that grows over the three years.
    let join_weights: Vec<f64> = (0..MONTHS).map(|m| 1.0 + m as f64 / 20.0).collect();
    let join_cumulative: Vec<f64> = join_weights
        .iter()
        .scan(0.0, |s, w| {
            *s += w;
            Some(*s)
        })
        .collect();
    let mut joins: Vec<usize> = (0..customers)
        .map(|_| {
            if rng.chance(0.08) {
                0
            } else {
                pick(&join_cumulative, rng.unit())
            }
        })
        .collect();
    // Customer numbers follow the order of joining (with gaps left by test and deleted
    // accounts), so sort the join months first.
    joins.sort_unstable();
    let mut numbers = Vec::with_capacity(customers);
    let mut number = 100u32;
    for _ in 0..customers {
        number += 1 + u32::from(rng.chance(0.2)) * (1 + rng.below(3) as u32);
        numbers.push(number);
    }

    // Active months: (customer, month) slots, each with a weight for extra orders.
    let mut slots: Vec<(u32, u16)> = Vec::new();
    let mut slot_cumulative: Vec<f64> = Vec::new();
    let mut total_weight = 0.0;
    for (c, &join) in joins.iter().enumerate() {
        let r = rng.unit();
        let mut acc = 0.0;
        let mut kind = KINDS[KINDS.len() - 1];
        for k in KINDS {
            acc += k.share;
            if r < acc {
                kind = k;
                break;
            }
        }
        // Each customer buys a little more or less than their kind's typical rate.
        let appetite = kind.orders * (0.6 + 0.8 * rng.unit());
        let mut active = true;
        for month in join..MONTHS {
            if month > join {
                active = if active {
                    !rng.chance(kind.churn)
                } else {
                    rng.chance(kind.comeback)
                };
            }
            if active {
                slots.push((c as u32, month as u16));
                total_weight += appetite * season(month);
                slot_cumulative.push(total_weight);
            }
        }
    }
    if slots.len() > row_count {
        eprintln!("{} active months: more than {row_count} rows", slots.len());
        std::process::exit(1);
    }

    // One order in every active month, the rest spread by weight.
    let mut orders = vec![1u32; slots.len()];
    for _ in slots.len()..row_count {
        orders[pick(&slot_cumulative, rng.unit())] += 1;
    }

    // Rows as (month, day, tie-break, customer), sorted into date order.
    let mut rows: Vec<(u16, u8, u32, u32)> = Vec::with_capacity(row_count);
    for (&(c, month), &n) in slots.iter().zip(&orders) {
        let days = u64::from(days_in(usize::from(month)));
        for _ in 0..n {
            let day = 1 + rng.below(days) as u8;
            rows.push((month, day, rng.next_u64() as u32, c));
        }
    }
    rows.sort_unstable();

    if let Some(dir) = std::path::Path::new(&out_path).parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir).unwrap_or_else(|e| fail(&out_path, e));
        }
    }
    let file = std::fs::File::create(&out_path).unwrap_or_else(|e| fail(&out_path, e));
    let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut sum = Fnv(0xCBF2_9CE4_8422_2325);
    let mut size = 0u64;
    let mut line = Vec::with_capacity(64);
    let mut emit = |line: &[u8]| {
        sum.update(line);
        size += line.len() as u64;
        w.write_all(line).unwrap_or_else(|e| fail(&out_path, e));
    };
    emit(if amounts {
        b"customer_id,date,amount\n"
    } else {
        b"customer_id,date\n"
    });
    // The amounts have their own generator, so that the rows are the same with them.
    let mut money = Rng(SEED ^ 0xA11_0C5);
    for &(month, day, _, c) in &rows {
        line.clear();
        let id = numbers[c as usize];
        let year = FIRST_YEAR + u32::from(month) / 12;
        let m = month % 12 + 1;
        if plain_ids {
            write!(line, "{id},{year:04}-{m:02}-{day:02}").unwrap();
        } else {
            write!(line, "C{id:06},{year:04}-{m:02}-{day:02}").unwrap();
        }
        if amounts {
            let cents = 100 + money.below(25_000);
            let sign = if money.below(40) == 0 { "-" } else { "" };
            write!(line, ",{sign}{}.{:02}", cents / 100, cents % 100).unwrap();
        }
        line.push(b'\n');
        emit(&line);
    }
    w.flush().unwrap_or_else(|e| fail(&out_path, e));

    println!(
        "{out_path}: {size} bytes, {} rows, {customers} customers, {} active customer-months, fnv1a64 {:016x}",
        rows.len(),
        slots.len(),
        sum.0
    );
}

fn fail(path: &str, e: std::io::Error) -> ! {
    eprintln!("{path}: {e}");
    std::process::exit(1);
}
