#!/usr/bin/env bash
# The built app's size, gzip -9: the initial transfer (every file the page fetches as it
# opens) file by file, then the whole build. Fails only when the initial transfer is over
# the guardrail below. Runs on dist/ after scripts/build.sh, or on the folder given:
#
#   ./scripts/size.sh              ./scripts/size.sh path/to/dist
#
# The files fetched at open are read from the built page itself, not named here:
# - index.html;
# - what its <link> elements fetch (stylesheet, icon, manifest, preload, modulepreload),
#   its <script src=...> files, and the files its inline module script imports or starts
#   (Trunk's JS glue and the page's wasm); other links (apple-touch-icon) are fetched only
#   when a device asks for them;
# - the import worker: the page starts it as it opens (the data panel warms it up), so its
#   loader (Trunk's *_loader.js) and the JS and wasm the loader names count too;
# - a language file: a page opening in Persian or Vietnamese reads i18n/<tag>.txt before it
#   shows anything; the largest is counted, the worst case.
# The service worker is registered after the page has loaded and then caches the whole
# build: that is the "whole build" line.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "$0")/env.sh"
DIST="${1:-$ROOT/dist}"
GUARDRAIL=$((650 * 1000))

[ -f "$DIST/index.html" ] || { echo "size: no index.html in $DIST (run scripts/build.sh)" >&2; exit 2; }
cd "$DIST"

gz() { gzip -9 -c "$1" | wc -c; }

# Local paths in the page: href/src of the elements that fetch at open, and what the inline
# module script imports. Attribute values may be quoted or not (the page is minified); the
# inline script's service-worker registration is not an import and is left out.
value() { sed -E "s/^[a-z]+=//; s/^[\"']//; s/[\"']\$//"; }
page_refs() {
  local tag rel
  tr '\n' ' ' < index.html | grep -oiE '<(link|script)[^>]*>' | while IFS= read -r tag; do
    rel=$(grep -oiE "rel=(\"[^\"]*\"|'[^']*'|[^ >]+)" <<< "$tag" | head -1 | value || true)
    case "$tag" in
      "<script"* | "<SCRIPT"*) ;;
      *) case " ${rel,,} " in
           *" stylesheet "* | *" icon "* | *" manifest "* | *" preload "* | *" modulepreload "*) ;;
           *) continue ;;
         esac ;;
    esac
    grep -oiE "(href|src)=(\"[^\"]*\"|'[^']*'|[^ >]+)" <<< "$tag" | value || true
  done
  # Trunk's module script: import init from './x.js'; init({ module_or_path: './x_bg.wasm' }).
  grep -oE "(from|module_or_path[[:space:]]*:|init[[:space:]]*\\()[[:space:]]*[\"'][^\"']+[\"']" index.html |
    grep -oE "[\"'][^\"']+[\"']" | tr -d "\"'" | grep -E '\.(js|wasm)$' || true
}

# A loader shim of Trunk's: importScripts("./worker.js");wasm_bindgen("./worker_bg.wasm");
worker_refs() {
  local loader
  for loader in *_loader.js; do
    [ -f "$loader" ] || continue
    echo "$loader"
    grep -oE "[\"'][^\"']+\.(js|wasm)[\"']" "$loader" | tr -d "\"'"
  done
}

# Paths relative to the build folder; other sites' files and data: URLs are not ours.
normalise() {
  grep -vE '^([a-z]+:|//|#)' | sed -E 's/[?#].*$//; s|^\./||; s|^/||' | grep -v '^$' || true
}

mapfile -t opened < <({ echo index.html; page_refs; worker_refs; } | normalise | awk '!seen[$0]++')

language=""
for f in i18n/*.txt; do
  [ -f "$f" ] || continue
  if [ -z "$language" ] || [ "$(gz "$f")" -gt "$(gz "$language")" ]; then language="$f"; fi
done
[ -n "$language" ] && opened+=("$language")

row() { printf '%-44s %10s %10s  %s\n' "$@"; }
row "initial transfer" "raw" "gzip -9" ""
initial=0
missing=0
for f in "${opened[@]}"; do
  if [ ! -f "$f" ]; then
    echo "size: the page fetches $f, which is not in the build" >&2
    missing=1
    continue
  fi
  note=""
  case "$f" in *_loader.js | worker*) note="(import worker, started at open)" ;; esac
  [ "$f" = "$language" ] && note="(when the page opens in this language; the larger one)"
  g=$(gz "$f")
  initial=$((initial + g))
  row "$f" "$(wc -c < "$f")" "$g" "$note"
done
row "initial transfer total" "" "$initial" "(guardrail $GUARDRAIL)"

raw_all=0
gz_all=0
while IFS= read -r f; do
  raw_all=$((raw_all + $(wc -c < "$f")))
  gz_all=$((gz_all + $(gz "$f")))
done < <(find . -type f -printf '%P\n' | LC_ALL=C sort)
echo
row "whole build ($(find . -type f | wc -l) files)" "$raw_all" "$gz_all" "(the service worker caches it after the first visit)"

[ "$missing" -eq 0 ] || exit 2
if [ "$initial" -gt "$GUARDRAIL" ]; then
  echo "size: the initial transfer is $initial bytes gzipped, over the guardrail of $GUARDRAIL" >&2
  exit 1
fi
echo "size: initial transfer $initial bytes gzipped (guardrail $GUARDRAIL)"
