#!/usr/bin/env bash
# Ten thousand saved sessions (a measurement, not a test): see scripts/bench-sessions.js.
# Serves the release build in dist/ on 127.0.0.1, fills the page's storage with 10,000
# sessions and times opening the page, each action of the session list, and importing a file
# of 10,000 sessions. With BASELINE set to another build's folder (an earlier dist/, say),
# serves that one too and measures both in the same run, taking turns.
# Writes target/bench/sessions.json.
#
#   ./scripts/bench-sessions.sh          RUNS=9 BASELINE=target/bench/dist-before ./scripts/bench-sessions.sh
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "$0")/env.sh"
cd "$ROOT"

RUNS="${RUNS:-5}"
IMPORT_RUNS="${IMPORT_RUNS:-3}"
SESSIONS="${SESSIONS:-10000}"
PORT="${BENCH_PORT:-4193}"
mkdir -p target/bench
[ -f dist/index.html ] || ./scripts/build.sh

serve_dist "$PORT"
baseline=()
if [ -n "${BASELINE:-}" ]; then
  base_port=$((PORT + 1))
  python3 -m http.server "$base_port" --bind 127.0.0.1 --directory "$BASELINE" >/dev/null 2>&1 &
  BASE_SERVER=$!
  trap 'kill "$DIST_SERVER" "$BASE_SERVER" 2>/dev/null || true' EXIT
  for _ in $(seq 50); do
    curl -fs "http://127.0.0.1:$base_port/index.html" >/dev/null && break
    sleep 0.1
  done
  baseline=(--baseline "http://127.0.0.1:$base_port/")
fi

node scripts/bench-sessions.js --url "http://127.0.0.1:$PORT/" "${baseline[@]}" --runs "$RUNS" \
  --import-runs "$IMPORT_RUNS" --sessions "$SESSIONS" --out target/bench/sessions.json
