#!/usr/bin/env bash
# Files with very wide headers (a measurement, not a test): see scripts/bench-headers.js.
# Serves the release build in dist/ on 127.0.0.1 and times how the page answers each file.
# Writes target/bench/headers.json.
#
#   ./scripts/bench-headers.sh            RUNS=9 ./scripts/bench-headers.sh
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "$0")/env.sh"
cd "$ROOT"

RUNS="${RUNS:-5}"
PORT="${BENCH_PORT:-4197}"
mkdir -p target/bench
[ -f dist/index.html ] || ./scripts/build.sh

serve_dist "$PORT"

node scripts/bench-headers.js --url "http://127.0.0.1:$PORT/" --runs "$RUNS" --out target/bench/headers.json
