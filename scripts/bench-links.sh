#!/usr/bin/env bash
# Hostile share links (a measurement, not a test): see scripts/bench-links.js. Serves the
# release build in dist/ on 127.0.0.1 and times how the page refuses each link.
# Writes target/bench/links.json.
#
#   ./scripts/bench-links.sh            RUNS=15 ./scripts/bench-links.sh
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "$0")/env.sh"
cd "$ROOT"

RUNS="${RUNS:-7}"
PORT="${BENCH_PORT:-4192}"
mkdir -p target/bench
[ -f dist/index.html ] || ./scripts/build.sh

serve_dist "$PORT"

node scripts/bench-links.js --url "http://127.0.0.1:$PORT/" --runs "$RUNS" --out target/bench/links.json
