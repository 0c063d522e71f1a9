# Sourced by the other scripts: tool paths and settings that keep every tool offline.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export TRUNK_OFFLINE=true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# Serves the release build in dist/ on 127.0.0.1:$1 until the calling script exits, and
# returns once it answers.
serve_dist() {
  python3 -m http.server "$1" --bind 127.0.0.1 --directory "$ROOT/dist" >/dev/null 2>&1 &
  DIST_SERVER=$!
  trap 'kill "$DIST_SERVER" 2>/dev/null || true' EXIT
  for _ in $(seq 50); do
    curl -fs "http://127.0.0.1:$1/index.html" >/dev/null && return 0
    sleep 0.1
  done
}

# Builds the release app into dist/ when it is missing or older than any of its sources; for
# the benchmarks, which measure the build as it is.
build_if_stale() {
  local inputs=() p
  for p in src index.html Cargo.toml Cargo.lock Trunk.toml style public; do
    [ -e "$ROOT/$p" ] && inputs+=("$ROOT/$p")
  done
  if [ ! -f "$ROOT/dist/index.html" ] || [ ! -f "$ROOT/dist/worker_loader.js" ] ||
    [ -n "$(find "${inputs[@]}" -newer "$ROOT/dist/index.html" -print -quit)" ]; then
    printf '\n== %s\n' "building the release app (dist/ missing or stale)"
    "$ROOT/scripts/build.sh"
  else
    printf '\n== %s\n' "dist/ is up to date"
  fi
}
