#!/usr/bin/env bash
# Measures the transferred size of the built app (dist/), gzip -9, and checks the budget:
# the main app (html + js + wasm + css) at most 350 KB. Other files (the import worker, the
# language files, the service worker, icons) are listed on their own, and so is the whole
# build, which the service worker fetches after the first load for offline use.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT/dist"
BUDGET=$((350 * 1000))

gz() { gzip -9 -c "$1" | wc -c; }
total=0
printf '%-44s %10s %10s\n' "file" "raw" "gzip -9"
for f in index.html *.js *.wasm *.css; do
  [ -f "$f" ] || continue
  # The import worker loads only when data is imported; it is listed below.
  case "$f" in worker* | service-worker.js) continue ;; esac
  raw=$(wc -c < "$f"); g=$(gz "$f")
  total=$((total + g))
  printf '%-44s %10d %10d\n' "$f" "$raw" "$g"
done
printf '%-44s %10s %10d\n' "main app total" "" "$total"
all=0
while IFS= read -r f; do
  g=$(gz "$f")
  all=$((all + g))
  case "$f" in worker* | service-worker.js) ;; index.html | *.js | *.wasm | *.css) continue ;; esac
  printf '%-44s %10d %10d  (loaded separately)\n' "$f" "$(wc -c < "$f")" "$g"
done < <(find . -type f -printf '%P\n' | LC_ALL=C sort)
printf '%-44s %10s %10d  (cached for offline use)\n' "whole build" "" "$all"
if [ "$total" -gt "$BUDGET" ]; then
  echo "size: main app is $total bytes gzipped, over the budget of $BUDGET" >&2
  exit 1
fi
echo "size: main app $total bytes gzipped (budget $BUDGET)"
