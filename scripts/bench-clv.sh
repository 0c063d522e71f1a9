#!/usr/bin/env bash
# Customer-value benchmark (a measurement, not a test): the customer summary, the BG/NBD fit
# and the Gamma-Gamma fit of docs/metrics.md section 9, natively, on the CDNOW 1/10 sample
# shipped in public/samples and on the full CDNOW file (23,570 customers), which is written
# under target/cdnow/ from the lifetimes package's wheel (downloaded there by scripts/cdnow.py
# when missing) and never kept in the repository. Calibration to 1997-09-30, weeks. Medians
# of RUNS runs (default 7) after one uncounted warm-up; writes target/bench/clv.json. Then the
# same in the browser on the full file (scripts/bench-clv.js, BROWSER_RUNS fresh pages, default
# 5): the release build in dist/ served on 127.0.0.1; writes target/bench/clv-browser.json.
#
#   ./scripts/bench-clv.sh            RUNS=11 BROWSER_RUNS=7 ./scripts/bench-clv.sh
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "$0")/env.sh"
cd "$ROOT"

RUNS="${RUNS:-7}"
mkdir -p target/bench target/cdnow
FULL=target/cdnow/cdnow-master.csv
if [ ! -s "$FULL" ]; then
    python3 scripts/cdnow.py master "$FULL"
fi
run() {
    cargo run --quiet --profile release-fast --example bench_clv -- "$1" 1997-09-30 "$RUNS"
}
printf '== CDNOW 1/10 sample\n'
sample=$(run public/samples/cdnow-sample.csv | tee /dev/stderr | tail -1)
printf '\n== CDNOW full file\n'
full=$(run "$FULL" | tee /dev/stderr | tail -1)
printf '{"sample":%s,"full":%s}\n' "$sample" "$full" > target/bench/clv.json
cat target/bench/clv.json

printf '\n== CDNOW full file in the browser\n'
build_if_stale
serve_dist "${BENCH_PORT:-4192}"
node scripts/bench-clv.js --url "http://127.0.0.1:${BENCH_PORT:-4192}/" --file "$FULL" \
  --runs "${BROWSER_RUNS:-5}" --out target/bench/clv-browser.json
