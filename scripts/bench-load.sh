#!/usr/bin/env bash
# Page load benchmark (a measurement, not a test): see scripts/bench-load.js. Serves the
# release build in dist/ gzipped on 127.0.0.1, as a static host does, and times fresh loads
# of the default view and of the forecast opened directly, on the loopback and on Lighthouse's
# mobile profile (DevTools' network and CPU throttling), until the page marks its first
# figure. Medians of RUNS rounds (default 7) after one uncounted warm-up round; prints them
# beside the goals and writes target/bench/load.json. Fails only when a page does not load or
# never marks its first figure.
#
#   ./scripts/bench-load.sh            RUNS=11 ./scripts/bench-load.sh
#   DIST=path/to/an/earlier/dist ./scripts/bench-load.sh      (measures that build instead)
#   COMPARE=path/to/an/earlier/dist ./scripts/bench-load.sh   (both builds, in the same rounds)
#
# Builds dist/ first when it is missing or older than the sources (not when DIST is given).
# Everything stays on 127.0.0.1.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "$0")/env.sh"
cd "$ROOT"

RUNS="${RUNS:-7}"
PORT="${BENCH_PORT:-4198}"
DIST="${DIST:-dist}"
mkdir -p target/bench

if [ "$DIST" = dist ]; then build_if_stale; fi

node scripts/bench-load.js --dist "$DIST" --port "$PORT" --runs "$RUNS" --out target/bench/load.json \
  ${COMPARE:+--compare "$COMPARE"}
