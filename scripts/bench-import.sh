#!/usr/bin/env bash
# Import benchmark (a measurement, not a test): a generated 1,000,000-row `customer_id,date`
# file read by the native import core, by the release app in Chromium (upload -> tables on
# screen), and by pandas (read_csv + monthly cohort triangle); then the same rows with an
# `amount` column, by the native core and the app, whose revenue tables are built with the
# rest. Medians of RUNS runs (default 5) after one uncounted warm-up run each. Prints a summary
# table and writes target/bench/import.json.
#
#   ./scripts/bench-import.sh            RUNS=7 ./scripts/bench-import.sh
#
# Builds dist/ first when it is missing or older than the sources; installs pandas from PyPI
# into target/bench/venv when missing. Everything else stays on 127.0.0.1.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "$0")/env.sh"
cd "$ROOT"

RUNS="${RUNS:-5}"
BENCH_DIR=target/bench
DATA="$BENCH_DIR/orders-1m.csv"
AMOUNTS="$BENCH_DIR/orders-1m-amounts.csv"
VENV="$BENCH_DIR/venv"
mkdir -p "$BENCH_DIR"

step() { printf '\n== %s\n' "$*"; }

# --- the app ---------------------------------------------------------------------------
build_if_stale

# --- the data --------------------------------------------------------------------------
step "generating $DATA"
gen_line=$(cargo run --quiet --profile release-fast --example gen_orders -- "$DATA")
echo "$gen_line"
checksum=${gen_line##* }
step "generating $AMOUNTS"
gen_line=$(cargo run --quiet --profile release-fast --example gen_orders -- "$AMOUNTS" --amounts)
echo "$gen_line"
amounts_checksum=${gen_line##* }

# --- native core -----------------------------------------------------------------------
step "native import core (release-fast), $RUNS runs"
cargo run --quiet --profile release-fast --example bench_import -- "$DATA" "$RUNS" \
  | tee "$BENCH_DIR/native.txt"
tail -n 1 "$BENCH_DIR/native.txt" > "$BENCH_DIR/native.json"
step "native import core (release-fast), with amounts, $RUNS runs"
cargo run --quiet --profile release-fast --example bench_import -- "$AMOUNTS" "$RUNS" \
  | tee "$BENCH_DIR/native-amounts.txt"
tail -n 1 "$BENCH_DIR/native-amounts.txt" > "$BENCH_DIR/native-amounts.json"

# --- pandas ----------------------------------------------------------------------------
if ! "$VENV/bin/python" -c 'import pandas' 2>/dev/null; then
  step "installing pandas into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check pandas
fi
step "pandas read_csv + monthly cohort triangle, $RUNS runs"
"$VENV/bin/python" - "$DATA" "$RUNS" "$BENCH_DIR/pandas.json" <<'PY'
import json
import platform
import sys
import time

import numpy as np
import pandas as pd

path, runs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]


def triangle():
    """Customers active per (cohort month, months since the cohort month), as docs/metrics.md
    section 2: the cohort is the month of a customer's first transaction."""
    df = pd.read_csv(path, dtype={"customer_id": str, "date": str})
    dates = pd.to_datetime(df["date"], format="%Y-%m-%d")
    month = dates.dt.year.to_numpy() * 12 + dates.dt.month.to_numpy() - 1
    customer, ids = pd.factorize(df["customer_id"])
    active = pd.DataFrame({"c": customer, "m": month}).drop_duplicates()
    cohort = active.groupby("c")["m"].transform("min")
    counts = (
        active.assign(cohort=cohort, k=active["m"] - cohort)
        .groupby(["cohort", "k"])
        .size()
        .unstack()
    )
    return len(df), len(ids), counts


times = []
for i in range(runs + 1):
    started = time.perf_counter()
    rows, customers, counts = triangle()
    secs = time.perf_counter() - started
    # The first run warms the page cache and is not counted.
    if i > 0:
        times.append(secs)
        print(
            f"run {i}: {secs * 1000:.1f} ms ({rows} rows, {customers} customers, "
            f"{counts.shape[0]} cohorts, {int(np.nansum(counts.to_numpy()))} active cells summed)"
        )
report = {
    "median_s": sorted(times)[len(times) // 2],
    "runs": times,
    "rows": rows,
    "customers": customers,
    "cohorts": int(counts.shape[0]),
    "k0_total": int(counts[0].sum()),
    "pandas": pd.__version__,
    "numpy": np.__version__,
    "python": platform.python_version(),
}
with open(out, "w") as f:
    json.dump(report, f, indent=2)
print(f"pandas {pd.__version__} median: {report['median_s'] * 1000:.1f} ms")
PY

# --- browser ---------------------------------------------------------------------------
port="${BENCH_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
step "browser: release app on 127.0.0.1:$port, $RUNS runs"
python3 -m http.server "$port" --bind 127.0.0.1 --directory dist > "$BENCH_DIR/server.log" 2>&1 &
server_pid=$!
stop_server() {
  if kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
}
trap stop_server EXIT
trap 'exit 130' INT TERM
for _ in $(seq 100); do
  if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  kill -0 "$server_pid" 2>/dev/null || { cat "$BENCH_DIR/server.log" >&2; exit 1; }
  sleep 0.1
done
node scripts/bench-import.js --url "http://127.0.0.1:$port/" --file "$DATA" --runs "$RUNS" \
  --out "$BENCH_DIR/browser.json"
step "browser, with amounts, $RUNS runs"
node scripts/bench-import.js --url "http://127.0.0.1:$port/" --file "$AMOUNTS" --runs "$RUNS" \
  --out "$BENCH_DIR/browser-amounts.json"
stop_server
trap - EXIT

# --- summary ---------------------------------------------------------------------------
step "summary"
python3 - "$BENCH_DIR" "$DATA" "$checksum" "$AMOUNTS" "$amounts_checksum" <<'PY'
import json
import os
import sys

bench, data, checksum, amounts, amounts_checksum = sys.argv[1:6]


def load(name):
    with open(os.path.join(bench, name)) as f:
        return json.load(f)


native, pandas, browser = load("native.json"), load("pandas.json"), load("browser.json")
size = os.path.getsize(data)
native_ms = native["median_s"] * 1000
pandas_ms = pandas["median_s"] * 1000
browser_ms = browser["median_ms"]
ratio = browser_ms / pandas_ms
memory = browser["peak_memory"]
memory_ratio = memory / size
native_amounts_ms = load("native-amounts.json")["median_s"] * 1000
browser_amounts = load("browser-amounts.json")
browser_amounts_ms = browser_amounts["median_ms"]
# With amounts the import builds the revenue tables too: at most 25% more time than the
# same rows without amounts.
amounts_ratio = browser_amounts_ms / browser_ms
native_amounts_ratio = native_amounts_ms / native_ms



def ok(good):
    return "ok" if good else "MISSED"


lines = [
    ("file size", f"{size:,} bytes ({size / 2**20:.1f} MiB), fnv1a64 {checksum}"),
    ("rows", f"{pandas['rows']:,} ({pandas['customers']:,} customers)"),
    ("native core median", f"{native_ms:.1f} ms"),
    ("browser median", f"{browser_ms:.1f} ms (upload change -> tables rendered; "
                       f"in the DOM at {browser['median_dom_ms']:.1f} ms)"),
    ("browser first import", f"{browser['first_import']['ms']:.1f} ms (fresh browser profile, "
                             "warm-up, not in the median)"),
    ("pandas median", f"{pandas_ms:.1f} ms (pandas {pandas['pandas']})"),
    ("browser / pandas", f"{ratio:.2f}x  target <= 0.90x: {ok(ratio <= 0.9)}"),
    ("peak wasm memory", f"{memory:,} bytes ({memory / 2**20:.1f} MiB, worker)"),
    ("peak memory / file size", f"{memory_ratio:.2f}x  target <= 3x: {ok(memory_ratio <= 3)}"),
    ("with amounts: file", f"{os.path.getsize(amounts):,} bytes, the same rows, fnv1a64 {amounts_checksum}"),
    ("with amounts: native core", f"{native_amounts_ms:.1f} ms ({native_amounts_ratio:.2f}x without)"),
    ("with amounts: browser median", f"{browser_amounts_ms:.1f} ms (first import "
                                     f"{browser_amounts['first_import']['ms']:.1f} ms)"),
    ("with amounts / without, browser", f"{amounts_ratio:.2f}x  target <= 1.25x: {ok(amounts_ratio <= 1.25)}"),
]
width = max(len(k) for k, _ in lines)
for k, v in lines:
    print(f"{k:<{width}}  {v}")

report = {
    "file": {"path": data, "bytes": size, "rows": pandas["rows"],
             "customers": pandas["customers"], "fnv1a64": checksum},
    "native": {"median_ms": native_ms, "runs_ms": [t * 1000 for t in native["runs"]]},
    "browser": {"median_ms": browser_ms, "runs_ms": [r["ms"] for r in browser["runs"]],
                "median_dom_ms": browser["median_dom_ms"],
                "median_done_message_ms": browser["median_done_message_ms"],
                "median_worker_ms": browser["median_worker_ms"],
                "median_worker_wait_ms": browser["median_worker_wait_ms"],
                "first_import_ms": browser["first_import"]["ms"],
                "chromium": browser["chromium"], "details": browser["runs"],
                "first_import": browser["first_import"]},
    "pandas": {"median_ms": pandas_ms, "runs_ms": [t * 1000 for t in pandas["runs"]],
               "version": pandas["pandas"], "numpy": pandas["numpy"]},
    "with_amounts": {"path": amounts, "bytes": os.path.getsize(amounts), "fnv1a64": amounts_checksum,
                     "native_median_ms": native_amounts_ms, "browser_median_ms": browser_amounts_ms,
                     "browser_first_import_ms": browser_amounts["first_import"]["ms"],
                     "browser_runs_ms": [r["ms"] for r in browser_amounts["runs"]],
                     "over_without_browser": amounts_ratio, "over_without_native": native_amounts_ratio},
    "browser_over_pandas": ratio,
    "peak_wasm_memory_bytes": memory,
    "peak_memory_over_file_size": memory_ratio,
    "targets": {"browser_over_pandas_max": 0.9, "memory_over_file_size_max": 3.0,
                "browser_ok": ratio <= 0.9, "memory_ok": memory_ratio <= 3,
                "amounts_over_without_max": 1.25, "amounts_ok": amounts_ratio <= 1.25},
}
with open(os.path.join(bench, "import.json"), "w") as f:
    json.dump(report, f, indent=2)
print(f"written: {os.path.join(bench, 'import.json')}")
PY
