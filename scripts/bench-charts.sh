#!/usr/bin/env bash
# Chart redraw benchmark (a measurement, not a test): see scripts/bench-charts.js. Serves the
# release build in dist/ on 127.0.0.1 and times redraws at device pixel ratios 1 and 2.
# Writes target/bench/charts-dpr1.json and charts-dpr2.json.
#
#   ./scripts/bench-charts.sh            RUNS=51 ./scripts/bench-charts.sh
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "$0")/env.sh"
cd "$ROOT"

RUNS="${RUNS:-31}"
PORT="${BENCH_PORT:-4191}"
mkdir -p target/bench
[ -f dist/index.html ] || ./scripts/build.sh

serve_dist "$PORT"

for dpr in 1 2; do
  node scripts/bench-charts.js --url "http://127.0.0.1:$PORT/" --runs "$RUNS" --dpr "$dpr" \
    --out "target/bench/charts-dpr$dpr.json"
done
