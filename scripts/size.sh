#!/usr/bin/env bash
# The built app's size, gzip -9: what the page fetches before its first figure, file by file,
# what it fetches only when first needed, and the whole build. Fails only when what a reader
# fetches before the first figure, in the language that needs the most, is over the guardrail
# below. Runs on dist/ after scripts/build.sh, or on the folder given:
#
#   ./scripts/size.sh              ./scripts/size.sh path/to/dist
#
# The files fetched before the first figure are read from the built page itself, not named
# here:
# - index.html;
# - what its <link> elements fetch (stylesheet, icon, manifest, preload, modulepreload),
#   its <script src=...> files, and the files its inline module script imports or starts
#   (Trunk's JS glue and the page's wasm), and the modules those JS files import (the loader
#   of the calculators' modules, scripts/split-wasm.js); other links (apple-touch-icon) are
#   fetched only when a device asks for them;
# - a language file, for a page that opens in Persian or Vietnamese: it reads i18n/<tag>.txt
#   before it shows anything; the largest is counted, the worst case.
# Fetched only when first needed: each calculator's modules, the first time it is shown, or at
# open when the address names it (the list that scripts/split-wasm.js writes into index.html);
# the import worker (its loader, Trunk's *_loader.js, and the
# JS and wasm the loader names), when the data view opens or a file is dropped; a language
# file, when it is chosen. The service worker is registered after the first figure and then
# caches the whole build: that is the "whole build" line.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "$0")/env.sh"
DIST="${1:-$ROOT/dist}"
GUARDRAIL=$((400 * 1000))

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

# The files a JS module of the build imports: import ... from "./x.js".
js_imports() {
  grep -oE "(from|import)[[:space:]]*[\"'][^\"']+\.js[\"']" "$1" | grep -oE "[\"'][^\"']+[\"']" | tr -d "\"'" || true
}

# The modules each calculator's first showing fetches, as scripts/split-wasm.js lists them in
# index.html (<script type=application/json id=calculator-modules>{"<route>": [files]}): one
# line per calculator, <route> <file> <file>...
split_modules() {
  node -e '
    const html = require("fs").readFileSync("index.html", "utf8");
    const m = /<script type="?application\/json"? id="?calculator-modules"?>([^<]*)<\/script>/.exec(html);
    if (m) for (const [route, files] of Object.entries(JSON.parse(m[1]))) console.log(route, ...files);
  '
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

mapfile -t opened < <({ echo index.html; page_refs; } | normalise | awk '!seen[$0]++')
# Each JS file fetched at open fetches what it imports, at open too.
for ((i = 0; i < ${#opened[@]}; i++)); do
  f=${opened[i]}
  [[ $f == *.js && -f $f ]] || continue
  while IFS= read -r g; do
    [[ " ${opened[*]} " == *" $g "* ]] || opened+=("$g")
  done < <(js_imports "$f" | normalise)
done
mapfile -t modules < <(split_modules)
mapfile -t later < <(worker_refs | normalise | awk '!seen[$0]++')

language=""
for f in i18n/*.txt; do
  [ -f "$f" ] || continue
  if [ -z "$language" ] || [ "$(gz "$f")" -gt "$(gz "$language")" ]; then language="$f"; fi
done
row() { printf '%-44s %10s %10s  %s\n' "$@"; }
row "before the first figure" "raw" "gzip -9" ""
initial=0
missing=0
for f in "${opened[@]}"; do
  if [ ! -f "$f" ]; then
    echo "size: the page fetches $f, which is not in the build" >&2
    missing=1
    continue
  fi
  g=$(gz "$f")
  initial=$((initial + g))
  row "$f" "$(wc -c < "$f")" "$g" ""
done
row "in English" "" "$initial" ""
worst=$initial
if [ -n "$language" ]; then
  worst=$((initial + $(gz "$language")))
  row "$language" "$(wc -c < "$language")" "$(gz "$language")" "(opening in this language; the larger one)"
  row "in the language that needs the most" "" "$worst" "(guardrail $GUARDRAIL)"
fi

echo
row "fetched when first needed" "raw" "gzip -9" ""
for f in "${later[@]}"; do
  if [ ! -f "$f" ]; then
    echo "size: the worker's loader names $f, which is not in the build" >&2
    missing=1
    continue
  fi
  row "$f" "$(wc -c < "$f")" "$(gz "$f")" "(import worker: the data view, a dropped file)"
done
for f in i18n/*.txt; do
  [ -f "$f" ] && row "$f" "$(wc -c < "$f")" "$(gz "$f")" "(when the language is chosen)"
done
if [ ${#modules[@]} -gt 0 ]; then
  modules_raw=0
  modules_gz=0
  declare -A counted=()
  while read -r calculator files; do
    view_raw=0
    view_gz=0
    for f in $files; do
      if [ ! -f "$f" ]; then
        echo "size: the loader names $f, which is not in the build" >&2
        missing=1
        continue
      fi
      view_raw=$((view_raw + $(wc -c < "$f")))
      view_gz=$((view_gz + $(gz "$f")))
      if [ -z "${counted[$f]:-}" ]; then
        counted[$f]=1
        modules_raw=$((modules_raw + $(wc -c < "$f")))
        modules_gz=$((modules_gz + $(gz "$f")))
      fi
    done
    row "$calculator ($(wc -w <<< "$files") modules)" "$view_raw" "$view_gz" "(its first showing; shared modules counted in each)"
  done < <(printf '%s\n' "${modules[@]}")
  row "every calculator's modules (${#counted[@]} files)" "$modules_raw" "$modules_gz" "(each file once)"
fi

raw_all=0
gz_all=0
while IFS= read -r f; do
  raw_all=$((raw_all + $(wc -c < "$f")))
  gz_all=$((gz_all + $(gz "$f")))
done < <(find . -type f -printf '%P\n' | LC_ALL=C sort)
echo
row "whole build ($(find . -type f | wc -l) files)" "$raw_all" "$gz_all" "(the service worker caches it after the first visit)"

[ "$missing" -eq 0 ] || exit 2
if [ "$worst" -gt "$GUARDRAIL" ]; then
  echo "size: $worst bytes gzipped before the first figure, over the guardrail of $GUARDRAIL" >&2
  exit 1
fi
echo "size: before the first figure $initial bytes gzipped in English, $worst at most (guardrail $GUARDRAIL)"
